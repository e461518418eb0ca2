"""DataFrames and Arrow tables to :class:`~tradesecret.ledger.BatchInput`."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from numbers import Integral
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import numpy.typing as npt
import pendulum

from tradesecret.exceptions import InvalidInputError, Problem, render_value
from tradesecret.ledger._batch_columns import problem
from tradesecret.ledger._batch_params import EPOCH
from tradesecret.money import Money

if TYPE_CHECKING:
    from tradesecret.ledger.batch import BatchInput
    from tradesecret.ledger.model import LedgerEvent

DataFrame = Any
ArrowTable = Any
I64 = npt.NDArray[np.int64]

_AGREEMENT_COLUMNS: Final = frozenset(
    {
        "agreement_id",
        "termination_date",
        "months",
        "region",
        "agreed_fen",
        "average_wage_fen",
        "wage_total_fen",
        "wage_months",
        "penalty_fen",
        "reminder_date",
        "activation_reserved",
        "release_date",
        "release_negotiated_fen",
        "rescission_date",
    }
)
_PAYMENT_COLUMNS: Final = frozenset({"agreement_id", "date", "amount_fen", "instalment"})
_EVENT_COLUMNS: Final = frozenset(
    {"agreement_id", "kind", "date", "until", "amount_fen", "breach_kind", "description"}
)
_REQUIRED_AGREEMENT: Final = frozenset(
    {"agreement_id", "termination_date", "months", "region", "agreed_fen", "average_wage_fen"}
)
_REQUIRED_PAYMENT: Final = _PAYMENT_COLUMNS - {"instalment"}
_REQUIRED_EVENT: Final = frozenset({"agreement_id", "kind", "date"})
#: Kinds that fill a column of the agreements table (the first one of each per agreement).
_FILLED: Final = {
    "reminders": "reminder_date",
    "employer_releases": "release_date",
    "rescissions": "rescission_date",
}


def pd_isna(value: object) -> bool:
    """True for NaN/NaT-like missing values."""
    try:
        return bool(value != value)  # noqa: PLR0124 - NaN and NaT are not equal to themselves
    except (TypeError, ValueError):
        return False


def _ordinals(values: Any) -> I64:
    arr = np.asarray(values)
    if arr.dtype.kind == "M":
        days = arr.astype("datetime64[D]")
        nat = np.isnat(days)
        out = days.astype(np.int64) + EPOCH
        out[nat] = 0
        return out
    if arr.dtype.kind in "iu":
        return arr.astype(np.int64)
    out = np.zeros(arr.shape[0], dtype=np.int64)
    for k, v in enumerate(arr.tolist()):
        if v is None or pd_isna(v):  # None or NaN/NaT
            continue
        out[k] = pendulum.Date(v.year, v.month, v.day).toordinal()
    return out


def _check_columns(
    frame: DataFrame, name: str, known: frozenset[str], required: frozenset[str]
) -> list[Problem]:
    columns = [str(c) for c in frame.columns]
    problems = [
        Problem.of(
            f"{name}.{column}",
            column,
            "not a column the batch path reads (it would be ignored); supported: {allowed}",
            allowed=sorted(known),
        )
        for column in columns
        if column not in known
    ]
    problems += [
        Problem.of(f"{name}.{column}", None, "required column missing")
        for column in sorted(required - set(columns))
    ]
    return problems


def _day(ordinal: int) -> pendulum.Date:
    return pendulum.Date.fromordinal(ordinal)


def _opt_day(value: object) -> pendulum.Date | None:
    if value is None or pd_isna(value):
        return None
    return pendulum.Date(value.year, value.month, value.day)  # type: ignore[attr-defined]


def _text(value: object) -> str:
    return "" if value is None or pd_isna(value) else str(value)


def _breach_kind(value: object) -> Any:
    kinds = _model().InServiceBreachKind
    text = _text(value) or "other"
    try:
        return kinds(text)
    except ValueError:
        raise InvalidInputError.single(
            "breach_kind", text, "expected one of {allowed}", allowed=[k.value for k in kinds]
        ) from None


def _money(value: object) -> Money:
    if value is None or pd_isna(value) or isinstance(value, bool):
        raise InvalidInputError.single("amount_fen", value, "required for this kind")
    number = float(value) if not isinstance(value, int) else value  # type: ignore[arg-type]
    if isinstance(number, float) and not number.is_integer():
        raise InvalidInputError.single("amount_fen", value, "expected whole fen")
    return Money.from_fen(int(number))


def _model() -> Any:
    """The ledger's event classes, loaded only for input that has events (rare rows)."""
    return importlib.import_module("tradesecret.ledger.model")


