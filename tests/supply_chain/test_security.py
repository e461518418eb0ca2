"""Security of the code book: no key, book or real value leaves in a package; seals catch tampering."""

from __future__ import annotations

import base64
import json

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradesecret.dates import to_date
from tradesecret.evidence import EvidenceGraphBuilder
from tradesecret.exceptions import InvalidInputError
from tradesecret.i18n import explain
from tradesecret.measures import NdaTier, NonDisclosureAgreement, PartyKind
from tradesecret.serialization import to_json
from tradesecret.supply_chain import (
    AuthorizationLetter,
    CodingKey,
    DataItem,
    DisclosureForm,
    ItemKind,
    Manifest,
    PlannedRelease,
    Project,
    Sensitivity,
    Supplier,
    ViolationHandling,
    add_manifest_to_graph,
    build_code_book,
    file_ref,
    item_code,
    plan_disclosure,
)

FORMS = tuple(DisclosureForm)
# Real values are "rv-" + lowercase letters: never hex (hashes), never base32 (codes).
REAL_VALUES = st.text(alphabet="ghijklmnopqrstuvwxyz", min_size=4, max_size=12).map(
    lambda s: f"rv-{s}"
)


@st.composite
def projects(draw: st.DrawFn) -> Project:
    """A random project: 1-6 items of any kind and sensitivity, random real values and plan."""
    count = draw(st.integers(min_value=1, max_value=6))
    items = []
    for i in range(count):
        real = draw(st.one_of(st.none(), REAL_VALUES))
        partial = draw(st.booleans())
        items.append(
            DataItem(
                id=f"item-{i}",
                kind=draw(st.sampled_from(tuple(ItemKind))),
                title=f"Item {i}",
                sensitivity=draw(st.sampled_from(tuple(Sensitivity))),
                secret_ids=(f"TS-{i}",),
                real_value=real,
                unit=draw(st.sampled_from((None, "mAh", "dB"))),
                code_label=draw(st.sampled_from((None, "Runtime Level", "Spec"))),
                partial_view="appearance only" if partial else None,
                hidden=("motor structure",) if partial else (),
                files=tuple(
                    file_ref(f"item-{i}-{f.value}.bin", f"{i}{f.value}".encode(), f)
                    for f in FORMS
                    if f is not DisclosureForm.WITHHOLD
                ),
            )
        )
    stages = ("prototyping", "pilot_run", "mass_production")
    plan = tuple(
        PlannedRelease(stage=stage, item_id=item.id, form=draw(st.sampled_from(FORMS)))
        for stage in stages
        for item in items
        if draw(st.booleans())
    )
    return Project(id="RND", name="Random project", items=tuple(items), plan=plan)


def supplier(sid: str = "F-A") -> Supplier:
    """A factory with a core NDA and a letter for order PO-1 of project RND."""
    return Supplier(
        id=sid,
        name=f"Factory {sid}",
        ndas=(
            NonDisclosureAgreement(
                id=f"NDA-{sid}",
                tier=NdaTier.CORE,
                party=sid,
                party_kind=PartyKind.SUPPLIER,
                signed=to_date("2026-01-05"),
            ),
        ),
        letters=(
            AuthorizationLetter(
                id=f"L-{sid}",
                project_id="RND",
                supplier_id=sid,
                order_id="PO-1",
                issued_on=to_date("2026-04-28"),
                countersigned_on=to_date("2026-05-01"),
            ),
        ),
    )


def key_forms(key: CodingKey) -> tuple[str, ...]:
    """Every text form in which the key's bytes could appear."""
    raw = key.secret
    return (
        raw.hex(),
        raw.hex().upper(),
        base64.b64encode(raw).decode(),
        base64.b32encode(raw).decode().rstrip("="),
        base64.urlsafe_b64encode(raw).decode().rstrip("="),
    )


