"""
Staged, de-sensitized disclosure: what a supplier may see at each stage, and the package.

:func:`plan_disclosure` takes a :class:`~tradesecret.supply_chain.Project` (its items, plan
and policy), a :class:`~tradesecret.supply_chain.Supplier` and a stage, and returns a
:class:`DisclosurePackage`: each item with the form it goes out in (withheld, partial,
coded, full), the supplier-specific code of each coded item, the NDA tier and the
data-use authorization letter required, a :class:`Manifest` (items, forms, SHA-256 of
every file sent, recipient, date, package id), and findings wherever the plan breaks the
policy or a precondition is missing.

How a planned form that the policy does not allow is handled is a choice
(:class:`ViolationHandling`):

* ``ENFORCE`` (default) -- the package releases the policy's form instead, and a
  medium finding records that the plan had to be corrected. The default, because a
  package is the list of what actually goes out, and a library should never produce a
  shipment list more revealing than the policy allows.
* ``REPORT`` -- the package keeps the planned form and the finding is high (critical for a
  core item in clear): use it to review a draft plan.

Legal frame: confidentiality requirements imposed on suppliers, and limiting the range of
persons who can access a secret, are among the measures from which a court shall find that
confidentiality measures were taken, where under normal circumstances they suffice to
prevent leakage (SPC Trade Secret Provisions Art. 6 items 2 and 4); a supplier's duty of
confidentiality arises by law or contract and, without a contract clause, can arise from
good faith where it knew or should have known the information was a trade secret
(Art. 10); a supplier that discloses or uses a secret in breach of a confidentiality duty
infringes (AUCL 2019 Art. 9 before 2025-10-15, AUCL 2025 Art. 10 from then on, chosen by
the package date through ``supply_chain.aucl_infringement_article``). The staging itself
-- which form at which stage -- is the library's default policy, not law.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import json
from typing import TYPE_CHECKING, Any, Final

import attrs
import pendulum

from tradesecret._convert import tuple_of
from tradesecret.definition import ClassificationTier, SecretRegistry
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.law import Citation
from tradesecret.measures import NdaTier, NonDisclosureAgreement
from tradesecret.results import Assessment, Finding, Outcome, Severity, Term
from tradesecret.rulebook import ParameterValue, Rulebook, default_rulebook
from tradesecret.supply_chain._common import (
    POLICY,
    SPC_CORRESPONDENCE,
    SPC_DUTY,
    SPC_MEASURES,
    aucl_secret_article,
    check_id,
    collect,
    date_or_problem,
    finding_lines,
    heading,
    in_force_cites,
    term_or_code,
)
from tradesecret.supply_chain._model import (
    DEFAULT_STAGES,
    AuthorizationLetter,
    DataItem,
    DisclosureForm,
    FileRef,
    ItemKind,
    Sensitivity,
)
from tradesecret.supply_chain._parties import Project, Supplier, SupplierKind, nda_in_force
from tradesecret.supply_chain.codebook import CodingKey, code_label, item_code

if TYPE_CHECKING:
    from tradesecret.i18n import Format, Localizer

__all__ = [
    "DisclosurePackage",
    "Manifest",
    "ManifestEntry",
    "PackageEntry",
    "ViolationHandling",
    "plan_disclosure",
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
class DisclosurePackage:
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

    def codes(self) -> frozenset[str]:
        """The finding codes."""
        return frozenset(f.code for f in self.findings)

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


# -- planning ---------------------------------------------------------------------------


def _stage_arg(stage: str) -> str | Term:
    """A default stage as a translated term; a custom stage as its own name."""
    return Term(f"term.supply_chain.stage.{stage}") if stage in DEFAULT_STAGES else stage


def _downgrade(item: DataItem, form: DisclosureForm) -> DisclosureForm:
    """``form`` when the item supports it, else withheld."""
    return form if item.supports(form) else DisclosureForm.WITHHOLD


def plan_disclosure(
    project: Project,
    supplier: Supplier,
    stage: str,
    *,
    as_of: object,
    rulebook: Rulebook | None = None,
    order_id: str | None = None,
    key: CodingKey | None = None,
    handling: ViolationHandling = ViolationHandling.ENFORCE,
    audit: Assessment | None = None,
    registry: SecretRegistry | None = None,
) -> DisclosurePackage:
    """
    Plan what ``supplier`` receives from ``project`` at ``stage``.

    For each item: the policy gives the most revealing form allowed; the plan gives the
    form wanted (the policy's form where the plan is silent). A planned form the policy does
    not allow is corrected or reported (``handling``). A form the item cannot take
    (coding without a real value, partial without a partial view) falls back to withheld.
    Coded items get the supplier's code (:func:`~tradesecret.supply_chain.item_code`).

    Then the preconditions: an NDA with the supplier (its ``party`` is the supplier's id
    or name), signed on or before ``as_of`` and still in force, of the tier the policy
    requires at this stage; and at a letter stage (mass production by default) a
    countersigned data-use authorization letter for this project and ``order_id`` limiting
    use to that order.

    Args:
        project: The project (items, plan, policy).
        supplier: The recipient.
        stage: One of ``project.stages``.
        as_of: The planned date of disclosure.
        rulebook: Law catalog; default :func:`~tradesecret.rulebook.default_rulebook`.
        order_id: The order the release serves; needed at a letter stage.
        key: The owner-held coding key; required when an item goes out coded.
        handling: What to do with planned forms beyond the policy.
        audit: The supplier's factory audit (:func:`~tradesecret.supply_chain.audit_factory`),
            if one was made: releasing anything to a supplier whose audit failed is a high
            finding, to one whose audit is incomplete a medium one. A supplier of kind
            ``TRADING_COMPANY`` is a high finding whether audited or not.
        registry: The secrets registry (:class:`tradesecret.definition.SecretRegistry`).
            When given, every linked secret id must be registered, an item marked
            non-core must not embody a core or important secret, and the NDA tier
            required rises to the classification of the secrets released partially or
            in full (``NdaTier.for_secret``).

    Raises:
        InvalidInputError: every problem at once: an unknown stage, arguments of the wrong
            type, a bad date or order id, and each item that would go out coded without
            ``key``.
    """
    rb = rulebook or default_rulebook()
    problems: list[Problem] = []
    day = date_or_problem(as_of, "as_of", problems)
    if not isinstance(project, Project):
        problems.append(Problem.of("project", type(project).__name__, "must be a Project"))
    elif stage not in project.stages:
        problems.append(
            Problem.of("stage", stage, f"not a stage of {project.id}: {', '.join(project.stages)}")
        )
    if not isinstance(supplier, Supplier):
        problems.append(Problem.of("supplier", type(supplier).__name__, "must be a Supplier"))
    if key is not None and not isinstance(key, CodingKey):
        problems.append(Problem.of("key", type(key).__name__, "must be a CodingKey"))
    if not isinstance(handling, ViolationHandling):
        problems.append(Problem.of("handling", handling, "must be a ViolationHandling"))
    if order_id is not None:
        check_id(order_id, "order_id", problems)
    if audit is not None and not isinstance(audit, Assessment):
        problems.append(Problem.of("audit", type(audit).__name__, "must be an Assessment"))
    if registry is not None and not isinstance(registry, SecretRegistry):
        problems.append(Problem.of("registry", type(registry).__name__, "must be a SecretRegistry"))
    collect(problems)
    assert day is not None
    policy = project.policy
    findings: list[Finding] = []
    entries: list[PackageEntry] = []
    policy_cites = (rb.cite(POLICY),)
    for item in project.items:
        allowed, rule = policy.allowed(stage, item)
        planned = project.planned(stage, item.id, supplier.id) or allowed
        if rule is None:
            findings.append(
                Finding(
                    code="supply_chain.disclosure.no_policy_rule",
                    severity=Severity.INFO,
                    citations=(rb.cite(POLICY),),
                    args={"item": item.title, "stage": _stage_arg(stage)},
                    subject=item.id,
                )
            )
        form = planned
        if not allowed.permits(planned):
            enforce = handling is ViolationHandling.ENFORCE
            form = allowed if enforce else planned
            core_clear = item.sensitivity is Sensitivity.CORE and planned is DisclosureForm.FULL
            severity = (
                Severity.MEDIUM if enforce else (Severity.CRITICAL if core_clear else Severity.HIGH)
            )
            findings.append(
                Finding(
                    code=(
                        "supply_chain.disclosure.core_in_clear"
                        if core_clear
                        else "supply_chain.disclosure.exceeds_policy"
                    ),
                    severity=severity,
                    citations=policy_cites,
                    args={
                        "item": item.title,
                        "stage": _stage_arg(stage),
                        "planned": Term(f"term.supply_chain.form.{planned.value}"),
                        "allowed": Term(f"term.supply_chain.form.{allowed.value}"),
                        "released": Term(f"term.supply_chain.form.{form.value}"),
                    },
                    subject=item.id,
                    remedies=("supply_chain.remedy.follow_policy",),
                )
            )
        final = _downgrade(item, form)
        if final is not form:
            findings.append(
                Finding(
                    code="supply_chain.disclosure.form_unavailable",
                    severity=Severity.MEDIUM,
                    citations=(rb.cite(POLICY),),
                    args={"item": item.title, "form": Term(f"term.supply_chain.form.{form.value}")},
                    subject=item.id,
                    remedies=(
                        "supply_chain.remedy.add_real_value"
                        if form is DisclosureForm.CODED
                        else "supply_chain.remedy.add_partial_view",
                    ),
                )
            )
        code: str | None = None
        if final is DisclosureForm.CODED:
            if key is None:
                problems.append(
                    Problem.of(
                        "key", None, f"item {item.id!r} goes out coded: pass the owner's CodingKey"
                    )
                )
                continue
            code = item_code(
                key,
                project_id=project.id,
                supplier_id=supplier.id,
                item_id=item.id,
                label=code_label(item),
            )
        files = item.files_for(final)
        if final is not DisclosureForm.WITHHOLD and not files:
            findings.append(
                Finding(
                    code="supply_chain.disclosure.no_files",
                    severity=Severity.LOW,
                    citations=(rb.cite(POLICY),),
                    args={
                        "item": item.title,
                        "form": Term(f"term.supply_chain.form.{final.value}"),
                    },
                    subject=item.id,
                    remedies=("supply_chain.remedy.register_files",),
                )
            )
        entries.append(
            PackageEntry(
                item_id=item.id,
                title=item.title,
                kind=item.kind,
                sensitivity=item.sensitivity,
                secret_ids=item.secret_ids,
                planned=planned,
                allowed=allowed,
                form=final,
                code=code,
                shown=item.partial_view if final is DisclosureForm.PARTIAL else None,
                hidden=item.hidden if final is DisclosureForm.PARTIAL else (),
                files=files,
            )
        )
    collect(problems)
    releases_anything = any(e.form is not DisclosureForm.WITHHOLD for e in entries)
    tier = policy.nda_tier(stage)
    if registry is not None:
        secret_tier = _registry_checks(entries, registry, rb, findings, day)
        if secret_tier is not None:
            implied = NdaTier.for_secret(secret_tier)
            if tier is None or implied.rank > tier.rank:
                tier = implied
    nda = _qualifying_nda(supplier, day, tier)
    needs_nda = releases_anything and (policy.nda_always_required or tier is not None)
    if needs_nda and nda is None:
        covering = _qualifying_nda(supplier, day, None)
        duty = (*in_force_cites(rb, day, SPC_MEASURES, SPC_DUTY), rb.cite(POLICY))
        if covering is not None and tier is not None:
            findings.append(
                Finding(
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
            )
        else:
            findings.append(
                Finding(
                    code="supply_chain.disclosure.no_nda",
                    severity=Severity.CRITICAL,
                    citations=duty,
                    args={"supplier": supplier.name, "project": project.id},
                    subject=supplier.id,
                    remedies=("supply_chain.remedy.sign_nda",),
                )
            )
    if nda is not None and nda.secret_ids():
        named = set(nda.secret_ids())
        gaps = sorted(
            {
                sid
                for e in entries
                if e.form is not DisclosureForm.WITHHOLD
                for sid in e.secret_ids
                if sid not in named
            }
        )
        if gaps:
            findings.append(
                Finding(
                    code="supply_chain.disclosure.nda_scope_gap",
                    severity=Severity.MEDIUM,
                    citations=(*in_force_cites(rb, day, SPC_CORRESPONDENCE), rb.cite(POLICY)),
                    args={"nda": nda.id, "secrets": ", ".join(gaps)},
                    subject=supplier.id,
                    remedies=("supply_chain.remedy.extend_nda_scope",),
                )
            )
    if releases_anything:
        findings.extend(_supplier_checks(supplier, audit, rb))
    letter_required = releases_anything and stage in policy.letter_stages
    letter: AuthorizationLetter | None = None
    if letter_required:
        letter = _letter_check(
            supplier, project=project, day=day, order_id=order_id, rb=rb, findings=findings
        )
    aucl = aucl_secret_article(rb, day)
    citations = (
        *in_force_cites(rb, day, SPC_MEASURES, SPC_DUTY),
        *((aucl.citations[0],) if aucl is not None else ()),
        rb.cite(POLICY),
    )
    manifest = Manifest.build(
        project_id=project.id,
        supplier_id=supplier.id,
        recipient=supplier.name,
        stage=stage,
        sent_on=day,
        order_id=order_id,
        entries=tuple(
            ManifestEntry(
                item_id=e.item_id, secret_ids=e.secret_ids, form=e.form, code=e.code, files=e.files
            )
            for e in entries
            if e.form is not DisclosureForm.WITHHOLD
        ),
    )
    return DisclosurePackage(
        project_id=project.id,
        supplier_id=supplier.id,
        stage=stage,
        as_of=day,
        order_id=order_id,
        handling=handling,
        entries=tuple(entries),
        nda_tier_required=tier,
        nda_id=nda.id if nda is not None else None,
        letter_required=letter_required,
        letter_id=letter.id if letter is not None else None,
        findings=tuple(findings),
        citations=citations,
        parameters=(aucl,) if aucl is not None else (),
        manifest=manifest,
    )


def _registry_checks(
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


def _supplier_checks(supplier: Supplier, audit: Assessment | None, rb: Rulebook) -> list[Finding]:
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


def _qualifying_nda(
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


def _letter_check(
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
