"""The fold: payments, allocation, deferral, employee delay, statuses, as-of evaluation."""

from __future__ import annotations

import pytest

from tradesecret import InvalidInputError, Money, to_date
from tradesecret.ledger import (
    CompensationLedger,
    DeferralPlan,
    EmployeeDelay,
    InstalmentStatus,
    LedgerTerms,
    Payment,
    evaluate_compensation,
)

S = InstalmentStatus


def ledger(
    *events: object, termination: str = "2025-01-31", months: int = 24
) -> CompensationLedger:
    terms = LedgerTerms(
        agreement_id="A-1",
        termination_date=termination,
        months=months,
        region="CN-SH",
        agreed_monthly=Money("6000"),
    )
    return CompensationLedger(terms=terms).record(*events)  # type: ignore[arg-type]


def pay(date: str, amount: str = "6000", instalment: int | None = None) -> Payment:
    return Payment(date=to_date(date), amount=Money(amount), instalment=instalment)


def statuses(led: CompensationLedger, as_of: str, count: int = 6) -> list[InstalmentStatus]:
    return [i.status for i in evaluate_compensation(led, as_of=as_of).instalments[:count]]


class TestStatuses:
    def test_every_status(self) -> None:
        """Paid, paid late, partly paid, overdue, not yet due -- exact as of 15 June 2025."""
        led = ledger(
            pay("2025-02-28"),  # 1 on its due date
            pay("2025-04-02"),  # 2 two days late
            pay("2025-05-10", "2500"),  # 3 part
        )
        assert [
            S.PAID,
            S.PAID_LATE,
            S.PARTLY_PAID,
            S.OVERDUE,
            S.NOT_YET_DUE,
            S.NOT_YET_DUE,
        ] == statuses(led, "2025-06-15")

    def test_due_date_itself_is_not_late(self) -> None:
        """On its due date an unpaid instalment is not yet overdue; the next day it is."""
        led = ledger()
        assert S.NOT_YET_DUE == statuses(led, "2025-02-28")[0]
        assert S.OVERDUE == statuses(led, "2025-03-01")[0]

    def test_totals_and_arrears(self) -> None:
        """As of 15 June: 4 instalments fallen due (24,000), 14,500 received, 9,500 in arrears."""
        state = evaluate_compensation(
            ledger(pay("2025-02-28"), pay("2025-04-02"), pay("2025-05-10", "2500")),
            as_of="2025-06-15",
        )
        assert (Money("144000"), Money("24000"), Money("14500"), Money("9500")) == (
            state.total_scheduled,
            state.total_fallen_due,
            state.total_paid,
            state.arrears,
        )
        assert (Money("2500"), Money("3500")) == (
            state.instalment(3).paid,
            state.instalment(3).outstanding,
        )


class TestAllocation:
    def test_oldest_first(self) -> None:
        """An unnamed 9,000 pays instalment 1 in full and 3,000 of instalment 2."""
        state = evaluate_compensation(ledger(pay("2025-03-05", "9000")), as_of="2025-03-05")
        assert (Money("6000"), Money("3000")) == (
            state.instalment(1).paid,
            state.instalment(2).paid,
        )
        assert to_date("2025-03-05") == state.instalment(1).completed_on

    def test_named_instalment_first(self) -> None:
        """A payment naming instalment 2 pays it first; the rest goes to the oldest."""
        state = evaluate_compensation(
            ledger(pay("2025-03-31", "7000", instalment=2)), as_of="2025-03-31"
        )
        assert (Money("1000"), Money("6000")) == (
            state.instalment(1).paid,
            state.instalment(2).paid,
        )
        assert [S.PARTLY_PAID, S.PAID] == [state.instalment(1).status, state.instalment(2).status]

    def test_overpayment_is_a_credit(self) -> None:
        """Paying more than the whole schedule leaves an unallocated credit."""
        state = evaluate_compensation(
            ledger(pay("2025-02-10", "20000"), months=3), as_of="2025-06-01"
        )
        assert (Money("2000"), Money("20000")) == (state.unallocated, state.total_paid)
        assert [S.PAID] * 3 == [i.status for i in state.instalments]

    def test_payment_before_termination_refused(self) -> None:
        """A payment dated before the termination date cannot be evaluated."""
        with pytest.raises(InvalidInputError, match="before the termination date"):
            evaluate_compensation(ledger(pay("2025-01-30")), as_of="2025-03-01")

    def test_payment_on_termination_day_allowed(self) -> None:
        """Paying in advance on the termination day is allowed and counts for instalment 1."""
        state = evaluate_compensation(ledger(pay("2025-01-31")), as_of="2025-03-01")
        assert S.PAID == state.instalment(1).status


