"""
The JSON text reader: every bound of :mod:`tradesecret.limits` checked before conversion (layer 0).

:func:`read_json` is what :func:`tradesecret.serialization.from_json` and
:func:`tradesecret.casefile.load_case` read JSON text with. Re-exported by
:mod:`tradesecret.serialization`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from decimal import Decimal
from itertools import accumulate
from typing import Any, Final

import attrs

from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.limits import MAX_EXPONENT, MAX_JSON_CHARS, MAX_JSON_DEPTH, MAX_NUMBER_DIGITS

__all__ = ["read_json", "syntax_problem"]


class _Refused:
    """A JSON literal refused by a parse hook; reported with its path after parsing."""

    __slots__ = ("problem", "text")

    def __init__(self, text: str, problem: Problem) -> None:
        self.text = text
        self.problem = problem  # its path and value are filled in where it is found


class _Object(dict[str, Any]):
    """A JSON object that had duplicate keys (the last one would silently win)."""

    duplicates: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) == len(pairs):
        return out
    seen: set[str] = set()
    repeated: list[str] = []
    for key, _ in pairs:
        if key in seen:
            repeated.append(key)
        seen.add(key)
    dup = _Object(out)
    dup.duplicates = tuple(repeated)
    return dup


def _parse_int(text: str) -> int | _Refused:
    digits = len(text) - text.startswith("-")
    if digits > MAX_NUMBER_DIGITS:
        return _Refused(text, _too_many_digits())
    return int(text)


def _too_many_digits() -> Problem:
    return Problem.of("$", None, "a number with more than {limit} digits", limit=MAX_NUMBER_DIGITS)


_FLOAT: Final = re.compile(r"-?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?", re.ASCII)


def _parse_float(text: str) -> Decimal | _Refused:
    match = _FLOAT.fullmatch(text)
    if match is None:  # pragma: no cover - the JSON scanner only passes number literals
        return _Refused(text, Problem.of("$", None, "not a number"))
    whole, fraction, exponent = match.groups()
    if len(whole) + len(fraction or "") > MAX_NUMBER_DIGITS:
        return _Refused(text, _too_many_digits())
    if exponent and (len(exponent) > 6 or abs(int(exponent)) > MAX_EXPONENT):
        return _Refused(
            text,
            Problem.of(
                "$", None, "a number with an exponent larger than {limit}", limit=MAX_EXPONENT
            ),
        )
    return Decimal(text)  # JSON numbers with a fraction are read as Decimal, never as float


def _parse_constant(text: str) -> _Refused:
    return _Refused(text, Problem.of("$", None, "NaN and Infinity are not JSON numbers"))


_STRING: Final = re.compile(r'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_NOT_BRACKET: Final = re.compile(r"[^\[\]{}]++")
_STEP: Final = {"[": 1, "{": 1, "]": -1, "}": -1}
_TOKEN: Final = re.compile(r'"(?:[^"\\]++|\\.)*+"|[\[\]{}:,]|[^\[\]{}:,"]++', re.DOTALL)


def read_json(text: str | bytes) -> Any:
    """
    Decode JSON text within the bounds of :mod:`tradesecret.limits`, checked before conversion.

    The text is at most ``MAX_JSON_CHARS`` long and nested at most ``MAX_JSON_DEPTH`` deep;
    every number literal has at most ``MAX_NUMBER_DIGITS`` digits and an exponent of at most
    ``MAX_EXPONENT`` (so ``1E+999999`` costs nothing); ``NaN``, ``Infinity``, duplicate keys and
    strings that are not valid Unicode (lone surrogates) are refused. Numbers with a fraction
    are ``Decimal``, never ``float``.

    Raises:
        InvalidInputError: every problem, each with its JSON path (``$.data.wages[3]``).

    Examples:
        >>> read_json('{"a": [1, 2.50]}')
        {'a': [1, Decimal('2.50')]}
        >>> read_json('{"a": 1E+999999}')
        Traceback (most recent call last):
        ...
        tradesecret.exceptions.InvalidInputError: a number with an exponent larger than 40 @ $.a (got 1E+999999)
    """
    if not isinstance(text, str | bytes | bytearray):
        raise InvalidInputError.single("$", text, "JSON text is a string or UTF-8 bytes")
    if len(text) > MAX_JSON_CHARS:
        raise InvalidInputError.single(
            "$", len(text), "longer than {limit} characters", limit=f"{MAX_JSON_CHARS:,}"
        )
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidInputError(
                [Problem(path="$", value="", reason="malformed JSON: not UTF-8")]
            ) from None
    _check_depth(text)
    try:
        data = json.loads(
            text,
            parse_int=_parse_int,
            parse_float=_parse_float,
            parse_constant=_parse_constant,
            object_pairs_hook=_object,
        )
    except json.JSONDecodeError as exc:
        raise InvalidInputError([syntax_problem(exc)]) from None
    problems = list(_literal_problems(data))
    if problems:
        raise InvalidInputError(problems)
    return data


def syntax_problem(exc: json.JSONDecodeError) -> Problem:
    """Where the JSON text is malformed, and how, in the library's words (not the parser's)."""
    where = f"$ (line {exc.lineno}, column {exc.colno})"
    msg = exc.msg
    if msg.startswith("Expecting value"):
        return Problem(path=where, value="", reason="malformed JSON: a value is expected here")
    if msg.startswith("Expecting property name"):
        return Problem(
            path=where, value="", reason="malformed JSON: a key in double quotes is expected here"
        )
    if msg.startswith("Expecting ':'"):
        return Problem(path=where, value="", reason="malformed JSON: a colon is expected here")
    if msg.startswith("Expecting ','"):
        return Problem(path=where, value="", reason="malformed JSON: a comma is expected here")
    if msg.startswith("Unterminated string"):
        return Problem(path=where, value="", reason="malformed JSON: a string is not closed")
    if msg.startswith(("Invalid \\escape", "Invalid \\u")):
        return Problem(path=where, value="", reason="malformed JSON: an invalid escape")
    if msg.startswith("Invalid control character"):
        return Problem(
            path=where, value="", reason="malformed JSON: a control character inside a string"
        )
    if msg.startswith("Extra data"):
        return Problem(path=where, value="", reason="malformed JSON: text after the end")
    return Problem(path=where, value="", reason="malformed JSON")


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than the limit before the (recursive) JSON parser sees it."""
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return
    skeleton = _NOT_BRACKET.sub("", _STRING.sub("", text))
    if max(accumulate(map(_STEP.__getitem__, skeleton)), default=0) <= MAX_JSON_DEPTH:
        return
    problem = Problem.of("$", None, "nested deeper than {limit} levels", limit=MAX_JSON_DEPTH)
    raise InvalidInputError(
        [attrs.evolve(problem, path=_path_at_depth(text, MAX_JSON_DEPTH), value="")]
    )


