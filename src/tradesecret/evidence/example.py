"""
The worked example of the docs: a former employee forwards technical documents to a
personal mailbox before leaving.

Wang Lei, a senior design engineer at ACME Gear Co., views the gearbox specification,
downloads the drawing, forwards both to ``wang1987@qq.com`` three days before leaving, and
his VPN account is used to view the specification two days after he left. ACME holds the
signed NDA, a classification policy, the R&D log, a statement of the secret points, a
non-public search report and a valuation; its IT department exports the document-system
log and the mail-gateway record and hands everything to outside counsel.

:func:`example_builder` returns the builder (not yet built) so a caller can add to it;
:data:`CONTENT` holds the (stand-in) content of every item, for :func:`verify`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import pendulum

from tradesecret.dates import to_datetime
from tradesecret.evidence.builder import EvidenceGraphBuilder
from tradesecret.evidence.ingest import ingest_csv, log_item
from tradesecret.evidence.model import (
    Agreement,
    AgreementKind,
    Carrier,
    ClaimCode,
    EventKind,
    EvidenceKind,
    FormationRecord,
    Measure,
    MeasureKind,
    Party,
    PartyRole,
    Secret,
)

__all__ = ["CONTENT", "example_builder"]

CONTENT: Final[Mapping[str, bytes]] = MappingProxyType(
    {
        "E-log": (
            b"time,user,doc,action\n"
            b"2025-03-10T09:12:00+08:00,wang,doc-spec,view\n"
            b"2025-03-18T20:40:00+08:00,wang,doc-dwg,download\n"
            b"2025-04-02T23:05:00+08:00,wang,doc-spec,view\n"
        ),
        "E-mail": b"From: wang@acme-gear.cn To: wang1987@qq.com Attachments: spec.pdf gear.dwg",
        "E-nda": b"Confidentiality agreement signed by Wang Lei on 2020-07-01",
        "E-policy": b"Document classification policy, in force from 2021-01-01",
        "E-spec": b"Secret points: tooth-profile modification parameters P1-P7",
        "E-search": b"Search report: P1-P7 not found in public literature",
        "E-value": b"Valuation report: RMB 12 million development cost",
        "E-rd": b"R&D log 2021-2023, gearbox tooth profile",
    }
)


def _t(text: str) -> pendulum.DateTime:
    return to_datetime(text)


def example_builder(*, custody_key: bytes | None = None) -> EvidenceGraphBuilder:
    """
    The worked example, not yet built (tests may add to it); with ``custody_key`` its
    custody logs are keyed chains.
    """
    b = EvidenceGraphBuilder(custody_key=custody_key)
    b.add(Party(id="acme", name="ACME Gear Co.", role=PartyRole.COMPANY))
    b.add(Party(id="it", name="ACME IT department", role=PartyRole.COMPANY))
    b.add(Party(id="counsel", name="Outside counsel", role=PartyRole.THIRD_PARTY))
    b.add(
        Party(
            id="wang",
            name="Wang Lei",
            role=PartyRole.FORMER_EMPLOYEE,
            post="senior design engineer",
            duties=("gearbox design",),
            departed_at=_t("2025-03-31T18:00:00+08:00"),
        )
    )
    b.add(Secret(id="S-gear", name="Gearbox tooth-profile parameters"))
    b.add(Carrier(id="doc-spec", name="spec.pdf", location="DMS/gearbox"))
    b.add(Carrier(id="doc-dwg", name="gear.dwg", medium="drawing", location="DMS/gearbox"))
    b.embodies("doc-spec", "S-gear")
    b.embodies("doc-dwg", "S-gear")
    b.owns("acme", "S-gear")
    b.add(
        FormationRecord(
            id="R-rd", description="R&D log", created_at=_t("2023-06-30T12:00:00+08:00")
        )
    )
    b.formed_by("S-gear", "R-rd")
    b.add(
        Agreement(
            id="A-nda",
            kind=AgreementKind.NDA,
            description="Confidentiality agreement",
            signed_at=_t("2020-07-01T10:00:00+08:00"),
        )
    )
    b.bound_by("wang", "A-nda")
    b.protected_by("S-gear", "A-nda")
    b.add(
        Measure(
            id="M-class",
            kind=MeasureKind.MARKING_AND_ACCESS_LIMITS,
            description="Classified 'secret'; access limited to the design team",
            since=_t("2021-01-01T00:00:00+08:00"),
        )
    )
    b.protected_by("doc-spec", "M-class")
    _evidence(b)
    return b


def _evidence(b: EvidenceGraphBuilder) -> None:
    """The items, their custody, the ingested log, the forwards and what each item supports."""
    collected = _t("2025-04-05T10:00:00+08:00")
    kinds = {
        "E-log": EvidenceKind.ACCESS_LOG,
        "E-mail": EvidenceKind.EMAIL,
        "E-nda": EvidenceKind.CONTRACT,
        "E-policy": EvidenceKind.POLICY_RECORD,
        "E-spec": EvidenceKind.SECRET_SPECIFICATION,
        "E-search": EvidenceKind.PUBLIC_SEARCH_REPORT,
        "E-value": EvidenceKind.VALUATION_REPORT,
        "E-rd": EvidenceKind.FORMATION_DOCUMENT,
    }
    for item, kind in kinds.items():
        b.add(
            log_item(
                id=item, data=CONTENT[item], kind=kind, collected_by="it", collected_at=collected
            )
        )
        b.transfer(item, to="counsel", at=_t("2025-04-06T09:00:00+08:00"), note="sealed USB")
    ingest_csv(b, CONTENT["E-log"], item="E-log")
    for n, doc in enumerate(("doc-spec", "doc-dwg")):
        b.event(
            id=f"mail-{n}",
            kind=EventKind.SEND_PERSONAL,
            by="wang",
            on=doc,
            at=_t("2025-03-28T22:10:00+08:00"),
            detail="wang1987@qq.com",
            source="E-mail",
        )
    b.event(id="leave", kind=EventKind.DEPARTURE, by="wang", at=_t("2025-03-31T18:00:00+08:00"))
    b.supports("E-nda", "A-nda")
    b.supports("E-policy", "M-class")
    b.supports("E-rd", "R-rd")
    b.supports("E-spec", b.claim(ClaimCode.CONTENT_DEFINED, "S-gear"))
    b.supports("E-search", b.claim(ClaimCode.NOT_PUBLICLY_KNOWN, "S-gear"))
    b.supports("E-value", b.claim(ClaimCode.COMMERCIAL_VALUE, "S-gear"))
