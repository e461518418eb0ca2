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
        code, _, err = run("params", "--as-of", "2025-09-01", "--region", "CN-XX")
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
        code, _, err = run("review", str(tmp_path / "nope.json"))
        assert 2 == code and "nope.json" in err and "cannot read" in err

    def test_malformed_json(self, tmp_path: Path) -> None:
        """Broken JSON names the line and column."""
        path = tmp_path / "case.json"
        path.write_text('{"format": "tradesecret-case",\n  "kind": ,}', encoding="utf-8")
        code, _, err = run("review", str(path))
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
        code, _, err = run("review", str(path))
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
        code, _, err = run("schema", "alien")
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
