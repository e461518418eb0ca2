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

Two protections:

* **unkeyed** (the default): plain SHA-256. It catches any edit made by someone who does
  not recompute the hashes -- but whoever can edit the log can also recompute every hash
  after the edit (re-chain it), so an unkeyed chain proves consistency, not authenticity;
  :meth:`CustodyLog.verify` reports it as ``rechainable``.
* **keyed**: HMAC-SHA256 with the organisation's secret key (``protection="hmac-sha256"``).
  The key is passed to each call and never stored in the log or in any result. The head
  line also carries a ``seal``, an HMAC over the item, count, head hash **and the timestamp
  token**, so the token is covered by the chain too. Without the key nobody can re-chain
  an edited log.

Examples:
    >>> from tradesecret.dates import to_datetime
    >>> key = b"organisation-secret-key-0123456789"
    >>> log = CustodyLog(item="E-1", entries=(), protection=KEYED).append(
    ...     to_party="legal", at=to_datetime("2025-03-01T10:00:00+08:00"),
    ...     item_sha256="ab" * 32, key=key)
    >>> check = log.verify(key=key)
    >>> check.protection, check.intact, check.rechainable
    ('keyed', True, False)
    >>> CustodyLog(item="E-1", entries=()).verify().rechainable
    True
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
import json
import re
from collections.abc import Callable
from typing import Any, Final

import attrs
import pendulum

from tradesecret._convert import tuple_of
from tradesecret.dates import to_datetime
from tradesecret.exceptions import InvalidInputError, Problem, render_value

__all__ = [
    "GENESIS",
    "KEYED",
    "UNKEYED",
    "ChainCheck",
    "CustodyEntry",
    "CustodyLog",
    "TimestampToken",
    "TimestampVerifier",
    "entry_hash",
    "parse_log",
    "require_key",
    "sha256_hex",
]

#: The ``prev_hash`` of the first entry.
GENESIS: Final = "0" * 64
#: An unkeyed chain: plain SHA-256 (anyone who can edit the log can re-chain it).
UNKEYED: Final = "sha256"
#: A keyed chain: HMAC-SHA256 with the organisation's key (passed in, never stored).
KEYED: Final = "hmac-sha256"
#: The shortest key accepted for a keyed chain, in bytes.
MIN_KEY_BYTES: Final = 16

_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def invalid(path: str, value: object, reason: str, /, **params: object) -> InvalidInputError:
    """The input error for one problem (``reason`` a template, as ``Problem.of``)."""
    return InvalidInputError(
        [Problem.of(path, value, reason, **params)]
    )  # template: passed through


def require_key(key: object) -> bytes:
    """
    ``key`` if it can key a chain: bytes, at least :data:`MIN_KEY_BYTES` long.

    Raises:
        InvalidInputError: at path ``key``; the key itself is never echoed in the message.
    """
    if not isinstance(key, bytes) or len(key) < MIN_KEY_BYTES:
        problem = Problem.of(
            "key",
            "",
            "a keyed chain needs its key: bytes, at least {min_bytes} long",
            min_bytes=MIN_KEY_BYTES,
        )
        raise InvalidInputError([attrs.evolve(problem, value="")])  # the key is never shown
    return key


def _check_key(key: object, protection: str) -> bytes | None:
    """The key a chain of ``protection`` needs (never echoed in a message)."""
    if protection == UNKEYED:
        if key is not None:
            problem = Problem.of("key", "", "this chain is unkeyed: it takes no key")
            raise InvalidInputError([attrs.evolve(problem, value="")])
        return None
    return require_key(key)


def _protection(value: object) -> None:
    if value not in (UNKEYED, KEYED):
        allowed = ", ".join(render_value(v) for v in (UNKEYED, KEYED))
        raise invalid("protection", value, "expected one of {allowed}", allowed=allowed)


