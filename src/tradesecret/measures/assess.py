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

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import attrs
import pendulum

from tradesecret._convert import tuple_of
from tradesecret.dates import to_date
from tradesecret.definition._model import ClassificationTier, TradeSecret, ValueKind
from tradesecret.definition.registry import SecretRegistry
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.facts import or_else
from tradesecret.law import Citation
from tradesecret.measures._criterion import reasonable_measures
from tradesecret.measures._legal import (
    Citer,
    MeasureTiming,
    combine_outcomes,
    date_and_problems,
    measures_and_problems,
)
from tradesecret.measures._model import (
    ITEM_DEFAULT_KIND,
    ConfidentialityMeasure,
    ExitProcedure,
    LiquidatedDamages,
    MeasureKind,
    NdaTier,
    NonDisclosureAgreement,
)
from tradesecret.money import Money
from tradesecret.results import Assessment, Criterion, Finding, Outcome, Severity, Term
from tradesecret.rulebook import ParameterValue, Rulebook, default_rulebook

if TYPE_CHECKING:  # presentation layer: types only
    from tradesecret.i18n import Format, Localizer

__all__ = [
    "MeasureGap",
    "MeasuresReport",
    "NdaPolicy",
    "PlannedMeasure",
    "assess_measures",
    "check_exit",
    "review_nda",
]

_SPC = "spc-ts@2020-09-10"
_POLICY = "tradesecret-policy@2026-11-21"
_PRACTICE = "common-practice@2026-11-21"
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

    def __explain__(self, loc: Localizer, fmt: Format) -> str:
        """Render the report (see :func:`tradesecret.explain`)."""
        from tradesecret.i18n import explain  # noqa: PLC0415 - presentation layer, on use

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
            lines += ["", explain(a, locale=loc.locale, format=fmt)]
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


