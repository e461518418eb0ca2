"""Results as pandas DataFrames (pandas is optional: ``pip install tradesecret[dataframe]``)."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.serialization import unstructure

__all__ = ["findings_rows", "to_dataframe"]


def findings_rows(results: Iterable[object], *, locale: str = "zh_CN") -> list[dict[str, Any]]:
    """One row per finding: code, severity, subject, message, citations."""
    from tradesecret.casefile import iter_findings  # noqa: PLC0415
    from tradesecret.i18n import Localizer  # noqa: PLC0415

    loc = Localizer.for_locale(locale)
    return [
        {
            "code": f.code,
            "severity": f.severity.value,
            "subject": f.subject,
            "message": loc.message(f.code, f.args),
            "citations": ", ".join(c.id for c in f.citations),
            "binding": f.binding,
        }
        for f in iter_findings(tuple(results))
    ]


def _is_result(value: object) -> bool:
    from tradesecret.casefile import CaseReview  # noqa: PLC0415
    from tradesecret.i18n import Explainable  # noqa: PLC0415
    from tradesecret.results import Assessment, Criterion, Determination, Finding  # noqa: PLC0415

    return isinstance(
        value, Assessment | Criterion | Determination | Finding | CaseReview | Explainable
    )


def _flat(row: Any, prefix: str = "") -> dict[str, Any]:
    """Nested dicts flattened to ``a.b`` columns; money objects become their amount text."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and set(value) == {"amount", "currency"}:
            out[name] = value["amount"]
        elif isinstance(value, dict):
            out.update(_flat(value, f"{name}."))
        else:
            out[name] = value
    return out


def to_dataframe(data: object, *, locale: str = "zh_CN") -> Any:
    """
    A pandas DataFrame from batch results or review results.

    * a mapping of column name to array (the columnar batch output) -> one column each;
    * a pandas DataFrame -> returned as is;
    * a pyarrow Table or a batch result -> its ``to_pandas()``;
    * a list of plain attrs values (instalment states, package entries...) -> one row each,
      nested fields as ``a.b`` columns, money as its decimal amount text;
    * anything else (a result, a list of results, a case review) -> one row per finding.

    Raises:
        InvalidInputError: pandas is not installed.
    """
    try:
        pd: Any = importlib.import_module("pandas")
    except ImportError:
        raise InvalidInputError(
            [
                Problem(
                    path="pandas",
                    value="",
                    reason="install pandas (pip install 'tradesecret[dataframe]') to build DataFrames",
                )
            ]
        ) from None
    if isinstance(data, pd.DataFrame):
        return data
    to_pandas = getattr(data, "to_pandas", None)
    if callable(to_pandas):
        return to_pandas()
    if isinstance(data, Mapping):
        return pd.DataFrame(dict(data))
    items = data if isinstance(data, list | tuple) else (data,)
    if items and all(attrs.has(type(i)) and not _is_result(i) for i in items):
        return pd.DataFrame([_flat(unstructure(i)) for i in items])
    rows = findings_rows(items, locale=locale)
    return pd.DataFrame(
        rows, columns=["code", "severity", "subject", "message", "citations", "binding"]
    )
