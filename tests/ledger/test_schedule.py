"""The schedule: periods, due dates and amounts, month ends included."""

from __future__ import annotations

import pytest

from tradesecret import InvalidInputError, Money, to_date
from tradesecret.ledger import (
    DueConvention,
    LedgerOptions,
    LedgerTerms,
    MinimumWageMonth,
    build_schedule,
)
from tradesecret.rulebook import Rulebook


def terms(termination: str = "2025-01-31", **kw: object) -> LedgerTerms:
    values: dict[str, object] = {
        "agreement_id": "A-1",
        "termination_date": termination,
        "months": 24,
        "region": "CN-SH",
        "agreed_monthly": Money("6000"),
    }
    values.update(kw)
    return LedgerTerms(**values)  # type: ignore[arg-type]


def spans(t: LedgerTerms, **kw: object) -> list[tuple[str, str, str, str]]:
    s = build_schedule(t, **kw)  # type: ignore[arg-type]
    return [
        (str(i.period_start), str(i.period_end), str(i.due), str(i.amount.amount))
        for i in s.instalments
    ]


class TestPeriods:
    def test_month_end_termination(self) -> None:
        """Termination on 31 January: months end on 28 Feb, 31 Mar, 30 Apr; due on the last day."""
        got = spans(terms())
        assert got[:3] == [
            ("2025-02-01", "2025-02-28", "2025-02-28", "6000.00"),
            ("2025-03-01", "2025-03-31", "2025-03-31", "6000.00"),
            ("2025-04-01", "2025-04-30", "2025-04-30", "6000.00"),
        ]
        assert got[-1] == ("2027-01-01", "2027-01-31", "2027-01-31", "6000.00")
        assert 24 == len(got)

    def test_leap_february(self) -> None:
        """Termination on 31 January 2024: the first month ends on 29 February."""
        assert ("2024-02-01", "2024-02-29", "2024-02-29", "6000.00") == spans(terms("2024-01-31"))[
            0
        ]

    def test_corresponding_day_does_not_drift(self) -> None:
        """From 28 February the months end on the 28th (Civil Code Art. 202), never drift."""
        got = spans(terms("2025-02-28", months=3))
        assert [(a, b) for a, b, _, _ in got] == [
            ("2025-03-01", "2025-03-28"),
            ("2025-03-29", "2025-04-28"),
            ("2025-04-29", "2025-05-28"),
        ]

    def test_start_of_period_convention(self) -> None:
        """Pay-in-advance convention: due on the first day of each month of the period."""
        got = spans(
            terms(months=2), options=LedgerOptions(due_convention=DueConvention.START_OF_PERIOD)
        )
        assert ["2025-02-01", "2025-03-01"] == [due for _, _, due, _ in got]

    def test_offset_parameter_override(self, rb: Rulebook) -> None:
        """A tenant's ledger.due_offset_days of 15 moves each due date 15 days on."""
        rb2 = rb.extended(
            """
[[parameter]]
name = "ledger.due_offset_days"
unit = "days"
label_zh = "付款期限"
label_en = "Due offset"
last_reviewed = 2026-11-21
[[parameter.value]]
since = 2000-01-01
value = 15
cite = ["tradesecret-policy@2026-11-21"]
status = "DERIVED"
""",
            source="tenant.toml",
        )
        got = spans(terms(months=2), rulebook=rb2)
        assert ["2025-03-15", "2025-04-15"] == [due for _, _, due, _ in got]

    def test_period_capped_at_two_years(self) -> None:
        """An agreed 30 months is scheduled for 24 (LCL Art. 24(2)), with a finding."""
        s = build_schedule(terms(months=30))
        assert (24, 30) == (s.months, s.agreed_months)
        assert "ledger.schedule.period_capped" == s.findings[0].code
        assert "lcl@2012-12-28:24.2" == s.findings[0].citations[0].id
        assert Money("144000") == s.total


