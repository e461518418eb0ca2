"""
Who may be bound (LCL Art. 24(1); Interp. (II) Art. 13(1); MOHRSS guidelines §7).

The rows below are the clauses, in their order; :data:`ELIGIBILITY` is evaluated by
:mod:`tradesecret.engine` under the law in force on the review date (a row whose basis
was not yet law never fires: Interp. (II) Art. 13(1) only from 2025-09-01, the MOHRSS
guidelines only from 2025-09-12).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Final

import pendulum

from tradesecret.engine import Check, Effect, LegalClock, RuleTable
from tradesecret.facts import UNKNOWN, Tri, all_of, any_of, not_
from tradesecret.noncompete._common import (
    G7,
    GUIDE,
    I2_13_1,
    LCL_24_1,
    NOT_STATED,
    TYPICAL_GUARD,
    TYPICAL_TRAINER,
    ReviewFacts,
)
from tradesecret.noncompete.model import PersonnelCategory
from tradesecret.results import Criterion, Severity, Term
from tradesecret.rulebook import Rulebook

__all__ = ["ELIGIBILITY", "eligibility"]

_GENERAL = PersonnelCategory.GENERAL_STAFF
_NAMED = (
    PersonnelCategory.SENIOR_MANAGEMENT,
    PersonnelCategory.SENIOR_TECHNICAL,
    PersonnelCategory.OTHER_CONFIDENTIALITY_BOUND,
)


def _category(f: ReviewFacts) -> Term:
    category = f.employee.category
    return NOT_STATED if category is UNKNOWN else Term(f"noncompete.term.category.{category.value}")


def _count(f: ReviewFacts) -> int | Term:
    return NOT_STATED if f.secrets is UNKNOWN else len(f.secrets)


def _told(f: ReviewFacts) -> Tri:
    return any_of(f.employee.told_reasons_and_secrets, f.agreement.reasons_and_secrets_disclosed)


# LCL Art. 24(1): 竞业限制的人员限于用人单位的高级管理人员、高级技术人员和其他负有保密义务的人员。
# (Non-compete restrictions are limited to senior managers, senior technical staff and other
# personnel bound by confidentiality.)
_LCL_24_1 = (
    "劳动合同法第二十四条第一款：竞业限制的人员限于用人单位的高级管理人员、高级技术人员和其他负有保密义务的人员。"
    " (Only senior managers, senior technical staff "
    "and other confidentiality-bound personnel.)"
)
# Interp. (II) Art. 13(1): 劳动者未知悉、接触用人单位的商业秘密和与知识产权相关的保密事项……竞业限制条款不生效的……
# (An employee who neither knew nor accessed trade secrets or IP-related confidential matters is
# not bound: the clause has no effect.)
_I2_13_1 = (
    "解释（二）第十三条第一款：劳动者未知悉、接触用人单位的商业秘密和与知识产权相关的保密事项，"
    "劳动者请求确认竞业限制条款不生效的，人民法院依法予以支持。 (No secret known "
    "or accessed: the clause has no effect.)"
)
# MOHRSS guidelines §7, paraphrased (the text is not in the sources):
# 仅掌握一般知识技能或接触一般经营信息的人员不宜约定竞业限制；说明理由与涉及的秘密。
_G7 = (
    "（大意）合规指引第七条：竞业限制人员限于负有保密义务的人员，仅掌握一般知识、技能或一般经营信息的不宜约定。"
    " (Staff with general knowledge only should not "
    "be bound; tell the bound why.)"
)


def _eligible(f: ReviewFacts) -> Tri:
    return all_of(f.category_is(*_NAMED), not_(f.knew_none()))


def _eligible_args(f: ReviewFacts) -> Mapping[str, object]:
    return {"category": _category(f), "count": _count(f)}


def _general(f: ReviewFacts) -> Tri:
    return f.category_is(_GENERAL)


def _role(f: ReviewFacts) -> Mapping[str, object]:
    return {"role": f.employee.role}


def _knew_none(f: ReviewFacts) -> Tri:
    return f.knew_none()


def _person(f: ReviewFacts) -> Mapping[str, object]:
    return {"person": f.employee.person_id}


def _untold(f: ReviewFacts) -> Tri:
    return all_of(f.category_is(PersonnelCategory.OTHER_CONFIDENTIALITY_BOUND), not_(_told(f)))


def _unassessed(f: ReviewFacts) -> Tri:
    return not_(f.agreement.necessity_assessed)


_TOLD = (
    "employee.category",
    "employee.told_reasons_and_secrets",
    "agreement.reasons_and_secrets_disclosed",
)
_CATEGORY = ("employee.category",)
_SECRETS = ("employee.secrets_known",)
_lcl_24_1 = partial(Check[ReviewFacts], basis=(LCL_24_1,), clause=_LCL_24_1)
_g7 = partial(Check[ReviewFacts], clause=_G7)

ELIGIBILITY: Final = RuleTable[ReviewFacts](
    criterion="noncompete.criterion.eligibility", basis=(LCL_24_1, I2_13_1), clause=_LCL_24_1,
    checks=(
        _lcl_24_1(code="noncompete.eligibility.eligible", severity=Severity.INFO,
                  effect=Effect.NOTES, when=_eligible, facts=(*_CATEGORY, *_SECRETS),
                  args=_eligible_args),
        _lcl_24_1(code="noncompete.eligibility.general_staff", severity=Severity.HIGH,
                  effect=Effect.FAILS, support=(G7, TYPICAL_GUARD, TYPICAL_TRAINER), when=_general,
                  facts=_CATEGORY, args=_role, remedies=("noncompete.remedy.drop_or_reclassify",)),
        Check(code="noncompete.eligibility.no_secrets_known", severity=Severity.CRITICAL,
              effect=Effect.FAILS, basis=(I2_13_1,), when=_knew_none, facts=_SECRETS, args=_person,
              remedies=("noncompete.remedy.record_secrets",), clause=_I2_13_1),
        _g7(code="noncompete.eligibility.reasons_not_disclosed", severity=Severity.MEDIUM,
            effect=Effect.FAILS, basis=(G7,), when=_untold, facts=_TOLD, args=_role,
            remedies=("noncompete.remedy.disclose_reasons",)),
        # The guidelines say the period should follow the secrets known and how long they stay
        # relevant; the reference gives no section number: cited whole.
        _g7(code="noncompete.eligibility.necessity_not_assessed", severity=Severity.LOW,
            effect=Effect.NOTES, basis=(GUIDE,), when=_unassessed,
            facts=("agreement.necessity_assessed",),
            remedies=("noncompete.remedy.assess_necessity",)),
    ),
)  # fmt: skip


def eligibility(
    facts: ReviewFacts, *, day: pendulum.Date, book: Rulebook, clock: LegalClock
) -> Criterion:
    """The eligibility criterion (see :data:`ELIGIBILITY`)."""
    shown = {"category": _category(facts), "count": _count(facts)}
    known = tuple(s.id for s in facts.secret_list())
    return ELIGIBILITY.evaluate(
        facts, on=day, rulebook=book, clock=clock, facts_args=shown, evidence=known
    )
