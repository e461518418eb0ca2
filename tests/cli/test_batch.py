"""`tradesecret batch`: CSV/Parquet in, results out, per-row errors, same as the per-object path."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import numpy as np
import pendulum
import pytest

from tradesecret.casefile import example_text, load_case
from tradesecret.cli import main
from tradesecret.cli._batch import (
    _clean,
    _read_csv_stdlib,
    _Reasons,
    parse_dates,
    parse_fen,
    read_table,
)
from tradesecret.ledger import evaluate_compensation
from tradesecret.money import Money

AGREEMENTS = """agreement_id,termination_date,months,region,agreed_monthly,average_wage,reminder_date
NC-2019-1024,2025-08-31,12,CN-SH,6000.00,,2025-11-20
NC-2,2025-06-30,24,CN-BJ,,20000.00,
NC-3,2025-02-30,12,CN-SH,5000,,
NC-4,2025-06-30,12,CN-XX,5000,,
"""
PAYMENTS = """agreement_id,date,amount
NC-2019-1024,2025-09-30,6000.00
NC-2019-1024,2025-12-05,6000.00
NC-2,2025-07-31,6000.00
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """The agreements and payments CSV files."""
    agreements, payments = tmp_path / "agreements.csv", tmp_path / "payments.csv"
    agreements.write_text(AGREEMENTS, encoding="utf-8")
    payments.write_text(PAYMENTS, encoding="utf-8")
    return agreements, payments


