"""The issue's CLI checks through `tradesecret review --format json` of the shipped example."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tradesecret.casefile import example_text, load_case
from tradesecret.casefile._noncompete import noncompete_ledger
from tradesecret.exceptions import InvalidInputError
from tradesecret.money import Money
from tradesecret.rulebook import default_rulebook

EXAMPLE = Path(__file__).parents[2] / "examples" / "noncompete.json"


def review(tmp_path: Path, change: Any) -> tuple[int, Any]:
    """Run the CLI review on the example after ``change``; (exit code, first result or stderr)."""
    data = json.loads(EXAMPLE.read_text("utf-8"))
    case = copy.deepcopy(data)
    change(case["data"])
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case, ensure_ascii=False), "utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    run = subprocess.run(
        [sys.executable, "-m", "tradesecret.cli", "review", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if run.returncode:
        return run.returncode, run.stderr
    return 0, json.loads(run.stdout)["results"][0]["value"]


def codes(result: Any) -> set[str]:
    """Every finding code of a review."""
    return {f["code"] for c in result["criteria"] for f in c["findings"]}


def test_cli_checks(tmp_path: Path) -> None:
    """No 'no secrets' finding, no without_compensation, no met headline at 30 months."""
    rc, r = review(tmp_path, lambda d: d["employee"].pop("secrets_known"))
    assert (0, False) == (rc, "noncompete.eligibility.no_secrets_known" in codes(r))

    def no_comp(d: Any) -> None:
        d["agreement"].pop("compensation")
        d["agreement"]["penalty"] = {"basis": "fixed_amount", "amount": {"amount": "50000"}}
        d["ledger"].pop("terms")

    rc, r = review(tmp_path, no_comp)
    comp = next(c for c in r["criteria"] if c["code"] == "noncompete.criterion.compensation")
    assert "noncompete.penalty.without_compensation" not in codes(r)
    assert "met" != comp["outcome"]

    def thirty(d: Any) -> None:
        d["agreement"]["duration_months"] = 30
        d["agreement"]["compensation"]["monthly_amount"]["amount"] = "1500.00"
        d["ledger"].pop("terms")

    rc, r = review(tmp_path, thirty)
    assert (0, "not_met") == (rc, r["outcome"])


def test_terms_stated_twice_must_agree(tmp_path: Path) -> None:
    """A ledger region and amount that differ from employee and agreement: exit 2, both paths."""

    def clash(d: Any) -> None:
        d["ledger"]["terms"]["region"] = "CN-BJ"
        d["ledger"]["terms"]["agreed_monthly"]["amount"] = "9000.00"

    rc, err = review(tmp_path, clash)
    assert 2 == rc
    assert "$.data.ledger.terms.region" in err
    assert "$.data.employee.place_of_performance" in err
    assert "$.data.agreement.compensation" in err


def test_moved_back_to_2011_and_2016(tmp_path: Path) -> None:
    """The example moved back 14 and 9 years reviews and cites the LCL in force then."""
    for years, lcl in ((14, "lcl@2007-06-29:24.2"), (9, "lcl@2012-12-28:24.2")):
        text = EXAMPLE.read_text("utf-8")
        for y in (2019, 2024, 2025, 2026):
            text = text.replace(f'"{y}-', f'"{y - years}-')
        path = tmp_path / "moved.json"
        path.write_text(text, "utf-8")
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
        run = subprocess.run(
            [sys.executable, "-m", "tradesecret.cli", "review", str(path), "--format", "json"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert 0 == run.returncode, run.stderr
        result = json.loads(run.stdout)["results"][0]["value"]
        assert lcl in {c["id"] for c in result["citations"]}


def test_wage_not_in_cny_exits_2_with_its_path(tmp_path: Path) -> None:
    """A USD wage month and a USD agreed amount: exit 2, each with its full JSON path."""

    def usd(d: Any) -> None:
        d["employee"]["wages"][3]["amount"]["currency"] = "USD"
        d["agreement"]["compensation"]["monthly_amount"]["currency"] = "USD"

    rc, err = review(tmp_path, usd)
    assert 2 == rc
    assert "$.data.employee.wages[3].amount" in err
    assert "$.data.agreement.compensation.monthly_amount" in err


def test_ledger_terms_derived_with_the_penalty() -> None:
    """Terms left out: the ledger gets region, months, amount and penalty from the agreement."""
    raw = json.loads(example_text("noncompete"))
    raw["data"]["ledger"].pop("terms")
    raw["data"]["agreement"]["penalty"] = {
        "basis": "multiple_of_total_compensation",
        "multiple": "2",
    }
    case = load_case(raw)
    ledger = noncompete_ledger(case.data, case.as_of, default_rulebook())
    terms = ledger.terms
    assert ("CN-SH", 12, Money("6000.00"), Money("144000.00")) == (
        terms.region,
        terms.months,
        terms.agreed_monthly,
        terms.penalty,
    )
    raw["data"]["ledger"]["terms"] = {
        "agreement_id": "NC-2019-1024",
        "termination_date": "2025-08-31",
        "months": 12,
        "region": "CN-SH",
        "agreed_monthly": {"amount": "6000.00", "currency": "CNY"},
        "penalty": {"amount": "100000.00", "currency": "CNY"},
    }
    case = load_case(raw)
    with pytest.raises(InvalidInputError) as err:
        noncompete_ledger(case.data, case.as_of, default_rulebook())
    assert ["$.data.ledger.terms.penalty"] == [p.path for p in err.value.problems]
    assert "$.data.agreement.penalty" in err.value.problems[0].reason
