"""
Non-compete (竞业限制): eligibility, agreement review and compensation floors.

An HR system calls this when a non-compete is drafted, when an employee leaves, and
whenever counsel asks "would this clause hold?".

* Inputs: :class:`EmployeeFacts` (with :class:`WageRecord` history and
  :class:`KnownSecret`), :class:`NonCompeteAgreement` (with :class:`CompensationTerms`
  and :class:`PenaltyTerms`), :class:`BusinessProfile`.
* Calculators: :func:`average_monthly_wage`, :func:`compensation_floor` (both tiers,
  month by month), :func:`employer_release`, :func:`review_penalty`.
* Review: :func:`review_noncompete` (an :class:`~tradesecret.results.Assessment` with
  seven criteria, most of them rule tables) and :func:`assess_competition` (Guiding Case 190).
* Facts a user may not know are :data:`~tradesecret.facts.UNKNOWN` by default (secrets
  known, personnel category, the compensation clause, the penalty, wages): a rule that
  turns on one is undetermined and the review lists it in ``missing()``.

Binding law: LCL Arts. 23-26; SPC Labour Interpretation (I) Arts. 36-40 and (II)
Arts. 13-15; Guiding Cases 184 and 190 (courts shall refer to them). Guidance: the
MOHRSS 2025 compliance guidelines. Every result's citations carry their tier.
"""

from __future__ import annotations

from tradesecret.noncompete._common import SecretSource, known_secrets
from tradesecret.noncompete.competition import assess_competition
from tradesecret.noncompete.floor import (
    CompensationFloor,
    MinimumWageDay,
    MonthlyFloor,
    agreed_compensation,
    agreed_monthly_compensation,
    compensation_floor,
)
from tradesecret.noncompete.model import (
    ActivationDecision,
    BusinessProfile,
    CompensationBasis,
    CompensationTerms,
    EmployeeFacts,
    KnownSecret,
    NonCompeteAgreement,
    PaymentTiming,
    PenaltyBasis,
    PenaltyTerms,
    PersonnelCategory,
    RegionExtent,
    StatedAverageWage,
    TerminationAgreement,
    TerminationManner,
    WageRecord,
)
from tradesecret.noncompete.release import employer_release
from tradesecret.noncompete.review import review_noncompete, review_penalty
from tradesecret.noncompete.wages import average_monthly_wage

__all__ = [
    "ActivationDecision",
    "BusinessProfile",
    "CompensationBasis",
    "CompensationFloor",
    "CompensationTerms",
    "EmployeeFacts",
    "KnownSecret",
    "MinimumWageDay",
    "MonthlyFloor",
    "NonCompeteAgreement",
    "PaymentTiming",
    "PenaltyBasis",
    "PenaltyTerms",
    "PersonnelCategory",
    "RegionExtent",
    "SecretSource",
    "StatedAverageWage",
    "TerminationAgreement",
    "TerminationManner",
    "WageRecord",
    "agreed_compensation",
    "agreed_monthly_compensation",
    "assess_competition",
    "average_monthly_wage",
    "compensation_floor",
    "employer_release",
    "known_secrets",
    "review_noncompete",
    "review_penalty",
]
