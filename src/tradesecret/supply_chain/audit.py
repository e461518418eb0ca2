"""
Factory audit: check a supplier before it sees anything.

:func:`audit_factory` evaluates a :class:`FactoryProfile` -- verifiable facts, each
``None`` until checked -- in the three steps of a factory audit (qualifications, quality
control, reputation) and against the three high-risk types:

* **a trading company posing as a factory** (贸易公司冒充工厂): refuses real-time workshop
  video, quotes far below market (RMB 20 against a market RMB 30);
* **poor quality control** (品控差): says samples meet requirements but refuses test
  reports or pre-production sign-off, or its own test report fails the limit;
* **insufficient certification capability** (认证能力不足): no certification case in the
  look-back window, vague answers.

Every threshold is a dated parameter in ``data/supply_chain.toml`` (common practice or
the library's policy, never law), so an embedding system overrides them with
:meth:`~tradesecret.rulebook.Rulebook.extended`. Each red flag carries its mitigations as
remedies; each fact not yet checked is an *outstanding check* finding.

Outcomes: a step or risk criterion is ``NOT_MET`` when a checked fact fails (for a risk:
the risk is indicated), ``INSUFFICIENT_EVIDENCE`` when nothing failed but a fact is
unchecked, ``MET`` otherwise; the assessment takes the worst of them.
"""

from __future__ import annotations

import enum
from decimal import ROUND_HALF_UP, Decimal

import attrs
import pendulum

from tradesecret._convert import exact, tuple_of
from tradesecret.dates import term_end
from tradesecret.exceptions import Problem
from tradesecret.law import Citation
from tradesecret.money import Money, Ratio, to_decimal
from tradesecret.results import Assessment, Criterion, Finding, Outcome, Severity
from tradesecret.rulebook import ParameterValue, Rulebook, default_rulebook
from tradesecret.supply_chain._common import (
    COMMON_PRACTICE,
    POLICY,
    check_id,
    collect,
    date_or_problem,
    used,
)

__all__ = [
    "FactoryProfile",
    "LabResult",
    "LiveVideo",
    "audit_factory",
    "outstanding_checks",
    "red_flags",
]


class LiveVideo(enum.Enum):
    """Outcome of the request for real-time workshop video (实时车间视频)."""

    #: Provided live, with the factory's name and the time watermarked on the picture.
    WATERMARKED = "watermarked"
    #: Provided, but without a name and time watermark (could be a recording or someone else's).
    NO_WATERMARK = "no_watermark"
    #: Refused.
    REFUSED = "refused"


def _limit(value: object) -> Decimal:
    return to_decimal(value, path="limit")


def _measured(value: object) -> Decimal:
    return to_decimal(value, path="measured")


@attrs.frozen(kw_only=True)
class LabResult:
    """
    One result from a test report (e.g. noise 33 dB against a limit of 35 dB).

    Attributes:
        name: What was measured (``"noise"``).
        limit: The agreed upper limit.
        measured: The measured value.
        unit: Unit (``"dB"``).
    """

    name: str
    limit: Decimal = attrs.field(converter=_limit)
    measured: Decimal = attrs.field(converter=_measured)
    unit: str = "dB"

    @property
    def passed(self) -> bool:
        """True when ``measured <= limit``."""
        return self.measured <= self.limit


