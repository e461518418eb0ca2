"""
The batch path: many agreements at once from columnar input, identical to the per-object path.

Input (:class:`BatchInput`) is NumPy arrays -- dates as proleptic-Gregorian **day ordinals**
(``date.toordinal()``), amounts as **integer fen** -- one row per agreement, plus a long
table of payments (``pay_row``, ``pay_date``, ``pay_fen``). :func:`batch_from_pandas` and
:func:`batch_from_arrow` build it from DataFrames / Arrow tables (optional extra
``tradesecret[dataframe]``).

The batch path covers the events an HR payroll run has: payments (allocated oldest first,
none naming an instalment), at most one written reminder, one employer release (statutory
extra months or a negotiated amount) and one rescission per agreement, for agreements
without a reserved activation. Deferral plans, employee-caused delays, activation
decisions, waivers, breaches and penalty payments are rare, individual events: evaluate
those agreements with :func:`~tradesecret.ledger.evaluate_compensation`. Results equal the
per-object path's to the fen and the day (Hypothesis tests compare both on random
populations, with releases and rescissions under every reading that concerns them).

Nothing the batch cannot represent passes silently: the adapters refuse columns they do
not know (:class:`~tradesecret.exceptions.InvalidInputError`), and report per row, in
:attr:`BatchResult.errors`, an agreement with an event of another kind (``events`` table),
a second reminder, release or rescission, a payment naming an instalment, or a reserved
activation (``BatchInput.unsupported``). :func:`evaluate_batch` refuses the options it does not
implement (``CuredArrears.RIGHT_LAPSES``).

A row that cannot be evaluated (a payment before the termination date, a negative or zero
amount, an unknown region, a date outside the data's coverage...) is reported in
:attr:`BatchResult.errors` with every reason and its outputs are zero; the other rows are
computed exactly as if it were absent.
"""

from __future__ import annotations

import importlib
from decimal import Decimal
from typing import Any, Final

import attrs
import numpy as np
import numpy.typing as npt
import pendulum

from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.ledger.model import (
    CuredArrears,
    DueConvention,
    LedgerOptions,
    MinimumWageMonth,
    PartialMonth,
    ReminderTiming,
    UnpaidCounting,
)
from tradesecret.ledger.state import EndedBy, InstalmentStatus
from tradesecret.rulebook import ParameterSeries, Rulebook, default_rulebook

#: ``pandas.DataFrame`` / ``pyarrow.Table`` (optional dependencies, typed loosely here).
DataFrame = Any
ArrowTable = Any

__all__ = [
    "BatchInput",
    "BatchResult",
    "RowError",
    "batch_from_arrow",
    "batch_from_pandas",
    "evaluate_batch",
]

I64 = npt.NDArray[np.int64]
Arr = npt.NDArray[Any]

_EPOCH: Final = 719163  # date(1970, 1, 1).toordinal()
_NEVER: Final = (1 << 22) - 1  # an ordinal after any real date (year 11484)
_ROW_SHIFT: Final = 1 << 40  # separates rows in the merged search keys (amounts < 2**40 fen)
_CHUNK: Final = 1 << 12

_PAID = InstalmentStatus.PAID.code
_PAID_LATE = InstalmentStatus.PAID_LATE.code
_PARTLY = InstalmentStatus.PARTLY_PAID.code
_OVERDUE = InstalmentStatus.OVERDUE.code
_NOT_YET = InstalmentStatus.NOT_YET_DUE.code
_CANCELLED = InstalmentStatus.CANCELLED.code
_ENDED_SCHEDULED = list(EndedBy).index(EndedBy.SCHEDULED_END)
_ENDED_RELEASE = list(EndedBy).index(EndedBy.EMPLOYER_RELEASE)
_ENDED_RESCISSION = list(EndedBy).index(EndedBy.RESCISSION)


def _i64(values: object, name: str, n: int | None = None) -> I64:
    arr = np.asarray(values)
    if arr.size == 0:  # an empty list is float64 to NumPy
        arr = arr.astype(np.int64)
    if arr.dtype.kind not in "iu":
        raise InvalidInputError.single(name, str(arr.dtype), "expected an integer array")
    out = arr.astype(np.int64, copy=False).reshape(-1)
    if n is not None and out.shape[0] != n:
        raise InvalidInputError.single(name, out.shape[0], f"expected {n} values")
    return out


def _as_i64(values: object) -> I64:
    return _i64(values, "array")


def _opt_i64(values: object) -> I64 | None:
    return None if values is None else _i64(values, "array")


def _as_objects(values: object) -> Arr:
    return np.asarray(values, dtype=object).reshape(-1)


