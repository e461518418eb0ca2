"""Nodes built from the definition and measures domains."""

from __future__ import annotations

import pendulum

from tradesecret.definition import (
    AccessAction,
    AccessEvent,
    CarrierKind,
    FormationKind,
    SecretKind,
    SecretPoint,
    SecretRegistry,
    TradeSecret,
)
from tradesecret.definition import Carrier as DefCarrier
from tradesecret.definition import FormationRecord as DefFormation
from tradesecret.evidence import (
    Agreement,
    AgreementKind,
    ClaimCode,
    EdgeKind,
    Event,
    EventKind,
    EvidenceGraph,
    EvidenceGraphBuilder,
    Measure,
    check_temporal,
    evaluate,
)
from tradesecret.evidence import MeasureKind as EvMeasureKind
from tradesecret.evidence.adapters import add_measure, add_nda, add_registry, add_trade_secret
from tradesecret.facts import UNKNOWN
from tradesecret.measures import (
    ConfidentialityMeasure,
    MeasureKind,
    NdaScopeItem,
    NdaTier,
    NonDisclosureAgreement,
    PartyKind,
    ScopeCategory,
)

SECRET = TradeSecret(
    id="S1",
    title="Gearbox parameters",
    kind=SecretKind.TECHNICAL,
    owner="acme",
    carriers=(DefCarrier(id="c1", kind=CarrierKind.DRAWING, description="gear.dwg"),),
    formation=(DefFormation(id="f1", kind=next(iter(FormationKind)), on="2023-01-01"),),
    points=(SecretPoint(id="p1", description="P1 tooth profile"),),
)


class TestAdapters:
    """Registry, measures and NDAs as graph nodes."""

    def test_trade_secret(self) -> None:
        """Secret, carrier, formation record and owner with their edges."""
        b = EvidenceGraphBuilder()
        add_trade_secret(b, SECRET)
        g = b.build()
        assert ("P1 tooth profile", ("c1",), ("f1",), ("acme",)) == (
            g.node("S1").description,  # type: ignore[union-attr]
            g.predecessors("S1", EdgeKind.EMBODIES),
            g.successors("S1", EdgeKind.FORMED_BY),
            g.holders_of("S1"),
        )

    def test_registry_events(self) -> None:
        """Access events become events on the carrier, at the start of their day."""
        registry = SecretRegistry(
            secrets=(SECRET,),
            events=(
                AccessEvent(
                    person="wang",
                    secret_id="S1",
                    on="2025-03-01",
                    action=AccessAction.DOWNLOAD,
                    carrier_id="c1",
                    id="a1",
                ),
                AccessEvent(
                    person="wang", secret_id="S1", on="2025-03-02", action=AccessAction.VIEW
                ),
            ),
        )
        b = EvidenceGraphBuilder()
        assert 2 == add_registry(b, registry)
        g = b.build()
        events = g.events_by("wang")
        assert [(EventKind.DOWNLOAD, "c1"), (EventKind.ACCESS, "S1")] == [
            (e.kind, g.successors(e.id, EdgeKind.TARGETS)[0]) for e in events
        ]
        assert pendulum.datetime(2025, 3, 1, tz="Asia/Shanghai") == events[0].at

    def test_measures_and_nda(self) -> None:
        """Item-1 measures and NDAs become agreements; others measures, dated at day end."""
        b = EvidenceGraphBuilder()
        add_trade_secret(b, SECRET)
        add_measure(
            b,
            ConfidentialityMeasure(
                id="m1",
                kind=MeasureKind.MARKING,
                start="2025-03-01",
                secret_ids=("S1",),
                people=("wang",),
            ),
        )
        add_measure(
            b, ConfidentialityMeasure(id="m2", kind=MeasureKind.CONTRACT_CLAUSE, start="2020-01-01")
        )
        add_nda(
            b,
            NonDisclosureAgreement(
                id="n1",
                tier=NdaTier.CORE,
                party="wang",
                party_kind=PartyKind.EMPLOYEE,
                signed="2020-07-01",
                scope=(NdaScopeItem(category=next(iter(ScopeCategory)), secret_ids=("S1",)),),
            ),
        )
        b.event(
            id="dl",
            kind=EventKind.DOWNLOAD,
            by="wang",
            on="c1",
            at=pendulum.datetime(2025, 3, 1, 15, tz="Asia/Shanghai"),
        )
        g = b.build()
        m1, m2, n1 = g.node("m1"), g.node("m2"), g.node("n1")
        assert isinstance(m1, Measure) and isinstance(m2, Agreement) and isinstance(n1, Agreement)
        assert (
            EvMeasureKind.MARKING_AND_ACCESS_LIMITS,
            AgreementKind.EMPLOYMENT_CONFIDENTIALITY,
        ) == (m1.kind, m2.kind)
        assert {"m1", "n1"} == set(g.successors("wang", EdgeKind.BOUND_BY))
        # a measure dated the day of the download does not predate it (conservative reading)
        late = [
            f.subject for f in check_temporal(g) if f.code == "evidence.temporal.measure_after_act"
        ]
        assert ["m1"] == late


