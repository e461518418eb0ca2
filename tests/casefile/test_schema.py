"""The JSON Schema generator: every supported type, validated against real documents."""

from __future__ import annotations

import enum
import json
from decimal import Decimal
from typing import Any, Literal

import attrs
import jsonschema
import pendulum
import pytest

from tradesecret.casefile import json_schema
from tradesecret.money import Money, Ratio
from tradesecret.serialization import structure, to_json


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


@attrs.frozen(kw_only=True)
class Leaf:
    """A leaf."""

    name: str


@attrs.frozen(kw_only=True)
class Other:
    """Another leaf."""

    size: int


@attrs.frozen(kw_only=True)
class Tree:
    """A recursive node."""

    label: str
    children: tuple[Tree, ...] = ()


@attrs.frozen(kw_only=True)
class Everything:
    """
    Every kind of field.

    Attributes:
        flag: A boolean.
    """

    flag: bool
    count: int
    text: str
    amount: Money
    share: Ratio
    exact: Decimal
    day: pendulum.Date
    moment: pendulum.DateTime
    colour: Colour
    mode: Literal["a", "b"]
    tags: tuple[str, ...]
    unique: frozenset[str]
    pair: tuple[int, str]
    lookup: dict[str, int]
    either: Leaf | Other
    maybe: Leaf | None = None
    tree: Tree | None = None
    internal: int = attrs.field(init=False, default=0)


DOC: dict[str, Any] = {
    "flag": True,
    "count": 3,
    "text": "文",
    "amount": {"amount": "6000.00", "currency": "CNY"},
    "share": "0.3",
    "exact": "1.25",
    "day": "2025-09-01",
    "moment": "2025-09-01T10:00:00+08:00",
    "colour": "red",
    "mode": "a",
    "tags": ["x", "y"],
    "unique": ["p"],
    "pair": [1, "one"],
    "lookup": {"k": 1},
    "either": {"size": 2},
    "tree": {"label": "root", "children": [{"label": "leaf"}]},
}


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    """The schema of Everything."""
    generated = json_schema(Everything)
    jsonschema.Draft202012Validator.check_schema(generated)
    return generated


class TestJsonSchema:
    def test_document_validates_and_structures(self, schema: dict[str, Any]) -> None:
        """A document valid for the schema is one the converter reads, and round-trips."""
        jsonschema.validate(DOC, schema)
        value = structure(DOC, Everything)
        assert Money("6000.00") == value.amount
        jsonschema.validate(json.loads(to_json(value)), schema)

    @pytest.mark.parametrize(
        ("field", "bad"),
        [
            ("flag", 1),
            ("count", True),
            ("count", "3"),
            ("amount", {"amount": 6000.5}),
            ("amount", {"amount": "1", "cents": 3}),
            ("share", 0.3),
            ("day", "1 Sep 2025"),
            ("colour", "green"),
            ("mode", "c"),
            ("tags", "x"),
            ("unique", ["p", "p"]),
            ("pair", [1, "one", 2]),
            ("lookup", {"k": "1"}),
            ("either", {"colour": "red"}),
            ("tree", {"label": "r", "children": [{"name": "x"}]}),
            ("internal", 1),
        ],
    )
    def test_wrong_values_are_refused(self, schema: dict[str, Any], field: str, bad: Any) -> None:
        """Each wrong shape is a validation error."""
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**DOC, field: bad}, schema)

    def test_required_optional_and_docs(self, schema: dict[str, Any]) -> None:
        """Fields with defaults are optional; init=False fields are absent; docstrings describe."""
        assert "maybe" not in schema["required"] and "flag" in schema["required"]
        assert "internal" not in schema["properties"]
        assert "A boolean." == schema["properties"]["flag"]["description"]
        assert {"$ref": "#/$defs/Tree"} == schema["$defs"]["Tree"]["properties"]["children"][
            "items"
        ]

    def test_unsupported_type(self) -> None:
        """A field type without a JSON form is a TypeError naming it."""

        @attrs.frozen
        class Bad:
            value: complex

        with pytest.raises(TypeError, match="complex"):
            json_schema(Bad)
