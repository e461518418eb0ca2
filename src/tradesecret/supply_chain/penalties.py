"""
Penalty clauses in supply contracts: exact Decimal calculators with explicit parameters.

These figures are **contract terms**, not law. Each calculator takes the contract's
figure as an argument; only when none is given does it fall back to a default in
``data/supply_chain.toml``, which cites common practice
(``common-practice@2026-11-21``) and says so in a finding. Every result is a
:class:`~tradesecret.results.Determination` of :class:`~tradesecret.money.Money`,
rounded half up to the fen once, at the end, after any cap.

* :func:`quality_penalty` -- a share of the order value for each dB above the agreed
  noise limit. How a fraction of a dB counts is a parameter (:class:`DbFraction`);
  the default is pro rata (0.5 dB over = half the per-dB share), because that reading
  neither rounds a measurement tolerance into a whole step nor lets a whole step go
  unpaid; ``ROUND_UP`` ("each dB or part of one") and ``ROUND_DOWN`` ("each full dB")
  are the alternatives.
* :func:`certification_delay_penalty` -- a share of the order value per day late against
  the agreed schedule. The due day follows the library's period rule: the start day is
  not counted (Civil Code art. 201) and a due day on a statutory rest day moves to the
  next working day (art. 203) unless the contract says otherwise (art. 204:
  ``roll_rest_days=False``).
* :func:`leak_liquidated_damages` -- a multiple of the estimated loss with a floor.

Caps: pass ``cap`` (an amount) and/or ``cap_ratio`` (a share of the order value) where
the contract sets them; the lower applies.

A court or arbitral body may adjust agreed damages; the library does not model that
adjustment (no rule on it is in the catalog yet), and every result says so in a finding.
"""

from __future__ import annotations

from decimal import Decimal

import pendulum

from tradesecret.exceptions import InvalidInputError
from tradesecret.measures import LiquidatedDamages
from tradesecret.money import Money, Ratio
from tradesecret.results import Determination, Finding, Severity, TraceStep
from tradesecret.rulebook import ParameterValue, Rulebook, default_rulebook
from tradesecret.supply_chain._common import (
    COMMON_PRACTICE,
)
from tradesecret.supply_chain._penalty_parts import (
    Caps,
    DbFraction,
    Defaults,
    DelaySteps,
    db_steps,
    delay_inputs,
    due_day,
    leak_inputs,
    penalty_basis,
    quality_inputs,
    settle,
)

__all__ = [
    "DbFraction",
    "certification_delay_penalty",
    "leak_liquidated_damages",
    "quality_penalty",
]


#: A schedule in days: the start day is not counted (art. 201). Art. 202 (periods in months
#: or years) does not apply to a schedule in days, so it is not cited.
def quality_penalty(
    order_value: Money,
    *,
    measured_db: Decimal | int | str,
    limit_db: Decimal | int | str,
    as_of: object,
    rulebook: Rulebook | None = None,
    ratio_per_db: Ratio | None = None,
    fraction: DbFraction = DbFraction.PRO_RATA,
    cap: Money | None = None,
    cap_ratio: Ratio | None = None,
) -> Determination[Money]:
    """
    Quality penalty: ``order_value x ratio_per_db x dB above limit_db``, capped, rounded.

    Args:
        order_value: The order value the share applies to.
        measured_db: Measured noise.
        limit_db: Agreed limit (e.g. 35 dB).
        as_of: Date asked about (selects the default figure).
        rulebook: Default :func:`~tradesecret.rulebook.default_rulebook`.
        ratio_per_db: The contract's share per dB; default
            ``supply_chain.penalty.quality_ratio_per_db`` (2 %, common practice).
        fraction: How a fraction of a dB counts (default pro rata).
        cap: The contract's cap as an amount.
        cap_ratio: The contract's cap as a share of the order value.

    Examples:
        >>> from tradesecret.money import Money
        >>> str(quality_penalty(Money("100000"), measured_db="37.5", limit_db=35, as_of="2026-06-01").value)
        'CNY 5000.00'
    """
    rb = rulebook or default_rulebook()
    day, value, cap_checked, measured, limit = quality_inputs(
        order_value, measured_db, limit_db, as_of, ratio_per_db, fraction, cap, cap_ratio
    )
    defaults = Defaults(rb, day)
    params = defaults.params
    if ratio_per_db is None:
        ratio_per_db = defaults.take(
            "supply_chain.penalty.quality_ratio_per_db", "ratio_per_db"
        ).as_ratio()
    excess = max(measured - limit, Decimal(0))
    steps = db_steps(excess, fraction)
    trace = [
        TraceStep(
            rule=f"db_fraction_{fraction.value}",
            code="supply_chain.trace.db_excess",
            citations=penalty_basis(rb),
            args={"measured": measured, "limit": limit, "excess": excess, "steps": steps},
        )
    ]
    raw = value * ratio_per_db * steps
    trace.append(
        TraceStep(
            rule="share_of_order_value",
            code="supply_chain.trace.quality_amount",
            citations=penalty_basis(rb),
            args={"order_value": value, "ratio": ratio_per_db, "steps": steps, "amount": raw},
            parameters=tuple(params),
        )
    )
    caps = Caps(cap=cap_checked, ratio=cap_ratio, order_value=value)
    return settle(raw, defaults, caps, trace, rule="supply_chain_quality_penalty")


