"""
The application for conduct preservation (行为保全申请): who asks what of whom, and on which facts.

Everything here is an input. :func:`~tradesecret.preservation.assess_preservation`
turns it into a readiness assessment; :func:`~tradesecret.preservation.preservation_deadlines`
turns a :class:`PreservationDates` into a timetable.
"""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs
import pendulum

from tradesecret._convert import exact, tuple_of
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.facts import Tri
from tradesecret.preservation._facts import (
    HarmFacts,
    PublicInterestFacts,
    RespondentLoss,
    Security,
    UrgencyFacts,
)
from tradesecret.preservation._inputs import check, opt_date, problems_of, raise_if, text
from tradesecret.results import Finding, Outcome

__all__ = [
    "Application",
    "Claim",
    "ClaimInput",
    "ClaimedSecret",
    "OrderKind",
    "Party",
    "PartyKind",
    "RequestedOrder",
    "Stage",
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

    name: str = attrs.field(converter=text)
    kind: PartyKind
    identified: bool = True
    former_employee: bool = False

    def __attrs_post_init__(self) -> None:
        check(self)


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

    id: str = attrs.field(converter=text)
    title: str = attrs.field(converter=text)
    content_defined: bool = True
    carriers: tuple[str, ...] = attrs.field(default=(), validator=tuple_of(str))

    def __attrs_post_init__(self) -> None:
        check(self)


@attrs.frozen(kw_only=True)
class RequestedOrder:
    """
    One order asked for, with its content and duration (SPC IP-preservation provisions Art. 4).

    Give exactly one duration: ``until_judgment_effective`` (the usual duration of an
    order to stop infringement, Art. 13), a number of ``months``, or an ``until`` date.
    None of them is "duration not stated": the duration rule is then undetermined (the
    application needs one before filing); two or more is a defect.

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
    until: pendulum.Date | None = attrs.field(default=None, converter=opt_date)

    def __attrs_post_init__(self) -> None:
        problems = problems_of(self)
        if self.months is not None and (
            isinstance(self.months, bool) or not isinstance(self.months, int) or self.months <= 0
        ):
            problems.append(Problem.of("months", self.months, "must be a whole number >= 1"))
        raise_if(problems)

    @property
    def durations_given(self) -> int:
        """How many of the three duration forms are given (exactly one is specific)."""
        return sum((self.until_judgment_effective, self.months is not None, self.until is not None))

    @property
    def duration_stated(self) -> Tri:
        """Exactly one duration: true; more than one: false; none: not stated (unknown)."""
        given = self.durations_given
        if given == 0:
            return Tri.UNKNOWN
        return Tri.of(given == 1)


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
            raise InvalidInputError.single("strength", strength, "must be a number within [0, 1]")


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

    id: str = attrs.field(converter=text)
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
        problems = problems_of(self)
        ids = [s.id for s in self.secrets]
        if len(set(ids)) != len(ids):
            problems.append(Problem.of("secrets", ids, "duplicate secret id"))
        known = set(ids)
        for i, order in enumerate(self.orders):
            problems.extend(
                Problem.of(f"orders[{i}].secrets[{j}]", sid, "not a claimed secret")
                for j, sid in enumerate(order.secrets)
                if sid not in known
            )
        for i, claim in enumerate(self.claims):
            if claim.secret is not None and claim.secret not in known:
                problems.append(
                    Problem.of(f"claims[{i}].secret", claim.secret, "not a claimed secret")
                )
        if problems:
            raise InvalidInputError(problems)
