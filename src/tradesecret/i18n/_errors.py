"""
Input errors in the caller's locale (presentation).

A :class:`~tradesecret.exceptions.Problem` carries its reason as an English template
with parameters; the ``errors`` catalog gives the template in each locale (its msgid is
the English template, as in gettext). A parameter that is itself a catalog word (the
kind of a JSON value: ``a string``, ``an array``...) is translated too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from tradesecret.exceptions import DataFileError, Problem, TradeSecretError

if TYPE_CHECKING:
    from tradesecret.i18n import Localizer

__all__ = ["error_lines", "error_problems", "problem_line", "problem_object", "problem_reason"]


def problem_reason(loc: Localizer, problem: Problem) -> str:
    """The reason of ``problem`` in the locale (English where the catalog has no text)."""
    words: Mapping[str, str] = loc.catalog_texts()
    template = words.get(problem.template) or problem.template
    params = {name: words.get(text) or text for name, text in problem.params}
    try:
        return template.format_map(params)
    except (KeyError, IndexError, ValueError):  # a template that does not fit: say it as raised
        return problem.reason


def problem_line(loc: Localizer, problem: Problem) -> str:
    """One problem as a line: where, why, and the value given."""
    reason = problem_reason(loc, problem)
    if problem.value:
        return loc.message(
            "error.line", {"path": problem.path, "reason": reason, "value": problem.value}
        )
    return loc.message("error.line_no_value", {"path": problem.path, "reason": reason})


def problem_object(loc: Localizer, problem: Problem) -> dict[str, object]:
    """
    One problem as a JSON object: ``path``, ``value``, ``reason`` (English), ``template``
    (its catalog id), ``params`` (name -> text) and ``message`` (the reason in the locale).
    """
    return {
        "path": problem.path,
        "value": problem.value,
        "reason": problem.reason,
        "template": problem.template,
        "params": dict(problem.params),
        "message": problem_reason(loc, problem),
    }


def error_problems(error: TradeSecretError) -> tuple[Problem, ...]:
    """The problems of ``error``; those of a data file named by it (``p.toml: value[0]``)."""
    source = error.source if isinstance(error, DataFileError) else ""
    if not source:
        return error.problems
    return tuple(p.at(f"{source}: {p.path}") for p in error.problems)


def error_lines(loc: Localizer, error: TradeSecretError) -> list[str]:
    """Every problem of ``error`` as a line (its English message for an internal error)."""
    if not error.problems:
        return [str(error)]
    return [problem_line(loc, p) for p in error_problems(error)]
