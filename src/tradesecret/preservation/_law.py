"""Small helpers shared by the preservation modules: dated citations and parameters."""

from __future__ import annotations

from decimal import Decimal

import pendulum

from tradesecret.exceptions import OutOfCoverageError
from tradesecret.law import Citation
from tradesecret.results import Outcome
from tradesecret.rulebook import ParameterValue, Rulebook

POLICY = "tradesecret-policy@2026-11-21"
IP = "spc-ip-preservation@2018-12-12"
TS = "spc-ts@2020-09-10"
INTERP = "cpl-interp@2022-04-01"


def cpl(rb: Rulebook, day: pendulum.Date, article: str) -> Citation:
    """
    The Civil Procedure Law article in force on ``day``.

    The version comes from the catalog (the instrument of id ``cpl`` in force that
    day), so the 2021 and 2023 texts are cited for the right dates.
    """
    for inst in rb.instruments.values():
        if inst.id == "cpl" and inst.in_force_on(day) and inst.article(article) is not None:
            return rb.cite(f"{inst.key}:{article}")
    raise OutOfCoverageError(f"cpl:{article}", day, "2022-01-01", None)


class Params:
    """Collects the parameter values a computation uses, in order, without duplicates."""

    def __init__(self, rb: Rulebook, as_of: pendulum.Date) -> None:
        self.rb = rb
        self.as_of = as_of
        self.used: dict[str, ParameterValue] = {}
        self.memo: dict[tuple[str, pendulum.Date], ParameterValue] = {}

    def get(self, name: str, *, on: pendulum.Date | None = None) -> ParameterValue:
        key = (name, on or self.as_of)
        value = self.memo.get(key)
        if value is None:
            value = self.memo[key] = self.rb.param(f"preservation.{name}", as_of=key[1])
        self.used.setdefault(f"{value.name}@{value.since}", value)
        return value

    def int(self, name: str, *, on: pendulum.Date | None = None) -> int:
        return self.get(name, on=on).as_int()

    def dec(self, name: str) -> Decimal:
        return self.get(name).as_decimal()

    def all(self) -> tuple[ParameterValue, ...]:
        return tuple(self.used.values())

    def claim_strength(self, outcome: Outcome) -> Decimal:
        """The policy strength of a claim outcome."""
        if outcome is Outcome.MET:
            return self.dec("claim_strength_met")
        if outcome is Outcome.CONTESTED:
            return self.dec("claim_strength_contested")
        if outcome is Outcome.INSUFFICIENT_EVIDENCE:
            return self.dec("claim_strength_insufficient")
        return Decimal(0)