def _delay_terms(
    defaults: Defaults, schedule_days: int | None, ratio_per_day: Ratio | None
) -> tuple[int, Ratio]:
    """The contract's schedule and daily share, or the practice defaults (recorded)."""
    if schedule_days is None:
        schedule_days = defaults.take(
            "supply_chain.penalty.certification_schedule_days", "schedule_days"
        ).as_int()
    if ratio_per_day is None:
        ratio_per_day = defaults.take(
            "supply_chain.penalty.certification_delay_ratio_per_day", "ratio_per_day"
        ).as_ratio()
    return schedule_days, ratio_per_day


def certification_delay_penalty(
    order_value: Money,
    *,
    schedule_start: object,
    completed_on: object,
    as_of: object,
    rulebook: Rulebook | None = None,
    schedule_days: int | None = None,
    ratio_per_day: Ratio | None = None,
    roll_rest_days: bool = True,
    cap: Money | None = None,
    cap_ratio: Ratio | None = None,
) -> Determination[Money]:
    """
    Certification delay penalty: ``order_value x ratio_per_day x days late``, capped, rounded.

    The schedule runs ``schedule_days`` days from the day after ``schedule_start``; the due day
    moves past rest days unless ``roll_rest_days`` is False. On time costs nothing.

    Args:
        order_value: The order value the share applies to.
        schedule_start: The day the schedule starts from (not counted).
        completed_on: The day certification was completed.
        as_of: Date asked about (selects the default figures).
        rulebook: Default :func:`~tradesecret.rulebook.default_rulebook`.
        schedule_days: The contract's schedule; default 45 days (common practice).
        ratio_per_day: The contract's share per day late; default 0.5 % (common practice).
        roll_rest_days: Move a due day on a rest day to the next working day (default).
        cap: The contract's cap as an amount.
        cap_ratio: The contract's cap as a share of the order value.

    Examples:
        >>> from tradesecret.money import Money
        >>> d = certification_delay_penalty(Money("200000"), schedule_start="2026-03-02",
        ...                                 completed_on="2026-04-20", as_of="2026-04-20")
        >>> str(d.value)
        'CNY 4000.00'
    """
    rb = rulebook or default_rulebook()
    day, start, done, value, cap_checked = delay_inputs(
        order_value,
        schedule_start,
        completed_on,
        as_of,
        schedule_days,
        ratio_per_day,
        cap,
        cap_ratio,
    )
    defaults = Defaults(rb, day)
    params = defaults.params
    schedule_days, ratio_per_day = _delay_terms(defaults, schedule_days, ratio_per_day)
    late_said: list[Finding] = []  # what moving the due day says
    due, nominal, period_cites = due_day(start, schedule_days, rb, late_said, roll=roll_rest_days)
    late = max((done - due).in_days(), 0) if done > due else 0
    steps = DelaySteps(start=start, due=due, nominal=nominal, done=done, late=late)
    trace = steps.trace(schedule_days, params, period_cites)
    raw = value * ratio_per_day * late
    trace.append(
        TraceStep(
            rule="share_of_order_value",
            code="supply_chain.trace.delay_amount",
            citations=penalty_basis(rb),
            args={"order_value": value, "ratio": ratio_per_day, "days": late, "amount": raw},
            parameters=tuple(p for p in params if p.unit == "ratio"),
        )
    )
    caps = Caps(cap=cap_checked, ratio=cap_ratio, order_value=value)
    rule = "supply_chain_certification_delay"
    return settle(raw, defaults, caps, trace, rule=rule, findings=late_said, extra=period_cites)


