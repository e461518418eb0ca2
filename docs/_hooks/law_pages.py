"""mkdocs hook: generate the law catalog pages from the package's own data."""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files

from tradesecret._docs import articles_page, instruments_page, parameters_page
from tradesecret._docs_code import article_code_page, rule_tables_page


def on_files(files: Files, config: Any, **_: Any) -> Files:
    """Add law/instruments.md, law/articles.md and law/parameters.md as generated pages."""
    for path, content in (
        ("law/instruments.md", instruments_page()),
        ("law/articles.md", articles_page()),
        ("law/parameters.md", parameters_page()),
        ("law/article-code.md", article_code_page()),
        ("law/rule-tables.md", rule_tables_page()),
    ):
        files.append(File.generated(config, path, content=content))
    return files
