"""Confidentiality measures: the Art. 6 catalogue, adequacy heuristics, NDA review and exit checks."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradesecret import Money, Outcome, definition, explain, from_json, to_date, to_json
from tradesecret.definition import (
    AccessGrant,
    Carrier,
    CarrierKind,
    ClassificationTier,
    SecretKind,
    SecretRegistry,
    TradeSecret,
    ValueEvidence,
    ValueKind,
)
from tradesecret.exceptions import InvalidInputError
from tradesecret.measures import (
    ConfidentialityMeasure,
    ExitProcedure,
    LiquidatedDamages,
    MeasureKind,
    MeasuresReport,
    NdaPolicy,
    NdaScopeItem,
    NdaTier,
    NonDisclosureAgreement,
    PartnerNonCompete,
    PartyKind,
    ScopeCategory,
    assess_measures,
    check_exit,
    review_nda,
)
from tradesecret.results import Assessment

Factory = Callable[..., TradeSecret]
MeasureFactory = Callable[..., ConfidentialityMeasure]
TODAY = "2025-06-01"


class TestCatalogue:
    @pytest.mark.parametrize(
        ("kind", "item"),
        [
            (MeasureKind.CONFIDENTIALITY_AGREEMENT, 1),
            (MeasureKind.CONTRACT_CLAUSE, 1),
            (MeasureKind.ARTICLES_OF_ASSOCIATION, 2),
            (MeasureKind.RULES, 2),
            (MeasureKind.TRAINING, 2),
            (MeasureKind.WRITTEN_NOTICE, 2),
            (MeasureKind.RESTRICTED_PREMISES, 3),
            (MeasureKind.VISITOR_CONTROL, 3),
            (MeasureKind.MARKING, 4),
            (MeasureKind.CLASSIFICATION, 4),
            (MeasureKind.ISOLATION, 4),
            (MeasureKind.ENCRYPTION, 4),
            (MeasureKind.SEALING, 4),
            (MeasureKind.NEED_TO_KNOW, 4),
            (MeasureKind.DEVICE_RESTRICTION, 5),
            (MeasureKind.NETWORK_RESTRICTION, 5),
            (MeasureKind.STORAGE_RESTRICTION, 5),
            (MeasureKind.SOFTWARE_RESTRICTION, 5),
            (MeasureKind.EXIT_PROCEDURE, 6),
            (MeasureKind.OTHER, 7),
        ],
    )
    def test_kind_maps_to_art_6_item(self, kind: MeasureKind, item: int) -> None:
        """Each measure kind falls under the SPC 2020 Art. 6 item whose words describe it."""
        assert item == kind.item

    def test_nda_tiers_cover_lower_tiers(self) -> None:
        """A core NDA covers every tier; an ordinary one only ordinary secrets."""
        assert NdaTier.CORE.covers(ClassificationTier.CORE)
        assert not NdaTier.ORDINARY.covers(ClassificationTier.IMPORTANT)
        assert NdaTier.IMPORTANT == NdaTier.for_secret(ClassificationTier.IMPORTANT)

    def test_damages_amount(self) -> None:
        """3x an estimated loss of RMB 200,000 is RMB 600,000, above a 500,000 floor."""
        d = LiquidatedDamages(
            multiple=Decimal(3), estimated_loss=Money("200000"), floor=Money("500000")
        )
        assert Money("600000") == d.amount()


def plain(sid: str, tier: ClassificationTier, *value: ValueEvidence) -> TradeSecret:
    return TradeSecret(
        id=sid, title=sid, kind=SecretKind.TECHNICAL, tier=tier, value_evidence=tuple(value)
    )


def measure(
    mid: str, kind: MeasureKind, *secrets: str, evidence: bool = True
) -> ConfidentialityMeasure:
    return ConfidentialityMeasure(
        id=mid,
        kind=kind,
        start="2024-01-01",
        secret_ids=secrets,
        evidence=("proof",) if evidence else (),
        identifies_secret=True,
    )


class TestAssessMeasures:
    def test_ordinary_secret_needs_items_1_and_2(self) -> None:
        """Library policy: an ordinary secret with an agreement and rules has no gaps."""
        report = assess_measures(
            [plain("S", ClassificationTier.ORDINARY)],
            [
                measure("A", MeasureKind.CONFIDENTIALITY_AGREEMENT, "S"),
                measure("R", MeasureKind.RULES, "S"),
            ],
            as_of=TODAY,
        )

        assert () == report.gaps
        assert Outcome.MET == report.assessment("S").outcome
        with pytest.raises(InvalidInputError) as caught:
            report.assessment("T")
        assert "secret_id" == caught.value.field
        assert [
            "definition.reasonable_measures",
            "measures.adequacy.item1",
            "measures.adequacy.item2",
        ] == [c.code for c in report.assessment("S").criteria]

    @pytest.mark.parametrize(
        ("as_of", "law", "plan_item"),
        [
            ("1995-06-01", ["aucl@1993-09-02:10"], []),
            ("2020-09-11", ["spc-unfair-comp@2007-01-12:11"], []),
            (
                "2020-09-12",
                ["spc-ts@2020-09-10:5", "spc-ts@2020-09-10:6"],
                ["spc-ts@2020-09-10:6.1.2"],
            ),
        ],
    )
    def test_law_of_the_day(self, as_of: str, law: list[str], plan_item: list[str]) -> None:
        """The report rests on AUCL 1993 Art. 10 alone in 1995, 2007 Art. 11 before 2020-09-12, SPC 2020 Arts. 5-6 from then."""
        early = ConfidentialityMeasure(
            id="A", kind=MeasureKind.CONFIDENTIALITY_AGREEMENT, start="1994-01-01",
            secret_ids=("S",), evidence=("proof",), identifies_secret=True,
        )  # fmt: skip
        report = assess_measures([plain("S", ClassificationTier.ORDINARY)], [early], as_of=as_of)

        a = report.assessment("S")
        assert [*law, "tradesecret-policy@2026-11-21"] == [c.id for c in a.citations]
        assert plan_item == [c.id for c in report.plan[0].citations[1:]]

    @pytest.mark.parametrize(
        ("locale", "heading"), [("en", "What is missing"), ("zh_CN", "尚缺的事实")]
    )
    def test_missing_facts_first(self, locale: str, heading: str) -> None:
        """A measure whose evidence is not stated: listed as missing, at the top of the report."""
        unstated = ConfidentialityMeasure(
            id="A", kind=MeasureKind.CONFIDENTIALITY_AGREEMENT, start="2024-01-01",
            secret_ids=("S",), identifies_secret=True,
        )  # fmt: skip
        report = assess_measures([plain("S", ClassificationTier.ORDINARY)], [unstated], as_of=TODAY)

        assert ["measures[A].evidence"] == [m.fact for m in report.missing()]
        text = explain(report, locale=locale)
        assert text.index(heading) < text.index(explain(report.assessment("S"), locale=locale)[:6])

    def test_core_secret_gaps_ranked_and_planned(self) -> None:
        """A core secret with only an agreement has gaps for items 2-6, ranked by weight."""
        report = assess_measures(
            [plain("CORE", ClassificationTier.CORE), plain("ORD", ClassificationTier.ORDINARY)],
            [measure("A", MeasureKind.CONFIDENTIALITY_AGREEMENT, "CORE", "ORD")],
            as_of=TODAY,
        )

        # weights: item4=4, item6=4, item2=3, item5=3, item3=2; core rank 2 -> x3, missing -> x2
        assert [
            ("CORE", 4, 24),
            ("CORE", 6, 24),
            ("CORE", 2, 18),
            ("CORE", 5, 18),
            ("CORE", 3, 12),
            ("ORD", 2, 6),
        ] == [(g.secret_id, g.item, g.score) for g in report.gaps]
        # the plan groups item 2 for both secrets: 18 + 6 = 24, tied with items 4 and 6
        assert [
            (2, ("CORE", "ORD"), 24),
            (4, ("CORE",), 24),
            (6, ("CORE",), 24),
            (5, ("CORE",), 18),
            (3, ("CORE",), 12),
        ] == [(p.item, p.secret_ids, p.score) for p in report.plan]
        assert MeasureKind.RULES == report.plan[0].kind
        assert "library_policy" == report.gaps[0].finding.tier.value

    def test_legal_criterion_is_law_heuristics_are_policy(self) -> None:
        """The first criterion cites the SPC provisions; the adequacy ones only the library policy."""
        report = assess_measures(
            [plain("CORE", ClassificationTier.CORE)],
            [measure("A", MeasureKind.CONFIDENTIALITY_AGREEMENT, "CORE")],
            as_of=TODAY,
        )
        a = report.assessment("CORE")

        assert "judicial_interpretation" == a.criteria[0].tier.value
        assert {"library_policy"} == {c.tier.value for c in a.criteria[1:]}
        assert Outcome.MET == a.criteria[0].outcome
        assert Outcome.NOT_MET == a.outcome

    def test_unproven_measure_is_a_smaller_gap(self) -> None:
        """A measure in force without evidence is an 'unproven' gap scored half of a missing one."""
        report = assess_measures(
            [plain("S", ClassificationTier.ORDINARY)],
            [
                measure("A", MeasureKind.CONFIDENTIALITY_AGREEMENT, "S"),
                measure("R", MeasureKind.TRAINING, "S", evidence=False),
            ],
            as_of=TODAY,
        )

        assert [("S", 2, "unproven", 3)] == [
            (g.secret_id, g.item, g.reason, g.score) for g in report.gaps
        ]
        assert "evidence" == report.plan[0].action

    def test_high_value_raises_tier(self) -> None:
        """R&D cost of RMB 5,000,000 (the threshold) makes an ordinary secret need important-tier items."""
        secret = plain(
            "S",
            ClassificationTier.ORDINARY,
            ValueEvidence(kind=ValueKind.RD_COST, amount=Money("5000000"), on="2024-12-31"),
        )
        report = assess_measures([secret], [], as_of=TODAY)

        assert {1, 2, 4, 5, 6} == {g.item for g in report.gaps}
        assert ClassificationTier.IMPORTANT == report.gaps[0].tier
        assert "measures.tier.raised_for_value" in report.assessment("S").codes()

    def test_unknown_secret_in_measure(self) -> None:
        """A measure naming an unregistered secret is bad input, with the path of the id."""
        with pytest.raises(InvalidInputError) as caught:
            assess_measures([], [measure("A", MeasureKind.RULES, "NOPE")], as_of=TODAY)

        assert [("measures[0].secret_ids[0]", "unknown secret")] == [
            (p.path, p.reason) for p in caught.value.problems
        ]

    def test_every_input_problem_reported_at_once(self) -> None:
        """A bad date, a duplicate secret, a non-measure and an unknown id: one error, four paths."""
        secrets = [plain("S", ClassificationTier.ORDINARY), plain("S", ClassificationTier.CORE)]
        with pytest.raises(InvalidInputError) as caught:
            assess_measures(
                secrets,
                [
                    "an agreement",  # type: ignore[list-item]
                    measure("A", MeasureKind.RULES, "S", "GHOST"),
                ],
                as_of="2025-02-30",
            )

        assert [
            "as_of",
            "secrets[1].id",
            "measures[0]",
            "measures[1].secret_ids[1]",
        ] == [p.path for p in caught.value.problems]

    def test_batches_leave_the_garbage_collector_alone(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The collector is process-wide state shared by every tenant: batches never switch it."""
        import gc  # noqa: PLC0415

        def forbidden() -> None:
            pytest.fail("library code must not switch the process-wide garbage collector")

        monkeypatch.setattr(gc, "disable", forbidden)
        monkeypatch.setattr(gc, "enable", forbidden)
        secrets = [plain("S", ClassificationTier.ORDINARY)]
        assert 1 == len(assess_measures(secrets, as_of=TODAY).assessments)
        assert 1 == len(definition.assess_trade_secrets(secrets, as_of=TODAY))

    def test_registry_input_and_policy_override(self) -> None:
        """A registry is accepted and a user's own policy table changes the requirement."""
        from tradesecret.rulebook import default_rulebook  # noqa: PLC0415

        own = default_rulebook().extended(
            """
[[parameter]]
name = "measures.item2_required_from_tier"
unit = "count"
label_zh = "x"
label_en = "x"
last_reviewed = 2026-11-21
  [[parameter.value]]
  since = 2000-01-01
  value = 3
  cite = ["tradesecret-policy@2026-11-21"]
  status = "DERIVED"
""",
            source="own.toml",
        )
        reg = SecretRegistry(secrets=(plain("S", ClassificationTier.ORDINARY),))
        report = assess_measures(
            reg,
            [measure("A", MeasureKind.CONFIDENTIALITY_AGREEMENT, "S")],
            as_of=TODAY,
            rulebook=own,
        )

        assert () == report.gaps

    def test_gap_multiplier_is_data(self) -> None:
        """The missing-over-unproven multiplier is a library-policy parameter, not code."""
        from tradesecret.rulebook import default_rulebook  # noqa: PLC0415

        own = default_rulebook().extended(
            """
[[parameter]]
name = "measures.missing_gap_multiplier"
unit = "count"
label_zh = "x"
label_en = "x"
last_reviewed = 2026-11-21
  [[parameter.value]]
  since = 2000-01-01
  value = 3
  cite = ["tradesecret-policy@2026-11-21"]
  status = "DERIVED"
""",
            source="own.toml",
        )
        secrets = [plain("S", ClassificationTier.ORDINARY)]
        default = assess_measures(secrets, as_of=TODAY)
        tripled = assess_measures(secrets, as_of=TODAY, rulebook=own)

        # ordinary tier (rank 0): item 1 weight 5, item 2 weight 3
        assert [(1, 10), (2, 6)] == [(g.item, g.score) for g in default.gaps]
        assert [(1, 15), (2, 9)] == [(g.item, g.score) for g in tripled.gaps]
        assert 3 == next(
            p.as_int() for p in tripled.parameters if p.name == "measures.missing_gap_multiplier"
        )

    @pytest.mark.parametrize("locale", ["zh_CN", "en"])
    def test_explain_and_json(self, locale: str) -> None:
        """The report explains itself in both languages and round-trips through JSON."""
        report = assess_measures(
            [plain("CORE", ClassificationTier.CORE)],
            [measure("A", MeasureKind.CONFIDENTIALITY_AGREEMENT, "CORE", evidence=False)],
            as_of=TODAY,
        )

        text = explain(report, locale=locale, format="markdown")
        assert ("措施计划" if locale == "zh_CN" else "Measure plan") in text
        assert report == from_json(to_json(report), MeasuresReport)


