"""
Build graph nodes from the other domains' records.

* :func:`add_trade_secret` -- a :class:`tradesecret.definition.TradeSecret` with its
  carriers, formation records and owner;
* :func:`add_registry` -- every secret of a :class:`tradesecret.definition.SecretRegistry`,
  its people and its access events;
* :func:`add_measure` -- a :class:`tradesecret.measures.ConfidentialityMeasure`;
* :func:`add_nda` -- a :class:`tradesecret.measures.NonDisclosureAgreement`.

Those records carry **dates**, not times. A measure or agreement dated day *D* is taken
to start at the **end** of *D* and an access event on *D* at its **start**, so a measure
dated the same day as an act is *not* treated as predating it (SPC 2020 Art. 5(1) asks
for measures taken *before* the alleged infringement); this is the conservative reading
for the holder. Pass ``same_day_counts=True`` to :func:`add_measure` / :func:`add_nda` for
the opposite reading: the measure is then placed one microsecond before the start of *D*,
so it predates everything that happened on *D* -- including an event timed at midnight --
and nothing of the day before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import pendulum

from tradesecret.dates import SHANGHAI
from tradesecret.evidence.builder import EvidenceGraphBuilder
from tradesecret.evidence.model import (
    Agreement,
    AgreementKind,
    Carrier,
    EventKind,
    FormationRecord,
    Measure,
    MeasureKind,
    Party,
    PartyRole,
    Secret,
    SecretKind,
)

if TYPE_CHECKING:
    from tradesecret.definition import SecretRegistry, TradeSecret
    from tradesecret.measures import ConfidentialityMeasure, NonDisclosureAgreement

__all__ = ["add_measure", "add_nda", "add_registry", "add_trade_secret"]

#: The zone in which date-only records are placed (Beijing time).
TZ: Final = SHANGHAI

_ITEM_KIND: Final = {
    1: MeasureKind.AGREEMENT,
    2: MeasureKind.REQUIREMENTS,
    3: MeasureKind.PREMISES,
    4: MeasureKind.MARKING_AND_ACCESS_LIMITS,
    5: MeasureKind.DEVICE_RESTRICTIONS,
    6: MeasureKind.EXIT_PROCEDURES,
    7: MeasureKind.OTHER,
}
_ACTIONS: Final = {
    "view": EventKind.ACCESS,
    "download": EventKind.DOWNLOAD,
    "copy": EventKind.COPY,
    "print": EventKind.PRINT,
    "modify": EventKind.ACCESS,
    "export": EventKind.DOWNLOAD,
    "other": EventKind.ACCESS,
}


def _start(day: pendulum.Date) -> pendulum.DateTime:
    return pendulum.datetime(day.year, day.month, day.day, tz=TZ)


def _end(day: pendulum.Date) -> pendulum.DateTime:
    return pendulum.datetime(day.year, day.month, day.day, 23, 59, 59, 999999, tz=TZ)


def _before(day: pendulum.Date) -> pendulum.DateTime:
    """One microsecond before the start of ``day``: earlier than anything on ``day``."""
    return _start(day).subtract(microseconds=1)


def _party(builder: EvidenceGraphBuilder, party_id: str, role: PartyRole) -> str:
    if party_id not in builder:
        builder.add(Party(id=party_id, name=party_id, role=role))
    return party_id


def add_trade_secret(builder: EvidenceGraphBuilder, secret: TradeSecret) -> str:
    """Add the secret, its carriers (embodies), formation records (formed by) and owner (owns)."""
    kind = SecretKind.TECHNICAL if secret.kind.value == "technical" else SecretKind.BUSINESS
    description = secret.description or "; ".join(p.description for p in secret.points)
    builder.add(Secret(id=secret.id, name=secret.title, kind=kind, description=description))
    for carrier in secret.carriers:
        builder.add(
            Carrier(
                id=carrier.id,
                name=carrier.description or carrier.id,
                medium=carrier.kind.value,
                location=carrier.location,
            )
        )
        builder.embodies(carrier.id, secret.id)
    for record in secret.formation:
        builder.add(
            FormationRecord(
                id=record.id,
                description=record.description or record.kind.value,
                created_at=_start(record.on),
            )
        )
        builder.formed_by(secret.id, record.id)
    if secret.owner:
        builder.owns(_party(builder, secret.owner, PartyRole.COMPANY), secret.id)
    return secret.id


def add_registry(
    builder: EvidenceGraphBuilder, registry: SecretRegistry, *, source: str | None = None
) -> int:
    """
    Add every secret of the registry, its people and its access events (an event on day
    *D* at the start of *D*, Asia/Shanghai). ``source`` is the evidence item the events
    were exported in, if any. Returns the number of events added. Access grants are not
    events and are not added.
    """
    for secret in registry.secrets:
        if secret.id not in builder:
            add_trade_secret(builder, secret)
    count = 0
    for index, event in enumerate(registry.events):
        _party(builder, event.person, PartyRole.EMPLOYEE)
        builder.event(
            id=event.id or f"registry-event-{index}",
            kind=_ACTIONS.get(event.action.value, EventKind.ACCESS),
            by=event.person,
            at=_start(event.on),
            on=event.carrier_id if event.carrier_id in builder else event.secret_id,
            detail=event.action.value,
            source=source,
        )
        count += 1
    return count


def add_measure(
    builder: EvidenceGraphBuilder,
    measure: ConfidentialityMeasure,
    *,
    same_day_counts: bool = False,
) -> str:
    """
    Add a confidentiality measure: item-1 measures (agreements, contract clauses) become
    :class:`Agreement` nodes, the others :class:`Measure` nodes; the secrets it names
    are ``protected_by`` it and the people it names are ``bound_by`` it.

    ``same_day_counts`` selects the reading of a measure dated the day of an act (see the
    module docstring): ``False`` (default) -- it does not predate the act; ``True`` -- it does.
    """
    since = _before(measure.start) if same_day_counts else _end(measure.start)
    item = measure.kind.item
    node: Agreement | Measure
    if item == 1:
        kind = (
            AgreementKind.NDA
            if measure.kind.value == "confidentiality_agreement"
            else AgreementKind.EMPLOYMENT_CONFIDENTIALITY
        )
        node = Agreement(id=measure.id, kind=kind, description=measure.description, signed_at=since)
    else:
        node = Measure(
            id=measure.id, kind=_ITEM_KIND[item], description=measure.description, since=since
        )
    builder.add(node)
    for secret_id in measure.secret_ids:
        if secret_id in builder:
            builder.protected_by(secret_id, measure.id)
    for person in measure.people:
        builder.bound_by(_party(builder, person, PartyRole.EMPLOYEE), measure.id)
    return measure.id


def add_nda(
    builder: EvidenceGraphBuilder, nda: NonDisclosureAgreement, *, same_day_counts: bool = False
) -> str:
    """
    Add an NDA: the party is ``bound_by`` it; the secrets in its scope are ``protected_by`` it.

    ``same_day_counts`` as for :func:`add_measure`.
    """
    signed = _before(nda.signed) if same_day_counts else _end(nda.signed)
    builder.add(
        Agreement(id=nda.id, kind=AgreementKind.NDA, description=nda.tier.value, signed_at=signed)
    )
    role = PartyRole.EMPLOYEE if nda.party_kind.value == "employee" else PartyRole.THIRD_PARTY
    builder.bound_by(_party(builder, nda.party, role), nda.id)
    for scope in nda.scope:
        for secret_id in scope.secret_ids:
            if secret_id in builder and not builder.has_edge(secret_id, nda.id):
                builder.protected_by(secret_id, nda.id)
    return nda.id
