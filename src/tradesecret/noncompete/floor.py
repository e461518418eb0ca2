"""
The two compensation floors, month by month, and the agreed monthly amount.

Two tiers, kept apart on purpose:

* **Judicial default** (binding; Interp. (IV) Art. 6 from 2013-02-01, Interp. (I)
  Art. 36 from 2021-01-01): where a non-compete was agreed without compensation and
  the employee performed it, the employee may claim each month 30 % of the average
  monthly wage of the 12 months before termination; where that is below the minimum
  wage of the place where the contract was performed, the minimum wage. Before
  2013-02-01 no such rule existed: :func:`compensation_floor` raises
  :class:`~tradesecret.exceptions.OutOfCoverageError` and the review says so.
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
ratio products are exact; totals are sums of rounded instalments.

The judicial default is what the employee may claim where **nothing** was agreed (a
gap-filling default); it is not a statutory minimum for agreed amounts, though the
guidelines and courts use it as the reference floor. The guidance floor is
administrative guidance ("generally not below"), not binding.

Example:
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

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs
import pendulum

from tradesecret import presenters
from tradesecret._convert import tuple_of
from tradesecret.dates import month_periods, to_date
from tradesecret.exceptions import InvalidInputError, OutOfCoverageError
from tradesecret.facts import UNKNOWN, Fact
from tradesecret.law import Citation, Tier
from tradesecret.money import Money, Ratio
from tradesecret.noncompete._common import book_of
from tradesecret.noncompete._explain import explain_floor
from tradesecret.noncompete.minimum_wages import (
    MinimumWageDay,
    highest_minimum_wage,
    minimum_wage_for,
)
from tradesecret.noncompete.model import (
    CompensationBasis,
    EmployeeFacts,
    NonCompeteAgreement,
    check_parties,
)
from tradesecret.noncompete.wages import average_monthly_wage, termination_of, wage_share
from tradesecret.results import (
    Determination,
    Finding,
    Severity,
    Sourced,
    TraceStep,
    strongest_tier,
)
from tradesecret.rulebook import ParameterValue, Rulebook

if TYPE_CHECKING:
    from tradesecret.i18n import Format, Localizer

__all__ = [
    "CompensationFloor",
    "MinimumWageDay",
    "MonthlyFloor",
    "agreed_compensation",
    "agreed_monthly_compensation",
    "compensation_floor",
    "highest_minimum_wage",
    "minimum_wage_for",
]

_DEFAULT_RATIO: Final = "noncompete.default_ratio"
_G_MIN: Final = "noncompete.guidance_min_ratio"
_G_LONG: Final = "noncompete.guidance_long_period_ratio"
_G_THRESHOLD: Final = "noncompete.guidance_long_period_threshold_months"
_CAP: Final = "noncompete.max_post_term_months"
_MIN_WAGE: Final = "minimum_wage.monthly"


def agreed_compensation(
    agreement: NonCompeteAgreement, average_wage: Fact[Money | Determination[Money]]
) -> Fact[Money | None]:
    """
    The agreed monthly compensation, rounded to the fen: ``None`` when the agreement
    states none was agreed, ``UNKNOWN`` when the clause, its amount, or (for a ratio)
    the average wage is not stated.

    A ratio is applied to ``average_wage``; the rounding point is the monthly instalment.
    """
    terms = agreement.compensation
    if terms is UNKNOWN or terms.basis is UNKNOWN:
        return UNKNOWN
    if terms.basis is CompensationBasis.NONE:
        return None
    if terms.basis is CompensationBasis.MONTHLY_AMOUNT:
        amount = terms.monthly_amount
        return UNKNOWN if amount is UNKNOWN else amount.round_fen()
    if terms.ratio is UNKNOWN or average_wage is UNKNOWN:
        return UNKNOWN
    return wage_share(average_wage, terms.ratio).round_fen()


def agreed_monthly_compensation(
    agreement: NonCompeteAgreement, average_wage: Money | Determination[Money]
) -> Money | None:
    """
    The agreed monthly compensation, rounded to the fen (``None`` when none was agreed).

    Raises:
        InvalidInputError: the compensation clause or its amount is not stated (an
            amount that is not known is never read as "none").
    """
    agreed = agreed_compensation(agreement, average_wage)
    if agreed is UNKNOWN:
        raise InvalidInputError.single(
            "agreement.compensation", None, "not stated: the agreed amount is needed here"
        )
    return agreed


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
class CompensationFloor(Sourced):
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

    def default_for(self, day: object) -> Money:
        """The default instalment of the month of the period containing ``day``."""
        return self.month_of(day).default_amount

    def _repr_markdown_(self) -> str | None:
        shown = presenters.present("explain", self, locale="zh_CN", format="markdown")
        return None if shown is None else str(shown)

    def __explain__(self, loc: Localizer, fmt: Format) -> str:
        """Render both tiers month by month."""
        return explain_floor(self, loc, fmt)


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
    Both floors, month by month, for the agreement's post-termination period (cut at
    the statutory cap, LCL Art. 24(2)): ``default = max(30 % x average, minimum wage)``
    (Interp. (I) Art. 36) and ``guidance = max(30 % or 50 % x average, minimum wage)``
    (MOHRSS §13; 50 % above 12 months), each rounded half up to the fen per instalment.

    ``termination`` assumes a termination date (drafting); ``minimum_wage_day`` says
    which day of each month fixes its minimum wage; ``include_termination_month``: see
    :func:`~tradesecret.noncompete.average_monthly_wage`; ``as_of`` fixes the guidance tier.

    Raises:
        InvalidInputError: bad input (another person's agreement, unknown region,
            missing wage months...).
        OutOfCoverageError: no default rule on the termination date (before 2013-02-01),
            or a minimum wage before the first value held.
    """
    check_parties(agreement, employee)
    book = book_of(rulebook)
    day = to_date(as_of, path="as_of")
    region = book.check_region(employee.place_of_performance, path="place_of_performance")
    end = termination_of(employee, termination)
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
    months, wage_params, projected = _months(
        book,
        region,
        end,
        months_n,
        default_raw=wage_share(average, default_ratio),
        guidance_raw=wage_share(average, g_ratio) if g_ratio is not None else None,
        rule=minimum_wage_day,
        day=day,
    )
    return _assemble(
        agreement,
        employee,
        book=book,
        day=day,
        end=end,
        average=average,
        ratio_param=ratio_param,
        cap_param=cap_param,
        guidance=(g_ratio, g_params),
        months=months,
        wage_params=wage_params,
        projected=projected,
        region=region,
    )