def _assess_measures(
    secrets: Iterable[TradeSecret] | SecretRegistry,
    measures: Iterable[ConfidentialityMeasure | NonDisclosureAgreement],
    *,
    as_of: object,
    rulebook: Rulebook | None,
    timing: MeasureTiming,
    require_correspondence: bool,
) -> MeasuresReport:
    day, problems = date_and_problems(as_of, "as_of")
    rb = rulebook if rulebook is not None else default_rulebook()
    registry: SecretRegistry | None = None
    if isinstance(secrets, SecretRegistry):
        registry = secrets
        secret_list = secrets.secrets
    else:
        secret_list = tuple(secrets)
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
    items = tuple(m for _, m in indexed)
    params = _policy_params(rb, day)
    citer = Citer(rb)
    threshold = params["measures.high_value_threshold"].as_money()
    multiplier = params["measures.missing_gap_multiplier"].as_int()
    policy_cite = rb.cite(_POLICY)
    item_cites = {i: rb.cite(f"{_SPC}:6.1.{i}") for i in _ITEMS}
    report_cites = (*rb.cite_all(f"{_SPC}:5", f"{_SPC}:6"), policy_cite)
    # index measures by secret once (company-wide ones apply to all)
    general = [m for m in items if m.all_secrets]
    by_secret: dict[str, list[ConfidentialityMeasure]] = {}
    for m in items:
        if not m.all_secrets:
            for sid in dict.fromkeys(m.secret_ids):
                by_secret.setdefault(sid, []).append(m)
    unauthorised: dict[str, list[str]] = {}
    if registry is not None:
        for event in registry.unauthorised_events():
            if event.on <= day:
                people = unauthorised.setdefault(event.secret_id, [])
                if event.person not in people:
                    people.append(event.person)
    assessments: list[Assessment] = []
    gaps: list[MeasureGap] = []
    for secret in secret_list:
        mine = (*general, *by_secret.get(secret.id, ()))
        legal = reasonable_measures(secret, mine, day, citer, timing, require_correspondence)
        in_force = [m for m in mine if m.start <= day and (m.end is None or m.end >= day)]
        tier, largest = _effective_tier(secret, day, threshold)
        criteria = [legal]
        used = [params["measures.high_value_threshold"], params["measures.missing_gap_multiplier"]]
        for i in _ITEMS:
            required_from = params[f"measures.item{i}_required_from_tier"]
            if tier.rank < required_from.as_int():
                continue
            weight = params[f"measures.item{i}_weight"]
            used += [required_from, weight]
            present = [m for m in in_force if m.item == i]
            proven = [m for m in present if or_else(m.evidence, ())]
            facts = {
                "item": Term(f"measures.item.{i}"),
                "tier": Term(f"measures.tier.{tier.value}"),
            }
            if proven:
                criteria.append(
                    Criterion(
                        code=f"measures.adequacy.item{i}",
                        outcome=Outcome.MET,
                        citations=(policy_cite,),
                        facts=facts,
                        evidence=tuple(m.id for m in proven),
                        parameters=(required_from,),
                    )
                )
                continue
            reason: GapReason = "unproven" if present else "missing"
            score = weight.as_int() * (tier.rank + 1) * (multiplier if reason == "missing" else 1)
            finding = Finding(
                code=f"measures.gap.{reason}",
                severity=_gap_severity(tier, reason),
                citations=(policy_cite,),
                args={
                    "item": Term(f"measures.item.{i}"),
                    "tier": Term(f"measures.tier.{tier.value}"),
                    "measures": ", ".join(m.id for m in present) or "-",
                },
                subject=secret.id,
                remedies=(
                    f"measures.remedy.item{i}"
                    if reason == "missing"
                    else "measures.remedy.evidence",
                ),
            )
            gaps.append(
                MeasureGap(
                    secret_id=secret.id,
                    item=i,
                    reason=reason,
                    tier=tier,
                    score=score,
                    finding=finding,
                )
            )
            criteria.append(
                Criterion(
                    code=f"measures.adequacy.item{i}",
                    outcome=Outcome.INSUFFICIENT_EVIDENCE if present else Outcome.NOT_MET,
                    citations=(policy_cite,),
                    findings=(finding,),
                    facts=facts,
                    evidence=tuple(m.id for m in present),
                    parameters=(required_from, weight, params["measures.missing_gap_multiplier"]),
                )
            )
        heuristic = combine_outcomes(c.outcome for c in criteria[1:])
        findings: list[Finding] = []
        if registry is not None:
            findings += _registry_findings(
                registry, secret.id, in_force, day, unauthorised, rb, policy_cite
            )
        if tier is not secret.tier and largest is not None:
            findings.append(
                Finding(
                    code="measures.tier.raised_for_value",
                    severity=Severity.INFO,
                    citations=(policy_cite,),
                    args={
                        "tier": Term(f"measures.tier.{tier.value}"),
                        "amount": largest,
                        "threshold": threshold,
                    },
                    subject=secret.id,
                )
            )
        assessments.append(
            Assessment(
                kind="measures_adequacy",
                subject=secret.id,
                as_of=day,
                outcome=combine_outcomes((legal.outcome, heuristic)),
                citations=report_cites,
                criteria=tuple(criteria),
                findings=tuple(findings),
                parameters=tuple(_dedupe_params(used)),
            )
        )
    gaps.sort(key=lambda g: (-g.score, g.secret_id, g.item))
    plan = _plan(gaps, policy_cite, item_cites)
    return MeasuresReport(
        as_of=day,
        assessments=tuple(assessments),
        gaps=tuple(gaps),
        plan=plan,
        parameters=tuple(params.values()),
    )


def _registry_findings(  # noqa: PLR0917 - private helper
    registry: SecretRegistry,
    secret_id: str,
    in_force: list[ConfidentialityMeasure],
    day: pendulum.Date,
    unauthorised: dict[str, list[str]],
    rb: Rulebook,
    policy_cite: Citation,
) -> list[Finding]:
    """Need-to-know checked against the registry (SPC Art. 6 item 4 "限定知悉范围")."""
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
    gaps: list[MeasureGap], policy: Citation, item_cites: dict[int, Citation]
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
                citations=(policy, item_cites[item]),
            )
        )
    return tuple(out)


