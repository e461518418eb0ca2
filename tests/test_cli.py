"""The command line: exit codes and outputs."""

from __future__ import annotations

import io
import json

from tradesecret.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_params_in_force() -> None:
    """`params` lists the parameters in force with citations."""
    code, out, _ = run("params", "--as-of", "2025-09-01", "--region", "CN-SH", "--locale", "en")
    assert 0 == code
    assert "CN¥2,740.00" in out and "LCL Art. 24(2)" in out


def test_params_json() -> None:
    """`--format json` gives machine-readable values."""
    code, out, _ = run("params", "--as-of", "2025-09-01", "--region", "CN-BJ", "--format", "json")
    data = json.loads(out)
    wage = next(v for v in data if v["name"] == "minimum_wage.monthly")
    assert (0, {"amount": "2540", "currency": "CNY"}) == (code, wage["value"])


def test_impossible_date_is_exit_2_without_traceback() -> None:
    """Bad input exits 2 with the path and reason."""
    code, _, err = run("params", "--as-of", "2025-02-30")
    assert 2 == code
    assert "--as-of" in err and "Traceback" not in err


def test_unknown_region() -> None:
    """An unknown region exits 2."""
    code, _, err = run("params", "--as-of", "2025-09-01", "--region", "CN-XX")
    assert 2 == code and "unknown region" in err


def test_demo_runs_in_both_languages() -> None:
    """The demo prints a report in Chinese by default and in English on request."""
    code_zh, out_zh, _ = run("demo")
    code_en, out_en, _ = run("demo", "--locale", "en", "--format", "markdown")
    assert (0, 0) == (code_zh, code_en)
    assert "劳动合同法" in out_zh and "LCL" in out_en
