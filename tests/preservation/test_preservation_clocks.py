"""The clocks of a conduct-preservation matter, at every boundary."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradesecret import InvalidInputError, explain, to_date, to_datetime
from tradesecret.dates import ChinaCalendar, HourCounting
from tradesecret.preservation import (
    Actor,
    ClockKind,
    ClockStatus,
    ContinuationWindow,
    PreservationDates,
    RestDayRule,
    Stage,
    Timetable,
    preservation_deadlines,
)
from tradesecret.serialization import from_json, to_json

ACCEPTED = "2024-03-01T10:25:00+08:00"


def ids(clock_citations: object) -> list[str]:
    return [c.id for c in clock_citations]  # type: ignore[attr-defined]


def pre(**kw: object) -> PreservationDates:
    return PreservationDates(stage=Stage.PRE_SUIT, **kw)  # type: ignore[arg-type]


class TestRuling48Hours:
    def test_due_exactly_48_hours_after_acceptance(self) -> None:
        """The ruling is due 48 hours to the minute after acceptance, in Beijing time."""
        t = preservation_deadlines(pre(accepted_at=ACCEPTED), as_of="2024-03-01")
        c = t.clock(ClockKind.RULING)

        assert pendulum.parse("2024-03-03T10:25:00+08:00") == c.due_at
        assert Actor.COURT == c.actor
        assert ClockStatus.PENDING == c.status
        assert ["cpl@2023-09-01:104", "spc-ts@2020-09-10:15", "cpl@2023-09-01:85"] == ids(
            c.citations
        )

    def test_ruling_at_the_48th_hour_is_in_time(self) -> None:
        """A ruling at exactly 48:00 hours meets the deadline."""
        t = preservation_deadlines(
            pre(accepted_at=ACCEPTED, ruled_at="2024-03-03T10:25:00+08:00"), as_of="2024-03-05"
        )

        assert ClockStatus.MET == t.clock(ClockKind.RULING).status
        assert frozenset() == t.codes()

    def test_ruling_one_minute_late_is_overdue(self) -> None:
        """A ruling at 48 hours and one minute is overdue, and a finding says so."""
        t = preservation_deadlines(
            pre(accepted_at=ACCEPTED, ruled_at="2024-03-03T10:26:00+08:00"), as_of="2024-03-05"
        )

        assert ClockStatus.OVERDUE == t.clock(ClockKind.RULING).status
        f = t.findings[0]
        assert "preservation.clock.ruling_overdue" == f.code
        assert "2024-03-03 10:25 (UTC+8)" == f.arg("due_at")

    def test_other_offsets_are_counted_in_shanghai(self) -> None:
        """Acceptance given in UTC gives the same Beijing deadline."""
        t = preservation_deadlines(pre(accepted_at="2024-03-01T02:25:00Z"), as_of="2024-03-01")

        assert "2024-03-03T10:25:00+08:00" == t.clock(ClockKind.RULING).due_at.isoformat()  # type: ignore[union-attr]

    def test_from_next_hour_reading(self) -> None:
        """Not counting the starting hour moves the deadline to the next full hour plus 48."""
        t = preservation_deadlines(
            pre(accepted_at=ACCEPTED, ruled_at="2024-03-03T10:59:00+08:00"),
            as_of="2024-03-05",
            hour_counting=HourCounting.FROM_NEXT_HOUR,
        )
        c = t.clock(ClockKind.RULING)

        assert "2024-03-03T11:00:00+08:00" == c.due_at.isoformat()  # type: ignore[union-attr]
        assert ClockStatus.MET == c.status

    def test_hours_run_through_holidays(self) -> None:
        """The 48 hours do not stop for National Day: an hour period has no last day to move."""
        t = preservation_deadlines(pre(accepted_at="2024-09-30T16:00:00+08:00"), as_of="2024-09-30")

        assert "2024-10-02T16:00:00+08:00" == t.clock(ClockKind.RULING).due_at.isoformat()  # type: ignore[union-attr]

    @pytest.mark.parametrize(
        ("as_of", "expected"),
        [("2024-03-03", ClockStatus.PENDING), ("2024-03-04", ClockStatus.OVERDUE)],
    )
    def test_status_by_day_without_a_ruling(self, as_of: str, expected: ClockStatus) -> None:
        """Without a ruling, the clock is overdue from the day after the due day."""
        t = preservation_deadlines(pre(accepted_at=ACCEPTED), as_of=as_of)

        assert expected == t.clock(ClockKind.RULING).status

    @pytest.mark.parametrize(
        ("as_at", "expected"),
        [
            ("2024-03-03T10:25:00+08:00", ClockStatus.PENDING),
            ("2024-03-03T10:26:00+08:00", ClockStatus.OVERDUE),
        ],
    )
    def test_status_to_the_minute(self, as_at: str, expected: ClockStatus) -> None:
        """With ``as_at``, the status flips one minute after the 48th hour."""
        t = preservation_deadlines(
            pre(accepted_at=ACCEPTED),
            as_of="2024-03-03",
            as_at=pendulum.parse(as_at),  # type: ignore[arg-type]
        )

        assert expected == t.clock(ClockKind.RULING).status

    def test_in_suit_not_urgent_has_no_48_hour_clock(self) -> None:
        """An in-suit application that is not urgent has no statutory 48-hour ruling."""
        t = preservation_deadlines(
            PreservationDates(stage=Stage.IN_SUIT, accepted_at=ACCEPTED), as_of="2024-03-01"
        )

        assert () == t.clocks

    def test_in_suit_urgent_rests_on_art_103(self) -> None:
        """An urgent in-suit application is ruled within 48 hours under CPL Art. 103."""
        t = preservation_deadlines(
            PreservationDates(stage=Stage.IN_SUIT, urgent=True, accepted_at=ACCEPTED),
            as_of="2024-03-01",
        )

        assert ["cpl@2023-09-01:103", "cpl@2023-09-01:85"] == ids(
            t.clock(ClockKind.RULING).citations
        )

    def test_2023_acceptance_cites_the_2021_cpl(self) -> None:
        """Before 2024 the CPL 2021 text is cited."""
        t = preservation_deadlines(pre(accepted_at="2023-06-01T09:00:00+08:00"), as_of="2023-06-01")

        assert "cpl@2021-12-24:104" == t.clock(ClockKind.RULING).citations[0].id

    @pytest.mark.parametrize(
        ("accepted", "cited"),
        [
            ("2013-01-01T09:00:00+08:00", "cpl@2012-08-31:101"),
            ("2017-06-30T09:00:00+08:00", "cpl@2012-08-31:101"),
            ("2017-07-01T09:00:00+08:00", "cpl@2017-06-27:101"),
            ("2021-06-01T09:00:00+08:00", "cpl@2017-06-27:101"),
            ("2021-12-31T09:00:00+08:00", "cpl@2017-06-27:101"),
            ("2022-01-01T09:00:00+08:00", "cpl@2021-12-24:104"),
        ],
    )
    def test_48_hours_under_each_cpl(self, accepted: str, cited: str) -> None:
        """CPL 2012/2017 Art. 101 and CPL 2021 Art. 104: 48 hours, cited as of the acceptance day."""
        t = preservation_deadlines(pre(accepted_at=accepted), as_of=accepted[:10])
        c = t.clock(ClockKind.RULING)

        assert to_datetime(accepted).add(hours=48) == c.due_at
        assert 48 == c.parameters[0].as_int()
        assert cited == c.citations[0].id

    def test_no_conduct_preservation_before_2013(self) -> None:
        """On 2012-12-31 the CPL had property preservation only: no clock, a finding citing CPL 2007."""
        t = preservation_deadlines(pre(accepted_at="2012-12-31T09:00:00+08:00"), as_of="2012-12-31")

        assert () == t.clocks
        assert frozenset({"preservation.clock.no_rule"}) == t.codes()
        assert "cpl@2007-10-28:93" == t.findings[0].citations[0].id

    def test_deferred_service_period_from_2019(self) -> None:
        """The 5-day deferred service exists from the IP-preservation provisions (2019-01-01) only."""
        before = preservation_deadlines(
            pre(executed_on="2018-12-31", service_deferred=True), as_of="2018-12-31"
        )
        on = preservation_deadlines(
            pre(executed_on="2019-01-01", service_deferred=True), as_of="2019-01-01"
        )

        assert "preservation.clock.no_rule" in before.codes()
        assert ClockKind.DEFERRED_SERVICE not in {c.kind for c in before.clocks}
        assert to_date("2019-01-07") == on.clock(ClockKind.DEFERRED_SERVICE).due


class TestDeferredService:
    def test_five_days_rolled_past_the_weekend(self) -> None:
        """Executed Mon 3 Mar 2025: day 5 is Saturday 8 Mar, so service is due Monday 10 Mar."""
        t = preservation_deadlines(
            pre(executed_on="2025-03-03", service_deferred=True, served_on="2025-03-10"),
            as_of="2025-03-20",
        )
        c = t.clock(ClockKind.DEFERRED_SERVICE)

        assert (to_date("2025-03-08"), to_date("2025-03-10"), True) == (c.nominal, c.due, c.rolled)
        assert ClockStatus.MET == c.status
        assert "spc-ip-preservation@2018-12-12:5.2" == c.citations[0].id

    def test_a_day_late(self) -> None:
        """Service on 11 Mar is overdue."""
        t = preservation_deadlines(
            pre(executed_on="2025-03-03", service_deferred=True, served_on="2025-03-11"),
            as_of="2025-03-20",
        )

        assert ClockStatus.OVERDUE == t.clock(ClockKind.DEFERRED_SERVICE).status
        assert (
            frozenset({"preservation.clock.service_overdue", "preservation.clock.suit_pending"})
            == t.codes()
        )

    def test_no_roll_reading(self) -> None:
        """With NO_ROLL the deadline stays on Saturday 8 Mar."""
        t = preservation_deadlines(
            pre(executed_on="2025-03-03", service_deferred=True),
            as_of="2025-03-03",
            rest_days=RestDayRule.NO_ROLL,
        )

        assert to_date("2025-03-08") == t.clock(ClockKind.DEFERRED_SERVICE).due

    def test_only_when_deferred(self) -> None:
        """Without deferred service there is no service clock."""
        t = preservation_deadlines(pre(executed_on="2025-03-03"), as_of="2025-03-03")

        with pytest.raises(KeyError):
            t.clock(ClockKind.DEFERRED_SERVICE)


class TestSuitWithin30Days:
    def test_month_end_and_weekend(self) -> None:
        """Executed 31 Jan 2025: day 30 is Sunday 2 Mar, so suit is due Monday 3 Mar."""
        t = preservation_deadlines(
            pre(executed_on="2025-01-31", suit_filed_on="2025-03-03"), as_of="2025-03-10"
        )
        c = t.clock(ClockKind.SUIT)

        assert (to_date("2025-03-02"), to_date("2025-03-03")) == (c.nominal, c.due)
        assert (Actor.APPLICANT, ClockStatus.MET) == (c.actor, c.status)
        assert frozenset({"preservation.clock.relies_on_rest_day"}) == t.codes()

    def test_cautious_reading_does_not_roll_party_deadlines(self) -> None:
        """With ROLL_COURT_ONLY, filing on 3 Mar is a day late: measure lifted, application wrongful."""
        t = preservation_deadlines(
            pre(executed_on="2025-01-31", suit_filed_on="2025-03-03"),
            as_of="2025-03-10",
            rest_days=RestDayRule.ROLL_COURT_ONLY,
        )
        f = next(f for f in t.findings if f.code == "preservation.clock.suit_overdue")

        assert ClockStatus.OVERDUE == t.clock(ClockKind.SUIT).status
        assert [
            "cpl@2023-09-01:104",
            "spc-ip-preservation@2018-12-12:16",
            "cpl@2023-09-01:108",
        ] == ids(f.citations)
        assert "critical" == f.severity.value

    @pytest.mark.parametrize(
        ("filed", "expected"),
        [("2024-03-01", ClockStatus.MET), ("2024-03-02", ClockStatus.OVERDUE)],
    )
    def test_leap_year(self, filed: str, expected: ClockStatus) -> None:
        """Executed 31 Jan 2024 (leap year): suit is due Friday 1 Mar 2024."""
        t = preservation_deadlines(
            pre(executed_on="2024-01-31", suit_filed_on=filed), as_of="2024-03-10"
        )

        assert to_date("2024-03-01") == t.clock(ClockKind.SUIT).due
        assert expected == t.clock(ClockKind.SUIT).status

    def test_golden_week(self) -> None:
        """Day 30 on 5 Oct 2025 (National Day holiday) moves to 9 Oct."""
        t = preservation_deadlines(pre(executed_on="2025-09-05"), as_of="2025-09-05")

        assert to_date("2025-10-09") == t.clock(ClockKind.SUIT).due

    def test_pending_suit_is_a_high_finding_with_a_remedy(self) -> None:
        """Before the deadline, the timetable reminds counsel to sue in time."""
        t = preservation_deadlines(pre(executed_on="2024-01-31"), as_of="2024-02-15")
        f = t.findings[0]

        assert ("preservation.clock.suit_pending", ("preservation.remedy.file_suit",)) == (
            f.code,
            f.remedies,
        )

    def test_overdue_without_suit(self) -> None:
        """No suit and the deadline passed: critical."""
        t = preservation_deadlines(pre(executed_on="2024-01-31"), as_of="2024-03-02")

        assert frozenset({"preservation.clock.suit_overdue"}) == t.codes()
        assert (t.clock(ClockKind.SUIT),) == t.overdue()

    def test_in_suit_has_no_suit_clock(self) -> None:
        """The 30-day clock applies to pre-suit measures only."""
        t = preservation_deadlines(
            PreservationDates(stage=Stage.IN_SUIT, executed_on="2024-01-31"), as_of="2024-03-02"
        )

        assert () == t.clocks


class TestContinuation:
    @pytest.mark.parametrize(
        ("requested", "expected"),
        [
            ("2025-06-22", ClockStatus.EARLY),
            ("2025-06-23", ClockStatus.MET),
            ("2025-06-29", ClockStatus.MET),
            ("2025-06-30", ClockStatus.OVERDUE),
        ],
    )
    def test_window_is_the_seven_days_before_expiry(
        self, requested: str, expected: ClockStatus
    ) -> None:
        """Measure ends 30 Jun 2025: the window runs 23--29 Jun by default."""
        t = preservation_deadlines(
            pre(measure_expires_on="2025-06-30", continuation_requested_on=requested),
            as_of="2025-07-01",
        )
        c = t.clock(ClockKind.CONTINUATION)

        assert (to_date("2025-06-23"), to_date("2025-06-29")) == (c.opens, c.due)
        assert expected == c.status

    @pytest.mark.parametrize(
        ("requested", "expected"),
        [("2025-06-23", ClockStatus.EARLY), ("2025-06-30", ClockStatus.MET)],
    )
    def test_window_ending_on_expiry_day(self, requested: str, expected: ClockStatus) -> None:
        """The other reading: the last 7 days of the term, 24--30 Jun."""
        t = preservation_deadlines(
            pre(measure_expires_on="2025-06-30", continuation_requested_on=requested),
            as_of="2025-07-01",
            continuation_window=ContinuationWindow.ENDING_ON_EXPIRY_DAY,
        )

        assert expected == t.clock(ClockKind.CONTINUATION).status

    def test_month_end(self) -> None:
        """Measure ends 1 Mar 2025: the window is 22--28 Feb."""
        t = preservation_deadlines(pre(measure_expires_on="2025-03-01"), as_of="2025-02-01")
        c = t.clock(ClockKind.CONTINUATION)

        assert (to_date("2025-02-22"), to_date("2025-02-28")) == (c.opens, c.due)
        assert frozenset({"preservation.clock.continuation_window"}) == t.codes()

    def test_closing_on_a_rest_day_is_flagged_not_rolled(self) -> None:
        """29 Jun 2025 is a Sunday: the window is not rolled, and counsel is told to file earlier."""
        t = preservation_deadlines(pre(measure_expires_on="2025-06-30"), as_of="2025-06-01")

        assert to_date("2025-06-29") == t.clock(ClockKind.CONTINUATION).due
        assert (
            frozenset(
                {
                    "preservation.clock.continuation_window",
                    "preservation.clock.window_closes_on_rest_day",
                }
            )
            == t.codes()
        )

    def test_missed(self) -> None:
        """No request by the close of the window: a high finding."""
        t = preservation_deadlines(pre(measure_expires_on="2025-06-30"), as_of="2025-06-30")

        assert ClockStatus.OVERDUE == t.clock(ClockKind.CONTINUATION).status
        assert frozenset({"preservation.clock.continuation_missed"}) == t.codes()


class TestReconsideration:
    def test_ten_days_rolled_past_labour_day(self) -> None:
        """Requested 25 Apr 2025: day 10 is 5 May (holiday), so the ruling is due 6 May."""
        t = preservation_deadlines(
            pre(reconsideration_requested_on="2025-04-25", reconsideration_ruled_on="2025-05-06"),
            as_of="2025-05-10",
        )
        c = t.clock(ClockKind.RECONSIDERATION_RULING)

        assert (to_date("2025-05-05"), to_date("2025-05-06")) == (c.nominal, c.due)
        assert ClockStatus.MET == c.status
        assert [
            "spc-ip-preservation@2018-12-12:14",
            "cpl@2023-09-01:111",
            "cpl@2023-09-01:85",
        ] == ids(c.citations)

    def test_late_ruling(self) -> None:
        """A ruling on 7 May is overdue."""
        t = preservation_deadlines(
            pre(reconsideration_requested_on="2025-04-25", reconsideration_ruled_on="2025-05-07"),
            as_of="2025-05-10",
        )

        assert frozenset({"preservation.clock.reconsideration_overdue"}) == t.codes()

    def test_no_stay_while_pending(self) -> None:
        """While the request is pending, the ruling stays in force (CPL Art. 111)."""
        t = preservation_deadlines(
            pre(reconsideration_requested_on="2025-04-25"), as_of="2025-04-26"
        )

        assert frozenset({"preservation.clock.reconsideration_no_stay"}) == t.codes()

    def test_only_one_request(self) -> None:
        """A second request is a finding: one reconsideration only."""
        t = preservation_deadlines(
            pre(reconsideration_requested_on="2025-04-25", reconsideration_count=2),
            as_of="2025-04-26",
        )
        f = next(f for f in t.findings if f.code == "preservation.clock.reconsideration_repeated")

        assert (2, 1) == (f.arg("count"), f.arg("allowed"))


class TestLift:
    def test_five_days_over_new_year(self) -> None:
        """Applied 27 Dec 2025: day 5 is 1 Jan 2026 (holiday); the ruling is due 4 Jan (a make-up working Sunday)."""
        t = preservation_deadlines(pre(lift_applied_on="2025-12-27"), as_of="2025-12-27")
        c = t.clock(ClockKind.LIFT_RULING)

        assert (to_date("2026-01-01"), to_date("2026-01-04")) == (c.nominal, c.due)
        assert [
            "spc-ip-preservation@2018-12-12:17",
            "cpl-interp@2022-04-01:166",
            "cpl@2023-09-01:85",
        ] == ids(c.citations)

    @pytest.mark.parametrize(("as_of", "overdue"), [("2025-03-10", False), ("2025-03-11", True)])
    def test_overdue(self, as_of: str, overdue: bool) -> None:
        """Applied Mon 3 Mar 2025: due Mon 10 Mar (day 5 is a Saturday); overdue from 11 Mar."""
        t = preservation_deadlines(pre(lift_applied_on="2025-03-03"), as_of=as_of)

        assert to_date("2025-03-10") == t.clock(ClockKind.LIFT_RULING).due
        assert overdue == ("preservation.clock.lift_overdue" in t.codes())

    def test_not_qualifying(self) -> None:
        """An application that does not meet CPL Interp. Art. 166 has no 5-day clock."""
        t = preservation_deadlines(
            pre(lift_applied_on="2025-03-03", lift_qualifies=False), as_of="2025-03-09"
        )

        assert () == t.clocks
        assert frozenset({"preservation.clock.lift_not_qualifying"}) == t.codes()


class TestInputs:
    def test_events_out_of_order(self) -> None:
        """A ruling before acceptance and service before execution are both reported."""
        with pytest.raises(InvalidInputError) as info:
            pre(
                accepted_at=ACCEPTED,
                ruled_at="2024-03-01T09:00:00+08:00",
                executed_on="2024-03-05",
                served_on="2024-03-04",
            )

        assert ["ruled_at", "served_on"] == [p.path for p in info.value.problems]

    def test_naive_datetime_refused(self) -> None:
        """An acceptance time without an offset is refused, with its field name."""
        with pytest.raises(InvalidInputError) as info:
            pre(accepted_at="2024-03-01T10:25:00")

        assert ["accepted_at"] == [p.path for p in info.value.problems]

    def test_every_bad_date_is_listed(self) -> None:
        """Three bad dates and a bad count are reported together; no ordering check on bad values."""
        with pytest.raises(InvalidInputError) as info:
            pre(
                accepted_at="2024-03-01T10:25:00",
                executed_on="2024-13-01",
                served_on="yesterday",
                service_deferred=True,
                reconsideration_count=-1,
            )

        assert ["accepted_at", "executed_on", "served_on", "reconsideration_count"] == [
            p.path for p in info.value.problems
        ]


class TestOutput:
    def test_json_round_trip(self) -> None:
        """Dates in and the timetable out survive JSON."""
        dates = pre(
            accepted_at=ACCEPTED,
            executed_on="2024-03-02",
            service_deferred=True,
            measure_expires_on="2024-09-30",
            reconsideration_requested_on="2024-03-05",
        )
        t = preservation_deadlines(dates, as_of="2024-03-10")

        assert dates == from_json(to_json(dates), PreservationDates)
        assert t == from_json(to_json(t), Timetable)

    @pytest.mark.parametrize("locale", ["zh_CN", "en"])
    def test_explain(self, locale: str) -> None:
        """The timetable explains itself in both languages."""
        t = preservation_deadlines(
            pre(accepted_at=ACCEPTED, executed_on="2024-03-02", measure_expires_on="2024-09-30"),
            as_of="2024-04-10",
        )
        text = explain(t, locale=locale, format="markdown")

        assert ("期限表" if locale == "zh_CN" else "Timetable") in text
        assert "2024-03-03 10:25 (UTC+8)" in text


class TestInvariants:
    @given(st.datetimes(min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2030, 12, 31)))  # noqa: DTZ001
    def test_48_hours_exactly(self, moment: dt.datetime) -> None:
        """Whatever the acceptance moment, the ruling is due exactly 48 hours later."""
        accepted = moment.replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))
        t = preservation_deadlines(pre(accepted_at=accepted), as_of=to_date(accepted.date()))
        due = t.clock(ClockKind.RULING).due_at

        assert dt.timedelta(hours=48) == due - accepted  # type: ignore[operator]

    @given(st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 11, 30)))
    def test_suit_due_is_a_working_day_on_or_after_day_30(self, executed: dt.date) -> None:
        """The suit deadline is never before day 30 and never a rest day."""
        t = preservation_deadlines(pre(executed_on=executed), as_of=to_date(executed))
        c = t.clock(ClockKind.SUIT)

        assert to_date(executed).add(days=30) == c.nominal
        assert c.due >= c.nominal
        assert not ChinaCalendar().is_rest_day(c.due)


class TestRulingTimeUnknown:
    def test_executed_without_ruling_time(self) -> None:
        """An executed measure implies a ruling; without its time the clock says so, not 'overdue'."""
        t = preservation_deadlines(
            pre(accepted_at=ACCEPTED, executed_on="2024-03-03"), as_of="2024-03-10"
        )

        assert ClockStatus.DONE_UNTIMED == t.clock(ClockKind.RULING).status
        assert "preservation.clock.ruling_time_missing" in t.codes()
        assert "preservation.clock.ruling_overdue" not in t.codes()


class TestMonthEnds:
    @pytest.mark.parametrize(
        ("executed", "due"),
        [
            ("2025-02-26", "2025-03-03"),
            ("2025-02-24", "2025-03-03"),
            ("2024-02-24", "2024-02-29"),
            ("2024-02-26", "2024-03-04"),
        ],
    )
    def test_deferred_service_across_february(self, executed: str, due: str) -> None:
        """26 Feb 2025 + 5 = Mon 3 Mar; 24 Feb 2025 + 5 = Sat 1 Mar -> Mon 3 Mar; in 2024, 24 Feb + 5 = Thu 29 Feb and 26 Feb + 5 = Sat 2 Mar -> Mon 4 Mar."""
        t = preservation_deadlines(pre(executed_on=executed, service_deferred=True), as_of=executed)

        assert to_date(due) == t.clock(ClockKind.DEFERRED_SERVICE).due

    def test_reconsideration_across_a_leap_february(self) -> None:
        """Requested 20 Feb 2024: 10 days run through 29 Feb to Fri 1 Mar."""
        t = preservation_deadlines(
            pre(reconsideration_requested_on="2024-02-20"), as_of="2024-02-20"
        )

        assert to_date("2024-03-01") == t.clock(ClockKind.RECONSIDERATION_RULING).due

    def test_48_hours_across_a_month_end(self) -> None:
        """Accepted 29 Feb 2024 at 23:59: the ruling is due 2 Mar 2024 at 23:59."""
        t = preservation_deadlines(pre(accepted_at="2024-02-29T23:59:00+08:00"), as_of="2024-02-29")

        assert "2024-03-02T23:59:00+08:00" == t.clock(ClockKind.RULING).due_at.isoformat()  # type: ignore[union-attr]


class TestBoundariesAcrossTheCalendar:
    def test_suit_due_on_29_february(self) -> None:
        """Executed 30 Jan 2024: day 30 is Thu 29 Feb 2024; filing on 1 Mar is a day late."""
        t = preservation_deadlines(
            pre(executed_on="2024-01-30", suit_filed_on="2024-03-01"), as_of="2024-03-02"
        )
        c = t.clock(ClockKind.SUIT)

        assert (to_date("2024-02-29"), to_date("2024-02-29"), False) == (c.nominal, c.due, c.rolled)
        assert ClockStatus.OVERDUE == c.status
        assert frozenset({"preservation.clock.suit_overdue"}) == t.codes()

    @pytest.mark.parametrize(
        ("requested", "expected"),
        [("2024-02-22", ClockStatus.EARLY), ("2024-02-29", ClockStatus.MET)],
    )
    def test_continuation_window_over_a_leap_february(
        self, requested: str, expected: ClockStatus
    ) -> None:
        """Measure ends 1 Mar 2024: the window is 23--29 Feb 2024 (leap day included)."""
        t = preservation_deadlines(
            pre(measure_expires_on="2024-03-01", continuation_requested_on=requested),
            as_of="2024-03-02",
        )
        c = t.clock(ClockKind.CONTINUATION)

        assert (to_date("2024-02-23"), to_date("2024-02-29")) == (c.opens, c.due)
        assert expected == c.status
        assert ["spc-ip-preservation@2018-12-12:13"] == ids(c.citations)

    def test_continuation_window_closing_on_national_day(self) -> None:
        """Measure ends 2 Oct 2025: the window closes on 1 Oct (a holiday), is not rolled, and is flagged."""
        t = preservation_deadlines(pre(measure_expires_on="2025-10-02"), as_of="2025-09-01")
        c = t.clock(ClockKind.CONTINUATION)

        assert (to_date("2025-09-25"), to_date("2025-10-01"), False) == (c.opens, c.due, c.rolled)
        assert (
            frozenset(
                {
                    "preservation.clock.continuation_window",
                    "preservation.clock.window_closes_on_rest_day",
                }
            )
            == t.codes()
        )

    def test_deferred_service_over_national_day(self) -> None:
        """Executed Sun 28 Sep 2025 (a make-up working day): day 5 is 3 Oct, rolled to Thu 9 Oct."""
        t = preservation_deadlines(
            pre(executed_on="2025-09-28", service_deferred=True), as_of="2025-09-28"
        )
        c = t.clock(ClockKind.DEFERRED_SERVICE)

        assert (to_date("2025-10-03"), to_date("2025-10-09"), True) == (c.nominal, c.due, c.rolled)

    def test_lift_over_a_leap_month_end(self) -> None:
        """Applied Mon 26 Feb 2024: day 5 is Sat 2 Mar, so the ruling is due Mon 4 Mar."""
        t = preservation_deadlines(
            pre(lift_applied_on="2024-02-26", lift_qualifies=True), as_of="2024-03-05"
        )
        c = t.clock(ClockKind.LIFT_RULING)

        assert (to_date("2024-03-02"), to_date("2024-03-04")) == (c.nominal, c.due)
        assert ClockStatus.OVERDUE == c.status
        assert frozenset({"preservation.clock.lift_overdue"}) == t.codes()

    def test_reconsideration_over_spring_festival_and_a_month_end(self) -> None:
        """Requested 21 Jan 2025: day 10 is 31 Jan (Spring Festival), so the ruling is due 5 Feb."""
        t = preservation_deadlines(
            pre(reconsideration_requested_on="2025-01-21", reconsideration_ruled_on="2025-02-05"),
            as_of="2025-02-10",
        )
        c = t.clock(ClockKind.RECONSIDERATION_RULING)

        assert (to_date("2025-01-31"), to_date("2025-02-05"), ClockStatus.MET) == (
            c.nominal,
            c.due,
            c.status,
        )

    def test_48_hours_across_the_year_and_the_cpl_amendment(self) -> None:
        """Accepted 31 Dec 2023 09:00: due 2 Jan 2024 09:00, under the CPL 2021 text in force at acceptance."""
        t = preservation_deadlines(pre(accepted_at="2023-12-31T09:00:00+08:00"), as_of="2023-12-31")
        c = t.clock(ClockKind.RULING)

        assert "2024-01-02T09:00:00+08:00" == c.due_at.isoformat()  # type: ignore[union-attr]
        assert ["cpl@2021-12-24:104", "spc-ts@2020-09-10:15", "cpl@2021-12-24:85"] == ids(
            c.citations
        )
        assert "cpl@2021-12-24:104" == t.citations[0].id

    def test_acceptance_day_is_the_beijing_day(self) -> None:
        """17:00 UTC on 31 Dec 2023 is 01:00 on 1 Jan 2024 in Beijing: the CPL 2023 applies."""
        t = preservation_deadlines(pre(accepted_at="2023-12-31T17:00:00Z"), as_of="2024-01-01")
        c = t.clock(ClockKind.RULING)

        assert (to_date("2024-01-01"), "2024-01-03T01:00:00+08:00") == (
            c.starts,
            c.due_at.isoformat(),  # type: ignore[union-attr]
        )
        assert "cpl@2023-09-01:104" == c.citations[0].id
        assert "cpl@2023-09-01:104" == t.citations[0].id


class TestUnknownFacts:
    def test_lift_qualification_not_stated(self) -> None:
        """The lift clock runs, with a finding that it needs the application to qualify."""
        t = preservation_deadlines(pre(lift_applied_on="2025-03-03"), as_of="2025-03-03")

        assert to_date("2025-03-10") == t.clock(ClockKind.LIFT_RULING).due
        assert "preservation.clock.lift_qualification_unknown" in t.codes()

    def test_in_suit_urgency_not_stated(self) -> None:
        """In suit, urgency not stated: no 48-hour clock, a finding saying it would apply."""
        dates = PreservationDates(stage=Stage.IN_SUIT, accepted_at="2025-03-03T09:00:00+08:00")
        t = preservation_deadlines(dates, as_of="2025-03-03")

        assert () == t.clocks
        assert frozenset({"preservation.clock.urgency_unknown"}) == t.codes()


class TestEarly2022:
    def test_lift_before_the_2022_interpretation(self) -> None:
        """Applied Tue 1 Mar 2022, before the 2022 CPL Interpretation: Art. 17 alone, CPL 2021."""
        t = preservation_deadlines(pre(lift_applied_on="2022-03-01"), as_of="2022-03-01")
        c = t.clock(ClockKind.LIFT_RULING)

        assert (to_date("2022-03-06"), to_date("2022-03-07")) == (c.nominal, c.due)
        assert ["spc-ip-preservation@2018-12-12:17", "cpl@2021-12-24:85"] == ids(c.citations)

    def test_not_qualifying_before_the_2022_interpretation(self) -> None:
        """The non-qualifying note cites what was in force that day."""
        t = preservation_deadlines(
            pre(lift_applied_on="2022-03-01", lift_qualifies=False), as_of="2022-03-01"
        )

        assert ["spc-ip-preservation@2018-12-12:17"] == ids(t.findings[0].citations)

    def test_not_qualifying_after_the_2022_interpretation(self) -> None:
        """From 10 Apr 2022 the note also cites CPL Interpretation Art. 166."""
        t = preservation_deadlines(
            pre(lift_applied_on="2022-04-10", lift_qualifies=False), as_of="2022-04-10"
        )

        assert ["spc-ip-preservation@2018-12-12:17", "cpl-interp@2022-04-01:166"] == ids(
            t.findings[0].citations
        )


class TestAsAt:
    def test_as_at_as_text(self) -> None:
        """``as_at`` may be ISO 8601 text with an offset."""
        t = preservation_deadlines(
            pre(accepted_at=ACCEPTED), as_of="2024-03-03", as_at="2024-03-03T02:26:00Z"
        )

        assert ClockStatus.OVERDUE == t.clock(ClockKind.RULING).status

    def test_naive_as_at_is_an_input_error(self) -> None:
        """A naive ``as_at`` is refused with its path, not a TypeError."""
        with pytest.raises(InvalidInputError) as info:
            preservation_deadlines(
                pre(accepted_at=ACCEPTED),
                as_of="2024-03-03",
                as_at=dt.datetime(2024, 3, 3, 11),  # noqa: DTZ001 - the naive input under test
            )

        assert ["as_at"] == [p.path for p in info.value.problems]


class TestPending:
    def test_soonest_first(self) -> None:
        """Running clocks come back by due day; same-day clocks keep their procedural order."""
        t = preservation_deadlines(
            pre(
                executed_on="2025-03-03",
                service_deferred=True,
                reconsideration_requested_on="2025-03-04",
                lift_applied_on="2025-03-03",
                measure_expires_on="2025-09-30",
            ),
            as_of="2025-03-05",
        )

        assert [
            (ClockKind.DEFERRED_SERVICE, to_date("2025-03-10")),
            (ClockKind.LIFT_RULING, to_date("2025-03-10")),
            (ClockKind.RECONSIDERATION_RULING, to_date("2025-03-14")),
            (ClockKind.SUIT, to_date("2025-04-02")),
            (ClockKind.CONTINUATION, to_date("2025-09-29")),
        ] == [(c.kind, c.due) for c in t.pending()]


class TestCitationsInForce:
    @pytest.mark.parametrize("start", ["2022-01-04", "2022-04-11", "2023-12-20", "2024-01-02"])
    def test_every_clock_cites_texts_in_force(self, start: str) -> None:
        """A full matter starting on ``start``: every clock and finding cites texts in force then."""
        from tradesecret.rulebook import default_rulebook  # noqa: PLC0415

        day = to_date(start)
        t = preservation_deadlines(
            pre(
                accepted_at=f"{start}T10:00:00+08:00",
                executed_on=day.add(days=1),
                service_deferred=True,
                measure_expires_on=day.add(days=40),
                reconsideration_requested_on=day.add(days=2),
                reconsideration_count=2,
                lift_applied_on=day.add(days=3),
            ),
            as_of=day.add(days=3),
        )
        cited = [
            *(c for clock in t.clocks for c in clock.citations),
            *(c for f in t.findings for c in f.citations),
            *t.citations,
        ]
        instruments = default_rulebook().instruments
        late = {
            f"{c.ref.instrument}@{c.ref.version}"
            for c in cited
            if not instruments[f"{c.ref.instrument}@{c.ref.version}"].in_force_on(day)
        }

        assert 6 == len(t.clocks)
        assert set() == late
