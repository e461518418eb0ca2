"""
The law of trade secrets on one day: which texts define them and which interpret them.

A trade secret has been defined by statute since the AUCL 1993 took effect (Art. 10,
1993-12-01); the AUCL 2017 (Art. 9, 2018-01-01), the 2019 amendment (Art. 9, 2019-04-23) and
the AUCL 2025 (Art. 10, 2025-10-15) followed. Two Supreme People's Court texts interpret it:

* 法释〔2007〕2号 Arts. 9-14, in force 2007-02-01 and repealed 2022-03-20 (法释〔2022〕9号
  Art. 29);
* 法释〔2020〕7号 Arts. 1-7, 27-29, in force 2020-09-12 and prevailing over earlier
  interpretations where they are inconsistent (its Art. 29).

Which statutory article applies is data (``definition.statutory_article``); which
interpretation article is law on the day is the catalog's (a :class:`~tradesecret.engine.LegalClock`
answers). Rows of the definition's rule tables cite the interpretation they rest on, so a
row of the 2020 provisions never fires before 2020-09-12, and one of the 2007
interpretation never after 2022-03-19; where both are law on the day and give the same
finding, the 2020 row prevails and the 2007 one is dropped (:func:`prevailing`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final, TypeVar

import attrs
import pendulum

from tradesecret.engine import LegalClock, RuleTable
from tradesecret.exceptions import OutOfCoverageError
from tradesecret.law import Citation
from tradesecret.results import Criterion, Finding, Undetermined
from tradesecret.rulebook import NoRule, ParameterValue, Rulebook

__all__ = ["SPC2007", "SPC2020", "STATUTE", "DefinitionLaw", "prevailing", "with_statute"]

#: The SPC trade-secret provisions 2020 (法释〔2020〕7号).
SPC2020: Final = "spc-ts@2020-09-10"
#: The SPC unfair-competition interpretation 2007 (法释〔2007〕2号).
SPC2007: Final = "spc-unfair-comp@2007-01-12"
#: A rule-table row's basis "the statute of the day": written as the AUCL 1993 article,
#: replaced when the table runs by the article of ``definition.statutory_article`` that day
#: (:func:`with_statute`; a statute's article moved between versions, so the clock cannot
#: re-point it by number).
STATUTE: Final = "aucl@1993-09-02:10"


@attrs.frozen(kw_only=True)
class DefinitionLaw:
    """
    The law of the definition on one day.

    Attributes:
        day: The day (the act date).
        clock: The legal clock of that day.
        rulebook: The rulebook.
        statute: The parameter naming the statutory article in force that day, or ``None``
            before any statute defined a trade secret.
        shift: The burden-shifting parameter that day; a :class:`~tradesecret.rulebook.NoRule`
            where no rule shifted the burden (citing what the law then was); ``None``
            before any statute.
    """

    day: pendulum.Date
    rulebook: Rulebook
    clock: LegalClock
    statute: ParameterValue | None
    shift: ParameterValue | NoRule | None

    @classmethod
    def on(
        cls, day: pendulum.Date, rulebook: Rulebook, *, law_day: pendulum.Date | None = None
    ) -> DefinitionLaw:
        """The law of ``day``; the statutory article by ``law_day`` (SPC 2020 Art. 28)."""
        law = law_day if law_day is not None else day
        return cls(
            day=day,
            rulebook=rulebook,
            clock=LegalClock(rulebook, day),
            statute=_param_or_none(rulebook, "definition.statutory_article", law),
            shift=_shift(rulebook, law),
        )

    @property
    def statute_citation(self) -> Citation | None:
        """The article defining a trade secret that day."""
        return None if self.statute is None else self.statute.citations[0]

    def in_force(self, text: str) -> bool:
        """True when the citation ``text`` is law that day."""
        return self.clock.cite(text) is not None

    @property
    def spc2020(self) -> bool:
        """True from 2020-09-12: the 2020 provisions apply."""
        return self.in_force(f"{SPC2020}:3")

    @property
    def spc2007(self) -> bool:
        """True from 2007-02-01 until 2022-03-19: the 2007 interpretation is law."""
        return self.in_force(f"{SPC2007}:9")

    def first(self, *texts: str) -> tuple[Citation, ...]:
        """The first of ``texts`` in force that day, or the statute, as a citation tuple."""
        for text in texts:
            cited = self.clock.cite(text)
            if cited is not None:
                return (cited,)
        return self.statute_only()

    def cites(self, *alternatives: tuple[str, ...]) -> tuple[Citation, ...]:
        """
        The first group of ``alternatives`` wholly in force that day (newest law first),
        else the statute of the day: what a finding rests on, by period.
        """
        for group in alternatives:
            found = self.clock.all_in_force(group)
            if found:
                return found
        return self.statute_only()

    def rule_label(self, item_2020: str, item_2007: str) -> str:
        """The trace label of a listed item by period: the 2020 one, the 2007 one, or the statute."""
        if self.spc2020:
            return item_2020
        if self.spc2007:
            return item_2007
        return "aucl_trade_secret_statute"

    def statute_only(self) -> tuple[Citation, ...]:
        """The statute of the day (the AUCL 1993 article before any statute)."""
        if self.statute is not None:
            return (self.statute.citations[0],)
        return (self.rulebook.cite(f"{_AUCL_1993}:10"),)


_AUCL_1993: Final = "aucl@1993-09-02"
F = TypeVar("F")


def _param_or_none(rulebook: Rulebook, name: str, day: pendulum.Date) -> ParameterValue | None:
    """The value in force, or ``None`` before the data's first entry or where no rule was."""
    try:
        return rulebook.param(name, as_of=day)
    except OutOfCoverageError:  # NoRuleInForceError included
        return None


