"""
The compensation criterion: arithmetic, three-valued (LCL Art. 23(2); Interp. (IV)
Art. 6 from 2013-02-01; Interp. (I) Art. 36 from 2021-01-01; MOHRSS §§13, 16 from
2025-09-12).

The floors are arithmetic, so this stays imperative code, but every input may be
unknown: the agreed amount, the average wage, the minimum wage of a month. Each
comparison is a :class:`~tradesecret.facts.Tri` decided by **interval reasoning**
where it can be:

* an agreed amount below 30 % of a known average is below the reference floor
  whatever the minimum wage is;
* an agreed amount at or above both 30 % of the average and the highest minimum wage
  the rulebook holds for any place (minimum wages are raised, not lowered) is above
  every floor without the local minimum wage;
* otherwise the comparison is undetermined and names the missing fact.

**None agreed.** A non-compete agreed without compensation is not void for that: from
2013-02-01 the employee who performs it may claim the default (Interp. (IV) Art. 6,
then Interp. (I) Art. 36). The criterion is then *met* -- the compensation owed is the
default -- with a medium ``none_agreed`` finding (LCL Art. 23(2) asks for agreed
monthly compensation) and the default amounts. Before 2013-02-01 no rule filled the
gap: the criterion is *contested* and a finding says there was no such rule.

**Which day's law.** The default and its wage base are those in force at termination
(the day the floor is computed for, as :func:`~tradesecret.noncompete.compensation_floor`
does); the guidance and the rule tables use the review date.
"""

from __future__ import annotations

import attrs
import pendulum

from tradesecret.engine import LegalClock
from tradesecret.exceptions import OutOfCoverageError
from tradesecret.facts import UNKNOWN, Fact
from tradesecret.money import Money
from tradesecret.noncompete._common import (
    G16,
    I1_36,
    I2_14,
    I4_6,
    LCL_23_2,
)
from tradesecret.noncompete._compensation_ctx import (
    BELOW_DEFAULT,
    BELOW_LONG,
    BELOW_MIN,
    CRITERION,
    Ctx,
    cites,
    end_of,
    finding,
    open_rule,
)
from tradesecret.noncompete.compensation_compare import Comparisons
from tradesecret.noncompete.floor import CompensationFloor, agreed_compensation, compensation_floor
from tradesecret.noncompete.model import (
    CompensationBasis,
    EmployeeFacts,
    NonCompeteAgreement,
    PaymentTiming,
)
from tradesecret.noncompete.wages import average_monthly_wage, has_wage
from tradesecret.results import (
    Criterion,
    Determination,
    Finding,
    Outcome,
    Severity,
    Term,
    Undetermined,
)
from tradesecret.rulebook import NoRule, ParameterValue, Rulebook

__all__ = ["CompensationView", "compensation_view"]


@attrs.frozen(kw_only=True)
class CompensationView:
    """
    The compensation criterion with the figures the penalty review reuses.

    Attributes:
        criterion: The compensation criterion.
        floor: Both floors month by month, where every input is known.
        average: The average monthly wage (``UNKNOWN``: not stated or no rule then).
        agreed: The agreed monthly amount (``None``: none agreed; ``UNKNOWN``: not stated).
        months: The months of the (capped) post-termination period.
        parameters: Parameters used.
    """

    criterion: Criterion
    floor: CompensationFloor | None
    average: Fact[Money]
    agreed: Fact[Money | None]
    months: int
    parameters: tuple[ParameterValue, ...] = ()


def _default_ratio(ctx: Ctx) -> ParameterValue | NoRule:
    """
    The 30 % default in force at termination (the date the floor is computed for), or
    the data's statement that no rule set one then (before 2013-02-01), citing the law
    as it then stood.
    """
    return ctx.book.lookup("noncompete.default_ratio", as_of=ctx.end)


def _average(ctx: Ctx) -> tuple[Fact[Determination[Money]], list[Finding]]:
    if not has_wage(ctx.employee):
        return UNKNOWN, []
    try:
        d = average_monthly_wage(
            ctx.employee, as_of=ctx.day, rulebook=ctx.book, termination=ctx.end
        )
    except OutOfCoverageError:
        return UNKNOWN, []
    return d, list(d.findings)


