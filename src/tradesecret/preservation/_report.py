"""
The readiness report for counsel: Markdown, plain text or one self-contained HTML page.

The report is built as a small document (headings, paragraphs, tables, lists of plain
text) and only then rendered, so every piece of text -- the library's messages and the
user's own (names, descriptions, evidence gaps) -- is escaped the same way for the
target format: HTML-escaped for HTML; Markdown control characters backslash-escaped and
``<``/``>``/``&`` turned into entities for Markdown, so user text can never inject
markup or break a table.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final, Literal

import attrs

from tradesecret.money import Ratio
from tradesecret.results import Criterion, Finding, Term
from tradesecret.rulebook import ParameterValue

if TYPE_CHECKING:
    from tradesecret.i18n import Localizer
    from tradesecret.preservation._assess import PreservationAssessment
    from tradesecret.preservation._clocks import Clock, Timetable

__all__ = ["ReportFormat", "readiness_report"]

ReportFormat = Literal["markdown", "html", "text"]

# -- a tiny document model ------------------------------------------------------------


@attrs.frozen
class _H:
    level: int
    text: str


@attrs.frozen
class _P:
    text: str


@attrs.frozen
class _Table:
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@attrs.frozen
class _List:
    items: tuple[tuple[str, tuple[str, ...]], ...]


_Block = _H | _P | _Table | _List

_MD_SPECIAL: Final = str.maketrans(
    {
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "|": "\\|",
        "#": "\\#",
        "<": "&lt;",
        ">": "&gt;",
        "&": "&amp;",
    }
)


_MD_BLOCK_START: Final = re.compile(r"^(\s*)(?:([-+])|(\d+)([.)]))")


def _unblock(m: re.Match[str]) -> str:
    """Keep a leading list marker literal: ``\\-``, ``\\+`` or ``1\\.``."""
    if m.group(2):
        return m.group(1) + "\\" + m.group(2)
    return m.group(1) + m.group(3) + "\\" + m.group(4)


def _md(text: str) -> str:
    """Escape text for Markdown: no markup, no raw HTML, no broken table cells or lists."""
    flat = " ".join(text.splitlines()).translate(_MD_SPECIAL).replace("~", "\\~")
    return _MD_BLOCK_START.sub(_unblock, flat, count=1)


def _render(blocks: Sequence[_Block], fmt: str) -> str:
    if fmt == "html":
        return "\n".join(_html_block(b) for b in blocks)
    lines: list[str] = []
    esc = _md if fmt == "markdown" else (lambda s: s)
    for block in blocks:
        if isinstance(block, _H):
            lines += [
                "",
                f"{'#' * block.level} {esc(block.text)}" if fmt == "markdown" else block.text,
                "",
            ]
        elif isinstance(block, _P):
            lines += [esc(block.text), ""]
        elif isinstance(block, _Table):
            if fmt == "markdown":
                lines.append("| " + " | ".join(esc(h) for h in block.head) + " |")
                lines.append("|" + "---|" * len(block.head))
                lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in block.rows]
            else:
                lines += ["- " + " — ".join(row) for row in block.rows]
            lines.append("")
        else:
            for item, subs in block.items:
                lines.append(f"- {esc(item)}")
                lines += [f"  - {esc(s)}" for s in subs]
            lines.append("")
    while lines and not lines[0]:
        lines.pop(0)
    out: list[str] = []
    for line in lines:  # collapse runs of blank lines
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).rstrip() + "\n"


def _html_block(block: _Block) -> str:
    e = html.escape
    if isinstance(block, _H):
        return f"<h{block.level}>{e(block.text)}</h{block.level}>"
    if isinstance(block, _P):
        return f"<p>{e(block.text)}</p>"
    if isinstance(block, _Table):
        head = "".join(f"<th>{e(h)}</th>" for h in block.head)
        rows = "".join(
            "<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in block.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    items = []
    for item, subs in block.items:
        inner = "".join(f"<li>{e(s)}</li>" for s in subs)
        items.append(f"<li>{e(item)}" + (f"<ul>{inner}</ul>" if inner else "") + "</li>")
    return "<ul>" + "".join(items) + "</ul>"


_CSS: Final = (
    "body{font-family:system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;"
    "max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}"
    "table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}"
    "th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}"
    "th,td{min-width:5em}"
    "th{background:#f0f0f0}h1{font-size:1.5rem}h2{font-size:1.25rem;border-bottom:1px solid #ddd}"
    "h3{font-size:1.05rem}section{margin-bottom:3rem}"
)


def _html_page(sections: Sequence[tuple[str, str, str]]) -> str:
    """``sections``: (lang, title, body html)."""
    lang = sections[0][0]
    title = html.escape(sections[0][1])
    body = "\n".join(f'<section lang="{code}">\n{inner}\n</section>' for code, _, inner in sections)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


# -- building blocks --------------------------------------------------------------------


def _unique(params: Iterable[ParameterValue]) -> list[ParameterValue]:
    seen: dict[tuple[str, str | None, object], ParameterValue] = {}
    for p in params:
        seen.setdefault((p.name, p.region, p.since), p)
    return list(seen.values())


def _paren(loc: Localizer, text: str) -> str:
    return f"（{text}）" if loc.zh else f" ({text})"


def _strength(loc: Localizer, criterion: Criterion) -> str:
    return "—" if criterion.strength is None else loc.value(Ratio(criterion.strength))


def _facts(loc: Localizer, criterion: Criterion) -> list[str]:
    out: list[str] = []
    for name, value in criterion.facts:
        text = loc.value(value)
        label = f"preservation.fact.{name}"
        out.append(f"{loc.label(label)}{text}" if loc.has(label) else text)
    return out


def _finding_items(
    loc: Localizer, findings: Iterable[Finding]
) -> list[tuple[str, tuple[str, ...]]]:
    items: list[tuple[str, tuple[str, ...]]] = []
    for f in findings:
        subject = f" [{f.subject}]" if f.subject else ""
        subs = tuple(f"{loc.label('heading.next_steps')}{loc.message(code)}" for code in f.remedies)
        items.append((loc.finding(f) + subject, subs))
    return items


def _clock_rows(loc: Localizer, clocks: Iterable[Clock]) -> tuple[tuple[str, ...], ...]:
    # Moments stay in the one unambiguous form the findings use (``time_text``); other
    # modules' reports and tests rely on it.
    from tradesecret.preservation._clocks import time_text  # noqa: PLC0415

    rows = []
    for c in clocks:
        if c.due_at is not None:
            due = time_text(c.due_at)
        elif c.opens is not None:
            due = f"{loc.date(c.opens)} – {loc.date(c.due)}"
        else:
            due = loc.date(c.due)
            if c.rolled:
                due += " " + loc.message("preservation.report.rolled_from", {"nominal": c.nominal})
        done = ""
        if c.done_at is not None:
            done = time_text(c.done_at)
        elif c.done_on is not None:
            done = loc.date(c.done_on)
        rows.append(
            (
                loc.term(f"preservation.clock_kind.{c.kind.value}"),
                loc.term(f"preservation.actor.{c.actor.value}"),
                due,
                done or "—",
                loc.term(f"preservation.clock_status.{c.status.value}"),
                loc.citations(c.citations),
            )
        )
    return tuple(rows)


def _timetable_blocks(loc: Localizer, t: Timetable, level: int) -> list[_Block]:
    blocks: list[_Block] = [_H(level, loc.term("preservation.report.timetable"))]
    blocks.append(
        _P(
            loc.message(
                "preservation.report.timetable_meta",
                {
                    "as_of": t.as_of,
                    "stage": Term(f"preservation.stage.{t.stage.value}"),
                    "rest_days": Term(f"preservation.rest_days.{t.rest_days.value}"),
                },
            )
        )
    )
    if t.clocks:
        blocks.append(
            _Table(
                tuple(
                    loc.term(f"preservation.report.col.{c}")
                    for c in ("clock", "actor", "due", "done", "status", "basis")
                ),
                _clock_rows(loc, t.clocks),
            )
        )
    else:
        blocks.append(_P(loc.term("preservation.report.no_clocks")))
    if t.findings:
        blocks += [
            _H(level + 1, loc.term("heading.findings")),
            _List(tuple(_finding_items(loc, t.findings))),
        ]
    return blocks


def _order_items(loc: Localizer, pa: PreservationAssessment) -> list[tuple[str, tuple[str, ...]]]:
    items = []
    titles = {s.id: s.title for s in pa.application.secrets}
    for order in pa.application.orders:
        subs: list[str] = []
        if order.description.strip():
            subs.append(order.description)
        if order.secrets:
            subs.append(
                loc.label("preservation.report.covers")
                + ("、" if loc.zh else ", ").join(titles.get(s, s) for s in order.secrets)
            )
        if order.until_judgment_effective:
            subs.append(loc.term("preservation.duration.until_judgment"))
        if order.months is not None:
            subs.append(loc.message("preservation.duration.months", {"months": order.months}))
        if order.until is not None:
            subs.append(loc.message("preservation.duration.until", {"until": order.until}))
        items.append((loc.term(f"preservation.order.{order.kind.value}"), tuple(subs)))
    return items


def _assessment_blocks(
    loc: Localizer, pa: PreservationAssessment, timetable: Timetable | None
) -> list[_Block]:
    from tradesecret.preservation._assess import FACTORS  # noqa: PLC0415

    app = pa.application
    a = pa.assessment
    title = f"{loc.term('preservation.report.title')} — {app.id}"
    blocks: list[_Block] = [_H(1, title)]
    blocks.append(
        _P(
            loc.message(
                "preservation.report.parties",
                {
                    "applicant": app.applicant.name,
                    "respondent": app.respondent.name,
                    "respondent_kind": Term(f"preservation.party.{app.respondent.kind.value}"),
                    "stage": Term(f"preservation.stage.{app.stage.value}"),
                    "as_of": pa.as_of,
                },
            )
        )
    )
    if app.court.strip():
        blocks.append(_P(loc.label("preservation.report.court") + app.court))
    # Summary
    blocks.append(_H(2, loc.term("preservation.report.summary")))
    blocks.append(
        _List(
            tuple(
                (text, ())
                for text in (
                    loc.label("heading.outcome") + loc.value(pa.outcome),
                    loc.label("preservation.report.ready")
                    + loc.term("term.bool.true" if pa.ready else "term.bool.false"),
                    loc.label("preservation.report.score") + loc.value(Ratio(pa.score)),
                    *(loc.message(f.code, f.args) for f in a.findings),
                    loc.label("heading.basis") + loc.citations(a.citations),
                )
            )
        )
    )
    # Factor table
    blocks.append(_H(2, loc.term("preservation.report.factors")))
    head = tuple(
        loc.term(f"preservation.report.col.{c}") for c in ("factor", "outcome", "strength", "basis")
    )
    rows = tuple(
        (loc.message(c.code), loc.value(c.outcome), _strength(loc, c), loc.citations(c.citations))
        for c in a.criteria
    )
    blocks.append(_Table(head, rows))
    # Details per criterion
    for c in a.criteria:
        kind = "factor" if c.code in FACTORS else "procedure"
        blocks.append(
            _H(
                3,
                f"{loc.message(c.code)} — {loc.value(c.outcome)}{_paren(loc, loc.term(f'preservation.report.{kind}'))}",
            )
        )
        facts = _facts(loc, c)
        if facts:
            blocks += [_P(loc.term("heading.facts")), _List(tuple((f, ()) for f in facts))]
        if c.evidence:
            blocks += [_P(loc.label("heading.evidence") + ", ".join(c.evidence))]
        if c.findings:
            blocks += [
                _P(loc.term("preservation.report.gaps")),
                _List(tuple(_finding_items(loc, c.findings))),
            ]
    # Orders
    blocks.append(_H(2, loc.term("preservation.report.orders")))
    orders = _order_items(loc, pa)
    blocks.append(_List(tuple(orders)) if orders else _P(loc.term("preservation.report.no_orders")))
    # Security
    s = pa.security
    blocks.append(_H(2, loc.term("preservation.report.security")))
    sec_items = [
        loc.label("preservation.fact.respondent_loss")
        + (
            loc.value(s.respondent_loss)
            if s.respondent_loss is not None
            else loc.term("preservation.report.unknown")
        ),
        loc.label("preservation.fact.recommended")
        + (
            loc.value(s.recommended)
            if s.recommended is not None
            else loc.term("preservation.report.court_decides")
        ),
        loc.label("preservation.fact.offered")
        + (loc.value(s.offered) if s.offered is not None else loc.term("preservation.report.none")),
    ]
    if s.shortfall is not None:
        sec_items.append(loc.label("preservation.fact.shortfall") + loc.value(s.shortfall))
    sec_items.append(
        loc.term(
            "preservation.report.security_mandatory"
            if s.mandatory
            else "preservation.report.security_discretionary"
        )
        + " — "
        + loc.citations(s.citations)
    )
    blocks.append(_List(tuple((t, ()) for t in sec_items)))
    # Counter-arguments
    blocks.append(_H(2, loc.term("preservation.report.counter")))
    if pa.counter_arguments:
        blocks.append(_List(tuple(_finding_items(loc, pa.counter_arguments))))
    else:
        blocks.append(_P(loc.term("preservation.report.no_counter")))
    if timetable is not None:
        blocks += _timetable_blocks(loc, timetable, 2)
    # Parameters
    params = list(pa.parameters)
    if timetable is not None:
        params = [*timetable.parameters, *params]
    blocks.append(_H(2, loc.term("heading.parameters")))
    blocks.append(_List(tuple((loc.parameter(p), ()) for p in _unique(params))))
    blocks.append(_P(loc.term("heading.disclaimer")))
    return blocks


def render_report(
    pa: PreservationAssessment, loc: Localizer, fmt: str, timetable: Timetable | None = None
) -> str:
    """Render one locale of the report as ``markdown`` or ``text``."""
    return _render(_assessment_blocks(loc, pa, timetable), fmt)


def explain_timetable(t: Timetable, loc: Localizer, fmt: str) -> str:
    """Render a timetable (used by :func:`tradesecret.explain`)."""
    blocks = _timetable_blocks(loc, t, 2)
    blocks.append(_P(loc.label("heading.basis") + loc.citations(t.citations)))
    if t.parameters:
        blocks.append(_H(3, loc.term("heading.parameters")))
        blocks.append(_List(tuple((loc.parameter(p), ()) for p in _unique(t.parameters))))
    blocks.append(_P(loc.term("heading.disclaimer")))
    return _render(blocks, fmt)


def readiness_report(
    assessment: PreservationAssessment,
    *,
    locale: str = "zh_CN",
    format: ReportFormat = "markdown",
    timetable: Timetable | None = None,
) -> str:
    """
    A readiness report for counsel.

    Args:
        assessment: The result of :func:`~tradesecret.preservation.assess_preservation`.
        locale: ``zh_CN``, ``en`` or ``bilingual`` (Chinese first, then English).
        format: ``markdown``, ``html`` (one self-contained page: inline CSS, no scripts,
            no external resources) or ``text``.
        timetable: Optionally, the matter's :class:`~tradesecret.preservation.Timetable`.

    Every piece of user text is escaped for the format.

    Raises:
        InvalidInputError: unsupported locale or format.
    """
    from tradesecret.exceptions import InvalidInputError  # noqa: PLC0415
    from tradesecret.i18n import Localizer  # noqa: PLC0415 - presentation layer, imported on use

    if format not in ("markdown", "html", "text"):
        raise InvalidInputError.single("format", format, "must be 'markdown', 'html' or 'text'")
    codes = ["zh_CN", "en"] if locale == "bilingual" else [locale]
    locs = [Localizer.for_locale(code) for code in codes]
    if format == "html":
        sections = []
        for loc in locs:
            blocks = _assessment_blocks(loc, assessment, timetable)
            lang = "zh-CN" if loc.zh else "en"
            sections.append(
                (
                    lang,
                    f"{loc.term('preservation.report.title')} — {assessment.application.id}",
                    _render(blocks, "html"),
                )
            )
        return _html_page(sections)
    parts = [render_report(assessment, loc, format, timetable) for loc in locs]
    return ("\n---\n\n" if format == "markdown" else "\n\n").join(parts)
