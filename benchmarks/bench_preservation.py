"""Conduct preservation: readiness assessments, timetables and bilingual HTML reports."""

from __future__ import annotations

import time
from typing import Any

import pendulum

from benchmarks._harness import measure
from tradesecret.money import Money
from tradesecret.preservation import (
    Application,
    Claim,
    ClaimedSecret,
    ClaimInput,
    HarmFacts,
    OrderKind,
    Party,
    PartyKind,
    PreservationDates,
    RequestedOrder,
    RespondentLoss,
    Security,
    SecurityForm,
    Stage,
    UrgencyFacts,
    assess_preservation,
    preservation_deadlines,
    readiness_report,
)
from tradesecret.results import Outcome

APPLICATIONS = 10_000
TIMETABLES = 10_000
REPORTS = 1_000
OUTCOMES = (Outcome.MET, Outcome.MET, Outcome.CONTESTED, Outcome.INSUFFICIENT_EVIDENCE)


def applications() -> list[Application]:
    """``APPLICATIONS`` varied applications: both stages, both kinds of respondent, 1-3 secrets."""
    out = []
    for i in range(APPLICATIONS):
        ids = tuple(f"S-{i}-{k}" for k in range(1 + i % 3))
        out.append(
            Application(
                id=f"A-{i}",
                applicant=Party(name=f"Applicant {i % 97}", kind=PartyKind.COMPANY),
                respondent=Party(
                    name=f"<Respondent {i}>",
                    kind=PartyKind.INDIVIDUAL if i % 2 else PartyKind.COMPANY,
                    former_employee=bool(i % 2),
                ),
                stage=Stage.PRE_SUIT if i % 3 else Stage.IN_SUIT,
                secrets=tuple(
                    ClaimedSecret(id=s, title=f"Process & design {s}", content_defined=i % 7 != 0)
                    for s in ids
                ),
                orders=(
                    RequestedOrder(
                        kind=OrderKind.NOT_DISCLOSE,
                        secrets=ids,
                        description="Not to disclose",
                        until_judgment_effective=True,
                    ),
                    RequestedOrder(
                        kind=OrderKind.NOT_USE,
                        secrets=ids if i % 5 else (),
                        description="Not to use",
                        months=6 + i % 18,
                    ),
                ),
                urgency=UrgencyFacts(
                    disclosure_imminent=i % 4 != 0,
                    questioning_may_defeat_enforcement=i % 2 == 0,
                    discovered_on=pendulum.Date(2025, 1, 1).add(days=i % 300),
                ),
                harm=HarmFacts(
                    spread_uncontrollable=i % 3 == 0,
                    estimated_loss=Money(100_000 + (i * 7919) % 5_000_000),
                ),
                respondent_loss=RespondentLoss(monthly_sales_at_stake=Money(10_000 + i % 90_000)),
                security=Security(
                    amount=Money(50_000 + (i * 13) % 900_000), form=SecurityForm.INSURANCE
                )
                if i % 6
                else Security(reason_for_none="in suit; court to decide"),
                claims=tuple(
                    ClaimInput(
                        claim=claim,
                        outcome=Outcome.MET if i % 4 else OUTCOMES[(i + n) % len(OUTCOMES)],
                        evidence=(f"E-{i}-{n}",),
                    )
                    for n, claim in enumerate(Claim)
                ),
                court="Court" if i % 4 else "",
            )
        )
    return out


def dates() -> list[PreservationDates]:
    """``TIMETABLES`` pre-suit matters that run five clocks each (ruling to lifting)."""
    out = []
    for i in range(TIMETABLES):
        accepted = pendulum.datetime(2024, 1, 1, 9, tz="Asia/Shanghai").add(hours=i * 17)
        ruled = accepted.add(hours=20 + i % 40)
        executed = ruled.date().add(days=i % 2)
        out.append(
            PreservationDates(
                stage=Stage.PRE_SUIT,
                accepted_at=accepted,
                ruled_at=ruled,
                executed_on=executed,
                service_deferred=True,
                served_on=executed.add(days=i % 8),
                suit_filed_on=executed.add(days=20 + i % 15) if i % 3 else None,
                reconsideration_requested_on=executed.add(days=3),
                reconsideration_ruled_on=executed.add(days=3 + i % 14) if i % 2 else None,
                lift_applied_on=executed.add(days=5),
            )
        )
    return out


def run() -> dict[str, Any]:
    """Assess 10,000 applications, compute 10,000 timetables, render 1,000 bilingual pages."""
    apps = applications()
    matters = dates()
    as_of = pendulum.Date(2026, 11, 21)

    start = time.perf_counter()
    assessed = [assess_preservation(a, as_of=as_of) for a in apps]
    assess_s = time.perf_counter() - start
    ready = sum(a.ready for a in assessed)

    start = time.perf_counter()
    tables = [preservation_deadlines(d, as_of=as_of) for d in matters]
    clocks_s = time.perf_counter() - start
    clocks = sum(len(t.clocks) for t in tables)
    overdue = sum(len(t.overdue()) for t in tables)

    start = time.perf_counter()
    chars = 0
    for n in range(REPORTS):
        page = readiness_report(assessed[n], locale="bilingual", format="html", timetable=tables[n])
        chars += len(page)
    reports_s = time.perf_counter() - start
    return {
        "assessments": len(assessed),
        "assessments_seconds": round(assess_s, 3),
        "assessments_per_second": round(len(assessed) / assess_s),
        "ready": ready,
        "timetables": len(tables),
        "clocks": clocks,
        "overdue_clocks": overdue,
        "timetables_seconds": round(clocks_s, 3),
        "timetables_per_second": round(len(tables) / clocks_s),
        "reports": REPORTS,
        "reports_seconds": round(reports_s, 3),
        "reports_per_second": round(REPORTS / reports_s),
        "report_chars_mean": round(chars / REPORTS),
    }


if __name__ == "__main__":
    measure(
        "preservation",
        run,
        target="10,000 assessments, 10,000 timetables, 1,000 bilingual HTML reports; no target",
    )
