"""The reproducers of issue 15, each a regression test: no input crashes, nothing converted."""

from __future__ import annotations

import datetime
import io
import json
from decimal import Decimal
from typing import Any

import attrs
import pytest

import tradesecret.cli as cli
from tradesecret._convert import check_id
from tradesecret.casefile import example_names, example_text, load_case, review_case
from tradesecret.cli import EXIT_BAD_INPUT, EXIT_INTERNAL_ERROR, main
from tradesecret.dates import hours_after, term_end, to_date
from tradesecret.definition import ValueEvidence, ValueKind
from tradesecret.exceptions import FloatNotAllowedError, InvalidInputError, render_value
from tradesecret.measures import LiquidatedDamages
from tradesecret.money import Money, Ratio
from tradesecret.rulebook import Rulebook
from tradesecret.serialization import from_json, read_json, to_json
from tradesecret.supply_chain import leak_liquidated_damages


def example(kind: str) -> dict[str, Any]:
    """The shipped example of ``kind`` as decoded JSON."""
    data: dict[str, Any] = json.loads(example_text(kind))
    return data


def problems(source: object) -> list[tuple[str, str]]:
    """(path, reason) of every problem ``load_case`` reports for ``source``."""
    with pytest.raises(InvalidInputError) as info:
        load_case(source)  # type: ignore[arg-type]
    return [(p.path, p.reason) for p in info.value.problems]


class TestJsonLimits:
    def test_deep_nesting_is_an_input_error(self) -> None:
        """1. A hundred thousand nested arrays: an input error naming the depth, no RecursionError."""
        text = '{"title":' + "[" * 100_000 + "]" * 100_000 + "}"
        [(path, reason)] = problems(text)
        assert "nested deeper than 64 levels" == reason
        assert path.startswith("$.title[0][0]")

    def test_deep_nesting_path_names_keys(self) -> None:
        """The depth error's path follows object keys and array indexes."""
        text = '{"a": [1, {"b": ' + "[" * 70 + "]" * 70 + "}]}"
        with pytest.raises(InvalidInputError) as info:
            read_json(text)
        assert "$.a[1].b" + "[0]" * 61 == info.value.field

    def test_long_integer_literal_is_an_input_error(self) -> None:
        """2. An integer literal of 5,000 digits is refused by its length, not by int()."""
        assert [("$.version", "a number with more than 40 digits")] == problems(
            '{"version":' + "9" * 5000 + "}"
        )

    def test_huge_exponent_is_refused_before_conversion(self) -> None:
        """3. ``1E+999999`` in an integer field is refused by its exponent, with its path."""
        text = example_text("factory_audit").replace(
            '"utility_bill_months": 3', '"utility_bill_months": 1E+999999'
        )
        assert [
            (
                "$.data.profile.utility_bill_months",
                "a number with an exponent larger than 40",
            )
        ] == problems(text)

    def test_integral_number_literal_is_a_whole_number(self) -> None:
        """A JSON number such as 1E+1 is the whole number 10, as in JSON Schema."""
        text = example_text("factory_audit").replace(
            '"utility_bill_months": 3', '"utility_bill_months": 1E+1'
        )
        assert 10 == load_case(text).data.profile.utility_bill_months

    def test_nan_and_duplicate_keys(self) -> None:
        """NaN is not JSON, and a repeated key is not silently overwritten."""
        with pytest.raises(InvalidInputError) as info:
            read_json('{"a": NaN, "b": 1, "b": 2}')
        assert [("$.b", "duplicate key"), ("$.a", "NaN and Infinity are not JSON numbers")] == [
            (p.path, p.reason) for p in info.value.problems
        ]

    def test_size_limit(self) -> None:
        """A text longer than the limit is refused before it is parsed."""
        with pytest.raises(InvalidInputError) as info:
            read_json(" " * 8_000_001)
        assert "longer than 8,000,000 characters" == info.value.problems[0].reason

    def test_not_utf8(self) -> None:
        """Bytes that are not UTF-8 are an input error."""
        with pytest.raises(InvalidInputError) as info:
            read_json(b'{"a": "\xff"}')
        assert "malformed JSON: not UTF-8" == info.value.problems[0].reason


