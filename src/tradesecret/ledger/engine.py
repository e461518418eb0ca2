"""
The schedule and the fold: :func:`build_schedule` and :func:`evaluate_compensation`.

Amounts are handled as integer fen and dates as day ordinals inside the fold (the batch
kernel uses the same representation); results convert back to
:class:`~tradesecret.money.Money` and :class:`pendulum.Date`.
"""

from __future__ import annotations

import functools

import pendulum

from tradesecret.dates import to_date
from tradesecret.exceptions import (
    InvalidInputError,
    Problem,
)
from tradesecret.ledger._engine_common import (
    _ART37,
    _Citer,
    _Ctx,
    _initial,
    _lcl,
    _thresholds,
)
from tradesecret.ledger._engine_fold import _effective_due, _end_restriction, _step
from tradesecret.ledger._engine_schedule import _schedule
from tradesecret.ledger._engine_state import _state
from tradesecret.ledger.model import (
    Activation,
    CompensationLedger,
    EmployeeDelay,
    LedgerOptions,
    LedgerTerms,
    UndecidedActivation,
    Waiver,
)
from tradesecret.ledger.state import (
    CompensationSchedule,
    CompensationState,
    EndedBy,
    ReleaseGround,
)
from tradesecret.rulebook import Rulebook, default_rulebook

__all__ = ["build_schedule", "evaluate_compensation", "release_right_dates"]

# -- schedule -----------------------------------------------------------------------------


def build_schedule(
    terms: LedgerTerms,
    *,
    options: LedgerOptions | None = None,
    rulebook: Rulebook | None = None,
) -> CompensationSchedule:
    """
    Derive the monthly instalments from the terms.

    * Periods: month by month from the day after termination (Civil Code Arts. 201-202,
      :func:`tradesecret.dates.month_periods`); an agreed period above the statutory
      maximum (LCL Art. 24(2)) is scheduled only up to the maximum, with a finding.
    * Due dates: ``options.due_convention`` plus ``ledger.due_offset_days``.
    * Amounts: the agreed amount; where none was agreed, month by month the larger of
      ``noncompete.default_ratio`` (in force on the termination date) times the average
      wage, rounded half up to the fen, and the minimum wage of the place of performance
      for that month (Interp. (I) Art. 36).

    Raises:
        InvalidInputError: unknown region, or a date outside the data's coverage.
    """
    rb = rulebook if rulebook is not None else default_rulebook()
    opts = options if options is not None else LedgerOptions()
    return _schedule(terms, opts, rb)[0]


def release_right_dates(
    ledger: CompensationLedger,
    *,
    as_of: object,
    options: LedgerOptions | None = None,
    rulebook: Rulebook | None = None,
) -> dict[ReleaseGround, pendulum.Date]:
    """The date each release right arose, as of ``as_of`` (a shortcut over the full state)."""
    state = evaluate_compensation(ledger, as_of=as_of, options=options, rulebook=rulebook)
    return {r.ground: r.arose_on for r in state.release_rights}


# -- evaluation -------------------------------------------------------------------------------


def _validate(ledger: CompensationLedger, months: int) -> None:
    t = ledger.terms.termination_date
    problems: list[Problem] = []
    for n, p in enumerate(ledger.payments):
        if p.date < t:
            problems.append(
                Problem.of(f"payments[{n}].date", p.date, "a payment before the termination date")
            )
        if p.instalment is not None and not 1 <= p.instalment <= months:
            problems.append(
                Problem.of(
                    f"payments[{n}].instalment", p.instalment, "not in 1..{months}", months=months
                )
            )
    for n, d in enumerate(ledger.employee_delays):
        if d.until is not None and d.until < d.date:
            problems.append(Problem.of(f"employee_delays[{n}].until", d.until, "before its start"))
    for n, b in enumerate(ledger.breaches):
        if b.until is not None and b.until < b.date:
            problems.append(Problem.of(f"breaches[{n}].until", b.until, "before its start"))
    if problems:
        raise InvalidInputError(problems)


def evaluate_compensation(
    ledger: CompensationLedger,
    *,
    as_of: object,
    options: LedgerOptions | None = None,
    rulebook: Rulebook | None = None,
) -> CompensationState:
    """
    The state of the ledger as of ``as_of``: a fold over the events dated on or before it.

    Raises:
        InvalidInputError: a payment before the termination date, an unknown region,
            a date outside the data's coverage, malformed intervals.
    """
    rb = rulebook if rulebook is not None else default_rulebook()
    opts = options if options is not None else LedgerOptions()
    day = to_date(as_of, path="as_of")
    terms = ledger.terms
    schedule, rows = _schedule(terms, opts, rb)
    _validate(ledger, schedule.months)
    th = _thresholds(rb, terms.termination_date, day)
    ctx = _Ctx(
        terms=terms,
        schedule=schedule,
        options=opts,
        as_of=day.toordinal(),
        rb=rb,
        thresholds=th,
        cite=_Citer(rb),
        lcl_id=_lcl(rb, terms.termination_date, "23.2").id,
    )
    events = [e for e in ledger.events() if e.date <= day]
    t = terms.termination_date
    if terms.activation_reserved and day > t:
        decided = any(isinstance(e, Activation | Waiver) and e.date <= t for e in events)
        ctx = ctx._replace(undecided=not decided)
    delays = [e for e in events if isinstance(e, EmployeeDelay)]
    init = _initial(rows)
    if ctx.undecided and opts.undecided_activation is UndecidedActivation.NOT_STARTED:
        start = t.toordinal() + 1
        init = _end_restriction(init, ctx, start, EndedBy.NOT_ACTIVATED)
        init = init._replace(steps=((start, "ledger.step.not_activated_undecided", {}, (_ART37,)),))
    if delays:
        init = init._replace(insts=tuple(_effective_due(i, ctx, delays) for i in init.insts))
    fold = functools.reduce(functools.partial(_step, ctx), events, init)
    return _state(ctx, fold, day)
