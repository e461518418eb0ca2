"""
Generated law pages over time and place: the law timeline per domain, every minimum wage
with its source and status, and the region list (used by the docs build and its tests).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from decimal import Decimal
from importlib import resources
from typing import Final

from tradesecret.law import Citation, Instrument
from tradesecret.money import Money
from tradesecret.rulebook import NoRule, ParameterValue, Rulebook, default_rulebook

__all__ = [
    "basis",
    "format_value",
    "md_cell",
    "minimum_wages_page",
    "regions_page",
    "timeline_page",
]

#: Domain -> (title, instrument ids, parameter-name prefixes) for the timeline.
DOMAINS: Final = (
    (
        "Non-compete (竞业限制)",
        ("lcl", "spc-labor-4", "spc-labor-1", "spc-labor-2", "mohrss-nc-guide", "gc-184", "gc-190"),
        ("noncompete.",),
    ),
    (
        "Penalty (违约金) adjustment and damages",
        (
            "contract-law",
            "spc-contract-2",
            "civil-code",
            "spc-civil-code-time",
            "spc-contract-general",
        ),
        ("remedies.",),
    ),
    (
        "Conduct preservation (行为保全)",
        (
            "cpl",
            "cpl-transition-2012",
            "spc-ip-preservation",
            "spc-ts",
            "cpl-interp",
            "spc-pre-suit-opinion",
        ),
        ("preservation.",),
    ),
    (
        "Trade-secret definition and confidentiality measures",
        ("aucl", "spc-unfair-comp", "spc-ts", "spc-aucl-interp", "samr-ts"),
        ("definition.",),
    ),
    (
        "AUCL remedies and administrative enforcement",
        ("aucl",),
        ("aucl.",),
    ),
)
_UNIT_EN: Final = {"months": "months", "days": "days", "hours": "hours"}
_POLICY: Final = "tradesecret-policy"


def md_cell(text: str) -> str:
    """``text`` as one cell of a Markdown table: pipes escaped, on one line."""
    return text.replace("|", "\\|").replace("\n", " ")


def format_value(entry: ParameterValue | NoRule) -> str:
    """``CNY 1,000,000.00``, ``30 %``, ``24 months``, ``5×``; *no such rule* for an absence."""
    if isinstance(entry, NoRule):
        return "*no such rule*"
    value = entry.value
    if isinstance(value, Money):
        return f"{value.currency} {value.amount:,.2f}"
    if entry.unit == "ratio" and isinstance(value, Decimal):
        return f"{(value * 100).normalize():f} %"
    if entry.unit == "multiple":
        return f"{value}×"
    if entry.unit in _UNIT_EN:
        return f"{value} {_UNIT_EN[entry.unit]}"
    if entry.unit == "decibel":
        return f"{value} dB"
    return str(value)


def _label(citation: Citation) -> str:
    return f"{citation.render('zh_CN')} / {citation.render('en')} ({citation.status.value})"


def basis(entry: ParameterValue | NoRule) -> str:
    """The citations rendered in both languages, each with its status, id in a tooltip-free code span."""
    return "<br>".join(f"{_label(c)} `{c.id}`" for c in entry.citations)


def _period(entry: ParameterValue | NoRule) -> str:
    return f"{entry.since} → {entry.until or ''}".rstrip()


def _instrument_row(inst: Instrument) -> str:
    articles = ", ".join(f"{a.number} ({a.status.value})" for a in inst.articles) or "whole"
    doc = inst.doc_number or ""
    if doc and inst.doc_number_status is not None:
        doc += f" ({inst.doc_number_status.value})"
    return (
        f"| {inst.effective} | {inst.superseded or ''} | {md_cell(inst.short_zh)} / {md_cell(inst.short_en)} "
        f"`{inst.key}` | {inst.tier.value} | {md_cell(doc)} | {inst.status.value} | {articles} |"
    )


def timeline_page(rulebook: Rulebook | None = None) -> str:
    """Per domain: which instrument and article governs from when, and each parameter by period."""
    rb = rulebook or default_rulebook()
    lines = [
        "# Law timeline",
        "",
        (
            "Generated from `src/tradesecret/data/*.toml`. For each domain: the instruments in force "
            "over time, then every legal parameter by period, with the article of that period. "
            "*No such rule* means the law of that period had no such rule (a legal answer, never "
            "a later rule applied backwards); before the first row the library holds no law."
        ),
        "",
    ]
    for title, ids, prefixes in DOMAINS:
        insts = sorted(
            (i for i in rb.instruments.values() if i.id in ids),
            key=lambda i: (i.effective, i.key),
        )
        lines += [
            f"## {title}",
            "",
            "| In force from | Until | Instrument | Tier | Doc. no. | Status | Articles relied on |",
            "|---|---|---|---|---|---|---|",
            *(_instrument_row(i) for i in insts),
            "",
            "| Parameter | Period | Value | Status | Basis |",
            "|---|---|---|---|---|",
        ]
        for series in rb.all_series():
            if not series.name.startswith(prefixes) or series.region is not None:
                continue
            for entry in series.entries:
                if entry.citations[0].ref.instrument == _POLICY:
                    continue
                lines.append(
                    f"| `{series.name}` | {_period(entry)} | {format_value(entry)} "
                    f"| {entry.status.value} | {basis(entry)} |"
                )
        lines.append("")
    return "\n".join(lines) + "\n"


def _dataset(name: str) -> list[dict[str, str]]:
    folder = resources.files("tradesecret") / "data" / "minimum_wages"
    text = (folder / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def minimum_wages_page(rulebook: Rulebook | None = None) -> str:
    """Every row of the shipped minimum-wage dataset with its source and statuses."""
    rb = rulebook or default_rulebook()
    rows = _dataset("minimum_wages.csv")
    by_province: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_province[row["province_code"]].append(row)
    lines = [
        "# Minimum wages",
        "",
        (
            f"Generated from `src/tradesecret/data/minimum_wages/` ({len(rows)} rows; see its README). "
            "Status of a value = the weaker of its amount and its date (and, for a city, its tier "
            "mapping). A blank start date: the amount was seen in a MOHRSS table; the library places "
            "it on the first such table date and flags the months before. Regions and tier "
            "mappings: [Regions](regions.md)."
        ),
        "",
    ]
    for code in sorted(by_province):
        region = rb.region(code)
        lines += [
            f"## {region.name_zh} {region.name_en} `{code}`",
            "",
            "| Tier | Monthly (CNY) | Hourly, part-time | From | Amount | Date | Source | Note |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for r in sorted(
            by_province[code], key=lambda r: (r["province_zh"], r["tier"], r["effective_from"])
        ):
            tier = "深圳 Shenzhen" if r["province_zh"] == "深圳市" else r["tier"]
            lines.append(
                f"| {tier} | {int(r['amount_cny_month']):,} | {r['hourly_cny']} "
                f"| {r['effective_from'] or '—'} | {r['amount_status']} | {r['effective_from_status']} "
                f"| {md_cell(r['source'])} | {md_cell(r['note'])} |"
            )
        lines.append("")
    return "\n".join(lines) + "\n"


def regions_page(rulebook: Rulebook | None = None) -> str:
    """Every region: code, names, GB/T 2260 code, parent and tier mapping with dates."""
    rb = rulebook or default_rulebook()
    lines = [
        "# Regions",
        "",
        (
            "Generated from the rulebook (`Rulebook.list_regions()`; `tradesecret regions`). Any "
            "lookup takes the library code or a GB/T 2260 code; a district or county code resolves "
            "to its mapped city by its first four digits, else to its province when the province "
            "has one standard; otherwise the error names the tier codes to use."
        ),
        "",
        "| Code | Name | GB/T 2260 | Parent | Minimum-wage tier mapping | Note |",
        "|---|---|---|---|---|---|",
    ]
    for region in rb.list_regions():
        mapping = "<br>".join(
            f"`{t.region}` from {t.valid_from or 'date not given'} ({t.status.value})"
            for t in region.tiers
        )
        lines.append(
            f"| `{region.code}` | {md_cell(region.name_zh)}<br>{md_cell(region.name_en)} "
            f"| {region.gbt2260 or ''} | {region.parent or ''} | {mapping} | {md_cell(region.note)} |"
        )
    return "\n".join(lines) + "\n"
