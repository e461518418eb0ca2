"""
Supplier-specific codes for real values, and the owner-side code book that decodes them.

A coded release replaces a real value ("2,000 mAh") by an internal code ("Runtime Level
K7Q2MZ4DXA"). The code is deterministic per **project, supplier and item**:

    token = Base32(HMAC-SHA256(key, JSON ["project", "supplier", "item"]))[:10]

with a key only the owner holds (:class:`CodingKey`). So the same supplier always gets
the same code for the same item (documents stay consistent across stages), two suppliers
get different codes for the same value, and a code found outside the company names the
supplier it was given to (:func:`trace_leak`). Without the key, nobody can compute a code
for another supplier; without the :class:`CodeBook`, nobody can decode one. The code book
never appears in a disclosure package.

Examples:
    >>> from tradesecret.supply_chain.codebook import CodingKey, item_code
    >>> key = CodingKey(secret=b"owner-held secret key, 32 bytes!")
    >>> a = item_code(key, project_id="P1", supplier_id="F-A", item_id="battery", label="Runtime Level")
    >>> b = item_code(key, project_id="P1", supplier_id="F-B", item_id="battery", label="Runtime Level")
    >>> a.startswith("Runtime Level "), a != b
    (True, True)
    >>> a == item_code(key, project_id="P1", supplier_id="F-A", item_id="battery", label="Runtime Level")
    True
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Iterable
from typing import Any, Final

import attrs

from tradesecret._convert import tuple_of
from tradesecret.exceptions import InvalidInputError
from tradesecret.supply_chain._model import DataItem
from tradesecret.supply_chain._parties import Project, Supplier

__all__ = [
    "CodeBook",
    "CodeEntry",
    "CodingKey",
    "LeakMatch",
    "build_code_book",
    "item_code",
    "trace_leak",
]

#: Minimum key length in bytes (HMAC-SHA256 keys shorter than the hash weaken it).
MIN_KEY_BYTES: Final = 16
#: Base32 characters kept from the HMAC (50 bits).
TOKEN_LENGTH: Final = 10


def _key_bytes(_instance: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bytes):
        raise InvalidInputError.single("secret", type(value).__name__, "the coding key is bytes")
    if len(value) < MIN_KEY_BYTES:
        raise InvalidInputError.single(
            "secret",
            f"{len(value)} bytes",
            "the coding key needs at least {min_bytes} bytes",
            min_bytes=MIN_KEY_BYTES,
        )


@attrs.frozen(kw_only=True)
class CodingKey:
    """
    The owner-held key codes are derived from. Keep it with the code books, never with packages.

    Its ``repr`` hides the secret, and it has no JSON form on purpose.

    Attributes:
        secret: At least 16 random bytes (e.g. ``secrets.token_bytes(32)``).
    """

    secret: bytes = attrs.field(repr=False, validator=_key_bytes)


def item_code(
    key: CodingKey, *, project_id: str, supplier_id: str, item_id: str, label: str
) -> str:
    """The code of ``item_id`` for ``supplier_id`` in ``project_id``: ``"<label> <token>"``."""
    message = json.dumps([project_id, supplier_id, item_id], ensure_ascii=False).encode("utf-8")
    digest = hmac.new(key.secret, message, hashlib.sha256).digest()
    token = base64.b32encode(digest).decode("ascii")[:TOKEN_LENGTH]
    return f"{label} {token}"


def code_label(item: DataItem) -> str:
    """The label before the token: the item's ``code_label``, else its title."""
    return item.code_label or item.title


@attrs.frozen(kw_only=True)
class CodeEntry:
    """
    One line of a code book.

    Attributes:
        code: The code given to the supplier.
        item_id: The item coded.
        real_value: The real value the code stands for.
        unit: Its unit, if any.
    """

    code: str
    item_id: str
    real_value: str
    unit: str | None = None


@attrs.frozen(kw_only=True)
class CodeBook:
    """
    The owner-side map from one supplier's codes to real values. Never sent to a supplier.

    Attributes:
        project_id: The project.
        supplier_id: The supplier whose codes these are.
        entries: One line per codable item (every item with a real value).
    """

    project_id: str
    supplier_id: str
    entries: tuple[CodeEntry, ...] = attrs.field(validator=tuple_of(CodeEntry))

    def decode(self, code: str) -> CodeEntry:
        """
        The entry for ``code``.

        Raises:
            InvalidInputError: the code is not in this book (another supplier's, or none).
        """
        for entry in self.entries:
            if entry.code == code:
                return entry
        raise InvalidInputError.single("code", code, "not a code of this code book")

    def code_of(self, item_id: str) -> str:
        """The code of ``item_id`` in this book."""
        for entry in self.entries:
            if entry.item_id == item_id:
                return entry.code
        raise InvalidInputError.single("item_id", item_id, "no code for this item")


def build_code_book(project: Project, supplier: Supplier, *, key: CodingKey) -> CodeBook:
    """The code book of ``supplier`` for every item of ``project`` that has a real value."""
    entries = tuple(
        CodeEntry(
            code=item_code(
                key,
                project_id=project.id,
                supplier_id=supplier.id,
                item_id=item.id,
                label=code_label(item),
            ),
            item_id=item.id,
            real_value=item.real_value,
            unit=item.unit,
        )
        for item in project.items
        if item.real_value is not None
    )
    return CodeBook(project_id=project.id, supplier_id=supplier.id, entries=entries)


@attrs.frozen(kw_only=True)
class LeakMatch:
    """
    A code found in leaked material, and whom it was given to.

    Attributes:
        code: The code found.
        project_id: The project.
        supplier_id: The supplier that received it: the likely source of the leak.
        item_id: The item it stands for.
    """

    code: str
    project_id: str
    supplier_id: str
    item_id: str


def _token(code: str) -> str:
    """The supplier-specific token at the end of a code (the label before it is optional)."""
    return code.rsplit(" ", 1)[-1].upper()


def trace_leak(leaked: str, *, code_books: Iterable[CodeBook]) -> tuple[LeakMatch, ...]:
    """
    Every code of ``code_books`` that occurs in ``leaked`` (a code, or any leaked text).

    A code is supplier-specific, so each match names the supplier that received it. The
    label before the token may be dropped or translated in leaked material ("续航等级
    K7Q2MZ4DXA"), so the token alone, in any letter case, is enough to match. No
    match means the material carries no code of these books (it may come from a stage
    or an item that was never coded, or from another project).

    Examples:
        >>> from tradesecret.supply_chain.codebook import CodeBook, CodeEntry, trace_leak
        >>> book = CodeBook(project_id="P1", supplier_id="F-A",
        ...                 entries=(CodeEntry(code="Runtime Level ABC", item_id="battery", real_value="2000"),))
        >>> [m.supplier_id for m in trace_leak("spec: Runtime Level ABC, 5V", code_books=[book])]
        ['F-A']
    """
    if not isinstance(leaked, str) or not leaked:
        raise InvalidInputError.single("leaked", leaked, "must be non-empty text")
    upper = leaked.upper()
    matches: list[LeakMatch] = []
    for book in code_books:
        matches.extend(
            LeakMatch(
                code=entry.code,
                project_id=book.project_id,
                supplier_id=book.supplier_id,
                item_id=entry.item_id,
            )
            for entry in book.entries
            if entry.code in leaked or _token(entry.code) in upper
        )
    return tuple(matches)
