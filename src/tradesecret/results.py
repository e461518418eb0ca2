"""
The shared result model: every answer the library gives explains itself.

* :class:`Finding` -- one observation with a stable machine code
  (``noncompete.duration.exceeds_cap``), a severity, message arguments and the
  citations it rests on. Its :attr:`~Finding.tier` and
  :attr:`~Finding.binding` say whether it rests on binding law or guidance.
* :class:`Determination` -- a computed value (an amount, a date) plus the rule
  that produced it, the dated parameters used, the citations and a trace.
* :class:`Criterion` and :class:`Assessment` -- criteria or factors, each with an
  :class:`Outcome` (met / not met / insufficient evidence / contested), and the
  findings.

None of them can be built without at least one citation: a result that cannot
say where it comes from is a bug, and the constructor refuses it.

Message arguments are typed (:data:`Arg`): text, integers, decimals,
:class:`~tradesecret.money.Money`, :class:`~tradesecret.money.Ratio`, dates and
:class:`Term` (a token translated by the message catalogs). A ``float`` is
refused here as everywhere.
"""

from __future__ import annotations

import enum
import operator
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, Final, Generic, TypeAlias, TypeVar

import attrs
import pendulum

from tradesecret._convert import tuple_of
from tradesecret.exceptions import FloatNotAllowedError, InvalidInputError, json_kind
from tradesecret.law import Citation, Tier, Tiered
from tradesecret.money import Money, Ratio
from tradesecret.presenters import ShownAsMarkdown, present
from tradesecret.rulebook import ParameterValue

__all__ = [
    "Arg",
    "Args",
    "Assessment",
    "Combination",
    "Criterion",
    "Determination",
    "Finding",
    "FindingCodes",
    "MissingFact",
    "Outcome",
    "Severity",
    "Sourced",
    "Term",
    "TraceStep",
    "Undetermined",
    "make_args",
    "missing_facts",
    "strongest_tier",
]

T = TypeVar("T")


class Severity(enum.Enum):
    """How much a finding matters, from ``INFO`` to ``CRITICAL``."""

    INFO = "info"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        """0 for ``INFO`` up to 4 for ``CRITICAL``."""
        return _SEVERITY_ORDER.index(self)

    def at_least(self, other: Severity) -> bool:
        """True when this severity is ``other`` or worse."""
        return self.rank >= other.rank


_SEVERITY_ORDER: Final = (
    Severity.INFO,
    Severity.LOW,
    Severity.MEDIUM,
    Severity.HIGH,
    Severity.CRITICAL,
)


class Outcome(enum.Enum):
    """The outcome of a criterion, factor or legal claim."""

    MET = "met"  # 满足 / established
    NOT_MET = "not_met"  # 不满足 / not established
    INSUFFICIENT_EVIDENCE = "insufficient_evidence"  # 证据不足
    CONTESTED = "contested"  # 有争议: evidence both ways, neither prevails
    NOT_APPLICABLE = "not_applicable"  # 不适用

    @classmethod
    def combine(cls, outcomes: Iterable[Outcome]) -> Outcome:
        """
        The headline of several criteria that must all be met (a conjunction).

        Any ``NOT_MET`` → ``NOT_MET``; else any ``INSUFFICIENT_EVIDENCE`` (undetermined:
        a fact is not stated or not proven) → ``INSUFFICIENT_EVIDENCE``; else any
        ``CONTESTED`` → ``CONTESTED``; else any ``MET`` → ``MET``; else (nothing, or
        only ``NOT_APPLICABLE``) → ``NOT_APPLICABLE``.

        Examples:
            >>> Outcome.combine([Outcome.MET, Outcome.INSUFFICIENT_EVIDENCE]).value
            'insufficient_evidence'
            >>> Outcome.combine([Outcome.MET, Outcome.NOT_MET, Outcome.INSUFFICIENT_EVIDENCE]).value
            'not_met'
        """
        seen = set(outcomes)
        for outcome in _HEADLINE_ORDER:
            if outcome in seen:
                return outcome
        return cls.NOT_APPLICABLE

    @property
    def hides_failure_of(self) -> frozenset[Outcome]:
        """The criterion outcomes that this headline would hide (``MET`` hides any failure)."""
        return _HIDDEN.get(self, frozenset())


