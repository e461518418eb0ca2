"""
Adapters from domain results to pictures.

They read the domains' public result types by their documented attributes, so a report
can draw any result that has them:

* a compensation ledger state has ``instalments`` (each with ``number``, ``due``,
  ``effective_due``, ``amount``, ``paid`` and a ``status`` enum) and ``as_of``;
* an evidence graph offers ``nodes()``/``edges()`` views or a networkx graph.
"""

from __future__ import annotations

import enum
from typing import Any

import pendulum

from tradesecret.i18n import Localizer
from tradesecret.money import Money
from tradesecret.reports._svg import GraphEdge, GraphNode, TimelinePoint

__all__ = ["evidence_picture", "timeline_points"]

_INSTALMENT_ATTRS = ("number", "due", "amount", "paid", "status")


def timeline_points(
    result: object, loc: Localizer
) -> tuple[list[TimelinePoint], pendulum.Date | None] | None:
    """Instalments of a compensation ledger result, or ``None`` when ``result`` has none."""
    instalments = getattr(result, "instalments", None)
    if not isinstance(instalments, tuple) or not instalments:
        return None
    if not all(all(hasattr(i, a) for a in _INSTALMENT_ATTRS) for i in instalments):
        return None
    points: list[TimelinePoint] = []
    for inst in instalments:
        status = inst.status.value if isinstance(inst.status, enum.Enum) else str(inst.status)
        due = getattr(inst, "effective_due", None) or inst.due
        amount = inst.amount if isinstance(inst.amount, Money) else Money(inst.amount)
        paid = inst.paid if isinstance(inst.paid, Money) else Money(inst.paid)
        code = f"report.status.{status}"
        points.append(
            TimelinePoint(
                label=str(inst.number),
                due=due,
                due_amount=amount,
                paid_amount=paid,
                status=status,
                status_label=loc.term(code) if loc.has(code) else status,
            )
        )
    as_of = getattr(result, "as_of", None)
    return points, as_of if isinstance(as_of, pendulum.Date) else None


def _label(value: Any) -> str:
    for name in ("title", "label", "name", "description", "id"):
        found = getattr(value, name, None)
        if isinstance(found, str) and found:
            return found
    return str(value)


#: Edge kinds left out of the picture (custody is a log per item, shown in the integrity report).
_HIDDEN_EDGES = frozenset({"custody"})


def _label_of(kind: object) -> str:
    return str(kind.value) if isinstance(kind, enum.Enum) else str(kind)


def _as_graph(result: object) -> Any:
    if hasattr(result, "view") and hasattr(result, "nodes") and hasattr(result, "edges"):
        return result
    inner = getattr(result, "graph", None)
    if inner is not None and hasattr(inner, "view") and hasattr(inner, "nodes"):
        return inner
    return None


def evidence_picture(
    result: object, loc: Localizer, *, limit: int = 120
) -> tuple[list[GraphNode], list[GraphEdge]] | None:
    """
    Nodes and edges of an evidence graph (or of a result holding one as ``graph``).

    Returns ``None`` when ``result`` has no graph. A graph beyond ``limit`` nodes is cut
    to its first ``limit`` nodes (a picture of a huge graph helps nobody).
    """
    _ = loc
    graph = _as_graph(result)
    if graph is None:
        return None
    nodes: list[GraphNode] = []
    for node in graph.nodes():
        kind = getattr(node, "node_kind", None) or getattr(node, "kind", None)
        nodes.append(
            GraphNode(
                id=str(node.id),
                label=_label(node),
                kind=str(kind.value) if isinstance(kind, enum.Enum) else str(kind or ""),
            )
        )
        if len(nodes) >= limit:
            break
    keep = {n.id for n in nodes}
    edges = [
        GraphEdge(
            source=str(e.source),
            target=str(e.target),
            label=str(e.kind.value) if isinstance(e.kind, enum.Enum) else str(e.kind),
        )
        for e in graph.edges()
        if str(e.source) in keep
        and str(e.target) in keep
        and _label_of(e.kind) not in _HIDDEN_EDGES
    ]
    return nodes, edges
