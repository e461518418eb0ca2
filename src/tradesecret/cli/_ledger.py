"""``tradesecret ledger FILE [--as-of DATE]``: the compensation ledger of a non-compete case."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pendulum

from tradesecret.casefile import CaseReview, load_case
from tradesecret.exceptions import InvalidInputError
from tradesecret.rulebook import default_rulebook


def run_ledger(
    text: str | bytes | Mapping[str, Any], *, as_of: pendulum.Date | None = None
) -> CaseReview:
    """
    Evaluate the ``ledger`` of a ``noncompete`` case file as of ``as_of`` (default: the file's).

    Raises:
        InvalidInputError: not a noncompete case, no ledger in it, or bad content.
    """
    from tradesecret.ledger import evaluate_compensation  # noqa: PLC0415

    case = load_case(text)
    if case.kind != "noncompete":
        raise InvalidInputError.single(
            "$.kind", case.kind, "the ledger command reads noncompete cases"
        )
    ledger = getattr(case.data, "ledger", None)
    if ledger is None:
        raise InvalidInputError.single("$.data.ledger", None, "this case file has no ledger")
    day = as_of if as_of is not None else case.as_of
    state = evaluate_compensation(ledger, as_of=day, rulebook=default_rulebook())
    return CaseReview(kind="ledger", title=case.title, as_of=day, results=(state,))
