"""Input model: validation and JSON in and out."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from tradesecret.exceptions import FloatNotAllowedError, InvalidInputError
from tradesecret.facts import UNKNOWN
from tradesecret.money import Money, Ratio
from tradesecret.noncompete import (
    CompensationBasis,
    CompensationTerms,
    EmployeeFacts,
    KnownSecret,
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
    def test_compensation_figure_may_be_unknown(self) -> None:
        """A monthly amount or ratio basis without the figure: the figure is not stated."""
        assert UNKNOWN is CompensationTerms(basis=CompensationBasis.MONTHLY_AMOUNT).monthly_amount
        assert UNKNOWN is CompensationTerms(basis=CompensationBasis.WAGE_RATIO).ratio

    def test_one_figure_without_basis_is_read(self) -> None:
        """A monthly amount with the basis not stated: kept, the basis stays unknown."""
        terms = CompensationTerms(monthly_amount=Money("8000"))
        assert (UNKNOWN, Money("8000")) == (terms.basis, terms.monthly_amount)
        with pytest.raises(InvalidInputError) as err:
            CompensationTerms(basis=CompensationBasis.NONE, monthly_amount=Money("8000"))
        assert ["monthly_amount"] == [p.path for p in err.value.problems]

    def test_figure_without_basis_is_not_silently_ignored(self) -> None:
        """Two figures without a basis contradict each other: both refused, naming the basis."""
        with pytest.raises(InvalidInputError) as err:
            CompensationTerms(monthly_amount=Money("8000"), ratio=Ratio("0.3"))
        assert ["monthly_amount", "ratio"] == [p.path for p in err.value.problems]
        assert all("set basis" in p.reason for p in err.value.problems)
        with pytest.raises(InvalidInputError) as err:
            PenaltyTerms(amount=Money("100000"), multiple=Decimal(3))
        assert ["amount", "multiple"] == [p.path for p in err.value.problems]

    def test_compensation_problems_collected(self) -> None:
        """A negative amount, a ratio given as text and a timing given as text: all listed."""
        with pytest.raises(InvalidInputError) as err:
            CompensationTerms(
                basis=CompensationBasis.WAGE_RATIO,
                ratio="0.3",  # type: ignore[arg-type]
                in_service_amount=Money("-5"),
                timing="monthly",  # type: ignore[arg-type]
            )
        assert [
            ("timing", "expected one of PaymentTiming.MONTHLY_AFTER_TERMINATION"),
            ("in_service_amount", "must not be negative"),
            ("ratio", "must be a ratio"),
        ] == [(p.path, p.reason.split(",")[0]) for p in err.value.problems]

    def test_penalty_figure_may_be_unknown(self) -> None:
        """A fixed or multiple penalty without the figure: the figure is not stated."""
        assert UNKNOWN is PenaltyTerms(basis=PenaltyBasis.FIXED_AMOUNT).amount
        assert UNKNOWN is PenaltyTerms(basis=PenaltyBasis.MULTIPLE_OF_MONTHLY_WAGE).multiple

    def test_penalty_bad_figures(self) -> None:
        """A negative amount, a negative or float multiple are refused."""
        with pytest.raises(InvalidInputError) as err:
            PenaltyTerms(basis=PenaltyBasis.FIXED_AMOUNT, amount=Money("-1"))
        assert [("amount", "must not be negative")] == [
            (p.path, p.reason) for p in err.value.problems
        ]
        with pytest.raises(InvalidInputError) as err:
            PenaltyTerms(basis=PenaltyBasis.MULTIPLE_OF_MONTHLY_WAGE, multiple=Decimal(-2))
        assert ["must be >= 0"] == [p.reason for p in err.value.problems]
        with pytest.raises(FloatNotAllowedError) as floats:
            PenaltyTerms(
                basis=PenaltyBasis.MULTIPLE_OF_MONTHLY_WAGE,
                multiple=2.5,  # type: ignore[arg-type]
            )
        assert ["multiple"] == [p.path for p in err.value.problems]
        assert "PenaltyTerms.multiple" == floats.value.field

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

    def test_agreement_types_collected(self, make_agreement: Agr) -> None:
        """Months as text, an enum as text and an empty employer are all reported at once."""
        with pytest.raises(InvalidInputError) as err:
            make_agreement(
                duration_months="18",
                release_unpaid_months=1.5,
                region_extent="nationwide",
                employer="",
            )
        assert [
            ("duration_months", "must be a whole number of months"),
            ("release_unpaid_months", "must be a whole number of months"),
            ("region_extent", "expected one of RegionExtent.SPECIFIED"),
            ("employer", "required (a non-empty string)"),
        ] == [(p.path, p.reason.split(",")[0]) for p in err.value.problems]

    def test_employee_types_collected(self, make_employee: Emp) -> None:
        """A category given as text names the enum members; an empty region is reported too."""
        with pytest.raises(InvalidInputError) as err:
            make_employee(category="senior_technical", place_of_performance="")
        problems = err.value.problems
        assert ["category", "place_of_performance"] == [p.path for p in problems]
        assert "PersonnelCategory.SENIOR_TECHNICAL" in problems[0].reason

    def test_known_secret_relevance(self) -> None:
        """Relevance in months must be a non-negative int."""
        with pytest.raises(InvalidInputError) as err:
            KnownSecret(id="TS-1", relevance_months=-3)
        assert [("relevance_months", "must be >= 0")] == [
            (p.path, p.reason) for p in err.value.problems
        ]

    def test_termination_before_start(self, make_employee: Emp) -> None:
        """Termination before the employment start is an input error."""
        with pytest.raises(InvalidInputError) as err:
            make_employee(employment_start="2025-01-01", termination_date="2024-12-31")
        assert ["termination_date"] == [p.path for p in err.value.problems]

    def test_negative_wage(self) -> None:
        """A negative wage is refused; a float is refused as everywhere."""
        with pytest.raises(InvalidInputError) as err:
            WageRecord(month="2025-01-01", amount=Money("-1"))
        assert [("amount", "must not be negative")] == [
            (p.path, p.reason) for p in err.value.problems
        ]
        with pytest.raises(InvalidInputError) as err:
            WageRecord(month="2025-01-01", amount="20000")  # type: ignore[arg-type]
        assert ["amount"] == [p.path for p in err.value.problems]
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
