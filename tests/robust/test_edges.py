"""Edges of the strict reader, the bounds and the messages: each a typed error in plain words."""

from __future__ import annotations

import enum
import io
import json
import runpy
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from tradesecret._convert import exact
from tradesecret.casefile import (
    case_schema,
    example_text,
    load_case,
    review_case,
    schema_names,
)
from tradesecret.cli import EXIT_BAD_INPUT, EXIT_OK, main
from tradesecret.dates import (
    deadline,
    hours_after,
    month_periods,
    roll_forward,
    to_date,
    to_datetime,
)
from tradesecret.evidence import verify
from tradesecret.evidence.example import CONTENT, example_builder
from tradesecret.exceptions import (
    FloatNotAllowedError,
    InvalidInputError,
    Problem,
    render_value,
)
from tradesecret.money import Money, Ratio, to_decimal
from tradesecret.results import Finding, Severity
from tradesecret.rulebook import ParameterValue
from tradesecret.serialization import from_json, read_json, structure, to_json


def reasons(fn: Any, *args: Any) -> list[str]:
    """The reasons of the input error ``fn(*args)`` raises."""
    with pytest.raises(InvalidInputError) as info:
        fn(*args)
    return [p.reason for p in info.value.problems]


class TestDecimals:
    def test_integer_beyond_the_range(self) -> None:
        """A whole number beyond 1E+30 is outside the supported range."""
        assert [
            "larger than 1,000,000,000,000,000,000,000,000,000,000 in magnitude (the supported range)"
        ] == reasons(to_decimal, 10**31)

    def test_too_many_digits(self) -> None:
        """Decimal text of more than 40 digits is refused before conversion."""
        assert ["more than 40 digits"] == reasons(to_decimal, "1" * 41)

    def test_decimal_beyond_the_range(self) -> None:
        """A Decimal beyond 1E+30 is refused."""
        assert 1 == len(reasons(to_decimal, Decimal("1E+31")))

    def test_unicode_digits_are_not_decimal_text(self) -> None:
        """Arabic-Indic digits are not read as 12."""
        assert ["not a decimal number"] == reasons(to_decimal, "١٢")

    def test_other_types_named_as_json(self) -> None:
        """A dict or list is named as a JSON object or array."""
        assert ["expected a decimal string or a whole number, got an object"] == reasons(
            to_decimal, {}
        )
        assert ["expected a decimal string or a whole number, got an array"] == reasons(
            to_decimal, []
        )
        assert ["expected a decimal string or a whole number, got null"] == reasons(
            to_decimal, None
        )

    def test_thousands_separators_still_read(self) -> None:
        """``"5,000,000"`` is five million, as before."""
        assert Decimal(5_000_000) == to_decimal("5,000,000")


class TestMoney:
    def test_from_fen_bounds(self) -> None:
        """from_fen takes a whole number within the range."""
        assert Money("1.23") == Money.from_fen(123)
        assert 1 == len(reasons(Money.from_fen, True))
        assert 1 == len(reasons(Money.from_fen, 10**18))

    def test_fen_of_a_fraction(self) -> None:
        """``.fen`` of an amount that is not whole fen is an input error."""
        with pytest.raises(InvalidInputError):
            _ = Money("0.125").fen

    def test_operators(self) -> None:
        """Negation, hashing and the float refusal of a ratio's factor."""
        assert Money("-5") == -Money("5")
        assert {Money("5.0")} == {Money("5")}
        with pytest.raises(FloatNotAllowedError):
            _ = Ratio("0.3") * 0.5  # type: ignore[operator]
        assert Ratio("0.9") == Ratio("0.3") * 3
        assert NotImplemented == Money("1").__add__(1)  # type: ignore[operator]
        assert NotImplemented == Money("1").__sub__(1)  # type: ignore[operator]
        assert NotImplemented == Money("1").__lt__(1)  # type: ignore[operator]
        assert NotImplemented == Money("1").__eq__(1)

    def test_division_refuses_a_float_and_text(self) -> None:
        """Dividing money by a float is refused; by text it is not supported."""
        with pytest.raises(FloatNotAllowedError):
            _ = Money("1") / 0.5  # type: ignore[operator]
        assert NotImplemented == Money("1").__truediv__("2")  # type: ignore[operator]


