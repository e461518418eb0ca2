"""
Inputs of the compensation ledger: terms, dated events, and the readings of open law.

A :class:`CompensationLedger` is the whole record of one former employee's non-compete
compensation: the :class:`LedgerTerms` (termination date, period, agreed amount or
the wage base of the default), and every dated event. It is immutable; recording an event
returns a new ledger (:meth:`CompensationLedger.record`). Evaluation
(:func:`tradesecret.ledger.evaluate_compensation`) is a fold over the events dated on or
before ``as_of`` -- a later event can never change an earlier answer.

Event types
-----------
========================  ==============================================================
:class:`Payment`          money paid; allocated to the oldest outstanding instalment
                          unless it names one (``instalment``, 1-based)
:class:`Reminder`         the employee's written reminder (书面催告)
:class:`DeferralPlan`     new due dates notified in advance and agreed by the employee
:class:`EmployeeDelay`    a delay caused by the employee (e.g. no bank account given)
:class:`Activation`       the employer decides at departure that the restriction applies
:class:`Waiver`           the employer waives the restriction at departure (or, where the
                          agreement reserved activation, decides not to activate it)
:class:`EmployerRelease`  the employer releases the employee (Interp. (I) Art. 39)
:class:`Rescission`       the employee exercises a release right (解除竞业限制约定)
:class:`Breach`           the employee competes (start, and end if known)
:class:`InServiceBreach`  the employee competed while still employed (on or before the
                          termination date; Interp. (II) Art. 14): recorded, kept apart
:class:`PenaltyPaid`      the employee pays the agreed penalty
========================  ==============================================================
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any, Final, TypeAlias

import attrs
import pendulum

from tradesecret._convert import date_field as _date
from tradesecret._convert import tuple_of
from tradesecret.dates import to_date
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.ledger.options import (
    BreachReturn,
    CuredArrears,
    DueConvention,
    LedgerOptions,
    MinimumWageMonth,
    PartialMonth,
    ReminderTiming,
    UndecidedActivation,
    UnpaidCounting,
)
from tradesecret.ledger.rules import MAX_FEN, MAX_MONTHS
from tradesecret.money import Money

__all__ = [
    "Activation",
    "Breach",
    "BreachReturn",
    "CompensationLedger",
    "CuredArrears",
    "DeferralPlan",
    "DueConvention",
    "EmployeeDelay",
    "EmployerRelease",
    "InServiceBreach",
    "InServiceBreachKind",
    "LedgerEvent",
    "LedgerOptions",
    "LedgerTerms",
    "MinimumWageMonth",
    "PartialMonth",
    "Payment",
    "PenaltyPaid",
    "Reminder",
    "ReminderTiming",
    "Rescission",
    "UndecidedActivation",
    "UnpaidCounting",
    "Waiver",
]


def _opt_date(value: object) -> pendulum.Date | None:
    return None if value is None else to_date(value, path="until")


def money_problems(
    path: str, value: object, *, whole_fen: bool = True, currency: bool = True
) -> list[Problem]:
    """
    Why ``value`` is not a positive CNY amount the ledger accepts (empty: it is).

    Events check their amounts without the currency (``currency=False``): the ledger that
    holds them checks it, so the problem names the full path (``payments[3].amount``).
    """
    if not isinstance(value, Money):
        return [Problem.of(path, value, "expected Money")]
    if currency and value.currency != "CNY":
        return [Problem.of(path, value, "a PRC ledger is kept in CNY")]
    if value.amount <= 0:
        return [Problem.of(path, value, "must be a positive amount")]
    if value.amount.scaleb(2) > MAX_FEN:
        return [Problem.of(path, value, "above the accepted maximum of {limit} fen", limit=MAX_FEN)]
    if whole_fen and value.round_fen() != value:
        return [Problem.of(path, value, "must be a whole number of fen")]
    return []


def _money_check(
    *, optional: bool, whole_fen: bool = True, currency: bool = True
) -> Callable[[object, attrs.Attribute[Any], Money | None], None]:
    """Validator: a positive amount the ledger accepts (see :func:`money_problems`);
    ``None`` passes where the field is ``optional``."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: Money | None) -> None:
        if optional and value is None:
            return
        problems = money_problems(attribute.name, value, whole_fen=whole_fen, currency=currency)
        if problems:
            raise InvalidInputError(problems)

    return check


