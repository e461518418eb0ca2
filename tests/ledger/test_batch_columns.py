"""Batch input columns: every entry that is not a whole number in range is marked invalid, never converted."""

from __future__ import annotations

import numpy as np
import pytest

from tradesecret.exceptions import InvalidInputError
from tradesecret.ledger._batch_columns import INVALID, column, event_pairs


class TestColumn:
    """`column` turns any input column into int64 with INVALID for bad entries."""

    def test_object_column_entry_by_entry(self) -> None:
        """Booleans, text, fractions and huge numbers are invalid; whole numbers pass."""
        values = np.array([3, True, "12", 12.5, 12.0, 10**30, None, np.int64(7)], dtype=object)
        assert [3, INVALID, INVALID, INVALID, 12, INVALID, INVALID, 7] == column(values).tolist()

    def test_float_column(self) -> None:
        """NaN, infinities and fractions are invalid in a float column; 24.0 is 24."""
        out = column(np.array([24.0, np.nan, np.inf, 1.5, -3.0]))
        assert [24, INVALID, INVALID, INVALID, -3] == out.tolist()

    def test_unsigned_column_over_the_limit(self) -> None:
        """An unsigned value beyond the accepted range is invalid, not wrapped around."""
        out = column(np.array([5, np.iinfo(np.uint64).max], dtype=np.uint64))
        assert [5, INVALID] == out.tolist()

    def test_empty_and_integer_columns(self) -> None:
        """An empty column stays empty; an int column is taken as it is."""
        assert [] == column([]).tolist()
        assert [1, 2] == column(np.array([1, 2], dtype=np.int32)).tolist()


def test_event_pairs_are_checked_all_at_once() -> None:
    """Every malformed (row, event) pair is reported with its index."""
    with pytest.raises(InvalidInputError) as info:
        event_pairs([(0, "payment"), (True, None), "x"])
    assert ["events[0]", "events[1]", "events[2]"] == [p.path for p in info.value.problems]
    with pytest.raises(InvalidInputError):
        event_pairs("not pairs")
    assert () == event_pairs([])
