"""Dated parameters and month arithmetic as vectors, for the batch kernel."""

from __future__ import annotations

from typing import Any, Final

import numpy as np
import numpy.typing as npt

from tradesecret.ledger.rules import fraction
from tradesecret.rulebook import ParameterSeries, Rulebook

I64 = npt.NDArray[np.int64]
Bool = npt.NDArray[np.bool_]
Arr = npt.NDArray[Any]

EPOCH: Final = 719163  # date(1970, 1, 1).toordinal()
NEVER: Final = (1 << 22) - 1  # an ordinal after any real date (year 11484)
#: Largest day table the minimum-wage lookup builds (regions x days); beyond it, searches.
_DAY_TABLE_CELLS: Final = 1 << 22


class MonthTable:
    """
    ``date.add(months=k)`` on day ordinals, by table lookup (the vector form of pendulum's
    corresponding-day rule: the same day of the target month, or that month's last day).
    """

    def __init__(self, lo: int, hi: int, extra_months: int) -> None:
        days = np.arange(lo, hi + 1, dtype=np.int64)
        d64 = (days - EPOCH).astype("datetime64[D]")
        ym64 = d64.astype("datetime64[M]")
        self.lo = lo
        self.hi = hi
        self.ym = ym64.astype(np.int64)
        self.day0 = (d64 - ym64.astype("datetime64[D]")).astype(np.int64)
        months = np.arange(int(self.ym[0]), int(self.ym[-1]) + extra_months + 2, dtype=np.int64)
        self.m0 = int(months[0])
        first = months.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)
        following = (months + 1).astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)
        self.first = first + EPOCH
        self.dim = following - first

    def add(self, ordinals: I64, months: I64 | int) -> I64:
        """Each ordinal plus ``months`` months."""
        idx = ordinals - self.lo
        ym = self.ym[idx] + months - self.m0
        return np.asarray(self.first[ym] + np.minimum(self.day0[idx], self.dim[ym] - 1))


def series(rb: Rulebook, name: str, region: str | None) -> ParameterSeries | None:
    """The series of ``name`` for ``region`` or its nearest parent (national last)."""
    candidates = (*rb.region_chain(region), None) if region is not None else (None,)
    for code in candidates:
        found = rb.series.get((name, code))
        if found is not None:
            return found
    return None


def lookup(series_: ParameterSeries | None, dates: I64) -> tuple[npt.NDArray[np.intp], Bool]:
    """Index of the value in force on each date, and whether one is."""
    if series_ is None:
        return np.zeros(dates.shape, dtype=np.intp), np.zeros(dates.shape, dtype=bool)
    since = np.array([v.since.toordinal() for v in series_.values], dtype=np.int64)
    idx = np.searchsorted(since, dates, side="right") - 1
    return np.maximum(idx, 0), idx >= 0


def int_param(rb: Rulebook, name: str, dates: I64) -> tuple[I64, Bool]:
    """A national integer parameter in force on each date, and whether one is."""
    found = series(rb, name, None)
    idx, ok = lookup(found, dates)
    values = np.array([v.as_int() for v in found.values] if found else [0], dtype=np.int64)
    return values[idx], ok


def ratio_param(rb: Rulebook, name: str, dates: I64) -> tuple[I64, I64, Bool]:
    """A national ratio in force on each date as exact ``numerator / denominator``."""
    found = series(rb, name, None)
    idx, ok = lookup(found, dates)
    fracs = [fraction(v.as_decimal()) for v in found.values] if found else [(0, 1)]
    num = np.array([f[0] for f in fracs], dtype=np.int64)[idx]
    den = np.array([f[1] for f in fracs], dtype=np.int64)[idx]
    return num, den, ok


def since_of(rb: Rulebook, name: str, dates: I64) -> I64:
    """The first day of the value of ``name`` in force on each date (``NEVER`` if none)."""
    found = series(rb, name, None)
    if found is None:
        return np.full(dates.shape, NEVER, dtype=np.int64)
    idx, _ = lookup(found, dates)
    return np.array([v.since.toordinal() for v in found.values], dtype=np.int64)[idx]


class MinimumWages:
    """
    ``minimum_wage.monthly`` of each region code on any day, as integer fen.

    Built once per batch: a (region x day) table over the days the batch can ask about,
    so each lookup is one gather; a search per region where that table would be large.
    """

    def __init__(self, rb: Rulebook, codes: list[str], known: Bool, lo: int, hi: int) -> None:
        self.lo, self.hi = lo, hi
        self.tables: dict[int, tuple[I64, I64]] = {}
        for i, code in enumerate(codes):
            found = series(rb, "minimum_wage.monthly", code) if known[i] else None
            if found is not None:
                self.tables[i] = (
                    np.array([v.since.toordinal() for v in found.values], dtype=np.int64),
                    np.array([v.as_money().round_fen().fen for v in found.values], dtype=np.int64),
                )
        self.day_table: I64 | None = None
        days = hi - lo + 1
        if len(codes) * days <= _DAY_TABLE_CELLS:
            table = np.full((max(len(codes), 1), days), -1, dtype=np.int64)
            span = np.arange(lo, hi + 1, dtype=np.int64)
            for i, (since, values) in self.tables.items():
                idx = np.searchsorted(since, span, side="right") - 1
                table[i] = np.where(idx >= 0, values[np.maximum(idx, 0)], -1)
            self.day_table = table

    def at(self, region: I64, days: I64) -> tuple[I64, Bool]:
        """Minimum wage (fen) for each ``region[:, None]`` on ``days`` (2-D), and whether known."""
        if self.day_table is not None:
            span = self.day_table.shape[1]
            cell = region[:, None] * span + (np.clip(days, self.lo, self.hi) - self.lo)
            found = self.day_table.ravel().take(cell)  # one flat gather
            return np.maximum(found, 0), found >= 0
        mw = np.zeros(days.shape, dtype=np.int64)
        ok = np.zeros(days.shape, dtype=bool)
        for code_idx, (since, values) in self.tables.items():
            rows = np.flatnonzero(region == code_idx)
            if rows.size:
                idx = np.searchsorted(since, days[rows], side="right") - 1
                mw[rows] = values[np.maximum(idx, 0)]
                ok[rows] = idx >= 0
        return mw, ok
