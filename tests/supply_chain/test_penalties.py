"""Penalty calculators: exact amounts at their boundaries, fraction rules, caps, defaults."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradesecret.dates import to_date
from tradesecret.exceptions import FloatNotAllowedError, InvalidInputError
from tradesecret.i18n import explain
from tradesecret.measures import LiquidatedDamages
from tradesecret.money import Money, Ratio
from tradesecret.results import Determination
from tradesecret.serialization import from_json, to_json
from tradesecret.supply_chain import (
    DbFraction,
    certification_delay_penalty,
    leak_liquidated_damages,
    quality_penalty,
)

ORDER = Money("100000")
AS_OF = "2026-06-01"


class TestQualityPenalty:
    @pytest.mark.parametrize(
        ("measured", "fraction", "expected"),
        [
            ("35", DbFraction.PRO_RATA, "0.00"),
            ("34", DbFraction.PRO_RATA, "0.00"),
            ("35.1", DbFraction.PRO_RATA, "200.00"),
            ("35.1", DbFraction.ROUND_UP, "2000.00"),
            ("35.1", DbFraction.ROUND_DOWN, "0.00"),
            ("35.4", DbFraction.PRO_RATA, "800.00"),
            ("35.4", DbFraction.ROUND_UP, "2000.00"),
            ("35.4", DbFraction.ROUND_DOWN, "0.00"),
            ("36", DbFraction.PRO_RATA, "2000.00"),
            ("36", DbFraction.ROUND_UP, "2000.00"),
            ("36", DbFraction.ROUND_DOWN, "2000.00"),
            ("36.4", DbFraction.ROUND_UP, "4000.00"),
            ("36.4", DbFraction.ROUND_DOWN, "2000.00"),
            ("40", DbFraction.PRO_RATA, "10000.00"),
        ],
    )
    def test_per_db_against_35(self, measured: str, fraction: DbFraction, expected: str) -> None:
        """2 % of RMB 100,000 per dB over 35 dB, for each reading of a fraction of a dB."""
        d = quality_penalty(
            ORDER, measured_db=measured, limit_db=35, as_of=AS_OF, fraction=fraction
        )

        assert Money(expected) == d.value

    def test_default_is_pro_rata_and_says_so(self) -> None:
        """Without contract figures the 2 % default is used and reported with its parameter."""
        d = quality_penalty(ORDER, measured_db="37.5", limit_db=35, as_of=AS_OF)

        assert Money("5000.00") == d.value
        assert ["supply_chain.penalty.quality_ratio_per_db"] == [p.name for p in d.parameters]
        assert {"supply_chain.penalty.contract_term", "supply_chain.penalty.default_figure"} == {
            f.code for f in d.findings
        }
        assert "db_fraction_pro_rata" == d.trace[0].rule

    def test_contract_ratio_wins(self) -> None:
        """A contract ratio replaces the default, and no default finding is raised."""
        d = quality_penalty(
            ORDER, measured_db=37, limit_db=35, as_of=AS_OF, ratio_per_db=Ratio("0.03")
        )

        assert Money("6000.00") == d.value
        assert () == d.parameters
        assert {"supply_chain.penalty.contract_term"} == {f.code for f in d.findings}

    @pytest.mark.parametrize(
        ("cap", "cap_ratio", "expected"),
        [
            (Money("3000"), None, "3000.00"),
            (None, Ratio("0.04"), "4000.00"),
            (Money("3000"), Ratio("0.04"), "3000.00"),
            (Money("5000"), None, "5000.00"),
            (Money("9000"), None, "5000.00"),
        ],
    )
    def test_caps(self, cap: Money | None, cap_ratio: Ratio | None, expected: str) -> None:
        """The lower of the agreed caps applies; a cap at or above the amount changes nothing."""
        d = quality_penalty(
            ORDER, measured_db="37.5", limit_db=35, as_of=AS_OF, cap=cap, cap_ratio=cap_ratio
        )

        assert Money(expected) == d.value
        assert (Money(expected) < Money("5000")) == any(s.rule == "contract_cap" for s in d.trace)

    def test_rounds_half_up_once(self) -> None:
        """RMB 1,234.25 x 2 % x 0.5 = 12.3425 -> 12.34; x 0.75 = 18.51375 -> 18.51; 0.625 dB -> 15.428125 -> 15.43."""
        order = Money("1234.25")

        assert (
            Money("12.34")
            == quality_penalty(order, measured_db="35.5", limit_db=35, as_of=AS_OF).value
        )
        assert (
            Money("18.51")
            == quality_penalty(order, measured_db="35.75", limit_db=35, as_of=AS_OF).value
        )
        assert (
            Money("15.43")
            == quality_penalty(order, measured_db="35.625", limit_db=35, as_of=AS_OF).value
        )

    def test_float_refused(self) -> None:
        """A float reading is refused."""
        with pytest.raises(FloatNotAllowedError):
            quality_penalty(ORDER, measured_db=36.5, limit_db=35, as_of=AS_OF)  # type: ignore[arg-type]

    def test_negative_order_refused(self) -> None:
        """A negative order value is an input error."""
        with pytest.raises(InvalidInputError):
            quality_penalty(Money("-1"), measured_db=36, limit_db=35, as_of=AS_OF)

    def test_explain_and_json(self) -> None:
        """The determination renders in both languages and round-trips."""
        d = quality_penalty(ORDER, measured_db="37.5", limit_db=35, as_of=AS_OF)

        assert d == from_json(to_json(d), Determination[Money])
        assert "质量违约金" in explain(d, locale="zh_CN") and "¥5,000.00" in explain(
            d, locale="zh_CN"
        )
        assert "2.5 dB over" in explain(d, locale="en")


class TestCertificationDelay:
    @pytest.mark.parametrize(
        ("completed", "days_late", "expected"),
        [
            ("2026-04-15", 0, "0.00"),
            ("2026-04-16", 0, "0.00"),
            ("2026-04-17", 1, "1000.00"),
            ("2026-04-20", 4, "4000.00"),
        ],
    )
    def test_45_day_schedule(self, completed: str, days_late: int, expected: str) -> None:
        """45 days from 2026-03-02 end on 2026-04-16 (start day not counted); 0.5 % of RMB 200,000 per day after."""
        d = certification_delay_penalty(
            Money("200000"), schedule_start="2026-03-02", completed_on=completed, as_of=completed
        )

        assert Money(expected) == d.value
        assert to_date("2026-04-16") == d.trace[0].on
        assert days_late == dict(d.trace[1].args)["days"]

    def test_due_day_on_holiday_moves(self) -> None:
        """A schedule ending on National Day 2025 is due on 9 October; completion that day is on time."""
        on_time = certification_delay_penalty(
            Money("200000"),
            schedule_start="2025-08-17",
            completed_on="2025-10-09",
            as_of="2025-10-09",
        )
        late = certification_delay_penalty(
            Money("200000"),
            schedule_start="2025-08-17",
            completed_on="2025-10-10",
            as_of="2025-10-10",
        )

        assert (Money("0.00"), Money("1000.00")) == (on_time.value, late.value)
        assert "civil-code@2020-05-28:203" in {c.id for c in late.citations}

    def test_contract_can_exclude_rolling(self) -> None:
        """With roll_rest_days=False the schedule ends on 1 October: 9 days late on 10 October."""
        d = certification_delay_penalty(
            Money("200000"),
            schedule_start="2025-08-17",
            completed_on="2025-10-10",
            as_of="2025-10-10",
            roll_rest_days=False,
        )

        assert Money("9000.00") == d.value
        assert "civil-code@2020-05-28:204" in {c.id for c in d.citations}

    def test_contract_figures_and_cap(self) -> None:
        """A 30-day schedule at 1 % per day, capped at 5 % of the order value."""
        d = certification_delay_penalty(
            Money("200000"),
            schedule_start="2026-03-02",
            completed_on="2026-04-30",
            as_of="2026-04-30",
            schedule_days=30,
            ratio_per_day=Ratio("0.01"),
            cap_ratio=Ratio("0.05"),
        )

        assert Money("10000.00") == d.value
        assert () == d.parameters

    def test_completion_before_start_refused(self) -> None:
        """Completion before the schedule starts is an input error."""
        with pytest.raises(InvalidInputError):
            certification_delay_penalty(
                Money("1"),
                schedule_start="2026-03-02",
                completed_on="2026-03-01",
                as_of="2026-03-02",
            )

    def test_explain(self) -> None:
        """The steps show the due day and the days late in both languages."""
        d = certification_delay_penalty(
            Money("200000"),
            schedule_start="2026-03-02",
            completed_on="2026-04-20",
            as_of="2026-04-20",
        )

        assert "逾期4日" in explain(d, locale="zh_CN")
        assert "4 day(s) late" in explain(d, locale="en")


class TestLeakDamages:
    @pytest.mark.parametrize(
        ("loss", "expected"),
        [
            ("0", "500000.00"),
            ("100000", "500000.00"),
            ("166666.66", "500000.00"),
            ("166666.67", "500000.01"),
            ("400000", "1200000.00"),
        ],
    )
    def test_floor_and_multiple(self, loss: str, expected: str) -> None:
        """3x the estimated loss, never below RMB 500,000: the floor binds up to RMB 166,666.66."""
        assert Money(expected) == leak_liquidated_damages(Money(loss), as_of=AS_OF).value

    def test_cap(self) -> None:
        """A contract cap limits the amount."""
        d = leak_liquidated_damages(Money("400000"), as_of=AS_OF, cap=Money("1000000"))

        assert Money("1000000.00") == d.value

    def test_nda_terms(self) -> None:
        """The NDA's agreed multiple, floor and fixed amount are used."""
        terms = LiquidatedDamages(
            multiple=Decimal("4"), floor=Money("200000"), fixed=Money("300000")
        )

        assert (
            Money("400000.00")
            == leak_liquidated_damages(Money("100000"), as_of=AS_OF, terms=terms).value
        )
        assert (
            Money("300000.00")
            == leak_liquidated_damages(Money("50000"), as_of=AS_OF, terms=terms).value
        )

    def test_fixed_sum_only(self) -> None:
        """An NDA that agrees a fixed sum only gets that sum: no practice multiple or floor is added."""
        d = leak_liquidated_damages(
            Money("900000"), as_of=AS_OF, terms=LiquidatedDamages(fixed=Money("200000"))
        )

        assert Money("200000.00") == d.value
        assert () == d.parameters

    def test_empty_terms_refused(self) -> None:
        """Terms with nothing agreed cannot price a leak."""
        with pytest.raises(InvalidInputError):
            leak_liquidated_damages(Money("1"), as_of=AS_OF, terms=LiquidatedDamages())

    def test_explicit_arguments_win_over_terms(self) -> None:
        """An explicit multiple and floor replace the NDA's."""
        terms = LiquidatedDamages(multiple=Decimal("4"), floor=Money("200000"))
        d = leak_liquidated_damages(
            Money("100000"), as_of=AS_OF, terms=terms, multiple=5, floor=Money("100000")
        )

        assert Money("500000.00") == d.value

    @pytest.mark.parametrize(("multiple", "reported"), [("5", False), ("5.01", True)])
    def test_above_practice_range(self, multiple: str, reported: bool) -> None:
        """A multiple above 5x is reported (not refused)."""
        d = leak_liquidated_damages(Money("1000000"), as_of=AS_OF, multiple=multiple)

        assert reported == (
            "supply_chain.penalty.multiple_above_practice" in {f.code for f in d.findings}
        )

    def test_tier_is_practice(self) -> None:
        """The result rests on practice, not law."""
        d = leak_liquidated_damages(Money("100000"), as_of=AS_OF)

        assert not d.binding
        assert "practice" == d.tier.value

    def test_negative_multiple_refused(self) -> None:
        """A negative multiple is an input error."""
        with pytest.raises(InvalidInputError):
            leak_liquidated_damages(Money("1"), as_of=AS_OF, multiple=-1)


