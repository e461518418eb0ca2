"""remedies(): every remedy with its basis, as of a date, with facts left out."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pendulum
import pytest

from tradesecret import explain
from tradesecret.exceptions import InvalidInputError
from tradesecret.money import Money
from tradesecret.remedies import (
    AfterBreach,
    Breach,
    BreachKind,
    Business,
    CompanyRole,
    CompensationClause,
    CompensationShape,
    IncomeFacts,
    Payment,
    PenaltyClause,
    PenaltyShape,
    ReturnScope,
    SideDuty,
    remedies,
)
from tradesecret.results import Outcome
from tradesecret.rulebook import Rulebook

D = pendulum.date
FORMER = Business(
    name="Former",
    business_lines=("动力电池",),
    products=("电芯",),
    customers=("整车厂",),
    markets=("中国",),
)
RIVAL = Business(
    name="Rival",
    business_lines=("动力电池",),
    products=("电芯",),
    customers=("整车厂",),
    markets=("中国",),
)
PAID = tuple(Payment(month=D(2025, m, 1), amount=Money("6000")) for m in (1, 2, 3, 4, 5))


def case(**kw: Any) -> AfterBreach:
    values: dict[str, Any] = {
        "breach": Breach(
            kind=BreachKind.WORKING_FOR_COMPETITOR, start=D(2025, 3, 10), business=RIVAL
        ),
        "employer": FORMER,
        "termination_date": D(2024, 12, 31),
        "restriction_months": 24,
        "in_service_clause": False,
        "compensation": CompensationClause(
            shape=CompensationShape.MONTHLY_AMOUNT, amount=Money("6000")
        ),
        "penalty": PenaltyClause(shape=PenaltyShape.FIXED_AMOUNT, amount=Money("1000000")),
        "payments": PAID,
        "return_scope": ReturnScope.ALL_PAID,
        "loss": Money("200000"),
    }
    values.update(kw)
    return AfterBreach(**values)


AS_OF = D(2026, 1, 15)


class TestReturnOfCompensation:
    def test_all_paid_returned(self, rb: Rulebook) -> None:
        """Agreed return of everything paid: 5 months of 6,000 = 30,000 (Interp. (II) Art. 15)."""
        item = remedies(case(), as_of=AS_OF, rulebook=rb).item("remedies.item.return_compensation")
        assert Outcome.MET is item.outcome
        facts = dict(item.facts)
        assert Money("30000.00") == facts["amount"]
        assert "2025-01, 2025-02, 2025-03, 2025-04, 2025-05" == facts["months"]
        assert ("spc-labor-2@2025-07-31:15",) == tuple(c.id for c in item.citations)

    def test_breached_months_only(self, rb: Rulebook) -> None:
        """Agreed return of the breached months: March to May, 18,000."""
        r = remedies(case(return_scope=ReturnScope.BREACHED_MONTHS), as_of=AS_OF, rulebook=rb)
        facts = dict(r.item("remedies.item.return_compensation").facts)
        assert Money("18000.00") == facts["amount"]
        assert 3 == facts["count"]

    def test_breached_months_end_with_the_breach(self, rb: Rulebook) -> None:
        """A breach from 2025-03-10 to 2025-04-10: only March and April are breached months (12,000)."""
        b = Breach(
            kind=BreachKind.WORKING_FOR_COMPETITOR,
            start=D(2025, 3, 10),
            end=D(2025, 4, 10),
            business=RIVAL,
        )
        r = remedies(
            case(breach=b, return_scope=ReturnScope.BREACHED_MONTHS), as_of=AS_OF, rulebook=rb
        )
        facts = dict(r.item("remedies.item.return_compensation").facts)
        assert (Money("12000.00"), "2025-03, 2025-04") == (facts["amount"], facts["months"])

    def test_scope_not_stated(self, rb: Rulebook) -> None:
        """What is returned not stated: undetermined, both figures shown, the fact named as missing."""
        r = remedies(_unknown_scope(), as_of=AS_OF, rulebook=rb)
        item = r.item("remedies.item.return_compensation")
        assert Outcome.INSUFFICIENT_EVIDENCE is item.outcome
        assert "return_scope" in {m.fact for m in r.missing()}

    def test_not_agreed(self, rb: Rulebook) -> None:
        """Art. 15 supports return only as agreed."""
        r = remedies(case(return_scope=ReturnScope.NONE_AGREED), as_of=AS_OF, rulebook=rb)
        assert Outcome.NOT_MET is r.item("remedies.item.return_compensation").outcome

    @pytest.mark.parametrize(
        ("day", "code"),
        [
            (D(2025, 8, 31), "remedies.return.no_rule_before_interp2"),
            (D(2025, 9, 1), "remedies.return.months"),
        ],
    )
    def test_before_interp2(self, rb: Rulebook, day: pendulum.Date, code: str) -> None:
        """Before 2025-09-01 no rule of law: the agreement governs and the result says so (library reading)."""
        item = remedies(case(), as_of=day, rulebook=rb).item("remedies.item.return_compensation")
        assert code in {f.code for f in item.findings}


def _unknown_scope() -> AfterBreach:
    c = case()
    values = {
        f: getattr(c, f)
        for f in (
            "breach",
            "employer",
            "termination_date",
            "restriction_months",
            "compensation",
            "penalty",
            "payments",
            "loss",
        )
    }
    return AfterBreach(**values)


class TestPenaltyDamagesPerformance:
    def test_penalty_and_adjustment(self, rb: Rulebook) -> None:
        """The agreed 1,000,000 with reduction indicated; never a predicted award."""
        r = remedies(case(), as_of=AS_OF, rulebook=rb)
        assert r.penalty is not None
        assert Money("1000000.00") == dict(r.item("remedies.item.penalty").facts)["amount"]
        assert Money("260000.00") == r.penalty.line("remedies.line.excessive").value

    def test_damages_beyond_low_penalty(self, rb: Rulebook) -> None:
        """Penalty 100,000, loss 300,000: damages beyond the penalty up to 200,000 (LCL Art. 90)."""
        low = PenaltyClause(shape=PenaltyShape.FIXED_AMOUNT, amount=Money("100000"))
        r = remedies(case(penalty=low, loss=Money("300000")), as_of=AS_OF, rulebook=rb)
        item = r.item("remedies.item.damages")
        assert Outcome.MET is item.outcome
        assert Money("200000.00") == dict(item.facts)["amount"]
        assert ("lcl@2012-12-28:90",) == tuple(c.id for c in item.citations)

    def test_no_penalty_damages_for_whole_loss(self, rb: Rulebook) -> None:
        """Stated: no penalty clause. The loss itself is the damages claim."""
        r = remedies(
            case(penalty=PenaltyClause(shape=PenaltyShape.NONE), loss=Money("80000")),
            as_of=AS_OF,
            rulebook=rb,
        )
        assert Money("80000.00") == dict(r.item("remedies.item.damages").facts)["amount"]
        assert Outcome.NOT_MET is r.item("remedies.item.penalty").outcome

    def test_continued_performance_remaining(self, rb: Rulebook) -> None:
        """24 months from 2024-12-31 end on 2026-12-31: 11 months remain on 2026-01-15 (Interp. (I) Art. 40)."""
        item = remedies(case(), as_of=AS_OF, rulebook=rb).item(
            "remedies.item.continued_performance"
        )
        facts = dict(item.facts)
        assert D(2026, 12, 31) == facts["end"]
        assert 11 == facts["months"]
        assert ("spc-labor-1@2020-12-29:40",) == tuple(c.id for c in item.citations)

    def test_continued_performance_before_interp4(self, rb: Rulebook) -> None:
        """Before 2013-02-01 no SPC rule addressed performance after the penalty."""
        c = case(
            breach=Breach(
                kind=BreachKind.WORKING_FOR_COMPETITOR, start=D(2012, 3, 1), business=RIVAL
            ),
            termination_date=D(2012, 1, 31),
            payments=(),
        )
        item = remedies(c, as_of=D(2013, 1, 31), rulebook=rb).item(
            "remedies.item.continued_performance"
        )
        assert "remedies.performance.no_rule" in {f.code for f in item.findings}


class TestCompanyLaw:
    def test_director_in_service_disgorgement(self, rb: Rulebook) -> None:
        """A director running a same-kind business in service: the income, 150,000, goes to the company (Art. 186)."""
        b = Breach(
            kind=BreachKind.RUNNING_COMPETING_BUSINESS,
            start=D(2024, 9, 1),
            end=D(2024, 12, 1),
            business=RIVAL,
            company_role=CompanyRole.DIRECTOR,
            board_approved=False,
            gains=Money("150000"),
        )
        r = remedies(case(breach=b, in_service_clause=True), as_of=AS_OF, rulebook=rb)
        item = r.item("remedies.item.disgorgement")
        assert Outcome.MET is item.outcome
        assert Money("150000.00") == dict(item.facts)["amount"]
        assert "company-law@2023-12-29:186" in {c.id for c in item.citations}

    def test_role_unknown(self, rb: Rulebook) -> None:
        """Office not stated: disgorgement undetermined, the role named as missing."""
        b = Breach(
            kind=BreachKind.RUNNING_COMPETING_BUSINESS,
            start=D(2024, 9, 1),
            end=D(2024, 12, 1),
            business=RIVAL,
        )
        r = remedies(case(breach=b), as_of=AS_OF, rulebook=rb)
        assert Outcome.INSUFFICIENT_EVIDENCE is r.item("remedies.item.disgorgement").outcome
        assert "breach.company_role" in {m.fact for m in r.missing()}


class TestSideDutyAndUnknowns:
    def test_side_duty_breach(self, rb: Rulebook) -> None:
        """A side-duty breach is reviewed apart: no return of compensation arises from it here."""
        b = Breach(
            kind=BreachKind.SIDE_DUTY,
            start=D(2025, 3, 1),
            side_duty=SideDuty.REPORT_NEW_EMPLOYMENT,
            duty_limited_to_period=True,
            duty_limited_to_verification=True,
        )
        r = remedies(case(breach=b), as_of=AS_OF, rulebook=rb)
        assert ("remedies.criterion.side_duty",) == tuple(c.code for c in r.scope)
        assert Outcome.NOT_APPLICABLE is r.item("remedies.item.return_compensation").outcome

    def test_everything_left_out(self, rb: Rulebook) -> None:
        """Only the breach stated: every remedy that needs facts is undetermined, none is zero."""
        r = remedies(
            AfterBreach(
                breach=Breach(
                    kind=BreachKind.WORKING_FOR_COMPETITOR, start=D(2025, 3, 1), business=RIVAL
                )
            ),
            as_of=AS_OF,
            rulebook=rb,
        )
        outcomes = {c.code: c.outcome for c in r.items}
        assert Outcome.INSUFFICIENT_EVIDENCE is outcomes["remedies.item.return_compensation"]
        assert Outcome.INSUFFICIENT_EVIDENCE is outcomes["remedies.item.penalty"]
        assert Outcome.INSUFFICIENT_EVIDENCE is outcomes["remedies.item.damages"]
        assert Outcome.INSUFFICIENT_EVIDENCE is outcomes["remedies.item.continued_performance"]
        assert {"payments", "loss", "penalty"} <= {m.fact for m in r.missing()}

    def test_multiple_of_breached_months_needs_months(self, rb: Rulebook) -> None:
        """Double the compensation of the breached months: 2 x 6,000 x 3 = 36,000 once the months are stated."""
        clause = PenaltyClause(
            shape=PenaltyShape.MULTIPLE_OF_BREACHED_MONTHS_COMPENSATION, multiple=Decimal("2")
        )
        r = remedies(
            case(penalty=clause, income=IncomeFacts(breached_months=3)), as_of=AS_OF, rulebook=rb
        )
        assert Money("36000.00") == dict(r.item("remedies.item.penalty").facts)["amount"]

    def test_breach_after_as_of_is_an_input_error(self, rb: Rulebook) -> None:
        """A breach starting after the day asked about is an input error."""
        with pytest.raises(InvalidInputError):
            remedies(case(), as_of=D(2025, 1, 1), rulebook=rb)

    @pytest.mark.parametrize("locale", ["zh_CN", "en"])
    def test_explain_both_locales(self, rb: Rulebook, locale: str) -> None:
        """The remedies render in both locales, the missing facts first."""
        text = explain(
            remedies(_unknown_scope(), as_of=AS_OF, rulebook=rb), locale=locale, format="markdown"
        )
        assert text.index("return_scope") < text.index("30,000.00")


def test_breach_length_is_a_factor_from_the_dates(rb: Rulebook) -> None:
    """The penalty factors show the breach's length from its dates: 2025-03-10 to 2026-01-15 is 312 days."""
    r = remedies(case(), as_of=AS_OF, rulebook=rb)
    assert r.penalty is not None
    days = next(f for f in r.penalty.factors if f.code == "remedies.factor.breach_days")
    assert (True, 312) == (days.known, dict(days.args)["value"])
