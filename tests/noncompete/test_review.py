"""review_noncompete: every finding against the legal text, with tiers and numbers."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from tradesecret import explain
from tradesecret.dates import to_date
from tradesecret.definition import AccessGrant, SecretKind, TradeSecret, registry_from
from tradesecret.exceptions import InvalidInputError, OutOfCoverageError
from tradesecret.law import Authority, Tier
from tradesecret.money import Money, Ratio
from tradesecret.noncompete import (
    ActivationDecision,
    CompensationBasis,
    CompensationTerms,
    EmployeeFacts,
    KnownSecret,
    NonCompeteAgreement,
    PaymentTiming,
    PenaltyBasis,
    PenaltyTerms,
    PersonnelCategory,
    RegionExtent,
    TerminationAgreement,
    TerminationManner,
    WageRecord,
    compensation_floor,
    employer_release,
    review_noncompete,
    review_penalty,
)
from tradesecret.results import Assessment, Finding, Outcome, Severity
from tradesecret.serialization import from_json, to_json

Emp = Callable[..., EmployeeFacts]
Agr = Callable[..., NonCompeteAgreement]
Wages = Callable[[str, int, str], tuple[WageRecord, ...]]

AS_OF = "2025-10-01"
GOOD_PAY = CompensationTerms(
    basis=CompensationBasis.MONTHLY_AMOUNT,
    monthly_amount=Money("10000"),
    timing=PaymentTiming.MONTHLY_AFTER_TERMINATION,
)


def finding(a: Assessment, code: str) -> Finding:
    """The finding with ``code``."""
    found = [f for f in a.all_findings() if f.code == code]
    assert found, f"{code} not in {sorted(a.codes())}"
    return found[0]


def sound(make_agreement: Agr, **overrides: object) -> NonCompeteAgreement:
    """An agreement with nothing to criticise: 10,000 a month for 18 months, penalty 3x."""
    values: dict[str, object] = {
        "compensation": GOOD_PAY,
        "penalty": PenaltyTerms(
            basis=PenaltyBasis.MULTIPLE_OF_TOTAL_COMPENSATION, multiple=Decimal(3)
        ),
    }
    values.update(overrides)
    return make_agreement(**values)


class TestSoundAgreement:
    def test_only_information(self, make_employee: Emp, make_agreement: Agr) -> None:
        """A proportionate, paid, 18-month agreement: every criterion met, info findings only."""
        a = review_noncompete(sound(make_agreement), make_employee(), as_of=AS_OF)
        assert Outcome.MET == a.outcome
        assert "noncompete" == a.kind
        assert [Outcome.MET] * 7 == [c.outcome for c in a.criteria]
        assert Severity.INFO == a.worst_severity()
        assert {
            "noncompete.eligibility.eligible",
            "noncompete.penalty.reduction_factors",
            "noncompete.activation.survives_termination",
        } == a.codes()

    def test_explain_and_json(self, make_employee: Emp, make_agreement: Agr) -> None:
        """The assessment renders in both languages and round-trips as JSON."""
        a = review_noncompete(sound(make_agreement), make_employee(), as_of=AS_OF)
        assert "竞业限制协议审查" in explain(a, locale="zh_CN")
        assert "Non-compete review" in explain(a, locale="en", format="markdown")
        assert a == from_json(to_json(a), Assessment)

    def test_before_the_lcl_out_of_coverage(self, make_employee: Emp, make_agreement: Agr) -> None:
        """Reviews before the LCL took effect (2008-01-01) are out of coverage; 2020 reviews."""
        with pytest.raises(OutOfCoverageError):
            review_noncompete(make_agreement(), make_employee(), as_of="2007-12-31")
        a = review_noncompete(make_agreement(), make_employee(), as_of="2020-12-31")
        assert "spc-labor-1@2020-12-29:36" not in {c.id for c in a.citations}

    def test_interp2_not_yet_in_force(
        self, make_employee: Emp, make_agreement: Agr, make_wages: Wages
    ) -> None:
        """A review dated before 2025-09-01 says Interpretation (II) was not yet in force."""
        emp = make_employee(termination_date=None, wages=make_wages("2024-05-01", 12, "20000"))
        a = review_noncompete(sound(make_agreement), emp, as_of="2025-06-01")
        assert "noncompete.review.interp2_not_in_force" in a.codes()


class TestParties:
    def test_agreement_for_another_person_is_an_input_error(
        self, make_employee: Emp, make_agreement: Agr
    ) -> None:
        """An agreement binding E-999 reviewed with E-001's facts: refused, not silently wrong."""
        nc = make_agreement(employee="E-999")
        calls = (
            lambda: review_noncompete(nc, make_employee(), as_of=AS_OF),
            lambda: review_penalty(nc, make_employee(), as_of=AS_OF),
            lambda: compensation_floor(nc, make_employee(), as_of=AS_OF),
            lambda: employer_release(
                nc, make_employee(), release_date="2026-01-10", as_of="2026-01-10"
            ),
        )
        for call in calls:
            with pytest.raises(InvalidInputError) as err:
                call()
            assert [("agreement.employee", '"E-999"')] == [
                (p.path, p.value) for p in err.value.problems
            ]


