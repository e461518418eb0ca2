"""Reports: Markdown and HTML, escaping, pictures, a real browser render."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pendulum
import pytest

from tradesecret.casefile import CaseReview
from tradesecret.cli._demo import run_demo
from tradesecret.exceptions import InvalidInputError
from tradesecret.i18n import explain
from tradesecret.money import Money
from tradesecret.reports import (
    GraphEdge,
    GraphNode,
    TimelinePoint,
    graph_svg,
    markdown_to_html,
    render,
    render_html,
    render_markdown,
    timeline_svg,
    to_dataframe,
)
from tradesecret.results import Assessment, Criterion, Determination, Finding, Outcome, Severity
from tradesecret.rulebook import Rulebook

EVIL = '<img src=x onerror="alert(1)">'


@pytest.fixture
def assessment(rb: Rulebook) -> Assessment:
    """An assessment with a criterion, a finding with a remedy and user text to escape."""
    cite = rb.cite("lcl@2012-12-28:24")
    finding = Finding(
        code="report.example",
        severity=Severity.HIGH,
        citations=(cite,),
        subject=EVIL,
        remedies=("report.status.overdue",),
    )
    criterion = Criterion(
        code="report.example",
        outcome=Outcome.NOT_MET,
        citations=(cite,),
        findings=(finding,),
        evidence=("E-1", EVIL),
    )
    return Assessment(
        kind="noncompete",
        subject=EVIL,
        as_of=pendulum.date(2025, 9, 1),
        outcome=Outcome.NOT_MET,
        citations=(cite,),
        criteria=(criterion,),
    )


class TestHtml:
    def test_summary_criteria_citations_next_steps(self, assessment: Assessment) -> None:
        """The HTML has the outcome, the criterion, the rendered citation and the next step."""
        html = render_html(assessment, locale="zh_CN")
        assert html.startswith("<!DOCTYPE html>")
        assert "《劳动合同法》第二十四条" in html
        assert 'class="ts-criterion"' in html and "逾期未付" in html
        assert html.index("ts-summary") < html.index("ts-criterion")

    def test_user_text_is_escaped(self, assessment: Assessment) -> None:
        """No user text can inject markup."""
        html = render_html(assessment, locale="en")
        assert EVIL not in html
        assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
        assert "<script" not in html

    def test_bilingual(self, assessment: Assessment) -> None:
        """bilingual renders Chinese then English."""
        html = render_html(assessment, locale="bilingual")
        assert html.index('lang="zh-CN"') < html.index('lang="en"')
        assert "LCL Art. 24" in html and "《劳动合同法》第二十四条" in html

    def test_determination(self, rb: Rulebook) -> None:
        """A determination shows its value and rule."""
        d = Determination(
            value=Money("6000.00"),
            rule="x",
            as_of=pendulum.date(2025, 9, 1),
            citations=(rb.cite("lcl@2012-12-28:24"),),
        )
        assert "CN¥6,000.00" in render_html(d, locale="en", standalone=False)

    def test_markdown_one_title_and_citation(self, assessment: Assessment) -> None:
        """Markdown keeps one H1 and renders citations."""
        md = render_markdown(assessment, locale="en")
        assert 1 == sum(1 for line in md.splitlines() if line.startswith("# "))
        assert "LCL Art. 24" in md

    def test_render_dispatch(self, assessment: Assessment) -> None:
        """render() covers the four formats and refuses others."""
        assert '"kind": "noncompete"' in render(assessment, format="json")
        assert "LCL" in render(assessment, locale="en", format="text")
        with pytest.raises(InvalidInputError):
            render(assessment, format="pdf")

    def test_markdown_to_html_subset(self) -> None:
        """Headings, lists and tables convert; text is escaped."""
        html = markdown_to_html("# A\n\n| a | b |\n|---|---|\n| <x> | 2 |\n\ntext")
        assert "<h1>A</h1>" in html and "<td>&lt;x&gt;</td>" in html and "<p>text</p>" in html


class TestPictures:
    def test_timeline_bars_and_statuses(self) -> None:
        """One bar group per instalment with its status; the as-of line is drawn."""
        points = [
            TimelinePoint(
                label=str(i),
                due=pendulum.date(2025, 9 + i, 1),
                due_amount=Money("6000"),
                paid_amount=Money("6000") if i < 2 else Money("0"),
                status="paid" if i < 2 else "overdue",
            )
            for i in range(3)
        ]
        svg = timeline_svg(points, as_of=pendulum.date(2025, 11, 15))
        assert 3 == svg.count('class="ts-bar"')
        assert 1 == svg.count('data-status="overdue"') and "ts-as-of" in svg

    def test_graph_layers_and_escaping(self) -> None:
        """Nodes, edges and labels are drawn; labels are escaped."""
        svg = graph_svg(
            [
                GraphNode(id="s", label="secret", kind="secret"),
                GraphNode(id="e", label=EVIL, kind="event"),
            ],
            [GraphEdge(source="s", target="e", label="targets")],
        )
        assert 2 == svg.count('class="ts-node"') and 1 == svg.count('class="ts-edge"')
        assert EVIL not in svg


class TestDataFrame:
    def test_findings_rows(self, assessment: Assessment) -> None:
        """Results become one row per finding."""
        frame = to_dataframe([assessment], locale="en")
        assert ["report.example"] == list(frame["code"])
        assert ["high"] == list(frame["severity"])

    def test_columns_mapping(self) -> None:
        """A columnar mapping becomes columns."""
        frame = to_dataframe({"a": [1, 2]})
        assert [1, 2] == list(frame["a"])


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.mark.slow
def test_html_renders_in_headless_chromium(assessment: Assessment) -> None:
    """Real headless Chromium parses the report: the DOM holds the text, citations and SVG."""
    browser = _browser()
    if browser is None:
        pytest.skip(
            "no Chromium found (Debian: apt-get install chromium; scripts/test installs it as root)"
        )
    points = [
        TimelinePoint(
            label="1",
            due=pendulum.date(2025, 10, 1),
            due_amount=Money("6000"),
            paid_amount=Money("0"),
            status="overdue",
        )
    ]
    html = render_html(assessment, locale="bilingual").replace(
        "</body>", f"<figure>{timeline_svg(points)}</figure></body>"
    )
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html, encoding="utf-8")
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
                f"--user-data-dir={tmp}/profile",
                "--dump-dom",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert 0 == result.returncode, result.stderr[-2000:]
    dom = result.stdout
    assert "《劳动合同法》第二十四条" in dom and "LCL Art. 24" in dom
    assert 'class="ts-bar"' in dom and "<svg" in dom
    assert "<img" not in dom  # the escaped user text stayed text


def test_review_story_and_missing_domains(assessment: Assessment) -> None:
    """The demo review tells its story and names the domains this installation lacks."""
    review = CaseReview(
        kind="demo",
        title="",
        as_of=pendulum.date(2026, 1, 15),
        results=(assessment,),
        missing=("preservation",),
    )
    html = render_html(review, locale="en")
    assert (
        'class="ts-story"' in html
        and "lacks these domain modules" in html
        and "preservation" in html
    )
    assert "Engineer Wang" in explain(review, locale="en") and "王工" in explain(
        review, locale="zh_CN"
    )


@pytest.mark.slow
def test_demo_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    """The bilingual demo report (five domains, both pictures) renders in Chromium with its text."""
    browser = _browser()
    if browser is None:
        pytest.skip(
            "no Chromium found (Debian: apt-get install chromium; scripts/test installs it as root)"
        )
    page = tmp_path / "demo.html"
    page.write_text(render_html(run_demo(), locale="bilingual"), encoding="utf-8")
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
            f"--user-data-dir={tmp_path}/profile",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert 0 == result.returncode, result.stderr[-2000:]
    dom = result.stdout
    assert "《劳动合同法》第二十三条第二款" in dom and "LCL Art. 23(2)" in dom
    assert 2 == dom.count('class="ts-timeline"') and 2 == dom.count('class="ts-graph"')
    assert "Engineer Wang" in dom and "王工" in dom