@attrs.frozen(kw_only=True, eq=False)
class BatchInput:
    """
    Columnar input; build it directly or with the pandas / Arrow adapters.

    Attributes:
        termination: Termination dates, day ordinals.
        months: Agreed period in months.
        region: Region code of the place of performance, per row.
        agreed_fen: Agreed monthly compensation in fen; 0 = none agreed.
        average_wage_fen: Average monthly wage in fen (needed when none was agreed; 0 = unknown).
        reminder: Date of the employee's first written reminder, ordinal; 0 = none.
        pay_row: Payment -> row index of its agreement.
        pay_date: Payment dates, ordinals.
        pay_fen: Payment amounts, fen.
        agreement_id: Optional identifiers, per row (for error reports).
        release: Date of an employer release (Interp. (I) Art. 39), ordinal; 0 = none.
        release_negotiated_fen: Amount agreed for that release, fen; 0 = the statutory
            extra months.
        rescission: Date the employee exercised (or tried to exercise) a release right,
            ordinal; 0 = none. Effective only if a right stands on that day.
        unsupported: ``(row, reason)`` pairs: rows holding input the batch path cannot
            represent (the adapters fill it); each is reported in
            :attr:`BatchResult.errors` and its outputs are zero. Row ``-1``: input that
            names no known agreement.
    """

    termination: I64 = attrs.field(converter=_as_i64)
    months: I64 = attrs.field(converter=_as_i64)
    region: Arr = attrs.field(converter=_as_objects)
    agreed_fen: I64 = attrs.field(converter=_as_i64)
    average_wage_fen: I64 = attrs.field(converter=_as_i64)
    reminder: I64 = attrs.field(converter=_as_i64)
    pay_row: I64 = attrs.field(converter=_as_i64)
    pay_date: I64 = attrs.field(converter=_as_i64)
    pay_fen: I64 = attrs.field(converter=_as_i64)
    agreement_id: Arr | None = None
    unsupported: tuple[tuple[int, str], ...] = ()
    release: I64 | None = attrs.field(default=None, converter=_opt_i64)
    release_negotiated_fen: I64 | None = attrs.field(default=None, converter=_opt_i64)
    rescission: I64 | None = attrs.field(default=None, converter=_opt_i64)

    def __attrs_post_init__(self) -> None:
        n = self.termination.shape[0]
        problems = [
            Problem.of("unsupported", entry, f"expected (row in -1..{n - 1}, reason) pairs")
            for entry in self.unsupported
            if not (
                isinstance(entry, tuple)
                and len(entry) == 2
                and isinstance(entry[0], int)
                and -1 <= entry[0] < n
                and isinstance(entry[1], str)
            )
        ]
        problems += [
            Problem.of(name, getattr(self, name).shape[0], f"expected {n} values")
            for name in (
                "months",
                "region",
                "agreed_fen",
                "average_wage_fen",
                "reminder",
                "release",
                "release_negotiated_fen",
                "rescission",
            )
            if getattr(self, name) is not None and getattr(self, name).shape[0] != n
        ]
        m = self.pay_row.shape[0]
        problems += [
            Problem.of(name, getattr(self, name).shape[0], f"expected {m} values (pay_row)")
            for name in ("pay_date", "pay_fen")
            if getattr(self, name).shape[0] != m
        ]
        if problems:
            raise InvalidInputError(problems)

    @property
    def size(self) -> int:
        """Number of agreements."""
        return int(self.termination.shape[0])


@attrs.frozen(kw_only=True)
class RowError:
    """
    A row that could not be evaluated.

    Attributes:
        row: Row index (``-1`` for a payment that names no known row).
        agreement_id: Its identifier, when given.
        reasons: Every problem found, in English.
    """

    row: int
    agreement_id: str | None
    reasons: tuple[str, ...]


@attrs.frozen(kw_only=True, eq=False)
class BatchResult:
    """
    Results, one row per agreement; instalment matrices have one column per month.

    Dates are ordinals (0 = none), amounts fen. Status codes are
    :attr:`InstalmentStatus.code <tradesecret.ledger.InstalmentStatus.code>` (-1 beyond the
    schedule). Rows listed in :attr:`errors` have ``valid`` False and zero outputs.
    ``free_since`` is the first free day when on or before ``as_of``; ``ended_by`` the
    position of the :class:`~tradesecret.ledger.EndedBy` member in its enum;
    ``release_extra`` / ``release_extra_paid`` the extra compensation of an employer
    release and what was paid towards it.
    """

    as_of: I64
    valid: npt.NDArray[np.bool_]
    errors: tuple[RowError, ...]
    months: I64
    due: I64
    amount: I64
    paid: I64
    status: npt.NDArray[np.int8]
    total_scheduled: I64
    total_fallen_due: I64
    total_paid: I64
    arrears: I64
    unallocated: I64
    scheduled_end: I64
    bound: npt.NDArray[np.bool_]
    right_unpaid_three_months: I64
    right_late_after_reminder: I64
    right_unpaid_over_three_months: I64
    free_since: I64
    ended_by: npt.NDArray[np.int8]
    release_extra: I64
    release_extra_paid: I64

    def to_pandas(self) -> DataFrame:
        """One row per agreement (no instalment matrices); dates as ``datetime64[D]``."""
        pd = importlib.import_module("pandas")

        def dates(a: I64) -> Arr:
            out = (a - _EPOCH).astype("datetime64[D]")
            out[a == 0] = np.datetime64("NaT")
            return out

        return pd.DataFrame(
            {
                "valid": self.valid,
                "months": self.months,
                "total_scheduled_fen": self.total_scheduled,
                "total_fallen_due_fen": self.total_fallen_due,
                "total_paid_fen": self.total_paid,
                "arrears_fen": self.arrears,
                "unallocated_fen": self.unallocated,
                "scheduled_end": dates(self.scheduled_end),
                "bound": self.bound,
                "right_unpaid_three_months": dates(self.right_unpaid_three_months),
                "right_late_after_reminder": dates(self.right_late_after_reminder),
                "right_unpaid_over_three_months": dates(self.right_unpaid_over_three_months),
                "free_since": dates(self.free_since),
                "ended_by": [list(EndedBy)[k].value for k in self.ended_by.tolist()],
                "release_extra_fen": self.release_extra,
                "release_extra_paid_fen": self.release_extra_paid,
            }
        )


# -- month arithmetic on ordinals (the vector form of pendulum's add(months=...)) ---------------


