"""
Disclosure packages as records: evidence-graph nodes and registry access grants.

When a design leaks from a supplier, one element the brand may rely on is that the
supplier had a channel or opportunity to obtain the secret (under AUCL 2019 Art. 32(2)
item 1, together with substantially the same information; the article number in the
2025 revision is not verified). The disclosure manifest records that channel:
:func:`add_manifest_to_graph` adds it to an
:class:`~tradesecret.evidence.EvidenceGraphBuilder` as

* an :class:`~tradesecret.evidence.EvidenceItem` of kind ``disclosure_manifest`` whose
  SHA-256 is the manifest digest, collected by the owner;
* the supplier as a third-party :class:`~tradesecret.evidence.Party`;
* each file sent as a :class:`~tradesecret.evidence.Carrier` (id ``file:<sha256>``) that
  embodies the item's registry secrets;
* one ``access`` :class:`~tradesecret.evidence.Event` per released item, performed by the
  supplier on those carriers (or on the secrets when no file was registered), supported
  by the manifest.

A **coded** item gives the supplier a code, not the real value, so it adds no access to
the secret unless ``coded_is_access=True``: the code itself proves nothing about access to
the value, and a leaked code is traced with :func:`~tradesecret.supply_chain.trace_leak`
instead. Nodes that already exist with the same id are reused (the builder treats an
equal node as a no-op; a different node with the same id is left as it is).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

import attrs
import pendulum

from tradesecret._constraints import SHA256_PATTERN as SHA256
from tradesecret._constraints import matches
from tradesecret.dates import SHANGHAI
from tradesecret.definition import AccessGrant
from tradesecret.evidence import (
    Carrier,
    CollectionMethod,
    EventKind,
    EvidenceGraphBuilder,
    EvidenceItem,
    EvidenceKind,
    Party,
    PartyRole,
    Secret,
)
from tradesecret.exceptions import InvalidInputError
from tradesecret.supply_chain._model import DisclosureForm
from tradesecret.supply_chain.disclosure import DisclosurePackage, Manifest, ManifestEntry

__all__ = ["FileMatch", "access_grants", "add_manifest_to_graph", "trace_file"]


def _ensure(builder: EvidenceGraphBuilder, node: Party | Secret | Carrier) -> None:
    # a node with this id may already be there (perhaps with more detail): reuse it
    with contextlib.suppress(InvalidInputError):
        builder.add(node)


def add_manifest_to_graph(
    builder: EvidenceGraphBuilder,
    manifest: Manifest,
    *,
    owner: str,
    at: pendulum.DateTime | None = None,
    agreement: str | None = None,
    coded_is_access: bool = False,
) -> str:
    """
    Add ``manifest`` to ``builder`` as a disclosure record; return the evidence item id.

    Args:
        builder: The evidence-graph builder.
        manifest: The disclosure manifest (from :func:`~tradesecret.supply_chain.plan_disclosure`).
        owner: Party id of the brand (the collector of the manifest); must already be in
            the builder or is added as a company.
        at: When the package was sent; default the start of ``manifest.sent_on`` in
            Beijing time.
        agreement: Id of an agreement node (the supplier's NDA) already in the builder;
            the supplier is then recorded as bound by it.
        coded_is_access: Treat a coded release as access to the secret.

    Raises:
        InvalidInputError: the manifest does not verify (its content no longer matches its
            digest and package id), so it cannot serve as a record.
    """
    if not manifest.verify():
        raise InvalidInputError.single(
            "manifest", manifest.package_id, "content does not match its digest: altered record"
        )
    when = (
        at
        if at is not None
        else pendulum.datetime(
            manifest.sent_on.year, manifest.sent_on.month, manifest.sent_on.day, tz=SHANGHAI
        )
    )
    _ensure(builder, Party(id=owner, name=owner, role=PartyRole.COMPANY))
    _ensure(
        builder, Party(id=manifest.supplier_id, name=manifest.recipient, role=PartyRole.THIRD_PARTY)
    )
    item_id = builder.add(
        EvidenceItem(
            id=f"manifest:{manifest.package_id}",
            kind=EvidenceKind.DISCLOSURE_MANIFEST,
            sha256=manifest.digest,
            collected_by=owner,
            collected_at=when,
            method=CollectionMethod.SYSTEM_EXPORT,
            description=f"{manifest.package_id}: {manifest.stage} to {manifest.recipient}",
            source=manifest.project_id,
        )
    )
    if agreement is not None:
        builder.bound_by(manifest.supplier_id, agreement)
    for entry in manifest.entries:
        if entry.form is not DisclosureForm.CODED or coded_is_access:
            _add_release(builder, manifest, entry, when, item_id)
    return item_id


def _add_release(
    builder: EvidenceGraphBuilder,
    manifest: Manifest,
    entry: ManifestEntry,
    when: pendulum.DateTime,
    item_id: str,
) -> None:
    """One released item: its secrets, the files that carry them, the supplier's access."""
    for secret in entry.secret_ids:
        _ensure(builder, Secret(id=secret, name=secret))
    targets: list[str] = []
    for file in entry.files:
        carrier = f"file:{file.sha256}"
        _ensure(builder, Carrier(id=carrier, name=file.name, location=manifest.package_id))
        for secret in entry.secret_ids:
            builder.embodies(carrier, secret)
        targets.append(carrier)
    targets = targets or list(entry.secret_ids)
    if not targets:
        return
    event = builder.event(
        id=f"{manifest.package_id}:{entry.item_id}",
        kind=EventKind.ACCESS,
        by=manifest.supplier_id,
        at=when,
        detail=f"received {entry.item_id} ({entry.form.value}) in {manifest.package_id}",
        source=item_id,
    )
    for target in targets:
        builder.targets(event, target)


def access_grants(
    package: DisclosurePackage, *, coded_is_access: bool = False
) -> tuple[AccessGrant, ...]:
    """
    The supplier's access to the secrets a package releases, as registry grants.

    One :class:`~tradesecret.definition.AccessGrant` per secret of each item released
    partially or in full (coded items only with ``coded_is_access``), granted on the day of
    disclosure to the supplier (``person`` = supplier id), open-ended, with the package id
    and form as its purpose. Add them to the
    :class:`~tradesecret.definition.SecretRegistry` so ``holders_of`` and
    ``secrets_known_by`` include the supplier.
    """
    grants: list[AccessGrant] = []
    for entry in package.released:
        if entry.form is DisclosureForm.CODED and not coded_is_access:
            continue
        grants.extend(
            AccessGrant(
                person=package.supplier_id,
                secret_id=secret,
                granted=package.as_of,
                purpose=f"{package.manifest.package_id}: {entry.item_id} ({entry.form.value})",
            )
            for secret in entry.secret_ids
        )
    return tuple(grants)


@attrs.frozen(kw_only=True)
class FileMatch:
    """
    A manifest that lists a leaked file.

    Attributes:
        package_id: The package that contained it.
        supplier_id: Who received it.
        item_id: The item it carried.
        form: The form it carried.
        sent_on: When it was sent.
    """

    package_id: str
    supplier_id: str
    item_id: str
    form: DisclosureForm
    sent_on: pendulum.Date


def trace_file(sha256: str, *, manifests: Iterable[Manifest]) -> tuple[FileMatch, ...]:
    """
    Every package, in the order given, that sent the file with this SHA-256.

    A file found outside the company (a drawing on a competitor's server) is matched by
    its hash against the manifests. Send each supplier its own copy (a per-supplier
    watermark changes the hash) and a match names one supplier; an identical copy sent to
    several suppliers matches each of them.
    """
    if not isinstance(sha256, str) or not matches(SHA256, sha256.lower()):
        raise InvalidInputError.single("sha256", sha256, "must be a SHA-256 digest (64 hex digits)")
    digest = sha256.lower()
    return tuple(
        FileMatch(
            package_id=m.package_id,
            supplier_id=m.supplier_id,
            item_id=entry.item_id,
            form=f.form,
            sent_on=m.sent_on,
        )
        for m in manifests
        for entry in m.entries
        for f in entry.files
        if f.sha256 == digest
    )