class TestGuidanceDated:
    def test_findings_before_the_guidelines_do_not_cite_them(
        self, make_employee: Emp, make_agreement: Agr, make_wages: Wages
    ) -> None:
        """Reviewed on 2025-06-01: 20 % agreed is flagged on library policy, not on §13."""
        emp = make_employee(termination_date=None, wages=make_wages("2024-05-01", 12, "20000"))
        nc = sound(
            make_agreement,
            compensation=CompensationTerms(basis=CompensationBasis.WAGE_RATIO, ratio=Ratio("0.2")),
            release_unpaid_months=6,
            necessity_assessed=False,
        )
        a = review_noncompete(nc, emp, as_of="2025-06-01")
        cited = {c.id for f in a.all_findings() for c in f.citations}
        cited |= {c.id for c in a.citations}
        cited |= {c.id for cr in a.criteria for c in cr.citations}
        assert not any(c.startswith("mohrss-nc-guide") for c in cited)
        f = finding(a, "noncompete.compensation.below_default")
        assert (["tradesecret-policy@2026-11-21"], Tier.LIBRARY_POLICY) == (
            [c.id for c in f.citations],
            f.tier,
        )
        later = review_noncompete(nc, make_employee(), as_of=AS_OF)
        g = finding(later, "noncompete.compensation.below_default")
        assert ["mohrss-nc-guide@2025-09-12:13"] == [c.id for c in g.citations]

    def test_binding_citations_are_kept(self, make_employee: Emp, make_agreement: Agr) -> None:
        """General staff reviewed on 2025-06-01: LCL Art. 24(1) and typical cases, no §7."""
        emp = make_employee(
            category=PersonnelCategory.GENERAL_STAFF, termination_date=None, wages=()
        )
        a = review_noncompete(make_agreement(), emp, as_of="2025-06-01")
        f = finding(a, "noncompete.eligibility.general_staff")
        assert [
            "lcl@2012-12-28:24.1",
            "spc-mohrss-typical-4@2025-04-16",
            "spc-labor-typical@2024-04-30",
        ] == [c.id for c in f.citations]


class TestEligibility:
    def test_general_staff(self, make_employee: Emp, make_agreement: Agr) -> None:
        """General staff cannot be bound (LCL Art. 24(1)); the clause does not bind."""
        emp = make_employee(category=PersonnelCategory.GENERAL_STAFF, role="Security guard")
        a = review_noncompete(make_agreement(), emp, as_of=AS_OF)
        f = finding(a, "noncompete.eligibility.general_staff")
        assert (Severity.HIGH, Tier.LAW, True) == (f.severity, f.tier, f.binding)
        assert {
            "lcl@2012-12-28:24.1",
            "mohrss-nc-guide@2025-09-12:7",
            "spc-mohrss-typical-4@2025-04-16",
            "spc-labor-typical@2024-04-30",
        } == {c.id for c in f.citations}
        assert Outcome.NOT_MET == a.outcome
        assert Outcome.NOT_MET == a.criterion("noncompete.criterion.eligibility").outcome

    def test_no_secrets_known_no_effect(self, make_employee: Emp, make_agreement: Agr) -> None:
        """No secret known or accessed: the clause has no effect (Interp. (II) Art. 13(1))."""
        a = review_noncompete(make_agreement(), make_employee(secrets_known=()), as_of=AS_OF)
        f = finding(a, "noncompete.eligibility.no_secrets_known")
        assert (Severity.CRITICAL, "spc-labor-2@2025-07-31:13.1") == (
            f.severity,
            f.citations[0].id,
        )
        assert f.binding
        assert Outcome.NOT_MET == a.outcome

    def test_reasons_not_disclosed_is_guidance(
        self, make_employee: Emp, make_agreement: Agr
    ) -> None:
        """Other confidentiality-bound staff not told why: a guidance finding, not binding."""
        emp = make_employee(category=PersonnelCategory.OTHER_CONFIDENTIALITY_BOUND)
        a = review_noncompete(sound(make_agreement), emp, as_of=AS_OF)
        f = finding(a, "noncompete.eligibility.reasons_not_disclosed")
        assert (Severity.MEDIUM, Authority.GUIDANCE) == (f.severity, f.authority)
        told = make_employee(
            category=PersonnelCategory.OTHER_CONFIDENTIALITY_BOUND, told_reasons_and_secrets=True
        )
        b = review_noncompete(sound(make_agreement), told, as_of=AS_OF)
        assert "noncompete.eligibility.reasons_not_disclosed" not in b.codes()
        on_agreement = sound(make_agreement, reasons_and_secrets_disclosed=True)
        c = review_noncompete(on_agreement, make_employee(category=told.category), as_of=AS_OF)
        assert "noncompete.eligibility.reasons_not_disclosed" not in c.codes()

    def test_senior_staff_need_no_disclosure_finding(
        self, make_employee: Emp, make_agreement: Agr
    ) -> None:
        """The disclosure finding concerns only staff outside the two senior categories."""
        emp = make_employee(category=PersonnelCategory.SENIOR_MANAGEMENT)
        a = review_noncompete(sound(make_agreement), emp, as_of=AS_OF)
        assert "noncompete.eligibility.reasons_not_disclosed" not in a.codes()

    def test_necessity_not_assessed(self, make_employee: Emp, make_agreement: Agr) -> None:
        """No necessity assessment on record: a low compliance finding citing the guidelines."""
        a = review_noncompete(
            sound(make_agreement, necessity_assessed=False), make_employee(), as_of=AS_OF
        )
        f = finding(a, "noncompete.eligibility.necessity_not_assessed")
        assert (Severity.LOW, Tier.ADMINISTRATIVE_GUIDANCE, False) == (
            f.severity,
            f.tier,
            f.binding,
        )
        assert ["mohrss-nc-guide@2025-09-12"] == [c.id for c in f.citations]
        assert Outcome.MET == a.criterion("noncompete.criterion.eligibility").outcome

    def test_secrets_from_registry(self, make_employee: Emp, make_agreement: Agr) -> None:
        """With a registry, its access grants count as secrets known (Art. 13(1) not triggered)."""
        registry = registry_from(
            [TradeSecret(id="TS-9", title="Formulation", kind=SecretKind.TECHNICAL)],
            [AccessGrant(person="E-001", secret_id="TS-9", granted="2022-01-01")],
        )
        emp = make_employee(secrets_known=())
        a = review_noncompete(sound(make_agreement), emp, as_of=AS_OF, registry=registry)
        assert "noncompete.eligibility.no_secrets_known" not in a.codes()
        assert ("TS-9",) == a.criterion("noncompete.criterion.eligibility").evidence
        nobody = review_noncompete(
            sound(make_agreement, employee="E-404"),
            make_employee(person_id="E-404", secrets_known=()),
            as_of=AS_OF,
            registry=registry,
        )
        assert "noncompete.eligibility.no_secrets_known" in nobody.codes()


