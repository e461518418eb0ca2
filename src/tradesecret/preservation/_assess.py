"""
Assessing an application for conduct preservation (行为保全申请的审查要点).

:func:`assess_preservation` reads an :class:`~tradesecret.preservation.Application`
the way a court reviewing it would (SPC IP-preservation provisions Arts. 4--11; CPL
2012/2017 Arts. 100--101, 2021/2023 Arts. 103--104; SPC 2020 trade-secret provisions
Art. 15) and returns a :class:`~tradesecret.preservation.PreservationAssessment`: the
five Art. 7 factors, urgency (Art. 6), whether the court may rule without first hearing
the respondent (Art. 5), procedural readiness (Art. 4 contents, Art. 11 security), the
counter-arguments the respondent is likely to raise, and the gaps to close before filing.
How the headline follows from the criteria is stated in
:mod:`tradesecret.preservation._result`.

What is law and what is the library's reading
=============================================

* The factors, the urgency situations, the harm categories, the security rule and the
  required contents are the text of the provisions (binding citations), as rule tables
  beside the clauses (``URGENCY_TABLE``, ``EX_PARTE_TABLE``, ``ORDER_TABLE``,
  ``SECURITY_TABLE``, ``CONTENTS_TABLE``).
* The *strengths*, the *weights* of the readiness score, the 10 % "marked fall of market
  share" line, the balance-of-hardships ratios, the security buffer and the delay
  warning are the library's heuristics (``preservation.*`` parameters citing
  ``tradesecret-policy@2026-11-21``).
* Two readings are the library's and are labelled as such in the findings: a trade
  secret about to be disclosed is counted as "other irreparable harm" (Art. 10(4)), and
  an individual respondent who is only restrained from disclosing or using a secret is
  taken to bear little hardship when no loss figure is given.
* **Unknown facts.** The security offered, whether questioning the respondent could
  defeat the measure, when the threat was discovered and an order's duration may be
  left not stated: the rules that turn on them are undetermined and name them
  (:meth:`~tradesecret.preservation.PreservationAssessment.missing`); a pre-suit
  application whose security is not stated is undetermined, never "not met".
* **Law over time.** Before 2013-01-01 the CPL knew property preservation only: the
  assessment is not applicable and says so. From 2013 the CPL 2012/2017 articles apply;
  the factors the SPC IP-preservation provisions added (balance, public interest,
  hearing, contents) are not applicable before 2019-01-01.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Final

import attrs
import pendulum

from tradesecret.dates import to_date
from tradesecret.evidence import EvidenceEvaluation, EvidenceGraph, evaluate
from tradesecret.exceptions import InvalidInputError, OutOfCoverageError
from tradesecret.facts import UNKNOWN
from tradesecret.money import Ratio
from tradesecret.preservation._claims import basis, likelihood
from tradesecret.preservation._codes import PUBLIC_INTEREST, READINESS
from tradesecret.preservation._counter import counter_arguments
from tradesecret.preservation._ctx import Ctx, finding
from tradesecret.preservation._evidence import claims_from_evaluation
from tradesecret.preservation._harm import harm, public_interest
from tradesecret.preservation._law import IP, POLICY, TS, preservation_in_force
from tradesecret.preservation._merits import balance, not_yet_law
from tradesecret.preservation._model import Application, ClaimInput, Stage
from tradesecret.preservation._readiness import contents, requests, respondent_loss, security
from tradesecret.preservation._result import PreservationAssessment, SecurityEstimate, headline
from tradesecret.preservation._urgency import ex_parte, urgency
from tradesecret.results import Assessment, Combination, Criterion, Finding, Outcome, Severity, Term
from tradesecret.rulebook import Rulebook, default_rulebook

__all__ = ["assess_preservation"]

_ZERO: Final = Decimal(0)
_WEIGHTS: Final = {
    "preservation.factor.basis": "weight_basis",
    "preservation.factor.likelihood": "weight_likelihood",
    "preservation.factor.irreparable_harm": "weight_harm",
    "preservation.factor.balance": "weight_balance",
    "preservation.factor.public_interest": "weight_public_interest",
}


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
                finding(
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
        OutOfCoverageError: ``as_of`` before the first Civil Procedure Law the catalog
            holds (before 2013-01-01 the assessment is not applicable: no conduct
            preservation existed).

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
    if discovered is not UNKNOWN and discovered > day:
        raise InvalidInputError.single(
            "application.urgency.discovered_on",
            discovered,
            "is after as_of ({as_of})",
            as_of=day.isoformat(),
        )
    if not preservation_in_force(rb, day):
        return _before_conduct_preservation(application, day, rb)
    findings: list[Finding] = []
    if evidence is not None:
        application, findings = _with_evidence(application, evidence, evidence_respondent, day, rb)
    return _assemble(Ctx(application, day, rb), findings)


def _assemble(ctx: Ctx, findings: list[Finding]) -> PreservationAssessment:
    """The criteria, the score, the stated headline, the verdict and the counter-arguments."""
    application, day = ctx.app, ctx.day
    criteria, delayed, estimate = _criteria(ctx)
    by_code = {c.code: c for c in criteria}
    score = _score(ctx, by_code)
    ready_min = ctx.params.dec("ready_score_min")
    below = score < ready_min
    outcome = headline(criteria, application.stage, below_line=below)
    merits_met = headline(criteria, application.stage, below_line=False) is Outcome.MET
    if below and merits_met:
        findings.append(
            finding(
                "preservation.score.below_line",
                Severity.MEDIUM,
                ctx.cite(POLICY),
                {"score": Ratio(score), "line": Ratio(ready_min)},
            )
        )
    unsettled = [c for c in criteria if c.code in READINESS and c.outcome not in _SETTLED]
    ready = outcome is Outcome.MET and not unsettled
    findings.insert(0, _verdict(ctx, outcome, ready, score, unsettled))
    assessment = Assessment(
        kind="preservation",
        subject=application.id,
        as_of=day,
        outcome=outcome,
        # The merits are combined and weighed (see tradesecret.preservation._result);
        # readiness is reported beside them as ``ready``.
        combination=Combination.WEIGHED,
        citations=_overall_basis(ctx),
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
        counter_arguments=counter_arguments(ctx, by_code, delayed),
    )


#: Readiness outcomes that let an application be filed as it stands.
_SETTLED: Final = (Outcome.MET, Outcome.NOT_APPLICABLE)


def _criteria(ctx: Ctx) -> tuple[tuple[Criterion, ...], bool, SecurityEstimate]:
    """Every criterion, in the report's order; whether the applicant delayed; the security."""
    respondent_loss(ctx)
    harm_ = harm(ctx)
    urgency_, delayed = urgency(ctx)
    requests_ = requests(ctx)
    security_, estimate = security(ctx)
    criteria = (
        basis(ctx),
        likelihood(ctx),
        harm_,
        balance(ctx, harm_),
        _when_law(ctx, PUBLIC_INTEREST, public_interest),
        urgency_,
        ex_parte(ctx, urgency_),
        requests_,
        security_,
        contents(ctx, harm_, requests_, security_),
    )
    return criteria, delayed, estimate


