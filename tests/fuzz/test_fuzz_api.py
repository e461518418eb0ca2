"""Fuzzing the public API: any argument gives a result or a typed error, never another exception."""

from __future__ import annotations

import contextlib
import datetime
import os
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.harness import mutated
from tradesecret.dates import (
    deadline,
    hours_after,
    month_periods,
    roll_forward,
    term_end,
    to_date,
    to_datetime,
)
from tradesecret.definition import ValueEvidence, ValueKind
from tradesecret.exceptions import TradeSecretError
from tradesecret.measures import LiquidatedDamages
from tradesecret.money import Money, Ratio, to_decimal
from tradesecret.results import Assessment, Finding
from tradesecret.rulebook import default_rulebook
from tradesecret.serialization import from_json, read_json, to_json
from tradesecret.supply_chain import leak_liquidated_damages

anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True),
    st.decimals(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(
        [
            "2025-01-31",
            "9999-12-31",
            "0001-01-01",
            "2025-02-30",
            "9999-12-31T10:00:00+08:00",
            "2025-01-01T00:00:00",
            "1E+26",
            "1e-999999",
            "\udfff",
            "5,000",
        ]
    ),
    st.dates(),
    st.datetimes(timezones=st.sampled_from([datetime.UTC, None])),
    st.lists(st.integers(), max_size=2),
)
counts = st.one_of(st.integers(min_value=-5, max_value=10**20), anything)

_RB = default_rulebook()

#: name -> a call of one public function with generated arguments.
CALLS: dict[str, tuple[Callable[..., Any], tuple[st.SearchStrategy[Any], ...]]] = {
    "Money": (Money, (anything,)),
    "Ratio": (Ratio, (anything,)),
    "to_decimal": (to_decimal, (anything,)),
    "to_date": (to_date, (anything,)),
    "to_datetime": (to_datetime, (anything,)),
    "term_end": (lambda s, m: term_end(s, months=m), (anything, counts)),
    "term_end_days": (lambda s, d: term_end(s, days=d), (anything, counts)),
    "deadline": (lambda s, d: deadline(s, days=d), (anything, counts)),
    "month_periods": (month_periods, (anything, counts)),
    "hours_after": (hours_after, (anything, counts)),
    "roll_forward": (lambda d: roll_forward(d, calendar=_NoRest()), (anything,)),
    "money_ops": (lambda a, b: (Money("100") * a, Money("100") / b), (anything, anything)),
    "ratio_to": (lambda a: Money("1").ratio_to(Money(a)), (anything,)),
    "round_fen": (lambda a: Money(a).round_fen().fen, (anything,)),
    "param": (
        lambda d, r: _RB.param("noncompete.max_post_term_months", as_of=d, region=r),
        (anything, st.one_of(st.none(), st.sampled_from(["CN-SH", "CN-XX"]), anything)),
    ),
    "value_evidence": (
        lambda a: ValueEvidence(kind=next(iter(ValueKind)), amount=a),
        (anything,),
    ),
    "liquidated_damages": (lambda a: LiquidatedDamages(floor=a), (anything,)),
    "leak_damages": (
        lambda a, m: leak_liquidated_damages(Money(a), as_of="2025-06-01", multiple=m),
        (anything, anything),
    ),
    "read_json": (read_json, (st.one_of(st.text(max_size=60), st.binary(max_size=60)),)),
    "from_json_finding": (lambda t: from_json(t, Finding), (st.text(max_size=80),)),
    "from_json_assessment": (lambda t: from_json(t, Assessment), (st.text(max_size=80),)),
}


class _NoRest:
    def is_rest_day(self, day: Any) -> bool:
        return False

    def officially_published(self, year: int) -> bool:
        return True


@pytest.mark.parametrize("name", sorted(CALLS))
def test_public_function_never_crashes(name: str) -> None:
    """Any arguments: a value, or a typed error (an input error, a float refused)."""
    fn, strategies = CALLS[name]

    @settings(
        max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(st.tuples(*strategies))
    def check(args: tuple[Any, ...]) -> None:
        try:
            fn(*args)
        except TradeSecretError:
            pass
        except TypeError as exc:  # an operator given a type it does not take: Python's protocol
            if "unsupported operand" not in str(exc) and "can't multiply" not in str(exc):
                raise

    check()


def test_decimal_results_stay_exact() -> None:
    """A bounded amount multiplied and rounded stays exact to the fen."""
    assert Decimal("6000.00") == (Money("20000") * Ratio("0.30")).round_fen().amount


def _results() -> list[tuple[str, Any]]:
    from tradesecret.casefile import (  # noqa: PLC0415 - collected once, at test collection
        example_names,
        example_text,
        load_case,
        review_case,
    )

    out: list[tuple[str, Any]] = []
    for kind in example_names():
        for result in review_case(load_case(example_text(kind))).results:
            out.append((f"{kind}:{type(result).__name__}", result))
    return out


RESULTS = _results()


@pytest.mark.parametrize(("name", "result"), RESULTS, ids=[n for n, _ in RESULTS])
def test_mutated_results_read_back_or_refused(name: str, result: Any) -> None:
    """A result's JSON with nodes replaced, removed or added: read back, or a typed error."""
    document = read_json(to_json(result))

    @settings(
        max_examples=int(os.environ.get("FUZZ_RESULTS", "15")),
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(mutated(document))
    def check(text: str) -> None:
        with contextlib.suppress(TradeSecretError):
            from_json(text, type(result))

    check()
