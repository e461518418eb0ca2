"""
The factory-audit checklist as rows: common practice and the library's policy, never law.

Each row is one check of the three audit steps (qualifications, quality control,
reputation); a red flag also belongs to one of the three high-risk types (a trading company
posing as a factory, poor quality control, weak certification capability). A row reads the
profile and the thresholds of the day (dated parameters in ``data/supply_chain.toml``); a
fact not yet checked leaves the row open, naming it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

import attrs
import pendulum

from tradesecret.dates import term_end
from tradesecret.engine import Check, Effect
from tradesecret.facts import UNKNOWN, Fact, Tri, TriLike, not_, tri
from tradesecret.money import Money, Ratio
from tradesecret.results import Severity
from tradesecret.rulebook import ParameterValue, Rulebook
from tradesecret.supply_chain._audit_model import FactoryProfile, LabResult, LiveVideo
from tradesecret.supply_chain._common import COMMON_PRACTICE, POLICY

__all__ = ["RISKS", "ROWS", "STEPS", "AuditFacts", "AuditRow", "audit_facts"]

STEPS: Final = ("qualifications", "quality_control", "reputation")
RISKS: Final = ("trading_company", "poor_quality_control", "weak_certification")

#: The thresholds a row reads, by parameter name (``supply_chain.audit.<name>``).
_THRESHOLDS: Final = (
    "utility_bill_months",
    "price_floor_ratio",
    "min_sample_approvals",
    "pilot_batch_min_units",
    "pilot_batch_max_units",
    "certification_lookback_months",
    "min_certification_cases",
    "max_trade_secret_disputes",
    "max_leak_complaints",
)


@attrs.frozen(kw_only=True)
class AuditFacts:
    """The profile's facts and the thresholds of the day, as the rows read them."""

    live_video: Fact[LiveVideo]
    utility_bill_months: Fact[int]
    equipment_contracts: Fact[bool]
    address_verified: Fact[bool]
    quoted_unit_price: Fact[Money]
    market_unit_price: Fact[Money]
    sample_approvals: Fact[int]
    test_reports_provided: Fact[bool]
    claims_samples_compliant: bool
    failed_tests: tuple[LabResult, ...]
    preproduction_signoff: Fact[bool]
    min_batch_units: Fact[int]
    certification_cases: Fact[tuple[pendulum.Date, ...]]
    recent_certifications: Fact[int]
    certification_answers_vague: Fact[bool]
    trade_secret_disputes: Fact[int]
    leak_complaints: Fact[int]
    limits: Mapping[str, ParameterValue]

    def limit(self, name: str) -> int:
        """An integer threshold."""
        return self.limits[name].as_int()

    @property
    def price_ratio(self) -> Fact[Decimal]:
        """Quoted over market unit price (exact), unknown until both are checked."""
        if self.quoted_unit_price is UNKNOWN or self.market_unit_price is UNKNOWN:
            return UNKNOWN
        return self.quoted_unit_price.ratio_to(self.market_unit_price)


def audit_facts(profile: FactoryProfile, day: pendulum.Date, rb: Rulebook) -> AuditFacts:
    """The facts the rows read on ``day``."""
    limits = {n: rb.param(f"supply_chain.audit.{n}", as_of=day) for n in _THRESHOLDS}
    months = limits["certification_lookback_months"].as_int()
    cases = profile.certification_cases
    recent: Fact[int] = (
        UNKNOWN if cases is UNKNOWN else sum(term_end(d, months=months) >= day for d in cases)
    )
    return AuditFacts(
        live_video=profile.live_video,
        utility_bill_months=profile.utility_bill_months,
        equipment_contracts=profile.equipment_contracts,
        address_verified=profile.address_verified,
        quoted_unit_price=profile.quoted_unit_price,
        market_unit_price=profile.market_unit_price,
        sample_approvals=profile.sample_approvals,
        test_reports_provided=profile.test_reports_provided,
        claims_samples_compliant=profile.claims_samples_compliant,
        failed_tests=tuple(r for r in profile.test_results if not r.passed),
        preproduction_signoff=profile.preproduction_signoff,
        min_batch_units=profile.min_batch_units,
        certification_cases=cases,
        recent_certifications=recent,
        certification_answers_vague=profile.certification_answers_vague,
        trade_secret_disputes=profile.trade_secret_disputes,
        leak_complaints=profile.leak_complaints,
        limits=limits,
    )


