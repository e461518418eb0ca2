"""
Compensation: the average-wage base, the two floors month by month, employer release.

Two tiers, kept apart on purpose:

* **Judicial default** (binding; Interp. (I) Art. 36): where a non-compete was agreed
  without compensation and the employee performed it, the employee may claim each
  month 30 % of the average monthly wage of the 12 months before termination; where
  that is below the minimum wage of the place where the contract was performed, the
  minimum wage.
* **MOHRSS guidance floor** (persuasive; guidelines 2025 §13): not below 30 % and not
  below the local minimum wage; where the period exceeds one year, generally not
  below 50 %. Looked up on ``as_of``: before the guidelines were made public
  (2025-09-12) there is no guidance tier, and the result says so.

The minimum wage is resolved for **each month** of the period (on the month's last
day by default, so the month in which a rise takes effect already carries it;
:attr:`MinimumWageDay.FIRST_DAY` gives the other reading).

Rounding: half up to the fen (:meth:`~tradesecret.money.Money.round_fen`) at one named
point, the **monthly instalment** (each month's default and guidance amount, and the
agreed amount of :func:`agreed_monthly_compensation`). The average wage and the raw
ratio products are exact; totals are sums of rounded instalments; the extra
compensation of :func:`employer_release` is months x a rounded instalment.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Final

import attrs
import pendulum

from tradesecret._convert import tuple_of
from tradesecret.dates import month_periods, to_date
from tradesecret.exceptions import InvalidInputError, OutOfCoverageError, Problem
from tradesecret.law import Citation, Tier
from tradesecret.money import Money, Ratio
from tradesecret.noncompete.model import (
    CompensationBasis,
    EmployeeFacts,
    NonCompeteAgreement,
    check_parties,
)
from tradesecret.results import Determination, Finding, Severity, TraceStep, strongest_tier
from tradesecret.rulebook import ParameterValue, Rulebook, default_rulebook

if TYPE_CHECKING:
    from tradesecret.i18n import Format, Localizer

__all__ = [
    "CompensationFloor",
    "MinimumWageDay",
    "MonthlyFloor",
    "agreed_monthly_compensation",
    "average_monthly_wage",
    "compensation_floor",
    "employer_release",
]

_AVG_MONTHS: Final = "noncompete.average_wage_months"
_DEFAULT_RATIO: Final = "noncompete.default_ratio"
_G_MIN: Final = "noncompete.guidance_min_ratio"
_G_LONG: Final = "noncompete.guidance_long_period_ratio"
_G_THRESHOLD: Final = "noncompete.guidance_long_period_threshold_months"
_CAP: Final = "noncompete.max_post_term_months"
_MIN_WAGE: Final = "minimum_wage.monthly"
_EXTRA: Final = "noncompete.employer_release_extra_months"
_G_EXTRA: Final = "noncompete.guidance_employer_release_min_months"


class MinimumWageDay(enum.Enum):
    """Which day of each month of the period fixes that month's minimum wage."""

    #: The month's last day: a rise during the month applies to that month (default).
    LAST_DAY = "last_day"
    #: The month's first day: a rise applies from the next month.
    FIRST_DAY = "first_day"


def _book(rulebook: Rulebook | None) -> Rulebook:
    return rulebook if rulebook is not None else default_rulebook()


def _termination(employee: EmployeeFacts, termination: object | None) -> pendulum.Date:
    if termination is not None:
        assumed = to_date(termination, path="termination")
        if assumed < employee.employment_start:
            raise InvalidInputError.single(
                "termination", str(assumed), "before the employment start"
            )
        return assumed
    if employee.termination_date is None:
        raise InvalidInputError.single(
            "termination_date", None, "required: the average is taken before termination"
        )
    return employee.termination_date


def _month_start(day: pendulum.Date) -> pendulum.Date:
    return pendulum.Date(day.year, day.month, 1)


