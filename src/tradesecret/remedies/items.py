"""
Each remedy for one breach, as a criterion with its basis (used by
:func:`~tradesecret.remedies.remedies`).
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs
import pendulum

from tradesecret.dates import term_end
from tradesecret.engine import LegalClock
from tradesecret.facts import UNKNOWN, Fact, Tri, tri
from tradesecret.law import POLICY as _POLICY
from tradesecret.law import Citation
from tradesecret.money import Money
from tradesecret.noncompete.minimum_wages import highest_minimum_wage
from tradesecret.remedies.breach import BreachKind, CompanyRole
from tradesecret.remedies.clauses import (
    CompensationClause,
    CompensationShape,
    IncomeFacts,
    PenaltyShape,
    penalty_amount,
    total_compensation,
)
from tradesecret.remedies.model import AfterBreach, ReturnScope
from tradesecret.remedies.penalty import PenaltyFacts, PenaltyReview, review_penalty
from tradesecret.results import Criterion, Finding, Outcome, Severity, Term, Undetermined
from tradesecret.rulebook import ParameterValue, Rulebook


def _criterion(
    code: str,
    outcome: Outcome,
    citations: tuple[Citation, ...],
    *,
    findings: tuple[Finding, ...] = (),
    facts: Mapping[str, object] | None = None,
    open_rules: tuple[Undetermined, ...] = (),
    parameters: tuple[ParameterValue, ...] = (),
) -> Criterion:
    return Criterion(
        code=code,
        outcome=outcome,
        citations=citations,
        findings=findings,
        facts=facts or {},
        open=open_rules,
        parameters=parameters,
    )


_RATIO_SHAPES = frozenset(
    {CompensationShape.AVERAGE_WAGE_RATIO, CompensationShape.MINIMUM_WAGE_RATIO}
)
_ON_COMPENSATION = frozenset(
    {
        PenaltyShape.MULTIPLE_OF_TOTAL_COMPENSATION,
        PenaltyShape.MULTIPLE_OF_BREACHED_MONTHS_COMPENSATION,
    }
)


def _floor_bound_used(case: AfterBreach, book: Rulebook) -> tuple[ParameterValue, ...]:
    """The highest minimum wage held, where it stood in for a floor or wage not stated."""
    comp, penalty = case.compensation, case.penalty
    if comp is UNKNOWN or comp.minimum_wage_floor is False or penalty is UNKNOWN:
        return ()
    if case.income.minimum_wage is not UNKNOWN or penalty.shape not in _ON_COMPENSATION:
        return ()
    highest = highest_minimum_wage(book)
    return () if highest is None else (highest,)


def _open(code: str, fact: str, citations: tuple[Citation, ...], if_holds: Outcome) -> Undetermined:
    return Undetermined(
        rule=code,
        facts=(fact,),
        if_holds=if_holds,
        otherwise=Outcome.NOT_MET if if_holds is Outcome.MET else Outcome.MET,
        severity=Severity.MEDIUM,
        citations=citations,
        criterion=code,
    )


def return_item(case: AfterBreach, as_of: pendulum.Date, book: Rulebook) -> Criterion:
    """Interp. (II) Art. 15: return of compensation paid, "as agreed", from 2025-09-01."""
    code = "remedies.item.return_compensation"
    clock = LegalClock(book, as_of)
    basis = clock.those_in_force(("spc-labor-2@2025-07-31:15",))
    findings: list[Finding] = []
    if not basis:
        basis = book.cite_all(_POLICY)
        findings.append(
            Finding(
                code="remedies.return.no_rule_before_interp2",
                severity=Severity.INFO,
                citations=basis,
                context=clock.those_in_force(("lcl@2012-12-28:23",)),
            )
        )
    if case.breach.kind is BreachKind.SIDE_DUTY:
        return _criterion(code, Outcome.NOT_APPLICABLE, basis, findings=tuple(findings))
    if case.payments is UNKNOWN:
        return _criterion(
            code,
            Outcome.INSUFFICIENT_EVIDENCE,
            basis,
            findings=tuple(findings),
            open_rules=(_open(code, "payments", basis, Outcome.MET),),
        )
    if case.return_scope is ReturnScope.NONE_AGREED or not case.payments:
        reason = "remedies.return.not_agreed" if case.payments else "remedies.return.nothing_paid"
        findings.append(Finding(code=reason, severity=Severity.INFO, citations=basis))
        return _criterion(code, Outcome.NOT_MET, basis, findings=tuple(findings))
    first = pendulum.Date(case.breach.start.year, case.breach.start.month, 1)
    last = case.breach.last_day(as_of)
    breached = tuple(p for p in case.payments if first <= p.month <= last)
    scope_known = case.return_scope is not UNKNOWN
    chosen = case.payments if case.return_scope is ReturnScope.ALL_PAID else breached
    total = sum((p.amount for p in chosen), Money.zero()).round_fen()
    months = ", ".join(f"{p.month.year}-{p.month.month:02d}" for p in chosen)
    facts: dict[str, object] = {"amount": total, "months": months or "-", "count": len(chosen)}
    if not scope_known:
        every = sum((p.amount for p in case.payments), Money.zero()).round_fen()
        facts = {"amount": total, "months": months or "-", "count": len(chosen), "all_paid": every}
        findings.append(
            Finding(
                code="remedies.return.scope_unknown",
                severity=Severity.MEDIUM,
                citations=basis,
                args={"all_paid": every, "breached": total},
            )
        )
        return _criterion(
            code,
            Outcome.INSUFFICIENT_EVIDENCE,
            basis,
            findings=tuple(findings),
            facts=facts,
            open_rules=(_open(code, "return_scope", basis, Outcome.MET),),
        )
    findings.append(
        Finding(
            code="remedies.return.months", severity=Severity.MEDIUM, citations=basis, args=facts
        )
    )
    art15 = clock.those_in_force(("spc-labor-2@2025-07-31:15",))
    if art15:
        findings.append(
            Finding(
                code="remedies.return.valid_clause_only", severity=Severity.INFO, citations=art15
            )
        )
    return _criterion(code, Outcome.MET, basis, findings=tuple(findings), facts=facts)


def _penalty_needs(case: AfterBreach) -> str:
    """The first fact not stated that the penalty clause's amount turns on."""
    penalty, income = case.penalty, case.income
    if penalty is UNKNOWN:
        return "penalty"
    shape = penalty.shape
    if shape is PenaltyShape.FIXED_AMOUNT:
        return "penalty.amount"
    if penalty.multiple is UNKNOWN:
        return "penalty.multiple"
    if shape is PenaltyShape.MULTIPLE_OF_ANNUAL_INCOME:
        if income.annual_income is UNKNOWN:
            return "income.annual_income"
        if penalty.includes_affiliate_income is UNKNOWN:
            return "penalty.includes_affiliate_income"
        return "income.affiliate_income"
    if shape is PenaltyShape.MULTIPLE_OF_MONTHLY_WAGE:
        return "income.average_monthly_wage"
    if case.compensation is UNKNOWN:
        return "compensation"
    if (
        shape is PenaltyShape.MULTIPLE_OF_BREACHED_MONTHS_COMPENSATION
        and income.breached_months is UNKNOWN
    ):
        return "income.breached_months"
    if case.restriction_months is UNKNOWN and shape is PenaltyShape.MULTIPLE_OF_TOTAL_COMPENSATION:
        return "restriction_months"
    return _compensation_needs(case.compensation, income)


