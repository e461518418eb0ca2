"""The rule engine: three-valued facts, rule tables, legal time, honest headlines."""

from __future__ import annotations

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradesecret.engine import Check, Effect, LegalClock, RuleTable, criterion_outcome, read_path
from tradesecret.facts import UNKNOWN, Fact, Tri, Unknown, all_of, any_of, known, not_, or_else, tri
from tradesecret.i18n import explain
from tradesecret.results import (
    Assessment,
    Combination,
    Criterion,
    Finding,
    Outcome,
    Severity,
    missing_facts,
)
from tradesecret.rulebook import Rulebook

LCL_24_2 = "lcl@2012-12-28:24.2"
LCL_24_1 = "lcl@2012-12-28:24.1"
I2_13_1 = "spc-labor-2@2025-07-31:13.1"
POLICY = "tradesecret-policy@2026-11-21"
GUIDE = "mohrss-nc-guide@2025-09-12"
DAY = pendulum.date(2025, 10, 1)

tris: st.SearchStrategy[bool | Unknown] = st.sampled_from([True, False, UNKNOWN])


@attrs.frozen(kw_only=True)
class Employee:
    """Facts of a toy non-compete table."""

    months: Fact[int] = UNKNOWN
    secrets: Fact[int] = UNKNOWN
    senior: Fact[bool] = UNKNOWN


TABLE: RuleTable[Employee] = RuleTable(
    criterion="noncompete.criterion.duration",
    basis=(LCL_24_2,),
    clause="竞业限制期限，不得超过二年。",
    checks=(
        Check(
            code="noncompete.duration.exceeds_cap",
            severity=Severity.HIGH,
            effect=Effect.FAILS,
            basis=(LCL_24_2,),
            facts=("months",),
            when=lambda f: tri(f.months, lambda m: m > 24),
        ),
        Check(
            code="noncompete.eligibility.no_secrets_known",
            severity=Severity.CRITICAL,
            effect=Effect.FAILS,
            basis=(I2_13_1,),
            facts=("secrets",),
            when=lambda f: tri(f.secrets, lambda n: n == 0),
        ),
        Check(
            code="noncompete.eligibility.necessity_not_assessed",
            severity=Severity.LOW,
            effect=Effect.NOTES,
            basis=(POLICY,),
            support=(GUIDE,),
            facts=("senior",),
            when=lambda f: not_(f.senior),
        ),
    ),
)


class TestKleene:
    """Three-valued connectives."""

    @given(st.lists(tris, max_size=5))
    def test_all_of_is_and_when_known(self, parts: list[bool | Unknown]) -> None:
        """With every part known, all_of is Python's all()."""
        known_parts = [p for p in parts if p is not UNKNOWN]
        assert all_of(*known_parts) is Tri.of(all(known_parts))

    @given(st.lists(tris, max_size=5), st.data())
    def test_decided_connectives_stay_decided(
        self, parts: list[bool | Unknown], data: st.DataObject
    ) -> None:
        """A decided all_of/any_of does not change whatever the unknown parts become."""
        filled = [data.draw(st.booleans()) if p is UNKNOWN else p for p in parts]
        for op in (all_of, any_of):
            before = op(*parts)
            if before.decided:
                assert before is op(*filled)

    def test_unknown_has_no_truth_value(self) -> None:
        """`if fact:` on an unknown fact is a bug: it raises instead of reading 'no'."""
        with pytest.raises(TypeError):
            bool(UNKNOWN)
        with pytest.raises(TypeError):
            bool(Tri.UNKNOWN)

    def test_helpers(self) -> None:
        """known/or_else/tri/not_ keep unknown apart from none and zero."""
        assert (False, True, True, True) == (known(UNKNOWN), known(None), known(0), known(()))
        assert 7 == or_else(UNKNOWN, 7)
        assert 0 == or_else(0, 7)
        assert Tri.UNKNOWN is tri(UNKNOWN, lambda v: v > 1)
        assert Tri.UNKNOWN is not_(UNKNOWN)
        assert Tri.FALSE is not_(True)