class _Colour(enum.Enum):
    RED = "red"


class TestRender:
    def test_enum_long_int_nested_and_unknown(self) -> None:
        """Enums render as their value, huge ints by size, deep nesting elided, others by type."""
        assert '"red"' == render_value(_Colour.RED)
        assert "<a whole number of 3322 bits>" == render_value(10**1000)
        assert "[[[[…]]]]" == render_value([[[[[[1]]]]]])
        assert "<object>" == render_value(object())
        assert '"\\udfff"' == render_value("\udfff")
        assert 120 == len(render_value("x" * 500))

    def test_an_error_needs_a_problem(self) -> None:
        """An InvalidInputError without problems is a bug in the caller."""
        with pytest.raises(ValueError, match="at least one problem"):
            InvalidInputError([])


@attrs.frozen(kw_only=True)
class _Fee:
    amount: Money = attrs.field(validator=exact(Money))
    rate: Decimal | None = attrs.field(default=None, validator=exact(Decimal, optional=True))


class TestExact:
    def test_wrong_type_named(self) -> None:
        """A slot refuses another type with an input error naming class and field."""
        with pytest.raises(InvalidInputError) as info:
            _Fee(amount="5")  # type: ignore[arg-type]
        assert ("_Fee.amount", "expected an amount of money, got a string") == (
            info.value.field,
            info.value.problems[0].reason,
        )

    def test_int_is_a_whole_decimal(self) -> None:
        """An int is accepted where a Decimal is expected; a float is refused."""
        assert 3 == _Fee(amount=Money("1"), rate=3).rate  # type: ignore[arg-type]
        with pytest.raises(FloatNotAllowedError):
            _Fee(amount=Money("1"), rate=0.5)  # type: ignore[arg-type]
        assert "<exact Decimal or None>" == repr(attrs.fields(_Fee).rate.validator)


class TestDates:
    def test_roll_forward_needs_an_honest_calendar(self) -> None:
        """A calendar that never has a working day is a bug in that calendar."""

        class Never:
            def is_rest_day(self, day: object) -> bool:
                return True

            def officially_published(self, year: int) -> bool:
                return True

        with pytest.raises(ValueError, match="more than 60"):
            roll_forward("2025-01-01", Never())
        with pytest.raises(InvalidInputError):
            roll_forward("9999-12-31", Never())

    def test_hours_after_needs_a_counting(self) -> None:
        """An unknown counting is an input error listing the two."""
        with pytest.raises(InvalidInputError) as info:
            hours_after("2025-01-01T00:00:00+08:00", 1, counting="exact")  # type: ignore[arg-type]
        assert "expected one of exact, from_next_hour" == info.value.problems[0].reason

    def test_last_hour_of_the_last_day(self) -> None:
        """An hour period ending in the year 10000 is refused."""
        with pytest.raises(InvalidInputError):
            hours_after(to_datetime("9999-12-31T23:30:00+08:00"), 1)


