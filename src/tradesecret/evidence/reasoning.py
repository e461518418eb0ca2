"""
The claim tree, standards of proof, evaluation and gaps.

Claim tree (``evidence.claim.<code>``)::

    infringement                      ALL  AUCL 2019 Art. 9 / 2025 Art. 10 (by act date)
    ├── right                         ALL  Art. 9(4); SPC 2020 Arts. 1, 3-7, 27
    │   ├── right.not_publicly_known       SPC Arts. 3-4
    │   ├── right.commercial_value         SPC Art. 7
    │   ├── right.measures                 SPC Arts. 5-6 (measures must predate the act)
    │   ├── right.content_defined          SPC Arts. 1, 27
    │   └── right.ownership                formation records, holder
    └── act                           ANY  Art. 9(1)
        ├── act.improper_acquisition       Art. 9(1)(1)
        ├── act.disclosure_or_use          Art. 9(1)(2); SPC Art. 9
        ├── act.breach_of_duty             Art. 9(1)(3); SPC Art. 10
        └── act.inferred              ALL  library reading of AUCL 2019 Art. 32(2)(1)
            ├── access                     SPC Art. 12 factors
            └── similarity                 SPC Art. 13
    burden_shift.not_a_secret              AUCL 2019 Art. 32(1)   (prima facie, reported)
    burden_shift.non_infringement          AUCL 2019 Art. 32(2)   (prima facie, reported)

The burden-shift triggers are read from the claims under the prima facie standard:
Art. 32(1) when the measures and an infringing act are shown; Art. 32(2) when an act is
shown and either access plus substantial similarity (item 1) or disclosure, use or --
the library's reading of "a risk of disclosure or use" (item 2) -- an improper
acquisition is shown. The latter mapping is library policy and is cited as such.

The AUCL version is chosen by the Beijing day of the **last** act of the respondent on
the secret (SPC 2020 Art. 28), through the parameter ``evidence.aucl_trade_secret_article``
(AUCL 1993 Art. 10, 2017 Art. 9, 2019 Art. 9, 2025 Art. 10, each from its effective date).
Art. 32 exists from AUCL 2019 on: for earlier acts the burden-shift triggers are not
applicable and the access-plus-similarity inference rests on library policy alone. For
AUCL 2025 acts the number of the burden-shift article is **UNVERIFIED**: the claims cite
the 2025 instrument as a whole and the 2019 article whose content is applied, and a
finding says so (``apply_burden_shift_after_2025=False`` reports the triggers as not
applicable instead).

Each leaf weighs the evidence items bearing on it, pro and con: an item's weight is the
library-policy weight of its kind (``evidence.weight.<kind>``) times the strength of its
link; an item counts once per claim (its strongest link). Items bear on a claim directly
(an ``EVIDENCES`` edge to the claim node) or through the facts the claim rests on (events
performed by the respondent on the secret's carriers, the measures protecting it, the
agreements binding the respondent, the formation records). A
:class:`StandardOfProof` then decides: the claim is **MET** when the supporting share
exceeds the standard's threshold and the supporting weight reaches its minimum;
**NOT_MET** when the rebutting share exceeds the threshold (or nothing supports it but
something rebuts it); **CONTESTED** when evidence goes both ways and neither prevails;
**INSUFFICIENT_EVIDENCE** otherwise. Parents combine children with ALL / ANY.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Final

import attrs
import pendulum

from tradesecret._convert import tuple_of
from tradesecret.dates import to_date
from tradesecret.evidence.graph import EvidenceGraph
from tradesecret.evidence.model import (
    ACCESS_EVENTS,
    Agreement,
    Carrier,
    Claim,
    ClaimCode,
    Edge,
    EdgeKind,
    Event,
    EventKind,
    EvidenceItem,
    EvidenceKind,
    Measure,
    NodeKind,
    Party,
    Secret,
    Stance,
    day_of,
)
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.law import Citation
from tradesecret.results import (
    Args,
    Assessment,
    Combination,
    Criterion,
    Finding,
    Outcome,
    Severity,
    make_args,
)
from tradesecret.rulebook import ParameterValue, Rulebook, default_rulebook

__all__ = [
    "CLAIM_TREE",
    "STANDARDS",
    "Combine",
    "EvidenceEvaluation",
    "Gap",
    "StandardOfProof",
    "evaluate",
    "gaps",
]

POLICY: Final = "tradesecret-policy@2026-11-21"
_ZERO: Final = Decimal(0)
_ONE: Final = Decimal(1)

#: The named standards shipped in ``evidence.toml``.
STANDARDS: Final = ("prima_facie", "preponderance", "high_probability")


class Combine(enum.Enum):
    """How a parent claim combines its children."""

    ALL = "all"
    ANY = "any"


C = ClaimCode
#: Parent -> (combination, children). Leaves are absent.
CLAIM_TREE: Final[Mapping[ClaimCode, tuple[Combine, tuple[ClaimCode, ...]]]] = MappingProxyType(
    {
        C.INFRINGEMENT: (Combine.ALL, (C.RIGHT, C.ACT)),
        C.RIGHT: (
            Combine.ALL,
            (C.NOT_PUBLICLY_KNOWN, C.COMMERCIAL_VALUE, C.MEASURES, C.CONTENT_DEFINED, C.OWNERSHIP),
        ),
        C.ACT: (
            Combine.ANY,
            (
                C.IMPROPER_ACQUISITION,
                C.DISCLOSURE_OR_USE,
                C.BREACH_OF_DUTY,
                C.INFERRED_FROM_ACCESS_AND_SIMILARITY,
            ),
        ),
        C.INFERRED_FROM_ACCESS_AND_SIMILARITY: (Combine.ALL, (C.ACCESS, C.SIMILARITY)),
    }
)
_RESPONDENT_CLAIMS: Final = frozenset(
    {
        C.INFRINGEMENT,
        C.ACCESS,
        C.SIMILARITY,
        C.ACT,
        C.IMPROPER_ACQUISITION,
        C.DISCLOSURE_OR_USE,
        C.BREACH_OF_DUTY,
        C.INFERRED_FROM_ACCESS_AND_SIMILARITY,
        C.BURDEN_SHIFT_NOT_A_SECRET,
        C.BURDEN_SHIFT_NON_INFRINGEMENT,
    }
)
_RANK: Final = {
    Outcome.NOT_MET: 0,
    Outcome.INSUFFICIENT_EVIDENCE: 1,
    Outcome.CONTESTED: 2,
    Outcome.MET: 3,
    Outcome.NOT_APPLICABLE: -1,
}

# -- standards of proof ------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class StandardOfProof:
    """
    A named, parameterised standard of proof.

    Attributes:
        name: ``prima_facie``, ``preponderance``, ``high_probability`` or a custom name.
        threshold: Share of the weighed evidence (pro / (pro + con)) that must be exceeded.
        minimum: Minimum total weight of the supporting evidence.
        parameters: The parameter values the figures come from (empty for a custom one).
        citations: Basis of the standard.

    Examples:
        >>> from tradesecret.dates import to_date
        >>> s = StandardOfProof.named("preponderance", as_of=to_date("2025-06-01"))
        >>> (s.threshold, s.minimum)
        (Decimal('0.5'), Decimal('0.6'))
        >>> s.decide(Decimal("0.8"), Decimal("0.3")).value
        'met'
    """

    name: str
    threshold: Decimal
    minimum: Decimal
    parameters: tuple[ParameterValue, ...] = attrs.field(
        default=(), validator=tuple_of(ParameterValue)
    )
    citations: tuple[Citation, ...] = attrs.field(validator=tuple_of(Citation))

    @classmethod
    def named(
        cls, name: str, *, as_of: _dt.date | str, rulebook: Rulebook | None = None
    ) -> StandardOfProof:
        """
        A standard from ``evidence.toml``: ``prima_facie`` (初步证据, the notion used by
        AUCL 2019 Art. 32), ``preponderance`` (the library's default for conduct
        preservation) or ``high_probability``. The figures are library policy.

        Raises:
            InvalidInputError: an unknown name or a bad date (both listed).
        """
        problems: list[Problem] = []
        if name not in STANDARDS:
            problems.append(
                Problem.of("standard", name, f"known standards: {', '.join(STANDARDS)}")
            )
        try:
            day = to_date(as_of, path="as_of")
        except InvalidInputError as exc:
            problems.extend(exc.problems)
        if problems:
            raise InvalidInputError(problems)
        rb = rulebook or default_rulebook()
        threshold = rb.param(f"evidence.standard.{name}.threshold", as_of=day)
        minimum = rb.param(f"evidence.standard.{name}.minimum", as_of=day)
        cites = [rb.cite(POLICY)]
        if name == "prima_facie":
            cites.insert(0, rb.cite("aucl@2019-04-23:32"))
        return cls(
            name=name,
            threshold=threshold.as_decimal(),
            minimum=minimum.as_decimal(),
            parameters=(threshold, minimum),
            citations=tuple(cites),
        )

    @classmethod
    def custom(
        cls,
        name: str,
        *,
        threshold: Decimal,
        minimum: Decimal,
        rulebook: Rulebook | None = None,
    ) -> StandardOfProof:
        """A standard with the caller's own figures (cites the library policy)."""
        problems: list[Problem] = []
        if not isinstance(name, str) or not name:
            problems.append(Problem.of("standard.name", name, "a non-empty name"))
        if (
            isinstance(threshold, bool)
            or not isinstance(threshold, Decimal)
            or not threshold.is_finite()
            or not (0 <= threshold < 1)
        ):
            problems.append(
                Problem.of("standard.threshold", threshold, "a Decimal share in [0, 1)")
            )
        if (
            isinstance(minimum, bool)
            or not isinstance(minimum, Decimal)
            or not minimum.is_finite()
            or minimum < 0
        ):
            problems.append(Problem.of("standard.minimum", minimum, "a Decimal weight >= 0"))
        if problems:
            raise InvalidInputError(problems)
        rb = rulebook or default_rulebook()
        return cls(name=name, threshold=threshold, minimum=minimum, citations=(rb.cite(POLICY),))

    def decide(self, pro: Decimal, con: Decimal) -> Outcome:
        """The outcome of a claim with supporting weight ``pro`` and rebutting weight ``con``."""
        total = pro + con
        if total == 0:
            return Outcome.INSUFFICIENT_EVIDENCE
        if pro / total > self.threshold and pro >= self.minimum:
            return Outcome.MET
        if pro == 0 or con / total > self.threshold:
            return Outcome.NOT_MET
        if con > 0:
            return Outcome.CONTESTED
        return Outcome.INSUFFICIENT_EVIDENCE


