"""Law over time: every parameter answers from the start of its regime, day before and day of."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from tradesecret import NoRuleInForceError, OutOfCoverageError, Tier, Verification, to_date
from tradesecret.exceptions import DataFileError
from tradesecret.money import Money
from tradesecret.rulebook import NoRule, ParameterValue, Rulebook

LOCALES = Path(__file__).resolve().parents[2] / "src" / "tradesecret" / "i18n" / "locale"
NO = "no rule"
OUT = "not covered"

# (parameter, date, expected value | NO | OUT, first citation or None, status or None)
BOUNDARIES: list[tuple[str, str, object, str | None, str | None]] = [
    # Non-compete: LCL from 2008-01-01, Interp. (IV) from 2013-02-01, Interp. (I) from 2021-01-01.
    ("noncompete.default_ratio", "2007-12-31", OUT, None, None),
    ("noncompete.default_ratio", "2008-01-01", NO, "lcl@2007-06-29:23", "V2"),
    ("noncompete.default_ratio", "2013-01-31", NO, "lcl@2007-06-29:23", "V2"),
    ("noncompete.default_ratio", "2013-02-01", Decimal("0.30"), "spc-labor-4@2013-01-18:6", "V1"),
    ("noncompete.default_ratio", "2020-12-31", Decimal("0.30"), "spc-labor-4@2013-01-18:6", "V1"),
    ("noncompete.default_ratio", "2021-01-01", Decimal("0.30"), "spc-labor-1@2020-12-29:36", "V1"),
    ("noncompete.average_wage_months", "2013-01-31", NO, "lcl@2007-06-29:23", "V2"),
    ("noncompete.average_wage_months", "2013-02-01", 12, "spc-labor-4@2013-01-18:6", "V1"),
    ("noncompete.release_unpaid_months", "2013-01-31", NO, "lcl@2007-06-29:23", "V2"),
    ("noncompete.release_unpaid_months", "2013-02-01", 3, "spc-labor-4@2013-01-18:8", "V1"),
    ("noncompete.release_unpaid_months", "2021-01-01", 3, "spc-labor-1@2020-12-29:38", "V1"),
    ("noncompete.employer_release_extra_months", "2013-01-31", NO, "lcl@2007-06-29:23", "V2"),
    ("noncompete.employer_release_extra_months", "2013-02-01", 3, "spc-labor-4@2013-01-18:9", "V1"),
    ("noncompete.max_post_term_months", "2007-12-31", OUT, None, None),
    ("noncompete.max_post_term_months", "2008-01-01", 24, "lcl@2007-06-29:24.2", "V2"),
    ("noncompete.max_post_term_months", "2013-06-30", 24, "lcl@2007-06-29:24.2", "V2"),
    ("noncompete.max_post_term_months", "2013-07-01", 24, "lcl@2012-12-28:24.2", "V2"),
    ("noncompete.guidance_max_penalty_multiple", "2025-09-11", NO, "lcl@2007-06-29:23", "V2"),
    (
        "noncompete.guidance_max_penalty_multiple",
        "2025-09-12",
        Decimal(5),
        "mohrss-nc-guide@2025-09-12:14",
        "V2",
    ),
    ("noncompete.guidance_release_late_months", "2025-09-11", NO, "lcl@2007-06-29:23", "V2"),
    (
        "noncompete.guidance_release_late_months",
        "2025-09-12",
        1,
        "mohrss-nc-guide@2025-09-12:17",
        "V3",
    ),
    # Penalty adjustment: Contract Law 114, 2009 Interp. Art. 29, Civil Code 585, 法释〔2023〕13号.
    ("remedies.penalty_adjustment_article", "1999-09-30", OUT, None, None),
    ("remedies.penalty_adjustment_article", "2020-12-31", 114, "contract-law@1999-10-01:114", "V3"),
    ("remedies.penalty_adjustment_article", "2021-01-01", 585, "civil-code@2020-05-28:585.2", "V1"),
    (
        "remedies.penalty_excessive_over_loss_ratio",
        "2009-05-12",
        NO,
        "contract-law@1999-10-01:114",
        "V3",
    ),
    (
        "remedies.penalty_excessive_over_loss_ratio",
        "2009-05-13",
        Decimal("0.30"),
        "spc-contract-2@2009-04-24:29.2",
        "V1",
    ),
    (
        "remedies.penalty_excessive_over_loss_ratio",
        "2020-12-31",
        Decimal("0.30"),
        "spc-contract-2@2009-04-24:29.2",
        "V1",
    ),
    (
        "remedies.penalty_excessive_over_loss_ratio",
        "2021-01-01",
        NO,
        "civil-code@2020-05-28:585.2",
        "V3",
    ),
    (
        "remedies.penalty_excessive_over_loss_ratio",
        "2023-12-04",
        NO,
        "civil-code@2020-05-28:585.2",
        "V3",
    ),
    (
        "remedies.penalty_excessive_over_loss_ratio",
        "2023-12-05",
        Decimal("0.30"),
        "spc-contract-general@2023-12-04:65.2",
        "V1",
    ),
    (
        "remedies.penalty_excessive_loss_multiple",
        "2023-12-05",
        Decimal("1.30"),
        "spc-contract-general@2023-12-04:65.2",
        "DERIVED",
    ),
    # Conduct preservation: CPL 2007 (property only), CPL 2012 from 2013-01-01, 2017, IP 2019, 2021.
    ("preservation.ruling_hours_pre_suit", "2008-03-31", OUT, None, None),
    ("preservation.ruling_hours_pre_suit", "2012-12-31", NO, "cpl@2007-10-28:93", "UNVERIFIED"),
    ("preservation.ruling_hours_pre_suit", "2013-01-01", 48, "cpl@2012-08-31:101", "V2"),
    ("preservation.ruling_hours_pre_suit", "2017-06-30", 48, "cpl@2012-08-31:101", "V2"),
    ("preservation.ruling_hours_pre_suit", "2017-07-01", 48, "cpl@2017-06-27:101", "V2"),
    ("preservation.ruling_hours_pre_suit", "2021-12-31", 48, "cpl@2017-06-27:101", "V2"),
    ("preservation.ruling_hours_pre_suit", "2022-01-01", 48, "cpl@2021-12-24:104", "V2"),
    ("preservation.ruling_hours_pre_suit", "2024-01-01", 48, "cpl@2023-09-01:104", "V2"),
    ("preservation.sue_within_days", "2012-12-31", NO, "cpl@2007-10-28:93", "UNVERIFIED"),
    ("preservation.sue_within_days", "2013-01-01", 30, "cpl@2012-08-31:101", "V2"),
    ("preservation.deferred_service_days", "2018-12-31", NO, "cpl@2012-08-31:100", "V2"),
    (
        "preservation.deferred_service_days",
        "2019-01-01",
        5,
        "spc-ip-preservation@2018-12-12:5.2",
        "V1",
    ),
    ("preservation.reconsideration_ruling_days", "2018-12-31", NO, "cpl@2012-08-31:108", "V2"),
    (
        "preservation.reconsideration_ruling_days",
        "2019-01-01",
        10,
        "spc-ip-preservation@2018-12-12:14",
        "V1",
    ),
    ("preservation.reconsideration_requests_allowed", "2013-01-01", 1, "cpl@2012-08-31:108", "V2"),
    ("preservation.reconsideration_requests_allowed", "2022-01-01", 1, "cpl@2021-12-24:111", "V2"),
    ("preservation.lift_ruling_days", "2022-04-09", 5, "spc-ip-preservation@2018-12-12:17", "V1"),
    ("preservation.lift_ruling_days", "2022-04-10", 5, "spc-ip-preservation@2018-12-12:17", "V1"),
    (
        "preservation.continue_request_days_before_expiry",
        "2019-01-01",
        7,
        "spc-ip-preservation@2018-12-12:13",
        "V1",
    ),
    # Definition and measures: AUCL 1993, SPC 2007, AUCL 2017, 2019, SPC 2020, AUCL 2025.
    ("definition.statutory_article", "1993-11-30", OUT, None, None),
    ("definition.statutory_article", "1993-12-01", 10, "aucl@1993-09-02:10", "V2"),
    ("definition.statutory_article", "2017-12-31", 10, "aucl@1993-09-02:10", "V2"),
    ("definition.statutory_article", "2018-01-01", 9, "aucl@2017-11-04:9", "V2"),
    ("definition.statutory_article", "2019-04-22", 9, "aucl@2017-11-04:9", "V2"),
    ("definition.statutory_article", "2019-04-23", 9, "aucl@2019-04-23:9.4", "V1"),
    ("definition.statutory_article", "2025-10-14", 9, "aucl@2019-04-23:9.4", "V1"),
    ("definition.statutory_article", "2025-10-15", 10, "aucl@2025-06-27:10", "V2"),
    ("definition.burden_shift_article", "2007-01-31", NO, "aucl@1993-09-02:10", "V2"),
    ("definition.burden_shift_article", "2007-02-01", NO, "spc-unfair-comp@2007-01-12:14", "V2"),
    ("definition.burden_shift_article", "2019-04-22", NO, "aucl@2017-11-04:9", "V2"),
    ("definition.burden_shift_article", "2019-04-23", 32, "aucl@2019-04-23:32.1", "V1"),
    ("definition.burden_shift_article", "2025-10-15", 39, "aucl@2025-06-27:39.1", "V2"),
    ("definition.measures_article", "2007-01-31", NO, "aucl@1993-09-02:10", "V2"),
    ("definition.measures_article", "2007-02-01", 11, "spc-unfair-comp@2007-01-12:11", "V2"),
    ("definition.measures_article", "2020-09-11", 11, "spc-unfair-comp@2007-01-12:11", "V2"),
    ("definition.measures_article", "2020-09-12", 6, "spc-ts@2020-09-10:6", "V1"),
    ("definition.public_knowledge_article", "2020-09-11", 9, "spc-unfair-comp@2007-01-12:9", "V2"),
    ("definition.public_knowledge_article", "2020-09-12", 4, "spc-ts@2020-09-10:4", "V1"),
    # AUCL remedies by version.
    ("aucl.admin_fine_min", "1993-11-30", OUT, None, None),
    ("aucl.admin_fine_min", "1993-12-01", Money(10_000), "aucl@1993-09-02:25", "V2"),
    ("aucl.admin_fine_max", "2017-12-31", Money(200_000), "aucl@1993-09-02:25", "V2"),
    ("aucl.admin_fine_max", "2018-01-01", Money(500_000), "aucl@2017-11-04:21", "V2"),
    ("aucl.admin_fine_max", "2019-04-22", Money(500_000), "aucl@2017-11-04:21", "V2"),
    ("aucl.admin_fine_max", "2019-04-23", Money(1_000_000), "aucl@2019-04-23:21", "V1"),
    ("aucl.admin_fine_max", "2025-10-15", Money(1_000_000), "aucl@2025-06-27:26", "V2"),
    ("aucl.admin_fine_serious_min", "2017-12-31", NO, "aucl@1993-09-02:25", "V2"),
    ("aucl.admin_fine_serious_min", "2018-01-01", Money(500_000), "aucl@2017-11-04:21", "V2"),
    ("aucl.admin_fine_serious_min", "2025-10-14", Money(500_000), "aucl@2019-04-23:21", "V1"),
    ("aucl.admin_fine_serious_min", "2025-10-15", Money(1_000_000), "aucl@2025-06-27:26", "V2"),
    ("aucl.admin_fine_serious_max", "2019-04-22", Money(3_000_000), "aucl@2017-11-04:21", "V2"),
    ("aucl.admin_fine_serious_max", "2019-04-23", Money(5_000_000), "aucl@2019-04-23:21", "V1"),
    ("aucl.admin_fine_serious_max", "2025-10-15", Money(5_000_000), "aucl@2025-06-27:26", "V2"),
    ("aucl.statutory_damages_cap", "2017-12-31", NO, "aucl@1993-09-02:20", "V2"),
    ("aucl.statutory_damages_cap", "2018-01-01", Money(3_000_000), "aucl@2017-11-04:17", "V2"),
    ("aucl.statutory_damages_cap", "2019-04-23", Money(5_000_000), "aucl@2019-04-23:17", "V1"),
    ("aucl.punitive_multiplier_max", "2019-04-22", NO, "aucl@2017-11-04:17", "V2"),
    ("aucl.punitive_multiplier_max", "2019-04-23", Decimal(5), "aucl@2019-04-23:17", "V1"),
    ("aucl.punitive_multiplier_min", "2025-10-15", Decimal(1), "aucl@2025-06-27:22", "V2"),
]


def _value(entry: ParameterValue) -> object:
    return entry.value


class TestBoundaries:
    @pytest.mark.parametrize(("name", "day", "expected", "cite", "status"), BOUNDARIES)
    def test_value_or_no_rule_on_each_boundary(
        self,
        rb: Rulebook,
        name: str,
        day: str,
        expected: object,
        cite: str | None,
        status: str | None,
    ) -> None:
        """Each regime's value, or its explicit absence, on the day before and the day of a change."""
        as_of = to_date(day)
        if expected == OUT:
            with pytest.raises(OutOfCoverageError) as info:
                rb.lookup(name, as_of=as_of)
            assert not isinstance(info.value, NoRuleInForceError)
            return
        entry = rb.lookup(name, as_of=as_of)
        if expected == NO:
            assert isinstance(entry, NoRule)
            with pytest.raises(NoRuleInForceError) as err:
                rb.param(name, as_of=as_of)
            assert entry == err.value.no_rule
        else:
            assert isinstance(entry, ParameterValue)
            assert expected == _value(entry)
        assert (cite, status) == (entry.citations[0].id, entry.status.value)


