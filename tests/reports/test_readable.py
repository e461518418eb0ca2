"""Reports people can read: force and verification visible, instalments as a table, CJK glyphs in a PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tradesecret.casefile import CaseReview, example_text, load_case, review_case
from tradesecret.reports import render, render_html, render_markdown


@pytest.fixture(scope="module")
def review() -> CaseReview:
    """The shipped non-compete example, reviewed as of its own date (2026-01-15)."""
    return review_case(load_case(example_text("noncompete")))


class TestHtml:
    def test_every_finding_shows_its_force(self, review: CaseReview) -> None:
        """Each finding in the HTML (the non-compete section included) shows binding/guidance as text."""
        html = render_html(review, locale="en")
        items = re.findall(r'<li class="ts-finding".*?</li>', html, re.S)
        assert items
        assert all('class="ts-auth ts-auth-' in li for li in items)
        nc = next(li for li in items if "noncompete.eligibility.necessity_not_assessed" in li)
        assert "guidance, not binding" in nc

    def test_citations_show_verification_status_as_text(self, review: CaseReview) -> None:
        """Every citation shows its verification status in the page, not only in a tooltip."""
        html = render_html(review, locale="en")
        cites = re.findall(r'<span class="ts-cite".*?</span></span>', html, re.S)
        assert cites
        assert all('class="ts-cite-meta"' in c for c in cites)
        assert (
            'LCL Art. 24(1) <span class="ts-cite-meta">(binding, secondary source citing the official text)'
            in html
        )

    def test_each_section_has_a_sources_table(self, review: CaseReview) -> None:
        """Every result section ends with a sources table naming force and verification."""
        html = render_html(review, locale="zh_CN")
        assert len(review.results) == html.count('class="ts-sources"')
        assert "有约束力" in html and "指导性、无约束力" in html

    def test_instalments_table_with_the_chart_beside_it_before_the_disclaimer(
        self, review: CaseReview
    ) -> None:
        """The ledger's instalments are a table; the chart sits beside it, and before the disclaimer."""
        html = render_html(review, locale="en")
        ledger = html.index('<div class="ts-ledger">')
        table = html.index("<td>No.</td>", ledger)
        figure = html.index('<figure class="ts-figure">', ledger)
        assert ledger < table < figure < html.index('class="ts-disclaimer"')
        assert 1 == html.count('class="ts-disclaimer"')
        row = re.search(r"<tr><td>3</td>.*?</tr>", html[ledger:], re.S)
        assert row is not None
        assert "CN¥6,000.00" in row.group(0) and "CN¥0.00" in row.group(0)

    def test_cjk_font_stack(self, review: CaseReview) -> None:
        """The HTML names CJK fonts for every platform, Linux's Noto CJK and WenQuanYi included."""
        html = render_html(review, locale="zh_CN")
        for font in (
            '"Noto Sans CJK SC"',
            '"WenQuanYi Micro Hei"',
            '"Microsoft YaHei"',
            '"PingFang SC"',
        ):
            assert font in html


class TestMarkdownAndText:
    def test_markdown_instalments_and_sources(self, review: CaseReview) -> None:
        """Markdown: the instalments table, a sources table per result and one disclaimer."""
        md = render_markdown(review, locale="en")
        assert "| No. | Period | Due | Amount | Paid | Status |" in md
        assert "| 3 | 1 Nov 2025 – 30 Nov 2025 | 30 Nov 2025 | CN¥6,000.00 | CN¥0.00 |" in md
        assert len(review.results) == md.count("#### Sources: what binds and how it was verified")
        assert 1 == md.count("Generated from the sources cited; not legal advice.")
        assert (
            "| LCL Art. 24(1) | law | binding | secondary source citing the official text |" in md
        )

    def test_text_lists_sources_with_status(self, review: CaseReview) -> None:
        """The text report lists each source with its tier, force and verification status."""
        text = render(review, locale="zh_CN", format="text")
        assert "依据：效力与核验情况" in text
        line = next(
            x for x in text.splitlines() if x.startswith("- 《劳动合同法》第二十四条第一款 — ")
        )
        assert "有约束力" in line


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


#: Font names of CJK fonts (Linux, macOS, Windows).
CJK_FONT = re.compile(
    r"CJK|WenQuanYi|WQY|Noto ?Sans ?(SC|TC|HK|JP|KR)|Noto ?Serif ?(SC|TC|JP|KR)|Source ?Han|"
    r"Droid ?Sans ?Fallback|AR ?PL|UMing|UKai|PingFang|YaHei|SimSun|SimHei|Hiragino|Heiti|Songti",
    re.I,
)


def pdf_font_names(pdf: bytes) -> set[str]:
    """The font names a PDF declares (BaseFont, FontName, FontFamily), subset tags removed."""
    names = set()
    for raw in re.findall(rb"/(?:BaseFont|FontName)\s*/([^\s/<>\[\]()]+)", pdf):
        names.add(raw.decode("latin-1").split("+", 1)[-1])
    for raw in re.findall(rb"/FontFamily\s*\(([^)]*)\)", pdf):
        names.add(raw.decode("latin-1"))
    return names


def test_font_name_check_tells_cjk_from_latin() -> None:
    """The font check accepts a CJK font and refuses Latin-only ones (so the browser test can fail)."""
    latin = b"<< /Type /Font /BaseFont /CAAAAA+DejaVuSans >> << /FontName /EAAAAA+LiberationSans >>"
    cjk = latin + b" << /FontFamily (WenQuanYi Micro Hei) /FontName /AAAAAA+WenQuanYiMicroHei >>"
    assert not any(CJK_FONT.search(n) for n in pdf_font_names(latin))
    assert {"WenQuanYiMicroHei", "WenQuanYi Micro Hei"} <= {
        n for n in pdf_font_names(cjk) if CJK_FONT.search(n)
    }


@pytest.mark.slow
def test_pdf_embeds_a_cjk_font(review: CaseReview, tmp_path: Path) -> None:
    """Headless Chromium prints the bilingual report to PDF with a CJK font embedded (no boxes)."""
    browser = _browser()
    if browser is None:
        pytest.skip(
            "no Chromium found (Debian: apt-get install chromium; scripts/test installs it as root)"
        )
    page, pdf = tmp_path / "report.html", tmp_path / "report.pdf"
    page.write_text(render_html(review, locale="bilingual"), encoding="utf-8")
    result = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
            f"--user-data-dir={tmp_path}/profile",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert 0 == result.returncode, result.stderr[-2000:]
    names = pdf_font_names(pdf.read_bytes())
    assert any(CJK_FONT.search(n) for n in names), (
        f"no CJK font embedded (fonts: {sorted(names)}): Chinese text renders as boxes; "
        "install one (Debian: apt-get install fonts-wqy-microhei or fonts-noto-cjk)"
    )
    pdftotext = shutil.which("pdftotext")
    if pdftotext is not None:  # the glyphs map back to the characters (not .notdef boxes)
        text = subprocess.run(
            [pdftotext, str(pdf), "-"], capture_output=True, text=True, timeout=60, check=False
        ).stdout
        assert "劳动合同法" in text
