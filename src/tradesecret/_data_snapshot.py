"""
A parsed snapshot of the package's law data, so that a process starts fast (layer 1).

The TOML files in ``tradesecret/data`` are the source of truth. Parsing them takes most
of building the default rulebook (the TOML parser is pure Python); ``data/_snapshot.json``
holds the same documents already parsed, with dates and decimals tagged, and the SHA-256
of the TOML text it was made from. :func:`package_documents` uses the snapshot only when
that digest matches the TOML files shipped beside it, and parses the TOML otherwise: a
stale snapshot can cost time, never a wrong answer. ``python scripts/snapshot_data.py``
writes it; a test checks that the shipped one is current.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import importlib
import json
import re
import tomllib
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from tradesecret.exceptions import DataFileError, Problem

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["SNAPSHOT", "digest", "dumps", "package_documents", "toml_documents"]

#: The snapshot's file name inside ``tradesecret/data``.
SNAPSHOT: Final = "_snapshot.json"

Documents = list[tuple[str, dict[str, Any]]]


def _toml_files(folder: Traversable) -> list[Traversable]:
    return sorted((e for e in folder.iterdir() if e.name.endswith(".toml")), key=lambda e: e.name)


def digest(sources: Iterable[tuple[str, bytes]]) -> str:
    """The SHA-256 of the TOML sources, names and bytes, in name order."""
    h = hashlib.sha256()
    for name, data in sources:
        h.update(name.encode("utf-8") + b"\0" + data + b"\0")
    return h.hexdigest()


def toml_documents(sources: Iterable[tuple[str, bytes]]) -> Documents:
    """Parse the TOML sources (decimals as :class:`~decimal.Decimal`)."""
    docs: Documents = []
    for name, data in sources:
        try:
            docs.append((name, tomllib.loads(data.decode("utf-8"), parse_float=Decimal)))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise DataFileError(name, [toml_problem(exc)]) from None
    return docs


def toml_problem(exc: ValueError) -> Problem:
    """A TOML file that does not parse: where (line and column), in the library's words."""
    found = _TOML_AT.search(str(exc))
    where = f"<toml> (line {found[1]}, column {found[2]})" if found else "<toml>"
    if isinstance(exc, UnicodeDecodeError):
        return Problem(path=where, value="", reason="not UTF-8 text")
    return Problem(path=where, value="", reason="not valid TOML")


_TOML_AT: Final = re.compile(r"line (\d+), column (\d+)")


def _encode(value: object) -> object:
    if isinstance(value, _dt.datetime):
        return {"$t": value.isoformat()}
    if isinstance(value, _dt.date):
        return {"$d": value.isoformat()}
    if isinstance(value, Decimal):
        return {"$n": str(value)}
    msg = f"cannot snapshot a {type(value).__name__}"
    raise TypeError(msg)


def _decode(obj: dict[str, Any]) -> object:
    if len(obj) == 1:
        if "$d" in obj:
            return _dt.date.fromisoformat(obj["$d"])
        if "$n" in obj:
            return Decimal(obj["$n"])
        if "$t" in obj:
            return _dt.datetime.fromisoformat(obj["$t"])
    return obj


def dumps(sources: list[tuple[str, bytes]]) -> str:
    """The snapshot text of ``sources``: their digest and their parsed documents."""
    payload = {"digest": digest(sources), "documents": toml_documents(sources)}
    return json.dumps(payload, default=_encode, ensure_ascii=False, sort_keys=True) + "\n"


def _data_folder() -> Traversable:
    """
    ``tradesecret/data``: the directory itself when the package is installed as files (the
    usual case; no resource reader to import, which costs a start-up ``zipfile`` import),
    else through :mod:`importlib.resources` (e.g. a package inside a zip archive).
    """
    here = Path(__file__).with_name("data")
    if here.is_dir():
        return here
    resources: Any = importlib.import_module("importlib.resources")
    folder: Traversable = resources.files("tradesecret") / "data"
    return folder


def package_documents() -> Documents:
    """The parsed law data of the package: from the snapshot when current, else the TOML."""
    folder = _data_folder()
    sources = [(e.name, e.read_bytes()) for e in _toml_files(folder)]
    snapshot = folder / SNAPSHOT
    if snapshot.is_file():
        payload = json.loads(snapshot.read_text("utf-8"), object_hook=_decode)
        if payload.get("digest") == digest(sources):
            return [(name, doc) for name, doc in payload["documents"]]
    return toml_documents(sources)
