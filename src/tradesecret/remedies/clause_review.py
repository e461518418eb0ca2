"""
Clause shapes reviewed and scheduled.

:func:`review_clauses` is a rule table over the shapes of
:mod:`tradesecret.remedies.clauses`: what the sources say about each shape, and where
they say nothing, the library's policy marked as such. :func:`compensation_schedule`
lays the compensation out month by month over the period (Civil Code Arts. 201-202 via
:func:`tradesecret.dates.month_periods`): a monthly, ratio or annual clause gives one
instalment a month; a lump sum one payment at the start.

Examples:
    >>> import pendulum
    >>> from tradesecret.money import Money
    >>> from tradesecret.remedies.clauses import CompensationClause, CompensationShape
    >>> from tradesecret.remedies.clause_review import compensation_schedule
    >>> c = CompensationClause(shape=CompensationShape.ANNUAL_AMOUNT, amount=Money("60000"),
    ...                        minimum_wage_floor=False)
    >>> s = compensation_schedule(c, termination_date=pendulum.date(2025, 1, 31), period_months=3)
    >>> [(str(i.first_day), str(i.amount)) for i in s]
    [('2025-02-01', 'CNY 5000.00'), ('2025-03-01', 'CNY 5000.00'), ('2025-04-01', 'CNY 5000.00')]
"""

from __future__ import annotations

from functools import partial

import attrs
import pendulum

from tradesecret.dates import month_periods, to_date
from tradesecret.engine import Check, Effect, RuleTable
from tradesecret.facts import UNKNOWN, Fact, Tri, all_of, not_, tri
from tradesecret.law import POLICY as _POLICY
from tradesecret.money import Money
from tradesecret.remedies.clauses import (
    CompensationClause,
    CompensationShape,
    IncomeFacts,
    PenaltyClause,
    PenaltyShape,
    monthly_compensation,
    total_compensation,
)
from tradesecret.results import Criterion, Severity
from tradesecret.rulebook import Rulebook, default_rulebook

__all__ = ["CLAUSES", "ClauseFacts", "Instalment", "compensation_schedule", "review_clauses"]


@attrs.frozen(kw_only=True)
class Instalment:
    """
    One scheduled payment of compensation.

    Attributes:
        first_day: First day of the month (or of the period, for a lump sum) it pays for.
        last_day: Last day of that month (or of the period).
        amount: The amount (``UNKNOWN`` where it turns on a wage not stated).
    """

    first_day: pendulum.Date
    last_day: pendulum.Date
    amount: Fact[Money]


def compensation_schedule(
    clause: CompensationClause,
    *,
    termination_date: pendulum.Date,
    period_months: int,
    income: IncomeFacts | None = None,
) -> tuple[Instalment, ...]:
    """The compensation month by month from the day after ``termination_date``."""
    months = month_periods(termination_date, period_months)
    if not months:
        return ()
    if clause.shape is CompensationShape.LUMP_SUM:
        total = total_compensation(clause, period_months=period_months, income=income)
        return (
            Instalment(first_day=months[0].first_day, last_day=months[-1].last_day, amount=total),
        )
    monthly = monthly_compensation(clause, period_months=period_months, income=income)
    return tuple(
        Instalment(first_day=m.first_day, last_day=m.last_day, amount=monthly) for m in months
    )


@attrs.frozen(kw_only=True)
class ClauseFacts:
    """
    The two clauses and what they are measured on.

    Attributes:
        compensation: The compensation clause (``UNKNOWN``: not stated).
        penalty: The penalty clause (``UNKNOWN``: not stated).
        monthly: The monthly amount the compensation clause gives.
        income: Wages and income.
    """

    compensation: Fact[CompensationClause] = UNKNOWN
    penalty: Fact[PenaltyClause] = UNKNOWN
    monthly: Fact[Money] = UNKNOWN
    income: IncomeFacts = attrs.field(factory=IncomeFacts)


def _shape(clause: object, shape: object) -> Tri:
    if clause is UNKNOWN:
        return Tri.UNKNOWN
    return Tri.of(getattr(clause, "shape", None) is shape)


