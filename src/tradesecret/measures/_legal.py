"""
The legal criterion of confidentiality measures (SPC 法释〔2020〕7号 Arts. 5-6).

Input checks and citation memo shared by :func:`tradesecret.definition.assess_trade_secret`
and :func:`tradesecret.measures.assess_measures`; the criterion itself is
:mod:`tradesecret.measures._criterion`. Both live in ``measures`` and import only the
model modules, so neither package imports the other's assessment module.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import pendulum

from tradesecret.dates import term_end, to_date
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.law import Citation
from tradesecret.measures._model import (
    ConfidentialityMeasure,
    MeasureKind,
    NonDisclosureAgreement,
)
from tradesecret.results import Outcome
from tradesecret.rulebook import ParameterValue, Rulebook

__all__ = [
    "Citer",
    "MeasureTiming",
    "as_measures",
    "combine_outcomes",
    "date_and_problems",
    "measures_and_problems",
    "nda_as_measure",
]

_SPC = "spc-ts@2020-09-10"


class MeasureTiming(enum.Enum):
    """Which measures count as taken before the act (SPC 2020 Art. 5(1)); see the module docstring."""

    BEFORE_ACT = "before_act"
    ON_OR_BEFORE_ACT = "on_or_before_act"


def combine_outcomes(outcomes: Iterable[Outcome]) -> Outcome:
    """
    Cumulative elements: the same as :meth:`~tradesecret.results.Outcome.combine` (kept for
    callers of the earlier name). Any not met -> not met; else any insufficient evidence
    (undetermined) -> insufficient evidence; else any contested -> contested; else met.
    Not-applicable ones are ignored.
    """
    return Outcome.combine(outcomes)


def nda_as_measure(nda: NonDisclosureAgreement) -> ConfidentialityMeasure:
    """
    An NDA as an Art. 6 item 1 measure: in force from signing for ``duration_months``
    (open-ended when ``None``), scoped to the secrets its scope names -- or to every
    secret, generically, when it names none.
    """
    ids = nda.secret_ids()
    end = (
        term_end(nda.signed, months=nda.duration_months)
        if nda.duration_months is not None
        else None
    )
    return ConfidentialityMeasure(
        id=nda.id,
        kind=MeasureKind.CONFIDENTIALITY_AGREEMENT,
        start=nda.signed,
        end=end,
        secret_ids=ids,
        all_secrets=not ids,
        people=(nda.party,),
        evidence=nda.evidence,
        identifies_secret=bool(ids),
        description=f"NDA with {nda.party}",
    )


def as_measures(
    measures: Iterable[ConfidentialityMeasure | NonDisclosureAgreement],
) -> tuple[ConfidentialityMeasure, ...]:
    """
    Measures and NDAs as measures.

    Raises:
        InvalidInputError: one problem per item that is neither (path ``measures[i]``).
    """
    indexed, problems = measures_and_problems(measures)
    if problems:
        raise InvalidInputError(problems)
    return tuple(m for _, m in indexed)


def measures_and_problems(
    measures: Iterable[ConfidentialityMeasure | NonDisclosureAgreement],
) -> tuple[tuple[tuple[int, ConfidentialityMeasure], ...], list[Problem]]:
    """
    The valid items as measures with their input positions, and a problem for every other
    item (returned, not raised).
    """
    out: list[tuple[int, ConfidentialityMeasure]] = []
    problems: list[Problem] = []
    for i, item in enumerate(measures):
        if isinstance(item, ConfidentialityMeasure):
            out.append((i, item))
        elif isinstance(item, NonDisclosureAgreement):
            out.append((i, nda_as_measure(item)))
        else:
            problems.append(
                Problem.of(
                    f"measures[{i}]",
                    item,
                    "expected a ConfidentialityMeasure or a NonDisclosureAgreement",
                )
            )
    return tuple(out), problems


def date_and_problems(value: object, path: str) -> tuple[pendulum.Date | None, list[Problem]]:
    """``to_date(value, path=path)``, with its problems returned instead of raised."""
    try:
        return to_date(value, path=path), []
    except InvalidInputError as error:
        return None, list(error.problems)


class Citer:
    """
    Resolves citation ids against one rulebook, remembering each for the life of one call
    (a batch of 10,000 assessments resolves the same twenty ids). Not shared across calls.
    """

    __slots__ = ("_cache", "_params", "rulebook")

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self._cache: dict[str, Citation] = {}
        self._params: dict[tuple[str, pendulum.Date], ParameterValue] = {}

    def param(self, name: str, day: pendulum.Date) -> ParameterValue:
        """``rulebook.param(name, as_of=day)``, memoised."""
        key = (name, day)
        found = self._params.get(key)
        if found is None:
            found = self._params[key] = self.rulebook.param(name, as_of=day)
        return found

    def cite(self, text: str) -> Citation:
        """``rulebook.cite(text)``, memoised."""
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = self.rulebook.cite(text)
        return found

    def cite_all(self, *texts: str) -> tuple[Citation, ...]:
        """``rulebook.cite_all(*texts)``, memoised."""
        return tuple(self.cite(t) for t in texts)


def _cite(rb: Citer, *ids: str) -> tuple[Citation, ...]:
    return rb.cite_all(*ids)


def _ids(values: Iterable[str]) -> str:
    return ", ".join(values) or "-"