measure_strategy = st.builds(
    ConfidentialityMeasure,
    id=st.sampled_from(["m1", "m2", "m3"]),
    kind=st.sampled_from(MeasureKind),
    start=st.dates(min_value=to_date("2023-01-01"), max_value=to_date("2026-01-01")),
    secret_ids=st.sampled_from([("S",), ("T",), ("S", "T")]),
    all_secrets=st.booleans(),
    evidence=st.sampled_from([(), ("e",)]),
    identifies_secret=st.booleans(),
)


class TestInvariants:
    @given(base=st.lists(measure_strategy, max_size=5), extra=measure_strategy)
    def test_more_measures_never_more_gap_score(
        self, base: list[ConfidentialityMeasure], extra: ConfidentialityMeasure
    ) -> None:
        """Adding a measure never raises the total gap score of any secret."""
        secrets = [plain("S", ClassificationTier.CORE), plain("T", ClassificationTier.ORDINARY)]
        before = assess_measures(secrets, base, as_of=TODAY)
        after = assess_measures(secrets, [*base, extra], as_of=TODAY)

        for sid in ("S", "T"):
            assert sum(g.score for g in after.gaps if g.secret_id == sid) <= sum(
                g.score for g in before.gaps if g.secret_id == sid
            )


def nda(**overrides: object) -> NonDisclosureAgreement:
    values: dict[str, object] = {
        "id": "NDA-SUP-1",
        "tier": NdaTier.CORE,
        "party": "Supplier A",
        "party_kind": PartyKind.SUPPLIER,
        "signed": "2025-01-10",
        "scope": (
            NdaScopeItem(
                category=ScopeCategory.DESIGN_DRAWINGS,
                description="Cell housing drawings",
                details=("tolerance data",),
            ),
            NdaScopeItem(category=ScopeCategory.FUNCTIONAL_PARAMETERS, secret_ids=("TS-BMS",)),
            NdaScopeItem(
                category=ScopeCategory.LAUNCH_PLANS,
                description="2026 pack launch",
                details=("milestones",),
            ),
        ),
        "noncompete": PartnerNonCompete(
            products="similar packs for competing brands", category="EV packs", months=24
        ),
        "damages": LiquidatedDamages(
            multiple=Decimal(3), estimated_loss=Money("300000"), floor=Money("500000")
        ),
        "verifier": "Independent Forensics Ltd.",
    }
    values.update(overrides)
    return NonDisclosureAgreement(**values)  # type: ignore[arg-type]


