"""Input model: validation and JSON in and out."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from tradesecret.exceptions import FloatNotAllowedError, InvalidInputError
from tradesecret.money import Money, Ratio
from tradesecret.noncompete import (
    CompensationBasis,
    CompensationTerms,
    EmployeeFacts,
    NonCompeteAgreement,
    PenaltyBasis,
    PenaltyTerms,
    PersonnelCategory,
    WageRecord,
)
from tradesecret.serialization import from_json, to_json

Emp = Callable[..., EmployeeFacts]
Agr = Callable[..., NonCompeteAgreement]


class TestValidation:
    def test_compensation_needs_its_figure(self) -> None:
        """A monthly amount or ratio basis without the figure is an input error."""
        with pytest.raises(InvalidInputError):
            CompensationTerms(basis=CompensationBasis.MONTHLY_AMOUNT)
        with pytest.raises(InvalidInputError):
            CompensationTerms(basis=CompensationBasis.WAGE_RATIO)

    def test_penalty_needs_its_figure(self) -> None:
        """A fixed or multiple penalty without the figure is an input error."""
        with pytest.raises(InvalidInputError):
            PenaltyTerms(basis=PenaltyBasis.FIXED_AMOUNT)
        with pytest.raises(InvalidInputError):
            PenaltyTerms(basis=PenaltyBasis.MULTIPLE_OF_MONTHLY_WAGE)

    def test_agreement_problems_collected(self, make_agreement: Agr) -> None:
        """Several problems are reported together."""
        with pytest.raises(InvalidInputError) as err:
            make_agreement(
                duration_months=-1,
                in_service=False,
                post_termination=False,
                release_unpaid_months=-2,
            )
        assert ["duration_months", "post_termination", "release_unpaid_months"] == [
            p.path for p in err.value.problems
        ]

    def test_termination_before_start(self, make_employee: Emp) -> None:
        """Termination before the employment start is an input error."""
        with pytest.raises(InvalidInputError):
            make_employee(employment_start="2025-01-01", termination_date="2024-12-31")

    def test_negative_wage(self) -> None:
        """A negative wage is refused; a float is refused as everywhere."""
        with pytest.raises(InvalidInputError):
            WageRecord(month="2025-01-01", amount=Money("-1"))
        with pytest.raises(FloatNotAllowedError):
            Money(0.3)


class TestJson:
    def test_employee_round_trip(self, make_employee: Emp) -> None:
        """Employee facts round-trip; wages are money objects with string amounts."""
        emp = make_employee()
        text = to_json(emp)
        assert '"amount": "20000"' in text and '"category": "senior_technical"' in text
        assert emp == from_json(text, EmployeeFacts)

    def test_agreement_round_trip(self, make_agreement: Agr) -> None:
        """An agreement with compensation and penalty round-trips."""
        nc = make_agreement(
            compensation=CompensationTerms(basis=CompensationBasis.WAGE_RATIO, ratio=Ratio("0.5")),
            penalty=PenaltyTerms(
                basis=PenaltyBasis.MULTIPLE_OF_TOTAL_COMPENSATION, multiple=Decimal("3")
            ),
        )
        assert nc == from_json(to_json(nc), NonCompeteAgreement)

    def test_json_input_from_an_hr_system(self) -> None:
        """Minimal JSON from an HR system; unknown keys and bad values list every problem."""
        emp = from_json(
            """{"person_id": "E-7", "role": "CTO", "category": "senior_management",
            "place_of_performance": "CN-BJ", "employment_start": "2019-01-01",
            "wages": [{"month": "2025-01-01", "amount": {"amount": "50000.00"}}]}""",
            EmployeeFacts,
        )
        assert (PersonnelCategory.SENIOR_MANAGEMENT, Money("50000")) == (
            emp.category,
            emp.wages[0].amount,
        )
        with pytest.raises(InvalidInputError) as err:
            from_json(
                '{"person_id": "E-7", "role": "CTO", "category": "boss",'
                ' "place_of_performance": "CN-BJ", "employment_start": "2019-02-30",'
                ' "colour": "red"}',
                EmployeeFacts,
            )
        assert len(err.value.problems) >= 2
