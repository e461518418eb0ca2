"""Markdown and self-contained HTML reports for every result."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final, Literal, TypeGuard

import attrs
import pendulum

from tradesecret.exceptions import InvalidInputError
from tradesecret.i18n import Explainable, Localizer, explain, normalize_locale
from tradesecret.law import Citation
from tradesecret.reports._json import annotate, remedy_text, value_text
from tradesecret.reports._markdown import escape_html as _e
from tradesecret.reports._markdown import markdown_to_html
from tradesecret.reports._sections import sources_markdown, sources_text, split_at_instalments
from tradesecret.reports._style import CSS as _CSS
from tradesecret.results import Assessment, Criterion, Determination, Finding, Severity, TraceStep

if TYPE_CHECKING:
    from tradesecret.casefile import CaseReview

ReportFormat = Literal["text", "markdown", "html", "json"]
REPORT_FORMATS: Final = ("text", "markdown", "html", "json")


def _authority(loc: Localizer, authority: Any) -> str:
    term = loc.term(f"term.authority.{authority.value}")
    return f'<span class="ts-auth ts-auth-{_e(authority.value)}">{_e(term)}</span>'


def _cites(loc: Localizer, citations: Iterable[Citation]) -> str:
    """Each citation with its force and verification status, visible (the id in a tooltip)."""
    sep = "，" if loc.zh else ", "
    items = [
        f'<span class="ts-cite" title="{_e(c.id)}">{_e(c.render(loc.locale))} '
        f'<span class="ts-cite-meta">({_e(loc.term(f"term.authority.{c.authority.value}"))}{sep}'
        f"{_e(loc.value(c.status))})</span></span>"
        for c in citations
    ]
    return ("；" if loc.zh else "; ").join(items)


def _finding_li(loc: Localizer, f: Finding) -> str:
    sev = f.severity.value
    subject = f" <code>{_e(f.subject)}</code>" if f.subject else ""
    return (
        f'<li class="ts-finding" data-code="{_e(f.code)}"><span class="ts-sev-{sev}">[{_e(loc.value(f.severity))}]</span> '
        f"{_authority(loc, f.authority)} "
        f"{_e(loc.message(f.code, f.args))}{subject} — {_cites(loc, f.citations)}</li>"
    )


def _findings_html(loc: Localizer, findings: Sequence[Finding]) -> list[str]:
    if not findings:
        return []
    ordered = sorted(findings, key=lambda f: -f.severity.rank)
    return ["<ul>", *(_finding_li(loc, f) for f in ordered), "</ul>"]


def _next_steps(loc: Localizer, findings: Iterable[Finding]) -> list[str]:
    steps: dict[str, None] = {}
    for f in sorted(findings, key=lambda f: -f.severity.rank):
        for code in f.remedies:
            steps.setdefault(remedy_text(loc, code, f), None)
    if not steps:
        return []
    return [
        f"<h4>{_e(loc.term('heading.next_steps'))}</h4>",
        "<ol>",
        *(f"<li>{_e(s)}</li>" for s in steps),
        "</ol>",
    ]


def _trace_html(loc: Localizer, trace: Sequence[TraceStep]) -> list[str]:
    if not trace:
        return []
    rows = [
        f"<tr><td>{_e(loc.date(s.on)) if s.on else ''}</td><td>{_e(loc.message(s.code, s.args))}</td>"
        f"<td>{_cites(loc, s.citations)}</td></tr>"
        for s in trace
    ]
    return [f"<h4>{_e(loc.term('heading.trace'))}</h4>", "<table>", *rows, "</table>"]


def _params_html(loc: Localizer, params: Iterable[Any]) -> list[str]:
    seen: dict[tuple[str, str | None, object], Any] = {}
    for p in params:
        seen.setdefault((p.name, p.region, p.since), p)
    if not seen:
        return []
    items = [f"<li><code>{_e(p.name)}</code> {_e(loc.parameter(p))}</li>" for p in seen.values()]
    return [f"<h4>{_e(loc.term('heading.parameters'))}</h4>", "<ul>", *items, "</ul>"]


def _criterion_html(loc: Localizer, c: Criterion) -> list[str]:
    out = [
        f'<section class="ts-criterion" data-code="{_e(c.code)}">',
        (
            f"<h3>{_e(loc.message(c.code, c.facts))} "
            f'<span class="ts-badge ts-outcome-{c.outcome.value}">{_e(loc.value(c.outcome))}</span></h3>'
        ),
        f"<p>{_e(loc.label('heading.basis'))}{_cites(loc, c.citations)}</p>",
    ]
    if c.strength is not None:
        out.append(f"<p>{_e(loc.value(c.strength))}</p>")
    out += _findings_html(loc, c.findings)
    if c.evidence:
        out.append(
            f"<p>{_e(loc.label('heading.evidence'))}"
            + ", ".join(f"<code>{_e(x)}</code>" for x in c.evidence)
            + "</p>"
        )
    out += _trace_html(loc, c.trace)
    out += _next_steps(loc, c.findings)
    out.append("</section>")
    return out


def _summary(loc: Localizer, findings: Sequence[Finding]) -> str:
    worst = max((f.severity for f in findings), key=lambda s: s.rank, default=None)
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    parts = [f"{_e(loc.value(s))}: {n}" for s, n in counts.items() if n]
    return (
        f"<p>{_e(loc.label('heading.findings'))}{len(findings)}"
        + (f" ({', '.join(parts)})" if parts else "")
        + (f' · <span class="ts-sev-{worst.value}">{_e(loc.value(worst))}</span>' if worst else "")
        + "</p>"
    )


def _assessment_html(loc: Localizer, a: Assessment) -> list[str]:
    title = loc.term(f"assessment.{a.kind}") if loc.has(f"assessment.{a.kind}") else a.kind
    findings = list(a.all_findings())
    out = [
        f'<section class="ts-assessment" data-kind="{_e(a.kind)}">',
        f"<h2>{_e(title)} — {_e(a.subject)}</h2>",
        '<div class="ts-summary">',
        (
            f"<p>{_e(loc.label('heading.outcome'))}"
            f'<span class="ts-badge ts-outcome-{a.outcome.value}">{_e(loc.value(a.outcome))}</span> · '
            f"{_e(loc.label('heading.as_of'))}{_e(loc.date(a.as_of))}</p>"
        ),
        _summary(loc, findings),
        f"<p>{_e(loc.label('heading.basis'))}{_cites(loc, a.citations)}</p>",
        "</div>",
    ]
    if a.criteria:
        out.append(f"<h3>{_e(loc.term('heading.criteria'))}</h3>")
        for c in a.criteria:
            out += _criterion_html(loc, c)
    if a.findings:
        out.append(f"<h3>{_e(loc.term('heading.findings'))}</h3>")
        out += _findings_html(loc, a.findings)
    out += _next_steps(loc, findings)
    out += _params_html(loc, a.parameters)
    out.append("</section>")
    return out


def _determination_html(loc: Localizer, d: Determination[Any]) -> list[str]:
    rule = loc.message(f"rule.{d.rule}") if loc.has(f"rule.{d.rule}") else d.rule
    out = [
        '<section class="ts-determination">',
        f"<h2>{_e(loc.label('heading.value'))}{_e(value_text(loc, d.value))}</h2>",
        '<div class="ts-summary">',
        f"<p>{_e(loc.label('heading.rule'))}{_e(rule)} · {_e(loc.label('heading.as_of'))}{_e(loc.date(d.as_of))}</p>",
        _summary(loc, d.findings),
        f"<p>{_e(loc.label('heading.basis'))}{_cites(loc, d.citations)}</p>",
        "</div>",
    ]
    out += _trace_html(loc, d.trace)
    if d.findings:
        out.append(f"<h3>{_e(loc.term('heading.findings'))}</h3>")
        out += _findings_html(loc, d.findings)
    out += _next_steps(loc, d.findings)
    out += _params_html(loc, d.parameters)
    out.append("</section>")
    return out


def _body(loc: Localizer, result: object, depth: int = 0) -> list[str]:
    from tradesecret.reports._adapters import figures  # noqa: PLC0415

    if isinstance(result, Assessment):
        out = _assessment_html(loc, result)
    elif isinstance(result, Determination):
        out = _determination_html(loc, result)
    elif isinstance(result, Finding):
        out = _findings_html(loc, [result])
    elif isinstance(result, Criterion):
        out = _criterion_html(loc, result)
    elif _is_review(result):
        out = []
        for inner in result.results:
            out += _body(loc, inner, depth + 1)
        return out
    elif isinstance(result, Explainable):
        return _explained_html(loc, result)
    elif isinstance(result, tuple | list):
        out = []
        for inner in result:
            out += _body(loc, inner, depth + 1)
        return out
    else:
        out = []  # a picture alone (an evidence graph), or nothing to report
    drawn = list(figures(result, loc))
    if not out and not drawn:
        msg = f"cannot report a {type(result).__name__}"
        raise TypeError(msg)
    out += [_figure(f) for f in drawn]
    out += _sources_html(loc, result)
    return out


def _figure(figure: Any) -> str:
    return f'<figure class="ts-figure">{figure.svg}<figcaption>{_e(figure.caption)}</figcaption></figure>'


def _sources_html(loc: Localizer, result: object) -> list[str]:
    md = "\n".join(sources_markdown(loc, result)).strip()
    return [f'<div class="ts-sources">{markdown_to_html(md)}</div>'] if md else []


def _explained_html(loc: Localizer, result: object) -> list[str]:
    """A domain result: its explanation, the instalments as a table with the chart beside it."""
    from tradesecret.reports._adapters import figures  # noqa: PLC0415

    markdown = explain(result, locale=loc.locale, format="markdown")
    head, tail = split_at_instalments(markdown, loc, result)
    drawn = [_figure(f) for f in figures(result, loc)]
    out = ['<section class="ts-result">']
    if tail:
        out += [
            '<div class="ts-ledger">',
            f"<div>{markdown_to_html(head)}</div>",
            *drawn,
            "</div>",
            markdown_to_html(tail),
        ]
    else:
        out += [markdown_to_html(head), *drawn]
    out += _sources_html(loc, result)
    out.append("</section>")
    return out


def _is_review(result: object) -> TypeGuard[CaseReview]:
    from tradesecret.casefile import CaseReview  # noqa: PLC0415

    return isinstance(result, CaseReview)


def _title(loc: Localizer, result: object) -> str:
    if _is_review(result):
        review: Any = result
        if review.title:
            return str(review.title)
        code = f"casefile.kind.{review.kind}"
        return loc.term(code) if loc.has(code) else str(review.kind)
    if isinstance(result, Assessment):
        code = f"assessment.{result.kind}"
        return (loc.term(code) if loc.has(code) else result.kind) + f" — {result.subject}"
    return loc.term("report.title")


def _review_summary(loc: Localizer, result: object) -> list[str]:
    from tradesecret.casefile import iter_findings  # noqa: PLC0415

    findings = list(iter_findings(result))
    out: list[str] = []
    if _is_review(result):
        story = f"casefile.story.{result.kind}"
        if loc.has(story):
            out.append(f'<p class="ts-story">{_e(loc.message(story))}</p>')
        if result.missing:
            out.append(
                f'<p class="ts-missing">{_e(loc.message("cli.demo.missing", {"modules": ", ".join(result.missing)}))}</p>'
            )
    out.append('<div class="ts-summary ts-top">')
    as_of = getattr(result, "as_of", None)
    if isinstance(as_of, pendulum.Date):
        out.append(f"<p>{_e(loc.label('heading.as_of'))}{_e(loc.date(as_of))}</p>")
    out.append(_summary(loc, findings))
    top = [
        f
        for f in sorted(findings, key=lambda f: -f.severity.rank)
        if f.severity.at_least(Severity.MEDIUM)
    ]
    if top:
        out += ["<ul>", *(_finding_li(loc, f) for f in top[:8]), "</ul>"]
    out.append("</div>")
    return out


def _locales(locale: str) -> tuple[str, ...]:
    if locale in ("bilingual", "both", "zh_CN+en"):
        return ("zh_CN", "en")
    return (normalize_locale(locale),)


def render_html(
    result: object, *, locale: str = "zh_CN", standalone: bool = True, title: str | None = None
) -> str:
    """
    A self-contained HTML report (inline CSS and SVG, no script, no external resource).

    Summary first, then each assessment with every criterion or factor (outcome, reasons,
    evidence, citations, next steps), determinations with their steps, a compensation
    timeline and an evidence-chain picture where the result has them. All user text is
    escaped.

    Args:
        result: Any result, a list of results or a :class:`~tradesecret.casefile.CaseReview`.
        locale: ``zh_CN``, ``en`` or ``bilingual`` (Chinese, then English).
        standalone: A whole document (``True``) or a fragment for a notebook or a page.
        title: Overrides the title.
    """
    sections: list[str] = []
    for code in _locales(locale):
        loc = Localizer.for_locale(code)
        head = title if title is not None else _title(loc, result)
        lang = "zh-CN" if loc.zh else "en"
        sections += [f'<article class="ts-report" lang="{lang}">', f"<h1>{_e(head)}</h1>"]
        sections += _review_summary(loc, result)
        sections += _body(loc, result)
        sections.append(
            f'<p class="ts-disclaimer">{_e(loc.term("heading.disclaimer"))}</p></article>'
        )
    body = "\n".join(sections)
    if not standalone:
        return f'<div class="ts-report-fragment"><style>{_CSS}</style>\n{body}\n</div>'
    first = Localizer.for_locale(_locales(locale)[0])
    doc_title = title if title is not None else _title(first, result)
    lang = "zh-CN" if first.zh else "en"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(doc_title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


@attrs.frozen
class Report:
    """
    A result dressed for notebooks: displays as HTML (with its pictures) or Markdown.

    ``Report(review, locale="en")`` as the last line of a Jupyter cell renders the report;
    :meth:`html` and :meth:`markdown` give the text.

    Attributes:
        result: Any result, list of results, case review or evidence graph.
        locale: ``zh_CN``, ``en`` or ``bilingual``.
    """

    result: object
    locale: str = "zh_CN"

    def html(self, *, standalone: bool = True) -> str:
        """The HTML report."""
        return render_html(self.result, locale=self.locale, standalone=standalone)

    def markdown(self) -> str:
        """The Markdown report."""
        return render_markdown(self.result, locale=self.locale)

    def _repr_html_(self) -> str:
        return self.html(standalone=False)

    def _repr_markdown_(self) -> str:
        return self.markdown()


def render_markdown(result: object, *, locale: str = "zh_CN") -> str:
    """A Markdown report (``bilingual``: Chinese, then English), summary first."""
    from tradesecret.casefile import iter_findings  # noqa: PLC0415

    parts: list[str] = []
    for code in _locales(locale):
        loc = Localizer.for_locale(code)
        findings = list(iter_findings(result))
        worst = max((f.severity for f in findings), key=lambda s: s.rank, default=None)
        lines = [f"# {_title(loc, result)}", ""]
        lines.append(
            f"**{loc.label('heading.findings')}{len(findings)}**"
            + (f" · {loc.value(worst)}" if worst else "")
        )
        lines.append("")
        items = (
            result.results
            if _is_review(result)
            else (result if isinstance(result, tuple | list) else (result,))
        )
        for item in items:
            lines += [_item_markdown(loc, item), *sources_markdown(loc, item), ""]
        lines += [loc.term("heading.disclaimer"), ""]
        parts.append("\n".join(lines).rstrip() + "\n")
    return "\n---\n\n".join(parts)


def _item_markdown(loc: Localizer, item: object) -> str:
    """The item's explanation; for a picture alone (an evidence graph) its caption."""
    from tradesecret.reports._adapters import figures  # noqa: PLC0415

    try:
        text = _demote(explain(item, locale=loc.locale, format="markdown"))
    except TypeError:
        drawn = list(figures(item, loc))
        if not drawn:
            raise
        return "\n".join(f"*{figure.caption}* (HTML report)" for figure in drawn)
    head, tail = split_at_instalments(text, loc, item)
    return f"{head}\n\n{tail}".rstrip()


