"""Hypothesis invariants of the compensation floors, and a review that never fails."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pendulum
from hypothesis import given
from hypothesis import strategies as st

from tradesecret import explain
from tradesecret.money import Money, Ratio
from tradesecret.noncompete import (
    ActivationDecision,
    CompensationBasis,
    CompensationTerms,
    EmployeeFacts,
    KnownSecret,
    MinimumWageDay,
    NonCompeteAgreement,
    PaymentTiming,
    PenaltyBasis,
    PenaltyTerms,
    PersonnelCategory,
    RegionExtent,
    WageRecord,
    compensation_floor,
    review_noncompete,
)
from tradesecret.results import Assessment
from tradesecret.serialization import from_json, to_json

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


money = st.decimals(min_value=Decimal(0), max_value=Decimal(100000), places=2).map(Money)
compensations = st.one_of(
    st.just(CompensationTerms()),
    st.builds(
        CompensationTerms,
        basis=st.just(CompensationBasis.MONTHLY_AMOUNT),
        monthly_amount=money,
        timing=st.sampled_from(PaymentTiming),
        in_service_amount=st.none() | money,
    ),
    st.builds(
        CompensationTerms,
        basis=st.just(CompensationBasis.WAGE_RATIO),
        ratio=st.decimals(min_value=Decimal(0), max_value=Decimal(1), places=2).map(Ratio),
        timing=st.sampled_from(PaymentTiming),
    ),
)
penalties = st.one_of(
    st.just(PenaltyTerms()),
    st.builds(PenaltyTerms, basis=st.just(PenaltyBasis.FIXED_AMOUNT), amount=money),
    st.builds(
        PenaltyTerms,
        basis=st.sampled_from(
            [PenaltyBasis.MULTIPLE_OF_TOTAL_COMPENSATION, PenaltyBasis.MULTIPLE_OF_MONTHLY_WAGE]
        ),
        multiple=st.decimals(min_value=Decimal(0), max_value=Decimal(50), places=1),
    ),
)
lines = st.lists(st.sampled_from(["batteries", "solar", "chargers"]), max_size=3).map(tuple)
places = st.lists(st.sampled_from(["CN-SH", "CN-BJ", "CN-GD-SZ"]), max_size=3).map(tuple)


class TestReviewNeverFails:
    @given(
        category=st.sampled_from(PersonnelCategory),
        secrets=st.lists(
            st.builds(
                KnownSecret,
                id=st.sampled_from(["A", "B", "C"]),
                business_lines=lines,
                regions=places,
                relevance_months=st.none() | st.integers(min_value=0, max_value=36),
            ),
            max_size=3,
            unique_by=lambda s: s.id,
        ).map(tuple),
        in_service=st.booleans(),
        months=st.integers(min_value=0, max_value=40),
        business=lines,
        regions=places,
        extent=st.sampled_from(RegionExtent),
        compensation=compensations,
        penalty=penalties,
        flags=st.tuples(*[st.booleans()] * 6),
        release=st.none() | st.integers(min_value=0, max_value=12),
        decision=st.sampled_from(ActivationDecision),
        terminated=st.booleans(),
    )
    def test_any_agreement_reviews_renders_and_round_trips(
        self,
        category: PersonnelCategory,
        secrets: tuple[KnownSecret, ...],
        in_service: bool,
        months: int,
        business: tuple[str, ...],
        regions: tuple[str, ...],
        extent: RegionExtent,
        compensation: CompensationTerms,
        penalty: PenaltyTerms,
        flags: tuple[bool, ...],
        release: int | None,
        decision: ActivationDecision,
        terminated: bool,
    ) -> None:
        """Any well-formed input gives an assessment that cites, renders and round-trips."""
        emp = attrs.evolve(
            facts(pendulum.Date(2025, 9, 1), [Decimal(20000)] * 13, "CN-SH"),
            category=category,
            secrets_known=secrets,
            termination_date=pendulum.Date(2025, 9, 1) if terminated else None,
        )
        nc = NonCompeteAgreement(
            id="NC",
            employer="ACME",
            employee="E",
            signed_on="2015-01-01",
            in_service=in_service or months == 0,
            post_termination=months > 0 or not in_service,
            duration_months=months,
            business_lines=business,
            regions=regions,
            region_extent=extent,
            employer_regions=("CN-SH",),
            compensation=compensation,
            penalty=penalty,
            limited_to_competitors=flags[0],
            region_reasons_stated=flags[1],
            extends_period_during_proceedings=flags[2],
            employer_may_change_unilaterally=flags[3],
            necessity_assessed=flags[4],
            activation_reserved=flags[5],
            activation_decision=decision,
            release_unpaid_months=release,
        )
        a = review_noncompete(nc, emp, as_of="2025-10-01")
        assert 7 == len(a.criteria)
        assert all(f.citations for f in a.all_findings())
        explain(a, locale="zh_CN", format="markdown")
        explain(a, locale="en")
        assert a == from_json(to_json(a), Assessment)