#: The headline rule of :meth:`Outcome.combine`, strongest first.
_HEADLINE_ORDER: Final = (
    Outcome.NOT_MET,
    Outcome.INSUFFICIENT_EVIDENCE,
    Outcome.CONTESTED,
    Outcome.MET,
)
_HIDDEN: Final = {
    Outcome.MET: frozenset({Outcome.NOT_MET, Outcome.INSUFFICIENT_EVIDENCE, Outcome.CONTESTED}),
    Outcome.NOT_APPLICABLE: frozenset(
        {Outcome.NOT_MET, Outcome.INSUFFICIENT_EVIDENCE, Outcome.CONTESTED}
    ),
}


class Combination(enum.Enum):
    """
    How an assessment's outcome follows from its criteria (stated, never implicit).

    * ``ALL`` -- every criterion must be met: the outcome is :meth:`Outcome.combine`
      of the criteria, and the constructor refuses any other.
    * ``TREE`` -- a claim tree (alternatives and sub-claims): the root claim's outcome,
      computed by the domain from the tree it publishes.
    * ``WEIGHED`` -- factors weighed together: the domain's documented weighing.
    """

    ALL = "all"
    TREE = "tree"
    WEIGHED = "weighed"


@attrs.frozen
class Term:
    """A token translated by the message catalogs, e.g. ``Term("term.outcome.met")``."""

    code: str


#: A message argument.
Arg: TypeAlias = str | int | Decimal | Money | Ratio | pendulum.Date | Term
#: Message arguments, sorted by name: build them with :func:`make_args`.
Args: TypeAlias = tuple[tuple[str, Arg], ...]

_ARG_TYPES: Final = (str, int, Decimal, Money, Ratio, pendulum.Date, Term)
# Exactly these types pass every check below (no bool, float or datetime is among them):
# the fast path of make_args.
_EXACT_ARG_TYPES: Final = frozenset(_ARG_TYPES)


def make_args(values: Mapping[str, object] | Iterable[tuple[str, object]] = ()) -> Args:
    """
    Validate and sort message arguments.

    Raises:
        FloatNotAllowedError: for a ``float``.
        InvalidInputError: for any other unsupported type or a bad name.
    """
    if type(values) is tuple and not values:  # no arguments: the most common case
        return ()
    items = (
        list(values.items())
        if type(values) is dict or isinstance(values, Mapping)
        else list(values)
    )
    out: list[tuple[str, Arg]] = []
    for name, value in items:
        if type(value) in _EXACT_ARG_TYPES and type(name) is str and name.isidentifier():
            out.append((name, value))  # type: ignore[arg-type]  # the common case, checked
            continue
        if isinstance(value, float):
            raise FloatNotAllowedError(f"args.{name}", value)
        if not isinstance(name, str) or not name.isidentifier():
            raise InvalidInputError.single("args", name, "argument names must be identifiers")
        if isinstance(value, bool) or not isinstance(value, _ARG_TYPES):
            raise InvalidInputError.single(
                f"args.{name}",
                value,
                "a message argument is text, a whole number, a decimal, money, a ratio, a date "
                "or a term; got {got}",
                got=json_kind(value),
            )
        if isinstance(value, pendulum.DateTime):
            raise InvalidInputError.single(f"args.{name}", value, "pass a date, not a datetime")
        out.append((name, value))
    if len(out) > 1:
        out.sort(key=_by_name)
        names = [n for n, _ in out]
        if len(set(names)) != len(names):
            raise InvalidInputError.single("args", names, "duplicate argument name")
    return tuple(out)


_by_name: Final = operator.itemgetter(0)


def _args_converter(value: object) -> Args:
    if type(value) is dict or type(value) is tuple or isinstance(value, Mapping | list | tuple):
        return make_args(value)
    raise InvalidInputError.single("args", value, "expected a mapping or pairs")


def _require_citations(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[Citation, ...]
) -> None:
    if not value:
        msg = f"{type(instance).__name__}.{attribute.name} must hold at least one citation"
        raise ValueError(msg)
    for citation in value:
        if not isinstance(citation, Citation):
            msg = f"{type(instance).__name__}.{attribute.name} holds a {type(citation).__name__}, not a Citation"
            raise TypeError(msg)


