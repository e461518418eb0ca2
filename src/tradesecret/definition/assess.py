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
from functools import partial
from typing import Final

import attrs
import pendulum

from tradesecret.definition._customer import customer_information, is_customer_information
from tradesecret.definition._law import SPC2007, SPC2020, DefinitionLaw
from tradesecret.definition._model import TradeSecret
from tradesecret.definition._secrecy import not_publicly_known
from tradesecret.definition._value import commercial_value
from tradesecret.definition.registry import SecretRegistry
from tradesecret.engine import Check, Effect, RuleTable
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.law import POLICY
from tradesecret.measures._criterion import reasonable_measures
from tradesecret.measures._legal import (
    Citer,
    MeasureTiming,
    combine_outcomes,
    date_and_problems,
    measures_and_problems,
    nda_as_measure,
)
from tradesecret.measures._model import ConfidentialityMeasure, NonDisclosureAgreement
from tradesecret.results import Assessment, Finding, Outcome, Severity
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


class PublicPoints(enum.Enum):
    """How public secret points affect the claim; see the module docstring."""

    REMAINING_POINTS = "remaining_points"
    ANY_POINT_DEFEATS = "any_point_defeats"


def statutory_basis(*, as_of: pendulum.Date, rulebook: Rulebook) -> ParameterValue:
    """
    The parameter naming the statutory definition in force on ``as_of``.

    Its first citation is the article (``aucl@1993-09-02:10`` from 1993-12-01 to
    ``aucl@2025-06-27:10`` from 2025-10-15).

    Raises:
        OutOfCoverageError: for acts before the first statute (1993-12-01).
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

    Before 1993-12-01 no statute defined a trade secret: the assessment is
    ``not_applicable`` with the finding ``definition.law.no_statute`` (never an error).
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
    """What every secret of one call shares: the law of the day, the rulebook, the readings."""

    law: DefinitionLaw
    citer: Citer
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
        return cls(
            law=DefinitionLaw.on(day, rb, law_day=law_day),
            citer=Citer(rb),
            timing=timing,
            require_correspondence=require_correspondence,
            public_points=public_points,
        )


def _assess(
    secret: TradeSecret, items: tuple[ConfidentialityMeasure, ...], ctx: _Context
) -> Assessment:
    law = ctx.law
    if law.statute is None:
        return _no_statute(secret, law)
    any_point = ctx.public_points is PublicPoints.ANY_POINT_DEFEATS
    criteria = [
        not_publicly_known(secret, law, any_point=any_point),
        commercial_value(secret, law),
        reasonable_measures(
            secret, items, law.day, ctx.citer, ctx.timing, ctx.require_correspondence, law=law
        ),
    ]
    if is_customer_information(secret):
        criteria.append(customer_information(secret, law))
    findings = list(_provenance(secret, law))
    parameters = [law.statute]
    findings += _burden(secret, law, criteria[2].outcome, parameters)
    return Assessment(
        kind="trade_secret",
        subject=secret.id,
        as_of=law.day,
        outcome=Outcome.combine(c.outcome for c in criteria),
        citations=(
            law.statute.citations[0],
            *law.cites(
                (f"{SPC2020}:3", f"{SPC2020}:5", f"{SPC2020}:7"),
                (f"{SPC2007}:9", f"{SPC2007}:10", f"{SPC2007}:11"),
            ),
        ),
        criteria=tuple(criteria),
        findings=tuple(findings),
        parameters=tuple(parameters),
    )


def _burden(
    secret: TradeSecret,
    law: DefinitionLaw,
    measures: Outcome,
    parameters: list[ParameterValue],
) -> list[Finding]:
    """
    Who proves what: from 2019-04-23 prima facie evidence of measures shifts the burden
    (AUCL 2019 Art. 32(1), AUCL 2025 Art. 39); before it the claimant proved every element
    (法释〔2007〕2号 Art. 14) -- the finding says there was no such rule then.
    """
    if not isinstance(law.shift, ParameterValue):
        said = law.shift.citations if law.shift is not None else law.statute_only()
        return [
            Finding(
                code="definition.burden.no_shift",
                severity=Severity.INFO,
                citations=said,
                args={"on": law.day},
                subject=secret.id,
            )
        ]
    if measures is not Outcome.MET:
        return []
    parameters.append(law.shift)
    return [
        Finding(
            code="definition.burden.shift"
            if law.shift.as_int()
            else "definition.burden.shift_unverified",
            severity=Severity.INFO,
            citations=(law.shift.citations[0],),
            subject=secret.id,
        )
    ]


def _no_statute(secret: TradeSecret, law: DefinitionLaw) -> Assessment:
    """
    Before 1993-12-01 no statute defined a trade secret: say so. Nothing binding rests on
    it, so the finding rests on the library's reading and mentions the first statute as
    context only.
    """
    policy = (law.rulebook.cite(POLICY),)
    first = law.statute_only()
    return Assessment(
        kind="trade_secret",
        subject=secret.id,
        as_of=law.day,
        outcome=Outcome.NOT_APPLICABLE,
        citations=policy,
        context=first,
        findings=(
            Finding(
                code="definition.law.no_statute",
                severity=Severity.INFO,
                citations=policy,
                context=first,
                args={"on": law.day},
                subject=secret.id,
            ),
        ),
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


@attrs.frozen(kw_only=True)
class _Provenance:
    """What the provenance rows read: the secret's stated owner and formation records."""

    secret_id: str
    owner: str
    formed: bool  # a formation record on or before the day
    day: pendulum.Date


_provenance_notes = partial(Check[_Provenance], severity=Severity.LOW, effect=Effect.NOTES,
                            basis=(POLICY,), subject=lambda f: f.secret_id)  # fmt: skip

#: Library heuristics on origin and ownership: not one of the three elements, but the holder
#: must show it is the right holder (权利人) and where the information came from.
PROVENANCE: Final = RuleTable[_Provenance](
    criterion="definition.provenance",
    basis=(POLICY,),
    checks=(
        _provenance_notes(code="definition.provenance.no_owner", when=lambda f: not f.owner.strip(),
                          remedies=("definition.remedy.record_owner",)),
        _provenance_notes(code="definition.provenance.no_formation_records", when=lambda f: not f.formed,
                          args=lambda f: {"on": f.day}, remedies=("definition.remedy.record_formation",)),
    ),
    clause="Library policy (paraphrase): the holder shows it owns the information and how it was formed.",
)  # fmt: skip


def _provenance(secret: TradeSecret, law: DefinitionLaw) -> tuple[Finding, ...]:
    """The provenance notes (:data:`PROVENANCE`) on the secret as of the law's day."""
    facts = _Provenance(
        secret_id=secret.id,
        owner=secret.owner,
        formed=any(r.on <= law.day for r in secret.formation),
        day=law.day,
    )
    fired, _ = PROVENANCE.run(facts, law.clock)
    return tuple(finding for _, finding in fired)
