#!/usr/bin/env python3
"""
Regenerate ``src/tradesecret/data/minimum_wage.toml`` from the minimum-wage dataset.

The dataset (``minimum_wages.csv``, ``city_tiers.csv``, ``README.md``) is shipped in
``src/tradesecret/data/minimum_wages/``; this script turns it into rulebook data:

* one instrument per provincial standard (``mw-gd@2025-03-01``; Shenzhen ``mw-gd-sz``),
  tier ``local_rule`` when its start date was found, ``official_compilation`` when the
  amount was only seen in a MOHRSS table;
* regions: the 31 provincial-level divisions (ISO 3166-2, with their GB/T 2260 code), their
  tiers (``CN-GD-T2``) where a province has several, and every mapped city (``CN-GD-SZ``,
  GB/T 2260 code, tier mapping with validity dates);
* ``minimum_wage.monthly`` values for provinces with one standard, for tier regions, and
  for each mapped city (its tier's values from the mapping's ``valid_from``).

Conventions of the dataset's README: a value's status is the weaker of its amount, its date
and (for a city) its tier mapping; conflicts are kept in the note and marked UNVERIFIED; an
undated row is placed on the earliest MOHRSS table date that shows it in force, and the months
between the last date the previous value is known in force and that date are flagged
(previous amount, status UNVERIFIED, a note) -- never guessed. Rows with no table date
cannot be placed and are listed in the generated file's header.

Usage::

    python scripts/gen_minimum_wages.py                   # regenerate from the shipped CSVs
    python scripts/gen_minimum_wages.py --source DIR      # copy DIR's CSVs in, then regenerate
    python scripts/gen_minimum_wages.py --check [--source DIR]   # exit 1 if anything differs
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import re
import shutil
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "tradesecret" / "data"
SHIPPED = DATA / "minimum_wages"
TARGET = DATA / "minimum_wage.toml"
FILES = ("minimum_wages.csv", "city_tiers.csv", "README.md")
REVIEWED = "2026-12-05"

ORDER = ("V1", "V2", "DERIVED", "V3", "UNVERIFIED")
#: ISO 3166-2 code -> (GB/T 2260 province code, English name).
PROVINCES = {
    "CN-BJ": ("110000", "Beijing"),
    "CN-TJ": ("120000", "Tianjin"),
    "CN-HE": ("130000", "Hebei"),
    "CN-SX": ("140000", "Shanxi"),
    "CN-NM": ("150000", "Inner Mongolia"),
    "CN-LN": ("210000", "Liaoning"),
    "CN-JL": ("220000", "Jilin"),
    "CN-HL": ("230000", "Heilongjiang"),
    "CN-SH": ("310000", "Shanghai"),
    "CN-JS": ("320000", "Jiangsu"),
    "CN-ZJ": ("330000", "Zhejiang"),
    "CN-AH": ("340000", "Anhui"),
    "CN-FJ": ("350000", "Fujian"),
    "CN-JX": ("360000", "Jiangxi"),
    "CN-SD": ("370000", "Shandong"),
    "CN-HA": ("410000", "Henan"),
    "CN-HB": ("420000", "Hubei"),
    "CN-HN": ("430000", "Hunan"),
    "CN-GD": ("440000", "Guangdong"),
    "CN-GX": ("450000", "Guangxi"),
    "CN-HI": ("460000", "Hainan"),
    "CN-CQ": ("500000", "Chongqing"),
    "CN-SC": ("510000", "Sichuan"),
    "CN-GZ": ("520000", "Guizhou"),
    "CN-YN": ("530000", "Yunnan"),
    "CN-XZ": ("540000", "Tibet"),
    "CN-SN": ("610000", "Shaanxi"),
    "CN-GS": ("620000", "Gansu"),
    "CN-QH": ("630000", "Qinghai"),
    "CN-NX": ("640000", "Ningxia"),
    "CN-XJ": ("650000", "Xinjiang"),
}
#: Library city codes kept from earlier releases.
CITY_CODES = {
    "440300": "CN-GD-SZ",
    "440100": "CN-GD-GZ",
    "320100": "CN-JS-NJ",
    "320500": "CN-JS-SU",
    "330100": "CN-ZJ-HZ",
    "510100": "CN-SC-CD",
}
SHENZHEN = "深圳市"
#: Tiers missing from a standard because the figure was not found (README "Coverage"),
#: not because the tier was abolished: the previous figure is carried, flagged.
NOT_FOUND = {("广东省", "2026-09-01", "4")}
BASELINE = dt.date(2018, 1, 1)  # README: every province's standard in force on 2018-01-01
SEEN = re.compile(r"Seen in MOHRSS tables as of:([^.]*)")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def weakest(*statuses: str) -> str:
    return max(statuses, key=ORDER.index)


def q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def seen_dates(note: str) -> list[dt.date]:
    match = SEEN.search(note)
    if match is None:
        return []
    return sorted({dt.date.fromisoformat(d) for d in DAY.findall(match.group(1))})


class Entry:
    """One dated entry of a (province, tier) series before it is written."""

    def __init__(self, **kw: Any) -> None:
        self.since: dt.date = kw["since"]
        self.amount: str | None = kw.get("amount")  # None = no such tier in this standard
        self.status: str = kw["status"]
        self.note: str = kw["note"]
        self.cite: str = kw["cite"]
        self.known: list[dt.date] = kw.get("known", [])
        self.undated: bool = kw.get("undated", False)


def read(folder: Path) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    with (folder / "minimum_wages.csv").open(encoding="utf-8", newline="") as fh:
        wages = list(csv.DictReader(fh))
    with (folder / "city_tiers.csv").open(encoding="utf-8", newline="") as fh:
        tiers = list(csv.DictReader(fh))
    return wages, tiers


def series_key(row: dict[str, str]) -> str:
    """The region holding a row's values: province, Shenzhen, or a tier region (set later)."""
    return "CN-GD-SZ" if row["province_zh"] == SHENZHEN else row["province_code"]


