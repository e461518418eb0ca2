"""
A tiny document model for the readiness report (headings, paragraphs, tables, lists of
plain text), rendered to Markdown, text or HTML with every piece of text escaped the
same way for the target format.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Final

import attrs
import pendulum

__all__ = ["Block", "H", "ListBlock", "P", "Table", "html_page", "md", "render", "time_text"]


def time_text(moment: pendulum.DateTime) -> str:
    """A moment as ``YYYY-MM-DD HH:mm (UTC+8)`` (message arguments take no datetimes)."""
    return moment.in_timezone("Asia/Shanghai").format("YYYY-MM-DD HH:mm") + " (UTC+8)"


# -- a tiny document model ------------------------------------------------------------


@attrs.frozen
class H:
    level: int
    text: str


@attrs.frozen
class P:
    text: str


@attrs.frozen
class Table:
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@attrs.frozen
class ListBlock:
    items: tuple[tuple[str, tuple[str, ...]], ...]


Block = H | P | Table | ListBlock

_MD_SPECIAL: Final = str.maketrans(
    {
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "|": "\\|",
        "#": "\\#",
        "<": "&lt;",
        ">": "&gt;",
        "&": "&amp;",
    }
)


_MD_BLOCK_START: Final = re.compile(r"^(\s*)(?:([-+])|(\d+)([.)]))")


def _unblock(m: re.Match[str]) -> str:
    """Keep a leading list marker literal: ``\\-``, ``\\+`` or ``1\\.``."""
    if m.group(2):
        return m.group(1) + "\\" + m.group(2)
    return m.group(1) + m.group(3) + "\\" + m.group(4)


def md(text: str) -> str:
    """Escape text for Markdown: no markup, no raw HTML, no broken table cells or lists."""
    flat = " ".join(text.splitlines()).translate(_MD_SPECIAL).replace("~", "\\~")
    return _MD_BLOCK_START.sub(_unblock, flat, count=1)


def render(blocks: Sequence[Block], fmt: str) -> str:
    if fmt == "html":
        return "\n".join(_html_block(b) for b in blocks)
    lines: list[str] = []
    esc = md if fmt == "markdown" else (lambda s: s)
    for block in blocks:
        if isinstance(block, H):
            lines += [
                "",
                f"{'#' * block.level} {esc(block.text)}" if fmt == "markdown" else block.text,
                "",
            ]
        elif isinstance(block, P):
            lines += [esc(block.text), ""]
        elif isinstance(block, Table):
            if fmt == "markdown":
                lines.append("| " + " | ".join(esc(h) for h in block.head) + " |")
                lines.append("|" + "---|" * len(block.head))
                lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in block.rows]
            else:
                lines += ["- " + " — ".join(row) for row in block.rows]
            lines.append("")
        else:
            for item, subs in block.items:
                lines.append(f"- {esc(item)}")
                lines += [f"  - {esc(s)}" for s in subs]
            lines.append("")
    while lines and not lines[0]:
        lines.pop(0)
    out: list[str] = []
    for line in lines:  # collapse runs of blank lines
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).rstrip() + "\n"


def _html_block(block: Block) -> str:
    e = html.escape
    if isinstance(block, H):
        return f"<h{block.level}>{e(block.text)}</h{block.level}>"
    if isinstance(block, P):
        return f"<p>{e(block.text)}</p>"
    if isinstance(block, Table):
        head = "".join(f"<th>{e(h)}</th>" for h in block.head)
        rows = "".join(
            "<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in block.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    items = []
    for item, subs in block.items:
        inner = "".join(f"<li>{e(s)}</li>" for s in subs)
        items.append(f"<li>{e(item)}" + (f"<ul>{inner}</ul>" if inner else "") + "</li>")
    return "<ul>" + "".join(items) + "</ul>"


_CSS: Final = (
    "body{font-family:system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;"
    "max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}"
    "table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}"
    "th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}"
    "th,td{min-width:5em}"
    "th{background:#f0f0f0}h1{font-size:1.5rem}h2{font-size:1.25rem;border-bottom:1px solid #ddd}"
    "h3{font-size:1.05rem}section{margin-bottom:3rem}"
)


def html_page(sections: Sequence[tuple[str, str, str]]) -> str:
    """``sections``: (lang, title, body html)."""
    lang = sections[0][0]
    title = html.escape(sections[0][1])
    body = "\n".join(f'<section lang="{code}">\n{inner}\n</section>' for code, _, inner in sections)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
