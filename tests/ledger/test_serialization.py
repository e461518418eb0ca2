"""JSON round trips of ledger inputs and results; explain in both formats."""

from __future__ import annotations

import attrs

from tradesecret import Money, explain, from_json, to_date, to_json
from tradesecret.ledger import (
    Activation,
    Breach,
    CompensationLedger,
    CompensationState,
    CuredArrears,
    DeferralPlan,
    EmployeeDelay,
    EmployerRelease,
    EndedBy,
    LedgerOptions,
    LedgerTerms,
    Payment,
    PenaltyPaid,
    Reminder,
    UndecidedActivation,
    build_schedule,
    evaluate_compensation,
)


def full_ledger() -> CompensationLedger:
    terms = LedgerTerms(
        agreement_id="A-1",
        termination_date="2025-01-31",
        months=24,
        region="CN-SH",
        average_monthly_wage=Money("20000"),
        penalty=Money("100000"),
    )
    return CompensationLedger(terms=terms).record(
        Payment(date="2025-02-28", amount=Money("6000"), reference="bank-1"),
        DeferralPlan(date="2025-03-01", new_due_dates=((2, to_date("2025-04-15")),)),
        Reminder(date="2025-05-10"),
        EmployeeDelay(date="2025-09-01", until="2025-09-20"),
        Breach(date="2025-06-01", until="2025-07-01"),
        PenaltyPaid(date="2025-08-01", amount=Money("100000")),
        EmployerRelease(date="2025-10-10"),
    )


class TestJson:
    def test_ledger_round_trip(self) -> None:
        """Every event kind survives JSON."""
        led = full_ledger()
        assert led == from_json(to_json(led), CompensationLedger)

    def test_state_round_trip(self) -> None:
        """The full state, with timeline, findings and parameters, survives JSON."""
        state = evaluate_compensation(full_ledger(), as_of="2025-12-31")
        assert state == from_json(to_json(state), CompensationState)

    def test_activation_and_new_readings_round_trip(self) -> None:
        """A reserved, undecided activation read as NOT_STARTED, under the lapse reading: the state survives JSON."""
        terms = attrs.evolve(full_ledger().terms, activation_reserved=True)
        options = LedgerOptions(
            cured_arrears=CuredArrears.RIGHT_LAPSES,
            undecided_activation=UndecidedActivation.NOT_STARTED,
        )
        led = CompensationLedger(terms=terms).record(Activation(date="2025-03-01"))
        state = evaluate_compensation(led, as_of="2025-12-31", options=options)
        assert EndedBy.NOT_ACTIVATED == state.ended_by
        assert led == from_json(to_json(led), CompensationLedger)
        assert state == from_json(to_json(state), CompensationState)

    def test_amounts_are_strings(self) -> None:
        """Money goes out as decimal strings, never JSON numbers."""
        assert '"amount": "6000.00"' in to_json(build_schedule(full_ledger().terms))


class TestExplain:
    def test_markdown_and_text(self) -> None:
        """Both locales and both formats render every section without a missing message."""
        state = evaluate_compensation(full_ledger(), as_of="2025-12-31")
        for locale in ("zh_CN", "en"):
            text = explain(state, locale=locale)
            md = explain(state, locale=locale, format="markdown")
            assert md.startswith("## ")
            assert text.count("\n") > 40
        assert "Released by the employer on 10 Oct 2025" in explain(state, locale="en")

    def test_events_in_date_order(self) -> None:
        """events() lists every kind sorted by date."""
        dates = [str(e.date) for e in full_ledger().events()]
        assert dates == sorted(dates)
        assert 7 == len(dates)

    def test_schedule_explains(self) -> None:
        """The schedule renders its instalments and total in both languages."""
        schedule = build_schedule(full_ledger().terms)
        assert "Total CN¥144,000.00 over 24 instalments" in explain(schedule, locale="en")
        assert "第1期（2025年2月1日至2025年2月28日），2025年2月28日到期，金额¥6,000.00" in explain(
            schedule, locale="zh_CN"
        )
