"""
Customer information (客户信息 / 客户名单): what a qualifying compilation must hold, by period.

The rows below are the law's list, each beside the clause it implements. Rows resting on the
2020 provisions never fire before 2020-09-12; rows resting on the 2007 interpretation never
after its repeal (2022-03-20); where both are law and give the same finding, the 2020 row
prevails (:func:`~tradesecret.definition._law.prevailing`). Before 2007-02-01 no
interpretation said what customer information qualifies: the criterion says there was no
such rule, and the three statutory elements decide.

Identity and contact details alone (name, address, contact) do not make customer
information a trade secret: the 2020 provisions define customer information as those
details *and* 「交易习惯、意向、内容等信息」 (Art. 1(3)) and refuse a claim that rests only on a
long-term relationship (Art. 2(1)); the 2007 interpretation required 「区别于相关公知信息的特殊客户
信息」 (Art. 13(1)). A list of identities is what the public channels of Art. 4(1) item 5 give.
"""

from __future__ import annotations

from functools import partial
from typing import Final

import attrs

from tradesecret.definition._law import SPC2007, SPC2020, DefinitionLaw, prevailing
from tradesecret.definition._model import CustomerInformation, SecretKind, TradeSecret
from tradesecret.engine import Check, Effect, RuleTable
from tradesecret.facts import UNKNOWN, Fact, Tri, tri
from tradesecret.results import Criterion, Finding, Outcome, Severity

__all__ = ["CUSTOMER_TABLE", "customer_information", "is_customer_information"]

CODE: Final = "definition.customer_information"


@attrs.frozen(kw_only=True)
class CustomerFacts:
    """What the customer rows read: the secret's customer information, possibly unknown."""

    customer_information: Fact[CustomerInformation] = UNKNOWN


def _identity_only(f: CustomerFacts) -> Tri:
    return tri(
        f.customer_information,
        lambda info: tri(info.elements, lambda els: not any(e.in_depth for e in els)),
    )


def _long_term_only(f: CustomerFacts) -> Tri:
    return tri(f.customer_information, lambda info: info.relies_on_long_term_relationship_only)


def _followed(f: CustomerFacts) -> bool:
    info = f.customer_information
    return info is not UNKNOWN and bool(info.followed_individual_employee)


def _followed_args(f: CustomerFacts) -> dict[str, object]:
    info = f.customer_information
    names = () if info is UNKNOWN else info.followed_individual_employee
    return {"customer": ", ".join(names)}


_ELEMENTS: Final = ("customer_information.elements",)
_LONG_TERM: Final = ("customer_information.relies_on_long_term_relationship_only",)
_DEPTH: Final = ("definition.remedy.document_customer_depth",)

# Each finding's columns, stated once; its rows by period give their basis and clause.
_identity_rows = partial(Check[CustomerFacts], code="definition.customer.identity_only",
                         severity=Severity.HIGH, effect=Effect.FAILS, facts=_ELEMENTS,
                         when=_identity_only, remedies=_DEPTH)  # fmt: skip
_followed_rows = partial(Check[CustomerFacts], code="definition.customer.followed_employee",
                         severity=Severity.INFO, effect=Effect.NOTES, when=_followed,
                         args=_followed_args)  # fmt: skip

