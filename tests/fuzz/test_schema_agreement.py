"""The reader and the published JSON Schema agree on the JSON type of every value."""

from __future__ import annotations

from typing import Any, Final

import pytest

from tests.fuzz.harness import (
    DOCUMENTS,
    example,
    kind_of,
    leaves,
    pattern_probes,
    replaced,
    schema_accepts,
    schema_values,
    subschema,
    wrong_typed,
)
from tradesecret._constraints import SHA256_PATTERN
from tradesecret.casefile import load_case
from tradesecret.exceptions import InvalidInputError


def json_path(path: tuple[Any, ...]) -> str:
    """``("data", "wages", 3)`` as ``$.data.wages[3]``."""
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)


def reader_problems(document: Any) -> list[tuple[str, str]] | None:
    """The reader's problems (path, template), or ``None`` when it accepts ``document``."""
    try:
        load_case(document)
    except InvalidInputError as exc:
        return [(p.path, p.template) for p in exc.problems]
    return None


def is_type_check(template: str) -> bool:
    """A template of the reader's type check: the JSON kind got, or a value outside an enum
    (not a check of the value itself, such as a pattern or a range)."""
    return template.startswith("expected ") and (
        "{got}" in template or template == "expected one of {allowed}"
    )


def probes(kind: str) -> list[tuple[tuple[Any, ...], Any, bool]]:
    """(path, value, schema allows it) for every node of the example of ``kind``."""
    document = example(kind)
    out: list[tuple[tuple[Any, ...], Any, bool]] = []
    for path, value in leaves(document):
        if path[0] != "data":
            continue
        schema = subschema(kind_of(kind), path, value)
        out += [(path, v, False) for v in wrong_typed(schema)]
        out += [(path, v, True) for v in schema_values(schema)]
    return out


@pytest.mark.parametrize("kind", DOCUMENTS)
def test_wrong_json_type_at_every_leaf_is_refused(kind: str) -> None:
    """Every node of every example given a JSON type the schema refuses: the reader refuses it
    too, at that path (0 silent conversions)."""
    document = example(kind)
    silent: list[str] = []
    checked = 0
    for path, value, allowed in probes(kind):
        if allowed:
            continue
        changed = replaced(document, path, value)
        assert not schema_accepts(kind_of(kind), changed), (json_path(path), value)
        found = reader_problems(changed)
        checked += 1
        where = json_path(path)
        if found is None or not any(p == where or p.startswith(where) for p, _ in found):
            silent.append(f"{where} = {value!r}: {found}")
    assert [] == silent
    assert checked > 20


@pytest.mark.parametrize("kind", DOCUMENTS)
def test_values_the_schema_allows_pass_the_type_check(kind: str) -> None:
    """Every value the schema allows at a node (null where it is nullable, each enum value,
    each JSON type of a union) passes the reader's type check at that path."""
    document = example(kind)
    disagreements: list[str] = []
    for path, value, allowed in probes(kind):
        if not allowed:
            continue
        changed = replaced(document, path, value)
        if not schema_accepts(kind_of(kind), changed):
            continue  # e.g. an array that must not be empty: not a type question
        found = reader_problems(changed) or []
        where = json_path(path)
        typed = [t for p, t in found if p.startswith(where) and is_type_check(t)]
        if typed:
            disagreements.append(f"{where} = {value!r}: {typed}")
    assert [] == disagreements


@pytest.mark.parametrize("kind", DOCUMENTS)
def test_whole_numbers_beyond_the_bound(kind: str) -> None:
    """A whole number beyond the stated bound is refused by the schema and by the reader."""
    document = example(kind)
    paths = [
        p
        for p, v in leaves(document)
        if p[0] == "data" and isinstance(v, int) and not isinstance(v, bool)
    ]
    for path in paths:
        changed = replaced(document, path, 10**15 + 1)
        assert not schema_accepts(kind_of(kind), changed), json_path(path)
        found = reader_problems(changed) or []
        assert any(p == json_path(path) for p, _ in found), (json_path(path), found)


def value_probes(kind: str) -> list[tuple[tuple[Any, ...], str, bool]]:
    """(path, text, schema allows it) for every node of the example of ``kind`` whose schema
    states a pattern (digests, currency codes, ids, non-blank texts)."""
    document = example(kind)
    out: list[tuple[tuple[Any, ...], str, bool]] = []
    for path, value in leaves(document):
        if path[0] != "data" or not isinstance(value, str):
            continue
        for text in pattern_probes(subschema(kind_of(kind), path, value)):
            out.append((path, text, schema_accepts(kind_of(kind), replaced(document, path, text))))
    return out


