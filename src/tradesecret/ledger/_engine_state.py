"""The state of the object path as of a date: statuses, rights, release, breach, timeline."""

from __future__ import annotations

from typing import NamedTuple

import pendulum

from tradesecret.law import POLICY as _POLICY
from tradesecret.law import Citation
from tradesecret.ledger._engine_common import (
    _ART37,
    _ART40,
    _INTERP2,
    _MOHRSS,
    _NEVER,
    _Ctx,
    _d,
    _Fold,
    _Inst,
    _lcl,
    _lcl_id,
    _money,
    _monthly_at,
    _param,
)
from tradesecret.ledger._engine_rights import _rights_and_lapses
from tradesecret.ledger.model import (
    BreachReturn,
)
from tradesecret.ledger.state import (
    BreachState,
    CompensationState,
    EmployerReleaseState,
    EndedBy,
    InstalmentState,
    InstalmentStatus,
    ReleaseGround,
    ReleaseRight,
)
from tradesecret.money import Money
from tradesecret.results import Finding, Severity, Term, TraceStep
from tradesecret.rulebook import ParameterValue


class _Totals(NamedTuple):
    fallen_due: int
    paid: int
    arrears: int
    scheduled: int


def _state(ctx: _Ctx, fold: _Fold, day: pendulum.Date) -> CompensationState:
    """The fold's result as of ``day``: every instalment, right, release, breach and step."""
    terms, schedule, th, as_of = ctx.terms, ctx.schedule, ctx.thresholds, ctx.as_of
    sched_end = fold.insts[-1].end
    last_restricted = sched_end if fold.release_on is None else fold.release_on - 1
    rights, lapsed = _release_rights(ctx, fold, last_restricted)
    states, totals = _instalment_states(fold, as_of)
    release_state, extra_arrears, findings = _release_state(ctx, fold, day)
    findings = [*schedule.findings, *findings]
    parameters = [*schedule.parameters, *th.params]
    breach_state: BreachState | None = None
    if fold.breaches:
        breach_state, breach_findings, breach_params = _breach(fold, ctx, day, totals.paid)
        findings += breach_findings
        parameters += breach_params
    findings += _fold_findings(ctx, fold, rights, lapsed)
    free_since = fold.release_on if fold.release_on is not None else sched_end + 1
    citations: list[Citation] = [*schedule.citations, *(c for r in rights for c in r.citations)]
    if release_state is not None:
        citations += release_state.citations
    if breach_state is not None:
        citations += breach_state.citations
    return CompensationState(
        agreement_id=terms.agreement_id,
        as_of=day,
        options=ctx.options,
        termination_date=terms.termination_date,
        restriction_start=schedule.restriction_start,
        scheduled_end=_d(sched_end),
        restriction_end=_d(last_restricted)
        if last_restricted > terms.termination_date.toordinal()
        else None,
        ended_by=fold.ended_by,
        bound=terms.termination_date.toordinal() < as_of < free_since,
        free_since=_d(free_since) if free_since <= as_of else None,
        instalments=states,
        total_scheduled=_money(totals.scheduled),
        total_fallen_due=_money(totals.fallen_due),
        total_paid=_money(totals.paid + fold.extra_paid + fold.unallocated),
        arrears=_money(totals.arrears + extra_arrears),
        unallocated=_money(fold.unallocated),
        release_rights=rights,
        employer_release=release_state,
        breach=breach_state,
        timeline=_timeline(ctx, fold, rights),
        findings=tuple(findings),
        citations=tuple(dict.fromkeys(citations)),
        parameters=tuple(parameters),
    )


def _ground_cites(ctx: _Ctx, ground: ReleaseGround) -> tuple[Citation, ...]:
    th = ctx.thresholds
    if ground is ReleaseGround.UNPAID_THREE_MONTHS:
        return ctx.cite(*th.judicial_cites)
    return ctx.cite(*th.guidance_cites) if th.guidance_cites else ()


def _release_rights(
    ctx: _Ctx, fold: _Fold, last_restricted: int
) -> tuple[tuple[ReleaseRight, ...], list[tuple[ReleaseGround, int, int]]]:
    """The rights standing as of the date, and those that lapsed (``RIGHT_LAPSES``)."""
    # an effective rescission ends the restriction on its own day: the right it exercised
    # stood on that day
    rights_until = (
        fold.release_on
        if fold.ended_by is EndedBy.RESCISSION and fold.release_on is not None
        else last_restricted
    )
    rights_raw, lapsed = _rights_and_lapses(
        fold.insts, fold.reminders, ctx, until=min(ctx.as_of, rights_until)
    )
    effective_rescission = next((d for d, ok in fold.rescissions if ok), None)
    rights = tuple(
        ReleaseRight(
            ground=g,
            arose_on=_d(arose),
            instalments=numbers,
            citations=_ground_cites(ctx, g),
            exercised_on=_d(effective_rescission)
            if effective_rescission is not None and arose <= effective_rescission
            else None,
        )
        for g, arose, numbers in rights_raw
    )
    return rights, lapsed


