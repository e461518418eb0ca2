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
from typing import Final

import attrs
import pendulum

from tradesecret.dates import (
    Calendar,
    ChinaCalendar,
    HourCounting,
    deadline,
    hours_after,
    to_date,
    to_datetime,
)
from tradesecret.exceptions import InvalidInputError, NoRuleInForceError
from tradesecret.facts import UNKNOWN
from tradesecret.law import Citation
from tradesecret.preservation._dates import PreservationDates
from tradesecret.preservation._doc import time_text
from tradesecret.preservation._law import IP, TS, Params, cpl
from tradesecret.preservation._model import Stage
from tradesecret.preservation._timetable import (
    Actor,
    Clock,
    ClockKind,
    ClockStatus,
    ContinuationWindow,
    RestDayRule,
    Timetable,
)
from tradesecret.results import Finding, Severity, Term
from tradesecret.rulebook import ParameterValue, Rulebook, default_rulebook

__all__ = ["preservation_deadlines", "time_text"]


def _status_by_day(
    done: pendulum.Date | None, due: pendulum.Date, as_of: pendulum.Date
) -> ClockStatus:
    if done is not None:
        return ClockStatus.MET if done <= due else ClockStatus.OVERDUE
    return ClockStatus.OVERDUE if as_of > due else ClockStatus.PENDING


#: The field of :class:`PreservationDates` a day clock starts from (for an error's path).
_START_FIELD: Final = {
    ClockKind.DEFERRED_SERVICE: "executed_on",
    ClockKind.SUIT: "executed_on",
    ClockKind.RECONSIDERATION_RULING: "reconsideration_requested_on",
    ClockKind.LIFT_RULING: "lift_applied_on",
}


def _placed(exc: InvalidInputError, field: str) -> InvalidInputError:
    """The problems of a period computed from ``field``, at that field (templates kept)."""
    return InvalidInputError(p.at(field) for p in exc.problems)


def _term(kind: ClockKind) -> Term:
    return Term(f"preservation.clock_kind.{kind.value}")


@attrs.frozen(kw_only=True)
class _Period:
    """A deadline counted in days: its kind, who acts, its period, its CPL roles, when late."""

    kind: ClockKind
    actor: Actor
    days: str  # the parameter holding the period
    roles: tuple[str, ...]  # the CPL articles cited beside the period
    overdue: str = ""  # the finding when late ("": said by the caller)
    severity: Severity = Severity.MEDIUM


#: SPC IP-preservation Art. 5(2): deferred service within 5 days of execution.
_SERVICE: Final = _Period(kind=ClockKind.DEFERRED_SERVICE, actor=Actor.COURT,
                          days="deferred_service_days", roles=("periods",),
                          overdue="preservation.clock.service_overdue")  # fmt: skip
#: CPL 2012 Art. 101 / 2021 Art. 104; SPC IP-preservation Art. 16: sue within 30 days.
_SUIT: Final = _Period(
    kind=ClockKind.SUIT, actor=Actor.APPLICANT, days="sue_within_days", roles=("periods",)
)
#: SPC IP-preservation Art. 14: a reconsideration ruled within 10 days.
_RECONSIDERATION: Final = _Period(kind=ClockKind.RECONSIDERATION_RULING, actor=Actor.COURT,
                                  days="reconsideration_ruling_days",
                                  roles=("reconsideration", "periods"),
                                  overdue="preservation.clock.reconsideration_overdue")  # fmt: skip
#: SPC IP-preservation Art. 17; CPL Interp. Art. 166: a qualifying lift ruled within 5 days.
_LIFT: Final = _Period(kind=ClockKind.LIFT_RULING, actor=Actor.COURT, days="lift_ruling_days",
                       roles=("periods",), overdue="preservation.clock.lift_overdue")  # fmt: skip


