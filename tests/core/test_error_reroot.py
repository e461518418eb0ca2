"""Problems re-rooted through serialization keep their template, params and full JSON path."""

from __future__ import annotations

import enum

import attrs
import pytest

from tradesecret._convert import check_id
from tradesecret.exceptions import InvalidInputError, Problem
from tradesecret.i18n import Localizer
from tradesecret.money import Money
from tradesecret.serialization import from_json, structure


class Colour(enum.Enum):
    RED = "red"
    GREEN = "green"


@attrs.frozen(kw_only=True)
class Item:
    id: str = attrs.field(validator=check_id)
    price: Money
    colour: Colour


@attrs.frozen(kw_only=True)
class Order:
    items: tuple[Item, ...]


def _problems(data: object) -> list[Problem]:
    with pytest.raises(InvalidInputError) as info:
        structure(data, Order)
    return list(info.value.problems)


def test_value_object_problem_keeps_template_at_full_path() -> None:
    """Money's own check, three levels down: full JSON path, template and params kept."""
    [problem] = _problems(
        {"items": [{"id": "a", "price": {"amount": "1.0000000000001"}, "colour": "red"}]}
    )
    assert (
        "$.items[0].price.amount",
        "more than {limit} decimal places",
        (("limit", "12"),),
    ) == (problem.path, problem.template, problem.params)
    assert '$.items[0].price.amount：小数超过 12 位（收到 "1.0000000000001"）' == (
        Localizer.for_locale("zh_CN").problem(problem)
    )


def test_validator_path_names_fields_not_classes() -> None:
    """An attrs validator's problem (``Item.id``) is reported at the JSON path ``$.items[0].id``."""
    [problem] = _problems({"items": [{"id": " a", "price": {"amount": "1"}, "colour": "red"}]})
    assert ("$.items[0].id", "must be a non-blank string without surrounding spaces") == (
        problem.path,
        problem.template,
    )


def test_enum_error_lists_the_allowed_values() -> None:
    """A value outside an enum names every allowed value, as JSON text, in the params."""
    [problem] = _problems({"items": [{"id": "a", "price": {"amount": "1"}, "colour": "blue"}]})
    assert ("$.items[0].colour", "expected one of {allowed}") == (problem.path, problem.template)
    assert (("allowed", '"red", "green"'),) == problem.params
    assert 'expected one of "red", "green"' == problem.reason
    assert "应为以下之一" in Localizer.for_locale("zh_CN").problem(problem)


def test_wrong_json_kind_is_a_translated_parameter() -> None:
    """The kind of JSON value got is a parameter the Chinese catalog translates too."""
    [problem] = _problems({"items": "many"})
    assert ("$.items", "expected an array, got {got}", (("got", "a string"),)) == (
        problem.path,
        problem.template,
        problem.params,
    )
    assert '$.items：应为数组，实际为字符串（收到 "many"）' == Localizer.for_locale(
        "zh_CN"
    ).problem(problem)


def test_cattrs_refusals_are_templates() -> None:
    """A missing field and unknown fields (cattrs' own refusals) are catalog templates."""
    with pytest.raises(InvalidInputError) as info:
        from_json('{"items": [{"id": "a", "colour": "red", "size": 3}]}', Order)
    got = {(p.path, p.template, p.value) for p in info.value.problems}
    assert {
        ("$.items[0].price", "required field missing", ""),
        ("$.items[0]", "unknown fields", '["size"]'),
    } == got
