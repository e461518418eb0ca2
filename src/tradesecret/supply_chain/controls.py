"""
Production-floor controls at a contract factory, as confidentiality measures.

A brand's designs leak from the production line too: staff photographing parts, rejected
parts sold on. :func:`check_floor_controls` checks five controls and reports what is
missing:

* phones prohibited on the line (restricting devices that can record the secret: the
  library's reading of SPC Trade Secret Provisions Art. 6 item 5, otherwise item 7);
* signal jammers -- **only where lawful**: the library holds no rule on radio jamming, so
  a jammer without a recorded lawful basis is a finding, and one with a basis is reported
  as the owner's own assessment;
* a staff code of conduct signed by everyone on the line (rules imposed on persons with
  access, Art. 6 item 2);
* an on-site supervisor keeping a daily production log with photos (separate management
  of the workshop, Art. 6 item 3);
* destruction of non-conforming parts on video, the video kept at least six months
  (``supply_chain.controls.destruction_video_retention_months``, common practice): each
  record gets its retention deadline, computed with :func:`~tradesecret.dates.term_end`
  (the period runs from the day after the destruction).

:func:`floor_measures` turns the controls in place into
:class:`~tradesecret.measures.ConfidentialityMeasure` records for the secrets registry.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Final

import attrs
import pendulum

from tradesecret.dates import term_end, to_date
from tradesecret.engine import Check, Effect, LegalClock, RuleTable
from tradesecret.exceptions import Problem
from tradesecret.facts import UNKNOWN, Tri, not_
from tradesecret.law import Citation
from tradesecret.measures import ConfidentialityMeasure, MeasureKind
from tradesecret.results import Assessment, Criterion, Finding, Outcome, Severity
from tradesecret.rulebook import ParameterValue, Rulebook, default_rulebook
from tradesecret.supply_chain._common import (
    COMMON_PRACTICE,
    POLICY,
    SPC_MEASURES,
    collect,
    date_or_problem,
)
from tradesecret.supply_chain._floor_model import (
    DestructionRecord,
    FloorControlReport,
    FloorControls,
    RetentionDeadline,
)

__all__ = [
    "DestructionRecord",
    "FloorControlReport",
    "FloorControls",
    "RetentionDeadline",
    "check_floor_controls",
    "floor_measures",
]


def _site(c: FloorControls) -> str:
    return c.site


def _unsigned(c: FloorControls) -> Tri:
    """Someone on the line has not signed (unknown while either count is not stated)."""
    signed, staff = c.code_of_conduct_signed, c.staff_count
    if signed is UNKNOWN or staff is UNKNOWN:
        return Tri.UNKNOWN
    return Tri.of(signed < staff)


def _conduct_args(c: FloorControls) -> dict[str, object]:
    return {"signed": c.code_of_conduct_signed, "staff": c.staff_count}


def _lacks(name: str) -> Callable[[FloorControls], Tri]:
    """The control ``name`` is stated absent (unknown while not stated)."""
    return lambda c: not_(getattr(c, name))


def _jammer_unlawful(c: FloorControls) -> bool:
    return c.signal_jammer_installed and not c.jammer_lawful_basis


def _jammer_assessed(c: FloorControls) -> bool:
    return c.signal_jammer_installed and bool(c.jammer_lawful_basis)


#: A control missing from the site: Art. 6 of SPC 2020 is context (it lists measures).
_missing = partial(
    Check[FloorControls], effect=Effect.FAILS, context=(SPC_MEASURES,), subject=_site
)
_missing_by_policy = partial(_missing, severity=Severity.HIGH, basis=(POLICY,))
_missing_in_practice = partial(_missing, severity=Severity.MEDIUM, basis=(COMMON_PRACTICE,))

# Phones off the line: the library's reading of SPC 2020 Art. 6 item 5 「对能够接触、获取商业秘密的计算机设备、
# 电子设备……采取禁止或者限制使用、访问、存储、复制等措施的」 (a phone records the part). The check rests on the library's policy;
# the article is context only (it lists measures, it does not require this one).
PHONES: Final = RuleTable[FloorControls](
    criterion="supply_chain.controls.phones",
    basis=(POLICY,),
    checks=(
        _missing_by_policy(code="supply_chain.controls.missing.prohibit_phones",
                           facts=("phones_prohibited",), when=_lacks("phones_prohibited"),
                           remedies=("supply_chain.remedy.prohibit_phones",),
                           clause="法释〔2020〕7号 第六条第一款第（五）项（context）："
                                  "……电子设备……采取禁止或者限制使用、访问、存储、复制等措施的"),
    ),
)  # fmt: skip

# A staff code of conduct signed by everyone on the line: common contracting practice (Art. 6
# item 2 「通过章程、培训、规章制度、书面告知等方式，……提出保密要求的」 is context).
CODE_OF_CONDUCT: Final = RuleTable[FloorControls](
    criterion="supply_chain.controls.code_of_conduct",
    basis=(COMMON_PRACTICE,),
    checks=(
        _missing_in_practice(code="supply_chain.controls.missing.code_of_conduct",
                             facts=("code_of_conduct_signed", "staff_count"), when=_unsigned,
                             args=_conduct_args, remedies=("supply_chain.remedy.code_of_conduct",),
                             clause="法释〔2020〕7号 第六条第一款第（二）项（context）："
                                    "通过章程、培训、规章制度、书面告知等方式，……提出保密要求的"),
    ),
)  # fmt: skip

# An on-site supervisor keeping a daily production log with photos: common practice (Art. 6
# item 3 「对涉密的厂房、车间等生产经营场所限制来访者或者进行区分管理」 is context).
_supervision = partial(
    _missing_in_practice,
    clause="法释〔2020〕7号 第六条第一款第（三）项（context）：对涉密的厂房、车间等生产经营场所……进行区分管理",
)

SUPERVISOR: Final = RuleTable[FloorControls](
    criterion="supply_chain.controls.supervisor",
    basis=(COMMON_PRACTICE,),
    checks=(
        _supervision(code="supply_chain.controls.missing.supervisor", facts=("supervisor_on_site",),
                     when=_lacks("supervisor_on_site"), remedies=("supply_chain.remedy.supervisor",)),
        _supervision(code="supply_chain.controls.missing.daily_log", facts=("daily_log",),
                     when=_lacks("daily_log"), remedies=("supply_chain.remedy.daily_log",)),
        _supervision(code="supply_chain.controls.missing.daily_photos", facts=("daily_photos",),
                     when=_lacks("daily_photos"), remedies=("supply_chain.remedy.daily_photos",)),
    ),
)  # fmt: skip

# A jammer only where lawful: the library holds no rule on radio jamming (policy).
_jammer_policy = partial(Check[FloorControls], basis=(POLICY,), subject=_site)

JAMMER: Final = RuleTable[FloorControls](
    criterion="supply_chain.controls.jammer",
    basis=(POLICY,),
    checks=(
        _jammer_policy(code="supply_chain.controls.missing.jammer_lawful_basis", severity=Severity.HIGH,
                       effect=Effect.FAILS, when=_jammer_unlawful,
                       remedies=("supply_chain.remedy.jammer_lawful_basis",)),
        _jammer_policy(code="supply_chain.controls.jammer_owner_assessment", severity=Severity.INFO,
                       effect=Effect.NOTES, when=_jammer_assessed,
                       args=lambda c: {"basis": c.jammer_lawful_basis or ""}),
    ),
)  # fmt: skip


def check_floor_controls(
    controls: FloorControls, *, as_of: object, rulebook: Rulebook | None = None
) -> FloorControlReport:
    """
    Check the production-floor controls on ``as_of`` and compute retention deadlines.

    Criteria (``supply_chain.controls.*``): ``phones``, ``jammer`` (not applicable when no
    jammer is used), ``code_of_conduct``, ``supervisor``, ``destruction_video`` (not
    applicable before any destruction). The outcome is :meth:`Outcome.combine` of them: a
    control not checked (``UNKNOWN``) leaves its criterion undetermined, naming the fact.

    Every check rests on common practice or the library's policy; SPC 2020 Art. 6 is cited
    as context where in force (from 2020-09-12) and never makes a practice figure binding.
    """
    rb = rulebook or default_rulebook()
    bad: list[Problem] = []
    day = date_or_problem(as_of, "as_of", bad)
    if not isinstance(controls, FloorControls):
        bad.append(Problem.of("controls", type(controls).__name__, "must be FloorControls"))
    collect(bad)
    assert day is not None
    clock = LegalClock(rb, day)
    context = clock.those_in_force([SPC_MEASURES])
    criteria = [
        _with_context(PHONES.evaluate(controls, on=day, rulebook=rb, clock=clock), context),
        _jammer(controls, day, rb, clock),
        _with_context(
            CODE_OF_CONDUCT.evaluate(controls, on=day, rulebook=rb, clock=clock), context
        ),
        _with_context(SUPERVISOR.evaluate(controls, on=day, rulebook=rb, clock=clock), context),
    ]
    video, retention, retention_param = _destruction_video(controls, day, rb, context)
    criteria.append(video)
    assessment = Assessment(
        kind="floor_controls",
        subject=controls.site,
        as_of=day,
        outcome=Outcome.combine(c.outcome for c in criteria),
        citations=(rb.cite(COMMON_PRACTICE), rb.cite(POLICY)),
        context=context,
        criteria=tuple(criteria),
        parameters=(retention_param,),
    )
    return FloorControlReport(assessment=assessment, retention=tuple(retention))


def _with_context(criterion: Criterion, context: tuple[Citation, ...]) -> Criterion:
    return attrs.evolve(criterion, context=context)


def _jammer(
    controls: FloorControls, day: pendulum.Date, rb: Rulebook, clock: LegalClock
) -> Criterion:
    if not controls.signal_jammer_installed:
        return Criterion(
            code=JAMMER.criterion, outcome=Outcome.NOT_APPLICABLE, citations=(rb.cite(POLICY),)
        )
    return JAMMER.evaluate(controls, on=day, rulebook=rb, clock=clock)


def _destruction_video(
    controls: FloorControls,
    day: pendulum.Date,
    rb: Rulebook,
    context: tuple[Citation, ...],
) -> tuple[Criterion, list[RetentionDeadline], ParameterValue]:
    """
    Destruction on video, kept at least the practice figure's months from the day after
    the destruction (temporal: imperative, with :func:`~tradesecret.dates.term_end`).
    """
    param = rb.param("supply_chain.controls.destruction_video_retention_months", as_of=day)
    months = param.as_int()
    practice = (rb.cite(COMMON_PRACTICE),)
    retention: list[RetentionDeadline] = []
    problems: list[Finding] = []
    past = [r for r in controls.destructions if r.destroyed_on <= day]
    high = partial(Finding, severity=Severity.HIGH, citations=practice, context=context)
    for record in past:
        if record.video_ref is None:
            problems.append(high(code="supply_chain.controls.missing.destruction_video",
                                 args={"record": record.id, "destroyed": record.destroyed_on},
                                 subject=record.id, remedies=("supply_chain.remedy.destruction_video",)))  # fmt: skip
            continue
        keep_until = term_end(record.destroyed_on, months=months)
        retention.append(
            RetentionDeadline(
                record_id=record.id,
                destroyed_on=record.destroyed_on,
                keep_until=keep_until,
                months=months,
                ended=keep_until < day,
            )
        )
        if record.video_deleted_on is not None and record.video_deleted_on <= keep_until:
            deleted = {"deleted": record.video_deleted_on, "keep_until": keep_until}
            problems.append(high(code="supply_chain.controls.video_deleted_early",
                                 args={"record": record.id, **deleted}, subject=record.id,
                                 remedies=("supply_chain.remedy.retain_video",)))  # fmt: skip
    outcome = Outcome.NOT_APPLICABLE if not past else (Outcome.NOT_MET if problems else Outcome.MET)
    criterion = Criterion(
        code="supply_chain.controls.destruction_video",
        outcome=outcome,
        citations=practice,
        context=context,
        findings=tuple(problems),
        parameters=(param,),
    )
    return criterion, retention, param


def floor_measures(
    controls: FloorControls, *, start: object, secret_ids: tuple[str, ...] = ()
) -> tuple[ConfidentialityMeasure, ...]:
    """
    The controls in place as confidentiality measures for the registry.

    Phones prohibited -> device restriction; jammer with a lawful basis -> network
    restriction; code of conduct signed by all -> rules; supervisor with daily log and
    photos -> restricted premises; every destruction filmed -> other measure.
    Ids are ``<site>:<control>``.
    """
    day = to_date(start, path="start")
    kinds: list[tuple[str, MeasureKind, str]] = []
    if controls.phones_prohibited is True:
        kinds.append(("phones", MeasureKind.DEVICE_RESTRICTION, "phones prohibited on the line"))
    if controls.signal_jammer_installed and controls.jammer_lawful_basis:
        kinds.append(
            ("jammer", MeasureKind.NETWORK_RESTRICTION, "signal jammer (lawful basis recorded)")
        )
    if (
        controls.staff_count is not UNKNOWN
        and controls.code_of_conduct_signed is not UNKNOWN
        and controls.code_of_conduct_signed >= controls.staff_count
    ):
        kinds.append(("code_of_conduct", MeasureKind.RULES, "staff code of conduct signed"))
    if all(
        v is True for v in (controls.supervisor_on_site, controls.daily_log, controls.daily_photos)
    ):
        kinds.append(
            (
                "supervisor",
                MeasureKind.RESTRICTED_PREMISES,
                "on-site supervisor, daily log and photos",
            )
        )
    if controls.destructions and all(d.video_ref for d in controls.destructions):
        kinds.append(
            ("destruction_video", MeasureKind.OTHER, "non-conforming parts destroyed on video")
        )
    return tuple(
        ConfidentialityMeasure(
            id=f"{controls.site}:{name}",
            kind=kind,
            start=day,
            secret_ids=secret_ids,
            areas=(controls.site,),
            description=text,
        )
        for name, kind, text in kinds
    )
