"""The period rule: Civil Code arts. 201-204, CPL art. 85."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradesecret import (
    InvalidInputError,
    deadline,
    hours_after,
    month_periods,
    term_end,
    to_date,
    to_datetime,
)
from tradesecret.dates import ChinaCalendar, HourCounting

dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)).map(to_date)


class TestToDate:
    def test_accepts_date_and_iso_text(self) -> None:
        """datetime.date and ISO text become pendulum dates."""
        assert pendulum.Date(2025, 9, 1) == to_date(dt.date(2025, 9, 1)) == to_date("2025-09-01")

    @pytest.mark.parametrize(
        "bad", ["2025-02-30", "2025-13-01", "20250901", "2025-W01-1", "", 20250901]
    )
    def test_impossible_or_malformed_dates(self, bad: object) -> None:
        """Impossible and malformed dates are input errors naming the field."""
        with pytest.raises(InvalidInputError) as info:
            to_date(bad, path="termination_date")
        assert "termination_date" == info.value.field

    def test_datetime_where_a_date_is_meant(self) -> None:
        """A datetime is rejected rather than truncated."""
        with pytest.raises(InvalidInputError, match="datetime"):
            to_date(dt.datetime(2025, 9, 1, 10, 0, tzinfo=dt.UTC))

    def test_naive_datetime_rejected(self) -> None:
        """Hour periods need an offset; a naive time is not guessed."""
        with pytest.raises(InvalidInputError, match="offset"):
            to_datetime("2025-09-01T10:00:00")
        assert 8 * 3600 == to_datetime("2025-09-01T02:00:00+00:00").utcoffset().total_seconds()  # type: ignore[union-attr]


class TestTermEnd:
    @pytest.mark.parametrize("year", [2023, 2024, 2100])
    def test_every_month_end_plus_one_month(self, year: int) -> None:
        """From each month's last day, one month ends on the next month's corresponding day or its last day."""
        for month in range(1, 13):
            last = calendar.monthrange(year, month)[1]
            start = pendulum.Date(year, month, last)
            end = term_end(start, months=1)
            ny, nm = (year + 1, 1) if month == 12 else (year, month + 1)
            expected_day = min(last, calendar.monthrange(ny, nm)[1])
            assert pendulum.Date(ny, nm, expected_day) == end

    @pytest.mark.parametrize(
        ("start", "kwargs", "expected"),
        [
            ("2025-01-31", {"months": 1}, "2025-02-28"),
            ("2024-01-31", {"months": 1}, "2024-02-29"),
            ("2024-02-29", {"years": 1}, "2025-02-28"),
            ("2025-02-28", {"months": 1}, "2025-03-28"),
            ("2025-08-31", {"months": 6}, "2026-02-28"),
            ("2025-03-31", {"months": 24}, "2027-03-31"),
            ("2025-09-30", {"days": 30}, "2025-10-30"),
        ],
    )
    def test_corresponding_day_rule(
        self, start: str, kwargs: dict[str, int], expected: str
    ) -> None:
        """Civil Code art. 202: corresponding day, else the month's last day."""
        assert to_date(expected) == term_end(to_date(start), **kwargs)

    def test_negative_length_rejected(self) -> None:
        """A negative period is an input error."""
        with pytest.raises(InvalidInputError):
            term_end(to_date("2025-01-01"), months=-1)

    @given(dates, st.integers(min_value=0, max_value=48))
    def test_never_drifts(self, start: pendulum.Date, months: int) -> None:
        """The end day is the start day, or the month's last day when the start day does not exist."""
        end = term_end(start, months=months)
        days_in_month = calendar.monthrange(end.year, end.month)[1]
        assert end.day == min(start.day, days_in_month)
        assert (end.year - start.year) * 12 + end.month - start.month == months

    @given(dates, st.integers(min_value=0, max_value=47))
    def test_monotonic(self, start: pendulum.Date, months: int) -> None:
        """A longer period never ends earlier."""
        assert term_end(start, months=months) < term_end(start, months=months + 1)


class TestMonthPeriods:
    def test_from_month_end(self) -> None:
        """Monthly periods from 31 January track each month's end."""
        periods = month_periods(to_date("2025-01-31"), 4)
        assert [
            ("2025-02-01", "2025-02-28"),
            ("2025-03-01", "2025-03-31"),
            ("2025-04-01", "2025-04-30"),
            ("2025-05-01", "2025-05-31"),
        ] == [(p.first_day.to_date_string(), p.last_day.to_date_string()) for p in periods]

    @given(dates, st.integers(min_value=1, max_value=24))
    def test_contiguous_and_complete(self, start: pendulum.Date, months: int) -> None:
        """Periods tile the term: no gap, no overlap, ending on term_end."""
        periods = month_periods(start, months)
        assert start.add(days=1) == periods[0].first_day
        for a, b in itertools.pairwise(periods):
            assert a.last_day.add(days=1) == b.first_day
            assert a.first_day <= a.last_day
        assert term_end(start, months=months) == periods[-1].last_day


