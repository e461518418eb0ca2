"""The batch evaluation: checks per row, parameters as vectors, the kernel, the exact path."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import numpy.typing as npt

from tradesecret.dates import to_date
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.ledger import _batch_kernel as kernel
from tradesecret.ledger._batch_columns import INVALID, RowError, column, problem
from tradesecret.ledger._batch_params import (
    EPOCH,
    MinimumWages,
    MonthTable,
    int_param,
    ratio_param,
    since_of,
)
from tradesecret.ledger.options import CuredArrears, LedgerOptions
from tradesecret.ledger.rules import MAX_FEN, MAX_MONTHS, default_share_fen, period_fits
from tradesecret.rulebook import Rulebook, default_rulebook

if TYPE_CHECKING:
    from tradesecret.ledger.batch import BatchInput

I64 = npt.NDArray[np.int64]
Bool = npt.NDArray[np.bool_]

_CHUNK: Final = 1 << 12
#: Ordinal of 9999-12-31, the last date a termination can be.
_MAX_ORDINAL: Final = 3652059
_EXTRA_OUTPUTS: Final = ("compensation_to_return", "penalty_paid", "breach_from")


_NOT_AN_INTEGER: Final = "not an integer in range"
_ABOVE_FEN: Final = "above the accepted maximum of {limit} fen"


def _given(reason: str) -> Problem:
    """A reason the caller gave (``BatchInput.unsupported``) as a problem of its row."""
    return Problem(path="", value="", reason=reason)  # template: passed through


class _Flags:
    """Problems per invalid row."""

    def __init__(self) -> None:
        self.bad: dict[int, list[Problem]] = {}
        self.orphans: list[RowError] = []

    def flag(self, mask: Bool, found: Problem) -> None:
        for row in np.flatnonzero(mask).tolist():
            self.bad.setdefault(row, []).append(found)

    def mask(self, n: int) -> Bool:
        out = np.zeros(n, dtype=bool)
        if self.bad:
            out[np.fromiter(self.bad, dtype=np.int64)] = True
        return out


def _as_of(data: BatchInput, as_of: object) -> I64:
    n = data.size
    if isinstance(as_of, np.ndarray):
        arr = column(as_of)
        if arr.shape[0] != n:
            raise InvalidInputError.single(
                "as_of", arr.shape[0], "expected {count} values", count=n
            )
        return arr
    return np.full(n, to_date(as_of, path="as_of").toordinal(), dtype=np.int64)


def _opt(values: I64 | None, n: int, default: int = 0) -> I64:
    return values if values is not None else np.full(n, default, dtype=np.int64)


def _check_values(data: BatchInput, a: I64, flags: _Flags) -> None:
    """Each value an integer in its range; dates real days; a wage base where needed."""
    n = data.size
    amount_columns = {
        "agreed_fen": (data.agreed_fen, problem("", "", "negative agreed amount")),
        "average_wage_fen": (data.average_wage_fen, problem("", "", "negative average wage")),
        "release_negotiated_fen": (
            _opt(data.release_negotiated_fen, n),
            problem("", "", "negative negotiated release amount"),
        ),
        "wage_total_fen": (_opt(data.wage_total_fen, n), problem("", "", "negative wage total")),
        "penalty_fen": (_opt(data.penalty_fen, n), problem("", "", "negative penalty")),
    }
    for name, (values, negative) in amount_columns.items():
        flags.flag(values == INVALID, problem(name, "", _NOT_AN_INTEGER))
        flags.flag((values != INVALID) & (values < 0), negative)
        flags.flag(values > MAX_FEN, problem(name, "", _ABOVE_FEN, limit=MAX_FEN))
    months = data.months
    flags.flag(months == INVALID, problem("months", "", _NOT_AN_INTEGER))
    flags.flag((months != INVALID) & (months < 1), problem("", "", "months must be positive"))
    flags.flag(
        months > MAX_MONTHS,
        problem("months", "", "above the accepted maximum of {limit}", limit=MAX_MONTHS),
    )
    wage_months = _opt(data.wage_months, n, 12)
    flags.flag(
        (wage_months < 1) | (wage_months > MAX_MONTHS),
        problem("wage_months", "", "not in 1..{months}", months=MAX_MONTHS),
    )
    t = data.termination
    flags.flag((t < 1) | (t > _MAX_ORDINAL), problem("", "", "termination date out of range"))
    flags.flag((a < 1) | (a > _MAX_ORDINAL), problem("", "", "as_of out of range"))
    for name, values in (
        ("reminder", data.reminder),
        ("release", _opt(data.release, n)),
        ("rescission", _opt(data.rescission, n)),
    ):
        flags.flag(values == INVALID, problem(name, "", _NOT_AN_INTEGER))
        flags.flag(
            (values != INVALID) & (values < 0), problem("", "", "negative {name} date", name=name)
        )
        flags.flag(values > _MAX_ORDINAL, problem(name, "", "not a date"))
    wage = np.where(_opt(data.wage_total_fen, n) > 0, 1, data.average_wage_fen)
    flags.flag(
        (data.agreed_fen == 0) & (wage <= 0),
        problem("", "", "no agreed amount and no average wage"),
    )


def exact_rows(data: BatchInput) -> Bool:
    """Rows the columnar kernel does not compute: events of other kinds, reserved activation."""
    out = np.zeros(data.size, dtype=bool)
    if data.events:
        out[np.array([row for row, _ in data.events], dtype=np.int64)] = True
    if data.activation_reserved is not None:
        out |= data.activation_reserved
    return out


def _sorted_by_row_and_date(prow: I64, pdate: I64) -> bool:
    """True when payments already come ordered by row, then date (an HR export usually does)."""
    if prow.size < 2:
        return True
    step = np.diff(prow)
    if bool((step < 0).any()):
        return False
    same = step == 0
    return bool((pdate[1:][same] >= pdate[:-1][same]).all())


def _payments(data: BatchInput, a: I64, flags: _Flags) -> kernel.Paid:
    """Payments ordered by row then date, orphans and bad amounts reported; per-row offsets."""
    n = data.size
    prow, pdate, pfen = data.pay_row, data.pay_date, data.pay_fen
    in_range = (prow >= 0) & (prow < n)
    if not bool(in_range.all()):
        flags.orphans += [
            RowError.of(-1, None, [problem("", "", "payment {index} names no known row", index=k)])
            for k in np.flatnonzero(~in_range).tolist()
        ]
        prow, pdate, pfen = prow[in_range], pdate[in_range], pfen[in_range]
    bad_date = (pdate < 1) | (pdate > _MAX_ORDINAL)
    if not _sorted_by_row_and_date(prow, pdate):
        key = prow * (1 << 23) + np.clip(pdate, 0, (1 << 23) - 1)
        order = np.argsort(key, kind="stable")
        prow, pdate, pfen, bad_date = prow[order], pdate[order], pfen[order], bad_date[order]
    checks = (
        (pfen == INVALID, problem("", "", "a payment amount that is not an integer in range")),
        (
            (pfen <= 0) & (pfen != INVALID),
            problem("", "", "a payment with a negative or zero amount"),
        ),
        (
            pfen > MAX_FEN,
            problem("", "", "a payment above the accepted maximum of {limit} fen", limit=MAX_FEN),
        ),
        (bad_date, problem("", "", "a payment date that is not a date")),
        (
            ~bad_date & (pdate < data.termination[prow]),
            problem("", "", "a payment before the termination date"),
        ),
    )
    for mask, reason in checks:
        rows = prow[mask]
        if rows.size:
            flags.flag(np.isin(np.arange(n), rows), reason)
    # payments after as_of are ignored; bad amounts are neutralised (the row is reported)
    keep = (pdate <= a[prow]) & (pfen > 0) & (pfen <= MAX_FEN) & ~bad_date
    if not bool(keep.all()):  # a copy only when something is dropped
        prow, pdate, pfen = prow[keep], pdate[keep], pfen[keep]
    counts = np.bincount(prow, minlength=n)
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    has = counts > 0
    heads = offsets[:-1][has]
    cum = np.cumsum(pfen)
    cum -= np.repeat(cum[heads] - pfen[heads], counts[has])  # running total within each row
    total = np.zeros(n, dtype=np.int64)
    total[has] = cum[offsets[1:][has] - 1]
    return kernel.Paid(offsets=offsets, date=pdate, cum=cum, total=total)


def _vectors(
    data: BatchInput, a: I64, rb: Rulebook, flags: _Flags
) -> tuple[kernel.Vectors, list[str]]:
    """Parameters in force per row, as vectors; coverage and region checks."""
    n = data.size
    t = np.where(
        (data.termination >= 1) & (data.termination <= _MAX_ORDINAL), data.termination, EPOCH
    )
    a_ok = np.where((a >= 1) & (a <= _MAX_ORDINAL), a, EPOCH)
    codes_idx, codes = _factorize(data.region)
    known = np.array([code in rb.regions for code in codes], dtype=bool)
    flags.flag(
        ~known[codes_idx] if codes else np.zeros(n, dtype=bool),
        problem("", "", "unknown region code"),
    )
    cap, cap_ok = int_param(rb, "noncompete.max_post_term_months", t)
    offset, off_ok = int_param(rb, "ledger.due_offset_days", t)
    judicial, jud_ok = int_param(rb, "noncompete.release_unpaid_months", t)
    cure, cure_ok = int_param(rb, "ledger.reminder_cure_days", t)
    g_unpaid, g_unpaid_ok = int_param(rb, "noncompete.guidance_release_unpaid_months", a_ok)
    g_late, g_late_ok = int_param(rb, "noncompete.guidance_release_late_months", a_ok)
    extra_months, extra_ok = int_param(rb, "noncompete.employer_release_extra_months", t)
    pay_days, pay_days_ok = int_param(rb, "ledger.employer_release_payment_days", t)
    coverage = cap_ok & off_ok & jud_ok & cure_ok & extra_ok & pay_days_ok
    coverage &= int_param(rb, "ledger.employee_delay_grace_days", t)[1]
    before = problem("", "", "termination date before the data's coverage")
    flags.flag(~coverage, before)
    r_num, r_den, ratio_ok = ratio_param(rb, "noncompete.default_ratio", t)
    flags.flag((data.agreed_fen == 0) & ~ratio_ok, before)
    months = np.clip(np.minimum(data.months, cap), 0, None)
    t_date = (t - EPOCH).astype("datetime64[D]")
    ym = t_date.astype("datetime64[M]").astype(np.int64) + 1970 * 12
    fits = period_fits(ym // 12, ym % 12 + 1, months)
    flags.flag(~fits, problem("", "", "the restriction period would run past the year 9999"))
    total = _opt(data.wage_total_fen, n)
    use_total = total > 0
    vectors = kernel.Vectors(
        t=t, as_of=a_ok, months=months, offset=offset, judicial=judicial, cure=cure,
        g_unpaid=g_unpaid, g_unpaid_ok=g_unpaid_ok,
        g_since=since_of(rb, "noncompete.guidance_release_unpaid_months", a_ok),
        g_late=g_late, g_late_ok=g_late_ok, r_num=r_num, r_den=r_den, region=codes_idx,
        agreed=np.maximum(data.agreed_fen, 0),
        wage=np.where(use_total, total, np.maximum(data.average_wage_fen, 0)),
        wage_div=np.where(use_total, np.clip(_opt(data.wage_months, n, 12), 1, None), 1),
        reminder=np.maximum(data.reminder, 0),
        release=np.maximum(_opt(data.release, n), 0),
        negotiated=np.maximum(_opt(data.release_negotiated_fen, n), 0),
        rescission=np.maximum(_opt(data.rescission, n), 0),
        extra_months=extra_months, pay_days=pay_days,
    )  # fmt: skip
    return vectors, [codes[i] if known[i] else "" for i in range(len(codes))]


def _factorize(region: npt.NDArray[Any]) -> tuple[I64, list[str]]:
    """Region codes as small integer codes: one hash pass, no sort of the strings."""
    values = region.tolist()
    try:
        index = {code: k for k, code in enumerate(dict.fromkeys(values))}
    except TypeError:  # an unhashable entry: compare the strings instead
        values = [str(v) for v in values]
        index = {code: k for k, code in enumerate(dict.fromkeys(values))}
    codes = np.fromiter(map(index.__getitem__, values), dtype=np.int64, count=len(values))
    return codes, [code if isinstance(code, str) else "" for code in index]


def _money_dtype(v: kernel.Vectors, valid: Bool, mw: MinimumWages) -> type[np.signedinteger[Any]]:
    """int32 for the instalment matrices when no instalment of the batch can reach 2**31 fen."""
    share = default_share_fen(v.wage[valid], v.wage_div[valid], v.r_num[valid], v.r_den[valid])
    largest = max(
        int(v.agreed[valid].max(initial=0)),
        int(share.max(initial=0)),
        max((int(values.max(initial=0)) for _, values in mw.tables.values()), default=0),
    )
    return np.int32 if largest < 2**31 else np.int64


def _outputs(n: int, width: int, money: type[np.signedinteger[Any]]) -> kernel.Outputs:
    return kernel.Outputs(
        due=np.zeros((n, width), dtype=np.int32),
        amount=np.zeros((n, width), dtype=money),
        paid=np.zeros((n, width), dtype=money),
        status=np.full((n, width), -1, dtype=np.int8),
        vectors={
            name: np.zeros(n, dtype=np.int64)
            for name in (*kernel.VECTOR_OUTPUTS, *_EXTRA_OUTPUTS, "in_service_breaches")
        },
        bound=np.zeros(n, dtype=bool),
        ended_by=np.zeros(n, dtype=np.int8),
    )


def _run_kernel(env: kernel.Env, rows: I64) -> None:
    """The kernel over ``rows``, sorted by period length, chunk by chunk."""
    if rows.size == 0:
        return
    rows = rows[np.argsort(env.v.months[rows], kind="stable")]
    for r0 in range(0, rows.size, _CHUNK):
        kernel.run(env, rows[r0 : r0 + _CHUNK])


def _month_table(v: kernel.Vectors, rows: I64, width: int) -> MonthTable:
    if rows.size == 0:
        return MonthTable(EPOCH, EPOCH, 1)
    t = v.t[rows]
    months_extra = int(
        max(v.judicial.max(initial=0), v.g_unpaid.max(initial=0), v.g_late.max(initial=0))
    )
    return MonthTable(
        int(t.min()),
        int(t.max()) + 31 * (width + 1) + int(np.abs(v.offset[rows]).max(initial=0)) + 1,
        months_extra + width + 2,
    )


def run_batch(
    data: BatchInput, *, as_of: object, options: LedgerOptions | None, rulebook: Rulebook | None
) -> dict[str, Any]:
    """Every field of the :class:`~tradesecret.ledger.BatchResult`."""
    rb = rulebook if rulebook is not None else default_rulebook()
    opts = options if options is not None else LedgerOptions()
    if opts.cured_arrears is not CuredArrears.RIGHT_REMAINS:
        raise InvalidInputError.single(
            "options.cured_arrears",
            opts.cured_arrears.value,
            "the batch path implements RIGHT_REMAINS only; use evaluate_compensation",
        )
    n = data.size
    a = _as_of(data, as_of)
    flags = _Flags()
    for row, reason in data.unsupported:
        found = reason if isinstance(reason, Problem) else _given(reason)
        if row < 0:
            flags.orphans.append(RowError.of(-1, None, [found]))
        else:
            flags.bad.setdefault(row, []).append(found)
    _check_values(data, a, flags)
    paid = _payments(data, a, flags)
    v, codes = _vectors(data, a, rb, flags)
    invalid = flags.mask(n)
    exact = exact_rows(data) & ~invalid
    rows = np.flatnonzero(~invalid & ~exact)
    width = int(v.months[~invalid].max(initial=0))
    table = _month_table(v, rows, width)
    mw = MinimumWages(rb, codes, np.array([bool(c) for c in codes], dtype=bool), table.lo, table.hi)
    out = _outputs(n, width, _money_dtype(v, ~invalid, mw))
    env = kernel.Env(
        v=v, paid=paid, table=table, mw=mw, opts=opts, out=out, bad=flags.bad, exact=set()
    )
    _run_kernel(env, rows)
    exact_set = sorted(set(np.flatnonzero(exact).tolist()) | env.exact)
    if exact_set:  # the object path loads only for a batch that has such rows
        exact_path: Any = importlib.import_module("tradesecret.ledger._batch_exact")
        exact_path.run_exact(data, exact_set, as_of=a, opts=opts, rb=rb, out=out, bad=flags.bad)
    return _finish(data, a, v, out=out, flags=flags, exact=exact_set)


def _finish(
    data: BatchInput,
    a: I64,
    v: kernel.Vectors,
    *,
    out: kernel.Outputs,
    flags: _Flags,
    exact: list[int],
) -> dict[str, Any]:
    n = data.size
    valid = ~flags.mask(n)
    rows = np.flatnonzero(~valid)
    if rows.size:
        for matrix in (out.due, out.amount, out.paid):
            matrix[rows] = 0
        out.status[rows] = -1
        for vector in out.vectors.values():
            vector[rows] = 0
        out.bound[rows] = False
        out.ended_by[rows] = 0
    ids = data.agreement_id
    errors = tuple(
        RowError.of(row, None if ids is None else str(ids[row]), flags.bad[row])
        for row in sorted(flags.bad)
    ) + tuple(flags.orphans)
    exact_path = np.zeros(n, dtype=bool)
    exact_path[np.array(exact, dtype=np.int64)] = True
    return {
        "as_of": a,
        "valid": valid,
        "errors": errors,
        "months": np.where(valid, v.months, 0),
        "due": out.due,
        "amount": out.amount,
        "paid": out.paid,
        "status": out.status,
        "bound": out.bound,
        "ended_by": out.ended_by,
        "exact_path": exact_path & valid,
        **out.vectors,
    }