# -- NDA review -----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class NdaPolicy:
    """
    The holder's chosen policy for tiered NDAs (an input; not law).

    Attributes:
        damages_multiple_min: Lowest acceptable multiple of estimated loss.
        damages_multiple_max: Highest acceptable multiple.
        damages_floor: Lowest acceptable floor amount.
        partner_noncompete_max_months: Longest acceptable partner non-compete.
        require_verifier: Whether a third-party verifier of leaks must be named.
        parameters: The parameter values the policy was built from, if any.
    """

    damages_multiple_min: Decimal
    damages_multiple_max: Decimal
    damages_floor: Money
    partner_noncompete_max_months: int
    require_verifier: bool = True
    parameters: tuple[ParameterValue, ...] = attrs.field(
        default=(), validator=tuple_of(ParameterValue)
    )

    @classmethod
    def common_practice(cls, *, as_of: object, rulebook: Rulebook | None = None) -> NdaPolicy:
        """The common-practice figures of ``data/measures.toml`` (3-5x, RMB 500,000, 24 months)."""
        day = to_date(as_of, path="as_of")
        rb = rulebook if rulebook is not None else default_rulebook()
        lo = rb.param("measures.nda_damages_multiple_min", as_of=day)
        hi = rb.param("measures.nda_damages_multiple_max", as_of=day)
        floor = rb.param("measures.nda_damages_floor", as_of=day)
        months = rb.param("measures.partner_noncompete_months", as_of=day)
        return cls(
            damages_multiple_min=lo.as_decimal(),
            damages_multiple_max=hi.as_decimal(),
            damages_floor=floor.as_money(),
            partner_noncompete_max_months=months.as_int(),
            parameters=(lo, hi, floor, months),
        )


def review_nda(
    nda: NonDisclosureAgreement,
    *,
    as_of: object,
    policy: NdaPolicy | None = None,
    secrets: Iterable[TradeSecret] | SecretRegistry | None = None,
    rulebook: Rulebook | None = None,
) -> Assessment:
    """
    Review a tiered NDA against the holder's policy.

    Criteria (kind ``nda_review``): ``measures.nda.scope`` (missing scope, undefined
    secrets, unknown secret ids, NDA tier below a covered secret's tier),
    ``measures.nda.damages`` (outside the policy), ``measures.nda.verifier`` and
    ``measures.nda.noncompete``. An employee's non-compete is governed by labour law (LCL
    Arts. 23-24) and is only flagged here; see :mod:`tradesecret.noncompete`.

    Args:
        nda: The agreement.
        as_of: Review date (selects the parameter values of the default policy).
        policy: The holder's policy; default :meth:`NdaPolicy.common_practice`.
        secrets: The registry or secrets, to check scope ids and tiers.
        rulebook: Defaults to the package rulebook.
    """
    day = to_date(as_of, path="as_of")
    rb = rulebook if rulebook is not None else default_rulebook()
    pol = policy if policy is not None else NdaPolicy.common_practice(as_of=day, rulebook=rb)
    policy_cite = rb.cite(_POLICY)
    practice_cite = rb.cite(_PRACTICE)
    by_id: dict[str, TradeSecret] | None = None
    if secrets is not None:
        listed = secrets.secrets if isinstance(secrets, SecretRegistry) else tuple(secrets)
        by_id = {s.id: s for s in listed}
    criteria = [
        _nda_scope(nda, by_id, rb),
        _nda_damages(nda, pol, policy_cite, practice_cite),
        _nda_verifier(nda, pol, policy_cite, practice_cite),
        _nda_noncompete(nda, pol, rb, practice_cite),
        _nda_duration(nda, policy_cite),
    ]
    return Assessment(
        kind="nda_review",
        subject=nda.id,
        as_of=day,
        outcome=combine_outcomes(c.outcome for c in criteria),
        citations=(rb.cite(f"{_SPC}:6.1.1"), rb.cite(f"{_SPC}:10"), policy_cite),
        criteria=tuple(criteria),
        parameters=pol.parameters,
    )


def _nda_scope(
    nda: NonDisclosureAgreement, by_id: dict[str, TradeSecret] | None, rb: Rulebook
) -> Criterion:
    findings: list[Finding] = []
    cites = rb.cite_all(f"{_SPC}:6.1.1", f"{_SPC}:5.2")
    if not nda.scope:
        findings.append(
            Finding(
                code="measures.nda.missing_scope",
                severity=Severity.HIGH,
                citations=cites,
                subject=nda.id,
                remedies=("measures.remedy.nda_scope",),
            )
        )
        return Criterion(
            code="measures.nda.scope",
            outcome=Outcome.NOT_MET,
            citations=cites,
            findings=tuple(findings),
            facts={"items": 0},
        )
    for i, item in enumerate(nda.scope, start=1):
        if not item.defined:
            findings.append(
                Finding(
                    code="measures.nda.undefined_secret",
                    severity=Severity.MEDIUM,
                    citations=rb.cite_all(f"{_SPC}:5.2"),
                    args={"index": i, "category": Term(f"measures.scope.{item.category.value}")},
                    subject=nda.id,
                    remedies=("measures.remedy.nda_define",),
                )
            )
    if by_id is not None:
        for sid in nda.secret_ids():
            secret = by_id.get(sid)
            if secret is None:
                findings.append(
                    Finding(
                        code="measures.nda.unknown_secret",
                        severity=Severity.MEDIUM,
                        citations=rb.cite_all(f"{_SPC}:5.2"),
                        args={"secret": sid},
                        subject=nda.id,
                        remedies=("measures.remedy.nda_define",),
                    )
                )
            elif not nda.tier.covers(secret.tier):
                findings.append(
                    Finding(
                        code="measures.nda.tier_too_low",
                        severity=Severity.MEDIUM,
                        citations=(rb.cite(_POLICY),),
                        args={
                            "secret": sid,
                            "secret_tier": Term(f"measures.tier.{secret.tier.value}"),
                            "nda_tier": Term(f"measures.tier.{nda.tier.value}"),
                        },
                        subject=nda.id,
                        remedies=("measures.remedy.nda_upgrade",),
                    )
                )
    worst = max((f.severity.rank for f in findings), default=0)
    return Criterion(
        code="measures.nda.scope",
        outcome=Outcome.MET if worst < Severity.MEDIUM.rank else Outcome.NOT_MET,
        citations=cites,
        findings=tuple(findings),
        facts={"items": len(nda.scope)},
    )


