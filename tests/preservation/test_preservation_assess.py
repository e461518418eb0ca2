"""The readiness assessment: every factor outcome, urgency, hearing, readiness, overall verdict."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradesecret import InvalidInputError, Money, Ratio, explain, to_date
from tradesecret.i18n import Format
from tradesecret.preservation import (
    BALANCE,
    BASIS,
    CONTENTS,
    EX_PARTE,
    FACTORS,
    HARM,
    LIKELIHOOD,
    PUBLIC_INTEREST,
    REQUESTS,
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
    PreservationAssessment,
    PublicInterestFacts,
    RequestedOrder,
    RespondentLoss,
    Security,
    SecurityForm,
    Stage,
    UrgencyFacts,
    assess_preservation,
)
from tradesecret.results import Outcome, Severity
from tradesecret.rulebook import Rulebook
from tradesecret.serialization import from_json, to_json

AS_OF = "2025-06-02"


def claims(**overrides: Outcome) -> tuple[ClaimInput, ...]:
    """One claim input per claim, all established unless overridden."""
    return tuple(
        ClaimInput(
            claim=c, outcome=overrides.get(c.value, Outcome.MET), evidence=(f"ev-{c.value}",)
        )
        for c in Claim
    )


def strong(**changes: Any) -> Application:
    """A pre-suit application that is ready to file; ``changes`` are applied with attrs.evolve."""
    app = Application(
        id="M-1",
        applicant=Party(name="Applicant Co", kind=PartyKind.COMPANY),
        respondent=Party(name="Chen", kind=PartyKind.INDIVIDUAL, former_employee=True),
        stage=Stage.PRE_SUIT,
        secrets=(ClaimedSecret(id="S1", title="Unreleased designs", carriers=("F1",)),),
        orders=(
            RequestedOrder(
                kind=OrderKind.NOT_DISCLOSE,
                secrets=("S1",),
                description="Not to disclose the designs",
                until_judgment_effective=True,
            ),
        ),
        urgency=UrgencyFacts(disclosure_imminent=True),
        harm=HarmFacts(reputation_unrecoverable=True, strategy_exposed=True),
        public_interest=PublicInterestFacts.not_involved(),
        security=Security(amount=Money("100000"), form=SecurityForm.INSURANCE),
        claims=claims(),
        court="Court A",
    )
    return attrs.evolve(app, **changes)


def assess(app: Application, **kw: object) -> PreservationAssessment:
    return assess_preservation(app, as_of=AS_OF, **kw)  # type: ignore[arg-type]


class TestOverall:
    def test_strong_application_is_ready(self) -> None:
        """All factors met, complete: ready, score 100 %."""
        pa = assess(strong())

        assert (Outcome.MET, True, Decimal("1.000")) == (pa.outcome, pa.ready, pa.score)
        assert "preservation.verdict.ready" == pa.assessment.findings[0].code
        assert [BASIS, LIKELIHOOD, HARM, BALANCE, PUBLIC_INTEREST] == [c.code for c in pa.factors()]
        assert [
            "spc-ip-preservation@2018-12-12:7",
            "cpl@2023-09-01:104",
            "spc-ts@2020-09-10:15",
        ] == [c.id for c in pa.citations]

    def test_score_uses_policy_weights(self) -> None:
        """A secret claim of strength 0.5 lowers the basis factor and the score by 30 % x 0.5."""
        cl = tuple(
            attrs.evolve(c, strength=Decimal("0.5")) if c.claim is Claim.SECRET else c
            for c in claims()
        )
        pa = assess(strong(claims=cl))

        assert Decimal("0.5") == pa.factor(BASIS).strength
        assert Decimal("0.850") == pa.score

    def test_below_the_line_is_contested(self) -> None:
        """Weak claims everywhere: each factor met but the score is under 70 %: contested."""
        cl = tuple(attrs.evolve(c, strength=Decimal("0.2")) for c in claims())
        pa = assess(strong(claims=cl))

        assert (Outcome.CONTESTED, False, Decimal("0.520")) == (pa.outcome, pa.ready, pa.score)
        assert "preservation.score.below_line" in pa.codes()

    def test_policy_can_be_overridden(self, rb: Rulebook) -> None:
        """A user rulebook can lower the 'marked fall' line: a 6 % fall then counts."""
        own = rb.extended(
            """
