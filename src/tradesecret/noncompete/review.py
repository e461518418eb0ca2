"""
Review of a non-compete agreement: "would this clause hold?"

:func:`review_noncompete` returns an :class:`~tradesecret.results.Assessment` of kind
``noncompete`` with seven criteria, in this order:

========================================  ===============================================
criterion                                 what it checks
========================================  ===============================================
``noncompete.criterion.eligibility``      LCL Art. 24(1); Interp. (II) Art. 13(1); typical
                                          cases; MOHRSS §7
``noncompete.criterion.scope``            Interp. (II) Art. 13(2); LCL Art. 24(2); GC 190
``noncompete.criterion.duration``         LCL Art. 24(2); Interp. (II) Art. 14
``noncompete.criterion.compensation``     Interp. (I) Art. 36; LCL Art. 23(2); MOHRSS §§13, 16
``noncompete.criterion.clauses``          GC 184 with LCL Art. 26; Interp. (I) Art. 38;
                                          LCL Art. 24(1)
``noncompete.criterion.penalty``          MOHRSS §14; LCL Art. 23(2); Interp. (II) Art. 15
``noncompete.criterion.activation``       Interp. (I) Art. 37
========================================  ===============================================

A criterion is *met* when none of its findings is ``MEDIUM`` or worse; the scope
criterion is *insufficient evidence* when the secrets known do not say what business
they concern. The assessment is *not met* when the clause does not bind the employee
at all (general staff; no secret known or accessed) and *met* otherwise -- parts of it
may still be void or invalid, which the findings say.

Every finding's citations carry their tier, so ``finding.binding`` tells binding law
(LCL, judicial interpretations) from a guiding case (courts shall refer to it),
administrative guidance (MOHRSS) and the library's own policy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, Final, Protocol

import pendulum

from tradesecret.dates import to_date
from tradesecret.exceptions import OutOfCoverageError
from tradesecret.law import Citation
from tradesecret.money import Money
from tradesecret.noncompete.compensation import (
    CompensationFloor,
    agreed_monthly_compensation,
    compensation_floor,
)
from tradesecret.noncompete.model import (
    ActivationDecision,
    BusinessProfile,
    CompensationBasis,
    EmployeeFacts,
    KnownSecret,
    NonCompeteAgreement,
    PaymentTiming,
    PenaltyBasis,
    PersonnelCategory,
    RegionExtent,
    check_parties,
)
from tradesecret.results import (
    Assessment,
    Criterion,
    Finding,
    Outcome,
    Severity,
    Term,
)
from tradesecret.rulebook import ParameterValue, Rulebook, default_rulebook

__all__ = [
    "SecretSource",
    "assess_competition",
    "known_secrets",
    "review_noncompete",
    "review_penalty",
]

LCL_23_2: Final = "lcl@2012-12-28:23.2"
LCL_24_1: Final = "lcl@2012-12-28:24.1"
LCL_24_2: Final = "lcl@2012-12-28:24.2"
LCL_26: Final = "lcl@2012-12-28:26"
INTERP_1: Final = "spc-labor-1@2020-12-29"
I1_36: Final = "spc-labor-1@2020-12-29:36"
I1_37: Final = "spc-labor-1@2020-12-29:37"
I1_38: Final = "spc-labor-1@2020-12-29:38"
I2_13_1: Final = "spc-labor-2@2025-07-31:13.1"
I2_13_2: Final = "spc-labor-2@2025-07-31:13.2"
I2_14: Final = "spc-labor-2@2025-07-31:14"
I2_15: Final = "spc-labor-2@2025-07-31:15"
GC_184: Final = "gc-184@2022-07-04"
GC_190: Final = "gc-190@2022-12-08"
GUIDE: Final = "mohrss-nc-guide@2025-09-12"
G7: Final = "mohrss-nc-guide@2025-09-12:7"
G13: Final = "mohrss-nc-guide@2025-09-12:13"
G14: Final = "mohrss-nc-guide@2025-09-12:14"
G16: Final = "mohrss-nc-guide@2025-09-12:16"
G17: Final = "mohrss-nc-guide@2025-09-12:17"
TYPICAL_GUARD: Final = "spc-mohrss-typical-4@2025-04-16"
TYPICAL_TRAINER: Final = "spc-labor-typical@2024-04-30"
TYPICAL_SCOPE: Final = "spc-typical-interp2@2025-08-01"
POLICY: Final = "tradesecret-policy@2026-11-21"


class SecretSource(Protocol):
    """What the review needs from a secret registry (``tradesecret.definition.SecretRegistry``)."""

    def secrets_known_by(self, person: str, *, start: object, end: object) -> frozenset[str]:
        """Ids of the secrets ``person`` had access to or accessed in ``[start, end]``."""
        ...


def _book(rulebook: Rulebook | None) -> Rulebook:
    return rulebook if rulebook is not None else default_rulebook()


def _norm(items: Iterable[str]) -> set[str]:
    return {i.strip().casefold() for i in items if i.strip()}


def _show(keys: Iterable[str], *sources: Iterable[str]) -> str:
    """The items whose normalised form is in ``keys``, as first written in ``sources``."""
    wanted = set(keys)
    shown: dict[str, str] = {}
    for source in sources:
        for item in source:
            key = item.strip().casefold()
            if key in wanted:
                shown.setdefault(key, item.strip())
    return ", ".join(sorted(shown.get(k, k) for k in wanted))


def _join(items: Iterable[str]) -> str:
    return ", ".join(sorted(items))


class _Maker:
    """
    Builds findings with resolved citations.

    With ``day`` before the MOHRSS guidelines were made public, a finding does not cite
    them (advice is not applied to a date before it was given); a finding left with no
    citation then rests on the library's policy.
    """

    def __init__(self, book: Rulebook, day: pendulum.Date | None = None) -> None:
        self.book = book
        self.guidance_missing = day is not None and day < book.instrument(GUIDE).effective

    def _dated(self, citations: tuple[Citation, ...]) -> tuple[Citation, ...]:
        if not self.guidance_missing:
            return citations
        kept = tuple(c for c in citations if c.ref.key != GUIDE)
        return kept if kept else (self.book.cite(POLICY),)

    def finding(
        self,
        code: str,
        severity: Severity,
        cites: Sequence[str | Citation],
        args: dict[str, Any] | None = None,
        *,
        subject: str | None = None,
        remedies: tuple[str, ...] = (),
    ) -> Finding:
        citations = self._dated(
            tuple(c if isinstance(c, Citation) else self.book.cite(c) for c in cites)
        )
        return Finding(
            code=code,
            severity=severity,
            citations=citations,
            args=args or {},
            subject=subject,
            remedies=remedies,
        )

    def criterion(
        self,
        code: str,
        cites: Sequence[str],
        findings: Sequence[Finding],
        *,
        outcome: Outcome | None = None,
        facts: dict[str, Any] | None = None,
        parameters: Sequence[ParameterValue] = (),
        evidence: tuple[str, ...] = (),
    ) -> Criterion:
        if outcome is None:
            worse = any(f.severity.at_least(Severity.MEDIUM) for f in findings)
            outcome = Outcome.NOT_MET if worse else Outcome.MET
        return Criterion(
            code=code,
            outcome=outcome,
            citations=self._dated(self.book.cite_all(*cites)),
            findings=tuple(findings),
            facts=facts or {},
            parameters=tuple(parameters),
            evidence=evidence,
        )


def known_secrets(
    employee: EmployeeFacts,
    *,
    as_of: object,
    registry: SecretSource | None = None,
) -> tuple[KnownSecret, ...]:
    """
    The secrets the employee knew or accessed: those given directly plus, with a
    registry, the registry's for the employment (start to termination, or ``as_of``).

    A registry id that is also given directly keeps the direct description (which
    says what business it concerns).
    """
    day = to_date(as_of, path="as_of")
    out = {s.id: s for s in employee.secrets_known}
    if registry is not None:
        end = employee.termination_date or day
        for sid in sorted(
            registry.secrets_known_by(employee.person_id, start=employee.employment_start, end=end)
        ):
            out.setdefault(sid, KnownSecret(id=sid))
    return tuple(out.values())


# -- eligibility -------------------------------------------------------------------------


def _eligibility(
    mk: _Maker,
    agreement: NonCompeteAgreement,
    employee: EmployeeFacts,
    secrets: Sequence[KnownSecret],
) -> tuple[Criterion, bool]:
    findings: list[Finding] = []
    binds = True
    category = Term(f"noncompete.term.category.{employee.category.value}")
    if employee.category is PersonnelCategory.GENERAL_STAFF:
        binds = False
        findings.append(
            mk.finding(
                "noncompete.eligibility.general_staff",
                Severity.HIGH,
                (LCL_24_1, G7, TYPICAL_GUARD, TYPICAL_TRAINER),
                {"role": employee.role},
                remedies=("noncompete.remedy.drop_or_reclassify",),
            )
        )
    if not secrets:
        binds = False
        findings.append(
            mk.finding(
                "noncompete.eligibility.no_secrets_known",
                Severity.CRITICAL,
                (I2_13_1,),
                {"person": employee.person_id},
                remedies=("noncompete.remedy.record_secrets",),
            )
        )
    if employee.category is PersonnelCategory.OTHER_CONFIDENTIALITY_BOUND and not (
        employee.told_reasons_and_secrets or agreement.reasons_and_secrets_disclosed
    ):
        findings.append(
            mk.finding(
                "noncompete.eligibility.reasons_not_disclosed",
                Severity.MEDIUM,
                (G7, POLICY),
                {"role": employee.role},
                remedies=("noncompete.remedy.disclose_reasons",),
            )
        )
    if not agreement.necessity_assessed:
        findings.append(
            mk.finding(
                "noncompete.eligibility.necessity_not_assessed",
                Severity.LOW,
                # The guidelines say the period should follow the secrets known and how long
                # they stay relevant; the reference gives no section number for that: the
                # guidelines are cited whole.
                (GUIDE, POLICY),
                remedies=("noncompete.remedy.assess_necessity",),
            )
        )
    if binds:
        findings.insert(
            0,
            mk.finding(
                "noncompete.eligibility.eligible",
                Severity.INFO,
                (LCL_24_1,),
                {"category": category, "count": len(secrets)},
            ),
        )
    outcome = Outcome.MET if binds else Outcome.NOT_MET
    return (
        mk.criterion(
            "noncompete.criterion.eligibility",
            (LCL_24_1, I2_13_1),
            findings,
            outcome=outcome,
            facts={"category": category, "count": len(secrets)},
            evidence=tuple(s.id for s in secrets),
        ),
        binds,
    )


# -- scope ------------------------------------------------------------------------------


def _scope(mk: _Maker, agreement: NonCompeteAgreement, secrets: Sequence[KnownSecret]) -> Criterion:
    findings: list[Finding] = []
    insufficient = False
    lines = _norm(agreement.business_lines)
    if not lines:
        findings.append(
            mk.finding(
                "noncompete.scope.business_not_stated",
                Severity.MEDIUM,
                (LCL_24_1, I2_13_2),
                remedies=("noncompete.remedy.state_business",),
            )
        )
    described = [s for s in secrets if s.business_lines]
    if secrets and len(described) < len(secrets):
        insufficient = True
        findings.append(
            mk.finding(
                "noncompete.scope.secrets_not_described",
                Severity.INFO,
                (I2_13_2,),
                {"ids": _join(s.id for s in secrets if not s.business_lines)},
                remedies=("noncompete.remedy.describe_secrets",),
            )
        )
    secret_lines = (
        set().union(*(_norm(s.business_lines) for s in described)) if described else set()
    )
    if lines and described:
        excess = lines - secret_lines
        if excess:
            findings.append(
                mk.finding(
                    "noncompete.scope.exceeds_secrets",
                    Severity.HIGH,
                    (I2_13_2, TYPICAL_SCOPE),
                    {
                        "excess": _show(excess, agreement.business_lines),
                        "covered": _show(secret_lines, *(x.business_lines for x in described)),
                    },
                    remedies=("noncompete.remedy.narrow_scope",),
                )
            )
    relevance = [s.relevance_months for s in secrets if s.relevance_months is not None]
    if agreement.post_termination and relevance and len(relevance) == len(secrets):
        longest = max(relevance)
        if agreement.duration_months > longest:
            findings.append(
                mk.finding(
                    "noncompete.scope.period_exceeds_relevance",
                    Severity.MEDIUM,
                    (I2_13_2,),
                    {"months": agreement.duration_months, "relevance": longest},
                    remedies=("noncompete.remedy.shorten_period",),
                )
            )
    secret_regions = set().union(*(_norm(s.regions) for s in secrets)) if secrets else set()
    regions = _norm(agreement.regions)
    if secret_regions and all(s.regions for s in secrets):
        region_excess: Term | str | None = None
        if agreement.region_extent in (RegionExtent.NATIONWIDE, RegionExtent.WORLDWIDE):
            region_excess = Term(f"noncompete.term.region.{agreement.region_extent.value}")
        elif agreement.region_extent is RegionExtent.SPECIFIED and regions - secret_regions:
            region_excess = _show(regions - secret_regions, agreement.regions)
        if region_excess is not None:
            findings.append(
                mk.finding(
                    "noncompete.scope.region_exceeds_secrets",
                    Severity.MEDIUM,
                    (I2_13_2,),
                    {
                        "excess": region_excess,
                        "covered": _show(secret_regions, *(x.regions for x in secrets)),
                    },
                    remedies=("noncompete.remedy.narrow_region",),
                )
            )
    if not agreement.limited_to_competitors:
        findings.append(
            mk.finding(
                "noncompete.scope.not_limited_to_competitors",
                Severity.MEDIUM,
                (LCL_24_2, GC_190),
                remedies=("noncompete.remedy.limit_to_competitors",),
            )
        )
    if not agreement.restricted_companies:
        findings.append(
            mk.finding(
                "noncompete.scope.no_named_list",
                Severity.LOW,
                # No source in the reference asks for a named list: the library's advice.
                (POLICY,),
                remedies=("noncompete.remedy.name_competitors",),
            )
        )
    if agreement.region_extent is RegionExtent.NOT_STATED:
        findings.append(
            mk.finding(
                "noncompete.scope.region_not_stated",
                Severity.LOW,
                (LCL_24_1,),
                remedies=("noncompete.remedy.narrow_region",),
            )
        )
    broad = agreement.region_extent in (RegionExtent.NATIONWIDE, RegionExtent.WORLDWIDE)
    if broad and not agreement.region_reasons_stated:
        findings.append(
            mk.finding(
                "noncompete.scope.broad_region_without_reasons",
                Severity.MEDIUM,
                (TYPICAL_SCOPE, POLICY),
                {"extent": Term(f"noncompete.term.region.{agreement.region_extent.value}")},
                remedies=("noncompete.remedy.state_region_reasons",),
            )
        )
    operations = _norm(agreement.employer_regions)
    if operations and agreement.region_extent is RegionExtent.SPECIFIED:
        wider = regions - operations
        if wider:
            findings.append(
                mk.finding(
                    "noncompete.scope.region_wider_than_operations",
                    Severity.MEDIUM,
                    (TYPICAL_SCOPE, POLICY),
                    {
                        "excess": _show(wider, agreement.regions),
                        "operations": _show(operations, agreement.employer_regions),
                    },
                    remedies=("noncompete.remedy.narrow_region",),
                )
            )
    outcome: Outcome | None = None
    if insufficient and not any(f.severity.at_least(Severity.MEDIUM) for f in findings):
        outcome = Outcome.INSUFFICIENT_EVIDENCE
    return mk.criterion(
        "noncompete.criterion.scope",
        (I2_13_2, LCL_24_1),
        findings,
        outcome=outcome,
        facts={"lines": len(lines), "secrets": len(secrets)},
    )


# -- duration -----------------------------------------------------------------------------


def _duration(
    mk: _Maker, agreement: NonCompeteAgreement, employee: EmployeeFacts, cap: ParameterValue
) -> Criterion:
    findings: list[Finding] = []
    if agreement.post_termination:
        if agreement.duration_months == 0:
            findings.append(
                mk.finding(
                    "noncompete.duration.not_stated",
                    Severity.MEDIUM,
                    (LCL_24_1,),
                    remedies=("noncompete.remedy.shorten_period",),
                )
            )
        elif agreement.duration_months > cap.as_int():
            findings.append(
                mk.finding(
                    "noncompete.duration.exceeds_cap",
                    Severity.HIGH,
                    cap.citations,
                    {
                        "months": agreement.duration_months,
                        "cap": cap.as_int(),
                        "excess": agreement.duration_months - cap.as_int(),
                    },
                    remedies=("noncompete.remedy.shorten_period",),
                )
            )
    if agreement.in_service and employee.category is not PersonnelCategory.GENERAL_STAFF:
        findings.append(mk.finding("noncompete.duration.in_service_valid", Severity.INFO, (I2_14,)))
    return mk.criterion(
        "noncompete.criterion.duration",
        (LCL_24_2, I2_14),
        findings,
        facts={"months": agreement.duration_months, "cap": cap.as_int()},
        parameters=(cap,),
    )


# -- compensation ---------------------------------------------------------------------------


def _compensation(
    mk: _Maker,
    agreement: NonCompeteAgreement,
    floor: CompensationFloor | None,
    *,
    assumed_termination: pendulum.Date | None,
    coverage: OutOfCoverageError | None,
    day: pendulum.Date,
) -> Criterion:
    findings: list[Finding] = []
    ratio_param = mk.book.param("noncompete.default_ratio", as_of=day)
    default_ratio = floor.default_ratio if floor is not None else ratio_param.as_ratio()
    if coverage is not None:
        findings.append(
            mk.finding(
                "noncompete.compensation.out_of_coverage",
                Severity.INFO,
                (I1_36,),
                {
                    "name": coverage.name,
                    "on": str(coverage.as_of),
                    "since": str(coverage.covered_since),
                },
            )
        )
    terms = agreement.compensation
    # Without a floor the default ratio named in the findings comes from ``ratio_param``.
    params: tuple[ParameterValue, ...] = floor.parameters if floor is not None else (ratio_param,)
    if assumed_termination is not None and floor is not None:
        findings.append(
            mk.finding(
                "noncompete.compensation.assumed_termination",
                Severity.INFO,
                (I1_36,),
                {"termination": assumed_termination},
            )
        )
    facts: dict[str, Any] = {"basis": Term(f"noncompete.term.basis.{terms.basis.value}")}
    if not agreement.post_termination:
        return mk.criterion(
            "noncompete.criterion.compensation",
            (I2_14,),
            findings,
            outcome=Outcome.NOT_APPLICABLE,
            facts=facts,
        )
    if terms.basis is CompensationBasis.NONE:
        findings.append(
            mk.finding(
                "noncompete.compensation.none_agreed",
                Severity.MEDIUM,
                (I1_36, LCL_23_2),
                {"ratio": default_ratio},
                remedies=("noncompete.remedy.agree_compensation",),
            )
        )
        if floor is not None and floor.months:
            findings.append(
                mk.finding(
                    "noncompete.compensation.default_applies",
                    Severity.INFO,
                    floor.default_citations,
                    {
                        "amount": floor.months[0].default_amount,
                        "months": floor.period_months,
                        "total": floor.default_total,
                    },
                )
            )
    agreed = agreed_monthly_compensation(agreement, floor.average_wage.value) if floor else None
    if agreed is not None and floor is not None and floor.months:
        first = floor.months[0]
        if agreed < first.default_amount and not first.default_by_minimum_wage:
            findings.append(
                mk.finding(
                    "noncompete.compensation.below_default",
                    Severity.MEDIUM,
                    (G13,),
                    {"agreed": agreed, "default": first.default_amount, "ratio": default_ratio},
                    remedies=("noncompete.remedy.raise_compensation",),
                )
            )
        low = [m for m in floor.months if agreed < m.minimum_wage]
        if low:
            findings.append(
                mk.finding(
                    "noncompete.compensation.below_minimum_wage",
                    Severity.HIGH,
                    (G13,),
                    {
                        "agreed": agreed,
                        "minimum_wage": low[0].minimum_wage,
                        "first": low[0].first_day,
                        "count": len(low),
                    },
                    remedies=("noncompete.remedy.raise_compensation",),
                )
            )
        if (
            floor.guidance_ratio is not None
            and first.guidance_amount is not None
            and floor.guidance_ratio.value > floor.default_ratio.value
            and agreed < first.guidance_amount
        ):
            findings.append(
                mk.finding(
                    "noncompete.compensation.below_guidance_long_period",
                    Severity.MEDIUM,
                    floor.guidance_citations,
                    {
                        "agreed": agreed,
                        "guidance": first.guidance_amount,
                        "ratio": floor.guidance_ratio,
                        "months": floor.period_months,
                        "threshold": next(
                            p.as_int()
                            for p in floor.parameters
                            if p.name == "noncompete.guidance_long_period_threshold_months"
                        ),
                    },
                    remedies=("noncompete.remedy.raise_compensation",),
                )
            )
    elif terms.basis is not CompensationBasis.NONE and floor is None and coverage is None:
        findings.append(
            mk.finding("noncompete.compensation.not_computable", Severity.INFO, (I1_36,))
        )
    if terms.in_service_amount is not None or terms.timing is PaymentTiming.DURING_EMPLOYMENT:
        findings.append(
            mk.finding(
                "noncompete.compensation.in_service_payment_not_counted",
                Severity.MEDIUM,
                (G16,),
                {"amount": terms.in_service_amount or Money.zero()},
                remedies=("noncompete.remedy.pay_after_termination",),
            )
        )
    elif terms.basis is not CompensationBasis.NONE and terms.timing in (
        PaymentTiming.LUMP_SUM_AT_TERMINATION,
        PaymentTiming.OTHER,
    ):
        findings.append(
            mk.finding(
                "noncompete.compensation.not_monthly",
                Severity.LOW,
                (LCL_23_2,),
                {"timing": Term(f"noncompete.term.timing.{terms.timing.value}")},
                remedies=("noncompete.remedy.pay_after_termination",),
            )
        )
    return mk.criterion(
        "noncompete.criterion.compensation",
        (I1_36, LCL_23_2),
        findings,
        facts=facts,
        parameters=params,
    )


# -- clauses --------------------------------------------------------------------------------


def _clauses(mk: _Maker, agreement: NonCompeteAgreement, release: ParameterValue) -> Criterion:
    findings: list[Finding] = []
    if agreement.extends_period_during_proceedings:
        findings.append(
            mk.finding(
                "noncompete.clause.extension_by_proceedings",
                Severity.HIGH,
                (GC_184, LCL_26),
                remedies=("noncompete.remedy.delete_clause",),
            )
        )
    if (
        agreement.release_unpaid_months is not None
        and agreement.release_unpaid_months > release.as_int()
    ):
        findings.append(
            mk.finding(
                "noncompete.clause.release_requires_more_unpaid_months",
                Severity.MEDIUM,
                # The conflict with Interp. (I) Art. 38 is the library's inference (UNVERIFIED
                # in the facts reference): the finding rests on guidance, not binding law.
                # Art. 38 itself is cited by the criterion and by the ``release`` parameter.
                (G17, POLICY),
                {"months": agreement.release_unpaid_months, "law": release.as_int()},
                remedies=("noncompete.remedy.delete_clause",),
            )
        )
    if agreement.employer_may_change_unilaterally:
        findings.append(
            mk.finding(
                "noncompete.clause.unilateral_change",
                Severity.MEDIUM,
                (LCL_24_1,),
                remedies=("noncompete.remedy.delete_clause",),
            )
        )
    return mk.criterion(
        "noncompete.criterion.clauses", (LCL_26, I1_38), findings, parameters=(release,)
    )


# -- penalty --------------------------------------------------------------------------------


def review_penalty(
    agreement: NonCompeteAgreement,
    employee: EmployeeFacts,
    *,
    as_of: object,
    rulebook: Rulebook | None = None,
    floor: CompensationFloor | None = None,
) -> Criterion:
    """
    The penalty against the agreed compensation.

    * The penalty (a fixed amount, or a multiple of total compensation or of the
      average monthly wage) against the total agreed compensation for the (capped)
      period: the MOHRSS guidelines (§14) say generally not above 5x -- guidance,
      not a rule a court must apply.
    * A penalty with no compensation agreed (LCL Art. 23(2) pairs the penalty with
      monthly compensation; the employee may claim the Art. 36 default).
    * What a court may weigh when asked to reduce it: listed as an information
      finding (the ratio to compensation, the gap between agreed and default
      compensation, compensation actually paid, which Interp. (II) Art. 15 lets the
      employer claim back on breach). The facts reference records no rule on how
      courts reduce penalties; this list is the library's, cited as policy.

    ``floor`` may be passed to avoid computing it twice; without wage data the
    amounts that need the average are reported as not computable.

    Rounding (half up to the fen) happens at these named points only: the agreed
    monthly instalment (:func:`~tradesecret.noncompete.agreed_monthly_compensation`),
    the total agreed compensation (instalment x months), and a penalty stated as a
    multiple (multiple x total, or multiple x exact average wage). The penalty's
    multiple of the total is shown to two decimals; the comparison with the guidance
    multiple is exact.
    """
    check_parties(agreement, employee)
    book = _book(rulebook)
    day = to_date(as_of, path="as_of")
    mk = _Maker(book, day)
    terms = agreement.penalty
    findings: list[Finding] = []
    params: list[ParameterValue] = []
    if terms.basis is PenaltyBasis.NONE:
        return mk.criterion(
            "noncompete.criterion.penalty",
            (LCL_23_2,),
            (),
            outcome=Outcome.NOT_APPLICABLE,
            facts={"basis": Term(f"noncompete.term.penalty.{terms.basis.value}")},
        )
    if floor is None:
        floor = _try_floor(agreement, employee, day, book)[0]  # coverage reported by the review
    average = floor.average_wage.value if floor is not None else None
    agreed = agreed_monthly_compensation(agreement, average) if average is not None else None
    if agreed is None and agreement.compensation.basis is CompensationBasis.MONTHLY_AMOUNT:
        agreed = agreement.compensation.monthly_amount
    if floor is not None:
        months = floor.period_months
    else:
        cap = book.param("noncompete.max_post_term_months", as_of=day)
        params.append(cap)
        months = min(agreement.duration_months, cap.as_int()) if agreement.post_termination else 0
    total = (agreed * months).round_fen() if agreed is not None else None
    penalty: Money | None = None
    if terms.basis is PenaltyBasis.FIXED_AMOUNT:
        penalty = terms.amount
    elif terms.basis is PenaltyBasis.MULTIPLE_OF_TOTAL_COMPENSATION and terms.multiple is not None:
        penalty = (total * terms.multiple).round_fen() if total is not None else None
    elif terms.basis is PenaltyBasis.MULTIPLE_OF_MONTHLY_WAGE and terms.multiple is not None:
        penalty = (average * terms.multiple).round_fen() if average is not None else None
    no_compensation = agreement.compensation.basis is CompensationBasis.NONE
    if no_compensation:
        findings.append(
            mk.finding(
                "noncompete.penalty.without_compensation",
                Severity.HIGH,
                (LCL_23_2, I1_36, G14),
                remedies=("noncompete.remedy.agree_compensation",),
            )
        )
    if penalty is None:
        findings.append(mk.finding("noncompete.penalty.not_computable", Severity.INFO, (G14,)))
    try:
        multiple_param: ParameterValue | None = book.param(
            "noncompete.guidance_max_penalty_multiple", as_of=day
        )
    except OutOfCoverageError:
        multiple_param = None
    if multiple_param is not None:
        params.append(multiple_param)
    ratio: Decimal | None = None
    if penalty is not None and total is not None and total.amount > 0:
        ratio = (penalty.amount / total.amount).quantize(Decimal("0.01"))
        if (
            multiple_param is not None
            and penalty.amount > total.amount * multiple_param.as_decimal()
        ):
            findings.append(
                mk.finding(
                    "noncompete.penalty.exceeds_guidance_multiple",
                    Severity.MEDIUM,
                    multiple_param.citations,
                    {
                        "penalty": penalty,
                        "total": total,
                        "multiple": ratio,
                        "max": multiple_param.as_decimal(),
                    },
                    remedies=("noncompete.remedy.lower_penalty",),
                )
            )
    gap: Money | None = None
    if floor is not None and floor.months:
        agreed_total = total if total is not None else Money.zero()
        gap = floor.default_total - agreed_total
        if gap.amount < 0:
            gap = Money.zero()
    if penalty is not None:
        findings.append(
            mk.finding(
                "noncompete.penalty.reduction_factors",
                Severity.INFO,
                (G14, POLICY),
                {
                    "penalty": penalty,
                    "total": total if total is not None else Money.zero(),
                    "gap": gap if gap is not None else Money.zero(),
                },
            )
        )
    facts: dict[str, Any] = {"basis": Term(f"noncompete.term.penalty.{terms.basis.value}")}
    if penalty is not None:
        facts["penalty"] = penalty
    if total is not None:
        facts["total"] = total
    if ratio is not None:
        facts["multiple"] = ratio
    return mk.criterion(
        "noncompete.criterion.penalty",
        (LCL_23_2, I2_15, G14),
        findings,
        facts=facts,
        parameters=params,
    )


# -- activation -----------------------------------------------------------------------------


def _activation(mk: _Maker, agreement: NonCompeteAgreement, employee: EmployeeFacts) -> Criterion:
    findings: list[Finding] = []
    ended = employee.termination_date is not None
    if ended and agreement.post_termination:
        manner = employee.termination_manner
        findings.append(
            mk.finding(
                "noncompete.activation.survives_termination",
                Severity.INFO,
                (I1_37,),
                {"manner": Term(f"noncompete.term.manner.{manner.value if manner else 'unknown'}")},
            )
        )
    if agreement.activation_reserved:
        decision = agreement.activation_decision
        if decision in (ActivationDecision.NOT_RECORDED, ActivationDecision.NOT_RESERVED):
            if ended:
                findings.append(
                    mk.finding(
                        "noncompete.activation.decision_not_recorded",
                        Severity.MEDIUM,
                        (I1_37,),
                        remedies=("noncompete.remedy.record_decision",),
                    )
                )
        else:
            args: dict[str, Any] = {
                "decision": Term(f"noncompete.term.activation.{decision.value}")
            }
            findings.append(
                mk.finding(
                    "noncompete.activation.decision_recorded",
                    Severity.INFO,
                    (I1_37,),
                    args,
                )
            )
    if employee.termination_agreement_mentions_noncompete is False:
        findings.append(
            mk.finding(
                "noncompete.activation.termination_agreement_silent",
                Severity.MEDIUM,
                (I1_37,),
                remedies=("noncompete.remedy.record_decision",),
            )
        )
    return mk.criterion("noncompete.criterion.activation", (I1_37,), findings)


# -- the review ------------------------------------------------------------------------------


def _try_floor(
    agreement: NonCompeteAgreement, employee: EmployeeFacts, day: pendulum.Date, book: Rulebook
) -> tuple[CompensationFloor | None, pendulum.Date | None, OutOfCoverageError | None]:
    """
    The floor (``None`` without wage data or when a parameter is out of coverage), the
    assumed termination date, if any, and the coverage error, if any.

    For an employee still employed the floor is computed as if they left at the end of
    the last month of their wage history, or on ``as_of`` if that is earlier.
    """
    if not employee.wages:
        return None, None, None
    assumed: pendulum.Date | None = None
    if employee.termination_date is None:
        latest = max(w.month for w in employee.wages).end_of("month")
        assumed = min(latest, day)
    try:
        floor = compensation_floor(
            agreement, employee, as_of=day, rulebook=book, termination=assumed
        )
    except OutOfCoverageError as exc:
        return None, assumed, exc
    return floor, assumed, None


def review_noncompete(
    agreement: NonCompeteAgreement,
    employee: EmployeeFacts,
    *,
    as_of: object,
    registry: SecretSource | None = None,
    rulebook: Rulebook | None = None,
) -> Assessment:
    """
    Review a non-compete: eligibility, scope, duration, compensation, clauses, penalty,
    activation (see the module docstring for the criteria and their basis).

    Args:
        agreement: The agreement as written.
        employee: The employee. With ``wages``, the compensation is compared with both
            floors (for an employee still employed, as if they left at the end of the
            last month of the wage history, or on ``as_of`` if earlier).
        as_of: The date of the review (from 2021-01-01, when Interp. (I) took effect).
        registry: A secret registry (``tradesecret.definition.SecretRegistry``); the
            secrets it says the employee had access to or accessed are added to
            ``employee.secrets_known``.
        rulebook: Parameters and citations.

    Raises:
        InvalidInputError: bad input (the agreement binds another person, incomplete
            wage months, unknown region...).
        OutOfCoverageError: ``as_of`` before 2021-01-01.
    """
    check_parties(agreement, employee)
    book = _book(rulebook)
    day = to_date(as_of, path="as_of")
    covered_since = book.instrument(INTERP_1).effective
    if day < covered_since:
        raise OutOfCoverageError("noncompete.review", day, covered_since, None)
    book.check_region(employee.place_of_performance, path="place_of_performance")
    mk = _Maker(book, day)
    secrets = known_secrets(employee, as_of=day, registry=registry)
    cap = book.param("noncompete.max_post_term_months", as_of=day)
    release = book.param("noncompete.release_unpaid_months", as_of=day)
    floor, assumed, coverage = _try_floor(agreement, employee, day, book)
    eligibility, _ = _eligibility(mk, agreement, employee, secrets)
    criteria = (
        eligibility,
        _scope(mk, agreement, secrets),
        _duration(mk, agreement, employee, cap),
        _compensation(
            mk, agreement, floor, assumed_termination=assumed, coverage=coverage, day=day
        ),
        _clauses(mk, agreement, release),
        review_penalty(agreement, employee, as_of=day, rulebook=book, floor=floor),
        _activation(mk, agreement, employee),
    )
    findings: list[Finding] = []
    interp2 = book.instrument("spc-labor-2@2025-07-31")
    if day < interp2.effective:
        findings.append(
            mk.finding(
                "noncompete.review.interp2_not_in_force",
                Severity.INFO,
                (I2_13_1,),
                {"effective": interp2.effective},
            )
        )
    return Assessment(
        kind="noncompete",
        subject=agreement.id,
        as_of=day,
        outcome=Outcome.combine(c.outcome for c in criteria),
        citations=book.cite_all(LCL_23_2, LCL_24_1, LCL_24_2, I1_36, I2_13_1),
        criteria=criteria,
        findings=tuple(findings),
        parameters=(cap, release),
    )


# -- competitive relationship -------------------------------------------------------------------


def assess_competition(
    former: BusinessProfile,
    new: BusinessProfile,
    *,
    as_of: object,
    rulebook: Rulebook | None = None,
) -> Criterion:
    """
    Does the new employer (or the employee's own business) compete with the former one?

    Guiding Case 190: not decided by overlapping registered business scope alone; the
    actual business, the service objects or product audience, and the markets are
    compared. Items are compared as written (trimmed, case-insensitive).

    * No actual business given for either side: *insufficient evidence*.
    * No overlap in actual business lines or products: *not met* (even where the
      registered scopes overlap).
    * Overlapping business, but customers and markets both given and both disjoint:
      *contested* (the employee may show the audiences and markets differ).
    * Otherwise: *met*.

    Legal basis:
        gc-190@2022-12-08; lcl@2012-12-28:24.2
    """
    book = _book(rulebook)
    day = to_date(as_of, path="as_of")
    mk = _Maker(book, day)
    findings: list[Finding] = []
    cites = (GC_190, LCL_24_2)
    registered = _norm(former.registered_scope) & _norm(new.registered_scope)
    former_business = _norm(former.business_lines) | _norm(former.products)
    new_business = _norm(new.business_lines) | _norm(new.products)
    if not former_business or not new_business:
        findings.append(
            mk.finding(
                "noncompete.competition.insufficient_facts",
                Severity.INFO,
                cites,
                {"company": new.name},
                remedies=("noncompete.remedy.describe_business",),
            )
        )
        return mk.criterion(
            "noncompete.criterion.competition",
            cites,
            findings,
            outcome=Outcome.INSUFFICIENT_EVIDENCE,
            facts={"company": new.name},
        )
    business = former_business & new_business
    customers = _norm(former.customers) & _norm(new.customers)
    markets = _norm(former.markets) & _norm(new.markets)
    known_audience = bool(former.customers and new.customers and former.markets and new.markets)
    if not business:
        code = (
            "noncompete.competition.registered_scope_only"
            if registered
            else "noncompete.competition.no_actual_overlap"
        )
        findings.append(
            mk.finding(
                code,
                Severity.INFO,
                cites,
                {"company": new.name, "scope": _show(registered, former.registered_scope)},
            )
        )
        outcome = Outcome.NOT_MET
    elif known_audience and not customers and not markets:
        findings.append(
            mk.finding(
                "noncompete.competition.different_audience",
                Severity.MEDIUM,
                cites,
                {
                    "company": new.name,
                    "business": _show(business, former.business_lines, former.products),
                },
            )
        )
        outcome = Outcome.CONTESTED
    else:
        findings.append(
            mk.finding(
                "noncompete.competition.actual_overlap",
                Severity.HIGH,
                cites,
                {
                    "company": new.name,
                    "business": _show(business, former.business_lines, former.products),
                    "customers": _show(customers, former.customers) or "—",
                    "markets": _show(markets, former.markets) or "—",
                },
            )
        )
        outcome = Outcome.MET
    return mk.criterion(
        "noncompete.criterion.competition",
        cites,
        findings,
        outcome=outcome,
        facts={"company": new.name},
    )
