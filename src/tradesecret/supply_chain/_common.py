"""Shared helpers of the supply-chain domain: citations by date, labels, validation."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import pendulum

from tradesecret._constraints import TEXT_FIELD, TRIMMED_PATTERN, matches
from tradesecret._constraints import TRIMMED_FIELD as ID_FIELD
from tradesecret.dates import to_date
from tradesecret.exceptions import InvalidInputError, OutOfCoverageError, Problem
from tradesecret.facts import UNKNOWN
from tradesecret.law import COMMON_PRACTICE, POLICY, Citation
from tradesecret.money import to_decimal
from tradesecret.results import Finding
from tradesecret.rulebook import ParameterValue, Rulebook

if TYPE_CHECKING:
    from tradesecret.i18n import Localizer

__all__ = [
    "COMMON_PRACTICE",
    "ID_FIELD",
    "POLICY",
    "SPC_CORRESPONDENCE",
    "SPC_DUTY",
    "SPC_MEASURES",
    "TEXT_FIELD",
    "aucl_secret_article",
    "check_id",
    "collect",
    "date_or_problem",
    "decimal_or_problem",
    "finding_lines",
    "heading",
    "in_force_cites",
    "normalize_dates",
    "term_or_code",
    "unknown_if_none",
    "used",
]

#: SPC Trade Secret Provisions Art. 6: confidentiality measures, including requirements imposed
#: on suppliers and limiting the range of persons who can access a secret.
SPC_MEASURES: Final = "spc-ts@2020-09-10:6"
#: SPC Trade Secret Provisions Art. 5: reasonable measures; factors include how well the
#: measures correspond to the secret.
SPC_CORRESPONDENCE: Final = "spc-ts@2020-09-10:5"
#: SPC Trade Secret Provisions Art. 10: confidentiality duty by law or contract.
SPC_DUTY: Final = "spc-ts@2020-09-10:10"


def aucl_secret_article(rulebook: Rulebook, as_of: pendulum.Date) -> ParameterValue | None:
    """
    The parameter ``supply_chain.aucl_infringement_article`` in force on ``as_of``: its
    value is the AUCL article on infringing acts (AUCL 2019 Art. 9 before 2025-10-15,
    AUCL 2025 Art. 10 from then on) and its first citation is that article. ``None``
    before 2019-04-23, which the catalog does not cover.
    """
    try:
        return rulebook.param("supply_chain.aucl_infringement_article", as_of=as_of)
    except OutOfCoverageError:
        return None


def in_force_cites(rulebook: Rulebook, as_of: pendulum.Date, *refs: str) -> tuple[Citation, ...]:
    """
    The citations of ``refs`` whose instrument is in force on ``as_of``: the SPC Trade
    Secret Provisions (effective 2020-09-12) are not cited for an earlier date.
    """
    return tuple(
        rulebook.cite(ref)
        for ref in refs
        if rulebook.instrument(ref.split(":", 1)[0]).in_force_on(as_of)
    )


def term_or_code(loc: Localizer, prefix: str, code: str) -> str:
    """The translated term ``<prefix>.<code>`` when the catalog has it, else ``code`` itself."""
    key = f"{prefix}.{code}"
    return loc.term(key) if loc.has(key) else code


def check_id(value: object, path: str, problems: list[Problem]) -> None:
    """An identifier must be non-empty text without surrounding whitespace."""
    if not matches(TRIMMED_PATTERN, value):
        problems.append(
            Problem.of(path, value, "must be non-empty text without surrounding spaces")
        )


def date_or_problem(value: object, path: str, problems: list[Problem]) -> pendulum.Date | None:
    """``to_date(value)``, or ``None`` with the problem recorded (to report every problem at once)."""
    try:
        return to_date(value, path=path)
    except InvalidInputError as error:
        problems.extend(error.problems)
        return None


def decimal_or_problem(value: object, path: str, problems: list[Problem]) -> Decimal | None:
    """
    ``to_decimal(value)``, or ``None`` with the problem recorded. A ``float`` still raises
    :class:`~tradesecret.exceptions.FloatNotAllowedError` at once (a programming error).
    """
    try:
        return to_decimal(value, path=path)
    except InvalidInputError as error:
        problems.extend(error.problems)
        return None


def normalize_dates(instance: object, names: Iterable[str], problems: list[Problem]) -> None:
    """
    Convert each date field of a frozen attrs ``instance`` in place with
    :func:`~tradesecret.dates.to_date` (so ISO text and ``datetime.date`` are accepted),
    recording a problem for each one that is not a date. ``None`` stays ``None``.
    """
    for name in names:
        value = getattr(instance, name)
        if value is None:
            continue
        day = date_or_problem(value, name, problems)
        if day is not None:
            object.__setattr__(instance, name, day)


def collect(problems: Iterable[Problem]) -> None:
    """Raise one :class:`InvalidInputError` listing every problem, if any."""
    found = list(problems)
    if found:
        raise InvalidInputError(found)


def used(*params: ParameterValue) -> tuple[ParameterValue, ...]:
    """The parameters used, in order, without repeats."""
    seen: dict[tuple[str, str | None, pendulum.Date], ParameterValue] = {}
    for p in params:
        seen.setdefault((p.name, p.region, p.since), p)
    return tuple(seen.values())


def heading(fmt: str, level: int, text: str) -> str:
    """A Markdown heading, or the plain text."""
    return f"{'#' * level} {text}" if fmt == "markdown" else text


def finding_lines(loc: Localizer, findings: Iterable[Finding]) -> list[str]:
    """Each finding as a bullet, its remedies indented below it."""
    lines: list[str] = []
    for finding in findings:
        lines.append(f"- {loc.finding(finding)}")
        lines.extend(
            f"  - {loc.label('heading.next_steps')}{loc.message(code)}" for code in finding.remedies
        )
    return lines


def unknown_if_none(value: Any) -> Any:
    """``None`` (the former "not checked yet") reads as :data:`~tradesecret.facts.UNKNOWN`."""
    return UNKNOWN if value is None else value
