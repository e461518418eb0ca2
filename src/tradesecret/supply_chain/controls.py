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

from typing import TYPE_CHECKING

import attrs
import pendulum

from tradesecret._convert import tuple_of
from tradesecret.dates import term_end, to_date
from tradesecret.exceptions import Problem
from tradesecret.law import Citation
from tradesecret.measures import ConfidentialityMeasure, MeasureKind
from tradesecret.results import Assessment, Criterion, Finding, Outcome, Severity
from tradesecret.rulebook import Rulebook, default_rulebook
from tradesecret.supply_chain._common import (
    COMMON_PRACTICE,
    POLICY,
    SPC_MEASURES,
    check_id,
    collect,
    date_or_problem,
    heading,
    in_force_cites,
    normalize_dates,
)

if TYPE_CHECKING:
    from tradesecret.i18n import Format, Localizer

__all__ = [
    "DestructionRecord",
    "FloorControlReport",
    "FloorControls",
    "RetentionDeadline",
    "check_floor_controls",
    "floor_measures",
]


@attrs.frozen(kw_only=True)
class DestructionRecord:
    """
    One destruction of non-conforming parts.

    Attributes:
        id: Record id.
        destroyed_on: Day of the destruction.
        video_ref: Reference of the video of it; ``None`` when not filmed.
        video_deleted_on: Day the video was deleted, if it was.
        parts: What was destroyed.
    """

    id: str
    destroyed_on: pendulum.Date
    video_ref: str | None = None
    video_deleted_on: pendulum.Date | None = None
    parts: str = ""

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        check_id(self.id, "id", problems)
        normalize_dates(self, ("destroyed_on", "video_deleted_on"), problems)
        collect(problems)


@attrs.frozen(kw_only=True)
class FloorControls:
    """
    The production-floor controls at one site. ``None`` means "not checked yet".

    Attributes:
        site: The factory or line.
        phones_prohibited: Personal phones are prohibited on the line.
        signal_jammer_installed: A signal jammer is used.
        jammer_lawful_basis: The permission or legal opinion the owner relies on for it.
        staff_count: Staff working on the line.
        code_of_conduct_signed: How many of them signed the code of conduct.
        supervisor_on_site: The brand has a supervisor on site.
        daily_log: The supervisor keeps a daily production log.
        daily_photos: The log has daily photos.
        destructions: Destructions of non-conforming parts.
    """

    site: str
    phones_prohibited: bool | None = None
    signal_jammer_installed: bool = False
    jammer_lawful_basis: str | None = None
    staff_count: int | None = None
    code_of_conduct_signed: int | None = None
    supervisor_on_site: bool | None = None
    daily_log: bool | None = None
    daily_photos: bool | None = None
    destructions: tuple[DestructionRecord, ...] = attrs.field(
        default=(), validator=tuple_of(DestructionRecord)
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        check_id(self.site, "site", problems)
        for name in ("staff_count", "code_of_conduct_signed"):
            value = getattr(self, name)
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or value < 0
            ):
                problems.append(Problem.of(name, value, "must be a non-negative integer"))
        if (
            self.staff_count is not None
            and self.code_of_conduct_signed is not None
            and self.code_of_conduct_signed > self.staff_count
        ):
            problems.append(
                Problem.of(
                    "code_of_conduct_signed", self.code_of_conduct_signed, "exceeds staff_count"
                )
            )
        ids = [d.id for d in self.destructions]
        if len(set(ids)) != len(ids):
            problems.append(Problem.of("destructions", ids, "duplicate record id"))
        for i, d in enumerate(self.destructions):
            if d.video_deleted_on is not None and d.video_deleted_on < d.destroyed_on:
                problems.append(
                    Problem.of(
                        f"destructions[{i}].video_deleted_on",
                        d.video_deleted_on,
                        "before destroyed_on",
                    )
                )
        collect(problems)


@attrs.frozen(kw_only=True)
class RetentionDeadline:
    """
    How long the video of one destruction must be kept.

    Attributes:
        record_id: The destruction record.
        destroyed_on: Day of the destruction.
        keep_until: Last day of the retention period (keep the video at least through it).
        months: Retention period applied.
        ended: True when ``keep_until`` is before ``as_of`` (the video may now be deleted).
    """

    record_id: str
    destroyed_on: pendulum.Date
    keep_until: pendulum.Date
    months: int
    ended: bool


