"""Staged disclosure: the policy per stage and item, planned forms, preconditions, manifests."""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradesecret.dates import to_date
from tradesecret.definition import ClassificationTier, SecretKind, SecretRegistry, TradeSecret
from tradesecret.evidence import EdgeKind, EventKind, EvidenceGraphBuilder, EvidenceKind, NodeKind
from tradesecret.exceptions import DataFileError, InvalidInputError
from tradesecret.i18n import explain
from tradesecret.measures import (
    NdaScopeItem,
    NdaTier,
    NonDisclosureAgreement,
    PartyKind,
    ScopeCategory,
)
from tradesecret.results import Severity
from tradesecret.rulebook import default_rulebook
from tradesecret.serialization import from_json, to_json
from tradesecret.supply_chain import (
    AuthorizationLetter,
    CodingKey,
    DataItem,
    DisclosureForm,
    DisclosurePackage,
    DisclosurePolicy,
    FactoryProfile,
    ItemKind,
    LiveVideo,
    PlannedRelease,
    PolicyRule,
    Project,
    Sensitivity,
    Supplier,
    SupplierKind,
    ViolationHandling,
    access_grants,
    add_manifest_to_graph,
    audit_factory,
    build_code_book,
    plan_disclosure,
    trace_file,
)

W, P, C, F = (
    DisclosureForm.WITHHOLD,
    DisclosureForm.PARTIAL,
    DisclosureForm.CODED,
    DisclosureForm.FULL,
)
FORMS = (W, P, C, F)
LETTERS = {"W": W, "P": P, "C": C, "F": F}


def supplier_with(
    *, ndas: tuple[NonDisclosureAgreement, ...] = (), letters: tuple[AuthorizationLetter, ...] = ()
) -> Supplier:
    """Factory A with the given paperwork."""
    return Supplier(id="F-A", name="Factory A", ndas=ndas, letters=letters)


def core_nda(**kw: object) -> NonDisclosureAgreement:
    """A core-tier NDA with Factory A signed on 2026-01-05."""
    base: dict[str, object] = {
        "id": "NDA-F-A",
        "tier": NdaTier.CORE,
        "party": "F-A",
        "party_kind": PartyKind.SUPPLIER,
        "signed": to_date("2026-01-05"),
    }
    base.update(kw)
    return NonDisclosureAgreement(**base)  # type: ignore[arg-type]


def po1_letter(**kw: object) -> AuthorizationLetter:
    """Factory A's countersigned letter for order PO-1 of VAC-1."""
    base: dict[str, object] = {
        "id": "L-1",
        "project_id": "VAC-1",
        "supplier_id": "F-A",
        "order_id": "PO-1",
        "issued_on": to_date("2026-04-28"),
        "countersigned_on": to_date("2026-05-01"),
    }
    base.update(kw)
    return AuthorizationLetter(**base)  # type: ignore[arg-type]


# The default policy, stage by stage: (kind, sensitivity) -> most revealing form allowed.
DEFAULT_TABLE = {
    "prototyping": {
        ItemKind.DRAWING: (P, F),
        ItemKind.PARAMETER: (C, F),
        ItemKind.ALGORITHM: (W, W),
        ItemKind.FIRMWARE: (W, F),
        ItemKind.BILL_OF_MATERIALS: (W, F),
        ItemKind.PROCESS: (W, F),
        ItemKind.LAUNCH_PLAN: (W, W),
        ItemKind.OTHER: (W, F),
    },
    "pilot_run": {
        ItemKind.DRAWING: (F, F),
        ItemKind.PARAMETER: (C, F),
        ItemKind.ALGORITHM: (W, W),
        ItemKind.FIRMWARE: (F, F),
        ItemKind.BILL_OF_MATERIALS: (F, F),
        ItemKind.PROCESS: (W, F),
        ItemKind.LAUNCH_PLAN: (W, W),
        ItemKind.OTHER: (W, F),
    },
}
DEFAULT_TABLE["mass_production"] = DEFAULT_TABLE["pilot_run"]


class TestDefaultPolicy:
    @pytest.mark.parametrize(
        ("stage", "kind", "sensitivity", "expected"),
        [
            (stage, kind, sensitivity, forms[0 if sensitivity is Sensitivity.CORE else 1])
            for stage, table in DEFAULT_TABLE.items()
            for kind, forms in table.items()
            for sensitivity in Sensitivity
        ],
    )
    def test_allowed_form(
        self, stage: str, kind: ItemKind, sensitivity: Sensitivity, expected: DisclosureForm
    ) -> None:
        """Every stage x kind x sensitivity gets the form of the documented default table."""
        item = DataItem(id="x", kind=kind, title="x", sensitivity=sensitivity)
        form, rule = DisclosurePolicy.default().allowed(stage, item)

        assert expected == form
        assert rule is not None

    def test_unknown_stage_is_withheld(self) -> None:
        """A stage the policy does not mention withholds everything (default deny)."""
        item = DataItem(id="x", kind=ItemKind.DRAWING, title="x", sensitivity=Sensitivity.NON_CORE)

        assert (W, None) == DisclosurePolicy.default().allowed("tooling", item)

    def test_letter_only_at_mass_production(self) -> None:
        """The default policy asks for the authorization letter at mass production only."""
        assert ("mass_production",) == DisclosurePolicy.default().letter_stages

    @pytest.mark.parametrize(
        ("allowed", "planned", "expected"),
        [
            (W, W, True),
            (W, P, False),
            (W, C, False),
            (W, F, False),
            (P, W, True),
            (P, P, True),
            (P, C, False),
            (P, F, False),
            (C, W, True),
            (C, P, False),
            (C, C, True),
            (C, F, False),
            (F, W, True),
            (F, P, True),
            (F, C, True),
            (F, F, True),
        ],
    )
    def test_permits_matrix(
        self, allowed: DisclosureForm, planned: DisclosureForm, expected: bool
    ) -> None:
        """Partial and coded hide different things, so neither permits the other."""
        assert expected == allowed.permits(planned)

    def test_policy_file_errors_are_collected(self) -> None:
        """A policy file with several problems reports all of them."""
        text = 'colour = 1\n[[rule]]\nstage = "a"\nform = "leaked"\n[[nda]]\nstage = "a"\n'
        with pytest.raises(DataFileError) as info:
            DisclosurePolicy.from_toml(text)

        assert 3 == len(info.value.problems)

    def test_policy_file_values_not_converted(self) -> None:
        """A text flag, a rule that is not a table and a bad tier are refused, each with its template."""
        text = 'nda_always_required = "false"\nrule = [1]\n[[nda]]\nstage = "a"\ntier = "top"\n'
        with pytest.raises(DataFileError) as info:
            DisclosurePolicy.from_toml(text)

        assert [
            ("rule[0]", "expected a table"),
            ("nda[0].tier", "expected one of {allowed}"),
            ("nda_always_required", "expected true or false"),
        ] == [(p.path, p.template) for p in info.value.problems]

    def test_policy_file_not_toml(self) -> None:
        """Text that is not TOML names the line and column, not the parser's message."""
        with pytest.raises(DataFileError) as info:
            DisclosurePolicy.from_toml("a = \n")

        assert ("not TOML (line {line}, column {column})", ("line", "1")) == (
            info.value.problems[0].template,
            info.value.problems[0].params[0],
        )

    def test_duplicate_rule_rejected(self) -> None:
        """Two rules for the same scope are refused rather than resolved by order."""
        rule = PolicyRule(stage="a", form=F)
        with pytest.raises(InvalidInputError):
            DisclosurePolicy(rules=(rule, rule))


