"""
Export and import: JSON (lossless), GraphML, Graphviz DOT, Markdown and HTML.

* :func:`to_json` / :func:`from_json` -- every node, edge, custody log (with its token)
  and bulk-event source; ``from_json(to_json(g))`` gives an equal graph.
* :func:`to_graphml` / :func:`from_graphml` -- GraphML for Gephi, yEd, Neo4j; each node
  also carries its full JSON (``data``), so the file reads back losslessly.
* :func:`to_dot` -- Graphviz DOT text laid out left to right in the order a court reads
  the chain (people, events, carriers, the secret, its measures and records), evidence
  items below. Render it with ``dot -Tsvg`` (Graphviz is not a dependency).
* :func:`to_markdown` / :func:`to_html` -- summaries for notebooks.
"""

from __future__ import annotations

import enum
import functools
import io
import json
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs
import networkx as nx
import pendulum

from tradesecret.dates import to_datetime
from tradesecret.evidence._display import to_html, to_markdown
from tradesecret.evidence.builder import EvidenceGraphBuilder
from tradesecret.evidence.custody import UNKEYED, CustodyEntry, CustodyLog, TimestampToken
from tradesecret.evidence.graph import EvidenceGraph
from tradesecret.evidence.model import (
    NODE_CLASSES,
    Edge,
    EdgeKind,
    Event,
    EvidenceItem,
    Node,
    NodeKind,
    Stance,
)
from tradesecret.exceptions import InvalidInputError, Problem, render_value
from tradesecret.facts import UNKNOWN
from tradesecret.money import to_decimal

__all__ = [
    "from_graphml",
    "from_json",
    "to_dot",
    "to_graphml",
    "to_html",
    "to_json",
    "to_markdown",
    "to_networkx",
]

FORMAT: Final = "tradesecret.evidence/1"


# -- values -------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if value is UNKNOWN:
        return None  # not stated: JSON null
    if isinstance(value, pendulum.DateTime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def node_to_dict(node: Node) -> dict[str, Any]:
    """A node as a JSON-ready dict with its ``type``."""
    out: dict[str, Any] = {"type": node.node_kind.value}
    for field in attrs.fields(type(node)):
        out[field.name] = _plain(getattr(node, field.name))
    return out


def _convert(hint: Any, raw: Any, path: str) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if raw is None and type(None) in args:
        return None
    if raw is None and typing.Literal[UNKNOWN] in args:
        return UNKNOWN
    if origin is typing.Literal:
        return raw
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _convert(inner[0], raw, path)
    if origin is tuple:
        return tuple(_convert(args[0], r, path) for r in raw)
    if hint is pendulum.DateTime:
        return to_datetime(raw, path=path)
    if hint is Decimal:
        return to_decimal(raw, path=path)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint(raw)
    return raw


def node_from_dict(raw: Mapping[str, Any]) -> Node:
    """The inverse of :func:`node_to_dict`."""
    kind = NodeKind(raw["type"])
    cls = NODE_CLASSES[kind]
    hints = typing.get_type_hints(cls)
    values = {
        f.name: _convert(hints[f.name], raw[f.name], f"{kind.value}.{f.name}")
        for f in attrs.fields(cls)
        if f.name in raw
    }
    unknown = set(raw) - {"type"} - {f.name for f in attrs.fields(cls)}
    if unknown:
        raise InvalidInputError.single(f"node.{raw.get('id')}", sorted(unknown), "unknown fields")
    node: Node = cls(**values)
    return node


def _edge_dict(edge: Edge) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": edge.kind.value, "source": edge.source, "target": edge.target}
    if edge.stance is not None:
        out["stance"] = edge.stance.value
    if edge.strength is not None:
        out["strength"] = str(edge.strength)
    if edge.note:
        out["note"] = edge.note
    return out


def _entry_dict(e: CustodyEntry) -> dict[str, Any]:
    return {
        "seq": e.seq,
        "item_sha256": e.item_sha256,
        "from": e.from_party,
        "to": e.to_party,
        "at": e.at.isoformat(),
        "note": e.note,
        "prev": e.prev_hash,
        "hash": e.hash,
    }


def _log_dict(log: CustodyLog) -> dict[str, Any]:
    out: dict[str, Any] = {"entries": [_entry_dict(e) for e in log.entries]}
    if log.token is not None:
        t = log.token
        out["token"] = {
            "head_hash": t.head_hash,
            "token": t.token,
            "authority": t.authority,
            "at": t.at.isoformat(),
        }
    if log.protection != UNKEYED:
        out["protection"] = log.protection
        out["seal"] = log.seal
    return out


_ENTRY_TEXTS: Final = ("item_sha256", "to", "at", "note", "prev", "hash")


def _strict_entry(raw: object, path: str) -> Mapping[str, Any]:
    """A custody entry as exported: every field of its JSON type (nothing converted)."""
    if (
        not isinstance(raw, Mapping)
        or type(raw.get("seq")) is not int
        or not all(isinstance(raw.get(name), str) for name in _ENTRY_TEXTS)
        or not (raw.get("from") is None or isinstance(raw.get("from"), str))
    ):
        raise InvalidInputError.single(path, _short(raw), "malformed custody entry")
    return raw


def _log_from(item: str, raw: Mapping[str, Any]) -> CustodyLog:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("entries"), list):
        raise InvalidInputError.single("entries", _short(raw), "expected a list")
    rows: list[Mapping[str, Any]] = []
    problems: list[Problem] = []
    for i, e in enumerate(raw["entries"]):
        try:
            rows.append(_strict_entry(e, f"entries[{i}]"))
        except InvalidInputError as exc:
            problems += exc.problems
    if problems:
        raise InvalidInputError(problems)
    entries = tuple(
        CustodyEntry(
            seq=e["seq"],
            item=item,
            item_sha256=e["item_sha256"],
            from_party=e["from"],
            to_party=e["to"],
            at=to_datetime(e["at"], path=f"entries[{i}].at"),
            note=e["note"],
            prev_hash=e["prev"],
            hash=e["hash"],
        )
        for i, e in enumerate(rows)
    )
    token = None
    if "token" in raw:
        t = raw["token"]
        names = ("head_hash", "token", "authority", "at")
        if not isinstance(t, Mapping) or not all(isinstance(t.get(n), str) for n in names):
            raise InvalidInputError.single("token", _short(t), "malformed timestamp token")
        token = TimestampToken(
            head_hash=t["head_hash"],
            token=t["token"],
            authority=t["authority"],
            at=to_datetime(t["at"], path="token.at"),
        )
    seal = raw.get("seal")
    if not (seal is None or isinstance(seal, str)):
        raise InvalidInputError.single("seal", _short(seal), "expected text or null")
    return CustodyLog(
        item=item,
        entries=entries,
        token=token,
        protection=raw.get("protection", UNKEYED),
        seal=seal,
    )


