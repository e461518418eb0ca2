"""The readiness report: both languages, Markdown/text/HTML, and escaping of user text."""

from __future__ import annotations

import pytest

from tradesecret import InvalidInputError, Money
from tradesecret.preservation import (
    Application,
    Claim,
    ClaimedSecret,
    ClaimInput,
    HarmFacts,
    OrderKind,
    Party,
    PartyKind,
    PreservationAssessment,
    PreservationDates,
    RequestedOrder,
    Security,
    Stage,
    UrgencyFacts,
    assess_preservation,
    preservation_deadlines,
    readiness_report,
)
from tradesecret.results import Outcome

EVIL = '<script>alert("x")</script> | *bold* [link](http://x)'


def hostile() -> PreservationAssessment:
    """An application whose every free-text field carries markup."""
    app = Application(
        id="M<1>",
        applicant=Party(name=f"Applicant {EVIL}", kind=PartyKind.COMPANY),
        respondent=Party(name=f"Li {EVIL}", kind=PartyKind.INDIVIDUAL),
        stage=Stage.PRE_SUIT,
        secrets=(ClaimedSecret(id="S1", title=f"Drawings {EVIL}"),),
        orders=(
            RequestedOrder(
                kind=OrderKind.NOT_DISCLOSE, secrets=("S1",), description=f"desc {EVIL}", months=6
            ),
        ),
        urgency=UrgencyFacts(other=f"reason {EVIL}"),
        harm=HarmFacts(other=f"harm {EVIL}"),
        security=Security(amount=Money("50000")),
        claims=tuple(
            ClaimInput(
                claim=c, outcome=Outcome.CONTESTED, evidence=(f"ev {EVIL}",), gaps=(f"gap {EVIL}",)
            )
            for c in Claim
        ),
        court=f"Court {EVIL}",
    )
    return assess_preservation(app, as_of="2025-06-02")


class TestHtml:
    def test_self_contained_and_escaped(self) -> None:
        """One page, inline CSS, no script, no external resource, user markup escaped."""
        page = readiness_report(hostile(), locale="en", format="html")

        assert page.startswith("<!DOCTYPE html>")
        assert "<script" not in page
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
        assert "http://" not in page.replace("(http://x)", "")
        assert "<link" not in page and " src=" not in page
        assert "<style>" in page

    def test_bilingual(self) -> None:
        """A bilingual page holds a Chinese and an English section."""
        page = readiness_report(hostile(), locale="bilingual", format="html")

        assert '<section lang="zh-CN">' in page and '<section lang="en">' in page
        assert (
            "行为保全申请准备情况报告" in page and "Conduct-preservation readiness report" in page
        )


class TestMarkdown:
    def test_user_text_cannot_inject_markup(self) -> None:
        """Markdown escapes raw HTML, emphasis, links and table pipes in user text."""
        md = readiness_report(hostile(), locale="zh_CN", format="markdown")

        assert "<script>" not in md
        assert "&lt;script&gt;" in md
        assert "\\*bold\\*" in md and "\\[link\\]" in md and "\\|" in md

    def test_table_rows_keep_their_columns(self) -> None:
        """Every factor-table row has exactly the four columns of its header."""
        md = readiness_report(hostile(), locale="en", format="markdown")
        lines = md.splitlines()
        start = lines.index("| Point | Outcome | Strength | Basis |")
        rows = []
        for line in lines[start + 2 :]:
            if not line.startswith("|"):
                break
            rows.append(line)

        assert 10 == len(rows)
        assert all(4 == row.replace("\\|", "").count("|") - 1 for row in rows)

    def test_content(self) -> None:
        """The report names the parties, the factors, the security, the counter-arguments and the gaps."""
        md = readiness_report(hostile(), locale="en", format="markdown")

        for heading in (
            "## Summary",
            "## Factors at a glance",
            "## Security estimate",
            "## Likely counter-arguments",
        ):
            assert heading in md
        assert "gap &lt;script&gt;" in md
        assert "Applicant: Applicant" in md

    def test_with_timetable_and_bilingual(self) -> None:
        """The timetable can be appended; bilingual Markdown has both languages."""
        t = preservation_deadlines(
            PreservationDates(stage=Stage.PRE_SUIT, accepted_at="2025-06-03T09:00:00+08:00"),
            as_of="2025-06-03",
        )
        md = readiness_report(hostile(), locale="bilingual", format="markdown", timetable=t)

        assert "## 期限表" in md and "## Timetable" in md
        assert "2025-06-05 09:00 (UTC+8)" in md

    def test_text(self) -> None:
        """Plain text carries no Markdown markers."""
        text = readiness_report(hostile(), locale="en", format="text")

        assert "## " not in text and "|---|" not in text


class TestErrors:
    def test_bad_format(self) -> None:
        """An unknown format is an input error."""
        with pytest.raises(InvalidInputError):
            readiness_report(hostile(), format="pdf")  # type: ignore[arg-type]

    def test_bad_locale(self) -> None:
        """An unknown locale is an input error."""
        with pytest.raises(InvalidInputError):
            readiness_report(hostile(), locale="fr")


def test_notebook_display() -> None:
    """Assessments and timetables display as Chinese Markdown in notebooks."""
    t = preservation_deadlines(
        PreservationDates(stage=Stage.PRE_SUIT, accepted_at="2025-06-03T09:00:00+08:00"),
        as_of="2025-06-03",
    )

    assert hostile()._repr_markdown_().startswith("# 行为保全申请准备情况报告")
    assert t._repr_markdown_().startswith("## 期限表")