_event_money: Final = _money_check(optional=False, currency=False)
_opt_event_money: Final = _money_check(optional=True, currency=False)
_opt_positive_money: Final = _money_check(optional=True)
_opt_positive_wage: Final = _money_check(optional=True, whole_fen=False)


# -- terms ------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class LedgerTerms:
    """
    What the schedule is derived from.

    Attributes:
        agreement_id: The caller's identifier of the agreement.
        termination_date: Last day of the labour contract; the period starts the next day.
        months: Agreed post-termination period in months (capped at the statutory maximum).
        region: Region code of the place of performance (for the minimum wage).
        agreed_monthly: Agreed monthly compensation, or ``None`` when none was agreed.
        average_monthly_wage: Average monthly wage of the 12 months before termination
            (exact; :func:`tradesecret.noncompete.average_monthly_wage` computes it); needed
            only when nothing was agreed (Interp. (I) Art. 36 default) and no
            ``wage_total`` is given.
        wage_total: The total of the wages of the ``wage_months`` months before termination
            (whole fen). When given, the default is ``wage_total x ratio / wage_months``,
            exact and rounded half up once at the instalment (an average divided first
            can lose the half fen: 347,887.00 / 12 x 30 % = 8,697.175 -> 8,697.18).
        wage_months: Number of months in ``wage_total`` (12 unless employment was shorter).
        penalty: Agreed penalty (违约金) for breach, if any.
        activation_reserved: The agreement reserved the employer's decision, at departure,
            whether the restriction applies (see :class:`Activation`, :class:`Waiver` and
            :class:`UndecidedActivation`).
    """

    agreement_id: str
    termination_date: pendulum.Date = attrs.field(converter=_date)
    months: int
    region: str
    agreed_monthly: Money | None = attrs.field(default=None, validator=_opt_positive_money)
    average_monthly_wage: Money | None = attrs.field(default=None, validator=_opt_positive_wage)
    penalty: Money | None = attrs.field(default=None, validator=_opt_positive_money)
    activation_reserved: bool = False
    wage_total: Money | None = attrs.field(default=None, validator=_opt_positive_money)
    wage_months: int = 12

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if isinstance(self.months, bool) or not isinstance(self.months, int) or self.months < 1:
            problems.append(Problem.of("months", self.months, "must be a whole number >= 1"))
        elif self.months > MAX_MONTHS:
            problems.append(
                Problem.of(
                    "months", self.months, "above the accepted maximum of {limit}", limit=MAX_MONTHS
                )
            )
        if (
            isinstance(self.wage_months, bool)
            or not isinstance(self.wage_months, int)
            or not 1 <= self.wage_months <= MAX_MONTHS
        ):
            problems.append(
                Problem.of(
                    "wage_months",
                    self.wage_months,
                    "must be a whole number in 1..{limit}",
                    limit=MAX_MONTHS,
                )
            )
        if not isinstance(self.activation_reserved, bool):
            problems.append(
                Problem.of("activation_reserved", self.activation_reserved, "must be true or false")
            )
        if (
            self.agreed_monthly is None
            and self.average_monthly_wage is None
            and self.wage_total is None
        ):
            problems.append(
                Problem.of(
                    "average_monthly_wage",
                    None,
                    "needed when no monthly compensation was agreed (the default is a share of it)",
                )
            )
        if problems:
            raise InvalidInputError(problems)


# -- events ------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Payment:
    """Compensation paid on ``date``; ``instalment`` (1-based) names the one it pays, if any."""

    date: pendulum.Date = attrs.field(converter=_date)
    amount: Money = attrs.field(validator=_event_money)
    instalment: int | None = None
    reference: str = ""


@attrs.frozen(kw_only=True)
class Reminder:
    """The employee's written reminder (书面催告) to pay, given on ``date``."""

    date: pendulum.Date = attrs.field(converter=_date)
    reference: str = ""