class TestDeferral:
    def test_paid_per_plan_is_not_late(self) -> None:
        """Instalment 3 deferred (agreed 15 April) to 20 May and paid on 18 May: paid, not late."""
        plan = DeferralPlan(date="2025-04-15", new_due_dates=((3, to_date("2025-05-20")),))
        led = ledger(pay("2025-02-28"), pay("2025-03-31"), plan, pay("2025-05-18"))
        assert S.DEFERRED == statuses(led, "2025-05-10")[2]
        state = evaluate_compensation(led, as_of="2025-05-25")
        assert (S.PAID, to_date("2025-05-20"), "deferral_plan") == (
            state.instalment(3).status,
            state.instalment(3).effective_due,
            state.instalment(3).deferred_by,
        )

    def test_plan_after_due_date_ignored(self) -> None:
        """A plan agreed after the instalment fell due does not defer it (not in advance)."""
        plan = DeferralPlan(date="2025-05-05", new_due_dates=((3, to_date("2025-05-20")),))
        state = evaluate_compensation(ledger(plan), as_of="2025-05-10")
        assert S.OVERDUE == state.instalment(3).status
        assert "ledger.deferral.not_in_advance" in {f.code for f in state.findings}


class TestEmployeeDelay:
    def test_ongoing_delay_defers(self) -> None:
        """While the employee's delay runs, instalments falling due in it are deferred, undated."""
        led = ledger(
            pay("2025-02-28"),
            pay("2025-03-31"),
            EmployeeDelay(date="2025-04-20", until="2025-07-15"),
        )
        state = evaluate_compensation(led, as_of="2025-07-10")
        assert [S.DEFERRED] * 3 == [state.instalment(n).status for n in (3, 4, 5)]
        assert state.instalment(3).effective_due is None

    def test_delay_end_sets_due_date(self) -> None:
        """Once it ended on 15 July, those instalments are due on 15 July (grace 0 days)."""
        led = ledger(
            pay("2025-02-28"),
            pay("2025-03-31"),
            EmployeeDelay(date="2025-04-20", until="2025-07-15"),
        )
        state = evaluate_compensation(led, as_of="2025-07-20")
        assert [to_date("2025-07-15")] * 3 == [state.instalment(n).effective_due for n in (3, 4, 5)]
        assert [S.OVERDUE] * 3 == [state.instalment(n).status for n in (3, 4, 5)]


class TestAsOf:
    def test_later_events_ignored(self) -> None:
        """Evaluating as of 30 April ignores a payment of 5 May."""
        led = ledger(pay("2025-02-28"), pay("2025-05-05", "12000"))
        early = evaluate_compensation(led, as_of="2025-04-30")
        assert early == evaluate_compensation(ledger(pay("2025-02-28")), as_of="2025-04-30")
        assert Money("6000") == early.total_paid

    def test_bound_and_free(self) -> None:
        """Bound from 1 Feb 2025 to 31 Jan 2027; free from 1 Feb 2027."""
        led = ledger()
        assert evaluate_compensation(led, as_of="2027-01-31").bound
        later = evaluate_compensation(led, as_of="2027-02-01")
        assert (False, to_date("2027-02-01")) == (later.bound, later.free_since)
        assert not evaluate_compensation(led, as_of="2025-01-31").bound

    def test_named_instalment_out_of_range(self) -> None:
        """A payment naming instalment 25 of a 24-month schedule is an input error."""
        with pytest.raises(InvalidInputError, match="instalment"):
            evaluate_compensation(ledger(pay("2025-03-01", instalment=25)), as_of="2025-03-01")
