"""The batch path: identical to the per-object path; bad rows reported, never contagious."""

from __future__ import annotations

from typing import Any

import numpy as np
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradesecret import InvalidInputError, Money
from tradesecret.ledger import (
    BatchInput,
    BatchResult,
    CompensationLedger,
    DueConvention,
    EmployerRelease,
    EndedBy,
    LedgerOptions,
    LedgerTerms,
    MinimumWageMonth,
    PartialMonth,
    Payment,
    ReleaseGround,
    Reminder,
    ReminderTiming,
    Rescission,
    UnpaidCounting,
    batch_from_arrow,
    batch_from_pandas,
    evaluate_batch,
    evaluate_compensation,
)

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

BASE = pendulum.Date(2023, 12, 1).toordinal()

row_st = st.fixed_dictionaries(
    {
        "t": st.integers(0, 900),
        "months": st.integers(1, 26),
        "agreed": st.one_of(st.just(0), st.integers(1, 3_000_000)),
        "wage": st.integers(1, 6_000_000),
        "region": st.sampled_from(["CN-SH", "CN-BJ", "CN-GD-SZ"]),
        "reminder": st.one_of(st.just(-1), st.integers(0, 700)),
        "payments": st.lists(
            st.tuples(st.integers(0, 800), st.integers(1, 2_000_000)), max_size=12
        ),
    }
)
ending_row_st = st.fixed_dictionaries(
    {
        "release": st.one_of(st.just(-1), st.integers(-10, 800)),
        "negotiated": st.one_of(st.just(0), st.integers(1, 5_000_000)),
        "rescission": st.one_of(st.just(-1), st.integers(-10, 800)),
    }
)
options_st = st.builds(
    LedgerOptions,
    due_convention=st.sampled_from(DueConvention),
    unpaid_counting=st.sampled_from(UnpaidCounting),
    reminder_timing=st.sampled_from(ReminderTiming),
    minimum_wage_month=st.sampled_from(MinimumWageMonth),
)
ending_options_st = st.builds(
    LedgerOptions,
    due_convention=st.sampled_from(DueConvention),
    unpaid_counting=st.sampled_from(UnpaidCounting),
    reminder_timing=st.sampled_from(ReminderTiming),
    partial_month=st.sampled_from(PartialMonth),
    extra_on_pre_period_release=st.booleans(),
)


def to_input(rows: list[dict[str, Any]]) -> BatchInput:
    pays = [
        (r, BASE + int(rows[r]["t"]) + d, f)
        for r in range(len(rows))
        for d, f in rows[r]["payments"]
    ]
    return BatchInput(
        termination=[BASE + int(r["t"]) for r in rows],
        months=[r["months"] for r in rows],
        region=[r["region"] for r in rows],
        agreed_fen=[r["agreed"] for r in rows],
        average_wage_fen=[r["wage"] for r in rows],
        reminder=[
            0 if r["reminder"] == -1 else BASE + int(r["t"]) + int(r["reminder"]) for r in rows
        ],
        pay_row=np.array([p[0] for p in pays], dtype=np.int64),
        pay_date=np.array([p[1] for p in pays], dtype=np.int64),
        pay_fen=np.array([p[2] for p in pays], dtype=np.int64),
        release=[_day(r, "release") for r in rows],
        release_negotiated_fen=[r.get("negotiated", 0) for r in rows],
        rescission=[_day(r, "rescission") for r in rows],
    )


def _day(row: dict[str, Any], name: str) -> int:
    offset = int(row.get(name, -1))
    return 0 if offset == -1 else BASE + int(row["t"]) + offset


