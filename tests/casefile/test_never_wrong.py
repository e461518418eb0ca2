"""
"Never wrongly", case file by case file: an outcome the library decides does not move
when a fact is left unknown.

For every case kind, start from its shipped example, move it to a random date (the review
date anywhere from the start of the kind's oldest regime to 2026-12-31, the case's own
dates some months before it) and, where the kind depends on the place, a random region of
the rulebook; leave out a random subset of the fields the JSON Schema marks as unknown-able
(``x-unknown``; in the second property also plain nullable fields), review the full and the
reduced case, and check:

(a) the reduced case is reviewed, or refused with a typed input error where it is really
    invalid (:data:`REFUSALS` lists the refusals known and judged; any other fails);
(b) every outcome the reduced review decides (anything but ``insufficient_evidence``) is
    the full review's too;
(c) no phantom missing fact (one the reduced case states), and every criterion that
    changed is explained by an open rule naming a field left out.

And the converse: filling a field left out with each value it may take (booleans, enums)
never moves an outcome the reduced review decided.

Bounded for CI (``NEVER_WRONG_EXAMPLES``, default 40 per starting case and property);
``NEVER_WRONG_EXAMPLES=2000 pytest tests/casefile/test_never_wrong.py`` runs it long.
Known violations are listed in :data:`KNOWN_MOVES` and :data:`REFUSALS`, each pinned by a
strict-xfail regression test in ``test_never_wrong_cases.py``.
"""

from __future__ import annotations

import os
from typing import Any, Final

import pendulum
import pytest
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st

from tests.casefile import test_never_wrong_cases as cases
from tests.casefile.never_wrong import (
    EARLIEST,
    LATEST,
    STARTS,
    Pair,
    Path,
    Slot,
    absent_slots,
    decided,
    envelope,
    has_region,
    months_between,
    moved_outcomes,
    outcomes,
    phantom_missing,
    review,
    shift_months,
    slots,
    start_case,
    unexplained_changes,
    with_region,
    with_value,
    without,
)
from tradesecret.dates import to_date
from tradesecret.exceptions import InvalidInputError, TradeSecretError
from tradesecret.rulebook import Rulebook, default_rulebook

#: Examples per starting case and property in CI; ``NEVER_WRONG_EXAMPLES`` raises it.
EXAMPLES = int(os.environ.get("NEVER_WRONG_EXAMPLES", "40"))
#: CI draws the same examples every run (a suite that passes today passes tomorrow); a long
#: run (``NEVER_WRONG_EXAMPLES`` set) draws new ones each time, to search.
EXPLORE = "NEVER_WRONG_EXAMPLES" in os.environ

NEVER_WRONG = settings(
    max_examples=EXAMPLES,
    derandomize=not EXPLORE,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)

#: Decided outcomes known to move when a field is left out: (criterion code or its prefix,
#: field name) -> the regression test that pins it (strict xfail until the domain changes).
KNOWN_MOVES: Final = {
    ("preservation.urgency", "discovered_on"): "test_urgency_met_without_discovery_date",
    ("preservation.factor.balance", "estimated_loss"): "test_balance_contested_without_loss",
}

#: Refusals of a reduced case known and judged: (field left out, the refused path's last
#: field) -> ``True`` where the reduced case is really invalid, else the regression test that
#: pins the defect (the schema lets the field be unknown, the review refuses it).
REFUSALS: Final = {
    # a ledger counts from the termination date: without one there is no ledger to run
    ("termination_date", "termination_date"): True,
    # a competition breach is defined by the competing business it names
    ("business", "business"): True,
    ("agreed_monthly", "average_monthly_wage"): "test_ledger_terms_without_agreed_monthly_refused",
    ("monthly_amount", "average_monthly_wage"): "test_ledger_with_agreed_amount_unknown_refused",
    ("basis", "average_monthly_wage"): "test_ledger_with_agreed_amount_unknown_refused",
    ("compensation", "average_monthly_wage"): "test_ledger_with_agreed_amount_unknown_refused",
    ("compensation", "place_of_performance"): "test_ledger_default_without_minimum_wage_refused",
    ("monthly_amount", "place_of_performance"): "test_ledger_default_without_minimum_wage_refused",
    ("basis", "place_of_performance"): "test_ledger_default_without_minimum_wage_refused",
}


