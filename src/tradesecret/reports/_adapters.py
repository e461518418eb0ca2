"""Pictures found in results: the compensation timeline and the evidence chain."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from tradesecret.i18n import Localizer

__all__ = ["Figure", "figures"]


@attrs.frozen(kw_only=True)
class Figure:
    """An inline SVG picture and its caption."""

    svg: str
    caption: str


def figures(result: object, loc: Localizer) -> Iterator[Figure]:
    """The pictures to draw for ``result`` (none for results without a timeline or graph)."""
    yield from _timeline(result, loc)
    yield from _evidence(result, loc)


def _timeline(result: object, loc: Localizer) -> Iterator[Figure]:
    from tradesecret.reports._domain import timeline_points  # noqa: PLC0415

    found = timeline_points(result, loc)
    if found is None:
        return
    points, as_of = found
    from tradesecret.reports._svg import timeline_svg  # noqa: PLC0415

    caption = loc.term("report.figure.timeline")
    yield Figure(svg=timeline_svg(points, title=caption, as_of=as_of), caption=caption)


def _evidence(result: object, loc: Localizer) -> Iterator[Figure]:
    from tradesecret.reports._domain import evidence_picture  # noqa: PLC0415

    found: Any = evidence_picture(result, loc)
    if found is None:
        return
    nodes, edges = found
    from tradesecret.reports._svg import graph_svg  # noqa: PLC0415

    caption = loc.term("report.figure.evidence")
    yield Figure(svg=graph_svg(nodes, edges, title=caption), caption=caption)
