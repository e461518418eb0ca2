"""
Confidentiality measures (SPC 法释〔2020〕7号 Arts. 5-6), tiered NDAs and exit procedures.

* :class:`ConfidentialityMeasure` and :class:`MeasureKind` -- the Art. 6 catalogue
  (``kind.item`` is the item, 1-7), each measure with its scope, period and evidence;
* :func:`assess_measures` -- the legal criterion per secret, then the library's adequacy
  heuristics by tier and value, ranked gaps and a plan (:class:`MeasuresReport`);
* :class:`NonDisclosureAgreement` and :func:`review_nda` -- tiered NDAs checked against the
  holder's :class:`NdaPolicy` (default: the common-practice figures);
* :class:`ExitProcedure` and :func:`check_exit` -- a departure checked against Art. 6
  item 6 and the registry.
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
    StepStatus,
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
    "StepStatus",
    "assess_measures",
    "check_exit",
    "review_nda",
]