class _MonthTable:
    """
    ``date.add(months=k)`` on day ordinals, by table lookup (the vector form of pendulum's
    corresponding-day rule: the same day of the target month, or that month's last day).
    """

    def __init__(self, lo: int, hi: int, extra_months: int) -> None:
        days = np.arange(lo, hi + 1, dtype=np.int64)
        d64 = (days - _EPOCH).astype("datetime64[D]")
        ym64 = d64.astype("datetime64[M]")
        self.lo = lo
        self.hi = hi
        self.ym = ym64.astype(np.int64)
        self.day0 = (d64 - ym64.astype("datetime64[D]")).astype(np.int64)
        months = np.arange(int(self.ym[0]), int(self.ym[-1]) + extra_months + 2, dtype=np.int64)
        self.m0 = int(months[0])
        first = months.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)
        following = (months + 1).astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)
        self.first = first + _EPOCH
        self.dim = following - first

    def add(self, ordinals: I64, months: I64 | int) -> I64:
        """Each ordinal plus ``months`` months."""
        idx = ordinals - self.lo
        ym = self.ym[idx] + months - self.m0
        return np.asarray(self.first[ym] + np.minimum(self.day0[idx], self.dim[ym] - 1))


# -- parameter series as vectors ------------------------------------------------------------


def _series(rb: Rulebook, name: str, region: str | None) -> ParameterSeries | None:
    candidates = (*rb.region_chain(region), None) if region is not None else (None,)
    for code in candidates:
        found = rb.series.get((name, code))
        if found is not None:
            return found
    return None


def _lookup(
    series: ParameterSeries | None, dates: I64
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.bool_]]:
    """Index of the value in force on each date, and whether one is."""
    if series is None:
        return np.zeros(dates.shape, dtype=np.intp), np.zeros(dates.shape, dtype=bool)
    since = np.array([v.since.toordinal() for v in series.values], dtype=np.int64)
    idx = np.searchsorted(since, dates, side="right") - 1
    return np.maximum(idx, 0), idx >= 0


def _int_param(rb: Rulebook, name: str, dates: I64) -> tuple[I64, npt.NDArray[np.bool_]]:
    series = _series(rb, name, None)
    idx, ok = _lookup(series, dates)
    values = np.array([v.as_int() for v in series.values] if series else [0], dtype=np.int64)
    return values[idx], ok


def _fraction(value: Decimal) -> tuple[int, int]:
    """A finite decimal as ``numerator / denominator`` (e.g. 0.30 -> 30 / 100)."""
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    numerator = int("".join(map(str, digits)) or "0")
    if exponent >= 0:
        return numerator * 10**exponent, 1
    return numerator, 10**-exponent


# -- the kernel ---------------------------------------------------------------------------------


