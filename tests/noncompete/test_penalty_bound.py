"""A penalty multiple whose penalty leaves the range of money is an input error at the
multiple's full path in the case file (never the short path ``amount``)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.fuzz.harness import example, replaced
from tradesecret.casefile import load_case, review_case
from tradesecret.exceptions import InvalidInputError
from tradesecret.i18n import Localizer

_TEMPLATE = "gives an amount larger than {limit} in magnitude (the supported range)"


def problems_of(document: Any) -> list[tuple[str, str, str]]:
    """(path, value, reason) of every problem loading and reviewing ``document`` raises."""
    with pytest.raises(InvalidInputError) as info:
        review_case(load_case(document))
    return [(p.path, p.value, p.reason) for p in info.value.problems]


@pytest.mark.parametrize("basis", ["multiple_of_total_compensation", "multiple_of_monthly_wage"])
@pytest.mark.parametrize("multiple", ["1000000000000", "999999999999999999999999999999"])
def test_a_huge_multiple_of_the_agreement_is_refused_at_its_path(basis: str, multiple: str) -> None:
    """``agreement.penalty.multiple`` of 10^12 or 10^30 - 1: the penalty would exceed the
    bound of money (10^15), refused at ``$.data.agreement.penalty.multiple``."""
    document = replaced(
        example("noncompete"),
        ("data", "agreement", "penalty"),
        {"basis": basis, "multiple": multiple},
    )
    assert problems_of(document) == [
        (
            "$.data.agreement.penalty.multiple",
            multiple,
            "gives an amount larger than 1,000,000,000,000,000 in magnitude (the supported range)",
        )
    ]


def test_a_multiple_within_the_bound_is_reviewed() -> None:
    """A multiple of 3 of the total compensation is reviewed (no input error)."""
    document = replaced(
        example("noncompete"),
        ("data", "agreement", "penalty"),
        {"basis": "multiple_of_total_compensation", "multiple": "3"},
    )
    assert review_case(load_case(document)).results


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        (("penalty", "multiple"), "1000000000000", "$.data.breach.penalty.multiple"),
        (("loss", "amount"), "999999999999999", "$.data.breach.loss"),
        (
            ("income", "average_monthly_wage", "amount"),
            "999999999999999",
            "$.data.breach.compensation",
        ),
        (
            ("income", "average_monthly_wage", "amount"),
            "99999999999999",
            "$.data.breach.penalty.multiple",
        ),
    ],
)
def test_a_breach_whose_amounts_leave_the_range_names_the_input(
    path: tuple[str, ...], value: str, where: str
) -> None:
    """The breach section: an amount beyond 10^15 (penalty multiple, the loss times the
    guidance multiple, the compensation over the period) is refused at the input that took
    it there, a full path in the case file."""
    document = replaced(example("noncompete_breach"), ("data", "breach", *path), value)
    found = problems_of(document)
    assert [(p, r) for p, _, r in found] == [
        (where, _TEMPLATE.format(limit="1,000,000,000,000,000"))
    ]


def test_the_bound_is_said_in_chinese() -> None:
    """The problem is said in Chinese from the catalog, with the bound as a parameter."""
    document = replaced(
        example("noncompete"),
        ("data", "agreement", "penalty"),
        {"basis": "multiple_of_total_compensation", "multiple": "1000000000000"},
    )
    with pytest.raises(InvalidInputError) as info:
        review_case(load_case(document))
    expected = (
        "$.data.agreement.penalty.multiple："
        "由此得出的金额绝对值大于 1,000,000,000,000,000（超出支持范围）（收到 1000000000000）"
    )
    assert Localizer.for_locale("zh_CN").error(info.value) == [expected]


@pytest.mark.parametrize(
    ("changes", "where"),
    [
        ({("compensation", "ratio"): "100000"}, "$.data.breach.compensation.ratio"),
        (
            {
                ("penalty",): {
                    "shape": "multiple_of_breached_months_compensation",
                    "multiple": "5",
                },
                ("income", "breached_months"): 10**14,
            },
            "$.data.breach.income.breached_months",
        ),
        (
            {
                ("penalty",): {
                    "shape": "multiple_of_breached_months_compensation",
                    "multiple": "5",
                },
                ("income", "breached_months"): 30,
            },
            "$.data.breach.penalty.multiple",
        ),
    ],
)
def test_the_compensation_and_breached_months_name_their_own_paths(
    changes: dict[tuple[str, ...], Any], where: str
) -> None:
    """A wage of 10^14 - 1 a month: a compensation ratio of 100,000, or 10^14 breached months,
    is refused at its own path; 30 months times a multiple of 5 at the multiple's."""
    document = replaced(
        example("noncompete_breach"),
        ("data", "breach", "income", "average_monthly_wage", "amount"),
        "99999999999999",
    )
    for path, value in changes.items():
        document = replaced(document, ("data", "breach", *path), value)
    assert [(p, r) for p, _, r in problems_of(document)] == [
        (where, _TEMPLATE.format(limit="1,000,000,000,000,000"))
    ]


def test_an_agreed_monthly_amount_whose_total_leaves_the_range_names_its_path() -> None:
    """A monthly compensation of 10^15 - 1 over the restricted months: the total the penalty
    is compared with would exceed the bound, refused at
    ``$.data.agreement.compensation.monthly_amount`` (was the short path ``amount``)."""
    document = replaced(
        example("noncompete_breach"),
        ("data", "agreement", "compensation", "monthly_amount", "amount"),
        "999999999999999",
    )
    assert problems_of(document) == [
        (
            "$.data.agreement.compensation.monthly_amount",
            '{"amount": "999999999999999.00", "currency": "CNY"}',
            _TEMPLATE.format(limit="1,000,000,000,000,000"),
        )
    ]
