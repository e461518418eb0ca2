"""The bridge's penalty bases and activation decisions (Interp. (I) Art. 37), to the fen."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pendulum
import pytest

from tradesecret import Money
from tradesecret.exceptions import InvalidInputError
from tradesecret.ledger import (
    Activation,
    Waiver,
    activation_events_from_noncompete,
    terms_from_noncompete,
)
from tradesecret.noncompete import (
    ActivationDecision,
    CompensationBasis,
    CompensationTerms,
    EmployeeFacts,
    NonCompeteAgreement,
    PenaltyBasis,
    PenaltyTerms,
    PersonnelCategory,
    WageRecord,
)

EMPLOYEE = EmployeeFacts(
    person_id="e1",
    role="R&D lead",
    category=PersonnelCategory.SENIOR_TECHNICAL,
    place_of_performance="CN-SH",
    employment_start="2020-03-01",
    wages=tuple(
        WageRecord(month=pendulum.Date(2022, 10, 1).add(months=i), amount=Money("20000"))
        for i in range(40)
    ),
    termination_date="2025-09-01",
)
AGREEMENT = NonCompeteAgreement(
    id="nc1",
    employer="ACME",
    employee="e1",
    signed_on="2020-03-01",
    duration_months=18,
    compensation=CompensationTerms(basis=CompensationBasis.NONE),  # stated: none agreed
)


def penalty(terms: PenaltyTerms, **agreement: Any) -> Money | None:
    """The ledger penalty for ``terms`` (and agreement fields)."""
    changed = attrs.evolve(AGREEMENT, penalty=terms, **agreement)
    return terms_from_noncompete(changed, EMPLOYEE, as_of="2025-09-15").penalty


class TestPenalty:
    def test_fixed_amount(self) -> None:
        """A fixed penalty is taken as written."""
        terms = PenaltyTerms(basis=PenaltyBasis.FIXED_AMOUNT, amount=Money("100000"))
        assert Money("100000") == penalty(terms)

    def test_multiple_of_monthly_wage(self) -> None:
        """Two average monthly wages of 20,000: 40,000.00."""
        terms = PenaltyTerms(basis=PenaltyBasis.MULTIPLE_OF_MONTHLY_WAGE, multiple=Decimal(2))
        assert Money("40000.00") == penalty(terms)

    def test_multiple_of_total_compensation(self) -> None:
        """Half of 6,000 a month for 18 months: 54,000.00."""
        terms = PenaltyTerms(
            basis=PenaltyBasis.MULTIPLE_OF_TOTAL_COMPENSATION, multiple=Decimal("0.5")
        )
        compensation = CompensationTerms(
            basis=CompensationBasis.MONTHLY_AMOUNT, monthly_amount=Money("6000")
        )
        assert Money("54000.00") == penalty(terms, compensation=compensation)

    def test_no_termination_date(self) -> None:
        """The ledger starts at termination: without one, an input error naming the field."""
        with pytest.raises(InvalidInputError) as info:
            terms_from_noncompete(
                AGREEMENT, attrs.evolve(EMPLOYEE, termination_date=None), as_of="2025-09-15"
            )
        assert "employee.termination_date" == info.value.field


class TestActivation:
    def test_activated_on_the_termination_date(self) -> None:
        """An activation decision without its own date is dated at termination."""
        agreement = attrs.evolve(
            AGREEMENT, activation_reserved=True, activation_decision=ActivationDecision.ACTIVATED
        )
        assert (Activation(date=pendulum.Date(2025, 9, 1)),) == (
            activation_events_from_noncompete(agreement, EMPLOYEE)
        )

    def test_waived_on_its_date(self) -> None:
        """A waiver is dated as decided."""
        agreement = attrs.evolve(
            AGREEMENT,
            activation_reserved=True,
            activation_decision=ActivationDecision.WAIVED,
            activation_decided_on="2025-08-20",
        )
        assert (Waiver(date=pendulum.Date(2025, 8, 20)),) == (
            activation_events_from_noncompete(agreement, EMPLOYEE)
        )

    def test_decision_without_any_date(self) -> None:
        """A decision with neither its own date nor a termination date is an input error."""
        agreement = attrs.evolve(
            AGREEMENT, activation_reserved=True, activation_decision=ActivationDecision.ACTIVATED
        )
        with pytest.raises(InvalidInputError) as info:
            activation_events_from_noncompete(
                agreement, attrs.evolve(EMPLOYEE, termination_date=None)
            )
        assert "activation_decided_on" == info.value.field

    def test_no_decision_no_event(self) -> None:
        """No decision recorded: no event."""
        assert () == activation_events_from_noncompete(AGREEMENT, EMPLOYEE)
