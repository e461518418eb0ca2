"""Case files: the breach section of the non-compete kind and the trade-secret enforcement kind."""

from __future__ import annotations

import copy
import io
import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pendulum
import pytest

from tradesecret.casefile import case_schema, example_text, load_case, review_case, review_schema
from tradesecret.cli import main
from tradesecret.exceptions import InvalidInputError
from tradesecret.facts import UNKNOWN
from tradesecret.i18n import explain
from tradesecret.money import Money
from tradesecret.remedies import Adjustment, EnforcementReview, FineBand, Remedies
from tradesecret.reports import render_html
from tradesecret.results import Outcome


def breach_example() -> dict[str, Any]:
    text = (
        resources.files("tradesecret.casefile") / "examples" / "noncompete_breach.json"
    ).read_text("utf-8")
    raw: dict[str, Any] = json.loads(text)
    return raw


def remedies_of(raw: dict[str, Any]) -> Remedies:
    result = review_case(load_case(json.dumps(raw))).results[-1]
    assert isinstance(result, Remedies)
    return result


class TestBreachSection:
    def test_example_reviews(self) -> None:
        """The shipped breach example: 18,000 returned for 3 months, penalty 360,000 above the 195,000 line."""
        r = remedies_of(breach_example())
        assert Outcome.MET is r.outcome
        ret = dict(r.item("remedies.item.return_compensation").facts)
        assert Money("18000.00") == ret["amount"]
        assert r.penalty is not None
        assert Money("360000.00") == r.penalty.agreed
        assert Money("195000.00") == r.penalty.line("remedies.line.excessive").value
        assert Adjustment.REDUCTION_LIKELY is r.penalty.adjustment

    @pytest.mark.parametrize("locale", ["zh_CN", "en"])
    def test_example_explains(self, locale: str) -> None:
        """The whole review explains itself in both locales."""
        review = review_case(load_case(json.dumps(breach_example())))
        assert "360,000.00" in explain(review, locale=locale)

    def test_html_report(self) -> None:
        """The bilingual HTML report renders the remedies."""
        review = review_case(load_case(json.dumps(breach_example())))
        html = render_html(review, locale="bilingual")
        assert 'lang="zh-CN"' in html and "360,000.00" in html

    def test_review_json_validates(self, tmp_path: Path) -> None:
        """`review --format json` of the breach example validates against the review schema."""
        file = tmp_path / "breach.json"
        file.write_text(json.dumps(breach_example(), ensure_ascii=False), encoding="utf-8")
        out = io.StringIO()
        assert 0 == main(
            ["review", str(file), "--format", "json"], stdout=out, stderr=io.StringIO()
        )
        jsonschema.validate(json.loads(out.getvalue()), review_schema())

    def test_facts_left_out(self) -> None:
        """A breach section with only the breach: remedies undetermined, the missing facts listed."""
        raw = breach_example()
        raw["data"]["breach"] = {"breach": raw["data"]["breach"]["breach"]}
        r = remedies_of(raw)
        assert Outcome.INSUFFICIENT_EVIDENCE is r.item("remedies.item.penalty").outcome
        assert Outcome.INSUFFICIENT_EVIDENCE is r.outcome  # the employer's business is not stated
        assert {"penalty", "loss", "payments"} <= {m.fact for m in r.missing()}

    def test_null_means_not_stated(self) -> None:
        """`null` is read as not stated, exactly like a field left out."""
        raw = breach_example()
        raw["data"]["breach"]["loss"] = None
        r = remedies_of(raw)
        assert Outcome.INSUFFICIENT_EVIDENCE is r.item("remedies.item.damages").outcome

    def test_schema_allows_null_facts(self) -> None:
        """The published schema accepts null for an unknown fact and the example validates."""
        raw = breach_example()
        raw["data"]["breach"]["loss"] = None
        jsonschema.validate(raw, case_schema("noncompete"))

    def test_clause_without_its_figure_is_read_unknown(self) -> None:
        """A penalty multiple without its figure is read as not stated, never as zero."""
        raw = breach_example()
        raw["data"]["breach"]["penalty"] = {"shape": "multiple_of_total_compensation"}
        assert UNKNOWN is load_case(json.dumps(raw)).data.breach.penalty.multiple

    def test_unknown_shape_is_an_input_error(self) -> None:
        """A clause shape the library does not know is an input error."""
        raw = breach_example()
        raw["data"]["breach"]["compensation"] = {
            "shape": "quarterly_bonus",
            "amount": {"amount": "1", "currency": "CNY"},
        }
        with pytest.raises(InvalidInputError):
            load_case(json.dumps(raw))


MONEY = {"amount": "120000.00", "currency": "CNY"}


