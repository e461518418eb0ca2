"""The law catalog and dated parameters."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tradesecret import (
    CitationError,
    DataFileError,
    Money,
    OutOfCoverageError,
    ParameterNotFoundError,
    Tier,
    UnknownRegionError,
    Verification,
    to_date,
)
from tradesecret.rulebook import Rulebook


class TestPackageData:
    def test_every_value_is_cited_sorted_and_resolves(self, rb: Rulebook) -> None:
        """Every value has citations that resolve, dates sorted and unique."""
        for series in rb.all_series():
            sinces = [v.since for v in series.values]
            assert sinces == sorted(set(sinces))
            for v in series.values:
                assert v.citations
                for c in v.citations:
                    assert c == rb.cite(c.id)

    def test_covers_every_instrument_of_the_facts_reference(self, rb: Rulebook) -> None:
        """The catalog holds every instrument the legal facts reference names."""
        keys = set(rb.instruments)
        for key in [
            "aucl@2019-04-23",
            "aucl@2025-06-27",
            "spc-ts@2020-09-10",
            "lcl@2012-12-28",
            "spc-labor-1@2020-12-29",
            "spc-labor-2@2025-07-31",
            "cpl@2023-09-01",
            "cpl-interp@2022-04-01",
            "spc-ip-preservation@2018-12-12",
            "mohrss-nc-guide@2025-09-12",
            "gc-184@2022-07-04",
            "gc-190@2022-12-08",
            "civil-code@2020-05-28",
        ]:
            assert key in keys

    def test_tiers(self, rb: Rulebook) -> None:
        """Tiers and authority are recorded per instrument."""
        assert Tier.LAW == rb.instrument("lcl@2012-12-28").tier
        assert Tier.JUDICIAL_INTERPRETATION == rb.instrument("spc-labor-1@2020-12-29").tier
        assert Tier.GUIDING_CASE == rb.instrument("gc-184@2022-07-04").tier
        assert Tier.ADMINISTRATIVE_GUIDANCE == rb.instrument("mohrss-nc-guide@2025-09-12").tier
        assert not rb.cite("mohrss-nc-guide@2025-09-12:13").binding
        assert rb.cite("spc-labor-1@2020-12-29:36").binding

    def test_aucl_article_renumbering(self, rb: Rulebook) -> None:
        """AUCL 2019 Art. 9 became AUCL 2025 Art. 10 (V2); burden shifting Art. 32 became 39."""
        assert rb.cite("aucl@2019-04-23:9.4").status is Verification.V1
        assert rb.cite("aucl@2025-06-27:10").status is Verification.V2
        assert rb.cite("aucl@2025-06-27:39.1").status is Verification.V2
        with pytest.raises(CitationError):
            rb.cite("aucl@2025-06-27:32")  # not a trade-secret article of the 2025 text


class TestLegalFigures:
    @pytest.mark.parametrize(
        ("name", "as_of", "expected", "cite"),
        [
            ("noncompete.max_post_term_months", "2012-01-01", 24, "lcl@2007-06-29:24.2"),
            ("noncompete.max_post_term_months", "2025-09-01", 24, "lcl@2012-12-28:24.2"),
            ("noncompete.release_unpaid_months", "2025-09-01", 3, "spc-labor-1@2020-12-29:38"),
            (
                "noncompete.employer_release_extra_months",
                "2025-09-01",
                3,
                "spc-labor-1@2020-12-29:39",
            ),
            (
                "noncompete.guidance_release_late_months",
                "2025-10-01",
                1,
                "mohrss-nc-guide@2025-09-12:17",
            ),
            ("preservation.ruling_hours_pre_suit", "2024-03-01", 48, "cpl@2023-09-01:104"),
            ("preservation.ruling_hours_pre_suit", "2023-03-01", 48, "cpl@2021-12-24:104"),
            ("preservation.sue_within_days", "2024-03-01", 30, "cpl@2023-09-01:104"),
            (
                "preservation.deferred_service_days",
                "2024-03-01",
                5,
                "spc-ip-preservation@2018-12-12:5.2",
            ),
            (
                "preservation.continue_request_days_before_expiry",
                "2024-03-01",
                7,
                "spc-ip-preservation@2018-12-12:13",
            ),
            (
                "preservation.reconsideration_ruling_days",
                "2024-03-01",
                10,
                "spc-ip-preservation@2018-12-12:14",
            ),
            ("preservation.lift_ruling_days", "2024-03-01", 5, "spc-ip-preservation@2018-12-12:17"),
        ],
    )
    def test_integer_figures(
        self, rb: Rulebook, name: str, as_of: str, expected: int, cite: str
    ) -> None:
        """Each figure of the legal facts reference, with its citation."""
        value = rb.param(name, as_of=to_date(as_of))
        assert expected == value.as_int()
        assert cite == value.citations[0].id

    def test_ratios(self, rb: Rulebook) -> None:
        """30 % default (binding), 30 %/50 % guidance above 12 months, 5x penalty guidance."""
        day = to_date("2025-10-01")
        assert Decimal("0.30") == rb.param("noncompete.default_ratio", as_of=day).as_decimal()
        assert (
            Decimal("0.50")
            == rb.param("noncompete.guidance_long_period_ratio", as_of=day).as_decimal()
        )
        assert (
            12 == rb.param("noncompete.guidance_long_period_threshold_months", as_of=day).as_int()
        )
        assert (
            Decimal(5)
            == rb.param("noncompete.guidance_max_penalty_multiple", as_of=day).as_decimal()
        )
        assert (
            Tier.ADMINISTRATIVE_GUIDANCE
            == rb.param("noncompete.guidance_long_period_ratio", as_of=day).tier
        )

    def test_aucl_2025_figures_carry_their_status(self, rb: Rulebook) -> None:
        """The 5M cap is V1 under AUCL 2019 Art. 17 and V2 under AUCL 2025 Art. 22."""
        before = rb.param("aucl.statutory_damages_cap", as_of=to_date("2025-10-14"))
        after = rb.param("aucl.statutory_damages_cap", as_of=to_date("2025-10-15"))
        assert (Money(5_000_000), Verification.V1, "aucl@2019-04-23:17") == (
            before.as_money(),
            before.status,
            before.citations[0].id,
        )
        assert (Money(5_000_000), Verification.V2, "aucl@2025-06-27:22") == (
            after.as_money(),
            after.status,
            after.citations[0].id,
        )


class TestMinimumWage:
    @pytest.mark.parametrize(
        ("region", "day", "expected"),
        [
            ("CN-SH", "2025-06-30", "2690"),
            ("CN-SH", "2025-07-01", "2740"),
            ("CN-BJ", "2025-08-31", "2420"),
            ("CN-BJ", "2025-09-01", "2540"),
            ("CN-GD-SZ", "2025-02-28", "2360"),
            ("CN-GD-SZ", "2025-03-01", "2520"),
            ("CN-GD-GZ", "2025-03-01", "2500"),
        ],
    )
    def test_day_before_and_after_a_change(
        self, rb: Rulebook, region: str, day: str, expected: str
    ) -> None:
        """The minimum wage changes exactly on its effective date."""
        assert (
            Money(expected)
            == rb.param("minimum_wage.monthly", as_of=to_date(day), region=region).as_money()
        )

    def test_unverified_steps_say_so(self, rb: Rulebook) -> None:
        """An undated Shandong step carries UNVERIFIED and a note saying where it comes from."""
        v = rb.param("minimum_wage.monthly", as_of=to_date("2023-01-01"), region="CN-SD-T1")
        assert (Money(2100), Verification.UNVERIFIED) == (v.as_money(), v.status)
        assert "Start date not found" in v.note

    def test_out_of_coverage_is_an_error_not_zero(self, rb: Rulebook) -> None:
        """Before the first value: OutOfCoverageError naming the first date."""
        with pytest.raises(OutOfCoverageError) as info:
            rb.param("minimum_wage.monthly", as_of=to_date("2017-06-30"), region="CN-TJ")
        assert to_date("2017-07-01") == info.value.covered_since

    def test_province_without_a_single_value(self, rb: Rulebook) -> None:
        """Guangdong has city values only: asking for the province is not answered by a guess."""
        with pytest.raises(ParameterNotFoundError):
            rb.param("minimum_wage.monthly", as_of=to_date("2025-09-01"), region="CN-GD")

    def test_unknown_region(self, rb: Rulebook) -> None:
        """An unknown region code is an error."""
        with pytest.raises(UnknownRegionError):
            rb.param("minimum_wage.monthly", as_of=to_date("2025-09-01"), region="CN-XX")

    def test_national_parameter_found_from_a_city(self, rb: Rulebook) -> None:
        """A national parameter is found when a city is given."""
        assert (
            24
            == rb.param(
                "noncompete.max_post_term_months", as_of=to_date("2025-09-01"), region="CN-GD-SZ"
            ).as_int()
        )


class TestLoading:
    def test_all_problems_reported_at_once(self, rb: Rulebook) -> None:
        """Unknown keys, unsorted dates, missing citations and unknown regions are reported together."""
        text = """
