"""
The period, the clauses and activation as rule tables: LCL Arts. 24(1)-(2) and 26;
Interp. (IV) Arts. 7-8 (2013-02-01 to 2020-12-31) and Interp. (I) Arts. 37-38 (from
2021-01-01); Interp. (II) Art. 14 (from 2025-09-01); Guiding Case 184; MOHRSS §17.
"""

from __future__ import annotations

from typing import Final

import attrs
import pendulum

from tradesecret.engine import Check, Effect, LegalClock, RuleTable
from tradesecret.facts import Tri, all_of, tri
from tradesecret.noncompete._common import (
    G17,
    GC_184,
    I1_37,
    I1_38,
    I2_14,
    I4_7,
    I4_8,
    LCL_23_2,
    LCL_24_1,
    LCL_24_2,
    LCL_26,
    NOT_STATED,
    POLICY,
    ReviewFacts,
)
from tradesecret.noncompete.model import ActivationDecision, PersonnelCategory, TerminationAgreement
from tradesecret.results import Criterion, Severity, Term
from tradesecret.rulebook import ParameterValue, Rulebook

__all__ = ["ACTIVATION", "CLAUSES", "DURATION", "activation", "clauses", "duration"]

_NAMED = (
    PersonnelCategory.SENIOR_MANAGEMENT,
    PersonnelCategory.SENIOR_TECHNICAL,
    PersonnelCategory.OTHER_CONFIDENTIALITY_BOUND,
)

# LCL Art. 24(2): 在解除或者终止劳动合同后……竞业限制期限，不得超过二年。
# (After the contract ends, the non-compete period shall not exceed two years.)
_LCL_24_2 = (
    "劳动合同法第二十四条第二款：在解除或者终止劳动合同后，……竞业限制期限，不得超过二年。 (The "
    "post-termination period shall not exceed two "
    "years.)"
)
# Interp. (II) Art. 14: 约定在职期间竞业限制……不予支持 (an in-service non-compete with senior or
# confidentiality-bound staff is not void for being in-service or unpaid).
_I2_14 = (
    "解释（二）第十四条：用人单位与高级管理人员、高级技术人员和其他负有保密义务的人员约定在职期间竞业限制"
    "条款，劳动者以不得约定在职期间竞业限制、未支付经济补偿为由请求确认竞业限制条款无效的，人民法院不予"
    "支持。 (In-service non-competes are "
    "valid.)"
)

DURATION: Final = RuleTable[ReviewFacts](
    criterion="noncompete.criterion.duration",
    basis=(LCL_24_2, I2_14),
    clause=_LCL_24_2,
    checks=(
        Check(
            code="noncompete.duration.not_stated",
            severity=Severity.MEDIUM,
            effect=Effect.FAILS,
            basis=(LCL_24_1,),
            when=lambda f: f.agreement.post_termination and f.agreement.duration_months == 0,
            facts=("agreement.duration_months",),
            remedies=("noncompete.remedy.shorten_period",),
            clause=_LCL_24_2,
        ),
        Check(
            code="noncompete.duration.exceeds_cap",
            severity=Severity.HIGH,
            effect=Effect.FAILS,
            basis=(LCL_24_2,),
            when=lambda f: f.agreement.post_termination and f.agreement.duration_months > f.cap,
            facts=("agreement.duration_months",),
            args=lambda f: {
                "months": f.agreement.duration_months,
                "cap": f.cap,
                "excess": f.agreement.duration_months - f.cap,
            },
            remedies=("noncompete.remedy.shorten_period",),
            clause=_LCL_24_2,
        ),
        Check(
            code="noncompete.duration.in_service_valid",
            severity=Severity.INFO,
            effect=Effect.NOTES,
            basis=(I2_14,),
            when=lambda f: f.agreement.in_service and f.category_is(*_NAMED),
            facts=("employee.category",),
            clause=_I2_14,
        ),
    ),
)

