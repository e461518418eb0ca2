"""Case files: envelope, every problem listed with its path, round trip, schema."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pendulum
import pytest

from tradesecret.casefile import (
    CaseKinds,
    case_schema,
    dump_case,
    envelope_schema,
    json_schema,
    load_case,
    review_case,
)
from tradesecret.exceptions import InvalidInputError
from tradesecret.i18n import explain
from tradesecret.money import Money
from tradesecret.results import Severity


def problems(kinds: CaseKinds, raw: object) -> dict[str, str]:
    with pytest.raises(InvalidInputError) as info:
        load_case(raw if isinstance(raw, str | bytes) else json.dumps(raw), kinds=kinds)
    return {p.path: p.reason for p in info.value.problems}


class TestLoad:
    def test_valid_case_structures_the_data(self, kinds: CaseKinds, good: dict[str, Any]) -> None:
        """A valid file gives the typed data and the date."""
        case = load_case(json.dumps(good), kinds=kinds)
        assert "Sample" == type(case.data).__name__
        assert Money("6000.00") == case.data.payments[0].amount
        assert pendulum.date(2025, 9, 1) == case.as_of

    def test_round_trip(self, kinds: CaseKinds, good: dict[str, Any]) -> None:
        """dump_case then load_case gives the same case."""
        case = load_case(good, kinds=kinds)
        assert case == load_case(dump_case(case), kinds=kinds)

    def test_malformed_json_names_line_and_column(self, kinds: CaseKinds) -> None:
        """Broken JSON is one problem with its position."""
        found = problems(kinds, '{"format": "tradesecret-case",\n "kind": }')
        assert ["$ (line 2, column 10)"] == list(found)
        assert found["$ (line 2, column 10)"].startswith("malformed JSON")

    def test_every_envelope_problem_is_listed(self, kinds: CaseKinds) -> None:
        """Wrong format, version, unknown kind, impossible date and missing data: all at once."""
        found = problems(
            kinds, {"format": "x", "version": 2, "kind": "nope", "as_of": "2025-02-30", "extra": 1}
        )
        assert {"$", "$.format", "$.version", "$.kind", "$.as_of", "$.data"} == set(found)
        assert "unknown case kind" in found["$.kind"]

    def test_wrong_types_in_data_have_paths(self, kinds: CaseKinds, good: dict[str, Any]) -> None:
        """Each wrong field in data is reported under $.data with its own path."""
        good["data"]["months"] = "thirty"
        good["data"]["payments"][0]["amount"] = {"amount": "abc"}
        good["data"]["payments"][0]["date"] = "2025-13-01"
        found = problems(kinds, good)
        assert "$.data.months" in found
        assert any(p.startswith("$.data.payments[0].amount") for p in found)
        assert any(p.startswith("$.data.payments[0].date") for p in found)

    def test_unknown_data_field(self, kinds: CaseKinds, good: dict[str, Any]) -> None:
        """An unknown key is refused, never ignored."""
        good["data"]["salary"] = "1"
        with pytest.raises(InvalidInputError) as info:
            load_case(json.dumps(good), kinds=kinds)
        assert [("$.data", "unknown fields", '["salary"]')] == [
            (p.path, p.reason, p.value) for p in info.value.problems
        ]

    def test_json_number_amount_is_refused(self, kinds: CaseKinds, good: dict[str, Any]) -> None:
        """An amount written as a JSON number is refused, as the schema says: amounts are text."""
        text = json.dumps(good).replace('"6000.00"', "6000.10")
        with pytest.raises(InvalidInputError) as info:
            load_case(text, kinds=kinds)
        expected = (
            'expected a decimal string such as "6000.00", got a number'
            " @ $.data.payments[0].amount.amount (got 6000.10)"
        )
        assert [expected] == list(info.value.lines())

    def test_not_an_object(self, kinds: CaseKinds) -> None:
        """A JSON array is not a case file."""
        assert ["$"] == list(problems(kinds, "[1, 2]"))


class TestReview:
    def test_findings_and_fail_threshold(self, kinds: CaseKinds, good: dict[str, Any]) -> None:
        """The review collects the findings; fails() compares with the threshold."""
        review = review_case(load_case(good, kinds=kinds), kinds=kinds)
        assert ("report.example",) == tuple(f.code for f in review.findings())
        assert Severity.HIGH == review.worst_severity()
        assert (True, False) == (review.fails(Severity.HIGH), review.fails(Severity.CRITICAL))

    def test_as_of_override(self, kinds: CaseKinds, good: dict[str, Any]) -> None:
        """review_case(as_of=...) overrides the file's date."""
        review = review_case(
            load_case(good, kinds=kinds), as_of=pendulum.date(2026, 1, 1), kinds=kinds
        )
        assert pendulum.date(2026, 1, 1) == review.as_of

    def test_explains_in_both_languages(self, kinds: CaseKinds, good: dict[str, Any]) -> None:
        """A review explains itself in Chinese and English."""
        review = review_case(load_case(good, kinds=kinds), kinds=kinds)
        zh, en = explain(review, locale="zh_CN"), explain(review, locale="en", format="markdown")
        assert "《劳动合同法》第二十四条" in zh and "LCL Art. 24" in en
        assert "1 findings" in en


class TestSchema:
    def test_generated_schema_validates_good_and_rejects_bad(
        self, kinds: CaseKinds, good: dict[str, Any]
    ) -> None:
        """The kind's schema accepts the good file and rejects wrong types."""
        schema = case_schema("sample", kinds=kinds)
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.validate(good, schema)
        good["data"]["payments"][0]["amount"]["amount"] = 6000
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(good, schema)

    def test_schema_shapes(self, kinds: CaseKinds) -> None:
        """Money, dates, tuples, optionals and required fields follow the converter."""
        schema = json_schema(kinds["sample"].data_type())
        props = schema["properties"]
        assert ["name", "months"] == schema["required"]
        assert {"$ref": "#/$defs/Payment"} == props["payments"]["items"]
        assert {"type": "null"} in props["note"]["anyOf"]
        pay = schema["$defs"]["Payment"]
        assert "date" == pay["properties"]["date"]["format"]
        assert ["amount"] == pay["properties"]["amount"]["required"]
        assert "When it was paid." == pay["properties"]["date"]["description"]
        assert False is schema["additionalProperties"]

    def test_envelope_schema_is_valid(self, kinds: CaseKinds) -> None:
        """The envelope schema is a valid draft 2020-12 schema listing the kinds."""
        schema = envelope_schema(kinds)
        jsonschema.Draft202012Validator.check_schema(schema)
        assert ["sample"] == schema["properties"]["kind"]["enum"]

    def test_unknown_schema_name(self, kinds: CaseKinds) -> None:
        """An unknown name is bad input."""
        with pytest.raises(InvalidInputError):
            case_schema("nope", kinds=kinds)