def compensation_view(
    agreement: NonCompeteAgreement,
    employee: EmployeeFacts,
    *,
    day: pendulum.Date,
    book: Rulebook,
    clock: LegalClock,
    cap: ParameterValue,
) -> CompensationView:
    """The compensation criterion (see the module docstring)."""
    end, assumed = end_of(employee, day)
    months = min(agreement.duration_months, cap.as_int()) if agreement.post_termination else 0
    ctx = Ctx(
        agreement=agreement,
        employee=employee,
        day=day,
        end=end,
        assumed=assumed,
        book=book,
        clock=clock,
        region=book.check_region(employee.place_of_performance, path="place_of_performance"),
        months=months,
    )
    exact, wage_findings = _average(ctx)
    average = UNKNOWN if exact is UNKNOWN else exact.value
    agreed = agreed_compensation(agreement, exact)
    ratio = _default_ratio(ctx)
    if not agreement.post_termination:
        return _view(ctx, Outcome.NOT_APPLICABLE, [], [], None, average, agreed, (I2_14,))
    floor = _floor(ctx, ratio, average)
    findings: list[Finding] = []
    if floor is not None and assumed:
        findings.append(
            finding(
                ctx,
                "noncompete.compensation.assumed_termination",
                Severity.INFO,
                cites(ctx, I1_36, I4_6),
                termination=end,
            )
        )
    if isinstance(ratio, NoRule):
        return _before_default(ctx, findings + _payment_findings(ctx), ratio, average, agreed)
    return _with_default(ctx, findings + wage_findings, ratio, floor, average, agreed, exact)


def _floor(
    ctx: Ctx, ratio: ParameterValue | NoRule, average: Fact[Money]
) -> CompensationFloor | None:
    if isinstance(ratio, NoRule) or average is UNKNOWN:
        return None
    try:
        return compensation_floor(
            ctx.agreement,
            ctx.employee,
            as_of=ctx.day,
            rulebook=ctx.book,
            termination=ctx.end if ctx.assumed else None,
        )
    except OutOfCoverageError:
        return None


def _payment_findings(ctx: Ctx) -> list[Finding]:
    terms = ctx.agreement.compensation
    if terms is UNKNOWN:
        return []
    out: list[Finding] = []
    in_service = (
        terms.in_service_amount is not None or terms.timing is PaymentTiming.DURING_EMPLOYMENT
    )
    if in_service and ctx.clock.cite(G16) is not None:
        out.append(
            Finding(
                code="noncompete.compensation.in_service_payment_not_counted",
                severity=Severity.MEDIUM,
                citations=cites(ctx, G16),
                args={"amount": terms.in_service_amount or Money.zero()},
                remedies=("noncompete.remedy.pay_after_termination",),
            )
        )
    elif terms.basis not in (CompensationBasis.NONE, UNKNOWN) and terms.timing in (
        PaymentTiming.LUMP_SUM_AT_TERMINATION,
        PaymentTiming.OTHER,
    ):
        out.append(
            Finding(
                code="noncompete.compensation.not_monthly",
                severity=Severity.LOW,
                citations=cites(ctx, LCL_23_2),
                args={"timing": Term(f"noncompete.term.timing.{terms.timing.value}")},
                remedies=("noncompete.remedy.pay_after_termination",),
            )
        )
    return out


def _timing_open(ctx: Ctx) -> list[Undetermined]:
    """
    The MOHRSS guidelines §16 row, open where the clause does not say when it pays.

    A payment during employment is not post-termination compensation (§16, from
    2025-09-12); a clause that agrees compensation (or does not say whether it does)
    without saying when it is paid may be one, so the row is undetermined and names the
    timing. Decided where it cannot fire: the guideline not yet in force, none agreed,
    an in-service amount stated (the row fires), or the timing stated.
    """
    terms = ctx.agreement.compensation
    if (
        terms is UNKNOWN
        or terms.timing is not UNKNOWN
        or terms.in_service_amount is not None
        or terms.basis is CompensationBasis.NONE
        or ctx.clock.cite(G16) is None
    ):
        return []
    return [
        open_rule(
            ctx,
            "noncompete.compensation.in_service_payment_not_counted",
            ("agreement.compensation.timing",),
            Outcome.NOT_MET,
            Outcome.MET,
            (G16,),
        )
    ]