@attrs.frozen(kw_only=True)
class AuditRow:
    """One check: the rule-table row, its audit step, its risk type and its thresholds."""

    check: Check[AuditFacts]
    step: str
    risk: str | None = None
    limits: tuple[str, ...] = ()
    #: The name :func:`~tradesecret.supply_chain.outstanding_checks` gives its unchecked fact.
    outstanding: str = ""


_POLICY_ONLY: Final = (POLICY,)
_PRACTICE: Final = (COMMON_PRACTICE, POLICY)


def _row(
    code: str,
    severity: Severity,
    when: Callable[[AuditFacts], TriLike],
    *,
    step: str,
    facts: tuple[str, ...],
    remedies: tuple[str, ...],
    risk: str | None = None,
    basis: tuple[str, ...] = _POLICY_ONLY,
    limits: tuple[str, ...] = (),
    args: Callable[[AuditFacts], Mapping[str, object]] | None = None,
    outstanding: str = "",
) -> AuditRow:
    check = Check[AuditFacts](
        code=f"supply_chain.audit.{code}",
        severity=severity,
        effect=Effect.FAILS,
        basis=basis,
        when=when,
        facts=facts,
        remedies=tuple(f"supply_chain.remedy.{r}" for r in remedies),
        args=args if args is not None else _no_args,
    )
    return AuditRow(check=check, step=step, risk=risk, limits=limits, outstanding=outstanding)


def _no_args(_: AuditFacts) -> Mapping[str, object]:
    return {}


def _video_is(kind: LiveVideo) -> Callable[[AuditFacts], Tri]:
    return lambda f: tri(f.live_video, lambda v: v is kind)


def _below(fact: str, limit: str) -> Callable[[AuditFacts], Tri]:
    return lambda f: tri(getattr(f, fact), lambda n: n < f.limit(limit))


def _above(fact: str, limit: str) -> Callable[[AuditFacts], Tri]:
    return lambda f: tri(getattr(f, fact), lambda n: n > f.limit(limit))


def _refused(claims: bool) -> Callable[[AuditFacts], Tri]:
    return lambda f: tri(
        f.test_reports_provided, lambda given: not given and f.claims_samples_compliant is claims
    )


def _price_args(f: AuditFacts) -> dict[str, object]:
    ratio = f.price_ratio
    assert ratio is not UNKNOWN  # the row fired, so both prices are known
    return {
        "quoted": f.quoted_unit_price,
        "market": f.market_unit_price,
        # for display only (half up, 4 places); the test is exact
        "ratio": Ratio(ratio.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)),
        "floor": f.limits["price_floor_ratio"].as_ratio(),
    }


def _test_args(f: AuditFacts) -> dict[str, object]:
    r = f.failed_tests[0]
    return {"test": r.name, "measured": r.measured, "limit": r.limit, "unit": r.unit}


_Q, _QC, _REP = STEPS
_TRADING, _POOR_QC, _WEAK_CERT = RISKS

