"""The remedies reviews take dates in the three spellings of every public function."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from tradesecret.exceptions import InvalidInputError
from tradesecret.facts import UNKNOWN
from tradesecret.money import Money
from tradesecret.remedies import (
    Adjustment,
    Breach,
    BreachKind,
    Business,
    CompensationClause,
    CompensationShape,
    PenaltyFacts,
    review_breach_scope,
    review_clauses,
    review_penalty,
)
from tradesecret.rulebook import Rulebook

#: The same day spelt three ways: pendulum.Date, datetime.date, ISO text.
SPELLINGS = [pendulum.date(2023, 12, 5), dt.date(2023, 12, 5), "2023-12-05"]
DATETIME = dt.datetime(2023, 12, 5, 9, 0, tzinfo=dt.UTC)  # a datetime where a date is meant
HIGH = PenaltyFacts(agreed=Money("1000000"), loss=Money("200000"))
EMPLOYER = Business(name="Former", business_lines=("动力电池",), products=("磷酸铁锂电芯",))
RIVAL = Business(name="Rival", business_lines=("动力电池",), products=("磷酸铁锂电芯",))
BREACH = Breach(
    kind=BreachKind.WORKING_FOR_COMPETITOR, start=pendulum.date(2023, 3, 1), business=RIVAL
)


def _clauses(as_of: object, rb: Rulebook) -> object:
    clause = CompensationClause(shape=CompensationShape.LUMP_SUM, amount=Money("15000"))
    return review_clauses(clause, UNKNOWN, period_months=12, as_of=as_of, rulebook=rb)


def _scope(as_of: object, rb: Rulebook, termination: object = "2023-01-31") -> object:
    return review_breach_scope(
        BREACH,
        employer=EMPLOYER,
        termination_date=termination,  # type: ignore[arg-type]
        in_service_clause=UNKNOWN,
        as_of=as_of,
        rulebook=rb,
    )


class TestThreeSpellings:
    @pytest.mark.parametrize("day", SPELLINGS)
    def test_review_penalty(self, rb: Rulebook, day: object) -> None:
        """Every spelling of 2023-12-05 gives the 130 % line of CNY 260,000.00 (in force that day)."""
        r = review_penalty(HIGH, as_of=day, facts_day=day, rulebook=rb)
        assert (pendulum.date(2023, 12, 5), Money("260000.00")) == (
            r.as_of,
            r.line("remedies.line.excessive").value,
        )
        assert Adjustment.REDUCTION_LIKELY_UNLESS_MALICIOUS is r.adjustment

    @pytest.mark.parametrize("day", SPELLINGS)
    def test_review_clauses(self, rb: Rulebook, day: object) -> None:
        """Every spelling gives the same criterion: a lump sum noted against LCL Art. 23."""
        assert _clauses(pendulum.date(2023, 12, 5), rb) == _clauses(day, rb)

    @pytest.mark.parametrize("day", SPELLINGS)
    def test_review_breach_scope(self, rb: Rulebook, day: object) -> None:
        """Every spelling of as_of and of the termination date gives the same criteria."""
        expected = _scope(pendulum.date(2023, 12, 5), rb, termination=pendulum.date(2023, 1, 31))
        assert expected == _scope(day, rb)
        assert expected == _scope(day, rb, termination=dt.date(2023, 1, 31))


class TestBadDates:
    @pytest.mark.parametrize("bad", ["2023-02-30", "05/12/2023", DATETIME, 20231205])
    def test_review_penalty(self, rb: Rulebook, bad: object) -> None:
        """A bad as_of is an input error naming as_of; a bad facts_day names facts_day."""
        with pytest.raises(InvalidInputError) as caught:
            review_penalty(HIGH, as_of=bad, facts_day="2023-06-01", rulebook=rb)
        assert ["as_of"] == [p.path for p in caught.value.problems]
        with pytest.raises(InvalidInputError) as caught:
            review_penalty(HIGH, as_of="2023-12-05", facts_day=bad, rulebook=rb)
        assert ["facts_day"] == [p.path for p in caught.value.problems]

    @pytest.mark.parametrize("bad", ["2023-13-01", DATETIME, None])
    def test_review_clauses(self, rb: Rulebook, bad: object) -> None:
        """A bad as_of is an input error naming as_of."""
        with pytest.raises(InvalidInputError) as caught:
            _clauses(bad, rb)
        assert ["as_of"] == [p.path for p in caught.value.problems]

    @pytest.mark.parametrize("bad", ["2023-12-5", DATETIME])
    def test_review_breach_scope(self, rb: Rulebook, bad: object) -> None:
        """A bad as_of names as_of; a bad stated termination date names termination_date."""
        with pytest.raises(InvalidInputError) as caught:
            _scope(bad, rb)
        assert ["as_of"] == [p.path for p in caught.value.problems]
        with pytest.raises(InvalidInputError) as caught:
            _scope("2023-12-05", rb, termination=bad)
        assert ["termination_date"] == [p.path for p in caught.value.problems]
