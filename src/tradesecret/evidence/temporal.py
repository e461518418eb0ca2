"""
Temporal consistency of an evidence chain.

* Measures must predate the act complained of (SPC 2020 Art. 5(1)):
  ``evidence.temporal.measure_after_act``.
* The chain runs forwards: access before the copy, the copy before the disclosure:
  ``evidence.temporal.copy_before_access``, ``evidence.temporal.disclosure_before_access``.
* Events after a person's departure are flagged: ``evidence.temporal.after_departure``.
* An item cannot record an event that happened after it was collected:
  ``evidence.temporal.evidence_before_event``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Final

import attrs
import pendulum

from tradesecret.engine import Check, Effect, LegalClock, RuleTable
from tradesecret.evidence._timing import measure_timing
from tradesecret.evidence.graph import EvidenceGraph
from tradesecret.evidence.model import (
    ACCESS_EVENTS,
    Agreement,
    EdgeKind,
    Event,
    EventKind,
    EvidenceItem,
    Measure,
    NodeKind,
    Party,
    day_of,
)
from tradesecret.facts import UNKNOWN
from tradesecret.law import POLICY
from tradesecret.results import Finding, Severity
from tradesecret.rulebook import Rulebook, default_rulebook

__all__ = [
    "CHAIN_ORDER",
    "DEPARTURE_TABLE",
    "ChainOrder",
    "Departure",
    "check_temporal",
    "departure_of",
    "respondent_findings",
]

_COPIES = frozenset(
    {EventKind.COPY, EventKind.DOWNLOAD, EventKind.SEND_PERSONAL, EventKind.UPLOAD, EventKind.PRINT}
)
_USES = frozenset({EventKind.DISCLOSURE, EventKind.USE})


def departure_of(graph: EvidenceGraph, party: str) -> pendulum.DateTime | None:
    """When the party left: ``Party.departed_at`` or its earliest departure event."""
    obj = graph.node(party)
    times = [e.at for e in graph.events_by(party) if e.kind is EventKind.DEPARTURE]
    if isinstance(obj, Party) and obj.departed_at is not UNKNOWN:
        times.append(obj.departed_at)
    return min(times, default=None)


@attrs.frozen(kw_only=True)
class Departure:
    """One person's events after they left: what the departure row reads."""

    party: str
    left: pendulum.DateTime
    late: tuple[Event, ...]


# Library policy, with SPC 2020 Art. 11 (employees and former employees) as context: acts on
# the secret after a person left are flagged for counsel to explain or rely on.
def _departure_args(f: Departure) -> dict[str, object]:
    return {
        "party": f.party,
        "count": len(f.late),
        "first": day_of(f.late[0].at),
        "left": day_of(f.left),
    }


DEPARTURE_TABLE: Final = RuleTable[Departure](
    criterion="evidence.temporal",
    basis=(POLICY,),
    clause="library policy: events by a person after their departure are flagged",
    checks=(
        Check[Departure](code="evidence.temporal.after_departure", severity=Severity.HIGH,
                         effect=Effect.NOTES, basis=(POLICY,), context=("spc-ts@2020-09-10:11",),
                         when=lambda f: bool(f.late), args=_departure_args, subject=lambda f: f.party),
    ),
)  # fmt: skip


def _after_departure(graph: EvidenceGraph, party: str, rb: Rulebook) -> list[Finding]:
    left = departure_of(graph, party)
    if left is None:
        return []
    late = tuple(
        e for e in graph.events_by(party) if e.kind is not EventKind.DEPARTURE and e.at > left
    )
    row = Departure(party=party, left=left, late=late)
    fired, _ = DEPARTURE_TABLE.run(row, LegalClock(rb, day_of(left)))
    return [f for _, f in fired]


@attrs.frozen(kw_only=True)
class ChainOrder:
    """One person's first events on one carrier: what the order rows read."""

    party: str
    target: str
    first_access: pendulum.DateTime | None
    first_copy: pendulum.DateTime | None
    first_contact: pendulum.DateTime | None
    first_use: pendulum.DateTime | None

    @staticmethod
    def day(moment: pendulum.DateTime | None) -> pendulum.Date:
        """The Beijing day of a moment a fired row has checked is there."""
        assert moment is not None
        return day_of(moment)

    def copy_before_access(self) -> bool:
        """A copy earlier than the first recorded access."""
        access, copy = self.first_access, self.first_copy
        return access is not None and copy is not None and copy < access

    def use_before_contact(self) -> bool:
        """A disclosure or use earlier than any contact with the carrier."""
        use, contact = self.first_use, self.first_contact
        return use is not None and (contact is None or use < contact)


# Library policy, with SPC 2020 Art. 12 (access: the channel or opportunity) as context: a
# chain runs forwards -- access, then the copy, then the disclosure or use.
_chain_notes = partial(Check[ChainOrder], effect=Effect.NOTES, basis=(POLICY,),
                       context=("spc-ts@2020-09-10:12",), subject=lambda f: f.target)  # fmt: skip

