"""The never-wrong checks themselves: each one fails on a planted bug (a test that cannot fail is a defect)."""

from __future__ import annotations

from typing import Any

import attrs
import pendulum
import pytest

from tests.casefile.never_wrong import (
    Pair,
    Slot,
    months_between,
    moved_outcomes,
    names_removed,
    phantom_missing,
    review,
    shift_months,
    slots,
    start_case,
    unexplained_changes,
    without,
)
from tradesecret.casefile import CaseKind, CaseKinds
from tradesecret.facts import UNKNOWN, Fact
from tradesecret.results import Assessment, Criterion, Outcome, Severity, Undetermined
from tradesecret.rulebook import Rulebook


@attrs.frozen(kw_only=True)
class Clause:
    """
    A planted clause.

    Attributes:
        signed: Whether it was signed (not stated: unknown).
        noted: Whether it was noted (not stated: unknown).
    """

    signed: Fact[bool] = UNKNOWN
    noted: Fact[bool] = UNKNOWN


def _planted(honest: bool, phantom: bool) -> CaseKind:
    def run(data: Any, as_of: pendulum.Date, rulebook: Rulebook) -> tuple[object, ...]:
        cite = (rulebook.cite("lcl@2012-12-28:24"),)
        signed = data.signed
        open_: tuple[Undetermined, ...] = ()
        if signed is UNKNOWN and honest:
            outcome = Outcome.INSUFFICIENT_EVIDENCE
            open_ = (
                Undetermined(
                    rule="planted.unsigned",
                    facts=("noted",) if phantom else ("signed",),
                    if_holds=Outcome.MET,
                    otherwise=Outcome.NOT_MET,
                    severity=Severity.HIGH,
                    citations=cite,
                ),
            )
        else:  # the planted bug: an unknown signature read as "not signed"
            outcome = Outcome.MET if signed is True else Outcome.NOT_MET
        criterion = Criterion(code="planted.signed", outcome=outcome, citations=cite, open=open_)
        return (
            Assessment(
                kind="planted", subject="c", as_of=as_of, outcome=outcome, citations=cite,
                criteria=(criterion,),
            ),
        )  # fmt: skip

    return CaseKind(
        name="planted", title_en="Planted", title_zh="植入", requires=(),
        data_type=lambda: Clause, run=run,
    )  # fmt: skip


def _pair(rb: Rulebook, *, honest: bool, phantom: bool = False) -> Pair:
    kinds = CaseKinds().with_kind(_planted(honest, phantom))
    data: dict[str, Any] = {"signed": True, "noted": True}
    full = {
        "format": "tradesecret-case", "version": 1, "kind": "planted", "as_of": "2025-01-01",
        "data": data,
    }  # fmt: skip
    removed = tuple(s for s in slots("planted", data, kinds) if s.name == "signed")
    reduced = {**full, "data": without(data, [s.path for s in removed])}
    return Pair(
        kind="planted", full=full, reduced=reduced, removed=removed,
        full_results=review(full, rb, kinds), reduced_results=review(reduced, rb, kinds),
        kinds=kinds,
    )  # fmt: skip


def test_slots_are_the_x_unknown_fields(rb: Rulebook) -> None:
    """Both Fact[bool] fields are found, with their two values."""
    kinds = CaseKinds().with_kind(_planted(True, False))
    found = slots("planted", {"signed": True, "noted": False}, kinds)
    assert [(s.path, s.unknown, s.choices) for s in found] == [
        (("signed",), True, (False, True)),
        (("noted",), True, (False, True)),
    ]


def test_planted_bug_moves_a_decided_outcome(rb: Rulebook) -> None:
    """An unknown read as 'no' is caught: the reduced 'not met' is not the full 'met'."""
    pair = _pair(rb, honest=False)
    assert sorted(moved_outcomes(pair)) == [
        "Assessment#1.criteria[planted.signed#1].outcome: reduced not_met, full met",
        "Assessment#1.outcome: reduced not_met, full met",
    ]


def test_honest_kind_passes_every_check(rb: Rulebook) -> None:
    """Undetermined and naming the field left out: no move, no phantom, the change explained."""
    pair = _pair(rb, honest=True)
    assert moved_outcomes(pair) == []
    assert phantom_missing(pair) == []
    assert unexplained_changes(pair) == []


def test_phantom_missing_fact_is_caught(rb: Rulebook) -> None:
    """An open rule naming a field the reduced case states is a phantom, and explains nothing."""
    pair = _pair(rb, honest=True, phantom=True)
    assert phantom_missing(pair) == ["noted"]
    assert len(unexplained_changes(pair)) == 1


@pytest.mark.parametrize(
    ("fact", "left_out", "expected"),
    [
        ("agreement.compensation.basis", ("agreement", "compensation"), True),
        ("agreement.compensation", ("agreement", "compensation", "basis"), True),
        ("employee.secrets_known", ("agreement", "compensation"), False),
        ("measures[M-1].evidence", ("agreement", "compensation"), False),
    ],
)
def test_names_removed(fact: str, left_out: tuple[str, ...], expected: bool) -> None:
    """A missing fact names a field left out when it is inside it or contains it."""
    assert names_removed(fact, (Slot(path=left_out, unknown=True),)) is expected


def test_shift_keeps_the_case_before_its_review_date() -> None:
    """The example moved to 2010: every date moves by the same months, month starts stay."""
    base = start_case("noncompete", "noncompete.json")
    moved = shift_months(
        base["data"], months_between(pendulum.date(2026, 1, 15), pendulum.date(2010, 3, 1))
    )
    assert moved["employee"]["termination_date"] == "2009-10-31"
    assert moved["employee"]["wages"][0]["month"] == "2008-11-01"
