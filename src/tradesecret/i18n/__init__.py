"""
Explanations in Chinese and English, chosen per call.

:func:`explain` renders any result -- a :class:`~tradesecret.results.Finding`,
:class:`~tradesecret.results.Determination`,
:class:`~tradesecret.results.Assessment`, or a domain result that implements
``__explain__`` -- in ``zh_CN`` (the default: the Chinese text of the law is
authoritative) or ``en``, as plain text or Markdown.

* Messages come from gettext ``.po`` catalogs under
  ``tradesecret/i18n/locale/<locale>/LC_MESSAGES/<domain>.po``; the message id is
  the stable machine code of the finding or step, and placeholders are
  ``{named}`` so translators can reorder them. Each domain owns its own catalog
  file; all files of a locale are merged.
* Money, dates, numbers and percentages are formatted for the locale from babel's CLDR
  data, read once per locale (currency symbols, month names) and then applied without
  re-parsing anything: one explanation formats a few hundred values.
* There is no global locale: every call names its own.

Locales (each a documented style; anything else is refused with this list, never a
silent fallback):

=========  ======================  ==================  ==============
locale     messages                dates               money
=========  ======================  ==================  ==============
``zh_CN``  Chinese (authoritative)  ``2025年9月1日``     ``¥6,000.00``
``en``     English                 ``1 Sep 2025``      ``CN¥6,000.00``
``en_GB``  English                 ``1 Sept 2025``     ``CN¥6,000.00``
``en_US``  English                 ``Sep 1, 2025``     ``CN¥6,000.00``
=========  ======================  ==================  ==============

``zh``, ``zh-CN``, ``zh_Hans`` and ``zh_Hans_CN`` spell ``zh_CN``; ``en-GB`` and ``en-US``
spell ``en_GB`` and ``en_US``. Traditional Chinese (``zh_Hant_TW``, ``zh_TW``) is not
supported: the catalogs are simplified Chinese.

Examples:
    >>> from tradesecret.i18n import Localizer
    >>> from tradesecret.money import Money
    >>> Localizer.for_locale("zh_CN").value(Money("6000"))
    '¥6,000.00'
    >>> Localizer.for_locale("en").term("term.outcome.insufficient_evidence")
    'insufficient evidence'
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import ROUND_HALF_EVEN, Decimal
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Final, Literal, Protocol, runtime_checkable

import attrs
import pendulum

from tradesecret.exceptions import (
    DataFileError,
    InvalidInputError,
    MissingMessageError,
    Problem,
    TradeSecretError,
)
from tradesecret.i18n._errors import error_lines, problem_line, problem_object
from tradesecret.i18n._missing import missing_lines, open_lines
from tradesecret.law import Citation, Tier, Verification
from tradesecret.money import Money, Ratio
from tradesecret.results import (
    Arg,
    Args,
    Assessment,
    Criterion,
    Determination,
    Finding,
    MissingFact,
    Outcome,
    Severity,
    Term,
    TraceStep,
    Undetermined,
)
from tradesecret.rulebook import ParameterValue

__all__ = [
    "LOCALE_STYLES",
    "SUPPORTED_LOCALES",
    "Explainable",
    "Format",
    "Localizer",
    "catalog",
    "explain",
    "normalize_locale",
    "placeholders",
]

#: The locales with complete catalogs.
SUPPORTED_LOCALES: Final = ("zh_CN", "en")
#: The locales :func:`explain` accepts, each a documented style -> its catalog.
LOCALE_STYLES: Final = MappingProxyType(
    {"zh_CN": "zh_CN", "en": "en", "en_GB": "en", "en_US": "en"}
)
_ALIASES: Final = MappingProxyType(
    {"zh": "zh_CN", "zh_cn": "zh_CN", "zh_hans": "zh_CN", "zh_hans_cn": "zh_CN"}
    | {"en": "en", "en_gb": "en_GB", "en_us": "en_US"}
)

Format = Literal["text", "markdown"]

_PLACEHOLDER: Final = re.compile(r"\{([a-zA-Z_][a-zA-Z0-9_]*)\}")


def locale_style(locale: str) -> str:
    """
    The style of a locale spelling: ``zh_CN``, ``en``, ``en_GB`` or ``en_US``.

    Raises:
        InvalidInputError: for any other locale (with the list of supported ones).
    """
    style = _ALIASES.get(locale.replace("-", "_").lower()) if isinstance(locale, str) else None
    if style is None:
        raise InvalidInputError.single(
            "locale", locale, "supported locales: {allowed}", allowed=list(LOCALE_STYLES)
        )
    return style


def normalize_locale(locale: str) -> str:
    """
    The catalog of a locale: ``zh``, ``zh-CN``, ``zh_Hans_CN`` -> ``zh_CN``; ``en``,
    ``en_US``, ``en-GB`` -> ``en``.

    Raises:
        InvalidInputError: for any other locale (``zh_Hant_TW``, ``fr``...).
    """
    return LOCALE_STYLES[locale_style(locale)]


@lru_cache(maxsize=4096)
def placeholders(template: str) -> frozenset[str]:
    """The ``{named}`` placeholders of a message template."""
    return frozenset(_PLACEHOLDER.findall(template))


@lru_cache(maxsize=4)
def catalog(locale: str) -> Mapping[str, str]:
    """
    Every message of ``locale`` (all domain files merged), read once and frozen.

    Raises:
        DataFileError: a message id defined in two files, or an unreadable file.
    """
    read_po = importlib.import_module("babel.messages.pofile").read_po
    loc = normalize_locale(locale)
    folder = resources.files("tradesecret.i18n") / "locale" / loc / "LC_MESSAGES"
    messages: dict[str, str] = {}
    origin: dict[str, str] = {}
    problems: list[Problem] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".po"):
            continue
        with entry.open("rb") as handle:
            parsed = read_po(handle, locale=loc)
        for message in parsed:
            if not message.id or not isinstance(message.id, str):
                continue
            text = message.string if isinstance(message.string, str) else ""
            if message.id in messages:
                problems.append(
                    Problem.of(
                        entry.name,
                        message.id,
                        "message id also defined in {other}",
                        other=origin[message.id],
                    )
                )
            messages[message.id] = text
            origin[message.id] = entry.name
    if problems:
        raise DataFileError(f"locale/{loc}", problems)
    return MappingProxyType(messages)


#: The status mark a citation carries in running text where its source is not confirmed.
_UNCONFIRMED: Final = {Verification.V3: " [V3]", Verification.UNVERIFIED: " [UNVERIFIED]"}


@runtime_checkable
class Explainable(Protocol):
    """A domain result that knows how to explain itself with a :class:`Localizer`."""

    def __explain__(self, loc: Localizer, fmt: Format) -> str:
        """Render this result."""
        ...


@attrs.frozen
class Localizer:
    """
    Formats values and messages for one locale. Domain ``__explain__`` methods use it.

    Attributes:
        locale: The style: ``zh_CN``, ``en``, ``en_GB`` or ``en_US`` (see the module).
    """

    locale: str

    @classmethod
    def for_locale(cls, locale: str) -> Localizer:
        """A localizer for a locale (any supported spelling)."""
        return _localizer(locale_style(locale))

    @property
    def zh(self) -> bool:
        """True for Chinese."""
        return self.locale == "zh_CN"

    def label(self, code: str) -> str:
        """A heading term followed by the locale's colon: ``结果：`` / ``Result: ``."""
        return self.term(code) + ("：" if self.zh else ": ")

    def has(self, code: str) -> bool:
        """True when the catalog has a message ``code``."""
        return code in catalog(self.locale)

    def template(self, code: str) -> str:
        """The raw template of ``code``."""
        text = catalog(self.locale).get(code)
        if not text:
            raise MissingMessageError(code, self.locale)
        return text

    def message(
        self, code: str, args: Args | Mapping[str, Any] | Iterable[tuple[str, Any]] = ()
    ) -> str:
        """Render message ``code`` with its arguments formatted for the locale."""
        template = self.template(code)
        pairs = args.items() if isinstance(args, Mapping) else args
        values = {name: self.value(value) for name, value in pairs}
        missing = placeholders(template) - set(values)
        if missing:
            msg = f"message {code!r} ({self.locale}) needs arguments {sorted(missing)}"
            raise KeyError(msg)
        return template.format_map(values)

    def term(self, code: str) -> str:
        """A translated token."""
        return self.template(code)

    def catalog_texts(self) -> Mapping[str, str]:
        """Every message of the locale, by id (read once per process)."""
        return catalog(self.locale)

    def problem(self, problem: Problem) -> str:
        """An input problem as one line in the locale: where, why, the value given."""
        return problem_line(self, problem)

    def error(self, error: TradeSecretError) -> list[str]:
        """Every problem of an error, one line each, in the locale."""
        return error_lines(self, error)

    def problem_object(self, problem: Problem) -> dict[str, object]:
        """An input problem as JSON: path, value, English reason, template, params, message."""
        return problem_object(self, problem)

    def missing(self, fmt: Format, missing: Sequence[MissingFact]) -> list[str]:
        """The "what is missing" lines of a review (empty when every fact is stated)."""
        return missing_lines(self, fmt, missing)

    def open_rules(self, fmt: Format, rules: Iterable[Undetermined], depth: int = 0) -> list[str]:
        """One line per undetermined rule: the facts it turns on and what each answer gives."""
        return open_lines(self, fmt, rules, depth)

    def date(self, day: pendulum.Date) -> str:
        """A date: ``2025年9月1日`` / ``1 Sep 2025`` / ``Sep 1, 2025`` (by style)."""
        return _style(self.locale).date(day)

    def money(self, money: Money) -> str:
        """An amount with its currency sign; at least two decimals, never rounded for display."""
        return _style(self.locale).money(money.amount, money.currency)

    def value(self, value: Arg | object) -> str:  # noqa: PLR0911 - one return per value type
        """Format any message argument or result value."""
        if isinstance(value, Money):
            return self.money(value)
        if isinstance(value, Ratio):
            return _percent(value.value)
        if isinstance(value, pendulum.DateTime):
            return value.in_timezone("Asia/Shanghai").format("YYYY-MM-DD HH:mm") + " (UTC+8)"
        if isinstance(value, pendulum.Date):
            return self.date(value)
        if isinstance(value, bool):
            return self.term("term.bool.true" if value else "term.bool.false")
        if isinstance(value, Decimal):
            return _decimal(value)
        if isinstance(value, int):
            return f"{value:,}"
        if isinstance(value, Term):
            return self.term(value.code)
        if isinstance(value, Outcome):
            return self.term(f"term.outcome.{value.value}")
        if isinstance(value, Severity):
            return self.term(f"term.severity.{value.value}")
        if isinstance(value, Tier):
            return self.term(f"term.tier.{value.value}")
        if isinstance(value, Verification):
            return self.term(f"term.status.{value.value}")
        if isinstance(value, Citation):
            return value.render(self.locale)
        return str(value)

    def citations(self, citations: Iterable[Citation]) -> str:
        """
        Citations joined for the locale; one that is not confirmed (V3, UNVERIFIED) carries
        its status, so a "Basis" line never reads stronger than its source.
        """
        return ("；" if self.zh else "; ").join(
            c.render(self.locale) + _UNCONFIRMED.get(c.status, "") for c in citations
        )

    def parameter(self, param: ParameterValue) -> str:
        """One parameter value with its date, region, source and status."""
        region = self.message("format.region", {"region": param.region}) if param.region else ""
        return (
            self.message(
                "format.parameter",
                {
                    "label": param.label_zh if self.zh else param.label_en,
                    "value": _param_value(param),
                    "since": param.since,
                    "region": region,
                    "status": Term(f"term.status.{param.status.value}"),
                },
            )
            + " — "
            + self.citations(param.citations)
        )

    def finding(self, finding: Finding) -> str:
        """One finding as a line: severity, message, authority, citations."""
        head = self.message(
            "format.finding",
            {
                "severity": Term(f"term.severity.{finding.severity.value}"),
                "message": self.message(finding.code, finding.args),
                "authority": Term(f"term.authority.{finding.authority.value}"),
            },
        )
        return f"{head} — {self.citations(finding.citations)}"

    def heading(self, fmt: Format, level: int, text: str) -> str:
        """A heading: ``## text`` in markdown, the text alone in plain text."""
        return f"{'#' * level} {text}" if fmt == "markdown" else text

    def section(self, fmt: Format, title: str, lines: Sequence[str]) -> list[str]:
        """A blank line, the level-3 heading term ``title`` and ``lines``; nothing when empty."""
        return ["", self.heading(fmt, 3, self.term(title)), *lines] if lines else []

    def document(
        self, fmt: Format, head: Sequence[str], sections: Iterable[tuple[str, Sequence[str]]]
    ) -> str:
        """``head``, each non-empty section under its heading term, the disclaimer: one text."""
        lines = list(head)
        for title, body in sections:
            lines += self.section(fmt, title, body)
        return "\n".join([*lines, "", self.term("heading.disclaimer")])

    def finding_lines(self, findings: Iterable[Finding], depth: int = 0) -> list[str]:
        """One bullet per finding, its remedies indented under it."""
        lines: list[str] = []
        for finding in findings:
            lines.append(_bullet(self.finding(finding), depth))
            lines.extend(
                _bullet(f"{self.label('heading.next_steps')}{self.message(code)}", depth + 1)
                for code in finding.remedies
            )
        return lines

    def trace_lines(self, trace: Iterable[TraceStep]) -> list[str]:
        """One bullet per trace step: its day, what it did, what it rests on."""
        return [
            _bullet(
                f"{'' if s.on is None else f'{self.date(s.on)}: '}"
                f"{self.message(s.code, s.args)} — {self.citations(s.citations)}"
            )
            for s in trace
        ]

    def parameters(self, params: Iterable[ParameterValue]) -> list[str]:
        """Each parameter value once (by name, region and start), as a line."""
        seen: dict[tuple[str, str | None, pendulum.Date], ParameterValue] = {}
        for p in params:
            seen.setdefault((p.name, p.region, p.since), p)
        return [self.parameter(p) for p in seen.values()]


