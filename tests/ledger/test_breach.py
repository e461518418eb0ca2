"""Employee breach: return of compensation and penalty (Interp. (II) Art. 15; Interp. (I) Art. 40)."""

from __future__ import annotations

from tradesecret import Money, explain, to_date
from tradesecret.ledger import (
    Activation,
    Breach,
    BreachReturn,
    CompensationLedger,
    EmployerRelease,
    LedgerOptions,
    LedgerTerms,
    Payment,
    PenaltyPaid,
    evaluate_compensation,
)

SIX_PAID = tuple(
    Payment(date=to_date(d), amount=Money("6000"))
    for d in ("2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31", "2025-06-30", "2025-07-31")
)


def ledger(*events: object, penalty: str | None = "100000") -> CompensationLedger:
    terms = LedgerTerms(
        agreement_id="A-1",
        termination_date="2025-01-31",
        months=24,
        region="CN-SH",
        agreed_monthly=Money("6000"),
        penalty=Money(penalty) if penalty else None,
    )
    return CompensationLedger(terms=terms).record(*SIX_PAID, *events)  # type: ignore[arg-type]


class TestBreach:
    def test_return_everything_paid(self) -> None:
        """Competing 15 Jun - 20 Jul: the employer may claim back the 36,000 paid and the 100,000 penalty."""
        state = evaluate_compensation(
            ledger(Breach(date="2025-06-15", until="2025-07-20")), as_of="2025-10-01"
        )
        br = state.breach
        assert br is not None
        assert (Money("36000"), Money("100000"), True) == (
            br.compensation_to_return,
            br.penalty_claimable,
            br.duty_continues,
        )
        assert [
            "spc-labor-2@2025-07-31:15",
            "spc-labor-1@2020-12-29:40",
            "lcl@2012-12-28:23.2",
        ] == [c.id for c in br.citations]
        assert ((to_date("2025-06-15"), to_date("2025-07-20")),) == br.periods

    def test_return_breach_months_reading(self) -> None:
        """Narrow reading: only June and July's compensation (12,000) is returned."""
        opts = LedgerOptions(breach_return=BreachReturn.BREACH_MONTHS)
        state = evaluate_compensation(
            ledger(Breach(date="2025-06-15", until="2025-07-20")), as_of="2025-10-01", options=opts
        )
        assert Money("12000") == state.breach.compensation_to_return  # type: ignore[union-attr]

    def test_penalty_paid_does_not_end_duty(self) -> None:
        """After paying the penalty the employee is still bound (Interp. (I) Art. 40)."""
        led = ledger(
            Breach(date="2025-06-15"), PenaltyPaid(date="2025-09-10", amount=Money("100000"))
        )
        state = evaluate_compensation(led, as_of="2025-10-01")
        assert (True, True, Money("100000")) == (
            state.bound,
            state.breach.duty_continues,  # type: ignore[union-attr]
            state.breach.penalty_paid,  # type: ignore[union-attr]
        )
        finding = next(
            f for f in state.findings if f.code == "ledger.breach.penalty_does_not_end_duty"
        )
        assert "spc-labor-1@2020-12-29:40" == finding.citations[0].id

    def test_penalty_above_guidance(self) -> None:
        """A penalty of 800,000 exceeds five times the 144,000 total (720,000): guidance finding."""
        state = evaluate_compensation(
            ledger(Breach(date="2025-09-15"), penalty="800000"), as_of="2025-10-01"
        )
        finding = next(
            f for f in state.findings if f.code == "ledger.breach.penalty_above_guidance"
        )
        assert Money("720000.00") == finding.arg("cap")

    def test_no_penalty_agreed(self) -> None:
        """Without an agreed penalty none is claimable."""
        state = evaluate_compensation(
            ledger(Breach(date="2025-09-15"), penalty=None), as_of="2025-10-01"
        )
        assert state.breach.penalty_claimable is None  # type: ignore[union-attr]
        assert "ledger.breach.no_penalty_agreed" in {f.code for f in state.findings}

    def test_before_interpretation_two(self) -> None:
        """As of 1 Aug 2025 Interp. (II) was not yet in force: an information finding says so."""
        state = evaluate_compensation(ledger(Breach(date="2025-06-15")), as_of="2025-08-01")
        assert "ledger.breach.interp2_not_in_force" in {f.code for f in state.findings}

    def test_activation_and_explain(self) -> None:
        """Activation is on the timeline; the breach section renders in both languages."""
        led = ledger(Activation(date="2025-01-31"), Breach(date="2025-06-15"))
        state = evaluate_compensation(led, as_of="2025-10-01")
        assert "employer decided that the restriction applies" in explain(state, locale="en")
        assert "用人单位可请求返还已支付的经济补偿¥36,000.00" in explain(state, locale="zh_CN")

    def test_breach_after_release_is_outside_period(self) -> None:
        """Competing after the restriction ended is not a breach of it."""
        led = ledger(EmployerRelease(date="2025-08-01"), Breach(date="2025-09-01"))
        state = evaluate_compensation(led, as_of="2025-10-01")
        assert state.breach is None
        assert "ledger.breach.outside_period" in {f.code for f in state.findings}
