"""Invariants of the fold (Hypothesis)."""

from __future__ import annotations

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from tradesecret import Money
from tradesecret.ledger import (
    Activation,
    CompensationLedger,
    CuredArrears,
    EmployeeDelay,
    EndedBy,
    LedgerOptions,
    LedgerTerms,
    Payment,
    Reminder,
    Rescission,
    UndecidedActivation,
    UnpaidCounting,
    Waiver,
    build_schedule,
    evaluate_compensation,
)

START = pendulum.Date(2024, 1, 1)

terms_st = st.builds(
    lambda t, months, agreed, region, reserved: LedgerTerms(
        agreement_id="P",
        termination_date=START.add(days=t),
        months=months,
        region=region,
        agreed_monthly=Money.from_fen(agreed) if agreed else None,
        average_monthly_wage=Money("9000.50"),
        activation_reserved=reserved,
    ),
    st.integers(0, 800),
    st.integers(1, 24),
    st.one_of(st.just(0), st.integers(100, 2_000_000)),
    st.sampled_from(["CN-SH", "CN-BJ", "CN-GD-SZ"]),
    st.booleans(),
)
options_st = st.builds(
    LedgerOptions,
    unpaid_counting=st.sampled_from(UnpaidCounting),
    cured_arrears=st.sampled_from(CuredArrears),
    undecided_activation=st.sampled_from(UndecidedActivation),
)


def day_after(terms: LedgerTerms, offset: int) -> pendulum.Date:
    return terms.termination_date.add(days=offset)


@st.composite
def ledgers(draw: st.DrawFn) -> CompensationLedger:
    terms = draw(terms_st)
    payments = draw(
        st.lists(st.tuples(st.integers(0, 800), st.integers(1, 2_000_000)), max_size=10)
    )
    reminders = draw(st.lists(st.integers(0, 800), max_size=2))
    events: list[object] = [
        Payment(date=day_after(terms, d), amount=Money.from_fen(f)) for d, f in payments
    ]
    events += [Reminder(date=day_after(terms, d)) for d in reminders]
    if draw(st.booleans()):
        start = draw(st.integers(0, 600))
        events.append(
            EmployeeDelay(
                date=day_after(terms, start),
                until=day_after(terms, start + draw(st.integers(0, 90))),
            )
        )
    if draw(st.booleans()):
        events.append(Rescission(date=day_after(terms, draw(st.integers(1, 800)))))
    decision = draw(st.sampled_from([None, Activation, Waiver]))
    if decision is not None:
        events.append(decision(date=day_after(terms, draw(st.integers(-10, 30)))))
    return CompensationLedger(terms=terms).record(*events)  # type: ignore[arg-type]


class TestInvariants:
    @given(
        terms=terms_st,
        reminders=st.lists(st.integers(0, 900), max_size=3),
        as_of=st.integers(0, 1000),
        early=st.integers(0, 20),
        opts=options_st,
    )
    def test_paying_on_time_never_creates_a_right(
        self, terms: LedgerTerms, reminders: list[int], as_of: int, early: int, opts: LedgerOptions
    ) -> None:
        """Every instalment paid in full on or before its due date: no release right, ever."""
        schedule = build_schedule(terms, options=opts)
        payments = [
            Payment(date=max(i.due.subtract(days=early), terms.termination_date), amount=i.amount)
            for i in schedule.instalments
        ]
        led = CompensationLedger(
            terms=terms,
            payments=tuple(payments),
            reminders=tuple(Reminder(date=day_after(terms, r)) for r in reminders),
        )
        state = evaluate_compensation(led, as_of=day_after(terms, as_of), options=opts)
        assert () == state.release_rights
        assert state.arrears.is_zero()

    @given(
        led=ledgers(),
        extra=st.tuples(st.integers(0, 800), st.integers(1, 2_000_000)),
        as_of=st.integers(0, 900),
        opts=options_st,
    )
    def test_extra_payment_never_advances_a_right(
        self, led: CompensationLedger, extra: tuple[int, int], as_of: int, opts: LedgerOptions
    ) -> None:
        """Adding a payment never makes a release right arise earlier (or newly) while the employee was bound without it."""
        day = day_after(led.terms, as_of)
        base = evaluate_compensation(led, as_of=day, options=opts)
        more = evaluate_compensation(
            led.record(
                Payment(date=day_after(led.terms, extra[0]), amount=Money.from_fen(extra[1]))
            ),
            as_of=day,
            options=opts,
        )
        # without the payment a rescission may have ended the restriction earlier: rights
        # arising after that end are not comparable (the employee was no longer bound)
        limit = base.free_since if base.ended_by is EndedBy.RESCISSION else base.restriction_end
        for right in more.release_rights:
            if base.released and (limit is None or right.arose_on > limit):
                continue
            before = base.right(right.ground)
            assert before is not None
            assert before.arose_on <= right.arose_on

    @given(led=ledgers(), cut=st.integers(0, 900), opts=options_st)
    def test_earlier_date_ignores_later_events(
        self, led: CompensationLedger, cut: int, opts: LedgerOptions
    ) -> None:
        """The state as of a date equals the state of the ledger cut at that date."""
        day = day_after(led.terms, cut)
        cut_ledger = CompensationLedger(terms=led.terms).record(
            *(e for e in led.events() if e.date <= day)
        )
        assert evaluate_compensation(cut_ledger, as_of=day, options=opts) == evaluate_compensation(
            led, as_of=day, options=opts
        )

    @given(led=ledgers(), as_of=st.integers(0, 900))
    def test_accounts_balance(self, led: CompensationLedger, as_of: int) -> None:
        """Paid to instalments + extra + credit equals every payment received; arrears never negative."""
        state = evaluate_compensation(led, as_of=day_after(led.terms, as_of))
        received = sum((p.amount for p in led.payments if p.date <= state.as_of), Money.zero())
        to_instalments = sum((i.paid for i in state.instalments), Money.zero())
        extra = state.employer_release.paid if state.employer_release else Money.zero()
        assert received == state.total_paid == to_instalments + extra + state.unallocated
        assert state.arrears.amount >= 0
