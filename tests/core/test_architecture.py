"""Architecture rules: layers point one way, nothing reads the clock, no float money in data."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "tradesecret"

#: Layer of each top-level module or package (see CONTRIBUTING.md).
LAYERS = {
    "exceptions": 0,
    "money": 0,
    "dates": 0,
    "_constraints": 0,
    "_convert": 0,
    "_jsonread": 0,
    "limits": 0,
    "facts": 0,
    "presenters": 0,
    "law": 1,
    "rulebook": 1,
    "_data_snapshot": 1,
    "_rulebook_types": 1,
    "_rulebook_load": 1,
    "results": 2,
    "rules": 2,
    "engine": 2,
    "definition": 3,
    "measures": 3,
    "supply_chain": 3,
    "noncompete": 3,
    "ledger": 3,
    "remedies": 3,
    "evidence": 3,
    "preservation": 3,
    "i18n": 4,
    "serialization": 4,
    "cli": 4,
    "casefile": 4,
    "reports": 4,
    "server": 4,
    "_docs": 4,
    "_docs_code": 4,
    "_docs_law": 4,
}

CLOCK_CALLS = {"now", "today", "utcnow", "time", "monotonic", "perf_counter", "localtime", "gmtime"}


def modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py"))


def top_level_of(path: Path) -> str:
    rel = path.relative_to(SRC)
    return rel.parts[0].removesuffix(".py")


def module_level_imports(tree: ast.Module) -> list[str]:
    """Imports at module level (function-level imports are allowed to reach upward lazily)."""
    names: list[str] = []
    for node in tree.body:
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("tradesecret.")
        ):
            names.append(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            names += [a.name.split(".")[1] for a in node.names if a.name.startswith("tradesecret.")]
    return names


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_layers_point_one_way(path: Path) -> None:
    """A module never imports, at module level, from a higher layer."""
    top = top_level_of(path)
    if top in ("__init__", "py"):
        return
    own = LAYERS.get(top)
    assert own is not None, f"{top} has no layer in this test: add it (and to CONTRIBUTING.md)"
    tree = ast.parse(path.read_text("utf-8"))
    for imported in module_level_imports(tree):
        layer = LAYERS.get(imported)
        assert layer is not None, f"{path.name} imports unknown module tradesecret.{imported}"
        assert layer <= own, f"{top} (layer {own}) imports {imported} (layer {layer})"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_nothing_reads_the_clock(path: Path) -> None:
    """No library code calls now()/today()/time(): every date is passed in as `as_of`."""
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            receiver = ast.unparse(node.func.value)
            if node.func.attr in CLOCK_CALLS and receiver in {
                "pendulum",
                "datetime",
                "date",
                "_dt.datetime",
                "_dt.date",
                "dt.datetime",
                "dt.date",
                "time",
                "datetime.datetime",
                "datetime.date",
            }:
                pytest.fail(f"{path.name}:{node.lineno} reads the clock: {ast.unparse(node)}")