[[parameter]]
name = "x.test"
unit = "months"
label_zh = "测试"
label_en = "test"
last_reviewed = 2026-01-01
colour = "red"
  [[parameter.value]]
  since = 2025-01-01
  value = 3
  cite = []
  status = "V1"
  [[parameter.value]]
  since = 2024-01-01
  value = 4
  cite = ["nope@2020-01-01"]
  status = "V9"
  [[parameter.value]]
  region = "CN-XX"
  since = 2024-01-01
  value = 4
  cite = ["lcl@2012-12-28:24"]
  status = "V1"
"""
        with pytest.raises(DataFileError) as info:
            rb.extended(text, source="bad.toml")
        reasons = " | ".join(str(p) for p in info.value.problems)
        assert "unknown key @ parameter[0].colour" in reasons
        assert "every value needs at least one citation" in reasons
        assert "unknown instrument version" in reasons
        assert "must be one of" in reasons
        assert "unknown region code" in reasons

    def test_repeated_bad_amounts_and_citations_each_reported(self, rb: Rulebook) -> None:
        """A bad amount or citation text used twice is reported at both places (conversions are shared per build, errors are not)."""
        text = """
[[parameter]]
name = "x.amounts"
unit = "cny"
label_zh = "测试"
label_en = "test"
last_reviewed = 2026-01-01
  [[parameter.value]]
  since = 2024-01-01
  value = "-5"
  cite = ["nope@2020-01-01"]
  status = "V1"
  [[parameter.value]]
  since = 2025-01-01
  value = "-5"
  cite = ["nope@2020-01-01"]
  status = "V1"
  [[parameter.value]]
  since = 2026-01-01
  value = "2690.00"
  cite = ["lcl@2012-12-28:24"]
  status = "V1"
