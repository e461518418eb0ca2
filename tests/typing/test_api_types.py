"""
Typical embedder code, checked by `mypy --strict` as part of the suite (and run by pytest).

If a public signature changes in a way that breaks callers, mypy fails here first.
"""

from __future__ import annotations

from decimal import Decimal

import tradesecret as ts
from tradesecret.results import Args, make_args


def monthly_default(average: ts.Money, *, as_of: str) -> ts.Money:
    """What an HR system writes: look up the ratio, multiply, round at a named point."""
    ratio: ts.Ratio = (
        ts.default_rulebook().param("noncompete.default_ratio", as_of=ts.to_date(as_of)).as_ratio()
    )
    return (average * ratio).round_fen()


def finding_args() -> Args:
    """Typed message arguments."""
    return make_args(
        {
            "amount": ts.Money("1.00"),
            "ratio": ts.Ratio(Decimal("0.3")),
            "on": ts.to_date("2025-01-01"),
        }
    )


def test_embedder_code_runs() -> None:
    """The typed example computes the default instalment."""
    assert ts.Money("6000.00") == monthly_default(ts.Money("20000"), as_of="2025-09-01")
    assert 3 == len(finding_args())