# Results under ENFORCE for planned W, P, C, F, per stage and fixture item.
ENFORCED = {
    "prototyping": {
        "housing": "WPPP",
        "battery": "WCCC",
        "suction": "WWWW",
        "launch": "WWWW",
        "colour": "WWCF",
    },
    "pilot_run": {
        "housing": "WPWF",
        "battery": "WCCC",
        "suction": "WWWW",
        "launch": "WWWW",
        "colour": "WWCF",
    },
    "mass_production": {
        "housing": "WPWF",
        "battery": "WCCC",
        "suction": "WWWW",
        "launch": "WWWW",
        "colour": "WWCF",
    },
}


class TestPlannedForms:
    @pytest.mark.parametrize(
        ("stage", "item_id", "planned", "expected"),
        [
            (stage, item_id, FORMS[i], LETTERS[results[i]])
            for stage, row in ENFORCED.items()
            for item_id, results in row.items()
            for i in range(4)
        ],
    )
    def test_each_stage_item_form(
        self,
        project: Project,
        factory_a: Supplier,
        key: CodingKey,
        stage: str,
        item_id: str,
        planned: DisclosureForm,
        expected: DisclosureForm,
    ) -> None:
        """Each stage x item x planned form goes out as the policy allows and the item supports."""
        plan = (PlannedRelease(stage=stage, item_id=item_id, form=planned),)
        pkg = plan_disclosure(
            attrs.evolve(project, plan=plan),
            factory_a,
            stage,
            as_of="2026-05-10",
            key=key,
            order_id="PO-1",
        )
        entry = pkg.entry(item_id)

        assert expected == entry.form
        assert planned == entry.planned
        assert entry.allowed.permits(entry.form)
        breached = not entry.allowed.permits(planned)
        codes = {f.code for f in pkg.findings if f.subject == item_id}
        assert breached == bool(
            codes
            & {"supply_chain.disclosure.exceeds_policy", "supply_chain.disclosure.core_in_clear"}
        )

    def test_core_parameter_in_clear_at_prototyping(
        self, project: Project, factory_a: Supplier, key: CodingKey
    ) -> None:
        """The issue's case: a core parameter planned in clear is a core_in_clear finding and goes out coded."""
        plan = (PlannedRelease(stage="prototyping", item_id="battery", form=F),)
        pkg = plan_disclosure(
            attrs.evolve(project, plan=plan), factory_a, "prototyping", as_of="2026-02-01", key=key
        )
        finding = next(f for f in pkg.findings if f.code == "supply_chain.disclosure.core_in_clear")

        assert C == pkg.entry("battery").form
        assert Severity.MEDIUM == finding.severity
        assert "tradesecret-policy@2026-11-21" == finding.citations[0].id
        assert pkg.cleared

    def test_report_keeps_the_plan_and_blocks(
        self, project: Project, factory_a: Supplier, key: CodingKey
    ) -> None:
        """Under REPORT the planned form is kept, the finding is critical and the package is not cleared."""
        plan = (PlannedRelease(stage="prototyping", item_id="battery", form=F),)
        pkg = plan_disclosure(
            attrs.evolve(project, plan=plan),
            factory_a,
            "prototyping",
            as_of="2026-02-01",
            key=key,
            handling=ViolationHandling.REPORT,
        )

        assert F == pkg.entry("battery").form
        assert pkg.entry("battery").code is None
        assert (
            Severity.CRITICAL
            == next(
                f for f in pkg.findings if f.code == "supply_chain.disclosure.core_in_clear"
            ).severity
        )
        assert not pkg.cleared

    def test_non_core_breach_is_exceeds_policy(
        self, project: Project, factory_a: Supplier, key: CodingKey
    ) -> None:
        """A core drawing planned coded (not allowed at prototyping) is exceeds_policy, high under REPORT."""
        plan = (PlannedRelease(stage="prototyping", item_id="suction", form=P),)
        pkg = plan_disclosure(
            attrs.evolve(project, plan=plan),
            factory_a,
            "prototyping",
            as_of="2026-02-01",
            key=key,
            handling=ViolationHandling.REPORT,
        )
        finding = next(
            f
            for f in pkg.findings
            if f.subject == "suction" and f.code == "supply_chain.disclosure.exceeds_policy"
        )

        assert Severity.HIGH == finding.severity

    def test_unsupported_form_falls_back_to_withheld(
        self, project: Project, factory_a: Supplier, key: CodingKey
    ) -> None:
        """A drawing cannot be coded: it is withheld, with a form_unavailable finding."""
        plan = (PlannedRelease(stage="pilot_run", item_id="housing", form=C),)
        pkg = plan_disclosure(
            attrs.evolve(project, plan=plan), factory_a, "pilot_run", as_of="2026-03-01", key=key
        )

        assert W == pkg.entry("housing").form
        assert "supply_chain.disclosure.form_unavailable" in {
            f.code for f in pkg.findings if f.subject == "housing"
        }

    def test_supplier_line_wins_over_general_line(
        self, project: Project, factory_a: Supplier, key: CodingKey
    ) -> None:
        """A plan line for one supplier overrides the line for every supplier."""
        plan = (
            PlannedRelease(stage="pilot_run", item_id="housing", form=P),
            PlannedRelease(stage="pilot_run", item_id="housing", form=W, supplier_id="F-A"),
        )
        pkg = plan_disclosure(
            attrs.evolve(project, plan=plan), factory_a, "pilot_run", as_of="2026-03-01", key=key
        )

        assert W == pkg.entry("housing").form

    def test_partial_release_says_what_is_hidden(
        self, project: Project, factory_a: Supplier, key: CodingKey
    ) -> None:
        """A partial release records the view shown and what is hidden."""
        entry = plan_disclosure(
            project, factory_a, "prototyping", as_of="2026-02-01", key=key
        ).entry("housing")

        assert ("appearance only", ("motor structure",)) == (entry.shown, entry.hidden)
        assert ("housing-appearance.pdf",) == tuple(f.name for f in entry.files)

    def test_coding_needs_the_key(self, project: Project, factory_a: Supplier) -> None:
        """A coded release without the owner's key is an input error, not a silent clear value."""
        with pytest.raises(InvalidInputError) as info:
            plan_disclosure(project, factory_a, "prototyping", as_of="2026-02-01")

        assert "key" == info.value.field

    def test_unknown_stage(self, project: Project, factory_a: Supplier, key: CodingKey) -> None:
        """A stage that is not the project's is an input error."""
        with pytest.raises(InvalidInputError):
            plan_disclosure(project, factory_a, "tooling", as_of="2026-02-01", key=key)

    @given(data=st.data())
    def test_enforced_package_never_exceeds_policy(self, data: st.DataObject) -> None:
        """Whatever the plan, an enforced package releases nothing the policy does not allow."""
        kinds = st.sampled_from(list(ItemKind))
        sens = st.sampled_from(list(Sensitivity))
        items = tuple(
            DataItem(
                id=f"i{n}",
                kind=data.draw(kinds),
                title=f"item {n}",
                sensitivity=data.draw(sens),
                real_value=data.draw(st.sampled_from([None, "42"])),
                partial_view=data.draw(st.sampled_from([None, "outline"])),
            )
            for n in range(4)
        )
        stage = data.draw(st.sampled_from(["prototyping", "pilot_run", "mass_production"]))
        plan = tuple(
            PlannedRelease(stage=stage, item_id=i.id, form=data.draw(st.sampled_from(FORMS)))
            for i in items
        )
        project = Project(id="P", name="p", items=items, plan=plan)
        supplier = Supplier(id="F-A", name="A")
        pkg = plan_disclosure(
            project,
            supplier,
            stage,
            as_of="2026-02-01",
            key=CodingKey(secret=b"x" * 16),
            order_id="PO",
        )

        for entry in pkg.entries:
            assert entry.allowed.permits(entry.form)
            item = project.item(entry.item_id)
            assert item.supports(entry.form)
            assert (entry.code is not None) == (entry.form is C)


