"""What is missing: the kinds of evidence that would establish each claim not established."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Final

import attrs

from tradesecret._convert import tuple_of
from tradesecret.evidence._standards import StandardOfProof
from tradesecret.evidence._tally import Context, Tally
from tradesecret.evidence._tree import RANK, cost, resolve, tree_order
from tradesecret.evidence.model import (
    Carrier,
    ClaimCode,
    EvidenceKind,
    Measure,
    NodeKind,
    day_of,
)
from tradesecret.evidence.temporal import departure_of
from tradesecret.facts import UNKNOWN
from tradesecret.law import Citation
from tradesecret.results import (
    Args,
    Outcome,
    make_args,
)

C = ClaimCode


@attrs.frozen(kw_only=True)
class Gap:
    """
    One way to close a gap: a kind of evidence that would establish a claim, and where it
    is usually found.

    Attributes:
        claim: The claim not established.
        kind: The kind of evidence that would establish it.
        code: Message id saying what to get and where (``evidence.gap.<what>``).
        args: Message arguments (carrier, dates, measure...).
        weight: The weight one such item would add (its kind's policy weight).
        establishes_claim: Whether one such item would make the claim MET.
        outcome_after: The overall outcome with that item added.
        changes_outcome: Whether the overall outcome would improve.
        citations: The basis of the claim.
    """

    claim: ClaimCode
    kind: EvidenceKind
    code: str
    args: Args = attrs.field(converter=make_args)
    weight: Decimal
    establishes_claim: bool
    outcome_after: Outcome
    changes_outcome: bool
    citations: tuple[Citation, ...] = attrs.field(validator=tuple_of(Citation))


# -- gaps ---------------------------------------------------------------------------------

#: For each leaf: (evidence kind, message id of what to get and where), most telling first.
SUGGESTIONS: Final[Mapping[ClaimCode, tuple[tuple[EvidenceKind, str], ...]]] = MappingProxyType(
    {
        C.NOT_PUBLICLY_KNOWN: (
            (EvidenceKind.PUBLIC_SEARCH_REPORT, "evidence.gap.non_public_search"),
            (EvidenceKind.EXPERT_REPORT, "evidence.gap.non_public_appraisal"),
        ),
        C.COMMERCIAL_VALUE: (
            (EvidenceKind.VALUATION_REPORT, "evidence.gap.value"),
            (EvidenceKind.FORMATION_DOCUMENT, "evidence.gap.rd_cost"),
        ),
        C.MEASURES: (
            (EvidenceKind.CONTRACT, "evidence.gap.signed_nda"),
            (EvidenceKind.POLICY_RECORD, "evidence.gap.measures"),
        ),
        C.CONTENT_DEFINED: ((EvidenceKind.SECRET_SPECIFICATION, "evidence.gap.secret_points"),),
        C.OWNERSHIP: (
            (EvidenceKind.FORMATION_DOCUMENT, "evidence.gap.formation"),
            (EvidenceKind.CONTRACT, "evidence.gap.assignment"),
        ),
        C.ACCESS: (
            (EvidenceKind.ACCESS_LOG, "evidence.gap.access_logs"),
            (EvidenceKind.CLOUD_OPERATION_RECORD, "evidence.gap.cloud_records"),
            (EvidenceKind.HR_RECORD, "evidence.gap.post_and_duties"),
        ),
        C.SIMILARITY: (
            (EvidenceKind.EXPERT_REPORT, "evidence.gap.similarity_appraisal"),
            (EvidenceKind.NOTARIZED_CAPTURE, "evidence.gap.respondent_product"),
        ),
        C.IMPROPER_ACQUISITION: (
            (EvidenceKind.FORENSIC_IMAGE, "evidence.gap.device_image"),
            (EvidenceKind.EMAIL, "evidence.gap.mail_logs"),
            (EvidenceKind.CLOUD_OPERATION_RECORD, "evidence.gap.cloud_records"),
        ),
        C.DISCLOSURE_OR_USE: (
            (EvidenceKind.NOTARIZED_CAPTURE, "evidence.gap.notarized_use"),
            (EvidenceKind.DISCLOSURE_MANIFEST, "evidence.gap.disclosure_manifest"),
            (EvidenceKind.WITNESS_STATEMENT, "evidence.gap.witness"),
        ),
        C.BREACH_OF_DUTY: (
            (EvidenceKind.CONTRACT, "evidence.gap.signed_nda"),
            (EvidenceKind.NOTARIZED_CAPTURE, "evidence.gap.notarized_use"),
        ),
    }
)


def _gap_args(ctx: Context, code: str) -> list[dict[str, object]]:
    """Arguments for a gap message; several for per-carrier suggestions."""
    start = day_of(ctx.first_act) if ctx.first_act else ctx.as_of

    end = ctx.as_of
    left = departure_of(ctx.g, ctx.respondent)  # departed_at or a departure event
    if left is not None:
        end = min(end, day_of(left))
    measure_dates = [
        day_of(m.since)
        for m in ctx.g.nodes(NodeKind.MEASURE)
        if isinstance(m, Measure) and m.since is not UNKNOWN
    ]
    if measure_dates:
        start = min(start, *measure_dates)
    base: dict[str, object] = {"secret": ctx.secret, "respondent": ctx.respondent}
    if code in ("evidence.gap.access_logs", "evidence.gap.cloud_records"):
        carriers: list[Carrier | None] = [*sorted(ctx.carriers, key=lambda c: c.id)[:10]] or [None]
        return [
            {
                **base,
                "carrier": (c.name or c.id) if c is not None else ctx.secret,
                "start": start,
                "end": end,
            }
            for c in carriers
        ]
    if code == "evidence.gap.measures" and ctx.first_act is not None:
        return [{**base, "act": day_of(ctx.first_act)}]
    if code == "evidence.gap.measures":
        return [{**base, "act": ctx.as_of}]
    return [base]


def find_gaps(
    *,
    ctx: Context,
    std: StandardOfProof,
    tallies: Mapping[ClaimCode, Tally],
    leaves: Mapping[ClaimCode, Outcome],
    overrides: Mapping[ClaimCode, Outcome],
    cites: Mapping[ClaimCode, tuple[Citation, ...]],
) -> tuple[Gap, ...]:
    before = resolve(leaves, overrides)
    root_before = before[C.INFRINGEMENT]
    scored: list[tuple[tuple[int, int, int, int, Decimal, int], Gap]] = []
    order = {code: i for i, code in enumerate(tree_order())}
    for code, outcome in leaves.items():
        if outcome is Outcome.MET or code in overrides or before.get(code) is Outcome.MET:
            continue
        tally = tallies[code]
        for rank, (kind, message) in enumerate(SUGGESTIONS.get(code, ())):
            if code is C.BREACH_OF_DUTY and _needless(kind, tally):
                continue
            weight = ctx.param(f"evidence.weight.{kind.value}").as_decimal()
            new_leaf = std.decide(tally.pro_total + weight, tally.con_total)
            after = resolve({**leaves, code: new_leaf}, overrides)
            root_after = after[C.INFRINGEMENT]
            remaining = cost(C.INFRINGEMENT, after)
            for args in _gap_args(ctx, message):
                gap = Gap(
                    claim=code,
                    kind=kind,
                    code=message,
                    args=args,
                    weight=weight,
                    establishes_claim=new_leaf is Outcome.MET,
                    outcome_after=root_after,
                    changes_outcome=RANK[root_after] > RANK[root_before],
                    citations=cites[code],
                )
                key = (
                    RANK[root_after] - RANK[root_before],
                    -remaining,
                    RANK[new_leaf] - RANK[outcome],
                    -order[code],
                    weight,
                    -rank,
                )
                scored.append((key, gap))
    scored.sort(key=lambda pair: pair[0], reverse=True)
    return tuple(g for _, g in scored)


def _needless(kind: EvidenceKind, tally: Tally) -> bool:
    """For a breach of duty: skip proof of the duty when it is proven, and of use likewise."""
    if kind is EvidenceKind.CONTRACT:
        return tally.facts.get("duty_items", 0) > 0
    return tally.facts.get("use_items", 0) > 0
