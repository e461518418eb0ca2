"""
Batch inputs and outputs beyond files: JSON Lines input, results to a stream.

``tradesecret batch`` reads CSV, Parquet or JSON Lines (``.jsonl``/``.ndjson``: one object
per line, the same keys as the CSV columns, and optionally the agreement's own
``"payments": [{"date": ..., "amount": ...}]``) and writes ``.csv``, ``.jsonl``, ``.parquet`` or
``-`` (JSON Lines on standard output; the summary then goes to standard error). The HTTP
API's ``POST /v1/batch`` uses the same functions.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

import numpy as np
import pendulum

from tradesecret.cli._batch import (
    _FEN,
    OUTPUT_COLUMNS,
    BatchSummary,
    _build,
    _write,
    evaluate_rows,
    load_overlay,
    read_table,
    say,
)
from tradesecret.cli._batch_read import Column, unreadable
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.i18n import Localizer
from tradesecret.money import Money

__all__ = [
    "evaluate_file",
    "iter_jsonl",
    "read_input",
    "run_batch_any",
    "split_payments",
    "summarize",
]

#: Suffixes read as JSON Lines.
JSONL_SUFFIXES = (".jsonl", ".ndjson")


def _text(value: object) -> str | None:
    """A JSON value as the text a CSV cell would hold (``None`` when empty)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        stripped = value.strip()
        return stripped or None
    if isinstance(value, int | Decimal):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def read_jsonl(path: str) -> dict[str, Column]:
    """
    Columns of a JSON Lines file, every value as text (numbers exactly, never floats).

    Raises:
        InvalidInputError: unreadable file, a line that is not a JSON object (every such line).
    """
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise unreadable(path, exc) from None
    rows: list[dict[str, Any]] = []
    problems: list[Problem] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line, parse_float=Decimal)
        except json.JSONDecodeError as exc:
            problems.append(
                Problem.of(
                    f"{path}: line {number}",
                    line[:80],
                    "not JSON (column {column})",
                    column=exc.colno,
                )
            )
            continue
        if not isinstance(row, dict):
            problems.append(Problem.of(f"{path}: line {number}", line[:80], "expected an object"))
            continue
        rows.append(row)
    if problems:
        raise InvalidInputError(problems)
    return _columns(rows)


def _columns(rows: list[dict[str, Any]]) -> dict[str, Column]:
    names = list(dict.fromkeys(k for row in rows for k in row))
    return {
        name: np.array([_text(row.get(name)) for row in rows], dtype=object).reshape(-1)
        for name in names
    }


def split_payments(
    agreements: dict[str, Column], path: str
) -> tuple[dict[str, Column], dict[str, Column] | None]:
    """
    Nested payments taken out of JSON Lines agreements: ``"payments": [{"date", "amount"}]``.

    Each payment gets its row's ``agreement_id``; the result is the payments table of
    ``--payments`` (``None`` when no row has payments).

    Raises:
        InvalidInputError: a ``payments`` value that is not an array of objects.
    """
    nested = agreements.pop("payments", None)
    if nested is None:
        return agreements, None
    ids = agreements.get("agreement_id", np.array([None] * len(nested), dtype=object))
    rows: list[dict[str, Any]] = []
    problems: list[Problem] = []
    for number, (agreement, text) in enumerate(zip(ids.tolist(), nested.tolist(), strict=True), 1):
        if text is None:
            continue
        try:
            items = json.loads(text, parse_float=Decimal)
        except json.JSONDecodeError:
            items = text
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            problems.append(
                Problem.of(
                    f"{path}: line {number}: payments", text[:80], "expected an array of objects"
                )
            )
            continue
        rows += [{**item, "agreement_id": agreement} for item in items]
    if problems:
        raise InvalidInputError(problems)
    return agreements, _columns(rows) if rows else None


