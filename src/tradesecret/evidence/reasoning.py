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
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs
import pendulum

from tradesecret._convert import tuple_of
from tradesecret.engine import LegalClock
from tradesecret.evidence._claimlaw import AUCL_2019, Shift, burden_shift, claim_cites, law_on
from tradesecret.evidence._gaps import SUGGESTIONS, Gap, find_gaps
from tradesecret.evidence._inputs import check_inputs
from tradesecret.evidence._standards import STANDARDS, StandardOfProof
from tradesecret.evidence._standards import standard as resolve_standard
from tradesecret.evidence._tally import Context, Tally, leaf_tallies
from tradesecret.evidence._tree import CLAIM_TREE, Combine, resolve, tree_order
from tradesecret.evidence.explain import explain_evaluation
from tradesecret.evidence.graph import EvidenceGraph
from tradesecret.evidence.model import (
    ClaimCode,
    day_of,
)
from tradesecret.evidence.temporal import respondent_findings
from tradesecret.law import POLICY, Citation
from tradesecret.presenters import ShownAsMarkdown
from tradesecret.results import (
    Assessment,
    Combination,
    Criterion,
    Finding,
    MissingFact,
    Outcome,
    Severity,
    Undetermined,
    make_args,
)
from tradesecret.rulebook import Rulebook, default_rulebook

__all__ = [
    "CLAIM_TREE",
    "STANDARDS",
    "SUGGESTIONS",
    "Combine",
    "EvidenceEvaluation",
    "Gap",
    "StandardOfProof",
    "evaluate",
    "gaps",
]

C = ClaimCode


@attrs.frozen(kw_only=True)
class EvidenceEvaluation(ShownAsMarkdown):
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

    def missing(self) -> tuple[MissingFact, ...]:
        """The facts not stated that would change a claim's outcome, most decisive first."""
        return self.assessment.missing()

    def __explain__(self, loc: object, fmt: str) -> str:
        """Render what is missing, the claim tree, the findings and the gaps."""
        return explain_evaluation(self, loc, fmt)


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
    args = check_inputs(
        graph,
        secret=secret,
        respondent=respondent,
        as_of=as_of,
        standard=standard,
        excluded=excluded,
    )
    ctx = Context(
        graph=graph,
        secret=args.secret,
        respondent=args.respondent,
        as_of=args.day,
        rb=rb,
        excluded=args.excluded,
    )
    std = resolve_standard(args.standard, args.day, rb)
    overrides: dict[ClaimCode, Outcome] = {}
    if not infer_act_from_access_and_similarity:
        overrides[C.INFERRED_FROM_ACCESS_AND_SIMILARITY] = Outcome.NOT_APPLICABLE
    return _Evaluation(ctx, std, overrides).result(apply_burden_shift_after_2025)