def rows(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return {r["agreement_id"]: r for r in csv.DictReader(handle)}


class TestBatch:
    def test_results_progress_and_summary(self, files: tuple[Path, Path], tmp_path: Path) -> None:
        """Each row gets its totals and release dates; a progress bar goes to stderr."""
        out_path = tmp_path / "out.csv"
        code, out, err = run(
            "batch",
            str(files[0]),
            "--payments",
            str(files[1]),
            "--as-of",
            "2026-01-15",
            "-o",
            str(out_path),
            "--locale",
            "en",
        )
        assert 0 == code
        assert "100% 4/4" in err
        assert (
            "4 employees processed; 2 with arrears; total arrears CN¥42,000.00; 2 with a release right"
            in out
        )
        got = rows(out_path)
        first = got["NC-2019-1024"]
        assert ("True", "12000.00", "24000.00", "2025-12-01") == (
            first["valid"],
            first["arrears"],
            first["total_fallen_due"],
            first["right_late_after_reminder"],
        )

    def test_bad_rows_are_reported_not_fatal(
        self, files: tuple[Path, Path], tmp_path: Path
    ) -> None:
        """An impossible date and an unknown region mark their rows invalid with the reason."""
        out_path = tmp_path / "out.csv"
        code, _, _ = run(
            "batch", str(files[0]), "--as-of", "2026-01-15", "-o", str(out_path), "--no-progress"
        )
        got = rows(out_path)
        assert 0 == code
        assert "False" == got["NC-3"]["valid"] and "not a valid date" in got["NC-3"]["errors"]
        assert "unknown region" in got["NC-4"]["errors"]
        assert "True" == got["NC-2"]["valid"]

    def test_fail_on(self, files: tuple[Path, Path], tmp_path: Path) -> None:
        """--fail-on high exits 1 when rows are invalid or a release right arose."""
        code, _, _ = run(
            "batch",
            str(files[0]),
            "--as-of",
            "2026-01-15",
            "-o",
            str(tmp_path / "o.csv"),
            "--no-progress",
            "--fail-on",
            "high",
        )
        assert 1 == code

    def test_same_as_the_per_object_path(self, files: tuple[Path, Path], tmp_path: Path) -> None:
        """The batch row of the shipped example equals evaluate_compensation on its ledger."""
        out_path = tmp_path / "out.jsonl"
        run(
            "batch",
            str(files[0]),
            "--payments",
            str(files[1]),
            "--as-of",
            "2026-01-15",
            "-o",
            str(out_path),
            "--no-progress",
        )
        record = json.loads(out_path.read_text(encoding="utf-8").splitlines()[0])
        case = load_case(example_text("noncompete"))
        state = evaluate_compensation(case.data.ledger, as_of=pendulum.date(2026, 1, 15))
        assert state.arrears == Money(record["arrears"])
        assert state.total_paid == Money(record["total_paid"])
        assert state.scheduled_end.to_date_string() == record["scheduled_end"]

    def test_parquet_round_trip(self, files: tuple[Path, Path], tmp_path: Path) -> None:
        """Parquet in and out give the same results as CSV."""
        pq = pytest.importorskip("pyarrow.parquet")
        pa = pytest.importorskip("pyarrow")
        table = pa.table(read_table(str(files[0])))
        pq.write_table(table, tmp_path / "in.parquet")
        code, _, _ = run(
            "batch",
            str(tmp_path / "in.parquet"),
            "--as-of",
            "2026-01-15",
            "-o",
            str(tmp_path / "out.parquet"),
            "--no-progress",
        )
        run(
            "batch",
            str(files[0]),
            "--as-of",
            "2026-01-15",
            "-o",
            str(tmp_path / "out.csv"),
            "--no-progress",
        )
        from_parquet = pq.read_table(tmp_path / "out.parquet").to_pylist()
        assert 0 == code
        assert [r["arrears"] for r in from_parquet] == [
            r["arrears"] for r in rows(tmp_path / "out.csv").values()
        ]

    def test_missing_columns_exit_2(self, tmp_path: Path) -> None:
        """Missing required columns are bad input, each one named."""
        path = tmp_path / "a.csv"
        path.write_text("agreement_id,months\nX,12\n", encoding="utf-8")
        code, _, err = run(
            "batch", str(path), "--as-of", "2026-01-15", "-o", str(tmp_path / "o.csv")
        )
        assert 2 == code
        assert "termination_date" in err and "region" in err and "Traceback" not in err

    def test_unknown_output_format(self, files: tuple[Path, Path], tmp_path: Path) -> None:
        """An unknown output extension is bad input."""
        code, _, err = run(
            "batch", str(files[0]), "--as-of", "2026-01-15", "-o", str(tmp_path / "o.xlsx")
        )
        assert 2 == code and "--output" in err


class TestParsing:
    def test_amounts_are_exact(self) -> None:
        """Yuan text becomes integer fen exactly; finer than a fen or not a number is reported."""
        reasons = _Reasons()
        values = np.array(
            ["6000", "6000.5", "6000.05", "1e3", "0.001", "abc", None, " 7 "], dtype=object
        )
        fen = parse_fen(_clean(values), "amount", reasons, yuan=True)
        assert [600000, 600050, 600005, 100000, 0, 0, 0, 700] == fen.tolist()
        assert {4, 5} == set(reasons.by_row)

    def test_dates(self) -> None:
        """Only YYYY-MM-DD calendar dates; impossible or other shapes are reported per row."""
        reasons = _Reasons()
        values = np.array(["2025-08-31", "2025-02-30", "2025-9-01", None], dtype=object)
        days = parse_dates(values, "d", reasons, required=True)
        assert pendulum.date(2025, 8, 31).toordinal() == days[0]
        assert {1, 2, 3} == set(reasons.by_row)

    def test_stdlib_reader_matches_arrow(self, files: tuple[Path, Path]) -> None:
        """Without pyarrow the standard-library reader gives the same columns."""
        names = AGREEMENTS.splitlines()[0].split(",")
        plain = _read_csv_stdlib(files[0], names)
        fast = read_table(str(files[0]))
        assert {k: v.tolist() for k, v in plain.items()} == {k: v.tolist() for k, v in fast.items()}

    def test_duplicate_ids_are_reported(self, tmp_path: Path) -> None:
        """Two rows with one agreement_id are both invalid, with the reason."""
        path = tmp_path / "a.csv"
        path.write_text(AGREEMENTS + "NC-2,2025-06-30,12,CN-SH,5000,,\n", encoding="utf-8")
        out = tmp_path / "o.csv"
        run("batch", str(path), "--as-of", "2026-01-15", "-o", str(out), "--no-progress")
        got = list(csv.DictReader(out.open(encoding="utf-8")))
        assert 2 == sum(1 for r in got if "duplicate" in r["errors"])
