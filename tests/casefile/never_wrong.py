"""
The case-file-level "never wrongly" guarantee, as reusable pieces for the property tests.

A fact not stated is unknown, and an outcome the library *decides* must not change
whatever value an unknown fact takes. These helpers start from a shipped example case
file, find the fields its JSON Schema marks as unknown-able (``x-unknown``: a
``Fact[...]`` field; or nullable: ``X | None``), remove some of them, review both the
full and the reduced case and compare what each decides.
"""

from __future__ import annotations

import copy
import enum
import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import Any, Final

import attrs
import pendulum

from tradesecret.casefile import CaseKinds, case_schema, example_text, load_case, review_case
from tradesecret.law import Citation
from tradesecret.money import Money, Ratio
from tradesecret.results import Outcome, Undetermined
from tradesecret.rulebook import ParameterValue, Rulebook

#: A place in a JSON document: keys and list indexes from ``data``.
Path = tuple[str | int, ...]

#: The earliest review date each kind supports: the start of the oldest regime it models
#: (issue 14). Trade-secret definition and the AUCL: 1993-12-01 (AUCL 1993); the non-compete:
#: 2008-01-01 (LCL); conduct preservation: 2013-01-01 (CPL 2012 Arts. 100-101). The supply
#: chain and the factory audit are library practice with no regime start: 2010-01-01, the
#: oldest decisions the project is measured against.
EARLIEST: Final = {
    "trade_secret": pendulum.date(1993, 12, 1),
    "noncompete": pendulum.date(2008, 1, 1),
    "supply_chain": pendulum.date(2010, 1, 1),
    "factory_audit": pendulum.date(2010, 1, 1),
    "preservation": pendulum.date(2013, 1, 1),
    "trade_secret_enforcement": pendulum.date(1993, 12, 1),
}
LATEST: Final = pendulum.date(2026, 12, 31)

#: Every starting case: each kind's shipped example, plus the non-compete breach example
#: (the only one with a ``breach`` section).
STARTS: Final = (
    ("trade_secret", "trade_secret.json"),
    ("noncompete", "noncompete.json"),
    ("noncompete", "noncompete_breach.json"),
    ("supply_chain", "supply_chain.json"),
    ("factory_audit", "factory_audit.json"),
    ("preservation", "preservation.json"),
    ("trade_secret_enforcement", "trade_secret_enforcement.json"),
)

#: Fields that hold a region code (as the case-file loader checks them).
REGION_FIELDS: Final = frozenset({"region", "place_of_performance"})


def start_case(kind: str, example: str) -> dict[str, Any]:
    """The decoded example case file ``example`` of ``kind``."""
    if example == f"{kind}.json":
        raw: dict[str, Any] = json.loads(example_text(kind))
        return raw
    from importlib import resources  # noqa: PLC0415 - test helper

    text = (resources.files("tradesecret.casefile") / "examples" / example).read_text("utf-8")
    out: dict[str, Any] = json.loads(text)
    return out


# --- the schema: which fields may be left unknown ---------------------------------------


@attrs.frozen(kw_only=True)
class Slot:
    """
    A field of the case that may be left out, with what the schema says of it.

    Attributes:
        path: Where it is, from ``data``.
        unknown: True for an ``x-unknown`` field (``Fact[...]``), False for a nullable one.
        choices: The values it may take when it is a boolean or an enum (else empty).
    """

    path: Path
    unknown: bool
    choices: tuple[Any, ...] = ()

    @property
    def name(self) -> str:
        """The field's own name (its last key)."""
        return str(self.path[-1])

    def json_path(self) -> str:
        """``$.data.employee.wages[3]``."""
        return "$.data" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in self.path)