def _context_converter(value: object) -> tuple[Citation, ...]:
    if value == ():
        return ()
    return _dedupe(value)  # type: ignore[arg-type]  # _dedupe checks every member


def strongest_tier(citations: Iterable[Citation]) -> Tier:
    """The tier of the most authoritative citation (binding beats guidance)."""
    return min(citations, key=lambda c: c.authority.rank).tier


def _dedupe(citations: Iterable[Citation]) -> tuple[Citation, ...]:
    if type(citations) is tuple and len(citations) == 1 and type(citations[0]) is Citation:
        return citations  # one citation: nothing to dedupe or check
    seen: dict[str, Citation] = {}
    for c in citations:
        if not isinstance(c, Citation):
            msg = f"expected a Citation (use Rulebook.cite), not {type(c).__name__}: {c!r}"
            raise TypeError(msg)
        seen.setdefault(c.id, c)
    return tuple(seen.values())


class Sourced(Tiered):
    """
    Mixin: the tier of the strongest source in ``citations`` (what a result rests on),
    with its ``authority`` and ``binding`` force.
    """

    __slots__ = ()

    citations: tuple[Citation, ...]

    @property
    def tier(self) -> Tier:
        """Tier of the strongest source the result rests on."""
        return strongest_tier(self.citations)


class _Cited(Sourced, ShownAsMarkdown):
    """
    Mixin: tier and authority from ``citations`` -- what the result **rests on** (its
    basis). Sources mentioned only as ``context`` never raise the tier: a practice
    figure that also mentions a binding article is still a practice figure.
    """

    context: tuple[Citation, ...]

    @property
    def basis(self) -> tuple[Citation, ...]:
        """What the result rests on (the same as ``citations``)."""
        return self.citations

    def _repr_html_(self) -> str | None:
        shown = present("html", self, locale="zh_CN")
        return None if shown is None else str(shown)


@attrs.frozen(kw_only=True)
class Finding(_Cited):
    """
    One observation, with its legal basis.

    Attributes:
        code: Stable machine code, ``<domain>.<topic>.<what>``; also the message id.
        severity: How much it matters.
        citations: What it rests on (never empty).
        args: Message arguments (see :func:`make_args`).
        subject: What it is about (a secret id, a clause, an instalment), if anything.
        remedies: Message codes of actions that would close the gap, most useful first.
    """

    code: str
    severity: Severity
    citations: tuple[Citation, ...] = attrs.field(converter=_dedupe, validator=_require_citations)
    context: tuple[Citation, ...] = attrs.field(default=(), converter=_context_converter)
    args: Args = attrs.field(default=(), converter=_args_converter)
    subject: str | None = None
    remedies: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))

    def arg(self, name: str) -> Arg:
        """The argument ``name``."""
        for key, value in self.args:
            if key == name:
                return value
        raise KeyError(name)


class FindingCodes:
    """Mixin: ``codes()``, the codes of a result's ``findings``."""

    __slots__ = ()

    findings: tuple[Finding, ...]

    def codes(self) -> frozenset[str]:
        """The codes of the findings."""
        return frozenset(f.code for f in self.findings)


@attrs.frozen(kw_only=True)
class TraceStep(_Cited):
    """
    One step of a computation or evaluation, in order.

    Attributes:
        rule: Label of the rule applied (e.g. ``spc_labor_1_art36_floor``).
        code: Message code describing the step.
        citations: Legal basis of the step.
        args: Message arguments (the inputs and result of the step).
        parameters: Parameter values used.
        on: The date the step concerns, for timelines.
    """

    rule: str
    code: str
    citations: tuple[Citation, ...] = attrs.field(converter=_dedupe, validator=_require_citations)
    context: tuple[Citation, ...] = attrs.field(default=(), converter=_context_converter)
    args: Args = attrs.field(default=(), converter=_args_converter)
    parameters: tuple[ParameterValue, ...] = attrs.field(
        default=(), validator=tuple_of(ParameterValue)
    )
    on: pendulum.Date | None = None


