"""
The built-in case kinds, one per domain input.

Each kind's ``data`` class wraps the domain's own input types; the domain module is
imported only when the kind is used, so a partial installation still reads the others.
(Annotations here are evaluated eagerly on purpose: the classes are built inside
functions and the JSON Schema generator reads their real types.)
"""

import importlib
from collections.abc import Callable
from functools import cache
from typing import Any

import attrs
import pendulum

from tradesecret._convert import tuple_of
from tradesecret.casefile._core import CaseKind, CaseKinds, Runner
from tradesecret.facts import UNKNOWN, Fact
from tradesecret.rulebook import Rulebook


class _Lazy:
    """A domain module whose public names raise ImportError while they are missing."""

    def __init__(self, name: str) -> None:
        self._module = importlib.import_module(f"tradesecret.{name}")
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        try:
            return getattr(self._module, attr)
        except AttributeError:
            msg = f"tradesecret.{self._name} has no {attr}"
            raise ImportError(msg, name=f"tradesecret.{self._name}.{attr}") from None


def _module(name: str) -> Any:
    return _Lazy(name)


# --- trade secret + measures -------------------------------------------------------------


@cache
def trade_secret_case() -> type:
    """``data`` of a ``trade_secret`` case: a secret with its confidentiality measures."""
    definition = _module("definition")
    measures = _module("measures")
    secret_type = definition.TradeSecret
    measure_type = measures.ConfidentialityMeasure

    @attrs.frozen(kw_only=True)
    class TradeSecretCase:
        """
        A secret with the confidentiality measures that protect it.

        Attributes:
            secret: The information claimed as a trade secret.
            measures: The confidentiality measures in place.
        """

        secret: secret_type  # type: ignore[valid-type]
        measures: tuple[measure_type, ...] = attrs.field(  # type: ignore[valid-type]
            default=(), validator=tuple_of(measure_type)
        )

    return TradeSecretCase


def run_trade_secret(data: Any, as_of: pendulum.Date, rulebook: Rulebook) -> tuple[object, ...]:
    """Assess the secret (three elements) and its measures."""
    from tradesecret.casefile._runners import trade_secret  # noqa: PLC0415

    return trade_secret(data, as_of, rulebook)


# --- non-compete + ledger ----------------------------------------------------------------


@cache
def noncompete_ledger() -> type:
    """
    ``data.ledger`` of a ``noncompete`` case: the ledger's events, with ``terms``
    optional -- they are derived from ``employee`` and ``agreement`` (one source per
    fact); terms stated as well are cross-checked against them.
    """
    ledger = _module("ledger")
    facts = importlib.import_module("tradesecret.facts")
    base = attrs.resolve_types(ledger.CompensationLedger)
    these: dict[str, Any] = {
        "terms": attrs.field(default=facts.UNKNOWN, type=facts.Fact[ledger.LedgerTerms]),
    }
    for a in attrs.fields(base):
        if a.name != "terms":
            these[a.name] = attrs.field(default=a.default, validator=a.validator, type=a.type)
    cls = attrs.make_class(
        "NonCompeteLedger", these, bases=(base,), frozen=True, kw_only=True, slots=True
    )
    cls.__doc__ = (
        "The compensation ledger's events; terms are derived from the employee and the "
        "agreement (stated terms must agree with them)."
    )
    return cls


@cache
def noncompete_case() -> type:
    """``data`` of a ``noncompete`` case: an employee, the agreement and the payment history."""
    nc = _module("noncompete")
    employee_type = nc.EmployeeFacts
    agreement_type = nc.NonCompeteAgreement
    business_type = nc.BusinessProfile
    ledger_type = noncompete_ledger()
    breach_type = breach_section()

    @attrs.frozen(kw_only=True)
    class NonCompeteCase:
        """
        An employee with a non-compete and its compensation history.

        Attributes:
            employee: The employee, with wages and the secrets known.
            agreement: The non-compete agreement as written.
            business: The employer's business, for the scope review (optional).
            new_employer: The new employer's business, for a breach review (optional).
            ledger: The compensation ledger: dated events (payments, reminders...); its
                terms are derived from ``employee`` and ``agreement``.
            breach: A breach and what the remedies turn on (optional; see "After a breach").
        """

        employee: employee_type  # type: ignore[valid-type]
        agreement: agreement_type  # type: ignore[valid-type]
        business: business_type | None = None  # type: ignore[valid-type]
        new_employer: business_type | None = None  # type: ignore[valid-type]
        ledger: ledger_type | None = None  # type: ignore[valid-type]
        breach: breach_type | None = None  # type: ignore[valid-type]

    return NonCompeteCase


def run_noncompete(data: Any, as_of: pendulum.Date, rulebook: Rulebook) -> tuple[object, ...]:
    """Review the agreement, compute the floors and evaluate the ledger."""
    from tradesecret.casefile._runners import noncompete  # noqa: PLC0415

    return noncompete(data, as_of, rulebook)


