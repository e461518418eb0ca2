"""
tradesecret: PRC trade-secret and non-compete law as typed, cited, tested code.

The headline functions and types are importable from here; everything else lives
in submodules (:mod:`tradesecret.rulebook`, :mod:`tradesecret.dates`,
:mod:`tradesecret.results`, ...). Not legal advice.

Examples:
    >>> import tradesecret as ts
    >>> rb = ts.default_rulebook()
    >>> rb.param("noncompete.default_ratio", as_of=ts.to_date("2025-09-01")).as_ratio()
    Ratio(value=Decimal('0.30'))
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Presentation registers itself with the core (the core never imports it): resolved on use.
from tradesecret import presenters as _presenters
from tradesecret.dates import (
    ChinaCalendar,
    deadline,
    hours_after,
    month_periods,
    term_end,
    to_date,
    to_datetime,
)
from tradesecret.exceptions import (
    CitationError,
    ConflictingRulesError,
    CurrencyMismatchError,
    DataFileError,
    FloatNotAllowedError,
    InvalidInputError,
    MissingMessageError,
    NoApplicableRuleError,
    NoRuleInForceError,
    OutOfCoverageError,
    ParameterError,
    ParameterNotFoundError,
    Problem,
    TradeSecretError,
    UnknownRegionError,
)
from tradesecret.law import Authority, Citation, Instrument, Tier, Verification
from tradesecret.money import Money, Ratio
from tradesecret.rulebook import NoRule, ParameterValue, Region, Rulebook, default_rulebook

_presenters.register("explain", "tradesecret.i18n:explain")
_presenters.register("markdown", "tradesecret.reports:notebook_markdown")
_presenters.register("html", "tradesecret.reports:notebook_html")
_presenters.register("pretty", "tradesecret.reports:notebook_pretty")
_presenters.register("localizer", "tradesecret.i18n:Localizer.for_locale")
_presenters.register("evidence.graph.markdown", "tradesecret.evidence._display:to_markdown")
_presenters.register("evidence.graph.html", "tradesecret.evidence._display:to_html")

if TYPE_CHECKING:  # the domain layer loads lazily on first use; these give type checkers the names
    from tradesecret.casefile import (
        Case,
        CaseReview,
        case_schema,
        load_case,
        review_case,
    )
    from tradesecret.definition import (
        AccessEvent,
        AccessGrant,
        ClassificationTier,
        SecretKind,
        SecretRegistry,
        TradeSecret,
        assess_trade_secret,
        assess_trade_secrets,
    )
    from tradesecret.evidence import (
        EvidenceEvaluation,
        EvidenceGraph,
        EvidenceGraphBuilder,
        EvidenceItem,
        StandardOfProof,
    )
    from tradesecret.evidence import evaluate as evaluate_evidence
    from tradesecret.evidence import gaps as evidence_gaps
    from tradesecret.evidence import verify as verify_evidence
    from tradesecret.i18n import explain
    from tradesecret.ledger import (
        CompensationLedger,
        CompensationState,
        CuredArrears,
        InstalmentStatus,
        LedgerOptions,
        LedgerTerms,
        ReleaseRight,
        UndecidedActivation,
        activation_events_from_noncompete,
        build_schedule,
        evaluate_batch,
        evaluate_compensation,
        terms_from_noncompete,
    )
    from tradesecret.measures import (
        ConfidentialityMeasure,
        ExitProcedure,
        MeasureKind,
        NdaPolicy,
        NdaTier,
        NonDisclosureAgreement,
        assess_measures,
        check_exit,
        review_nda,
    )
    from tradesecret.noncompete import (
        CompensationFloor,
        CompensationTerms,
        EmployeeFacts,
        NonCompeteAgreement,
        PenaltyTerms,
        PersonnelCategory,
        WageRecord,
        assess_competition,
        average_monthly_wage,
        compensation_floor,
        employer_release,
        review_noncompete,
        review_penalty,
    )
    from tradesecret.preservation import (
        PreservationAssessment,
        PreservationDates,
        assess_preservation,
        preservation_deadlines,
        readiness_report,
    )
    from tradesecret.reports import (
        Report,
        render_html,
    )
    from tradesecret.results import (
        Assessment,
        Criterion,
        Determination,
        Finding,
        Outcome,
        Severity,
        Term,
        TraceStep,
    )
    from tradesecret.serialization import from_json, to_json
    from tradesecret.supply_chain import (
        CodeBook,
        CodingKey,
        DataItem,
        DisclosurePackage,
        FactoryProfile,
        Project,
        Supplier,
        audit_factory,
        certification_delay_penalty,
        check_floor_controls,
        leak_liquidated_damages,
        plan_disclosure,
        quality_penalty,
        trace_leak,
    )

__all__ = [
    "AccessEvent",
    "AccessGrant",
    "Assessment",
    "Authority",
    "Case",
    "CaseReview",
    "ChinaCalendar",
    "Citation",
    "CitationError",
    "ClassificationTier",
    "CodeBook",
    "CodingKey",
    "CompensationFloor",
    "CompensationLedger",
    "CompensationState",
    "CompensationTerms",
    "ConfidentialityMeasure",
    "ConflictingRulesError",
    "Criterion",
    "CuredArrears",
    "CurrencyMismatchError",
    "DataFileError",
    "DataItem",
    "Determination",
    "DisclosurePackage",
    "EmployeeFacts",
    "EvidenceEvaluation",
    "EvidenceGraph",
    "EvidenceGraphBuilder",
    "EvidenceItem",
    "ExitProcedure",
    "FactoryProfile",
    "Finding",
    "FloatNotAllowedError",
    "InstalmentStatus",
    "Instrument",
    "InvalidInputError",
    "LedgerOptions",
    "LedgerTerms",
    "MeasureKind",
    "MissingMessageError",
    "Money",
    "NdaPolicy",
    "NdaTier",
    "NoApplicableRuleError",
    "NoRule",
    "NoRuleInForceError",
    "NonCompeteAgreement",
    "NonDisclosureAgreement",
    "OutOfCoverageError",
    "Outcome",
    "ParameterError",
    "ParameterNotFoundError",
    "ParameterValue",
    "PenaltyTerms",
    "PersonnelCategory",
    "PreservationAssessment",
    "PreservationDates",
    "Problem",
    "Project",
    "Ratio",
    "Region",
    "ReleaseRight",
    "Report",
    "Rulebook",
    "SecretKind",
    "SecretRegistry",
    "Severity",
    "StandardOfProof",
    "Supplier",
    "Term",
    "Tier",
    "TraceStep",
    "TradeSecret",
    "TradeSecretError",
    "UndecidedActivation",
    "UnknownRegionError",
    "Verification",
    "WageRecord",
    "activation_events_from_noncompete",
    "assess_competition",
    "assess_measures",
    "assess_preservation",
    "assess_trade_secret",
    "assess_trade_secrets",
    "audit_factory",
    "average_monthly_wage",
    "build_schedule",
    "case_schema",
    "certification_delay_penalty",
    "check_exit",
    "check_floor_controls",
    "compensation_floor",
    "deadline",
    "default_rulebook",
    "employer_release",
    "evaluate_batch",
    "evaluate_compensation",
    "evaluate_evidence",
    "evidence_gaps",
    "explain",
    "from_json",
    "hours_after",
    "leak_liquidated_damages",
    "load_case",
    "month_periods",
    "plan_disclosure",
    "preservation_deadlines",
    "quality_penalty",
    "readiness_report",
    "render_html",
    "review_case",
    "review_nda",
    "review_noncompete",
    "review_penalty",
    "term_end",
    "terms_from_noncompete",
    "to_date",
    "to_datetime",
    "to_json",
    "trace_leak",
    "verify_evidence",
]


#: Top-level names served lazily from the domain packages: ``import tradesecret`` stays light.
_LAZY: dict[str, tuple[str, str]] = {
    # presentation (babel, cattrs) and the domains load on first use
    "explain": ("tradesecret.i18n", "explain"),
    "from_json": ("tradesecret.serialization", "from_json"),
    "to_json": ("tradesecret.serialization", "to_json"),
    "CuredArrears": ("tradesecret.ledger", "CuredArrears"),
    "UndecidedActivation": ("tradesecret.ledger", "UndecidedActivation"),
    "activation_events_from_noncompete": (
        "tradesecret.ledger",
        "activation_events_from_noncompete",
    ),
    "Case": ("tradesecret.casefile", "Case"),
    "CaseReview": ("tradesecret.casefile", "CaseReview"),
    "case_schema": ("tradesecret.casefile", "case_schema"),
    "load_case": ("tradesecret.casefile", "load_case"),
    "review_case": ("tradesecret.casefile", "review_case"),
    "Report": ("tradesecret.reports", "Report"),
    "render_html": ("tradesecret.reports", "render_html"),
    "AccessEvent": ("tradesecret.definition", "AccessEvent"),
    "AccessGrant": ("tradesecret.definition", "AccessGrant"),
    "ClassificationTier": ("tradesecret.definition", "ClassificationTier"),
    "SecretKind": ("tradesecret.definition", "SecretKind"),
    "SecretRegistry": ("tradesecret.definition", "SecretRegistry"),
    "TradeSecret": ("tradesecret.definition", "TradeSecret"),
    "assess_trade_secret": ("tradesecret.definition", "assess_trade_secret"),
    "assess_trade_secrets": ("tradesecret.definition", "assess_trade_secrets"),
    "ConfidentialityMeasure": ("tradesecret.measures", "ConfidentialityMeasure"),
    "ExitProcedure": ("tradesecret.measures", "ExitProcedure"),
    "MeasureKind": ("tradesecret.measures", "MeasureKind"),
    "NdaPolicy": ("tradesecret.measures", "NdaPolicy"),
    "NdaTier": ("tradesecret.measures", "NdaTier"),
    "NonDisclosureAgreement": ("tradesecret.measures", "NonDisclosureAgreement"),
    "assess_measures": ("tradesecret.measures", "assess_measures"),
    "check_exit": ("tradesecret.measures", "check_exit"),
    "review_nda": ("tradesecret.measures", "review_nda"),
    "CompensationFloor": ("tradesecret.noncompete", "CompensationFloor"),
    "CompensationTerms": ("tradesecret.noncompete", "CompensationTerms"),
    "EmployeeFacts": ("tradesecret.noncompete", "EmployeeFacts"),
    "NonCompeteAgreement": ("tradesecret.noncompete", "NonCompeteAgreement"),
    "PenaltyTerms": ("tradesecret.noncompete", "PenaltyTerms"),
    "PersonnelCategory": ("tradesecret.noncompete", "PersonnelCategory"),
    "WageRecord": ("tradesecret.noncompete", "WageRecord"),
    "assess_competition": ("tradesecret.noncompete", "assess_competition"),
    "average_monthly_wage": ("tradesecret.noncompete", "average_monthly_wage"),
    "compensation_floor": ("tradesecret.noncompete", "compensation_floor"),
    "employer_release": ("tradesecret.noncompete", "employer_release"),
    "review_noncompete": ("tradesecret.noncompete", "review_noncompete"),
    "review_penalty": ("tradesecret.noncompete", "review_penalty"),
    "CompensationLedger": ("tradesecret.ledger", "CompensationLedger"),
    "CompensationState": ("tradesecret.ledger", "CompensationState"),
    "InstalmentStatus": ("tradesecret.ledger", "InstalmentStatus"),
    "LedgerOptions": ("tradesecret.ledger", "LedgerOptions"),
    "LedgerTerms": ("tradesecret.ledger", "LedgerTerms"),
    "ReleaseRight": ("tradesecret.ledger", "ReleaseRight"),
    "build_schedule": ("tradesecret.ledger", "build_schedule"),
    "evaluate_batch": ("tradesecret.ledger", "evaluate_batch"),
    "evaluate_compensation": ("tradesecret.ledger", "evaluate_compensation"),
    "terms_from_noncompete": ("tradesecret.ledger", "terms_from_noncompete"),
    "EvidenceEvaluation": ("tradesecret.evidence", "EvidenceEvaluation"),
    "EvidenceGraph": ("tradesecret.evidence", "EvidenceGraph"),
    "EvidenceGraphBuilder": ("tradesecret.evidence", "EvidenceGraphBuilder"),
    "EvidenceItem": ("tradesecret.evidence", "EvidenceItem"),
    "StandardOfProof": ("tradesecret.evidence", "StandardOfProof"),
    "PreservationAssessment": ("tradesecret.preservation", "PreservationAssessment"),
    "PreservationDates": ("tradesecret.preservation", "PreservationDates"),
    "assess_preservation": ("tradesecret.preservation", "assess_preservation"),
    "preservation_deadlines": ("tradesecret.preservation", "preservation_deadlines"),
    "readiness_report": ("tradesecret.preservation", "readiness_report"),
    "CodeBook": ("tradesecret.supply_chain", "CodeBook"),
    "CodingKey": ("tradesecret.supply_chain", "CodingKey"),
    "DataItem": ("tradesecret.supply_chain", "DataItem"),
    "DisclosurePackage": ("tradesecret.supply_chain", "DisclosurePackage"),
    "FactoryProfile": ("tradesecret.supply_chain", "FactoryProfile"),
    "Project": ("tradesecret.supply_chain", "Project"),
    "Supplier": ("tradesecret.supply_chain", "Supplier"),
    "audit_factory": ("tradesecret.supply_chain", "audit_factory"),
    "certification_delay_penalty": ("tradesecret.supply_chain", "certification_delay_penalty"),
    "check_floor_controls": ("tradesecret.supply_chain", "check_floor_controls"),
    "leak_liquidated_damages": ("tradesecret.supply_chain", "leak_liquidated_damages"),
    "plan_disclosure": ("tradesecret.supply_chain", "plan_disclosure"),
    "quality_penalty": ("tradesecret.supply_chain", "quality_penalty"),
    "trace_leak": ("tradesecret.supply_chain", "trace_leak"),
    "evaluate_evidence": ("tradesecret.evidence", "evaluate"),
    "evidence_gaps": ("tradesecret.evidence", "gaps"),
    "verify_evidence": ("tradesecret.evidence", "verify"),
    # results (layer 2): not needed to load the law data or run the batch path
    **{
        name: ("tradesecret.results", name)
        for name in (
            "Assessment",
            "Criterion",
            "Determination",
            "Finding",
            "Outcome",
            "Severity",
            "Term",
            "TraceStep",
        )
    },
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attribute = _LAZY[name]
        value = getattr(importlib.import_module(module), attribute)
        globals()[name] = value
        return value
    if name == "__version__":
        metadata = importlib.import_module("importlib.metadata")
        try:
            return metadata.version("tradesecret")
        except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
            return "0+unknown"
    msg = f"module 'tradesecret' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
