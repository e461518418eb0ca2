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
"""

from __future__ import annotations

from typing import Final

import attrs
import pendulum

from tradesecret.dates import month_periods
from tradesecret.engine import LegalClock
from tradesecret.exceptions import OutOfCoverageError
from tradesecret.facts import UNKNOWN, Fact
from tradesecret.law import Citation
from tradesecret.money import Money, Ratio
from tradesecret.noncompete._common import (
    G13,
    G16,
    I1_36,
    I2_14,
    I4_6,
    LCL_23_2,
    POLICY,
)
from tradesecret.noncompete.floor import (
    CompensationFloor,
    MinimumWageDay,
    agreed_compensation,
    compensation_floor,
    highest_minimum_wage,
    minimum_wage_for,
)
from tradesecret.noncompete.model import (
    CompensationBasis,
    EmployeeFacts,
    NonCompeteAgreement,
    PaymentTiming,
)
from tradesecret.noncompete.wages import average_monthly_wage, has_wage
from tradesecret.results import Criterion, Finding, Outcome, Severity, Term, Undetermined
from tradesecret.rulebook import ParameterValue, Rulebook

__all__ = ["CompensationView", "compensation_view"]

_CRITERION: Final = "noncompete.criterion.compensation"
_BELOW_DEFAULT: Final = "noncompete.compensation.below_default"
_BELOW_MIN: Final = "noncompete.compensation.below_minimum_wage"
_BELOW_LONG: Final = "noncompete.compensation.below_guidance_long_period"


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


@attrs.frozen(kw_only=True)
class _Ctx:
    """What the comparisons need (an internal bundle)."""

    agreement: NonCompeteAgreement
    employee: EmployeeFacts
    day: pendulum.Date
    end: pendulum.Date
    assumed: bool
    book: Rulebook
    clock: LegalClock
    region: str
    months: int


def _end(employee: EmployeeFacts, day: pendulum.Date) -> tuple[pendulum.Date, bool]:
    """The termination date, or the one assumed for an employee still employed."""
    if employee.termination_date is not None:
        return employee.termination_date, False
    if employee.wages:
        latest = max(w.month for w in employee.wages).end_of("month")
        return min(latest, day), True
    return day, True


def _cites(ctx: _Ctx, *texts: str) -> tuple[Citation, ...]:
    """The citations in force, or the library's policy where none is."""
    return ctx.clock.those_in_force(texts) or ctx.book.cite_all(POLICY)


def _finding(
    _ctx: _Ctx, code: str, severity: Severity, cites: tuple[Citation, ...], **args: object
) -> Finding:
    remedies = (
        ("noncompete.remedy.raise_compensation",) if severity.at_least(Severity.MEDIUM) else ()
    )
    return Finding(code=code, severity=severity, citations=cites, args=args, remedies=remedies)


def _default_ratio(ctx: _Ctx) -> ParameterValue | None:
    """The 30 % default in force at termination; ``None`` before any rule set one."""
    try:
        return ctx.book.param("noncompete.default_ratio", as_of=ctx.end)
    except OutOfCoverageError:
        return None


def _average(ctx: _Ctx) -> tuple[Fact[Money], list[Finding]]:
    if not has_wage(ctx.employee):
        return UNKNOWN, []
    try:
        d = average_monthly_wage(
            ctx.employee, as_of=ctx.day, rulebook=ctx.book, termination=ctx.end
        )
    except OutOfCoverageError:
        return UNKNOWN, []
    return d.value, list(d.findings)


def _minimum_wages(ctx: _Ctx) -> tuple[list[Fact[ParameterValue]], OutOfCoverageError | None]:
    out: list[Fact[ParameterValue]] = []
    error: OutOfCoverageError | None = None
    for period in month_periods(ctx.end, ctx.months):
        try:
            out.append(
                minimum_wage_for(
                    ctx.book, ctx.region, period.first_day, period.last_day, MinimumWageDay.LAST_DAY
                )
            )
        except OutOfCoverageError as exc:
            error = error or exc
            out.append(UNKNOWN)
    return out, error


def _agreed_path(agreement: NonCompeteAgreement) -> str:
    terms = agreement.compensation
    if terms is UNKNOWN:
        return "agreement.compensation"
    if terms.basis is UNKNOWN:
        return "agreement.compensation.basis"
    if terms.basis is CompensationBasis.MONTHLY_AMOUNT:
        return "agreement.compensation.monthly_amount"
    return "agreement.compensation.ratio" if terms.ratio is UNKNOWN else "employee.wages"


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
    end, assumed = _end(employee, day)
    months = min(agreement.duration_months, cap.as_int()) if agreement.post_termination else 0
    ctx = _Ctx(
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
    average, wage_findings = _average(ctx)
    agreed = agreed_compensation(agreement, average)
    ratio = _default_ratio(ctx)
    if not agreement.post_termination:
        return _view(ctx, Outcome.NOT_APPLICABLE, [], [], None, average, agreed, (I2_14,))
    floor = _floor(ctx, ratio, average)
    findings: list[Finding] = []
    if floor is not None and assumed:
        findings.append(
            _finding(
                ctx,
                "noncompete.compensation.assumed_termination",
                Severity.INFO,
                _cites(ctx, I1_36, I4_6),
                termination=end,
            )
        )
    if ratio is None:
        return _before_default(ctx, findings + _payment_findings(ctx), average, agreed)
    return _with_default(ctx, findings + wage_findings, ratio, floor, average, agreed)


def _floor(
    ctx: _Ctx, ratio: ParameterValue | None, average: Fact[Money]
) -> CompensationFloor | None:
    if ratio is None or average is UNKNOWN:
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


def _payment_findings(ctx: _Ctx) -> list[Finding]:
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
                citations=_cites(ctx, G16),
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
                citations=_cites(ctx, LCL_23_2),
                args={"timing": Term(f"noncompete.term.timing.{terms.timing.value}")},
                remedies=("noncompete.remedy.pay_after_termination",),
            )
        )
    return out


