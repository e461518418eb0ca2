"""
The batch kernel: one chunk of agreements (rows of similar period length) at a time.

Every amount is integer fen and every date a day ordinal; the arithmetic rules (the
default share, pro rata, half-up rounding) are the functions of
:mod:`tradesecret.ledger.rules` that the object path calls too. Only the cells inside each
schedule are computed: :func:`run` is given rows sorted by period length, so each chunk's
matrices are as wide as its longest schedule.
"""

from __future__ import annotations

from typing import Any, Final, NamedTuple

import numpy as np
import numpy.typing as npt

from tradesecret.exceptions import Problem
from tradesecret.ledger._batch_columns import problem
from tradesecret.ledger._batch_params import NEVER, MinimumWages, MonthTable
from tradesecret.ledger._codes import EndedBy, InstalmentStatus
from tradesecret.ledger.options import (
    DueConvention,
    LedgerOptions,
    MinimumWageMonth,
    PartialMonth,
    ReminderTiming,
    UnpaidCounting,
)
from tradesecret.ledger.rules import default_share_fen, pro_rata_fen

I64 = npt.NDArray[np.int64]
Bool = npt.NDArray[np.bool_]
#: Instalment amounts in fen: int32 when every amount of the batch fits, else int64.
Money = npt.NDArray[np.signedinteger[Any]]

#: Separates rows in merged search keys: a chunk has fewer than 2**12 rows, and a row whose
#: cumulative amounts reach 2**50 fen goes through the exact object path instead.
SHIFT: Final = 1 << 50
_DAY_SHIFT: Final = 1 << 23

_PAID = InstalmentStatus.PAID.code
_PAID_LATE = InstalmentStatus.PAID_LATE.code
_PARTLY = InstalmentStatus.PARTLY_PAID.code
_OVERDUE = InstalmentStatus.OVERDUE.code
_NOT_YET = InstalmentStatus.NOT_YET_DUE.code
_CANCELLED = InstalmentStatus.CANCELLED.code
_ENDED_SCHEDULED = list(EndedBy).index(EndedBy.SCHEDULED_END)
_ENDED_RELEASE = list(EndedBy).index(EndedBy.EMPLOYER_RELEASE)
_ENDED_RESCISSION = list(EndedBy).index(EndedBy.RESCISSION)

