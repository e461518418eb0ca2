"""The batch path's start-up: it loads what it computes with, not the object path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import tradesecret

_UNWANTED = (
    "babel",
    "cattrs",
    "networkx",
    "pandas",
    "tradesecret.ledger.engine",
    "tradesecret.ledger.model",
    "tradesecret.ledger.state",
    "tradesecret.ledger._batch_exact",
    "tradesecret.i18n",
    "tradesecret.casefile",
    "tradesecret.reports",
    "tradesecret.noncompete",
)


def _run(code: str) -> str:
    src = str(Path(tradesecret.__file__).resolve().parents[1])  # the package under test
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")])),
    }
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout.strip()


def test_batch_without_rare_events_loads_no_object_path() -> None:
    """A batch of plain rows (payments, a reminder) runs without the object path's modules."""
    code = f"""
import sys
import numpy as np
import tradesecret as ts
from tradesecret.ledger import BatchInput, LedgerOptions, batch_from_pandas, evaluate_batch
res = evaluate_batch(
    BatchInput(
        termination=np.array([739060], dtype=np.int64),  # 2024-06-23
        months=np.array([2], dtype=np.int64),
        region=np.array(["CN-SH"], dtype=object),
        agreed_fen=np.array([500000], dtype=np.int64),
        average_wage_fen=np.array([0], dtype=np.int64),
        reminder=np.array([0], dtype=np.int64),
        pay_row=np.array([0], dtype=np.int64),
        pay_date=np.array([739091], dtype=np.int64),  # 2024-07-24
        pay_fen=np.array([500000], dtype=np.int64),
    ),
    as_of="2024-12-31",
    options=LedgerOptions(),
    rulebook=ts.default_rulebook(),
)
print(res.amount[0, :2].tolist(), res.paid[0, :2].tolist(), int(res.exact_path.sum()))
print(sorted(m for m in {_UNWANTED!r} if m in sys.modules))
"""
    amounts, loaded = _run(code).splitlines()
    assert "[500000, 500000] [500000, 0] 0" == amounts
    assert "[]" == loaded


def test_object_path_loads_on_attribute_access() -> None:
    """``tradesecret.ledger``'s names and submodules still resolve on first use."""
    code = """
import tradesecret.ledger as ledger
print(ledger.evaluate_compensation.__module__, ledger.CompensationState.__module__,
      ledger.engine.__name__, ledger.InstalmentStatus.PAID.code, ledger.EndedBy is ledger.state.EndedBy)
"""
    out = _run(code)
    assert (
        "tradesecret.ledger.engine tradesecret.ledger.state tradesecret.ledger.engine 0 True" == out
    )
