"""The headline of a preservation assessment is a stated function of its criteria and never hides a failure."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradesecret.money import Money
from tradesecret.preservation import (
    EX_PARTE,
    FACTORS,
    READINESS,
    SECURITY,
    URGENCY,
    Application,
    Claim,
    ClaimedSecret,
    ClaimInput,
    HarmFacts,
    OrderKind,
    Party,
    PartyKind,
    PublicInterestFacts,
    RequestedOrder,
    Security,
    Stage,
    UrgencyFacts,
    assess_preservation,
    readiness_report,
)
from tradesecret.preservation._result import headline
from tradesecret.results import Combination, Outcome

AS_OF = "2025-06-02"


def app(**changes: Any) -> Application:
    base = Application(
        id="H-1",
        applicant=Party(name="A", kind=PartyKind.COMPANY),
        respondent=Party(name="B", kind=PartyKind.INDIVIDUAL),
        stage=Stage.IN_SUIT,
        secrets=(ClaimedSecret(id="S1", title="Formula"),),
        orders=(
            RequestedOrder(
                kind=OrderKind.NOT_USE,
                secrets=("S1",),
                description="Not to use",
                until_judgment_effective=True,
            ),
        ),
        urgency=UrgencyFacts(disclosure_imminent=True, questioning_may_defeat_enforcement=True),
        harm=HarmFacts(reputation_unrecoverable=True),
        public_interest=PublicInterestFacts.not_involved(),
        security=Security(amount=Money("100000")),
        claims=tuple(ClaimInput(claim=c, outcome=Outcome.MET) for c in Claim),
        court="Court",
    )
    return attrs.evolve(base, **changes)


class TestStatedFunction:
    @given(
        st.fixed_dictionaries({c.value: st.sampled_from(list(Outcome)) for c in Claim}),
        st.sampled_from(list(Stage)),
        st.sampled_from((None, Money("0"), Money("5000"))),
        st.booleans(),
    )
    def test_outcome_is_the_documented_combination(
        self, outcomes: dict[str, Outcome], stage: Stage, amount: Money | None, urgent: bool
    ) -> None:
        """Outcome = Outcome.combine over the factors (pre-suit: also urgency and security), MET below the score line reads CONTESTED; ready needs every readiness point met."""
        pa = assess_preservation(
            app(
                stage=stage,
                claims=tuple(ClaimInput(claim=Claim(k), outcome=v) for k, v in outcomes.items()),
                security=Security(amount=amount),
                urgency=UrgencyFacts(disclosure_imminent=urgent),
            ),
            as_of=AS_OF,
        )
        merits = (*FACTORS, URGENCY, SECURITY) if stage is Stage.PRE_SUIT else FACTORS
        combined = Outcome.combine(pa.factor(c).outcome for c in merits)
        below = "preservation.score.below_line" in pa.codes()

        assert Combination.WEIGHED is pa.assessment.combination
        assert headline(pa.assessment.criteria, stage, below_line=below) is pa.outcome
        assert (Outcome.CONTESTED if below else combined) is pa.outcome
        ready = pa.outcome is Outcome.MET and all(
            pa.factor(c).outcome is Outcome.MET for c in READINESS
        )
        assert ready is pa.ready
        if pa.outcome is Outcome.MET and not pa.ready:
            assert "preservation.verdict.met_not_ready" == pa.assessment.findings[0].code


class TestNeverGreenOverAFailure:
    @pytest.mark.parametrize("fmt", ["markdown", "text", "html"])
    def test_met_but_not_ready_says_what_is_not_met(self, fmt: str) -> None:
        """In suit, no security and no reason: merits met, the report names the failing point."""
        pa = assess_preservation(app(security=Security(amount=None)), as_of=AS_OF)
        en = readiness_report(pa, locale="en", format=fmt)  # type: ignore[arg-type]
        zh = readiness_report(pa, locale="zh_CN", format=fmt)  # type: ignore[arg-type]

        assert (Outcome.MET, False) == (pa.outcome, pa.ready)
        assert [SECURITY, "preservation.readiness.contents"] == [c.code for c in pa.not_settled()]
        assert "Not met or undetermined:" in en
        assert "不满足或尚无法判断" in zh
        assert "not ready to file" in en

    def test_hearing_is_reported_not_combined(self) -> None:
        """The Art. 5 hearing question never changes the headline."""
        pa = assess_preservation(
            app(urgency=UrgencyFacts(questioning_may_defeat_enforcement=False)), as_of=AS_OF
        )

        assert Outcome.NOT_MET == pa.factor(EX_PARTE).outcome
        assert Outcome.MET == pa.outcome
        assert EX_PARTE not in [c.code for c in pa.not_settled()]