def _same_day_graph(*, same_day_counts: bool, measure_day: str = "2025-03-01") -> EvidenceGraph:
    """A registry download on 2025-03-01 and a marking measure and NDA dated ``measure_day``."""
    registry = SecretRegistry(
        secrets=(SECRET,),
        events=(
            AccessEvent(
                person="wang",
                secret_id="S1",
                on="2025-03-01",
                action=AccessAction.DOWNLOAD,
                carrier_id="c1",
                id="dl",
            ),
        ),
    )
    b = EvidenceGraphBuilder()
    add_registry(b, registry)
    add_measure(
        b,
        ConfidentialityMeasure(
            id="m1", kind=MeasureKind.MARKING, start=measure_day, secret_ids=("S1",)
        ),
        same_day_counts=same_day_counts,
    )
    add_nda(
        b,
        NonDisclosureAgreement(
            id="n1",
            tier=NdaTier.CORE,
            party="wang",
            party_kind=PartyKind.EMPLOYEE,
            signed=measure_day,
            scope=(NdaScopeItem(category=next(iter(ScopeCategory)), secret_ids=("S1",)),),
        ),
        same_day_counts=same_day_counts,
    )
    return b.build()


def _late(graph: EvidenceGraph) -> list[str]:
    """Subjects of measure_after_act findings, sorted."""
    return sorted(
        f.subject or ""
        for f in check_temporal(graph)
        if f.code == "evidence.temporal.measure_after_act"
    )


class TestSameDay:
    """A measure dated the day of the act, under both readings of SPC 2020 Art. 5(1)."""

    def test_default_reading_does_not_predate(self) -> None:
        """By default a measure and an NDA dated the act's day do not predate it."""
        g = _same_day_graph(same_day_counts=False)
        assert ["m1", "n1"] == _late(g)
        ev = evaluate(g, as_of=pendulum.Date(2025, 4, 1), secret="S1", respondent="wang")
        assert () == ev.claim(ClaimCode.MEASURES).evidence
        assert {"m1", "n1"} == {
            f.subject for f in ev.findings if f.code == "evidence.temporal.measure_after_act"
        }

    def test_same_day_counts_predates(self) -> None:
        """With same_day_counts=True the same measures predate the act (nothing flagged)."""
        g = _same_day_graph(same_day_counts=True)
        assert [] == _late(g)
        m1, n1, dl = g.node("m1"), g.node("n1"), g.node("dl")
        assert isinstance(m1, Measure) and isinstance(n1, Agreement) and isinstance(dl, Event)
        assert m1.since is not UNKNOWN
        assert n1.signed_at is not UNKNOWN
        assert (pendulum.datetime(2025, 2, 28, 23, 59, 59, 999999, tz="Asia/Shanghai"),) * 2 == (
            m1.since,
            n1.signed_at,
        )
        assert m1.since < dl.at
        ev = evaluate(g, as_of=pendulum.Date(2025, 4, 1), secret="S1", respondent="wang")
        assert "evidence.temporal.measure_after_act" not in ev.assessment.codes()

    def test_day_before_counts_under_both(self) -> None:
        """A measure dated the day before the act predates it under either reading."""
        assert [] == _late(_same_day_graph(same_day_counts=False, measure_day="2025-02-28"))
        assert [] == _late(_same_day_graph(same_day_counts=True, measure_day="2025-02-28"))

    def test_day_after_never_counts(self) -> None:
        """A measure dated the day after the act never predates it."""
        assert ["m1", "n1"] == _late(
            _same_day_graph(same_day_counts=True, measure_day="2025-03-02")
        )
