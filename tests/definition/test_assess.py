"""The three elements of a trade secret, from the text of AUCL 2019 Art. 9(4) and SPC 2020 Arts. 1-7."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradesecret import Outcome, explain, from_json, to_date, to_json
from tradesecret.definition import (
    Carrier,
    CarrierKind,
    ClassificationTier,
    CustomerElement,
    CustomerInformation,
    ExposureKind,
    FormationKind,
    FormationRecord,
    MeasureTiming,
    PublicExposure,
    PublicPoints,
    SecretKind,
    SecretPoint,
    SecretSubtype,
    TradeSecret,
    ValueEvidence,
    ValueKind,
    assess_trade_secret,
    assess_trade_secrets,
)
from tradesecret.exceptions import InvalidInputError
from tradesecret.measures import (
    ConfidentialityMeasure,
    MeasureKind,
    NdaScopeItem,
    NdaTier,
    NonDisclosureAgreement,
    PartyKind,
    ScopeCategory,
)
from tradesecret.money import Money
from tradesecret.results import Assessment

ACT = "2025-06-01"


def battery_secret(**overrides: object) -> TradeSecret:
    """Cathode sintering parameters of a battery maker (core tier)."""
    values: dict[str, object] = {
        "id": "TS-CATHODE-01",
        "title": "NCM cathode sintering curve",
        "kind": SecretKind.TECHNICAL,
        "subtypes": (SecretSubtype.PROCESS, SecretSubtype.TECHNICAL_DATA),
        "owner": "Example Battery Co., Ltd.",
        "points": (
            SecretPoint(id="P1", description="Second-stage sintering at 780-800 C for 11 h"),
            SecretPoint(id="P2", description="Oxygen flow 12 L/min during cooling"),
            SecretPoint(id="P3", description="Li/TM molar ratio 1.045"),
        ),
        "carriers": (
            Carrier(id="C-SOP-7", kind=CarrierKind.DOCUMENT, sha256="ab" * 32),
            Carrier(id="C-MES", kind=CarrierKind.DATABASE),
        ),
        "formation": (FormationRecord(id="F-1", kind=FormationKind.LAB_NOTEBOOK, on="2021-03-02"),),
        "value_evidence": (
            ValueEvidence(kind=ValueKind.RD_COST, amount=Money("8200000"), on="2022-12-31"),
        ),
        "tier": ClassificationTier.CORE,
        "secrecy_evidence": ("SEARCH-2023-01",),
    }
    values.update(overrides)
    return TradeSecret(**values)  # type: ignore[arg-type]


def agreement(**overrides: object) -> ConfidentialityMeasure:
    """An evidenced confidentiality agreement naming the battery secret, from 2021."""
    values: dict[str, object] = {
        "id": "M-NDA",
        "kind": MeasureKind.CONFIDENTIALITY_AGREEMENT,
        "start": "2021-01-01",
        "secret_ids": ("TS-CATHODE-01",),
        "evidence": ("signed-nda.pdf",),
        "identifies_secret": True,
    }
    values.update(overrides)
    return ConfidentialityMeasure(**values)  # type: ignore[arg-type]


@pytest.fixture
def make_secret() -> Factory:
    """Builder of the battery secret with overrides."""
    return battery_secret


@pytest.fixture
def make_measure() -> MeasureFactory:
    """Builder of an evidenced agreement with overrides."""
    return agreement


Factory = Callable[..., TradeSecret]
MeasureFactory = Callable[..., ConfidentialityMeasure]


def crit(a: Assessment, code: str) -> Outcome:
    return a.criterion(code).outcome


class TestStatutoryBasis:
    def test_aucl_2019_for_acts_before_2025_10_15(
        self, make_secret: Factory, make_measure: MeasureFactory
    ) -> None:
        """An act on 2025-10-14 is judged under AUCL 2019 Art. 9(4) (SPC Art. 28)."""
        a = assess_trade_secret(make_secret(), as_of="2025-10-14", measures=[make_measure()])

        assert "aucl@2019-04-23:9.4" == a.citations[0].id
        assert "definition.statutory_article" == a.parameters[0].name

    def test_aucl_2025_from_2025_10_15(
        self, make_secret: Factory, make_measure: MeasureFactory
    ) -> None:
        """From 2025-10-15 the definition is AUCL 2025 Art. 10 (status V2)."""
        a = assess_trade_secret(make_secret(), as_of="2025-10-15", measures=[make_measure()])

        assert "aucl@2025-06-27:10" == a.citations[0].id
        assert "V2" == a.parameters[0].status.value

    def test_continuing_act_judged_under_amended_law(
        self, make_secret: Factory, make_measure: MeasureFactory
    ) -> None:
        """SPC Art. 28: an act from 2025-09-01 to 2025-11-01 is judged under AUCL 2025 Art. 10."""
        late = make_measure(id="M-LATE", kind=MeasureKind.ENCRYPTION, start="2025-10-01")
        a = assess_trade_secret(
            make_secret(),
            as_of="2025-09-01",
            act_end="2025-11-01",
            measures=[make_measure(), late],
        )

        assert "aucl@2025-06-27:10" == a.citations[0].id
        assert ["aucl@2025-06-27:10", "spc-ts@2020-09-10:28"] == [
            c.id for c in a.parameters[0].citations
        ]
        # measures are judged when the act began: the October measure does not count
        assert "definition.measures.after_act" in a.codes()
        assert 1 == dict(a.criterion("definition.reasonable_measures").facts)["counted"]
        assert [a] == list(
            assess_trade_secrets(
                [make_secret()],
                [make_measure(), late],
                as_of="2025-09-01",
                act_end="2025-11-01",
            )
        )

    def test_act_end_before_start_refused(self, make_secret: Factory) -> None:
        """A continuing act cannot end before it began."""
        with pytest.raises(InvalidInputError) as caught:
            assess_trade_secret(make_secret(), as_of="2025-09-01", act_end="2025-08-01")

        assert ["act_end"] == [p.path for p in caught.value.problems]

    def test_day_before_2019_amendment_is_aucl_2017(self, make_secret: Factory) -> None:
        """An act on 2019-04-22 is judged under AUCL 2017 Art. 9, with no burden shift (no error)."""
        a = assess_trade_secret(make_secret(), as_of="2019-04-22")

        assert "aucl@2017-11-04:9" == a.citations[0].id
        assert "definition.burden.no_shift" in a.codes()

    def test_all_three_elements_met(
        self, make_secret: Factory, make_measure: MeasureFactory
    ) -> None:
        """The battery secret with an evidenced agreement meets all three elements."""
        a = assess_trade_secret(make_secret(), as_of=ACT, measures=[make_measure()])

        assert Outcome.MET == a.outcome
        assert ["met", "met", "met"] == [c.outcome.value for c in a.criteria]
        assert "trade_secret" == a.kind
        assert "TS-CATHODE-01" == a.subject


class TestNotPubliclyKnown:
    CODE = "definition.not_publicly_known"

    def test_no_secret_points_is_insufficient_evidence(self, make_secret: Factory) -> None:
        """Without secret points the content cannot be told apart from public information (Arts. 3, 27)."""
        a = assess_trade_secret(make_secret(points=()), as_of=ACT)

        c = a.criterion(self.CODE)
        assert Outcome.INSUFFICIENT_EVIDENCE == c.outcome
        assert ("definition.remedy.define_secret_points",) == c.findings[0].remedies
        assert "spc-ts@2020-09-10:27" == c.findings[0].citations[0].id

    @pytest.mark.parametrize(
        ("kind", "item"),
        [
            (ExposureKind.GENERAL_KNOWLEDGE, 1),
            (ExposureKind.INDUSTRY_PRACTICE, 1),
            (ExposureKind.PRODUCT_OBSERVATION, 2),
            (ExposureKind.PUBLICATION, 3),
            (ExposureKind.PATENT, 3),
            (ExposureKind.PUBLIC_REPORT, 4),
            (ExposureKind.EXHIBITION, 4),
            (ExposureKind.OTHER_PUBLIC_CHANNEL, 5),
        ],
    )
    def test_each_art_4_1_item_defeats_secrecy(
        self, make_secret: Factory, kind: ExposureKind, item: int
    ) -> None:
        """A confirmed exposure of the whole secret under each Art. 4(1) item: not met, citing that item."""
        exposure = PublicExposure(id="X", kind=kind, on="2024-01-10", simple_features_only=True)
        a = assess_trade_secret(make_secret(exposures=(exposure,)), as_of=ACT)

        c = a.criterion(self.CODE)
        assert Outcome.NOT_MET == c.outcome
        assert Outcome.NOT_MET == a.outcome
        finding = next(f for f in c.findings if f.code == f"definition.secrecy.item{item}")
        assert f"spc-ts@2020-09-10:4.1.{item}" == finding.citations[0].id
        assert f"spc_ts_art4_1_item{item}" == c.trace[0].rule

    @pytest.mark.parametrize(
        ("locale", "phrase"),
        [
            ("en", "the court may find these points known to the public"),
            ("zh_CN", "法院可以认定这些秘密点为公众所知悉"),
        ],
    )
    def test_art_4_1_says_may(self, make_secret: Factory, locale: str, phrase: str) -> None:
        """Art. 4(1) is permissive ("may"/可以): the finding says so in both languages."""
        exposure = PublicExposure(id="EXPO", kind=ExposureKind.EXHIBITION, on="2024-04-01")
        a = assess_trade_secret(make_secret(exposures=(exposure,)), as_of=ACT)

        assert phrase in explain(a, locale=locale)

    def test_remaining_points_still_qualify(self, make_secret: Factory) -> None:
        """A patent revealing one of three points leaves the other two not publicly known."""
        exposure = PublicExposure(
            id="CN1234", kind=ExposureKind.PATENT, on="2023-05-01", covers=("P2",)
        )
        a = assess_trade_secret(make_secret(exposures=(exposure,)), as_of=ACT)

        c = a.criterion(self.CODE)
        assert Outcome.MET == c.outcome
        assert "P1, P3" == next(
            f for f in c.findings if f.code == "definition.secrecy.points_remaining"
        ).arg("points")
        assert 2 == dict(c.facts)["remaining"]

    def test_any_point_defeats_reading(self, make_secret: Factory) -> None:
        """The alternative reading treats the claimed secret as a whole: one public point defeats it."""
        exposure = PublicExposure(
            id="CN1234", kind=ExposureKind.PATENT, on="2023-05-01", covers=("P2",)
        )
        a = assess_trade_secret(
            make_secret(exposures=(exposure,)),
            as_of=ACT,
            public_points=PublicPoints.ANY_POINT_DEFEATS,
        )

        assert Outcome.NOT_MET == crit(a, self.CODE)

    def test_observation_needs_simple_features(self, make_secret: Factory) -> None:
        """Item 2 applies only to size, structure, materials or simple combinations; otherwise it is not public."""
        exposure = PublicExposure(
            id="CELL",
            kind=ExposureKind.PRODUCT_OBSERVATION,
            on="2024-01-01",
            simple_features_only=False,
        )
        a = assess_trade_secret(make_secret(exposures=(exposure,)), as_of=ACT)

        c = a.criterion(self.CODE)
        assert Outcome.MET == c.outcome
        assert "definition.secrecy.observation_not_simple" in a.codes()
        assert "spc-ts@2020-09-10:14" in [x.id for x in c.findings[0].citations]

    def test_exposure_after_act_does_not_count(self, make_secret: Factory) -> None:
        """Art. 3 looks at the time of the act: a later publication is reported, not counted."""
        exposure = PublicExposure(id="PAPER", kind=ExposureKind.PUBLICATION, on="2025-06-02")
        a = assess_trade_secret(make_secret(exposures=(exposure,)), as_of=ACT)

        assert Outcome.MET == crit(a, self.CODE)
        assert "definition.secrecy.later_exposure" in a.codes()

    def test_exposure_on_act_date_counts(self, make_secret: Factory) -> None:
        """Information published on the act date is public at the time of the act."""
        exposure = PublicExposure(id="PAPER", kind=ExposureKind.PUBLICATION, on=ACT)
        a = assess_trade_secret(make_secret(exposures=(exposure,)), as_of=ACT)

        assert Outcome.NOT_MET == crit(a, self.CODE)

    def test_alleged_exposure_is_contested(self, make_secret: Factory) -> None:
        """An unconfirmed exposure of every point makes the criterion contested, not failed."""
        exposure = PublicExposure(
            id="ALLEGED", kind=ExposureKind.EXHIBITION, on="2024-09-01", confirmed=False
        )
        a = assess_trade_secret(make_secret(exposures=(exposure,)), as_of=ACT)

        assert Outcome.CONTESTED == crit(a, self.CODE)
        assert "definition.secrecy.alleged_exposure" in a.codes()

    def test_compilation_of_public_points_qualifies(self, make_secret: Factory) -> None:
        """Art. 4(2): every point public on its own, the combination not -- still not publicly known."""
        exposures = tuple(
            PublicExposure(id=f"X{p}", kind=ExposureKind.PUBLICATION, on="2022-01-01", covers=(p,))
            for p in ("P1", "P2", "P3")
        )
        a = assess_trade_secret(make_secret(exposures=exposures, compilation=True), as_of=ACT)

        c = a.criterion(self.CODE)
        assert Outcome.MET == c.outcome
        compilation = next(f for f in c.findings if f.code == "definition.secrecy.compilation")
        assert 3 == compilation.arg("public")
        assert "spc-ts@2020-09-10:4.2" == compilation.citations[0].id

    def test_compilation_published_whole_is_public(self, make_secret: Factory) -> None:
        """A compilation published as a whole is publicly known."""
        exposure = PublicExposure(id="BOOK", kind=ExposureKind.PUBLICATION, on="2022-01-01")
        a = assess_trade_secret(make_secret(exposures=(exposure,), compilation=True), as_of=ACT)

        assert Outcome.NOT_MET == crit(a, self.CODE)

    def test_no_search_is_a_library_heuristic(self, make_secret: Factory) -> None:
        """A missing prior-art search is flagged as a heuristic finding (tier library_policy)."""
        a = assess_trade_secret(make_secret(secrecy_evidence=()), as_of=ACT)

        finding = next(f for f in a.all_findings() if f.code == "definition.secrecy.no_search")
        assert "library_policy" == finding.tier.value
        assert Outcome.MET == crit(a, self.CODE)


class TestCommercialValue:
    CODE = "definition.commercial_value"

    def test_no_evidence_is_insufficient(
        self, make_secret: Factory, make_measure: MeasureFactory
    ) -> None:
        """Without value evidence, Art. 7 cannot be shown: insufficient evidence with remedies."""
        a = assess_trade_secret(
            make_secret(value_evidence=()), as_of=ACT, measures=[make_measure()]
        )

        c = a.criterion(self.CODE)
        assert Outcome.INSUFFICIENT_EVIDENCE == c.outcome
        assert Outcome.INSUFFICIENT_EVIDENCE == a.outcome
        assert "definition.remedy.record_value" in c.findings[0].remedies

    def test_stage_results_count(self, make_secret: Factory) -> None:
        """Art. 7(2): a stage result formed in production can have commercial value."""
        a = assess_trade_secret(
            make_secret(value_evidence=(ValueEvidence(kind=ValueKind.STAGE_RESULT),)), as_of=ACT
        )

        c = a.criterion(self.CODE)
        assert Outcome.MET == c.outcome
        assert "spc-ts@2020-09-10:7.2" in [x.id for x in c.citations]

    def test_potential_value_counts(self, make_secret: Factory) -> None:
        """Art. 7(1): potential value suffices, with a low finding suggesting realised evidence."""
        evidence = ValueEvidence(kind=ValueKind.COMPETITIVE_ADVANTAGE, potential=True)
        a = assess_trade_secret(make_secret(value_evidence=(evidence,)), as_of=ACT)

        assert Outcome.MET == crit(a, self.CODE)
        assert "definition.value.potential_only" in a.codes()

    def test_later_evidence_not_used(self, make_secret: Factory) -> None:
        """Value evidence dated after the assessment date is not relied on."""
        evidence = ValueEvidence(kind=ValueKind.REVENUE, on="2026-01-01")
        a = assess_trade_secret(make_secret(value_evidence=(evidence,)), as_of=ACT)

        assert Outcome.INSUFFICIENT_EVIDENCE == crit(a, self.CODE)
        assert "definition.value.later_evidence" in a.codes()


ITEM_KINDS = [
    (MeasureKind.CONFIDENTIALITY_AGREEMENT, 1),
    (MeasureKind.TRAINING, 2),
    (MeasureKind.RESTRICTED_PREMISES, 3),
    (MeasureKind.ENCRYPTION, 4),
    (MeasureKind.STORAGE_RESTRICTION, 5),
    (MeasureKind.EXIT_PROCEDURE, 6),
    (MeasureKind.OTHER, 7),
]


class TestReasonableMeasures:
    CODE = "definition.reasonable_measures"

    @pytest.mark.parametrize(("kind", "item"), ITEM_KINDS)
    def test_each_art_6_item_counts(
        self, make_secret: Factory, make_measure: MeasureFactory, kind: MeasureKind, item: int
    ) -> None:
        """Art. 6: any one listed measure, in force before the act and proven, establishes measures."""
        a = assess_trade_secret(make_secret(), as_of=ACT, measures=[make_measure(kind=kind)])

        c = a.criterion(self.CODE)
        assert Outcome.MET == c.outcome
        assert f"definition.measures.item{item}" == c.trace[0].code
        assert f"spc-ts@2020-09-10:6.1.{item}" == c.trace[0].citations[0].id

    def test_no_measures_not_met(self, make_secret: Factory) -> None:
        """No measure at all: not met, critical, with a remedy."""
        a = assess_trade_secret(make_secret(), as_of=ACT)

        c = a.criterion(self.CODE)
        assert Outcome.NOT_MET == c.outcome
        assert "definition.measures.none_before_act" == c.findings[0].code
        assert "critical" == c.findings[0].severity.value

    def test_measure_on_act_date_does_not_predate_it(
        self, make_secret: Factory, make_measure: MeasureFactory
    ) -> None:
        """Art. 5(1): a measure adopted on the act date was not taken before the act."""
        a = assess_trade_secret(make_secret(), as_of=ACT, measures=[make_measure(start=ACT)])

        assert Outcome.NOT_MET == crit(a, self.CODE)
        assert "definition.measures.after_act" in a.codes()

    def test_on_or_before_reading(self, make_secret: Factory, make_measure: MeasureFactory) -> None:
        """The alternative timing reading counts a measure adopted on the act date."""
        a = assess_trade_secret(
            make_secret(),
            as_of=ACT,
            measures=[make_measure(start=ACT)],
            timing=MeasureTiming.ON_OR_BEFORE_ACT,
        )

        assert Outcome.MET == crit(a, self.CODE)

    def test_lapsed_measure_does_not_count(
        self, make_secret: Factory, make_measure: MeasureFactory
    ) -> None:
        """A measure that ended before the act was not in force when it happened."""
        a = assess_trade_secret(make_secret(), as_of=ACT, measures=[make_measure(end="2025-05-31")])

        assert Outcome.NOT_MET == crit(a, self.CODE)
        assert "definition.measures.lapsed" in a.codes()

    def test_unproven_measures_insufficient(
        self, make_secret: Factory, make_measure: MeasureFactory
    ) -> None:
        """A measure without evidence: insufficient evidence (identifiability, Art. 5(2))."""
        a = assess_trade_secret(make_secret(), as_of=ACT, measures=[make_measure(evidence=())])

        c = a.criterion(self.CODE)
        assert Outcome.INSUFFICIENT_EVIDENCE == c.outcome
        assert ("definition.remedy.keep_measure_evidence",) == c.findings[0].remedies

    def test_generic_measures_need_correspondence(
        self, make_secret: Factory, make_measure: MeasureFactory
    ) -> None:
        """A company-wide rule not naming the secret leaves correspondence unproven by default."""
        rules = make_measure(
            kind=MeasureKind.RULES, secret_ids=(), all_secrets=True, identifies_secret=False
        )
        strict = assess_trade_secret(make_secret(), as_of=ACT, measures=[rules])
        lenient = assess_trade_secret(
            make_secret(), as_of=ACT, measures=[rules], require_correspondence=False
        )

        assert Outcome.INSUFFICIENT_EVIDENCE == crit(strict, self.CODE)
        assert Outcome.MET == crit(lenient, self.CODE)
        assert "definition.measures.generic_only" in lenient.codes()

    def test_measures_for_other_secrets_ignored(
        self, make_secret: Factory, make_measure: MeasureFactory
    ) -> None:
        """A measure scoped to another secret does not protect this one."""
        a = assess_trade_secret(
            make_secret(), as_of=ACT, measures=[make_measure(secret_ids=("TS-OTHER",))]
        )

        assert Outcome.NOT_MET == crit(a, self.CODE)

    def test_nda_is_an_item_1_measure(self, make_secret: Factory) -> None:
        """A signed NDA naming the secret counts as an Art. 6 item 1 measure."""
        nda = NonDisclosureAgreement(
            id="NDA-7",
            tier=NdaTier.CORE,
            party="Zhang San",
            party_kind=PartyKind.EMPLOYEE,
            signed="2022-02-01",
            scope=(NdaScopeItem(category=ScopeCategory.PROCESS, secret_ids=("TS-CATHODE-01",)),),
            evidence=("nda-7.pdf",),
        )
        a = assess_trade_secret(make_secret(), as_of=ACT, measures=[nda])

        c = a.criterion(self.CODE)
        assert Outcome.MET == c.outcome
        assert "spc-ts@2020-09-10:6.1.1" == c.trace[0].citations[0].id

    def test_nda_duration_ends_protection(self, make_secret: Factory) -> None:
        """An NDA for 12 months from 2022-02-01 ends on 2023-02-01 and no longer counts in 2025."""
        nda = NonDisclosureAgreement(
            id="NDA-8",
            tier=NdaTier.CORE,
            party="Supplier A",
            party_kind=PartyKind.SUPPLIER,
            signed="2022-02-01",
            duration_months=12,
            scope=(NdaScopeItem(category=ScopeCategory.PROCESS, secret_ids=("TS-CATHODE-01",)),),
            evidence=("nda-8.pdf",),
        )
        a = assess_trade_secret(make_secret(), as_of=ACT, measures=[nda])

        lapsed = next(f for f in a.all_findings() if f.code == "definition.measures.lapsed")
        assert to_date("2023-02-01") == lapsed.arg("end")

    def test_physical_carrier_factor(
        self, make_secret: Factory, make_measure: MeasureFactory
    ) -> None:
        """Art. 5(2) nature of the carrier: a sample without premises or marking measures is flagged."""
        secret = make_secret(carriers=(Carrier(id="S-1", kind=CarrierKind.SAMPLE),))
        a = assess_trade_secret(secret, as_of=ACT, measures=[make_measure()])

        flag = next(f for f in a.all_findings() if f.code == "definition.factor.physical_carrier")
        assert "S-1" == flag.arg("carriers")
        assert ["spc-ts@2020-09-10:5.2", "tradesecret-policy@2026-11-21"] == [
            c.id for c in flag.citations
        ]
        assert Outcome.MET == crit(a, self.CODE)

    def test_wrong_measure_type_refused(self, make_secret: Factory) -> None:
        """Anything but a measure or NDA in `measures` is bad input, reported with its position."""
        with pytest.raises(InvalidInputError) as caught:
            assess_trade_secret(
                make_secret(),
                as_of=ACT,
                measures=[agreement(), "NDA"],  # type: ignore[list-item]
            )

        assert ["measures[1]"] == [p.path for p in caught.value.problems]

    def test_every_input_problem_reported_at_once(self, make_secret: Factory) -> None:
        """A bad act date, a non-secret and a non-measure are all listed in one error."""
        with pytest.raises(InvalidInputError) as caught:
            assess_trade_secrets(
                [make_secret(), "TS-2"],  # type: ignore[list-item]
                ["NDA"],  # type: ignore[list-item]
                as_of="2025-13-01",
            )

        assert ["as_of", "secrets[1]", "measures[0]"] == [p.path for p in caught.value.problems]


class TestCustomerInformation:
    CODE = "definition.customer_information"

    def customer_list(self, make_secret: Factory, info: CustomerInformation | None) -> TradeSecret:
        return make_secret(
            id="TS-CUST",
            kind=SecretKind.BUSINESS,
            subtypes=(SecretSubtype.CUSTOMER_LIST, SecretSubtype.CUSTOMER_TRADING),
            customer_information=info,
        )

    def test_long_term_relationship_alone_not_enough(self, make_secret: Factory) -> None:
        """Art. 2(1): a long-term stable relationship alone does not make a customer a trade secret."""
        info = CustomerInformation(
            elements=(CustomerElement.NAME,),
            customer_count=40,
            relies_on_long_term_relationship_only=True,
        )
        a = assess_trade_secret(self.customer_list(make_secret, info), as_of=ACT)

        assert Outcome.NOT_MET == crit(a, self.CODE)
        assert Outcome.NOT_MET == a.outcome
        assert "definition.customer.long_term_only" in a.codes()

    def test_in_depth_customer_information(self, make_secret: Factory) -> None:
        """Art. 1(3): trading habits, intentions and contents make a qualifying customer compilation."""
        info = CustomerInformation(
            elements=(
                CustomerElement.NAME,
                CustomerElement.TRADING_HABITS,
                CustomerElement.CONTENTS,
            ),
            customer_count=40,
        )
        a = assess_trade_secret(self.customer_list(make_secret, info), as_of=ACT)

        assert Outcome.MET == crit(a, self.CODE)
        assert 2 == dict(a.criterion(self.CODE).facts)["in_depth"]

    def test_customers_following_employee(self, make_secret: Factory) -> None:
        """Art. 2(2): customers who followed an employee by choice are reported."""
        info = CustomerInformation(
            elements=(CustomerElement.CONTENTS,),
            followed_individual_employee=("Customer B",),
        )
        a = assess_trade_secret(self.customer_list(make_secret, info), as_of=ACT)

        finding = next(
            f for f in a.all_findings() if f.code == "definition.customer.followed_employee"
        )
        assert "spc-ts@2020-09-10:2.2" == finding.citations[0].id
        assert "Customer B" == finding.arg("customer")

    def test_not_applicable_to_technical_secrets(self, make_secret: Factory) -> None:
        """The customer criterion appears only for customer information."""
        a = assess_trade_secret(make_secret(), as_of=ACT)

        assert "definition.customer_information" not in [c.code for c in a.criteria]


class TestModel:
    def test_subtype_kind_must_match(self, make_secret: Factory) -> None:
        """A business sub-type on a technical secret is refused with its path."""
        with pytest.raises(InvalidInputError) as err:
            make_secret(subtypes=(SecretSubtype.SALES,))
        assert "subtypes[0]" == err.value.field

    def test_exposure_must_name_known_points(self, make_secret: Factory) -> None:
        """An exposure covering an unknown point is refused."""
        with pytest.raises(InvalidInputError):
            make_secret(
                exposures=(
                    PublicExposure(
                        id="X", kind=ExposureKind.PATENT, on="2020-01-01", covers=("P9",)
                    ),
                )
            )

    def test_bad_hash_refused(self) -> None:
        """A carrier hash must be 64 lowercase hex digits."""
        with pytest.raises(InvalidInputError):
            Carrier(id="C", kind=CarrierKind.DOCUMENT, sha256="xyz")

    def test_subtype_kinds(self) -> None:
        """Every SPC Art. 1 sub-type knows its kind."""
        assert SecretKind.TECHNICAL == SecretSubtype.ALGORITHM.kind
        assert SecretKind.BUSINESS == SecretSubtype.BIDDING_MATERIAL.kind
        assert SecretKind.CUSTOMER_INFORMATION == SecretSubtype.CUSTOMER_TRADING.kind


class TestOutput:
    @pytest.mark.parametrize("locale", ["zh_CN", "en"])
    @pytest.mark.parametrize("fmt", ["text", "markdown"])
    def test_explain_both_languages(
        self, make_secret: Factory, make_measure: MeasureFactory, locale: str, fmt: str
    ) -> None:
        """Every message of a rich assessment renders in both languages."""
        secret = make_secret(
            exposures=(
                PublicExposure(id="X", kind=ExposureKind.PATENT, on="2023-01-01", covers=("P1",)),
                PublicExposure(id="Y", kind=ExposureKind.EXHIBITION, on="2026-01-01"),
            ),
            carriers=(Carrier(id="S", kind=CarrierKind.SAMPLE),),
            secrecy_evidence=(),
        )
        a = assess_trade_secret(
            secret,
            as_of=ACT,
            measures=[make_measure(), make_measure(id="late", start="2025-07-01")],
        )

        text = explain(a, locale=locale, format=fmt)  # type: ignore[arg-type]
        assert ("商业秘密" if locale == "zh_CN" else "Trade-secret") in text
        assert "TS-CATHODE-01" in text

    def test_explain_zh_text(self, make_secret: Factory, make_measure: MeasureFactory) -> None:
        """The Chinese explanation names the statute by the act date."""
        a = assess_trade_secret(make_secret(), as_of="2025-11-01", measures=[make_measure()])

        text = explain(a, locale="zh_CN")
        assert "《反不正当竞争法（2025）》第十条" in text

    def test_json_round_trip(self, make_secret: Factory, make_measure: MeasureFactory) -> None:
        """Secrets and assessments survive JSON unchanged."""
        secret = make_secret(
            customer_information=CustomerInformation(elements=(CustomerElement.NAME,))
        )
        a = assess_trade_secret(secret, as_of=ACT, measures=[make_measure()])

        assert secret == from_json(to_json(secret), TradeSecret)
        assert a == from_json(to_json(a), Assessment)


_ORDER = {Outcome.NOT_MET: 0, Outcome.INSUFFICIENT_EVIDENCE: 1, Outcome.MET: 2}

measures_strategy = st.builds(
    ConfidentialityMeasure,
    id=st.text(alphabet="abcdef", min_size=1, max_size=4),
    kind=st.sampled_from(MeasureKind),
    start=st.dates(min_value=to_date("2020-01-01"), max_value=to_date("2026-12-31")),
    end=st.none() | st.dates(min_value=to_date("2027-01-01"), max_value=to_date("2030-01-01")),
    secret_ids=st.sampled_from([(), ("TS-CATHODE-01",), ("OTHER",)]),
    all_secrets=st.booleans(),
    evidence=st.sampled_from([(), ("e",)]),
    identifies_secret=st.booleans(),
)


class TestInvariants:
    @given(base=st.lists(measures_strategy, max_size=4), extra=measures_strategy)
    def test_adding_a_measure_never_hurts(
        self, base: list[ConfidentialityMeasure], extra: ConfidentialityMeasure
    ) -> None:
        """Adding a measure never makes the measures criterion worse."""
        secret = TradeSecret(
            id="TS-CATHODE-01",
            title="NCM cathode sintering curve",
            kind=SecretKind.TECHNICAL,
            carriers=(Carrier(id="S", kind=CarrierKind.SAMPLE),),
        )
        before = assess_trade_secret(secret, as_of=ACT, measures=base)
        after = assess_trade_secret(secret, as_of=ACT, measures=[*base, extra])

        assert (
            _ORDER[before.criterion("definition.reasonable_measures").outcome]
            <= _ORDER[after.criterion("definition.reasonable_measures").outcome]
        )


class TestProvenanceAndFactors:
    def test_missing_owner_and_formation_are_heuristics(
        self, make_secret: Factory, make_measure: MeasureFactory
    ) -> None:
        """No owner and no formation record before the act: two low library-policy findings."""
        a = assess_trade_secret(
            make_secret(owner="", formation=()), as_of=ACT, measures=[make_measure()]
        )

        provenance = [f for f in a.findings if f.code.startswith("definition.provenance.")]
        assert ["definition.provenance.no_owner", "definition.provenance.no_formation_records"] == [
            f.code for f in provenance
        ]
        assert {"library_policy"} == {f.tier.value for f in provenance}
        assert Outcome.MET == a.outcome

    def test_core_secret_single_kind_of_measure(
        self, make_secret: Factory, make_measure: MeasureFactory
    ) -> None:
        """Art. 5(2) value factor: a core secret with one kind of measure gets an info finding."""
        one = assess_trade_secret(make_secret(), as_of=ACT, measures=[make_measure()])
        two = assess_trade_secret(
            make_secret(),
            as_of=ACT,
            measures=[make_measure(), make_measure(id="M2", kind=MeasureKind.ENCRYPTION)],
        )

        flag = next(f for f in one.all_findings() if f.code == "definition.factor.value")
        assert (1, 2) == (flag.arg("items"), flag.arg("minimum"))
        assert ["spc-ts@2020-09-10:5.2", "tradesecret-policy@2026-11-21"] == [
            c.id for c in flag.citations
        ]
        assert ["definition.core_min_measure_items"] == [
            p.name for p in one.criterion("definition.reasonable_measures").parameters
        ]
        assert Outcome.MET == one.outcome
        assert "definition.factor.value" not in two.codes()


class TestBurdenShift:
    def test_aucl_2019_art_32(self, make_secret: Factory, make_measure: MeasureFactory) -> None:
        """With measures shown, AUCL 2019 Art. 32(1) burden shifting is noted for acts before 2025-10-15."""
        a = assess_trade_secret(make_secret(), as_of="2025-10-14", measures=[make_measure()])

        finding = next(f for f in a.findings if f.code == "definition.burden.shift")
        assert "aucl@2019-04-23:32.1" == finding.citations[0].id

    def test_aucl_2025_article_39(self, make_secret: Factory, make_measure: MeasureFactory) -> None:
        """For later acts the burden shift is AUCL 2025 Art. 39 (V2, same wording as Art. 32)."""
        a = assess_trade_secret(make_secret(), as_of="2025-10-15", measures=[make_measure()])

        finding = next(f for f in a.findings if f.code == "definition.burden.shift")
        assert "aucl@2025-06-27:39.1" == finding.citations[0].id
        assert "V2" == a.parameters[1].status.value

    def test_not_noted_without_measures(self, make_secret: Factory) -> None:
        """No measures shown, no burden shift."""
        a = assess_trade_secret(make_secret(), as_of=ACT)

        assert "definition.burden.shift" not in a.codes()


class TestBatch:
    def test_batch_equals_single(self, make_secret: Factory, make_measure: MeasureFactory) -> None:
        """assess_trade_secrets gives the same assessments as one call per secret."""
        secrets = [make_secret(), make_secret(id="TS-2")]
        measures = [make_measure(), make_measure(id="M2", secret_ids=("TS-2",), evidence=())]

        assert tuple(
            assess_trade_secret(s, as_of=ACT, measures=measures) for s in secrets
        ) == assess_trade_secrets(secrets, measures, as_of=ACT)
