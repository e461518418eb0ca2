"""Assessing 10,000 trade secrets (three elements each) and the measures adequacy of all of them."""

from __future__ import annotations

import time
from typing import Any

from benchmarks._harness import measure
from tradesecret.dates import to_date
from tradesecret.definition import (
    Carrier,
    CarrierKind,
    ClassificationTier,
    ExposureKind,
    PublicExposure,
    SecretKind,
    SecretPoint,
    TradeSecret,
    ValueEvidence,
    ValueKind,
    assess_trade_secrets,
)
from tradesecret.measures import ConfidentialityMeasure, MeasureKind, assess_measures
from tradesecret.money import Money
from tradesecret.rulebook import default_rulebook

N = 10_000
TIERS = tuple(ClassificationTier)
KINDS = tuple(MeasureKind)


def population() -> tuple[list[TradeSecret], list[ConfidentialityMeasure]]:
    """Deterministic secrets: 3 points, 2 carriers, value evidence, every 7th with a patent."""
    secrets: list[TradeSecret] = []
    measures: list[ConfidentialityMeasure] = []
    for i in range(N):
        sid = f"TS-{i:05d}"
        exposures = (
            (PublicExposure(id="PAT", kind=ExposureKind.PATENT, on="2023-01-01", covers=("P1",)),)
            if i % 7 == 0
            else ()
        )
        secrets.append(
            TradeSecret(
                id=sid,
                title=sid,
                kind=SecretKind.TECHNICAL,
                tier=TIERS[i % 3],
                points=tuple(SecretPoint(id=f"P{k}", description=f"point {k}") for k in range(3)),
                carriers=(
                    Carrier(id=f"{sid}-doc", kind=CarrierKind.DOCUMENT),
                    Carrier(id=f"{sid}-smp", kind=CarrierKind.SAMPLE),
                ),
                value_evidence=(
                    ValueEvidence(
                        kind=ValueKind.RD_COST, amount=Money(1000 * (i % 9000)), on="2022-01-01"
                    ),
                ),
                exposures=exposures,
                secrecy_evidence=("search",) if i % 2 else (),
            )
        )
        for k in range(i % 4):
            measures.append(
                ConfidentialityMeasure(
                    id=f"{sid}-M{k}",
                    kind=KINDS[(i + k) % len(KINDS)],
                    start="2021-06-01",
                    secret_ids=(sid,),
                    evidence=("e",) if (i + k) % 3 else (),
                    identifies_secret=True,
                )
            )
    measures.append(
        ConfidentialityMeasure(
            id="RULES",
            kind=MeasureKind.RULES,
            start="2020-01-01",
            all_secrets=True,
            evidence=("h",),
        )
    )
    return secrets, measures


def run() -> dict[str, Any]:
    """Build the population, assess every secret (one batch call), then the adequacy report."""
    rb = default_rulebook()
    secrets, measures = population()
    day = to_date("2025-06-01")
    t0 = time.perf_counter()
    found = assess_trade_secrets(secrets, measures, as_of=day, rulebook=rb)
    met = sum(a.outcome.value == "met" for a in found)
    t1 = time.perf_counter()
    report = assess_measures(secrets, measures, as_of=day, rulebook=rb)
    t2 = time.perf_counter()
    return {
        "secrets": N,
        "measures": len(measures),
        "assess_trade_secret_seconds": round(t1 - t0, 3),
        "assess_trade_secret_per_secret_ms": round((t1 - t0) * 1000 / N, 3),
        "assess_measures_seconds": round(t2 - t1, 3),
        "met": met,
        "gaps": len(report.gaps),
        "plan_steps": len(report.plan),
    }


if __name__ == "__main__":
    measure("definition", run, target="assess 10,000 secrets + one adequacy report; no target")