@attrs.frozen(kw_only=True)
class Determination(_Cited, Generic[T]):
    """
    A computed value and why.

    Attributes:
        value: The result (a :class:`~tradesecret.money.Money`, a date, ...).
        rule: Label of the rule that produced it.
        as_of: The date the question was asked for.
        citations: Legal basis (never empty).
        parameters: Parameter values used, with their dates and sources.
        trace: The steps, in order.
        findings: Observations made on the way.
    """

    value: T
    rule: str
    as_of: pendulum.Date
    citations: tuple[Citation, ...] = attrs.field(converter=_dedupe, validator=_require_citations)
    context: tuple[Citation, ...] = attrs.field(default=(), converter=_context_converter)
    parameters: tuple[ParameterValue, ...] = attrs.field(
        default=(), validator=tuple_of(ParameterValue)
    )
    trace: tuple[TraceStep, ...] = attrs.field(default=(), validator=tuple_of(TraceStep))
    findings: tuple[Finding, ...] = attrs.field(default=(), validator=tuple_of(Finding))


@attrs.frozen(kw_only=True)
class Undetermined(_Cited):
    """
    A rule the stated facts do not decide, because it turns on facts not stated.

    Attributes:
        rule: The code of the finding the rule gives when its condition holds.
        facts: The facts not stated that would decide it, as paths
            (``employee.secrets_known``).
        if_holds: The criterion's outcome if the condition holds.
        otherwise: The criterion's outcome if it does not.
        severity: The severity of the finding it would give.
        citations: What the rule rests on.
        context: Sources mentioned as context only.
        criterion: The code of the criterion it belongs to, where it belongs to one.
    """

    rule: str
    facts: tuple[str, ...] = attrs.field(validator=tuple_of(str))
    if_holds: Outcome
    otherwise: Outcome
    severity: Severity
    citations: tuple[Citation, ...] = attrs.field(converter=_dedupe, validator=_require_citations)
    context: tuple[Citation, ...] = attrs.field(default=(), converter=_context_converter)
    criterion: str | None = None

    @property
    def decisive(self) -> bool:
        """True when the unknown facts decide the criterion's outcome."""
        return self.if_holds is not self.otherwise


@attrs.frozen(kw_only=True)
class MissingFact:
    """
    A fact not stated, with the rules it would decide (see :meth:`Assessment.missing`).

    Attributes:
        fact: The fact's path (``agreement.compensation.monthly_amount``).
        rules: The codes of the rules it would decide.
        criteria: The codes of the criteria whose outcome it would decide.
        severity: The worst severity among those rules.
    """

    fact: str
    rules: tuple[str, ...] = attrs.field(validator=tuple_of(str))
    criteria: tuple[str, ...] = attrs.field(validator=tuple_of(str))
    severity: Severity

    @property
    def decisive(self) -> bool:
        """True when the fact decides at least one criterion's outcome."""
        return bool(self.criteria)


def missing_facts(open_rules: Iterable[Undetermined]) -> tuple[MissingFact, ...]:
    """
    The facts not stated that would decide ``open_rules``, most decisive first: those
    deciding a criterion's outcome, then by the worst severity, then by how many rules
    they decide, then by name.
    """
    rules: dict[str, list[Undetermined]] = {}
    for rule in open_rules:
        for fact in rule.facts:
            rules.setdefault(fact, []).append(rule)
    out = [
        MissingFact(
            fact=fact,
            rules=tuple(dict.fromkeys(r.rule for r in found)),
            criteria=tuple(dict.fromkeys(r.criterion or r.rule for r in found if r.decisive)),
            severity=max((r.severity for r in found), key=lambda s: s.rank),
        )
        for fact, found in rules.items()
    ]
    out.sort(key=lambda m: (not m.decisive, -m.severity.rank, -len(m.rules), m.fact))
    return tuple(out)


