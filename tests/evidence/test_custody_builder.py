"""The graph builder's custody logs: keyed with the organisation's key, or unkeyed and said to be weaker."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import pytest

from tradesecret.dates import to_datetime as t
from tradesecret.evidence import (
    EvidenceGraph,
    EvidenceGraphBuilder,
    EvidenceItem,
    EvidenceKind,
    Party,
    PartyRole,
    verify,
)
from tradesecret.evidence.custody import KEYED, UNKEYED, CustodyLog, entry_hash
from tradesecret.evidence.example import example_builder
from tradesecret.evidence.export import from_json, to_json
from tradesecret.exceptions import InvalidInputError
from tradesecret.i18n import explain

KEY = b"organisation-secret-0123456789ab"
ATTACKER = b"attacker-guess-0123456789abcdefg"
SHA = "cd" * 32


def build(key: bytes | None) -> EvidenceGraph:
    """A graph with one e-mail item, collected by IT and handed to counsel."""
    b = EvidenceGraphBuilder(custody_key=key)
    for party in (
        Party(id="it", name="IT", role=PartyRole.COMPANY),
        Party(id="counsel", name="Counsel", role=PartyRole.THIRD_PARTY),
    ):
        b.add(party)
    b.add(
        EvidenceItem(
            id="E-mail",
            kind=EvidenceKind.EMAIL,
            sha256=SHA,
            collected_by="it",
            collected_at=t("2025-04-05T10:00:00+08:00"),
        )
    )
    b.transfer("E-mail", to="counsel", at=t("2025-04-06T09:00:00+08:00"), note="sealed USB")
    return b.build()


def rechained(graph: EvidenceGraph, key: bytes | None) -> EvidenceGraph:
    """
    The graph as exported, with the note of custody entry 1 edited and every hash (and
    the seal) recomputed with ``key`` -- what someone who can edit the file would do.
    """
    data: dict[str, Any] = json.loads(to_json(graph))
    log = data["custody"]["E-mail"]
    prev = log["entries"][0]["prev"]
    for raw in log["entries"]:
        if raw["seq"] == 1:
            raw["note"] = "handed over unsealed"
        raw["prev"] = prev
        raw["hash"] = prev = entry_hash(
            seq=raw["seq"],
            item="E-mail",
            item_sha256=raw["item_sha256"],
            from_party=raw["from"],
            to_party=raw["to"],
            at=t(raw["at"]),
            note=raw["note"],
            prev_hash=raw["prev"],
            key=key,
        )
    if "seal" in log and key is not None:
        body = json.dumps(
            {"count": len(log["entries"]), "head": prev, "item": "E-mail", "token": None},
            ensure_ascii=False,
            separators=(",", ":"),
            sort_keys=True,
        )
        log["seal"] = hmac.new(key, body.encode(), hashlib.sha256).hexdigest()
    return from_json(json.dumps(data))


class TestKeyedBuilder:
    """``EvidenceGraphBuilder(custody_key=...)``."""

    def test_logs_are_keyed_and_verify_with_the_key(self) -> None:
        """Every log the builder starts and extends is an HMAC chain that verifies with the key."""
        graph = build(KEY)
        log = graph.custody("E-mail")
        assert (KEYED, 2) == (log.protection, len(log.entries))
        check = log.verify(key=KEY)
        assert (True, True, False, "edits_without_the_key") == (
            check.intact,
            check.key_checked,
            check.rechainable,
            check.detects,
        )
        report = verify(graph, key=KEY)
        assert (True, (("E-mail", "keyed"),), frozenset()) == (
            report.ok,
            report.protection,
            report.rechainable,
        )

    def test_edit_then_rechain_is_caught(self) -> None:
        """An entry edited and re-chained without the organisation's key fails verification."""
        forged = rechained(build(KEY), ATTACKER)
        check = forged.custody("E-mail").verify(key=KEY)
        assert (False, ["hash", "hash", "seal"]) == (
            check.intact,
            [code for code, _, _ in check.problems],
        )
        report = verify(forged, key=KEY)
        assert (frozenset({"evidence.integrity.log_broken"}), frozenset({"E-mail"})) == (
            report.codes(),
            report.failed_items,
        )

    def test_the_key_is_not_stored(self) -> None:
        """Neither the exported graph nor the serialised log holds the key."""
        graph = build(KEY)
        assert KEY.decode() not in to_json(graph)
        assert KEY not in graph.custody("E-mail").to_bytes()

    def test_short_key_refused(self) -> None:
        """A key that is too short is an input error at ``key``, the key itself not shown."""
        with pytest.raises(InvalidInputError) as info:
            EvidenceGraphBuilder(custody_key=b"short")
        assert ("key", "", (("min_bytes", "16"),)) == (
            info.value.field,
            info.value.value,
            info.value.problems[0].params,
        )

    def test_set_custody_keeps_the_protection(self) -> None:
        """A keyed builder refuses an unkeyed log (no silent step down) at ``custody.protection``."""
        b = EvidenceGraphBuilder(custody_key=KEY)
        b.add(Party(id="it", name="IT", role=PartyRole.COMPANY))
        b.add(
            EvidenceItem(
                id="E-mail",
                kind=EvidenceKind.EMAIL,
                sha256=SHA,
                collected_by="it",
                collected_at=t("2025-04-05T10:00:00+08:00"),
            )
        )
        plain = CustodyLog(item="E-mail", entries=()).append(
            to_party="it", at=t("2025-04-05T10:00:00+08:00"), item_sha256=SHA
        )
        with pytest.raises(InvalidInputError) as info:
            b.set_custody(plain)
        assert "custody.protection" == info.value.field


