"""Unknown facts left over from issue 12: competitors-only scope and the termination agreement."""

from __future__ import annotations

import itertools
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.noncompete.conftest import agreement, employee, wages
from tradesecret import explain
from tradesecret.casefile import example_text, json_schema, load_case, review_case
from tradesecret.exceptions import InvalidInputError
from tradesecret.facts import UNKNOWN
from tradesecret.noncompete import (
    EmployeeFacts,
    NonCompeteAgreement,
    RegionExtent,
    TerminationAgreement,
    review_noncompete,
)
from tradesecret.results import Assessment, Outcome
from tradesecret.serialization import from_json, to_json

AS_OF = "2025-10-01"
SCOPE = "noncompete.criterion.scope"
ACTIVATION = "noncompete.criterion.activation"
NOT_LIMITED = "noncompete.scope.not_limited_to_competitors"
SILENT = "noncompete.activation.termination_agreement_silent"


def outcomes(review: Assessment) -> dict[str, Outcome]:
    """Each criterion's outcome by code."""
    return {c.code: c.outcome for c in review.criteria}


class TestLimitedToCompetitors:
    def test_not_stated_is_unknown(self) -> None:
        """Left out, the competitors-only limit is not stated (was: True)."""
        nc = NonCompeteAgreement(id="N", employer="A", employee="E", signed_on="2020-03-01")
        assert UNKNOWN is nc.limited_to_competitors

    def test_scope_undetermined_naming_the_fact(self) -> None:
        """Not stated: the scope is undetermined; LCL Art. 24(2) row open, naming the field."""
        a = review_noncompete(agreement(limited_to_competitors=UNKNOWN), employee(), as_of=AS_OF)
        scope = a.criterion(SCOPE)
        assert Outcome.INSUFFICIENT_EVIDENCE == scope.outcome
        (row,) = scope.open
        assert (NOT_LIMITED, ("agreement.limited_to_competitors",)) == (row.rule, row.facts)
        assert (Outcome.NOT_MET, Outcome.MET) == (row.if_holds, row.otherwise)
        assert "lcl@2012-12-28:24.2" == row.citations[0].id
        assert NOT_LIMITED not in a.codes()
        assert ["agreement.limited_to_competitors"] == [m.fact for m in a.missing()]
        assert Outcome.INSUFFICIENT_EVIDENCE == a.outcome

    def test_other_criteria_stay_decided(self) -> None:
        """Only the scope turns on it: the other six criteria keep their stated outcomes."""
        stated = outcomes(review_noncompete(agreement(), employee(), as_of=AS_OF))
        unknown = outcomes(
            review_noncompete(agreement(limited_to_competitors=UNKNOWN), employee(), as_of=AS_OF)
        )
        assert {k: v for k, v in stated.items() if k != SCOPE} == {
            k: v for k, v in unknown.items() if k != SCOPE
        }
        assert (Outcome.MET, Outcome.INSUFFICIENT_EVIDENCE) == (stated[SCOPE], unknown[SCOPE])

    @pytest.mark.parametrize(
        ("stated", "outcome", "fired"), [(True, Outcome.MET, False), (False, Outcome.NOT_MET, True)]
    )
    def test_stated(self, stated: bool, outcome: Outcome, fired: bool) -> None:
        """Stated True: met; stated False: not met with the LCL Art. 24(2) finding."""
        a = review_noncompete(agreement(limited_to_competitors=stated), employee(), as_of=AS_OF)
        assert (outcome, fired, ()) == (
            a.criterion(SCOPE).outcome,
            NOT_LIMITED in a.codes(),
            a.criterion(SCOPE).open,
        )

    def test_another_failure_decides_scope(self) -> None:
        """A worldwide region without reasons fails the scope whatever the unknown limit is."""
        nc = agreement(limited_to_competitors=UNKNOWN, region_extent=RegionExtent.WORLDWIDE)
        scope = review_noncompete(nc, employee(), as_of=AS_OF).criterion(SCOPE)
        assert Outcome.NOT_MET == scope.outcome
        assert [NOT_LIMITED] == [u.rule for u in scope.open]
        assert not scope.open[0].decisive

    def test_bad_value_refused(self) -> None:
        """A value other than true, false or not stated is an input error naming the field."""
        with pytest.raises(InvalidInputError) as caught:
            agreement(limited_to_competitors="yes")
        assert ["limited_to_competitors"] == [p.path for p in caught.value.problems]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("", UNKNOWN),
            (', "limited_to_competitors": null', UNKNOWN),
            (', "limited_to_competitors": false', False),
        ],
    )
    def test_json(self, text: str, expected: object) -> None:
        """JSON: left out or null is not stated; false is stated."""
        raw = f'{{"id": "N", "employer": "A", "employee": "E", "signed_on": "2020-03-01"{text}}}'
        nc = from_json(raw, NonCompeteAgreement)
        assert expected is nc.limited_to_competitors
        assert nc == from_json(to_json(nc), NonCompeteAgreement)

    def test_schema(self) -> None:
        """The JSON Schema says null is not stated."""
        prop = json_schema(NonCompeteAgreement)["properties"]["limited_to_competitors"]
        assert [{"type": "boolean"}, {"type": "null"}] == prop["anyOf"]
        assert "x-unknown" in prop


