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
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Final, TextIO

import attrs
import numpy as np
import pendulum

from tradesecret.cli._batch_read import (
    Column,
    _clean,
    _read_csv_stdlib,
    problem,
    read_table,
    unreadable,
)
from tradesecret.exceptions import InvalidInputError, Problem, render_value
from tradesecret.i18n import Localizer
from tradesecret.i18n._errors import problem_reason
from tradesecret.ledger._batch_columns import reason_line
from tradesecret.money import Money
from tradesecret.results import Severity
from tradesecret.rulebook import Rulebook, default_rulebook

#: ``_clean`` and ``_read_csv_stdlib`` (from ``_batch_read``) are re-exported for the tests.
__all__ = ["BatchSummary", "_clean", "_read_csv_stdlib", "load_overlay", "read_table"]

_FEN: Final = Decimal(100)
_PLACEHOLDER_DAY: Final = pendulum.date(2025, 1, 1).toordinal()
_EPOCH: Final = pendulum.date(1970, 1, 1).toordinal()

#: Output columns, in order.
OUTPUT_COLUMNS: Final = (
    "agreement_id",
    "valid",
    "errors",
    "messages",
    "problems",
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


# -- reading: tradesecret.cli._batch_read -----------------------------------------------------


def _shown(raw: object) -> str:
    """A value as it is shown in a reason: JSON-like text (``"2025-02-30"``)."""
    return render_value(raw)


def say(loc: Localizer, found: Problem) -> str:
    """A row's problem as one line in the locale: ``path: reason``, as :func:`reason_line`."""
    reason = problem_reason(loc, found)
    if not found.path:
        return reason
    return loc.message("error.line_no_value", {"path": found.path, "reason": reason})


#: The ``problems`` of a valid row (shared, never changed).
_NONE: Final[list[dict[str, Any]]] = []


def _lines(found: list[Problem] | None, line: Callable[[Problem], str]) -> str:
    """Each problem's line once, joined with ``; `` (empty for a valid row)."""
    return "; ".join(dict.fromkeys(map(line, found))) if found else ""


def problem_record(found: Problem) -> dict[str, Any]:
    """A problem as a JSON object: path, value, English reason, template and its parameters."""
    return {
        "path": found.path,
        "value": found.value,
        "reason": found.reason,
        "template": found.template,
        "params": dict(found.params),
    }


class _Reasons:
    """Per-row parse problems, kept with the row (the row is then reported, not the batch)."""

    def __init__(self) -> None:
        self.by_row: dict[int, list[Problem]] = {}

    def add(self, row: int, found: Problem) -> None:
        self.by_row.setdefault(row, []).append(found)

    def bad(self, n: int) -> np.ndarray[Any, Any]:
        mask = np.zeros(n, dtype=bool)
        if self.by_row:
            mask[list(self.by_row)] = True
        return mask


def _present(values: Column) -> np.ndarray[Any, Any]:
    return np.fromiter((v is not None for v in values.tolist()), dtype=bool, count=values.shape[0])


def parse_dates(
    values: Column, name: str, reasons: _Reasons, *, required: bool
) -> np.ndarray[Any, Any]:
    """Day ordinals of ``YYYY-MM-DD`` text (0 where empty); bad values are reported per row."""
    n = values.shape[0]
    out = np.zeros(n, dtype=np.int64)
    present = _present(values)
    idx = np.flatnonzero(present)
    if idx.size:
        text = values[idx].astype(str)
        shaped = (np.char.str_len(text) == 10) & (np.char.count(text, "-") == 2)
        fast = idx[shaped]
        try:
            days = np.asarray(text[shaped], dtype="datetime64[D]")
            out[fast] = days.astype(np.int64) + _EPOCH
            slow = idx[~shaped]
        except ValueError:  # an impossible date among them: check one by one
            slow = idx
        for i in slow.tolist():
            raw = values[i]
            try:
                out[i] = pendulum.Date.fromisoformat(raw).toordinal() if len(raw) == 10 else 0
                if not out[i]:
                    raise ValueError(raw)
            except ValueError:
                reasons.add(i, problem(name, raw, "not a valid date {value}", value=_shown(raw)))
                out[i] = _PLACEHOLDER_DAY if required else 0
    if required:
        for i in np.flatnonzero(~present).tolist():
            reasons.add(i, problem(name, "", "required"))
            out[i] = _PLACEHOLDER_DAY
    return out


def parse_integers(values: Column, name: str, reasons: _Reasons) -> np.ndarray[Any, Any]:
    """Whole numbers (1 where bad, reported)."""
    out = np.ones(values.shape[0], dtype=np.int64)
    for i, raw in enumerate(values.tolist()):
        try:
            out[i] = int(raw or "")
        except ValueError:
            reasons.add(i, problem(name, raw, "not an integer {value}", value=_shown(raw)))
    return out


def parse_fen(values: Column, name: str, reasons: _Reasons, *, yuan: bool) -> np.ndarray[Any, Any]:
    """
    Integer fen from decimal text (yuan) or integer text (fen), exactly; 0 where empty.

    The common forms (``6000``, ``6000.5``, ``6000.00``) are converted with integer arithmetic
    on the digits; anything else goes through :class:`~decimal.Decimal`. Never a float.
    """
    n = values.shape[0]
    out = np.zeros(n, dtype=np.int64)
    idx = np.flatnonzero(_present(values))
    if not idx.size:
        return out
    text = values[idx].astype(str)
    whole, dot, frac = (np.char.partition(text, ".")[:, k] for k in range(3))
    plain = np.char.isdigit(whole) & (np.char.str_len(whole) <= 15)
    if yuan:
        plain &= (dot == "") | (np.char.isdigit(frac) & (np.char.str_len(frac) <= 2))
    else:
        plain &= dot == ""
    fast = idx[plain]
    if fast.size:
        cents = np.char.ljust(frac[plain], 2, "0") if yuan else None
        out[fast] = whole[plain].astype(np.int64) * (100 if yuan else 1)
        if cents is not None:
            out[fast] += cents.astype(np.int64)
    for i in idx[~plain].tolist():
        raw = values[i]
        try:
            amount = Decimal(raw)
            if not amount.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            reasons.add(i, problem(name, raw, "not a decimal amount {value}", value=_shown(raw)))
            continue
        fen = amount * _FEN if yuan else amount
        if fen != fen.to_integral_value():
            reasons.add(i, problem(name, raw, "more precise than a fen {value}", value=_shown(raw)))
            continue
        out[i] = int(fen)
    return out


def _amount_column(
    table: Mapping[str, Column], reasons: _Reasons, base: str, n: int
) -> np.ndarray[Any, Any]:
    if f"{base}_fen" in table:
        return parse_fen(table[f"{base}_fen"], f"{base}_fen", reasons, yuan=False)
    if base in table:
        return parse_fen(table[base], base, reasons, yuan=True)
    return np.zeros(n, dtype=np.int64)


def _require(table: Mapping[str, Any], names: Sequence[str | tuple[str, ...]], source: str) -> None:
    problems: list[Problem] = []
    for name in names:
        options = name if isinstance(name, tuple) else (name,)
        if not any(o in table for o in options):
            problems.append(
                Problem(
                    path=f"{source}: column {' or '.join(options)}",
                    value="",
                    reason="required column missing",
                )
            )
    if problems:
        raise InvalidInputError(problems)


def _build(
    agreements: Mapping[str, Column], payments: Mapping[str, Column] | None
) -> tuple[Any, dict[int, list[Problem]], list[Problem]]:
    from tradesecret.ledger import BatchInput  # noqa: PLC0415

    _require(agreements, ("agreement_id", "termination_date", "months", "region"), "input")
    n = agreements["agreement_id"].shape[0]
    reasons = _Reasons()
    ids = np.array(
        [
            v if v is not None else f"row {i + 1}"
            for i, v in enumerate(agreements["agreement_id"].tolist())
        ],
        dtype=str,
    ).reshape(-1)
    order = np.argsort(ids, kind="stable")
    sorted_ids = ids[order]
    if n > 1:
        same = np.flatnonzero(sorted_ids[1:] == sorted_ids[:-1])
        for k in np.unique(np.concatenate([order[same], order[same + 1]])).tolist():
            reasons.add(
                k, problem("agreement_id", ids[k], "duplicate {value}", value=_shown(ids[k]))
            )
    orphan_reasons: list[Problem] = []
    pay_row = np.zeros(0, dtype=np.int64)
    pay_date = np.zeros(0, dtype=np.int64)
    pay_fen = np.zeros(0, dtype=np.int64)
    if payments is not None:
        _require(payments, ("agreement_id", "date", ("amount", "amount_fen")), "--payments")
        m = payments["agreement_id"].shape[0]
        preasons = _Reasons()
        pay_date = parse_dates(payments["date"], "date", preasons, required=True)
        pay_fen = _amount_column(payments, preasons, "amount", m)
        pay_ids = np.array(
            ["" if v is None else v for v in payments["agreement_id"].tolist()], dtype=str
        ).reshape(-1)
        pos = np.searchsorted(sorted_ids, pay_ids)
        pos_ok = pos < n
        found = np.zeros(m, dtype=bool)
        found[pos_ok] = sorted_ids[pos[pos_ok]] == pay_ids[pos_ok]
        pay_row = np.where(found, order[np.minimum(pos, max(n - 1, 0))] if n else -1, -1).astype(
            np.int64
        )
        orphan_reasons = [
            problem(
                f"payment {k + 1}",
                pay_ids[k],
                "unknown agreement_id {value}",
                value=_shown(pay_ids[k]),
            )
            for k in np.flatnonzero(~found).tolist()
        ]
        for k, why in preasons.by_row.items():
            if found[k]:
                for reason in why:
                    reasons.add(int(pay_row[k]), reason.at(f"payment {k + 1}: {reason.path}"))
        # a payment that did not parse, or names no agreement, is left out (and reported)
        keep = found & ~preasons.bad(m)
        pay_row, pay_date, pay_fen = pay_row[keep], pay_date[keep], pay_fen[keep]
    data = BatchInput(
        termination=parse_dates(
            agreements["termination_date"], "termination_date", reasons, required=True
        ),
        months=parse_integers(agreements["months"], "months", reasons),
        region=np.array(
            ["" if v is None else v for v in agreements["region"].tolist()], dtype=object
        ),
        agreed_fen=_amount_column(agreements, reasons, "agreed_monthly", n),
        average_wage_fen=_amount_column(agreements, reasons, "average_wage", n),
        reminder=(
            parse_dates(agreements["reminder_date"], "reminder_date", reasons, required=False)
            if "reminder_date" in agreements
            else np.zeros(n, dtype=np.int64)
        ),
        pay_row=pay_row,
        pay_date=pay_date,
        pay_fen=pay_fen,
        agreement_id=ids.astype(object),
    )
    return data, reasons.by_row, orphan_reasons


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


def _iso(ordinals: np.ndarray[Any, Any], valid: np.ndarray[Any, Any]) -> list[str]:
    text = (np.maximum(ordinals, 1) - _EPOCH).astype("datetime64[D]").astype(str)
    out: list[str] = np.where(valid & (ordinals > 0), text, "").tolist()
    return out


def _yuan(fen: np.ndarray[Any, Any], valid: np.ndarray[Any, Any]) -> list[str]:
    return [
        (f"-{-f // 100}.{-f % 100:02d}" if f < 0 else f"{f // 100}.{f % 100:02d}") if ok else ""
        for f, ok in zip(fen.tolist(), valid.tolist(), strict=True)
    ]


def evaluate_rows(
    data: Any,
    reasons: Mapping[int, list[Problem]],
    *,
    as_of: pendulum.Date,
    chunk_rows: int,
    progress: TextIO | None,
    rulebook: Rulebook | None = None,
    locale: str = "en",
) -> dict[str, list[Any]]:
    """
    Evaluate in chunks; the output columns (one entry per agreement).

    A row's problems are written three ways: ``errors`` (English lines, ``path: reason``),
    ``messages`` (the same lines in ``locale``) and ``problems`` (each
    problem's ``path``, ``value``, English ``reason``, ``template`` and ``params``).
    """
    from tradesecret.ledger import evaluate_batch  # noqa: PLC0415

    bar = _Progress(progress, data.size)
    loc = Localizer.for_locale(locale)
    columns: dict[str, list[Any]] = {name: [] for name in OUTPUT_COLUMNS}
    fen_columns = ("total_scheduled", "total_fallen_due", "total_paid", "arrears", "unallocated")
    date_columns = (
        "scheduled_end",
        "right_unpaid_three_months",
        "right_late_after_reminder",
        "right_unpaid_over_three_months",
    )
    for lo, chunk in _chunks(data, max(chunk_rows, 1)):
        result = evaluate_batch(chunk, as_of=as_of, rulebook=rulebook)
        errors = {e.row: e.problems for e in result.errors if e.row >= 0}
        parsed = np.zeros(chunk.size, dtype=bool)
        local = [row - lo for row in reasons if lo <= row < lo + chunk.size]
        parsed[local] = True
        valid = np.asarray(result.valid, dtype=bool) & ~parsed
        columns["agreement_id"] += [
            str(v) for v in data.agreement_id[lo : lo + chunk.size].tolist()
        ]
        columns["valid"] += valid.tolist()
        found: list[list[Problem] | None] = [
            None if ok else [*reasons.get(lo + i, ()), *errors.get(i, ())]
            for i, ok in enumerate(valid.tolist())
        ]
        columns["errors"] += [_lines(f, reason_line) for f in found]
        columns["messages"] += [_lines(f, lambda p: say(loc, p)) for f in found]
        # a valid row shares one empty list (a million rows, no million lists)
        columns["problems"] += [[problem_record(p) for p in f] if f else _NONE for f in found]
        columns["months"] += np.where(valid, result.months, 0).tolist()
        for name in fen_columns:
            columns[name] += _yuan(np.asarray(getattr(result, name)), valid)
        for name in date_columns:
            columns[name] += _iso(np.asarray(getattr(result, name)), valid)
        columns["bound"] += [
            bool(b) if ok else None
            for b, ok in zip(result.bound.tolist(), valid.tolist(), strict=True)
        ]
        bar.advance(chunk.size)
    return columns


# -- writing ------------------------------------------------------------------------------------


def _json_text(problems: list[dict[str, Any]]) -> str:
    return json.dumps(problems, ensure_ascii=False) if problems else ""


def _write(columns: Mapping[str, list[Any]], output: str) -> None:
    path = Path(output)
    suffix = path.suffix.lower()
    names = list(OUTPUT_COLUMNS)
    if suffix not in {".jsonl", ".json"}:  # a table cell holds the problems as JSON text
        columns = {**columns, "problems": [_json_text(p) for p in columns["problems"]]}
    rows = zip(*(columns[name] for name in names), strict=True)
    try:
        if suffix == ".csv":
            with path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(names)
                writer.writerows(rows)
        elif suffix in (".jsonl", ".json"):
            with path.open("w", encoding="utf-8") as handle:
                for row in rows:
                    handle.write(
                        json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) + "\n"
                    )
        elif suffix == ".parquet":
            try:
                pa: Any = importlib.import_module("pyarrow")
                pq: Any = importlib.import_module("pyarrow.parquet")
            except ImportError:
                raise InvalidInputError.single(
                    "--output", output, "writing Parquet needs pyarrow"
                ) from None
            pq.write_table(pa.table({name: columns[name] for name in names}), path)
        else:
            raise InvalidInputError.single("--output", output, "expected .csv, .jsonl or .parquet")
    except OSError as exc:
        raise unreadable("--output", exc, value=output, writing=True) from None


def load_overlay(path: str) -> Rulebook:
    """The package rulebook with a tenant's TOML overlay laid over it."""
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise unreadable("--params", exc, value=path) from None
    return default_rulebook().extended(text, source=path)
