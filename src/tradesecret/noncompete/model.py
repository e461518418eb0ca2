"""
Inputs of the non-compete domain: the employee's facts and the agreement as written.

Every class is a frozen, keyword-only attrs class that round-trips through
:mod:`tradesecret.serialization` (JSON in and out). Collections are tuples.

The model records the agreement **as written**: a clause that the law strikes
down (a 36-month period, a release clause asking for six unpaid months) is still
entered as agreed, and :func:`~tradesecret.noncompete.review_noncompete` says
what survives.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any, Final

import attrs
import pendulum

from tradesecret._constraints import TEXT_FIELD as _TEXT
from tradesecret._convert import date_field as _date
from tradesecret._convert import exact, optional_date_field, tuple_of
from tradesecret.dates import to_date
from tradesecret.exceptions import InvalidInputError, Problem, render_value
from tradesecret.facts import UNKNOWN, Fact
from tradesecret.money import Money, Ratio
from tradesecret.noncompete._termination import TerminationAgreement, from_deprecated

__all__ = [
    "ActivationDecision",
    "BusinessProfile",
    "CompensationBasis",
    "CompensationTerms",
    "EmployeeFacts",
    "KnownSecret",
    "NonCompeteAgreement",
    "PaymentTiming",
    "PenaltyBasis",
    "PenaltyTerms",
    "PersonnelCategory",
    "RegionExtent",
    "StatedAverageWage",
    "TerminationAgreement",
    "TerminationManner",
    "WageRecord",
]


class PersonnelCategory(enum.Enum):
    """
    Who the employee is for LCL Art. 24(1).

    Only the first three may be bound by a non-compete (「高级管理人员、高级技术人员和其他负有
    保密义务的人员」). ``GENERAL_STAFF`` covers staff with general knowledge, skills or
    business information only (MOHRSS guidelines §7 item 3; SPC typical cases).
    """

    SENIOR_MANAGEMENT = "senior_management"  # 高级管理人员
    SENIOR_TECHNICAL = "senior_technical"  # 高级技术人员
    OTHER_CONFIDENTIALITY_BOUND = "other_confidentiality_bound"  # 其他负有保密义务的人员
    GENERAL_STAFF = "general_staff"  # 一般员工

    @property
    def senior(self) -> bool:
        """True for the two senior categories named first in LCL Art. 24(1)."""
        return self in (PersonnelCategory.SENIOR_MANAGEMENT, PersonnelCategory.SENIOR_TECHNICAL)


class TerminationManner(enum.Enum):
    """How the employment ended (the non-compete survives every one of them: Interp. (I) Art. 37)."""

    RESIGNATION = "resignation"  # 劳动者辞职
    MUTUAL_AGREEMENT = "mutual_agreement"  # 协商解除
    EMPLOYER_TERMINATION = "employer_termination"  # 用人单位解除
    DISMISSAL_FOR_CAUSE = "dismissal_for_cause"  # 过失性辞退
    CONTRACT_EXPIRY = "contract_expiry"  # 合同期满终止
    OTHER = "other"


class CompensationBasis(enum.Enum):
    """How the agreement states the monthly non-compete compensation."""

    MONTHLY_AMOUNT = "monthly_amount"  # 固定月额
    WAGE_RATIO = "wage_ratio"  # 平均工资的比例
    NONE = "none"  # 未约定


class PaymentTiming(enum.Enum):
    """When the agreed compensation is paid."""

    MONTHLY_AFTER_TERMINATION = "monthly_after_termination"  # 离职后按月支付（LCL Art. 23(2)）
    LUMP_SUM_AT_TERMINATION = "lump_sum_at_termination"  # 离职时一次性支付
    DURING_EMPLOYMENT = "during_employment"  # 在职期间随工资发放
    OTHER = "other"


class PenaltyBasis(enum.Enum):
    """How the penalty (违约金) is stated."""

    NONE = "none"
    FIXED_AMOUNT = "fixed_amount"  # 固定金额
    MULTIPLE_OF_TOTAL_COMPENSATION = "multiple_of_total_compensation"  # 约定补偿总额的倍数
    MULTIPLE_OF_MONTHLY_WAGE = "multiple_of_monthly_wage"  # 月平均工资的倍数


class RegionExtent(enum.Enum):
    """How wide the restricted region is, as written."""

    SPECIFIED = "specified"  # the listed regions only
    NATIONWIDE = "nationwide"  # 全国
    WORLDWIDE = "worldwide"  # 全球
    NOT_STATED = "not_stated"  # 未约定地域


class ActivationDecision(enum.Enum):
    """The employer's decision at departure where it reserved activation (Interp. (I) Art. 37)."""

    NOT_RESERVED = "not_reserved"  # the clause applies as agreed; no decision needed
    NOT_RECORDED = "not_recorded"  # reserved, but no decision on record
    ACTIVATED = "activated"  # 通知履行
    WAIVED = "waived"  # 通知不履行