_BUILDERS: Final[dict[str, Callable[[pendulum.Date, dict[str, Any]], LedgerEvent]]] = {
    "reminders": lambda d, _r: _model().Reminder(date=d),
    "employer_releases": lambda d, _r: _model().EmployerRelease(date=d),
    "rescissions": lambda d, _r: _model().Rescission(date=d),
    "activations": lambda d, _r: _model().Activation(date=d),
    "waivers": lambda d, _r: _model().Waiver(date=d),
    "employee_delays": lambda d, r: _model().EmployeeDelay(date=d, until=_opt_day(r.get("until"))),
    "breaches": lambda d, r: _model().Breach(
        date=d, until=_opt_day(r.get("until")), description=_text(r.get("description"))
    ),
    "in_service_breaches": lambda d, r: _model().InServiceBreach(
        date=d, kind=_breach_kind(r.get("breach_kind")), description=_text(r.get("description"))
    ),
    "penalty_payments": lambda d, r: _model().PenaltyPaid(
        date=d, amount=_money(r.get("amount_fen"))
    ),
}


def _events(
    events: DataFrame, row_of: Callable[[Any], I64], filled: dict[str, I64]
) -> tuple[list[tuple[int, LedgerEvent]], list[tuple[int, Problem]]]:
    """Typed events per row; the first reminder / release / rescission fills its column."""
    rows = row_of(events["agreement_id"])
    days = _ordinals(events["date"].to_numpy())
    records = events.to_dict("records")
    typed: list[tuple[int, LedgerEvent]] = []
    unsupported: list[tuple[int, Problem]] = []
    for k, (row, day, record) in enumerate(zip(rows.tolist(), days.tolist(), records, strict=True)):
        kind = str(record["kind"])
        if row < 0:
            unsupported.append(
                (-1, problem("", "", "event {index} names no known agreement", index=k))
            )
        elif kind == "payments":
            unsupported.append((row, problem("", "", "payments belong in the payments table")))
        elif kind == "deferrals":
            unsupported.append((row, problem("", "", _DEFERRALS)))
        elif kind not in _BUILDERS:
            unsupported.append(
                (row, problem("", "", "unknown event kind {kind}", kind=render_value(kind)))
            )
        elif day <= 0:
            unsupported.append((row, problem(f"event {k}", "", "no date")))
        elif kind in _FILLED and not filled[kind][row]:
            filled[kind][row] = day
        else:
            try:
                typed.append((row, _BUILDERS[kind](_day(day), record)))
            except InvalidInputError as exc:
                unsupported += [(row, _within(p, f"event {k} ({kind})")) for p in exc.problems]
    return typed, unsupported


_DEFERRALS: Final = "a deferral plan needs its new due dates: pass it in BatchInput.events"


def _within(found: Problem, where: str) -> Problem:
    """``found`` (a field's problem) placed within an event or payment of the batch input."""
    return found.at(f"{where}: {found.path}" if found.path else where)


def _batch_input() -> Any:
    return importlib.import_module("tradesecret.ledger.batch").BatchInput


def _row_lookup(pd: Any, ids: Any) -> tuple[Callable[[Any], I64], list[tuple[int, Problem]]]:
    """Agreement id -> row (the first of duplicated ids); every duplicated row reported."""
    first = ~ids.duplicated().to_numpy()
    index = pd.Index(ids[first])
    first_row = np.flatnonzero(first)

    def row_of(values: Any) -> I64:
        found = np.asarray(index.get_indexer(values.astype(str)), dtype=np.int64)
        return np.where(found >= 0, first_row[np.maximum(found, 0)], -1)

    duplicated = ids.duplicated(keep=False).to_numpy()
    duplicate = problem("", "", "duplicate agreement_id")
    return row_of, [(row, duplicate) for row in np.flatnonzero(duplicated).tolist()]


def _named_payments(
    payments: DataFrame, pay_row: I64, pay_date: I64, pay_fen: Any
) -> tuple[list[tuple[int, LedgerEvent]], list[tuple[int, Problem]], npt.NDArray[np.bool_]]:
    """Payments naming an instalment, as typed events (exact path); the others to keep."""
    named = ~payments["instalment"].isna().to_numpy() & (pay_row >= 0)
    typed: list[tuple[int, LedgerEvent]] = []
    unsupported: list[tuple[int, Problem]] = []
    instalments = payments["instalment"].tolist()
    for k in np.flatnonzero(named).tolist():
        number = instalments[k]
        try:
            if (
                isinstance(number, bool)
                or not isinstance(number, Integral | float)
                or (isinstance(number, float) and not number.is_integer())
            ):
                raise InvalidInputError.single("instalment", number, "not a whole number")
            payment = _model().Payment(
                date=_day(int(pay_date[k])),
                amount=_money(pay_fen[k].item() if hasattr(pay_fen[k], "item") else pay_fen[k]),
                instalment=int(number),
            )
        except InvalidInputError as exc:
            unsupported += [(int(pay_row[k]), _within(p, f"payment {k}")) for p in exc.problems]
            continue
        typed.append((int(pay_row[k]), payment))
    return typed, unsupported, ~named


