"""The agreed penalty and its adjustment, by the law in force: numbers from the legal text."""

from __future__ import annotations

import pendulum
import pytest

from tradesecret import explain
from tradesecret.money import Money
from tradesecret.remedies import Adjustment, PenaltyFacts, review_penalty
from tradesecret.rulebook import Rulebook

D = pendulum.date
HIGH = PenaltyFacts(agreed=Money("1000000"), loss=Money("200000"))


class TestExcessiveLine:
    def test_130_percent_line_from_2023_12_05(self, rb: Rulebook) -> None:
        """1,000,000 against a loss of 200,000: above the 130 % line of 260,000, reduction likely unless malicious."""
        r = review_penalty(HIGH, as_of=D(2023, 12, 5), facts_day=D(2023, 6, 1), rulebook=rb)
        assert Money("260000.00") == r.line("remedies.line.excessive").value
        assert Adjustment.REDUCTION_LIKELY_UNLESS_MALICIOUS is r.adjustment
        assert "spc-contract-general@2023-12-04:65.2" in {
            c.id for c in r.line("remedies.line.excessive").citations
        }
        assert "remedies.penalty.burden_on_breaching_party" in r.codes()

    def test_day_before_2023_interpretation_no_figure(self, rb: Rulebook) -> None:
        """On 2023-12-04 the Civil Code sets no figure: reduction possible, no 130 % line."""
        r = review_penalty(HIGH, as_of=D(2023, 12, 4), facts_day=D(2023, 6, 1), rulebook=rb)
        assert Adjustment.REDUCTION_POSSIBLE is r.adjustment
        assert () == r.lines
        assert {
            "remedies.penalty.no_figure_in_force",
            "remedies.penalty.reduction_possible",
        } <= r.codes()

    def test_malicious_breach_no_reduction(self, rb: Rulebook) -> None:
        """A malicious breacher's request to reduce is generally refused (Art. 65(3))."""
        facts = PenaltyFacts(agreed=Money("1000000"), loss=Money("200000"), malicious=True)
        r = review_penalty(facts, as_of=D(2024, 1, 10), facts_day=D(2023, 6, 1), rulebook=rb)
        assert Adjustment.REDUCTION_UNLIKELY_MALICIOUS is r.adjustment
        found = next(f for f in r.findings if f.code == "remedies.penalty.malicious_no_reduction")
        assert ("spc-contract-general@2023-12-04:65.3",) == tuple(c.id for c in found.citations)

    def test_not_malicious_reduction_likely(self, rb: Rulebook) -> None:
        """Stated not malicious: reduction likely, nothing left open."""
        facts = PenaltyFacts(agreed=Money("1000000"), loss=Money("200000"), malicious=False)
        r = review_penalty(facts, as_of=D(2024, 1, 10), facts_day=D(2023, 6, 1), rulebook=rb)
        assert Adjustment.REDUCTION_LIKELY is r.adjustment
        assert () == r.open

    def test_2009_interpretation_before_civil_code(self, rb: Rulebook) -> None:
        """A 2020 breach decided in 2024 follows Contract Law Art. 114 and the 2009 30 % rule."""
        r = review_penalty(HIGH, as_of=D(2024, 3, 1), facts_day=D(2020, 5, 1), rulebook=rb)
        assert D(2020, 12, 31) == r.law_day
        assert Money("260000.00") == r.line("remedies.line.excessive").value
        assert "spc-contract-2@2009-04-24:29.2" in {
            c.id for c in r.line("remedies.line.excessive").citations
        }
        assert Adjustment.REDUCTION_LIKELY is r.adjustment  # no malicious-breach bar then
        assert ("contract-law@1999-10-01:114",) == tuple(c.id for c in r.citations)

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (D(2009, 5, 12), Adjustment.REDUCTION_POSSIBLE),
            (D(2009, 5, 13), Adjustment.REDUCTION_LIKELY),
        ],
    )
    def test_2009_boundary(self, rb: Rulebook, day: pendulum.Date, expected: Adjustment) -> None:
        """The 2009 interpretation's 30 % rule applies from 2009-05-13, not the day before."""
        r = review_penalty(HIGH, as_of=day, facts_day=day, rulebook=rb)
        assert expected is r.adjustment

    def test_within_line(self, rb: Rulebook) -> None:
        """250,000 against 200,000 is above the loss but within the 260,000 line: none indicated."""
        facts = PenaltyFacts(agreed=Money("250000"), loss=Money("200000"))
        r = review_penalty(facts, as_of=D(2024, 3, 1), facts_day=D(2024, 1, 1), rulebook=rb)
        assert Adjustment.NONE_INDICATED is r.adjustment