@attrs.frozen(kw_only=True)
class FloorControlReport:
    """
    The checklist result: one criterion per control, plus the retention deadlines.

    Attributes:
        assessment: Kind ``floor_controls``; criteria ``supply_chain.controls.<control>``.
        retention: One deadline per destruction record filmed.
    """

    assessment: Assessment
    retention: tuple[RetentionDeadline, ...] = attrs.field(validator=tuple_of(RetentionDeadline))

    @property
    def missing(self) -> tuple[str, ...]:
        """The controls not in place (criteria not met), by name."""
        return tuple(
            c.code.removeprefix("supply_chain.controls.")
            for c in self.assessment.criteria
            if c.outcome is Outcome.NOT_MET
        )

    def __explain__(self, loc: Localizer, fmt: Format) -> str:
        """Render the checklist and the retention deadlines."""
        from tradesecret.i18n import explain  # noqa: PLC0415 - presentation layer, used lazily

        body = explain(self.assessment, locale=loc.locale, format=fmt)
        if not self.retention:
            return body
        lines = ["", heading(fmt, 3, loc.term("heading.supply_chain.retention"))]
        lines += [
            "- "
            + loc.message(
                "supply_chain.controls.retention_line",
                {"record": r.record_id, "destroyed": r.destroyed_on, "keep_until": r.keep_until},
            )
            for r in self.retention
        ]
        return body + "\n" + "\n".join(lines)


