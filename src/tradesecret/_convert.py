"""Shared attrs validators for the frozen value classes (layer 0: no project imports)."""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["tuple_of"]


def tuple_of(*kinds: type[Any]) -> Any:
    """
    Validator: the value is a ``tuple`` whose members are instances of ``kinds``.

    Collections in the domain are tuples (immutable, hashable, ordered); a list is refused
    with a ``TypeError`` naming the field instead of being converted behind the caller's back.
    """
    return attrs.validators.deep_iterable(
        member_validator=attrs.validators.instance_of(kinds),
        iterable_validator=attrs.validators.instance_of(tuple),
    )