#: The checklist, step by step (see the module docstring).
ROWS: Final = (
    # -- step 1: qualifications ----------------------------------------------------------
    _row("red_flag.refuses_live_video", Severity.HIGH, _video_is(LiveVideo.REFUSED),
         step=_Q, risk=_TRADING, facts=("live_video",), outstanding="live_video",
         remedies=("unannounced_visit", "contract_with_manufacturer")),
    _row("check.video_no_watermark", Severity.MEDIUM, _video_is(LiveVideo.NO_WATERMARK),
         step=_Q, facts=("live_video",), remedies=("watermarked_video",)),
    _row("check.utility_bills_short", Severity.MEDIUM,
         _below("utility_bill_months", "utility_bill_months"),
         step=_Q, facts=("utility_bill_months",), basis=_PRACTICE, outstanding="utility_bills",
         limits=("utility_bill_months",), remedies=("request_utility_bills",),
         args=lambda f: {"months": f.utility_bill_months, "required": f.limit("utility_bill_months")}),
    _row("check.no_equipment_contracts", Severity.MEDIUM, lambda f: not_(f.equipment_contracts),
         step=_Q, facts=("equipment_contracts",), outstanding="equipment_contracts",
         remedies=("request_equipment_contracts",)),
    _row("check.address_unverified", Severity.MEDIUM, lambda f: not_(f.address_verified),
         step=_Q, facts=("address_verified",), outstanding="address",
         remedies=("unannounced_visit",)),
    _row("red_flag.quote_below_market", Severity.HIGH,
         lambda f: tri(f.price_ratio, lambda r: r < f.limits["price_floor_ratio"].as_decimal()),
         step=_Q, risk=_TRADING, facts=("quoted_unit_price", "market_unit_price"),
         outstanding="price", limits=("price_floor_ratio",), args=_price_args,
         remedies=("cost_breakdown", "unannounced_visit")),
    # -- step 2: quality control ---------------------------------------------------------
    _row("check.few_sample_approvals", Severity.MEDIUM,
         _below("sample_approvals", "min_sample_approvals"),
         step=_QC, facts=("sample_approvals",), outstanding="sample_approvals",
         limits=("min_sample_approvals",), remedies=("request_sample_approvals",),
         args=lambda f: {"count": f.sample_approvals, "required": f.limit("min_sample_approvals")}),
    _row("red_flag.refuses_test_reports", Severity.HIGH, _refused(claims=False),
         step=_QC, risk=_POOR_QC, facts=("test_reports_provided",), outstanding="test_reports",
         remedies=("third_party_test", "tie_payment_to_tests")),
    _row("red_flag.claims_without_test_reports", Severity.HIGH, _refused(claims=True),
         step=_QC, risk=_POOR_QC, facts=("test_reports_provided",), outstanding="test_reports",
         remedies=("third_party_test", "tie_payment_to_tests")),
    _row("red_flag.test_failed", Severity.HIGH, lambda f: bool(f.failed_tests),
         step=_QC, risk=_POOR_QC, facts=(), args=_test_args, remedies=("corrective_action",)),
    _row("red_flag.refuses_signoff", Severity.HIGH, lambda f: not_(f.preproduction_signoff),
         step=_QC, risk=_POOR_QC, facts=("preproduction_signoff",), outstanding="signoff",
         remedies=("preproduction_signoff", "tie_payment_to_tests")),
    _row("check.no_small_pilot", Severity.MEDIUM,
         _above("min_batch_units", "pilot_batch_max_units"),
         step=_QC, facts=("min_batch_units",), basis=_PRACTICE, outstanding="pilot_batch",
         limits=("pilot_batch_min_units", "pilot_batch_max_units"), remedies=("negotiate_pilot",),
         args=lambda f: {"min_batch": f.min_batch_units, "low": f.limit("pilot_batch_min_units"),
                         "high": f.limit("pilot_batch_max_units")}),
    _row("red_flag.no_certification_cases", Severity.HIGH,
         _below("recent_certifications", "min_certification_cases"),
         step=_QC, risk=_WEAK_CERT, facts=("certification_cases",), basis=_PRACTICE,
         outstanding="certification_cases",
         limits=("certification_lookback_months", "min_certification_cases"),
         remedies=("own_certification_agent", "delay_penalty_clause"),
         args=lambda f: {"count": f.recent_certifications,
                         "months": f.limit("certification_lookback_months"),
                         "required": f.limit("min_certification_cases")}),
    _row("red_flag.vague_certification_answers", Severity.HIGH,
         lambda f: Tri.of(f.certification_answers_vague),
         step=_QC, risk=_WEAK_CERT, facts=("certification_answers_vague",),
         outstanding="certification_answers",
         remedies=("ask_case_references", "own_certification_agent")),
    # -- step 3: reputation --------------------------------------------------------------
    _row("check.trade_secret_disputes", Severity.HIGH,
         _above("trade_secret_disputes", "max_trade_secret_disputes"),
         step=_REP, facts=("trade_secret_disputes",), outstanding="disputes",
         limits=("max_trade_secret_disputes",), remedies=("review_dispute_records",),
         args=lambda f: {"count": f.trade_secret_disputes,
                         "tolerated": f.limit("max_trade_secret_disputes")}),
    _row("check.leak_complaints", Severity.HIGH, _above("leak_complaints", "max_leak_complaints"),
         step=_REP, facts=("leak_complaints",), outstanding="complaints",
         limits=("max_leak_complaints",), remedies=("review_dispute_records",),
         args=lambda f: {"count": f.leak_complaints, "tolerated": f.limit("max_leak_complaints")}),
)  # fmt: skip
