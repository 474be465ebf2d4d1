"""The batch API on real engines: PySpark (local[2], mapInPandas) and Dask (bag, processes).

Both must give exactly the rows ``extract_records`` gives in one process. The engines
are optional extras (``pip install "tradeclaims[spark]"`` / ``"tradeclaims[dask]"``);
each test is skipped, with the reason, only when its engine cannot be imported.

The functions shipped to the workers are defined inside the tests, so they are pickled
by value (the workers cannot import this test module); what they call, ``tradeclaims``
and ``pandas``, the workers import from the installed packages.
"""
from __future__ import annotations

import os
import sys

import pytest

from tradeclaims.batch import RECORD_COLUMNS, SPARK_SCHEMA, extract_records

from batch_texts import batch_texts

# PySpark 4 warns that it "does not yet fully support pandas >= 3"; what this test uses works.
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")

@pytest.fixture(scope="module")
def articles() -> list[tuple[int, str, str | None]]:
    return [(i, text, date) for i, (text, date) in enumerate(batch_texts())]


@pytest.fixture(scope="module")
def expected(articles) -> list[dict]:
    rows = extract_records([t for _, t, _ in articles], published=[d for _, _, d in articles])
    assert len(rows) > 20 and len({r["text_index"] for r in rows}) > 5
    return rows


def _by_text(rows: list[dict]) -> list[dict]:
    """Rows grouped by text, in text order; a stable sort keeps the claim order within a text."""
    return sorted(rows, key=lambda r: r["text_index"])


# ----------------------------------------------------------------------------- Spark


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark", reason="PySpark is not installed: pip install 'tradeclaims[spark]'")
    pytest.importorskip("pyarrow", reason="mapInPandas needs pyarrow: pip install 'tradeclaims[spark]'")
    pytest.importorskip("pandas", reason="mapInPandas needs pandas: pip install 'tradeclaims[spark]'")
    from pyspark.sql import SparkSession

    # The workers must run this interpreter (with tradeclaims installed), not whatever
    # `python3` is first on PATH.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("tradeclaims-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.driver.memory", "1g")
        .config("spark.python.worker.reuse", "true")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_spark_map_in_pandas_gives_the_same_rows(spark, articles, expected):
    import pandas as pd

    frame = spark.createDataFrame(
        pd.DataFrame({"id": [i for i, _, _ in articles], "text": [t for _, t, _ in articles],
                      "published": [d for _, _, d in articles]}),
        schema="id long, text string, published string",
    ).repartitionByRange(2, "id")  # two partitions of consecutive ids
    assert frame.rdd.getNumPartitions() == 2

    def claims(batches):
        # Runs on the Python workers: one cached pipeline per worker process.
        import pandas as pd

        from tradeclaims.batch import RECORD_COLUMNS, extract_records

        for batch in batches:
            ids = batch["id"].tolist()
            dates = [d if isinstance(d, str) else None for d in batch["published"].tolist()]  # NaN/None: no date
            rows = extract_records(batch["text"].tolist(), published=dates)
            for row in rows:
                row["text_index"] = ids[row["text_index"]]
            yield pd.DataFrame(rows, columns=list(RECORD_COLUMNS))

    result = frame.mapInPandas(claims, schema=SPARK_SCHEMA)
    got = [row.asDict() for row in result.collect()]
    assert [tuple(r) for r in got[:1]] == [RECORD_COLUMNS]
    assert _by_text(got) == expected
    # Whole numbers come back as Spark doubles; they are equal, and the ints stay ints.
    assert all(isinstance(r["text_index"], int) and isinstance(r["evidence_start"], int) for r in got)


# ----------------------------------------------------------------------------- Dask


def test_dask_bag_map_partitions_gives_the_same_rows(articles, expected):
    db = pytest.importorskip("dask.bag", reason="Dask is not installed: pip install 'tradeclaims[dask]'")

    def claims(partition):
        # Runs in the worker processes: one cached pipeline per process.
        from tradeclaims.batch import extract_records

        items = list(partition)
        rows = extract_records([t for _, t, _ in items], published=[d for _, _, d in items])
        for row in rows:
            row["text_index"] = items[row["text_index"]][0]
        return rows

    bag = db.from_sequence(articles, npartitions=2)
    assert bag.npartitions == 2
    got = bag.map_partitions(claims).compute(scheduler="processes", num_workers=2)
    assert got == expected  # from_sequence keeps the order: no sort needed
