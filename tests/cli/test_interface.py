"""CLI for other programs: --version, regions, review of many files, ledger dates, batch to stdout."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tradesecret.casefile import example_text
from tradesecret.cli import main
from tradesecret.rulebook import default_rulebook

ROOT = Path(__file__).resolve().parents[2]
BATCH = ROOT / "examples" / "batch"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_version() -> None:
    """``tradesecret --version`` prints the package version and exits 0."""
    done = subprocess.run(
        [sys.executable, "-m", "tradesecret.cli", "--version"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert 0 == done.returncode, done.stderr
    assert done.stdout.startswith("tradesecret ")
    assert done.stdout.strip() != "tradesecret"


class TestRegions:
    def test_json_lists_every_rulebook_region(self) -> None:
        """``regions --format json`` gives every code the rulebook knows, with both names."""
        code, out, _ = run("regions", "--format", "json")
        rows = json.loads(out)
        assert 0 == code
        assert sorted(default_rulebook().regions) == sorted(r["code"] for r in rows)
        shanghai = next(r for r in rows if r["code"] == "CN-SH")
        assert ("上海市", "Shanghai", "province") == (
            shanghai["name_zh"],
            shanghai["name_en"],
            shanghai["level"],
        )
        assert {"gbt2260", "parent", "note"} <= set(shanghai)

    def test_all_31_provincial_divisions_with_gbt2260_codes(self) -> None:
        """Every provincial-level division is listed with its GB/T 2260 code and tiers."""
        _, out, _ = run("regions", "--format", "json")
        provinces = {r["code"]: r for r in json.loads(out) if r["level"] == "province"}
        assert 31 == len(provinces)
        assert "440000" == provinces["CN-GD"]["gbt2260"]
        assert ["CN-GD-T1", "CN-GD-T2", "CN-GD-T3", "CN-GD-T4"] == provinces["CN-GD"][
            "tier_regions"
        ]
        assert all(len(r["gbt2260"]) == 6 for r in provinces.values())
        shenzhen = next(r for r in json.loads(out) if r["gbt2260"] == "440300")
        assert ("CN-GD-SZ", "city") == (shenzhen["code"], shenzhen["level"])

    def test_text(self) -> None:
        """Text output has one line per region, Shenzhen among them as a city."""
        code, out, _ = run("regions", "--locale", "en")
        assert 0 == code
        assert any(
            line.startswith("CN-GD-SZ") and "Shenzhen / 深圳市" in line for line in out.splitlines()
        )
        assert len(default_rulebook().regions) == len(out.splitlines())


class TestReviewMany:
    def test_directory_gives_one_line_per_file(self, tmp_path: Path) -> None:
        """A directory: one JSON line per case file, a broken file with its problems, exit 2."""
        (tmp_path / "a.json").write_text(example_text("noncompete"), encoding="utf-8")
        (tmp_path / "b.json").write_text(example_text("trade_secret"), encoding="utf-8")
        (tmp_path / "c.json").write_text('{"format": "x"}', encoding="utf-8")
        code, out, _ = run("review", str(tmp_path), "--locale", "en")
        lines = [json.loads(x) for x in out.splitlines()]
        assert 2 == code
        assert ["a.json", "b.json", "c.json"] == [Path(x["file"]).name for x in lines]
        assert [True, True, False] == [x["ok"] for x in lines]
        assert "noncompete" == lines[0]["review"]["kind"]
        assert "en" == lines[0]["review"]["locale"]
        assert "$.format" in [p["path"] for p in lines[2]["problems"]]

    def test_several_files_all_good(self, tmp_path: Path) -> None:
        """Two good files: two lines, exit 0; --fail-on medium turns the ledger arrears into exit 1."""
        a, b = tmp_path / "a.json", tmp_path / "b.json"
        a.write_text(example_text("noncompete"), encoding="utf-8")
        b.write_text(example_text("noncompete"), encoding="utf-8")
        code, out, _ = run("review", str(a), str(b))
        assert (0, 2) == (code, len(out.splitlines()))
        code, _, _ = run("review", str(a), str(b), "--fail-on", "medium")
        assert 1 == code


def test_ledger_takes_as_of_from_the_case_file(tmp_path: Path) -> None:
    """Without --as-of the ledger is evaluated as of the case file's date (2026-01-15)."""
    case = tmp_path / "nc.json"
    case.write_text(example_text("noncompete"), encoding="utf-8")
    code, out, err = run("ledger", str(case), "--format", "json")
    assert 0 == code, err
    doc = json.loads(out)
    assert "2026-01-15" == doc["as_of"]
    assert "2026-01-15" == doc["results"][0]["value"]["as_of"]
    code, out, _ = run("ledger", str(case), "--format", "json", "--as-of", "2025-12-31")
    assert "2025-12-31" == json.loads(out)["as_of"]


