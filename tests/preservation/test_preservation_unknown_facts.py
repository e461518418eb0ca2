"""Unknown facts in preservation: a decided outcome holds whatever they are; an open one turns on them."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradesecret import InvalidInputError, explain
from tradesecret.facts import UNKNOWN
from tradesecret.money import Money
from tradesecret.preservation import (
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
    RespondentLoss,
    Security,
    Stage,
    UrgencyFacts,
    assess_preservation,
)
from tradesecret.results import Outcome
from tradesecret.serialization import from_json, to_json

AS_OF = "2025-06-02"

#: The values each unknown fact may be given.
SECURITY = (None, Money("0"), Money("1000"), Money("50000000"))
QUESTIONING = (True, False)
DISCOVERED = ("2025-06-01", "2024-01-01")
DURATION: tuple[dict[str, Any], ...] = (
    {"until_judgment_effective": True},
    {"months": 6},
    {"months": 6, "until_judgment_effective": True},
)


def build(
    *,
    stage: Stage,
    urgent: bool,
    security: object,
    questioning: object,
    discovered: object,
    duration: dict[str, Any] | None,
    loss: bool,
) -> Application:
    order = RequestedOrder(
        kind=OrderKind.NOT_USE, secrets=("S1",), description="Not to use", **(duration or {})
    )
    return Application(
        id="P-1",
        applicant=Party(name="A", kind=PartyKind.COMPANY),
        respondent=Party(name="B", kind=PartyKind.COMPANY),
        stage=stage,
        secrets=(ClaimedSecret(id="S1", title="Formula"),),
        orders=(order,),
        urgency=UrgencyFacts(
            disclosure_imminent=urgent,
            questioning_may_defeat_enforcement=questioning,
            discovered_on=discovered,
        ),
        harm=HarmFacts(reputation_unrecoverable=True, estimated_loss=Money("9000000")),
        respondent_loss=RespondentLoss(estimated=Money("200000") if loss else None),
        public_interest=PublicInterestFacts.not_involved(),
        security=Security(amount=security),
        claims=tuple(ClaimInput(claim=c, outcome=Outcome.MET) for c in Claim),
        court="Court",
    )


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    """Facts with each of the four unknown facts either stated or left unknown."""
    return {
        "stage": draw(st.sampled_from(list(Stage))),
        "urgent": draw(st.booleans()),
        "loss": draw(st.booleans()),
        "security": draw(st.sampled_from((UNKNOWN, *SECURITY))),
        "questioning": draw(st.sampled_from((UNKNOWN, *QUESTIONING))),
        "discovered": draw(st.sampled_from((UNKNOWN, *DISCOVERED))),
        "duration": draw(st.sampled_from((None, *DURATION))),
    }


def fillings(facts: dict[str, Any]) -> list[dict[str, Any]]:
    """Every way of giving the unknown facts a value."""
    options = {
        "security": SECURITY if facts["security"] is UNKNOWN else (facts["security"],),
        "questioning": QUESTIONING if facts["questioning"] is UNKNOWN else (facts["questioning"],),
        "discovered": DISCOVERED if facts["discovered"] is UNKNOWN else (facts["discovered"],),
        "duration": DURATION if facts["duration"] is None else (facts["duration"],),
    }
    out = [dict(facts)]
    for name, values in options.items():
        out = [{**f, name: v} for f in out for v in values]
    return out


def assess(facts: dict[str, Any]) -> PreservationAssessment:
    return assess_preservation(build(**facts), as_of=AS_OF)


class TestUnknownFactsProperty:
    @given(cases())
    def test_decided_holds_and_undetermined_turns(self, facts: dict[str, Any]) -> None:
        """A criterion with no decisive open rule keeps its outcome under every filling; an undetermined one changes under one."""
        pa = assess(facts)
        filled = [assess(f) for f in fillings(facts)]
        for criterion in pa.assessment.criteria:
            after = {f.factor(criterion.code).outcome for f in filled}
            if not any(u.decisive for u in criterion.open):
                assert {criterion.outcome} == after, criterion.code
            elif criterion.outcome is Outcome.INSUFFICIENT_EVIDENCE:
                assert after - {criterion.outcome}, criterion.code
        if not any(m.decisive for m in pa.missing()):
            assert {pa.outcome} == {f.outcome for f in filled}


class TestSecurityNotStated:
    def test_missing_list_in_both_locales(self) -> None:
        """The report opens with what is missing: the security offered, in both languages."""
        facts = {
            "stage": Stage.PRE_SUIT,
            "urgent": True,
            "loss": True,
            "security": UNKNOWN,
            "questioning": True,
            "discovered": "2025-06-01",
            "duration": {"until_judgment_effective": True},
        }
        pa = assess(facts)
        zh = explain(pa, locale="zh_CN", format="markdown")
        en = explain(pa, locale="en", format="markdown")

        assert ["security.amount"] == [m.fact for m in pa.missing()]
        assert en.index("What is missing") < en.index("Summary")
        assert "security.amount — not stated; decides:" in en.replace("\\", "")
        assert zh.index("尚缺事实") < zh.index("security")
        assert "Not met or undetermined:" in en

    def test_json_round_trip_keeps_not_stated(self) -> None:
        """JSON: a security amount left out reads back as not stated, not as none."""
        sec = Security()
        back = from_json(to_json(sec), Security)

        assert back.amount is UNKNOWN
        assert attrs.evolve(sec) == back


class TestInputs:
    def test_bad_three_valued_facts_reported_together(self) -> None:
        """A fact that is neither true, false nor not stated is an input error, reported with the others."""
        with pytest.raises(InvalidInputError) as caught:
            UrgencyFacts(questioning_may_defeat_enforcement="yes", discovered_on="bad")

        assert ["discovered_on", "questioning_may_defeat_enforcement"] == sorted(
            p.path for p in caught.value.problems
        )

    def test_none_reads_as_not_stated(self) -> None:
        """``None`` for a three-valued fact or the discovery date is read as not stated."""
        u = UrgencyFacts(questioning_may_defeat_enforcement=None, discovered_on=None)

        assert (UNKNOWN, UNKNOWN) == (u.questioning_may_defeat_enforcement, u.discovered_on)
