"""
Notebook display: money, ratios, dates, results and ledgers shown formatted.

The core never imports this module: :mod:`tradesecret` registers :func:`notebook_html`,
:func:`notebook_markdown` and :func:`notebook_pretty` with :mod:`tradesecret.presenters`,
and ``Money``/``Ratio``/results ask the registry when Jupyter displays them. Values are
shown in the English style with an unambiguous currency sign (``CN¥12,000.00``, ``30%``,
``15 Jan 2026``); results and ledgers as the HTML report (tables, timeline, sources).

``%load_ext tradesecret.reports`` also formats the objects the library cannot teach to
display themselves: pendulum dates, and the domain results (a ledger state, compensation
floors, a disclosure package...) as their HTML report.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from html import escape
from typing import Any, TypeGuard

import attrs
import pendulum

from tradesecret.i18n import Localizer, explain
from tradesecret.money import Money, Ratio
from tradesecret.reports._render import render_html
from tradesecret.serialization import unstructure

__all__ = ["load_ipython_extension", "notebook_html", "notebook_markdown", "notebook_pretty"]

#: The locale values are shown in (English style: ``CN¥``, never a bare ``¥``).
VALUE_LOCALE = "en"

#: Domain result types the extension displays as reports: ``module: class names``.
DISPLAYED: dict[str, tuple[str, ...]] = {
    "tradesecret.ledger": ("CompensationState", "CompensationSchedule"),
    "tradesecret.noncompete": ("CompensationFloor",),
    "tradesecret.supply_chain": ("DisclosurePackage",),
    "tradesecret.measures": ("MeasuresReport",),
    "tradesecret.preservation": ("PreservationAssessment", "Timetable"),
    "tradesecret.evidence": ("EvidenceEvaluation",),
}


def notebook_pretty(obj: object, *, locale: str = VALUE_LOCALE) -> str | None:
    """A value as formatted text (``CN¥12,000.00``); ``None`` for anything else."""
    if isinstance(obj, Money | Ratio | pendulum.Date):
        return Localizer.for_locale(locale).value(obj)
    return None


def _table(rows: Sequence[object]) -> str:
    """Plain attrs values (instalments, entries) as an HTML table, values formatted."""
    loc = Localizer.for_locale(VALUE_LOCALE)
    fields = [f.name for f in attrs.fields(type(rows[0]))]  # type: ignore[arg-type]
    head = "".join(f"<th>{escape(name)}</th>" for name in fields)
    body = []
    for row in rows:
        cells = []
        for name in fields:
            value = getattr(row, name)
            text = (
                loc.value(value)
                if isinstance(value, Money | Ratio | pendulum.Date)
                else str(unstructure(value) if value is not None else "")
            )
            cells.append(f"<td>{escape(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f'<table class="ts-table"><tr>{head}</tr>{"".join(body)}</table>'


def notebook_html(obj: object, *, locale: str = "zh_CN") -> str:
    """
    A value or result as HTML for a notebook (registered as the ``html`` presenter).

    Money, ratios and dates give a formatted span; a tuple of plain attrs values (a
    ledger's instalments) a table; a result, a ledger or a review the HTML report fragment.
    """
    value = notebook_pretty(obj)
    if value is not None:
        return f'<span class="ts-value">{escape(value)}</span>'
    if _is_rows(obj):
        return _table(obj)
    return render_html(obj, locale=locale, standalone=False)


def _is_rows(obj: object) -> TypeGuard[Sequence[object]]:
    """A non-empty tuple or list of plain attrs values of one class (not results)."""
    return (
        isinstance(obj, tuple | list)
        and bool(obj)
        and all(attrs.has(type(x)) and type(x) is type(obj[0]) for x in obj)
        and not hasattr(obj[0], "citations")
        and not isinstance(obj[0], Money | Ratio)
    )


def _rows_formatter(obj: object) -> str | None:
    """Tuples of plain attrs values (a ledger's instalments) as a table; ``None`` otherwise."""
    return _table(obj) if _is_rows(obj) else None


def notebook_markdown(obj: object, *, locale: str = "zh_CN") -> str:
    """A result as Markdown for a notebook (registered as the ``markdown`` presenter)."""
    return explain(obj, locale=locale, format="markdown")


def _html_formatter(obj: object) -> str:
    return notebook_html(obj, locale=VALUE_LOCALE)


def _pretty_formatter(obj: object, printer: Any, cycle: bool) -> None:
    shown = notebook_pretty(obj)
    printer.text(shown if shown is not None and not cycle else repr(obj))


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext tradesecret.reports``: dates, rows of values and domain results display formatted."""
    formatters = ipython.display_formatter.formatters
    html, plain = formatters["text/html"], formatters["text/plain"]
    html.for_type(pendulum.Date, _html_formatter)
    html.for_type(tuple, _rows_formatter)
    plain.for_type(pendulum.Date, _pretty_formatter)
    for module, names in DISPLAYED.items():
        try:
            loaded = importlib.import_module(module)
        except ImportError:  # pragma: no cover - a trimmed installation
            continue
        for name in names:
            cls = getattr(loaded, name, None)
            if isinstance(cls, type):
                html.for_type(cls, _html_formatter)
