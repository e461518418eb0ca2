"""
Confidentiality measures (SPC 法释〔2020〕7号 Arts. 5-6), tiered NDAs and exit procedures.
"""

from __future__ import annotations

from tradesecret.measures._model import (
    ConfidentialityMeasure,
    ExitProcedure,
    LiquidatedDamages,
    MeasureKind,
    NdaScopeItem,
    NdaTier,
    NonDisclosureAgreement,
    PartnerNonCompete,
    PartyKind,
    ScopeCategory,
)
from tradesecret.measures.assess import (
    MeasureGap,
    MeasuresReport,
    NdaPolicy,
    PlannedMeasure,
    assess_measures,
    check_exit,
    review_nda,
)

__all__ = [
    "ConfidentialityMeasure",
    "ExitProcedure",
    "LiquidatedDamages",
    "MeasureGap",
    "MeasureKind",
    "MeasuresReport",
    "NdaPolicy",
    "NdaScopeItem",
    "NdaTier",
    "NonDisclosureAgreement",
    "PartnerNonCompete",
    "PartyKind",
    "PlannedMeasure",
    "ScopeCategory",
    "assess_measures",
    "check_exit",
    "review_nda",
]
