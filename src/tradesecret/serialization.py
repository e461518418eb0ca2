"""
JSON in and out, for HR systems and services written in other languages.

Every public input and result type round-trips losslessly::

    >>> from tradesecret.serialization import to_json, from_json
    >>> from tradesecret.money import Money
    >>> to_json(Money("6000.00"))
    '{"amount": "6000.00", "currency": "CNY"}'
    >>> from_json('{"amount": "6000.00", "currency": "CNY"}', Money)
    Money(amount=Decimal('6000.00'), currency='CNY')

Conventions (stable; the JSON Schemas of the CLI follow them):

* money: ``{"amount": "<decimal string>", "currency": "CNY"}`` -- amounts are
  strings, never JSON numbers, so no float ever touches them;
* decimals and ratios: decimal strings; dates: ``YYYY-MM-DD``; datetimes: ISO 8601
  with offset;
* enums: their lowercase string values; tuples and frozensets: arrays (frozensets
  sorted);
* citations: ``{"id": "lcl@2012-12-28:24.2", "tier": "law", ...}``; a bare id
  string is also accepted on input and resolved against the default rulebook;
* message arguments: ``{"name": {"type": "money", "value": ...}}``.

Malformed JSON or a value of the wrong shape raises
:class:`~tradesecret.exceptions.InvalidInputError` listing every problem with its
path, never a raw traceback.
"""

from __future__ import annotations

import enum
import importlib
import json
import re
from collections.abc import Callable
from decimal import Decimal
from types import UnionType
from typing import Any, Final, Literal, TypeVar, Union, get_args, get_origin

import attrs
import cattrs
import pendulum
from cattrs._compat import is_sequence
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import ClassValidationError, IterableValidationError
from cattrs.gen import make_dict_unstructure_fn, override

from tradesecret._jsonread import read_json
from tradesecret.dates import to_date, to_datetime
from tradesecret.exceptions import (
    CitationError,
    InvalidInputError,
    Problem,
    TradeSecretError,
    json_kind,
    render_value,
)
from tradesecret.facts import UNKNOWN, Unknown
from tradesecret.law import Citation, CitationRef, Tier, Verification
from tradesecret.limits import MAX_INT
from tradesecret.money import Money, Ratio, to_decimal
from tradesecret.results import Arg, Args, Term, make_args

__all__ = [
    "converter",
    "from_json",
    "make_converter",
    "read_json",
    "structure",
    "to_json",
    "unstructure",
]

T = TypeVar("T")

_ARG_TAGS: Final[dict[type, str]] = {
    Money: "money",
    Ratio: "ratio",
    Term: "term",
    pendulum.Date: "date",
    Decimal: "decimal",
    int: "int",
    str: "text",
}


def _unstructure_arg(value: Arg, conv: cattrs.Converter) -> dict[str, Any]:
    for kind, tag in _ARG_TAGS.items():
        if isinstance(value, kind) and not isinstance(value, bool):
            return {"type": tag, "value": conv.unstructure(value)}
    msg = f"unsupported message argument {render_value(value)}"
    raise TypeError(msg)


def _structure_arg(raw: Any, conv: cattrs.Converter) -> Arg:
    if not isinstance(raw, dict) or set(raw) != {"type", "value"}:
        raise InvalidInputError.single(
            "", raw, 'a message argument is an object with "type" and "value"'
        )
    tag, value = raw["type"], raw["value"]
    for kind, name in _ARG_TAGS.items():
        if name == tag:
            return conv.structure(value, kind)
    raise InvalidInputError.single(
        ".type",
        tag,
        "expected one of {allowed}",
        allowed=[render_value(t) for t in _ARG_TAGS.values()],
    )


def _structure_citation(raw: Any, _: type) -> Citation:
    from tradesecret.rulebook import default_rulebook  # noqa: PLC0415 - avoid a load at import

    try:
        if isinstance(raw, str):
            return default_rulebook().cite(raw)
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            if set(raw) == {"id"}:
                return default_rulebook().cite(raw["id"])
            return Citation(
                ref=CitationRef.parse(raw["id"]),
                tier=_strict_enum(Tier)(raw.get("tier"), Tier),
                short_zh=_strict_str(raw.get("short_zh"), str),
                short_en=_strict_str(raw.get("short_en"), str),
                status=_strict_enum(Verification)(raw.get("status"), Verification),
            )
    except CitationError as exc:  # its problem, at the citation's own path
        raise InvalidInputError(
            p.at("") for p in exc.problems
        ) from None  # template: passed through
    raise InvalidInputError.single("", raw, 'a citation is an id string or an object with "id"')


