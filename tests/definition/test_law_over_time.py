"""The definition and measures as of any date from 1993-12-01, with the law of that day (issue 14)."""

from __future__ import annotations

import pytest

from tradesecret import Outcome, explain
from tradesecret.definition import (
    ExposureKind,
    PublicExposure,
    SecretKind,
    SecretPoint,
    TradeSecret,
    ValueEvidence,
    ValueKind,
    assess_trade_secret,
)
from tradesecret.measures import ConfidentialityMeasure, MeasureKind
from tradesecret.results import Assessment

SECRECY = "definition.not_publicly_known"
VALUE = "definition.commercial_value"
MEASURES = "definition.reasonable_measures"


def secret(**overrides: object) -> TradeSecret:
    """A technical secret with one point, value evidence from 1990 and a 1992 publication of nothing."""
    values: dict[str, object] = {
        "id": "TS-1",
        "title": "dye formula",
        "kind": SecretKind.TECHNICAL,
        "owner": "Example Co.",
        "points": (SecretPoint(id="P1", description="mordant ratio"),),
        "value_evidence": (ValueEvidence(kind=ValueKind.STAGE_RESULT, on="1990-01-01"),),
        "secrecy_evidence": ("SEARCH-1",),
    }
    values.update(overrides)
    return TradeSecret(**values)  # type: ignore[arg-type]


def agreement(**overrides: object) -> ConfidentialityMeasure:
    """An evidenced confidentiality agreement naming the secret, from 1990."""
    values: dict[str, object] = {
        "id": "M-NDA",
        "kind": MeasureKind.CONFIDENTIALITY_AGREEMENT,
        "start": "1990-01-01",
        "secret_ids": ("TS-1",),
        "evidence": ("signed.pdf",),
        "identifies_secret": True,
    }
    values.update(overrides)
    return ConfidentialityMeasure(**values)  # type: ignore[arg-type]


def published(on: str) -> TradeSecret:
    """The secret, published whole in a journal in 1991."""
    return secret(
        exposures=(PublicExposure(id="J", kind=ExposureKind.PUBLICATION, on="1991-05-01"),)
    )


def assess(day: str, *, s: TradeSecret | None = None, **kw: object) -> Assessment:
    return assess_trade_secret(s or secret(), as_of=day, measures=[agreement()], **kw)  # type: ignore[arg-type]


class TestStatute:
    def test_no_statute_before_1993_12_01(self) -> None:
        """On 1993-11-30 no statute defined a trade secret: not applicable, said so, never binding."""
        a = assess("1993-11-30")

        assert Outcome.NOT_APPLICABLE == a.outcome
        assert ["definition.law.no_statute"] == [f.code for f in a.findings]
        assert ["aucl@1993-09-02:10"] == [c.id for c in a.findings[0].context]
        assert not a.findings[0].binding

    def test_aucl_1993_from_1993_12_01(self) -> None:
        """From 1993-12-01 AUCL 1993 Art. 10 defines it; no interpretation yet, so the elements rest on it."""
        a = assess("1993-12-01")

        assert "aucl@1993-09-02:10" == a.citations[0].id
        assert Outcome.MET == a.outcome
        assert ["aucl@1993-09-02:10"] == [c.id for c in a.criterion(SECRECY).citations]
        assert ["aucl@1993-09-02:10"] == [c.id for c in a.criterion(MEASURES).citations]

    @pytest.mark.parametrize(
        ("day", "article"),
        [
            ("2017-12-31", "aucl@1993-09-02:10"),
            ("2018-01-01", "aucl@2017-11-04:9"),
            ("2019-04-22", "aucl@2017-11-04:9"),
            ("2019-04-23", "aucl@2019-04-23:9.4"),
            ("2025-10-14", "aucl@2019-04-23:9.4"),
            ("2025-10-15", "aucl@2025-06-27:10"),
        ],
    )
    def test_statutory_article_by_day(self, day: str, article: str) -> None:
        """The defining article is the one in force on the act date, on each side of each amendment."""
        assert article == assess(day).citations[0].id

    @pytest.mark.parametrize(
        ("day", "shift"),
        [
            ("2019-04-22", None),
            ("2019-04-23", "aucl@2019-04-23:32.1"),
            ("2025-10-15", "aucl@2025-06-27:39.1"),
        ],
    )
    def test_burden_shift_from_2019_04_23(self, day: str, shift: str | None) -> None:
        """No burden shift before AUCL 2019 Art. 32 (the claimant proved all, SPC 2007 Art. 14); AUCL 2025 Art. 39 after."""
        a = assess(day)

        found = {f.code: f for f in a.findings}
        if shift is None:
            assert "definition.burden.no_shift" in found
            assert "spc-unfair-comp@2007-01-12:14" in [
                c.id for c in found["definition.burden.no_shift"].citations
            ]
        else:
            assert shift == found["definition.burden.shift"].citations[0].id


