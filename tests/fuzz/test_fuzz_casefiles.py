"""Fuzzing the case files, bounded for CI: every input is reviewed or refused with a typed error.

``scripts/fuzz`` runs the same strategies for a long time (100,000 inputs per kind by default).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings

from tests.fuzz.harness import KINDS, case_inputs, judge

#: Inputs per kind in CI (a few seconds each); ``FUZZ_EXAMPLES`` raises it.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))

BOUNDED = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.parametrize("kind", KINDS)
def test_mutated_case_files_never_crash(kind: str) -> None:
    """Structure-aware and raw mutations of the example: reviewed, or refused with a typed
    error; never a traceback, never a document the schema refuses accepted silently."""

    @BOUNDED
    @given(case_inputs(kind))
    def check(text: str | bytes) -> None:
        verdict = judge(text, kind)
        assert verdict.outcome in ("ok", "refused"), verdict

    check()
