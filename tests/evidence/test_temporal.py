"""Temporal consistency: measures before the act, access before copy before disclosure,
events after departure, items collected before what they record."""

from __future__ import annotations

import pendulum

from tradesecret.dates import to_datetime as t
from tradesecret.evidence import (
    ClaimCode,
    EventKind,
    EvidenceGraph,
    Measure,
    MeasureKind,
    check_temporal,
    evaluate,
)
from tradesecret.evidence.example import example_builder
from tradesecret.results import Outcome, Severity

AS_OF = pendulum.Date(2025, 4, 10)


def codes(graph: EvidenceGraph) -> list[str]:
    """Temporal finding codes, sorted."""
    return sorted(f.code for f in check_temporal(graph))


class TestTemporal:
    """Each temporal rule."""

    def test_example(self, example: EvidenceGraph) -> None:
        """The worked example: only the access two days after Wang left is flagged."""
        (finding,) = check_temporal(example)
        assert ("evidence.temporal.after_departure", Severity.HIGH) == (
            finding.code,
            finding.severity,
        )
        assert (1, pendulum.Date(2025, 4, 2), pendulum.Date(2025, 3, 31)) == (
            finding.arg("count"),
            finding.arg("first"),
            finding.arg("left"),
        )

    def test_measure_after_act(self) -> None:
        """A measure introduced after the first download does not count (SPC Art. 5(1))."""
        b = example_builder()
        b.add(
            Measure(
                id="M-late",
                kind=MeasureKind.DEVICE_RESTRICTIONS,
                since=t("2025-03-20T00:00:00+08:00"),
            )
        )
        b.protected_by("doc-dwg", "M-late")
        b.supports("E-policy", "M-late")
        g = b.build()
        late = [f for f in check_temporal(g) if f.code == "evidence.temporal.measure_after_act"]
        assert ["M-late"] == [f.subject for f in late]
        assert pendulum.Date(2025, 3, 18) == late[0].arg("act")
        assert "spc-ts@2020-09-10:5.1" == late[0].citations[0].id
        ev = evaluate(g, as_of=AS_OF)
        assert "evidence.temporal.measure_after_act" in ev.assessment.codes()
        assert ("E-nda", "E-policy") == ev.claim(ClaimCode.MEASURES).evidence

    def test_undated_measure(self) -> None:
        """A measure whose date is not stated is not said to come after the act (issue 12): its date is missing."""
        b = example_builder()
        b.add(Measure(id="M-undated", kind=MeasureKind.OTHER))
        b.protected_by("S-gear", "M-undated")
        found = codes(b.build())

        assert "evidence.temporal.measure_date_unknown" in found
        assert "evidence.temporal.measure_after_act" not in found

    def test_copy_before_access(self) -> None:
        """A copy earlier than the first recorded access of that carrier is flagged."""
        b = example_builder()
        b.event(
            id="early-copy",
            kind=EventKind.COPY,
            by="wang",
            on="doc-spec",
            at=t("2025-03-01T09:00:00+08:00"),
        )
        assert "evidence.temporal.copy_before_access" in codes(b.build())

    def test_disclosure_before_access(self) -> None:
        """A disclosure before any contact with the carrier is flagged."""
        b = example_builder()
        b.event(
            id="early-use",
            kind=EventKind.DISCLOSURE,
            by="wang",
            on="doc-dwg",
            at=t("2025-03-02T09:00:00+08:00"),
        )
        assert "evidence.temporal.disclosure_before_access" in codes(b.build())

    def test_disclosure_after_copy_is_fine(self) -> None:
        """Access, copy, then disclosure raises nothing about order."""
        b = example_builder()
        b.event(
            id="use",
            kind=EventKind.DISCLOSURE,
            by="wang",
            on="doc-dwg",
            at=t("2025-03-30T09:00:00+08:00"),
        )
        assert ["evidence.temporal.after_departure"] == codes(b.build())

    def test_evidence_before_event(self) -> None:
        """An item cannot record an event after its collection."""
        b = example_builder()
        b.event(
            id="future",
            kind=EventKind.ACCESS,
            by="acme",
            on="doc-dwg",
            at=t("2025-05-01T09:00:00+08:00"),
            source="E-mail",
        )
        found = [
            f
            for f in check_temporal(b.build())
            if f.code == "evidence.temporal.evidence_before_event"
        ]
        assert [("E-mail", "future")] == [(f.arg("item"), f.arg("event")) for f in found]

    def test_departure_event(self) -> None:
        """A departure event alone (no departed_at) is enough."""
        b = example_builder()
        b.event(id="x-leave", kind=EventKind.DEPARTURE, by="it", at=t("2025-01-01T00:00:00+08:00"))
        b.event(
            id="x-view",
            kind=EventKind.ACCESS,
            by="it",
            on="doc-dwg",
            at=t("2025-01-02T00:00:00+08:00"),
        )
        subjects = [
            f.subject for f in check_temporal(b.build()) if f.code.endswith("after_departure")
        ]
        assert ["it", "wang"] == sorted(s or "" for s in subjects)

    def test_outcome_unaffected_by_flags(self, example: EvidenceGraph) -> None:
        """Flags are findings; they do not change claim outcomes by themselves."""
        assert Outcome.MET == evaluate(example, as_of=AS_OF).outcome


