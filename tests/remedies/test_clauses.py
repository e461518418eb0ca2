"""Every compensation and penalty clause shape: what it gives, unknowns, and unreadable clauses."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pendulum
import pytest

from tradesecret.exceptions import InvalidInputError
from tradesecret.facts import UNKNOWN
from tradesecret.money import Money, Ratio
from tradesecret.remedies import (
    CompensationClause,
    CompensationShape,
    IncomeFacts,
    PenaltyClause,
    PenaltyShape,
    compensation_schedule,
    monthly_compensation,
    penalty_amount,
    review_clauses,
    total_compensation,
)
from tradesecret.rulebook import Rulebook

D = pendulum.date
INCOME = IncomeFacts(
    average_monthly_wage=Money("20000"),
    minimum_wage=Money("2740"),
    annual_income=Money("240000"),
    affiliate_income=Money("60000"),
    breached_months=4,
)
S = CompensationShape


class TestCompensationShapes:
    @pytest.mark.parametrize(
        ("clause", "monthly", "total"),
        [
            (
                CompensationClause(shape=S.MONTHLY_AMOUNT, amount=Money("6000")),
                "6000.00",
                "72000.00",
            ),
            (
                CompensationClause(shape=S.AVERAGE_WAGE_RATIO, ratio=Ratio("0.3")),
                "6000.00",
                "72000.00",
            ),
            (
                CompensationClause(shape=S.MINIMUM_WAGE_RATIO, ratio=Ratio("1.5")),
                "4110.00",
                "49320.00",
            ),
            (
                CompensationClause(shape=S.ANNUAL_AMOUNT, amount=Money("80000")),
                "6666.67",
                "80000.00",
            ),
            (CompensationClause(shape=S.LUMP_SUM, amount=Money("50000")), "4166.67", "50000"),
        ],
    )
    def test_each_shape(self, clause: CompensationClause, monthly: str, total: str) -> None:
        """Monthly amount and total over 12 months for each shape (a lump sum is its own total)."""
        assert Money(monthly) == monthly_compensation(clause, period_months=12, income=INCOME)
        assert Money(total) == total_compensation(clause, period_months=12, income=INCOME)

    def test_minimum_wage_floor_lifts(self) -> None:
        """10 % of 20,000 is 2,000; with the floor it is the minimum wage of 2,740."""
        clause = CompensationClause(
            shape=S.AVERAGE_WAGE_RATIO, ratio=Ratio("0.1"), minimum_wage_floor=True
        )
        assert Money("2740.00") == monthly_compensation(clause, period_months=12, income=INCOME)
        without = CompensationClause(
            shape=S.AVERAGE_WAGE_RATIO, ratio=Ratio("0.1"), minimum_wage_floor=False
        )
        assert Money("2000.00") == monthly_compensation(without, period_months=12, income=INCOME)

    def test_floor_with_unknown_minimum_wage_is_unknown(self) -> None:
        """A floor against an unstated minimum wage leaves the amount unknown, never the lower figure."""
        clause = CompensationClause(
            shape=S.MONTHLY_AMOUNT, amount=Money("2000"), minimum_wage_floor=True
        )
        assert UNKNOWN is monthly_compensation(clause, period_months=12, income=IncomeFacts())

    def test_floor_not_stated_below_minimum_wage_is_unknown(self) -> None:
        """Floor not stated, 2,000 below a minimum wage of 2,740: unknown (2,000 or 2,740)."""
        clause = CompensationClause(shape=S.MONTHLY_AMOUNT, amount=Money("2000"))
        assert UNKNOWN is monthly_compensation(clause, period_months=12, income=INCOME)
        assert UNKNOWN is total_compensation(clause, period_months=12, income=INCOME)

    def test_floor_not_stated_above_minimum_wage_is_decided(self) -> None:
        """Floor not stated, 6,000 above the minimum wage stated or every one held: decided."""
        clause = CompensationClause(shape=S.MONTHLY_AMOUNT, amount=Money("6000"))
        assert Money("6000.00") == monthly_compensation(clause, period_months=12, income=INCOME)
        bare = IncomeFacts()
        assert UNKNOWN is monthly_compensation(clause, period_months=12, income=bare)
        assert Money("72000.00") == total_compensation(
            clause, period_months=12, income=bare, floor_bound=Money("2740")
        )

    def test_lump_sum_floor_not_stated(self) -> None:
        """A lump sum of 50,000 over 12 months (4,166.67) is its own total unless a floor lifts it."""
        lump = CompensationClause(shape=S.LUMP_SUM, amount=Money("50000"))
        assert Money("50000") == total_compensation(lump, period_months=12, income=INCOME)
        assert UNKNOWN is total_compensation(lump, period_months=12, income=IncomeFacts())
        high = IncomeFacts(minimum_wage=Money("5000"))
        assert UNKNOWN is total_compensation(lump, period_months=12, income=high)

    def test_ratio_of_unknown_wage_is_unknown(self) -> None:
        """A ratio of an average wage not stated is unknown, not zero."""
        clause = CompensationClause(shape=S.AVERAGE_WAGE_RATIO, ratio=Ratio("0.5"))
        assert UNKNOWN is monthly_compensation(clause, period_months=12)

    @pytest.mark.parametrize(
        ("kwargs", "path"),
        [
            ({"shape": S.MONTHLY_AMOUNT, "amount": None}, "compensation.amount"),
            ({"shape": S.AVERAGE_WAGE_RATIO, "ratio": None}, "compensation.ratio"),
            (
                {"shape": S.LUMP_SUM, "ratio": Ratio("0.3"), "amount": Money("1")},
                "compensation.ratio",
            ),
        ],
    )
    def test_unreadable_clause_is_an_input_error(self, kwargs: dict[str, Any], path: str) -> None:
        """A clause with its operand None (or with a stray one) cannot be read: an input error naming it."""
        with pytest.raises(InvalidInputError) as err:
            CompensationClause(**kwargs)
        assert path == err.value.field

    def test_figure_not_stated_is_unknown(self) -> None:
        """A shape without its figure (not stated): read, and what turns on it is unknown."""
        for clause in (
            CompensationClause(shape=S.MONTHLY_AMOUNT, minimum_wage_floor=False),
            CompensationClause(shape=S.AVERAGE_WAGE_RATIO, minimum_wage_floor=False),
        ):
            assert UNKNOWN is monthly_compensation(clause, period_months=12, income=INCOME)
            assert UNKNOWN is total_compensation(clause, period_months=12, income=INCOME)
        multiple = PenaltyClause(shape=PenaltyShape.MULTIPLE_OF_TOTAL_COMPENSATION)
        assert UNKNOWN is multiple.multiple
        assert UNKNOWN is penalty_amount(
            multiple,
            compensation=CompensationClause(shape=S.MONTHLY_AMOUNT, amount=Money("6000")),
            period_months=12,
            income=INCOME,
        )


COMP = CompensationClause(shape=S.MONTHLY_AMOUNT, amount=Money("6000"))
P = PenaltyShape


class TestPenaltyShapes:
    @pytest.mark.parametrize(
        ("clause", "expected"),
        [
            (PenaltyClause(shape=P.FIXED_AMOUNT, amount=Money("500000")), "500000.00"),
            (
                PenaltyClause(shape=P.MULTIPLE_OF_TOTAL_COMPENSATION, multiple=Decimal("5")),
                "360000.00",
            ),
            (
                PenaltyClause(
                    shape=P.MULTIPLE_OF_ANNUAL_INCOME,
                    multiple=Decimal("2"),
                    includes_affiliate_income=False,
                ),
                "480000.00",
            ),
            (
                PenaltyClause(
                    shape=P.MULTIPLE_OF_ANNUAL_INCOME,
                    multiple=Decimal("2"),
                    includes_affiliate_income=True,
                ),
                "600000.00",
            ),
            (PenaltyClause(shape=P.MULTIPLE_OF_MONTHLY_WAGE, multiple=Decimal("6")), "120000.00"),
            (
                PenaltyClause(
                    shape=P.MULTIPLE_OF_BREACHED_MONTHS_COMPENSATION, multiple=Decimal("2")
                ),
                "48000.00",
            ),
        ],
    )
    def test_each_shape(self, clause: PenaltyClause, expected: str) -> None:
        """Each penalty shape against 6,000 a month for 12 months, 240,000 + 60,000 income, 4 months in breach."""
        assert Money(expected) == penalty_amount(
            clause, compensation=COMP, period_months=12, income=INCOME
        )

    def test_actual_loss_if_higher(self) -> None:
        """ "Or the actual loss if higher": the loss where it is higher; unknown while the loss is not stated."""
        clause = PenaltyClause(
            shape=P.FIXED_AMOUNT, amount=Money("100000"), actual_loss_if_higher=True
        )
        assert Money("300000.00") == penalty_amount(
            clause, compensation=COMP, period_months=12, income=INCOME, loss=Money("300000")
        )
        assert Money("100000.00") == penalty_amount(
            clause, compensation=COMP, period_months=12, income=INCOME, loss=Money("50000")
        )
        assert UNKNOWN is penalty_amount(clause, compensation=COMP, period_months=12, income=INCOME)

    def test_affiliate_income_not_stated_is_unknown(self) -> None:
        """A multiple of annual income whose clause is silent on affiliates is unknown."""
        clause = PenaltyClause(shape=P.MULTIPLE_OF_ANNUAL_INCOME, multiple=Decimal("2"))
        assert UNKNOWN is penalty_amount(clause, compensation=COMP, period_months=12, income=INCOME)

    def test_breached_months_unknown(self) -> None:
        """Double the compensation of the months in breach needs those months."""
        clause = PenaltyClause(
            shape=P.MULTIPLE_OF_BREACHED_MONTHS_COMPENSATION, multiple=Decimal("2")
        )
        assert UNKNOWN is penalty_amount(
            clause, compensation=COMP, period_months=12, income=IncomeFacts()
        )

    @pytest.mark.parametrize(
        ("kwargs", "path"),
        [
            ({"shape": P.FIXED_AMOUNT, "amount": None}, "penalty.amount"),
            ({"shape": P.MULTIPLE_OF_TOTAL_COMPENSATION, "multiple": None}, "penalty.multiple"),
            (
                {"shape": P.FIXED_AMOUNT, "amount": Money("1"), "includes_affiliate_income": True},
                "penalty.includes_affiliate_income",
            ),
            (
                {"shape": P.MULTIPLE_OF_TOTAL_COMPENSATION, "multiple": Decimal("-1")},
                "penalty.multiple",
            ),
        ],
    )
    def test_unreadable_clause_is_an_input_error(self, kwargs: dict[str, Any], path: str) -> None:
        """A penalty clause the library cannot read is an input error naming the field."""
        with pytest.raises(InvalidInputError) as err:
            PenaltyClause(**kwargs)
        assert path == err.value.field


def test_no_penalty_shape() -> None:
    """Shape `none` states that no penalty was agreed: nothing is payable as a penalty, and it takes no operand."""
    none = PenaltyClause(shape=P.NONE)
    assert Money("0.00") == penalty_amount(none, compensation=COMP, period_months=12, income=INCOME)
    with pytest.raises(InvalidInputError):
        PenaltyClause(shape=P.NONE, amount=Money("1"))


class TestScheduleAndReview:
    @pytest.mark.parametrize(
        ("clause", "amounts"),
        [
            (CompensationClause(shape=S.MONTHLY_AMOUNT, amount=Money("6000")), ["6000.00"] * 3),
            (CompensationClause(shape=S.AVERAGE_WAGE_RATIO, ratio=Ratio("0.3")), ["6000.00"] * 3),
            (CompensationClause(shape=S.MINIMUM_WAGE_RATIO, ratio=Ratio("1")), ["2740.00"] * 3),
            (CompensationClause(shape=S.ANNUAL_AMOUNT, amount=Money("72000")), ["6000.00"] * 3),
            (CompensationClause(shape=S.LUMP_SUM, amount=Money("15000")), ["15000"]),
        ],
    )
    def test_schedule_each_shape(self, clause: CompensationClause, amounts: list[str]) -> None:
        """Three months from 2025-01-31: monthly instalments (Feb 28, Mar 31, Apr 30), a lump sum once."""
        s = compensation_schedule(
            clause, termination_date=D(2025, 1, 31), period_months=3, income=INCOME
        )
        assert [Money(a) for a in amounts] == [i.amount for i in s]
        assert D(2025, 2, 1) == s[0].first_day
        assert D(2025, 4, 30) == s[-1].last_day

    def test_lump_sum_reviewed(self, rb: Rulebook) -> None:
        """A lump sum is noted against LCL Art. 23's monthly payment."""
        c = review_clauses(
            CompensationClause(shape=S.LUMP_SUM, amount=Money("15000")),
            UNKNOWN,
            period_months=12,
            as_of=D(2026, 1, 1),
            rulebook=rb,
        )
        f = next(f for f in c.findings if f.code == "remedies.clause.lump_sum_not_monthly")
        assert ("lcl@2012-12-28:23",) == tuple(x.id for x in f.citations)

    @pytest.mark.parametrize(("day", "fires"), [(D(2025, 9, 11), False), (D(2025, 9, 12), True)])
    def test_below_minimum_wage_is_guidance_from_2025_09_12(
        self, rb: Rulebook, day: pendulum.Date, fires: bool
    ) -> None:
        """2,000 a month below a 2,740 minimum wage without a floor: a guidance finding from 2025-09-12."""
        c = review_clauses(
            CompensationClause(
                shape=S.MONTHLY_AMOUNT, amount=Money("2000"), minimum_wage_floor=False
            ),
            UNKNOWN,
            period_months=12,
            as_of=day,
            income=INCOME,
            rulebook=rb,
        )
        found = [f for f in c.findings if f.code == "remedies.clause.below_minimum_wage"]
        assert fires == bool(found)
        if found:
            assert not found[0].binding

    def test_affiliate_income_is_policy(self, rb: Rulebook) -> None:
        """Counting affiliate income is flagged as the library's policy, not law."""
        p = PenaltyClause(
            shape=P.MULTIPLE_OF_ANNUAL_INCOME, multiple=Decimal("2"), includes_affiliate_income=True
        )
        c = review_clauses(UNKNOWN, p, period_months=12, as_of=D(2026, 1, 1), rulebook=rb)
        f = next(f for f in c.findings if f.code == "remedies.clause.affiliate_income")
        assert "library_policy" == f.tier.value

    @pytest.mark.parametrize(
        ("day", "cited"),
        [
            (D(2020, 12, 31), "contract-law@1999-10-01:114"),
            (D(2021, 1, 1), "civil-code@2020-05-28:585"),
        ],
    )
    def test_actual_loss_clause_by_period(
        self, rb: Rulebook, day: pendulum.Date, cited: str
    ) -> None:
        """ "The actual loss if higher" rests on Contract Law Art. 114 to 2020, Civil Code Art. 585 from 2021."""
        p = PenaltyClause(shape=P.FIXED_AMOUNT, amount=Money("1"), actual_loss_if_higher=True)
        c = review_clauses(UNKNOWN, p, period_months=12, as_of=day, rulebook=rb)
        found = [f for f in c.findings if f.code == "remedies.clause.actual_loss_if_higher"]
        assert [cited] == [x.id for f in found for x in f.citations]
