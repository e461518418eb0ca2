"""The disclosure package and its manifest: what goes out, in which form, sealed."""

from __future__ import annotations

import enum
import hashlib
import hmac
import json
from typing import TYPE_CHECKING, Any, Final

import attrs
import pendulum

from tradesecret._convert import tuple_of
from tradesecret.exceptions import InvalidInputError
from tradesecret.law import Citation
from tradesecret.measures import NdaTier
from tradesecret.results import Finding, FindingCodes, Severity, Term
from tradesecret.rulebook import ParameterValue
from tradesecret.supply_chain._common import (
    finding_lines,
    heading,
    term_or_code,
)
from tradesecret.supply_chain._model import (
    DisclosureForm,
    FileRef,
    ItemKind,
    Sensitivity,
)
from tradesecret.supply_chain.codebook import CodingKey

if TYPE_CHECKING:
    from tradesecret.i18n import Format, Localizer

__all__ = [
    "DisclosurePackage",
    "Manifest",
    "ManifestEntry",
    "PackageEntry",
    "ViolationHandling",
]


#: Domain separation of manifest seals from item codes (codes MAC a JSON array).
_SEAL_CONTEXT: Final = b"tradesecret-manifest-seal:"


class ViolationHandling(enum.Enum):
    """What :func:`plan_disclosure` does with a planned form the policy does not allow."""

    #: Release the policy's form instead; record the correction (default).
    ENFORCE = "enforce"
    #: Keep the planned form; report the breach.
    REPORT = "report"


@attrs.frozen(kw_only=True)
class PackageEntry:
    """
    One item of a package.

    Attributes:
        item_id: The data item.
        title: Its title.
        kind: Its kind.
        sensitivity: Core or non-core.
        secret_ids: The registry secrets it embodies.
        planned: The form the plan asked for (the policy's form where the plan is silent).
        allowed: The most revealing form the policy allows.
        form: The form it goes out in.
        code: The supplier-specific code, for a coded item.
        shown: What a partial release shows.
        hidden: What a partial release hides.
        files: The files sent (those prepared for :attr:`form`).
    """

    item_id: str
    title: str
    kind: ItemKind
    sensitivity: Sensitivity
    secret_ids: tuple[str, ...] = attrs.field(validator=tuple_of(str))
    planned: DisclosureForm
    allowed: DisclosureForm
    form: DisclosureForm
    code: str | None = None
    shown: str | None = None
    hidden: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    files: tuple[FileRef, ...] = attrs.field(default=(), validator=tuple_of(FileRef))


@attrs.frozen(kw_only=True)
class ManifestEntry:
    """
    One released item in a manifest.

    Attributes:
        item_id: The data item.
        secret_ids: The registry secrets it embodies.
        form: The form sent.
        code: The code sent in place of the real value, for a coded item.
        files: Name and SHA-256 of every file sent.
    """

    item_id: str
    secret_ids: tuple[str, ...] = attrs.field(validator=tuple_of(str))
    form: DisclosureForm
    code: str | None = None
    files: tuple[FileRef, ...] = attrs.field(default=(), validator=tuple_of(FileRef))