class TestTerminationAgreement:
    def test_default_is_not_stated(self) -> None:
        """Left out, the termination agreement is not stated (was: None for 'none or not known')."""
        emp = EmployeeFacts(
            person_id="E", role="r", place_of_performance="CN-SH", employment_start="2020-01-01"
        )
        assert (UNKNOWN, None) == (
            emp.termination_agreement,
            emp.termination_agreement_mentions_noncompete,
        )

    def test_not_stated_after_departure_is_open(self) -> None:
        """Employment ended and the agreement not stated: activation undetermined, naming the field."""
        a = review_noncompete(agreement(), employee(termination_agreement=UNKNOWN), as_of=AS_OF)
        activation = a.criterion(ACTIVATION)
        assert Outcome.INSUFFICIENT_EVIDENCE == activation.outcome
        (row,) = activation.open
        assert (SILENT, ("employee.termination_agreement",)) == (row.rule, row.facts)
        assert (Outcome.NOT_MET, Outcome.MET) == (row.if_holds, row.otherwise)
        assert "spc-labor-1@2020-12-29:37" == row.citations[0].id
        assert ["employee.termination_agreement"] == [m.fact for m in a.missing()]

    def test_not_stated_while_employed_is_not_asked(self) -> None:
        """Employment not ended: no termination agreement to ask about, activation stays met."""
        emp = employee(termination_agreement=UNKNOWN, termination_date=None)
        activation = review_noncompete(agreement(), emp, as_of=AS_OF).criterion(ACTIVATION)
        assert (Outcome.MET, ()) == (activation.outcome, activation.open)

    def test_silent_agreement_needs_a_departure(self) -> None:
        """A silent agreement with no termination date stated: the employment has not ended, no finding."""
        emp = employee(termination_agreement=TerminationAgreement.SILENT, termination_date=None)
        a = review_noncompete(agreement(), emp, as_of=AS_OF)
        assert (Outcome.MET, False) == (a.criterion(ACTIVATION).outcome, SILENT in a.codes())

    @pytest.mark.parametrize(
        ("stated", "outcome", "fired"),
        [
            (TerminationAgreement.NONE, Outcome.MET, False),
            (TerminationAgreement.MENTIONS, Outcome.MET, False),
            (TerminationAgreement.SILENT, Outcome.NOT_MET, True),
        ],
    )
    def test_stated(self, stated: TerminationAgreement, outcome: Outcome, fired: bool) -> None:
        """No agreement or one that deals with it: met; a silent one: not met (Interp. (I) Art. 37)."""
        a = review_noncompete(agreement(), employee(termination_agreement=stated), as_of=AS_OF)
        assert (outcome, fired, ()) == (
            a.criterion(ACTIVATION).outcome,
            SILENT in a.codes(),
            a.criterion(ACTIVATION).open,
        )

    def test_no_row_before_interp4(self) -> None:
        """Before 2013-02-01 no activation rule existed: nothing is open; from that day it is."""
        emp = employee(
            employment_start="2010-01-01",
            termination_date="2012-12-31",
            wages=wages("2012-01-01", 12, "8000"),
            termination_agreement=UNKNOWN,
        )
        nc = agreement(signed_on="2010-01-01", duration_months=12)
        before = review_noncompete(nc, emp, as_of="2013-01-31").criterion(ACTIVATION)
        on = review_noncompete(nc, emp, as_of="2013-02-01").criterion(ACTIVATION)
        assert () == before.open
        assert [("employee.termination_agreement",)] == [u.facts for u in on.open]
        assert "spc-labor-4@2013-01-18:7" == on.open[0].citations[0].id

    @pytest.mark.parametrize(
        ("old", "new"),
        [
            (True, TerminationAgreement.MENTIONS),
            (False, TerminationAgreement.SILENT),
            (None, UNKNOWN),
        ],
    )
    def test_deprecated_boolean_still_read(self, old: bool | None, new: object) -> None:
        """The deprecated boolean is still accepted: True mentions, False silent, None not stated."""
        emp = employee(termination_agreement=UNKNOWN, termination_agreement_mentions_noncompete=old)
        assert new is emp.termination_agreement

    def test_deprecated_boolean_agreeing_is_accepted(self) -> None:
        """Both fields given and agreeing: accepted."""
        emp = employee(
            termination_agreement=TerminationAgreement.SILENT,
            termination_agreement_mentions_noncompete=False,
        )
        assert TerminationAgreement.SILENT is emp.termination_agreement

    def test_deprecated_boolean_contradicting_is_refused(self) -> None:
        """Both fields given and contradicting: an input error naming the deprecated field."""
        with pytest.raises(InvalidInputError) as caught:
            employee(
                termination_agreement=TerminationAgreement.NONE,
                termination_agreement_mentions_noncompete=True,
            )
        (problem,) = caught.value.problems
        assert "termination_agreement_mentions_noncompete" == problem.path
        assert "contradicts termination_agreement" in problem.reason

    def test_bad_value_refused(self) -> None:
        """A value that is not a TerminationAgreement is an input error naming the field."""
        with pytest.raises(InvalidInputError) as caught:
            employee(termination_agreement="silent")
        assert ["termination_agreement"] == [p.path for p in caught.value.problems]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("", UNKNOWN),
            (', "termination_agreement": null', UNKNOWN),
            (', "termination_agreement": "none"', TerminationAgreement.NONE),
            (', "termination_agreement": "silent"', TerminationAgreement.SILENT),
            (', "termination_agreement_mentions_noncompete": false', TerminationAgreement.SILENT),
        ],
    )
    def test_json(self, text: str, expected: object) -> None:
        """JSON: left out or null is not stated; "none" is stated; old files still read."""
        raw = (
            '{"person_id": "E", "role": "r", "place_of_performance": "CN-SH", '
            f'"employment_start": "2020-01-01"{text}}}'
        )
        emp = from_json(raw, EmployeeFacts)
        assert expected is emp.termination_agreement
        assert emp == from_json(to_json(emp), EmployeeFacts)

    def test_schema(self) -> None:
        """The JSON Schema lists the three answers and null (not stated), and marks the old field."""
        props = json_schema(EmployeeFacts)["properties"]
        text = json.dumps(props["termination_agreement"])
        assert all(v in text for v in ('"none"', '"mentions"', '"silent"', '"null"'))
        assert "Deprecated" in props["termination_agreement_mentions_noncompete"]["description"]