def _path_at_depth(text: str, limit: int) -> str:
    """The JSON path of the first array or object nested ``limit`` levels deep."""
    stack: list[list[Any]] = []  # [is_object, key or index, expecting a key]
    for match in _TOKEN.finditer(text):
        token = match.group()
        head = token[0]
        if head in "[{":
            if len(stack) >= limit:
                break
            stack.append([head == "{", 0 if head == "[" else "", head == "{"])
        elif head in "]}":
            if stack:
                stack.pop()
        elif head == "," and stack:
            top = stack[-1]
            if top[0]:
                top[2] = True
            else:
                top[1] += 1
        elif head == '"' and stack and stack[-1][0] and stack[-1][2]:
            try:
                stack[-1][1] = json.loads(token)
            except ValueError:
                stack[-1][1] = token
            stack[-1][2] = False
    return "$" + "".join(_step(is_obj, key) for is_obj, key, _ in stack)


def _step(is_object: bool, key: Any) -> str:
    return f".{key}" if is_object else f"[{key}]"


def _literal_problems(data: Any) -> Iterator[Problem]:
    """Refused numbers, lone surrogates and duplicate keys, each with its path."""
    todo: list[tuple[str, Any]] = [("$", data)]
    while todo:
        path, node = todo.pop()
        if isinstance(node, _Refused):
            text = node.text if len(node.text) <= 60 else node.text[:59] + "…"
            yield attrs.evolve(node.problem, path=path, value=text)  # template: passed through
        elif isinstance(node, str):
            if _LONE_SURROGATE.search(node):
                yield Problem.of(path, node, "not valid Unicode (a lone surrogate)")
        elif isinstance(node, dict):
            for key in getattr(node, "duplicates", ()):
                yield Problem.of(f"{path}.{key}", key, "duplicate key")
            for key, value in reversed(node.items()):
                if _LONE_SURROGATE.search(key):
                    yield Problem.of(f"{path}.{key}", key, "a key that is not valid Unicode")
                todo.append((f"{path}.{key}", value))
        elif isinstance(node, list):
            todo += [(f"{path}[{i}]", v) for i, v in reversed(list(enumerate(node)))]


_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")
