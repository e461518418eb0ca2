"""
Supply chain at scale: disclosure packages, code books, leak tracing, audits, penalties.

* 300 disclosure packages: 100 suppliers x 3 stages of one project of 200 items (every
  kind, core and non-core, every form planned), each with its manifest and findings;
* 100 code books (one per supplier) and one leaked text traced over all their codes;
* 5,000 factory audits of varied profiles;
* 10,000 quality penalties and 10,000 certification-delay penalties (due days rolled over
  the 2026 holiday calendar).

Each phase is timed on its own; ``seconds`` is the whole run, ``peak_rss_mib`` the whole
process. Run: ``.venv/bin/python -m benchmarks.bench_supply_chain`` (or
``benchmarks/run.py supply_chain``).
"""

from __future__ import annotations

import time
from decimal import Decimal
from typing import Any

from benchmarks._harness import measure
from tradesecret.dates import to_date
from tradesecret.measures import NdaTier, NonDisclosureAgreement, PartyKind
from tradesecret.money import Money
from tradesecret.rulebook import default_rulebook
from tradesecret.supply_chain import (
    AuthorizationLetter,
    CodingKey,
    DataItem,
    DisclosureForm,
    FactoryProfile,
    ItemKind,
    LabResult,
    LiveVideo,
    PlannedRelease,
    Project,
    Sensitivity,
    Supplier,
    ViolationHandling,
    audit_factory,
    build_code_book,
    certification_delay_penalty,
    file_ref,
    plan_disclosure,
    quality_penalty,
    trace_leak,
)

ITEMS = 200
SUPPLIERS = 100
AUDITS = 5_000
PENALTIES = 10_000
FORMS = tuple(DisclosureForm)
KINDS = tuple(ItemKind)


def project() -> Project:
    """One project of ``ITEMS`` items; every item has a file per form, most a real value."""
    items = []
    for i in range(ITEMS):
        items.append(
            DataItem(
                id=f"item-{i}",
                kind=KINDS[i % len(KINDS)],
                title=f"Item {i}",
                sensitivity=Sensitivity.CORE if i % 3 == 0 else Sensitivity.NON_CORE,
                secret_ids=(f"TS-{i % 40}",),
                real_value=f"value-{i:05d}" if i % 4 else None,
                partial_view="appearance only" if i % 5 else None,
                hidden=("internal structure",),
                files=tuple(
                    file_ref(f"item-{i}-{f.value}.pdf", f"{i}:{f.value}".encode(), f)
                    for f in FORMS
                    if f is not DisclosureForm.WITHHOLD
                ),
            )
        )
    stages = ("prototyping", "pilot_run", "mass_production")
    plan = tuple(
        PlannedRelease(stage=stage, item_id=f"item-{i}", form=FORMS[(i + s) % len(FORMS)])
        for s, stage in enumerate(stages)
        for i in range(ITEMS)
    )
    return Project(id="BENCH", name="Benchmark appliance", items=tuple(items), plan=plan)


def suppliers() -> list[Supplier]:
    """``SUPPLIERS`` factories, each with a core NDA and a letter for order PO-1."""
    out = []
    for n in range(SUPPLIERS):
        sid = f"F-{n:03d}"
        out.append(
            Supplier(
                id=sid,
                name=f"Factory {n}",
                ndas=(
                    NonDisclosureAgreement(
                        id=f"NDA-{sid}",
                        tier=NdaTier.CORE,
                        party=sid,
                        party_kind=PartyKind.SUPPLIER,
                        signed=to_date("2026-01-05"),
                    ),
                ),
                letters=(
                    AuthorizationLetter(
                        id=f"L-{sid}",
                        project_id="BENCH",
                        supplier_id=sid,
                        order_id="PO-1",
                        issued_on=to_date("2026-04-28"),
                        countersigned_on=to_date("2026-05-01"),
                    ),
                ),
            )
        )
    return out


