"""Paying the arrears after a release right arose: the right stays (default) or lapses (option)."""

from __future__ import annotations

import pytest

from tradesecret import Money, explain, to_date
from tradesecret.exceptions import InvalidInputError
from tradesecret.ledger import (
    BatchInput,
    CompensationLedger,
    CuredArrears,
    EndedBy,
    LedgerOptions,
    LedgerTerms,
    Payment,
    ReleaseGround,
    Reminder,
    Rescission,
    UnpaidCounting,
    evaluate_batch,
    evaluate_compensation,
)

G = ReleaseGround
LAPSES = LedgerOptions(cured_arrears=CuredArrears.RIGHT_LAPSES)


def ledger(*events: object) -> CompensationLedger:
    """24 months from 1 Feb 2025 at 6,000.00; instalments 1-2 paid on time, 3-5 unpaid."""
    terms = LedgerTerms(
        agreement_id="C-1",
        termination_date="2025-01-31",
        months=24,
        region="CN-SH",
        agreed_monthly=Money("6000"),
    )
    base = (pay("2025-02-28"), pay("2025-03-31"))
    return CompensationLedger(terms=terms).record(*base, *events)  # type: ignore[arg-type]


def pay(date: str, amount: str = "6000") -> Payment:
    return Payment(date=to_date(date), amount=Money(amount))


CURED = pay("2025-07-10", "18000")  # instalments 3-5 paid in full on 10 Jul 2025


class TestRightRemains:
    def test_cure_does_not_remove_the_right(self) -> None:
        """Right arose 1 Jul 2025; 18,000.00 paid on 10 Jul: as of 20 Jul the right stands (3, 4, 5), no arrears."""
        state = evaluate_compensation(ledger(CURED), as_of="2025-07-20")
        right = state.right(G.UNPAID_THREE_MONTHS)
        assert right is not None
        assert (to_date("2025-07-01"), (3, 4, 5), Money.zero()) == (
            right.arose_on,
            right.instalments,
            state.arrears,
        )

    def test_rescission_after_cure_is_effective(self) -> None:
        """Rescission on 20 Jul 2025 after the cure: effective, free from 20 Jul; July pro rata 19/31 of 6,000.00 = 3,677.42."""
        state = evaluate_compensation(
            ledger(CURED, Rescission(date="2025-07-20")), as_of="2025-07-31"
        )
        assert (EndedBy.RESCISSION, to_date("2025-07-20"), False) == (
            state.ended_by,
            state.free_since,
            state.bound,
        )
        assert Money("3677.42") == state.instalment(6).amount
        right = state.right(G.UNPAID_THREE_MONTHS)
        assert right is not None
        assert to_date("2025-07-20") == right.exercised_on