# -- JSON ---------------------------------------------------------------------------------


def to_dict(graph: EvidenceGraph) -> dict[str, Any]:
    """The graph as JSON-ready data (see :func:`to_json`)."""
    return {
        "format": FORMAT,
        "nodes": [node_to_dict(n) for n in graph.nodes()],
        "edges": [_edge_dict(e) for e in graph.edges() if e.kind is not EdgeKind.CUSTODY],
        "custody": {item: _log_dict(log) for item, log in graph.custody_logs().items()},
        "event_sources": dict(graph.event_sources()),
    }


def to_json(graph: EvidenceGraph, *, indent: int | None = None) -> str:
    """The whole graph as JSON text (lossless; custody edges are rebuilt from the logs)."""
    return json.dumps(to_dict(graph), ensure_ascii=False, indent=indent)


def from_dict(data: Mapping[str, Any]) -> EvidenceGraph:
    """
    Rebuild a graph from :func:`to_dict` data, re-checking every edge rule.

    Raises:
        InvalidInputError: listing every bad node (``nodes[i]``), edge (``edges[i]``),
            custody log (``custody["<item>"]``) and event source, all at once.
    """
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        raise InvalidInputError.single(
            "format", _short(data), "expected format {format}", format=render_value(FORMAT)
        )
    builder = EvidenceGraphBuilder()
    problems: list[Problem] = []

    def attempt(path: str, raw: object, action: Callable[[], object]) -> None:
        try:
            action()
        except InvalidInputError as exc:
            problems.extend(p.at(f"{path}.{p.path}" if p.path else path) for p in exc.problems)
        except KeyError as exc:
            problems.append(
                Problem.of(
                    path, _short(raw), "required field missing: {field}", field=str(exc.args[0])
                )
            )
        except (TypeError, ValueError, AttributeError, ArithmeticError):
            problems.append(
                Problem.of(path, _short(raw), "malformed: a value of the wrong type or kind")
            )

    for i, raw in enumerate(_list(data, "nodes", problems)):
        attempt(f"nodes[{i}]", raw, functools.partial(_add_node, builder, raw))
    for i, raw in enumerate(_list(data, "edges", problems)):
        attempt(f"edges[{i}]", raw, functools.partial(_add_edge, builder, raw))
    custody = data.get("custody", {})
    if not isinstance(custody, Mapping):
        problems.append(Problem.of("custody", _short(custody), "expected an object"))
        custody = {}
    for item, raw in custody.items():
        attempt(
            f"custody[{render_value(item)}]",
            raw,
            functools.partial(_set_custody, builder, item, raw),
        )
    sources = data.get("event_sources", {})
    attempt("event_sources", sources, lambda: builder.record_sources(dict(sources)))
    if problems:
        raise InvalidInputError(problems)
    return builder.build()


