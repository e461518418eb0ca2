"""The result model, rule resolution and JSON round trips."""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradesecret import (
    Assessment,
    ConflictingRulesError,
    Criterion,
    Determination,
    Finding,
    FloatNotAllowedError,
    InvalidInputError,
    Money,
    NoApplicableRuleError,
    Outcome,
    Ratio,
    Severity,
    Term,
    Tier,
    from_json,
    to_date,
    to_json,
)
from tradesecret.rulebook import Rulebook
from tradesecret.rules import Rule, resolve


def a_finding(rb: Rulebook, **overrides: object) -> Finding:
    values: dict[str, object] = {
        "code": "heading.findings",
        "severity": Severity.HIGH,
        "citations": rb.cite_all("mohrss-nc-guide@2025-09-12:13", "lcl@2012-12-28:24.2"),
        "args": {
            "amount": Money("6000.00"),
            "ratio": Ratio("0.3"),
            "on": to_date("2025-09-01"),
            "n": 3,
            "t": Term("term.outcome.met"),
        },
    }
    values.update(overrides)
    return Finding(**values)  # type: ignore[arg-type]


class TestConstruction:
    def test_no_result_without_citation(self, rb: Rulebook) -> None:
        """Findings, determinations, criteria and assessments refuse an empty citation list."""
        with pytest.raises(ValueError, match="citation"):
            Finding(code="x", severity=Severity.INFO, citations=())
        with pytest.raises(ValueError, match="citation"):
            Determination(value=1, rule="r", as_of=to_date("2025-01-01"), citations=())
        with pytest.raises(ValueError, match="citation"):
            Criterion(code="c", outcome=Outcome.MET, citations=())
        with pytest.raises(ValueError, match="citation"):
            Assessment(
                kind="k",
                subject="s",
                as_of=to_date("2025-01-01"),
                outcome=Outcome.MET,
                citations=(),
            )

    def test_citation_ids_are_not_citations(self) -> None:
        """A bare string is not accepted as a citation."""
        with pytest.raises(TypeError):
            Finding(code="x", severity=Severity.INFO, citations=("lcl@2012-12-28:24",))  # type: ignore[arg-type]

    def test_float_arguments_refused(self, rb: Rulebook) -> None:
        """A float message argument raises FloatNotAllowedError."""
        with pytest.raises(FloatNotAllowedError):
            a_finding(rb, args={"x": 0.3})

    def test_bool_arguments_refused(self, rb: Rulebook) -> None:
        """Booleans are not message arguments (they would print as 1/0 in some paths)."""
        with pytest.raises(InvalidInputError):
            a_finding(rb, args={"x": True})

    def test_tier_is_the_strongest_citation(self, rb: Rulebook) -> None:
        """Law beats guidance: a finding citing both is binding."""
        f = a_finding(rb)
        assert (Tier.LAW, True) == (f.tier, f.binding)
        g = a_finding(rb, citations=rb.cite_all("mohrss-nc-guide@2025-09-12:13"))
        assert (Tier.ADMINISTRATIVE_GUIDANCE, False) == (g.tier, g.binding)

    def test_duplicate_citations_collapse(self, rb: Rulebook) -> None:
        """The same citation twice is kept once."""
        f = a_finding(rb, citations=rb.cite_all("lcl@2012-12-28:24", "lcl@2012-12-28:24"))
        assert 1 == len(f.citations)

    def test_assessment_queries(self, rb: Rulebook) -> None:
        """Assessment.criterion, codes and worst_severity."""
        c = Criterion(
            code="c1",
            outcome=Outcome.NOT_MET,
            citations=rb.cite_all("lcl@2012-12-28:24"),
            findings=(a_finding(rb, code="f1", severity=Severity.CRITICAL),),
        )
        a = Assessment(
            kind="k",
            subject="s",
            as_of=to_date("2025-01-01"),
            outcome=Outcome.NOT_MET,
            citations=rb.cite_all("lcl@2012-12-28:24"),
            criteria=(c,),
            findings=(a_finding(rb, code="f0", severity=Severity.LOW),),
        )
        assert c is a.criterion("c1")
        assert frozenset({"f0", "f1"}) == a.codes()
        assert Severity.CRITICAL == a.worst_severity()


class TestJson:
    def test_finding_round_trip(self, rb: Rulebook) -> None:
        """Every argument type survives JSON."""
        f = a_finding(rb)
        assert f == from_json(to_json(f), Finding)

    def test_assessment_round_trip(self, rb: Rulebook) -> None:
        """A nested assessment with parameters survives JSON."""
        p = rb.param("minimum_wage.monthly", as_of=to_date("2025-09-01"), region="CN-SH")
        c = Criterion(
            code="c",
            outcome=Outcome.CONTESTED,
            citations=rb.cite_all("lcl@2012-12-28:24"),
            facts={"x": Money("1")},
            parameters=(p,),
            strength=Decimal("0.5"),
        )
        a = Assessment(
            kind="k",
            subject="s",
            as_of=to_date("2025-09-01"),
            outcome=Outcome.CONTESTED,
            citations=rb.cite_all("lcl@2012-12-28:24"),
            criteria=(c,),
        )
        assert a == from_json(to_json(a), Assessment)

    def test_determination_round_trip(self, rb: Rulebook) -> None:
        """A Determination[Money] with parameters survives JSON."""
        d = Determination(
            value=Money("6000.00"),
            rule="r",
            as_of=to_date("2025-09-01"),
            citations=rb.cite_all("spc-labor-1@2020-12-29:36"),
            parameters=(rb.param("noncompete.default_ratio", as_of=to_date("2025-09-01")),),
        )
        assert d == from_json(to_json(d), Determination[Money])

    def test_malformed_json(self) -> None:
        """Malformed JSON is an InvalidInputError with a position."""
        with pytest.raises(InvalidInputError, match="malformed JSON"):
            from_json("{", Money)

    def test_every_problem_listed(self) -> None:
        """Several missing and wrong fields are reported together."""
        with pytest.raises(InvalidInputError) as info:
            from_json('{"code": "x", "severity": "huge", "citations": ["nope"]}', Finding)
        paths = [p.path for p in info.value.problems]
        assert "$.severity" in paths
        assert any(p.startswith("$.citations") for p in paths)

    def test_unknown_fields_rejected(self) -> None:
        """Extra keys are errors, not silently dropped."""
        with pytest.raises(InvalidInputError, match="unknown"):
            from_json('{"amount": "1", "currency": "CNY", "extra": 1}', Money)

    @given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False))
    def test_money_round_trip(self, amount: Decimal) -> None:
        """Any amount survives JSON exactly."""
        assert Money(amount) == from_json(to_json(Money(amount)), Money)


