"""Non-compete: compensation floors and full reviews for a workforce."""

from __future__ import annotations

import time
from typing import Any

import pendulum

from benchmarks._harness import measure
from tradesecret.money import Money
from tradesecret.noncompete import (
    CompensationBasis,
    CompensationTerms,
    EmployeeFacts,
    KnownSecret,
    NonCompeteAgreement,
    PersonnelCategory,
    WageRecord,
    compensation_floor,
    review_noncompete,
)

REGIONS = ("CN-SH", "CN-BJ", "CN-GD-SZ", "CN-GD-GZ", "CN-JS-NJ", "CN-ZJ-HZ")
EMPLOYEES = 2_000


def workforce() -> list[tuple[NonCompeteAgreement, EmployeeFacts]]:
    """``EMPLOYEES`` leavers with 12 months of wages and a 6- to 24-month agreement."""
    out = []
    for i in range(EMPLOYEES):
        termination = pendulum.Date(2025, 7, 31).add(days=i % 400)
        first = pendulum.Date(termination.year, termination.month, 1).subtract(months=12)
        wages = tuple(
            WageRecord(month=first.add(months=m), amount=Money(8000 + (i * 37) % 40000))
            for m in range(13)
        )
        emp = EmployeeFacts(
            person_id=f"E-{i}",
            role="engineer",
            category=PersonnelCategory.SENIOR_TECHNICAL,
            place_of_performance=REGIONS[i % len(REGIONS)],
            employment_start="2018-01-01",
            wages=wages,
            termination_date=termination,
            secrets_known=(KnownSecret(id=f"TS-{i % 50}", business_lines=("batteries",)),),
        )
        nc = NonCompeteAgreement(
            id=f"NC-{i}",
            employer="ACME",
            employee=emp.person_id,
            signed_on="2018-01-01",
            duration_months=6 + i % 19,
            business_lines=("batteries",),
            restricted_companies=("Rival",),
            regions=("CN-SH",),
            compensation=CompensationTerms(
                basis=CompensationBasis.MONTHLY_AMOUNT, monthly_amount=Money(5000)
            ),
        )
        out.append((nc, emp))
    return out


def run() -> dict[str, Any]:
    """Floors (every month, both tiers) and a full review for each of 2,000 leavers."""
    cases = workforce()
    start = time.perf_counter()
    months = 0
    for nc, emp in cases:
        months += len(compensation_floor(nc, emp, as_of="2026-11-21").months)
    floors_s = time.perf_counter() - start
    start = time.perf_counter()
    findings = 0
    for nc, emp in cases:
        findings += len(review_noncompete(nc, emp, as_of="2026-11-21").codes())
    reviews_s = time.perf_counter() - start
    return {
        "employees": len(cases),
        "floor_months": months,
        "floors_seconds": round(floors_s, 3),
        "floors_per_second": round(len(cases) / floors_s),
        "reviews_seconds": round(reviews_s, 3),
        "reviews_per_second": round(len(cases) / reviews_s),
        "distinct_findings": findings,
    }


if __name__ == "__main__":
    measure("noncompete", run, target="2,000 leavers: floors and reviews; no target")
