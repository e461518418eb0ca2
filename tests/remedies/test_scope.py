"""Was it a breach: competitive relationship, indirect competition, in service, side duties."""

from __future__ import annotations

from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradesecret.engine import Effect
from tradesecret.exceptions import InvalidInputError
from tradesecret.facts import UNKNOWN
from tradesecret.remedies import Breach, BreachKind, Business, Channel, CompanyRole, Link, SideDuty
from tradesecret.remedies.scope import COMPETITION, Comparison, review_breach_scope
from tradesecret.results import Criterion, Outcome
from tradesecret.rulebook import Rulebook

D = pendulum.date
EMPLOYER = Business(
    name="Former",
    registered_scope=("电池研发",),
    business_lines=("动力电池",),
    products=("磷酸铁锂电芯",),
    customers=("整车厂",),
    markets=("中国",),
)


def _scope(rb: Rulebook, breach: Breach, **kw: Any) -> dict[str, Criterion]:
    out = review_breach_scope(
        breach,
        employer=kw.get("employer", EMPLOYER),
        termination_date=kw.get("termination", D(2025, 1, 31)),
        in_service_clause=kw.get("clause", UNKNOWN),
        as_of=D(2026, 1, 15),
        rulebook=rb,
    )
    return {c.code: c for c in out}


def _breach(other: Business, **kw: Any) -> Breach:
    return Breach(kind=BreachKind.WORKING_FOR_COMPETITOR, start=D(2025, 3, 1), business=other, **kw)


class TestCompetition:
    def test_registered_scope_alone_does_not_decide(self, rb: Rulebook) -> None:
        """Same registered scope, different actual business and products: no competitive relationship (GC 190)."""
        other = Business(
            name="Other",
            registered_scope=("电池研发",),
            business_lines=("消费电子",),
            products=("手机",),
            customers=("消费者",),
            markets=("中国",),
        )
        c = _scope(rb, _breach(other, substitutable=False))["remedies.criterion.competition"]
        assert Outcome.NOT_MET is c.outcome
        codes = {f.code for f in c.findings}
        assert {
            "remedies.competition.no_same_kind",
            "remedies.competition.registered_scope_not_decisive",
        } <= codes
        no_same = next(f for f in c.findings if f.code == "remedies.competition.no_same_kind")
        assert "gc-190@2022-12-08" in {x.id for x in no_same.citations}

    def test_substitutable_products_different_names(self, rb: Rulebook) -> None:
        """Products named differently but substitutable compete (typical cases of 2025-08-01)."""
        other = Business(
            name="Other",
            business_lines=("储能",),
            products=("钠离子电芯",),
            customers=("整车厂",),
            markets=("中国",),
        )
        c = _scope(rb, _breach(other, substitutable=True))["remedies.criterion.competition"]
        assert Outcome.MET is c.outcome
        assert "remedies.competition.substitutable" in {f.code for f in c.findings}

    def test_partial_overlap(self, rb: Rulebook) -> None:
        """A competitor that also does other things overlaps in part: met, with the shared line named."""
        other = Business(
            name="Other",
            business_lines=("动力电池", "光伏"),
            products=("磷酸铁锂电芯",),
            customers=("整车厂",),
            markets=("中国", "欧洲"),
        )
        c = _scope(rb, _breach(other))["remedies.criterion.competition"]
        assert Outcome.MET is c.outcome
        partial = next(f for f in c.findings if f.code == "remedies.competition.partial_overlap")
        assert "动力电池" == partial.arg("shared")

    def test_different_markets(self, rb: Rulebook) -> None:
        """Same products in a different market: a factor weighed under GC 190, not decisive alone: undetermined."""
        other = Business(
            name="Other",
            business_lines=("动力电池",),
            products=("磷酸铁锂电芯",),
            customers=("整车厂",),
            markets=("北美",),
        )
        c = _scope(rb, _breach(other))["remedies.criterion.competition"]
        assert Outcome.INSUFFICIENT_EVIDENCE is c.outcome
        markets = next(f for f in c.findings if f.code == "remedies.competition.different_markets")
        assert {"lcl@2012-12-28:24.2", "gc-190@2022-12-08"} == {x.id for x in markets.citations}

    def test_different_customers_and_markets_do_not_decide(self, rb: Rulebook) -> None:
        """Same business, customers and markets both disjoint: still undetermined, never 'no competition'."""
        other = Business(
            name="Other",
            business_lines=("动力电池",),
            products=("磷酸铁锂电芯",),
            customers=("储能电站",),
            markets=("北美",),
        )
        c = _scope(rb, _breach(other))["remedies.criterion.competition"]
        assert Outcome.INSUFFICIENT_EVIDENCE is c.outcome
        codes = {f.code for f in c.findings}
        assert {
            "remedies.competition.different_customers",
            "remedies.competition.different_markets",
            "remedies.competition.same_kind",
        } <= codes
        assert "remedies.competition.no_same_kind" not in codes

    def test_different_markets_and_no_same_kind_fails(self, rb: Rulebook) -> None:
        """No same kind of business decides it whatever the markets: not met."""
        other = Business(
            name="Other",
            business_lines=("消费电子",),
            products=("手机",),
            customers=("消费者",),
            markets=("北美",),
        )
        c = _scope(rb, _breach(other, substitutable=False))["remedies.criterion.competition"]
        assert Outcome.NOT_MET is c.outcome
        assert "remedies.competition.no_same_kind" in {f.code for f in c.findings}

    def test_customers_unknown_same_kind_unknown_not_decided(self, rb: Rulebook) -> None:
        """Disjoint markets with the kind of business not stated: undetermined (was: not met on markets alone)."""
        other = Business(name="Other", customers=("整车厂",), markets=("北美",))
        c = _scope(rb, _breach(other))["remedies.criterion.competition"]
        assert Outcome.INSUFFICIENT_EVIDENCE is c.outcome
        assert "remedies.competition.no_same_kind" in {u.rule for u in c.open}

    def test_unknown_facts_named(self, rb: Rulebook) -> None:
        """Customers and markets not stated: undetermined, and the facts are named."""
        other = Business(name="Other", business_lines=("动力电池",))
        c = _scope(rb, _breach(other))["remedies.criterion.competition"]
        assert Outcome.INSUFFICIENT_EVIDENCE is c.outcome
        missing = {m.fact for m in c.missing()}
        assert {"breach.business.customers", "breach.business.markets"} <= missing

    def test_customers_alone_unknown_is_decisive(self, rb: Rulebook) -> None:
        """Markets shared, customers not stated: the customers alone decide between met and undetermined."""
        other = Business(name="Other", business_lines=("动力电池",), markets=("中国",))
        c = _scope(rb, _breach(other))["remedies.criterion.competition"]
        assert Outcome.INSUFFICIENT_EVIDENCE is c.outcome
        open_row = next(u for u in c.open if u.rule == "remedies.competition.different_customers")
        assert Outcome.INSUFFICIENT_EVIDENCE is open_row.if_holds
        assert Outcome.MET is open_row.otherwise
        assert "breach.business.customers" in {m.fact for m in c.missing() if m.decisive}


