"""
The ledger's arithmetic rules, defined once for both evaluation paths.

The object path (:func:`~tradesecret.ledger.evaluate_compensation`) calls these with Python
``int``; the columnar path (:func:`~tradesecret.ledger.evaluate_batch`) calls the very same
functions with NumPy integer arrays (every operation here is one both types support:
``+``, ``*``, ``//``, comparisons). Amounts are integer fen, dates day ordinals, so both
paths round in exactly one place and identically.

Input bounds (:data:`MAX_MONTHS`, :data:`MAX_FEN`) are not law: they are the range the
library accepts, so that an out-of-range value is refused with its path by both paths
instead of overflowing one of them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, TypeVar, overload

if TYPE_CHECKING:  # the batch path passes arrays; the object path never needs NumPy
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "LAST_MONTH_INDEX",
    "MAX_FEN",
    "MAX_MONTHS",
    "default_share_fen",
    "fraction",
    "period_fits",
    "pro_rata_fen",
    "round_half_up",
]

#: Longest period the ledger accepts as input, in months (a bound on input, not law: the
#: statutory maximum caps the schedule with a finding; beyond this the value is refused).
MAX_MONTHS: Final = 1200
#: Largest amount the ledger accepts for one monthly amount, wage total or payment, in fen
#: (CNY 10 billion); larger values are refused as malformed input by both paths.
MAX_FEN: Final = 10**12
#: Month index (year * 12 + month - 1) of December 9999, the last month a date can hold.
LAST_MONTH_INDEX: Final = 9999 * 12 + 11

#: An integer, or an integer array (the rules below are written once for both).
N = TypeVar("N", int, "npt.NDArray[np.int64]")


def round_half_up(numerator: N, denominator: N) -> N:
    """Non-negative ``numerator / denominator`` rounded half up to an integer (int or array)."""
    return (2 * numerator + denominator) // (2 * denominator)


def default_share_fen(wage_fen: N, wage_months: N, ratio_num: N, ratio_den: N) -> N:
    """
    The Interp. (I) Art. 36 share of the average wage, in fen, rounded once.

    ``wage_fen`` is the total of the wages over ``wage_months`` months (or the average
    itself with ``wage_months`` 1); the ratio is ``ratio_num / ratio_den``. The product
    ``total x ratio / months`` is exact and rounded half up once, at the instalment:
    CNY 347,887.00 over 12 months at 30 % is 8,697.175, so 8,697.18.
    """
    return round_half_up(wage_fen * ratio_num, ratio_den * wage_months)


def pro_rata_fen(amount_fen: N, restricted_days: N, period_days: N) -> N:
    """A month's instalment for ``restricted_days`` of its ``period_days``, half up to the fen."""
    return round_half_up(amount_fen * restricted_days, period_days)


@overload
def period_fits(year: int, month: int, months: int) -> bool: ...
@overload
def period_fits(
    year: npt.NDArray[np.int64], month: npt.NDArray[np.int64], months: npt.NDArray[np.int64]
) -> npt.NDArray[np.bool_]: ...
def period_fits(year: Any, month: Any, months: Any) -> Any:
    """True where a period of ``months`` from a termination in ``year``/``month`` ends by 9999."""
    return (year * 12 + month - 1) + months <= LAST_MONTH_INDEX


def fraction(value: Decimal) -> tuple[int, int]:
    """A finite decimal as ``numerator / denominator`` (e.g. 0.30 -> 30 / 100)."""
    _, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):
        msg = f"not a finite decimal: {value}"
        raise ValueError(msg)
    numerator = int("".join(map(str, digits)) or "0")
    if value < 0:
        numerator = -numerator
    if exponent >= 0:
        return numerator * 10**exponent, 1
    return numerator, 10**-exponent
