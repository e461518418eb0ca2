"""Typed nodes and edges: every edge rule, node validation, the builder's guarantees."""

from __future__ import annotations

import itertools
from decimal import Decimal

import attrs
import networkx as nx
import pendulum
import pytest

from tradesecret.dates import to_datetime as t
from tradesecret.evidence import (
    EDGE_RULES,
    Agreement,
    Carrier,
    Claim,
    ClaimCode,
    Edge,
    EdgeKind,
    Event,
    EventKind,
    EvidenceGraph,
    EvidenceGraphBuilder,
    EvidenceItem,
    EvidenceKind,
    FormationRecord,
    Measure,
    MeasureKind,
    Node,
    NodeKind,
    Party,
    Secret,
    Stance,
    sha256_hex,
)
from tradesecret.evidence.model import day_of
from tradesecret.exceptions import InvalidInputError

AT = pendulum.datetime(2025, 3, 1, 9, tz="Asia/Shanghai")


def one_of_each() -> dict[NodeKind, Node]:
    """One node of every kind."""
    return {
        NodeKind.SECRET: Secret(id="n-secret", name="S"),
        NodeKind.CARRIER: Carrier(id="n-carrier"),
        NodeKind.FORMATION_RECORD: FormationRecord(id="n-formation_record", description="log"),
        NodeKind.PARTY: Party(id="n-party", name="P"),
        NodeKind.MEASURE: Measure(id="n-measure", kind=MeasureKind.PREMISES, since=AT),
        NodeKind.AGREEMENT: Agreement(id="n-agreement", signed_at=AT),
        NodeKind.EVENT: Event(id="n-event", kind=EventKind.ACCESS, at=AT),
        NodeKind.EVIDENCE: EvidenceItem(
            id="n-evidence",
            kind=EvidenceKind.EMAIL,
            sha256=sha256_hex(b"x"),
            collected_by="n-party",
            collected_at=AT,
        ),
        NodeKind.CLAIM: Claim(id="n-claim", code=ClaimCode.ACCESS, secret="n-secret"),
    }


def fresh() -> EvidenceGraphBuilder:
    """A builder holding one node of every kind."""
    b = EvidenceGraphBuilder()
    b.add_all(one_of_each().values())
    return b


CASES = [
    (kind, src, dst) for kind in EdgeKind for src, dst in itertools.product(NodeKind, NodeKind)
]


class TestEdgeRules:
    """Every (edge kind, source kind, target kind) combination."""

    @pytest.mark.parametrize(("kind", "src", "dst"), CASES, ids=lambda v: getattr(v, "value", v))
    def test_rule(self, kind: EdgeKind, src: NodeKind, dst: NodeKind) -> None:
        """An edge is accepted exactly when EDGE_RULES allows its node kinds."""
        b = fresh()
        allowed = src in EDGE_RULES[kind][0] and dst in EDGE_RULES[kind][1]
        source, target = f"n-{src.value}", f"n-{dst.value}"
        if src is dst:
            target = f"n2-{dst.value}"
            b.add(_copy(one_of_each()[dst], target))
        if allowed:
            b.link(kind, source, target)
            g = b.build()
            assert kind == g.edge(source, target).kind
        else:
            with pytest.raises(InvalidInputError) as info:
                b.link(kind, source, target)
            assert f"edge.{kind.value}" == info.value.field

    def test_rule_table(self) -> None:
        """The table states the relations of the issue."""
        assert (frozenset({NodeKind.CARRIER}), frozenset({NodeKind.SECRET})) == EDGE_RULES[
            EdgeKind.EMBODIES
        ]
        assert NodeKind.EVIDENCE not in EDGE_RULES[EdgeKind.EVIDENCES][1]
        assert frozenset({NodeKind.PARTY}) == EDGE_RULES[EdgeKind.CUSTODY][1]


def _copy(node: Node, new_id: str) -> Node:
    return attrs.evolve(node, id=new_id)


