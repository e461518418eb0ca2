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

__all__ = [
    "ConfidentialityMeasure",
    "ExitProcedure",
    "LiquidatedDamages",
    "MeasureKind",
    "NdaScopeItem",
    "NdaTier",
    "NonDisclosureAgreement",
    "PartnerNonCompete",
    "PartyKind",
    "ScopeCategory",
]
