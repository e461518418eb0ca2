"""
JSON Schema (draft 2020-12) generated from attrs classes and their type hints.

The schema follows the JSON conventions of :mod:`tradesecret.serialization` exactly,
so a document that validates here structures without a type error there:

* ``str``, ``int`` and ``bool`` map to their JSON types (``bool`` is not an ``int``);
* ``Decimal`` and :class:`~tradesecret.money.Ratio` are decimal *strings*;
* :class:`~tradesecret.money.Money` is ``{"amount": "<decimal string>", "currency": "CNY"}``;
* ``pendulum.Date`` is a ``YYYY-MM-DD`` string, ``pendulum.DateTime`` ISO 8601 with an offset;
* enums are their string values; ``Literal[...]`` an ``enum``;
* ``tuple[X, ...]``, ``list[X]`` are arrays, ``frozenset[X]`` arrays of unique items,
  fixed ``tuple[X, Y]`` arrays with ``prefixItems``;
* ``X | None`` allows ``null``; other unions are ``anyOf``;
* nested attrs classes are ``$defs`` referenced by ``$ref`` (recursion is fine);
* a field may declare a constraint of its text (a pattern, see
  :mod:`tradesecret._constraints`), added to its string schema;
* every class forbids unknown keys (the converter does too); fields with a default are
  optional, ``init=False`` fields are not part of the input.

Examples:
    >>> import attrs
    >>> from tradesecret.money import Money
    >>> @attrs.frozen(kw_only=True)
    ... class Pay:
    ...     amount: Money
    ...     note: str = ""
    >>> schema = json_schema(Pay)
    >>> schema["required"], sorted(schema["properties"])
    (['amount'], ['amount', 'note'])
"""

from __future__ import annotations

import datetime as _dt
import enum
import types
import typing
from decimal import Decimal
from typing import Any, Final

import attrs
import pendulum

from tradesecret._constraints import CURRENCY_PATTERN, constraint_of
from tradesecret.facts import Unknown
from tradesecret.law import Citation
from tradesecret.limits import MAX_INT
from tradesecret.money import Money, Ratio
from tradesecret.results import Args, Assessment, Criterion, Determination, Finding, TraceStep

__all__ = ["DATE_PATTERN", "DECIMAL_PATTERN", "RESULT_TYPES", "json_schema", "review_schema"]

#: A decimal string as accepted by :func:`tradesecret.money.to_decimal`.
DECIMAL_PATTERN: Final = r"^[+-]?(\d+(\.\d*)?|\.\d+)$"
#: A calendar date.
DATE_PATTERN: Final = r"^\d{4}-\d{2}-\d{2}$"

_DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"


