"""Conduct preservation over time: CPL 2007, 2012, 2017, 2021, 2023 and the 2019 SPC provisions."""

from __future__ import annotations

import json
import re
from typing import Any

import attrs
import pytest

from tradesecret import explain
from tradesecret.casefile import EvidenceReview, example_text, load_case, review_case
from tradesecret.money import Money
from tradesecret.preservation import (
    BALANCE,
    CONTENTS,
    EX_PARTE,
    HARM,
    PUBLIC_INTEREST,
    REQUESTS,
    SECURITY,
    URGENCY,
    Application,
    Claim,
    ClaimedSecret,
    ClaimInput,
    HarmFacts,
    OrderKind,
    Party,
    PartyKind,
    PreservationAssessment,
    PublicInterestFacts,
    RequestedOrder,
    Security,
    Stage,
    UrgencyFacts,
    assess_preservation,
)
from tradesecret.results import Outcome


def app(**changes: Any) -> Application:
    """A pre-suit application whose facts favour the order under every version."""
    base = Application(
        id="M-T",
        applicant=Party(name="Applicant Co", kind=PartyKind.COMPANY),
        respondent=Party(name="Chen", kind=PartyKind.INDIVIDUAL),
        stage=Stage.PRE_SUIT,
        secrets=(ClaimedSecret(id="S1", title="Designs"),),
        orders=(
            RequestedOrder(
                kind=OrderKind.NOT_DISCLOSE,
                secrets=("S1",),
                description="Not to disclose",
                until_judgment_effective=True,
            ),
        ),
        urgency=UrgencyFacts(disclosure_imminent=True, questioning_may_defeat_enforcement=True),
        harm=HarmFacts(reputation_unrecoverable=True),
        public_interest=PublicInterestFacts.not_involved(),
        security=Security(amount=Money("100000")),
        claims=tuple(ClaimInput(claim=c, outcome=Outcome.MET) for c in Claim),
        court="Court A",
    )
    return attrs.evolve(base, **changes)


def at(day: str, **changes: Any) -> PreservationAssessment:
    return assess_preservation(app(**changes), as_of=day)


def ids(pa: PreservationAssessment) -> list[str]:
    return [c.id for c in pa.assessment.citations]


class TestBeforeConductPreservation:
    def test_day_before_cpl_2012(self) -> None:
        """2012-12-31: CPL 2007 knew property preservation only: not applicable, citing Arts. 92-93."""
        pa = at("2012-12-31")

        assert (Outcome.NOT_APPLICABLE, False) == (pa.outcome, pa.ready)
        assert ["cpl@2007-10-28:92", "cpl@2007-10-28:93"] == ids(pa)
        assert frozenset({"preservation.law.no_conduct_preservation"}) == pa.codes()

    def test_day_of_cpl_2012(self) -> None:
        """2013-01-01: CPL 2012 Art. 101 applies; the 2019 factors are not yet law."""
        pa = at("2013-01-01")

        assert ["cpl@2012-08-31:101"] == ids(pa)
        assert Outcome.MET == pa.outcome
        assert all(
            Outcome.NOT_APPLICABLE is pa.factor(c).outcome
            for c in (BALANCE, PUBLIC_INTEREST, EX_PARTE, REQUESTS, CONTENTS)
        )
        assert "preservation.law.factor_not_yet_law" in pa.codes()
        assert "cpl@2012-08-31:101" in [c.id for c in pa.factor(SECURITY).citations]
        assert "cpl@2012-08-31:101" in [c.id for c in pa.factor(HARM).citations]

    def test_no_security_fails_under_cpl_2012(self) -> None:
        """CPL 2012 Art. 101: 申请人应当提供担保 — no security, not met, citing Art. 101."""
        pa = at("2016-06-01", security=Security(amount=None))
        finding = next(f for f in pa.factor(SECURITY).findings)

        assert (Outcome.NOT_MET, Outcome.NOT_MET) == (pa.factor(SECURITY).outcome, pa.outcome)
        assert "preservation.gap.security_missing_pre_suit" == finding.code
        assert "cpl@2012-08-31:101" == finding.citations[0].id

    def test_no_urgency_fails_under_cpl_2012(self) -> None:
        """CPL 2012 Art. 101: 因情况紧急 — no urgent situation, pre-suit fails."""
        pa = at("2016-06-01", urgency=UrgencyFacts())

        assert Outcome.NOT_MET == pa.factor(URGENCY).outcome
        assert "cpl@2012-08-31:101" == pa.factor(URGENCY).findings[0].citations[0].id