def instrument_id(row: dict[str, str]) -> str:
    base = "mw-" + row["province_code"].removeprefix("CN-").lower()
    return base + "-sz" if row["province_zh"] == SHENZHEN else base


def place(rows: list[dict[str, str]]) -> tuple[list[tuple[dict[str, str], dt.date]], list[dict[str, str]]]:
    """Each row with its ``since``; rows that cannot be placed."""
    placed: list[tuple[dict[str, str], dt.date]] = []
    unplaced: list[dict[str, str]] = []
    for row in rows:
        if row["effective_from"]:
            placed.append((row, dt.date.fromisoformat(row["effective_from"])))
            continue
        dates = seen_dates(row["note"])
        if dates:
            placed.append((row, dates[0]))
        else:
            unplaced.append(row)
    return placed, unplaced


def build_instruments(placed: list[tuple[dict[str, str], dt.date]]) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row, since in placed:
        groups[f"{instrument_id(row)}@{since.isoformat()}"].append(row)
    out: dict[str, dict[str, Any]] = {}
    for key, rows in sorted(groups.items()):
        ident, version = key.split("@")
        first = rows[0]
        dated = all(r["effective_from"] for r in rows)
        prov_en = PROVINCES[first["province_code"]][1]
        place_zh = first["province_zh"]
        place_en = "Shenzhen" if place_zh == SHENZHEN else prov_en
        sources: list[str] = []
        for r in rows:
            for s in r["source"].split(" ; "):
                if s.strip() and s.strip() not in sources:
                    sources.append(s.strip())
        if dated:
            title_zh = f"{place_zh}月最低工资标准（{version}起执行）"
            title_en = f"{place_en} monthly minimum wage standard (from {version})"
            tier = "local_rule"
            status = weakest(*(r["effective_from_status"] for r in rows))
            note = "Sources: " + " ; ".join(sources)
        else:
            title_zh = f"{place_zh}月最低工资标准（人社部汇总表{version}所载，起始日期未查明）"
            title_en = (
                f"{place_en} monthly minimum wage as shown in the MOHRSS table of {version} "
                "(start date not found)"
            )
            tier = "official_compilation"
            status = "UNVERIFIED"
            note = (
                f"Start date not found; in force at least on {version} per the MOHRSS table. "
                "Sources: " + " ; ".join(sources)
            )
        out[key] = {
            "id": ident,
            "version": version,
            "tier": tier,
            "title_zh": title_zh,
            "title_en": title_en,
            "short_zh": f"{place_zh}最低工资标准（{version}）",
            "short_en": f"{place_en} minimum wage ({version})",
            "issuer_zh": (
                f"{place_zh}人民政府或其人力资源社会保障部门"
                if dated
                else "人力资源社会保障部（全国各地区最低工资标准情况）"
            ),
            "issuer_en": (
                f"People's Government of {place_en} or its human resources and social security department"
                if dated
                else "MOHRSS (table of local minimum wages)"
            ),
            "effective": version,
            "status": status,
            "note": note,
        }
    return out