[[parameter]]
name = "preservation.harm_market_share_marked"
unit = "ratio"
label_zh = "x"
label_en = "x"
last_reviewed = 2026-11-21
[[parameter.value]]
since = 2022-01-01
value = 0.05
cite = ["tradesecret-policy@2026-11-21"]
status = "DERIVED"
""",
            source="own.toml",
        )
        app = strong(
            harm=HarmFacts(market_share_fall=Ratio("0.06")), urgency=UrgencyFacts(other="x")
        )

        assert Outcome.INSUFFICIENT_EVIDENCE == assess(app).factor(HARM).outcome
        assert Outcome.MET == assess(app, rulebook=own).factor(HARM).outcome


class TestBasis:
    @pytest.mark.parametrize(
        ("overrides", "expected"),
        [
            ({}, Outcome.MET),
            ({"secret": Outcome.NOT_MET}, Outcome.NOT_MET),
            ({"ownership": Outcome.CONTESTED}, Outcome.CONTESTED),
            ({"secret": Outcome.INSUFFICIENT_EVIDENCE}, Outcome.INSUFFICIENT_EVIDENCE),
            ({"ownership": Outcome.NOT_APPLICABLE}, Outcome.INSUFFICIENT_EVIDENCE),
        ],
    )
    def test_outcomes_follow_the_claims(
        self, overrides: dict[str, Outcome], expected: Outcome
    ) -> None:
        """The basis factor is the worst of the secret and ownership claims."""
        pa = assess(strong(claims=claims(**overrides)))

        assert expected == pa.factor(BASIS).outcome

    def test_not_met_blocks(self) -> None:
        """Not a trade secret: the application fails, and the respondent will say so."""
        pa = assess(strong(claims=claims(secret=Outcome.NOT_MET)))

        assert (Outcome.NOT_MET, False) == (pa.outcome, pa.ready)
        assert "preservation.counter.publicly_known" in pa.codes()
        assert Decimal(0) == pa.factor(BASIS).strength

    def test_missing_claim_is_a_gap(self) -> None:
        """No evaluation of ownership: insufficient evidence, with the remedy."""
        cl = tuple(c for c in claims() if c.claim is not Claim.OWNERSHIP)
        f = next(
            f
            for f in assess(strong(claims=cl)).gaps()
            if f.code == "preservation.gap.claim_not_evaluated"
        )

        assert ("preservation.remedy.prove_ownership",) == f.remedies

    def test_undefined_secret_points(self) -> None:
        """A secret whose content is not defined leaves the basis insufficient."""
        app = strong(secrets=(ClaimedSecret(id="S1", title="Designs", content_defined=False),))
        pa = assess(app)

        assert Outcome.INSUFFICIENT_EVIDENCE == pa.factor(BASIS).outcome
        assert "preservation.gap.secret_undefined" in pa.codes()

    def test_evidence_and_gaps_are_carried(self) -> None:
        """Evidence ids relied on and stated gaps appear in the factor."""
        cl = (
            ClaimInput(
                claim=Claim.SECRET,
                outcome=Outcome.CONTESTED,
                evidence=("nda",),
                gaps=("the R&D log",),
            ),
            *(c for c in claims() if c.claim is not Claim.SECRET),
        )
        c = assess(strong(claims=cl)).factor(BASIS)

        assert ("nda", "ev-ownership") == c.evidence
        gap = next(f for f in c.findings if f.code == "preservation.gap.evidence")
        assert "the R&D log" == gap.arg("what")


class TestLikelihood:
    @pytest.mark.parametrize(
        ("overrides", "expected"),
        [
            ({}, Outcome.MET),
            ({"access": Outcome.NOT_MET}, Outcome.NOT_MET),
            ({"similarity": Outcome.CONTESTED}, Outcome.CONTESTED),
            ({"infringing_act": Outcome.INSUFFICIENT_EVIDENCE}, Outcome.INSUFFICIENT_EVIDENCE),
        ],
    )
    def test_outcomes(self, overrides: dict[str, Outcome], expected: Outcome) -> None:
        """Likelihood is the worst of access, the act and (where evaluated) similarity."""
        assert expected == assess(strong(claims=claims(**overrides))).factor(LIKELIHOOD).outcome

    def test_similarity_is_optional(self) -> None:
        """Without a similarity claim (e.g. a threatened disclosure) the factor can still be met."""
        cl = tuple(c for c in claims() if c.claim is not Claim.SIMILARITY)

        assert Outcome.MET == assess(strong(claims=cl)).factor(LIKELIHOOD).outcome

    def test_standard_is_stated(self) -> None:
        """The factor records the standard of proof."""
        facts = dict(assess(strong()).factor(LIKELIHOOD).facts)

        assert "preservation.standard.preponderance" == facts["standard"].code  # type: ignore[union-attr]


class TestIrreparableHarm:
    @pytest.mark.parametrize(
        ("harm", "urgency", "strength"),
        [
            (HarmFacts(reputation_unrecoverable=True), UrgencyFacts(other="x"), Decimal("0.6")),
            (HarmFacts(posted_publicly=True), UrgencyFacts(other="x"), Decimal("0.6")),
            (HarmFacts(market_share_fall=Ratio("0.10")), UrgencyFacts(other="x"), Decimal("0.6")),
            (HarmFacts(judgment_hard_to_enforce=True), UrgencyFacts(other="x"), Decimal("0.6")),
            (HarmFacts(), UrgencyFacts(disclosure_imminent=True), Decimal("0.6")),
            (
                HarmFacts(spread_uncontrollable=True, other="y"),
                UrgencyFacts(other="x"),
                Decimal("1"),
            ),
        ],
    )
    def test_each_category_counts(
        self, harm: HarmFacts, urgency: UrgencyFacts, strength: Decimal
    ) -> None:
        """Each Art. 10 category (and an imminent disclosure) is met; two reach full strength."""
        c = assess(strong(harm=harm, urgency=urgency)).factor(HARM)

        assert (Outcome.MET, strength) == (c.outcome, c.strength)

    def test_small_market_share_fall_is_not_marked(self) -> None:
        """A 9 % fall is below the library's 10 % line: no category, a low finding."""
        c = assess(
            strong(harm=HarmFacts(market_share_fall=Ratio("0.09")), urgency=UrgencyFacts(other="x"))
        ).factor(HARM)

        assert Outcome.INSUFFICIENT_EVIDENCE == c.outcome
        assert {"preservation.harm.market_share_not_marked", "preservation.gap.harm"} == {
            f.code for f in c.findings
        }

    def test_purely_monetary(self) -> None:
        """Loss that is only money: not irreparable."""
        pa = assess(strong(harm=HarmFacts(purely_monetary=True), urgency=UrgencyFacts(other="x")))

        assert Outcome.NOT_MET == pa.factor(HARM).outcome
        assert "preservation.counter.harm_compensable" in pa.codes()

    def test_monetary_and_categories_contested(self) -> None:
        """Saying both: contested, half strength."""
        c = assess(
            strong(harm=HarmFacts(purely_monetary=True, reputation_unrecoverable=True))
        ).factor(HARM)

        assert (Outcome.CONTESTED, Decimal("0.5")) == (c.outcome, c.strength)

    def test_library_reading_is_labelled_heuristic(self) -> None:
        """The 'disclosure is irreparable' reading cites the library policy only."""
        f = next(
            f
            for f in assess(strong()).factor(HARM).findings
            if f.code == "preservation.harm.secrecy_lost_on_disclosure"
        )

        assert (False, "library_policy") == (f.binding, f.tier.value)


