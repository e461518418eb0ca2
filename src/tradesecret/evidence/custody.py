"""
Integrity and chain of custody.

Every :class:`~tradesecret.evidence.model.EvidenceItem` carries the SHA-256 of its
content. Its custody is a **hash-linked log**: each :class:`CustodyEntry` records who
handed the item to whom, when, and the SHA-256 of the item at that moment, and its
own ``hash`` covers all of that plus the previous entry's hash. The first entry is
the collection itself. Changing, removing or reordering any entry breaks the chain.

The log is serialised (:meth:`CustodyLog.to_bytes`) as canonical JSON lines ending
with a ``head`` line (entry count and head hash), so a truncated file is caught too;
:func:`parse_log` refuses anything that is not byte-for-byte canonical.

Room is left for an external timestamp token (e.g. an RFC 3161 response) over the
head hash: :class:`TimestampToken`. The library does not ship an RFC 3161 client; a
caller passes a :class:`TimestampVerifier` (any callable) to check tokens where present.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from collections.abc import Callable
from typing import Any, Final

import attrs
import pendulum

from tradesecret._convert import tuple_of
from tradesecret.dates import to_datetime
from tradesecret.exceptions import InvalidInputError

__all__ = [
    "GENESIS",
    "CustodyEntry",
    "CustodyLog",
    "TimestampToken",
    "TimestampVerifier",
    "entry_hash",
    "parse_log",
    "sha256_hex",
]

#: The ``prev_hash`` of the first entry.
GENESIS: Final = "0" * 64


def sha256_hex(data: bytes) -> str:
    """SHA-256 of ``data`` as lower-case hex."""
    return hashlib.sha256(data).hexdigest()


def _iso(value: pendulum.DateTime) -> str:
    """Canonical text of a timestamp: UTC ISO 8601, whatever zone it was given in."""
    return value.astimezone(_dt.UTC).isoformat()


def entry_hash(
    *,
    seq: int,
    item: str,
    item_sha256: str,
    from_party: str | None,
    to_party: str,
    at: pendulum.DateTime,
    note: str,
    prev_hash: str,
) -> str:
    """The hash of one entry: SHA-256 over its canonical JSON and the previous hash."""
    body = json.dumps(
        [seq, item, item_sha256, from_party, to_party, _iso(at), note, prev_hash],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return sha256_hex(body.encode("utf-8"))


@attrs.frozen(kw_only=True)
class CustodyEntry:
    """
    One transfer of custody (the first one is the collection).

    Attributes:
        seq: Position in the log, from 0.
        item: Evidence item id.
        item_sha256: SHA-256 of the item as handed over.
        from_party: Who handed it over (``None`` for the collection).
        to_party: Who received it.
        at: When (aware).
        note: How (sealed envelope, encrypted upload...).
        prev_hash: Hash of the previous entry (:data:`GENESIS` for the first).
        hash: This entry's hash (:func:`entry_hash`).
    """

    seq: int
    item: str
    item_sha256: str
    from_party: str | None
    to_party: str
    at: pendulum.DateTime
    note: str
    prev_hash: str
    hash: str

    def expected_hash(self) -> str:
        """The hash this entry should have."""
        return entry_hash(
            seq=self.seq,
            item=self.item,
            item_sha256=self.item_sha256,
            from_party=self.from_party,
            to_party=self.to_party,
            at=self.at,
            note=self.note,
            prev_hash=self.prev_hash,
        )


@attrs.frozen(kw_only=True)
class TimestampToken:
    """
    An external timestamp over a log head (e.g. an RFC 3161 ``TimeStampResp``, base64).

    Attributes:
        head_hash: The head hash the token was issued over.
        token: The token as issued, base64 text.
        authority: The timestamping authority.
        at: The time the token states.
    """

    head_hash: str
    token: str
    authority: str
    at: pendulum.DateTime


#: Checks a token over a digest; returns ``True`` when the token is valid.
TimestampVerifier = Callable[[TimestampToken, bytes], bool]


@attrs.frozen(kw_only=True)
class CustodyLog:
    """
    The hash-linked custody log of one evidence item.

    Attributes:
        item: Evidence item id.
        entries: The entries, in order.
        token: An external timestamp token over the head, if obtained.
    """

    item: str
    entries: tuple[CustodyEntry, ...] = attrs.field(validator=tuple_of(CustodyEntry))
    token: TimestampToken | None = None

    @property
    def head(self) -> str:
        """The hash of the last entry (:data:`GENESIS` for an empty log)."""
        return self.entries[-1].hash if self.entries else GENESIS

    def append(
        self,
        *,
        to_party: str,
        at: pendulum.DateTime,
        item_sha256: str,
        from_party: str | None = None,
        note: str = "",
    ) -> CustodyLog:
        """A new log with one more entry (``from_party`` defaults to the current holder)."""
        seq = len(self.entries)
        if from_party is None and self.entries:
            from_party = self.entries[-1].to_party
        prev = self.head
        digest = entry_hash(
            seq=seq,
            item=self.item,
            item_sha256=item_sha256,
            from_party=from_party,
            to_party=to_party,
            at=at,
            note=note,
            prev_hash=prev,
        )
        entry = CustodyEntry(
            seq=seq,
            item=self.item,
            item_sha256=item_sha256,
            from_party=from_party,
            to_party=to_party,
            at=at,
            note=note,
            prev_hash=prev,
            hash=digest,
        )
        return attrs.evolve(self, entries=(*self.entries, entry), token=None)

    def with_token(self, token: TimestampToken) -> CustodyLog:
        """This log with an external timestamp token over its head."""
        return attrs.evolve(self, token=token)

    def holder(self) -> str | None:
        """Who holds the item now."""
        return self.entries[-1].to_party if self.entries else None

    def to_bytes(self) -> bytes:
        """Canonical JSON lines: one per entry, then ``{"head": ..., "count": ...}``."""
        lines = [_dump(_entry_dict(e)) for e in self.entries]
        head: dict[str, Any] = {"count": len(self.entries), "head": self.head, "item": self.item}
        if self.token is not None:
            head["token"] = {
                "at": _iso(self.token.at),
                "authority": self.token.authority,
                "head_hash": self.token.head_hash,
                "token": self.token.token,
            }
        lines.append(_dump(head))
        return ("\n".join(lines) + "\n").encode("utf-8")

    def problems(self) -> tuple[tuple[str, int, str], ...]:
        """
        What is wrong with the chain itself: ``(code, seq, detail)`` triples.

        Codes: ``hash`` (an entry's hash does not match its content), ``link`` (prev_hash
        does not match the previous entry), ``seq`` (numbering), ``item`` (another item's
        entry), ``order`` (a timestamp earlier than the previous one), ``token_head``
        (the token is over another head).
        """
        found: list[tuple[str, int, str]] = []
        prev_hash = GENESIS
        prev_at: pendulum.DateTime | None = None
        for index, entry in enumerate(self.entries):
            if entry.seq != index:
                found.append(("seq", index, f"seq {entry.seq} at position {index}"))
            if entry.item != self.item:
                found.append(("item", index, entry.item))
            if entry.prev_hash != prev_hash:
                found.append(("link", index, entry.prev_hash))
            if entry.expected_hash() != entry.hash:
                found.append(("hash", index, entry.hash))
            if prev_at is not None and entry.at < prev_at:
                found.append(("order", index, _iso(entry.at)))
            prev_hash, prev_at = entry.hash, entry.at
        if self.token is not None and self.token.head_hash != self.head:
            found.append(("token_head", len(self.entries), self.token.head_hash))
        return tuple(found)


def _dump(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _entry_dict(e: CustodyEntry) -> dict[str, Any]:
    return {
        "at": _iso(e.at),
        "from": e.from_party,
        "hash": e.hash,
        "item": e.item,
        "item_sha256": e.item_sha256,
        "note": e.note,
        "prev": e.prev_hash,
        "seq": e.seq,
        "to": e.to_party,
    }


_ENTRY_KEYS: Final = frozenset(
    {"at", "from", "hash", "item", "item_sha256", "note", "prev", "seq", "to"}
)


def parse_log(data: bytes) -> CustodyLog:
    """
    Read a log written by :meth:`CustodyLog.to_bytes`.

    The bytes must be exactly canonical (re-serialising gives the same bytes) and end
    with a head line whose count and head hash match the entries; anything else
    (a changed byte, a truncated or padded file) raises :class:`InvalidInputError`.
    Chain problems that survive parsing are reported by :meth:`CustodyLog.problems`.
    """
    try:
        text = data.decode("utf-8")
        if not text.endswith("\n"):
            raise ValueError("the log does not end with a newline (truncated?)")
        rows = [json.loads(line) for line in text[:-1].split("\n")]
        if not rows or not isinstance(rows[-1], dict) or "head" not in rows[-1]:
            raise ValueError("no head line (truncated?)")
        head = rows[-1]
        if set(head) - {"count", "head", "item", "token"}:
            raise ValueError("unexpected keys in the head line")
        entries: list[CustodyEntry] = []
        for row in rows[:-1]:
            if not isinstance(row, dict) or set(row) != _ENTRY_KEYS:
                raise ValueError("malformed entry")
            entries.append(
                CustodyEntry(
                    seq=int(row["seq"]),
                    item=str(row["item"]),
                    item_sha256=str(row["item_sha256"]),
                    from_party=None if row["from"] is None else str(row["from"]),
                    to_party=str(row["to"]),
                    at=to_datetime(row["at"], path="custody.at"),
                    note=str(row["note"]),
                    prev_hash=str(row["prev"]),
                    hash=str(row["hash"]),
                )
            )
        token = None
        if "token" in head:
            raw = head["token"]
            token = TimestampToken(
                head_hash=str(raw["head_hash"]),
                token=str(raw["token"]),
                authority=str(raw["authority"]),
                at=to_datetime(raw["at"], path="custody.token.at"),
            )
        log = CustodyLog(item=str(head["item"]), entries=tuple(entries), token=token)
        if head["count"] != len(entries):
            raise ValueError(f"head says {head['count']} entries, found {len(entries)}")
        if head["head"] != log.head:
            raise ValueError("head hash does not match the last entry")
    except (ValueError, TypeError, KeyError, UnicodeDecodeError, InvalidInputError) as exc:
        raise InvalidInputError.single("custody_log", data[:60], f"unreadable log: {exc}") from None
    if log.to_bytes() != data:
        raise InvalidInputError.single("custody_log", data[:60], "the log is not canonical")
    return log
