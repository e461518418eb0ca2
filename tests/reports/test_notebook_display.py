"""Notebook display of values, rows and ledgers (the presenter registry, no kernel needed)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pendulum
import pytest

from tradesecret.casefile import example_text, load_case, review_case
from tradesecret.money import Money, Ratio
from tradesecret.reports import load_ipython_extension, notebook_html, notebook_pretty

pretty: Any = pytest.importorskip("IPython.lib.pretty").pretty


class TestValues:
    def test_money_html_and_text(self) -> None:
        """Money shows as CN¥12,000.00 (HTML and IPython text), its repr unchanged."""
        money = Money(Decimal("12000.00"))
        assert '<span class="ts-value">CN¥12,000.00</span>' == money._repr_html_()
        assert "CN¥12,000.00" == pretty(money)
        assert "(CN¥12,000.00, 30%)" == pretty((money, Ratio("0.30")))
        assert "Money(amount=Decimal('12000.00'), currency='CNY')" == repr(money)

    def test_date(self) -> None:
        """A date shows in the documented English style."""
        assert "30 Nov 2025" == notebook_pretty(pendulum.date(2025, 11, 30))

    def test_instalments_as_a_table(self) -> None:
        """A ledger's instalments show as a table with formatted money and dates."""
        state = review_case(load_case(example_text("noncompete"))).results[-1]
        html = notebook_html(state.instalments)  # type: ignore[attr-defined]
        assert html.startswith('<table class="ts-table">')
        assert "<td>CN¥6,000.00</td>" in html and "<td>30 Nov 2025</td>" in html


class _Formatter:
    def __init__(self) -> None:
        self.types: dict[type, Any] = {}

    def for_type(self, cls: type, fn: Any) -> None:
        self.types[cls] = fn


class _Shell:
    def __init__(self) -> None:
        self.display_formatter = type(
            "F", (), {"formatters": {"text/html": _Formatter(), "text/plain": _Formatter()}}
        )()


def test_extension_registers_dates_rows_and_ledgers() -> None:
    """%load_ext tradesecret.reports formats dates, rows of values and the ledger state."""
    from tradesecret.ledger import CompensationState  # noqa: PLC0415

    shell = _Shell()
    load_ipython_extension(shell)
    html = shell.display_formatter.formatters["text/html"].types
    assert {pendulum.Date, tuple, CompensationState} <= set(html)
    assert html[tuple]((1, 2)) is None  # other tuples keep their usual display
    state = review_case(load_case(example_text("noncompete"))).results[-1]
    assert 'class="ts-timeline"' in html[CompensationState](state)
