"""
Compensation and penalty clauses as employers write them, and what each one gives.

The shapes (clause as written, never reinterpreted):

* compensation -- a monthly amount; a ratio of the average monthly wage; a ratio of the
  local minimum wage; an annual amount spread over the months; a lump sum; each with or
  without a "not below the minimum wage" floor;
* penalty (违约金) -- a fixed amount; a multiple of the total agreed compensation; a
  multiple of annual income (with or without income from affiliates); a multiple
  ("double") of the compensation of the months in breach; and, on any of them, "the
  actual loss if higher".

A clause whose figure is not stated (a multiple without its number: ``UNKNOWN``) is read
with the figure unknown: what turns on it is unknown, never a silent zero; a figure given
as ``None`` or given for a shape that has none is an
:class:`~tradesecret.exceptions.InvalidInputError` naming the field.
A clause that was not stated at all is :data:`~tradesecret.facts.UNKNOWN` where it is used.
The amounts computed here are the clause's own arithmetic; an amount that needs a fact not
stated (the average wage, the months in breach) is :data:`~tradesecret.facts.UNKNOWN`.

Examples:
    >>> from decimal import Decimal
    >>> from tradesecret.money import Money
    >>> from tradesecret.remedies.clauses import (
    ...     CompensationClause, CompensationShape, IncomeFacts, PenaltyClause, PenaltyShape,
    ...     monthly_compensation, penalty_amount)
    >>> c = CompensationClause(shape=CompensationShape.ANNUAL_AMOUNT, amount=Money("120000"),
    ...                        minimum_wage_floor=False)
    >>> str(monthly_compensation(c, period_months=12))
    'CNY 10000.00'

    Whether the clause has a minimum-wage floor, not stated, matters only where the floor
    could lift the amount:

    >>> low = CompensationClause(shape=CompensationShape.MONTHLY_AMOUNT, amount=Money("2000"))
    >>> monthly_compensation(low, period_months=12)
    UNKNOWN
    >>> str(monthly_compensation(low, period_months=12,
    ...                          income=IncomeFacts(minimum_wage=Money("1900"))))
    'CNY 2000.00'
    >>> str(monthly_compensation(low, period_months=12, floor_bound=Money("1999")))
    'CNY 2000.00'
    >>> p = PenaltyClause(shape=PenaltyShape.MULTIPLE_OF_TOTAL_COMPENSATION, multiple=Decimal("3"))
    >>> str(penalty_amount(p, compensation=c, period_months=12, income=IncomeFacts()))
    'CNY 360000.00'
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Final

import attrs

from tradesecret.exceptions import InvalidInputError, Problem, render_value
from tradesecret.facts import UNKNOWN, Fact
from tradesecret.money import Money, Ratio, times

__all__ = [
    "CompensationClause",
    "CompensationShape",
    "IncomeFacts",
    "PenaltyClause",
    "PenaltyShape",
    "monthly_compensation",
    "penalty_amount",
    "total_compensation",
]

#: Calendar arithmetic (months in a year), not a legal figure.
_MONTHS_PER_YEAR = 12


class CompensationShape(enum.Enum):
    """How a compensation clause states the amount."""

    MONTHLY_AMOUNT = "monthly_amount"  # 每月固定金额
    AVERAGE_WAGE_RATIO = "average_wage_ratio"  # 离职前十二个月平均工资的比例
    MINIMUM_WAGE_RATIO = "minimum_wage_ratio"  # 当地最低工资标准的比例（倍数）
    ANNUAL_AMOUNT = "annual_amount"  # 年度金额，按月分摊
    LUMP_SUM = "lump_sum"  # 一次性支付


class PenaltyShape(enum.Enum):
    """How a penalty clause states the amount."""

    NONE = "none"  # 未约定违约金 (stated: no penalty)
    FIXED_AMOUNT = "fixed_amount"  # 固定金额
    MULTIPLE_OF_TOTAL_COMPENSATION = "multiple_of_total_compensation"  # 补偿总额的倍数
    MULTIPLE_OF_MONTHLY_WAGE = "multiple_of_monthly_wage"  # 月平均工资的倍数
    MULTIPLE_OF_ANNUAL_INCOME = "multiple_of_annual_income"  # 年收入的倍数
    MULTIPLE_OF_BREACHED_MONTHS_COMPENSATION = (
        "multiple_of_breached_months_compensation"  # 违约期间补偿的倍数（如双倍）
    )


_AMOUNT_SHAPES = frozenset(
    {CompensationShape.MONTHLY_AMOUNT, CompensationShape.ANNUAL_AMOUNT, CompensationShape.LUMP_SUM}
)
_RATIO_SHAPES = frozenset(
    {CompensationShape.AVERAGE_WAGE_RATIO, CompensationShape.MINIMUM_WAGE_RATIO}
)


def _given(value: object) -> bool:
    return value is not UNKNOWN and value is not None


def _wrong_kind(path: str, value: object, kind: type | tuple[type, ...]) -> Problem:
    """A value of another kind than the clause's operand (in the library's words)."""
    if kind is Money:
        return Problem.of(path, value, "must be an amount of money")
    if kind is Ratio:
        return Problem.of(path, value, "must be a ratio")
    return Problem.of(path, value, "must be a number")


def _operand_problems(
    prefix: str, shape: enum.Enum, fields: dict[str, tuple[object, type | tuple[type, ...], bool]]
) -> list[Problem]:
    """Each field: (value, expected type, required for this shape)."""
    problems: list[Problem] = []
    for name, (value, kind, required) in fields.items():
        path = f"{prefix}.{name}"
        if required and value is None:  # UNKNOWN: the figure is not stated (read as unknown)
            problems.append(
                Problem.of(
                    path,
                    value,
                    "the clause cannot be read: shape {shape} needs its {field}",
                    shape=render_value(shape.value),
                    field=name,
                )
            )
        elif not required and _given(value):
            problems.append(
                Problem.of(
                    path,
                    value,
                    "given, but shape {shape} has no {field}",
                    shape=render_value(shape.value),
                    field=name,
                )
            )
        elif _given(value) and (isinstance(value, bool) or not isinstance(value, kind)):
            problems.append(_wrong_kind(path, value, kind))
        elif isinstance(value, Money) and value.amount < 0:
            problems.append(Problem.of(path, value, "must not be negative"))
        elif isinstance(value, Decimal | int) and not isinstance(value, bool) and value < 0:
            problems.append(Problem.of(path, value, "must be >= 0"))
    return problems


@attrs.frozen(kw_only=True)
class CompensationClause:
    """
    A compensation clause as written.

    Attributes:
        shape: How the amount is stated.
        amount: The monthly, annual or lump-sum amount (amount shapes only).
        ratio: The ratio of the average wage or of the minimum wage (ratio shapes only).
        minimum_wage_floor: The clause says the monthly amount is not below the local
            minimum wage (``UNKNOWN``: not stated).
        text: The clause as written.
    """

    shape: CompensationShape
    amount: Fact[Money] = UNKNOWN
    ratio: Fact[Ratio] = UNKNOWN
    minimum_wage_floor: Fact[bool] = UNKNOWN
    text: str = ""

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.shape, CompensationShape):
            raise InvalidInputError.single(
                "compensation.shape",
                self.shape,
                "expected one of {allowed}",
                allowed=[f"CompensationShape.{k.name}" for k in CompensationShape],
            )
        problems = _operand_problems(
            "compensation",
            self.shape,
            {
                "amount": (self.amount, Money, self.shape in _AMOUNT_SHAPES),
                "ratio": (self.ratio, Ratio, self.shape in _RATIO_SHAPES),
            },
        )
        if problems:
            raise InvalidInputError(problems)


@attrs.frozen(kw_only=True)
class PenaltyClause:
    """
    A penalty (违约金) clause as written.

    Attributes:
        shape: How the amount is stated.
        amount: The fixed amount (``FIXED_AMOUNT``).
        multiple: The multiple (the three ``MULTIPLE_*`` shapes; "double" is 2).
        includes_affiliate_income: For a multiple of annual income: income from the
            employer's affiliates counts (``UNKNOWN``: the clause does not say).
        actual_loss_if_higher: The clause adds "or the actual loss, if higher".
        text: The clause as written.
    """

    shape: PenaltyShape
    amount: Fact[Money] = UNKNOWN
    multiple: Fact[Decimal] = UNKNOWN
    includes_affiliate_income: Fact[bool] = UNKNOWN
    actual_loss_if_higher: bool = False
    text: str = ""

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.shape, PenaltyShape):
            raise InvalidInputError.single(
                "penalty.shape",
                self.shape,
                "expected one of {allowed}",
                allowed=[f"PenaltyShape.{k.name}" for k in PenaltyShape],
            )
        fixed = self.shape is PenaltyShape.FIXED_AMOUNT
        multiple = not fixed and self.shape is not PenaltyShape.NONE
        problems = _operand_problems(
            "penalty",
            self.shape,
            {
                "amount": (self.amount, Money, fixed),
                "multiple": (self.multiple, (Decimal, int), multiple),
            },
        )
        if self.shape is PenaltyShape.NONE and self.actual_loss_if_higher:
            problems.append(
                Problem.of("penalty.actual_loss_if_higher", True, "no penalty is agreed")
            )
        if (
            self.shape is not PenaltyShape.MULTIPLE_OF_ANNUAL_INCOME
            and self.includes_affiliate_income is not UNKNOWN
        ):
            problems.append(
                Problem.of(
                    "penalty.includes_affiliate_income",
                    self.includes_affiliate_income,
                    "only a multiple of annual income counts affiliate income",
                )
            )
        if problems:
            raise InvalidInputError(problems)


@attrs.frozen(kw_only=True)
class IncomeFacts:
    """
    The money facts a clause may be measured on; each may be unknown.

    Attributes:
        average_monthly_wage: Average monthly wage of the 12 months before termination.
        minimum_wage: The monthly minimum wage of the place of performance.
        annual_income: The employee's annual income from the employer.
        affiliate_income: Annual income from the employer's affiliates.
        breached_months: Months of the period in breach.
    """

    average_monthly_wage: Fact[Money] = UNKNOWN
    minimum_wage: Fact[Money] = UNKNOWN
    annual_income: Fact[Money] = UNKNOWN
    affiliate_income: Fact[Money] = UNKNOWN
    breached_months: Fact[int] = UNKNOWN


def monthly_compensation(
    clause: CompensationClause,
    *,
    period_months: int,
    income: IncomeFacts | None = None,
    floor_bound: Money | None = None,
) -> Fact[Money]:
    """
    The monthly amount the clause gives (rounded to the fen), or ``UNKNOWN`` where it
    turns on a fact not stated. An annual amount is spread over twelve months; a lump sum
    over the restricted period. The floor, where the clause has one, is the minimum wage.

    A floor or a minimum wage not stated leaves the amount unknown only where the floor
    could lift it: an amount at or above the minimum wage stated, or at or above
    ``floor_bound`` (the highest minimum wage the rulebook holds, where the caller knows
    it), is what the clause gives with or without a floor.
    """
    facts = income if income is not None else IncomeFacts()
    exact = _monthly_exact(clause, period_months, facts, floor_bound)
    return UNKNOWN if exact is UNKNOWN else exact.round_fen()


def _raw_monthly(clause: CompensationClause, period_months: int, facts: IncomeFacts) -> Fact[Money]:
    """The monthly amount as written, before any floor and before rounding."""
    shape = clause.shape
    if shape is CompensationShape.MONTHLY_AMOUNT:
        return clause.amount
    if shape is CompensationShape.ANNUAL_AMOUNT:
        return UNKNOWN if clause.amount is UNKNOWN else clause.amount / _MONTHS_PER_YEAR
    if shape is CompensationShape.LUMP_SUM:
        lump = clause.amount
        return UNKNOWN if lump is UNKNOWN or period_months <= 0 else lump / period_months
    base = (
        facts.average_monthly_wage
        if shape is CompensationShape.AVERAGE_WAGE_RATIO
        else facts.minimum_wage
    )
    ratio = clause.ratio
    if base is UNKNOWN or ratio is UNKNOWN:
        return UNKNOWN
    return times(base, ratio.value, "compensation.ratio", ratio)


def _floored(
    monthly: Money, floor: Fact[bool], minimum: Fact[Money], bound: Money | None
) -> Fact[Money]:
    """
    ``monthly`` with the minimum-wage floor applied; ``UNKNOWN`` only where the floor
    (not stated) or the minimum wage (not stated) could lift it.
    """
    if floor is False:
        return monthly
    if minimum is not UNKNOWN:
        if floor is True or monthly >= minimum:
            return max(monthly, minimum)
        return UNKNOWN  # below the minimum wage: a floor, if the clause has one, lifts it
    if bound is not None and monthly >= bound:
        return monthly  # above every minimum wage held: a floor changes nothing
    return UNKNOWN


def _monthly_exact(
    clause: CompensationClause,
    period_months: int,
    facts: IncomeFacts,
    floor_bound: Money | None = None,
) -> Fact[Money]:
    """The monthly amount before rounding (rounded once where it is shown or totalled)."""
    monthly = _raw_monthly(clause, period_months, facts)
    if monthly is UNKNOWN:
        return UNKNOWN
    return _floored(monthly, clause.minimum_wage_floor, facts.minimum_wage, floor_bound)


def total_compensation(
    clause: CompensationClause,
    *,
    period_months: int,
    income: IncomeFacts | None = None,
    floor_bound: Money | None = None,
) -> Fact[Money]:
    """
    The total over the period: the lump sum as agreed (unless a floor lifts it), else
    the monthly amount times the months (``floor_bound`` as for
    :func:`monthly_compensation`).
    """
    facts = income if income is not None else IncomeFacts()
    if clause.shape is CompensationShape.LUMP_SUM:
        if clause.minimum_wage_floor is False:
            return clause.amount
        raw = _raw_monthly(clause, period_months, facts)
        if (
            raw is not UNKNOWN
            and _floored(raw, clause.minimum_wage_floor, facts.minimum_wage, floor_bound) == raw
        ):
            return clause.amount  # the floor does not lift it
    monthly = _monthly_exact(clause, period_months, facts, floor_bound)
    if monthly is UNKNOWN:
        return UNKNOWN
    return times(monthly, Decimal(period_months), "compensation", monthly).round_fen()


def penalty_amount(
    clause: PenaltyClause,
    *,
    compensation: CompensationClause | None,
    period_months: int,
    income: IncomeFacts,
    loss: Fact[Money] = UNKNOWN,
    floor_bound: Money | None = None,
) -> Fact[Money]:
    """
    The amount the penalty clause gives (rounded to the fen), or ``UNKNOWN`` where it
    turns on a fact not stated. With "the actual loss if higher", the higher of the two
    where the loss is stated; where it is not, the agreed figure is the least the clause
    gives and the amount stays unknown. ``floor_bound`` as for :func:`monthly_compensation`.
    """
    agreed = _agreed(clause, compensation, period_months, income, floor_bound)
    if agreed is UNKNOWN:
        return UNKNOWN
    if clause.actual_loss_if_higher:
        if loss is UNKNOWN:
            return UNKNOWN
        agreed = max(agreed, loss)
    return agreed.round_fen()


def _agreed(
    clause: PenaltyClause,
    compensation: CompensationClause | None,
    period_months: int,
    income: IncomeFacts,
    floor_bound: Money | None,
) -> Fact[Money]:
    shape, multiple = clause.shape, clause.multiple
    if shape is PenaltyShape.NONE:
        return Money.zero()  # stated: no penalty agreed
    if shape is PenaltyShape.FIXED_AMOUNT:
        return clause.amount
    if multiple is UNKNOWN:
        return UNKNOWN
    if shape is PenaltyShape.MULTIPLE_OF_ANNUAL_INCOME:
        if income.annual_income is UNKNOWN:
            return UNKNOWN
        base = income.annual_income
        if clause.includes_affiliate_income is UNKNOWN:
            return UNKNOWN
        if clause.includes_affiliate_income:
            if income.affiliate_income is UNKNOWN:
                return UNKNOWN
            base = base + income.affiliate_income
        return times(base, multiple, _MULTIPLE, multiple)
    if shape is PenaltyShape.MULTIPLE_OF_MONTHLY_WAGE:
        wage = income.average_monthly_wage
        return UNKNOWN if wage is UNKNOWN else times(wage, multiple, _MULTIPLE, multiple)
    if compensation is None:
        return UNKNOWN
    if shape is PenaltyShape.MULTIPLE_OF_TOTAL_COMPENSATION:
        total = total_compensation(
            compensation, period_months=period_months, income=income, floor_bound=floor_bound
        )
        return UNKNOWN if total is UNKNOWN else times(total, multiple, _MULTIPLE, multiple)
    monthly = _monthly_exact(compensation, period_months, income, floor_bound)
    if monthly is UNKNOWN or income.breached_months is UNKNOWN:
        return UNKNOWN
    months = income.breached_months
    breached = times(monthly, Decimal(months), "income.breached_months", months)
    return times(breached, multiple, _MULTIPLE, multiple)


#: Where the penalty clause's multiple is, relative to the remedies' input.
_MULTIPLE: Final = "penalty.multiple"