class _Builder:
    def __init__(self, *, output: bool = False) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.names: dict[type, str] = {}
        self.output = output  # the review output: results carry their sentences too

    def _name(self, cls: type) -> str:
        """The class name; qualified by its domain when another class took that name."""
        if cls in self.names:
            return self.names[cls]
        name = cls.__name__
        if name in self.names.values():
            parts = [
                p for p in cls.__module__.split(".") if p != "tradesecret" and not p.startswith("_")
            ]
            name = ".".join([*parts[:1], cls.__name__]) if parts else f"{cls.__module__}.{name}"
        self.names[cls] = name
        return name

    def ref(self, cls: Any) -> dict[str, Any]:
        # ``cls`` is an attrs class or a parametrised generic one (``Determination[Money]``).
        known = cls in self.names
        origin = typing.get_origin(cls)
        if origin is not None and not known:
            args = ", ".join(getattr(a, "__name__", str(a)) for a in typing.get_args(cls))
            self.names[cls] = f"{self._name(origin)}[{args}]"
        name = self.names[cls] if origin is not None else self._name(cls)
        if not known:
            self.defs[name] = {}  # placeholder: breaks recursion
            self.defs[name] = self.attrs_class(cls)
        return {"$ref": f"#/$defs/{name}"}

    def attrs_class(self, generic: Any) -> dict[str, Any]:
        cls = typing.get_origin(generic) or generic
        hints = typing.get_type_hints(cls)
        params = getattr(cls, "__parameters__", ())
        if params and typing.get_args(generic):  # substitute the type arguments of a generic
            bound = dict(zip(params, typing.get_args(generic), strict=True))
            hints = {
                k: bound.get(v, v) if isinstance(v, typing.TypeVar) else v for k, v in hints.items()
            }
        props: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if not field.init:
                continue
            name = field.alias if field.alias and not field.name.startswith("_") else field.name
            hint = hints.get(field.name, field.type)
            prop = _constrain(self.schema(hint), constraint_of(field))
            doc = _field_doc(cls, field.name)
            if doc:
                prop = {**prop, "description": doc}
            props[name] = prop
            if field.default is attrs.NOTHING:
                required.append(name)
        if self.output:
            extra = _rendered(cls)
            props.update(extra)
            required += list(extra)
        out: dict[str, Any] = {"type": "object", "title": cls.__name__}
        summary = _summary(cls)
        if summary:
            out["description"] = summary
        out["properties"] = props
        if required:
            out["required"] = required
        out["additionalProperties"] = False
        return out

    def schema(self, hint: Any) -> dict[str, Any]:  # noqa: PLR0911 - one return per kind of type
        if hint is Any or hint is object:
            return {}
        if hint is type(None):
            return {"type": "null"}
        if hint == Args:  # equal, not identical: type hints are rebuilt from annotations
            return {
                "type": "object",
                "additionalProperties": {
                    "type": "object",
                    "properties": {
                        "type": {
                            "enum": ["money", "ratio", "term", "date", "decimal", "int", "text"]
                        },
                        "value": {},
                    },
                    "required": ["type", "value"],
                    "additionalProperties": False,
                },
            }
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin is typing.Literal:
            return {"enum": list(args)}
        if origin in (typing.Union, types.UnionType) and _NOT_STATED in args:
            # A fact that may be unknown: null (or the field left out) means "not stated".
            stated = [self.schema(a) for a in args if a != _NOT_STATED]
            return {
                "anyOf": [*stated, {"type": "null"}],
                "x-unknown": "null or left out: not stated (unknown), which is not 'none' or zero",
            }
        if origin in (typing.Union, types.UnionType):
            options = [a for a in args if a is not type(None)]
            alternatives = [self.schema(a) for a in options]
            if len(args) != len(options):
                alternatives.append({"type": "null"})
            return alternatives[0] if len(alternatives) == 1 else {"anyOf": alternatives}
        if origin is typing.Annotated:
            return self.schema(args[0])
        if origin in (tuple, list, typing.Sequence, frozenset, set) or (
            origin is not None and getattr(origin, "__name__", "") in {"Sequence", "Set"}
        ):
            if origin is tuple and args and (len(args) != 2 or args[1] is not Ellipsis):
                return {
                    "type": "array",
                    "prefixItems": [self.schema(a) for a in args],
                    "minItems": len(args),
                    "maxItems": len(args),
                }
            item = self.schema(args[0]) if args else {}
            out: dict[str, Any] = {"type": "array", "items": item}
            if origin in (frozenset, set):
                out["uniqueItems"] = True
            return out
        if origin is dict or (origin is not None and getattr(origin, "__name__", "") == "Mapping"):
            value = self.schema(args[1]) if len(args) == 2 else {}
            return {"type": "object", "additionalProperties": value}
        if isinstance(origin, type) and attrs.has(origin):
            return self.ref(hint)
        if isinstance(hint, typing.TypeVar):
            return {}
        if not isinstance(hint, type):
            msg = f"no JSON Schema for type {hint!r}"
            raise TypeError(msg)
        return self.leaf(hint)

    def leaf(self, hint: type) -> dict[str, Any]:
        if hint is bool:
            return {"type": "boolean"}
        if hint is int:  # the bound of tradesecret.limits, stated in the schema too
            return {"type": "integer", "minimum": -MAX_INT, "maximum": MAX_INT}
        if hint is str:
            return {"type": "string"}
        if hint is Decimal or hint is Ratio:
            return {"type": "string", "pattern": DECIMAL_PATTERN}
        if hint is Money:
            return {
                "type": "object",
                "properties": {
                    "amount": {"type": "string", "pattern": DECIMAL_PATTERN},
                    "currency": {"type": "string", "pattern": CURRENCY_PATTERN, "default": "CNY"},
                },
                "required": ["amount"],
                "additionalProperties": False,
            }
        if issubclass(hint, pendulum.DateTime | _dt.datetime):
            return {"type": "string", "format": "date-time"}
        if issubclass(hint, pendulum.Date | _dt.date):
            return {"type": "string", "format": "date", "pattern": DATE_PATTERN}
        if hint is Citation and self.output:
            return _RENDERED_CITATION
        if hint is Citation:
            return {
                "anyOf": [
                    {"type": "string", "description": "citation id, e.g. lcl@2012-12-28:24.2"},
                    {
                        "type": "object",
                        "properties": {"id": {"type": "string"}},
                        "required": ["id"],
                    },
                ]
            }
        if issubclass(hint, enum.Enum):
            return {"enum": [m.value for m in hint], "title": hint.__name__}
        if attrs.has(hint):
            return self.ref(hint)
        msg = f"no JSON Schema for type {hint.__name__}"
        raise TypeError(msg)