def _before_default(
    ctx: _Ctx, findings: list[Finding], average: Fact[Money], agreed: Fact[Money | None]
) -> CompensationView:
    """Before 2013-02-01: no rule set a default or a floor; say so."""
    terms = ctx.agreement.compensation
    none_agreed = terms is not UNKNOWN and terms.basis is CompensationBasis.NONE
    unknown = terms is UNKNOWN or terms.basis is UNKNOWN
    findings.append(
        _finding(
            ctx,
            "noncompete.compensation.no_default_rule",
            Severity.MEDIUM if none_agreed else Severity.INFO,
            _cites(ctx, LCL_23_2),
            effective=ctx.book.instrument("spc-labor-4@2013-01-18").effective,
        )
    )
    opened: list[Undetermined] = []
    if unknown:
        opened.append(
            _open(
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


def _open(  # noqa: PLR0917 - internal, called in order
    ctx: _Ctx,
    rule: str,
    facts: tuple[str, ...],
    if_holds: Outcome,
    otherwise: Outcome,
    basis: tuple[str, ...],
    severity: Severity = Severity.MEDIUM,
) -> Undetermined:
    return Undetermined(
        rule=rule,
        facts=facts,
        if_holds=if_holds,
        otherwise=otherwise,
        severity=severity,
        citations=_cites(ctx, *basis),
        criterion=_CRITERION,
    )


def _view(  # noqa: PLR0917 - internal, called in order
    ctx: _Ctx,
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
        code=_CRITERION,
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
    ctx: _Ctx,
    findings: list[Finding],
    ratio: ParameterValue,
    floor: CompensationFloor | None,
    average: Fact[Money],
    agreed: Fact[Money | None],
) -> CompensationView:
    default_cites = _cites(ctx, I1_36, I4_6)
    terms = ctx.agreement.compensation
    if terms is not UNKNOWN and terms.basis is CompensationBasis.NONE:
        findings.append(
            Finding(
                code="noncompete.compensation.none_agreed",
                severity=Severity.MEDIUM,
                citations=(*default_cites, *_cites(ctx, LCL_23_2)),
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
    checks = _Comparisons(ctx, ratio, floor, average, agreed)
    fired, opened = checks.run()
    findings += fired
    findings += _payment_findings(ctx)
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
        _BELOW_DEFAULT,
        _BELOW_MIN,
        _BELOW_LONG,
        "noncompete.compensation.in_service_payment_not_counted",
    }
    if any(f.code in failing for f in findings):
        return Outcome.NOT_MET
    if opened:
        return Outcome.INSUFFICIENT_EVIDENCE
    return Outcome.MET


class _Comparisons:
    """The three comparisons of an agreed amount with the floors, each a Tri."""

    def __init__(
        self,
        ctx: _Ctx,
        ratio: ParameterValue,
        floor: CompensationFloor | None,
        average: Fact[Money],
        agreed: Fact[Money | None],
    ) -> None:
        self.ctx = ctx
        self.ratio = ratio.as_ratio()
        self.average = average
        self.agreed = agreed
        self.parameters: list[ParameterValue] = []
        if floor is not None:
            self.wages: list[Fact[ParameterValue]] = [
                m.minimum_wage_parameter for m in floor.months
            ]
            self.coverage: OutOfCoverageError | None = None
        else:
            self.wages, self.coverage = _minimum_wages(ctx)
            self.parameters += [w for w in self.wages if w is not UNKNOWN]
        self.highest = highest_minimum_wage(ctx.book)
        self.guidance = _guidance_ratio(ctx)
        self.findings: list[Finding] = []
        self.opened: list[Undetermined] = []
        self.cites = _cites(ctx, G13)

    def run(self) -> tuple[list[Finding], list[Undetermined]]:
        if self.coverage is not None:
            self.findings.append(
                _finding(
                    self.ctx,
                    "noncompete.compensation.out_of_coverage",
                    Severity.INFO,
                    _cites(self.ctx, I1_36, I4_6),
                    name=self.coverage.name,
                    on=str(self.coverage.as_of),
                    since=str(self.coverage.covered_since),
                )
            )
        self._below_default()
        self._below_minimum()
        if self.guidance is not None:
            self._below_long(*self.guidance)
        return self.findings, self.opened

    def _bound_used(self) -> None:
        if self.highest is not None and self.highest not in self.parameters:
            self.parameters.append(self.highest)

    def _wage_path(self) -> str:
        return f"minimum_wage.monthly[{self.ctx.region}]"

    def _unknown_inputs(self) -> tuple[str, ...]:
        paths = []
        if self.agreed is UNKNOWN:
            paths.append(_agreed_path(self.ctx.agreement))
        if self.average is UNKNOWN:
            paths.append("employee.wages")
        return tuple(dict.fromkeys(paths))

    def _below_default(self) -> None:
        agreed, average = self.agreed, self.average
        if agreed is UNKNOWN or average is UNKNOWN or agreed is None:
            self.opened.append(
                _open(
                    self.ctx,
                    _BELOW_DEFAULT,
                    self._unknown_inputs() or ("employee.wages",),
                    Outcome.NOT_MET,
                    Outcome.MET,
                    (G13,),
                )
            )
            return
        raw = average * self.ratio
        default = raw.round_fen()
        first = self.wages[0] if self.wages else UNKNOWN
        governed = first is not UNKNOWN and raw < first.as_money()
        if agreed < default and not governed:
            self.findings.append(
                _finding(
                    self.ctx,
                    _BELOW_DEFAULT,
                    Severity.MEDIUM,
                    self.cites,
                    agreed=agreed,
                    default=default,
                    ratio=self.ratio,
                )
            )

    def _below_minimum(self) -> None:
        agreed = self.agreed
        if agreed is UNKNOWN or agreed is None:
            self.opened.append(
                _open(
                    self.ctx,
                    _BELOW_MIN,
                    self._unknown_inputs() or ("employee.wages",),
                    Outcome.NOT_MET,
                    Outcome.MET,
                    (G13,),
                    Severity.HIGH,
                )
            )
            return
        known = [(i, w) for i, w in enumerate(self.wages) if w is not UNKNOWN]
        low = [(i, w) for i, w in known if agreed < w.as_money()]
        if low:
            periods = month_periods(self.ctx.end, self.ctx.months)
            i, w = low[0]
            self.findings.append(
                _finding(
                    self.ctx,
                    _BELOW_MIN,
                    Severity.HIGH,
                    self.cites,
                    agreed=agreed,
                    minimum_wage=w.as_money(),
                    first=periods[i].first_day,
                    count=len(low),
                )
            )
            return
        if len(known) == len(self.wages):
            return
        self._bound_used()
        if self.highest is not None and agreed >= self.highest.as_money():
            return  # at or above every minimum wage held for any place: decided
        self.opened.append(
            _open(
                self.ctx,
                _BELOW_MIN,
                (self._wage_path(),),
                Outcome.NOT_MET,
                Outcome.MET,
                (G13,),
                Severity.HIGH,
            )
        )

    def _below_long(
        self, g_ratio: Ratio, threshold: int, params: tuple[ParameterValue, ...]
    ) -> None:
        if self.ctx.months <= threshold:
            return
        self.parameters += params
        agreed, average = self.agreed, self.average
        if agreed is UNKNOWN or average is UNKNOWN or agreed is None:
            self.opened.append(
                _open(
                    self.ctx,
                    _BELOW_LONG,
                    self._unknown_inputs() or ("employee.wages",),
                    Outcome.NOT_MET,
                    Outcome.MET,
                    (G13,),
                )
            )
            return
        first = self.wages[0] if self.wages else UNKNOWN
        raw = average * g_ratio
        guidance = raw if first is UNKNOWN or raw >= first.as_money() else first.as_money()
        guidance = guidance.round_fen()
        if agreed < guidance:
            self.findings.append(
                _finding(
                    self.ctx,
                    _BELOW_LONG,
                    Severity.MEDIUM,
                    _cites(self.ctx, G13),
                    agreed=agreed,
                    guidance=guidance,
                    ratio=g_ratio,
                    months=self.ctx.months,
                    threshold=threshold,
                )
            )
        elif first is UNKNOWN and not (
            self.highest is not None and agreed >= self.highest.as_money()
        ):
            self._bound_used()
            self.opened.append(
                _open(
                    self.ctx,
                    _BELOW_LONG,
                    (self._wage_path(),),
                    Outcome.NOT_MET,
                    Outcome.MET,
                    (G13,),
                )
            )


def _guidance_ratio(ctx: _Ctx) -> tuple[Ratio, int, tuple[ParameterValue, ...]] | None:
    """The long-period guidance ratio and threshold in force on the review date, if any."""
    try:
        threshold = ctx.book.param(
            "noncompete.guidance_long_period_threshold_months", as_of=ctx.day
        )
        long_ratio = ctx.book.param("noncompete.guidance_long_period_ratio", as_of=ctx.day)
    except OutOfCoverageError:
        return None
    return long_ratio.as_ratio(), threshold.as_int(), (threshold, long_ratio)