class TestMoneyBounds:
    def test_huge_amount_is_refused(self) -> None:
        """4. ``Money("1E+26")`` is outside the range: an input error, not InvalidOperation."""
        with pytest.raises(InvalidInputError) as info:
            Money("1E+26").round_fen()
        assert "amount" == info.value.field

    def test_tiny_amount_is_refused(self) -> None:
        """4. ``Money("1e-999999")`` is refused by its exponent before any division overflows."""
        with pytest.raises(InvalidInputError) as info:
            Money("1e-999999").ratio_to(Money("1"))
        assert "exponent larger than 40 in magnitude" == info.value.problems[0].reason

    def test_tiny_decimal_amount_is_refused(self) -> None:
        """A tiny non-zero Decimal amount is below the supported range."""
        with pytest.raises(InvalidInputError):
            Money(Decimal("1e-999999"))

    def test_product_outside_range_is_an_input_error(self) -> None:
        """4. Damages on a 1E+14 loss times a multiple of 30 leave the range: an input error."""
        with pytest.raises(InvalidInputError):
            leak_liquidated_damages(Money("1E+14"), as_of="2025-06-01", multiple=30)

    def test_scale_of_amount_text(self) -> None:
        """Amount text with more than 12 decimal places is refused."""
        with pytest.raises(InvalidInputError) as info:
            Money("0.0000000000001")
        assert "more than 12 decimal places" == info.value.problems[0].reason

    def test_huge_wage_in_a_case_file(self) -> None:
        """4. A wage of ``"1E+30"`` is not a decimal the schema allows: an input error."""
        raw = example("noncompete")
        raw["data"]["employee"]["wages"][0]["amount"]["amount"] = "1000000000000000000000000000000"
        [(path, reason)] = problems(raw)
        assert "$.data.employee.wages[0].amount.amount" == path
        assert reason.startswith("larger than")

    def test_ratio_bounds(self) -> None:
        """A ratio above a million is refused; division by a zero or tiny divisor too."""
        with pytest.raises(InvalidInputError):
            Ratio("1E+7")
        with pytest.raises(InvalidInputError):
            _ = Money("1") / 0
        with pytest.raises(InvalidInputError):
            Money("1").ratio_to(Money("0"))


class TestUnicode:
    def test_lone_surrogate_is_refused_with_its_path(self) -> None:
        """5. A lone surrogate in a string is refused with its path."""
        text = example_text("factory_audit").replace('"SZ-PREC"', '"\\udfff"')
        assert [("$.data.profile.factory_id", "not valid Unicode (a lone surrogate)")] == (
            problems(text)
        )

    def test_lone_surrogate_in_an_id_from_python(self) -> None:
        """5. An identifier built in Python that is not valid Unicode is refused, naming it."""

        @attrs.frozen(kw_only=True)
        class Item:
            id: str = attrs.field(validator=check_id)

        with pytest.raises(InvalidInputError) as info:
            Item(id="\udfff")
        assert "Item.id" == info.value.field

    def test_lone_surrogate_in_a_key(self) -> None:
        """A key that is not valid Unicode is refused."""
        with pytest.raises(InvalidInputError) as info:
            read_json('{"\\ud800": 1}')
        assert "a key that is not valid Unicode" == info.value.problems[0].reason