def to_ledger(data: BatchInput, row: int) -> CompensationLedger:
    terms = LedgerTerms(
        agreement_id=str(row),
        termination_date=pendulum.Date.fromordinal(int(data.termination[row])),
        months=int(data.months[row]),
        region=str(data.region[row]),
        agreed_monthly=Money.from_fen(int(data.agreed_fen[row])) if data.agreed_fen[row] else None,
        average_monthly_wage=Money.from_fen(int(data.average_wage_fen[row])),
    )
    payments = tuple(
        Payment(date=pendulum.Date.fromordinal(int(d)), amount=Money.from_fen(int(f)))
        for r, d, f in zip(data.pay_row, data.pay_date, data.pay_fen, strict=True)
        if r == row
    )
    reminders = (
        (Reminder(date=pendulum.Date.fromordinal(int(data.reminder[row]))),)
        if data.reminder[row]
        else ()
    )
    negotiated = 0 if data.release_negotiated_fen is None else data.release_negotiated_fen[row]
    releases = (
        (
            EmployerRelease(
                date=pendulum.Date.fromordinal(int(data.release[row])),
                negotiated_amount=Money.from_fen(int(negotiated)) if negotiated else None,
            ),
        )
        if data.release is not None and data.release[row]
        else ()
    )
    rescissions = (
        (Rescission(date=pendulum.Date.fromordinal(int(data.rescission[row]))),)
        if data.rescission is not None and data.rescission[row]
        else ()
    )
    return CompensationLedger(
        terms=terms,
        payments=payments,
        reminders=reminders,
        employer_releases=releases,
        rescissions=rescissions,
    )


def assert_row_equal(
    data: BatchInput, res: BatchResult, row: int, as_of: object, opts: LedgerOptions
) -> None:
    try:
        state = evaluate_compensation(to_ledger(data, row), as_of=as_of, options=opts)
    except InvalidInputError:
        assert not res.valid[row]
        return
    assert res.valid[row]
    w = len(state.instalments)
    assert [i.amount.fen for i in state.instalments] == res.amount[row, :w].tolist()
    assert [i.due.toordinal() for i in state.instalments] == res.due[row, :w].tolist()
    assert [i.paid.fen for i in state.instalments] == res.paid[row, :w].tolist()
    assert [i.status.code for i in state.instalments] == res.status[row, :w].tolist()
    assert (
        state.total_scheduled.fen,
        state.total_fallen_due.fen,
        state.total_paid.fen,
        state.arrears.fen,
        state.unallocated.fen,
        state.scheduled_end.toordinal(),
        state.bound,
    ) == (
        res.total_scheduled[row],
        res.total_fallen_due[row],
        res.total_paid[row],
        res.arrears[row],
        res.unallocated[row],
        res.scheduled_end[row],
        bool(res.bound[row]),
    )
    for ground, column in (
        (ReleaseGround.UNPAID_THREE_MONTHS, res.right_unpaid_three_months),
        (ReleaseGround.LATE_AFTER_REMINDER, res.right_late_after_reminder),
        (ReleaseGround.UNPAID_OVER_THREE_MONTHS, res.right_unpaid_over_three_months),
    ):
        right = state.right(ground)
        assert (right.arose_on.toordinal() if right else 0) == column[row]
    release = state.employer_release
    assert (
        state.free_since.toordinal() if state.free_since else 0,
        list(EndedBy).index(state.ended_by),
        release.extra_amount.fen if release else 0,
        release.paid.fen if release else 0,
    ) == (
        res.free_since[row],
        res.ended_by[row],
        res.release_extra[row],
        res.release_extra_paid[row],
    )


class TestIdentical:
    @settings(max_examples=60)
    @given(
        rows=st.lists(row_st, min_size=1, max_size=12), as_of=st.integers(0, 1300), opts=options_st
    )
    def test_batch_equals_per_object(
        self, rows: list[dict[str, Any]], as_of: int, opts: LedgerOptions
    ) -> None:
        """On random populations the batch path equals the per-object path to the fen and the day."""
        data = to_input(rows)
        day = pendulum.Date.fromordinal(BASE + as_of)
        res = evaluate_batch(data, as_of=day, options=opts)
        for row in range(len(rows)):
            assert_row_equal(data, res, row, day, opts)

    @settings(max_examples=120)
    @given(
        rows=st.lists(st.tuples(row_st, ending_row_st), min_size=1, max_size=10),
        as_of=st.integers(0, 1300),
        opts=ending_options_st,
    )
    def test_releases_and_rescissions(
        self, rows: list[tuple[dict[str, Any], dict[str, Any]]], as_of: int, opts: LedgerOptions
    ) -> None:
        """With employer releases (statutory or negotiated) and rescissions, batch and object paths agree."""
        merged = [{**base, **ending} for base, ending in rows]
        data = to_input(merged)
        day = pendulum.Date.fromordinal(BASE + as_of)
        res = evaluate_batch(data, as_of=day, options=opts)
        for row in range(len(merged)):
            assert_row_equal(data, res, row, day, opts)

    def test_per_row_as_of(self) -> None:
        """as_of may differ per row (an ordinal array)."""
        data = to_input(
            [
                {
                    "t": 60,
                    "months": 12,
                    "agreed": 600000,
                    "wage": 1,
                    "region": "CN-SH",
                    "reminder": -1,
                    "payments": [],
                }
            ]
            * 2
        )
        res = evaluate_batch(data, as_of=np.array([BASE + 100, BASE + 200]))
        assert res.arrears[0] < res.arrears[1]


