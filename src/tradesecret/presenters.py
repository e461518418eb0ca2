"""
Where presentation plugs into the core (layer 0): a registry of presenters.

The core never imports presentation (i18n, reports, case files, the CLI), not even
inside a function. A result that wants to show itself in a notebook asks this
registry for the presenter of a *kind* (``"markdown"``, ``"html"``, ...); the
top-level package registers each one as ``"module:function"`` text, resolved on
first use, so ``import tradesecret`` stays light (no babel until a result is shown).

The registry is written once, at import of :mod:`tradesecret`, and only read after
that: it is configuration, not per-tenant state.

Examples:
    >>> from tradesecret import presenters
    >>> presenters.register("example.upper", "builtins:str")
    >>> presenters.present("example.upper", 12)
    '12'
    >>> presenters.present("example.none", 12) is None
    True
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from typing import Any, Final

__all__ = ["ShownAsMarkdown", "ShownAsValue", "lookup", "present", "register"]

_TARGETS: Final[dict[str, str | Callable[..., Any]]] = {}
_LOCK: Final = threading.Lock()


def register(kind: str, target: str | Callable[..., Any]) -> None:
    """Register the presenter of ``kind``: a callable or ``"package.module:function"``
    (``"package.module:Class.method"`` too)."""
    with _LOCK:
        _TARGETS[kind] = target


def lookup(kind: str) -> Callable[..., Any] | None:
    """The presenter of ``kind``, imported on first use; ``None`` when none is registered."""
    target = _TARGETS.get(kind)
    if target is None or callable(target):
        return target
    module_name, _, attr = target.partition(":")
    found: Any = importlib.import_module(module_name)
    for part in attr.split("."):  # "module:Class.method" too
        found = getattr(found, part)
    fn: Callable[..., Any] = found
    with _LOCK:
        _TARGETS[kind] = fn
    return fn


def present(kind: str, obj: object, /, **options: Any) -> Any:
    """Call the presenter of ``kind`` on ``obj``; ``None`` when none is registered."""
    fn = lookup(kind)
    return None if fn is None else fn(obj, **options)


class ShownAsMarkdown:
    """
    Mixin for a result that a notebook shows as Markdown (in Chinese) through the
    ``"markdown"`` presenter; no rich display (``None``) where none is registered.
    """

    __slots__ = ()

    def _repr_markdown_(self) -> str | None:
        shown = present("markdown", self, locale="zh_CN")
        return None if shown is None else str(shown)


class ShownAsValue:
    """
    Mixin for a value (an amount, a ratio) that a notebook shows through the ``"html"``
    and ``"pretty"`` presenters; ``None`` and ``repr`` where none is registered. IPython
    looks for ``_repr_pretty_`` in the class's own namespace before its ``__repr__``, so
    a subclass with its own ``__repr__`` (every attrs class) binds it again:
    ``_repr_pretty_ = ShownAsValue._repr_pretty_``.
    """

    __slots__ = ()

    def _repr_html_(self) -> str | None:
        """Notebook display (``CN¥12,000.00``) through the presenter registry; ``None`` without one."""
        shown = present("html", self)
        return shown if isinstance(shown, str) else None

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """IPython's plain-text display (inside tuples and lists too); ``repr`` without a presenter."""
        shown = present("pretty", self)
        printer.text(shown if isinstance(shown, str) and not cycle else repr(self))
