"""Unknown facts in the non-compete review: not stated is not none (issue 12)."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.noncompete.conftest import agreement, employee
from tradesecret import explain
from tradesecret.exceptions import OutOfCoverageError
from tradesecret.facts import UNKNOWN
from tradesecret.money import Money
from tradesecret.noncompete import (
    CompensationBasis,
    CompensationTerms,
    EmployeeFacts,
    NonCompeteAgreement,
    PaymentTiming,
    PenaltyBasis,
    PenaltyTerms,
    PersonnelCategory,
    StatedAverageWage,
    _compensation_ctx,
    employer_release,
    floor,
    review_noncompete,
)
from tradesecret.noncompete._common import NOT_STATED
from tradesecret.results import Outcome
from tradesecret.serialization import from_json, to_json

Emp = Callable[..., EmployeeFacts]
Agr = Callable[..., NonCompeteAgreement]
AS_OF = "2025-10-01"


def monthly(amount: str) -> CompensationTerms:
    """A monthly amount agreed, paid monthly after termination."""
    return CompensationTerms(
        basis=CompensationBasis.MONTHLY_AMOUNT,
        monthly_amount=Money(amount),
        timing=PaymentTiming.MONTHLY_AFTER_TERMINATION,
    )


class TestSecretsNotItemised:
    def test_senior_technical_without_secrets_is_not_knew_none(self) -> None:
        """Secrets not stated: no 'no secrets known' finding; eligibility open, naming the fact."""
        a = review_noncompete(
            agreement(compensation=monthly("8000")),
            employee(secrets_known=UNKNOWN),
            as_of=AS_OF,
        )
        assert "noncompete.eligibility.no_secrets_known" not in a.codes()
        c = a.criterion("noncompete.criterion.eligibility")
        assert Outcome.INSUFFICIENT_EVIDENCE == c.outcome
        rule = next(u for u in c.open if u.rule == "noncompete.eligibility.no_secrets_known")
        assert ("employee.secrets_known",) == rule.facts
        assert (Outcome.NOT_MET, Outcome.MET) == (rule.if_holds, rule.otherwise)
        assert ["spc-labor-2@2025-07-31:13.1"] == [c.id for c in rule.citations]
        assert "employee.secrets_known" == a.missing()[0].fact

    def test_before_interp2_secrets_do_not_decide(self) -> None:
        """On 2025-08-31 Interp. (II) Art. 13(1) is not law: eligibility met per LCL Art. 24(1)."""
        a = review_noncompete(
            agreement(compensation=monthly("8000")),
            employee(secrets_known=UNKNOWN),
            as_of="2025-08-31",
        )
        assert Outcome.MET == a.criterion("noncompete.criterion.eligibility").outcome
        after = review_noncompete(
            agreement(compensation=monthly("8000")),
            employee(secrets_known=()),
            as_of="2025-09-01",
        )
        assert "noncompete.eligibility.no_secrets_known" in after.codes()

    def test_stated_none_is_no_effect(self) -> None:
        """Secrets stated as none from 2025-09-01: critical finding, eligibility not met."""
        a = review_noncompete(agreement(), employee(secrets_known=()), as_of=AS_OF)
        assert Outcome.NOT_MET == a.criterion("noncompete.criterion.eligibility").outcome

    def test_category_unknown(self) -> None:
        """Category not stated: the general-staff rule is open, never fired."""
        a = review_noncompete(agreement(), employee(category=UNKNOWN), as_of=AS_OF)
        assert "noncompete.eligibility.general_staff" not in a.codes()
        assert "employee.category" in [m.fact for m in a.missing()]

    def test_missing_list_in_explain_both_locales(self) -> None:
        """The explanation lists the missing fact at the top, labelled from the catalog."""
        a = review_noncompete(agreement(), employee(secrets_known=UNKNOWN), as_of=AS_OF)
        en = explain(a, locale="en")
        zh = explain(a, locale="zh_CN")
        head = en.split("Criteria and factors")[0]
        assert "What is missing" in head
        assert "The secrets the employee knew or accessed (employee.secrets_known)" in head
        assert "劳动者知悉或接触的商业秘密（employee.secrets_known）" in zh.split("要件与因素")[0]


class TestCompensationUnknown:
    def test_unknown_compensation_no_without_compensation(self) -> None:
        """Compensation not stated: no without_compensation finding, criterion not met."""
        nc = agreement(
            compensation=UNKNOWN,
            penalty=PenaltyTerms(basis=PenaltyBasis.FIXED_AMOUNT, amount=Money("100000")),
        )
        a = review_noncompete(nc, employee(), as_of=AS_OF)
        assert "noncompete.penalty.without_compensation" not in a.codes()
        comp = a.criterion("noncompete.criterion.compensation")
        assert Outcome.MET != comp.outcome
        assert Outcome.MET != a.outcome

    def test_unknown_amount(self) -> None:
        """A monthly amount whose figure is withheld is undetermined, naming the field."""
        nc = agreement(compensation=CompensationTerms(basis=CompensationBasis.MONTHLY_AMOUNT))
        a = review_noncompete(nc, employee(), as_of=AS_OF)
        comp = a.criterion("noncompete.criterion.compensation")
        assert Outcome.INSUFFICIENT_EVIDENCE == comp.outcome
        assert "agreement.compensation.monthly_amount" in [m.fact for m in comp.missing()]

    def test_none_agreed_is_met_with_default(self) -> None:
        """None agreed from 2013-02-01: the clause holds with the Art. 36 default (met)."""
        a = review_noncompete(agreement(), employee(), as_of=AS_OF)
        comp = a.criterion("noncompete.criterion.compensation")
        assert Outcome.MET == comp.outcome
        assert {
            "noncompete.compensation.none_agreed",
            "noncompete.compensation.default_applies",
        } <= {f.code for f in comp.findings}

    def test_none_agreed_before_interp4_contested(self) -> None:
        """None agreed on 2013-01-31: no default rule then, contested; 2013-02-01: met."""
        emp = employee(
            wages=(),
            average_wage=StatedAverageWage(amount=Money("9000"), source="payroll"),
            termination_date="2013-01-15",
            employment_start="2010-01-01",
        )
        nc = agreement(signed_on="2010-01-01", duration_months=12)
        before = review_noncompete(nc, emp, as_of="2013-01-31")
        comp = before.criterion("noncompete.criterion.compensation")
        assert Outcome.CONTESTED == comp.outcome
        f = next(f for f in comp.findings if f.code == "noncompete.compensation.no_default_rule")
        assert ["lcl@2007-06-29:23"] == [c.id for c in f.citations]  # the data's "no such rule"

    @pytest.fixture
    def no_minimum_wage(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The place's minimum wage is out of coverage for every month."""

        def missing(book: Any, region: str, first: Any, last: Any, day: Any) -> Any:
            raise OutOfCoverageError("minimum_wage.monthly", last, None, region)

        monkeypatch.setattr(_compensation_ctx, "minimum_wage_for", missing)
        monkeypatch.setattr(floor, "minimum_wage_for", missing)

    @pytest.mark.usefixtures("no_minimum_wage")
    def test_interval_decides_below_thirty_percent(self) -> None:
        """Average 20,000: 4,000 is below 30 % (6,000) whatever the minimum wage: not met."""
        a = review_noncompete(agreement(compensation=monthly("4000")), employee(), as_of=AS_OF)
        comp = a.criterion("noncompete.criterion.compensation")
        assert Outcome.NOT_MET == comp.outcome
        f = next(f for f in comp.findings if f.code == "noncompete.compensation.below_default")
        assert (Money("4000.00"), Money("6000.00")) == (f.arg("agreed"), f.arg("default"))

    @pytest.mark.usefixtures("no_minimum_wage")
    def test_interval_decides_above_every_minimum_wage(self) -> None:
        """9,000 is above 30 % and above every minimum wage held (any place): met, no CNY 0."""
        a = review_noncompete(
            agreement(compensation=monthly("9000"), duration_months=12), employee(), as_of=AS_OF
        )
        comp = a.criterion("noncompete.criterion.compensation")
        assert Outcome.MET == comp.outcome
        assert "minimum_wage.monthly" in {p.name for p in comp.parameters}

    @pytest.mark.usefixtures("no_minimum_wage")
    def test_interval_undecided_names_the_minimum_wage(self) -> None:
        """Average 5,000, agreed 2,000 (above 30 %, below the highest minimum wage): open."""
        emp = employee(wages=(), average_wage=StatedAverageWage(amount=Money("5000"), source="HR"))
        a = review_noncompete(
            agreement(compensation=monthly("2000"), duration_months=12), emp, as_of=AS_OF
        )
        comp = a.criterion("noncompete.criterion.compensation")
        assert Outcome.INSUFFICIENT_EVIDENCE == comp.outcome
        assert ["minimum_wage.monthly[CN-SH]"] == [m.fact for m in comp.missing()]
        assert "noncompete.penalty.reduction_factors" not in a.codes()


