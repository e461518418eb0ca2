"""Message catalogs and explanations."""

from __future__ import annotations

from importlib import resources

import polib
import pytest

from tradesecret import (
    Determination,
    InvalidInputError,
    MissingMessageError,
    Money,
    explain,
    to_date,
)
from tradesecret.i18n import SUPPORTED_LOCALES, Localizer, catalog, normalize_locale, placeholders
from tradesecret.rulebook import Rulebook


def po_files(locale: str) -> list[str]:
    folder = resources.files("tradesecret.i18n") / "locale" / locale / "LC_MESSAGES"
    return sorted(e.name for e in folder.iterdir() if e.name.endswith(".po"))


class TestCatalogs:
    def test_same_domains_in_every_locale(self) -> None:
        """Each domain catalog exists in both languages."""
        assert po_files("zh_CN") == po_files("en")

    def test_every_message_in_both_languages_with_same_placeholders(self) -> None:
        """Complete coverage and consistent placeholders across zh_CN and en."""
        zh, en = catalog("zh_CN"), catalog("en")
        assert set(zh) == set(en)
        for code in zh:
            assert zh[code], f"empty zh_CN message {code}"
            assert en[code], f"empty en message {code}"
            assert placeholders(zh[code]) == placeholders(en[code]), code

    @pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
    def test_headers_and_no_duplicates(self, locale: str) -> None:
        """Every .po declares its language and source language, without duplicate ids."""
        folder = resources.files("tradesecret.i18n") / "locale" / locale / "LC_MESSAGES"
        for name in po_files(locale):
            po = polib.pofile((folder / name).read_text("utf-8"))
            source = "en" if name.startswith("errors") else "zh_CN"  # errors: gettext-style ids
            assert source == po.metadata.get("X-Source-Language")
            assert locale == po.metadata.get("Language")
            ids = [e.msgid for e in po]
            assert len(ids) == len(set(ids)), name


class TestExplain:
    def test_both_languages(self, rb: Rulebook) -> None:
        """A determination renders in Chinese and English with citations and parameters."""
        d = Determination(
            value=Money("6000.00"),
            rule="r",
            as_of=to_date("2025-09-01"),
            citations=rb.cite_all("spc-labor-1@2020-12-29:36"),
            parameters=(rb.param("noncompete.default_ratio", as_of=to_date("2025-09-01")),),
        )
        zh = explain(d, locale="zh_CN")
        en = explain(d, locale="en", format="markdown")
        assert "¥6,000.00" in zh and "《劳动争议司法解释（一）》第三十六条" in zh and "30%" in zh
        assert (
            en.startswith("## Result: CN¥6,000.00")
            and "SPC Labour Interpretation (I) Art. 36" in en
        )

    def test_missing_message_is_an_error(self) -> None:
        """An unknown code raises MissingMessageError rather than printing the code."""
        with pytest.raises(MissingMessageError):
            Localizer.for_locale("en").message("no.such.code")

    @pytest.mark.parametrize(
        ("given", "expected"),
        [
            ("zh", "zh_CN"),
            ("zh-CN", "zh_CN"),
            ("zh_Hans_CN", "zh_CN"),
            ("en_US", "en"),
            ("en-GB", "en"),
        ],
    )
    def test_locale_normalisation(self, given: str, expected: str) -> None:
        """Common spellings map to the supported locales."""
        assert expected == normalize_locale(given)

    def test_unsupported_locale(self) -> None:
        """French is not supported (yet): an input error."""
        with pytest.raises(InvalidInputError):
            normalize_locale("fr_FR")

    def test_not_a_result(self) -> None:
        """explain refuses arbitrary objects."""
        with pytest.raises(TypeError):
            explain(object())


def test_results_render_in_notebooks(rb: Rulebook) -> None:
    """Results display as Markdown in notebooks (default locale zh_CN)."""
    d = Determination(
        value=Money("6000.00"),
        rule="r",
        as_of=to_date("2025-09-01"),
        citations=rb.cite_all("spc-labor-1@2020-12-29:36"),
    )
    md = d._repr_markdown_()
    assert md is not None
    assert md.startswith("## 结果：¥6,000.00")


def test_results_render_as_html_in_notebooks(rb: Rulebook) -> None:
    """Results also display as an HTML fragment (escaped, no <html> wrapper)."""
    d = Determination(
        value=Money("6000.00"),
        rule="r",
        as_of=to_date("2025-09-01"),
        citations=rb.cite_all("spc-labor-1@2020-12-29:36"),
    )
    html = d._repr_html_()
    assert html is not None
    assert "¥6,000.00" in html
    assert "<html" not in html.lower()


@pytest.mark.parametrize("locale", ["en", "zh_CN"])
def test_basis_line_shows_unconfirmed_statuses(rb: Rulebook, locale: str) -> None:
    """A citation that is not confirmed (V3) carries its status; a V1 one does not."""
    weak = rb.cite("mohrss-nc-guide@2025-09-12:17")
    strong = rb.cite("spc-labor-1@2020-12-29:38")
    assert ("V3", "V1") == (weak.status.value, strong.status.value)
    text = Localizer.for_locale(locale).citations([strong, weak])
    assert text.endswith(" [V3]")
    assert "[V1]" not in text
    assert text.count("[") == 1