class TestCaseFile:
    def test_example_states_both(self) -> None:
        """The shipped example states both facts, so its review is unchanged (all but penalty met)."""
        raw = json.loads(example_text("noncompete"))
        assert "none" == raw["data"]["employee"]["termination_agreement"]
        assert raw["data"]["agreement"]["limited_to_competitors"] is True
        review = review_case(load_case(raw)).results[0]
        assert isinstance(review, Assessment)
        assert () == review.criterion(SCOPE).open + review.criterion(ACTIVATION).open

    def test_left_out_is_not_stated(self) -> None:
        """Left out of the case file: both are not stated and listed as missing."""
        raw = json.loads(example_text("noncompete"))
        del raw["data"]["employee"]["termination_agreement"]
        raw["data"]["agreement"]["limited_to_competitors"] = None
        review = review_case(load_case(raw)).results[0]
        assert isinstance(review, Assessment)
        assert (Outcome.INSUFFICIENT_EVIDENCE, Outcome.INSUFFICIENT_EVIDENCE) == (
            review.criterion(SCOPE).outcome,
            review.criterion(ACTIVATION).outcome,
        )
        assert {"agreement.limited_to_competitors", "employee.termination_agreement"} <= {
            m.fact for m in review.missing() if m.decisive
        }

    @pytest.mark.parametrize("locale", ["zh_CN", "en"])
    def test_missing_rendered(self, locale: str) -> None:
        """The explanation lists both facts under "what is missing" in both locales."""
        a = review_noncompete(
            agreement(limited_to_competitors=UNKNOWN),
            employee(termination_agreement=UNKNOWN),
            as_of=AS_OF,
        )
        text = explain(a, locale=locale)
        assert "agreement.limited_to_competitors" in text
        assert "employee.termination_agreement" in text