def evaluate_batch(
    data: BatchInput,
    *,
    as_of: object,
    options: LedgerOptions | None = None,
    rulebook: Rulebook | None = None,
) -> BatchResult:
    """
    Evaluate every agreement as of ``as_of`` (a date for all rows, or an ordinal array).

    Supports every :class:`~tradesecret.ledger.LedgerOptions` reading that concerns
    payments, reminders, releases and rescissions (due convention, unpaid counting,
    reminder timing, minimum-wage month, partial month, extra months on a pre-period
    release); the readings of breaches and activation do not arise (the batch has no
    such events).

    Raises:
        InvalidInputError: ``options.cured_arrears`` is ``RIGHT_LAPSES`` (evaluate with
            :func:`~tradesecret.ledger.evaluate_compensation`), or a malformed ``as_of``.
    """
    rb = rulebook if rulebook is not None else default_rulebook()
    opts = options if options is not None else LedgerOptions()
    if opts.cured_arrears is not CuredArrears.RIGHT_REMAINS:
        raise InvalidInputError.single(
            "options.cured_arrears",
            opts.cured_arrears.value,
            "the batch path implements RIGHT_REMAINS only; use evaluate_compensation",
        )
    n = data.size
    if isinstance(as_of, np.ndarray):
        as_of_arr = _i64(as_of, "as_of", n)
    else:
        from tradesecret.dates import to_date  # noqa: PLC0415

        as_of_arr = np.full(n, to_date(as_of, path="as_of").toordinal(), dtype=np.int64)
    bad: dict[int, list[str]] = {}

    def flag(mask: npt.NDArray[np.bool_], reason: str) -> None:
        for row in np.flatnonzero(mask).tolist():
            bad.setdefault(row, []).append(reason)

    orphans: list[RowError] = []
    for row, reason in data.unsupported:
        if row < 0:
            orphans.append(RowError(row=-1, agreement_id=None, reasons=(reason,)))
        else:
            bad.setdefault(row, []).append(reason)
    t = data.termination
    flag(data.months < 1, "months must be positive")
    flag(data.agreed_fen < 0, "negative agreed amount")
    flag(data.average_wage_fen < 0, "negative average wage")
    flag(
        (data.agreed_fen == 0) & (data.average_wage_fen <= 0),
        "no agreed amount and no average wage",
    )
    flag((t < 1) | (t >= _NEVER - 5000), "termination date out of range")
    # payments: order by row then date (stable), drop orphans, check each
    prow, pdate, pfen = data.pay_row, data.pay_date, data.pay_fen
    in_range = (prow >= 0) & (prow < n)
    if not bool(in_range.all()):
        for k in np.flatnonzero(~in_range).tolist():
            orphans.append(
                RowError(row=-1, agreement_id=None, reasons=(f"payment {k} names no known row",))
            )
        prow, pdate, pfen = prow[in_range], pdate[in_range], pfen[in_range]
    key = prow * (1 << 23) + np.clip(pdate, 0, (1 << 23) - 1)
    if key.size and not bool((np.diff(key) >= 0).all()):
        order = np.argsort(key, kind="stable")
        prow, pdate, pfen = prow[order], pdate[order], pfen[order]
    flag_rows = prow[pfen <= 0]
    if flag_rows.size:
        flag(np.isin(np.arange(n), flag_rows), "a payment with a negative or zero amount")
    early = prow[pdate < t[prow]]
    if early.size:
        flag(np.isin(np.arange(n), early), "a payment before the termination date")
    # payments after as_of are ignored; bad amounts are neutralised (the row is reported)
    keep = (pdate <= as_of_arr[prow]) & (pfen > 0)
    prow, pdate, pfen = prow[keep], pdate[keep], pfen[keep]
    # regions
    region_codes, region_idx = np.unique(data.region.astype(str), return_inverse=True)
    known = np.array([code in rb.regions for code in region_codes], dtype=bool)
    flag(~known[region_idx], "unknown region code")
    # parameters that depend on the termination date
    cap, cap_ok = _int_param(rb, "noncompete.max_post_term_months", t)
    offset, off_ok = _int_param(rb, "ledger.due_offset_days", t)
    judicial, jud_ok = _int_param(rb, "noncompete.release_unpaid_months", t)
    cure, cure_ok = _int_param(rb, "ledger.reminder_cure_days", t)
    g_unpaid, g_unpaid_ok = _int_param(rb, "noncompete.guidance_release_unpaid_months", as_of_arr)
    g_series = _series(rb, "noncompete.guidance_release_unpaid_months", None)
    g_idx, _ = _lookup(g_series, as_of_arr)
    g_since = (
        np.array([v.since.toordinal() for v in g_series.values], dtype=np.int64)[g_idx]
        if g_series
        else np.full(n, _NEVER, dtype=np.int64)
    )
    g_late, g_late_ok = _int_param(rb, "noncompete.guidance_release_late_months", as_of_arr)
    extra_months, extra_ok = _int_param(rb, "noncompete.employer_release_extra_months", t)
    pay_days, pay_days_ok = _int_param(rb, "ledger.employer_release_payment_days", t)
    coverage = cap_ok & off_ok & jud_ok & cure_ok & extra_ok & pay_days_ok
    coverage &= _int_param(rb, "ledger.employee_delay_grace_days", t)[1]
    zeros = np.zeros(n, dtype=np.int64)
    release = data.release if data.release is not None else zeros
    negotiated = data.release_negotiated_fen if data.release_negotiated_fen is not None else zeros
    rescission = data.rescission if data.rescission is not None else zeros
    flag(negotiated < 0, "negative negotiated release amount")
    flag((release < 0) | (rescission < 0), "negative release or rescission date")
    flag(~coverage, "termination date before the data's coverage")
    ratio_series = _series(rb, "noncompete.default_ratio", None)
    ratio_idx, ratio_ok = _lookup(ratio_series, t)
    fracs = [_fraction(v.as_decimal()) for v in ratio_series.values] if ratio_series else [(0, 1)]
    r_num = np.array([f[0] for f in fracs], dtype=np.int64)[ratio_idx]
    r_den = np.array([f[1] for f in fracs], dtype=np.int64)[ratio_idx]
    flag((data.agreed_fen == 0) & ~ratio_ok, "termination date before the data's coverage")
    months_s = np.clip(np.minimum(data.months, cap), 0, None)
    width = int(months_s.max()) if n else 0
    t_ok = (t >= 1) & (t < _NEVER - 5000)
    t_calc = np.where(t_ok, t, int(t[t_ok].min()) if bool(t_ok.any()) else _EPOCH)
    months_extra = int(max(judicial.max(initial=0), g_unpaid.max(initial=0), g_late.max(initial=0)))
    table = _MonthTable(
        int(t_calc.min(initial=_EPOCH)),
        int(t_calc.max(initial=_EPOCH)) + 31 * (width + 1) + int(np.abs(offset).max(initial=0)) + 1,
        months_extra + width + 2,
    )
    # outputs
    due_m = np.zeros((n, width), dtype=np.int64)
    amt_m = np.zeros((n, width), dtype=np.int64)
    paid_m = np.zeros((n, width), dtype=np.int64)
    status_m = np.full((n, width), -1, dtype=np.int8)
    out = {
        name: np.zeros(n, dtype=np.int64)
        for name in (
            "total_scheduled",
            "total_fallen_due",
            "total_paid",
            "arrears",
            "unallocated",
            "scheduled_end",
            "right_unpaid_three_months",
            "right_late_after_reminder",
            "right_unpaid_over_three_months",
            "free_since",
            "release_extra",
            "release_extra_paid",
        )
    }
    bound = np.zeros(n, dtype=bool)
    ended_by = np.zeros(n, dtype=np.int8)
    mw_series = {
        i: _series(rb, "minimum_wage.monthly", code) if known[i] else None
        for i, code in enumerate(region_codes.tolist())
    }
    mw_tables = {}
    for i, series in mw_series.items():
        if series is not None:
            mw_tables[i] = (
                np.array([v.since.toordinal() for v in series.values], dtype=np.int64),
                np.array([v.as_money().round_fen().fen for v in series.values], dtype=np.int64),
            )
    pay_starts = np.searchsorted(prow, np.arange(0, n + 1, _CHUNK))
    for c, r0 in enumerate(range(0, n, _CHUNK)):
        r1 = min(r0 + _CHUNK, n)
        p0, p1 = (
            int(pay_starts[c]),
            int(pay_starts[c + 1]) if c + 1 < len(pay_starts) else prow.size,
        )
        _chunk(
            table=table,
            t_all=t_calc,
            r0=r0,
            r1=r1,
            data=data,
            opts=opts,
            as_of_all=as_of_arr,
            months_all=months_s,
            offset_all=offset,
            judicial_all=judicial,
            cure_all=cure,
            g_unpaid_all=g_unpaid,
            g_unpaid_ok_all=g_unpaid_ok,
            g_since_all=g_since,
            g_late_all=g_late,
            g_late_ok_all=g_late_ok,
            r_num_all=r_num,
            r_den_all=r_den,
            region_idx_all=region_idx,
            mw_tables=mw_tables,
            prow=prow[p0:p1],
            pdate=pdate[p0:p1],
            pfen=pfen[p0:p1],
            bad=bad,
            width=width,
            due_m=due_m,
            amt_m=amt_m,
            paid_m=paid_m,
            status_m=status_m,
            out=out,
            bound=bound,
            ended_by_m=ended_by,
            release_all=np.maximum(release, 0),
            negotiated_all=np.maximum(negotiated, 0),
            rescission_all=np.maximum(rescission, 0),
            extra_months_all=extra_months,
            pay_days_all=pay_days,
        )
    valid = np.ones(n, dtype=bool)
    rows = np.array(sorted(bad), dtype=np.int64)
    if rows.size:
        valid[rows] = False
        for matrix in (due_m, amt_m, paid_m):
            matrix[rows] = 0
        status_m[rows] = -1
        for vector in out.values():
            vector[rows] = 0
        bound[rows] = False
        ended_by[rows] = 0
    ids = data.agreement_id
    errors = tuple(
        RowError(
            row=row,
            agreement_id=None if ids is None else str(ids[row]),
            reasons=tuple(dict.fromkeys(bad[row])),
        )
        for row in sorted(bad)
    ) + tuple(orphans)
    return BatchResult(
        as_of=as_of_arr,
        valid=valid,
        errors=errors,
        months=np.where(valid, months_s, 0),
        due=due_m,
        amount=amt_m,
        paid=paid_m,
        status=status_m,
        bound=bound,
        ended_by=ended_by,
        **out,
    )