class TestRuleTable:
    """RuleTable.evaluate on a toy table."""

    def test_fired_fail_decides_whatever_the_unknowns(self, rb: Rulebook) -> None:
        """A 30-month period is not met whatever the unknown secrets and seniority are."""
        c = TABLE.evaluate(Employee(months=30), on=DAY, rulebook=rb)
        assert Outcome.NOT_MET is c.outcome
        assert ["noncompete.duration.exceeds_cap"] == [f.code for f in c.findings]
        # the open rows can no longer change the outcome
        assert all(not u.decisive for u in c.open)
        assert {"secrets", "senior"} == {f for u in c.open for f in u.facts}

    def test_unknown_fact_is_undetermined_with_both_answers(self, rb: Rulebook) -> None:
        """Unknown secrets leave the criterion undetermined and say what each answer gives."""
        c = TABLE.evaluate(Employee(months=12, senior=True), on=DAY, rulebook=rb)
        assert Outcome.INSUFFICIENT_EVIDENCE is c.outcome
        (row,) = c.open
        assert ("noncompete.eligibility.no_secrets_known", ("secrets",)) == (row.rule, row.facts)
        assert (Outcome.NOT_MET, Outcome.MET) == (row.if_holds, row.otherwise)
        assert [I2_13_1] == [x.id for x in row.citations]
        assert "secrets" == c.missing()[0].fact

    def test_all_stated_is_met(self, rb: Rulebook) -> None:
        """Every fact stated and no failing row: met."""
        c = TABLE.evaluate(Employee(months=24, secrets=3, senior=True), on=DAY, rulebook=rb)
        assert (Outcome.MET, (), ()) == (c.outcome, c.findings, c.open)

    def test_rule_not_in_force_never_fires(self, rb: Rulebook) -> None:
        """Before Interp. (II) took effect (2025-09-01) its Art. 13(1) row does not exist."""
        facts = Employee(months=12, secrets=0, senior=True)
        before = TABLE.evaluate(facts, on=pendulum.date(2025, 8, 31), rulebook=rb)
        on_day = TABLE.evaluate(facts, on=pendulum.date(2025, 9, 1), rulebook=rb)
        assert Outcome.MET is before.outcome
        assert Outcome.NOT_MET is on_day.outcome
        assert ["noncompete.eligibility.no_secrets_known"] == [f.code for f in on_day.findings]

    def test_citation_repointed_to_the_version_in_force(self, rb: Rulebook) -> None:
        """In 2010 the LCL 2012 citation becomes the LCL 2007 one (same article)."""
        c = TABLE.evaluate(Employee(months=30), on=pendulum.date(2010, 5, 1), rulebook=rb)
        assert ["lcl@2007-06-29:24.2"] == [x.id for x in c.findings[0].citations]
        assert ["lcl@2007-06-29:24.2"] == [x.id for x in c.citations]

    def test_guidance_supports_only_from_publication(self, rb: Rulebook) -> None:
        """The MOHRSS guidelines are cited from 2025-09-12, the policy row fires before too."""
        facts = Employee(months=12, secrets=2, senior=False)
        early = TABLE.evaluate(facts, on=pendulum.date(2025, 9, 11), rulebook=rb)
        late = TABLE.evaluate(facts, on=pendulum.date(2025, 9, 12), rulebook=rb)
        assert [POLICY] == [x.id for x in early.findings[0].citations]
        assert [POLICY, GUIDE] == [x.id for x in late.findings[0].citations]
        assert Outcome.MET is late.outcome  # a NOTES row changes nothing

    @given(
        months=st.one_of(st.just(UNKNOWN), st.integers(0, 60)),
        secrets=st.one_of(st.just(UNKNOWN), st.integers(0, 3)),
        senior=st.one_of(st.just(UNKNOWN), st.booleans()),
        data=st.data(),
    )
    def test_decided_outcome_is_invariant(
        self, rb: Rulebook, months: object, secrets: object, senior: object, data: st.DataObject
    ) -> None:
        """A decided outcome does not change whatever value an unknown fact is given."""
        facts = Employee(months=months, secrets=secrets, senior=senior)  # type: ignore[arg-type]
        before = TABLE.evaluate(facts, on=DAY, rulebook=rb).outcome
        filled = Employee(
            months=data.draw(st.integers(0, 60)) if months is UNKNOWN else months,  # type: ignore[arg-type]
            secrets=data.draw(st.integers(0, 3)) if secrets is UNKNOWN else secrets,  # type: ignore[arg-type]
            senior=data.draw(st.booleans()) if senior is UNKNOWN else senior,  # type: ignore[arg-type]
        )
        after = TABLE.evaluate(filled, on=DAY, rulebook=rb).outcome
        if before is not Outcome.INSUFFICIENT_EVIDENCE:
            assert before is after

    def test_undetermined_outcome_changes_for_some_value(self, rb: Rulebook) -> None:
        """An undetermined outcome changes for at least one value of the unknown fact."""
        facts = Employee(months=12, senior=True)
        assert Outcome.INSUFFICIENT_EVIDENCE is TABLE.evaluate(facts, on=DAY, rulebook=rb).outcome
        outcomes = {
            TABLE.evaluate(attrs.evolve(facts, secrets=n), on=DAY, rulebook=rb).outcome
            for n in range(3)
        }
        assert {Outcome.MET, Outcome.NOT_MET} == outcomes

    def test_read_path_stops_at_unknown(self) -> None:
        """A path through an unknown value is unknown."""

        @attrs.frozen
        class Outer:
            inner: object

        assert UNKNOWN is read_path(Outer(inner=UNKNOWN), "inner.months")
        assert 3 == read_path(Outer(inner=Employee(months=3)), "inner.months")

    def test_criterion_outcome_table(self) -> None:
        """The stated function of fired and open rows."""
        assert Outcome.NOT_MET is criterion_outcome([Effect.FAILS], [Effect.DOUBTS])
        assert Outcome.INSUFFICIENT_EVIDENCE is criterion_outcome([Effect.DOUBTS], [])
        assert Outcome.INSUFFICIENT_EVIDENCE is criterion_outcome([], [Effect.FAILS])
        assert Outcome.MET is criterion_outcome([Effect.NOTES], [Effect.NOTES])

    def test_criterion_never_rests_on_a_later_law(self, rb: Rulebook) -> None:
        """Before its own basis existed a criterion rests on the rows that were law, or does not apply."""
        later = RuleTable[Employee](
            criterion="noncompete.criterion.eligibility",
            basis=(I2_13_1,),
            checks=(*TABLE.checks[:2],),
        )
        in_2015 = later.evaluate(Employee(months=30), on=pendulum.date(2015, 6, 1), rulebook=rb)
        assert ["lcl@2012-12-28:24.2"] == [c.id for c in in_2015.citations]
        assert Outcome.NOT_MET is in_2015.outcome
        only_later = RuleTable[Employee](
            criterion="noncompete.criterion.eligibility",
            basis=(I2_13_1,),
            checks=(TABLE.checks[1],),
        )
        before = only_later.evaluate(Employee(secrets=0), on=pendulum.date(2015, 6, 1), rulebook=rb)
        assert (Outcome.NOT_APPLICABLE, ()) == (before.outcome, before.findings)

    def test_clock_drops_repealed_law(self, rb: Rulebook) -> None:
        """Interp. (IV) Art. 6 is not law after its repeal on 2021-01-01."""
        assert LegalClock(rb, pendulum.date(2020, 12, 31)).cite("spc-labor-4@2013-01-18:6")
        assert LegalClock(rb, pendulum.date(2021, 1, 1)).cite("spc-labor-4@2013-01-18:6") is None


