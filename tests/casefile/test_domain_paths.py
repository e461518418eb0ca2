"""Errors the definition, supply-chain and evidence domains raise for a case file: full JSON paths."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from tradesecret.casefile import example_text, load_case, review_case
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.i18n import Localizer

Edit = Callable[[dict[str, Any]], None]


def problems(kind: str, edit: Edit) -> list[Problem]:
    """The problems of the shipped example of ``kind`` after ``edit`` of its ``data``."""
    raw = json.loads(example_text(kind))
    edit(raw["data"])
    with pytest.raises(InvalidInputError) as info:
        review_case(load_case(raw))
    return list(info.value.problems)


def put(*steps: str | int, value: object) -> Edit:
    """An edit setting the value at ``steps`` under ``data``."""

    def edit(data: dict[str, Any]) -> None:
        node: Any = data
        for step in steps[:-1]:
            node = node[step]
        node[steps[-1]] = value

    return edit


def repeat_first(*steps: str | int) -> Edit:
    """An edit appending a copy of the first element of the list at ``steps``."""

    def edit(data: dict[str, Any]) -> None:
        node: Any = data
        for step in steps:
            node = node[step]
        node.append(copy.deepcopy(node[0]))

    return edit


def where(found: list[Problem]) -> list[tuple[str, str]]:
    """(path, template) of each problem."""
    return [(p.path, p.template) for p in found]


class TestEvidence:
    """Evidence nodes and edges of a preservation case."""

    def test_edge_endpoint(self) -> None:
        """An edge naming no node: the edge's ``source``, the template kept (no path in the reason)."""
        found = problems("preservation", put("evidence", "edges", 0, "source", value="NOPE"))
        assert [("$.data.evidence.edges[0].source", "no node with this id")] == where(found)
        assert "no node with this id" == found[0].reason

    def test_edge_kinds(self) -> None:
        """An edge whose kind does not join its nodes: the edge, with the kinds as parameters."""
        found = problems("preservation", put("evidence", "edges", 0, "kind", value="owns"))
        assert ["$.data.evidence.edges[0]"] == [p.path for p in found]
        assert (
            ("kind", "owns"),
            ("sources", "party"),
            ("targets", "carrier/secret"),
            ("source", "carrier"),
            ("target", "secret"),
        ) == found[0].params

    def test_stance_and_strength(self) -> None:
        """A stance on a non-evidence edge and a strength over 1, each at its field."""
        found = problems("preservation", put("evidence", "edges", 1, "stance", value="rebuts"))
        assert [("$.data.evidence.edges[1].stance", "only evidences edges have a stance")] == where(
            found
        )
        found = problems("preservation", put("evidence", "edges", 10, "strength", value="1.5"))
        assert [("$.data.evidence.edges[10].strength", "must be a number from 0 to 1")] == where(
            found
        )

    def test_node_fields(self) -> None:
        """A duplicate party id, a bad event id and a bad digest: each node's own field."""
        found = problems("preservation", put("evidence", "parties", 1, "id", value="NINGCHUAN"))
        assert ("$.data.evidence.parties[1].id", "another node already has this id") == where(
            found
        )[0]
        found = problems("preservation", put("evidence", "events", 0, "id", value="bad id"))
        assert "$.data.evidence.events[0].id" == found[0].path
        found = problems("preservation", put("evidence", "items", 2, "sha256", value="zz"))
        assert ["$.data.evidence.items[2].sha256"] == [p.path for p in found]

    def test_collector_not_a_party(self) -> None:
        """An item collected by someone who is not a party: the item's ``collected_by``."""
        found = problems(
            "preservation", put("evidence", "items", 1, "collected_by", value="NOBODY")
        )
        assert [("$.data.evidence.items[1].collected_by", "not a party node")] == where(found)

    def test_secret_and_respondent(self) -> None:
        """The evaluated secret and respondent are named at the evidence section's fields."""
        found = problems("preservation", put("evidence", "respondent", value="NINGCHUAN-X"))
        assert [("$.data.evidence.respondent", "no party with this id")] == where(found)
        found = problems("preservation", put("evidence", "secret", value="TS-NOPE"))
        assert [("$.data.evidence.secret", "no secret with this id")] == where(found)

    def test_secret_from_the_application(self) -> None:
        """No secret named in the evidence: the application's first secret is the one at fault."""

        def edit(data: dict[str, Any]) -> None:
            data["evidence"]["secret"] = None
            data["application"]["secrets"][0]["id"] = "TS-OTHER"
            for order in data["application"]["orders"]:
                order["secrets"] = ["TS-OTHER"]

        found = problems("preservation", edit)
        assert [("$.data.application.secrets[0].id", "no secret with this id")] == where(found)

    def test_said_in_chinese(self) -> None:
        """The re-rooted problem is said in Chinese from its template and parameters."""
        found = problems("preservation", put("evidence", "edges", 0, "kind", value="owns"))
        line = Localizer.for_locale("zh_CN").problem(found[0])
        assert "owns 连接 party -> carrier/secret，而非 carrier -> secret" in line
        assert "$.data.evidence.edges[0]" in line


class TestDefinition:
    """A trade-secret case: the secret's own lists."""

    def test_duplicate_carrier_and_point(self) -> None:
        """Duplicate ids are named under ``$.data.secret``, not under the secret's id."""
        found = problems("trade_secret", repeat_first("secret", "carriers"))
        assert [("$.data.secret.carriers[1].id", "duplicate id")] == where(found)
        found = problems("trade_secret", repeat_first("secret", "points"))
        assert [("$.data.secret.points[1].id", "duplicate id")] == where(found)

    def test_bad_carrier_digest(self) -> None:
        """A carrier's digest is named at its field."""
        found = problems("trade_secret", put("secret", "carriers", 0, "sha256", value="abc"))
        assert [
            ("$.data.secret.carriers[0].sha256", "must be 64 lowercase hex digits (SHA-256)")
        ] == where(found)


class TestSupplyChain:
    """Supply-chain and factory-audit cases."""

    def test_stage_not_of_the_project(self) -> None:
        """A stage the project does not have: ``$.data.stage``, the stages as a parameter."""
        found = problems("supply_chain", put("stage", value="mass_production_x"))
        assert [("$.data.stage", "not a stage of {project}: {allowed}")] == where(found)
        assert ("allowed", "prototyping, pilot_run, mass_production") == found[0].params[1]

    def test_plan_and_items(self) -> None:
        """A plan line naming no item and a duplicate item id, each at its place in the project."""
        found = problems("supply_chain", put("project", "plan", 0, "item_id", value="nope"))
        assert [("$.data.project.plan[0].item_id", "unknown item")] == where(found)
        found = problems("supply_chain", repeat_first("project", "items"))
        assert ["$.data.project.items[0].id"] == [p.path for p in found]

    def test_factory_profile(self) -> None:
        """A zero quoted price is named at the profile's field."""
        zero = {"amount": "0", "currency": "CNY"}
        found = problems("factory_audit", put("profile", "quoted_unit_price", value=zero))
        assert [("$.data.profile.quoted_unit_price", "a unit price must be positive")] == where(
            found
        )
