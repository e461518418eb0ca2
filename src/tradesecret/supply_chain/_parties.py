"""Suppliers and projects: who may receive project data, and what the project holds."""

from __future__ import annotations

import enum
from typing import Final

import attrs

from tradesecret._convert import tuple_of
from tradesecret.dates import term_end, to_date
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.measures import NonDisclosureAgreement
from tradesecret.supply_chain._common import ID_FIELD, TEXT_FIELD, check_id, collect
from tradesecret.supply_chain._model import (
    DEFAULT_STAGES,
    AuthorizationLetter,
    DataItem,
    DisclosureForm,
    DisclosurePolicy,
    PlannedRelease,
)

#: An enum slot given something else: the type and its values.
_ENUM: Final = "must be a {type} ({allowed})"

__all__ = ["Project", "Supplier", "SupplierKind", "nda_in_force"]


class SupplierKind(enum.Enum):
    """What the supplier says it is."""

    FACTORY = "factory"  # 工厂
    TRADING_COMPANY = "trading_company"  # 贸易公司
    DESIGN_HOUSE = "design_house"  # 方案公司
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Supplier:
    """
    A supplier (contract factory, design house...) that may receive project data.

    Attributes:
        id: Supplier id.
        name: Registered name.
        kind: What it says it is.
        ndas: NDAs signed with it (:class:`tradesecret.measures.NonDisclosureAgreement`, with
            ``party`` equal to this supplier's ``id`` or ``name``).
        letters: Data-use authorization letters issued to it.
    """

    id: str = attrs.field(metadata=ID_FIELD)
    name: str = attrs.field(metadata=TEXT_FIELD)
    kind: SupplierKind = SupplierKind.FACTORY
    ndas: tuple[NonDisclosureAgreement, ...] = attrs.field(
        default=(), validator=tuple_of(NonDisclosureAgreement)
    )
    letters: tuple[AuthorizationLetter, ...] = attrs.field(
        default=(), validator=tuple_of(AuthorizationLetter)
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        check_id(self.id, "id", problems)
        if not isinstance(self.name, str) or not self.name.strip():
            problems.append(Problem.of("name", self.name, "must be non-empty text"))
        if not isinstance(self.kind, SupplierKind):
            problems.append(
                Problem.of(
                    "kind", self.kind, _ENUM, type="SupplierKind", allowed=list(SupplierKind)
                )
            )
        collect(problems)


@attrs.frozen(kw_only=True)
class Project:
    """
    A product project: its ordered stages, data items, the disclosure plan and policy.

    Attributes:
        id: Project id.
        name: Project name.
        stages: Ordered stages (default prototyping, pilot run, mass production).
        items: The data items.
        plan: Planned releases; an item without a line at a stage follows the policy.
        policy: The disclosure policy (default: :meth:`DisclosurePolicy.default`).
    """

    id: str = attrs.field(metadata=ID_FIELD)
    name: str
    items: tuple[DataItem, ...] = attrs.field(validator=tuple_of(DataItem))
    stages: tuple[str, ...] = attrs.field(default=DEFAULT_STAGES, validator=tuple_of(str))
    plan: tuple[PlannedRelease, ...] = attrs.field(default=(), validator=tuple_of(PlannedRelease))
    policy: DisclosurePolicy = attrs.field(factory=DisclosurePolicy.default)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        check_id(self.id, "id", problems)
        if not self.stages:
            problems.append(Problem.of("stages", self.stages, "at least one stage"))
        if len(set(self.stages)) != len(self.stages):
            problems.append(Problem.of("stages", self.stages, "stages must be distinct"))
        ids = [item.id for item in self.items]
        for i, item in enumerate(self.items):
            check_id(item.id, f"items[{i}].id", problems)
            if ids.count(item.id) > 1 and ids.index(item.id) == i:
                problems.append(Problem.of(f"items[{i}].id", item.id, "duplicate item id"))
        for i, line in enumerate(self.plan):
            if line.stage not in self.stages:
                problems.append(Problem.of(f"plan[{i}].stage", line.stage, "unknown stage"))
            if line.item_id not in ids:
                problems.append(Problem.of(f"plan[{i}].item_id", line.item_id, "unknown item"))
        keys = [(p.stage, p.item_id, p.supplier_id) for p in self.plan]
        if len(set(keys)) != len(keys):
            problems.append(
                Problem.of("plan", "", "two lines for the same stage, item and supplier")
            )
        collect(problems)

    def item(self, item_id: str) -> DataItem:
        """The item with that id."""
        for item in self.items:
            if item.id == item_id:
                return item
        raise InvalidInputError.single("item_id", item_id, "no such item in the project")

    def planned(self, stage: str, item_id: str, supplier_id: str) -> DisclosureForm | None:
        """The planned form for an item at a stage for a supplier, or ``None`` when unplanned."""
        general: DisclosureForm | None = None
        for line in self.plan:
            if line.stage == stage and line.item_id == item_id:
                if line.supplier_id == supplier_id:
                    return line.form
                if line.supplier_id is None:
                    general = line.form
        return general

    def stage_index(self, stage: str) -> int:
        """Position of ``stage`` in :attr:`stages`."""
        if stage not in self.stages:
            raise InvalidInputError.single(
                "stage",
                stage,
                "not a stage of {project}: {allowed}",
                project=self.id,
                allowed=self.stages,
            )
        return self.stages.index(stage)


def nda_in_force(nda: NonDisclosureAgreement, *, as_of: object) -> bool:
    """
    True when ``nda`` is signed on or before ``as_of`` and its confidentiality period (from
    signing, by the period rule of :func:`~tradesecret.dates.term_end`) has not ended.

    Examples:
        >>> from tradesecret.measures import NdaTier, NonDisclosureAgreement, PartyKind
        >>> nda = NonDisclosureAgreement(id="N", tier=NdaTier.CORE, party="F-A",
        ...     party_kind=PartyKind.SUPPLIER, signed="2025-01-01", duration_months=12)
        >>> nda_in_force(nda, as_of="2026-01-01"), nda_in_force(nda, as_of="2026-01-02")
        (True, False)
    """
    day = to_date(as_of, path="as_of")
    if nda.signed > day:
        return False
    if nda.duration_months is None:
        return True
    return day <= term_end(nda.signed, months=nda.duration_months)