def _assemble(
    agreement: NonCompeteAgreement,
    employee: EmployeeFacts,
    *,
    book: Rulebook,
    day: pendulum.Date,
    end: pendulum.Date,
    average: Determination[Money],
    ratio_param: ParameterValue,
    cap_param: ParameterValue,
    guidance: tuple[Ratio | None, tuple[ParameterValue, ...]],
    months: list[MonthlyFloor],
    wage_params: dict[_WageKey, tuple[ParameterValue, pendulum.Date]],
    projected: list[pendulum.Date],
    region: str,
) -> CompensationFloor:
    """The floor from its parts: totals, trace, findings, parameters."""
    g_ratio, g_params = guidance
    agreed = agreement.duration_months if agreement.post_termination else 0
    default_total, guidance_total = _totals(months, guided=g_ratio is not None)
    guidance_citations = g_params[0].citations if g_params else ()
    findings = _findings(
        book,
        months,
        wage_params,
        projected,
        agreed=agreed,
        cap=cap_param,
        default_citations=ratio_param.citations,
        guidance=g_ratio,
        day=day,
    )
    return CompensationFloor(
        agreement_id=agreement.id,
        person_id=employee.person_id,
        as_of=day,
        termination=end,
        average_wage=average,
        agreed_months=agreed,
        period_months=len(months),
        default_ratio=ratio_param.as_ratio(),
        guidance_ratio=g_ratio,
        months=tuple(months),
        default_total=default_total,
        guidance_total=guidance_total,
        default_citations=ratio_param.citations,
        guidance_citations=guidance_citations,
        citations=(*ratio_param.citations, *guidance_citations),
        parameters=(
            *average.parameters,
            ratio_param,
            cap_param,
            *g_params,
            *(p for p, _ in wage_params.values()),
        ),
        findings=tuple(findings),
        trace=tuple(
            _trace(average, ratio_param, g_ratio, g_params, len(months), wage_params, region)
        ),
    )


_WageKey = tuple[pendulum.Date, str | None]


