"""The parts the penalty calculators share: input checks, contract defaults, caps, the due day."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

import attrs
import pendulum

from tradesecret.dates import deadline, term_end
from tradesecret.exceptions import Problem
from tradesecret.law import Citation
from tradesecret.measures import LiquidatedDamages
from tradesecret.money import Money, Ratio
from tradesecret.results import Determination, Finding, Severity, Term, TraceStep
from tradesecret.rulebook import ParameterValue, Rulebook
from tradesecret.supply_chain._common import (
    COMMON_PRACTICE,
    POLICY,
    collect,
    date_or_problem,
    decimal_or_problem,
    used,
)

__all__ = [
    "AGREE_OTHERWISE",
    "PERIOD_RULE",
    "REST_DAY_RULE",
    "Caps",
    "DbFraction",
    "Defaults",
    "DelaySteps",
    "apply_caps",
    "contract_term_finding",
    "db_steps",
    "delay_inputs",
    "due_day",
    "finish",
    "leak_inputs",
    "money_arg",
    "penalty_basis",
    "quality_inputs",
    "ratio_arg",
    "settle",
]

#: A schedule in days: the start day is not counted (art. 201). Art. 202 (periods in months
#: or years) does not apply to a schedule in days, so it is not cited.
PERIOD_RULE = ("civil-code@2020-05-28:201",)
REST_DAY_RULE = "civil-code@2020-05-28:203"
AGREE_OTHERWISE = "civil-code@2020-05-28:204"


class DbFraction(enum.Enum):
    """How a fraction of a dB above the limit counts."""

    #: Proportionally: 0.4 dB over is 0.4 of the per-dB share (default).
    PRO_RATA = "pro_rata"
    #: Every started dB counts in full: 0.4 dB over is one step.
    ROUND_UP = "round_up"
    #: Only full dB count: 0.4 dB over is nothing, 1.4 dB is one step.
    ROUND_DOWN = "round_down"


def money_arg(value: object, path: str, problems: list[Problem]) -> Money | None:
    if not isinstance(value, Money):
        problems.append(Problem.of(path, value, "must be Money"))
        return None
    if value.amount < 0:
        problems.append(Problem.of(path, value, "must not be negative"))
        return None
    return value


def ratio_arg(value: object, path: str, problems: list[Problem]) -> None:
    if value is None:
        return
    if not isinstance(value, Ratio):
        problems.append(Problem.of(path, value, 'must be a Ratio (e.g. Ratio("0.02"))'))
    elif value.value < 0:
        problems.append(Problem.of(path, value, "must not be negative"))


def penalty_basis(rb: Rulebook) -> tuple[Citation, ...]:
    return (rb.cite(COMMON_PRACTICE), rb.cite(POLICY))


class Defaults:
    """The contract terms a caller left out, filled from the rulebook and remembered."""

    def __init__(self, rb: Rulebook, day: pendulum.Date) -> None:
        self.rb = rb
        self.day = day
        self.params: list[ParameterValue] = []
        self.defaulted: list[str] = []

    def take(self, name: str, term: str) -> ParameterValue:
        """The parameter ``name`` standing in for the contract term ``term``."""
        value = self.rb.param(name, as_of=self.day)
        self.params.append(value)
        self.defaulted.append(term)
        return value


def contract_term_finding(rb: Rulebook, *, defaulted: tuple[str, ...]) -> tuple[Finding, ...]:
    findings = [
        Finding(
            code="supply_chain.penalty.contract_term",
            severity=Severity.INFO,
            citations=(rb.cite(COMMON_PRACTICE),),
        )
    ]
    findings.extend(
        Finding(
            code="supply_chain.penalty.default_figure",
            severity=Severity.LOW,
            citations=(rb.cite(COMMON_PRACTICE),),
            args={"figure": Term(f"term.supply_chain.figure.{name}")},
            remedies=("supply_chain.remedy.use_contract_figures",),
        )
        for name in defaulted
    )
    return tuple(findings)


def apply_caps(
    amount: Money,
    *,
    order_value: Money | None,
    cap: Money | None,
    cap_ratio: Ratio | None,
    rb: Rulebook,
    trace: list[TraceStep],
) -> Money:
    limits: list[Money] = []
    if cap is not None:
        limits.append(cap)
    if cap_ratio is not None and order_value is not None:
        limits.append(order_value * cap_ratio)
    if limits:
        lowest = min(limits, key=lambda m: m.amount)
        if lowest < amount:
            trace.append(
                TraceStep(
                    rule="contract_cap",
                    code="supply_chain.trace.cap_applied",
                    citations=penalty_basis(rb),
                    args={"before": amount, "cap": lowest},
                )
            )
            return lowest
    return amount


def finish(
    amount: Money,
    *,
    rule: str,
    day: pendulum.Date,
    rb: Rulebook,
    params: tuple[ParameterValue, ...],
    trace: list[TraceStep],
    findings: tuple[Finding, ...],
    extra: tuple[Citation, ...] = (),
) -> Determination[Money]:
    rounded = amount.round_fen()
    trace.append(
        TraceStep(
            rule="round_fen_half_up",
            code="supply_chain.trace.rounded",
            citations=(rb.cite(POLICY),),
            args={"amount": rounded},
        )
    )
    return Determination(
        value=rounded,
        rule=rule,
        as_of=day,
        citations=(*penalty_basis(rb), *extra),
        parameters=used(*params),
        trace=tuple(trace),
        findings=findings,
    )


@attrs.frozen(kw_only=True)
class Caps:
    """The contract's caps on a penalty: an amount, and a share of the order value."""

    cap: Money | None = None
    ratio: Ratio | None = None
    order_value: Money | None = None