class TestNoRule:
    def test_no_rule_is_an_out_of_coverage_error_for_old_callers(self, rb: Rulebook) -> None:
        """param() before Interp. (IV) raises NoRuleInForceError, an OutOfCoverageError subclass."""
        with pytest.raises(OutOfCoverageError) as info:
            rb.param("noncompete.default_ratio", as_of=to_date("2011-05-01"))
        assert isinstance(info.value, NoRuleInForceError)
        assert "no such rule in force on 2011-05-01" in str(info.value)

    def test_in_force_skips_absent_rules(self, rb: Rulebook) -> None:
        """Parameters without a rule on the day are not listed as in force."""
        names = {v.name for v in rb.in_force(as_of=to_date("2011-05-01"))}
        assert "noncompete.max_post_term_months" in names
        assert "noncompete.default_ratio" not in names

    def test_until_ends_at_the_next_entry(self, rb: Rulebook) -> None:
        """A value before a period without the rule ends where the absence begins."""
        v = rb.param("remedies.penalty_excessive_over_loss_ratio", as_of=to_date("2015-01-01"))
        assert to_date("2021-01-01") == v.until

    def test_absent_entry_with_a_value_is_a_load_error(self, rb: Rulebook) -> None:
        """An entry cannot be both absent and valued; a missing value needs absent = true."""
        text = """
[[parameter]]
name = "x.y"
unit = "months"
label_zh = "x"
label_en = "x"
last_reviewed = 2026-01-01
  [[parameter.value]]
  since = 2008-01-01
  absent = true
  value = 3
  cite = ["lcl@2007-06-29:23"]
  status = "V2"
  [[parameter.value]]
  since = 2009-01-01
  cite = ["lcl@2007-06-29:23"]
  status = "V2"
"""
        with pytest.raises(DataFileError) as info:
            rb.extended(text)
        reasons = {p.reason for p in info.value.problems}
        assert {
            "an absent entry has no value",
            "missing required key (or absent = true)",
        } <= reasons