class TestReviewNda:
    def test_common_practice_nda_passes(self) -> None:
        """3x with a RMB 500,000 floor, two-year partner non-compete and a verifier: met."""
        a = review_nda(nda(), as_of=TODAY)

        assert Outcome.MET == a.outcome
        assert frozenset() == a.codes()
        assert ["common-practice@2026-11-21"] == [
            c.id for c in a.criterion("measures.nda.damages").citations
        ][:1]

    @pytest.mark.parametrize(
        ("as_of", "first"),
        [
            ("2020-09-11", "spc-unfair-comp@2007-01-12:11.3.5"),
            ("2020-09-12", "spc-ts@2020-09-10:6.1.1"),
        ],
    )
    def test_agreement_item_of_the_day(self, as_of: str, first: str) -> None:
        """An NDA is 2007 Art. 11(3) item 5 before 2020-09-12 and SPC 2020 Art. 6 item 1 from then."""
        a = review_nda(nda(signed="2019-01-10"), as_of=as_of)

        assert first == a.citations[0].id
        assert first == a.criterion("measures.nda.scope").citations[0].id

    def test_missing_scope(self) -> None:
        """No scope at all: not met."""
        a = review_nda(nda(scope=()), as_of=TODAY)

        assert Outcome.NOT_MET == a.criterion("measures.nda.scope").outcome
        assert "measures.nda.missing_scope" in a.codes()

    def test_undefined_secret(self) -> None:
        """'All confidential information' without details is an undefined secret."""
        a = review_nda(
            nda(scope=(NdaScopeItem(category=ScopeCategory.OTHER, description="all information"),)),
            as_of=TODAY,
        )

        finding = next(f for f in a.all_findings() if f.code == "measures.nda.undefined_secret")
        assert 1 == finding.arg("index")

    @pytest.mark.parametrize("multiple", [Decimal(2), Decimal("5.5")])
    def test_damages_outside_policy(self, multiple: Decimal) -> None:
        """Multiples below 3 or above 5 are outside the common-practice policy."""
        damages = LiquidatedDamages(
            multiple=multiple, estimated_loss=Money("300000"), floor=Money("500000")
        )
        a = review_nda(nda(damages=damages), as_of=TODAY)

        assert Outcome.NOT_MET == a.criterion("measures.nda.damages").outcome
        assert "measures.nda.multiple_outside_policy" in a.codes()

    def test_floor_below_policy(self) -> None:
        """A RMB 100,000 floor is below the RMB 500,000 policy floor."""
        damages = LiquidatedDamages(
            multiple=Decimal(4), estimated_loss=Money("300000"), floor=Money("100000")
        )
        a = review_nda(nda(damages=damages), as_of=TODAY)

        finding = next(f for f in a.all_findings() if f.code == "measures.nda.floor_below_policy")
        assert Money("500000") == finding.arg("policy")

    def test_users_own_policy(self) -> None:
        """The chosen policy is an input: 2x is fine under a 2-4x policy."""
        policy = NdaPolicy(
            damages_multiple_min=Decimal(2),
            damages_multiple_max=Decimal(4),
            damages_floor=Money("100000"),
            partner_noncompete_max_months=12,
            require_verifier=False,
        )
        damages = LiquidatedDamages(
            multiple=Decimal(2), estimated_loss=Money("300000"), floor=Money("100000")
        )
        a = review_nda(
            nda(damages=damages, verifier=None, noncompete=None), as_of=TODAY, policy=policy
        )

        assert Outcome.MET == a.outcome

    def test_no_verifier(self) -> None:
        """No third-party verifier: not met under the default policy."""
        a = review_nda(nda(verifier=None), as_of=TODAY)

        assert Outcome.NOT_MET == a.criterion("measures.nda.verifier").outcome

    def test_partner_noncompete_too_long(self) -> None:
        """A three-year partner non-compete exceeds the two-year common practice."""
        nc = PartnerNonCompete(products="similar packs", months=36)
        a = review_nda(nda(noncompete=nc), as_of=TODAY)

        finding = next(f for f in a.all_findings() if f.code == "measures.nda.noncompete_too_long")
        assert (36, 24) == (finding.arg("months"), finding.arg("policy"))

    def test_employee_noncompete_goes_to_labour_law(self) -> None:
        """An employee's non-compete is flagged with LCL Arts. 23-24, not judged here."""
        a = review_nda(nda(party_kind=PartyKind.EMPLOYEE), as_of=TODAY)

        c = a.criterion("measures.nda.noncompete")
        assert Outcome.NOT_APPLICABLE == c.outcome
        assert ["lcl@2012-12-28:23", "lcl@2012-12-28:24"] == [x.id for x in c.citations]

    def test_tier_and_unknown_secret_against_registry(self) -> None:
        """An ordinary NDA for a core secret, and an unregistered id, are both reported."""
        secrets = [
            TradeSecret(
                id="TS-BMS", title="BMS", kind=SecretKind.TECHNICAL, tier=ClassificationTier.CORE
            )
        ]
        scope = (
            NdaScopeItem(category=ScopeCategory.ALGORITHMS, secret_ids=("TS-BMS", "TS-GHOST")),
        )
        a = review_nda(nda(tier=NdaTier.ORDINARY, scope=scope), as_of=TODAY, secrets=secrets)

        assert {"measures.nda.tier_too_low", "measures.nda.unknown_secret"} <= a.codes()

    @pytest.mark.parametrize("locale", ["zh_CN", "en"])
    def test_explain_and_json(self, locale: str) -> None:
        """A review with every finding renders in both languages and round-trips."""
        a = review_nda(
            nda(
                scope=(NdaScopeItem(category=ScopeCategory.OTHER),),
                verifier=None,
                damages=LiquidatedDamages(multiple=Decimal(8)),
                noncompete=PartnerNonCompete(products="x", months=48),
            ),
            as_of=TODAY,
        )

        text = explain(a, locale=locale)
        expected = {
            "en": (
                "A damages multiple of 8 is outside the chosen policy of 3 to 5 times.",
                "No damages floor is agreed; the chosen policy expects at least CN¥500,000.00.",
                "The partner non-compete of 48 months exceeds the chosen policy's 24 months.",
                "Liquidated damages (agreed amount -)",
            ),
            "zh_CN": (
                "违约金倍数8不在所选策略3至5倍之间。",
                "未约定违约金下限；所选策略要求不低于¥500,000.00。",
                "合作方竞业期限48个月，超过所选策略的24个月。",
                "违约金（约定金额-）",
            ),
        }[locale]
        assert [True] * len(expected) == [phrase in text for phrase in expected]
        assert a == from_json(to_json(a), Assessment)
        assert nda() == from_json(to_json(nda()), NonDisclosureAgreement)


