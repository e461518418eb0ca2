"""
The inputs of :func:`~tradesecret.remedies.remedies`: a breach with what the remedies turn on.
"""

from __future__ import annotations

import enum

import attrs
import pendulum

from tradesecret._convert import date_field
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.facts import UNKNOWN, Fact
from tradesecret.money import Money
from tradesecret.remedies.breach import Breach, Business
from tradesecret.remedies.clauses import CompensationClause, IncomeFacts, PenaltyClause

__all__ = ["AfterBreach", "Payment", "ReturnScope"]


class ReturnScope(enum.Enum):
    """What the agreement says is returned on breach."""

    ALL_PAID = "all_paid"  # 返还已支付的全部经济补偿
    BREACHED_MONTHS = "breached_months"  # 仅返还违约期间对应的经济补偿
    NONE_AGREED = "none_agreed"  # 未约定返还


@attrs.frozen(kw_only=True)
class Payment:
    """
    One compensation payment.

    Attributes:
        month: The month it pays for (any day of it; kept as its first day).
        amount: The amount paid.
    """

    month: pendulum.Date = attrs.field(converter=date_field)
    amount: Money

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.amount, Money) or self.amount.amount < 0:
            raise InvalidInputError.single("amount", self.amount, "must be non-negative Money")
        object.__setattr__(self, "month", pendulum.Date(self.month.year, self.month.month, 1))


@attrs.frozen(kw_only=True)
class AfterBreach:
    """
    A breach with what the remedies turn on; every fact may be left unknown.

    Attributes:
        breach: The breach.
        employer: The former employer's business (for the competition test).
        termination_date: Last day of employment.
        restriction_months: The post-termination period, in months, as agreed.
        in_service_clause: The agreement restricts competition during employment.
        compensation: The compensation clause.
        penalty: The penalty clause (``PenaltyShape.NONE``: stated that there is none).
        income: Wages and income the clauses are measured on.
        payments: Compensation paid (``()``: stated as none).
        return_scope: What the agreement says is returned on breach.
        loss: The employer's loss as stated.
    """

    breach: Breach
    employer: Business | None = None
    termination_date: Fact[pendulum.Date] = UNKNOWN
    restriction_months: Fact[int] = UNKNOWN
    in_service_clause: Fact[bool] = UNKNOWN
    compensation: Fact[CompensationClause] = UNKNOWN
    penalty: Fact[PenaltyClause] = UNKNOWN
    income: IncomeFacts = attrs.field(factory=IncomeFacts)
    payments: Fact[tuple[Payment, ...]] = UNKNOWN
    return_scope: Fact[ReturnScope] = UNKNOWN
    loss: Fact[Money] = UNKNOWN

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        months = self.restriction_months
        if months is not UNKNOWN and (
            isinstance(months, bool) or not isinstance(months, int) or months < 0
        ):
            problems.append(Problem.of("restriction_months", months, "must be a whole number >= 0"))
        if isinstance(self.loss, Money) and self.loss.amount < 0:
            problems.append(Problem.of("loss", self.loss, "must not be negative"))
        if problems:
            raise InvalidInputError(problems)