class TestBatchExamples:
    def _rows(self, suffix: str) -> tuple[int, list[dict[str, object]], str]:
        code, out, err = run(
            "batch",
            str(BATCH / f"agreements.{suffix}"),
            "--payments",
            str(BATCH / f"payments.{suffix}"),
            "--as-of",
            "2026-01-15",
            "-o",
            "-",
            "--no-progress",
        )
        return code, [json.loads(x) for x in out.splitlines()], err

    def test_csv_to_stdout(self) -> None:
        """The shipped CSV: JSON Lines on stdout with exact totals; the summary on stderr."""
        code, rows, err = self._rows("csv")
        assert 0 == code
        by_id = {r["agreement_id"]: r for r in rows}
        assert "72000.00" == by_id["NC-2019-1024"]["total_scheduled"]
        assert "12000.00" == by_id["NC-2019-1024"]["arrears"]
        assert "2025-12-01" == by_id["NC-2019-1024"]["right_late_after_reminder"]
        assert "144000.00" == by_id["NC-2020-0007"]["total_scheduled"]
        assert "30000.00" == by_id["NC-2020-0007"]["arrears"]
        assert by_id["NC-2021-0315"]["bound"] is False
        assert "→ -" in err

    def test_jsonl_gives_the_same_rows(self) -> None:
        """The shipped JSON Lines input gives exactly the rows of the shipped CSV."""
        assert self._rows("csv")[1] == self._rows("jsonl")[1]

    def test_jsonl_bad_line(self, tmp_path: Path) -> None:
        """A JSON Lines input with a line that is not an object is exit 2, the line named."""
        bad = tmp_path / "in.jsonl"
        bad.write_text('{"agreement_id": "A"}\n[1, 2]\n', encoding="utf-8")
        code, _, err = run("batch", str(bad), "--as-of", "2026-01-15", "-o", "-")
        assert 2 == code
        assert "line 2" in err


@pytest.mark.parametrize("argv", [["serve", "--token-env", "TS_NO_SUCH_VARIABLE_SET"]])
def test_serve_refuses_missing_token_variable(argv: list[str]) -> None:
    """``serve --token-env VAR`` with VAR unset is bad input (exit 2), never an open server."""
    code, _, err = run(*argv)
    assert 2 == code
    assert "TS_NO_SUCH_VARIABLE_SET" in err


class TestNestedPayments:
    def test_nested_payments_match_the_separate_file(self) -> None:
        """JSON Lines agreements with their own payments give the rows of CSV + --payments."""
        code, out, _ = run(
            "batch",
            str(BATCH / "agreements_with_payments.jsonl"),
            "--as-of",
            "2026-01-15",
            "-o",
            "-",
            "--no-progress",
        )
        assert 0 == code
        assert TestBatchExamples()._rows("csv")[1] == [json.loads(x) for x in out.splitlines()]

    @pytest.mark.parametrize("bad", ['"soon"', "[1, 2]", '{"date": "2025-01-01"}'])
    def test_bad_nested_payments(self, tmp_path: Path, bad: str) -> None:
        """A payments value that is not an array of objects is exit 2 naming the line."""
        path = tmp_path / "in.jsonl"
        path.write_text(
            '{"agreement_id": "A", "termination_date": "2025-01-31", "months": 6, '
            f'"region": "CN-SH", "agreed_monthly": "1000", "payments": {bad}}}\n',
            encoding="utf-8",
        )
        code, _, err = run("batch", str(path), "--as-of", "2026-01-15", "-o", "-")
        assert 2 == code
        assert "line 1: payments" in err