def _text(path: str, value: object) -> None:
    if isinstance(value, str) and _LONE_SURROGATE.search(value):
        raise InvalidInputError.single(path, value, "not valid Unicode (a lone surrogate)")


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
    key: bytes | None = None,
) -> str:
    """
    The hash of one entry over its canonical JSON and the previous hash: SHA-256, or
    HMAC-SHA256 with ``key`` for a keyed chain.
    """
    body = json.dumps(
        [seq, item, item_sha256, from_party, to_party, _iso(at), note, prev_hash],
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8", "surrogatepass")
    if key is None:
        return sha256_hex(body)
    return hmac.new(key, body, hashlib.sha256).hexdigest()


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

    def expected_hash(self, key: bytes | None = None) -> str:
        """The hash this entry should have (``key`` for a keyed chain)."""
        return entry_hash(
            seq=self.seq,
            item=self.item,
            item_sha256=self.item_sha256,
            from_party=self.from_party,
            to_party=self.to_party,
            at=self.at,
            note=self.note,
            prev_hash=self.prev_hash,
            key=key,
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
class ChainCheck:
    """
    What :meth:`CustodyLog.verify` found.

    An unkeyed chain (and a keyed one checked without its key) is tamper-evident against
    accidental edits only: whoever can edit the log can recompute every hash after the
    edit, and the re-chained log verifies. Only a keyed chain checked with its key shows
    a deliberate edit too (:attr:`detects`).

    Attributes:
        protection: ``"keyed"`` (HMAC-SHA256) or ``"unkeyed"`` (SHA-256).
        intact: No problem found in what could be checked.
        key_checked: The hashes and the seal were checked with the key (keyed chains only).
        rechainable: Whoever can edit the log can also recompute its hashes, so an edit
            followed by re-chaining would not show: true for every unkeyed chain, and for a
            keyed chain checked without its key.
        problems: ``(code, seq, detail)`` triples, as :meth:`CustodyLog.problems`.
    """

    protection: str
    intact: bool
    key_checked: bool
    rechainable: bool
    problems: tuple[tuple[str, int, str], ...]

    @property
    def detects(self) -> str:
        """
        Which edits the check would show: ``"accidental_edits"`` (an edit followed by
        re-chaining goes unnoticed) or ``"edits_without_the_key"`` (a keyed chain checked
        with its key: nobody without the key can re-chain it).
        """
        return "accidental_edits" if self.rechainable else "edits_without_the_key"


@attrs.frozen(kw_only=True)
class CustodyLog:
    """
    The hash-linked custody log of one evidence item.

    Attributes:
        item: Evidence item id.
        entries: The entries, in order.
        token: An external timestamp token over the head, if obtained.
        protection: :data:`UNKEYED` (SHA-256) or :data:`KEYED` (HMAC-SHA256 with a key
            passed to each call, never stored).
        seal: For a keyed chain, the HMAC over item, count, head hash and token.
    """

    item: str
    entries: tuple[CustodyEntry, ...] = attrs.field(validator=tuple_of(CustodyEntry))
    token: TimestampToken | None = None
    protection: str = attrs.field(default=UNKEYED, validator=lambda _, __, v: _protection(v))
    seal: str | None = None

    def _seal(self, key: bytes, token: TimestampToken | None) -> str:
        body = _dump(
            {
                "count": len(self.entries),
                "head": self.head,
                "item": self.item,
                "token": _token_dict(token),
            }
        )
        return hmac.new(key, body.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()

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
        key: bytes | None = None,
    ) -> CustodyLog:
        """
        A new log with one more entry (``from_party`` defaults to the current holder).

        ``key`` is required for a keyed chain and refused for an unkeyed one. The new log has
        no timestamp token (a token covers one head).
        """
        secret = _check_key(key, self.protection)
        for path, text in (
            ("item", self.item),
            ("to_party", to_party),
            ("from_party", from_party),
            ("note", note),
        ):
            _text(path, text)
        seq = len(self.entries)
        if from_party is None and self.entries:
            from_party = self.entries[-1].to_party
        unsealed = CustodyEntry(
            seq=seq,
            item=self.item,
            item_sha256=item_sha256,
            from_party=from_party,
            to_party=to_party,
            at=at,
            note=note,
            prev_hash=self.head,
            hash="",
        )
        entry = attrs.evolve(unsealed, hash=unsealed.expected_hash(secret))
        longer = attrs.evolve(self, entries=(*self.entries, entry), token=None, seal=None)
        return longer if secret is None else attrs.evolve(longer, seal=longer._seal(secret, None))

    def with_token(self, token: TimestampToken, *, key: bytes | None = None) -> CustodyLog:
        """This log with an external timestamp token over its head (sealed with ``key`` when keyed)."""
        secret = _check_key(key, self.protection)
        seal = None if secret is None else self._seal(secret, token)
        return attrs.evolve(self, token=token, seal=seal)

    def holder(self) -> str | None:
        """Who holds the item now."""
        return self.entries[-1].to_party if self.entries else None

    def to_bytes(self) -> bytes:
        """Canonical JSON lines: one per entry, then ``{"head": ..., "count": ...}``."""
        lines = [_dump(_entry_dict(e)) for e in self.entries]
        head: dict[str, Any] = {"count": len(self.entries), "head": self.head, "item": self.item}
        if self.token is not None:
            head["token"] = _token_dict(self.token)
        if self.protection == KEYED:
            head["protection"] = self.protection
            head["seal"] = self.seal
        lines.append(_dump(head))
        return ("\n".join(lines) + "\n").encode("utf-8")

    def verify(self, *, key: bytes | None = None) -> ChainCheck:
        """
        Check the chain and say which protection it has.

        A keyed chain is fully checked only with its ``key`` (hashes and seal); without it
        only the links, numbering and order are checked, and the check says so.
        """
        keyed = self.protection == KEYED
        if keyed and key is not None:
            _check_key(key, KEYED)
        elif not keyed and key is not None:
            _check_key(key, UNKEYED)  # refuses: an unkeyed chain has no key
        found = self.problems(key=key)
        checked = keyed and key is not None
        return ChainCheck(
            protection="keyed" if keyed else "unkeyed",
            intact=not found,
            key_checked=checked,
            rechainable=not checked,
            problems=found,
        )

    def problems(self, *, key: bytes | None = None) -> tuple[tuple[str, int, str], ...]:
        """
        What is wrong with the chain itself: ``(code, seq, detail)`` triples.

        Codes: ``hash`` (an entry's hash does not match its content), ``link`` (prev_hash
        does not match the previous entry), ``seq`` (numbering), ``item`` (another item's
        entry), ``order`` (a timestamp earlier than the previous one), ``token_head``
        (the token is over another head), ``seal`` (a keyed chain's seal over head and
        token does not match). A keyed chain's hashes and seal are checked only with ``key``.
        """
        keyed = self.protection == KEYED
        check_hashes = not keyed or key is not None
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
            if check_hashes and entry.expected_hash(key if keyed else None) != entry.hash:
                found.append(("hash", index, entry.hash))
            if prev_at is not None and entry.at < prev_at:
                found.append(("order", index, _iso(entry.at)))
            prev_hash, prev_at = entry.hash, entry.at
        if self.token is not None and self.token.head_hash != self.head:
            found.append(("token_head", len(self.entries), self.token.head_hash))
        if (
            keyed
            and key is not None
            and (
                self.seal is None or not hmac.compare_digest(self.seal, self._seal(key, self.token))
            )
        ):
            found.append(("seal", len(self.entries), self.seal or ""))
        return tuple(found)


def _token_dict(token: TimestampToken | None) -> dict[str, str] | None:
    if token is None:
        return None
    return {
        "at": _iso(token.at),
        "authority": token.authority,
        "head_hash": token.head_hash,
        "token": token.token,
    }


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
    (a changed byte, a truncated or padded file) raises :class:`InvalidInputError`
    (path ``custody_log``).
    Chain problems that survive parsing are reported by :meth:`CustodyLog.problems`.
    """
    if not isinstance(data, bytes):
        raise invalid(_LOG, type(data).__name__, "expected bytes")
    shown = data[:60]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise invalid(_LOG, shown, "unreadable log: not UTF-8 text") from None
    if not text.endswith("\n"):
        raise invalid(_LOG, shown, "unreadable log: it does not end with a newline (truncated?)")
    try:
        rows = [json.loads(line) for line in text[:-1].split("\n")]
    except (ValueError, RecursionError):
        raise invalid(_LOG, shown, "unreadable log: a line is not JSON") from None
    head = rows[-1]
    if not isinstance(head, dict) or "head" not in head:
        raise invalid(_LOG, shown, "unreadable log: no head line (truncated?)")
    if set(head) - {"count", "head", "item", "token", "protection", "seal"}:
        raise invalid(_LOG, shown, "unreadable log: unexpected keys in the head line")
    entries = tuple(_entry_from(row, seq, shown) for seq, row in enumerate(rows[:-1]))
    log = _log_from(head, entries, shown)
    try:
        canonical = log.to_bytes()
    except UnicodeEncodeError:  # a lone surrogate written as a JSON escape
        canonical = b""
    if canonical != data:
        raise invalid(_LOG, shown, "the log is not canonical")
    return log


_LOG: Final = "custody_log"
_MALFORMED_ENTRY: Final = "unreadable log: entry {seq} is malformed"
_MALFORMED_HEAD: Final = "unreadable log: the head line is malformed"


def _texts(row: dict[str, Any], names: tuple[str, ...]) -> bool:
    return all(isinstance(row.get(n), str) for n in names)


def _entry_from(row: object, seq: int, shown: bytes) -> CustodyEntry:
    """One entry line, every field of its JSON type (nothing converted)."""
    if (
        not isinstance(row, dict)
        or set(row) != _ENTRY_KEYS
        or not _texts(row, ("at", "hash", "item", "item_sha256", "note", "prev", "to"))
        or not (row["from"] is None or isinstance(row["from"], str))
        or type(row["seq"]) is not int
    ):
        raise invalid(_LOG, shown, _MALFORMED_ENTRY, seq=seq)
    try:
        at = to_datetime(row["at"], path="at")
    except InvalidInputError:
        raise invalid(_LOG, shown, _MALFORMED_ENTRY, seq=seq) from None
    return CustodyEntry(
        seq=row["seq"],
        item=row["item"],
        item_sha256=row["item_sha256"],
        from_party=row["from"],
        to_party=row["to"],
        at=at,
        note=row["note"],
        prev_hash=row["prev"],
        hash=row["hash"],
    )


def _token_from(raw: object, shown: bytes) -> TimestampToken:
    names = ("at", "authority", "head_hash", "token")
    if not isinstance(raw, dict) or set(raw) != set(names) or not _texts(raw, names):
        raise invalid(_LOG, shown, _MALFORMED_HEAD)
    try:
        at = to_datetime(raw["at"], path="at")
    except InvalidInputError:
        raise invalid(_LOG, shown, _MALFORMED_HEAD) from None
    return TimestampToken(
        head_hash=raw["head_hash"], token=raw["token"], authority=raw["authority"], at=at
    )


def _log_from(head: dict[str, Any], entries: tuple[CustodyEntry, ...], shown: bytes) -> CustodyLog:
    """The log of a head line and its entries; count and head hash must match."""
    protection = head.get("protection", UNKEYED)
    seal = head.get("seal")
    if (
        not _texts(head, ("head", "item"))
        or type(head.get("count")) is not int
        or protection not in (UNKEYED, KEYED)
        or not (seal is None or isinstance(seal, str))
    ):
        raise invalid(_LOG, shown, _MALFORMED_HEAD)
    token = _token_from(head["token"], shown) if "token" in head else None
    log = CustodyLog(
        item=head["item"], entries=entries, token=token, protection=protection, seal=seal
    )
    if head["count"] != len(entries):
        raise invalid(
            _LOG,
            shown,
            "unreadable log: the head says {count} entries, found {found}",
            count=head["count"],
            found=len(entries),
        )
    if head["head"] != log.head:
        raise invalid(_LOG, shown, "unreadable log: the head hash does not match the last entry")
    return log
