"""
The typed vocabulary of the evidence graph: node kinds, edge kinds and their rules.

Every node is a frozen attrs object with a unique ``id``; every edge has an
:class:`EdgeKind` whose allowed source and target node kinds are fixed in
:data:`EDGE_RULES`. An edge between the wrong kinds of node is an input error
(:class:`~tradesecret.exceptions.InvalidInputError`), raised by the builder.

Timestamps are aware :class:`pendulum.DateTime` values (convert input with
:func:`tradesecret.dates.to_datetime`); a naive time is refused.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Final, TypeAlias

import attrs
import pendulum

from tradesecret._convert import tuple_of
from tradesecret.evidence._fields import (
    aware,
    check_sha256,
    day_of,
    fact_time,
    optional_sha,
    sha,
    valid_id,
)
from tradesecret.exceptions import InvalidInputError
from tradesecret.facts import UNKNOWN, Fact

__all__ = [
    "ACCESS_EVENTS",
    "ACT_EVENTS",
    "EDGE_RULES",
    "Agreement",
    "AgreementKind",
    "Carrier",
    "Claim",
    "ClaimCode",
    "CollectionMethod",
    "Edge",
    "EdgeKind",
    "Event",
    "EventKind",
    "EvidenceItem",
    "EvidenceKind",
    "FormationRecord",
    "Measure",
    "MeasureKind",
    "Node",
    "NodeKind",
    "Party",
    "PartyRole",
    "Secret",
    "SecretKind",
    "Stance",
    "check_sha256",
    "day_of",
    "kind_of",
]


class NodeKind(enum.Enum):
    """What a node stands for."""

    SECRET = "secret"  # noqa: S105 - not a password
    CARRIER = "carrier"
    FORMATION_RECORD = "formation_record"
    PARTY = "party"
    MEASURE = "measure"
    AGREEMENT = "agreement"
    EVENT = "event"
    EVIDENCE = "evidence"
    CLAIM = "claim"


class SecretKind(enum.Enum):
    """Technical or business information (SPC 2020 Art. 1)."""

    TECHNICAL = "technical"
    BUSINESS = "business"


class PartyRole(enum.Enum):
    """Who a party is."""

    COMPANY = "company"
    EMPLOYEE = "employee"
    FORMER_EMPLOYEE = "former_employee"
    INDIVIDUAL = "individual"
    THIRD_PARTY = "third_party"
    NOTARY = "notary"
    FORENSIC_EXAMINER = "forensic_examiner"


class MeasureKind(enum.Enum):
    """The confidentiality measures listed in SPC 2020 Art. 6 (items 1-7)."""

    AGREEMENT = "agreement"  # 1 签订保密协议或在合同中约定保密义务
    REQUIREMENTS = "requirements"  # 2 章程、培训、规章制度、书面告知等
    PREMISES = "premises"  # 3 涉密场所限制访客或区分管理
    MARKING_AND_ACCESS_LIMITS = (
        "marking_and_access_limits"  # 4 标记、分类、隔离、加密、封存、限定知悉范围
    )
    DEVICE_RESTRICTIONS = "device_restrictions"  # 5 计算机设备、网络设备等的使用限制
    EXIT_PROCEDURES = "exit_procedures"  # 6 离职登记、返还、清除、销毁
    OTHER = "other"  # 7 其他合理保密措施


class AgreementKind(enum.Enum):
    """Agreements that bind a person to confidentiality."""

    NDA = "nda"
    EMPLOYMENT_CONFIDENTIALITY = "employment_confidentiality"
    NONCOMPETE = "noncompete"
    EXIT_COMMITMENT = "exit_commitment"
    OTHER = "other"


class EventKind(enum.Enum):
    """Timestamped acts recorded in the graph."""

    ACCESS = "access"
    COPY = "copy"
    DOWNLOAD = "download"
    SEND_PERSONAL = "send_personal"  # send or forward to a personal address
    UPLOAD = "upload"
    PRINT = "print"
    DISCLOSURE = "disclosure"
    USE = "use"
    DEPARTURE = "departure"


#: Events that show contact with a carrier (SPC 2020 Art. 12 item 4).
ACCESS_EVENTS: Final = frozenset(
    {
        EventKind.ACCESS,
        EventKind.COPY,
        EventKind.DOWNLOAD,
        EventKind.SEND_PERSONAL,
        EventKind.UPLOAD,
        EventKind.PRINT,
    }
)
#: Events that can be the act complained of (acquisition, disclosure, use).
ACT_EVENTS: Final = frozenset(
    {
        EventKind.COPY,
        EventKind.DOWNLOAD,
        EventKind.SEND_PERSONAL,
        EventKind.UPLOAD,
        EventKind.PRINT,
        EventKind.DISCLOSURE,
        EventKind.USE,
    }
)


class EvidenceKind(enum.Enum):
    """Kinds of evidence item."""

    ACCESS_LOG = "access_log"
    CLOUD_OPERATION_RECORD = "cloud_operation_record"
    EMAIL = "email"
    CHAT_RECORD = "chat_record"
    SURVEILLANCE_FOOTAGE = "surveillance_footage"
    NOTARIZED_CAPTURE = "notarized_capture"
    WITNESS_STATEMENT = "witness_statement"
    CONTRACT = "contract"
    POLICY_RECORD = "policy_record"
    HR_RECORD = "hr_record"
    FORMATION_DOCUMENT = "formation_document"
    SECRET_SPECIFICATION = "secret_specification"  # noqa: S105
    PUBLIC_SEARCH_REPORT = "public_search_report"
    VALUATION_REPORT = "valuation_report"
    DISCLOSURE_MANIFEST = "disclosure_manifest"
    EXPERT_REPORT = "expert_report"
    FORENSIC_IMAGE = "forensic_image"
    OTHER = "other"


class CollectionMethod(enum.Enum):
    """How an evidence item was collected."""

    SYSTEM_EXPORT = "system_export"
    NOTARIZED = "notarized"
    FORENSIC_IMAGING = "forensic_imaging"
    SCREEN_CAPTURE = "screen_capture"
    COURT_ORDER = "court_order"
    INTERVIEW = "interview"
    DOCUMENT_PRODUCTION = "document_production"
    OTHER = "other"


class Stance(enum.Enum):
    """Whether an item supports or rebuts what it points at."""

    SUPPORTS = "supports"
    REBUTS = "rebuts"


class ClaimCode(enum.Enum):
    """
    The legal claims of the claim tree (see :mod:`tradesecret.evidence.reasoning`).

    The value is also the finding code / message id ``evidence.claim.<value>``.
    """

    INFRINGEMENT = "infringement"
    RIGHT = "right"
    NOT_PUBLICLY_KNOWN = "right.not_publicly_known"
    COMMERCIAL_VALUE = "right.commercial_value"
    MEASURES = "right.measures"
    CONTENT_DEFINED = "right.content_defined"
    OWNERSHIP = "right.ownership"
    ACCESS = "access"
    SIMILARITY = "similarity"
    ACT = "act"
    IMPROPER_ACQUISITION = "act.improper_acquisition"
    DISCLOSURE_OR_USE = "act.disclosure_or_use"
    BREACH_OF_DUTY = "act.breach_of_duty"
    INFERRED_FROM_ACCESS_AND_SIMILARITY = "act.inferred"
    BURDEN_SHIFT_NOT_A_SECRET = "burden_shift.not_a_secret"  # noqa: S105
    BURDEN_SHIFT_NON_INFRINGEMENT = "burden_shift.non_infringement"

    @property
    def message(self) -> str:
        """The message id ``evidence.claim.<value>``."""
        return f"evidence.claim.{self.value}"


# -- nodes -----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Secret:
    """
    A claimed trade secret.

    Attributes:
        id: Unique node id.
        name: Short name (e.g. ``"Gearbox drawings v3"``).
        kind: Technical or business information.
        description: The content as the holder defines it (SPC 2020 Art. 27).
    """

    id: str = attrs.field(validator=valid_id)
    name: str
    kind: SecretKind = SecretKind.TECHNICAL
    description: str = ""

    node_kind = NodeKind.SECRET


@attrs.frozen(kw_only=True)
class Carrier:
    """
    A carrier (载体) of a secret: a document, a repository, a drawing, a device.

    Attributes:
        id: Unique node id (an access log's document id, for ingested logs).
        name: Human-readable name.
        medium: What it is (``document``, ``source_code``, ``drawing``...).
        location: Where it is kept (system, share, path).
    """

    id: str = attrs.field(validator=valid_id)
    name: str = ""
    medium: str = "document"
    location: str = ""

    node_kind = NodeKind.CARRIER


@attrs.frozen(kw_only=True)
class FormationRecord:
    """
    A record of how the secret was formed (R&D log, commit history, lab notebook).

    Attributes:
        id: Unique node id.
        description: What it records.
        created_at: When the record was made (default: not stated).
    """

    id: str = attrs.field(validator=valid_id)
    description: str
    created_at: Fact[pendulum.DateTime] = attrs.field(
        default=UNKNOWN, converter=fact_time, validator=aware
    )

    node_kind = NodeKind.FORMATION_RECORD


@attrs.frozen(kw_only=True)
class Party:
    """
    An owner, employee, former employee, company or other party.

    Attributes:
        id: Unique node id.
        name: Name.
        role: Role in the matter.
        post: Post or title (SPC 2020 Art. 12 item 1).
        duties: Duties and tasks touching the secret (Art. 12 items 1-3).
        departed_at: When the person left, if they did; events after it are flagged
            (default: not stated).
    """

    id: str = attrs.field(validator=valid_id)
    name: str
    role: PartyRole = PartyRole.EMPLOYEE
    post: str = ""
    duties: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    departed_at: Fact[pendulum.DateTime] = attrs.field(
        default=UNKNOWN, converter=fact_time, validator=aware
    )

    node_kind = NodeKind.PARTY


@attrs.frozen(kw_only=True)
class Measure:
    """
    A confidentiality measure (SPC 2020 Arts. 5-6).

    Attributes:
        id: Unique node id.
        kind: Which Art. 6 item it is.
        description: What it is.
        since: When it was first in place; must predate the act complained of (Art. 5(1)).
            Not stated (the default): the measure is neither counted nor said to come
            after the act -- the rule is undetermined and names the date.
    """

    id: str = attrs.field(validator=valid_id)
    kind: MeasureKind
    description: str = ""
    since: Fact[pendulum.DateTime] = attrs.field(
        default=UNKNOWN, converter=fact_time, validator=aware
    )

    node_kind = NodeKind.MEASURE


@attrs.frozen(kw_only=True)
class Agreement:
    """
    An agreement binding a party to confidentiality (SPC 2020 Art. 6 item 1, Art. 10).

    Attributes:
        id: Unique node id.
        kind: NDA, confidentiality clause, non-compete, exit commitment.
        description: What it says.
        signed_at: When it was signed; must predate the act complained of (default: not
            stated, see ``Measure.since``).
    """

    id: str = attrs.field(validator=valid_id)
    kind: AgreementKind = AgreementKind.NDA
    description: str = ""
    signed_at: Fact[pendulum.DateTime] = attrs.field(
        default=UNKNOWN, converter=fact_time, validator=aware
    )

    node_kind = NodeKind.AGREEMENT


@attrs.frozen(kw_only=True, cache_hash=False)
class Event:
    """
    A timestamped act: an access, a copy, a forward to a personal mailbox, a departure.

    Built in bulk by :mod:`tradesecret.evidence.ingest`; kept small on purpose.

    Attributes:
        id: Unique node id.
        kind: What happened.
        at: When (aware).
        detail: Destination address, file name, channel, as recorded.
        record_sha256: SHA-256 of the source record (log line) it was read from, if any.
    """

    id: str
    kind: EventKind
    at: pendulum.DateTime = attrs.field(validator=aware)
    detail: str = ""
    record_sha256: str = attrs.field(default="", validator=optional_sha)

    node_kind = NodeKind.EVENT


@attrs.frozen(kw_only=True)
class EvidenceItem:
    """
    One item of evidence: what it is, its SHA-256, who collected it, when and how.

    Attributes:
        id: Unique node id (an exhibit number).
        kind: What kind of evidence.
        sha256: SHA-256 of the item's content, lower-case hex.
        collected_by: Id of the party who collected it (the first custodian).
        collected_at: When it was collected (aware).
        method: How it was collected.
        description: What it is.
        source: Where the original is (system, mailbox, notary office).
    """

    id: str = attrs.field(validator=valid_id)
    kind: EvidenceKind
    sha256: str = attrs.field(validator=sha)
    collected_by: str = attrs.field(validator=valid_id)
    collected_at: pendulum.DateTime = attrs.field(validator=aware)
    method: CollectionMethod = CollectionMethod.SYSTEM_EXPORT
    description: str = ""
    source: str = ""

    node_kind = NodeKind.EVIDENCE


@attrs.frozen(kw_only=True)
class Claim:
    """
    A legal claim about one secret (and, for conduct claims, one respondent).

    Evidence items point at claims with :attr:`EdgeKind.EVIDENCES` edges. Build the id
    with :meth:`make_id` (the builder's ``claim()`` does).

    Attributes:
        id: ``claim:<code>:<secret>[:<respondent>]``.
        code: Which claim of the tree.
        secret: Secret id.
        respondent: Respondent party id for conduct claims; ``None`` for the right.
    """

    id: str = attrs.field(validator=valid_id)
    code: ClaimCode
    secret: str
    respondent: str | None = None

    node_kind = NodeKind.CLAIM

    @staticmethod
    def make_id(code: ClaimCode, secret: str, respondent: str | None = None) -> str:
        """The canonical id of a claim node."""
        tail = f":{respondent}" if respondent is not None else ""
        return f"claim:{code.value}:{secret}{tail}"


#: Any node of the graph.
Node: TypeAlias = (
    Secret | Carrier | FormationRecord | Party | Measure | Agreement | Event | EvidenceItem | Claim
)

NODE_CLASSES: Final[Mapping[NodeKind, type[Node]]] = MappingProxyType(
    {
        NodeKind.SECRET: Secret,
        NodeKind.CARRIER: Carrier,
        NodeKind.FORMATION_RECORD: FormationRecord,
        NodeKind.PARTY: Party,
        NodeKind.MEASURE: Measure,
        NodeKind.AGREEMENT: Agreement,
        NodeKind.EVENT: Event,
        NodeKind.EVIDENCE: EvidenceItem,
        NodeKind.CLAIM: Claim,
    }
)


def kind_of(node: Node) -> NodeKind:
    """The :class:`NodeKind` of a node object."""
    return node.node_kind


# -- edges -----------------------------------------------------------------------------------


class EdgeKind(enum.Enum):
    """Typed relations. :data:`EDGE_RULES` says which node kinds each may join."""

    EMBODIES = "embodies"  # carrier -> secret
    FORMED_BY = "formed_by"  # secret -> formation record
    OWNS = "owns"  # party -> secret / carrier
    PROTECTED_BY = "protected_by"  # secret / carrier -> measure / agreement
    BOUND_BY = "bound_by"  # party -> agreement / measure
    PERFORMED = "performed"  # party -> event
    TARGETS = "targets"  # event -> carrier / secret
    EVIDENCES = "evidences"  # evidence item -> anything but evidence (with stance, strength)
    CUSTODY = "custody"  # evidence item -> party who held it


_ALL_BUT_EVIDENCE: Final = frozenset(NodeKind) - {NodeKind.EVIDENCE}

#: For each edge kind: (allowed source kinds, allowed target kinds).
EDGE_RULES: Final[Mapping[EdgeKind, tuple[frozenset[NodeKind], frozenset[NodeKind]]]] = (
    MappingProxyType(
        {
            EdgeKind.EMBODIES: (frozenset({NodeKind.CARRIER}), frozenset({NodeKind.SECRET})),
            EdgeKind.FORMED_BY: (
                frozenset({NodeKind.SECRET}),
                frozenset({NodeKind.FORMATION_RECORD}),
            ),
            EdgeKind.OWNS: (
                frozenset({NodeKind.PARTY}),
                frozenset({NodeKind.SECRET, NodeKind.CARRIER}),
            ),
            EdgeKind.PROTECTED_BY: (
                frozenset({NodeKind.SECRET, NodeKind.CARRIER}),
                frozenset({NodeKind.MEASURE, NodeKind.AGREEMENT}),
            ),
            EdgeKind.BOUND_BY: (
                frozenset({NodeKind.PARTY}),
                frozenset({NodeKind.AGREEMENT, NodeKind.MEASURE}),
            ),
            EdgeKind.PERFORMED: (frozenset({NodeKind.PARTY}), frozenset({NodeKind.EVENT})),
            EdgeKind.TARGETS: (
                frozenset({NodeKind.EVENT}),
                frozenset({NodeKind.CARRIER, NodeKind.SECRET}),
            ),
            EdgeKind.EVIDENCES: (frozenset({NodeKind.EVIDENCE}), _ALL_BUT_EVIDENCE),
            EdgeKind.CUSTODY: (frozenset({NodeKind.EVIDENCE}), frozenset({NodeKind.PARTY})),
        }
    )
)


def _strength(_instance: object, _attribute: object, value: Decimal) -> None:
    if isinstance(value, bool) or not isinstance(value, Decimal) or not (0 <= value <= 1):
        raise InvalidInputError.single("strength", value, "must be a number from 0 to 1")


@attrs.frozen(kw_only=True)
class Edge:
    """
    One typed edge, as returned by queries.

    Attributes:
        kind: The relation.
        source: Source node id.
        target: Target node id.
        stance: For ``EVIDENCES``: supports or rebuts.
        strength: For ``EVIDENCES``: how strongly, in [0, 1].
        note: Free text (e.g. which page of an exhibit).
    """

    kind: EdgeKind
    source: str
    target: str
    stance: Stance | None = None
    strength: Decimal | None = attrs.field(
        default=None, validator=attrs.validators.optional(_strength)
    )
    note: str = ""
