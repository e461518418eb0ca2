"""
What the respondent is likely to argue, derived from the weak points found: one row per
argument, each with the provision it rests on and the answer to prepare.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

import attrs

from tradesecret.preservation._codes import (
    BALANCE,
    BASIS,
    HARM,
    LIKELIHOOD,
    PUBLIC_INTEREST,
    REQUESTS,
    SECURITY,
    URGENCY,
)
from tradesecret.preservation._ctx import Ctx, finding, worst
from tradesecret.preservation._law import IP, TS
from tradesecret.preservation._model import Application, Claim, ClaimInput, OrderKind, Stage
from tradesecret.results import Criterion, Finding, Outcome, Severity

__all__ = ["COUNTER_ROWS", "CounterRow", "counter_arguments"]


@attrs.frozen(kw_only=True)
class Weak:
    """What the rows read: the application, the criteria by code, the claims, a delay."""

    app: Application
    by_code: Mapping[str, Criterion]
    claims: Mapping[Claim, tuple[ClaimInput, ...]]
    delayed: bool

    def weak(self, kind: Claim) -> bool:
        """No claim of that kind, or its worst outcome is not met."""
        found = self.claims.get(kind, ())
        return not found or worst([c.outcome for c in found]) is not Outcome.MET

    def shown_weak(self, kind: Claim) -> bool:
        """Claims of that kind exist and their worst outcome is not met."""
        return bool(self.claims.get(kind)) and self.weak(kind)

    def failing(self, code: str) -> bool:
        """The criterion is not met (in any way); a factor that was not yet law is not."""
        return self.by_code[code].outcome not in (Outcome.MET, Outcome.NOT_APPLICABLE)


@attrs.frozen(kw_only=True)
class CounterRow:
    """One likely argument: when it arises, the factor it attacks, the basis, the answer."""

    code: str
    when: Callable[[Weak], bool]
    factor: str | None  # its severity follows that factor (high when not met); None: medium
    basis: tuple[str, ...]
    remedy: str


def _secret_weak(w: Weak) -> bool:
    return w.weak(Claim.SECRET) or any(not s.content_defined for s in w.app.secrets)


def _use_forbidden(w: Weak) -> bool:
    return any(o.kind in (OrderKind.NOT_USE, OrderKind.NOT_ALLOW_USE) for o in w.app.orders)


def _compensable(w: Weak) -> bool:
    return w.failing(HARM) or w.app.harm.purely_monetary


def _not_urgent(w: Weak) -> bool:
    return w.delayed or (
        w.app.stage is Stage.PRE_SUIT and w.by_code[URGENCY].outcome is Outcome.NOT_MET
    )


_SIMILARITY = "preservation.remedy.prove_similarity"
_NARROW = "preservation.remedy.narrow_orders"

#: The respondent's usual arguments (SPC 2020 trade-secret provisions Arts. 3--4, 12--14;
#: SPC IP-preservation provisions Arts. 4, 6, 7, 8, 10, 11).
COUNTER_ROWS: Final = (
    CounterRow(code="preservation.counter.publicly_known", when=_secret_weak, factor=BASIS,
               basis=(f"{TS}:3", f"{TS}:4"), remedy="preservation.remedy.prove_secret"),
    CounterRow(code="preservation.counter.not_owner", when=lambda w: w.weak(Claim.OWNERSHIP),
               factor=BASIS, basis=(f"{IP}:8",), remedy="preservation.remedy.prove_ownership"),
    CounterRow(code="preservation.counter.no_access", when=lambda w: w.weak(Claim.ACCESS),
               factor=LIKELIHOOD, basis=(f"{TS}:12",), remedy="preservation.remedy.prove_access"),
    CounterRow(code="preservation.counter.independent_development", when=_use_forbidden,
               factor=None, basis=(f"{TS}:14",), remedy=_SIMILARITY),
    CounterRow(code="preservation.counter.not_similar",
               when=lambda w: w.shown_weak(Claim.SIMILARITY), factor=LIKELIHOOD,
               basis=(f"{TS}:13",), remedy=_SIMILARITY),
    CounterRow(code="preservation.counter.harm_compensable", when=_compensable, factor=HARM,
               basis=(f"{IP}:10",), remedy="preservation.remedy.show_harm"),
    CounterRow(code="preservation.counter.hardship", when=lambda w: w.failing(BALANCE),
               factor=BALANCE, basis=(f"{IP}:7",), remedy=_NARROW),
    CounterRow(code="preservation.counter.public_interest",
               when=lambda w: w.failing(PUBLIC_INTEREST), factor=PUBLIC_INTEREST,
               basis=(f"{IP}:7",), remedy="preservation.remedy.argue_public_interest"),
    CounterRow(code="preservation.counter.not_urgent", when=_not_urgent, factor=URGENCY,
               basis=(f"{IP}:6",), remedy="preservation.remedy.explain_delay"),
    CounterRow(code="preservation.counter.overbroad", when=lambda w: w.failing(REQUESTS),
               factor=None, basis=(f"{IP}:4",), remedy=_NARROW),
    CounterRow(code="preservation.counter.security", when=lambda w: w.failing(SECURITY),
               factor=SECURITY, basis=(f"{IP}:11",), remedy="preservation.remedy.raise_security"),
)  # fmt: skip


def counter_arguments(
    ctx: Ctx, by_code: Mapping[str, Criterion], delayed: bool
) -> tuple[Finding, ...]:
    """What the respondent is likely to argue (a not-applicable factor raises none)."""
    weak = Weak(
        app=ctx.app,
        by_code=by_code,
        claims={k: tuple(ctx.claims(k)) for k in Claim},
        delayed=delayed,
    )
    out: list[Finding] = []
    for row in COUNTER_ROWS:
        factor = by_code.get(row.factor) if row.factor else None
        if factor is not None and factor.outcome is Outcome.NOT_APPLICABLE:
            continue
        if not row.when(weak):
            continue
        high = factor is not None and factor.outcome is Outcome.NOT_MET
        severity = Severity.HIGH if high else Severity.MEDIUM
        out.append(finding(row.code, severity, ctx.rests_on(*row.basis), remedies=(row.remedy,)))
    return tuple(out)
