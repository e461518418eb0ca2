"""Generated law pages list every instrument, article and parameter."""

from __future__ import annotations

import types

from tradesecret._docs import articles_page, instruments_page, parameters_page
from tradesecret._docs_code import article_code_page, rule_tables_page
from tradesecret.engine import RuleTable, tables_in
from tradesecret.rulebook import Rulebook


def test_every_instrument_and_parameter_is_documented(rb: Rulebook) -> None:
    """Each instrument key and parameter name appears on the generated pages."""
    inst, params, arts = instruments_page(rb), parameters_page(rb), articles_page(rb)
    for key in rb.instruments:
        assert f"`{key}`" in inst and f"`{key}`" in arts
    for name in rb.parameter_names():
        assert f"`{name}`" in params


def test_article_index_links_parameters(rb: Rulebook) -> None:
    """The article index names the parameters that cite an article."""
    page = articles_page(rb)
    row = next(line for line in page.splitlines() if line.startswith("| 38 |"))
    assert "`noncompete.release_unpaid_months`" in row


def test_article_code_page_lands_on_the_code(rb: Rulebook) -> None:
    """Article → code names the parameters and the domain source lines citing LCL Art. 24."""
    page = article_code_page(rb)
    row = next(line for line in page.splitlines() if "`lcl@2012-12-28:24`" in line)
    assert "`noncompete.max_post_term_months`" in row
    assert "tradesecret/noncompete/" in row


def test_rule_tables_are_found_in_modules() -> None:
    """tables_in finds a module's top-level rule tables (what the rule-tables page renders)."""
    module = types.ModuleType("fake")
    table: RuleTable[object] = RuleTable(
        criterion="x.criterion", basis=("lcl@2012-12-28:24",), checks=()
    )
    module.TABLE = table  # type: ignore[attr-defined]
    assert (table,) == tables_in(module)
    assert rule_tables_page().startswith("# Rule tables")
