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

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import total_ordering
from typing import Any, Final

import attrs

from tradesecret.exceptions import CurrencyMismatchError, FloatNotAllowedError, InvalidInputError
from tradesecret.presenters import present

__all__ = ["FEN", "Money", "Ratio", "to_decimal"]

#: One fen, the smallest CNY unit; instalments are rounded to it.
FEN: Final = Decimal("0.01")


def to_decimal(value: object, *, path: str = "value") -> Decimal:
    """
    Convert ``Decimal | int | str`` to a finite ``Decimal``.

    Raises:
        FloatNotAllowedError: for a ``float`` (a ``TypeError``).
        InvalidInputError: for ``bool``, text that is not a number, NaN or infinity.
    """
    if isinstance(value, float):
        raise FloatNotAllowedError(path, value)
    if isinstance(value, bool):
        raise InvalidInputError.single(path, value, "a boolean is not an amount")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip().replace(",", ""))
        except InvalidOperation:
            raise InvalidInputError.single(path, value, "not a decimal number") from None
    else:
        raise InvalidInputError.single(
            path, value, f"expected Decimal, int or str, not {type(value).__name__}"
        )
    if not result.is_finite():
        raise InvalidInputError.single(path, value, "must be a finite number")
    return result


def _amount(value: object) -> Decimal:
    return to_decimal(value, path="amount")


def _currency(value: object) -> str:
    if not isinstance(value, str) or len(value) != 3 or not value.isalpha() or not value.isupper():
        raise InvalidInputError.single("currency", value, "must be an ISO 4217 code such as 'CNY'")
    return value


@total_ordering
@attrs.frozen(eq=False, order=False)
class Money:
    """
    An exact amount of money.

    ``Money("1234.50")`` and ``Money(Decimal("1234.5"), "CNY")`` are equal
    (comparison is by value). Combining or comparing two currencies raises
    :class:`~tradesecret.exceptions.CurrencyMismatchError`.

    Attributes:
        amount: Exact decimal amount, never rounded implicitly.
        currency: ISO 4217 code, ``"CNY"`` by default.
    """

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
        return cls(Decimal(fen).scaleb(-2), currency)

    @property
    def fen(self) -> int:
        """The amount in integer fen. The amount must already be a whole number of fen."""
        scaled = self.amount.scaleb(2)
        if scaled != scaled.to_integral_value():
            msg = f"{self.amount} is not a whole number of fen; call round_fen() first"
            raise ValueError(msg)
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
            return Money(self.amount * factor, self.currency)
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, divisor: Decimal | int) -> Money:
        if isinstance(divisor, float):
            raise FloatNotAllowedError("divisor", divisor)
        if isinstance(divisor, bool) or not isinstance(divisor, Decimal | int):
            return NotImplemented
        if divisor == 0:
            msg = "division of money by zero"
            raise ZeroDivisionError(msg)
        return Money(self.amount / Decimal(divisor), self.currency)

    def ratio_to(self, other: Money) -> Decimal:
        """``self / other`` as a plain decimal (e.g. an agreed amount as a share of wage)."""
        self._check(other)
        if other.amount == 0:
            msg = "ratio to a zero amount"
            raise ZeroDivisionError(msg)
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

    def _repr_html_(self) -> str | None:
        """Notebook display (``CN¥12,000.00``) through the presenter registry; ``None`` without one."""
        shown = present("html", self)
        return shown if isinstance(shown, str) else None

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """IPython's plain-text display (inside tuples and lists too); ``repr`` without a presenter."""
        shown = present("pretty", self)
        printer.text(shown if isinstance(shown, str) and not cycle else repr(self))


def _ratio(value: object) -> Decimal:
    result = to_decimal(value, path="ratio")
    if result < 0:
        raise InvalidInputError.single("ratio", value, "a ratio cannot be negative")
    return result


@attrs.frozen
class Ratio:
    """
    A non-negative legal ratio: ``Ratio("0.30")`` is 30 %.

    Examples:
        >>> Ratio("0.5") * 3
        Ratio(value=Decimal('1.5'))
    """

    value: Decimal = attrs.field(converter=_ratio)

    def __mul__(self, other: int | Decimal) -> Ratio:
        if isinstance(other, float):
            raise FloatNotAllowedError("factor", other)
        return Ratio(self.value * other)

    def __str__(self) -> str:
        return f"{(self.value * 100).normalize():f} %"

    def _repr_html_(self) -> str | None:
        """Notebook display (``CN¥12,000.00``) through the presenter registry; ``None`` without one."""
        shown = present("html", self)
        return shown if isinstance(shown, str) else None

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """IPython's plain-text display (inside tuples and lists too); ``repr`` without a presenter."""
        shown = present("pretty", self)
        printer.text(shown if isinstance(shown, str) and not cycle else repr(self))
