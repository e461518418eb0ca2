"""mkdocs hook: generate the law catalog pages from the package's own data."""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files

from tradesecret._docs import articles_page, instruments_page, parameters_page
from tradesecret._docs_code import article_code_page, rule_tables_page
from tradesecret._docs_law import minimum_wages_page, regions_page, timeline_page


def on_files(files: Files, config: Any, **_: Any) -> Files:
    """Add the generated law pages (instruments, articles, parameters, timeline, places)."""
    for path, content in (
        ("law/instruments.md", instruments_page()),
        ("law/articles.md", articles_page()),
        ("law/parameters.md", parameters_page()),
        ("law/article-code.md", article_code_page()),
        ("law/rule-tables.md", rule_tables_page()),
        ("law/timeline.md", timeline_page()),
        ("law/minimum-wages.md", minimum_wages_page()),
        ("law/regions.md", regions_page()),
    ):
        files.append(File.generated(config, path, content=content))
    return files
