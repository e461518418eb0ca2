"""The parsed snapshot of the law data is current, exact, and never used when stale."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from tradesecret import _data_snapshot
from tradesecret._data_snapshot import SNAPSHOT, digest, dumps, package_documents, toml_documents
from tradesecret.rulebook import Rulebook, _from_docs


def _sources() -> list[tuple[str, bytes]]:
    folder = resources.files("tradesecret") / "data"
    return sorted(
        ((e.name, e.read_bytes()) for e in folder.iterdir() if e.name.endswith(".toml")),
        key=lambda pair: pair[0],
    )


def test_shipped_snapshot_is_current() -> None:
    """The shipped snapshot was made from the shipped TOML (run scripts/snapshot_data.py)."""
    shipped = (resources.files("tradesecret") / "data" / SNAPSHOT).read_text("utf-8")
    assert dumps(_sources()) == shipped


def test_snapshot_documents_equal_the_toml() -> None:
    """Dates, decimals and every value read from the snapshot equal the TOML parse."""
    assert toml_documents(_sources()) == package_documents()


def test_rulebook_from_snapshot_equals_rulebook_from_toml() -> None:
    """The package rulebook is exactly the one the TOML text gives: instruments, regions, series."""
    rb = Rulebook.from_package()
    from_toml = _from_docs(toml_documents(_sources()), base=None)
    assert dict(from_toml.instruments) == dict(rb.instruments)
    assert dict(from_toml.regions) == dict(rb.regions)
    assert dict(from_toml.series) == dict(rb.series)


def test_digest_changes_with_any_byte() -> None:
    """A snapshot is used only for the exact TOML it was made from."""
    sources = _sources()
    name, data = sources[0]
    changed = [(name, data + b"\n"), *sources[1:]]
    assert digest(sources) != digest(changed)
    payload = json.loads(dumps(sources))
    assert digest(sources) == payload["digest"]


def test_packaged_elsewhere_the_data_is_read_through_importlib_resources(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where the data folder is no directory (e.g. a zipped package), the same documents load."""
    from_directory = package_documents()

    class _NoDirectory:
        def __init__(self, _path: str) -> None:
            pass

        def with_name(self, _name: str) -> _NoDirectory:
            return self

        def is_dir(self) -> bool:
            return False

    monkeypatch.setattr(_data_snapshot, "Path", _NoDirectory)
    assert from_directory == package_documents()