@attrs.frozen(kw_only=True)
class DeferralPlan:
    """
    New due dates notified by the employer and agreed by the employee on ``date``.

    Only instalments whose due date is on or after ``date`` are deferred (the plan must be
    agreed in advance); instalments paid by their new date are not late.

    Attributes:
        new_due_dates: ``(instalment number (1-based), new due date)`` pairs.
    """

    date: pendulum.Date = attrs.field(converter=_date)
    new_due_dates: tuple[tuple[int, pendulum.Date], ...] = attrs.field(validator=tuple_of(tuple))
    reference: str = ""


@attrs.frozen(kw_only=True)
class EmployeeDelay:
    """
    A delay caused by the employee from ``date`` (e.g. no bank account given), up to and
    including ``until`` if known. An instalment falling due in it is due on ``until`` plus
    ``ledger.employee_delay_grace_days``; its lateness is not attributable to the employer.
    """

    date: pendulum.Date = attrs.field(converter=_date)
    until: pendulum.Date | None = attrs.field(default=None, converter=_opt_date)
    reason: str = ""


@attrs.frozen(kw_only=True)
class Activation:
    """
    The employer decides at departure (on or before the termination date) that the
    restriction applies (Interp. (I) Art. 37).

    Where the agreement reserved this decision (:attr:`LedgerTerms.activation_reserved`),
    recording it removes the ``ledger.activation.decision_not_recorded`` finding; otherwise
    it is a timeline record. One dated after the termination date is reported, and applied
    only in the sense that the restriction already runs (see :class:`UndecidedActivation`).
    """

    date: pendulum.Date = attrs.field(converter=_date)


@attrs.frozen(kw_only=True)
class Waiver:
    """
    The employer waives the restriction at departure (on or before the termination date):
    the restriction does not start and no instalment is due. Where the agreement reserved
    activation, this is the decision not to activate (Interp. (I) Art. 37: "unless otherwise
    agreed"). A waiver dated later is an employer release during the period (Art. 39).
    """

    date: pendulum.Date = attrs.field(converter=_date)


@attrs.frozen(kw_only=True)
class EmployerRelease:
    """
    The employer releases the employee from ``date`` (Interp. (I) Art. 39).

    Attributes:
        negotiated_amount: An amount agreed with the employee for the release, replacing
            the statutory extra months; ``None`` applies the statutory extra months.
    """

    date: pendulum.Date = attrs.field(converter=_date)
    negotiated_amount: Money | None = attrs.field(default=None, validator=_opt_event_money)


@attrs.frozen(kw_only=True)
class Rescission:
    """The employee exercises a release right on ``date`` (free from that day if effective)."""

    date: pendulum.Date = attrs.field(converter=_date)
    reference: str = ""


@attrs.frozen(kw_only=True)
class Breach:
    """The employee competes from ``date`` to ``until`` (inclusive; ``None``: ongoing)."""

    date: pendulum.Date = attrs.field(converter=_date)
    until: pendulum.Date | None = attrs.field(default=None, converter=_opt_date)
    description: str = ""


class InServiceBreachKind(enum.Enum):
    """What the employee did while still employed (Interp. (II) Art. 14)."""

    WORKING_FOR_COMPETITOR = "working_for_competitor"
    COMPETING_BUSINESS = "competing_business"
    INDIRECT = "indirect"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class InServiceBreach:
    """
    The employee competed on ``date`` while still employed (on or before the termination
    date): an in-service breach (Interp. (II) Art. 14), kept apart from breaches of the
    post-termination restriction. The ledger records it; it does not change compensation.
    """

    date: pendulum.Date = attrs.field(converter=_date)
    kind: InServiceBreachKind = attrs.field(
        validator=attrs.validators.instance_of(InServiceBreachKind)
    )
    description: str = ""


@attrs.frozen(kw_only=True)
class PenaltyPaid:
    """The employee pays the agreed penalty on ``date``."""

    date: pendulum.Date = attrs.field(converter=_date)
    amount: Money = attrs.field(validator=_event_money)


#: Any dated event of the ledger.
LedgerEvent: TypeAlias = (
    Payment
    | Reminder
    | DeferralPlan
    | EmployeeDelay
    | Activation
    | Waiver
    | EmployerRelease
    | Rescission
    | Breach
    | InServiceBreach
    | PenaltyPaid
)