class TestBalance:
    def test_individual_without_loss_figure(self) -> None:
        """An individual restrained from disclosing bears little: met."""
        c = assess(strong()).factor(BALANCE)

        assert Outcome.MET == c.outcome
        assert "preservation.balance.individual_bears_little" == c.findings[0].code

    def test_company_without_loss_figure(self) -> None:
        """A company respondent with no loss estimate: insufficient evidence."""
        app = strong(respondent=Party(name="Rival Co", kind=PartyKind.COMPANY))

        assert Outcome.INSUFFICIENT_EVIDENCE == assess(app).factor(BALANCE).outcome

    @pytest.mark.parametrize(
        ("applicant", "respondent", "harm", "expected", "strength"),
        [
            (
                "3000000",
                "1000000",
                HarmFacts(reputation_unrecoverable=True),
                Outcome.MET,
                Decimal(1),
            ),
            (
                "1000000",
                "1000000",
                HarmFacts(reputation_unrecoverable=True),
                Outcome.MET,
                Decimal(1) / 3,
            ),
            (
                "500000",
                "1000000",
                HarmFacts(reputation_unrecoverable=True),
                Outcome.CONTESTED,
                Decimal(1) / 6,
            ),
            ("500000", "1000000", HarmFacts(), Outcome.NOT_MET, Decimal(1) / 6),
        ],
    )
    def test_ratio(
        self, applicant: str, respondent: str, harm: HarmFacts, expected: Outcome, strength: Decimal
    ) -> None:
        """Applicant's loss against respondent's: met from 1x, full strength from 3x; below 1x contested if irreparable."""
        app = strong(
            respondent=Party(name="Rival Co", kind=PartyKind.COMPANY),
            harm=attrs.evolve(harm, estimated_loss=Money(applicant)),
            respondent_loss=RespondentLoss(estimated=Money(respondent)),
            urgency=UrgencyFacts(other="x"),
        )
        c = assess(app).factor(BALANCE)

        assert (expected, strength) == (c.outcome, c.strength)

    def test_zero_loss(self) -> None:
        """A respondent who loses nothing: met."""
        app = strong(respondent_loss=RespondentLoss(estimated=Money("0")))

        assert Outcome.MET == assess(app).factor(BALANCE).outcome

    def test_applicant_loss_unknown(self) -> None:
        """Respondent's loss known, applicant's not, harm irreparable: contested, quantify."""
        app = strong(respondent_loss=RespondentLoss(lost_sales=Money("1000")))
        c = assess(app).factor(BALANCE)

        assert Outcome.CONTESTED == c.outcome
        assert "preservation.gap.applicant_loss" == c.findings[0].code


_NO_CONCERN: dict[str, Any] = {
    "national_security": False,
    "public_health": False,
    "environment": False,
}


