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
national value (``region`` absent in the file). Before the first entry it
raises :class:`~tradesecret.exceptions.OutOfCoverageError`; a region with no
value anywhere up its chain raises
:class:`~tradesecret.exceptions.ParameterNotFoundError`. Never a default.

Law over time: "no such rule" versus "not covered"
---------------------------------------------------
A series starts at the first day its regime is modelled (the LCL rows start on
2008-01-01). Where the law of a period had **no such rule** -- no 30 % default
compensation before SPC Labour Interpretation (IV) took effect on 2013-02-01 --
the data says so with an entry ``absent = true`` (no ``value``), citing what the
law then was and with its own status::

    [[parameter.value]]
    since = 2008-01-01
    absent = true
    cite = ["lcl@2007-06-29:23"]
    status = "V2"
    note = "LCL Art. 23 requires agreed monthly compensation; no default rate."

Two answers must not be confused:

* **No rule in force** is a legal answer. :meth:`Rulebook.lookup` returns a
  :class:`NoRule` (with citations); :meth:`Rulebook.param` raises
  :class:`~tradesecret.exceptions.NoRuleInForceError` carrying it. Domains turn
  it into a result ("before 2013-02-01 no rule set a default"), never an input
  error, and never apply the later rule backwards.
* **Not covered** is a gap in the data: a date before the first entry raises
  :class:`~tradesecret.exceptions.OutOfCoverageError` (the base class of
  ``NoRuleInForceError``, so code written before absences existed keeps refusing
  such dates), an unknown region :class:`~tradesecret.exceptions.UnknownRegionError`.

    >>> nr = rb.lookup("noncompete.default_ratio", as_of=to_date("2012-06-30"))
    >>> (type(nr).__name__, str(nr.citations[0]), str(nr.until))
    ('NoRule', 'lcl@2007-06-29:23', '2013-02-01')
    >>> str(rb.param("noncompete.default_ratio", as_of=to_date("2013-02-01")).as_ratio())
    '30 %'

