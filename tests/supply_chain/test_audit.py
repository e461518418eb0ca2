"""Factory audit: the three steps, the three high-risk types, thresholds as parameters."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from tradesecret.dates import to_date
from tradesecret.exceptions import FloatNotAllowedError, InvalidInputError
from tradesecret.i18n import explain
from tradesecret.money import Money
from tradesecret.results import Assessment, Outcome, Severity
from tradesecret.rulebook import Rulebook
from tradesecret.serialization import from_json, to_json
from tradesecret.supply_chain import (
    FactoryProfile,
    LabResult,
    LiveVideo,
    audit_factory,
    outstanding_checks,
    red_flags,
)

AS_OF = "2026-06-30"


@pytest.fixture
def clean() -> FactoryProfile:
    """A factory that passes every check."""
    return FactoryProfile(
        factory_id="F-A",
        name="Factory A",
        live_video=LiveVideo.WATERMARKED,
        utility_bill_months=3,
        equipment_contracts=True,
        address_verified=True,
        sample_approvals=2,
        claims_samples_compliant=True,
        test_reports_provided=True,
        test_results=(LabResult(name="noise", limit=Decimal("35"), measured=Decimal("33")),),
        preproduction_signoff=True,
        trade_secret_disputes=0,
        leak_complaints=0,
        quoted_unit_price=Money("28"),
        market_unit_price=Money("30"),
        certification_cases=(to_date("2026-03-01"),),
        certification_answers_vague=False,
        min_batch_units=3000,
    )


def audit(profile: FactoryProfile, **kw: object) -> Assessment:
    return audit_factory(profile, as_of=AS_OF, **kw)  # type: ignore[arg-type]


def outcome(a: Assessment, name: str) -> Outcome:
    return a.criterion(f"supply_chain.audit.{name}").outcome


class TestWholeAudit:
    def test_clean_factory_passes(self, clean: FactoryProfile) -> None:
        """Every fact checked and fine: met, no findings."""
        a = audit(clean)

        assert Outcome.MET == a.outcome
        assert frozenset() == a.codes()
        assert 6 == len(a.criteria)

    def test_nothing_checked(self) -> None:
        """A bare profile: insufficient evidence, and every fact is an outstanding check."""
        a = audit(FactoryProfile(factory_id="F-X", name="X"))

        assert Outcome.INSUFFICIENT_EVIDENCE == a.outcome
        assert {
            "live_video",
            "utility_bills",
            "equipment_contracts",
            "address",
            "price",
            "sample_approvals",
            "test_reports",
            "signoff",
            "pilot_batch",
            "certification_cases",
            "certification_answers",
            "disputes",
            "complaints",
        } == set(outstanding_checks(a))
        assert () == red_flags(a)

    def test_outstanding_checks_sit_with_their_risk(self) -> None:
        """The trading-company criterion names its own unchecked facts (video, prices), undetermined."""
        a = audit(FactoryProfile(factory_id="F-X", name="X"))
        c = a.criterion("supply_chain.audit.risk.trading_company")

        assert Outcome.INSUFFICIENT_EVIDENCE == c.outcome
        assert {"live_video", "quoted_unit_price", "market_unit_price"} == {
            m.fact for m in c.missing()
        }
        assert () == c.findings

    def test_a_red_flag_decides_its_risk_despite_unknowns(self) -> None:
        """A refused live video indicates the trading-company risk whatever the prices are."""
        a = audit(FactoryProfile(factory_id="F-X", name="X", live_video=LiveVideo.REFUSED))

        assert Outcome.NOT_MET == a.criterion("supply_chain.audit.risk.trading_company").outcome
        assert "F-X" == red_flags(a)[0].subject

    def test_cites_policy_and_practice_only(self, clean: FactoryProfile) -> None:
        """The audit is practice and library policy, never presented as law."""
        a = audit(clean)

        assert ["tradesecret-policy@2026-11-21", "common-practice@2026-11-21"] == [
            c.id for c in a.citations
        ]
        assert not a.binding

    def test_json_and_explain(self, clean: FactoryProfile) -> None:
        """The profile and the report round-trip; the report renders in both languages."""
        bad = attrs.evolve(clean, live_video=LiveVideo.REFUSED, quoted_unit_price=Money("20"))
        a = audit(bad)

        assert bad == from_json(to_json(bad), FactoryProfile)
        assert a == from_json(to_json(a), Assessment)
        zh, en = explain(a, locale="zh_CN"), explain(a, locale="en", format="markdown")
        assert "工厂审核" in zh and "拒绝提供实时车间视频" in zh and "不预先通知的实地考察" in zh
        assert (
            "## Factory audit — F-A" in en and "66.67%" in en and "Visit the site unannounced" in en
        )


class TestTradingCompany:
    def test_refuses_live_video(self, clean: FactoryProfile) -> None:
        """Refusing real-time workshop video is a red flag with its mitigations."""
        a = audit(attrs.evolve(clean, live_video=LiveVideo.REFUSED))
        (flag,) = red_flags(a)

        assert "supply_chain.audit.red_flag.refuses_live_video" == flag.code
        assert Severity.HIGH == flag.severity
        assert (
            "supply_chain.remedy.unannounced_visit",
            "supply_chain.remedy.contract_with_manufacturer",
        ) == flag.remedies
        assert (
            Outcome.NOT_MET
            == outcome(a, "risk.trading_company")
            == outcome(a, "step.qualifications")
            == a.outcome
        )

    def test_video_without_watermark_is_not_a_red_flag(self, clean: FactoryProfile) -> None:
        """A video without name and time watermark fails qualifications but is no red flag."""
        a = audit(attrs.evolve(clean, live_video=LiveVideo.NO_WATERMARK))

        assert () == red_flags(a)
        assert {"supply_chain.audit.check.video_no_watermark"} == a.codes()
        assert Outcome.MET == outcome(a, "risk.trading_company")

    def test_issue_price_example(self, clean: FactoryProfile) -> None:
        """RMB 20 against a market RMB 30 is flagged."""
        a = audit(attrs.evolve(clean, quoted_unit_price=Money("20")))

        assert ["supply_chain.audit.red_flag.quote_below_market"] == [f.code for f in red_flags(a)]

    @pytest.mark.parametrize(
        ("quote", "flagged"), [("24.00", False), ("23.99", True), ("30", False), ("45", False)]
    )
    def test_price_floor_boundary(self, clean: FactoryProfile, quote: str, flagged: bool) -> None:
        """The floor is 80 % of market: RMB 24.00 of 30 passes, RMB 23.99 is flagged."""
        a = audit(attrs.evolve(clean, quoted_unit_price=Money(quote)))

        assert flagged == bool(red_flags(a))

    def test_price_floor_is_a_parameter(self, clean: FactoryProfile, rb: Rulebook) -> None:
        """A user rulebook raising the floor to 95 % flags a 28-of-30 quote."""
        custom = rb.extended(
            """