class TestPreconditions:
    def test_all_in_place(self, project: Project, factory_a: Supplier, key: CodingKey) -> None:
        """With a core NDA and a countersigned letter for the order, mass production is cleared."""
        pkg = plan_disclosure(
            project, factory_a, "mass_production", as_of="2026-05-10", key=key, order_id="PO-1"
        )

        assert pkg.cleared
        assert ("NDA-F-A", "L-F-A-PO-1", True) == (pkg.nda_id, pkg.letter_id, pkg.letter_required)
        assert NdaTier.CORE == pkg.nda_tier_required

    def test_no_nda(self, project: Project, key: CodingKey) -> None:
        """No signed NDA: a critical finding citing SPC Arts. 6 and 10."""
        pkg = plan_disclosure(project, supplier_with(), "prototyping", as_of="2026-02-01", key=key)
        finding = next(f for f in pkg.findings if f.code == "supply_chain.disclosure.no_nda")

        assert Severity.CRITICAL == finding.severity
        # the rule is the library's policy (basis), citing the law it serves (support)
        assert ["tradesecret-policy@2026-11-21", "spc-ts@2020-09-10:6", "spc-ts@2020-09-10:10"] == [
            c.id for c in finding.citations
        ]
        assert not pkg.cleared

    def test_nda_signed_after_disclosure_does_not_count(
        self, project: Project, key: CodingKey
    ) -> None:
        """An NDA signed the day after the disclosure does not cover it."""
        supplier = supplier_with(ndas=(core_nda(signed=to_date("2026-02-02")),))
        pkg = plan_disclosure(project, supplier, "prototyping", as_of="2026-02-01", key=key)

        assert "supply_chain.disclosure.no_nda" in pkg.codes()

    @pytest.mark.parametrize(("as_of", "expired"), [("2026-01-01", False), ("2026-01-02", True)])
    def test_nda_term_boundary(
        self, project: Project, key: CodingKey, as_of: str, expired: bool
    ) -> None:
        """A 12-month NDA signed 2025-01-01 covers 2026-01-01 (term_end) and not the day after."""
        supplier = supplier_with(ndas=(core_nda(signed=to_date("2025-01-01"), duration_months=12),))
        pkg = plan_disclosure(project, supplier, "prototyping", as_of=as_of, key=key)

        assert expired == ("supply_chain.disclosure.no_nda" in pkg.codes())

    @pytest.mark.parametrize(
        ("stage", "too_low"),
        [("prototyping", False), ("pilot_run", True), ("mass_production", True)],
    )
    def test_nda_tier(self, project: Project, key: CodingKey, stage: str, too_low: bool) -> None:
        """An important-tier NDA is enough for prototyping, not for pilot run or mass production."""
        supplier = supplier_with(ndas=(core_nda(tier=NdaTier.IMPORTANT),), letters=(po1_letter(),))
        pkg = plan_disclosure(
            project, supplier, stage, as_of="2026-05-10", key=key, order_id="PO-1"
        )

        assert too_low == ("supply_chain.disclosure.nda_tier_too_low" in pkg.codes())
        assert "supply_chain.disclosure.no_nda" not in pkg.codes()

    def test_nda_found_by_supplier_name(self, project: Project, key: CodingKey) -> None:
        """An NDA whose party is the supplier's registered name counts."""
        supplier = supplier_with(ndas=(core_nda(party="Factory A"),))

        assert (
            "supply_chain.disclosure.no_nda"
            not in plan_disclosure(
                project, supplier, "prototyping", as_of="2026-02-01", key=key
            ).codes()
        )

    def test_employee_nda_does_not_cover_a_supplier(self, project: Project, key: CodingKey) -> None:
        """An NDA recorded as an employee's, even under the supplier's id, is not the supplier's NDA."""
        supplier = supplier_with(ndas=(core_nda(party_kind=PartyKind.EMPLOYEE),))

        assert (
            "supply_chain.disclosure.no_nda"
            in plan_disclosure(
                project, supplier, "prototyping", as_of="2026-02-01", key=key
            ).codes()
        )

    def test_nda_scope_gap(self, project: Project, key: CodingKey) -> None:
        """An NDA that names secrets but not a released one: a scope-gap finding naming it."""
        scope = (NdaScopeItem(category=ScopeCategory.DESIGN_DRAWINGS, secret_ids=("TS-HOUSING",)),)
        supplier = supplier_with(ndas=(core_nda(scope=scope),))
        pkg = plan_disclosure(project, supplier, "prototyping", as_of="2026-02-01", key=key)
        finding = next(f for f in pkg.findings if f.code == "supply_chain.disclosure.nda_scope_gap")

        assert "TS-BATTERY" == finding.arg("secrets")

    def test_nothing_released_needs_no_nda(self, key: CodingKey) -> None:
        """A stage that releases nothing raises no NDA or letter finding."""
        item = DataItem(
            id="algo", kind=ItemKind.ALGORITHM, title="Algo", sensitivity=Sensitivity.CORE
        )
        pkg = plan_disclosure(
            Project(id="P", name="p", items=(item,)),
            supplier_with(),
            "mass_production",
            as_of="2026-02-01",
            key=key,
        )

        assert frozenset() == pkg.codes()
        assert not pkg.letter_required
        assert () == pkg.manifest.entries

    def test_no_order_named(self, project: Project, key: CodingKey) -> None:
        """Mass production without an order cannot be checked against a letter."""
        supplier = supplier_with(ndas=(core_nda(),), letters=(po1_letter(),))
        pkg = plan_disclosure(project, supplier, "mass_production", as_of="2026-05-10", key=key)

        assert "supply_chain.disclosure.no_order" in pkg.codes()
        assert not pkg.cleared

    @pytest.mark.parametrize(
        "letter",
        [
            None,
            po1_letter(order_id="PO-2"),
            po1_letter(countersigned_on=None),
            po1_letter(countersigned_on=to_date("2026-05-11")),
            po1_letter(valid_until=to_date("2026-05-09")),
            po1_letter(project_id="OTHER"),
        ],
        ids=["none", "other_order", "unsigned", "signed_later", "expired", "other_project"],
    )
    def test_no_qualifying_letter(
        self, project: Project, key: CodingKey, letter: AuthorizationLetter | None
    ) -> None:
        """Without a countersigned letter in force for this project and order: no_letter, critical."""
        supplier = supplier_with(ndas=(core_nda(),), letters=(letter,) if letter else ())
        pkg = plan_disclosure(
            project, supplier, "mass_production", as_of="2026-05-10", key=key, order_id="PO-1"
        )

        assert (
            Severity.CRITICAL
            == next(
                f for f in pkg.findings if f.code == "supply_chain.disclosure.no_letter"
            ).severity
        )
        assert pkg.letter_id is None

    def test_letter_valid_through_last_day(self, project: Project, key: CodingKey) -> None:
        """A letter valid until the day of disclosure still qualifies."""
        supplier = supplier_with(
            ndas=(core_nda(),), letters=(po1_letter(valid_until=to_date("2026-05-10")),)
        )

        assert (
            "L-1"
            == plan_disclosure(
                project, supplier, "mass_production", as_of="2026-05-10", key=key, order_id="PO-1"
            ).letter_id
        )

    def test_letter_not_limited_to_order(self, project: Project, key: CodingKey) -> None:
        """A letter that does not limit use to the order is reported as such."""
        supplier = supplier_with(
            ndas=(core_nda(),), letters=(po1_letter(use_limited_to_order=False),)
        )
        pkg = plan_disclosure(
            project, supplier, "mass_production", as_of="2026-05-10", key=key, order_id="PO-1"
        )

        assert "supply_chain.disclosure.letter_not_limited" in pkg.codes()

    def test_pilot_run_needs_no_letter(self, project: Project, key: CodingKey) -> None:
        """Below mass production no letter is required."""
        supplier = supplier_with(ndas=(core_nda(),))
        pkg = plan_disclosure(project, supplier, "pilot_run", as_of="2026-03-01", key=key)

        assert (False, True) == (pkg.letter_required, pkg.cleared)