class TestBadRows:
    def good_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "t": 61,
                "months": 24,
                "agreed": 600000,
                "wage": 1,
                "region": "CN-SH",
                "reminder": 120,
                "payments": [(28, 600000), (59, 600000)],
            },
            {
                "t": 400,
                "months": 12,
                "agreed": 0,
                "wage": 800000,
                "region": "CN-BJ",
                "reminder": -1,
                "payments": [(30, 254000)],
            },
        ]

    def test_bad_rows_reported_and_isolated(self) -> None:
        """Unknown region, negative amount, payment before termination: reported; other rows unchanged."""
        good = self.good_rows()
        bad = [
            {**good[0], "region": "CN-XX"},
            {**good[0], "agreed": -5},
            {**good[0], "payments": [(-3, 100)]},
            {**good[0], "payments": [(10, -100)]},
            {**good[0], "agreed": 0, "wage": 0},
        ]
        day = pendulum.Date(2025, 12, 31)
        clean = evaluate_batch(to_input(good), as_of=day)
        mixed = evaluate_batch(to_input([bad[0], good[0], *bad[1:3], good[1], *bad[3:]]), as_of=day)
        assert [1, 4] == np.flatnonzero(mixed.valid).tolist()
        reasons = {e.row: e.reasons for e in mixed.errors}
        assert ("unknown region code",) == reasons[0]
        assert ("negative agreed amount",) == reasons[2]
        assert ("a payment before the termination date",) == reasons[3]
        assert ("a payment with a negative or zero amount",) == reasons[5]
        assert ("no agreed amount and no average wage",) == reasons[6]
        for new, old in ((1, 0), (4, 1)):
            assert mixed.amount[new].tolist() == clean.amount[old].tolist()
            assert mixed.paid[new].tolist() == clean.paid[old].tolist()
            assert mixed.right_unpaid_three_months[new] == clean.right_unpaid_three_months[old]
        assert 0 == mixed.total_scheduled[0]

    def test_orphan_payment(self) -> None:
        """A payment naming no row is reported with row -1; the batch still runs."""
        data = to_input(self.good_rows())
        data = BatchInput(
            termination=data.termination,
            months=data.months,
            region=data.region,
            agreed_fen=data.agreed_fen,
            average_wage_fen=data.average_wage_fen,
            reminder=data.reminder,
            pay_row=np.append(data.pay_row, 7),
            pay_date=np.append(data.pay_date, BASE + 100),
            pay_fen=np.append(data.pay_fen, 100),
        )
        res = evaluate_batch(data, as_of="2025-12-31")
        assert [-1] == [e.row for e in res.errors]
        assert res.valid.all()

    def test_shape_mismatch_is_input_error(self) -> None:
        """Columns of different lengths are an input error (nothing to report per row)."""
        with pytest.raises(InvalidInputError):
            BatchInput(
                termination=[1, 2],
                months=[1],
                region=["CN-SH"],
                agreed_fen=[1],
                average_wage_fen=[1],
                reminder=[0],
                pay_row=[],
                pay_date=[],
                pay_fen=[],
            )