class TestCatalogLabels:
    def test_pre_suit_opinion_is_not_a_judicial_interpretation(self, rb: Rulebook) -> None:
        """The SPC Opinion on pre-suit preservation (an 意见) is judicial guidance, not binding."""
        inst = rb.instrument("spc-pre-suit-opinion@2024-03-01")
        assert (Tier.JUDICIAL_GUIDANCE, False) == (inst.tier, inst.tier.binding)

    def test_doc_number_status_is_recorded(self, rb: Rulebook) -> None:
        """Interp. (IV) dates are V1 while its document number rests on one source (V3)."""
        inst = rb.instrument("spc-labor-4@2013-01-18")
        assert (Verification.V1, Verification.V3) == (inst.status, inst.doc_number_status)

    def test_cpl_2021_values_take_its_date_status(self, rb: Rulebook) -> None:
        """CPL 2021's figures are V1 but its effective date is V2: the values read V2."""
        v = rb.param("preservation.sue_within_days", as_of=to_date("2023-01-01"))
        assert (Verification.V2, Verification.V2) == (v.status, v.citations[0].status)

    def test_memory_placeholder_is_not_binding(self, rb: Rulebook) -> None:
        """The placeholder for figures from memory never reads binding."""
        assert not rb.instrument("unverified-min-wage@2026-11-21").tier.binding