def province_tiers(placed: list[tuple[dict[str, str], dt.date]]) -> dict[str, set[str]]:
    tiers: dict[str, set[str]] = defaultdict(set)
    for row, _ in placed:
        if row["province_zh"] != SHENZHEN:
            tiers[row["province_code"]].add(row["tier"])
    return tiers


def region_of(row: dict[str, str], tiers: dict[str, set[str]]) -> str:
    key = series_key(row)
    if key == "CN-GD-SZ" or len(tiers[key]) == 1:
        return key
    return f"{key}-T{row['tier']}"


def tier_series(
    placed: list[tuple[dict[str, str], dt.date]], tiers: dict[str, set[str]]
) -> dict[str, list[Entry]]:
    """Entries by region (province, Shenzhen, tier region), flags and abolished tiers included."""
    by_region: dict[str, list[Entry]] = defaultdict(list)
    for row, since in sorted(placed, key=lambda p: (p[1], p[0]["effective_from"] == "")):
        region = region_of(row, tiers)
        status = weakest(row["amount_status"], row["effective_from_status"])
        note = row["note"] or ""
        detail = f"Amount {row['amount_status']}, date {row['effective_from_status']}."
        if not row["effective_from"]:
            detail = f"Start date not found: placed on the first MOHRSS table date showing it ({since}). " + detail
        entries = by_region[region]
        clash = next((e for e in entries if e.since == since), None)
        if clash is not None:  # conflict: keep the first (dated) row, record the other
            clash.note += f" CONFLICT: another source gives {row['amount_cny_month']} ({note.strip()})"
            clash.status = "UNVERIFIED"
            continue
        known = [since, *seen_dates(note)]
        entries.append(
            Entry(
                since=since,
                amount=row["amount_cny_month"],
                status=status,
                note=f"{note} {detail}".strip(),
                cite=f"{instrument_id(row)}@{since.isoformat()}",
                known=known,
                undated=not row["effective_from"],
            )
        )
    _abolished_tiers(by_region, tiers)
    for entries in by_region.values():
        entries.sort(key=lambda e: e.since)
        _baseline(entries)
        entries[:] = _flag_windows(entries)
    return by_region


