"""Unknown facts in the evidence chain: a measure's date not stated is neither counted nor "after the act"."""

from __future__ import annotations

from typing import Any

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from tradesecret import explain
from tradesecret.dates import to_datetime
from tradesecret.evidence import (
    Agreement,
    AgreementKind,
    Carrier,
    ClaimCode,
    EventKind,
    EvidenceEvaluation,
    EvidenceGraphBuilder,
    EvidenceItem,
    EvidenceKind,
    Measure,
    MeasureKind,
    Party,
    PartyRole,
    Secret,
    evaluate,
)
from tradesecret.evidence.export import from_json, to_json
from tradesecret.facts import UNKNOWN
from tradesecret.results import Outcome

AS_OF = pendulum.Date(2025, 4, 10)
ACT = "2025-03-28T22:10:00+08:00"
BEFORE, AFTER = "2024-01-01T00:00:00+08:00", "2025-03-30T00:00:00+08:00"
SHA = "0" * 64


def graph(measure: Any, agreement: Any) -> Any:
    """A small chain: one secret, one carrier, one forward to a personal mailbox, a measure and an NDA."""
    b = EvidenceGraphBuilder()
    b.add(Party(id="acme", name="ACME", role=PartyRole.COMPANY))
    b.add(Party(id="wang", name="Wang", role=PartyRole.FORMER_EMPLOYEE))
    b.add(Secret(id="S", name="Profile"))
    b.add(Carrier(id="doc", name="spec.pdf"))
    b.embodies("doc", "S")
    b.owns("acme", "S")
    since = UNKNOWN if measure is UNKNOWN else to_datetime(measure)
    signed = UNKNOWN if agreement is UNKNOWN else to_datetime(agreement)
    b.add(Measure(id="M1", kind=MeasureKind.MARKING_AND_ACCESS_LIMITS, since=since))
    b.add(Agreement(id="A1", kind=AgreementKind.NDA, signed_at=signed))
    b.protected_by("doc", "M1")
    b.protected_by("S", "A1")
    b.bound_by("wang", "A1")
    for item, kind in (("E1", EvidenceKind.POLICY_RECORD), ("E2", EvidenceKind.CONTRACT)):
        b.add(
            EvidenceItem(
                id=item,
                kind=kind,
                sha256=SHA,
                collected_by="acme",
                collected_at=to_datetime("2025-04-05T10:00:00+08:00"),
            )
        )
    b.supports("E1", "M1")
    b.supports("E2", "A1")
    b.event(id="mail", kind=EventKind.SEND_PERSONAL, by="wang", on="doc", at=to_datetime(ACT))
    return b.build()


def run(measure: Any, agreement: Any) -> EvidenceEvaluation:
    return evaluate(graph(measure, agreement), as_of=AS_OF, secret="S", respondent="wang")


class TestMeasureDate:
    def test_undated_measure_is_missing_not_late(self) -> None:
        """Measure date not stated: no "after the act" finding; the date is listed as missing."""
        ev = run(UNKNOWN, UNKNOWN)
        measures = ev.claim(ClaimCode.MEASURES)

        assert "evidence.temporal.measure_after_act" not in ev.assessment.codes()
        assert {"M1.since", "A1.signed_at"} == {m.fact for m in ev.missing()}
        assert Outcome.INSUFFICIENT_EVIDENCE == measures.outcome
        assert all(u.decisive for u in measures.open)

    def test_dated_before_counts(self) -> None:
        """Both dated before the act: the measures claim is met and nothing is missing."""
        ev = run(BEFORE, BEFORE)

        assert Outcome.MET == ev.outcome_of(ClaimCode.MEASURES)
        assert () == ev.missing()

    def test_dated_after_is_found_late(self) -> None:
        """Dated after the act: the high finding of SPC 2020 Art. 5(1), citing it."""
        ev = run(AFTER, AFTER)
        late = [
            f for f in ev.assessment.findings if f.code == "evidence.temporal.measure_after_act"
        ]

        assert {"M1", "A1"} == {f.subject for f in late}
        assert "spc-ts@2020-09-10:5.1" == late[0].citations[0].id

    def test_missing_list_in_both_locales(self) -> None:
        """The explanation opens with what is missing, in Chinese and in English."""
        ev = run(UNKNOWN, UNKNOWN)
        en = explain(ev, locale="en", format="markdown")
        zh = explain(ev, locale="zh_CN", format="markdown")

        assert en.index("What is missing") < en.index("Claims")
        assert "M1.since — not stated; decides:" in en
        assert zh.index("尚缺事实") < zh.index("请求要件")

    def test_json_round_trip_keeps_not_stated(self) -> None:
        """A measure date not stated is null in JSON and reads back as not stated."""
        g = graph(UNKNOWN, BEFORE)
        back = from_json(to_json(g))
        node = back.node("M1")

        assert isinstance(node, Measure)
        assert node.since is UNKNOWN

    def test_undated_measure_beside_a_dated_nda_changes_nothing(self) -> None:
        """The NDA signed before the act establishes the measures: the undated one is listed, not decisive."""
        ev = run(UNKNOWN, BEFORE)

        assert Outcome.MET == ev.outcome_of(ClaimCode.MEASURES)
        assert [("M1.since", False)] == [(m.fact, m.decisive) for m in ev.missing()]

    def test_none_reads_as_not_stated(self) -> None:
        """``since=None`` (the old spelling) is read as not stated, never as "after the act"."""
        assert Measure(id="M", kind=MeasureKind.OTHER, since=None).since is UNKNOWN


DATES = (BEFORE, AFTER)


class TestUnknownFactsProperty:
    @given(st.sampled_from((UNKNOWN, *DATES)), st.sampled_from((UNKNOWN, *DATES)))
    def test_decided_holds_and_undetermined_turns(self, measure: Any, agreement: Any) -> None:
        """A claim with no decisive open rule keeps its outcome under every filling; an undetermined one changes under one."""
        ev = run(measure, agreement)
        fills = [
            run(m, a)
            for m in ((measure,) if measure is not UNKNOWN else DATES)
            for a in ((agreement,) if agreement is not UNKNOWN else DATES)
        ]
        for criterion in ev.assessment.criteria:
            after = {f.assessment.criterion(criterion.code).outcome for f in fills}
            if not any(u.decisive for u in criterion.open):
                assert {criterion.outcome} == after, criterion.code
            elif criterion.outcome is Outcome.INSUFFICIENT_EVIDENCE:
                assert after - {criterion.outcome}, criterion.code
