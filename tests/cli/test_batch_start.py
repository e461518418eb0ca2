"""``tradesecret batch`` loads the batch path only (checked in a fresh process)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import tradesecret

_NOT_FOR_BATCH = (
    "cattrs",
    "importlib.metadata",
    "networkx",
    "tradesecret.casefile",
    "tradesecret.cli._params",
    "tradesecret.ledger.engine",
    "tradesecret.ledger.model",
    "tradesecret.reports",
    "tradesecret.serialization",
    "tradesecret.server",
)


def test_batch_command_loads_no_reports_case_files_or_object_path(tmp_path: Path) -> None:
    """A CSV batch runs (exit 0, one output row per agreement) without the other commands' modules."""
    agreements, payments = tmp_path / "a.csv", tmp_path / "p.csv"
    agreements.write_text(
        "agreement_id,termination_date,months,region,agreed_monthly,average_wage,reminder_date\n"
        "NC-1,2025-08-31,12,CN-SH,6000.00,,2025-11-20\n",
        encoding="utf-8",
    )
    payments.write_text("agreement_id,date,amount\nNC-1,2025-09-30,6000.00\n", encoding="utf-8")
    out = tmp_path / "o.csv"
    code = (
        "import io, sys\n"
        "from tradesecret.cli import main\n"
        f"argv = ['batch', {str(agreements)!r}, '--payments', {str(payments)!r},\n"
        f"        '--as-of', '2026-01-15', '-o', {str(out)!r}, '--no-progress']\n"
        "print(main(argv, stdout=io.StringIO(), stderr=io.StringIO()))\n"
        f"print(sorted(m for m in {_NOT_FOR_BATCH!r} if m in sys.modules))\n"
    )
    src = str(Path(tradesecret.__file__).resolve().parents[1])  # the package under test
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")])),
    }
    lines = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout.splitlines()
    assert ["0", "[]"] == lines
    assert 2 == len(out.read_text(encoding="utf-8").splitlines())  # header and NC-1