class TestDateRange:
    def test_hours_after_the_last_day(self) -> None:
        """6. 48 hours after 9999-12-31T10:00+08:00 is past the last date: an input error."""
        with pytest.raises(InvalidInputError) as info:
            hours_after("9999-12-31T10:00:00+08:00", 48)
        assert "moment" == info.value.field

    def test_preservation_accepted_at_the_last_day(self) -> None:
        """6. A preservation case accepted on 9999-12-31 is an input error, not OverflowError."""
        raw = example("preservation")
        raw["data"]["dates"]["accepted_at"] = "9999-12-31T10:00:00+08:00"
        with pytest.raises(InvalidInputError):
            review_case(load_case(raw))

    @pytest.mark.parametrize("field", ["employment_start", "termination_date"])
    def test_employment_dates_on_the_last_day(self, field: str) -> None:
        """6. Employment start or termination on 9999-12-31 is an input error with full paths."""
        raw = example("noncompete")
        raw["data"]["employee"][field] = "9999-12-31"
        with pytest.raises(InvalidInputError) as info:
            review_case(load_case(raw))
        assert {p.path.split("[")[0] for p in info.value.problems} <= {
            "$.data.employee.termination_date",
            "$.data.employee.wages",
        }

    def test_offset_past_the_last_day(self) -> None:
        """A time whose Beijing time falls after 9999-12-31 is an input error."""
        with pytest.raises(InvalidInputError):
            hours_after("9999-12-31T23:00:00-10:00", 1)


class TestStrictReader:
    @pytest.mark.parametrize(
        ("value", "reason"),
        [
            (None, "expected a string, got null"),
            (12, "expected a string, got a number"),
            (True, "expected a string, got a boolean"),
        ],
    )
    def test_text_fields_take_text_only(self, value: object, reason: str) -> None:
        """7. An id given as null, a number or a boolean is not turned into text."""
        raw = example("factory_audit")
        raw["data"]["profile"]["factory_id"] = value
        assert [("$.data.profile.factory_id", reason)] == problems(raw)

    @pytest.mark.parametrize("value", ["false", 0, "yes"])
    def test_booleans_take_booleans_only(self, value: object) -> None:
        """7. ``"false"`` is not true: a boolean field takes true or false only."""
        raw = example("factory_audit")
        raw["data"]["profile"]["equipment_contracts"] = value
        [(path, reason)] = problems(raw)
        assert "$.data.profile.equipment_contracts" == path
        assert reason.startswith("expected a boolean")

    @pytest.mark.parametrize("literal", ["true", '"12"', "12.9"])
    def test_whole_numbers_take_whole_numbers_only(self, literal: str) -> None:
        """7. A whole-number field refuses true, "12" and 12.9 (never truncated to 12)."""
        text = example_text("factory_audit").replace(
            '"utility_bill_months": 3', f'"utility_bill_months": {literal}'
        )
        [(path, reason)] = problems(text)
        assert "$.data.profile.utility_bill_months" == path
        assert reason.startswith("expected a whole number, got")

    def test_enum_error_lists_the_allowed_values(self) -> None:
        """10. An enum error lists the allowed values."""
        raw = example("factory_audit")
        raw["data"]["profile"]["live_video"] = "maybe"
        assert [
            (
                "$.data.profile.live_video",
                'expected one of "watermarked", "no_watermark", "refused"',
            )
        ] == problems(raw)