@lru_cache(maxsize=8)
def _localizer(style: str) -> Localizer:
    return Localizer(style)


_HUNDREDTH: Final = Decimal("0.01")
_THOUSANDTH: Final = Decimal("0.001")


def _trimmed(value: Decimal) -> str:
    """``#,##0.###``-style digits: grouped, trailing fraction zeros dropped."""
    text = f"{value:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _percent(value: Decimal) -> str:
    """CLDR ``#,##0.##%`` (half even), the same in every supported locale."""
    return _trimmed((value * 100).quantize(_HUNDREDTH, rounding=ROUND_HALF_EVEN)) + "%"


def _decimal(value: Decimal) -> str:
    """CLDR ``#,##0.###`` (half even), the same in every supported locale."""
    return _trimmed(value.quantize(_THOUSANDTH, rounding=ROUND_HALF_EVEN))


class _Style:
    """
    A locale's formats, read once from babel's CLDR data: currency symbols and month names.

    Every supported locale groups digits with ``,`` and uses ``.`` as the decimal mark;
    money is CLDR ``¤#,##0.00`` without quantization (at least two decimals, never
    rounded for display).
    """

    def __init__(self, style: str) -> None:
        babel = importlib.import_module("babel")
        numbers = importlib.import_module("babel.numbers")
        self.locale = babel.Locale.parse(style)
        self._symbol: Callable[[str], str] = lambda code: numbers.get_currency_symbol(
            code, locale=self.locale
        )
        self.symbols: dict[str, str] = {}
        abbreviated = self.locale.months["format"]["abbreviated"]
        months = ("", *(abbreviated[m] for m in range(1, 13)))
        if style == "zh_CN":
            self.date: Callable[[pendulum.Date], str] = lambda d: f"{d.year}年{d.month}月{d.day}日"
        elif style == "en_US":
            self.date = lambda d: f"{months[d.month]} {d.day}, {d.year}"
        else:
            self.date = lambda d: f"{d.day} {months[d.month]} {d.year}"

    def money(self, amount: Decimal, currency: str) -> str:
        symbol = self.symbols.get(currency)
        if symbol is None:
            symbol = self.symbols[currency] = self._symbol(currency)
        amount = amount.normalize()  # babel shows the significant decimals, at least two
        if amount.as_tuple().exponent > -2:  # type: ignore[operator]
            amount = amount.quantize(_HUNDREDTH)
        sign = "-" if amount.is_signed() and amount else ""
        return f"{sign}{symbol}{abs(amount):,f}"


