"""Hypothesis invariants of the compensation floors."""

from __future__ import annotations

from decimal import Decimal

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from tradesecret.money import Money
from tradesecret.noncompete import (
    EmployeeFacts,
    MinimumWageDay,
    NonCompeteAgreement,
    PersonnelCategory,
    WageRecord,
    compensation_floor,
)

REGIONS = ("CN-SH", "CN-BJ", "CN-GD-SZ", "CN-GD-GZ", "CN-JS-NJ", "CN-ZJ-HZ", "CN-TJ")
AS_OF = "2026-11-21"

wage_amounts = st.decimals(
    min_value=Decimal(0), max_value=Decimal(200000), places=2, allow_nan=False
)
terminations = st.dates(
    min_value=pendulum.Date(2025, 7, 31), max_value=pendulum.Date(2026, 10, 31)
).map(lambda d: pendulum.Date(d.year, d.month, d.day))


def facts(termination: pendulum.Date, amounts: list[Decimal], region: str) -> EmployeeFacts:
    """An employee with 13 months of wages ending in the month of termination."""
    first = pendulum.Date(termination.year, termination.month, 1).subtract(months=12)
    return EmployeeFacts(
        person_id="E",
        role="engineer",
        category=PersonnelCategory.SENIOR_TECHNICAL,
        place_of_performance=region,
        employment_start="2015-01-01",
        wages=tuple(
            WageRecord(month=first.add(months=i), amount=Money(a)) for i, a in enumerate(amounts)
        ),
        termination_date=termination,
    )


def agreement(months: int) -> NonCompeteAgreement:
    """A post-termination non-compete of ``months`` months."""
    return NonCompeteAgreement(
        id="NC", employer="ACME", employee="E", signed_on="2015-01-01", duration_months=months
    )


class TestFloorInvariants:
    @given(
        termination=terminations,
        amounts=st.lists(wage_amounts, min_size=13, max_size=13),
        region=st.sampled_from(REGIONS),
        months=st.integers(min_value=1, max_value=30),
        day=st.sampled_from(MinimumWageDay),
    )
    def test_never_below_minimum_wage(
        self,
        termination: pendulum.Date,
        amounts: list[Decimal],
        region: str,
        months: int,
        day: MinimumWageDay,
    ) -> None:
        """Every month of both tiers is at least that month's minimum wage."""
        f = compensation_floor(
            agreement(months),
            facts(termination, amounts, region),
            as_of=AS_OF,
            minimum_wage_day=day,
        )
        assert min(months, 24) == len(f.months)
        for m in f.months:
            assert m.default_amount >= m.minimum_wage
            assert m.guidance_amount is not None and m.guidance_amount >= m.minimum_wage
            assert m.guidance_amount >= m.default_amount

    @given(
        termination=terminations,
        amounts=st.lists(wage_amounts, min_size=13, max_size=13),
        region=st.sampled_from(REGIONS),
        shorter=st.integers(min_value=1, max_value=24),
        extra=st.integers(min_value=0, max_value=12),
    )
    def test_longer_period_never_lowers_guidance(
        self,
        termination: pendulum.Date,
        amounts: list[Decimal],
        region: str,
        shorter: int,
        extra: int,
    ) -> None:
        """Month by month, a longer period gives a guidance floor at least as high."""
        emp = facts(termination, amounts, region)
        short = compensation_floor(agreement(shorter), emp, as_of=AS_OF)
        long = compensation_floor(agreement(shorter + extra), emp, as_of=AS_OF)
        assert short.guidance_ratio is not None and long.guidance_ratio is not None
        assert long.guidance_ratio.value >= short.guidance_ratio.value
        for a, b in zip(short.months, long.months, strict=False):
            assert a.guidance_amount is not None and b.guidance_amount is not None
            assert b.guidance_amount >= a.guidance_amount
        assert long.guidance_total is not None and short.guidance_total is not None
        assert long.guidance_total >= short.guidance_total
