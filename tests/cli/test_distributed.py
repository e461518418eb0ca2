"""The ledger batch path over partitions (Dask map_partitions, the Spark mapInArrow pattern): same results."""

from __future__ import annotations

import importlib
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tradesecret.ledger import batch_from_arrow, batch_from_pandas, evaluate_batch

pd: Any = pytest.importorskip("pandas")
pa: Any = pytest.importorskip("pyarrow")

AS_OF = "2026-03-31"
REGIONS = ["CN-SH", "CN-BJ", "CN-GD-SZ", "CN-ZJ"]


def population(n: int, seed: int = 7) -> tuple[Any, Any]:
    """Random agreements (a few invalid) and their payments."""
    rng = np.random.default_rng(seed)
    start = np.datetime64("2024-01-31")
    termination = start + rng.integers(0, 600, n).astype("timedelta64[D]")
    agreements = pd.DataFrame(
        {
            "agreement_id": [f"A{i:06d}" for i in range(n)],
            "termination_date": termination,
            "months": rng.integers(1, 25, n),
            "region": rng.choice([*REGIONS, "CN-XX"], n, p=[0.24, 0.24, 0.24, 0.24, 0.04]),
            "agreed_fen": np.where(rng.random(n) < 0.7, rng.integers(200_000, 2_000_000, n), 0),
            "average_wage_fen": rng.integers(500_000, 6_000_000, n),
            "reminder_date": np.where(
                rng.random(n) < 0.3, termination + np.timedelta64(70, "D"), np.datetime64("NaT")
            ),
        }
    )
    rows = rng.integers(0, n, n * 6)
    payments = pd.DataFrame(
        {
            "agreement_id": agreements["agreement_id"].to_numpy()[rows],
            "date": termination[rows] + rng.integers(1, 700, rows.size).astype("timedelta64[D]"),
            "amount_fen": rng.integers(100_000, 1_500_000, rows.size),
        }
    )
    return agreements, payments


def single_process(agreements: Any, payments: Any) -> Any:
    """The reference: one evaluate_batch over everything."""
    return evaluate_batch(batch_from_pandas(agreements, payments), as_of=AS_OF).to_pandas()


def evaluate_partition(agreements: Any, payments: Any) -> Any:
    """What each partition runs: the same kernel on its rows (payments of those rows only)."""
    agreements = agreements.reset_index()
    payments = payments.reset_index()
    result = evaluate_batch(batch_from_pandas(agreements, payments), as_of=AS_OF).to_pandas()
    result.index = agreements["agreement_id"].to_numpy()
    return result


def arrow_batches(batches: Iterator[Any]) -> Iterator[Any]:
    """The function handed to Spark's mapInArrow: rows carry their payments as list columns."""
    for batch in batches:
        table = pa.Table.from_batches([batch])
        payments = pa.table(
            {
                "agreement_id": pa.compute.list_parent_indices(table["pay_date"]).to_numpy(),
                "date": pa.compute.list_flatten(table["pay_date"]),
                "amount_fen": pa.compute.list_flatten(table["pay_fen"]),
            }
        )
        ids = table["agreement_id"].to_numpy(zero_copy_only=False)
        payments = payments.set_column(
            0, "agreement_id", pa.array(ids[payments["agreement_id"].to_numpy()])
        )
        agreements = table.drop_columns(["pay_date", "pay_fen"])
        result = evaluate_batch(batch_from_arrow(agreements, payments), as_of=AS_OF).to_pandas()
        result.insert(0, "agreement_id", ids)
        yield from pa.Table.from_pandas(result, preserve_index=False).to_batches()


def dates_as_date32(batches: Iterator[Any]) -> Iterator[Any]:
    """Spark takes Arrow dates as date32 (it rejects second-resolution timestamps)."""
    for batch in batches:
        fields = [
            pa.field(f.name, pa.date32()) if pa.types.is_timestamp(f.type) else f
            for f in batch.schema
        ]
        yield batch.cast(pa.schema(fields))


