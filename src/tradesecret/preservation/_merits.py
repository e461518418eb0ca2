"""
The factors weighed on the facts stated: irreparable harm (Art. 7(2), Art. 10), the
balance of hardships (Art. 7(3)) and the public interest (Art. 7(4)) of the SPC
IP-preservation provisions; "irreparable harm" is also CPL 2012/2017 Art. 101 and
2021/2023 Art. 104's condition for a pre-suit application.

Before the provisions took effect (2019-01-01) the balance and public-interest factors
were not rules of law: they are reported as not applicable, citing the CPL of the day.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from tradesecret.preservation._codes import BALANCE, HARM, PUBLIC_INTEREST
from tradesecret.preservation._ctx import Ctx, finding
from tradesecret.preservation._law import IP, POLICY
from tradesecret.preservation._model import PartyKind, Stage
from tradesecret.results import Arg, Criterion, Finding, Outcome, Severity, Term
from tradesecret.rulebook import ParameterValue

__all__ = ["balance", "harm", "not_yet_law", "outcome_strength_params", "public_interest"]

_ONE: Final = Decimal(1)
_ZERO: Final = Decimal(0)


def outcome_strength_params(ctx: Ctx, outcome: Outcome) -> tuple[ParameterValue, ...]:
    """The policy strength parameter behind a contested or insufficient point, if any."""
    name = {
        Outcome.CONTESTED: "claim_strength_contested",
        Outcome.INSUFFICIENT_EVIDENCE: "claim_strength_insufficient",
    }.get(outcome)
    return () if name is None else (ctx.params.get(name),)


def not_yet_law(ctx: Ctx, code: str, source: str) -> Criterion | None:
    """
    A not-applicable criterion when ``source`` was not law on the day (the factor did not
    exist as a rule), citing the CPL of the day; ``None`` when it was law.
    """
    if ctx.in_force(source):
        return None
    cites = ctx.rests_on(source)
    return Criterion(
        code=code,
        outcome=Outcome.NOT_APPLICABLE,
        citations=cites,
        findings=(
            finding(
                "preservation.law.factor_not_yet_law",
                Severity.INFO,
                cites,
                {
                    "factor": Term(code),
                    "since": ctx.rb.instruments[source.split(":", maxsplit=1)[0]].effective,
                },
            ),
        ),
    )


def _harm_categories(ctx: Ctx, facts: dict[str, Arg], findings: list[Finding]) -> list[str]:
    """The Art. 10 categories the facts show (and the library's reading of disclosure)."""
    h, u = ctx.app.harm, ctx.app.urgency
    marked = ctx.params.get("harm_market_share_marked")
    categories: list[str] = []
    if h.reputation_unrecoverable:
        categories.append("reputation")
    if h.spread_uncontrollable or h.posted_publicly:
        categories.append("spread")
        if h.posted_publicly:
            facts["posted_publicly"] = Term("preservation.harm.posted_publicly")
    if h.market_share_fall is not None:
        facts["market_share_fall"] = h.market_share_fall
        if h.market_share_fall.value >= marked.as_decimal():
            categories.append("market_share")
        else:
            findings.append(
                finding(
                    "preservation.harm.market_share_not_marked",
                    Severity.LOW,
                    ctx.cite(POLICY),
                    {"fall": h.market_share_fall, "line": marked.as_ratio()},
                )
            )
    if h.users_affected is not None:
        facts["users_affected"] = h.users_affected
    if h.other.strip() or h.strategy_exposed or u.disclosure_imminent:
        categories.append("other")
        if h.strategy_exposed:
            facts["strategy_exposed"] = Term("preservation.harm.strategy_exposed")
        if u.disclosure_imminent:
            findings.append(
                finding(
                    "preservation.harm.secrecy_lost_on_disclosure", Severity.INFO, ctx.cite(POLICY)
                )
            )
        if h.other.strip():
            facts["other_harm"] = h.other
    if h.judgment_hard_to_enforce:
        categories.append("enforcement")
    return categories


def harm(ctx: Ctx) -> Criterion:
    """Art. 7(2), Art. 10: irreparable harm."""
    h = ctx.app.harm
    per = ctx.params.get("harm_strength_per_category")
    facts: dict[str, Arg] = {}
    findings: list[Finding] = []
    categories = _harm_categories(ctx, facts, findings)
    for i, cat in enumerate(categories):
        facts[f"category_{i + 1}"] = Term(f"preservation.harm.category.{cat}")
    if h.estimated_loss is not None:
        facts["applicant_loss"] = h.estimated_loss
    cites = ctx.rests_on(f"{IP}:7", f"{IP}:10")
    if not categories:
        outcome = Outcome.NOT_MET if h.purely_monetary else Outcome.INSUFFICIENT_EVIDENCE
        strength = _ZERO
        findings.append(
            finding(
                "preservation.gap.harm",
                Severity.HIGH,
                ctx.rests_on(f"{IP}:10", f"{IP}:4"),
                remedies=("preservation.remedy.show_harm",),
            )
        )
    else:
        strength = min(_ONE, per.as_decimal() * len(categories))
        outcome = Outcome.MET
        if h.purely_monetary:
            outcome = Outcome.CONTESTED
            strength = strength * ctx.params.claim_strength(outcome)
            findings.append(
                finding(
                    "preservation.harm.monetary_contradiction",
                    Severity.MEDIUM,
                    ctx.rests_on(f"{IP}:10"),
                )
            )
    # "Irreparable harm" is the CPL's condition for pre-suit applications; in suit the
    # IP-preservation provisions (Arts. 7(2), 10) carry it alone.
    pre = ctx.cpl("pre_suit") if ctx.app.stage is Stage.PRE_SUIT else ()
    return Criterion(
        code=HARM,
        outcome=outcome,
        citations=tuple(dict.fromkeys((*cites, *pre))),
        findings=tuple(findings),
        facts=facts,
        strength=strength,
        parameters=(
            ctx.params.get("harm_market_share_marked"),
            per,
            *outcome_strength_params(ctx, outcome),
        ),
    )


def _balance_on(
    ctx: Ctx, irreparable: bool, facts: dict[str, Arg], findings: list[Finding]
) -> tuple[Outcome, Decimal]:
    """The balance of the two losses (Art. 7(3)), with the policy ratios."""
    app = ctx.app
    low = ctx.params.get("balance_min_ratio")
    strong = ctx.params.get("balance_strong_ratio")
    applicant_loss, respondent_loss = app.harm.estimated_loss, ctx.loss
    cites = ctx.cite(f"{IP}:7")
    if respondent_loss is None:
        if app.respondent.kind is PartyKind.INDIVIDUAL:
            findings.append(
                finding(
                    "preservation.balance.individual_bears_little", Severity.INFO, ctx.cite(POLICY)
                )
            )
            return Outcome.MET, _ONE
        findings.append(
            finding(
                "preservation.gap.respondent_loss",
                Severity.MEDIUM,
                ctx.cite(f"{IP}:7", f"{IP}:11"),
                remedies=("preservation.remedy.quantify_respondent_loss",),
            )
        )
        return Outcome.INSUFFICIENT_EVIDENCE, ctx.params.claim_strength(
            Outcome.INSUFFICIENT_EVIDENCE
        )
    if respondent_loss.is_zero():
        return Outcome.MET, _ONE
    if applicant_loss is None:
        outcome = Outcome.CONTESTED if irreparable else Outcome.INSUFFICIENT_EVIDENCE
        findings.append(
            finding(
                "preservation.gap.applicant_loss",
                Severity.MEDIUM,
                cites,
                remedies=("preservation.remedy.quantify_harm",),
            )
        )
        return outcome, ctx.params.claim_strength(outcome)
    ratio = applicant_loss.ratio_to(respondent_loss)
    facts["ratio"] = ratio.quantize(Decimal("0.01"))
    strength = min(_ONE, ratio / strong.as_decimal())
    if ratio >= low.as_decimal():
        return Outcome.MET, strength
    findings.append(
        finding(
            "preservation.balance.respondent_harm_greater",
            Severity.HIGH,
            cites,
            {"applicant_loss": applicant_loss, "respondent_loss": respondent_loss},
            remedies=("preservation.remedy.narrow_orders",),
        )
    )
    return (Outcome.CONTESTED if irreparable else Outcome.NOT_MET), strength


def balance(ctx: Ctx, harm_: Criterion) -> Criterion:
    """Art. 7(3): harm to the applicant without the order against harm to the respondent with it."""
    absent = not_yet_law(ctx, BALANCE, f"{IP}:7")
    if absent is not None:
        return absent
    app = ctx.app
    facts: dict[str, Arg] = {
        "respondent_kind": Term(f"preservation.party.{app.respondent.kind.value}")
    }
    if app.harm.estimated_loss is not None:
        facts["applicant_loss"] = app.harm.estimated_loss
    if ctx.loss is not None:
        facts["respondent_loss"] = ctx.loss
    findings: list[Finding] = []
    outcome, strength = _balance_on(ctx, harm_.outcome is Outcome.MET, facts, findings)
    return Criterion(
        code=BALANCE,
        outcome=outcome,
        citations=ctx.cite(f"{IP}:7"),
        findings=tuple(findings),
        facts=facts,
        strength=strength,
        parameters=(
            ctx.params.get("balance_min_ratio"),
            ctx.params.get("balance_strong_ratio"),
            *outcome_strength_params(ctx, outcome),
        ),
    )


def public_interest(ctx: Ctx) -> Criterion:
    """Art. 7(4): whether the order would harm the public interest."""
    absent = not_yet_law(ctx, PUBLIC_INTEREST, f"{IP}:7")
    if absent is not None:
        return absent
    p = ctx.app.public_interest
    flags = (
        ("national_security", p.national_security),
        ("public_health", p.public_health),
        ("environment", p.environment),
    )
    concerns = [name for name, flag in flags if flag]
    sole_public_good = p.public_good and not p.market_operated
    facts: dict[str, Arg] = {
        f"concern_{i + 1}": Term(f"preservation.public.{name}") for i, name in enumerate(concerns)
    }
    if p.public_good:
        facts["public_good"] = Term(
            "preservation.public.public_good_market"
            if p.market_operated
            else "preservation.public.public_good_sole"
        )
    findings: list[Finding] = []
    if not concerns and not sole_public_good:
        outcome, strength = Outcome.MET, _ONE
    elif concerns and sole_public_good:
        outcome, strength = Outcome.NOT_MET, _ZERO
    else:
        outcome = Outcome.CONTESTED
        strength = ctx.params.claim_strength(outcome)
    if outcome is not Outcome.MET:
        findings.append(
            finding(
                "preservation.gap.public_interest",
                Severity.HIGH if outcome is Outcome.NOT_MET else Severity.MEDIUM,
                ctx.cite(f"{IP}:7"),
                remedies=("preservation.remedy.argue_public_interest",),
            )
        )
    return Criterion(
        code=PUBLIC_INTEREST,
        outcome=outcome,
        citations=ctx.cite(f"{IP}:7"),
        findings=tuple(findings),
        facts=facts,
        strength=strength,
        parameters=outcome_strength_params(ctx, outcome),
    )