def settle(
    raw: Money,
    defaults: Defaults,
    caps: Caps,
    trace: list[TraceStep],
    *,
    rule: str,
    findings: Sequence[Finding] = (),
    extra: tuple[Citation, ...] = (),
) -> Determination[Money]:
    """
    The last steps every penalty shares: ``raw`` capped (:func:`apply_caps`) and rounded
    (:func:`finish`), with the parameters the defaults used and, before ``findings``, the
    contract-term findings (:func:`contract_term_finding`).
    """
    rb = defaults.rb
    capped = apply_caps(
        raw, order_value=caps.order_value, cap=caps.cap, cap_ratio=caps.ratio, rb=rb, trace=trace
    )
    said = contract_term_finding(rb, defaulted=tuple(defaults.defaulted))
    return finish(
        capped,
        rule=rule,
        day=defaults.day,
        rb=rb,
        params=tuple(defaults.params),
        trace=trace,
        findings=(*said, *findings),
        extra=extra,
    )


def db_steps(excess: Decimal, fraction: DbFraction) -> Decimal:
    """The dB counted: pro rata, or rounded up or down to whole dB."""
    if fraction is DbFraction.ROUND_UP:
        return excess.to_integral_value(rounding=ROUND_CEILING)
    if fraction is DbFraction.ROUND_DOWN:
        return excess.to_integral_value(rounding=ROUND_FLOOR)
    return excess


def quality_inputs(  # noqa: PLR0917 - the arguments of quality_penalty
    order_value: object,
    measured_db: object,
    limit_db: object,
    as_of: object,
    ratio_per_db: object,
    fraction: object,
    cap: object,
    cap_ratio: object,
) -> tuple[pendulum.Date, Money, Money | None, Decimal, Decimal]:
    """The checked inputs, or one error listing every problem."""
    problems: list[Problem] = []
    day = date_or_problem(as_of, "as_of", problems)
    value = money_arg(order_value, "order_value", problems)
    cap_checked = money_arg(cap, "cap", problems) if cap is not None else None
    ratio_arg(ratio_per_db, "ratio_per_db", problems)
    ratio_arg(cap_ratio, "cap_ratio", problems)
    if not isinstance(fraction, DbFraction):
        problems.append(Problem.of("fraction", fraction, "must be a DbFraction"))
    measured = decimal_or_problem(measured_db, "measured_db", problems)
    limit = decimal_or_problem(limit_db, "limit_db", problems)
    if measured is not None and measured < 0:
        problems.append(Problem.of("measured_db", measured_db, "must not be negative"))
    if limit is not None and limit < 0:
        problems.append(Problem.of("limit_db", limit_db, "must not be negative"))
    collect(problems)
    assert value is not None
    assert day is not None
    assert measured is not None
    assert limit is not None
    return day, value, cap_checked, measured, limit


