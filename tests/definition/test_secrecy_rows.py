"""The closing findings of the secrecy element as rule-table rows, citing the law of the day."""

from __future__ import annotations

import pytest

from tests.definition.test_assess import battery_secret
from tradesecret.definition import _secrecy_rules, assess_trade_secret
from tradesecret.engine import tables_in

CODE = "definition.not_publicly_known"


def test_closing_table_is_module_level() -> None:
    """The closing and exposure rows are module-level tables, every row with its clause."""
    tables = tables_in(_secrecy_rules)

    assert {_secrecy_rules.CLOSING_TABLE, _secrecy_rules.EXPOSURE_NOTES} == set(tables)
    assert all(t.criterion == CODE for t in tables)
    assert all(row.clause for t in tables for row in t.rows())


@pytest.mark.parametrize(
    ("act", "cites"),
    [
        ("2006-12-31", ["aucl@1993-09-02:10"]),
        ("2007-02-01", ["spc-unfair-comp@2007-01-12:14"]),
        ("2020-09-12", ["spc-ts@2020-09-10:27", "spc-ts@2020-09-10:3"]),
        ("2022-03-20", ["spc-ts@2020-09-10:27", "spc-ts@2020-09-10:3"]),
    ],
)
def test_no_points_cites_the_law_of_the_day(act: str, cites: list[str]) -> None:
    """No secret points: one high finding, the 2020 row prevailing over the 2007 one."""
    c = assess_trade_secret(battery_secret(points=()), as_of=act).criterion(CODE)

    (found,) = [f for f in c.findings if f.code == "definition.secrecy.no_secret_points"]
    assert "high" == found.severity.value
    assert cites == [x.id for x in found.citations]


@pytest.mark.parametrize(
    ("act", "cite"),
    [
        ("2017-12-31", "aucl@1993-09-02:10"),
        ("2018-01-01", "aucl@2017-11-04:9"),
        ("2019-04-23", "aucl@2019-04-23:9.4"),
        ("2020-09-11", "aucl@2019-04-23:9.4"),
        ("2020-09-12", "spc-ts@2020-09-10:4.2"),
    ],
)
def test_compilation_statute_row_follows_the_statute(act: str, cite: str) -> None:
    """Before Art. 4(2) the compilation note cites the statute of the day, whatever its number."""
    c = assess_trade_secret(battery_secret(compilation=True), as_of=act).criterion(CODE)

    (found,) = [f for f in c.findings if f.code == "definition.secrecy.compilation"]
    assert [cite] == [x.id for x in found.citations]