class TestIncrease:
    def test_below_loss_increase_or_damages(self, rb: Rulebook) -> None:
        """100,000 against a loss of 300,000: increase or damages up to the loss (shortfall 200,000)."""
        facts = PenaltyFacts(agreed=Money("100000"), loss=Money("300000"))
        r = review_penalty(facts, as_of=D(2024, 3, 1), facts_day=D(2024, 1, 1), rulebook=rb)
        assert Adjustment.INCREASE_POSSIBLE is r.adjustment
        assert Money("200000") == r.shortfall
        assert ("civil-code@2020-05-28:585.2",) == tuple(c.id for c in r.citations)[:1]

    def test_below_loss_2009_increase_capped(self, rb: Rulebook) -> None:
        """Under the 2009 interpretation an increase is capped at the loss (Art. 28 cited)."""
        facts = PenaltyFacts(agreed=Money("100000"), loss=Money("300000"))
        r = review_penalty(facts, as_of=D(2019, 3, 1), facts_day=D(2019, 1, 1), rulebook=rb)
        found = next(f for f in r.findings if f.code == "remedies.penalty.increase_possible")
        assert "spc-contract-2@2009-04-24:28" in {c.id for c in found.citations}


class TestUnknownAndReferences:
    def test_loss_unknown_undetermined(self, rb: Rulebook) -> None:
        """Without a stated loss nothing is predicted: undetermined, the loss named as missing."""
        r = review_penalty(
            PenaltyFacts(agreed=Money("1000000")),
            as_of=D(2024, 3, 1),
            facts_day=D(2024, 1, 1),
            rulebook=rb,
        )
        assert Adjustment.UNDETERMINED is r.adjustment
        assert ("loss",) == r.open[0].facts
        loss = next(f for f in r.factors if f.code == "remedies.factor.loss")
        assert not loss.known

    def test_guidance_line_is_a_reference(self, rb: Rulebook) -> None:
        """The MOHRSS 5x total compensation is a guidance reference line from 2025-09-12, not a cap."""
        facts = PenaltyFacts(
            agreed=Money("1000000"), loss=Money("900000"), total_compensation=Money("120000")
        )
        r = review_penalty(facts, as_of=D(2025, 9, 12), facts_day=D(2025, 9, 1), rulebook=rb)
        line = r.line("remedies.line.guidance_multiple")
        assert Money("600000.00") == line.value
        assert not line.binding
        assert Adjustment.NONE_INDICATED is r.adjustment  # within 130 % of 900,000
        before = review_penalty(facts, as_of=D(2025, 9, 11), facts_day=D(2025, 9, 1), rulebook=rb)
        assert "remedies.line.guidance_multiple" not in {d.rule for d in before.lines}

    def test_factors_known_and_unknown(self, rb: Rulebook) -> None:
        """Every factor is listed, stated or not."""
        facts = PenaltyFacts(agreed=Money("1"), loss=Money("1"), compensation_paid=Money("60000"))
        r = review_penalty(facts, as_of=D(2024, 3, 1), facts_day=D(2024, 1, 1), rulebook=rb)
        known = {f.code: f.known for f in r.factors}
        assert {
            "remedies.factor.loss": True,
            "remedies.factor.compensation_paid": True,
            "remedies.factor.income": False,
            "remedies.factor.malice": False,
            "remedies.factor.breach_days": False,
        } == known

    @pytest.mark.parametrize("locale", ["zh_CN", "en"])
    def test_explain_both_locales(self, rb: Rulebook, locale: str) -> None:
        """The review renders in both locales with the line amount and what is missing."""
        r = review_penalty(HIGH, as_of=D(2024, 3, 1), facts_day=D(2024, 1, 1), rulebook=rb)
        text = explain(r, locale=locale, format="markdown")
        assert "260,000.00" in text
        assert "breach.malicious" in text
