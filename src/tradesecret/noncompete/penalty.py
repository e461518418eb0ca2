"""
The penalty (违约金) against the agreed compensation: LCL Arts. 23(2), 25; Interp. (II)
Art. 15 (from 2025-09-01); MOHRSS guidelines §14 (from 2025-09-12).

The amounts are arithmetic (imperative, three-valued: a penalty stated as a multiple of
an unknown total is unknown); the checks on them are the rows of :data:`PENALTY`.

Rounding (half up to the fen) happens at these named points only: the agreed monthly
instalment, the total agreed compensation (instalment x months), and a penalty stated
as a multiple (multiple x total, or multiple x exact average wage). The penalty's
multiple of the total is shown to two decimals; the comparison with the guidance
multiple is exact.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from functools import partial
from typing import Final

import attrs
import pendulum

from tradesecret.engine import Check, Effect, LegalClock, RuleTable
from tradesecret.exceptions import OutOfCoverageError
from tradesecret.facts import UNKNOWN, Fact, Tri, all_of, tri
from tradesecret.money import Money, times
from tradesecret.noncompete._common import G14, I1_36, I2_15, LCL_23_2, NOT_STATED, POLICY
from tradesecret.noncompete._compensation_ctx import agreed_path
from tradesecret.noncompete.floor import CompensationFloor
from tradesecret.noncompete.model import CompensationBasis, NonCompeteAgreement, PenaltyBasis
from tradesecret.results import Criterion, Outcome, Severity, Term, Undetermined
from tradesecret.rulebook import ParameterValue, Rulebook

__all__ = ["PENALTY", "PenaltyFacts", "penalty_criterion"]


@attrs.frozen(kw_only=True)
class PenaltyFacts:
    """
    What the penalty rows read.

    Attributes:
        agreement: The agreement as written (paths ``agreement.*``).
        penalty: The penalty amount (``UNKNOWN``: not stated or not computable).
        total: The total agreed compensation for the capped period (``None``: none
            agreed; ``UNKNOWN``: not stated).
        max_multiple: The guidance's maximum multiple (``None``: no guidance that day).
        gap: The default total less the agreed total, where both are known.
    """

    agreement: NonCompeteAgreement
    penalty: Fact[Money]
    total: Fact[Money | None]
    max_multiple: Decimal | None
    gap: Fact[Money]

    def compensation_basis(self) -> Fact[CompensationBasis]:
        terms = self.agreement.compensation
        return UNKNOWN if terms is UNKNOWN else terms.basis

    def ratio(self) -> Fact[Decimal]:
        """The penalty as a multiple of the total, two decimals (``UNKNOWN`` if not computable)."""
        total, penalty = self.total, self.penalty
        if total is UNKNOWN or penalty is UNKNOWN or total is None or total.amount <= 0:
            return UNKNOWN
        return (penalty.amount / total.amount).quantize(Decimal("0.01"))

    def exceeds(self) -> Tri:
        """The penalty exceeds the guidance multiple of the total (exact comparison)."""
        total, penalty, limit = self.total, self.penalty, self.max_multiple
        if limit is None or total is None:
            return Tri.FALSE
        if total is UNKNOWN or penalty is UNKNOWN:
            return Tri.UNKNOWN
        return Tri.of(total.amount > 0 and penalty.amount > total.amount * limit)


def _money_or_unstated(value: Fact[Money | None]) -> Money | Term:
    return NOT_STATED if value is UNKNOWN or value is None else value


# LCL Art. 23(2): 对负有保密义务的劳动者，用人单位可以……约定竞业限制条款，并约定在解除或者终止劳动合同后，
# 在竞业限制期限内按月给予劳动者经济补偿。劳动者违反竞业限制约定的，应当按照约定向用人单位支付违约金。
# (A non-compete with monthly compensation after termination; a breaching employee pays the agreed
# penalty.)
_LCL_23_2 = (
    "劳动合同法第二十三条第二款：……约定竞业限制条款，并约定在解除或者终止劳动合同后，在竞业限制期限内按月"
    "给予劳动者经济补偿。劳动者违反竞业限制约定的，应当按照约定向用人单位支付违约金。 (Penalty paired with "
    "monthly compensation.)"
)
# MOHRSS §14, paraphrased (the text is not in the sources):
# 违约金一般不宜超过约定经济补偿总额的五倍 (generally not above five times the total).
_G14 = (
    "（大意）企业实施竞业限制合规指引第十四条：违约金一般不宜超过约定经济补偿总额的一定倍数。 (Penalty "
    "generally not above a multiple of total compensation.)"
)


def _without_compensation(f: PenaltyFacts) -> Tri:
    return all_of(
        tri(f.agreement.penalty.basis, lambda b: b is not PenaltyBasis.NONE),
        tri(f.compensation_basis(), lambda b: b is CompensationBasis.NONE),
    )


def _exceeds_args(f: PenaltyFacts) -> Mapping[str, object]:
    return {
        "penalty": _money_or_unstated(f.penalty),
        "total": _money_or_unstated(f.total),
        "multiple": f.ratio() if f.ratio() is not UNKNOWN else NOT_STATED,
        "max": f.max_multiple or Decimal(0),
    }


def _not_computed(f: PenaltyFacts) -> bool:
    return f.penalty is UNKNOWN


def _computed(f: PenaltyFacts) -> bool:
    return f.penalty is not UNKNOWN


def _factors_args(f: PenaltyFacts) -> Mapping[str, object]:
    return {
        "penalty": _money_or_unstated(f.penalty),
        "total": _money_or_unstated(f.total),
        "gap": _money_or_unstated(f.gap),
    }


_BASES = ("agreement.penalty.basis", "agreement.compensation.basis")
_AMOUNTS = (
    "agreement.penalty.amount",
    "agreement.penalty.multiple",
    "agreement.compensation.basis",
    "agreement.compensation.monthly_amount",
)
_art_23 = partial(Check[PenaltyFacts], basis=(LCL_23_2,), clause=_LCL_23_2)
_g14 = partial(Check[PenaltyFacts], clause=_G14)

PENALTY: Final = RuleTable[PenaltyFacts](
    criterion="noncompete.criterion.penalty", basis=(LCL_23_2, I2_15, G14), clause=_LCL_23_2,
    checks=(
        _art_23(code="noncompete.penalty.without_compensation", severity=Severity.HIGH,
                effect=Effect.FAILS, support=(I1_36, G14), facts=_BASES, when=_without_compensation,
                remedies=("noncompete.remedy.agree_compensation",)),
        _g14(code="noncompete.penalty.exceeds_guidance_multiple", severity=Severity.MEDIUM,
             effect=Effect.FAILS, basis=(G14,), facts=_AMOUNTS, when=PenaltyFacts.exceeds,
             args=_exceeds_args, remedies=("noncompete.remedy.lower_penalty",)),
        _art_23(code="noncompete.penalty.not_computable", severity=Severity.INFO,
                effect=Effect.NOTES, when=_not_computed),
        # The list of what a court may weigh is the library's: it rests on policy.
        _g14(code="noncompete.penalty.reduction_factors", severity=Severity.INFO,
             effect=Effect.NOTES, basis=(POLICY,), support=(G14,), when=_computed,
             args=_factors_args),
    ),
)  # fmt: skip


def _penalty_amount(
    agreement: NonCompeteAgreement, total: Fact[Money | None], average: Fact[Money]
) -> Fact[Money]:
    terms = agreement.penalty
    if terms.basis is PenaltyBasis.FIXED_AMOUNT:
        return terms.amount
    multiple = terms.multiple
    if multiple is UNKNOWN:
        return UNKNOWN
    if terms.basis is PenaltyBasis.MULTIPLE_OF_TOTAL_COMPENSATION:
        if total is UNKNOWN or total is None:
            return UNKNOWN
        return _rounded_times(total, multiple, _MULTIPLE_PATH, multiple)
    if terms.basis is PenaltyBasis.MULTIPLE_OF_MONTHLY_WAGE:
        return (
            UNKNOWN
            if average is UNKNOWN
            else _rounded_times(average, multiple, _MULTIPLE_PATH, multiple)
        )
    return UNKNOWN


#: Where a penalty multiple is, relative to the review's input (``$.data.agreement...``).
_MULTIPLE_PATH: Final = "agreement.penalty.multiple"


def penalty_criterion(
    agreement: NonCompeteAgreement,
    *,
    agreed: Fact[Money | None],
    average: Fact[Money],
    months: int,
    floor: CompensationFloor | None,
    day: pendulum.Date,
    book: Rulebook,
    clock: LegalClock,
) -> Criterion:
    """The penalty criterion: the amounts, then the rows of :data:`PENALTY`."""
    terms = agreement.penalty
    if terms.basis is PenaltyBasis.NONE:
        return Criterion(
            code="noncompete.criterion.penalty",
            outcome=Outcome.NOT_APPLICABLE,
            citations=clock.those_in_force((LCL_23_2,)) or book.cite_all(LCL_23_2),
            facts={"basis": Term("noncompete.term.penalty.none")},
        )
    total: Fact[Money | None] = agreed
    if agreed is not UNKNOWN and agreed is not None:
        total = _rounded_times(agreed, Decimal(months), agreed_path(agreement), agreed)
    params: list[ParameterValue] = []
    try:
        limit: ParameterValue | None = book.param(
            "noncompete.guidance_max_penalty_multiple", as_of=day
        )
    except OutOfCoverageError:
        limit = None
    if limit is not None:
        params.append(limit)
    gap: Fact[Money] = UNKNOWN
    if floor is not None and floor.months and total is not UNKNOWN:
        gap = floor.default_total - (total or Money.zero())
        gap = gap if gap.amount > 0 else Money.zero()
    facts = PenaltyFacts(
        agreement=agreement,
        penalty=_penalty_amount(agreement, total, average),
        total=total,
        max_multiple=limit.as_decimal() if limit is not None else None,
        gap=gap,
    )
    shown: dict[str, object] = {
        "basis": NOT_STATED
        if terms.basis is UNKNOWN
        else Term(f"noncompete.term.penalty.{terms.basis.value}")
    }
    for name, value in (("penalty", facts.penalty), ("total", total), ("multiple", facts.ratio())):
        if value is not UNKNOWN and value is not None:
            shown[name] = value
    criterion = PENALTY.evaluate(
        facts, on=day, rulebook=book, clock=clock, facts_args=shown, parameters=params
    )
    inputs = _inputs(agreement, total, average)
    criterion = attrs.evolve(
        criterion, open=tuple(_named(u, agreement, inputs) for u in criterion.open)
    )
    return _basis_open(criterion) if terms.basis is UNKNOWN else criterion


def _basis_open(criterion: Criterion) -> Criterion:
    """
    The penalty basis not stated: stated "none", the criterion is not applicable; stated
    otherwise, it is what the rows give. So it is undetermined (unless already so), and an
    open rule names the basis.
    """
    rule = Undetermined(
        rule=criterion.code,
        facts=("agreement.penalty.basis",),
        if_holds=Outcome.NOT_APPLICABLE,  # basis stated "none": no penalty agreed
        otherwise=criterion.outcome,
        severity=Severity.INFO,
        citations=criterion.citations,
        criterion=criterion.code,
    )
    return attrs.evolve(
        criterion, outcome=Outcome.INSUFFICIENT_EVIDENCE, open=(*criterion.open, rule)
    )


def _inputs(
    agreement: NonCompeteAgreement, total: Fact[Money | None], average: Fact[Money]
) -> tuple[str, ...]:
    """The user's facts, not stated, that the penalty amount and the total turn on."""
    terms = agreement.penalty
    paths: list[str] = []
    if terms.basis is UNKNOWN:
        paths.append("agreement.penalty.basis")
    elif terms.basis is PenaltyBasis.FIXED_AMOUNT and terms.amount is UNKNOWN:
        paths.append("agreement.penalty.amount")
    elif terms.basis is not PenaltyBasis.FIXED_AMOUNT and terms.multiple is UNKNOWN:
        paths.append("agreement.penalty.multiple")
    if terms.basis is PenaltyBasis.MULTIPLE_OF_MONTHLY_WAGE and average is UNKNOWN:
        paths.append("employee.wages")
    if total is UNKNOWN:
        paths.append(agreed_path(agreement))
    return tuple(dict.fromkeys(paths))


def _named(
    rule: Undetermined, agreement: NonCompeteAgreement, inputs: tuple[str, ...]
) -> Undetermined:
    """An open row naming the user's facts it turns on (not every path the row may read)."""
    if rule.rule == "noncompete.penalty.exceeds_guidance_multiple" and inputs:
        return attrs.evolve(rule, facts=inputs)
    if agreement.compensation is UNKNOWN:
        facts = tuple(
            "agreement.compensation" if f == "agreement.compensation.basis" else f
            for f in rule.facts
        )
        return attrs.evolve(rule, facts=facts)
    return rule


def _rounded_times(base: Money, factor: Decimal, path: str, given: object) -> Money:
    """``base`` times ``factor`` within the bound of money, to the fen."""
    return times(base, factor, path, given).round_fen()
