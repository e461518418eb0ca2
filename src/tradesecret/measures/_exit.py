"""
The exit-procedure checker: SPC 2020 Art. 6 item 6, from 2020-09-12.

Art. 6(1) item 6: 「要求离职员工登记、返还、清除、销毁其接触或者获取的商业秘密及其载体，继续承担保密义务的」
(departing employees register, return, erase or destroy the secrets and carriers they
accessed, and stay bound). Before 2020-09-12 no listed measure named the departure: the 2007
list (法释〔2007〕2号 Art. 11(3)) had only 「确保信息秘密的其他合理措施」 (item 7). The steps are
then checked as the library's policy, a finding says there was no such rule, and the 2007
item is cited as context only.

The steps and their due day (``measures.exit_grace_days`` after the last day) are library
policy; revoking access rests on Art. 6 item 5 where in force.

Each dated step has three states: done on a date, stated as not done
(:attr:`~tradesecret.measures.StepStatus.NOT_DONE`), and not stated (``UNKNOWN``). A step
not stated leaves its criterion undetermined (an open rule naming the field, with what
"not done" would give) unless another fact already decides it (a grant never revoked).
"""

from __future__ import annotations

from typing import Final

import attrs
import pendulum

from tradesecret.dates import to_date
from tradesecret.definition._law import SPC2007, SPC2020
from tradesecret.definition.registry import AccessGrant, SecretRegistry
from tradesecret.engine import LegalClock
from tradesecret.facts import UNKNOWN, Fact, Unknown
from tradesecret.law import POLICY, Citation
from tradesecret.measures._model import ExitProcedure, StepStatus
from tradesecret.results import (
    Assessment,
    Criterion,
    Finding,
    Outcome,
    Severity,
    Term,
    Undetermined,
)
from tradesecret.rulebook import ParameterValue, Rulebook, default_rulebook

__all__ = ["check_exit"]

_ITEM6: Final = f"{SPC2020}:6.1.6"
_ITEM5: Final = f"{SPC2020}:6.1.5"


@attrs.frozen(kw_only=True)
class _Exit:
    """What every step of one departure shares."""

    person: str
    due: pendulum.Date
    overdue: bool
    grace: ParameterValue
    basis: tuple[Citation, ...]
    access: tuple[Citation, ...]
    context: tuple[Citation, ...]
    policy: Citation

    def missing(
        self, code: str, cites: tuple[Citation, ...], remedy: str, **args: object
    ) -> Criterion:
        """A step not done: not met once its due day has passed, else pending."""
        finding = Finding(
            code=f"{code}.missing",
            severity=Severity.HIGH if self.overdue else Severity.MEDIUM,
            citations=tuple(dict.fromkeys((*cites, self.policy))),
            context=self.context,
            args={"due": self.due, **args},
            subject=self.person,
            remedies=(remedy,),
        )
        return self._criterion(
            code,
            Outcome.NOT_MET if self.overdue else Outcome.INSUFFICIENT_EVIDENCE,
            cites,
            finding,
        )

    @property
    def not_done(self) -> Outcome:
        """The outcome of a step not done: not met once overdue, else pending."""
        return Outcome.NOT_MET if self.overdue else Outcome.INSUFFICIENT_EVIDENCE

    def unstated(
        self, code: str, cites: tuple[Citation, ...], path: str, *, otherwise: Outcome
    ) -> Criterion:
        """A step whose doing is not stated: undetermined, naming the field."""
        row = Undetermined(
            rule=f"{code}.missing",
            facts=(path,),
            if_holds=self.not_done,
            otherwise=otherwise,
            severity=Severity.HIGH if self.overdue else Severity.MEDIUM,
            citations=tuple(dict.fromkeys((*cites, self.policy))),
            context=self.context,
            criterion=code,
        )
        outcome = otherwise if otherwise is self.not_done else Outcome.INSUFFICIENT_EVIDENCE
        return attrs.evolve(self._criterion(code, outcome, cites), open=(row,))

    def done(self, code: str, cites: tuple[Citation, ...], on: pendulum.Date) -> Criterion:
        """A step done, on time or late (late: a low finding, still met)."""
        if on <= self.due:
            return self._criterion(code, Outcome.MET, cites)
        late = Finding(
            code="measures.exit.late",
            severity=Severity.LOW,
            citations=(self.policy,),
            args={"step": Term(f"{code}.step"), "done": on, "due": self.due},
            subject=self.person,
        )
        return self._criterion(code, Outcome.MET, cites, late)

    def _criterion(
        self, code: str, outcome: Outcome, cites: tuple[Citation, ...], *findings: Finding
    ) -> Criterion:
        return Criterion(
            code=code,
            outcome=outcome,
            citations=cites,
            context=self.context,
            findings=findings,
            facts={"due": self.due},
            parameters=(self.grace,),
        )


