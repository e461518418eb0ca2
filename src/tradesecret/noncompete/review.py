"""
Review of a non-compete agreement: "would this clause hold?"

:func:`review_noncompete` returns an :class:`~tradesecret.results.Assessment` of kind
``noncompete`` with seven criteria, in this order:

========================================  ===============================================
criterion                                 what it checks (rule table or module)
========================================  ===============================================
``noncompete.criterion.eligibility``      :data:`~tradesecret.noncompete.eligibility.ELIGIBILITY`
``noncompete.criterion.scope``            :data:`~tradesecret.noncompete.scope.SCOPE`
``noncompete.criterion.duration``         :data:`~tradesecret.noncompete.terms.DURATION`
``noncompete.criterion.compensation``     :mod:`~tradesecret.noncompete.compensation_check`
``noncompete.criterion.clauses``          :data:`~tradesecret.noncompete.terms.CLAUSES`
``noncompete.criterion.penalty``          :data:`~tradesecret.noncompete.penalty.PENALTY`
``noncompete.criterion.activation``       :data:`~tradesecret.noncompete.terms.ACTIVATION`
========================================  ===============================================

**Headline.** The review's outcome is :meth:`Outcome.combine
<tradesecret.results.Outcome.combine>` of its criteria: any criterion not met → not
met; else any undetermined (a fact not stated) → insufficient evidence; else contested;
else met. :meth:`~tradesecret.results.Assessment.missing` lists the facts not stated that
would change an outcome, most decisive first; the text and Markdown explanations show it
at the top (the facts' labels are the ``fact.<path>`` messages of the non-compete catalog).

**Legal time.** The review answers for any date from 2008-01-01 (the LCL). A rule
applies only from the day its basis is law: Interp. (IV) Arts. 6-10 from 2013-02-01,
Interp. (I) Arts. 36-40 from 2021-01-01, Interp. (II) Arts. 13-15 from 2025-09-01, the
MOHRSS guidelines from 2025-09-12. Before a rule existed the review says so (e.g.
``noncompete.compensation.no_default_rule``).
"""

from __future__ import annotations

import pendulum

from tradesecret.dates import to_date
from tradesecret.engine import LegalClock
from tradesecret.noncompete._common import (
    I1_36,
    I2,
    I2_13_1,
    I4_6,
    LCL_23_2,
    LCL_24_1,
    LCL_24_2,
    ReviewFacts,
    SecretSource,
    book_of,
    known_secrets,
)
from tradesecret.noncompete.compensation_check import CompensationView, compensation_view
from tradesecret.noncompete.eligibility import eligibility
from tradesecret.noncompete.floor import CompensationFloor
from tradesecret.noncompete.model import EmployeeFacts, NonCompeteAgreement, check_parties
from tradesecret.noncompete.penalty import penalty_criterion
from tradesecret.noncompete.scope import scope
from tradesecret.noncompete.terms import activation, clauses, duration
from tradesecret.results import Assessment, Criterion, Finding, Outcome, Severity
from tradesecret.rulebook import NoRule, ParameterValue, Rulebook

__all__ = ["review_noncompete", "review_penalty"]

#: The first day the review answers for (the LCL took effect).
_LCL_ORIGINAL = "lcl@2007-06-29"


def _release_param(
    book: Rulebook, day: pendulum.Date
) -> tuple[ParameterValue | None, pendulum.Date | None]:
    """The release rule in force on ``day``, or the day one took effect (no rule yet)."""
    entry = book.lookup("noncompete.release_unpaid_months", as_of=day)
    if isinstance(entry, NoRule):
        return None, entry.until
    return entry, None


def _notes(book: Rulebook, clock: LegalClock) -> tuple[Finding, ...]:
    """
    The review's own notes: Interp. (II) not yet in force on the day. The note rests on
    the law then (LCL Art. 24(1)); Interp. (II) is mentioned as context only.
    """
    interp2 = book.instrument(I2)
    if clock.day >= interp2.effective:
        return ()
    return (
        Finding(
            code="noncompete.review.interp2_not_in_force",
            severity=Severity.INFO,
            citations=clock.those_in_force((LCL_24_1,)),
            context=book.cite_all(I2_13_1),
            args={"effective": interp2.effective},
        ),
    )


