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

from typing import TYPE_CHECKING

import attrs
import pendulum

from tradesecret._convert import tuple_of
from tradesecret.dates import to_date
from tradesecret.exceptions import InvalidInputError
from tradesecret.facts import UNKNOWN, tri
from tradesecret.law import Citation
from tradesecret.presenters import ShownAsMarkdown
from tradesecret.remedies._explain import explain_remedies
from tradesecret.remedies.clause_review import review_clauses
from tradesecret.remedies.items import (
    company_item,
    damages_item,
    penalty_item,
    penalty_review,
    performance_item,
    return_item,
)
from tradesecret.remedies.model import AfterBreach, Payment, ReturnScope
from tradesecret.remedies.penalty import PenaltyReview
from tradesecret.remedies.scope import review_breach_scope
from tradesecret.results import Criterion, MissingFact, Outcome, missing_facts
from tradesecret.rulebook import Rulebook, default_rulebook

if TYPE_CHECKING:
    from tradesecret.i18n import Format, Localizer

__all__ = ["AfterBreach", "Payment", "Remedies", "ReturnScope", "remedies"]


@attrs.frozen(kw_only=True)
class Remedies(ShownAsMarkdown):
    """
    Whether it is a breach, and each remedy with its basis.

    Attributes:
        as_of: The day asked about.
        outcome: Whether the breach is established (the scope criteria combined).
        scope: The scope criteria (competition, attribution, in service, side duty).
        items: One criterion per remedy, in the order of the module docstring.
        penalty: The penalty review, where there is a penalty clause.
        citations: The overall basis.
        clauses: The clause shapes reviewed (see :func:`~tradesecret.remedies.review_clauses`).
    """

    as_of: pendulum.Date
    outcome: Outcome
    scope: tuple[Criterion, ...] = attrs.field(validator=tuple_of(Criterion))
    items: tuple[Criterion, ...] = attrs.field(validator=tuple_of(Criterion))
    penalty: PenaltyReview | None
    citations: tuple[Citation, ...] = attrs.field(validator=tuple_of(Citation))
    clauses: Criterion | None = None

    def item(self, code: str) -> Criterion:
        """The remedy ``code`` (e.g. ``remedies.item.return_compensation``)."""
        for item in self.items:
            if item.code == code:
                return item
        raise KeyError(code)

    def missing(self) -> tuple[MissingFact, ...]:
        """The facts not stated that would change an outcome, most decisive first."""
        extra = (self.clauses,) if self.clauses is not None else ()
        rules = [u for c in (*self.scope, *self.items, *extra) for u in c.open]
        if self.penalty is not None:
            rules += self.penalty.open
        return missing_facts(rules)

    def __explain__(self, loc: Localizer, fmt: Format) -> str:
        return explain_remedies(self, loc, fmt)

    def codes(self) -> frozenset[str]:
        """Every finding code."""
        extra = (self.clauses,) if self.clauses is not None else ()
        found = {f.code for c in (*self.scope, *self.items, *extra) for f in c.findings}
        if self.penalty is not None:
            found |= self.penalty.codes()
        return frozenset(found)


def _clauses(case: AfterBreach, as_of: pendulum.Date, book: Rulebook) -> Criterion | None:
    if case.compensation is UNKNOWN and case.penalty is UNKNOWN:
        return None
    months = case.restriction_months if case.restriction_months is not UNKNOWN else 0
    return review_clauses(
        case.compensation,
        case.penalty,
        period_months=months,
        as_of=as_of,
        income=case.income,
        rulebook=book,
    )


def remedies(
    case: AfterBreach, *, as_of: pendulum.Date, rulebook: Rulebook | None = None
) -> Remedies:
    """The scope of the breach and every remedy, as of ``as_of``."""
    as_of = to_date(as_of, path="as_of")  # a date, a datetime.date or ISO text
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
    review, agreed = penalty_review(case, as_of, book)
    began = tri(case.termination_date, lambda t: breach.start <= t)
    items = (
        return_item(case, as_of, book),
        penalty_item(case, review, as_of, book),
        damages_item(case, agreed, as_of, book),
        performance_item(case, as_of, book),
        company_item(case, began, as_of, book),
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
        clauses=_clauses(case, as_of, book),
    )
