"""
Breach facts: what the person did, when, and through whom.

A :class:`Breach` is dated and typed. Competition (working for a competitor, running or
investing in a competing business, competing **indirectly** through a relative, a nominee,
an affiliate of the new employer or a front company) is kept apart from the breach of a
**side duty** (reporting new employment), which is not competition. A breach that starts
before the employment ends is **in service** (Interp. (II) Art. 14; for directors,
supervisors and senior officers also the Company Law duty).

Every fact a rule turns on may be left :data:`~tradesecret.facts.UNKNOWN`; ``()`` is a
stated "none". The rules that read these facts are in :mod:`tradesecret.remedies.scope`.
"""

from __future__ import annotations

import enum

import attrs
import pendulum

from tradesecret._convert import date_field, optional_date_field, tuple_of
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.facts import UNKNOWN, Fact
from tradesecret.money import Money

__all__ = [
    "Breach",
    "BreachKind",
    "Business",
    "Channel",
    "CompanyRole",
    "Link",
    "SideDuty",
]


class BreachKind(enum.Enum):
    """What the breach was."""

    WORKING_FOR_COMPETITOR = "working_for_competitor"  # 入职竞争单位
    RUNNING_COMPETING_BUSINESS = "running_competing_business"  # 自营竞争业务
    INVESTING_IN_COMPETING_BUSINESS = "investing_in_competing_business"  # 投资竞争企业
    INDIRECT_COMPETITION = "indirect_competition"  # 通过他人间接竞争
    SIDE_DUTY = "side_duty"  # 违反附随义务（如报告新工作）

    @property
    def competition(self) -> bool:
        """True for the kinds that are competition (all but a side duty)."""
        return self is not BreachKind.SIDE_DUTY


class Channel(enum.Enum):
    """Through whom an indirect competitor acts."""

    SPOUSE_OR_RELATIVE = "spouse_or_relative"  # 配偶或亲属
    NOMINEE_SHAREHOLDER = "nominee_shareholder"  # 代持股东
    AFFILIATE_OF_NEW_EMPLOYER = "affiliate_of_new_employer"  # 新用人单位的关联企业
    FRONT_COMPANY = "front_company"  # 借壳公司


class Link(enum.Enum):
    """Evidence that links the person to the business through which they compete."""

    SHAREHOLDING_OR_FUNDING = "shareholding_or_funding"  # 出资、持股或代持协议
    PAYMENTS_TO_PERSON = "payments_to_person"  # 向本人支付的款项
    PERSON_ACTS_FOR_IT = "person_acts_for_it"  # 本人以该企业名义对外开展业务
    SOCIAL_INSURANCE_OR_PAYROLL = "social_insurance_or_payroll"  # 社保或工资由其发放
    SHARED_ADDRESS_OR_CONTACTS = "shared_address_or_contacts"  # 共用地址、电话、邮箱
    COMMUNICATIONS = "communications"  # 通讯记录


class SideDuty(enum.Enum):
    """A duty that goes with the non-compete but is not itself a restriction on competing."""

    REPORT_NEW_EMPLOYMENT = "report_new_employment"  # 报告新工作单位
    PROVIDE_PROOF_OF_EMPLOYMENT = "provide_proof_of_employment"  # 提供社保或劳动合同等证明
    OTHER = "other"


class CompanyRole(enum.Enum):
    """The person's office in the company (Company Law)."""

    DIRECTOR = "director"  # 董事
    SUPERVISOR = "supervisor"  # 监事
    SENIOR_OFFICER = "senior_officer"  # 高级管理人员
    NONE = "none"  # 无公司职务


