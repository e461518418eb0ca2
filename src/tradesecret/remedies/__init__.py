"""
After a breach: how breaches happen, and the remedies as courts and regulators decide them.

* :mod:`~tradesecret.remedies.breach` -- dated, typed breach facts (direct, indirect,
  in service, side duty), every fact possibly unknown;
* :mod:`~tradesecret.remedies.scope` -- the competitive relationship, attribution of
  indirect competition, in-service rules and side duties, as rule tables;
* :mod:`~tradesecret.remedies.clauses` -- compensation and penalty clause shapes and
  what each one gives;
* :mod:`~tradesecret.remedies.clause_review` -- the shapes reviewed and scheduled;
* :mod:`~tradesecret.remedies.penalty` -- the agreed penalty and its adjustment
  (reference lines and factors, never a predicted figure);
* :mod:`~tradesecret.remedies.result` -- :func:`remedies`, every remedy with its basis;
* :mod:`~tradesecret.remedies.enforcement` -- AUCL fines and civil damages by version.
"""

from tradesecret.remedies.breach import (
    Breach,
    BreachKind,
    Business,
    Channel,
    CompanyRole,
    Link,
    SideDuty,
)
from tradesecret.remedies.clause_review import Instalment, compensation_schedule, review_clauses
from tradesecret.remedies.clauses import (
    CompensationClause,
    CompensationShape,
    IncomeFacts,
    PenaltyClause,
    PenaltyShape,
    monthly_compensation,
    penalty_amount,
    total_compensation,
)
from tradesecret.remedies.enforcement import (
    EnforcementReview,
    FineBand,
    InfringingAct,
    review_enforcement,
)
from tradesecret.remedies.penalty import (
    Adjustment,
    Factor,
    PenaltyFacts,
    PenaltyReview,
    review_penalty,
)
from tradesecret.remedies.result import AfterBreach, Payment, Remedies, ReturnScope, remedies
from tradesecret.remedies.scope import review_breach_scope

__all__ = [
    "Adjustment",
    "AfterBreach",
    "Breach",
    "BreachKind",
    "Business",
    "Channel",
    "CompanyRole",
    "CompensationClause",
    "CompensationShape",
    "EnforcementReview",
    "Factor",
    "FineBand",
    "IncomeFacts",
    "InfringingAct",
    "Instalment",
    "Link",
    "Payment",
    "PenaltyClause",
    "PenaltyFacts",
    "PenaltyReview",
    "PenaltyShape",
    "Remedies",
    "ReturnScope",
    "SideDuty",
    "compensation_schedule",
    "monthly_compensation",
    "penalty_amount",
    "remedies",
    "review_breach_scope",
    "review_clauses",
    "review_enforcement",
    "review_penalty",
    "total_compensation",
]