# GC 184 applying LCL Art. 26(1)(2): a clause that time in proceedings does not count toward the
# period excludes the employee's rights and is invalid.
_GC_184 = (
    "（大意）指导性案例184号（劳动合同法第二十六条第一款第二项）：约定仲裁、诉讼期间不计入竞业限制期限的条款，"
    "排除劳动者权利，无效。 (Extension by proceedings is invalid.)"
)
# Interp. (I) Art. 38 / Interp. (IV) Art. 8: 因用人单位的原因导致三个月未支付经济补偿，劳动者请求解除
# 竞业限制约定的，人民法院应予支持。(Three months unpaid: the employee may ask for release.)
_RELEASE = (
    "解释（一）第三十八条（2013-02-01至2020-12-31：解释（四）第八条）：……因用人单位的原因导致三个月未支付"
    "经济补偿，劳动者请求解除竞业限制约定的，人民法院应予支持。 (Release after three months "
    "unpaid.)"
)
_LCL_24_1_TEXT = (
    "劳动合同法第二十四条第一款：竞业限制的范围、地域、期限由用人单位与劳动者约定，…… (Scope,"
    " region and period are agreed by both.)"
)

CLAUSES: Final = RuleTable[ReviewFacts](
    criterion="noncompete.criterion.clauses",
    basis=(LCL_26, I1_38, I4_8),
    clause=_GC_184,
    checks=(
        Check(
            code="noncompete.clause.extension_by_proceedings",
            severity=Severity.HIGH,
            effect=Effect.FAILS,
            basis=(LCL_26,),
            support=(GC_184,),
            when=lambda f: f.agreement.extends_period_during_proceedings,
            facts=("agreement.extends_period_during_proceedings",),
            remedies=("noncompete.remedy.delete_clause",),
            clause=_GC_184,
        ),
        Check(
            code="noncompete.clause.release_requires_more_unpaid_months",
            severity=Severity.MEDIUM,
            effect=Effect.FAILS,
            # The conflict with the release rule is the library's inference (UNVERIFIED in
            # the facts reference): it rests on policy, cites the guidelines where in force
            # and mentions the interpretation as context. No release rule: no row.
            basis=(POLICY,),
            support=(G17,),
            context=(I4_8, I1_38),
            when=lambda f: (
                f.release_months is not None
                and f.agreement.release_unpaid_months is not None
                and f.agreement.release_unpaid_months > f.release_months
            ),
            facts=("agreement.release_unpaid_months",),
            args=lambda f: {
                "months": f.agreement.release_unpaid_months or 0,
                "law": f.release_months or 0,
            },
            remedies=("noncompete.remedy.delete_clause",),
            clause=_RELEASE,
        ),
        Check(
            code="noncompete.clause.no_release_rule",
            severity=Severity.INFO,
            effect=Effect.NOTES,
            basis=(LCL_23_2,),
            when=lambda f: (
                f.release_months is None
                and f.release_rule_from is not None
                and f.agreement.release_unpaid_months is not None
            ),
            facts=("agreement.release_unpaid_months",),
            args=lambda f: {
                "months": f.agreement.release_unpaid_months or 0,
                "effective": NOT_STATED if f.release_rule_from is None else f.release_rule_from,
            },
            clause=_RELEASE,
        ),
        Check(
            code="noncompete.clause.unilateral_change",
            severity=Severity.MEDIUM,
            effect=Effect.FAILS,
            basis=(LCL_24_1,),
            when=lambda f: f.agreement.employer_may_change_unilaterally,
            facts=("agreement.employer_may_change_unilaterally",),
            remedies=("noncompete.remedy.delete_clause",),
            clause=_LCL_24_1_TEXT,
        ),
    ),
)

# Interp. (I) Art. 37: 当事人在劳动合同或者保密协议中约定了竞业限制和经济补偿，当事人解除劳动合同时，除另有
# 约定外，用人单位要求劳动者履行竞业限制义务……人民法院应予支持。(On termination, unless otherwise
# agreed, the employer may require performance.)
_I1_37 = (
    "解释（一）第三十七条：当事人在劳动合同或者保密协议中约定了竞业限制和经济补偿，当事人解除劳动合同时，"
    "除另有约定外，用人单位要求劳动者履行竞业限制义务，或者劳动者履行了竞业限制义务后要求用人单位支付经济"
    "补偿的，人民法院应予支持。 (The "
    "non-compete survives termination.)"
)
_UNDECIDED = (ActivationDecision.NOT_RECORDED, ActivationDecision.NOT_RESERVED)


