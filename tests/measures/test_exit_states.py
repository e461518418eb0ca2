"""Exit steps in three states: done on a date, stated as not done, not stated (SPC 2020 Art. 6 item 6)."""

from __future__ import annotations

import json

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradesecret.casefile import json_schema
from tradesecret.dates import to_date
from tradesecret.definition import AccessGrant, SecretKind, SecretRegistry, TradeSecret
from tradesecret.facts import UNKNOWN
from tradesecret.i18n import explain
from tradesecret.measures import ExitProcedure, StepStatus, check_exit
from tradesecret.results import Outcome
from tradesecret.serialization import from_json, to_json

STEPS = {
    "registered_on": "measures.exit.register",
    "reminder_on": "measures.exit.reminder",
    "access_revoked_on": "measures.exit.access",
}


def leaver(**steps: object) -> ExitProcedure:
    """A departure on 2025-05-31 with every step done that day (reminder written) unless overridden."""
    values: dict[str, object] = {**dict.fromkeys(STEPS, "2025-05-31"), "reminder_written": True}
    values.update(steps)
    return ExitProcedure(person="E-9", last_day="2025-05-31", **values)  # type: ignore[arg-type]


class TestThreeStates:
    @pytest.mark.parametrize(("field", "criterion"), STEPS.items())
    def test_done_on_a_date(self, field: str, criterion: str) -> None:
        """A step done on the last day is met, with no open rule."""
        a = check_exit(leaver(**{field: "2025-05-31"}), as_of="2025-06-02")

        assert Outcome.MET == a.criterion(criterion).outcome
        assert () == a.criterion(criterion).open

    @pytest.mark.parametrize(("field", "criterion"), STEPS.items())
    @pytest.mark.parametrize("value", [StepStatus.NOT_DONE, "not_done", None])
    def test_stated_not_done(self, field: str, criterion: str, value: object) -> None:
        """A step stated not done (enum, its value, or None in Python) is not met after the due day."""
        procedure = leaver(**{field: value})
        a = check_exit(procedure, as_of="2025-06-02")

        assert StepStatus.NOT_DONE is getattr(procedure, field)
        assert Outcome.NOT_MET == a.criterion(criterion).outcome
        assert f"{criterion}.missing" == a.criterion(criterion).findings[0].code
        assert () == a.missing()

    @pytest.mark.parametrize(("field", "criterion"), STEPS.items())
    def test_not_stated(self, field: str, criterion: str) -> None:
        """A step not stated is undetermined, naming the field and what each answer gives."""
        a = check_exit(leaver(**{field: UNKNOWN}), as_of="2025-06-02")

        c = a.criterion(criterion)
        assert Outcome.INSUFFICIENT_EVIDENCE == c.outcome
        assert () == c.findings
        (row,) = c.open
        assert (f"{criterion}.missing", (field,)) == (row.rule, row.facts)
        assert (Outcome.NOT_MET, Outcome.MET) == (row.if_holds, row.otherwise)
        assert [field] == [m.fact for m in a.missing()]
        assert Outcome.INSUFFICIENT_EVIDENCE == a.outcome

    def test_default_is_not_stated(self) -> None:
        """Left out, every step is not stated (was: not done)."""
        procedure = ExitProcedure(person="E-9", last_day="2025-05-31")
        a = check_exit(procedure, as_of="2025-06-02")

        assert all(getattr(procedure, f) is UNKNOWN for f in STEPS)
        assert UNKNOWN is procedure.reminder_written
        assert {"registered_on", "reminder_on", "access_revoked_on"} == {
            m.fact for m in a.missing() if m.decisive
        }
        assert ["reminder_written"] == [m.fact for m in a.missing() if not m.decisive]

    def test_pending_unstated_step_stays_pending(self) -> None:
        """Before the due day, not done would be pending too: the open rule says so."""
        a = check_exit(leaver(registered_on=UNKNOWN), as_of="2025-05-30")

        (row,) = a.criterion("measures.exit.register").open
        assert (Outcome.INSUFFICIENT_EVIDENCE, Outcome.MET) == (row.if_holds, row.otherwise)
        assert "medium" == row.severity.value

    def test_grant_never_revoked_decides_access(self) -> None:
        """A registry grant never revoked fails access whatever the unstated revocation day."""
        reg = SecretRegistry(
            secrets=(TradeSecret(id="TS-2", title="u", kind=SecretKind.BUSINESS),),
            grants=(AccessGrant(person="E-9", secret_id="TS-2", granted="2023-01-01"),),
        )
        a = check_exit(leaver(access_revoked_on=UNKNOWN), as_of="2025-06-02", registry=reg)

        c = a.criterion("measures.exit.access")
        assert Outcome.NOT_MET == c.outcome
        assert () == c.open
        assert "TS-2" == c.findings[0].arg("secrets")

    def test_unwritten_reminder_not_stated(self) -> None:
        """An oral reminder whose day is not stated is insufficient evidence either way."""
        a = check_exit(leaver(reminder_on=UNKNOWN, reminder_written=False), as_of="2025-06-02")

        c = a.criterion("measures.exit.reminder")
        assert Outcome.INSUFFICIENT_EVIDENCE == c.outcome
        assert ["measures.exit.reminder_not_written"] == [f.code for f in c.findings]
        (row,) = c.open
        assert (Outcome.NOT_MET, Outcome.INSUFFICIENT_EVIDENCE) == (row.if_holds, row.otherwise)

    def test_reminder_form_not_stated(self) -> None:
        """A dated reminder whose form is not stated: met if written, insufficient if oral only."""
        a = check_exit(leaver(reminder_written=UNKNOWN), as_of="2025-06-02")

        c = a.criterion("measures.exit.reminder")
        assert Outcome.INSUFFICIENT_EVIDENCE == c.outcome
        assert () == c.findings
        (row,) = c.open
        assert ("measures.exit.reminder_not_written", ("reminder_written",)) == (
            row.rule,
            row.facts,
        )
        assert (Outcome.INSUFFICIENT_EVIDENCE, Outcome.MET) == (row.if_holds, row.otherwise)
        assert [("reminder_written", True)] == [(m.fact, m.decisive) for m in a.missing()]
        assert "spc-ts@2020-09-10:6.1.6" == row.citations[0].id

    @pytest.mark.parametrize(
        ("written", "outcome", "codes"),
        [
            (True, Outcome.MET, []),
            (False, Outcome.INSUFFICIENT_EVIDENCE, ["measures.exit.reminder_not_written"]),
        ],
    )
    def test_reminder_form_stated(self, written: bool, outcome: Outcome, codes: list[str]) -> None:
        """Stated written: met; stated oral only: insufficient evidence with a medium finding."""
        c = check_exit(leaver(reminder_written=written), as_of="2025-06-02").criterion(
            "measures.exit.reminder"
        )

        assert (outcome, codes, ()) == (c.outcome, [f.code for f in c.findings], c.open)

    def test_reminder_not_done_needs_no_form(self) -> None:
        """A reminder stated not done fails after the due day whatever its form would be."""
        a = check_exit(leaver(reminder_on=None, reminder_written=UNKNOWN), as_of="2025-06-02")

        c = a.criterion("measures.exit.reminder")
        assert (Outcome.NOT_MET, ()) == (c.outcome, c.open)
        assert () == a.missing()

    def test_late_reminder_form_not_stated_keeps_late(self) -> None:
        """A late reminder of unstated form: undetermined, still reported late."""
        a = check_exit(
            leaver(reminder_on="2025-06-01", reminder_written=UNKNOWN), as_of="2025-06-02"
        )

        c = a.criterion("measures.exit.reminder")
        assert Outcome.INSUFFICIENT_EVIDENCE == c.outcome
        assert ["measures.exit.late"] == [f.code for f in c.findings]

    def test_neither_day_nor_form_stated(self) -> None:
        """Day and form both unstated: the day decides, the form is listed after it."""
        a = check_exit(leaver(reminder_on=UNKNOWN, reminder_written=UNKNOWN), as_of="2025-06-02")

        assert [("reminder_on", True), ("reminder_written", False)] == [
            (m.fact, m.decisive) for m in a.missing()
        ]

    @pytest.mark.parametrize("locale", ["zh_CN", "en"])
    def test_reminder_form_missing_rendered(self, locale: str) -> None:
        """The explain output lists the unstated form under its label in both languages."""
        text = explain(
            check_exit(leaver(reminder_written=UNKNOWN), as_of="2025-06-02"), locale=locale
        )

        label = "书面形式" if locale == "zh_CN" else "was in writing"
        assert label in text

    def test_bad_step_value(self) -> None:
        """A step that is neither a date nor ``not_done`` is refused."""
        with pytest.raises(ValueError, match="date"):
            leaver(registered_on="someday")

    @pytest.mark.parametrize("locale", ["zh_CN", "en"])
    def test_what_is_missing_rendered(self, locale: str) -> None:
        """The explain output lists the unstated step with its label in both languages."""
        text = explain(check_exit(leaver(reminder_on=UNKNOWN), as_of="2025-06-02"), locale=locale)

        label = (
            "继续承担保密义务" if locale == "zh_CN" else "continuing confidentiality obligations"
        )
        assert label in text