@pytest.mark.parametrize(
    ("compensation", "penalty", "expected"),
    [
        (
            {"shape": "monthly_amount", "amount": {"amount": "6000", "currency": "CNY"}},
            {"shape": "multiple_of_monthly_wage", "multiple": "6"},
            "120000.00",
        ),
        (
            {"shape": "monthly_amount", "amount": {"amount": "6000", "currency": "CNY"}},
            {"shape": "fixed_amount", "amount": MONEY},
            "120000.00",
        ),
        (
            {"shape": "average_wage_ratio", "ratio": "0.3"},
            {"shape": "multiple_of_total_compensation", "multiple": "2"},
            "144000.00",
        ),
        (
            {"shape": "minimum_wage_ratio", "ratio": "2"},
            {"shape": "multiple_of_total_compensation", "multiple": "1"},
            "65760.00",
        ),
        (
            {"shape": "annual_amount", "amount": {"amount": "60000", "currency": "CNY"}},
            {"shape": "multiple_of_total_compensation", "multiple": "3"},
            "180000.00",
        ),
        (
            {"shape": "lump_sum", "amount": {"amount": "50000", "currency": "CNY"}},
            {"shape": "multiple_of_total_compensation", "multiple": "3"},
            "150000.00",
        ),
        (
            {"shape": "average_wage_ratio", "ratio": "0.1", "minimum_wage_floor": True},
            {"shape": "multiple_of_breached_months_compensation", "multiple": "2"},
            "16440.00",
        ),
        (
            {"shape": "monthly_amount", "amount": {"amount": "6000", "currency": "CNY"}},
            {
                "shape": "multiple_of_annual_income",
                "multiple": "2",
                "includes_affiliate_income": False,
            },
            "480000.00",
        ),
        (
            {"shape": "monthly_amount", "amount": {"amount": "6000", "currency": "CNY"}},
            {
                "shape": "multiple_of_annual_income",
                "multiple": "2",
                "includes_affiliate_income": True,
            },
            "600000.00",
        ),
        (
            {"shape": "monthly_amount", "amount": {"amount": "6000", "currency": "CNY"}},
            {"shape": "fixed_amount", "amount": MONEY, "actual_loss_if_higher": True},
            "120000.00",
        ),
    ],
)
def test_every_clause_shape_in_a_case_file(
    compensation: dict[str, Any], penalty: dict[str, Any], expected: str
) -> None:
    """Each clause shape read from a case file gives the agreed penalty (12 months, wage 20,000, minimum 2,740)."""
    raw = copy.deepcopy(breach_example())
    section = raw["data"]["breach"]
    section["compensation"] = compensation
    section["penalty"] = penalty
    section["income"] = {
        "average_monthly_wage": {"amount": "20000.00", "currency": "CNY"},
        "minimum_wage": {"amount": "2740.00", "currency": "CNY"},
        "annual_income": {"amount": "240000.00", "currency": "CNY"},
        "affiliate_income": {"amount": "60000.00", "currency": "CNY"},
        "breached_months": 3,
    }
    r = remedies_of(raw)
    assert Money(expected) == dict(r.item("remedies.item.penalty").facts)["amount"]


def test_no_penalty_shape_in_a_case_file() -> None:
    """Shape `none` states that no penalty was agreed: damages for the whole stated loss."""
    raw = breach_example()
    raw["data"]["breach"]["penalty"] = {"shape": "none"}
    r = remedies_of(raw)
    assert Outcome.NOT_MET is r.item("remedies.item.penalty").outcome
    assert Money("150000.00") == dict(r.item("remedies.item.damages").facts)["amount"]


class TestEnforcementKind:
    def test_example(self) -> None:
        """The example act spans 2025-10-15: AUCL 2025 applies, serious band 1,000,000-5,000,000."""
        review = review_case(load_case(example_text("trade_secret_enforcement")))
        result = review.results[0]
        assert isinstance(result, EnforcementReview)
        assert "2025-06-27" == result.version
        assert FineBand.SERIOUS is result.band
        assert (Money("1000000"), Money("5000000")) == tuple(d.value for d in result.fine)
        assert "remedies.enforcement.spans_change" in result.codes()

    def test_as_of_before_the_revision(self) -> None:
        """Reviewed as of 2025-10-14 the continuing act is under AUCL 2019: serious band from 500,000."""
        review = review_case(
            load_case(example_text("trade_secret_enforcement")), as_of=pendulum.date(2025, 10, 14)
        )
        result = review.results[0]
        assert isinstance(result, EnforcementReview)
        assert "2019-04-23" == result.version
        assert Money("500000") == result.fine[0].value

    def test_facts_left_out(self) -> None:
        """Only the start date: both bands, seriousness named as missing."""
        raw = json.loads(example_text("trade_secret_enforcement"))
        raw["data"]["act"] = {"start": "2020-06-01", "end": "2020-06-30"}
        result = review_case(load_case(json.dumps(raw))).results[0]
        assert isinstance(result, EnforcementReview)
        assert FineBand.EITHER is result.band
        assert "act.serious" in {f for u in result.open for f in u.facts}
