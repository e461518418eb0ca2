"""
Markdown pages generated from the rulebook (used by the docs build and its tests).

A newcomer finds any rule from its article here: the article index lists, for every
article in the catalog, its summary, verification status and the parameters that cite it.
"""

from __future__ import annotations

from collections import defaultdict

from tradesecret._docs_law import basis, format_value, md_cell
from tradesecret.law import Instrument
from tradesecret.rulebook import ParameterSeries, Rulebook, default_rulebook

__all__ = ["articles_page", "instruments_page", "parameters_page"]

#: Instruments generated from the minimum-wage dataset: listed compactly.
_MIN_WAGE_PREFIX = "mw-"
_MIN_WAGE = "minimum_wage.monthly"


def _instruments(rulebook: Rulebook, *, min_wage: bool = False) -> list[Instrument]:
    return sorted(
        (i for i in rulebook.instruments.values() if i.id.startswith(_MIN_WAGE_PREFIX) == min_wage),
        key=lambda i: (i.id, i.version),
    )


def instruments_page(rulebook: Rulebook | None = None) -> str:
    """Every instrument version: tier, dates, document number, status and notes."""
    rb = rulebook or default_rulebook()
    lines = [
        "# Instruments",
        "",
        (
            "Generated from `src/tradesecret/data/instruments.toml`. Status legend: V1 checked against "
            "the official text; V2 secondary source citing it; V3 one secondary source; UNVERIFIED no "
            "source found; DERIVED the library's own inference."
        ),
        "",
        "| Key | Title | Tier | Effective | Superseded | Doc. no. | Status | Note |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for inst in _instruments(rb):
        doc = inst.doc_number or ""
        if doc and inst.doc_number_status is not None:
            doc += f" ({inst.doc_number_status.value})"
        lines.append(
            f"| `{inst.key}` | {md_cell(inst.title_zh)}<br>{md_cell(inst.title_en)} | {inst.tier.value} "
            f"| {inst.effective} | {inst.superseded or ''} | {md_cell(doc)} "
            f"| {inst.status.value} | {md_cell(inst.note)} |"
        )
    lines += [
        "",
        "## Minimum-wage standards",
        "",
        "Generated from the minimum-wage dataset; sources on [Minimum wages](minimum-wages.md).",
        "",
        "| Key | Title | Tier | Effective | Status |",
        "|---|---|---|---|---|",
    ]
    for inst in _instruments(rb, min_wage=True):
        lines.append(
            f"| `{inst.key}` | {md_cell(inst.title_zh)} | {inst.tier.value} | {inst.effective} "
            f"| {inst.status.value} |"
        )
    return "\n".join(lines) + "\n"


def articles_page(rulebook: Rulebook | None = None) -> str:
    """Every catalogued article with its summary and the parameters that cite it."""
    rb = rulebook or default_rulebook()
    citing: dict[str, set[str]] = defaultdict(set)
    for series in rb.all_series():
        for value in series.entries:
            for citation in value.citations:
                ref = citation.ref
                if ref.article is not None:
                    citing[f"{ref.key}:{ref.article}"].add(series.name)
                citing[ref.key].add(series.name)
    lines = [
        "# Articles relied on",
        "",
        "Find any rule from its article. Summaries are paraphrases, not the official text.",
        "",
    ]
    for inst in _instruments(rb):
        lines += [
            f"## {inst.short_en} — `{inst.key}`",
            "",
            f"{inst.title_zh} · {inst.tier.value} · {inst.status.value}",
            "",
        ]
        if not inst.articles:
            params = ", ".join(f"`{p}`" for p in sorted(citing.get(inst.key, ())))
            lines += [f"Cited as a whole. Parameters: {params or '—'}", ""]
            continue
        lines += ["| Article | Summary | Status | Parameters citing it |", "|---|---|---|---|"]
        for art in inst.articles:
            params = ", ".join(f"`{p}`" for p in sorted(citing.get(f"{inst.key}:{art.number}", ())))
            lines.append(
                f"| {art.number} | {md_cell(art.summary_en)}<br>{md_cell(art.summary_zh)} | {art.status.value} | {params} |"
            )
        lines.append("")
    return "\n".join(lines) + "\n"


def parameters_page(rulebook: Rulebook | None = None) -> str:
    """Every parameter series by period: value, status and basis (rendered citations)."""
    rb = rulebook or default_rulebook()
    lines = [
        "# Parameters",
        "",
        (
            "Generated from `src/tradesecret/data/*.toml`. Every legal number the library uses, "
            "by period, with its verification status and the sources it rests on (each with its "
            "own status). *No such rule*: the law of that period had no such rule. The law over "
            "time, domain by domain: [Law timeline](timeline.md)."
        ),
        "",
    ]
    by_name: dict[str, list[ParameterSeries]] = defaultdict(list)
    for series in rb.all_series():
        by_name[series.name].append(series)
    for name, group in by_name.items():
        first = group[0].entries[0]
        lines += [
            f"## `{name}`",
            "",
            f"{first.label_en} — {first.label_zh} · unit: {first.unit} · last reviewed {first.last_reviewed}",
            "",
        ]
        if name == _MIN_WAGE:
            lines += [
                (
                    f"{len(group)} regions; every value with its source and status: "
                    "[Minimum wages](minimum-wages.md) and [Regions](regions.md)."
                ),
                "",
            ]
            continue
        lines += [
            "| Period | Region | Value | Status | Basis | Note |",
            "|---|---|---|---|---|---|",
        ]
        for series in group:
            for v in series.entries:
                lines.append(
                    f"| {v.since} → {v.until or ''} | {v.region or 'national'} | {format_value(v)} "
                    f"| {v.status.value} | {basis(v)} | {md_cell(v.note)} |"
                )
        lines.append("")
    return "\n".join(lines) + "\n"
