"""How each case kind is reviewed: the domain calls, in order."""

from __future__ import annotations

import contextlib
import importlib
from typing import Any

import attrs
import pendulum

from tradesecret.casefile._noncompete import noncompete_ledger
from tradesecret.exceptions import InvalidInputError, OutOfCoverageError, Problem
from tradesecret.facts import UNKNOWN as _UNKNOWN
from tradesecret.i18n import Format, Localizer, explain
from tradesecret.rulebook import Rulebook


def _fn(module: str, name: str) -> Any:
    return getattr(importlib.import_module(f"tradesecret.{module}"), name, None)


def trade_secret(data: Any, as_of: pendulum.Date, rulebook: Rulebook) -> tuple[object, ...]:
    """The three-element assessment of the secret, then the measures on their own."""
    out: list[object] = []
    assess = _fn("definition", "assess_trade_secret")
    if assess is not None:
        out.append(assess(data.secret, as_of=as_of, measures=data.measures, rulebook=rulebook))
    return tuple(out)


def noncompete(data: Any, as_of: pendulum.Date, rulebook: Rulebook) -> tuple[object, ...]:
    """Agreement review, the compensation floors, then the ledger as of the date."""
    nc = importlib.import_module("tradesecret.noncompete")
    out: list[object] = [
        nc.review_noncompete(data.agreement, data.employee, as_of=as_of, rulebook=rulebook)
    ]
    employee = data.employee
    wages = importlib.import_module("tradesecret.noncompete.wages")
    if employee.termination_date is not None and wages.has_wage(employee):
        # No default rule (before 2013-02-01) or no minimum wage: the review says so.
        with contextlib.suppress(OutOfCoverageError):
            out.append(
                nc.compensation_floor(data.agreement, employee, as_of=as_of, rulebook=rulebook)
            )
    evaluate = _fn("ledger", "evaluate_compensation")
    if evaluate is not None and data.ledger is not None:
        ledger = noncompete_ledger(data, as_of, rulebook)
        # The ledger's rules (Interp. (IV) Arts. 8-9 from 2013-02-01) must be law at
        # termination; before them the review says there was no such rule.
        with contextlib.suppress(OutOfCoverageError):
            rulebook.param("noncompete.release_unpaid_months", as_of=ledger.terms.termination_date)
            out.append(evaluate(ledger, as_of=as_of, rulebook=rulebook))
    out.extend(breach_remedies(data, as_of, rulebook))
    return tuple(out)


def _stated(value: Any) -> Any:
    """A case-file value as a fact: ``None`` (left out) is not stated."""
    return _UNKNOWN if value is None else value


def _business(profile: Any) -> Any:
    """A non-compete ``BusinessProfile`` as a remedies ``Business``: an empty list is not stated."""
    rm = importlib.import_module("tradesecret.remedies")
    fields = ("registered_scope", "business_lines", "products", "customers", "markets")
    values = {f: (tuple(getattr(profile, f)) or _UNKNOWN) for f in fields}
    return rm.Business(name=profile.name, **values)


def breach_remedies(data: Any, as_of: pendulum.Date, rulebook: Rulebook) -> tuple[object, ...]:
    """The remedies for the case's ``breach`` section, if it has one."""
    section = getattr(data, "breach", None)
    if section is None:
        return ()
    rm = importlib.import_module("tradesecret.remedies")
    employer = section.employer
    if employer is None and getattr(data, "business", None) is not None:
        employer = _business(data.business)
    agreement, employee = data.agreement, data.employee
    case = rm.AfterBreach(
        breach=section.breach,
        employer=employer,
        termination_date=_stated(getattr(employee, "termination_date", None)),
        restriction_months=_stated(getattr(agreement, "duration_months", None)),
        in_service_clause=_stated(getattr(agreement, "in_service", None)),
        compensation=section.compensation,
        penalty=section.penalty,
        income=section.income,
        payments=section.payments,
        return_scope=section.return_scope,
        loss=section.loss,
    )
    return (rm.remedies(case, as_of=as_of, rulebook=rulebook),)


def trade_secret_enforcement(
    data: Any, as_of: pendulum.Date, rulebook: Rulebook
) -> tuple[object, ...]:
    """The fine band and the civil damages frame under the AUCL version that governs the act."""
    rm = importlib.import_module("tradesecret.remedies")
    return (rm.review_enforcement(data.act, as_of=as_of, rulebook=rulebook),)


def supply_chain(data: Any, as_of: pendulum.Date, rulebook: Rulebook) -> tuple[object, ...]:
    """The disclosure package for the stage (a coded item needs the owner's key: see below)."""
    sc = importlib.import_module("tradesecret.supply_chain")
    package = sc.plan_disclosure(
        data.project,
        data.supplier,
        data.stage,
        as_of=as_of,
        rulebook=rulebook,
        order_id=data.order_id,
        key=_demo_key(sc),
        handling=data.handling,
    )
    return (package,)


def _demo_key(sc: Any) -> Any:
    """
    The coding key for case-file reviews: a fixed, public key.

    Codes depend on the key, so a review run from a case file shows *which* items go out
    coded and in what form, with codes that are stable between runs; the codes for real
    disclosure come from the owner's secret key through
    :func:`tradesecret.supply_chain.plan_disclosure`, never from a case file.
    """
    return sc.CodingKey(secret=b"tradesecret-case-file-review-key")