def _totals(months: list[MonthlyFloor], *, guided: bool) -> tuple[Money, Money | None]:
    """Sums of the rounded monthly instalments, default and guidance."""
    default_total = sum((m.default_amount for m in months), Money.zero())
    if not guided:
        return default_total, None
    return default_total, sum((m.guidance_amount or Money.zero() for m in months), Money.zero())


def _months(
    book: Rulebook,
    region: str,
    end: pendulum.Date,
    months_n: int,
    *,
    default_raw: Money,
    guidance_raw: Money | None,
    rule: MinimumWageDay,
    day: pendulum.Date,
) -> tuple[
    list[MonthlyFloor], dict[_WageKey, tuple[ParameterValue, pendulum.Date]], list[pendulum.Date]
]:
    """Each month's floors; the minimum wages used (with the month first used); projections."""
    months: list[MonthlyFloor] = []
    wage_params: dict[_WageKey, tuple[ParameterValue, pendulum.Date]] = {}
    projected: list[pendulum.Date] = []
    for period in month_periods(end, months_n):
        mw_param = minimum_wage_for(book, region, period.first_day, period.last_day, rule)
        wage_params.setdefault((mw_param.since, mw_param.region), (mw_param, period.first_day))
        lookup = period.last_day if rule is MinimumWageDay.LAST_DAY else period.first_day
        if lookup > day:
            projected.append(period.first_day)
        mw = mw_param.as_money()
        d_by_min = default_raw < mw
        g_by_min = guidance_raw is not None and guidance_raw < mw
        g_amount = None
        if guidance_raw is not None:
            g_amount = (mw if g_by_min else guidance_raw).round_fen()
        months.append(
            MonthlyFloor(
                index=period.index,
                first_day=period.first_day,
                last_day=period.last_day,
                minimum_wage=mw,
                minimum_wage_parameter=mw_param,
                default_amount=(mw if d_by_min else default_raw).round_fen(),
                default_by_minimum_wage=d_by_min,
                guidance_amount=g_amount,
                guidance_by_minimum_wage=g_by_min,
            )
        )
    return months, wage_params, projected


def _trace(  # noqa: PLR0917 - internal, called in order
    average: Determination[Money],
    ratio_param: ParameterValue,
    g_ratio: Ratio | None,
    g_params: tuple[ParameterValue, ...],
    months_n: int,
    wage_params: dict[_WageKey, tuple[ParameterValue, pendulum.Date]],
    region: str,
) -> list[TraceStep]:
    default_ratio = ratio_param.as_ratio()
    trace: list[TraceStep] = list(average.trace)
    trace.append(
        TraceStep(
            rule="spc_labor_1_art36_default",
            code="noncompete.trace.default_ratio",
            citations=ratio_param.citations,
            args={
                "average": average.value,
                "ratio": default_ratio,
                "amount": average.value * default_ratio,
            },
            parameters=(ratio_param,),
        )
    )
    if g_ratio is not None:
        trace.append(
            TraceStep(
                rule="mohrss_guide_13_floor",
                code="noncompete.trace.guidance_ratio",
                citations=g_params[0].citations,
                args={
                    "average": average.value,
                    "ratio": g_ratio,
                    "amount": average.value * g_ratio,
                    "months": months_n,
                    "threshold": g_params[1].as_int(),
                },
                parameters=g_params,
            )
        )
    for param, first in wage_params.values():
        trace.append(
            TraceStep(
                rule="minimum_wage_floor",
                code="noncompete.trace.minimum_wage",
                citations=param.citations,
                args={"region": region, "minimum_wage": param.as_money()},
                parameters=(param,),
                on=first,
            )
        )
    return trace


def _findings(
    book: Rulebook,
    months: list[MonthlyFloor],
    wage_params: dict[_WageKey, tuple[ParameterValue, pendulum.Date]],
    projected: list[pendulum.Date],
    *,
    agreed: int,
    cap: ParameterValue,
    default_citations: tuple[Citation, ...],
    guidance: Ratio | None,
    day: pendulum.Date,
) -> list[Finding]:
    findings: list[Finding] = []
    if agreed > cap.as_int():
        findings.append(
            Finding(
                code="noncompete.floor.period_capped",
                severity=Severity.INFO,
                citations=cap.citations,
                args={"agreed": agreed, "cap": cap.as_int()},
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
    if guidance is None:
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
                citations=next(iter(wage_params.values()))[0].citations,
                args={"from_month": projected[0], "as_of": day},
            )
        )
    return findings
