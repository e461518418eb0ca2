"""A summary of an evidence graph for notebooks: node and edge counts by kind."""

from __future__ import annotations

import html
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tradesecret.evidence.graph import EvidenceGraph

__all__ = ["to_html", "to_markdown"]


def _counts(graph: EvidenceGraph) -> tuple[Counter[str], Counter[str]]:
    nodes = Counter(n.node_kind.value for n in graph.nodes())
    edges = Counter(e.kind.value for e in graph.edges())
    if graph.event_sources():
        edges["evidences (implicit)"] += len(graph.event_sources())
    return nodes, edges


def to_markdown(graph: EvidenceGraph) -> str:
    """A Markdown summary: node and edge counts by kind."""
    nodes, edges = _counts(graph)
    lines = ["**Evidence graph**", "", "| node kind | count |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in sorted(nodes.items())]
    lines += ["", "| edge kind | count |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in sorted(edges.items())]
    return "\n".join(lines)


def to_html(graph: EvidenceGraph) -> str:
    """An HTML summary: node and edge counts by kind."""
    nodes, edges = _counts(graph)

    def table(title: str, counts: Counter[str]) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(k)}</td><td>{v}</td></tr>" for k, v in sorted(counts.items())
        )
        return f"<table><tr><th>{html.escape(title)}</th><th>count</th></tr>{rows}</table>"

    return (
        "<div><strong>Evidence graph</strong>"
        + table("node kind", nodes)
        + table("edge kind", edges)
        + "</div>"
    )
