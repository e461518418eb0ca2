"""Release rights (Interp. (I) Art. 38; MOHRSS §17), rescission, employer release and waiver."""

from __future__ import annotations

from tradesecret import Money, Tier, explain, to_date
from tradesecret.ledger import (
    CompensationLedger,
    EmployeeDelay,
    EmployerRelease,
    EndedBy,
    InstalmentStatus,
    LedgerOptions,
    LedgerTerms,
    PartialMonth,
    Payment,
    ReleaseGround,
    Reminder,
    ReminderTiming,
    Rescission,
    UnpaidCounting,
    Waiver,
    evaluate_compensation,
)

G = ReleaseGround
ELAPSED = LedgerOptions(unpaid_counting=UnpaidCounting.ELAPSED_TIME)


def ledger(*events: object, termination: str = "2025-01-31") -> CompensationLedger:
    terms = LedgerTerms(
        agreement_id="A-1",
        termination_date=termination,
        months=24,
        region="CN-SH",
        agreed_monthly=Money("6000"),
    )
    return CompensationLedger(terms=terms).record(*events)  # type: ignore[arg-type]


def pay(date: str, amount: str = "6000") -> Payment:
    return Payment(date=to_date(date), amount=Money(amount))


def arose(led: CompensationLedger, as_of: str, ground: ReleaseGround, **kw: object) -> str | None:
    right = evaluate_compensation(led, as_of=as_of, **kw).right(ground)  # type: ignore[arg-type]
    return None if right is None else str(right.arose_on)


TWO_PAID = (pay("2025-02-28"), pay("2025-03-31"))


class TestJudicialThreeMonths:
    def test_three_instalments_unpaid(self) -> None:
        """Instalments 3-5 (due 30 Apr, 31 May, 30 Jun) unpaid: the right arises on 1 July 2025."""
        led = ledger(*TWO_PAID)
        assert arose(led, "2025-06-30", G.UNPAID_THREE_MONTHS) is None
        state = evaluate_compensation(led, as_of="2025-07-01")
        right = state.right(G.UNPAID_THREE_MONTHS)
        assert right is not None
        assert (to_date("2025-07-01"), (3, 4, 5), Tier.JUDICIAL_INTERPRETATION, True) == (
            right.arose_on,
            right.instalments,
            right.tier,
            right.binding,
        )
        assert "spc-labor-1@2020-12-29:38" == right.citations[0].id
        assert state.bound  # a right is not a release
        assert "ledger.rights.unexercised" in {f.code for f in state.findings}

    def test_elapsed_time_reading(self) -> None:
        """Elapsed-time reading: instalment 3 unpaid three months after 30 April -> 31 July."""
        assert "2025-07-31" == arose(
            ledger(*TWO_PAID), "2025-08-15", G.UNPAID_THREE_MONTHS, options=ELAPSED
        )

    def test_late_payment_before_third_month_prevents(self) -> None:
        """Paying instalment 3 on 30 June (late) keeps the count at two on 1 July: right on 1 August."""
        led = ledger(*TWO_PAID, pay("2025-06-30"))
        assert "2025-08-01" == arose(led, "2025-08-15", G.UNPAID_THREE_MONTHS)

    def test_payment_on_the_day_does_not_undo(self) -> None:
        """A payment on the day the right arose does not erase it: a right is a right."""
        led = ledger(*TWO_PAID, pay("2025-07-01", "18000"))
        assert "2025-07-01" == arose(led, "2025-07-15", G.UNPAID_THREE_MONTHS)

    def test_employee_delay_not_attributable(self) -> None:
        """Delay caused by the employee 20 Apr - 15 Jul: instalments 3-5 due 15 July; right 16 July."""
        led = ledger(
            *TWO_PAID,
            EmployeeDelay(date="2025-04-20", until="2025-07-15", reason="no bank account"),
        )
        assert arose(led, "2025-07-10", G.UNPAID_THREE_MONTHS) is None
        assert "2025-07-16" == arose(led, "2025-07-20", G.UNPAID_THREE_MONTHS)


