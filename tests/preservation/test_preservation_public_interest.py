"""The public interest (Art. 7(4)) as facts not stated until given; harm flags as the applicant's showing."""

from __future__ import annotations

import itertools
import json
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradesecret import InvalidInputError, explain
from tradesecret.casefile import example_text, json_schema, load_case, review_case
from tradesecret.facts import UNKNOWN
from tradesecret.money import Money
from tradesecret.preservation import (
    HARM,
    PUBLIC_INTEREST,
    Application,
    Claim,
    ClaimedSecret,
    ClaimInput,
    HarmFacts,
    OrderKind,
    Party,
    PartyKind,
    PreservationAssessment,
    PublicInterestFacts,
    RequestedOrder,
    Security,
    Stage,
    UrgencyFacts,
    assess_preservation,
)
from tradesecret.results import Outcome
from tradesecret.serialization import from_json, to_json

AS_OF = "2025-06-02"
FIELDS = ("public_good", "market_operated", "national_security", "public_health", "environment")


def app(public: PublicInterestFacts, harm: HarmFacts | None = None) -> Application:
    """A pre-suit application ready to file but for the facts given."""
    return Application(
        id="PI-1",
        applicant=Party(name="A", kind=PartyKind.COMPANY),
        respondent=Party(name="B", kind=PartyKind.INDIVIDUAL),
        stage=Stage.PRE_SUIT,
        secrets=(ClaimedSecret(id="S1", title="Formula"),),
        orders=(
            RequestedOrder(
                kind=OrderKind.NOT_USE,
                secrets=("S1",),
                description="Not to use",
                until_judgment_effective=True,
            ),
        ),
        urgency=UrgencyFacts(
            disclosure_imminent=True,
            questioning_may_defeat_enforcement=True,
            discovered_on="2025-05-30",
        ),
        harm=harm if harm is not None else HarmFacts(reputation_unrecoverable=True),
        public_interest=public,
        security=Security(amount=Money("100000")),
        claims=tuple(ClaimInput(claim=c, outcome=Outcome.MET) for c in Claim),
        court="Court",
    )


def assess(public: PublicInterestFacts, day: str = AS_OF) -> PreservationAssessment:
    return assess_preservation(app(public), as_of=day)


class TestNotStated:
    def test_default_is_not_stated(self) -> None:
        """Every public-interest fact is not stated by default (was: no concern, market-operated)."""
        p = PublicInterestFacts()
        assert [UNKNOWN] * 5 == [getattr(p, f) for f in FIELDS]

    def test_nothing_said_is_undetermined(self) -> None:
        """Nothing said: the factor, the headline and readiness are undetermined, naming all five facts."""
        pa = assess(PublicInterestFacts())
        factor = pa.factor(PUBLIC_INTEREST)
        assert (Outcome.INSUFFICIENT_EVIDENCE, Outcome.INSUFFICIENT_EVIDENCE, False) == (
            factor.outcome,
            pa.outcome,
            pa.ready,
        )
        assert {f"public_interest.{f}" for f in FIELDS} == {m.fact for m in pa.missing()}
        assert {
            ("preservation.gap.public_interest", Outcome.NOT_MET),
            (
                "preservation.gap.public_interest",
                Outcome.CONTESTED,
            ),
        } == {(u.rule, u.if_holds) for u in factor.open}
        assert all(u.decisive for u in factor.open)
        assert "spc-ip-preservation@2018-12-12:7" == factor.open[0].citations[0].id

    def test_not_involved_is_met_and_ready(self) -> None:
        """Stated not involved: met (strength 100 %), and the application is ready."""
        pa = assess(PublicInterestFacts.not_involved())
        factor = pa.factor(PUBLIC_INTEREST)
        assert (Outcome.MET, (), True) == (factor.outcome, factor.open, pa.ready)
        assert 1 == factor.strength

    def test_sole_public_good_with_a_concern_decides(self) -> None:
        """A sole public good touching the environment fails whatever the other concerns are."""
        p = PublicInterestFacts(public_good=True, market_operated=False, environment=True)
        factor = assess(p).factor(PUBLIC_INTEREST)
        assert (Outcome.NOT_MET, ()) == (factor.outcome, factor.open)
        assert ["preservation.gap.public_interest"] == [f.code for f in factor.findings]

    def test_concern_without_public_good_is_contested(self) -> None:
        """Public health involved, not a public good: contested, whatever market_operated is."""
        p = PublicInterestFacts(public_health=True, public_good=False)
        factor = assess(p).factor(PUBLIC_INTEREST)
        assert (Outcome.CONTESTED, ()) == (factor.outcome, factor.open)

    def test_one_open_row_weighs_the_contested_reading(self) -> None:
        """Not a public good, concerns unstated: one open row, contested if it holds, met if not."""
        factor = assess(PublicInterestFacts(public_good=False)).factor(PUBLIC_INTEREST)
        (row,) = factor.open
        assert (Outcome.CONTESTED, Outcome.MET) == (row.if_holds, row.otherwise)
        assert (
            "public_interest.national_security",
            "public_interest.public_health",
            "public_interest.environment",
        ) == row.facts

    def test_strength_of_the_undetermined_factor(self) -> None:
        """Undetermined: the insufficient-evidence strength (25 %) from the rulebook."""
        factor = assess(PublicInterestFacts()).factor(PUBLIC_INTEREST)
        assert ["preservation.claim_strength_insufficient"] == [p.name for p in factor.parameters]
        assert factor.strength is not None and 0 < factor.strength < 1

    def test_before_the_provisions_nothing_is_open(self) -> None:
        """2018-12-31: Art. 7(4) was not yet law, so nothing is asked; from 2019-01-01 it is."""
        early = attrs.evolve(
            app(PublicInterestFacts()),
            urgency=UrgencyFacts(disclosure_imminent=True, questioning_may_defeat_enforcement=True),
        )
        before = assess_preservation(early, as_of="2018-12-31").factor(PUBLIC_INTEREST)
        on = assess_preservation(early, as_of="2019-01-01").factor(PUBLIC_INTEREST)
        assert (Outcome.NOT_APPLICABLE, ()) == (before.outcome, before.open)
        assert Outcome.INSUFFICIENT_EVIDENCE == on.outcome

    @pytest.mark.parametrize("locale", ["zh_CN", "en"])
    def test_missing_rendered(self, locale: str) -> None:
        """The report lists the unstated public-interest facts in both languages."""
        text = explain(assess(PublicInterestFacts()), locale=locale, format="markdown")
        assert "public_interest.public_health" in text.replace("\\", "")


