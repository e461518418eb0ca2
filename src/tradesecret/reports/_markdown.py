"""The small Markdown subset the explanations use, as HTML (every text escaped first)."""

from __future__ import annotations

import re
from html import escape
from typing import Final

__all__ = ["escape_html", "markdown_to_html"]


def escape_html(text: object) -> str:
    """``text`` as HTML text (quotes escaped too)."""
    return escape(str(text), quote=True)


_INLINE_CODE: Final = re.compile(r"`([^`]+)`")
_BOLD: Final = re.compile(r"\*\*([^*]+)\*\*")


def _inline(text: str) -> str:
    html = escape_html(text)
    html = _INLINE_CODE.sub(r"<code>\1</code>", html)
    return _BOLD.sub(r"<strong>\1</strong>", html)


def markdown_to_html(markdown: str) -> str:
    """
    The small Markdown subset the explanations use (headings, bullets, tables, paragraphs) as HTML.

    All text is escaped first, so user text can never inject markup.

    Examples:
        >>> markdown_to_html("## T\\n\\n- a <b>\\n- `c`")
        '<h2>T</h2>\\n<ul>\\n<li>a &lt;b&gt;</li>\\n<li><code>c</code></li>\\n</ul>'
    """
    out: list[str] = []
    in_list = False
    in_table = False
    para: list[str] = []

    def flush() -> None:
        nonlocal in_list, in_table
        if para:
            out.append("<p>" + "<br>".join(_inline(p) for p in para) + "</p>")
            para.clear()
        if in_list:
            out.append("</ul>")
            in_list = False
        if in_table:
            out.append("</table>")
            in_table = False

    for raw in markdown.splitlines():
        line = raw.rstrip()
        stripped = line.lstrip()
        heading = re.match(r"^(#{1,6})\s+(.*)$", stripped)
        if not stripped:
            flush()
        elif heading:
            flush()
            level = len(heading.group(1))
            out.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif stripped.startswith(("- ", "* ")):
            if para or in_table:
                flush()
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{_inline(stripped[2:])}</li>")
        elif stripped.startswith("|"):
            if para or in_list:
                flush()
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if all(set(c) <= set("-: ") for c in cells):
                continue
            if not in_table:
                out.append("<table>")
                in_table = True
            out.append("<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in cells) + "</tr>")
        else:
            if in_list or in_table:
                flush()
            para.append(stripped)
    flush()
    return "\n".join(out)