class TestGuidance:
    """Termination 31 Aug 2025: instalments due 30 Sep, 31 Oct, 30 Nov, 31 Dec..."""

    def test_unpaid_more_than_three(self) -> None:
        """Nothing paid: Art. 38 on 1 Dec 2025, guidance (more than three) on 1 Jan 2026."""
        led = ledger(termination="2025-08-31")
        state = evaluate_compensation(led, as_of="2026-01-15")
        assert (to_date("2025-12-01"), to_date("2026-01-01")) == (
            state.right(G.UNPAID_THREE_MONTHS).arose_on,  # type: ignore[union-attr]
            state.right(G.UNPAID_OVER_THREE_MONTHS).arose_on,  # type: ignore[union-attr]
        )
        guidance = state.right(G.UNPAID_OVER_THREE_MONTHS)
        assert guidance is not None
        assert (Tier.ADMINISTRATIVE_GUIDANCE, False) == (guidance.tier, guidance.binding)
        assert "mohrss-nc-guide@2025-09-12:17" == guidance.citations[0].id

    def test_elapsed_reading_both(self) -> None:
        """Elapsed reading: instalment 1 unpaid through 30 Dec 2025 -> both rights on 31 Dec."""
        led = ledger(termination="2025-08-31")
        assert "2025-12-31" == arose(led, "2026-01-15", G.UNPAID_THREE_MONTHS, options=ELAPSED)
        assert "2025-12-31" == arose(led, "2026-01-15", G.UNPAID_OVER_THREE_MONTHS, options=ELAPSED)

    def test_late_after_reminder(self) -> None:
        """Instalment 1 (due 30 Sep) unpaid, reminder 15 Oct: more than a month late on 31 Oct."""
        led = ledger(Reminder(date="2025-10-15"), termination="2025-08-31")
        assert "2025-10-31" == arose(led, "2025-11-15", G.LATE_AFTER_REMINDER)
        assert arose(led, "2025-10-30", G.LATE_AFTER_REMINDER) is None

    def test_reminder_after_month_late(self) -> None:
        """A reminder on 10 Nov: still unpaid at the end of that day -> right on 11 Nov."""
        led = ledger(Reminder(date="2025-11-10"), termination="2025-08-31")
        assert "2025-11-11" == arose(led, "2025-11-15", G.LATE_AFTER_REMINDER)

    def test_reminder_timing_reading(self) -> None:
        """Strict reading: a reminder before the month of lateness does not count; a later one does."""
        strict = LedgerOptions(reminder_timing=ReminderTiming.AFTER_ONE_MONTH_LATE)
        early = ledger(Reminder(date="2025-10-15"), termination="2025-08-31")
        assert arose(early, "2025-11-20", G.LATE_AFTER_REMINDER, options=strict) is None
        both = early.record(Reminder(date="2025-11-05"))
        assert "2025-11-06" == arose(both, "2025-11-20", G.LATE_AFTER_REMINDER, options=strict)

    def test_paid_before_lateness_month(self) -> None:
        """Paid late on 20 Oct, before a month had passed: no guidance right."""
        led = ledger(Reminder(date="2025-10-15"), pay("2025-10-20"), termination="2025-08-31")
        assert arose(led, "2025-11-20", G.LATE_AFTER_REMINDER) is None

    def test_not_before_the_guidance(self) -> None:
        """A ground met before 12 Sep 2025 is dated from the guidance; none as of an earlier date."""
        led = ledger(*TWO_PAID)  # four instalments unpaid by 1 Aug 2025
        assert arose(led, "2025-09-11", G.UNPAID_OVER_THREE_MONTHS) is None
        assert "2025-09-12" == arose(led, "2025-09-30", G.UNPAID_OVER_THREE_MONTHS)

    def test_cured_before_the_guidance(self) -> None:
        """Four instalments unpaid from 1 Aug 2025 but paid on 1 Sep, before the guidance: no guidance right; Art. 38 (1 Jul) stays."""
        led = ledger(*TWO_PAID, pay("2025-09-01", "24000"))
        assert arose(led, "2025-09-30", G.UNPAID_OVER_THREE_MONTHS) is None
        assert "2025-07-01" == arose(led, "2025-09-30", G.UNPAID_THREE_MONTHS)