def _demote(markdown: str) -> str:
    """Shift headings one level down so the report keeps a single H1."""
    return "\n".join(
        ("#" + line) if line.startswith("#") else line for line in markdown.splitlines()
    )


def to_plain(result: object, *, locale: str = "zh_CN") -> Any:
    """
    JSON-ready data for any result, list of results or case review.

    Each result is unstructured by its own type (the conventions of
    :mod:`tradesecret.serialization`), then every finding, criterion, determination,
    assessment, trace step and citation gets its sentence in ``locale`` (``message``,
    ``tier``, ``binding``, citation ``label``: see :mod:`tradesecret.reports._json`).
    A review becomes ``{"kind", "title", "as_of", "locale", "missing", "results":
    [{"type": ..., "value": ...}, ...]}``. An evidence graph is given as its nodes and
    edges. ``bilingual`` gives the Chinese sentences.
    """
    from tradesecret.serialization import unstructure  # noqa: PLC0415

    loc = Localizer.for_locale(_locales(locale)[0])
    if _is_review(result):
        return {
            "kind": result.kind,
            "title": result.title,
            "as_of": result.as_of.to_date_string(),
            "locale": loc.locale,
            "missing": list(result.missing),
            "results": [_typed(item, loc) for item in result.results],
        }
    if isinstance(result, tuple | list):
        return [_typed(item, loc) for item in result]
    plain = unstructure(result)
    annotate(result, plain, loc)
    return plain