def _chunk(
    *,
    table: _MonthTable,
    t_all: I64,
    r0: int,
    r1: int,
    data: BatchInput,
    opts: LedgerOptions,
    as_of_all: I64,
    months_all: I64,
    offset_all: I64,
    judicial_all: I64,
    cure_all: I64,
    g_unpaid_all: I64,
    g_unpaid_ok_all: npt.NDArray[np.bool_],
    g_since_all: I64,
    g_late_all: I64,
    g_late_ok_all: npt.NDArray[np.bool_],
    r_num_all: I64,
    r_den_all: I64,
    region_idx_all: I64,
    mw_tables: dict[int, tuple[I64, I64]],
    prow: I64,
    pdate: I64,
    pfen: I64,
    bad: dict[int, list[str]],
    width: int,
    due_m: I64,
    amt_m: I64,
    paid_m: I64,
    status_m: npt.NDArray[np.int8],
    out: dict[str, I64],
    bound: npt.NDArray[np.bool_],
    ended_by_m: npt.NDArray[np.int8],
    release_all: I64,
    negotiated_all: I64,
    rescission_all: I64,
    extra_months_all: I64,
    pay_days_all: I64,
) -> None:
    sl = slice(r0, r1)
    c = r1 - r0
    t = t_all[sl]
    a = as_of_all[sl]
    months = months_all[sl]
    cols = np.arange(width, dtype=np.int64)
    live = cols[None, :] < months[:, None]
    # periods and due dates
    ends = table.add(t[:, None], (cols + 1)[None, :])
    starts = np.empty_like(ends)
    starts[:, 0] = t + 1
    starts[:, 1:] = ends[:, :-1] + 1
    anchor = ends if opts.due_convention is DueConvention.END_OF_PERIOD else starts
    due = anchor + offset_all[sl][:, None]
    # amounts
    agreed = data.agreed_fen[sl]
    wage = np.maximum(data.average_wage_fen[sl], 0)
    num, den = r_num_all[sl], r_den_all[sl]
    share = (2 * wage * num + den) // (2 * den)
    amount = np.repeat(np.maximum(agreed, 0)[:, None], width, axis=1)
    need_default = agreed == 0
    if bool(need_default.any()):
        ref = starts if opts.minimum_wage_month is MinimumWageMonth.PERIOD_START else ends
        reg = region_idx_all[sl]
        mw = np.zeros((c, width), dtype=np.int64)
        mw_ok = np.zeros((c, width), dtype=bool)
        for code_idx, (since, values) in mw_tables.items():
            rows = np.flatnonzero((reg == code_idx) & need_default)
            if rows.size == 0:
                continue
            idx = np.searchsorted(since, ref[rows], side="right") - 1
            mw[rows] = values[np.maximum(idx, 0)]
            mw_ok[rows] = idx >= 0
        missing = need_default & ~(mw_ok | ~live).all(axis=1)
        for row in np.flatnonzero(missing).tolist():
            bad.setdefault(r0 + row, []).append(
                "no minimum wage for the region on a month of the period"
            )
        default = np.maximum(mw, share[:, None])
        amount = np.where(need_default[:, None], default, amount)
    amount = np.where(live, amount, 0)
    due = np.where(live, due, _NEVER)
    cum = np.cumsum(amount, axis=1)
    rows_c = np.arange(c)
    sched_end = ends[rows_c, np.maximum(months - 1, 0)]
    # payments: cumulative per row
    lr = prow - r0
    total_paid = np.zeros(c, dtype=np.int64)
    first = np.searchsorted(lr, rows_c, side="left")
    last = np.searchsorted(lr, rows_c, side="right")
    has = last > first
    cum_local = np.zeros(0, dtype=np.int64)
    if pfen.size:
        cs = np.cumsum(pfen)
        base = np.zeros(c, dtype=np.int64)
        base[has] = cs[first[has]] - pfen[first[has]]
        cum_local = cs - base[lr]
        total_paid[has] = cum_local[last[has] - 1]
        too_big = (total_paid >= _ROW_SHIFT) | (cum[:, -1] >= _ROW_SHIFT if width else False)
        for row in np.flatnonzero(too_big).tolist():
            bad.setdefault(r0 + row, []).append("amounts too large for the batch kernel")

    def completion_of(amt: I64, cumulative: I64) -> I64:
        """Day each instalment was paid in full (oldest-first allocation), ``_NEVER`` if not."""
        if pfen.size:
            keys = lr * _ROW_SHIFT + np.minimum(cum_local, _ROW_SHIFT - 1)
            targets = rows_c[:, None] * _ROW_SHIFT + np.minimum(cumulative, _ROW_SHIFT - 1)
            pos = np.searchsorted(keys, targets, side="left")
            hit = pos < last[:, None]
            done = np.where(hit, pdate[np.minimum(pos, pdate.size - 1)], _NEVER)
        else:
            done = np.full_like(amt, _NEVER)
        return np.asarray(np.where(live & (amt > 0), done, _NEVER))

    def rights(
        completion: I64, usable: npt.NDArray[np.bool_], until: I64, reminder: I64
    ) -> tuple[I64, I64, I64]:
        """First day of each release right on or before ``until`` (Art. 38, §17 late, §17 unpaid)."""
        j_need = judicial_all[sl]
        g_ok = g_unpaid_ok_all[sl]
        g_need = g_unpaid_all[sl]
        # a guidance ground counts from the guidance's issue (``g_since``): met earlier, it
        # arises on that day only if it still holds then
        g_since = g_since_all[sl]
        gs = g_since[:, None]
        in_time = (g_since <= until)[:, None]
        if opts.unpaid_counting is UnpaidCounting.INSTALMENTS:
            day = due + 1
            shift = 1 << 23
            ckeys = (rows_c[:, None] * shift + np.minimum(completion, shift - 1)).reshape(-1)
            qkeys = rows_c[:, None] * shift + np.minimum(due, shift - 1)
            k = np.searchsorted(ckeys, qkeys, side="right") - rows_c[:, None] * width
            count = np.maximum(cols[None, :] + 1 - k, 0)
            ok = usable & (day <= until[:, None])
            r_j = np.where(ok & (count >= j_need[:, None]), day, _NEVER).min(axis=1, initial=_NEVER)
            r_g = np.where(ok & (day > gs) & (count >= g_need[:, None] + 1), day, _NEVER).min(
                axis=1, initial=_NEVER
            )
            at_since = (usable & in_time & (due < gs) & (completion >= gs)).sum(axis=1)
            r_g = np.where(at_since >= g_need + 1, g_since, r_g)
        else:
            safe_due = np.where(live, due, t[:, None])
            day_j = table.add(safe_due, j_need[:, None]) + 1
            day_g = np.maximum(table.add(safe_due, g_need[:, None]) + 1, gs)
            ok_j = usable & (day_j <= until[:, None]) & (completion > day_j - 1)
            ok_g = usable & (day_g <= until[:, None]) & (completion > day_g - 1)
            r_j = np.where(ok_j, day_j, _NEVER).min(axis=1, initial=_NEVER)
            r_g = np.where(ok_g, day_g, _NEVER).min(axis=1, initial=_NEVER)
        r_g = np.where(g_ok & (r_g <= until), r_g, _NEVER)
        gl_ok = g_late_ok_all[sl] & (reminder > 0)
        if bool(gl_ok.any()):
            safe_due = np.where(live, due, t[:, None])
            late_from = table.add(safe_due, g_late_all[sl][:, None]) + 1
            earliest = due + 1 if opts.reminder_timing is ReminderTiming.AFTER_DUE else late_from
            rem = reminder[:, None]
            day_l = np.maximum(np.maximum(late_from, rem + cure_all[sl][:, None] + 1), gs)
            ok_l = usable & (rem >= earliest) & (day_l <= until[:, None]) & (completion > day_l - 1)
            r_l = np.where(ok_l & gl_ok[:, None], day_l, _NEVER).min(axis=1, initial=_NEVER)
        else:
            r_l = np.full(c, _NEVER, dtype=np.int64)
        return r_j, r_l, r_g

    completion = completion_of(amount, cum)
    scheduled = amount
    reminder = data.reminder[sl]
    # an employer release or a rescission (on or before as_of, within the period) ends the
    # restriction; same-day order as the fold: payments, release, rescission
    rel = release_all[sl]
    res = rescission_all[sl]
    rel_ok = (rel > 0) & (rel <= a) & (rel <= sched_end)
    res_try = (res > 0) & (res <= a) & (res <= sched_end) & ~(rel_ok & (rel <= res))
    res_eff = np.zeros(c, dtype=bool)
    if bool(res_try.any()):
        pre = rights(completion, live & (amount > 0), np.where(res_try, res, 0), reminder)
        res_eff = res_try & (np.minimum(np.minimum(pre[0], pre[1]), pre[2]) <= res)
    rel_app = rel_ok & ~res_eff
    ended = rel_app | res_eff
    free = np.where(res_eff, res, np.where(rel_app, np.maximum(rel, t + 1), 0))
    extra = np.zeros(c, dtype=np.int64)
    extra_paid = np.zeros(c, dtype=np.int64)
    cut_paid_before = np.zeros(c, dtype=np.int64)
    if bool(ended.any()):
        f = free[:, None]
        if opts.partial_month is PartialMonth.PRO_RATA_DAYS:
            part = (2 * amount * (f - starts) + (ends - starts + 1)) // (2 * (ends - starts + 1))
        else:
            part = amount
        cut_amount = np.where(starts >= f, 0, np.where(ends >= f, part, amount))
        amount = np.where(ended[:, None] & live, cut_amount, amount)
        cum = np.cumsum(amount, axis=1)
        completion = completion_of(amount, cum)
        # extra compensation of an employer release (Interp. (I) Art. 39)
        monthly = scheduled[rows_c, np.argmax(live & (ends >= rel[:, None]), axis=1)]
        during = rel > t
        statutory = np.where(
            during | opts.extra_on_pre_period_release, extra_months_all[sl] * monthly, 0
        )
        negotiated = negotiated_all[sl]
        extra = np.where(rel_app, np.where(negotiated > 0, negotiated, statutory), 0)
        # payments on or before the ending day came before it; later ones fill the rest of
        # the instalments, then the extra compensation; the rest is a credit
        day_end = np.where(res_eff, res, rel)
        if pfen.size:
            dkeys = lr * (1 << 23) + np.clip(pdate, 0, (1 << 23) - 1)
            upto = np.searchsorted(dkeys, rows_c * (1 << 23) + day_end, side="right")
            cut_paid_before = np.where(
                ended & (upto > first), cum_local[np.maximum(upto - 1, 0)], 0
            )
    total_new = cum[:, -1] if width else np.zeros(c, dtype=np.int64)
    alloc_before = np.minimum(cut_paid_before, total_new)
    after = total_paid - cut_paid_before
    alloc = np.where(
        ended,
        alloc_before + np.minimum(after, total_new - alloc_before),
        np.minimum(total_paid, total_new),
    )
    left_after = np.where(ended, after - (alloc - alloc_before), 0)
    extra_paid = np.minimum(extra, left_after)
    unallocated = total_paid - alloc - extra_paid
    prev = cum - amount
    paid = np.clip(alloc[:, None] - prev, 0, amount)
    outstanding = amount - paid
    cancelled = live & (amount == 0)
    # statuses as of
    overdue = due < a[:, None]
    status = np.where(
        outstanding == 0,
        np.where(completion <= due, _PAID, _PAID_LATE),
        np.where(~overdue, _NOT_YET, np.where(paid > 0, _PARTLY, _OVERDUE)),
    )
    status = np.where(cancelled, _CANCELLED, status)
    status = np.where(live, status, -1).astype(np.int8)
    last_restricted = np.where(res_eff, res, np.where(rel_app, free - 1, sched_end))
    until = np.minimum(a, last_restricted)
    r_j, r_l, r_g = rights(completion, live & (amount > 0), until, reminder)
    extra_due = rel + pay_days_all[sl]
    extra_arrears = np.where((extra > 0) & (extra_due < a), extra - extra_paid, 0)
    # write back
    due_m[sl] = np.where(live, due, 0)
    amt_m[sl] = amount
    paid_m[sl] = paid
    status_m[sl] = status
    out["total_scheduled"][sl] = total_new
    out["total_fallen_due"][sl] = np.where(due <= a[:, None], amount, 0).sum(axis=1)
    out["total_paid"][sl] = total_paid
    out["arrears"][sl] = np.where(overdue, outstanding, 0).sum(axis=1) + extra_arrears
    out["unallocated"][sl] = unallocated
    out["scheduled_end"][sl] = sched_end
    free_since = np.where(ended, free, sched_end + 1)
    out["free_since"][sl] = np.where(free_since <= a, free_since, 0)
    out["release_extra"][sl] = extra
    out["release_extra_paid"][sl] = extra_paid
    ended_by_m[sl] = np.where(
        res_eff, _ENDED_RESCISSION, np.where(rel_app, _ENDED_RELEASE, _ENDED_SCHEDULED)
    )
    for name, values in (
        ("right_unpaid_three_months", r_j),
        ("right_late_after_reminder", r_l),
        ("right_unpaid_over_three_months", r_g),
    ):
        out[name][sl] = np.where(values >= _NEVER, 0, values)
    bound[sl] = (t < a) & (a < free_since)


