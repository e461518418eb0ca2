"""
Minimum wages for the compensation floors: the month's figure, and the highest figure
the rulebook holds (the bound for interval reasoning where a place's figure is missing).
"""

from __future__ import annotations

import enum
from typing import Final

import pendulum

from tradesecret.rulebook import ParameterValue, Rulebook

__all__ = ["MinimumWageDay", "highest_minimum_wage", "minimum_wage_for"]

_MIN_WAGE: Final = "minimum_wage.monthly"


class MinimumWageDay(enum.Enum):
    """Which day of each month of the period fixes that month's minimum wage."""

    #: The month's last day: a rise during the month applies to that month (default).
    LAST_DAY = "last_day"
    #: The month's first day: a rise applies from the next month.
    FIRST_DAY = "first_day"


def minimum_wage_for(
    book: Rulebook,
    region: str,
    month_first: pendulum.Date,
    month_last: pendulum.Date,
    day: MinimumWageDay,
) -> ParameterValue:
    """The minimum wage fixing one month of the period (on its last or first day)."""
    on = month_last if day is MinimumWageDay.LAST_DAY else month_first
    return book.param(_MIN_WAGE, as_of=on, region=region)


def highest_minimum_wage(book: Rulebook) -> ParameterValue | None:
    """
    The highest monthly minimum wage the rulebook holds, for any place and date.

    Minimum wages are raised, never lowered: this bounds the minimum wage of every
    place on every date up to the last figure held (later months are projected, as the
    floor does). Where 30 % of an average exceeds it, a comparison with the local
    minimum wage is decided without knowing that wage.
    """
    best: ParameterValue | None = None
    for series in book.all_series():
        if series.name != _MIN_WAGE:
            continue
        for value in series.values:
            if best is None or value.as_money() > best.as_money():
                best = value
    return best
