"""
The remedies for one breach, as of a date, each with its basis and tier.

:func:`remedies` answers, for a :class:`AfterBreach`:

1. whether it is a breach at all (the scope criteria of :mod:`tradesecret.remedies.scope`);
2. **return of compensation** paid, for which months (Interp. (II) Art. 15, from
   2025-09-01: "as agreed");
3. **the agreed penalty** and whether an adjustment is indicated
   (:mod:`tradesecret.remedies.penalty`) -- never a predicted figure;
4. **damages** for loss beyond the penalty (LCL Art. 90);
5. **continued performance** after paying the penalty (Interp. (IV) Art. 10 from
   2013-02-01; Interp. (I) Art. 40 from 2021-01-01) and what remains of the period;
6. **Company Law**: income from a same-kind business belongs to the company (2018 Art.
   148(2); 2023 Art. 186 from 2024-07-01) for directors, supervisors and senior officers.

Each remedy is a :class:`~tradesecret.results.Criterion` (``MET``: available;
``NOT_MET``: not available; ``INSUFFICIENT_EVIDENCE``: turns on facts not stated;
``NOT_APPLICABLE``: does not arise) with its amount, where there is one, in ``facts``.
The headline :attr:`Remedies.outcome` is whether the breach is established (the scope
criteria combined with :meth:`~tradesecret.results.Outcome.combine`); the remedies do
not change it.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs
import pendulum

from tradesecret import presenters
from tradesecret._convert import date_field, tuple_of
from tradesecret.dates import term_end
from tradesecret.engine import LegalClock
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.facts import UNKNOWN, Fact, Tri, tri
from tradesecret.law import Citation
from tradesecret.money import Money
from tradesecret.remedies._explain import explain_remedies
from tradesecret.remedies.breach import Breach, BreachKind, Business, CompanyRole
from tradesecret.remedies.clauses import (
    CompensationClause,
    CompensationShape,
    IncomeFacts,
    PenaltyClause,
    PenaltyShape,
    penalty_amount,
    total_compensation,
)
from tradesecret.remedies.penalty import PenaltyFacts, PenaltyReview, review_penalty
from tradesecret.remedies.scope import review_breach_scope
from tradesecret.results import (
    Criterion,
    Finding,
    MissingFact,
    Outcome,
    Severity,
    Term,
    Undetermined,
    missing_facts,
)
from tradesecret.rulebook import Rulebook, default_rulebook

if TYPE_CHECKING:
    from tradesecret.i18n import Format, Localizer

__all__ = ["AfterBreach", "Payment", "Remedies", "ReturnScope", "remedies"]

_POLICY = "tradesecret-policy@2026-11-21"


class ReturnScope(enum.Enum):
    """What the agreement says is returned on breach."""

    ALL_PAID = "all_paid"  # 返还已支付的全部经济补偿
    BREACHED_MONTHS = "breached_months"  # 仅返还违约期间对应的经济补偿
    NONE_AGREED = "none_agreed"  # 未约定返还


@attrs.frozen(kw_only=True)
class Payment:
    """
    One compensation payment.

    Attributes:
        month: The month it pays for (any day of it; kept as its first day).
        amount: The amount paid.
    """

    month: pendulum.Date = attrs.field(converter=date_field)
    amount: Money

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.amount, Money) or self.amount.amount < 0:
            raise InvalidInputError.single("amount", self.amount, "must be non-negative Money")
        object.__setattr__(self, "month", pendulum.Date(self.month.year, self.month.month, 1))


@attrs.frozen(kw_only=True)
class AfterBreach:
    """
    A breach with what the remedies turn on; every fact may be left unknown.

    Attributes:
        breach: The breach.
        employer: The former employer's business (for the competition test).
        termination_date: Last day of employment.
        restriction_months: The post-termination period, in months, as agreed.
        in_service_clause: The agreement restricts competition during employment.
        compensation: The compensation clause.
        penalty: The penalty clause (``PenaltyShape.NONE``: stated that there is none).
        income: Wages and income the clauses are measured on.
        payments: Compensation paid (``()``: stated as none).
        return_scope: What the agreement says is returned on breach.
        loss: The employer's loss as stated.
    """

    breach: Breach
    employer: Business | None = None
    termination_date: Fact[pendulum.Date] = UNKNOWN
    restriction_months: Fact[int] = UNKNOWN
    in_service_clause: Fact[bool] = UNKNOWN
    compensation: Fact[CompensationClause] = UNKNOWN
    penalty: Fact[PenaltyClause] = UNKNOWN
    income: IncomeFacts = attrs.field(factory=IncomeFacts)
    payments: Fact[tuple[Payment, ...]] = UNKNOWN
    return_scope: Fact[ReturnScope] = UNKNOWN
    loss: Fact[Money] = UNKNOWN

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        months = self.restriction_months
        if months is not UNKNOWN and (
            isinstance(months, bool) or not isinstance(months, int) or months < 0
        ):
            problems.append(Problem.of("restriction_months", months, "must be a whole number >= 0"))
        if isinstance(self.loss, Money) and self.loss.amount < 0:
            problems.append(Problem.of("loss", self.loss, "must not be negative"))
        if problems:
            raise InvalidInputError(problems)


@attrs.frozen(kw_only=True)
class Remedies:
    """
    Whether it is a breach, and each remedy with its basis.

    Attributes:
        as_of: The day asked about.
        outcome: Whether the breach is established (the scope criteria combined).
        scope: The scope criteria (competition, attribution, in service, side duty).
        items: One criterion per remedy, in the order of the module docstring.
        penalty: The penalty review, where there is a penalty clause.
        citations: The overall basis.
    """

    as_of: pendulum.Date
    outcome: Outcome
    scope: tuple[Criterion, ...] = attrs.field(validator=tuple_of(Criterion))
    items: tuple[Criterion, ...] = attrs.field(validator=tuple_of(Criterion))
    penalty: PenaltyReview | None
    citations: tuple[Citation, ...] = attrs.field(validator=tuple_of(Citation))

    def item(self, code: str) -> Criterion:
        """The remedy ``code`` (e.g. ``remedies.item.return_compensation``)."""
        for item in self.items:
            if item.code == code:
                return item
        raise KeyError(code)

    def missing(self) -> tuple[MissingFact, ...]:
        """The facts not stated that would change an outcome, most decisive first."""
        rules = [u for c in (*self.scope, *self.items) for u in c.open]
        if self.penalty is not None:
            rules += self.penalty.open
        return missing_facts(rules)

    def __explain__(self, loc: Localizer, fmt: Format) -> str:
        return explain_remedies(self, loc, fmt)

    def _repr_markdown_(self) -> str | None:
        shown = presenters.present("markdown", self, locale="zh_CN")
        return None if shown is None else str(shown)

    def codes(self) -> frozenset[str]:
        """Every finding code."""
        found = {f.code for c in (*self.scope, *self.items) for f in c.findings}
        if self.penalty is not None:
            found |= self.penalty.codes()
        return frozenset(found)


def _criterion(
    code: str,
    outcome: Outcome,
    citations: tuple[Citation, ...],
    *,
    findings: tuple[Finding, ...] = (),
    facts: Mapping[str, object] | None = None,
    open_rules: tuple[Undetermined, ...] = (),
) -> Criterion:
    return Criterion(
        code=code,
        outcome=outcome,
        citations=citations,
        findings=findings,
        facts=facts or {},
        open=open_rules,
    )


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


def _return_item(case: AfterBreach, as_of: pendulum.Date, book: Rulebook) -> Criterion:
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
            open_rules=(_open(code, "breach.payments", basis, Outcome.MET),),
        )
    if case.return_scope is ReturnScope.NONE_AGREED or not case.payments:
        reason = "remedies.return.not_agreed" if case.payments else "remedies.return.nothing_paid"
        findings.append(Finding(code=reason, severity=Severity.INFO, citations=basis))
        return _criterion(code, Outcome.NOT_MET, basis, findings=tuple(findings))
    first = pendulum.Date(case.breach.start.year, case.breach.start.month, 1)
    breached = tuple(p for p in case.payments if p.month >= first)
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
            open_rules=(_open(code, "breach.return_scope", basis, Outcome.MET),),
        )
    findings.append(
        Finding(
            code="remedies.return.months", severity=Severity.MEDIUM, citations=basis, args=facts
        )
    )
    return _criterion(code, Outcome.MET, basis, findings=tuple(findings), facts=facts)


def _penalty_needs(case: AfterBreach) -> str:
    """The first fact not stated that the penalty clause's amount turns on."""
    penalty, income = case.penalty, case.income
    if penalty is UNKNOWN:
        return "breach.penalty"
    shape = penalty.shape
    if shape is PenaltyShape.MULTIPLE_OF_ANNUAL_INCOME:
        if income.annual_income is UNKNOWN:
            return "breach.income.annual_income"
        if penalty.includes_affiliate_income is UNKNOWN:
            return "breach.penalty.includes_affiliate_income"
        return "breach.income.affiliate_income"
    if case.compensation is UNKNOWN:
        return "breach.compensation"
    if (
        shape is PenaltyShape.MULTIPLE_OF_BREACHED_MONTHS_COMPENSATION
        and income.breached_months is UNKNOWN
    ):
        return "breach.income.breached_months"
    if case.restriction_months is UNKNOWN and shape is PenaltyShape.MULTIPLE_OF_TOTAL_COMPENSATION:
        return "restriction_months"
    comp = case.compensation
    if (
        comp.shape is CompensationShape.AVERAGE_WAGE_RATIO
        and income.average_monthly_wage is UNKNOWN
    ):
        return "breach.income.average_monthly_wage"
    return "breach.income.minimum_wage"


