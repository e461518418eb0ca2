"""Fixtures: the worked example graph and its evaluation date."""

from __future__ import annotations

import pendulum
import pytest

from tradesecret.evidence import EvidenceGraph
from tradesecret.evidence.example import example_builder


@pytest.fixture
def example() -> EvidenceGraph:
    """The worked example graph."""
    return example_builder().build()


@pytest.fixture
def as_of() -> pendulum.Date:
    """The day counsel evaluates the chain."""
    return pendulum.Date(2025, 4, 10)
