"""
Rooms and stairs: no import cycle (function-level imports included), no import from a
higher layer anywhere in a module, modules and functions of a size a person can read.

The same measures as `python3 ../shared/tools/arch_check.py --max-cycle-files 0
--max-big-modules 0 --max-long-functions 10`, kept here so the suite enforces them.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.core.test_architecture import LAYERS, SRC

MAX_MODULE_LINES = 600
LONG_FUNCTION = 80
MAX_FUNCTION = 150
MAX_LONG_FUNCTIONS = 10


def _modules() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _typing_only(tree: ast.Module) -> set[int]:
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If):
            test = node.test
            if (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
                isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
            ):
                for sub in node.body:
                    skip.update(id(s) for s in ast.walk(sub))
    return skip


def _resolve(name: str) -> str | None:
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def _imports(module: str, path: Path) -> Iterator[str]:
    """Every tradesecret module imported at run time, at module level or in a function."""
    tree = ast.parse(path.read_text("utf-8"))
    skip = _typing_only(tree)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*up, *([base] if base else [])])
            targets = [*(f"{base}.{alias.name}" for alias in node.names), base]
        for target in targets:
            found = _resolve(target)
            inside = found is None or found == module or module.startswith(found + ".")
            if not inside and (found != "tradesecret" or target == "tradesecret"):
                yield str(found)


def _graph() -> dict[str, set[str]]:
    return {m: set(_imports(m, p)) for m, p in MODULES.items()}


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (iterative Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    for root, children_of_root in edges.items():
        if root in index:
            continue
        work = [(root, iter(sorted(children_of_root)))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycles() -> None:
    """No import cycle, counting the imports made inside functions."""
    assert [] == _cycles(_graph())


@pytest.mark.parametrize("module", sorted(MODULES), ids=str)
def test_no_upward_import_anywhere(module: str) -> None:
    """Not even inside a function does a module import from a higher layer."""
    parts = module.split(".")
    if len(parts) < 2:
        return
    own = LAYERS[parts[1]]
    for imported in _imports(module, MODULES[module]):
        top = imported.split(".")
        if len(top) < 2:
            continue
        assert LAYERS[top[1]] <= own, f"{module} (layer {own}) imports {imported}"


def _function_lengths() -> Iterator[tuple[str, int]]:
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno:
                yield f"{module}:{node.name}", node.end_lineno - node.lineno + 1


def test_rooms_a_person_can_read() -> None:
    """Modules ≤ 600 lines; functions ≤ 150 lines and at most ten over 80."""
    big = {m: p.read_text("utf-8").count("\n") for m, p in MODULES.items()}
    assert {} == {m: n for m, n in big.items() if n > MAX_MODULE_LINES}
    lengths = dict(_function_lengths())
    assert {} == {f: n for f, n in lengths.items() if n > MAX_FUNCTION}
    long = sorted(f for f, n in lengths.items() if n > LONG_FUNCTION)
    assert len(long) <= MAX_LONG_FUNCTIONS, long


def test_cycle_finder_finds_cycles() -> None:
    """The cycle finder reports a two-module and a three-module cycle, not a chain."""
    edges = {"a": {"b"}, "b": {"a"}, "c": {"d"}, "d": {"e"}, "e": {"c"}, "f": {"a"}}
    assert [["a", "b"], ["c", "d", "e"]] == sorted(_cycles(edges))
