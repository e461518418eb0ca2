"""
Assessing an application for conduct preservation (行为保全申请的审查要点).

:func:`assess_preservation` reads an :class:`~tradesecret.preservation.Application`
the way a court reviewing it would (SPC IP-preservation provisions Arts. 4--11; CPL
Arts. 103--104; SPC 2020 trade-secret provisions Art. 15) and returns a
:class:`PreservationAssessment`: the five Art. 7 factors, urgency (Art. 6), whether the
court may rule without first hearing the respondent (Art. 5), procedural readiness
(Art. 4 contents, Art. 11 security), the counter-arguments the respondent is likely to
raise, and the gaps to close before filing.

What is law and what is the library's reading
=============================================

* The factors, the urgency situations, the harm categories, the security rule and the
  required contents are the text of the provisions (binding citations).
* The *strengths*, the *weights* of the readiness score, the 10 % "marked fall of market
  share" line, the balance-of-hardships ratios, the security buffer and the delay
  warning are the library's heuristics (``preservation.*`` parameters citing
  ``tradesecret-policy@2026-11-21``). Override them with :meth:`Rulebook.extended
  <tradesecret.rulebook.Rulebook.extended>`.
* Two readings are the library's and are labelled as such in the findings: a trade
  secret about to be disclosed is counted as "other irreparable harm" (Art. 10(4)),
  since disclosure ends the secrecy on which the right rests; and an individual
  respondent who is only restrained from disclosing or using a secret is taken to bear
  little hardship when no loss figure is given.
* Security is read from Art. 11 together with CPL Arts. 103--104 and CPL Interp.
  Art. 152: mandatory before suit; in suit the court decides, so a stated reason for
  offering none leaves the point *contested*, not failed. An offer below the estimated
  loss of the respondent fails the point (the library's line: the court sets the
  amount, may order more, and the shortfall is the respondent's first argument).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import pendulum

from tradesecret._convert import tuple_of
from tradesecret.dates import to_date
from tradesecret.evidence import EvidenceEvaluation, EvidenceGraph, evaluate
from tradesecret.exceptions import InvalidInputError
from tradesecret.law import Citation
from tradesecret.money import Money, Ratio
from tradesecret.preservation._evidence import claims_from_evaluation
from tradesecret.preservation._law import INTERP, IP, POLICY, TS, Params, cpl
from tradesecret.preservation._model import (
    Application,
    Claim,
    ClaimInput,
    OrderKind,
    PartyKind,
    Stage,
)
from tradesecret.results import (
    Arg,
    Assessment,
    Combination,
    Criterion,
    Finding,
    Outcome,
    Severity,
    Term,
)
from tradesecret.rulebook import ParameterValue, Rulebook, default_rulebook

if TYPE_CHECKING:
    from tradesecret.i18n import Format, Localizer

__all__ = [
    "BALANCE",
    "BASIS",
    "CONTENTS",
    "EX_PARTE",
    "FACTORS",
    "HARM",
    "LIKELIHOOD",
    "PUBLIC_INTEREST",
    "REQUESTS",
    "SECURITY",
    "URGENCY",
    "PreservationAssessment",
    "SecurityEstimate",
    "assess_preservation",
]

#: Criterion codes.
BASIS = "preservation.factor.basis"
LIKELIHOOD = "preservation.factor.likelihood"
HARM = "preservation.factor.irreparable_harm"
BALANCE = "preservation.factor.balance"
PUBLIC_INTEREST = "preservation.factor.public_interest"
URGENCY = "preservation.urgency"
EX_PARTE = "preservation.ex_parte"
REQUESTS = "preservation.readiness.requests"
SECURITY = "preservation.readiness.security"
CONTENTS = "preservation.readiness.contents"

#: The five factors of SPC IP-preservation provisions Art. 7, in order.
FACTORS = (BASIS, LIKELIHOOD, HARM, BALANCE, PUBLIC_INTEREST)
_WEIGHTS = {
    BASIS: "weight_basis",
    LIKELIHOOD: "weight_likelihood",
    HARM: "weight_harm",
    BALANCE: "weight_balance",
    PUBLIC_INTEREST: "weight_public_interest",
}
_ONE = Decimal(1)
_ZERO = Decimal(0)


@attrs.frozen(kw_only=True)
class SecurityEstimate:
    """
    The security the court may require, and how the offer compares.

    Attributes:
        respondent_loss: The respondent's possible loss from the order -- the measure of
            security under SPC IP-preservation provisions Art. 11 -- where it is known.
        recommended: ``respondent_loss`` plus the library's buffer, rounded half up to
            the fen; what the library suggests offering.
        offered: What the applicant offers.
        shortfall: ``respondent_loss - offered`` when the offer is below the loss.
        mandatory: True for a pre-suit application (CPL Art. 104: without security the
            application is rejected).
        citations: Legal basis.
    """

    respondent_loss: Money | None
    recommended: Money | None
    offered: Money | None
    shortfall: Money | None
    mandatory: bool
    citations: tuple[Citation, ...] = attrs.field(validator=tuple_of(Citation))


@attrs.frozen(kw_only=True)
class PreservationAssessment:
    """
    The readiness assessment of an application for conduct preservation.

    Attributes:
        application: The application assessed.
        as_of: The day of the assessment.
        outcome: ``MET`` when the five factors (and, pre-suit, urgency and security) favour
            the order; ``NOT_MET`` when one of them fails; otherwise ``CONTESTED`` or
            ``INSUFFICIENT_EVIDENCE``.
        ready: ``outcome`` is ``MET`` and the application is complete (requests, security,
            contents): it can be filed as it stands.
        score: Weighted readiness score in [0, 1] (library policy weights).
        assessment: The criteria (the five factors, urgency, hearing, readiness) with
            their findings; ``assessment.kind`` is ``"preservation"``.
        security: The security estimate.
        counter_arguments: What the respondent is likely to argue, with the answer to prepare.
    """

    application: Application
    as_of: pendulum.Date
    outcome: Outcome
    ready: bool
    score: Decimal
    assessment: Assessment
    security: SecurityEstimate
    counter_arguments: tuple[Finding, ...] = attrs.field(validator=tuple_of(Finding))

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The overall legal basis."""
        return self.assessment.citations

    @property
    def parameters(self) -> tuple[ParameterValue, ...]:
        """Every parameter value used."""
        return self.assessment.parameters

    def factor(self, code: str) -> Criterion:
        """The criterion with that code (e.g. :data:`HARM`)."""
        return self.assessment.criterion(code)

    def factors(self) -> tuple[Criterion, ...]:
        """The five Art. 7 factors, in order."""
        return tuple(self.assessment.criterion(code) for code in FACTORS)

    def gaps(self) -> tuple[Finding, ...]:
        """Every gap to close before filing, worst first."""
        found = [
            f
            for f in self.assessment.all_findings()
            if f.code.startswith(("preservation.gap.", "evidence.gap."))
        ]
        return tuple(sorted(found, key=lambda f: -f.severity.rank))

    def codes(self) -> frozenset[str]:
        """Codes of every finding and counter-argument."""
        return self.assessment.codes() | {f.code for f in self.counter_arguments}

    def _repr_markdown_(self) -> str:
        from tradesecret.i18n import explain  # noqa: PLC0415 - presentation layer, imported on use

        return explain(self, locale="zh_CN", format="markdown")

    def __explain__(self, loc: Localizer, fmt: Format) -> str:
        """Render with :func:`tradesecret.explain` (the readiness report, without HTML)."""
        from tradesecret.preservation._report import render_report  # noqa: PLC0415

        return render_report(self, loc, "markdown" if fmt == "markdown" else "text")


