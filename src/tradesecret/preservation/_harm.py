"""
Irreparable harm (SPC IP-preservation provisions Art. 7(2), Art. 10; CPL 2012/2017 Art. 101,
2021/2023 Art. 104 for pre-suit applications; CPL Art. 100/103 in suit) and the public
interest (Art. 7(4)), as rule tables beside the clauses they implement.

Before the provisions took effect (2019-01-01) the harm rows rest on the CPL article of the
day; the categories of Art. 10 are then the library's reading of "难以弥补的损害".
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from functools import partial
from typing import Final

import attrs

from tradesecret.engine import Check, Effect, RuleTable
from tradesecret.facts import UNKNOWN, Tri, all_of, any_of, not_
from tradesecret.money import Ratio
from tradesecret.preservation._codes import HARM, PUBLIC_INTEREST
from tradesecret.preservation._ctx import Ctx
from tradesecret.preservation._facts import HarmFacts, PublicInterestFacts, UrgencyFacts
from tradesecret.preservation._law import IP, POLICY, cpl_versions
from tradesecret.preservation._model import Stage
from tradesecret.results import Arg, Criterion, Outcome, Severity, Term

__all__ = ["HARM_TABLE", "PUBLIC_INTEREST_TABLE", "harm", "public_interest"]

_ONE: Final = Decimal(1)
_ZERO: Final = Decimal(0)


@attrs.frozen(kw_only=True)
class HarmRow:
    """The facts the harm rows read."""

    harm: HarmFacts
    urgency: UrgencyFacts
    categories: tuple[str, ...]
    stage: Stage
    ip: bool  # the IP-preservation provisions are law on the day
    marked: Ratio  # the policy line of a "marked" fall of market share

    def share_not_marked(self) -> bool:
        """A fall of market share is stated but below the policy line."""
        fall = self.harm.market_share_fall
        return fall is not None and fall.value < self.marked.value


def _no_harm(f: HarmRow, *, monetary: bool, era: Stage | None) -> bool:
    """No Art. 10 category, the loss (not) said to be purely monetary, under the era's rows."""
    law = f.ip if era is None else (not f.ip and f.stage is era)
    return law and not f.categories and f.harm.purely_monetary is monetary


_no_harm_shown = partial(
    Check[HarmRow],
    code="preservation.gap.harm",
    severity=Severity.HIGH,
    remedies=("preservation.remedy.show_harm",),
    clause="Art. 10: 难以弥补的损害 — none of the listed harms is shown",
)


def _gap_rows() -> tuple[Check[HarmRow], ...]:
    """No harm shown: fails where the loss is only money, else undetermined -- per era."""
    rows: list[Check[HarmRow]] = []
    for effect, monetary in ((Effect.FAILS, True), (Effect.DOUBTS, False)):
        now = partial(_no_harm, monetary=monetary, era=None)
        rows.append(
            _no_harm_shown(effect=effect, basis=(f"{IP}:10",), support=(f"{IP}:4",), when=now)
        )
        for stage, role in ((Stage.PRE_SUIT, "pre_suit"), (Stage.IN_SUIT, "in_suit")):
            then = partial(_no_harm, monetary=monetary, era=stage)
            rows.extend(cpl_versions(_no_harm_shown(effect=effect, basis=(), when=then), role))
    return tuple(rows)


def _contradiction(f: HarmRow) -> bool:
    return bool(f.categories) and f.harm.purely_monetary


def _fall(f: HarmRow) -> Mapping[str, object]:
    return {"fall": f.harm.market_share_fall, "line": f.marked}


def _disclosure(f: HarmRow) -> bool:
    return f.urgency.disclosure_imminent


_policy_10 = partial(Check[HarmRow], effect=Effect.NOTES, basis=(POLICY,), context=(f"{IP}:10",))

# SPC IP-preservation provisions Art. 10: 「在知识产权与不正当竞争纠纷行为保全案件中，有下列情形之一的，应当认定属于
# 民事诉讼法第一百零一条规定的“难以弥补的损害”：（一）被申请人的行为将会侵害申请人享有的商誉或者发表权、隐私权等
# 人身性质的权利且造成无法挽回的损害；（二）被申请人的行为将会导致侵权行为难以控制且显著增加申请人损害；（三）被申请人
# 的侵害行为将会导致申请人的相关市场份额明显减少；（四）对申请人造成其他难以弥补的损害的。」
HARM_TABLE: Final[RuleTable[HarmRow]] = RuleTable(
    criterion=HARM, basis=(f"{IP}:7", f"{IP}:10"),
    checks=(
        *_gap_rows(),
        Check[HarmRow](code="preservation.harm.monetary_contradiction", severity=Severity.MEDIUM,
                       effect=Effect.NOTES, basis=(f"{IP}:10",), when=_contradiction,
                       clause="Art. 10: a loss said to be only money sits ill with irreparable harm"),
        _policy_10(code="preservation.harm.market_share_not_marked", severity=Severity.LOW,
                   when=HarmRow.share_not_marked, args=_fall,
                   clause="Art. 10(3): 明显减少 — the library's line of a marked fall"),
        _policy_10(code="preservation.harm.secrecy_lost_on_disclosure", severity=Severity.INFO,
                   when=_disclosure,
                   clause="Art. 10(4): the library reads imminent disclosure as other irreparable harm"),
    ),
    clause="Art. 7(2), Art. 10: 不采取行为保全措施是否会使申请人的合法权益受到难以弥补的损害……",
)  # fmt: skip


