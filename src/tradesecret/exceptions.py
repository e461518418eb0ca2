"""
Every exception `tradesecret` raises.

One root, :class:`TradeSecretError`. Each concrete error also subclasses the
matching built-in (``ValueError``, ``TypeError``, ``LookupError``), so existing
``except`` clauses keep working.

An exception always means *the input is bad*, *the law asked about is not
modelled* (out of coverage) or *a bug*. A legal outcome -- "not a trade
secret", "the period exceeds two years" -- is never an exception: it comes back
as a result (see :mod:`tradesecret.results`).

An exception's own message (``str(exc)``) is English, for developers. What is wrong with an
input is in its ``problems``: each reason an English template with its parameters, which
presentation says in the caller's locale (:meth:`tradesecret.i18n.Localizer.error`).
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from tradesecret.facts import UNKNOWN

__all__ = [
    "CitationError",
    "ConflictingRulesError",
    "CurrencyMismatchError",
    "DataFileError",
    "FloatNotAllowedError",
    "InvalidInputError",
    "MissingMessageError",
    "NoApplicableRuleError",
    "NoRuleInForceError",
    "OutOfCoverageError",
    "ParameterError",
    "ParameterNotFoundError",
    "Problem",
    "TradeSecretError",
    "UnknownRegionError",
    "json_kind",
    "param_text",
    "render_value",
    "unreadable_file",
]


class TradeSecretError(Exception):
    """
    Root of every exception raised by ``tradesecret``.

    Attributes:
        problems: What is wrong, each a :class:`Problem` with its path, value and
            reason template, so presentation can say it in the caller's locale
            (empty only for an internal error, whose message is for developers).
    """

    problems: tuple[Problem, ...] = ()


@attrs.frozen(kw_only=True)
class Problem:
    """
    One thing wrong with an input: where, what value, and why.

    The reason is written once, in English, as a message template (``"must be at most
    {limit}"``) with its parameters kept apart, so that presentation can say it in the
    caller's locale (:meth:`tradesecret.i18n.Localizer.problem`): the template is the
    message id of the ``errors`` catalog, as in gettext.

    Attributes:
        path: Dotted path of the field, e.g. ``"wages[3].amount"``.
        value: The offending value as JSON-like text (``"abc"``, ``12``, ``null``,
            ``{"amount": "1.00", "currency": "CNY"}``), never a Python ``repr``, so the
            problem is always printable and JSON-safe.
        reason: Why the value was rejected, in English (the template, filled in).
        template: The reason's message template (its id in the ``errors`` catalog).
        params: The template's parameters, each as text, in order.
    """

    path: str
    value: str
    reason: str
    template: str = attrs.field()
    params: tuple[tuple[str, str], ...] = ()

    @template.default
    def _template_is_the_reason(self) -> str:
        return self.reason

    def __str__(self) -> str:
        got = f" (got {self.value})" if self.value else ""
        return f"{self.reason} @ {self.path}{got}"

    @classmethod
    def of(cls, path: str, value: object, reason: str, /, **params: object) -> Problem:
        """
        Build a problem, recording ``value`` as JSON-like text (:func:`render_value`).

        ``reason`` is an English template; ``params`` fill its ``{named}`` placeholders
        (lists are joined with ``", "``, other values written as text).

        Examples:
            >>> p = Problem.of("months", 30, "must be at most {limit}", limit=24)
            >>> str(p), p.template, p.params
            ('must be at most 24 @ months (got 30)', 'must be at most {limit}', (('limit', '24'),))
        """
        texts = tuple((name, param_text(v)) for name, v in params.items())
        reason_text = reason.format_map(dict(texts)) if texts else reason
        return cls(
            path=path, value=render_value(value), reason=reason_text, template=reason, params=texts
        )

    def at(self, path: str) -> Problem:
        """The same problem at another path (the reason, template and parameters kept)."""
        return attrs.evolve(self, path=path)


def param_text(value: object) -> str:
    """
    A template parameter as text: strings as they are, lists joined with ``", "``, dates
    in ISO form, an amount as ``<amount> <currency>``; never a Python ``repr``.

    Examples:
        >>> import datetime
        >>> param_text("CNY"), param_text(24), param_text(["zh_CN", "en"])
        ('CNY', '24', 'zh_CN, en')
        >>> param_text(datetime.date(2008, 1, 1))
        '2008-01-01'
    """
    if isinstance(value, str):
        return value
    if isinstance(value, _dt.date | _dt.time):
        return value.isoformat()
    amount, currency = getattr(value, "amount", None), getattr(value, "currency", None)
    if isinstance(amount, Decimal) and isinstance(currency, str):  # Money
        return f"{render_value(amount)} {currency}"
    if isinstance(value, list | tuple | frozenset | set):
        items = sorted(value, key=str) if isinstance(value, frozenset | set) else value
        return ", ".join(param_text(v) for v in items)
    if isinstance(value, enum.Enum):
        return param_text(value.value)
    return render_value(value)


def render_value(value: object, limit: int = 120) -> str:
    """
    ``value`` as short JSON-like text for a message: never a Python ``repr``.

    Examples:
        >>> import datetime
        >>> from decimal import Decimal
        >>> render_value("NC-9"), render_value(None), render_value(True), render_value(Decimal("1.50"))
        ('"NC-9"', 'null', 'true', '1.50')
        >>> render_value(datetime.date(2025, 1, 1)), render_value([1, "a"])
        ('"2025-01-01"', '[1, "a"]')
    """
    text = _render(value, 0)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _render(value: object, depth: int, *, decimal_text: bool = False) -> str:  # noqa: PLR0911 - one return per JSON type
    if value is None or value is UNKNOWN:  # not stated: null, as in a case file
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return _render(value.value, depth)
    if isinstance(value, str):
        text = str(value)
        return json.dumps(text, ensure_ascii=_has_surrogate(text))
    if isinstance(value, int):
        if value.bit_length() > 256:
            return f"<a whole number of {value.bit_length()} bits>"
        return str(int(value))
    if isinstance(value, Decimal):
        text = str(value) if len(value.as_tuple().digits) <= 60 else "<a long decimal>"
        return json.dumps(text) if decimal_text else text
    if isinstance(value, float):
        return float.__repr__(value)
    if isinstance(value, _dt.date | _dt.time):
        return json.dumps(value.isoformat())
    if depth > 3:
        return "…"
    if isinstance(value, Mapping):
        items = (f"{_render(str(k), depth + 1)}: {_render(v, depth + 1)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list | tuple | set | frozenset):
        return "[" + ", ".join(_render(v, depth + 1) for v in value) + "]"
    if attrs.has(type(value)):
        # a value object renders as its JSON form, decimals as text: {"amount": "8000", ...}
        inner = (
            f"{json.dumps(f.name)}: {_render(getattr(value, f.name), depth + 1, decimal_text=True)}"
            for f in attrs.fields(type(value))  # type: ignore[arg-type]
        )
        return "{" + ", ".join(inner) + "}"
    item = getattr(value, "item", None)
    if type(value).__module__ == "numpy" and callable(item):  # numpy scalars
        try:
            return _render(item(), depth)
        except (TypeError, ValueError):
            pass
    return f"<{type(value).__name__}>"


def json_kind(value: object) -> str:
    """
    What kind of JSON value ``value`` is, for messages (``"null"``, ``"a string"``, ...).

    Examples:
        >>> json_kind(None), json_kind("x"), json_kind(1.5), json_kind([]), json_kind(True)
        ('null', 'a string', 'a number', 'an array', 'a boolean')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, int | Decimal | float):
        return "a number"
    if isinstance(value, list | tuple):
        return "an array"
    if isinstance(value, Mapping):
        return "an object"
    return f"a {type(value).__name__}"