# ---------------------------------------------------------------------------------------


class _Ctx:
    def __init__(self, app: Application, day: pendulum.Date, rb: Rulebook) -> None:
        self.app = app
        self.day = day
        self.rb = rb
        self.params = Params(rb, day)
        self.cites: dict[str, Citation] = {}
        self.loss: Money | None = None
        self.loss_facts: dict[str, Arg] = {}

    def cite(self, *ids: str) -> tuple[Citation, ...]:
        out = []
        for i in ids:
            hit = self.cites.get(i)
            if hit is None:
                hit = self.cites[i] = self.rb.cite(i)
            out.append(hit)
        return tuple(out)

    def cite_interp(self, article: str) -> tuple[Citation, ...]:
        """
        The CPL Interpretation article, if its catalogued (2022) revision is in force.

        Before 10 April 2022 the catalog holds no version of the Interpretation, so
        nothing is cited rather than a text that was not yet in force.
        """
        key = INTERP
        inst = self.rb.instruments.get(key)
        if inst is None or not inst.in_force_on(self.day):
            return ()
        return self.cite(f"{key}:{article}")

    def cpl(self, article: str) -> Citation:
        return cpl(self.rb, self.day, article)

    def claims(self, kind: Claim) -> list[ClaimInput]:
        return [c for c in self.app.claims if c.claim is kind]


def _finding(
    code: str,
    severity: Severity,
    citations: Iterable[Citation],
    args: dict[str, object] | None = None,
    *,
    subject: str | None = None,
    remedies: tuple[str, ...] = (),
) -> Finding:
    return Finding(
        code=code,
        severity=severity,
        citations=tuple(citations),
        args=args or {},
        subject=subject,
        remedies=remedies,
    )


def _worst(outcomes: Sequence[Outcome]) -> Outcome:
    for candidate in (Outcome.NOT_MET, Outcome.CONTESTED, Outcome.INSUFFICIENT_EVIDENCE):
        if candidate in outcomes:
            return candidate
    return Outcome.MET


_CLAIM_CITES = {
    Claim.SECRET: (f"{TS}:3", f"{TS}:5", f"{TS}:7", f"{IP}:8"),
    Claim.OWNERSHIP: (f"{IP}:8",),
    Claim.ACCESS: (f"{TS}:12",),
    Claim.SIMILARITY: (f"{TS}:13",),
    Claim.INFRINGING_ACT: (f"{TS}:9", f"{TS}:15"),
}
_CLAIM_REMEDY = {
    Claim.SECRET: "preservation.remedy.prove_secret",
    Claim.OWNERSHIP: "preservation.remedy.prove_ownership",
    Claim.ACCESS: "preservation.remedy.prove_access",
    Claim.SIMILARITY: "preservation.remedy.prove_similarity",
    Claim.INFRINGING_ACT: "preservation.remedy.prove_act",
}