class TestInputs:
    def test_bad_values_reported_together(self) -> None:
        """Values other than true, false or not stated are refused, each naming its field."""
        with pytest.raises(InvalidInputError) as caught:
            PublicInterestFacts(public_good="yes", environment=1)
        assert ["environment", "public_good"] == sorted(p.path for p in caught.value.problems)

    def test_none_reads_as_not_stated(self) -> None:
        """``None`` in Python reads as not stated."""
        assert UNKNOWN is PublicInterestFacts(public_health=None).public_health

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("{}", UNKNOWN),
            ('{"public_health": null}', UNKNOWN),
            ('{"public_health": false}', False),
        ],
    )
    def test_json(self, text: str, expected: object) -> None:
        """JSON: left out or null is not stated; false is stated."""
        p = from_json(text, PublicInterestFacts)
        assert expected is p.public_health
        assert p == from_json(to_json(p), PublicInterestFacts)

    def test_schema(self) -> None:
        """The JSON Schema says null is not stated for every public-interest fact."""
        props = json_schema(PublicInterestFacts)["properties"]
        assert all(
            {"type": "null"} in props[f]["anyOf"] and "x-unknown" in props[f] for f in FIELDS
        )

    def test_shipped_example_states_them(self) -> None:
        """The shipped example states the four facts; left out, the factor is undetermined."""
        raw = json.loads(example_text("preservation"))
        stated = review_case(load_case(raw)).results[1]
        del raw["data"]["application"]["public_interest"]
        unstated = review_case(load_case(raw)).results[1]
        assert isinstance(stated, PreservationAssessment)
        assert isinstance(unstated, PreservationAssessment)
        assert (Outcome.MET, Outcome.INSUFFICIENT_EVIDENCE) == (
            stated.factor(PUBLIC_INTEREST).outcome,
            unstated.factor(PUBLIC_INTEREST).outcome,
        )


_ANSWERS = (True, False)


@settings(max_examples=40, deadline=None)
@given(st.fixed_dictionaries({f: st.sampled_from((UNKNOWN, *_ANSWERS)) for f in FIELDS}))
def test_decided_holds_and_undetermined_turns(values: dict[str, Any]) -> None:
    """A decided public-interest factor holds whatever the unstated facts are; an undetermined one turns."""
    base = assess(PublicInterestFacts(**values)).factor(PUBLIC_INTEREST)
    names = [f for f in FIELDS if values[f] is UNKNOWN]
    seen = set()
    for combo in itertools.product(_ANSWERS, repeat=len(names)):
        filled = {**values, **dict(zip(names, combo, strict=True))}
        seen.add(assess(PublicInterestFacts(**filled)).factor(PUBLIC_INTEREST).outcome)
        if len(base.open) == 1:
            row = base.open[0]
            assert seen <= {row.if_holds, row.otherwise}
    if base.outcome is Outcome.INSUFFICIENT_EVIDENCE:
        assert seen - {Outcome.INSUFFICIENT_EVIDENCE}
        assert len(seen) > 1
    else:
        assert {base.outcome} == seen


_CATEGORIES = (
    "reputation_unrecoverable",
    "spread_uncontrollable",
    "strategy_exposed",
    "judgment_hard_to_enforce",
)


class TestHarmFlagsAreTheApplicantsShowing:
    @settings(max_examples=20, deadline=None)
    @given(st.lists(st.sampled_from(_CATEGORIES), min_size=1, unique=True))
    def test_one_category_decides_whatever_the_rest(self, asserted: list[str]) -> None:
        """Any Art. 10 category asserted: met ("shall be deemed"), whichever others are asserted."""
        flags: dict[str, Any] = dict.fromkeys(asserted, True)
        harm = HarmFacts(**flags)
        pa = assess_preservation(app(PublicInterestFacts.not_involved(), harm), as_of=AS_OF)
        assert (Outcome.MET, ()) == (pa.factor(HARM).outcome, pa.factor(HARM).open)

    @pytest.mark.parametrize(
        ("monetary", "outcome"), [(False, Outcome.INSUFFICIENT_EVIDENCE), (True, Outcome.NOT_MET)]
    )
    def test_none_asserted_is_not_shown(self, monetary: bool, outcome: Outcome) -> None:
        """None asserted: not shown (insufficient evidence), not met only if the loss is said to be money."""
        harm = HarmFacts(purely_monetary=monetary)
        public = PublicInterestFacts.not_involved()
        pa = assess_preservation(
            attrs.evolve(
                app(public, harm), urgency=UrgencyFacts(questioning_may_defeat_enforcement=True)
            ),
            as_of=AS_OF,
        )
        factor = pa.factor(HARM)
        assert outcome == factor.outcome
        assert ["preservation.gap.harm"] == [f.code for f in factor.findings]
