"""
The ``noncompete`` case kind's ledger: terms derived from ``employee`` and ``agreement``.

One source per fact: the region, the termination date, the period, the agreed monthly
amount, the average wage and the penalty are stated once, on the employee or the
agreement. Terms stated in ``ledger.terms`` as well must agree with them, else an input
error names both paths. A term the employee and agreement leave unknown may be stated in
``ledger.terms`` alone.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any, Final

import attrs
import pendulum

from tradesecret.exceptions import InvalidInputError, OutOfCoverageError, Problem
from tradesecret.facts import UNKNOWN
from tradesecret.rulebook import Rulebook

__all__ = ["ledger_places", "noncompete_ledger", "noncompete_ledger_placed", "placed"]

#: Ledger term -> where the case file states the same fact.
_SOURCES: Final = {
    "agreement_id": "$.data.agreement.id",
    "termination_date": "$.data.employee.termination_date",
    "months": "$.data.agreement.duration_months",
    "region": "$.data.employee.place_of_performance",
    "agreed_monthly": "$.data.agreement.compensation",
    "average_monthly_wage": "$.data.employee.wages",
    "wage_total": "$.data.employee.wages",
    "wage_months": "$.data.employee.wages",
    "penalty": "$.data.agreement.penalty",
    "activation_reserved": "$.data.agreement.activation_reserved",
}


def _average(data: Any, as_of: pendulum.Date, rulebook: Rulebook) -> Any:
    nc = importlib.import_module("tradesecret.noncompete")
    wages = importlib.import_module("tradesecret.noncompete.wages")
    employee = data.employee
    if not wages.has_wage(employee) or employee.termination_date is None:
        return UNKNOWN
    try:
        return nc.average_monthly_wage(employee, as_of=as_of, rulebook=rulebook)
    except OutOfCoverageError:
        return UNKNOWN  # no rule set the wage base then (before 2013-02-01)


def _penalty(agreement: Any, agreed: Any, average: Any) -> Any:
    """The penalty the agreement states (``None``: none; ``UNKNOWN``: not computable)."""
    nc = importlib.import_module("tradesecret.noncompete")
    terms = agreement.penalty
    basis = terms.basis
    if basis is nc.PenaltyBasis.NONE:
        return None
    if basis is nc.PenaltyBasis.FIXED_AMOUNT:
        return terms.amount
    if basis is UNKNOWN or terms.multiple is UNKNOWN:
        return UNKNOWN
    if basis is nc.PenaltyBasis.MULTIPLE_OF_MONTHLY_WAGE:
        return UNKNOWN if average is UNKNOWN else (average * terms.multiple).round_fen()
    if agreed is UNKNOWN or agreed is None:
        return UNKNOWN
    return (agreed * agreement.duration_months * terms.multiple).round_fen()


def _derived(data: Any, as_of: pendulum.Date, rulebook: Rulebook) -> dict[str, Any]:
    """The ledger terms the employee and the agreement state (``UNKNOWN`` where they do not)."""
    nc = importlib.import_module("tradesecret.noncompete")
    employee, agreement = data.employee, data.agreement
    exact = _average(data, as_of, rulebook)
    average = UNKNOWN if exact is UNKNOWN else exact.value
    agreed = nc.agreed_compensation(agreement, exact)
    wages = importlib.import_module("tradesecret.noncompete.wages")
    base = None if exact is UNKNOWN else wages.wage_base(exact)
    # the ledger computes its default from the exact base (total x ratio / months, one rounding)
    extra = (
        {}
        if base is None or base[0].round_fen() != base[0]
        else {"wage_total": base[0], "wage_months": base[1]}
    )
    return {
        "agreement_id": agreement.id,
        "termination_date": employee.termination_date or UNKNOWN,
        "months": agreement.duration_months,
        "region": employee.place_of_performance,
        "agreed_monthly": agreed,
        "average_monthly_wage": average,
        "penalty": _penalty(agreement, agreed, average),
        "activation_reserved": agreement.activation_reserved,
        **extra,
    }


def _merge(derived: dict[str, Any], stated: Any) -> tuple[dict[str, Any], list[Problem]]:
    """Each term from its source; a stated term that differs is a problem naming both."""
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, value in derived.items():
        given = UNKNOWN if stated is UNKNOWN else getattr(stated, name)
        if name == "wage_months" and stated is not UNKNOWN and stated.wage_total is None:
            given = UNKNOWN  # the terms' default month count, not a stated one
        if value is UNKNOWN:
            values[name] = None if given is UNKNOWN else given
        elif given not in (UNKNOWN, None) and given != value:
            problems.append(
                Problem.of(
                    f"$.data.ledger.terms.{name}",
                    given,
                    "differs from {source} ({stated}): state the fact once",
                    source=_SOURCES[name],
                    stated=value,
                )
            )
        else:
            values[name] = value
    return values, problems


def ledger_places(derived: dict[str, Any]) -> dict[str, str]:
    """
    Where the case file states each ledger term: its source on the employee or agreement
    where that states it, else ``ledger.terms`` (the roots of the ledger's problem paths).
    """
    places = {
        name: source if derived.get(name, UNKNOWN) is not UNKNOWN else f"$.data.ledger.terms.{name}"
        for name, source in _SOURCES.items()
    }
    places["terms"] = "$.data.ledger.terms"
    return places


def noncompete_ledger_placed(
    data: Any, as_of: pendulum.Date, rulebook: Rulebook
) -> tuple[Any, dict[str, str]]:
    """:func:`noncompete_ledger`, and where the case file states each of its terms."""
    ledger = importlib.import_module("tradesecret.ledger")
    derived = _derived(data, as_of, rulebook)
    values, problems = _merge(derived, data.ledger.terms)
    if values.get("termination_date") is None and not problems:
        problems.append(
            Problem.of("$.data.employee.termination_date", None, "the ledger starts at termination")
        )
    if problems:
        raise InvalidInputError(problems)
    for name in ("agreed_monthly", "penalty"):  # the ledger holds only positive amounts
        if values.get(name) is not None and values[name].amount <= 0:
            values[name] = None
    events = {a.name: getattr(data.ledger, a.name) for a in attrs.fields(type(data.ledger))}
    events.pop("terms")
    places = ledger_places(derived)
    try:
        built = ledger.CompensationLedger(terms=ledger.LedgerTerms(**values), **events)
    except InvalidInputError as exc:
        raise InvalidInputError(placed(p, places, "$.data.ledger") for p in exc.problems) from None
    return built, places


def noncompete_ledger(data: Any, as_of: pendulum.Date, rulebook: Rulebook) -> Any:
    """
    The :class:`~tradesecret.ledger.CompensationLedger` of a ``noncompete`` case.

    Raises:
        InvalidInputError: a stated term differs from its source (both paths named), or
            no termination date; a bad term or event, at its place in the case file.
    """
    return noncompete_ledger_placed(data, as_of, rulebook)[0]


def placed(problem: Problem, roots: Mapping[str, str], default: str | None = None) -> Problem:
    """
    ``problem`` at its place in the case file (its template and parameters kept).

    A domain names a path relative to its own input (``wages[3].amount``, ``months``);
    ``roots`` maps the path's first step to where the case file holds it
    (``wages`` -> ``$.data.employee.wages``); a path with another first step goes under
    ``default`` (if given). A full path (``$...``) and ``as_of`` stay as they are.
    """
    path = problem.path
    if path.startswith("$") or path == "as_of":  # full already, or the review's date
        return problem
    for short in sorted(roots, key=len, reverse=True):  # the longest root that the path starts at
        if path == short or path.startswith((f"{short}.", f"{short}[")):
            return problem.at(roots[short] + path[len(short) :])
    if not path:
        return problem.at(default) if default is not None else problem
    return problem.at(f"{default}.{path}") if default is not None else problem
