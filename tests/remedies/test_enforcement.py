"""AUCL fine bands and civil damages by version, at each boundary date."""

from __future__ import annotations

from typing import Any

import pendulum
import pytest

from tradesecret import explain
from tradesecret.facts import Tri
from tradesecret.money import Money
from tradesecret.remedies import FineBand, InfringingAct, review_enforcement
from tradesecret.rulebook import Rulebook

D = pendulum.date
AS_OF = D(2026, 3, 1)


def _act(day: pendulum.Date, **kw: Any) -> InfringingAct:
    return InfringingAct(start=day, end=day, operator=True, **kw)


@pytest.mark.parametrize(
    ("day", "version", "band", "fine"),
    [
        (D(2017, 12, 31), "1993-09-02", FineBand.SINGLE, ("10000", "200000")),
        (D(2018, 1, 1), "2017-11-04", FineBand.SERIOUS, ("500000", "3000000")),
        (D(2019, 4, 22), "2017-11-04", FineBand.SERIOUS, ("500000", "3000000")),
        (D(2019, 4, 23), "2019-04-23", FineBand.SERIOUS, ("500000", "5000000")),
        (D(2025, 10, 14), "2019-04-23", FineBand.SERIOUS, ("500000", "5000000")),
        (D(2025, 10, 15), "2025-06-27", FineBand.SERIOUS, ("1000000", "5000000")),
    ],
)
def test_serious_band_by_version(
    rb: Rulebook, day: pendulum.Date, version: str, band: FineBand, fine: tuple[str, str]
) -> None:
    """A serious act: the band of the version in force that day (1993: one band only)."""
    r = review_enforcement(_act(day, serious=True), as_of=AS_OF, rulebook=rb)
    assert version == r.version
    assert band is r.band
    assert tuple(Money(a) for a in fine) == tuple(d.value for d in r.fine)


@pytest.mark.parametrize(
    ("day", "fine", "cap"),
    [
        (D(2017, 12, 31), ("10000", "200000"), None),
        (D(2018, 1, 1), ("100000", "500000"), "3000000"),
        (D(2019, 4, 23), ("100000", "1000000"), "5000000"),
        (D(2025, 10, 15), ("100000", "1000000"), "5000000"),
    ],
)
def test_ordinary_band_and_damages_cap(
    rb: Rulebook, day: pendulum.Date, fine: tuple[str, str], cap: str | None
) -> None:
    """Ordinary band and the statutory damages maximum (none in the 1993 text)."""
    r = review_enforcement(_act(day, serious=False), as_of=AS_OF, rulebook=rb)
    assert tuple(Money(a) for a in fine) == tuple(d.value for d in r.fine)
    assert (None if cap is None else Money(cap)) == (r.damages_cap.value if r.damages_cap else None)


def test_punitive_by_version(rb: Rulebook) -> None:
    """No punitive damages before 2019-04-23; 1-5x for malice (2019), for intent (2025)."""
    before = review_enforcement(
        _act(D(2019, 4, 22), malicious=True, serious=True), as_of=AS_OF, rulebook=rb
    )
    assert () == before.punitive
    assert Tri.FALSE is before.punitive_available
    malicious = review_enforcement(
        _act(D(2019, 4, 23), malicious=True, serious=True), as_of=AS_OF, rulebook=rb
    )
    assert ("1", "5") == tuple(str(d.value) for d in malicious.punitive)
    assert Tri.TRUE is malicious.punitive_available
    assert "remedies.damages.loss_first" in malicious.codes()
    intent = review_enforcement(
        _act(D(2025, 10, 15), malicious=True, serious=True), as_of=AS_OF, rulebook=rb
    )
    assert Tri.UNKNOWN is intent.punitive_available  # 2025 asks for intent, not malice
    assert ("act.intentional",) == intent.open[-1].facts
    assert "remedies.damages.loss_or_gains" in intent.codes()


def test_2017_operators_only(rb: Rulebook) -> None:
    """Under AUCL 2017 only business operators are fined; from 2019 others too."""
    r = review_enforcement(
        InfringingAct(start=D(2018, 6, 1), end=D(2018, 6, 1), operator=False),
        as_of=AS_OF,
        rulebook=rb,
    )
    assert FineBand.NOT_LIABLE is r.band
    r2019 = review_enforcement(
        InfringingAct(start=D(2019, 6, 1), end=D(2019, 6, 1), operator=False, serious=False),
        as_of=AS_OF,
        rulebook=rb,
    )
    assert FineBand.ORDINARY is r2019.band


def test_act_spanning_a_change(rb: Rulebook) -> None:
    """An act from 2025-09-01 to 2025-11-01 is judged under AUCL 2025, and the result says why."""
    r = review_enforcement(
        InfringingAct(start=D(2025, 9, 1), end=D(2025, 11, 1), serious=True),
        as_of=AS_OF,
        rulebook=rb,
    )
    assert "2025-06-27" == r.version
    found = next(f for f in r.findings if f.code == "remedies.enforcement.spans_change")
    assert "2019-04-23" == found.arg("first")
    assert "spc-ts@2020-09-10:28" in {c.id for c in found.context}


def test_seriousness_unknown_shows_both_bands(rb: Rulebook) -> None:
    """Seriousness not stated: both bands, and the fact named as missing."""
    r = review_enforcement(_act(D(2020, 1, 1)), as_of=AS_OF, rulebook=rb)
    assert FineBand.EITHER is r.band
    assert 4 == len(r.fine)
    assert ("act.serious",) == r.open[0].facts


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_explain_both_locales(rb: Rulebook, locale: str) -> None:
    """The enforcement review renders in both locales."""
    r = review_enforcement(_act(D(2025, 10, 15)), as_of=AS_OF, rulebook=rb)
    text = explain(r, locale=locale)
    assert "5,000,000.00" in text