[[parameter]]
name = "supply_chain.audit.price_floor_ratio"
unit = "ratio"
label_zh = "报价警戒比例"
label_en = "Quote floor"
last_reviewed = 2026-11-21
[[parameter.value]]
since = 2000-01-01
value = 0.95
cite = ["tradesecret-policy@2026-11-21"]
status = "DERIVED"
"""
        )
        a = audit(clean, rulebook=custom)

        assert ["supply_chain.audit.red_flag.quote_below_market"] == [f.code for f in red_flags(a)]
        assert (
            Decimal("0.95")
            == next(p for p in a.parameters if p.name.endswith("price_floor_ratio")).value
        )

    @pytest.mark.parametrize(("months", "short"), [(2, True), (3, False)])
    def test_utility_bills(self, clean: FactoryProfile, months: int, short: bool) -> None:
        """Three months of bills are required."""
        a = audit(attrs.evolve(clean, utility_bill_months=months))

        assert short == ("supply_chain.audit.check.utility_bills_short" in a.codes())

    @pytest.mark.parametrize(
        ("field", "code"),
        [
            ("equipment_contracts", "supply_chain.audit.check.no_equipment_contracts"),
            ("address_verified", "supply_chain.audit.check.address_unverified"),
        ],
    )
    def test_qualification_documents(self, clean: FactoryProfile, field: str, code: str) -> None:
        """Missing equipment contracts or an unverified address fail the qualifications step."""
        a = audit(attrs.evolve(clean, **{field: False}))  # type: ignore[arg-type]

        assert {code} == a.codes()
        assert Outcome.NOT_MET == outcome(a, "step.qualifications")


class TestPoorQualityControl:
    def test_claims_compliance_but_refuses_reports(self, clean: FactoryProfile) -> None:
        """Saying samples comply while refusing test reports is the issue's red flag."""
        a = audit(attrs.evolve(clean, test_reports_provided=False, test_results=()))

        assert ["supply_chain.audit.red_flag.claims_without_test_reports"] == [
            f.code for f in red_flags(a)
        ]
        assert Outcome.NOT_MET == outcome(a, "risk.poor_quality_control")

    def test_refuses_reports_without_claim(self, clean: FactoryProfile) -> None:
        """Refusing reports without any compliance claim is still a red flag."""
        a = audit(
            attrs.evolve(
                clean, claims_samples_compliant=False, test_reports_provided=False, test_results=()
            )
        )

        assert ["supply_chain.audit.red_flag.refuses_test_reports"] == [
            f.code for f in red_flags(a)
        ]

    def test_refuses_signoff(self, clean: FactoryProfile) -> None:
        """Refusing pre-production sample sign-off is a red flag."""
        a = audit(attrs.evolve(clean, preproduction_signoff=False))

        assert ["supply_chain.audit.red_flag.refuses_signoff"] == [f.code for f in red_flags(a)]

    @pytest.mark.parametrize(("measured", "failed"), [("35", False), ("35.1", True)])
    def test_noise_limit_boundary(self, clean: FactoryProfile, measured: str, failed: bool) -> None:
        """Noise at exactly 35 dB meets a 35 dB limit; 35.1 dB fails."""
        result = LabResult(name="noise", limit=Decimal("35"), measured=Decimal(measured))
        a = audit(attrs.evolve(clean, test_results=(result,)))

        assert failed == ("supply_chain.audit.red_flag.test_failed" in a.codes())

    @pytest.mark.parametrize(("count", "few"), [(0, True), (1, False)])
    def test_sample_approvals(self, clean: FactoryProfile, count: int, few: bool) -> None:
        """At least one customer-signed pre-production approval is required."""
        a = audit(attrs.evolve(clean, sample_approvals=count))

        assert few == ("supply_chain.audit.check.few_sample_approvals" in a.codes())

    @pytest.mark.parametrize(("batch", "ok"), [(3000, True), (5000, True), (5001, False)])
    def test_pilot_batch_boundary(self, clean: FactoryProfile, batch: int, ok: bool) -> None:
        """A minimum batch up to 5,000 units allows a small pilot; 5,001 does not."""
        a = audit(attrs.evolve(clean, min_batch_units=batch))

        assert ok == ("supply_chain.audit.check.no_small_pilot" not in a.codes())