def _constrain(schema: dict[str, Any], constraint: dict[str, Any] | None) -> dict[str, Any]:
    """``schema`` with a field's declared ``constraint`` added to its string alternatives."""
    if not constraint:
        return schema
    if schema.get("type") == "string":
        return {**schema, **constraint}
    if "anyOf" in schema:
        return {**schema, "anyOf": [_constrain(s, constraint) for s in schema["anyOf"]]}
    return schema


#: The "not stated" member of a :data:`tradesecret.facts.Fact` union.
_NOT_STATED: Final = typing.Literal[Unknown.UNKNOWN]


_TEXT: Final = {"type": "string"}
_TIER: Final = {"type": ["string", "null"], "description": "tier of the strongest citation"}
_BINDING: Final = {
    "type": ["boolean", "null"],
    "description": "true when the strongest citation binds a court; false for guidance",
}
_MESSAGE: Final = {"type": "string", "description": "the sentence in the output's locale"}

#: A citation in the review output: its stored fields and its rendered label.
_RENDERED_CITATION: Final = {
    "type": "object",
    "properties": {
        "id": {"type": "string", "description": "citation id, e.g. lcl@2012-12-28:24.2"},
        "tier": {"type": "string"},
        "short_zh": {"type": "string"},
        "short_en": {"type": "string"},
        "status": {"type": "string", "description": "verification status (V1, V2, V3...)"},
        "label": {
            "type": "string",
            "description": "rendered in the output's locale: 《劳动合同法》第二十四条 / LCL Art. 24",
        },
        "binding": {"type": "boolean"},
        "status_label": {"type": "string"},
    },
    "required": ["id", "tier", "status", "label", "binding", "status_label"],
    "additionalProperties": False,
}


def _rendered(cls: type) -> dict[str, Any]:
    """The keys the review output adds to a result of class ``cls`` (its sentences)."""
    if cls is Finding:
        return {
            "message": _MESSAGE,
            "severity_label": _TEXT,
            "remedies_text": {"type": "array", "items": _TEXT},
            "tier": _TIER,
            "binding": _BINDING,
        }
    if cls is Criterion or cls is Assessment:
        return {"message": _MESSAGE, "outcome_label": _TEXT, "tier": _TIER, "binding": _BINDING}
    if cls is Determination:
        return {
            "message": _MESSAGE,
            "value_text": _TEXT,
            "rule_label": _TEXT,
            "tier": _TIER,
            "binding": _BINDING,
        }
    if cls is TraceStep:
        return {"message": _MESSAGE, "tier": _TIER, "binding": _BINDING}
    return {}


def _summary(cls: type) -> str:
    doc = (cls.__doc__ or "").strip()
    return doc.split("\n\n", 1)[0].replace("\n", " ").strip() if doc else ""