class _Evaluation:
    """One evaluation: the law of the act day, the leaves, the tree, the criteria."""

    def __init__(
        self, ctx: Context, std: StandardOfProof, overrides: dict[ClaimCode, Outcome]
    ) -> None:
        self.ctx = ctx
        self.std = std
        self.overrides = overrides
        self.findings: list[Finding] = []
        self.law = law_on(ctx.rb, ctx.act_day)
        ctx.used[self.law.article.name] = self.law.article
        self.cites = {code: self._law_of_the_day(code) for code in ClaimCode}
        self.prima = StandardOfProof.named("prima_facie", as_of=ctx.as_of, rulebook=ctx.rb)

    def _law_of_the_day(self, code: ClaimCode) -> tuple[Citation, ...]:
        """
        The claim's sources that were law on the act day (re-pointed to that day's
        version); where none was, the AUCL article of the day. For AUCL 2025 acts the 2019
        burden-shift article is cited as the content applied (its 2025 number is UNVERIFIED).
        """
        rb, clock = self.ctx.rb, LegalClock(self.ctx.rb, self.ctx.act_day)
        out: list[Citation] = []
        for text in claim_cites(code, self.law):
            cited = clock.cite(text)
            if (
                cited is None
                and text.startswith(f"{AUCL_2019}:32")
                and self.law.shift is Shift.AUCL_2025
            ):
                cited = rb.cite(text)
            if cited is not None:
                out.append(cited)
        return tuple(out) or (rb.cite(f"{self.law.key}:{self.law.number}"),)

    def law_finding(self) -> Finding:
        """Which AUCL version the act date selects."""
        rb = self.ctx.rb
        return Finding(
            code="evidence.law.version" if self.ctx.last_act else "evidence.law.version_no_act",
            severity=Severity.INFO,
            # treating the respondent's acts on the secret as one continuing act is the
            # library's reading of SPC Art. 28
            citations=(
                *self.cites[C.INFRINGEMENT],
                *LegalClock(rb, self.ctx.act_day).those_in_force(("spc-ts@2020-09-10:28",)),
                rb.cite(POLICY),
            ),
            args={"act": self.ctx.act_day},
        )

    def measures_open(self, leaves: dict[ClaimCode, Outcome]) -> tuple[Undetermined, ...]:
        """
        The measures whose date is not stated: each decides the measures claim when
        counting it would change the outcome (then the claim is undetermined).
        """
        ctx = self.ctx
        if not ctx.measures_open or ctx.measures_if_dated is None:
            return ()
        base = leaves[C.MEASURES]
        dated = self.std.decide(ctx.measures_if_dated.pro_total, ctx.measures_if_dated.con_total)
        if dated is not base and base is not Outcome.INSUFFICIENT_EVIDENCE:
            leaves[C.MEASURES] = Outcome.INSUFFICIENT_EVIDENCE
        return tuple(
            attrs.evolve(u, if_holds=base, otherwise=dated, criterion=C.MEASURES.message)
            for u in ctx.measures_open
        )

    def shift_open(
        self, pf: Mapping[ClaimCode, Outcome], shift: dict[ClaimCode, Outcome], after_2025: bool
    ) -> dict[ClaimCode, tuple[Undetermined, ...]]:
        """
        The burden-shift triggers that a measure whose date is not stated decides: where
        counting it (prima facie) changes a trigger, the trigger is undetermined, naming it.
        """
        ctx = self.ctx
        if not ctx.measures_open or ctx.measures_if_dated is None:
            return {}
        dated = dict(pf)
        dated[C.MEASURES] = self.prima.decide(
            ctx.measures_if_dated.pro_total, ctx.measures_if_dated.con_total
        )
        if_dated = burden_shift(ctx, self.law, resolve(dated, self.overrides), [], after_2025)
        out: dict[ClaimCode, tuple[Undetermined, ...]] = {}
        for code, outcome in list(shift.items()):
            if if_dated[code] is not outcome:
                shift[code] = Outcome.INSUFFICIENT_EVIDENCE
                out[code] = tuple(
                    attrs.evolve(
                        u, if_holds=outcome, otherwise=if_dated[code], criterion=code.message
                    )
                    for u in ctx.measures_open
                )
        return out

    def criteria(
        self,
        tallies: Mapping[ClaimCode, Tally],
        outcomes: Mapping[ClaimCode, Outcome],
        shift: Mapping[ClaimCode, Outcome],
        measures_open: tuple[Undetermined, ...],
        shift_open: Mapping[ClaimCode, tuple[Undetermined, ...]],
    ) -> list[Criterion]:
        """Every claim in tree order, then the burden-shift triggers."""
        out = [
            _criterion(
                code=code,
                outcome=outcomes[code],
                tally=tallies.get(code),
                cites=self.cites[code],
                std=self.std,
                open_rows=measures_open if code is C.MEASURES else (),
            )
            for code in tree_order()
        ]
        merged = Tally()
        for child in (C.MEASURES, C.ACCESS, C.SIMILARITY, C.DISCLOSURE_OR_USE):
            merged.merge(tallies[child])
        out += [
            _criterion(
                code=code,
                outcome=o,
                tally=merged,
                cites=self.cites[code],
                std=self.prima,
                open_rows=shift_open.get(code, ()),
            )
            for code, o in shift.items()
        ]
        return out

    def result(self, after_2025: bool) -> EvidenceEvaluation:
        """Evaluate: leaves, the tree, the burden shift, the gaps, the temporal findings."""
        ctx, std = self.ctx, self.std
        self.findings.append(self.law_finding())
        tallies = leaf_tallies(ctx, self.findings, self.cites[C.RIGHT][0])
        leaves = {code: std.decide(t.pro_total, t.con_total) for code, t in tallies.items()}
        measures_open = self.measures_open(leaves)
        outcomes = resolve(leaves, self.overrides)
        # burden-shift triggers, always under the prima facie standard
        pf = {code: self.prima.decide(t.pro_total, t.con_total) for code, t in tallies.items()}
        pf_all = resolve(pf, self.overrides)
        shift = burden_shift(ctx, self.law, pf_all, self.findings, after_2025)
        shift_open = self.shift_open(pf, shift, after_2025)
        criteria = self.criteria(tallies, outcomes, shift, measures_open, shift_open)
        gap_list = find_gaps(
            ctx=ctx,
            std=std,
            tallies=tallies,
            leaves=leaves,
            overrides=self.overrides,
            cites=self.cites,
        )
        self.findings.extend(_temporal(ctx))
        return self.wrap(outcomes[C.INFRINGEMENT], criteria, gap_list)

    def wrap(
        self, root: Outcome, criteria: list[Criterion], gap_list: tuple[Gap, ...]
    ) -> EvidenceEvaluation:
        """The evaluation object, with every parameter read listed once."""
        ctx, std = self.ctx, self.std
        params = (*std.parameters, *self.prima.parameters, *ctx.used.values())
        used = {(p.name, p.region): p for p in params}
        assessment = Assessment(
            kind="evidence_chain",
            subject=f"{ctx.secret} / {ctx.respondent}",
            as_of=ctx.as_of,
            outcome=root,
            combination=Combination.TREE,
            citations=self.cites[C.INFRINGEMENT],
            criteria=tuple(criteria),
            findings=tuple(self.findings),
            parameters=tuple(used.values()),
        )
        return EvidenceEvaluation(
            secret=ctx.secret,
            respondent=ctx.respondent,
            as_of=ctx.as_of,
            standard=std,
            outcome=root,
            act_date=day_of(ctx.last_act) if ctx.last_act else None,
            assessment=assessment,
            tree=tuple(
                (parent.value, tuple(c.value for c in children))
                for parent, (_, children) in CLAIM_TREE.items()
            ),
            gaps=gap_list,
            paths=ctx.g.paths(ctx.respondent, ctx.secret),
        )


def _criterion(
    *,
    code: ClaimCode,
    outcome: Outcome,
    tally: Tally | None,
    cites: tuple[Citation, ...],
    std: StandardOfProof,
    open_rows: tuple[Undetermined, ...] = (),
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
        strength=share,
        open=open_rows,
    )


def _temporal(ctx: Context) -> list[Finding]:

    return respondent_findings(ctx.g, ctx.secret, ctx.respondent, ctx.rb)


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
