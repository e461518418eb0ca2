"""Invariants: unknown facts never flip a decided answer; inputs and results round-trip as JSON."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from tradesecret.facts import UNKNOWN
from tradesecret.money import Money
from tradesecret.remedies import (
    Adjustment,
    AfterBreach,
    Breach,
    BreachKind,
    Business,
    CompensationClause,
    CompensationShape,
    EnforcementReview,
    InfringingAct,
    Payment,
    PenaltyClause,
    PenaltyFacts,
    PenaltyShape,
    Remedies,
    ReturnScope,
    remedies,
    review_enforcement,
    review_penalty,
)
from tradesecret.rulebook import Rulebook
from tradesecret.serialization import from_json, to_json

D = pendulum.date
AMOUNTS = st.integers(min_value=0, max_value=2_000_000).map(lambda n: Money(Decimal(n)))
DAYS = st.sampled_from(
    [
        D(2009, 5, 12),
        D(2009, 5, 13),
        D(2020, 12, 31),
        D(2023, 12, 4),
        D(2023, 12, 5),
        D(2025, 9, 12),
    ]
)


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.just(UNKNOWN), strategy)


@given(
    agreed=maybe(AMOUNTS),
    loss=maybe(AMOUNTS),
    malicious=maybe(st.booleans()),
    paid=maybe(AMOUNTS),
    day=DAYS,
    fill=st.data(),
)
def test_decided_adjustment_holds_for_any_unknown(
    rb: Rulebook,
    agreed: Any,
    loss: Any,
    malicious: Any,
    paid: Any,
    day: pendulum.Date,
    fill: st.DataObject,
) -> None:
    """A decided adjustment stays the same whatever the unknown facts turn out to be; an undetermined one can change."""

    def run(a: Any, lo: Any, m: Any, p: Any) -> Adjustment:
        facts = PenaltyFacts(agreed=a, loss=lo, malicious=m, compensation_paid=p)
        return review_penalty(facts, as_of=day, facts_day=day, rulebook=rb).adjustment

    base = run(agreed, loss, malicious, paid)
    filled = run(
        fill.draw(AMOUNTS) if agreed is UNKNOWN else agreed,
        fill.draw(AMOUNTS) if loss is UNKNOWN else loss,
        fill.draw(st.booleans()) if malicious is UNKNOWN else malicious,
        fill.draw(AMOUNTS) if paid is UNKNOWN else paid,
    )
    if base not in (Adjustment.UNDETERMINED, Adjustment.REDUCTION_LIKELY_UNLESS_MALICIOUS):
        assert base is filled
    elif base is Adjustment.REDUCTION_LIKELY_UNLESS_MALICIOUS:
        assert filled in (Adjustment.REDUCTION_LIKELY, Adjustment.REDUCTION_UNLIKELY_MALICIOUS)
        assert run(agreed, loss, True, paid) is not run(agreed, loss, False, paid)
    else:
        assert filled is not Adjustment.UNDETERMINED


def _case() -> AfterBreach:
    rival = Business(
        name="Rival", business_lines=("电池",), products=("电芯",), customers=(), markets=UNKNOWN
    )
    return AfterBreach(
        breach=Breach(
            kind=BreachKind.WORKING_FOR_COMPETITOR,
            start=D(2025, 11, 3),
            business=rival,
            malicious=True,
        ),
        employer=Business(name="Former", business_lines=("电池",)),
        termination_date=D(2025, 8, 31),
        restriction_months=12,
        compensation=CompensationClause(
            shape=CompensationShape.MONTHLY_AMOUNT, amount=Money("6000")
        ),
        penalty=PenaltyClause(
            shape=PenaltyShape.FIXED_AMOUNT, amount=Money("500000"), actual_loss_if_higher=True
        ),
        payments=(Payment(month=D(2025, 9, 1), amount=Money("6000")),),
        return_scope=ReturnScope.ALL_PAID,
        loss=Money("100000"),
    )


def test_input_round_trips() -> None:
    """AfterBreach (with unknown and stated-empty facts) round-trips through JSON."""
    case = _case()
    assert case == from_json(to_json(case), AfterBreach)


def test_results_round_trip(rb: Rulebook) -> None:
    """The remedies and the enforcement review round-trip through JSON."""
    r = remedies(_case(), as_of=D(2026, 1, 15), rulebook=rb)
    assert r == from_json(to_json(r), Remedies)
    e = review_enforcement(
        InfringingAct(start=D(2025, 8, 1), serious=True), as_of=D(2026, 1, 15), rulebook=rb
    )
    assert e == from_json(to_json(e), EnforcementReview)
