"""
Does the information qualify as a trade secret as of the date of the act in question?

:func:`assess_trade_secret` checks the three cumulative elements of AUCL 2019
Art. 9(4) (AUCL 2025 Art. 10 for acts from 2025-10-15; the article is chosen from
data by the act date, SPC 法释〔2020〕7号 Art. 28):

1. ``definition.not_publicly_known`` -- SPC Art. 3, each Art. 4(1) item checked
   against the recorded exposures, and the Art. 4(2) compilation rule;
2. ``definition.commercial_value`` -- SPC Art. 7, including stage results;
3. ``definition.reasonable_measures`` -- SPC Arts. 5-6: measures taken *before* the
   act, each Art. 6 item, and the Art. 5(2) factors;

plus, for customer information, ``definition.customer_information`` (SPC Art. 2).

Each criterion is met, not met, contested or insufficient evidence, with the facts
relied on, citations and, where a gap remains, remedies that say what evidence or
measure would close it.

Readings chosen where the text is open (each selectable):

* ``timing`` -- SPC Art. 5(1) requires measures taken "before the alleged infringement"
  (被诉侵权行为发生以前). Default :attr:`MeasureTiming.BEFORE_ACT`: a measure counts only
  if it started on a day before the act date and was still in force on it.
  :attr:`MeasureTiming.ON_OR_BEFORE_ACT` also counts a measure that started on the act date.
* ``require_correspondence`` -- Art. 6 finds measures taken where one applies *and
  normally suffices*; Art. 5(2) weighs how well measures correspond to the secret.
  Default ``True``: at least one proven measure must be specific to the secret (scoped to
  it, or identifying it); company-wide generic measures alone leave the criterion at
  insufficient evidence. ``False`` accepts generic measures (with a low finding).
* Art. 4(1) says the court *may* (可以) find information publicly known in each listed
  situation, and Art. 6 that it *shall* (应当) find measures taken where one listed measure
  applies and normally suffices. The library reads a *confirmed* exposure
  (:attr:`PublicExposure.confirmed`) as defeating the points it covers -- the court keeps a
  discretion, so the finding says "may" -- and an exposure recorded with
  ``confirmed=False`` as contested, which is how to model a case where that discretion is
  in play. Any counted, evidenced measure that identifies the secret meets the measures
  element, whichever Art. 6 item it falls under.
* ``public_points`` -- when some secret points are public, default
  :attr:`PublicPoints.REMAINING_POINTS` assesses the points that remain (the claim can be
  narrowed to them); :attr:`PublicPoints.ANY_POINT_DEFEATS` treats the claimed secret as a
  whole and finds it publicly known if any point is.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs
import pendulum

from tradesecret.definition._model import (
    ExposureKind,
    SecretKind,
    TradeSecret,
    ValueKind,
)
from tradesecret.definition.registry import SecretRegistry
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.measures._legal import (
    Citer,
    MeasureTiming,
    _cite,
    _ids,
    combine_outcomes,
    date_and_problems,
    measures_and_problems,
    nda_as_measure,
    reasonable_measures,
)
from tradesecret.measures._model import ConfidentialityMeasure, NonDisclosureAgreement
from tradesecret.money import Money
from tradesecret.results import Assessment, Criterion, Finding, Outcome, Severity, TraceStep
from tradesecret.rulebook import ParameterValue, Rulebook, default_rulebook

__all__ = [
    "MeasureTiming",
    "PublicPoints",
    "assess_trade_secret",
    "assess_trade_secrets",
    "combine_outcomes",
    "nda_as_measure",
    "statutory_basis",
]

_SPC = "spc-ts@2020-09-10"
_POLICY = "tradesecret-policy@2026-11-21"


class PublicPoints(enum.Enum):
    """How public secret points affect the claim; see the module docstring."""

    REMAINING_POINTS = "remaining_points"
    ANY_POINT_DEFEATS = "any_point_defeats"


def statutory_basis(*, as_of: pendulum.Date, rulebook: Rulebook) -> ParameterValue:
    """
    The parameter naming the statutory definition in force on ``as_of``.

    Its first citation is the article (``aucl@2019-04-23:9.4`` or ``aucl@2025-06-27:10``).

    Raises:
        OutOfCoverageError: for acts before 2019-04-23.
    """
    return rulebook.param("definition.statutory_article", as_of=as_of)


def assess_trade_secret(
    secret: TradeSecret,
    *,
    as_of: object,
    measures: Iterable[ConfidentialityMeasure | NonDisclosureAgreement] = (),
    rulebook: Rulebook | None = None,
    timing: MeasureTiming = MeasureTiming.BEFORE_ACT,
    require_correspondence: bool = True,
    public_points: PublicPoints = PublicPoints.REMAINING_POINTS,
    act_end: object = None,
) -> Assessment:
    """
    Assess the three elements of a trade secret as of ``as_of``, the date of the act in
    question (or the day the question is asked, for a compliance review).

    Args:
        secret: The secret as described by the holder.
        as_of: The act date. Exposures on or before it count against secrecy (SPC Art. 3);
            measures must predate it (Art. 5(1)); the statutory article is chosen by it.
        measures: Confidentiality measures and NDAs; those not covering ``secret`` are
            ignored.
        rulebook: Defaults to :func:`~tradesecret.rulebook.default_rulebook`.
        timing: See :class:`MeasureTiming`.
        require_correspondence: See the module docstring.
        public_points: See :class:`PublicPoints`.
        act_end: For a continuing act, its last day (on or after ``as_of``, which is then
            the day it began). SPC Art. 28: an act that began before an amendment and
            continued after it is judged under the amended law, so the statutory article
            (and the burden-shifting note) is chosen by ``act_end``; secrecy and the
            measures are still judged at ``as_of``, when the act began. Default: the act
            is a single day.

    Returns:
        An :class:`~tradesecret.results.Assessment` of kind ``trade_secret``.

    Raises:
        InvalidInputError: every problem at once (a bad date, a secret or measure of the
            wrong type), each with its path.
        OutOfCoverageError: an act date before 2019-04-23.
    """
    day, law_day, items = _checked_input(as_of, act_end, measures, (secret,), single=True)
    rb = rulebook if rulebook is not None else default_rulebook()
    ctx = _Context.make(day, rb, timing, require_correspondence, public_points, law_day=law_day)
    return _assess(secret, items, ctx)


def _checked_input(
    as_of: object,
    act_end: object,
    measures: Iterable[ConfidentialityMeasure | NonDisclosureAgreement],
    secrets: Iterable[object],
    *,
    single: bool = False,
) -> tuple[pendulum.Date, pendulum.Date, tuple[ConfidentialityMeasure, ...]]:
    """
    The act date, the day whose law applies (Art. 28) and the measures, or one error
    listing every problem with its path.
    """
    day, problems = date_and_problems(as_of, "as_of")
    law_day = day
    if act_end is not None:
        law_day, end_problems = date_and_problems(act_end, "act_end")
        problems += end_problems
        if day is not None and law_day is not None and law_day < day:
            problems.append(Problem.of("act_end", law_day, "act_end is before as_of"))
    for i, secret in enumerate(secrets):
        if not isinstance(secret, TradeSecret):
            path = "secret" if single else f"secrets[{i}]"
            problems.append(Problem.of(path, secret, "expected a TradeSecret"))
    indexed, bad_items = measures_and_problems(measures)
    problems += bad_items
    if problems or day is None or law_day is None:
        raise InvalidInputError(problems)
    return day, law_day, tuple(m for _, m in indexed)


@attrs.frozen(kw_only=True)
class _Context:
    """What every secret of one call shares: the date, the rulebook, the readings."""

    day: pendulum.Date
    citer: Citer
    basis: ParameterValue
    shift: ParameterValue
    timing: MeasureTiming
    require_correspondence: bool
    public_points: PublicPoints

    @classmethod
    def make(
        cls,
        day: pendulum.Date,
        rb: Rulebook,
        timing: MeasureTiming,
        require_correspondence: bool,
        public_points: PublicPoints,
        *,
        law_day: pendulum.Date | None = None,
    ) -> _Context:
        law = law_day if law_day is not None else day
        return cls(
            day=day,
            citer=Citer(rb),
            basis=statutory_basis(as_of=law, rulebook=rb),
            shift=rb.param("definition.burden_shift_article", as_of=law),
            timing=timing,
            require_correspondence=require_correspondence,
            public_points=public_points,
        )


def _assess(
    secret: TradeSecret, items: tuple[ConfidentialityMeasure, ...], ctx: _Context
) -> Assessment:
    day, cz = ctx.day, ctx.citer
    criteria = [
        _not_publicly_known(secret, day, cz, ctx.public_points),
        _commercial_value(secret, day, cz),
        reasonable_measures(secret, items, day, cz, ctx.timing, ctx.require_correspondence),
    ]
    if _is_customer_information(secret):
        criteria.append(_customer_information(secret, cz))
    findings = list(_provenance(secret, day, cz))
    parameters = [ctx.basis]
    if criteria[2].outcome is Outcome.MET:
        parameters.append(ctx.shift)
        findings.append(
            Finding(
                code="definition.burden.shift"
                if ctx.shift.as_int()
                else "definition.burden.shift_unverified",
                severity=Severity.INFO,
                citations=(ctx.shift.citations[0],),
                subject=secret.id,
            )
        )
    return Assessment(
        kind="trade_secret",
        subject=secret.id,
        as_of=day,
        outcome=combine_outcomes(c.outcome for c in criteria),
        citations=(ctx.basis.citations[0], *cz.cite_all(f"{_SPC}:3", f"{_SPC}:5", f"{_SPC}:7")),
        criteria=tuple(criteria),
        findings=tuple(findings),
        parameters=tuple(parameters),
    )


def assess_trade_secrets(
    secrets: Iterable[TradeSecret] | SecretRegistry,
    measures: Iterable[ConfidentialityMeasure | NonDisclosureAgreement] = (),
    *,
    as_of: object,
    rulebook: Rulebook | None = None,
    timing: MeasureTiming = MeasureTiming.BEFORE_ACT,
    require_correspondence: bool = True,
    public_points: PublicPoints = PublicPoints.REMAINING_POINTS,
    act_end: object = None,
) -> tuple[Assessment, ...]:
    """
    :func:`assess_trade_secret` for many secrets at once, in input order.

    The measures are indexed by secret once (company-wide ones apply to all), so the cost
    is linear in secrets plus measures rather than their product; the cyclic garbage
    collector is paused while the results are built (it otherwise re-traverses every
    surviving result on each full collection, which made time per secret grow with the
    batch).

    Examples:
        >>> from tradesecret.definition import SecretKind, TradeSecret
        >>> found = assess_trade_secrets(
        ...     [TradeSecret(id="A", title="a", kind=SecretKind.TECHNICAL)], as_of="2025-01-02")
        >>> [(a.subject, a.outcome.value) for a in found]
        [('A', 'not_met')]
    """
    listed = secrets.secrets if isinstance(secrets, SecretRegistry) else tuple(secrets)
    day, law_day, items = _checked_input(as_of, act_end, measures, listed)
    rb = rulebook if rulebook is not None else default_rulebook()
    general = [m for m in items if m.all_secrets]
    by_secret: dict[str, list[ConfidentialityMeasure]] = {}
    for m in items:
        if not m.all_secrets:
            for sid in dict.fromkeys(m.secret_ids):
                by_secret.setdefault(sid, []).append(m)
    ctx = _Context.make(day, rb, timing, require_correspondence, public_points, law_day=law_day)
    return tuple(
        _assess(secret, (*general, *by_secret.get(secret.id, ())), ctx) for secret in listed
    )


def _provenance(secret: TradeSecret, day: pendulum.Date, rb: Citer) -> tuple[Finding, ...]:
    """
    Library heuristics on origin and ownership: not one of the three elements, but the
    holder must show it is the right holder (权利人) and where the information came from.
    """
    findings: list[Finding] = []
    if not secret.owner.strip():
        findings.append(
            Finding(
                code="definition.provenance.no_owner",
                severity=Severity.LOW,
                citations=_cite(rb, _POLICY),
                subject=secret.id,
                remedies=("definition.remedy.record_owner",),
            )
        )
    if not any(r.on <= day for r in secret.formation):
        findings.append(
            Finding(
                code="definition.provenance.no_formation_records",
                severity=Severity.LOW,
                citations=_cite(rb, _POLICY),
                args={"on": day},
                subject=secret.id,
                remedies=("definition.remedy.record_formation",),
            )
        )
    return tuple(findings)


def _is_customer_information(secret: TradeSecret) -> bool:
    return (
        secret.kind is SecretKind.CUSTOMER_INFORMATION
        or secret.customer_information is not None
        or any(s.kind is SecretKind.CUSTOMER_INFORMATION for s in secret.subtypes)
    )


# -- 1. not publicly known ------------------------------------------------------------------


def _not_publicly_known(
    secret: TradeSecret, day: pendulum.Date, rb: Citer, reading: PublicPoints
) -> Criterion:
    code = "definition.not_publicly_known"
    cites = _cite(rb, f"{_SPC}:3", f"{_SPC}:4")
    findings: list[Finding] = []
    trace: list[TraceStep] = []
    points = secret.point_ids()
    if not points:
        findings.append(
            Finding(
                code="definition.secrecy.no_secret_points",
                severity=Severity.HIGH,
                citations=_cite(rb, f"{_SPC}:27", f"{_SPC}:3"),
                subject=secret.id,
                remedies=("definition.remedy.define_secret_points",),
            )
        )
        return Criterion(
            code=code,
            outcome=Outcome.INSUFFICIENT_EVIDENCE,
            citations=cites,
            findings=tuple(findings),
            facts={"points": 0, "public": 0, "remaining": 0},
        )
    public: set[str] = set()
    contested: set[str] = set()
    whole_public = False
    whole_contested = False
    individually_public: set[str] = set()
    for exposure in secret.exposures:
        item = exposure.kind.item
        covered = exposure.covers or points
        if exposure.on > day:
            findings.append(
                Finding(
                    code="definition.secrecy.later_exposure",
                    severity=Severity.INFO,
                    citations=_cite(rb, f"{_SPC}:3", f"{_SPC}:17"),
                    args={"exposure": exposure.id, "on": exposure.on},
                    subject=secret.id,
                )
            )
            continue
        if exposure.kind is ExposureKind.PRODUCT_OBSERVATION and not exposure.simple_features_only:
            findings.append(
                Finding(
                    code="definition.secrecy.observation_not_simple",
                    severity=Severity.INFO,
                    citations=_cite(rb, f"{_SPC}:4.1.2", f"{_SPC}:14"),
                    args={"exposure": exposure.id},
                    subject=secret.id,
                    remedies=("definition.remedy.document_reverse_engineering_effort",),
                )
            )
            continue
        item_cite = rb.cite(f"{_SPC}:4.1.{item}")
        trace.append(
            TraceStep(
                rule=f"spc_ts_art4_1_item{item}",
                code=f"definition.secrecy.item{item}",
                citations=(item_cite,),
                args={"exposure": exposure.id, "points": _ids(covered)},
                on=exposure.on,
            )
        )
        if secret.compilation and exposure.covers:
            individually_public.update(exposure.covers)
            continue
        if exposure.confirmed:
            public.update(covered)
            whole_public = whole_public or not exposure.covers
            findings.append(
                Finding(
                    code=f"definition.secrecy.item{item}",
                    severity=Severity.HIGH,
                    citations=(item_cite,),
                    args={"exposure": exposure.id, "points": _ids(covered)},
                    subject=secret.id,
                    remedies=("definition.remedy.narrow_claim",),
                )
            )
        else:
            contested.update(covered)
            whole_contested = whole_contested or not exposure.covers
            findings.append(
                Finding(
                    code="definition.secrecy.alleged_exposure",
                    severity=Severity.MEDIUM,
                    citations=(item_cite,),
                    args={"exposure": exposure.id, "points": _ids(covered)},
                    subject=secret.id,
                    remedies=("definition.remedy.rebut_exposure",),
                )
            )
    if secret.compilation:
        findings.append(
            Finding(
                code="definition.secrecy.compilation",
                severity=Severity.INFO,
                citations=_cite(rb, f"{_SPC}:4.2"),
                args={"public": len(individually_public)},
                subject=secret.id,
            )
        )
    if not secret.secrecy_evidence:
        findings.append(
            Finding(
                code="definition.secrecy.no_search",
                severity=Severity.LOW,
                citations=_cite(rb, _POLICY),
                subject=secret.id,
                remedies=("definition.remedy.commission_search",),
            )
        )
    contested -= public
    remaining = [p for p in points if p not in public and p not in contested]
    if (
        whole_public
        or (not remaining and not contested)
        or (public and reading is PublicPoints.ANY_POINT_DEFEATS)
    ):
        outcome = Outcome.NOT_MET
    elif remaining:
        outcome = Outcome.MET
        if public or contested:
            findings.append(
                Finding(
                    code="definition.secrecy.points_remaining",
                    severity=Severity.MEDIUM,
                    citations=_cite(rb, f"{_SPC}:3", f"{_SPC}:27"),
                    args={"points": _ids(remaining)},
                    subject=secret.id,
                    remedies=("definition.remedy.narrow_claim",),
                )
            )
    else:
        outcome = Outcome.CONTESTED
    if whole_contested and outcome is Outcome.MET:
        outcome = Outcome.CONTESTED
    return Criterion(
        code=code,
        outcome=outcome,
        citations=cites,
        findings=tuple(findings),
        facts={"points": len(points), "public": len(public), "remaining": len(remaining)},
        evidence=(*(e.id for e in secret.exposures), *secret.secrecy_evidence),
        trace=tuple(trace),
    )


# -- 2. commercial value --------------------------------------------------------------------


def _commercial_value(secret: TradeSecret, day: pendulum.Date, rb: Citer) -> Criterion:
    code = "definition.commercial_value"
    usable = [v for v in secret.value_evidence if v.on is None or v.on <= day]
    findings: list[Finding] = []
    later = len(secret.value_evidence) - len(usable)
    if later:
        findings.append(
            Finding(
                code="definition.value.later_evidence",
                severity=Severity.INFO,
                citations=_cite(rb, f"{_SPC}:7.1"),
                args={"count": later},
                subject=secret.id,
            )
        )
    amounts = [v.amount for v in usable if v.amount is not None and v.kind is not ValueKind.OTHER]
    largest: Money | str = max(amounts, key=lambda m: m.amount) if amounts else "-"
    facts = {"items": len(usable), "largest": largest}
    if not usable:
        findings.append(
            Finding(
                code="definition.value.no_evidence",
                severity=Severity.HIGH,
                citations=_cite(rb, f"{_SPC}:7.1"),
                subject=secret.id,
                remedies=(
                    "definition.remedy.record_value",
                    "definition.remedy.record_stage_result",
                ),
            )
        )
        return Criterion(
            code=code,
            outcome=Outcome.INSUFFICIENT_EVIDENCE,
            citations=_cite(rb, f"{_SPC}:7"),
            findings=tuple(findings),
            facts=facts,
        )
    cites = [f"{_SPC}:7.1"]
    if any(v.kind is ValueKind.STAGE_RESULT for v in usable):
        cites.append(f"{_SPC}:7.2")
        findings.append(
            Finding(
                code="definition.value.stage_result",
                severity=Severity.INFO,
                citations=_cite(rb, f"{_SPC}:7.2"),
                subject=secret.id,
            )
        )
    if all(v.potential for v in usable):
        findings.append(
            Finding(
                code="definition.value.potential_only",
                severity=Severity.LOW,
                citations=_cite(rb, f"{_SPC}:7.1"),
                subject=secret.id,
                remedies=("definition.remedy.record_value",),
            )
        )
    return Criterion(
        code=code,
        outcome=Outcome.MET,
        citations=_cite(rb, *cites),
        findings=tuple(findings),
        facts=facts,
        evidence=tuple(v.evidence_id for v in usable if v.evidence_id),
    )


# -- 3. reasonable measures: criterion built in tradesecret.measures._legal (Arts. 5-6) ----


# -- customer information -------------------------------------------------------------------


def _customer_information(secret: TradeSecret, rb: Citer) -> Criterion:
    code = "definition.customer_information"
    info = secret.customer_information
    findings: list[Finding] = []
    if info is None:
        findings.append(
            Finding(
                code="definition.customer.undocumented",
                severity=Severity.MEDIUM,
                citations=_cite(rb, f"{_SPC}:1.3"),
                subject=secret.id,
                remedies=("definition.remedy.document_customer_depth",),
            )
        )
        return Criterion(
            code=code,
            outcome=Outcome.INSUFFICIENT_EVIDENCE,
            citations=_cite(rb, f"{_SPC}:1.3", f"{_SPC}:2"),
            findings=tuple(findings),
            facts={"customers": 0, "in_depth": 0},
        )
    in_depth = sorted(e.value for e in info.elements if e.in_depth)
    for customer in info.followed_individual_employee:
        findings.append(
            Finding(
                code="definition.customer.followed_employee",
                severity=Severity.INFO,
                citations=_cite(rb, f"{_SPC}:2.2"),
                args={"customer": customer},
                subject=secret.id,
            )
        )
    if info.relies_on_long_term_relationship_only:
        outcome = Outcome.NOT_MET
        findings.append(
            Finding(
                code="definition.customer.long_term_only",
                severity=Severity.HIGH,
                citations=_cite(rb, f"{_SPC}:2.1"),
                subject=secret.id,
                remedies=("definition.remedy.document_customer_depth",),
            )
        )
    else:
        outcome = Outcome.MET
    if not in_depth:
        # Library heuristic: identity and contact details alone are the part of a customer
        # list most often found in public channels (Art. 4(1) item 5 is checked separately).
        findings.append(
            Finding(
                code="definition.customer.identity_only",
                severity=Severity.MEDIUM,
                citations=_cite(rb, _POLICY),
                subject=secret.id,
                remedies=("definition.remedy.document_customer_depth",),
            )
        )
    return Criterion(
        code=code,
        outcome=outcome,
        citations=_cite(rb, f"{_SPC}:1.3", f"{_SPC}:2"),
        findings=tuple(findings),
        facts={"customers": info.customer_count, "in_depth": len(in_depth)},
    )