class TestScope:
    def test_scope_beyond_secrets(self, make_employee: Emp, make_agreement: Agr) -> None:
        """Restricting solar panels when the secrets concern EV batteries: the excess is invalid."""
        nc = sound(make_agreement, business_lines=("EV batteries", "Solar panels"))
        a = review_noncompete(nc, make_employee(), as_of=AS_OF)
        f = finding(a, "noncompete.scope.exceeds_secrets")
        assert ("Solar panels", "EV batteries") == (f.arg("excess"), f.arg("covered"))
        assert ("spc-labor-2@2025-07-31:13.2", Severity.HIGH) == (f.citations[0].id, f.severity)
        assert Outcome.NOT_MET == a.criterion("noncompete.criterion.scope").outcome

    def test_period_beyond_relevance(self, make_employee: Emp, make_agreement: Agr) -> None:
        """Secrets relevant for 12 months against an 18-month period: Art. 13(2)."""
        emp = make_employee(
            secrets_known=(
                KnownSecret(id="TS-1", business_lines=("EV batteries",), relevance_months=12),
            )
        )
        f = finding(
            review_noncompete(sound(make_agreement), emp, as_of=AS_OF),
            "noncompete.scope.period_exceeds_relevance",
        )
        assert (18, 12) == (f.arg("months"), f.arg("relevance"))

    def test_region_beyond_secrets(self, make_employee: Emp, make_agreement: Agr) -> None:
        """Nationwide when the secrets matter in Shanghai and Suzhou: Art. 13(2)."""
        nc = sound(
            make_agreement, region_extent=RegionExtent.NATIONWIDE, region_reasons_stated=True
        )
        a = review_noncompete(nc, make_employee(), as_of=AS_OF)
        f = finding(a, "noncompete.scope.region_exceeds_secrets")
        assert "CN-JS-SU, CN-SH" == f.arg("covered")
        assert "noncompete.scope.broad_region_without_reasons" not in a.codes()

    def test_broad_region_without_reasons_is_not_binding(
        self, make_employee: Emp, make_agreement: Agr
    ) -> None:
        """Worldwide without stated reasons: a compliance finding resting on guidance."""
        nc = sound(make_agreement, region_extent=RegionExtent.WORLDWIDE)
        f = finding(
            review_noncompete(nc, make_employee(), as_of=AS_OF),
            "noncompete.scope.broad_region_without_reasons",
        )
        assert (False, Tier.ADMINISTRATIVE_GUIDANCE) == (f.binding, f.tier)

    def test_region_wider_than_operations(self, make_employee: Emp, make_agreement: Agr) -> None:
        """Restricting Beijing when the employer operates in Shanghai and Suzhou."""
        nc = sound(make_agreement, regions=("CN-SH", "CN-BJ"))
        f = finding(
            review_noncompete(nc, make_employee(), as_of=AS_OF),
            "noncompete.scope.region_wider_than_operations",
        )
        assert "CN-BJ" == f.arg("excess")

    def test_not_limited_to_competitors(self, make_employee: Emp, make_agreement: Agr) -> None:
        """Any employer at all, not only competitors: LCL Art. 24(2) and GC 190."""
        nc = sound(make_agreement, limited_to_competitors=False)
        f = finding(
            review_noncompete(nc, make_employee(), as_of=AS_OF),
            "noncompete.scope.not_limited_to_competitors",
        )
        assert {"lcl@2012-12-28:24.2", "gc-190@2022-12-08"} == {c.id for c in f.citations}

    def test_no_named_list(self, make_employee: Emp, make_agreement: Agr) -> None:
        """No named competitors: a low finding resting on the library's own advice only."""
        nc = sound(make_agreement, restricted_companies=())
        a = review_noncompete(nc, make_employee(), as_of=AS_OF)
        f = finding(a, "noncompete.scope.no_named_list")
        assert (Severity.LOW, False, Tier.LIBRARY_POLICY) == (f.severity, f.binding, f.tier)
        assert ["tradesecret-policy@2026-11-21"] == [c.id for c in f.citations]
        assert Outcome.MET == a.criterion("noncompete.criterion.scope").outcome
        assert "library's advice" in explain(a, locale="en")
        assert "本库的建议" in explain(a, locale="zh_CN")

    def test_secrets_without_business_is_insufficient(
        self, make_employee: Emp, make_agreement: Agr
    ) -> None:
        """Secrets that do not say what business they concern: insufficient evidence."""
        emp = make_employee(secrets_known=(KnownSecret(id="TS-1"),))
        a = review_noncompete(sound(make_agreement), emp, as_of=AS_OF)
        assert Outcome.INSUFFICIENT_EVIDENCE == a.criterion("noncompete.criterion.scope").outcome
        assert "noncompete.scope.secrets_not_described" in a.codes()

    def test_business_and_region_not_stated(self, make_employee: Emp, make_agreement: Agr) -> None:
        """No business lines and no region stated: LCL Art. 24(1) says they are agreed."""
        nc = sound(make_agreement, business_lines=(), region_extent=RegionExtent.NOT_STATED)
        a = review_noncompete(nc, make_employee(), as_of=AS_OF)
        assert {"noncompete.scope.business_not_stated", "noncompete.scope.region_not_stated"} <= (
            a.codes()
        )


