"""The built-in case kinds, one per domain input (domain modules are imported on use)."""

from __future__ import annotations

from tradesecret.casefile._core import CaseKinds

BUILTIN_KINDS = CaseKinds(kinds=())
