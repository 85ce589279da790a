"""The Spark engine: the same pipeline per partition (``mapPartitions``; the model loads
once per Python worker, which Spark reuses across tasks), records written by Spark as
Parquet, one table per record kind.

JSONL is split by lines and Parquet by row groups, so one big file still spreads over
the cluster; other formats (text, HTML, feeds, WARC) are read whole by the executor that
gets the file. Nothing is collected on the driver: coded rows are persisted to the
executors' disks once and each table is written from there.
"""

from __future__ import annotations

import functools
import os
import sys
import time
from collections.abc import Iterable, Iterator
from operator import add
from pathlib import Path
from typing import Any

from ..document import Document
from ..ingest.readers import parse_jsonl_line, read_paths, split_oversized
from .sources import PARQUET_COLUMNS, InputPlan, parquet_row_document, plan_inputs
from .stats import BatchStats
from .tables import TABLES, as_tuple, spark_schema
from .work import Rows, code_documents


def spark_session(master: str = "local[2]", app_name: str = "wirecoder"):  # type: ignore[no-untyped-def]
    """A quiet local (or cluster) session whose Python workers run this interpreter."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(master)
        .appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.python.worker.reuse", "true")
        .config("spark.sql.parquet.compression.codec", "snappy")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _jsonl_docs(path: str, lines: Iterable[tuple[str, int]]) -> Iterator[Document]:
    for line, i in lines:
        if line.strip():
            yield from split_oversized(parse_jsonl_line(line, f"{path}:{i + 1}", i + 1))


def _parquet_docs(path: str, rows: Iterable[tuple[Any, int]]) -> Iterator[Document]:
    for row, i in rows:
        yield from split_oversized(parquet_row_document(row.asDict(), f"{path}:{i + 1}", i + 1))


def _file_docs(input_format: str, paths: Iterable[str]) -> Iterator[Document]:
    yield from read_paths(list(paths), input_format)


def document_rdd(spark, plan: InputPlan, input_format: str = "auto", partitions: int | None = None):  # type: ignore[no-untyped-def]
    """An RDD of Documents over every input, read on the executors."""
    sc = spark.sparkContext
    n = partitions or sc.defaultParallelism * 2
    rdds = []
    for path in plan.jsonl:
        lines = sc.textFile(str(Path(path).resolve()), minPartitions=n).zipWithIndex()
        rdds.append(lines.mapPartitions(functools.partial(_jsonl_docs, path)))
    files = list(plan.files)
    for path in plan.parquet:
        df = spark.read.parquet(str(Path(path).resolve()))
        if "text" not in df.columns:
            files.append(path)  # the Parquet reader turns it into a W005 failure
            continue
        rows = df.select(*[c for c in PARQUET_COLUMNS if c in df.columns]).rdd.zipWithIndex()
        rdds.append(rows.mapPartitions(functools.partial(_parquet_docs, path)))
    if files:
        rdds.append(sc.parallelize(files, min(len(files), n)).mapPartitions(functools.partial(_file_docs, input_format)))
    return sc.union(rdds) if rdds else sc.emptyRDD()


def _table_rows(table: str, rows: Rows) -> list[tuple[Any, ...]]:
    return [as_tuple(table, r) for r in rows.get(table, ())]


def run_spark(
    inputs: Iterable[str | Path],
    out: str | Path,
    master: str = "local[2]",
    input_format: str = "auto",
    partitions: int | None = None,
    spark: Any = None,
) -> BatchStats:
    """Code the inputs with Spark and write ``out/<table>/`` Parquet for every table.

    Pass ``spark`` to reuse a session (it is left running); otherwise one is started for
    ``master`` and stopped at the end.
    """
    from pyspark import StorageLevel

    own = spark is None
    spark = spark or spark_session(master)
    stats = BatchStats(engine=f"spark[{spark.sparkContext.master}]")
    t0 = time.perf_counter()
    try:
        docs = document_rdd(spark, plan_inputs(inputs, input_format), input_format, partitions)
        coded = docs.mapPartitions(code_documents).persist(StorageLevel.DISK_ONLY)
        for table in TABLES:
            rows = coded.flatMap(functools.partial(_table_rows, table))
            frame = spark.createDataFrame(rows, spark_schema(table))
            frame.write.mode("overwrite").parquet(str(Path(out).resolve() / table))
        counts = coded.flatMap(lambda r: [(t, len(v)) for t, v in r.items()]).reduceByKey(add).collectAsMap()
        coded.unpersist()
    finally:
        if own:
            spark.stop()
    stats.documents = counts.get("documents", 0)
    stats.failed = counts.get("failures", 0)
    stats.rows = dict(counts)
    stats.seconds = time.perf_counter() - t0
    return stats