def _shift(rulebook: Rulebook, day: pendulum.Date) -> ParameterValue | NoRule | None:
    try:
        return rulebook.lookup("definition.burden_shift_article", as_of=day)
    except OutOfCoverageError:
        return None


def with_statute(table: RuleTable[F], law: DefinitionLaw) -> RuleTable[F]:
    """``table`` with each :data:`STATUTE` basis replaced by the statute of ``law.day``."""
    statute = tuple(c.id for c in law.statute_only())
    if statute == (STATUTE,):
        return table
    checks = tuple(
        attrs.evolve(c, basis=statute) if c.basis == (STATUTE,) else c for c in table.checks
    )
    return attrs.evolve(table, checks=checks)


def first_of_each(findings: Iterable[Finding]) -> list[Finding]:
    """Each finding code once, the first (the newest law's row, listed first) prevailing."""
    return list(_once(findings, lambda f: (f.code, f.subject)))


def prevailing(criterion: Criterion) -> Criterion:
    """
    The criterion with each finding and open rule given once: where a 2020 row and a 2007
    row give the same finding on the same day, the first (the 2020 row, listed first)
    prevails (法释〔2020〕7号 Art. 29).
    """
    findings = _once(criterion.findings, lambda f: (f.code, f.subject, f.args))
    open_rows = _once_open(criterion.open)
    if len(findings) == len(criterion.findings) and len(open_rows) == len(criterion.open):
        return criterion
    return attrs.evolve(criterion, findings=findings, open=open_rows)


def _once(findings: Iterable[Finding], key: Callable[[Finding], object]) -> tuple[Finding, ...]:
    seen: dict[object, Finding] = {}
    for finding in findings:
        seen.setdefault(key(finding), finding)
    return tuple(seen.values())


def _once_open(rows: Iterable[Undetermined]) -> tuple[Undetermined, ...]:
    seen: dict[tuple[str, tuple[str, ...]], Undetermined] = {}
    for row in rows:
        seen.setdefault((row.rule, row.facts), row)
    return tuple(seen.values())
