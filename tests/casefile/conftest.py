"""A small test-only case kind, independent of the domains."""

from __future__ import annotations

from typing import Any

import attrs
import pendulum
import pytest

from tradesecret.casefile import CaseKind, CaseKinds
from tradesecret.money import Money
from tradesecret.results import Finding, Severity
from tradesecret.rulebook import Rulebook


class Level:
    pass


@attrs.frozen(kw_only=True)
class Payment:
    """
    A payment.

    Attributes:
        date: When it was paid.
        amount: How much.
    """

    date: pendulum.Date
    amount: Money


@attrs.frozen(kw_only=True)
class Sample:
    """A sample input."""

    name: str
    months: int
    payments: tuple[Payment, ...] = ()
    note: str | None = None


def run_sample(data: Any, as_of: pendulum.Date, rulebook: Rulebook) -> tuple[object, ...]:
    severity = Severity.HIGH if data.months > 24 else Severity.INFO
    return (
        Finding(
            code="report.example",
            severity=severity,
            citations=(rulebook.cite("lcl@2012-12-28:24"),),
            subject=data.name,
        ),
    )


SAMPLE_KIND = CaseKind(
    name="sample",
    title_en="Sample",
    title_zh="示例",
    requires=(),
    data_type=lambda: Sample,
    run=run_sample,
)


@pytest.fixture
def kinds() -> CaseKinds:
    """A registry with only the sample kind."""
    return CaseKinds().with_kind(SAMPLE_KIND)


@pytest.fixture
def good() -> dict[str, Any]:
    """A valid sample case file."""
    return {
        "format": "tradesecret-case",
        "version": 1,
        "kind": "sample",
        "as_of": "2025-09-01",
        "data": {
            "name": "张三",
            "months": 30,
            "payments": [
                {"date": "2025-10-31", "amount": {"amount": "6000.00", "currency": "CNY"}}
            ],
        },
    }
