"""
Report sections shared by the HTML, Markdown and text reports.

* :func:`cited` and :func:`sources_markdown` -- every source a result rests on, with its
  tier, whether it binds a court or is guidance, and how it was verified, as a table at
  the end of the result's section (visible, not a tooltip);
* :func:`split_at_instalments` -- a result's Markdown explanation with its instalment list
  turned into a table, split after that table so the timeline drawn from it sits beside
  it; the per-result disclaimer is dropped (the report ends with one).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import Any

import attrs
import pendulum

from tradesecret.i18n import Localizer
from tradesecret.law import Citation
from tradesecret.money import Money, Ratio

__all__ = ["cited", "sources_markdown", "sources_text", "split_at_instalments"]

_LEAVES = (str, bytes, int, float, Money, Ratio, pendulum.Date, enum.Enum)


def cited(result: object) -> list[Citation]:
    """Every citation reachable from ``result`` (once each), binding sources first."""
    seen: set[int] = set()
    found: dict[str, Citation] = {}

    def walk(node: object) -> Iterator[Citation]:
        if isinstance(node, _LEAVES) or node is None or id(node) in seen:
            return
        seen.add(id(node))
        if isinstance(node, Citation):
            yield node
        elif isinstance(node, tuple | list | frozenset | set):
            for item in node:
                yield from walk(item)
        elif attrs.has(type(node)):
            for field in attrs.fields(type(node)):  # type: ignore[arg-type]
                yield from walk(getattr(node, field.name, None))

    for c in walk(result):
        found.setdefault(c.id, c)
    return sorted(found.values(), key=_reading_order)


def _reading_order(c: Citation) -> tuple[object, ...]:
    """Authority, then instrument, then articles in number order (Art. 3 before Art. 10)."""
    ref = c.ref
    article = ref.article or ""
    number = int(article) if article.isdigit() else -1
    return (
        c.authority.rank,
        ref.instrument,
        ref.version,
        number,
        article,
        ref.paragraph or 0,
        ref.item or 0,
    )


def _row(loc: Localizer, c: Citation) -> tuple[str, str, str, str]:
    return (
        c.render(loc.locale),
        loc.value(c.tier),
        loc.term(f"term.authority.{c.authority.value}"),
        loc.value(c.status),
    )


def sources_markdown(loc: Localizer, result: object, *, level: int = 4) -> list[str]:
    """The sources table of ``result`` in Markdown (empty when it cites nothing)."""
    citations = cited(result)
    if not citations:
        return []
    head = [
        loc.term("report.sources.source"),
        loc.term("report.sources.tier"),
        loc.term("report.sources.authority"),
        loc.term("report.sources.status"),
    ]
    lines = ["", f"{'#' * level} {loc.term('report.sources.heading')}", ""]
    lines.append("| " + " | ".join(head) + " |")
    lines.append("|---|---|---|---|")
    lines += ["| " + " | ".join(_row(loc, c)) + " |" for c in citations]
    return lines


def sources_text(loc: Localizer, result: object) -> list[str]:
    """The sources of ``result`` as plain text lines."""
    citations = cited(result)
    if not citations:
        return []
    lines = ["", loc.term("report.sources.heading")]
    sep = "；" if loc.zh else "; "
    lines += [
        f"- {label} — {sep.join((tier, force, status))}"
        for label, tier, force, status in (_row(loc, c) for c in citations)
    ]
    return lines


def _instalment_table(loc: Localizer, instalments: tuple[Any, ...]) -> list[str]:
    head = [
        loc.term(f"report.instalments.{k}")
        for k in ("number", "period", "due", "amount", "paid", "status")
    ]
    lines = ["| " + " | ".join(head) + " |", "|---:|---|---|---:|---:|---|"]
    for inst in instalments:
        status = inst.status.value if isinstance(inst.status, enum.Enum) else str(inst.status)
        code = next(
            (c for c in (f"ledger.term.status.{status}", f"report.status.{status}") if loc.has(c)),
            "",
        )
        period = loc.message(
            "report.instalments.range", {"start": inst.period_start, "end": inst.period_end}
        )
        due = getattr(inst, "effective_due", None) or inst.due
        cells = [
            str(inst.number),
            period,
            loc.date(due),
            loc.value(inst.amount),
            loc.value(inst.paid),
            loc.term(code) if code else status,
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _has_instalment_table(result: object) -> bool:
    instalments = getattr(result, "instalments", None)
    needed = ("number", "period_start", "period_end", "due", "amount", "paid", "status")
    return (
        isinstance(instalments, tuple)
        and bool(instalments)
        and all(all(hasattr(i, a) for a in needed) for i in instalments)
    )


def split_at_instalments(markdown: str, loc: Localizer, result: object) -> tuple[str, str]:
    """
    ``(up to and including the instalments table, the rest)``; ``(all, "")`` without one.

    The bullet list under the instalments heading becomes a table (number, period, due,
    amount, paid, status); the disclaimer line of the result is dropped.
    """
    disclaimer = loc.term("heading.disclaimer")
    lines = [line for line in markdown.splitlines() if line.strip() != disclaimer]
    heading = (
        loc.term("ledger.heading.instalments") if loc.has("ledger.heading.instalments") else None
    )
    if heading is None or not _has_instalment_table(result):
        return "\n".join(lines).rstrip(), ""
    at = next((i for i, line in enumerate(lines) if line.lstrip("#").strip() == heading), None)
    if at is None:
        return "\n".join(lines).rstrip(), ""
    end = at + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].lstrip().startswith("- ")):
        end += 1
    instalments: tuple[Any, ...] = getattr(result, "instalments", ())
    table = _instalment_table(loc, instalments)
    head = [*lines[: at + 1], "", *table]
    return "\n".join(head), "\n".join(lines[end:]).rstrip()
