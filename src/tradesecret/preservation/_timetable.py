"""The timetable of a preservation matter: its clocks and where each stands."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs
import pendulum

from tradesecret._convert import tuple_of
from tradesecret.dates import HourCounting
from tradesecret.law import Citation
from tradesecret.presenters import ShownAsMarkdown
from tradesecret.preservation._model import Stage
from tradesecret.preservation._report import explain_timetable
from tradesecret.results import Finding, FindingCodes
from tradesecret.rulebook import ParameterValue

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
class Timetable(FindingCodes, ShownAsMarkdown):
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

    def __explain__(self, loc: Localizer, fmt: Format) -> str:
        """Render with :func:`tradesecret.explain`."""
        return explain_timetable(self, loc, fmt)