def _ended(f: ReviewFacts) -> bool:
    return f.employee.termination_date is not None


def _silent_agreement(f: ReviewFacts) -> Tri:
    """Employment ended under a termination agreement silent on the non-compete."""
    silent = tri(f.employee.termination_agreement, lambda t: t is TerminationAgreement.SILENT)
    return all_of(_ended(f), silent)


def _manner(f: ReviewFacts) -> Term:
    manner = f.employee.termination_manner
    return Term(f"noncompete.term.manner.{manner.value if manner else 'unknown'}")


_ACTIVATION_ROWS: Final[tuple[Check[ReviewFacts], ...]] = (
    Check(
        code="noncompete.activation.survives_termination",
        severity=Severity.INFO,
        effect=Effect.NOTES,
        basis=(I1_37,),
        when=lambda f: _ended(f) and f.agreement.post_termination,
        args=lambda f: {"manner": _manner(f)},
        clause=_I1_37,
    ),
    Check(
        code="noncompete.activation.decision_not_recorded",
        severity=Severity.MEDIUM,
        effect=Effect.FAILS,
        basis=(I1_37,),
        when=lambda f: (
            f.agreement.activation_reserved
            and _ended(f)
            and f.agreement.activation_decision in _UNDECIDED
        ),
        facts=("agreement.activation_decision",),
        remedies=("noncompete.remedy.record_decision",),
        clause=_I1_37,
    ),
    Check(
        code="noncompete.activation.decision_recorded",
        severity=Severity.INFO,
        effect=Effect.NOTES,
        basis=(I1_37,),
        when=lambda f: (
            f.agreement.activation_reserved and f.agreement.activation_decision not in _UNDECIDED
        ),
        args=lambda f: {
            "decision": Term(f"noncompete.term.activation.{f.agreement.activation_decision.value}")
        },
        clause=_I1_37,
    ),
    Check(
        code="noncompete.activation.termination_agreement_silent",
        severity=Severity.MEDIUM,
        effect=Effect.FAILS,
        basis=(I1_37,),
        when=_silent_agreement,
        facts=("employee.termination_agreement",),
        remedies=("noncompete.remedy.record_decision",),
        clause=_I1_37,
    ),
)

# The same rows under Interp. (IV) Art. 7 (2013-02-01 to 2020-12-31), which Interp. (I) Art. 37
# restates: each applies only while its basis is law; before 2013-02-01 no row applies.
ACTIVATION: Final = RuleTable[ReviewFacts](
    criterion="noncompete.criterion.activation",
    basis=(I1_37, I4_7),
    clause=_I1_37,
    checks=(*_ACTIVATION_ROWS, *(attrs.evolve(row, basis=(I4_7,)) for row in _ACTIVATION_ROWS)),
)


def duration(
    facts: ReviewFacts,
    cap: ParameterValue,
    *,
    day: pendulum.Date,
    book: Rulebook,
    clock: LegalClock,
) -> Criterion:
    """The duration criterion (see :data:`DURATION`)."""
    return DURATION.evaluate(
        facts,
        on=day,
        rulebook=book,
        clock=clock,
        facts_args={"months": facts.agreement.duration_months, "cap": facts.cap},
        parameters=(cap,),
    )


def clauses(
    facts: ReviewFacts,
    release: ParameterValue | None,
    *,
    day: pendulum.Date,
    book: Rulebook,
    clock: LegalClock,
) -> Criterion:
    """The clauses criterion (see :data:`CLAUSES`)."""
    return CLAUSES.evaluate(
        facts,
        on=day,
        rulebook=book,
        clock=clock,
        parameters=() if release is None else (release,),
    )


def activation(
    facts: ReviewFacts, *, day: pendulum.Date, book: Rulebook, clock: LegalClock
) -> Criterion:
    """The activation criterion (see :data:`ACTIVATION`)."""
    return ACTIVATION.evaluate(facts, on=day, rulebook=book, clock=clock)