class TestDepartureBoundary:
    """An event exactly at the departure timestamp is not after it; one microsecond later is."""

    LEFT = "2025-03-31T18:00:00+08:00"

    def graph(self, at: pendulum.DateTime) -> EvidenceGraph:
        """The example plus one view of the specification by Wang at ``at``."""
        b = example_builder()
        b.event(id="edge-view", kind=EventKind.ACCESS, by="wang", on="doc-spec", at=at)
        return b.build()

    def late(self, graph: EvidenceGraph) -> tuple[int, pendulum.Date]:
        """(count, first day) of Wang's after-departure finding."""
        (finding,) = [
            f for f in check_temporal(graph) if f.code == "evidence.temporal.after_departure"
        ]
        return finding.arg("count"), finding.arg("first")  # type: ignore[return-value]

    def test_at_departure(self) -> None:
        """At the very instant of departure: not flagged (only the view of 2 April is)."""
        assert (1, pendulum.Date(2025, 4, 2)) == self.late(self.graph(t(self.LEFT)))

    def test_just_after_departure(self) -> None:
        """One microsecond after departure: flagged, dated the day he left."""
        at = t(self.LEFT).add(microseconds=1)
        assert (2, pendulum.Date(2025, 3, 31)) == self.late(self.graph(at))

    def test_same_instant_other_offset(self) -> None:
        """The same instant written in UTC is still not after the departure."""
        assert (1, pendulum.Date(2025, 4, 2)) == self.late(
            self.graph(t("2025-03-31T10:00:00+00:00"))
        )

    def test_departure_event_earlier_than_departed_at(self) -> None:
        """The earlier of departed_at and a departure event counts as the departure."""
        b = example_builder()
        b.event(
            id="leave-early", kind=EventKind.DEPARTURE, by="wang", at=t("2025-03-29T09:00:00+08:00")
        )
        (finding,) = [
            f for f in check_temporal(b.build()) if f.code == "evidence.temporal.after_departure"
        ]
        assert (1, pendulum.Date(2025, 3, 29)) == (finding.arg("count"), finding.arg("left"))


class TestMeasureBoundary:
    """A measure in place at the very instant of the first act does not predate it."""

    def graph(self, since: str) -> EvidenceGraph:
        """The example plus a device restriction on the drawing from ``since``."""
        b = example_builder()
        b.add(Measure(id="M-edge", kind=MeasureKind.DEVICE_RESTRICTIONS, since=t(since)))
        b.protected_by("doc-dwg", "M-edge")
        return b.build()

    def late(self, graph: EvidenceGraph) -> list[str]:
        """Measures flagged as not predating the first act."""
        return [
            f.subject or ""
            for f in check_temporal(graph)
            if f.code == "evidence.temporal.measure_after_act"
        ]

    def test_at_first_act(self) -> None:
        """Since the exact time of the first download (2025-03-18 20:40): flagged."""
        g = self.graph("2025-03-18T20:40:00+08:00")
        assert ["M-edge"] == self.late(g)
        ev = evaluate(g, as_of=AS_OF)
        assert "evidence.temporal.measure_after_act" in ev.assessment.codes()

    def test_just_before_first_act(self) -> None:
        """One second earlier: it predates the act, nothing is flagged."""
        g = self.graph("2025-03-18T20:39:59+08:00")
        assert [] == self.late(g)
        assert (
            "evidence.temporal.measure_after_act" not in evaluate(g, as_of=AS_OF).assessment.codes()
        )