CHAIN_ORDER: Final = RuleTable[ChainOrder](
    criterion="evidence.temporal",
    basis=(POLICY,),
    clause="library policy: access before the copy, the copy before the disclosure or use",
    checks=(
        _chain_notes(code="evidence.temporal.copy_before_access", severity=Severity.LOW,
                     when=ChainOrder.copy_before_access,
                     args=lambda f: {"party": f.party, "target": f.target, "copy": f.day(f.first_copy)}),
        _chain_notes(code="evidence.temporal.disclosure_before_access", severity=Severity.MEDIUM,
                     when=ChainOrder.use_before_contact,
                     args=lambda f: {"party": f.party, "target": f.target, "use": f.day(f.first_use)}),
    ),
)  # fmt: skip


def _order(events: Iterable[Event], party: str, target: str, rb: Rulebook) -> list[Finding]:
    evs = sorted(events, key=lambda e: e.at)
    if not evs:
        return []
    row = ChainOrder(
        party=party,
        target=target,
        first_access=next((e.at for e in evs if e.kind is EventKind.ACCESS), None),
        first_copy=next((e.at for e in evs if e.kind in _COPIES), None),
        first_contact=next((e.at for e in evs if e.kind in ACCESS_EVENTS), None),
        first_use=next((e.at for e in evs if e.kind in _USES), None),
    )
    fired, _ = CHAIN_ORDER.run(row, LegalClock(rb, day_of(evs[0].at)))
    return [f for _, f in fired]


def _evidence_before_event(
    graph: EvidenceGraph, events: Iterable[Event], rb: Rulebook
) -> list[Finding]:
    out: list[Finding] = []
    collected: dict[str, pendulum.DateTime] = {}
    for event in events:
        for edge in graph.evidence_for(event.id):
            at = collected.get(edge.source)
            if at is None:
                item = graph.node(edge.source)
                assert isinstance(item, EvidenceItem)
                at = collected[edge.source] = item.collected_at
            if at < event.at:
                out.append(
                    Finding(
                        code="evidence.temporal.evidence_before_event",
                        severity=Severity.HIGH,
                        citations=(rb.cite(POLICY),),
                        args={"item": edge.source, "event": event.id, "collected": day_of(at)},
                        subject=edge.source,
                    )
                )
    return out


def respondent_findings(
    graph: EvidenceGraph, secret: str, respondent: str, rb: Rulebook
) -> list[Finding]:
    """Temporal findings about one respondent's events on one secret and its carriers."""
    targets = [secret, *(c.id for c in graph.carriers_of(secret))]
    out = _after_departure(graph, respondent, rb)
    mine = set(graph.successors(respondent, EdgeKind.PERFORMED))
    events_seen: list[Event] = []
    for target in targets:
        events = [e for e in graph.events_on(target) if e.id in mine]
        events_seen.extend(events)
        out.extend(_order(events, respondent, target, rb))
    out.extend(_evidence_before_event(graph, events_seen, rb))
    return out


def _measures_after(
    graph: EvidenceGraph,
    secret: str,
    carriers: list[str],
    first_act: pendulum.DateTime,
    rb: Rulebook,
) -> list[Finding]:
    """Measures taken after the first act (the law of the act day); undated: said so."""
    protecting = set(graph.successors(secret, EdgeKind.PROTECTED_BY))
    for cid in carriers:
        protecting.update(graph.successors(cid, EdgeKind.PROTECTED_BY))
    clock = LegalClock(rb, day_of(first_act))
    out: list[Finding] = []
    for mid in sorted(protecting):
        obj = graph.node(mid)
        if not isinstance(obj, Measure | Agreement):
            continue
        fired, open_rows = measure_timing(clock, obj, first_act)
        out.extend(fired)
        out.extend(
            Finding(
                code="evidence.temporal.measure_date_unknown",
                severity=Severity.MEDIUM,
                citations=u.citations,
                args={"measure": mid, "act": day_of(first_act)},
                subject=mid,
                remedies=("evidence.remedy.prove_measure_date",),
            )
            for u in open_rows
        )
    return out


def check_temporal(
    graph: EvidenceGraph, *, rulebook: Rulebook | None = None
) -> tuple[Finding, ...]:
    """
    Every temporal finding in the graph: measures later than the first act on each secret
    (a measure whose date is not stated: ``evidence.temporal.measure_date_unknown``),
    out-of-order chains per person and carrier, events after departures, items collected
    before the events they record.
    """
    rb = rulebook or default_rulebook()
    out: list[Finding] = []
    for party in graph.nodes(NodeKind.PARTY):
        out.extend(_after_departure(graph, party.id, rb))
    for secret in graph.secrets():
        carriers = [c.id for c in graph.carriers_of(secret)]
        first_act: pendulum.DateTime | None = None
        for target in [secret, *carriers]:
            by_person: dict[str, list[Event]] = {}
            for event in graph.events_on(target):
                who = graph.performer(event.id)
                if who is not None:
                    by_person.setdefault(who, []).append(event)
                if event.kind in _COPIES | _USES and (first_act is None or event.at < first_act):
                    first_act = event.at
            for who, events in by_person.items():
                out.extend(_order(events, who, target, rb))
        if first_act is None:
            continue
        out.extend(_measures_after(graph, secret, carriers, first_act, rb))
    events = [e for e in graph.nodes(NodeKind.EVENT) if isinstance(e, Event)]
    out.extend(_evidence_before_event(graph, events, rb))
    return tuple(out)