# --- supply chain -------------------------------------------------------------------------


@cache
def supply_chain_case() -> type:
    """``data`` of a ``supply_chain`` case: a project, a supplier and the stage to plan."""
    sc = _module("supply_chain")
    project_type = sc.Project
    supplier_type = sc.Supplier
    handling_type = sc.ViolationHandling

    @attrs.frozen(kw_only=True)
    class SupplyChainCase:
        """
        A staged disclosure to one supplier.

        Attributes:
            project: The project: data items, stages, policy and planned releases.
            supplier: The supplier with its NDAs and authorization letters.
            stage: The stage to plan (``prototyping``, ``pilot_run``, ``mass_production``...).
            order_id: The order a mass-production release is limited to.
            handling: ``enforce`` (default: forms beyond the policy are reduced) or ``report``.
        """

        project: project_type  # type: ignore[valid-type]
        supplier: supplier_type  # type: ignore[valid-type]
        stage: str
        order_id: str | None = None
        handling: handling_type = handling_type.ENFORCE  # type: ignore[valid-type]

    return SupplyChainCase


@cache
def factory_audit_case() -> type:
    """``data`` of a ``factory_audit`` case: a factory profile."""
    sc = _module("supply_chain")
    profile_type = sc.FactoryProfile

    @attrs.frozen(kw_only=True)
    class FactoryAuditCase:
        """
        A factory to audit before it receives anything.

        Attributes:
            profile: What is known of the factory (video, utility bills, samples, disputes...).
        """

        profile: profile_type  # type: ignore[valid-type]

    return FactoryAuditCase


# --- preservation + evidence -------------------------------------------------------------------


@cache
def evidence_spec() -> type:
    """An evidence graph as JSON: typed node lists and typed edges."""
    ev = _module("evidence")
    secret_t, carrier_t, formation_t = ev.Secret, ev.Carrier, ev.FormationRecord
    party_t, measure_t, agreement_t = ev.Party, ev.Measure, ev.Agreement
    event_t, item_t, edge_t = ev.Event, ev.EvidenceItem, ev.Edge

    @attrs.frozen(kw_only=True)
    class EvidenceSpec:
        """
        An evidence chain: nodes by kind, then the typed edges between them.

        Attributes:
            secrets: The secrets.
            carriers: Where they are embodied.
            formation_records: How they were formed.
            parties: Owners, employees, respondents, notaries.
            measures: Confidentiality measures.
            agreements: NDAs, confidentiality clauses, non-competes, exit commitments.
            events: Timestamped acts (access, download, send to a personal address...).
            items: Evidence items with their SHA-256 and collection.
            edges: Typed edges (an edge between the wrong node kinds is an input error).
            secret: The secret to evaluate (default: the only one).
            respondent: The respondent party id (default: the only former employee).
            standard: The standard of proof (default: preponderance, for preservation).
        """

        secrets: tuple[secret_t, ...] = attrs.field(default=(), validator=tuple_of(secret_t))  # type: ignore[valid-type]
        carriers: tuple[carrier_t, ...] = attrs.field(default=(), validator=tuple_of(carrier_t))  # type: ignore[valid-type]
        formation_records: tuple[formation_t, ...] = attrs.field(  # type: ignore[valid-type]
            default=(), validator=tuple_of(formation_t)
        )
        parties: tuple[party_t, ...] = attrs.field(default=(), validator=tuple_of(party_t))  # type: ignore[valid-type]
        measures: tuple[measure_t, ...] = attrs.field(default=(), validator=tuple_of(measure_t))  # type: ignore[valid-type]
        agreements: tuple[agreement_t, ...] = attrs.field(  # type: ignore[valid-type]
            default=(), validator=tuple_of(agreement_t)
        )
        events: tuple[event_t, ...] = attrs.field(default=(), validator=tuple_of(event_t))  # type: ignore[valid-type]
        items: tuple[item_t, ...] = attrs.field(default=(), validator=tuple_of(item_t))  # type: ignore[valid-type]
        edges: tuple[edge_t, ...] = attrs.field(default=(), validator=tuple_of(edge_t))  # type: ignore[valid-type]
        secret: str | None = None
        respondent: str | None = None
        standard: str = "preponderance"

    return EvidenceSpec


@cache
def preservation_case() -> type:
    """``data`` of a ``preservation`` case: the application, its evidence and its dates."""
    pr = _module("preservation")
    application_t, dates_t = pr.Application, pr.PreservationDates
    spec_t = evidence_spec()

    @attrs.frozen(kw_only=True)
    class PreservationCase:
        """
        An application for conduct preservation with its evidence chain and procedural dates.

        Attributes:
            application: The application (parties, secrets, orders, harm, security...).
            evidence: The evidence chain; when given and the application states no claim
                outcomes, the claims come from its evaluation.
            dates: Procedural dates for the clocks (acceptance, execution, service...).
        """

        application: application_t  # type: ignore[valid-type]
        evidence: spec_t | None = None  # type: ignore[valid-type]
        dates: dates_t | None = None  # type: ignore[valid-type]

    return PreservationCase


