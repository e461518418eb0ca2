"""Every domain reached from a case file takes ``as_of`` as pendulum.Date, datetime.date or ISO text."""

from __future__ import annotations

import datetime

import pytest

from tradesecret.casefile import default_kinds, example_names, example_text, load_case
from tradesecret.exceptions import InvalidInputError
from tradesecret.money import Money
from tradesecret.rulebook import Rulebook
from tradesecret.serialization import to_json
from tradesecret.supply_chain import leak_liquidated_damages


@pytest.mark.parametrize("kind", example_names())
def test_three_spellings_of_a_date_give_the_same_results(kind: str, rb: Rulebook) -> None:
    """pendulum.Date, datetime.date and ISO text give byte-identical results."""
    case = load_case(example_text(kind))
    run = default_kinds()[kind].run
    day = case.as_of
    spellings = (day, datetime.date(day.year, day.month, day.day), day.to_date_string())
    outputs = {to_json(run(case.data, when, rb)) for when in spellings}  # type: ignore[arg-type]
    assert 1 == len(outputs)


@pytest.mark.parametrize("kind", example_names())
@pytest.mark.parametrize(
    "bad", [12345, "2025-13-01", None, datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)]
)
def test_anything_else_is_an_input_error(kind: str, bad: object, rb: Rulebook) -> None:
    """A number, an impossible date, null or a datetime is an input error naming as_of."""
    case = load_case(example_text(kind))
    with pytest.raises(InvalidInputError) as info:
        default_kinds()[kind].run(case.data, bad, rb)  # type: ignore[arg-type]
    assert "as_of" == info.value.field


def test_a_direct_call_takes_datetime_date() -> None:
    """A domain function called directly takes a datetime.date too."""
    by_date = leak_liquidated_damages(Money("100000"), as_of=datetime.date(2025, 6, 1))
    by_text = leak_liquidated_damages(Money("100000"), as_of="2025-06-01")
    assert to_json(by_text) == to_json(by_date)