"""
        with pytest.raises(DataFileError) as info:
            rb.extended(text, source="bad.toml")
        paths = sorted(p.path for p in info.value.problems)
        assert [
            "parameter[0].value[0].cite[0]",
            "parameter[0].value[0].value",
            "parameter[0].value[1].cite[0]",
            "parameter[0].value[1].value",
        ] == paths

    def test_shared_amounts_keep_their_text(self, rb: Rulebook) -> None:
        """Equal amount texts give one value each; "2690" and "2690.00" stay distinct."""
        text = """
[[parameter]]
name = "x.amounts"
unit = "cny"
label_zh = "测试"
label_en = "test"
last_reviewed = 2026-01-01
  [[parameter.value]]
  since = 2024-01-01
  value = "2690"
  cite = ["lcl@2012-12-28:24"]
  status = "V1"
  [[parameter.value]]
  since = 2025-01-01
  value = "2690.00"
  cite = ["lcl@2012-12-28:24"]
  status = "V1"
"""
        values = rb.extended(text, source="ok.toml").series[("x.amounts", None)].values
        assert ["2690", "2690.00"] == [str(v.as_money().amount) for v in values]
        assert values[0].citations == values[1].citations

    def test_malformed_instruments_and_regions_reported_together(self, rb: Rulebook) -> None:
        """Bad instrument and region entries are all reported at once, each with its path."""
        text = """