class TestManifest:
    def test_lists_released_items_with_hashes(
        self, project: Project, factory_a: Supplier, key: CodingKey
    ) -> None:
        """Only released items are in the manifest, each with the hashes of the files of its form."""
        pkg = plan_disclosure(project, factory_a, "prototyping", as_of="2026-02-01", key=key)
        m = pkg.manifest

        assert ["housing", "battery", "colour"] == [e.item_id for e in m.entries]
        assert project.item("housing").files[0].sha256 == m.entries[0].files[0].sha256
        assert (pkg.entry("battery").code, ("TS-BATTERY",)) == (
            m.entries[1].code,
            m.entries[1].secret_ids,
        )
        assert ("F-A", "Factory A", to_date("2026-02-01"), "prototyping") == (
            m.supplier_id,
            m.recipient,
            m.sent_on,
            m.stage,
        )
        assert m.package_id.startswith("PKG-") and 20 == len(m.package_id)
        assert m.verify()

    def test_tampering_is_detected(
        self, project: Project, factory_a: Supplier, key: CodingKey
    ) -> None:
        """Changing any entry after the fact breaks the digest."""
        m = plan_disclosure(project, factory_a, "prototyping", as_of="2026-02-01", key=key).manifest

        assert not attrs.evolve(m, entries=m.entries[:-1]).verify()
        assert not attrs.evolve(m, recipient="Factory Z").verify()

    def test_package_id_is_deterministic(
        self, project: Project, factory_a: Supplier, factory_b: Supplier, key: CodingKey
    ) -> None:
        """Same inputs, same id; another supplier or date, another id."""
        first = plan_disclosure(
            project, factory_a, "prototyping", as_of="2026-02-01", key=key
        ).manifest.package_id

        assert (
            first
            == plan_disclosure(
                project, factory_a, "prototyping", as_of="2026-02-01", key=key
            ).manifest.package_id
        )
        assert (
            first
            != plan_disclosure(
                project, factory_b, "prototyping", as_of="2026-02-01", key=key
            ).manifest.package_id
        )
        assert (
            first
            != plan_disclosure(
                project, factory_a, "prototyping", as_of="2026-02-02", key=key
            ).manifest.package_id
        )

    def test_missing_files_are_reported(
        self, project: Project, factory_a: Supplier, key: CodingKey
    ) -> None:
        """A released item without a file of its form gets a low finding (no hash to record)."""
        item = attrs.evolve(project.item("colour"), files=())
        p = attrs.evolve(project, items=(*project.items[:4], item))
        pkg = plan_disclosure(p, factory_a, "prototyping", as_of="2026-02-01", key=key)

        assert (
            Severity.LOW
            == next(
                f for f in pkg.findings if f.code == "supply_chain.disclosure.no_files"
            ).severity
        )