class TestPublicApi:
    def test_value_evidence_amount_refuses_a_float(self) -> None:
        """9. ``ValueEvidence.amount=1.5`` raises FloatNotAllowedError at construction."""
        with pytest.raises(FloatNotAllowedError):
            ValueEvidence(kind=next(iter(ValueKind)), amount=1.5)  # type: ignore[arg-type]

    def test_nda_damages_floor_refuses_a_float(self) -> None:
        """9. An NDA's ``damages.floor=1.5`` raises FloatNotAllowedError."""
        with pytest.raises(FloatNotAllowedError):
            LiquidatedDamages(floor=1.5)  # type: ignore[arg-type]

    def test_term_end_takes_a_datetime_date(self) -> None:
        """9. ``term_end(datetime.date(2025, 1, 31), months=1)`` is 28 February 2025."""
        assert to_date("2025-02-28") == term_end(datetime.date(2025, 1, 31), months=1)

    def test_term_end_refuses_other_types(self) -> None:
        """A start that is not a date is an input error naming it."""
        with pytest.raises(InvalidInputError) as info:
            term_end(20250131, months=1)  # type: ignore[arg-type]
        assert "start" == info.value.field

    def test_param_takes_iso_text(self, rb: Rulebook) -> None:
        """9. ``rb.param(..., as_of="2025-01-01")`` works; bad text is an input error."""
        text = rb.param("noncompete.max_post_term_months", as_of="2025-01-01")  # type: ignore[arg-type]
        day = rb.param("noncompete.max_post_term_months", as_of=to_date("2025-01-01"))
        assert day == text
        with pytest.raises(InvalidInputError):
            rb.param("noncompete.max_post_term_months", as_of="2025-13-01")  # type: ignore[arg-type]

    @pytest.mark.parametrize("kind", example_names())
    def test_review_results_round_trip(self, kind: str) -> None:
        """9. ``to_json(review.results)`` works (preservation included); each result round-trips."""
        review = review_case(load_case(example_text(kind)))
        assert json.loads(to_json(review.results))
        for result in review.results:
            again = from_json(to_json(result), type(result))
            assert to_json(result) == to_json(again)


class TestMessages:
    def test_no_python_repr_in_problem_values(self) -> None:
        """10. Values in messages are JSON-like text, never a Python repr."""
        with pytest.raises(InvalidInputError) as info:
            term_end("2025-02-30", months=1)
        assert '"2025-02-30"' == info.value.value
        assert '{"amount": "-6000.00", "currency": "CNY"}' == render_value(Money("-6000.00"))
        assert '"2025-01-01"' == render_value(to_date("2025-01-01"))

    def test_numpy_values_render_as_json(self) -> None:
        """10. numpy scalars render as their JSON value (``"NC-9"``, not ``np.str_('NC-9')``)."""
        np = pytest.importorskip("numpy")
        assert ['"NC-9"', "3", "1.5"] == [
            render_value(np.str_("NC-9")),
            render_value(np.int64(3)),
            render_value(np.float64(1.5)),
        ]

    def test_float_message(self) -> None:
        """The float error shows the float as JSON."""
        with pytest.raises(FloatNotAllowedError) as info:
            Money(0.1)
        assert "float 0.1 is not accepted @ amount" in str(info.value)


class TestCliExitCodes:
    def run(self, *argv: str) -> tuple[int, str]:
        """Run the CLI; (exit code, stderr)."""
        out, err = io.StringIO(), io.StringIO()
        code = main(list(argv), stdout=out, stderr=err)
        return code, err.getvalue()

    def test_bad_input_exits_2(self, tmp_path: Any) -> None:
        """A case file with a deep nesting exits 2 with one line per problem."""
        path = tmp_path / "deep.json"
        path.write_text('{"title":' + "[" * 1000 + "]" * 1000 + "}")
        code, err = self.run("review", str(path), "--locale", "en")
        assert EXIT_BAD_INPUT == code
        assert "nested deeper than 64 levels" in err

    def test_internal_error_exits_70_in_one_line(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A bug exits 70 with one line and an error id; the traceback only with --debug."""

        def boom(*_: object) -> int:
            raise KeyError("oops")

        monkeypatch.setattr(cli, "_dispatch", boom)
        code, err = self.run("schema", "case")
        assert EXIT_INTERNAL_ERROR == code
        assert 1 == len(err.splitlines())
        assert err.startswith("error: internal error ")
        assert "Traceback" not in err
        code, err = self.run("--debug", "schema", "case")
        assert EXIT_INTERNAL_ERROR == code
        assert "Traceback" in err
        assert err.splitlines()[-1].startswith("error: internal error ")