def exit_registry() -> SecretRegistry:
    return SecretRegistry(
        secrets=(
            TradeSecret(
                id="TS-1",
                title="t",
                kind=SecretKind.TECHNICAL,
                carriers=(
                    Carrier(id="LAPTOP-7", kind=CarrierKind.MEDIA),
                    Carrier(id="SOP-1", kind=CarrierKind.DOCUMENT),
                ),
            ),
            TradeSecret(id="TS-2", title="u", kind=SecretKind.BUSINESS),
        ),
        grants=(
            AccessGrant(
                person="E-9",
                secret_id="TS-1",
                granted="2022-01-01",
                revoked="2025-05-31",
                carrier_ids=("LAPTOP-7", "SOP-1"),
            ),
            AccessGrant(person="E-9", secret_id="TS-2", granted="2023-01-01", revoked="2025-05-31"),
        ),
    )


def departure(**overrides: object) -> ExitProcedure:
    values: dict[str, object] = {
        "person": "E-9",
        "last_day": "2025-05-31",
        "registered_on": "2025-05-28",
        "returned": ("LAPTOP-7",),
        "destroyed": ("SOP-1",),
        "reminder_on": "2025-05-30",
        "reminder_written": True,
        "access_revoked_on": "2025-05-31",
    }
    values.update(overrides)
    return ExitProcedure(**values)  # type: ignore[arg-type]


