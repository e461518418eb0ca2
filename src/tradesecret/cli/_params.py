"""``tradesecret params``: every parameter in force on a date, with its sources."""

from __future__ import annotations

import json

import pendulum

from tradesecret.i18n import Localizer
from tradesecret.rulebook import default_rulebook
from tradesecret.serialization import unstructure


def render_params(*, as_of: pendulum.Date, region: str | None, locale: str, fmt: str) -> str:
    """Render every parameter value in force on ``as_of`` for ``region``."""
    rulebook = default_rulebook()
    if region is not None:
        rulebook.check_region(region, path="--region")
    values = rulebook.in_force(as_of=as_of, region=region)
    if fmt == "json":
        return json.dumps(unstructure(values), ensure_ascii=False, indent=2) + "\n"
    loc = Localizer.for_locale(locale)
    head = loc.label("heading.parameters") + loc.date(as_of) + (f" · {region}" if region else "")
    lines = [f"## {head}" if fmt == "markdown" else head, ""]
    lines += [f"- `{v.name}` {loc.parameter(v)}" for v in values]
    return "\n".join(lines) + "\n"