def _below_minimum(f: ClauseFacts) -> Tri:
    floor = tri(f.compensation, lambda c: Tri.of(c.minimum_wage_floor))
    if f.monthly is UNKNOWN or f.income.minimum_wage is UNKNOWN:
        return all_of(not_(floor), Tri.UNKNOWN)
    return all_of(not_(floor), f.monthly < f.income.minimum_wage)


def _lump_sum(f: ClauseFacts) -> Tri:
    return _shape(f.compensation, CompensationShape.LUMP_SUM)


def _affiliate(f: ClauseFacts) -> Tri:
    return tri(f.penalty, lambda p: p.includes_affiliate_income is True)


def _loss_if_higher(f: ClauseFacts) -> Tri:
    return tri(f.penalty, lambda p: p.actual_loss_if_higher)


def _no_penalty(f: ClauseFacts) -> Tri:
    return _shape(f.penalty, PenaltyShape.NONE)


_LCL_23 = "lcl@2012-12-28:23"
_WAGE = ("compensation", "income.minimum_wage", "income.average_monthly_wage")

# LCL Art. 23(2): 「在竞业限制期限内按月给予劳动者经济补偿」 ("monthly compensation during the
# restriction period"); MOHRSS guide §13: not below the local minimum wage (guidance);
# Civil Code Art. 585(1) / Contract Law Art. 114(1): the parties may agree a penalty or a
# method of computing the loss. Affiliate income: no source (library policy).
_medium = partial(Check[ClauseFacts], severity=Severity.MEDIUM, effect=Effect.NOTES)
_on_penalty = partial(Check[ClauseFacts], effect=Effect.NOTES, facts=("penalty",))
_actual_loss = partial(_on_penalty, code="remedies.clause.actual_loss_if_higher",
                       severity=Severity.INFO, when=_loss_if_higher)  # fmt: skip

CLAUSES: RuleTable[ClauseFacts] = RuleTable(
    criterion="remedies.criterion.clauses", basis=(_LCL_23,),
    checks=(
        _medium(code="remedies.clause.lump_sum_not_monthly", basis=(_LCL_23,),
                facts=("compensation",), when=_lump_sum),
        _medium(code="remedies.clause.below_minimum_wage", basis=("mohrss-nc-guide@2025-09-12:13",),
                context=("spc-labor-1@2020-12-29:36",), facts=_WAGE, when=_below_minimum),
        _on_penalty(code="remedies.clause.affiliate_income", severity=Severity.LOW,
                    basis=(_POLICY,), when=_affiliate),
        _actual_loss(basis=("civil-code@2020-05-28:585",)),
        _actual_loss(basis=("contract-law@1999-10-01:114",)),
        _on_penalty(code="remedies.clause.no_penalty", severity=Severity.INFO, basis=(_LCL_23,),
                    when=_no_penalty),
    ),
    clause="LCL 23(2) 「按月给予劳动者经济补偿」; MOHRSS guide §13; Civil Code 585(1)",
)  # fmt: skip


def review_clauses(
    compensation: Fact[CompensationClause],
    penalty: Fact[PenaltyClause],
    *,
    period_months: int,
    as_of: object,
    income: IncomeFacts | None = None,
    rulebook: Rulebook | None = None,
) -> Criterion:
    """
    What the sources (or the library's policy, marked as such) say about the clause shapes.

    ``as_of`` is a ``pendulum.Date``, a ``datetime.date`` or ISO ``YYYY-MM-DD`` text.
    """
    day = to_date(as_of, path="as_of")
    book = rulebook if rulebook is not None else default_rulebook()
    facts_income = income if income is not None else IncomeFacts()
    monthly: Fact[Money] = UNKNOWN
    if compensation is not UNKNOWN:
        monthly = monthly_compensation(
            compensation, period_months=period_months, income=facts_income
        )
    facts = ClauseFacts(
        compensation=compensation, penalty=penalty, monthly=monthly, income=facts_income
    )
    return CLAUSES.evaluate(facts, on=day, rulebook=book)