class TestSeparationAndRendering:
    def test_code_book_never_in_package(
        self, project: Project, factory_a: Supplier, key: CodingKey
    ) -> None:
        """Neither the real value of a coded item, nor the code book, nor the key is in the package or its JSON."""
        pkg = plan_disclosure(project, factory_a, "prototyping", as_of="2026-02-01", key=key)
        book = build_code_book(project, factory_a, key=key)
        text = to_json(pkg)

        assert book.code_of("battery") in text
        assert '"2000"' not in text and "mAh" not in text
        assert key.secret.decode() not in text
        assert "real_value" not in text
        assert all("CodeBook" not in str(f.type) for f in attrs.fields(DisclosurePackage))

    def test_json_round_trip(self, project: Project, factory_a: Supplier, key: CodingKey) -> None:
        """Package, project and supplier round-trip through JSON."""
        pkg = plan_disclosure(
            project, factory_a, "mass_production", as_of="2026-05-10", key=key, order_id="PO-1"
        )

        assert pkg == from_json(to_json(pkg), DisclosurePackage)
        assert project == from_json(to_json(project), Project)
        assert factory_a == from_json(to_json(factory_a), Supplier)
        assert "coded" == json.loads(to_json(pkg))["entries"][1]["form"]

    def test_explain_both_languages(self, project: Project, key: CodingKey) -> None:
        """A package with findings renders in Chinese and English, with its id and codes."""
        plan = (PlannedRelease(stage="prototyping", item_id="battery", form=F),)
        pkg = plan_disclosure(
            attrs.evolve(project, plan=plan),
            supplier_with(),
            "prototyping",
            as_of="2026-02-01",
            key=key,
        )
        zh = explain(pkg, locale="zh_CN")
        en = explain(pkg, locale="en", format="markdown")

        assert pkg.manifest.package_id in zh and pkg.manifest.package_id in en
        assert "打样" in zh and "代码化提供" in zh and "没有有效的保密协议" in zh
        assert (
            "## Disclosure package — VAC-1 → F-A" in en
            and "Runtime Level " in en
            and "in clear" in en
        )

    def test_project_validation_collects_problems(self, items: tuple[DataItem, ...]) -> None:
        """Duplicate items and plan lines for unknown stages and items are reported together."""
        plan = (PlannedRelease(stage="tooling", item_id="nope", form=F),)
        with pytest.raises(InvalidInputError) as info:
            Project(id="P", name="p", items=(*items, items[0]), plan=plan)

        assert {"items[0].id", "plan[0].stage", "plan[0].item_id"} == {
            p.path for p in info.value.problems
        }


