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

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

from tradesecret import presenters
from tradesecret.exceptions import InvalidInputError
from tradesecret.facts import UNKNOWN
from tradesecret.money import Ratio
from tradesecret.preservation._codes import FACTORS
from tradesecret.preservation._doc import (
    Block,
    H,
    ListBlock,
    P,
    Table,
    html_page,
    render,
    time_text,
)
from tradesecret.results import Criterion, Finding, MissingFact, Term

if TYPE_CHECKING:
    from tradesecret.i18n import Localizer
    from tradesecret.preservation._result import PreservationAssessment
    from tradesecret.preservation._timetable import Clock, Timetable

__all__ = ["ReportFormat", "readiness_report"]

ReportFormat = Literal["markdown", "html", "text"]

# -- building blocks --------------------------------------------------------------------


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
    # Moments stay in the one unambiguous form the findings use (``time_text``).
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


def _timetable_blocks(loc: Localizer, t: Timetable, level: int) -> list[Block]:
    blocks: list[Block] = [H(level, loc.term("preservation.report.timetable"))]
    blocks.append(
        P(
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
            Table(
                tuple(
                    loc.term(f"preservation.report.col.{c}")
                    for c in ("clock", "actor", "due", "done", "status", "basis")
                ),
                _clock_rows(loc, t.clocks),
            )
        )
    else:
        blocks.append(P(loc.term("preservation.report.no_clocks")))
    if t.findings:
        blocks += [
            H(level + 1, loc.term("heading.findings")),
            ListBlock(tuple(_finding_items(loc, t.findings))),
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


def missing_items(
    loc: Localizer, missing: Iterable[MissingFact]
) -> list[tuple[str, tuple[str, ...]]]:
    """The "what is missing" list: each fact not stated, and the criteria it would decide."""
    sep = "、" if loc.zh else ", "
    items: list[tuple[str, tuple[str, ...]]] = []
    for m in missing:
        if m.decisive:
            names = sep.join(loc.message(c) for c in m.criteria)
            text = loc.message(
                "preservation.report.missing_fact", {"fact": m.fact, "criteria": names}
            )
        else:
            text = loc.message("preservation.report.missing_fact_note", {"fact": m.fact})
        items.append((text, ()))
    return items


def _head_blocks(loc: Localizer, pa: PreservationAssessment) -> list[Block]:
    app = pa.application
    blocks: list[Block] = [H(1, f"{loc.term('preservation.report.title')} — {app.id}")]
    parties = {
        "applicant": app.applicant.name,
        "respondent": app.respondent.name,
        "respondent_kind": Term(f"preservation.party.{app.respondent.kind.value}"),
        "stage": Term(f"preservation.stage.{app.stage.value}"),
        "as_of": pa.as_of,
    }
    blocks.append(P(loc.message("preservation.report.parties", parties)))
    if app.court.strip():
        blocks.append(P(loc.label("preservation.report.court") + app.court))
    # What is missing, before anything else the reader might act on.
    blocks.append(H(2, loc.term("preservation.report.missing")))
    missing = missing_items(loc, pa.missing())
    blocks.append(
        ListBlock(tuple(missing)) if missing else P(loc.term("preservation.report.nothing_missing"))
    )
    return blocks


def _summary_blocks(loc: Localizer, pa: PreservationAssessment) -> list[Block]:
    a = pa.assessment
    sep = "、" if loc.zh else ", "
    lines = [
        loc.label("heading.outcome") + loc.value(pa.outcome),
        loc.label("preservation.report.ready")
        + loc.term("term.bool.true" if pa.ready else "term.bool.false"),
    ]
    unsettled = pa.not_settled()
    if unsettled:
        # The headline never hides a criterion that is not met or undetermined.
        names = sep.join(f"{loc.message(c.code)} ({loc.value(c.outcome)})" for c in unsettled)
        lines.append(loc.message("preservation.report.not_settled", {"criteria": names}))
    lines += [
        loc.label("preservation.report.score") + loc.value(Ratio(pa.score)),
        *(loc.message(f.code, f.args) for f in a.findings),
        loc.label("heading.basis") + loc.citations(a.citations),
    ]
    blocks: list[Block] = [
        H(2, loc.term("preservation.report.summary")),
        ListBlock(tuple((text, ()) for text in lines)),
    ]
    if not a.criteria:
        return blocks
    blocks.append(H(2, loc.term("preservation.report.factors")))
    head = tuple(
        loc.term(f"preservation.report.col.{c}") for c in ("factor", "outcome", "strength", "basis")
    )
    rows = tuple(
        (loc.message(c.code), loc.value(c.outcome), _strength(loc, c), loc.citations(c.citations))
        for c in a.criteria
    )
    blocks.append(Table(head, rows))
    return blocks


def _criteria_blocks(loc: Localizer, pa: PreservationAssessment) -> list[Block]:
    blocks: list[Block] = []
    for c in pa.assessment.criteria:
        kind = loc.term(f"preservation.report.{'factor' if c.code in FACTORS else 'procedure'}")
        blocks.append(H(3, f"{loc.message(c.code)} — {loc.value(c.outcome)}{_paren(loc, kind)}"))
        facts = _facts(loc, c)
        if facts:
            blocks += [P(loc.term("heading.facts")), ListBlock(tuple((f, ()) for f in facts))]
        if c.evidence:
            blocks += [P(loc.label("heading.evidence") + ", ".join(c.evidence))]
        if c.findings:
            blocks += [
                P(loc.term("preservation.report.gaps")),
                ListBlock(tuple(_finding_items(loc, c.findings))),
            ]
    blocks.append(H(2, loc.term("preservation.report.orders")))
    orders = _order_items(loc, pa)
    blocks.append(
        ListBlock(tuple(orders)) if orders else P(loc.term("preservation.report.no_orders"))
    )
    return blocks


def _security_blocks(loc: Localizer, pa: PreservationAssessment) -> list[Block]:
    s = pa.security
    if pa.application.security.amount is UNKNOWN:
        offered = loc.term("preservation.report.not_stated")
    else:
        offered = (
            loc.value(s.offered) if s.offered is not None else loc.term("preservation.report.none")
        )
    items = [
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
        loc.label("preservation.fact.offered") + offered,
    ]
    if s.shortfall is not None:
        items.append(loc.label("preservation.fact.shortfall") + loc.value(s.shortfall))
    mandatory = "mandatory" if s.mandatory else "discretionary"
    items.append(
        loc.term(f"preservation.report.security_{mandatory}") + " — " + loc.citations(s.citations)
    )
    blocks: list[Block] = [
        H(2, loc.term("preservation.report.security")),
        ListBlock(tuple((t, ()) for t in items)),
        H(2, loc.term("preservation.report.counter")),
    ]
    if pa.counter_arguments:
        blocks.append(ListBlock(tuple(_finding_items(loc, pa.counter_arguments))))
    else:
        blocks.append(P(loc.term("preservation.report.no_counter")))
    return blocks


def _assessment_blocks(
    loc: Localizer, pa: PreservationAssessment, timetable: Timetable | None
) -> list[Block]:
    blocks = [
        *_head_blocks(loc, pa),
        *_summary_blocks(loc, pa),
        *_criteria_blocks(loc, pa),
        *_security_blocks(loc, pa),
    ]
    if timetable is not None:
        blocks += _timetable_blocks(loc, timetable, 2)
    params = list(pa.parameters)
    if timetable is not None:
        params = [*timetable.parameters, *params]
    blocks.append(H(2, loc.term("heading.parameters")))
    blocks.append(ListBlock(tuple((text, ()) for text in loc.parameters(params))))
    blocks.append(P(loc.term("heading.disclaimer")))
    return blocks


def render_report(
    pa: PreservationAssessment, loc: Localizer, fmt: str, timetable: Timetable | None = None
) -> str:
    """Render one locale of the report as ``markdown`` or ``text``."""
    return render(_assessment_blocks(loc, pa, timetable), fmt)


def explain_timetable(t: Timetable, loc: Localizer, fmt: str) -> str:
    """Render a timetable (used by :func:`tradesecret.explain`)."""
    blocks = _timetable_blocks(loc, t, 2)
    blocks.append(P(loc.label("heading.basis") + loc.citations(t.citations)))
    if t.parameters:
        blocks.append(H(3, loc.term("heading.parameters")))
        blocks.append(ListBlock(tuple((text, ()) for text in loc.parameters(t.parameters))))
    blocks.append(P(loc.term("heading.disclaimer")))
    return render(blocks, fmt)


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
    if format not in ("markdown", "html", "text"):
        raise InvalidInputError.single("format", format, "must be 'markdown', 'html' or 'text'")
    codes = ["zh_CN", "en"] if locale == "bilingual" else [locale]
    locs: list[Any] = [presenters.present("localizer", code) for code in codes]
    if format == "html":
        sections = []
        for loc in locs:
            blocks = _assessment_blocks(loc, assessment, timetable)
            lang = "zh-CN" if loc.zh else "en"
            sections.append(
                (
                    lang,
                    f"{loc.term('preservation.report.title')} — {assessment.application.id}",
                    render(blocks, "html"),
                )
            )
        return html_page(sections)
    parts = [render_report(assessment, loc, format, timetable) for loc in locs]
    return ("\n---\n\n" if format == "markdown" else "\n\n").join(parts)