def profiles() -> list[FactoryProfile]:
    """``AUDITS`` factory profiles cycling through clean, flagged and unchecked facts."""
    videos = (LiveVideo.WATERMARKED, LiveVideo.NO_WATERMARK, LiveVideo.REFUSED, None)
    out = []
    for n in range(AUDITS):
        out.append(
            FactoryProfile(
                factory_id=f"F-{n}",
                name=f"Factory {n}",
                live_video=videos[n % 4],
                utility_bill_months=n % 5,
                equipment_contracts=n % 7 != 0,
                address_verified=True if n % 3 else None,
                sample_approvals=n % 3,
                claims_samples_compliant=n % 2 == 0,
                test_reports_provided=n % 6 != 0,
                test_results=(
                    LabResult(name="noise", limit=Decimal(35), measured=Decimal(30 + n % 10)),
                ),
                preproduction_signoff=n % 8 != 0,
                trade_secret_disputes=n % 11 // 10,
                leak_complaints=0,
                quoted_unit_price=Money(20 + n % 15),
                market_unit_price=Money(30),
                certification_cases=(to_date("2026-01-15"),) if n % 2 else (),
                certification_answers_vague=n % 9 == 0,
                min_batch_units=3000 + (n % 4) * 1000,
            )
        )
    return out


def run() -> dict[str, Any]:
    """Build the inputs (untimed), then time each phase."""
    default_rulebook()
    key = CodingKey(secret=b"benchmark owner key, 32 bytes!!!")
    proj, sups, profs = project(), suppliers(), profiles()
    figures: dict[str, Any] = {}

    start = time.perf_counter()
    packages = [
        plan_disclosure(
            proj,
            s,
            stage,
            as_of="2026-05-10",
            key=key,
            order_id="PO-1",
            handling=ViolationHandling.REPORT if n % 2 else ViolationHandling.ENFORCE,
        )
        for n, s in enumerate(sups)
        for stage in proj.stages
    ]
    figures["packages_seconds"] = round(time.perf_counter() - start, 3)
    figures["packages"] = len(packages)
    figures["items_per_package"] = ITEMS
    figures["findings"] = sum(len(p.findings) for p in packages)

    start = time.perf_counter()
    books = [build_code_book(proj, s, key=key) for s in sups]
    figures["code_books_seconds"] = round(time.perf_counter() - start, 3)
    figures["codes"] = sum(len(b.entries) for b in books)

    leaked = f"datasheet ... {books[57].entries[3].code} ... 5 V"
    start = time.perf_counter()
    matches = trace_leak(leaked, code_books=books)
    figures["trace_ms"] = round((time.perf_counter() - start) * 1000, 2)
    figures["trace_source"] = matches[0].supplier_id

    start = time.perf_counter()
    audits = [audit_factory(p, as_of="2026-06-30") for p in profs]
    figures["audits_seconds"] = round(time.perf_counter() - start, 3)
    figures["audits"] = len(audits)

    order = Money("100000")
    start = time.perf_counter()
    for n in range(PENALTIES):
        quality_penalty(
            order, measured_db=Decimal(35) + Decimal(n % 50) / 10, limit_db=35, as_of="2026-06-01"
        )
    figures["quality_penalties_seconds"] = round(time.perf_counter() - start, 3)

    begin = to_date("2026-01-01")
    start = time.perf_counter()
    for n in range(PENALTIES):
        first = begin.add(days=n % 200)
        certification_delay_penalty(
            order,
            schedule_start=first,
            completed_on=first.add(days=40 + n % 20),
            as_of=first.add(days=60),
        )
    figures["delay_penalties_seconds"] = round(time.perf_counter() - start, 3)
    figures["penalties"] = PENALTIES
    return figures


if __name__ == "__main__":
    measure(
        "supply_chain",
        run,
        target=(
            "300 packages x 200 items, 100 code books + one trace, 5,000 audits, "
            "10,000 + 10,000 penalties; no target"
        ),
    )
