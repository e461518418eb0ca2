"""`tradesecret batch --locale`: a refused row's reasons in the locale, in English, and as templates."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tradesecret.cli import main
from tradesecret.cli._batchio import read_input
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.i18n import Localizer
from tradesecret.i18n._errors import problem_reason

AGREEMENTS = """agreement_id,termination_date,months,region,agreed_monthly,average_wage
NC-1,2025-08-31,12,CN-SH,6000.00,
NC-3,2025-02-30,12,CN-SH,5000,
NC-4,2025-06-30,12,CN-XX,5000,
NC-5,2025-06-30,1201,CN-SH,5000.001,
"""
PAYMENTS = """agreement_id,date,amount
NC-1,2025-09-30,6000.00
NC-9,2025-09-30,6000.00
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """The agreements and payments CSV files (one bad date, one bad region, two bad values)."""
    agreements, payments = tmp_path / "agreements.csv", tmp_path / "payments.csv"
    agreements.write_text(AGREEMENTS, encoding="utf-8")
    payments.write_text(PAYMENTS, encoding="utf-8")
    return agreements, payments


def _batch(files: tuple[Path, Path], output: Path, *options: str) -> dict[str, dict[str, str]]:
    agreements, payments = files
    code, _, _ = run(
        "batch",
        str(agreements),
        "--payments",
        str(payments),
        "--as-of",
        "2026-01-15",
        "--output",
        str(output),
        "--no-progress",
        *options,
    )
    assert 0 == code
    with output.open(encoding="utf-8") as handle:
        return {r["agreement_id"]: r for r in csv.DictReader(handle)}


class TestBatchLocale:
    def test_chinese_messages_beside_english_errors(
        self, files: tuple[Path, Path], tmp_path: Path
    ) -> None:
        """Default locale zh_CN: `messages` in Chinese, `errors` in English, the same problems."""
        got = _batch(files, tmp_path / "out.csv")
        assert 'termination_date: not a valid date "2025-02-30"' == got["NC-3"]["errors"]
        assert 'termination_date：不是有效日期："2025-02-30"' == got["NC-3"]["messages"]
        assert "未知的地区代码" == got["NC-4"]["messages"]
        assert (
            'agreed_monthly：精度超过一分："5000.001"; months：超过允许的上限 1200; '
            "既无约定金额，也无平均工资"
        ) == got["NC-5"]["messages"]
        assert (
            'agreed_monthly: more precise than a fen "5000.001"; '
            "months: above the accepted maximum of 1200; no agreed amount and no average wage"
        ) == got["NC-5"]["errors"]
        assert "" == got["NC-1"]["messages"] == got["NC-1"]["problems"]

    def test_problems_column_has_templates_and_parameters(
        self, files: tuple[Path, Path], tmp_path: Path
    ) -> None:
        """`problems` (JSON text in a CSV cell): path, value, English reason, template, parameters."""
        got = _batch(files, tmp_path / "out.csv", "--locale", "en")
        (problem,) = json.loads(got["NC-3"]["problems"])
        assert {
            "path": "termination_date",
            "value": '"2025-02-30"',
            "reason": 'not a valid date "2025-02-30"',
            "template": "not a valid date {value}",
            "params": {"value": '"2025-02-30"'},
        } == problem
        assert "unknown region code" == got["NC-4"]["messages"]

    def test_json_lines_hold_the_problems_as_an_array(
        self, files: tuple[Path, Path], tmp_path: Path
    ) -> None:
        """JSON Lines output: `problems` is an array of objects, `errors` the English lines."""
        agreements, payments = files
        code, out, _err = run(
            "batch", str(agreements), "--payments", str(payments), "--as-of", "2026-01-15",
            "--output", "-", "--no-progress",
        )  # fmt: skip
        assert 0 == code
        lines = {r["agreement_id"]: r for r in map(json.loads, out.splitlines())}
        assert [] == lines["NC-1"]["problems"]
        assert ["unknown region code"] == [p["template"] for p in lines["NC-4"]["problems"]]
        assert "unknown region code" == lines["NC-4"]["errors"]

    def test_orphan_payment_warning_in_the_locale(
        self, files: tuple[Path, Path], tmp_path: Path
    ) -> None:
        """A payment naming no agreement is warned about on stderr, in the command's locale."""
        agreements, payments = files
        output = str(tmp_path / "out.csv")
        common = ("batch", str(agreements), "--payments", str(payments), "--as-of", "2026-01-15")
        _, _, err = run(*common, "--output", output)
        assert 'warning: payment 2：未知的 agreement_id："NC-9"' in err.splitlines()
        _, _, err = run(*common, "--output", output, "--locale", "en")
        assert 'warning: unknown agreement_id "NC-9" @ payment 2' in err.splitlines()


class TestFileProblems:
    zh = Localizer.for_locale("zh_CN")

    def _problem(self, path: str) -> Problem:
        with pytest.raises(InvalidInputError) as info:
            read_input(path)
        (problem,) = info.value.problems
        return problem

    def test_missing_file(self, tmp_path: Path) -> None:
        """A file that does not exist: said in the library's words, in Chinese too."""
        problem = self._problem(str(tmp_path / "none.csv"))
        assert "cannot read file: no such file" == problem.template
        assert "无法读取文件：文件不存在" == problem_reason(self.zh, problem)

    def test_directory(self, tmp_path: Path) -> None:
        """A directory named like a CSV file is not read."""
        (tmp_path / "d.csv").mkdir()
        assert "无法读取文件：这是一个文件夹" == problem_reason(
            self.zh, self._problem(str(tmp_path / "d.csv"))
        )

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A JSON Lines file that is not UTF-8."""
        path = tmp_path / "in.jsonl"
        path.write_bytes(b'{"a": "\xff"}\n')
        assert "cannot read file: not UTF-8" == self._problem(str(path)).reason

    def test_bad_json_line_names_its_column(self, tmp_path: Path) -> None:
        """A JSON line that does not parse: its line and the column where it fails, no Python text."""
        path = tmp_path / "in.jsonl"
        path.write_text('{"agreement_id": "A"}\n{bad\n', encoding="utf-8")
        problem = self._problem(str(path))
        assert (f"{path}: line 2", "not JSON (column 2)") == (problem.path, problem.reason)
        assert "不是有效的 JSON（第 2 列）" == problem_reason(self.zh, problem)

    def test_output_folder_missing_or_a_directory(
        self, files: tuple[Path, Path], tmp_path: Path
    ) -> None:
        """An output in a missing folder, or that is a directory: bad input (exit 2) in words."""
        agreements, _ = files
        common = ("batch", str(agreements), "--as-of", "2026-01-15", "--no-progress")
        code, _, err = run(
            *common, "--locale", "en", "--output", str(tmp_path / "none" / "out.csv")
        )
        assert 2 == code and "cannot write the file: no such folder @ --output" in err
        (tmp_path / "out.csv").mkdir()
        code, _, err = run(*common, "--output", str(tmp_path / "out.csv"))
        assert 2 == code and "错误：--output：无法写入文件：这是一个文件夹" in err
