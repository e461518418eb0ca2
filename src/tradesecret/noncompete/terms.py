"""
The period, the clauses and activation as rule tables: LCL Arts. 24(1)-(2) and 26;
Interp. (IV) Arts. 7-8 (2013-02-01 to 2020-12-31) and Interp. (I) Arts. 37-38 (from
2021-01-01); Interp. (II) Art. 14 (from 2025-09-01); Guiding Case 184; MOHRSS §17.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Final

import attrs
import pendulum

from tradesecret.engine import Check, Effect, LegalClock, RuleTable
from tradesecret.facts import Tri, all_of, tri
from tradesecret.law import POLICY
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


def _no_period(f: ReviewFacts) -> bool:
    return f.agreement.post_termination and f.agreement.duration_months == 0


def _over_cap(f: ReviewFacts) -> bool:
    return f.agreement.post_termination and f.agreement.duration_months > f.cap


def _cap_args(f: ReviewFacts) -> Mapping[str, object]:
    return {
        "months": f.agreement.duration_months,
        "cap": f.cap,
        "excess": f.agreement.duration_months - f.cap,
    }


def _in_service_named(f: ReviewFacts) -> bool | Tri:
    return f.agreement.in_service and f.category_is(*_NAMED)


_MONTHS = ("agreement.duration_months",)
_period = partial(Check[ReviewFacts], effect=Effect.FAILS, facts=_MONTHS, clause=_LCL_24_2,
                  remedies=("noncompete.remedy.shorten_period",))  # fmt: skip

DURATION: Final = RuleTable[ReviewFacts](
    criterion="noncompete.criterion.duration", basis=(LCL_24_2, I2_14), clause=_LCL_24_2,
    checks=(
        _period(code="noncompete.duration.not_stated", severity=Severity.MEDIUM, basis=(LCL_24_1,),
                when=_no_period),
        _period(code="noncompete.duration.exceeds_cap", severity=Severity.HIGH, basis=(LCL_24_2,),
                when=_over_cap, args=_cap_args),
        Check(code="noncompete.duration.in_service_valid", severity=Severity.INFO,
              effect=Effect.NOTES, basis=(I2_14,), when=_in_service_named,
              facts=("employee.category",), clause=_I2_14),
    ),
)  # fmt: skip

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


def _extends(f: ReviewFacts) -> bool:
    return f.agreement.extends_period_during_proceedings


def _more_unpaid_months(f: ReviewFacts) -> bool:
    return (
        f.release_months is not None
        and f.agreement.release_unpaid_months is not None
        and f.agreement.release_unpaid_months > f.release_months
    )


def _more_months_args(f: ReviewFacts) -> Mapping[str, object]:
    return {"months": f.agreement.release_unpaid_months or 0, "law": f.release_months or 0}


def _no_release_rule(f: ReviewFacts) -> bool:
    return (
        f.release_months is None
        and f.release_rule_from is not None
        and f.agreement.release_unpaid_months is not None
    )


def _no_rule_args(f: ReviewFacts) -> Mapping[str, object]:
    return {
        "months": f.agreement.release_unpaid_months or 0,
        "effective": NOT_STATED if f.release_rule_from is None else f.release_rule_from,
    }


def _unilateral(f: ReviewFacts) -> bool:
    return f.agreement.employer_may_change_unilaterally


_UNPAID = ("agreement.release_unpaid_months",)
_delete = partial(
    Check[ReviewFacts], effect=Effect.FAILS, remedies=("noncompete.remedy.delete_clause",)
)

CLAUSES: Final = RuleTable[ReviewFacts](
    criterion="noncompete.criterion.clauses", basis=(LCL_26, I1_38, I4_8), clause=_GC_184,
    checks=(
        _delete(code="noncompete.clause.extension_by_proceedings", severity=Severity.HIGH,
                basis=(LCL_26,), support=(GC_184,), when=_extends,
                facts=("agreement.extends_period_during_proceedings",), clause=_GC_184),
        # The conflict with the release rule is the library's inference (UNVERIFIED in the facts
        # reference): it rests on policy, cites the guidelines where in force and mentions the
        # interpretation as context. No release rule: no row.
        _delete(code="noncompete.clause.release_requires_more_unpaid_months",
                severity=Severity.MEDIUM, basis=(POLICY,), support=(G17,), context=(I4_8, I1_38),
                when=_more_unpaid_months, facts=_UNPAID, args=_more_months_args, clause=_RELEASE),
        Check(code="noncompete.clause.no_release_rule", severity=Severity.INFO, effect=Effect.NOTES,
              basis=(LCL_23_2,), when=_no_release_rule, facts=_UNPAID, args=_no_rule_args,
              clause=_RELEASE),
        _delete(code="noncompete.clause.unilateral_change", severity=Severity.MEDIUM,
                basis=(LCL_24_1,), when=_unilateral,
                facts=("agreement.employer_may_change_unilaterally",), clause=_LCL_24_1_TEXT),
    ),
)  # fmt: skip

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


def _manner(f: ReviewFacts) -> Term:
    manner = f.employee.termination_manner
    return Term(f"noncompete.term.manner.{manner.value if manner else 'unknown'}")


def _survives(f: ReviewFacts) -> bool:
    return _ended(f) and f.agreement.post_termination


def _manner_args(f: ReviewFacts) -> Mapping[str, object]:
    return {"manner": _manner(f)}


def _not_recorded(f: ReviewFacts) -> bool:
    return (
        f.agreement.activation_reserved
        and _ended(f)
        and f.agreement.activation_decision in _UNDECIDED
    )


def _recorded(f: ReviewFacts) -> bool:
    return f.agreement.activation_reserved and f.agreement.activation_decision not in _UNDECIDED


def _decision_args(f: ReviewFacts) -> Mapping[str, object]:
    return {"decision": Term(f"noncompete.term.activation.{f.agreement.activation_decision.value}")}


def _silent(f: ReviewFacts) -> Tri:
    """Employment ended under a termination agreement silent on the non-compete."""
    silent = tri(f.employee.termination_agreement, lambda t: t is TerminationAgreement.SILENT)
    return all_of(_ended(f), silent)


_DECISION = ("agreement.activation_decision",)
_SILENT = ("employee.termination_agreement",)
_i1_37 = partial(Check[ReviewFacts], basis=(I1_37,), clause=_I1_37)
_record = partial(_i1_37, severity=Severity.MEDIUM, effect=Effect.FAILS,
                  remedies=("noncompete.remedy.record_decision",))  # fmt: skip

_ACTIVATION_ROWS: Final[tuple[Check[ReviewFacts], ...]] = (
    _i1_37(code="noncompete.activation.survives_termination", severity=Severity.INFO,
           effect=Effect.NOTES, when=_survives, args=_manner_args),
    _record(code="noncompete.activation.decision_not_recorded", when=_not_recorded,
            facts=_DECISION),
    _i1_37(code="noncompete.activation.decision_recorded", severity=Severity.INFO,
           effect=Effect.NOTES, when=_recorded, args=_decision_args),
    _record(code="noncompete.activation.termination_agreement_silent", when=_silent, facts=_SILENT),
)  # fmt: skip

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
    shown = {"months": facts.agreement.duration_months, "cap": facts.cap}
    return DURATION.evaluate(
        facts, on=day, rulebook=book, clock=clock, facts_args=shown, parameters=(cap,)
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
    used = () if release is None else (release,)
    return CLAUSES.evaluate(facts, on=day, rulebook=book, clock=clock, parameters=used)


def activation(
    facts: ReviewFacts, *, day: pendulum.Date, book: Rulebook, clock: LegalClock
) -> Criterion:
    """The activation criterion (see :data:`ACTIVATION`)."""
    return ACTIVATION.evaluate(facts, on=day, rulebook=book, clock=clock)
