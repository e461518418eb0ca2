"""Boundaries: the two-year cap, the one-year guidance threshold, month ends, leap Februaries,
and the publication date of the MOHRSS guidelines."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tradesecret import explain
from tradesecret.dates import to_date
from tradesecret.law import Tier
from tradesecret.money import Money, Ratio
from tradesecret.noncompete import (
    CompensationBasis,
    CompensationTerms,
    EmployeeFacts,
    NonCompeteAgreement,
    WageRecord,
    average_monthly_wage,
    compensation_floor,
    review_noncompete,
)
from tradesecret.results import Outcome, Severity

Emp = Callable[..., EmployeeFacts]
Agr = Callable[..., NonCompeteAgreement]
Wages = Callable[[str, int, str], tuple[WageRecord, ...]]

G13 = "mohrss-nc-guide@2025-09-12:13"
ART36 = "spc-labor-1@2020-12-29:36"
SEVEN_K = CompensationTerms(basis=CompensationBasis.MONTHLY_AMOUNT, monthly_amount=Money("7000"))


def window(d: object) -> tuple[str, str, int]:
    """First month, last month and count of an average-wage determination's trace."""
    args = dict(d.trace[0].args)  # type: ignore[attr-defined]
    return (args["first_month"], args["last_month"], args["count"])


class TestTwoYearCap:
    def test_exactly_24_months_is_within_the_cap(
        self, make_employee: Emp, make_agreement: Agr
    ) -> None:
        """24 months does not exceed 'not more than two years': no finding, 24 months computed."""
        nc = make_agreement(duration_months=24, compensation=SEVEN_K)
        a = review_noncompete(nc, make_employee(), as_of="2025-10-01")
        assert "noncompete.duration.exceeds_cap" not in a.codes()
        assert Outcome.MET == a.criterion("noncompete.criterion.duration").outcome
        f = compensation_floor(nc, make_employee(), as_of="2025-10-01")
        assert (24, 24, to_date("2027-09-01")) == (f.agreed_months, f.period_months, f.period_end)
        assert "noncompete.floor.period_capped" not in {x.code for x in f.findings}

    def test_25_months_one_month_void(self, make_employee: Emp, make_agreement: Agr) -> None:
        """25 months: the excess one month is void (LCL Art. 24(2)); floors stop at 24."""
        nc = make_agreement(duration_months=25, compensation=SEVEN_K)
        a = review_noncompete(nc, make_employee(), as_of="2025-10-01")
        f = next(x for x in a.all_findings() if x.code == "noncompete.duration.exceeds_cap")
        assert (25, 24, 1) == (f.arg("months"), f.arg("cap"), f.arg("excess"))
        assert (Severity.HIGH, ["lcl@2012-12-28:24.2"], True) == (
            f.severity,
            [c.id for c in f.citations],
            f.binding,
        )
        assert Outcome.NOT_MET == a.criterion("noncompete.criterion.duration").outcome
        floor = compensation_floor(nc, make_employee(), as_of="2025-10-01")
        assert (25, 24, to_date("2027-09-01")) == (
            floor.agreed_months,
            floor.period_months,
            floor.period_end,
        )
        capped = next(x for x in floor.findings if x.code == "noncompete.floor.period_capped")
        assert (25, 24) == (capped.arg("agreed"), capped.arg("cap"))
        assert Money("144000.00") == floor.default_total  # 24 x 6,000.00, not 25
        assert "excess" in explain(floor, locale="en") and "超过部分无效" in explain(
            floor, locale="zh_CN"
        )