class TestCertification:
    @pytest.mark.parametrize(("case_day", "counts"), [("2025-12-30", True), ("2025-12-29", False)])
    def test_six_month_window_boundary(
        self, clean: FactoryProfile, case_day: str, counts: bool
    ) -> None:
        """A case on 2025-12-30 is within six months of 2026-06-30 (term_end); 2025-12-29 is not."""
        a = audit(attrs.evolve(clean, certification_cases=(to_date(case_day),)))

        assert (not counts) == ("supply_chain.audit.red_flag.no_certification_cases" in a.codes())

    def test_no_cases_at_all(self, clean: FactoryProfile) -> None:
        """No certification case: red flag with both mitigations."""
        a = audit(attrs.evolve(clean, certification_cases=()))
        (flag,) = red_flags(a)

        assert (0, 6, 1) == (flag.arg("count"), flag.arg("months"), flag.arg("required"))
        assert (
            "supply_chain.remedy.own_certification_agent",
            "supply_chain.remedy.delay_penalty_clause",
        ) == flag.remedies
        assert Outcome.NOT_MET == outcome(a, "risk.weak_certification")

    def test_vague_answers(self, clean: FactoryProfile) -> None:
        """Vague answers on certification are a red flag."""
        a = audit(attrs.evolve(clean, certification_answers_vague=True))

        assert ["supply_chain.audit.red_flag.vague_certification_answers"] == [
            f.code for f in red_flags(a)
        ]

    def test_future_case_rejected(self, clean: FactoryProfile) -> None:
        """A case dated after the audit is an input error."""
        with pytest.raises(InvalidInputError):
            audit(attrs.evolve(clean, certification_cases=(to_date("2026-07-01"),)))