@attrs.frozen(kw_only=True)
class Manifest:
    """
    The record of one disclosure: what was sent, in what form, to whom, when.

    The evidence graph takes it as a disclosure record (see
    :func:`tradesecret.supply_chain.add_manifest_to_graph`). ``digest`` is the SHA-256 of
    the canonical JSON of every other field, and ``package_id`` is ``PKG-`` plus its
    first 16 hex digits (upper case), so the id changes whenever the content does.

    :meth:`verify` checks that the content still matches the digest and id: it catches a
    changed copy whose digest was not recomputed. Anyone can recompute a SHA-256, so to
    detect deliberate tampering keep a :meth:`seal` made with the owner's
    :class:`~tradesecret.supply_chain.CodingKey` (an HMAC of the digest) on the owner's
    side, or the package id in a record the supplier countersigned, and pass the seal to
    :meth:`verify`. Neither the seal nor the manifest reveals the key.

    Attributes:
        package_id: ``PKG-`` + the first 16 hex digits of :attr:`digest`.
        project_id: The project.
        supplier_id: The recipient's id.
        recipient: The recipient's name.
        stage: The project stage.
        sent_on: Date of the disclosure.
        order_id: The order named, if any.
        entries: The released items (withheld items are not sent, so not listed).
        digest: SHA-256 over the canonical content.
    """

    package_id: str
    project_id: str
    supplier_id: str
    recipient: str
    stage: str
    sent_on: pendulum.Date
    order_id: str | None
    entries: tuple[ManifestEntry, ...] = attrs.field(validator=tuple_of(ManifestEntry))
    digest: str

    @staticmethod
    def compute_digest(
        *,
        project_id: str,
        supplier_id: str,
        recipient: str,
        stage: str,
        sent_on: pendulum.Date,
        order_id: str | None,
        entries: tuple[ManifestEntry, ...],
    ) -> str:
        """SHA-256 (hex) of the canonical JSON of the manifest's content."""
        content: dict[str, Any] = {
            "project_id": project_id,
            "supplier_id": supplier_id,
            "recipient": recipient,
            "stage": stage,
            "sent_on": sent_on.to_date_string(),
            "order_id": order_id,
            "entries": [
                {
                    "item_id": e.item_id,
                    "secret_ids": list(e.secret_ids),
                    "form": e.form.value,
                    "code": e.code,
                    "files": [[f.name, f.sha256, f.form.value] for f in e.files],
                }
                for e in entries
            ],
        }
        canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    @classmethod
    def build(
        cls,
        *,
        project_id: str,
        supplier_id: str,
        recipient: str,
        stage: str,
        sent_on: pendulum.Date,
        order_id: str | None,
        entries: tuple[ManifestEntry, ...],
    ) -> Manifest:
        """A manifest with its digest and package id computed."""
        digest = cls.compute_digest(
            project_id=project_id,
            supplier_id=supplier_id,
            recipient=recipient,
            stage=stage,
            sent_on=sent_on,
            order_id=order_id,
            entries=entries,
        )
        return cls(
            package_id="PKG-" + digest[:16].upper(),
            project_id=project_id,
            supplier_id=supplier_id,
            recipient=recipient,
            stage=stage,
            sent_on=sent_on,
            order_id=order_id,
            entries=entries,
            digest=digest,
        )

    def seal(self, key: CodingKey) -> str:
        """
        HMAC-SHA256 (hex) of :attr:`digest` under the owner's key: only the key holder
        can make it, so a manifest rebuilt after tampering fails :meth:`verify` with it.
        """
        if not isinstance(key, CodingKey):
            raise InvalidInputError.single("key", type(key).__name__, "must be a CodingKey")
        message = _SEAL_CONTEXT + self.digest.encode("ascii")
        return hmac.new(key.secret, message, hashlib.sha256).hexdigest()

    def verify(self, *, key: CodingKey | None = None, seal: str | None = None) -> bool:
        """
        True when :attr:`digest` and :attr:`package_id` match the content and, when ``key``
        and ``seal`` are given, the seal is the key's seal of that digest.

        Raises:
            InvalidInputError: only one of ``key`` and ``seal`` given.
        """
        if (key is None) != (seal is None):
            raise InvalidInputError.single(
                "seal" if seal is None else "key", None, "pass both key and seal, or neither"
            )
        digest = self.compute_digest(
            project_id=self.project_id,
            supplier_id=self.supplier_id,
            recipient=self.recipient,
            stage=self.stage,
            sent_on=self.sent_on,
            order_id=self.order_id,
            entries=self.entries,
        )
        intact = digest == self.digest and self.package_id == "PKG-" + digest[:16].upper()
        if not intact or key is None or seal is None:
            return intact
        return hmac.compare_digest(self.seal(key), seal)

    def file_hashes(self) -> tuple[str, ...]:
        """SHA-256 of every file sent, in order."""
        return tuple(f.sha256 for e in self.entries for f in e.files)


