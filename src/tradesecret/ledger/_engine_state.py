"""The state of the object path as of a date: statuses, rights, release, breach, timeline."""

from __future__ import annotations

import pendulum

from tradesecret.law import Citation
from tradesecret.ledger._engine_common import (
    _ART37,
    _ART40,
    _INTERP2,
    _MOHRSS,
    _NEVER,
    _POLICY,
    _Ctx,
    _d,
    _Fold,
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


def _state(ctx: _Ctx, fold: _Fold, day: pendulum.Date) -> CompensationState:
    rb, terms, schedule, opts, th = ctx.rb, ctx.terms, ctx.schedule, ctx.options, ctx.thresholds
    cite = ctx.cite
    as_of = ctx.as_of
    sched_end = fold.insts[-1].end
    last_restricted = sched_end if fold.release_on is None else fold.release_on - 1
    # an effective rescission ends the restriction on its own day: the right it exercised
    # stood on that day
    rights_until = (
        fold.release_on
        if fold.ended_by is EndedBy.RESCISSION and fold.release_on is not None
        else last_restricted
    )
    rights_raw, lapsed = _rights_and_lapses(
        fold.insts, fold.reminders, ctx, until=min(as_of, rights_until)
    )
    effective_rescission = next((d for d, ok in fold.rescissions if ok), None)
    guidance_cites = cite(*th.guidance_cites) if th.guidance_cites else ()
    rights = tuple(
        ReleaseRight(
            ground=g,
            arose_on=_d(arose),
            instalments=numbers,
            citations=cite(*th.judicial_cites)
            if g is ReleaseGround.UNPAID_THREE_MONTHS
            else guidance_cites,
            exercised_on=_d(effective_rescission)
            if effective_rescission is not None and arose <= effective_rescission
            else None,
        )
        for g, arose, numbers in rights_raw
    )
    # instalment states
    states: list[InstalmentState] = []
    fallen_due = paid_insts = arrears = scheduled_total = 0
    for i in fold.insts:
        outstanding = i.amount - i.paid
        scheduled_total += i.amount
        paid_insts += i.paid
        if i.effective_due <= as_of:
            fallen_due += i.amount
        if i.cancelled:
            status = InstalmentStatus.CANCELLED
        elif outstanding == 0:
            status = (
                InstalmentStatus.PAID
                if i.completed <= i.effective_due
                else InstalmentStatus.PAID_LATE
            )
        elif i.effective_due >= as_of:
            status = InstalmentStatus.DEFERRED if i.deferred_by else InstalmentStatus.NOT_YET_DUE
        else:
            arrears += outstanding
            status = InstalmentStatus.PARTLY_PAID if i.paid else InstalmentStatus.OVERDUE
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
    findings: list[Finding] = list(schedule.findings)
    citations: list[Citation] = [*schedule.citations]
    parameters = [*schedule.parameters, *th.params]
    # employer release
    release_state: EmployerReleaseState | None = None
    if fold.employer_release is not None:
        rel_day, negotiated = fold.employer_release
        during = rel_day > terms.termination_date.toordinal()
        extra_due = rel_day + th.release_payment_days if fold.extra_owed else None
        if extra_due is not None and extra_due < as_of:
            arrears += fold.extra_owed - fold.extra_paid
        basis = (
            "negotiated"
            if negotiated is not None
            else ("statutory_extra_months" if fold.extra_owed else "none")
        )
        release_state = EmployerReleaseState(
            date=_d(rel_day),
            during_period=during,
            basis=basis,
            extra_months=th.extra_months if basis == "statutory_extra_months" else None,
            monthly_amount=_money(fold.extra_owed // th.extra_months)
            if basis == "statutory_extra_months"
            else None,
            extra_amount=_money(fold.extra_owed),
            extra_due=_d(extra_due) if extra_due is not None else None,
            paid=_money(fold.extra_paid),
            outstanding=_money(fold.extra_owed - fold.extra_paid),
            citations=cite(*th.extra_cites, f"{_MOHRSS}:18")
            if during and day >= rb.instrument(_MOHRSS).effective
            else cite(*th.extra_cites),
        )
        if (
            negotiated is not None
            and during
            and negotiated < th.extra_months * _monthly_at(fold, rel_day)
        ):
            findings.append(
                Finding(
                    code="ledger.release.negotiated_below_statutory",
                    severity=Severity.MEDIUM,
                    citations=cite(*th.extra_cites),
                    args={
                        "negotiated": _money(negotiated),
                        "statutory": _money(th.extra_months * _monthly_at(fold, rel_day)),
                    },
                )
            )
    # breach
    breach_state: BreachState | None = None
    if fold.breaches:
        breach_state, breach_findings, breach_params = _breach(fold, ctx, day, paid_insts)
        findings += breach_findings
        parameters += breach_params
    # rescissions that had no right behind them
    for rd, ok in fold.rescissions:
        if not ok:
            findings.append(
                Finding(
                    code="ledger.rescission.no_right",
                    severity=Severity.HIGH,
                    citations=cite(*th.judicial_cites),
                    args={"date": _d(rd)},
                    remedies=("ledger.remedy.keep_performing",),
                )
            )
    for ground, arose, gone in lapsed:
        findings.append(
            Finding(
                code="ledger.rights.lapsed",
                severity=Severity.LOW,
                citations=cite(*th.judicial_cites)
                if ground is ReleaseGround.UNPAID_THREE_MONTHS
                else guidance_cites,
                args={
                    "ground": Term(f"ledger.term.ground.{ground.value}"),
                    "arose": _d(arose),
                    "lapsed": _d(gone),
                },
            )
        )
    if ctx.undecided:
        findings.append(
            Finding(
                code="ledger.activation.decision_not_recorded",
                severity=Severity.MEDIUM,
                citations=cite(_ART37),
                args={
                    "termination": terms.termination_date,
                    "reading": Term(f"ledger.term.undecided.{opts.undecided_activation.value}"),
                },
                remedies=("ledger.remedy.record_activation",),
            )
        )
    for code, args in fold.notes:
        findings.append(
            Finding(code=code, severity=Severity.LOW, citations=cite(_POLICY), args=args)
        )
    if rights and effective_rescission is None and fold.release_on is None:
        findings.append(
            Finding(
                code="ledger.rights.unexercised",
                severity=Severity.MEDIUM,
                citations=rights[0].citations,
                args={"date": rights[0].arose_on},
            )
        )
    # timeline
    raw_steps = list(fold.steps)
    lcl_23 = (_lcl_id(ctx),)
    for i in fold.insts:
        overdue_on = i.effective_due + 1
        if (
            not i.cancelled
            and i.amount
            and i.effective_due < _NEVER
            and overdue_on <= as_of
            and i.completed > i.effective_due
        ):
            raw_steps.append(
                (
                    overdue_on,
                    "ledger.step.unpaid",
                    {"n": i.number, "due": _d(i.effective_due), "amount": _money(i.amount)},
                    lcl_23,
                )
            )
    for r in rights:
        raw_steps.append(
            (
                r.arose_on.toordinal(),
                "ledger.step.right_arose",
                {"ground": Term(f"ledger.term.ground.{r.ground.value}")},
                tuple(c.id for c in r.citations),
            )
        )
    if fold.release_on is None and sched_end < as_of:
        raw_steps.append((sched_end, "ledger.step.scheduled_end", {}, (_lcl_id(ctx),)))
    raw_steps.sort(key=lambda s: s[0])
    timeline = tuple(
        TraceStep(
            rule="ledger_fold",
            code=code,
            citations=cite(*cites),
            args=args,
            on=_d(on),
        )
        for on, code, args, cites in raw_steps
    )
    free_since = fold.release_on if fold.release_on is not None else sched_end + 1
    bound = terms.termination_date.toordinal() < as_of < free_since
    citations += [c for r in rights for c in r.citations]
    if release_state is not None:
        citations += release_state.citations
    if breach_state is not None:
        citations += breach_state.citations
    return CompensationState(
        agreement_id=terms.agreement_id,
        as_of=day,
        options=opts,
        termination_date=terms.termination_date,
        restriction_start=schedule.restriction_start,
        scheduled_end=_d(sched_end),
        restriction_end=_d(last_restricted)
        if last_restricted > terms.termination_date.toordinal()
        else None,
        ended_by=fold.ended_by,
        bound=bound,
        free_since=_d(free_since) if free_since <= as_of else None,
        instalments=tuple(states),
        total_scheduled=_money(scheduled_total),
        total_fallen_due=_money(fallen_due),
        total_paid=_money(paid_insts + fold.extra_paid + fold.unallocated),
        arrears=_money(arrears),
        unallocated=_money(fold.unallocated),
        release_rights=rights,
        employer_release=release_state,
        breach=breach_state,
        timeline=timeline,
        findings=tuple(findings),
        citations=tuple(dict.fromkeys(citations)),
        parameters=tuple(parameters),
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
