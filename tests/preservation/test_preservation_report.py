"""The readiness report: both languages, Markdown/text/HTML, and escaping of user text."""

from __future__ import annotations

import attrs
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
from tradesecret.preservation._doc import md as _md
from tradesecret.results import Outcome

EVIL = '<script>alert("x")</script> | *bold* [link](http://x)'


def _md_line(text: str) -> str:
    """How a sub-item of a list renders ``text`` in Markdown."""
    return f"  - {_md(text)}"


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

    def test_list_markers_and_line_breaks_stay_literal(self) -> None:
        """A description opening with '- ' or '1. ', or holding CR/LF, cannot start a list or a line."""
        pa = hostile()
        app = attrs.evolve(
            pa.application,
            orders=(
                RequestedOrder(
                    kind=OrderKind.NOT_USE,
                    secrets=("S1",),
                    description="- a\r\n1. b ~~c~~",
                    months=6,
                ),
            ),
        )
        md = readiness_report(
            assess_preservation(app, as_of="2025-06-02"), locale="en", format="markdown"
        )

        assert "  - \\- a 1. b \\~\\~c\\~\\~" in md.splitlines()
        assert "  - 1\\. x" == _md_line("1. x")

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
        assert 2 == md.count("| 2025-06-05 09:00 (UTC+8) |")

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

    assert str(hostile()._repr_markdown_()).startswith("# 行为保全申请准备情况报告")
    assert str(t._repr_markdown_()).startswith("## 期限表")


class TestLegalWording:
    """The messages that restate a provision say what the provision says, in both languages."""

    @pytest.mark.parametrize(
        ("code", "zh", "en"),
        [
            (
                "preservation.harm.category.reputation",
                "商誉或者发表权、隐私权等人身性质的权利受到无法挽回的损害（第十条第（一）项）",
                (
                    "harm to goodwill, or to personal rights such as the right of publication or "
                    "privacy, that cannot be restored (Art. 10(1))"
                ),
            ),
            (
                "preservation.urgency.art6_4",
                (
                    "在展销会等时效性较强的场合正在或者即将受到侵害，"
                    "或者时效性较强的热播节目正在或者即将受到侵害（第六条第（四）、（五）项）"
                ),
                (
                    "infringement, now or imminent, at a time-sensitive occasion such as a trade "
                    "fair, or of a time-sensitive popular programme (Art. 6(4)-(5))"
                ),
            ),
            (
                "preservation.urgency.art6_1",
                "商业秘密即将被非法披露（第六条第（一）项）",
                "the trade secret is about to be unlawfully disclosed (Art. 6(1))",
            ),
            (
                "preservation.ex_parte.expect_questioning",
                "法院裁定前应当询问申请人和被申请人",
                "Before ruling, the court shall question the applicant and the respondent",
            ),
        ],
    )
    def test_provision_wording(self, code: str, zh: str, en: str) -> None:
        """Art. 10(1) names personal rights; Art. 6(4)-(5) names trade fairs and programmes."""
        from tradesecret.i18n import Localizer  # noqa: PLC0415

        assert (zh, en) == (
            Localizer.for_locale("zh_CN").message(code),
            Localizer.for_locale("en").message(code),
        )

    def test_deadlines_are_inclusive_in_both_languages(self) -> None:
        """A day deadline reads 'by <day>' in English and '最迟于<day>' in Chinese (the day counts)."""
        from tradesecret.i18n import Localizer  # noqa: PLC0415

        t = preservation_deadlines(
            PreservationDates(stage=Stage.PRE_SUIT, executed_on="2024-01-30"), as_of="2024-03-01"
        )
        f = t.findings[0]

        assert "preservation.clock.suit_overdue" == f.code
        assert (
            Localizer.for_locale("zh_CN")
            .message(f.code, f.args)
            .startswith("最迟于2024年2月29日仍未起诉或申请仲裁：法院应当解除保全")
        )
        assert (
            Localizer.for_locale("en")
            .message(f.code, f.args)
            .startswith("No suit or arbitration by 29 Feb 2024: the court shall lift the measure")
        )


class TestTimetableRows:
    @pytest.mark.parametrize(
        ("locale", "row"),
        [
            (
                "zh_CN",
                "| 作出裁定 | 法院 | 2024-03-03 17:30 (UTC+8) | 2024-03-03 11:00 (UTC+8) | 已按期完成 |",
            ),
            (
                "en",
                "| Ruling | court | 2024-03-03 17:30 (UTC+8) | 2024-03-03 11:00 (UTC+8) | met |",
            ),
        ],
    )
    def test_hour_deadline_in_beijing_time(self, locale: str, row: str) -> None:
        """The 48-hour row gives due and done moments in Beijing time, whatever the input offset."""
        from tradesecret import explain  # noqa: PLC0415

        t = preservation_deadlines(
            PreservationDates(
                stage=Stage.PRE_SUIT,
                accepted_at="2024-03-01T09:30:00Z",
                ruled_at="2024-03-03T11:00:00+08:00",
            ),
            as_of="2024-03-04",
        )
        md = explain(t, locale=locale, format="markdown")

        assert [line for line in md.splitlines() if line.startswith(row)]
