"""Input converters of the preservation models: every bad field is kept and reported at once."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

import attrs
import pendulum

from tradesecret._constraints import TEXT_PATTERN, declare
from tradesecret.dates import to_date, to_datetime
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.facts import UNKNOWN, Fact
from tradesecret.money import Money

if TYPE_CHECKING:
    from attrs import AttrsInstance

__all__ = [
    "check",
    "fact_bool",
    "fact_date",
    "opt_date",
    "opt_datetime",
    "opt_money",
    "problems_of",
    "raise_if",
    "security_amount",
    "text",
]


@attrs.frozen
class Invalid:
    """A field value that failed conversion: kept so that every problem can be reported.

    ``problems`` are the reasons (templates with their parameters), each placed at the
    field by :func:`problems_of`.
    """

    problems: tuple[Problem, ...]


def _invalid(exc: InvalidInputError) -> Any:
    return Invalid(exc.problems)


def _refused(problem: Problem) -> Any:
    return Invalid((problem,))


def text(value: object) -> str:
    """Non-empty text."""
    if not isinstance(value, str) or not value.strip():
        return cast("str", _refused(Problem.of("", value, "must be non-empty text")))
    return value


declare(text, pattern=TEXT_PATTERN)


def opt_date(value: object) -> pendulum.Date | None:
    """``None`` or a date."""
    try:
        return None if value is None else to_date(value)
    except InvalidInputError as exc:
        return cast("pendulum.Date", _invalid(exc))


def fact_date(value: object) -> Fact[pendulum.Date]:
    """A date, or :data:`~tradesecret.facts.UNKNOWN` (``None`` is read as not stated)."""
    if value is UNKNOWN or value is None:
        return UNKNOWN
    return cast("pendulum.Date", opt_date(value))


def opt_datetime(value: object) -> pendulum.DateTime | None:
    """``None`` or an aware datetime."""
    try:
        return None if value is None else to_datetime(value)
    except InvalidInputError as exc:
        return cast("pendulum.DateTime", _invalid(exc))


def opt_money(value: object) -> Money | None:
    """``None``, a :class:`Money`, or an exact amount in yuan (``str``, ``int``, ``Decimal``)."""
    if value is None:
        return None
    if not isinstance(value, Money):
        if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
            return cast(
                "Money",
                _refused(
                    Problem.of(
                        "", value, "expected an exact amount (decimal text or a whole number)"
                    )
                ),
            )
        try:
            value = Money(value)
        except InvalidInputError as exc:
            return cast("Money", _invalid(exc))
    if value.amount < 0:
        return cast("Money", _refused(Problem.of("", value, "cannot be negative")))
    return value


def security_amount(value: object) -> Fact[Money | None]:
    """
    The security offered: :data:`~tradesecret.facts.UNKNOWN` (not stated), ``None`` or
    zero (stated: none offered), or an amount.
    """
    if value is UNKNOWN:
        return UNKNOWN
    return opt_money(value)


def problems_of(obj: AttrsInstance) -> list[Problem]:
    """Every field of ``obj`` that failed conversion, with its name as the path."""
    return [
        p.at(f.name)  # template: passed through
        for f in attrs.fields(type(obj))
        if isinstance(v := getattr(obj, f.name), Invalid)
        for p in v.problems
    ]


def raise_if(problems: list[Problem]) -> None:
    """Raise every problem together, if any."""
    if problems:
        raise InvalidInputError(problems)


def check(obj: AttrsInstance) -> None:
    """Raise every conversion problem of ``obj``."""
    raise_if(problems_of(obj))


def fact_bool(value: object) -> Fact[bool]:
    """A ``bool`` or :data:`~tradesecret.facts.UNKNOWN` (``None`` is read as not stated)."""
    if value is UNKNOWN or value is None:
        return UNKNOWN
    if not isinstance(value, bool):
        return cast("bool", _refused(Problem.of("", value, "must be true, false or not stated")))
    return value