class TestDuration:
    def test_above_24_months_excess_void(self, make_employee: Emp, make_agreement: Agr) -> None:
        """30 months agreed: the excess 6 months are void (LCL Art. 24(2))."""
        a = review_noncompete(
            sound(make_agreement, duration_months=30), make_employee(), as_of=AS_OF
        )
        f = finding(a, "noncompete.duration.exceeds_cap")
        assert (30, 24, 6) == (f.arg("months"), f.arg("cap"), f.arg("excess"))
        assert ("lcl@2012-12-28:24.2", Tier.LAW) == (f.citations[0].id, f.tier)

    def test_24_months_is_fine(self, make_employee: Emp, make_agreement: Agr) -> None:
        """Exactly 24 months does not exceed the cap."""
        nc = sound(
            make_agreement,
            duration_months=24,
            compensation=CompensationTerms(basis=CompensationBasis.WAGE_RATIO, ratio=Ratio("0.5")),
        )
        a = review_noncompete(nc, make_employee(), as_of=AS_OF)
        assert "noncompete.duration.exceeds_cap" not in a.codes()

    def test_in_service_valid_without_compensation(
        self, make_employee: Emp, make_agreement: Agr
    ) -> None:
        """An in-service restriction is valid without compensation (Interp. (II) Art. 14)."""
        nc = make_agreement(in_service=True, post_termination=False, duration_months=0)
        a = review_noncompete(nc, make_employee(termination_date=None), as_of=AS_OF)
        f = finding(a, "noncompete.duration.in_service_valid")
        assert "spc-labor-2@2025-07-31:14" == f.citations[0].id
        assert Outcome.NOT_APPLICABLE == a.criterion("noncompete.criterion.compensation").outcome

    def test_no_period_stated(self, make_employee: Emp, make_agreement: Agr) -> None:
        """A post-termination restriction without a period."""
        a = review_noncompete(
            sound(make_agreement, duration_months=0), make_employee(), as_of=AS_OF
        )
        f = finding(a, "noncompete.duration.not_stated")
        assert (Severity.MEDIUM, ["lcl@2012-12-28:24.1"]) == (
            f.severity,
            [c.id for c in f.citations],
        )
        assert Outcome.NOT_MET == a.criterion("noncompete.criterion.duration").outcome


