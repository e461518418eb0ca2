"""The decided gaps of the measures element as rule-table rows, by period (2020 / 2007 / statute)."""

from __future__ import annotations

import pytest

from tests.definition.test_assess import agreement, battery_secret
from tradesecret.definition import assess_trade_secret
from tradesecret.engine import tables_in
from tradesecret.measures import _gap_rules
from tradesecret.results import Outcome

CODE = "definition.reasonable_measures"


def test_gap_table_is_module_level() -> None:
    """The gap rows are a module-level rule table, every row with its clause."""
    (table,) = tables_in(_gap_rules)

    assert CODE == table.criterion
    assert all(row.clause for row in table.rows())


@pytest.mark.parametrize(
    ("act", "cites"),
    [
        ("2007-01-31", ["aucl@1993-09-02:10"]),
        ("2007-02-01", ["spc-unfair-comp@2007-01-12:11"]),
        ("2020-09-11", ["spc-unfair-comp@2007-01-12:11"]),
        ("2020-09-12", ["spc-ts@2020-09-10:5.1", "spc-ts@2020-09-10:6"]),
    ],
)
def test_no_measure_by_period(act: str, cites: list[str]) -> None:
    """No measure: critical none_before_act, given once, citing the law of the day."""
    a = assess_trade_secret(battery_secret(formation=(), value_evidence=()), as_of=act)

    c = a.criterion(CODE)
    found = [f for f in c.findings if f.code == "definition.measures.none_before_act"]
    assert Outcome.NOT_MET == c.outcome
    assert 1 == len(found)
    assert cites == [x.id for x in found[0].citations]


@pytest.mark.parametrize(
    ("act", "cites"),
    [
        ("2007-01-31", ["aucl@1993-09-02:10"]),
        ("2007-02-01", ["spc-unfair-comp@2007-01-12:11"]),
        ("2020-09-12", ["spc-ts@2020-09-10:6", "spc-ts@2020-09-10:5.2"]),
    ],
)
def test_unproven_by_period(act: str, cites: list[str]) -> None:
    """A measure stated without evidence: high no_evidence, the criterion undetermined."""
    measure = agreement(start="2000-01-01", evidence=())
    a = assess_trade_secret(
        battery_secret(formation=(), value_evidence=()), as_of=act, measures=[measure]
    )

    c = a.criterion(CODE)
    (found,) = [f for f in c.findings if f.code == "definition.measures.no_evidence"]
    assert Outcome.INSUFFICIENT_EVIDENCE == c.outcome
    assert "high" == found.severity.value
    assert cites == [x.id for x in found.citations]
