"""
Conduct preservation (行为保全): assessing an application and keeping its clocks.

A court must rule on a pre-suit application for trade-secret conduct preservation --
orders not to disclose, use or allow others to use a secret -- within 48 hours of
accepting it (CPL 2012/2017 Art. 101, 2021/2023 Art. 104; SPC 2020 trade-secret
provisions Art. 15). Conduct preservation exists from 2013-01-01 (CPL 2012). This package
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

from tradesecret.preservation._assess import assess_preservation
from tradesecret.preservation._clocks import preservation_deadlines
from tradesecret.preservation._codes import (
    BALANCE,
    BASIS,
    CONTENTS,
    EX_PARTE,
    FACTORS,
    HARM,
    LIKELIHOOD,
    PUBLIC_INTEREST,
    READINESS,
    REQUESTS,
    SECURITY,
    URGENCY,
)
from tradesecret.preservation._dates import PreservationDates
from tradesecret.preservation._evidence import CLAIM_MAP, claims_from_evaluation
from tradesecret.preservation._facts import (
    HarmFacts,
    PublicInterestFacts,
    RespondentLoss,
    Security,
    SecurityForm,
    UrgencyFacts,
)
from tradesecret.preservation._harm import HARM_TABLE, PUBLIC_INTEREST_TABLE
from tradesecret.preservation._model import (
    Application,
    Claim,
    ClaimedSecret,
    ClaimInput,
    OrderKind,
    Party,
    PartyKind,
    RequestedOrder,
    Stage,
)
from tradesecret.preservation._readiness import CONTENTS_TABLE, ORDER_TABLE, SECURITY_TABLE
from tradesecret.preservation._report import ReportFormat, readiness_report
from tradesecret.preservation._result import PreservationAssessment, SecurityEstimate
from tradesecret.preservation._timetable import (
    Actor,
    Clock,
    ClockKind,
    ClockStatus,
    ContinuationWindow,
    RestDayRule,
    Timetable,
)
from tradesecret.preservation._urgency import EX_PARTE_TABLE, URGENCY_TABLE

__all__ = [
    "BALANCE",
    "BASIS",
    "CLAIM_MAP",
    "CONTENTS",
    "CONTENTS_TABLE",
    "EX_PARTE",
    "EX_PARTE_TABLE",
    "FACTORS",
    "HARM",
    "HARM_TABLE",
    "LIKELIHOOD",
    "ORDER_TABLE",
    "PUBLIC_INTEREST",
    "PUBLIC_INTEREST_TABLE",
    "READINESS",
    "REQUESTS",
    "SECURITY",
    "SECURITY_TABLE",
    "URGENCY",
    "URGENCY_TABLE",
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
