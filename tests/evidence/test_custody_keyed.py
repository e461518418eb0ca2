"""Keyed custody chains: HMAC-SHA256 with the organisation's key, covering the timestamp token."""

from __future__ import annotations

import attrs
import pytest

from tradesecret.dates import to_datetime as t
from tradesecret.evidence import EvidenceGraph, TimestampToken, verify
from tradesecret.evidence.custody import (
    KEYED,
    UNKEYED,
    CustodyEntry,
    CustodyLog,
    entry_hash,
    parse_log,
)
from tradesecret.exceptions import InvalidInputError

KEY = b"organisation-secret-0123456789ab"
OTHER = b"attacker-guess-0123456789abcdefg"
SHA = "ab" * 32


def chain(protection: str = KEYED, key: bytes | None = KEY) -> CustodyLog:
    """A three-entry log of ``protection``."""
    log = CustodyLog(item="E-1", entries=(), protection=protection)
    for hour, party in ((9, "collector"), (10, "legal"), (11, "expert")):
        log = log.append(
            to_party=party, at=t(f"2025-03-01T{hour:02d}:00:00+08:00"), item_sha256=SHA, key=key
        )
    return log


def rechained(log: CustodyLog, key: bytes | None) -> CustodyLog:
    """``log`` with the note of entry 1 edited and every hash recomputed (with ``key``)."""
    entries: list[CustodyEntry] = []
    prev = log.entries[0].prev_hash
    for entry in log.entries:
        changed = attrs.evolve(entry, note="edited" if entry.seq == 1 else entry.note)
        digest = entry_hash(
            seq=changed.seq,
            item=changed.item,
            item_sha256=changed.item_sha256,
            from_party=changed.from_party,
            to_party=changed.to_party,
            at=changed.at,
            note=changed.note,
            prev_hash=prev,
            key=key,
        )
        entries.append(attrs.evolve(changed, prev_hash=prev, hash=digest))
        prev = digest
    return attrs.evolve(log, entries=tuple(entries))


class TestProtection:
    def test_keyed_chain_verifies_with_its_key(self) -> None:
        """A keyed chain checked with its key is intact, keyed and not re-chainable."""
        check = chain().verify(key=KEY)
        assert ("keyed", True, True, False) == (
            check.protection,
            check.intact,
            check.key_checked,
            check.rechainable,
        )

    def test_unkeyed_edit_can_be_rechained(self) -> None:
        """An unkeyed chain edited and re-chained still verifies: verify says it is re-chainable."""
        forged = rechained(chain(UNKEYED, None), None)
        check = forged.verify()
        assert ("unkeyed", True, True) == (check.protection, check.intact, check.rechainable)

    def test_keyed_edit_rechained_without_the_key_is_caught(self) -> None:
        """An edited keyed chain re-chained with another key fails every hash and the seal."""
        forged = rechained(chain(), OTHER)
        codes = [code for code, _, _ in forged.verify(key=KEY).problems]
        assert ["hash", "hash", "hash", "seal"] == codes

    def test_keyed_chain_without_the_key_is_reported_as_unchecked(self) -> None:
        """Checked without its key, a keyed chain's hashes are not verified and it says so."""
        check = rechained(chain(), OTHER).verify()
        assert ("keyed", False, True) == (check.protection, check.key_checked, check.rechainable)

    def test_token_is_covered_by_the_seal(self) -> None:
        """Swapping the timestamp token of a keyed log (same head) breaks the seal."""
        log = chain()
        token = TimestampToken(
            head_hash=log.head, token="dG9rZW4=", authority="TSA", at=t("2025-03-02T00:00:00Z")
        )
        sealed = log.with_token(token, key=KEY)
        assert sealed.verify(key=KEY).intact
        swapped = attrs.evolve(sealed, token=attrs.evolve(token, authority="Forged TSA"))
        assert [("seal", 3)] == [(c, s) for c, s, _ in swapped.verify(key=KEY).problems]

    def test_round_trip_and_the_key_is_never_stored(self) -> None:
        """A keyed log round-trips through its bytes; the key is in neither bytes nor repr."""
        log = chain().with_token(
            TimestampToken(
                head_hash=chain().head, token="dA==", authority="TSA", at=t("2025-03-02T00:00:00Z")
            ),
            key=KEY,
        )
        data = log.to_bytes()
        assert log == parse_log(data)
        assert KEY not in data
        assert KEY.decode() not in repr(log)
        assert b'"protection":"hmac-sha256"' in data


class TestKeys:
    def test_keyed_chain_needs_its_key(self) -> None:
        """Extending a keyed chain without a key, or with a short one, is an input error."""
        for key in (None, b"short"):
            with pytest.raises(InvalidInputError) as info:
                chain().append(to_party="x", at=t("2025-03-02T00:00:00Z"), item_sha256=SHA, key=key)
            assert ("key", "") == (info.value.field, info.value.value)

    def test_unkeyed_chain_refuses_a_key(self) -> None:
        """A key given to an unkeyed chain is refused (no silent switch of protection)."""
        with pytest.raises(InvalidInputError):
            chain(UNKEYED, None).append(
                to_party="x", at=t("2025-03-02T00:00:00Z"), item_sha256=SHA, key=KEY
            )

    def test_unknown_protection(self) -> None:
        """A protection other than the two is an input error listing them."""
        with pytest.raises(InvalidInputError) as info:
            CustodyLog(item="E-1", entries=(), protection="md5")
        assert 'expected one of "sha256", "hmac-sha256"' == info.value.problems[0].reason

    def test_lone_surrogate_note_is_refused(self) -> None:
        """A note that is not valid Unicode is an input error, not a crash in the hash."""
        with pytest.raises(InvalidInputError) as info:
            chain(UNKEYED, None).append(
                to_party="x", at=t("2025-03-02T00:00:00Z"), item_sha256=SHA, note="\udfff"
            )
        assert "note" == info.value.field


class TestIntegrityReport:
    def test_verify_says_which_protection_each_log_has(self, example: EvidenceGraph) -> None:
        """The integrity report names each log's protection; unkeyed logs are re-chainable."""
        report = verify(example)
        assert {"unkeyed"} == {p for _, p in report.protection}
        assert frozenset(item for item, _ in report.protection) == report.rechainable