def _instalment_status(i: _Inst, outstanding: int, as_of: int) -> InstalmentStatus:
    if i.cancelled:
        return InstalmentStatus.CANCELLED
    if outstanding == 0:
        return (
            InstalmentStatus.PAID if i.completed <= i.effective_due else InstalmentStatus.PAID_LATE
        )
    if i.effective_due >= as_of:
        return InstalmentStatus.DEFERRED if i.deferred_by else InstalmentStatus.NOT_YET_DUE
    return InstalmentStatus.PARTLY_PAID if i.paid else InstalmentStatus.OVERDUE


def _instalment_states(fold: _Fold, as_of: int) -> tuple[tuple[InstalmentState, ...], _Totals]:
    """Each instalment as of the date, and the totals over them."""
    states: list[InstalmentState] = []
    fallen_due = paid = arrears = scheduled = 0
    for i in fold.insts:
        outstanding = i.amount - i.paid
        scheduled += i.amount
        paid += i.paid
        if i.effective_due <= as_of:
            fallen_due += i.amount
        status = _instalment_status(i, outstanding, as_of)
        if status in (InstalmentStatus.PARTLY_PAID, InstalmentStatus.OVERDUE):
            arrears += outstanding
        states.append(
            InstalmentState(
                number=i.number,
                period_start=_d(i.start),
                period_end=_d(i.end),
                due=_d(i.due),
                effective_due=None if i.effective_due >= _NEVER else _d(i.effective_due),
                scheduled_amount=_money(i.scheduled),
                amount=_money(i.amount),
                paid=_money(i.paid),
                outstanding=_money(outstanding),
                completed_on=None if i.completed >= _NEVER else _d(i.completed),
                status=status,
                deferred_by=i.deferred_by,
            )
        )
    return tuple(states), _Totals(fallen_due, paid, arrears, scheduled)


