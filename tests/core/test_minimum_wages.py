"""Minimum wages of all 31 provincial-level divisions, by library code and GB/T 2260 code."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from tradesecret import InvalidInputError, UnknownRegionError, Verification, to_date
from tradesecret.money import Money
from tradesecret.rulebook import ParameterValue, Rulebook

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path("/work/shared/legal/minimum-wages")
FOLDER = resources.files("tradesecret") / "data" / "minimum_wages"


def _rows(name: str) -> list[dict[str, str]]:
    text = (FOLDER / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


WAGES = _rows("minimum_wages.csv")
CITIES = _rows("city_tiers.csv")
PROVINCE_GBT = {r["province_code"]: r["gbt2260_code"][:2] + "0000" for r in CITIES}


def _confirmed_from_2018() -> list[dict[str, str]]:
    return [
        r
        for r in WAGES
        if r["effective_from"] >= "2018-01-01"
        and r["amount_status"] in {"V1", "V2"}
        and r["effective_from_status"] in {"V1", "V2"}
    ]


def _tier_on(city_rows: list[dict[str, str]], day: str) -> str:
    """The tier a city's mapping gives on ``day`` (the earliest mapping before it, flagged)."""
    rows = sorted(city_rows, key=lambda r: r["valid_from"])
    current = rows[0]["tier"]
    for row in rows:
        if row["valid_from"] and row["valid_from"] <= day:
            current = row["tier"]
    return current


def _codes_for(row: dict[str, str], rb: Rulebook) -> list[str]:
    """GB/T 2260 codes whose minimum wage on the row's date is the row's amount."""
    if row["province_zh"] == "深圳市":
        return ["440300", "440305"]  # Shenzhen and a district inside it
    province = row["province_code"]
    by_code: dict[str, list[dict[str, str]]] = {}
    for city in CITIES:
        if city["province_code"] == province:
            by_code.setdefault(city["gbt2260_code"], []).append(city)
    single = not rb.tier_regions(province)
    codes = [PROVINCE_GBT[province]] if single else []
    for gbt, rows in by_code.items():
        if gbt == PROVINCE_GBT[province] or gbt == "440300":
            continue
        if single or _tier_on(rows, row["effective_from"]) == row["tier"]:
            codes.append(gbt)
    return codes


CONFIRMED = _confirmed_from_2018()


class TestDataset:
    def test_every_province_is_covered(self, rb: Rulebook) -> None:
        """All 31 provincial-level divisions have a region with a GB/T 2260 code."""
        provinces = {r["province_code"] for r in WAGES}
        assert 31 == len(provinces)
        for code in provinces:
            assert rb.region(code).gbt2260 == PROVINCE_GBT.get(code, rb.region(code).gbt2260)

    def test_shipped_toml_is_what_the_script_generates(self) -> None:
        """scripts/gen_minimum_wages.py --check: the shipped TOML matches the shipped CSVs."""
        args = [sys.executable, str(ROOT / "scripts" / "gen_minimum_wages.py"), "--check"]
        if SHARED.exists():
            args += ["--source", str(SHARED)]  # and the shipped CSVs match the shared dataset
        done = subprocess.run(args, capture_output=True, text=True, check=False)
        assert 0 == done.returncode, done.stderr

    @pytest.mark.parametrize(
        "row",
        CONFIRMED,
        ids=[f"{r['province_zh']}-T{r['tier']}-{r['effective_from']}" for r in CONFIRMED],
    )
    def test_confirmed_wage_answered_by_gbt_code(self, rb: Rulebook, row: dict[str, str]) -> None:
        """Every V1/V2 wage from 2018 is answered on its date for its cities by GB/T 2260 code."""
        day = to_date(row["effective_from"])
        codes = _codes_for(row, rb)
        if not codes:  # no city mapped to that tier then: the tier code answers
            tier = f"{row['province_code']}-T{row['tier']}"
            codes = [tier]
        for code in codes:
            value = rb.param("minimum_wage.monthly", as_of=day, region=code)
            assert (code, Money(row["amount_cny_month"])) == (code, value.as_money())
            assert day == value.since


