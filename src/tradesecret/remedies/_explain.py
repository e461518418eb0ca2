"""Rendering of the remedies results (called by :func:`tradesecret.explain`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pendulum

from tradesecret.facts import UNKNOWN
from tradesecret.results import (
    Criterion,
    Determination,
    Finding,
    MissingFact,
    Undetermined,
    missing_facts,
)
from tradesecret.rulebook import ParameterValue

if TYPE_CHECKING:
    from tradesecret.i18n import Format, Localizer
    from tradesecret.remedies.enforcement import EnforcementReview
    from tradesecret.remedies.penalty import PenaltyReview
    from tradesecret.remedies.result import Remedies


def _h(fmt: Format, level: int, text: str) -> str:
    return f"{'#' * level} {text}" if fmt == "markdown" else text


def _findings(loc: Localizer, findings: Iterable[Finding], depth: int = 0) -> list[str]:
    pad = "  " * depth
    return [f"{pad}- {loc.finding(f)}" for f in findings]


def _params(loc: Localizer, params: Iterable[ParameterValue]) -> list[str]:
    seen: dict[tuple[str, str | None, pendulum.Date], ParameterValue] = {}
    for p in params:
        seen.setdefault((p.name, p.region, p.since), p)
    return [f"- {loc.parameter(p)}" for p in seen.values()]


def missing_lines(loc: Localizer, fmt: Format, missing: tuple[MissingFact, ...]) -> list[str]:
    """The "what is missing" list, most decisive first (empty when nothing is)."""
    if not missing:
        return []
    lines = [_h(fmt, 3, loc.term("remedies.heading.missing"))]
    for m in missing:
        key = "remedies.missing.decisive" if m.decisive else "remedies.missing.detail"
        lines.append(f"- {loc.message(key, {'fact': m.fact, 'rules': ', '.join(m.rules)})}")
    return [*lines, ""]


def _criterion(loc: Localizer, c: Criterion) -> list[str]:
    amount = dict(c.facts).get("amount")
    shown = f" · {loc.value(amount)}" if amount is not None else ""
    outcome = f"{loc.value(c.outcome)}{shown}"
    head = f"- {loc.message(c.code, c.facts)}: {outcome} — {loc.citations(c.citations)}"
    return [head, *_findings(loc, c.findings, 1)]


def _line(loc: Localizer, d: Determination[Any]) -> str:
    return f"- {loc.message(d.rule)}: {loc.value(d.value)} — {loc.citations(d.citations)}"


def explain_penalty(review: PenaltyReview, loc: Localizer, fmt: Format) -> str:
    """The agreed amount, the indicated adjustment, the reference lines and the factors."""
    agreed = (
        loc.term("remedies.term.not_stated")
        if review.agreed is UNKNOWN
        else loc.value(review.agreed)
    )
    lines = [
        _h(fmt, 2, loc.term("remedies.penalty.title")),
        "",
        *missing_lines(loc, fmt, _missing(review.open)),
        f"{loc.label('heading.as_of')}{loc.date(review.as_of)} · "
        + loc.message("remedies.penalty.law_day", {"day": review.law_day}),
        loc.message("remedies.penalty.agreed", {"amount": agreed}),
        loc.message(
            "remedies.penalty.indicated",
            {"adjustment": loc.term(f"remedies.adjustment.{review.adjustment.value}")},
        )
        + f" — {loc.citations(review.citations)}",
    ]
    if review.lines:
        lines += ["", _h(fmt, 3, loc.term("remedies.heading.lines"))]
        lines += [_line(loc, d) for d in review.lines]
    lines += ["", _h(fmt, 3, loc.term("remedies.heading.factors"))]
    for f in review.factors:
        value = (
            loc.message("remedies.factor.stated", f.args)
            if f.known
            else loc.term("remedies.term.not_stated")
        )
        lines.append(f"- {loc.term(f.code)}: {value} — {loc.citations(f.citations)}")
    if review.findings:
        lines += ["", _h(fmt, 3, loc.term("heading.findings")), *_findings(loc, review.findings)]
    if review.parameters:
        lines += ["", _h(fmt, 3, loc.term("heading.parameters")), *_params(loc, review.parameters)]
    return "\n".join([*lines, "", loc.term("heading.disclaimer")])


def _missing(open_rules: Iterable[Undetermined]) -> tuple[MissingFact, ...]:
    return missing_facts(open_rules)


def _outcome_line(loc: Localizer, result: Remedies) -> str:
    outcome = f"{loc.label('heading.outcome')}{loc.value(result.outcome)}"
    return f"{outcome} · {loc.label('heading.as_of')}{loc.date(result.as_of)}"


def explain_remedies(result: Remedies, loc: Localizer, fmt: Format) -> str:
    """What is missing first, then whether it is a breach, then each remedy."""
    lines = [
        _h(fmt, 2, loc.term("remedies.title")),
        "",
        *missing_lines(loc, fmt, result.missing()),
        _outcome_line(loc, result),
        "",
        _h(fmt, 3, loc.term("remedies.heading.scope")),
    ]
    for c in result.scope:
        lines += _criterion(loc, c)
    lines += ["", _h(fmt, 3, loc.term("remedies.heading.items"))]
    for c in result.items:
        lines += _criterion(loc, c)
    if result.clauses is not None:
        lines += [
            "",
            _h(fmt, 3, loc.term("remedies.heading.clauses")),
            *_criterion(loc, result.clauses),
        ]
    if result.penalty is not None:
        lines += ["", explain_penalty(result.penalty, loc, fmt)]
    else:
        lines += ["", loc.term("heading.disclaimer")]
    return "\n".join(lines)


def explain_enforcement(review: EnforcementReview, loc: Localizer, fmt: Format) -> str:
    """The version applied, the fine band and the civil damages frame."""
    lines = [
        _h(fmt, 2, loc.term("remedies.enforcement.title")),
        "",
        *missing_lines(loc, fmt, _missing(review.open)),
        f"{loc.label('heading.as_of')}{loc.date(review.as_of)} · "
        + loc.message(
            "remedies.enforcement.version", {"version": review.version, "day": review.act_day}
        ),
        loc.message(
            "remedies.enforcement.band", {"band": loc.term(f"remedies.band.{review.band.value}")}
        ),
        "",
        _h(fmt, 3, loc.term("remedies.heading.fine")),
        *[_line(loc, d) for d in review.fine],
        "",
        _h(fmt, 3, loc.term("remedies.heading.damages")),
    ]
    if review.damages_cap is not None:
        lines.append(_line(loc, review.damages_cap))
    lines += [_line(loc, d) for d in review.punitive]
    if review.findings:
        lines += ["", _h(fmt, 3, loc.term("heading.findings")), *_findings(loc, review.findings)]
    if review.parameters:
        lines += ["", _h(fmt, 3, loc.term("heading.parameters")), *_params(loc, review.parameters)]
    return "\n".join([*lines, "", loc.term("heading.disclaimer")])
