"""Property (issue 12): a decided criterion does not change whatever an unknown fact is; an undetermined one does for some value."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from tradesecret.definition import (
    CustomerElement,
    CustomerInformation,
    ExposureKind,
    PublicExposure,
    SecretKind,
    SecretPoint,
    SecretSubtype,
    TradeSecret,
    ValueEvidence,
    ValueKind,
    assess_trade_secret,
)
from tradesecret.facts import UNKNOWN
from tradesecret.measures import ConfidentialityMeasure, MeasureKind
from tradesecret.results import Assessment

DAYS = st.sampled_from(["2005-06-01", "2015-06-01", "2021-03-01", "2025-06-01", "2025-11-01"])
DATES = st.sampled_from(["2003-01-01", "2014-01-01", "2021-01-01", "2026-06-01"])
maybe = st.one_of(st.just(UNKNOWN), st.booleans())


@st.composite
def exposures(draw: st.DrawFn) -> PublicExposure:
    return PublicExposure(
        id=f"E{draw(st.integers(0, 999))}",
        kind=draw(st.sampled_from(list(ExposureKind))),
        on=draw(st.one_of(st.just(UNKNOWN), DATES)),
        covers=draw(st.sampled_from([(), ("P1",), ("P1", "P2")])),
        simple_features_only=draw(maybe),
        confirmed=draw(st.booleans()),
    )


@st.composite
def measures(draw: st.DrawFn) -> ConfidentialityMeasure:
    return ConfidentialityMeasure(
        id=f"M{draw(st.integers(0, 999))}",
        kind=draw(st.sampled_from(list(MeasureKind))),
        start=draw(DATES),
        secret_ids=draw(st.sampled_from([(), ("TS-1",)])),
        all_secrets=draw(st.booleans()),
        evidence=draw(st.sampled_from([UNKNOWN, (), ("ev",)])),
        identifies_secret=draw(maybe),
    )


@st.composite
def secrets(draw: st.DrawFn) -> TradeSecret:
    customer = draw(st.booleans())
    info: object = UNKNOWN
    if customer and draw(st.booleans()):
        info = CustomerInformation(
            elements=draw(
                st.one_of(
                    st.just(UNKNOWN),
                    st.lists(st.sampled_from(list(CustomerElement)), max_size=3).map(tuple),
                )
            ),
            relies_on_long_term_relationship_only=draw(st.booleans()),
        )
    exposed = draw(st.lists(exposures(), max_size=3, unique_by=lambda e: e.id))
    points = draw(
        st.sampled_from(
            [(), (SecretPoint(id="P1", description="a"), SecretPoint(id="P2", description="b"))]
        )
    )
    if not points:
        exposed = [attrs.evolve(e, covers=()) for e in exposed]
    return TradeSecret(
        id="TS-1",
        title="t",
        kind=SecretKind.BUSINESS if customer else SecretKind.TECHNICAL,
        subtypes=(SecretSubtype.CUSTOMER_LIST,) if customer else (),
        points=points,
        value_evidence=draw(
            st.sampled_from(
                [UNKNOWN, (), (ValueEvidence(kind=ValueKind.RD_COST, on="2001-01-01"),)]
            )
        ),
        exposures=tuple(exposed),
        customer_information=info,
    )


Filler = Callable[[str, Any], Any]


def fill(
    s: TradeSecret, ms: tuple[ConfidentialityMeasure, ...], pick: Filler
) -> tuple[TradeSecret, tuple[ConfidentialityMeasure, ...]]:
    """Every unknown fact given a value chosen by ``pick(path, default_choices)``."""
    exposed = tuple(
        attrs.evolve(
            e,
            on=pick(f"exposures[{i}].on", DATES) if e.on is UNKNOWN else e.on,
            simple_features_only=pick(f"exposures[{i}].simple", st.booleans())
            if e.simple_features_only is UNKNOWN
            else e.simple_features_only,
        )
        for i, e in enumerate(s.exposures)
    )
    info = s.customer_information
    if info is UNKNOWN and s.kind is SecretKind.BUSINESS:
        info = CustomerInformation(
            elements=pick(
                "ci", st.lists(st.sampled_from(list(CustomerElement)), max_size=3).map(tuple)
            )
        )
    elif info is not UNKNOWN and info.elements is UNKNOWN:
        info = attrs.evolve(
            info,
            elements=pick(
                "ci.elements",
                st.lists(st.sampled_from(list(CustomerElement)), max_size=3).map(tuple),
            ),
        )
    value = s.value_evidence
    if value is UNKNOWN:
        value = pick("value", st.sampled_from([(), (ValueEvidence(kind=ValueKind.REVENUE),)]))
    filled = attrs.evolve(s, exposures=exposed, customer_information=info, value_evidence=value)
    new_ms = tuple(
        attrs.evolve(
            m,
            evidence=pick(f"{m.id}.evidence", st.sampled_from([(), ("ev",)]))
            if m.evidence is UNKNOWN
            else m.evidence,
            identifies_secret=pick(f"{m.id}.ident", st.booleans())
            if m.identifies_secret is UNKNOWN
            else m.identifies_secret,
        )
        for m in ms
    )
    return filled, new_ms


def outcomes(a: Assessment) -> dict[str, str]:
    return {c.code: c.outcome.value for c in a.criteria}


@given(
    secret=secrets(),
    ms=st.lists(measures(), max_size=3, unique_by=lambda m: m.id).map(tuple),
    day=DAYS,
    data=st.data(),
)
def test_unknowns_change_only_undetermined_criteria(
    secret: TradeSecret, ms: tuple[ConfidentialityMeasure, ...], day: str, data: st.DataObject
) -> None:
    """Filling unknown facts never changes a decided criterion; an undetermined one changes for some filling."""
    before = assess_trade_secret(secret, as_of=day, measures=ms)
    drawn = fill(secret, ms, lambda _path, strategy: data.draw(strategy))
    after = assess_trade_secret(drawn[0], as_of=day, measures=drawn[1])
    for criterion in before.criteria:
        if not any(u.decisive for u in criterion.open):
            assert criterion.outcome == after.criterion(criterion.code).outcome, criterion.code
    # an undetermined criterion changes for the most or the least favourable filling
    best_s, best_m = _filled(secret, ms, favourable=True)
    worst_s, worst_m = _filled(secret, ms, favourable=False)
    best = assess_trade_secret(best_s, as_of=day, measures=best_m)
    worst = assess_trade_secret(worst_s, as_of=day, measures=worst_m)
    for criterion in before.criteria:
        if any(u.decisive for u in criterion.open):
            answers = {
                best.criterion(criterion.code).outcome,
                worst.criterion(criterion.code).outcome,
            }
            assert answers != {criterion.outcome}, criterion.code


_FAVOURABLE = {
    "on": "2026-06-01",  # after every act date: the exposure does not count
    "simple": False,
    "ci": (CustomerElement.NAME, CustomerElement.CONTENTS),
    "value": (ValueEvidence(kind=ValueKind.REVENUE),),
    "evidence": ("ev",),
    "ident": True,
}
_UNFAVOURABLE = {
    "on": "2003-01-01",
    "simple": True,
    "ci": (CustomerElement.NAME,),
    "value": (),
    "evidence": (),
    "ident": False,
}


def _filled(
    secret: TradeSecret, ms: tuple[ConfidentialityMeasure, ...], *, favourable: bool
) -> tuple[TradeSecret, tuple[ConfidentialityMeasure, ...]]:
    table = _FAVOURABLE if favourable else _UNFAVOURABLE

    def pick(path: str, _strategy: Any) -> Any:
        last = path.rsplit(".", 1)[-1]
        key = {"elements": "ci"}.get(last, last)
        return table[key]

    s, m = fill(secret, ms, pick)
    return s, m
