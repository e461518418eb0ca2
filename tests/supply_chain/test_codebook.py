"""Supplier codes: deterministic, supplier-specific, decoded only with the owner's code book."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradesecret.exceptions import InvalidInputError
from tradesecret.serialization import from_json, to_json
from tradesecret.supply_chain import (
    CodeBook,
    CodingKey,
    LeakMatch,
    Project,
    Supplier,
    build_code_book,
    item_code,
    plan_disclosure,
    trace_leak,
)


class TestItemCode:
    def test_deterministic(self, key: CodingKey) -> None:
        """The same key, project, supplier and item always give the same code."""
        first = item_code(
            key, project_id="P", supplier_id="F-A", item_id="battery", label="Runtime Level"
        )

        assert first == item_code(
            key, project_id="P", supplier_id="F-A", item_id="battery", label="Runtime Level"
        )
        assert first.startswith("Runtime Level ") and 10 == len(first.rsplit(" ", 1)[1])

    @pytest.mark.parametrize(
        "change",
        [
            {"project_id": "P2"},
            {"supplier_id": "F-B"},
            {"item_id": "motor"},
        ],
    )
    def test_each_input_changes_the_code(self, key: CodingKey, change: dict[str, str]) -> None:
        """Another project, supplier or item gives another code."""
        base = {"project_id": "P", "supplier_id": "F-A", "item_id": "battery"}

        assert item_code(key, label="L", **base) != item_code(key, label="L", **{**base, **change})

    def test_another_key_another_code(self, key: CodingKey) -> None:
        """Without the owner's key, nobody can reproduce a supplier's code."""
        other = CodingKey(secret=b"someone else's key, 32 bytes!!!")
        args = {"project_id": "P", "supplier_id": "F-A", "item_id": "battery", "label": "L"}

        assert item_code(key, **args) != item_code(other, **args)

    def test_ids_cannot_run_into_each_other(self, key: CodingKey) -> None:
        """The ids are encoded unambiguously: ("F|A", "x") and ("F", "A|x") differ."""
        a = item_code(key, project_id="P", supplier_id="F|A", item_id="x", label="L")
        b = item_code(key, project_id="P", supplier_id="F", item_id="A|x", label="L")

        assert a != b

    @given(
        suppliers=st.lists(
            st.text(alphabet="ABCDEFGH-0123456789", min_size=1, max_size=8),
            min_size=2,
            max_size=30,
            unique=True,
        )
    )
    def test_suppliers_get_distinct_codes(self, suppliers: list[str]) -> None:
        """Different suppliers get different codes for the same item (a leak names its source)."""
        key = CodingKey(secret=b"k" * 32)
        codes = {
            item_code(key, project_id="P", supplier_id=s, item_id="battery", label="L")
            for s in suppliers
        }

        assert len(suppliers) == len(codes)


class TestCodingKey:
    def test_short_key_rejected(self) -> None:
        """A key below 16 bytes is refused."""
        with pytest.raises(InvalidInputError):
            CodingKey(secret=b"short")

    def test_text_key_rejected(self) -> None:
        """The key is bytes, not text."""
        with pytest.raises(InvalidInputError):
            CodingKey(secret="a text key that is long enough")  # type: ignore[arg-type]

    def test_repr_hides_the_secret(self, key: CodingKey) -> None:
        """The key never shows up in a repr or log line."""
        assert "brand-owner" not in repr(key)


class TestCodeBook:
    def test_book_matches_package_codes(
        self, project: Project, factory_a: Supplier, key: CodingKey
    ) -> None:
        """The owner's book decodes exactly the code that went out in the package."""
        pkg = plan_disclosure(project, factory_a, "prototyping", as_of="2026-02-01", key=key)
        book = build_code_book(project, factory_a, key=key)
        code = pkg.entry("battery").code
        assert code is not None
        entry = book.decode(code)

        assert ("battery", "2000", "mAh") == (entry.item_id, entry.real_value, entry.unit)

    def test_book_covers_items_with_real_values(
        self, project: Project, factory_a: Supplier, key: CodingKey
    ) -> None:
        """Every item with a real value has a line, and no other item does."""
        book = build_code_book(project, factory_a, key=key)

        assert ["battery", "colour"] == [e.item_id for e in book.entries]

    def test_other_suppliers_code_does_not_decode(
        self, project: Project, factory_a: Supplier, factory_b: Supplier, key: CodingKey
    ) -> None:
        """Factory B's code is not in Factory A's book: decoding needs the right book."""
        book_a = build_code_book(project, factory_a, key=key)
        code_b = build_code_book(project, factory_b, key=key).code_of("battery")

        assert book_a.code_of("battery") != code_b
        with pytest.raises(InvalidInputError):
            book_a.decode(code_b)

    def test_round_trip(self, project: Project, factory_a: Supplier, key: CodingKey) -> None:
        """The owner can store the book as JSON and read it back."""
        book = build_code_book(project, factory_a, key=key)

        assert book == from_json(to_json(book), CodeBook)


class TestTraceLeak:
    def test_leaked_code_names_the_supplier(
        self, project: Project, factory_a: Supplier, factory_b: Supplier, key: CodingKey
    ) -> None:
        """A code found in a competitor's spec sheet identifies the factory that received it."""
        books = [build_code_book(project, s, key=key) for s in (factory_a, factory_b)]
        leaked = f"Competitor spec: battery {books[1].code_of('battery')}, 5 V"

        assert (
            LeakMatch(
                code=books[1].code_of("battery"),
                project_id="VAC-1",
                supplier_id="F-B",
                item_id="battery",
            ),
        ) == trace_leak(leaked, code_books=books)

    def test_no_code_no_match(self, project: Project, factory_a: Supplier, key: CodingKey) -> None:
        """Material without any of the codes traces to nobody."""
        assert () == trace_leak(
            "2000 mAh battery", code_books=[build_code_book(project, factory_a, key=key)]
        )

    def test_empty_text_rejected(self) -> None:
        """An empty leak is an input error."""
        with pytest.raises(InvalidInputError):
            trace_leak("", code_books=[])

    @pytest.mark.parametrize(
        "template", ["续航等级 {token}", "capacity grade {lower}", "ref:{token};"]
    )
    def test_token_without_its_label_still_traces(
        self,
        project: Project,
        factory_a: Supplier,
        factory_b: Supplier,
        key: CodingKey,
        template: str,
    ) -> None:
        """A leaker who translates or drops the label, or lower-cases the token, is still traced."""
        books = [build_code_book(project, s, key=key) for s in (factory_a, factory_b)]
        token = books[1].code_of("battery").rsplit(" ", 1)[1]
        leaked = template.format(token=token, lower=token.lower())

        assert [("F-B", "battery")] == [
            (m.supplier_id, m.item_id) for m in trace_leak(leaked, code_books=books)
        ]


class TestKeyLength:
    @pytest.mark.parametrize(("length", "ok"), [(15, False), (16, True)])
    def test_sixteen_bytes_minimum(self, length: int, ok: bool) -> None:
        """A 15-byte key is refused; 16 bytes is the minimum accepted."""
        if ok:
            assert length == len(CodingKey(secret=b"k" * length).secret)
        else:
            with pytest.raises(InvalidInputError) as info:
                CodingKey(secret=b"k" * length)
            assert "secret" == info.value.field
