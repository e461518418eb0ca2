"""Results as pandas DataFrames (pandas is optional: ``pip install tradesecret[dataframe]``)."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from typing import Any

from tradesecret.exceptions import InvalidInputError

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


def to_dataframe(data: object, *, locale: str = "zh_CN") -> Any:
    """
    A pandas DataFrame from batch results or review results.

    * a mapping of column name to array (the columnar batch output) -> one column each;
    * a pandas DataFrame -> returned as is;
    * a pyarrow Table -> ``to_pandas()``;
    * anything else (a result, a list of results, a case review) -> one row per finding.

    Raises:
        InvalidInputError: pandas is not installed.
    """
    try:
        pd: Any = importlib.import_module("pandas")
    except ImportError:
        raise InvalidInputError.single(
            "pandas",
            "",
            "install pandas (pip install 'tradesecret[dataframe]') to build DataFrames",
        ) from None
    if isinstance(data, pd.DataFrame):
        return data
    to_pandas = getattr(data, "to_pandas", None)
    if callable(to_pandas):
        return to_pandas()
    if isinstance(data, Mapping):
        return pd.DataFrame(dict(data))
    items = data if isinstance(data, list | tuple) else (data,)
    rows = findings_rows(items, locale=locale)
    return pd.DataFrame(
        rows, columns=["code", "severity", "subject", "message", "citations", "binding"]
    )