def review_noncompete(
    agreement: NonCompeteAgreement,
    employee: EmployeeFacts,
    *,
    as_of: object,
    registry: SecretSource | None = None,
    rulebook: Rulebook | None = None,
) -> Assessment:
    """
    Review a non-compete: eligibility, scope, duration, compensation, clauses, penalty,
    activation (see the module docstring for the criteria and their basis).

    Args:
        agreement: The agreement as written.
        employee: The employee. With wages (monthly records or a stated average), the
            compensation is compared with both floors (for an employee still employed,
            as if they left at the end of the last month of the wage history, or on
            ``as_of`` if earlier).
        as_of: The date of the review (any date from 2008-01-01).
        registry: A secret registry (``tradesecret.definition.SecretRegistry``); the
            secrets it says the employee had access to or accessed are added to
            ``employee.secrets_known``.
        rulebook: Parameters and citations.

    Raises:
        InvalidInputError: bad input (the agreement binds another person, incomplete
            wage months, unknown region...).
        OutOfCoverageError: ``as_of`` before 2008-01-01 (no LCL).
    """
    check_parties(agreement, employee)
    book = book_of(rulebook)
    day = to_date(as_of, path="as_of")
    book.check_region(employee.place_of_performance, path="place_of_performance")
    cap = book.param("noncompete.max_post_term_months", as_of=day)
    release, release_from = _release_param(book, day)
    clock = LegalClock(book, day)
    facts = ReviewFacts(
        employee=employee,
        agreement=agreement,
        secrets=known_secrets(employee, as_of=day, registry=registry),
        cap=cap.as_int(),
        release_months=release.as_int() if release is not None else None,
        release_rule_from=release_from,
    )
    view = compensation_view(agreement, employee, day=day, book=book, clock=clock, cap=cap)
    criteria = (
        eligibility(facts, day=day, book=book, clock=clock),
        scope(facts, day=day, book=book, clock=clock),
        duration(facts, cap, day=day, book=book, clock=clock),
        view.criterion,
        clauses(facts, release, day=day, book=book, clock=clock),
        _penalty(agreement, view, day=day, book=book, clock=clock),
        activation(facts, day=day, book=book, clock=clock),
    )
    parameters = (cap,) if release is None else (cap, release)
    return Assessment(
        kind="noncompete",
        subject=agreement.id,
        as_of=day,
        outcome=Outcome.combine(c.outcome for c in criteria),
        citations=clock.those_in_force((LCL_23_2, LCL_24_1, LCL_24_2, I4_6, I1_36, I2_13_1)),
        criteria=criteria,
        findings=_notes(book, clock),
        parameters=parameters,
    )


def review_penalty(
    agreement: NonCompeteAgreement,
    employee: EmployeeFacts,
    *,
    as_of: object,
    rulebook: Rulebook | None = None,
    floor: CompensationFloor | None = None,  # noqa: ARG001 - kept for callers; recomputed
) -> Criterion:
    """
    The penalty against the agreed compensation (the review's penalty criterion).

    * The penalty (a fixed amount, or a multiple of total compensation or of the
      average monthly wage) against the total agreed compensation for the (capped)
      period: the MOHRSS guidelines (§14) say generally not above 5x -- guidance,
      not a rule a court must apply.
    * A penalty with no compensation agreed (LCL Art. 23(2) pairs the penalty with
      monthly compensation).
    * What a court may weigh when asked to reduce it (the library's list, cited as
      policy).

    An amount that needs a fact not stated is undetermined, never zero.
    """
    check_parties(agreement, employee)
    book = book_of(rulebook)
    day = to_date(as_of, path="as_of")
    cap = book.param("noncompete.max_post_term_months", as_of=day)
    clock = LegalClock(book, day)
    view = compensation_view(agreement, employee, day=day, book=book, clock=clock, cap=cap)
    return _penalty(agreement, view, day=day, book=book, clock=clock)


def _penalty(
    agreement: NonCompeteAgreement,
    view: CompensationView,
    *,
    day: pendulum.Date,
    book: Rulebook,
    clock: LegalClock,
) -> Criterion:
    """The penalty criterion on the compensation figures of ``view``."""
    return penalty_criterion(
        agreement,
        agreed=view.agreed,
        average=view.average,
        months=view.months,
        floor=view.floor,
        day=day,
        book=book,
        clock=clock,
    )
