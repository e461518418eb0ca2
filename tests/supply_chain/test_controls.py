"""Production-floor controls: what is missing, jammers only where lawful, video retention."""

from __future__ import annotations

import attrs
import pytest

from tradesecret.dates import to_date
from tradesecret.exceptions import InvalidInputError
from tradesecret.i18n import explain
from tradesecret.measures import MeasureKind
from tradesecret.results import Outcome
from tradesecret.serialization import from_json, to_json
from tradesecret.supply_chain import (
    DestructionRecord,
    FloorControlReport,
    FloorControls,
    check_floor_controls,
    floor_measures,
)


@pytest.fixture
def full() -> FloorControls:
    """Every control in place, one filmed destruction."""
    return FloorControls(
        site="F-A line 2",
        phones_prohibited=True,
        staff_count=40,
        code_of_conduct_signed=40,
        supervisor_on_site=True,
        daily_log=True,
        daily_photos=True,
        destructions=(
            DestructionRecord(id="D-1", destroyed_on=to_date("2025-08-31"), video_ref="vid-001"),
        ),
    )


def check(controls: FloorControls, as_of: str = "2026-01-15") -> FloorControlReport:
    return check_floor_controls(controls, as_of=as_of)


class TestChecklist:
    def test_all_in_place(self, full: FloorControls) -> None:
        """Everything in place and no jammer: met, nothing missing."""
        report = check(full)

        assert Outcome.MET == report.assessment.outcome
        assert () == report.not_in_place
        assert (
            Outcome.NOT_APPLICABLE
            == report.assessment.criterion("supply_chain.controls.jammer").outcome
        )

    @pytest.mark.parametrize(
        ("change", "missing", "code"),
        [
            (
                {"phones_prohibited": False},
                ("phones",),
                "supply_chain.controls.missing.prohibit_phones",
            ),
            (
                {"code_of_conduct_signed": 39},
                ("code_of_conduct",),
                "supply_chain.controls.missing.code_of_conduct",
            ),
            (
                {"supervisor_on_site": False},
                ("supervisor",),
                "supply_chain.controls.missing.supervisor",
            ),
            ({"daily_log": False}, ("supervisor",), "supply_chain.controls.missing.daily_log"),
            (
                {"daily_photos": False},
                ("supervisor",),
                "supply_chain.controls.missing.daily_photos",
            ),
            (
                {"signal_jammer_installed": True},
                ("jammer",),
                "supply_chain.controls.missing.jammer_lawful_basis",
            ),
        ],
    )
    def test_each_missing_control(
        self, full: FloorControls, change: dict[str, object], missing: tuple[str, ...], code: str
    ) -> None:
        """Each control that is not in place is reported by name, with a finding and a remedy."""
        report = check(attrs.evolve(full, **change))  # type: ignore[arg-type]

        assert missing == report.not_in_place
        assert {code} == report.assessment.codes()
        assert Outcome.NOT_MET == report.assessment.outcome

    def test_jammer_with_lawful_basis(self, full: FloorControls) -> None:
        """A jammer with a recorded basis is met, and the report says the lawfulness is the owner's assessment."""
        report = check(
            attrs.evolve(full, signal_jammer_installed=True, jammer_lawful_basis="Permit 2026-17")
        )
        jammer = report.assessment.criterion("supply_chain.controls.jammer")

        assert Outcome.MET == jammer.outcome
        assert ["supply_chain.controls.jammer_owner_assessment"] == [
            f.code for f in jammer.findings
        ]
        assert not jammer.binding

    def test_unchecked_controls(self) -> None:
        """Controls not checked are undetermined, each naming the fact that is missing."""
        report = check(FloorControls(site="S"))

        assert Outcome.INSUFFICIENT_EVIDENCE == report.assessment.outcome
        assert frozenset() == report.assessment.codes()
        assert {
            "phones_prohibited",
            "code_of_conduct_signed",
            "staff_count",
            "supervisor_on_site",
            "daily_log",
            "daily_photos",
        } == {m.fact for m in report.assessment.missing()}

    def test_one_missing_control_decides_despite_unknowns(self) -> None:
        """A supervisor stated absent fails the criterion whatever the log and photos are."""
        report = check(FloorControls(site="S", supervisor_on_site=False))

        assert (
            Outcome.NOT_MET
            == report.assessment.criterion("supply_chain.controls.supervisor").outcome
        )
        assert Outcome.NOT_MET == report.assessment.outcome

    def test_missing_means_facts_not_stated(self) -> None:
        """``missing()`` lists facts not stated; ``not_in_place`` lists controls that fail."""
        report = check(FloorControls(site="S", supervisor_on_site=False))

        assert ("supervisor",) == report.not_in_place
        assert report.assessment.missing() == report.missing()
        assert {"phones_prohibited", "code_of_conduct_signed", "staff_count"} <= {
            m.fact for m in report.missing()
        }
        assert "supervisor_on_site" not in {m.fact for m in report.missing()}