@attrs.frozen(kw_only=True)
class FactoryProfile:
    """
    Verifiable facts about a factory. ``None`` means "not checked yet".

    Attributes:
        factory_id: Identifier.
        name: Registered name.
        live_video: Outcome of the real-time workshop video request.
        utility_bill_months: Months of recent utility bills produced.
        equipment_contracts: Equipment purchase contracts produced (False: refused or none).
        address_verified: The production address was verified.
        sample_approvals: Customer-signed pre-production sample approval records produced.
        claims_samples_compliant: The factory says its samples meet the requirements.
        test_reports_provided: Test reports provided (False: refused).
        test_results: Results read from the reports.
        preproduction_signoff: The factory accepts pre-production sample sign-off (False:
            refused).
        trade_secret_disputes: Public records of trade-secret disputes found.
        leak_complaints: Leak-related complaints found.
        quoted_unit_price: The factory's quoted unit price.
        market_unit_price: The market unit price for the same product.
        certification_cases: Dates of the certification cases it completed (e.g. 3C, CE).
            ``None`` when not asked.
        certification_answers_vague: Its answers on certification were vague.
        min_batch_units: The smallest batch it will run.
    """

    factory_id: str
    name: str
    live_video: LiveVideo | None = None
    utility_bill_months: int | None = None
    equipment_contracts: bool | None = None
    address_verified: bool | None = None
    sample_approvals: int | None = None
    claims_samples_compliant: bool = False
    test_reports_provided: bool | None = None
    test_results: tuple[LabResult, ...] = attrs.field(default=(), validator=tuple_of(LabResult))
    preproduction_signoff: bool | None = None
    trade_secret_disputes: int | None = None
    leak_complaints: int | None = None
    quoted_unit_price: Money | None = attrs.field(
        default=None, validator=exact(Money, optional=True, floats_only=True)
    )
    market_unit_price: Money | None = attrs.field(
        default=None, validator=exact(Money, optional=True, floats_only=True)
    )
    certification_cases: tuple[pendulum.Date, ...] | None = None
    certification_answers_vague: bool | None = None
    min_batch_units: int | None = None

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        check_id(self.factory_id, "factory_id", problems)
        if self.live_video is not None and not isinstance(self.live_video, LiveVideo):
            problems.append(Problem.of("live_video", self.live_video, "must be a LiveVideo"))
        for name in (
            "equipment_contracts",
            "address_verified",
            "test_reports_provided",
            "preproduction_signoff",
            "certification_answers_vague",
        ):
            flag = getattr(self, name)
            if flag is not None and not isinstance(flag, bool):
                problems.append(Problem.of(name, flag, "must be True, False or None"))
        if not isinstance(self.claims_samples_compliant, bool):
            problems.append(
                Problem.of("claims_samples_compliant", self.claims_samples_compliant, "a bool")
            )
        if self.certification_cases is not None:
            cases: list[pendulum.Date] = []
            for i, case in enumerate(self.certification_cases):
                day = date_or_problem(case, f"certification_cases[{i}]", problems)
                if day is not None:
                    cases.append(day)
            object.__setattr__(self, "certification_cases", tuple(cases))
        for name in (
            "utility_bill_months",
            "sample_approvals",
            "trade_secret_disputes",
            "leak_complaints",
            "min_batch_units",
        ):
            value = getattr(self, name)
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or value < 0
            ):
                problems.append(Problem.of(name, value, "must be a non-negative integer"))
        prices_ok = True
        for name in ("quoted_unit_price", "market_unit_price"):
            price = getattr(self, name)
            if price is not None and not isinstance(price, Money):
                problems.append(Problem.of(name, price, "must be Money"))
                prices_ok = False
            elif price is not None and price.amount <= 0:
                problems.append(Problem.of(name, price, "a unit price must be positive"))
        if (
            prices_ok
            and self.quoted_unit_price is not None
            and self.market_unit_price is not None
            and self.quoted_unit_price.currency != self.market_unit_price.currency
        ):
            problems.append(
                Problem.of(
                    "market_unit_price", self.market_unit_price, "currency differs from quote"
                )
            )
        collect(problems)


class _Status(enum.Enum):
    OK = "ok"
    FAIL = "fail"
    UNKNOWN = "unknown"


@attrs.frozen(kw_only=True)
class _Check:
    status: _Status
    finding: Finding | None = None
    #: Step criterion the fact belongs to.
    step: str
    #: Risk criterion whose findings carry it (red flags and their outstanding checks).
    risk: str | None = None
    parameters: tuple[ParameterValue, ...] = ()


_STEPS = ("qualifications", "quality_control", "reputation")
_RISKS = ("trading_company", "poor_quality_control", "weak_certification")