def _structure_param_value(raw: Any, _: Any) -> int | Decimal | Money:
    if isinstance(raw, dict):
        return _structure_money(raw, Money)
    if isinstance(raw, str):
        return to_decimal(raw)
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    msg = "a parameter value is an int, a decimal string or a money object"
    raise ValueError(msg)


def make_converter() -> cattrs.Converter:
    """A fresh converter with the conventions of the module docstring."""
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_structure_hook(str, _strict_str)
    conv.register_structure_hook(int, _strict_int)
    conv.register_structure_hook(bool, _strict_bool)
    conv.register_structure_hook_factory(_is_enum, _strict_enum)
    conv.register_structure_hook_factory(_is_text_literal, _strict_literal)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(Decimal, lambda raw, _: to_decimal(_decimal_text(raw), path=""))
    conv.register_unstructure_hook(pendulum.Date, lambda d: d.to_date_string())
    conv.register_structure_hook(pendulum.Date, lambda raw, _: _date_text(raw))
    conv.register_unstructure_hook(pendulum.DateTime, lambda d: d.isoformat())
    conv.register_structure_hook(
        pendulum.DateTime,
        lambda raw, _: to_datetime(_expect(raw, str, "datetime"), path=""),
    )
    conv.register_unstructure_hook(
        Money, lambda m: {"amount": str(m.amount), "currency": m.currency}
    )
    conv.register_structure_hook(Money, _structure_money)
    conv.register_unstructure_hook(Ratio, lambda r: str(r.value))
    conv.register_structure_hook(Ratio, lambda raw, _: Ratio(_decimal_text(raw)))
    conv.register_unstructure_hook(Term, lambda t: t.code)
    conv.register_structure_hook(Term, lambda raw, _: Term(_expect(raw, str, "string")))
    conv.register_unstructure_hook(
        Citation,
        lambda c: {
            "id": c.id,
            "tier": c.tier.value,
            "short_zh": c.short_zh,
            "short_en": c.short_en,
            "status": c.status.value,
        },
    )
    conv.register_structure_hook(Citation, _structure_citation)
    conv.register_unstructure_hook_func(
        lambda t: t == Args, lambda args: {k: _unstructure_arg(v, conv) for k, v in args}
    )
    conv.register_structure_hook_func(
        lambda t: t == Args,
        lambda raw, _: make_args({k: _structure_arg(v, conv) for k, v in raw.items()}),
    )
    conv.register_structure_hook_func(lambda t: t == int | Decimal | Money, _structure_param_value)
    conv.register_unstructure_hook_func(_is_set_type, lambda s: _sorted_items(conv, s))
    conv.register_structure_hook_factory(_is_collection_type, lambda t: _arrays_only(t, conv))
    conv.register_structure_hook_factory(_is_attrs_type, lambda t: _objects_only(t, conv))
    conv.register_unstructure_hook_func(_is_graph, lambda g: _graph_codec("to_dict")(g))  # noqa: PLW0108 - resolved on use
    conv.register_structure_hook_func(_is_graph, lambda raw, _: _graph_codec("from_dict")(raw))
    conv.register_unstructure_hook_func(
        _is_evidence_review,
        lambda r: {
            "graph": _graph_codec("to_dict")(r.graph),
            "evaluation": conv.unstructure(r.evaluation),
        },
    )
    conv.register_structure_hook_func(
        _is_evidence_review, lambda raw, t: _structure_evidence_review(raw, t, conv)
    )
    # Facts not stated: ``null`` (or a left-out field, by the field's default) both ways.
    conv.register_unstructure_hook(Unknown, lambda _: None)
    conv.register_structure_hook_func(_is_fact_type, lambda raw, t: _structure_fact(raw, t, conv))
    conv.register_structure_hook_func(_is_date_or_enum, _structure_date_or_enum)
    conv.register_unstructure_hook_factory(_has_optional_lists, lambda t: _omit_empty(t, conv))
    return conv


_json_kind = json_kind


def _expect(raw: object, kind: type[T], expected: str, path: str = "") -> T:
    """``raw`` if it has the JSON type the schema allows; else an input error naming both.

    ``expected`` names what is expected (one of the templates below, chosen by its key).
    """
    if not isinstance(raw, kind) or (kind is int and isinstance(raw, bool)):
        raise InvalidInputError.single(
            path,
            raw,
            "expected a boolean (true or false), got {got}"
            if expected == "boolean"
            else "expected a whole number, got {got}"
            if expected == "whole"
            else 'expected a decimal string such as "6000.00", got {got}'
            if expected == "decimal"
            else "expected a date string, got {got}"
            if expected == "date"
            else "expected a date-time string, got {got}"
            if expected == "datetime"
            else "expected a string, got {got}",
            got=_json_kind(raw),
        )
    return raw


