"""Weighing the evidence items bearing on each leaf claim."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Final

import attrs
import pendulum

from tradesecret.engine import LegalClock
from tradesecret.evidence._timing import measure_timing, predates
from tradesecret.evidence._tree import RESPONDENT_CLAIMS
from tradesecret.evidence.graph import EvidenceGraph
from tradesecret.evidence.model import (
    ACCESS_EVENTS,
    Agreement,
    Carrier,
    Claim,
    ClaimCode,
    Edge,
    EdgeKind,
    Event,
    EventKind,
    EvidenceItem,
    Measure,
    Stance,
    day_of,
)
from tradesecret.facts import Tri
from tradesecret.law import Citation
from tradesecret.results import (
    Finding,
    Severity,
    Undetermined,
)
from tradesecret.rulebook import ParameterValue, Rulebook

_ZERO: Final = Decimal(0)
_ONE: Final = Decimal(1)
C = ClaimCode


@attrs.define
class Tally:
    """Pro and con weight per item (an item counts once: its strongest link)."""

    pro: dict[str, Decimal] = attrs.Factory(dict)
    con: dict[str, Decimal] = attrs.Factory(dict)
    facts: dict[str, int] = attrs.Factory(dict)

    def add(self, item: str, stance: Stance, weight: Decimal) -> None:
        bucket = self.pro if stance is Stance.SUPPORTS else self.con
        if weight > bucket.get(item, _ZERO):
            bucket[item] = weight

    def merge(self, other: Tally) -> None:
        for item, w in other.pro.items():
            self.add(item, Stance.SUPPORTS, w)
        for item, w in other.con.items():
            self.add(item, Stance.REBUTS, w)

    @property
    def pro_total(self) -> Decimal:
        return sum(self.pro.values(), _ZERO)

    @property
    def con_total(self) -> Decimal:
        return sum(self.con.values(), _ZERO)

    def items(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.pro) | set(self.con)))


class Context:
    """Everything one evaluation needs, computed once."""

    def __init__(
        self,
        *,
        graph: EvidenceGraph,
        secret: str,
        respondent: str,
        as_of: pendulum.Date,
        rb: Rulebook,
        excluded: frozenset[str],
    ) -> None:
        self.g = graph
        self.secret = secret
        self.respondent = respondent
        self.as_of = as_of
        self.rb = rb
        self.excluded = excluded
        self.used: dict[str, ParameterValue] = {}
        self.carriers: tuple[Carrier, ...] = graph.carriers_of(secret)
        targets = {secret, *(c.id for c in self.carriers)}
        self.events: tuple[Event, ...] = tuple(
            e
            for e in graph.events_by(respondent)
            if any(t in targets for t in graph.successors(e.id, EdgeKind.TARGETS))
        )
        acts = [e for e in self.events if e.kind not in (EventKind.ACCESS, EventKind.DEPARTURE)]
        self.measures_open: list[Undetermined] = []
        self.measures_if_dated: Tally | None = None
        self.first_act: pendulum.DateTime | None = min((e.at for e in acts), default=None)
        self.last_act: pendulum.DateTime | None = max((e.at for e in acts), default=None)
        self.act_day: pendulum.Date = day_of(self.last_act) if self.last_act else as_of

    def param(self, name: str) -> ParameterValue:
        value = self.rb.param(name, as_of=self.as_of)
        self.used[name] = value
        return value

    def weight(self, item_id: str, edge: Edge) -> Decimal:
        if item_id in self.excluded:
            return _ZERO
        item = self.g.node(item_id)
        assert isinstance(item, EvidenceItem)
        base = self.param(f"evidence.weight.{item.kind.value}").as_decimal()
        return base * (edge.strength if edge.strength is not None else _ONE)

    def tally_node(self, node_id: str, factor: Decimal = _ONE, into: Tally | None = None) -> Tally:
        tally = into if into is not None else Tally()
        for edge in self.g.evidence_for(node_id):
            assert edge.stance is not None
            tally.add(edge.source, edge.stance, self.weight(edge.source, edge) * factor)
        return tally

    def tally_events(self, weights: Mapping[EventKind, Decimal]) -> Tally:
        tally = Tally()
        for event in self.events:
            factor = weights.get(event.kind)
            if not factor:
                continue
            tally.facts[event.kind.value] = tally.facts.get(event.kind.value, 0) + 1
            self.tally_node(event.id, factor, tally)
        return tally

    def direct(self, code: ClaimCode) -> Tally:
        respondent = self.respondent if code in RESPONDENT_CLAIMS else None
        claim_id = Claim.make_id(code, self.secret, respondent)
        if claim_id not in self.g:
            return Tally()
        return self.tally_node(claim_id)


def leaf_tallies(ctx: Context, findings: list[Finding], cite: Citation) -> dict[ClaimCode, Tally]:
    g = ctx.g
    out: dict[ClaimCode, Tally] = {}
    # access: actual contact (SPC Art. 12 item 4) in full, post/duties/agreements at a factor
    post = ctx.param("evidence.access_factor.post").as_decimal()
    access = ctx.tally_events(dict.fromkeys(ACCESS_EVENTS, _ONE))
    ctx.tally_node(ctx.respondent, post, access)
    for agreement in g.successors(ctx.respondent, EdgeKind.BOUND_BY):
        ctx.tally_node(agreement, post, access)
    out[C.ACCESS] = access
    # improper acquisition: copies, downloads, forwards, uploads, prints, by policy weight
    act_weights = {
        kind: ctx.param(f"evidence.act_weight.{kind.value}").as_decimal()
        for kind in (
            EventKind.SEND_PERSONAL,
            EventKind.UPLOAD,
            EventKind.COPY,
            EventKind.DOWNLOAD,
            EventKind.PRINT,
        )
    }
    out[C.IMPROPER_ACQUISITION] = ctx.tally_events(act_weights)
    use = ctx.tally_events({EventKind.DISCLOSURE: _ONE, EventKind.USE: _ONE})
    out[C.DISCLOSURE_OR_USE] = use
    # breach of duty: disclosure/use AND a duty binding the respondent
    duty = Tally()
    for agreement in g.successors(ctx.respondent, EdgeKind.BOUND_BY):
        obj = g.node(agreement)
        if predates(obj, ctx.first_act) is Tri.TRUE:
            ctx.tally_node(agreement, _ONE, duty)
    breach = Tally()
    if duty.pro and use.pro:
        breach.merge(duty)
        breach.merge(use)
    else:
        breach.con.update(use.con)
    breach.facts = {"duty_items": len(duty.pro), "use_items": len(use.pro)}
    out[C.BREACH_OF_DUTY] = breach
    out[C.MEASURES] = measures_tally(ctx, findings)
    # ownership: formation records and the holder
    ownership = Tally()
    for record in g.successors(ctx.secret, EdgeKind.FORMED_BY):
        ctx.tally_node(record, _ONE, ownership)
    holders = g.holders_of(ctx.secret)
    for holder in holders:
        ctx.tally_node(holder, _ONE, ownership)
    if not holders:
        findings.append(
            Finding(
                code="evidence.right.no_holder",
                severity=Severity.MEDIUM,
                citations=(cite,),
                args={"secret": ctx.secret},
                subject=ctx.secret,
            )
        )
    out[C.OWNERSHIP] = ownership
    for code in (C.NOT_PUBLICLY_KNOWN, C.COMMERCIAL_VALUE, C.CONTENT_DEFINED, C.SIMILARITY):
        out[code] = Tally()
    for code, tally in out.items():
        tally.merge(ctx.direct(code))
    return out


def measures_tally(ctx: Context, findings: list[Finding]) -> Tally:
    """
    The measures protecting the secret or its carriers, and the respondent's agreements,
    taken before the act complained of (SPC 2020 Art. 5(1)); those whose date is not
    stated go to ``ctx.measures_if_dated`` and ``ctx.measures_open`` instead.
    """
    g = ctx.g
    measures, if_dated = Tally(), Tally()
    protecting: list[str] = list(g.successors(ctx.secret, EdgeKind.PROTECTED_BY))
    for carrier in ctx.carriers:
        protecting.extend(g.successors(carrier.id, EdgeKind.PROTECTED_BY))
    protecting.extend(g.successors(ctx.respondent, EdgeKind.BOUND_BY))
    seen: set[str] = set()
    clock = LegalClock(ctx.rb, ctx.act_day)
    for mid in dict.fromkeys(protecting):
        seen.add(mid)
        obj = g.node(mid)
        when = predates(obj, ctx.first_act)
        if when is Tri.TRUE:
            ctx.tally_node(mid, _ONE, measures)
            ctx.tally_node(mid, _ONE, if_dated)
            continue
        if ctx.first_act is None or not isinstance(obj, Measure | Agreement):
            continue
        fired, open_rows = measure_timing(clock, obj, ctx.first_act)
        findings.extend(fired)
        if when is Tri.UNKNOWN:
            ctx.tally_node(mid, _ONE, if_dated)
            ctx.measures_open.extend(open_rows)
    measures.facts = {"measures": len(seen)}
    if_dated.facts = dict(measures.facts)
    ctx.measures_if_dated = if_dated
    return measures
