"""Adapters from domain results to pictures (read through the domains' public types)."""

from __future__ import annotations

from typing import Any

import pendulum

from tradesecret.i18n import Localizer
from tradesecret.reports._svg import GraphEdge, GraphNode, TimelinePoint

__all__ = ["evidence_picture", "timeline_points"]


def timeline_points(
    result: object, loc: Localizer
) -> tuple[list[TimelinePoint], pendulum.Date | None] | None:
    """Instalments of a compensation ledger result, or ``None`` when ``result`` has none."""
    return None


def evidence_picture(result: object, loc: Localizer) -> tuple[list[GraphNode], list[GraphEdge]] | None:
    """Nodes and edges of an evidence graph, or ``None`` when ``result`` is not one."""
    _: Any = (result, loc)
    return None