def factory_audit(data: Any, as_of: pendulum.Date, rulebook: Rulebook) -> tuple[object, ...]:
    """The factory audit (red flags and outstanding checks)."""
    sc = importlib.import_module("tradesecret.supply_chain")
    return (sc.audit_factory(data.profile, as_of=as_of, rulebook=rulebook),)


@attrs.frozen(kw_only=True)
class EvidenceReview:
    """
    An evidence graph with its evaluation: reports draw the graph and explain the evaluation.

    Attributes:
        graph: The evidence graph built from the case file.
        evaluation: Its evaluation (claims, gaps, paths).
    """

    graph: Any = attrs.field(eq=False)
    evaluation: Any

    def __explain__(self, loc: Localizer, fmt: Format) -> str:
        return explain(self.evaluation, locale=loc.locale, format=fmt)


def build_graph(spec: Any) -> Any:
    """
    The :class:`~tradesecret.evidence.EvidenceGraph` of an evidence spec.

    Raises:
        InvalidInputError: every bad node or edge, with its path in the case file.
    """
    ev = importlib.import_module("tradesecret.evidence")
    builder = ev.EvidenceGraphBuilder()
    problems: list[Problem] = []
    for field in (
        "secrets",
        "carriers",
        "formation_records",
        "parties",
        "measures",
        "agreements",
        "events",
        "items",
    ):
        for i, node in enumerate(getattr(spec, field)):
            try:
                builder.add(node)
            except InvalidInputError as exc:
                problems += [
                    attrs.evolve(p, path=f"$.data.evidence.{field}[{i}]") for p in exc.problems
                ]
    for i, edge in enumerate(spec.edges):
        try:
            builder.link(
                edge.kind,
                edge.source,
                edge.target,
                stance=edge.stance,
                strength=edge.strength,
                note=edge.note,
            )
        except InvalidInputError as exc:
            problems += [_edge_problem(p, f"$.data.evidence.edges[{i}]") for p in exc.problems]
    if problems:
        raise InvalidInputError(problems)
    return builder.build()


def claims_from_evaluation(evaluation: Any, secret: str) -> tuple[Any, ...]:
    """
    The preservation claim outcomes an evidence evaluation gives.

    Mapping (the library's reading; the preservation factors need five claims): *secret*
    combines not-publicly-known, commercial value, measures and content defined (any not
    met -> not met, see :func:`tradesecret.definition.combine_outcomes`); *ownership*,
    *access*, *similarity* and the *infringing act* map one to one. Gaps are rendered in
    Chinese, the authoritative language of the library's messages.
    """
    ev = importlib.import_module("tradesecret.evidence")
    pr = importlib.import_module("tradesecret.preservation")
    combine = importlib.import_module("tradesecret.definition").combine_outcomes
    loc = Localizer.for_locale("zh_CN")
    code = ev.ClaimCode
    groups = {
        pr.Claim.SECRET: (
            code.NOT_PUBLICLY_KNOWN,
            code.COMMERCIAL_VALUE,
            code.MEASURES,
            code.CONTENT_DEFINED,
        ),
        pr.Claim.OWNERSHIP: (code.OWNERSHIP,),
        pr.Claim.ACCESS: (code.ACCESS,),
        pr.Claim.SIMILARITY: (code.SIMILARITY,),
        pr.Claim.INFRINGING_ACT: (code.ACT,),
    }
    out = []
    for claim, codes in groups.items():
        criteria = [evaluation.claim(c) for c in codes]
        evidence = tuple(dict.fromkeys(e for c in criteria for e in c.evidence))
        gaps = tuple(
            loc.message(g.code, g.args)
            for g in evaluation.gaps
            if g.claim in codes and loc.has(g.code)
        )
        out.append(
            pr.ClaimInput(
                claim=claim,
                outcome=combine(c.outcome for c in criteria),
                evidence=evidence,
                gaps=gaps,
                secret=secret,
            )
        )
    return tuple(out)


def preservation(data: Any, as_of: pendulum.Date, rulebook: Rulebook) -> tuple[object, ...]:
    """Evidence evaluation (if given), the five-factor readiness assessment, then the clocks."""
    ev = importlib.import_module("tradesecret.evidence")
    pr = importlib.import_module("tradesecret.preservation")
    out: list[object] = []
    application = data.application
    spec = data.evidence
    if spec is not None:
        graph = build_graph(spec)
        secret = spec.secret or (application.secrets[0].id if application.secrets else None)
        evaluation = ev.evaluate(
            graph,
            standard=spec.standard,
            as_of=as_of,
            secret=secret,
            respondent=spec.respondent,
            rulebook=rulebook,
        )
        out.append(EvidenceReview(graph=graph, evaluation=evaluation))
        if not application.claims and secret is not None:
            application = attrs.evolve(
                application, claims=claims_from_evaluation(evaluation, secret)
            )
    out.append(pr.assess_preservation(application, as_of=as_of, rulebook=rulebook))
    if data.dates is not None:
        out.append(pr.preservation_deadlines(data.dates, as_of=as_of, rulebook=rulebook))
    return tuple(out)


def _edge_problem(problem: Problem, at: str) -> Problem:
    """A builder's problem about an edge (``edge.<kind>.source``) at the edge's JSON path
    (``$.data.evidence.edges[3].source``), its template and parameters kept."""
    parts = problem.path.split(".")
    field = ".".join(parts[2:]) if parts[0] == "edge" else ""
    return problem.at(f"{at}.{field}" if field else at)
