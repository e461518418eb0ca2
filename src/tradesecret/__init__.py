"""
tradesecret: PRC trade-secret and non-compete law as typed, cited, tested code.

The headline functions and types are importable from here; everything else lives
in submodules (:mod:`tradesecret.rulebook`, :mod:`tradesecret.dates`,
:mod:`tradesecret.results`, ...). Not legal advice.

Examples:
    >>> import tradesecret as ts
    >>> rb = ts.default_rulebook()
    >>> rb.param("noncompete.default_ratio", as_of=ts.to_date("2025-09-01")).as_ratio()
    Ratio(value=Decimal('0.30'))
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

from tradesecret.dates import (
    ChinaCalendar,
    deadline,
    hours_after,
    month_periods,
    term_end,
    to_date,
    to_datetime,
)
from tradesecret.exceptions import (
    CitationError,
    ConflictingRulesError,
    CurrencyMismatchError,
    DataFileError,
    FloatNotAllowedError,
    InvalidInputError,
    MissingMessageError,
    NoApplicableRuleError,
    OutOfCoverageError,
    ParameterError,
    ParameterNotFoundError,
    Problem,
    TradeSecretError,
    UnknownRegionError,
)
from tradesecret.i18n import explain
from tradesecret.law import Authority, Citation, Instrument, Tier, Verification
from tradesecret.money import Money, Ratio
from tradesecret.results import (
    Assessment,
    Criterion,
    Determination,
    Finding,
    Outcome,
    Severity,
    Term,
    TraceStep,
)
from tradesecret.rulebook import ParameterValue, Rulebook, default_rulebook
from tradesecret.serialization import from_json, to_json

__all__ = [
    "Assessment",
    "Authority",
    "ChinaCalendar",
    "Citation",
    "CitationError",
    "ConflictingRulesError",
    "Criterion",
    "CurrencyMismatchError",
    "DataFileError",
    "Determination",
    "Finding",
    "FloatNotAllowedError",
    "Instrument",
    "InvalidInputError",
    "MissingMessageError",
    "Money",
    "NoApplicableRuleError",
    "OutOfCoverageError",
    "Outcome",
    "ParameterError",
    "ParameterNotFoundError",
    "ParameterValue",
    "Problem",
    "Ratio",
    "Rulebook",
    "Severity",
    "Term",
    "Tier",
    "TraceStep",
    "TradeSecretError",
    "UnknownRegionError",
    "Verification",
    "deadline",
    "default_rulebook",
    "explain",
    "from_json",
    "hours_after",
    "month_periods",
    "term_end",
    "to_date",
    "to_datetime",
    "to_json",
]


def __getattr__(name: str) -> str:
    if name == "__version__":
        try:
            return _version("tradesecret")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            return "0+unknown"
    msg = f"module 'tradesecret' has no attribute {name!r}"
    raise AttributeError(msg)
