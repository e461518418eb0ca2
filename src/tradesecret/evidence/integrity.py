"""
``verify()``: is every item what it was when collected, and is every custody log intact?

Findings (all cite the library policy; the checks are technical, not legal rules):

* ``evidence.integrity.item_changed`` -- the content's SHA-256 differs from the item's;
* ``evidence.integrity.log_unreadable`` -- a serialised log was altered, truncated or padded;
* ``evidence.integrity.log_truncated`` -- a log is a strict prefix of the recorded one;
* ``evidence.integrity.log_mismatch`` -- a log differs from the recorded one;
* ``evidence.integrity.log_broken`` -- an entry's hash, link or numbering is wrong;
* ``evidence.integrity.custody_hash_changed`` -- an entry records another SHA-256 for the item;
* ``evidence.integrity.timestamp_order`` -- an entry is earlier than the one before it, or
  than the collection;
* ``evidence.integrity.token_invalid`` / ``token_unchecked`` -- the external timestamp
  token over the head fails the verifier / was not checked (no verifier given).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

import attrs

from tradesecret._convert import tuple_of
from tradesecret.evidence.custody import (
    KEYED,
    CustodyLog,
    TimestampVerifier,
    parse_log,
    sha256_hex,
)
from tradesecret.evidence.explain import explain_integrity
from tradesecret.evidence.graph import EvidenceGraph
from tradesecret.evidence.model import EvidenceItem, NodeKind
from tradesecret.exceptions import InvalidInputError, Problem, render_value
from tradesecret.law import POLICY
from tradesecret.presenters import ShownAsMarkdown
from tradesecret.results import Finding, FindingCodes, Severity
from tradesecret.rulebook import Rulebook, default_rulebook

__all__ = ["IntegrityReport", "verify"]


@attrs.frozen(kw_only=True)
class IntegrityReport(FindingCodes, ShownAsMarkdown):
    """
    The result of :func:`verify`.

    Attributes:
        findings: Every problem found (and ``token_unchecked`` notes).
        items_checked: How many items had their content hashed.
        logs_checked: How many custody logs were checked.
        failed_items: Items whose content or custody failed; pass them to
            ``evaluate(..., excluded=...)`` to disregard them.
        protection: ``(item, "keyed" | "unkeyed")`` for every custody log checked.
        rechainable: Items whose custody log could be edited and re-chained without it
            showing: unkeyed logs, and keyed ones checked without the key.
    """

    findings: tuple[Finding, ...] = attrs.field(validator=tuple_of(Finding))
    items_checked: int
    logs_checked: int
    failed_items: frozenset[str]
    protection: tuple[tuple[str, str], ...] = ()
    rechainable: frozenset[str] = frozenset()

    @property
    def ok(self) -> bool:
        """True when nothing worse than INFO was found."""
        return all(f.severity is Severity.INFO for f in self.findings)

    def __explain__(self, loc: object, fmt: str) -> str:
        """Render the findings."""
        return explain_integrity(self, loc, fmt)


class _Flag(Protocol):
    def __call__(self, code: str, item: str, severity: Severity = ..., **args: object) -> None: ...


def verify(
    graph: EvidenceGraph,
    *,
    contents: Mapping[str, bytes] | None = None,
    logs: Mapping[str, bytes] | None = None,
    verifier: TimestampVerifier | None = None,
    rulebook: Rulebook | None = None,
    key: bytes | None = None,
) -> IntegrityReport:
    """
    Check items and custody logs.

    Args:
        graph: The graph (its items' SHA-256 and custody logs are the record).
        contents: Item id -> content bytes, for the items to re-hash.
        logs: Item id -> serialised custody log (as kept outside the graph) to check
            against the record; the graph's own logs are always checked for broken links
            and timestamps.
        verifier: Checks external timestamp tokens over log heads, where present.
        rulebook: For citations.
        key: The organisation's key for keyed custody logs (HMAC-SHA256); never stored.

    Raises:
        InvalidInputError: listing every id in ``contents`` or ``logs`` that is not an
            evidence item (path ``contents["<id>"]`` / ``logs["<id>"]``).
    """
    rb = rulebook or default_rulebook()
    cite = (rb.cite(POLICY),)
    findings: list[Finding] = []
    failed: set[str] = set()

    def flag(code: str, item: str, severity: Severity = Severity.CRITICAL, **args: object) -> None:
        findings.append(
            Finding(
                code=code,
                severity=severity,
                citations=cite,
                args={"item": item, **args},
                subject=item,
            )
        )
        if severity is not Severity.INFO:
            failed.add(item)

    items: dict[str, EvidenceItem] = {
        n.id: n for n in graph.nodes(NodeKind.EVIDENCE) if isinstance(n, EvidenceItem)
    }
    unknown = [
        Problem.of(
            f"{name}[{render_value(item_id)}]", item_id, "not an evidence item of this graph"
        )
        for name, given in (("contents", contents), ("logs", logs))
        for item_id in given or {}
        if item_id not in items
    ]
    if unknown:
        raise InvalidInputError(unknown)
    for item_id, data in (contents or {}).items():
        if sha256_hex(data) != items[item_id].sha256:
            flag("evidence.integrity.item_changed", item_id)
    checked = 0
    for item_id, recorded in graph.custody_logs().items():
        checked += 1
        _check_log(recorded, items[item_id], flag, verifier, key)
        if logs is not None and item_id in logs:
            _compare_log(item_id, logs[item_id], recorded, items[item_id], flag, verifier, key)
    unique = {(f.code, f.subject, f.args): f for f in findings}
    return IntegrityReport(
        findings=tuple(unique.values()),
        items_checked=len(contents or {}),
        logs_checked=checked,
        failed_items=frozenset(failed),
        **_protection(graph, key),
    )


def _protection(graph: EvidenceGraph, key: bytes | None) -> dict[str, Any]:
    """Each log's protection, and the items whose log could be re-chained unnoticed."""
    checks = {
        item: log.verify(key=key if log.protection == KEYED else None)
        for item, log in graph.custody_logs().items()
    }
    return {
        "protection": tuple(sorted((item, c.protection) for item, c in checks.items())),
        "rechainable": frozenset(item for item, c in checks.items() if c.rechainable),
    }


def _compare_log(  # noqa: PLR0917 - one log against its record, with the shared flag
    item_id: str,
    raw: bytes,
    recorded: CustodyLog,
    item: EvidenceItem,
    flag: _Flag,
    verifier: TimestampVerifier | None,
    key: bytes | None,
) -> None:
    """A custody log kept outside the graph, against the graph's record of it."""
    try:
        supplied = parse_log(raw)
    except InvalidInputError:
        flag("evidence.integrity.log_unreadable", item_id)
        return
    if supplied.entries != recorded.entries[: len(supplied.entries)]:
        flag("evidence.integrity.log_mismatch", item_id)
    elif len(supplied.entries) < len(recorded.entries):
        flag(
            "evidence.integrity.log_truncated",
            item_id,
            count=len(supplied.entries),
            expected=len(recorded.entries),
        )
    elif supplied.token != recorded.token:
        flag("evidence.integrity.log_mismatch", item_id)
    _check_log(supplied, item, flag, verifier, key)


def _check_log(
    log: CustodyLog,
    item: EvidenceItem,
    flag: _Flag,
    verifier: TimestampVerifier | None,
    key: bytes | None,
) -> None:
    for code, seq, _detail in log.problems(key=key if log.protection == KEYED else None):
        if code == "order":
            flag("evidence.integrity.timestamp_order", item.id, seq=seq)
        elif code == "token_head":
            flag("evidence.integrity.token_invalid", item.id)
        else:
            flag("evidence.integrity.log_broken", item.id, seq=seq)
    for entry in log.entries:
        if entry.item_sha256 != item.sha256:
            flag("evidence.integrity.custody_hash_changed", item.id, seq=entry.seq)
        if entry.at < item.collected_at:
            flag("evidence.integrity.timestamp_order", item.id, seq=entry.seq)
    if log.token is not None:
        if verifier is None:
            flag("evidence.integrity.token_unchecked", item.id, Severity.INFO)
        elif log.token.head_hash != log.head or not verifier(log.token, bytes.fromhex(log.head)):
            flag("evidence.integrity.token_invalid", item.id)