def _claims_factor(
    ctx: _Ctx,
    *,
    code: str,
    required: tuple[Claim, ...],
    optional: tuple[Claim, ...],
    base_cites: tuple[str, ...],
    extra_facts: dict[str, Arg],
    extra_findings: list[Finding],
    extra_outcomes: list[Outcome],
) -> Criterion:
    """A factor that rests on claim outcomes from the evidence evaluation."""
    outcomes: list[Outcome] = list(extra_outcomes)
    strengths: list[Decimal] = []
    evidence: list[str] = []
    findings = list(extra_findings)
    cites = list(ctx.cite(*base_cites))
    facts: dict[str, Arg] = dict(extra_facts)
    for kind in (*required, *optional):
        # A claim the evaluation marks not applicable says nothing either way.
        claims = [c for c in ctx.claims(kind) if c.outcome is not Outcome.NOT_APPLICABLE]
        if kind in optional:
            # An optional claim counts only where the evidence bears on it either way.
            claims = [c for c in claims if c.outcome is not Outcome.INSUFFICIENT_EVIDENCE]
        cites.extend(ctx.cite(*_CLAIM_CITES[kind]))
        if not claims:
            if kind in required:
                outcomes.append(Outcome.INSUFFICIENT_EVIDENCE)
                strengths.append(_ZERO)
                findings.append(
                    _finding(
                        "preservation.gap.claim_not_evaluated",
                        Severity.HIGH,
                        ctx.cite(*_CLAIM_CITES[kind]),
                        {"claim": Term(f"preservation.claim.{kind.value}")},
                        remedies=(_CLAIM_REMEDY[kind],),
                    )
                )
            continue
        for claim in claims:
            outcomes.append(claim.outcome)
            strength = (
                claim.strength
                if claim.strength is not None
                else ctx.params.claim_strength(claim.outcome)
            )
            strengths.append(strength)
            evidence.extend(e for e in claim.evidence if e not in evidence)
            facts[f"claim_{kind.value}"] = Term(
                f"term.outcome.{_worst([c.outcome for c in claims]).value}"
            )
            if claim.outcome is not Outcome.MET:
                findings.append(
                    _finding(
                        "preservation.gap.claim",
                        Severity.HIGH if claim.outcome is Outcome.NOT_MET else Severity.MEDIUM,
                        ctx.cite(*_CLAIM_CITES[kind]),
                        {
                            "claim": Term(f"preservation.claim.{kind.value}"),
                            "outcome": Term(f"term.outcome.{claim.outcome.value}"),
                        },
                        subject=claim.secret,
                        remedies=(_CLAIM_REMEDY[kind],),
                    )
                )
            findings.extend(claim.findings)
            findings.extend(
                _finding(
                    "preservation.gap.evidence",
                    Severity.MEDIUM,
                    ctx.cite(*_CLAIM_CITES[kind]),
                    {"claim": Term(f"preservation.claim.{kind.value}"), "what": gap},
                    subject=claim.secret,
                )
                for gap in claim.gaps
            )
    strength = min(strengths) if strengths else _ZERO
    return Criterion(
        code=code,
        outcome=_worst(outcomes),
        citations=tuple(cites),
        findings=tuple(findings),
        facts=facts,
        evidence=tuple(evidence),
        strength=strength,
        parameters=tuple(
            p for p in ctx.params.all() if p.name.startswith("preservation.claim_strength")
        ),
    )


def _order_months(ctx: _Ctx) -> int:
    """The longest requested duration in months (rounded up); judgment-long orders use the policy."""
    months: list[int] = []
    for order in ctx.app.orders:
        if order.months is not None:
            months.append(order.months)
        if order.until is not None and order.until > ctx.day:
            span = ctx.day.diff(order.until)
            whole = span.in_months()
            months.append(whole + (1 if ctx.day.add(months=whole) < order.until else 0))
        if order.until_judgment_effective:
            months.append(ctx.params.int("expected_months_to_judgment"))
    return max(months) if months else ctx.params.int("expected_months_to_judgment")


def _respondent_loss(ctx: _Ctx) -> None:
    """The respondent's possible loss from the order (Art. 11), with how it was reached."""
    rl = ctx.app.respondent_loss
    if rl.estimated is not None:
        ctx.loss = rl.estimated
        return
    lost_sales = rl.lost_sales
    if lost_sales is None and rl.monthly_sales_at_stake is not None:
        months = _order_months(ctx)
        lost_sales = rl.monthly_sales_at_stake * months
        ctx.loss_facts = {"monthly_sales": rl.monthly_sales_at_stake, "months_at_stake": months}
    parts = [p for p in (lost_sales, rl.storage_costs, rl.other_costs) if p is not None]
    total: Money | None = None
    for part in parts:
        total = part if total is None else total + part
    ctx.loss = total


def _basis(ctx: _Ctx) -> Criterion:
    """Art. 7(1), Art. 8: factual and legal basis, incl. the stability of the right."""
    undefined = [s for s in ctx.app.secrets if not s.content_defined]
    findings = [
        _finding(
            "preservation.gap.secret_undefined",
            Severity.HIGH,
            ctx.cite(f"{IP}:4", f"{TS}:27"),
            {"secret": s.title},
            subject=s.id,
            remedies=("preservation.remedy.define_secret_points",),
        )
        for s in undefined
    ]
    outcomes = [Outcome.INSUFFICIENT_EVIDENCE] if undefined else []
    if not ctx.app.secrets:
        outcomes.append(Outcome.INSUFFICIENT_EVIDENCE)
    return _claims_factor(
        ctx,
        code=BASIS,
        required=(Claim.SECRET, Claim.OWNERSHIP),
        optional=(),
        base_cites=(f"{IP}:7", f"{IP}:8"),
        extra_facts={"secrets": len(ctx.app.secrets)},
        extra_findings=findings,
        extra_outcomes=outcomes,
    )


def _likelihood(ctx: _Ctx) -> Criterion:
    """Likelihood of infringement, on a preponderance of the evidence."""
    return _claims_factor(
        ctx,
        code=LIKELIHOOD,
        required=(Claim.ACCESS, Claim.INFRINGING_ACT),
        optional=(Claim.SIMILARITY,),
        base_cites=(f"{IP}:7", f"{TS}:15"),
        extra_facts={"standard": Term("preservation.standard.preponderance")},
        extra_findings=[],
        extra_outcomes=[],
    )


