"""
Dates, legal periods and deadlines.

Every date in the domain is a :class:`pendulum.Date`. Boundaries accept a
``pendulum.Date``, a ``datetime.date`` or an ISO ``YYYY-MM-DD`` string; a
``datetime`` where a date is meant is rejected, so a date-only legal fact never
silently loses a time zone. Nothing here reads the clock.

The period rule (stated once, used everywhere)
==============================================

PRC Civil Code (民法典) arts. 201--204 and Civil Procedure Law 2023 art. 85:

1. **The start day is not counted** (art. 201(1); CPL art. 85(2)): a period of
   *N* days or months "from" day *D* begins on *D + 1*.
2. **A month or year period ends on the corresponding day** of the last month;
   where that month has no corresponding day, on its **last day** (art. 202).
   So one month from 31 January ends on 28 (or 29) February, and one month from
   28 February ends on 28 March -- not 31 March. The rule is applied from the
   original day each time (never chained), so it never drifts.
3. **A deadline whose last day is a statutory rest day** moves to the first day
   after the rest days (art. 203(1); CPL art. 85(3)). This applies to
   *deadlines for doing something* (:func:`deadline`), not to the length of a
   restriction such as a non-compete term (:func:`term_end`): art. 204 lets
   the parties agree otherwise, and a restriction's end is not an act to be
   performed. Rest days come from a :class:`Calendar`; the default
   :class:`ChinaCalendar` uses the maintained ``holidays`` package, which knows
   the State Council's make-up working days (调休).
4. **Hour periods count in hours** in ``Asia/Shanghai`` (:func:`hours_after`).

Examples:
    >>> from tradesecret.dates import term_end, to_date
    >>> term_end(to_date("2025-01-31"), months=1)
    Date(2025, 2, 28)
    >>> term_end(to_date("2024-01-31"), months=1)
    Date(2024, 2, 29)
    >>> term_end(to_date("2025-02-28"), months=1)
    Date(2025, 3, 28)
"""

from __future__ import annotations

import calendar as calendar_module
import datetime as _dt
import enum
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Final, Protocol, runtime_checkable

import attrs
import pendulum

from tradesecret.exceptions import InvalidInputError, json_kind

__all__ = [
    "SHANGHAI",
    "Calendar",
    "ChinaCalendar",
    "Date",
    "DateTime",
    "HourCounting",
    "MonthPeriod",
    "deadline",
    "hours_after",
    "month_periods",
    "roll_forward",
    "term_end",
    "to_date",
    "to_datetime",
]

Date = pendulum.Date
DateTime = pendulum.DateTime

_ISO_DATE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$")

_LAST_DATE: Final = pendulum.Date(9999, 12, 31)

#: The time zone in which hour periods are counted.
SHANGHAI: Final = pendulum.timezone("Asia/Shanghai")


def to_date(value: object, *, path: str = "date") -> pendulum.Date:
    """
    Convert a boundary value to a :class:`pendulum.Date`.

    Accepts ``pendulum.Date``, ``datetime.date`` and ISO ``YYYY-MM-DD`` text.

    Raises:
        InvalidInputError: for a ``datetime`` (a date is meant), malformed or
            impossible dates such as ``"2025-02-30"``, or any other type.
    """
    if isinstance(value, _dt.datetime):
        raise InvalidInputError.single(
            path, value, "a datetime was given where a date is meant; pass a date"
        )
    if isinstance(value, pendulum.Date):
        return value
    if isinstance(value, _dt.date):
        return pendulum.Date(value.year, value.month, value.day)
    if isinstance(value, str):
        text = value.strip()
        if not _ISO_DATE.match(text):  # one spelling only: no week dates, no compact forms
            raise InvalidInputError.single(path, value, "not a valid ISO date (YYYY-MM-DD)")
        try:
            parsed = _dt.date.fromisoformat(text)
        except ValueError:
            raise InvalidInputError.single(
                path, value, "not a valid ISO date (YYYY-MM-DD)"
            ) from None
        return pendulum.Date(parsed.year, parsed.month, parsed.day)
    raise InvalidInputError.single(
        path, value, "expected a date or ISO date string, got {got}", got=json_kind(value)
    )


def to_datetime(value: object, *, path: str = "datetime") -> pendulum.DateTime:
    """
    Convert a boundary value to an aware :class:`pendulum.DateTime` in ``Asia/Shanghai``.

    Accepts aware ``datetime`` objects and ISO 8601 text **with an offset**
    (``2025-03-01T10:00:00+08:00``). A naive time is rejected rather than
    guessed: the 48-hour rule runs in Beijing time and a missing offset is
    exactly the kind of silent default the library refuses.
    """
    if isinstance(value, str):
        try:
            parsed = _dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise InvalidInputError.single(path, value, "not a valid ISO 8601 datetime") from None
        value = parsed
    if not isinstance(value, _dt.datetime):
        raise InvalidInputError.single(
            path, value, "expected an aware datetime, got {got}", got=json_kind(value)
        )
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInputError.single(
            path, value, "a datetime needs a time zone or offset (e.g. +08:00)"
        )
    try:
        return pendulum.instance(value).in_timezone(SHANGHAI)
    except (OverflowError, ValueError):
        raise InvalidInputError.single(path, value, _PAST_RANGE) from None