def _standard(
    standard: StandardOfProof | str, as_of: pendulum.Date, rb: Rulebook
) -> StandardOfProof:
    if isinstance(standard, StandardOfProof):
        return standard
    return StandardOfProof.named(standard, as_of=as_of, rulebook=rb)


# -- results ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Gap:
    """
    One way to close a gap: a kind of evidence that would establish a claim, and where it
    is usually found.

    Attributes:
        claim: The claim not established.
        kind: The kind of evidence that would establish it.
        code: Message id saying what to get and where (``evidence.gap.<what>``).
        args: Message arguments (carrier, dates, measure...).
        weight: The weight one such item would add (its kind's policy weight).
        establishes_claim: Whether one such item would make the claim MET.
        outcome_after: The overall outcome with that item added.
        changes_outcome: Whether the overall outcome would improve.
        citations: The basis of the claim.
    """

    claim: ClaimCode
    kind: EvidenceKind
    code: str
    args: Args = attrs.field(converter=make_args)
    weight: Decimal
    establishes_claim: bool
    outcome_after: Outcome
    changes_outcome: bool
    citations: tuple[Citation, ...] = attrs.field(validator=tuple_of(Citation))


@attrs.frozen(kw_only=True)
class EvidenceEvaluation:
    """
    The evaluation of an evidence chain for one secret and one respondent.

    Attributes:
        secret: Secret id.
        respondent: Respondent party id.
        as_of: Date of the evaluation.
        standard: The standard of proof applied.
        outcome: Outcome of the root claim (infringement).
        act_date: Date of the last act complained of (selects the AUCL version), if any.
        assessment: Every claim as a :class:`~tradesecret.results.Criterion`, in tree
            order, then the burden-shift triggers; temporal findings.
        tree: Parent claim value -> child claim values.
        gaps: What would establish the claims not established, most useful first.
        paths: Respondent -> event -> carrier -> secret chains, by time.
    """

    secret: str
    respondent: str
    as_of: pendulum.Date
    standard: StandardOfProof
    outcome: Outcome
    act_date: pendulum.Date | None
    assessment: Assessment
    tree: tuple[tuple[str, tuple[str, ...]], ...]
    gaps: tuple[Gap, ...] = attrs.field(validator=tuple_of(Gap))
    paths: tuple[tuple[str, ...], ...]

    def claim(self, code: ClaimCode) -> Criterion:
        """The criterion for one claim."""
        return self.assessment.criterion(code.message)

    def outcome_of(self, code: ClaimCode) -> Outcome:
        """The outcome of one claim."""
        return self.claim(code).outcome

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Findings of the whole evaluation (temporal, law version, integrity)."""
        return self.assessment.findings

    def __explain__(self, loc: object, fmt: str) -> str:
        """Render the claim tree, the findings and the gaps."""
        from tradesecret.evidence.explain import explain_evaluation  # noqa: PLC0415

        return explain_evaluation(self, loc, fmt)

    def _repr_markdown_(self) -> str:
        from tradesecret.i18n import explain  # noqa: PLC0415 - presentation layer, on use

        return explain(self, locale="zh_CN", format="markdown")


# -- evaluation ---------------------------------------------------------------------------


#: The AUCL version that added the burden-shifting article (Art. 32), in force 2019-04-23.
_AUCL_2019: Final = "aucl@2019-04-23"
#: The AUCL revision in force from 2025-10-15, where that article's number is UNVERIFIED.
_AUCL_2025: Final = "aucl@2025-06-27"


class _Shift(enum.Enum):
    """Which burden-shifting rule the act date selects."""

    NONE = "none"  # before AUCL 2019: no Art. 32
    AUCL_2019 = "aucl_2019"  # AUCL 2019 Art. 32
    AUCL_2025 = "aucl_2025"  # AUCL 2025: article number UNVERIFIED


@attrs.frozen(kw_only=True)
class _Law:
    """The law the act date selects: the trade-secret article and the burden-shift rule."""

    article: ParameterValue
    key: str
    number: str
    shift: _Shift


def _law(rb: Rulebook, act_day: pendulum.Date) -> _Law:
    """
    The AUCL version in force on ``act_day`` (parameter ``evidence.aucl_trade_secret_article``,
    whose first citation names the instrument version and article).

    Raises:
        OutOfCoverageError: an act before the first AUCL version the parameter covers.
    """
    article = rb.param("evidence.aucl_trade_secret_article", as_of=act_day)
    key = article.citations[0].ref.key
    shift = {_AUCL_2019: _Shift.AUCL_2019, _AUCL_2025: _Shift.AUCL_2025}.get(key, _Shift.NONE)
    return _Law(article=article, key=key, number=str(article.as_int()), shift=shift)


def _claim_cites(code: ClaimCode, law: _Law) -> tuple[str, ...]:
    para = law.key == _AUCL_2019  # paragraph numbers are verified for the 2019 text only
    base = f"{law.key}:{law.number}"

    def p(suffix: str) -> str:
        return f"{base}.{suffix}" if para else base

    def art32(paragraph: str) -> tuple[str, ...]:
        """The burden-shift article: none before 2019; for AUCL 2025 the instrument (no
        article number: it is UNVERIFIED) and the 2019 article whose content is applied."""
        old = f"{_AUCL_2019}:32.{paragraph}"
        if law.shift is _Shift.NONE:
            return ()
        if law.shift is _Shift.AUCL_2025:
            return (_AUCL_2025, old)
        return (old,)

    spc = "spc-ts@2020-09-10:"
    table: dict[ClaimCode, tuple[str, ...]] = {
        C.INFRINGEMENT: (base,),
        C.RIGHT: (p("4"), f"{spc}1"),
        C.NOT_PUBLICLY_KNOWN: (p("4"), f"{spc}3", f"{spc}4"),
        C.COMMERCIAL_VALUE: (p("4"), f"{spc}7"),
        C.MEASURES: (p("4"), f"{spc}5.1", f"{spc}6"),
        C.CONTENT_DEFINED: (f"{spc}1", f"{spc}27"),
        C.OWNERSHIP: (p("4"), POLICY),
        C.ACT: (p("1"),),
        C.IMPROPER_ACQUISITION: (p("1.1"), f"{spc}8"),
        C.DISCLOSURE_OR_USE: (p("1.2"), f"{spc}9"),
        C.BREACH_OF_DUTY: (p("1.3"), f"{spc}10"),
        C.INFERRED_FROM_ACCESS_AND_SIMILARITY: (*art32("2"), POLICY),
        C.ACCESS: (f"{spc}12", *art32("2")),
        C.SIMILARITY: (f"{spc}13", *art32("2")),
        C.BURDEN_SHIFT_NOT_A_SECRET: art32("1") or (f"{_AUCL_2019}:32.1",),
        # the triggers of Art. 32(2) are read from the claims by library policy (an improper
        # acquisition counts as a risk of disclosure or use, item 2)
        C.BURDEN_SHIFT_NON_INFRINGEMENT: (*(art32("2") or (f"{_AUCL_2019}:32.2",)), POLICY),
    }
    return table[code]


@attrs.define
class _Tally:
    """Pro and con weight per item (an item counts once: its strongest link)."""

    pro: dict[str, Decimal] = attrs.Factory(dict)
    con: dict[str, Decimal] = attrs.Factory(dict)
    facts: dict[str, int] = attrs.Factory(dict)

    def add(self, item: str, stance: Stance, weight: Decimal) -> None:
        bucket = self.pro if stance is Stance.SUPPORTS else self.con
        if weight > bucket.get(item, _ZERO):
            bucket[item] = weight

    def merge(self, other: _Tally) -> None:
        for item, w in other.pro.items():
            self.add(item, Stance.SUPPORTS, w)
        for item, w in other.con.items():
            self.add(item, Stance.REBUTS, w)

    @property
    def pro_total(self) -> Decimal:
        return sum(self.pro.values(), _ZERO)

    @property
    def con_total(self) -> Decimal:
        return sum(self.con.values(), _ZERO)

    def items(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.pro) | set(self.con)))


class _Context:
    """Everything one evaluation needs, computed once."""

    def __init__(
        self,
        *,
        graph: EvidenceGraph,
        secret: str,
        respondent: str,
        as_of: pendulum.Date,
        rb: Rulebook,
        excluded: frozenset[str],
    ) -> None:
        self.g = graph
        self.secret = secret
        self.respondent = respondent
        self.as_of = as_of
        self.rb = rb
        self.excluded = excluded
        self.used: dict[str, ParameterValue] = {}
        self.carriers: tuple[Carrier, ...] = graph.carriers_of(secret)
        targets = {secret, *(c.id for c in self.carriers)}
        self.events: tuple[Event, ...] = tuple(
            e
            for e in graph.events_by(respondent)
            if any(t in targets for t in graph.successors(e.id, EdgeKind.TARGETS))
        )
        acts = [e for e in self.events if e.kind not in (EventKind.ACCESS, EventKind.DEPARTURE)]
        self.first_act: pendulum.DateTime | None = min((e.at for e in acts), default=None)
        self.last_act: pendulum.DateTime | None = max((e.at for e in acts), default=None)
        self.act_day: pendulum.Date = day_of(self.last_act) if self.last_act else as_of

    def param(self, name: str) -> ParameterValue:
        value = self.rb.param(name, as_of=self.as_of)
        self.used[name] = value
        return value

    def weight(self, item_id: str, edge: Edge) -> Decimal:
        if item_id in self.excluded:
            return _ZERO
        item = self.g.node(item_id)
        assert isinstance(item, EvidenceItem)
        base = self.param(f"evidence.weight.{item.kind.value}").as_decimal()
        return base * (edge.strength if edge.strength is not None else _ONE)

    def tally_node(
        self, node_id: str, factor: Decimal = _ONE, into: _Tally | None = None
    ) -> _Tally:
        tally = into if into is not None else _Tally()
        for edge in self.g.evidence_for(node_id):
            assert edge.stance is not None
            tally.add(edge.source, edge.stance, self.weight(edge.source, edge) * factor)
        return tally

    def tally_events(self, weights: Mapping[EventKind, Decimal]) -> _Tally:
        tally = _Tally()
        for event in self.events:
            factor = weights.get(event.kind)
            if not factor:
                continue
            tally.facts[event.kind.value] = tally.facts.get(event.kind.value, 0) + 1
            self.tally_node(event.id, factor, tally)
        return tally

    def direct(self, code: ClaimCode) -> _Tally:
        respondent = self.respondent if code in _RESPONDENT_CLAIMS else None
        claim_id = Claim.make_id(code, self.secret, respondent)
        if claim_id not in self.g:
            return _Tally()
        return self.tally_node(claim_id)


def _leaf_tallies(
    ctx: _Context, findings: list[Finding], cite: Citation
) -> dict[ClaimCode, _Tally]:
    g = ctx.g
    out: dict[ClaimCode, _Tally] = {}
    # access: actual contact (SPC Art. 12 item 4) in full, post/duties/agreements at a factor
    post = ctx.param("evidence.access_factor.post").as_decimal()
    access = ctx.tally_events(dict.fromkeys(ACCESS_EVENTS, _ONE))
    ctx.tally_node(ctx.respondent, post, access)
    for agreement in g.successors(ctx.respondent, EdgeKind.BOUND_BY):
        ctx.tally_node(agreement, post, access)
    out[C.ACCESS] = access
    # improper acquisition: copies, downloads, forwards, uploads, prints, by policy weight
    act_weights = {
        kind: ctx.param(f"evidence.act_weight.{kind.value}").as_decimal()
        for kind in (
            EventKind.SEND_PERSONAL,
            EventKind.UPLOAD,
            EventKind.COPY,
            EventKind.DOWNLOAD,
            EventKind.PRINT,
        )
    }
    out[C.IMPROPER_ACQUISITION] = ctx.tally_events(act_weights)
    use = ctx.tally_events({EventKind.DISCLOSURE: _ONE, EventKind.USE: _ONE})
    out[C.DISCLOSURE_OR_USE] = use
    # breach of duty: disclosure/use AND a duty binding the respondent
    duty = _Tally()
    for agreement in g.successors(ctx.respondent, EdgeKind.BOUND_BY):
        obj = g.node(agreement)
        if _predates(obj, ctx.first_act):
            ctx.tally_node(agreement, _ONE, duty)
    breach = _Tally()
    if duty.pro and use.pro:
        breach.merge(duty)
        breach.merge(use)
    else:
        breach.con.update(use.con)
    breach.facts = {"duty_items": len(duty.pro), "use_items": len(use.pro)}
    out[C.BREACH_OF_DUTY] = breach
    # measures: those protecting the secret or its carriers, and the respondent's agreements,
    # taken before the act complained of (SPC Art. 5(1))
    measures = _Tally()
    protecting: list[str] = list(g.successors(ctx.secret, EdgeKind.PROTECTED_BY))
    for carrier in ctx.carriers:
        protecting.extend(g.successors(carrier.id, EdgeKind.PROTECTED_BY))
    protecting.extend(g.successors(ctx.respondent, EdgeKind.BOUND_BY))
    seen: set[str] = set()
    for mid in protecting:
        if mid in seen:
            continue
        seen.add(mid)
        obj = g.node(mid)
        if _predates(obj, ctx.first_act):
            ctx.tally_node(mid, _ONE, measures)
        elif ctx.first_act is not None:
            findings.append(
                Finding(
                    code="evidence.temporal.measure_after_act",
                    severity=Severity.HIGH,
                    citations=(ctx.rb.cite("spc-ts@2020-09-10:5.1"),),
                    args={"measure": mid, "act": day_of(ctx.first_act)},
                    subject=mid,
                    remedies=("evidence.remedy.prove_measure_date",),
                )
            )
    measures.facts = {"measures": len(seen)}
    out[C.MEASURES] = measures
    # ownership: formation records and the holder
    ownership = _Tally()
    for record in g.successors(ctx.secret, EdgeKind.FORMED_BY):
        ctx.tally_node(record, _ONE, ownership)
    holders = g.holders_of(ctx.secret)
    for holder in holders:
        ctx.tally_node(holder, _ONE, ownership)
    if not holders:
        findings.append(
            Finding(
                code="evidence.right.no_holder",
                severity=Severity.MEDIUM,
                citations=(cite,),
                args={"secret": ctx.secret},
                subject=ctx.secret,
            )
        )
    out[C.OWNERSHIP] = ownership
    for code in (C.NOT_PUBLICLY_KNOWN, C.COMMERCIAL_VALUE, C.CONTENT_DEFINED, C.SIMILARITY):
        out[code] = _Tally()
    for code, tally in out.items():
        tally.merge(ctx.direct(code))
    return out


def _predates(obj: object, act: pendulum.DateTime | None) -> bool:
    if act is None:
        return True
    if isinstance(obj, Measure):
        return obj.since is not None and obj.since < act
    if isinstance(obj, Agreement):
        return obj.signed_at is not None and obj.signed_at < act
    return False


def _combine(how: Combine, outcomes: Iterable[Outcome]) -> Outcome:
    relevant = [o for o in outcomes if o is not Outcome.NOT_APPLICABLE]
    if not relevant:
        return Outcome.NOT_APPLICABLE
    if how is Combine.ALL:
        if all(o is Outcome.MET for o in relevant):
            return Outcome.MET
        if any(o is Outcome.NOT_MET for o in relevant):
            return Outcome.NOT_MET
        if any(o is Outcome.CONTESTED for o in relevant):
            return Outcome.CONTESTED
        return Outcome.INSUFFICIENT_EVIDENCE
    if any(o is Outcome.MET for o in relevant):
        return Outcome.MET
    if any(o is Outcome.CONTESTED for o in relevant):
        return Outcome.CONTESTED
    if all(o is Outcome.NOT_MET for o in relevant):
        return Outcome.NOT_MET
    return Outcome.INSUFFICIENT_EVIDENCE


def _resolve(
    leaves: Mapping[ClaimCode, Outcome], overrides: Mapping[ClaimCode, Outcome]
) -> dict[ClaimCode, Outcome]:
    result: dict[ClaimCode, Outcome] = dict(leaves)

    def visit(code: ClaimCode) -> Outcome:
        if code in overrides:
            result[code] = overrides[code]
            return overrides[code]
        if code not in CLAIM_TREE:
            return result[code]
        how, children = CLAIM_TREE[code]
        outcome = _combine(how, [visit(child) for child in children])
        result[code] = outcome
        return outcome

    visit(C.INFRINGEMENT)
    return result


def _cost(code: ClaimCode, outcomes: Mapping[ClaimCode, Outcome]) -> int:
    """How many more leaves must be established for ``code`` to be MET (a large number if none can)."""
    outcome = outcomes.get(code, Outcome.NOT_APPLICABLE)
    if outcome is Outcome.MET:
        return 0
    if outcome is Outcome.NOT_APPLICABLE:
        return _FAR
    if code not in CLAIM_TREE:
        return 1
    how, children = CLAIM_TREE[code]
    costs = [_cost(child, outcomes) for child in children]
    if how is Combine.ANY:
        return min(costs)
    return min(_FAR, sum(c for c in costs if c < _FAR))


_FAR: Final = 10_000


def _tree_order() -> tuple[ClaimCode, ...]:
    order: list[ClaimCode] = []

    def visit(code: ClaimCode) -> None:
        order.append(code)
        for child in CLAIM_TREE.get(code, (Combine.ALL, ()))[1]:
            visit(child)

    visit(C.INFRINGEMENT)
    return tuple(order)


@attrs.frozen(kw_only=True)
class _Inputs:
    secret: str
    respondent: str
    day: pendulum.Date
    standard: StandardOfProof | str
    excluded: frozenset[str]


def _inputs(
    graph: EvidenceGraph,
    *,
    secret: object,
    respondent: object,
    as_of: object,
    standard: object,
    excluded: object,
) -> _Inputs:
    """Check every argument of :func:`evaluate`; raise all problems together."""
    problems: list[Problem] = []
    day: pendulum.Date | None = None
    try:
        day = to_date(as_of, path="as_of")
    except InvalidInputError as exc:
        problems.extend(exc.problems)
    if secret is None:
        secrets = graph.secrets()
        if len(secrets) == 1:
            secret = secrets[0]
        else:
            problems.append(
                Problem.of("secret", secrets, "name the secret: the graph has several or none")
            )
    elif (
        not isinstance(secret, str)
        or secret not in graph
        or not isinstance(graph.node(secret), Secret)
    ):
        problems.append(Problem.of("secret", secret, "no secret with this id"))
    if respondent is None:
        performers = sorted(
            {
                graph.performer(e.id) or ""
                for e in graph.nodes(NodeKind.EVENT)
                if isinstance(e, Event) and e.kind is not EventKind.DEPARTURE
            }
            - {""}
        )
        if len(performers) == 1:
            respondent = performers[0]
        else:
            problems.append(
                Problem.of("respondent", performers, "name the respondent: several or no actors")
            )
    elif (
        not isinstance(respondent, str)
        or respondent not in graph
        or not isinstance(graph.node(respondent), Party)
    ):
        problems.append(Problem.of("respondent", respondent, "no party with this id"))
    if isinstance(standard, str):
        if standard not in STANDARDS:
            problems.append(
                Problem.of("standard", standard, f"known standards: {', '.join(STANDARDS)}")
            )
    elif not isinstance(standard, StandardOfProof):
        problems.append(
            Problem.of("standard", standard, "a StandardOfProof or the name of a standard")
        )
    items: set[str] = set()
    if isinstance(excluded, str | bytes) or not isinstance(excluded, Iterable):
        problems.append(
            Problem.of("excluded", excluded, "a collection of evidence item ids, not one id")
        )
    else:
        for item in excluded:
            if (
                not isinstance(item, str)
                or item not in graph
                or not isinstance(graph.node(item), EvidenceItem)
            ):
                problems.append(
                    Problem.of(f"excluded[{item!r}]", item, "no evidence item with this id")
                )
            else:
                items.add(item)
    if problems:
        raise InvalidInputError(problems)
    assert isinstance(secret, str)
    assert isinstance(respondent, str)
    assert day is not None
    assert isinstance(standard, str | StandardOfProof)
    return _Inputs(
        secret=secret,
        respondent=respondent,
        day=day,
        standard=standard,
        excluded=frozenset(items),
    )


def evaluate(
    graph: EvidenceGraph,
    *,
    standard: StandardOfProof | str = "preponderance",
    as_of: _dt.date | str,
    secret: str | None = None,
    respondent: str | None = None,
    rulebook: Rulebook | None = None,
    excluded: Iterable[str] = (),
    infer_act_from_access_and_similarity: bool = True,
    apply_burden_shift_after_2025: bool = True,
) -> EvidenceEvaluation:
    """
    Evaluate the chain for ``secret`` against ``respondent`` under ``standard``.

    Args:
        graph: The evidence graph.
        standard: A :class:`StandardOfProof` or a name from :data:`STANDARDS`.
        as_of: The date of the evaluation (selects parameter values): a date or ISO
            ``YYYY-MM-DD`` text.
        secret: Secret id; may be omitted when the graph has exactly one secret.
        respondent: Respondent party id; may be omitted when exactly one party performed
            events.
        rulebook: Rulebook to use (default: the package's).
        excluded: Evidence item ids to disregard (e.g. ``IntegrityReport.failed_items``).
        infer_act_from_access_and_similarity: The library's reading of AUCL 2019
            Art. 32(2)(1): access plus substantial similarity, unrebutted, establishes the
            act. Set ``False`` to require direct proof of an act.
        apply_burden_shift_after_2025: For acts from 2025-10-15, apply the Art. 32 burden
            shift on the assumption that AUCL 2025 carried it over (its article number is
            UNVERIFIED). ``False`` reports the triggers as not applicable.

    Raises:
        InvalidInputError: listing every problem with the arguments: a bad date, an
            unknown or ambiguous secret or respondent, an unknown standard, an excluded
            id that is not an evidence item of the graph.
    """
    rb = rulebook or default_rulebook()
    args = _inputs(
        graph,
        secret=secret,
        respondent=respondent,
        as_of=as_of,
        standard=standard,
        excluded=excluded,
    )
    secret, respondent, as_of = args.secret, args.respondent, args.day
    std = _standard(args.standard, as_of, rb)
    ctx = _Context(
        graph=graph,
        secret=secret,
        respondent=respondent,
        as_of=as_of,
        rb=rb,
        excluded=args.excluded,
    )
    findings: list[Finding] = []
    law = _law(rb, ctx.act_day)
    ctx.used[law.article.name] = law.article
    act_cites = {code: rb.cite_all(*_claim_cites(code, law)) for code in ClaimCode}
    findings.append(
        Finding(
            code="evidence.law.version" if ctx.last_act else "evidence.law.version_no_act",
            severity=Severity.INFO,
            # treating the respondent's acts on the secret as one continuing act is the
            # library's reading of SPC Art. 28
            citations=(
                *act_cites[C.INFRINGEMENT],
                rb.cite("spc-ts@2020-09-10:28"),
                rb.cite(POLICY),
            ),
            args={"act": ctx.act_day},
        )
    )
    tallies = _leaf_tallies(ctx, findings, act_cites[C.RIGHT][0])
    leaves = {code: std.decide(t.pro_total, t.con_total) for code, t in tallies.items()}
    overrides: dict[ClaimCode, Outcome] = {}
    if not infer_act_from_access_and_similarity:
        overrides[C.INFERRED_FROM_ACCESS_AND_SIMILARITY] = Outcome.NOT_APPLICABLE
    outcomes = _resolve(leaves, overrides)

    # burden-shift triggers, always under the prima facie standard
    prima = StandardOfProof.named("prima_facie", as_of=as_of, rulebook=rb)
    pf = {code: prima.decide(t.pro_total, t.con_total) for code, t in tallies.items()}
    pf_all = _resolve(pf, overrides)
    shift = _burden_shift(ctx, law, pf_all, findings, apply_burden_shift_after_2025)

    criteria: list[Criterion] = []
    params: tuple[ParameterValue, ...] = ()  # listed once, on the assessment
    for code in _tree_order():
        tally = tallies.get(code)
        criteria.append(
            _criterion(
                code=code,
                outcome=outcomes[code],
                tally=tally,
                cites=act_cites[code],
                params=params,
                std=std,
            )
        )
    for code, outcome in shift.items():
        tally = _Tally()
        for child in (C.MEASURES, C.ACCESS, C.SIMILARITY, C.DISCLOSURE_OR_USE):
            tally.merge(tallies[child])
        criteria.append(
            _criterion(
                code=code,
                outcome=outcome,
                tally=tally,
                cites=act_cites[code],
                params=params,
                std=prima,
            )
        )
    root = outcomes[C.INFRINGEMENT]
    gap_list = _gaps(
        ctx=ctx, std=std, tallies=tallies, leaves=leaves, overrides=overrides, cites=act_cites
    )
    findings.extend(_temporal(ctx))
    # the claims' standard, the prima facie figures of the burden-shift triggers, and every
    # weight, factor and law-version parameter read
    used = {(p.name, p.region): p for p in (*std.parameters, *prima.parameters, *ctx.used.values())}
    assessment = Assessment(
        kind="evidence_chain",
        subject=f"{secret} / {respondent}",
        as_of=as_of,
        outcome=root,
        combination=Combination.TREE,
        citations=act_cites[C.INFRINGEMENT],
        criteria=tuple(criteria),
        findings=tuple(findings),
        parameters=tuple(used.values()),
    )
    tree = tuple(
        (parent.value, tuple(c.value for c in children))
        for parent, (_, children) in CLAIM_TREE.items()
    )
    return EvidenceEvaluation(
        secret=secret,
        respondent=respondent,
        as_of=as_of,
        standard=std,
        outcome=root,
        act_date=day_of(ctx.last_act) if ctx.last_act else None,
        assessment=assessment,
        tree=tree,
        gaps=gap_list,
        paths=graph.paths(respondent, secret),
    )


def _criterion(
    *,
    code: ClaimCode,
    outcome: Outcome,
    tally: _Tally | None,
    cites: tuple[Citation, ...],
    params: tuple[ParameterValue, ...],
    std: StandardOfProof,
) -> Criterion:
    if tally is None:
        return Criterion(code=code.message, outcome=outcome, citations=cites)
    pro, con = tally.pro_total, tally.con_total
    share = (pro / (pro + con)).quantize(Decimal("0.0001")) if pro + con else None
    counts = {f"count_{name}": n for name, n in sorted(tally.facts.items())}
    facts = make_args({"pro": pro, "con": con, "standard": std.name, **counts})
    return Criterion(
        code=code.message,
        outcome=outcome,
        citations=cites,
        facts=facts,
        evidence=tally.items(),
        parameters=params,
        strength=share,
    )


def _burden_shift(
    ctx: _Context,
    law: _Law,
    pf: Mapping[ClaimCode, Outcome],
    findings: list[Finding],
    after_2025: bool,
) -> dict[ClaimCode, Outcome]:
    rb = ctx.rb
    if law.shift is _Shift.NONE:
        return {
            C.BURDEN_SHIFT_NOT_A_SECRET: Outcome.NOT_APPLICABLE,
            C.BURDEN_SHIFT_NON_INFRINGEMENT: Outcome.NOT_APPLICABLE,
        }
    if law.shift is _Shift.AUCL_2025:
        # the instrument as a whole: the article number in AUCL 2025 is UNVERIFIED
        findings.append(
            Finding(
                code=(
                    "evidence.burden_shift.article_unverified"
                    if after_2025
                    else "evidence.burden_shift.article_unverified_not_applied"
                ),
                severity=Severity.MEDIUM,
                citations=(rb.cite(_AUCL_2025), rb.cite(f"{_AUCL_2019}:32")),
                args={"act": ctx.act_day},
            )
        )
        if not after_2025:
            return {
                C.BURDEN_SHIFT_NOT_A_SECRET: Outcome.NOT_APPLICABLE,
                C.BURDEN_SHIFT_NON_INFRINGEMENT: Outcome.NOT_APPLICABLE,
            }
    met = Outcome.MET
    infringement_shown = pf[C.ACT] is met
    not_a_secret = met if pf[C.MEASURES] is met and infringement_shown else Outcome.NOT_MET
    channel = pf[C.ACCESS] is met and pf[C.SIMILARITY] is met
    used = pf[C.DISCLOSURE_OR_USE] is met or pf[C.IMPROPER_ACQUISITION] is met
    non_infringement = met if infringement_shown and (channel or used) else Outcome.NOT_MET
    return {
        C.BURDEN_SHIFT_NOT_A_SECRET: not_a_secret,
        C.BURDEN_SHIFT_NON_INFRINGEMENT: non_infringement,
    }


def _temporal(ctx: _Context) -> list[Finding]:
    from tradesecret.evidence.temporal import respondent_findings  # noqa: PLC0415

    return respondent_findings(ctx.g, ctx.secret, ctx.respondent, ctx.rb)


# -- gaps ---------------------------------------------------------------------------------

#: For each leaf: (evidence kind, message id of what to get and where), most telling first.
SUGGESTIONS: Final[Mapping[ClaimCode, tuple[tuple[EvidenceKind, str], ...]]] = MappingProxyType(
    {
        C.NOT_PUBLICLY_KNOWN: (
            (EvidenceKind.PUBLIC_SEARCH_REPORT, "evidence.gap.non_public_search"),
            (EvidenceKind.EXPERT_REPORT, "evidence.gap.non_public_appraisal"),
        ),
        C.COMMERCIAL_VALUE: (
            (EvidenceKind.VALUATION_REPORT, "evidence.gap.value"),
            (EvidenceKind.FORMATION_DOCUMENT, "evidence.gap.rd_cost"),
        ),
        C.MEASURES: (
            (EvidenceKind.CONTRACT, "evidence.gap.signed_nda"),
            (EvidenceKind.POLICY_RECORD, "evidence.gap.measures"),
        ),
        C.CONTENT_DEFINED: ((EvidenceKind.SECRET_SPECIFICATION, "evidence.gap.secret_points"),),
        C.OWNERSHIP: (
            (EvidenceKind.FORMATION_DOCUMENT, "evidence.gap.formation"),
            (EvidenceKind.CONTRACT, "evidence.gap.assignment"),
        ),
        C.ACCESS: (
            (EvidenceKind.ACCESS_LOG, "evidence.gap.access_logs"),
            (EvidenceKind.CLOUD_OPERATION_RECORD, "evidence.gap.cloud_records"),
            (EvidenceKind.HR_RECORD, "evidence.gap.post_and_duties"),
        ),
        C.SIMILARITY: (
            (EvidenceKind.EXPERT_REPORT, "evidence.gap.similarity_appraisal"),
            (EvidenceKind.NOTARIZED_CAPTURE, "evidence.gap.respondent_product"),
        ),
        C.IMPROPER_ACQUISITION: (
            (EvidenceKind.FORENSIC_IMAGE, "evidence.gap.device_image"),
            (EvidenceKind.EMAIL, "evidence.gap.mail_logs"),
            (EvidenceKind.CLOUD_OPERATION_RECORD, "evidence.gap.cloud_records"),
        ),
        C.DISCLOSURE_OR_USE: (
            (EvidenceKind.NOTARIZED_CAPTURE, "evidence.gap.notarized_use"),
            (EvidenceKind.DISCLOSURE_MANIFEST, "evidence.gap.disclosure_manifest"),
            (EvidenceKind.WITNESS_STATEMENT, "evidence.gap.witness"),
        ),
        C.BREACH_OF_DUTY: (
            (EvidenceKind.CONTRACT, "evidence.gap.signed_nda"),
            (EvidenceKind.NOTARIZED_CAPTURE, "evidence.gap.notarized_use"),
        ),
    }
)


def _gap_args(ctx: _Context, code: str) -> list[dict[str, object]]:
    """Arguments for a gap message; several for per-carrier suggestions."""
    start = day_of(ctx.first_act) if ctx.first_act else ctx.as_of
    from tradesecret.evidence.temporal import departure_of  # noqa: PLC0415

    end = ctx.as_of
    left = departure_of(ctx.g, ctx.respondent)  # departed_at or a departure event
    if left is not None:
        end = min(end, day_of(left))
    measure_dates = [
        day_of(m.since)
        for m in ctx.g.nodes(NodeKind.MEASURE)
        if isinstance(m, Measure) and m.since is not None
    ]
    if measure_dates:
        start = min(start, *measure_dates)
    base: dict[str, object] = {"secret": ctx.secret, "respondent": ctx.respondent}
    if code in ("evidence.gap.access_logs", "evidence.gap.cloud_records"):
        carriers: list[Carrier | None] = [*sorted(ctx.carriers, key=lambda c: c.id)[:10]] or [None]
        return [
            {
                **base,
                "carrier": (c.name or c.id) if c is not None else ctx.secret,
                "start": start,
                "end": end,
            }
            for c in carriers
        ]
    if code == "evidence.gap.measures" and ctx.first_act is not None:
        return [{**base, "act": day_of(ctx.first_act)}]
    if code == "evidence.gap.measures":
        return [{**base, "act": ctx.as_of}]
    return [base]


def _gaps(
    *,
    ctx: _Context,
    std: StandardOfProof,
    tallies: Mapping[ClaimCode, _Tally],
    leaves: Mapping[ClaimCode, Outcome],
    overrides: Mapping[ClaimCode, Outcome],
    cites: Mapping[ClaimCode, tuple[Citation, ...]],
) -> tuple[Gap, ...]:
    before = _resolve(leaves, overrides)
    root_before = before[C.INFRINGEMENT]
    scored: list[tuple[tuple[int, int, int, int, Decimal, int], Gap]] = []
    order = {code: i for i, code in enumerate(_tree_order())}
    for code, outcome in leaves.items():
        if outcome is Outcome.MET or code in overrides or before.get(code) is Outcome.MET:
            continue
        tally = tallies[code]
        for rank, (kind, message) in enumerate(SUGGESTIONS.get(code, ())):
            if code is C.BREACH_OF_DUTY and _needless(kind, tally):
                continue
            weight = ctx.param(f"evidence.weight.{kind.value}").as_decimal()
            new_leaf = std.decide(tally.pro_total + weight, tally.con_total)
            after = _resolve({**leaves, code: new_leaf}, overrides)
            root_after = after[C.INFRINGEMENT]
            remaining = _cost(C.INFRINGEMENT, after)
            for args in _gap_args(ctx, message):
                gap = Gap(
                    claim=code,
                    kind=kind,
                    code=message,
                    args=args,
                    weight=weight,
                    establishes_claim=new_leaf is Outcome.MET,
                    outcome_after=root_after,
                    changes_outcome=_RANK[root_after] > _RANK[root_before],
                    citations=cites[code],
                )
                key = (
                    _RANK[root_after] - _RANK[root_before],
                    -remaining,
                    _RANK[new_leaf] - _RANK[outcome],
                    -order[code],
                    weight,
                    -rank,
                )
                scored.append((key, gap))
    scored.sort(key=lambda pair: pair[0], reverse=True)
    return tuple(g for _, g in scored)


def _needless(kind: EvidenceKind, tally: _Tally) -> bool:
    """For a breach of duty: skip proof of the duty when it is proven, and of use likewise."""
    if kind is EvidenceKind.CONTRACT:
        return tally.facts.get("duty_items", 0) > 0
    return tally.facts.get("use_items", 0) > 0


def gaps(
    graph: EvidenceGraph,
    *,
    standard: StandardOfProof | str = "preponderance",
    as_of: _dt.date | str,
    secret: str | None = None,
    respondent: str | None = None,
    rulebook: Rulebook | None = None,
    excluded: Iterable[str] = (),
    infer_act_from_access_and_similarity: bool = True,
    apply_burden_shift_after_2025: bool = True,
) -> tuple[Gap, ...]:
    """
    What is missing: for every claim not established, the kinds of evidence that would
    establish it and where they are usually found, ordered by how much each would change
    the outcome (overall outcome first, then the claim's own, then weight).

    Same arguments as :func:`evaluate`; returns ``evaluate(...).gaps``.
    """
    return evaluate(
        graph,
        standard=standard,
        as_of=as_of,
        secret=secret,
        respondent=respondent,
        rulebook=rulebook,
        excluded=excluded,
        infer_act_from_access_and_similarity=infer_act_from_access_and_similarity,
        apply_burden_shift_after_2025=apply_burden_shift_after_2025,
    ).gaps