def _strict_str(raw: Any, _: Any) -> str:
    return str(_expect(raw, str, "string"))


def _strict_bool(raw: Any, _: Any) -> bool:
    return _expect(raw, bool, "boolean")


def _strict_int(raw: Any, _: Any) -> int:
    if isinstance(raw, Decimal) and raw.is_finite() and raw == raw.to_integral_value():
        raw = int(raw)  # a JSON number such as 12.0 or 1E+3 is a whole number, as in JSON Schema
    value = _expect(raw, int, "whole")
    if abs(value) > MAX_INT:
        raise InvalidInputError.single(
            "",
            value,
            "a whole number larger than {limit} in magnitude (the supported range)",
            limit=f"{MAX_INT:,}",
        )
    return int(value)


def _decimal_text(raw: Any, path: str = "") -> str:
    """A decimal is written as text in JSON (``"6000.00"``): never a number, never a float."""
    text = _expect(raw, str, "decimal", path)
    if not _DECIMAL_TEXT.fullmatch(text):
        raise InvalidInputError.single(path, raw, "not a decimal number")
    return text


def _date_text(raw: Any) -> pendulum.Date:
    text = _expect(raw, str, "date")
    if text != text.strip():  # as the JSON Schema allows it: no spaces around YYYY-MM-DD
        raise InvalidInputError.single("", text, "not a valid ISO date (YYYY-MM-DD)")
    return to_date(text, path="")


#: A decimal as the JSON Schema allows it (:data:`tradesecret.casefile._schema.DECIMAL_PATTERN`).
_DECIMAL_TEXT: Final = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$", re.ASCII)


def _is_enum(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, enum.Enum)


def _strict_enum(t: Any) -> Callable[[Any, Any], Any]:
    values = {m.value: m for m in t}
    allowed = [render_value(v) for v in values]

    def hook(raw: Any, _: Any) -> Any:
        if isinstance(raw, str | int) and not isinstance(raw, bool) and raw in values:
            member = values[raw]
            if type(member.value) is type(raw):
                return member
        raise InvalidInputError.single("", raw, "expected one of {allowed}", allowed=allowed)

    return hook


def _is_text_literal(t: Any) -> bool:
    return get_origin(t) is Literal and all(isinstance(a, str) for a in get_args(t))


def _strict_literal(t: Any) -> Callable[[Any, Any], Any]:
    options = get_args(t)
    allowed = [render_value(v) for v in options]

    def hook(raw: Any, _: Any) -> Any:
        if isinstance(raw, str) and raw in options:
            return raw
        raise InvalidInputError.single("", raw, "expected one of {allowed}", allowed=allowed)

    return hook


def _is_graph(t: Any) -> bool:
    # An evidence graph has its own lossless JSON form (tradesecret.evidence.export); it is
    # found by name so that this module does not load the evidence domain (and networkx).
    return getattr(t, "__qualname__", "") == "EvidenceGraph" and getattr(
        t, "__module__", ""
    ).startswith("tradesecret.evidence")


def _is_evidence_review(t: Any) -> bool:
    # The case file's evidence review holds a graph and its evaluation, typed loosely so
    # that the case-file package does not load the evidence domain.
    return getattr(t, "__qualname__", "") == "EvidenceReview" and getattr(
        t, "__module__", ""
    ).startswith("tradesecret.casefile")


def _structure_evidence_review(raw: Any, t: Any, conv: cattrs.Converter) -> Any:
    if not isinstance(raw, dict) or set(raw) != {"graph", "evaluation"}:
        raise InvalidInputError.single("", raw, 'expected an object with "graph" and "evaluation"')
    evaluation = importlib.import_module("tradesecret.evidence").EvidenceEvaluation
    return t(
        graph=_graph_codec("from_dict")(raw["graph"]),
        evaluation=conv.structure(raw["evaluation"], evaluation),
    )


def _graph_codec(name: str) -> Callable[[Any], Any]:
    fn: Callable[[Any], Any] = getattr(importlib.import_module("tradesecret.evidence.export"), name)
    return fn