def audit_factory(
    profile: FactoryProfile, *, as_of: object, rulebook: Rulebook | None = None
) -> Assessment:
    """
    Audit ``profile`` on ``as_of`` (see the module docstring).

    Returns:
        An :class:`~tradesecret.results.Assessment` of kind ``factory_audit`` with six
        criteria: ``supply_chain.audit.step.{qualifications,quality_control,reputation}``
        and ``supply_chain.audit.risk.{trading_company,poor_quality_control,weak_certification}``.

    Raises:
        InvalidInputError: a certification case dated after ``as_of``.
    """
    rb = rulebook or default_rulebook()
    problems: list[Problem] = []
    day = date_or_problem(as_of, "as_of", problems)
    if not isinstance(profile, FactoryProfile):
        problems.append(Problem.of("profile", type(profile).__name__, "must be a FactoryProfile"))
    elif profile.certification_cases is not None and day is not None:
        problems.extend(
            Problem.of(f"certification_cases[{i}]", d, "dated after as_of")
            for i, d in enumerate(profile.certification_cases)
            if d > day
        )
    collect(problems)
    assert day is not None
    policy = (rb.cite(POLICY),)
    practice = (rb.cite(COMMON_PRACTICE), rb.cite(POLICY))

    def param(name: str) -> ParameterValue:
        return rb.param(f"supply_chain.audit.{name}", as_of=day)

    def outstanding(fact: str, step: str, risk: str | None = None) -> _Check:
        return _Check(
            status=_Status.UNKNOWN,
            finding=Finding(
                code=f"supply_chain.audit.outstanding.{fact}",
                severity=Severity.INFO,
                citations=policy,
                subject=profile.factory_id,
            ),
            step=step,
            risk=risk,
        )

    def fail(
        code: str,
        step: str,
        *,
        risk: str | None = None,
        severity: Severity = Severity.MEDIUM,
        args: dict[str, object] | None = None,
        remedies: tuple[str, ...] = (),
        params: tuple[ParameterValue, ...] = (),
        cites: tuple[Citation, ...] = (),
    ) -> _Check:
        return _Check(
            status=_Status.FAIL,
            finding=Finding(
                code=code,
                severity=severity,
                citations=cites or policy,
                args=args or {},
                subject=profile.factory_id,
                remedies=remedies,
            ),
            step=step,
            risk=risk,
            parameters=params,
        )

    checks: list[_Check] = []
    q = "qualifications"
    # -- step 1: qualifications --------------------------------------------------------
    if profile.live_video is None:
        checks.append(outstanding("live_video", q, "trading_company"))
    elif profile.live_video is LiveVideo.REFUSED:
        checks.append(
            fail(
                "supply_chain.audit.red_flag.refuses_live_video",
                q,
                risk="trading_company",
                severity=Severity.HIGH,
                remedies=(
                    "supply_chain.remedy.unannounced_visit",
                    "supply_chain.remedy.contract_with_manufacturer",
                ),
            )
        )
    elif profile.live_video is LiveVideo.NO_WATERMARK:
        checks.append(
            fail(
                "supply_chain.audit.check.video_no_watermark",
                q,
                remedies=("supply_chain.remedy.watermarked_video",),
            )
        )
    else:
        checks.append(_Check(status=_Status.OK, step=q))
    bills = param("utility_bill_months")
    if profile.utility_bill_months is None:
        checks.append(outstanding("utility_bills", q))
    elif profile.utility_bill_months < bills.as_int():
        checks.append(
            fail(
                "supply_chain.audit.check.utility_bills_short",
                q,
                args={"months": profile.utility_bill_months, "required": bills.as_int()},
                remedies=("supply_chain.remedy.request_utility_bills",),
                params=(bills,),
                cites=practice,
            )
        )
    else:
        checks.append(_Check(status=_Status.OK, step=q, parameters=(bills,)))
    for fact, value, code, remedy in (
        (
            "equipment_contracts",
            profile.equipment_contracts,
            "supply_chain.audit.check.no_equipment_contracts",
            "supply_chain.remedy.request_equipment_contracts",
        ),
        (
            "address",
            profile.address_verified,
            "supply_chain.audit.check.address_unverified",
            "supply_chain.remedy.unannounced_visit",
        ),
    ):
        if value is None:
            checks.append(outstanding(fact, q))
        elif not value:
            checks.append(fail(code, q, remedies=(remedy,)))
        else:
            checks.append(_Check(status=_Status.OK, step=q))
    floor = param("price_floor_ratio")
    if profile.quoted_unit_price is None or profile.market_unit_price is None:
        checks.append(outstanding("price", q, "trading_company"))
    else:
        ratio = profile.quoted_unit_price.ratio_to(profile.market_unit_price)
        if ratio < floor.as_decimal():
            checks.append(
                fail(
                    "supply_chain.audit.red_flag.quote_below_market",
                    q,
                    risk="trading_company",
                    severity=Severity.HIGH,
                    args={
                        "quoted": profile.quoted_unit_price,
                        "market": profile.market_unit_price,
                        # for display only (half up, 4 places); the test above is exact
                        "ratio": Ratio(ratio.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)),
                        "floor": floor.as_ratio(),
                    },
                    remedies=(
                        "supply_chain.remedy.cost_breakdown",
                        "supply_chain.remedy.unannounced_visit",
                    ),
                    params=(floor,),
                )
            )
        else:
            checks.append(_Check(status=_Status.OK, step=q, parameters=(floor,)))
    # -- step 2: quality control ------------------------------------------------------
    qc = "quality_control"
    approvals = param("min_sample_approvals")
    if profile.sample_approvals is None:
        checks.append(outstanding("sample_approvals", qc))
    elif profile.sample_approvals < approvals.as_int():
        checks.append(
            fail(
                "supply_chain.audit.check.few_sample_approvals",
                qc,
                args={"count": profile.sample_approvals, "required": approvals.as_int()},
                remedies=("supply_chain.remedy.request_sample_approvals",),
                params=(approvals,),
            )
        )
    else:
        checks.append(_Check(status=_Status.OK, step=qc, parameters=(approvals,)))
    pqc = "poor_quality_control"
    if profile.test_reports_provided is None:
        checks.append(outstanding("test_reports", qc, pqc))
    elif not profile.test_reports_provided:
        checks.append(
            fail(
                "supply_chain.audit.red_flag.refuses_test_reports"
                if not profile.claims_samples_compliant
                else "supply_chain.audit.red_flag.claims_without_test_reports",
                qc,
                risk=pqc,
                severity=Severity.HIGH,
                remedies=(
                    "supply_chain.remedy.third_party_test",
                    "supply_chain.remedy.tie_payment_to_tests",
                ),
            )
        )
    else:
        checks.append(_Check(status=_Status.OK, step=qc))
    for result in profile.test_results:
        if not result.passed:
            checks.append(
                fail(
                    "supply_chain.audit.red_flag.test_failed",
                    qc,
                    risk=pqc,
                    severity=Severity.HIGH,
                    args={
                        "test": result.name,
                        "measured": result.measured,
                        "limit": result.limit,
                        "unit": result.unit,
                    },
                    remedies=("supply_chain.remedy.corrective_action",),
                )
            )
    if profile.preproduction_signoff is None:
        checks.append(outstanding("signoff", qc, pqc))
    elif not profile.preproduction_signoff:
        checks.append(
            fail(
                "supply_chain.audit.red_flag.refuses_signoff",
                qc,
                risk=pqc,
                severity=Severity.HIGH,
                remedies=(
                    "supply_chain.remedy.preproduction_signoff",
                    "supply_chain.remedy.tie_payment_to_tests",
                ),
            )
        )
    else:
        checks.append(_Check(status=_Status.OK, step=qc))
    pilot_min, pilot_max = param("pilot_batch_min_units"), param("pilot_batch_max_units")
    if profile.min_batch_units is None:
        checks.append(outstanding("pilot_batch", qc))
    elif profile.min_batch_units > pilot_max.as_int():
        checks.append(
            fail(
                "supply_chain.audit.check.no_small_pilot",
                qc,
                args={
                    "min_batch": profile.min_batch_units,
                    "low": pilot_min.as_int(),
                    "high": pilot_max.as_int(),
                },
                remedies=("supply_chain.remedy.negotiate_pilot",),
                params=(pilot_min, pilot_max),
                cites=practice,
            )
        )
    else:
        checks.append(_Check(status=_Status.OK, step=qc, parameters=(pilot_min, pilot_max)))
    wc = "weak_certification"
    lookback, minimum = param("certification_lookback_months"), param("min_certification_cases")
    if profile.certification_cases is None:
        checks.append(outstanding("certification_cases", qc, wc))
    else:
        months = lookback.as_int()
        recent = [d for d in profile.certification_cases if term_end(d, months=months) >= day]
        if len(recent) < minimum.as_int():
            checks.append(
                fail(
                    "supply_chain.audit.red_flag.no_certification_cases",
                    qc,
                    risk=wc,
                    severity=Severity.HIGH,
                    args={"count": len(recent), "months": months, "required": minimum.as_int()},
                    remedies=(
                        "supply_chain.remedy.own_certification_agent",
                        "supply_chain.remedy.delay_penalty_clause",
                    ),
                    params=(lookback, minimum),
                    cites=practice,
                )
            )
        else:
            checks.append(_Check(status=_Status.OK, step=qc, parameters=(lookback, minimum)))
    if profile.certification_answers_vague is None:
        checks.append(outstanding("certification_answers", qc, wc))
    elif profile.certification_answers_vague:
        checks.append(
            fail(
                "supply_chain.audit.red_flag.vague_certification_answers",
                qc,
                risk=wc,
                severity=Severity.HIGH,
                remedies=(
                    "supply_chain.remedy.ask_case_references",
                    "supply_chain.remedy.own_certification_agent",
                ),
            )
        )
    else:
        checks.append(_Check(status=_Status.OK, step=qc))
    # -- step 3: reputation ---------------------------------------------------------------
    rep = "reputation"
    for fact, count, name, code, remedy in (
        (
            "disputes",
            profile.trade_secret_disputes,
            "max_trade_secret_disputes",
            "supply_chain.audit.check.trade_secret_disputes",
            "supply_chain.remedy.review_dispute_records",
        ),
        (
            "complaints",
            profile.leak_complaints,
            "max_leak_complaints",
            "supply_chain.audit.check.leak_complaints",
            "supply_chain.remedy.review_dispute_records",
        ),
    ):
        limit = param(name)
        if count is None:
            checks.append(outstanding(fact, rep))
        elif count > limit.as_int():
            checks.append(
                fail(
                    code,
                    rep,
                    severity=Severity.HIGH,
                    args={"count": count, "tolerated": limit.as_int()},
                    remedies=(remedy,),
                    params=(limit,),
                )
            )
        else:
            checks.append(_Check(status=_Status.OK, step=rep, parameters=(limit,)))
    return _assemble(profile, day, checks, rb)


