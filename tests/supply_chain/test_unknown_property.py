"""Property (issue 12) for the supply-chain checklists: unknown facts change only undetermined criteria."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from tradesecret.facts import UNKNOWN
from tradesecret.money import Money
from tradesecret.results import Assessment
from tradesecret.supply_chain import (
    FactoryProfile,
    FloorControls,
    LiveVideo,
    audit_factory,
    check_floor_controls,
)

DAY = "2026-01-15"

FLOOR_FACTS: dict[str, Any] = {
    "phones_prohibited": st.booleans(),
    "supervisor_on_site": st.booleans(),
    "daily_log": st.booleans(),
    "daily_photos": st.booleans(),
    "staff_count": st.integers(40, 60),
    "code_of_conduct_signed": st.integers(0, 40),
}
AUDIT_FACTS: dict[str, Any] = {
    "live_video": st.sampled_from(list(LiveVideo)),
    "utility_bill_months": st.integers(0, 24),
    "equipment_contracts": st.booleans(),
    "address_verified": st.booleans(),
    "sample_approvals": st.integers(0, 10),
    "test_reports_provided": st.booleans(),
    "preproduction_signoff": st.booleans(),
    "trade_secret_disputes": st.integers(0, 3),
    "leak_complaints": st.integers(0, 3),
    "quoted_unit_price": st.sampled_from([Money("10"), Money("29")]),
    "market_unit_price": st.sampled_from([Money("30")]),
    "certification_answers_vague": st.booleans(),
    "min_batch_units": st.integers(1, 5000),
}


def _maybe(strategy: Any) -> Any:
    return st.one_of(st.just(UNKNOWN), strategy)


def _check(before: Assessment, fillings: list[Assessment]) -> None:
    """Decided criteria equal in every filling; an undetermined one differs in some filling."""
    for c in before.criteria:
        outcomes = {f.criterion(c.code).outcome for f in fillings}
        if any(u.decisive for u in c.open):
            assert outcomes != {c.outcome}, c.code
        else:
            assert outcomes == {c.outcome}, c.code


def _fillings(
    data: st.DataObject, unknown: list[str], facts: dict[str, Any]
) -> list[dict[str, Any]]:
    """Seven random fillings of the unknown facts."""
    out = [{name: data.draw(facts[name]) for name in unknown}]
    for _ in range(6):
        out.append({name: data.draw(facts[name]) for name in unknown})
    return out


@given(data=st.data())
def test_floor_controls(data: st.DataObject) -> None:
    """Floor controls: filling unknown checks never changes a decided criterion."""
    stated = {name: data.draw(_maybe(s)) for name, s in FLOOR_FACTS.items()}
    if stated["staff_count"] is not UNKNOWN and stated["code_of_conduct_signed"] is not UNKNOWN:
        stated["code_of_conduct_signed"] = min(
            stated["code_of_conduct_signed"], stated["staff_count"]
        )
    controls = FloorControls(site="S", **stated)
    before = check_floor_controls(controls, as_of=DAY).assessment
    unknown = [n for n, v in stated.items() if v is UNKNOWN]
    fillings = []
    for values in [
        *_fillings(data, unknown, FLOOR_FACTS),
        _all(unknown, True),
        _all(unknown, False),
    ]:
        filled = attrs.evolve(controls, **values)
        if filled.code_of_conduct_signed is not UNKNOWN and filled.staff_count is not UNKNOWN:
            filled = attrs.evolve(
                filled,
                code_of_conduct_signed=min(filled.code_of_conduct_signed, filled.staff_count),
            )
        fillings.append(check_floor_controls(filled, as_of=DAY).assessment)
    _check(before, fillings)


def _all(unknown: list[str], good: bool) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in unknown:
        if name == "staff_count":
            values[name] = 40
        elif name == "code_of_conduct_signed":
            values[name] = 40 if good else 0
        else:
            values[name] = good
    return values


_GOOD: dict[str, Any] = {
    "live_video": LiveVideo.WATERMARKED,
    "utility_bill_months": 24,
    "equipment_contracts": True,
    "address_verified": True,
    "sample_approvals": 10,
    "test_reports_provided": True,
    "preproduction_signoff": True,
    "trade_secret_disputes": 0,
    "leak_complaints": 0,
    "quoted_unit_price": Money("29"),
    "market_unit_price": Money("30"),
    "certification_answers_vague": False,
    "min_batch_units": 1,
}
_BAD: dict[str, Any] = {
    "live_video": LiveVideo.REFUSED,
    "utility_bill_months": 0,
    "equipment_contracts": False,
    "address_verified": False,
    "sample_approvals": 0,
    "test_reports_provided": False,
    "preproduction_signoff": False,
    "trade_secret_disputes": 3,
    "leak_complaints": 3,
    "quoted_unit_price": Money("10"),
    "market_unit_price": Money("30"),
    "certification_answers_vague": True,
    "min_batch_units": 5000,
}


@given(data=st.data())
def test_factory_audit(data: st.DataObject) -> None:
    """Factory audit: filling unchecked facts never changes a decided step or risk."""
    stated = {name: data.draw(_maybe(s)) for name, s in AUDIT_FACTS.items()}
    profile = FactoryProfile(factory_id="F", name="F", certification_cases=(), **stated)
    before = audit_factory(profile, as_of=DAY)
    unknown = [n for n, v in stated.items() if v is UNKNOWN]
    fillings = [
        audit_factory(attrs.evolve(profile, **values), as_of=DAY)
        for values in [
            *_fillings(data, unknown, AUDIT_FACTS),
            {n: _GOOD[n] for n in unknown},
            {n: _BAD[n] for n in unknown},
        ]
    ]
    _check(before, fillings)