class TestEvidenceRecord:
    def test_manifest_becomes_a_disclosure_record(
        self, project: Project, factory_a: Supplier, key: CodingKey
    ) -> None:
        """The manifest is an evidence item; the supplier's access to each file sent is an event it supports."""

        m = plan_disclosure(project, factory_a, "prototyping", as_of="2026-02-01", key=key).manifest
        builder = EvidenceGraphBuilder()
        item = add_manifest_to_graph(builder, m, owner="BRAND")
        g = builder.build()
        evidence = g.node(item)

        assert (EvidenceKind.DISCLOSURE_MANIFEST, m.digest) == (evidence.kind, evidence.sha256)  # type: ignore[union-attr]
        events = list(g.nodes(NodeKind.EVENT))
        assert [f"{m.package_id}:housing", f"{m.package_id}:colour"] == [e.id for e in events]
        assert all(e.kind is EventKind.ACCESS for e in events)  # type: ignore[union-attr]
        assert "F-A" == g.performer(f"{m.package_id}:housing")
        carrier = f"file:{project.item('housing').files[0].sha256}"
        assert (carrier,) == g.successors(f"{m.package_id}:housing", EdgeKind.TARGETS)
        assert ("TS-HOUSING",) == g.successors(carrier, EdgeKind.EMBODIES)

    def test_coded_release_is_not_access_unless_asked(
        self, project: Project, factory_a: Supplier, key: CodingKey
    ) -> None:
        """A coded parameter gives no access to its value by default; coded_is_access adds it."""

        m = plan_disclosure(project, factory_a, "prototyping", as_of="2026-02-01", key=key).manifest
        b1, b2 = EvidenceGraphBuilder(), EvidenceGraphBuilder()
        add_manifest_to_graph(b1, m, owner="BRAND")
        add_manifest_to_graph(b2, m, owner="BRAND", coded_is_access=True)

        assert f"{m.package_id}:battery" not in b1.build()
        assert f"{m.package_id}:battery" in b2.build()


class TestSupplierChecks:
    def test_trading_company_recipient(self, project: Project, key: CodingKey) -> None:
        """Releasing to a supplier registered as a trading company is a high finding."""
        supplier = attrs.evolve(
            supplier_with(ndas=(core_nda(),)), kind=SupplierKind.TRADING_COMPANY
        )
        pkg = plan_disclosure(project, supplier, "prototyping", as_of="2026-02-01", key=key)

        assert {"supply_chain.disclosure.trading_company"} == pkg.codes()
        assert not pkg.cleared

    @pytest.mark.parametrize(
        ("profile", "code"),
        [
            (
                FactoryProfile(factory_id="F-A", name="A", live_video=LiveVideo.REFUSED),
                "supply_chain.disclosure.audit_failed",
            ),
            (
                FactoryProfile(factory_id="F-A", name="A"),
                "supply_chain.disclosure.audit_incomplete",
            ),
        ],
        ids=["failed", "incomplete"],
    )
    def test_audit_outcome(
        self, project: Project, key: CodingKey, profile: FactoryProfile, code: str
    ) -> None:
        """A failed audit blocks the package; an incomplete one is a medium finding."""
        audit = audit_factory(profile, as_of="2026-01-20")
        pkg = plan_disclosure(
            project,
            supplier_with(ndas=(core_nda(),)),
            "prototyping",
            as_of="2026-02-01",
            key=key,
            audit=audit,
        )

        assert {code} == pkg.codes()
        assert (code == "supply_chain.disclosure.audit_incomplete") == pkg.cleared

    def test_audit_of_another_factory(self, project: Project, key: CodingKey) -> None:
        """An audit of another factory is an input error."""
        audit = audit_factory(FactoryProfile(factory_id="F-Z", name="Z"), as_of="2026-01-20")
        with pytest.raises(InvalidInputError):
            plan_disclosure(
                project,
                supplier_with(ndas=(core_nda(),)),
                "prototyping",
                as_of="2026-02-01",
                key=key,
                audit=audit,
            )

    def test_explain_supplier_findings(self, project: Project, key: CodingKey) -> None:
        """The supplier findings render in both languages."""
        audit = audit_factory(
            FactoryProfile(factory_id="F-A", name="A", live_video=LiveVideo.REFUSED),
            as_of="2026-01-20",
        )
        pkg = plan_disclosure(
            project,
            supplier_with(ndas=(core_nda(),)),
            "prototyping",
            as_of="2026-02-01",
            key=key,
            audit=audit,
        )

        assert "未通过2026年1月20日的工厂审核" in explain(pkg, locale="zh_CN")
        assert "failed its factory audit of 20 Jan 2026" in explain(pkg, locale="en")


class TestItemRules:
    def test_item_rule_beats_kind_rule(
        self, project: Project, factory_a: Supplier, key: CodingKey
    ) -> None:
        """A policy rule for one item overrides the rules by kind and sensitivity."""
        default = DisclosurePolicy.default()
        policy = attrs.evolve(
            default,
            rules=(*default.rules, PolicyRule(stage="prototyping", form=F, item_id="housing")),
        )
        pkg = plan_disclosure(
            attrs.evolve(project, policy=policy),
            factory_a,
            "prototyping",
            as_of="2026-02-01",
            key=key,
        )

        assert (F, F) == (pkg.entry("housing").allowed, pkg.entry("housing").form)
        assert P == DisclosurePolicy.default().allowed("prototyping", project.item("housing"))[0]

    def test_item_rule_from_toml(self) -> None:
        """A policy file can hold a rule for one item."""
        policy = DisclosurePolicy.from_toml(
            '[[rule]]\nstage = "prototyping"\nitem_id = "battery"\nform = "withhold"\n'
        )

        assert "battery" == policy.rules[0].item_id


@pytest.fixture
def registry() -> SecretRegistry:
    """The registry behind the fixture project: housing core, battery important, launch ordinary."""
    return SecretRegistry(
        secrets=(
            TradeSecret(
                id="TS-HOUSING",
                title="Housing",
                kind=SecretKind.TECHNICAL,
                tier=ClassificationTier.CORE,
            ),
            TradeSecret(
                id="TS-BATTERY",
                title="Battery",
                kind=SecretKind.TECHNICAL,
                tier=ClassificationTier.IMPORTANT,
            ),
            TradeSecret(
                id="TS-ALGO",
                title="Algorithm",
                kind=SecretKind.TECHNICAL,
                tier=ClassificationTier.CORE,
            ),
            TradeSecret(
                id="TS-LAUNCH",
                title="Launch",
                kind=SecretKind.BUSINESS,
                tier=ClassificationTier.ORDINARY,
            ),
        )
    )


