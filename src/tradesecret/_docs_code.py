"""
Docs pages that tie the law to the code (presentation; used by the docs build and its tests).

* :func:`rule_tables_page` -- every :class:`~tradesecret.engine.RuleTable` of every domain,
  row by row: the clause it implements, the finding it gives, its effect, what it rests on.
* :func:`article_code_page` -- "Article → code": for every article the catalog lists, the
  rule rows and parameters that rest on it and the source lines that cite it, so a newcomer
  finds any rule from its article.

Both read only the package itself (its modules and their source text through
:mod:`importlib.resources`).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections import defaultdict
from collections.abc import Iterator
from importlib import resources
from typing import Any, Final

from tradesecret._docs_law import md_cell
from tradesecret.engine import Check, RuleTable, tables_in
from tradesecret.exceptions import CitationError
from tradesecret.law import CitationRef
from tradesecret.rulebook import Rulebook, default_rulebook

__all__ = ["article_code_page", "find_tables", "rule_tables_page"]

#: The packages whose modules hold the law's rules (the domains and the core engine).
DOMAINS: Final = (
    "definition",
    "measures",
    "supply_chain",
    "noncompete",
    "ledger",
    "evidence",
    "preservation",
    "remedies",
)
_CITATION: Final = re.compile(
    r"[\"']([a-z0-9][a-z0-9-]*@\d{4}-\d{2}-\d{2}(?::[0-9A-Za-z]+(?:\.\d+){0,2})?)[\"']"
)


def _modules() -> Iterator[str]:
    for domain in DOMAINS:
        name = f"tradesecret.{domain}"
        try:
            package = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        yield name
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{name}."):
            yield info.name


def find_tables() -> list[tuple[str, RuleTable[Any]]]:
    """Every rule table of the domains, with the module that defines it."""
    out: list[tuple[str, RuleTable[Any]]] = []
    seen: set[int] = set()
    for name in _modules():
        for table in tables_in(importlib.import_module(name)):
            if id(table) not in seen:
                seen.add(id(table))
                out.append((name, table))
    return out


def _row(check: Check[Any]) -> str:
    cites = "<br>".join(f"`{c}`" for c in check.basis)
    support = "<br>".join(f"`{c}`" for c in check.support)
    context = "<br>".join(f"`{c}`" for c in check.context)
    facts = ", ".join(f"`{f}`" for f in check.facts)
    return (
        f"| `{check.code}` | {check.severity.value} | {check.effect.value} | {cites} "
        f"| {support} | {context} | {facts} | {md_cell(check.clause)} |"
    )


def rule_tables_page() -> str:
    """Every rule table, row by row (the tables are the documentation of the rules)."""
    lines = [
        "# Rule tables",
        "",
        "Generated from the code: each table is a module-level `RuleTable` beside the clause it",
        "implements (see [the architecture page](../architecture.md#rule-tables)). A row gives its",
        "finding when its condition holds; `effect` says what that does to the criterion (`fails`:",
        "not met; `doubts`: undetermined; `notes`: nothing). `basis` must all be law on the day for",
        "the row to apply; `support` is cited where in force; `context` never raises the tier.",
        "A row whose facts are not stated is *undetermined* and names them.",
        "",
    ]
    tables = find_tables()
    if not tables:
        lines.append("No rule tables yet.")
    for module, table in tables:
        basis = ", ".join(f"`{c}`" for c in table.basis)
        lines += [f"## `{table.criterion}`", "", f"Module `{module}` · basis {basis}", ""]
        if table.clause:
            lines += [f"> {md_cell(table.clause)}", ""]
        lines += [
            "| Finding | Severity | Effect | Basis | Support | Context | Facts | Clause |",
            "|---|---|---|---|---|---|---|---|",
            *(_row(c) for c in table.checks),
            "",
        ]
    return "\n".join(lines) + "\n"


def _article_key(text: str) -> str:
    ref = CitationRef.parse(text)
    return ref.key if ref.article is None else f"{ref.key}:{ref.article}"


def _scan(path: str, text: str, found: dict[str, list[str]]) -> None:
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _CITATION.finditer(line):
            try:
                key = _article_key(match.group(1))
            except CitationError:
                continue  # not a citation id after all
            found[key].append(f"{path}:{number}")


def _source_lines() -> dict[str, list[str]]:
    """Citation ids written in the domains' source, by article, with ``path:line``."""
    found: dict[str, list[str]] = defaultdict(list)
    root = resources.files("tradesecret")
    stack: list[tuple[str, Any]] = [
        (f"tradesecret/{d}", root / d) for d in DOMAINS if (root / d).is_dir()
    ]
    while stack:
        rel, folder = stack.pop()
        for entry in folder.iterdir():
            if entry.is_dir():
                if entry.name != "__pycache__" and not entry.name.startswith("."):
                    stack.append((f"{rel}/{entry.name}", entry))
            elif entry.name.endswith(".py"):
                _scan(f"{rel}/{entry.name}", entry.read_text("utf-8"), found)
    return found


def article_code_page(rulebook: Rulebook | None = None) -> str:
    """Article → code: the rules, parameters and source lines resting on each article."""
    rb = rulebook or default_rulebook()
    rules: dict[str, list[str]] = defaultdict(list)
    for module, table in find_tables():
        for check in table.checks:
            for role, cites in (
                ("basis", check.basis),
                ("support", check.support),
                ("context", check.context),
            ):
                for cite in cites:
                    rules[_article_key(cite)].append(f"`{check.code}` ({role}, `{module}`)")
    params: dict[str, set[str]] = defaultdict(set)
    for series in rb.all_series():
        for value in series.values:
            for citation in value.citations:
                params[_article_key(citation.id)].add(series.name)
    sources = _source_lines()
    lines = [
        "# Article → code",
        "",
        "Generated: for every article the library cites, the rule rows and parameters that rest",
        "on it and the source lines that cite it. Start from the article, land on the code.",
        "",
        "| Article | Rule rows | Parameters | Source lines |",
        "|---|---|---|---|",
    ]
    for inst in sorted(rb.instruments.values(), key=lambda i: (i.id, i.version)):
        keys = [f"{inst.key}:{a.number}" for a in inst.articles] or [inst.key]
        for key in keys:
            rows = "<br>".join(sorted(set(rules.get(key, ()))))
            names = "<br>".join(f"`{p}`" for p in sorted(params.get(key, ())))
            where = "<br>".join(f"`{s}`" for s in sorted(set(sources.get(key, ())))[:12])
            label = f"{inst.short_en} {key.partition(':')[2] or '(whole)'}"
            lines.append(f"| {md_cell(label)}<br>`{key}` | {rows} | {names} | {where} |")
    return "\n".join(lines) + "\n"