@lru_cache(maxsize=8)
def _style(style: str) -> _Style:
    return _Style(style)


def _param_value(param: ParameterValue) -> Arg:
    if param.unit == "ratio" and isinstance(param.value, Decimal):
        return Ratio(param.value)
    return param.value


def _bullet(text: str, depth: int = 0) -> str:
    indent = "  " * depth
    return f"{indent}- {text}"


def _head(
    loc: Localizer,
    fmt: Format,
    title: str,
    what: str,
    *,
    as_of: pendulum.Date,
    citations: Iterable[Citation],
) -> list[str]:
    """A result's title, what it is (outcome or rule) with its day, and its basis."""
    return [
        loc.heading(fmt, 2, title),
        "",
        f"{what} · {loc.label('heading.as_of')}{loc.date(as_of)}",
        f"{loc.label('heading.basis')}{loc.citations(citations)}",
    ]


def _explain_assessment(loc: Localizer, fmt: Format, a: Assessment) -> str:
    title = loc.message(f"assessment.{a.kind}") if loc.has(f"assessment.{a.kind}") else a.kind
    outcome = f"{loc.label('heading.outcome')}{loc.value(a.outcome)}"
    lines = _head(loc, fmt, f"{title} — {a.subject}", outcome, as_of=a.as_of, citations=a.citations)
    missing = a.missing()
    if missing:
        lines += ["", *loc.missing(fmt, missing)]
    if a.criteria:
        lines += ["", loc.heading(fmt, 3, loc.term("heading.criteria"))]
        if fmt == "markdown":
            lines += [
                f"| {loc.term('heading.criterion')} | {loc.term('heading.outcome')} | {loc.term('heading.basis')} |",
                "|---|---|---|",
            ]
            lines += [
                f"| {loc.message(c.code, c.facts)} | {loc.value(c.outcome)} | {loc.citations(c.citations)} |"
                for c in a.criteria
            ]
        else:
            lines += [
                _bullet(
                    f"{loc.message(c.code, c.facts)}: {loc.value(c.outcome)} — {loc.citations(c.citations)}",
                )
                for c in a.criteria
            ]
    params = [*a.parameters, *(p for c in a.criteria for p in c.parameters)]
    sections = (
        ("heading.findings", loc.finding_lines(a.all_findings())),
        ("heading.open", loc.open_rules(fmt, [u for c in a.criteria for u in c.open])),
        ("heading.parameters", [_bullet(t) for t in loc.parameters(params)]),
    )
    return loc.document(fmt, lines, sections)