def _nda_damages(
    nda: NonDisclosureAgreement, pol: NdaPolicy, policy_cite: Citation, practice_cite: Citation
) -> Criterion:
    findings: list[Finding] = []
    cites = (practice_cite, policy_cite)
    d = nda.damages
    if d is None:
        findings.append(
            Finding(
                code="measures.nda.no_damages",
                severity=Severity.LOW,
                citations=cites,
                subject=nda.id,
                remedies=("measures.remedy.nda_damages",),
            )
        )
    else:
        if d.multiple is not None and not (
            pol.damages_multiple_min <= d.multiple <= pol.damages_multiple_max
        ):
            findings.append(
                Finding(
                    code="measures.nda.multiple_outside_policy",
                    severity=Severity.MEDIUM,
                    citations=cites,
                    args={
                        "multiple": d.multiple,
                        "low": pol.damages_multiple_min,
                        "high": pol.damages_multiple_max,
                    },
                    subject=nda.id,
                    remedies=("measures.remedy.nda_damages",),
                )
            )
        if d.multiple is not None and d.estimated_loss is None:
            findings.append(
                Finding(
                    code="measures.nda.no_loss_estimate",
                    severity=Severity.LOW,
                    citations=cites,
                    subject=nda.id,
                    remedies=("measures.remedy.nda_loss_estimate",),
                )
            )
        if d.floor is None:
            findings.append(
                Finding(
                    code="measures.nda.no_floor",
                    severity=Severity.MEDIUM,
                    citations=cites,
                    args={"policy": pol.damages_floor},
                    subject=nda.id,
                    remedies=("measures.remedy.nda_damages",),
                )
            )
        elif d.floor.amount < pol.damages_floor.amount:
            findings.append(
                Finding(
                    code="measures.nda.floor_below_policy",
                    severity=Severity.MEDIUM,
                    citations=cites,
                    args={"floor": d.floor, "policy": pol.damages_floor},
                    subject=nda.id,
                    remedies=("measures.remedy.nda_damages",),
                )
            )
    worst = max((f.severity.rank for f in findings), default=0)
    return Criterion(
        code="measures.nda.damages",
        outcome=Outcome.MET if worst < Severity.MEDIUM.rank else Outcome.NOT_MET,
        citations=cites,
        findings=tuple(findings),
        facts={"amount": _amount_or_dash(d)},
    )


def _amount_or_dash(damages: LiquidatedDamages | None) -> Money | str:
    """The agreed amount where it can be computed, else ``-`` (never a misleading zero)."""
    amount = damages.amount() if damages is not None else None
    return amount if amount is not None else "-"


def _nda_verifier(
    nda: NonDisclosureAgreement, pol: NdaPolicy, policy_cite: Citation, practice_cite: Citation
) -> Criterion:
    cites = (practice_cite, policy_cite)
    if nda.verifier or not pol.require_verifier:
        return Criterion(
            code="measures.nda.verifier",
            outcome=Outcome.MET if nda.verifier else Outcome.NOT_APPLICABLE,
            citations=cites,
            facts={"verifier": nda.verifier or "-"},
        )
    return Criterion(
        code="measures.nda.verifier",
        outcome=Outcome.NOT_MET,
        citations=cites,
        findings=(
            Finding(
                code="measures.nda.no_verifier",
                severity=Severity.MEDIUM,
                citations=cites,
                subject=nda.id,
                remedies=("measures.remedy.nda_verifier",),
            ),
        ),
        facts={"verifier": "-"},
    )


