"""Export and import: JSON and GraphML round trips, DOT, notebook display."""

from __future__ import annotations

import json
import re

import pytest

from tradesecret.dates import to_datetime as t
from tradesecret.evidence import EvidenceGraph, EvidenceGraphBuilder, Secret, TimestampToken, verify
from tradesecret.evidence.example import CONTENT, example_builder
from tradesecret.evidence.export import (
    from_graphml,
    from_json,
    to_dot,
    to_graphml,
    to_html,
    to_json,
    to_markdown,
)
from tradesecret.exceptions import InvalidInputError


def signature(graph: EvidenceGraph) -> tuple[object, ...]:
    """Everything that makes a graph what it is."""
    return (
        {n.id: n for n in graph.nodes()},
        sorted(repr(e) for e in graph.edges()),
        dict(graph.custody_logs()),
        dict(graph.event_sources()),
    )


@pytest.fixture
def with_token() -> EvidenceGraph:
    """The example with a timestamp token on one log."""
    b = example_builder()
    log = b.build().custody("E-log")
    b2 = example_builder()
    b2.set_custody(
        log.with_token(
            TimestampToken(
                head_hash=log.head, token="MIIB", authority="TSA", at=t("2025-04-06T10:00:00+08:00")
            )
        )
    )
    return b2.build()


class TestJson:
    """Lossless JSON."""

    def test_round_trip(self, with_token: EvidenceGraph) -> None:
        """from_json(to_json(g)) gives the same nodes, edges, custody logs and sources."""
        again = from_json(to_json(with_token))
        assert signature(with_token) == signature(again)
        assert to_json(with_token) == to_json(again)

    def test_still_verifies(self, example: EvidenceGraph) -> None:
        """The reloaded graph verifies against the original content and logs."""
        again = from_json(to_json(example))
        logs = {i: log.to_bytes() for i, log in example.custody_logs().items()}
        assert verify(again, contents=CONTENT, logs=logs).ok

    def test_rules_rechecked(self, example: EvidenceGraph) -> None:
        """A hand-edited file with an edge between wrong kinds is refused."""
        data = json.loads(to_json(example))
        data["edges"].append({"kind": "embodies", "source": "S-gear", "target": "doc-spec"})
        with pytest.raises(InvalidInputError):
            from_json(json.dumps(data))

    def test_every_problem_listed(self, example: EvidenceGraph) -> None:
        """A hand-edited file lists every bad node, edge and log with its position."""
        data = json.loads(to_json(example))
        data["nodes"].append({"type": "planet", "id": "mars"})
        data["nodes"].append({"type": "party", "id": "bad id", "name": "X"})
        data["edges"].append({"kind": "embodies", "source": "S-gear", "target": "doc-spec"})
        data["edges"].append({"kind": "teleports", "source": "wang", "target": "S-gear"})
        data["custody"]["E-nda"]["entries"][0].pop("hash")
        with pytest.raises(InvalidInputError) as info:
            from_json(json.dumps(data))
        n, e = len(data["nodes"]), len(data["edges"])
        assert [
            f"nodes[{n - 2}]",
            f"nodes[{n - 1}].id",
            f"edges[{e - 2}].edge.embodies",
            f"edges[{e - 1}]",
            'custody["E-nda"].entries[0]',
        ] == [p.path for p in info.value.problems]

    def test_graphml_without_node_data(self) -> None:
        """GraphML from another tool (no node data) is refused with the node named."""
        text = (
            '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
            '<graph edgedefault="directed"><node id="a"/></graph></graphml>'
        )
        with pytest.raises(InvalidInputError) as info:
            from_graphml(text)
        assert ['graphml.node["a"]'] == [p.path for p in info.value.problems]

    def test_malformed(self) -> None:
        """Not JSON, or not this format, is an input error."""
        with pytest.raises(InvalidInputError):
            from_json("{")
        with pytest.raises(InvalidInputError):
            from_json('{"format": "other"}')


class TestGraphml:
    """GraphML out and back."""

    def test_round_trip(self, with_token: EvidenceGraph) -> None:
        """GraphML carries each node's data, the custody logs and bulk-event sources."""
        text = to_graphml(with_token)
        assert text.startswith("<?xml")
        assert signature(with_token) == signature(from_graphml(text))

    def test_bad(self) -> None:
        """Unreadable GraphML is an input error."""
        with pytest.raises(InvalidInputError):
            from_graphml("<graphml")


class TestDot:
    """Graphviz DOT text."""

    def test_layout(self, example: EvidenceGraph) -> None:
        """Left to right, one cluster per kind in reading order, styled evidence edges."""
        dot = to_dot(example, nodes=example.chain("S-gear", "wang"), title="S-gear")
        assert dot.startswith("digraph evidence {\n  rankdir=LR;")
        clusters = re.findall(r"subgraph cluster_(\w+)", dot)
        assert [
            "party",
            "agreement",
            "event",
            "carrier",
            "secret",
            "measure",
            "formation_record",
            "claim",
            "evidence",
        ] == clusters
        assert '"wang" -> "mail-0" [label="performed"];' in dot
        assert '"E-log" -> "E-log#2" [style=dashed, color=darkgreen, label="1"];' in dot
        assert dot.count("{") == dot.count("}")

    def test_quotes_escaped(self) -> None:
        """Names with quotes do not break the DOT text."""
        b = EvidenceGraphBuilder()
        b.add(Secret(id="S", name='the "X" formula'))
        assert '"the \\"X\\" formula"' in to_dot(b.build())


class TestNotebook:
    """Notebook display."""

    def test_markdown_and_html(self, example: EvidenceGraph) -> None:
        """Counts by node and edge kind."""
        md = to_markdown(example)
        assert "| event | 6 |" in md
        assert "| evidences (implicit) | 3 |" in md
        assert example._repr_markdown_() == md
        html = to_html(example)
        assert "<td>event</td><td>6</td>" in html
        assert example._repr_html_() == html
