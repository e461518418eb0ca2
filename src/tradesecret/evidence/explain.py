"""Rendering of evidence results for :func:`tradesecret.explain` (with the localizer it is given)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tradesecret.evidence._tree import CLAIM_TREE
from tradesecret.evidence.model import ClaimCode
from tradesecret.results import Criterion, Finding, Outcome, Term

if TYPE_CHECKING:
    from tradesecret.evidence.integrity import IntegrityReport
    from tradesecret.evidence.reasoning import EvidenceEvaluation
    from tradesecret.i18n import Localizer

__all__ = ["explain_evaluation", "explain_integrity"]

#: How many gaps and paths a rendering lists.
SHOWN = 10


def _h(fmt: str, level: int, text: str) -> str:
    return f"{'#' * level} {text}" if fmt == "markdown" else text


def _findings(loc: Localizer, findings: tuple[Finding, ...]) -> list[str]:
    lines: list[str] = []
    for f in findings:
        lines.append(f"- {loc.finding(f)}")
        lines.extend(
            f"  - {loc.label('heading.next_steps')}{loc.message(code)}" for code in f.remedies
        )
    return lines


def _claim_line(loc: Localizer, c: Criterion) -> str:
    weights = ""
    if c.facts:
        facts = dict(c.facts)
        weights = " " + loc.message(
            "evidence.format.weights", {"pro": facts["pro"], "con": facts["con"]}
        )
    return f"{loc.message(c.code)}: {loc.value(c.outcome)}{weights} — {loc.citations(c.citations)}"


def _missing(loc: Localizer, ev: EvidenceEvaluation, fmt: str) -> list[str]:
    """The "what is missing" list: facts not stated, most decisive first."""
    lines = [_h(fmt, 3, loc.message("evidence.heading.missing"))]
    missing = ev.missing()
    if not missing:
        return [*lines, loc.message("evidence.missing.none"), ""]
    sep = "、" if loc.zh else ", "
    for m in missing:
        if m.decisive:
            names = sep.join(loc.message(c) for c in m.criteria)
            lines.append(
                "- " + loc.message("evidence.missing.fact", {"fact": m.fact, "criteria": names})
            )
        else:
            lines.append("- " + loc.message("evidence.missing.note", {"fact": m.fact}))
    return [*lines, ""]


def explain_evaluation(ev: EvidenceEvaluation, loc_: object, fmt: str) -> str:
    """Render an :class:`EvidenceEvaluation`."""
    loc: Localizer = loc_  # type: ignore[assignment]
    a = ev.assessment
    std = ev.standard.name
    std_name = (
        loc.message(f"evidence.standard.{std}") if loc.has(f"evidence.standard.{std}") else std
    )
    lines = [
        _h(fmt, 2, f"{loc.message('assessment.evidence_chain')} — {ev.secret} / {ev.respondent}"),
        "",
        (
            f"{loc.label('heading.outcome')}{loc.value(ev.outcome)} · "
            f"{loc.label('heading.as_of')}{loc.date(ev.as_of)}"
        ),
        loc.message("evidence.format.standard", {"standard": std_name}),
        f"{loc.label('heading.basis')}{loc.citations(a.citations)}",
        "",
        *_missing(loc, ev, fmt),
        _h(fmt, 3, loc.message("evidence.heading.claims")),
    ]
    by_code = {c.code: c for c in a.criteria}

    def visit(code: ClaimCode, depth: int) -> None:
        crit = by_code[code.message]
        lines.append(f"{'  ' * depth}- {_claim_line(loc, crit)}")
        for child in CLAIM_TREE.get(code, (None, ()))[1]:
            visit(child, depth + 1)

    visit(ClaimCode.INFRINGEMENT, 0)
    lines += ["", _h(fmt, 3, loc.message("evidence.heading.burden_shift"))]
    for code in (ClaimCode.BURDEN_SHIFT_NOT_A_SECRET, ClaimCode.BURDEN_SHIFT_NON_INFRINGEMENT):
        crit = by_code[code.message]
        lines.append(
            f"- {loc.message(crit.code)}: {loc.value(crit.outcome)} — {loc.citations(crit.citations)}"
        )
    if a.findings:
        lines += ["", _h(fmt, 3, loc.term("heading.findings")), *_findings(loc, a.findings)]
    if ev.gaps:
        lines += ["", _h(fmt, 3, loc.message("evidence.heading.gaps"))]
        for gap in ev.gaps[:SHOWN]:
            after = (
                " "
                + loc.message(
                    "evidence.format.changes_outcome", {"outcome": _term(gap.outcome_after)}
                )
                if gap.changes_outcome
                else ""
            )
            lines.append(
                f"- {loc.message(gap.claim.message)}: {loc.message(gap.code, gap.args)} "
                f"({loc.message(f'evidence.kind.{gap.kind.value}')}){after}"
            )
        if len(ev.gaps) > SHOWN:
            lines.append(loc.message("evidence.format.more", {"count": len(ev.gaps) - SHOWN}))
    if ev.paths:
        lines += ["", _h(fmt, 3, loc.message("evidence.heading.paths"))]
        lines += [f"- {' → '.join(path)}" for path in ev.paths[:SHOWN]]
        if len(ev.paths) > SHOWN:
            lines.append(loc.message("evidence.format.more", {"count": len(ev.paths) - SHOWN}))
    if a.parameters:
        lines += ["", _h(fmt, 3, loc.term("heading.parameters"))]
        lines += [f"- {loc.parameter(p)}" for p in a.parameters]
    lines += ["", loc.term("heading.disclaimer")]
    return "\n".join(lines)


def _term(outcome: Outcome) -> Any:
    return Term(f"term.outcome.{outcome.value}")


def explain_integrity(report: IntegrityReport, loc_: object, fmt: str) -> str:
    """Render an :class:`IntegrityReport`."""
    loc: Localizer = loc_  # type: ignore[assignment]
    head = loc.message(
        "evidence.integrity.summary",
        {
            "items": report.items_checked,
            "logs": report.logs_checked,
            "failed": len(report.failed_items),
        },
    )
    lines = [_h(fmt, 2, loc.message("evidence.heading.integrity")), "", head]
    lines += _protection_lines(loc, report)
    if report.findings:
        lines += ["", *_findings(loc, report.findings)]
    return "\n".join(lines)


def _protection_lines(loc: Localizer, report: IntegrityReport) -> list[str]:
    """What the custody logs' protection shows: keyed and checked, or accidental edits only."""
    if not report.protection:
        return []
    if not report.rechainable:
        return [
            loc.message("evidence.integrity.protection_keyed", {"logs": len(report.protection)})
        ]
    sep = "、" if loc.zh else ", "
    return [
        loc.message(
            "evidence.integrity.protection_rechainable",
            {"count": len(report.rechainable), "items": sep.join(sorted(report.rechainable))},
        )
    ]
