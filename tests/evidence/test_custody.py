"""Integrity and custody: every single-byte change to an item or to a custody log is caught."""

from __future__ import annotations

from datetime import datetime

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradesecret.dates import to_datetime as t
from tradesecret.evidence import (
    CustodyLog,
    EvidenceGraph,
    TimestampToken,
    parse_log,
    verify,
)
from tradesecret.evidence.custody import GENESIS
from tradesecret.evidence.example import CONTENT, example_builder
from tradesecret.exceptions import InvalidInputError
from tradesecret.i18n import explain


def logs_of(graph: EvidenceGraph) -> dict[str, bytes]:
    """Every custody log, serialised."""
    return {item: log.to_bytes() for item, log in graph.custody_logs().items()}


class TestItems:
    """Item content against its SHA-256."""

    def test_intact(self, example: EvidenceGraph) -> None:
        """Untouched items and logs verify."""
        report = verify(example, contents=CONTENT, logs=logs_of(example))
        assert (True, frozenset(), 8, 8) == (
            report.ok,
            report.failed_items,
            report.items_checked,
            report.logs_checked,
        )

    def test_every_byte_of_an_item(self, example: EvidenceGraph) -> None:
        """Flipping any single bit of any byte of an item is caught."""
        data = CONTENT["E-log"]
        for position in range(len(data)):
            changed = bytearray(data)
            changed[position] ^= 0x01
            report = verify(example, contents={"E-log": bytes(changed)})
            assert {"evidence.integrity.item_changed"} == report.codes(), position
            assert frozenset({"E-log"}) == report.failed_items

    def test_truncated_item(self, example: EvidenceGraph) -> None:
        """Dropping the last byte of an item is caught."""
        report = verify(example, contents={"E-mail": CONTENT["E-mail"][:-1]})
        assert frozenset({"E-mail"}) == report.failed_items

    def test_unknown_item(self, example: EvidenceGraph) -> None:
        """Content for an id that is not an item is an input error."""
        with pytest.raises(InvalidInputError):
            verify(example, contents={"wang": b""})


class TestLogBytes:
    """The serialised custody log."""

    def test_every_byte_of_the_log(self, example: EvidenceGraph) -> None:
        """Any single-byte change to a serialised log (to any other byte value) is caught."""
        data = example.custody("E-mail").to_bytes()
        for position in range(len(data)):
            for delta in (0x01, 0x20):
                changed = bytearray(data)
                changed[position] ^= delta
                report = verify(example, logs={"E-mail": bytes(changed)})
                assert not report.ok, (position, delta)
                assert "E-mail" in report.failed_items

    def test_every_deletion_and_truncation(self, example: EvidenceGraph) -> None:
        """Deleting any one byte, or cutting the log at any point, is caught."""
        data = example.custody("E-mail").to_bytes()
        for position in range(len(data)):
            for changed in (data[:position] + data[position + 1 :], data[:position]):
                report = verify(example, logs={"E-mail": changed})
                assert not report.ok, position

    def test_dropped_entry_with_rewritten_head(self, example: EvidenceGraph) -> None:
        """A log cut back to its collection entry, even with a consistent head, is truncated."""
        log = example.custody("E-mail")
        short = CustodyLog(item="E-mail", entries=log.entries[:1])
        report = verify(example, logs={"E-mail": short.to_bytes()})
        assert {"evidence.integrity.log_truncated"} == report.codes()

    def test_round_trip(self, example: EvidenceGraph) -> None:
        """parse_log reads back exactly what to_bytes wrote."""
        log = example.custody("E-nda")
        assert log == parse_log(log.to_bytes())

    def test_canonical_only(self, example: EvidenceGraph) -> None:
        """Re-ordered keys or extra spaces are refused."""
        data = example.custody("E-nda").to_bytes().replace(b'{"at"', b'{ "at"', 1)
        with pytest.raises(InvalidInputError):
            parse_log(data)


class TestChain:
    """The hash-linked chain itself."""

    def test_links(self, example: EvidenceGraph) -> None:
        """Each entry links to the previous hash; the first to the genesis."""
        log = example.custody("E-log")
        assert GENESIS == log.entries[0].prev_hash
        assert log.entries[0].hash == log.entries[1].prev_hash
        assert ("it", "counsel") == (log.entries[0].to_party, log.holder())
        assert "it" == log.entries[1].from_party

    def test_changed_entry(self) -> None:
        """An entry altered in memory (hash not recomputed) breaks the chain."""
        b = example_builder()
        g0 = b.build()
        log = g0.custody("E-mail")
        forged = attrs.evolve(log.entries[1], note="opened")
        b2 = example_builder()
        b2.set_custody(attrs.evolve(log, entries=(log.entries[0], forged)))
        report = verify(b2.build())
        assert {"evidence.integrity.log_broken"} == report.codes()

    def test_timestamp_out_of_order(self) -> None:
        """A transfer earlier than the previous entry is flagged."""
        b = example_builder()
        b.transfer("E-nda", to="acme", at=t("2025-04-05T09:00:00+08:00"))
        report = verify(b.build())
        assert "evidence.integrity.timestamp_order" in report.codes()
        assert frozenset({"E-nda"}) == report.failed_items

    def test_other_hash_in_custody(self) -> None:
        """A transfer recording another SHA-256 for the item is flagged."""
        b = example_builder()
        b.transfer("E-nda", to="acme", at=t("2025-04-07T09:00:00+08:00"), item_sha256="0" * 64)
        assert {"evidence.integrity.custody_hash_changed"} == verify(b.build()).codes()

    def test_explain(self) -> None:
        """The report explains itself in both languages."""
        b = example_builder()
        b.transfer("E-nda", to="acme", at=t("2025-04-05T09:00:00+08:00"))
        report = verify(b.build())
        assert "保管链第2条" in explain(report, locale="zh_CN")
        assert "Entry 2 of the custody log of item E-nda" in explain(report, locale="en")


