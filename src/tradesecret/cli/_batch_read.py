"""Reading the batch command's input: CSV (pyarrow when installed, else the stdlib) or Parquet."""

from __future__ import annotations

import csv
import importlib
from pathlib import Path
from typing import Any

import numpy as np

from tradesecret.exceptions import InvalidInputError, unreadable_file
from tradesecret.ledger._batch_columns import problem

__all__ = ["Column", "problem", "read_table", "unreadable"]


#: A column: text values, ``None`` where empty.
Column = np.ndarray[Any, Any]


def unreadable(
    path: str, exc: OSError | UnicodeError, *, value: object = "", writing: bool = False
) -> InvalidInputError:
    """A file that cannot be read (or written), in the library's words."""
    return InvalidInputError([unreadable_file(path, exc, value=value, writing=writing)])


def read_table(path: str) -> dict[str, Column]:
    """
    Columns of a CSV or Parquet file, every value as text (``None`` when empty).

    CSV is read with pyarrow when it is installed (fast, multi-threaded), else with the
    standard library; every column is read as text and parsed exactly afterwards.

    Raises:
        InvalidInputError: unreadable file, unknown extension, or Parquet without pyarrow.
    """
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix == ".parquet":
        try:
            pq: Any = importlib.import_module("pyarrow.parquet")
        except ImportError:
            raise InvalidInputError([problem(path, "", "reading Parquet needs pyarrow")]) from None
        try:
            table = pq.read_table(file)
        except (OSError, ValueError):
            raise InvalidInputError(
                [problem(path, "", "cannot read Parquet: not a Parquet file, or damaged")]
            ) from None
        return {name: _text_column(table.column(name)) for name in table.column_names}
    if suffix not in (".csv", ".txt"):
        raise InvalidInputError.single(path, suffix, "expected a .csv or .parquet file")
    try:
        with file.open(encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle), [])
    except (OSError, UnicodeDecodeError) as exc:
        raise unreadable(path, exc) from None
    names = [h.strip() for h in header]
    try:
        pacsv: Any = importlib.import_module("pyarrow.csv")
        pa: Any = importlib.import_module("pyarrow")
    except ImportError:
        return _read_csv_stdlib(file, names)
    try:
        table = pacsv.read_csv(
            file,
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1),
            convert_options=pacsv.ConvertOptions(
                column_types={name: pa.string() for name in names},
                strings_can_be_null=True,
                null_values=[""],
            ),
        )
    except (OSError, ValueError):
        raise InvalidInputError(
            [problem(path, "", "cannot read CSV: a row does not match the header, or not UTF-8")]
        ) from None
    return {name: _text_column(table.column(name)) for name in names}


def _text_column(column: Any) -> Column:
    """An Arrow column as stripped text, ``None`` where empty (done by Arrow's kernels)."""
    pa: Any = importlib.import_module("pyarrow")
    pc: Any = importlib.import_module("pyarrow.compute")
    text = pc.utf8_trim_whitespace(pc.cast(column, pa.string()))
    text = pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.string()), text)
    values: Column = np.asarray(text.to_numpy(zero_copy_only=False), dtype=object)
    return values


def _clean(values: Column) -> Column:
    """Strip text; empty -> None."""
    out = np.empty(values.shape[0], dtype=object)
    for i, value in enumerate(values.tolist()):
        text = None if value is None else str(value).strip()
        out[i] = text or None
    return out


def _read_csv_stdlib(file: Path, names: list[str]) -> dict[str, Column]:
    with file.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        next(reader, None)
        rows = [row + [""] * (len(names) - len(row)) for row in reader]
    columns = list(zip(*rows, strict=False)) if rows else [() for _ in names]
    return {
        name: _clean(np.asarray(columns[k] if k < len(columns) else (), dtype=object))
        for k, name in enumerate(names)
    }
