"""
The rulebook: the law catalog, the region registry and the dated parameters.

Every legal number the library uses -- two years, 30 %, three months, 48 hours,
each city's minimum wage -- lives in a TOML data file under
``tradesecret/data/``, with its effective date, citations, verification status
and last-reviewed date. Code never holds a legal literal; it asks the rulebook::

    >>> from tradesecret.rulebook import default_rulebook
    >>> from tradesecret.dates import to_date
    >>> rb = default_rulebook()
    >>> p = rb.param("noncompete.max_post_term_months", as_of=to_date("2025-06-01"))
    >>> (p.as_int(), str(p.citations[0]), p.tier.value)
    (24, 'lcl@2012-12-28:24.2', 'law')

A :class:`Rulebook` is immutable. An embedding system supplies or overrides
values (its own minimum-wage table, a new instrument) with :meth:`Rulebook.extended`
or :meth:`Rulebook.merge` -- no package file is edited, and no global
state changes::

    >>> rb2 = rb.extended('''
    ... [[parameter]]
    ... name = "minimum_wage.monthly"
    ... unit = "cny"
    ... label_zh = "月最低工资标准"
    ... label_en = "Monthly minimum wage"
    ... last_reviewed = 2026-11-01
    ... [[parameter.value]]
    ... region = "CN-SH"
    ... since = 2026-07-01
    ... value = "2800"
    ... cite = ["sh-min-wage@2025-07-01"]
    ... status = "UNVERIFIED"
    ... note = "tenant's own figure"
    ... ''', source="tenant.toml")
    >>> str(rb2.param("minimum_wage.monthly", as_of=to_date("2026-08-01"), region="CN-SH").as_money())
    'CNY 2800'

File format
-----------
One schema for package data and user files; three arrays of tables, each
optional: ``[[instrument]]`` (with ``[[instrument.article]]``), ``[[region]]`` and
``[[parameter]]`` (with ``[[parameter.value]]``). Unknown keys, unsorted or
duplicate dates, values without a citation and citations that do not resolve
are all load errors, reported together.

Lookup
------
``param(name, as_of=..., region=...)`` returns the value whose ``since`` is the
latest on or before ``as_of``, searching the region, then its parents, then the
national value (``region`` absent in the file). Before the first value it
raises :class:`~tradesecret.exceptions.OutOfCoverageError`; a region with no
value anywhere up its chain raises
:class:`~tradesecret.exceptions.ParameterNotFoundError`. Never a default.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Final

import attrs
import pendulum

from tradesecret.dates import to_date
from tradesecret.exceptions import (
    CitationError,
    DataFileError,
    InvalidInputError,
    OutOfCoverageError,
    ParameterNotFoundError,
    Problem,
    UnknownRegionError,
)
from tradesecret.law import Article, Citation, CitationRef, Instrument, Tier, Verification
from tradesecret.money import Money, Ratio

__all__ = [
    "ParameterSeries",
    "ParameterValue",
    "Region",
    "Rulebook",
    "Unit",
    "default_rulebook",
]

#: Units a parameter may have, and the Python type of its value.
Unit = str
_UNITS: Final = {
    "months": int,
    "days": int,
    "hours": int,
    "count": int,
    "ratio": Decimal,
    "multiple": Decimal,
    "decibel": Decimal,
    "cny": Money,
}


@attrs.frozen(kw_only=True)
class Region:
    """
    A region code: ISO 3166-2 for provinces (``CN-SH``), ``CN-GD-SZ`` style for cities.

    Attributes:
        code: The code.
        name_zh: Chinese name.
        name_en: English name.
        parent: Parent region code; ``None`` for the country.
        note: Open points (e.g. an unverified minimum-wage tier mapping).
    """

    code: str
    name_zh: str
    name_en: str
    parent: str | None
    note: str = ""


@attrs.frozen(kw_only=True)
class ParameterValue:
    """
    One dated value of a parameter, as used by a rule.

    Results carry the :class:`ParameterValue` objects they used, so every figure
    in an answer can be traced to its date, region, source and status.

    Attributes:
        name: Parameter name, e.g. ``"noncompete.default_ratio"``.
        unit: One of ``months, days, hours, count, ratio, multiple, decibel, cny``.
        value: ``int``, ``Decimal`` or :class:`~tradesecret.money.Money` by unit.
        since: First day the value applies.
        until: First day it no longer applies (the next value's ``since``), if any.
        region: Region the value is defined for; ``None`` for national values.
        citations: Sources, strongest first. Never empty.
        status: Verification status of this value (the figure and its date).
        note: Open points, e.g. "effective date from memory".
        label_zh: Parameter label in Chinese.
        label_en: Parameter label in English.
        last_reviewed: When the series was last checked against its sources.
    """

    name: str
    unit: Unit
    value: int | Decimal | Money
    since: pendulum.Date
    until: pendulum.Date | None
    region: str | None
    citations: tuple[Citation, ...]
    status: Verification
    note: str
    label_zh: str
    label_en: str
    last_reviewed: pendulum.Date

    @property
    def tier(self) -> Tier:
        """Tier of the strongest source (the first citation)."""
        return self.citations[0].tier

    @property
    def binding(self) -> bool:
        """True when the value rests on a binding source."""
        return self.tier.binding

    def as_int(self) -> int:
        """The value of a ``months/days/hours/count`` parameter."""
        if isinstance(self.value, int):
            return self.value
        msg = f"parameter {self.name!r} has unit {self.unit!r}, not an integer unit"
        raise TypeError(msg)

    def as_decimal(self) -> Decimal:
        """The value of a ``ratio/multiple/decibel`` parameter."""
        if isinstance(self.value, Decimal):
            return self.value
        msg = f"parameter {self.name!r} has unit {self.unit!r}, not a decimal unit"
        raise TypeError(msg)

    def as_ratio(self) -> Ratio:
        """The value of a ``ratio`` parameter as a :class:`~tradesecret.money.Ratio`."""
        return Ratio(self.as_decimal())

    def as_money(self) -> Money:
        """The value of a ``cny`` parameter."""
        if isinstance(self.value, Money):
            return self.value
        msg = f"parameter {self.name!r} has unit {self.unit!r}, not money"
        raise TypeError(msg)


@attrs.frozen(kw_only=True)
class ParameterSeries:
    """All dated values of one parameter for one region (``None`` = national), sorted."""

    name: str
    region: str | None
    values: tuple[ParameterValue, ...]
    _sinces: tuple[pendulum.Date, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_sinces", tuple(v.since for v in self.values))

    def at(self, *, as_of: pendulum.Date) -> ParameterValue | None:
        """The value in force on ``as_of``, or ``None`` before the first one."""
        index = bisect.bisect_right(self._sinces, as_of) - 1
        return self.values[index] if index >= 0 else None


@attrs.frozen(kw_only=True)
class Rulebook:
    """
    Instruments, regions and parameters, frozen. See the module docstring.

    Build the package's own with :func:`default_rulebook`; extend it with
    :meth:`from_toml` and :meth:`merge`.
    """

    instruments: Mapping[str, Instrument]
    regions: Mapping[str, Region]
    series: Mapping[tuple[str, str | None], ParameterSeries]
    _names: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    _chains: Mapping[str, tuple[str | None, ...]] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # Indexes derived once from the frozen data: lookups never scan every series.
        object.__setattr__(self, "_names", frozenset(name for name, _ in self.series))
        chains: dict[str, tuple[str | None, ...]] = {}
        for code in self.regions:
            chain: list[str | None] = []
            current: str | None = code
            while current is not None and current in self.regions and current not in chain:
                chain.append(current)
                current = self.regions[current].parent
            chains[code] = (*chain, None)
        object.__setattr__(self, "_chains", MappingProxyType(chains))

    # -- construction ---------------------------------------------------------

    @classmethod
    def from_toml(
        cls, text: str, *, source: str = "<string>", base: Rulebook | None = None
    ) -> Rulebook:
        """
        Parse one TOML document. Citations may point at instruments in ``base``.

        Raises:
            DataFileError: listing every problem found.
        """
        try:
            data = tomllib.loads(text, parse_float=Decimal)
        except tomllib.TOMLDecodeError as exc:
            raise DataFileError(source, [Problem.of("<toml>", "", str(exc))]) from None
        return _build([(source, data)], base=base)

    @classmethod
    def from_package(cls) -> Rulebook:
        """Load every ``*.toml`` file shipped in ``tradesecret/data``."""
        docs: list[tuple[str, dict[str, Any]]] = []
        folder = resources.files("tradesecret") / "data"
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".toml"):
                try:
                    docs.append(
                        (entry.name, tomllib.loads(entry.read_text("utf-8"), parse_float=Decimal))
                    )
                except tomllib.TOMLDecodeError as exc:
                    raise DataFileError(entry.name, [Problem.of("<toml>", "", str(exc))]) from None
        return _build(docs, base=None)

    def extended(self, text: str, *, source: str = "<string>") -> Rulebook:
        """
        This rulebook plus the entries of one TOML document (which may cite this
        rulebook's instruments). Same-key entries of the document win whole.
        """
        return Rulebook.from_toml(text, source=source, base=self)

    def merge(self, other: Rulebook) -> Rulebook:
        """
        A new rulebook with ``other``'s entries added; for the same instrument
        version, region code, or (parameter, region) series, ``other`` wins whole.
        """
        return Rulebook(
            instruments=MappingProxyType({**self.instruments, **other.instruments}),
            regions=MappingProxyType({**self.regions, **other.regions}),
            series=MappingProxyType({**self.series, **other.series}),
        )

    # -- law ------------------------------------------------------------------

    def instrument(self, key: str) -> Instrument:
        """The instrument version ``id@version``."""
        try:
            return self.instruments[key]
        except KeyError:
            raise CitationError(key, "unknown instrument version") from None

    def cite(self, text: str) -> Citation:
        """
        Resolve a citation id against the catalog.

        Raises:
            CitationError: malformed id, unknown instrument version, or an article
                the catalog does not list for that instrument.
        """
        ref = CitationRef.parse(text)
        instrument = self.instrument(ref.key)
        status = instrument.status
        if ref.article is not None:
            article = instrument.article(ref.article)
            if article is None:
                raise CitationError(
                    text, f"article {ref.article} is not in the catalog for {ref.key}"
                )
            status = _weaker(status, article.status)
        return Citation(
            ref=ref,
            tier=instrument.tier,
            short_zh=instrument.short_zh,
            short_en=instrument.short_en,
            status=status,
        )

    def cite_all(self, *texts: str) -> tuple[Citation, ...]:
        """Resolve several citation ids."""
        return tuple(self.cite(t) for t in texts)

    # -- regions --------------------------------------------------------------

    def region(self, code: str) -> Region:
        """The region with that code."""
        try:
            return self.regions[code]
        except KeyError:
            raise UnknownRegionError(code) from None

    def region_chain(self, code: str) -> tuple[str, ...]:
        """``code`` and its ancestors, most specific first (``CN-GD-SZ, CN-GD, CN``)."""
        chain: list[str] = []
        current: str | None = code
        while current is not None:
            chain.append(current)
            current = self.region(current).parent
        return tuple(chain)

    def check_region(self, code: object, *, path: str = "region") -> str:
        """Validate a region code given as input; raises :class:`InvalidInputError`."""
        if not isinstance(code, str) or code not in self.regions:
            raise InvalidInputError.single(path, code, "unknown region code")
        return code

    # -- parameters -------------------------------------------------------------

    def param(
        self, name: str, *, as_of: pendulum.Date, region: str | None = None
    ) -> ParameterValue:
        """
        The value of ``name`` in force on ``as_of`` for ``region``.

        Raises:
            ParameterNotFoundError: unknown name, or no value for the region or any parent.
            OutOfCoverageError: ``as_of`` is before the first value.
            UnknownRegionError: ``region`` is not a known code.
        """
        as_of = to_date(as_of, path="as_of")  # a date, a datetime.date or ISO text
        if name not in self._names:
            raise ParameterNotFoundError(name)
        if region is None:
            candidates: tuple[str | None, ...] = (None,)
        else:
            try:
                candidates = self._chains[region]
            except (KeyError, TypeError):  # TypeError: not a code at all (a list, a dict)
                raise UnknownRegionError(region) from None
        for code in candidates:
            series = self.series.get((name, code))
            if series is None:
                continue
            value = series.at(as_of=as_of)
            if value is None:
                raise OutOfCoverageError(name, as_of, series.values[0].since, code)
            return value
        raise ParameterNotFoundError(name, region, "no value for this region or its parents")

    def parameter_names(self) -> tuple[str, ...]:
        """Every parameter name, sorted."""
        return tuple(sorted({name for name, _ in self.series}))

    def in_force(
        self, *, as_of: pendulum.Date, region: str | None = None
    ) -> tuple[ParameterValue, ...]:
        """Every parameter value in force on ``as_of`` (national, plus ``region``'s chain)."""
        out: list[ParameterValue] = []
        for name in self.parameter_names():
            try:
                out.append(self.param(name, as_of=as_of, region=region))
            except (ParameterNotFoundError, OutOfCoverageError):
                continue
        return tuple(out)

    def all_series(self) -> Iterator[ParameterSeries]:
        """Every series, sorted by name then region."""
        for key in sorted(self.series, key=lambda k: (k[0], k[1] or "")):
            yield self.series[key]


# -- loading ------------------------------------------------------------------------------

_INSTRUMENT_KEYS: Final = {
    "id",
    "version",
    "tier",
    "title_zh",
    "title_en",
    "short_zh",
    "short_en",
    "issuer_zh",
    "issuer_en",
    "doc_number",
    "promulgated",
    "effective",
    "superseded",
    "status",
    "note",
    "article",
}
_INSTRUMENT_REQUIRED: Final = {
    "id",
    "version",
    "tier",
    "title_zh",
    "title_en",
    "short_zh",
    "short_en",
    "issuer_zh",
    "issuer_en",
    "effective",
    "status",
}
_ARTICLE_KEYS: Final = {"number", "summary_en", "summary_zh", "status"}
_REGION_KEYS: Final = {"code", "name_zh", "name_en", "parent", "note"}
_PARAM_KEYS: Final = {"name", "unit", "label_zh", "label_en", "last_reviewed", "value"}
_VALUE_KEYS: Final = {"since", "value", "cite", "status", "note", "region"}
_STATUS_ORDER: Final = (
    Verification.V1,
    Verification.V2,
    Verification.DERIVED,
    Verification.V3,
    Verification.UNVERIFIED,
)


def _weaker(a: Verification, b: Verification) -> Verification:
    return a if _STATUS_ORDER.index(a) >= _STATUS_ORDER.index(b) else b


class _Collector:
    def __init__(self) -> None:
        self.problems: list[tuple[str, Problem]] = []

    def add(self, source: str, path: str, value: object, reason: str) -> None:
        self.problems.append((source, Problem.of(path, value, reason)))

    def keys(
        self,
        source: str,
        path: str,
        table: Mapping[str, Any],
        allowed: set[str],
        required: set[str],
    ) -> bool:
        ok = True  # unknown keys are reported but do not stop the other checks
        for key in sorted(set(table) - allowed):
            self.add(source, f"{path}.{key}", table[key], "unknown key")
        for key in sorted(required - set(table)):
            self.add(source, f"{path}.{key}", None, "missing required key")
            ok = False
        return ok


def _date(col: _Collector, source: str, path: str, value: object) -> pendulum.Date | None:
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return pendulum.Date(value.year, value.month, value.day)
    col.add(source, path, value, "must be a TOML date (YYYY-MM-DD, unquoted)")
    return None


def _enum(col: _Collector, source: str, path: str, value: object, kind: type[Any]) -> Any:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(m.value for m in kind)
        col.add(source, path, value, f"must be one of: {allowed}")
        return None


def _build(docs: Iterable[tuple[str, dict[str, Any]]], *, base: Rulebook | None) -> Rulebook:
    col = _Collector()
    docs = list(docs)
    instruments: dict[str, Instrument] = dict(base.instruments) if base else {}
    regions: dict[str, Region] = dict(base.regions) if base else {}
    for source, data in docs:
        for key in sorted(set(data) - {"instrument", "region", "parameter"}):
            col.add(source, key, data[key], "unknown top-level table")
        for i, table in enumerate(data.get("instrument", [])):
            inst = _instrument(col, source, f"instrument[{i}]", table)
            if inst is not None:
                if inst.key in instruments and (base is None or inst.key not in base.instruments):
                    col.add(source, f"instrument[{i}]", inst.key, "duplicate instrument version")
                instruments[inst.key] = inst
        for i, table in enumerate(data.get("region", [])):
            path = f"region[{i}]"
            if not col.keys(source, path, table, _REGION_KEYS, {"code", "name_zh", "name_en"}):
                continue
            region = Region(
                code=table["code"],
                name_zh=table["name_zh"],
                name_en=table["name_en"],
                parent=table.get("parent"),
                note=table.get("note", ""),
            )
            if region.code in regions and (base is None or region.code not in base.regions):
                col.add(source, path, region.code, "duplicate region code")
            regions[region.code] = region
    for code, region in regions.items():
        if region.parent is not None and region.parent not in regions:
            col.add("regions", f"region[{code}].parent", region.parent, "unknown parent region")
    proto = Rulebook(
        instruments=MappingProxyType(instruments),
        regions=MappingProxyType(regions),
        series=MappingProxyType({}),
    )
    series: dict[tuple[str, str | None], ParameterSeries] = {}
    for source, data in docs:
        for i, table in enumerate(data.get("parameter", [])):
            for built in _parameter(col, source, f"parameter[{i}]", table, proto):
                series_key = (built.name, built.region)
                if series_key in series:
                    col.add(source, f"parameter[{i}]", built.name, "parameter series defined twice")
                series[series_key] = built
    if col.problems:
        by_source = ", ".join(sorted({s for s, _ in col.problems}))
        raise DataFileError(by_source, [p for _, p in col.problems])
    if base is not None:
        series = {**base.series, **series}
    return Rulebook(
        instruments=MappingProxyType(instruments),
        regions=MappingProxyType(regions),
        series=MappingProxyType(series),
    )


def _instrument(
    col: _Collector, source: str, path: str, table: Mapping[str, Any]
) -> Instrument | None:
    if not col.keys(source, path, table, _INSTRUMENT_KEYS, _INSTRUMENT_REQUIRED):
        return None
    tier = _enum(col, source, f"{path}.tier", table["tier"], Tier)
    status = _enum(col, source, f"{path}.status", table["status"], Verification)
    effective = _date(col, source, f"{path}.effective", table["effective"])
    promulgated = (
        _date(col, source, f"{path}.promulgated", table["promulgated"])
        if "promulgated" in table
        else None
    )
    superseded = (
        _date(col, source, f"{path}.superseded", table["superseded"])
        if "superseded" in table
        else None
    )
    articles: list[Article] = []
    numbers: set[str] = set()
    for j, art in enumerate(table.get("article", [])):
        apath = f"{path}.article[{j}]"
        if not col.keys(source, apath, art, _ARTICLE_KEYS, _ARTICLE_KEYS):
            continue
        astatus = _enum(col, source, f"{apath}.status", art["status"], Verification)
        number = str(art["number"])
        if number in numbers:
            col.add(source, apath, number, "duplicate article number")
        numbers.add(number)
        if astatus is not None:
            articles.append(
                Article(
                    number=number,
                    summary_en=art["summary_en"],
                    summary_zh=art["summary_zh"],
                    status=astatus,
                )
            )
    version = str(table["version"])
    try:
        CitationRef.parse(f"{table['id']}@{version}")
    except CitationError:
        col.add(
            source,
            f"{path}.id",
            f"{table['id']}@{version}",
            "id must be lowercase, version YYYY-MM-DD",
        )
        return None
    if tier is None or status is None or effective is None:
        return None
    return Instrument(
        id=table["id"],
        version=version,
        tier=tier,
        title_zh=table["title_zh"],
        title_en=table["title_en"],
        short_zh=table["short_zh"],
        short_en=table["short_en"],
        issuer_zh=table["issuer_zh"],
        issuer_en=table["issuer_en"],
        doc_number=table.get("doc_number"),
        promulgated=promulgated,
        effective=effective,
        superseded=superseded,
        status=status,
        note=table.get("note", ""),
        articles=tuple(articles),
    )


def _coerce_value(
    col: _Collector, source: str, path: str, unit: str, raw: object
) -> int | Decimal | Money | None:
    kind = _UNITS.get(unit)
    if kind is int:
        if isinstance(raw, int) and not isinstance(raw, bool) and raw >= 0:
            return raw
        col.add(source, path, raw, f"unit {unit!r} needs a non-negative integer")
        return None
    if kind is Decimal:
        if isinstance(raw, Decimal | int) and not isinstance(raw, bool) and raw >= 0:
            return Decimal(raw)
        col.add(source, path, raw, f"unit {unit!r} needs a non-negative decimal")
        return None
    if kind is Money:
        if isinstance(raw, str | int) and not isinstance(raw, bool):
            try:
                money = Money(raw)
            except InvalidInputError:
                pass
            else:
                if money.amount >= 0:
                    return money
        col.add(
            source, path, raw, "unit 'cny' needs a non-negative amount as a string, e.g. \"2740\""
        )
        return None
    return None


def _parameter(
    col: _Collector, source: str, path: str, table: Mapping[str, Any], book: Rulebook
) -> list[ParameterSeries]:
    required = {"name", "unit", "label_zh", "label_en", "last_reviewed", "value"}
    if not col.keys(source, path, table, _PARAM_KEYS, required):
        return []
    name, unit = table["name"], table["unit"]
    if unit not in _UNITS:
        col.add(source, f"{path}.unit", unit, f"must be one of: {', '.join(sorted(_UNITS))}")
        return []
    reviewed = _date(col, source, f"{path}.last_reviewed", table["last_reviewed"])
    grouped: dict[str | None, list[dict[str, Any]]] = {}
    for j, raw in enumerate(table["value"]):
        vpath = f"{path}.value[{j}]"
        if not col.keys(source, vpath, raw, _VALUE_KEYS, {"since", "value", "cite", "status"}):
            continue
        region = raw.get("region")
        if region is not None and region not in book.regions:
            col.add(source, f"{vpath}.region", region, "unknown region code")
            continue
        since = _date(col, source, f"{vpath}.since", raw["since"])
        value = _coerce_value(col, source, f"{vpath}.value", unit, raw["value"])
        status = _enum(col, source, f"{vpath}.status", raw["status"], Verification)
        cites = raw["cite"]
        citations: list[Citation] = []
        if not isinstance(cites, list) or not cites:
            col.add(source, f"{vpath}.cite", cites, "every value needs at least one citation")
        else:
            for k, text in enumerate(cites):
                try:
                    citations.append(book.cite(text))
                except CitationError as exc:
                    col.add(source, f"{vpath}.cite[{k}]", text, exc.reason)
        if (
            since is None
            or value is None
            or status is None
            or len(citations) != len(cites)
            or not cites
        ):
            continue
        grouped.setdefault(region, []).append(
            {
                "since": since,
                "value": value,
                "status": status,
                "citations": tuple(citations),
                "note": raw.get("note", ""),
                "path": vpath,
            }
        )
    if reviewed is None:
        return []
    out: list[ParameterSeries] = []
    for region, entries in grouped.items():
        dates = [e["since"] for e in entries]
        if dates != sorted(dates):
            col.add(source, path, name, f"values for region {region!r} are not sorted by 'since'")
            continue
        if len(set(dates)) != len(dates):
            col.add(source, path, name, f"duplicate 'since' date for region {region!r}")
            continue
        values = tuple(
            ParameterValue(
                name=name,
                unit=unit,
                value=e["value"],
                since=e["since"],
                until=entries[n + 1]["since"] if n + 1 < len(entries) else None,
                region=region,
                citations=e["citations"],
                status=e["status"],
                note=e["note"],
                label_zh=table["label_zh"],
                label_en=table["label_en"],
                last_reviewed=reviewed,
            )
            for n, e in enumerate(entries)
        )
        out.append(ParameterSeries(name=name, region=region, values=values))
    return out


@lru_cache(maxsize=1)
def default_rulebook() -> Rulebook:
    """
    The rulebook shipped with the package (loaded once; immutable, so safe to share
    between tenants and threads).
    """
    return Rulebook.from_package()
