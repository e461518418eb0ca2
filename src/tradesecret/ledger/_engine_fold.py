"""The fold of the object path: each dated event applied to the instalments in turn."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tradesecret.dates import to_date
from tradesecret.law import POLICY as _POLICY
from tradesecret.ledger._engine_common import (
    _ART37,
    _ART40,
    _INTERP2,
    _NEVER,
    _Ctx,
    _d,
    _Fold,
    _Inst,
    _lcl_id,
    _money,
    _monthly_at,
    _step_log,
)
from tradesecret.ledger._engine_rights import _rights
from tradesecret.ledger.model import (
    Activation,
    Breach,
    DeferralPlan,
    EmployeeDelay,
    EmployerRelease,
    InServiceBreach,
    LedgerEvent,
    PartialMonth,
    Payment,
    PenaltyPaid,
    Reminder,
    Rescission,
    Waiver,
)
from tradesecret.ledger.rules import pro_rata_fen
from tradesecret.ledger.state import (
    EndedBy,
)


def _pay(fold: _Fold, event: Payment) -> _Fold:
    day = event.date.toordinal()
    left = event.amount.fen
    insts = list(fold.insts)
    named = event.instalment
    order: Iterable[int] = range(len(insts))
    if named is not None and 1 <= named <= len(insts):  # the named one first, then by age
        order = [named - 1, *range(named - 1), *range(named, len(insts))]
    touched: list[int] = []
    for k in order:
        if left == 0:
            break
        inst = insts[k]
        owed = inst.amount - inst.paid
        if owed <= 0 or inst.cancelled:
            continue
        take = min(owed, left)
        left -= take
        paid = inst.paid + take
        insts[k] = inst._replace(
            paid=paid,
            completed=day if paid == inst.amount else _NEVER,
            history=(*inst.history, (day, paid)),
        )
        touched.append(inst.number)
    extra_paid = fold.extra_paid
    if left and fold.extra_owed > extra_paid:
        take = min(fold.extra_owed - extra_paid, left)
        extra_paid += take
        left -= take
    allocation = ", ".join(f"#{n}" for n in touched) or "-"
    return fold._replace(
        insts=tuple(insts),
        unallocated=fold.unallocated + left,
        extra_paid=extra_paid,
        steps=_step_log(
            fold,
            day,
            "ledger.step.payment",
            {"amount": event.amount, "allocation": allocation},
            (_POLICY,),
        ),
    )


def _effective_due(inst: _Inst, ctx: _Ctx, delays: Sequence[EmployeeDelay]) -> _Inst:
    """Apply the employee-caused delays known as of the date to one instalment."""
    due = inst.effective_due
    for delay in delays:
        start = delay.date.toordinal()
        until = delay.until.toordinal() if delay.until is not None else None
        if until is not None and until > ctx.as_of:
            until = None  # not known yet on the date asked about
        if start <= due and (until is None or due <= until):
            new_due = _NEVER if until is None else until + ctx.thresholds.delay_grace_days
            if new_due > due:
                return inst._replace(effective_due=new_due, deferred_by="employee_delay")
    return inst


def _defer(fold: _Fold, ctx: _Ctx, event: DeferralPlan) -> _Fold:
    day = event.date.toordinal()
    insts = list(fold.insts)
    notes = list(fold.notes)
    for number, new_due in event.new_due_dates:
        if not 1 <= number <= len(insts):
            notes.append(("ledger.deferral.unknown_instalment", {"n": number}))
            continue
        inst = insts[number - 1]
        if inst.due < day:
            notes.append(("ledger.deferral.not_in_advance", {"n": number, "due": _d(inst.due)}))
            continue
        insts[number - 1] = inst._replace(
            effective_due=to_date(new_due).toordinal(), deferred_by="deferral_plan"
        )
    return fold._replace(
        insts=tuple(insts),
        notes=tuple(notes),
        steps=_step_log(
            fold,
            day,
            "ledger.step.deferral",
            {"count": len(event.new_due_dates)},
            (_lcl_id(ctx), _POLICY),
        ),
    )


def _end_restriction(fold: _Fold, ctx: _Ctx, free_from: int, ended_by: EndedBy) -> _Fold:
    """Cancel or pro-rate instalments from ``free_from`` (the first free day)."""
    insts = []
    credit = 0
    for inst in fold.insts:
        if inst.cancelled or inst.end < free_from:
            insts.append(inst)
            continue
        if inst.start >= free_from:
            amount = 0
        elif ctx.options.partial_month is PartialMonth.FULL_MONTH:
            amount = inst.amount
        else:
            amount = pro_rata_fen(inst.amount, free_from - inst.start, inst.end - inst.start + 1)
        paid = min(inst.paid, amount)
        credit += inst.paid - paid
        insts.append(
            inst._replace(
                amount=amount,
                paid=paid,
                # the day the payments first covered the (possibly pro-rated) amount
                completed=next(d for d, p in inst.history if p >= amount)
                if paid == amount and amount
                else _NEVER,
                cancelled=amount == 0,
            )
        )
    return fold._replace(
        insts=tuple(insts),
        unallocated=fold.unallocated + credit,
        release_on=free_from,
        ended_by=ended_by,
    )


def _employer_release(fold: _Fold, ctx: _Ctx, event: EmployerRelease | Waiver) -> _Fold:
    day = event.date.toordinal()
    if fold.release_on is not None:
        return fold._replace(
            notes=(*fold.notes, ("ledger.release.already_ended", {"date": event.date}))
        )
    sched_end = fold.insts[-1].end
    if day > sched_end:
        return fold._replace(
            notes=(*fold.notes, ("ledger.release.after_end", {"date": event.date}))
        )
    t = ctx.terms.termination_date.toordinal()
    during = day > t
    is_waiver = isinstance(event, Waiver)
    ended_by = EndedBy.WAIVER if is_waiver and not during else EndedBy.EMPLOYER_RELEASE
    monthly = _monthly_at(fold, day)
    negotiated = (
        event.negotiated_amount.fen
        if isinstance(event, EmployerRelease) and event.negotiated_amount
        else None
    )
    if negotiated is not None:
        extra = negotiated
    elif during or ctx.options.extra_on_pre_period_release:
        extra = ctx.thresholds.extra_months * monthly
    else:
        extra = 0
    new = _end_restriction(fold, ctx, max(day, t + 1), ended_by)
    code = "ledger.step.waiver" if ended_by is EndedBy.WAIVER else "ledger.step.employer_release"
    cites = ctx.thresholds.extra_cites
    if ended_by is EndedBy.WAIVER and ctx.terms.activation_reserved:
        code, cites = "ledger.step.not_activated", (_ART37,)
    return new._replace(
        employer_release=(day, negotiated),
        extra_owed=extra,
        steps=_step_log(new, day, code, {"amount": _money(extra)}, cites),
    )


def _rescind(fold: _Fold, ctx: _Ctx, event: Rescission) -> _Fold:
    day = event.date.toordinal()
    if fold.release_on is not None:
        return fold._replace(
            rescissions=(*fold.rescissions, (day, False)),
            notes=(*fold.notes, ("ledger.release.already_ended", {"date": event.date})),
        )
    if day > fold.insts[-1].end:  # nothing left to be released from
        return fold._replace(
            notes=(*fold.notes, ("ledger.release.after_end", {"date": event.date}))
        )
    rights = _rights(fold.insts, fold.reminders, ctx, until=day)
    effective = any(arose <= day for _, arose, _ in rights)
    if not effective:
        return fold._replace(
            rescissions=(*fold.rescissions, (day, False)),
            steps=_step_log(
                fold, day, "ledger.step.rescission_ineffective", {}, ctx.thresholds.judicial_cites
            ),
        )
    new = _end_restriction(fold, ctx, day, EndedBy.RESCISSION)
    return new._replace(
        rescissions=(*fold.rescissions, (day, True)),
        steps=_step_log(new, day, "ledger.step.rescission", {}, ctx.thresholds.judicial_cites),
    )


def _step(ctx: _Ctx, fold: _Fold, event: LedgerEvent) -> _Fold:
    day = event.date.toordinal()
    if isinstance(event, Payment):
        return _pay(fold, event)
    if isinstance(event, Reminder):
        return fold._replace(
            reminders=(*fold.reminders, day),
            steps=_step_log(
                fold, day, "ledger.step.reminder", {}, ctx.thresholds.guidance_cites or (_POLICY,)
            ),
        )
    if isinstance(event, DeferralPlan):
        return _defer(fold, ctx, event)
    if isinstance(event, EmployeeDelay):
        return fold._replace(
            steps=_step_log(
                fold, day, "ledger.step.employee_delay", {}, ctx.thresholds.judicial_cites
            )
        )
    if isinstance(event, Activation):
        new = fold._replace(steps=_step_log(fold, day, "ledger.step.activation", {}, (_ART37,)))
        if fold.ended_by is EndedBy.NOT_ACTIVATED:
            return new._replace(
                notes=(*fold.notes, ("ledger.activation.after_departure", {"date": event.date}))
            )
        return new
    if isinstance(event, Waiver | EmployerRelease):
        return _employer_release(fold, ctx, event)
    if isinstance(event, Rescission):
        return _rescind(fold, ctx, event)
    if isinstance(event, Breach):
        until = event.until.toordinal() if event.until is not None else None
        if until is not None and until > ctx.as_of:
            until = None
        last = fold.insts[-1].end if fold.release_on is None else fold.release_on - 1
        if day > last or (until is not None and until < fold.insts[0].start):
            return fold._replace(
                notes=(*fold.notes, ("ledger.breach.outside_period", {"date": event.date}))
            )
        return fold._replace(
            breaches=(*fold.breaches, (day, until)),
            steps=_step_log(fold, day, "ledger.step.breach", {}, (f"{_INTERP2}:15",)),
        )
    if isinstance(event, InServiceBreach):  # recorded; remedies are built on it elsewhere
        return fold._replace(
            steps=_step_log(fold, day, "ledger.step.in_service_breach", {}, (f"{_INTERP2}:14",))
        )
    if isinstance(event, PenaltyPaid):
        return fold._replace(
            penalty_paid=fold.penalty_paid + event.amount.fen,
            steps=_step_log(
                fold,
                day,
                "ledger.step.penalty_paid",
                {"amount": event.amount},
                (_ART40,),
            ),
        )
    msg = f"not a ledger event: {event!r}"  # pragma: no cover - CompensationLedger refuses it
    raise TypeError(msg)
