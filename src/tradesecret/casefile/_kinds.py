"""
The built-in case kinds, one per domain input.

Each kind's ``data`` class wraps the domain's own input types; the domain module is
imported only when the kind is used, so a partial installation still reads the others.
(Annotations here are evaluated eagerly on purpose: the classes are built inside
functions and the JSON Schema generator reads their real types.)
"""

import importlib
from functools import cache
from typing import Any

import attrs
import pendulum

from tradesecret._convert import tuple_of
from tradesecret.casefile._core import CaseKind, CaseKinds
from tradesecret.rulebook import Rulebook


class _Lazy:
    """A domain module whose public names raise ImportError while they are missing."""

    def __init__(self, name: str) -> None:
        self._module = importlib.import_module(f"tradesecret.{name}")
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        try:
            return getattr(self._module, attr)
        except AttributeError:
            msg = f"tradesecret.{self._name} has no {attr}"
            raise ImportError(msg, name=f"tradesecret.{self._name}.{attr}") from None


def _module(name: str) -> Any:
    return _Lazy(name)


# --- trade secret + measures -------------------------------------------------------------


@cache
def trade_secret_case() -> type:
    """``data`` of a ``trade_secret`` case: a secret with its confidentiality measures."""
    definition = _module("definition")
    measures = _module("measures")
    secret_type = definition.TradeSecret
    measure_type = measures.ConfidentialityMeasure

    @attrs.frozen(kw_only=True)
    class TradeSecretCase:
        """
        A secret with the confidentiality measures that protect it.

        Attributes:
            secret: The information claimed as a trade secret.
            measures: The confidentiality measures in place.
        """

        secret: secret_type  # type: ignore[valid-type]
        measures: tuple[measure_type, ...] = attrs.field(  # type: ignore[valid-type]
            default=(), validator=tuple_of(measure_type)
        )

    return TradeSecretCase


def run_trade_secret(data: Any, as_of: pendulum.Date, rulebook: Rulebook) -> tuple[object, ...]:
    """Assess the secret (three elements) and its measures."""
    from tradesecret.casefile._runners import trade_secret  # noqa: PLC0415

    return trade_secret(data, as_of, rulebook)


# --- non-compete + ledger ----------------------------------------------------------------


@cache
def noncompete_case() -> type:
    """``data`` of a ``noncompete`` case: an employee, the agreement and the payment history."""
    nc = _module("noncompete")
    ledger = _module("ledger")
    employee_type = nc.EmployeeFacts
    agreement_type = nc.NonCompeteAgreement
    business_type = nc.BusinessProfile
    ledger_type = ledger.CompensationLedger

    @attrs.frozen(kw_only=True)
    class NonCompeteCase:
        """
        An employee with a non-compete and its compensation history.

        Attributes:
            employee: The employee, with wages and the secrets known.
            agreement: The non-compete agreement as written.
            business: The employer's business, for the scope review (optional).
            new_employer: The new employer's business, for a breach review (optional).
            ledger: The compensation ledger: terms and dated events (payments, reminders...).
        """

        employee: employee_type  # type: ignore[valid-type]
        agreement: agreement_type  # type: ignore[valid-type]
        business: business_type | None = None  # type: ignore[valid-type]
        new_employer: business_type | None = None  # type: ignore[valid-type]
        ledger: ledger_type | None = None  # type: ignore[valid-type]

    return NonCompeteCase


def run_noncompete(data: Any, as_of: pendulum.Date, rulebook: Rulebook) -> tuple[object, ...]:
    """Review the agreement, compute the floors and evaluate the ledger."""
    from tradesecret.casefile._runners import noncompete  # noqa: PLC0415

    return noncompete(data, as_of, rulebook)


BUILTIN_KINDS = CaseKinds(
    kinds=(
        CaseKind(
            name="trade_secret",
            title_en="Trade secret and confidentiality measures",
            title_zh="商业秘密及保密措施",
            requires=("tradesecret.definition", "tradesecret.measures"),
            data_type=trade_secret_case,
            run=run_trade_secret,
            example="trade_secret.json",
        ),
        CaseKind(
            name="noncompete",
            title_en="Non-compete agreement, compensation and ledger",
            title_zh="竞业限制协议、补偿与台账",
            requires=("tradesecret.noncompete", "tradesecret.ledger"),
            data_type=noncompete_case,
            run=run_noncompete,
            example="noncompete.json",
        ),
    )
)