class TestCompensation:
    def test_none_agreed_default_applies(self, make_employee: Emp, make_agreement: Agr) -> None:
        """Nothing agreed: the clause stands and the default applies (6,000.00 x 18)."""
        a = review_noncompete(make_agreement(), make_employee(), as_of=AS_OF)
        f = finding(a, "noncompete.compensation.none_agreed")
        assert (Severity.MEDIUM, True, Ratio("0.30")) == (f.severity, f.binding, f.arg("ratio"))
        d = finding(a, "noncompete.compensation.default_applies")
        assert (Money("6000.00"), Money("108000.00")) == (d.arg("amount"), d.arg("total"))

    def test_below_default(self, make_employee: Emp, make_agreement: Agr) -> None:
        """20 % agreed is 4,000.00, below 30 % (6,000.00): guidance, not a binding floor."""
        nc = sound(
            make_agreement,
            compensation=CompensationTerms(basis=CompensationBasis.WAGE_RATIO, ratio=Ratio("0.2")),
        )
        f = finding(
            review_noncompete(nc, make_employee(), as_of=AS_OF),
            "noncompete.compensation.below_default",
        )
        assert (Money("4000.00"), Money("6000.00")) == (f.arg("agreed"), f.arg("default"))
        assert Tier.ADMINISTRATIVE_GUIDANCE == f.tier

    def test_below_minimum_wage(self, make_employee: Emp, make_agreement: Agr) -> None:
        """2,000 a month in Shanghai is below the 2,740 minimum wage in all 18 months."""
        nc = sound(
            make_agreement,
            compensation=CompensationTerms(
                basis=CompensationBasis.MONTHLY_AMOUNT, monthly_amount=Money("2000")
            ),
        )
        f = finding(
            review_noncompete(nc, make_employee(), as_of=AS_OF),
            "noncompete.compensation.below_minimum_wage",
        )
        assert (Money("2740"), 18) == (f.arg("minimum_wage"), f.arg("count"))

    def test_below_fifty_percent_for_long_period(
        self, make_employee: Emp, make_agreement: Agr
    ) -> None:
        """7,000 for 18 months is below the 50 % guidance (10,000.00) but not below 30 %."""
        nc = sound(
            make_agreement,
            compensation=CompensationTerms(
                basis=CompensationBasis.MONTHLY_AMOUNT, monthly_amount=Money("7000")
            ),
        )
        a = review_noncompete(nc, make_employee(), as_of=AS_OF)
        f = finding(a, "noncompete.compensation.below_guidance_long_period")
        assert (Money("10000.00"), Ratio("0.50"), 12) == (
            f.arg("guidance"),
            f.arg("ratio"),
            f.arg("threshold"),
        )
        assert not f.binding
        assert "noncompete.compensation.below_default" not in a.codes()

    def test_twelve_months_no_fifty_percent(self, make_employee: Emp, make_agreement: Agr) -> None:
        """7,000 for 12 months: the 50 % guidance does not apply."""
        nc = sound(
            make_agreement,
            duration_months=12,
            compensation=CompensationTerms(
                basis=CompensationBasis.MONTHLY_AMOUNT, monthly_amount=Money("7000")
            ),
        )
        a = review_noncompete(nc, make_employee(), as_of=AS_OF)
        assert "noncompete.compensation.below_guidance_long_period" not in a.codes()

    def test_in_service_payment_does_not_count(
        self, make_employee: Emp, make_agreement: Agr
    ) -> None:
        """Non-compete pay inside the salary does not replace post-termination compensation."""
        nc = sound(
            make_agreement,
            compensation=CompensationTerms(
                basis=CompensationBasis.MONTHLY_AMOUNT,
                monthly_amount=Money("10000"),
                timing=PaymentTiming.DURING_EMPLOYMENT,
                in_service_amount=Money("500"),
            ),
        )
        f = finding(
            review_noncompete(nc, make_employee(), as_of=AS_OF),
            "noncompete.compensation.in_service_payment_not_counted",
        )
        assert (Money("500"), ["mohrss-nc-guide@2025-09-12:16"]) == (
            f.arg("amount"),
            [c.id for c in f.citations],
        )
        assert (Tier.ADMINISTRATIVE_GUIDANCE, False) == (f.tier, f.binding)

    def test_lump_sum_not_monthly(self, make_employee: Emp, make_agreement: Agr) -> None:
        """A lump sum at termination: LCL Art. 23(2) says monthly."""
        nc = sound(
            make_agreement,
            compensation=CompensationTerms(
                basis=CompensationBasis.MONTHLY_AMOUNT,
                monthly_amount=Money("10000"),
                timing=PaymentTiming.LUMP_SUM_AT_TERMINATION,
            ),
        )
        a = review_noncompete(nc, make_employee(), as_of=AS_OF)
        f = finding(a, "noncompete.compensation.not_monthly")
        assert (Severity.LOW, ["lcl@2012-12-28:23.2"]) == (
            f.severity,
            [c.id for c in f.citations],
        )

    def test_still_employed_uses_as_of(self, make_employee: Emp, make_agreement: Agr) -> None:
        """Still employed: floors as if they left at the end of the last wage month (Aug 2025)."""
        emp = make_employee(termination_date=None)
        a = review_noncompete(sound(make_agreement), emp, as_of="2025-09-30")
        f = finding(a, "noncompete.compensation.assumed_termination")
        assert to_date("2025-08-31") == f.arg("termination")

    def test_minimum_wage_out_of_coverage(
        self, make_employee: Emp, make_agreement: Agr, make_wages: Wages
    ) -> None:
        """A 2016 leaver in Shanghai: no minimum wage held then; reported, not raised."""
        emp = make_employee(
            employment_start="2014-03-01",
            termination_date="2016-06-30",
            wages=make_wages("2015-07-01", 12, "9000"),
        )
        a = review_noncompete(sound(make_agreement), emp, as_of=AS_OF)
        f = finding(a, "noncompete.compensation.out_of_coverage")
        assert ("minimum_wage.monthly", "2017-04-01") == (f.arg("name"), f.arg("since"))
        assert "noncompete.compensation.not_computable" not in a.codes()

    def test_without_wages_not_computable(self, make_employee: Emp, make_agreement: Agr) -> None:
        """No wage history: the agreed amount cannot be compared with the floors."""
        a = review_noncompete(sound(make_agreement), make_employee(wages=()), as_of=AS_OF)
        c = a.criterion("noncompete.criterion.compensation")
        assert Outcome.INSUFFICIENT_EVIDENCE == c.outcome
        assert "employee.wages" in [m.fact for m in c.missing()]

    def test_none_agreed_without_wages_carries_the_ratio_parameter(
        self, make_employee: Emp, make_agreement: Agr
    ) -> None:
        """No wages and nothing agreed: the 30 % in the finding comes with its parameter."""
        a = review_noncompete(make_agreement(), make_employee(wages=()), as_of=AS_OF)
        f = finding(a, "noncompete.compensation.none_agreed")
        assert Ratio("0.30") == f.arg("ratio")
        params = a.criterion("noncompete.criterion.compensation").parameters
        assert [("noncompete.default_ratio", "spc-labor-1@2020-12-29:36")] == [
            (p.name, p.citations[0].id) for p in params
        ]
        assert "noncompete.compensation.default_applies" not in a.codes()

    def test_incomplete_wages_are_an_input_error(
        self, make_employee: Emp, make_agreement: Agr
    ) -> None:
        """A gap in the wage history is an input error, not a zero month."""
        emp = make_employee(wages=make_employee().wages[1:])
        with pytest.raises(InvalidInputError):
            review_noncompete(sound(make_agreement), emp, as_of=AS_OF)