def check_exit(
    procedure: ExitProcedure,
    *,
    as_of: object,
    registry: SecretRegistry | None = None,
    rulebook: Rulebook | None = None,
) -> Assessment:
    """
    Check a departure against SPC 2020 Art. 6 item 6: register, return, erase or destroy
    carriers, remind of continuing obligations -- plus revocation of access by the last day
    (library policy: ``measures.exit_grace_days`` after the last day, default 0).

    With a ``registry``, the carriers to return are those handed over on the person's grants
    plus ``procedure.carriers_held``, and grants still open after the due day are reported.

    Criteria (kind ``exit_check``): ``measures.exit.register``, ``measures.exit.carriers``,
    ``measures.exit.reminder``, ``measures.exit.access``. A step not done is *not met* when
    its due day has passed by ``as_of`` (high severity) and *insufficient evidence* while
    still pending (medium). Before 2020-09-12 the steps rest on the library's policy and a
    finding ``measures.exit.no_rule`` says no listed measure named the departure then.
    """
    day = to_date(as_of, path="as_of")
    rb = rulebook if rulebook is not None else default_rulebook()
    ctx = _context(procedure, day, rb)
    grants = registry.grants_of(procedure.person) if registry is not None else ()
    held = tuple(
        dict.fromkeys((*(c for g in grants for c in g.carrier_ids), *procedure.carriers_held))
    )
    known = _known(procedure, registry, grants)
    criteria = (
        _register(procedure, ctx, len(known)),
        _carriers(procedure, ctx, held),
        _reminder(procedure, ctx),
        _access(procedure, ctx, grants),
    )
    findings = [
        Finding(
            code="measures.exit.summary",
            severity=Severity.INFO,
            citations=ctx.basis,
            args={"secrets": len(known), "carriers": len(held), "last_day": procedure.last_day},
            subject=procedure.person,
        )
    ]
    if ctx.basis == (ctx.policy,):
        findings.append(
            Finding(
                code="measures.exit.no_rule",
                severity=Severity.INFO,
                citations=(ctx.policy,),
                context=ctx.context,
                args={"on": day},
                subject=procedure.person,
            )
        )
    return Assessment(
        kind="exit_check",
        subject=procedure.person,
        as_of=day,
        outcome=Outcome.combine(c.outcome for c in criteria),
        citations=tuple(dict.fromkeys((*ctx.basis, ctx.policy))),
        context=ctx.context,
        criteria=criteria,
        findings=tuple(findings),
        parameters=(ctx.grace,),
    )


def _context(procedure: ExitProcedure, day: pendulum.Date, rb: Rulebook) -> _Exit:
    grace = rb.param("measures.exit_grace_days", as_of=day)
    due = procedure.last_day.add(days=grace.as_int())
    clock = LegalClock(rb, day)
    policy = rb.cite(POLICY)
    item6 = clock.cite(_ITEM6)
    item5 = clock.cite(_ITEM5)
    return _Exit(
        person=procedure.person,
        due=due,
        overdue=day > due,
        grace=grace,
        basis=(item6,) if item6 is not None else (policy,),
        access=(item5, policy) if item5 is not None else (policy,),
        context=clock.those_in_force([f"{SPC2007}:11.3.7"]),
        policy=policy,
    )


def _known(
    procedure: ExitProcedure, registry: SecretRegistry | None, grants: tuple[AccessGrant, ...]
) -> tuple[str, ...]:
    if registry is None or not grants:
        return ()
    first = min(g.granted for g in grants)
    if first > procedure.last_day:
        return ()
    return tuple(
        sorted(registry.secrets_known_by(procedure.person, start=first, end=procedure.last_day))
    )


def _step(
    ctx: _Exit,
    code: str,
    *,
    cites: tuple[Citation, ...],
    value: Fact[pendulum.Date | StepStatus],
    path: str,
    remedy: str,
    **args: object,
) -> Criterion:
    """One dated step in its three states: done on a date, not done, not stated."""
    if value is UNKNOWN:
        return ctx.unstated(code, cites, path, otherwise=Outcome.MET)
    if isinstance(value, StepStatus):
        return ctx.missing(code, cites, remedy, **args)
    return ctx.done(code, cites, value)