_PAST_RANGE: Final = "outside the supported dates (0001-01-01 to 9999-12-31)"
_PAST_END: Final = "the period would run past 9999-12-31, the last supported date"


def term_end(
    start: pendulum.Date | _dt.date | str, *, years: int = 0, months: int = 0, days: int = 0
) -> pendulum.Date:
    """
    Last day of a period of the given length that runs from the day after ``start``.

    Implements Civil Code arts. 201(1) and 202 (see the module docstring). Mixed
    units are applied largest first, each from ``start``: years and months by the
    corresponding-day rule, then days.

    Legal basis:
        civil-code@2020-05-28:201.1, civil-code@2020-05-28:202
    """
    day = to_date(start, path="start")
    _non_negative(years=years, months=months, days=days)
    total_months = years * 12 + months
    if total_months > 12 * 10_000 or days > 366 * 10_000:
        raise InvalidInputError.single("start", day, _PAST_END)
    try:
        end = day.add(months=total_months) if total_months else day
        return end.add(days=days) if days else end
    except (OverflowError, ValueError):
        raise InvalidInputError.single("start", day, _PAST_END) from None


def _non_negative(**values: int) -> None:
    problems: list[tuple[str, object]] = [
        (name, v) for name, v in values.items() if isinstance(v, bool) or not isinstance(v, int)
    ]
    problems += [(name, v) for name, v in values.items() if isinstance(v, int) and v < 0]
    if problems:
        raise InvalidInputError.single(
            problems[0][0], problems[0][1], "a period length must be a non-negative int"
        )


@runtime_checkable
class Calendar(Protocol):
    """Tells which days are statutory rest days. Supply your own to override the default."""

    def is_rest_day(self, day: pendulum.Date) -> bool:
        """True on a weekend that is not a make-up working day, or on a statutory holiday."""
        ...

    def officially_published(self, year: int) -> bool:
        """True when the year's holiday arrangement is known from an official notice."""
        ...


@lru_cache(maxsize=256)
def _china_year(year: int) -> tuple[frozenset[_dt.date], frozenset[_dt.date]]:
    """(rest days, working weekend days) of one year, computed once per year."""
    import holidays  # noqa: PLC0415 - imported lazily: it is large and only calendars need it

    cal = holidays.country_holidays("CN", years=year)
    start = _dt.date(year, 1, 1)
    rest: set[_dt.date] = set()
    working_weekend: set[_dt.date] = set()
    for offset in range(366 if calendar_module.isleap(year) else 365):
        day = start + _dt.timedelta(days=offset)
        working = bool(cal.is_working_day(day))
        if not working:
            rest.add(day)
        elif day.weekday() >= 5:
            working_weekend.add(day)
    return frozenset(rest), frozenset(working_weekend)


@lru_cache(maxsize=1)
def _china_last_official_year() -> int:
    try:
        from holidays.countries.china import ChinaStaticHolidays  # noqa: PLC0415
    except ImportError:  # pragma: no cover - defensive against a package reorganisation
        return 0
    years = getattr(ChinaStaticHolidays, "special_public_holidays", {})
    return max(years) if years else 0


@attrs.frozen
class ChinaCalendar:
    """
    Mainland China's statutory rest days, from the maintained ``holidays`` package.

    Weekends are rest days unless the State Council made them working days
    (调休); statutory holidays and their bridge days are rest days. For a year
    whose arrangement has not been published, ``holidays`` computes the fixed
    festivals only; :meth:`officially_published` says so and
    :func:`deadline` reports it.
    """

    def is_rest_day(self, day: pendulum.Date) -> bool:
        """True on a statutory rest day."""
        rest, _ = _china_year(day.year)
        return _dt.date(day.year, day.month, day.day) in rest

    def officially_published(self, year: int) -> bool:
        """True when the package knows the official arrangement (调休) for ``year``."""
        return year <= _china_last_official_year()


def roll_forward(day: pendulum.Date | _dt.date | str, calendar: Calendar) -> pendulum.Date:
    """The first day on or after ``day`` that is not a rest day (Civil Code art. 203(1))."""
    current = day = to_date(day, path="day")
    for _ in range(60):  # the longest run of rest days in any year is far below this
        if not calendar.is_rest_day(current):
            return current
        if current == _LAST_DATE:
            raise InvalidInputError.single("deadline", day, _PAST_END)
        current = current.add(days=1)
    msg = f"calendar reports more than 60 consecutive rest days from {day}"
    raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Deadline:
    """
    A computed deadline.

    Attributes:
        nominal: The last day by the plain period rule.
        due: ``nominal`` moved past statutory rest days (equal when not a rest day).
        rolled: True when the rest-day rule moved it.
        calendar_official: False when ``due`` falls in a year whose official
            holiday arrangement the calendar does not know yet.
    """

    nominal: pendulum.Date
    due: pendulum.Date
    rolled: bool
    calendar_official: bool