class TestRegions:
    def test_district_resolves_to_its_city(self, rb: Rulebook) -> None:
        """A district code (Nanshan 440305) resolves to Shenzhen through its prefix."""
        assert ("CN-GD-SZ", "CN-GD-SZ") == (
            rb.resolve_region("440300"),
            rb.resolve_region("440305"),
        )

    def test_municipality_district_resolves_to_the_municipality(self, rb: Rulebook) -> None:
        """Beijing's Chaoyang district (110105) resolves to CN-BJ (one standard)."""
        assert "CN-BJ" == rb.resolve_region("110105")

    def test_unmapped_code_names_what_would_resolve_it(self, rb: Rulebook) -> None:
        """Maoming (440900) is in a tiered province with no mapping: the error names the tiers."""
        with pytest.raises(UnknownRegionError) as info:
            rb.resolve_region("440900")
        assert "440900" in str(info.value) and "CN-GD-T4" in str(info.value)

    def test_unmapped_code_as_input_is_an_input_error(self, rb: Rulebook) -> None:
        """check_region turns an unresolvable code into InvalidInputError with the hint."""
        with pytest.raises(InvalidInputError) as info:
            rb.check_region("440900", path="employee.place_of_performance")
        (problem,) = info.value.problems
        assert "employee.place_of_performance" == problem.path
        assert "CN-GD-T1" in problem.reason

    def test_list_regions_carries_gbt_and_tier_mapping(self, rb: Rulebook) -> None:
        """Zhanjiang moved from tier 4 to tier 3 on 2021-12-01: both mappings are listed."""
        zhanjiang = next(r for r in rb.list_regions() if r.gbt2260 == "440800")
        assert [("CN-GD-T4", "2018-07-01"), ("CN-GD-T3", "2021-12-01")] == [
            (t.region, str(t.valid_from)) for t in zhanjiang.tiers
        ]

    def test_city_follows_its_tier_change(self, rb: Rulebook) -> None:
        """Zhanjiang pays the tier-4 figure on 2021-11-30 and the tier-3 figure on 2021-12-01."""
        before = rb.param("minimum_wage.monthly", as_of=to_date("2021-11-30"), region="440800")
        after = rb.param("minimum_wage.monthly", as_of=to_date("2021-12-01"), region="440800")
        assert (Money(1410), Money(1720)) == (before.as_money(), after.as_money())


class TestStatuses:
    def test_status_is_the_weakest_of_amount_and_date(self, rb: Rulebook) -> None:
        """Shanghai 2,690 from 2023-07-01: amount V2 but date UNVERIFIED (a conflict) -> UNVERIFIED."""
        v = rb.param("minimum_wage.monthly", as_of=to_date("2023-07-01"), region="310000")
        assert (Money(2690), Verification.UNVERIFIED) == (v.as_money(), v.status)

    def test_assumed_mapping_before_its_date_is_flagged(self, rb: Rulebook) -> None:
        """Hangzhou's tier mapping is known from 2026-01-01: earlier months are UNVERIFIED."""
        before = rb.param("minimum_wage.monthly", as_of=to_date("2025-12-31"), region="CN-ZJ-HZ")
        after = rb.param("minimum_wage.monthly", as_of=to_date("2026-01-01"), region="CN-ZJ-HZ")
        assert (Money(2490), Verification.UNVERIFIED) == (before.as_money(), before.status)
        assert (Money(2660), Verification.V2) == (after.as_money(), after.status)
        assert "assumed" in before.note

    def test_undated_step_flags_the_months_before_it(self, rb: Rulebook) -> None:
        """Shandong 1,810 is known until 2018-01-01; from 2018-01-02 it is flagged, never guessed."""
        known = rb.param("minimum_wage.monthly", as_of=to_date("2018-01-01"), region="CN-SD-T1")
        window = rb.param("minimum_wage.monthly", as_of=to_date("2018-01-02"), region="CN-SD-T1")
        assert (Money(1810), Verification.V2) == (known.as_money(), known.status)
        assert (Money(1810), Verification.UNVERIFIED) == (window.as_money(), window.status)
        assert to_date("2023-01-01") == window.until

    def test_abolished_tier_is_no_rule(self, rb: Rulebook) -> None:
        """Guangxi's 2018 standard has three tiers: tier 4 has no rule from 2018-02-01."""
        entry = rb.lookup("minimum_wage.monthly", as_of=to_date("2018-02-01"), region="CN-GX-T4")
        assert not isinstance(entry, ParameterValue)
        assert "mw-gx@2018-02-01" == entry.citations[0].id

    def test_minimum_wages_never_cite_the_memory_placeholder(self, rb: Rulebook) -> None:
        """No shipped minimum wage rests on the memory-only placeholder."""
        for series in rb.all_series():
            if series.name == "minimum_wage.monthly":
                for v in series.values:
                    assert "unverified-min-wage" != v.citations[0].ref.instrument


def test_tenant_maps_an_unmapped_city_to_a_tier(rb: Rulebook) -> None:
    """The error's remedy works: a tenant region with the GB/T code under a tier region resolves."""
    text = """
[[region]]
code = "CN-GD-MAOMING"
name_zh = "茂名市"
name_en = "Maoming"
parent = "CN-GD-T4"
gbt2260 = "440900"
note = "tenant's own mapping"
"""
    book = rb.extended(text, source="tenant.toml")
    v = book.param("minimum_wage.monthly", as_of=to_date("2025-03-01"), region="440902")
    assert (Money(1750), "mw-gd@2025-03-01") == (v.as_money(), v.citations[0].id)