def _regions() -> list[str]:
    return sorted(default_rulebook().regions)


@st.composite
def _moved_case(draw: st.DrawFn, kind: str, example: str) -> tuple[dict[str, Any], pendulum.Date]:
    """The example moved to a random review date (and region, where the kind has one)."""
    base = start_case(kind, example)
    drawn = draw(st.dates(min_value=EARLIEST[kind], max_value=LATEST))
    day = pendulum.date(drawn.year, drawn.month, drawn.day)
    lag = draw(st.integers(min_value=0, max_value=36))
    example_day = to_date(base["as_of"])
    data = shift_months(base["data"], months_between(example_day, day) - lag)
    if has_region(data):
        data = with_region(data, draw(st.sampled_from(_regions())))
    return envelope(base, data, day), day


def _run(raw: dict[str, Any], rb: Rulebook) -> tuple[tuple[object, ...] | None, Exception | None]:
    try:
        return review(raw, rb), None
    except TradeSecretError as exc:
        return None, exc


def _pair(kind: str, full: dict[str, Any], removed: tuple[Slot, ...], rb: Rulebook) -> Pair | None:
    """The full and reduced case reviewed (``None`` where the full case itself is refused)."""
    full_results, full_error = _run(full, rb)
    if full_error is not None:
        return None  # a case the library does not cover on that day or place
    reduced = envelope(full, without(full["data"], [s.path for s in removed]), _day(full))
    results, error = _run(reduced, rb)
    return Pair(
        kind=kind,
        full=full,
        reduced=reduced,
        removed=removed,
        full_results=full_results,
        reduced_results=results,
        reduced_error=error,
    )


def _day(raw: dict[str, Any]) -> pendulum.Date:
    return to_date(raw["as_of"])


def _check_refusal(pair: Pair) -> None:
    """(a) A reduced case refused: only with a typed input error, only where it is invalid."""
    error = pair.reduced_error
    assert isinstance(error, InvalidInputError), f"not an input error: {error!r}"
    removed = {s.name for s in pair.removed}
    for problem in error.problems:
        field = problem.path.rsplit(".", 1)[-1]
        known = [r for r, f in REFUSALS if r in removed and f == field]
        assert known, (
            f"refused at {problem.path} ({problem.reason}) with {sorted(removed)} left out"
        )


def _known(violation: str, pair: Pair) -> bool:
    removed = {s.name for s in pair.removed}
    return any(f"[{code}" in violation and name in removed for (code, name) in KNOWN_MOVES)


def _new(violations: list[str], pair: Pair) -> list[str]:
    """
    The violations not known: a headline (an outcome with no criterion code in its key)
    that moved with a known criterion move is that move's consequence.
    """
    known = [v for v in violations if _known(v, pair)]
    return [
        v for v in violations if v not in known and not (known and "[" not in v.split(":", 1)[0])
    ]


def _check(pair: Pair, *, explained: bool) -> None:
    note(f"left out: {[s.json_path() for s in pair.removed]}; as of {pair.full['as_of']}")
    if pair.reduced_results is None:
        _check_refusal(pair)
        return
    moved = _new(moved_outcomes(pair), pair)
    assert not moved, f"a decided outcome moved when a fact was unknown: {moved}"
    assert not phantom_missing(pair), "phantom missing facts"
    if explained:
        unexplained = _new(unexplained_changes(pair), pair)
        assert not unexplained, f"changed with no open rule naming a field left out: {unexplained}"


def _draw_subset(data: st.DataObject, candidates: tuple[Slot, ...]) -> tuple[Slot, ...]:
    """A random subset: each field left out with a drawn rate of 10 % to 60 % (shrinks to none)."""
    rate = data.draw(st.integers(min_value=1, max_value=6))
    dice = data.draw(
        st.lists(st.integers(0, 9), min_size=len(candidates), max_size=len(candidates))
    )
    return tuple(s for s, d in zip(candidates, dice, strict=True) if d >= 10 - rate)