def _optional_amounts(frame: DataFrame, column: str, missing: int) -> Any:
    """An optional integer column; a missing value (NaN, None) means "not given"."""
    if column not in frame:
        return None
    return frame[column].fillna(missing).to_numpy()


def batch_from_pandas(
    agreements: DataFrame, payments: DataFrame, events: DataFrame | None = None
) -> BatchInput:
    """
    Build a :class:`BatchInput` from DataFrames.

    ``agreements`` columns: ``agreement_id``, ``termination_date``, ``months``, ``region``,
    ``agreed_fen`` (0 = none), ``average_wage_fen`` (0 = unknown), and optionally
    ``wage_total_fen`` / ``wage_months`` (the exact wage base), ``penalty_fen``,
    ``reminder_date``, ``release_date`` (employer release), ``rescission_date`` (NaT =
    none), ``release_negotiated_fen`` (0 = the statutory extra months) and
    ``activation_reserved`` (bool). ``payments`` columns: ``agreement_id``, ``date``,
    ``amount_fen``, optionally ``instalment`` (a payment naming one goes through the exact
    path). ``events`` (optional): ``agreement_id``, ``kind`` (a
    :class:`~tradesecret.ledger.CompensationLedger` field name: ``reminders``,
    ``employer_releases``, ``rescissions``, ``activations``, ``waivers``,
    ``employee_delays``, ``breaches``, ``in_service_breaches``, ``penalty_payments``),
    ``date``, and where the kind needs them ``until``, ``amount_fen``, ``breach_kind``,
    ``description``. The first reminder, release or rescission of an agreement fills its
    column; every other event goes through the exact path. Deferral plans need their new
    due dates: pass them in :attr:`BatchInput.events`.

    An unknown ``agreement_id`` is a :class:`RowError` with row ``-1``; rows sharing an
    ``agreement_id`` are each reported (never the whole batch).

    Raises:
        InvalidInputError: a column the batch path does not read, or a required one missing.
    """
    pd, batch_input = importlib.import_module("pandas"), _batch_input()
    problems = _check_columns(agreements, "agreements", _AGREEMENT_COLUMNS, _REQUIRED_AGREEMENT)
    problems += _check_columns(payments, "payments", _PAYMENT_COLUMNS, _REQUIRED_PAYMENT)
    if events is not None:
        problems += _check_columns(events, "events", _EVENT_COLUMNS, _REQUIRED_EVENT)
    if problems:
        raise InvalidInputError(problems)
    ids = agreements["agreement_id"].astype(str)
    row_of, unsupported = _row_lookup(pd, ids)
    n = len(agreements)
    filled = {
        kind: _ordinals(agreements[column].to_numpy())
        if column in agreements
        else np.zeros(n, dtype=np.int64)
        for kind, column in _FILLED.items()
    }
    pay_row = row_of(payments["agreement_id"])
    pay_date = _ordinals(payments["date"].to_numpy())
    pay_fen = payments["amount_fen"].to_numpy()
    typed: list[tuple[int, LedgerEvent]] = []
    if "instalment" in payments:
        typed, reasons, keep = _named_payments(payments, pay_row, pay_date, pay_fen)
        unsupported += reasons
        pay_row, pay_date, pay_fen = pay_row[keep], pay_date[keep], pay_fen[keep]
    if events is not None and len(events):
        more, reasons = _events(events, row_of, filled)
        typed += more
        unsupported += reasons
    return batch_input(  # type: ignore[no-any-return]
        termination=_ordinals(agreements["termination_date"].to_numpy()),
        months=agreements["months"].to_numpy(),
        region=agreements["region"].to_numpy(dtype=object),
        agreed_fen=agreements["agreed_fen"].to_numpy(),
        average_wage_fen=agreements["average_wage_fen"].to_numpy(),
        reminder=filled["reminders"],
        pay_row=pay_row,
        pay_date=pay_date,
        pay_fen=pay_fen,
        agreement_id=ids.to_numpy(dtype=object),
        unsupported=tuple(unsupported),
        release=filled["employer_releases"],
        release_negotiated_fen=_optional_amounts(agreements, "release_negotiated_fen", 0),
        rescission=filled["rescissions"],
        wage_total_fen=_optional_amounts(agreements, "wage_total_fen", 0),
        wage_months=_optional_amounts(agreements, "wage_months", 12),
        penalty_fen=_optional_amounts(agreements, "penalty_fen", 0),
        activation_reserved=agreements["activation_reserved"].fillna(False).to_numpy(dtype=bool)
        if "activation_reserved" in agreements
        else None,
        events=tuple(typed),
    )


def batch_from_arrow(
    agreements: ArrowTable, payments: ArrowTable, events: ArrowTable | None = None
) -> BatchInput:
    """:func:`batch_from_pandas` for Arrow tables (same columns)."""
    return batch_from_pandas(
        agreements.to_pandas(),
        payments.to_pandas(),
        None if events is None else events.to_pandas(),
    )