class TestOneYearGuidanceThreshold:
    def test_exactly_12_months_thirty_percent(
        self, make_employee: Emp, make_agreement: Agr
    ) -> None:
        """12 months does not exceed one year: the guidance floor is 30 % (6,000.00)."""
        f = compensation_floor(
            make_agreement(duration_months=12), make_employee(), as_of="2025-10-01"
        )
        assert (Ratio("0.30"), Money("6000.00"), Money("72000.00")) == (
            f.guidance_ratio,
            f.months[0].guidance_amount,
            f.guidance_total,
        )
        assert "noncompete.guidance_long_period_ratio" not in {p.name for p in f.parameters}

    def test_13_months_fifty_percent(self, make_employee: Emp, make_agreement: Agr) -> None:
        """13 months exceeds one year: generally not below 50 % (10,000.00 a month)."""
        f = compensation_floor(
            make_agreement(duration_months=13), make_employee(), as_of="2025-10-01"
        )
        assert (Ratio("0.50"), Money("10000.00"), Money("130000.00")) == (
            f.guidance_ratio,
            f.months[0].guidance_amount,
            f.guidance_total,
        )
        assert Money("6000.00") == f.months[0].default_amount  # the default stays at 30 %
        step = next(s for s in f.trace if s.code == "noncompete.trace.guidance_ratio")
        assert (13, 12) == (dict(step.args)["months"], dict(step.args)["threshold"])
        assert [G13] == [c.id for c in step.citations]

    def test_review_12_vs_13_months(self, make_employee: Emp, make_agreement: Agr) -> None:
        """7,000 a month: fine for 12 months, below the 50 % guidance for 13 (not binding)."""
        twelve = review_noncompete(
            make_agreement(duration_months=12, compensation=SEVEN_K),
            make_employee(),
            as_of="2025-10-01",
        )
        thirteen = review_noncompete(
            make_agreement(duration_months=13, compensation=SEVEN_K),
            make_employee(),
            as_of="2025-10-01",
        )
        code = "noncompete.compensation.below_guidance_long_period"
        assert code not in twelve.codes()
        f = next(x for x in thirteen.all_findings() if x.code == code)
        assert (13, 12, Money("7000.00"), Money("10000.00")) == (
            f.arg("months"),
            f.arg("threshold"),
            f.arg("agreed"),
            f.arg("guidance"),
        )
        assert (Tier.ADMINISTRATIVE_GUIDANCE, False, [G13]) == (
            f.tier,
            f.binding,
            [c.id for c in f.citations],
        )
        assert "generally" in explain(thirteen, locale="en")
        assert "一般不宜低于" in explain(thirteen, locale="zh_CN")


class TestMonthEnds:
    def test_termination_on_31_january(
        self, make_employee: Emp, make_agreement: Agr, make_wages: Wages
    ) -> None:
        """Left on 2025-01-31: January counts (Feb 2024 - Jan 2025); months end 28 Feb, 31 Mar."""
        emp = make_employee(
            termination_date="2025-01-31",
            wages=(
                WageRecord(month="2024-01-01", amount=Money("1000000")),  # outside the window
                *make_wages("2024-02-01", 12, "15000"),
            ),
        )
        avg = average_monthly_wage(emp, as_of="2025-10-01")
        assert (Money("15000"), ("2024-02", "2025-01", 12)) == (avg.value, window(avg))
        f = compensation_floor(make_agreement(duration_months=12), emp, as_of="2025-10-01")
        assert [
            (to_date("2025-02-01"), to_date("2025-02-28")),
            (to_date("2025-03-01"), to_date("2025-03-31")),
            (to_date("2025-04-01"), to_date("2025-04-30")),
        ] == [(m.first_day, m.last_day) for m in f.months[:3]]
        assert (to_date("2026-01-31"), Money("4500.00")) == (
            f.period_end,
            f.months[0].default_amount,
        )

    def test_termination_on_30_january_excludes_january(
        self, make_employee: Emp, make_wages: Wages
    ) -> None:
        """Left on 2025-01-30: January is not complete, so Jan 2024 - Dec 2024 is averaged."""
        emp = make_employee(
            termination_date="2025-01-30",
            wages=(*make_wages("2024-01-01", 12, "12000"), *make_wages("2025-01-01", 1, "99999")),
        )
        avg = average_monthly_wage(emp, as_of="2025-10-01")
        assert (Money("12000"), ("2024-01", "2024-12", 12)) == (avg.value, window(avg))