def _abolished_tiers(by_region: dict[str, list[Entry]], tiers: dict[str, set[str]]) -> None:
    """A standard listing tiers 1..k of a province ends its tiers above k (unless not found)."""
    for province, numbers in tiers.items():
        if len(numbers) == 1:
            continue
        standards: dict[dt.date, dict[str, Entry]] = defaultdict(dict)
        for n in numbers:
            for e in by_region.get(f"{province}-T{n}", []):
                standards[e.since][n] = e
        for since, present in sorted(standards.items()):
            if len(present) < 2:
                continue
            top = max(int(n) for n in present)
            status = weakest(*(e.status for e in present.values()))
            cite = next(iter(present.values())).cite
            for n in sorted(numbers):
                if int(n) <= top or n in present:
                    continue
                series = by_region[f"{province}-T{n}"]
                earlier = [e for e in series if e.since < since]
                if not earlier or any(e.since == since for e in series):
                    continue
                if max(earlier, key=lambda e: e.since).amount is None:
                    continue  # already ended by an earlier standard
                key = (_ZH.get(province, ""), since.isoformat(), n)
                if key in NOT_FOUND:
                    last = max(earlier, key=lambda e: e.since)
                    series.append(
                        Entry(
                            since=since,
                            amount=last.amount,
                            status="UNVERIFIED",
                            note=(
                                f"The standard of {since} changed the other tiers; no figure for "
                                f"tier {n} was found. The previous figure {last.amount} is shown, "
                                "flagged: it may no longer apply."
                            ),
                            cite=last.cite,
                            known=[],
                        )
                    )
                    continue
                series.append(
                    Entry(
                        since=since,
                        amount=None,
                        status=status,
                        note=f"The standard of {since} has tiers 1-{top} only: no tier {n}.",
                        cite=cite,
                    )
                )


_ZH: dict[str, str] = {}  # ISO code -> Chinese province name, filled by build()


def _baseline(entries: list[Entry]) -> None:
    """The entry in force on 2018-01-01 is known in force on that day (README)."""
    before = [e for e in entries if e.since <= BASELINE and e.amount is not None]
    if before:
        before[-1].known.append(BASELINE)


def _flag_windows(entries: list[Entry]) -> list[Entry]:
    """Before an undated entry, flag the months after the previous value was last known."""
    out: list[Entry] = []
    for index, entry in enumerate(entries):
        out.append(entry)
        following = entries[index + 1] if index + 1 < len(entries) else None
        if following is None or not following.undated or entry.amount is None:
            continue
        known = [d for d in entry.known if d < following.since]
        start = max(known) + dt.timedelta(days=1) if known else None
        if start is None or start >= following.since or start <= entry.since:
            continue
        out.append(
            Entry(
                since=start,
                amount=entry.amount,
                status="UNVERIFIED",
                note=(
                    f"{entry.amount} is known in force until {max(known)}; the next figure "
                    f"({following.amount}) began on a date not found, on or before "
                    f"{following.since}. Flagged: either figure may apply in this window."
                ),
                cite=entry.cite,
            )
        )
    return out


def city_code(row: dict[str, str], used: set[str]) -> str:
    if row["gbt2260_code"] in CITY_CODES:
        return CITY_CODES[row["gbt2260_code"]]
    word = re.split(r"[ ,(]", row["city_en"].replace("'", ""))[0].upper()
    code = f"{row['province_code']}-{word}"
    if code in used:
        code = f"{code}-{row['gbt2260_code']}"
    return code


