"""
The factory-audit model: verifiable facts about a supplier, each not stated until checked.

:func:`~tradesecret.supply_chain.audit_factory` evaluates it.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Final

import attrs
import pendulum

from tradesecret._convert import exact, tuple_of
from tradesecret.exceptions import Problem
from tradesecret.facts import UNKNOWN, Fact
from tradesecret.money import Money, to_decimal
from tradesecret.supply_chain._common import (
    ID_FIELD,
    check_id,
    collect,
    date_or_problem,
    unknown_if_none,
)

#: An enum slot given something else: the type and its values.
_ENUM: Final = "must be a {type} ({allowed})"

__all__ = ["FactoryProfile", "LabResult", "LiveVideo"]


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
    Verifiable facts about a factory. ``UNKNOWN`` (or ``None``, read the same way) means
    "not checked yet": the checks that turn on it are undetermined and name it.

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
            ``UNKNOWN`` when not asked.
        certification_answers_vague: Its answers on certification were vague.
        min_batch_units: The smallest batch it will run.
    """

    factory_id: str = attrs.field(metadata=ID_FIELD)
    name: str
    live_video: Fact[LiveVideo] = attrs.field(default=UNKNOWN, converter=unknown_if_none)
    utility_bill_months: Fact[int] = attrs.field(default=UNKNOWN, converter=unknown_if_none)
    equipment_contracts: Fact[bool] = attrs.field(default=UNKNOWN, converter=unknown_if_none)
    address_verified: Fact[bool] = attrs.field(default=UNKNOWN, converter=unknown_if_none)
    sample_approvals: Fact[int] = attrs.field(default=UNKNOWN, converter=unknown_if_none)
    claims_samples_compliant: bool = False
    test_reports_provided: Fact[bool] = attrs.field(default=UNKNOWN, converter=unknown_if_none)
    test_results: tuple[LabResult, ...] = attrs.field(default=(), validator=tuple_of(LabResult))
    preproduction_signoff: Fact[bool] = attrs.field(default=UNKNOWN, converter=unknown_if_none)
    trade_secret_disputes: Fact[int] = attrs.field(default=UNKNOWN, converter=unknown_if_none)
    leak_complaints: Fact[int] = attrs.field(default=UNKNOWN, converter=unknown_if_none)
    quoted_unit_price: Fact[Money] = attrs.field(
        default=UNKNOWN, converter=unknown_if_none, validator=exact(Money, floats_only=True)
    )
    market_unit_price: Fact[Money] = attrs.field(
        default=UNKNOWN, converter=unknown_if_none, validator=exact(Money, floats_only=True)
    )
    certification_cases: Fact[tuple[pendulum.Date, ...]] = attrs.field(
        default=UNKNOWN, converter=unknown_if_none
    )
    certification_answers_vague: Fact[bool] = attrs.field(
        default=UNKNOWN, converter=unknown_if_none
    )
    min_batch_units: Fact[int] = attrs.field(default=UNKNOWN, converter=unknown_if_none)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        check_id(self.factory_id, "factory_id", problems)
        if self.live_video is not UNKNOWN and not isinstance(self.live_video, LiveVideo):
            problems.append(
                Problem.of(
                    "live_video", self.live_video, _ENUM, type="LiveVideo", allowed=list(LiveVideo)
                )
            )
        for name in (
            "equipment_contracts",
            "address_verified",
            "test_reports_provided",
            "preproduction_signoff",
            "certification_answers_vague",
        ):
            flag = getattr(self, name)
            if flag is not UNKNOWN and not isinstance(flag, bool):
                problems.append(Problem.of(name, flag, "must be true, false or not stated"))
        if not isinstance(self.claims_samples_compliant, bool):
            problems.append(
                Problem.of(
                    "claims_samples_compliant",
                    self.claims_samples_compliant,
                    "must be true or false",
                )
            )
        if self.certification_cases is not UNKNOWN:
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
            if value is not UNKNOWN and (
                isinstance(value, bool) or not isinstance(value, int) or value < 0
            ):
                problems.append(Problem.of(name, value, "must be a non-negative integer"))
        prices_ok = True
        for name in ("quoted_unit_price", "market_unit_price"):
            price = getattr(self, name)
            if price is not UNKNOWN and not isinstance(price, Money):
                problems.append(Problem.of(name, price, "must be Money"))
                prices_ok = False
            elif price is not UNKNOWN and price.amount <= 0:
                problems.append(Problem.of(name, price, "a unit price must be positive"))
        if (
            prices_ok
            and self.quoted_unit_price is not UNKNOWN
            and self.market_unit_price is not UNKNOWN
            and self.quoted_unit_price.currency != self.market_unit_price.currency
        ):
            problems.append(
                Problem.of(
                    "market_unit_price", self.market_unit_price, "currency differs from quote"
                )
            )
        collect(problems)
