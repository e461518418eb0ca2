"""Rendering of the non-compete domain results (called by :func:`tradesecret.explain`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tradesecret.i18n import Format, Localizer
    from tradesecret.noncompete.floor import CompensationFloor


def explain_floor(floor: CompensationFloor, loc: Localizer, fmt: Format) -> str:
    """Both tiers month by month, the average, the trace, findings and parameters."""
    title = loc.message(
        "noncompete.floor.title", {"agreement": floor.agreement_id, "person": floor.person_id}
    )
    lines = [
        loc.heading(fmt, 2, title),
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
        lines += ["", loc.heading(fmt, 3, loc.term("noncompete.floor.months_heading"))]
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
    sections = (
        ("heading.trace", loc.trace_lines(floor.trace)),
        ("heading.findings", loc.finding_lines(floor.findings)),
        ("heading.parameters", [f"- {t}" for t in loc.parameters(floor.parameters)]),
    )
    return loc.document(fmt, lines, sections)