class TestRules:
    def rules(self) -> list[Rule[dict[str, int], int]]:
        return [
            Rule(
                label="base",
                cites=("lcl@2012-12-28:23.2",),
                applies=lambda f: True,
                value=lambda f: 1,
            ),
            Rule(
                label="exception",
                cites=("spc-labor-1@2020-12-29:36",),
                overrides=("base",),
                applies=lambda f: f["x"] is not None and f["x"] > 0,
                value=lambda f: 2,
            ),
            Rule(
                label="exception_to_exception",
                cites=("spc-labor-1@2020-12-29:36",),
                overrides=("exception",),
                applies=lambda f: f["x"] is not None and f["x"] > 10,
                value=lambda f: 3,
            ),
        ]

    @pytest.mark.parametrize(
        ("x", "label", "value"),
        [(0, "base", 1), (5, "exception", 2), (50, "exception_to_exception", 3)],
    )
    def test_exceptions_displace_their_base(
        self, rb: Rulebook, x: int, label: str, value: int
    ) -> None:
        """The most specific applicable exception wins, transitively."""
        r = resolve("t", self.rules(), {"x": x}, rulebook=rb)
        assert (label, value) == (r.label, r.value)

    def test_conflict_is_an_error(self, rb: Rulebook) -> None:
        """Two unrelated applicable rules with different values conflict."""
        rules = [
            *self.rules(),
            Rule(
                label="rival",
                cites=("lcl@2012-12-28:24",),
                applies=lambda f: True,
                value=lambda f: 9,
            ),
        ]
        with pytest.raises(ConflictingRulesError) as info:
            resolve("t", rules, {"x": 0}, rulebook=rb)
        assert {"base", "rival"} == set(info.value.labels)

    def test_no_rule(self, rb: Rulebook) -> None:
        """No applicable rule raises NoApplicableRuleError."""
        rules: list[Rule[dict[str, int], int]] = [
            Rule(
                label="never",
                cites=("lcl@2012-12-28:24",),
                applies=lambda f: False,
                value=lambda f: 0,
            )
        ]
        with pytest.raises(NoApplicableRuleError):
            resolve("t", rules, {"x": 0}, rulebook=rb)


class Kind(enum.Enum):
    """A small enum for the set round trip."""

    A = "a"
    B = "b"


@attrs.frozen(kw_only=True)
class Holder:
    """A class with a frozenset field."""

    kinds: frozenset[Kind]


class TestSets:
    def test_frozenset_of_enums_round_trips(self) -> None:
        """A frozenset[Enum] field serialises as a sorted array and reads back equal."""
        holder = Holder(kinds=frozenset({Kind.B, Kind.A}))
        assert '{"kinds": ["a", "b"]}' == to_json(holder)
        assert holder == from_json(to_json(holder), Holder)

    def test_a_string_is_not_an_array(self) -> None:
        """A JSON string where an array is expected is an error, not a tuple of characters."""
        with pytest.raises(InvalidInputError, match="expected an array"):
            from_json('{"kinds": "ab"}', Holder)
        with pytest.raises(InvalidInputError, match="expected an array"):
            from_json(
                '{"code": "x", "severity": "info", "citations": ["lcl@2012-12-28:24"], "remedies": "abc"}',
                Finding,
            )

    def test_nested_problems_keep_their_full_path(self, rb: Rulebook) -> None:
        """A value object's own error inside a nested structure keeps the full path and value."""
        with pytest.raises(InvalidInputError) as info:
            from_json(
                '{"value": {"amount": "x"}, "rule": "r", "as_of": "2025-02-30", "citations": []}',
                Determination[Money],
            )
        lines = info.value.lines()
        assert 'not a decimal number @ $.value.amount (got "x")' in lines
        assert 'not a valid ISO date (YYYY-MM-DD) @ $.as_of (got "2025-02-30")' in lines

    def test_an_array_is_not_an_object(self) -> None:
        """A JSON array where an object is expected is named plainly, with its path."""
        with pytest.raises(InvalidInputError) as info:
            from_json(
                '{"value": [], "rule": "r", "as_of": "2025-01-01", "citations": ["lcl@2012-12-28:24"]}',
                Determination[Finding],
            )
        assert ["expected an object, got an array @ $.value (got [])"] == list(info.value.lines())
