"""Every message code the definition and measures modules can emit exists in both languages."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tradesecret.definition import ClassificationTier
from tradesecret.i18n import catalog
from tradesecret.measures import MeasureKind, ScopeCategory
from tradesecret.rulebook import Rulebook

SRC = Path(__file__).resolve().parents[2] / "src" / "tradesecret"
CODE = re.compile(r"^(definition|measures)\.[a-z0-9_.]+$")


def literal_codes() -> set[str]:
    found: set[str] = set()
    for folder in ("definition", "measures"):
        for path in (SRC / folder).glob("*.py"):
            tree = ast.parse(path.read_text("utf-8"))
            parts = {
                id(part)
                for node in ast.walk(tree)
                if isinstance(node, ast.JoinedStr)
                for part in node.values
            }
            found |= {
                node.value
                for node in ast.walk(tree)
                if isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in parts
                and CODE.match(node.value)
            }
    return found


def family_codes() -> set[str]:
    codes = {f"definition.secrecy.item{i}" for i in range(1, 6)}
    codes |= {f"rule.spc_ts_art4_1_item{i}" for i in range(1, 6)}
    for i in range(1, 8):
        codes |= {
            f"definition.measures.item{i}",
            f"rule.spc_ts_art6_item{i}",
            f"measures.remedy.item{i}",
            f"measures.adequacy.item{i}",
            f"measures.item.{i}",
        }
    codes |= {"measures.gap.missing", "measures.gap.unproven"}
    codes |= {f"measures.kind.{k.value}" for k in MeasureKind}
    codes |= {f"measures.scope.{c.value}" for c in ScopeCategory}
    codes |= {f"measures.tier.{t.value}" for t in ClassificationTier}
    for step in ("register", "carriers", "reminder", "access"):
        codes |= {
            f"measures.exit.{step}",
            f"measures.exit.{step}.missing",
            f"measures.exit.{step}.step",
        }
    codes |= {"assessment.trade_secret", "assessment.measures_adequacy"}
    codes |= {"assessment.nda_review", "assessment.exit_check"}
    return codes


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_every_code_has_a_message(locale: str, rb: Rulebook) -> None:
    """Literal codes (other than parameter names) and code families are all in the catalog."""
    parameters = set(rb.parameter_names())
    wanted = (literal_codes() - parameters) | family_codes()
    missing = sorted(code for code in wanted if not catalog(locale).get(code))

    assert [] == missing