def _register(procedure: ExitProcedure, ctx: _Exit, secrets: int) -> Criterion:
    return _step(
        ctx,
        "measures.exit.register",
        cites=ctx.basis,
        value=procedure.registered_on,
        path="registered_on",
        remedy="measures.remedy.exit_register",
        secrets=secrets,
    )


def _carriers(procedure: ExitProcedure, ctx: _Exit, held: tuple[str, ...]) -> Criterion:
    code = "measures.exit.carriers"
    cleared = {*procedure.returned, *procedure.destroyed}
    outstanding = [c for c in held if c not in cleared]
    if outstanding:
        return ctx.missing(
            code, ctx.basis, "measures.remedy.exit_carriers", carriers=", ".join(outstanding)
        )
    return ctx._criterion(code, Outcome.MET, ctx.basis)


def _reminder(procedure: ExitProcedure, ctx: _Exit) -> Criterion:
    code = "measures.exit.reminder"
    on = procedure.reminder_on
    written = procedure.reminder_written
    if isinstance(on, StepStatus) or written is True:
        # Not done: whether it would have been written does not matter.
        return _step(
            ctx,
            code,
            cites=ctx.basis,
            value=on,
            path="reminder_on",
            remedy="measures.remedy.exit_reminder",
        )
    unwritten = Finding(
        code="measures.exit.reminder_not_written",
        severity=Severity.MEDIUM,
        citations=tuple(dict.fromkeys((*ctx.basis, ctx.policy))),
        subject=ctx.person,
        remedies=("measures.remedy.exit_reminder",),
    )
    if written is UNKNOWN:
        return _reminder_form_unstated(ctx, code, on, unwritten)
    if on is UNKNOWN:
        # An oral reminder, if one was given, leaves the step undetermined as well.
        criterion = ctx.unstated(
            code, ctx.basis, "reminder_on", otherwise=Outcome.INSUFFICIENT_EVIDENCE
        )
        return attrs.evolve(criterion, findings=(unwritten,))
    return ctx._criterion(code, Outcome.INSUFFICIENT_EVIDENCE, ctx.basis, unwritten)


def _reminder_form_unstated(
    ctx: _Exit, code: str, on: pendulum.Date | Unknown, unwritten: Finding
) -> Criterion:
    """
    A reminder whose form (written or oral) is not stated: met if written, insufficient
    evidence if oral only -- so undetermined, with an open rule naming ``reminder_written``.
    """
    if on is UNKNOWN:
        # Not done, or done in either form: undetermined whatever the form (the day decides).
        step = ctx.unstated(code, ctx.basis, "reminder_on", otherwise=Outcome.INSUFFICIENT_EVIDENCE)
        if_oral = if_written = Outcome.INSUFFICIENT_EVIDENCE
    else:
        step = attrs.evolve(ctx.done(code, ctx.basis, on), outcome=Outcome.INSUFFICIENT_EVIDENCE)
        if_oral, if_written = Outcome.INSUFFICIENT_EVIDENCE, Outcome.MET
    form = Undetermined(
        rule=unwritten.code,
        facts=("reminder_written",),
        if_holds=if_oral,
        otherwise=if_written,
        severity=unwritten.severity,
        citations=unwritten.citations,
        context=ctx.context,
        criterion=code,
    )
    return attrs.evolve(step, open=(*step.open, form))


def _access(procedure: ExitProcedure, ctx: _Exit, grants: tuple[AccessGrant, ...]) -> Criterion:
    code = "measures.exit.access"
    never = sorted({g.secret_id for g in grants if g.revoked is None})
    revoked = procedure.access_revoked_on
    if never or isinstance(revoked, StepStatus):
        # A grant never revoked decides the step whatever the stated day.
        return ctx.missing(
            code, ctx.access, "measures.remedy.exit_access", secrets=", ".join(never) or "-"
        )
    if revoked is UNKNOWN:
        return ctx.unstated(code, ctx.access, "access_revoked_on", otherwise=Outcome.MET)
    late = [g.revoked for g in grants if g.revoked is not None and g.revoked > ctx.due]
    return ctx.done(code, ctx.access, max([revoked, *late]))