Regions
-------
Provinces use ISO 3166-2 codes (``CN-GD``), cities ``CN-GD-SZ`` style, a
province's minimum-wage tiers ``CN-GD-T2``. Every lookup also takes a GB/T 2260
six-digit code: ``440300`` is Shenzhen, a district code (``440305``) resolves to
its mapped city by its first four digits, and a code that resolves nowhere is an
:class:`~tradesecret.exceptions.UnknownRegionError` naming what would resolve it
(see :meth:`Rulebook.resolve_region` and :meth:`Rulebook.list_regions`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from decimal import Decimal
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Final

import attrs
import pendulum

from tradesecret._data_snapshot import package_documents, toml_problem
from tradesecret._rulebook_load import UNITS, Loaded, build
from tradesecret._rulebook_types import (
    NoRule,
    ParameterSeries,
    ParameterValue,
    Region,
    RegionTier,
    Unit,
)
from tradesecret.dates import to_date
from tradesecret.exceptions import (
    CitationError,
    DataFileError,
    InvalidInputError,
    NoRuleInForceError,
    OutOfCoverageError,
    ParameterNotFoundError,
    UnknownRegionError,
)
from tradesecret.law import Citation, CitationRef, Instrument, weakest

__all__ = [
    "NoRule",
    "ParameterSeries",
    "ParameterValue",
    "Region",
    "RegionTier",
    "Rulebook",
    "Unit",
    "default_rulebook",
]

#: Units a parameter may have, and the Python type of its value.
_UNITS: Final = UNITS
_TIER_SUFFIX: Final = "-T"


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
    _gbt: Mapping[str, str] = attrs.field(init=False, eq=False, repr=False)
    _tiers_of: Mapping[str, tuple[str, ...]] = attrs.field(init=False, eq=False, repr=False)

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
        gbt = {r.gbt2260: code for code, r in self.regions.items() if r.gbt2260 is not None}
        object.__setattr__(self, "_gbt", MappingProxyType(gbt))
        tiers: dict[str, list[str]] = {}
        for code, region in sorted(self.regions.items()):
            if region.parent is not None and code == f"{region.parent}{_TIER_SUFFIX}{code[-1]}":
                tiers.setdefault(region.parent, []).append(code)
        object.__setattr__(
            self, "_tiers_of", MappingProxyType({k: tuple(v) for k, v in tiers.items()})
        )

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
            raise DataFileError(source, [toml_problem(exc)]) from None
        return _from_docs([(source, data)], base=base)

    @classmethod
    def from_package(cls) -> Rulebook:
        """
        Load every ``*.toml`` file shipped in ``tradesecret/data`` (read from their parsed
        snapshot when it is current: see :mod:`tradesecret._data_snapshot`).
        """
        return _from_docs(package_documents(), base=None)

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
                    text,
                    "article {article} is not in the catalog for {version}",
                    article=ref.article,
                    version=ref.key,
                )
            status = weakest(status, article.status)
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
        """The region with that code (a library code or a GB/T 2260 code)."""
        return self.regions[self.resolve_region(code)]

    def resolve_region(self, code: str) -> str:
        """
        The library code for ``code``: a library code (``CN-GD-SZ``) is returned as is; a
        GB/T 2260 six-digit code resolves to the region holding it, else (a district or
        county) to the mapped city holding its first four digits, else to its province
        when that province has a single minimum-wage standard.

        Raises:
            UnknownRegionError: naming the code and what would resolve it.
        """
        if isinstance(code, str) and code in self.regions:  # not a str: a list, a dict, ...
            return code
        if not (isinstance(code, str) and len(code) == 6 and code.isdigit()):
            raise UnknownRegionError(
                str(code),
                "use a library code listed by Rulebook.list_regions() (e.g. CN-GD-SZ) "
                "or a GB/T 2260 six-digit code (e.g. 440300)",
            )
        for candidate in (code, code[:4] + "00"):
            if candidate in self._gbt:
                return self._gbt[candidate]
        province = self._gbt.get(code[:2] + "0000")
        if province is None:
            raise UnknownRegionError(
                code, "no mapped province has this GB/T 2260 prefix; add a [[region]] with it"
            )
        tiers = self._tiers_of.get(province)
        if not tiers:
            return province
        raise UnknownRegionError(
            code,
            "inside {province}, whose minimum wage differs by tier, and no mapped city holds "
            "it: use a tier code ({tiers}) or add a [[region]] with this gbt2260 code through "
            "Rulebook.extended",
            province=f"{self.regions[province].name_en} ({province})",
            tiers=list(tiers),
        )

    def region_chain(self, code: str) -> tuple[str, ...]:
        """``code`` and its ancestors, most specific first (``CN-GD-SZ, CN-GD, CN``)."""
        chain: list[str] = []
        current: str | None = self.resolve_region(code)
        while current is not None:
            chain.append(current)
            current = self.regions[current].parent
        return tuple(chain)

    def check_region(self, code: object, *, path: str = "region") -> str:
        """
        Validate a region code given as input (library or GB/T 2260 code) and return the
        library code; raises :class:`InvalidInputError` saying what would resolve it.
        """
        if not isinstance(code, str):
            raise InvalidInputError.single(path, code, "unknown region code")
        try:
            return self.resolve_region(code)
        except UnknownRegionError as exc:
            raise InvalidInputError(p.at(path) for p in exc.problems) from None

    def list_regions(self) -> tuple[Region, ...]:
        """
        Every region, sorted by code: code, names, GB/T 2260 code, parent and, for a
        city, its minimum-wage tier mapping with validity dates. What ``tradesecret
        regions`` prints.
        """
        return tuple(self.regions[code] for code in sorted(self.regions))

    def tier_regions(self, province: str) -> tuple[str, ...]:
        """The minimum-wage tier regions of a province (``CN-GD-T1`` …), or ``()``."""
        return self._tiers_of.get(self.resolve_region(province), ())

    # -- parameters -------------------------------------------------------------

    def lookup(
        self, name: str, *, as_of: pendulum.Date, region: str | None = None
    ) -> ParameterValue | NoRule:
        """
        The entry of ``name`` in force on ``as_of`` for ``region``: a value, or a
        :class:`NoRule` when the data says the law then had no such rule (a legal
        answer, to be turned into a result).

        Raises:
            ParameterNotFoundError: unknown name, or no value for the region or any parent.
            OutOfCoverageError: ``as_of`` is before the first entry (the data does not
                cover that date).
            UnknownRegionError: ``region`` is not a known library or GB/T 2260 code.
        """
        as_of = to_date(as_of, path="as_of")  # a date, a datetime.date or ISO text
        if name not in self._names:
            raise ParameterNotFoundError(name)
        if region is None:
            candidates: tuple[str | None, ...] = (None,)
        else:
            candidates = self._chains[self.resolve_region(region)]
        for code in candidates:
            series = self.series.get((name, code))
            if series is None:
                continue
            entry = series.entry_at(as_of=as_of)
            if entry is None:
                raise OutOfCoverageError(name, as_of, series.first_since, code)
            return entry
        hint = self.regions[candidates[0]].note if candidates[0] is not None else ""
        reason = "no value for this region or its parents" + (f" ({hint})" if hint else "")
        raise ParameterNotFoundError(name, region, reason)

    def param(
        self, name: str, *, as_of: pendulum.Date, region: str | None = None
    ) -> ParameterValue:
        """
        The value of ``name`` in force on ``as_of`` for ``region``.

        Raises:
            ParameterNotFoundError: unknown name, or no value for the region or any parent.
            NoRuleInForceError: the law had no such rule on ``as_of`` (its ``no_rule``
                cites what the law then was). A subclass of
                :class:`~tradesecret.exceptions.OutOfCoverageError`, so callers that only
                know that error keep refusing the date; use :meth:`lookup` to answer.
            OutOfCoverageError: ``as_of`` is before the first entry.
            UnknownRegionError: ``region`` is not a known code.
        """
        entry = self.lookup(name, as_of=as_of, region=region)
        if isinstance(entry, NoRule):
            raise NoRuleInForceError(name, as_of, entry, entry.region)
        return entry

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


def _from_docs(docs: list[tuple[str, dict[str, Any]]], *, base: Rulebook | None) -> Rulebook:
    def citer(instruments: Mapping[str, Instrument], regions: Mapping[str, Region]) -> Rulebook:
        return Rulebook(
            instruments=MappingProxyType(dict(instruments)),
            regions=MappingProxyType(dict(regions)),
            series=MappingProxyType({}),
        )

    loaded: Loaded | None = (
        (dict(base.instruments), dict(base.regions), dict(base.series)) if base else None
    )
    instruments, regions, series = build(docs, base=loaded, make_citer=citer)
    return Rulebook(
        instruments=MappingProxyType(instruments),
        regions=MappingProxyType(regions),
        series=MappingProxyType(series),
    )


@lru_cache(maxsize=1)
def default_rulebook() -> Rulebook:
    """
    The rulebook shipped with the package (loaded once; immutable, so safe to share
    between tenants and threads).
    """
    return Rulebook.from_package()