def _no_penalty(case: AfterBreach) -> bool:
    return case.penalty is not UNKNOWN and case.penalty.shape is PenaltyShape.NONE


def _penalty_review(
    case: AfterBreach, as_of: pendulum.Date, book: Rulebook
) -> tuple[PenaltyReview | None, Fact[Money]]:
    if _no_penalty(case):
        return None, UNKNOWN
    months = case.restriction_months if case.restriction_months is not UNKNOWN else 0
    compensation = None if case.compensation is UNKNOWN else case.compensation
    agreed: Fact[Money] = UNKNOWN
    total: Fact[Money] = UNKNOWN
    if compensation is not None and case.restriction_months is not UNKNOWN:
        total = total_compensation(compensation, period_months=months, income=case.income)
    if case.penalty is not UNKNOWN:
        agreed = penalty_amount(
            attrs.evolve(case.penalty, actual_loss_if_higher=False),
            compensation=compensation,
            period_months=months,
            income=case.income,
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
        breach_months=case.income.breached_months,
    )
    review = review_penalty(
        facts, as_of=as_of, facts_day=case.breach.last_day(as_of), rulebook=book
    )
    return review, agreed


def _penalty_item(
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
    return _criterion(code, Outcome.MET, basis, facts=facts, findings=findings)


def _damages_item(
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
            open_rules=(_open(code, "breach.loss", basis, Outcome.MET),),
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


def _performance_item(case: AfterBreach, as_of: pendulum.Date, book: Rulebook) -> Criterion:
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


def _company_item(
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


def remedies(
    case: AfterBreach, *, as_of: pendulum.Date, rulebook: Rulebook | None = None
) -> Remedies:
    """The scope of the breach and every remedy, as of ``as_of``."""
    book = rulebook if rulebook is not None else default_rulebook()
    breach = case.breach
    if breach.start > as_of:
        raise InvalidInputError.single(
            "breach.start", str(breach.start), "the breach starts after as_of"
        )
    scope = review_breach_scope(
        breach,
        employer=case.employer,
        termination_date=case.termination_date,
        in_service_clause=case.in_service_clause,
        as_of=as_of,
        rulebook=book,
    )
    review, agreed = _penalty_review(case, as_of, book)
    began = tri(case.termination_date, lambda t: breach.start <= t)
    items = (
        _return_item(case, as_of, book),
        _penalty_item(case, review, as_of, book),
        _damages_item(case, agreed, as_of, book),
        _performance_item(case, as_of, book),
        _company_item(case, began, as_of, book),
    )
    citations = (
        tuple(dict.fromkeys(c for crit in scope for c in crit.citations)) or items[1].citations
    )
    return Remedies(
        as_of=as_of,
        outcome=Outcome.combine(c.outcome for c in scope),
        scope=scope,
        items=items,
        penalty=review,
        citations=citations,
    )
