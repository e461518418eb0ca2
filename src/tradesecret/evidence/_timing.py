"""
When a confidentiality measure was taken, against the act complained of.

SPC 2020 trade-secret provisions Art. 5(1) (from 2020-09-12): 「权利人为防止商业秘密泄露，在被诉侵权行为
发生以前所采取的合理保密措施，人民法院应当认定为……相应保密措施」 -- the measures that count are those taken
before the act; the SPC 2007 unfair-competition interpretation Art. 11 (2007-02-01 to
2022-03-20) read the same way, and rules here until the 2020 provisions took effect. A
measure whose date is not stated is neither counted nor said to come after the act: the
rule is undetermined and names the missing date.
"""

from __future__ import annotations

from functools import partial
from typing import Final

import attrs
import pendulum

from tradesecret.engine import Check, Effect, LegalClock, RuleTable
from tradesecret.evidence.model import Agreement, Measure, day_of
from tradesecret.facts import UNKNOWN, Fact, Tri, all_of, tri
from tradesecret.results import Finding, Severity, Undetermined

__all__ = ["MEASURE_TIMING", "MeasureTiming", "measure_timing", "predates", "taken_at"]

_SPC_2020: Final = "spc-ts@2020-09-10:5.1"
_SPC_2007: Final = "spc-unfair-comp@2007-01-12:11"


def taken_at(obj: object) -> Fact[pendulum.DateTime]:
    """When a measure was taken or an agreement signed (unknown when not stated)."""
    if isinstance(obj, Measure):
        return obj.since
    if isinstance(obj, Agreement):
        return obj.signed_at
    return UNKNOWN


def predates(obj: object, act: pendulum.DateTime | None) -> Tri:
    """The measure or agreement predates ``act`` (true when there is no act yet)."""
    if act is None:
        return Tri.TRUE
    if not isinstance(obj, Measure | Agreement):
        return Tri.FALSE
    return tri(taken_at(obj), lambda at: at < act)


@attrs.frozen(kw_only=True)
class MeasureTiming:
    """One measure against the first act: what the rows read."""

    measure: str
    since: Fact[pendulum.DateTime]
    act: pendulum.DateTime
    spc2020: bool  # the 2020 provisions are law on the act day


def _after(f: MeasureTiming) -> Tri:
    return tri(f.since, lambda s: s >= f.act)


def _args(f: MeasureTiming) -> dict[str, object]:
    return {"measure": f.measure, "act": day_of(f.act)}


#: The measure-after-act rows: their basis and clause by period.
_measure_after_act = partial(Check[MeasureTiming], code="evidence.temporal.measure_after_act",
                             severity=Severity.HIGH, effect=Effect.FAILS, facts=("since",),
                             when=_after, args=_args, subject=lambda f: f.measure,
                             remedies=("evidence.remedy.prove_measure_date",))  # fmt: skip

#: Measures count only if taken before the act (SPC 2020 Art. 5(1); SPC 2007 Art. 11).
MEASURE_TIMING: Final = RuleTable[MeasureTiming](
    criterion="evidence.claim.right.measures",
    basis=(_SPC_2020,),
    clause="在被诉侵权行为发生以前所采取的合理保密措施 (measures taken before the act complained of)",
    checks=(
        _measure_after_act(basis=(_SPC_2020,),
                           clause="SPC 2020 Art. 5(1): 在被诉侵权行为发生以前所采取的合理保密措施"),
        _measure_after_act(basis=(_SPC_2007,), when=lambda f: all_of(not f.spc2020, _after(f)),
                           clause="SPC 2007 Art. 11: 权利人为防止信息泄露所采取的与其商业价值等具体情况相适应的合理保护措施"),
    ),
)  # fmt: skip


def measure_timing(
    clock: LegalClock, obj: Measure | Agreement, act: pendulum.DateTime
) -> tuple[list[Finding], list[Undetermined]]:
    """The findings and open rules of one measure against the first act."""
    row = MeasureTiming(
        measure=obj.id,
        since=taken_at(obj),
        act=act,
        spc2020=clock.cite(_SPC_2020) is not None,
    )
    fired, open_rows = MEASURE_TIMING.run(row, clock)
    name = "since" if isinstance(obj, Measure) else "signed_at"
    undetermined = [attrs.evolve(u, facts=(f"{obj.id}.{name}",)) for u in open_rows]
    return [f for _, f in fired], undetermined
