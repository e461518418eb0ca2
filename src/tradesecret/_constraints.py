"""
JSON Schema constraints that attrs fields declare, so the published schema checks a value's
form exactly as the field's validator does (layer 0: no imports from the library).

A field declares its constraint in its ``metadata`` (``attrs.field(metadata=constrained(
pattern=SHA256_PATTERN))``), or a validator or converter used by many fields declares it once
(:func:`declare`). :func:`constraint_of` gives what the schema builder adds to the field's
string schema. The validators that declare a pattern check the text with it
(:func:`matches`), reading ``$`` as the end of the text, as ECMA-262 and JSON Schema do, so a
trailing newline is refused by both. The patterns use the syntax Python's :mod:`re` and
ECMA-262 share; where the two engines differ (``.`` and ``\\s`` for a few rare characters such
as U+2028 or U+FEFF), the reader's Python reading decides.

Examples:
    >>> import attrs
    >>> @attrs.frozen(kw_only=True)
    ... class File:
    ...     digest: str = attrs.field(metadata=constrained(pattern=SHA256_PATTERN))
    >>> constraint_of(attrs.fields(File).digest)
    {'pattern': '^[0-9a-f]{64}$'}
    >>> matches(SHA256_PATTERN, "0" * 64), matches(SHA256_PATTERN, "0" * 64 + "\\n")
    (True, False)
"""

from __future__ import annotations

import re
from typing import Any, Final

__all__ = [
    "CURRENCY_PATTERN",
    "ID_PATTERN",
    "JSON_SCHEMA_KEY",
    "NODE_ID_PATTERN",
    "SHA256_PATTERN",
    "TEXT_FIELD",
    "TEXT_PATTERN",
    "TRIMMED_FIELD",
    "TRIMMED_PATTERN",
    "constrained",
    "constraint_of",
    "declare",
    "matches",
]

#: The key of an attrs field's ``metadata`` that holds its JSON Schema constraint.
JSON_SCHEMA_KEY: Final = "json_schema"

#: A SHA-256 digest: 64 lowercase hex digits.
SHA256_PATTERN: Final = r"^[0-9a-f]{64}$"
#: An ISO 4217 currency code: three ASCII capital letters.
CURRENCY_PATTERN: Final = r"^[A-Z]{3}$"
#: An identifier of the domain model: non-blank, no surrounding spaces, one line.
ID_PATTERN: Final = r"^\S(.*\S)?$"
#: A node id of an evidence graph: 1-200 characters, no spaces or control characters.
NODE_ID_PATTERN: Final = r"^[^\s\x00-\x1f\ud800-\udfff]{1,200}$"
#: Text without surrounding spaces, not empty (it may span lines).
TRIMMED_PATTERN: Final = r"^\S([\s\S]*\S)?$"
#: Text with at least one character that is not a space.
TEXT_PATTERN: Final = r"\S"

#: Field metadata of a text that must not be blank.
TEXT_FIELD: Final = {JSON_SCHEMA_KEY: {"pattern": TEXT_PATTERN}}
#: Field metadata of an id without surrounding spaces (it may span lines).
TRIMMED_FIELD: Final = {JSON_SCHEMA_KEY: {"pattern": TRIMMED_PATTERN}}

_DECLARED: Final[dict[int, dict[str, Any]]] = {}
_COMPILED: dict[str, re.Pattern[str]] = {}


def constrained(**constraint: Any) -> dict[str, Any]:
    """The ``metadata`` of an attrs field that declares ``constraint`` (e.g. ``pattern=...``)."""
    return {JSON_SCHEMA_KEY: dict(constraint)}


def declare(check: Any, **constraint: Any) -> Any:
    """Declares the constraint that validator or converter ``check`` enforces; returns it."""
    _DECLARED[id(check)] = dict(constraint)
    return check


def constraint_of(field: Any) -> dict[str, Any] | None:
    """The JSON Schema constraint an attrs ``field`` declares (metadata, validator, converter)."""
    declared = field.metadata.get(JSON_SCHEMA_KEY)
    if declared is not None:
        return dict(declared)
    for check in _checks(field.validator) + _checks(field.converter):
        found = _DECLARED.get(id(check))
        if found is not None:
            return dict(found)
    return None


def _checks(check: Any) -> list[Any]:
    """``check`` and the validators attrs composed it of (``and_``, ``optional``)."""
    if check is None:
        return []
    out = [check]
    for name in ("_validators", "validators", "validator"):
        inner = getattr(check, name, None)
        if isinstance(inner, tuple | list):
            for part in inner:
                out += _checks(part)
        elif inner is not None and callable(inner) and inner is not check:
            out += _checks(inner)
    return out


def matches(pattern: str, value: object) -> bool:
    """True when ``value`` is a string that ``pattern`` accepts as JSON Schema reads it
    (``$`` is the very end of the text, as in ECMA-262)."""
    if not isinstance(value, str):
        return False
    compiled = _COMPILED.get(pattern)
    if compiled is None:
        text = pattern[:-1] + r"\Z" if pattern.endswith("$") else pattern
        compiled = _COMPILED.setdefault(pattern, re.compile(text))
    return compiled.search(value) is not None
