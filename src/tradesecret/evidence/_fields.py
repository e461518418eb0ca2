"""Field checks of the evidence nodes: ids, digests, aware moments, moments as facts."""

from __future__ import annotations

import re
from typing import Any, Final

import attrs
import pendulum

from tradesecret._constraints import NODE_ID_PATTERN, SHA256_PATTERN, declare, matches
from tradesecret.dates import SHANGHAI
from tradesecret.exceptions import InvalidInputError
from tradesecret.facts import UNKNOWN

__all__ = [
    "ID",
    "aware",
    "check_sha256",
    "day_of",
    "fact_time",
    "optional_sha",
    "sha",
    "valid_id",
]


ID: Final = re.compile(NODE_ID_PATTERN)


def day_of(moment: pendulum.DateTime) -> pendulum.Date:
    """
    The calendar day of ``moment`` in Beijing time, whatever offset it was recorded with
    (a log line at ``2025-10-14T16:30:00+00:00`` happened on 2025-10-15 in Beijing).
    """
    local = moment.in_timezone(SHANGHAI)
    return pendulum.Date(local.year, local.month, local.day)


def check_sha256(value: object, *, path: str = "sha256") -> str:
    """A lower-case hex SHA-256 digest, or :class:`InvalidInputError`."""
    if isinstance(value, str) and matches(SHA256_PATTERN, value):
        return value
    raise InvalidInputError.single(path, value, "must be 64 lowercase hex digits (SHA-256)")


def valid_id(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not matches(NODE_ID_PATTERN, value):
        raise InvalidInputError.single(
            attribute.name,
            value,
            "an id is 1-200 characters of valid Unicode without spaces or control characters",
        )


declare(valid_id, pattern=NODE_ID_PATTERN)


def aware(_instance: object, attribute: Any, value: Any) -> None:
    if value is None or value is UNKNOWN:
        return
    # tzinfo, not utcoffset(): pendulum's utcoffset() is slow and its zones always answer
    if not isinstance(value, pendulum.DateTime) or value.tzinfo is None:
        raise InvalidInputError.single(
            attribute.name,
            value,
            "expected an aware pendulum.DateTime (use tradesecret.dates.to_datetime)",
        )


def fact_time(value: object) -> Any:
    """A moment as a fact: ``None`` (the old spelling) and left out both mean not stated."""
    return UNKNOWN if value is None else value


def sha(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    check_sha256(value, path=attribute.name)


declare(sha, pattern=SHA256_PATTERN)


#: A digest or nothing (``""``: no source record).
_OPTIONAL_SHA256: Final = "^([0-9a-f]{64})?$"


def optional_sha(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """Validator: ``""`` (none) or a lower-case hex SHA-256 digest."""
    if not matches(_OPTIONAL_SHA256, value):
        raise InvalidInputError.single(
            attribute.name, value, "must be empty or 64 lowercase hex digits (SHA-256)"
        )


declare(optional_sha, pattern=_OPTIONAL_SHA256)