def _ym(day: pendulum.Date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def wage_months(
    employee: EmployeeFacts,
    *,
    termination: pendulum.Date,
    months: int,
    include_termination_month: bool = False,
) -> tuple[pendulum.Date, ...]:
    """
    The months (first days) whose wages form the average, oldest first.

    A calendar month counts when it ended on or before the termination date (so a
    termination on 31 August counts August; one on 1 September does not count
    September) unless ``include_termination_month``. The window is the ``months``
    months up to that month, cut at the employment start; a first month in which
    employment started after the 1st is left out when other months remain.
    """
    month_end = termination.end_of("month")
    last = _month_start(termination)
    if not include_termination_month and termination != month_end:
        last = last.subtract(months=1)
    first = last.subtract(months=months - 1)
    start_month = _month_start(employee.employment_start)
    if employee.employment_start.day != 1:
        start_month = start_month.add(months=1)
    if start_month > last:  # shorter than one full month: use what there is
        start_month = _month_start(employee.employment_start)
        last = max(last, start_month)
    first = max(first, start_month)
    out: list[pendulum.Date] = []
    current = first
    while current <= last:
        out.append(current)
        if current == last:  # never step past the last month (December 9999 has no successor)
            break
        current = current.add(months=1)
    return tuple(out)


def average_monthly_wage(
    employee: EmployeeFacts,
    *,
    as_of: object,
    rulebook: Rulebook | None = None,
    termination: object | None = None,
    include_termination_month: bool = False,
) -> Determination[Money]:
    """
    The average monthly wage of the 12 months before termination (exact, not rounded).

    Fewer months are used when employment was shorter; the trace and a finding say
    which months. A month without a wage record is an input error, never a zero.

    Args:
        employee: The employee, with ``wages`` and ``termination_date``.
        as_of: The date the question is asked for.
        rulebook: Parameters and citations (default: the package's).
        termination: Assume this termination date instead of ``termination_date``
            (e.g. when drafting).
        include_termination_month: Count the calendar month of termination too.

    Raises:
        InvalidInputError: no termination date, or wage months missing (all listed).

    Legal basis:
        spc-labor-1@2020-12-29:36; mohrss-nc-guide@2025-09-12:13
    """
    book = _book(rulebook)
    day = to_date(as_of, path="as_of")
    end = _termination(employee, termination)
    param = book.param(_AVG_MONTHS, as_of=end)
    window = wage_months(
        employee,
        termination=end,
        months=param.as_int(),
        include_termination_month=include_termination_month,
    )
    by_month = {w.month: w.amount for w in employee.wages}
    missing = [m for m in window if m not in by_month]
    if missing:
        raise InvalidInputError(
            [Problem.of("wages", _ym(m), "no wage record for this month") for m in missing]
        )
    total = Money.zero()
    for m in window:
        total = total + by_month[m]
    average = total / len(window)
    args = {
        "first_month": _ym(window[0]),
        "last_month": _ym(window[-1]),
        "count": len(window),
        "total": total,
        "average": average,
    }
    findings: list[Finding] = []
    if len(window) < param.as_int():
        findings.append(
            Finding(
                code="noncompete.average.short_employment",
                severity=Severity.INFO,
                citations=param.citations,
                args={**args, "months": param.as_int()},
            )
        )
    step = TraceStep(
        rule="noncompete_average_wage",
        code="noncompete.trace.average_wage",
        citations=param.citations,
        args=args,
        parameters=(param,),
        on=end,
    )
    return Determination(
        value=average,
        rule="noncompete_average_wage",
        as_of=day,
        citations=param.citations,
        parameters=(param,),
        trace=(step,),
        findings=tuple(findings),
    )


def agreed_monthly_compensation(
    agreement: NonCompeteAgreement, average_wage: Money
) -> Money | None:
    """
    The agreed monthly compensation, rounded to the fen (``None`` when none was agreed).

    A ratio is applied to ``average_wage``; the rounding point is the monthly instalment.
    """
    terms = agreement.compensation
    if terms.basis is CompensationBasis.MONTHLY_AMOUNT and terms.monthly_amount is not None:
        return terms.monthly_amount.round_fen()
    if terms.basis is CompensationBasis.WAGE_RATIO and terms.ratio is not None:
        return (average_wage * terms.ratio).round_fen()
    return None


@attrs.frozen(kw_only=True)
class MonthlyFloor:
    """
    The two floors for one month of the restriction period.

    Attributes:
        index: 0 for the first month.
        first_day: First day of this month of the period.
        last_day: Last day of this month of the period.
        minimum_wage: The monthly minimum wage used for this month.
        minimum_wage_parameter: Where it comes from (date, region, source, status).
        default_amount: Judicial default (Interp. (I) Art. 36), rounded to the fen.
        default_by_minimum_wage: The minimum wage governed the default.
        guidance_amount: MOHRSS guidance floor, rounded to the fen (``None``: no guidance
            in force on ``as_of``).
        guidance_by_minimum_wage: The minimum wage governed the guidance floor.
    """

    index: int
    first_day: pendulum.Date
    last_day: pendulum.Date
    minimum_wage: Money
    minimum_wage_parameter: ParameterValue
    default_amount: Money
    default_by_minimum_wage: bool
    guidance_amount: Money | None
    guidance_by_minimum_wage: bool


def _require_citations(
    instance: object, attribute: attrs.Attribute[tuple[Citation, ...]], value: tuple[Citation, ...]
) -> None:
    if not value:
        msg = f"{type(instance).__name__}.{attribute.name} must hold at least one citation"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class CompensationFloor:
    """
    Both compensation floors, month by month, for a post-termination restriction.

    Attributes:
        agreement_id: The agreement.
        person_id: The employee.
        as_of: The date asked for (fixes the guidance tier).
        termination: Termination date; the period runs from the next day.
        average_wage: The average-wage determination (which months, which total).
        agreed_months: The post-termination period as written.
        period_months: Months computed: the agreed period, cut at the statutory cap.
        default_ratio: The judicial default ratio (30 %).
        guidance_ratio: The guidance ratio used (30 %, or 50 % above 12 months), or ``None``.
        months: One :class:`MonthlyFloor` per month.
        default_total: Sum of the default monthly amounts.
        guidance_total: Sum of the guidance monthly amounts, or ``None``.
        default_citations: Basis of the default tier (binding).
        guidance_citations: Basis of the guidance tier (empty when none is in force).
        citations: Everything the result rests on (never empty).
        parameters: Every parameter value used, the minimum wages included.
        findings: Observations (minimum wage governs, cap applied, projected months...).
        trace: The steps, in order.
    """

    agreement_id: str
    person_id: str
    as_of: pendulum.Date
    termination: pendulum.Date
    average_wage: Determination[Money]
    agreed_months: int
    period_months: int
    default_ratio: Ratio
    guidance_ratio: Ratio | None
    months: tuple[MonthlyFloor, ...] = attrs.field(validator=tuple_of(MonthlyFloor))
    default_total: Money
    guidance_total: Money | None
    default_citations: tuple[Citation, ...] = attrs.field(validator=tuple_of(Citation))
    guidance_citations: tuple[Citation, ...] = attrs.field(validator=tuple_of(Citation))
    citations: tuple[Citation, ...] = attrs.field(
        validator=[tuple_of(Citation), _require_citations]
    )
    parameters: tuple[ParameterValue, ...] = attrs.field(validator=tuple_of(ParameterValue))
    findings: tuple[Finding, ...] = attrs.field(default=(), validator=tuple_of(Finding))
    trace: tuple[TraceStep, ...] = attrs.field(default=(), validator=tuple_of(TraceStep))

    @property
    def default_tier(self) -> Tier:
        """Tier of the default's strongest source (a judicial interpretation)."""
        return strongest_tier(self.default_citations)

    @property
    def guidance_tier(self) -> Tier | None:
        """Tier of the guidance floor's source (administrative guidance), if in force."""
        return strongest_tier(self.guidance_citations) if self.guidance_citations else None

    @property
    def tier(self) -> Tier:
        """Tier of the strongest source cited."""
        return strongest_tier(self.citations)

    @property
    def binding(self) -> bool:
        """True: the default tier rests on a judicial interpretation."""
        return self.tier.binding

    @property
    def period_start(self) -> pendulum.Date | None:
        """First day of the period (the day after termination), if any month is computed."""
        return self.months[0].first_day if self.months else None

    @property
    def period_end(self) -> pendulum.Date | None:
        """Last day of the (capped) period."""
        return self.months[-1].last_day if self.months else None

    def month_of(self, day: object) -> MonthlyFloor:
        """
        The month of the period containing ``day``.

        Raises:
            InvalidInputError: ``day`` is outside the period.
        """
        target = to_date(day, path="day")
        for month in self.months:
            if month.first_day <= target <= month.last_day:
                return month
        raise InvalidInputError.single("day", str(target), "outside the restriction period")

    def _repr_markdown_(self) -> str:
        from tradesecret.i18n import explain  # noqa: PLC0415 - presentation layer, on use

        return explain(self, locale="zh_CN", format="markdown")

    def __explain__(self, loc: Localizer, fmt: Format) -> str:
        """Render both tiers month by month."""
        from tradesecret.noncompete._explain import explain_floor  # noqa: PLC0415

        return explain_floor(self, loc, fmt)


def _min_wage(
    book: Rulebook,
    region: str,
    month_first: pendulum.Date,
    month_last: pendulum.Date,
    day: MinimumWageDay,
) -> ParameterValue:
    on = month_last if day is MinimumWageDay.LAST_DAY else month_first
    return book.param(_MIN_WAGE, as_of=on, region=region)


def _guidance(
    book: Rulebook, as_of: pendulum.Date, months: int
) -> tuple[Ratio | None, tuple[ParameterValue, ...]]:
    try:
        base = book.param(_G_MIN, as_of=as_of)
        threshold = book.param(_G_THRESHOLD, as_of=as_of)
        long_ratio = book.param(_G_LONG, as_of=as_of)
    except OutOfCoverageError:
        return None, ()
    if months > threshold.as_int():
        return long_ratio.as_ratio(), (base, threshold, long_ratio)
    return base.as_ratio(), (base, threshold)


def compensation_floor(
    agreement: NonCompeteAgreement,
    employee: EmployeeFacts,
    *,
    as_of: object,
    rulebook: Rulebook | None = None,
    termination: object | None = None,
    minimum_wage_day: MinimumWageDay = MinimumWageDay.LAST_DAY,
    include_termination_month: bool = False,
) -> CompensationFloor:
    """
    Both floors, month by month, for the agreement's post-termination period.

    Per month: ``default = max(30 % x average, minimum wage)`` (Interp. (I) Art. 36) and
    ``guidance = max(30 % or 50 % x average, minimum wage)`` (MOHRSS §13; 50 % when the
    period exceeds 12 months), each rounded half up to the fen at the monthly
    instalment. The period is the agreed one cut at the statutory cap (LCL Art. 24(2)).

    The judicial default is what the employee may claim where **nothing** was agreed
    (a gap-filling default); it is not a statutory minimum for agreed amounts, though
    the guidelines and courts use it as the reference floor. The guidance floor is
    administrative guidance ("generally not below"), not binding.

    Args:
        agreement: The agreement (its ``duration_months``).
        employee: The employee (wages, termination, place of performance).
        as_of: The date asked for; fixes the guidance tier.
        rulebook: Parameters and citations.
        termination: Assume this termination date (drafting).
        minimum_wage_day: Which day of each month fixes its minimum wage.
        include_termination_month: See :func:`average_monthly_wage`.

    Raises:
        InvalidInputError: bad input (the agreement binds another person, unknown
            region, missing wage months...).
        OutOfCoverageError: a minimum wage before the first value held.

    Examples:
        >>> from tradesecret.noncompete import (
        ...     EmployeeFacts, NonCompeteAgreement, PersonnelCategory, WageRecord,
        ...     compensation_floor)
        >>> from tradesecret.money import Money
        >>> import pendulum
        >>> wages = tuple(WageRecord(month=pendulum.Date(2024, 9, 1).add(months=i),
        ...                          amount=Money("20000")) for i in range(12))
        >>> emp = EmployeeFacts(person_id="e1", role="R&D lead",
        ...     category=PersonnelCategory.SENIOR_TECHNICAL, place_of_performance="CN-SH",
        ...     employment_start="2020-03-01", wages=wages, termination_date="2025-09-01")
        >>> nc = NonCompeteAgreement(id="nc1", employer="ACME", employee="e1",
        ...     signed_on="2020-03-01", duration_months=18)
        >>> f = compensation_floor(nc, emp, as_of="2025-09-15")
        >>> (str(f.months[0].default_amount), str(f.months[0].guidance_amount))
        ('CNY 6000.00', 'CNY 10000.00')
    """
    check_parties(agreement, employee)
    book = _book(rulebook)
    day = to_date(as_of, path="as_of")
    region = book.check_region(employee.place_of_performance, path="place_of_performance")
    end = _termination(employee, termination)
    average = average_monthly_wage(
        employee,
        as_of=day,
        rulebook=book,
        termination=end,
        include_termination_month=include_termination_month,
    )
    ratio_param = book.param(_DEFAULT_RATIO, as_of=end)
    cap_param = book.param(_CAP, as_of=end)
    agreed = agreement.duration_months if agreement.post_termination else 0
    months_n = min(agreed, cap_param.as_int())
    g_ratio, g_params = _guidance(book, day, months_n)
    default_ratio = ratio_param.as_ratio()
    default_raw = average.value * default_ratio
    guidance_raw = average.value * g_ratio if g_ratio is not None else None

    months: list[MonthlyFloor] = []
    wage_params: dict[tuple[pendulum.Date, str | None], ParameterValue] = {}
    first_use: dict[tuple[pendulum.Date, str | None], pendulum.Date] = {}
    projected: list[pendulum.Date] = []
    for period in month_periods(end, months_n):
        mw_param = _min_wage(book, region, period.first_day, period.last_day, minimum_wage_day)
        key = (mw_param.since, mw_param.region)
        wage_params.setdefault(key, mw_param)
        first_use.setdefault(key, period.first_day)
        lookup = (
            period.last_day if minimum_wage_day is MinimumWageDay.LAST_DAY else period.first_day
        )
        if lookup > day:
            projected.append(period.first_day)
        mw = mw_param.as_money()
        d_by_min = default_raw < mw
        default_amount = (mw if d_by_min else default_raw).round_fen()
        g_amount: Money | None = None
        g_by_min = False
        if guidance_raw is not None:
            g_by_min = guidance_raw < mw
            g_amount = (mw if g_by_min else guidance_raw).round_fen()
        months.append(
            MonthlyFloor(
                index=period.index,
                first_day=period.first_day,
                last_day=period.last_day,
                minimum_wage=mw,
                minimum_wage_parameter=mw_param,
                default_amount=default_amount,
                default_by_minimum_wage=d_by_min,
                guidance_amount=g_amount,
                guidance_by_minimum_wage=g_by_min,
            )
        )

    default_total = Money.zero()
    for m in months:
        default_total = default_total + m.default_amount
    guidance_total: Money | None = None
    if g_ratio is not None:
        guidance_total = Money.zero()
        for m in months:
            assert m.guidance_amount is not None
            guidance_total = guidance_total + m.guidance_amount

    default_citations = ratio_param.citations
    guidance_citations = g_params[0].citations if g_params else ()
    findings: list[Finding] = []
    trace: list[TraceStep] = list(average.trace)
    trace.append(
        TraceStep(
            rule="spc_labor_1_art36_default",
            code="noncompete.trace.default_ratio",
            citations=ratio_param.citations,
            args={"average": average.value, "ratio": default_ratio, "amount": default_raw},
            parameters=(ratio_param,),
        )
    )
    if g_ratio is not None and guidance_raw is not None:
        trace.append(
            TraceStep(
                rule="mohrss_guide_13_floor",
                code="noncompete.trace.guidance_ratio",
                citations=guidance_citations,
                args={
                    "average": average.value,
                    "ratio": g_ratio,
                    "amount": guidance_raw,
                    "months": months_n,
                    "threshold": g_params[1].as_int(),
                },
                parameters=g_params,
            )
        )
    for key, param in wage_params.items():
        trace.append(
            TraceStep(
                rule="minimum_wage_floor",
                code="noncompete.trace.minimum_wage",
                citations=param.citations,
                args={"region": region, "minimum_wage": param.as_money()},
                parameters=(param,),
                on=first_use[key],
            )
        )
    if agreed > months_n and agreement.post_termination:
        findings.append(
            Finding(
                code="noncompete.floor.period_capped",
                severity=Severity.INFO,
                citations=cap_param.citations,
                args={"agreed": agreed, "cap": cap_param.as_int()},
            )
        )
    governed = [m for m in months if m.default_by_minimum_wage]
    if governed:
        findings.append(
            Finding(
                code="noncompete.floor.minimum_wage_governs",
                severity=Severity.INFO,
                citations=default_citations,
                args={
                    "count": len(governed),
                    "first": governed[0].first_day,
                    "minimum_wage": governed[0].minimum_wage,
                },
            )
        )
    if g_ratio is None:
        findings.append(
            Finding(
                code="noncompete.floor.guidance_not_in_force",
                severity=Severity.INFO,
                citations=book.cite_all("mohrss-nc-guide@2025-09-12:13"),
                args={"as_of": day},
            )
        )
    if projected:
        findings.append(
            Finding(
                code="noncompete.floor.minimum_wage_projected",
                severity=Severity.INFO,
                citations=next(iter(wage_params.values())).citations,
                args={"from_month": projected[0], "as_of": day},
            )
        )
    parameters = (
        *average.parameters,
        ratio_param,
        cap_param,
        *g_params,
        *wage_params.values(),
    )
    return CompensationFloor(
        agreement_id=agreement.id,
        person_id=employee.person_id,
        as_of=day,
        termination=end,
        average_wage=average,
        agreed_months=agreed,
        period_months=months_n,
        default_ratio=default_ratio,
        guidance_ratio=g_ratio,
        months=tuple(months),
        default_total=default_total,
        guidance_total=guidance_total,
        default_citations=default_citations,
        guidance_citations=guidance_citations,
        citations=(*default_citations, *guidance_citations),
        parameters=parameters,
        findings=tuple(findings),
        trace=tuple(trace),
    )


def employer_release(
    agreement: NonCompeteAgreement,
    employee: EmployeeFacts,
    *,
    release_date: object,
    as_of: object,
    by_agreement: bool = False,
    rulebook: Rulebook | None = None,
    minimum_wage_day: MinimumWageDay = MinimumWageDay.LAST_DAY,
) -> Determination[Money]:
    """
    Extra cost of the employer releasing the employee from the non-compete early.

    * Released on or before the termination date (before the post-termination
      restriction takes effect): no extra compensation.
    * Released during the period: three extra months of compensation (Interp. (I)
      Art. 39); the MOHRSS guidelines (§18) say at least three months where no
      agreement is reached (``by_agreement=False`` adds that guidance finding).
    * Released after the period ended: nothing to release.

    The monthly basis is the agreed monthly compensation, or, where none was agreed,
    the judicial default for the month of release (Interp. (I) Art. 36).

    Args:
        agreement: The agreement (post-termination period and compensation).
        employee: The employee; ``termination_date`` is required.
        release_date: The day the employer releases the employee.
        as_of: The date asked for; fixes whether the MOHRSS note applies.
        by_agreement: The release was agreed with the employee (no guidance note).
        rulebook: Parameters and citations.
        minimum_wage_day: See :func:`compensation_floor`.

    Raises:
        InvalidInputError: no termination date, the agreement binds another person,
            bad dates, missing wage months (when the period has begun).

    Legal basis:
        spc-labor-1@2020-12-29:39; mohrss-nc-guide@2025-09-12:18
    """
    check_parties(agreement, employee)
    book = _book(rulebook)
    day = to_date(as_of, path="as_of")
    released = to_date(release_date, path="release_date")
    end = _termination(employee, None)
    extra = book.param(_EXTRA, as_of=released)
    art39 = extra.citations

    def no_cost(rule: str, code: str, **args: object) -> Determination[Money]:
        # A release that costs nothing under Art. 39: say why, with the article.
        return Determination(
            value=Money.zero(),
            rule=rule,
            as_of=day,
            citations=art39,
            parameters=(extra,),
            findings=(Finding(code=code, severity=Severity.INFO, citations=art39, args=args),),
        )

    if not agreement.post_termination:
        return no_cost(
            "noncompete_release_before_effect",
            "noncompete.release.no_post_termination_restriction",
            release_date=released,
            extra_months=extra.as_int(),
        )
    if released <= end:
        return no_cost(
            "noncompete_release_before_effect",
            "noncompete.release.before_effect",
            release_date=released,
            termination=end,
        )
    floor = compensation_floor(
        agreement, employee, as_of=day, rulebook=book, minimum_wage_day=minimum_wage_day
    )
    if floor.period_end is None or released > floor.period_end:
        return no_cost(
            "noncompete_release_after_period",
            "noncompete.release.after_period",
            release_date=released,
        )
    agreed = agreed_monthly_compensation(agreement, floor.average_wage.value)
    month = floor.month_of(released)
    basis = agreed if agreed is not None else month.default_amount
    months = extra.as_int()
    value = (basis * months).round_fen()
    findings = [
        Finding(
            code="noncompete.release.during_period",
            severity=Severity.INFO,
            citations=art39,
            args={"months": months, "monthly": basis, "amount": value, "release_date": released},
        )
    ]
    params: list[ParameterValue] = [extra, *floor.parameters]
    if not by_agreement:
        try:
            g = book.param(_G_EXTRA, as_of=day)
        except OutOfCoverageError:
            pass
        else:
            params.append(g)
            findings.append(
                Finding(
                    code="noncompete.release.guidance_minimum",
                    severity=Severity.INFO,
                    citations=g.citations,
                    args={"months": g.as_int(), "amount": (basis * g.as_int()).round_fen()},
                )
            )
    step = TraceStep(
        rule="spc_labor_1_art39_extra_months",
        code="noncompete.trace.release_extra",
        citations=art39,
        args={"months": months, "monthly": basis, "amount": value},
        parameters=(extra,),
        on=released,
    )
    return Determination(
        value=value,
        rule="spc_labor_1_art39_extra_months",
        as_of=day,
        citations=art39,
        parameters=tuple(params),
        trace=(*floor.trace, step),
        findings=tuple(findings),
    )
