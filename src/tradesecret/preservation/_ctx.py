"""What every criterion of a preservation assessment needs: the facts, the day, the law."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Final, TypeVar

import attrs
import pendulum

from tradesecret.engine import LegalClock, RuleTable
from tradesecret.law import Citation
from tradesecret.money import Money
from tradesecret.preservation._law import INTERP, Params, cpl
from tradesecret.preservation._model import Application, Claim, ClaimInput
from tradesecret.results import Arg, Criterion, Finding, Outcome, Severity
from tradesecret.rulebook import ParameterValue, Rulebook

F = TypeVar("F")

__all__ = ["Ctx", "finding", "worst"]

_WORST_FIRST: Final = (Outcome.NOT_MET, Outcome.CONTESTED, Outcome.INSUFFICIENT_EVIDENCE)


class Ctx:
    """One assessment: the application, the day, the rulebook, the parameters used."""

    def __init__(self, app: Application, day: pendulum.Date, rb: Rulebook) -> None:
        self.app = app
        self.day = day
        self.rb = rb
        self.clock = LegalClock(rb, day)
        self.params = Params(rb, day)
        self.cites: dict[str, Citation] = {}
        self.loss: Money | None = None
        self.loss_facts: dict[str, Arg] = {}

    def cite(self, *ids: str) -> tuple[Citation, ...]:
        """The citations (as written: for sources the caller knows are in force, or policy)."""
        out = []
        for i in ids:
            hit = self.cites.get(i)
            if hit is None:
                hit = self.cites[i] = self.rb.cite(i)
            out.append(hit)
        return tuple(out)

    def law(self, *ids: str) -> tuple[Citation, ...]:
        """The citations among ``ids`` in force on the day (re-pointed to that day's version)."""
        return self.clock.those_in_force(ids)

    def in_force(self, text: str) -> bool:
        """True when the source ``text`` is law on the day."""
        return self.clock.cite(text) is not None

    def cite_interp(self, article: str) -> tuple[Citation, ...]:
        """The CPL Interpretation article, where its catalogued (2022) revision is in force."""
        return self.law(f"{INTERP}:{article}")

    def cpl(self, role: str) -> tuple[Citation, ...]:
        """The CPL article playing ``role`` on the day (empty before conduct preservation)."""
        found = cpl(self.rb, self.day, role)
        return () if found is None else (found,)

    def rests_on(self, *ids: str) -> tuple[Citation, ...]:
        """
        The sources among ``ids`` in force on the day; where none is yet, the CPL
        preservation article of the day (the law as it then stood), else the text cited.
        """
        stage = "pre_suit" if self.app.stage.value == "pre_suit" else "in_suit"
        return self.law(*ids) or self.cpl(stage) or self.cite(*ids)

    def evaluate(
        self,
        table: RuleTable[F],
        facts: F,
        *,
        facts_args: Mapping[str, object] | None = None,
        parameters: Sequence[ParameterValue] = (),
    ) -> Criterion:
        """
        ``table`` on ``facts`` under the law of the day. A row resting on a source the
        rulebook's catalog does not hold is not law in that catalog and is left out.
        """
        rows = tuple(c for c in table.checks if all(self._held(b) for b in c.basis))
        if len(rows) != len(table.checks):
            table = attrs.evolve(table, checks=rows)
        return table.evaluate(
            facts,
            on=self.day,
            rulebook=self.rb,
            clock=self.clock,
            facts_args=facts_args,
            parameters=parameters,
        )

    def _held(self, text: str) -> bool:
        return text.split(":", maxsplit=1)[0] in self.rb.instruments

    def claims(self, kind: Claim) -> list[ClaimInput]:
        """The claim outcomes of one kind."""
        return [c for c in self.app.claims if c.claim is kind]


def finding(
    code: str,
    severity: Severity,
    citations: Iterable[Citation],
    args: dict[str, object] | None = None,
    *,
    subject: str | None = None,
    remedies: tuple[str, ...] = (),
) -> Finding:
    """A finding (for the imperative parts: claim aggregation, weighing)."""
    return Finding(
        code=code,
        severity=severity,
        citations=tuple(citations),
        args=args or {},
        subject=subject,
        remedies=remedies,
    )


def worst(outcomes: Sequence[Outcome]) -> Outcome:
    """The worst of claim outcomes: not met, then contested, then insufficient, else met."""
    for candidate in _WORST_FIRST:
        if candidate in outcomes:
            return candidate
    return Outcome.MET
