"""Loading the package rulebook and looking up parameters."""

from __future__ import annotations

from typing import Any

from benchmarks._harness import measure
from tradesecret.dates import to_date
from tradesecret.rulebook import Rulebook


def run() -> dict[str, Any]:
    """Load the rulebook from the package data, then do 100,000 minimum-wage lookups."""
    book = Rulebook.from_package()
    day = to_date("2025-09-01")
    lookups = 100_000
    for _ in range(lookups):
        book.param("minimum_wage.monthly", as_of=day, region="CN-SH")
    return {"lookups": lookups, "series": len(book.series)}


if __name__ == "__main__":
    measure("rulebook", run, target="load + 100k lookups; no target")
