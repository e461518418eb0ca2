"""Average wage, both compensation floors month by month, and employer release."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from tradesecret import explain
from tradesecret.dates import to_date
from tradesecret.exceptions import InvalidInputError
from tradesecret.law import Tier
from tradesecret.money import Money, Ratio
from tradesecret.noncompete import (
    CompensationBasis,
    CompensationTerms,
    EmployeeFacts,
    MinimumWageDay,
    NonCompeteAgreement,
    WageRecord,
    agreed_monthly_compensation,
    average_monthly_wage,
    compensation_floor,
    employer_release,
)
from tradesecret.results import Determination
from tradesecret.serialization import from_json, to_json

Emp = Callable[..., EmployeeFacts]
Agr = Callable[..., NonCompeteAgreement]
Wages = Callable[[str, int, str], tuple[WageRecord, ...]]


class TestAverageMonthlyWage:
    def test_twelve_months_before_termination(self, make_employee: Emp) -> None:
        """Termination on 1 Sep 2025 averages Sep 2024 to Aug 2025 (September not complete)."""
        d = average_monthly_wage(make_employee(), as_of="2025-09-15")
        assert Money("20000") == d.value
        step = d.trace[0]
        assert ("2024-09", "2025-08", 12) == (
            step.args[step_index(step, "first_month")][1],
            step.args[step_index(step, "last_month")][1],
            step.args[step_index(step, "count")][1],
        )
        assert "spc-labor-1@2020-12-29:36" == d.citations[0].id
        assert 12 == d.parameters[0].as_int()

    def test_month_end_termination_counts_that_month(
        self, make_employee: Emp, make_wages: Wages
    ) -> None:
        """Termination on the last day of August counts August as the last month."""
        emp = make_employee(
            termination_date="2025-08-31",
            wages=(*make_wages("2024-09-01", 11, "10000"), *make_wages("2025-08-01", 1, "22000")),
        )
        d = average_monthly_wage(emp, as_of="2025-09-01")
        assert Money("11000") == d.value

    def test_include_termination_month(self, make_employee: Emp, make_wages: Wages) -> None:
        """The option counts the calendar month of termination (Oct 2024 to Sep 2025)."""
        emp = make_employee(wages=make_wages("2024-10-01", 12, "15000"))
        d = average_monthly_wage(emp, as_of="2025-09-15", include_termination_month=True)
        assert Money("15000") == d.value

    def test_short_employment_uses_fewer_months(
        self, make_employee: Emp, make_wages: Wages
    ) -> None:
        """Employment from 15 March: April to August (5 months); March, a part month, is left out."""
        emp = make_employee(
            employment_start="2025-03-15", wages=make_wages("2025-03-01", 6, "9000")
        )
        d = average_monthly_wage(emp, as_of="2025-09-15")
        assert Money("9000") == d.value
        finding = d.findings[0]
        assert "noncompete.average.short_employment" == finding.code
        assert (5, "2025-04", "2025-08") == (
            finding.arg("count"),
            finding.arg("first_month"),
            finding.arg("last_month"),
        )

    def test_missing_months_are_an_input_error(self, make_employee: Emp, make_wages: Wages) -> None:
        """Every missing month is listed; a missing month is never read as zero."""
        emp = make_employee(
            wages=(*make_wages("2024-09-01", 3, "20000"), *make_wages("2025-01-01", 8, "20000"))
        )
        with pytest.raises(InvalidInputError) as err:
            average_monthly_wage(emp, as_of="2025-09-15")
        assert ['"2024-12"'] == [p.value for p in err.value.problems]
        assert "wages" == err.value.field

    def test_no_termination_date(self, make_employee: Emp) -> None:
        """Without a termination date (or an assumed one) there is no average."""
        with pytest.raises(InvalidInputError) as err:
            average_monthly_wage(make_employee(termination_date=None), as_of="2025-09-15")
        assert ["termination_date"] == [p.path for p in err.value.problems]

    def test_assumed_termination_before_start(self, make_employee: Emp) -> None:
        """An assumed termination before the employment start is an input error."""
        with pytest.raises(InvalidInputError) as err:
            average_monthly_wage(make_employee(), as_of="2025-09-15", termination="2019-12-31")
        assert [("termination", "before the employment start")] == [
            (p.path, p.reason) for p in err.value.problems
        ]

    def test_assumed_termination_for_drafting(self, make_employee: Emp) -> None:
        """An assumed termination date works for an employee still employed."""
        d = average_monthly_wage(
            make_employee(termination_date=None), as_of="2025-09-15", termination="2025-09-01"
        )
        assert Money("20000") == d.value

    def test_duplicate_month_rejected(self, make_employee: Emp) -> None:
        """Two records for one month are an input error (any day identifies the month)."""
        dup = (
            WageRecord(month="2025-01-01", amount=Money("1")),
            WageRecord(month="2025-01-20", amount=Money("2")),
        )
        with pytest.raises(InvalidInputError):
            make_employee(wages=dup)

    def test_month_normalised(self) -> None:
        """A wage record stores the first day of its month."""
        assert to_date("2025-01-01") == WageRecord(month="2025-01-20", amount=Money("1")).month

    def test_explain_and_json(self, make_employee: Emp) -> None:
        """The determination renders in both languages and round-trips as JSON."""
        d = average_monthly_wage(make_employee(), as_of="2025-09-15")
        assert "2024-09" in explain(d, locale="en") and "2024-09" in explain(d, locale="zh_CN")
        assert d == from_json(to_json(d), Determination[Money])


def step_index(step: object, name: str) -> int:
    """Position of argument ``name`` in a trace step's sorted args."""
    args = step.args  # type: ignore[attr-defined]
    return [n for n, _ in args].index(name)


