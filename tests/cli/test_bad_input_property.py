"""Property: any single wrong value in a shipped case file gives an answer or exit 2, never a traceback."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tradesecret.casefile import example_names, example_text
from tradesecret.cli import main

WRONG: list[Any] = [
    "",
    "x",
    0,
    -1,
    10**12,
    None,
    [],
    {},
    "2025-02-30",
    "CN-XX",
    "-5.00",
    {"amount": "-1"},
    True,
    "9999-12-31",
    "1.5",
]


def leaves(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from leaves(value, (*path, i))
    yield path


CASES = [
    (name, path)
    for name in example_names()
    for path in leaves(json.loads(example_text(name)))
    if len(path) > 1
]


@given(case=st.sampled_from(CASES), value=st.sampled_from(WRONG))
def test_one_wrong_value_never_raises(
    tmp_path_factory: Any, case: tuple[str, tuple[Any, ...]], value: Any
) -> None:
    """Replace one value anywhere in an example: exit 0, 1 or 2 with reasons, no exception."""
    name, path = case
    raw = json.loads(example_text(name))
    node = raw
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    file: Path = tmp_path_factory.mktemp("case") / "case.json"
    file.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    err = io.StringIO()
    code = main(["review", str(file), "--fail-on", "critical"], stdout=io.StringIO(), stderr=err)
    assert code in (0, 1, 2)
    if code == 2:  # every problem said in the default locale (zh_CN), framed as the catalog says
        assert err.getvalue().startswith("错误：")