#: Result fields written only when they hold something (older outputs stay byte-identical).
_OMITTED_WHEN_EMPTY: Final = ("context", "open")


def _has_optional_lists(t: Any) -> bool:
    target = get_origin(t) or t
    return (
        isinstance(target, type)
        and attrs.has(target)
        and any(f.name in _OMITTED_WHEN_EMPTY for f in attrs.fields(target))
    )


def _omit_empty(t: Any, conv: cattrs.Converter) -> Callable[[Any], Any]:
    target = get_origin(t) or t
    overrides = {
        f.name: override(omit_if_default=True)
        for f in attrs.fields(target)
        if f.name in _OMITTED_WHEN_EMPTY
    }
    return make_dict_unstructure_fn(target, conv, **overrides)  # type: ignore[arg-type]


def _is_fact_type(t: Any) -> bool:
    return get_origin(t) in (Union, UnionType) and _UNKNOWN_LITERAL in get_args(t)


def _structure_fact(raw: Any, t: Any, conv: cattrs.Converter) -> Any:
    if raw is None or raw is UNKNOWN:
        return UNKNOWN
    rest = tuple(a for a in get_args(t) if a != _UNKNOWN_LITERAL)
    target: Any = rest[0] if len(rest) == 1 else Union[rest]  # noqa: UP007 - built at run time
    return conv.structure(raw, target)


_UNKNOWN_LITERAL: Final = Literal[Unknown.UNKNOWN]


def _is_date_or_enum(t: Any) -> bool:
    # A date or a stated status such as ``StepStatus.NOT_DONE`` (``pendulum.Date | SomeEnum``).
    args = get_args(t)
    return (
        get_origin(t) in (Union, UnionType)
        and pendulum.Date in args
        and all(
            a is pendulum.Date or (isinstance(a, type) and issubclass(a, enum.Enum)) for a in args
        )
    )


def _structure_date_or_enum(raw: Any, t: Any) -> Any:
    # The enum's value names the status; any other text is read as an ISO date.
    statuses: list[str] = []
    for kind in get_args(t):
        if kind is not pendulum.Date:
            for member in kind:
                if raw == member.value:
                    return member
                statuses.append(render_value(member.value))
    if not isinstance(raw, str):
        raise InvalidInputError.single(
            "",
            raw,
            "expected a date string or one of {allowed}, got {got}",
            allowed=statuses,
            got=_json_kind(raw),
        )
    return _date_text(raw)


def _is_attrs_type(t: Any) -> bool:
    target = get_origin(t) or t
    return isinstance(target, type) and attrs.has(target) and target not in (Money, Citation)