def _typed(item: object, loc: Localizer) -> dict[str, Any]:
    from tradesecret.reports._domain import evidence_picture  # noqa: PLC0415
    from tradesecret.serialization import unstructure  # noqa: PLC0415

    evaluation = getattr(item, "evaluation", None)
    picture = evidence_picture(item, loc, limit=10**9)
    if picture is not None:
        nodes, edges = picture
        value: dict[str, Any] = {
            "graph": {
                "nodes": [attrs.asdict(n) for n in nodes],
                "edges": [attrs.asdict(e) for e in edges],
            }
        }
        if evaluation is not None:
            value["evaluation"] = unstructure(evaluation)
            annotate(evaluation, value["evaluation"], loc)
        return {"type": type(evaluation or item).__name__, "value": value}
    plain = unstructure(item)
    annotate(item, plain, loc)
    return {"type": type(item).__name__, "value": plain}


def render(result: object, *, locale: str = "zh_CN", format: str = "text") -> str:
    """
    Render any result in one of the report formats: ``text``, ``markdown``, ``html``, ``json``.

    Raises:
        InvalidInputError: an unknown format or locale.
    """
    if format not in REPORT_FORMATS:
        raise InvalidInputError.single(
            "format", format, "expected one of {allowed}", allowed=list(REPORT_FORMATS)
        )
    if format == "html":
        return render_html(result, locale=locale)
    if format == "markdown":
        return render_markdown(result, locale=locale)
    if format == "json":
        return json.dumps(to_plain(result, locale=locale), ensure_ascii=False, indent=2) + "\n"
    parts = []
    for code in _locales(locale):
        items = (
            result.results
            if _is_review(result)
            else (result if isinstance(result, tuple | list) else (result,))
        )
        loc = Localizer.for_locale(code)
        sources = "\n".join(sources_text(loc, items)).strip()
        if _is_review(result):
            parts.append(explain(result, locale=code, format="text") + "\n\n" + sources)
        else:
            body = "\n\n".join(explain(i, locale=code, format="text") for i in items)
            parts.append(body + "\n\n" + sources)
    return "\n\n".join(parts) + "\n"


__all__ = [
    "REPORT_FORMATS",
    "ReportFormat",
    "markdown_to_html",
    "render",
    "render_html",
    "render_markdown",
    "to_plain",
]
_ = attrs  # attrs is used by the adapters' types
