"""
Results of the compensation ledger: the schedule, and the state as of a date.

Every amount is exact :class:`~tradesecret.money.Money` (instalments are whole fen);
every date a :class:`pendulum.Date`. Every result carries the citations and dated
parameters it rests on, and :func:`tradesecret.explain` renders it (with its timeline)
in Chinese or English.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs
import pendulum

from tradesecret._convert import tuple_of
from tradesecret.law import Citation
from tradesecret.ledger._codes import EndedBy, InstalmentStatus, ReleaseGround
from tradesecret.ledger.model import LedgerOptions
from tradesecret.money import Money
from tradesecret.presenters import present
from tradesecret.results import Finding, Sourced, Term, TraceStep
from tradesecret.rulebook import ParameterValue

if TYPE_CHECKING:
    from tradesecret.i18n import Format, Localizer

__all__ = [
    "BreachState",
    "CompensationSchedule",
    "CompensationState",
    "EmployerReleaseState",
    "EndedBy",
    "Instalment",
    "InstalmentState",
    "InstalmentStatus",
    "ReleaseGround",
    "ReleaseRight",
]


@attrs.frozen(kw_only=True)
class Instalment:
    """
    One monthly instalment of the schedule.

    Attributes:
        number: 1 for the first month of the restriction.
        period_start: First day of its month of the restriction.
        period_end: Last day of it (corresponding-day rule, Civil Code Art. 202).
        due: Due date by the convention in force.
        amount: Whole-fen amount.
        rule: ``agreed``, ``spc_labor_1_art36_default`` (30 % of the average wage) or
            ``spc_labor_1_art36_min_wage_floor`` (the minimum wage of that month).
        minimum_wage: The minimum wage compared, when the default applied.
    """

    number: int
    period_start: pendulum.Date
    period_end: pendulum.Date
    due: pendulum.Date
    amount: Money
    rule: str
    minimum_wage: Money | None = None


@attrs.frozen(kw_only=True)
class CompensationSchedule:
    """
    The instalments derived from the terms.

    Attributes:
        agreement_id: The agreement.
        termination_date: Last day of the labour contract.
        months: Months scheduled (the agreed period, capped at the statutory maximum).
        agreed_months: Months agreed.
        instalments: One per month, in order.
        citations: Legal basis of the schedule.
        parameters: Parameter values used.
        findings: Observations (e.g. a period capped at two years).
    """

    agreement_id: str
    termination_date: pendulum.Date
    months: int
    agreed_months: int
    instalments: tuple[Instalment, ...] = attrs.field(validator=tuple_of(Instalment))
    citations: tuple[Citation, ...] = attrs.field(validator=tuple_of(Citation))
    parameters: tuple[ParameterValue, ...] = attrs.field(validator=tuple_of(ParameterValue))
    findings: tuple[Finding, ...] = attrs.field(default=(), validator=tuple_of(Finding))

    @property
    def restriction_start(self) -> pendulum.Date:
        """First restricted day (the day after termination)."""
        return self.instalments[0].period_start

    @property
    def restriction_end(self) -> pendulum.Date:
        """Last restricted day as scheduled."""
        return self.instalments[-1].period_end

    @property
    def total(self) -> Money:
        """Sum of all instalments."""
        total = Money.zero()
        for inst in self.instalments:
            total = total + inst.amount
        return total

    def __explain__(self, loc: Localizer, fmt: Format) -> str:
        """The instalments, the total, findings and parameters."""
        title = loc.message("ledger.schedule.title", {"agreement": self.agreement_id})
        lines = [f"## {title}" if fmt == "markdown" else title, ""]
        lines += [
            "- "
            + loc.message(
                "ledger.schedule.instalment",
                {
                    "n": i.number,
                    "start": i.period_start,
                    "end": i.period_end,
                    "due": i.due,
                    "amount": i.amount,
                },
            )
            for i in self.instalments
        ]
        lines += [
            "",
            loc.message("ledger.schedule.total", {"total": self.total, "months": self.months}),
        ]
        lines.append(f"{loc.label('heading.basis')}{loc.citations(self.citations)}")
        lines += [present("explain", f, locale=loc.locale) for f in self.findings]
        seen: set[tuple[str, str | None, pendulum.Date]] = set()
        for p in self.parameters:
            if (p.name, p.region, p.since) not in seen:
                seen.add((p.name, p.region, p.since))
                lines.append("- " + loc.parameter(p))
        lines += ["", loc.term("heading.disclaimer")]
        return "\n".join(lines)


@attrs.frozen(kw_only=True)
class InstalmentState:
    """
    One instalment as of a date.

    Attributes:
        number: 1-based.
        period_start: First day of its month.
        period_end: Last day of its month.
        due: Due date by the convention.
        effective_due: Due date after an agreed deferral or an employee-caused delay;
            ``None`` while an employee-caused delay is still running.
        scheduled_amount: Amount scheduled before any release.
        amount: Amount owed (pro-rated or zero after a release or waiver).
        paid: Paid towards it as of the date.
        outstanding: ``amount - paid``.
        completed_on: Day it was paid in full, if it was.
        status: Status as of the date.
        deferred_by: ``deferral_plan`` or ``employee_delay`` when the due date moved.
    """

    number: int
    period_start: pendulum.Date
    period_end: pendulum.Date
    due: pendulum.Date
    effective_due: pendulum.Date | None
    scheduled_amount: Money
    amount: Money
    paid: Money
    outstanding: Money
    completed_on: pendulum.Date | None
    status: InstalmentStatus
    deferred_by: str | None = None


@attrs.frozen(kw_only=True)
class ReleaseRight(Sourced):
    """
    A right of the employee to be released, and whether it was exercised.

    A right is only a right: the employee stays bound until they exercise it
    (a :class:`~tradesecret.ledger.Rescission` event).

    Attributes:
        ground: Why it arose.
        arose_on: First day on which it could be exercised.
        instalments: Numbers of the instalments that founded it.
        citations: Its basis (Interp. (I) Art. 38 binds; MOHRSS §17 is guidance).
        exercised_on: Date of the rescission that exercised it, if any.
    """

    ground: ReleaseGround
    arose_on: pendulum.Date
    instalments: tuple[int, ...] = attrs.field(validator=tuple_of(int))
    citations: tuple[Citation, ...] = attrs.field(validator=tuple_of(Citation))
    exercised_on: pendulum.Date | None = None


@attrs.frozen(kw_only=True)
class EmployerReleaseState:
    """
    An employer release (or waiver) and what it costs.

    Attributes:
        date: Date of the release.
        during_period: False when given on or before the termination date.
        basis: ``negotiated``, ``statutory_extra_months`` or ``none`` (no extra owed).
        extra_months: Months of the statutory extra, when that basis applies.
        monthly_amount: The monthly amount the extra months multiply.
        extra_amount: Extra compensation owed.
        extra_due: When it is due (``ledger.employer_release_payment_days`` after the release).
        paid: Paid towards it as of the date.
        outstanding: Still owed.
        citations: Basis.
    """

    date: pendulum.Date
    during_period: bool
    basis: str
    extra_months: int | None
    monthly_amount: Money | None
    extra_amount: Money
    extra_due: pendulum.Date | None
    paid: Money
    outstanding: Money
    citations: tuple[Citation, ...] = attrs.field(validator=tuple_of(Citation))


@attrs.frozen(kw_only=True)
class BreachState:
    """
    The employee's breach and the employer's claims (Interp. (II) Art. 15; Interp. (I) Art. 40).

    Attributes:
        periods: ``(start, end)`` of each breach; ``end`` is ``None`` while ongoing.
        compensation_to_return: Compensation the employer may claim back.
        penalty_claimable: The agreed penalty, or ``None`` when none was agreed.
        penalty_paid: Penalty paid so far.
        duty_continues: The duty to perform continues after the penalty is paid
            (Interp. (I) Art. 40) while the restriction runs.
        citations: Basis.
    """

    periods: tuple[tuple[pendulum.Date, pendulum.Date | None], ...] = attrs.field(
        validator=tuple_of(tuple)
    )
    compensation_to_return: Money
    penalty_claimable: Money | None
    penalty_paid: Money
    duty_continues: bool
    citations: tuple[Citation, ...] = attrs.field(validator=tuple_of(Citation))


@attrs.frozen(kw_only=True)
class CompensationState:
    """
    The ledger as of a date: what was owed, what was paid, is the employee still bound.

    Attributes:
        agreement_id: The agreement.
        as_of: The date asked about; events after it were ignored.
        options: The readings used.
        termination_date: Last day of the labour contract.
        restriction_start: First restricted day.
        scheduled_end: Last restricted day as scheduled.
        restriction_end: Last restricted day after releases known as of the date.
        ended_by: What ends the restriction.
        bound: Whether the employee is bound on ``as_of``.
        free_since: First day the employee is free, if on or before ``as_of``.
        instalments: Every instalment as of the date.
        total_scheduled: Sum owed over the whole (possibly shortened) period.
        total_fallen_due: Sum of instalments whose (effective) due date has come.
        total_paid: Every payment received (instalments, extra compensation, credit).
        arrears: Outstanding on overdue instalments, plus overdue extra compensation.
        unallocated: Payments not owed to any instalment (a credit of the employer).
        release_rights: Rights that arose, in order.
        employer_release: The employer's release or waiver, if any.
        breach: The employee's breach, if any.
        timeline: Dated steps, in order (what :func:`~tradesecret.explain` renders).
        findings: Observations.
        citations: Overall basis.
        parameters: Parameter values used.
    """

    agreement_id: str
    as_of: pendulum.Date
    options: LedgerOptions
    termination_date: pendulum.Date
    restriction_start: pendulum.Date
    scheduled_end: pendulum.Date
    restriction_end: pendulum.Date | None
    ended_by: EndedBy
    bound: bool
    free_since: pendulum.Date | None
    instalments: tuple[InstalmentState, ...] = attrs.field(validator=tuple_of(InstalmentState))
    total_scheduled: Money
    total_fallen_due: Money
    total_paid: Money
    arrears: Money
    unallocated: Money
    release_rights: tuple[ReleaseRight, ...] = attrs.field(validator=tuple_of(ReleaseRight))
    employer_release: EmployerReleaseState | None
    breach: BreachState | None
    timeline: tuple[TraceStep, ...] = attrs.field(validator=tuple_of(TraceStep))
    findings: tuple[Finding, ...] = attrs.field(validator=tuple_of(Finding))
    citations: tuple[Citation, ...] = attrs.field(validator=tuple_of(Citation))
    parameters: tuple[ParameterValue, ...] = attrs.field(validator=tuple_of(ParameterValue))

    def instalment(self, number: int) -> InstalmentState:
        """The instalment with that 1-based number."""
        return self.instalments[number - 1]

    def right(self, ground: ReleaseGround) -> ReleaseRight | None:
        """The release right on that ground, if it arose."""
        for right in self.release_rights:
            if right.ground is ground:
                return right
        return None

    @property
    def released(self) -> bool:
        """True when the restriction ended early (release, waiver or rescission)."""
        return self.ended_by is not EndedBy.SCHEDULED_END

    def __explain__(self, loc: Localizer, fmt: Format) -> str:
        """Summary, instalments, rights, claims, timeline, parameters."""

        def h(level: int, text: str) -> str:
            return f"{'#' * level} {text}" if fmt == "markdown" else text

        lines = [
            h(2, loc.message("ledger.state.title", {"agreement": self.agreement_id})),
            "",
            f"{loc.label('heading.as_of')}{loc.date(self.as_of)}",
            loc.message(
                "ledger.state.period",
                {"start": self.restriction_start, "end": self.scheduled_end},
            ),
            loc.message(
                "ledger.state.bound" if self.bound else "ledger.state.free",
                {"since": self.free_since or self.as_of},
            ),
            loc.message(
                "ledger.state.totals",
                {
                    "scheduled": self.total_scheduled,
                    "fallen_due": self.total_fallen_due,
                    "paid": self.total_paid,
                    "arrears": self.arrears,
                },
            ),
            "",
            h(3, loc.term("ledger.heading.instalments")),
            *_instalment_lines(self, loc),
            "",
            h(3, loc.term("ledger.heading.rights")),
            *_right_lines(self, loc),
        ]
        lines += _claim_lines(self, loc, h)
        lines += ["", h(3, loc.term("heading.trace"))]
        lines += [
            f"- {f'{step.on}: ' if step.on is not None else ''}"
            f"{loc.message(step.code, step.args)} — {loc.citations(step.citations)}"
            for step in self.timeline
        ]
        lines += _tail_lines(self, loc, h)
        return "\n".join(lines)


def _instalment_lines(state: CompensationState, loc: Localizer) -> list[str]:
    return [
        "- "
        + loc.message(
            "ledger.state.instalment",
            {
                "n": inst.number,
                "start": inst.period_start,
                "end": inst.period_end,
                "due": inst.effective_due or inst.due,
                "amount": inst.amount,
                "paid": inst.paid,
                "status": Term(f"ledger.term.status.{inst.status.value}"),
            },
        )
        for inst in state.instalments
    ]


def _right_lines(state: CompensationState, loc: Localizer) -> list[str]:
    if not state.release_rights:
        return ["- " + loc.term("ledger.state.no_rights")]
    return [
        "- "
        + loc.message(
            "ledger.state.right_exercised" if right.exercised_on else "ledger.state.right",
            {
                "ground": Term(f"ledger.term.ground.{right.ground.value}"),
                "arose": right.arose_on,
                "exercised": right.exercised_on or right.arose_on,
                "tier": Term(f"term.tier.{right.tier.value}"),
            },
        )
        + " — "
        + loc.citations(right.citations)
        for right in state.release_rights
    ]


def _claim_lines(
    state: CompensationState, loc: Localizer, h: Callable[[int, str], str]
) -> list[str]:
    lines: list[str] = []
    if state.employer_release is not None:
        rel = state.employer_release
        args = {
            "date": rel.date,
            "amount": rel.extra_amount,
            "due": rel.extra_due or rel.date,
            "outstanding": rel.outstanding,
        }
        lines += [
            "",
            h(3, loc.term("ledger.heading.employer_release")),
            f"- {loc.message('ledger.state.employer_release', args)} — {loc.citations(rel.citations)}",
        ]
    if state.breach is not None:
        br = state.breach
        args = {
            "returned": br.compensation_to_return,
            "penalty": br.penalty_claimable or Money.zero(),
        }
        lines += [
            "",
            h(3, loc.term("ledger.heading.breach")),
            f"- {loc.message('ledger.state.breach', args)} — {loc.citations(br.citations)}",
        ]
    return lines


def _tail_lines(
    state: CompensationState, loc: Localizer, h: Callable[[int, str], str]
) -> list[str]:
    lines: list[str] = []
    if state.findings:
        lines += ["", h(3, loc.term("heading.findings"))]
        lines += [present("explain", f, locale=loc.locale) for f in state.findings]
    if state.parameters:
        lines += ["", h(3, loc.term("heading.parameters"))]
        seen: set[tuple[str, str | None, pendulum.Date]] = set()
        for p in state.parameters:
            key = (p.name, p.region, p.since)
            if key not in seen:
                seen.add(key)
                lines.append("- " + loc.parameter(p))
    lines += ["", loc.term("heading.disclaimer")]
    return lines
