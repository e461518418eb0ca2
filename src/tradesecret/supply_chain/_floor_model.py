"""
The production-floor controls at a contract factory: what the brand records (the model).

:func:`~tradesecret.supply_chain.controls.check_floor_controls` checks them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

import attrs
import pendulum

from tradesecret import presenters
from tradesecret._convert import tuple_of
from tradesecret.exceptions import Problem
from tradesecret.facts import UNKNOWN, Fact
from tradesecret.results import Assessment, MissingFact, Outcome
from tradesecret.supply_chain._common import (
    check_id,
    collect,
    heading,
    normalize_dates,
    unknown_if_none,
)

if TYPE_CHECKING:
    from tradesecret.i18n import Format, Localizer

__all__ = ["DestructionRecord", "FloorControlReport", "FloorControls", "RetentionDeadline"]

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class DestructionRecord:
    """
    One destruction of non-conforming parts.

    Attributes:
        id: Record id.
        destroyed_on: Day of the destruction.
        video_ref: Reference of the video of it; ``None`` when not filmed.
        video_deleted_on: Day the video was deleted, if it was.
        parts: What was destroyed.
    """

    id: str
    destroyed_on: pendulum.Date
    video_ref: str | None = None
    video_deleted_on: pendulum.Date | None = None
    parts: str = ""

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        check_id(self.id, "id", problems)
        normalize_dates(self, ("destroyed_on", "video_deleted_on"), problems)
        collect(problems)


@attrs.frozen(kw_only=True)
class FloorControls:
    """
    The production-floor controls at one site. ``UNKNOWN`` (or ``None``, read the same way)
    means "not checked yet": the control's criterion is then undetermined and names the fact.

    Attributes:
        site: The factory or line.
        phones_prohibited: Personal phones are prohibited on the line.
        signal_jammer_installed: A signal jammer is used.
        jammer_lawful_basis: The permission or legal opinion the owner relies on for it.
        staff_count: Staff working on the line.
        code_of_conduct_signed: How many of them signed the code of conduct.
        supervisor_on_site: The brand has a supervisor on site.
        daily_log: The supervisor keeps a daily production log.
        daily_photos: The log has daily photos.
        destructions: Destructions of non-conforming parts.
    """

    site: str
    phones_prohibited: Fact[bool] = attrs.field(default=UNKNOWN, converter=unknown_if_none)
    signal_jammer_installed: bool = False
    jammer_lawful_basis: str | None = None
    staff_count: Fact[int] = attrs.field(default=UNKNOWN, converter=unknown_if_none)
    code_of_conduct_signed: Fact[int] = attrs.field(default=UNKNOWN, converter=unknown_if_none)
    supervisor_on_site: Fact[bool] = attrs.field(default=UNKNOWN, converter=unknown_if_none)
    daily_log: Fact[bool] = attrs.field(default=UNKNOWN, converter=unknown_if_none)
    daily_photos: Fact[bool] = attrs.field(default=UNKNOWN, converter=unknown_if_none)
    destructions: tuple[DestructionRecord, ...] = attrs.field(
        default=(), validator=tuple_of(DestructionRecord)
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        check_id(self.site, "site", problems)
        for name in ("staff_count", "code_of_conduct_signed"):
            value = getattr(self, name)
            if value is not UNKNOWN and (
                isinstance(value, bool) or not isinstance(value, int) or value < 0
            ):
                problems.append(Problem.of(name, value, "must be a non-negative integer"))
        if (
            self.staff_count is not UNKNOWN
            and self.code_of_conduct_signed is not UNKNOWN
            and self.code_of_conduct_signed > self.staff_count
        ):
            problems.append(
                Problem.of(
                    "code_of_conduct_signed", self.code_of_conduct_signed, "exceeds staff_count"
                )
            )
        ids = [d.id for d in self.destructions]
        if len(set(ids)) != len(ids):
            problems.append(Problem.of("destructions", ids, "duplicate record id"))
        for i, d in enumerate(self.destructions):
            if d.video_deleted_on is not None and d.video_deleted_on < d.destroyed_on:
                problems.append(
                    Problem.of(
                        f"destructions[{i}].video_deleted_on",
                        d.video_deleted_on,
                        "before destroyed_on",
                    )
                )
        collect(problems)


@attrs.frozen(kw_only=True)
class RetentionDeadline:
    """
    How long the video of one destruction must be kept.

    Attributes:
        record_id: The destruction record.
        destroyed_on: Day of the destruction.
        keep_until: Last day of the retention period (keep the video at least through it).
        months: Retention period applied.
        ended: True when ``keep_until`` is before ``as_of`` (the video may now be deleted).
    """

    record_id: str
    destroyed_on: pendulum.Date
    keep_until: pendulum.Date
    months: int
    ended: bool


@attrs.frozen(kw_only=True)
class FloorControlReport:
    """
    The checklist result: one criterion per control, plus the retention deadlines.

    Attributes:
        assessment: Kind ``floor_controls``; criteria ``supply_chain.controls.<control>``.
        retention: One deadline per destruction record filmed.
    """

    assessment: Assessment
    retention: tuple[RetentionDeadline, ...] = attrs.field(validator=tuple_of(RetentionDeadline))

    @property
    def not_in_place(self) -> tuple[str, ...]:
        """
        The controls not in place (criteria not met), by name.

        Was ``missing`` (a property) before; renamed so that :meth:`missing` means what it
        means everywhere in the library: the facts not stated.
        """
        return tuple(
            c.code.removeprefix("supply_chain.controls.")
            for c in self.assessment.criteria
            if c.outcome is Outcome.NOT_MET
        )

    def missing(self) -> tuple[MissingFact, ...]:
        """The facts not stated that would change a control's outcome, most decisive first."""
        return self.assessment.missing()

    def __explain__(self, loc: Localizer, fmt: Format) -> str:
        """Render the checklist and the retention deadlines."""
        body = str(presenters.present("explain", self.assessment, locale=loc.locale, format=fmt))
        if not self.retention:
            return body
        lines = ["", heading(fmt, 3, loc.term("heading.supply_chain.retention"))]
        lines += [
            "- "
            + loc.message(
                "supply_chain.controls.retention_line",
                {"record": r.record_id, "destroyed": r.destroyed_on, "keep_until": r.keep_until},
            )
            for r in self.retention
        ]
        return body + "\n" + "\n".join(lines)
