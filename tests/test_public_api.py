"""The public API: sorted, importable, nothing private, changed only on purpose."""

from __future__ import annotations

import tradesecret


def test_all_is_sorted_and_importable() -> None:
    """__all__ is sorted and every name resolves."""
    assert sorted(tradesecret.__all__) == list(tradesecret.__all__)
    for name in tradesecret.__all__:
        assert getattr(tradesecret, name) is not None


def test_nothing_private_leaks() -> None:
    """No underscore names in __all__."""
    assert not [n for n in tradesecret.__all__ if n.startswith("_")]


def test_version() -> None:
    """__version__ comes from the package metadata."""
    assert isinstance(tradesecret.__version__, str)


def test_snapshot_contains_the_foundation() -> None:
    """The foundation names are public (extend this list when domains land)."""
    expected = {
        "Assessment",
        "Citation",
        "Determination",
        "Finding",
        "Money",
        "Outcome",
        "Ratio",
        "Rulebook",
        "Severity",
        "Tier",
        "TradeSecretError",
        "InvalidInputError",
        "default_rulebook",
        "explain",
        "from_json",
        "to_json",
        "to_date",
        "term_end",
        "deadline",
        "hours_after",
    }
    assert expected <= set(tradesecret.__all__)