def build(folder: Path) -> str:
    wages, city_rows = read(folder)
    for row in wages:
        if row["province_zh"] != SHENZHEN:
            _ZH[row["province_code"]] = row["province_zh"]
    placed, unplaced = place(wages)
    instruments = build_instruments(placed)
    tiers = province_tiers(placed)
    series = tier_series(placed, tiers)
    regions, city_series = build_regions(city_rows, tiers, series)
    out = io.StringIO()
    w = out.write
    w("# GENERATED by scripts/gen_minimum_wages.py from data/minimum_wages/*.csv: do not edit.\n")
    w("# Monthly minimum wages (月最低工资标准) of the 31 provincial-level divisions, every tier,\n")
    w("# with history; Interp. (I) Art. 36 uses the minimum wage of the place where the labour\n")
    w("# contract is performed. Conventions: see the script's docstring and the dataset README.\n")
    w("# Rows that could not be placed (no effective date and no MOHRSS table date):\n")
    for row in unplaced:
        w(f"#   {row['province_zh']} tier {row['tier']}: {row['amount_cny_month']} -- {row['note']}\n")
    for inst in instruments.values():
        w("\n[[instrument]]\n")
        for key in ("id", "version", "tier", "title_zh", "title_en", "short_zh", "short_en", "issuer_zh", "issuer_en"):
            w(f"{key} = {q(inst[key])}\n")
        w(f"effective = {inst['effective']}\nstatus = {q(inst['status'])}\nnote = {q(inst['note'])}\n")
    for region in regions:
        w("\n[[region]]\n")
        for key in ("code", "name_zh", "name_en", "parent", "gbt2260", "note"):
            if region.get(key):
                w(f"{key} = {q(region[key])}\n")
        for tier in region.get("tier", []):
            w("\n  [[region.tier]]\n")
            w(f"  region = {q(tier['region'])}\n")
            if tier["valid_from"]:
                w(f"  valid_from = {tier['valid_from']}\n")
            w(f"  status = {q(tier['status'])}\n")
            if tier["note"]:
                w(f"  note = {q(tier['note'])}\n")
    w('\n[[parameter]]\nname = "minimum_wage.monthly"\nunit = "cny"\n')
    w('label_zh = "月最低工资标准"\nlabel_en = "Monthly minimum wage"\n')
    w(f"last_reviewed = {REVIEWED}\n")
    for region_code in sorted({**series, **city_series}):
        entries = series.get(region_code) or city_series[region_code]
        w(f"\n  # {region_code}\n")
        for e in entries:
            w("  [[parameter.value]]\n")
            w(f"  region = {q(region_code)}\n  since = {e.since.isoformat()}\n")
            w("  absent = true\n" if e.amount is None else f"  value = {q(e.amount)}\n")
            w(f"  cite = [{q(e.cite)}]\n  status = {q(e.status)}\n  note = {q(e.note)}\n\n")
    return out.getvalue()


def build_regions(
    city_rows: list[dict[str, str]], tiers: dict[str, set[str]], series: dict[str, list[Entry]]
) -> tuple[list[dict[str, Any]], dict[str, list[Entry]]]:
    regions: list[dict[str, Any]] = []
    areas: dict[str, list[dict[str, str]]] = defaultdict(list)
    by_code: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in city_rows:
        by_code[row["gbt2260_code"]].append(row)
    for code, rows in by_code.items():
        if len({(r["valid_from"], r["tier"]) for r in rows}) > 1 and len({r["valid_from"] for r in rows}) == 1:
            areas[rows[0]["province_code"]].extend(rows)  # one code, several tier areas (Chongqing)
    for province, (gbt, name_en) in sorted(PROVINCES.items()):
        numbers = sorted(tiers[province], key=int)
        multi = len(numbers) > 1
        note = (
            "Minimum wages differ by tier: use a city code or a tier code ("
            + ", ".join(f"{province}-T{n}" for n in numbers)
            + ")."
            if multi
            else "One minimum-wage standard for the whole province."
        )
        regions.append(
            {"code": province, "name_zh": _ZH[province], "name_en": name_en, "parent": "CN", "gbt2260": gbt, "note": note}
        )
        if multi:
            for n in numbers:
                area = next((r for r in areas.get(province, []) if r["tier"] == n), None)
                regions.append(
                    {
                        "code": f"{province}-T{n}",
                        "name_zh": area["city_zh"] if area else f"{_ZH[province]}第{n}档",
                        "name_en": area["city_en"] if area else f"{name_en} tier {n}",
                        "parent": province,
                        "note": (
                            f"Area of this tier ({area['status']}, from {area['valid_from'] or 'date not given'}): {area['note']}"
                            if area
                            else f"Minimum-wage tier {n} of {name_en}; cities map to it by date (see their tier mapping)."
                        ),
                    }
                )
    used: set[str] = set()
    city_series: dict[str, list[Entry]] = {}
    for gbt, rows in sorted(by_code.items()):
        first = rows[0]
        province = first["province_code"]
        if gbt == PROVINCES[province][0] or first in areas.get(province, []):
            continue  # the province itself, or tier areas sharing the province code
        code = city_code(first, used)
        used.add(code)
        rows = sorted(rows, key=lambda r: r["valid_from"] or "")
        shenzhen = code == "CN-GD-SZ"
        multi = len(tiers[province]) > 1
        mapping = [
            {
                "region": "CN-GD-SZ" if shenzhen else (f"{province}-T{r['tier']}" if multi else province),
                "valid_from": r["valid_from"],
                "status": r["status"],
                "note": r["note"],
            }
            for r in rows
        ]
        regions.append(
            {
                "code": code,
                "name_zh": rows[-1]["city_zh"],
                "name_en": rows[-1]["city_en"],
                "parent": province,
                "gbt2260": gbt,
                "note": "Own standard (MOHRSS lists Shenzhen separately)." if shenzhen else "",
                "tier": [] if shenzhen else mapping,
            }
        )
        if multi and not shenzhen:
            city_series[code] = expand(mapping, series)
    return regions, city_series