class TestAdapters:
    def frames(self) -> tuple[Any, Any]:
        agreements = pd.DataFrame(
            {
                "agreement_id": ["A", "B"],
                "termination_date": pd.to_datetime(["2025-01-31", "2025-08-31"]),
                "months": [24, 12],
                "region": ["CN-SH", "CN-BJ"],
                "agreed_fen": [600000, 0],
                "average_wage_fen": [0, 2000000],
                "reminder_date": pd.to_datetime(["2025-06-30", None]),
            }
        )
        payments = pd.DataFrame(
            {
                "agreement_id": ["A", "A", "B", "Z"],
                "date": pd.to_datetime(["2025-02-28", "2025-03-31", "2025-09-30", "2025-09-30"]),
                "amount_fen": [600000, 600000, 600000, 1],
            }
        )
        return agreements, payments

    def test_pandas(self) -> None:
        """DataFrames in, a per-agreement DataFrame out; unknown agreement ids reported."""
        agreements, payments = self.frames()
        res = evaluate_batch(batch_from_pandas(agreements, payments), as_of="2025-07-15")
        df = res.to_pandas()
        assert [pendulum.Date(2025, 7, 1), None] == [
            None if v != v else pendulum.Date(v.year, v.month, v.day)
            for v in df["right_unpaid_three_months"].tolist()
        ]
        assert [1200000, 0] == df["total_paid_fen"].tolist()
        assert [(-1, None)] == [(e.row, e.agreement_id) for e in res.errors]

    def test_arrow_equals_pandas(self) -> None:
        """Arrow tables give the same result as DataFrames."""
        agreements, payments = self.frames()
        a = evaluate_batch(batch_from_pandas(agreements, payments), as_of="2025-12-31")
        b = evaluate_batch(
            batch_from_arrow(pa.Table.from_pandas(agreements), pa.Table.from_pandas(payments)),
            as_of="2025-12-31",
        )
        assert a.amount.tolist() == b.amount.tolist()
        assert a.right_late_after_reminder.tolist() == b.right_late_after_reminder.tolist()


