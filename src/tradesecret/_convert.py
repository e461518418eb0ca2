"""Shared attrs converters and validators for the frozen value classes (layer 0)."""

from __future__ import annotations

import re
from typing import Any, Final

import attrs
import pendulum

from tradesecret.dates import to_date
from tradesecret.exceptions import InvalidInputError

__all__ = ["check_id", "date_field", "optional_date_field", "tuple_of"]

_ID: Final = re.compile(r"^\S(.*\S)?$")


def date_field(value: object) -> pendulum.Date:
    """Converter: a date given as ``pendulum.Date``, ``datetime.date`` or ISO text."""
    return to_date(value, path="date")


def optional_date_field(value: object) -> pendulum.Date | None:
    """Converter: like :func:`date_field`, keeping ``None``."""
    return None if value is None else to_date(value, path="date")


def check_id(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """Validator: an identifier is a non-blank string without surrounding spaces."""
    if not isinstance(value, str) or not _ID.match(value):
        raise InvalidInputError.single(
            f"{type(instance).__name__}.{attribute.name}",
            value,
            "must be a non-blank string without surrounding spaces",
        )


def tuple_of(*kinds: type[Any]) -> Any:
    """
    Validator: the value is a ``tuple`` whose members are instances of ``kinds``.

    Collections in the domain are tuples (immutable, hashable, ordered); a list is refused
    with a ``TypeError`` naming the field instead of being converted behind the caller's back.
    """
    return _TupleOf(
        kinds,
        attrs.validators.deep_iterable(
            member_validator=attrs.validators.instance_of(kinds),
            iterable_validator=attrs.validators.instance_of(tuple),
        ),
    )


class _TupleOf:
    """
    :func:`tuple_of`'s validator: a plain loop for a valid value (results are built often,
    and attrs' composed validators cost a call per member); any other value goes through
    attrs' ``deep_iterable`` validator, which raises its usual error.
    """

    __slots__ = ("_full", "_kinds")

    def __init__(self, kinds: tuple[type[Any], ...], full: Any) -> None:
        self._kinds = kinds
        self._full = full

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is tuple:
            kinds = self._kinds
            for member in value:
                if not isinstance(member, kinds):
                    break
            else:
                return
        self._full(instance, attribute, value)

    def __repr__(self) -> str:
        return repr(self._full)
