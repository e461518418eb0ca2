"""
The clocks of a conduct-preservation matter (行为保全的期限).

:func:`preservation_deadlines` takes the events that have happened
(:class:`~tradesecret.preservation.PreservationDates`) and returns a
:class:`Timetable`: one :class:`Clock` per deadline that the facts trigger, each with
its due date (and hour, for the 48-hour ruling), its status on ``as_of`` and the
article it rests on. An overdue clock is also a :class:`~tradesecret.results.Finding`.

How the periods are counted
===========================

* **Hours count as hours** in ``Asia/Shanghai`` (CPL Art. 85; Civil Code Art. 201(2)),
  from the moment of acceptance by default (:attr:`HourCounting.EXACT
  <tradesecret.dates.HourCounting>`); ``hour_counting=HourCounting.FROM_NEXT_HOUR``
  selects the reading that does not count the starting hour. The 48 hours run through
  nights, weekends and holidays: CPL Art. 85(3) moves only a *last day*, and an hour
  period has none.
* **Day periods** follow :func:`tradesecret.dates.deadline`: the start day is not
  counted, and a last day that is a statutory rest day moves to the next working day.
* **Which day deadlines roll past rest days.** CPL Art. 85 is the general rule on
  periods in civil procedure and draws no line between the court's and the parties'
  periods, so by default *every* day deadline rolls (``RestDayRule.ROLL_ALL``): the
  court's 5-day service, 10-day reconsideration and 5-day lift periods, and the
  applicant's 30-day period to sue. Where a party-side deadline is met only thanks to
  the roll, the timetable says so (``preservation.clock.relies_on_rest_day``): filing
  by the nominal day removes the argument. ``RestDayRule.ROLL_COURT_ONLY`` treats the
  applicant's deadlines as not rolling (the cautious planning reading);
  ``RestDayRule.NO_ROLL`` rolls nothing.
* **The window to ask for continuation** (「期限届满前七日内」, SPC IP-preservation
  provisions Art. 13(3)) is counted backwards from the last day of the measure. By
  default the last day itself is not counted (Civil Code Art. 201(1) applied in
  reverse): the window is the 7 days *before* it, from ``expiry - 7`` to ``expiry - 1``
  (``ContinuationWindow.BEFORE_EXPIRY_DAY``, the earlier and safer close).
  ``ContinuationWindow.ENDING_ON_EXPIRY_DAY`` reads it as the last 7 days of the
  term, ``expiry - 6`` to ``expiry``. A window counted backwards is not rolled
  forward (that would carry it past the expiry it protects).
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs
import pendulum

from tradesecret._convert import tuple_of
from tradesecret.dates import (
    Calendar,
    ChinaCalendar,
    HourCounting,
    deadline,
    hours_after,
    to_date,
    to_datetime,
)
from tradesecret.law import Citation
from tradesecret.preservation._law import IP, TS, Params, cpl
from tradesecret.preservation._model import PreservationDates, Stage
from tradesecret.results import Finding, Severity, Term
from tradesecret.rulebook import ParameterValue, Rulebook, default_rulebook

if TYPE_CHECKING:
    from tradesecret.i18n import Format, Localizer

__all__ = [
    "Actor",
    "Clock",
    "ClockKind",
    "ClockStatus",
    "ContinuationWindow",
    "RestDayRule",
    "Timetable",
    "preservation_deadlines",
]


class ClockKind(enum.Enum):
    """The deadlines of a preservation matter."""

    #: Court: rule within 48 hours of accepting a pre-suit or urgent application.
    RULING = "ruling"
    #: Court: serve the ruling within 5 days of execution, where service was deferred.
    DEFERRED_SERVICE = "deferred_service"
    #: Applicant: sue or apply for arbitration within 30 days after a pre-suit measure.
    SUIT = "suit"
    #: Applicant: ask to continue the measure within the 7 days before it expires.
    CONTINUATION = "continuation"
    #: Court: rule on a reconsideration request within 10 days.
    RECONSIDERATION_RULING = "reconsideration_ruling"
    #: Court: rule on a qualifying application to lift within 5 days.
    LIFT_RULING = "lift_ruling"


class Actor(enum.Enum):
    """Who must act by the deadline."""

    COURT = "court"
    APPLICANT = "applicant"


class ClockStatus(enum.Enum):
    """Where a deadline stands on ``as_of``."""

    PENDING = "pending"  # not yet done, not yet late
    MET = "met"  # done in time
    OVERDUE = "overdue"  # done late, or not done and the deadline has passed
    EARLY = "early"  # done before the window opened (continuation)
    DONE_UNTIMED = "done_untimed"  # done (the measure was executed), time not given


class RestDayRule(enum.Enum):
    """Which day deadlines move past statutory rest days (CPL Art. 85(3))."""

    ROLL_ALL = "roll_all"
    ROLL_COURT_ONLY = "roll_court_only"
    NO_ROLL = "no_roll"

    def rolls(self, actor: Actor) -> bool:
        """True when a deadline for ``actor`` rolls."""
        if self is RestDayRule.ROLL_ALL:
            return True
        return self is RestDayRule.ROLL_COURT_ONLY and actor is Actor.COURT


class ContinuationWindow(enum.Enum):
    """How the 7-day window before expiry is counted (see the module docstring)."""

    BEFORE_EXPIRY_DAY = "before_expiry_day"
    ENDING_ON_EXPIRY_DAY = "ending_on_expiry_day"


@attrs.frozen(kw_only=True)
class Clock:
    """
    One deadline.

    Attributes:
        kind: Which deadline.
        actor: Who must act.
        starts: The day of the triggering event (not counted for day periods).
        due: The last day to act (after the rest-day roll, where it applies). For the
            48-hour ruling, the day of ``due_at``.
        nominal: The last day by the plain period rule, before any roll.
        rolled: True when the rest-day rule moved ``due``.
        due_at: The exact moment, for the hour-counted ruling deadline.
        opens: The first day of a window (continuation).
        done_on: When the act was done, if it was.
        done_at: The exact moment, for the ruling.
        status: Pending, met, overdue or early, on ``as_of``.
        calendar_official: False when ``due`` falls in a year whose official holiday
            arrangement the calendar does not know yet.
        citations: The articles it rests on.
        parameters: The parameter values used.
    """

    kind: ClockKind
    actor: Actor
    starts: pendulum.Date
    due: pendulum.Date
    nominal: pendulum.Date
    rolled: bool = False
    due_at: pendulum.DateTime | None = None
    opens: pendulum.Date | None = None
    done_on: pendulum.Date | None = None
    done_at: pendulum.DateTime | None = None
    status: ClockStatus
    calendar_official: bool = True
    citations: tuple[Citation, ...] = attrs.field(validator=tuple_of(Citation))
    parameters: tuple[ParameterValue, ...] = attrs.field(
        default=(), validator=tuple_of(ParameterValue)
    )


@attrs.frozen(kw_only=True)
class Timetable:
    """
    Every deadline the facts trigger, with its status on ``as_of``.

    Attributes:
        as_of: The day the statuses are computed for.
        stage: Pre-suit or in-suit.
        clocks: The deadlines, in procedural order.
        findings: Overdue deadlines and other observations.
        citations: The overall legal basis.
        parameters: Every parameter value used.
        rest_days: The rest-day rule applied.
        hour_counting: How the 48 hours were counted.
        continuation_window: How the continuation window was counted.
    """

    as_of: pendulum.Date
    stage: Stage
    clocks: tuple[Clock, ...] = attrs.field(validator=tuple_of(Clock))
    findings: tuple[Finding, ...] = attrs.field(validator=tuple_of(Finding))
    citations: tuple[Citation, ...] = attrs.field(validator=tuple_of(Citation))
    parameters: tuple[ParameterValue, ...] = attrs.field(validator=tuple_of(ParameterValue))
    rest_days: RestDayRule = RestDayRule.ROLL_ALL
    hour_counting: HourCounting = HourCounting.EXACT
    continuation_window: ContinuationWindow = ContinuationWindow.BEFORE_EXPIRY_DAY

    def clock(self, kind: ClockKind) -> Clock:
        """The clock of that kind."""
        for clock in self.clocks:
            if clock.kind is kind:
                return clock
        raise KeyError(kind.value)

    def overdue(self) -> tuple[Clock, ...]:
        """The clocks that are overdue."""
        return tuple(c for c in self.clocks if c.status is ClockStatus.OVERDUE)

    def pending(self) -> tuple[Clock, ...]:
        """
        The clocks still running on ``as_of``, the soonest first (what to diary next).

        Ordered by due day; on the same day the hour-counted ruling comes first, then
        the others in procedural order.
        """
        running = [c for c in self.clocks if c.status is ClockStatus.PENDING]
        # sorted() is stable: clocks due the same day keep their procedural order.
        return tuple(sorted(running, key=lambda c: (c.due, c.due_at is None)))

    def codes(self) -> frozenset[str]:
        """The codes of every finding."""
        return frozenset(f.code for f in self.findings)

    def _repr_markdown_(self) -> str:
        from tradesecret.i18n import explain  # noqa: PLC0415 - presentation layer, imported on use

        return explain(self, locale="zh_CN", format="markdown")

    def __explain__(self, loc: Localizer, fmt: Format) -> str:
        """Render with :func:`tradesecret.explain`."""
        from tradesecret.preservation._report import explain_timetable  # noqa: PLC0415

        return explain_timetable(self, loc, fmt)


def _status_by_day(
    done: pendulum.Date | None, due: pendulum.Date, as_of: pendulum.Date
) -> ClockStatus:
    if done is not None:
        return ClockStatus.MET if done <= due else ClockStatus.OVERDUE
    return ClockStatus.OVERDUE if as_of > due else ClockStatus.PENDING


def time_text(moment: pendulum.DateTime) -> str:
    """A moment as ``YYYY-MM-DD HH:mm (UTC+8)`` (message arguments take no datetimes)."""
    return moment.in_timezone("Asia/Shanghai").format("YYYY-MM-DD HH:mm") + " (UTC+8)"


def preservation_deadlines(
    dates: PreservationDates,
    *,
    as_of: pendulum.Date | str,
    as_at: datetime.datetime | str | None = None,
    hour_counting: HourCounting = HourCounting.EXACT,
    rest_days: RestDayRule = RestDayRule.ROLL_ALL,
    continuation_window: ContinuationWindow = ContinuationWindow.BEFORE_EXPIRY_DAY,
    calendar: Calendar | None = None,
    rulebook: Rulebook | None = None,
) -> Timetable:
    """
    The deadlines of a preservation matter and where each stands on ``as_of``.

    Each period's length is read from the rulebook for the day its triggering event
    happened (the law in force then). A deadline that is not done and has passed is
    ``OVERDUE`` and produces a finding; ``as_at`` (an aware datetime) makes the status
    of the 48-hour ruling exact to the minute.

    Args:
        dates: The events so far.
        as_of: The day the statuses are computed for.
        as_at: Optional exact moment for the hour deadline (aware: ISO 8601 with an
            offset, or an aware datetime; a naive one is an input error).
        hour_counting: How the 48 hours start (see :class:`~tradesecret.dates.HourCounting`).
        rest_days: Which day deadlines roll past statutory rest days.
        continuation_window: How the continuation window is counted.
        calendar: Statutory rest days (default: :class:`~tradesecret.dates.ChinaCalendar`).
        rulebook: Parameters and citations (default: the package rulebook).

    Legal basis:
        cpl@2023-09-01:103, cpl@2023-09-01:104, cpl@2023-09-01:111, cpl@2023-09-01:85,
        spc-ip-preservation@2018-12-12:5.2, spc-ip-preservation@2018-12-12:13,
        spc-ip-preservation@2018-12-12:14, spc-ip-preservation@2018-12-12:16,
        spc-ip-preservation@2018-12-12:17, spc-ts@2020-09-10:15

    Examples:
        >>> from tradesecret.preservation import PreservationDates, Stage, preservation_deadlines
        >>> t = preservation_deadlines(
        ...     PreservationDates(stage=Stage.PRE_SUIT, accepted_at="2024-03-01T10:25:00+08:00"),
        ...     as_of="2024-03-01",
        ... )
        >>> str(t.clocks[0].due_at), t.clocks[0].status.value
        ('2024-03-03 10:25:00+08:00', 'pending')
    """
    rb = rulebook if rulebook is not None else default_rulebook()
    day = to_date(as_of, path="as_of")
    moment = None if as_at is None else to_datetime(as_at, path="as_at")
    cal = calendar if calendar is not None else ChinaCalendar()
    params = Params(rb, day)
    clocks: list[Clock] = []
    findings: list[Finding] = []

    def finding(
        code: str,
        severity: Severity,
        cites: Iterable[Citation],
        args: dict[str, object] | None = None,
        remedies: tuple[str, ...] = (),
    ) -> None:
        findings.append(
            Finding(
                code=code,
                severity=severity,
                citations=tuple(cites),
                args=args or {},
                subject=None,
                remedies=remedies,
            )
        )

    def day_clock(  # noqa: PLR0917 - a local helper, called positionally six times
        kind: ClockKind,
        actor: Actor,
        start: pendulum.Date,
        param: ParameterValue,
        done: pendulum.Date | None,
        cites: tuple[Citation, ...],
    ) -> Clock:
        d = deadline(start, days=param.as_int(), calendar=cal)
        due = d.due if rest_days.rolls(actor) else d.nominal
        clock = Clock(
            kind=kind,
            actor=actor,
            starts=start,
            due=due,
            nominal=d.nominal,
            rolled=due != d.nominal,
            done_on=done,
            status=_status_by_day(done, due, day),
            calendar_official=cal.officially_published(due.year),
            citations=cites,
            parameters=(param,),
        )
        clocks.append(clock)
        if clock.rolled:
            if actor is Actor.APPLICANT and done is not None and d.nominal < done <= due:
                finding(
                    "preservation.clock.relies_on_rest_day",
                    Severity.LOW,
                    (cpl(rb, start, "85"), rb.cite("civil-code@2020-05-28:203")),
                    {"clock": _term(kind), "nominal": d.nominal, "due": due},
                )
            if not clock.calendar_official:
                finding(
                    "preservation.clock.calendar_unofficial",
                    Severity.INFO,
                    (cpl(rb, start, "85"),),
                    {"clock": _term(kind), "year": str(due.year)},
                )
        return clock

    # 1. The 48-hour ruling: pre-suit always (CPL Art. 104), in-suit when urgent (Art. 103).
    hourly = dates.stage is Stage.PRE_SUIT or dates.urgent
    if dates.accepted_at is not None and hourly:
        start = dates.accepted_at.in_timezone("Asia/Shanghai").date()
        name = (
            "ruling_hours_pre_suit"
            if dates.stage is Stage.PRE_SUIT
            else "ruling_hours_urgent_in_suit"
        )
        param = params.get(name, on=start)
        due_at = hours_after(dates.accepted_at, param.as_int(), counting=hour_counting)
        if dates.ruled_at is not None:
            status = ClockStatus.MET if dates.ruled_at <= due_at else ClockStatus.OVERDUE
        elif dates.executed_on is not None:
            # The measure was executed, so a ruling was made -- but when is not known.
            status = ClockStatus.DONE_UNTIMED
        elif moment is not None:
            status = ClockStatus.OVERDUE if moment > due_at else ClockStatus.PENDING
        else:
            status = ClockStatus.OVERDUE if day > due_at.date() else ClockStatus.PENDING
        cites = (*param.citations, cpl(rb, start, "85"))
        clocks.append(
            Clock(
                kind=ClockKind.RULING,
                actor=Actor.COURT,
                starts=start,
                due=due_at.date(),
                nominal=due_at.date(),
                due_at=due_at,
                done_on=dates.ruled_at.in_timezone("Asia/Shanghai").date()
                if dates.ruled_at
                else None,
                done_at=dates.ruled_at,
                status=status,
                citations=cites,
                parameters=(param,),
            )
        )
        if status is ClockStatus.OVERDUE:
            finding(
                "preservation.clock.ruling_overdue",
                Severity.HIGH,
                cites,
                {"due_at": time_text(due_at), "hours": param.as_int()},
            )
        elif status is ClockStatus.DONE_UNTIMED:
            finding(
                "preservation.clock.ruling_time_missing",
                Severity.LOW,
                cites,
                {"due_at": time_text(due_at)},
            )

    # 2. Deferred service: within 5 days of execution (SPC IP-preservation Art. 5(2)).
    if dates.service_deferred and dates.executed_on is not None:
        param = params.get("deferred_service_days", on=dates.executed_on)
        clock = day_clock(
            ClockKind.DEFERRED_SERVICE,
            Actor.COURT,
            dates.executed_on,
            param,
            dates.served_on,
            (*param.citations, cpl(rb, dates.executed_on, "85")),
        )
        if clock.status is ClockStatus.OVERDUE:
            finding(
                "preservation.clock.service_overdue",
                Severity.MEDIUM,
                clock.citations,
                {"due": clock.due},
            )

    # 3. Suit or arbitration within 30 days after a pre-suit measure (CPL Art. 104(3); Art. 16(1)).
    if dates.stage is Stage.PRE_SUIT and dates.executed_on is not None:
        param = params.get("sue_within_days", on=dates.executed_on)
        clock = day_clock(
            ClockKind.SUIT,
            Actor.APPLICANT,
            dates.executed_on,
            param,
            dates.suit_filed_on,
            (*param.citations, cpl(rb, dates.executed_on, "85")),
        )
        if clock.status is ClockStatus.OVERDUE:
            finding(
                "preservation.clock.suit_overdue",
                Severity.CRITICAL,
                (
                    cpl(rb, dates.executed_on, "104"),
                    rb.cite(f"{IP}:16"),
                    cpl(rb, dates.executed_on, "108"),
                ),
                {"due": clock.due},
            )
        elif clock.status is ClockStatus.PENDING:
            finding(
                "preservation.clock.suit_pending",
                Severity.HIGH,
                (cpl(rb, dates.executed_on, "104"), rb.cite(f"{IP}:16")),
                {"due": clock.due, "nominal": clock.nominal},
                remedies=("preservation.remedy.file_suit",),
            )

    # 4. Request to continue within the 7 days before expiry (SPC IP-preservation Art. 13(3)).
    if dates.measure_expires_on is not None:
        expiry = dates.measure_expires_on
        # The window's law is the law of the day the measure was taken (else its expiry),
        # for the period and for the period rule alike.
        law_day = dates.executed_on or expiry
        param = params.get("continue_request_days_before_expiry", on=law_day)
        days = param.as_int()
        if continuation_window is ContinuationWindow.BEFORE_EXPIRY_DAY:
            opens, closes = expiry.subtract(days=days), expiry.subtract(days=1)
        else:
            opens, closes = expiry.subtract(days=days - 1), expiry
        done = dates.continuation_requested_on
        early = done is not None and done < opens
        status = ClockStatus.EARLY if early else _status_by_day(done, closes, day)
        clock = Clock(
            kind=ClockKind.CONTINUATION,
            actor=Actor.APPLICANT,
            starts=expiry,
            due=closes,
            nominal=closes,
            opens=opens,
            done_on=done,
            status=status,
            calendar_official=cal.officially_published(closes.year),
            citations=param.citations,
            parameters=(param,),
        )
        clocks.append(clock)
        if status is ClockStatus.EARLY:
            finding(
                "preservation.clock.continuation_early",
                Severity.LOW,
                param.citations,
                {"opens": opens, "closes": closes},
            )
        elif status is ClockStatus.OVERDUE:
            finding(
                "preservation.clock.continuation_missed",
                Severity.HIGH,
                param.citations,
                {"closes": closes, "expiry": expiry},
            )
        elif status is ClockStatus.PENDING:
            finding(
                "preservation.clock.continuation_window",
                Severity.INFO,
                param.citations,
                {"opens": opens, "closes": closes},
            )
        if cal.is_rest_day(closes) and status is ClockStatus.PENDING:
            finding(
                "preservation.clock.window_closes_on_rest_day",
                Severity.LOW,
                (*param.citations, cpl(rb, law_day, "85")),
                {"closes": closes},
            )

    # 5. Reconsideration: ruled within 10 days (Art. 14); one request only, no stay (CPL Art. 111).
    if dates.reconsideration_requested_on is not None:
        start = dates.reconsideration_requested_on
        param = params.get("reconsideration_ruling_days", on=start)
        clock = day_clock(
            ClockKind.RECONSIDERATION_RULING,
            Actor.COURT,
            start,
            param,
            dates.reconsideration_ruled_on,
            (*param.citations, cpl(rb, start, "111"), cpl(rb, start, "85")),
        )
        if clock.status is ClockStatus.OVERDUE:
            finding(
                "preservation.clock.reconsideration_overdue",
                Severity.MEDIUM,
                clock.citations,
                {"due": clock.due},
            )
        if dates.reconsideration_ruled_on is None:
            finding(
                "preservation.clock.reconsideration_no_stay",
                Severity.INFO,
                (cpl(rb, start, "111"),),
            )
        allowed = params.get("reconsideration_requests_allowed", on=start)
        count = dates.reconsideration_count if dates.reconsideration_count is not None else 1
        if count > allowed.as_int():
            finding(
                "preservation.clock.reconsideration_repeated",
                Severity.HIGH,
                allowed.citations,
                {"count": count, "allowed": allowed.as_int()},
            )

    # 6. A qualifying application to lift: ruled within 5 days (Art. 17; CPL Interp. Art. 166).
    if dates.lift_applied_on is not None:
        start = dates.lift_applied_on
        if dates.lift_qualifies:
            param = params.get("lift_ruling_days", on=start)
            clock = day_clock(
                ClockKind.LIFT_RULING,
                Actor.COURT,
                start,
                param,
                dates.lift_ruled_on,
                (*param.citations, cpl(rb, start, "85")),
            )
            if clock.status is ClockStatus.OVERDUE:
                finding(
                    "preservation.clock.lift_overdue",
                    Severity.MEDIUM,
                    clock.citations,
                    {"due": clock.due},
                )
        else:
            lift = params.get("lift_ruling_days", on=start)
            finding(
                "preservation.clock.lift_not_qualifying",
                Severity.INFO,
                lift.citations,
                {"days": lift.as_int()},
            )

    basis_day = dates.accepted_at.date() if dates.accepted_at is not None else day
    citations = (
        cpl(rb, basis_day, "104" if dates.stage is Stage.PRE_SUIT else "103"),
        rb.cite(f"{TS}:15"),
        rb.cite(IP),
        cpl(rb, basis_day, "85"),
    )
    return Timetable(
        as_of=day,
        stage=dates.stage,
        clocks=tuple(clocks),
        findings=tuple(findings),
        citations=citations,
        parameters=params.all(),
        rest_days=rest_days,
        hour_counting=hour_counting,
        continuation_window=continuation_window,
    )


def _term(kind: ClockKind) -> Term:
    return Term(f"preservation.clock_kind.{kind.value}")