def _resolve(schema: Mapping[str, Any], defs: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in schema:
        schema = defs[schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _nullable(schema: Mapping[str, Any]) -> bool:
    return any(a.get("type") == "null" for a in schema.get("anyOf", ()))


def _choices(schema: Mapping[str, Any], defs: Mapping[str, Any]) -> tuple[Any, ...]:
    for option in schema.get("anyOf", (schema,)):
        alt = _resolve(option, defs)
        if alt.get("type") == "boolean":
            return (False, True)
        if "enum" in alt:
            return tuple(alt["enum"])
    return ()


def _matching(schema: Mapping[str, Any], value: object, defs: Mapping[str, Any]) -> Any:
    """The alternative of ``schema`` (resolved) that describes ``value``."""
    schema = _resolve(schema, defs)
    if "anyOf" not in schema:
        return schema
    for option in schema["anyOf"]:
        alt = _resolve(option, defs)
        kind = alt.get("type")
        if (isinstance(value, dict) and kind == "object") or (
            isinstance(value, list) and kind == "array"
        ):
            return alt
    return {}


def schema_of(kind: str, kinds: CaseKinds | None = None) -> dict[str, Any]:
    """The JSON Schema of a case file of ``kind`` (the built-in kinds' read once)."""
    return case_schema(kind, kinds=kinds) if kinds is not None else _builtin_schema(kind)


@cache
def _builtin_schema(kind: str) -> dict[str, Any]:
    return case_schema(kind)


def slots(kind: str, data: Mapping[str, Any], kinds: CaseKinds | None = None) -> tuple[Slot, ...]:
    """Every stated field of ``data`` that the schema of ``kind`` allows to be left out as unknown."""
    schema = schema_of(kind, kinds)
    defs = schema.get("$defs", {})
    out: list[Slot] = []

    def walk(node: object, sch: Mapping[str, Any], path: Path) -> None:
        sch = _matching(sch, node, defs)
        if isinstance(node, dict):
            props = sch.get("properties", {})
            for key, value in node.items():
                prop = props.get(key, {})
                if value is not None and ("x-unknown" in prop or _nullable(prop)):
                    out.append(
                        Slot(
                            path=(*path, key),
                            unknown="x-unknown" in prop,
                            choices=_choices(prop, defs),
                        )
                    )
                walk(value, prop, (*path, key))
        elif isinstance(node, list):
            items = sch.get("items", {})
            for i, value in enumerate(node):
                walk(value, items, (*path, i))

    walk(data, schema["properties"]["data"], ())
    return tuple(out)


def absent_slots(
    kind: str, data: Mapping[str, Any], kinds: CaseKinds | None = None
) -> tuple[Slot, ...]:
    """The x-unknown fields ``data`` does not state (left out or null), in objects it has."""
    schema = schema_of(kind, kinds)
    defs = schema.get("$defs", {})
    out: list[Slot] = []

    def walk(node: object, sch: Mapping[str, Any], path: Path) -> None:
        sch = _matching(sch, node, defs)
        if isinstance(node, dict):
            for key, prop in sch.get("properties", {}).items():
                if node.get(key) is None and "x-unknown" in prop:
                    out.append(Slot(path=(*path, key), unknown=True, choices=_choices(prop, defs)))
                elif key in node:
                    walk(node[key], prop, (*path, key))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, sch.get("items", {}), (*path, i))

    walk(data, schema["properties"]["data"], ())
    return tuple(out)


def without(data: Mapping[str, Any], removed: Sequence[Path]) -> dict[str, Any]:
    """A deep copy of ``data`` with the fields at ``removed`` left out (inner ones first)."""
    out: dict[str, Any] = copy.deepcopy(dict(data))
    for path in sorted(removed, key=len, reverse=True):
        node: Any = out
        try:
            for step in path[:-1]:
                node = node[step]
            del node[path[-1]]
        except (KeyError, IndexError, TypeError):
            continue  # inside a field already left out
    return out


def with_value(data: Mapping[str, Any], path: Path, value: object) -> dict[str, Any]:
    """A deep copy of ``data`` with ``value`` at ``path`` (the parent must exist)."""
    out: dict[str, Any] = copy.deepcopy(dict(data))
    node: Any = out
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return out


# --- moving a case in time and place ----------------------------------------------------

_DATE: Final = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(.*)$")


def shift_months(node: object, months: int) -> Any:
    """``node`` with every date and date-time string moved by ``months`` (31 Jan + 1 -> 28 Feb)."""
    if isinstance(node, dict):
        return {k: shift_months(v, months) for k, v in node.items()}
    if isinstance(node, list):
        return [shift_months(v, months) for v in node]
    if isinstance(node, str) and months:
        m = _DATE.match(node)
        if m and (not m.group(4) or m.group(4).startswith("T")):
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            try:
                day = pendulum.date(y, mo, d).add(months=months)
            except ValueError:
                return node
            return f"{day.to_date_string()}{m.group(4)}"
    return node


def months_between(start: pendulum.Date, end: pendulum.Date) -> int:
    """Whole calendar months from ``start``'s month to ``end``'s month."""
    return (end.year - start.year) * 12 + end.month - start.month


def with_region(node: object, region: str) -> Any:
    """``node`` with every region field set to ``region``."""
    if isinstance(node, dict):
        return {
            k: region if k in REGION_FIELDS and isinstance(v, str) else with_region(v, region)
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [with_region(v, region) for v in node]
    return node


def has_region(node: object) -> bool:
    """True when ``node`` holds a region field (the kind's outcomes depend on the place)."""
    if isinstance(node, dict):
        return any(k in REGION_FIELDS or has_region(v) for k, v in node.items())
    if isinstance(node, list):
        return any(has_region(v) for v in node)
    return False


def envelope(
    raw: Mapping[str, Any], data: Mapping[str, Any], as_of: pendulum.Date
) -> dict[str, Any]:
    """The case file ``raw`` with ``data`` and the date ``as_of``."""
    return {**raw, "as_of": as_of.to_date_string(), "data": data}


def review(
    raw: Mapping[str, Any], rulebook: Rulebook, kinds: CaseKinds | None = None
) -> tuple[object, ...]:
    """The domain results of the case file ``raw``."""
    case = load_case(raw, rulebook=rulebook, kinds=kinds)
    return review_case(case, rulebook=rulebook, kinds=kinds).results


# --- what a review decides ----------------------------------------------------------------

_LEAVES: Final = (str, int, bool, Citation, ParameterValue, Money, Ratio, pendulum.Date, enum.Enum)
#: Parts of a result that decide nothing: sources, parameters, steps, the drawn graph, and the
#: open rules themselves (their ``if_holds``/``otherwise`` are hypothetical outcomes).
_SKIP: Final = frozenset({"citations", "context", "parameters", "trace", "graph", "open"})


def _label(node: object) -> str | None:
    for name in ("code", "claim", "id", "kind", "rule"):
        value = getattr(node, name, None)
        if isinstance(value, str):
            return value
        if isinstance(value, enum.Enum):
            return str(value.value)
    return None


def _attrs_type(node: object) -> Any:
    """The attrs class of ``node`` (checked with ``attrs.has`` by the caller)."""
    return type(node)


def _children(node: object) -> Iterator[tuple[str, object]]:
    if isinstance(node, tuple | list | frozenset):
        seen: Counter[str] = Counter()
        for i, item in enumerate(node):
            label = _label(item) or str(i)
            seen[label] += 1
            yield f"[{label}#{seen[label]}]", item
    elif isinstance(node, Mapping):
        for key, value in node.items():
            yield f".{key}", value
    elif attrs.has(type(node)):
        for field in attrs.fields(_attrs_type(node)):
            if field.name not in _SKIP:
                yield f".{field.name}", getattr(node, field.name)


def outcomes(results: Sequence[object]) -> dict[str, Outcome]:
    """Every outcome in ``results`` by a stable key (result type, then codes or ids)."""
    out: dict[str, Outcome] = {}
    seen: set[int] = set()

    def walk(node: object, path: str) -> None:
        if isinstance(node, Outcome):
            out[path] = node
            return
        if isinstance(node, _LEAVES) or node is None or id(node) in seen:
            return
        seen.add(id(node))
        for step, child in _children(node):
            walk(child, path + step)

    types: Counter[str] = Counter()
    for result in results:
        name = type(result).__name__
        types[name] += 1
        walk(result, f"{name}#{types[name]}")
    return out


def nodes_at(results: Sequence[object]) -> dict[str, object]:
    """Every attrs object in ``results`` by the same keys as :func:`outcomes` (minus the field)."""
    out: dict[str, object] = {}
    seen: set[int] = set()

    def walk(node: object, path: str) -> None:
        if isinstance(node, _LEAVES) or node is None or id(node) in seen:
            return
        seen.add(id(node))
        if attrs.has(type(node)):
            out[path] = node
        for step, child in _children(node):
            walk(child, path + step)

    types: Counter[str] = Counter()
    for result in results:
        name = type(result).__name__
        types[name] += 1
        walk(result, f"{name}#{types[name]}")
    return out


def open_rules(node: object) -> tuple[Undetermined, ...]:
    """Every open rule (:class:`Undetermined`) reachable from ``node``."""
    out: list[Undetermined] = []
    seen: set[int] = set()

    def walk(n: object) -> None:
        if isinstance(n, Undetermined):
            out.append(n)
            return
        if isinstance(n, _LEAVES) or n is None or id(n) in seen:
            return
        seen.add(id(n))
        if isinstance(n, tuple | list | frozenset):
            for item in n:
                walk(item)
        elif isinstance(n, Mapping):
            for item in n.values():
                walk(item)
        elif attrs.has(type(n)):
            for field in attrs.fields(_attrs_type(n)):
                if field.name not in {"citations", "context", "parameters", "graph"}:
                    walk(getattr(n, field.name))

    walk(node)
    return tuple(out)


def missing_facts(results: Sequence[object]) -> frozenset[str]:
    """Every fact the open rules of ``results`` name as not stated."""
    return frozenset(f for rule in open_rules(results) for f in rule.facts)


_STEP: Final = re.compile(r"([^.\[\]]+)|\[([^\]]*)\]")


def fact_names(fact: str) -> tuple[str, ...]:
    """The field names in a missing fact's path: ``measures[M-1].evidence`` -> (measures, evidence)."""
    return tuple(name for name, _ in _STEP.findall(fact) if name)


def names_removed(fact: str, removed: Sequence[Slot]) -> bool:
    """
    True when ``fact`` (a path the domain gives, relative to its own objects) names a field
    that was left out, or something inside one: its last field name is a removed field's
    name is one of its steps (``agreement.compensation.basis`` when ``compensation`` was left
    out), or its last name is a step of a removed field's path (``agreement.compensation``
    when ``agreement.compensation.basis`` was left out).
    """
    names = fact_names(fact)
    return bool(names) and any(slot.name in names or names[-1] in slot.path for slot in removed)


#: Outcomes that are decisions (anything but the library's undetermined).
UNDETERMINED: Final = Outcome.INSUFFICIENT_EVIDENCE


def decided(found: Mapping[str, Outcome]) -> dict[str, Outcome]:
    """The outcomes in ``found`` that are decided."""
    return {k: v for k, v in found.items() if v is not UNDETERMINED}


# --- the check ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Pair:
    """
    A full case and the same case with some unknown-able fields left out, both reviewed.

    Attributes:
        kind: The case kind.
        full: The full case file.
        reduced: The reduced case file.
        removed: The fields left out.
        full_results: The review of the full case (``None``: refused with a typed error).
        reduced_results: The review of the reduced case (``None``: refused).
        reduced_error: The typed error the reduced case was refused with, if any.
        kinds: The registry of kinds (default: the built-in kinds).
    """

    kind: str
    full: dict[str, Any]
    reduced: dict[str, Any]
    removed: tuple[Slot, ...]
    full_results: tuple[object, ...] | None
    reduced_results: tuple[object, ...] | None
    reduced_error: Exception | None = None
    kinds: CaseKinds | None = None


def moved_outcomes(pair: Pair) -> list[str]:
    """(b) Every outcome the reduced review decides that the full review does not share."""
    assert pair.full_results is not None
    assert pair.reduced_results is not None
    full = outcomes(pair.full_results)
    out = []
    for key, value in decided(outcomes(pair.reduced_results)).items():
        if key in full and full[key] is not value:
            out.append(f"{key}: reduced {value.value}, full {full[key].value}")
    return out


def phantom_missing(pair: Pair) -> list[str]:
    """
    (c) Facts the reduced review lists as missing that the reduced case states: not missing
    in the full review, not inside a field left out, and stated (not null) in every object of
    the reduced case that has a field of that name.
    """
    assert pair.full_results is not None
    assert pair.reduced_results is not None
    before = missing_facts(pair.full_results)
    stated = stated_fields(pair.kind, pair.reduced["data"], pair.kinds)
    out = []
    for fact in sorted(missing_facts(pair.reduced_results) - before):
        names = fact_names(fact)
        if not names or names_removed(fact, pair.removed):
            continue
        where = stated.get(names[-1], [])
        if where and all(where):
            out.append(fact)
    return out


def stated_fields(
    kind: str, data: Mapping[str, Any], kinds: CaseKinds | None = None
) -> dict[str, list[bool]]:
    """For each field name: whether each object of ``data`` whose schema has it states it."""
    schema = schema_of(kind, kinds)
    defs = schema.get("$defs", {})
    out: dict[str, list[bool]] = {}

    def walk(node: object, sch: Mapping[str, Any]) -> None:
        sch = _matching(sch, node, defs)
        if isinstance(node, dict):
            props = sch.get("properties", {})
            for key, prop in props.items():
                out.setdefault(key, []).append(node.get(key) is not None)
                if key in node:
                    walk(node[key], prop)
        elif isinstance(node, list):
            for value in node:
                walk(value, sch.get("items", {}))

    walk(data, schema["properties"]["data"])
    return out


def unexplained_changes(pair: Pair) -> list[str]:
    """(c) Criteria whose outcome changed with no open rule naming a field left out."""
    assert pair.full_results is not None
    assert pair.reduced_results is not None
    full = outcomes(pair.full_results)
    reduced = outcomes(pair.reduced_results)
    where = nodes_at(pair.reduced_results)
    out = []
    for key, value in reduced.items():
        if key not in full or full[key] is value or not key.endswith(".outcome"):
            continue
        node = where.get(key[: -len(".outcome")])
        if node is None or not hasattr(node, "open"):
            continue  # a headline or a claim: explained by its criteria
        named = [f for rule in open_rules(node) for f in rule.facts]
        if not any(names_removed(f, pair.removed) for f in named):
            out.append(f"{key}: {full[key].value} -> {value.value}, open rules name {named}")
    return out
