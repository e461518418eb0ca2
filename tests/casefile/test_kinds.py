"""Every built-in kind: its shipped example loads, round-trips, reviews and explains itself."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pendulum
import pytest

from tradesecret.casefile import (
    case_schema,
    default_kinds,
    dump_case,
    example_names,
    example_text,
    load_case,
    review_case,
)
from tradesecret.evidence import ClaimCode
from tradesecret.exceptions import InvalidInputError
from tradesecret.i18n import explain
from tradesecret.money import Money
from tradesecret.reports import render_html
from tradesecret.results import Outcome
from tradesecret.rulebook import default_rulebook
from tradesecret.serialization import to_json

KINDS = [name for name in example_names() if default_kinds()[name].available()]


def test_all_five_domain_inputs_have_a_kind() -> None:
    """The five domain inputs of the issue each have a kind with a shipped example."""
    assert {
        "trade_secret",
        "noncompete",
        "supply_chain",
        "factory_audit",
        "preservation",
        "trade_secret_enforcement",
    } == set(example_names())


@pytest.mark.parametrize("name", KINDS)
class TestEveryKind:
    def test_round_trip(self, name: str) -> None:
        """load -> dump -> load gives the same case."""
        case = load_case(example_text(name))
        assert case == load_case(dump_case(case))

    def test_reviews_and_explains_in_both_languages(self, name: str) -> None:
        """The review has results and explains itself in Chinese and English."""
        review = review_case(load_case(example_text(name)))
        assert review.results
        assert explain(review, locale="zh_CN") and explain(review, locale="en", format="markdown")

    def test_html_report(self, name: str) -> None:
        """The HTML report renders, bilingual."""
        html = render_html(review_case(load_case(example_text(name))), locale="bilingual")
        assert 'lang="zh-CN"' in html and 'lang="en"' in html

    def test_schema_rejects_a_wrong_type(self, name: str) -> None:
        """The published schema refuses an as_of that is not a date string."""
        raw = json.loads(example_text(name))
        raw["as_of"] = 20250901
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(raw, case_schema(name))


class TestNoncompete:
    def test_ledger_as_of_the_example(self) -> None:
        """Two instalments overdue, CN¥12,000.00 arrears, a guidance release right since 2025-12-01."""
        review = review_case(load_case(example_text("noncompete")))
        state: Any = review.results[-1]
        assert Money("12000.00") == state.arrears
        assert pendulum.date(2025, 12, 1) == state.release_rights[0].arose_on
        assert ["paid", "paid_late", "overdue", "overdue"] == [
            i.status.value for i in state.instalments[:4]
        ]

    def test_as_of_earlier_ignores_later_events(self) -> None:
        """As of 2025-10-15 nothing is overdue yet."""
        review = review_case(
            load_case(example_text("noncompete")), as_of=pendulum.date(2025, 10, 15)
        )
        last: Any = review.results[-1]
        assert Money("0.00") == last.arrears

    def test_compensation_timeline_picture(self) -> None:
        """The HTML report draws one bar per instalment."""
        html = render_html(review_case(load_case(example_text("noncompete"))), locale="en")
        assert 12 == html.count('class="ts-bar"')

    def test_unknown_region_is_bad_input(self) -> None:
        """Every unknown region code is refused at load time, each with its JSON path."""
        raw = json.loads(example_text("noncompete"))
        raw["data"]["employee"]["place_of_performance"] = "CN-XX"
        raw["data"]["ledger"]["terms"]["region"] = "CN-YY"
        with pytest.raises(InvalidInputError) as info:
            load_case(raw)
        assert [
            'unknown region code @ $.data.employee.place_of_performance (got "CN-XX")',
            'unknown region code @ $.data.ledger.terms.region (got "CN-YY")',
        ] == list(info.value.lines())

    def test_a_tenant_rulebook_may_add_regions(self) -> None:
        """A region defined in the caller's rulebook is accepted when that rulebook is given."""
        raw = json.loads(example_text("noncompete"))
        raw["data"]["employee"]["place_of_performance"] = "CN-SH-PD"
        raw["data"]["ledger"]["terms"]["region"] = "CN-SH-PD"
        book = default_rulebook().extended(
            '[[region]]\ncode = "CN-SH-PD"\nname_zh = "浦东新区"\nname_en = "Pudong"\nparent = "CN-SH"\n'
        )
        with pytest.raises(InvalidInputError):
            load_case(raw)
        assert "CN-SH-PD" == load_case(raw, rulebook=book).data.employee.place_of_performance


class TestPreservation:
    def test_evidence_graph_and_clock(self) -> None:
        """The forwarded document is an established act; the 48-hour ruling clock is computed."""
        review = review_case(load_case(example_text("preservation")))
        evidence: Any = review.results[0]
        assessment, timetable = review.results[1:]
        assert ("E-1024", "EV-FWD", "C-SPEC-7", "TS-CELL-01") in evidence.evaluation.paths
        assert Outcome.MET == evidence.evaluation.outcome_of(ClaimCode.ACCESS)
        assert "2025-09-18 10:00 (UTC+8)" in explain(timetable, locale="en")
        assert "preservation" == assessment.__class__.__module__.split(".")[1]

    def test_evidence_picture(self) -> None:
        """The HTML report draws the evidence chain."""
        html = render_html(review_case(load_case(example_text("preservation"))), locale="en")
        assert 'class="ts-graph"' in html and 'data-kind="event"' in html

    def test_wrong_edge_is_reported_with_its_path(self) -> None:
        """An edge between the wrong node kinds is bad input at $.data.evidence.edges[i]."""
        raw = json.loads(example_text("preservation"))
        raw["data"]["evidence"]["edges"].append(
            {"kind": "embodies", "source": "E-1024", "target": "TS-CELL-01"}
        )
        with pytest.raises(InvalidInputError) as info:
            review_case(load_case(raw))
        assert ["$.data.evidence.edges[14]"] == [p.path for p in info.value.problems]

    def test_unknown_edge_node_is_reported_at_its_field(self) -> None:
        """An edge naming no node is bad input at the edge's field, with its template."""
        raw = json.loads(example_text("preservation"))
        raw["data"]["evidence"]["edges"].append(
            {"kind": "embodies", "source": "NOPE", "target": "TS-CELL-01"}
        )
        with pytest.raises(InvalidInputError) as info:
            review_case(load_case(raw))
        assert [("$.data.evidence.edges[14].source", "no node with this id")] == [
            (p.path, p.template) for p in info.value.problems
        ]


class TestSupplyChain:
    def test_plan_withholds_core_algorithm(self) -> None:
        """Releasing the BMS algorithm in full at pilot run is a finding; the code book never leaks."""
        review = review_case(load_case(example_text("supply_chain")))
        package: Any = review.results[0]
        assert ["withhold"] == [e.form.value for e in package.entries if e.item_id == "bms-algo"]
        assert 1 == len(review.findings())
        text = to_json(package)
        assert "Capacity Level" in text and '"280"' not in text