def expand(mapping: list[dict[str, str]], series: dict[str, list[Entry]]) -> list[Entry]:
    """
    A city's entries: its tier's entries over each mapping interval, status weakened. Before
    the first dated mapping the same tier is assumed, flagged UNVERIFIED (README: "fall back
    ... only with a warning").
    """
    out: list[Entry] = []
    if mapping and mapping[0]["valid_from"]:
        first = mapping[0]
        assumed = {
            "region": first["region"],
            "valid_from": "",
            "status": "UNVERIFIED",
            "note": f"assumed: the mapping is known only from {first['valid_from']}",
        }
        mapping = [assumed, *mapping]
    for index, m in enumerate(mapping):
        start = dt.date.fromisoformat(m["valid_from"]) if m["valid_from"] else None
        end_text = mapping[index + 1]["valid_from"] if index + 1 < len(mapping) else ""
        end = dt.date.fromisoformat(end_text) if end_text else None
        tier_entries = series.get(m["region"], [])
        when = f", from {start}" if start else (f", {m['note']}" if m["status"] == "UNVERIFIED" and "assumed" in m["note"] else ", date not given")
        scope = f"Tier mapping {m['region']} ({m['status']}{when})"
        for i, e in enumerate(tier_entries):
            nxt = tier_entries[i + 1].since if i + 1 < len(tier_entries) else None
            since = e.since
            if start is not None and since < start:
                if nxt is not None and nxt <= start:
                    continue
                since = start
            if end is not None and since >= end:
                break
            if out and out[-1].since == since:
                out.pop()
            out.append(
                Entry(
                    since=since,
                    amount=e.amount,
                    status=weakest(e.status, m["status"]),
                    note=f"{e.note} {scope}.".strip(),
                    cite=e.cite,
                )
            )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=None, help="folder of the dataset to ship")
    parser.add_argument("--check", action="store_true", help="report differences, write nothing")
    args = parser.parse_args(argv)
    problems: list[str] = []
    if args.source is not None:
        for name in FILES:
            new, old = args.source / name, SHIPPED / name
            if args.check:
                if not old.exists() or new.read_bytes() != old.read_bytes():
                    problems.append(f"{old} differs from {new}")
            else:
                SHIPPED.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(new, old)
    text = build(SHIPPED)
    if args.check:
        if not TARGET.exists() or TARGET.read_text(encoding="utf-8") != text:
            problems.append(f"{TARGET} is not what the shipped CSVs generate")
        for p in problems:
            print(p, file=sys.stderr)
        return 1 if problems else 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
