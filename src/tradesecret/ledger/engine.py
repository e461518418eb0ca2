"""
The schedule and the fold: :func:`build_schedule` and :func:`evaluate_compensation`.

Amounts are handled as integer fen and dates as day ordinals inside the fold (the batch
kernel uses the same representation); results convert back to
:class:`~tradesecret.money.Money` and :class:`pendulum.Date`.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as _dt
import functools
from collections.abc import Callable, Iterable, Sequence
from types import MappingProxyType
from typing import Final, NamedTuple

import pendulum

from tradesecret.dates import to_date
from tradesecret.exceptions import (
    InvalidInputError,
    OutOfCoverageError,
    ParameterNotFoundError,
    Problem,
)
from tradesecret.law import Citation
from tradesecret.ledger.model import (
    Activation,
    Breach,
    BreachReturn,
    CompensationLedger,
    CuredArrears,
    DeferralPlan,
    DueConvention,
    EmployeeDelay,
    EmployerRelease,
    InServiceBreach,
    LedgerEvent,
    LedgerOptions,
    LedgerTerms,
    MinimumWageMonth,
    PartialMonth,
    Payment,
    PenaltyPaid,
    Reminder,
    ReminderTiming,
    Rescission,
    UndecidedActivation,
    UnpaidCounting,
    Waiver,
)
from tradesecret.ledger.rules import default_share_fen, fraction, period_fits, pro_rata_fen
from tradesecret.ledger.state import (
    BreachState,
    CompensationSchedule,
    CompensationState,
    EmployerReleaseState,
    EndedBy,
    Instalment,
    InstalmentState,
    InstalmentStatus,
    ReleaseGround,
    ReleaseRight,
)
from tradesecret.money import Money
from tradesecret.results import Finding, Severity, Term, TraceStep
from tradesecret.rulebook import ParameterValue, Rulebook, default_rulebook

__all__ = ["build_schedule", "evaluate_compensation", "release_right_dates"]

_POLICY: Final = "tradesecret-policy@2026-11-21"
_INTERP2: Final = "spc-labor-2@2025-07-31"
_INTERP1: Final = "spc-labor-1@2020-12-29"
_ART37: Final = f"{_INTERP1}:37"
_ART40: Final = f"{_INTERP1}:40"
_MOHRSS: Final = "mohrss-nc-guide@2025-09-12"
_LCL_2012: Final = "lcl@2012-12-28"
_NEVER: Final = 10**9  # an ordinal later than any date


@functools.lru_cache(maxsize=8192)
def _d(ordinal: int) -> pendulum.Date:
    return pendulum.Date.fromordinal(ordinal)


@functools.lru_cache(maxsize=8192)
def _money(fen: int) -> Money:
    return Money.from_fen(fen)


def _param(rb: Rulebook, name: str, *, as_of: pendulum.Date) -> ParameterValue:
    """``rb.param(name, as_of=...)`` for a national parameter, without scanning every series."""
    series = rb.series.get((name, None))
    if series is None:
        return rb.param(name, as_of=as_of)  # raises the precise lookup error
    value = series.at(as_of=as_of)
    if value is None:
        raise OutOfCoverageError(name, as_of, series.values[0].since, None)
    return value


def _series_in_force(
    rb: Rulebook, name: str, region: str
) -> Callable[[int], ParameterValue | None]:
    """
    ``rulebook.param(name, region=...)`` as a function of the day ordinal (one chain lookup;
    :meth:`ParameterSeries.at` on ordinals).
    """
    found = next(
        (
            series
            for code in (*rb.region_chain(region), None)
            if (series := rb.series.get((name, code))) is not None
        ),
        None,
    )
    if found is None:
        raise ParameterNotFoundError(name, region, "no value for this region or its parents")
    values = found.values
    since = [v.since.toordinal() for v in values]

    def at(day: int) -> ParameterValue | None:
        index = bisect.bisect_right(since, day) - 1
        return values[index] if index >= 0 else None

    return at


def _fen(money: Money) -> int:
    return money.round_fen().fen


def _lcl(rb: Rulebook, on: pendulum.Date, article: str) -> Citation:
    """The LCL version in force on ``on`` (the catalog gives the amendment's effective date)."""
    key = _LCL_2012 if on >= rb.instrument(_LCL_2012).effective else "lcl@2007-06-29"
    return rb.cite(f"{key}:{article}")


# -- schedule -----------------------------------------------------------------------------


def build_schedule(
    terms: LedgerTerms,
    *,
    options: LedgerOptions | None = None,
    rulebook: Rulebook | None = None,
) -> CompensationSchedule:
    """
    Derive the monthly instalments from the terms.

    * Periods: month by month from the day after termination (Civil Code Arts. 201-202,
      :func:`tradesecret.dates.month_periods`); an agreed period above the statutory
      maximum (LCL Art. 24(2)) is scheduled only up to the maximum, with a finding.
    * Due dates: ``options.due_convention`` plus ``ledger.due_offset_days``.
    * Amounts: the agreed amount; where none was agreed, month by month the larger of
      ``noncompete.default_ratio`` (in force on the termination date) times the average
      wage, rounded half up to the fen, and the minimum wage of the place of performance
      for that month (Interp. (I) Art. 36).

    Raises:
        InvalidInputError: unknown region, or a date outside the data's coverage.
    """
    rb = rulebook if rulebook is not None else default_rulebook()
    opts = options if options is not None else LedgerOptions()
    return _schedule(terms, opts, rb)[0]


def _add_months(ordinal: int, months: int) -> int:
    """
    ``term_end(date, months=months)`` on day ordinals: the corresponding day ``months``
    later, or the last day of that month when it has no such day (Civil Code Art. 202;
    pendulum's ``add(months=...)``, which :func:`tradesecret.dates.term_end` uses, does
    the same, and a test compares the two day by day).
    """
    day = _dt.date.fromordinal(ordinal)
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    month = month0 + 1
    last = _DAYS_IN_MONTH[month] if month != 2 or not calendar.isleap(year) else 29
    return _dt.date(year, month, min(day.day, last)).toordinal()


_DAYS_IN_MONTH: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _schedule(
    terms: LedgerTerms, opts: LedgerOptions, rb: Rulebook
) -> tuple[CompensationSchedule, tuple[_Inst, ...]]:
    """The schedule, and its instalments as the fold's integer rows (ordinals and fen)."""
    t = terms.termination_date
    problems: list[Problem] = []
    if terms.region not in rb.regions:
        problems.append(Problem.of("region", terms.region, "unknown region code"))
    if problems:
        raise InvalidInputError(problems)
    try:
        cap = _param(rb, "noncompete.max_post_term_months", as_of=t)
        offset = _param(rb, "ledger.due_offset_days", as_of=t)
    except LookupError as exc:
        raise InvalidInputError.single("termination_date", t, str(exc)) from None
    params: list[ParameterValue] = [cap, offset]
    findings: list[Finding] = []
    months = min(terms.months, cap.as_int())
    if months < terms.months:
        findings.append(
            Finding(
                code="ledger.schedule.period_capped",
                severity=Severity.HIGH,
                citations=cap.citations,
                args={"agreed": terms.months, "cap": cap.as_int()},
            )
        )
    if not period_fits(t.year, t.month, months):
        raise InvalidInputError.single(
            "termination_date", t, "the restriction period would run past the year 9999"
        )
    # month by month from the day after termination, each month's last day computed from
    # the termination date (month_periods' rule), as (first, last) day ordinals
    periods: list[tuple[int, int]] = []
    first = t.toordinal() + 1
    year, month, corresponding = t.year, t.month, t.day
    for _ in range(months):  # _add_months(t, i + 1), month after month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        days = _DAYS_IN_MONTH[month] if month != 2 or not calendar.isleap(year) else 29
        last = _dt.date(year, month, min(corresponding, days)).toordinal()
        periods.append((first, last))
        first = last + 1
    citations = [_lcl(rb, t, "23")]
    offset_days = offset.as_int()
    amounts: list[tuple[int, str, Money | None]]
    if terms.agreed_monthly is not None:
        amounts = [(_fen(terms.agreed_monthly), "agreed", None)] * months
    else:
        amounts = _default_amounts(
            terms, periods, opts=opts, rb=rb, params=params, citations=citations
        )
    end_of_period = opts.due_convention is DueConvention.END_OF_PERIOD
    instalments: list[Instalment] = []
    rows: list[_Inst] = []
    for n, ((start, end), (fen, rule, min_wage)) in enumerate(
        zip(periods, amounts, strict=True), start=1
    ):
        due = (end if end_of_period else start) + offset_days
        instalments.append(
            Instalment(
                number=n,
                period_start=_d(start),
                period_end=_d(end),
                due=_d(due),
                amount=_money(fen),
                rule=rule,
                minimum_wage=min_wage,
            )
        )
        # number, start, end, due, scheduled, amount, paid, completed, effective_due,
        # deferred_by, cancelled
        rows.append(_Inst(n, start, end, due, fen, fen, 0, _NEVER, due, None, False))
    schedule = CompensationSchedule(
        agreement_id=terms.agreement_id,
        termination_date=t,
        months=months,
        agreed_months=terms.months,
        instalments=tuple(instalments),
        citations=tuple(dict.fromkeys(citations)),
        parameters=tuple(params),
        findings=tuple(findings),
    )
    return schedule, tuple(rows)


def _default_amounts(
    terms: LedgerTerms,
    periods: Sequence[tuple[int, int]],
    *,
    opts: LedgerOptions,
    rb: Rulebook,
    params: list[ParameterValue],
    citations: list[Citation],
) -> list[tuple[int, str, Money | None]]:
    t = terms.termination_date
    try:
        ratio = _param(rb, "noncompete.default_ratio", as_of=t)
    except LookupError as exc:
        raise InvalidInputError.single("termination_date", t, str(exc)) from None
    params.append(ratio)
    citations.extend(ratio.citations)
    # the exact share of the exact average, rounded half up once, at the instalment
    r_num, r_den = fraction(ratio.as_decimal())
    if terms.wage_total is not None:
        share = default_share_fen(terms.wage_total.fen, terms.wage_months, r_num, r_den)
    else:
        assert terms.average_monthly_wage is not None
        w_num, w_den = fraction(terms.average_monthly_wage.amount.scaleb(2))
        share = default_share_fen(w_num, w_den, r_num, r_den)
    out: list[tuple[int, str, Money | None]] = []
    problems: list[Problem] = []
    try:
        minimum_wage_on = _series_in_force(rb, "minimum_wage.monthly", terms.region)
    except LookupError as exc:
        raise InvalidInputError.single("region", terms.region, str(exc)) from None
    at_start = opts.minimum_wage_month is MinimumWageMonth.PERIOD_START
    last_value: ParameterValue | None = None
    last_amount: tuple[int, str, Money | None] = (0, "", None)
    for first, last in periods:
        ref = first if at_start else last
        found = minimum_wage_on(ref)
        if found is None:
            problems.append(
                Problem.of("region", terms.region, f"no minimum wage in force on {_d(ref)}")
            )
            continue
        mw = found
        params.append(mw)
        if mw is not last_value:  # one value is in force for many months: convert it once
            mw_money = mw.as_money()
            mw_fen = _fen(mw_money)
            if mw_fen > share:
                last_amount = (mw_fen, "spc_labor_1_art36_min_wage_floor", mw_money)
            else:
                last_amount = (share, "spc_labor_1_art36_default", mw_money)
            last_value = mw
        out.append(last_amount)
    if problems:
        raise InvalidInputError(problems[:1])
    return out


# -- the fold ---------------------------------------------------------------------------------


class _Inst(NamedTuple):
    number: int
    start: int
    end: int
    due: int
    scheduled: int
    amount: int
    paid: int
    completed: int  # ordinal, _NEVER when not fully paid
    effective_due: int  # _NEVER while an employee delay runs
    deferred_by: str | None
    cancelled: bool
    history: tuple[tuple[int, int], ...] = ()  # (day, paid after that day's payment)


class _Fold(NamedTuple):
    """The state between two events. Never mutated: each step returns a new one."""

    insts: tuple[_Inst, ...]
    unallocated: int
    reminders: tuple[int, ...]
    release_on: int | None  # first day the employee is free (release / rescission)
    ended_by: EndedBy
    employer_release: tuple[int, int | None] | None  # (date, negotiated fen)
    extra_owed: int
    extra_paid: int
    rescissions: tuple[tuple[int, bool], ...]  # (date, effective)
    breaches: tuple[tuple[int, int | None], ...]
    penalty_paid: int
    steps: tuple[tuple[int, str, dict[str, object], tuple[str, ...]], ...]
    notes: tuple[tuple[str, dict[str, object]], ...]


class _Ctx(NamedTuple):
    """What every step needs and never changes."""

    terms: LedgerTerms
    schedule: CompensationSchedule
    options: LedgerOptions
    as_of: int
    rb: Rulebook
    thresholds: _Thresholds
    cite: _Citer
    lcl_id: str  # LCL Art. 23(2) in the version in force on the termination date
    undecided: bool = False  # activation reserved, no decision at departure, as of the date


class _Citer:
    """
    ``rulebook.cite_all`` memoised for one evaluation: the same few ids are cited by many
    steps, rights and findings. Built per call, so nothing is shared between calls.
    """

    __slots__ = ("_memo", "_rb")

    def __init__(self, rb: Rulebook) -> None:
        self._rb = rb
        self._memo: dict[tuple[str, ...], tuple[Citation, ...]] = {}

    def __call__(self, *ids: str) -> tuple[Citation, ...]:
        found = self._memo.get(ids)
        if found is None:
            found = self._memo[ids] = self._rb.cite_all(*ids)
        return found


class _Thresholds(NamedTuple):
    judicial_months: int
    guidance_unpaid_months: int | None
    guidance_late_months: int | None
    extra_months: int
    cure_days: int
    delay_grace_days: int
    release_payment_days: int
    judicial_cites: tuple[str, ...]
    guidance_cites: tuple[str, ...]
    extra_cites: tuple[str, ...]
    params: tuple[ParameterValue, ...]
    guidance_since: int


def _thresholds(rb: Rulebook, t: pendulum.Date, as_of: pendulum.Date) -> _Thresholds:
    try:
        judicial = _param(rb, "noncompete.release_unpaid_months", as_of=t)
        extra = _param(rb, "noncompete.employer_release_extra_months", as_of=t)
        cure = _param(rb, "ledger.reminder_cure_days", as_of=t)
        grace = _param(rb, "ledger.employee_delay_grace_days", as_of=t)
        pay_days = _param(rb, "ledger.employer_release_payment_days", as_of=t)
    except LookupError as exc:
        raise InvalidInputError.single("termination_date", t, str(exc)) from None
    params = [judicial, extra, cure, grace, pay_days]
    g_unpaid: ParameterValue | None
    g_late: ParameterValue | None
    try:
        g_unpaid = _param(rb, "noncompete.guidance_release_unpaid_months", as_of=as_of)
        g_late = _param(rb, "noncompete.guidance_release_late_months", as_of=as_of)
        params += [g_unpaid, g_late]
    except LookupError:  # the guidance did not exist yet on the date asked about
        g_unpaid = g_late = None
    return _Thresholds(
        judicial_months=judicial.as_int(),
        guidance_unpaid_months=g_unpaid.as_int() if g_unpaid else None,
        guidance_late_months=g_late.as_int() if g_late else None,
        extra_months=extra.as_int(),
        cure_days=cure.as_int(),
        delay_grace_days=grace.as_int(),
        release_payment_days=pay_days.as_int(),
        judicial_cites=tuple(c.id for c in judicial.citations),
        guidance_cites=tuple(c.id for c in g_unpaid.citations) if g_unpaid else (),
        extra_cites=tuple(c.id for c in extra.citations),
        params=tuple(params),
        guidance_since=g_unpaid.since.toordinal() if g_unpaid else _NEVER,
    )


def _initial(insts: tuple[_Inst, ...]) -> _Fold:
    return _Fold(
        insts=insts,
        unallocated=0,
        reminders=(),
        release_on=None,
        ended_by=EndedBy.SCHEDULED_END,
        employer_release=None,
        extra_owed=0,
        extra_paid=0,
        rescissions=(),
        breaches=(),
        penalty_paid=0,
        steps=(),
        notes=(),
    )


def _step_log(
    fold: _Fold, on: int, code: str, args: dict[str, object], cites: tuple[str, ...]
) -> tuple[tuple[int, str, dict[str, object], tuple[str, ...]], ...]:
    return (*fold.steps, (on, code, args, cites))


def _pay(fold: _Fold, event: Payment) -> _Fold:
    day = event.date.toordinal()
    left = event.amount.fen
    insts = list(fold.insts)
    named = event.instalment
    order: Iterable[int] = range(len(insts))
    if named is not None and 1 <= named <= len(insts):  # the named one first, then by age
        order = [named - 1, *range(named - 1), *range(named, len(insts))]
    touched: list[int] = []
    for k in order:
        if left == 0:
            break
        inst = insts[k]
        owed = inst.amount - inst.paid
        if owed <= 0 or inst.cancelled:
            continue
        take = min(owed, left)
        left -= take
        paid = inst.paid + take
        insts[k] = inst._replace(
            paid=paid,
            completed=day if paid == inst.amount else _NEVER,
            history=(*inst.history, (day, paid)),
        )
        touched.append(inst.number)
    extra_paid = fold.extra_paid
    if left and fold.extra_owed > extra_paid:
        take = min(fold.extra_owed - extra_paid, left)
        extra_paid += take
        left -= take
    allocation = ", ".join(f"#{n}" for n in touched) or "-"
    return fold._replace(
        insts=tuple(insts),
        unallocated=fold.unallocated + left,
        extra_paid=extra_paid,
        steps=_step_log(
            fold,
            day,
            "ledger.step.payment",
            {"amount": event.amount, "allocation": allocation},
            (_POLICY,),
        ),
    )


def _effective_due(inst: _Inst, ctx: _Ctx, delays: Sequence[EmployeeDelay]) -> _Inst:
    """Apply the employee-caused delays known as of the date to one instalment."""
    due = inst.effective_due
    for delay in delays:
        start = delay.date.toordinal()
        until = delay.until.toordinal() if delay.until is not None else None
        if until is not None and until > ctx.as_of:
            until = None  # not known yet on the date asked about
        if start <= due and (until is None or due <= until):
            new_due = _NEVER if until is None else until + ctx.thresholds.delay_grace_days
            if new_due > due:
                return inst._replace(effective_due=new_due, deferred_by="employee_delay")
    return inst


def _defer(fold: _Fold, ctx: _Ctx, event: DeferralPlan) -> _Fold:
    day = event.date.toordinal()
    insts = list(fold.insts)
    notes = list(fold.notes)
    for number, new_due in event.new_due_dates:
        if not 1 <= number <= len(insts):
            notes.append(("ledger.deferral.unknown_instalment", {"n": number}))
            continue
        inst = insts[number - 1]
        if inst.due < day:
            notes.append(("ledger.deferral.not_in_advance", {"n": number, "due": _d(inst.due)}))
            continue
        insts[number - 1] = inst._replace(
            effective_due=to_date(new_due).toordinal(), deferred_by="deferral_plan"
        )
    return fold._replace(
        insts=tuple(insts),
        notes=tuple(notes),
        steps=_step_log(
            fold,
            day,
            "ledger.step.deferral",
            {"count": len(event.new_due_dates)},
            (_lcl_id(ctx), _POLICY),
        ),
    )


def _lcl_id(ctx: _Ctx) -> str:
    return ctx.lcl_id


def _end_restriction(fold: _Fold, ctx: _Ctx, free_from: int, ended_by: EndedBy) -> _Fold:
    """Cancel or pro-rate instalments from ``free_from`` (the first free day)."""
    insts = []
    credit = 0
    for inst in fold.insts:
        if inst.cancelled or inst.end < free_from:
            insts.append(inst)
            continue
        if inst.start >= free_from:
            amount = 0
        elif ctx.options.partial_month is PartialMonth.FULL_MONTH:
            amount = inst.amount
        else:
            amount = pro_rata_fen(inst.amount, free_from - inst.start, inst.end - inst.start + 1)
        paid = min(inst.paid, amount)
        credit += inst.paid - paid
        insts.append(
            inst._replace(
                amount=amount,
                paid=paid,
                # the day the payments first covered the (possibly pro-rated) amount
                completed=next(d for d, p in inst.history if p >= amount)
                if paid == amount and amount
                else _NEVER,
                cancelled=amount == 0,
            )
        )
    return fold._replace(
        insts=tuple(insts),
        unallocated=fold.unallocated + credit,
        release_on=free_from,
        ended_by=ended_by,
    )


def _employer_release(fold: _Fold, ctx: _Ctx, event: EmployerRelease | Waiver) -> _Fold:
    day = event.date.toordinal()
    if fold.release_on is not None:
        return fold._replace(
            notes=(*fold.notes, ("ledger.release.already_ended", {"date": event.date}))
        )
    sched_end = fold.insts[-1].end
    if day > sched_end:
        return fold._replace(
            notes=(*fold.notes, ("ledger.release.after_end", {"date": event.date}))
        )
    t = ctx.terms.termination_date.toordinal()
    during = day > t
    is_waiver = isinstance(event, Waiver)
    ended_by = EndedBy.WAIVER if is_waiver and not during else EndedBy.EMPLOYER_RELEASE
    monthly = _monthly_at(fold, day)
    negotiated = (
        event.negotiated_amount.fen
        if isinstance(event, EmployerRelease) and event.negotiated_amount
        else None
    )
    if negotiated is not None:
        extra = negotiated
    elif during or ctx.options.extra_on_pre_period_release:
        extra = ctx.thresholds.extra_months * monthly
    else:
        extra = 0
    new = _end_restriction(fold, ctx, max(day, t + 1), ended_by)
    code = "ledger.step.waiver" if ended_by is EndedBy.WAIVER else "ledger.step.employer_release"
    cites = ctx.thresholds.extra_cites
    if ended_by is EndedBy.WAIVER and ctx.terms.activation_reserved:
        code, cites = "ledger.step.not_activated", (_ART37,)
    return new._replace(
        employer_release=(day, negotiated),
        extra_owed=extra,
        steps=_step_log(new, day, code, {"amount": _money(extra)}, cites),
    )


def _rescind(fold: _Fold, ctx: _Ctx, event: Rescission) -> _Fold:
    day = event.date.toordinal()
    if fold.release_on is not None:
        return fold._replace(
            rescissions=(*fold.rescissions, (day, False)),
            notes=(*fold.notes, ("ledger.release.already_ended", {"date": event.date})),
        )
    if day > fold.insts[-1].end:  # nothing left to be released from
        return fold._replace(
            notes=(*fold.notes, ("ledger.release.after_end", {"date": event.date}))
        )
    rights = _rights(fold.insts, fold.reminders, ctx, until=day)
    effective = any(arose <= day for _, arose, _ in rights)
    if not effective:
        return fold._replace(
            rescissions=(*fold.rescissions, (day, False)),
            steps=_step_log(
                fold, day, "ledger.step.rescission_ineffective", {}, ctx.thresholds.judicial_cites
            ),
        )
    new = _end_restriction(fold, ctx, day, EndedBy.RESCISSION)
    return new._replace(
        rescissions=(*fold.rescissions, (day, True)),
        steps=_step_log(new, day, "ledger.step.rescission", {}, ctx.thresholds.judicial_cites),
    )


def _step(ctx: _Ctx, fold: _Fold, event: LedgerEvent) -> _Fold:
    day = event.date.toordinal()
    if isinstance(event, Payment):
        return _pay(fold, event)
    if isinstance(event, Reminder):
        return fold._replace(
            reminders=(*fold.reminders, day),
            steps=_step_log(
                fold, day, "ledger.step.reminder", {}, ctx.thresholds.guidance_cites or (_POLICY,)
            ),
        )
    if isinstance(event, DeferralPlan):
        return _defer(fold, ctx, event)
    if isinstance(event, EmployeeDelay):
        return fold._replace(
            steps=_step_log(
                fold, day, "ledger.step.employee_delay", {}, ctx.thresholds.judicial_cites
            )
        )
    if isinstance(event, Activation):
        new = fold._replace(steps=_step_log(fold, day, "ledger.step.activation", {}, (_ART37,)))
        if fold.ended_by is EndedBy.NOT_ACTIVATED:
            return new._replace(
                notes=(*fold.notes, ("ledger.activation.after_departure", {"date": event.date}))
            )
        return new
    if isinstance(event, Waiver | EmployerRelease):
        return _employer_release(fold, ctx, event)
    if isinstance(event, Rescission):
        return _rescind(fold, ctx, event)
    if isinstance(event, Breach):
        until = event.until.toordinal() if event.until is not None else None
        if until is not None and until > ctx.as_of:
            until = None
        last = fold.insts[-1].end if fold.release_on is None else fold.release_on - 1
        if day > last or (until is not None and until < fold.insts[0].start):
            return fold._replace(
                notes=(*fold.notes, ("ledger.breach.outside_period", {"date": event.date}))
            )
        return fold._replace(
            breaches=(*fold.breaches, (day, until)),
            steps=_step_log(fold, day, "ledger.step.breach", {}, (f"{_INTERP2}:15",)),
        )
    if isinstance(event, InServiceBreach):  # recorded; remedies are built on it elsewhere
        return fold._replace(
            steps=_step_log(fold, day, "ledger.step.in_service_breach", {}, (f"{_INTERP2}:14",))
        )
    if isinstance(event, PenaltyPaid):
        return fold._replace(
            penalty_paid=fold.penalty_paid + event.amount.fen,
            steps=_step_log(
                fold,
                day,
                "ledger.step.penalty_paid",
                {"amount": event.amount},
                (_ART40,),
            ),
        )
    msg = f"not a ledger event: {event!r}"  # pragma: no cover - CompensationLedger refuses it
    raise TypeError(msg)


# -- release rights ---------------------------------------------------------------------------


def _unpaid_at_end_of(inst: _Inst, day: int) -> bool:
    return not inst.cancelled and inst.amount > 0 and inst.completed > day


_GROUND_ORDER: Final = MappingProxyType({g: n for n, g in enumerate(ReleaseGround)})
_Right = tuple[ReleaseGround, int, tuple[int, ...]]
_Lapsed = tuple[ReleaseGround, int, int]  # ground, arose, first day without the right


def _first_or_current(
    candidates: set[int],
    holds: Callable[[int], tuple[int, ...] | None],
    *,
    until: int,
    since: int,
    lapses: bool,
) -> tuple[tuple[int, tuple[int, ...]] | None, list[tuple[int, int]]]:
    """
    Scan the days on which a ground's condition can change (``candidates``).

    ``holds(day)`` gives the founding instalments when the condition holds on ``day``.
    Nothing counts before ``since`` (the day the source of the ground was issued): a
    ground met earlier arises on ``since`` only if it still holds on that day. Without
    lapse: the first day it holds. With lapse: the start of the run that still holds on
    ``until``, and every earlier run as ``(arose, lapsed)``.
    """
    if not lapses:
        for day in sorted(d for d in {*candidates, since} if since <= d <= until):
            found = holds(day)
            if found is not None:
                return (day, found), []
        return None, []
    run: tuple[int, tuple[int, ...]] | None = None
    ended: list[tuple[int, int]] = []
    for day in sorted(d for d in {*candidates, since} if since <= d <= until):
        found = holds(day)
        if found is not None and run is None:
            run = (day, found)
        elif found is None and run is not None:
            ended.append((run[0], day))
            run = None
    return run, ended


def _rights_and_lapses(
    insts: Sequence[_Inst], reminders: Sequence[int], ctx: _Ctx, *, until: int
) -> tuple[list[_Right], list[_Lapsed]]:
    """
    Every release right standing on ``until`` (with ``CuredArrears.RIGHT_REMAINS``: every
    right that arose on or before it; first occurrence per ground), and the rights that
    arose and lapsed before it (``CuredArrears.RIGHT_LAPSES`` only).

    A right holds on a day when its condition holds with the instalments unpaid at the end
    of the day before (a payment on the day a right arises or is exercised comes too late).
    """
    th = ctx.thresholds
    lapses = ctx.options.cured_arrears is CuredArrears.RIGHT_LAPSES
    out: list[_Right] = []
    lapsed: list[_Lapsed] = []
    live = [i for i in insts if not i.cancelled and i.amount > 0 and i.effective_due < until]
    late = [i for i in live if i.completed > i.effective_due]  # only these can ever be overdue
    paid_days = {i.completed + 1 for i in late if i.completed < _NEVER}

    def intervals_holds(starts: list[tuple[int, _Inst]]) -> Callable[[int], tuple[int, ...] | None]:
        def holds(day: int) -> tuple[int, ...] | None:
            best = min(
                ((s, i.number) for s, i in starts if s <= day and _unpaid_at_end_of(i, day - 1)),
                default=None,
            )
            return None if best is None else (best[1],)

        return holds

    grounds: list[tuple[ReleaseGround, int, int]] = [
        (ReleaseGround.UNPAID_THREE_MONTHS, th.judicial_months, 0)
    ]
    if th.guidance_unpaid_months is not None:
        grounds.append(
            (
                ReleaseGround.UNPAID_OVER_THREE_MONTHS,
                th.guidance_unpaid_months + 1,
                th.guidance_since,
            )
        )
    for ground, need, since in grounds:
        holds: Callable[[int], tuple[int, ...] | None]
        if ctx.options.unpaid_counting is UnpaidCounting.INSTALMENTS:

            def holds(day: int, need: int = need) -> tuple[int, ...] | None:
                unpaid = tuple(
                    i.number
                    for i in live
                    if i.effective_due < day and _unpaid_at_end_of(i, day - 1)
                )
                return unpaid if len(unpaid) >= need else None

            candidates = {i.effective_due + 1 for i in late}
        else:
            months = need if ground is ReleaseGround.UNPAID_THREE_MONTHS else need - 1
            starts = [(_add_months(i.effective_due, months) + 1, i) for i in late]
            holds = intervals_holds(starts)
            candidates = {s for s, _ in starts}
        found, ended = _first_or_current(
            candidates | paid_days if lapses else candidates,
            holds,
            until=until,
            since=since,
            lapses=lapses,
        )
        if found is not None and found[0] <= until:
            out.append((ground, found[0], found[1]))
        lapsed += [(ground, a, b) for a, b in ended]
    if th.guidance_late_months is not None and reminders:
        starts = []
        for i in late:
            late_from = _add_months(i.effective_due, th.guidance_late_months) + 1
            earliest = (
                i.effective_due + 1
                if ctx.options.reminder_timing is ReminderTiming.AFTER_DUE
                else late_from
            )
            valid = [r for r in reminders if r >= earliest]
            if valid:
                starts.append((max(late_from, min(valid) + th.cure_days + 1), i))
        found, ended = _first_or_current(
            {s for s, _ in starts} | (paid_days if lapses else set()),
            intervals_holds(starts),
            until=until,
            since=th.guidance_since,
            lapses=lapses,
        )
        if found is not None and found[0] <= until:
            out.append((ReleaseGround.LATE_AFTER_REMINDER, found[0], found[1]))
        lapsed += [(ReleaseGround.LATE_AFTER_REMINDER, a, b) for a, b in ended]
    out.sort(key=lambda r: (r[1], _GROUND_ORDER[r[0]]))
    lapsed.sort(key=lambda r: (r[1], _GROUND_ORDER[r[0]]))
    return out, lapsed


def _rights(
    insts: Sequence[_Inst], reminders: Sequence[int], ctx: _Ctx, *, until: int
) -> list[_Right]:
    """The release rights standing on ``until`` (see :func:`_rights_and_lapses`)."""
    return _rights_and_lapses(insts, reminders, ctx, until=until)[0]


def release_right_dates(
    ledger: CompensationLedger,
    *,
    as_of: object,
    options: LedgerOptions | None = None,
    rulebook: Rulebook | None = None,
) -> dict[ReleaseGround, pendulum.Date]:
    """The date each release right arose, as of ``as_of`` (a shortcut over the full state)."""
    state = evaluate_compensation(ledger, as_of=as_of, options=options, rulebook=rulebook)
    return {r.ground: r.arose_on for r in state.release_rights}


# -- evaluation -------------------------------------------------------------------------------


def _validate(ledger: CompensationLedger, months: int) -> None:
    t = ledger.terms.termination_date
    problems: list[Problem] = []
    for n, p in enumerate(ledger.payments):
        if p.date < t:
            problems.append(
                Problem.of(f"payments[{n}].date", p.date, "a payment before the termination date")
            )
        if p.instalment is not None and not 1 <= p.instalment <= months:
            problems.append(
                Problem.of(f"payments[{n}].instalment", p.instalment, f"not in 1..{months}")
            )
    for n, d in enumerate(ledger.employee_delays):
        if d.until is not None and d.until < d.date:
            problems.append(Problem.of(f"employee_delays[{n}].until", d.until, "before its start"))
    for n, b in enumerate(ledger.breaches):
        if b.until is not None and b.until < b.date:
            problems.append(Problem.of(f"breaches[{n}].until", b.until, "before its start"))
    if problems:
        raise InvalidInputError(problems)


def evaluate_compensation(
    ledger: CompensationLedger,
    *,
    as_of: object,
    options: LedgerOptions | None = None,
    rulebook: Rulebook | None = None,
) -> CompensationState:
    """
    The state of the ledger as of ``as_of``: a fold over the events dated on or before it.

    Raises:
        InvalidInputError: a payment before the termination date, an unknown region,
            a date outside the data's coverage, malformed intervals.
    """
    rb = rulebook if rulebook is not None else default_rulebook()
    opts = options if options is not None else LedgerOptions()
    day = to_date(as_of, path="as_of")
    terms = ledger.terms
    schedule, rows = _schedule(terms, opts, rb)
    _validate(ledger, schedule.months)
    th = _thresholds(rb, terms.termination_date, day)
    ctx = _Ctx(
        terms=terms,
        schedule=schedule,
        options=opts,
        as_of=day.toordinal(),
        rb=rb,
        thresholds=th,
        cite=_Citer(rb),
        lcl_id=_lcl(rb, terms.termination_date, "23.2").id,
    )
    events = [e for e in ledger.events() if e.date <= day]
    t = terms.termination_date
    if terms.activation_reserved and day > t:
        decided = any(isinstance(e, Activation | Waiver) and e.date <= t for e in events)
        ctx = ctx._replace(undecided=not decided)
    delays = [e for e in events if isinstance(e, EmployeeDelay)]
    init = _initial(rows)
    if ctx.undecided and opts.undecided_activation is UndecidedActivation.NOT_STARTED:
        start = t.toordinal() + 1
        init = _end_restriction(init, ctx, start, EndedBy.NOT_ACTIVATED)
        init = init._replace(steps=((start, "ledger.step.not_activated_undecided", {}, (_ART37,)),))
    if delays:
        init = init._replace(insts=tuple(_effective_due(i, ctx, delays) for i in init.insts))
    fold = functools.reduce(functools.partial(_step, ctx), events, init)
    return _state(ctx, fold, day)


def _state(ctx: _Ctx, fold: _Fold, day: pendulum.Date) -> CompensationState:
    rb, terms, schedule, opts, th = ctx.rb, ctx.terms, ctx.schedule, ctx.options, ctx.thresholds
    cite = ctx.cite
    as_of = ctx.as_of
    sched_end = fold.insts[-1].end
    last_restricted = sched_end if fold.release_on is None else fold.release_on - 1
    # an effective rescission ends the restriction on its own day: the right it exercised
    # stood on that day
    rights_until = (
        fold.release_on
        if fold.ended_by is EndedBy.RESCISSION and fold.release_on is not None
        else last_restricted
    )
    rights_raw, lapsed = _rights_and_lapses(
        fold.insts, fold.reminders, ctx, until=min(as_of, rights_until)
    )
    effective_rescission = next((d for d, ok in fold.rescissions if ok), None)
    guidance_cites = cite(*th.guidance_cites) if th.guidance_cites else ()
    rights = tuple(
        ReleaseRight(
            ground=g,
            arose_on=_d(arose),
            instalments=numbers,
            citations=cite(*th.judicial_cites)
            if g is ReleaseGround.UNPAID_THREE_MONTHS
            else guidance_cites,
            exercised_on=_d(effective_rescission)
            if effective_rescission is not None and arose <= effective_rescission
            else None,
        )
        for g, arose, numbers in rights_raw
    )
    # instalment states
    states: list[InstalmentState] = []
    fallen_due = paid_insts = arrears = scheduled_total = 0
    for i in fold.insts:
        outstanding = i.amount - i.paid
        scheduled_total += i.amount
        paid_insts += i.paid
        if i.effective_due <= as_of:
            fallen_due += i.amount
        if i.cancelled:
            status = InstalmentStatus.CANCELLED
        elif outstanding == 0:
            status = (
                InstalmentStatus.PAID
                if i.completed <= i.effective_due
                else InstalmentStatus.PAID_LATE
            )
        elif i.effective_due >= as_of:
            status = InstalmentStatus.DEFERRED if i.deferred_by else InstalmentStatus.NOT_YET_DUE
        else:
            arrears += outstanding
            status = InstalmentStatus.PARTLY_PAID if i.paid else InstalmentStatus.OVERDUE
        states.append(
            InstalmentState(
                number=i.number,
                period_start=_d(i.start),
                period_end=_d(i.end),
                due=_d(i.due),
                effective_due=None if i.effective_due >= _NEVER else _d(i.effective_due),
                scheduled_amount=_money(i.scheduled),
                amount=_money(i.amount),
                paid=_money(i.paid),
                outstanding=_money(outstanding),
                completed_on=None if i.completed >= _NEVER else _d(i.completed),
                status=status,
                deferred_by=i.deferred_by,
            )
        )
    findings: list[Finding] = list(schedule.findings)
    citations: list[Citation] = [*schedule.citations]
    parameters = [*schedule.parameters, *th.params]
    # employer release
    release_state: EmployerReleaseState | None = None
    if fold.employer_release is not None:
        rel_day, negotiated = fold.employer_release
        during = rel_day > terms.termination_date.toordinal()
        extra_due = rel_day + th.release_payment_days if fold.extra_owed else None
        if extra_due is not None and extra_due < as_of:
            arrears += fold.extra_owed - fold.extra_paid
        basis = (
            "negotiated"
            if negotiated is not None
            else ("statutory_extra_months" if fold.extra_owed else "none")
        )
        release_state = EmployerReleaseState(
            date=_d(rel_day),
            during_period=during,
            basis=basis,
            extra_months=th.extra_months if basis == "statutory_extra_months" else None,
            monthly_amount=_money(fold.extra_owed // th.extra_months)
            if basis == "statutory_extra_months"
            else None,
            extra_amount=_money(fold.extra_owed),
            extra_due=_d(extra_due) if extra_due is not None else None,
            paid=_money(fold.extra_paid),
            outstanding=_money(fold.extra_owed - fold.extra_paid),
            citations=cite(*th.extra_cites, f"{_MOHRSS}:18")
            if during and day >= rb.instrument(_MOHRSS).effective
            else cite(*th.extra_cites),
        )
        if (
            negotiated is not None
            and during
            and negotiated < th.extra_months * _monthly_at(fold, rel_day)
        ):
            findings.append(
                Finding(
                    code="ledger.release.negotiated_below_statutory",
                    severity=Severity.MEDIUM,
                    citations=cite(*th.extra_cites),
                    args={
                        "negotiated": _money(negotiated),
                        "statutory": _money(th.extra_months * _monthly_at(fold, rel_day)),
                    },
                )
            )
    # breach
    breach_state: BreachState | None = None
    if fold.breaches:
        breach_state, breach_findings, breach_params = _breach(fold, ctx, day, paid_insts)
        findings += breach_findings
        parameters += breach_params
    # rescissions that had no right behind them
    for rd, ok in fold.rescissions:
        if not ok:
            findings.append(
                Finding(
                    code="ledger.rescission.no_right",
                    severity=Severity.HIGH,
                    citations=cite(*th.judicial_cites),
                    args={"date": _d(rd)},
                    remedies=("ledger.remedy.keep_performing",),
                )
            )
    for ground, arose, gone in lapsed:
        findings.append(
            Finding(
                code="ledger.rights.lapsed",
                severity=Severity.LOW,
                citations=cite(*th.judicial_cites)
                if ground is ReleaseGround.UNPAID_THREE_MONTHS
                else guidance_cites,
                args={
                    "ground": Term(f"ledger.term.ground.{ground.value}"),
                    "arose": _d(arose),
                    "lapsed": _d(gone),
                },
            )
        )
    if ctx.undecided:
        findings.append(
            Finding(
                code="ledger.activation.decision_not_recorded",
                severity=Severity.MEDIUM,
                citations=cite(_ART37),
                args={
                    "termination": terms.termination_date,
                    "reading": Term(f"ledger.term.undecided.{opts.undecided_activation.value}"),
                },
                remedies=("ledger.remedy.record_activation",),
            )
        )
    for code, args in fold.notes:
        findings.append(
            Finding(code=code, severity=Severity.LOW, citations=cite(_POLICY), args=args)
        )
    if rights and effective_rescission is None and fold.release_on is None:
        findings.append(
            Finding(
                code="ledger.rights.unexercised",
                severity=Severity.MEDIUM,
                citations=rights[0].citations,
                args={"date": rights[0].arose_on},
            )
        )
    # timeline
    raw_steps = list(fold.steps)
    lcl_23 = (_lcl_id(ctx),)
    for i in fold.insts:
        overdue_on = i.effective_due + 1
        if (
            not i.cancelled
            and i.amount
            and i.effective_due < _NEVER
            and overdue_on <= as_of
            and i.completed > i.effective_due
        ):
            raw_steps.append(
                (
                    overdue_on,
                    "ledger.step.unpaid",
                    {"n": i.number, "due": _d(i.effective_due), "amount": _money(i.amount)},
                    lcl_23,
                )
            )
    for r in rights:
        raw_steps.append(
            (
                r.arose_on.toordinal(),
                "ledger.step.right_arose",
                {"ground": Term(f"ledger.term.ground.{r.ground.value}")},
                tuple(c.id for c in r.citations),
            )
        )
    if fold.release_on is None and sched_end < as_of:
        raw_steps.append((sched_end, "ledger.step.scheduled_end", {}, (_lcl_id(ctx),)))
    raw_steps.sort(key=lambda s: s[0])
    timeline = tuple(
        TraceStep(
            rule="ledger_fold",
            code=code,
            citations=cite(*cites),
            args=args,
            on=_d(on),
        )
        for on, code, args, cites in raw_steps
    )
    free_since = fold.release_on if fold.release_on is not None else sched_end + 1
    bound = terms.termination_date.toordinal() < as_of < free_since
    citations += [c for r in rights for c in r.citations]
    if release_state is not None:
        citations += release_state.citations
    if breach_state is not None:
        citations += breach_state.citations
    return CompensationState(
        agreement_id=terms.agreement_id,
        as_of=day,
        options=opts,
        termination_date=terms.termination_date,
        restriction_start=schedule.restriction_start,
        scheduled_end=_d(sched_end),
        restriction_end=_d(last_restricted)
        if last_restricted > terms.termination_date.toordinal()
        else None,
        ended_by=fold.ended_by,
        bound=bound,
        free_since=_d(free_since) if free_since <= as_of else None,
        instalments=tuple(states),
        total_scheduled=_money(scheduled_total),
        total_fallen_due=_money(fallen_due),
        total_paid=_money(paid_insts + fold.extra_paid + fold.unallocated),
        arrears=_money(arrears),
        unallocated=_money(fold.unallocated),
        release_rights=rights,
        employer_release=release_state,
        breach=breach_state,
        timeline=timeline,
        findings=tuple(findings),
        citations=tuple(dict.fromkeys(citations)),
        parameters=tuple(parameters),
    )


def _monthly_at(fold: _Fold, day: int) -> int:
    for inst in fold.insts:
        if day <= inst.end:
            return inst.scheduled
    return fold.insts[-1].scheduled


def _breach(
    fold: _Fold, ctx: _Ctx, day: pendulum.Date, paid_insts: int
) -> tuple[BreachState, list[Finding], list[ParameterValue]]:
    rb, terms, cite = ctx.rb, ctx.terms, ctx.cite
    findings: list[Finding] = []
    params: list[ParameterValue] = []
    if ctx.options.breach_return is BreachReturn.ALL_PAID:
        to_return = paid_insts
    else:
        to_return = 0
        for i in fold.insts:
            for start, until in fold.breaches:
                end = until if until is not None else ctx.as_of
                if i.start <= end and start <= i.end:
                    to_return += i.paid
                    break
    interp2 = rb.instrument(_INTERP2)
    cites = [f"{_INTERP2}:15", _ART40, _lcl_id(ctx)]
    if day < interp2.effective:
        findings.append(
            Finding(
                code="ledger.breach.interp2_not_in_force",
                severity=Severity.INFO,
                citations=cite(f"{_INTERP2}:15"),
                args={"effective": interp2.effective},
            )
        )
    if terms.penalty is None:
        findings.append(
            Finding(
                code="ledger.breach.no_penalty_agreed",
                severity=Severity.INFO,
                citations=(_lcl(rb, terms.termination_date, "23.2"),),
            )
        )
    else:
        try:
            multiple = _param(rb, "noncompete.guidance_max_penalty_multiple", as_of=day)
        except LookupError:
            multiple = None
        if multiple is not None:
            params.append(multiple)
            cap = Money.from_fen(sum(i.scheduled for i in fold.insts)) * multiple.as_decimal()
            if terms.penalty > cap:
                findings.append(
                    Finding(
                        code="ledger.breach.penalty_above_guidance",
                        severity=Severity.MEDIUM,
                        citations=multiple.citations,
                        args={"penalty": terms.penalty, "cap": cap.round_fen()},
                    )
                )
    if fold.penalty_paid:
        findings.append(
            Finding(
                code="ledger.breach.penalty_does_not_end_duty",
                severity=Severity.HIGH,
                citations=cite(_ART40),
                args={"paid": _money(fold.penalty_paid)},
            )
        )
    last_restricted = fold.insts[-1].end if fold.release_on is None else fold.release_on - 1
    state = BreachState(
        periods=tuple((_d(s), _d(u) if u is not None else None) for s, u in fold.breaches),
        compensation_to_return=_money(to_return),
        penalty_claimable=terms.penalty,
        penalty_paid=_money(fold.penalty_paid),
        duty_continues=ctx.as_of <= last_restricted,
        citations=cite(*cites),
    )
    return state, findings, params