# --- after a breach (remedies) -----------------------------------------------------------


@cache
def breach_section() -> type:
    """The ``breach`` section of a ``noncompete`` case: a breach and what the remedies turn on."""
    rm = _module("remedies")
    breach_t, business_t, income_t = rm.Breach, rm.Business, rm.IncomeFacts
    compensation_t, penalty_t = rm.CompensationClause, rm.PenaltyClause
    payment_t, scope_t = rm.Payment, rm.ReturnScope
    money_t = importlib.import_module("tradesecret.money").Money

    @attrs.frozen(kw_only=True)
    class BreachSection:
        """
        A breach of the non-compete, with the clauses and facts the remedies turn on. A field
        left out or ``null`` is not stated; the termination date, the period and the in-service
        clause come from the employee and the agreement.

        Attributes:
            breach: The breach (kind, dates, the competing business, indirect links...).
            employer: The former employer's actual business (default: the case's ``business``).
            compensation: The compensation clause, in one of the shapes the library reads.
            penalty: The penalty clause (shape ``none``: stated that there is none).
            income: Wages and income the clauses are measured on.
            payments: Compensation paid, month by month (``[]``: stated as none).
            return_scope: What the agreement says is returned on breach.
            loss: The employer's loss as stated.
        """

        breach: breach_t  # type: ignore[valid-type]
        employer: business_t | None = None  # type: ignore[valid-type]
        compensation: Fact[compensation_t] = UNKNOWN  # type: ignore[valid-type]
        penalty: Fact[penalty_t] = UNKNOWN  # type: ignore[valid-type]
        income: income_t = attrs.field(factory=income_t)  # type: ignore[valid-type]
        payments: Fact[tuple[payment_t, ...]] = UNKNOWN  # type: ignore[valid-type]
        return_scope: Fact[scope_t] = UNKNOWN  # type: ignore[valid-type]
        loss: Fact[money_t] = UNKNOWN  # type: ignore[valid-type]

    return BreachSection


@cache
def enforcement_case() -> type:
    """``data`` of a ``trade_secret_enforcement`` case: an infringing act."""
    rm = _module("remedies")
    act_t = rm.InfringingAct

    @attrs.frozen(kw_only=True)
    class EnforcementCase:
        """
        A trade-secret infringing act, for the fine band and the civil damages frame.

        Attributes:
            act: The act: its dates, seriousness, the actor, malice or intent, loss and gains.
        """

        act: act_t  # type: ignore[valid-type]

    return EnforcementCase


def _runner(name: str) -> Any:
    def run(data: Any, as_of: pendulum.Date, rulebook: Rulebook) -> tuple[object, ...]:
        from tradesecret.casefile import _runners  # noqa: PLC0415

        result: tuple[object, ...] = getattr(_runners, name)(data, as_of, rulebook)
        return result

    return run


def _kind(
    *,
    name: str,
    title_en: str,
    title_zh: str,
    requires: tuple[str, ...],
    data_type: Callable[[], type],
    run: Runner | None = None,
) -> CaseKind:
    """A built-in kind: its runner in ``_runners`` under its name unless given, its example
    ``<name>.json``."""
    return CaseKind(
        name=name,
        title_en=title_en,
        title_zh=title_zh,
        requires=requires,
        data_type=data_type,
        run=run if run is not None else _runner(name),
        example=f"{name}.json",
    )


BUILTIN_KINDS = CaseKinds(
    kinds=(
        _kind(name="trade_secret", title_en="Trade secret and confidentiality measures",
              title_zh="商业秘密及保密措施", requires=("tradesecret.definition", "tradesecret.measures"),
              data_type=trade_secret_case, run=run_trade_secret),
        _kind(name="noncompete", title_en="Non-compete agreement, compensation and ledger",
              title_zh="竞业限制协议、补偿与台账", requires=("tradesecret.noncompete", "tradesecret.ledger"),
              data_type=noncompete_case, run=run_noncompete),
        _kind(name="supply_chain", title_en="Supplier staged-disclosure plan", title_zh="供应商分阶段披露方案",
              requires=("tradesecret.supply_chain",), data_type=supply_chain_case),
        _kind(name="factory_audit", title_en="Factory confidentiality audit", title_zh="工厂保密审核",
              requires=("tradesecret.supply_chain",), data_type=factory_audit_case),
        _kind(name="preservation", title_en="Conduct-preservation application with its evidence",
              title_zh="行为保全申请及其证据", requires=("tradesecret.preservation", "tradesecret.evidence"),
              data_type=preservation_case),
        _kind(name="trade_secret_enforcement",
              title_en="Trade-secret enforcement: administrative fines and civil damages",
              title_zh="侵犯商业秘密：行政处罚与民事赔偿", requires=("tradesecret.remedies",),
              data_type=enforcement_case),
    )
)  # fmt: skip