def deadline(
    start: pendulum.Date | _dt.date | str,
    *,
    days: int = 0,
    months: int = 0,
    calendar: Calendar | None = None,
) -> Deadline:
    """
    A deadline for doing something, *N* days or months after ``start``.

    The start day is not counted; a month period ends on the corresponding day
    or the month end; a last day that is a statutory rest day moves to the next
    working day.

    Legal basis:
        civil-code@2020-05-28:201.1, civil-code@2020-05-28:202,
        civil-code@2020-05-28:203.1, cpl@2023-09-01:85

    Examples:
        >>> from tradesecret.dates import deadline, to_date
        >>> d = deadline(to_date("2025-09-30"), days=1)   # 1 October is National Day
        >>> (str(d.nominal), str(d.due), d.rolled)
        ('2025-10-01', '2025-10-09', True)
    """
    cal = calendar if calendar is not None else ChinaCalendar()
    nominal = term_end(start, months=months, days=days)
    due = roll_forward(nominal, cal)
    return Deadline(
        nominal=nominal,
        due=due,
        rolled=due != nominal,
        calendar_official=cal.officially_published(due.year),
    )


class HourCounting(enum.Enum):
    """
    How an hour period starts.

    CPL art. 85(2) says the starting hour is not counted; Civil Code art. 201(2)
    counts hour periods from the time set by law. Courts announce the 48-hour
    rule from the moment of acceptance, so ``EXACT`` (the earlier, safer
    deadline) is the default; ``FROM_NEXT_HOUR`` gives the other reading.
    """

    EXACT = "exact"
    FROM_NEXT_HOUR = "from_next_hour"


def hours_after(
    moment: pendulum.DateTime | _dt.datetime | str,
    hours: int,
    *,
    counting: HourCounting = HourCounting.EXACT,
) -> pendulum.DateTime:
    """
    The moment ``hours`` hours after ``moment``, in ``Asia/Shanghai``.

    Legal basis:
        cpl@2023-09-01:85, civil-code@2020-05-28:201.2

    Examples:
        >>> from tradesecret.dates import hours_after, to_datetime
        >>> str(hours_after(to_datetime("2024-03-01T10:25:00+08:00"), 48))
        '2024-03-03 10:25:00+08:00'
    """
    local = to_datetime(moment, path="moment")
    _non_negative(hours=hours)
    if not isinstance(counting, HourCounting):
        raise InvalidInputError.single(
            "counting",
            counting,
            "expected one of {allowed}",
            allowed=[c.value for c in HourCounting],
        )
    try:
        if counting is HourCounting.FROM_NEXT_HOUR and (
            local.minute or local.second or local.microsecond
        ):
            local = local.set(minute=0, second=0, microsecond=0).add(hours=1)
        end = local.add(hours=hours)
        if end.year > _LAST_DATE.year:
            raise OverflowError
    except (OverflowError, ValueError):
        raise InvalidInputError.single("moment", local.isoformat(), _PAST_END) from None
    return end


@attrs.frozen(kw_only=True)
class MonthPeriod:
    """
    The *index*-th month (0-based) of a period that runs from the day after ``start``.

    Attributes:
        index: 0 for the first month.
        first_day: First day of this month of the period.
        last_day: Last day, by the corresponding-day rule applied from ``start``.
    """

    index: int
    first_day: pendulum.Date
    last_day: pendulum.Date


def month_periods(start: pendulum.Date | _dt.date | str, months: int) -> tuple[MonthPeriod, ...]:
    """
    Split a period of ``months`` months running from the day after ``start``.

    Each month's last day is ``term_end(start, months=i + 1)``; the next month
    starts the day after. Computed from ``start`` each time, so 31 January gives
    28 February, 31 March, 30 April... and never drifts to the 28th.

    Examples:
        >>> from tradesecret.dates import month_periods, to_date
        >>> [(str(p.first_day), str(p.last_day)) for p in month_periods(to_date("2025-01-31"), 3)]
        [('2025-02-01', '2025-02-28'), ('2025-03-01', '2025-03-31'), ('2025-04-01', '2025-04-30')]
    """
    day = to_date(start, path="start")
    _non_negative(months=months)
    term_end(day, months=months)  # refuses a period that would run past the last date
    return tuple(_iter_month_periods(day, months))


def _iter_month_periods(start: pendulum.Date, months: int) -> Iterator[MonthPeriod]:
    # Each first day is the day after the previous last day (never past the period's end:
    # no period at all starts after 9999-12-31).
    previous = start
    for i in range(months):
        last = term_end(start, months=i + 1)
        yield MonthPeriod(index=i, first_day=previous.add(days=1), last_day=last)
        previous = last