class TestPublicInterest:
    @pytest.mark.parametrize(
        ("facts", "expected"),
        [
            (PublicInterestFacts.not_involved(), Outcome.MET),
            (
                PublicInterestFacts(public_good=True, market_operated=True, **_NO_CONCERN),
                Outcome.MET,
            ),
            (PublicInterestFacts(public_health=True, public_good=False), Outcome.CONTESTED),
            (
                PublicInterestFacts(public_good=True, market_operated=False, **_NO_CONCERN),
                Outcome.CONTESTED,
            ),
            (
                PublicInterestFacts(public_good=True, market_operated=False, environment=True),
                Outcome.NOT_MET,
            ),
            (PublicInterestFacts(), Outcome.INSUFFICIENT_EVIDENCE),
            (PublicInterestFacts(public_health=True), Outcome.INSUFFICIENT_EVIDENCE),
            (PublicInterestFacts(public_good=False), Outcome.INSUFFICIENT_EVIDENCE),
            (PublicInterestFacts(public_good=True, **_NO_CONCERN), Outcome.INSUFFICIENT_EVIDENCE),
        ],
    )
    def test_outcomes(self, facts: PublicInterestFacts, expected: Outcome) -> None:
        """Concerns make the factor contested; a sole public good with a concern fails it; unstated facts that could change it leave it undetermined."""
        assert expected == assess(strong(public_interest=facts)).factor(PUBLIC_INTEREST).outcome


class TestPolicyStrengths:
    """Strengths of contested and insufficient points come from the rulebook, never from code."""

    @staticmethod
    def own(rb: Rulebook, name: str, value: str) -> Rulebook:
        return rb.extended(
            f"""
[[parameter]]
name = "preservation.{name}"
unit = "ratio"
label_zh = "x"
label_en = "x"
last_reviewed = 2026-11-21
[[parameter.value]]
since = 2022-01-01
value = {value}
cite = ["tradesecret-policy@2026-11-21"]
status = "DERIVED"
""",
            source="own.toml",
        )

    def test_contested_public_interest(self, rb: Rulebook) -> None:
        """A contested public interest has the contested strength, 50 % by default, 40 % if overridden."""
        app = strong(public_interest=PublicInterestFacts(public_health=True, public_good=False))
        own = self.own(rb, "claim_strength_contested", "0.40")
        c = assess(app).factor(PUBLIC_INTEREST)

        assert Decimal("0.50") == c.strength
        assert ["preservation.claim_strength_contested"] == [p.name for p in c.parameters]
        assert Decimal("0.40") == assess(app, rulebook=own).factor(PUBLIC_INTEREST).strength

    def test_company_without_loss_figure(self, rb: Rulebook) -> None:
        """An unknown loss of a company respondent has the insufficient strength (25 %, or 10 %)."""
        app = strong(respondent=Party(name="Rival Co", kind=PartyKind.COMPANY))
        own = self.own(rb, "claim_strength_insufficient", "0.10")

        assert Decimal("0.25") == assess(app).factor(BALANCE).strength
        assert Decimal("0.10") == assess(app, rulebook=own).factor(BALANCE).strength

    def test_delay_and_monetary_harm(self, rb: Rulebook) -> None:
        """A delayed urgency and a 'purely monetary' harm both scale by the contested strength."""
        app = strong(
            urgency=UrgencyFacts(disclosure_imminent=True, discovered_on="2024-01-01"),
            harm=HarmFacts(reputation_unrecoverable=True, purely_monetary=True),
        )
        own = self.own(rb, "claim_strength_contested", "0.40")
        default, custom = assess(app), assess(app, rulebook=own)

        # Two categories (goodwill; 'other' because disclosure is imminent) x 60 % = 100 %.
        assert (Decimal("0.50"), Decimal("0.50")) == (
            default.factor(URGENCY).strength,
            default.factor(HARM).strength,
        )
        assert (Decimal("0.40"), Decimal("0.40")) == (
            custom.factor(URGENCY).strength,
            custom.factor(HARM).strength,
        )


class TestSecurityCitations:
    @pytest.mark.parametrize(
        ("as_of", "expected"),
        [
            (
                "2022-03-01",
                ["spc-ip-preservation@2018-12-12:11", "cpl@2021-12-24:104"],
            ),
            (
                "2022-04-10",
                [
                    "spc-ip-preservation@2018-12-12:11",
                    "cpl-interp@2022-04-01:152",
                    "cpl@2021-12-24:104",
                ],
            ),
            (
                "2024-01-01",
                [
                    "spc-ip-preservation@2018-12-12:11",
                    "cpl-interp@2022-04-01:152",
                    "cpl@2023-09-01:104",
                ],
            ),
        ],
    )
    def test_texts_in_force_on_the_day(self, as_of: str, expected: list[str]) -> None:
        """The security point cites the CPL and the 2022 Interpretation only where in force that day."""
        pa = assess_preservation(strong(), as_of=as_of)

        assert expected == [c.id for c in pa.factor(SECURITY).citations]


class TestCoverage:
    @pytest.mark.parametrize(
        "as_of",
        ["2022-01-01", "2022-04-09", "2022-04-10", "2023-12-31", "2024-01-01", "2026-11-21"],
    )
    @pytest.mark.parametrize("stage", [Stage.PRE_SUIT, Stage.IN_SUIT])
    def test_every_citation_is_in_force_on_the_day(
        self, rb: Rulebook, as_of: str, stage: Stage
    ) -> None:
        """Across the CPL 2021/2023 and Interpretation boundaries, only texts in force are cited."""
        app = strong(
            stage=stage,
            respondent=Party(name="Rival Co", kind=PartyKind.COMPANY),
            security=Security(reason_for_none="court to decide")
            if stage is Stage.IN_SUIT
            else Security(amount=Money("1")),
            respondent_loss=RespondentLoss(estimated=Money("10")),
            public_interest=PublicInterestFacts(public_health=True, public_good=False),
        )
        pa = assess_preservation(app, as_of=as_of)
        cited = [
            c
            for crit in pa.assessment.criteria
            for c in (*crit.citations, *(x for f in crit.findings for x in f.citations))
        ]
        day = to_date(as_of)
        keys = {f"{c.ref.instrument}@{c.ref.version}" for c in cited}

        assert [] == [k for k in sorted(keys) if not rb.instruments[k].in_force_on(day)]


