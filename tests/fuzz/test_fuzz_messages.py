"""Every problem the fuzzed inputs raise can be said in Chinese: its template is in the zh_CN
catalog with a text (no English leaks into a Chinese message).

Bounded for CI like the other fuzz tests (``FUZZ_EXAMPLES`` inputs per kind); the wrong-type
probe is the one of ``test_schema_agreement``: every node of every example given each JSON type
the schema refuses there.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

import pytest
from hypothesis import HealthCheck, given, settings

from tests.fuzz.harness import DOCUMENTS, KINDS, case_inputs, example, replaced
from tests.fuzz.test_schema_agreement import probes
from tradesecret.casefile import load_case, review_case
from tradesecret.exceptions import Problem, TradeSecretError
from tradesecret.i18n import catalog

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
