"""Unknown facts and the two wrong answers of issue 12, from SPC 2020 Arts. 1(3), 2, 3-7 and SPC 2007 Art. 13."""

from __future__ import annotations

import pytest

from tradesecret import Outcome, explain
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
from tradesecret.money import Money

ACT = "2025-06-01"
SECRECY = "definition.not_publicly_known"
VALUE = "definition.commercial_value"
MEASURES = "definition.reasonable_measures"
CUSTOMER = "definition.customer_information"


def nda(**overrides: object) -> ConfidentialityMeasure:
    """An evidenced agreement naming the secret, from 2019."""
    values: dict[str, object] = {
        "id": "M-NDA",
        "kind": MeasureKind.CONFIDENTIALITY_AGREEMENT,
        "start": "2019-03-01",
        "secret_ids": ("TS-1",),
        "evidence": ("signed.pdf",),
        "identifies_secret": True,
    }
    values.update(overrides)
    return ConfidentialityMeasure(**values)  # type: ignore[arg-type]


def secret(**overrides: object) -> TradeSecret:
    """A technical secret with one point and stated value evidence."""
    values: dict[str, object] = {
        "id": "TS-1",
        "title": "sintering curve",
        "kind": SecretKind.TECHNICAL,
        "owner": "Example Co.",
        "points": (SecretPoint(id="P1", description="780-800 C for 11 h"),),
        "value_evidence": (ValueEvidence(kind=ValueKind.RD_COST, amount=Money("1000000")),),
        "secrecy_evidence": ("SEARCH-1",),
    }
    values.update(overrides)
    return TradeSecret(**values)  # type: ignore[arg-type]


def customer_list(info: object = UNKNOWN) -> TradeSecret:
    """A customer list with revenue evidence (the shape of issue 12's example)."""
    return secret(
        kind=SecretKind.BUSINESS,
        subtypes=(SecretSubtype.CUSTOMER_LIST,),
        customer_information=info,
        value_evidence=(
            ValueEvidence(kind=ValueKind.REVENUE, amount=Money("3500000"), on="2024-12-31"),
        ),
    )


IDENTITY = CustomerInformation(
    elements=(CustomerElement.NAME, CustomerElement.ADDRESS, CustomerElement.CONTACT),
    customer_count=120,
)