# -- adapters ---------------------------------------------------------------------------------


def pd_isna(value: object) -> bool:
    """True for NaN/NaT-like missing values."""
    try:
        return bool(value != value)  # noqa: PLR0124 - NaN and NaT are not equal to themselves
    except (TypeError, ValueError):
        return False


def _ordinals(values: Any) -> I64:
    arr = np.asarray(values)
    if arr.dtype.kind == "M":
        days = arr.astype("datetime64[D]")
        nat = np.isnat(days)
        out = days.astype(np.int64) + _EPOCH
        out[nat] = 0
        return out
    if arr.dtype.kind in "iu":
        return arr.astype(np.int64)
    out = np.zeros(arr.shape[0], dtype=np.int64)
    for k, v in enumerate(arr.tolist()):
        if v is None or pd_isna(v):  # None or NaN/NaT
            continue
        out[k] = pendulum.Date(v.year, v.month, v.day).toordinal()
    return out


_AGREEMENT_COLUMNS: Final = frozenset(
    {
        "agreement_id",
        "termination_date",
        "months",
        "region",
        "agreed_fen",
        "average_wage_fen",
        "reminder_date",
        "activation_reserved",
        "release_date",
        "release_negotiated_fen",
        "rescission_date",
    }
)
_PAYMENT_COLUMNS: Final = frozenset({"agreement_id", "date", "amount_fen", "instalment"})
_EVENT_COLUMNS: Final = frozenset({"agreement_id", "kind", "date"})
_REQUIRED_AGREEMENT: Final = frozenset(
    {"agreement_id", "termination_date", "months", "region", "agreed_fen", "average_wage_fen"}
)
_REQUIRED_PAYMENT: Final = _PAYMENT_COLUMNS - {"instalment"}
#: Event kinds of the ``events`` table (the names of :class:`CompensationLedger` fields).
_EVENT_KINDS: Final = frozenset(
    {
        "payments",
        "reminders",
        "deferrals",
        "employee_delays",
        "activations",
        "waivers",
        "employer_releases",
        "rescissions",
        "breaches",
        "penalty_payments",
    }
)


