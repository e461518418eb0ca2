"""The command line: exit codes, outputs and every bad-input path (no traceback, ever)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tradesecret.casefile import default_kinds, example_names, example_text
from tradesecret.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def available_examples() -> list[str]:
    return [name for name in example_names() if default_kinds()[name].available()]


class TestParams:
    def test_params_in_force(self) -> None:
        """`params` lists the parameters in force with citations."""
        code, out, _ = run("params", "--as-of", "2025-09-01", "--region", "CN-SH", "--locale", "en")
        assert 0 == code
        assert "CN¥2,740.00" in out and "LCL Art. 24(2)" in out

    def test_params_json(self) -> None:
        """`--format json` gives machine-readable values."""
        code, out, _ = run(
            "params", "--as-of", "2025-09-01", "--region", "CN-BJ", "--format", "json"
        )
        data = json.loads(out)
        wage = next(v for v in data if v["name"] == "minimum_wage.monthly")
        assert (0, {"amount": "2540", "currency": "CNY"}) == (code, wage["value"])

    def test_params_html(self) -> None:
        """`--format html` gives a page."""
        code, out, _ = run("params", "--as-of", "2025-09-01", "--format", "html")
        assert 0 == code and out.startswith("<!DOCTYPE html>")


class TestBadInput:
    def test_impossible_date_is_exit_2_without_traceback(self) -> None:
        """Bad input exits 2 with the path and reason."""
        code, _, err = run("params", "--as-of", "2025-02-30")
        assert 2 == code
        assert "--as-of" in err and "Traceback" not in err

    def test_unknown_region(self) -> None:
        """An unknown region exits 2."""
        code, _, err = run("params", "--as-of", "2025-09-01", "--region", "CN-XX", "--locale", "en")
        assert 2 == code and "unknown region" in err

    def test_unknown_command_and_option(self) -> None:
        """Usage errors exit 2 with the usage line, not a SystemExit traceback."""
        for argv in (("frobnicate",), ("params",), ("review", "x.json", "--format", "pdf")):
            code, _, err = run(*argv)
            assert 2 == code and "usage:" in err and "Traceback" not in err

    def test_bad_locale(self, tmp_path: Path) -> None:
        """An unsupported locale is bad input."""
        code, _, err = run("params", "--as-of", "2025-09-01", "--locale", "fr")
        assert 2 == code and "--locale" in err

    def test_missing_file(self, tmp_path: Path) -> None:
        """A file that does not exist is bad input, named."""
        code, _, err = run("review", str(tmp_path / "nope.json"), "--locale", "en")
        assert 2 == code and "nope.json" in err and "cannot read" in err

    def test_malformed_json(self, tmp_path: Path) -> None:
        """Broken JSON names the line and column."""
        path = tmp_path / "case.json"
        path.write_text('{"format": "tradesecret-case",\n  "kind": ,}', encoding="utf-8")
        code, _, err = run("review", str(path), "--locale", "en")
        assert 2 == code
        assert "malformed JSON" in err and "line 2" in err and "Traceback" not in err

    def test_every_envelope_problem(self, tmp_path: Path) -> None:
        """Unknown kind, impossible date, wrong version: every problem on its own line."""
        path = tmp_path / "case.json"
        path.write_text(
            json.dumps(
                {
                    "format": "tradesecret-case",
                    "version": "1",
                    "kind": "alien",
                    "as_of": "2025-13-45",
                    "data": {},
                }
            ),
            encoding="utf-8",
        )
        code, _, err = run("review", str(path), "--locale", "en")
        lines = err.strip().splitlines()
        assert 2 == code and 3 == len(lines)
        assert any("$.kind" in line and "unknown case kind" in line for line in lines)
        assert any("$.as_of" in line for line in lines)
        assert any("$.version" in line for line in lines)

    def test_wrong_types_listed_with_paths(self, tmp_path: Path) -> None:
        """Wrong types inside data are each reported under $.data with a path."""
        path = tmp_path / "case.json"
        raw = json.loads(example_text("trade_secret"))
        raw["data"]["secret"]["kind"] = "magic"
        raw["data"]["measures"][0]["start"] = "2019-02-30"
        raw["data"]["measures"][1]["people"] = "everyone"
        path.write_text(json.dumps(raw), encoding="utf-8")
        code, _, err = run("review", str(path))
        assert 2 == code and "Traceback" not in err
        assert "$.data.secret.kind" in err
        assert "$.data.measures[0].start" in err
        assert "$.data.measures[1].people" in err

    def test_unknown_schema(self) -> None:
        """schema of an unknown kind is bad input."""
        code, _, err = run("--locale", "en", "schema", "alien")
        assert 2 == code and "unknown case kind" in err


class TestSchemaAndExamples:
    def test_envelope_schema(self) -> None:
        """`schema case` prints the envelope schema."""
        code, out, _ = run("schema", "case")
        schema = json.loads(out)
        assert 0 == code and "tradesecret-case" == schema["properties"]["format"]["const"]

    @pytest.mark.parametrize("name", available_examples())
    def test_shipped_examples_validate_against_their_schema(self, name: str) -> None:
        """Each shipped example validates with jsonschema against `tradesecret schema NAME`."""
        code, out, _ = run("schema", name)
        schema = json.loads(out)
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.validate(json.loads(example_text(name)), schema)
        assert 0 == code

    @pytest.mark.parametrize("name", available_examples())
    def test_repository_examples_match_the_packaged_ones(self, name: str) -> None:
        """examples/ in the repository holds the same files the package ships."""
        repo = Path(__file__).resolve().parents[2] / "examples" / f"{name}.json"
        assert example_text(name) == repo.read_text(encoding="utf-8")

    def test_example_command(self) -> None:
        """`example NAME` prints the shipped file."""
        code, out, _ = run("example", "trade_secret")
        assert 0 == code and "trade_secret" == json.loads(out)["kind"]


def _json(text: str) -> Any:
    return json.loads(text)


def test_installed_entry_point_runs() -> None:
    """`python -m tradesecret.cli` works as a process (what the console script calls)."""
    proc = subprocess.run(
        [sys.executable, "-m", "tradesecret.cli", "schema", "case"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert 0 == proc.returncode and "tradesecret-case" in proc.stdout


class TestDemoAndReview:
    @pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
    def test_demo_every_format(self, fmt: str) -> None:
        """The demo covers the five domains in every format."""
        code, out, err = run("demo", "--locale", "en", "--format", fmt)
        assert (0, "") == (code, err)
        if fmt == "json":
            kinds = [r["type"] for r in json.loads(out)["results"]]
            assert {
                "Assessment",
                "CompensationState",
                "DisclosurePackage",
                "EvidenceEvaluation",
                "Timetable",
            } <= set(kinds)
        else:
            assert "Engineer Wang" in out and "LCL Art. 23(2)" in out

    def test_demo_html_has_both_pictures(self) -> None:
        """The HTML demo draws the compensation timeline and the evidence chain."""
        _, out, _ = run("demo", "--format", "html", "--locale", "bilingual")
        assert 2 == out.count('class="ts-timeline"') and 2 == out.count('class="ts-graph"')

    def test_demo_fail_on(self) -> None:
        """--fail-on high exits 1 (the example has high findings); critical exits 0."""
        assert (1, 0) == (
            run("demo", "--fail-on", "high")[0],
            run("demo", "--fail-on", "critical")[0],
        )

    def test_review_output_file_and_as_of(self, tmp_path: Path) -> None:
        """review writes --output and honours --as-of."""
        case = tmp_path / "case.json"
        case.write_text(example_text("noncompete"), encoding="utf-8")
        report = tmp_path / "report.html"
        code, out, _ = run(
            "review",
            str(case),
            "--format",
            "html",
            "--output",
            str(report),
            "--as-of",
            "2025-10-15",
        )
        assert (0, "") == (code, out)
        assert "2025年10月15日" in report.read_text(encoding="utf-8")

    def test_ledger_requires_a_noncompete_case(self, tmp_path: Path) -> None:
        """ledger on another kind is bad input."""
        case = tmp_path / "case.json"
        case.write_text(example_text("factory_audit"), encoding="utf-8")
        code, _, err = run("ledger", str(case), "--as-of", "2026-01-15")
        assert 2 == code and "$.kind" in err

    def test_unknown_region_inside_a_case(self, tmp_path: Path) -> None:
        """An unknown region in the data is bad input (exit 2), not a traceback."""
        raw = json.loads(example_text("noncompete"))
        raw["data"]["employee"]["place_of_performance"] = "CN-XX"
        raw["data"]["ledger"]["terms"]["region"] = "CN-XX"
        case = tmp_path / "case.json"
        case.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
        code, _, err = run("review", str(case))
        assert 2 == code and "CN-XX" in err and "Traceback" not in err


def test_new_user_path(tmp_path: Path) -> None:
    """The installed `tradesecret` command: demo, then the docs' example case file, then review it."""
    script = Path(sys.executable).parent / "tradesecret"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "tradesecret.cli"]
    demo = subprocess.run(
        [*command, "demo", "--locale", "en"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert 0 == demo.returncode and "Engineer Wang" in demo.stdout
    example = subprocess.run(
        [*command, "example", "noncompete"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    case = tmp_path / "case.json"
    case.write_text(example.stdout, encoding="utf-8")
    review = subprocess.run(
        [*command, "review", str(case), "--locale", "en"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert 0 == review.returncode and "arrears CN¥12,000.00" in review.stdout


def test_review_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    """`review -` reads the case file from standard input."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(example_text("factory_audit")))
    code, out, _ = run("review", "-", "--locale", "en")
    assert 0 == code and "Factory audit" in out
