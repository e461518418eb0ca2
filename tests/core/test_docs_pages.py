"""Generated law pages list every instrument, article, parameter, minimum wage and region."""

from __future__ import annotations

import types

from tradesecret._docs import articles_page, instruments_page, parameters_page
from tradesecret._docs_code import article_code_page, rule_tables_page
from tradesecret._docs_law import minimum_wages_page, regions_page, timeline_page
from tradesecret.engine import RuleTable, tables_in
from tradesecret.rulebook import Rulebook


def test_every_instrument_and_parameter_is_documented(rb: Rulebook) -> None:
    """Each instrument key and parameter name appears on the generated pages."""
    inst, params, arts = instruments_page(rb), parameters_page(rb), articles_page(rb)
    for key in rb.instruments:
        assert f"`{key}`" in inst
        if not key.startswith("mw-"):
            assert f"`{key}`" in arts
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


def test_parameters_page_renders_labels_values_and_status(rb: Rulebook) -> None:
    """Citations read 《劳动合同法》第二十四条第二款 / LCL Art. 24(2); money reads CNY 1,000,000.00."""
    page = parameters_page(rb)
    assert "《劳动合同法》第二十四条第二款 / LCL Art. 24(2) (V2)" in page
    row = next(
        line
        for line in page.splitlines()
        if line.startswith("| 2019-04-23 → 2025-10-15 | national | CNY 1,000,000.00")
    )
    assert "| V1 |" in row
    assert "| 2008-01-01 → 2013-02-01 | national | *no such rule* | V2 |" in page


def test_timeline_shows_each_regime(rb: Rulebook) -> None:
    """The timeline lists Interp. (IV) from 2013-02-01 and the no-rule period before it."""
    page = timeline_page(rb)
    assert (
        "| 2013-02-01 | 2021-01-01 | 劳动争议司法解释（四） / SPC Labour Interpretation (IV)"
        in page
    )
    assert "| `noncompete.default_ratio` | 2008-01-01 → 2013-02-01 | *no such rule* |" in page
    assert "| `aucl.admin_fine_serious_min` | 2025-10-15 → | CNY 1,000,000.00 | V2 |" in page


def test_minimum_wage_and_region_pages(rb: Rulebook) -> None:
    """Every province has a section; Shenzhen is listed with its GB/T 2260 code."""
    wages, regions = minimum_wages_page(rb), regions_page(rb)
    assert 31 == wages.count("\n## ")
    assert "| `CN-GD-SZ` | 深圳市<br>Shenzhen | 440300 | CN-GD |" in regions
