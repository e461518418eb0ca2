"""Competitive relationship (Guiding Case 190): actual business, audience and markets."""

from __future__ import annotations

from tradesecret import explain
from tradesecret.law import Tier
from tradesecret.noncompete import BusinessProfile, assess_competition
from tradesecret.results import Criterion, Outcome
from tradesecret.serialization import from_json, to_json

WIND = BusinessProfile(
    name="Former Co",
    registered_scope=("software development", "information services"),
    business_lines=("financial data terminals",),
    products=("Financial terminal",),
    customers=("Banks", "Fund managers"),
    markets=("China",),
)


class TestCompetition:
    def test_registered_scope_alone_is_not_competition(self) -> None:
        """Same registered scope, different actual business: no competition (GC 190)."""
        new = BusinessProfile(
            name="Game Studio",
            registered_scope=("Software development",),
            business_lines=("mobile games",),
        )
        c = assess_competition(WIND, new, as_of="2025-10-01")
        assert Outcome.NOT_MET == c.outcome
        f = c.findings[0]
        assert ("noncompete.competition.registered_scope_only", "software development") == (
            f.code,
            f.arg("scope"),
        )
        assert "gc-190@2022-12-08" == c.citations[0].id
        assert Tier.LAW == c.tier  # LCL Art. 24(2) is also cited; GC 190 is a guiding case

    def test_actual_overlap_competes(self) -> None:
        """Same product, same customers: they compete; the overlap is named as written."""
        new = BusinessProfile(
            name="Rival Data",
            business_lines=("Financial data terminals", "news"),
            customers=("banks",),
            markets=("China",),
        )
        c = assess_competition(WIND, new, as_of="2025-10-01")
        assert Outcome.MET == c.outcome
        f = c.findings[0]
        assert ("financial data terminals", "Banks", "China") == (
            f.arg("business"),
            f.arg("customers"),
            f.arg("markets"),
        )

    def test_same_business_different_audience_and_market_contested(self) -> None:
        """Same kind of product but other customers and markets: contested."""
        new = BusinessProfile(
            name="Retail Apps",
            products=("financial terminal",),
            customers=("Retail investors",),
            markets=("Southeast Asia",),
        )
        c = assess_competition(WIND, new, as_of="2025-10-01")
        assert Outcome.CONTESTED == c.outcome
        assert "noncompete.competition.different_audience" == c.findings[0].code

    def test_no_overlap_without_registered_scope(self) -> None:
        """Nothing in common at all: not met, with the plain finding."""
        new = BusinessProfile(name="Bakery", business_lines=("bread",))
        c = assess_competition(WIND, new, as_of="2025-10-01")
        assert (Outcome.NOT_MET, "noncompete.competition.no_actual_overlap") == (
            c.outcome,
            c.findings[0].code,
        )

    def test_registered_scope_only_is_insufficient(self) -> None:
        """Only registered scopes given: the actual business must be shown."""
        new = BusinessProfile(name="Shell Co", registered_scope=("software development",))
        c = assess_competition(WIND, new, as_of="2025-10-01")
        assert Outcome.INSUFFICIENT_EVIDENCE == c.outcome

    def test_explain_and_json(self) -> None:
        """Both languages; JSON round trip of the input and the result."""
        new = BusinessProfile(name="Rival Data", business_lines=("financial data terminals",))
        c = assess_competition(WIND, new, as_of="2025-10-01")
        assert "Rival Data" in explain(c, locale="zh_CN") and "compete" in explain(c, locale="en")
        assert c == from_json(to_json(c), Criterion)
        assert WIND == from_json(to_json(WIND), BusinessProfile)