class TestUnsupportedInput:
    """Input the batch path cannot represent is refused or reported, never ignored."""

    def frames(self) -> tuple[Any, Any]:
        agreements, payments = TestAdapters().frames()
        return agreements, payments[payments["agreement_id"] != "Z"]

    def test_unknown_column_refused(self) -> None:
        """A column the batch path does not read (e.g. a deferral date) is an input error, as is a missing one."""
        agreements, payments = self.frames()
        with pytest.raises(InvalidInputError) as info:
            batch_from_pandas(
                agreements.assign(deferral_date=pd.NaT),
                payments.drop(columns=["amount_fen"]),
            )
        assert ["agreements.deferral_date", "payments.amount_fen"] == [
            p.path for p in info.value.problems
        ]

    def test_events_table(self) -> None:
        """A reminder fills the column; a breach or a second reminder goes through the exact path; an unknown kind is reported."""
        agreements, payments = self.frames()
        agreements = pd.concat(
            [agreements.drop(columns=["reminder_date"])] * 2, ignore_index=True
        ).assign(agreement_id=["A", "B", "C", "D"])
        events = pd.DataFrame(
            {
                "agreement_id": ["A", "B", "C", "C", "D", "Z"],
                "kind": ["reminders", "breaches", "reminders", "reminders", "bonus", "waivers"],
                "date": pd.to_datetime(
                    [
                        "2025-06-30",
                        "2025-07-01",
                        "2025-05-01",
                        "2025-06-01",
                        "2025-06-01",
                        "2025-06-01",
                    ]
                ),
            }
        )
        res = evaluate_batch(batch_from_pandas(agreements, payments, events), as_of="2025-12-31")
        ref = evaluate_batch(batch_from_pandas(*self.frames()), as_of="2025-12-31")
        assert [True, True, True, False] == res.valid.tolist()
        assert [False, True, True, False] == res.exact_path.tolist()
        assert {"rows": 4, "kernel": 1, "exact_path": 2, "invalid": 1} == res.statistics()
        assert ref.right_late_after_reminder[0] == res.right_late_after_reminder[0]
        assert pendulum.Date(2025, 7, 1).toordinal() == res.breach_from[1]
        assert [
            (3, "D", 'unknown event kind "bonus"'),
            (-1, None, "event 5 names no known agreement"),
        ] == [(e.row, e.agreement_id, e.reasons[0]) for e in res.errors]

    def test_release_and_rescission_events(self) -> None:
        """A's release on 16 Jun 2025 owes 3 x 6,000.00 (unpaid: arrears); B's rescission on 1 Oct 2025 has no right behind it."""
        agreements, payments = self.frames()
        events = pd.DataFrame(
            {
                "agreement_id": ["A", "B"],
                "kind": ["employer_releases", "rescissions"],
                "date": pd.to_datetime(["2025-06-16", "2025-10-01"]),
            }
        )
        res = evaluate_batch(batch_from_pandas(agreements, payments, events), as_of="2025-10-31")
        release, scheduled = (
            list(EndedBy).index(EndedBy.EMPLOYER_RELEASE),
            list(EndedBy).index(EndedBy.SCHEDULED_END),
        )
        assert [release, scheduled] == res.ended_by.tolist()
        assert [1800000, 0] == res.release_extra.tolist()
        # A: Feb and Mar paid; Apr, May and 15/30 of Jun (3,000.00) unpaid, plus the 18,000.00 extra
        assert 3300000 == res.arrears[0]
        assert [False, True] == res.bound.tolist()
        assert pendulum.Date(2025, 6, 16).toordinal() == res.free_since[0]

    def test_named_instalment_and_reserved_activation_exact(self) -> None:
        """A payment naming an instalment, and a reserved activation, go through the exact object path."""
        agreements, payments = self.frames()
        res = evaluate_batch(
            batch_from_pandas(
                agreements.assign(activation_reserved=[False, True]),
                payments.assign(instalment=[None, 2, None]),
            ),
            as_of="2025-12-31",
        )
        assert () == res.errors
        assert [True, True] == res.exact_path.tolist()
        # A: 6,000.00 paid on 28 Feb (instalment 1), 6,000.00 on 31 Mar naming instalment 2
        assert [600000, 600000] == res.paid[0, :2].tolist()

    def test_unsupported_pairs_validated(self) -> None:
        """BatchInput.unsupported must name real rows."""
        with pytest.raises(InvalidInputError, match="unsupported"):
            BatchInput(
                termination=[BASE],
                months=[1],
                region=["CN-SH"],
                agreed_fen=[1],
                average_wage_fen=[1],
                reminder=[0],
                pay_row=[],
                pay_date=[],
                pay_fen=[],
                unsupported=((5, "x"),),
            )


class TestChunks:
    def test_rows_across_chunk_boundaries(self) -> None:
        """10,000 rows span three kernel chunks; rows at each boundary equal the per-object path."""
        rng = np.random.default_rng(3)
        n = 10_000
        termination = BASE + rng.integers(0, 700, n)
        per_row = rng.integers(0, 6, n)
        pay_row = np.repeat(np.arange(n), per_row)
        k = np.arange(pay_row.size) - np.repeat(np.cumsum(per_row) - per_row, per_row)
        data = BatchInput(
            termination=termination,
            months=rng.integers(1, 25, n),
            region=np.array(["CN-SH", "CN-BJ", "CN-GD-SZ"], dtype=object)[rng.integers(0, 3, n)],
            agreed_fen=np.where(rng.random(n) < 0.5, rng.integers(100_000, 900_000, n), 0),
            average_wage_fen=rng.integers(300_000, 3_000_000, n),
            reminder=np.where(rng.random(n) < 0.3, termination + rng.integers(30, 300, n), 0),
            pay_row=pay_row,
            pay_date=termination[pay_row] + 31 * (k + 1) + rng.integers(-3, 40, pay_row.size),
            pay_fen=rng.integers(100_000, 900_000, pay_row.size),
        )
        day = pendulum.Date(2025, 10, 31)
        opts = LedgerOptions()
        res = evaluate_batch(data, as_of=day, options=opts)
        for row in (0, 4095, 4096, 4097, 8191, 8192, 9999):
            assert_row_equal(data, res, row, day, opts)