class TestReputation:
    @pytest.mark.parametrize(
        ("field", "code"),
        [
            ("trade_secret_disputes", "supply_chain.audit.check.trade_secret_disputes"),
            ("leak_complaints", "supply_chain.audit.check.leak_complaints"),
        ],
    )
    def test_any_record_is_reported(self, clean: FactoryProfile, field: str, code: str) -> None:
        """One public dispute record or leak complaint fails the reputation step."""
        a = audit(attrs.evolve(clean, **{field: 1}))  # type: ignore[arg-type]

        assert {code} == a.codes()
        assert Outcome.NOT_MET == outcome(a, "step.reputation")


class TestProfileValidation:
    def test_float_reading_refused(self) -> None:
        """A lab reading given as a float is refused."""
        with pytest.raises(FloatNotAllowedError):
            LabResult(name="noise", limit=35, measured=33.5)

    def test_problems_collected(self) -> None:
        """Negative counts, zero prices and mixed currencies are reported together."""
        with pytest.raises(InvalidInputError) as info:
            FactoryProfile(
                factory_id="F",
                name="F",
                utility_bill_months=-1,
                quoted_unit_price=Money("0"),
                market_unit_price=Money("30", "USD"),
            )

        assert {"utility_bill_months", "quoted_unit_price", "market_unit_price"} == {
            p.path for p in info.value.problems
        }

    def test_lab_result_paths(self) -> None:
        """An unreadable lab limit is reported under its own field name."""
        with pytest.raises(InvalidInputError) as info:
            LabResult(name="noise", limit="35 dB", measured=Decimal("33"))

        assert "limit" == info.value.field

    def test_audit_inputs_listed_together(self, clean: FactoryProfile) -> None:
        """A bad as_of and a wrong profile type are one error with two paths."""
        with pytest.raises(InvalidInputError) as info:
            audit_factory({"factory_id": "F"}, as_of="30 June")  # type: ignore[arg-type]

        assert ["as_of", "profile"] == [p.path for p in info.value.problems]

    def test_cases_as_iso_text(self, clean: FactoryProfile) -> None:
        """Certification case dates may be ISO text; unreadable ones are each reported."""
        profile = attrs.evolve(clean, certification_cases=("2026-03-01",))
        with pytest.raises(InvalidInputError) as info:
            attrs.evolve(clean, certification_cases=("March", "2026-02-30"))

        assert (to_date("2026-03-01"),) == profile.certification_cases
        assert ["certification_cases[0]", "certification_cases[1]"] == [
            p.path for p in info.value.problems
        ]
