"""Fields declare their JSON Schema constraint; validators and the schema read a text alike."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from tradesecret._constraints import (
    CURRENCY_PATTERN,
    ID_PATTERN,
    NODE_ID_PATTERN,
    SHA256_PATTERN,
    TEXT_PATTERN,
    TRIMMED_PATTERN,
    constrained,
    constraint_of,
    declare,
    matches,
)
from tradesecret.casefile._schema import json_schema


def _check(_instance: object, _attribute: attrs.Attribute[Any], _value: object) -> None:
    """A validator that declares a pattern (for the tests)."""


def _strip(value: str) -> str:
    return value


declare(_check, pattern="^a+$")
declare(_strip, pattern="^b+$")


@attrs.frozen(kw_only=True)
class _Sample:
    digest: str = attrs.field(metadata=constrained(pattern=SHA256_PATTERN))
    plain: str = attrs.field(validator=_check)
    composed: str | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(
            attrs.validators.and_(_check, attrs.validators.min_len(1))
        ),
    )
    converted: str = attrs.field(default="b", converter=_strip)
    free: str = ""


def test_a_field_declares_its_constraint_by_metadata_validator_or_converter() -> None:
    """Metadata wins; else a declared validator (also inside ``optional``/``and_``) or a
    declared converter; a field without one has none."""
    fields = attrs.fields(_Sample)
    assert constraint_of(fields.digest) == {"pattern": "^[0-9a-f]{64}$"}
    assert constraint_of(fields.plain) == {"pattern": "^a+$"}
    assert constraint_of(fields.composed) == {"pattern": "^a+$"}
    assert constraint_of(fields.converted) == {"pattern": "^b+$"}
    assert constraint_of(fields.free) is None


def test_the_schema_builder_adds_the_constraint_to_the_string_branch() -> None:
    """The pattern goes on the string schema; of ``str | None`` on the string branch only."""
    props = json_schema(_Sample)["properties"]
    assert props["digest"] == {"type": "string", "pattern": SHA256_PATTERN}
    assert props["composed"] == {"anyOf": [{"type": "string", "pattern": "^a+$"}, {"type": "null"}]}
    assert props["free"] == {"type": "string"}


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        (SHA256_PATTERN, "ab" * 32, True),
        (SHA256_PATTERN, "ab" * 32 + "\n", False),
        (SHA256_PATTERN, "AB" * 32, False),
        (CURRENCY_PATTERN, "CNY", True),
        (CURRENCY_PATTERN, "ÄÖÜ", False),
        (CURRENCY_PATTERN, "CNY\n", False),
        (ID_PATTERN, "NC-9", True),
        (ID_PATTERN, " NC-9", False),
        (ID_PATTERN, "a\nb", False),
        (NODE_ID_PATTERN, "X-MAIL", True),
        (NODE_ID_PATTERN, "X MAIL", False),
        (NODE_ID_PATTERN, "x" * 201, False),
        (TRIMMED_PATTERN, "a\nb", True),
        (TRIMMED_PATTERN, "a ", False),
        (TEXT_PATTERN, " x ", True),
        (TEXT_PATTERN, " \t", False),
        (SHA256_PATTERN, None, False),
    ],
)
def test_patterns_read_the_whole_text(pattern: str, text: object, expected: bool) -> None:
    """``$`` is the end of the text (ECMA-262): no trailing newline slips through; a value
    that is not text never matches."""
    assert matches(pattern, text) is expected