def _release_state(
    ctx: _Ctx, fold: _Fold, day: pendulum.Date
) -> tuple[EmployerReleaseState | None, int, list[Finding]]:
    """The employer's release (Interp. (I) Art. 39), its overdue extra, and findings."""
    if fold.employer_release is None:
        return None, 0, []
    rb, th, cite = ctx.rb, ctx.thresholds, ctx.cite
    rel_day, negotiated = fold.employer_release
    during = rel_day > ctx.terms.termination_date.toordinal()
    extra_due = rel_day + th.release_payment_days if fold.extra_owed else None
    overdue = (
        fold.extra_owed - fold.extra_paid if extra_due is not None and extra_due < ctx.as_of else 0
    )
    basis = (
        "negotiated"
        if negotiated is not None
        else ("statutory_extra_months" if fold.extra_owed else "none")
    )
    statutory = basis == "statutory_extra_months"
    state = EmployerReleaseState(
        date=_d(rel_day),
        during_period=during,
        basis=basis,
        extra_months=th.extra_months if statutory else None,
        monthly_amount=_money(fold.extra_owed // th.extra_months) if statutory else None,
        extra_amount=_money(fold.extra_owed),
        extra_due=_d(extra_due) if extra_due is not None else None,
        paid=_money(fold.extra_paid),
        outstanding=_money(fold.extra_owed - fold.extra_paid),
        citations=cite(*th.extra_cites, f"{_MOHRSS}:18")
        if during and day >= rb.instrument(_MOHRSS).effective
        else cite(*th.extra_cites),
    )
    findings: list[Finding] = []
    full = th.extra_months * _monthly_at(fold, rel_day)
    if negotiated is not None and during and negotiated < full:
        findings.append(
            Finding(
                code="ledger.release.negotiated_below_statutory",
                severity=Severity.MEDIUM,
                citations=cite(*th.extra_cites),
                args={"negotiated": _money(negotiated), "statutory": _money(full)},
            )
        )
    return state, overdue, findings


def _fold_findings(
    ctx: _Ctx,
    fold: _Fold,
    rights: tuple[ReleaseRight, ...],
    lapsed: list[tuple[ReleaseGround, int, int]],
) -> list[Finding]:
    """Rescissions without a right, lapsed and unexercised rights, undecided activation, notes."""
    th, cite = ctx.thresholds, ctx.cite
    findings = [
        Finding(
            code="ledger.rescission.no_right",
            severity=Severity.HIGH,
            citations=cite(*th.judicial_cites),
            args={"date": _d(rd)},
            remedies=("ledger.remedy.keep_performing",),
        )
        for rd, ok in fold.rescissions
        if not ok
    ]
    findings += [
        Finding(
            code="ledger.rights.lapsed",
            severity=Severity.LOW,
            citations=_ground_cites(ctx, ground),
            args={
                "ground": Term(f"ledger.term.ground.{ground.value}"),
                "arose": _d(arose),
                "lapsed": _d(gone),
            },
        )
        for ground, arose, gone in lapsed
    ]
    if ctx.undecided:
        reading = ctx.options.undecided_activation.value
        findings.append(
            Finding(
                code="ledger.activation.decision_not_recorded",
                severity=Severity.MEDIUM,
                citations=cite(_ART37),
                args={
                    "termination": ctx.terms.termination_date,
                    "reading": Term(f"ledger.term.undecided.{reading}"),
                },
                remedies=("ledger.remedy.record_activation",),
            )
        )
    findings += [
        Finding(code=code, severity=Severity.LOW, citations=cite(_POLICY), args=args)
        for code, args in fold.notes
    ]
    effective_rescission = any(ok for _, ok in fold.rescissions)
    if rights and not effective_rescission and fold.release_on is None:
        findings.append(
            Finding(
                code="ledger.rights.unexercised",
                severity=Severity.MEDIUM,
                citations=rights[0].citations,
                args={"date": rights[0].arose_on},
            )
        )
    return findings


def _timeline(ctx: _Ctx, fold: _Fold, rights: tuple[ReleaseRight, ...]) -> tuple[TraceStep, ...]:
    """The dated steps: the fold's own, each instalment left unpaid, rights, the end."""
    as_of, sched_end = ctx.as_of, fold.insts[-1].end
    raw_steps = list(fold.steps)
    lcl_23 = (_lcl_id(ctx),)
    raw_steps += [
        (
            i.effective_due + 1,
            "ledger.step.unpaid",
            {"n": i.number, "due": _d(i.effective_due), "amount": _money(i.amount)},
            lcl_23,
        )
        for i in fold.insts
        if not i.cancelled
        and i.amount
        and i.effective_due < _NEVER
        and i.effective_due + 1 <= as_of
        and i.completed > i.effective_due
    ]
    raw_steps += [
        (
            r.arose_on.toordinal(),
            "ledger.step.right_arose",
            {"ground": Term(f"ledger.term.ground.{r.ground.value}")},
            tuple(c.id for c in r.citations),
        )
        for r in rights
    ]
    if fold.release_on is None and sched_end < as_of:
        raw_steps.append((sched_end, "ledger.step.scheduled_end", {}, lcl_23))
    raw_steps.sort(key=lambda s: s[0])
    return tuple(
        TraceStep(rule="ledger_fold", code=code, citations=ctx.cite(*cites), args=args, on=_d(on))
        for on, code, args, cites in raw_steps
    )


def _breach(
    fold: _Fold, ctx: _Ctx, day: pendulum.Date, paid_insts: int
) -> tuple[BreachState, list[Finding], list[ParameterValue]]:
    rb, terms, cite = ctx.rb, ctx.terms, ctx.cite
    findings: list[Finding] = []
    params: list[ParameterValue] = []
    if ctx.options.breach_return is BreachReturn.ALL_PAID:
        to_return = paid_insts
    else:
        to_return = 0
        for i in fold.insts:
            for start, until in fold.breaches:
                end = until if until is not None else ctx.as_of
                if i.start <= end and start <= i.end:
                    to_return += i.paid
                    break
    interp2 = rb.instrument(_INTERP2)
    cites = [f"{_INTERP2}:15", _ART40, _lcl_id(ctx)]
    if day < interp2.effective:
        findings.append(
            Finding(
                code="ledger.breach.interp2_not_in_force",
                severity=Severity.INFO,
                citations=cite(f"{_INTERP2}:15"),
                args={"effective": interp2.effective},
            )
        )
    if terms.penalty is None:
        findings.append(
            Finding(
                code="ledger.breach.no_penalty_agreed",
                severity=Severity.INFO,
                citations=(_lcl(rb, terms.termination_date, "23.2"),),
            )
        )
    else:
        try:
            multiple = _param(rb, "noncompete.guidance_max_penalty_multiple", as_of=day)
        except LookupError:
            multiple = None
        if multiple is not None:
            params.append(multiple)
            cap = Money.from_fen(sum(i.scheduled for i in fold.insts)) * multiple.as_decimal()
            if terms.penalty > cap:
                findings.append(
                    Finding(
                        code="ledger.breach.penalty_above_guidance",
                        severity=Severity.MEDIUM,
                        citations=multiple.citations,
                        args={"penalty": terms.penalty, "cap": cap.round_fen()},
                    )
                )
    if fold.penalty_paid:
        findings.append(
            Finding(
                code="ledger.breach.penalty_does_not_end_duty",
                severity=Severity.HIGH,
                citations=cite(_ART40),
                args={"paid": _money(fold.penalty_paid)},
            )
        )
    last_restricted = fold.insts[-1].end if fold.release_on is None else fold.release_on - 1
    state = BreachState(
        periods=tuple((_d(s), _d(u) if u is not None else None) for s, u in fold.breaches),
        compensation_to_return=_money(to_return),
        penalty_claimable=terms.penalty,
        penalty_paid=_money(fold.penalty_paid),
        duty_continues=ctx.as_of <= last_restricted,
        citations=cite(*cites),
    )
    return state, findings, params