class TestUnkeyedBuilder:
    """Without a key the logs are unkeyed, and every check says what that protects against."""

    def test_edit_then_rechain_goes_unnoticed_and_is_said(self) -> None:
        """A re-chained unkeyed log verifies; the report lists it as re-chainable."""
        forged = rechained(build(None), None)
        log = forged.custody("E-mail")
        check = log.verify()
        assert (UNKEYED, "handed over unsealed") == (log.protection, log.entries[1].note)
        assert ("unkeyed", True, True, "accidental_edits") == (
            check.protection,
            check.intact,
            check.rechainable,
            check.detects,
        )
        report = verify(forged)
        assert (True, frozenset({"E-mail"})) == (report.ok, report.rechainable)

    def test_explanation_says_accidental_edits_only(self) -> None:
        """The integrity report's explanation says an unkeyed log shows accidental edits only."""
        report = verify(build(None))
        assert "1 custody logs (E-mail) are unkeyed" in explain(report, locale="en")
        assert "只能发现意外改动" in explain(report, locale="zh_CN")
        keyed = explain(verify(build(KEY), key=KEY), locale="en")
        assert "Every custody log is a keyed chain (HMAC-SHA256) checked with its key" in keyed


class TestExportedLogs:
    """Custody logs read back from the JSON export are taken as written, never converted."""

    def test_wrong_json_types_refused(self) -> None:
        """A sequence number written as text and a null note are refused at their entry."""
        data: dict[str, Any] = json.loads(to_json(build(None)))
        data["custody"]["E-mail"]["entries"][1]["seq"] = "1"
        data["custody"]["E-mail"]["entries"][0]["note"] = None
        with pytest.raises(InvalidInputError) as info:
            from_json(json.dumps(data))
        assert [
            ('custody["E-mail"].entries[0]', "malformed custody entry"),
            ('custody["E-mail"].entries[1]', "malformed custody entry"),
        ] == [(p.path, p.template) for p in info.value.problems]


class TestWorkedExample:
    """The worked example with and without the organisation's key."""

    def test_every_log_keyed(self) -> None:
        """With the key every item's log (collection and transfers) is keyed and verifies."""
        graph = example_builder(custody_key=KEY).build()
        report = verify(graph, key=KEY)
        assert (True, frozenset(), {"keyed"}) == (
            report.ok,
            report.rechainable,
            {p for _, p in report.protection},
        )
        unkeyed = verify(example_builder().build())
        assert {"unkeyed"} == {p for _, p in unkeyed.protection}


class TestNotValidUnicode:
    """Ids and custody texts that are not valid Unicode are refused before any log is written."""

    def test_item_id_with_a_lone_surrogate(self) -> None:
        """An item id with a lone surrogate is an input error at ``id``, not a crash in ``to_bytes``."""
        with pytest.raises(InvalidInputError) as info:
            EvidenceItem(
                id="E-\udfff",
                kind=EvidenceKind.EMAIL,
                sha256=SHA,
                collected_by="it",
                collected_at=t("2025-04-05T10:00:00+08:00"),
            )
        assert "id" == info.value.field

    def test_log_item_with_a_lone_surrogate(self) -> None:
        """A log of an item whose id is not valid Unicode refuses a new entry at ``item``."""
        log = CustodyLog(item="E-\udfff", entries=())
        with pytest.raises(InvalidInputError) as info:
            log.append(to_party="it", at=t("2025-04-05T10:00:00+08:00"), item_sha256=SHA)
        assert "item" == info.value.field
