"""
The batch path: many agreements at once from columnar input, identical to the per-object path.

Input (:class:`BatchInput`) is NumPy arrays -- dates as proleptic-Gregorian **day ordinals**
(``date.toordinal()``), amounts as **integer fen** -- one row per agreement, plus a long
table of payments (``pay_row``, ``pay_date``, ``pay_fen``). :func:`batch_from_pandas` and
:func:`batch_from_arrow` build it from DataFrames / Arrow tables (optional extra
``tradesecret[dataframe]``).

**Every ledger event kind.** The columnar kernel computes the events an HR payroll run has:
payments (allocated oldest first), one written reminder, one employer release (statutory
extra months or a negotiated amount) and one rescission per agreement. A row with any other
event -- deferral plans, employee delays, activation decisions, waivers, breaches, in-service
breaches, penalty payments, a second reminder, release or rescission, a payment naming an
instalment (:attr:`BatchInput.events`), or a reserved activation -- is evaluated by the
exact object path (:func:`~tradesecret.ledger.evaluate_compensation`) inside the same call,
and its results are written into the same arrays. :attr:`BatchResult.exact_path` marks
those rows and :meth:`BatchResult.statistics` counts them. Both paths compute amounts with
the same rule functions (:mod:`tradesecret.ledger.rules`); Hypothesis tests compare them
on random populations and random event mixes, to the fen and the day.

**Exact wages.** Give the wages as ``wage_total_fen`` (the total of the months averaged)
and ``wage_months`` (default 12): the default share is ``total x ratio / months`` rounded
half up once, at the instalment. ``average_wage_fen`` (an average already in whole fen)
is still read where no total is given.

**Per-row validation.** A row that cannot be evaluated (a value that is not an integer in
range, a NaN in an integer column, a payment before the termination date, a negative or
zero amount, an unknown region, a period running past the year 9999, a date outside the
data's coverage...) is reported in :attr:`BatchResult.errors` with every reason and its
outputs are zero; the other rows are computed exactly as if it were absent. The object
path refuses the same rows (a property test checks it).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

import attrs
import numpy as np
import numpy.typing as npt

from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.ledger._batch_adapters import batch_from_arrow, batch_from_pandas
from tradesecret.ledger._batch_columns import INVALID, RowError, column, event_pairs, objects
from tradesecret.ledger._batch_params import EPOCH
from tradesecret.ledger._batch_run import run_batch
from tradesecret.ledger._codes import EndedBy
from tradesecret.ledger.options import LedgerOptions
from tradesecret.rulebook import Rulebook

if TYPE_CHECKING:
    from tradesecret.ledger.model import LedgerEvent

#: ``pandas.DataFrame`` (optional dependency, typed loosely here).
DataFrame = Any

__all__ = [
    "INVALID",
    "BatchInput",
    "BatchResult",
    "RowError",
    "batch_from_arrow",
    "batch_from_pandas",
    "evaluate_batch",
]

I64 = npt.NDArray[np.int64]
Arr = npt.NDArray[Any]

_ROW_COLUMNS: Final = (
    "months",
    "region",
    "agreed_fen",
    "average_wage_fen",
    "reminder",
    "release",
    "release_negotiated_fen",
    "rescission",
    "wage_total_fen",
    "wage_months",
    "penalty_fen",
    "activation_reserved",
    "agreement_id",
)


def _opt_column(values: object) -> I64 | None:
    return None if values is None else column(values)


def _opt_objects(values: object) -> Arr | None:
    return None if values is None else objects(values)


def _opt_bools(values: object) -> npt.NDArray[np.bool_] | None:
    if values is None:
        return None
    arr = np.asarray(values).reshape(-1)
    if arr.dtype.kind != "b":
        raise InvalidInputError.single("activation_reserved", str(arr.dtype), "expected booleans")
    return arr


@attrs.frozen(kw_only=True, eq=False)
class BatchInput:
    """
    Columnar input; build it directly or with the pandas / Arrow adapters.

    Integer columns accept integer, float (whole numbers only) or object arrays; an entry
    that is not an integer in range (NaN, 1e30, 99999999999999999999, 1.5, a string)
    becomes :data:`INVALID` and its row is reported, never the whole batch.

    Attributes:
        termination: Termination dates, day ordinals.
        months: Agreed period in months.
        region: Region code of the place of performance, per row.
        agreed_fen: Agreed monthly compensation in fen; 0 = none agreed.
        average_wage_fen: Average monthly wage in whole fen (0 = not given); read only
            where ``wage_total_fen`` is not given.
        reminder: Date of the employee's first written reminder, ordinal; 0 = none.
        pay_row: Payment -> row index of its agreement.
        pay_date: Payment dates, ordinals.
        pay_fen: Payment amounts, fen.
        agreement_id: Optional identifiers, per row (for error reports).
        release: Date of an employer release (Interp. (I) Art. 39), ordinal; 0 = none.
        release_negotiated_fen: Amount agreed for that release, fen; 0 = the statutory
            extra months.
        rescission: Date the employee exercised (or tried to exercise) a release right,
            ordinal; 0 = none. Effective only if a right stands on that day.
        wage_total_fen: Total of the wages over ``wage_months`` months, fen (0 = not
            given): the exact base of the Interp. (I) Art. 36 default.
        wage_months: Number of months in ``wage_total_fen`` (default 12).
        penalty_fen: Agreed penalty, fen (0 = none); used by rows with breach events.
        activation_reserved: The agreement reserved the activation decision (such rows go
            through the exact path).
        events: ``(row, event)`` pairs of any other ledger event (deferral plans,
            employee delays, activations, waivers, breaches, in-service breaches, penalty
            payments, further reminders / releases / rescissions, payments naming an
            instalment): those rows go through the exact object path.
        unsupported: ``(row, reason)`` pairs, the reason English text or a
            :class:`~tradesecret.exceptions.Problem` (with its template, as the adapters
            give it): rows holding input the batch cannot represent at all; each is reported in
            :attr:`BatchResult.errors` and its outputs are zero. Row ``-1``: input that
            names no known agreement.
    """

    termination: I64 = attrs.field(converter=column)
    months: I64 = attrs.field(converter=column)
    region: Arr = attrs.field(converter=objects)
    agreed_fen: I64 = attrs.field(converter=column)
    average_wage_fen: I64 = attrs.field(converter=column)
    reminder: I64 = attrs.field(converter=column)
    pay_row: I64 = attrs.field(converter=column)
    pay_date: I64 = attrs.field(converter=column)
    pay_fen: I64 = attrs.field(converter=column)
    agreement_id: Arr | None = attrs.field(default=None, converter=_opt_objects)
    unsupported: tuple[tuple[int, str | Problem], ...] = ()
    release: I64 | None = attrs.field(default=None, converter=_opt_column)
    release_negotiated_fen: I64 | None = attrs.field(default=None, converter=_opt_column)
    rescission: I64 | None = attrs.field(default=None, converter=_opt_column)
    wage_total_fen: I64 | None = attrs.field(default=None, converter=_opt_column)
    wage_months: I64 | None = attrs.field(default=None, converter=_opt_column)
    penalty_fen: I64 | None = attrs.field(default=None, converter=_opt_column)
    activation_reserved: npt.NDArray[np.bool_] | None = attrs.field(
        default=None, converter=_opt_bools
    )
    events: tuple[tuple[int, LedgerEvent], ...] = attrs.field(default=(), converter=event_pairs)

    def __attrs_post_init__(self) -> None:
        n = self.termination.shape[0]
        problems = [
            Problem.of(
                "unsupported", entry, "expected (row in -1..{last}, reason) pairs", last=n - 1
            )
            for entry in self.unsupported
            if not (
                isinstance(entry, tuple)
                and len(entry) == 2
                and isinstance(entry[0], int)
                and -1 <= entry[0] < n
                and isinstance(entry[1], str | Problem)
            )
        ]
        problems += [
            Problem.of(f"events[{k}]", row, "expected a row in 0..{last}", last=n - 1)
            for k, (row, _) in enumerate(self.events)
            if not 0 <= row < n
        ]
        problems += [
            Problem.of(name, getattr(self, name).shape[0], "expected {count} values", count=n)
            for name in _ROW_COLUMNS
            if getattr(self, name) is not None and getattr(self, name).shape[0] != n
        ]
        m = self.pay_row.shape[0]
        problems += [
            Problem.of(
                name, getattr(self, name).shape[0], "expected {count} values (pay_row)", count=m
            )
            for name in ("pay_date", "pay_fen")
            if getattr(self, name).shape[0] != m
        ]
        if problems:
            raise InvalidInputError(problems)

    @property
    def size(self) -> int:
        """Number of agreements."""
        return int(self.termination.shape[0])


@attrs.frozen(kw_only=True, eq=False)
class BatchResult:
    """
    Results, one row per agreement; instalment matrices have one column per month.

    Dates are ordinals (0 = none), amounts fen. Status codes are
    :attr:`InstalmentStatus.code <tradesecret.ledger.InstalmentStatus.code>` (-1 beyond the
    schedule). Rows listed in :attr:`errors` have ``valid`` False and zero outputs.
    ``free_since`` is the first free day when on or before ``as_of``; ``ended_by`` the
    position of the :class:`~tradesecret.ledger.EndedBy` member in its enum;
    ``release_extra`` / ``release_extra_paid`` the extra compensation of an employer
    release and what was paid towards it. ``compensation_to_return``, ``penalty_paid``,
    ``breach_from`` and ``in_service_breaches`` come from breach events (exact-path rows;
    zero elsewhere). ``exact_path`` marks the rows the object path evaluated. ``due`` is
    ``int32``; ``amount`` and ``paid`` are ``int32`` when no instalment of the batch can
    reach 2**31 fen (CNY 21,474,836.48), else ``int64``.
    """

    as_of: I64
    valid: npt.NDArray[np.bool_]
    errors: tuple[RowError, ...]
    months: I64
    due: npt.NDArray[np.int32]
    amount: npt.NDArray[np.signedinteger[Any]]
    paid: npt.NDArray[np.signedinteger[Any]]
    status: npt.NDArray[np.int8]
    total_scheduled: I64
    total_fallen_due: I64
    total_paid: I64
    arrears: I64
    unallocated: I64
    scheduled_end: I64
    bound: npt.NDArray[np.bool_]
    right_unpaid_three_months: I64
    right_late_after_reminder: I64
    right_unpaid_over_three_months: I64
    free_since: I64
    ended_by: npt.NDArray[np.int8]
    release_extra: I64
    release_extra_paid: I64
    compensation_to_return: I64
    penalty_paid: I64
    breach_from: I64
    in_service_breaches: I64
    exact_path: npt.NDArray[np.bool_]

    def statistics(self) -> dict[str, int]:
        """Rows in all, computed by the columnar kernel, by the exact object path, invalid."""
        n = int(self.valid.shape[0])
        exact = int((self.exact_path & self.valid).sum())
        invalid = int((~self.valid).sum())
        return {"rows": n, "kernel": n - exact - invalid, "exact_path": exact, "invalid": invalid}

    def to_pandas(self) -> DataFrame:
        """One row per agreement (no instalment matrices); dates as ``datetime64[D]``."""
        pd = importlib.import_module("pandas")

        def dates(a: I64) -> Arr:
            out = (a - EPOCH).astype("datetime64[D]")
            out[a == 0] = np.datetime64("NaT")
            return out

        return pd.DataFrame(
            {
                "valid": self.valid,
                "months": self.months,
                "total_scheduled_fen": self.total_scheduled,
                "total_fallen_due_fen": self.total_fallen_due,
                "total_paid_fen": self.total_paid,
                "arrears_fen": self.arrears,
                "unallocated_fen": self.unallocated,
                "scheduled_end": dates(self.scheduled_end),
                "bound": self.bound,
                "right_unpaid_three_months": dates(self.right_unpaid_three_months),
                "right_late_after_reminder": dates(self.right_late_after_reminder),
                "right_unpaid_over_three_months": dates(self.right_unpaid_over_three_months),
                "free_since": dates(self.free_since),
                "ended_by": [list(EndedBy)[k].value for k in self.ended_by.tolist()],
                "release_extra_fen": self.release_extra,
                "release_extra_paid_fen": self.release_extra_paid,
                "compensation_to_return_fen": self.compensation_to_return,
                "penalty_paid_fen": self.penalty_paid,
                "breach_from": dates(self.breach_from),
                "in_service_breaches": self.in_service_breaches,
                "exact_path": self.exact_path,
            }
        )


def evaluate_batch(
    data: BatchInput,
    *,
    as_of: object,
    options: LedgerOptions | None = None,
    rulebook: Rulebook | None = None,
) -> BatchResult:
    """
    Evaluate every agreement as of ``as_of`` (a date for all rows, or an ordinal array).

    Supports every :class:`~tradesecret.ledger.LedgerOptions` reading except
    ``CuredArrears.RIGHT_LAPSES``. ``rulebook`` may be a tenant's overlay
    (:meth:`Rulebook.extended <tradesecret.rulebook.Rulebook.extended>`, the same TOML
    format as the package data, validated like it).

    Raises:
        InvalidInputError: ``options.cured_arrears`` is ``RIGHT_LAPSES`` (evaluate with
            :func:`~tradesecret.ledger.evaluate_compensation`), or a malformed ``as_of``.
    """
    fields = run_batch(data, as_of=as_of, options=options, rulebook=rulebook)
    return BatchResult(**fields)