def spark_batches(batches: Iterator[Any]) -> Iterator[Any]:
    """The function handed to Spark's mapInArrow: the kernel, with Spark-friendly dates."""
    yield from dates_as_date32(arrow_batches(batches))


def nested(agreements: Any, payments: Any) -> Any:
    """Agreements with their payments as list columns (what a groupBy/collect_list join gives)."""
    grouped = payments.sort_values(["agreement_id", "date"]).groupby("agreement_id")
    lists = pd.DataFrame(
        {"pay_date": grouped["date"].agg(list), "pay_fen": grouped["amount_fen"].agg(list)}
    )
    merged = agreements.merge(lists, left_on="agreement_id", right_index=True, how="left")
    for column in ("pay_date", "pay_fen"):
        merged[column] = merged[column].apply(lambda v: v if isinstance(v, list) else [])
    return pa.Table.from_pandas(merged, preserve_index=False)


@pytest.mark.slow
def test_dask_map_partitions_matches_single_process() -> None:
    """Dask map_partitions on a LocalCluster gives exactly the single-process results."""
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    agreements, payments = population(3000)
    expected = single_process(agreements, payments)
    a = dd.from_pandas(agreements.set_index("agreement_id").sort_index(), npartitions=4)
    p = dd.from_pandas(payments.set_index("agreement_id").sort_index(), npartitions=3).repartition(
        divisions=a.divisions, force=True
    )
    meta = expected.iloc[:0]
    with (
        distributed.LocalCluster(
            processes=False, n_workers=2, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        got = dd.map_partitions(
            evaluate_partition, a, p, meta=meta, align_dataframes=False
        ).compute()
    got = got.loc[agreements["agreement_id"]].reset_index(drop=True)
    pd.testing.assert_frame_equal(expected, got)
    assert 0 < int((~expected["valid"]).sum()) < len(expected)  # invalid rows stayed per-row


def test_spark_map_in_arrow_pattern_matches_single_process() -> None:
    """The mapInArrow function, run here over local Arrow batches, gives the same results."""
    agreements, payments = population(1500, seed=11)
    expected = single_process(agreements, payments)
    table = nested(agreements, payments)
    out = pa.Table.from_batches(
        list(arrow_batches(iter(table.to_batches(max_chunksize=400))))
    ).to_pandas()
    pd.testing.assert_frame_equal(expected, out.drop(columns=["agreement_id"]))


def test_spark_if_available(monkeypatch: pytest.MonkeyPatch) -> None:
    """With pyspark installed, mapInArrow on a local session gives the same results."""
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("pyspark needs a Java runtime")
    # Spark's Python workers must run this interpreter and import this test module.
    root = str(Path(__file__).resolve().parents[2])
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    monkeypatch.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))
    )
    spark_sql: Any = importlib.import_module("pyspark.sql")
    from_arrow_schema = importlib.import_module("pyspark.sql.pandas.types").from_arrow_schema

    agreements, payments = population(300, seed=3)
    expected = single_process(agreements, payments)
    spark = spark_sql.SparkSession.builder.master("local[2]").getOrCreate()
    try:
        frame = spark.createDataFrame(nested(agreements, payments).to_pandas())
        schema = pa.Table.from_batches(
            list(spark_batches(iter(nested(agreements, payments).to_batches())))
        ).schema
        got = frame.mapInArrow(spark_batches, schema=from_arrow_schema(schema)).toPandas()
    finally:
        spark.stop()
    got = got.set_index("agreement_id").loc[agreements["agreement_id"]].reset_index(drop=True)
    reference = pa.Table.from_batches(
        list(
            dates_as_date32(iter(pa.Table.from_pandas(expected, preserve_index=False).to_batches()))
        )
    ).to_pandas()
    assert list(reference.columns) == list(got.columns)
    for column in reference.columns:
        assert reference[column].tolist() == got[column].tolist(), column
