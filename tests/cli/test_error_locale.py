"""The command line says input errors (exit 2) in the command's locale, with full JSON paths."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tradesecret.casefile import example_text
from tradesecret.cli import EXIT_BAD_INPUT, main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def bad_case(tmp_path: Path) -> Path:
    """The noncompete example with a wage amount of the wrong JSON type and an impossible date."""
    raw = json.loads(example_text("noncompete"))
    raw["data"]["employee"]["wages"][1]["amount"]["amount"] = 6000
    raw["as_of"] = "2025-02-30"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return path


def test_bad_case_in_chinese_by_default(bad_case: Path) -> None:
    """Without --locale the problems are said in Chinese, framed by 错误：, at their full path."""
    code, out, err = run("review", str(bad_case))
    assert (EXIT_BAD_INPUT, "") == (code, out)
    assert [
        '错误：$.as_of：不是有效的 ISO 日期（YYYY-MM-DD）（收到 "2025-02-30"）',
        '错误：$.data.employee.wages[1].amount.amount：应为十进制数字符串（如 "6000.00"），实际为数字（收到 6000）',
    ] == err.splitlines()


def test_bad_case_in_english(bad_case: Path) -> None:
    """--locale en: the English reasons, the same paths and values."""
    code, _, err = run("review", str(bad_case), "--locale", "en")
    assert EXIT_BAD_INPUT == code
    assert [
        'error: not a valid ISO date (YYYY-MM-DD) @ $.as_of (got "2025-02-30")',
        (
            'error: expected a decimal string such as "6000.00", got a number '
            "@ $.data.employee.wages[1].amount.amount (got 6000)"
        ),
    ] == err.splitlines()


def test_bilingual_says_each_problem_in_chinese_then_english(bad_case: Path) -> None:
    """--locale bilingual: each problem's Chinese line, then its English line."""
    code, _, err = run("review", str(bad_case), "--locale", "bilingual")
    lines = err.splitlines()
    assert EXIT_BAD_INPUT == code and 4 == len(lines)
    assert lines[0].startswith("错误：$.as_of：") and lines[1].startswith("error: not a valid")
    assert lines[2].startswith("错误：$.data.employee.wages[1].amount.amount：")
    assert lines[3].startswith("error: expected a decimal string")


def test_global_locale_for_a_command_without_one() -> None:
    """``schema`` has no --locale of its own: the global one (before the command) is used."""
    code, _, err = run("--locale", "en", "schema", "alien")
    assert EXIT_BAD_INPUT == code and err.startswith("error: unknown case kind; known: ")
    code, _, err = run("schema", "alien")
    assert EXIT_BAD_INPUT == code and err.startswith("错误：kind：未知的案件类型；已知类型：")


def test_command_locale_wins_over_global(bad_case: Path) -> None:
    """A command's own --locale wins over the global one."""
    _, _, err = run("--locale", "zh_CN", "review", str(bad_case), "--locale", "en")
    assert err.startswith("error: ")


def test_unsupported_locale_is_said_in_both(bad_case: Path) -> None:
    """An unsupported --locale is itself the problem, said in Chinese and in English."""
    code, _, err = run("review", str(bad_case), "--locale", "fr")
    assert EXIT_BAD_INPUT == code
    assert [
        '错误：--locale：应为 zh_CN、en 或 bilingual 之一（收到 "fr"）',
        'error: one of zh_CN, en, bilingual @ --locale (got "fr")',
    ] == err.splitlines()


def test_many_files_json_lines_carry_template_and_message(bad_case: Path, tmp_path: Path) -> None:
    """review of several files: each bad file's problems with template, params and message."""
    good = tmp_path / "good.json"
    good.write_text(example_text("noncompete"), encoding="utf-8")
    code, out, _ = run("review", str(good), str(bad_case), "--locale", "en")
    lines = [json.loads(line) for line in out.splitlines()]
    assert EXIT_BAD_INPUT == code and [True, False] == [line["ok"] for line in lines]
    amount = lines[1]["problems"][1]
    assert {
        "path": "$.data.employee.wages[1].amount.amount",
        "value": "6000",
        "reason": 'expected a decimal string such as "6000.00", got a number',
        "template": 'expected a decimal string such as "6000.00", got {got}',
        "params": {"got": "a number"},
        "message": 'expected a decimal string such as "6000.00", got a number',
    } == amount
