"""
The rule engine every domain uses: rule tables with unknown facts and legal time.

Where the law is a list ("if these facts, then this finding"), a domain writes a
:class:`RuleTable` of :class:`Check` rows beside the clause it implements, and
:meth:`RuleTable.evaluate` turns the facts into a
:class:`~tradesecret.results.Criterion`. Arithmetic and temporal law stays
imperative code; it uses the same three-valued facts (:mod:`tradesecret.facts`).

One row, read left to right: **when** the condition holds on the facts, the finding
``code`` is given with its ``severity``; its ``effect`` says what that does to the
criterion (``FAILS``: not met; ``DOUBTS``: undetermined; ``NOTES``: nothing).

**Unknown facts.** A condition returns a :class:`~tradesecret.facts.Tri`. Where it is
unknown the row neither fires nor stays silent: it becomes an
:class:`~tradesecret.results.Undetermined` naming the facts (``facts``: paths read
on the facts object that are :data:`~tradesecret.facts.UNKNOWN`) and the outcome
each answer would give. The criterion's outcome (:func:`criterion_outcome`):

* a fired ``FAILS`` row → ``NOT_MET`` (decided, whatever the unknown facts are);
* else a fired ``DOUBTS`` row, or an open ``FAILS``/``DOUBTS`` row → ``INSUFFICIENT_EVIDENCE``
  (the library's one name for *undetermined*);
* else ``MET``.

**Legal time.** A row rests on ``basis`` (every source must be in force on the day
the law is applied, else the row is not law yet -- or no longer -- and never fires),
cites ``support`` where in force (guidance and typical cases only from their
publication) and mentions ``context`` (never raising the tier). A citation of a
later version of an instrument is re-pointed to the version in force that day when
the catalog lists the article there; sources of the library's own policy and of
common practice are not dated law and always apply.

Examples:
    >>> from tradesecret.engine import Check, Effect, RuleTable
    >>> from tradesecret.facts import UNKNOWN, tri
    >>> from tradesecret.results import Severity
    >>> from tradesecret.rulebook import default_rulebook
    >>> import attrs, pendulum
    >>> @attrs.frozen(kw_only=True)
    ... class Term:
    ...     months: object = UNKNOWN
    >>> TABLE = RuleTable(
    ...     criterion="noncompete.criterion.duration",
    ...     basis=("lcl@2012-12-28:24.2",),
    ...     checks=(
    ...         Check(code="noncompete.duration.exceeds_cap", severity=Severity.HIGH,
    ...               effect=Effect.FAILS, basis=("lcl@2012-12-28:24.2",), facts=("months",),
    ...               when=lambda f: tri(f.months, lambda m: m > 24)),
    ...     ),
    ... )
    >>> rb, day = default_rulebook(), pendulum.date(2025, 9, 1)
    >>> TABLE.evaluate(Term(months=30), on=day, rulebook=rb).outcome.value
    'not_met'
    >>> c = TABLE.evaluate(Term(), on=day, rulebook=rb)
    >>> c.outcome.value, c.open[0].facts, c.open[0].if_holds.value, c.open[0].otherwise.value
    ('insufficient_evidence', ('months',), 'not_met', 'met')
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import ModuleType
from typing import Any, Final, Generic, TypeVar

import attrs
import pendulum

from tradesecret._convert import tuple_of
from tradesecret.facts import UNKNOWN, Tri, TriLike
from tradesecret.law import Citation, CitationRef, Instrument, Tier
from tradesecret.results import (
    Criterion,
    Finding,
    Outcome,
    Severity,
    TraceStep,
    Undetermined,
)
from tradesecret.rulebook import ParameterValue, Rulebook

__all__ = [
    "Check",
    "Effect",
    "LegalClock",
    "RuleTable",
    "criterion_outcome",
    "read_path",
    "tables_in",
    "unknown_paths",
]

F = TypeVar("F")

#: Tiers that are not dated law: they apply whatever the day.
_TIMELESS: Final = frozenset({Tier.LIBRARY_POLICY, Tier.PRACTICE})


class Effect(enum.Enum):
    """What a fired row does to its criterion."""

    FAILS = "fails"  # the criterion is not met
    DOUBTS = "doubts"  # the criterion is undetermined (insufficient evidence)
    NOTES = "notes"  # a finding that does not change the outcome


def read_path(facts: object, path: str) -> object:
    """The value at a dotted attribute ``path`` of ``facts``; ``UNKNOWN`` once a step is."""
    value: object = facts
    for name in path.split("."):
        if value is UNKNOWN:
            return UNKNOWN
        value = getattr(value, name)
    return value


def unknown_paths(facts: object, paths: Iterable[str]) -> tuple[str, ...]:
    """The paths among ``paths`` whose value is :data:`~tradesecret.facts.UNKNOWN`."""
    return tuple(p for p in paths if read_path(facts, p) is UNKNOWN)


class LegalClock:
    """
    Which sources are law on one day, for one rulebook: resolves a citation id to the
    version in force that day, or ``None`` when it was not (yet, or any longer) law.

    One clock serves one evaluation (a small cache, no global state).
    """

    __slots__ = ("_book", "_cache", "_families", "day")

    def __init__(self, rulebook: Rulebook, day: pendulum.Date) -> None:
        self._book = rulebook
        self.day = day
        self._cache: dict[str, Citation | None] = {}
        self._families: dict[str, list[Instrument]] | None = None

    def _versions(self, instrument_id: str) -> list[Instrument]:
        if self._families is None:
            families: dict[str, list[Instrument]] = {}
            for instrument in self._book.instruments.values():
                families.setdefault(instrument.id, []).append(instrument)
            self._families = families
        return self._families.get(instrument_id, [])

    def cite(self, text: str) -> Citation | None:
        """The citation in force on :attr:`day`, re-pointed to that day's version."""
        if text not in self._cache:
            self._cache[text] = self._resolve(text)
        return self._cache[text]

    def _resolve(self, text: str) -> Citation | None:
        cited = self._book.cite(text)
        if cited.tier in _TIMELESS:
            return cited
        ref = cited.ref
        in_force = [v for v in self._versions(ref.instrument) if v.in_force_on(self.day)]
        if not in_force:
            return None
        version = in_force[0]
        if version.key == ref.key:
            return cited
        if ref.article is not None and version.article(ref.article) is None:
            return None  # that article is not law in the version in force that day
        moved = CitationRef(
            instrument=ref.instrument,
            version=version.version,
            article=ref.article,
            paragraph=ref.paragraph,
            item=ref.item,
        )
        return self._book.cite(str(moved))

    def all_in_force(self, texts: Iterable[str]) -> tuple[Citation, ...] | None:
        """Every citation, each in force; ``None`` when any one is not law that day."""
        out: list[Citation] = []
        for text in texts:
            citation = self.cite(text)
            if citation is None:
                return None
            out.append(citation)
        return tuple(out)

    def those_in_force(self, texts: Iterable[str]) -> tuple[Citation, ...]:
        """The citations among ``texts`` that are in force, re-pointed."""
        return tuple(c for c in map(self.cite, texts) if c is not None)