class TestIndirectAndSideDuty:
    def test_spouse_company_with_link(self, rb: Rulebook) -> None:
        """Competing through a spouse's company with shareholding evidence: attributable (library policy)."""
        other = Business(
            name="Spouse Co",
            business_lines=("动力电池",),
            products=("磷酸铁锂电芯",),
            customers=("整车厂",),
            markets=("中国",),
        )
        b = Breach(
            kind=BreachKind.INDIRECT_COMPETITION,
            start=D(2025, 3, 1),
            business=other,
            channel=Channel.SPOUSE_OR_RELATIVE,
            links=(Link.SHAREHOLDING_OR_FUNDING,),
        )
        scope = _scope(rb, b)
        a = scope["remedies.criterion.attribution"]
        assert Outcome.MET is a.outcome
        assert not a.binding  # library policy: no rule of law defines indirect competition

    def test_no_link_evidence(self, rb: Rulebook) -> None:
        """Stated: no evidence links the person: not attributable."""
        b = Breach(
            kind=BreachKind.INDIRECT_COMPETITION,
            start=D(2025, 3, 1),
            business=EMPLOYER,
            channel=Channel.NOMINEE_SHAREHOLDER,
            links=(),
        )
        assert Outcome.NOT_MET is _scope(rb, b)["remedies.criterion.attribution"].outcome

    def test_links_unknown(self, rb: Rulebook) -> None:
        """Links not stated: undetermined."""
        b = Breach(kind=BreachKind.INDIRECT_COMPETITION, start=D(2025, 3, 1), business=EMPLOYER)
        assert (
            Outcome.INSUFFICIENT_EVIDENCE is _scope(rb, b)["remedies.criterion.attribution"].outcome
        )

    def test_side_duty_kept_apart(self, rb: Rulebook) -> None:
        """Failing to report new employment is not competition; a duty beyond the period is disproportionate (policy)."""
        b = Breach(
            kind=BreachKind.SIDE_DUTY,
            start=D(2025, 3, 1),
            side_duty=SideDuty.REPORT_NEW_EMPLOYMENT,
            duty_limited_to_period=False,
            duty_limited_to_verification=True,
        )
        scope = _scope(rb, b)
        assert ["remedies.criterion.side_duty"] == list(scope)
        c = scope["remedies.criterion.side_duty"]
        assert Outcome.NOT_MET is c.outcome
        assert {"remedies.side_duty.not_competition", "remedies.side_duty.beyond_period"} <= {
            f.code for f in c.findings
        }
        assert not c.binding

    def test_channel_only_for_indirect(self) -> None:
        """A channel on a direct breach is an input error."""
        with pytest.raises(InvalidInputError):
            Breach(
                kind=BreachKind.WORKING_FOR_COMPETITOR,
                start=D(2025, 3, 1),
                business=EMPLOYER,
                channel=Channel.FRONT_COMPANY,
            )