class TestCheckExit:
    def test_complete_exit(self) -> None:
        """Registered, carriers back, written reminder, access revoked on the last day: met."""
        a = check_exit(departure(), as_of="2025-06-02", registry=exit_registry())

        assert Outcome.MET == a.outcome
        summary = a.findings[0]
        assert (2, 2) == (summary.arg("secrets"), summary.arg("carriers"))
        assert "spc-ts@2020-09-10:6.1.6" == a.citations[0].id

    @pytest.mark.parametrize(
        ("overrides", "criterion", "code"),
        [
            ({"registered_on": None}, "measures.exit.register", "measures.exit.register.missing"),
            ({"destroyed": ()}, "measures.exit.carriers", "measures.exit.carriers.missing"),
            ({"reminder_on": None}, "measures.exit.reminder", "measures.exit.reminder.missing"),
            ({"access_revoked_on": None}, "measures.exit.access", "measures.exit.access.missing"),
        ],
    )
    def test_each_missing_step(
        self, overrides: dict[str, object], criterion: str, code: str
    ) -> None:
        """Each Art. 6 item 6 step not done by the last day is not met, with a high finding."""
        a = check_exit(departure(**overrides), as_of="2025-06-02", registry=exit_registry())

        c = a.criterion(criterion)
        assert Outcome.NOT_MET == c.outcome
        assert code == c.findings[0].code
        assert "high" == c.findings[0].severity.value
        # the step is the law's; its due day (the last day) is the library's policy
        assert "tradesecret-policy@2026-11-21" == c.findings[0].citations[-1].id
        assert to_date("2025-05-31") == c.findings[0].arg("due")

    @pytest.mark.parametrize(
        ("last_day", "as_of", "rests_on", "no_rule"),
        [
            ("1993-12-01", "1993-12-01", "tradesecret-policy@2026-11-21", True),
            ("2020-09-11", "2020-09-11", "tradesecret-policy@2026-11-21", True),
            ("2020-09-12", "2020-09-12", "spc-ts@2020-09-10:6.1.6", False),
        ],
    )
    def test_item_6_only_from_2020_09_12(
        self, last_day: str, as_of: str, rests_on: str, no_rule: bool
    ) -> None:
        """Before 2020-09-12 no listed measure named the departure: policy only, said so (2007 item 7 as context)."""
        d = departure(
            last_day=last_day,
            registered_on=last_day,
            reminder_on=last_day,
            access_revoked_on=last_day,
            returned=(),
            destroyed=(),
        )
        a = check_exit(d, as_of=as_of)

        assert rests_on == a.criterion("measures.exit.register").citations[0].id
        assert no_rule == ("measures.exit.no_rule" in a.codes())
        assert (not no_rule) == a.criterion("measures.exit.register").binding
        context = [] if as_of < "2007-02-01" else ["spc-unfair-comp@2007-01-12:11.3.7"]
        assert context == [c.id for c in a.context]

    def test_outstanding_carrier_named(self) -> None:
        """The SOP not destroyed is named."""
        a = check_exit(departure(destroyed=()), as_of="2025-06-02", registry=exit_registry())

        assert "SOP-1" == a.criterion("measures.exit.carriers").findings[0].arg("carriers")

    def test_pending_before_last_day(self) -> None:
        """Before the last day a missing step is pending: insufficient evidence, medium."""
        a = check_exit(departure(reminder_on=None), as_of="2025-05-29", registry=exit_registry())

        c = a.criterion("measures.exit.reminder")
        assert Outcome.INSUFFICIENT_EVIDENCE == c.outcome
        assert "medium" == c.findings[0].severity.value

    def test_open_grant_in_registry(self) -> None:
        """A registry grant still open after the last day means access was not revoked."""
        reg = SecretRegistry(
            secrets=exit_registry().secrets,
            grants=(AccessGrant(person="E-9", secret_id="TS-2", granted="2023-01-01"),),
        )
        a = check_exit(departure(returned=(), destroyed=()), as_of="2025-06-02", registry=reg)

        assert "TS-2" == a.criterion("measures.exit.access").findings[0].arg("secrets")

    def test_late_and_unwritten_steps(self) -> None:
        """A late registration is met with a low finding; an oral reminder is insufficient evidence."""
        a = check_exit(
            departure(registered_on="2025-06-01", reminder_written=False), as_of="2025-06-02"
        )

        assert "measures.exit.late" == a.criterion("measures.exit.register").findings[0].code
        assert Outcome.INSUFFICIENT_EVIDENCE == a.criterion("measures.exit.reminder").outcome

    @pytest.mark.parametrize("locale", ["zh_CN", "en"])
    def test_explain_and_json(self, locale: str) -> None:
        """An exit check with every finding renders in both languages and round-trips."""
        a = check_exit(
            departure(
                registered_on="2025-06-01",
                reminder_written=False,
                access_revoked_on=None,
                destroyed=(),
            ),
            as_of="2025-06-02",
            registry=exit_registry(),
        )

        text = explain(a, locale=locale, format="markdown")
        phrase = {
            "en": "Carriers SOP-1 were not returned, erased or destroyed (due 31 May 2025).",
            "zh_CN": "载体SOP-1未返还、清除或销毁（截止2025年5月31日）。",
        }[locale]
        assert phrase in text
        assert a == from_json(to_json(a), Assessment)
        assert departure() == from_json(to_json(departure()), ExitProcedure)


