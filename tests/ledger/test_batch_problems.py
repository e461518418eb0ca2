"""A refused batch row keeps its problems: path, English reason, template and parameters."""

from __future__ import annotations

from typing import Any

import pendulum
import pytest

from tradesecret import InvalidInputError, Money
from tradesecret.i18n import Localizer
from tradesecret.i18n._errors import problem_reason
from tradesecret.ledger import (
    BatchInput,
    CompensationLedger,
    LedgerTerms,
    Payment,
    evaluate_batch,
    evaluate_compensation,
)
from tradesecret.ledger._engine_common import _lookup_failed
from tradesecret.ledger.rules import MAX_MONTHS

T = pendulum.Date(2025, 1, 31)


def _input(**columns: Any) -> BatchInput:
    base: dict[str, Any] = {
        "termination": [T.toordinal()] * 2,
        "months": [12, 12],
        "region": ["CN-SH", "CN-SH"],
        "agreed_fen": [600_000, 600_000],
        "average_wage_fen": [0, 0],
        "reminder": [0, 0],
        "pay_row": [],
        "pay_date": [],
        "pay_fen": [],
        "agreement_id": ["A", "B"],
    }
    return BatchInput(**{**base, **columns})


class TestRowProblems:
    zh = Localizer.for_locale("zh_CN")

    def test_kernel_check_keeps_its_template(self) -> None:
        """1,201 months: the English line as before, the problem with its column, template and limit."""
        res = evaluate_batch(_input(months=[12, MAX_MONTHS + 1]), as_of="2026-06-30")
        (error,) = res.errors
        (problem,) = error.problems
        assert ("months: above the accepted maximum of 1200",) == error.reasons
        assert ("months", "above the accepted maximum of {limit}") == (
            problem.path,
            problem.template,
        )
        assert (("limit", "1200"),) == problem.params
        assert "超过允许的上限 1200" == problem_reason(self.zh, problem)

    def test_reasons_and_problems_pair_up(self) -> None:
        """Several problems of a row: one English line per problem, in the same order."""
        res = evaluate_batch(
            _input(agreed_fen=[600_000, -5], region=["CN-SH", "CN-XX"]), as_of="2026-06-30"
        )
        (error,) = res.errors
        assert ("B", 1) == (error.agreement_id, error.row)
        assert ("negative agreed amount", "unknown region code") == error.reasons
        assert ["约定金额为负数", "未知的地区代码"] == [
            problem_reason(self.zh, p) for p in error.problems
        ]

    def test_exact_path_row_keeps_the_object_problem(self) -> None:
        """A payment naming instalment 40 of 12 goes through the object path; its problem is kept whole."""
        paid = Payment(date=T.add(days=30), amount=Money("6000.00"), instalment=40)
        res = evaluate_batch(_input(events=((1, paid),)), as_of="2026-06-30")
        (error,) = res.errors
        (problem,) = error.problems
        assert ("payments[0].instalment: not in 1..12",) == error.reasons
        assert ("not in 1..{months}", (("months", "12"),)) == (problem.template, problem.params)
        assert "不在 1..12 之间" == problem_reason(self.zh, problem)

    def test_given_reason_is_kept_as_given(self) -> None:
        """A reason the caller puts in BatchInput.unsupported is reported as it was given."""
        res = evaluate_batch(
            _input(unsupported=((0, "from the HR export: no contract"),)), as_of="2026-06-30"
        )
        (error,) = res.errors
        assert ("from the HR export: no contract",) == error.reasons
        assert "from the HR export: no contract" == error.problems[0].template


class TestObjectPathLookups:
    def test_termination_before_the_data_keeps_the_parameter_problem(self) -> None:
        """A termination in 2000 (before the 2008 LCL cap): the lookup's template, at termination_date."""
        terms = LedgerTerms(
            agreement_id="A",
            termination_date="2000-01-31",
            months=12,
            region="CN-SH",
            agreed_monthly=Money("6000"),
        )
        with pytest.raises(InvalidInputError) as info:
            evaluate_compensation(CompensationLedger(terms=terms), as_of="2001-01-01")
        (problem,) = info.value.problems
        assert "termination_date" == problem.path
        assert "parameter {name} has no value on this day; covered since {since}" == (
            problem.template
        )
        assert ("name", "noncompete.max_post_term_months") == problem.params[0]

    def test_a_lookup_error_without_problems(self) -> None:
        """A lookup that fails without saying why is still an input error at its field."""
        error = _lookup_failed(KeyError("x"), "region", "CN-XX")
        assert [("region", '"CN-XX"', "no parameter in force on this day")] == [
            (p.path, p.value, p.reason) for p in error.problems
        ]