def _enum_problem(path: str, value: object, kind: type[enum.Enum]) -> Problem | None:
    """A problem when ``value`` is not a member of ``kind`` (the reason lists the members)."""
    if isinstance(value, kind) or value is UNKNOWN:
        return None
    allowed = [f"{kind.__name__}.{m.name}" for m in kind]
    return Problem.of(path, value, "expected one of {allowed}", allowed=allowed)


def _months_problem(path: str, value: object, *, optional: bool = False) -> Problem | None:
    """A problem when ``value`` is not a whole, non-negative number of months."""
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        return Problem.of(path, value, "must be a whole number of months")
    if value < 0:
        return Problem.of(path, value, "must be >= 0")
    return None


def _money_problem(path: str, value: object) -> Problem | None:
    """A problem when ``value`` (if given) is not a non-negative :class:`Money`."""
    if value is None or value is UNKNOWN:
        return None
    if not isinstance(value, Money):
        return Problem.of(path, value, "must be an amount of money")
    if value.currency != "CNY":
        return Problem.of(path, value, "must be CNY (the floors and minimum wages are in CNY)")
    if value.amount < 0:
        return Problem.of(path, value, "must not be negative")
    return None


def _fact_of(validator: Any) -> Any:
    """``validator``, or nothing for a fact not stated (:data:`~tradesecret.facts.UNKNOWN`)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not UNKNOWN:
            validator(instance, attribute, value)

    return check


def _bool_fact(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not UNKNOWN and not isinstance(value, bool):
        raise InvalidInputError.single(attribute.name, value, "must be true, false or not stated")


def _collect(*problems: Problem | None) -> list[Problem]:
    return [p for p in problems if p is not None]


def _month(value: object) -> pendulum.Date:
    day = to_date(value, path="month")
    return pendulum.Date(day.year, day.month, 1)


@attrs.frozen(kw_only=True)
class WageRecord:
    """
    One month of wage (应发工资, before tax) for the average-wage base.

    Attributes:
        month: The month; any day of it may be given, it is stored as its first day.
        amount: The wage paid for that month.
    """

    month: pendulum.Date = attrs.field(converter=_month)
    amount: Money = attrs.field(validator=exact(Money, floats_only=True))

    def __attrs_post_init__(self) -> None:
        problem = _money_problem("amount", self.amount)
        if problem is not None:
            raise InvalidInputError([problem])


@attrs.frozen(kw_only=True)
class StatedAverageWage:
    """
    The average monthly wage of the months before termination, stated as one figure.

    For users who know the average (from a payroll summary or a published decision)
    but not each month. Where monthly records are given too, the records are used and
    must cover the window.

    Attributes:
        amount: The average monthly wage (应发工资, before tax).
        source: Where the figure comes from (a payroll export, a decision's number...).
    """

    amount: Money
    source: str

    def __attrs_post_init__(self) -> None:
        problems = _collect(_money_problem("amount", self.amount))
        if not isinstance(self.source, str) or not self.source.strip():
            problems.append(Problem.of("source", self.source, "say where the figure comes from"))
        if problems:
            raise InvalidInputError(problems)


@attrs.frozen(kw_only=True)
class KnownSecret:
    """
    A trade secret (or IP-related confidential matter) the employee knew or accessed.

    The fields describe what the secret is competitively relevant to; Interp. (II)
    Art. 13(2) compares the agreed scope, region and period with them.

    Attributes:
        id: Identifier (the secret registry's id where there is one).
        description: What it is.
        business_lines: Business lines or products it concerns.
        regions: Markets where it gives an advantage (empty: not stated).
        relevance_months: How long it stays competitively relevant after the
            employee leaves, where assessed (``None``: not assessed).
    """

    id: str = attrs.field(metadata=_TEXT)
    description: str = ""
    business_lines: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    regions: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    relevance_months: int | None = None

    def __attrs_post_init__(self) -> None:
        problems = _collect(
            _months_problem("relevance_months", self.relevance_months, optional=True)
        )
        if not isinstance(self.id, str) or not self.id.strip():
            problems.append(Problem.of("id", self.id, "a secret needs a non-empty id"))
        if problems:
            raise InvalidInputError(problems)


@attrs.frozen(kw_only=True)
class EmployeeFacts:
    """
    The employee, as the non-compete rules need them.

    Attributes:
        person_id: Identifier (matched against the secret registry).
        role: Job title.
        category: Personnel category under LCL Art. 24(1) (``UNKNOWN``: not stated).
        place_of_performance: Region code of the place where the labour contract is
            performed (劳动合同履行地), e.g. ``"CN-SH"``; its minimum wage is the floor.
        employment_start: First day of employment.
        wages: Monthly wage records; where given, the months before termination must
            be complete. ``()``: no records given (the wage is then known only from
            ``average_wage``).
        average_wage: The average monthly wage stated as one figure with its source
            (``UNKNOWN``: not stated).
        secrets_known: Secrets known or accessed, given directly: ``()`` is "stated:
            none", ``UNKNOWN`` (the default) is "not stated". With a registry,
            :func:`~tradesecret.noncompete.review_noncompete` adds the registry's.
        termination_date: Last day of employment, if it has ended.
        termination_manner: How it ended.
        termination_agreement: Whether a termination agreement exists and deals with the
            non-compete (:class:`TerminationAgreement`; ``NONE``: stated, no such
            agreement; ``UNKNOWN``: not stated).
        termination_agreement_mentions_noncompete: Deprecated: use
            ``termination_agreement``. Accepted as input (``True``: mentions, ``False``:
            silent, ``None``: not stated) and must agree with ``termination_agreement``.
        told_reasons_and_secrets: Whether the employer told the employee why they are
            bound and which secrets are concerned (also accepted on the agreement as
            :attr:`NonCompeteAgreement.reasons_and_secrets_disclosed`; either suffices;
            ``UNKNOWN``: not stated).
    """

    person_id: str = attrs.field(metadata=_TEXT)
    role: str
    place_of_performance: str = attrs.field(metadata=_TEXT)
    employment_start: pendulum.Date = attrs.field(converter=_date)
    category: Fact[PersonnelCategory] = UNKNOWN
    wages: tuple[WageRecord, ...] = attrs.field(default=(), validator=tuple_of(WageRecord))
    average_wage: Fact[StatedAverageWage] = attrs.field(
        default=UNKNOWN, validator=_fact_of(attrs.validators.instance_of(StatedAverageWage))
    )
    secrets_known: Fact[tuple[KnownSecret, ...]] = attrs.field(
        default=UNKNOWN, validator=_fact_of(tuple_of(KnownSecret))
    )
    termination_date: pendulum.Date | None = attrs.field(
        default=None, converter=optional_date_field
    )
    termination_manner: TerminationManner | None = None
    termination_agreement: Fact[TerminationAgreement] = UNKNOWN
    termination_agreement_mentions_noncompete: bool | None = None
    told_reasons_and_secrets: Fact[bool] = attrs.field(default=UNKNOWN, validator=_bool_fact)

    def __attrs_post_init__(self) -> None:
        stated, conflict = from_deprecated(
            self.termination_agreement, self.termination_agreement_mentions_noncompete
        )
        object.__setattr__(self, "termination_agreement", stated)  # the deprecated input, read
        problems = _collect(
            _enum_problem("category", self.category, PersonnelCategory),
            _enum_problem("termination_agreement", stated, TerminationAgreement),
            conflict,
            None
            if self.termination_manner is None
            else _enum_problem("termination_manner", self.termination_manner, TerminationManner),
        )
        for name in ("person_id", "place_of_performance"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                problems.append(Problem.of(name, value, "required (a non-empty string)"))
        if self.termination_date is not None and self.termination_date < self.employment_start:
            problems.append(
                Problem.of(
                    "termination_date",
                    str(self.termination_date),
                    "termination is before the employment start",
                )
            )
        seen: set[object] = set()
        for i, record in enumerate(self.wages):  # each later record of a month, at its place
            if record.month in seen:
                problems.append(
                    Problem.of(
                        f"wages[{i}].month", record.month, "two wage records for the same month"
                    )
                )
            seen.add(record.month)
        if problems:
            raise InvalidInputError(problems)


@attrs.frozen(kw_only=True)
class CompensationTerms:
    """
    The compensation clause as written.

    Every term a user may not know is a fact (``UNKNOWN``: not stated): a published
    decision may say compensation was agreed without saying how much.

    Attributes:
        basis: Monthly amount, ratio of the average wage, or none agreed
            (``CompensationBasis.NONE`` is "stated: none agreed").
        monthly_amount: The agreed monthly amount (``MONTHLY_AMOUNT``).
        ratio: The agreed ratio of the average monthly wage (``WAGE_RATIO``).
        timing: When it is paid.
        in_service_amount: Amount the clause pays during employment labelled as
            non-compete (or confidentiality) pay (``None``: the clause has none); it does
            not replace post-termination compensation (MOHRSS guidelines §16).
    """

    basis: Fact[CompensationBasis] = UNKNOWN
    monthly_amount: Fact[Money] = attrs.field(
        default=UNKNOWN, validator=exact(Money, floats_only=True)
    )
    ratio: Fact[Ratio] = attrs.field(default=UNKNOWN, validator=exact(Ratio, floats_only=True))
    timing: Fact[PaymentTiming] = UNKNOWN
    in_service_amount: Money | None = attrs.field(
        default=None, validator=exact(Money, optional=True, floats_only=True)
    )

    def __attrs_post_init__(self) -> None:
        problems = _collect(
            _enum_problem("basis", self.basis, CompensationBasis),
            _enum_problem("timing", self.timing, PaymentTiming),
            _money_problem("monthly_amount", self.monthly_amount),
            _money_problem("in_service_amount", self.in_service_amount),
        )
        if self.ratio is not UNKNOWN and not isinstance(self.ratio, Ratio):
            problems.append(Problem.of("ratio", self.ratio, "must be a ratio"))
        # basis not stated: one figure is read with it (basis unknown); two contradict
        read = self.basis is UNKNOWN and (self.monthly_amount is UNKNOWN or self.ratio is UNKNOWN)
        pairs = (
            ("monthly_amount", self.monthly_amount, CompensationBasis.MONTHLY_AMOUNT),
            ("ratio", self.ratio, CompensationBasis.WAGE_RATIO),
        )
        for name, value, basis in pairs:
            if value is not UNKNOWN and self.basis is not basis and not read:
                problems.append(
                    Problem.of(
                        name,
                        value,
                        "given, but basis is not CompensationBasis.{basis} (set basis)",
                        basis=basis.name,
                    )
                )
        if problems:
            raise InvalidInputError(problems)


_MULTIPLE_BASES: Final = (
    PenaltyBasis.MULTIPLE_OF_TOTAL_COMPENSATION,
    PenaltyBasis.MULTIPLE_OF_MONTHLY_WAGE,
)


@attrs.frozen(kw_only=True)
class PenaltyTerms:
    """
    The penalty (违约金) clause as written.

    Attributes:
        basis: None, a fixed amount, or a multiple of total compensation or of the
            average monthly wage (``UNKNOWN``: not stated; ``PenaltyBasis.NONE``:
            stated, no penalty).
        amount: The fixed amount (``FIXED_AMOUNT``; ``UNKNOWN``: not stated).
        multiple: The multiple (the two ``MULTIPLE_*`` bases; ``UNKNOWN``: not stated).
        text: The clause as written.
    """

    basis: Fact[PenaltyBasis] = UNKNOWN
    amount: Fact[Money] = attrs.field(default=UNKNOWN, validator=exact(Money, floats_only=True))
    multiple: Fact[Decimal] = attrs.field(
        default=UNKNOWN, validator=exact(Decimal, floats_only=True)
    )
    text: str = ""

    def __attrs_post_init__(self) -> None:
        problems = _collect(
            _enum_problem("basis", self.basis, PenaltyBasis),
            _money_problem("amount", self.amount),
        )
        if self.multiple is not UNKNOWN:
            if isinstance(self.multiple, bool) or not isinstance(self.multiple, Decimal | int):
                problems.append(Problem.of("multiple", self.multiple, "must be a number"))
            elif self.multiple < 0:
                problems.append(Problem.of("multiple", self.multiple, "must be >= 0"))
        if self.amount is not UNKNOWN and self.basis is not PenaltyBasis.FIXED_AMOUNT:
            problems.append(
                Problem.of(
                    "amount",
                    self.amount,
                    "given, but basis is not PenaltyBasis.FIXED_AMOUNT (set basis)",
                )
            )
        if self.multiple is not UNKNOWN and self.basis not in _MULTIPLE_BASES:
            problems.append(
                Problem.of(
                    "multiple",
                    self.multiple,
                    "given, but basis is not a PenaltyBasis.MULTIPLE_* basis (set basis)",
                )
            )
        if problems:
            raise InvalidInputError(problems)


@attrs.frozen(kw_only=True)
class NonCompeteAgreement:
    """
    A non-compete agreement or clause, as written.

    Attributes:
        id: Identifier of the agreement.
        employer: The employer (party).
        employee: The employee (party); the person id of :class:`EmployeeFacts`.
        signed_on: Signing date.
        in_service: Restricts competition during employment (Interp. (II) Art. 14).
        post_termination: Restricts competition after employment ends (LCL Art. 24(2)).
        duration_months: Post-termination period in months, as written.
        business_lines: Restricted business lines or products.
        limited_to_competitors: The restriction covers only employers with the same
            or similar products or business (LCL Art. 24(2); ``UNKNOWN``: not stated).
        restricted_companies: Named restricted companies, where listed.
        regions: Restricted regions (codes or names) for ``RegionExtent.SPECIFIED``.
        region_extent: How wide the region is.
        region_reasons_stated: Reasons for a nationwide or worldwide region are stated.
        employer_regions: Where the employer actually operates.
        compensation: The compensation clause (``UNKNOWN``: not stated).
        penalty: The penalty clause (its ``basis`` ``UNKNOWN`` by default: not stated).
        release_clause: The release clause as written.
        release_unpaid_months: Months of unpaid compensation the release clause
            requires before the employee may be released (``None``: not stated).
        dispute_clause: The dispute clause as written.
        extends_period_during_proceedings: Time in arbitration or litigation does not
            count toward (extends) the period (the clause held invalid in Guiding Case 184).
        employer_may_change_unilaterally: The employer may change scope, region or
            period alone.
        reasons_and_secrets_disclosed: The employee was told why they are bound and which
            specific secrets are concerned (``UNKNOWN``: not stated).
        necessity_assessed: The employer assessed whether the restriction is needed
            (``UNKNOWN``: not stated).
        activation_reserved: The employer reserved the decision to activate at departure.
        activation_decision: That decision, where reserved.
        activation_decided_on: Date of the decision.
    """

    id: str = attrs.field(metadata=_TEXT)
    employer: str = attrs.field(metadata=_TEXT)
    employee: str = attrs.field(metadata=_TEXT)
    signed_on: pendulum.Date = attrs.field(converter=_date)
    in_service: bool = False
    post_termination: bool = True
    duration_months: int = 0
    business_lines: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    limited_to_competitors: Fact[bool] = attrs.field(default=UNKNOWN, validator=_bool_fact)
    restricted_companies: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    regions: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    region_extent: RegionExtent = RegionExtent.SPECIFIED
    region_reasons_stated: bool = False
    employer_regions: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    compensation: Fact[CompensationTerms] = UNKNOWN
    penalty: PenaltyTerms = attrs.field(factory=PenaltyTerms)
    release_clause: str = ""
    release_unpaid_months: int | None = None
    dispute_clause: str = ""
    extends_period_during_proceedings: bool = False
    employer_may_change_unilaterally: bool = False
    necessity_assessed: Fact[bool] = attrs.field(default=UNKNOWN, validator=_bool_fact)
    activation_reserved: bool = False
    reasons_and_secrets_disclosed: Fact[bool] = attrs.field(default=UNKNOWN, validator=_bool_fact)
    activation_decision: ActivationDecision = ActivationDecision.NOT_RESERVED
    activation_decided_on: pendulum.Date | None = attrs.field(
        default=None, converter=optional_date_field
    )

    def __attrs_post_init__(self) -> None:
        problems = _collect(
            _months_problem("duration_months", self.duration_months),
        )
        if not (self.in_service or self.post_termination):
            problems.append(
                Problem.of("post_termination", False, "restricts neither in service nor after")
            )
        problems += _collect(
            _months_problem("release_unpaid_months", self.release_unpaid_months, optional=True),
            _enum_problem("region_extent", self.region_extent, RegionExtent),
            _enum_problem("activation_decision", self.activation_decision, ActivationDecision),
        )
        for name in ("id", "employer", "employee"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                problems.append(Problem.of(name, value, "required (a non-empty string)"))
        if self.compensation is not UNKNOWN and not isinstance(
            self.compensation, CompensationTerms
        ):
            problems.append(
                Problem.of("compensation", self.compensation, "must be CompensationTerms")
            )
        if not isinstance(self.penalty, PenaltyTerms):
            problems.append(Problem.of("penalty", self.penalty, "must be PenaltyTerms"))
        if problems:
            raise InvalidInputError(problems)


def check_parties(agreement: NonCompeteAgreement, employee: EmployeeFacts) -> None:
    """
    Raise :class:`InvalidInputError` unless the agreement binds this employee.

    ``agreement.employee`` must equal ``employee.person_id``: a review or a floor computed
    with another person's wages would be silently wrong.
    """
    if agreement.employee != employee.person_id:
        raise InvalidInputError.single(
            "agreement.employee",
            agreement.employee,
            "the agreement binds another person than employee.person_id {person}",
            person=render_value(employee.person_id),
        )


@attrs.frozen(kw_only=True)
class BusinessProfile:
    """
    What a company actually does, for the competitive-relationship test (Guiding Case 190).

    Attributes:
        name: The company.
        registered_scope: Registered business scope items (经营范围).
        business_lines: Actual business lines.
        products: Actual products or services.
        customers: Service objects or product audience (服务对象、产品受众).
        markets: Markets (regions or segments) actually served.
    """

    name: str
    registered_scope: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    business_lines: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    products: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    customers: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    markets: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