def check_floor_controls(
    controls: FloorControls, *, as_of: object, rulebook: Rulebook | None = None
) -> FloorControlReport:
    """
    Check the production-floor controls on ``as_of`` and compute retention deadlines.

    Criteria (``supply_chain.controls.*``): ``phones``, ``jammer`` (not applicable when no
    jammer is used), ``code_of_conduct``, ``supervisor``, ``destruction_video`` (not
    applicable before any destruction). Outcome of the whole: not met when a control is
    missing, insufficient evidence when one is unchecked, met otherwise.
    """
    rb = rulebook or default_rulebook()
    bad: list[Problem] = []
    day = date_or_problem(as_of, "as_of", bad)
    if not isinstance(controls, FloorControls):
        bad.append(Problem.of("controls", type(controls).__name__, "must be FloorControls"))
    collect(bad)
    assert day is not None
    measures = in_force_cites(rb, day, SPC_MEASURES)
    policy = rb.cite(POLICY)
    practice = rb.cite(COMMON_PRACTICE)
    site = controls.site

    def criterion(
        name: str,
        outcome: Outcome,
        cites: tuple[Citation, ...],
        *findings: Finding,
    ) -> Criterion:
        return Criterion(
            code=f"supply_chain.controls.{name}",
            outcome=outcome,
            citations=cites,
            findings=findings,
        )

    def finding(
        code: str, severity: Severity, cites: tuple[Citation, ...], **args: object
    ) -> Finding:
        remedy = f"supply_chain.remedy.{code.rsplit('.', 1)[-1]}"
        return Finding(
            code=code,
            severity=severity,
            citations=cites,
            args=args,
            subject=site,
            remedies=(remedy,),
        )

    def unchecked(name: str, cites: tuple[Citation, ...]) -> Criterion:
        return criterion(
            name,
            Outcome.INSUFFICIENT_EVIDENCE,
            cites,
            Finding(
                code=f"supply_chain.controls.outstanding.{name}",
                severity=Severity.INFO,
                citations=(policy,),
                subject=site,
            ),
        )

    criteria: list[Criterion] = []
    base = (*measures, policy)
    # phones
    if controls.phones_prohibited is None:
        criteria.append(unchecked("phones", base))
    elif controls.phones_prohibited:
        criteria.append(criterion("phones", Outcome.MET, base))
    else:
        criteria.append(
            criterion(
                "phones",
                Outcome.NOT_MET,
                base,
                finding("supply_chain.controls.missing.prohibit_phones", Severity.HIGH, base),
            )
        )
    # jammer
    if not controls.signal_jammer_installed:
        criteria.append(criterion("jammer", Outcome.NOT_APPLICABLE, (policy,)))
    elif controls.jammer_lawful_basis:
        criteria.append(
            criterion(
                "jammer",
                Outcome.MET,
                (policy,),
                Finding(
                    code="supply_chain.controls.jammer_owner_assessment",
                    severity=Severity.INFO,
                    citations=(policy,),
                    args={"basis": controls.jammer_lawful_basis},
                    subject=site,
                ),
            )
        )
    else:
        criteria.append(
            criterion(
                "jammer",
                Outcome.NOT_MET,
                (policy,),
                finding(
                    "supply_chain.controls.missing.jammer_lawful_basis", Severity.HIGH, (policy,)
                ),
            )
        )
    # code of conduct
    if controls.staff_count is None or controls.code_of_conduct_signed is None:
        criteria.append(unchecked("code_of_conduct", base))
    elif controls.code_of_conduct_signed < controls.staff_count:
        criteria.append(
            criterion(
                "code_of_conduct",
                Outcome.NOT_MET,
                base,
                finding(
                    "supply_chain.controls.missing.code_of_conduct",
                    Severity.MEDIUM,
                    base,
                    signed=controls.code_of_conduct_signed,
                    staff=controls.staff_count,
                ),
            )
        )
    else:
        criteria.append(criterion("code_of_conduct", Outcome.MET, base))
    # supervisor with daily log and photos
    parts = (controls.supervisor_on_site, controls.daily_log, controls.daily_photos)
    if any(p is False for p in parts):
        lacking = [
            name
            for name, p in zip(("supervisor", "daily_log", "daily_photos"), parts, strict=True)
            if p is False
        ]
        criteria.append(
            criterion(
                "supervisor",
                Outcome.NOT_MET,
                base,
                *(
                    finding(f"supply_chain.controls.missing.{name}", Severity.MEDIUM, base)
                    for name in lacking
                ),
            )
        )
    elif any(p is None for p in parts):
        criteria.append(unchecked("supervisor", base))
    else:
        criteria.append(criterion("supervisor", Outcome.MET, base))
    # destruction on video, kept at least N months
    retention_param = rb.param(
        "supply_chain.controls.destruction_video_retention_months", as_of=day
    )
    months = retention_param.as_int()
    video_cites = (practice, *measures)
    retention: list[RetentionDeadline] = []
    problems: list[Finding] = []
    for record in controls.destructions:
        if record.destroyed_on > day:
            continue
        if record.video_ref is None:
            problems.append(
                Finding(
                    code="supply_chain.controls.missing.destruction_video",
                    severity=Severity.HIGH,
                    citations=video_cites,
                    args={"record": record.id, "destroyed": record.destroyed_on},
                    subject=record.id,
                    remedies=("supply_chain.remedy.destruction_video",),
                )
            )
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
            problems.append(
                Finding(
                    code="supply_chain.controls.video_deleted_early",
                    severity=Severity.HIGH,
                    citations=video_cites,
                    args={
                        "record": record.id,
                        "deleted": record.video_deleted_on,
                        "keep_until": keep_until,
                    },
                    subject=record.id,
                    remedies=("supply_chain.remedy.retain_video",),
                )
            )
    past = [r for r in controls.destructions if r.destroyed_on <= day]
    outcome = Outcome.NOT_APPLICABLE if not past else (Outcome.NOT_MET if problems else Outcome.MET)
    criteria.append(
        Criterion(
            code="supply_chain.controls.destruction_video",
            outcome=outcome,
            citations=video_cites,
            findings=tuple(problems),
            parameters=(retention_param,),
        )
    )
    outcomes = {c.outcome for c in criteria}
    overall = (
        Outcome.NOT_MET
        if Outcome.NOT_MET in outcomes
        else Outcome.INSUFFICIENT_EVIDENCE
        if Outcome.INSUFFICIENT_EVIDENCE in outcomes
        else Outcome.MET
    )
    assessment = Assessment(
        kind="floor_controls",
        subject=site,
        as_of=day,
        outcome=overall,
        citations=(*measures, practice, policy),
        criteria=tuple(criteria),
        parameters=(retention_param,),
    )
    return FloorControlReport(assessment=assessment, retention=tuple(retention))


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
    if controls.phones_prohibited:
        kinds.append(("phones", MeasureKind.DEVICE_RESTRICTION, "phones prohibited on the line"))
    if controls.signal_jammer_installed and controls.jammer_lawful_basis:
        kinds.append(
            ("jammer", MeasureKind.NETWORK_RESTRICTION, "signal jammer (lawful basis recorded)")
        )
    if (
        controls.staff_count is not None
        and controls.code_of_conduct_signed is not None
        and controls.code_of_conduct_signed >= controls.staff_count
    ):
        kinds.append(("code_of_conduct", MeasureKind.RULES, "staff code of conduct signed"))
    if controls.supervisor_on_site and controls.daily_log and controls.daily_photos:
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
