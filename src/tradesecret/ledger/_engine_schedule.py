"""The schedule of the object path: periods, due dates, amounts (agreed or the Art. 36 default)."""

from __future__ import annotations

import calendar
import datetime as _dt
from collections.abc import Sequence

import pendulum

from tradesecret.exceptions import (
    InvalidInputError,
    Problem,
)
from tradesecret.law import Citation
from tradesecret.ledger._engine_common import (
    _DAYS_IN_MONTH,
    _NEVER,
    _d,
    _fen,
    _Inst,
    _lcl,
    _lookup_failed,
    _money,
    _param,
    _series_in_force,
)
from tradesecret.ledger.model import (
    DueConvention,
    LedgerOptions,
    LedgerTerms,
    MinimumWageMonth,
)
from tradesecret.ledger.rules import default_share_fen, fraction, period_fits
from tradesecret.ledger.state import (
    CompensationSchedule,
    Instalment,
)
from tradesecret.money import Money
from tradesecret.results import Finding, Severity
from tradesecret.rulebook import ParameterValue, Rulebook


def _periods(t: pendulum.Date, months: int) -> list[tuple[int, int]]:
    """
    Month by month from the day after termination, each month's last day computed from the
    termination date (month_periods' rule), as (first, last) day ordinals.
    """
    periods: list[tuple[int, int]] = []
    first = t.toordinal() + 1
    year, month, corresponding = t.year, t.month, t.day
    for _ in range(months):  # _add_months(t, i + 1), month after month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        days = _DAYS_IN_MONTH[month] if month != 2 or not calendar.isleap(year) else 29
        last = _dt.date(year, month, min(corresponding, days)).toordinal()
        periods.append((first, last))
        first = last + 1
    return periods


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
        raise _lookup_failed(exc, "termination_date", t) from None
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
    periods = _periods(t, months)
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
        raise _lookup_failed(exc, "termination_date", t) from None
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
        raise _lookup_failed(exc, "region", terms.region) from None
    at_start = opts.minimum_wage_month is MinimumWageMonth.PERIOD_START
    last_value: ParameterValue | None = None
    last_amount: tuple[int, str, Money | None] = (0, "", None)
    for first, last in periods:
        ref = first if at_start else last
        found = minimum_wage_on(ref)
        if found is None:
            problems.append(
                Problem.of(
                    "region",
                    terms.region,
                    "no minimum wage in force on {day}",
                    day=_d(ref).isoformat(),
                )
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