@pytest.mark.parametrize(("kind", "example"), STARTS)
def test_unknown_facts_never_move_a_decided_outcome(kind: str, example: str, rb: Rulebook) -> None:
    """Leaving out x-unknown fields: decided outcomes hold, no phantom missing fact, every change named."""

    @NEVER_WRONG
    @given(data=st.data())
    def check(data: st.DataObject) -> None:
        full, _ = data.draw(_moved_case(kind, example))
        candidates = tuple(s for s in slots(kind, full["data"]) if s.unknown)
        pair = _pair(kind, full, _draw_subset(data, candidates), rb)
        assume(pair is not None)
        assert pair is not None
        _check(pair, explained=True)

    check()


@pytest.mark.parametrize(("kind", "example"), STARTS)
def test_nullable_fields_left_out_never_move_a_decided_outcome(
    kind: str, example: str, rb: Rulebook
) -> None:
    """Leaving out any nullable field too (null = not stated): decided outcomes hold, no phantom."""

    @NEVER_WRONG
    @given(data=st.data())
    def check(data: st.DataObject) -> None:
        full, _ = data.draw(_moved_case(kind, example))
        pair = _pair(kind, full, _draw_subset(data, slots(kind, full["data"])), rb)
        assume(pair is not None)
        assert pair is not None
        # an evidential section left out (the evidence chain, a stated loss) leaves a
        # criterion unproven without a fact to name: (c)'s "every change named" is not asked
        _check(pair, explained=False)

    check()


@pytest.mark.parametrize(("kind", "example"), STARTS)
def test_filling_an_unknown_never_moves_a_decided_outcome(
    kind: str, example: str, rb: Rulebook
) -> None:
    """From a reduced case, each allowed value of a boolean or enum left out keeps every decided outcome."""
    example_data = start_case(kind, example)["data"]
    if not any(s.choices for s in (*slots(kind, example_data), *absent_slots(kind, example_data))):
        pytest.skip("no x-unknown boolean or enum field")

    @NEVER_WRONG
    @given(data=st.data())
    def check(data: st.DataObject) -> None:
        full, day = data.draw(_moved_case(kind, example))
        candidates = tuple(s for s in slots(kind, full["data"]) if s.unknown)
        # x-unknown fields only (a plain nullable one may read null as a stated default: an
        # evidence edge without a stance supports), stated in the example or not
        fillable = [s for s in (*candidates, *absent_slots(kind, full["data"])) if s.choices]
        slot = data.draw(st.sampled_from(fillable))
        others = tuple(s for s in candidates if s is not slot)
        removed = (slot, *_draw_subset(data, others))
        pair = _pair(kind, full, removed, rb)
        assume(pair is not None and pair.reduced_results is not None)
        assert pair is not None
        assert pair.reduced_results is not None
        assume(_parent_stated(pair.reduced["data"], slot.path))
        before = decided(outcomes(pair.reduced_results))
        for value in slot.choices:
            filled = envelope(full, with_value(pair.reduced["data"], slot.path, value), day)
            results, error = _run(filled, rb)
            if error is not None:
                assert isinstance(error, InvalidInputError), repr(error)
                continue  # that value contradicts another stated fact
            after = outcomes(results or ())
            moved = [
                f"{k}: {v.value} -> {after[k].value}"
                for k, v in before.items()
                if k in after and after[k] is not v
            ]
            moved = _new(moved, pair)
            assert not moved, f"{slot.json_path()} = {value!r} moved {moved}"

    check()


def _parent_stated(data: dict[str, Any], path: Path) -> bool:
    node: Any = data
    for step in path[:-1]:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return False
    return isinstance(node, dict)


def test_every_known_violation_is_pinned() -> None:
    """Each known move and refused defect names a strict-xfail regression test that exists."""
    named = {*KNOWN_MOVES.values(), *(v for v in REFUSALS.values() if isinstance(v, str))}
    for name in sorted(named):
        marks = [m for m in getattr(getattr(cases, name), "pytestmark", []) if m.name == "xfail"]
        assert marks, name
        assert marks[0].kwargs["strict"] is True, name
