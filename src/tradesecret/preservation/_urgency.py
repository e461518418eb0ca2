"""
Urgency (SPC IP-preservation provisions Art. 6; CPL 2012/2017 Arts. 100--101, 2021/2023
Arts. 103--104) and whether the court may rule without first questioning the respondent
(Art. 5), as rule tables beside the clauses they implement.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from functools import partial
from typing import Final

import attrs

from tradesecret.engine import Check, Effect, RuleTable
from tradesecret.facts import UNKNOWN, Fact, Tri, all_of, not_, tri
from tradesecret.preservation._codes import EX_PARTE, URGENCY
from tradesecret.preservation._ctx import Ctx
from tradesecret.preservation._facts import UrgencyFacts
from tradesecret.preservation._law import IP, POLICY, TS, cpl_versions
from tradesecret.preservation._merits import not_yet_law, outcome_strength_params
from tradesecret.preservation._model import Stage
from tradesecret.results import Arg, Criterion, Outcome, Severity, Term

__all__ = ["EX_PARTE_TABLE", "URGENCY_TABLE", "ex_parte", "urgency"]

_ONE: Final = Decimal(1)
_ZERO: Final = Decimal(0)


@attrs.frozen(kw_only=True)
class UrgencyRow:
    """The facts the urgency rows read."""

    pre_suit: bool
    situation: bool  # at least one Art. 6 situation is stated
    urgency: UrgencyFacts
    days_since_discovery: Fact[int] = UNKNOWN
    delay_line: int = 0
    in_suit_hours: int = 0


def _pre_suit_without_urgency(f: UrgencyRow) -> bool:
    return f.pre_suit and not f.situation


def _in_suit_without_urgency(f: UrgencyRow) -> bool:
    return not f.pre_suit and not f.situation


def _hours(f: UrgencyRow) -> Mapping[str, object]:
    return {"hours": f.in_suit_hours}


def _late(f: UrgencyRow) -> Tri:
    return tri(f.days_since_discovery, lambda d: d > f.delay_line)


def _delay(f: UrgencyRow) -> Mapping[str, object]:
    return {"days": f.days_since_discovery, "line": f.delay_line}


_URGENCY_REMEDIES = ("preservation.remedy.document_urgency", "preservation.remedy.consider_in_suit")
# The CPL article of the day is added to the basis by cpl_versions (see _law).
_cpl_art_6 = partial(Check[UrgencyRow], effect=Effect.FAILS, basis=(), support=(f"{IP}:6",))

# SPC IP-preservation provisions Art. 6: 「有下列情况之一，不立即采取行为保全措施即足以损害申请人利益的，
# 应当认定属于民事诉讼法第一百条、第一百零一条规定的“情况紧急”：（一）申请人的商业秘密即将被非法披露；
# ……（三）诉争的知识产权即将被非法处分；（四）申请人的知识产权在展销会等时效性较强的场合正在或者即将受到
# 侵害；（五）时效性较强的热播节目正在或者即将受到侵害；（六）其他需要立即采取行为保全措施的情况。」
# CPL 2021 Art. 104 (2012/2017 Art. 101): 「利害关系人因情况紧急，不立即申请保全将会使其合法权益受到难以弥补的
# 损害的，可以在提起诉讼或者申请仲裁前……申请采取保全措施。」
URGENCY_TABLE: Final[RuleTable[UrgencyRow]] = RuleTable(
    criterion=URGENCY, basis=(f"{IP}:6", f"{TS}:15"),
    checks=(
        *cpl_versions(
            _cpl_art_6(code="preservation.gap.urgency", severity=Severity.CRITICAL,
                       when=_pre_suit_without_urgency, remedies=_URGENCY_REMEDIES,
                       clause="因情况紧急 — without urgency there is no pre-suit preservation"),
            "pre_suit",
        ),
        *cpl_versions(
            _cpl_art_6(code="preservation.urgency.not_urgent_in_suit", severity=Severity.INFO,
                       when=_in_suit_without_urgency, args=_hours,
                       clause="情况紧急的，必须在四十八小时内作出裁定 — in suit, urgency only speeds the ruling"),
            "in_suit",
        ),
        Check[UrgencyRow](code="preservation.urgency.delay", severity=Severity.MEDIUM,
                          effect=Effect.NOTES, basis=(POLICY,), facts=("urgency.discovered_on",),
                          when=_late, args=_delay, remedies=("preservation.remedy.explain_delay",),
                          clause="library policy: a long wait after discovery weakens urgency"),
    ),
    clause="CPL Art. 101 (2012) / 104 (2021): 因情况紧急……可以在提起诉讼或者申请仲裁前……申请采取保全措施 "
    "(pre-suit preservation needs urgency); SPC IP-preservation provisions Art. 6 lists "
    "the urgent situations.",
)  # fmt: skip

_SITUATIONS: Final = ("art6_1", "art6_3", "art6_4", "art6_6")


def urgency(ctx: Ctx) -> tuple[Criterion, bool]:
    """Is the situation urgent? Returns (criterion, delayed): a delay makes it contested."""
    u = ctx.app.urgency
    delay = ctx.params.get("delay_warning_days")
    flags = (
        u.disclosure_imminent,
        u.disposal_imminent,
        u.time_sensitive_occasion,
        bool(u.other.strip()),
    )
    facts: dict[str, Arg] = {
        f"situation_{i + 1}": Term(f"preservation.urgency.{name}")
        for i, name in enumerate(n for n, flag in zip(_SITUATIONS, flags, strict=True) if flag)
    }
    if u.other.strip():
        facts["other_reason"] = u.other
    elapsed: Fact[int] = UNKNOWN if u.discovered_on is UNKNOWN else (ctx.day - u.discovered_on).days
    if elapsed is not UNKNOWN:
        facts["days_since_discovery"] = elapsed
    row = UrgencyRow(
        pre_suit=ctx.app.stage is Stage.PRE_SUIT,
        situation=u.any,
        urgency=u,
        days_since_discovery=elapsed,
        delay_line=delay.as_int(),
        in_suit_hours=ctx.params.int("ruling_hours_urgent_in_suit"),
    )
    crit = ctx.evaluate(URGENCY_TABLE, row, facts_args=facts, parameters=(delay,))
    delayed = any(f.code == "preservation.urgency.delay" for f in crit.findings)
    if crit.outcome is Outcome.MET and delayed:
        crit = attrs.evolve(crit, outcome=Outcome.CONTESTED)
    elif crit.outcome is Outcome.MET:
        # A delay would make urgency contested (library policy): the discovery date, when
        # not stated, decides the outcome and is listed as missing.
        crit = attrs.evolve(
            crit,
            open=tuple(
                attrs.evolve(u, if_holds=Outcome.CONTESTED)
                if u.rule == "preservation.urgency.delay"
                else u
                for u in crit.open
            ),
        )
    strength = {Outcome.MET: _ONE, Outcome.NOT_MET: _ZERO}.get(
        crit.outcome, ctx.params.claim_strength(crit.outcome)
    )
    crit = attrs.evolve(
        crit,
        strength=strength,
        citations=tuple(dict.fromkeys((*ctx.rests_on(f"{IP}:6"), *crit.citations))),
        parameters=(delay, *outcome_strength_params(ctx, crit.outcome)),
    )
    return crit, delayed


@attrs.frozen(kw_only=True)
class HearingRow:
    """The facts the hearing rows read."""

    urgent: bool
    urgency: UrgencyFacts


def _questioning_expected(f: HearingRow) -> Tri:
    return all_of(not f.urgent, not_(f.urgency.questioning_may_defeat_enforcement))


# SPC IP-preservation provisions Art. 5(1): 「人民法院裁定采取行为保全措施前，应当询问申请人和被申请人，
# 但因情况紧急或者询问可能影响保全措施执行等情形除外。」 (The court questions both parties before ordering
# conduct preservation, unless the situation is urgent or questioning could defeat the measure.)
EX_PARTE_TABLE: Final[RuleTable[HearingRow]] = RuleTable(
    criterion=EX_PARTE, basis=(f"{IP}:5",),
    checks=(
        Check[HearingRow](code="preservation.ex_parte.expect_questioning", severity=Severity.INFO,
                          effect=Effect.FAILS, basis=(f"{IP}:5",),
                          facts=("urgency.questioning_may_defeat_enforcement",),
                          when=_questioning_expected,
                          remedies=("preservation.remedy.prepare_questioning",),
                          clause="应当询问 … 但因情况紧急或者询问可能影响保全措施执行等情形除外"),
    ),
    clause="Art. 5(1): 应当询问申请人和被申请人，但因情况紧急或者询问可能影响保全措施执行等情形除外",
)  # fmt: skip


def ex_parte(ctx: Ctx, urgency_: Criterion) -> Criterion:
    """Art. 5(1): may the court rule without first questioning the respondent?"""
    absent = not_yet_law(ctx, EX_PARTE, f"{IP}:5")
    if absent is not None:
        return absent
    u = ctx.app.urgency
    urgent = urgency_.outcome in (Outcome.MET, Outcome.CONTESTED)
    facts: dict[str, Arg] = {}
    if u.questioning_may_defeat_enforcement is True:
        facts["reason"] = Term("preservation.ex_parte.defeat_enforcement")
    if urgent:
        facts["urgent"] = Term("preservation.ex_parte.urgent")
    row = HearingRow(urgent=urgent, urgency=u)
    crit = ctx.evaluate(EX_PARTE_TABLE, row, facts_args=facts)
    strength = {Outcome.MET: _ONE, Outcome.NOT_MET: _ZERO}.get(crit.outcome)
    return attrs.evolve(crit, strength=strength)
