"""
Adequacy of confidentiality measures, NDA review and the exit-procedure checker.

What is law and what is heuristic
---------------------------------
* **Law** (SPC 法释〔2020〕7号 Arts. 5-6): measures must be taken before the act; Art. 6
  lists seven kinds; Art. 5(2) lists the factors. The per-secret legal criterion
  ``definition.reasonable_measures`` is computed by
  :func:`tradesecret.definition.assess_trade_secret`'s rules and repeated as the first
  criterion of each adequacy assessment here.
* **Library heuristics** (tier ``library_policy``, citing ``tradesecret-policy@2026-11-21``):
  which Art. 6 items a secret *should* have given its tier and value, how gaps are ranked,
  and the measure plan. The law sets no such table. Every figure is a parameter in
  ``data/measures.toml``.
* **Common practice** (tier ``practice``, citing ``common-practice@2026-11-21``): the NDA
  figures (3-5x estimated loss, RMB 500,000 floor, two-year partner non-compete). The user's
  chosen :class:`NdaPolicy` is an input; the common-practice one is only a default.
"""

from __future__ import annotations

from tradesecret.measures._adequacy import (
    MeasureGap,
    MeasuresReport,
    PlannedMeasure,
    assess_measures,
)
from tradesecret.measures._exit import check_exit
from tradesecret.measures._nda import NdaPolicy, review_nda

__all__ = [
    "MeasureGap",
    "MeasuresReport",
    "NdaPolicy",
    "PlannedMeasure",
    "assess_measures",
    "check_exit",
    "review_nda",
]