class TestNothingSecretLeaves:
    @given(
        project=projects(),
        secret=st.binary(min_size=16, max_size=48),
        stage=st.sampled_from(("prototyping", "pilot_run", "mass_production")),
        handling=st.sampled_from(tuple(ViolationHandling)),
    )
    def test_random_projects(
        self, project: Project, secret: bytes, stage: str, handling: ViolationHandling
    ) -> None:
        """No real value, key or code-book line is in any package, manifest, JSON or explanation."""
        key = CodingKey(secret=secret)
        factory = supplier()
        pkg = plan_disclosure(
            project, factory, stage, as_of="2026-05-10", key=key, order_id="PO-1", handling=handling
        )
        book = build_code_book(project, factory, key=key)
        texts = (
            to_json(pkg),
            to_json(pkg.manifest),
            explain(pkg, locale="zh_CN"),
            explain(pkg, locale="en"),
            explain(pkg, locale="en", format="markdown"),
            repr(pkg),
            repr(key),
        )
        reals = [item.real_value for item in project.items if item.real_value is not None]

        for text in texts:
            assert [] == [r for r in reals if r in text]
            assert [] == [k for k in key_forms(key) if k in text]
            assert '"real_value"' not in text and '"code_book"' not in text
        assert {e.code for e in book.entries} >= {e.code for e in pkg.entries if e.code}

    @given(first=REAL_VALUES, second=REAL_VALUES)
    def test_code_carries_no_information_about_the_value(self, first: str, second: str) -> None:
        """The code of an item is the same whatever its real value: it cannot be decoded to it."""
        key = CodingKey(secret=b"owner key for the value test 32b")

        def code(real: str) -> str:
            item = DataItem(
                id="battery",
                kind=ItemKind.PARAMETER,
                title="Battery capacity",
                sensitivity=Sensitivity.CORE,
                real_value=real,
            )
            project = Project(id="P", name="p", items=(item,))
            return build_code_book(project, supplier(), key=key).code_of("battery")

        assert code(first) == code(second)

    def test_other_key_other_codes(self) -> None:
        """Without the owner's key, another key computes unrelated codes for the same ids."""
        ids = {"project_id": "P", "supplier_id": "F-A", "item_id": "battery", "label": "L"}
        owner = item_code(CodingKey(secret=b"the owner's own key, 32 bytes!!!"), **ids)
        guess = item_code(CodingKey(secret=b"an attacker's guessed key 32 b!!"), **ids)

        assert owner != guess
        assert 10 == len(owner.removeprefix("L ")) == len(guess.removeprefix("L "))


class TestRealValueInLabels:
    @pytest.mark.parametrize(
        ("field", "text", "path"),
        [
            ("title", "Battery 2000 mAh", "title"),
            ("code_label", "Capacity 2000", "code_label"),
            ("partial_view", "outline; capacity 2000", "partial_view"),
            ("hidden", ("cell count", "2000 mAh cell"), "hidden[1]"),
        ],
    )
    def test_text_sent_with_a_release_must_not_hold_the_value(
        self, field: str, text: object, path: str
    ) -> None:
        """A real value inside the title, code label or partial-view texts would go out in clear."""
        base: dict[str, object] = {
            "id": "battery",
            "kind": ItemKind.PARAMETER,
            "title": "Battery capacity",
            "sensitivity": Sensitivity.CORE,
            "real_value": "2000",
            field: text,
        }
        with pytest.raises(InvalidInputError) as info:
            DataItem(**base)  # type: ignore[arg-type]

        assert [path] == [p.path for p in info.value.problems]

    def test_every_item_problem_at_once(self) -> None:
        """An empty id, a blank title and a numeric real value are reported together."""
        with pytest.raises(InvalidInputError) as info:
            DataItem(
                id="",
                kind=ItemKind.PARAMETER,
                title=" ",
                sensitivity=Sensitivity.CORE,
                real_value=2000,  # type: ignore[arg-type]
            )

        assert ["id", "title", "real_value"] == [p.path for p in info.value.problems]


