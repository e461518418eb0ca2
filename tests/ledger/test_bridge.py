"""The bridge from tradesecret.noncompete: one average wage, one floor, month by month."""

from __future__ import annotations

import pendulum

from tradesecret import Money, Ratio
from tradesecret.ledger import build_schedule, terms_from_noncompete
from tradesecret.noncompete import (
    CompensationBasis,
    CompensationTerms,
    EmployeeFacts,
    NonCompeteAgreement,
    PersonnelCategory,
    WageRecord,
    average_monthly_wage,
    compensation_floor,
)
from tradesecret.noncompete.wages import wage_share


def employee(wage: str, termination: str) -> EmployeeFacts:
    wages = tuple(
        WageRecord(month=pendulum.Date(2022, 10, 1).add(months=i), amount=Money(wage))
        for i in range(40)
    )
    return EmployeeFacts(
        person_id="e1",
        role="R&D lead",
        category=PersonnelCategory.SENIOR_TECHNICAL,
        place_of_performance="CN-SH",
        employment_start="2020-03-01",
        wages=wages,
        termination_date=termination,
    )


#: Stated: no compensation agreed (a clause left out is not stated, not "none").
NONE_AGREED = CompensationTerms(basis=CompensationBasis.NONE)


AGREEMENT = NonCompeteAgreement(
    id="nc1",
    employer="ACME",
    employee="e1",
    signed_on="2020-03-01",
    duration_months=18,
    compensation=NONE_AGREED,
)


class TestBridge:
    def test_same_floor_as_noncompete(self) -> None:
        """Low wage, 18 months from April 2024: the schedule equals compensation_floor's default each month."""
        emp = employee("5000", "2024-03-31")
        terms = terms_from_noncompete(AGREEMENT, emp, as_of="2024-04-01")
        assert (None, 18, "CN-SH") == (terms.agreed_monthly, terms.months, terms.region)
        schedule = build_schedule(terms)
        floor = compensation_floor(AGREEMENT, emp, as_of="2024-04-01")
        assert [m.default_amount for m in floor.months] == [i.amount for i in schedule.instalments]
        assert Money("2690") == schedule.instalments[3].amount  # July 2024: the 2024 rise applies
        assert Money("2740") == schedule.instalments[15].amount  # July 2025

    def test_thirty_percent_of_average(self) -> None:
        """20,000 a month: 6,000 each month, as in the noncompete example."""
        terms = terms_from_noncompete(
            AGREEMENT, employee("20000", "2025-09-01"), as_of="2025-09-15"
        )
        assert {Money("6000.00")} == {i.amount for i in build_schedule(terms).instalments}


def _wages_totalling_347887() -> EmployeeFacts:
    """An employee whose last 12 months of wages total CNY 347,887.00 (30 %: 8,697.175)."""
    wages = tuple(
        WageRecord(
            month=pendulum.Date(2022, 10, 1).add(months=i),
            amount=Money("28997.00" if i % 12 == 0 else "28990.00"),
        )
        for i in range(40)
    )
    return EmployeeFacts(
        person_id="e1",
        role="R&D lead",
        category=PersonnelCategory.SENIOR_TECHNICAL,
        place_of_performance="CN-SH",
        employment_start="2020-03-01",
        wages=wages,
        termination_date="2025-10-31",
    )


def test_bridge_passes_the_exact_wage_total() -> None:
    """Wages totalling 347,887.00 over 12 months: the ledger's default is 8,697.18 (8,697.175 half up)."""
    emp = _wages_totalling_347887()
    terms = terms_from_noncompete(AGREEMENT, emp, as_of="2025-11-01")
    assert (Money("347887.00"), 12) == (terms.wage_total, terms.wage_months)
    assert {Money("8697.18")} == {i.amount for i in build_schedule(terms).instalments}


def test_floor_and_ledger_agree_to_the_fen() -> None:
    """The non-compete floor rounds the same exact share once: 8,697.18, as the ledger does."""
    emp = _wages_totalling_347887()
    floor = compensation_floor(AGREEMENT, emp, as_of="2025-11-01")
    assert {Money("8697.18")} == {m.default_amount for m in floor.months}
    assert (
        Money("8697.18")
        == wage_share(average_monthly_wage(emp, as_of="2025-11-01"), Ratio("0.30")).round_fen()
    )