shelf = 1
[[instrument]]
id = "Bad Id"
version = "2020-01-01"
tier = "statute"
title_zh = "x"
title_en = "x"
short_zh = "x"
short_en = "x"
issuer_zh = "x"
issuer_en = "x"
effective = "2020-01-01"
promulgated = 2019-12-31T10:00:00
status = "V1"
doc_number_status = "V7"
  [[instrument.article]]
  number = "1"
  summary_en = "a"
  summary_zh = "a"
  status = "V1"
  [[instrument.article]]
  number = "1"
  summary_en = "b"
  summary_zh = "b"
  status = "V0"
  [[instrument.article]]
  number = "2"
[[instrument]]
id = "lcl"
[[region]]
code = "CN-ZZ"
name_zh = "某地"
name_en = "Somewhere"
parent = "CN-NOPE"
gbt2260 = 440300
  [[region.tier]]
  region = "CN-ZZ-T1"
  valid_from = "2020-01-01"
  status = "V9"
  [[region.tier]]
  status = "V1"
"""
        with pytest.raises(DataFileError) as info:
            rb.extended(text, source="bad.toml")
        found = {(p.path, p.reason) for p in info.value.problems}
        paths = {path for path, _ in found}
        assert ("shelf", "unknown top-level table") in found
        assert "instrument[0].tier" in paths
        assert "instrument[0].effective" in paths
        assert "instrument[0].promulgated" in paths
        assert "instrument[0].doc_number_status" in paths
        assert ("instrument[0].article[1]", "duplicate article number") in found
        assert "instrument[0].article[1].status" in paths
        assert ("instrument[0].article[2].summary_en", "missing required key") in found
        assert ("instrument[1].version", "missing required key") in found
        assert "region[0].gbt2260" in paths
        assert "region[0].tier[0].status" in paths
        assert "region[0].tier[0].valid_from" in paths
        assert ("region[0].tier[1].region", "missing required key") in found
        assert any("parent" in path or "CN-NOPE" in reason for path, reason in found)

    def test_unsorted_dates(self, rb: Rulebook) -> None:
        """Values out of date order are rejected."""
        text = """
[[parameter]]
name = "x.test"
unit = "days"
label_zh = "测试"
label_en = "test"
last_reviewed = 2026-01-01
  [[parameter.value]]
  since = 2025-01-01
  value = 3
  cite = ["lcl@2012-12-28:24"]
  status = "V1"
  [[parameter.value]]
  since = 2024-01-01
  value = 4
  cite = ["lcl@2012-12-28:24"]
  status = "V1"
"""
        with pytest.raises(DataFileError, match="not sorted"):
            rb.extended(text)

    def test_float_money_rejected_in_data(self, rb: Rulebook) -> None:
        """A cny value must be a string or int, so no float is ever parsed as money."""
        text = """
[[parameter]]
name = "x.money"
unit = "cny"
label_zh = "测试"
label_en = "test"
last_reviewed = 2026-01-01
  [[parameter.value]]
  since = 2025-01-01
  value = 2740.5
  cite = ["lcl@2012-12-28:24"]
  status = "V1"
"""
        with pytest.raises(DataFileError, match="cny"):
            rb.extended(text)

    def test_malformed_toml(self) -> None:
        """Syntax errors are DataFileErrors naming the source."""
        with pytest.raises(DataFileError, match=r"x\.toml"):
            Rulebook.from_toml("[[parameter]\n", source="x.toml")

    def test_override_does_not_touch_the_default(self, rb: Rulebook) -> None:
        """An extended rulebook is a new object; the package one is unchanged."""
        text = """
[[parameter]]
name = "noncompete.max_post_term_months"
unit = "months"
label_zh = "测试"
label_en = "test"
last_reviewed = 2026-01-01
  [[parameter.value]]
  since = 2008-01-01
  value = 12
  cite = ["lcl@2012-12-28:24.2"]
  status = "DERIVED"
"""
        mine = rb.extended(text)
        day = to_date("2025-01-01")
        assert 12 == mine.param("noncompete.max_post_term_months", as_of=day).as_int()
        assert 24 == rb.param("noncompete.max_post_term_months", as_of=day).as_int()