@attrs.frozen(kw_only=True)
class DisclosurePackage(FindingCodes):
    """
    What goes to one supplier at one stage, what is held back, and what must be in place.

    It holds codes, never real values of coded items and never the code book.

    Attributes:
        project_id: The project.
        supplier_id: The supplier.
        stage: The stage.
        as_of: The planned date of disclosure.
        order_id: The order named, if any.
        handling: How planned forms beyond the policy were handled.
        entries: Every item of the project, in project order, with its form.
        nda_tier_required: The NDA tier the policy requires at this stage, if any.
        nda_id: The NDA relied on, if one qualifies.
        letter_required: True when the stage needs a data-use authorization letter.
        letter_id: The letter relied on, if one qualifies.
        findings: Breaches of the policy and missing preconditions.
        citations: The legal and policy basis.
        manifest: The disclosure record.
        parameters: The dated parameters used (the AUCL article in force on ``as_of``).
    """

    project_id: str
    supplier_id: str
    stage: str
    as_of: pendulum.Date
    order_id: str | None
    handling: ViolationHandling
    entries: tuple[PackageEntry, ...] = attrs.field(validator=tuple_of(PackageEntry))
    nda_tier_required: NdaTier | None
    nda_id: str | None
    letter_required: bool
    letter_id: str | None
    findings: tuple[Finding, ...] = attrs.field(validator=tuple_of(Finding))
    citations: tuple[Citation, ...] = attrs.field(validator=tuple_of(Citation))
    manifest: Manifest
    parameters: tuple[ParameterValue, ...] = attrs.field(
        default=(), validator=tuple_of(ParameterValue)
    )

    @property
    def released(self) -> tuple[PackageEntry, ...]:
        """The entries that go out (any form but withheld)."""
        return tuple(e for e in self.entries if e.form is not DisclosureForm.WITHHOLD)

    @property
    def withheld(self) -> tuple[PackageEntry, ...]:
        """The entries held back."""
        return tuple(e for e in self.entries if e.form is DisclosureForm.WITHHOLD)

    @property
    def cleared(self) -> bool:
        """True when no finding is high or critical: the package may go out as it stands."""
        return not any(f.severity.at_least(Severity.HIGH) for f in self.findings)

    def entry(self, item_id: str) -> PackageEntry:
        """
        The entry of ``item_id``.

        Raises:
            InvalidInputError: no item of that id in the package.
        """
        for e in self.entries:
            if e.item_id == item_id:
                return e
        raise InvalidInputError.single("item_id", item_id, "no such item in the package")

    def __explain__(self, loc: Localizer, fmt: Format) -> str:
        """Render the package (see :func:`tradesecret.explain`)."""
        stage = term_or_code(loc, "term.supply_chain.stage", self.stage)
        lines = [
            heading(
                fmt,
                2,
                f"{loc.term('heading.supply_chain.package')} — {self.project_id} → {self.supplier_id}",
            ),
            "",
            (
                f"{loc.label('heading.supply_chain.stage')}{stage} · "
                f"{loc.label('heading.as_of')}{loc.date(self.as_of)} · "
                f"{loc.label('heading.supply_chain.package_id')}{self.manifest.package_id}"
            ),
            f"{loc.label('heading.basis')}{loc.citations(self.citations)}",
            "",
            heading(fmt, 3, loc.term("heading.supply_chain.released")),
        ]
        lines += [f"- {_entry_line(loc, e)}" for e in self.released] or ["- —"]
        lines += ["", heading(fmt, 3, loc.term("heading.supply_chain.withheld"))]
        lines += [f"- {_item_name(loc, e)}" for e in self.withheld] or ["- —"]
        lines += ["", heading(fmt, 3, loc.term("heading.supply_chain.requirements"))]
        if self.nda_tier_required is not None:
            nda = loc.message(
                "supply_chain.package.nda_tier",
                {"tier": Term(f"term.supply_chain.nda_tier.{self.nda_tier_required.value}")},
            )
        else:
            nda = loc.message("supply_chain.package.nda_any")
        status = (
            loc.message("supply_chain.package.met_by", {"ref": self.nda_id})
            if self.nda_id
            else loc.message("supply_chain.package.missing")
        )
        lines.append(f"- {nda}{_colon(loc)}{status}")
        if self.letter_required:
            letter = (
                loc.message("supply_chain.package.met_by", {"ref": self.letter_id})
                if self.letter_id
                else loc.message("supply_chain.package.missing")
            )
            order = self.order_id or "—"
            lines.append(
                f"- {loc.message('supply_chain.package.letter', {'order': order})}{_colon(loc)}{letter}"
            )
        else:
            lines.append(f"- {loc.message('supply_chain.package.no_letter_needed')}")
        if self.findings:
            lines += [
                "",
                heading(fmt, 3, loc.term("heading.findings")),
                *finding_lines(loc, self.findings),
            ]
        lines += ["", loc.term("heading.disclaimer")]
        return "\n".join(lines)


def _item_name(loc: Localizer, e: PackageEntry) -> str:
    kind = loc.term(f"term.supply_chain.kind.{e.kind.value}")
    sensitivity = loc.term(f"term.supply_chain.sensitivity.{e.sensitivity.value}")
    return f"{e.title}（{kind}，{sensitivity}）" if loc.zh else f"{e.title} ({kind}, {sensitivity})"


def _colon(loc: Localizer) -> str:
    return "：" if loc.zh else ": "


def _entry_line(loc: Localizer, e: PackageEntry) -> str:
    parts = [
        f"{_item_name(loc, e)}{_colon(loc)}{loc.term(f'term.supply_chain.form.{e.form.value}')}"
    ]
    if e.code is not None:
        parts.append(loc.message("supply_chain.package.code", {"code": e.code}))
    if e.form is DisclosureForm.PARTIAL and e.shown is not None:
        hidden = ("、" if loc.zh else ", ").join(e.hidden) if e.hidden else "—"
        parts.append(
            loc.message("supply_chain.package.partial", {"shown": e.shown, "hidden": hidden})
        )
    parts.append(loc.message("supply_chain.package.files", {"count": len(e.files)}))
    return " · ".join(parts)