def _no_args(_: Any) -> Mapping[str, object]:
    return {}


def _no_subject(_: Any) -> str | None:
    return None


@attrs.frozen(kw_only=True)
class Check(Generic[F]):
    """
    One row of a rule table.

    Attributes:
        code: The finding's code (also its message id).
        severity: The finding's severity.
        effect: What the finding does to the criterion.
        basis: Citation ids the rule rests on; all must be in force for it to apply.
        when: The condition on the facts: ``bool`` or :class:`~tradesecret.facts.Tri`.
        facts: Paths of the facts the condition reads (reported when unknown).
        support: Citation ids cited as well where in force (guidance, typical cases).
        context: Citation ids mentioned as context (never raising the tier).
        args: The finding's message arguments, computed when the row fires.
        subject: What the finding is about, computed when the row fires.
        remedies: Message codes of actions that would close the gap.
        clause: The clause the row implements, quoted, for the docs.
    """

    code: str
    severity: Severity
    effect: Effect
    basis: tuple[str, ...] = attrs.field(validator=tuple_of(str))
    when: Callable[[F], TriLike]
    facts: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    support: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    context: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    args: Callable[[F], Mapping[str, object]] = _no_args
    subject: Callable[[F], str | None] = _no_subject
    remedies: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    clause: str = ""

    @property
    def if_holds(self) -> Outcome:
        """The criterion's outcome this row forces when it fires."""
        return _EFFECT_OUTCOME[self.effect]


_EFFECT_OUTCOME: Final = {
    Effect.FAILS: Outcome.NOT_MET,
    Effect.DOUBTS: Outcome.INSUFFICIENT_EVIDENCE,
    Effect.NOTES: Outcome.MET,
}


def criterion_outcome(fired: Sequence[Effect], open_rows: Sequence[Effect]) -> Outcome:
    """The outcome of a criterion from the effects of its fired and open rows."""
    if Effect.FAILS in fired:
        return Outcome.NOT_MET
    if Effect.DOUBTS in fired or any(e is not Effect.NOTES for e in open_rows):
        return Outcome.INSUFFICIENT_EVIDENCE
    return Outcome.MET


