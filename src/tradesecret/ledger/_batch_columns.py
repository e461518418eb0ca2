"""Columns of the batch input: integers in range or :data:`INVALID`, per entry, never a crash."""

from __future__ import annotations

import importlib
import math
from collections.abc import Iterable
from numbers import Integral
from typing import Any, Final

import attrs
import numpy as np
import numpy.typing as npt

from tradesecret.exceptions import InvalidInputError, Problem

I64 = npt.NDArray[np.int64]
Arr = npt.NDArray[Any]

#: An entry that is not an integer in range (NaN, 1e30, 2**70, 1.5, a string): its row is
#: reported as invalid.
INVALID: Final = int(np.iinfo(np.int64).min)
#: Integers beyond this magnitude are out of range for every column.
_LIMIT: Final = 1 << 62


def problem(path: str, value: object, reason: str, /, **params: object) -> Problem:
    """
    A row's problem (as :meth:`Problem.of`); a ``value`` of ``""`` means none to show.

    ``path`` is the column or the ledger field (``months``, ``payments[0].date``), or ``""``
    where the reason names the row as a whole.
    """
    found = Problem.of(path, value, reason, **params)  # template: passed through
    return found if value != "" else attrs.evolve(found, value="")


def reason_line(found: Problem) -> str:
    """A row's problem as one English line: ``path: reason`` (the reason alone without a path)."""
    return f"{found.path}: {found.reason}" if found.path else found.reason


@attrs.frozen(kw_only=True)
class RowError:
    """
    A row that could not be evaluated.

    Attributes:
        row: Row index (``-1`` for a payment that names no known row).
        agreement_id: Its identifier, when given.
        reasons: Every problem found, in English, one line each (``path: reason``).
        problems: The same problems with their paths, templates and parameters, in the
            same order, so that presentation can say them in the caller's locale.
    """

    row: int
    agreement_id: str | None
    reasons: tuple[str, ...]
    problems: tuple[Problem, ...] = ()

    @classmethod
    def of(cls, row: int, agreement_id: str | None, problems: Iterable[Problem]) -> RowError:
        """A row error from its problems (each line once, in order); ``reasons`` are their lines."""
        by_line: dict[str, Problem] = {}
        for found in problems:
            by_line.setdefault(reason_line(found), found)
        return cls(
            row=row,
            agreement_id=agreement_id,
            reasons=tuple(by_line),
            problems=tuple(by_line.values()),
        )


def _entry(value: object) -> int:
    if isinstance(value, bool | np.bool_):
        return INVALID
    if isinstance(value, Integral):
        as_int = int(value)
        return as_int if -_LIMIT < as_int < _LIMIT else INVALID
    if isinstance(value, float | np.floating):
        number = float(value)
        if math.isfinite(number) and number.is_integer() and abs(number) < _LIMIT:
            return int(number)
    return INVALID


def column(values: object) -> I64:
    """An int64 column; entries that are not integers in range become :data:`INVALID`."""
    arr = np.asarray(values) if not isinstance(values, np.ndarray) else values
    arr = arr.reshape(-1)
    if arr.size == 0:
        return np.zeros(0, dtype=np.int64)
    kind = arr.dtype.kind
    if kind == "i":
        out = arr.astype(np.int64, copy=False)
        if bool((out == INVALID).any()):  # the sentinel itself is out of range
            out = np.where(out == INVALID, INVALID, out)
        return out
    if kind == "u":
        big = arr > _LIMIT
        return np.where(big, INVALID, np.minimum(arr, _LIMIT).astype(np.int64))
    if kind == "f":
        with np.errstate(invalid="ignore"):
            ok = np.isfinite(arr) & (np.abs(arr) < _LIMIT)
            ok &= np.floor(np.where(ok, arr, 0)) == np.where(ok, arr, 0)
        return np.where(ok, np.where(ok, arr, 0).astype(np.int64), INVALID)
    return np.fromiter((_entry(v) for v in arr.tolist()), dtype=np.int64, count=arr.size)


def objects(values: object) -> Arr:
    """An object column (region codes, identifiers)."""
    return np.asarray(values, dtype=object).reshape(-1)


def event_pairs(values: object) -> tuple[tuple[int, Any], ...]:
    """``(row, ledger event)`` pairs, checked."""
    if not isinstance(values, tuple | list):
        raise InvalidInputError.single("events", values, "expected (row, event) pairs")
    if not values:  # the usual case: the event classes need not load
        return ()
    kinds = importlib.import_module("tradesecret.ledger.model").event_types()
    problems = [
        Problem.of(f"events[{k}]", pair, "expected a (row, ledger event) pair")
        for k, pair in enumerate(values)
        if not (
            isinstance(pair, tuple)
            and len(pair) == 2
            and isinstance(pair[0], int)
            and not isinstance(pair[0], bool)
            and isinstance(pair[1], kinds)
        )
    ]
    if problems:
        raise InvalidInputError(problems)
    return tuple(values)
