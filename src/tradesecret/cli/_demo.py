"""
``tradesecret demo``: the shipped worked example.

The example grows as the domains land. It currently reports the law in force for a
senior engineer leaving a battery maker in Shanghai on 2025-09-01: the parameters
and citations every later step relies on.
"""

from __future__ import annotations

from tradesecret.cli._params import render_params
from tradesecret.dates import to_date

#: The example's own date; pass --as-of to see another day.
EXAMPLE_DATE = "2025-09-01"
EXAMPLE_REGION = "CN-SH"


def run_demo(*, as_of: str | None, locale: str, fmt: str) -> str:
    """Render the demo report."""
    day = to_date(as_of if as_of is not None else EXAMPLE_DATE, path="--as-of")
    return render_params(as_of=day, region=EXAMPLE_REGION, locale=locale, fmt=fmt)
