"""A tenant's parameter overlay (the package TOML format) for the batch API and `tradesecret batch`."""

from __future__ import annotations

import io
from pathlib import Path

import pendulum
import pytest

from tradesecret import DataFileError, default_rulebook
from tradesecret.cli import main
from tradesecret.ledger import BatchInput, evaluate_batch

OVERLAY = """
[[instrument]]
id = "tenant-mw"
version = "2024-06-01"
tier = "practice"
title_zh = "租户最低工资表"
title_en = "Tenant minimum wage table"
short_zh = "租户表"
short_en = "tenant table"
issuer_zh = "租户"
issuer_en = "tenant"
effective = 2000-01-01
status = "UNVERIFIED"

[[parameter]]
name = "minimum_wage.monthly"
unit = "cny"
label_zh = "月最低工资标准"
label_en = "Monthly minimum wage"
last_reviewed = 2024-06-01

  [[parameter.value]]
  region = "CN-SH"
  since = 2020-01-01
  value = "9999.00"
  cite = ["tenant-mw@2024-06-01"]
  status = "UNVERIFIED"
"""

AGREEMENTS = """agreement_id,termination_date,months,region,agreed_monthly,average_wage
A,2025-08-31,3,CN-SH,,3000.00
"""


def one_row() -> BatchInput:
    return BatchInput(
        termination=[pendulum.Date(2025, 8, 31).toordinal()],
        months=[3],
        region=["CN-SH"],
        agreed_fen=[0],
        average_wage_fen=[300_000],
        reminder=[0],
        pay_row=[],
        pay_date=[],
        pay_fen=[],
    )


def test_api_takes_the_overlay() -> None:
    """evaluate_batch(rulebook=...) floors the default at the tenant's CNY 9,999.00 minimum wage."""
    overlay = default_rulebook().extended(OVERLAY, source="tenant.toml")
    res = evaluate_batch(one_row(), as_of="2026-01-31", rulebook=overlay)
    assert [999_900] * 3 == res.amount[0, :3].tolist()


def test_overlay_validated_like_package_data() -> None:
    """A malformed overlay is a DataFileError naming the file."""
    with pytest.raises(DataFileError, match=r"tenant\.toml"):
        default_rulebook().extended(OVERLAY.replace('"9999.00"', '"lots"'), source="tenant.toml")


def test_cli_params(tmp_path: Path) -> None:
    """`tradesecret batch --params FILE` uses the overlay; a bad overlay exits 2 with its name."""
    agreements, params, output = tmp_path / "a.csv", tmp_path / "p.toml", tmp_path / "o.csv"
    agreements.write_text(AGREEMENTS, encoding="utf-8")
    params.write_text(OVERLAY, encoding="utf-8")
    argv = ["batch", str(agreements), "--as-of", "2026-01-31", "-o", str(output), "--no-progress"]
    out, err = io.StringIO(), io.StringIO()
    assert 0 == main([*argv, "--params", str(params)], stdout=out, stderr=err)
    assert "29997.00" in output.read_text(encoding="utf-8")  # 3 x 9,999.00 scheduled
    params.write_text(OVERLAY.replace('"9999.00"', '"lots"'), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert 2 == main([*argv, "--params", str(params)], stdout=out, stderr=err)
    assert "p.toml" in err.getvalue()
