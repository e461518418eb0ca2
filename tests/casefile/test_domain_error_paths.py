"""Domain errors reached from a case file: the full JSON path, and the reason in the caller's locale."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tradesecret.casefile import example_text, load_case, review_case
from tradesecret.casefile._noncompete import placed
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.i18n import Localizer
from tradesecret.i18n._errors import problem_reason
from tradesecret.ledger.rules import MAX_MONTHS

Data = dict[str, Any]


def _refused(kind: str, change: Callable[[Data], None]) -> tuple[Problem, ...]:
    """The problems of the shipped example of ``kind`` with one change to its data."""
    raw = json.loads(example_text(kind))
    change(raw["data"])
    with pytest.raises(InvalidInputError) as info:
        review_case(load_case(raw))
    return info.value.problems


def _set(*steps: str | int, to: object) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        node: Any = data
        for step in steps[:-1]:
            node = node[step]
        node[steps[-1]] = to

    return change


def _drop_wage(data: Data) -> None:
    del data["employee"]["wages"][3]


def _second_wage_of_a_month(data: Data) -> None:
    wages = data["employee"]["wages"]
    wages[4]["month"] = wages[3]["month"]


def _long_period_without_ledger_terms(data: Data) -> None:
    del data["ledger"]["terms"]
    data["agreement"]["duration_months"] = 5000


def _termination_in_9999(data: Data) -> None:
    del data["ledger"]["terms"]
    data["employee"]["termination_date"] = "9999-06-30"
    for i, wage in enumerate(data["employee"]["wages"]):  # the twelve months before it
        wage["month"] = f"9998-{i + 7:02d}-01" if i < 6 else f"9999-{i - 5:02d}-01"


def _executed_in_9999(data: Data) -> None:
    data["dates"].update(
        accepted_at="9999-12-20T10:00:00+08:00",
        ruled_at="9999-12-20T12:00:00+08:00",
        executed_on="9999-12-30",
    )


CASES = [
    # non-compete: employee, agreement and the ledger's events
    (
        "noncompete",
        _set("employee", "wages", 3, "amount", "amount", to="-5"),
        "$.data.employee.wages[3].amount",
        "must not be negative",
    ),
    (
        "noncompete",
        _second_wage_of_a_month,
        "$.data.employee.wages[4].month",
        "two wage records for the same month",
    ),
    ("noncompete", _drop_wage, "$.data.employee.wages", "no wage record for this month"),
    (
        "noncompete",
        _set("agreement", "duration_months", to=-1),
        "$.data.agreement.duration_months",
        "must be >= 0",
    ),
    (
        "noncompete",
        _set("agreement", "employee", to="E-9"),
        "$.data.agreement.employee",
        "the agreement binds another person than employee.person_id {person}",
    ),
    (
        "noncompete",
        _long_period_without_ledger_terms,
        "$.data.agreement.duration_months",
        "above the accepted maximum of {limit}",
    ),
    (
        "noncompete",
        _termination_in_9999,
        "$.data.employee.termination_date",
        "the period would run past 9999-12-31, the last supported date",
    ),
    (
        "noncompete",
        _set("ledger", "terms", "months", to=13),
        "$.data.ledger.terms.months",
        "differs from {source} ({stated}): state the fact once",
    ),
    (
        "noncompete",
        _set("ledger", "payments", 1, "date", to="2025-01-01"),
        "$.data.ledger.payments[1].date",
        "a payment before the termination date",
    ),
    (
        "noncompete",
        _set("ledger", "payments", 1, "instalment", to=40),
        "$.data.ledger.payments[1].instalment",
        "not in 1..{months}",
    ),
    (
        "noncompete",
        _set("ledger", "payments", 1, "amount", "amount", to="1.001"),
        "$.data.ledger.payments[1].amount",
        "must be a whole number of fen",
    ),
    # remedies: the infringing act of an enforcement case
    (
        "trade_secret_enforcement",
        _set("act", "end", to="2025-01-01"),
        "$.data.act.end",
        "the act ends before it starts",
    ),
    (
        "trade_secret_enforcement",
        _set("act", "loss", "amount", to="-1"),
        "$.data.act.loss",
        "must not be negative",
    ),
    (
        "trade_secret_enforcement",
        _set("act", "start", to="1990-01-01"),
        "$.data.act.start",
        "no version of the Anti-Unfair Competition Law was in force that day",
    ),
    # preservation: the application and the procedural dates
    (
        "preservation",
        _set("dates", "accepted_at", to="9999-12-31T10:00:00+08:00"),
        "$.data.dates.accepted_at",
        "the period would run past 9999-12-31, the last supported date",
    ),
    (
        "preservation",
        _executed_in_9999,
        "$.data.dates.executed_on",
        "the period would run past 9999-12-31, the last supported date",
    ),
    (
        "preservation",
        _set("dates", "reconsideration_requested_on", to="9999-12-30"),
        "$.data.dates.reconsideration_requested_on",
        "the period would run past 9999-12-31, the last supported date",
    ),
    (
        "preservation",
        _set("dates", "ruled_at", to="2025-09-01T10:00:00+08:00"),
        "$.data.dates.ruled_at",
        "is before {earlier} ({day})",
    ),
    (
        "preservation",
        _set("application", "urgency", "discovered_on", to="2026-01-01"),
        "$.data.application.urgency.discovered_on",
        "is after as_of ({as_of})",
    ),
    (
        "preservation",
        _set("application", "orders", 1, "secrets", to=["TS-X"]),
        "$.data.application.orders[1].secrets[0]",
        "not a claimed secret",
    ),
]


@pytest.mark.parametrize(("kind", "change", "path", "template"), CASES)
def test_a_bad_value_is_named_by_its_full_json_path(
    kind: str, change: Callable[[Data], None], path: str, template: str
) -> None:
    """One bad value in a nested place of an example: the problem names its full $.data path."""
    problems = _refused(kind, change)
    assert (path, template) == (problems[0].path, problems[0].template)
    assert all(p.path.startswith("$.data.") for p in problems)


def test_wages_whose_total_is_out_of_range_are_named() -> None:
    """Twelve wages of 900 trillion yuan: their total is out of range, said at the wages."""

    def huge(data: Data) -> None:
        for wage in data["employee"]["wages"]:
            wage["amount"]["amount"] = "900000000000000"

    assert ["$.data.employee.wages"] == [p.path for p in _refused("noncompete", huge)]


class TestChineseMessages:
    zh = Localizer.for_locale("zh_CN")

    def test_bad_wage(self) -> None:
        """A negative wage of the fourth month: said in Chinese, at $.data.employee.wages[3].amount."""
        (problem,) = _refused(
            "noncompete", _set("employee", "wages", 3, "amount", "amount", to="-5")
        )
        assert "不得为负数" == problem_reason(self.zh, problem)
        assert (
            '$.data.employee.wages[3].amount：不得为负数（收到 {"amount": "-5", "currency": "CNY"}）'
            == self.zh.problem(problem)
        )

    def test_second_wage_of_a_month(self) -> None:
        """A second wage record for December 2024 names that record's month, in Chinese."""
        (problem,) = _refused("noncompete", _second_wage_of_a_month)
        assert '$.data.employee.wages[4].month：同一月份有两条工资记录（收到 "2024-12-01"）' == (
            self.zh.problem(problem)
        )

    def test_bad_restriction_period(self) -> None:
        """A 5,000-month restriction: above the 1,200-month limit, said at the agreement's field."""
        (problem,) = _refused("noncompete", _long_period_without_ledger_terms)
        assert ("limit", str(MAX_MONTHS)) in problem.params
        assert "$.data.agreement.duration_months：超过允许的上限 1200（收到 5000）" == (
            self.zh.problem(problem)
        )

    def test_bad_preservation_moment(self) -> None:
        """A ruling two weeks before the application was accepted: said in Chinese, at its date."""
        (problem,) = _refused(
            "preservation", _set("dates", "ruled_at", to="2025-09-01T10:00:00+08:00")
        )
        assert "早于 accepted_at（2025-09-16T10:00:00+08:00）" == problem_reason(self.zh, problem)
        assert "$.data.dates.ruled_at" == problem.path

    def test_discovery_after_the_review_date(self) -> None:
        """A discovery after the review date names the review date, in Chinese and English."""
        (problem,) = _refused(
            "preservation", _set("application", "urgency", "discovered_on", to="2026-01-01")
        )
        assert "晚于评估日（2025-09-16）" == problem_reason(self.zh, problem)
        assert "is after as_of (2025-09-16)" == problem.reason


ROOTS = {"wages": "$.data.employee.wages", "months": "$.data.agreement.duration_months"}


class TestPlaced:
    def test_first_step_mapped(self) -> None:
        """wages[3].amount under the employee; the template and parameters are kept."""
        problem = Problem.of("wages[3].amount", "-5", "must be at most {limit}", limit=24)
        moved = placed(problem, ROOTS)
        assert "$.data.employee.wages[3].amount" == moved.path
        assert (problem.template, problem.params) == (moved.template, moved.params)

    def test_default_and_untouched(self) -> None:
        """Another first step goes under the default; full paths and as_of stay as they are."""
        assert (
            "$.data.ledger.payments[0].date"
            == placed(Problem.of("payments[0].date", None, "x"), ROOTS, "$.data.ledger").path
        )
        for path in ("$.data.x", "as_of"):
            assert path == placed(Problem.of(path, None, "x"), ROOTS, "$.data.ledger").path
        assert "day" == placed(Problem.of("day", None, "x"), ROOTS).path
