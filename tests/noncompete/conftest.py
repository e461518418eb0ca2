"""Builders for non-compete tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tradesecret.dates import to_date
from tradesecret.money import Money
from tradesecret.noncompete import (
    CompensationBasis,
    CompensationTerms,
    EmployeeFacts,
    KnownSecret,
    NonCompeteAgreement,
    PenaltyBasis,
    PenaltyTerms,
    PersonnelCategory,
    TerminationAgreement,
    WageRecord,
)


def wages(first: str, count: int, amount: str) -> tuple[WageRecord, ...]:
    """``count`` monthly wage records of ``amount`` from the month of ``first``."""
    start = to_date(first)
    return tuple(WageRecord(month=start.add(months=i), amount=Money(amount)) for i in range(count))


def employee(**overrides: Any) -> EmployeeFacts:
    """A senior engineer in Shanghai on 20,000 a month, left 2025-09-01, no termination agreement."""
    values: dict[str, Any] = {
        "person_id": "E-001",
        "role": "Battery R&D lead",
        "category": PersonnelCategory.SENIOR_TECHNICAL,
        "place_of_performance": "CN-SH",
        "employment_start": "2020-03-01",
        "wages": wages("2024-09-01", 12, "20000"),
        "termination_date": "2025-09-01",
        "told_reasons_and_secrets": False,
        "termination_agreement": TerminationAgreement.NONE,
        "secrets_known": (
            KnownSecret(
                id="TS-1",
                description="Cell chemistry",
                business_lines=("EV batteries",),
                regions=("CN-SH", "CN-JS-SU"),
                relevance_months=24,
            ),
        ),
    }
    values.update(overrides)
    return EmployeeFacts(**values)


def agreement(**overrides: Any) -> NonCompeteAgreement:
    """An 18-month non-compete limited to competitors, no compensation and no penalty agreed (stated)."""
    values: dict[str, Any] = {
        "id": "NC-001",
        "employer": "ACME Energy",
        "employee": "E-001",
        "signed_on": "2020-03-01",
        "duration_months": 18,
        "business_lines": ("EV batteries",),
        "restricted_companies": ("Rival Cells Ltd",),
        "regions": ("CN-SH",),
        "employer_regions": ("CN-SH", "CN-JS-SU"),
        "necessity_assessed": True,
        "limited_to_competitors": True,
        "reasons_and_secrets_disclosed": False,
        "compensation": CompensationTerms(basis=CompensationBasis.NONE),
        "penalty": PenaltyTerms(basis=PenaltyBasis.NONE),
    }
    values.update(overrides)
    return NonCompeteAgreement(**values)


@pytest.fixture
def make_wages() -> Callable[[str, int, str], tuple[WageRecord, ...]]:
    """The :func:`wages` builder."""
    return wages


@pytest.fixture
def make_employee() -> Callable[..., EmployeeFacts]:
    """The :func:`employee` builder."""
    return employee


@pytest.fixture
def make_agreement() -> Callable[..., NonCompeteAgreement]:
    """The :func:`agreement` builder."""
    return agreement