class _Run:
    """One computation of the timetable: the settings, and the clocks and findings so far."""

    def __init__(
        self,
        dates: PreservationDates,
        *,
        rb: Rulebook,
        day: pendulum.Date,
        moment: pendulum.DateTime | None,
        cal: Calendar,
        rest_days: RestDayRule,
    ) -> None:
        self.dates = dates
        self.rb = rb
        self.day = day
        self.moment = moment
        self.cal = cal
        self.rest_days = rest_days
        self.params = Params(rb, day)
        self.clocks: list[Clock] = []
        self.findings: list[Finding] = []

    def param(self, name: str, on: pendulum.Date, kind: ClockKind) -> ParameterValue | None:
        """
        The period ``name`` in force on ``on``; ``None`` (and a finding citing the law of
        that day) where no such period existed then -- never a later period applied back.
        """
        try:
            return self.params.get(name, on=on)
        except NoRuleInForceError as exc:
            self.finding(
                "preservation.clock.no_rule",
                Severity.INFO,
                tuple(exc.no_rule.citations),
                {"clock": _term(kind), "on": on},
            )
            return None

    def cpl(self, day: pendulum.Date, *roles: str) -> tuple[Citation, ...]:
        """The CPL articles playing ``roles`` on ``day``."""
        return tuple(c for c in (cpl(self.rb, day, r) for r in roles) if c is not None)

    def finding(
        self,
        code: str,
        severity: Severity,
        cites: tuple[Citation, ...],
        args: dict[str, object] | None = None,
        remedies: tuple[str, ...] = (),
    ) -> None:
        self.findings.append(
            Finding(
                code=code,
                severity=severity,
                citations=cites,
                args=args or {},
                remedies=remedies,
            )
        )

    def day_clock(
        self,
        kind: ClockKind,
        actor: Actor,
        *,
        start: pendulum.Date,
        param: ParameterValue,
        done: pendulum.Date | None,
        cites: tuple[Citation, ...],
    ) -> Clock:
        """A deadline counted in days from ``start``, rolled past rest days where it rolls."""
        try:
            d = deadline(start, days=param.as_int(), calendar=self.cal)
        except InvalidInputError as exc:  # past the last supported date: the start's field
            raise _placed(exc, _START_FIELD[kind]) from None
        due = d.due if self.rest_days.rolls(actor) else d.nominal
        clock = Clock(
            kind=kind,
            actor=actor,
            starts=start,
            due=due,
            nominal=d.nominal,
            rolled=due != d.nominal,
            done_on=done,
            status=_status_by_day(done, due, self.day),
            calendar_official=self.cal.officially_published(due.year),
            citations=cites,
            parameters=(param,),
        )
        self.clocks.append(clock)
        if clock.rolled:
            periods = self.cpl(start, "periods")
            if actor is Actor.APPLICANT and done is not None and d.nominal < done <= due:
                self.finding(
                    "preservation.clock.relies_on_rest_day",
                    Severity.LOW,
                    (*periods, self.rb.cite("civil-code@2020-05-28:203")),
                    {"clock": _term(kind), "nominal": d.nominal, "due": due},
                )
            if not clock.calendar_official:
                self.finding(
                    "preservation.clock.calendar_unofficial",
                    Severity.INFO,
                    periods or param.citations,
                    {"clock": _term(kind), "year": str(due.year)},
                )
        return clock

    def period_days(self, row: _Period, start: pendulum.Date | None) -> ParameterValue | None:
        """The row's period in force on ``start`` (``None`` without a start or such a period)."""
        return None if start is None else self.param(row.days, start, row.kind)

    def period(
        self, row: _Period, start: pendulum.Date, param: ParameterValue, done: pendulum.Date | None
    ) -> Clock:
        """The row's day clock from ``start``, and its finding when overdue."""
        cites = (*param.citations, *self.cpl(start, *row.roles))
        clock = self.day_clock(
            row.kind, row.actor, start=start, param=param, done=done, cites=cites
        )
        if row.overdue and clock.status is ClockStatus.OVERDUE:
            self.finding(row.overdue, row.severity, clock.citations, {"due": clock.due})
        return clock

    def ruling(self, hour_counting: HourCounting) -> None:
        """The 48-hour ruling: pre-suit always, in suit when the court treats it as urgent."""
        dates = self.dates
        if dates.accepted_at is None:
            return
        start = dates.accepted_at.in_timezone("Asia/Shanghai").date()
        pre = dates.stage is Stage.PRE_SUIT
        if not pre and dates.urgent is UNKNOWN:
            in_suit = self.cpl(start, "in_suit")
            hours = self.param("ruling_hours_urgent_in_suit", start, ClockKind.RULING)
            if in_suit and hours is not None:  # none before 2013: no conduct preservation
                self.finding(
                    "preservation.clock.urgency_unknown",
                    Severity.INFO,
                    in_suit,
                    {"hours": hours.as_int()},
                )
            return
        if not pre and dates.urgent is False:
            return
        name = "ruling_hours_pre_suit" if pre else "ruling_hours_urgent_in_suit"
        param = self.param(name, start, ClockKind.RULING)
        if param is None:
            return
        try:
            due_at = hours_after(dates.accepted_at, param.as_int(), counting=hour_counting)
        except InvalidInputError as exc:
            raise _placed(exc, "accepted_at") from None
        status = self._ruling_status(due_at)
        cites = (*param.citations, *self.cpl(start, "periods"))
        ruled = dates.ruled_at
        self.clocks.append(
            Clock(
                kind=ClockKind.RULING,
                actor=Actor.COURT,
                starts=start,
                due=due_at.date(),
                nominal=due_at.date(),
                due_at=due_at,
                done_on=ruled.in_timezone("Asia/Shanghai").date() if ruled else None,
                done_at=ruled,
                status=status,
                citations=cites,
                parameters=(param,),
            )
        )
        if status is ClockStatus.OVERDUE:
            self.finding(
                "preservation.clock.ruling_overdue",
                Severity.HIGH,
                cites,
                {"due_at": time_text(due_at), "hours": param.as_int()},
            )
        elif status is ClockStatus.DONE_UNTIMED:
            self.finding(
                "preservation.clock.ruling_time_missing",
                Severity.LOW,
                cites,
                {"due_at": time_text(due_at)},
            )

    def _ruling_status(self, due_at: pendulum.DateTime) -> ClockStatus:
        dates = self.dates
        if dates.ruled_at is not None:
            return ClockStatus.MET if dates.ruled_at <= due_at else ClockStatus.OVERDUE
        if dates.executed_on is not None:
            # The measure was executed, so a ruling was made -- but when is not known.
            return ClockStatus.DONE_UNTIMED
        if self.moment is not None:
            return ClockStatus.OVERDUE if self.moment > due_at else ClockStatus.PENDING
        return ClockStatus.OVERDUE if self.day > due_at.date() else ClockStatus.PENDING

    def service(self) -> None:
        """Deferred service: within 5 days of execution (SPC IP-preservation Art. 5(2))."""
        dates = self.dates
        if not dates.service_deferred or dates.executed_on is None:
            return
        param = self.param(_SERVICE.days, dates.executed_on, _SERVICE.kind)
        if param is not None:
            self.period(_SERVICE, dates.executed_on, param, dates.served_on)

    def suit(self) -> None:
        """Suit or arbitration within 30 days after a pre-suit measure (CPL 101/104; Art. 16)."""
        dates = self.dates
        if dates.stage is not Stage.PRE_SUIT or dates.executed_on is None:
            return
        on = dates.executed_on
        param = self.param(_SUIT.days, on, _SUIT.kind)
        if param is None:
            return
        clock = self.period(_SUIT, on, param, dates.suit_filed_on)
        ip16 = (self.rb.cite(f"{IP}:16"),) if self.rb.instruments[IP].in_force_on(on) else ()
        if clock.status is ClockStatus.OVERDUE:
            self.finding(
                "preservation.clock.suit_overdue",
                Severity.CRITICAL,
                (*self.cpl(on, "pre_suit"), *ip16, *self.cpl(on, "wrongful")),
                {"due": clock.due},
            )
        elif clock.status is ClockStatus.PENDING:
            self.finding(
                "preservation.clock.suit_pending",
                Severity.HIGH,
                (*self.cpl(on, "pre_suit"), *ip16),
                {"due": clock.due, "nominal": clock.nominal},
                remedies=("preservation.remedy.file_suit",),
            )

    def continuation(self, window: ContinuationWindow) -> None:
        """A request to continue within the 7 days before expiry (SPC IP-preservation Art. 13(3))."""
        dates = self.dates
        if dates.measure_expires_on is None:
            return
        expiry = dates.measure_expires_on
        # The window's law is the law of the day the measure was taken (else its expiry).
        law_day = dates.executed_on or expiry
        param = self.param("continue_request_days_before_expiry", law_day, ClockKind.CONTINUATION)
        if param is None:
            return
        days = param.as_int()
        if window is ContinuationWindow.BEFORE_EXPIRY_DAY:
            opens, closes = expiry.subtract(days=days), expiry.subtract(days=1)
        else:
            opens, closes = expiry.subtract(days=days - 1), expiry
        done = dates.continuation_requested_on
        early = done is not None and done < opens
        status = ClockStatus.EARLY if early else _status_by_day(done, closes, self.day)
        self.clocks.append(
            Clock(
                kind=ClockKind.CONTINUATION,
                actor=Actor.APPLICANT,
                starts=expiry,
                due=closes,
                nominal=closes,
                opens=opens,
                done_on=done,
                status=status,
                calendar_official=self.cal.officially_published(closes.year),
                citations=param.citations,
                parameters=(param,),
            )
        )
        code, severity, args = {
            ClockStatus.EARLY: (
                "continuation_early",
                Severity.LOW,
                {"opens": opens, "closes": closes},
            ),
            ClockStatus.OVERDUE: (
                "continuation_missed",
                Severity.HIGH,
                {"closes": closes, "expiry": expiry},
            ),
            ClockStatus.PENDING: (
                "continuation_window",
                Severity.INFO,
                {"opens": opens, "closes": closes},
            ),
        }.get(status, ("", Severity.INFO, {}))
        if code:
            self.finding(f"preservation.clock.{code}", severity, param.citations, dict(args))
        if self.cal.is_rest_day(closes) and status is ClockStatus.PENDING:
            self.finding(
                "preservation.clock.window_closes_on_rest_day",
                Severity.LOW,
                (*param.citations, *self.cpl(law_day, "periods")),
                {"closes": closes},
            )

    def reconsideration(self) -> None:
        """Ruled within 10 days (Art. 14); one request only, no stay (CPL 108/111)."""
        dates = self.dates
        start = dates.reconsideration_requested_on
        param = self.period_days(_RECONSIDERATION, start)
        if start is None or param is None:
            return
        self.period(_RECONSIDERATION, start, param, dates.reconsideration_ruled_on)
        if dates.reconsideration_ruled_on is None:
            self.finding(
                "preservation.clock.reconsideration_no_stay",
                Severity.INFO,
                self.cpl(start, "reconsideration") or param.citations,
            )
        allowed = self.param(
            "reconsideration_requests_allowed", start, ClockKind.RECONSIDERATION_RULING
        )
        if allowed is None:
            return
        count = dates.reconsideration_count if dates.reconsideration_count is not None else 1
        if count > allowed.as_int():
            self.finding(
                "preservation.clock.reconsideration_repeated",
                Severity.HIGH,
                allowed.citations,
                {"count": count, "allowed": allowed.as_int()},
            )

    def lift(self) -> None:
        """A qualifying application to lift: ruled within 5 days (Art. 17; CPL Interp. Art. 166)."""
        dates = self.dates
        start = dates.lift_applied_on
        param = self.period_days(_LIFT, start)
        if start is None or param is None:
            return
        if dates.lift_qualifies is False:
            self.finding(
                "preservation.clock.lift_not_qualifying",
                Severity.INFO,
                param.citations,
                {"days": param.as_int()},
            )
            return
        if dates.lift_qualifies is UNKNOWN:
            # The clock runs only if the application qualifies: shown, and said to depend on it.
            self.finding(
                "preservation.clock.lift_qualification_unknown", Severity.INFO, param.citations
            )
        self.period(_LIFT, start, param, dates.lift_ruled_on)


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
    of the 48-hour ruling exact to the minute. A fact not stated is not guessed: an
    in-suit application not stated to be urgent gets no 48-hour clock but a finding
    saying it would have one; a lift application not stated to qualify gets its clock
    and a finding saying the clock needs it to qualify.

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
    run = _Run(
        dates,
        rb=rb,
        day=day,
        moment=None if as_at is None else to_datetime(as_at, path="as_at"),
        cal=calendar if calendar is not None else ChinaCalendar(),
        rest_days=rest_days,
    )
    run.ruling(hour_counting)
    run.service()
    run.suit()
    run.continuation(continuation_window)
    run.reconsideration()
    run.lift()
    basis_day = dates.accepted_at.date() if dates.accepted_at is not None else day
    ts15 = (rb.cite(f"{TS}:15"),) if rb.instruments[TS].in_force_on(basis_day) else ()
    ip = (rb.cite(IP),) if rb.instruments[IP].in_force_on(basis_day) else ()
    role = "pre_suit" if dates.stage is Stage.PRE_SUIT else "in_suit"
    return Timetable(
        as_of=day,
        stage=dates.stage,
        clocks=tuple(run.clocks),
        findings=tuple(run.findings),
        citations=(*run.cpl(basis_day, role), *ts15, *ip, *run.cpl(basis_day, "periods")),
        parameters=run.params.all(),
        rest_days=rest_days,
        hour_counting=hour_counting,
        continuation_window=continuation_window,
    )
