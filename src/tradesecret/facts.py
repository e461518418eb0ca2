"""
Facts as users know them: stated, stated as none, or **not stated**.

A fact the user did not state is :data:`UNKNOWN` -- never ``None`` (which, where a
field allows it, means "stated as none") and never zero or an empty tuple (which
are stated values). A rule that turns on an unknown fact is undetermined; a rule
that does not is still decided.

* :data:`UNKNOWN` is the one sentinel, the only member of :class:`Unknown`, so
  ``x is UNKNOWN`` narrows the type for mypy.
* :data:`Fact` is the annotation: ``Fact[Money]`` is ``Money | Unknown``. In JSON ``null``
  (or a field left out) is "not stated", so "stated as none" is never ``None`` in a
  ``Fact``: it is a value -- ``()``, ``False``, an enum member such as ``NONE``.
* :class:`Tri` is three-valued truth (Kleene logic) for rule conditions: ``all_of``
  is false as soon as one part is false, whatever the unknown parts would be;
  ``any_of`` is true as soon as one part is true.

Examples:
    >>> from tradesecret.facts import UNKNOWN, Tri, all_of, any_of, known, tri
    >>> known(UNKNOWN), known(0), known(())
    (False, True, True)
    >>> all_of(False, UNKNOWN) is Tri.FALSE   # decided whatever the unknown is
    True
    >>> all_of(True, UNKNOWN) is Tri.UNKNOWN
    True
    >>> any_of(True, UNKNOWN) is Tri.TRUE
    True
    >>> tri(UNKNOWN, lambda n: n > 24) is Tri.UNKNOWN
    True
    >>> tri(30, lambda n: n > 24) is Tri.TRUE
    True
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Final, Literal, TypeAlias, TypeVar, Union

__all__ = [
    "UNKNOWN",
    "Fact",
    "Tri",
    "TriLike",
    "Unknown",
    "all_of",
    "any_of",
    "known",
    "not_",
    "or_else",
    "tri",
]

T = TypeVar("T")


class Unknown(enum.Enum):
    """The type of :data:`UNKNOWN`: a fact the user did not state."""

    UNKNOWN = "unknown"

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __bool__(self) -> bool:
        # An unknown fact is neither truthy nor falsy: ``if fact:`` on one is a bug
        # that would read "not stated" as "no".
        msg = "an unknown fact has no truth value: test it with `fact is UNKNOWN` or tri()"
        raise TypeError(msg)


#: The one "not stated" value.
UNKNOWN: Final = Unknown.UNKNOWN

#: A fact that may be unknown: ``Fact[int]`` is ``int | Unknown``.
#: (A runtime generic alias, so cattrs and the JSON Schemas can read it.)
Fact: TypeAlias = Union[T, Literal[Unknown.UNKNOWN]]  # noqa: UP007 - subscriptable at run time


def known(value: object) -> bool:
    """True unless ``value`` is :data:`UNKNOWN` (``None``, ``0`` and ``()`` are known)."""
    return value is not UNKNOWN


def or_else(value: T | Literal[Unknown.UNKNOWN], default: T) -> T:
    """``value``, or ``default`` where it is unknown (for display, never for a rule)."""
    return default if value is UNKNOWN else value


class Tri(enum.Enum):
    """Three-valued truth: true, false or unknown (Kleene's strong logic)."""

    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"

    @classmethod
    def of(cls, value: bool | Tri | Unknown) -> Tri:
        """A ``bool``, a :class:`Tri` or :data:`UNKNOWN` as a :class:`Tri`."""
        if isinstance(value, Tri):
            return value
        if value is UNKNOWN:
            return cls.UNKNOWN
        return cls.TRUE if value else cls.FALSE

    @property
    def decided(self) -> bool:
        """True for ``TRUE`` and ``FALSE``."""
        return self is not Tri.UNKNOWN

    def __bool__(self) -> bool:
        msg = "a three-valued truth has no bool(): compare it with Tri.TRUE"
        raise TypeError(msg)


#: What a rule condition may return.
TriLike: TypeAlias = Union[bool, Tri, Unknown]  # noqa: UP007 - usable at run time


def _kleene(parts: tuple[TriLike, ...], decisive: Tri, otherwise: Tri) -> Tri:
    """``decisive`` if any part is, else unknown if any part is unknown, else ``otherwise``."""
    seen_unknown = False
    for part in parts:
        t = Tri.of(part)
        if t is decisive:
            return decisive
        if t is Tri.UNKNOWN:
            seen_unknown = True
    return Tri.UNKNOWN if seen_unknown else otherwise


def all_of(*parts: TriLike) -> Tri:
    """Kleene AND: false if any part is false, else unknown if any is unknown, else true."""
    return _kleene(parts, Tri.FALSE, Tri.TRUE)


def any_of(*parts: TriLike) -> Tri:
    """Kleene OR: true if any part is true, else unknown if any is unknown, else false."""
    return _kleene(parts, Tri.TRUE, Tri.FALSE)


def not_(part: TriLike) -> Tri:
    """Kleene NOT: unknown stays unknown."""
    t = Tri.of(part)
    if t is Tri.UNKNOWN:
        return t
    return Tri.FALSE if t is Tri.TRUE else Tri.TRUE


def tri(value: T | Literal[Unknown.UNKNOWN], test: Callable[[T], bool | Tri]) -> Tri:
    """``test(value)`` as a :class:`Tri`; unknown when ``value`` is unknown."""
    if value is UNKNOWN:
        return Tri.UNKNOWN
    return Tri.of(test(value))