def _compensation_needs(comp: CompensationClause, income: IncomeFacts) -> str:
    """The first fact not stated that the compensation clause's amount turns on."""
    if comp.shape in _RATIO_SHAPES and comp.ratio is UNKNOWN:
        return "compensation.ratio"
    if comp.shape not in _RATIO_SHAPES and comp.amount is UNKNOWN:
        return "compensation.amount"
    if (
        comp.shape is CompensationShape.AVERAGE_WAGE_RATIO
        and income.average_monthly_wage is UNKNOWN
    ):
        return "income.average_monthly_wage"
    if comp.minimum_wage_floor is UNKNOWN and income.minimum_wage is not UNKNOWN:
        return "compensation.minimum_wage_floor"  # below the minimum wage: a floor lifts it
    return "income.minimum_wage"


def _no_penalty(case: AfterBreach) -> bool:
    return case.penalty is not UNKNOWN and case.penalty.shape is PenaltyShape.NONE


def penalty_review(
    case: AfterBreach, as_of: pendulum.Date, book: Rulebook
) -> tuple[PenaltyReview | None, Fact[Money]]:
    if _no_penalty(case):
        return None, UNKNOWN
    months = case.restriction_months if case.restriction_months is not UNKNOWN else 0
    compensation = None if case.compensation is UNKNOWN else case.compensation
    agreed: Fact[Money] = UNKNOWN
    total: Fact[Money] = UNKNOWN
    highest = highest_minimum_wage(book)  # a floor not stated changes nothing above it
    bound = None if highest is None else highest.as_money()
    if compensation is not None and case.restriction_months is not UNKNOWN:
        total = total_compensation(
            compensation, period_months=months, income=case.income, floor_bound=bound
        )
    if case.penalty is not UNKNOWN:
        agreed = penalty_amount(
            attrs.evolve(case.penalty, actual_loss_if_higher=False),
            compensation=compensation,
            period_months=months,
            income=case.income,
            floor_bound=bound,
        )
    paid: Fact[Money] = UNKNOWN
    if case.payments is not UNKNOWN:
        paid = sum((p.amount for p in case.payments), Money.zero())
    facts = PenaltyFacts(
        agreed=agreed,
        loss=case.loss,
        malicious=case.breach.malicious,
        compensation_paid=paid,
        total_compensation=total,
        monthly_income=case.income.average_monthly_wage,
        breach_days=(case.breach.last_day(as_of) - case.breach.start).in_days() + 1,
    )
    review = review_penalty(
        facts, as_of=as_of, facts_day=case.breach.last_day(as_of), rulebook=book
    )
    return review, agreed


