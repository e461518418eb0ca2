"""
The exact path of the batch: rows with rare events are evaluated by the object path.

A row with a deferral plan, an employee delay, an activation decision, a waiver, a breach,
an in-service breach, a penalty payment, a second reminder / release / rescission or a
payment naming an instalment (:attr:`BatchInput.events`), or a reserved activation, is
rebuilt as a :class:`~tradesecret.ledger.CompensationLedger` and evaluated by
:func:`~tradesecret.ledger.evaluate_compensation`; its state is written into the batch's
arrays. Rows whose running totals are too large for the kernel's merged keys come here too.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import pendulum

from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.ledger._batch_kernel import Outputs
from tradesecret.ledger._codes import EndedBy, ReleaseGround
from tradesecret.ledger.engine import evaluate_compensation
from tradesecret.ledger.model import (
    CompensationLedger,
    EmployerRelease,
    InServiceBreach,
    LedgerEvent,
    LedgerOptions,
    LedgerTerms,
    Payment,
    Reminder,
    Rescission,
)
from tradesecret.ledger.state import CompensationState
from tradesecret.money import Money
from tradesecret.rulebook import Rulebook

if TYPE_CHECKING:
    from tradesecret.ledger.batch import BatchInput

I64 = npt.NDArray[np.int64]

_ENDED = list(EndedBy)
_RIGHTS = (
    (ReleaseGround.UNPAID_THREE_MONTHS, "right_unpaid_three_months"),
    (ReleaseGround.LATE_AFTER_REMINDER, "right_late_after_reminder"),
    (ReleaseGround.UNPAID_OVER_THREE_MONTHS, "right_unpaid_over_three_months"),
)


def _day(ordinal: int) -> pendulum.Date:
    return pendulum.Date.fromordinal(ordinal)


def _fen(values: I64 | None, row: int) -> int:
    return 0 if values is None else int(values[row])


def terms_of(data: BatchInput, row: int) -> LedgerTerms:
    """The :class:`LedgerTerms` of one batch row."""
    agreed, total = int(data.agreed_fen[row]), _fen(data.wage_total_fen, row)
    average, penalty = int(data.average_wage_fen[row]), _fen(data.penalty_fen, row)
    months = 12 if data.wage_months is None else int(data.wage_months[row])
    return LedgerTerms(
        agreement_id=str(row if data.agreement_id is None else data.agreement_id[row]),
        termination_date=_day(int(data.termination[row])),
        months=int(data.months[row]),
        region=str(data.region[row]),
        agreed_monthly=Money.from_fen(agreed) if agreed > 0 else None,
        average_monthly_wage=Money.from_fen(average) if average > 0 and total <= 0 else None,
        wage_total=Money.from_fen(total) if total > 0 else None,
        wage_months=months,
        penalty=Money.from_fen(penalty) if penalty > 0 else None,
        activation_reserved=bool(
            data.activation_reserved is not None and data.activation_reserved[row]
        ),
    )


def column_events(data: BatchInput, row: int) -> list[LedgerEvent]:
    """The reminder, release and rescission the columns give for one row."""
    events: list[LedgerEvent] = []
    if data.reminder[row] > 0:
        events.append(Reminder(date=_day(int(data.reminder[row]))))
    release = _fen(data.release, row)
    if release > 0:
        negotiated = _fen(data.release_negotiated_fen, row)
        events.append(
            EmployerRelease(
                date=_day(release),
                negotiated_amount=Money.from_fen(negotiated) if negotiated > 0 else None,
            )
        )
    rescission = _fen(data.rescission, row)
    if rescission > 0:
        events.append(Rescission(date=_day(rescission)))
    return events


def run_exact(
    data: BatchInput,
    rows: list[int],
    *,
    as_of: I64,
    opts: LedgerOptions,
    rb: Rulebook,
    out: Outputs,
    bad: dict[int, list[Problem]],
) -> None:
    """Evaluate ``rows`` with the object path and write their states into ``out``."""
    if not rows:
        return
    wanted = np.zeros(data.size + 1, dtype=bool)
    wanted[np.array(rows, dtype=np.int64)] = True
    pay_rows = np.clip(data.pay_row, -1, data.size)
    payments: dict[int, list[LedgerEvent]] = defaultdict(list)
    for k in np.flatnonzero(wanted[pay_rows]).tolist():
        payments[int(pay_rows[k])].append(
            Payment(date=_day(int(data.pay_date[k])), amount=Money.from_fen(int(data.pay_fen[k])))
        )
    events: dict[int, list[LedgerEvent]] = defaultdict(list)
    for row, event in data.events:
        events[row].append(event)
    for row in rows:
        try:
            ledger = CompensationLedger(terms=terms_of(data, row)).record(
                *payments[row], *column_events(data, row), *events[row]
            )
            state = evaluate_compensation(
                ledger, as_of=_day(int(as_of[row])), options=opts, rulebook=rb
            )
        except InvalidInputError as exc:
            bad.setdefault(row, []).extend(exc.problems)
            continue
        _write(out, row, state, events[row], int(as_of[row]))


def _write(
    out: Outputs, row: int, state: CompensationState, events: list[LedgerEvent], as_of: int
) -> None:
    """One object-path state into the batch's arrays."""
    w = len(state.instalments)
    out.due[row, :w] = [i.due.toordinal() for i in state.instalments]
    out.amount[row, :w] = [i.amount.fen for i in state.instalments]
    out.paid[row, :w] = [i.paid.fen for i in state.instalments]
    out.status[row, :w] = [i.status.code for i in state.instalments]
    vec = out.vectors
    for name in ("total_scheduled", "total_fallen_due", "total_paid", "arrears", "unallocated"):
        vec[name][row] = getattr(state, name).fen
    vec["scheduled_end"][row] = state.scheduled_end.toordinal()
    vec["free_since"][row] = state.free_since.toordinal() if state.free_since else 0
    for ground, name in _RIGHTS:
        right = state.right(ground)
        vec[name][row] = right.arose_on.toordinal() if right else 0
    release = state.employer_release
    vec["release_extra"][row] = release.extra_amount.fen if release else 0
    vec["release_extra_paid"][row] = release.paid.fen if release else 0
    breach = state.breach
    vec["compensation_to_return"][row] = breach.compensation_to_return.fen if breach else 0
    vec["penalty_paid"][row] = breach.penalty_paid.fen if breach else 0
    vec["breach_from"][row] = breach.periods[0][0].toordinal() if breach and breach.periods else 0
    vec["in_service_breaches"][row] = sum(
        1 for e in events if isinstance(e, InServiceBreach) and e.date.toordinal() <= as_of
    )
    out.bound[row] = state.bound
    out.ended_by[row] = _ENDED.index(state.ended_by)
