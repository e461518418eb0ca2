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

from typing import Final

import attrs
import pendulum

from tradesecret.definition import SecretRegistry
from tradesecret.exceptions import Problem, render_value
from tradesecret.measures import NdaTier, NonDisclosureAgreement
from tradesecret.results import Assessment, Finding, Severity, Term
from tradesecret.rulebook import Rulebook, default_rulebook
from tradesecret.supply_chain._common import (
    POLICY,
    SPC_DUTY,
    SPC_MEASURES,
    aucl_secret_article,
    check_id,
    collect,
    date_or_problem,
    in_force_cites,
)
from tradesecret.supply_chain._model import (
    DEFAULT_STAGES,
    AuthorizationLetter,
    DataItem,
    DisclosureForm,
    Sensitivity,
)
from tradesecret.supply_chain._package import (
    DisclosurePackage,
    Manifest,
    ManifestEntry,
    PackageEntry,
    ViolationHandling,
)
from tradesecret.supply_chain._parties import Project, Supplier
from tradesecret.supply_chain._preconditions import (
    letter_check,
    nda_checks,
    qualifying_nda,
    registry_checks,
    supplier_checks,
)
from tradesecret.supply_chain.codebook import CodingKey, code_label, item_code

#: An enum slot given something else: the type and its values.
_ENUM: Final = "must be a {type} ({allowed})"

__all__ = [
    "DisclosurePackage",
    "Manifest",
    "ManifestEntry",
    "PackageEntry",
    "ViolationHandling",
    "plan_disclosure",
]


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
            When given, every linked secret id must be registered, a non-core item must not
            embody a core or important secret, and the NDA tier required rises to the tier
            of the secrets released partially or in full (``NdaTier.for_secret``).

    Raises:
        InvalidInputError: every problem at once (unknown stage, wrong types, bad date or
            order id, each item that would go out coded without ``key``).
    """
    rb = rulebook or default_rulebook()
    day = _checked(project, supplier, stage, as_of, key, handling, order_id, audit, registry)
    findings: list[Finding] = []
    release = _Release(
        project=project, supplier=supplier, stage=stage, key=key, handling=handling, rb=rb
    )
    entries = _entries(release, findings)
    tier = _required_tier(project.policy.nda_tier(stage), entries, registry, rb, findings, day)
    nda = qualifying_nda(supplier, day, tier)
    findings += _preconditions(project, supplier, entries, nda, tier, day, rb, audit=audit)
    letter_required, letter = _letter(release, entries, day, order_id, findings)
    aucl = aucl_secret_article(rb, day)
    aucl_cite = () if aucl is None else (aucl.citations[0],)
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
        citations=(*in_force_cites(rb, day, SPC_MEASURES, SPC_DUTY), *aucl_cite, rb.cite(POLICY)),
        parameters=(aucl,) if aucl is not None else (),
        manifest=_manifest(project, supplier, stage, day, order_id, entries),
    )


@attrs.frozen(kw_only=True)
class _Release:
    """What every item of one plan goes out under: the parties, the stage, the key, the law."""

    project: Project
    supplier: Supplier
    stage: str
    key: CodingKey | None
    handling: ViolationHandling
    rb: Rulebook


def _letter(
    release: _Release,
    entries: list[PackageEntry],
    day: pendulum.Date,
    order_id: str | None,
    findings: list[Finding],
) -> tuple[bool, AuthorizationLetter | None]:
    """Whether a data-use letter is required at this stage, and the one that qualifies."""
    releases = any(e.form is not DisclosureForm.WITHHOLD for e in entries)
    if not (releases and release.stage in release.project.policy.letter_stages):
        return False, None
    return True, letter_check(
        release.supplier,
        project=release.project,
        day=day,
        order_id=order_id,
        rb=release.rb,
        findings=findings,
    )


def _entries(release: _Release, findings: list[Finding]) -> list[PackageEntry]:
    """Every item as it goes out; one error naming each item that needs the coding key."""
    problems: list[Problem] = []
    entries: list[PackageEntry] = []
    for item in release.project.items:
        entry = _entry(release, item, findings, problems)
        if entry is not None:
            entries.append(entry)
    collect(problems)
    return entries


def _preconditions(  # noqa: PLR0917 - internal helper
    project: Project,
    supplier: Supplier,
    entries: list[PackageEntry],
    nda: NonDisclosureAgreement | None,
    tier: NdaTier | None,
    day: pendulum.Date,
    rb: Rulebook,
    *,
    audit: Assessment | None,
) -> list[Finding]:
    """The NDA (required, of the right tier, covering what goes out) and the supplier checks."""
    if not any(e.form is not DisclosureForm.WITHHOLD for e in entries):
        return []
    return [
        *nda_checks(project, supplier, entries, nda=nda, tier=tier, day=day, rb=rb),
        *supplier_checks(supplier, audit, rb, day),
    ]


def _required_tier(  # noqa: PLR0917 - internal helper
    tier: NdaTier | None,
    entries: list[PackageEntry],
    registry: SecretRegistry | None,
    rb: Rulebook,
    findings: list[Finding],
    day: pendulum.Date,
) -> NdaTier | None:
    """The policy's NDA tier, raised to the tier of the registered secrets released."""
    if registry is None:
        return tier
    secret_tier = registry_checks(entries, registry, rb, findings, day)
    if secret_tier is None:
        return tier
    implied = NdaTier.for_secret(secret_tier)
    return implied if tier is None or implied.rank > tier.rank else tier