class TestClauses:
    def test_extension_by_proceedings_gc184(self, make_employee: Emp, make_agreement: Agr) -> None:
        """Time in arbitration or litigation extending the period: invalid (GC 184, LCL Art. 26)."""
        nc = sound(make_agreement, extends_period_during_proceedings=True)
        f = finding(
            review_noncompete(nc, make_employee(), as_of=AS_OF),
            "noncompete.clause.extension_by_proceedings",
        )
        assert {"gc-184@2022-07-04", "lcl@2012-12-28:26"} == {c.id for c in f.citations}
        assert Severity.HIGH == f.severity

    def test_release_requires_more_unpaid_months(
        self, make_employee: Emp, make_agreement: Agr
    ) -> None:
        """Six unpaid months asked (Art. 38: three): guidance and inference, never GC 184."""
        nc = sound(make_agreement, release_unpaid_months=6)
        a = review_noncompete(nc, make_employee(), as_of=AS_OF)
        f = finding(a, "noncompete.clause.release_requires_more_unpaid_months")
        assert (6, 3, Severity.MEDIUM) == (f.arg("months"), f.arg("law"), f.severity)
        assert {"mohrss-nc-guide@2025-09-12:17", "tradesecret-policy@2026-11-21"} == {
            c.id for c in f.citations
        }
        assert (Tier.ADMINISTRATIVE_GUIDANCE, False) == (f.tier, f.binding)
        clauses = a.criterion("noncompete.criterion.clauses")
        assert "spc-labor-1@2020-12-29:38" in {c.id for c in clauses.citations}
        assert ["spc-labor-1@2020-12-29:38"] == [
            c.id for p in clauses.parameters for c in p.citations
        ]
        en = explain(a, locale="en")
        assert "request release after 3 months" in en and "library's inference" in en
        assert "第三十八条" in explain(a, locale="zh_CN")

    def test_release_with_four_months_is_flagged(
        self, make_employee: Emp, make_agreement: Agr
    ) -> None:
        """Four unpaid months is one more than Art. 38's three: flagged."""
        nc = sound(make_agreement, release_unpaid_months=4)
        a = review_noncompete(nc, make_employee(), as_of=AS_OF)
        f = finding(a, "noncompete.clause.release_requires_more_unpaid_months")
        assert (4, 3) == (f.arg("months"), f.arg("law"))
        assert Outcome.NOT_MET == a.criterion("noncompete.criterion.clauses").outcome

    def test_release_with_three_months_is_fine(
        self, make_employee: Emp, make_agreement: Agr
    ) -> None:
        """Three months, as the interpretation says, raises nothing."""
        nc = sound(make_agreement, release_unpaid_months=3)
        a = review_noncompete(nc, make_employee(), as_of=AS_OF)
        assert "noncompete.clause.release_requires_more_unpaid_months" not in a.codes()
        assert Outcome.MET == a.criterion("noncompete.criterion.clauses").outcome

    def test_unilateral_change(self, make_employee: Emp, make_agreement: Agr) -> None:
        """An employer's unilateral right to change scope or region: LCL Art. 24(1) says agreed."""
        nc = sound(make_agreement, employer_may_change_unilaterally=True)
        a = review_noncompete(nc, make_employee(), as_of=AS_OF)
        f = finding(a, "noncompete.clause.unilateral_change")
        assert (Severity.MEDIUM, ["lcl@2012-12-28:24.1"]) == (
            f.severity,
            [c.id for c in f.citations],
        )
        assert Outcome.NOT_MET == a.criterion("noncompete.criterion.clauses").outcome