class TestPaymentTiming:
    def test_timing_not_stated_opens_the_in_service_row(self) -> None:
        """Timing not stated, from 2025-09-12: open on MOHRSS §16, naming the timing."""
        terms = CompensationTerms(
            basis=CompensationBasis.MONTHLY_AMOUNT, monthly_amount=Money("9000")
        )
        a = review_noncompete(
            agreement(compensation=terms, duration_months=12), employee(), as_of=AS_OF
        )
        comp = a.criterion("noncompete.criterion.compensation")
        assert Outcome.INSUFFICIENT_EVIDENCE == comp.outcome
        assert [("agreement.compensation.timing",)] == [u.facts for u in comp.open]
        assert (Outcome.NOT_MET, Outcome.MET) == (comp.open[0].if_holds, comp.open[0].otherwise)

    def test_timing_not_stated_before_the_guideline_is_decided(self) -> None:
        """Timing not stated, reviewed 2025-09-11 (before MOHRSS §16): met, nothing open."""
        terms = CompensationTerms(
            basis=CompensationBasis.MONTHLY_AMOUNT, monthly_amount=Money("9000")
        )
        nc = agreement(compensation=terms, duration_months=12)
        a = review_noncompete(nc, employee(), as_of="2025-09-11")
        comp = a.criterion("noncompete.criterion.compensation")
        assert (Outcome.MET, ()) == (comp.outcome, comp.open)

    def test_timing_not_stated_none_agreed_is_decided(self) -> None:
        """None agreed, timing not stated: the in-service row cannot fire; nothing open on it."""
        nc = agreement(compensation=CompensationTerms(basis=CompensationBasis.NONE))
        comp = review_noncompete(nc, employee(), as_of=AS_OF).criterion(
            "noncompete.criterion.compensation"
        )
        assert "agreement.compensation.timing" not in {f for u in comp.open for f in u.facts}