def _objects_only(t: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    # An attrs class is read from a JSON object only; anything else is named plainly.
    inner = conv.gen_structure_attrs_fromdict(t)

    def hook(raw: Any, target: Any) -> Any:
        if not isinstance(raw, dict):
            raise InvalidInputError.single(
                "", raw, "expected an object, got {got}", got=_json_kind(raw)
            )
        return inner(raw, target)

    return hook


def _is_collection_type(t: Any) -> bool:
    return (is_sequence(t) or _is_set_type(t)) and t is not str and t != Args


def _arrays_only(t: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    # cattrs would happily iterate a JSON string into a tuple of characters; a collection
    # field only accepts a JSON array.
    inner: Callable[[Any, Any], Any]
    if _is_set_type(t):
        inner = (
            conv._structure_frozenset
            if get_origin(t) is not set and t is not set
            else conv._structure_set
        )
    else:
        inner = homogenous_tuple_structure_factory(t, conv)

    def hook(raw: Any, target: Any) -> Any:
        if not isinstance(raw, list | tuple):
            raise InvalidInputError.single(
                "", raw, "expected an array, got {got}", got=_json_kind(raw)
            )
        return inner(raw, target)

    return hook


def _is_set_type(t: Any) -> bool:
    return t in (frozenset, set) or get_origin(t) in (frozenset, set)


def _sorted_items(conv: cattrs.Converter, items: Any) -> list[Any]:
    # Sets serialise as arrays sorted by their JSON text, so output is deterministic.
    plain = [conv.unstructure(x) for x in items]
    return sorted(plain, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))


def _structure_money(raw: Any, _: type) -> Money:
    if not isinstance(raw, dict):
        raise InvalidInputError.single(
            "",
            raw,
            'expected a money object {{"amount": "<decimal string>", "currency": "CNY"}}, '
            "got {got}",
            got=_json_kind(raw),
        )
    extra = set(raw) - {"amount", "currency"}
    if extra:
        raise InvalidInputError.single("", sorted(extra), "unknown fields")
    if "amount" not in raw:
        raise InvalidInputError([Problem(path=".amount", value="", reason=_MISSING)])
    currency = _expect(raw.get("currency", "CNY"), str, "string", ".currency")
    try:
        return Money(_decimal_text(raw["amount"], ".amount"), currency)
    except InvalidInputError as exc:  # Money's own check names its field: make it relative
        raise InvalidInputError(
            attrs.evolve(p, path=p.path if p.path.startswith(".") else f".{p.path}")
            for p in exc.problems
        ) from None


#: The library's converter. Immutable in practice: register hooks on your own
#: :func:`make_converter` instance, not on this one.
converter: Final = make_converter()


def unstructure(obj: object) -> Any:
    """Plain JSON-ready data (dicts, lists, strings, ints) for ``obj``."""
    return converter.unstructure(obj)


def structure(data: Any, cls: type[T]) -> T:
    """
    Build ``cls`` from plain data.

    Raises:
        InvalidInputError: listing every problem with its path.
    """
    try:
        return converter.structure(data, cls)
    except (ClassValidationError, IterableValidationError) as exc:
        raise InvalidInputError(_problems(exc)) from None
    except InvalidInputError as exc:
        raise InvalidInputError(
            attrs.evolve(p, path="$" + p.path if p.path[:1] in ("", ".") else p.path)
            for p in exc.problems
        ) from None
    except TradeSecretError:
        raise
    except (ValueError, TypeError, KeyError):
        raise InvalidInputError.single("$", data, _NOT_ACCEPTED) from None


def _problems(exc: ClassValidationError | IterableValidationError) -> list[Problem]:
    problems: list[Problem] = []
    _walk(exc, "$", problems)
    return problems


def _walk(exc: BaseException, path: str, out: list[Problem]) -> None:
    """Flatten cattrs' exception tree into problems with full paths (``$.a.b[2].c``)."""
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for inner, note in with_notes:
            _walk(inner, f"{path}.{note.name}", out)
        for inner in without:
            _walk(inner, path, out)
    elif isinstance(exc, IterableValidationError):
        with_index, without = exc.group_exceptions()
        for inner, index_note in with_index:
            _walk(inner, f"{path}[{render_value(index_note.index)}]", out)
        for inner in without:
            _walk(inner, path, out)
    elif isinstance(exc, InvalidInputError):
        # A value object's own check: its problem paths are relative to the field.
        for problem in exc.problems:
            sub = _field_path(problem.path)
            relative = sub not in ("", "$") and not path.endswith("." + sub)
            full = f"{path}{sub}" if sub.startswith(".") else f"{path}.{sub}" if relative else path
            out.append(problem.at(full))  # template: passed through
    elif isinstance(exc, TradeSecretError) and exc.problems:  # a float refused, a region...
        out += [p.at(path) for p in exc.problems]  # template: passed through
    else:
        out.append(_cattrs_problem(exc, path))


def _field_path(sub: str) -> str:
    """A value object's own path without its class name (``TradeSecret.id`` -> ``id``): the
    JSON path names fields only (JSON keys are snake_case, class names capitalised)."""
    head, dot, rest = sub.partition(".")
    return rest if dot and head[:1].isupper() and head.isidentifier() else sub


#: A required field left out.
_MISSING: Final = "required field missing"
#: What cattrs or a constructor refused, said without Python's wording.
_NOT_ACCEPTED: Final = "not accepted here (the value does not have the form this field takes)"


def _cattrs_problem(exc: BaseException, path: str) -> Problem:
    """cattrs' own refusals (a missing field, unknown fields, anything else) as problems."""
    if isinstance(exc, KeyError):
        return Problem(path=path, value="", reason=_MISSING)
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return Problem.of(path, sorted(exc.extra_fields), "unknown fields")
    return Problem(path=path, value="", reason=_NOT_ACCEPTED)


def to_json(obj: object, *, indent: int | None = None) -> str:
    """Serialise ``obj`` to a JSON string (UTF-8 text, Chinese kept as is)."""
    return json.dumps(unstructure(obj), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes, cls: type[T]) -> T:
    """
    Parse JSON text into ``cls``.

    The text is read by :func:`read_json`: its size, nesting, numbers and strings are checked
    against :mod:`tradesecret.limits` before anything is converted.

    Raises:
        InvalidInputError: malformed JSON, or data of the wrong shape (every problem listed).
    """
    return structure(read_json(text), cls)