class TestRightLapses:
    def test_cure_removes_the_right(self) -> None:
        """LAPSES: the right of 1 Jul 2025 lapses on 11 Jul (the day after the cure); a finding records both dates."""
        state = evaluate_compensation(ledger(CURED), as_of="2025-07-20", options=LAPSES)
        assert () == state.release_rights
        lapsed = [f for f in state.findings if f.code == "ledger.rights.lapsed"]
        assert [(to_date("2025-07-01"), to_date("2025-07-11"))] == [
            (dict(f.args)["arose"], dict(f.args)["lapsed"]) for f in lapsed
        ]
        assert "lapsed on 11 Jul 2025" in explain(state, locale="en")
        assert "于2025年7月11日消灭" in explain(state, locale="zh_CN")

    def test_before_the_cure_the_right_stands(self) -> None:
        """LAPSES, as of 9 Jul 2025 (before the cure): the right of 1 Jul stands."""
        assert evaluate_compensation(ledger(CURED), as_of="2025-07-09", options=LAPSES).right(
            G.UNPAID_THREE_MONTHS
        ) == evaluate_compensation(ledger(CURED), as_of="2025-07-09").right(G.UNPAID_THREE_MONTHS)

    def test_rescission_after_cure_is_ineffective(self) -> None:
        """LAPSES: rescission on 20 Jul 2025 has no right behind it: still bound, a HIGH finding."""
        state = evaluate_compensation(
            ledger(CURED, Rescission(date="2025-07-20")), as_of="2025-07-31", options=LAPSES
        )
        assert (EndedBy.SCHEDULED_END, True) == (state.ended_by, state.bound)
        assert "ledger.rescission.no_right" in [f.code for f in state.findings]

    def test_rescission_on_the_cure_day_is_effective(self) -> None:
        """LAPSES: payment and rescission both on 10 Jul 2025: the arrears were unpaid at the end of 9 Jul, so the right stood."""
        state = evaluate_compensation(
            ledger(CURED, Rescission(date="2025-07-10")), as_of="2025-07-31", options=LAPSES
        )
        assert (EndedBy.RESCISSION, to_date("2025-07-10")) == (state.ended_by, state.free_since)
        right = state.right(G.UNPAID_THREE_MONTHS)
        assert right is not None
        assert (to_date("2025-07-01"), to_date("2025-07-10")) == (
            right.arose_on,
            right.exercised_on,
        )

    def test_right_arises_again(self) -> None:
        """Cured on 10 Jul, then instalments 6-8 (due 31 Jul, 31 Aug, 30 Sep) unpaid: LAPSES gives a new right on 1 Oct 2025; REMAINS keeps 1 Jul."""
        led = ledger(CURED)
        lapses = evaluate_compensation(led, as_of="2025-10-05", options=LAPSES)
        remains = evaluate_compensation(led, as_of="2025-10-05")
        new = lapses.right(G.UNPAID_THREE_MONTHS)
        old = remains.right(G.UNPAID_THREE_MONTHS)
        assert new is not None
        assert old is not None
        assert ((to_date("2025-10-01"), (6, 7, 8)), (to_date("2025-07-01"), (3, 4, 5))) == (
            (new.arose_on, new.instalments),
            (old.arose_on, old.instalments),
        )

    def test_elapsed_time_counting(self) -> None:
        """ELAPSED_TIME + LAPSES: instalment 3 (due 30 Apr) unpaid three months: right on 31 Jul; paid 5 Aug: lapsed from 6 Aug."""
        opts = LedgerOptions(
            unpaid_counting=UnpaidCounting.ELAPSED_TIME, cured_arrears=CuredArrears.RIGHT_LAPSES
        )
        led = ledger(pay("2025-08-05", "36000"))
        assert to_date("2025-07-31") == _arose(led, "2025-08-05", opts)
        assert _arose(led, "2025-08-06", opts) is None

    def test_guidance_reminder_ground_lapses(self) -> None:
        """MOHRSS ground: instalment 9 (due 31 Oct 2025) unpaid, reminder 5 Nov: right on 1 Dec; 12,000.00 paid 3 Dec: gone under LAPSES only."""
        paid_to_8 = [pay(f"2025-{m:02d}-28") for m in range(4, 10)]
        led = ledger(*paid_to_8, Reminder(date="2025-11-05"), pay("2025-12-03", "12000"))
        remains = evaluate_compensation(led, as_of="2025-12-10").right(G.LATE_AFTER_REMINDER)
        lapses = evaluate_compensation(led, as_of="2025-12-10", options=LAPSES)
        assert remains is not None
        assert (to_date("2025-12-01"), None) == (
            remains.arose_on,
            lapses.right(G.LATE_AFTER_REMINDER),
        )


def _arose(led: CompensationLedger, as_of: str, opts: LedgerOptions) -> object:
    right = evaluate_compensation(led, as_of=as_of, options=opts).right(G.UNPAID_THREE_MONTHS)
    return None if right is None else right.arose_on


class TestBatch:
    def test_batch_refuses_lapses(self) -> None:
        """The batch path implements RIGHT_REMAINS only: RIGHT_LAPSES is refused, not ignored."""
        data = BatchInput(
            termination=[to_date("2025-01-31").toordinal()],
            months=[24],
            region=["CN-SH"],
            agreed_fen=[600000],
            average_wage_fen=[0],
            reminder=[0],
            pay_row=[],
            pay_date=[],
            pay_fen=[],
        )
        with pytest.raises(InvalidInputError, match="cured_arrears"):
            evaluate_batch(data, as_of="2025-07-20", options=LAPSES)
