"""The tutorial notebook runs top to bottom (nbclient + ipykernel), and its displays render."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "tutorial.ipynb"


@pytest.mark.slow
def test_tutorial_executes() -> None:
    """Every cell runs without error; the reports display as HTML with their pictures."""
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


def test_notebook_is_stored_without_outputs() -> None:
    """The committed notebook carries no outputs (they are produced by running it)."""
    nbformat: Any = pytest.importorskip("nbformat")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in nb.cells if cell.cell_type == "code")
