"""Every `tradesecret ...` command shown in a bash block of the interface docs runs as written."""

from __future__ import annotations

import io
import os
import re
import shlex
from pathlib import Path

import pytest

from tradesecret.casefile import example_text
from tradesecret.cli import main

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGES = [
    "index.md",
    "getting-started.md",
    "tutorials/hr-systems.md",
    "tutorials/legal-tech.md",
    "tutorials/notebooks.md",
    "how-to/case-files.md",
    "how-to/distributed-batch.md",
    "reference/cli.md",
]
FENCE = re.compile(r"```bash\n(.*?)```", re.S)


def commands() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for page in PAGES:
        text = (DOCS / page).read_text(encoding="utf-8")
        for block in FENCE.findall(text):
            for line in block.replace("\\\n", " ").splitlines():
                words = shlex.split(line, comments=True)
                if words[:2] == ["bash", "scripts/demo"]:
                    words = ["tradesecret", "demo", *words[2:]]
                if words and words[0] == "tradesecret":
                    found.append((page, shlex.join(words)))
    return found


AGREEMENTS = """agreement_id,termination_date,months,region,agreed_monthly,average_wage,reminder_date
NC-2019-1024,2025-08-31,12,CN-SH,6000.00,,2025-11-20
"""
PAYMENTS = """agreement_id,date,amount
NC-2019-1024,2025-09-30,6000.00
"""


def test_the_docs_show_commands() -> None:
    """The interface pages do show commands (the parser found them)."""
    assert len(commands()) >= 12


@pytest.mark.parametrize(("page", "command"), commands())
def test_documented_command_runs(
    page: str, command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command exits 0 or 1 (a finding at --fail-on), never 2, in a directory with the files it names."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "case.json").write_text(example_text("noncompete"), encoding="utf-8")
    (tmp_path / "agreements.csv").write_text(AGREEMENTS, encoding="utf-8")
    (tmp_path / "payments.csv").write_text(PAYMENTS, encoding="utf-8")
    words = shlex.split(command)[1:]
    target = None
    if ">" in words:
        at = words.index(">")
        words, target = words[:at], words[at + 1]
    out, err = io.StringIO(), io.StringIO()
    code = main(words, stdout=out, stderr=err)
    assert code in (0, 1), f"{page}: {command}\n{err.getvalue()}"
    if target is not None:
        (tmp_path / target).write_text(out.getvalue(), encoding="utf-8")
        assert os.path.getsize(tmp_path / target) > 0
