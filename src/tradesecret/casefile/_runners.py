"""How each case kind is reviewed: the domain calls, in order."""

from __future__ import annotations

import importlib
from typing import Any

import pendulum

from tradesecret.rulebook import Rulebook


def _fn(module: str, name: str) -> Any:
    return getattr(importlib.import_module(f"tradesecret.{module}"), name, None)


def trade_secret(data: Any, as_of: pendulum.Date, rulebook: Rulebook) -> tuple[object, ...]:
    """The three-element assessment of the secret, then the measures on their own."""
    out: list[object] = []
    assess = _fn("definition", "assess_trade_secret")
    if assess is not None:
        out.append(assess(data.secret, as_of=as_of, measures=data.measures, rulebook=rulebook))
    return tuple(out)


def noncompete(data: Any, as_of: pendulum.Date, rulebook: Rulebook) -> tuple[object, ...]:
    """Agreement review, the compensation floors, then the ledger as of the date."""
    out: list[object] = []
    review = _fn("noncompete", "review_noncompete")
    if review is not None:
        out.append(review(data.agreement, data.employee, as_of=as_of, rulebook=rulebook))
    floor = _fn("noncompete", "compensation_floor")
    if floor is not None and data.employee.termination_date is not None:
        out.append(floor(data.agreement, data.employee, as_of=as_of, rulebook=rulebook))
    evaluate = _fn("ledger", "evaluate_compensation")
    if evaluate is not None and data.ledger is not None:
        out.append(evaluate(data.ledger, as_of=as_of, rulebook=rulebook))
    return tuple(out)