def delay_inputs(  # noqa: PLR0917 - the arguments of certification_delay_penalty
    order_value: object,
    schedule_start: object,
    completed_on: object,
    as_of: object,
    schedule_days: object,
    ratio_per_day: object,
    cap: object,
    cap_ratio: object,
) -> tuple[pendulum.Date, pendulum.Date, pendulum.Date, Money, Money | None]:
    """The checked inputs, or one error listing every problem."""
    problems: list[Problem] = []
    day = date_or_problem(as_of, "as_of", problems)
    start = date_or_problem(schedule_start, "schedule_start", problems)
    done = date_or_problem(completed_on, "completed_on", problems)
    value = money_arg(order_value, "order_value", problems)
    cap_checked = money_arg(cap, "cap", problems) if cap is not None else None
    ratio_arg(ratio_per_day, "ratio_per_day", problems)
    ratio_arg(cap_ratio, "cap_ratio", problems)
    if schedule_days is not None and (
        isinstance(schedule_days, bool) or not isinstance(schedule_days, int) or schedule_days < 0
    ):
        problems.append(
            Problem.of("schedule_days", schedule_days, "must be a non-negative integer")
        )
    if done is not None and start is not None and done < start:
        problems.append(Problem.of("completed_on", completed_on, "before schedule_start"))
    collect(problems)
    assert value is not None
    assert day is not None
    assert start is not None
    assert done is not None
    return day, start, done, value, cap_checked


@attrs.frozen(kw_only=True)
class DelaySteps:
    """The schedule's days: start, nominal and due day, completion, days late."""

    start: pendulum.Date
    due: pendulum.Date
    nominal: pendulum.Date
    done: pendulum.Date
    late: int

    def trace(
        self, days: int, params: list[ParameterValue], cites: tuple[Citation, ...]
    ) -> list[TraceStep]:
        return [
            TraceStep(
                rule="schedule_due_day",
                code="supply_chain.trace.schedule_due",
                citations=cites,
                args={"start": self.start, "days": days, "nominal": self.nominal, "due": self.due},
                parameters=tuple(p for p in params if p.unit == "days"),
                on=self.due,
            ),
            TraceStep(
                rule="days_late",
                code="supply_chain.trace.days_late",
                citations=cites,
                args={"completed": self.done, "due": self.due, "days": self.late},
                on=self.done,
            ),
        ]


def due_day(
    start: pendulum.Date, days: int, rb: Rulebook, findings: list[Finding], *, roll: bool
) -> tuple[pendulum.Date, pendulum.Date, tuple[Citation, ...]]:
    """The due day (moved past rest days when ``roll``), the nominal one, and their basis."""
    period_cites = rb.cite_all(*PERIOD_RULE)
    if not roll:
        due = term_end(start, days=days)
        return due, due, (*period_cites, rb.cite(AGREE_OTHERWISE))
    dl = deadline(start, days=days)
    if not dl.calendar_official:
        findings.append(
            Finding(
                code="supply_chain.penalty.calendar_unofficial",
                severity=Severity.LOW,
                citations=(rb.cite(REST_DAY_RULE),),
                args={"year": str(dl.due.year)},
            )
        )
    return dl.due, dl.nominal, (*period_cites, rb.cite(REST_DAY_RULE))


def leak_inputs(  # noqa: PLR0917 - the arguments of leak_liquidated_damages
    estimated_loss: object,
    as_of: object,
    multiple: object,
    floor: object,
    cap: object,
    terms: object,
) -> tuple[pendulum.Date, Money, Decimal | None, LiquidatedDamages | None]:
    """The checked inputs (the multiple from the argument, else the terms), or one error."""
    problems: list[Problem] = []
    day = date_or_problem(as_of, "as_of", problems)
    loss = money_arg(estimated_loss, "estimated_loss", problems)
    if floor is not None:
        money_arg(floor, "floor", problems)
    if cap is not None:
        money_arg(cap, "cap", problems)
    if terms is not None and not isinstance(terms, LiquidatedDamages):
        problems.append(Problem.of("terms", terms, "must be LiquidatedDamages"))
        terms = None
    factor: Decimal | None = None
    if multiple is not None:
        factor = decimal_or_problem(multiple, "multiple", problems)
        if factor is not None and factor < 0:
            problems.append(Problem.of("multiple", multiple, "must not be negative"))
    elif isinstance(terms, LiquidatedDamages) and terms.multiple is not None:
        factor = terms.multiple
        if factor < 0:
            problems.append(Problem.of("terms.multiple", factor, "must not be negative"))
    collect(problems)
    assert loss is not None
    assert day is not None
    return day, loss, factor, terms if isinstance(terms, LiquidatedDamages) else None
