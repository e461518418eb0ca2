"""Builders for the definition tests: a battery maker's process secret and a customer list."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tradesecret.definition import (
    Carrier,
    CarrierKind,
    ClassificationTier,
    FormationKind,
    FormationRecord,
    SecretKind,
    SecretPoint,
    SecretSubtype,
    TradeSecret,
    ValueEvidence,
    ValueKind,
)
from tradesecret.measures import ConfidentialityMeasure, MeasureKind
from tradesecret.money import Money


def battery_secret(**overrides: object) -> TradeSecret:
    """Cathode sintering parameters of a battery maker (core tier)."""
    values: dict[str, object] = {
        "id": "TS-CATHODE-01",
        "title": "NCM cathode sintering curve",
        "kind": SecretKind.TECHNICAL,
        "subtypes": (SecretSubtype.PROCESS, SecretSubtype.TECHNICAL_DATA),
        "owner": "Example Battery Co., Ltd.",
        "points": (
            SecretPoint(id="P1", description="Second-stage sintering at 780-800 C for 11 h"),
            SecretPoint(id="P2", description="Oxygen flow 12 L/min during cooling"),
            SecretPoint(id="P3", description="Li/TM molar ratio 1.045"),
        ),
        "carriers": (
            Carrier(id="C-SOP-7", kind=CarrierKind.DOCUMENT, sha256="ab" * 32),
            Carrier(id="C-MES", kind=CarrierKind.DATABASE),
        ),
        "formation": (FormationRecord(id="F-1", kind=FormationKind.LAB_NOTEBOOK, on="2021-03-02"),),
        "value_evidence": (
            ValueEvidence(kind=ValueKind.RD_COST, amount=Money("8200000"), on="2022-12-31"),
        ),
        "tier": ClassificationTier.CORE,
        "secrecy_evidence": ("SEARCH-2023-01",),
    }
    values.update(overrides)
    return TradeSecret(**values)  # type: ignore[arg-type]


def agreement(**overrides: object) -> ConfidentialityMeasure:
    """An evidenced confidentiality agreement naming the battery secret, from 2021."""
    values: dict[str, object] = {
        "id": "M-NDA",
        "kind": MeasureKind.CONFIDENTIALITY_AGREEMENT,
        "start": "2021-01-01",
        "secret_ids": ("TS-CATHODE-01",),
        "evidence": ("signed-nda.pdf",),
        "identifies_secret": True,
    }
    values.update(overrides)
    return ConfidentialityMeasure(**values)  # type: ignore[arg-type]


Factory = Callable[..., TradeSecret]
MeasureFactory = Callable[..., ConfidentialityMeasure]


@pytest.fixture
def make_secret() -> Factory:
    """Builder of the battery secret with overrides."""
    return battery_secret


@pytest.fixture
def make_measure() -> MeasureFactory:
    """Builder of an evidenced agreement with overrides."""
    return agreement