class TestPenaltyBasis:
    def test_basis_not_stated_is_undetermined(self) -> None:
        """Penalty basis not stated: undetermined, 'none' would make it not applicable."""
        nc = agreement(compensation=monthly("9000"), penalty=PenaltyTerms(), duration_months=12)
        pen = review_noncompete(nc, employee(), as_of=AS_OF).criterion(
            "noncompete.criterion.penalty"
        )
        assert Outcome.INSUFFICIENT_EVIDENCE == pen.outcome
        rule = next(u for u in pen.open if u.rule == "noncompete.criterion.penalty")
        assert ("agreement.penalty.basis",) == rule.facts
        assert Outcome.NOT_APPLICABLE == rule.if_holds

    def test_basis_not_stated_before_the_guideline(self) -> None:
        """Reviewed 2025-08-31 (no MOHRSS §14 row): 'none' not applicable, else met: open."""
        nc = agreement(compensation=monthly("9000"), penalty=PenaltyTerms(), duration_months=12)
        pen = review_noncompete(nc, employee(), as_of="2025-08-31").criterion(
            "noncompete.criterion.penalty"
        )
        assert Outcome.INSUFFICIENT_EVIDENCE == pen.outcome
        assert [(Outcome.NOT_APPLICABLE, Outcome.MET)] == [
            (u.if_holds, u.otherwise) for u in pen.open if u.rule == pen.code
        ]

    def test_basis_none_is_not_applicable(self) -> None:
        """Penalty basis stated 'none': not applicable, nothing open."""
        nc = agreement(
            compensation=monthly("9000"),
            penalty=PenaltyTerms(basis=PenaltyBasis.NONE),
            duration_months=12,
        )
        pen = review_noncompete(nc, employee(), as_of=AS_OF).criterion(
            "noncompete.criterion.penalty"
        )
        assert (Outcome.NOT_APPLICABLE, ()) == (pen.outcome, pen.open)


