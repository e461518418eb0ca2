"""Shared helpers of the supply-chain domain: citations by date, labels, validation."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

import pendulum

from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.law import Citation
from tradesecret.results import Finding
from tradesecret.rulebook import ParameterValue, Rulebook

if TYPE_CHECKING:
    from tradesecret.i18n import Localizer

__all__ = [
    "COMMON_PRACTICE",
    "POLICY",
    "SPC_CORRESPONDENCE",
    "SPC_DUTY",
    "SPC_MEASURES",
    "aucl_secret_article",
    "check_id",
    "collect",
    "finding_lines",
    "heading",
    "term_or_code",
    "used",
]

#: The library's own default policy (tier ``library_policy``).
POLICY: Final = "tradesecret-policy@2026-11-21"
#: Figures the project describes as common contracting practice (tier ``practice``).
COMMON_PRACTICE: Final = "common-practice@2026-11-21"
#: SPC Trade Secret Provisions Art. 6: confidentiality measures, including requirements imposed
#: on suppliers and limiting the range of persons who can access a secret.
SPC_MEASURES: Final = "spc-ts@2020-09-10:6"
#: SPC Trade Secret Provisions Art. 5: reasonable measures; factors include how well the
#: measures correspond to the secret.
SPC_CORRESPONDENCE: Final = "spc-ts@2020-09-10:5"
#: SPC Trade Secret Provisions Art. 10: confidentiality duty by law or contract.
SPC_DUTY: Final = "spc-ts@2020-09-10:10"

#: The trade-secret article of each AUCL version (renumbered in 2017 and 2025).
_AUCL_ARTICLE: Final = {
    "1993-09-02": "10",
    "2017-11-04": "9",
    "2019-04-23": "9",
    "2025-06-27": "10",
}


def aucl_secret_article(rulebook: Rulebook, as_of: pendulum.Date) -> Citation | None:
    """
    The AUCL trade-secret article in force on ``as_of`` (AUCL 2019 Art. 9 before
    2025-10-15, AUCL 2025 Art. 10 from then on), or ``None`` before any version the
    catalog holds.
    """
    for key, instrument in sorted(rulebook.instruments.items()):
        if instrument.id == "aucl" and instrument.in_force_on(as_of):
            article = _AUCL_ARTICLE.get(instrument.version)
            if article is not None and instrument.article(article) is not None:
                return rulebook.cite(f"{key}:{article}")
    return None


def term_or_code(loc: Localizer, prefix: str, code: str) -> str:
    """The translated term ``<prefix>.<code>`` when the catalog has it, else ``code`` itself."""
    key = f"{prefix}.{code}"
    return loc.term(key) if loc.has(key) else code


def check_id(value: object, path: str, problems: list[Problem]) -> None:
    """An identifier must be non-empty text without surrounding whitespace."""
    if not isinstance(value, str) or not value or value != value.strip():
        problems.append(
            Problem.of(path, value, "must be non-empty text without surrounding spaces")
        )


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