class TestCaseFile:
    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ('"2025-05-30"', to_date("2025-05-30")),
            ('"not_done"', StepStatus.NOT_DONE),
            ("null", UNKNOWN),
        ],
    )
    def test_json_states(self, raw: str, expected: object) -> None:
        """JSON: a date is done, "not_done" is not done, null is not stated."""
        text = f'{{"person": "E-9", "last_day": "2025-05-31", "registered_on": {raw}}}'

        assert expected == from_json(text, ExitProcedure).registered_on

    def test_left_out_is_not_stated(self) -> None:
        """A step left out of the case file is not stated."""
        procedure = from_json('{"person": "E-9", "last_day": "2025-05-31"}', ExitProcedure)

        assert UNKNOWN is procedure.reminder_on

    def test_round_trip_each_state(self) -> None:
        """A departure with one step of each state comes back identical."""
        procedure = leaver(registered_on="2025-05-30", reminder_on=None, access_revoked_on=UNKNOWN)
        data = json.loads(to_json(procedure))

        assert ("2025-05-30", "not_done", None) == (
            data["registered_on"],
            data["reminder_on"],
            data["access_revoked_on"],
        )
        assert procedure == from_json(to_json(procedure), ExitProcedure)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (', "reminder_written": null', UNKNOWN),
            ("", UNKNOWN),
            (', "reminder_written": false', False),
        ],
    )
    def test_reminder_form_json(self, text: str, expected: object) -> None:
        """JSON: the reminder's form left out or null is not stated; false is stated oral only."""
        procedure = from_json(f'{{"person": "E-9", "last_day": "2025-05-31"{text}}}', ExitProcedure)

        assert expected is procedure.reminder_written
        assert procedure == from_json(to_json(procedure), ExitProcedure)

    def test_schema_marks_reminder_form_unknown(self) -> None:
        """The JSON Schema of reminder_written accepts true, false or null (not stated)."""
        prop = json_schema(ExitProcedure)["properties"]["reminder_written"]

        assert {"type": "null"} in prop["anyOf"]
        assert "x-unknown" in prop

    def test_schema_allows_date_status_or_null(self) -> None:
        """The JSON Schema of a step accepts a date, "not_done", or null (not stated)."""
        prop = json_schema(ExitProcedure)["properties"]["registered_on"]
        text = json.dumps(prop)

        assert "not_done" in text
        assert '"null"' in text


