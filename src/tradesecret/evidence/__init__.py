"""
Evidence-chain graph: right, access, infringement, custody -- and what is missing.

When a leak is discovered, counsel must assemble a chain a court will accept: the
secret exists and belongs to the applicant, it was protected, the respondent had
access, and it was (or is about to be) disclosed or used. This package holds that
chain as an immutable typed graph (:class:`EvidenceGraph`, built with
:class:`EvidenceGraphBuilder`), checks its integrity (:func:`verify`) and timeline
(:func:`check_temporal`), evaluates it under a named standard of proof
(:func:`evaluate`, :class:`StandardOfProof`) and says what is missing (:func:`gaps`).

See ``docs/concepts/evidence-chain.md`` for a worked example.
"""

from __future__ import annotations

from tradesecret.evidence.builder import EvidenceGraphBuilder
from tradesecret.evidence.custody import (
    CustodyEntry,
    CustodyLog,
    TimestampToken,
    TimestampVerifier,
    parse_log,
    sha256_hex,
)
from tradesecret.evidence.graph import EvidenceGraph
from tradesecret.evidence.integrity import IntegrityReport, verify
from tradesecret.evidence.model import (
    ACCESS_EVENTS,
    ACT_EVENTS,
    EDGE_RULES,
    Agreement,
    AgreementKind,
    Carrier,
    Claim,
    ClaimCode,
    CollectionMethod,
    Edge,
    EdgeKind,
    Event,
    EventKind,
    EvidenceItem,
    EvidenceKind,
    FormationRecord,
    Measure,
    MeasureKind,
    Node,
    NodeKind,
    Party,
    PartyRole,
    Secret,
    SecretKind,
    Stance,
)
from tradesecret.evidence.reasoning import (
    CLAIM_TREE,
    STANDARDS,
    Combine,
    EvidenceEvaluation,
    Gap,
    StandardOfProof,
    evaluate,
    gaps,
)
from tradesecret.evidence.temporal import check_temporal

__all__ = [
    "ACCESS_EVENTS",
    "ACT_EVENTS",
    "CLAIM_TREE",
    "EDGE_RULES",
    "STANDARDS",
    "Agreement",
    "AgreementKind",
    "Carrier",
    "Claim",
    "ClaimCode",
    "CollectionMethod",
    "Combine",
    "CustodyEntry",
    "CustodyLog",
    "Edge",
    "EdgeKind",
    "Event",
    "EventKind",
    "EvidenceEvaluation",
    "EvidenceGraph",
    "EvidenceGraphBuilder",
    "EvidenceItem",
    "EvidenceKind",
    "FormationRecord",
    "Gap",
    "IntegrityReport",
    "Measure",
    "MeasureKind",
    "Node",
    "NodeKind",
    "Party",
    "PartyRole",
    "Secret",
    "SecretKind",
    "Stance",
    "StandardOfProof",
    "TimestampToken",
    "TimestampVerifier",
    "check_temporal",
    "evaluate",
    "gaps",
    "parse_log",
    "sha256_hex",
    "verify",
]