def _above_practice(
    factor: Decimal | None, rb: Rulebook, day: pendulum.Date, params: list[ParameterValue]
) -> list[Finding]:
    """A multiple above the practice range is reported (low), never refused."""
    practice_max = rb.param("supply_chain.penalty.leak_multiple_max", as_of=day)
    if factor is None or factor <= practice_max.as_decimal():
        return []
    params.append(practice_max)
    return [
        Finding(
            code="supply_chain.penalty.multiple_above_practice",
            severity=Severity.LOW,
            citations=(rb.cite(COMMON_PRACTICE),),
            args={"multiple": factor, "practice_max": practice_max.as_decimal()},
        )
    ]


def leak_liquidated_damages(
    estimated_loss: Money,
    *,
    as_of: object,
    rulebook: Rulebook | None = None,
    multiple: Decimal | int | str | None = None,
    floor: Money | None = None,
    cap: Money | None = None,
    terms: LiquidatedDamages | None = None,
) -> Determination[Money]:
    """
    Liquidated damages for a leak: ``max(estimated_loss x multiple, floor)``, capped, rounded.

    ``terms`` (the :class:`~tradesecret.measures.LiquidatedDamages` of an NDA) supplies
    the multiple, the floor and a fixed amount (which, like the floor, is a minimum);
    explicit ``multiple`` and ``floor`` arguments win over ``terms``. With ``terms``, only
    what they (or the explicit arguments) set is used: an NDA that agrees a fixed sum only
    gets that sum. Without ``terms``, a missing multiple or floor takes the practice
    default (3x, RMB 500,000) and a finding says so. A multiple above the practice range
    (5x) is reported, not refused.

    Examples:
        >>> from tradesecret.money import Money
        >>> str(leak_liquidated_damages(Money("100000"), as_of="2026-06-01").value)
        'CNY 500000.00'
        >>> str(leak_liquidated_damages(Money("400000"), as_of="2026-06-01").value)
        'CNY 1200000.00'
    """
    rb = rulebook or default_rulebook()
    day, loss, factor, terms = leak_inputs(estimated_loss, as_of, multiple, floor, cap, terms)
    defaults = Defaults(rb, day)
    params = defaults.params
    minimum = floor if floor is not None else (terms.floor if terms is not None else None)
    if terms is None:
        # no agreed terms at all: the practice defaults fill the gaps
        if factor is None:
            factor = defaults.take("supply_chain.penalty.leak_multiple", "multiple").as_decimal()
        if minimum is None:
            minimum = defaults.take("supply_chain.penalty.leak_floor", "floor").as_money()
    fixed = terms.fixed if terms is not None else None
    if factor is None and minimum is None and fixed is None:
        raise InvalidInputError.single(
            "terms", terms, "the agreed terms set no multiple, floor or fixed amount"
        )
    above = _above_practice(factor, rb, day, params)  # before the trace: it adds a parameter
    product = loss * factor if factor is not None else None
    candidates = [m for m in (product, minimum, fixed) if m is not None]
    raw = max(candidates, key=lambda m: m.amount)
    shown = {"multiple": factor, "product": product, "floor": minimum, "fixed": fixed}
    trace = [
        TraceStep(
            rule="multiple_with_floor",
            code="supply_chain.trace.leak_amount",
            citations=penalty_basis(rb),
            args={
                "loss": loss,
                **{k: "—" if v is None else v for k, v in shown.items()},
                "amount": raw,
            },
            parameters=tuple(params),
        )
    ]
    return settle(
        raw, defaults, Caps(cap=cap), trace, rule="supply_chain_leak_damages", findings=above
    )