class TestLeapFebruary:
    def test_termination_on_29_february_2024(
        self, make_employee: Emp, make_agreement: Agr, make_wages: Wages
    ) -> None:
        """Left on 2024-02-29 (a month end): Mar 2023 - Feb 2024; months end on the 29th."""
        emp = make_employee(
            termination_date="2024-02-29",
            wages=(
                WageRecord(month="2023-02-01", amount=Money("1000000")),  # outside the window
                *make_wages("2023-03-01", 12, "20000"),
            ),
        )
        avg = average_monthly_wage(emp, as_of="2024-03-01")
        assert (Money("20000"), ("2023-03", "2024-02", 12)) == (avg.value, window(avg))
        f = compensation_floor(make_agreement(duration_months=12), emp, as_of="2024-03-01")
        # Civil Code Art. 202 as implemented by tradesecret.dates: the corresponding day.
        assert [
            (to_date("2024-03-01"), to_date("2024-03-29")),
            (to_date("2024-03-30"), to_date("2024-04-29")),
        ] == [(m.first_day, m.last_day) for m in f.months[:2]]
        assert (to_date("2025-02-28"), Money("6000.00")) == (
            f.period_end,
            f.months[0].default_amount,
        )

    def test_termination_on_28_february_2024_is_not_a_month_end(
        self, make_employee: Emp, make_wages: Wages
    ) -> None:
        """Left on 2024-02-28 in a leap year: February is not complete (Feb 2023 - Jan 2024)."""
        emp = make_employee(
            termination_date="2024-02-28",
            wages=(*make_wages("2023-02-01", 12, "8000"), *make_wages("2024-02-01", 1, "99999")),
        )
        avg = average_monthly_wage(emp, as_of="2024-03-01")
        assert (Money("8000"), ("2023-02", "2024-01", 12)) == (avg.value, window(avg))

    def test_termination_on_28_february_2025_is_a_month_end(
        self, make_employee: Emp, make_wages: Wages
    ) -> None:
        """Left on 2025-02-28 (not a leap year): February counts (Mar 2024 - Feb 2025)."""
        emp = make_employee(
            termination_date="2025-02-28",
            wages=(
                WageRecord(month="2024-02-01", amount=Money("1")),
                *make_wages("2024-03-01", 12, "8000"),
            ),
        )
        avg = average_monthly_wage(emp, as_of="2025-03-01")
        assert (Money("8000"), ("2024-03", "2025-02", 12)) == (avg.value, window(avg))

    def test_first_month_is_leap_february_with_minimum_wage(
        self, make_employee: Emp, make_agreement: Agr, make_wages: Wages
    ) -> None:
        """Left 2024-01-31 on 5,000: 1 - 29 Feb 2024 pays Shanghai's 2,690 (from 2023-07-01)."""
        emp = make_employee(
            termination_date="2024-01-31", wages=make_wages("2023-02-01", 12, "5000")
        )
        f = compensation_floor(make_agreement(duration_months=6), emp, as_of="2024-12-31")
        first, july = f.months[0], f.months[5]
        assert (to_date("2024-02-01"), to_date("2024-02-29"), Money("2690.00")) == (
            first.first_day,
            first.last_day,
            first.default_amount,
        )
        assert (to_date("2024-07-01"), to_date("2024-07-31"), Money("2690.00")) == (
            july.first_day,
            july.last_day,
            july.default_amount,
        )
        assert all(m.default_by_minimum_wage for m in f.months)
        assert Money("16140.00") == f.default_total  # 6 x 2,690
        assert f.guidance_ratio is None  # asked before the guidelines were made public


class TestGuidancePublicationDate:
    """The issue's example: 20,000 a month, 18 months, Shanghai, termination on 2025-09-01."""

    @pytest.mark.parametrize("as_of", ["2025-09-01", "2025-09-11"])
    def test_before_publication_default_only(
        self, make_employee: Emp, make_agreement: Agr, as_of: str
    ) -> None:
        """Asked before 2025-09-12: 6,000.00 default, no guidance figure, and a finding says why."""
        f = compensation_floor(make_agreement(), make_employee(), as_of=as_of)
        assert (Money("6000.00"), Money("108000.00")) == (
            f.months[0].default_amount,
            f.default_total,
        )
        assert (None, None, None, ()) == (
            f.guidance_ratio,
            f.guidance_total,
            f.months[0].guidance_amount,
            f.guidance_citations,
        )
        note = next(x for x in f.findings if x.code == "noncompete.floor.guidance_not_in_force")
        assert (to_date(as_of), [G13]) == (note.arg("as_of"), [c.id for c in note.citations])
        assert [ART36] == [c.id for c in f.citations]
        assert "had not been made public" in explain(f, locale="en")
        assert "尚未公布" in explain(f, locale="zh_CN")

    @pytest.mark.parametrize("as_of", ["2025-09-12", "2026-11-21"])
    def test_from_publication_both_tiers(
        self, make_employee: Emp, make_agreement: Agr, as_of: str
    ) -> None:
        """Asked on or after 2025-09-12: default 6,000.00 and guidance 10,000.00 a month."""
        f = compensation_floor(make_agreement(), make_employee(), as_of=as_of)
        assert (Money("6000.00"), Money("10000.00")) == (
            f.months[0].default_amount,
            f.months[0].guidance_amount,
        )
        assert (Money("108000.00"), Money("180000.00")) == (f.default_total, f.guidance_total)
        assert [ART36, G13] == [c.id for c in f.citations]
        assert "noncompete.floor.guidance_not_in_force" not in {x.code for x in f.findings}
