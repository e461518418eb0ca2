"""Supply-chain practice figures: from 1993-12-01 (the AUCL 1993), the nominal leak floor from 2000."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tradesecret.dates import to_date
from tradesecret.exceptions import OutOfCoverageError
from tradesecret.money import Money
from tradesecret.supply_chain import (
    DestructionRecord,
    FloorControls,
    check_floor_controls,
    leak_liquidated_damages,
    quality_penalty,
)


def test_retention_on_the_first_day_of_the_aucl() -> None:
    """On 1993-12-01 the six-month retention applies: a video of that day is kept to 1994-06-01."""
    floor = FloorControls(
        site="S",
        destructions=(
            DestructionRecord(id="D", destroyed_on=to_date("1993-12-01"), video_ref="v"),
        ),
    )

    report = check_floor_controls(floor, as_of="1993-12-01")

    assert to_date("1994-06-01") == report.retention[0].keep_until


def test_retention_not_before_the_aucl() -> None:
    """On 1993-11-30 no trade-secret regime existed: the practice figure is not in coverage."""
    with pytest.raises(OutOfCoverageError):
        check_floor_controls(FloorControls(site="S"), as_of="1993-11-30")


def test_quality_default_from_1993() -> None:
    """The 2 %-per-dB default serves from 1993-12-01: 3 dB over on 100,000 is 6,000.00."""
    result = quality_penalty(Money("100000"), measured_db="58", limit_db="55", as_of="1993-12-01")

    assert Money("6000.00") == result.value


@pytest.mark.parametrize(("day", "covered"), [("1999-12-31", False), ("2000-01-01", True)])
def test_nominal_leak_floor_keeps_2000(day: str, covered: bool) -> None:
    """The RMB 500,000 leak floor is not carried before 2000-01-01; a stated floor works then."""
    if covered:
        result = leak_liquidated_damages(Money("100000"), as_of=day)
        assert Money("500000.00") == result.value
    else:
        with pytest.raises(OutOfCoverageError):
            leak_liquidated_damages(Money("100000"), as_of=day)
    stated = leak_liquidated_damages(
        Money("100000"), as_of=day, multiple=Decimal(3), floor=Money("200000")
    )
    assert Money("300000.00") == stated.value