def _explain_determination(loc: Localizer, fmt: Format, d: Determination[Any]) -> str:
    rule = loc.message(f"rule.{d.rule}") if loc.has(f"rule.{d.rule}") else d.rule
    value = f"{loc.label('heading.value')}{loc.value(d.value)}"
    what = f"{loc.label('heading.rule')}{rule}"
    lines = _head(loc, fmt, value, what, as_of=d.as_of, citations=d.citations)
    sections = (
        ("heading.trace", loc.trace_lines(d.trace)),
        ("heading.findings", loc.finding_lines(d.findings)),
        ("heading.parameters", [_bullet(t) for t in loc.parameters(d.parameters)]),
    )
    return loc.document(fmt, lines, sections)


def explain(result: object, *, locale: str = "zh_CN", format: Format = "text") -> str:
    """
    Render a result in ``locale`` (``zh_CN`` or ``en``) as ``text`` or ``markdown``.

    Raises:
        InvalidInputError: unsupported locale or format.
        MissingMessageError: a message code has no text in the locale (a bug).
        TypeError: the object is not a result.
    """
    loc = Localizer.for_locale(locale)
    if format not in ("text", "markdown"):
        raise InvalidInputError.single("format", format, "must be 'text' or 'markdown'")
    if isinstance(result, Explainable):
        return result.__explain__(loc, format)
    if isinstance(result, Assessment):
        return _explain_assessment(loc, format, result)
    if isinstance(result, Determination):
        return _explain_determination(loc, format, result)
    if isinstance(result, Finding):
        return "\n".join(loc.finding_lines([result]))
    if isinstance(result, Criterion):
        head = f"{loc.message(result.code, result.facts)}: {loc.value(result.outcome)} — {loc.citations(result.citations)}"
        return "\n".join(
            [head, *loc.finding_lines(result.findings), *loc.open_rules(format, result.open)]
        )
    if isinstance(result, TraceStep):
        return "\n".join(loc.trace_lines([result]))
    msg = f"cannot explain a {type(result).__name__}"
    raise TypeError(msg)