class TestDeadline:
    def test_national_day_rolls_to_first_working_day(self) -> None:
        """A last day in Golden Week 2025 moves to 9 October (8 October is a bridge rest day)."""
        d = deadline(to_date("2025-09-25"), days=6)
        assert (to_date("2025-10-01"), to_date("2025-10-09"), True) == (d.nominal, d.due, d.rolled)

    def test_make_up_working_sunday_does_not_roll(self) -> None:
        """Sunday 28 September 2025 was a make-up working day (调休): no roll."""
        d = deadline(to_date("2025-09-27"), days=1)
        assert (to_date("2025-09-28"), False) == (d.due, d.rolled)

    def test_weekend_rolls_to_monday(self) -> None:
        """An ordinary Saturday moves to Monday."""
        d = deadline(to_date("2025-11-14"), days=1)
        assert to_date("2025-11-17") == d.due

    def test_spring_festival_2026(self) -> None:
        """A last day on Spring Festival 2026 (17 February) moves past the holiday."""
        d = deadline(to_date("2026-02-16"), days=1)
        assert d.due > to_date("2026-02-17")
        assert not ChinaCalendar().is_rest_day(d.due)

    def test_unpublished_year_is_flagged(self) -> None:
        """A deadline in a year without a published arrangement says so."""
        assert deadline(to_date("2099-03-01"), days=10).calendar_official is False
        assert deadline(to_date("2025-03-01"), days=10).calendar_official is True

    def test_custom_calendar(self) -> None:
        """A caller's calendar replaces the default."""

        class NoRestDays:
            def is_rest_day(self, day: pendulum.Date) -> bool:
                return False

            def officially_published(self, year: int) -> bool:
                return True

        assert (
            to_date("2025-10-01")
            == deadline(to_date("2025-09-30"), days=1, calendar=NoRestDays()).due
        )


class TestHours:
    def test_48_hours_exact(self) -> None:
        """48 hours from 10:25 on 1 March end at 10:25 on 3 March, Beijing time."""
        start = to_datetime("2024-03-01T10:25:00+08:00")
        assert to_datetime("2024-03-03T10:25:00+08:00") == hours_after(start, 48)

    def test_from_next_hour_reading(self) -> None:
        """The alternative reading starts at the next full hour."""
        start = to_datetime("2024-03-01T10:25:00+08:00")
        assert to_datetime("2024-03-03T11:00:00+08:00") == hours_after(
            start, 48, counting=HourCounting.FROM_NEXT_HOUR
        )

    def test_utc_input_counts_in_shanghai(self) -> None:
        """A UTC moment is converted; the end is reported in UTC+8."""
        end = hours_after(to_datetime("2024-02-28T20:00:00+00:00"), 48)
        assert "2024-03-02T04:00:00+08:00" == end.isoformat()


class TestEndOfTime:
    @pytest.mark.parametrize(
        "call",
        [
            lambda: term_end(to_date("9999-12-31"), months=1),
            lambda: term_end(to_date("9999-12-31"), days=1),
            lambda: month_periods(to_date("9999-06-30"), 12),
        ],
    )
    def test_periods_past_9999_are_input_errors(self, call: object) -> None:
        """A period that would end after 9999-12-31 is an InvalidInputError, not a ValueError."""
        with pytest.raises(InvalidInputError, match="9999-12-31"):
            call()  # type: ignore[operator]

    def test_no_month_periods_from_the_last_day(self) -> None:
        """Zero months from 9999-12-31 is no period (found by the fuzz run: it overflowed
        computing a first day after the last date); six months from 9999-06-30 run to the
        corresponding day, 9999-12-30."""
        assert () == month_periods(to_date("9999-12-31"), 0)
        periods = month_periods(to_date("9999-06-30"), 6)
        assert (to_date("9999-12-01"), to_date("9999-12-30")) == (
            periods[-1].first_day,
            periods[-1].last_day,
        )

    def test_deadline_in_the_last_days(self) -> None:
        """A deadline on the last representable day (a Friday, a working day) lands on it."""
        d = deadline(to_date("9999-12-30"), days=1)
        assert (to_date("9999-12-31"), False, False) == (d.due, d.rolled, d.calendar_official)

    def test_rolling_past_the_last_day_is_an_input_error(self) -> None:
        """A last day that is a rest day at the very end of time cannot roll: an input error."""

        class AllRest:
            def is_rest_day(self, day: pendulum.Date) -> bool:
                return True

            def officially_published(self, year: int) -> bool:
                return True

        with pytest.raises(InvalidInputError, match="9999-12-31"):
            deadline(to_date("9999-12-29"), days=1, calendar=AllRest())