def _checked(  # noqa: PLR0917 - the arguments of plan_disclosure, checked together
    project: object,
    supplier: object,
    stage: str,
    as_of: object,
    key: object,
    handling: object,
    order_id: str | None,
    audit: object,
    registry: object,
) -> pendulum.Date:
    """The disclosure date, or one error listing every problem with the arguments."""
    problems: list[Problem] = []
    day = date_or_problem(as_of, "as_of", problems)
    if not isinstance(project, Project):
        problems.append(Problem.of("project", type(project).__name__, "must be a Project"))
    elif stage not in project.stages:
        problems.append(
            Problem.of(
                "stage",
                stage,
                "not a stage of {project}: {allowed}",
                project=project.id,
                allowed=project.stages,
            )
        )
    if not isinstance(supplier, Supplier):
        problems.append(Problem.of("supplier", type(supplier).__name__, "must be a Supplier"))
    if key is not None and not isinstance(key, CodingKey):
        problems.append(Problem.of("key", type(key).__name__, "must be a CodingKey"))
    if not isinstance(handling, ViolationHandling):
        problems.append(
            Problem.of(
                "handling",
                handling,
                _ENUM,
                type="ViolationHandling",
                allowed=list(ViolationHandling),
            )
        )
    if order_id is not None:
        check_id(order_id, "order_id", problems)
    if audit is not None and not isinstance(audit, Assessment):
        problems.append(Problem.of("audit", type(audit).__name__, "must be an Assessment"))
    if registry is not None and not isinstance(registry, SecretRegistry):
        problems.append(Problem.of("registry", type(registry).__name__, "must be a SecretRegistry"))
    collect(problems)
    assert day is not None
    return day


def _entry(
    release: _Release, item: DataItem, findings: list[Finding], problems: list[Problem]
) -> PackageEntry | None:
    """What one item goes out as; its findings; a problem when it needs the key."""
    project, supplier, stage, rb = release.project, release.supplier, release.stage, release.rb
    key, handling = release.key, release.handling
    allowed, rule = project.policy.allowed(stage, item)
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
        form = allowed if handling is ViolationHandling.ENFORCE else planned
        findings.append(_beyond_policy(item, stage, planned, allowed, form, handling, rb))
    final = _downgrade(item, form)
    if final is not form:
        findings.append(_form_unavailable(item, form, rb))
    code: str | None = None
    if final is DisclosureForm.CODED:
        if key is None:
            problems.append(
                Problem.of(
                    "key",
                    None,
                    "item {item} goes out coded: pass the owner's CodingKey",
                    item=render_value(item.id),
                )
            )
            return None
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
                args={"item": item.title, "form": Term(f"term.supply_chain.form.{final.value}")},
                subject=item.id,
                remedies=("supply_chain.remedy.register_files",),
            )
        )
    return PackageEntry(
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


def _beyond_policy(  # noqa: PLR0917 - the finding's facts
    item: DataItem,
    stage: str,
    planned: DisclosureForm,
    allowed: DisclosureForm,
    form: DisclosureForm,
    handling: ViolationHandling,
    rb: Rulebook,
) -> Finding:
    """A planned form the policy does not allow: corrected (medium) or reported."""
    enforce = handling is ViolationHandling.ENFORCE
    core_clear = item.sensitivity is Sensitivity.CORE and planned is DisclosureForm.FULL
    severity = Severity.MEDIUM if enforce else (Severity.CRITICAL if core_clear else Severity.HIGH)
    return Finding(
        code=(
            "supply_chain.disclosure.core_in_clear"
            if core_clear
            else "supply_chain.disclosure.exceeds_policy"
        ),
        severity=severity,
        citations=(rb.cite(POLICY),),
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


def _form_unavailable(item: DataItem, form: DisclosureForm, rb: Rulebook) -> Finding:
    return Finding(
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


def _manifest(  # noqa: PLR0917 - the manifest's header
    project: Project,
    supplier: Supplier,
    stage: str,
    day: pendulum.Date,
    order_id: str | None,
    entries: list[PackageEntry],
) -> Manifest:
    return Manifest.build(
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