_CHOICES: dict[str, list[Any]] = {
    "limited_to_competitors": [UNKNOWN, True, False],
    "termination_agreement": [UNKNOWN, *TerminationAgreement],
    "secrets_known": [UNKNOWN, (), employee().secrets_known],
    "region_extent": [RegionExtent.SPECIFIED, RegionExtent.WORLDWIDE],
    "ended": [True, False],
}
_UNKNOWABLE = ("limited_to_competitors", "termination_agreement", "secrets_known")


def _review(v: dict[str, Any]) -> Assessment:
    emp = employee(
        termination_agreement=v["termination_agreement"],
        secrets_known=v["secrets_known"],
        termination_date="2025-09-01" if v["ended"] else None,
    )
    nc = agreement(
        limited_to_competitors=v["limited_to_competitors"], region_extent=v["region_extent"]
    )
    return review_noncompete(nc, emp, as_of=AS_OF)


@settings(max_examples=25, deadline=None)
@given(st.fixed_dictionaries({k: st.sampled_from(v) for k, v in _CHOICES.items()}))
def test_decided_stays_and_undetermined_moves(values: dict[str, Any]) -> None:
    """A decided criterion keeps its outcome whatever the unknowns are; an open one can change."""
    base = _review(values)
    names = [n for n in _UNKNOWABLE if values[n] is UNKNOWN]
    answers = [[a for a in _CHOICES[n] if a is not UNKNOWN] for n in names]
    filled = [
        _review({**values, **dict(zip(names, combo, strict=True))})
        for combo in itertools.product(*answers)
    ]
    for criterion in base.criteria:
        seen = {f.criterion(criterion.code).outcome for f in filled}
        if criterion.outcome is Outcome.INSUFFICIENT_EVIDENCE:
            if any(u.decisive for u in criterion.open):
                assert seen - {Outcome.INSUFFICIENT_EVIDENCE}, criterion.code
        else:
            assert {criterion.outcome} == seen, criterion.code
