"""
The facts of an application for conduct preservation: urgency, harm, the respondent's
loss, the public interest and the security offered.

A fact the applicant has not stated is :data:`~tradesecret.facts.UNKNOWN` where a user
can reasonably not know it yet (the security offered, whether questioning the respondent
could defeat the measure, when the threat was discovered): the rules that turn on it are
undetermined and name it; the others are still decided.
"""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs
import pendulum

from tradesecret._convert import exact
from tradesecret.exceptions import Problem
from tradesecret.facts import UNKNOWN, Fact, Tri
from tradesecret.money import Money, Ratio
from tradesecret.preservation._inputs import (
    check,
    fact_bool,
    fact_date,
    opt_money,
    problems_of,
    raise_if,
    security_amount,
)

__all__ = [
    "HarmFacts",
    "PublicInterestFacts",
    "RespondentLoss",
    "Security",
    "SecurityForm",
    "UrgencyFacts",
]


class SecurityForm(enum.Enum):
    """How security is offered (SPC IP-preservation provisions Art. 4: property or credit)."""

    CASH = "cash"
    BANK_GUARANTEE = "bank_guarantee"
    INSURANCE = "insurance"
    PROPERTY = "property"
    CREDIT = "credit"


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
            the measure (Art. 5(1)), e.g. the respondent could delete or send the files
            (default: not stated).
        discovered_on: When the applicant learnt of the threat (delay weakens urgency;
            default: not stated).
        detail: Free-text account, quoted in the report.
    """

    disclosure_imminent: bool = False
    time_sensitive_occasion: bool = False
    disposal_imminent: bool = False
    other: str = ""
    questioning_may_defeat_enforcement: Fact[bool] = attrs.field(
        default=UNKNOWN, converter=fact_bool
    )
    discovered_on: Fact[pendulum.Date] = attrs.field(default=UNKNOWN, converter=fact_date)
    detail: str = ""

    def __attrs_post_init__(self) -> None:
        check(self)

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
    estimated_loss: Money | None = attrs.field(default=None, converter=opt_money)
    other: str = ""

    def __attrs_post_init__(self) -> None:
        problems = problems_of(self)
        users = self.users_affected
        if users is not None and (
            isinstance(users, bool) or not isinstance(users, int) or users < 0
        ):
            problems.append(Problem.of("users_affected", users, "must be a whole number >= 0"))
        fall = self.market_share_fall
        if fall is not None and not (
            isinstance(fall, Ratio) and Decimal(0) <= fall.value <= Decimal(1)
        ):
            problems.append(Problem.of("market_share_fall", fall, "must be a ratio within [0, 1]"))
        raise_if(problems)


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

    estimated: Money | None = attrs.field(default=None, converter=opt_money)
    lost_sales: Money | None = attrs.field(default=None, converter=opt_money)
    monthly_sales_at_stake: Money | None = attrs.field(default=None, converter=opt_money)
    storage_costs: Money | None = attrs.field(default=None, converter=opt_money)
    other_costs: Money | None = attrs.field(default=None, converter=opt_money)
    basis: str = ""

    def __attrs_post_init__(self) -> None:
        check(self)

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

    These are facts about the respondent's product and the public, which the court weighs
    whoever raises them -- not the applicant's assertions of its own harm. Each is
    :data:`~tradesecret.facts.UNKNOWN` until stated (``None`` in Python and ``null`` in a
    case file mean the same): the factor is undetermined while an unstated one could
    change it. :meth:`not_involved` states that none is involved.

    Attributes:
        public_good: The respondent's product or service is a public good.
        market_operated: It is provided on market terms (others can supply it); read
            only for a public good.
        national_security: National security is involved.
        public_health: Public health is involved.
        environment: The environment is involved.
        detail: Free-text account.
    """

    public_good: Fact[bool] = attrs.field(default=UNKNOWN, converter=fact_bool)
    market_operated: Fact[bool] = attrs.field(default=UNKNOWN, converter=fact_bool)
    national_security: Fact[bool] = attrs.field(default=UNKNOWN, converter=fact_bool)
    public_health: Fact[bool] = attrs.field(default=UNKNOWN, converter=fact_bool)
    environment: Fact[bool] = attrs.field(default=UNKNOWN, converter=fact_bool)
    detail: str = ""

    def __attrs_post_init__(self) -> None:
        check(self)

    @classmethod
    def not_involved(cls, detail: str = "") -> PublicInterestFacts:
        """
        Stated: not a public good, and no national security, public health or environment.

        Examples:
            >>> PublicInterestFacts.not_involved().public_health
            False
        """
        return cls(
            public_good=False,
            national_security=False,
            public_health=False,
            environment=False,
            detail=detail,
        )


@attrs.frozen(kw_only=True)
class Security:
    """
    Security offered by the applicant (SPC IP-preservation provisions Arts. 4, 11).

    Attributes:
        amount: Amount offered: not stated (:data:`~tradesecret.facts.UNKNOWN`, the
            default: the offer is not decided yet), ``None`` or zero (stated: none is
            offered), or an amount.
        form: Cash, bank guarantee, insurance (保全责任保险), property or credit.
        reason_for_none: Why no security is offered (in-suit applications only).
    """

    amount: Fact[Money | None] = attrs.field(default=UNKNOWN, converter=security_amount)
    form: SecurityForm | None = None
    reason_for_none: str = ""

    def __attrs_post_init__(self) -> None:
        check(self)

    @property
    def offered(self) -> Tri:
        """
        Whether security is offered: unknown while the amount is not stated, unless a
        reason for offering none is given (which states that none is offered).
        """
        amount = self.amount
        if amount is UNKNOWN:
            return Tri.FALSE if self.reason_for_none.strip() else Tri.UNKNOWN
        return Tri.of(amount is not None and not amount.is_zero())

    @property
    def offered_amount(self) -> Money | None:
        """The amount offered, where one is (``None``: not stated or none)."""
        amount = self.amount
        if amount is UNKNOWN or amount is None or amount.is_zero():
            return None
        return amount
