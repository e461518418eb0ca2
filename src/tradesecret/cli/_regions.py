"""
``tradesecret regions``: every region code the rulebook knows, with its names.

Each region is given with every field the rulebook holds for it (``code``, ``name_zh``,
``name_en``, ``parent``, ``note``, its GB/T 2260 administrative division code
``gbt2260`` and, for a city, its minimum-wage tier mapping ``tiers`` with validity dates),
plus its ``level`` (``country``, ``province``, ``city`` or ``tier``) and, for a province,
its ``tier_regions``. The HTTP API's ``GET /v1/regions``
gives the same list.
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

from tradesecret.rulebook import Region, Rulebook, default_rulebook
from tradesecret.serialization import unstructure

__all__ = ["region_rows", "render_regions"]


def _level(rulebook: Rulebook, region: Region) -> str:
    if _TIER.match(region.code):
        return "tier"
    depth = len(rulebook.region_chain(region.code)) - 1
    return ("country", "province", "city")[min(depth, 2)]


_TIER: Final = re.compile(r"^CN-[A-Z]{2}-T\d+$")


def region_rows(rulebook: Rulebook | None = None) -> list[dict[str, Any]]:
    """One JSON-ready row per region, country first, then in code order."""
    rb = rulebook if rulebook is not None else default_rulebook()
    rows = []
    for code in sorted(rb.regions, key=lambda c: (len(rb.region_chain(c)), c)):
        region = rb.regions[code]
        row: dict[str, Any] = dict(unstructure(region))
        row["level"] = _level(rb, region)
        if row["level"] == "province":
            row["tier_regions"] = list(rb.tier_regions(code))
        rows.append(row)
    return rows


def render_regions(*, fmt: str, locale: str, rulebook: Rulebook | None = None) -> str:
    """The region list as JSON or as text lines (``CN-SH  上海市 / Shanghai  310000``)."""
    rows = region_rows(rulebook)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    zh_first = locale.startswith("zh")
    lines = []
    for row in rows:
        names = (
            f"{row['name_zh']} / {row['name_en']}"
            if zh_first
            else f"{row['name_en']} / {row['name_zh']}"
        )
        extra = "  ".join(x for x in (row["gbt2260"] or "", row.get("note") or "") if x)
        lines.append(f"{row['code']:<10} {names}" + (f"  {extra}" if extra else ""))
    return "\n".join(lines) + "\n"
