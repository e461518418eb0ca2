"""
The law of conduct preservation over time: which text was in force on a day, and the
parameters a computation uses.

Conduct preservation entered the Civil Procedure Law with the 2012 amendment (in force
2013-01-01, Arts. 100--101; the 2017 text keeps the numbering); the 2021 amendment (in
force 2022-01-01) renumbered the same articles 103--104 and the 2023 text keeps them.
The SPC IP-preservation provisions (法释〔2018〕21号) apply from 2019-01-01, the SPC
trade-secret provisions (Art. 15) from 2020-09-12, the 2022 CPL Interpretation from
2022-04-10. :func:`cpl` gives the CPL article that plays a role (:data:`CPL_ROLES`) in
the version in force on a day, or ``None`` where no version then had it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final, TypeVar

import attrs
import pendulum

from tradesecret.engine import Check
from tradesecret.law import POLICY, Citation
from tradesecret.results import Outcome
from tradesecret.rulebook import ParameterValue, Rulebook

__all__ = [
    "CPL_ROLES",
    "INTERP",
    "IP",
    "POLICY",
    "TS",
    "Params",
    "cpl",
    "cpl_all",
    "cpl_versions",
    "preservation_in_force",
]

F = TypeVar("F")

IP: Final = "spc-ip-preservation@2018-12-12"
TS: Final = "spc-ts@2020-09-10"
INTERP: Final = "cpl-interp@2022-04-01"

#: The CPL versions from which the preservation articles carry their 2021 numbers.
_RENUMBERED: Final = "2021-12-24"

#: Role -> (article in the 2012/2017 text, article in the 2021/2023 text).
CPL_ROLES: Final = {
    "in_suit": ("100", "103"),  # 诉讼中保全，情况紧急的四十八小时内裁定
    "pre_suit": ("101", "104"),  # 诉前保全：担保、四十八小时、三十日内起诉
    "scope": ("102", "105"),  # 保全限于请求的范围
    "wrongful": ("105", "108"),  # 申请有错误的赔偿
    "reconsideration": ("108", "111"),  # 复议一次，不停止执行
    "periods": ("82", "85"),  # 期间的计算
}


def cpl(rb: Rulebook, day: pendulum.Date, role: str) -> Citation | None:
    """
    The Civil Procedure Law article playing ``role`` in the version in force on ``day``
    (``None`` when no version in force that day has it: before 2013-01-01 the CPL knew
    property preservation only).
    """
    old, new = CPL_ROLES[role]
    for inst in rb.instruments.values():
        if inst.id != "cpl" or not inst.in_force_on(day):
            continue
        number = new if inst.version >= _RENUMBERED else old
        if inst.article(number) is not None:
            return rb.cite(f"{inst.key}:{number}")
    return None


def preservation_in_force(rb: Rulebook, day: pendulum.Date) -> bool:
    """True when conduct preservation was law on ``day`` (CPL 2012 Art. 101 or later)."""
    return cpl(rb, day, "pre_suit") is not None


def cpl_all(rb: Rulebook, day: pendulum.Date, *roles: str) -> tuple[Citation, ...]:
    """The CPL articles in force on ``day`` for ``roles`` (those not yet law are left out)."""
    return tuple(c for c in (cpl(rb, day, role) for role in roles) if c is not None)


class Params:
    """Collects the parameter values a computation uses, in order, without duplicates."""

    def __init__(self, rb: Rulebook, as_of: pendulum.Date) -> None:
        self.rb = rb
        self.as_of = as_of
        self.used: dict[str, ParameterValue] = {}
        self.memo: dict[tuple[str, pendulum.Date], ParameterValue] = {}

    def get(self, name: str, *, on: pendulum.Date | None = None) -> ParameterValue:
        """The value of ``preservation.<name>`` on ``on`` (default: the day assessed)."""
        key = (name, on or self.as_of)
        value = self.memo.get(key)
        if value is None:
            value = self.memo[key] = self.rb.param(f"preservation.{name}", as_of=key[1])
        self.used.setdefault(f"{value.name}@{value.since}", value)
        return value

    def int(self, name: str, *, on: pendulum.Date | None = None) -> int:
        """An integer parameter."""
        return self.get(name, on=on).as_int()

    def dec(self, name: str) -> Decimal:
        """A decimal parameter."""
        return self.get(name).as_decimal()

    def all(self) -> tuple[ParameterValue, ...]:
        """Every value used, in order."""
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


#: The first text of each CPL numbering: a row resting on one of them applies while a
#: version with that numbering is in force (the LegalClock re-points it within a numbering).
_NUMBERINGS: Final = ("cpl@2012-08-31", "cpl@2021-12-24")


def cpl_versions(check: Check[F], role: str) -> tuple[Check[F], ...]:
    """
    ``check`` once per CPL numbering, each resting also on the article playing ``role``
    in it (2012/2017: Arts. 100--101; 2021/2023: Arts. 103--104). Their periods do not
    overlap, so on any day at most one of them is law.
    """
    return tuple(
        attrs.evolve(check, basis=(*check.basis, f"{key}:{number}"))
        for key, number in zip(_NUMBERINGS, CPL_ROLES[role], strict=True)
    )