class TestInvariants:
    @given(
        order=st.integers(min_value=0, max_value=10**9).map(lambda n: Money(n) / 100),
        excess=st.decimals(min_value=0, max_value=30, places=2),
    )
    def test_pro_rata_between_round_down_and_round_up(self, order: Money, excess: Decimal) -> None:
        """For any reading, round-down <= pro rata <= round-up, and none is negative."""
        values = {
            f: quality_penalty(
                order, measured_db=Decimal(35) + excess, limit_db=35, as_of=AS_OF, fraction=f
            ).value
            for f in DbFraction
        }

        assert (
            Money(0)
            <= values[DbFraction.ROUND_DOWN]
            <= values[DbFraction.PRO_RATA]
            <= values[DbFraction.ROUND_UP]
        )

    @given(
        a=st.decimals(min_value=30, max_value=45, places=1),
        b=st.decimals(min_value=30, max_value=45, places=1),
        cap=st.integers(min_value=0, max_value=20000),
    )
    def test_monotonic_and_capped(self, a: Decimal, b: Decimal, cap: int) -> None:
        """A louder unit never costs less, and no amount exceeds the cap."""
        low, high = sorted((a, b))
        pa = quality_penalty(ORDER, measured_db=low, limit_db=35, as_of=AS_OF, cap=Money(cap)).value
        pb = quality_penalty(
            ORDER, measured_db=high, limit_db=35, as_of=AS_OF, cap=Money(cap)
        ).value

        assert pa <= pb <= Money(cap)

    @given(loss=st.integers(min_value=0, max_value=10**10).map(lambda n: Money(n) / 100))
    def test_leak_damages_never_below_the_floor(self, loss: Money) -> None:
        """Without a cap the default clause is never below RMB 500,000 nor below 3x the loss."""
        value = leak_liquidated_damages(loss, as_of=AS_OF).value

        assert value >= Money("500000")
        assert value >= (loss * 3).round_fen()