class TestAmounts:
    def test_minimum_wage_rise_inside_period(self) -> None:
        """30 % of 8,000 is below Shanghai's minimum wage: 2,690 until June 2025, 2,740 from July."""
        s = build_schedule(
            terms("2025-03-31", months=6, agreed_monthly=None, average_monthly_wage=Money("8000"))
        )
        assert ["2690.00"] * 3 + ["2740.00"] * 3 == [str(i.amount.amount) for i in s.instalments]
        assert {"spc_labor_1_art36_min_wage_floor"} == {i.rule for i in s.instalments}
        assert Money("16290") == s.total
        assert "spc-labor-1@2020-12-29:36" in [c.id for c in s.citations]

    def test_minimum_wage_month_readings(self) -> None:
        """Month 16 Jun - 15 Jul: last-day reading takes July's 2,740, first-day reading June's 2,690."""
        t = terms("2025-03-15", months=6, agreed_monthly=None, average_monthly_wage=Money("8000"))
        end = build_schedule(t)
        start = build_schedule(
            t, options=LedgerOptions(minimum_wage_month=MinimumWageMonth.PERIOD_START)
        )
        assert (Money("2740"), Money("2690")) == (
            end.instalments[3].amount,
            start.instalments[3].amount,
        )
        assert Money("2740") == start.instalments[4].amount

    def test_thirty_percent_rounded_half_up(self) -> None:
        """30 % of 12,345.55 is 3,703.665, rounded half up to 3,703.67 (above the minimum wage)."""
        s = build_schedule(
            terms(months=1, agreed_monthly=None, average_monthly_wage=Money("12345.55"))
        )
        assert (Money("3703.67"), "spc_labor_1_art36_default") == (
            s.instalments[0].amount,
            s.instalments[0].rule,
        )

    def test_exact_average_wage(self) -> None:
        """An exact average is rounded only at the instalment: 30 % of 20,000.005 is 6,000.00."""
        s = build_schedule(
            terms(months=1, agreed_monthly=None, average_monthly_wage=Money("20000.005"))
        )
        assert Money("6000.00") == s.instalments[0].amount


class TestInvalid:
    def test_unknown_region(self) -> None:
        """An unknown region is an input error."""
        with pytest.raises(InvalidInputError, match="unknown region"):
            build_schedule(terms(region="CN-XX"))

    def test_no_amount_and_no_wage(self) -> None:
        """Without an agreed amount the average wage is required."""
        with pytest.raises(InvalidInputError, match="average_monthly_wage"):
            terms(agreed_monthly=None)

    def test_non_fen_agreed_amount(self) -> None:
        """An agreed amount must be whole fen; a negative one is refused."""
        with pytest.raises(InvalidInputError):
            terms(agreed_monthly=Money("1.005"))
        with pytest.raises(InvalidInputError):
            terms(agreed_monthly=Money("-1"))

    def test_out_of_coverage(self) -> None:
        """A termination before the data's coverage is an input error, never a guess."""
        with pytest.raises(InvalidInputError):
            build_schedule(terms("2007-06-30"))

    def test_minimum_wage_before_coverage(self) -> None:
        """No Shanghai minimum wage before 2017-04-01 is held: the default cannot be computed."""
        with pytest.raises(InvalidInputError, match="minimum wage"):
            build_schedule(
                terms("2017-01-31", agreed_monthly=None, average_monthly_wage=Money("5000"))
            )

    def test_date_strings_are_parsed(self) -> None:
        """Dates given as ISO text become pendulum dates."""
        assert to_date("2025-01-31") == terms().termination_date


def test_period_past_year_9999_is_an_input_error() -> None:
    """A restriction that would end after 9999-12-31 is refused with the field, not a ValueError."""
    terms = LedgerTerms(
        agreement_id="A",
        termination_date="9999-06-30",
        months=12,
        region="CN-SH",
        agreed_monthly=Money("100"),
    )
    with pytest.raises(InvalidInputError) as info:
        build_schedule(terms)
    assert "termination_date" == info.value.field
