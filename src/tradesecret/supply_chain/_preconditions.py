"""
Preconditions of a disclosure: the NDA and its scope, the supplier, the letter, the registry.

The checks are rows of the rule tables in :mod:`tradesecret.supply_chain._precondition_rules`;
this module gathers each table's facts and returns the findings of the rows that fire.
"""

from __future__ import annotations

from typing import TypeVar

import pendulum

from tradesecret.definition import ClassificationTier, SecretRegistry, TradeSecret
from tradesecret.engine import LegalClock, RuleTable
from tradesecret.exceptions import InvalidInputError
from tradesecret.measures import NdaTier, NonDisclosureAgreement
from tradesecret.results import Assessment, Finding
from tradesecret.rulebook import Rulebook
from tradesecret.supply_chain._model import AuthorizationLetter, DisclosureForm
from tradesecret.supply_chain._package import PackageEntry
from tradesecret.supply_chain._parties import Project, Supplier, nda_in_force
from tradesecret.supply_chain._precondition_rules import (
    LETTER_TABLE,
    LINK_TABLE,
    NDA_TABLE,
    SUPPLIER_TABLE,
    LetterFacts,
    LinkFacts,
    NdaFacts,
    SupplierFacts,
)

__all__ = [
    "letter_check",
    "nda_checks",
    "qualifying_nda",
    "registry_checks",
    "supplier_checks",
]

F = TypeVar("F")


def _fired(table: RuleTable[F], facts: F, rb: Rulebook, day: pendulum.Date) -> list[Finding]:
    """The findings of the rows of ``table`` that fire on ``facts`` on ``day``."""
    fired, _ = table.run(facts, LegalClock(rb, day))
    return [finding for _, finding in fired]


def nda_checks(
    project: Project,
    supplier: Supplier,
    entries: list[PackageEntry],
    *,
    nda: NonDisclosureAgreement | None,
    tier: NdaTier | None,
    day: pendulum.Date,
    rb: Rulebook,
) -> list[Finding]:
    """No NDA of the tier required (lower tier: high; none: critical), or a scope gap."""
    facts = NdaFacts(
        project=project,
        supplier=supplier,
        required=project.policy.nda_always_required or tier is not None,
        tier=tier,
        qualifying=nda,
        covering=qualifying_nda(supplier, day, None),
        gaps=_gaps(nda, entries),
    )
    return _fired(NDA_TABLE, facts, rb, day)


def _gaps(nda: NonDisclosureAgreement | None, entries: list[PackageEntry]) -> tuple[str, ...]:
    """Secrets released that the NDA's scope does not name (where it names any)."""
    named = set(nda.secret_ids()) if nda is not None else set()
    if not named:
        return ()
    released = (e for e in entries if e.form is not DisclosureForm.WITHHOLD)
    return tuple(sorted({sid for e in released for sid in e.secret_ids if sid not in named}))


def registry_checks(
    entries: list[PackageEntry],
    registry: SecretRegistry,
    rb: Rulebook,
    findings: list[Finding],
    day: pendulum.Date,
) -> ClassificationTier | None:
    """Check the secret links; return the highest tier among secrets released in clear or part."""
    highest: ClassificationTier | None = None
    for entry in entries:
        for sid in entry.secret_ids:
            secret = _registered(registry, sid)
            link = LinkFacts(
                item_id=entry.item_id,
                item=entry.title,
                secret_id=sid,
                secret=secret,
                sensitivity=entry.sensitivity,
            )
            findings.extend(_fired(LINK_TABLE, link, rb, day))
            if (
                secret is not None
                and entry.form in (DisclosureForm.PARTIAL, DisclosureForm.FULL)
                and (highest is None or secret.tier.rank > highest.rank)
            ):
                highest = secret.tier
    return highest


def _registered(registry: SecretRegistry, sid: str) -> TradeSecret | None:
    try:
        return registry.secret(sid)
    except InvalidInputError:
        return None


def supplier_checks(
    supplier: Supplier, audit: Assessment | None, rb: Rulebook, day: pendulum.Date
) -> list[Finding]:
    """A trading company, a failed or incomplete factory audit."""
    if audit is not None and (audit.kind != "factory_audit" or audit.subject != supplier.id):
        raise InvalidInputError.single(
            "audit",
            f"{audit.kind}:{audit.subject}",
            "not a factory audit of {supplier}",
            supplier=supplier.id,
        )
    facts = SupplierFacts(
        supplier=supplier,
        audit=audit.outcome if audit is not None else None,
        audit_day=audit.as_of if audit is not None else None,
    )
    return _fired(SUPPLIER_TABLE, facts, rb, day)


def qualifying_nda(
    supplier: Supplier, day: pendulum.Date, tier: NdaTier | None
) -> NonDisclosureAgreement | None:
    for nda in supplier.ndas:
        if (
            nda.party in (supplier.id, supplier.name)
            and not nda.party_kind.is_employee
            and nda_in_force(nda, as_of=day)
            and (tier is None or nda.tier.rank >= tier.rank)
        ):
            return nda
    return None


def letter_check(
    supplier: Supplier,
    *,
    project: Project,
    day: pendulum.Date,
    order_id: str | None,
    rb: Rulebook,
    findings: list[Finding],
) -> AuthorizationLetter | None:
    """The letter in force for this order that limits use to it; findings where none does."""
    candidates = [
        letter
        for letter in supplier.letters
        if order_id is not None
        and letter.project_id == project.id
        and letter.supplier_id == supplier.id
        and letter.order_id == order_id
        and letter.in_force_on(day)
    ]
    limited = next((x for x in candidates if x.use_limited_to_order), None)
    facts = LetterFacts(
        supplier=supplier,
        order_id=order_id,
        limited=limited,
        unlimited=candidates[0] if candidates else None,
    )
    findings.extend(_fired(LETTER_TABLE, facts, rb, day))
    return limited