def _before_default(
    ctx: Ctx,
    findings: list[Finding],
    no_rule: NoRule,
    average: Fact[Money],
    agreed: Fact[Money | None],
) -> CompensationView:
    """Before 2013-02-01: no rule set a default or a floor; say so, citing the law then."""
    terms = ctx.agreement.compensation
    none_agreed = terms is not UNKNOWN and terms.basis is CompensationBasis.NONE
    unknown = terms is UNKNOWN or terms.basis is UNKNOWN
    findings.append(
        finding(
            ctx,
            "noncompete.compensation.no_default_rule",
            Severity.MEDIUM if none_agreed else Severity.INFO,
            no_rule.citations,
            effective=no_rule.until or ctx.end,
        )
    )
    opened: list[Undetermined] = []
    if unknown:
        opened.append(
            open_rule(
                ctx,
                "noncompete.compensation.none_agreed",
                ("agreement.compensation",),
                Outcome.CONTESTED,
                Outcome.MET,
                (LCL_23_2,),
            )
        )
    outcome = (
        Outcome.CONTESTED
        if none_agreed
        else (Outcome.INSUFFICIENT_EVIDENCE if unknown else Outcome.MET)
    )
    if any(
        f.severity.at_least(Severity.MEDIUM) and f.code != "noncompete.compensation.no_default_rule"
        for f in findings
    ):
        outcome = Outcome.NOT_MET
    return _view(ctx, outcome, findings, opened, None, average, agreed, (LCL_23_2,))


def _view(  # noqa: PLR0917 - internal, called in order
    ctx: Ctx,
    outcome: Outcome,
    findings: list[Finding],
    opened: list[Undetermined],
    floor: CompensationFloor | None,
    average: Fact[Money],
    agreed: Fact[Money | None],
    basis: tuple[str, ...],
    parameters: tuple[ParameterValue, ...] = (),
) -> CompensationView:
    terms = ctx.agreement.compensation
    basis_term = (
        Term("noncompete.term.not_stated")
        if terms is UNKNOWN or terms.basis is UNKNOWN
        else Term(f"noncompete.term.basis.{terms.basis.value}")
    )
    params = floor.parameters if floor is not None else parameters
    criterion = Criterion(
        code=CRITERION,
        outcome=outcome,
        citations=ctx.clock.those_in_force(basis) or ctx.book.cite_all(*basis),
        findings=tuple(findings),
        facts={"basis": basis_term},
        parameters=params,
        open=tuple(opened),
    )
    return CompensationView(
        criterion=criterion,
        floor=floor,
        average=average,
        agreed=agreed,
        months=ctx.months,
        parameters=params,
    )


def _with_default(  # noqa: PLR0917 - internal, called in order
    ctx: Ctx,
    findings: list[Finding],
    ratio: ParameterValue,
    floor: CompensationFloor | None,
    average: Fact[Money],
    agreed: Fact[Money | None],
    exact: Fact[Determination[Money]] = UNKNOWN,
) -> CompensationView:
    default_cites = cites(ctx, I1_36, I4_6)
    terms = ctx.agreement.compensation
    if terms is not UNKNOWN and terms.basis is CompensationBasis.NONE:
        findings.append(
            Finding(
                code="noncompete.compensation.none_agreed",
                severity=Severity.MEDIUM,
                citations=(*default_cites, *cites(ctx, LCL_23_2)),
                args={"ratio": ratio.as_ratio()},
                remedies=("noncompete.remedy.agree_compensation",),
            )
        )
        if floor is not None and floor.months:
            findings.append(
                Finding(
                    code="noncompete.compensation.default_applies",
                    severity=Severity.INFO,
                    citations=floor.default_citations,
                    args={
                        "amount": floor.months[0].default_amount,
                        "months": floor.period_months,
                        "total": floor.default_total,
                    },
                )
            )
        findings += _payment_findings(ctx)
        outcome = _outcome_of([], [], findings)
        return _view(
            ctx, outcome, findings, [], floor, average, agreed, (I1_36, I4_6, LCL_23_2), (ratio,)
        )
    checks = Comparisons(ctx, ratio, floor, average, agreed, exact=exact)
    fired, opened = checks.run()
    findings += fired
    findings += _payment_findings(ctx)
    opened += _timing_open(ctx)
    outcome = _outcome_of(fired, opened, findings)
    opened = [
        attrs.evolve(
            u,
            otherwise=Outcome.NOT_MET
            if outcome is Outcome.NOT_MET
            else (Outcome.INSUFFICIENT_EVIDENCE if len(opened) > 1 else Outcome.MET),
            if_holds=Outcome.NOT_MET,
        )
        for u in opened
    ]
    return _view(
        ctx,
        outcome,
        findings,
        opened,
        floor,
        average,
        agreed,
        (I1_36, I4_6, LCL_23_2),
        (ratio, *checks.parameters),
    )


def _outcome_of(
    _fired: list[Finding], opened: list[Undetermined], findings: list[Finding]
) -> Outcome:
    failing = {
        BELOW_DEFAULT,
        BELOW_MIN,
        BELOW_LONG,
        "noncompete.compensation.in_service_payment_not_counted",
    }
    if any(f.code in failing for f in findings):
        return Outcome.NOT_MET
    if opened:
        return Outcome.INSUFFICIENT_EVIDENCE
    return Outcome.MET