class TestToken:
    """External timestamp tokens over the log head."""

    def token_graph(self, head_hash: str | None = None) -> EvidenceGraph:
        b = example_builder()
        log = b.build().custody("E-mail")
        token = TimestampToken(
            head_hash=head_hash or log.head,
            token="MIIB...",
            authority="TSA",
            at=t("2025-04-06T09:05:00+08:00"),
        )
        b2 = example_builder()
        b2.set_custody(log.with_token(token))
        return b2.build()

    def test_unchecked(self) -> None:
        """Without a verifier the token is noted, not trusted."""
        report = verify(self.token_graph())
        assert (frozenset({"evidence.integrity.token_unchecked"}), True) == (
            report.codes(),
            report.ok,
        )

    def test_verifier(self) -> None:
        """The verifier receives the head digest; a refusal fails the item."""
        g = self.token_graph()
        seen: list[bytes] = []

        def good(token: TimestampToken, digest: bytes) -> bool:
            seen.append(digest)
            return True

        assert verify(g, verifier=good).ok
        assert [bytes.fromhex(g.custody("E-mail").head)] == seen
        bad = verify(g, verifier=lambda token, digest: False)
        assert {"evidence.integrity.token_invalid"} == bad.codes()

    def test_token_over_other_head(self) -> None:
        """A token over another head is invalid."""
        report = verify(self.token_graph("f" * 64), verifier=lambda token, digest: True)
        assert "evidence.integrity.token_invalid" in report.codes()

    def test_token_in_bytes(self) -> None:
        """The token travels in the serialised log, and a change to it is caught."""
        g = self.token_graph()
        data = g.custody("E-mail").to_bytes()
        assert b"MIIB" in data
        changed = data.replace(b"MIIB", b"MIIC")
        assert not verify(g, logs={"E-mail": changed}).ok


class TestInvariants:
    """Any sequence of transfers gives a log that verifies and reads back exactly."""

    @given(
        hops=st.lists(
            st.tuples(st.sampled_from(["acme", "counsel", "it", "wang"]), st.integers(1, 500)),
            max_size=12,
        ),
        note=st.text(max_size=20),
    )
    def test_any_chain(self, hops: list[tuple[str, int]], note: str) -> None:
        """Transfers in time order always verify; the serialised log round-trips."""
        b = example_builder()
        at = t("2025-04-06T09:00:00+08:00")
        for party, minutes in hops:
            at = at.add(minutes=minutes)
            b.transfer("E-rd", to=party, at=at, note=note)
        g = b.build()
        log = g.custody("E-rd")
        assert len(hops) + 2 == len(log.entries)
        assert log == parse_log(log.to_bytes())
        assert verify(g, contents=CONTENT, logs={"E-rd": log.to_bytes()}).ok

    def test_markdown(self, example: EvidenceGraph) -> None:
        """The integrity report displays itself in notebooks."""
        assert str(verify(example)._repr_markdown_()).startswith("## 证据完整性核验")


class TestInputProblems:
    """Bad arguments are listed together, with paths."""

    def test_verify_unknown_ids(self, example: EvidenceGraph) -> None:
        """Every id that is not an evidence item is listed, for contents and logs."""
        with pytest.raises(InvalidInputError) as info:
            verify(example, contents={"wang": b"", "E-log": b""}, logs={"S-gear": b""})
        assert ['contents["wang"]', 'logs["S-gear"]'] == [p.path for p in info.value.problems]

    def test_transfer_problems(self) -> None:
        """A naive time, a bad recipient id and a bad hash are refused together; nothing is logged."""
        b = example_builder()
        with pytest.raises(InvalidInputError) as info:
            b.transfer(
                "E-nda",
                to="outside counsel",
                at=datetime(2025, 4, 7, 9, 0),  # type: ignore[arg-type]  # noqa: DTZ001
                item_sha256="ABC",
            )
        assert ["custody.to", "custody.at", "custody.item_sha256"] == [
            p.path for p in info.value.problems
        ]
        with pytest.raises(InvalidInputError) as info:
            b.transfer("nope", to="acme", at=t("2025-04-07T09:00:00+08:00"))
        assert ["custody.item"] == [p.path for p in info.value.problems]
        assert 2 == len(b.build().custody("E-nda").entries)