def _harm(ctx: _Ctx) -> Criterion:
    """Art. 7(2), Art. 10: irreparable harm."""
    h, u = ctx.app.harm, ctx.app.urgency
    marked = ctx.params.get("harm_market_share_marked")
    per = ctx.params.get("harm_strength_per_category")
    facts: dict[str, Arg] = {}
    findings: list[Finding] = []
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
                _finding(
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
                _finding(
                    "preservation.harm.secrecy_lost_on_disclosure",
                    Severity.INFO,
                    ctx.cite(POLICY),
                )
            )
        if h.other.strip():
            facts["other_harm"] = h.other
    if h.judgment_hard_to_enforce:
        categories.append("enforcement")
    for i, cat in enumerate(categories):
        facts[f"category_{i + 1}"] = Term(f"preservation.harm.category.{cat}")
    if h.estimated_loss is not None:
        facts["applicant_loss"] = h.estimated_loss
    n = len(categories)
    if n == 0:
        outcome = Outcome.NOT_MET if h.purely_monetary else Outcome.INSUFFICIENT_EVIDENCE
        strength = _ZERO
        findings.append(
            _finding(
                "preservation.gap.harm",
                Severity.HIGH,
                ctx.cite(f"{IP}:10", f"{IP}:4"),
                remedies=("preservation.remedy.show_harm",),
            )
        )
    else:
        strength = min(_ONE, per.as_decimal() * n)
        outcome = Outcome.MET
        if h.purely_monetary:
            outcome = Outcome.CONTESTED
            strength = strength * ctx.params.claim_strength(outcome)
            findings.append(
                _finding(
                    "preservation.harm.monetary_contradiction",
                    Severity.MEDIUM,
                    ctx.cite(f"{IP}:10"),
                )
            )
    return Criterion(
        code=HARM,
        outcome=outcome,
        # "Irreparable harm" is CPL Art. 104's condition for pre-suit applications; in
        # suit the IP-preservation provisions (Arts. 7(2), 10) carry it alone.
        citations=(
            *ctx.cite(f"{IP}:7", f"{IP}:10"),
            *((ctx.cpl("104"),) if ctx.app.stage is Stage.PRE_SUIT else ()),
        ),
        findings=tuple(findings),
        facts=facts,
        strength=strength,
        parameters=(marked, per, *_outcome_strength_params(ctx, outcome)),
    )


def _outcome_strength_params(ctx: _Ctx, outcome: Outcome) -> tuple[ParameterValue, ...]:
    """The policy strength parameter behind a contested or insufficient point, if any."""
    name = {
        Outcome.CONTESTED: "claim_strength_contested",
        Outcome.INSUFFICIENT_EVIDENCE: "claim_strength_insufficient",
    }.get(outcome)
    return () if name is None else (ctx.params.get(name),)


def _balance(ctx: _Ctx, harm: Criterion) -> Criterion:
    """Art. 7(3): harm to the applicant without the order against harm to the respondent with it."""
    app = ctx.app
    low = ctx.params.get("balance_min_ratio")
    strong = ctx.params.get("balance_strong_ratio")
    applicant_loss = app.harm.estimated_loss
    respondent_loss = ctx.loss
    facts: dict[str, Arg] = {
        "respondent_kind": Term(f"preservation.party.{app.respondent.kind.value}")
    }
    if applicant_loss is not None:
        facts["applicant_loss"] = applicant_loss
    if respondent_loss is not None:
        facts["respondent_loss"] = respondent_loss
    findings: list[Finding] = []
    cites = ctx.cite(f"{IP}:7")
    irreparable = harm.outcome is Outcome.MET
    if respondent_loss is None:
        if app.respondent.kind is PartyKind.INDIVIDUAL:
            outcome, strength = Outcome.MET, _ONE
            findings.append(
                _finding(
                    "preservation.balance.individual_bears_little", Severity.INFO, ctx.cite(POLICY)
                )
            )
        else:
            outcome = Outcome.INSUFFICIENT_EVIDENCE
            strength = ctx.params.claim_strength(outcome)
            findings.append(
                _finding(
                    "preservation.gap.respondent_loss",
                    Severity.MEDIUM,
                    ctx.cite(f"{IP}:7", f"{IP}:11"),
                    remedies=("preservation.remedy.quantify_respondent_loss",),
                )
            )
    elif respondent_loss.is_zero():
        outcome, strength = Outcome.MET, _ONE
    elif applicant_loss is None:
        outcome = Outcome.CONTESTED if irreparable else Outcome.INSUFFICIENT_EVIDENCE
        strength = ctx.params.claim_strength(outcome)
        findings.append(
            _finding(
                "preservation.gap.applicant_loss",
                Severity.MEDIUM,
                cites,
                remedies=("preservation.remedy.quantify_harm",),
            )
        )
    else:
        ratio = applicant_loss.ratio_to(respondent_loss)
        facts["ratio"] = ratio.quantize(Decimal("0.01"))
        strength = min(_ONE, ratio / strong.as_decimal())
        if ratio >= low.as_decimal():
            outcome = Outcome.MET
        else:
            outcome = Outcome.CONTESTED if irreparable else Outcome.NOT_MET
            findings.append(
                _finding(
                    "preservation.balance.respondent_harm_greater",
                    Severity.HIGH,
                    cites,
                    {"applicant_loss": applicant_loss, "respondent_loss": respondent_loss},
                    remedies=("preservation.remedy.narrow_orders",),
                )
            )
    return Criterion(
        code=BALANCE,
        outcome=outcome,
        citations=cites,
        findings=tuple(findings),
        facts=facts,
        strength=strength,
        parameters=(low, strong, *_outcome_strength_params(ctx, outcome)),
    )