@attrs.frozen(kw_only=True)
class RuleTable(Generic[F]):
    """
    The rows of one criterion, in the order the clause lists them.

    Attributes:
        criterion: The criterion's code.
        basis: Citation ids of the criterion's basis (the ones in force are cited).
        checks: The rows.
        clause: The clause the table implements, quoted, for the docs.
    """

    criterion: str
    basis: tuple[str, ...] = attrs.field(validator=tuple_of(str))
    checks: tuple[Check[F], ...] = attrs.field(validator=tuple_of(Check))
    clause: str = ""

    def run(
        self, facts: F, clock: LegalClock
    ) -> tuple[list[tuple[Check[F], Finding]], list[Undetermined]]:
        """The rows that fire (with their findings) and the rows left open."""
        fired, open_rows = self._run(facts, clock)
        return fired, [u for u, _ in open_rows]

    def _run(
        self, facts: F, clock: LegalClock
    ) -> tuple[list[tuple[Check[F], Finding]], list[tuple[Undetermined, Effect]]]:
        """As :meth:`run`, each open row with its own effect (codes may repeat)."""
        fired: list[tuple[Check[F], Finding]] = []
        open_rows: list[tuple[Undetermined, Effect]] = []
        for check in self.checks:
            basis = clock.all_in_force(check.basis)
            if basis is None:
                continue  # not law on that day: a rule not in force never fires
            citations = (*basis, *clock.those_in_force(check.support))
            context = clock.those_in_force(check.context)
            truth = Tri.of(check.when(facts))
            if truth is Tri.TRUE:
                finding = Finding(
                    code=check.code,
                    severity=check.severity,
                    citations=citations,
                    context=context,
                    args=check.args(facts),
                    subject=check.subject(facts),
                    remedies=check.remedies,
                )
                fired.append((check, finding))
            elif truth is Tri.UNKNOWN:
                open_rows.append(
                    (
                        Undetermined(
                            rule=check.code,
                            facts=unknown_paths(facts, check.facts) or check.facts,
                            if_holds=check.if_holds,
                            otherwise=Outcome.MET,
                            severity=check.severity,
                            citations=citations,
                            context=context,
                            criterion=self.criterion,
                        ),
                        check.effect,
                    )
                )
        return fired, open_rows

    def evaluate(
        self,
        facts: F,
        *,
        on: pendulum.Date,
        rulebook: Rulebook,
        clock: LegalClock | None = None,
        extra: Sequence[Finding] = (),
        facts_args: Mapping[str, object] | None = None,
        parameters: Sequence[ParameterValue] = (),
        evidence: tuple[str, ...] = (),
        trace: Sequence[TraceStep] = (),
    ) -> Criterion:
        """
        The criterion on ``facts`` under the law in force ``on`` that day.

        ``extra`` findings (from imperative code beside the table) count by severity:
        they do not change the outcome; fold their effect into a row when they should.
        """
        clock = clock if clock is not None and clock.day == on else LegalClock(rulebook, on)
        fired, open_pairs = self._run(facts, clock)
        fired_effects = [check.effect for check, _ in fired]
        open_rows = [u for u, _ in open_pairs]
        open_effects = [effect for _, effect in open_pairs]
        outcome = criterion_outcome(fired_effects, open_effects)
        # What each open row would make of the criterion, the other rows left as they are.
        open_rows = [
            attrs.evolve(
                u,
                if_holds=criterion_outcome([*fired_effects, effect], _others(open_effects, i)),
                otherwise=criterion_outcome(fired_effects, _others(open_effects, i)),
            )
            for i, (u, effect) in enumerate(zip(open_rows, open_effects, strict=True))
        ]
        basis = self.law_of_the_day(clock)
        if not basis:
            # Neither the criterion's basis nor any row was law that day: there was no such
            # rule, so the criterion does not apply (it names the later law it would rest on).
            outcome = Outcome.NOT_APPLICABLE
            basis = rulebook.cite_all(*self.basis)
        return Criterion(
            code=self.criterion,
            outcome=outcome,
            citations=basis,
            findings=(*(f for _, f in fired), *extra),
            facts=facts_args or {},
            parameters=tuple(parameters),
            evidence=evidence,
            trace=tuple(trace),
            open=tuple(open_rows),
        )

    def law_of_the_day(self, clock: LegalClock) -> tuple[Citation, ...]:
        """
        What the criterion rests on that day: its own basis where in force, else the basis
        of the rows that were law that day (an earlier regime's rows), never a later law.
        """
        own = clock.those_in_force(self.basis)
        if own:
            return own
        seen: dict[str, Citation] = {}
        for check in self.checks:
            for citation in clock.all_in_force(check.basis) or ():
                seen.setdefault(citation.id, citation)
        return tuple(seen.values())

    def rows(self) -> Iterator[Check[F]]:
        """The rows, for the docs."""
        return iter(self.checks)


def _others(effects: Sequence[Effect], skip: int) -> list[Effect]:
    return [e for i, e in enumerate(effects) if i != skip]


def tables_in(module: ModuleType) -> tuple[RuleTable[Any], ...]:
    """The rule tables a module defines at top level, for the generated docs."""
    return tuple(v for v in vars(module).values() if isinstance(v, RuleTable))
