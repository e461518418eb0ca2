"""The reader and the published JSON Schema agree on the JSON type of every value."""

from __future__ import annotations

from typing import Any

import pytest

from tests.fuzz.harness import (
    DOCUMENTS,
    example,
    kind_of,
    leaves,
    replaced,
    schema_accepts,
    schema_values,
    subschema,
    wrong_typed,
)
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
