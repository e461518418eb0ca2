"""Activation reserved at departure (Interp. (I) Art. 37): decided, not activated, undecided."""

from __future__ import annotations

import pendulum

from tradesecret import Money, explain, to_date
from tradesecret.ledger import (
    Activation,
    CompensationLedger,
    EndedBy,
    InstalmentStatus,
    LedgerOptions,
    LedgerTerms,
    Payment,
    ReleaseGround,
    UndecidedActivation,
    Waiver,
    activation_events_from_noncompete,
    evaluate_compensation,
    terms_from_noncompete,
)
from tradesecret.noncompete import (
    ActivationDecision,
    CompensationBasis,
    CompensationTerms,
    EmployeeFacts,
    NonCompeteAgreement,
    PersonnelCategory,
    WageRecord,
)

ART37 = "spc-labor-1@2020-12-29:37"
NOT_STARTED = LedgerOptions(undecided_activation=UndecidedActivation.NOT_STARTED)


def ledger(*events: object, reserved: bool = True) -> CompensationLedger:
    """12 months from 1 April 2025 at 3,000.00 a month; activation reserved by default."""
    terms = LedgerTerms(
        agreement_id="R-1",
        termination_date="2025-03-31",
        months=12,
        region="CN-SH",
        agreed_monthly=Money("3000"),
        activation_reserved=reserved,
    )
    return CompensationLedger(terms=terms).record(*events)  # type: ignore[arg-type]


def codes(state: object) -> list[str]:
    return [f.code for f in state.findings]  # type: ignore[attr-defined]


#: Stated: no compensation agreed (a clause left out is not stated, not "none").
NONE_AGREED = CompensationTerms(basis=CompensationBasis.NONE)


class TestNotActivated:
    def test_waiver_at_departure_starts_nothing(self) -> None:
        """Decision not to activate on 31 Mar 2025: no instalment is due, free from 1 Apr, nothing owed."""
        state = evaluate_compensation(ledger(Waiver(date="2025-03-31")), as_of="2025-12-31")
        assert {InstalmentStatus.CANCELLED} == {i.status for i in state.instalments}
        assert (Money.zero(), Money.zero(), Money.zero()) == (
            state.total_scheduled,
            state.total_fallen_due,
            state.arrears,
        )
        assert (EndedBy.WAIVER, False, to_date("2025-04-01"), None) == (
            state.ended_by,
            state.bound,
            state.free_since,
            state.restriction_end,
        )
        assert state.employer_release is not None
        assert Money.zero() == state.employer_release.extra_amount
        assert () == state.release_rights
        step = next(s for s in state.timeline if s.code == "ledger.step.not_activated")
        assert (to_date("2025-03-31"), [ART37]) == (step.on, [c.id for c in step.citations])
        assert "ledger.activation.decision_not_recorded" not in codes(state)

    def test_decision_before_departure_counts(self) -> None:
        """A decision not to activate notified on 20 Mar 2025 (before the 31 Mar departure) also starts nothing."""
        state = evaluate_compensation(ledger(Waiver(date="2025-03-20")), as_of="2025-06-30")
        assert (Money.zero(), False) == (state.total_scheduled, state.bound)

    def test_waiver_after_departure_is_a_release(self) -> None:
        """A waiver on 15 Apr 2025 comes after departure: an Art. 39 release owing 3 x 3,000.00."""
        state = evaluate_compensation(ledger(Waiver(date="2025-04-15")), as_of="2025-04-30")
        assert state.employer_release is not None
        assert (EndedBy.EMPLOYER_RELEASE, Money("9000.00")) == (
            state.ended_by,
            state.employer_release.extra_amount,
        )
        # April pro rata: 14 restricted days of 30 -> 1,400.00
        assert Money("1400.00") == state.instalment(1).amount


class TestActivated:
    def test_activation_runs_the_schedule(self) -> None:
        """Activated on 31 Mar 2025, nothing paid: as of 1 Jul 2025 three instalments (9,000.00) are overdue and the Art. 38 right arose."""
        state = evaluate_compensation(ledger(Activation(date="2025-03-31")), as_of="2025-07-01")
        assert Money("9000.00") == state.arrears
        right = state.right(ReleaseGround.UNPAID_THREE_MONTHS)
        assert right is not None
        assert (to_date("2025-07-01"), (1, 2, 3)) == (right.arose_on, right.instalments)
        assert "ledger.activation.decision_not_recorded" not in codes(state)
        step = next(s for s in state.timeline if s.code == "ledger.step.activation")
        assert [ART37] == [c.id for c in step.citations]


