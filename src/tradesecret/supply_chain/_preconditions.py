"""Preconditions of a disclosure: the NDA and its scope, the supplier, the letter, the registry."""

from __future__ import annotations

import pendulum

from tradesecret.definition import ClassificationTier, SecretRegistry
from tradesecret.exceptions import InvalidInputError
from tradesecret.measures import NdaTier, NonDisclosureAgreement
from tradesecret.results import Assessment, Finding, Outcome, Severity, Term
from tradesecret.rulebook import Rulebook
from tradesecret.supply_chain._common import (
    POLICY,
    SPC_CORRESPONDENCE,
    SPC_DUTY,
    SPC_MEASURES,
    in_force_cites,
)
from tradesecret.supply_chain._model import (
    AuthorizationLetter,
    DisclosureForm,
    Sensitivity,
)
from tradesecret.supply_chain._package import PackageEntry
from tradesecret.supply_chain._parties import Project, Supplier, SupplierKind, nda_in_force

__all__ = [
    "letter_check",
    "missing_nda",
    "nda_scope",
    "qualifying_nda",
    "registry_checks",
    "supplier_checks",
]


def missing_nda(
    project: Project, supplier: Supplier, day: pendulum.Date, tier: NdaTier | None, rb: Rulebook
) -> Finding:
    """No NDA of the tier required: one of a lower tier (high), or none at all (critical)."""
    covering = qualifying_nda(supplier, day, None)
    if covering is not None and tier is not None:
        return Finding(
            code="supply_chain.disclosure.nda_tier_too_low",
            severity=Severity.HIGH,
            citations=(rb.cite(POLICY),),
            args={
                "nda": covering.id,
                "tier": Term(f"term.supply_chain.nda_tier.{covering.tier.value}"),
                "required": Term(f"term.supply_chain.nda_tier.{tier.value}"),
            },
            subject=supplier.id,
            remedies=("supply_chain.remedy.upgrade_nda",),
        )
    return Finding(
        code="supply_chain.disclosure.no_nda",
        severity=Severity.CRITICAL,
        citations=(*in_force_cites(rb, day, SPC_MEASURES, SPC_DUTY), rb.cite(POLICY)),
        args={"supplier": supplier.name, "project": project.id},
        subject=supplier.id,
        remedies=("supply_chain.remedy.sign_nda",),
    )


def nda_scope(
    nda: NonDisclosureAgreement,
    entries: list[PackageEntry],
    supplier: Supplier,
    day: pendulum.Date,
    rb: Rulebook,
) -> list[Finding]:
    """Secrets released that the NDA's scope does not name (where it names any)."""
    named = set(nda.secret_ids())
    if not named:
        return []
    gaps = sorted(
        {
            sid
            for e in entries
            if e.form is not DisclosureForm.WITHHOLD
            for sid in e.secret_ids
            if sid not in named
        }
    )
    if not gaps:
        return []
    return [
        Finding(
            code="supply_chain.disclosure.nda_scope_gap",
            severity=Severity.MEDIUM,
            citations=(*in_force_cites(rb, day, SPC_CORRESPONDENCE), rb.cite(POLICY)),
            args={"nda": nda.id, "secrets": ", ".join(gaps)},
            subject=supplier.id,
            remedies=("supply_chain.remedy.extend_nda_scope",),
        )
    ]