class TestDuration:
    def test_thirty_months_never_met(self) -> None:
        """A 30-month period at CNY 1,500 a month: duration not met whatever the wages."""
        nc = agreement(duration_months=30, compensation=monthly("1500"))
        for emp in (employee(), employee(wages=())):
            a = review_noncompete(nc, emp, as_of=AS_OF)
            assert Outcome.NOT_MET == a.criterion("noncompete.criterion.duration").outcome
            assert Outcome.NOT_MET == a.outcome


_SECRETS_KNOWN = employee().secrets_known
_NONE = CompensationTerms(basis=CompensationBasis.NONE)
_FIXED = PenaltyTerms(basis=PenaltyBasis.FIXED_AMOUNT, amount=Money("500000"))
#: Each unknown fact with the values it may be given (UNKNOWN first).
_VALUES: dict[str, list[Any]] = {
    "category": [UNKNOWN, *PersonnelCategory],
    "secrets_known": [UNKNOWN, (), _SECRETS_KNOWN],
    "told_reasons_and_secrets": [UNKNOWN, False, True],
    "compensation": [UNKNOWN, _NONE, monthly("1500"), monthly("9000")],
    "penalty": [
        PenaltyTerms(),
        PenaltyTerms(basis=PenaltyBasis.NONE),
        _FIXED,
        PenaltyTerms(basis=PenaltyBasis.FIXED_AMOUNT),
    ],
    "wages": ["unknown", "records"],
}
_EMPLOYEE_FIELDS = ("category", "secrets_known", "told_reasons_and_secrets")


def _case(values: dict[str, Any]) -> Any:
    """Review the case with these values (``"unknown"`` wages: no records, no average)."""
    emp_args = {k: values[k] for k in _EMPLOYEE_FIELDS}
    if values["wages"] == "unknown":
        emp_args["wages"] = ()
    nc = agreement(compensation=values["compensation"], penalty=values["penalty"])
    return review_noncompete(nc, employee(**emp_args), as_of=AS_OF)


def _is_unknown(name: str, value: Any) -> bool:
    if name == "penalty":
        fixed = value.basis is PenaltyBasis.FIXED_AMOUNT
        return bool(value.basis is UNKNOWN or (fixed and value.amount is UNKNOWN))
    return value is UNKNOWN or value == "unknown"


def _fillings(name: str, value: Any) -> list[Any]:
    """The stated values an unknown may take (itself when stated)."""
    if not _is_unknown(name, value):
        return [value]
    if name == "penalty":
        amounts = [_FIXED, PenaltyTerms(basis=PenaltyBasis.FIXED_AMOUNT, amount=Money("10"))]
        if value.basis is PenaltyBasis.FIXED_AMOUNT:
            return amounts  # the basis is stated: only the amount is open
        return [PenaltyTerms(basis=PenaltyBasis.NONE), *amounts]
    return [v for v in _VALUES[name] if not _is_unknown(name, v)]