class TestInputProblems:
    def test_quality_penalty_lists_every_problem(self) -> None:
        """A bad date, a negative order, unreadable and negative readings: one error, four paths."""
        with pytest.raises(InvalidInputError) as info:
            quality_penalty(Money("-1"), measured_db="loud", limit_db="-1", as_of="June")

        assert ["as_of", "order_value", "measured_db", "limit_db"] == [
            p.path for p in info.value.problems
        ]

    def test_ratio_must_be_a_ratio(self) -> None:
        """A bare Decimal share or a text cap ratio is refused with its path."""
        with pytest.raises(InvalidInputError) as info:
            quality_penalty(
                ORDER,
                measured_db=36,
                limit_db=35,
                as_of=AS_OF,
                ratio_per_db=Decimal("0.02"),  # type: ignore[arg-type]
                cap_ratio="0.1",  # type: ignore[arg-type]
            )

        assert ["ratio_per_db", "cap_ratio"] == [p.path for p in info.value.problems]

    def test_delay_penalty_lists_every_problem(self) -> None:
        """Unreadable start and completion dates and a negative schedule are reported together."""
        with pytest.raises(InvalidInputError) as info:
            certification_delay_penalty(
                ORDER,
                schedule_start="2026-13-01",
                completed_on="later",
                as_of=AS_OF,
                schedule_days=-1,
            )

        assert ["schedule_start", "completed_on", "schedule_days"] == [
            p.path for p in info.value.problems
        ]

    def test_leak_terms_multiple_checked(self) -> None:
        """A negative multiple in the agreed terms is reported under terms.multiple."""
        with pytest.raises(InvalidInputError) as info:
            leak_liquidated_damages(
                Money("1"), as_of=AS_OF, terms=LiquidatedDamages(multiple=Decimal("-2"))
            )

        assert ["terms.multiple"] == [p.path for p in info.value.problems]