#: The customer-information rows, newest law first (the 2020 rows prevail where both apply).
CUSTOMER_TABLE: Final = RuleTable[CustomerFacts](
    criterion=CODE,
    basis=(f"{SPC2020}:1.3", f"{SPC2020}:2"),
    checks=(
        # 法释〔2020〕7号 Art. 1(3): 「前款所称的客户信息，包括客户的名称、地址、联系方式以及交易习惯、意向、内容等信息。」
        # (customer information includes the customer's name, address and contact details *and*
        # its trading habits, intentions and contents.)
        _identity_rows(basis=(f"{SPC2020}:1.3",), support=(f"{SPC2020}:2.1",),
                       clause="法释〔2020〕7号 第一条第三款：……客户信息，"
                              "包括客户的名称、地址、联系方式以及交易习惯、意向、内容等信息。"),
        # 法释〔2020〕7号 Art. 2(1): 「当事人仅以与特定客户保持长期稳定交易关系为由，主张该特定客户属于商业秘密的，
        # 人民法院不予支持。」 (a long-term stable relationship alone is not enough.) No such rule
        # before 2020-09-12: the 2007 text counted 「保持长期稳定交易关系的特定客户」 among customer lists.
        Check[CustomerFacts](code="definition.customer.long_term_only", severity=Severity.HIGH,
                             effect=Effect.FAILS, basis=(f"{SPC2020}:2.1",), facts=_LONG_TERM,
                             when=_long_term_only, remedies=_DEPTH,
                             clause="法释〔2020〕7号 第二条第一款：当事人仅以与特定客户保持长期稳定交易关系为由，"
                                    "主张该特定客户属于商业秘密的，人民法院不予支持。"),
        # 法释〔2020〕7号 Art. 2(2): 「客户基于对员工个人的信赖而与该员工所在单位进行交易，该员工离职后，能够证明客户
        # 自愿选择与该员工或者该员工所在的新单位进行交易的，人民法院应当认定该员工没有采用不正当手段获取权利人的商业秘密。」
        _followed_rows(basis=(f"{SPC2020}:2.2",),
                       clause="法释〔2020〕7号 第二条第二款：客户基于对员工个人的信赖……"
                              "人民法院应当认定该员工没有采用不正当手段……"),
        # 法释〔2007〕2号 Art. 13(1): 「商业秘密中的客户名单，一般是指客户的名称、地址、联系方式以及交易的习惯、
        # 意向、内容等构成的区别于相关公知信息的特殊客户信息，包括汇集众多客户的客户名册，以及保持长期稳定交易关系的特定客户。」
        # (a customer list is special customer information, distinct from public information, made
        # of names, addresses, contacts *and* trading habits, intentions and contents.)
        _identity_rows(basis=(f"{SPC2007}:13.1",),
                       clause="法释〔2007〕2号 第十三条第一款：……客户名单……区别于相关公知信息的特殊客户信息……"),
        # 法释〔2007〕2号 Art. 13(2): 「客户基于对职工个人的信赖而与职工所在单位进行市场交易，该职工离职后，能够证明
        # 客户自愿选择与自己或者其新单位进行市场交易的，应当认定没有采用不正当手段，但职工与原单位另有约定的除外。」
        _followed_rows(basis=(f"{SPC2007}:13.2",),
                       clause="法释〔2007〕2号 第十三条第二款：……应当认定没有采用不正当手段，但职工与原单位另有约定的除外。"),
    ),
    clause="法释〔2020〕7号 第一条第三款、第二条；法释〔2007〕2号 第十三条（至2022-03-19）",
)  # fmt: skip


def is_customer_information(secret: TradeSecret) -> bool:
    """True for customer information (by kind, sub-type or stated details)."""
    return (
        secret.kind is SecretKind.CUSTOMER_INFORMATION
        or secret.customer_information is not UNKNOWN
        or any(s.kind is SecretKind.CUSTOMER_INFORMATION for s in secret.subtypes)
    )


def customer_information(secret: TradeSecret, law: DefinitionLaw) -> Criterion:
    """The customer-information criterion on the act date under the law of that day."""
    info = secret.customer_information
    if not (law.spc2020 or law.spc2007):
        return Criterion(
            code=CODE,
            outcome=Outcome.NOT_APPLICABLE,
            citations=law.statute_only(),
            findings=(
                Finding(
                    code="definition.customer.no_rule",
                    severity=Severity.INFO,
                    citations=law.statute_only(),
                    args={"on": law.day},
                    subject=secret.id,
                ),
            ),
        )
    criterion = CUSTOMER_TABLE.evaluate(
        CustomerFacts(customer_information=info),
        on=law.day,
        rulebook=law.rulebook,
        clock=law.clock,
        facts_args=_facts(info),
    )
    criterion = prevailing(criterion)
    findings = tuple(attrs.evolve(f, subject=secret.id) for f in criterion.findings)
    if law.spc2020:
        return attrs.evolve(criterion, findings=findings)
    return attrs.evolve(criterion, findings=findings, citations=law.cites((f"{SPC2007}:13",)))


def _facts(info: Fact[CustomerInformation]) -> dict[str, object]:
    if info is UNKNOWN:
        return {"customers": "-", "in_depth": "-"}
    depth: object = "-" if info.elements is UNKNOWN else sum(e.in_depth for e in info.elements)
    return {"customers": info.customer_count, "in_depth": depth}