def read_input(path: str) -> dict[str, Column]:
    """Columns of a CSV, Parquet or JSON Lines file (chosen by the file's suffix)."""
    if Path(path).suffix.lower() in JSONL_SUFFIXES:
        return read_jsonl(path)
    return read_table(path)


def evaluate_file(
    input_path: str,
    *,
    as_of: pendulum.Date,
    payments_path: str | None = None,
    chunk_rows: int = 100_000,
    progress: TextIO | None = None,
    params_path: str | None = None,
    locale: str = "en",
) -> tuple[dict[str, list[Any]], list[Problem]]:
    """
    The output columns of a batch input, and the payments that named no agreement.

    ``params_path`` is a tenant's parameter overlay: a TOML document in the format of the
    package data, validated like it and laid over the package rulebook.
    """
    rulebook = load_overlay(params_path) if params_path else None
    agreements = read_input(input_path)
    agreements, nested = split_payments(agreements, input_path)
    payments = read_input(payments_path) if payments_path else nested
    if payments_path and nested is not None:
        raise InvalidInputError.single(
            "--payments",
            payments_path,
            "the input has nested payments already: give one or the other",
        )
    data, reasons, orphans = _build(agreements, payments)
    if progress is not None:
        loc = Localizer.for_locale(locale)
        for reason in orphans:
            progress.write(f"warning: {say(loc, reason)}\n")
    columns = evaluate_rows(
        data,
        reasons,
        as_of=as_of,
        chunk_rows=chunk_rows,
        progress=progress,
        rulebook=rulebook,
        locale=locale,
    )
    return columns, orphans


def iter_jsonl(columns: Mapping[str, list[Any]]) -> Iterator[str]:
    """One JSON line (with its newline) per agreement, columns in the documented order."""
    names = list(OUTPUT_COLUMNS)
    for row in zip(*(columns[name] for name in names), strict=True):
        yield json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) + "\n"


def summarize(
    columns: Mapping[str, list[Any]], orphans: list[Problem], output: str
) -> BatchSummary:
    """The summary of evaluated columns (rows, arrears, release rights, orphan payments)."""
    valid = np.asarray(columns["valid"], dtype=bool)
    arrears_fen = [
        int(Decimal(a) * _FEN) if ok else 0
        for a, ok in zip(columns["arrears"], valid.tolist(), strict=True)
    ]
    rights = np.zeros(valid.shape[0], dtype=bool)
    for name in (
        "right_unpaid_three_months",
        "right_late_after_reminder",
        "right_unpaid_over_three_months",
    ):
        rights |= np.asarray([bool(v) for v in columns[name]], dtype=bool)
    return BatchSummary(
        rows=int(valid.shape[0]),
        valid_rows=int(valid.sum()),
        arrears_rows=sum(1 for a in arrears_fen if a > 0),
        arrears=Money(Decimal(sum(arrears_fen)) / _FEN),
        release_rows=int(rights.sum()),
        output=output,
        orphan_payments=len(orphans),
    )


def run_batch_any(
    input_path: str,
    *,
    as_of: pendulum.Date,
    output: str,
    stdout: TextIO,
    payments_path: str | None = None,
    chunk_rows: int = 100_000,
    progress: TextIO | None = None,
    params_path: str | None = None,
    locale: str = "en",
) -> BatchSummary:
    """
    Read (CSV, Parquet or JSON Lines), evaluate, write to ``output`` (``-``: JSON Lines on ``stdout``).

    Raises:
        InvalidInputError: unreadable input, missing columns, unknown output format, an
            unreadable overlay file.
        DataFileError: an overlay that is not valid parameter data (every problem listed).
    """
    columns, orphans = evaluate_file(
        input_path,
        as_of=as_of,
        payments_path=payments_path,
        chunk_rows=chunk_rows,
        progress=progress,
        params_path=params_path,
        locale=locale,
    )
    if output == "-":
        for line in iter_jsonl(columns):
            stdout.write(line)
    else:
        _write(columns, output)
    return summarize(columns, orphans, output)