class TestUnknownProperty:
    @settings(max_examples=20, deadline=None)
    @given(st.fixed_dictionaries({k: st.sampled_from(v) for k, v in _VALUES.items()}))
    def test_decided_stays_and_undetermined_moves(self, values: dict[str, Any]) -> None:
        """A decided criterion never changes when an unknown is filled; an open one can."""
        base = _case(values)
        names = [n for n in _VALUES if _is_unknown(n, values[n])]
        filled: list[Any] = []
        for combo in itertools.product(*(_fillings(n, values[n]) for n in names)):
            filled.append(_case({**values, **dict(zip(names, combo, strict=True))}))
        for criterion in base.criteria:
            outcomes = {f.criterion(criterion.code).outcome for f in filled}
            if criterion.outcome is Outcome.INSUFFICIENT_EVIDENCE:
                decisive = [u for u in criterion.open if u.decisive]
                if decisive:
                    assert outcomes - {Outcome.INSUFFICIENT_EVIDENCE} or len(outcomes) > 1, (
                        criterion.code
                    )
            else:
                assert {criterion.outcome} == outcomes, criterion.code


class TestLegalTimeBoundaries:
    """The day before and the day a rule takes effect."""

    def _review(self, day: str, **changes: Any) -> Any:
        emp = employee(
            employment_start="2010-01-01",
            termination_date="2012-06-30",
            wages=(),
            average_wage=StatedAverageWage(amount=Money("9000"), source="payroll"),
        )
        nc = agreement(signed_on="2010-01-01", compensation=monthly("3000"), **changes)
        review = review_noncompete(nc, emp, as_of=day)
        for locale in ("zh_CN", "en"):  # every boundary renders in both locales
            assert explain(review, locale=locale)
        return review

    def test_activation_interp4_then_interp1(self) -> None:
        """Art. 37's rule cites nothing before 2013-02-01, Interp. (IV) Art. 7, then Interp. (I)."""
        cited = {}
        for day in ("2013-01-31", "2013-02-01", "2020-12-31", "2021-01-01"):
            a = self._review(day)
            found = [f for f in a.all_findings() if f.code.endswith("survives_termination")]
            cited[day] = [c.id for f in found for c in f.citations]
        assert {
            "2013-01-31": [],
            "2013-02-01": ["spc-labor-4@2013-01-18:7"],
            "2020-12-31": ["spc-labor-4@2013-01-18:7"],
            "2021-01-01": ["spc-labor-1@2020-12-29:37"],
        } == cited

    def test_lcl_version_of_the_day(self) -> None:
        """A 30-month period cites the 2007 LCL on 2013-06-30 and the 2012 text on 2013-07-01."""
        ids = []
        for day in ("2013-06-30", "2013-07-01"):
            a = self._review(day, duration_months=30)
            f = next(f for f in a.all_findings() if f.code == "noncompete.duration.exceeds_cap")
            ids.append(f.citations[0].id)
        assert ["lcl@2007-06-29:24.2", "lcl@2012-12-28:24.2"] == ids

    def test_extension_by_proceedings_under_the_2007_text(self) -> None:
        """LCL Art. 26 voids the extension clause in 2012 already (GC 184 cited only from 2022)."""
        a = self._review("2012-12-31", extends_period_during_proceedings=True)
        f = next(f for f in a.all_findings() if f.code.endswith("extension_by_proceedings"))
        assert ["lcl@2007-06-29:26"] == [c.id for c in f.citations]

    def test_guidelines_from_publication(self) -> None:
        """Reasons not disclosed (MOHRSS §7): nothing on 2025-09-11, a finding on 2025-09-12."""
        emp = employee(category=PersonnelCategory.OTHER_CONFIDENTIALITY_BOUND)
        codes = [
            "noncompete.eligibility.reasons_not_disclosed"
            in review_noncompete(agreement(), emp, as_of=day).codes()
            for day in ("2025-09-11", "2025-09-12")
        ]
        assert [False, True] == codes

    def test_stated_average_review_in_2012(self) -> None:
        """An agreed amount in 2012: no national floor then, the criterion is met and says so."""
        a = self._review("2012-12-31")
        comp = a.criterion("noncompete.criterion.compensation")
        assert Outcome.MET == comp.outcome
        assert "noncompete.compensation.no_default_rule" in {f.code for f in comp.findings}


