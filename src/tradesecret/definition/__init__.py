"""
Trade secrets: what they are, who knew them, and whether they qualify.

* the description of a secret -- :class:`TradeSecret` with its secret points,
  carriers, formation records, value evidence, tier and public exposures;
* :class:`SecretRegistry` -- who had access to what, and when;
* :func:`assess_trade_secret` -- the three statutory criteria (AUCL 2019 Art. 9(4) /
  AUCL 2025 Art. 10; SPC 法释〔2020〕7号 Arts. 1-7) as of the date of the act in question.
"""

from __future__ import annotations

from tradesecret.definition._model import (
    Carrier,
    CarrierKind,
    ClassificationTier,
    CustomerElement,
    CustomerInformation,
    ExposureKind,
    FormationKind,
    FormationRecord,
    PublicExposure,
    SecretKind,
    SecretPoint,
    SecretSubtype,
    TradeSecret,
    ValueEvidence,
    ValueKind,
    content_hash,
)
from tradesecret.definition.assess import (
    MeasureTiming,
    PublicPoints,
    assess_trade_secret,
    assess_trade_secrets,
    combine_outcomes,
    nda_as_measure,
    statutory_basis,
)
from tradesecret.definition.registry import (
    AccessAction,
    AccessEvent,
    AccessGrant,
    Knowledge,
    SecretRegistry,
    registry_from,
)

__all__ = [
    "AccessAction",
    "AccessEvent",
    "AccessGrant",
    "Carrier",
    "CarrierKind",
    "ClassificationTier",
    "CustomerElement",
    "CustomerInformation",
    "ExposureKind",
    "FormationKind",
    "FormationRecord",
    "Knowledge",
    "MeasureTiming",
    "PublicExposure",
    "PublicPoints",
    "SecretKind",
    "SecretPoint",
    "SecretRegistry",
    "SecretSubtype",
    "TradeSecret",
    "ValueEvidence",
    "ValueKind",
    "assess_trade_secret",
    "assess_trade_secrets",
    "combine_outcomes",
    "content_hash",
    "nda_as_measure",
    "registry_from",
    "statutory_basis",
]
