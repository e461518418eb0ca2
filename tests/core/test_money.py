"""Money: exact decimals, half-up rounding to the fen, floats refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradesecret import CurrencyMismatchError, FloatNotAllowedError, InvalidInputError, Money, Ratio

amounts = st.decimals(
    min_value=Decimal("-1e9"), max_value=Decimal("1e9"), allow_nan=False, places=4
)


class TestConstruction:
    def test_accepts_decimal_int_and_str(self) -> None:
        """Decimal, int and decimal strings give equal amounts."""
        assert Money(Decimal("10.50")) == Money("10.5") == Money("10.50")
        assert Money(10) == Money("10.00")

    def test_float_is_a_type_error(self) -> None:
        """A float is refused with a TypeError that is also a TradeSecretError."""
        with pytest.raises(TypeError) as info:
            Money(0.1)
        assert isinstance(info.value, FloatNotAllowedError)
        assert "amount" in str(info.value)

    @pytest.mark.parametrize("bad", ["abc", "NaN", "Infinity", True, None, [1]])
    def test_bad_values_name_the_field(self, bad: object) -> None:
        """Non-numbers are InvalidInputErrors naming the field."""
        with pytest.raises(InvalidInputError) as info:
            Money(bad)
        assert "amount" == info.value.field

    def test_thousands_separators_in_text(self) -> None:
        """'5,000,000' reads as five million."""
        assert Money("5,000,000") == Money(5_000_000)

    def test_currency_must_be_iso(self) -> None:
        """Currency codes are three upper-case letters."""
        with pytest.raises(InvalidInputError):
            Money("1", "rmb")


class TestRounding:
    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("0.005", "0.01"),
            ("0.015", "0.02"),
            ("0.025", "0.03"),
            ("-0.005", "-0.01"),
            ("2.344", "2.34"),
            ("6000", "6000.00"),
        ],
    )
    def test_half_up_to_the_fen(self, raw: str, expected: str) -> None:
        """round_fen rounds half up (四舍五入), unlike Python's default half-even."""
        assert Decimal(expected) == Money(raw).round_fen().amount

    def test_arithmetic_never_rounds(self) -> None:
        """Products keep every digit until a named rounding point."""
        assert Decimal("3000.0000") == (Money("10000.00") * Ratio("0.30")).amount
        assert Decimal("833.3333333333333333333333333") == (Money("10000") / 12).amount

    def test_fen_requires_rounded_amount(self) -> None:
        """Integer fen are only available for whole-fen amounts."""
        assert 123456 == Money("1234.56").fen
        with pytest.raises(ValueError, match="round_fen"):
            _ = Money("0.125").fen


class TestArithmetic:
    def test_currency_mismatch(self) -> None:
        """Adding or comparing two currencies is an error."""
        with pytest.raises(CurrencyMismatchError):
            _ = Money("1") + Money("1", "USD")
        with pytest.raises(CurrencyMismatchError):
            _ = Money("1") < Money("1", "USD")

    def test_multiplying_by_float_refused(self) -> None:
        """Money * float raises FloatNotAllowedError."""
        with pytest.raises(FloatNotAllowedError):
            _ = Money("1") * 0.3  # type: ignore[operator]

    def test_ordering(self) -> None:
        """Money orders by amount."""
        assert Money("1") < Money("2") <= Money("2.00")
        assert max(Money("5"), Money("7")) == Money("7")

    def test_ratio_str(self) -> None:
        """Ratios print as percentages."""
        assert "30 %" == str(Ratio("0.30"))
        with pytest.raises(InvalidInputError):
            Ratio("-0.1")


class TestInvariants:
    @given(amounts)
    def test_round_fen_is_idempotent_and_within_half_a_fen(self, value: Decimal) -> None:
        """Rounding twice changes nothing; the error is at most half a fen."""
        once = Money(value).round_fen()
        assert once == once.round_fen()
        assert abs(once.amount - value) <= Decimal("0.005")

    @given(st.integers(min_value=-(10**12), max_value=10**12))
    def test_fen_round_trip(self, fen: int) -> None:
        """from_fen and .fen are inverse."""
        assert fen == Money.from_fen(fen).fen

    @given(amounts, amounts)
    def test_addition_commutes_and_subtraction_inverts(self, a: Decimal, b: Decimal) -> None:
        """a + b == b + a and (a + b) - b == a, exactly."""
        x, y = Money(a), Money(b)
        assert x + y == y + x
        assert (x + y) - y == x
