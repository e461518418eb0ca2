"""The batch path with every event kind, exact wage totals and per-row validation."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradesecret import InvalidInputError, Money, explain
from tradesecret.i18n import Localizer
from tradesecret.ledger import (
    Activation,
    BatchInput,
    BatchResult,
    Breach,
    CompensationLedger,
    DeferralPlan,
    EmployeeDelay,
    EndedBy,
    InServiceBreach,
    InServiceBreachKind,
    LedgerEvent,
    LedgerTerms,
    Payment,
    PenaltyPaid,
    ReleaseGround,
    Reminder,
    Waiver,
    batch_from_pandas,
    build_schedule,
    evaluate_batch,
    evaluate_compensation,
)
from tradesecret.ledger.rules import MAX_FEN, default_share_fen

BASE = pendulum.Date(2023, 12, 1)
AS_OF = pendulum.Date(2026, 6, 30)


def d(offset: int) -> pendulum.Date:
    return BASE.add(days=offset)


class TestExactWages:
    def test_half_fen_tie_rounds_up_object_path(self) -> None:
        """CNY 347,887.00 over 12 months at 30 %: 8,697.175, so 8,697.18 (one rounding, half up)."""
        terms = LedgerTerms(
            agreement_id="A",
            termination_date="2025-10-31",
            months=6,
            region="CN-SH",
            wage_total=Money("347887.00"),
        )
        schedule = build_schedule(terms)
        assert {Money("8697.18")} == {i.amount for i in schedule.instalments}

    def test_half_fen_tie_rounds_up_batch(self) -> None:
        """The batch takes the 12-month total and gives the same 869,718 fen."""
        data = BatchInput(
            termination=[pendulum.Date(2025, 10, 31).toordinal()],
            months=[6],
            region=["CN-SH"],
            agreed_fen=[0],
            average_wage_fen=[0],
            wage_total_fen=[34_788_700],
            reminder=[0],
            pay_row=[],
            pay_date=[],
            pay_fen=[],
        )
        res = evaluate_batch(data, as_of="2026-06-30")
        assert [869_718] * 6 == res.amount[0, :6].tolist()

    @given(st.integers(1, 10**10), st.integers(1, 12))
    def test_share_equals_decimal_reference(self, total: int, months: int) -> None:
        """The shared rule equals Decimal total x 0.30 / months, rounded half up once."""
        exact = (Decimal(total) * Decimal("0.30") / Decimal(months)).quantize(
            Decimal(1), rounding=ROUND_HALF_UP
        )
        assert int(exact) == default_share_fen(total, months, 30, 100)
        arr = default_share_fen(
            np.array([total]), np.array([months]), np.array([30]), np.array([100])
        )
        assert [int(exact)] == arr.tolist()


def _input(**overrides: Any) -> BatchInput:
    base: dict[str, Any] = {
        "termination": [pendulum.Date(2025, 1, 31).toordinal()] * 2,
        "months": [12, 12],
        "region": ["CN-SH", "CN-SH"],
        "agreed_fen": [600_000, 600_000],
        "average_wage_fen": [0, 0],
        "reminder": [0, 0],
        "pay_row": [],
        "pay_date": [],
        "pay_fen": [],
    }
    base.update(overrides)
    return BatchInput(**base)


class TestPerRowValidation:
    @pytest.mark.parametrize(
        ("column", "values", "reason"),
        [
            (
                "months",
                np.array([12, 99999999999999999999], dtype=object),
                "months: not an integer in range",
            ),
            ("months", np.array([12.0, np.nan]), "months: not an integer in range"),
            ("agreed_fen", np.array([600_000.0, 1e30]), "agreed_fen: not an integer in range"),
            (
                "agreed_fen",
                [600_000, MAX_FEN + 1],
                f"agreed_fen: above the accepted maximum of {MAX_FEN} fen",
            ),
            ("months", [12, 1201], "months: above the accepted maximum of 1200"),
            (
                "termination",
                [pendulum.Date(2025, 1, 31).toordinal(), pendulum.Date(9999, 12, 31).toordinal()],
                "the restriction period would run past the year 9999",
            ),
        ],
    )
    def test_bad_value_invalidates_its_row_only(
        self, column: str, values: Any, reason: str
    ) -> None:
        """An out-of-range or malformed value makes its row invalid with the reason; row 0 is computed."""
        res = evaluate_batch(_input(**{column: values}), as_of="2026-06-30")
        assert [True, False] == res.valid.tolist()
        assert [(1, reason)] == [(e.row, e.reasons[0]) for e in res.errors]
        assert 7_200_000 == res.total_scheduled[0]

    def test_object_path_refuses_the_same(self) -> None:
        """The object path refuses 1,201 months, CNY above the maximum and a period past 9999."""
        good: dict[str, Any] = {
            "agreement_id": "A",
            "termination_date": "2025-01-31",
            "months": 12,
            "region": "CN-SH",
        }
        with pytest.raises(InvalidInputError, match="months"):
            LedgerTerms(**{**good, "months": 1201}, agreed_monthly=Money("6000"))
        with pytest.raises(InvalidInputError, match="agreed_monthly"):
            LedgerTerms(**good, agreed_monthly=Money.from_fen(MAX_FEN + 1))
        terms = LedgerTerms(**{**good, "termination_date": "9999-12-31"}, agreed_monthly=Money("1"))
        with pytest.raises(InvalidInputError, match="9999"):
            evaluate_compensation(CompensationLedger(terms=terms), as_of="9999-12-31")

    def test_duplicate_agreement_ids_reported_per_row(self) -> None:
        """Two rows sharing an agreement_id are each reported; the others are computed."""
        pd = pytest.importorskip("pandas")
        agreements = pd.DataFrame(
            {
                "agreement_id": ["A", "B", "A"],
                "termination_date": pd.to_datetime(["2025-01-31"] * 3),
                "months": [12, 12, 6],
                "region": ["CN-SH"] * 3,
                "agreed_fen": [600_000] * 3,
                "average_wage_fen": [0] * 3,
            }
        )
        payments = pd.DataFrame(
            {"agreement_id": ["B"], "date": pd.to_datetime(["2025-02-28"]), "amount_fen": [600_000]}
        )
        res = evaluate_batch(batch_from_pandas(agreements, payments), as_of="2026-06-30")
        assert [False, True, False] == res.valid.tolist()
        assert [(0, "A", "duplicate agreement_id"), (2, "A", "duplicate agreement_id")] == [
            (e.row, e.agreement_id, e.reasons[0]) for e in res.errors
        ]
        assert 600_000 == res.total_paid[1]


edge_row = st.fixed_dictionaries(
    {
        "t": st.sampled_from(
            [
                pendulum.Date(2024, 3, 31),
                pendulum.Date(9999, 10, 31),
                pendulum.Date(9997, 12, 31),
                pendulum.Date(1990, 1, 1),
            ]
        ),
        "months": st.sampled_from([0, 1, 12, 24, 30, 1200, 1201]),
        "agreed": st.sampled_from([-1, 0, 1, 600_000, MAX_FEN, MAX_FEN + 1]),
        "wage": st.sampled_from([0, 1, 2_000_000, MAX_FEN + 1]),
        "region": st.sampled_from(["CN-SH", "CN-XX"]),
    }
)


@given(st.lists(edge_row, min_size=1, max_size=6))
def test_batch_and_object_refuse_the_same_rows(rows: list[dict[str, Any]]) -> None:
    """
    Edge values: a row is invalid in the batch exactly when the object path refuses it, and
    every reason the batch gives is a problem whose template has its Chinese text.
    """
    data = BatchInput(
        termination=[r["t"].toordinal() for r in rows],
        months=[r["months"] for r in rows],
        region=[r["region"] for r in rows],
        agreed_fen=[r["agreed"] for r in rows],
        average_wage_fen=[r["wage"] for r in rows],
        reminder=[0] * len(rows),
        pay_row=[],
        pay_date=[],
        pay_fen=[],
    )
    res = evaluate_batch(data, as_of="2025-06-30")
    texts = Localizer.for_locale("zh_CN").catalog_texts()
    for error in res.errors:
        assert len(error.reasons) == len(error.problems)
        assert all(texts.get(p.template) for p in error.problems), error.problems
    for k, r in enumerate(rows):
        try:
            terms = LedgerTerms(
                agreement_id=str(k),
                termination_date=r["t"],
                months=r["months"],
                region=r["region"],
                agreed_monthly=Money.from_fen(r["agreed"]) if r["agreed"] else None,
                average_monthly_wage=Money.from_fen(r["wage"]) if r["wage"] else None,
            )
            evaluate_compensation(CompensationLedger(terms=terms), as_of="2025-06-30")
            refused = False
        except InvalidInputError:
            refused = True
        assert refused == (not res.valid[k]), (r, res.errors)


def _events(offsets: st.DrawFn, t: int) -> list[LedgerEvent]:
    """A random mix of rare events for a row terminating on day ``t``."""
    out: list[LedgerEvent] = []
    kinds = offsets(st.lists(st.sampled_from(range(8)), max_size=4))
    for kind in kinds:
        day = d(t + offsets(st.integers(-20, 500)))
        if kind == 0:
            out.append(DeferralPlan(date=day, new_due_dates=((2, day.add(days=40)),)))
        elif kind == 1:
            out.append(EmployeeDelay(date=day, until=day.add(days=offsets(st.integers(0, 60)))))
        elif kind == 2:
            out.append(Waiver(date=day))
        elif kind == 3:
            out.append(Breach(date=day))
        elif kind == 4:
            out.append(PenaltyPaid(date=day, amount=Money("1000.00")))
        elif kind == 5:
            kind_ = offsets(st.sampled_from(InServiceBreachKind))
            out.append(InServiceBreach(date=d(t - offsets(st.integers(0, 90))), kind=kind_))
        elif kind == 6:
            out.append(Reminder(date=day))
        else:
            out.append(Activation(date=d(t)))
    return out


@st.composite
def event_rows(draw: st.DrawFn) -> dict[str, Any]:
    t = draw(st.integers(0, 600))
    return {
        "t": t,
        "months": draw(st.integers(1, 24)),
        "agreed": draw(st.sampled_from([0, 500_000, 900_000])),
        "wage_total": draw(st.integers(3_600_000, 60_000_000)),
        "payments": draw(
            st.lists(st.tuples(st.integers(1, 700), st.integers(1, 900_000)), max_size=8)
        ),
        "events": _events(draw, t),
        "penalty": draw(st.sampled_from([0, 5_000_000])),
    }


def _ledger(row: dict[str, Any], k: int) -> CompensationLedger:
    terms = LedgerTerms(
        agreement_id=str(k),
        termination_date=d(row["t"]),
        months=row["months"],
        region="CN-SH",
        agreed_monthly=Money.from_fen(row["agreed"]) if row["agreed"] else None,
        wage_total=Money.from_fen(row["wage_total"]),
        penalty=Money.from_fen(row["penalty"]) if row["penalty"] else None,
    )
    payments = [
        Payment(date=d(row["t"] + day), amount=Money.from_fen(fen)) for day, fen in row["payments"]
    ]
    return CompensationLedger(terms=terms).record(*payments, *row["events"])


def _assert_same(res: BatchResult, k: int, row: dict[str, Any]) -> None:
    try:
        state = evaluate_compensation(_ledger(row, k), as_of=AS_OF)
    except InvalidInputError:
        assert not res.valid[k]
        return
    assert res.valid[k], res.errors
    w = len(state.instalments)
    assert [i.amount.fen for i in state.instalments] == res.amount[k, :w].tolist()
    assert [i.paid.fen for i in state.instalments] == res.paid[k, :w].tolist()
    assert [i.status.code for i in state.instalments] == res.status[k, :w].tolist()
    assert [i.due.toordinal() for i in state.instalments] == res.due[k, :w].tolist()
    got = (
        state.total_scheduled.fen,
        state.total_paid.fen,
        state.arrears.fen,
        state.unallocated.fen,
    )
    assert got == (res.total_scheduled[k], res.total_paid[k], res.arrears[k], res.unallocated[k])
    assert (state.bound, list(EndedBy).index(state.ended_by)) == (
        bool(res.bound[k]),
        res.ended_by[k],
    )
    for ground, column in (
        (ReleaseGround.UNPAID_THREE_MONTHS, res.right_unpaid_three_months),
        (ReleaseGround.LATE_AFTER_REMINDER, res.right_late_after_reminder),
        (ReleaseGround.UNPAID_OVER_THREE_MONTHS, res.right_unpaid_over_three_months),
    ):
        right = state.right(ground)
        assert (right.arose_on.toordinal() if right else 0) == column[k]
    breach = state.breach
    assert (breach.compensation_to_return.fen if breach else 0) == res.compensation_to_return[k]
    in_service = sum(isinstance(e, InServiceBreach) for e in row["events"])
    assert in_service == res.in_service_breaches[k]


@given(st.lists(event_rows(), min_size=1, max_size=8))
def test_random_event_mixes_batch_equals_object(rows: list[dict[str, Any]]) -> None:
    """Random mixes of every event kind: the batch equals the object path to the fen and the day."""
    pays = [(k, row["t"] + day, fen) for k, row in enumerate(rows) for day, fen in row["payments"]]
    data = BatchInput(
        termination=[d(r["t"]).toordinal() for r in rows],
        months=[r["months"] for r in rows],
        region=["CN-SH"] * len(rows),
        agreed_fen=[r["agreed"] for r in rows],
        average_wage_fen=[0] * len(rows),
        wage_total_fen=[r["wage_total"] for r in rows],
        penalty_fen=[r["penalty"] for r in rows],
        reminder=[0] * len(rows),
        pay_row=[p[0] for p in pays],
        pay_date=[d(p[1]).toordinal() for p in pays],
        pay_fen=[p[2] for p in pays],
        events=tuple((k, e) for k, r in enumerate(rows) for e in r["events"]),
    )
    res = evaluate_batch(data, as_of=AS_OF)
    for k, row in enumerate(rows):
        _assert_same(res, k, row)
    stats = res.statistics()
    assert sum(bool(r["events"]) for r in rows) >= stats["exact_path"]
    assert stats["rows"] == stats["kernel"] + stats["exact_path"] + stats["invalid"]


class TestLedgerModel:
    def test_usd_payment_refused_with_its_path(self) -> None:
        """A USD payment in a PRC ledger is an input error naming payments[1].amount."""
        terms = LedgerTerms(
            agreement_id="A",
            termination_date="2025-01-31",
            months=12,
            region="CN-SH",
            agreed_monthly=Money("6000"),
        )
        with pytest.raises(InvalidInputError) as info:
            CompensationLedger(
                terms=terms,
                payments=(
                    Payment(date="2025-02-28", amount=Money("6000")),
                    Payment(date="2025-03-31", amount=Money("12000", "USD")),
                ),
            )
        assert ["payments[1].amount"] == [p.path for p in info.value.problems]

    def test_usd_wage_refused_with_its_path(self) -> None:
        """A USD average wage is refused, naming the field."""
        with pytest.raises(InvalidInputError) as info:
            LedgerTerms(
                agreement_id="A",
                termination_date="2025-01-31",
                months=12,
                region="CN-SH",
                average_monthly_wage=Money("20000", "USD"),
            )
        assert ["average_monthly_wage"] == [p.path for p in info.value.problems]

    def test_in_service_breach_recorded(self) -> None:
        """An in-service breach (Interp. (II) Art. 14) is recorded on the timeline, zh and en."""
        terms = LedgerTerms(
            agreement_id="A",
            termination_date="2025-01-31",
            months=12,
            region="CN-SH",
            agreed_monthly=Money("6000"),
        )
        ledger = CompensationLedger(terms=terms).record(
            InServiceBreach(
                date="2024-11-15",
                kind=InServiceBreachKind.COMPETING_BUSINESS,
                description="shareholder of a competitor",
            )
        )
        state = evaluate_compensation(ledger, as_of="2025-03-31")
        step = next(s for s in state.timeline if s.code == "ledger.step.in_service_breach")
        assert pendulum.Date(2024, 11, 15) == step.on
        assert ["spc-labor-2@2025-07-31:14"] == [c.id for c in step.citations]
        assert state.breach is None
        assert "在职期间" in explain(state, locale="zh_CN")
        assert "while still employed" in explain(state, locale="en")

    def test_in_service_breach_after_termination_refused(self) -> None:
        """An in-service breach dated after termination is refused with its path."""
        terms = LedgerTerms(
            agreement_id="A",
            termination_date="2025-01-31",
            months=12,
            region="CN-SH",
            agreed_monthly=Money("6000"),
        )
        with pytest.raises(InvalidInputError) as info:
            CompensationLedger(
                terms=terms,
                in_service_breaches=(
                    InServiceBreach(date="2025-02-01", kind=InServiceBreachKind.OTHER),
                ),
            )
        assert ["in_service_breaches[0].date"] == [p.path for p in info.value.problems]