class TestHarmCitations:
    def test_in_suit_harm_does_not_cite_the_pre_suit_article(self) -> None:
        """Irreparable harm rests on Arts. 7 and 10; CPL Art. 104 only for a pre-suit application."""
        pre = assess(strong()).factor(HARM)
        in_suit = assess(strong(stage=Stage.IN_SUIT)).factor(HARM)

        assert [
            "spc-ip-preservation@2018-12-12:7",
            "spc-ip-preservation@2018-12-12:10",
            "cpl@2023-09-01:104",
        ] == [c.id for c in pre.citations]
        assert ["spc-ip-preservation@2018-12-12:7", "spc-ip-preservation@2018-12-12:10"] == [
            c.id for c in in_suit.citations
        ]


class TestUrgencyAndHearing:
    def test_pre_suit_without_urgency_fails(self) -> None:
        """Pre-suit preservation needs urgency (CPL Art. 104): critical, and the application fails."""
        pa = assess(
            strong(
                urgency=UrgencyFacts(questioning_may_defeat_enforcement=False),
                harm=HarmFacts(reputation_unrecoverable=True),
            )
        )
        f = pa.factor(URGENCY).findings[0]

        assert (Outcome.NOT_MET, Outcome.NOT_MET) == (pa.factor(URGENCY).outcome, pa.outcome)
        assert ("preservation.gap.urgency", Severity.CRITICAL) == (f.code, f.severity)
        assert Outcome.NOT_MET == pa.factor(EX_PARTE).outcome

    def test_hearing_undetermined_when_questioning_risk_not_stated(self) -> None:
        """Art. 5(1): not urgent and the risk of questioning not stated: the hearing question stays open."""
        pa = assess(strong(urgency=UrgencyFacts(), harm=HarmFacts(reputation_unrecoverable=True)))
        hearing = pa.factor(EX_PARTE)

        assert Outcome.INSUFFICIENT_EVIDENCE == hearing.outcome
        assert ("urgency.questioning_may_defeat_enforcement",) == hearing.open[0].facts
        assert (Outcome.NOT_MET, Outcome.MET) == (
            hearing.open[0].if_holds,
            hearing.open[0].otherwise,
        )

    def test_in_suit_without_urgency_is_only_information(self) -> None:
        """In suit, urgency is not required: the application can still be ready."""
        pa = assess(
            strong(
                stage=Stage.IN_SUIT,
                urgency=UrgencyFacts(),
                harm=HarmFacts(reputation_unrecoverable=True),
            )
        )

        assert (Outcome.NOT_MET, Outcome.MET, True) == (
            pa.factor(URGENCY).outcome,
            pa.outcome,
            pa.ready,
        )
        assert Severity.INFO == pa.factor(URGENCY).findings[0].severity

    def test_delay_makes_urgency_contested(self) -> None:
        """Discovered 60 days before filing: urgency contested, and the respondent will say so."""
        pa = assess(
            strong(urgency=UrgencyFacts(disclosure_imminent=True, discovered_on="2025-04-03"))
        )

        assert Outcome.CONTESTED == pa.factor(URGENCY).outcome
        assert {"preservation.urgency.delay", "preservation.counter.not_urgent"} <= pa.codes()

    def test_hearing_may_be_skipped_when_questioning_defeats_enforcement(self) -> None:
        """Art. 5(1): even without urgency, a risk to enforcement allows ruling first."""
        app = strong(
            stage=Stage.IN_SUIT, urgency=UrgencyFacts(questioning_may_defeat_enforcement=True)
        )

        assert Outcome.MET == assess(app).factor(EX_PARTE).outcome


