"""Input-error reasons are templates the errors catalogs say in every locale."""

from __future__ import annotations

import importlib.util
import string
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tradesecret.exceptions import InvalidInputError, NoApplicableRuleError, Problem
from tradesecret.i18n import Localizer, placeholders

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


#: The core and interface modules whose templates live in ``errors.po`` (the batch readers of
#: the CLI are another helper's; the domains have their own catalogs).
_CORE_FILES = (
    "src/tradesecret/exceptions.py",
    "src/tradesecret/money.py",
    "src/tradesecret/dates.py",
    "src/tradesecret/_convert.py",
    "src/tradesecret/_jsonread.py",
    "src/tradesecret/_rulebook_load.py",
    "src/tradesecret/_data_snapshot.py",
    "src/tradesecret/rulebook.py",
    "src/tradesecret/results.py",
    "src/tradesecret/serialization.py",
    "src/tradesecret/i18n/",
    "src/tradesecret/reports/",
    "src/tradesecret/casefile/",
    "src/tradesecret/cli/__init__.py",
    "src/tradesecret/cli/_more.py",
    "src/tradesecret/cli/_errors.py",
    "src/tradesecret/server/",
)


def test_core_and_interface_reasons_are_templates_translated_in_errors_po() -> None:
    """No f-string reason in the core and interface modules, and every template of errors.po
    has a Chinese text (the part of --check this catalog answers for)."""
    lines = [
        line
        for line in _script().check()
        if line.startswith(_CORE_FILES) or line.startswith(("zh_CN/errors.po", "en/errors.po"))
    ]
    assert lines == [], "\n".join(lines[:40])


def test_errors_po_zh_keeps_every_placeholder() -> None:
    """Every zh_CN text of errors.po has exactly the placeholders of its English template."""
    polib = pytest.importorskip("polib")
    po = polib.pofile(str(ROOT / "src/tradesecret/i18n/locale/zh_CN/LC_MESSAGES/errors.po"))
    en = polib.pofile(str(ROOT / "src/tradesecret/i18n/locale/en/LC_MESSAGES/errors.po"))
    english = {e.msgid: e.msgstr for e in en}
    for entry in po:
        if entry.msgid.startswith("error."):
            continue
        assert english[entry.msgid] == entry.msgid, entry.msgid  # en = the template
        if entry.msgstr:
            assert placeholders(entry.msgstr) == placeholders(entry.msgid), entry.msgid
        for text in (entry.msgid, entry.msgstr):  # fillable: every {field} a name, braces doubled
            fields = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
            assert all(f.isidentifier() for f in fields), text


def test_a_template_said_in_both_locales() -> None:
    """A limit parameter fills the Chinese text as it fills the English one."""
    error = InvalidInputError.single(
        "$.data.months", 30, "more than {limit} decimal places", limit=12
    )
    assert ["$.data.months：小数超过 12 位（收到 30）"] == Localizer.for_locale("zh_CN").error(
        error
    )
    assert ["more than 12 decimal places @ $.data.months (got 30)"] == Localizer.for_locale(
        "en"
    ).error(error)


def test_problem_object_carries_template_params_and_message() -> None:
    """The JSON form of a problem (CLI JSON Lines, server): English reason, template, params
    and the message in the locale."""
    problem = Problem.of(
        "$.kind", "alien", "unknown case kind; known: {allowed}", allowed=["a", "b"]
    )
    assert {
        "path": "$.kind",
        "value": '"alien"',
        "reason": "unknown case kind; known: a, b",
        "template": "unknown case kind; known: {allowed}",
        "params": {"allowed": "a, b"},
        "message": "未知的案件类型；已知类型：a, b",
    } == Localizer.for_locale("zh_CN").problem_object(problem)


def test_a_template_in_two_catalogs_is_named_and_moved_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a merge a template may sit in two catalogs: --check names it, --update keeps it in
    its home catalog (by the package of its first place) with the translation found."""
    polib = pytest.importorskip("polib")
    script = _script()
    folder = tmp_path / "zh_CN" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    template = "expected one of {allowed}"
    for name, text in (("errors.po", ""), ("errors_domains.po", "应为以下之一：{allowed}")):
        po = polib.POFile()
        po.append(polib.POEntry(msgid=template, msgstr=text))
        po.save(str(folder / name))
    monkeypatch.setattr(script, "LOCALES", tmp_path)
    found = {template: ["src/tradesecret/dates.py:352"]}
    assert [(template, ["errors.po", "errors_domains.po"], "errors.po")] == script._duplicates(
        found, "zh_CN"
    )
    catalogs = script._catalogs("zh_CN")
    script._deduplicate(found, catalogs)
    assert ["应为以下之一：{allowed}"] == [e.msgstr for e in catalogs["errors.po"]]
    assert [] == list(catalogs["errors_domains.po"])
