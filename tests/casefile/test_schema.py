"""The JSON Schema generator: every supported type, validated against real documents."""

from __future__ import annotations

import enum
import json
from decimal import Decimal
from pathlib import Path
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


class TestReviewSchema:
    def test_every_example_review_validates(self, tmp_path: Path) -> None:
        """`review --format json` of every shipped example validates against `schema review`."""
        import io  # noqa: PLC0415
        import json  # noqa: PLC0415

        import jsonschema  # noqa: PLC0415

        from tradesecret.casefile import example_names, example_text, review_schema  # noqa: PLC0415
        from tradesecret.cli import main  # noqa: PLC0415

        schema = review_schema()
        jsonschema.Draft202012Validator.check_schema(schema)
        seen: set[str] = set()
        for name in example_names():
            file = tmp_path / f"{name}.json"
            file.write_text(example_text(name), encoding="utf-8")
            out = io.StringIO()
            assert 0 == main(
                ["review", str(file), "--format", "json"], stdout=out, stderr=io.StringIO()
            )
            data = json.loads(out.getvalue())
            jsonschema.validate(data, schema)
            seen |= {r["type"] for r in data["results"]}
        assert {
            "Assessment",
            "CompensationFloor",
            "CompensationState",
            "DisclosurePackage",
            "PreservationAssessment",
            "Timetable",
            "EvidenceEvaluation",
        } <= seen

    def test_a_wrong_value_is_caught(self) -> None:
        """The schema is not vacuous: a result with a float amount fails it."""
        import jsonschema  # noqa: PLC0415

        from tradesecret.casefile import review_schema  # noqa: PLC0415

        bad = {
            "kind": "x",
            "title": "",
            "as_of": "2025-01-01",
            "missing": [],
            "results": [{"type": "Timetable", "value": {"clocks": 1.5}}],
        }
        try:
            jsonschema.validate(bad, review_schema())
        except jsonschema.ValidationError:
            return
        raise AssertionError("schema accepted a malformed result")