def _public_interest(ctx: _Ctx) -> Criterion:
    """Art. 7(4): whether the order would harm the public interest."""
    p = ctx.app.public_interest
    concerns = [
        name
        for name, flag in (
            ("national_security", p.national_security),
            ("public_health", p.public_health),
            ("environment", p.environment),
        )
        if flag
    ]
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
            _finding(
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
        parameters=_outcome_strength_params(ctx, outcome),
    )


def _urgency(ctx: _Ctx) -> tuple[Criterion, bool]:
    """Art. 6 (and CPL Art. 104 for pre-suit): is the situation urgent? Returns (criterion, delayed)."""
    u = ctx.app.urgency
    pre = ctx.app.stage is Stage.PRE_SUIT
    delay_param = ctx.params.get("delay_warning_days")
    facts: dict[str, Arg] = {}
    situations = [
        ("art6_1", u.disclosure_imminent),
        ("art6_3", u.disposal_imminent),
        ("art6_4", u.time_sensitive_occasion),
        ("art6_6", bool(u.other.strip())),
    ]
    for i, name in enumerate(n for n, flag in situations if flag):
        facts[f"situation_{i + 1}"] = Term(f"preservation.urgency.{name}")
    if u.other.strip():
        facts["other_reason"] = u.other
    findings: list[Finding] = []
    delayed = False
    if u.discovered_on is not None:
        elapsed = (ctx.day - u.discovered_on).days
        facts["days_since_discovery"] = elapsed
        if elapsed > delay_param.as_int():
            delayed = True
            findings.append(
                _finding(
                    "preservation.urgency.delay",
                    Severity.MEDIUM,
                    ctx.cite(POLICY),
                    {"days": elapsed, "line": delay_param.as_int()},
                    remedies=("preservation.remedy.explain_delay",),
                )
            )
    cites = (*ctx.cite(f"{IP}:6"), ctx.cpl("104" if pre else "103"), *ctx.cite(f"{TS}:15"))
    if u.any:
        outcome = Outcome.CONTESTED if delayed else Outcome.MET
        strength = ctx.params.claim_strength(outcome) if delayed else _ONE
    else:
        outcome, strength = Outcome.NOT_MET, _ZERO
        hours = None if pre else ctx.params.int("ruling_hours_urgent_in_suit")
        findings.append(
            _finding(
                "preservation.gap.urgency" if pre else "preservation.urgency.not_urgent_in_suit",
                Severity.CRITICAL if pre else Severity.INFO,
                cites,
                None if hours is None else {"hours": hours},
                remedies=(
                    ("preservation.remedy.document_urgency", "preservation.remedy.consider_in_suit")
                    if pre
                    else ()
                ),
            )
        )
    return (
        Criterion(
            code=URGENCY,
            outcome=outcome,
            citations=cites,
            findings=tuple(findings),
            facts=facts,
            strength=strength,
            parameters=(delay_param, *_outcome_strength_params(ctx, outcome)),
        ),
        delayed,
    )


def _ex_parte(ctx: _Ctx, urgency: Criterion) -> Criterion:
    """Art. 5(1): may the court rule without first questioning the respondent?"""
    u = ctx.app.urgency
    facts: dict[str, Arg] = {}
    if u.questioning_may_defeat_enforcement:
        facts["reason"] = Term("preservation.ex_parte.defeat_enforcement")
    if urgency.outcome in (Outcome.MET, Outcome.CONTESTED):
        facts["urgent"] = Term("preservation.ex_parte.urgent")
    may = bool(facts)
    findings: tuple[Finding, ...] = ()
    if not may:
        findings = (
            _finding(
                "preservation.ex_parte.expect_questioning",
                Severity.INFO,
                ctx.cite(f"{IP}:5"),
                remedies=("preservation.remedy.prepare_questioning",),
            ),
        )
    return Criterion(
        code=EX_PARTE,
        outcome=Outcome.MET if may else Outcome.NOT_MET,
        citations=ctx.cite(f"{IP}:5"),
        findings=findings,
        facts=facts,
        strength=_ONE if may else _ZERO,
    )


def _requests(ctx: _Ctx) -> Criterion:
    """Art. 4 (content and duration), Art. 13 (duration), CPL Art. 105 (scope)."""
    app = ctx.app
    cites = (*ctx.cite(f"{IP}:4", f"{IP}:13"), ctx.cpl("105"))
    findings: list[Finding] = []
    if not app.orders:
        findings.append(
            _finding(
                "preservation.gap.no_orders",
                Severity.CRITICAL,
                cites,
                remedies=("preservation.remedy.specify_content",),
            )
        )
    for i, order in enumerate(app.orders):
        label = Term(f"preservation.order.{order.kind.value}")
        subject = f"orders[{i}]"
        if not order.secrets:
            findings.append(
                _finding(
                    "preservation.gap.order_secrets",
                    Severity.HIGH,
                    cites,
                    {"order": label},
                    subject=subject,
                    remedies=("preservation.remedy.link_secrets",),
                )
            )
        if not order.description.strip():
            findings.append(
                _finding(
                    "preservation.gap.order_content",
                    Severity.MEDIUM,
                    cites,
                    {"order": label},
                    subject=subject,
                    remedies=("preservation.remedy.specify_content",),
                )
            )
        if order.durations_given != 1:
            findings.append(
                _finding(
                    "preservation.gap.order_duration",
                    Severity.HIGH,
                    cites,
                    {"order": label},
                    subject=subject,
                    remedies=("preservation.remedy.specify_duration",),
                )
            )
        if order.until is not None and order.until <= ctx.day:
            findings.append(
                _finding(
                    "preservation.gap.order_until_past",
                    Severity.HIGH,
                    cites,
                    {"order": label, "until": order.until},
                    subject=subject,
                    remedies=("preservation.remedy.specify_duration",),
                )
            )
        if not order.kind.prohibitory:
            findings.append(
                _finding(
                    "preservation.order.mandatory_caution",
                    Severity.LOW,
                    ctx.cite(POLICY),
                    {"order": label},
                    subject=subject,
                )
            )
    blocking = [f for f in findings if f.code.startswith("preservation.gap.")]
    facts: dict[str, Arg] = {"orders": len(app.orders)}
    return Criterion(
        code=REQUESTS,
        outcome=Outcome.NOT_MET if blocking else Outcome.MET,
        citations=cites,
        findings=tuple(findings),
        facts=facts,
        strength=_ZERO if blocking else _ONE,
    )