class TestIdentityOnlyCustomerInformation:
    def test_names_and_contacts_alone_are_not_met(self) -> None:
        """SPC 2020 Art. 1(3): identity and contacts without trading information fail the customer criterion."""
        a = assess_trade_secret(customer_list(IDENTITY), as_of=ACT, measures=[nda()])

        c = a.criterion(CUSTOMER)
        assert Outcome.NOT_MET == c.outcome
        assert Outcome.NOT_MET == a.outcome
        finding = next(f for f in c.findings if f.code == "definition.customer.identity_only")
        assert "high" == finding.severity.value
        assert "spc-ts@2020-09-10:1.3" == finding.citations[0].id
        assert finding.binding
        # the three statutory elements themselves are met: the customer rule decides
        assert Outcome.MET == a.criterion(VALUE).outcome
        assert Outcome.MET == a.criterion(MEASURES).outcome

    def test_under_the_2007_interpretation(self) -> None:
        """SPC 2007 Art. 13(1) (before 2020-09-12): a customer list must be special information, so identity alone fails."""
        a = assess_trade_secret(
            customer_list(IDENTITY), as_of="2015-06-01", measures=[nda(start="2014-01-01")]
        )

        c = a.criterion(CUSTOMER)
        assert Outcome.NOT_MET == c.outcome
        finding = next(f for f in c.findings if f.code == "definition.customer.identity_only")
        assert ["spc-unfair-comp@2007-01-12:13.1"] == [x.id for x in finding.citations]

    def test_overlap_gives_one_finding_the_2020_one(self) -> None:
        """On 2022-03-19 both texts are law: one identity finding, resting on the 2020 provisions (their Art. 29)."""
        a = assess_trade_secret(customer_list(IDENTITY), as_of="2022-03-19", measures=[nda()])

        found = [f for f in a.all_findings() if f.code == "definition.customer.identity_only"]
        assert ["spc-ts@2020-09-10:1.3"] == [f.citations[0].id for f in found]

    def test_in_depth_elements_qualify(self) -> None:
        """Trading habits or contents make a qualifying compilation: the customer criterion is met."""
        info = CustomerInformation(elements=(CustomerElement.NAME, CustomerElement.CONTENTS))
        a = assess_trade_secret(customer_list(info), as_of=ACT, measures=[nda()])

        assert Outcome.MET == a.criterion(CUSTOMER).outcome
        assert Outcome.MET == a.outcome

    def test_elements_not_stated_are_undetermined(self) -> None:
        """Customer information whose contents are not stated: undetermined, naming the fact."""
        a = assess_trade_secret(customer_list(), as_of=ACT, measures=[nda()])

        c = a.criterion(CUSTOMER)
        assert Outcome.INSUFFICIENT_EVIDENCE == c.outcome
        assert "customer_information.elements" == a.missing()[0].fact
        assert Outcome.INSUFFICIENT_EVIDENCE == a.outcome

    def test_long_term_rule_only_from_2020_09_12(self) -> None:
        """SPC 2020 Art. 2(1) did not exist on 2020-09-11 (the 2007 text counted long-term customers)."""
        info = CustomerInformation(
            elements=(CustomerElement.NAME, CustomerElement.TRADING_HABITS),
            relies_on_long_term_relationship_only=True,
        )
        before = assess_trade_secret(customer_list(info), as_of="2020-09-11", measures=[nda()])
        on = assess_trade_secret(customer_list(info), as_of="2020-09-12", measures=[nda()])

        assert Outcome.MET == before.criterion(CUSTOMER).outcome
        assert Outcome.NOT_MET == on.criterion(CUSTOMER).outcome
        assert "definition.customer.long_term_only" in on.codes()

    def test_no_customer_rule_before_2007(self) -> None:
        """Before 2007-02-01 no interpretation said what customer information qualifies: not applicable, said so."""
        a = assess_trade_secret(
            customer_list(IDENTITY), as_of="2007-01-31", measures=[nda(start="2006-01-01")]
        )

        c = a.criterion(CUSTOMER)
        assert Outcome.NOT_APPLICABLE == c.outcome
        assert "definition.customer.no_rule" == c.findings[0].code
        assert "aucl@1993-09-02:10" == c.findings[0].citations[0].id


class TestWholeExposure:
    @pytest.mark.parametrize("points", [(), (SecretPoint(id="P1", description="x"),)])
    def test_confirmed_general_knowledge_of_the_whole_is_not_met(
        self, points: tuple[SecretPoint, ...]
    ) -> None:
        """SPC 2020 Art. 4(1) item 1: a confirmed exposure of the whole secret defeats secrecy, points or not."""
        exposure = PublicExposure(id="E", kind=ExposureKind.GENERAL_KNOWLEDGE, on="2020-01-01")
        a = assess_trade_secret(secret(points=points, exposures=(exposure,)), as_of=ACT)

        c = a.criterion(SECRECY)
        assert Outcome.NOT_MET == c.outcome
        assert "definition.secrecy.item1" in {f.code for f in c.findings}

    def test_alleged_whole_exposure_without_points_stays_insufficient(self) -> None:
        """Without points and with only an alleged exposure, the content is still unspecified (Art. 27)."""
        exposure = PublicExposure(
            id="E", kind=ExposureKind.PUBLICATION, on="2020-01-01", confirmed=False
        )
        a = assess_trade_secret(secret(points=(), exposures=(exposure,)), as_of=ACT)

        assert Outcome.INSUFFICIENT_EVIDENCE == a.criterion(SECRECY).outcome