def _categories(ctx: Ctx, facts: dict[str, Arg]) -> tuple[str, ...]:
    """The Art. 10 categories the facts show (and the library's reading of disclosure)."""
    h, u = ctx.app.harm, ctx.app.urgency
    marked = ctx.params.get("harm_market_share_marked").as_decimal()
    found = []
    if h.reputation_unrecoverable:
        found.append("reputation")
    if h.spread_uncontrollable or h.posted_publicly:
        found.append("spread")
        if h.posted_publicly:
            facts["posted_publicly"] = Term("preservation.harm.posted_publicly")
    if h.market_share_fall is not None:
        facts["market_share_fall"] = h.market_share_fall
        if h.market_share_fall.value >= marked:
            found.append("market_share")
    if h.users_affected is not None:
        facts["users_affected"] = h.users_affected
    if h.other.strip() or h.strategy_exposed or u.disclosure_imminent:
        found.append("other")
        if h.strategy_exposed:
            facts["strategy_exposed"] = Term("preservation.harm.strategy_exposed")
        if h.other.strip():
            facts["other_harm"] = h.other
    if h.judgment_hard_to_enforce:
        found.append("enforcement")
    return tuple(found)


def harm(ctx: Ctx) -> Criterion:
    """Art. 7(2), Art. 10: irreparable harm."""
    h = ctx.app.harm
    marked = ctx.params.get("harm_market_share_marked")
    per = ctx.params.get("harm_strength_per_category")
    facts: dict[str, Arg] = {}
    categories = _categories(ctx, facts)
    for i, cat in enumerate(categories):
        facts[f"category_{i + 1}"] = Term(f"preservation.harm.category.{cat}")
    if h.estimated_loss is not None:
        facts["applicant_loss"] = h.estimated_loss
    row = HarmRow(
        harm=h,
        urgency=ctx.app.urgency,
        categories=categories,
        stage=ctx.app.stage,
        ip=ctx.in_force(f"{IP}:10"),
        marked=marked.as_ratio(),
    )
    crit = ctx.evaluate(HARM_TABLE, row, facts_args=facts)
    strength = min(_ONE, per.as_decimal() * len(categories)) if categories else _ZERO
    if crit.outcome is Outcome.MET and h.purely_monetary:
        crit = attrs.evolve(crit, outcome=Outcome.CONTESTED)
        strength = strength * ctx.params.claim_strength(Outcome.CONTESTED)
    # "Irreparable harm" is the CPL's condition for pre-suit applications; in suit the
    # IP-preservation provisions (Arts. 7(2), 10) carry it alone.
    pre = ctx.cpl("pre_suit") if ctx.app.stage is Stage.PRE_SUIT else ()
    cites = ctx.rests_on(f"{IP}:7", f"{IP}:10")
    strength_params = {
        Outcome.CONTESTED: ("claim_strength_contested",),
        Outcome.INSUFFICIENT_EVIDENCE: ("claim_strength_insufficient",),
    }.get(crit.outcome, ())
    return attrs.evolve(
        crit,
        citations=tuple(dict.fromkeys((*cites, *pre))),
        strength=strength,
        parameters=(marked, per, *(ctx.params.get(n) for n in strength_params)),
    )


@attrs.frozen(kw_only=True)
class PublicRow:
    """The facts the public-interest rows read."""

    public: PublicInterestFacts

    @property
    def public_interest(self) -> PublicInterestFacts:
        """The facts under the application's name for them (the paths rows report)."""
        return self.public

    @property
    def concerns(self) -> Tri:
        """National security, public health or the environment is involved."""
        p = self.public
        return any_of(p.national_security, p.public_health, p.environment)

    @property
    def sole_public_good(self) -> Tri:
        """The respondent supplies a public good that no one else supplies on market terms."""
        return all_of(self.public.public_good, not_(self.public.market_operated))

    def one_of_two(self) -> Tri:
        """A public concern or a sole public good, but not both."""
        concerns, sole = self.concerns, self.sole_public_good
        return any_of(all_of(concerns, not_(sole)), all_of(not_(concerns), sole))


