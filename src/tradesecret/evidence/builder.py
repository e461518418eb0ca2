"""
Building an evidence graph: :class:`EvidenceGraphBuilder` checks every node and every
edge against :data:`~tradesecret.evidence.model.EDGE_RULES` and returns a frozen
:class:`~tradesecret.evidence.graph.EvidenceGraph`.

Custody logs: the builder starts one for every evidence item it is given and extends it
with each :meth:`~EvidenceGraphBuilder.transfer`. Built with the organisation's key
(``EvidenceGraphBuilder(custody_key=key)``) every log is a keyed chain (HMAC-SHA256): an
edited log cannot be re-chained without the key. Without a key the logs are unkeyed
(SHA-256): they show accidental edits only, since whoever can edit a log can recompute
its hashes; :func:`tradesecret.evidence.verify` and :meth:`CustodyLog.verify` say which
protection each log has (``rechainable``). The key is used while building and never stored
in the graph, a log or a result.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Final

import networkx as nx
import pendulum

from tradesecret.evidence._fields import ID as ID_RE
from tradesecret.evidence.custody import KEYED, UNKEYED, CustodyLog, require_key
from tradesecret.evidence.graph import _KIND, _OBJ, EvidenceGraph
from tradesecret.evidence.model import (
    EDGE_RULES,
    Carrier,
    Claim,
    ClaimCode,
    Edge,
    EdgeKind,
    Event,
    EventKind,
    EvidenceItem,
    Node,
    NodeKind,
    Party,
    Stance,
    check_sha256,
)
from tradesecret.exceptions import InvalidInputError, Problem

__all__ = ["EvidenceGraphBuilder"]

_ONE: Final = Decimal(1)
_BAD_ID: Final = "an id is 1-200 characters of valid Unicode without spaces or control characters"
_NOT_NODE: Final = "no node with this id"
_NOT_PARTY: Final = "not a party"
_NOT_CARRIER: Final = "not a carrier or secret"
#: How many problems a bulk batch lists before it stops checking.
_MAX_BULK_PROBLEMS: Final = 100


class EvidenceGraphBuilder:
    """
    Builds an :class:`EvidenceGraph`. Not thread-safe; :meth:`build` consumes it.

    Examples:
        >>> import pendulum
        >>> from tradesecret.evidence import EvidenceGraphBuilder, Secret, Carrier
        >>> from tradesecret.exceptions import InvalidInputError
        >>> b = EvidenceGraphBuilder()
        >>> b.add(Secret(id="S1", name="Gearbox drawings"))
        'S1'
        >>> b.add(Carrier(id="doc-1", name="gearbox.dwg"))
        'doc-1'
        >>> b.embodies("doc-1", "S1")
        >>> try:
        ...     b.embodies("S1", "doc-1")
        ... except InvalidInputError as exc:
        ...     print(exc.problems[0].reason)
        embodies joins carrier -> secret, not secret -> carrier
        >>> g = b.build()
        >>> [c.id for c in g.carriers_of("S1")]
        ['doc-1']

    ``EvidenceGraphBuilder(custody_key=key)`` keeps every custody log as a keyed chain
    (see the module docstring and *Evidence chain* in the docs).
    """

    def __init__(self, *, custody_key: bytes | None = None) -> None:
        """
        Args:
            custody_key: The organisation's secret key (at least
                :data:`~tradesecret.evidence.custody.MIN_KEY_BYTES` bytes): every custody
                log is then a keyed chain (HMAC-SHA256). Kept only while building.

        Raises:
            InvalidInputError: a key that is not bytes or is too short (path ``key``).
        """
        self._key = None if custody_key is None else require_key(custody_key)
        self._g: nx.DiGraph[str] = nx.DiGraph()
        self._custody: dict[str, CustodyLog] = {}
        self._event_source: dict[str, str] = {}
        self._by_kind: dict[NodeKind, list[str]] = {kind: [] for kind in NodeKind}
        self._departures: dict[str, list[str]] = {}
        self._built = False

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._g

    def has_edge(self, source: str, target: str) -> bool:
        """True when an edge joins ``source`` to ``target``."""
        return bool(self._g.has_edge(source, target))

    # -- nodes -----------------------------------------------------------------------------

    def add(self, node: Node) -> str:
        """
        Add a node; adding an equal node again is a no-op, a different one an error.

        Raises:
            InvalidInputError: an id already taken by another node, or an event id that is
                not a valid node id (other node classes check their ids when built).
        """
        self._check_open()
        if isinstance(node, Event) and not (isinstance(node.id, str) and ID_RE.match(node.id)):
            raise InvalidInputError.single("id", node.id, _BAD_ID)
        existing = self._g.nodes.get(node.id)
        if existing is not None:
            if existing[_OBJ] != node:
                raise InvalidInputError.single("id", node.id, "another node already has this id")
            return node.id
        self._g.add_node(node.id, **{_OBJ: node})
        self._by_kind[node.node_kind].append(node.id)
        if isinstance(node, EvidenceItem):
            protection = UNKEYED if self._key is None else KEYED
            self._custody[node.id] = CustodyLog(
                item=node.id, entries=(), protection=protection
            ).append(
                to_party=node.collected_by,
                at=node.collected_at,
                item_sha256=node.sha256,
                note=f"collected: {node.method.value}",
                key=self._key,
            )
        return node.id

    def add_all(self, nodes: Iterable[Node]) -> None:
        """Add several nodes."""
        for node in nodes:
            self.add(node)

    def claim(self, code: ClaimCode, secret: str, respondent: str | None = None) -> str:
        """Add (if needed) the claim node ``code`` about ``secret`` and return its id."""
        return self.add(
            Claim(
                id=Claim.make_id(code, secret, respondent),
                code=code,
                secret=secret,
                respondent=respondent,
            )
        )

    def event(
        self,
        *,
        id: str,
        kind: EventKind,
        by: str,
        at: pendulum.DateTime,
        on: str | None = None,
        detail: str = "",
        source: str | None = None,
    ) -> str:
        """Add an event performed by ``by`` on ``on`` (a carrier or secret), read from ``source``."""
        self.add(Event(id=id, kind=kind, at=at, detail=detail))
        self.performed(by, id)
        if on is not None:
            self.targets(id, on)
        if source is not None:
            self.evidences(source, id)
        return id

    # -- edges -----------------------------------------------------------------------------

    def link(
        self,
        kind: EdgeKind,
        source: str,
        target: str,
        *,
        stance: Stance | None = None,
        strength: Decimal | None = None,
        note: str = "",
    ) -> None:
        """
        Add a typed edge.

        Raises:
            InvalidInputError: unknown node, wrong node kinds for ``kind``, a different
                relation already between the two nodes, or bad stance/strength.
        """
        self._check_open()
        problems: list[Problem] = []
        path = f"edge.{kind.value}"
        nodes = self._g.nodes
        if source not in nodes:
            problems.append(Problem.of(f"{path}.source", source, _NOT_NODE))
        if target not in nodes:
            problems.append(Problem.of(f"{path}.target", target, _NOT_NODE))
        if problems:
            raise InvalidInputError(problems)
        src_kind = nodes[source][_OBJ].node_kind
        dst_kind = nodes[target][_OBJ].node_kind
        allowed_src, allowed_dst = EDGE_RULES[kind]
        if src_kind not in allowed_src or dst_kind not in allowed_dst:
            raise InvalidInputError.single(
                path,
                (source, target),
                "{kind} joins {sources} -> {targets}, not {source} -> {target}",
                kind=kind,
                sources=_names(allowed_src),
                targets=_names(allowed_dst),
                source=src_kind,
                target=dst_kind,
            )
        attrs_: dict[str, Any] = {_KIND: kind}
        if kind is EdgeKind.EVIDENCES:
            attrs_["s"] = stance if stance is not None else Stance.SUPPORTS
            try:
                Edge(kind=kind, source=source, target=target, strength=strength)  # validates
            except InvalidInputError as exc:
                raise InvalidInputError(p.at(f"{path}.{p.path}") for p in exc.problems) from None
            attrs_["w"] = strength if strength is not None else _ONE
        elif stance is not None or strength is not None:
            field = "stance" if stance is not None else "strength"
            raise InvalidInputError.single(
                f"{path}.{field}",
                stance if stance is not None else strength,
                "only evidences edges have a stance",
            )
        if note:
            attrs_["n"] = note
        existing = self._g.get_edge_data(source, target)
        if existing is not None and existing[_KIND] is not kind:
            raise InvalidInputError.single(
                path,
                (source, target),
                "the nodes are already joined by {kind}",
                kind=existing[_KIND],
            )
        if existing is not None:
            # never update an edge's dict in place: bulk edges share theirs
            self._g.remove_edge(source, target)
        self._g.add_edge(source, target, **attrs_)
        if kind is EdgeKind.PERFORMED:
            event = nodes[target][_OBJ]
            if isinstance(event, Event) and event.kind is EventKind.DEPARTURE:
                self._departures.setdefault(source, []).append(target)

    def embodies(self, carrier: str, secret: str) -> None:
        """The carrier holds (part of) the secret."""
        self.link(EdgeKind.EMBODIES, carrier, secret)

    def formed_by(self, secret: str, record: str) -> None:
        """The secret was formed as the record shows."""
        self.link(EdgeKind.FORMED_BY, secret, record)

    def owns(self, party: str, secret_or_carrier: str) -> None:
        """The party holds the right in the secret (or owns the carrier)."""
        self.link(EdgeKind.OWNS, party, secret_or_carrier)

    def protected_by(self, secret_or_carrier: str, measure_or_agreement: str) -> None:
        """The secret or carrier is protected by the measure or agreement."""
        self.link(EdgeKind.PROTECTED_BY, secret_or_carrier, measure_or_agreement)

    def bound_by(self, party: str, agreement_or_measure: str) -> None:
        """The party is bound by the agreement (or subject to the measure)."""
        self.link(EdgeKind.BOUND_BY, party, agreement_or_measure)

    def performed(self, party: str, event: str) -> None:
        """The party performed the event."""
        self.link(EdgeKind.PERFORMED, party, event)

    def targets(self, event: str, carrier_or_secret: str) -> None:
        """The event acted on the carrier or secret."""
        self.link(EdgeKind.TARGETS, event, carrier_or_secret)

    def evidences(
        self,
        item: str,
        target: str,
        *,
        stance: Stance = Stance.SUPPORTS,
        strength: Decimal = _ONE,
        note: str = "",
    ) -> None:
        """The evidence item supports or rebuts the target (a fact node or a claim)."""
        self.link(EdgeKind.EVIDENCES, item, target, stance=stance, strength=strength, note=note)

    def supports(self, item: str, target: str, strength: Decimal = _ONE, note: str = "") -> None:
        """Shortcut for :meth:`evidences` with ``Stance.SUPPORTS``."""
        self.evidences(item, target, stance=Stance.SUPPORTS, strength=strength, note=note)

    def rebuts(self, item: str, target: str, strength: Decimal = _ONE, note: str = "") -> None:
        """Shortcut for :meth:`evidences` with ``Stance.REBUTS``."""
        self.evidences(item, target, stance=Stance.REBUTS, strength=strength, note=note)

    # -- custody ---------------------------------------------------------------------------

    def transfer(
        self,
        item: str,
        *,
        to: str,
        at: pendulum.DateTime,
        note: str = "",
        item_sha256: str | None = None,
    ) -> None:
        """
        Record a custody transfer of ``item`` to party ``to`` (hash-linked).

        ``to`` must be a party by the time :meth:`build` runs.

        Raises:
            InvalidInputError: listing every problem: no such item, a ``to`` that is not a
                valid id, a time without a zone, a malformed ``item_sha256``.
        """
        self._check_open()
        problems: list[Problem] = []
        log = self._custody.get(item)
        if log is None:
            problems.append(Problem.of("custody.item", item, "no evidence item with this id"))
        if not isinstance(to, str) or not ID_RE.match(to):
            problems.append(Problem.of("custody.to", to, "not a valid party id"))
        if not isinstance(at, pendulum.DateTime) or at.tzinfo is None:
            problems.append(
                Problem.of(
                    "custody.at",
                    at,
                    "expected an aware pendulum.DateTime (use tradesecret.dates.to_datetime)",
                )
            )
        if item_sha256 is not None:
            try:
                check_sha256(item_sha256, path="custody.item_sha256")
            except InvalidInputError as exc:
                problems.extend(exc.problems)
        if problems:
            raise InvalidInputError(problems)
        assert log is not None
        obj = self._g.nodes[item][_OBJ]
        assert isinstance(obj, EvidenceItem)
        digest = obj.sha256 if item_sha256 is None else item_sha256
        key = self._key if log.protection == KEYED else None
        self._custody[item] = log.append(to_party=to, at=at, item_sha256=digest, note=note, key=key)

    def set_custody(self, log: CustodyLog) -> None:
        """
        Replace an item's custody log with one kept elsewhere (e.g. with its token).

        A builder with a custody key takes only keyed logs that verify with its key (no
        silent step down to an unkeyed chain).
        """
        self._check_open()
        if log.item not in self._custody:
            raise InvalidInputError.single(
                "custody.item", log.item, "no evidence item with this id"
            )
        if self._key is not None and (
            log.protection != KEYED or not log.verify(key=self._key).intact
        ):
            raise InvalidInputError.single(
                "custody.protection",
                log.protection,
                "the builder keeps keyed custody logs: this log is not keyed with its key",
            )
        self._custody[log.item] = log

    # -- bulk ------------------------------------------------------------------------------

    def add_events_bulk(
        self, rows: Iterable[tuple[Event, str, str | None]], *, source: str | None
    ) -> int:
        """
        Fast path for machine logs: ``(event, person_id, carrier_id)`` rows.

        Unknown people become :class:`Party` nodes (role employee, name = id) and unknown
        carriers become :class:`Carrier` nodes. ``source`` is the evidence item the rows
        were read from; it is recorded per event instead of an explicit edge. Returns the
        number of events added.

        Every row is checked before anything is added, so a bad batch adds nothing.

        Raises:
            InvalidInputError: listing every problem (``rows[i].<field>``): an event id
                already in the graph or repeated in the batch, a person id naming a node
                that is not a party, a carrier id naming a node that is not a carrier or
                secret, an id that is not a valid node id; or a ``source`` that is not an
                evidence item.
        """
        events: list[Event] = []
        people: list[str] = []
        carriers: list[str | None] = []
        for event, person, carrier in rows:
            events.append(event)
            people.append(person)
            carriers.append(carrier)
        return self._add_columns(events, people, carriers, source=source)

    def _add_columns(
        self,
        events: list[Event],
        people: list[str],
        carriers: list[str | None],
        *,
        source: str | None,
        paths: Callable[[int], str] | None = None,
        checked: bool = False,
    ) -> int:
        """
        :meth:`add_events_bulk` on columns; ``paths(i)`` names row ``i`` in problems;
        ``checked``: :meth:`_check_bulk` has already passed for these columns.
        """
        self._check_open()
        if not checked:
            self._check_bulk(events, people, carriers, source, paths or (lambda i: f"rows[{i}]"))
        g = self._g
        # bulk insertion without per-edge checks (the kinds are known and checked above)
        adj: dict[str, dict[str, Any]] = g._adj  # type: ignore[attr-defined]
        pred: dict[str, dict[str, Any]] = g._pred  # type: ignore[attr-defined]
        node_attr: dict[str, dict[str, Any]] = g._node  # type: ignore[attr-defined]
        performed = {_KIND: EdgeKind.PERFORMED}
        targets = {_KIND: EdgeKind.TARGETS}
        event_source = self._event_source
        event_ids = self._by_kind[NodeKind.EVENT]
        departure = EventKind.DEPARTURE
        for event, person, carrier in zip(events, people, carriers, strict=True):
            eid = event.id
            if person not in node_attr:
                self.add(Party(id=person, name=person))
            node_attr[eid] = {_OBJ: event}
            event_ids.append(eid)
            adj[eid] = {}
            pred[eid] = {person: performed}
            adj[person][eid] = performed
            if event.kind is departure:
                self._departures.setdefault(person, []).append(eid)
            if carrier is not None:
                if carrier not in node_attr:
                    self.add(Carrier(id=carrier))
                adj[eid][carrier] = targets
                pred[carrier][eid] = targets
            if source is not None:
                event_source[eid] = source
        return len(events)

    def _check_bulk(
        self,
        events: list[Event],
        people: list[str],
        carriers: list[str | None],
        source: str | None,
        path: Callable[[int], str],
    ) -> None:
        """Every problem of a bulk batch, raised together (nothing is added)."""
        node_attr = self._g.nodes
        problems: list[Problem] = []
        if source is not None:
            src = node_attr.get(source)
            if src is None or src[_OBJ].node_kind is not NodeKind.EVIDENCE:
                problems.append(Problem.of("source", source, "no evidence item with this id"))
        seen: set[str] = set()
        # each distinct person/carrier id is checked once: a log names few of them
        ok_people: dict[str, str | None] = {}
        ok_carriers: dict[str, str | None] = {}
        for i, (event, person, carrier) in enumerate(zip(events, people, carriers, strict=True)):
            eid = event.id
            if eid in seen or eid in node_attr:
                problems.append(
                    Problem.of(f"{path(i)}.id", eid, "another node already has this id")
                )
            elif not isinstance(eid, str) or not ID_RE.match(eid):
                problems.append(Problem.of(f"{path(i)}.id", eid, _BAD_ID))
            seen.add(eid)
            reason = ok_people.get(person, "")
            if reason == "":
                reason = ok_people[person] = self._bulk_reason(person, (NodeKind.PARTY,))
            if reason is not None:
                problems.append(
                    Problem.of(
                        f"{path(i)}.person", person, _NOT_PARTY if reason == "kind" else _BAD_ID
                    )
                )
            if carrier is not None:
                reason = ok_carriers.get(carrier, "")
                if reason == "":
                    reason = ok_carriers[carrier] = self._bulk_reason(
                        carrier, (NodeKind.CARRIER, NodeKind.SECRET)
                    )
                if reason is not None:
                    problems.append(
                        Problem.of(
                            f"{path(i)}.carrier",
                            carrier,
                            _NOT_CARRIER if reason == "kind" else _BAD_ID,
                        )
                    )
            if len(problems) > _MAX_BULK_PROBLEMS:
                problems.append(
                    Problem.of(
                        path(i), "", "more than {limit} problems; stopped", limit=_MAX_BULK_PROBLEMS
                    )
                )
                break
        if problems:
            raise InvalidInputError(problems)

    def _bulk_reason(self, node_id: str, kinds: tuple[NodeKind, ...]) -> str | None:
        """
        Why ``node_id`` cannot be the person/carrier of a bulk event: ``"kind"`` (a node of
        another kind), ``"id"`` (not a valid id) or ``None`` (it can).
        """
        found = self._g.nodes.get(node_id)
        if found is not None:
            return None if found[_OBJ].node_kind in kinds else "kind"
        if not isinstance(node_id, str) or not ID_RE.match(node_id):
            return "id"
        return None

    def record_sources(self, sources: Mapping[str, str]) -> None:
        """Record, for events already added, the evidence item each was read from."""
        self._check_open()
        problems: list[Problem] = []
        nodes = self._g.nodes
        for event, item in sources.items():
            e, i = nodes.get(event), nodes.get(item)
            if e is None or e[_OBJ].node_kind is not NodeKind.EVENT:
                problems.append(Problem.of(f"event_sources.{event}", event, "not an event"))
            if i is None or i[_OBJ].node_kind is not NodeKind.EVIDENCE:
                problems.append(Problem.of(f"event_sources.{event}", item, "not an evidence item"))
        if problems:
            raise InvalidInputError(problems)
        self._event_source.update(sources)

    # -- build -----------------------------------------------------------------------------

    def build(self) -> EvidenceGraph:
        """
        Check cross-references and return the frozen graph; the builder is then spent.

        Raises:
            InvalidInputError: custody parties or collectors that are not party nodes.
        """
        self._check_open()
        problems: list[Problem] = []
        nodes = self._g.nodes
        for item, log in self._custody.items():
            for entry in log.entries:
                for who in (entry.from_party, entry.to_party):
                    if who is None:
                        continue
                    obj = nodes.get(who)
                    if obj is None or obj[_OBJ].node_kind is not NodeKind.PARTY:
                        side = "to_party" if who == entry.to_party else "from_party"
                        problems.append(
                            Problem.of(
                                f"custody.{item}[{entry.seq}].{side}", who, "not a party node"
                            )
                        )
        if problems:
            raise InvalidInputError(problems)
        custody_edge = {_KIND: EdgeKind.CUSTODY}
        for item, log in self._custody.items():
            for entry in log.entries:
                if not self._g.has_edge(item, entry.to_party):
                    self._g.add_edge(item, entry.to_party, **custody_edge)
        self._built = True
        return EvidenceGraph(
            nx.freeze(self._g),
            MappingProxyType(dict(self._custody)),
            self._event_source,
            {kind: tuple(ids) for kind, ids in self._by_kind.items()},
            {person: tuple(ids) for person, ids in self._departures.items()},
        )

    def _check_open(self) -> None:
        if self._built:
            msg = "this builder has already built its graph; start a new one"
            raise RuntimeError(msg)


def _names(kinds: frozenset[NodeKind]) -> str:
    return "/".join(sorted(k.value for k in kinds))