def _security(ctx: _Ctx) -> tuple[Criterion, SecurityEstimate]:
    """Art. 11; CPL Art. 104 (pre-suit security mandatory); CPL Interp. Art. 152."""
    app = ctx.app
    pre = app.stage is Stage.PRE_SUIT
    buffer = ctx.params.get("security_buffer_ratio")
    loss = ctx.loss
    offered = app.security.amount
    recommended = (
        (loss * Ratio(_ONE + buffer.as_decimal())).round_fen() if loss is not None else None
    )
    cites = (
        *ctx.cite(f"{IP}:11"),
        *ctx.cite_interp("152"),
        ctx.cpl("104" if pre else "103"),
    )
    facts: dict[str, Arg] = {}
    if offered is not None:
        facts["offered"] = offered
    if app.security.form is not None:
        facts["form"] = Term(f"preservation.security_form.{app.security.form.value}")
    if loss is not None:
        facts["respondent_loss"] = loss
    facts.update(ctx.loss_facts)
    if recommended is not None:
        facts["recommended"] = recommended
    findings: list[Finding] = []
    shortfall: Money | None = None
    if offered is None:
        if pre:
            outcome = Outcome.NOT_MET
            findings.append(
                _finding(
                    "preservation.gap.security_missing_pre_suit",
                    Severity.CRITICAL,
                    cites,
                    remedies=("preservation.remedy.offer_security",),
                )
            )
        elif app.security.reason_for_none.strip():
            outcome = Outcome.CONTESTED
            findings.append(
                _finding(
                    "preservation.security.court_decides",
                    Severity.LOW,
                    (*ctx.cite_interp("152"), *ctx.cite(f"{IP}:11")),
                )
            )
        else:
            outcome = Outcome.NOT_MET
            findings.append(
                _finding(
                    "preservation.gap.security_or_reason",
                    Severity.MEDIUM,
                    ctx.cite(f"{IP}:4", f"{IP}:11"),
                    remedies=("preservation.remedy.offer_security",),
                )
            )
    elif loss is None:
        outcome = Outcome.MET
        findings.append(
            _finding(
                "preservation.security.amount_by_court",
                Severity.INFO if app.respondent.kind is PartyKind.INDIVIDUAL else Severity.LOW,
                (*ctx.cite_interp("152"), *ctx.cite(f"{IP}:11")),
                remedies=(
                    ()
                    if app.respondent.kind is PartyKind.INDIVIDUAL
                    else ("preservation.remedy.quantify_respondent_loss",)
                ),
            )
        )
    elif offered < loss:
        outcome = Outcome.NOT_MET
        shortfall = loss - offered
        findings.append(
            _finding(
                "preservation.gap.security_short",
                Severity.HIGH,
                cites,
                {"offered": offered, "loss": loss, "shortfall": shortfall},
                remedies=("preservation.remedy.raise_security",),
            )
        )
    else:
        outcome = Outcome.MET
        if recommended is not None and offered < recommended:
            findings.append(
                _finding(
                    "preservation.security.no_buffer",
                    Severity.LOW,
                    ctx.cite(POLICY),
                    {"recommended": recommended},
                )
            )
    estimate = SecurityEstimate(
        respondent_loss=loss,
        recommended=recommended,
        offered=offered,
        shortfall=shortfall,
        mandatory=pre,
        citations=cites,
    )
    return (
        Criterion(
            code=SECURITY,
            outcome=outcome,
            citations=cites,
            findings=tuple(findings),
            facts=facts,
            strength=_ONE if outcome is Outcome.MET else _ZERO,
            parameters=(buffer,),
        ),
        estimate,
    )


def _contents(ctx: _Ctx, harm: Criterion, requests: Criterion, security: Criterion) -> Criterion:
    """Art. 4: the application's required contents; SPC 2020 Art. 21 confidentiality."""
    app = ctx.app
    missing: list[str] = []
    if not app.applicant.identified:
        missing.append("applicant")
    if not app.respondent.identified:
        missing.append("respondent")
    if requests.outcome is not Outcome.MET:
        missing.append("content_and_duration")
    if harm.outcome is Outcome.INSUFFICIENT_EVIDENCE or (
        harm.outcome is Outcome.NOT_MET and not app.harm.purely_monetary
    ):
        missing.append("harm_explanation")
    if security.outcome is Outcome.NOT_MET and app.security.amount is None:
        missing.append("security")
    cites = ctx.cite(f"{IP}:4")
    findings = [
        _finding(
            "preservation.gap.contents_missing",
            Severity.HIGH,
            cites,
            {"item": Term(f"preservation.contents.{item}")},
            remedies=(
                ("preservation.remedy.identify_party",)
                if item in ("applicant", "respondent")
                else ()
            ),
        )
        for item in missing
    ]
    if not app.court.strip():
        findings.append(
            _finding(
                "preservation.contents.choose_court",
                Severity.LOW,
                ctx.cite(f"{IP}:3"),
                remedies=("preservation.remedy.choose_court",),
            )
        )
    findings.append(
        _finding(
            "preservation.contents.confidentiality_application",
            Severity.INFO,
            ctx.cite(f"{TS}:21"),
            remedies=("preservation.remedy.apply_confidentiality",),
        )
    )
    return Criterion(
        code=CONTENTS,
        outcome=Outcome.NOT_MET if missing else Outcome.MET,
        citations=cites,
        findings=tuple(findings),
        facts={"missing": len(missing)},
        strength=_ZERO if missing else _ONE,
    )


