"""Every problem the fuzzed inputs raise can be said in Chinese: its template is in the zh_CN
catalog with a text (no English leaks into a Chinese message).

Bounded for CI like the other fuzz tests (``FUZZ_EXAMPLES`` inputs per kind); the wrong-type
probe is the one of ``test_schema_agreement``: every node of every example given each JSON type
the schema refuses there.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Final

import pytest
from hypothesis import HealthCheck, given, settings

from tests.fuzz.harness import DOCUMENTS, KINDS, case_inputs, example, replaced
from tests.fuzz.test_schema_agreement import probes, value_probes
from tradesecret.casefile import load_case, review_case
from tradesecret.exceptions import Problem, TradeSecretError
from tradesecret.i18n import Localizer, catalog
from tradesecret.reports import REPORT_FORMATS, render

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))

#: Parameters whose text is itself a catalog word (the kind of JSON value got or expected).
_WORD_PARAMS = frozenset({"got"})


def raised(document: object) -> tuple[Problem, ...]:
    """The problems loading and reviewing ``document`` raises (none when it is reviewed)."""
    try:
        review_case(load_case(document))  # type: ignore[arg-type]
    except TradeSecretError as exc:
        return exc.problems
    return ()


def untranslated(problems: Iterable[Problem]) -> set[str]:
    """Templates (and word parameters) of ``problems`` without a Chinese text."""
    zh = catalog("zh_CN")
    out: set[str] = set()
    for problem in problems:
        if not zh.get(problem.template):
            out.add(f"template {problem.template!r}")
        out |= {
            f"parameter {name}={text!r} of {problem.template!r}"
            for name, text in problem.params
            if name in _WORD_PARAMS and not zh.get(text)
        }
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_fuzzed_problems_have_chinese_templates(kind: str) -> None:
    """Structure-aware and raw mutations: every problem raised has a zh_CN template text."""
    missing: set[str] = set()

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(case_inputs(kind))
    def check(text: str | bytes) -> None:
        missing.update(untranslated(raised(text)))

    check()
    assert [] == sorted(missing)


@pytest.mark.parametrize("kind", DOCUMENTS)
def test_wrong_type_probe_problems_have_chinese_templates(kind: str) -> None:
    """Every node of the example given a wrong JSON type: every problem has a zh_CN text."""
    document = example(kind)
    missing: set[str] = set()
    for path, value, allowed in probes(kind):
        if not allowed:
            missing |= untranslated(raised(replaced(document, path, value)))
    assert [] == sorted(missing)


#: Fragments of a Python ``repr`` that must never reach a caller: a keyword repr
#: (``person_id='E-1024'``), objects (``Decimal('1')``, ``Date(2025, 1, 1)``,
#: ``DateTime(...)``, ``Money(...)``), numpy scalars, classes, a subscript with a repr
#: (``custody['X-MAIL']``).
REPR_FRAGMENTS: Final = ("='", "Decimal(", "Date(", "DateTime(", "Money(", "np.", "<class", "['")


def repr_leaks(texts: Iterable[str]) -> set[str]:
    """The texts that contain a fragment of a Python ``repr``."""
    return {t for t in texts if any(f in t for f in REPR_FRAGMENTS)}


def said(problems: Iterable[Problem]) -> list[str]:
    """Every way a caller sees ``problems``: path, value, reason, each parameter, and the
    line in each locale."""
    out: list[str] = []
    for problem in problems:
        out += [problem.path, problem.value, problem.reason, *(t for _, t in problem.params)]
        out += [Localizer.for_locale(code).problem(problem) for code in ("zh_CN", "en")]
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_fuzzed_messages_carry_no_python_repr(kind: str) -> None:
    """Structure-aware and raw mutations: no problem (path, value, reason, parameters, the
    line in zh_CN and en) shows a Python repr such as ``='``, ``Decimal(`` or ``<class``."""
    leaks: set[str] = set()

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(case_inputs(kind))
    def check(text: str | bytes) -> None:
        leaks.update(repr_leaks(said(raised(text))))

    check()
    assert [] == sorted(leaks)


@pytest.mark.parametrize("kind", DOCUMENTS)
def test_probe_messages_carry_no_python_repr(kind: str) -> None:
    """Every node of the example given a wrong JSON type or a text its pattern refuses: no
    problem shows a Python repr."""
    document = example(kind)
    leaks: set[str] = set()
    checked = 0
    for path, value, allowed in probes(kind):
        if not allowed:
            leaks |= repr_leaks(said(raised(replaced(document, path, value))))
            checked += 1
    for path, text, _ in value_probes(kind):
        leaks |= repr_leaks(said(raised(replaced(document, path, text))))
    assert [] == sorted(leaks)
    assert checked > 20


@pytest.mark.parametrize("kind", DOCUMENTS)
@pytest.mark.parametrize("form", REPORT_FORMATS)
def test_reports_of_the_examples_carry_no_python_repr(kind: str, form: str) -> None:
    """The review of every example, rendered in every format and both locales, shows no
    Python repr (finding arguments, values, citations are in the library's words)."""
    review = review_case(load_case(example(kind)))
    texts = [render(review, locale=code, format=form) for code in ("zh_CN", "en")]
    assert [] == [f for f in REPR_FRAGMENTS for t in texts if f in t]


def test_a_custody_problem_of_a_case_file_is_at_the_items_json_path() -> None:
    """An item collected by a node that is not a party: its custody log's first holder is
    refused at the item's place in the case file, ``$.data.evidence.items[1].collected_by``,
    never as ``custody.X-MAIL[0].to_party``."""
    document = example("preservation")
    item = document["data"]["evidence"]["items"][1]
    secret = document["data"]["evidence"]["secrets"][0]["id"]
    changed = replaced(document, ("data", "evidence", "items", 1, "collected_by"), secret)
    problems = raised(changed)
    assert [(p.path, p.value, p.template) for p in problems] == [
        ("$.data.evidence.items[1].collected_by", f'"{secret}"', "not a party node")
    ]
    assert item["id"] == "X-MAIL"
    assert Localizer.for_locale("en").problem(problems[0]) == (
        f'not a party node @ $.data.evidence.items[1].collected_by (got "{secret}")'
    )
