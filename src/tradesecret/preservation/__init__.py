"""
Conduct preservation (行为保全): assessing an application and keeping its clocks.

A court must rule on a pre-suit application for trade-secret conduct preservation --
orders not to disclose, use or allow others to use a secret -- within 48 hours of
accepting it (CPL Art. 104; SPC 2020 trade-secret provisions Art. 15). This package
turns the facts of an application and the outcome of the evidence evaluation into a
readiness assessment counsel can act on, and the procedural events into a timetable.

* :func:`assess_preservation` -- the five factors of SPC IP-preservation provisions
  Art. 7, urgency (Art. 6), hearing (Art. 5), requests, security and contents (Arts. 4,
  11), counter-arguments and gaps.
* :func:`preservation_deadlines` -- the 48-hour ruling, deferred service, the 30 days to
  sue, the continuation window, reconsideration and lifting.
* :func:`claims_from_evaluation` -- the claims an evidence-chain evaluation establishes
  (``assess_preservation(..., evidence=graph)`` does this for you).
* :func:`readiness_report` -- a bilingual report in Markdown, text or self-contained HTML.

Legal basis:
    cpl@2023-09-01:103, cpl@2023-09-01:104, cpl@2023-09-01:108, cpl@2023-09-01:111,
    cpl-interp@2022-04-01:152, cpl-interp@2022-04-01:166, spc-ip-preservation@2018-12-12,
    spc-ts@2020-09-10:15
"""

from __future__ import annotations

from tradesecret.preservation._assess import (
    BALANCE,
    BASIS,
    CONTENTS,
    EX_PARTE,
    FACTORS,
    HARM,
    LIKELIHOOD,
    PUBLIC_INTEREST,
    REQUESTS,
    SECURITY,
    URGENCY,
    PreservationAssessment,
    SecurityEstimate,
    assess_preservation,
)
from tradesecret.preservation._clocks import (
    Actor,
    Clock,
    ClockKind,
    ClockStatus,
    ContinuationWindow,
    RestDayRule,
    Timetable,
    preservation_deadlines,
)
from tradesecret.preservation._evidence import CLAIM_MAP, claims_from_evaluation
from tradesecret.preservation._model import (
    Application,
    Claim,
    ClaimedSecret,
    ClaimInput,
    HarmFacts,
    OrderKind,
    Party,
    PartyKind,
    PreservationDates,
    PublicInterestFacts,
    RequestedOrder,
    RespondentLoss,
    Security,
    SecurityForm,
    Stage,
    UrgencyFacts,
)
from tradesecret.preservation._report import ReportFormat, readiness_report

__all__ = [
    "BALANCE",
    "BASIS",
    "CLAIM_MAP",
    "CONTENTS",
    "EX_PARTE",
    "FACTORS",
    "HARM",
    "LIKELIHOOD",
    "PUBLIC_INTEREST",
    "REQUESTS",
    "SECURITY",
    "URGENCY",
    "Actor",
    "Application",
    "Claim",
    "ClaimInput",
    "ClaimedSecret",
    "Clock",
    "ClockKind",
    "ClockStatus",
    "ContinuationWindow",
    "HarmFacts",
    "OrderKind",
    "Party",
    "PartyKind",
    "PreservationAssessment",
    "PreservationDates",
    "PublicInterestFacts",
    "ReportFormat",
    "RequestedOrder",
    "RespondentLoss",
    "RestDayRule",
    "Security",
    "SecurityEstimate",
    "SecurityForm",
    "Stage",
    "Timetable",
    "UrgencyFacts",
    "assess_preservation",
    "claims_from_evaluation",
    "preservation_deadlines",
    "readiness_report",
]