class TestRegistryLinks:
    def test_links_resolve(
        self, project: Project, factory_a: Supplier, key: CodingKey, registry: SecretRegistry
    ) -> None:
        """All links registered and consistent: no finding; prototyping needs a core NDA for a core drawing in part."""
        pkg = plan_disclosure(
            project, factory_a, "prototyping", as_of="2026-02-01", key=key, registry=registry
        )

        assert frozenset() == pkg.codes()
        assert NdaTier.CORE == pkg.nda_tier_required

    def test_tier_rises_with_released_secrets(
        self, project: Project, key: CodingKey, registry: SecretRegistry
    ) -> None:
        """An important-tier NDA suffices for prototyping by policy, not once a core secret goes out in part."""
        supplier = supplier_with(ndas=(core_nda(tier=NdaTier.IMPORTANT),))
        without = plan_disclosure(project, supplier, "prototyping", as_of="2026-02-01", key=key)
        with_registry = plan_disclosure(
            project, supplier, "prototyping", as_of="2026-02-01", key=key, registry=registry
        )

        assert "supply_chain.disclosure.nda_tier_too_low" not in without.codes()
        assert "supply_chain.disclosure.nda_tier_too_low" in with_registry.codes()

    def test_coded_secrets_do_not_raise_the_tier(
        self, project: Project, key: CodingKey, registry: SecretRegistry
    ) -> None:
        """A secret that only goes out coded does not raise the NDA tier."""
        plan = (PlannedRelease(stage="prototyping", item_id="housing", form=W),)
        supplier = supplier_with(ndas=(core_nda(tier=NdaTier.IMPORTANT),))
        pkg = plan_disclosure(
            attrs.evolve(project, plan=plan),
            supplier,
            "prototyping",
            as_of="2026-02-01",
            key=key,
            registry=registry,
        )

        assert NdaTier.IMPORTANT == pkg.nda_tier_required
        assert pkg.cleared

    def test_unknown_secret(self, project: Project, factory_a: Supplier, key: CodingKey) -> None:
        """A link to a secret the registry does not hold is reported."""
        pkg = plan_disclosure(
            project,
            factory_a,
            "prototyping",
            as_of="2026-02-01",
            key=key,
            registry=SecretRegistry(),
        )

        assert 4 == sum(f.code == "supply_chain.disclosure.unknown_secret" for f in pkg.findings)

    def test_non_core_item_with_core_secret(
        self, project: Project, factory_a: Supplier, key: CodingKey, registry: SecretRegistry
    ) -> None:
        """An item marked non-core that embodies a core secret is a high finding."""
        colour = attrs.evolve(project.item("colour"), secret_ids=("TS-HOUSING",))
        p = attrs.evolve(project, items=(*project.items[:4], colour))
        pkg = plan_disclosure(
            p, factory_a, "prototyping", as_of="2026-02-01", key=key, registry=registry
        )
        finding = next(
            f for f in pkg.findings if f.code == "supply_chain.disclosure.sensitivity_below_tier"
        )

        assert (Severity.HIGH, "colour") == (finding.severity, finding.subject)
        assert "包含核心级商业秘密TS-HOUSING" in explain(pkg, locale="zh_CN")

    def test_access_grants(
        self, project: Project, factory_a: Supplier, key: CodingKey, registry: SecretRegistry
    ) -> None:
        """The package becomes the supplier's access grants; the registry then lists it as a holder."""
        pkg = plan_disclosure(project, factory_a, "prototyping", as_of="2026-02-01", key=key)
        grants = access_grants(pkg)
        updated = SecretRegistry(secrets=registry.secrets, grants=grants)

        assert [("F-A", "TS-HOUSING", to_date("2026-02-01"))] == [
            (g.person, g.secret_id, g.granted) for g in grants
        ]
        assert frozenset({"F-A"}) == updated.holders_of("TS-HOUSING", on="2026-03-01")
        assert {"TS-HOUSING", "TS-BATTERY"} == {
            g.secret_id for g in access_grants(pkg, coded_is_access=True)
        }


class TestTraceFile:
    def test_leaked_file_names_the_packages(
        self, project: Project, factory_a: Supplier, factory_b: Supplier, key: CodingKey
    ) -> None:
        """A leaked file's hash finds every package that sent it; a file never sent finds none."""
        pilot_a = plan_disclosure(
            project, factory_a, "pilot_run", as_of="2026-03-01", key=key
        ).manifest
        proto_b = plan_disclosure(
            project, factory_b, "prototyping", as_of="2026-02-01", key=key
        ).manifest
        full = project.item("housing").files[1].sha256
        appearance = project.item("housing").files[0].sha256

        assert [("F-A", "housing", F)] == [
            (m.supplier_id, m.item_id, m.form)
            for m in trace_file(full, manifests=[pilot_a, proto_b])
        ]
        assert [("F-B", P)] == [
            (m.supplier_id, m.form)
            for m in trace_file(appearance.upper(), manifests=[pilot_a, proto_b])
        ]
        assert () == trace_file("0" * 64, manifests=[pilot_a, proto_b])

    def test_bad_hash_rejected(self) -> None:
        """Anything but a SHA-256 digest is an input error."""
        with pytest.raises(InvalidInputError):
            trace_file("abc", manifests=[])