class TestBoundaries:
    @pytest.mark.parametrize(
        ("day", "cited"),
        [
            ("2017-06-30", "cpl@2012-08-31:101"),
            ("2017-07-01", "cpl@2017-06-27:101"),
            ("2021-12-31", "cpl@2017-06-27:101"),
            ("2022-01-01", "cpl@2021-12-24:104"),
            ("2023-12-31", "cpl@2021-12-24:104"),
            ("2024-01-01", "cpl@2023-09-01:104"),
        ],
    )
    def test_cpl_version_of_the_day(self, day: str, cited: str) -> None:
        """The pre-suit article cited is the one in force that day (renumbered 101 -> 104 in 2022)."""
        assert cited in ids(at(day))

    def test_ip_provisions_day_before(self) -> None:
        """2018-12-31: balance and public interest are not yet rules; the headline rests on CPL 2017."""
        pa = at("2018-12-31")

        assert Outcome.NOT_APPLICABLE == pa.factor(BALANCE).outcome
        assert "spc-ip-preservation@2018-12-12:7" not in ids(pa)

    def test_ip_provisions_day_of(self) -> None:
        """2019-01-01: the five Art. 7 factors apply and are cited."""
        pa = at("2019-01-01")

        assert Outcome.MET == pa.factor(BALANCE).outcome
        assert ["spc-ip-preservation@2018-12-12:7", "cpl@2017-06-27:101"] == ids(pa)
        assert (Outcome.MET, True) == (pa.outcome, pa.ready)

    def test_trade_secret_provisions_from_2020_09_12(self) -> None:
        """SPC 2020 trade-secret provisions Art. 15 is cited from 2020-09-12, not the day before."""
        assert "spc-ts@2020-09-10:15" not in ids(at("2020-09-11"))
        assert "spc-ts@2020-09-10:15" in ids(at("2020-09-12"))


def shifted_example(year: int) -> dict[str, Any]:
    """The shipped preservation example with every date moved back to ``year``."""
    shift = 2025 - year
    text = re.sub(
        r'"(\d{4})-(\d\d-\d\d)',
        lambda m: f'"{int(m.group(1)) - shift:04d}-{m.group(2)}',
        example_text("preservation"),
    )
    data: dict[str, Any] = json.loads(text)
    return data


class TestShippedExampleInThePast:
    def test_2016_reviews_with_the_law_of_2016(self) -> None:
        """Moved to 2016, the example reviews without an input error and cites CPL 2012 Art. 101."""
        review = review_case(load_case(shifted_example(2016)))
        pa = next(r for r in review.results if isinstance(r, PreservationAssessment))

        assert ["cpl@2012-08-31:101"] == ids(pa)
        assert Outcome.NOT_APPLICABLE == pa.factor(BALANCE).outcome
        evaluation = next(r for r in review.results if isinstance(r, EvidenceReview)).evaluation
        cited = {c.id for crit in evaluation.assessment.criteria for c in crit.citations}
        assert not any(c.startswith("spc-ts@") for c in cited)
        assert {"aucl@1993-09-02:10", "spc-unfair-comp@2007-01-12:11"} <= cited
        for locale in ("zh_CN", "en"):
            assert explain(pa, locale=locale, format="markdown")

    def test_2011_says_there_was_no_conduct_preservation(self) -> None:
        """Moved to 2011, the example reviews: not applicable, citing CPL 2007 Arts. 92-93."""
        review = review_case(load_case(shifted_example(2011)))
        pa = next(r for r in review.results if isinstance(r, PreservationAssessment))

        assert Outcome.NOT_APPLICABLE == pa.outcome
        assert "preservation.law.no_conduct_preservation" in pa.codes()
        text = explain(pa, locale="en", format="text")
        assert "property preservation only" in text