class TestRetention:
    def test_six_months_from_month_end(self, full: FloorControls) -> None:
        """A destruction on 31 August 2025 must stay on video until 28 February 2026 (month-end rule)."""
        (deadline,) = check(full).retention

        assert (to_date("2026-02-28"), 6, False) == (
            deadline.keep_until,
            deadline.months,
            deadline.ended,
        )

    @pytest.mark.parametrize(("as_of", "ended"), [("2026-02-28", False), ("2026-03-01", True)])
    def test_ended_flag(self, full: FloorControls, as_of: str, ended: bool) -> None:
        """The retention period has ended only after its last day."""
        assert ended == check(full, as_of).retention[0].ended

    def test_retention_rests_on_practice(self, full: FloorControls) -> None:
        """The six-month retention is a practice figure: its finding is not binding, SPC Art. 6 only context."""
        record = attrs.evolve(full.destructions[0], video_deleted_on=to_date("2025-10-01"))
        report = check(attrs.evolve(full, destructions=(record,)))
        (finding,) = report.assessment.criterion("supply_chain.controls.destruction_video").findings

        assert "supply_chain.controls.video_deleted_early" == finding.code
        assert ["common-practice@2026-11-21"] == [c.id for c in finding.citations]
        assert ["spc-ts@2020-09-10:6"] == [c.id for c in finding.context]
        assert not finding.binding

    @pytest.mark.parametrize(("deleted", "early"), [("2026-02-28", True), ("2026-03-01", False)])
    def test_deleted_early_boundary(self, full: FloorControls, deleted: str, early: bool) -> None:
        """Deleting the video on the last day of retention is early; the day after is not."""
        record = attrs.evolve(full.destructions[0], video_deleted_on=to_date(deleted))
        report = check(attrs.evolve(full, destructions=(record,)), as_of="2026-03-02")

        assert early == ("supply_chain.controls.video_deleted_early" in report.assessment.codes())

    def test_unfilmed_destruction(self, full: FloorControls) -> None:
        """A destruction without video is missing the control and has no retention deadline."""
        record = DestructionRecord(id="D-2", destroyed_on=to_date("2026-01-10"))
        report = check(attrs.evolve(full, destructions=(*full.destructions, record)))

        assert ("destruction_video",) == report.not_in_place
        assert ["D-1"] == [r.record_id for r in report.retention]

    def test_no_destruction_yet(self, full: FloorControls) -> None:
        """Before any destruction the video control is not applicable."""
        report = check(attrs.evolve(full, destructions=()))

        assert (
            Outcome.NOT_APPLICABLE
            == report.assessment.criterion("supply_chain.controls.destruction_video").outcome
        )
        assert Outcome.MET == report.assessment.outcome