class TestReader:
    def test_literal_and_enum(self) -> None:
        """A severity is one of its values; a number is not a severity."""
        with pytest.raises(InvalidInputError) as info:
            structure(1, Severity)
        assert info.value.problems[0].reason.startswith('expected one of "info"')

    def test_bytes_and_other_types(self) -> None:
        """read_json takes text or UTF-8 bytes only."""
        assert {"a": 1} == read_json(b'{"a": 1}')
        with pytest.raises(InvalidInputError):
            read_json(12)  # type: ignore[arg-type]

    def test_deep_path_with_escaped_key_and_closed_siblings(self) -> None:
        """The depth path skips closed siblings and reads escaped keys."""
        text = '{"x": [[1], {"k": 2}], "a\\"b": ' + "[" * 70 + "]" * 70 + "}"
        with pytest.raises(InvalidInputError) as info:
            read_json(text)
        assert info.value.field.startswith('$.a"b[0]')

    def test_long_float_literal(self) -> None:
        """A fraction literal of more than 40 digits is refused by its length."""
        with pytest.raises(InvalidInputError) as info:
            read_json('{"a": 1.' + "1" * 50 + "}")
        assert "a number with more than 40 digits" == info.value.problems[0].reason

    def test_citation_object_with_only_an_id(self) -> None:
        """A citation given as {"id": ...} is resolved; an unknown id is an input error."""
        finding: dict[str, Any] = {
            "code": "c",
            "severity": "low",
            "citations": [{"id": "lcl@2012-12-28:24.2"}],
        }
        assert "lcl@2012-12-28:24.2" == structure(finding, Finding).citations[0].id
        finding["citations"] = [{"id": "lcl@2012-12-28:999"}]
        with pytest.raises(InvalidInputError) as info:
            structure(finding, Finding)
        assert "$.citations[0]" == info.value.field
        finding["citations"] = [12]
        with pytest.raises(InvalidInputError):
            structure(finding, Finding)

    def test_message_arguments(self) -> None:
        """Message arguments are {"type", "value"} objects with a known type."""
        base = {"code": "c", "severity": "low", "citations": ["lcl@2012-12-28:24.2"]}
        good = {**base, "args": {"n": {"type": "int", "value": 3}}}
        assert (("n", 3),) == structure(good, Finding).args
        for bad in ({"n": 3}, {"n": {"type": "float", "value": 3}}):
            with pytest.raises(InvalidInputError):
                structure({**base, "args": bad}, Finding)

    def test_parameter_values(self) -> None:
        """A parameter value is an int, a decimal string or a money object."""
        rb_value = {
            "name": "x.y",
            "value": {"amount": "5"},
            "since": "2025-01-01",
        }
        with pytest.raises(InvalidInputError):
            structure({**rb_value, "value": [1]}, ParameterValue)

    def test_result_round_trip(self) -> None:
        """A finding round-trips through JSON."""
        finding = structure(
            {"code": "c", "severity": "low", "citations": ["lcl@2012-12-28:24.2"]}, Finding
        )
        assert finding == from_json(to_json(finding), Finding)


class TestCaseFiles:
    def test_envelope_problems_all_at_once(self) -> None:
        """A bad title and a missing as_of are reported together."""
        raw = json.loads(example_text("factory_audit"))
        raw["title"] = 5
        del raw["as_of"]
        with pytest.raises(InvalidInputError) as info:
            load_case(raw)
        assert ["$.title", "$.as_of"] == [p.path for p in info.value.problems]

    def test_unreadable_path(self, tmp_path: Path) -> None:
        """A file that cannot be read is an input error naming it."""
        with pytest.raises(InvalidInputError) as info:
            load_case(tmp_path / "missing.json")
        assert info.value.problems[0].reason.startswith("cannot read")

    def test_schema_names_and_review_schema(self) -> None:
        """The schema names start with the envelope and end with the review output."""
        names = schema_names()
        assert ("case", "review") == (names[0], names[-1])
        assert "results" in case_schema("review")["properties"]

    def test_review_renders_in_notebooks(self) -> None:
        """A review shows itself as Markdown and HTML."""
        review = review_case(load_case(example_text("factory_audit")))
        assert review._repr_markdown_().startswith("#")
        html = review._repr_html_()
        assert html is not None
        assert "<" in html

    def test_no_example_for_a_kind(self) -> None:
        """Asking for the example of an unknown kind is an input error."""
        with pytest.raises(InvalidInputError):
            example_text("nope")


