"""
The fuzz harness: structure-aware and raw mutations of the shipped case files, and how
each input is judged.

An input is judged by what the library does with it, end to end (``load_case``,
``review_case``, rendering as text and JSON):

* ``ok`` -- reviewed and rendered;
* ``refused`` -- a typed :class:`~tradesecret.exceptions.TradeSecretError` (bad input, or
  law the library does not cover);
* ``silent`` -- the reader accepted a document its own JSON Schema refuses (a value silently
  converted);
* ``traceback`` -- any other exception (a bug).

Used by the bounded tests in this folder and by ``scripts/fuzz`` (long runs, with a timer
that also counts hangs).
"""

from __future__ import annotations

import copy
import functools
import json
import random
from collections.abc import Iterator
from decimal import Decimal
from importlib import resources
from typing import Any, Final

import attrs
import jsonschema
from hypothesis import strategies as st

from tradesecret._constraints import matches
from tradesecret.casefile import case_schema, example_names, example_text, load_case, review_case
from tradesecret.exceptions import TradeSecretError
from tradesecret.reports import render

__all__ = [
    "DOCUMENTS",
    "KINDS",
    "VARIANTS",
    "Verdict",
    "case_inputs",
    "judge",
    "kind_of",
    "leaves",
    "mutate_bytes",
    "schema_accepts",
    "validator",
]

KINDS: Final = example_names()

#: Marker text substituted into the dumped JSON for literals Python cannot hold as values.
_RAW: Final = "\u0000raw:"


@attrs.frozen
class Verdict:
    """What the library did with one input: ``outcome`` and, for a bug, its signature."""

    outcome: str
    signature: str = ""


#: Shapes beyond one example per kind: the non-compete breach section, and a ledger whose
#: terms are left out (derived from the agreement).
VARIANTS: Final = ("noncompete_breach", "noncompete_derived_terms")
#: Every document the schema-agreement tests walk: one example per kind, then the variants.
DOCUMENTS: Final = (*KINDS, *VARIANTS)


@functools.cache
def example(kind: str) -> dict[str, Any]:
    """The shipped example of ``kind`` (or a variant), decoded as the reader decodes it."""
    if kind == "noncompete_breach":
        text = (resources.files("tradesecret.casefile") / "examples" / f"{kind}.json").read_text(
            "utf-8"
        )
    elif kind == "noncompete_derived_terms":
        data = copy.deepcopy(example("noncompete"))
        del data["data"]["ledger"]["terms"]
        return data
    else:
        text = example_text(kind)
    decoded: dict[str, Any] = json.loads(text, parse_float=Decimal)
    return decoded


def kind_of(name: str) -> str:
    """The case kind of the document ``name`` (an example or a variant)."""
    return str(example(name)["kind"])


def _is_integer(_: Any, instance: Any) -> bool:
    # JSON Schema: a number with a zero fraction is an integer (12.0, 1E+3).
    if isinstance(instance, bool):
        return False
    if isinstance(instance, Decimal):
        return instance.is_finite() and instance == instance.to_integral_value()
    return isinstance(instance, int)


