"""Input-error reasons are templates the errors catalogs say in every locale."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tradesecret.exceptions import InvalidInputError, NoApplicableRuleError, Problem
from tradesecret.i18n import Localizer

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "error_templates", ROOT / "scripts/error_templates.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["error_templates"] = module
    spec.loader.exec_module(module)
    return module


def test_every_reason_is_a_template_in_both_catalogs() -> None:
    """No f-string reason, no template missing, stale or untranslated (scripts/error_templates.py)."""
    problems = _script().check()
    assert problems == [], "\n".join(problems[:40])


def test_a_problem_in_chinese() -> None:
    """A reason and a JSON-kind parameter are both translated; path and value stay as given."""
    error = InvalidInputError.single(
        "$.data.months", [1], "expected {expected}, got {got}", expected="a number", got="an array"
    )
    zh = Localizer.for_locale("zh_CN").error(error)
    en = Localizer.for_locale("en").error(error)
    assert en == ["expected a number, got an array @ $.data.months (got [1])"]
    assert zh[0].startswith("$.data.months：")
    assert "数字" in zh[0] and "数组" in zh[0] and "[1]" in zh[0]


def test_template_and_params_kept_apart() -> None:
    """The English reason is the template filled in; the template is the catalog id."""
    p = Problem.of("months", 30, "must be at most {limit}", limit=24)
    assert (p.reason, p.template, p.params) == (
        "must be at most 24",
        "must be at most {limit}",
        (("limit", "24"),),
    )
    assert p.at("$.data.months").template == p.template


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_internal_errors_keep_their_message(locale: str) -> None:
    """An error without problems (a bug) is shown as raised."""
    error = NoApplicableRuleError("x")
    assert Localizer.for_locale(locale).error(error) == [str(error)]
