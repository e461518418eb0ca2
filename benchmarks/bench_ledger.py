"""
The compensation ledger at population scale, and one agreement on its own.

* ``ledger_batch``: 1,000,000 agreements, 24-month schedules, about 10 payments each
  (10,000,000 payments), half with an agreed amount and half on the Interp. (I) Art. 36
  default (30 % of the wage or that month's minimum wage in Shanghai, Beijing or
  Shenzhen), a quarter with a written reminder; schedule, floor, allocation, statuses and
  release rights as of one date. The population is generated first (not timed);
  ``evaluation_seconds`` is the evaluation alone (``seconds`` includes the generation),
  ``peak_rss_mib`` the whole process.
* ``ledger_single``: :func:`~tradesecret.ledger.evaluate_compensation` on one 24-month
  agreement with 10 payments and a reminder: 5 rounds of 200 runs, the mean and the
  median round.

Run: ``.venv/bin/python -m benchmarks.bench_ledger`` (or ``benchmarks/run.py ledger``).
"""

from __future__ import annotations

import sys
import time
from typing import Any

import numpy as np

from benchmarks._harness import measure
from tradesecret.dates import to_date
from tradesecret.ledger import (
    BatchInput,
    CompensationLedger,
    LedgerTerms,
    Payment,
    Reminder,
    evaluate_batch,
    evaluate_compensation,
)
from tradesecret.money import Money

AS_OF = "2026-03-31"


def population(n: int, seed: int = 7) -> BatchInput:
    """A synthetic population of ``n`` agreements with about 10 payments each."""
    rng = np.random.default_rng(seed)
    start = to_date("2024-01-01").toordinal()
    termination = start + rng.integers(0, 730, n)
    agreed = np.where(rng.random(n) < 0.5, rng.integers(200_000, 2_000_000, n), 0)
    wage = rng.integers(300_000, 8_000_000, n)
    region = np.array(["CN-SH", "CN-BJ", "CN-GD-SZ"], dtype=object)[rng.integers(0, 3, n)]
    reminder = np.where(rng.random(n) < 0.25, termination + rng.integers(40, 400, n), 0)
    per_row = rng.integers(8, 13, n)
    pay_row = np.repeat(np.arange(n), per_row)
    k = np.arange(pay_row.size) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    pay_date = termination[pay_row] + 30 * (k + 1) + rng.integers(-5, 20, pay_row.size)
    monthly = np.where(agreed > 0, agreed, np.maximum(wage * 3 // 10, 274_000))[pay_row]
    pay_fen = np.where(rng.random(pay_row.size) < 0.9, monthly, monthly // 2)
    return BatchInput(
        termination=termination,
        months=np.full(n, 24),
        region=region,
        agreed_fen=agreed,
        average_wage_fen=wage,
        reminder=reminder,
        pay_row=pay_row,
        pay_date=pay_date,
        pay_fen=pay_fen,
    )


def run_batch(n: int) -> dict[str, Any]:
    """Generate, then time the batch evaluation."""
    t0 = time.perf_counter()
    data = population(n)
    generated = time.perf_counter() - t0
    t1 = time.perf_counter()
    result = evaluate_batch(data, as_of=to_date(AS_OF))
    evaluation = time.perf_counter() - t1
    return {
        "agreements": n,
        "payments": int(data.pay_row.size),
        "generation_seconds": round(generated, 3),
        "evaluation_seconds": round(evaluation, 3),
        "rows_with_errors": len(result.errors),
        "rights_unpaid_three_months": int((result.right_unpaid_three_months > 0).sum()),
        "rights_late_after_reminder": int((result.right_late_after_reminder > 0).sum()),
    }


def run_single() -> dict[str, Any]:
    """Mean wall time of one evaluation."""
    terms = LedgerTerms(
        agreement_id="bench",
        termination_date="2025-01-31",
        months=24,
        region="CN-SH",
        average_monthly_wage=Money("20000"),
    )
    t = terms.termination_date
    ledger = CompensationLedger(terms=terms).record(
        *(Payment(date=t.add(months=k + 1), amount=Money("6000")) for k in range(10)),
        Reminder(date="2026-01-10"),
    )
    evaluate_compensation(ledger, as_of=AS_OF)
    # 5 rounds of 200: the mean over all runs, and the median round (robust to the other
    # work on a shared machine)
    rounds: list[float] = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(200):
            evaluate_compensation(ledger, as_of=AS_OF)
        rounds.append((time.perf_counter() - start) / 200 * 1000)
    return {
        "runs": 1000,
        "mean_ms": round(sum(rounds) / len(rounds), 3),
        "median_round_ms": round(sorted(rounds)[len(rounds) // 2], 3),
    }


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    if size:
        measure(
            "ledger_batch",
            lambda: run_batch(size),
            target="1,000,000 agreements x 24 months, ~10 payments: < 10 s, < 2 GB peak",
        )
    measure("ledger_single", run_single, target="one agreement: < 1 ms")
