"""
Evidence graph at scale: 1,000,000 access events (1,000 documents, 100 people) ingested
from a CSV access log with a SHA-256 per record, the log's own hash and custody chain,
then the chain for one secret found and evaluated.

Run ``python -m benchmarks.bench_evidence`` (typed model) and
``python -m benchmarks.bench_evidence --bare`` (a bare networkx DiGraph of the same
shape, for comparison). Each writes ``benchmarks/results/evidence[_bare].json``.
"""

from __future__ import annotations

import hashlib
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks._harness import measure

EVENTS = 1_000_000
DOCUMENTS = 1_000
PEOPLE = 100
SECRETS = 100  # each embodied by 10 documents
ACTIONS = ["view"] * 90 + ["download"] * 6 + ["copy"] * 2 + ["print", "send_personal"]


def write_log(path: Path) -> None:
    """A deterministic CSV access log over 2024 (UTC+8)."""
    rng = random.Random(20261121)
    start = 1704038400  # 2024-01-01T00:00:00+08:00
    step = 365 * 86400 // EVENTS
    with path.open("w", encoding="utf-8") as out:
        out.write("time,user,doc,action\n")
        for i in range(EVENTS):
            t = start + i * step
            day, sec = divmod(t - start, 86400)
            month_day = _date(day)
            hh, rem = divmod(sec, 3600)
            mm, ss = divmod(rem, 60)
            out.write(
                f"2024-{month_day}T{hh:02d}:{mm:02d}:{ss:02d}+08:00,"
                f"p-{rng.randrange(PEOPLE):03d},doc-{rng.randrange(DOCUMENTS):04d},"
                f"{rng.choice(ACTIONS)}\n"
            )


_MONTHS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def _date(day: int) -> str:
    for month, length in enumerate(_MONTHS, start=1):
        if day < length:
            return f"{month:02d}-{day + 1:02d}"
        day -= length
    return "12-31"


def run_typed(path: Path) -> dict[str, Any]:
    """Ingest with the typed model, verify custody, find and evaluate one secret's chain."""
    import pendulum  # noqa: PLC0415

    from tradesecret.dates import to_date  # noqa: PLC0415
    from tradesecret.evidence import (  # noqa: PLC0415
        EvidenceGraphBuilder,
        EvidenceItem,
        EvidenceKind,
        Party,
        PartyRole,
        Secret,
        evaluate,
        verify,
    )
    from tradesecret.evidence.ingest import ingest_csv  # noqa: PLC0415

    marks: dict[str, float] = {}
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    tz = "Asia/Shanghai"
    b = EvidenceGraphBuilder()
    b.add(Party(id="acme", name="ACME", role=PartyRole.COMPANY))
    b.add(Party(id="it", name="IT", role=PartyRole.COMPANY))
    b.add(Party(id="notary", name="Notary office", role=PartyRole.NOTARY))
    b.add(
        EvidenceItem(
            id="E-log",
            kind=EvidenceKind.ACCESS_LOG,
            sha256=digest.hexdigest(),
            collected_by="it",
            collected_at=pendulum.datetime(2025, 1, 5, 10, tz=tz),
        )
    )
    b.transfer("E-log", to="notary", at=pendulum.datetime(2025, 1, 6, 10, tz=tz))
    b.transfer("E-log", to="acme", at=pendulum.datetime(2025, 1, 7, 10, tz=tz))
    for s in range(SECRETS):
        b.add(Secret(id=f"S-{s:03d}", name=f"Secret {s}"))
        b.owns("acme", f"S-{s:03d}")
    marks["setup"] = time.perf_counter() - t0
    with path.open(encoding="utf-8") as handle:
        count = ingest_csv(b, handle, item="E-log")
    marks["ingest"] = time.perf_counter() - t0
    for d in range(DOCUMENTS):
        b.embodies(f"doc-{d:04d}", f"S-{d // (DOCUMENTS // SECRETS):03d}")
    g = b.build()
    marks["build"] = time.perf_counter() - t0
    report = verify(g)
    marks["verify"] = time.perf_counter() - t0
    chain = g.chain("S-007")
    paths = g.paths("p-042", "S-007")
    marks["chain"] = time.perf_counter() - t0
    ev = evaluate(g, secret="S-007", respondent="p-042", as_of=to_date("2025-02-01"))
    marks["evaluate"] = time.perf_counter() - t0
    return {
        "events": count,
        "nodes": len(g),
        "edges": g.number_of_edges(),
        "custody_ok": report.ok,
        "chain_nodes": chain.number_of_nodes(),
        "paths_p042_S007": len(paths),
        "outcome": ev.outcome.value,
        "cumulative_seconds": {k: round(v, 2) for k, v in marks.items()},
        "cpu_seconds": round(time.process_time() - cpu0, 2),
    }


def run_bare(path: Path) -> dict[str, Any]:
    """The same shape as a bare networkx DiGraph: string attributes, no types, no hashes."""
    import networkx as nx  # noqa: PLC0415

    cpu0 = time.process_time()
    g: nx.DiGraph[str] = nx.DiGraph()
    with path.open(encoding="utf-8") as handle:
        next(handle)
        for n, line in enumerate(handle):
            at, user, doc, action = line.rstrip("\n").split(",")
            eid = f"E-log#{n}"
            g.add_node(eid, kind=action, at=at)
            g.add_edge(user, eid, kind="performed")
            g.add_edge(eid, doc, kind="targets")
    return {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "cpu_seconds": round(time.process_time() - cpu0, 2),
    }


def main() -> None:
    """Write the log, then measure one mode."""
    bare = "--bare" in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "access.csv"
        write_log(path)
        if bare:
            measure("evidence_bare", lambda: run_bare(path), target="reference for the typed model")
        else:
            measure(
                "evidence",
                lambda: run_typed(path),
                target="1M events: < 20 s and < 3 GB peak on 2 cores",
            )


if __name__ == "__main__":
    main()
