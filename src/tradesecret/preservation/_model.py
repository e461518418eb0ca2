"""
The application for conduct preservation (行为保全申请): who asks what of whom, and on which facts.

Everything here is an input. :func:`~tradesecret.preservation.assess_preservation`
turns it into a readiness assessment; :func:`~tradesecret.preservation.preservation_deadlines`
turns a :class:`PreservationDates` into a timetable.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

import attrs
import pendulum

from tradesecret._convert import exact, tuple_of
from tradesecret.dates import to_date, to_datetime
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.money import Money, Ratio
from tradesecret.results import Finding, Outcome

if TYPE_CHECKING:
    from attrs import AttrsInstance

__all__ = [
    "Application",
    "Claim",
    "ClaimInput",
    "ClaimedSecret",
    "HarmFacts",
    "OrderKind",
    "Party",
    "PartyKind",
    "PreservationDates",
    "PublicInterestFacts",
    "RequestedOrder",
    "RespondentLoss",
    "Security",
    "SecurityForm",
    "Stage",
    "UrgencyFacts",
]


class Stage(enum.Enum):
    """When the application is made."""

    #: Before suit or arbitration (诉前): CPL Art. 104 -- urgency and security are required.
    PRE_SUIT = "pre_suit"
    #: During the suit (诉中): CPL Art. 103.
    IN_SUIT = "in_suit"


class PartyKind(enum.Enum):
    """A natural person or an organisation."""

    INDIVIDUAL = "individual"
    COMPANY = "company"


class OrderKind(enum.Enum):
    """An order the applicant asks for."""

    NOT_DISCLOSE = "not_disclose"  # 不得披露
    NOT_USE = "not_use"  # 不得使用
    NOT_ALLOW_USE = "not_allow_use"  # 不得允许他人使用
    RETURN_CARRIERS = "return_carriers"  # 返还载体
    DESTROY_CARRIERS = "destroy_carriers"  # 销毁载体

    @property
    def prohibitory(self) -> bool:
        """True for an order not to do something (禁止作出一定行为)."""
        return self in (OrderKind.NOT_DISCLOSE, OrderKind.NOT_USE, OrderKind.NOT_ALLOW_USE)


class Claim(enum.Enum):
    """The legal claims an evidence evaluation establishes, as this module reads them."""

    #: The information meets the three criteria (not publicly known, value, measures).
    SECRET = "secret"  # noqa: S105 - a claim name, not a password
    #: The applicant owns it / formed it (chain of ownership and formation).
    OWNERSHIP = "ownership"
    #: The respondent had access (channel or opportunity).
    ACCESS = "access"
    #: What the respondent holds or uses is substantially the same as the secret.
    SIMILARITY = "similarity"
    #: An infringing act: improper acquisition, disclosure, use, or a real threat of one.
    INFRINGING_ACT = "infringing_act"


class SecurityForm(enum.Enum):
    """How security is offered (SPC IP-preservation provisions Art. 4: property or credit)."""

    CASH = "cash"
    BANK_GUARANTEE = "bank_guarantee"
    INSURANCE = "insurance"
    PROPERTY = "property"
    CREDIT = "credit"


@attrs.frozen
class _Invalid:
    """A field value that failed conversion: kept so that every problem can be reported."""

    value: object
    reason: str


def _invalid(value: object, exc: InvalidInputError) -> Any:
    return _Invalid(value, "; ".join(p.reason for p in exc.problems))


def _text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        return cast("str", _Invalid(value, "must be non-empty text"))
    return value


def _opt_date(value: object) -> pendulum.Date | None:
    try:
        return None if value is None else to_date(value)
    except InvalidInputError as exc:
        return cast("pendulum.Date", _invalid(value, exc))


def _opt_datetime(value: object) -> pendulum.DateTime | None:
    try:
        return None if value is None else to_datetime(value)
    except InvalidInputError as exc:
        return cast("pendulum.DateTime", _invalid(value, exc))


def _opt_money(value: object) -> Money | None:
    """``None``, a :class:`Money`, or an exact amount in yuan (``str``, ``int``, ``Decimal``)."""
    if value is None:
        return None
    if not isinstance(value, Money):
        if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
            return cast(
                "Money", _Invalid(value, "expected Money or an exact amount (str, int, Decimal)")
            )
        try:
            value = Money(value)
        except InvalidInputError as exc:
            return cast("Money", _invalid(value, exc))
    if value.amount < 0:
        return cast("Money", _Invalid(value, "cannot be negative"))
    return value


def _problems(obj: AttrsInstance) -> list[Problem]:
    """Every field of ``obj`` that failed conversion, with its name as the path."""
    return [
        Problem.of(f.name, v.value, v.reason)
        for f in attrs.fields(type(obj))
        if isinstance(v := getattr(obj, f.name), _Invalid)
    ]


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise InvalidInputError(problems)


def _check(obj: AttrsInstance) -> None:
    _raise_if(_problems(obj))


@attrs.frozen(kw_only=True)
class Party:
    """
    Applicant or respondent.

    Attributes:
        name: Name as it will appear in the application (个人姓名 / 单位名称).
        kind: Individual or company.
        identified: True when the application can state who the party is (SPC
            IP-preservation provisions Art. 4 requires the parties to be stated; giving an
            ID number or unified social credit code and an address is common practice).
        former_employee: True when an individual respondent is or was the applicant's employee.
    """

    name: str = attrs.field(converter=_text)
    kind: PartyKind
    identified: bool = True
    former_employee: bool = False

    def __attrs_post_init__(self) -> None:
        _check(self)


@attrs.frozen(kw_only=True)
class ClaimedSecret:
    """
    A trade secret the application protects.

    Attributes:
        id: Stable identifier (the registry id where there is one).
        title: Short title.
        content_defined: True when its content ("secret points") is stated precisely
            enough to tell it from public information.
        carriers: Identifiers of its carriers (documents, drawings, files...).
    """

    id: str = attrs.field(converter=_text)
    title: str = attrs.field(converter=_text)
    content_defined: bool = True
    carriers: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))

    def __attrs_post_init__(self) -> None:
        _check(self)


@attrs.frozen(kw_only=True)
class RequestedOrder:
    """
    One order asked for, with its content and duration (SPC IP-preservation provisions Art. 4).

    Give exactly one duration: ``until_judgment_effective`` (the usual duration of an
    order to stop infringement, Art. 13), a number of ``months``, or an ``until`` date.

    Attributes:
        kind: What the respondent is ordered to do or not to do.
        secrets: Ids of the claimed secrets it covers (empty means unspecified).
        description: The concrete content, as it would be written in the application.
        until_judgment_effective: The order lasts until the judgment becomes effective.
        months: A fixed duration in months.
        until: A fixed last day.
    """

    kind: OrderKind
    secrets: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    description: str = ""
    until_judgment_effective: bool = False
    months: int | None = None
    until: pendulum.Date | None = attrs.field(default=None, converter=_opt_date)

    def __attrs_post_init__(self) -> None:
        problems = _problems(self)
        if self.months is not None and (
            isinstance(self.months, bool) or not isinstance(self.months, int) or self.months <= 0
        ):
            problems.append(Problem.of("months", self.months, "must be a positive int"))
        _raise_if(problems)

    @property
    def durations_given(self) -> int:
        """How many of the three duration forms are given (exactly one is specific)."""
        return sum((self.until_judgment_effective, self.months is not None, self.until is not None))


@attrs.frozen(kw_only=True)
class UrgencyFacts:
    """
    Why the court must act at once (SPC IP-preservation provisions Arts. 5--6).

    Attributes:
        disclosure_imminent: The secret is about to be unlawfully disclosed (Art. 6(1)).
        time_sensitive_occasion: Infringement at a time-sensitive occasion such as a
            trade fair, or of a time-sensitive popular programme (Art. 6(4)--(5)).
        disposal_imminent: The disputed right is about to be unlawfully disposed of (Art. 6(3)).
        other: Any other reason for immediate measures (Art. 6(6)), as text.
        questioning_may_defeat_enforcement: Hearing the respondent first could defeat
            the measure (Art. 5(1)), e.g. the respondent could delete or send the files.
        discovered_on: When the applicant learnt of the threat (delay weakens urgency).
        detail: Free-text account, quoted in the report.
    """

    disclosure_imminent: bool = False
    time_sensitive_occasion: bool = False
    disposal_imminent: bool = False
    other: str = ""
    questioning_may_defeat_enforcement: bool = False
    discovered_on: pendulum.Date | None = attrs.field(default=None, converter=_opt_date)
    detail: str = ""

    def __attrs_post_init__(self) -> None:
        _check(self)

    @property
    def any(self) -> bool:
        """True when at least one Art. 6 situation is stated."""
        return (
            self.disclosure_imminent
            or self.time_sensitive_occasion
            or self.disposal_imminent
            or bool(self.other.strip())
        )


@attrs.frozen(kw_only=True)
class HarmFacts:
    """
    The harm the applicant would suffer without the order (SPC IP-preservation provisions Art. 10).

    Attributes:
        reputation_unrecoverable: Harm to goodwill, or to personal rights such as the right of
            publication or privacy, that cannot be restored (Art. 10(1)).
        spread_uncontrollable: The infringement would get out of control, the loss growing
            markedly (Art. 10(2)).
        posted_publicly: The secret has been or is about to be posted where anyone can
            read it (e.g. a public website or forum): a form of uncontrollable spread.
        market_share_fall: Expected fall of the applicant's share of the relevant market
            (Art. 10(3)), e.g. ``Ratio("0.15")``.
        users_affected: Number of users or customers exposed, where relevant.
        strategy_exposed: Unreleased products, launch plans or business strategy would
            be exposed.
        judgment_hard_to_enforce: Without the order a judgment would be hard to enforce (Art. 7(2)).
        purely_monetary: The applicant's loss is money that can be calculated and paid later.
        estimated_loss: The applicant's estimated loss without the order.
        other: Any other irreparable harm (Art. 10(4)), as text.
    """

    reputation_unrecoverable: bool = False
    spread_uncontrollable: bool = False
    posted_publicly: bool = False
    market_share_fall: Ratio | None = attrs.field(
        default=None, validator=exact(Ratio, optional=True, floats_only=True)
    )
    users_affected: int | None = None
    strategy_exposed: bool = False
    judgment_hard_to_enforce: bool = False
    purely_monetary: bool = False
    estimated_loss: Money | None = attrs.field(default=None, converter=_opt_money)
    other: str = ""

    def __attrs_post_init__(self) -> None:
        problems = _problems(self)
        users = self.users_affected
        if users is not None and (
            isinstance(users, bool) or not isinstance(users, int) or users < 0
        ):
            problems.append(Problem.of("users_affected", users, "must be a non-negative int"))
        fall = self.market_share_fall
        if fall is not None and not (
            isinstance(fall, Ratio) and Decimal(0) <= fall.value <= Decimal(1)
        ):
            problems.append(Problem.of("market_share_fall", fall, "must be a Ratio within [0, 1]"))
        _raise_if(problems)


@attrs.frozen(kw_only=True)
class RespondentLoss:
    """
    What the order could cost the respondent (the measure of security, SPC Art. 11).

    Attributes:
        estimated: A total, where one is known.
        lost_sales: Sales revenue lost while the order stands.
        storage_costs: Storage costs of products concerned.
        other_costs: Any other loss.
        monthly_sales_at_stake: Monthly sales revenue of the products or services the order
            would stop; when ``lost_sales`` is not given, the assessment multiplies it by
            the longest order's duration in months (see
            :func:`~tradesecret.preservation.assess_preservation`).
        basis: How the figures were reached, quoted in the report.
    """

    estimated: Money | None = attrs.field(default=None, converter=_opt_money)
    lost_sales: Money | None = attrs.field(default=None, converter=_opt_money)
    monthly_sales_at_stake: Money | None = attrs.field(default=None, converter=_opt_money)
    storage_costs: Money | None = attrs.field(default=None, converter=_opt_money)
    other_costs: Money | None = attrs.field(default=None, converter=_opt_money)
    basis: str = ""

    def __attrs_post_init__(self) -> None:
        _check(self)

    @property
    def total(self) -> Money | None:
        """
        ``estimated`` if given, else the sum of the components given, else ``None``.

        ``monthly_sales_at_stake`` is not included: it needs the orders' duration. The
        assessment's :attr:`SecurityEstimate.respondent_loss
        <tradesecret.preservation.SecurityEstimate.respondent_loss>` includes it.
        """
        if self.estimated is not None:
            return self.estimated
        parts = [p for p in (self.lost_sales, self.storage_costs, self.other_costs) if p]
        if not parts:
            return None
        total = parts[0]
        for part in parts[1:]:
            total = total + part
        return total


@attrs.frozen(kw_only=True)
class PublicInterestFacts:
    """
    Whether the order could harm the public interest (SPC IP-preservation provisions Art. 7(4)).

    Attributes:
        public_good: The respondent's product or service is a public good.
        market_operated: It is provided on market terms (others can supply it).
        national_security: National security is involved.
        public_health: Public health is involved.
        environment: The environment is involved.
        detail: Free-text account.
    """

    public_good: bool = False
    market_operated: bool = True
    national_security: bool = False
    public_health: bool = False
    environment: bool = False
    detail: str = ""


@attrs.frozen(kw_only=True)
class Security:
    """
    Security offered by the applicant (SPC IP-preservation provisions Arts. 4, 11).

    Attributes:
        amount: Amount offered (``None`` when none is offered).
        form: Cash, bank guarantee, insurance (保全责任保险), property or credit.
        reason_for_none: Why no security is offered (in-suit applications only).
    """

    amount: Money | None = attrs.field(default=None, converter=_opt_money)
    form: SecurityForm | None = None
    reason_for_none: str = ""

    def __attrs_post_init__(self) -> None:
        _check(self)


@attrs.frozen(kw_only=True)
class ClaimInput:
    """
    The outcome of one legal claim, as an evidence evaluation gives it.

    The application carries these directly when no evidence graph is attached (or to
    override one): the preservation logic only needs the outcome, the evidence relied
    on and what is missing.

    Attributes:
        claim: The claim.
        outcome: Established (``MET``), not established, contested or insufficient.
        evidence: Ids of the evidence items relied on.
        gaps: What is missing, in words (one entry per gap, most useful first).
        strength: Optional strength in [0, 1] from the evaluation; when absent the
            library's policy strength for the outcome is used.
        secret: The claimed secret it concerns (``None``: all of them).
        findings: Gap findings from the evidence evaluation (their messages come from
            the evidence catalog), filled in by
            :func:`~tradesecret.preservation.claims_from_evaluation`.
    """

    claim: Claim
    outcome: Outcome
    evidence: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    gaps: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))
    strength: Decimal | None = attrs.field(
        default=None, validator=exact(Decimal, optional=True, floats_only=True)
    )
    secret: str | None = None
    findings: tuple[Finding, ...] = attrs.field(default=(), validator=tuple_of(Finding))

    def __attrs_post_init__(self) -> None:
        strength = self.strength
        if strength is not None and not (
            isinstance(strength, Decimal) and strength.is_finite() and 0 <= strength <= 1
        ):
            raise InvalidInputError.single("strength", strength, "must be a Decimal within [0, 1]")


@attrs.frozen(kw_only=True)
class Application:
    """
    An application for conduct preservation in a trade-secret dispute.

    Attributes:
        id: Identifier (matter number).
        applicant: The right holder applying.
        respondent: The person or company to be restrained.
        stage: Pre-suit or in-suit.
        secrets: The trade secrets claimed.
        orders: The orders requested.
        urgency: Urgency facts.
        harm: The applicant's harm without the order.
        respondent_loss: The respondent's likely loss from the order.
        public_interest: Public-interest facts.
        security: Security offered.
        claims: Claim outcomes (from an evidence evaluation, or stated directly).
        court: The court the application will be filed with, if chosen.
    """

    id: str = attrs.field(converter=_text)
    applicant: Party
    respondent: Party
    stage: Stage
    secrets: tuple[ClaimedSecret, ...] = attrs.field(validator=tuple_of(ClaimedSecret))
    orders: tuple[RequestedOrder, ...] = attrs.field(validator=tuple_of(RequestedOrder))
    urgency: UrgencyFacts = attrs.field(factory=UrgencyFacts)
    harm: HarmFacts = attrs.field(factory=HarmFacts)
    respondent_loss: RespondentLoss = attrs.field(factory=RespondentLoss)
    public_interest: PublicInterestFacts = attrs.field(factory=PublicInterestFacts)
    security: Security = attrs.field(factory=Security)
    claims: tuple[ClaimInput, ...] = attrs.field(default=(), validator=tuple_of(ClaimInput))
    court: str = ""

    def __attrs_post_init__(self) -> None:
        problems = _problems(self)
        ids = [s.id for s in self.secrets]
        if len(set(ids)) != len(ids):
            problems.append(Problem.of("secrets", ids, "duplicate secret id"))
        known = set(ids)
        for i, order in enumerate(self.orders):
            problems.extend(
                Problem.of(f"orders[{i}].secrets", sid, "not a claimed secret")
                for sid in order.secrets
                if sid not in known
            )
        for i, claim in enumerate(self.claims):
            if claim.secret is not None and claim.secret not in known:
                problems.append(
                    Problem.of(f"claims[{i}].secret", claim.secret, "not a claimed secret")
                )
        if problems:
            raise InvalidInputError(problems)


@attrs.frozen(kw_only=True)
class PreservationDates:
    """
    The procedural events of one preservation matter, as far as they have happened.

    Hours matter only for the 48-hour ruling: ``accepted_at`` and ``ruled_at`` are
    aware datetimes (ISO 8601 with an offset; counted in ``Asia/Shanghai``). Every
    other event is a date.

    Attributes:
        stage: Pre-suit or in-suit.
        urgent: For an in-suit application, whether the court treats it as urgent
            (a pre-suit application is urgent by definition, CPL Art. 104).
        accepted_at: When the court accepted the application.
        ruled_at: When it ruled.
        executed_on: When the measure was taken (executed).
        service_deferred: The ruling was served on the respondent after execution (Art. 5(2)).
        served_on: When it was served.
        suit_filed_on: When the applicant sued or applied for arbitration.
        measure_expires_on: The last day of the measure's term, where the ruling sets one.
        continuation_requested_on: When the applicant asked to continue the measure.
        reconsideration_requested_on: When a party asked for reconsideration.
        reconsideration_count: How many reconsideration requests that party has made
            (default: one when ``reconsideration_requested_on`` is given).
        reconsideration_ruled_on: When the reconsideration was decided.
        lift_applied_on: When a party applied to lift the measure.
        lift_qualifies: The application to lift meets CPL Interpretation Art. 166.
        lift_ruled_on: When the court ruled on lifting.
    """

    stage: Stage
    urgent: bool = False
    accepted_at: pendulum.DateTime | None = attrs.field(default=None, converter=_opt_datetime)
    ruled_at: pendulum.DateTime | None = attrs.field(default=None, converter=_opt_datetime)
    executed_on: pendulum.Date | None = attrs.field(default=None, converter=_opt_date)
    service_deferred: bool = False
    served_on: pendulum.Date | None = attrs.field(default=None, converter=_opt_date)
    suit_filed_on: pendulum.Date | None = attrs.field(default=None, converter=_opt_date)
    measure_expires_on: pendulum.Date | None = attrs.field(default=None, converter=_opt_date)
    continuation_requested_on: pendulum.Date | None = attrs.field(default=None, converter=_opt_date)
    reconsideration_requested_on: pendulum.Date | None = attrs.field(
        default=None, converter=_opt_date
    )
    reconsideration_count: int | None = None
    reconsideration_ruled_on: pendulum.Date | None = attrs.field(default=None, converter=_opt_date)
    lift_applied_on: pendulum.Date | None = attrs.field(default=None, converter=_opt_date)
    lift_qualifies: bool = True
    lift_ruled_on: pendulum.Date | None = attrs.field(default=None, converter=_opt_date)

    def __attrs_post_init__(self) -> None:
        problems = _problems(self)
        bad = {p.path for p in problems}

        def order(later: str, earlier: str) -> None:
            a, b = getattr(self, later), getattr(self, earlier)
            if a is None or b is None or later in bad or earlier in bad:
                return
            a_day = a.date() if isinstance(a, pendulum.DateTime) else a
            b_day = b.date() if isinstance(b, pendulum.DateTime) else b
            if a_day < b_day:
                problems.append(Problem.of(later, str(a), f"is before {earlier} ({b})"))

        if (
            self.accepted_at is not None
            and self.ruled_at is not None
            and not {"accepted_at", "ruled_at"} & bad
            and self.ruled_at < self.accepted_at
        ):
            problems.append(
                Problem.of(
                    "ruled_at", str(self.ruled_at), f"is before accepted_at ({self.accepted_at})"
                )
            )
        order("executed_on", "ruled_at")
        order("executed_on", "accepted_at")
        order("served_on", "executed_on")
        order("reconsideration_ruled_on", "reconsideration_requested_on")
        order("lift_ruled_on", "lift_applied_on")
        order("measure_expires_on", "executed_on")
        if self.served_on is not None and self.service_deferred and self.executed_on is None:
            problems.append(
                Problem.of("executed_on", None, "deferred service needs the execution date")
            )
        count = self.reconsideration_count
        if count is not None and (
            isinstance(count, bool) or not isinstance(count, int) or count < 0
        ):
            problems.append(
                Problem.of("reconsideration_count", count, "must be a non-negative int")
            )
        if problems:
            raise InvalidInputError(problems)