class TestPenalty:
    def test_above_five_times(self, make_employee: Emp, make_agreement: Agr) -> None:
        """1,000,000 against 20 % x 20,000 x 24 = 96,000: 10.42 times, above the 5x guidance."""
        nc = sound(
            make_agreement,
            duration_months=24,
            compensation=CompensationTerms(basis=CompensationBasis.WAGE_RATIO, ratio=Ratio("0.2")),
            penalty=PenaltyTerms(basis=PenaltyBasis.FIXED_AMOUNT, amount=Money("1000000")),
        )
        c = review_penalty(nc, make_employee(), as_of=AS_OF)
        f = next(x for x in c.findings if x.code == "noncompete.penalty.exceeds_guidance_multiple")
        assert (Money("96000.00"), Decimal("10.42"), Decimal(5)) == (
            f.arg("total"),
            f.arg("multiple"),
            f.arg("max"),
        )
        assert not f.binding
        factors = next(x for x in c.findings if x.code == "noncompete.penalty.reduction_factors")
        assert Money("48000.00") == factors.arg("gap")  # 144,000 default - 96,000 agreed

    def test_exactly_five_times(self, make_employee: Emp, make_agreement: Agr) -> None:
        """A penalty of 5x total compensation is not above the guidance multiple."""
        nc = sound(
            make_agreement,
            penalty=PenaltyTerms(
                basis=PenaltyBasis.MULTIPLE_OF_TOTAL_COMPENSATION, multiple=Decimal(5)
            ),
        )
        c = review_penalty(nc, make_employee(), as_of=AS_OF)
        assert "noncompete.penalty.exceeds_guidance_multiple" not in {x.code for x in c.findings}
        assert Money("900000.00") == dict(c.facts)["penalty"]

    def test_multiple_of_monthly_wage(self, make_employee: Emp, make_agreement: Agr) -> None:
        """24 monthly wages of 20,000: 480,000.00, 2.67 times 180,000.00 of compensation."""
        nc = sound(
            make_agreement,
            penalty=PenaltyTerms(basis=PenaltyBasis.MULTIPLE_OF_MONTHLY_WAGE, multiple=Decimal(24)),
        )
        facts = dict(review_penalty(nc, make_employee(), as_of=AS_OF).facts)
        assert (Money("480000.00"), Decimal("2.67")) == (facts["penalty"], facts["multiple"])

    def test_penalty_without_compensation(self, make_employee: Emp, make_agreement: Agr) -> None:
        """A penalty with no compensation agreed: a high finding resting on LCL Art. 23(2)."""
        nc = make_agreement(
            penalty=PenaltyTerms(basis=PenaltyBasis.FIXED_AMOUNT, amount=Money("100000"))
        )
        a = review_noncompete(nc, make_employee(), as_of=AS_OF)
        f = finding(a, "noncompete.penalty.without_compensation")
        assert (Severity.HIGH, "lcl@2012-12-28:23.2") == (f.severity, f.citations[0].id)

    def test_no_penalty(self, make_employee: Emp, make_agreement: Agr) -> None:
        """No penalty agreed: the criterion does not apply."""
        c = review_penalty(make_agreement(), make_employee(), as_of=AS_OF)
        assert Outcome.NOT_APPLICABLE == c.outcome