class TestHeadline:
    """An assessment's outcome is a stated function of its criteria."""

    def _criterion(self, rb: Rulebook, outcome: Outcome) -> Criterion:
        return Criterion(
            code=f"c.{outcome.value}", outcome=outcome, citations=rb.cite_all(LCL_24_1)
        )

    @given(st.lists(st.sampled_from(list(Outcome)), min_size=1, max_size=6))
    def test_combine_never_hides_a_failure(self, outcomes: list[Outcome]) -> None:
        """Any not met → not met; else any undetermined → undetermined; never 'met' over a failure."""
        headline = Outcome.combine(outcomes)
        if Outcome.NOT_MET in outcomes:
            assert Outcome.NOT_MET is headline
        elif Outcome.INSUFFICIENT_EVIDENCE in outcomes:
            assert Outcome.INSUFFICIENT_EVIDENCE is headline
        assert not set(outcomes) & headline.hides_failure_of

    def test_constructor_refuses_a_hiding_headline(self, rb: Rulebook) -> None:
        """A 'met' assessment over a criterion not met is a bug the constructor refuses."""
        crits = (self._criterion(rb, Outcome.MET), self._criterion(rb, Outcome.NOT_MET))
        with pytest.raises(ValueError, match=r"use Outcome\.combine"):
            Assessment(
                kind="k",
                subject="s",
                as_of=DAY,
                outcome=Outcome.MET,
                citations=rb.cite_all(LCL_24_1),
                criteria=crits,
            )
        ok = Assessment(
            kind="k",
            subject="s",
            as_of=DAY,
            outcome=Outcome.NOT_MET,
            citations=rb.cite_all(LCL_24_1),
            criteria=crits,
        )
        assert Combination.ALL is ok.combination

    def test_missing_facts_most_decisive_first(self, rb: Rulebook) -> None:
        """Facts that decide a criterion come before those that only decide a note."""
        c = TABLE.evaluate(Employee(months=12), on=DAY, rulebook=rb)
        ranked = missing_facts(c.open)
        assert ["secrets", "senior"] == [m.fact for m in ranked]
        assert (True, False) == (ranked[0].decisive, ranked[1].decisive)
        assert Severity.CRITICAL is ranked[0].severity