class TestCompensationFloor:
    def test_worked_example_shanghai(self, make_employee: Emp, make_agreement: Agr) -> None:
        """Average 20,000, 18 months, Shanghai, termination 2025-09-01: 6,000.00 and 10,000.00."""
        f = compensation_floor(make_agreement(), make_employee(), as_of="2025-09-15")
        assert 18 == len(f.months)
        assert {Money("6000.00")} == {m.default_amount for m in f.months}
        assert {Money("10000.00")} == {m.guidance_amount for m in f.months}
        assert (to_date("2025-09-02"), to_date("2027-03-01")) == (f.period_start, f.period_end)
        assert (Money("108000.00"), Money("180000.00")) == (f.default_total, f.guidance_total)
        assert (Ratio("0.30"), Ratio("0.50")) == (f.default_ratio, f.guidance_ratio)

    def test_tiers_are_visible(self, make_employee: Emp, make_agreement: Agr) -> None:
        """The default rests on a judicial interpretation, the 50 % on administrative guidance."""
        f = compensation_floor(make_agreement(), make_employee(), as_of="2025-09-15")
        assert Tier.JUDICIAL_INTERPRETATION == f.default_tier
        assert Tier.ADMINISTRATIVE_GUIDANCE == f.guidance_tier
        assert ["spc-labor-1@2020-12-29:36"] == [c.id for c in f.default_citations]
        assert ["mohrss-nc-guide@2025-09-12:13"] == [c.id for c in f.guidance_citations]
        names = {p.name for p in f.parameters}
        assert {
            "noncompete.default_ratio",
            "noncompete.guidance_long_period_ratio",
            "minimum_wage.monthly",
            "noncompete.average_wage_months",
        } <= names

    def test_twelve_months_stays_at_thirty_percent(
        self, make_employee: Emp, make_agreement: Agr
    ) -> None:
        """A 12-month period does not exceed one year: the guidance floor is 30 % (6,000.00)."""
        f = compensation_floor(
            make_agreement(duration_months=12), make_employee(), as_of="2025-10-01"
        )
        assert Money("6000.00") == f.months[0].guidance_amount
        assert Ratio("0.30") == f.guidance_ratio

    def test_minimum_wage_governs_low_wage(
        self, make_employee: Emp, make_agreement: Agr, make_wages: Wages
    ) -> None:
        """Average 5,000 in Shanghai: 30 % is 1,500 and 50 % is 2,500, both below 2,740."""
        emp = make_employee(wages=make_wages("2024-09-01", 12, "5000"))
        f = compensation_floor(make_agreement(), emp, as_of="2025-09-15")
        first = f.months[0]
        assert (Money("2740.00"), Money("2740.00")) == (first.default_amount, first.guidance_amount)
        assert first.default_by_minimum_wage and first.guidance_by_minimum_wage
        assert "noncompete.floor.minimum_wage_governs" in {x.code for x in f.findings}

    def test_rounding_half_up_at_the_instalment(
        self, make_employee: Emp, make_agreement: Agr, make_wages: Wages
    ) -> None:
        """Average 12,345.65 x 30 % = 3,703.695, paid as 3,703.70 (half up)."""
        emp = make_employee(wages=make_wages("2024-09-01", 12, "12345.65"))
        f = compensation_floor(make_agreement(), emp, as_of="2025-09-15")
        assert Money("3703.70") == f.months[0].default_amount
        assert Money("6172.83") == f.months[0].guidance_amount  # 6,172.825 half up

    def test_period_straddling_a_minimum_wage_rise(
        self, make_employee: Emp, make_agreement: Agr, make_wages: Wages
    ) -> None:
        """Beijing rose from 2,420 to 2,540 on 2025-09-01: the floor rises from that month."""
        emp = make_employee(
            place_of_performance="CN-BJ",
            termination_date="2025-07-31",
            wages=make_wages("2024-08-01", 12, "6000"),
        )
        f = compensation_floor(make_agreement(duration_months=6), emp, as_of="2026-02-01")
        assert [Money("2420.00"), Money("2540.00"), Money("2540.00")] == [
            m.default_amount for m in f.months[:3]
        ]
        assert (to_date("2025-08-01"), to_date("2025-08-31")) == (
            f.months[0].first_day,
            f.months[0].last_day,
        )
        assert 2 == len([s for s in f.trace if s.code == "noncompete.trace.minimum_wage"])

    def test_rise_inside_a_period_month_by_day_choice(
        self, make_employee: Emp, make_agreement: Agr, make_wages: Wages
    ) -> None:
        """Shanghai rose on 2025-07-01 inside the month 16 Jun - 15 Jul: last day counts it."""
        emp = make_employee(
            termination_date="2025-05-15", wages=make_wages("2024-05-01", 12, "6000")
        )
        nc = make_agreement(duration_months=3)
        last = compensation_floor(nc, emp, as_of="2025-10-01")
        first = compensation_floor(
            nc, emp, as_of="2025-10-01", minimum_wage_day=MinimumWageDay.FIRST_DAY
        )
        assert [Money("2690.00"), Money("2740.00"), Money("2740.00")] == [
            m.default_amount for m in last.months
        ]
        assert [Money("2690.00"), Money("2690.00"), Money("2740.00")] == [
            m.default_amount for m in first.months
        ]

    def test_guidance_not_in_force_before_publication(
        self, make_employee: Emp, make_agreement: Agr
    ) -> None:
        """Asked on 2025-09-01, before the guidelines were made public: the default only."""
        f = compensation_floor(make_agreement(), make_employee(), as_of="2025-09-01")
        assert (None, None, None) == (f.guidance_ratio, f.guidance_total, f.guidance_tier)
        assert Money("6000.00") == f.months[0].default_amount
        assert "noncompete.floor.guidance_not_in_force" in {x.code for x in f.findings}

    def test_period_capped_at_24_months(self, make_employee: Emp, make_agreement: Agr) -> None:
        """A 30-month period gives floors for 24 months only; the excess is void."""
        f = compensation_floor(
            make_agreement(duration_months=30), make_employee(), as_of="2025-10-01"
        )
        assert (30, 24, 24) == (f.agreed_months, f.period_months, len(f.months))
        assert "noncompete.floor.period_capped" in {x.code for x in f.findings}

    def test_in_service_only_has_no_months(self, make_employee: Emp, make_agreement: Agr) -> None:
        """An in-service restriction alone has no post-termination floor."""
        nc = make_agreement(in_service=True, post_termination=False, duration_months=0)
        f = compensation_floor(nc, make_employee(), as_of="2025-10-01")
        assert ((), Money("0")) == (f.months, f.default_total)

    def test_month_of(self, make_employee: Emp, make_agreement: Agr) -> None:
        """The month of the period containing a day; outside the period is an input error."""
        f = compensation_floor(make_agreement(), make_employee(), as_of="2025-10-01")
        assert 4 == f.month_of("2026-01-10").index
        with pytest.raises(InvalidInputError):
            f.month_of("2025-09-01")

    def test_unknown_region(self, make_employee: Emp, make_agreement: Agr) -> None:
        """An unknown place of performance is an input error."""
        with pytest.raises(InvalidInputError) as err:
            compensation_floor(
                make_agreement(), make_employee(place_of_performance="XX"), as_of="2025-10-01"
            )
        assert ["place_of_performance"] == [p.path for p in err.value.problems]

    def test_explain_both_languages(self, make_employee: Emp, make_agreement: Agr) -> None:
        """Both locales render the month table with amounts and citations."""
        f = compensation_floor(make_agreement(), make_employee(), as_of="2025-09-15")
        zh = explain(f, locale="zh_CN")
        en = explain(f, locale="en", format="markdown")
        assert "¥6,000.00" in zh and "¥10,000.00" in zh and "第三十六条" in zh
        assert "| 18 | 2 Feb 2027 – 1 Mar 2027 | CN¥2,740.00 | CN¥6,000.00 | CN¥10,000.00 |" in en

    def test_notebook_display(self, make_employee: Emp, make_agreement: Agr) -> None:
        """In a notebook the floor shows as a Chinese markdown table."""
        f = compensation_floor(make_agreement(), make_employee(), as_of="2025-09-15")
        shown = f._repr_markdown_()
        assert shown is not None
        assert shown.startswith("## 竞业限制经济补偿下限")

    def test_json_round_trip(self, make_employee: Emp, make_agreement: Agr) -> None:
        """The floor result round-trips through JSON."""
        f = compensation_floor(make_agreement(), make_employee(), as_of="2025-09-15")
        assert f == from_json(to_json(f), type(f))