def _nda_noncompete(
    nda: NonDisclosureAgreement, pol: NdaPolicy, rb: Rulebook, practice_cite: Citation
) -> Criterion:
    nc = nda.noncompete
    if nc is None:
        return Criterion(
            code="measures.nda.noncompete",
            outcome=Outcome.NOT_APPLICABLE,
            citations=(practice_cite,),
            facts={"months": 0},
        )
    if nda.party_kind.is_employee:
        cites = rb.cite_all("lcl@2012-12-28:23", "lcl@2012-12-28:24")
        return Criterion(
            code="measures.nda.noncompete",
            outcome=Outcome.NOT_APPLICABLE,
            citations=cites,
            findings=(
                Finding(
                    code="measures.nda.employee_noncompete",
                    severity=Severity.INFO,
                    citations=cites,
                    args={"months": nc.months},
                    subject=nda.id,
                    remedies=("measures.remedy.use_noncompete_module",),
                ),
            ),
            facts={"months": nc.months},
        )
    if nc.months > pol.partner_noncompete_max_months:
        return Criterion(
            code="measures.nda.noncompete",
            outcome=Outcome.NOT_MET,
            citations=(practice_cite,),
            findings=(
                Finding(
                    code="measures.nda.noncompete_too_long",
                    severity=Severity.MEDIUM,
                    citations=(practice_cite,),
                    args={"months": nc.months, "policy": pol.partner_noncompete_max_months},
                    subject=nda.id,
                    remedies=("measures.remedy.nda_noncompete",),
                ),
            ),
            facts={"months": nc.months},
        )
    return Criterion(
        code="measures.nda.noncompete",
        outcome=Outcome.MET,
        citations=(practice_cite,),
        facts={"months": nc.months},
    )


def _nda_duration(nda: NonDisclosureAgreement, policy_cite: Citation) -> Criterion:
    """Library policy: a core NDA should bind until the information becomes public."""
    months: int | str = nda.duration_months if nda.duration_months is not None else "-"
    findings: tuple[Finding, ...] = ()
    if nda.duration_months is not None and nda.tier is NdaTier.CORE:
        findings = (
            Finding(
                code="measures.nda.limited_duration",
                severity=Severity.LOW,
                citations=(policy_cite,),
                args={"months": nda.duration_months},
                subject=nda.id,
                remedies=("measures.remedy.nda_until_public",),
            ),
        )
    return Criterion(
        code="measures.nda.duration",
        outcome=Outcome.MET,
        citations=(policy_cite,),
        findings=findings,
        facts={"months": months},
    )


# -- exit procedure -------------------------------------------------------------------------


