"""The public API: sorted, importable, nothing private, changed only on purpose."""

from __future__ import annotations

import tradesecret
import tradesecret.noncompete


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


def test_domain_names_load_lazily() -> None:
    """Domain names resolve on first use and are the domain objects themselves."""
    assert tradesecret.review_noncompete is tradesecret.noncompete.review_noncompete
    assert "assess_preservation" in dir(tradesecret)


def test_snapshot() -> None:
    """The headline API of every domain is public at the top level."""
    expected = {
        "assess_trade_secret",
        "SecretRegistry",
        "assess_measures",
        "review_nda",
        "check_exit",
        "review_noncompete",
        "compensation_floor",
        "average_monthly_wage",
        "evaluate_compensation",
        "evaluate_batch",
        "EvidenceGraph",
        "evaluate_evidence",
        "evidence_gaps",
        "assess_preservation",
        "preservation_deadlines",
        "plan_disclosure",
        "audit_factory",
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
