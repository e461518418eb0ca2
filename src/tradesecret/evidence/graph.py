"""
The evidence graph: an immutable, typed graph built through :class:`EvidenceGraphBuilder`.

The graph is stored in a :class:`networkx.DiGraph` that is frozen (``nx.freeze``) when
:meth:`EvidenceGraphBuilder.build` returns; every query returns node objects, typed
:class:`~tradesecret.evidence.model.Edge` values or frozen networkx views. Nobody edits
networkx directly: the builder checks every node and every edge against
:data:`~tradesecret.evidence.model.EDGE_RULES`.

Between two nodes there is at most one relation (one edge kind). Events ingested in
bulk do not get an explicit ``EVIDENCES`` edge from the log they came from: the event's
``source`` is recorded instead, and :meth:`EvidenceGraph.evidence_for` reports it as an
implicit ``supports`` edge of strength 1 (this saves one edge per log line).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Final

import networkx as nx
import pendulum

from tradesecret import presenters
from tradesecret.evidence.custody import CustodyLog
from tradesecret.evidence.model import (
    Carrier,
    Claim,
    Edge,
    EdgeKind,
    Event,
    Node,
    NodeKind,
    Stance,
)

__all__ = ["EvidenceGraph"]

#: Node attribute holding the node object; edge attributes: kind, stance, strength, note.
_ONE: Final = Decimal(1)
_OBJ: Final = "o"
_KIND: Final = "k"


class EvidenceGraph:
    """
    An immutable, typed evidence graph. Build it with :class:`EvidenceGraphBuilder`.

    Queries return node objects, :class:`~tradesecret.evidence.model.Edge` values and
    frozen networkx views (:meth:`view`, :meth:`subgraph`).
    """

    __slots__ = (
        "_by_kind",
        "_custody",
        "_departures",
        "_event_source",
        "_g",
        "_nodes",
        "_pred",
        "_succ",
    )

    def __init__(
        self,
        graph: nx.DiGraph[str],
        custody: Mapping[str, CustodyLog],
        event_source: Mapping[str, str],
        by_kind: Mapping[NodeKind, tuple[str, ...]],
        departures: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        if not nx.is_frozen(graph):
            msg = "EvidenceGraph is built by EvidenceGraphBuilder.build()"
            raise TypeError(msg)
        self._g = graph
        self._custody = custody
        self._event_source = event_source
        self._by_kind = by_kind
        self._departures = departures or {}
        # the node dict itself: NodeView lookups cost too much per call at a million nodes
        self._nodes: dict[str, dict[str, Any]] = graph._node  # type: ignore[attr-defined]
        self._succ: dict[str, dict[str, dict[str, Any]]] = graph._succ  # type: ignore[attr-defined]
        self._pred: dict[str, dict[str, dict[str, Any]]] = graph._pred  # type: ignore[attr-defined]

    # -- basic access ----------------------------------------------------------------------

    def view(self) -> nx.DiGraph[str]:
        """
        The frozen networkx graph (node attribute ``o`` = node object, edge ``k`` = kind).

        Frozen means no node or edge can be added or removed; networkx cannot freeze the
        attribute dicts themselves, so treat them as read-only (the node objects are
        immutable). Use :func:`tradesecret.evidence.export.to_networkx` for a mutable copy.
        """
        return self._g

    def subgraph(self, ids: Iterable[str]) -> nx.DiGraph[str]:
        """A frozen view of the nodes ``ids`` and the edges among them."""
        view: nx.DiGraph[str] = nx.freeze(self._g.subgraph(ids))
        return view

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._g

    def __len__(self) -> int:
        return self._g.number_of_nodes()

    def node(self, node_id: str) -> Node:
        """The node object with that id (``KeyError`` if absent)."""
        obj: Node = self._nodes[node_id][_OBJ]
        return obj

    def nodes(self, kind: NodeKind | None = None) -> Iterator[Node]:
        """Every node, or every node of one kind, in insertion order."""
        nodes = self._g.nodes
        if kind is None:
            for _, data in nodes(data=True):
                obj: Node = data[_OBJ]
                yield obj
            return
        for node_id in self._by_kind[kind]:
            found: Node = nodes[node_id][_OBJ]
            yield found

    def count(self, kind: NodeKind | None = None) -> int:
        """How many nodes (of a kind)."""
        if kind is None:
            return self._g.number_of_nodes()
        return len(self._by_kind[kind])

    def edge(self, source: str, target: str) -> Edge:
        """The edge from ``source`` to ``target`` (``KeyError`` if absent)."""
        data = self._g.edges[source, target]
        return _edge(source, target, data)

    def edges(self, kind: EdgeKind | None = None) -> Iterator[Edge]:
        """Every explicit edge (of a kind)."""
        for u, v, data in self._g.edges(data=True):
            if kind is None or data[_KIND] is kind:
                yield _edge(u, v, data)

    def number_of_edges(self) -> int:
        """How many explicit edges."""
        # the sum of out-degrees, without networkx's per-node degree view
        return sum(map(len, self._succ.values()))

    def successors(self, node_id: str, kind: EdgeKind | None = None) -> tuple[str, ...]:
        """Targets of ``node_id``'s outgoing edges (of a kind)."""
        return tuple(v for v, d in self._succ[node_id].items() if kind is None or d[_KIND] is kind)

    def predecessors(self, node_id: str, kind: EdgeKind | None = None) -> tuple[str, ...]:
        """Sources of ``node_id``'s incoming edges (of a kind)."""
        return tuple(u for u, d in self._pred[node_id].items() if kind is None or d[_KIND] is kind)

    def event_source(self, event_id: str) -> str | None:
        """The evidence item a bulk-ingested event was read from, if recorded."""
        return self._event_source.get(event_id)

    def event_sources(self) -> Mapping[str, str]:
        """Every bulk-ingested event's source item, read-only."""
        return MappingProxyType(dict(self._event_source))

    # -- domain queries --------------------------------------------------------------------

    def carriers_of(self, secret: str) -> tuple[Carrier, ...]:
        """The carriers embodying ``secret``."""
        out: list[Carrier] = []
        for cid in self.predecessors(secret, EdgeKind.EMBODIES):
            obj = self.node(cid)
            assert isinstance(obj, Carrier)
            out.append(obj)
        return tuple(out)

    def events_on(self, target: str) -> tuple[Event, ...]:
        """Events targeting a carrier or secret, by time."""
        return self._events(self.predecessors(target, EdgeKind.TARGETS))

    def events_by(self, party: str) -> tuple[Event, ...]:
        """Events performed by ``party``, by time."""
        return self._events(self.successors(party, EdgeKind.PERFORMED))

    def _events(self, ids: Iterable[str]) -> tuple[Event, ...]:
        out = [self.node(i) for i in ids]
        events = [e for e in out if isinstance(e, Event)]
        events.sort(key=lambda e: (e.at, e.id))
        return tuple(events)

    def performer(self, event_id: str) -> str | None:
        """Who performed the event."""
        found = self.predecessors(event_id, EdgeKind.PERFORMED)
        return found[0] if found else None

    def evidence_for(self, node_id: str) -> tuple[Edge, ...]:
        """Every ``EVIDENCES`` edge into ``node_id``, including a bulk event's source."""
        out = [
            _edge(u, node_id, d)
            for u, d in self._pred[node_id].items()
            if d[_KIND] is EdgeKind.EVIDENCES
        ]
        src = self._event_source.get(node_id)
        if src is not None and not self._g.has_edge(src, node_id):
            out.append(
                Edge(
                    kind=EdgeKind.EVIDENCES,
                    source=src,
                    target=node_id,
                    stance=Stance.SUPPORTS,
                    strength=_ONE,
                )
            )
        return tuple(out)

    def custody(self, item: str) -> CustodyLog:
        """The custody log of an evidence item."""
        return self._custody[item]

    def custody_logs(self) -> Mapping[str, CustodyLog]:
        """Every custody log, by item id (read-only)."""
        return self._custody

    def secrets(self) -> tuple[str, ...]:
        """Ids of every secret."""
        return tuple(n.id for n in self.nodes(NodeKind.SECRET))

    def holders_of(self, secret: str) -> tuple[str, ...]:
        """Parties with an ``OWNS`` edge to the secret."""
        return self.predecessors(secret, EdgeKind.OWNS)

    def paths(self, respondent: str, secret: str) -> tuple[tuple[str, ...], ...]:
        """
        The chains a court reads: ``respondent -> event -> carrier -> secret`` (or
        ``respondent -> event -> secret``), ordered by event time.
        """
        out: list[tuple[pendulum.DateTime, tuple[str, ...]]] = []
        carriers = set(self.predecessors(secret, EdgeKind.EMBODIES))
        succ = self._succ
        for eid, d in succ[respondent].items() if respondent in self._g else ():
            if d[_KIND] is not EdgeKind.PERFORMED:
                continue
            event = self.node(eid)
            assert isinstance(event, Event)
            for target, d2 in succ[eid].items():
                if d2[_KIND] is not EdgeKind.TARGETS:
                    continue
                if target == secret:
                    out.append((event.at, (respondent, eid, secret)))
                elif target in carriers:
                    out.append((event.at, (respondent, eid, target, secret)))
        out.sort(key=lambda pair: (pair[0], pair[1]))
        return tuple(p for _, p in out)

    def chain(self, secret: str, respondent: str | None = None) -> nx.DiGraph[str]:  # noqa: PLR0912 - one branch per node kind of the chain
        """
        A frozen view of the chain around ``secret``: the secret, its carriers, formation
        records, holders, measures and agreements, the events on its carriers, who
        performed them (only ``respondent`` if given), and the evidence for all of these.
        """
        keep: set[str] = {secret}
        for u, d in self._pred[secret].items():
            if d[_KIND] in (EdgeKind.EMBODIES, EdgeKind.OWNS, EdgeKind.TARGETS):
                keep.add(u)
        for v, d in self._succ[secret].items():
            if d[_KIND] in (EdgeKind.FORMED_BY, EdgeKind.PROTECTED_BY):
                keep.add(v)
        carriers = [c.id for c in self.carriers_of(secret)]
        for cid in carriers:
            for v, d in self._succ[cid].items():
                if d[_KIND] is EdgeKind.PROTECTED_BY:
                    keep.add(v)
        targets = [secret, *carriers]
        people: set[str] = set()
        for target in targets:
            for eid, d in self._pred[target].items():
                if d[_KIND] is not EdgeKind.TARGETS:
                    continue
                who = self.performer(eid)
                if respondent is not None and who != respondent:
                    continue
                keep.add(eid)
                if who is not None:
                    people.add(who)
        keep |= people
        for person in people:
            keep.update(self._departures.get(person, ()))
        # agreements binding these people: few agreements, while people have many edges
        for binding in (*self._by_kind[NodeKind.AGREEMENT], *self._by_kind[NodeKind.MEASURE]):
            for u, d in self._pred[binding].items():
                if d[_KIND] is EdgeKind.BOUND_BY and u in people:
                    keep.add(binding)
        claims = [
            n.id for n in self.nodes(NodeKind.CLAIM) if isinstance(n, Claim) and n.secret == secret
        ]
        keep.update(claims)
        evidence: set[str] = set()
        for nid in list(keep):
            for u, d in self._pred[nid].items():
                if d[_KIND] is EdgeKind.EVIDENCES:
                    evidence.add(u)
            src = self._event_source.get(nid)
            if src is not None:
                evidence.add(src)
        keep |= evidence
        return self.subgraph(keep)

    # -- display ---------------------------------------------------------------------------

    def __repr__(self) -> str:
        return (
            f"<EvidenceGraph {self._g.number_of_nodes()} nodes, {self._g.number_of_edges()} edges>"
        )

    def _repr_markdown_(self) -> str | None:
        shown = presenters.present("evidence.graph.markdown", self)
        return None if shown is None else str(shown)

    def _repr_html_(self) -> str | None:
        shown = presenters.present("evidence.graph.html", self)
        return None if shown is None else str(shown)


def _edge(u: str, v: str, data: Mapping[str, Any]) -> Edge:
    return Edge(
        kind=data[_KIND],
        source=u,
        target=v,
        stance=data.get("s"),
        strength=data.get("w"),
        note=data.get("n", ""),
    )
