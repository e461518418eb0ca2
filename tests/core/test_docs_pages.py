"""Generated law pages list every instrument, article and parameter."""

from __future__ import annotations

from tradesecret._docs import articles_page, instruments_page, parameters_page
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