def _format_problems(document: Any, where: str) -> list[str]:
    """The reader's problems at ``where`` that are about the value itself (not a reference
    to another node, which the schema cannot state)."""
    found = reader_problems(document) or []
    return [t for p, t in found if p == where]


@pytest.mark.parametrize("kind", DOCUMENTS)
def test_reader_and_schema_agree_on_patterned_values(kind: str) -> None:
    """Every text the schema's pattern refuses at a node (a digest "x", a currency "cny", a
    blank id) is refused by the reader at that path, and every text it allows passes the
    reader's check of that field."""
    document = example(kind)
    disagreements: list[str] = []
    probes = value_probes(kind)
    for path, text, allowed in probes:
        where = json_path(path)
        problems = _format_problems(replaced(document, path, text), where)
        if not allowed and not problems:
            disagreements.append(f"{where} = {text!r}: schema refuses, reader accepts")
        if allowed and any(t in _FORMAT_CHECKS for t in problems):
            disagreements.append(f"{where} = {text!r}: schema allows, reader says {problems}")
    assert [] == disagreements
    assert any(not allowed for _, _, allowed in probes)


#: The reader's checks of a text's form (the checks the schema's patterns state); the
#: reader's other checks of a text compare it with the rest of the case (an id no node has,
#: two wage records for one month), which the schema of one field cannot state.
_FORMAT_CHECKS: Final = frozenset(
    {
        "must be 64 lowercase hex digits (SHA-256)",
        "must be a SHA-256 digest: 64 lowercase hex digits",
        'must be an ISO 4217 code such as "CNY"',
        "must be a non-blank string without surrounding spaces",
        "an id is 1-200 characters of valid Unicode without spaces or control characters",
        "must be non-empty text without surrounding spaces",
        "must be non-empty text",
        "required (a non-empty string)",
        "a secret needs a non-empty id",
        "not a valid ISO date (YYYY-MM-DD)",
    }
)


@pytest.mark.parametrize(
    ("kind", "path", "pattern"),
    [
        ("preservation", "EvidenceItem", SHA256_PATTERN),
        ("supply_chain", "FileRef", SHA256_PATTERN),
        ("trade_secret", "Carrier", SHA256_PATTERN),
    ],
)
def test_sha256_fields_state_the_digest_pattern(kind: str, path: str, pattern: str) -> None:
    """The published schema gives each SHA-256 field the validator's pattern, 64 lowercase
    hex digits."""
    from tradesecret.casefile import case_schema  # noqa: PLC0415 - one test

    schema = case_schema(kind)["$defs"][path]["properties"]["sha256"]
    branches = schema.get("anyOf", [schema])
    assert [b["pattern"] for b in branches if b.get("type") == "string"] == [pattern]
    assert pattern == "^[0-9a-f]{64}$"


def test_a_digest_x_is_refused_by_schema_and_reader_at_its_path() -> None:
    """``"sha256": "x"`` on a preserved evidence item: the schema refuses it and the reader
    says why at ``$.data.evidence.items[0].sha256``."""
    document = replaced(example("preservation"), ("data", "evidence", "items", 0, "sha256"), "x")
    assert not schema_accepts("preservation", document)
    assert reader_problems(document) == [
        ("$.data.evidence.items[0].sha256", "must be 64 lowercase hex digits (SHA-256)")
    ]


@pytest.mark.parametrize(
    ("text", "refused"),
    [("x", True), ("ab" * 32 + "\n", True), ("AB" * 32, True), ("ab" * 32, False), ("", False)],
)
def test_an_events_record_digest_is_empty_or_a_digest(text: str, refused: bool) -> None:
    """An event's ``record_sha256`` (not in the examples): ``""`` or 64 lowercase hex digits,
    for the schema and the reader alike, refused at ``$.data.evidence.events[0].record_sha256``."""
    document = example("preservation")
    event = {**document["data"]["evidence"]["events"][0], "record_sha256": text}
    changed = replaced(document, ("data", "evidence", "events", 0), event)
    assert schema_accepts("preservation", changed) is not refused
    expected = [
        (
            "$.data.evidence.events[0].record_sha256",
            "must be empty or 64 lowercase hex digits (SHA-256)",
        )
    ]
    assert reader_problems(changed) == (expected if refused else None)