class TestMeasuresAndRendering:
    def test_controls_become_measures(self, full: FloorControls) -> None:
        """Controls in place map to SPC Art. 6 measure kinds for the registry."""
        measures = floor_measures(full, start="2026-01-01", secret_ids=("TS-HOUSING",))

        assert [
            MeasureKind.DEVICE_RESTRICTION,
            MeasureKind.RULES,
            MeasureKind.RESTRICTED_PREMISES,
            MeasureKind.OTHER,
        ] == [m.kind for m in measures]
        assert all(m.secret_ids == ("TS-HOUSING",) and m.areas == ("F-A line 2",) for m in measures)

    def test_missing_controls_are_not_measures(self, full: FloorControls) -> None:
        """A control not in place produces no measure."""
        measures = floor_measures(
            attrs.evolve(full, phones_prohibited=False, signal_jammer_installed=True),
            start="2026-01-01",
        )

        assert MeasureKind.DEVICE_RESTRICTION not in {m.kind for m in measures}
        assert MeasureKind.NETWORK_RESTRICTION not in {m.kind for m in measures}

    def test_json_and_explain(self, full: FloorControls) -> None:
        """Inputs and the report round-trip; the report renders retention in both languages."""
        report = check(full)

        assert full == from_json(to_json(full), FloorControls)
        assert report == from_json(to_json(report), FloorControlReport)
        assert "录像至少保存至2026年2月28日" in explain(report, locale="zh_CN")
        assert "keep the video at least until 28 Feb 2026" in explain(
            report, locale="en", format="markdown"
        )

    def test_validation(self) -> None:
        """More signatures than staff and duplicate record ids are reported together."""
        record = DestructionRecord(id="D", destroyed_on=to_date("2026-01-01"))
        with pytest.raises(InvalidInputError) as info:
            FloorControls(
                site="S", staff_count=1, code_of_conduct_signed=2, destructions=(record, record)
            )

        assert {"code_of_conduct_signed", "destructions"} == {p.path for p in info.value.problems}


class TestRecordInput:
    def test_iso_dates_accepted(self) -> None:
        """A destruction record converts ISO dates through tradesecret.dates."""
        record = DestructionRecord(
            id="D-9",
            destroyed_on="2026-01-31",  # type: ignore[arg-type]
            video_deleted_on="2026-08-01",  # type: ignore[arg-type]
        )

        assert (to_date("2026-01-31"), to_date("2026-08-01")) == (
            record.destroyed_on,
            record.video_deleted_on,
        )

    def test_every_problem_listed(self) -> None:
        """An empty id and two unreadable dates are reported together with their paths."""
        with pytest.raises(InvalidInputError) as info:
            DestructionRecord(
                id="",
                destroyed_on="yesterday",  # type: ignore[arg-type]
                video_deleted_on=20260101,  # type: ignore[arg-type]
            )

        assert ["id", "destroyed_on", "video_deleted_on"] == [p.path for p in info.value.problems]


class TestCitationsByDate:
    @pytest.mark.parametrize(("as_of", "spc_cited"), [("2020-09-11", False), ("2020-09-12", True)])
    def test_spc_measures_article_from_its_effective_date(
        self, full: FloorControls, as_of: str, spc_cited: bool
    ) -> None:
        """SPC Art. 6 is context from 2020-09-12 only; the practice figures never read binding (issue 14)."""
        controls = attrs.evolve(full, destructions=(), phones_prohibited=False)
        report = check_floor_controls(controls, as_of=as_of)
        phones = report.assessment.criterion("supply_chain.controls.phones")

        assert spc_cited == ("spc-ts@2020-09-10:6" in {c.id for c in report.assessment.context})
        assert spc_cited == ("spc-ts@2020-09-10:6" in {c.id for c in phones.context})
        assert "spc-ts@2020-09-10:6" not in {c.id for c in report.assessment.citations}
        assert not report.assessment.binding
        assert not phones.findings[0].binding
        assert ["tradesecret-policy@2026-11-21"] == [c.id for c in phones.findings[0].citations]