class TestBasisAndContext:
    """A result's tier comes from what it rests on, never from context."""

    def test_context_does_not_raise_the_tier(self, rb: Rulebook) -> None:
        """A practice figure that mentions a binding article as context stays practice."""
        f = Finding(
            code="x",
            severity=Severity.LOW,
            citations=rb.cite_all("common-practice@2026-11-21"),
            context=rb.cite_all("spc-ts@2020-09-10:6"),
        )
        assert (False, "practice") == (f.binding, f.tier.value)
        assert ["spc-ts@2020-09-10:6"] == [c.id for c in f.context]


class TestExplainMissing:
    """Explanations put the missing facts at the top and list the open rules."""

    @pytest.mark.parametrize(
        ("locale", "heading", "outcome"),
        [
            ("en", "What is missing:", "insufficient evidence"),
            ("zh_CN", "尚缺的事实：", "证据不足"),
        ],
    )
    def test_missing_list_at_the_top(
        self, rb: Rulebook, locale: str, heading: str, outcome: str
    ) -> None:
        """The missing facts come before the criteria, most decisive first, in both locales."""
        c = TABLE.evaluate(
            Employee(months=12), on=DAY, rulebook=rb, facts_args={"cap": 24, "months": 12}
        )
        a = Assessment(
            kind="noncompete",
            subject="NC-1",
            as_of=DAY,
            outcome=Outcome.combine([c.outcome]),
            citations=rb.cite_all(LCL_24_1),
            criteria=(c,),
        )
        text = explain(a, locale=locale, format="markdown")
        lines = text.splitlines()
        top = lines.index(heading)
        assert lines[top + 1].startswith("- `secrets`")
        assert lines[top + 2].startswith("- `senior`")
        assert top < next(i for i, line in enumerate(lines) if "###" in line)
        assert outcome in text
        assert "`noncompete.eligibility.no_secrets_known`" in text
