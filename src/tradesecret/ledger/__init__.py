"""
Non-compete compensation ledger: the schedule, the payments and every dated event -- as of
any date.

The question an HR system asks every month and counsel asks when a dispute starts: *what
was owed, what was paid, is the employee still bound, since when is the employee free,
what do we owe or claim now?*

* :func:`build_schedule` derives the monthly instalments from :class:`LedgerTerms`
  (agreed amount, or month by month the Interp. (I) Art. 36 default with that month's
  minimum wage).
* :class:`CompensationLedger` records dated events (:class:`Payment`, :class:`Reminder`,
  :class:`DeferralPlan`, :class:`EmployeeDelay`, :class:`Activation`, :class:`Waiver`,
  :class:`EmployerRelease`, :class:`Rescission`, :class:`Breach`, :class:`PenaltyPaid`,
  :class:`InServiceBreach`).
* :func:`evaluate_compensation` folds the events dated on or before ``as_of`` into a
  :class:`CompensationState`: instalment statuses, arrears, release rights with their
  ground, date and tier, employer release costs, breach claims, and a timeline that
  :func:`tradesecret.explain` renders in Chinese or English.
* :func:`evaluate_batch` does the same for whole populations from columnar input
  (NumPy; pandas and Arrow adapters), identical to the fen and the day.

Open readings of the law are :class:`LedgerOptions`; each default is documented on its
enum (e.g. :class:`CuredArrears`: whether paying the arrears later ends a release right;
:class:`UndecidedActivation`: a reserved activation with no decision at departure).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:  # every name loads on first use (the batch path needs few of them)
    from tradesecret.ledger._codes import EndedBy, InstalmentStatus, ReleaseGround
    from tradesecret.ledger.batch import (
        BatchInput,
        BatchResult,
        RowError,
        batch_from_arrow,
        batch_from_pandas,
        evaluate_batch,
    )
    from tradesecret.ledger.bridge import activation_events_from_noncompete, terms_from_noncompete
    from tradesecret.ledger.engine import (
        build_schedule,
        evaluate_compensation,
        release_right_dates,
    )
    from tradesecret.ledger.model import (
        Activation,
        Breach,
        CompensationLedger,
        DeferralPlan,
        EmployeeDelay,
        EmployerRelease,
        InServiceBreach,
        InServiceBreachKind,
        LedgerEvent,
        LedgerTerms,
        Payment,
        PenaltyPaid,
        Reminder,
        Rescission,
        Waiver,
    )
    from tradesecret.ledger.options import (
        BreachReturn,
        CuredArrears,
        DueConvention,
        LedgerOptions,
        MinimumWageMonth,
        PartialMonth,
        ReminderTiming,
        UndecidedActivation,
        UnpaidCounting,
    )
    from tradesecret.ledger.state import (
        BreachState,
        CompensationSchedule,
        CompensationState,
        EmployerReleaseState,
        Instalment,
        InstalmentState,
        ReleaseRight,
    )

__all__ = [
    "Activation",
    "BatchInput",
    "BatchResult",
    "Breach",
    "BreachReturn",
    "BreachState",
    "CompensationLedger",
    "CompensationSchedule",
    "CompensationState",
    "CuredArrears",
    "DeferralPlan",
    "DueConvention",
    "EmployeeDelay",
    "EmployerRelease",
    "EmployerReleaseState",
    "EndedBy",
    "InServiceBreach",
    "InServiceBreachKind",
    "Instalment",
    "InstalmentState",
    "InstalmentStatus",
    "LedgerEvent",
    "LedgerOptions",
    "LedgerTerms",
    "MinimumWageMonth",
    "PartialMonth",
    "Payment",
    "PenaltyPaid",
    "ReleaseGround",
    "ReleaseRight",
    "Reminder",
    "ReminderTiming",
    "Rescission",
    "RowError",
    "UndecidedActivation",
    "UnpaidCounting",
    "Waiver",
    "activation_events_from_noncompete",
    "batch_from_arrow",
    "batch_from_pandas",
    "build_schedule",
    "evaluate_batch",
    "evaluate_compensation",
    "release_right_dates",
    "terms_from_noncompete",
]

#: Where each public name lives: ``import tradesecret.ledger`` stays light, and the batch
#: path (``evaluate_batch``, its options and codes) never loads the object path's classes.
_LAZY: dict[str, str] = {
    **dict.fromkeys(("EndedBy", "InstalmentStatus", "ReleaseGround"), "tradesecret.ledger._codes"),
    **dict.fromkeys(
        (
            "BatchInput",
            "BatchResult",
            "RowError",
            "batch_from_arrow",
            "batch_from_pandas",
            "evaluate_batch",
        ),
        "tradesecret.ledger.batch",
    ),
    **dict.fromkeys(
        ("activation_events_from_noncompete", "terms_from_noncompete"), "tradesecret.ledger.bridge"
    ),
    **dict.fromkeys(
        ("build_schedule", "evaluate_compensation", "release_right_dates"),
        "tradesecret.ledger.engine",
    ),
    **dict.fromkeys(
        (
            "Activation",
            "Breach",
            "CompensationLedger",
            "DeferralPlan",
            "EmployeeDelay",
            "EmployerRelease",
            "InServiceBreach",
            "InServiceBreachKind",
            "LedgerEvent",
            "LedgerTerms",
            "Payment",
            "PenaltyPaid",
            "Reminder",
            "Rescission",
            "Waiver",
        ),
        "tradesecret.ledger.model",
    ),
    **dict.fromkeys(
        (
            "BreachReturn",
            "CuredArrears",
            "DueConvention",
            "LedgerOptions",
            "MinimumWageMonth",
            "PartialMonth",
            "ReminderTiming",
            "UndecidedActivation",
            "UnpaidCounting",
        ),
        "tradesecret.ledger.options",
    ),
    **dict.fromkeys(
        (
            "BreachState",
            "CompensationSchedule",
            "CompensationState",
            "EmployerReleaseState",
            "Instalment",
            "InstalmentState",
            "ReleaseRight",
        ),
        "tradesecret.ledger.state",
    ),
}
#: Submodules reachable as attributes (``tradesecret.ledger.engine``) before any import.
_SUBMODULES: Final = frozenset({"batch", "bridge", "engine", "model", "options", "rules", "state"})


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"tradesecret.ledger.{name}")
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'tradesecret.ledger' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
