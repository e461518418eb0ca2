"""
Small inline SVG pictures, generated without a plotting dependency.

* :func:`timeline_svg` -- a compensation timeline: one bar per instalment (amount due),
  the part paid drawn over it, coloured by status, with due dates on the axis.
* :func:`graph_svg` -- an evidence-chain picture: nodes in layers (sources first), edges
  as arrows with their labels.

Every text is XML-escaped; the output is a self-contained ``<svg>`` element.

Examples:
    >>> import pendulum
    >>> from tradesecret.money import Money
    >>> svg = timeline_svg([TimelinePoint(label="1", due=pendulum.date(2025, 10, 31),
    ...     due_amount=Money("6000"), paid_amount=Money("0"), status="overdue")])
    >>> svg.startswith("<svg") and "overdue" in svg
    True
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from html import escape
from typing import Final

import attrs
import networkx as nx
import pendulum

from tradesecret.money import Money

__all__ = ["GraphEdge", "GraphNode", "TimelinePoint", "graph_svg", "timeline_svg"]

#: Fill colour per status keyword (anything else is grey).
STATUS_COLOURS: Final = {
    "paid": "#2e7d32",
    "paid_late": "#f9a825",
    "partly_paid": "#fb8c00",
    "overdue": "#c62828",
    "deferred": "#6a1b9a",
    "not_yet_due": "#90a4ae",
    "cancelled": "#bdbdbd",
}

KIND_COLOURS: Final = (
    "#e3f2fd",
    "#e8f5e9",
    "#fff3e0",
    "#f3e5f5",
    "#fce4ec",
    "#e0f7fa",
    "#f1f8e9",
    "#ede7f6",
)


@attrs.frozen(kw_only=True)
class TimelinePoint:
    """
    One instalment on the timeline.

    Attributes:
        label: Short label (instalment number or month).
        due: Due date.
        due_amount: Amount due.
        paid_amount: Amount paid towards it.
        status: Status keyword (``paid``, ``overdue``...), shown and used for the colour.
        status_label: Localised status text (default: the keyword).
    """

    label: str
    due: pendulum.Date
    due_amount: Money
    paid_amount: Money
    status: str
    status_label: str = ""


@attrs.frozen(kw_only=True)
class GraphNode:
    """A node of the evidence picture: id, label and kind (for the colour and legend)."""

    id: str
    label: str
    kind: str = ""


@attrs.frozen(kw_only=True)
class GraphEdge:
    """An edge of the evidence picture."""

    source: str
    target: str
    label: str = ""
    dashed: bool = False


def _num(value: Decimal) -> str:
    return f"{value:.1f}"


def timeline_svg(
    points: Sequence[TimelinePoint], *, title: str = "", as_of: pendulum.Date | None = None
) -> str:
    """
    A bar chart of instalments: due (outline), paid (filled), colour by status.

    ``as_of`` draws a vertical "today" line between the instalments due before and after.
    """
    width_bar, gap, left, top, height = 34, 10, 70, 30, 180
    n = max(len(points), 1)
    width = left + n * (width_bar + gap) + 20
    total_h = top + height + 70
    peak = max((p.due_amount.amount for p in points), default=Decimal(1)) or Decimal(1)
    peak = max(peak, max((p.paid_amount.amount for p in points), default=Decimal(0)))
    scale = Decimal(height) / peak
    out = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="ts-timeline" role="img" '
            f'width="{width}" height="{total_h}" viewBox="0 0 {width} {total_h}" '
            f'font-family="sans-serif" font-size="10">'
        ),
        f"<title>{escape(title)}</title>" if title else "",
        f'<line x1="{left}" y1="{top + height}" x2="{width - 10}" y2="{top + height}" stroke="#333"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + height}" stroke="#333"/>',
        f'<text x="{left - 4}" y="{top + 4}" text-anchor="end">{escape(str(peak))}</text>',
        f'<text x="{left - 4}" y="{top + height}" text-anchor="end">0</text>',
    ]
    for i, p in enumerate(points):
        x = left + gap + i * (width_bar + gap)
        due_h = p.due_amount.amount * scale
        paid_h = min(p.paid_amount.amount, peak) * scale
        colour = STATUS_COLOURS.get(p.status, "#9e9e9e")
        label = p.status_label or p.status
        tip = escape(
            f"{p.label} · {p.due.to_date_string()} · {p.paid_amount.amount}/{p.due_amount.amount} · {label}"
        )
        out.append(f'<g class="ts-bar" data-status="{escape(p.status)}"><title>{tip}</title>')
        out.append(
            f'<rect x="{x}" y="{_num(top + height - due_h)}" width="{width_bar}" height="{_num(due_h)}" '
            f'fill="none" stroke="{colour}" stroke-width="1.5"/>'
        )
        if paid_h > 0:
            out.append(
                f'<rect x="{x}" y="{_num(top + height - paid_h)}" width="{width_bar}" '
                f'height="{_num(paid_h)}" fill="{colour}" fill-opacity="0.8"/>'
            )
        else:
            out.append(
                f'<rect x="{x}" y="{top + height - 3}" width="{width_bar}" height="3" fill="{colour}"/>'
            )
        out.append(
            f'<text x="{x + width_bar / 2}" y="{top + height + 12}" text-anchor="middle">{escape(p.label)}</text>'
        )
        out.append(
            f'<text x="{x + width_bar / 2}" y="{top + height + 24}" text-anchor="middle" '
            f'font-size="8">{escape(p.due.format("MM-DD"))}</text>'
        )
        out.append(
            f'<text x="{x + width_bar / 2}" y="{top + height + 36}" text-anchor="middle" '
            f'font-size="8" fill="{colour}">{escape(label)}</text></g>'
        )
    if as_of is not None and points:
        before = sum(1 for p in points if p.due <= as_of)
        line_x = left + gap / 2 + before * (width_bar + gap)
        out.append(
            f'<line class="ts-as-of" x1="{line_x}" y1="{top - 10}" x2="{line_x}" y2="{top + height}" '
            f'stroke="#1565c0" stroke-dasharray="4 3"/>'
            f'<text x="{line_x + 2}" y="{top - 12}" fill="#1565c0">{escape(as_of.to_date_string())}</text>'
        )
    out.append("</svg>")
    return "".join(part for part in out if part)


def _layers(nodes: Sequence[GraphNode], edges: Sequence[GraphEdge]) -> list[list[GraphNode]]:
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(n.id for n in nodes)
    graph.add_edges_from((e.source, e.target) for e in edges if e.source != e.target)
    level: dict[str, int] = {}
    if nx.is_directed_acyclic_graph(graph):
        for depth, generation in enumerate(nx.topological_generations(graph)):
            for node in generation:
                level[node] = depth
    else:
        roots = [n for n in graph if graph.in_degree(n) == 0] or [nodes[0].id]
        for root in roots:
            for node, dist in nx.single_source_shortest_path_length(graph, root).items():
                level[node] = min(level.get(node, dist), dist)
    by_level: dict[int, list[GraphNode]] = {}
    for item in nodes:
        by_level.setdefault(level.get(item.id, 0), []).append(item)
    return [by_level[k] for k in sorted(by_level)]


def graph_svg(nodes: Sequence[GraphNode], edges: Sequence[GraphEdge], *, title: str = "") -> str:
    """A layered picture of a directed graph (an evidence chain): boxes, arrows and labels."""
    if not nodes:
        return (
            '<svg xmlns="http://www.w3.org/2000/svg" class="ts-graph" width="10" height="10"></svg>'
        )
    box_w, box_h, col_gap, row_gap, pad = 150, 36, 70, 16, 20
    layers = _layers(nodes, edges)
    kinds = sorted({n.kind for n in nodes})
    colour = {k: KIND_COLOURS[i % len(KIND_COLOURS)] for i, k in enumerate(kinds)}
    pos: dict[str, tuple[int, int]] = {}
    rows = max(len(layer) for layer in layers)
    for col, layer in enumerate(layers):
        for row, node in enumerate(layer):
            pos[node.id] = (pad + col * (box_w + col_gap), pad + 20 + row * (box_h + row_gap))
    width = pad * 2 + len(layers) * (box_w + col_gap) - col_gap
    height = pad * 2 + 20 + rows * (box_h + row_gap) + 20 * ((len(kinds) + 3) // 4)
    out = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="ts-graph" role="img" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="10">'
        ),
        (
            '<defs><marker id="ts-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
            'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/>'
            "</marker></defs>"
        ),
        f"<title>{escape(title)}</title>" if title else "",
    ]
    for edge in edges:
        if edge.source not in pos or edge.target not in pos:
            continue
        (x1, y1), (x2, y2) = pos[edge.source], pos[edge.target]
        sx, sy = x1 + box_w, y1 + box_h // 2
        tx, ty = x2, y2 + box_h // 2
        if x2 <= x1:  # same or earlier layer: attach bottom to top
            sx, sy, tx, ty = x1 + box_w // 2, y1 + box_h, x2 + box_w // 2, y2
        dash = ' stroke-dasharray="4 3"' if edge.dashed else ""
        out.append(
            f'<g class="ts-edge"><line x1="{sx}" y1="{sy}" x2="{tx}" y2="{ty}" stroke="#555"{dash} '
            f'marker-end="url(#ts-arrow)"/>'
        )
        if edge.label:
            out.append(
                f'<text x="{(sx + tx) / 2}" y="{(sy + ty) / 2 - 3}" text-anchor="middle" '
                f'font-size="9" fill="#333">{escape(edge.label)}</text>'
            )
        out.append("</g>")
    for node in nodes:
        x, y = pos[node.id]
        text = node.label if len(node.label) <= 24 else node.label[:23] + "…"
        out.append(
            f'<g class="ts-node" data-kind="{escape(node.kind)}"><title>{escape(node.label)}</title>'
            f'<rect x="{x}" y="{y}" width="{box_w}" height="{box_h}" rx="6" '
            f'fill="{colour[node.kind]}" stroke="#607d8b"/>'
            f'<text x="{x + box_w / 2}" y="{y + 15}" text-anchor="middle">{escape(text)}</text>'
            f'<text x="{x + box_w / 2}" y="{y + 28}" text-anchor="middle" font-size="8" '
            f'fill="#555">{escape(node.kind)}</text></g>'
        )
    legend_y = pad + 20 + rows * (box_h + row_gap) + 6
    for i, kind in enumerate(kinds):
        lx, ly = pad + (i % 4) * 160, legend_y + (i // 4) * 20
        out.append(
            f'<rect x="{lx}" y="{ly}" width="12" height="12" fill="{colour[kind]}" stroke="#607d8b"/>'
            f'<text x="{lx + 16}" y="{ly + 10}">{escape(kind or "—")}</text>'
        )
    out.append("</svg>")
    return "".join(part for part in out if part)
