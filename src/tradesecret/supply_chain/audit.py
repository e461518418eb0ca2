"""
Factory audit: check a supplier before it sees anything.

:func:`audit_factory` evaluates a :class:`FactoryProfile` -- verifiable facts, each
``None`` until checked -- in the three steps of a factory audit (qualifications, quality
control, reputation) and against the three high-risk types:

* **a trading company posing as a factory** (贸易公司冒充工厂): refuses real-time workshop
  video, quotes far below market (RMB 20 against a market RMB 30);
* **poor quality control** (品控差): says samples meet requirements but refuses test
  reports or pre-production sign-off, or its own test report fails the limit;
* **insufficient certification capability** (认证能力不足): no certification case in the
  look-back window, vague answers.

Every threshold is a dated parameter in ``data/supply_chain.toml`` (common practice or
the library's policy, never law), so an embedding system overrides them with
:meth:`~tradesecret.rulebook.Rulebook.extended`. Each red flag carries its mitigations as
remedies; each fact not yet checked is ``UNKNOWN`` and leaves its rows open, naming it
(:func:`outstanding_checks`, ``Assessment.missing()``).

The checks are rows of :mod:`tradesecret.supply_chain._audit_rules`. Outcomes: a step or risk
criterion is ``NOT_MET`` when a checked fact fails (for a risk: the risk is indicated),
``INSUFFICIENT_EVIDENCE`` when nothing failed but a fact is unchecked, ``MET`` otherwise; the
assessment is :meth:`~tradesecret.results.Outcome.combine` of them.
"""

from __future__ import annotations

from typing import Final

import attrs
import pendulum

from tradesecret.engine import RuleTable
from tradesecret.exceptions import Problem
from tradesecret.facts import UNKNOWN
from tradesecret.results import Assessment, Criterion, Finding, Outcome
from tradesecret.rulebook import Rulebook, default_rulebook
from tradesecret.supply_chain._audit_model import FactoryProfile, LabResult, LiveVideo
from tradesecret.supply_chain._audit_rules import (
    RISKS,
    ROWS,
    STEPS,
    AuditFacts,
    AuditRow,
    audit_facts,
)
from tradesecret.supply_chain._common import COMMON_PRACTICE, POLICY, collect, date_or_problem, used

__all__ = [
    "FactoryProfile",
    "LabResult",
    "LiveVideo",
    "audit_factory",
    "outstanding_checks",
    "red_flags",
]

_CITES: Final = (POLICY, COMMON_PRACTICE)


def _table(criterion: str, rows: tuple[AuditRow, ...]) -> RuleTable[AuditFacts]:
    return RuleTable[AuditFacts](
        criterion=criterion, basis=_CITES, checks=tuple(r.check for r in rows)
    )


#: One table per audit step and per risk type, from the same rows.
STEP_TABLES: Final = tuple(
    (_table(f"supply_chain.audit.step.{s}", tuple(r for r in ROWS if r.step == s)), s)
    for s in STEPS
)
RISK_TABLES: Final = tuple(
    (_table(f"supply_chain.audit.risk.{k}", tuple(r for r in ROWS if r.risk == k)), k)
    for k in RISKS
)
_RISK_CODES: Final = frozenset(r.check.code for r in ROWS if r.risk is not None)
_OUTSTANDING: Final = {fact: r.outstanding for r in ROWS if r.outstanding for fact in r.check.facts}


def audit_factory(
    profile: FactoryProfile, *, as_of: object, rulebook: Rulebook | None = None
) -> Assessment:
    """
    Audit ``profile`` on ``as_of`` (see the module docstring).

    Returns:
        An :class:`~tradesecret.results.Assessment` of kind ``factory_audit`` with six
        criteria: ``supply_chain.audit.step.{qualifications,quality_control,reputation}``
        and ``supply_chain.audit.risk.{trading_company,poor_quality_control,weak_certification}``.

    Raises:
        InvalidInputError: a certification case dated after ``as_of``.
    """
    rb = rulebook or default_rulebook()
    day = _checked(profile, as_of)
    facts = audit_facts(profile, day, rb)
    groups = [
        *((table, [r for r in ROWS if r.step == step], False) for table, step in STEP_TABLES),
        *((table, [r for r in ROWS if r.risk == risk], True) for table, risk in RISK_TABLES),
    ]
    criteria = [
        _criterion(table, facts, day, rb, rows, subject=profile.factory_id, risk=is_risk)
        for table, rows, is_risk in groups
    ]
    return Assessment(
        kind="factory_audit",
        subject=profile.factory_id,
        as_of=day,
        outcome=Outcome.combine(c.outcome for c in criteria),
        citations=rb.cite_all(*_CITES),
        criteria=tuple(criteria),
        parameters=used(*facts.limits.values()),
    )


def _checked(profile: object, as_of: object) -> pendulum.Date:
    problems: list[Problem] = []
    day = date_or_problem(as_of, "as_of", problems)
    if not isinstance(profile, FactoryProfile):
        problems.append(Problem.of("profile", type(profile).__name__, "must be a FactoryProfile"))
    elif profile.certification_cases is not UNKNOWN and day is not None:
        problems.extend(
            Problem.of(f"certification_cases[{i}]", d, "dated after as_of")
            for i, d in enumerate(profile.certification_cases)
            if d > day
        )
    collect(problems)
    assert day is not None
    return day


def _criterion(
    table: RuleTable[AuditFacts],
    facts: AuditFacts,
    day: pendulum.Date,
    rb: Rulebook,
    rows: list[AuditRow],
    *,
    subject: str,
    risk: bool,
) -> Criterion:
    """A step lists its own findings (red flags sit with their risk); both count them."""
    limits = used(*(facts.limits[n] for r in rows for n in r.limits))
    c = table.evaluate(facts, on=day, rulebook=rb, parameters=limits)
    findings = [attrs.evolve(f, subject=subject) for f in c.findings]
    if not risk:
        findings = [f for f in findings if f.code not in _RISK_CODES]
    findings += _more_failed_tests(c, facts)
    return attrs.evolve(c, findings=tuple(findings))


def _more_failed_tests(c: Criterion, facts: AuditFacts) -> list[Finding]:
    """The row names the first failed test; each further one is its own finding."""
    first = next(
        (f for f in c.findings if f.code == "supply_chain.audit.red_flag.test_failed"), None
    )
    if first is None:
        return []
    return [
        attrs.evolve(
            first,
            args={"test": r.name, "measured": r.measured, "limit": r.limit, "unit": r.unit},
        )
        for r in facts.failed_tests[1:]
    ]


def red_flags(assessment: Assessment) -> tuple[Finding, ...]:
    """The red-flag findings of a factory audit (codes ``supply_chain.audit.red_flag.*``)."""
    return tuple(
        f for f in assessment.all_findings() if f.code.startswith("supply_chain.audit.red_flag.")
    )


def outstanding_checks(assessment: Assessment) -> tuple[str, ...]:
    """The facts still to check (``live_video``, ``price``, ...), in the checklist's order."""
    missing = {m.fact for m in assessment.missing()}
    names = (r.outstanding for r in ROWS if r.outstanding and missing & set(r.check.facts))
    return tuple(dict.fromkeys(names))
