"""A registry of 1,000,000 access grants: build it, then ask who knew what, when."""

from __future__ import annotations

import random
import time
from typing import Any

import pendulum

from benchmarks._harness import measure
from tradesecret.definition import AccessEvent, AccessGrant, SecretKind, SecretRegistry, TradeSecret

GRANTS = 1_000_000
EVENTS = 200_000
SECRETS = 10_000
PEOPLE = 20_000
QUERIES = 10_000
DAY0 = pendulum.Date(2018, 1, 1)


def run() -> dict[str, Any]:
    """Seeded random grants over eight years; 10,000 of each query."""
    rng = random.Random(20261121)
    secrets = tuple(
        TradeSecret(id=f"TS-{i:05d}", title="s", kind=SecretKind.TECHNICAL) for i in range(SECRETS)
    )
    days = [DAY0.add(days=d) for d in range(3000)]
    grants = []
    for _ in range(GRANTS):
        start = rng.randrange(2500)
        end = start + rng.randrange(500) if rng.random() < 0.7 else None
        grants.append(
            AccessGrant(
                person=f"E{rng.randrange(PEOPLE):05d}",
                secret_id=f"TS-{rng.randrange(SECRETS):05d}",
                granted=days[start],
                revoked=None if end is None else days[end],
            )
        )
    events = [
        AccessEvent(
            person=f"E{rng.randrange(PEOPLE):05d}",
            secret_id=f"TS-{rng.randrange(SECRETS):05d}",
            on=days[rng.randrange(3000)],
        )
        for _ in range(EVENTS)
    ]
    t0 = time.perf_counter()
    reg = SecretRegistry(secrets=secrets, grants=tuple(grants), events=tuple(events))
    t1 = time.perf_counter()
    found = 0
    for _ in range(QUERIES):
        start = rng.randrange(2500)
        found += len(
            reg.secrets_known_by(
                f"E{rng.randrange(PEOPLE):05d}", start=days[start], end=days[start + 365]
            )
        )
    t2 = time.perf_counter()
    holders = 0
    for _ in range(QUERIES):
        holders += len(
            reg.holders_of(f"TS-{rng.randrange(SECRETS):05d}", on=days[rng.randrange(3000)])
        )
    t3 = time.perf_counter()
    return {
        "grants": GRANTS,
        "events": EVENTS,
        "secrets": SECRETS,
        "people": PEOPLE,
        "build_seconds": round(t1 - t0, 3),
        "secrets_known_by_us_per_query": round((t2 - t1) * 1e6 / QUERIES, 1),
        "holders_of_us_per_query": round((t3 - t2) * 1e6 / QUERIES, 1),
        "mean_secrets_known": round(found / QUERIES, 2),
        "mean_holders": round(holders / QUERIES, 2),
    }


if __name__ == "__main__":
    measure("registry", run, target="1,000,000 grants; queries well under 1 ms")