class TestInterpretations:
    @pytest.mark.parametrize(
        ("day", "cited"),
        [
            ("2007-01-31", "aucl@1993-09-02:10"),
            ("2007-02-01", "spc-unfair-comp@2007-01-12:9.2.3"),
            ("2020-09-11", "spc-unfair-comp@2007-01-12:9.2.3"),
            ("2020-09-12", "spc-ts@2020-09-10:4.1.3"),
        ],
    )
    def test_publication_rests_on_the_law_of_the_day(self, day: str, cited: str) -> None:
        """A 1991 publication defeats secrecy in every period; what the finding rests on follows the day."""
        a = assess(day, s=published("1991-05-01"))

        c = a.criterion(SECRECY)
        assert Outcome.NOT_MET == c.outcome
        finding = next(f for f in c.findings if f.code == "definition.secrecy.item3")
        assert [cited] == [x.id for x in finding.citations]

    @pytest.mark.parametrize(
        ("day", "cited"),
        [
            ("2007-01-31", "aucl@1993-09-02:10"),
            ("2007-02-01", "spc-unfair-comp@2007-01-12:11.3.5"),
            ("2020-09-12", "spc-ts@2020-09-10:6.1.1"),
        ],
    )
    def test_agreement_is_an_item_of_the_list_of_the_day(self, day: str, cited: str) -> None:
        """An NDA is 2007 Art. 11(3) item 5, 2020 Art. 6 item 1; before 2007 the statute alone."""
        c = assess(day).criterion(MEASURES)

        assert Outcome.MET == c.outcome
        assert [cited] == [x.id for x in c.trace[0].citations]

    def test_before_act_rule_from_2020_09_12(self) -> None:
        """A measure starting on the act date counted under the 2007 list (2020-09-11), not under Art. 5(1) (2020-09-12)."""
        before = assess_trade_secret(
            secret(), as_of="2020-09-11", measures=[agreement(start="2020-09-11")]
        )
        on = assess_trade_secret(
            secret(), as_of="2020-09-12", measures=[agreement(start="2020-09-12")]
        )

        assert Outcome.MET == before.criterion(MEASURES).outcome
        assert Outcome.NOT_MET == on.criterion(MEASURES).outcome
        after = next(f for f in on.all_findings() if f.code == "definition.measures.after_act")
        assert "spc-ts@2020-09-10:5.1" == after.citations[0].id

    def test_stage_results_rule_from_2020_09_12(self) -> None:
        """SPC 2020 Art. 7(2) (stage results) is noted only from 2020-09-12; value rests on 2007 Art. 10 before."""
        before = assess("2020-09-11").criterion(VALUE)
        on = assess("2020-09-12").criterion(VALUE)

        assert "definition.value.stage_result" not in {f.code for f in before.findings}
        assert ["spc-unfair-comp@2007-01-12:10"] == [c.id for c in before.citations]
        assert "definition.value.stage_result" in {f.code for f in on.findings}

    def test_2007_interpretation_repealed_2022_03_20(self) -> None:
        """On 2022-03-20 nothing rests on the repealed 2007 interpretation any more."""
        a = assess("2022-03-20", s=published("1991-05-01"))

        cited = {c.id.split("@")[0] for f in a.all_findings() for c in f.citations}
        assert "spc-unfair-comp" not in cited

    @pytest.mark.parametrize("day", ["1993-11-30", "2000-06-01", "2010-06-01", "2019-01-01"])
    @pytest.mark.parametrize("locale", ["zh_CN", "en"])
    def test_explains_in_both_languages(self, day: str, locale: str) -> None:
        """Every period explains in both languages (no message is missing)."""
        assert explain(assess(day, s=published("1991-05-01")), locale=locale)
