"""
``tradesecret batch``: the compensation ledgers of a whole population, from CSV or Parquet.

Input: one row per employee's agreement (CSV, or Parquet with pyarrow installed)::

    agreement_id,termination_date,months,region,agreed_monthly,average_wage,reminder_date
    NC-1,2025-08-31,12,CN-SH,6000.00,,2025-11-20

``agreed_monthly`` and ``average_wage`` are yuan as decimal text (or ``agreed_fen`` /
``average_wage_fen`` as integer fen); empty means none. ``reminder_date`` is optional.
Payments come from ``--payments FILE`` with ``agreement_id,date,amount`` (or
``amount_fen``). Amounts are read as decimals, never as floats.

Output (``--output``): ``.csv``, ``.parquet`` or ``.jsonl``, one row per agreement with its
totals in yuan, whether the employee is still bound and the dates release rights arose.
A row that cannot be evaluated is kept, marked ``valid = false`` with every reason; it
never stops the batch. A missing column or an unreadable file is bad input (exit 2).

The work runs in chunks of ``--chunk-rows`` agreements through
:func:`tradesecret.ledger.evaluate_batch`, with a progress bar on stderr.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Final, TextIO

import attrs
import numpy as np
import pendulum

from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.i18n import Localizer
from tradesecret.money import Money
from tradesecret.results import Severity

__all__ = ["BatchSummary", "read_table", "run_batch"]

_FEN: Final = Decimal(100)
_PLACEHOLDER_DAY: Final = pendulum.date(2025, 1, 1).toordinal()

#: Output columns, in order.
OUTPUT_COLUMNS: Final = (
    "agreement_id",
    "valid",
    "errors",
    "months",
    "total_scheduled",
    "total_fallen_due",
    "total_paid",
    "arrears",
    "unallocated",
    "scheduled_end",
    "bound",
    "right_unpaid_three_months",
    "right_late_after_reminder",
    "right_unpaid_over_three_months",
)


@attrs.frozen(kw_only=True)
class BatchSummary:
    """What a batch run found."""

    rows: int
    valid_rows: int
    arrears_rows: int
    arrears: Money
    release_rows: int
    output: str
    orphan_payments: int = 0

    @property
    def invalid_rows(self) -> int:
        """Rows that could not be evaluated."""
        return self.rows - self.valid_rows

    def worst(self) -> Severity | None:
        """HIGH for invalid rows or a release right, MEDIUM for arrears, else ``None``."""
        if self.invalid_rows or self.release_rows or self.orphan_payments:
            return Severity.HIGH
        return Severity.MEDIUM if self.arrears_rows else None

    def render(self, locale: str) -> str:
        """One localised summary line plus the output path."""
        loc = Localizer.for_locale(locale)
        line = loc.message(
            "cli.batch.summary",
            {
                "rows": self.rows,
                "arrears_rows": self.arrears_rows,
                "arrears": self.arrears,
                "release_rows": self.release_rows,
            },
        )
        invalid = loc.message(
            "cli.batch.invalid", {"count": self.invalid_rows, "orphans": self.orphan_payments}
        )
        return f"{line}\n{invalid}\n→ {self.output}\n"


# -- reading ----------------------------------------------------------------------------------


def read_table(path: str) -> dict[str, list[str | None]]:
    """
    Columns of a CSV or Parquet file, every value as text (``None`` when empty).

    Raises:
        InvalidInputError: unreadable file, unknown extension, or Parquet without pyarrow.
    """
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix == ".parquet":
        try:
            pq: Any = importlib.import_module("pyarrow.parquet")
        except ImportError:
            raise InvalidInputError(
                [Problem(path=path, value="", reason="reading Parquet needs pyarrow")]
            ) from None
        try:
            table = pq.read_table(file)
        except (OSError, ValueError) as exc:
            raise InvalidInputError(
                [Problem(path=path, value="", reason=f"cannot read Parquet: {exc}")]
            ) from None
        return {
            name: [None if v is None else str(v) for v in table.column(name).to_pylist()]
            for name in table.column_names
        }
    if suffix not in (".csv", ".txt"):
        raise InvalidInputError.single(path, suffix, "expected a .csv or .parquet file")
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8"
        raise InvalidInputError(
            [Problem(path=path, value="", reason=f"cannot read file: {reason}")]
        ) from None
    reader = csv.DictReader(io.StringIO(text))
    columns: dict[str, list[str | None]] = {name: [] for name in reader.fieldnames or ()}
    for row in reader:
        for name, values in columns.items():
            value = row.get(name)
            values.append(value.strip() if value and value.strip() else None)
    return columns


class _Rows:
    """Per-row parse problems, kept with the row (the row is then reported, not the batch)."""

    def __init__(self, n: int) -> None:
        self.reasons: list[list[str]] = [[] for _ in range(n)]

    def date(
        self, values: Sequence[str | None], name: str, *, required: bool
    ) -> np.ndarray[Any, Any]:
        out = np.zeros(len(values), dtype=np.int64)
        for i, raw in enumerate(values):
            if raw is None:
                if required:
                    self.reasons[i].append(f"{name}: required")
                    out[i] = _PLACEHOLDER_DAY
                continue
            try:
                out[i] = pendulum.Date.fromisoformat(raw[:10]).toordinal()
            except ValueError:
                self.reasons[i].append(f"{name}: not a valid date {raw!r}")
                out[i] = _PLACEHOLDER_DAY if required else 0
        return out

    def integer(self, values: Sequence[str | None], name: str) -> np.ndarray[Any, Any]:
        out = np.ones(len(values), dtype=np.int64)
        for i, raw in enumerate(values):
            try:
                out[i] = int(raw or "")
            except ValueError:
                self.reasons[i].append(f"{name}: not an integer {raw!r}")
        return out

    def fen(self, values: Sequence[str | None], name: str, *, yuan: bool) -> np.ndarray[Any, Any]:
        out = np.zeros(len(values), dtype=np.int64)
        for i, raw in enumerate(values):
            if raw is None:
                continue
            try:
                amount = Decimal(raw)
                if not amount.is_finite():
                    raise InvalidOperation
            except InvalidOperation:
                self.reasons[i].append(f"{name}: not a decimal amount {raw!r}")
                continue
            fen = amount * _FEN if yuan else amount
            if fen != fen.to_integral_value():
                self.reasons[i].append(f"{name}: more precise than a fen {raw!r}")
                continue
            out[i] = int(fen)
        return out


def _amount_column(
    table: Mapping[str, list[str | None]], rows: _Rows, base: str, n: int
) -> np.ndarray[Any, Any]:
    if f"{base}_fen" in table:
        return rows.fen(table[f"{base}_fen"], f"{base}_fen", yuan=False)
    if base in table:
        return rows.fen(table[base], base, yuan=True)
    return np.zeros(n, dtype=np.int64)


def _require(table: Mapping[str, Any], names: Sequence[str | tuple[str, ...]], source: str) -> None:
    problems: list[Problem] = []
    for name in names:
        options = name if isinstance(name, tuple) else (name,)
        if not any(o in table for o in options):
            problems.append(
                Problem.of(
                    f"{source}: column {' or '.join(options)}", "", "required column missing"
                )
            )
    if problems:
        raise InvalidInputError(problems)


def _build(
    agreements: Mapping[str, list[str | None]], payments: Mapping[str, list[str | None]] | None
) -> tuple[Any, list[list[str]], list[str]]:
    from tradesecret.ledger import BatchInput  # noqa: PLC0415

    _require(agreements, ("agreement_id", "termination_date", "months", "region"), "input")
    n = len(agreements["agreement_id"])
    rows = _Rows(n)
    ids = [v or f"row {i + 1}" for i, v in enumerate(agreements["agreement_id"])]
    index = {agreement_id: i for i, agreement_id in enumerate(ids)}
    orphan_reasons: list[str] = []
    pay_row: list[int] = []
    pay_date = np.zeros(0, dtype=np.int64)
    pay_fen = np.zeros(0, dtype=np.int64)
    if payments is not None:
        _require(payments, ("agreement_id", "date", ("amount", "amount_fen")), "--payments")
        m = len(payments["agreement_id"])
        prows = _Rows(m)
        pay_date = prows.date(payments["date"], "date", required=True)
        pay_fen = _amount_column(payments, prows, "amount", m)
        for k, agreement_id in enumerate(payments["agreement_id"]):
            row = index.get(agreement_id or "", -1)
            pay_row.append(row)
            if row < 0:
                orphan_reasons.append(f"payment {k + 1}: unknown agreement_id {agreement_id!r}")
            else:
                rows.reasons[row] += [f"payment {k + 1}: {r}" for r in prows.reasons[k]]
        # a payment that did not parse, or names no agreement, is left out (and reported)
        keep = np.array([not prows.reasons[k] and pay_row[k] >= 0 for k in range(m)], dtype=bool)
        pay_row = [r for r, ok in zip(pay_row, keep.tolist(), strict=True) if ok]
        pay_date, pay_fen = pay_date[keep], pay_fen[keep]
    data = BatchInput(
        termination=rows.date(agreements["termination_date"], "termination_date", required=True),
        months=rows.integer(agreements["months"], "months"),
        region=np.array([v or "" for v in agreements["region"]], dtype=object),
        agreed_fen=_amount_column(agreements, rows, "agreed_monthly", n),
        average_wage_fen=_amount_column(agreements, rows, "average_wage", n),
        reminder=(
            rows.date(agreements["reminder_date"], "reminder_date", required=False)
            if "reminder_date" in agreements
            else np.zeros(n, dtype=np.int64)
        ),
        pay_row=np.array(pay_row, dtype=np.int64),
        pay_date=pay_date,
        pay_fen=pay_fen,
        agreement_id=np.array(ids, dtype=object),
    )
    return data, rows.reasons, orphan_reasons


# -- evaluating in chunks -----------------------------------------------------------------------


def _chunks(data: Any, size: int) -> Iterator[tuple[int, Any]]:
    from tradesecret.ledger import BatchInput  # noqa: PLC0415

    n = data.size
    order = np.argsort(data.pay_row, kind="stable")
    rows_sorted = data.pay_row[order]
    for lo in range(0, n, size):
        hi = min(lo + size, n)
        a, b = np.searchsorted(rows_sorted, [lo, hi])
        pick = order[a:b]
        yield (
            lo,
            BatchInput(
                termination=data.termination[lo:hi],
                months=data.months[lo:hi],
                region=data.region[lo:hi],
                agreed_fen=data.agreed_fen[lo:hi],
                average_wage_fen=data.average_wage_fen[lo:hi],
                reminder=data.reminder[lo:hi],
                pay_row=data.pay_row[pick] - lo,
                pay_date=data.pay_date[pick],
                pay_fen=data.pay_fen[pick],
                agreement_id=None if data.agreement_id is None else data.agreement_id[lo:hi],
            ),
        )


class _Progress:
    def __init__(self, stream: TextIO | None, total: int) -> None:
        self.stream, self.total, self.done = stream, max(total, 1), 0

    def advance(self, rows: int) -> None:
        self.done += rows
        if self.stream is None:
            return
        width = 30
        filled = width * self.done // self.total
        pct = 100 * self.done // self.total
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {pct:3d}% {self.done}/{self.total}"
        )
        if self.done >= self.total:
            self.stream.write("\n")
        self.stream.flush()


def _iso(ordinal: int) -> str:
    return pendulum.Date.fromordinal(ordinal).to_date_string() if ordinal > 0 else ""


def _yuan(fen: int) -> str:
    return str((Decimal(fen) / _FEN).quantize(Decimal("0.01")))


def evaluate_rows(
    data: Any,
    reasons: list[list[str]],
    *,
    as_of: pendulum.Date,
    chunk_rows: int,
    progress: TextIO | None,
) -> list[dict[str, Any]]:
    """Evaluate in chunks; one output record per agreement."""
    from tradesecret.ledger import evaluate_batch  # noqa: PLC0415

    bar = _Progress(progress, data.size)
    records: list[dict[str, Any]] = []
    for lo, chunk in _chunks(data, max(chunk_rows, 1)):
        result = evaluate_batch(chunk, as_of=as_of)
        errors: dict[int, tuple[str, ...]] = {e.row: e.reasons for e in result.errors if e.row >= 0}
        for i in range(chunk.size):
            row = lo + i
            why = [*reasons[row], *errors.get(i, ())]
            valid = bool(result.valid[i]) and not reasons[row]
            records.append(
                {
                    "agreement_id": str(data.agreement_id[row]),
                    "valid": valid,
                    "errors": "; ".join(why),
                    "months": int(result.months[i]) if valid else 0,
                    "total_scheduled": _yuan(int(result.total_scheduled[i])) if valid else "",
                    "total_fallen_due": _yuan(int(result.total_fallen_due[i])) if valid else "",
                    "total_paid": _yuan(int(result.total_paid[i])) if valid else "",
                    "arrears": _yuan(int(result.arrears[i])) if valid else "",
                    "unallocated": _yuan(int(result.unallocated[i])) if valid else "",
                    "scheduled_end": _iso(int(result.scheduled_end[i])) if valid else "",
                    "bound": bool(result.bound[i]) if valid else None,
                    "right_unpaid_three_months": _iso(int(result.right_unpaid_three_months[i]))
                    if valid
                    else "",
                    "right_late_after_reminder": _iso(int(result.right_late_after_reminder[i]))
                    if valid
                    else "",
                    "right_unpaid_over_three_months": _iso(
                        int(result.right_unpaid_over_three_months[i])
                    )
                    if valid
                    else "",
                }
            )
        bar.advance(chunk.size)
    return records


# -- writing ------------------------------------------------------------------------------------


def _write(records: list[dict[str, Any]], output: str) -> None:
    path = Path(output)
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            with path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=OUTPUT_COLUMNS)
                writer.writeheader()
                writer.writerows(records)
        elif suffix in (".jsonl", ".json"):
            with path.open("w", encoding="utf-8") as handle:
                for record in records:
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif suffix == ".parquet":
            try:
                pa: Any = importlib.import_module("pyarrow")
                pq: Any = importlib.import_module("pyarrow.parquet")
            except ImportError:
                raise InvalidInputError.single(
                    "--output", output, "writing Parquet needs pyarrow"
                ) from None
            columns = {name: [r[name] for r in records] for name in OUTPUT_COLUMNS}
            pq.write_table(pa.table(columns), path)
        else:
            raise InvalidInputError.single("--output", output, "expected .csv, .jsonl or .parquet")
    except OSError as exc:
        raise InvalidInputError.single(
            "--output", output, f"cannot write: {exc.strerror}"
        ) from None


def run_batch(
    input_path: str,
    *,
    as_of: pendulum.Date,
    output: str,
    payments_path: str | None = None,
    chunk_rows: int = 100_000,
    progress: TextIO | None = None,
) -> BatchSummary:
    """
    Read, evaluate in chunks and write the results; return the summary.

    Raises:
        InvalidInputError: unreadable input, missing columns, unknown output format.
    """
    agreements = read_table(input_path)
    payments = read_table(payments_path) if payments_path else None
    data, reasons, orphans = _build(agreements, payments)
    if progress is not None:
        for reason in orphans:
            progress.write(f"warning: {reason}\n")
    records = evaluate_rows(data, reasons, as_of=as_of, chunk_rows=chunk_rows, progress=progress)
    _write(records, output)
    arrears = [Decimal(r["arrears"]) for r in records if r["valid"] and r["arrears"]]
    return BatchSummary(
        rows=len(records),
        valid_rows=sum(1 for r in records if r["valid"]),
        arrears_rows=sum(1 for a in arrears if a > 0),
        arrears=Money(sum(arrears, Decimal(0))),
        release_rows=sum(
            1
            for r in records
            if r["right_unpaid_three_months"]
            or r["right_late_after_reminder"]
            or r["right_unpaid_over_three_months"]
        ),
        output=output,
        orphan_payments=len(orphans),
    )
