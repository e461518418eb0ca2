"""The law's lists as rows: every kind falls under exactly one item, and the rows quote and cite their clause."""

from __future__ import annotations

from tradesecret.definition import ExposureKind
from tradesecret.definition._model import PUBLIC_KNOWLEDGE_ITEMS
from tradesecret.measures import MeasureKind
from tradesecret.measures._model import MEASURE_ITEMS
from tradesecret.rulebook import Rulebook


def test_every_exposure_kind_in_one_art_4_item(rb: Rulebook) -> None:
    """SPC 2020 Art. 4(1): five items, each quoted and citable, covering every exposure kind once."""
    kinds = [k for row in PUBLIC_KNOWLEDGE_ITEMS for k in row.kinds]
    assert sorted(k.value for k in ExposureKind) == sorted(k.value for k in kinds)
    assert [1, 2, 3, 4, 5] == [row.item for row in PUBLIC_KNOWLEDGE_ITEMS]
    for row in PUBLIC_KNOWLEDGE_ITEMS:
        assert row.clause and row.clause_2007
        assert f"spc-ts@2020-09-10:4.1.{row.item}" == rb.cite(row.cite).id
        assert f"spc-unfair-comp@2007-01-12:9.2.{row.item}" == rb.cite(row.cite_2007).id
        assert all(k.item == row.item for k in row.kinds)


def test_every_measure_kind_in_one_art_6_item(rb: Rulebook) -> None:
    """SPC 2020 Art. 6(1): seven items, each quoted and citable, covering every measure kind once."""
    kinds = [k for row in MEASURE_ITEMS for k in row.kinds]
    assert sorted(k.value for k in MeasureKind) == sorted(k.value for k in kinds)
    assert list(range(1, 8)) == [row.item for row in MEASURE_ITEMS]
    for row in MEASURE_ITEMS:
        assert row.clause
        assert f"spc-ts@2020-09-10:6.1.{row.item}" == rb.cite(row.cite).id
        assert all(k.item == row.item for k in row.kinds)


def test_2007_items() -> None:
    """法释〔2007〕2号 Art. 11(3): an NDA is item 5, need-to-know item 1, a training item 7 (other measures)."""
    assert 5 == MeasureKind.CONFIDENTIALITY_AGREEMENT.item_2007
    assert 1 == MeasureKind.NEED_TO_KNOW.item_2007
    assert 7 == MeasureKind.TRAINING.item_2007