class TestSeedFigures:
    @pytest.mark.parametrize(
        ("measures", "supply_chain"),
        [
            ("measures.nda_damages_multiple_min", "supply_chain.penalty.leak_multiple"),
            ("measures.nda_damages_multiple_max", "supply_chain.penalty.leak_multiple_max"),
            ("measures.nda_damages_floor", "supply_chain.penalty.leak_floor"),
        ],
    )
    def test_same_seed_figure_has_one_status(
        self, rb: Rulebook, measures: str, supply_chain: str
    ) -> None:
        """The 3-5x and RMB 500,000 seeds have no published source: UNVERIFIED in both files."""
        day = to_date("2025-01-01")
        a, b = rb.param(measures, as_of=day), rb.param(supply_chain, as_of=day)
        assert (a.value, Verification.UNVERIFIED) == (b.value, b.status)
        assert a.status == b.status

    def test_factory_noncompete_seed_is_unverified(self, rb: Rulebook) -> None:
        """The 24-month partner non-compete seed is common practice, UNVERIFIED, not binding."""
        v = rb.param("measures.partner_noncompete_months", as_of=to_date("2025-01-01"))
        assert (24, Verification.UNVERIFIED, False) == (v.as_int(), v.status, v.binding)


_LEGAL_NUMBER = re.compile(
    r"\b(one|two|three|four|five|six|seven|ten|twelve|thirty|fifty|\d+)[ -](months?|days?|hours?|years?)\b"
    r"|[一二三四五六七八九十两]+(?:个月|日内|日期限|小时|年)|(?<!\d)\d{1,3}\s*(?:个月|小时|日内|年)"
    r"|\d+\s*%|百分之"
)


@pytest.mark.parametrize(
    "path", sorted(LOCALES.glob("*/LC_MESSAGES/*.po")), ids=lambda p: f"{p.parts[-3]}/{p.name}"
)
def test_no_legal_number_in_message_text(path: Path) -> None:
    """Periods and rates in messages are {placeholders} filled from parameters, never literals."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgstr"):
            text = re.sub(r"\{[^}]*\}", "", line)
            if _LEGAL_NUMBER.search(text):
                found.append(line)
    assert [] == found


def test_no_value_is_stronger_than_the_date_of_its_basis(rb: Rulebook) -> None:
    """A value's status is never stronger than the status of its basis instrument (its dates)."""
    order = [Verification.V1, Verification.V2, Verification.DERIVED, Verification.V3]
    order.append(Verification.UNVERIFIED)
    for series in rb.all_series():
        for entry in series.entries:
            basis = rb.instrument(entry.citations[0].ref.key)
            assert order.index(entry.status) >= order.index(basis.status), (
                series.name,
                series.region,
                str(entry.since),
            )