@attrs.frozen(kw_only=True)
class Criterion(_Cited):
    """
    One criterion, factor or claim and its outcome.

    Attributes:
        code: Stable code (``definition.not_publicly_known``); also a message id.
        outcome: Met, not met, insufficient evidence, contested or not applicable.
        citations: Legal basis (never empty).
        findings: Observations, including gaps and what would close them.
        facts: The facts relied on, as message arguments.
        evidence: Ids of the evidence items or records relied on.
        parameters: Parameter values used.
        strength: Optional weight in [0, 1] for factors that are weighed.
        trace: The steps, in order.
        open: The rules the stated facts do not decide (see :class:`Undetermined`).
    """

    code: str
    outcome: Outcome
    citations: tuple[Citation, ...] = attrs.field(converter=_dedupe, validator=_require_citations)
    context: tuple[Citation, ...] = attrs.field(default=(), converter=_context_converter)
    findings: tuple[Finding, ...] = attrs.field(default=(), validator=tuple_of(Finding))
    facts: Args = attrs.field(default=(), converter=_args_converter)
    evidence: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    parameters: tuple[ParameterValue, ...] = attrs.field(
        default=(), validator=tuple_of(ParameterValue)
    )
    strength: Decimal | None = None
    trace: tuple[TraceStep, ...] = attrs.field(default=(), validator=tuple_of(TraceStep))
    open: tuple[Undetermined, ...] = attrs.field(default=(), validator=tuple_of(Undetermined))

    def missing(self) -> tuple[MissingFact, ...]:
        """The facts not stated that would decide this criterion's open rules."""
        return missing_facts(self.open)


@attrs.frozen(kw_only=True)
class Assessment(_Cited):
    """
    An evaluation of a subject against several criteria.

    Attributes:
        kind: What was assessed (``trade_secret``, ``noncompete``, ``preservation``...);
            also the message id of its title (``assessment.<kind>``).
        subject: Identifier of the thing assessed.
        as_of: The date of the assessment.
        outcome: Overall outcome.
        citations: The overall legal basis (never empty).
        criteria: The criteria or factors, in order.
        findings: Findings that belong to no single criterion.
        parameters: Parameter values used.
        combination: How ``outcome`` follows from ``criteria`` (see :class:`Combination`).
    """

    kind: str
    subject: str
    as_of: pendulum.Date
    outcome: Outcome = attrs.field()
    citations: tuple[Citation, ...] = attrs.field(converter=_dedupe, validator=_require_citations)
    context: tuple[Citation, ...] = attrs.field(default=(), converter=_context_converter)
    criteria: tuple[Criterion, ...] = attrs.field(default=(), validator=tuple_of(Criterion))
    findings: tuple[Finding, ...] = attrs.field(default=(), validator=tuple_of(Finding))
    parameters: tuple[ParameterValue, ...] = attrs.field(
        default=(), validator=tuple_of(ParameterValue)
    )
    combination: Combination = Combination.ALL

    @outcome.validator
    def _stated_function(self, _: attrs.Attribute[Outcome], value: Outcome) -> None:
        if self.combination is not Combination.ALL or not self.criteria:
            return
        expected = Outcome.combine(c.outcome for c in self.criteria)
        if value is not expected:
            failing = [c.code for c in self.criteria if c.outcome in value.hides_failure_of]
            msg = (
                f"assessment {self.kind!r} reads {value.value!r} but its criteria combine to "
                f"{expected.value!r} ({failing or 'see criteria'}): use Outcome.combine"
            )
            raise ValueError(msg)

    def missing(self) -> tuple[MissingFact, ...]:
        """
        The facts not stated that would change an outcome, most decisive first
        (the "what is missing" list at the top of a review).
        """
        return missing_facts(rule for c in self.criteria for rule in c.open)

    def criterion(self, code: str) -> Criterion:
        """The criterion with that code."""
        for criterion in self.criteria:
            if criterion.code == code:
                return criterion
        raise KeyError(code)

    def all_findings(self) -> Iterator[Finding]:
        """Every finding: the assessment's own, then each criterion's."""
        yield from self.findings
        for criterion in self.criteria:
            yield from criterion.findings

    def codes(self) -> frozenset[str]:
        """The codes of every finding."""
        return frozenset(f.code for f in self.all_findings())

    def worst_severity(self) -> Severity | None:
        """The worst severity among all findings, or ``None`` without findings."""
        found = [f.severity for f in self.all_findings()]
        return max(found, key=lambda s: s.rank) if found else None