def _list(data: Mapping[str, Any], key: str, problems: list[Problem]) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        problems.append(Problem.of(key, _short(value), "expected a list"))
        return []
    return value


def _add_node(builder: EvidenceGraphBuilder, raw: Mapping[str, Any]) -> None:
    builder.add(node_from_dict(raw))


def _set_custody(builder: EvidenceGraphBuilder, item: str, raw: Mapping[str, Any]) -> None:
    builder.set_custody(_log_from(item, raw))


def _add_edge(builder: EvidenceGraphBuilder, raw: Mapping[str, Any]) -> None:
    kind = EdgeKind(raw["kind"])
    if kind is EdgeKind.EVIDENCES:
        builder.evidences(
            raw["source"],
            raw["target"],
            stance=Stance(raw.get("stance", "supports")),
            strength=to_decimal(raw.get("strength", "1"), path="strength"),
            note=raw.get("note", ""),
        )
    else:
        builder.link(kind, raw["source"], raw["target"], note=raw.get("note", ""))


def from_json(text: str) -> EvidenceGraph:
    """
    Read a graph written by :func:`to_json`.

    Raises:
        InvalidInputError: text that is not JSON, or every problem :func:`from_dict` finds.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInputError.single(
            "json",
            text[:60],
            "not JSON (line {line}, column {column})",
            line=exc.lineno,
            column=exc.colno,
        ) from None
    return from_dict(data)


def _short(value: object) -> object:
    """``value`` for a message: its JSON-like text, cut short (never a Python repr)."""
    return render_value(value, limit=60)


# -- GraphML ------------------------------------------------------------------------------


def _label(node: Node) -> str:
    name = getattr(node, "name", "") or ""
    if isinstance(node, Event):
        return f"{node.kind.value} {node.at.format('YYYY-MM-DD HH:mm')}"
    if isinstance(node, EvidenceItem):
        return f"{node.id} ({node.kind.value})"
    return str(name) or node.id


def to_networkx(graph: EvidenceGraph) -> nx.DiGraph[str]:
    """A plain, mutable DiGraph with scalar attributes (for GraphML and other tools)."""
    out: nx.DiGraph[str] = nx.DiGraph()
    for node in graph.nodes():
        out.add_node(
            node.id,
            kind=node.node_kind.value,
            label=_label(node),
            data=json.dumps(node_to_dict(node), ensure_ascii=False),
        )
    for edge in graph.edges():
        attrs_: dict[str, Any] = {"kind": edge.kind.value}
        if edge.stance is not None:
            attrs_["stance"] = edge.stance.value
        if edge.strength is not None:
            attrs_["strength"] = str(edge.strength)
        if edge.note:
            attrs_["note"] = edge.note
        out.add_edge(edge.source, edge.target, **attrs_)
    for event, item in graph.event_sources().items():
        if not out.has_edge(item, event):
            out.add_edge(item, event, kind="evidences", stance="supports", strength="1", implicit=1)
    out.graph["custody"] = json.dumps(
        {item: _log_dict(log) for item, log in graph.custody_logs().items()}, ensure_ascii=False
    )
    out.graph["format"] = FORMAT
    return out


def to_graphml(graph: EvidenceGraph) -> str:
    """The graph as GraphML text."""
    buffer = io.BytesIO()
    nx.write_graphml(to_networkx(graph), buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


def from_graphml(text: str) -> EvidenceGraph:
    """Read GraphML written by :func:`to_graphml` (lossless)."""
    try:
        g = nx.read_graphml(io.BytesIO(text.encode("utf-8")))
    except Exception:
        raise InvalidInputError.single("graphml", text[:60], "unreadable GraphML") from None
    nodes: list[Any] = []
    problems: list[Problem] = []
    for node_id, d in g.nodes(data=True):
        try:
            nodes.append(json.loads(d["data"]))
        except (KeyError, TypeError, json.JSONDecodeError):
            problems.append(
                Problem.of(
                    f"graphml.node[{render_value(node_id)}]",
                    d,
                    "no node data (GraphML from another tool?)",
                )
            )
    if problems:
        raise InvalidInputError(problems)
    edges: list[dict[str, Any]] = []
    sources: dict[str, str] = {}
    for u, v, d in g.edges(data=True):
        if d.get("kind") == "custody":
            continue
        if d.get("implicit"):
            sources[v] = u
            continue
        raw = {"kind": d["kind"], "source": u, "target": v}
        for key in ("stance", "strength", "note"):
            if key in d:
                raw[key] = d[key]
        edges.append(raw)
    return from_dict(
        {
            "format": g.graph.get("format"),
            "nodes": nodes,
            "edges": edges,
            "custody": json.loads(g.graph.get("custody", "{}")),
            "event_sources": sources,
        }
    )


# -- DOT ----------------------------------------------------------------------------------

_ORDER: Final = (
    NodeKind.PARTY,
    NodeKind.AGREEMENT,
    NodeKind.EVENT,
    NodeKind.CARRIER,
    NodeKind.SECRET,
    NodeKind.MEASURE,
    NodeKind.FORMATION_RECORD,
    NodeKind.CLAIM,
    NodeKind.EVIDENCE,
)
_SHAPES: Final = {
    NodeKind.PARTY: "box, style=rounded",
    NodeKind.AGREEMENT: "note",
    NodeKind.EVENT: "ellipse",
    NodeKind.CARRIER: "folder",
    NodeKind.SECRET: "doubleoctagon, style=filled, fillcolor=lightyellow",
    NodeKind.MEASURE: "component",
    NodeKind.FORMATION_RECORD: "tab",
    NodeKind.CLAIM: "hexagon",
    NodeKind.EVIDENCE: "note, style=filled, fillcolor=lightgrey",
}


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(graph: EvidenceGraph, *, nodes: Iterable[str] | None = None, title: str = "") -> str:
    """
    Graphviz DOT text of the graph (or of the nodes given, e.g. ``graph.chain(secret)``):
    left to right, one column per node kind, evidence items at the bottom; ``evidences``
    edges dashed (green supports, red rebuts, labelled with the strength).
    """
    view = graph.view() if nodes is None else graph.subgraph(nodes)
    keep = set(view.nodes)
    lines = [
        "digraph evidence {",
        "  rankdir=LR;",
        '  node [fontname="Noto Sans CJK SC,Helvetica"];',
        '  edge [fontname="Noto Sans CJK SC,Helvetica", fontsize=10];',
    ]
    if title:
        lines.append(f"  labelloc=t; label={_q(title)};")
    by_kind: dict[NodeKind, list[Node]] = {}
    for node in graph.nodes():
        if node.id in keep:
            by_kind.setdefault(node.node_kind, []).append(node)
    for kind in _ORDER:
        members = by_kind.get(kind, [])
        if not members:
            continue
        lines.append(f"  subgraph cluster_{kind.value} {{")
        lines.append(f"    label={_q(kind.value)}; style=dotted; rank=same;")
        for node in members:
            lines.append(f"    {_q(node.id)} [label={_q(_label(node))}, shape={_SHAPES[kind]}];")
        lines.append("  }")
    sources = graph.event_sources()
    for u, v in view.edges():
        edge = graph.edge(u, v)
        lines.append(f"  {_q(u)} -> {_q(v)} [{_edge_style(edge)}];")
    for event, item in sources.items():
        if event in keep and item in keep and not view.has_edge(item, event):
            lines.append(f'  {_q(item)} -> {_q(event)} [style=dashed, color=darkgreen, label="1"];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def _edge_style(edge: Edge) -> str:
    if edge.kind is EdgeKind.EVIDENCES:
        color = "darkgreen" if edge.stance is Stance.SUPPORTS else "red"
        return f"style=dashed, color={color}, label={_q(str(edge.strength))}"
    if edge.kind is EdgeKind.CUSTODY:
        return f"style=dotted, color=grey, label={_q('custody')}"
    return f"label={_q(edge.kind.value)}"