def _pattern(
    _: Any, pattern: str, instance: Any, __: dict[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    # ECMA-262, as JSON Schema says: ``$`` is the end of the text (Python's ``re.search``
    # lets ``$`` match before a final newline, which would accept ``"<digest>\n"``).
    if isinstance(instance, str) and not matches(pattern, instance):
        yield jsonschema.ValidationError(f"does not match {pattern}")


@functools.cache
def validator(kind: str) -> jsonschema.protocols.Validator:
    """A JSON Schema validator for case files of ``kind`` (JSON numbers read as Decimal;
    patterns read as ECMA-262 reads them)."""
    base = jsonschema.Draft202012Validator
    checker = base.TYPE_CHECKER.redefine("integer", _is_integer)
    cls = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
        base, validators={"pattern": _pattern}, type_checker=checker
    )
    result: jsonschema.protocols.Validator = cls(case_schema(kind))
    return result


def schema_accepts(kind: str, document: Any) -> bool:
    """True when ``document`` is valid against the published schema of ``kind``."""
    return bool(validator(kind).is_valid(document))


def judge(text: str | bytes, kind: str | None = None, *, render_formats: bool = True) -> Verdict:
    """Load, review and render ``text``; ``kind`` (when known) enables the silent check."""
    try:
        case = load_case(text)
    except TradeSecretError:
        return Verdict("refused")
    except Exception as exc:
        return Verdict("traceback", _signature(exc))
    if kind is not None:
        try:
            document = json.loads(text, parse_float=Decimal)
        except ValueError:
            document = None
        if document is not None and not schema_accepts(kind, document):
            return Verdict("silent", "reader accepted what the schema refuses")
    try:
        review = review_case(case)
        if render_formats:
            render(review, locale="en", format="text")
            render(review, locale="zh_CN", format="json")
    except TradeSecretError:
        return Verdict("refused")
    except Exception as exc:
        return Verdict("traceback", _signature(exc))
    return Verdict("ok")


def _signature(exc: BaseException) -> str:
    import traceback  # noqa: PLC0415 - only for a finding

    frames = traceback.extract_tb(exc.__traceback__)
    last = frames[-1] if frames else None
    where = f"{last.filename.rsplit('/', 1)[-1]}:{last.lineno}" if last else "?"
    return f"{type(exc).__name__} at {where}: {str(exc)[:120]}"


def leaves(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every node below the root with its path (keys and indexes), depth first."""
    if path:
        yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from leaves(value, (*path, i))


def replaced(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    """A deep copy of ``document`` with the node at ``path`` replaced by ``value``."""
    if not path:
        return copy.deepcopy(value)
    out = copy.deepcopy(document)
    node = out
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return out


def dumps(document: Any) -> str:
    """JSON text of ``document``; :class:`Raw` markers become their literal text."""
    text = json.dumps(document, ensure_ascii=False, default=_default)
    while '"' + _RAW_JSON in text:
        start = text.index('"' + _RAW_JSON)
        marker, end = json.decoder.scanstring(text, start + 1)  # type: ignore[attr-defined]
        text = text[:start] + marker[len(_RAW) :] + text[end:]
    return text


_RAW_JSON: Final = json.dumps(_RAW)[1:-1]


@attrs.frozen
class Raw:
    """A literal to write into the JSON text as is (``1E+999999``, ``NaN``, deep nesting)."""

    text: str


def _default(value: Any) -> Any:
    if isinstance(value, Raw):
        return _RAW + value.text
    if isinstance(value, Decimal):
        return _RAW + str(value)
    msg = f"not JSON: {type(value).__name__}"
    raise TypeError(msg)


# -- strategies ------------------------------------------------------------------------

_EDGE_TEXT: Final = [
    "",
    " ",
    "x",
    "2025-02-30",
    "9999-12-31",
    "0001-01-01",
    "9999-12-31T10:00:00+08:00",
    "2025-01-01T00:00:00",
    "1E+26",
    "-0",
    "1e-999999",
    "99999999999999999999999999999999",
    "NaN",
    "CN-XX",
    "\ud800",
    "\u0000",
    "١٢",
    "true",
    "12",
    "a" * 300,
]

_EDGE_RAW: Final = [
    "1E+999999",
    "-1E+999999",
    "1e-999999",
    "9" * 5000,
    "NaN",
    "Infinity",
    "12.9",
    "12.0",
    "99999999999999999999",
    "[" * 200 + "]" * 200,
    '"\\udfff"',
]

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(lambda d: Raw(str(d))),
    st.text(max_size=20),
    st.sampled_from(_EDGE_TEXT),
    st.sampled_from(_EDGE_RAW).map(Raw),
)

json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


@st.composite
def structured(draw: st.DrawFn, kind: str) -> str:
    """The example of ``kind`` with one to three nodes replaced, removed or added."""
    document = example(kind)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        paths = [p for p, _ in leaves(document)]
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["schema", "schema", "schema", "replace", "delete", "add"]))
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        current = parent[path[-1]]
        allowed = schema_values(subschema(kind, path, current)) if action == "schema" else []
        if allowed:
            document = replaced(document, path, draw(st.sampled_from(allowed)))
        elif action in ("replace", "schema"):
            document = replaced(document, path, draw(json_values))
        elif action == "delete" and isinstance(parent, dict):
            document = replaced(
                document, path[:-1], {k: v for k, v in parent.items() if k != path[-1]}
            )
        elif isinstance(parent, dict):
            key = draw(st.text(min_size=1, max_size=8))
            document = replaced(document, path[:-1], {**parent, key: draw(json_values)})
        elif isinstance(parent, list):
            document = replaced(document, path[:-1], [*parent, draw(json_values)])
    return dumps(document)


def mutate_bytes(data: bytes, rng: random.Random, edits: int = 4) -> bytes:
    """``data`` with a few random byte flips, insertions, deletions or duplications."""
    out = bytearray(data)
    for _ in range(edits):
        if not out:
            out += bytes([rng.randrange(256)])
            continue
        at = rng.randrange(len(out))
        op = rng.randrange(4)
        if op == 0:
            out[at] = rng.randrange(256)
        elif op == 1:
            out.insert(at, rng.choice(b'{}[]",:0123456789eE+-.tfn\\u '))
        elif op == 2:
            del out[at]
        else:
            end = min(len(out), at + rng.randrange(1, 40))
            out[at:at] = out[at:end]
    return bytes(out)


@st.composite
def raw_bytes(draw: st.DrawFn, kind: str) -> bytes:
    """The example of ``kind`` as bytes with random edits."""
    seed = draw(st.integers(min_value=0, max_value=2**32))
    return mutate_bytes(example_text(kind).encode(), random.Random(seed))


def case_inputs(kind: str) -> st.SearchStrategy[str | bytes]:
    """Mixed inputs for ``kind``: mostly structure-aware, some raw byte mutations."""
    return st.one_of(structured(kind), structured(kind), structured(kind), raw_bytes(kind))


# -- values from the schema ------------------------------------------------------------


def subschema(kind: str, path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    """The schema of the node at ``path`` (``$ref`` resolved, the ``anyOf`` branch ``value`` fits)."""
    root = case_schema(kind)
    node: dict[str, Any] = root
    for step in path:
        node = _resolve(root, node)
        node = (
            node.get("items", {})
            if isinstance(step, int)
            else node.get("properties", {}).get(step, {})
        )
    return _resolve(root, node)


def _resolve(root: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = root["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    if "anyOf" in node:
        branches = [_resolve(root, b) for b in node["anyOf"]]
        structural = [b for b in branches if b.get("type") in ("object", "array")]
        if structural:
            return {**structural[0], "nullable_any_of": branches}
    return node


_TYPES: Final[dict[str, Any]] = {
    "null": None,
    "boolean": True,
    "integer": 7,
    "number": Decimal("12.5"),
    "string": "x",
    "array": [],
    "object": {},
}


def allowed_types(schema: dict[str, Any]) -> set[str]:
    """The JSON types a (resolved) schema allows; every type for an open schema."""
    if "nullable_any_of" in schema:
        return set().union(*(allowed_types(b) for b in schema["nullable_any_of"]))
    if "anyOf" in schema:
        return set().union(*(allowed_types(b) for b in schema["anyOf"]))
    if "enum" in schema or "const" in schema:
        options = schema.get("enum", [schema.get("const")])
        return {_json_type(v) for v in options}
    kind = schema.get("type")
    if kind is None:
        return set(_TYPES)
    kinds = {kind} if isinstance(kind, str) else set(kind)
    return kinds | ({"integer"} if "number" in kinds else set())


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, Decimal | float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def wrong_typed(schema: dict[str, Any]) -> list[Any]:
    """One value of every JSON type the schema does not allow at that place."""
    allowed = allowed_types(schema)
    out = [v for name, v in _TYPES.items() if name not in allowed]
    if allowed == {"integer"} or allowed == {"integer", "null"}:
        out.append(Decimal("12.9"))  # a number with a fraction is not a whole number
    return out


def schema_values(schema: dict[str, Any]) -> list[Any]:
    """A few values the schema allows at that place (each JSON type it allows)."""
    branches = schema.get("nullable_any_of") or schema.get("anyOf") or [schema]
    out: list[Any] = []
    for branch in branches:
        out += _branch_values(branch)
    return out


def _branch_values(schema: dict[str, Any]) -> list[Any]:
    if "enum" in schema:
        return list(schema["enum"])
    if "const" in schema:
        return [schema["const"]]
    kind = schema.get("type")
    if kind == "null":
        return [None]
    if kind == "boolean":
        return [True, False]
    if kind == "integer":
        return [0, 3, 120]
    if kind == "string":
        if schema.get("format") == "date":
            return ["2025-03-01", "2024-02-29"]
        if schema.get("format") == "date-time":
            return ["2025-03-01T10:00:00+08:00"]
        if "pattern" in schema and "d+" in schema["pattern"]:
            return ["0", "12.50"]
        if "pattern" in schema:
            return [v for v in _PATTERNED if matches(schema["pattern"], v)]
        return ["x", "测试"]
    if kind == "array":
        return [[]]
    return []


#: Texts for a patterned string: digests, currency codes, ids, blank and spaced text, dates.
_PATTERNED: Final = (
    "0123456789abcdef" * 4,
    "0123456789ABCDEF" * 4,
    "0123456789abcdef" * 4 + "\n",
    "0123456789abcdef" * 4 + "0",
    "CNY",
    "USD",
    "cny",
    "ÄÖÜ",
    "CNY\n",
    "x",
    "NC-9",
    "测试-1",
    "a b",
    "a\nb",
    "",
    " ",
    " x",
    "x ",
    "x\n",
    "\t",
    "x" * 201,
    "2025-03-01",
    " 2025-03-01",
    "2025-03-01\n",
    "2025-3-1",
)


def pattern_probes(schema: dict[str, Any]) -> list[Any]:
    """Texts for a node whose schema has a ``pattern`` (each branch): some it allows, some not."""
    branches = schema.get("nullable_any_of") or schema.get("anyOf") or [schema]
    if not any(b.get("type") == "string" and "pattern" in b for b in branches):
        return []
    if any(b.get("type") == "string" and "d+" in b.get("pattern", "") for b in branches):
        return []  # a decimal: probed by the number tests
    return list(_PATTERNED)


@st.composite
def mutated(draw: st.DrawFn, document: Any) -> str:
    """``document`` (any JSON value) with one to three nodes replaced, removed or added."""
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        paths = [p for p, _ in leaves(document)]
        if not paths:
            return dumps(draw(json_values))
        path = draw(st.sampled_from(paths))
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "replace", "delete", "add"]))
        if action == "replace":
            document = replaced(document, path, draw(json_values))
        elif action == "delete" and isinstance(parent, dict):
            kept = {k: v for k, v in parent.items() if k != path[-1]}
            document = replaced(document, path[:-1], kept)
        elif isinstance(parent, dict):
            key = draw(st.text(min_size=1, max_size=8))
            document = replaced(document, path[:-1], {**parent, key: draw(json_values)})
        elif isinstance(parent, list):
            document = replaced(document, path[:-1], [*parent, draw(json_values)])
    return dumps(document)