def _field_doc(cls: type, name: str) -> str:
    """The ``Attributes:`` entry of a Google-style class docstring, if any."""
    doc = cls.__doc__ or ""
    marker = f"{name}:"
    lines = doc.splitlines()
    for i, line in enumerate(lines):
        if line.strip().startswith(marker):
            indent = len(line) - len(line.lstrip())
            text = [line.strip()[len(marker) :].strip()]
            for nxt in lines[i + 1 :]:
                if not nxt.strip() or len(nxt) - len(nxt.lstrip()) <= indent:
                    break
                text.append(nxt.strip())
            return " ".join(text)
    return ""


def json_schema(
    cls: type, *, title: str | None = None, schema_id: str | None = None
) -> dict[str, Any]:
    """
    The JSON Schema of an attrs class, as the library's converter reads it.

    Args:
        cls: An attrs class.
        title: Overrides the schema title.
        schema_id: ``$id`` of the schema.

    Raises:
        TypeError: a field type without a JSON form (a bug in the class).
    """
    builder = _Builder()
    root = builder.attrs_class(cls)
    out: dict[str, Any] = {"$schema": _DRAFT}
    if schema_id:
        out["$id"] = schema_id
    out.update(root)
    if title:
        out["title"] = title
    if builder.defs:
        out["$defs"] = dict(sorted(builder.defs.items()))
    return out


#: Result types a review can return, by the name the JSON output tags them with, and the
#: module that defines each (imported on use: a domain may be missing from an installation).
RESULT_TYPES: Final = {
    "Assessment": "tradesecret.results",
    "CompensationFloor": "tradesecret.noncompete",
    "CompensationState": "tradesecret.ledger",
    "DisclosurePackage": "tradesecret.supply_chain",
    "MeasuresReport": "tradesecret.measures",
    "PreservationAssessment": "tradesecret.preservation",
    "Timetable": "tradesecret.preservation",
    "EvidenceEvaluation": "tradesecret.evidence",
    "Remedies": "tradesecret.remedies",
    "EnforcementReview": "tradesecret.remedies",
}


def review_schema() -> dict[str, Any]:
    """
    The JSON Schema of ``tradesecret review --format json`` output.

    Every finding, criterion, determination, assessment and trace step carries
    ``message`` (its sentence in the output's ``locale``), ``tier`` and ``binding``, and
    every citation its rendered ``label``, besides the codes and arguments.
    ``results`` is an array of ``{"type": <result type>, "value": <the result>}``; an
    evidence evaluation's value is ``{"graph": {"nodes": [...], "edges": [...]},
    "evaluation": <EvidenceEvaluation>}``. Types whose domain module is not installed are
    left out.
    """
    import importlib  # noqa: PLC0415 - domains load only when this schema is asked for

    builder = _Builder(output=True)
    variants: list[dict[str, Any]] = []
    for name, module in RESULT_TYPES.items():
        try:
            cls = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):  # pragma: no cover - a trimmed installation
            continue
        value = builder.ref(cls)
        if name == "EvidenceEvaluation":
            value = {
                "type": "object",
                "properties": {
                    "graph": {
                        "type": "object",
                        "properties": {
                            "nodes": {"type": "array", "items": {"type": "object"}},
                            "edges": {"type": "array", "items": {"type": "object"}},
                        },
                        "required": ["nodes", "edges"],
                    },
                    "evaluation": value,
                },
                "required": ["graph"],
                "additionalProperties": False,
            }
        variants.append(
            {
                "type": "object",
                "properties": {"type": {"const": name}, "value": value},
                "required": ["type", "value"],
                "additionalProperties": False,
            }
        )
    return {
        "$schema": _DRAFT,
        "$id": "https://tradesecret.invalid/schema/review.json",
        "title": "tradesecret review output (--format json)",
        "type": "object",
        "properties": {
            "kind": {"type": "string"},
            "title": {"type": "string"},
            "as_of": {"type": "string", "format": "date", "pattern": DATE_PATTERN},
            "locale": {"enum": ["zh_CN", "en"], "description": "language of every message"},
            "missing": {"type": "array", "items": {"type": "string"}},
            "results": {"type": "array", "items": {"oneOf": variants}},
        },
        "required": ["kind", "title", "as_of", "locale", "missing", "results"],
        "additionalProperties": False,
        "$defs": dict(sorted(builder.defs.items())),
    }
