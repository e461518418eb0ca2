"""The inline style sheet of the HTML reports (a CJK font stack for every platform)."""

from __future__ import annotations

from typing import Final

__all__ = ["CSS"]

#: Chinese text needs a CJK font: the stack names the common ones on Linux (Noto Sans CJK,
#: Source Han, WenQuanYi), macOS (PingFang, Hiragino) and Windows (Microsoft YaHei).
CSS: Final = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC",
"PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei","WenQuanYi Zen Hei",sans-serif;
max-width:960px;margin:2em auto;
padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.6em;border-bottom:2px solid #37474f}h2{font-size:1.3em;margin-top:1.6em}h3{font-size:1.1em}
.ts-summary{background:#eceff1;border-radius:6px;padding:.6em 1em}
.ts-badge{display:inline-block;border-radius:4px;padding:0 .5em;font-size:.85em;color:#fff;background:#607d8b}
.ts-outcome-met{background:#2e7d32}.ts-outcome-not_met{background:#c62828}.ts-outcome-insufficient_evidence{background:#ef6c00}
.ts-outcome-contested{background:#6a1b9a}.ts-outcome-not_applicable{background:#9e9e9e}
.ts-sev-critical,.ts-sev-high{color:#b71c1c;font-weight:600}.ts-sev-medium{color:#e65100}.ts-sev-low,.ts-sev-info{color:#455a64}
.ts-criterion{border-left:4px solid #b0bec5;padding:.2em 1em;margin:1em 0}
.ts-cite{color:#37474f;font-size:.9em}table{border-collapse:collapse}
td,th{border:1px solid #cfd8dc;padding:.2em .5em;font-size:.9em}
.ts-disclaimer{color:#607d8b;font-size:.85em;margin-top:2em}figure{margin:1em 0;overflow-x:auto}
.ts-cite-meta{color:#607d8b;font-size:.85em}
.ts-auth{display:inline-block;border-radius:3px;padding:0 .3em;font-size:.8em;border:1px solid #90a4ae}
.ts-auth-binding{border-color:#1b5e20;color:#1b5e20}.ts-auth-guidance,.ts-auth-heuristic{border-color:#e65100;color:#e65100}
.ts-ledger{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start}.ts-ledger>*{flex:1 1 420px;min-width:0}
"""