@attrs.frozen(kw_only=True)
class Business:
    """
    What a business actually does, for the competitive-relationship test (GC 190).

    Attributes:
        name: The business.
        registered_scope: Registered business scope items (经营范围); not decisive.
        business_lines: Actual business lines.
        products: Actual products or services.
        customers: Service objects or product audience (服务对象、产品受众).
        markets: Markets (regions or segments) actually served.
    """

    name: str
    registered_scope: Fact[tuple[str, ...]] = UNKNOWN
    business_lines: Fact[tuple[str, ...]] = UNKNOWN
    products: Fact[tuple[str, ...]] = UNKNOWN
    customers: Fact[tuple[str, ...]] = UNKNOWN
    markets: Fact[tuple[str, ...]] = UNKNOWN

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if not isinstance(self.name, str) or not self.name.strip():
            problems.append(Problem.of("name", self.name, "required (a non-empty string)"))
        for field in ("registered_scope", "business_lines", "products", "customers", "markets"):
            value = getattr(self, field)
            if value is UNKNOWN:
                continue
            if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
                problems.append(Problem.of(field, value, "must be a list of texts"))
        if problems:
            raise InvalidInputError(problems)


@attrs.frozen(kw_only=True)
class Breach:
    """
    One breach, dated and typed.

    Attributes:
        kind: What the breach was.
        start: First day of the breach.
        end: Last day, where it has ended (``None``: continuing).
        business: The competing business (the new employer, the person's own business,
            the business they invested in, or the one they act through).
        channel: For indirect competition: through whom.
        links: For indirect competition: the evidence that links the person to the
            business (``()``: stated as none).
        substitutable: The business's products can substitute for the former
            employer's, where names differ (``UNKNOWN``: not stated).
        side_duty: For a side-duty breach: which duty.
        duty_limited_to_period: The side duty lasts no longer than the restriction.
        duty_limited_to_verification: The side duty asks only for what is needed to check
            compliance (new employer's name, proof of employment).
        company_role: The person's office in the former employer (Company Law).
        board_approved: The same-kind business was reported and approved by the board or
            shareholders' meeting (Company Law 2023 Art. 184).
        gains: Income the person obtained from the competing business.
        malicious: The breach was malicious (恶意违约), e.g. concealed on purpose.
        evidence: Ids of the evidence items relied on.
    """

    kind: BreachKind
    start: pendulum.Date = attrs.field(converter=date_field)
    end: pendulum.Date | None = attrs.field(default=None, converter=optional_date_field)
    business: Business | None = None
    channel: Fact[Channel] = UNKNOWN
    links: Fact[tuple[Link, ...]] = UNKNOWN
    substitutable: Fact[bool] = UNKNOWN
    side_duty: Fact[SideDuty] = UNKNOWN
    duty_limited_to_period: Fact[bool] = UNKNOWN
    duty_limited_to_verification: Fact[bool] = UNKNOWN
    company_role: Fact[CompanyRole] = UNKNOWN
    board_approved: Fact[bool] = UNKNOWN
    gains: Fact[Money] = UNKNOWN
    malicious: Fact[bool] = UNKNOWN
    evidence: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if not isinstance(self.kind, BreachKind):
            raise InvalidInputError.single(
                "kind",
                self.kind,
                "expected one of {allowed}",
                allowed=[f"BreachKind.{k.name}" for k in BreachKind],
            )
        if self.end is not None and self.end < self.start:
            problems.append(Problem.of("end", str(self.end), "the breach ends before it starts"))
        if self.kind.competition and self.business is None:
            problems.append(
                Problem.of("business", None, "a competition breach needs the competing business")
            )
        if self.kind is not BreachKind.INDIRECT_COMPETITION:
            for name in ("channel", "links"):
                if getattr(self, name) is not UNKNOWN:
                    problems.append(
                        Problem.of(name, getattr(self, name), "only for indirect competition")
                    )
        if self.kind is not BreachKind.SIDE_DUTY and self.side_duty is not UNKNOWN:
            problems.append(Problem.of("side_duty", self.side_duty, "only for a side-duty breach"))
        if isinstance(self.gains, Money) and self.gains.amount < 0:
            problems.append(Problem.of("gains", self.gains, "must not be negative"))
        if problems:
            raise InvalidInputError(problems)

    def last_day(self, as_of: pendulum.Date) -> pendulum.Date:
        """The last day of the breach as known on ``as_of`` (continuing: ``as_of``)."""
        if self.end is None or self.end > as_of:
            return as_of
        return self.end
