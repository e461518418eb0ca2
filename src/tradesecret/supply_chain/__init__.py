"""
Supply-chain protection: staged, de-sensitized disclosure to suppliers, factory audits,
penalty clauses and production-floor controls.

* :func:`plan_disclosure` -- what a supplier sees at each project stage (withheld,
  partial, coded, full), the NDA tier and authorization letter required, a manifest for
  the evidence graph, and findings where the plan breaks the policy.
* :func:`build_code_book`, :func:`item_code`, :func:`trace_leak` -- supplier-specific codes
  for real values, decoded only with the owner's code book; a leaked code names its source.
* :func:`audit_factory` -- the three audit steps and the three high-risk factory types.
* :func:`quality_penalty`, :func:`certification_delay_penalty`,
  :func:`leak_liquidated_damages` -- contract penalty calculators (Decimal money).
* :func:`check_floor_controls` -- production-floor controls checklist with video
  retention deadlines; :func:`floor_measures` turns them into confidentiality measures.
* :func:`add_manifest_to_graph`, :func:`access_grants` -- a disclosure as a record in the
  evidence graph and as the supplier's access grants in the secrets registry;
  :func:`trace_file` finds the packages that sent a leaked file, by its SHA-256.

See ``docs/concepts/supply-chain.md`` and the tutorial ``docs/tutorials/appliance-brand.md``.
"""

from __future__ import annotations

from tradesecret.supply_chain._model import (
    DEFAULT_STAGES,
    AuthorizationLetter,
    DataItem,
    DisclosureForm,
    DisclosurePolicy,
    FileRef,
    ItemKind,
    PlannedRelease,
    PolicyRule,
    Sensitivity,
    StageNdaRequirement,
    file_ref,
)
from tradesecret.supply_chain._parties import Project, Supplier, SupplierKind, nda_in_force
from tradesecret.supply_chain.audit import (
    FactoryProfile,
    LabResult,
    LiveVideo,
    audit_factory,
    outstanding_checks,
    red_flags,
)
from tradesecret.supply_chain.codebook import (
    CodeBook,
    CodeEntry,
    CodingKey,
    LeakMatch,
    build_code_book,
    item_code,
    trace_leak,
)
from tradesecret.supply_chain.controls import (
    DestructionRecord,
    FloorControlReport,
    FloorControls,
    RetentionDeadline,
    check_floor_controls,
    floor_measures,
)
from tradesecret.supply_chain.disclosure import (
    DisclosurePackage,
    Manifest,
    ManifestEntry,
    PackageEntry,
    ViolationHandling,
    plan_disclosure,
)
from tradesecret.supply_chain.penalties import (
    DbFraction,
    certification_delay_penalty,
    leak_liquidated_damages,
    quality_penalty,
)
from tradesecret.supply_chain.records import (
    FileMatch,
    access_grants,
    add_manifest_to_graph,
    trace_file,
)

__all__ = [
    "DEFAULT_STAGES",
    "AuthorizationLetter",
    "CodeBook",
    "CodeEntry",
    "CodingKey",
    "DataItem",
    "DbFraction",
    "DestructionRecord",
    "DisclosureForm",
    "DisclosurePackage",
    "DisclosurePolicy",
    "FactoryProfile",
    "FileMatch",
    "FileRef",
    "FloorControlReport",
    "FloorControls",
    "ItemKind",
    "LabResult",
    "LeakMatch",
    "LiveVideo",
    "Manifest",
    "ManifestEntry",
    "PackageEntry",
    "PlannedRelease",
    "PolicyRule",
    "Project",
    "RetentionDeadline",
    "Sensitivity",
    "StageNdaRequirement",
    "Supplier",
    "SupplierKind",
    "ViolationHandling",
    "access_grants",
    "add_manifest_to_graph",
    "audit_factory",
    "build_code_book",
    "certification_delay_penalty",
    "check_floor_controls",
    "file_ref",
    "floor_measures",
    "item_code",
    "leak_liquidated_damages",
    "nda_in_force",
    "outstanding_checks",
    "plan_disclosure",
    "quality_penalty",
    "red_flags",
    "trace_file",
    "trace_leak",
]