#: The facts the public-interest rows read, as paths in the application.
_PUBLIC_FACTS: Final = tuple(
    f"public_interest.{name}"
    for name in (
        "national_security",
        "public_health",
        "environment",
        "public_good",
        "market_operated",
    )
)


def _harmful(f: PublicRow) -> Tri:
    return all_of(f.concerns, f.sole_public_good)


def _one_of_two(f: PublicRow) -> Tri:
    return f.one_of_two()


# SPC IP-preservation provisions Art. 7(4): 「（四）采取行为保全措施是否损害社会公共利益」 (whether the order would
# harm the public interest).
_public = partial(Check[PublicRow], code="preservation.gap.public_interest", basis=(f"{IP}:7",),
                  facts=_PUBLIC_FACTS, remedies=("preservation.remedy.argue_public_interest",))  # fmt: skip

PUBLIC_INTEREST_TABLE: Final[RuleTable[PublicRow]] = RuleTable(
    criterion=PUBLIC_INTEREST, basis=(f"{IP}:7",), clause="Art. 7(4): 采取行为保全措施是否损害社会公共利益",
    checks=(
        _public(severity=Severity.HIGH, effect=Effect.FAILS, when=_harmful,
                clause="损害社会公共利益 — a public concern and no other supplier"),
        _public(severity=Severity.MEDIUM, effect=Effect.NOTES, when=_one_of_two,
                clause="损害社会公共利益 — one of the two, so the point is contested"),
    ),
)  # fmt: skip


def public_interest(ctx: Ctx) -> Criterion:
    """Art. 7(4): whether the order would harm the public interest."""
    p = ctx.app.public_interest
    flags = (
        ("national_security", p.national_security),
        ("public_health", p.public_health),
        ("environment", p.environment),
    )
    concerns = [name for name, flag in flags if flag is True]
    facts: dict[str, Arg] = {
        f"concern_{i + 1}": Term(f"preservation.public.{name}") for i, name in enumerate(concerns)
    }
    if p.public_good is True and p.market_operated is not UNKNOWN:
        facts["public_good"] = Term(
            "preservation.public.public_good_market"
            if p.market_operated
            else "preservation.public.public_good_sole"
        )
    row = PublicRow(public=p)
    crit = _contested(ctx.evaluate(PUBLIC_INTEREST_TABLE, row, facts_args=facts), row)
    strength = {Outcome.MET: _ONE, Outcome.NOT_MET: _ZERO}.get(
        crit.outcome, ctx.params.claim_strength(crit.outcome)
    )
    names = {
        Outcome.CONTESTED: ("claim_strength_contested",),
        Outcome.INSUFFICIENT_EVIDENCE: ("claim_strength_insufficient",),
    }.get(crit.outcome, ())
    return attrs.evolve(crit, strength=strength, parameters=tuple(ctx.params.get(n) for n in names))


def _contested(crit: Criterion, row: PublicRow) -> Criterion:
    """
    The outcome from the two rows, which exclude each other: the first holding fails the
    factor, the second makes it contested (met with a finding), neither leaves it met, and
    an open row leaves it undetermined. The rows share a code, so each open row is told
    apart by its severity (high: the first).
    """
    if crit.outcome is Outcome.NOT_APPLICABLE:
        return crit  # no row was law that day
    fails = all_of(row.concerns, row.sole_public_good)
    contested = row.one_of_two()
    if fails is Tri.TRUE:
        outcome = Outcome.NOT_MET
    elif contested is Tri.TRUE:
        outcome = Outcome.CONTESTED
    elif fails is Tri.FALSE and contested is Tri.FALSE:
        outcome = Outcome.MET
    else:
        outcome = Outcome.INSUFFICIENT_EVIDENCE
    rows = []
    for u in crit.open:
        first = u.severity is Severity.HIGH
        other = contested if first else fails
        rows.append(
            attrs.evolve(
                u,
                facts=tuple(f for f in u.facts if f not in _settled(row)),
                if_holds=Outcome.NOT_MET if first else Outcome.CONTESTED,
                otherwise=Outcome.MET if other is Tri.FALSE else Outcome.INSUFFICIENT_EVIDENCE,
            )
        )
    return attrs.evolve(crit, outcome=outcome, open=tuple(rows))


def _settled(row: PublicRow) -> frozenset[str]:
    """Unstated facts that the stated ones make irrelevant (they could not change a row)."""
    p, out = row.public, set()
    if row.concerns is Tri.TRUE:  # one concern stated: the others do not matter
        out |= {"public_interest.national_security", "public_interest.public_health"}
        out |= {"public_interest.environment"}
    if p.public_good is False:
        out.add("public_interest.market_operated")
    if p.market_operated is True:
        out.add("public_interest.public_good")
    return frozenset(out)
