"""The procedural events of a preservation matter, the input of the clocks."""

from __future__ import annotations

import attrs
import pendulum

from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.facts import UNKNOWN, Fact
from tradesecret.preservation._inputs import fact_bool, opt_date, opt_datetime, problems_of
from tradesecret.preservation._model import Stage

__all__ = ["PreservationDates"]


@attrs.frozen(kw_only=True)
class PreservationDates:
    """
    The procedural events of one preservation matter, as far as they have happened.

    Hours matter only for the 48-hour ruling: ``accepted_at`` and ``ruled_at`` are
    aware datetimes (ISO 8601 with an offset; counted in ``Asia/Shanghai``). Every
    other event is a date.

    Attributes:
        stage: Pre-suit or in-suit.
        urgent: For an in-suit application, whether the court treats it as urgent
            (a pre-suit application is urgent by definition, CPL Art. 104); default:
            not stated.
        accepted_at: When the court accepted the application.
        ruled_at: When it ruled.
        executed_on: When the measure was taken (executed).
        service_deferred: The ruling was served on the respondent after execution (Art. 5(2)).
        served_on: When it was served.
        suit_filed_on: When the applicant sued or applied for arbitration.
        measure_expires_on: The last day of the measure's term, where the ruling sets one.
        continuation_requested_on: When the applicant asked to continue the measure.
        reconsideration_requested_on: When a party asked for reconsideration.
        reconsideration_count: How many reconsideration requests that party has made
            (default: one when ``reconsideration_requested_on`` is given).
        reconsideration_ruled_on: When the reconsideration was decided.
        lift_applied_on: When a party applied to lift the measure.
        lift_qualifies: The application to lift meets CPL Interpretation Art. 166
            (default: not stated).
        lift_ruled_on: When the court ruled on lifting.
    """

    stage: Stage
    urgent: Fact[bool] = attrs.field(default=UNKNOWN, converter=fact_bool)
    accepted_at: pendulum.DateTime | None = attrs.field(default=None, converter=opt_datetime)
    ruled_at: pendulum.DateTime | None = attrs.field(default=None, converter=opt_datetime)
    executed_on: pendulum.Date | None = attrs.field(default=None, converter=opt_date)
    service_deferred: bool = False
    served_on: pendulum.Date | None = attrs.field(default=None, converter=opt_date)
    suit_filed_on: pendulum.Date | None = attrs.field(default=None, converter=opt_date)
    measure_expires_on: pendulum.Date | None = attrs.field(default=None, converter=opt_date)
    continuation_requested_on: pendulum.Date | None = attrs.field(default=None, converter=opt_date)
    reconsideration_requested_on: pendulum.Date | None = attrs.field(
        default=None, converter=opt_date
    )
    reconsideration_count: int | None = None
    reconsideration_ruled_on: pendulum.Date | None = attrs.field(default=None, converter=opt_date)
    lift_applied_on: pendulum.Date | None = attrs.field(default=None, converter=opt_date)
    lift_qualifies: Fact[bool] = attrs.field(default=UNKNOWN, converter=fact_bool)
    lift_ruled_on: pendulum.Date | None = attrs.field(default=None, converter=opt_date)

    def __attrs_post_init__(self) -> None:
        problems = problems_of(self)
        bad = {p.path for p in problems}

        def order(later: str, earlier: str) -> None:
            a, b = getattr(self, later), getattr(self, earlier)
            if a is None or b is None or later in bad or earlier in bad:
                return
            a_day = a.date() if isinstance(a, pendulum.DateTime) else a
            b_day = b.date() if isinstance(b, pendulum.DateTime) else b
            if a_day < b_day:
                problems.append(
                    Problem.of(
                        later, a, "is before {earlier} ({day})", earlier=earlier, day=b.isoformat()
                    )
                )

        if (
            self.accepted_at is not None
            and self.ruled_at is not None
            and not {"accepted_at", "ruled_at"} & bad
            and self.ruled_at < self.accepted_at
        ):
            problems.append(
                Problem.of(
                    "ruled_at",
                    self.ruled_at,
                    "is before {earlier} ({day})",
                    earlier="accepted_at",
                    day=self.accepted_at.isoformat(),
                )
            )
        order("executed_on", "ruled_at")
        order("executed_on", "accepted_at")
        order("served_on", "executed_on")
        order("reconsideration_ruled_on", "reconsideration_requested_on")
        order("lift_ruled_on", "lift_applied_on")
        order("measure_expires_on", "executed_on")
        if self.served_on is not None and self.service_deferred and self.executed_on is None:
            problems.append(
                Problem.of("executed_on", None, "deferred service needs the execution date")
            )
        count = self.reconsideration_count
        if count is not None and (
            isinstance(count, bool) or not isinstance(count, int) or count < 0
        ):
            problems.append(
                Problem.of("reconsideration_count", count, "must be a whole number >= 0")
            )
        if problems:
            raise InvalidInputError(problems)
