"""
"What is missing": the facts not stated that would change an outcome, and the rules
they leave open -- rendered at the top of every review (presentation).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from tradesecret.results import MissingFact, Undetermined

if TYPE_CHECKING:
    from tradesecret.i18n import Format, Localizer

__all__ = ["missing_lines", "open_lines"]


def _code(fmt: Format, text: str) -> str:
    return f"`{text}`" if fmt == "markdown" else text


def fact_label(loc: Localizer, fmt: Format, path: str) -> str:
    """A fact's label where the catalog has one (``fact.<path>``), else its path."""
    code = f"fact.{path}"
    return loc.term(code) if loc.has(code) else _code(fmt, path)


def missing_lines(loc: Localizer, fmt: Format, missing: Sequence[MissingFact]) -> list[str]:
    """The "what is missing" block: a heading and a bullet per fact, most decisive first."""
    if not missing:
        return []
    lines = [loc.label("heading.missing").rstrip()]
    for fact in missing:
        decides = fact.criteria if fact.decisive else fact.rules
        code = "missing.decides_outcome" if fact.decisive else "missing.decides_findings"
        lines.append(
            "- "
            + loc.message(
                code,
                {
                    "fact": fact_label(loc, fmt, fact.fact),
                    "what": ", ".join(_code(fmt, c) for c in decides),
                },
            )
        )
    return lines


def open_lines(
    loc: Localizer, fmt: Format, rules: Iterable[Undetermined], depth: int = 0
) -> list[str]:
    """One bullet per open rule: what it turns on and what each answer would give."""
    indent = "  " * depth
    return [
        f"{indent}- "
        + loc.message(
            "open.rule",
            {
                "rule": _code(fmt, u.rule),
                "facts": ", ".join(fact_label(loc, fmt, f) for f in u.facts),
                "if_holds": loc.value(u.if_holds),
                "otherwise": loc.value(u.otherwise),
                "basis": loc.citations(u.citations),
            },
        )
        for u in rules
    ]