class TestRequests:
    def test_no_orders(self) -> None:
        """No order requested: not met."""
        pa = assess(strong(orders=()))

        assert Outcome.NOT_MET == pa.factor(REQUESTS).outcome
        assert "preservation.gap.no_orders" in pa.codes()

    @pytest.mark.parametrize(
        ("order", "code"),
        [
            (
                RequestedOrder(kind=OrderKind.NOT_USE, description="x", months=12),
                "preservation.gap.order_secrets",
            ),
            (
                RequestedOrder(kind=OrderKind.NOT_USE, secrets=("S1",), months=12),
                "preservation.gap.order_content",
            ),
            (
                RequestedOrder(
                    kind=OrderKind.NOT_USE,
                    secrets=("S1",),
                    description="x",
                    months=6,
                    until="2026-01-01",
                ),
                "preservation.gap.order_duration",
            ),
            (
                RequestedOrder(
                    kind=OrderKind.NOT_USE, secrets=("S1",), description="x", until="2025-06-02"
                ),
                "preservation.gap.order_until_past",
            ),
        ],
    )
    def test_each_specificity_gap(self, order: RequestedOrder, code: str) -> None:
        """Secrets, content and exactly one future duration are required (Art. 4)."""
        pa = assess(strong(orders=(order,)))

        assert Outcome.NOT_MET == pa.factor(REQUESTS).outcome
        assert code in pa.codes()
        assert not pa.ready

    def test_duration_not_stated_is_undetermined(self) -> None:
        """Art. 4: no duration given is "not stated": the requests are undetermined, naming it."""
        order = RequestedOrder(kind=OrderKind.NOT_USE, secrets=("S1",), description="x")
        pa = assess(strong(orders=(order,)))

        assert Outcome.INSUFFICIENT_EVIDENCE == pa.factor(REQUESTS).outcome
        assert "preservation.gap.order_duration" not in pa.codes()
        assert "orders[0].duration" in {m.fact for m in pa.missing()}
        assert not pa.ready

    def test_mandatory_order_is_a_caution_not_a_gap(self) -> None:
        """Return of carriers draws a low, heuristic caution but does not block."""
        order = RequestedOrder(
            kind=OrderKind.RETURN_CARRIERS, secrets=("S1",), description="x", months=3
        )
        pa = assess(strong(orders=(order,)))

        assert Outcome.MET == pa.factor(REQUESTS).outcome
        assert "preservation.order.mandatory_caution" in pa.codes()

    def test_unknown_secret_is_an_input_error(self) -> None:
        """An order naming a secret that is not claimed is refused, with the path of that entry."""
        with pytest.raises(InvalidInputError) as info:
            strong(orders=(RequestedOrder(kind=OrderKind.NOT_USE, secrets=("S9",), months=1),))

        assert [("orders[0].secrets[0]", "not a claimed secret")] == [
            (p.path, p.reason) for p in info.value.problems
        ]


class TestInputErrors:
    def test_every_problem_of_an_order_is_listed(self) -> None:
        """A bad date and a bad duration in one order are reported together, by field."""
        with pytest.raises(InvalidInputError) as info:
            RequestedOrder(kind=OrderKind.NOT_USE, until="2024-02-30", months=0)

        assert ["until", "months"] == [p.path for p in info.value.problems]

    def test_every_problem_of_an_application_is_listed(self) -> None:
        """An empty matter id, a duplicate secret and an unknown secret in a claim: three problems."""
        secret = ClaimedSecret(id="S1", title="Designs")
        with pytest.raises(InvalidInputError) as info:
            Application(
                id=" ",
                applicant=Party(name="A", kind=PartyKind.COMPANY),
                respondent=Party(name="B", kind=PartyKind.INDIVIDUAL),
                stage=Stage.PRE_SUIT,
                secrets=(secret, secret),
                orders=(),
                claims=(ClaimInput(claim=Claim.ACCESS, outcome=Outcome.MET, secret="S2"),),
            )

        assert ["id", "secrets", "claims[0].secret"] == [p.path for p in info.value.problems]

    def test_text_fields_name_themselves(self) -> None:
        """Empty id and title of a claimed secret are both reported with their field names."""
        with pytest.raises(InvalidInputError) as info:
            ClaimedSecret(id="", title=" ")

        assert [("id", "must be non-empty text"), ("title", "must be non-empty text")] == [
            (p.path, p.reason) for p in info.value.problems
        ]

    def test_money_fields(self) -> None:
        """Amounts accept exact text; a float and a negative amount are refused by field."""
        assert Money("120000.50") == RespondentLoss(lost_sales="120000.50").lost_sales
        with pytest.raises(InvalidInputError) as info:
            RespondentLoss(lost_sales=1.5, storage_costs=Money("-1"))

        assert ["lost_sales", "storage_costs"] == [p.path for p in info.value.problems]

    def test_harm_figures(self) -> None:
        """A negative user count and a market-share fall above 100 % are refused."""
        with pytest.raises(InvalidInputError) as info:
            HarmFacts(users_affected=-1, market_share_fall=Ratio("1.5"), estimated_loss="x")

        assert ["estimated_loss", "users_affected", "market_share_fall"] == [
            p.path for p in info.value.problems
        ]

    def test_claim_strength(self) -> None:
        """A strength outside [0, 1] is refused."""
        with pytest.raises(InvalidInputError) as info:
            ClaimInput(claim=Claim.ACCESS, outcome=Outcome.MET, strength=Decimal("1.01"))

        assert ["strength"] == [p.path for p in info.value.problems]


