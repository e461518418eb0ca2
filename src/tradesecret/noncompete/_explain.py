"""Rendering of the non-compete domain results (called by :func:`tradesecret.explain`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pendulum

from tradesecret.results import Finding, TraceStep
from tradesecret.rulebook import ParameterValue

if TYPE_CHECKING:
    from tradesecret.i18n import Format, Localizer
    from tradesecret.noncompete.floor import CompensationFloor


def _h(fmt: Format, level: int, text: str) -> str:
    return f"{'#' * level} {text}" if fmt == "markdown" else text


def _unique(params: Iterable[ParameterValue]) -> list[ParameterValue]:
    seen: dict[tuple[str, str | None, pendulum.Date], ParameterValue] = {}
    for p in params:
        seen.setdefault((p.name, p.region, p.since), p)
    return list(seen.values())


def trace_lines(loc: Localizer, trace: Iterable[TraceStep]) -> list[str]:
    """One bullet per trace step."""
    out = []
    for step in trace:
        when = f"{loc.date(step.on)}: " if step.on is not None else ""
        out.append(f"- {when}{loc.message(step.code, step.args)} — {loc.citations(step.citations)}")
    return out


def finding_lines(loc: Localizer, findings: Iterable[Finding]) -> list[str]:
    """One bullet per finding, remedies indented under it."""
    out: list[str] = []
    for f in findings:
        out.append(f"- {loc.finding(f)}")
        out.extend(f"  - {loc.label('heading.next_steps')}{loc.message(r)}" for r in f.remedies)
    return out


def explain_floor(floor: CompensationFloor, loc: Localizer, fmt: Format) -> str:
    """Both tiers month by month, the average, the trace, findings and parameters."""
    lines = [
        _h(
            fmt,
            2,
            loc.message(
                "noncompete.floor.title",
                {"agreement": floor.agreement_id, "person": floor.person_id},
            ),
        ),
        "",
        f"{loc.label('heading.as_of')}{loc.date(floor.as_of)}",
        loc.message(
            "noncompete.floor.summary",
            {
                "average": floor.average_wage.value.round_fen(),
                "months": floor.period_months,
                "default_total": floor.default_total,
            },
        ),
        f"{loc.label('heading.basis')}{loc.citations(floor.default_citations)}",
    ]
    if floor.guidance_total is not None:
        lines.append(
            loc.message(
                "noncompete.floor.guidance_summary", {"guidance_total": floor.guidance_total}
            )
            + f" — {loc.citations(floor.guidance_citations)}"
        )
    if floor.months:
        lines += ["", _h(fmt, 3, loc.term("noncompete.floor.months_heading"))]
        header = loc.message("noncompete.floor.columns")
        cols = [c.strip() for c in header.split("|")]
        if fmt == "markdown":
            lines += ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
        else:
            lines.append("  " + " · ".join(cols))
        for m in floor.months:
            guidance = loc.value(m.guidance_amount) if m.guidance_amount is not None else "—"
            cells = [
                f"{m.index + 1}",
                f"{loc.date(m.first_day)} – {loc.date(m.last_day)}",
                loc.value(m.minimum_wage),
                loc.value(m.default_amount),
                guidance,
            ]
            if fmt == "markdown":
                lines.append("| " + " | ".join(cells) + " |")
            else:
                lines.append("- " + " · ".join(cells))
    if floor.trace:
        lines += ["", _h(fmt, 3, loc.term("heading.trace")), *trace_lines(loc, floor.trace)]
    if floor.findings:
        lines += ["", _h(fmt, 3, loc.term("heading.findings")), *finding_lines(loc, floor.findings)]
    params = _unique(floor.parameters)
    if params:
        lines += ["", _h(fmt, 3, loc.term("heading.parameters"))]
        lines += [f"- {loc.parameter(p)}" for p in params]
    lines += ["", loc.term("heading.disclaimer")]
    return "\n".join(lines)
