"""
Loading rulebook data: TOML tables to instruments, regions and parameter series.

Used by :class:`tradesecret.rulebook.Rulebook`; every problem found is collected and
reported together in one :class:`~tradesecret.exceptions.DataFileError`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Final, Protocol

import attrs
import pendulum

from tradesecret._rulebook_types import NoRule, ParameterSeries, ParameterValue, Region, RegionTier
from tradesecret.exceptions import CitationError, DataFileError, InvalidInputError, Problem
from tradesecret.law import Article, Citation, CitationRef, Instrument, Tier, Verification
from tradesecret.money import Money

__all__ = ["UNITS", "Loaded", "build"]

#: Units a parameter may have, and the Python type of its value.
UNITS: Final = {
    "months": int,
    "days": int,
    "hours": int,
    "count": int,
    "ratio": Decimal,
    "multiple": Decimal,
    "decibel": Decimal,
    "cny": Money,
}


class _Citer(Protocol):
    def cite(self, text: str) -> Citation: ...


#: What :func:`build` returns: instruments, regions and series by key.
Loaded = tuple[
    dict[str, Instrument],
    dict[str, Region],
    dict[tuple[str, str | None], ParameterSeries],
]


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
_INSTRUMENT_KEYS: Final = _INSTRUMENT_REQUIRED | {
    "doc_number",
    "doc_number_status",
    "promulgated",
    "superseded",
    "note",
    "article",
}
_ARTICLE_KEYS: Final = {"number", "summary_en", "summary_zh", "status"}
_REGION_KEYS: Final = {"code", "name_zh", "name_en", "parent", "note", "gbt2260", "tier"}
_REGION_TIER_KEYS: Final = {"region", "valid_from", "status", "note"}
_PARAM_KEYS: Final = {"name", "unit", "label_zh", "label_en", "last_reviewed", "value"}
_VALUE_KEYS: Final = {"since", "value", "absent", "cite", "status", "note", "region"}


class _Collector:
    """The problems of one build, and what it has already converted (values repeat often)."""

    def __init__(self) -> None:
        self.problems: list[tuple[str, Problem]] = []
        self.amounts: dict[tuple[type, object], Money] = {}
        self.citations: dict[str, Citation] = {}

    def add(self, source: str, *problems: Problem) -> None:
        self.problems += [(source, p) for p in problems]

    def keys(
        self,
        source: str,
        path: str,
        table: Mapping[str, Any],
        allowed: set[str],
        required: set[str],
    ) -> bool:
        if isinstance(table, dict) and table.keys() <= allowed and required <= table.keys():
            return True  # the usual case, without building the sorted differences
        ok = True  # unknown keys are reported but do not stop the other checks
        for key in sorted(set(table) - allowed):
            self.add(source, Problem.of(f"{path}.{key}", table[key], "unknown key"))
        for key in sorted(required - set(table)):
            self.add(source, Problem.of(f"{path}.{key}", None, "missing required key"))
            ok = False
        return ok

    def cite(self, book: _Citer, text: str) -> Citation:
        """``book.cite(text)``, resolved once per text in a build (citations are immutable)."""
        if not isinstance(text, str):
            return book.cite(text)
        found = self.citations.get(text)
        if found is None:
            found = self.citations[text] = book.cite(text)
        return found

    def amount(self, raw: str | int) -> Money | None:
        """A non-negative :class:`Money` of ``raw``, converted once per value in a build."""
        key = (type(raw), raw)
        found = self.amounts.get(key)
        if found is None:
            try:
                money = Money(raw)
            except InvalidInputError:
                return None
            if money.amount < 0:
                return None
            found = self.amounts[key] = money
        return found


def _date(col: _Collector, source: str, path: str, value: object) -> pendulum.Date | None:
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return pendulum.Date(value.year, value.month, value.day)
    col.add(source, Problem.of(path, value, "must be a TOML date (YYYY-MM-DD, unquoted)"))
    return None


def _enum(col: _Collector, source: str, path: str, value: object, kind: type[Any]) -> Any:
    try:
        return kind(value)
    except ValueError:
        allowed = [m.value for m in kind]
        col.add(source, Problem.of(path, value, "must be one of: {allowed}", allowed=allowed))
        return None


def build(
    docs: Iterable[tuple[str, dict[str, Any]]],
    *,
    base: Loaded | None,
    make_citer: Callable[[Mapping[str, Instrument], Mapping[str, Region]], _Citer],
) -> Loaded:
    """
    Instruments, regions and series from parsed TOML documents, on top of ``base``.

    ``make_citer`` builds the object that resolves citations once instruments and
    regions are known (a rulebook without parameters).

    Raises:
        DataFileError: listing every problem found.
    """
    col = _Collector()
    docs = list(docs)
    instruments: dict[str, Instrument] = dict(base[0]) if base else {}
    regions: dict[str, Region] = dict(base[1]) if base else {}
    for source, data in docs:
        for key in sorted(set(data) - {"instrument", "region", "parameter"}):
            col.add(source, Problem.of(key, data[key], "unknown top-level table"))
        for i, table in enumerate(data.get("instrument", [])):
            inst = _instrument(col, source, f"instrument[{i}]", table)
            if inst is not None:
                if inst.key in instruments and (base is None or inst.key not in base[0]):
                    col.add(
                        source,
                        Problem.of(f"instrument[{i}]", inst.key, "duplicate instrument version"),
                    )
                instruments[inst.key] = inst
        for i, table in enumerate(data.get("region", [])):
            region = _region(col, source, f"region[{i}]", table)
            if region is None:
                continue
            if region.code in regions and (base is None or region.code not in base[1]):
                col.add(source, Problem.of(f"region[{i}]", region.code, "duplicate region code"))
            regions[region.code] = region
    _check_regions(col, regions, base[1] if base else {})
    citer = make_citer(instruments, regions)
    series: dict[tuple[str, str | None], ParameterSeries] = {}
    for source, data in docs:
        for i, table in enumerate(data.get("parameter", [])):
            for built in _parameter(col, source, f"parameter[{i}]", table, citer, regions):
                series_key = (built.name, built.region)
                if series_key in series:
                    col.add(
                        source,
                        Problem.of(f"parameter[{i}]", built.name, "parameter series defined twice"),
                    )
                series[series_key] = built
    if col.problems:
        by_source = ", ".join(sorted({s for s, _ in col.problems}))
        raise DataFileError(by_source, [p for _, p in col.problems])
    if base is not None:
        series = {**base[2], **series}
    return instruments, regions, series


def _region(col: _Collector, source: str, path: str, table: Mapping[str, Any]) -> Region | None:
    if not col.keys(source, path, table, _REGION_KEYS, {"code", "name_zh", "name_en"}):
        return None
    gbt = table.get("gbt2260")
    if gbt is not None and not (isinstance(gbt, str) and len(gbt) == 6 and gbt.isdigit()):
        col.add(
            source,
            Problem.of(f"{path}.gbt2260", gbt, "must be a six-digit GB/T 2260 code as a string"),
        )
        gbt = None
    tiers: list[RegionTier] = []
    for j, raw in enumerate(table.get("tier", [])):
        tpath = f"{path}.tier[{j}]"
        if not col.keys(source, tpath, raw, _REGION_TIER_KEYS, {"region", "status"}):
            continue
        status = _enum(col, source, f"{tpath}.status", raw["status"], Verification)
        valid_from = (
            _date(col, source, f"{tpath}.valid_from", raw["valid_from"])
            if "valid_from" in raw
            else None
        )
        if status is not None:
            tiers.append(
                RegionTier(
                    region=raw["region"],
                    valid_from=valid_from,
                    status=status,
                    note=raw.get("note", ""),
                )
            )
    return Region(
        code=table["code"],
        name_zh=table["name_zh"],
        name_en=table["name_en"],
        parent=table.get("parent"),
        note=table.get("note", ""),
        gbt2260=gbt,
        tiers=tuple(tiers),
    )


def _check_regions(col: _Collector, regions: dict[str, Region], base: Mapping[str, Region]) -> None:
    """Parents and tier regions resolve; a GB/T code names one region (a new one wins)."""
    owners: dict[str, str] = {}
    for code, region in sorted(regions.items()):
        if region.parent is not None and region.parent not in regions:
            col.add(
                "regions",
                Problem.of(f"region[{code}].parent", region.parent, "unknown parent region"),
            )
        for tier in region.tiers:
            if tier.region not in regions:
                col.add(
                    "regions",
                    Problem.of(f"region[{code}].tier", tier.region, "unknown tier region"),
                )
        if region.gbt2260 is None:
            continue
        other = owners.get(region.gbt2260)
        if other is None:
            owners[region.gbt2260] = code
        elif other in base and code not in base:
            regions[other] = attrs.evolve(regions[other], gbt2260=None)
            owners[region.gbt2260] = code
        elif code in base and other not in base:
            regions[code] = attrs.evolve(region, gbt2260=None)
        else:
            col.add(
                "regions",
                Problem.of(
                    f"region[{code}].gbt2260", region.gbt2260, "also used by {other}", other=other
                ),
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
    doc_status = (
        _enum(col, source, f"{path}.doc_number_status", table["doc_number_status"], Verification)
        if "doc_number_status" in table
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
            col.add(source, Problem.of(apath, number, "duplicate article number"))
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
            Problem.of(
                f"{path}.id", f"{table['id']}@{version}", "id must be lowercase, version YYYY-MM-DD"
            ),
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
        doc_number_status=doc_status,
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
    kind = UNITS.get(unit)
    if kind is int:
        if isinstance(raw, int) and not isinstance(raw, bool) and raw >= 0:
            return raw
        col.add(
            source, Problem.of(path, raw, "unit {unit} needs a non-negative integer", unit=unit)
        )
        return None
    if kind is Decimal:
        if isinstance(raw, Decimal | int) and not isinstance(raw, bool) and raw >= 0:
            return Decimal(raw)
        col.add(
            source, Problem.of(path, raw, "unit {unit} needs a non-negative decimal", unit=unit)
        )
        return None
    if kind is Money:
        if isinstance(raw, str | int) and not isinstance(raw, bool):
            money = col.amount(raw)
            if money is not None:
                return money
        col.add(
            source,
            Problem.of(
                path, raw, "unit 'cny' needs a non-negative amount as a string, e.g. \"2740\""
            ),
        )
        return None
    return None


def _parameter(  # noqa: PLR0917 -- one private step of the loader
    col: _Collector,
    source: str,
    path: str,
    table: Mapping[str, Any],
    book: _Citer,
    regions: Mapping[str, Region],
) -> list[ParameterSeries]:
    required = {"name", "unit", "label_zh", "label_en", "last_reviewed", "value"}
    if not col.keys(source, path, table, _PARAM_KEYS, required):
        return []
    name, unit = table["name"], table["unit"]
    if unit not in UNITS:
        col.add(
            source,
            Problem.of(f"{path}.unit", unit, "must be one of: {allowed}", allowed=sorted(UNITS)),
        )
        return []
    reviewed = _date(col, source, f"{path}.last_reviewed", table["last_reviewed"])
    grouped: dict[str | None, list[dict[str, Any]]] = {}
    for j, raw in enumerate(table["value"]):
        entry = _entry(col, source, f"{path}.value[{j}]", unit, raw, book, regions)
        if entry is not None:
            grouped.setdefault(entry["region"], []).append(entry)
    if reviewed is None:
        return []
    out: list[ParameterSeries] = []
    for region, entries in grouped.items():
        dates = [e["since"] for e in entries]
        if dates != sorted(dates):
            col.add(
                source,
                Problem.of(
                    path,
                    name,
                    "values for region {region} are not sorted by 'since'",
                    region=region or "-",
                ),
            )
            continue
        if len(set(dates)) != len(dates):
            col.add(
                source,
                Problem.of(
                    path, name, "duplicate 'since' date for region {region}", region=region or "-"
                ),
            )
            continue
        common = {
            "name": name,
            "unit": unit,
            "region": region,
            "label_zh": table["label_zh"],
            "label_en": table["label_en"],
            "last_reviewed": reviewed,
        }
        values: list[ParameterValue] = []
        absences: list[NoRule] = []
        for n, e in enumerate(entries):
            dated = {
                **common,
                "since": e["since"],
                "until": entries[n + 1]["since"] if n + 1 < len(entries) else None,
                "citations": e["citations"],
                "status": e["status"],
                "note": e["note"],
            }
            if e["value"] is None:
                absences.append(NoRule(**dated))
            else:
                values.append(ParameterValue(value=e["value"], **dated))
        out.append(
            ParameterSeries(
                name=name, region=region, values=tuple(values), absences=tuple(absences)
            )
        )
    return out


def _entry(  # noqa: PLR0917 -- one private step of the loader
    col: _Collector,
    source: str,
    vpath: str,
    unit: str,
    raw: Mapping[str, Any],
    book: _Citer,
    regions: Mapping[str, Region],
) -> dict[str, Any] | None:
    """One ``[[parameter.value]]`` table checked; ``value`` is ``None`` for ``absent = true``."""
    if not col.keys(source, vpath, raw, _VALUE_KEYS, {"since", "cite", "status"}):
        return None
    absent = raw.get("absent", False)
    if absent is not False and absent is not True:
        col.add(source, Problem.of(f"{vpath}.absent", absent, "must be true or false"))
        return None
    if absent and "value" in raw:
        col.add(source, Problem.of(f"{vpath}.value", raw["value"], "an absent entry has no value"))
        return None
    if not absent and "value" not in raw:
        col.add(
            source, Problem.of(f"{vpath}.value", None, "missing required key (or absent = true)")
        )
        return None
    region = raw.get("region")
    if region is not None and region not in regions:
        col.add(source, Problem.of(f"{vpath}.region", region, "unknown region code"))
        return None
    since = _date(col, source, f"{vpath}.since", raw["since"])
    value = None if absent else _coerce_value(col, source, f"{vpath}.value", unit, raw["value"])
    status = _enum(col, source, f"{vpath}.status", raw["status"], Verification)
    cites = raw["cite"]
    citations: list[Citation] = []
    if not isinstance(cites, list) or not cites:
        col.add(
            source, Problem.of(f"{vpath}.cite", cites, "every value needs at least one citation")
        )
        return None
    for k, text in enumerate(cites):
        try:
            citations.append(col.cite(book, text))
        except CitationError as exc:
            col.add(source, *(p.at(f"{vpath}.cite[{k}]") for p in exc.problems))
    if since is None or (value is None and not absent) or status is None:
        return None
    if len(citations) != len(cites):
        return None
    return {
        "since": since,
        "value": value,
        "status": status,
        "citations": tuple(citations),
        "note": raw.get("note", ""),
        "region": region,
    }