class TestSecurity:
    def test_pre_suit_without_security_fails(self) -> None:
        """CPL Art. 104: without security a pre-suit application is rejected."""
        pa = assess(strong(security=Security(amount=None)))

        assert (Outcome.NOT_MET, Outcome.NOT_MET) == (pa.factor(SECURITY).outcome, pa.outcome)
        assert "preservation.gap.security_missing_pre_suit" in pa.codes()

    def test_pre_suit_security_not_stated_is_undetermined(self) -> None:
        """Issue 12: security not stated, five factors and urgency met: undetermined, never not met."""
        pa = assess(strong(security=Security()))

        assert Outcome.INSUFFICIENT_EVIDENCE == pa.factor(SECURITY).outcome
        assert (Outcome.INSUFFICIENT_EVIDENCE, False) == (pa.outcome, pa.ready)
        assert all(pa.factor(c).outcome is Outcome.MET for c in (*FACTORS, URGENCY))
        assert "preservation.gap.security_missing_pre_suit" not in pa.codes()
        assert "security.amount" == pa.missing()[0].fact
        assert SECURITY in pa.missing()[0].criteria

    def test_pre_suit_security_zero_is_none_offered(self) -> None:
        """An amount of zero is stated: no security offered, so the pre-suit application fails."""
        pa = assess(strong(security=Security(amount=Money("0"))))

        assert (Outcome.NOT_MET, Outcome.NOT_MET) == (pa.factor(SECURITY).outcome, pa.outcome)

    def test_in_suit_reason_for_none(self) -> None:
        """In suit, a reason for offering none leaves the question to the court."""
        app = strong(stage=Stage.IN_SUIT, security=Security(reason_for_none="clear case"))
        pa = assess(app)

        assert Outcome.MET == pa.factor(SECURITY).outcome
        assert "preservation.security.court_decides" in pa.codes()
        assert (Outcome.MET, True) == (pa.outcome, pa.ready)

    def test_in_suit_nothing_said(self) -> None:
        """In suit, neither security nor a reason: not met (Art. 4)."""
        pa = assess(strong(stage=Stage.IN_SUIT, security=Security(amount=None)))

        assert Outcome.NOT_MET == pa.factor(SECURITY).outcome
        assert Outcome.MET == pa.outcome
        assert not pa.ready
        assert "preservation.verdict.met_not_ready" == pa.assessment.findings[0].code

    def test_estimate_and_shortfall(self) -> None:
        """Respondent's loss 333,333.33: recommended 400,000.00 (20 % buffer); 300,000 offered is 33,333.33 short."""
        app = strong(
            respondent_loss=RespondentLoss(
                lost_sales=Money("300000"), storage_costs=Money("33333.33")
            ),
            security=Security(amount=Money("300000")),
        )
        pa = assess(app)
        s = pa.security

        assert (Money("333333.33"), Money("400000.00"), Money("33333.33")) == (
            s.respondent_loss,
            s.recommended,
            s.shortfall,
        )
        assert Outcome.NOT_MET == pa.factor(SECURITY).outcome
        f = next(
            f for f in pa.factor(SECURITY).findings if f.code == "preservation.gap.security_short"
        )
        assert (Severity.HIGH, ("preservation.remedy.raise_security",)) == (f.severity, f.remedies)

    def test_covered_without_buffer(self) -> None:
        """An offer equal to the loss is enough, with a low note that more may be ordered."""
        app = strong(
            respondent_loss=RespondentLoss(estimated=Money("100000")),
            security=Security(amount=Money("100000")),
        )
        pa = assess(app)

        assert Outcome.MET == pa.factor(SECURITY).outcome
        assert "preservation.security.no_buffer" in pa.codes()

    def test_amount_left_to_the_court(self) -> None:
        """No loss estimate: the court sets the amount; an offer is still met."""
        pa = assess(strong())

        assert "preservation.security.amount_by_court" in pa.codes()
        assert pa.security.mandatory


class TestContents:
    def test_unidentified_respondent(self) -> None:
        """Art. 4: the respondent must be identified."""
        pa = assess(
            strong(respondent=Party(name="Unknown", kind=PartyKind.INDIVIDUAL, identified=False))
        )
        f = next(
            f for f in pa.factor(CONTENTS).findings if f.code == "preservation.gap.contents_missing"
        )

        assert Outcome.NOT_MET == pa.factor(CONTENTS).outcome
        assert "preservation.contents.respondent" == f.arg("item").code  # type: ignore[union-attr]

    def test_confidentiality_application_is_suggested(self) -> None:
        """SPC 2020 Art. 21 is always pointed out."""
        f = next(
            f
            for f in assess(strong()).factor(CONTENTS).findings
            if f.code == "preservation.contents.confidentiality_application"
        )

        assert "spc-ts@2020-09-10:21" == f.citations[0].id