def _counter_arguments(
    ctx: _Ctx, by_code: dict[str, Criterion], delayed: bool
) -> tuple[Finding, ...]:
    """What the respondent is likely to argue, derived from the weak points found."""
    app = ctx.app
    out: list[Finding] = []

    def add(code: str, severity: Severity, cites: tuple[str, ...], remedy: str) -> None:
        out.append(_finding(code, severity, ctx.cite(*cites), remedies=(remedy,)))

    def sev(code: str) -> Severity:
        return Severity.HIGH if by_code[code].outcome is Outcome.NOT_MET else Severity.MEDIUM

    def weak(kind: Claim) -> bool:
        claims = ctx.claims(kind)
        return not claims or _worst([c.outcome for c in claims]) is not Outcome.MET

    if weak(Claim.SECRET) or any(not s.content_defined for s in app.secrets):
        add(
            "preservation.counter.publicly_known",
            sev(BASIS),
            (f"{TS}:3", f"{TS}:4"),
            "preservation.remedy.prove_secret",
        )
    if weak(Claim.OWNERSHIP):
        add(
            "preservation.counter.not_owner",
            sev(BASIS),
            (f"{IP}:8",),
            "preservation.remedy.prove_ownership",
        )
    if weak(Claim.ACCESS):
        add(
            "preservation.counter.no_access",
            sev(LIKELIHOOD),
            (f"{TS}:12",),
            "preservation.remedy.prove_access",
        )
    if any(o.kind in (OrderKind.NOT_USE, OrderKind.NOT_ALLOW_USE) for o in app.orders):
        add(
            "preservation.counter.independent_development",
            Severity.MEDIUM,
            (f"{TS}:14",),
            "preservation.remedy.prove_similarity",
        )
    similar = ctx.claims(Claim.SIMILARITY)
    if similar and _worst([c.outcome for c in similar]) is not Outcome.MET:
        add(
            "preservation.counter.not_similar",
            sev(LIKELIHOOD),
            (f"{TS}:13",),
            "preservation.remedy.prove_similarity",
        )
    if by_code[HARM].outcome is not Outcome.MET or app.harm.purely_monetary:
        add(
            "preservation.counter.harm_compensable",
            sev(HARM),
            (f"{IP}:10",),
            "preservation.remedy.show_harm",
        )
    if by_code[BALANCE].outcome is not Outcome.MET:
        add(
            "preservation.counter.hardship",
            sev(BALANCE),
            (f"{IP}:7",),
            "preservation.remedy.narrow_orders",
        )
    if by_code[PUBLIC_INTEREST].outcome is not Outcome.MET:
        add(
            "preservation.counter.public_interest",
            sev(PUBLIC_INTEREST),
            (f"{IP}:7",),
            "preservation.remedy.argue_public_interest",
        )
    if delayed or (app.stage is Stage.PRE_SUIT and by_code[URGENCY].outcome is Outcome.NOT_MET):
        add(
            "preservation.counter.not_urgent",
            sev(URGENCY),
            (f"{IP}:6",),
            "preservation.remedy.explain_delay",
        )
    if by_code[REQUESTS].outcome is not Outcome.MET:
        add(
            "preservation.counter.overbroad",
            Severity.MEDIUM,
            (f"{IP}:4",),
            "preservation.remedy.narrow_orders",
        )
    if by_code[SECURITY].outcome is not Outcome.MET:
        add(
            "preservation.counter.security",
            sev(SECURITY),
            (f"{IP}:11",),
            "preservation.remedy.raise_security",
        )
    return tuple(out)


def _with_evidence(
    application: Application,
    evidence: EvidenceGraph | EvidenceEvaluation | tuple[EvidenceEvaluation, ...],
    respondent: str | None,
    day: pendulum.Date,
    rb: Rulebook,
) -> tuple[Application, list[Finding]]:
    """The application with the claims the evidence evaluation gives added."""
    if isinstance(evidence, EvidenceGraph):
        evaluations: tuple[EvidenceEvaluation, ...] = tuple(
            evaluate(
                evidence,
                standard="preponderance",
                as_of=day,
                secret=s.id,
                respondent=respondent,
                rulebook=rb,
            )
            for s in application.secrets
        )
    elif isinstance(evidence, EvidenceEvaluation):
        evaluations = (evidence,)
    else:
        evaluations = evidence
    known = {s.id for s in application.secrets}
    stated = {(c.claim, c.secret) for c in application.claims}
    derived: list[ClaimInput] = []
    findings: list[Finding] = []
    for evaluation in evaluations:
        secret = evaluation.secret if evaluation.secret in known else None
        derived.extend(
            c
            for c in claims_from_evaluation(evaluation, secret=secret)
            if (c.claim, c.secret) not in stated
        )
        if evaluation.standard.name != "preponderance":
            findings.append(
                _finding(
                    "preservation.evidence.other_standard",
                    Severity.LOW,
                    (rb.cite(POLICY),),
                    {"standard": evaluation.standard.name},
                )
            )
    return attrs.evolve(application, claims=(*application.claims, *derived)), findings


