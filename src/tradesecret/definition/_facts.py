"""Converters and validators for facts that may be unknown (``Fact[...]`` fields)."""

from __future__ import annotations

from typing import Any

import attrs
import pendulum

from tradesecret._convert import fact_bool, tuple_of
from tradesecret.dates import to_date
from tradesecret.facts import UNKNOWN, Fact

__all__ = ["fact_bool", "fact_date", "fact_tuple_of"]


def fact_date(value: object) -> Fact[pendulum.Date]:
    """Converter: a date, or :data:`~tradesecret.facts.UNKNOWN` for one not stated (``None`` too)."""
    if value is UNKNOWN or value is None:
        return UNKNOWN
    return to_date(value, path="date")


def fact_tuple_of(*kinds: type[object]) -> Any:
    """Validator: :data:`~tradesecret.facts.UNKNOWN` (not stated) or a tuple of ``kinds``."""
    inner = tuple_of(*kinds)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not UNKNOWN:
            inner(instance, attribute, value)

    return check