class TestOutput:
    def test_json_round_trip(self) -> None:
        """Application in and assessment out survive JSON."""
        app = strong(respondent_loss=RespondentLoss(estimated=Money("1000")))
        pa = assess(app)

        assert app == from_json(to_json(app), Application)
        assert pa == from_json(to_json(pa), PreservationAssessment)

    @pytest.mark.parametrize("locale", ["zh_CN", "en"])
    @pytest.mark.parametrize("fmt", ["text", "markdown"])
    def test_explain_every_message(self, locale: str, fmt: Format) -> None:
        """A weak application (every finding kind) explains itself in both languages."""
        app = strong(
            stage=Stage.PRE_SUIT,
            claims=claims(
                secret=Outcome.CONTESTED,
                access=Outcome.NOT_MET,
                similarity=Outcome.INSUFFICIENT_EVIDENCE,
            ),
            harm=HarmFacts(purely_monetary=True, market_share_fall=Ratio("0.02")),
            urgency=UrgencyFacts(discovered_on="2025-01-01"),
            respondent=Party(name="Rival", kind=PartyKind.COMPANY, identified=False),
            public_interest=PublicInterestFacts(public_health=True, public_good=False),
            security=Security(amount=None),
            orders=(RequestedOrder(kind=OrderKind.DESTROY_CARRIERS),),
            court="",
        )
        text = explain(assess(app), locale=locale, format=fmt)

        assert (
            "行为保全申请准备情况报告"
            if locale == "zh_CN"
            else "Conduct-preservation readiness report"
        ) in text


outcomes = st.sampled_from(list(Outcome))


class TestInvariants:
    @given(
        st.fixed_dictionaries({c.value: outcomes for c in Claim}),
        st.booleans(),
        st.booleans(),
        st.sampled_from(list(Stage)),
        st.booleans(),
    )
    def test_verdict_follows_the_factors(
        self,
        claim_outcomes: dict[str, Outcome],
        urgent: bool,
        reputation: bool,
        stage: Stage,
        secured: bool,
    ) -> None:
        """The score stays in [0, 1]; a failed factor (pre-suit: urgency, security) always fails the whole."""
        app = strong(
            claims=claims(**claim_outcomes),
            urgency=UrgencyFacts(disclosure_imminent=urgent),
            harm=HarmFacts(reputation_unrecoverable=reputation),
            stage=stage,
            security=Security(amount=Money("1000")) if secured else Security(amount=None),
        )
        pa = assess(app)
        blocking = [
            pa.factor(c).outcome for c in (BASIS, LIKELIHOOD, HARM, BALANCE, PUBLIC_INTEREST)
        ]
        if stage is Stage.PRE_SUIT:
            blocking += [pa.factor(URGENCY).outcome, pa.factor(SECURITY).outcome]

        assert Decimal(0) <= pa.score <= Decimal(1)
        assert (Outcome.NOT_MET in blocking) == (Outcome.NOT_MET is pa.outcome)
        assert pa.ready <= (pa.outcome is Outcome.MET)


class TestRespondentLossEstimate:
    @pytest.mark.parametrize(
        ("order", "months", "loss"),
        [
            (
                RequestedOrder(
                    kind=OrderKind.NOT_USE,
                    secrets=("S1",),
                    description="x",
                    until_judgment_effective=True,
                ),
                12,
                Money("1210000"),
            ),
            (
                RequestedOrder(kind=OrderKind.NOT_USE, secrets=("S1",), description="x", months=6),
                6,
                Money("610000"),
            ),
            (
                RequestedOrder(
                    kind=OrderKind.NOT_USE, secrets=("S1",), description="x", until="2025-09-15"
                ),
                4,
                Money("410000"),
            ),
            (
                RequestedOrder(
                    kind=OrderKind.NOT_USE, secrets=("S1",), description="x", until="2025-09-02"
                ),
                3,
                Money("310000"),
            ),
        ],
    )
    def test_monthly_sales_times_duration(
        self, order: RequestedOrder, months: int, loss: Money
    ) -> None:
        """Monthly sales of 100,000 x the order's months (12 assumed until judgment) + 10,000 storage."""
        app = strong(
            respondent=Party(name="Rival Co", kind=PartyKind.COMPANY),
            orders=(order,),
            respondent_loss=RespondentLoss(
                monthly_sales_at_stake=Money("100000"), storage_costs=Money("10000")
            ),
        )
        pa = assess(app)
        facts = dict(pa.factor(SECURITY).facts)

        assert loss == pa.security.respondent_loss
        # 120 % of the loss (the 20 % policy buffer), to the fen.
        recommended = {
            Money("1210000"): Money("1452000.00"),
            Money("610000"): Money("732000.00"),
            Money("410000"): Money("492000.00"),
            Money("310000"): Money("372000.00"),
        }[loss]
        assert recommended == pa.security.recommended
        assert months == facts["months_at_stake"]
        assert loss == dict(pa.factor(BALANCE).facts)["respondent_loss"]


class TestAsOf:
    def test_discovery_after_as_of_is_an_input_error(self) -> None:
        """A threat discovered after the assessment day is refused with its path."""
        app = strong(urgency=UrgencyFacts(disclosure_imminent=True, discovered_on="2025-06-03"))
        with pytest.raises(InvalidInputError) as info:
            assess(app)

        assert ["application.urgency.discovered_on"] == [p.path for p in info.value.problems]

    def test_discovery_on_as_of_is_fine(self) -> None:
        """Discovered the same day: no delay, urgency met."""
        app = strong(urgency=UrgencyFacts(disclosure_imminent=True, discovered_on=AS_OF))
        c = assess(app).factor(URGENCY)

        assert (Outcome.MET, 0) == (c.outcome, dict(c.facts)["days_since_discovery"])