VECTOR_OUTPUTS: Final = (
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


class Vectors(NamedTuple):
    """Per-row inputs and parameters of every row (length n), already checked."""

    t: I64
    as_of: I64
    months: I64
    offset: I64
    judicial: I64
    cure: I64
    g_unpaid: I64
    g_unpaid_ok: Bool
    g_since: I64
    g_late: I64
    g_late_ok: Bool
    r_num: I64
    r_den: I64
    region: I64
    agreed: I64
    wage: I64
    wage_div: I64
    reminder: I64
    release: I64
    negotiated: I64
    rescission: I64
    extra_months: I64
    pay_days: I64


class Paid(NamedTuple):
    """Payments sorted by row then date: row offsets, dates, running totals per row."""

    offsets: I64
    date: I64
    cum: I64
    total: I64


class Outputs(NamedTuple):
    """The result arrays the chunks write into."""

    due: npt.NDArray[np.int32]
    amount: Money
    paid: Money
    status: npt.NDArray[np.int8]
    vectors: dict[str, I64]
    bound: Bool
    ended_by: npt.NDArray[np.int8]


class Env(NamedTuple):
    """What every chunk shares."""

    v: Vectors
    paid: Paid
    table: MonthTable
    mw: MinimumWages
    opts: LedgerOptions
    out: Outputs
    bad: dict[int, list[Problem]]
    exact: set[int]


class _Chunk:
    """The arrays of one chunk, filled step by step."""

    # schedule
    starts: I64
    ends: I64
    amount: I64
    scheduled: I64
    due: I64
    cum: I64
    sched_end: I64
    # payments
    first: I64
    last: I64
    lr: I64
    pdate: I64
    pcum: I64
    keys: I64
    total_paid: I64
    exact_rows: I64
    completion: I64
    # endings
    res_eff: Bool
    rel_app: Bool
    ended: Bool
    free: I64
    extra: I64
    cut_paid_before: I64
    # allocation
    extra_paid: I64
    unallocated: I64
    paid: I64
    outstanding: I64
    overdue: Bool
    status: npt.NDArray[np.int8]
    total_new: I64

    def __init__(self, env: Env, rows: I64) -> None:
        v = env.v
        self.env = env
        self.rows = rows
        self.c = rows.shape[0]
        self.rc = np.arange(self.c, dtype=np.int64)
        self.t = v.t[rows]
        self.a = v.as_of[rows]
        self.months = v.months[rows]
        self.width = int(self.months.max(initial=0))
        self.cols = np.arange(self.width, dtype=np.int64)
        self.live = self.cols[None, :] < self.months[:, None]


def run(env: Env, rows: I64) -> None:
    """Evaluate the agreements ``rows`` (sorted by period length; fewer than 2**12)."""
    ch = _Chunk(env, rows)
    if ch.width == 0:
        return
    _schedule(ch)
    _payments(ch)
    if ch.exact_rows.size:
        env.exact.update((rows[ch.exact_rows]).tolist())
    _endings(ch)
    _allocate(ch)
    _write(ch)


def _schedule(ch: _Chunk) -> None:
    """Periods, due dates and amounts (agreed, or the Art. 36 default month by month)."""
    env, rows = ch.env, ch.rows
    v, opts = env.v, env.opts
    ends = env.table.add(ch.t[:, None], (ch.cols + 1)[None, :])
    starts = np.empty_like(ends)
    starts[:, 0] = ch.t + 1
    starts[:, 1:] = ends[:, :-1] + 1
    anchor = ends if opts.due_convention is DueConvention.END_OF_PERIOD else starts
    due = anchor + v.offset[rows][:, None]
    agreed = v.agreed[rows]
    amount = np.broadcast_to(agreed[:, None], ends.shape)
    need = np.flatnonzero(agreed == 0)
    if need.size:
        every = need.size == ch.c  # the usual case: no agreed amount in the whole chunk
        sub = rows if every else rows[need]
        share = default_share_fen(v.wage[sub], v.wage_div[sub], v.r_num[sub], v.r_den[sub])
        ref = starts if opts.minimum_wage_month is MinimumWageMonth.PERIOD_START else ends
        mw, ok = env.mw.at(v.region[sub], ref if every else ref[need])
        missing = ~(ok | ~(ch.live if every else ch.live[need])).all(axis=1)
        for row in sub[missing].tolist():
            env.bad.setdefault(row, []).append(
                problem("", "", "no minimum wage for the region on a month of the period")
            )
        if every:
            amount = np.maximum(mw, share[:, None])
        else:
            amount = amount.copy()
            amount[need] = np.maximum(mw, share[:, None])
    ch.starts, ch.ends = starts, ends
    ch.amount = np.where(ch.live, amount, 0)
    ch.due = np.where(ch.live, due, NEVER)
    ch.cum = np.cumsum(ch.amount, axis=1)
    ch.sched_end = ends[ch.rc, np.maximum(ch.months - 1, 0)]


def _payments(ch: _Chunk) -> None:
    """This chunk's payments (local row index, date, running total) and search keys."""
    paid = ch.env.paid
    lo = paid.offsets[ch.rows]
    counts = paid.offsets[ch.rows + 1] - lo
    first = np.zeros(ch.c, dtype=np.int64)
    np.cumsum(counts[:-1], out=first[1:])
    ch.first, ch.last = first, first + counts
    n_pay = int(counts.sum())
    idx = np.repeat(lo - first, counts) + np.arange(n_pay, dtype=np.int64)
    ch.lr = np.repeat(ch.rc, counts)
    ch.pdate = paid.date[idx]
    ch.pcum = paid.cum[idx]
    ch.total_paid = paid.total[ch.rows]
    big = (ch.total_paid >= SHIFT) | (ch.cum[:, -1] >= SHIFT)
    ch.exact_rows = np.flatnonzero(big)
    ch.keys = ch.lr * SHIFT + np.minimum(ch.pcum, SHIFT - 1)
    ch.completion = _completion(ch, ch.amount, ch.cum)


def _completion(ch: _Chunk, amount: I64, cum: I64) -> I64:
    """Day each instalment was paid in full (oldest-first allocation), ``NEVER`` if not."""
    if ch.pdate.size:
        targets = ch.rc[:, None] * SHIFT + np.minimum(cum, SHIFT - 1)
        pos = np.searchsorted(ch.keys, targets, side="left")
        hit = pos < ch.last[:, None]
        done = np.where(hit, ch.pdate[np.minimum(pos, ch.pdate.size - 1)], NEVER)
    else:
        done = np.full_like(amount, NEVER)
    return np.asarray(np.where(ch.live & (amount > 0), done, NEVER))


class _View(NamedTuple):
    """Some rows of a chunk (renumbered from 0), for the release-right searches."""

    env: Env
    rows: I64
    c: int
    rc: I64
    width: int
    cols: I64
    live: Bool
    t: I64
    due: I64


def _rights(ch: _Chunk, completion: I64, usable: Bool, until: I64) -> tuple[I64, I64, I64]:
    """
    First day of each release right on or before ``until`` (Art. 38, §17 late, §17 unpaid),
    searched only in the rows that can have one: a right needs an instalment completed
    after its due date (or never), unless a parameter counts zero or negative months.
    """
    v, rows = ch.env.v, ch.rows
    late = (ch.live & (completion > ch.due)).any(axis=1)
    late |= (v.judicial[rows] <= 0) | (v.g_unpaid[rows] < 0) | (v.g_late[rows] < 0)
    sel = np.flatnonzero(late)
    found = tuple(np.full(ch.c, NEVER, dtype=np.int64) for _ in range(3))
    if sel.size:
        view = _View(
            env=ch.env, rows=rows[sel], c=int(sel.size), rc=np.arange(sel.size, dtype=np.int64),
            width=ch.width, cols=ch.cols, live=ch.live[sel], t=ch.t[sel], due=ch.due[sel],
        )  # fmt: skip
        for out, part in zip(
            found, _rights_in(view, completion[sel], usable[sel], until[sel]), strict=True
        ):
            out[sel] = part
    return found[0], found[1], found[2]


def _rights_in(ch: _View, completion: I64, usable: Bool, until: I64) -> tuple[I64, I64, I64]:
    """:func:`_rights` over the rows of ``ch``."""
    v, rows, opts, due = ch.env.v, ch.rows, ch.env.opts, ch.due
    j_need, g_need, g_since = v.judicial[rows], v.g_unpaid[rows], v.g_since[rows]
    # a guidance ground counts from the guidance's issue (``g_since``): met earlier, it
    # arises on that day only if it still holds then
    gs = g_since[:, None]
    if opts.unpaid_counting is UnpaidCounting.INSTALMENTS:
        day = due + 1
        ckeys = (ch.rc[:, None] * _DAY_SHIFT + np.minimum(completion, _DAY_SHIFT - 1)).reshape(-1)
        qkeys = ch.rc[:, None] * _DAY_SHIFT + np.minimum(due, _DAY_SHIFT - 1)
        k = np.searchsorted(ckeys, qkeys, side="right") - ch.rc[:, None] * ch.width
        count = np.maximum(ch.cols[None, :] + 1 - k, 0)
        ok = usable & (day <= until[:, None])
        r_j = np.where(ok & (count >= j_need[:, None]), day, NEVER).min(axis=1, initial=NEVER)
        r_g = np.where(ok & (day > gs) & (count >= g_need[:, None] + 1), day, NEVER).min(
            axis=1, initial=NEVER
        )
        in_time = (g_since <= until)[:, None]
        at_since = (usable & in_time & (due < gs) & (completion >= gs)).sum(axis=1)
        r_g = np.where(at_since >= g_need + 1, g_since, r_g)
    else:
        safe_due = np.where(ch.live, due, ch.t[:, None])
        day_j = ch.env.table.add(safe_due, j_need[:, None]) + 1
        day_g = np.maximum(ch.env.table.add(safe_due, g_need[:, None]) + 1, gs)
        ok_j = usable & (day_j <= until[:, None]) & (completion > day_j - 1)
        ok_g = usable & (day_g <= until[:, None]) & (completion > day_g - 1)
        r_j = np.where(ok_j, day_j, NEVER).min(axis=1, initial=NEVER)
        r_g = np.where(ok_g, day_g, NEVER).min(axis=1, initial=NEVER)
    r_g = np.where(v.g_unpaid_ok[rows] & (r_g <= until), r_g, NEVER)
    return r_j, _late_right(ch, completion, usable, until), r_g


def _late_right(ch: _View, completion: I64, usable: Bool, until: I64) -> I64:
    """MOHRSS §17: more than a month late and unpaid after the written reminder."""
    v, rows, opts = ch.env.v, ch.rows, ch.env.opts
    reminder = v.reminder[rows]
    gl_ok = v.g_late_ok[rows] & (reminder > 0)
    if not bool(gl_ok.any()):
        return np.full(ch.c, NEVER, dtype=np.int64)
    safe_due = np.where(ch.live, ch.due, ch.t[:, None])
    late_from = ch.env.table.add(safe_due, v.g_late[rows][:, None]) + 1
    earliest = ch.due + 1 if opts.reminder_timing is ReminderTiming.AFTER_DUE else late_from
    rem = reminder[:, None]
    gs = v.g_since[rows][:, None]
    day_l = np.maximum(np.maximum(late_from, rem + v.cure[rows][:, None] + 1), gs)
    ok_l = usable & (rem >= earliest) & (day_l <= until[:, None]) & (completion > day_l - 1)
    return np.asarray(np.where(ok_l & gl_ok[:, None], day_l, NEVER).min(axis=1, initial=NEVER))


def _endings(ch: _Chunk) -> None:
    """
    An employer release or a rescission (on or before as_of, within the period) ends the
    restriction; same-day order as the fold: payments, release, rescission.
    """
    v, rows, opts, a = ch.env.v, ch.rows, ch.env.opts, ch.a
    rel, res = v.release[rows], v.rescission[rows]
    rel_ok = (rel > 0) & (rel <= a) & (rel <= ch.sched_end)
    res_try = (res > 0) & (res <= a) & (res <= ch.sched_end) & ~(rel_ok & (rel <= res))
    res_eff = np.zeros(ch.c, dtype=bool)
    if bool(res_try.any()):
        pre = _rights(ch, ch.completion, ch.live & (ch.amount > 0), np.where(res_try, res, 0))
        res_eff = res_try & (np.minimum(np.minimum(pre[0], pre[1]), pre[2]) <= res)
    ch.res_eff = res_eff
    ch.rel_app = rel_ok & ~res_eff
    ch.ended = ch.rel_app | res_eff
    ch.free = np.where(res_eff, res, np.where(ch.rel_app, np.maximum(rel, ch.t + 1), 0))
    ch.scheduled = ch.amount
    ch.extra = np.zeros(ch.c, dtype=np.int64)
    ch.cut_paid_before = np.zeros(ch.c, dtype=np.int64)
    if not bool(ch.ended.any()):
        return
    f = ch.free[:, None]
    amount = ch.amount
    if opts.partial_month is PartialMonth.PRO_RATA_DAYS:
        part = pro_rata_fen(amount, f - ch.starts, ch.ends - ch.starts + 1)
    else:
        part = amount
    cut_amount = np.where(ch.starts >= f, 0, np.where(ch.ends >= f, part, amount))
    ch.amount = np.where(ch.ended[:, None] & ch.live, cut_amount, amount)
    ch.cum = np.cumsum(ch.amount, axis=1)
    ch.completion = _completion(ch, ch.amount, ch.cum)
    # extra compensation of an employer release (Interp. (I) Art. 39)
    monthly = ch.scheduled[ch.rc, np.argmax(ch.live & (ch.ends >= rel[:, None]), axis=1)]
    during = rel > ch.t
    statutory = np.where(
        during | opts.extra_on_pre_period_release, v.extra_months[rows] * monthly, 0
    )
    negotiated = v.negotiated[rows]
    ch.extra = np.where(ch.rel_app, np.where(negotiated > 0, negotiated, statutory), 0)
    # payments on or before the ending day came before it; later ones fill the rest of
    # the instalments, then the extra compensation; the rest is a credit
    day_end = np.where(res_eff, res, rel)
    if ch.pdate.size:
        dkeys = ch.lr * _DAY_SHIFT + np.clip(ch.pdate, 0, _DAY_SHIFT - 1)
        upto = np.searchsorted(dkeys, ch.rc * _DAY_SHIFT + day_end, side="right")
        ch.cut_paid_before = np.where(
            ch.ended & (upto > ch.first), ch.pcum[np.maximum(upto - 1, 0)], 0
        )


def _allocate(ch: _Chunk) -> None:
    """Payments to instalments (oldest first), then the release extra; statuses as of."""
    total_new = ch.cum[:, -1]
    alloc_before = np.minimum(ch.cut_paid_before, total_new)
    after = ch.total_paid - ch.cut_paid_before
    alloc = np.where(
        ch.ended,
        alloc_before + np.minimum(after, total_new - alloc_before),
        np.minimum(ch.total_paid, total_new),
    )
    left_after = np.where(ch.ended, after - (alloc - alloc_before), 0)
    ch.extra_paid = np.minimum(ch.extra, left_after)
    ch.unallocated = ch.total_paid - alloc - ch.extra_paid
    ch.paid = np.clip(alloc[:, None] - (ch.cum - ch.amount), 0, ch.amount)
    ch.outstanding = ch.amount - ch.paid
    ch.overdue = ch.due < ch.a[:, None]
    status = np.where(
        ch.outstanding == 0,
        np.where(ch.completion <= ch.due, _PAID, _PAID_LATE),
        np.where(~ch.overdue, _NOT_YET, np.where(ch.paid > 0, _PARTLY, _OVERDUE)),
    )
    status = np.where(ch.live & (ch.amount == 0), _CANCELLED, status)
    ch.status = np.where(ch.live, status, -1).astype(np.int8)
    ch.total_new = total_new


def _write(ch: _Chunk) -> None:
    """Rights as of, then every output of the chunk into the batch's arrays."""
    env, rows, a, w = ch.env, ch.rows, ch.a, ch.width
    last_restricted = np.where(
        ch.res_eff, env.v.rescission[rows], np.where(ch.rel_app, ch.free - 1, ch.sched_end)
    )
    until = np.minimum(a, last_restricted)
    r_j, r_l, r_g = _rights(ch, ch.completion, ch.live & (ch.amount > 0), until)
    extra_due = env.v.release[rows] + env.v.pay_days[rows]
    extra_arrears = np.where((ch.extra > 0) & (extra_due < a), ch.extra - ch.extra_paid, 0)
    out = env.out
    out.due[rows, :w] = np.where(ch.live, ch.due, 0)
    out.amount[rows, :w] = ch.amount
    out.paid[rows, :w] = ch.paid
    out.status[rows, :w] = ch.status
    vec = out.vectors
    vec["total_scheduled"][rows] = ch.total_new
    vec["total_fallen_due"][rows] = np.where(ch.due <= a[:, None], ch.amount, 0).sum(axis=1)
    vec["total_paid"][rows] = ch.total_paid
    vec["arrears"][rows] = np.where(ch.overdue, ch.outstanding, 0).sum(axis=1) + extra_arrears
    vec["unallocated"][rows] = ch.unallocated
    vec["scheduled_end"][rows] = ch.sched_end
    free_since = np.where(ch.ended, ch.free, ch.sched_end + 1)
    vec["free_since"][rows] = np.where(free_since <= a, free_since, 0)
    vec["release_extra"][rows] = ch.extra
    vec["release_extra_paid"][rows] = ch.extra_paid
    out.ended_by[rows] = np.where(
        ch.res_eff, _ENDED_RESCISSION, np.where(ch.rel_app, _ENDED_RELEASE, _ENDED_SCHEDULED)
    )
    for name, values in (
        ("right_unpaid_three_months", r_j),
        ("right_late_after_reminder", r_l),
        ("right_unpaid_over_three_months", r_g),
    ):
        vec[name][rows] = np.where(values >= NEVER, 0, values)
    out.bound[rows] = (ch.t < a) & (a < free_since)