_STATES = st.one_of(
    st.just(UNKNOWN),
    st.just(StepStatus.NOT_DONE),
    st.dates(pendulum.date(2025, 5, 20), pendulum.date(2025, 6, 10)).map(
        lambda d: pendulum.date(d.year, d.month, d.day)
    ),
)
_FILLED = st.one_of(
    st.just(StepStatus.NOT_DONE),
    st.dates(pendulum.date(2025, 5, 20), pendulum.date(2025, 6, 10)).map(
        lambda d: pendulum.date(d.year, d.month, d.day)
    ),
)
_DECIDED = (Outcome.MET, Outcome.NOT_MET)


@settings(max_examples=60, deadline=None)
@given(
    steps=st.fixed_dictionaries(dict.fromkeys(STEPS, _STATES)),
    fills=st.fixed_dictionaries(dict.fromkeys(STEPS, _FILLED)),
    written=st.sampled_from([UNKNOWN, True, False]),
    written_fill=st.booleans(),
    as_of=st.sampled_from(["2025-05-29", "2025-06-02"]),
)
def test_decided_outcome_survives_any_answer(
    steps: dict[str, object],
    fills: dict[str, object],
    written: object,
    written_fill: bool,
    as_of: str,
) -> None:
    """A decided step stays decided whatever an unstated step (or form) is given; an open one can change."""
    before = check_exit(leaver(**steps, reminder_written=written), as_of=as_of)
    filled = {f: fills[f] if v is UNKNOWN else v for f, v in steps.items()}
    form = written_fill if written is UNKNOWN else written
    after = check_exit(leaver(**filled, reminder_written=form), as_of=as_of)

    for criterion in STEPS.values():
        old = before.criterion(criterion)
        new = after.criterion(criterion)
        if old.outcome in _DECIDED:
            assert old.outcome == new.outcome
        if len(old.open) == 1:  # one open rule: its two answers are the only outcomes
            row = old.open[0]
            assert new.outcome in (row.if_holds, row.otherwise)
    if before.outcome in _DECIDED:
        assert before.outcome == after.outcome