class TestPolicyJson:
    def test_policy_round_trip(self) -> None:
        """The common-practice policy, with its parameters, survives JSON."""
        policy = NdaPolicy.common_practice(as_of=TODAY)

        assert (Decimal(3), Decimal(5), Money("500000"), 24) == (
            policy.damages_multiple_min,
            policy.damages_multiple_max,
            policy.damages_floor,
            policy.partner_noncompete_max_months,
        )
        assert policy == from_json(to_json(policy), NdaPolicy)


class TestRegistryChecks:
    def test_access_without_grant_and_outside_need_to_know(self) -> None:
        """With a registry: a logged access without a grant, and a holder off the need-to-know list."""
        from tradesecret.definition import AccessEvent  # noqa: PLC0415

        reg = SecretRegistry(
            secrets=(plain("S", ClassificationTier.IMPORTANT),),
            grants=(
                AccessGrant(person="ann", secret_id="S", granted="2024-01-01"),
                AccessGrant(person="ben", secret_id="S", granted="2024-01-01"),
            ),
            events=(AccessEvent(person="cat", secret_id="S", on="2024-05-01"),),
        )
        ntk = ConfidentialityMeasure(
            id="NTK",
            kind=MeasureKind.NEED_TO_KNOW,
            start="2024-01-01",
            secret_ids=("S",),
            people=("ann",),
            evidence=("list.xlsx",),
        )
        report = assess_measures(reg, [ntk], as_of=TODAY)
        found = {f.code: f for f in report.assessment("S").findings}

        assert "cat" == found["measures.registry.access_without_grant"].arg("persons")
        assert "ben" == found["measures.registry.outside_need_to_know"].arg("persons")
        assert (
            "spc-ts@2020-09-10:6.1.4"
            == found["measures.registry.access_without_grant"].citations[0].id
        )


class TestNdaDuration:
    def test_core_nda_with_limited_duration(self) -> None:
        """Library policy: a core NDA ending after 36 months gets a low finding; the review still passes."""
        a = review_nda(nda(duration_months=36), as_of=TODAY)

        c = a.criterion("measures.nda.duration")
        assert ("measures.nda.limited_duration", 36) == (
            c.findings[0].code,
            c.findings[0].arg("months"),
        )
        assert "library_policy" == c.findings[0].tier.value
        assert Outcome.MET == a.outcome

    def test_until_public(self) -> None:
        """No duration means until the information becomes public: no finding."""
        a = review_nda(nda(), as_of=TODAY)

        assert () == a.criterion("measures.nda.duration").findings