class TestUnknownFacts:
    def test_exposure_date_not_stated(self) -> None:
        """A confirmed publication of the whole secret with no date: undetermined, naming the date and both answers."""
        exposure = PublicExposure(id="E", kind=ExposureKind.PUBLICATION)
        a = assess_trade_secret(secret(exposures=(exposure,)), as_of=ACT, measures=[nda()])

        c = a.criterion(SECRECY)
        assert Outcome.INSUFFICIENT_EVIDENCE == c.outcome
        (row,) = c.open
        assert ("exposures[0].on",) == row.facts
        assert (Outcome.NOT_MET, Outcome.MET) == (row.if_holds, row.otherwise)
        assert "exposures[0].on" == a.missing()[0].fact
        assert Outcome.INSUFFICIENT_EVIDENCE == a.outcome

    def test_undated_exposure_does_not_matter_once_decided(self) -> None:
        """A dated confirmed exposure of the whole decides secrecy whatever the undated one's date."""
        dated = PublicExposure(id="D", kind=ExposureKind.PATENT, on="2021-01-01")
        undated = PublicExposure(id="U", kind=ExposureKind.EXHIBITION, covers=("P1",))
        a = assess_trade_secret(secret(exposures=(dated, undated)), as_of=ACT)

        c = a.criterion(SECRECY)
        assert Outcome.NOT_MET == c.outcome
        assert not any(u.decisive for u in c.open)

    def test_product_observation_nature_not_stated(self) -> None:
        """Item 2 needs observation to reveal only simple features: unstated, it is undetermined."""
        exposure = PublicExposure(id="E", kind=ExposureKind.PRODUCT_OBSERVATION, on="2021-01-01")
        a = assess_trade_secret(secret(exposures=(exposure,)), as_of=ACT)

        c = a.criterion(SECRECY)
        assert Outcome.INSUFFICIENT_EVIDENCE == c.outcome
        assert ("exposures[0].simple_features_only",) == c.open[0].facts

    def test_value_evidence_not_stated(self) -> None:
        """Value evidence not stated is undetermined and listed; stated as none is unproven with a high finding."""
        unstated = assess_trade_secret(secret(value_evidence=UNKNOWN), as_of=ACT)
        none = assess_trade_secret(secret(value_evidence=()), as_of=ACT)

        assert Outcome.INSUFFICIENT_EVIDENCE == unstated.criterion(VALUE).outcome
        assert ("value_evidence",) == unstated.criterion(VALUE).open[0].facts
        assert "definition.value.no_evidence" not in unstated.codes()
        assert "definition.value.no_evidence" in none.codes()
        assert () == none.criterion(VALUE).open

    def test_measure_evidence_not_stated(self) -> None:
        """A measure whose evidence is not stated leaves the measures element undetermined, naming it."""
        a = assess_trade_secret(secret(), as_of=ACT, measures=[nda(evidence=UNKNOWN)])

        c = a.criterion(MEASURES)
        assert Outcome.INSUFFICIENT_EVIDENCE == c.outcome
        assert ("measures[M-NDA].evidence",) == c.open[0].facts
        assert (Outcome.INSUFFICIENT_EVIDENCE, Outcome.MET) == (
            c.open[0].if_holds,
            c.open[0].otherwise,
        )

    def test_unknown_measure_beside_a_proven_one_changes_nothing(self) -> None:
        """With one proven, specific measure the element is met whatever a second measure's unknowns are."""
        other = nda(id="M-2", kind=MeasureKind.MARKING, evidence=UNKNOWN, identifies_secret=UNKNOWN)
        a = assess_trade_secret(secret(), as_of=ACT, measures=[nda(), other])

        c = a.criterion(MEASURES)
        assert Outcome.MET == c.outcome
        assert () == c.open

    def test_correspondence_not_stated(self) -> None:
        """A company-wide measure whose correspondence to the secret is not stated: undetermined (Art. 5(2))."""
        wide = nda(secret_ids=(), all_secrets=True, identifies_secret=UNKNOWN)
        a = assess_trade_secret(secret(), as_of=ACT, measures=[wide])

        c = a.criterion(MEASURES)
        assert Outcome.INSUFFICIENT_EVIDENCE == c.outcome
        assert ("measures[M-NDA].identifies_secret",) == c.open[0].facts

    @pytest.mark.parametrize("locale", ["zh_CN", "en"])
    def test_explain_lists_what_is_missing(self, locale: str) -> None:
        """The explanation starts with the missing facts, in both languages."""
        a = assess_trade_secret(secret(value_evidence=UNKNOWN), as_of=ACT, measures=[nda()])

        text = explain(a, locale=locale)
        label = "商业价值证据" if locale == "zh_CN" else "evidence of commercial value"
        assert label in text
        criteria = "要件与因素" if locale == "zh_CN" else "Criteria and factors"
        assert text.index(label) < text.rindex(criteria)