def penalty_item(
    case: AfterBreach, review: PenaltyReview | None, as_of: pendulum.Date, book: Rulebook
) -> Criterion:
    code = "remedies.item.penalty"
    clock = LegalClock(book, case.breach.last_day(as_of))
    basis = clock.those_in_force(("lcl@2012-12-28:23", "lcl@2012-12-28:25")) or book.cite_all(
        _POLICY
    )
    if _no_penalty(case):
        finding = Finding(
            code="remedies.penalty.none_agreed", severity=Severity.INFO, citations=basis
        )
        return _criterion(code, Outcome.NOT_MET, basis, findings=(finding,))
    if review is None or review.agreed is UNKNOWN:
        fact = _penalty_needs(case)
        return _criterion(
            code,
            Outcome.INSUFFICIENT_EVIDENCE,
            basis,
            open_rules=(_open(code, fact, basis, Outcome.MET),),
        )
    facts = {
        "amount": review.agreed,
        "adjustment": Term(f"remedies.adjustment.{review.adjustment.value}"),
    }
    actual = case.penalty is not UNKNOWN and case.penalty.actual_loss_if_higher
    findings: tuple[Finding, ...] = ()
    if actual:
        findings = (
            Finding(
                code="remedies.penalty.actual_loss_if_higher",
                severity=Severity.INFO,
                citations=basis,
            ),
        )
    return _criterion(
        code,
        Outcome.MET,
        basis,
        facts=facts,
        findings=findings,
        parameters=_floor_bound_used(case, book),
    )


def damages_item(
    case: AfterBreach, agreed: Fact[Money], as_of: pendulum.Date, book: Rulebook
) -> Criterion:
    """LCL Art. 90: loss caused by the breach; beyond the penalty only where the loss exceeds it."""
    code = "remedies.item.damages"
    clock = LegalClock(book, case.breach.last_day(as_of))
    basis = clock.those_in_force(("lcl@2012-12-28:90",)) or book.cite_all(_POLICY)
    if case.loss is UNKNOWN:
        return _criterion(
            code,
            Outcome.INSUFFICIENT_EVIDENCE,
            basis,
            open_rules=(_open(code, "loss", basis, Outcome.MET),),
        )
    if _no_penalty(case):
        beyond = case.loss
    elif agreed is UNKNOWN:
        return _criterion(
            code,
            Outcome.INSUFFICIENT_EVIDENCE,
            basis,
            open_rules=(_open(code, _penalty_needs(case), basis, Outcome.MET),),
        )
    else:
        beyond = case.loss - agreed if agreed < case.loss else Money.zero()
    if beyond.is_zero():
        finding = Finding(
            code="remedies.damages.covered_by_penalty", severity=Severity.INFO, citations=basis
        )
        return _criterion(code, Outcome.NOT_MET, basis, findings=(finding,))
    cap = clock.those_in_force(("spc-contract-2@2009-04-24:28",))
    findings = [
        Finding(
            code="remedies.damages.beyond_penalty",
            severity=Severity.MEDIUM,
            citations=basis,
            args={"amount": beyond.round_fen()},
        )
    ]
    if cap:
        findings.append(
            Finding(
                code="remedies.damages.no_damages_after_increase",
                severity=Severity.INFO,
                citations=cap,
            )
        )
    return _criterion(
        code, Outcome.MET, basis, findings=tuple(findings), facts={"amount": beyond.round_fen()}
    )


