"""The README's quick start stays true: its commands exist and its Python block runs."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from tradesecret.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README.read_text("utf-8"), re.S)


def test_quick_start_scripts_exist() -> None:
    """The two quick-start commands name scripts that exist in the repository."""
    text = blocks("bash")[0]
    assert "bash scripts/demo" in text
    assert "bash scripts/test" in text
    for script in ("scripts/demo", "scripts/test"):
        assert (README.parent / script).is_file()
    assert "bash scripts/test" in (README.parent / ".ci" / "run").read_text("utf-8")


def test_case_file_commands_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`example`, `review` and `schema` as the README shows them succeed on the shipped example."""
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    assert 0 == main(["example", "noncompete"], stdout=out, stderr=io.StringIO())
    Path("case.json").write_text(out.getvalue(), encoding="utf-8")
    assert 0 == main(
        ["review", "case.json", "--locale", "en"], stdout=io.StringIO(), stderr=io.StringIO()
    )
    schema = io.StringIO()
    assert 0 == main(["schema", "noncompete"], stdout=schema, stderr=io.StringIO())
    assert '"$schema"' in schema.getvalue()


def test_python_block_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's Python example runs against the example case file."""
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    main(["example", "noncompete"], stdout=out, stderr=io.StringIO())
    Path("case.json").write_text(out.getvalue(), encoding="utf-8")
    exec(compile(blocks("python")[0], "README.md", "exec"), {})
    assert "Non-compete review" in capsys.readouterr().out