class TestBuilder:
    """The builder refuses bad input and freezes its graph."""

    def test_unknown_nodes(self) -> None:
        """An edge to a missing node lists both ends."""
        b = fresh()
        with pytest.raises(InvalidInputError) as info:
            b.link(EdgeKind.EMBODIES, "nope", "nada")
        assert ["edge.embodies.source", "edge.embodies.target"] == [
            p.path for p in info.value.problems
        ]

    def test_duplicate_id(self) -> None:
        """Another node with an existing id is refused; the same node again is a no-op."""
        b = fresh()
        assert "n-secret" == b.add(Secret(id="n-secret", name="S"))
        with pytest.raises(InvalidInputError):
            b.add(Secret(id="n-secret", name="other"))

    def test_one_relation_per_pair(self) -> None:
        """Two different relations between the same nodes are refused."""
        b = fresh()
        b.link(EdgeKind.OWNS, "n-party", "n-carrier")
        with pytest.raises(InvalidInputError):
            b.link(EdgeKind.PERFORMED, "n-party", "n-carrier")

    def test_stance_only_on_evidences(self) -> None:
        """Only evidences edges carry a stance and strength."""
        b = fresh()
        with pytest.raises(InvalidInputError):
            b.link(EdgeKind.EMBODIES, "n-carrier", "n-secret", stance=Stance.SUPPORTS)

    @pytest.mark.parametrize("strength", [Decimal("-0.1"), Decimal("1.01")])
    def test_strength_range(self, strength: Decimal) -> None:
        """A strength outside [0, 1] is refused."""
        b = fresh()
        with pytest.raises(InvalidInputError):
            b.supports("n-evidence", "n-event", strength)

    def test_frozen(self) -> None:
        """The built graph is frozen and the builder spent."""
        b = fresh()
        g = b.build()
        assert nx.is_frozen(g.view())
        with pytest.raises(nx.NetworkXError):
            g.view().add_node("x")
        with pytest.raises(RuntimeError):
            b.add(Secret(id="late", name="late"))
        with pytest.raises(TypeError):
            EvidenceGraph(nx.DiGraph(), {}, {}, {})

    def test_custody_party_must_exist(self) -> None:
        """A collector that is not a party node is an input error at build time."""
        b = EvidenceGraphBuilder()
        b.add(
            EvidenceItem(
                id="E",
                kind=EvidenceKind.EMAIL,
                sha256=sha256_hex(b""),
                collected_by="ghost",
                collected_at=AT,
            )
        )
        with pytest.raises(InvalidInputError) as info:
            b.build()
        assert "custody.E[0].to_party" == info.value.field

    def test_custody_edges(self) -> None:
        """Each custodian gets a custody edge from the item."""
        b = fresh()
        b.add(Party(id="lawyer", name="L"))
        b.transfer("n-evidence", to="lawyer", at=AT.add(days=1))
        g = b.build()
        assert {"n-party", "lawyer"} == set(g.successors("n-evidence", EdgeKind.CUSTODY))


class TestNodes:
    """Node validation."""

    def test_naive_time_refused(self) -> None:
        """A naive datetime is refused, never guessed."""
        with pytest.raises(InvalidInputError):
            Measure(id="m", kind=MeasureKind.OTHER, since=pendulum.naive(2025, 1, 1))

    def test_bad_sha(self) -> None:
        """A SHA-256 must be 64 lower-case hex digits."""
        with pytest.raises(InvalidInputError):
            EvidenceItem(
                id="E", kind=EvidenceKind.EMAIL, sha256="ABC", collected_by="p", collected_at=AT
            )

    def test_bad_id(self) -> None:
        """Ids have no spaces."""
        with pytest.raises(InvalidInputError):
            Secret(id="a b", name="x")

    def test_claim_id(self) -> None:
        """Claim ids are canonical."""
        assert "claim:access:S1:wang" == Claim.make_id(ClaimCode.ACCESS, "S1", "wang")
        assert "evidence.claim.right.measures" == ClaimCode.MEASURES.message

    def test_edge_value(self) -> None:
        """Edges validate their strength."""
        with pytest.raises(InvalidInputError):
            Edge(kind=EdgeKind.EVIDENCES, source="a", target="b", strength=Decimal(2))


class TestQueries:
    """Queries on the worked example."""

    def test_counts_and_kinds(self, example: EvidenceGraph) -> None:
        """Nodes by kind come from the index."""
        assert 6 == example.count(NodeKind.EVENT)
        assert ["S-gear"] == [n.id for n in example.nodes(NodeKind.SECRET)]
        assert {"doc-spec", "doc-dwg"} == {c.id for c in example.carriers_of("S-gear")}

    def test_paths(self, example: EvidenceGraph) -> None:
        """The chains from Wang to the secret, by time."""
        paths = example.paths("wang", "S-gear")
        assert ("wang", "E-log#2", "doc-spec", "S-gear") == paths[0]
        assert 5 == len(paths)

    def test_evidence_for_bulk_event(self, example: EvidenceGraph) -> None:
        """A bulk event's log is reported as an implicit supporting edge."""
        (edge,) = example.evidence_for("E-log#3")
        assert ("E-log", Stance.SUPPORTS, Decimal(1)) == (edge.source, edge.stance, edge.strength)

    def test_chain_view(self, example: EvidenceGraph) -> None:
        """The chain view is frozen and holds the secret's carriers, events, people and evidence."""
        view = example.chain("S-gear", respondent="wang")
        assert nx.is_frozen(view)
        assert {"counsel", "it"} == set(example.view().nodes) - set(view.nodes)
        for node in ("S-gear", "doc-spec", "mail-0", "wang", "A-nda", "E-mail", "E-log", "leave"):
            assert node in view

    def test_events_by(self, example: EvidenceGraph) -> None:
        """Events come back in time order."""
        kinds = [e.kind for e in example.events_by("wang")]
        assert EventKind.ACCESS == kinds[0]
        assert EventKind.DEPARTURE == kinds[-2]

    def test_edge_count(self, example: EvidenceGraph) -> None:
        """The edge count is networkx's own, custody edges included."""
        assert (42, 42) == (example.number_of_edges(), example.view().number_of_edges())
        assert 42 == sum(1 for _ in example.edges())

    def test_day_of(self) -> None:
        """Days are Beijing days, whatever offset a time was recorded with."""
        assert pendulum.Date(2025, 10, 15) == day_of(t("2025-10-14T16:30:00+00:00"))
        assert pendulum.Date(2025, 10, 14) == day_of(t("2025-10-14T15:59:59+00:00"))
        assert pendulum.Date(2025, 10, 14) == day_of(
            pendulum.datetime(2025, 10, 14, 23, 59, 59, tz="Asia/Shanghai")
        )
