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

from tradesecret.preservation._codes import BALANCE
from tradesecret.preservation._ctx import Ctx, finding
from tradesecret.preservation._law import IP, POLICY
from tradesecret.preservation._model import PartyKind
from tradesecret.results import Arg, Criterion, Finding, Outcome, Severity, Term
from tradesecret.rulebook import ParameterValue

__all__ = ["balance", "not_yet_law", "outcome_strength_params"]

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