@pytest.fixture
def manifest(project: Project, factory_a: Supplier, key: CodingKey) -> Manifest:
    """The manifest of the fixture project's prototyping package to Factory A."""
    return plan_disclosure(project, factory_a, "prototyping", as_of="2026-02-01", key=key).manifest


class TestManifestSeal:
    def test_sealed_manifest_verifies(self, manifest: Manifest, key: CodingKey) -> None:
        """The owner's seal verifies with the owner's key, and reveals neither key nor content."""
        seal = manifest.seal(key)

        assert manifest.verify(key=key, seal=seal)
        assert 64 == len(seal) and seal != manifest.digest
        assert [] == [k for k in key_forms(key) if k in seal]

    def test_rebuilt_tampered_manifest_fails_the_seal(
        self, manifest: Manifest, key: CodingKey
    ) -> None:
        """A manifest altered and rebuilt (digest recomputed) verifies alone but not against the seal."""
        seal = manifest.seal(key)
        forged = Manifest.build(
            project_id=manifest.project_id,
            supplier_id=manifest.supplier_id,
            recipient="Factory Z",
            stage=manifest.stage,
            sent_on=manifest.sent_on,
            order_id=manifest.order_id,
            entries=manifest.entries[:-1],
        )

        assert forged.verify()
        assert not forged.verify(key=key, seal=seal)

    def test_edited_copy_fails_without_a_seal(self, manifest: Manifest) -> None:
        """Editing one file hash in a copy, digest untouched, fails plain verification."""
        entry = manifest.entries[0]
        file = attrs.evolve(entry.files[0], sha256="0" * 64)
        edited = attrs.evolve(
            manifest, entries=(attrs.evolve(entry, files=(file,)), *manifest.entries[1:])
        )

        assert (True, False) == (manifest.verify(), edited.verify())

    def test_another_key_does_not_verify(self, manifest: Manifest, key: CodingKey) -> None:
        """A seal made with another key does not verify."""
        other = CodingKey(secret=b"somebody else's key of 32 bytes!")

        assert not manifest.verify(key=key, seal=manifest.seal(other))

    def test_key_and_seal_go_together(self, manifest: Manifest, key: CodingKey) -> None:
        """Passing a key without a seal is an input error, not a silent pass."""
        with pytest.raises(InvalidInputError) as info:
            manifest.verify(key=key)

        assert "seal" == info.value.field

    def test_evidence_graph_refuses_an_altered_manifest(self, manifest: Manifest) -> None:
        """An altered manifest cannot be recorded as evidence."""
        altered = attrs.evolve(manifest, recipient="Factory Z")
        builder = EvidenceGraphBuilder()

        with pytest.raises(InvalidInputError) as info:
            add_manifest_to_graph(builder, altered, owner="brand")

        assert "manifest" == info.value.field
        assert manifest.package_id in info.value.value

    def test_manifest_json_has_no_key_or_book(
        self, manifest: Manifest, project: Project, factory_a: Supplier, key: CodingKey
    ) -> None:
        """The manifest JSON lists codes and hashes only: no real value, unit or key."""
        data = json.loads(to_json(manifest))
        book = build_code_book(project, factory_a, key=key)

        assert [book.code_of("battery")] == [e["code"] for e in data["entries"] if e["code"]]
        assert "2000" not in to_json(manifest) and "mAh" not in to_json(manifest)
        assert [] == [k for k in key_forms(key) if k in to_json(manifest)]


class TestKeyHasNoJsonForm:
    def test_key_cannot_be_serialised(self) -> None:
        """A CodingKey has no JSON form, and the failure does not echo the secret."""
        key = CodingKey(secret=b"never serialise this owner key!!")
        with pytest.raises(TypeError) as info:
            to_json(key)

        assert "never serialise" not in str(info.value)
        assert [] == [k for k in key_forms(key) if k in str(info.value)]