class TestUndecided:
    def test_clause_applies_by_default(self) -> None:
        """No decision at departure: the clause applies (Art. 37), 9,000.00 overdue as of 1 Jul 2025, and a finding says the decision is missing."""
        state = evaluate_compensation(ledger(), as_of="2025-07-01")
        assert (Money("9000.00"), True, EndedBy.SCHEDULED_END) == (
            state.arrears,
            state.bound,
            state.ended_by,
        )
        finding = next(
            f for f in state.findings if f.code == "ledger.activation.decision_not_recorded"
        )
        assert ([ART37], ("ledger.remedy.record_activation",)) == (
            [c.id for c in finding.citations],
            finding.remedies,
        )
        assert "(31 Mar 2025)" in explain(finding, locale="en")
        assert "the clause applies" in explain(finding, locale="en")
        assert "（2025年3月31日）" in explain(finding, locale="zh_CN")
        assert "竞业限制条款继续适用" in explain(finding, locale="zh_CN")

    def test_not_started_reading(self) -> None:
        """NOT_STARTED: no decision at departure means no instalment is due and no right arises; the finding remains."""
        state = evaluate_compensation(ledger(), as_of="2025-07-01", options=NOT_STARTED)
        assert {InstalmentStatus.CANCELLED} == {i.status for i in state.instalments}
        assert (Money.zero(), Money.zero(), False, EndedBy.NOT_ACTIVATED) == (
            state.arrears,
            state.total_scheduled,
            state.bound,
            state.ended_by,
        )
        assert (to_date("2025-04-01"), ()) == (state.free_since, state.release_rights)
        assert "ledger.activation.decision_not_recorded" in codes(state)

    def test_late_activation_reported_under_not_started(self) -> None:
        """NOT_STARTED: an activation on 10 Apr 2025 is reported, not applied; a 3,000.00 payment is a credit."""
        led = ledger(
            Activation(date="2025-04-10"),
            Payment(date=pendulum.Date(2025, 4, 30), amount=Money("3000")),
        )
        state = evaluate_compensation(led, as_of="2025-05-31", options=NOT_STARTED)
        assert "ledger.activation.after_departure" in codes(state)
        assert (Money("3000.00"), Money.zero()) == (state.unallocated, state.arrears)

    def test_no_finding_before_departure(self) -> None:
        """As of 20 Mar 2025 the decision can still be made: no finding yet."""
        state = evaluate_compensation(ledger(), as_of="2025-03-20")
        assert "ledger.activation.decision_not_recorded" not in codes(state)

    def test_not_reserved_needs_no_decision(self) -> None:
        """Activation not reserved: no finding, and NOT_STARTED changes nothing."""
        led = ledger(reserved=False)
        for options in (LedgerOptions(), NOT_STARTED):
            state = evaluate_compensation(led, as_of="2025-07-01", options=options)
            assert (Money("9000.00"), []) == (
                state.arrears,
                [c for c in codes(state) if c.startswith("ledger.activation")],
            )

    def test_explained_in_both_languages(self) -> None:
        """The undecided state renders in Chinese and English."""
        for options in (LedgerOptions(), NOT_STARTED):
            state = evaluate_compensation(ledger(), as_of="2025-07-01", options=options)
            assert "R-1" in explain(state, locale="en")
            assert "R-1" in explain(state, locale="zh_CN")


def employee() -> EmployeeFacts:
    wages = tuple(
        WageRecord(month=pendulum.Date(2024, 1, 1).add(months=i), amount=Money("10000"))
        for i in range(15)
    )
    return EmployeeFacts(
        person_id="e1",
        role="R&D lead",
        category=PersonnelCategory.SENIOR_TECHNICAL,
        place_of_performance="CN-SH",
        employment_start="2020-03-01",
        wages=wages,
        termination_date="2025-03-31",
    )


class TestBridge:
    def test_reservation_and_decision_carried(self) -> None:
        """A reserved, waived agreement: terms say reserved; the decision is a Waiver on its date; nothing is owed."""
        agreement = NonCompeteAgreement(
            id="nc1",
            employer="ACME",
            employee="e1",
            signed_on="2020-03-01",
            duration_months=12,
            compensation=NONE_AGREED,
            activation_reserved=True,
            activation_decision=ActivationDecision.WAIVED,
            activation_decided_on="2025-03-28",
        )
        terms = terms_from_noncompete(agreement, employee(), as_of="2025-04-01")
        events = activation_events_from_noncompete(agreement, employee())
        assert (True, (Waiver(date="2025-03-28"),)) == (terms.activation_reserved, events)
        state = evaluate_compensation(
            CompensationLedger(terms=terms).record(*events), as_of="2025-12-31"
        )
        assert (Money.zero(), EndedBy.WAIVER) == (state.total_scheduled, state.ended_by)

    def test_activated_without_date_uses_departure(self) -> None:
        """ACTIVATED with no decision date: an Activation on the termination date; undecided gives none."""
        activated = NonCompeteAgreement(
            id="nc2",
            employer="ACME",
            employee="e1",
            signed_on="2020-03-01",
            duration_months=12,
            compensation=NONE_AGREED,
            activation_reserved=True,
            activation_decision=ActivationDecision.ACTIVATED,
        )
        undecided = NonCompeteAgreement(
            id="nc3",
            employer="ACME",
            employee="e1",
            signed_on="2020-03-01",
            duration_months=12,
            compensation=NONE_AGREED,
            activation_reserved=True,
            activation_decision=ActivationDecision.NOT_RECORDED,
        )
        assert (Activation(date="2025-03-31"),) == activation_events_from_noncompete(
            activated, employee()
        )
        assert () == activation_events_from_noncompete(undecided, employee())
