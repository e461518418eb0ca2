"""
JSON output that stands alone: codes and arguments, plus the sentences in one locale.

A caller in Java, Go or C# should not have to rebuild a sentence from the ``.po`` files.
:func:`annotate` walks a result next to its plain (unstructured) form and adds, in the
requested locale:

* to every finding: ``message``, ``severity_label``, ``tier``, ``binding`` and
  ``remedies_text`` (the next steps as sentences);
* to every criterion: ``message``, ``outcome_label``, ``tier``, ``binding``;
* to every determination: ``message`` (value and rule), ``value_text``, ``rule_label``,
  ``tier``, ``binding``;
* to every assessment: ``message`` (title and subject), ``outcome_label``, ``tier``, ``binding``;
* to every trace step: ``message``, ``tier``, ``binding``;
* to every citation: ``label`` (``《劳动合同法》第二十四条`` / ``LCL Art. 24``),
  ``binding`` and ``status_label``.

The codes and arguments stay, so machine readers keep working; only keys are added.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import attrs

from tradesecret.i18n import Localizer
from tradesecret.law import Citation
from tradesecret.results import Assessment, Criterion, Determination, Finding, TraceStep
from tradesecret.serialization import unstructure

__all__ = ["annotate", "remedy_text", "value_text"]


def annotate(obj: object, plain: Any, loc: Localizer) -> None:
    """Add the locale's sentences to ``plain`` (the unstructured ``obj``), in place."""
    if isinstance(obj, Citation):
        if isinstance(plain, dict):
            _citation(obj, plain, loc)
        return
    if isinstance(obj, tuple | list) and isinstance(plain, list) and len(obj) == len(plain):
        for item, out in zip(obj, plain, strict=True):
            annotate(item, out, loc)
        return
    if isinstance(obj, frozenset | set) and isinstance(plain, list) and len(obj) == len(plain):
        ordered = sorted(
            obj, key=lambda v: json.dumps(unstructure(v), sort_keys=True, ensure_ascii=False)
        )
        for item, out in zip(ordered, plain, strict=True):
            annotate(item, out, loc)
        return
    if isinstance(obj, Mapping) and isinstance(plain, dict):
        for key, value in obj.items():
            if isinstance(key, str) and key in plain:
                annotate(value, plain[key], loc)
        return
    if not attrs.has(type(obj)) or not isinstance(plain, dict):
        return
    for field in attrs.fields(type(obj)):  # type: ignore[arg-type]
        if field.name in plain:
            annotate(getattr(obj, field.name), plain[field.name], loc)
    _sentences(obj, plain, loc)


def _citation(c: Citation, plain: dict[str, Any], loc: Localizer) -> None:
    plain["label"] = c.render(loc.locale)
    plain["binding"] = c.binding
    plain["status_label"] = loc.value(c.status)


def _cited(obj: Any, plain: dict[str, Any]) -> None:
    if obj.citations:
        plain["tier"] = obj.tier.value
        plain["binding"] = obj.binding
    else:  # pragma: no cover - results always cite; a bare one has no tier to give
        plain["tier"] = None
        plain["binding"] = None


def remedy_text(loc: Localizer, code: str, finding: Finding) -> str:
    """A remedy in words: its message with the finding's arguments, or its code when none."""
    if not loc.has(code):
        return code
    try:
        return loc.message(code, finding.args)
    except KeyError:
        return loc.template(code)


def _sentences(obj: object, plain: dict[str, Any], loc: Localizer) -> None:
    if isinstance(obj, Finding):
        plain["message"] = loc.message(obj.code, obj.args)
        plain["severity_label"] = loc.value(obj.severity)
        plain["remedies_text"] = [remedy_text(loc, code, obj) for code in obj.remedies]
        _cited(obj, plain)
    elif isinstance(obj, Criterion):
        plain["message"] = loc.message(obj.code, obj.facts)
        plain["outcome_label"] = loc.value(obj.outcome)
        _cited(obj, plain)
    elif isinstance(obj, Determination):
        rule = loc.message(f"rule.{obj.rule}") if loc.has(f"rule.{obj.rule}") else obj.rule
        value = value_text(loc, obj.value)
        plain["value_text"] = value
        plain["rule_label"] = rule
        plain["message"] = (
            f"{loc.label('heading.value')}{value} · {loc.label('heading.rule')}{rule}"
        )
        _cited(obj, plain)
    elif isinstance(obj, Assessment):
        code = f"assessment.{obj.kind}"
        title = loc.term(code) if loc.has(code) else obj.kind
        plain["message"] = f"{title} — {obj.subject}"
        plain["outcome_label"] = loc.value(obj.outcome)
        _cited(obj, plain)
    elif isinstance(obj, TraceStep):
        plain["message"] = loc.message(obj.code, obj.args)
        _cited(obj, plain)


def value_text(loc: Localizer, value: object) -> str:
    """A fact's value in words; a tuple as a comma-separated list."""
    if isinstance(value, tuple):
        return ", ".join(loc.value(v) for v in value)
    return loc.value(value)