class TestActivation:
    def test_reserved_without_decision(self, make_employee: Emp, make_agreement: Agr) -> None:
        """Activation reserved, employment ended, no decision: the clause still stands (Art. 37)."""
        nc = sound(
            make_agreement,
            activation_reserved=True,
            activation_decision=ActivationDecision.NOT_RECORDED,
        )
        f = finding(
            review_noncompete(nc, make_employee(), as_of=AS_OF),
            "noncompete.activation.decision_not_recorded",
        )
        assert "spc-labor-1@2020-12-29:37" == f.citations[0].id

    def test_decision_recorded(self, make_employee: Emp, make_agreement: Agr) -> None:
        """A recorded decision is reported as information."""
        nc = sound(
            make_agreement,
            activation_reserved=True,
            activation_decision=ActivationDecision.WAIVED,
            activation_decided_on="2025-09-01",
        )
        a = review_noncompete(nc, make_employee(), as_of=AS_OF)
        assert Severity.INFO == finding(a, "noncompete.activation.decision_recorded").severity
        assert Outcome.MET == a.criterion("noncompete.criterion.activation").outcome

    def test_survives_termination(self, make_employee: Emp, make_agreement: Agr) -> None:
        """Whatever the manner of termination, the clause survives unless otherwise agreed."""
        emp = make_employee(termination_manner=TerminationManner.DISMISSAL_FOR_CAUSE)
        a = review_noncompete(sound(make_agreement), emp, as_of=AS_OF)
        f = finding(a, "noncompete.activation.survives_termination")
        assert "spc-labor-1@2020-12-29:37" == f.citations[0].id
        assert "dismissal for cause" in explain(a, locale="en")
        assert "过失性辞退" in explain(a, locale="zh_CN")

    def test_termination_agreement_silent(self, make_employee: Emp, make_agreement: Agr) -> None:
        """A termination agreement silent on the non-compete does not end it."""
        emp = make_employee(termination_agreement=TerminationAgreement.SILENT)
        a = review_noncompete(sound(make_agreement), emp, as_of=AS_OF)
        f = finding(a, "noncompete.activation.termination_agreement_silent")
        assert (Severity.MEDIUM, ["spc-labor-1@2020-12-29:37"], True) == (
            f.severity,
            [c.id for c in f.citations],
            f.binding,
        )
        assert Outcome.NOT_MET == a.criterion("noncompete.criterion.activation").outcome
        said = make_employee(termination_agreement=TerminationAgreement.MENTIONS)
        b = review_noncompete(sound(make_agreement), said, as_of=AS_OF)
        assert "noncompete.activation.termination_agreement_silent" not in b.codes()


class TestEveryFindingCites:
    def test_all_codes_render_and_cite(self, make_employee: Emp, make_agreement: Agr) -> None:
        """A bad agreement: every finding, its severity and tier; all cite and render twice."""
        nc = make_agreement(
            duration_months=30,
            business_lines=("EV batteries", "Solar"),
            region_extent=RegionExtent.WORLDWIDE,
            limited_to_competitors=False,
            restricted_companies=(),
            compensation=CompensationTerms(
                basis=CompensationBasis.MONTHLY_AMOUNT,
                monthly_amount=Money("1000"),
                timing=PaymentTiming.OTHER,
            ),
            penalty=PenaltyTerms(basis=PenaltyBasis.FIXED_AMOUNT, amount=Money("5000000")),
            extends_period_during_proceedings=True,
            release_unpaid_months=12,
            employer_may_change_unilaterally=True,
            activation_reserved=True,
            activation_decision=ActivationDecision.NOT_RECORDED,
            necessity_assessed=False,
        )
        emp = make_employee(
            category=PersonnelCategory.OTHER_CONFIDENTIALITY_BOUND,
            termination_agreement=TerminationAgreement.SILENT,
        )
        a = review_noncompete(nc, emp, as_of=AS_OF)
        binding, guidance = Tier.JUDICIAL_INTERPRETATION, Tier.ADMINISTRATIVE_GUIDANCE
        assert [
            ("noncompete.eligibility.eligible", Severity.INFO, Tier.LAW),
            ("noncompete.eligibility.reasons_not_disclosed", Severity.MEDIUM, guidance),
            ("noncompete.eligibility.necessity_not_assessed", Severity.LOW, guidance),
            ("noncompete.scope.exceeds_secrets", Severity.HIGH, binding),
            ("noncompete.scope.period_exceeds_relevance", Severity.MEDIUM, binding),
            ("noncompete.scope.region_exceeds_secrets", Severity.MEDIUM, binding),
            ("noncompete.scope.not_limited_to_competitors", Severity.MEDIUM, Tier.LAW),
            ("noncompete.scope.no_named_list", Severity.LOW, Tier.LIBRARY_POLICY),
            ("noncompete.scope.broad_region_without_reasons", Severity.MEDIUM, guidance),
            ("noncompete.duration.exceeds_cap", Severity.HIGH, Tier.LAW),
            ("noncompete.compensation.below_default", Severity.MEDIUM, guidance),
            ("noncompete.compensation.below_minimum_wage", Severity.HIGH, guidance),
            ("noncompete.compensation.below_guidance_long_period", Severity.MEDIUM, guidance),
            ("noncompete.compensation.not_monthly", Severity.LOW, Tier.LAW),
            ("noncompete.clause.extension_by_proceedings", Severity.HIGH, Tier.LAW),
            ("noncompete.clause.release_requires_more_unpaid_months", Severity.MEDIUM, guidance),
            ("noncompete.clause.unilateral_change", Severity.MEDIUM, Tier.LAW),
            ("noncompete.penalty.exceeds_guidance_multiple", Severity.MEDIUM, guidance),
            ("noncompete.penalty.reduction_factors", Severity.INFO, guidance),
            ("noncompete.activation.survives_termination", Severity.INFO, binding),
            ("noncompete.activation.decision_not_recorded", Severity.MEDIUM, binding),
            ("noncompete.activation.termination_agreement_silent", Severity.MEDIUM, binding),
        ] == [(f.code, f.severity, f.tier) for f in a.all_findings()]
        assert all(f.citations for f in a.all_findings())
        for locale in ("zh_CN", "en"):
            assert explain(a, locale=locale, format="markdown")
