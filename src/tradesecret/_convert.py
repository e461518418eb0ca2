"""Shared attrs converters and validators for the frozen value classes (layer 0)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Final

import attrs
import pendulum

from tradesecret._constraints import ID_PATTERN, declare, matches
from tradesecret.dates import to_date
from tradesecret.exceptions import FloatNotAllowedError, InvalidInputError, json_kind
from tradesecret.facts import UNKNOWN

__all__ = ["check_id", "date_field", "exact", "fact_bool", "optional_date_field", "tuple_of"]

_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def date_field(value: object) -> pendulum.Date:
    """Converter: a date given as ``pendulum.Date``, ``datetime.date`` or ISO text."""
    return to_date(value, path="date")


def optional_date_field(value: object) -> pendulum.Date | None:
    """Converter: like :func:`date_field`, keeping ``None``."""
    return None if value is None else to_date(value, path="date")


def fact_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: ``True``, ``False`` or :data:`~tradesecret.facts.UNKNOWN`."""
    if value is not UNKNOWN and not isinstance(value, bool):
        raise InvalidInputError.single(
            f"{type(instance).__name__}.{attribute.name}", value, "expected true, false or null"
        )


def check_id(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """Validator: an identifier is a non-blank string without surrounding spaces, valid Unicode."""
    if not matches(ID_PATTERN, value) or _LONE_SURROGATE.search(value):
        raise InvalidInputError.single(
            f"{type(instance).__name__}.{attribute.name}",
            value,
            "must be a non-blank string without surrounding spaces",
        )


declare(check_id, pattern=ID_PATTERN)


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


def exact(kind: type[Any], *, optional: bool = False, floats_only: bool = False) -> Any:
    """
    Validator for a money, decimal or ratio slot: a ``float`` is refused with
    :class:`~tradesecret.exceptions.FloatNotAllowedError`, any other type than ``kind``
    (an ``int`` is a whole ``Decimal``; ``None`` when ``optional``) with an input error --
    unless ``floats_only``, for a class whose own check lists every wrong field at once.

    Examples:
        >>> import attrs
        >>> from tradesecret.money import Money
        >>> @attrs.frozen(kw_only=True)
        ... class Fee:
        ...     amount: Money = attrs.field(validator=exact(Money))
        >>> Fee(amount=1.5)
        Traceback (most recent call last):
        ...
        tradesecret.exceptions.FloatNotAllowedError: float 1.5 is not accepted @ Fee.amount; pass Decimal, int or a decimal string
    """
    return _Exact(kind, optional, floats_only)


class _Exact:
    __slots__ = ("_floats_only", "_kind", "_optional")

    def __init__(self, kind: type[Any], optional: bool, floats_only: bool) -> None:
        self._kind = kind
        self._optional = optional
        self._floats_only = floats_only

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, self._kind) or (value is None and self._optional):
            return
        path = f"{type(instance).__name__}.{attribute.name}"
        if isinstance(value, float):
            raise FloatNotAllowedError(path, value)
        if self._floats_only or (
            self._kind is Decimal and isinstance(value, int) and not isinstance(value, bool)
        ):
            return
        name = self._kind.__name__
        raise InvalidInputError.single(
            path,
            value,
            "expected an amount of money, got {got}"
            if name == "Money"
            else "expected a ratio, got {got}"
            if name == "Ratio"
            else "expected a decimal number, got {got}"
            if name == "Decimal"
            else "expected another kind of value, got {got}",
            got=json_kind(value),
        )

    def __repr__(self) -> str:
        return f"<exact {self._kind.__name__}{' or None' if self._optional else ''}>"
