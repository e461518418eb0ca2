"""
Rule resolution: a base rule and its exceptions, resolved explicitly.

Legal texts state a default and then its exceptions ("30 % of the average wage;
**but** not below the minimum wage"). Following Catala, each :class:`Rule` has a
label, a condition, a value and the labels it is an exception to. Resolution:

1. keep the rules whose condition holds;
2. drop every rule that an applicable rule overrides, directly or through a chain
   of exceptions;
3. exactly one value must remain. None left raises
   :class:`~tradesecret.exceptions.NoApplicableRuleError`; two different values
   raise :class:`~tradesecret.exceptions.ConflictingRulesError` -- never
   "last wins".

Examples:
    >>> from tradesecret.rules import Rule, resolve
    >>> from tradesecret.rulebook import default_rulebook
    >>> rules = [
    ...     Rule(label="agreed", cites=("lcl@2012-12-28:23.2",),
    ...          applies=lambda f: f["agreed"] is not None, value=lambda f: f["agreed"]),
    ...     Rule(label="default_30pct", cites=("spc-labor-1@2020-12-29:36",), overrides=("agreed",),
    ...          applies=lambda f: f["agreed"] is None, value=lambda f: 3000),
    ... ]
    >>> r = resolve("monthly_compensation", rules, {"agreed": None}, rulebook=default_rulebook())
    >>> (r.label, r.value, str(r.citations[0]))
    ('default_30pct', 3000, 'spc-labor-1@2020-12-29:36')
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

import attrs

from tradesecret._convert import tuple_of
from tradesecret.exceptions import ConflictingRulesError, NoApplicableRuleError
from tradesecret.law import Citation
from tradesecret.rulebook import Rulebook

__all__ = ["Resolution", "Rule", "resolve"]

F = TypeVar("F")
T = TypeVar("T")


@attrs.frozen(kw_only=True)
class Rule(Generic[F, T]):
    """
    One rule of a rule set.

    Attributes:
        label: Stable label, e.g. ``spc_labor_1_art36_min_wage_floor``.
        cites: Citation ids of the rule's basis.
        applies: The condition, a pure function of the facts.
        value: The consequence, a pure function of the facts.
        overrides: Labels of the rules this one is an exception to.
    """

    label: str
    cites: tuple[str, ...] = attrs.field(validator=tuple_of(str))
    applies: Callable[[F], bool]
    value: Callable[[F], T]
    overrides: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))


@attrs.frozen(kw_only=True)
class Resolution(Generic[T]):
    """
    The rule that won, its value and basis, and the rules it displaced.

    Attributes:
        label: Label of the winning rule.
        value: Its value.
        citations: Its resolved citations.
        displaced: Labels of applicable rules that were overridden.
    """

    label: str
    value: T
    citations: tuple[Citation, ...]
    displaced: tuple[str, ...]


def _ancestors(label: str, overrides: dict[str, tuple[str, ...]]) -> set[str]:
    seen: set[str] = set()
    stack = list(overrides.get(label, ()))
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(overrides.get(current, ()))
    return seen


def resolve(
    name: str, rules: Sequence[Rule[F, T]], facts: F, *, rulebook: Rulebook
) -> Resolution[T]:
    """Resolve ``rules`` on ``facts``; see the module docstring."""
    overrides = {rule.label: rule.overrides for rule in rules}
    applicable = [rule for rule in rules if rule.applies(facts)]
    if not applicable:
        raise NoApplicableRuleError(name)
    displaced: set[str] = set()
    for rule in applicable:
        displaced |= _ancestors(rule.label, overrides)
    winners = [rule for rule in applicable if rule.label not in displaced]
    values = [(rule, rule.value(facts)) for rule in winners]
    first_rule, first_value = values[0]
    if any(value != first_value for _, value in values[1:]):
        raise ConflictingRulesError(name, [rule.label for rule, _ in values])
    return Resolution(
        label=first_rule.label,
        value=first_value,
        citations=rulebook.cite_all(*first_rule.cites),
        displaced=tuple(sorted(r.label for r in applicable if r.label in displaced)),
    )
