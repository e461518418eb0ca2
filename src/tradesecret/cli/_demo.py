"""
``tradesecret demo``: the shipped worked example, end to end.

A senior cell engineer leaves a battery maker in Shanghai. The demo reviews the shipped
example case file of every kind this installation supports (``tradesecret example NAME``
prints each one): the secret and its confidentiality measures; the non-compete review,
the compensation floors and the ledger with a missed payment and a written reminder; the
supplier disclosure plan; the evidence of a forwarded document and the preservation
readiness and clocks. Kinds whose domain module is missing are named in the report.
"""

from __future__ import annotations

import pendulum

from tradesecret.casefile import CaseReview, default_kinds, example_text, load_case, review_case

#: The date of the ledger example; each example file carries its own ``as_of``.
EXAMPLE_DATE = "2026-01-15"


def run_demo(*, as_of: pendulum.Date | None = None) -> CaseReview:
    """Review every shipped example (each as of its own date unless ``as_of`` is given)."""
    results: list[object] = []
    missing: list[str] = []
    latest: pendulum.Date | None = None
    for kind in default_kinds():
        if not kind.example:
            continue
        if not kind.available():
            missing.append(kind.name)
            continue
        case = load_case(example_text(kind.name))
        review = review_case(case, as_of=as_of)
        results.extend(review.results)
        latest = review.as_of if latest is None or review.as_of > latest else latest
    day = as_of or latest or pendulum.parse(EXAMPLE_DATE).date()  # type: ignore[union-attr]
    return CaseReview(
        kind="demo", title="", as_of=day, results=tuple(results), missing=tuple(missing)
    )