class TestCli:
    def run(self, *argv: str) -> tuple[int, str, str]:
        """(exit code, stdout, stderr)."""
        out, err = io.StringIO(), io.StringIO()
        code = main(list(argv), stdout=out, stderr=err)
        return code, out.getvalue(), err.getvalue()

    def test_help_exits_0(self) -> None:
        """--help exits 0 and names the exit codes."""
        code, _, _ = self.run("--help")
        assert EXIT_OK == code

    def test_unreadable_file_exits_2(self, tmp_path: Path) -> None:
        """A case file that cannot be read exits 2 naming it."""
        code, _, err = self.run("review", str(tmp_path / "missing.json"), "--locale", "en")
        assert EXIT_BAD_INPUT == code
        assert "cannot read file: no such file" in err

    def test_law_out_of_coverage_exits_2(self, tmp_path: Path) -> None:
        """A date before the library's coverage is bad input (exit 2), not a crash."""
        raw = json.loads(example_text("noncompete"))
        raw["as_of"] = "1900-01-01"
        path = tmp_path / "old.json"
        path.write_text(json.dumps(raw), encoding="utf-8")
        code, _, err = self.run("review", str(path), "--locale", "en")
        assert EXIT_BAD_INPUT == code
        assert err.startswith("error: ")
        assert 1 == len(err.splitlines())

    def test_closed_pipe_is_not_a_bug(self) -> None:
        """A reader that goes away (``| head``) ends the run quietly with exit 0."""

        class Closed(io.StringIO):
            def write(self, text: str) -> int:
                raise BrokenPipeError

        err = io.StringIO()
        assert EXIT_OK == main(["schema", "case"], stdout=Closed(), stderr=err)
        assert "" == err.getvalue()

    def test_date_bound_in_problem(self) -> None:
        """Problems carry JSON text values."""
        assert '"2025-01-01"' == Problem.of("x", to_date("2025-01-01"), "r").value


class TestRoundTrips:
    def test_other_public_results_round_trip(self) -> None:
        """Integrity reports, deadlines, month periods, custody logs and chain checks round-trip."""
        graph = example_builder().build()
        values: list[Any] = [
            verify(graph, contents=CONTENT),
            deadline(to_date("2025-09-30"), days=1),
            month_periods("2025-01-31", 2)[1],
            graph.custody("E-mail"),
            graph.custody("E-mail").verify(),
        ]
        for value in values:
            assert value == from_json(to_json(value), type(value))


class TestCliEntryPoints:
    def test_module_entry_point(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """``python -m tradesecret.cli example factory_audit`` prints the example and exits 0."""
        monkeypatch.setattr(sys, "argv", ["tradesecret", "example", "factory_audit"])
        with pytest.raises(SystemExit) as info:
            runpy.run_module("tradesecret.cli.__main__", run_name="__main__")
        assert 0 == info.value.code
        assert '"kind": "factory_audit"' in capsys.readouterr().out

    def test_ledger_of_a_case_without_one(self, tmp_path: Path) -> None:
        """The ledger command on a noncompete case without a ledger exits 2 naming the path."""
        raw = json.loads(example_text("noncompete"))
        raw["data"].pop("ledger", None)
        path = tmp_path / "case.json"
        path.write_text(json.dumps(raw), encoding="utf-8")
        err = io.StringIO()
        code = main(
            ["ledger", str(path), "--as-of", "2025-12-31"], stdout=io.StringIO(), stderr=err
        )
        assert (EXIT_BAD_INPUT, True) == (code, "$.data.ledger" in err.getvalue())

    def test_ledger_of_another_kind(self, tmp_path: Path) -> None:
        """The ledger command reads noncompete cases only."""
        path = tmp_path / "case.json"
        path.write_text(example_text("factory_audit"), encoding="utf-8")
        err = io.StringIO()
        code = main(
            ["ledger", str(path), "--as-of", "2025-12-31"], stdout=io.StringIO(), stderr=err
        )
        assert (EXIT_BAD_INPUT, True) == (code, "$.kind" in err.getvalue())