class TestRescission:
    def test_effective_rescission(self) -> None:
        """Rescission on 10 July after the 1 July right: free from 10 July; July pro-rated 9/31."""
        led = ledger(*TWO_PAID, Rescission(date="2025-07-10"))
        state = evaluate_compensation(led, as_of="2025-08-05")
        assert (False, to_date("2025-07-10"), to_date("2025-07-09"), EndedBy.RESCISSION) == (
            state.bound,
            state.free_since,
            state.restriction_end,
            state.ended_by,
        )
        assert Money("1741.94") == state.instalment(6).amount  # 6000 x 9 / 31
        assert InstalmentStatus.CANCELLED == state.instalment(7).status
        assert (Money("31741.94"), Money("19741.94")) == (state.total_scheduled, state.arrears)
        assert to_date("2025-07-10") == state.right(G.UNPAID_THREE_MONTHS).exercised_on  # type: ignore[union-attr]

    def test_rescission_on_the_day_the_right_arose(self) -> None:
        """Right and rescission both on 1 Jul 2025: the state lists the right, exercised that day, free from 1 Jul."""
        state = evaluate_compensation(
            ledger(*TWO_PAID, Rescission(date="2025-07-01")), as_of="2025-07-31"
        )
        right = state.right(G.UNPAID_THREE_MONTHS)
        assert right is not None
        assert (to_date("2025-07-01"), to_date("2025-07-01"), EndedBy.RESCISSION, []) == (
            right.arose_on,
            right.exercised_on,
            state.ended_by,
            [f.code for f in state.findings],
        )

    def test_rescission_after_the_end_has_no_effect(self) -> None:
        """Rights arose in 2025, but a rescission on 1 Mar 2027 comes after the period (ended 31 Jan 2027): free since 1 Feb 2027, a note."""
        state = evaluate_compensation(
            ledger(*TWO_PAID, Rescission(date="2027-03-01")), as_of="2027-03-31"
        )
        assert (EndedBy.SCHEDULED_END, to_date("2027-02-01")) == (
            state.ended_by,
            state.free_since,
        )
        assert ["ledger.release.after_end"] == [
            f.code for f in state.findings if f.code.startswith(("ledger.release", "ledger.resc"))
        ]

    def test_rescission_without_right(self) -> None:
        """Rescission on 20 June, before any right: ineffective, still bound, with a finding."""
        led = ledger(*TWO_PAID, Rescission(date="2025-06-20"))
        state = evaluate_compensation(led, as_of="2025-06-25")
        assert (True, EndedBy.SCHEDULED_END) == (state.bound, state.ended_by)
        assert "ledger.rescission.no_right" in {f.code for f in state.findings}