def _check_columns(
    frame: DataFrame, name: str, known: frozenset[str], required: frozenset[str]
) -> list[Problem]:
    columns = [str(c) for c in frame.columns]
    problems = [
        Problem.of(
            f"{name}.{column}",
            column,
            "not a column the batch path reads (it would be ignored); supported: "
            + ", ".join(sorted(known)),
        )
        for column in columns
        if column not in known
    ]
    problems += [
        Problem.of(f"{name}.{column}", None, "required column missing")
        for column in sorted(required - set(columns))
    ]
    return problems


def batch_from_pandas(
    agreements: DataFrame, payments: DataFrame, events: DataFrame | None = None
) -> BatchInput:
    """
    Build a :class:`BatchInput` from DataFrames.

    ``agreements`` columns: ``agreement_id``, ``termination_date``, ``months``, ``region``,
    ``agreed_fen`` (0 = none), ``average_wage_fen`` (0 = unknown), and optionally
    ``reminder_date``, ``release_date`` (employer release), ``rescission_date`` (NaT =
    none), ``release_negotiated_fen`` (0 = the statutory extra months) and
    ``activation_reserved`` (bool; a True row is reported: the batch path has no
    activation decisions). ``payments`` columns:
    ``agreement_id``, ``date``, ``amount_fen``, optionally ``instalment`` (a payment that
    names one is reported: the batch allocates oldest first only). ``events`` (optional):
    ``agreement_id``, ``kind`` (a :class:`~tradesecret.ledger.CompensationLedger` field
    name: ``reminders``, ``employer_releases``, ``rescissions``, ``waivers``...), ``date``;
    a reminder, an employer release (statutory extra months unless the agreements table
    gives a negotiated amount) or a rescission fills its date (a second one of a kind for
    the same agreement is reported), every other kind is reported for its row. Dates may be ``datetime64`` or ``date`` objects.

    A payment or event whose ``agreement_id`` is unknown is a :class:`RowError` with row
    ``-1``.

    Raises:
        InvalidInputError: a column the batch path does not read, or a required one missing.
    """
    pd = importlib.import_module("pandas")
    problems = _check_columns(agreements, "agreements", _AGREEMENT_COLUMNS, _REQUIRED_AGREEMENT)
    problems += _check_columns(payments, "payments", _PAYMENT_COLUMNS, _REQUIRED_PAYMENT)
    if events is not None:
        problems += _check_columns(events, "events", _EVENT_COLUMNS, _EVENT_COLUMNS)
    if problems:
        raise InvalidInputError(problems)
    ids = agreements["agreement_id"].astype(str)
    index = pd.Index(ids)
    pay_row = np.asarray(index.get_indexer(payments["agreement_id"].astype(str)), dtype=np.int64)
    n = len(agreements)

    def optional_dates(column: str) -> I64:
        if column in agreements:
            return _ordinals(agreements[column].to_numpy())
        return np.zeros(n, dtype=np.int64)

    filled = {
        "reminders": optional_dates("reminder_date"),
        "employer_releases": optional_dates("release_date"),
        "rescissions": optional_dates("rescission_date"),
    }
    reminder = filled["reminders"]
    negotiated = (
        agreements["release_negotiated_fen"].fillna(0).to_numpy().astype(np.int64)
        if "release_negotiated_fen" in agreements
        else np.zeros(n, dtype=np.int64)
    )
    unsupported: list[tuple[int, str]] = []
    if "activation_reserved" in agreements:
        reserved = agreements["activation_reserved"].fillna(False).to_numpy(dtype=bool)
        unsupported += [
            (row, "activation reserved: evaluate with evaluate_compensation")
            for row in np.flatnonzero(reserved).tolist()
        ]
    if "instalment" in payments:
        named = ~payments["instalment"].isna().to_numpy()
        unsupported += [
            (row, "a payment naming an instalment: evaluate with evaluate_compensation")
            for row in pay_row[named & (pay_row >= 0)].tolist()
        ]
    if events is not None and len(events):
        ev_row = np.asarray(index.get_indexer(events["agreement_id"].astype(str)), dtype=np.int64)
        ev_date = _ordinals(events["date"].to_numpy())
        kinds = events["kind"].astype(str).tolist()
        for k, (row, kind, day) in enumerate(
            zip(ev_row.tolist(), kinds, ev_date.tolist(), strict=True)
        ):
            if row < 0:
                unsupported.append((-1, f"event {k} names no known agreement"))
                continue
            if kind in filled:
                column = filled[kind]
                if column[row] and column[row] != day:
                    unsupported.append(
                        (row, f"more than one of {kind}: evaluate with evaluate_compensation")
                    )
                column[row] = day if not column[row] else min(column[row], day)
            elif kind == "payments":
                unsupported.append((row, "payments belong in the payments table"))
            elif kind in _EVENT_KINDS:
                reason = f"event kind {kind!r} is not supported by the batch path"
                unsupported.append((row, f"{reason}: evaluate with evaluate_compensation"))
            else:
                unsupported.append((row, f"unknown event kind {kind!r}"))
    return BatchInput(
        termination=_ordinals(agreements["termination_date"].to_numpy()),
        months=agreements["months"].to_numpy(),
        region=agreements["region"].to_numpy(dtype=object),
        agreed_fen=agreements["agreed_fen"].to_numpy(),
        average_wage_fen=agreements["average_wage_fen"].to_numpy(),
        reminder=reminder,
        pay_row=pay_row,
        pay_date=_ordinals(payments["date"].to_numpy()),
        pay_fen=payments["amount_fen"].to_numpy(),
        agreement_id=ids.to_numpy(dtype=object),
        unsupported=tuple(unsupported),
        release=filled["employer_releases"],
        release_negotiated_fen=negotiated,
        rescission=filled["rescissions"],
    )


def batch_from_arrow(
    agreements: ArrowTable, payments: ArrowTable, events: ArrowTable | None = None
) -> BatchInput:
    """:func:`batch_from_pandas` for Arrow tables (same columns)."""
    return batch_from_pandas(
        agreements.to_pandas(),
        payments.to_pandas(),
        None if events is None else events.to_pandas(),
    )