class TestPeriodCitations:
    def test_day_schedule_cites_201_and_203_not_202(self) -> None:
        """A schedule in days cites art. 201 (start day) and 203 (holiday), never 202 (months)."""
        d = certification_delay_penalty(
            Money("200000"), schedule_start="2026-03-02", completed_on="2026-04-20", as_of=AS_OF
        )
        ids = [c.id for c in d.trace[0].citations]

        assert ["civil-code@2020-05-28:201", "civil-code@2020-05-28:203"] == ids

    @pytest.mark.parametrize(("completed", "late"), [("2026-04-16", 0), ("2026-04-17", 1)])
    def test_day_45_and_46(self, completed: str, late: int) -> None:
        """Day 45 after 2026-03-02 is 16 April (on time); day 46 is one day late: RMB 1,000."""
        d = certification_delay_penalty(
            Money("200000"), schedule_start="2026-03-02", completed_on=completed, as_of=completed
        )

        assert (late, Money(1000 * late)) == (dict(d.trace[1].args)["days"], d.value)

    def test_due_day_on_a_weekend_moves_to_monday(self) -> None:
        """45 days from 2026-02-26 end on Sunday 12 April 2026 (a rest day): due Monday 13 April."""
        d = certification_delay_penalty(
            Money("200000"), schedule_start="2026-02-26", completed_on="2026-04-13", as_of=AS_OF
        )

        assert (to_date("2026-04-12"), to_date("2026-04-13"), Money("0.00")) == (
            dict(d.trace[0].args)["nominal"],
            dict(d.trace[0].args)["due"],
            d.value,
        )