class TestEmployerRelease:
    PAID4 = (pay("2025-02-28"), pay("2025-03-31"), pay("2025-04-30"), pay("2025-05-31"))

    def test_release_during_period(self) -> None:
        """Release on 11 June: June pro-rated 10/30 (2,000.00); three extra months, 18,000, due that day."""
        led = ledger(*self.PAID4, EmployerRelease(date="2025-06-11"))
        state = evaluate_compensation(led, as_of="2025-06-20")
        rel = state.employer_release
        assert rel is not None
        assert (
            True,
            "statutory_extra_months",
            3,
            Money("6000"),
            Money("18000"),
            to_date("2025-06-11"),
        ) == (
            rel.during_period,
            rel.basis,
            rel.extra_months,
            rel.monthly_amount,
            rel.extra_amount,
            rel.extra_due,
        )
        assert "spc-labor-1@2020-12-29:39" == rel.citations[0].id
        assert Money("2000.00") == state.instalment(5).amount
        assert (False, EndedBy.EMPLOYER_RELEASE, Money("18000")) == (
            state.bound,
            state.ended_by,
            state.arrears,
        )

    def test_prepaid_month_cut_by_release_is_paid_on_time(self) -> None:
        """4,000.00 paid on 10 Jun 2025 towards June, release on 16 Jun: June is 3,000.00 (15/30), paid on 10 Jun, on time; 1,000.00 credit."""
        led = ledger(
            pay("2025-06-10", "4000"), EmployerRelease(date="2025-06-16"), termination="2025-05-31"
        )
        state = evaluate_compensation(led, as_of="2025-08-31")
        june = state.instalment(1)
        assert (
            Money("3000.00"),
            Money("3000.00"),
            InstalmentStatus.PAID,
            to_date("2025-06-10"),
            Money("1000.00"),
        ) == (june.amount, june.paid, june.status, june.completed_on, state.unallocated)
        assert "ledger.step.unpaid" not in [s.code for s in state.timeline]

    def test_release_paid(self) -> None:
        """A payment of 20,000 on 15 June pays June's 2,000 and the 18,000 extra."""
        led = ledger(*self.PAID4, EmployerRelease(date="2025-06-11"), pay("2025-06-15", "20000"))
        state = evaluate_compensation(led, as_of="2025-07-20")
        assert (Money("0"), Money("0")) == (state.employer_release.outstanding, state.arrears)  # type: ignore[union-attr]

    def test_negotiated_amount(self) -> None:
        """A negotiated 10,000 replaces the statutory 18,000, with a finding that it is lower."""
        led = ledger(
            *self.PAID4, EmployerRelease(date="2025-06-11", negotiated_amount=Money("10000"))
        )
        state = evaluate_compensation(led, as_of="2025-06-20")
        rel = state.employer_release
        assert rel is not None
        assert ("negotiated", Money("10000")) == (rel.basis, rel.extra_amount)
        assert "ledger.release.negotiated_below_statutory" in {f.code for f in state.findings}

    def test_full_month_reading(self) -> None:
        """Full-month reading: June stays 6,000."""
        led = ledger(*self.PAID4, EmployerRelease(date="2025-06-11"))
        opts = LedgerOptions(partial_month=PartialMonth.FULL_MONTH)
        assert (
            Money("6000")
            == evaluate_compensation(led, as_of="2025-06-20", options=opts).instalment(5).amount
        )

    def test_release_before_period(self) -> None:
        """Release on 20 Jan, before termination: nothing owed, no extra (Art. 39 is 'during the period')."""
        led = ledger(EmployerRelease(date="2025-01-20"))
        state = evaluate_compensation(led, as_of="2025-03-01")
        assert (Money("0"), "none", False, to_date("2025-02-01")) == (
            state.employer_release.extra_amount,  # type: ignore[union-attr]
            state.employer_release.basis,  # type: ignore[union-attr]
            state.bound,
            state.free_since,
        )
        assert {InstalmentStatus.CANCELLED} == {i.status for i in state.instalments}
        opts = LedgerOptions(extra_on_pre_period_release=True)
        rel = evaluate_compensation(led, as_of="2025-03-01", options=opts).employer_release
        assert rel is not None
        assert Money("18000") == rel.extra_amount

    def test_waiver_at_departure(self) -> None:
        """A waiver on the termination day ends everything before it starts."""
        state = evaluate_compensation(ledger(Waiver(date="2025-01-31")), as_of="2025-03-01")
        assert (EndedBy.WAIVER, Money("0")) == (state.ended_by, state.total_scheduled)

    def test_release_after_end_has_no_effect(self) -> None:
        """A release after the period ended changes nothing and is reported."""
        state = evaluate_compensation(
            ledger(EmployerRelease(date="2027-03-01")), as_of="2027-03-05"
        )
        assert (EndedBy.SCHEDULED_END, None) == (state.ended_by, state.employer_release)
        assert "ledger.release.after_end" in {f.code for f in state.findings}

    def test_explain_timeline(self) -> None:
        """The timeline renders in both languages with dates and citations."""
        led = ledger(*TWO_PAID, Reminder(date="2025-06-30"), Rescission(date="2025-07-10"))
        state = evaluate_compensation(led, as_of="2025-07-15")
        en = explain(state, locale="en")
        zh = explain(state, locale="zh_CN")
        assert "2025-05-01: instalment 3 (CN¥6,000.00) unpaid at its due date 30 Apr 2025" in en
        assert "2025-07-01: release right arose: compensation unpaid for reasons attributable" in en
        assert "SPC Labour Interpretation (I) Art. 38" in en
        assert "2025-07-01: 解除权产生：因用人单位原因在司法解释规定的期间内未支付经济补偿" in zh
        assert "劳动者自2025年7月10日起不再受竞业限制约束" in zh