class TestAgreedMonthly:
    def test_ratio_and_amount(self, make_agreement: Agr) -> None:
        """A ratio applies to the average (rounded at the instalment); an amount is as agreed."""
        ratio = make_agreement(
            compensation=CompensationTerms(basis=CompensationBasis.WAGE_RATIO, ratio=Ratio("0.4"))
        )
        amount = make_agreement(
            compensation=CompensationTerms(
                basis=CompensationBasis.MONTHLY_AMOUNT, monthly_amount=Money("7000")
            )
        )
        assert Money("7407.41") == agreed_monthly_compensation(ratio, Money("18518.52"))
        assert Money("7000.00") == agreed_monthly_compensation(amount, Money("1"))
        assert agreed_monthly_compensation(make_agreement(), Money("1")) is None


class TestEmployerRelease:
    def test_before_the_restriction_takes_effect(
        self, make_employee: Emp, make_agreement: Agr
    ) -> None:
        """Released before employment ends: no extra cost."""
        d = employer_release(
            make_agreement(), make_employee(), release_date="2025-08-20", as_of="2025-10-01"
        )
        assert Money("0") == d.value
        assert "noncompete.release.before_effect" == d.findings[0].code

    def test_during_the_period_three_extra_months(
        self, make_employee: Emp, make_agreement: Agr
    ) -> None:
        """Released during the period without agreed pay: 3 x the 6,000.00 default = 18,000.00."""
        d = employer_release(
            make_agreement(), make_employee(), release_date="2026-01-10", as_of="2026-01-10"
        )
        assert Money("18000.00") == d.value
        assert "spc-labor-1@2020-12-29:39" == d.citations[0].id
        codes = [x.code for x in d.findings]
        assert ["noncompete.release.during_period", "noncompete.release.guidance_minimum"] == codes
        assert not d.findings[1].binding

    def test_agreed_amount_is_the_basis(self, make_employee: Emp, make_agreement: Agr) -> None:
        """With 8,000 a month agreed, three months are 24,000.00; by agreement: no guidance note."""
        nc = make_agreement(
            compensation=CompensationTerms(
                basis=CompensationBasis.MONTHLY_AMOUNT, monthly_amount=Money("8000")
            )
        )
        d = employer_release(
            nc, make_employee(), release_date="2026-01-10", as_of="2026-01-10", by_agreement=True
        )
        assert Money("24000.00") == d.value
        assert ["noncompete.release.during_period"] == [x.code for x in d.findings]

    def test_after_the_period(self, make_employee: Emp, make_agreement: Agr) -> None:
        """After the period ended there is nothing to release."""
        d = employer_release(
            make_agreement(), make_employee(), release_date="2027-06-01", as_of="2027-06-01"
        )
        assert (Money("0"), "noncompete.release.after_period") == (d.value, d.findings[0].code)

    def test_in_service_only_release_costs_nothing(
        self, make_employee: Emp, make_agreement: Agr
    ) -> None:
        """An in-service-only restriction has no post-termination period: no extra months."""
        nc = make_agreement(in_service=True, post_termination=False, duration_months=0)
        d = employer_release(nc, make_employee(), release_date="2025-08-01", as_of="2025-10-01")
        assert (Money("0"), ["noncompete.release.no_post_termination_restriction"]) == (
            d.value,
            [x.code for x in d.findings],
        )
        assert "no extra months" in explain(d, locale="en")
        assert "无需额外支付" in explain(d, locale="zh_CN")

    def test_release_on_the_termination_date_and_the_day_after(
        self, make_employee: Emp, make_agreement: Agr
    ) -> None:
        """On the termination date (2025-09-01) nothing; the next day the period has begun."""
        on = employer_release(
            make_agreement(), make_employee(), release_date="2025-09-01", as_of="2025-10-01"
        )
        after = employer_release(
            make_agreement(), make_employee(), release_date="2025-09-02", as_of="2025-10-01"
        )
        assert (Money("0"), "noncompete.release.before_effect") == (on.value, on.findings[0].code)
        assert (Money("18000.00"), "noncompete.release.during_period") == (
            after.value,
            after.findings[0].code,
        )

    def test_release_on_the_last_day_and_after(
        self, make_employee: Emp, make_agreement: Agr
    ) -> None:
        """The 18-month period ends 2027-03-01: a release that day costs 3 months, the next not."""
        last = employer_release(
            make_agreement(), make_employee(), release_date="2027-03-01", as_of="2027-03-01"
        )
        ended = employer_release(
            make_agreement(), make_employee(), release_date="2027-03-02", as_of="2027-03-02"
        )
        assert Money("18000.00") == last.value
        assert (Money("0"), "noncompete.release.after_period") == (
            ended.value,
            ended.findings[0].code,
        )

    def test_guidance_minimum_finding(self, make_employee: Emp, make_agreement: Agr) -> None:
        """Without agreement the MOHRSS §18 note says at least 3 months (18,000.00): guidance."""
        d = employer_release(
            make_agreement(), make_employee(), release_date="2026-01-10", as_of="2026-01-10"
        )
        g = d.findings[1]
        assert (3, Money("18000.00")) == (g.arg("months"), g.arg("amount"))
        assert (["mohrss-nc-guide@2025-09-12:18"], Tier.ADMINISTRATIVE_GUIDANCE) == (
            [c.id for c in g.citations],
            g.tier,
        )
        assert {
            "noncompete.employer_release_extra_months",
            "noncompete.guidance_employer_release_min_months",
        } <= {p.name for p in d.parameters}

    def test_no_guidance_note_before_publication(
        self, make_employee: Emp, make_agreement: Agr
    ) -> None:
        """Released and asked on 2025-09-05, before the guidelines: Art. 39 alone, 18,000.00."""
        d = employer_release(
            make_agreement(), make_employee(), release_date="2025-09-05", as_of="2025-09-05"
        )
        assert (Money("18000.00"), ["noncompete.release.during_period"]) == (
            d.value,
            [x.code for x in d.findings],
        )
        assert d.binding

    def test_explain(self, make_employee: Emp, make_agreement: Agr) -> None:
        """The release renders in both languages."""
        d = employer_release(
            make_agreement(), make_employee(), release_date="2026-01-10", as_of="2026-01-10"
        )
        assert "18,000.00" in explain(d, locale="zh_CN")
        assert "3 extra months" in explain(d, locale="en")


def test_decimal_average_not_rounded(make_employee: Emp, make_wages: Wages) -> None:
    """The average is exact: 3 months of 10,000, 10,000 and 10,001 average 10,000.333..."""
    emp = make_employee(
        employment_start="2025-06-01",
        wages=(*make_wages("2025-06-01", 2, "10000"), *make_wages("2025-08-01", 1, "10001")),
    )
    d = average_monthly_wage(emp, as_of="2025-09-15")
    assert Decimal("10000.33") == d.value.amount.quantize(Decimal("0.01"))
    assert d.value.amount != Decimal("10000.33")


def test_wage_window_in_december_9999_does_not_overflow(make_employee: Emp) -> None:
    """A termination on the last representable day lists its wage months without overflowing."""
    from tradesecret.noncompete.compensation import wage_months  # noqa: PLC0415

    employee = make_employee(employment_start="9990-01-01", termination_date="9999-12-31")
    months = wage_months(employee, termination=to_date("9999-12-31"), months=12)
    assert (to_date("9999-01-01"), to_date("9999-12-01")) == (months[0], months[-1])
