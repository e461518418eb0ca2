"""Adequacy of confidentiality measures by tier and value: the library's heuristics, ranked gaps, a plan."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

import attrs
import pendulum

from tradesecret import presenters
from tradesecret._convert import tuple_of
from tradesecret.definition._law import SPC2007, DefinitionLaw
from tradesecret.definition._model import ClassificationTier, TradeSecret, ValueKind
from tradesecret.definition.registry import SecretRegistry
from tradesecret.engine import LegalClock
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.facts import or_else
from tradesecret.law import POLICY as _POLICY
from tradesecret.law import Citation
from tradesecret.measures._criterion import reasonable_measures
from tradesecret.measures._legal import (
    Citer,
    MeasureTiming,
    date_and_problems,
    measures_and_problems,
)
from tradesecret.measures._model import (
    ITEM_DEFAULT_KIND,
    ConfidentialityMeasure,
    MeasureKind,
    NonDisclosureAgreement,
)
from tradesecret.money import Money
from tradesecret.results import (
    Assessment,
    Criterion,
    Finding,
    MissingFact,
    Outcome,
    Severity,
    Term,
    missing_facts,
)
from tradesecret.rulebook import ParameterValue, Rulebook, default_rulebook

if TYPE_CHECKING:  # presentation layer: types only
    from tradesecret.i18n import Format, Localizer

__all__ = ["MeasureGap", "MeasuresReport", "PlannedMeasure", "assess_measures"]

_SPC = "spc-ts@2020-09-10"
_ITEMS = (1, 2, 3, 4, 5, 6, 7)
_TIERS = (ClassificationTier.ORDINARY, ClassificationTier.IMPORTANT, ClassificationTier.CORE)

GapReason = Literal["missing", "unproven"]


@attrs.frozen(kw_only=True)
class MeasureGap:
    """
    One missing or unproven Art. 6 item for one secret (a library heuristic).

    Attributes:
        secret_id: The secret.
        item: The SPC 2020 Art. 6 item.
        reason: ``missing`` (no measure of that item in force) or ``unproven`` (in force
            but without evidence).
        tier: The tier the requirement was judged at (raised one step for high value).
        score: Ranking score: item weight x (tier rank + 1), times
            ``measures.missing_gap_multiplier`` (2) when missing.
        finding: The finding reported for it.
    """

    secret_id: str
    item: int
    reason: GapReason
    tier: ClassificationTier
    score: int
    finding: Finding


@attrs.frozen(kw_only=True)
class PlannedMeasure:
    """
    One step of the measure plan: adopt (or prove) a measure of an Art. 6 item for some secrets.

    Attributes:
        rank: 1 for the most important step.
        item: The Art. 6 item.
        kind: The measure kind proposed (a representative of the item).
        action: ``adopt`` a new measure or ``evidence`` an existing one.
        secret_ids: The secrets it closes gaps for, by descending gap score.
        score: Sum of the gap scores it closes.
        remedy: Message code describing the step.
        citations: Basis (the library policy and the Art. 6 item).
    """

    rank: int
    item: int
    kind: MeasureKind
    action: Literal["adopt", "evidence"]
    secret_ids: tuple[str, ...] = attrs.field(validator=tuple_of(str))
    score: int
    remedy: str
    citations: tuple[Citation, ...] = attrs.field(validator=tuple_of(Citation))


@attrs.frozen(kw_only=True)
class MeasuresReport:
    """
    The result of :func:`assess_measures`.

    Attributes:
        as_of: The date assessed.
        assessments: One per secret, kind ``measures_adequacy``: first the legal criterion
            ``definition.reasonable_measures`` (law), then one heuristic criterion per
            required Art. 6 item (``measures.adequacy.item<N>``, tier library_policy).
        gaps: Every gap, most important first.
        plan: Steps that close every gap, most important first.
        parameters: The heuristic parameters used.
    """

    as_of: pendulum.Date
    assessments: tuple[Assessment, ...] = attrs.field(validator=tuple_of(Assessment))
    gaps: tuple[MeasureGap, ...] = attrs.field(validator=tuple_of(MeasureGap))
    plan: tuple[PlannedMeasure, ...] = attrs.field(validator=tuple_of(PlannedMeasure))
    parameters: tuple[ParameterValue, ...] = attrs.field(validator=tuple_of(ParameterValue))
    _by_subject: dict[str, Assessment] = attrs.field(
        init=False,
        eq=False,
        hash=False,
        repr=False,
        default=attrs.Factory(
            lambda self: {a.subject: a for a in reversed(self.assessments)}, takes_self=True
        ),
    )

    def assessment(self, secret_id: str) -> Assessment:
        """
        The adequacy assessment of one secret (constant time).

        Raises:
            InvalidInputError: no secret with that id was assessed.
        """
        found = self._by_subject.get(secret_id)
        if found is None:
            raise InvalidInputError.single("secret_id", secret_id, "no assessment for this secret")
        return found

    def missing(self) -> tuple[MissingFact, ...]:
        """The facts not stated that would change an outcome, across every secret, most decisive first."""
        return missing_facts(u for a in self.assessments for c in a.criteria for u in c.open)

    def __explain__(self, loc: Localizer, fmt: Format) -> str:
        """Render the report (see :func:`tradesecret.explain`): what is missing comes first."""
        head = "## " if fmt == "markdown" else ""
        sub = "### " if fmt == "markdown" else ""
        lines = [
            head
            + loc.message(
                "measures.report.title",
                {"as_of": self.as_of, "secrets": len(self.assessments), "gaps": len(self.gaps)},
            ),
            "",
            loc.message("measures.report.heuristics_note"),
            *(["", *loc.missing(fmt, self.missing())] if self.missing() else []),
            "",
            sub + loc.term("measures.report.plan_heading"),
        ]
        if not self.plan:
            lines.append("- " + loc.message("measures.report.no_gaps"))
        for step in self.plan:
            lines.append(
                f"{step.rank}. "
                + loc.message(
                    step.remedy,
                    {
                        "kind": Term(f"measures.kind.{step.kind.value}"),
                        "item": Term(f"measures.item.{step.item}"),
                        "secrets": ", ".join(step.secret_ids),
                        "score": step.score,
                    },
                )
                + " — "
                + loc.citations(step.citations)
            )
        for a in self.assessments:
            lines += ["", str(presenters.present("explain", a, locale=loc.locale, format=fmt))]
        return "\n".join(lines)


# -- assess_measures ------------------------------------------------------------------------


def _policy_params(rb: Rulebook, day: pendulum.Date) -> dict[str, ParameterValue]:
    names = [f"measures.item{i}_required_from_tier" for i in _ITEMS]
    names += [f"measures.item{i}_weight" for i in _ITEMS]
    names += ["measures.high_value_threshold", "measures.missing_gap_multiplier"]
    return {name: rb.param(name, as_of=day) for name in names}


def _effective_tier(
    secret: TradeSecret, day: pendulum.Date, threshold: Money
) -> tuple[ClassificationTier, Money | None]:
    amounts = [
        v.amount
        for v in or_else(secret.value_evidence, ())
        if v.amount is not None
        and (v.on is None or v.on <= day)
        and v.kind is not ValueKind.OTHER
        and v.amount.currency == threshold.currency
    ]
    largest = max(amounts, key=lambda m: m.amount) if amounts else None
    tier = secret.tier
    if largest is not None and largest.amount >= threshold.amount and tier.rank < 2:
        tier = _TIERS[tier.rank + 1]
    return tier, largest


def assess_measures(
    secrets: Iterable[TradeSecret] | SecretRegistry,
    measures: Iterable[ConfidentialityMeasure | NonDisclosureAgreement] = (),
    *,
    as_of: object,
    rulebook: Rulebook | None = None,
    timing: MeasureTiming = MeasureTiming.ON_OR_BEFORE_ACT,
    require_correspondence: bool = True,
) -> MeasuresReport:
    """
    Adequacy of the measures for each secret relative to its tier and value, ranked gaps
    and a plan that closes them.

    The legal criterion (SPC 2020 Arts. 5-6) is evaluated as in
    :func:`~tradesecret.definition.assess_trade_secret`; here ``timing`` defaults to
    :attr:`~tradesecret.definition.MeasureTiming.ON_OR_BEFORE_ACT` because a compliance
    review asks what is in force *today*, not before an act. The adequacy criteria are
    the library's heuristics (see the module docstring).

    A secret's *effective tier* is its classification, raised one step (to at most core)
    when its largest dated value evidence reaches ``measures.high_value_threshold``. Item
    ``N`` is required when the effective tier's rank is at least
    ``measures.item<N>_required_from_tier``.

    The work is linear in secrets plus measures: measures are indexed by secret once. For
    very large batches Python's cyclic garbage collector re-walks the growing set of result
    objects, so time per secret rises with the batch; the library never switches the
    collector itself (it is process-wide state shared by every tenant), but a caller that
    owns its process may pause it around a batch.

    Raises:
        InvalidInputError: every problem at once -- a bad date, an item that is not a
            measure or NDA, a measure naming an unknown secret.
    """
    return _assess_measures(
        secrets,
        measures,
        as_of=as_of,
        rulebook=rulebook,
        timing=timing,
        require_correspondence=require_correspondence,
    )


@attrs.frozen(kw_only=True)
class _Batch:
    """What every secret of one call shares."""

    day: pendulum.Date
    rb: Rulebook
    citer: Citer
    params: dict[str, ParameterValue]
    policy: Citation
    report_cites: tuple[Citation, ...]
    item_cites: dict[int, tuple[Citation, ...]]
    general: tuple[ConfidentialityMeasure, ...]
    by_secret: dict[str, list[ConfidentialityMeasure]]
    unauthorised: dict[str, list[str]]
    registry: SecretRegistry | None
    timing: MeasureTiming
    require_correspondence: bool

    @property
    def threshold(self) -> Money:
        return self.params["measures.high_value_threshold"].as_money()

    @property
    def multiplier(self) -> int:
        return self.params["measures.missing_gap_multiplier"].as_int()


def _assess_measures(
    secrets: Iterable[TradeSecret] | SecretRegistry,
    measures: Iterable[ConfidentialityMeasure | NonDisclosureAgreement],
    *,
    as_of: object,
    rulebook: Rulebook | None,
    timing: MeasureTiming,
    require_correspondence: bool,
) -> MeasuresReport:
    rb = rulebook if rulebook is not None else default_rulebook()
    day, registry, secret_list, items = _checked_inputs(secrets, measures, as_of)
    ctx = _batch(day, rb, items, registry, timing, require_correspondence)
    gaps: list[MeasureGap] = []
    assessments = [_assess_one(secret, ctx, gaps) for secret in secret_list]
    gaps.sort(key=lambda g: (-g.score, g.secret_id, g.item))
    return MeasuresReport(
        as_of=day,
        assessments=tuple(assessments),
        gaps=tuple(gaps),
        plan=_plan(gaps, ctx.policy, ctx.item_cites),
        parameters=tuple(ctx.params.values()),
    )


def _checked_inputs(
    secrets: Iterable[TradeSecret] | SecretRegistry,
    measures: Iterable[ConfidentialityMeasure | NonDisclosureAgreement],
    as_of: object,
) -> tuple[
    pendulum.Date,
    SecretRegistry | None,
    tuple[TradeSecret, ...],
    tuple[ConfidentialityMeasure, ...],
]:
    """The date, the registry, the secrets and the measures, or one error with every problem."""
    day, problems = date_and_problems(as_of, "as_of")
    registry = secrets if isinstance(secrets, SecretRegistry) else None
    secret_list = secrets.secrets if isinstance(secrets, SecretRegistry) else tuple(secrets)
    known: set[str] = set()
    for i, secret in enumerate(secret_list):
        if not isinstance(secret, TradeSecret):
            problems.append(Problem.of(f"secrets[{i}]", secret, "expected a TradeSecret"))
        elif secret.id in known:
            problems.append(Problem.of(f"secrets[{i}].id", secret.id, "duplicate secret id"))
        else:
            known.add(secret.id)
    indexed, bad_items = measures_and_problems(measures)
    problems += bad_items
    problems += [
        Problem.of(f"measures[{i}].secret_ids[{k}]", sid, "unknown secret")
        for i, m in indexed
        for k, sid in enumerate(m.secret_ids)
        if sid not in known
    ]
    if problems or day is None:
        raise InvalidInputError(problems)
    return day, registry, secret_list, tuple(m for _, m in indexed)


def _batch(  # noqa: PLR0917 - internal helper
    day: pendulum.Date,
    rb: Rulebook,
    items: tuple[ConfidentialityMeasure, ...],
    registry: SecretRegistry | None,
    timing: MeasureTiming,
    require_correspondence: bool,
) -> _Batch:
    """The shared context: parameters, citations of the day, measures indexed by secret."""
    clock = LegalClock(rb, day)
    policy = rb.cite(_POLICY)
    # the Art. 6 items are the 2020 list: cited only where in force (from 2020-09-12)
    item_cites = {i: clock.those_in_force([f"{_SPC}:6.1.{i}"]) for i in _ITEMS}
    # the measures element of the day: 2020 Arts. 5-6, 2007 Art. 11, or the statute alone
    law = DefinitionLaw.on(day, rb).cites((f"{_SPC}:5", f"{_SPC}:6"), (f"{SPC2007}:11",))
    by_secret: dict[str, list[ConfidentialityMeasure]] = {}
    for m in items:
        if not m.all_secrets:
            for sid in dict.fromkeys(m.secret_ids):
                by_secret.setdefault(sid, []).append(m)
    unauthorised: dict[str, list[str]] = {}
    if registry is not None:
        for event in registry.unauthorised_events():
            if event.on > day:
                continue
            people = unauthorised.setdefault(event.secret_id, [])
            if event.person not in people:
                people.append(event.person)
    return _Batch(
        day=day,
        rb=rb,
        citer=Citer(rb),
        params=_policy_params(rb, day),
        policy=policy,
        report_cites=(*law, policy),
        item_cites=item_cites,
        general=tuple(m for m in items if m.all_secrets),
        by_secret=by_secret,
        unauthorised=unauthorised,
        registry=registry,
        timing=timing,
        require_correspondence=require_correspondence,
    )


def _assess_one(secret: TradeSecret, ctx: _Batch, gaps: list[MeasureGap]) -> Assessment:
    """The legal criterion, then one heuristic criterion per required item."""
    day, params = ctx.day, ctx.params
    mine = (*ctx.general, *ctx.by_secret.get(secret.id, ()))
    legal = reasonable_measures(
        secret, mine, day, ctx.citer, ctx.timing, ctx.require_correspondence
    )
    in_force = [m for m in mine if m.start <= day and (m.end is None or m.end >= day)]
    tier, largest = _effective_tier(secret, day, ctx.threshold)
    criteria = [legal]
    used = [params["measures.high_value_threshold"], params["measures.missing_gap_multiplier"]]
    for i in _ITEMS:
        found = _item_criterion(secret, i, tier, in_force, ctx, used)
        if found is not None:
            criteria.append(found[0])
            gaps.extend(found[1])
    findings: list[Finding] = []
    if ctx.registry is not None:
        findings += _registry_findings(
            ctx.registry, secret.id, in_force, day, ctx.unauthorised, ctx.rb, ctx.policy
        )
    if tier is not secret.tier and largest is not None:
        findings.append(
            Finding(
                code="measures.tier.raised_for_value",
                severity=Severity.INFO,
                citations=(ctx.policy,),
                args={
                    "tier": Term(f"measures.tier.{tier.value}"),
                    "amount": largest,
                    "threshold": ctx.threshold,
                },
                subject=secret.id,
            )
        )
    return Assessment(
        kind="measures_adequacy",
        subject=secret.id,
        as_of=day,
        outcome=Outcome.combine(c.outcome for c in criteria),
        citations=ctx.report_cites,
        criteria=tuple(criteria),
        findings=tuple(findings),
        parameters=tuple(_dedupe_params(used)),
    )


def _item_criterion(  # noqa: PLR0917 - internal helper
    secret: TradeSecret,
    i: int,
    tier: ClassificationTier,
    in_force: list[ConfidentialityMeasure],
    ctx: _Batch,
    used: list[ParameterValue],
) -> tuple[Criterion, list[MeasureGap]] | None:
    """Item ``i`` for a secret of ``tier``: met, or a gap (missing or unproven); ``None`` if not required."""
    required_from = ctx.params[f"measures.item{i}_required_from_tier"]
    if tier.rank < required_from.as_int():
        return None
    weight = ctx.params[f"measures.item{i}_weight"]
    used += [required_from, weight]
    present = [m for m in in_force if m.item == i]
    proven = [m for m in present if or_else(m.evidence, ())]
    facts = {"item": Term(f"measures.item.{i}"), "tier": Term(f"measures.tier.{tier.value}")}
    code = f"measures.adequacy.item{i}"
    if proven:
        met = Criterion(
            code=code,
            outcome=Outcome.MET,
            citations=(ctx.policy,),
            facts=facts,
            evidence=tuple(m.id for m in proven),
            parameters=(required_from,),
        )
        return met, []
    reason: GapReason = "unproven" if present else "missing"
    score = weight.as_int() * (tier.rank + 1) * (ctx.multiplier if reason == "missing" else 1)
    finding = Finding(
        code=f"measures.gap.{reason}",
        severity=_gap_severity(tier, reason),
        citations=(ctx.policy,),
        args={**facts, "measures": ", ".join(m.id for m in present) or "-"},
        subject=secret.id,
        remedies=(
            f"measures.remedy.item{i}" if reason == "missing" else "measures.remedy.evidence",
        ),
    )
    gap = MeasureGap(
        secret_id=secret.id, item=i, reason=reason, tier=tier, score=score, finding=finding
    )
    criterion = Criterion(
        code=code,
        outcome=Outcome.INSUFFICIENT_EVIDENCE if present else Outcome.NOT_MET,
        citations=(ctx.policy,),
        findings=(finding,),
        facts=facts,
        evidence=tuple(m.id for m in present),
        parameters=(required_from, weight, ctx.params["measures.missing_gap_multiplier"]),
    )
    return criterion, [gap]


def _registry_findings(  # noqa: PLR0917 - private helper
    registry: SecretRegistry,
    secret_id: str,
    in_force: list[ConfidentialityMeasure],
    day: pendulum.Date,
    unauthorised: dict[str, list[str]],
    rb: Rulebook,
    policy_cite: Citation,
) -> list[Finding]:
    """Need-to-know checked against the registry (SPC Art. 6 item 4 "限制能够接触或者获取的人员范围")."""
    out: list[Finding] = []
    item4 = rb.cite(f"{_SPC}:6.1.4")
    if secret_id in unauthorised:
        out.append(
            Finding(
                code="measures.registry.access_without_grant",
                severity=Severity.MEDIUM,
                citations=(item4, policy_cite),
                args={"persons": ", ".join(unauthorised[secret_id])},
                subject=secret_id,
                remedies=("measures.remedy.review_access",),
            )
        )
    listed = [m for m in in_force if m.kind is MeasureKind.NEED_TO_KNOW and m.people]
    if listed:
        allowed = {p for m in listed for p in m.people}
        outside = sorted(registry.holders_of(secret_id, on=day) - allowed)
        if outside:
            out.append(
                Finding(
                    code="measures.registry.outside_need_to_know",
                    severity=Severity.LOW,
                    citations=(item4, policy_cite),
                    args={"persons": ", ".join(outside)},
                    subject=secret_id,
                    remedies=("measures.remedy.review_access",),
                )
            )
    return out


def _gap_severity(tier: ClassificationTier, reason: GapReason) -> Severity:
    base = (Severity.LOW, Severity.MEDIUM, Severity.HIGH)[tier.rank]
    if reason == "unproven":
        return (Severity.INFO, Severity.LOW, Severity.MEDIUM)[tier.rank]
    return base


def _dedupe_params(params: Iterable[ParameterValue]) -> list[ParameterValue]:
    seen: dict[str, ParameterValue] = {}
    for p in params:
        seen.setdefault(p.name, p)
    return list(seen.values())


def _plan(
    gaps: list[MeasureGap], policy: Citation, item_cites: dict[int, tuple[Citation, ...]]
) -> tuple[PlannedMeasure, ...]:
    groups: dict[tuple[int, str], list[MeasureGap]] = {}
    for gap in gaps:  # already sorted by descending score
        groups.setdefault((gap.item, gap.reason), []).append(gap)
    steps = sorted(
        groups.items(),
        key=lambda kv: (-sum(g.score for g in kv[1]), kv[0][0], kv[0][1]),
    )
    out: list[PlannedMeasure] = []
    for rank, ((item, reason), members) in enumerate(steps, start=1):
        out.append(
            PlannedMeasure(
                rank=rank,
                item=item,
                kind=ITEM_DEFAULT_KIND[item],
                action="adopt" if reason == "missing" else "evidence",
                secret_ids=tuple(dict.fromkeys(g.secret_id for g in members)),
                score=sum(g.score for g in members),
                remedy="measures.plan.adopt" if reason == "missing" else "measures.plan.evidence",
                citations=(policy, *item_cites[item]),
            )
        )
    return tuple(out)
