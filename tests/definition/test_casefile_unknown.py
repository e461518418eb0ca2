"""The trade_secret case file carries unknown facts: a field left out or null is not stated."""

from __future__ import annotations

import json
from typing import Any

import jsonschema

from tradesecret.casefile import case_schema, example_text, load_case, review_case
from tradesecret.facts import UNKNOWN
from tradesecret.i18n import explain
from tradesecret.results import Assessment, Outcome


def _case(mutate: Any) -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(example_text("trade_secret"))
    mutate(raw["data"])
    return raw


def _assessment(raw: dict[str, Any]) -> Assessment:
    review = review_case(load_case(json.dumps(raw)))
    return next(r for r in review.results if isinstance(r, Assessment) and r.kind == "trade_secret")


def test_left_out_and_null_are_not_stated() -> None:
    """Value evidence left out and a measure's evidence null: both unknown, listed as missing."""

    def mutate(data: dict[str, Any]) -> None:
        del data["secret"]["value_evidence"]
        for m in data["measures"]:
            m["evidence"] = None

    raw = _case(mutate)
    jsonschema.validate(raw, case_schema("trade_secret"))
    case = load_case(json.dumps(raw))
    assert UNKNOWN is case.data.secret.value_evidence
    assert UNKNOWN is case.data.measures[0].evidence

    a = _assessment(raw)
    assert Outcome.INSUFFICIENT_EVIDENCE == a.outcome
    assert {"value_evidence", "measures[M-NDA].evidence", "measures[M-ACCESS].evidence"} <= {
        m.fact for m in a.missing()
    }
    assert "value_evidence" in explain(a, locale="en") or "commercial value" in explain(
        a, locale="en"
    )


def test_empty_list_is_stated_none() -> None:
    """``[]`` for value evidence is "stated: none": a finding, no missing fact."""

    def mutate(data: dict[str, Any]) -> None:
        data["secret"]["value_evidence"] = []

    a = _assessment(_case(mutate))
    assert "definition.value.no_evidence" in a.codes()
    assert "value_evidence" not in {m.fact for m in a.missing()}


def test_shipped_example_still_met() -> None:
    """The shipped example states every fact the outcome turns on: met."""
    a = _assessment(json.loads(example_text("trade_secret")))
    assert Outcome.MET == a.outcome