def check_exit(
    procedure: ExitProcedure,
    *,
    as_of: object,
    registry: SecretRegistry | None = None,
    rulebook: Rulebook | None = None,
) -> Assessment:
    """
    Check a departure against SPC 2020 Art. 6 item 6: register, return, erase or destroy
    carriers, remind of continuing obligations -- plus revocation of access by the last day
    (library policy: ``measures.exit_grace_days`` after the last day, default 0).

    With a ``registry``, the carriers to return are those handed over on the person's grants
    plus ``procedure.carriers_held``, and grants still open after the due day are reported.

    Criteria (kind ``exit_check``): ``measures.exit.register``, ``measures.exit.carriers``,
    ``measures.exit.reminder``, ``measures.exit.access``. A step not done is *not met* when
    its due day has passed by ``as_of`` (high severity) and *insufficient evidence* while
    still pending (medium).
    """
    day = to_date(as_of, path="as_of")
    rb = rulebook if rulebook is not None else default_rulebook()
    grace = rb.param("measures.exit_grace_days", as_of=day)
    due = procedure.last_day.add(days=grace.as_int())
    overdue = day > due
    item6 = rb.cite(f"{_SPC}:6.1.6")
    policy_cite = rb.cite(_POLICY)
    person = procedure.person
    grants = registry.grants_of(person) if registry is not None else ()
    held = tuple(
        dict.fromkeys((*(c for g in grants for c in g.carrier_ids), *procedure.carriers_held))
    )
    known: tuple[str, ...] = ()
    if registry is not None and grants:
        first = min(g.granted for g in grants)
        if first <= procedure.last_day:
            known = tuple(
                sorted(registry.secrets_known_by(person, start=first, end=procedure.last_day))
            )

    def missing(code: str, cites: tuple[Citation, ...], remedy: str, **args: object) -> Criterion:
        # the step is Art. 6 item 6 (or 5); its due day is library policy
        finding = Finding(
            code=f"{code}.missing",
            severity=Severity.HIGH if overdue else Severity.MEDIUM,
            citations=tuple(dict.fromkeys((*cites, policy_cite))),
            args={"due": due, **args},
            subject=person,
            remedies=(remedy,),
        )
        return Criterion(
            code=code,
            outcome=Outcome.NOT_MET if overdue else Outcome.INSUFFICIENT_EVIDENCE,
            citations=cites,
            findings=(finding,),
            facts={"due": due},
            parameters=(grace,),
        )

    def late(code: str, cites: tuple[Citation, ...], done: pendulum.Date) -> Criterion:
        return Criterion(
            code=code,
            outcome=Outcome.MET,
            citations=cites,
            findings=(
                Finding(
                    code="measures.exit.late",
                    severity=Severity.LOW,
                    citations=(policy_cite,),
                    args={"step": Term(f"{code}.step"), "done": done, "due": due},
                    subject=person,
                ),
            ),
            facts={"due": due},
            parameters=(grace,),
        )

    def met(code: str, cites: tuple[Citation, ...]) -> Criterion:
        return Criterion(
            code=code, outcome=Outcome.MET, citations=cites, facts={"due": due}, parameters=(grace,)
        )

    criteria: list[Criterion] = []
    # register
    code = "measures.exit.register"
    if procedure.registered_on is None:
        criteria.append(
            missing(code, (item6,), "measures.remedy.exit_register", secrets=len(known))
        )
    elif procedure.registered_on > due:
        criteria.append(late(code, (item6,), procedure.registered_on))
    else:
        criteria.append(met(code, (item6,)))
    # return / erase / destroy carriers
    code = "measures.exit.carriers"
    outstanding = [c for c in held if c not in procedure.returned and c not in procedure.destroyed]
    if outstanding:
        criteria.append(
            missing(
                code, (item6,), "measures.remedy.exit_carriers", carriers=", ".join(outstanding)
            )
        )
    else:
        criteria.append(met(code, (item6,)))
    # written reminder of continuing obligations
    code = "measures.exit.reminder"
    if procedure.reminder_on is None:
        criteria.append(missing(code, (item6,), "measures.remedy.exit_reminder"))
    elif not procedure.reminder_written:
        criteria.append(
            Criterion(
                code=code,
                outcome=Outcome.INSUFFICIENT_EVIDENCE,
                citations=(item6,),
                findings=(
                    Finding(
                        code="measures.exit.reminder_not_written",
                        severity=Severity.MEDIUM,
                        citations=(item6, policy_cite),
                        subject=person,
                        remedies=("measures.remedy.exit_reminder",),
                    ),
                ),
                facts={"due": due},
                parameters=(grace,),
            )
        )
    elif procedure.reminder_on > due:
        criteria.append(late(code, (item6,), procedure.reminder_on))
    else:
        criteria.append(met(code, (item6,)))
    # access revoked (library policy: by the due day)
    code = "measures.exit.access"
    access_cites = (rb.cite(f"{_SPC}:6.1.5"), policy_cite)
    never = sorted({g.secret_id for g in grants if g.revoked is None})
    late_grants = [g.revoked for g in grants if g.revoked is not None and g.revoked > due]
    if procedure.access_revoked_on is None or never:
        criteria.append(
            missing(
                code,
                access_cites,
                "measures.remedy.exit_access",
                secrets=", ".join(never) or "-",
            )
        )
    elif procedure.access_revoked_on > due or late_grants:
        done = max([procedure.access_revoked_on, *late_grants])
        criteria.append(late(code, access_cites, done))
    else:
        criteria.append(met(code, access_cites))
    return Assessment(
        kind="exit_check",
        subject=person,
        as_of=day,
        outcome=combine_outcomes(c.outcome for c in criteria),
        citations=(item6, policy_cite),
        criteria=tuple(criteria),
        findings=(
            Finding(
                code="measures.exit.summary",
                severity=Severity.INFO,
                citations=(item6,),
                args={"secrets": len(known), "carriers": len(held), "last_day": procedure.last_day},
                subject=person,
            ),
        ),
        parameters=(grace,),
    )
