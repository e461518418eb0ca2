"""
Does the new employer compete with the former one? (Guiding Case 190; LCL Art. 24(2).)

Kept importable from :mod:`tradesecret.noncompete` as :func:`assess_competition`.
"""

from __future__ import annotations

from typing import Any

from tradesecret.dates import to_date
from tradesecret.law import Citation
from tradesecret.noncompete._common import GC_190, LCL_24_2, book_of, norm, show
from tradesecret.noncompete.model import BusinessProfile
from tradesecret.results import Criterion, Finding, Outcome, Severity
from tradesecret.rulebook import Rulebook

__all__ = ["assess_competition"]


def _finding(
    code: str,
    severity: Severity,
    cites: tuple[Citation, ...],
    args: dict[str, Any] | None = None,
    *,
    remedies: tuple[str, ...] = (),
) -> Finding:
    return Finding(
        code=code, severity=severity, citations=cites, args=args or {}, remedies=remedies
    )


def _criterion(
    code: str,
    cites: tuple[Citation, ...],
    findings: list[Finding],
    *,
    outcome: Outcome,
    facts: dict[str, Any],
) -> Criterion:
    return Criterion(
        code=code, outcome=outcome, citations=cites, findings=tuple(findings), facts=facts
    )


def assess_competition(
    former: BusinessProfile,
    new: BusinessProfile,
    *,
    as_of: object,
    rulebook: Rulebook | None = None,
) -> Criterion:
    """
    Does the new employer (or the employee's own business) compete with the former one?

    Guiding Case 190: not decided by overlapping registered business scope alone; the
    actual business, the service objects or product audience, and the markets are
    compared. Items are compared as written (trimmed, case-insensitive).

    * No actual business given for either side: *insufficient evidence*.
    * No overlap in actual business lines or products: *not met* (even where the
      registered scopes overlap).
    * Overlapping business, but customers and markets both given and both disjoint:
      *contested* (the employee may show the audiences and markets differ).
    * Otherwise: *met*.

    Legal basis:
        gc-190@2022-12-08; lcl@2012-12-28:24.2
    """
    book = book_of(rulebook)
    to_date(as_of, path="as_of")
    findings: list[Finding] = []
    cites = book.cite_all(GC_190, LCL_24_2)
    registered = norm(former.registered_scope) & norm(new.registered_scope)
    former_business = norm(former.business_lines) | norm(former.products)
    new_business = norm(new.business_lines) | norm(new.products)
    if not former_business or not new_business:
        findings.append(
            _finding(
                "noncompete.competition.insufficient_facts",
                Severity.INFO,
                cites,
                {"company": new.name},
                remedies=("noncompete.remedy.describe_business",),
            )
        )
        return _criterion(
            "noncompete.criterion.competition",
            cites,
            findings,
            outcome=Outcome.INSUFFICIENT_EVIDENCE,
            facts={"company": new.name},
        )
    outcome, finding = _compare(former, new, former_business & new_business, registered, cites)
    return _criterion(
        "noncompete.criterion.competition",
        cites,
        [finding],
        outcome=outcome,
        facts={"company": new.name},
    )


def _compare(
    former: BusinessProfile,
    new: BusinessProfile,
    business: set[str],
    registered: set[str],
    cites: tuple[Citation, ...],
) -> tuple[Outcome, Finding]:
    """The outcome and finding once both sides' actual business is known (GC 190)."""
    customers = norm(former.customers) & norm(new.customers)
    markets = norm(former.markets) & norm(new.markets)
    known_audience = bool(former.customers and new.customers and former.markets and new.markets)
    if not business:
        code = (
            "noncompete.competition.registered_scope_only"
            if registered
            else "noncompete.competition.no_actual_overlap"
        )
        args = {"company": new.name, "scope": show(registered, former.registered_scope)}
        return Outcome.NOT_MET, _finding(code, Severity.INFO, cites, args)
    shown = show(business, former.business_lines, former.products)
    if known_audience and not customers and not markets:
        return Outcome.CONTESTED, _finding(
            "noncompete.competition.different_audience",
            Severity.MEDIUM,
            cites,
            {"company": new.name, "business": shown},
        )
    return Outcome.MET, _finding(
        "noncompete.competition.actual_overlap",
        Severity.HIGH,
        cites,
        {
            "company": new.name,
            "business": shown,
            "customers": show(customers, former.customers) or "—",
            "markets": show(markets, former.markets) or "—",
        },
    )
