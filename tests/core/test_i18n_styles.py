"""Locale styles: documented formats per locale, equal to babel's CLDR output; others refused."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pendulum
import pytest
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent
from hypothesis import given
from hypothesis import strategies as st

import tradesecret
from tradesecret import InvalidInputError, Money, Ratio, explain
from tradesecret.i18n import LOCALE_STYLES, Localizer, locale_style, normalize_locale
from tradesecret.results import Finding, Severity
from tradesecret.rulebook import Rulebook

STYLES = tuple(LOCALE_STYLES)
#: The CLDR date pattern each style documents.
DATE_PATTERNS = {"zh_CN": "long", "en": "d MMM y", "en_GB": "d MMM y", "en_US": "MMM d, y"}

amounts = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=3, allow_nan=False
)


class TestStyles:
    @pytest.mark.parametrize(
        ("locale", "date", "money"),
        [
            ("zh_CN", "2025年9月1日", "¥6,000.00"),
            ("en", "1 Sep 2025", "CN¥6,000.00"),
            ("en_GB", "1 Sept 2025", "CN¥6,000.00"),
            ("en_US", "Sep 1, 2025", "CN¥6,000.00"),
        ],
    )
    def test_documented_style(self, locale: str, date: str, money: str) -> None:
        """Each supported locale formats dates and money in its documented style."""
        loc = Localizer.for_locale(locale)
        assert (date, money) == (loc.date(pendulum.Date(2025, 9, 1)), loc.money(Money("6000")))

    @pytest.mark.parametrize("locale", STYLES)
    @given(amount=amounts)
    def test_money_equals_babel(self, locale: str, amount: Decimal) -> None:
        """Money equals babel's ¤#,##0.00 without quantization, for any amount."""
        expected = format_currency(
            amount,
            "CNY",
            format="¤#,##0.00",
            locale=locale,
            currency_digits=False,
            decimal_quantization=False,
        )
        assert expected == Localizer.for_locale(locale).money(Money(amount))

    @pytest.mark.parametrize("locale", STYLES)
    @given(value=amounts, ratio=st.decimals(min_value=0, max_value=5, places=6))
    def test_numbers_equal_babel(self, locale: str, value: Decimal, ratio: Decimal) -> None:
        """Decimals, integers and percentages equal babel's default patterns."""
        loc = Localizer.for_locale(locale)
        assert format_decimal(value, locale=locale) == loc.value(value)
        assert format_decimal(int(value), locale=locale) == loc.value(int(value))
        assert format_percent(ratio, format="#,##0.##%", locale=locale) == loc.value(Ratio(ratio))

    @pytest.mark.parametrize("locale", STYLES)
    @given(day=st.dates(min_value=pendulum.Date(1990, 1, 1), max_value=pendulum.Date(2100, 12, 31)))
    def test_dates_equal_babel(self, locale: str, day: object) -> None:
        """Dates equal babel's pattern for the style."""
        d = pendulum.Date(day.year, day.month, day.day)  # type: ignore[attr-defined]
        expected = format_date(d, format=DATE_PATTERNS[locale], locale=locale)
        assert expected == Localizer.for_locale(locale).date(d)


class TestUnsupported:
    @pytest.mark.parametrize("locale", ["zh_Hant_TW", "zh_TW", "fr", "fr_FR", "en_AU", ""])
    def test_refused_with_the_list(self, locale: str, rb: Rulebook) -> None:
        """An unsupported locale is refused, naming the supported ones; no silent fallback."""
        with pytest.raises(InvalidInputError, match="zh_CN, en, en_GB, en_US"):
            normalize_locale(locale)
        finding = Finding(
            code="ledger.breach.no_penalty_agreed",
            severity=Severity.INFO,
            citations=rb.cite_all("spc-labor-1@2020-12-29:36"),
        )
        with pytest.raises(InvalidInputError):
            explain(finding, locale=locale)

    @pytest.mark.parametrize(
        ("given", "style"),
        [
            ("zh", "zh_CN"),
            ("zh-CN", "zh_CN"),
            ("zh_Hans_CN", "zh_CN"),
            ("en-US", "en_US"),
            ("en-GB", "en_GB"),
        ],
    )
    def test_spellings(self, given: str, style: str) -> None:
        """Common spellings map to their style."""
        assert style == locale_style(given)


def test_import_is_lazy() -> None:
    """``import tradesecret`` loads neither babel, numpy nor networkx (checked in a fresh process)."""
    code = (
        "import sys, tradesecret; "
        "print(sorted(m for m in ('babel', 'numpy', 'networkx', 'pandas') if m in sys.modules))"
    )
    src = str(Path(tradesecret.__file__).resolve().parents[1])  # the package under test
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")])),
    }
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout
    assert "[]" == out.strip()