class TestInService:
    def _in_service(self, **kw: Any) -> Breach:
        return Breach(
            kind=BreachKind.RUNNING_COMPETING_BUSINESS,
            start=D(2024, 10, 1),
            business=EMPLOYER,
            **kw,
        )

    @pytest.mark.parametrize(("day", "fires"), [(D(2025, 8, 31), False), (D(2025, 9, 1), True)])
    def test_interp2_art14_from_2025_09_01(
        self, rb: Rulebook, day: pendulum.Date, fires: bool
    ) -> None:
        """The in-service clause is upheld under Interp. (II) Art. 14 from 2025-09-01, not the day before."""
        b = Breach(
            kind=BreachKind.RUNNING_COMPETING_BUSINESS,
            start=D(2024, 10, 1),
            end=day,
            business=EMPLOYER,
        )
        c = _scope(rb, b, clause=True)["remedies.criterion.in_service"]
        assert fires == ("remedies.in_service.clause_upheld" in {f.code for f in c.findings})

    def test_no_clause_no_office(self, rb: Rulebook) -> None:
        """A post-termination clause does not reach in-service conduct of a person without office."""
        c = _scope(
            rb, self._in_service(company_role=CompanyRole.NONE, end=D(2025, 1, 10)), clause=False
        )["remedies.criterion.in_service"]
        assert Outcome.NOT_MET is c.outcome

    def test_continued_after_termination(self, rb: Rulebook) -> None:
        """Joined the rival before leaving and stayed: the part after termination is a post-termination breach."""
        c = _scope(rb, self._in_service(company_role=CompanyRole.NONE), clause=False)[
            "remedies.criterion.in_service"
        ]
        assert Outcome.MET is c.outcome
        assert "remedies.in_service.continued_after_termination" in {f.code for f in c.findings}

    @pytest.mark.parametrize(
        ("day", "code"),
        [
            (D(2024, 6, 30), "remedies.in_service.company_law_2018"),
            (D(2024, 7, 1), "remedies.in_service.company_law_2023"),
        ],
    )
    def test_company_law_by_version(self, rb: Rulebook, day: pendulum.Date, code: str) -> None:
        """A director's same-kind business: Company Law 2018 Art. 148 to 2024-06-30, 2023 Art. 184 from 2024-07-01."""
        b = Breach(
            kind=BreachKind.RUNNING_COMPETING_BUSINESS,
            start=D(2024, 1, 1),
            end=day,
            business=EMPLOYER,
            company_role=CompanyRole.DIRECTOR,
            board_approved=False,
        )
        c = _scope(rb, b, clause=False)["remedies.criterion.in_service"]
        assert {code} == {f.code for f in c.findings} & {
            "remedies.in_service.company_law_2018",
            "remedies.in_service.company_law_2023",
        }

    def test_supervisor_only_from_2024_07_01(self, rb: Rulebook) -> None:
        """Supervisors are under the duty only from the 2023 Company Law."""
        b = Breach(
            kind=BreachKind.RUNNING_COMPETING_BUSINESS,
            start=D(2024, 1, 1),
            end=D(2024, 6, 30),
            business=EMPLOYER,
            company_role=CompanyRole.SUPERVISOR,
            board_approved=False,
        )
        c = _scope(rb, b, clause=True)["remedies.criterion.in_service"]
        assert not {f.code for f in c.findings} & {
            "remedies.in_service.company_law_2018",
            "remedies.in_service.company_law_2023",
        }


STATED = st.lists(st.sampled_from(["a", "b", "c"]), max_size=3).map(tuple)
LISTS = st.one_of(st.just(UNKNOWN), STATED)
BOOLS = st.one_of(st.just(UNKNOWN), st.booleans())
FIELDS = ("business_lines", "products", "customers", "markets")


