"""The preservation case file carries facts left out as not stated, through the review and the schema."""

from __future__ import annotations

import json
from typing import Any

from tradesecret.casefile import case_schema, example_text, load_case, review_case
from tradesecret.evidence import Measure
from tradesecret.facts import UNKNOWN
from tradesecret.preservation import PreservationAssessment
from tradesecret.results import Outcome


def example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(example_text("preservation"))
    return data


class TestFactsLeftOut:
    def test_security_and_dates_left_out(self) -> None:
        """Security left out, discovery date null, measure dates left out: not stated, listed as missing."""
        data = example()
        app = data["data"]["application"]
        app.pop("security")
        app["urgency"]["discovered_on"] = None
        for measure in data["data"]["evidence"]["measures"]:
            measure.pop("since", None)
        case = load_case(data)
        review = review_case(case)
        pa = next(r for r in review.results if isinstance(r, PreservationAssessment))

        assert case.data.application.security.amount is UNKNOWN
        assert case.data.application.urgency.discovered_on is UNKNOWN
        assert all(
            m.since is UNKNOWN for m in case.data.evidence.measures if isinstance(m, Measure)
        )
        assert Outcome.INSUFFICIENT_EVIDENCE == pa.factor("preservation.readiness.security").outcome
        assert "security.amount" == pa.missing()[0].fact
        assert "preservation.gap.security_missing_pre_suit" not in pa.codes()

    def test_zero_security_is_stated_none(self) -> None:
        """An amount of zero states that no security is offered: the pre-suit application fails."""
        data = example()
        data["data"]["application"]["security"] = {"amount": {"amount": "0", "currency": "CNY"}}
        review = review_case(load_case(data))
        pa = next(r for r in review.results if isinstance(r, PreservationAssessment))

        assert Outcome.NOT_MET == pa.factor("preservation.readiness.security").outcome
        assert Outcome.NOT_MET == pa.outcome

    def test_schema_says_null_is_not_stated(self) -> None:
        """The JSON Schema marks the security amount and the measure date as nullable, null = not stated."""
        text = json.dumps(case_schema("preservation"))

        assert '"x-unknown"' in text
        schema = json.loads(text)
        defs = schema.get("$defs", schema.get("definitions", {}))
        security = defs["Security"]["properties"]["amount"]
        measure = defs["Measure"]["properties"]["since"]
        assert {"type": "null"} in security["anyOf"]
        assert {"type": "null"} in measure["anyOf"]