def performance_item(case: AfterBreach, as_of: pendulum.Date, book: Rulebook) -> Criterion:
    """Interp. (I) Art. 40 / (IV) Art. 10: the employee may be held to the rest of the period."""
    code = "remedies.item.continued_performance"
    clock = LegalClock(book, as_of)
    basis = clock.those_in_force(("spc-labor-1@2020-12-29:40", "spc-labor-4@2013-01-18:10"))
    if not basis:
        basis = clock.those_in_force(("lcl@2012-12-28:23",)) or book.cite_all(_POLICY)
        finding = Finding(
            code="remedies.performance.no_rule", severity=Severity.INFO, citations=basis
        )
        return _criterion(code, Outcome.NOT_MET, basis, findings=(finding,))
    if case.termination_date is UNKNOWN or case.restriction_months is UNKNOWN:
        missing = "termination_date" if case.termination_date is UNKNOWN else "restriction_months"
        return _criterion(
            code,
            Outcome.INSUFFICIENT_EVIDENCE,
            basis,
            open_rules=(_open(code, missing, basis, Outcome.MET),),
        )
    end = term_end(case.termination_date, months=case.restriction_months)
    if end < as_of:
        finding = Finding(
            code="remedies.performance.period_over",
            severity=Severity.INFO,
            citations=basis,
            args={"end": end},
        )
        return _criterion(code, Outcome.NOT_MET, basis, findings=(finding,), facts={"end": end})
    remaining = (end - as_of).in_months()
    days = (end - as_of).in_days()
    facts: dict[str, object] = {"end": end, "months": remaining, "days": days}
    finding = Finding(
        code="remedies.performance.remaining", severity=Severity.MEDIUM, citations=basis, args=facts
    )
    return _criterion(code, Outcome.MET, basis, findings=(finding,), facts=facts)


def company_item(
    case: AfterBreach, began_in_service: Tri, as_of: pendulum.Date, book: Rulebook
) -> Criterion:
    """Company Law: income from a same-kind business run in breach belongs to the company."""
    code = "remedies.item.disgorgement"
    breach = case.breach
    day = breach.last_day(as_of)
    clock = LegalClock(book, day)
    basis = clock.those_in_force(("company-law@2023-12-29:186", "company-law@2018-10-26:148"))
    if not basis or not breach.kind.competition or began_in_service is Tri.FALSE:
        return _criterion(code, Outcome.NOT_APPLICABLE, basis or book.cite_all(_POLICY))
    supervisors = bool(clock.those_in_force(("company-law@2023-12-29:184",)))
    roles = {CompanyRole.DIRECTOR, CompanyRole.SENIOR_OFFICER} | (
        {CompanyRole.SUPERVISOR} if supervisors else set()
    )
    officer = tri(breach.company_role, lambda r: r in roles)
    approved = Tri.of(breach.board_approved)
    if officer is Tri.FALSE or approved is Tri.TRUE:
        return _criterion(code, Outcome.NOT_MET, basis)
    open_rules = []
    for fact, state in (
        ("breach.company_role", officer),
        ("breach.board_approved", approved),
        ("termination_date", began_in_service),
    ):
        if state is Tri.UNKNOWN:
            open_rules.append(_open(code, fact, basis, Outcome.MET))
    if breach.gains is UNKNOWN:
        open_rules.append(_open(code, "breach.gains", basis, Outcome.MET))
    if open_rules or breach.gains is UNKNOWN:
        return _criterion(code, Outcome.INSUFFICIENT_EVIDENCE, basis, open_rules=tuple(open_rules))
    facts = {"amount": breach.gains.round_fen()}
    finding = Finding(
        code="remedies.disgorgement.gains", severity=Severity.HIGH, citations=basis, args=facts
    )
    return _criterion(code, Outcome.MET, basis, findings=(finding,), facts=facts)
