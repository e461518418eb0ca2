"""
Reports: bilingual Markdown and self-contained HTML for every result.

* :func:`render` -- one entry point for ``text``, ``markdown``, ``html`` and ``json``.
* :func:`render_html` -- a whole HTML document (or a notebook fragment) with inline CSS
  and SVG: summary first, then each assessment, criterion or factor with its outcome,
  reasons, evidence, citations (``《劳动合同法》第二十四条`` / ``LCL Art. 24``) and next
  steps; a compensation timeline and an evidence-chain picture where the result has them.
* :func:`render_markdown` -- the same content as Markdown.
* :func:`timeline_svg` and :func:`graph_svg` -- the pictures, usable on their own.
* :class:`Report` -- rich display in notebooks (``_repr_html_``, ``_repr_markdown_``).
* :func:`notebook_html` and ``%load_ext tradesecret.reports`` -- notebook display: money
  as ``CN¥12,000.00``, dates, results and ledgers as tables and reports.
* :func:`to_dataframe` -- batch or review results, or rows of any attrs values (instalments,
  package entries...), as a pandas DataFrame (pandas optional).

Every piece of user text is escaped; the HTML has no script and loads nothing.

Examples:
    >>> from tradesecret.reports import render_html
    >>> from tradesecret.results import Finding, Severity
    >>> from tradesecret.rulebook import default_rulebook
    >>> f = Finding(code="report.example", severity=Severity.HIGH,
    ...     citations=(default_rulebook().cite("lcl@2012-12-28:24"),), subject="<script>")
    >>> html = render_html(f, locale="en")
    >>> "LCL Art. 24" in html and "&lt;script&gt;" in html and "<script>" not in html
    True
"""

from __future__ import annotations

from tradesecret.reports._frames import to_dataframe
from tradesecret.reports._notebook import (
    load_ipython_extension,
    notebook_html,
    notebook_markdown,
    notebook_pretty,
)
from tradesecret.reports._render import (
    REPORT_FORMATS,
    Report,
    ReportFormat,
    markdown_to_html,
    render,
    render_html,
    render_markdown,
)
from tradesecret.reports._style import CSS as REPORT_CSS
from tradesecret.reports._svg import GraphEdge, GraphNode, TimelinePoint, graph_svg, timeline_svg

__all__ = [
    "REPORT_CSS",
    "REPORT_FORMATS",
    "GraphEdge",
    "GraphNode",
    "Report",
    "ReportFormat",
    "TimelinePoint",
    "graph_svg",
    "load_ipython_extension",
    "markdown_to_html",
    "notebook_html",
    "notebook_markdown",
    "notebook_pretty",
    "render",
    "render_html",
    "render_markdown",
    "timeline_svg",
    "to_dataframe",
]
