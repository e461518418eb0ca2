"""
From a reviewed non-compete to ledger terms: :func:`terms_from_noncompete`.

The ledger needs only the termination date, the period, the place of performance, the
agreed monthly amount (or the average wage for the Interp. (I) Art. 36 default) and the
penalty. :mod:`tradesecret.noncompete` holds the agreement and the employee's wages; this
bridge computes the average wage with
:func:`~tradesecret.noncompete.average_monthly_wage` (and passes the wage total and its
month count, so the ledger's default share is exact and rounded once) and the agreed amount with
:func:`~tradesecret.noncompete.agreed_monthly_compensation`, so both domains use one
figure. :func:`activation_events_from_noncompete` turns the agreement's recorded activation
decision (Interp. (I) Art. 37) into the ledger event.
"""

from __future__ import annotations

from tradesecret.exceptions import InvalidInputError
from tradesecret.facts import UNKNOWN
from tradesecret.ledger.model import Activation, LedgerTerms, Waiver
from tradesecret.money import Money
from tradesecret.noncompete import (
    ActivationDecision,
    EmployeeFacts,
    NonCompeteAgreement,
    PenaltyBasis,
    agreed_monthly_compensation,
    average_monthly_wage,
)
from tradesecret.noncompete.wages import wage_base
from tradesecret.results import Determination
from tradesecret.rulebook import Rulebook

__all__ = ["activation_events_from_noncompete", "terms_from_noncompete"]


def terms_from_noncompete(
    agreement: NonCompeteAgreement,
    employee: EmployeeFacts,
    *,
    as_of: object,
    rulebook: Rulebook | None = None,
) -> LedgerTerms:
    """
    Ledger terms for ``agreement`` with ``employee`` (who must have a termination date).

    The penalty is the fixed amount, or the stated multiple of the average monthly wage or
    of the agreed total compensation (agreed monthly amount x months), rounded half up to
    the fen; ``None`` when the agreement states none. ``activation_reserved`` is the
    agreement's; record the decision itself with :func:`activation_events_from_noncompete`.

    Raises:
        InvalidInputError: no termination date, missing wage months, no period.
    """
    if employee.termination_date is None:
        raise InvalidInputError.single(
            "employee.termination_date", None, "the ledger starts at termination"
        )
    determination = average_monthly_wage(employee, as_of=as_of, rulebook=rulebook)
    average = determination.value
    wage_total, wage_months = _wage_base(determination)
    agreed = agreed_monthly_compensation(agreement, average)
    terms = agreement.penalty
    penalty: Money | None = None
    if terms.basis is PenaltyBasis.FIXED_AMOUNT and terms.amount is not UNKNOWN:
        penalty = terms.amount
    elif terms.basis is PenaltyBasis.MULTIPLE_OF_MONTHLY_WAGE and terms.multiple is not UNKNOWN:
        penalty = (average * terms.multiple).round_fen()
    elif (
        terms.basis is PenaltyBasis.MULTIPLE_OF_TOTAL_COMPENSATION
        and terms.multiple is not UNKNOWN
        and agreed is not None
    ):
        penalty = (agreed * agreement.duration_months * terms.multiple).round_fen()
    return LedgerTerms(
        agreement_id=agreement.id,
        termination_date=employee.termination_date,
        months=agreement.duration_months,
        region=employee.place_of_performance,
        agreed_monthly=agreed if agreed is not None and agreed.amount > 0 else None,
        average_monthly_wage=average,
        wage_total=wage_total,
        wage_months=wage_months,
        penalty=penalty if penalty is not None and penalty.amount > 0 else None,
        activation_reserved=agreement.activation_reserved,
    )


def _wage_base(average: Determination[Money]) -> tuple[Money | None, int]:
    """The wage total and its month count behind the average (the exact base)."""
    base = wage_base(average)
    if base is not None and base[0].round_fen() == base[0]:
        return base
    return None, 12


def activation_events_from_noncompete(
    agreement: NonCompeteAgreement, employee: EmployeeFacts
) -> tuple[Activation | Waiver, ...]:
    """
    The ledger event of the agreement's activation decision, if one is recorded.

    ``ACTIVATED`` gives an :class:`~tradesecret.ledger.Activation`, ``WAIVED`` a
    :class:`~tradesecret.ledger.Waiver` (the decision not to activate), dated
    ``activation_decided_on`` or, when no date is given, the termination date (the decision
    is made at departure). No decision (or none reserved): no event.

    Raises:
        InvalidInputError: a decision without any date (no decision date, no termination).
    """
    decision = agreement.activation_decision
    if decision not in (ActivationDecision.ACTIVATED, ActivationDecision.WAIVED):
        return ()
    day = agreement.activation_decided_on or employee.termination_date
    if day is None:
        raise InvalidInputError.single(
            "activation_decided_on", None, "a decision needs a date (or the termination date)"
        )
    if decision is ActivationDecision.ACTIVATED:
        return (Activation(date=day),)
    return (Waiver(date=day),)