def _outcome(checks: list[_Check]) -> Outcome:
    if any(c.status is _Status.FAIL for c in checks):
        return Outcome.NOT_MET
    if any(c.status is _Status.UNKNOWN for c in checks):
        return Outcome.INSUFFICIENT_EVIDENCE
    return Outcome.MET


def _assemble(
    profile: FactoryProfile, day: pendulum.Date, checks: list[_Check], rb: Rulebook
) -> Assessment:
    policy = (rb.cite(POLICY), rb.cite(COMMON_PRACTICE))
    criteria: list[Criterion] = []
    for step in _STEPS:
        mine = [c for c in checks if c.step == step]
        criteria.append(
            Criterion(
                code=f"supply_chain.audit.step.{step}",
                outcome=_outcome(mine),
                citations=policy,
                findings=tuple(c.finding for c in mine if c.finding is not None and c.risk is None),
                parameters=used(*(p for c in mine for p in c.parameters)),
            )
        )
    for risk in _RISKS:
        mine = [c for c in checks if c.risk == risk]
        criteria.append(
            Criterion(
                code=f"supply_chain.audit.risk.{risk}",
                outcome=_outcome(mine),
                citations=policy,
                findings=tuple(c.finding for c in mine if c.finding is not None),
                parameters=used(*(p for c in mine for p in c.parameters)),
            )
        )
    outcomes = {c.outcome for c in criteria}
    if Outcome.NOT_MET in outcomes:
        overall = Outcome.NOT_MET
    elif Outcome.INSUFFICIENT_EVIDENCE in outcomes:
        overall = Outcome.INSUFFICIENT_EVIDENCE
    else:
        overall = Outcome.MET
    return Assessment(
        kind="factory_audit",
        subject=profile.factory_id,
        as_of=day,
        outcome=overall,
        citations=policy,
        criteria=tuple(criteria),
        parameters=used(*(p for c in checks for p in c.parameters)),
    )


def red_flags(assessment: Assessment) -> tuple[Finding, ...]:
    """The red-flag findings of a factory audit (codes ``supply_chain.audit.red_flag.*``)."""
    return tuple(
        f for f in assessment.all_findings() if f.code.startswith("supply_chain.audit.red_flag.")
    )


def outstanding_checks(assessment: Assessment) -> tuple[str, ...]:
    """The facts still to check (the ``<fact>`` of ``supply_chain.audit.outstanding.<fact>``)."""
    prefix = "supply_chain.audit.outstanding."
    return tuple(
        f.code.removeprefix(prefix) for f in assessment.all_findings() if f.code.startswith(prefix)
    )