def registry_checks(
    entries: list[PackageEntry],
    registry: SecretRegistry,
    rb: Rulebook,
    findings: list[Finding],
    day: pendulum.Date,
) -> ClassificationTier | None:
    """Check the secret links; return the highest tier among secrets released in clear or part."""
    policy = (rb.cite(POLICY),)
    highest: ClassificationTier | None = None
    for entry in entries:
        for sid in entry.secret_ids:
            try:
                secret = registry.secret(sid)
            except InvalidInputError:
                findings.append(
                    Finding(
                        code="supply_chain.disclosure.unknown_secret",
                        severity=Severity.MEDIUM,
                        citations=policy,
                        args={"item": entry.title, "secret": sid},
                        subject=entry.item_id,
                        remedies=("supply_chain.remedy.fix_secret_link",),
                    )
                )
                continue
            if entry.sensitivity is Sensitivity.NON_CORE and secret.tier.at_least(
                ClassificationTier.IMPORTANT
            ):
                findings.append(
                    Finding(
                        code="supply_chain.disclosure.sensitivity_below_tier",
                        severity=Severity.HIGH,
                        citations=(*in_force_cites(rb, day, SPC_CORRESPONDENCE), rb.cite(POLICY)),
                        args={
                            "item": entry.title,
                            "secret": sid,
                            "tier": Term(f"term.supply_chain.nda_tier.{secret.tier.value}"),
                        },
                        subject=entry.item_id,
                        remedies=("supply_chain.remedy.reclassify_item",),
                    )
                )
            if entry.form in (DisclosureForm.PARTIAL, DisclosureForm.FULL) and (
                highest is None or secret.tier.rank > highest.rank
            ):
                highest = secret.tier
    return highest


def supplier_checks(supplier: Supplier, audit: Assessment | None, rb: Rulebook) -> list[Finding]:
    out: list[Finding] = []
    policy = (rb.cite(POLICY),)
    if supplier.kind is SupplierKind.TRADING_COMPANY:
        out.append(
            Finding(
                code="supply_chain.disclosure.trading_company",
                severity=Severity.HIGH,
                citations=policy,
                args={"supplier": supplier.name},
                subject=supplier.id,
                remedies=("supply_chain.remedy.contract_with_manufacturer",),
            )
        )
    if audit is None:
        return out
    if audit.kind != "factory_audit" or audit.subject != supplier.id:
        raise InvalidInputError.single(
            "audit", f"{audit.kind}:{audit.subject}", f"not a factory audit of {supplier.id}"
        )
    flagged = {
        Outcome.NOT_MET: ("supply_chain.disclosure.audit_failed", Severity.HIGH),
        Outcome.INSUFFICIENT_EVIDENCE: (
            "supply_chain.disclosure.audit_incomplete",
            Severity.MEDIUM,
        ),
    }.get(audit.outcome)
    if flagged is not None:
        code, severity = flagged
        out.append(
            Finding(
                code=code,
                severity=severity,
                citations=policy,
                args={"supplier": supplier.name, "as_of": audit.as_of},
                subject=supplier.id,
                remedies=("supply_chain.remedy.resolve_audit",),
            )
        )
    return out


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
    cites = (rb.cite(POLICY),)
    if order_id is None:
        findings.append(
            Finding(
                code="supply_chain.disclosure.no_order",
                severity=Severity.HIGH,
                citations=cites,
                args={"supplier": supplier.name},
                subject=supplier.id,
                remedies=("supply_chain.remedy.name_order",),
            )
        )
        return None
    candidates = [
        letter
        for letter in supplier.letters
        if letter.project_id == project.id
        and letter.supplier_id == supplier.id
        and letter.order_id == order_id
        and letter.in_force_on(day)
    ]
    limited = [letter for letter in candidates if letter.use_limited_to_order]
    if limited:
        return limited[0]
    if candidates:
        findings.append(
            Finding(
                code="supply_chain.disclosure.letter_not_limited",
                severity=Severity.HIGH,
                citations=cites,
                args={"letter": candidates[0].id, "order": order_id},
                subject=supplier.id,
                remedies=("supply_chain.remedy.issue_letter",),
            )
        )
        return None
    findings.append(
        Finding(
            code="supply_chain.disclosure.no_letter",
            severity=Severity.CRITICAL,
            citations=cites,
            args={"supplier": supplier.name, "order": order_id},
            subject=supplier.id,
            remedies=("supply_chain.remedy.issue_letter",),
        )
    )
    return None
