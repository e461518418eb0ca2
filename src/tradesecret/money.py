"""
Money and ratios as exact decimals.

* :class:`Money` holds a :class:`~decimal.Decimal` amount and a currency (CNY by
  default). It accepts ``Decimal``, ``int`` or a decimal string and raises
  :class:`~tradesecret.exceptions.FloatNotAllowedError` (a ``TypeError``) on a
  ``float``.
* Arithmetic never rounds. Rounding happens only where a rule says so, through
  :meth:`Money.round_fen`, which rounds **half up** (四舍五入) to the fen (0.01).
  Python's default context rounds half-even; it is never relied on.
* :class:`Ratio` is a legal ratio such as 30 %; it multiplies money exactly.

Examples:
    >>> from tradesecret.money import Money, Ratio
    >>> (Money("20000") * Ratio("0.30")).round_fen()
    Money(amount=Decimal('6000.00'), currency='CNY')
    >>> Money("0.125").round_fen().amount
    Decimal('0.13')
    >>> Money(0.1)
    Traceback (most recent call last):
    ...
    tradesecret.exceptions.FloatNotAllowedError: float 0.1 is not accepted @ amount; pass Decimal, int or a decimal string
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from functools import total_ordering
from typing import Final

import attrs

from tradesecret._constraints import CURRENCY_PATTERN, matches
from tradesecret.exceptions import (
    CurrencyMismatchError,
    FloatNotAllowedError,
    InvalidInputError,
    json_kind,
)
from tradesecret.limits import (
    MAX_DECIMAL,
    MAX_EXPONENT,
    MAX_MONEY,
    MAX_MONEY_SCALE,
    MAX_NUMBER_DIGITS,
    MAX_RATIO,
    MIN_DECIMAL,
)
from tradesecret.presenters import ShownAsValue

__all__ = ["FEN", "Money", "Ratio", "times", "to_decimal"]

#: One fen, the smallest CNY unit; instalments are rounded to it.
FEN: Final = Decimal("0.01")


#: Decimal text: ASCII digits, an optional fraction and exponent (no Unicode digits).
_DECIMAL_TEXT: Final = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$", re.ASCII)


def to_decimal(value: object, *, path: str = "value") -> Decimal:
    """
    Convert ``Decimal | int | str`` to a finite ``Decimal`` within the bounds of
    :mod:`tradesecret.limits`.

    Text may carry thousands separators (``"5,000,000"``) and surrounding spaces; its digits
    are ASCII. Its length and exponent are checked before it is converted.

    Raises:
        FloatNotAllowedError: for a ``float`` (a ``TypeError``).
        InvalidInputError: for ``bool``, text that is not a number, NaN or infinity, or a
            value outside the bounds.
    """
    if isinstance(value, float):
        raise FloatNotAllowedError(path, value)
    if isinstance(value, bool):
        raise InvalidInputError.single(path, value, "a boolean is not an amount")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        if abs(value) > MAX_DECIMAL:
            raise InvalidInputError.single(path, value, _TOO_LARGE, limit=_bound(MAX_DECIMAL))
        result = Decimal(value)
    elif isinstance(value, str):
        result = _parse_text(value, path)
    else:
        raise InvalidInputError.single(
            path,
            value,
            "expected a decimal string or a whole number, got {got}",
            got=json_kind(value),
        )
    _check_range(result, value, path)
    return result


def _parse_text(value: str, path: str) -> Decimal:
    text = value.strip().replace(",", "")
    match = _DECIMAL_TEXT.match(text) if len(text) <= 2 * MAX_NUMBER_DIGITS else None
    if match is None:
        raise InvalidInputError.single(path, value, "not a decimal number")
    mantissa = text.split("e")[0].split("E")[0]
    if sum(c.isdigit() for c in mantissa) > MAX_NUMBER_DIGITS:
        raise InvalidInputError.single(
            path, value, "more than {limit} digits", limit=MAX_NUMBER_DIGITS
        )
    exponent = match.group(3)
    if exponent and abs(int(exponent[1:])) > MAX_EXPONENT:
        raise InvalidInputError.single(
            path, value, "exponent larger than {limit} in magnitude", limit=MAX_EXPONENT
        )
    return Decimal(text)


def _check_range(result: Decimal, value: object, path: str) -> None:
    if not result.is_finite():
        raise InvalidInputError.single(path, value, "must be a finite number")
    if abs(result) > MAX_DECIMAL:
        raise InvalidInputError.single(path, value, _TOO_LARGE, limit=_bound(MAX_DECIMAL))
    if result and abs(result) < MIN_DECIMAL:
        raise InvalidInputError.single(path, value, _TOO_SMALL, limit=MIN_DECIMAL)


_TOO_LARGE: Final = "larger than {limit} in magnitude (the supported range)"
_TOO_SMALL: Final = "a non-zero value smaller than {limit} in magnitude (the supported range)"


def _bound(bound: Decimal) -> str:
    return f"{bound:,f}"


def _amount(value: object) -> Decimal:
    result = to_decimal(value, path="amount")
    if abs(result) > MAX_MONEY:
        raise InvalidInputError.single("amount", value, _TOO_LARGE, limit=_bound(MAX_MONEY))
    if isinstance(value, str) and -result.as_tuple().exponent > MAX_MONEY_SCALE:  # type: ignore[operator]
        raise InvalidInputError.single(
            "amount", value, "more than {limit} decimal places", limit=MAX_MONEY_SCALE
        )
    return result


def _currency(value: object) -> str:
    if isinstance(value, str) and matches(CURRENCY_PATTERN, value):
        return value
    raise InvalidInputError.single("currency", value, 'must be an ISO 4217 code such as "CNY"')


@total_ordering
@attrs.frozen(eq=False, order=False)
class Money(ShownAsValue):
    """
    An exact amount of money.

    ``Money("1234.50")`` and ``Money(Decimal("1234.5"), "CNY")`` are equal
    (comparison is by value). Combining or comparing two currencies raises
    :class:`~tradesecret.exceptions.CurrencyMismatchError`.

    Attributes:
        amount: Exact decimal amount, never rounded implicitly.
        currency: ISO 4217 code, ``"CNY"`` by default.
    """

    # IPython takes ``_repr_pretty_`` only from the class itself, not from a base.
    _repr_pretty_ = ShownAsValue._repr_pretty_

    amount: Decimal = attrs.field(converter=_amount)
    currency: str = attrs.field(default="CNY", converter=_currency)

    @classmethod
    def zero(cls, currency: str = "CNY") -> Money:
        """Zero in ``currency``."""
        return cls(Decimal(0), currency)

    @classmethod
    def from_fen(cls, fen: int, currency: str = "CNY") -> Money:
        """From an integer number of fen (the columnar batch representation)."""
        if isinstance(fen, bool) or not isinstance(fen, int):
            raise InvalidInputError.single("fen", fen, "must be an int")
        if abs(fen) > MAX_MONEY * 100:
            raise InvalidInputError.single("fen", fen, _TOO_LARGE, limit=_bound(MAX_MONEY * 100))
        return cls(Decimal(fen).scaleb(-2), currency)

    @property
    def fen(self) -> int:
        """The amount in integer fen. The amount must already be a whole number of fen."""
        scaled = self.amount.scaleb(2)
        if scaled != scaled.to_integral_value():
            raise InvalidInputError.single(
                "amount", self.amount, "not a whole number of fen; call round_fen() first"
            )
        return int(scaled)

    def round_fen(self) -> Money:
        """Round half up (四舍五入) to the fen. The only rounding money ever gets."""
        return Money(self.amount.quantize(FEN, rounding=ROUND_HALF_UP), self.currency)

    def is_zero(self) -> bool:
        """True for an amount of exactly zero."""
        return self.amount == 0

    def _check(self, other: Money) -> None:
        if other.currency != self.currency:
            raise CurrencyMismatchError(self.currency, other.currency)

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._check(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._check(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __mul__(self, factor: Ratio | Decimal | int) -> Money:
        if isinstance(factor, float):
            raise FloatNotAllowedError("factor", factor)
        if isinstance(factor, Ratio):
            return Money(self.amount * factor.value, self.currency)
        if isinstance(factor, Decimal | int) and not isinstance(factor, bool):
            return Money(self.amount * to_decimal(factor, path="factor"), self.currency)
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, divisor: Decimal | int) -> Money:
        if isinstance(divisor, float):
            raise FloatNotAllowedError("divisor", divisor)
        if isinstance(divisor, bool) or not isinstance(divisor, Decimal | int):
            return NotImplemented
        value = to_decimal(divisor, path="divisor")
        if value == 0:
            raise InvalidInputError.single("divisor", divisor, "division of money by zero")
        return Money(self.amount / value, self.currency)

    def ratio_to(self, other: Money) -> Decimal:
        """``self / other`` as a plain decimal (e.g. an agreed amount as a share of wage)."""
        self._check(other)
        if other.amount == 0:
            raise InvalidInputError.single("other", other, "ratio to a zero amount")
        return self.amount / other.amount

    def __lt__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._check(other)
        return self.amount < other.amount

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.currency == other.currency and self.amount == other.amount

    def __hash__(self) -> int:
        return hash((self.amount, self.currency))

    def __str__(self) -> str:
        return f"{self.currency} {self.amount}"


def _ratio(value: object) -> Decimal:
    result = to_decimal(value, path="ratio")
    if result < 0:
        raise InvalidInputError.single("ratio", value, "a ratio cannot be negative")
    if result > MAX_RATIO:
        raise InvalidInputError.single("ratio", value, _TOO_LARGE, limit=_bound(MAX_RATIO))
    return result


@attrs.frozen
class Ratio(ShownAsValue):
    """
    A non-negative legal ratio: ``Ratio("0.30")`` is 30 %.

    Examples:
        >>> Ratio("0.5") * 3
        Ratio(value=Decimal('1.5'))
    """

    # IPython takes ``_repr_pretty_`` only from the class itself, not from a base.
    _repr_pretty_ = ShownAsValue._repr_pretty_

    value: Decimal = attrs.field(converter=_ratio)

    def __mul__(self, other: int | Decimal) -> Ratio:
        if isinstance(other, float):
            raise FloatNotAllowedError("factor", other)
        return Ratio(self.value * to_decimal(other, path="factor"))

    def __str__(self) -> str:
        return f"{(self.value * 100).normalize():f} %"


def times(base: Money, factor: Decimal, path: str, given: object) -> Money:
    """
    ``base`` times ``factor`` (not rounded); an amount beyond the bound of money
    (:data:`~tradesecret.limits.MAX_MONEY`) is an input error at ``path``, the input that
    took it there (``given``, its value).

    Examples:
        >>> str(times(Money("6000"), Decimal("3"), "penalty.multiple", 3))
        'CNY 18000'
    """
    if abs(base.amount * factor) > MAX_MONEY:
        raise InvalidInputError.single(
            path,
            given,
            "gives an amount larger than {limit} in magnitude (the supported range)",
            limit=f"{MAX_MONEY:,f}",
        )
    return base * factor