class TestMoreUnknowns:
    def test_penalty_amount_withheld(self) -> None:
        """A fixed penalty whose amount is withheld: the guidance-multiple rule is open."""
        nc = agreement(
            compensation=monthly("6000"),
            penalty=PenaltyTerms(basis=PenaltyBasis.FIXED_AMOUNT),
        )
        a = review_noncompete(nc, employee(), as_of=AS_OF)
        c = a.criterion("noncompete.criterion.penalty")
        assert Outcome.INSUFFICIENT_EVIDENCE == c.outcome
        assert "agreement.penalty.amount" in [m.fact for m in c.missing()]
        assert "noncompete.penalty.reduction_factors" not in {f.code for f in c.findings}

    def test_gap_not_stated_is_never_zero(self) -> None:
        """Compensation not stated, penalty known: the reduction note shows 'not stated', not CNY 0."""
        nc = agreement(
            compensation=UNKNOWN,
            penalty=PenaltyTerms(basis=PenaltyBasis.FIXED_AMOUNT, amount=Money("100000")),
        )
        a = review_noncompete(nc, employee(), as_of=AS_OF)
        f = next(f for f in a.all_findings() if f.code == "noncompete.penalty.reduction_factors")
        assert (Money("100000"), NOT_STATED, NOT_STATED) == (
            f.arg("penalty"),
            f.arg("total"),
            f.arg("gap"),
        )

    def test_disclosure_unknown_for_confidentiality_bound(self) -> None:
        """Confidentiality-bound staff, disclosure not stated: the §7 rule is open, not fired."""
        emp = employee(
            category=PersonnelCategory.OTHER_CONFIDENTIALITY_BOUND,
            told_reasons_and_secrets=UNKNOWN,
        )
        nc = agreement(reasons_and_secrets_disclosed=UNKNOWN)
        a = review_noncompete(nc, emp, as_of=AS_OF)
        c = a.criterion("noncompete.criterion.eligibility")
        assert "noncompete.eligibility.reasons_not_disclosed" not in {f.code for f in c.findings}
        rule = next(u for u in c.open if u.rule.endswith("reasons_not_disclosed"))
        assert (
            "employee.told_reasons_and_secrets",
            "agreement.reasons_and_secrets_disclosed",
        ) == rule.facts
        assert Outcome.INSUFFICIENT_EVIDENCE == c.outcome

    def test_told_on_either_side_suffices(self) -> None:
        """Told on the agreement, not stated on the employee: decided (Kleene OR)."""
        emp = employee(
            category=PersonnelCategory.OTHER_CONFIDENTIALITY_BOUND,
            told_reasons_and_secrets=UNKNOWN,
        )
        a = review_noncompete(agreement(reasons_and_secrets_disclosed=True), emp, as_of=AS_OF)
        assert Outcome.MET == a.criterion("noncompete.criterion.eligibility").outcome

    def test_json_null_and_left_out_are_not_stated(self) -> None:
        """In JSON, null and a left-out field are UNKNOWN; [] is stated none."""
        base = to_json(employee())
        data = json.loads(base)
        data["secrets_known"] = None
        data.pop("category")
        emp = from_json(json.dumps(data), EmployeeFacts)
        assert (UNKNOWN, UNKNOWN) == (emp.secrets_known, emp.category)
        data["secrets_known"] = []
        assert () == from_json(json.dumps(data), EmployeeFacts).secrets_known
        nc = json.loads(to_json(agreement()))
        nc.pop("compensation")
        assert UNKNOWN is from_json(json.dumps(nc), NonCompeteAgreement).compensation


