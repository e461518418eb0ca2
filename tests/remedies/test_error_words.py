"""Remedies input errors in the library's words, with their allowed values and Chinese text."""

from __future__ import annotations

from typing import Any

import pendulum
import pytest

from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.i18n import Localizer
from tradesecret.i18n._errors import problem_reason
from tradesecret.money import Money
from tradesecret.remedies import (
    Breach,
    CompensationClause,
    CompensationShape,
    InfringingAct,
    PenaltyClause,
    PenaltyShape,
)

ZH = Localizer.for_locale("zh_CN")


def _problems(make: Any, **fields: Any) -> tuple[Problem, ...]:
    with pytest.raises(InvalidInputError) as info:
        make(**fields)
    return info.value.problems


class TestClauseOperands:
    def test_amount_as_text(self) -> None:
        """A monthly amount given as text: "must be an amount of money", no Python type."""
        (p,) = _problems(CompensationClause, shape=CompensationShape.MONTHLY_AMOUNT, amount="6000")
        assert ("compensation.amount", "must be an amount of money") == (p.path, p.reason)
        assert "必须为金额" == problem_reason(ZH, p)

    def test_ratio_as_text(self) -> None:
        """A wage ratio given as text: "must be a ratio"."""
        (p,) = _problems(
            CompensationClause, shape=CompensationShape.AVERAGE_WAGE_RATIO, ratio="0.3"
        )
        assert ("compensation.ratio", "must be a ratio") == (p.path, p.reason)

    def test_multiple_as_text(self) -> None:
        """A penalty multiple given as text: "must be a number"."""
        (p,) = _problems(PenaltyClause, shape=PenaltyShape.MULTIPLE_OF_MONTHLY_WAGE, multiple="3")
        assert ("penalty.multiple", "must be a number") == (p.path, p.reason)
        assert "必须为数字" == problem_reason(ZH, p)

    def test_operand_of_another_shape(self) -> None:
        """A ratio on a fixed-amount clause: the shape and the field are parameters, said in Chinese."""
        (p,) = _problems(
            CompensationClause,
            shape=CompensationShape.MONTHLY_AMOUNT,
            amount=Money("6000"),
            ratio=Money("1"),
        )
        assert (("shape", '"monthly_amount"'), ("field", "ratio")) == p.params
        assert '已填写，但条款形式 "monthly_amount" 没有 ratio' == problem_reason(ZH, p)


class TestEnums:
    def test_clause_shape_lists_the_shapes(self) -> None:
        """A shape given as text lists every allowed shape."""
        (p,) = _problems(PenaltyClause, shape="fixed_amount")
        assert "expected one of {allowed}" == p.template
        assert p.reason.startswith("expected one of PenaltyShape.NONE, PenaltyShape.FIXED_AMOUNT")
        (p,) = _problems(CompensationClause, shape="lump_sum")
        assert "CompensationShape.LUMP_SUM" in p.reason

    def test_breach_kind_lists_the_kinds(self) -> None:
        """A breach kind given as text lists the kinds, in Chinese too."""
        (p,) = _problems(Breach, kind="competition", start=pendulum.Date(2025, 9, 1))
        assert "kind" == p.path
        assert problem_reason(ZH, p).startswith("应为以下之一：BreachKind.")


class TestInfringingAct:
    def test_negative_loss_and_gains(self) -> None:
        """A negative loss and negative gains are both refused, each at its field."""
        problems = _problems(
            InfringingAct,
            start="2025-08-01",
            loss=Money("-1"),
            infringer_gains=Money("-2"),
        )
        assert [("loss", "must not be negative"), ("infringer_gains", "must not be negative")] == [
            (p.path, p.reason) for p in problems
        ]
