"""The JSON review output stands alone: sentences, tiers and citation labels in the locale."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest

from tradesecret.casefile import example_names, example_text, load_case, review_case, review_schema
from tradesecret.reports import render


def _review_json(name: str, locale: str) -> dict[str, Any]:
    review = review_case(load_case(example_text(name)))
    out: dict[str, Any] = json.loads(render(review, locale=locale, format="json"))
    return out


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _findings(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in _walk(doc) if "severity" in n and "code" in n and "args" in n]


class TestMessages:
    def test_noncompete_finding_in_english(self) -> None:
        """The eligibility finding carries its English sentence, tier, binding and cited label."""
        doc = _review_json("noncompete", "en")
        found = next(f for f in _findings(doc) if f["code"] == "noncompete.eligibility.eligible")
        assert found["message"].startswith("The employee is senior technical staff")
        assert "law" == found["tier"]
        assert found["binding"] is True
        assert "LCL Art. 24(1)" == found["citations"][0]["label"]
        assert "en" == doc["locale"]

    def test_noncompete_finding_in_chinese(self) -> None:
        """The same finding in Chinese carries the Chinese citation label."""
        doc = _review_json("noncompete", "zh_CN")
        found = next(f for f in _findings(doc) if f["code"] == "noncompete.eligibility.eligible")
        assert "《劳动合同法》第二十四条第一款" == found["citations"][0]["label"]
        assert "zh_CN" == doc["locale"]

    @pytest.mark.parametrize("name", example_names())
    def test_zh_and_en_differ_but_codes_agree(self, name: str) -> None:
        """Every finding has a message in each locale; the sentences differ, the codes do not."""
        zh, en = _findings(_review_json(name, "zh_CN")), _findings(_review_json(name, "en"))
        assert [f["code"] for f in zh] == [f["code"] for f in en]
        assert zh, "every shipped example has findings"
        assert all(a["message"] != b["message"] for a, b in zip(zh, en, strict=True))

    def test_criteria_and_determinations_carry_messages(self) -> None:
        """Criteria and determinations of the non-compete review carry message, tier, binding."""
        doc = _review_json("noncompete", "en")
        criteria = doc["results"][0]["value"]["criteria"]
        assert all({"message", "outcome_label", "tier", "binding"} <= set(c) for c in criteria)
        floor = doc["results"][1]["value"]
        dets = [n for n in _walk(floor) if "rule" in n and "value" in n and "trace" in n]
        assert dets
        assert all({"message", "value_text", "rule_label", "tier"} <= set(d) for d in dets)

    def test_guidance_finding_is_not_binding(self) -> None:
        """A finding resting only on guidance and library policy says binding false."""
        doc = _review_json("noncompete", "en")
        found = next(
            f
            for f in _findings(doc)
            if f["code"] == "noncompete.eligibility.necessity_not_assessed"
        )
        assert found["binding"] is False
        assert "administrative_guidance" == found["tier"]


class TestSchema:
    @pytest.mark.parametrize("name", example_names())
    @pytest.mark.parametrize("locale", ["zh_CN", "en"])
    def test_output_validates(self, name: str, locale: str) -> None:
        """The review output of every shipped example validates against the review schema."""
        jsonschema.validate(_review_json(name, locale), review_schema())

    def test_schema_requires_messages(self) -> None:
        """The schema makes message, tier and binding required on findings."""
        finding = review_schema()["$defs"]["Finding"]
        assert {"message", "tier", "binding"} <= set(finding["required"])

    def test_finding_without_message_is_refused(self) -> None:
        """Output stripped of a message fails the schema (the schema checks it, not just lists it)."""
        doc = _review_json("noncompete", "en")
        del doc["results"][0]["value"]["criteria"][0]["findings"][0]["message"]
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(doc, review_schema())
