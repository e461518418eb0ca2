"""
The bounds every input is checked against, in one place (layer 0).

An input outside these bounds is refused with an
:class:`~tradesecret.exceptions.InvalidInputError` naming its path **before** any
conversion is attempted, so no input can make the library run out of stack, spend
seconds converting a number, or overflow a decimal or date computation.

=====================  ==========================================================
JSON text              at most :data:`MAX_JSON_CHARS` characters, nested at most
                       :data:`MAX_JSON_DEPTH` arrays/objects deep, valid Unicode
                       (no lone surrogates), no duplicate keys, no ``NaN`` or
                       ``Infinity``
number literals        at most :data:`MAX_NUMBER_DIGITS` digits and an exponent
                       of at most :data:`MAX_EXPONENT` in magnitude
whole numbers (int)    at most :data:`MAX_INT` in magnitude
decimals               finite, at most :data:`MAX_DECIMAL` in magnitude, and a
                       non-zero value at least :data:`MIN_DECIMAL` in magnitude
money                  at most :data:`MAX_MONEY` yuan in magnitude, and a
                       non-zero amount at least :data:`MIN_DECIMAL`; decimal
                       text for an amount has at most :data:`MAX_MONEY_SCALE`
                       decimal places
ratios                 between 0 and :data:`MAX_RATIO`
dates                  :data:`MIN_DATE` to :data:`MAX_DATE`; a period whose end
                       would fall after :data:`MAX_DATE` is refused
=====================  ==========================================================

Examples:
    >>> from tradesecret.limits import MAX_MONEY, MAX_DATE
    >>> MAX_MONEY
    Decimal('1E+15')
    >>> str(MAX_DATE)
    '9999-12-31'
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Final

__all__ = [
    "MAX_DATE",
    "MAX_DECIMAL",
    "MAX_EXPONENT",
    "MAX_INT",
    "MAX_JSON_CHARS",
    "MAX_JSON_DEPTH",
    "MAX_MONEY",
    "MAX_MONEY_SCALE",
    "MAX_NUMBER_DIGITS",
    "MAX_RATIO",
    "MIN_DATE",
    "MIN_DECIMAL",
]

#: Largest JSON document read, in characters (a case file is a few kilobytes).
MAX_JSON_CHARS: Final = 8_000_000
#: Deepest nesting of JSON arrays and objects (the deepest case file needs about 8).
MAX_JSON_DEPTH: Final = 64
#: Most digits in one JSON number literal (integer and fraction together).
MAX_NUMBER_DIGITS: Final = 40
#: Largest exponent (``1E+40``) in magnitude in a number literal or decimal text.
MAX_EXPONENT: Final = 40
#: Largest whole number accepted anywhere (counts, months, days, versions).
MAX_INT: Final = 10**15
#: Largest decimal accepted in magnitude.
MAX_DECIMAL: Final = Decimal("1E+30")
#: Smallest non-zero decimal (and money amount) accepted in magnitude.
MIN_DECIMAL: Final = Decimal("1E-30")
#: Largest amount of money in magnitude: one thousand trillion yuan.
MAX_MONEY: Final = Decimal("1E+15")
#: Most decimal places in an amount given as text (``"0.125"`` has 3).
MAX_MONEY_SCALE: Final = 12
#: Largest legal ratio (a ratio is a share or a multiple, ``0.30`` or ``3``).
MAX_RATIO: Final = Decimal("1E+6")
#: First supported date.
MIN_DATE: Final = _dt.date(1, 1, 1)
#: Last supported date; a period whose end falls after it is refused.
MAX_DATE: Final = _dt.date(9999, 12, 31)
