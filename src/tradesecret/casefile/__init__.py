"""
Case files: one versioned JSON format for every domain input, with a JSON Schema.

A case file is an envelope around one domain input::

    {"format": "tradesecret-case", "version": 1, "kind": "noncompete",
     "as_of": "2025-12-31", "title": "...", "data": {...}}

``data`` follows the JSON conventions of :mod:`tradesecret.serialization` (money as
``{"amount": "6000.00", "currency": "CNY"}``, dates ``YYYY-MM-DD``, enums as their
string values). :func:`case_schema` gives the JSON Schema of each kind, generated from
the attrs types, so a system in any language can validate a file before sending it
(``tradesecret schema noncompete``).

* :func:`load_case` reads a file, text or mapping; bad input raises
  :class:`~tradesecret.exceptions.InvalidInputError` listing *every* problem with its
  JSON path (``$.data.employee.wages[3].amount``).
* :func:`review_case` runs the kind's assessments and returns a :class:`CaseReview`
  (findings, determinations, domain results), which :func:`tradesecret.explain` and
  :mod:`tradesecret.reports` render.
"""

from __future__ import annotations

from tradesecret.casefile._core import (
    CASE_FORMAT,
    CASE_VERSION,
    Case,
    CaseKind,
    CaseKinds,
    CaseReview,
    case_schema,
    default_kinds,
    dump_case,
    envelope_schema,
    example_names,
    example_text,
    iter_findings,
    load_case,
    parse_case,
    review_case,
    schema_names,
)
from tradesecret.casefile._core import register_builtin_kinds as _register
from tradesecret.casefile._kinds import BUILTIN_KINDS as _BUILTIN_KINDS
from tradesecret.casefile._runners import EvidenceReview, build_graph, claims_from_evaluation
from tradesecret.casefile._schema import json_schema, review_schema

_register(_BUILTIN_KINDS)  # the kinds register with the case-file core, which never imports them

__all__ = [
    "CASE_FORMAT",
    "CASE_VERSION",
    "Case",
    "CaseKind",
    "CaseKinds",
    "CaseReview",
    "EvidenceReview",
    "build_graph",
    "case_schema",
    "claims_from_evaluation",
    "default_kinds",
    "dump_case",
    "envelope_schema",
    "example_names",
    "example_text",
    "iter_findings",
    "json_schema",
    "load_case",
    "parse_case",
    "review_case",
    "review_schema",
    "schema_names",
]