_KIND_FIELD: dict[type, str] = {
    Payment: "payments",
    Reminder: "reminders",
    DeferralPlan: "deferrals",
    EmployeeDelay: "employee_delays",
    Activation: "activations",
    Waiver: "waivers",
    EmployerRelease: "employer_releases",
    Rescission: "rescissions",
    Breach: "breaches",
    PenaltyPaid: "penalty_payments",
    InServiceBreach: "in_service_breaches",
}


def event_types() -> tuple[type, ...]:
    """Every ledger event class."""
    return tuple(_KIND_FIELD)


def event_field(event: object) -> str | None:
    """The :class:`CompensationLedger` field that holds ``event`` (``None``: not an event)."""
    return _KIND_FIELD.get(type(event))


@attrs.frozen(kw_only=True)
class CompensationLedger:
    """
    Terms plus every recorded event, one typed tuple per kind (JSON-friendly).

    Use :meth:`record` to add events; :meth:`events` gives them in date order.
    """

    terms: LedgerTerms
    payments: tuple[Payment, ...] = attrs.field(default=(), validator=tuple_of(Payment))
    reminders: tuple[Reminder, ...] = attrs.field(default=(), validator=tuple_of(Reminder))
    deferrals: tuple[DeferralPlan, ...] = attrs.field(default=(), validator=tuple_of(DeferralPlan))
    employee_delays: tuple[EmployeeDelay, ...] = attrs.field(
        default=(), validator=tuple_of(EmployeeDelay)
    )
    activations: tuple[Activation, ...] = attrs.field(default=(), validator=tuple_of(Activation))
    waivers: tuple[Waiver, ...] = attrs.field(default=(), validator=tuple_of(Waiver))
    employer_releases: tuple[EmployerRelease, ...] = attrs.field(
        default=(), validator=tuple_of(EmployerRelease)
    )
    rescissions: tuple[Rescission, ...] = attrs.field(default=(), validator=tuple_of(Rescission))
    breaches: tuple[Breach, ...] = attrs.field(default=(), validator=tuple_of(Breach))
    penalty_payments: tuple[PenaltyPaid, ...] = attrs.field(
        default=(), validator=tuple_of(PenaltyPaid)
    )
    in_service_breaches: tuple[InServiceBreach, ...] = attrs.field(
        default=(), validator=tuple_of(InServiceBreach)
    )

    def __attrs_post_init__(self) -> None:
        problems = [
            problem
            for name, field in (
                ("payments", "amount"),
                ("penalty_payments", "amount"),
                ("employer_releases", "negotiated_amount"),
            )
            for n, event in enumerate(getattr(self, name))
            if getattr(event, field) is not None
            for problem in money_problems(f"{name}[{n}].{field}", getattr(event, field))
        ]
        # A case file's ledger section may leave its terms to be derived (not stated yet).
        terms: object = self.terms
        t = terms.termination_date if isinstance(terms, LedgerTerms) else None
        problems += [
            Problem.of(
                f"in_service_breaches[{n}].date",
                event.date,
                "after the termination date: record a Breach of the restriction instead",
            )
            for n, event in enumerate(self.in_service_breaches)
            if t is not None and event.date > t
        ]
        if problems:
            raise InvalidInputError(problems)

    def record(self, *events: LedgerEvent) -> CompensationLedger:
        """A new ledger with ``events`` added (this one is unchanged)."""
        changes: dict[str, tuple[object, ...]] = {}
        for event in events:
            name = _KIND_FIELD.get(type(event))
            if name is None:
                raise InvalidInputError.single("event", event, "not a ledger event")
            changes[name] = (*changes.get(name, getattr(self, name)), event)
        return attrs.evolve(self, **changes)  # type: ignore[arg-type]

    def events(self) -> tuple[LedgerEvent, ...]:
        """Every event, sorted by date (stable: same-day events keep their kind order)."""
        out: list[LedgerEvent] = []
        for name in _KIND_FIELD.values():
            out.extend(getattr(self, name))
        out.sort(key=lambda e: e.date)
        return tuple(out)
