"""Citations: parsing, resolution and bilingual rendering."""

from __future__ import annotations

import pytest

from tradesecret import CitationError
from tradesecret.law import CitationRef, chinese_numeral
from tradesecret.rulebook import Rulebook


class TestCitationRef:
    @pytest.mark.parametrize(
        "text",
        [
            "lcl@2012-12-28:24.2",
            "spc-ts@2020-09-10:6.1.4",
            "gc-184@2022-07-04",
            "cpl@2023-09-01:104",
        ],
    )
    def test_round_trip(self, text: str) -> None:
        """Parsing and printing give the same id."""
        assert text == str(CitationRef.parse(text))

    @pytest.mark.parametrize(
        "text",
        ["LCL@2012-12-28:24", "lcl:24", "lcl@2012-12-28:", "lcl@12-28:24", "lcl@2012-12-28:24..2"],
    )
    def test_malformed(self, text: str) -> None:
        """Malformed ids raise CitationError."""
        with pytest.raises(CitationError):
            CitationRef.parse(text)


class TestResolution:
    def test_unknown_article(self, rb: Rulebook) -> None:
        """Articles not catalogued cannot be cited."""
        with pytest.raises(CitationError, match="not in the catalog"):
            rb.cite("lcl@2012-12-28:99")

    def test_unknown_version(self, rb: Rulebook) -> None:
        """A version the catalog lacks is an error, not the nearest version."""
        with pytest.raises(CitationError, match="unknown instrument version"):
            rb.cite("lcl@2013-01-01:24")

    @pytest.mark.parametrize(
        ("cid", "zh", "en"),
        [
            ("lcl@2012-12-28:24.2", "《劳动合同法》第二十四条第二款", "LCL Art. 24(2)"),
            (
                "spc-labor-1@2020-12-29:38",
                "《劳动争议司法解释（一）》第三十八条",
                "SPC Labour Interpretation (I) Art. 38",
            ),
            ("cpl@2023-09-01:104", "《民事诉讼法》第一百零四条", "CPL Art. 104"),
            (
                "aucl@2019-04-23:9.1.3",
                "《反不正当竞争法（2019）》第九条第一款第（三）项",
                "AUCL 2019 Art. 9(1), item 3",
            ),
            ("gc-190@2022-12-08", "《指导性案例190号》", "Guiding Case No. 190"),
        ],
    )
    def test_rendering(self, rb: Rulebook, cid: str, zh: str, en: str) -> None:
        """Chinese and English forms."""
        c = rb.cite(cid)
        assert (zh, en) == (c.render("zh_CN"), c.render("en"))

    def test_equality_by_id(self, rb: Rulebook) -> None:
        """Two resolutions of the same id are equal and hash alike."""
        assert rb.cite("lcl@2012-12-28:24") == rb.cite("lcl@2012-12-28:24")
        assert 1 == len({rb.cite("lcl@2012-12-28:24"), rb.cite("lcl@2012-12-28:24")})


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (24, "二十四"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (152, "一百五十二"),
        (1005, "一千零五"),
        (1260, "一千二百六十"),
    ],
)
def test_chinese_numerals(n: int, text: str) -> None:
    """Article numbers in Chinese."""
    assert text == chinese_numeral(n)


def test_chinese_numeral_range() -> None:
    """Zero and negative numbers are refused."""
    with pytest.raises(ValueError, match="1 to 9999"):
        chinese_numeral(0)
