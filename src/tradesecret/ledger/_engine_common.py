"""Shared pieces of the object path: integer rows of the fold, context, parameters, dates."""

from __future__ import annotations

import bisect
import calendar
import datetime as _dt
import functools
from collections.abc import Callable
from typing import Final, NamedTuple

import pendulum

from tradesecret.exceptions import (
    InvalidInputError,
    OutOfCoverageError,
    ParameterNotFoundError,
    TradeSecretError,
)
from tradesecret.law import Citation
from tradesecret.ledger.model import (
    LedgerOptions,
    LedgerTerms,
)
from tradesecret.ledger.state import (
    CompensationSchedule,
    EndedBy,
)
from tradesecret.money import Money
from tradesecret.rulebook import ParameterValue, Rulebook

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


_NO_PARAMETER: Final = "no parameter in force on this day"


def _lookup_failed(exc: LookupError, path: str, value: object) -> InvalidInputError:
    """A failed parameter lookup as an input error at ``path`` (its template and parameters kept)."""
    problems = exc.problems if isinstance(exc, TradeSecretError) else ()
    if problems:
        return InvalidInputError(p.at(path) for p in problems)  # template: passed through
    return InvalidInputError.single(path, value, _NO_PARAMETER)


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
        raise _lookup_failed(exc, "termination_date", t) from None
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


def _lcl_id(ctx: _Ctx) -> str:
    return ctx.lcl_id


def _monthly_at(fold: _Fold, day: int) -> int:
    for inst in fold.insts:
        if day <= inst.end:
            return inst.scheduled
    return fold.insts[-1].scheduled
