"""Fixtures of the supply-chain tests: a small vacuum-cleaner project and two factories."""

from __future__ import annotations

import pytest

from tradesecret.dates import to_date
from tradesecret.measures import NdaTier, NonDisclosureAgreement, PartyKind
from tradesecret.supply_chain import (
    AuthorizationLetter,
    CodingKey,
    DataItem,
    DisclosureForm,
    ItemKind,
    Project,
    Sensitivity,
    Supplier,
    file_ref,
)


@pytest.fixture
def key() -> CodingKey:
    """The owner's coding key."""
    return CodingKey(secret=b"brand-owner coding key 32 bytes!")


@pytest.fixture
def items() -> tuple[DataItem, ...]:
    """One item of each kind that matters, core and non-core."""
    return (
        DataItem(
            id="housing",
            kind=ItemKind.DRAWING,
            title="Housing drawing",
            sensitivity=Sensitivity.CORE,
            secret_ids=("TS-HOUSING",),
            partial_view="appearance only",
            hidden=("motor structure",),
            files=(
                file_ref("housing-appearance.pdf", b"appearance", DisclosureForm.PARTIAL),
                file_ref("housing-full.step", b"full model", DisclosureForm.FULL),
            ),
        ),
        DataItem(
            id="battery",
            kind=ItemKind.PARAMETER,
            title="Battery capacity",
            sensitivity=Sensitivity.CORE,
            secret_ids=("TS-BATTERY",),
            real_value="2000",
            unit="mAh",
            code_label="Runtime Level",
            files=(file_ref("battery-spec-coded.pdf", b"coded sheet", DisclosureForm.CODED),),
        ),
        DataItem(
            id="suction",
            kind=ItemKind.ALGORITHM,
            title="Suction control algorithm",
            sensitivity=Sensitivity.CORE,
            secret_ids=("TS-ALGO",),
        ),
        DataItem(
            id="launch",
            kind=ItemKind.LAUNCH_PLAN,
            title="Launch plan",
            sensitivity=Sensitivity.CORE,
            secret_ids=("TS-LAUNCH",),
        ),
        DataItem(
            id="colour",
            kind=ItemKind.PARAMETER,
            title="Colour",
            sensitivity=Sensitivity.NON_CORE,
            real_value="pearl white",
            files=(file_ref("colour.pdf", b"pearl white", DisclosureForm.FULL),),
        ),
    )


@pytest.fixture
def project(items: tuple[DataItem, ...]) -> Project:
    """The project with the default stages and policy and no plan lines."""
    return Project(id="VAC-1", name="Cordless vacuum", items=items)


def make_nda(
    party: str, tier: NdaTier = NdaTier.CORE, signed: str = "2026-01-05"
) -> NonDisclosureAgreement:
    """An NDA with a supplier."""
    return NonDisclosureAgreement(
        id=f"NDA-{party}",
        tier=tier,
        party=party,
        party_kind=PartyKind.SUPPLIER,
        signed=to_date(signed),
    )


def make_letter(supplier: str, order: str = "PO-1") -> AuthorizationLetter:
    """A countersigned data-use authorization letter for VAC-1."""
    return AuthorizationLetter(
        id=f"L-{supplier}-{order}",
        project_id="VAC-1",
        supplier_id=supplier,
        order_id=order,
        issued_on=to_date("2026-04-28"),
        countersigned_on=to_date("2026-05-01"),
    )


@pytest.fixture
def factory_a() -> Supplier:
    """A factory with a core-tier NDA and a letter for order PO-1."""
    return Supplier(
        id="F-A", name="Factory A", ndas=(make_nda("F-A"),), letters=(make_letter("F-A"),)
    )


@pytest.fixture
def factory_b() -> Supplier:
    """A second factory with the same paperwork."""
    return Supplier(
        id="F-B", name="Factory B", ndas=(make_nda("F-B"),), letters=(make_letter("F-B"),)
    )
