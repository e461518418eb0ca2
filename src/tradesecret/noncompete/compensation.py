"""
Compensation (kept for imports): the average-wage base (:mod:`~tradesecret.noncompete.wages`),
the two floors month by month (:mod:`~tradesecret.noncompete.floor`) and employer release
(:mod:`~tradesecret.noncompete.release`).
"""

from __future__ import annotations

from tradesecret.noncompete.floor import (
    CompensationFloor,
    MinimumWageDay,
    MonthlyFloor,
    agreed_compensation,
    agreed_monthly_compensation,
    compensation_floor,
)
from tradesecret.noncompete.release import employer_release
from tradesecret.noncompete.wages import average_monthly_wage, wage_months

__all__ = [
    "CompensationFloor",
    "MinimumWageDay",
    "MonthlyFloor",
    "agreed_compensation",
    "agreed_monthly_compensation",
    "average_monthly_wage",
    "compensation_floor",
    "employer_release",
    "wage_months",
]