class TestNoSuchRuleYet:
    def test_employer_release_before_interp4(self) -> None:
        """Released 2013-01-31: no rule gave extra months; 2013-02-01: Interp. (IV) Art. 9."""
        emp = employee(
            employment_start="2010-01-01",
            termination_date="2012-12-31",
            wages=(),
            average_wage=StatedAverageWage(amount=Money("10000"), source="payroll"),
        )
        nc = agreement(signed_on="2010-01-01", compensation=monthly("3000"))
        before = employer_release(nc, emp, release_date="2013-01-31", as_of="2013-01-31")
        assert (Money.zero(), "noncompete_release_no_rule") == (before.value, before.rule)
        assert ["lcl@2007-06-29:23"] == [c.id for c in before.citations]
        after = employer_release(nc, emp, release_date="2013-02-01", as_of="2013-02-01")
        assert (Money("9000.00"), ["spc-labor-4@2013-01-18:9"]) == (
            after.value,
            [c.id for c in after.citations],
        )

    def test_release_clause_before_interp4(self) -> None:
        """A six-month release clause in 2012: a note that no release rule existed, no finding against it."""
        emp = employee(employment_start="2010-01-01", termination_date="2012-06-30")
        nc = agreement(signed_on="2010-01-01", release_unpaid_months=6)
        codes = review_noncompete(nc, emp, as_of="2012-12-31").codes()
        assert "noncompete.clause.no_release_rule" in codes
        assert "noncompete.clause.release_requires_more_unpaid_months" not in codes
        later = review_noncompete(nc, emp, as_of="2013-02-01").codes()
        assert "noncompete.clause.release_requires_more_unpaid_months" in later


class TestNewMessagesRender:
    def test_every_new_code_renders_in_both_locales(self) -> None:
        """Reviews and releases with the new findings explain in zh_CN and en."""
        emp = employee(
            employment_start="2010-01-01",
            termination_date="2012-06-30",
            wages=(),
            average_wage=StatedAverageWage(amount=Money("9000"), source="payroll"),
        )
        nc = agreement(signed_on="2010-01-01", release_unpaid_months=6)
        results = [
            review_noncompete(nc, emp, as_of="2012-12-31"),
            review_noncompete(
                agreement(compensation=UNKNOWN),
                employee(
                    wages=(), average_wage=StatedAverageWage(amount=Money("9000"), source="HR")
                ),
                as_of=AS_OF,
            ),
            employer_release(
                agreement(signed_on="2010-01-01", compensation=monthly("3000")),
                emp,
                release_date="2012-12-31",
                as_of="2012-12-31",
            ),
        ]
        codes: set[str] = set()
        for result in results:
            for locale in ("zh_CN", "en"):
                assert explain(result, locale=locale)
            codes |= {f.code for f in getattr(result, "findings", ())}
            if hasattr(result, "all_findings"):
                codes |= {f.code for f in result.all_findings()}
        assert {
            "noncompete.compensation.no_default_rule",
            "noncompete.clause.no_release_rule",
            "noncompete.release.no_rule",
            "noncompete.average.stated",
        } <= codes


class TestDefaultRuleBoundaries:
    """The default's basis follows the termination date: Interp. (IV) Art. 6, then (I) Art. 36."""

    def test_interp4_then_interp1(self) -> None:
        """Terminated 2020-12-31: Interp. (IV) Art. 6; on 2021-01-01: Interp. (I) Art. 36."""
        cited = {}
        for end in ("2020-12-31", "2021-01-01"):
            emp = employee(
                termination_date=end,
                wages=(),
                average_wage=StatedAverageWage(amount=Money("20000"), source="payroll"),
            )
            a = review_noncompete(agreement(), emp, as_of="2021-02-01")
            f = next(f for f in a.all_findings() if f.code.endswith("default_applies"))
            cited[end] = ([c.id for c in f.citations], f.arg("amount"))
            for locale in ("zh_CN", "en"):
                assert explain(a, locale=locale)
        assert {
            "2020-12-31": (["spc-labor-4@2013-01-18:6"], Money("6000.00")),
            "2021-01-01": (["spc-labor-1@2020-12-29:36"], Money("6000.00")),
        } == cited