def _when_law(ctx: Ctx, code: str, build: Callable[[Ctx], Criterion]) -> Criterion:
    """The criterion, or not applicable where its Art. 7 source was not law on the day."""
    absent = not_yet_law(ctx, code, f"{IP}:7")
    return build(ctx) if absent is None else absent


def _score(ctx: Ctx, by_code: dict[str, Criterion]) -> Decimal:
    """The weighted score of the factors that were law on the day (library-policy weights)."""
    weights = {
        code: ctx.params.dec(name)
        for code, name in _WEIGHTS.items()
        if by_code[code].outcome is not Outcome.NOT_APPLICABLE
    }
    total = sum(weights.values(), _ZERO)
    score = sum((w * (by_code[c].strength or _ZERO) for c, w in weights.items()), _ZERO)
    return (score / total if total else _ZERO).quantize(Decimal("0.001"))


def _verdict(
    ctx: Ctx, outcome: Outcome, ready: bool, score: Decimal, unsettled: list[Criterion]
) -> Finding:
    """The first finding: the headline in words, naming what a ``MET`` would otherwise hide."""
    args: dict[str, object] = {"score": Ratio(score)}
    if ready:
        code, severity = "preservation.verdict.ready", Severity.INFO
    elif outcome is Outcome.MET:
        code, severity = "preservation.verdict.met_not_ready", Severity.HIGH
        args["count"] = len(unsettled)
        args["first"] = Term(unsettled[0].code)
    else:
        code, severity = f"preservation.verdict.{outcome.value}", Severity.HIGH
    return finding(code, severity, ctx.rests_on(f"{IP}:7"), args)


def _overall_basis(ctx: Ctx) -> tuple:  # type: ignore[type-arg]
    pre = ctx.app.stage is Stage.PRE_SUIT
    return tuple(
        dict.fromkeys(
            (
                *ctx.law(f"{IP}:7"),
                *ctx.cpl("pre_suit" if pre else "in_suit"),
                *ctx.law(f"{TS}:15"),
            )
        )
    )


def _before_conduct_preservation(
    application: Application, day: pendulum.Date, rb: Rulebook
) -> PreservationAssessment:
    """
    Before 2013-01-01 the CPL knew property preservation only (CPL 2007 Arts. 92--93):
    there was no conduct preservation to apply for. The assessment says so.
    """
    cites = tuple(
        rb.cite(f"{inst.key}:{n}")
        for inst in rb.instruments.values()
        if inst.id == "cpl" and inst.in_force_on(day)
        for n in ("92", "93")
        if inst.article(n) is not None
    )
    if not cites:
        raise OutOfCoverageError("preservation", day, "2013-01-01", None)
    since = min(
        (i.effective for i in rb.instruments.values() if i.id == "cpl" and i.article("101")),
        default=None,
    )
    args: dict[str, object] = {} if since is None else {"since": since}
    note = finding("preservation.law.no_conduct_preservation", Severity.CRITICAL, cites, args)
    assessment = Assessment(
        kind="preservation",
        subject=application.id,
        as_of=day,
        outcome=Outcome.NOT_APPLICABLE,
        combination=Combination.WEIGHED,
        citations=cites,
        findings=(note,),
    )
    return PreservationAssessment(
        application=application,
        as_of=day,
        outcome=Outcome.NOT_APPLICABLE,
        ready=False,
        score=_ZERO,
        assessment=assessment,
        security=SecurityEstimate(
            respondent_loss=None,
            recommended=None,
            offered=application.security.offered_amount,
            shortfall=None,
            mandatory=False,
            citations=cites,
        ),
        counter_arguments=(),
    )