def unreadable_file(
    path: str, exc: OSError | UnicodeError, *, value: object = "", writing: bool = False
) -> Problem:
    """
    A file that cannot be read (or, ``writing``, written), in the library's words (never
    the operating system's English). ``value`` is shown where given (e.g. the file name).
    """
    missing = isinstance(exc, FileNotFoundError)
    denied = isinstance(exc, PermissionError)
    folder = isinstance(exc, IsADirectoryError)
    if writing:
        found = Problem.of(
            path,
            value,
            "cannot write the file: no such folder"
            if missing
            else "cannot write the file: permission denied"
            if denied
            else "cannot write the file: it is a folder"
            if folder
            else "cannot write the file",
        )
    else:
        found = Problem.of(
            path,
            value,
            "cannot read file: not UTF-8"
            if isinstance(exc, UnicodeError)
            else "cannot read file: no such file"
            if missing
            else "cannot read file: permission denied"
            if denied
            else "cannot read file: it is a folder"
            if folder
            else "cannot read file",
        )
    return found if value != "" else attrs.evolve(found, value="")


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


class InvalidInputError(TradeSecretError, ValueError):
    """
    The input cannot be evaluated. Lists *every* problem found, not just the first.

    Attributes:
        problems: One :class:`Problem` per bad field, in the order found.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        if not self.problems:
            msg = "InvalidInputError needs at least one problem"
            raise ValueError(msg)
        super().__init__("; ".join(str(p) for p in self.problems))

    @classmethod
    def single(
        cls, path: str, value: object, reason: str, /, **params: object
    ) -> InvalidInputError:
        """One problem, one error (``reason`` a template, as in :meth:`Problem.of`)."""
        return cls([Problem.of(path, value, reason, **params)])  # template: passed through

    @property
    def field(self) -> str:
        """Path of the first problem (convenience for the common single-field case)."""
        return self.problems[0].path

    @property
    def value(self) -> str:
        """Value of the first problem, as text."""
        return self.problems[0].value

    def lines(self) -> tuple[str, ...]:
        """Each problem as a ``reason @ path (got value)`` line, for forms and CLIs."""
        return tuple(str(p) for p in self.problems)


_FLOAT_REFUSED: Final = "a float is not accepted: pass a decimal string, Decimal or int"


class FloatNotAllowedError(TradeSecretError, TypeError):
    """A ``float`` was given where money or a legal ratio is expected.

    Binary floats cannot represent amounts such as 0.1 exactly, so they are refused
    outright; pass a ``Decimal``, an ``int`` or a decimal string instead.
    """

    def __init__(self, path: str, value: float) -> None:
        self.field = path
        self.value = value
        self.problems = (Problem.of(path, value, _FLOAT_REFUSED),)
        super().__init__(
            f"float {_render(value, 0)} is not accepted @ {path}; pass Decimal, int or a decimal string"
        )


class CurrencyMismatchError(TradeSecretError, ValueError):
    """Two amounts in different currencies were combined or compared."""

    def __init__(self, left: str, right: str) -> None:
        self.left = left
        self.right = right
        self.problems = (
            Problem.of(
                "currency", right, "cannot combine {left} with {right}", left=left, right=right
            ),
        )
        super().__init__(f"cannot combine {left} with {right}")


class DataFileError(TradeSecretError, ValueError):
    """A data file (law catalog, parameters, messages, case file) is malformed.

    Attributes:
        source: The file or resource name.
        problems: Every problem found in it.
    """

    def __init__(self, source: str, problems: Iterable[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        body = "; ".join(str(p) for p in self.problems)
        super().__init__(f"{source}: {body}")


class CitationError(TradeSecretError, LookupError):
    """A citation does not parse, or names an instrument/article the catalog lacks."""

    def __init__(self, citation_id: str, reason: str, /, **params: object) -> None:
        self.citation_id = citation_id
        self.problems = (Problem.of("citation", citation_id, reason, **params),)
        # template: passed through (the caller's template)
        self.reason = self.problems[0].reason
        super().__init__(f"{self.reason}: {render_value(citation_id)}")


class ParameterError(TradeSecretError, LookupError):
    """Base of parameter lookup failures."""


_NOT_FOUND: Final = "no such parameter"
_NOT_FOUND_IN: Final = "parameter {name} has no value for this region or its parents"


class ParameterNotFoundError(ParameterError):
    """No parameter with that name, or none for that region."""

    def __init__(self, name: str, region: str | None = None, reason: str = "") -> None:
        self.name = name
        self.region = region
        where = f" for region {render_value(region)}" if region else ""
        extra = f": {reason}" if reason else ""
        self.problems = (
            Problem.of("region", region, _NOT_FOUND_IN, name=name)
            if region
            else Problem.of("parameter", name, _NOT_FOUND),
        )
        super().__init__(f"parameter {render_value(name)} not found{where}{extra}")


class OutOfCoverageError(ParameterError):
    """The date asked about is before the first value the library holds.

    The library never falls back to a default or to zero: law that is not
    modelled is an error.
    """

    def __init__(self, name: str, as_of: Any, covered_since: Any, region: str | None) -> None:
        self.name = name
        self.as_of = as_of
        self.covered_since = covered_since
        self.region = region
        where = f" in {region}" if region else ""
        self.problems = (
            Problem.of(
                "as_of",
                as_of,
                "parameter {name} ({region}) has no value on this day; covered since {since}"
                if region
                else "parameter {name} has no value on this day; covered since {since}",
                name=name,
                region=region or "",
                since=covered_since,
            ),
        )
        super().__init__(
            f"parameter {render_value(name)}{where} has no value on {as_of}; covered since {covered_since}"
        )


class NoRuleInForceError(OutOfCoverageError):
    """The data covers the date, and says that no such rule existed then.

    Unlike its base class this is a legal answer, not a gap in the data: ``no_rule``
    (a :class:`tradesecret.rulebook.NoRule`) cites what the law then was. Domains
    that can answer for that period catch it (or call
    :meth:`tradesecret.rulebook.Rulebook.lookup`) and turn it into a result.
    """

    def __init__(self, name: str, as_of: Any, no_rule: Any, region: str | None) -> None:
        self.no_rule = no_rule
        super().__init__(name, as_of, getattr(no_rule, "until", None), region)
        where = f" in {region}" if region else ""
        self.problems = (
            Problem.of(
                "as_of",
                as_of,
                "parameter {name} ({region}): no such rule in force on this day"
                if region
                else "parameter {name}: no such rule in force on this day",
                name=name,
                region=region or "",
            ),
        )
        self.args = (f"parameter {render_value(name)}{where}: no such rule in force on {as_of}",)


class UnknownRegionError(TradeSecretError, LookupError):
    """A region code that the region registry does not know."""

    def __init__(self, region: str, hint: str = "", /, **params: object) -> None:
        self.region = region
        problem = Problem.of(  # template: passed through (the hint is a template)
            "region",
            region,
            f"unknown region code: {hint}" if hint else "unknown region code",
            **params,
        )
        self.hint = problem.reason.removeprefix("unknown region code").removeprefix(": ")
        self.problems = (problem,)
        extra = f": {self.hint}" if self.hint else ""
        super().__init__(f"unknown region code {render_value(region)}{extra}")


class NoApplicableRuleError(TradeSecretError, LookupError):
    """No rule in a rule set applies to the facts (Catala's ``NoValue``)."""

    def __init__(self, rule_set: str) -> None:
        self.rule_set = rule_set
        super().__init__(f"no rule of {render_value(rule_set)} applies to these facts")


class ConflictingRulesError(TradeSecretError):
    """Two rules of equal precedence apply and give different results (Catala's ``Conflict``).

    The library never resolves such a conflict by "last wins".
    """

    def __init__(self, rule_set: str, labels: Iterable[str]) -> None:
        self.rule_set = rule_set
        self.labels = tuple(labels)
        super().__init__(f"conflicting rules in {render_value(rule_set)}: {', '.join(self.labels)}")


class MissingMessageError(TradeSecretError, LookupError):
    """A message code has no text in the requested locale."""

    def __init__(self, code: str, locale: str) -> None:
        self.code = code
        self.locale = locale
        super().__init__(f"no message {render_value(code)} in locale {render_value(locale)}")
