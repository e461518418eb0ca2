"""The tutorial notebook runs top to bottom (nbclient + ipykernel), and its displays render."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "tutorial.ipynb"


@pytest.mark.slow
def test_tutorial_executes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every cell runs; reports show their pictures; money and ledgers display formatted, never raw."""
    # the kernel imports this checkout's package, not whichever one is installed
    src = str(NOTEBOOK.parents[1] / "src")
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")]))
    )
    nbformat: Any = pytest.importorskip("nbformat")
    nbclient: Any = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=180,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    html = [
        out["data"]["text/html"]
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if "data" in out and "text/html" in out["data"]
    ]
    joined = "\n".join(html)
    assert 'class="ts-timeline"' in joined and 'class="ts-graph"' in joined
    assert "LCL Art. 23(2)" in joined
    assert '<span class="ts-value">CN¥12,000.00</span>' in joined  # state.arrears
    assert '<span class="ts-value">30 Nov 2025</span>' in joined  # a due date
    assert '<table class="ts-table">' in joined  # the instalments
    plain = [
        out["data"]["text/plain"]
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if "data" in out and "text/plain" in out["data"] and "text/html" not in out["data"]
    ]  # what is shown where no HTML is (the plain fallback of an HTML display is not)
    assert "(CN¥0.00, CN¥12,000.00)" in plain
    assert not any("Money(amount=" in text for text in plain)


def test_notebook_is_stored_without_outputs() -> None:
    """The committed notebook carries no outputs (they are produced by running it)."""
    nbformat: Any = pytest.importorskip("nbformat")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in nb.cells if cell.cell_type == "code")