def assess_preservation(
    application: Application,
    *,
    as_of: pendulum.Date | str,
    rulebook: Rulebook | None = None,
    evidence: EvidenceGraph | EvidenceEvaluation | tuple[EvidenceEvaluation, ...] | None = None,
    evidence_respondent: str | None = None,
) -> PreservationAssessment:
    """
    Assess an application for conduct preservation before it is filed.

    The factual and legal basis and the likelihood of infringement rest on the claim
    outcomes of the evidence evaluation (:attr:`Application.claims
    <tradesecret.preservation.Application.claims>`, on a preponderance of the
    evidence); the other factors on the facts stated in the application.

    With ``evidence``, the claims come from the evidence-chain evaluation (see
    :func:`~tradesecret.preservation.claims_from_evaluation`): a graph is evaluated on a
    preponderance of the evidence for each claimed secret (the secret ids must be the
    graph's secret node ids); evaluations can also be passed directly. Claims the
    application states itself take precedence over derived ones for the same claim and
    secret.

    Args:
        application: The application.
        as_of: The day of the assessment (the law and parameters in force then).
        rulebook: Parameters and citations (default: the package rulebook).
        evidence: An evidence graph, an evaluation, or one evaluation per secret.
        evidence_respondent: The respondent's node id in the graph, when the graph
            holds events by more than one party.

    Raises:
        InvalidInputError: the threat is said to be discovered after ``as_of``.
        OutOfCoverageError: ``as_of`` before 2022-01-01, where the library holds no law.

    Legal basis:
        spc-ip-preservation@2018-12-12:4, spc-ip-preservation@2018-12-12:5,
        spc-ip-preservation@2018-12-12:6, spc-ip-preservation@2018-12-12:7,
        spc-ip-preservation@2018-12-12:10, spc-ip-preservation@2018-12-12:11,
        cpl@2023-09-01:103, cpl@2023-09-01:104, cpl-interp@2022-04-01:152,
        spc-ts@2020-09-10:15
    """
    rb = rulebook if rulebook is not None else default_rulebook()
    day = to_date(as_of, path="as_of")
    discovered = application.urgency.discovered_on
    if discovered is not None and discovered > day:
        raise InvalidInputError.single(
            "application.urgency.discovered_on", str(discovered), f"is after as_of ({day})"
        )
    findings: list[Finding] = []
    if evidence is not None:
        application, findings = _with_evidence(application, evidence, evidence_respondent, day, rb)
    ctx = _Ctx(application, day, rb)
    _respondent_loss(ctx)
    basis = _basis(ctx)
    likelihood = _likelihood(ctx)
    harm = _harm(ctx)
    balance = _balance(ctx, harm)
    public = _public_interest(ctx)
    urgency, delayed = _urgency(ctx)
    ex_parte = _ex_parte(ctx, urgency)
    requests = _requests(ctx)
    security, estimate = _security(ctx)
    contents = _contents(ctx, harm, requests, security)
    criteria = (
        basis,
        likelihood,
        harm,
        balance,
        public,
        urgency,
        ex_parte,
        requests,
        security,
        contents,
    )
    by_code = {c.code: c for c in criteria}

    weights = {code: ctx.params.dec(name) for code, name in _WEIGHTS.items()}
    total = sum(weights.values(), _ZERO)
    score = sum((weights[c] * (by_code[c].strength or _ZERO) for c in FACTORS), _ZERO)
    score = (score / total if total else _ZERO).quantize(Decimal("0.001"))
    ready_min = ctx.params.dec("ready_score_min")

    pre = application.stage is Stage.PRE_SUIT
    merits = [by_code[c].outcome for c in FACTORS]
    if pre:
        merits += [urgency.outcome, security.outcome]
    outcome = _worst(merits)
    if outcome is Outcome.MET and score < ready_min:
        outcome = Outcome.CONTESTED
        findings.append(
            _finding(
                "preservation.score.below_line",
                Severity.MEDIUM,
                ctx.cite(POLICY),
                {"score": Ratio(score), "line": Ratio(ready_min)},
            )
        )
    # In suit, a stated reason for offering no security leaves the question to the court
    # (CPL Interp. Art. 152): the application is complete.
    complete = all(by_code[c].outcome is Outcome.MET for c in (REQUESTS, CONTENTS)) and (
        security.outcome is Outcome.MET or (not pre and security.outcome is Outcome.CONTESTED)
    )
    ready = outcome is Outcome.MET and complete
    findings.insert(
        0,
        _finding(
            "preservation.verdict.ready" if ready else f"preservation.verdict.{outcome.value}",
            Severity.INFO if ready else Severity.HIGH,
            ctx.cite(f"{IP}:7"),
            {"score": Ratio(score)},
        ),
    )
    counters = _counter_arguments(ctx, by_code, delayed)
    assessment = Assessment(
        kind="preservation",
        subject=application.id,
        as_of=day,
        outcome=outcome,
        # The five factors are weighed (SPC IP-preservation provisions Art. 7); readiness is
        # reported beside them as ``ready``.
        combination=Combination.WEIGHED,
        citations=(
            *ctx.cite(f"{IP}:7"),
            ctx.cpl("104" if pre else "103"),
            *ctx.cite(f"{TS}:15"),
        ),
        criteria=criteria,
        findings=tuple(findings),
        parameters=ctx.params.all(),
    )
    return PreservationAssessment(
        application=application,
        as_of=day,
        outcome=outcome,
        ready=ready,
        score=score,
        assessment=assessment,
        security=estimate,
        counter_arguments=counters,
    )