class TestLegalFrame:
    @pytest.mark.parametrize(
        ("as_of", "article", "number"),
        [
            ("2025-10-14", "aucl@2019-04-23:9", 9),
            ("2025-10-15", "aucl@2025-06-27:10", 10),
        ],
    )
    def test_aucl_article_by_package_date(
        self,
        project: Project,
        factory_a: Supplier,
        key: CodingKey,
        as_of: str,
        article: str,
        number: int,
    ) -> None:
        """AUCL 2019 Art. 9 up to 2025-10-14, AUCL 2025 Art. 10 from 2025-10-15, from the rulebook."""
        pkg = plan_disclosure(project, factory_a, "prototyping", as_of=as_of, key=key)
        (param,) = pkg.parameters

        assert [
            "spc-ts@2020-09-10:6",
            "spc-ts@2020-09-10:10",
            article,
            "tradesecret-policy@2026-11-21",
        ] == [c.id for c in pkg.citations]
        assert ("supply_chain.aucl_infringement_article", number, article) == (
            param.name,
            param.as_int(),
            param.citations[0].id,
        )

    @pytest.mark.parametrize(("as_of", "spc_cited"), [("2020-09-11", False), ("2020-09-12", True)])
    def test_spc_provisions_only_from_their_effective_date(
        self, project: Project, key: CodingKey, as_of: str, spc_cited: bool
    ) -> None:
        """The SPC Provisions (effective 2020-09-12) are not cited for an earlier package or finding."""
        pkg = plan_disclosure(project, supplier_with(), "prototyping", as_of=as_of, key=key)
        no_nda = next(f for f in pkg.findings if f.code == "supply_chain.disclosure.no_nda")
        spc = ["spc-ts@2020-09-10:6", "spc-ts@2020-09-10:10"] if spc_cited else []

        assert [*spc, "aucl@2019-04-23:9", "tradesecret-policy@2026-11-21"] == [
            c.id for c in pkg.citations
        ]
        assert ["tradesecret-policy@2026-11-21", *spc] == [c.id for c in no_nda.citations]

    def test_no_aucl_article_before_2019(
        self, project: Project, factory_a: Supplier, key: CodingKey
    ) -> None:
        """Before 2019-04-23 the catalog does not cover the AUCL: no article is cited, none invented."""
        pkg = plan_disclosure(project, factory_a, "prototyping", as_of="2019-04-22", key=key)

        assert () == pkg.parameters
        assert not any(c.id.startswith("aucl@") for c in pkg.citations)

    def test_article_follows_a_user_rulebook(
        self, project: Project, factory_a: Supplier, key: CodingKey
    ) -> None:
        """The mapping is data: a rulebook extension changes the article cited without code."""
        custom = default_rulebook().extended(
            """
[[parameter]]
name = "supply_chain.aucl_infringement_article"
unit = "count"
label_zh = "条文"
label_en = "Article"
last_reviewed = 2026-11-21
[[parameter.value]]
since = 2019-04-23
value = 17
cite = ["aucl@2019-04-23:17"]
status = "V1"
"""
        )
        pkg = plan_disclosure(
            project, factory_a, "prototyping", as_of="2025-10-14", key=key, rulebook=custom
        )

        assert "aucl@2019-04-23:17" in [c.id for c in pkg.citations]

    def test_unknown_entry_is_an_input_error(
        self, project: Project, factory_a: Supplier, key: CodingKey
    ) -> None:
        """Asking a package for an item it does not hold raises InvalidInputError with the id."""
        pkg = plan_disclosure(project, factory_a, "prototyping", as_of="2026-02-01", key=key)

        with pytest.raises(InvalidInputError) as info:
            pkg.entry("motor")

        assert ("item_id", '"motor"') == (info.value.field, info.value.value)


class TestInputs:
    def test_enum_slot_lists_its_values(self, project: Project, factory_a: Supplier) -> None:
        """A handling given as text is refused with the type and every allowed value."""
        with pytest.raises(InvalidInputError) as info:
            plan_disclosure(
                project,
                factory_a,
                "prototyping",
                as_of="2026-02-01",
                handling="enforce",  # type: ignore[arg-type]
            )
        problem = info.value.problems[0]
        assert ("handling", "must be a ViolationHandling (enforce, report)") == (
            problem.path,
            problem.reason,
        )
        assert ("type", "ViolationHandling") == problem.params[0]

    def test_letter_accepts_iso_dates_and_reports_order(self) -> None:
        """Letter dates may be ISO text; a countersignature or expiry before issue is reported."""
        letter = po1_letter(issued_on="2026-04-28", countersigned_on="2026-05-01")

        assert to_date("2026-05-01") == letter.countersigned_on
        with pytest.raises(InvalidInputError) as info:
            po1_letter(countersigned_on="2026-04-27", valid_until="2026-04-01", order_id="")

        assert ["order_id", "countersigned_on", "valid_until"] == [
            p.path for p in info.value.problems
        ]

    def test_letter_bad_dates_all_reported(self) -> None:
        """Two unreadable dates are two problems in one error."""
        with pytest.raises(InvalidInputError) as info:
            po1_letter(issued_on="28/04/2026", countersigned_on="soon")

        assert ["issued_on", "countersigned_on"] == [p.path for p in info.value.problems]

    def test_supplier_validation(self) -> None:
        """A supplier needs an id and a name."""
        with pytest.raises(InvalidInputError) as info:
            Supplier(id=" F-A", name="")

        assert ["id", "name"] == [p.path for p in info.value.problems]

    def test_plan_lists_every_problem(self, project: Project, factory_a: Supplier) -> None:
        """A bad date, an unknown stage, a wrong handling and a padded order id: one error."""
        with pytest.raises(InvalidInputError) as info:
            plan_disclosure(
                project,
                factory_a,
                "tooling",
                as_of="someday",
                order_id=" PO-1",
                handling="enforce",  # type: ignore[arg-type]
            )

        assert ["as_of", "stage", "handling", "order_id"] == [p.path for p in info.value.problems]

    def test_every_coded_item_needs_the_key(self, project: Project, factory_a: Supplier) -> None:
        """Without the key, each item that would go out coded is named in the one error."""
        plan = (PlannedRelease(stage="prototyping", item_id="colour", form=C),)
        with pytest.raises(InvalidInputError) as info:
            plan_disclosure(
                attrs.evolve(project, plan=plan), factory_a, "prototyping", as_of="2026-02-01"
            )

        assert [("key", '"battery"'), ("key", '"colour"')] == [
            (p.path, p.reason.split()[1]) for p in info.value.problems
        ]

    def test_plan_line_validation(self) -> None:
        """A plan line with a blank stage, a text form and a padded supplier id lists all three."""
        with pytest.raises(InvalidInputError) as info:
            PlannedRelease(
                stage="",
                item_id="battery",
                form="full",  # type: ignore[arg-type]
                supplier_id="F-A ",
            )

        assert ["stage", "form", "supplier_id"] == [p.path for p in info.value.problems]