@given(
    emp=st.fixed_dictionaries(dict.fromkeys(FIELDS, LISTS)),
    oth=st.fixed_dictionaries(dict.fromkeys(FIELDS, LISTS)),
    sub=BOOLS,
    fill=st.data(),
)
def test_decided_stays_decided_undetermined_can_change(
    rb: Rulebook, emp: dict[str, Any], oth: dict[str, Any], sub: Any, fill: st.DataObject
) -> None:
    """A decided competition outcome holds whatever the unknowns are; one undetermined by unknowns
    changes for some value; one made doubtful by a weighed factor (disjoint customers or markets)
    never becomes met."""
    day = D(2025, 1, 1)
    doubts = {c.code for c in COMPETITION.checks if c.effect is Effect.DOUBTS}

    def criterion(e: dict[str, Any], o: dict[str, Any], s: Any) -> Criterion:
        comp = Comparison(
            employer=Business(name="E", **e), other=Business(name="O", **o), substitutable=s
        )
        return COMPETITION.evaluate(comp, on=day, rulebook=rb)

    def outcome(e: dict[str, Any], o: dict[str, Any], s: Any) -> Outcome:
        return criterion(e, o, s).outcome

    first = criterion(emp, oth, sub)
    base = first.outcome
    filled_e = {k: (fill.draw(STATED) if v is UNKNOWN else v) for k, v in emp.items()}
    filled_o = {k: (fill.draw(STATED) if v is UNKNOWN else v) for k, v in oth.items()}
    filled_s = fill.draw(st.booleans()) if sub is UNKNOWN else sub
    after = outcome(filled_e, filled_o, filled_s)
    if base is not Outcome.INSUFFICIENT_EVIDENCE:
        assert base is after
    elif doubts & {f.code for f in first.findings}:
        assert after in {Outcome.INSUFFICIENT_EVIDENCE, Outcome.NOT_MET}
    else:
        values = [("a",), ("b",), ("c",), ("z",), ("a", "b", "c"), ()]
        seen = {
            outcome(
                {k: (v2 if v is UNKNOWN else v) for k, v in emp.items()},
                {k: (v3 if v is UNKNOWN else v) for k, v in oth.items()},
                s2 if sub is UNKNOWN else sub,
            )
            for v2 in values
            for v3 in values
            for s2 in (True, False)
        }
        assert len(seen) > 1


@pytest.mark.parametrize(
    ("breach", "termination", "clause", "criterion", "fact"),
    [
        (
            Breach(
                kind=BreachKind.WORKING_FOR_COMPETITOR,
                start=D(2025, 3, 1),
                business=Business(
                    name="R",
                    business_lines=("光伏",),
                    products=("组件",),
                    customers=("整车厂",),
                    markets=("中国",),
                ),
            ),
            D(2025, 1, 31),
            False,
            "remedies.criterion.competition",
            "breach.substitutable",
        ),
        (
            Breach(
                kind=BreachKind.RUNNING_COMPETING_BUSINESS,
                start=D(2024, 10, 1),
                end=D(2025, 1, 10),
                business=EMPLOYER,
                company_role=CompanyRole.NONE,
            ),
            D(2025, 1, 31),
            UNKNOWN,
            "remedies.criterion.in_service",
            "in_service_clause",
        ),
        (
            Breach(
                kind=BreachKind.RUNNING_COMPETING_BUSINESS,
                start=D(2024, 10, 1),
                end=D(2025, 1, 10),
                business=EMPLOYER,
                company_role=CompanyRole.NONE,
            ),
            UNKNOWN,
            False,
            "remedies.criterion.in_service",
            "termination_date",
        ),
        (
            Breach(
                kind=BreachKind.SIDE_DUTY,
                start=D(2025, 3, 1),
                side_duty=SideDuty.REPORT_NEW_EMPLOYMENT,
                duty_limited_to_period=True,
            ),
            D(2025, 1, 31),
            False,
            "remedies.criterion.side_duty",
            "duty_limited_to_verification",
        ),
    ],
)
def test_each_unknown_fact_is_named(
    rb: Rulebook, breach: Breach, termination: Any, clause: Any, criterion: str, fact: str
) -> None:
    """An unknown fact a rule turns on leaves the criterion undetermined and is named as missing."""
    c = _scope(rb, breach, termination=termination, clause=clause)[criterion]
    assert Outcome.INSUFFICIENT_EVIDENCE is c.outcome
    assert fact in {m.fact for m in c.missing() if m.decisive}


def test_what_decided_competition_is_said(rb: Rulebook) -> None:
    """A competitor found on actual business says which lines and products overlap."""
    other = Business(
        name="R",
        business_lines=("动力电池",),
        products=("磷酸铁锂电芯",),
        customers=("整车厂",),
        markets=("中国",),
    )
    c = _scope(rb, _breach(other))["remedies.criterion.competition"]
    found = next(f for f in c.findings if f.code == "remedies.competition.same_kind")
    assert ("动力电池", "磷酸铁锂电芯") == (found.arg("lines"), found.arg("products"))
