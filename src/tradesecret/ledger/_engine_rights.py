"""Release rights of the object path (Interp. (I) Art. 38; MOHRSS guidance §17)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import MappingProxyType
from typing import Final

from tradesecret.ledger._engine_common import (
    _NEVER,
    _add_months,
    _Ctx,
    _Inst,
)
from tradesecret.ledger.model import (
    CuredArrears,
    ReminderTiming,
    UnpaidCounting,
)
from tradesecret.ledger.state import (
    ReleaseGround,
)


def _unpaid_at_end_of(inst: _Inst, day: int) -> bool:
    return not inst.cancelled and inst.amount > 0 and inst.completed > day


_GROUND_ORDER: Final = MappingProxyType({g: n for n, g in enumerate(ReleaseGround)})
_Right = tuple[ReleaseGround, int, tuple[int, ...]]
_Lapsed = tuple[ReleaseGround, int, int]  # ground, arose, first day without the right


def _first_or_current(
    candidates: set[int],
    holds: Callable[[int], tuple[int, ...] | None],
    *,
    until: int,
    since: int,
    lapses: bool,
) -> tuple[tuple[int, tuple[int, ...]] | None, list[tuple[int, int]]]:
    """
    Scan the days on which a ground's condition can change (``candidates``).

    ``holds(day)`` gives the founding instalments when the condition holds on ``day``.
    Nothing counts before ``since`` (the day the source of the ground was issued): a
    ground met earlier arises on ``since`` only if it still holds on that day. Without
    lapse: the first day it holds. With lapse: the start of the run that still holds on
    ``until``, and every earlier run as ``(arose, lapsed)``.
    """
    if not lapses:
        for day in sorted(d for d in {*candidates, since} if since <= d <= until):
            found = holds(day)
            if found is not None:
                return (day, found), []
        return None, []
    run: tuple[int, tuple[int, ...]] | None = None
    ended: list[tuple[int, int]] = []
    for day in sorted(d for d in {*candidates, since} if since <= d <= until):
        found = holds(day)
        if found is not None and run is None:
            run = (day, found)
        elif found is None and run is not None:
            ended.append((run[0], day))
            run = None
    return run, ended


def _intervals_holds(
    starts: list[tuple[int, _Inst]],
) -> Callable[[int], tuple[int, ...] | None]:
    """A ground that holds from each instalment's start day while it stays unpaid."""

    def holds(day: int) -> tuple[int, ...] | None:
        best = min(
            ((s, i.number) for s, i in starts if s <= day and _unpaid_at_end_of(i, day - 1)),
            default=None,
        )
        return None if best is None else (best[1],)

    return holds


def _count_holds(live: list[_Inst], need: int) -> Callable[[int], tuple[int, ...] | None]:
    """A ground that holds while at least ``need`` instalments are overdue and unpaid."""

    def holds(day: int) -> tuple[int, ...] | None:
        unpaid = tuple(
            i.number for i in live if i.effective_due < day and _unpaid_at_end_of(i, day - 1)
        )
        return unpaid if len(unpaid) >= need else None

    return holds


def _rights_and_lapses(
    insts: Sequence[_Inst], reminders: Sequence[int], ctx: _Ctx, *, until: int
) -> tuple[list[_Right], list[_Lapsed]]:
    """
    Every release right standing on ``until`` (with ``CuredArrears.RIGHT_REMAINS``: every
    right that arose on or before it; first occurrence per ground), and the rights that
    arose and lapsed before it (``CuredArrears.RIGHT_LAPSES`` only).

    A right holds on a day when its condition holds with the instalments unpaid at the end
    of the day before (a payment on the day a right arises or is exercised comes too late).
    """
    th = ctx.thresholds
    lapses = ctx.options.cured_arrears is CuredArrears.RIGHT_LAPSES
    live = [i for i in insts if not i.cancelled and i.amount > 0 and i.effective_due < until]
    late = [i for i in live if i.completed > i.effective_due]  # only these can ever be overdue
    paid_days = {i.completed + 1 for i in late if i.completed < _NEVER} if lapses else set()
    grounds: list[tuple[ReleaseGround, int, int]] = [
        (ReleaseGround.UNPAID_THREE_MONTHS, th.judicial_months, 0)
    ]
    if th.guidance_unpaid_months is not None:
        grounds.append(
            (
                ReleaseGround.UNPAID_OVER_THREE_MONTHS,
                th.guidance_unpaid_months + 1,
                th.guidance_since,
            )
        )
    scans: list[tuple[ReleaseGround, set[int], Callable[[int], tuple[int, ...] | None], int]] = []
    for ground, need, since in grounds:
        if ctx.options.unpaid_counting is UnpaidCounting.INSTALMENTS:
            scans.append(
                (ground, {i.effective_due + 1 for i in late}, _count_holds(live, need), since)
            )
        else:
            months = need if ground is ReleaseGround.UNPAID_THREE_MONTHS else need - 1
            starts = [(_add_months(i.effective_due, months) + 1, i) for i in late]
            scans.append((ground, {s for s, _ in starts}, _intervals_holds(starts), since))
    if th.guidance_late_months is not None and reminders:
        starts = _late_starts(late, reminders, ctx)
        scans.append(
            (
                ReleaseGround.LATE_AFTER_REMINDER,
                {s for s, _ in starts},
                _intervals_holds(starts),
                th.guidance_since,
            )
        )
    out: list[_Right] = []
    lapsed: list[_Lapsed] = []
    for ground, candidates, holds, since in scans:
        found, ended = _first_or_current(
            candidates | paid_days, holds, until=until, since=since, lapses=lapses
        )
        if found is not None and found[0] <= until:
            out.append((ground, found[0], found[1]))
        lapsed += [(ground, a, b) for a, b in ended]
    out.sort(key=lambda r: (r[1], _GROUND_ORDER[r[0]]))
    lapsed.sort(key=lambda r: (r[1], _GROUND_ORDER[r[0]]))
    return out, lapsed


def _late_starts(late: list[_Inst], reminders: Sequence[int], ctx: _Ctx) -> list[tuple[int, _Inst]]:
    """MOHRSS §17: the day each late instalment is a month late and unanswered after a reminder."""
    th = ctx.thresholds
    assert th.guidance_late_months is not None
    starts = []
    for i in late:
        late_from = _add_months(i.effective_due, th.guidance_late_months) + 1
        earliest = (
            i.effective_due + 1
            if ctx.options.reminder_timing is ReminderTiming.AFTER_DUE
            else late_from
        )
        valid = [r for r in reminders if r >= earliest]
        if valid:
            starts.append((max(late_from, min(valid) + th.cure_days + 1), i))
    return starts


def _rights(
    insts: Sequence[_Inst], reminders: Sequence[int], ctx: _Ctx, *, until: int
) -> list[_Right]:
    """The release rights standing on ``until`` (see :func:`_rights_and_lapses`)."""
    return _rights_and_lapses(insts, reminders, ctx, until=until)[0]
