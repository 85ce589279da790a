"""The Spark engine on local[2] gives exactly the records `wirecoder extract` gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wirecoder.batch import iter_table, read_records

pytest.importorskip("pyspark")
pytestmark = [
    pytest.mark.spark,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java 17 (apt-get install openjdk-17-jre-headless)"),
]


def test_spark_engine_matches_extract(corpus_dir: Path, expected_records, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from wirecoder.batch.spark import run_spark

    inputs = [str(corpus_dir / "reports.jsonl"), str(corpus_dir / "texts"), str(corpus_dir / "reports.parquet")]
    stats = run_spark(inputs, tmp_path, master="local[2]", partitions=2)
    got = {r["doc_id"]: r for r in read_records(tmp_path)}
    assert sorted(got) == sorted(expected_records)
    differing = [(k, f) for k, rec in expected_records.items() for f in rec if got[k].get(f) != rec[f]]
    assert differing == []
    assert stats.documents == 8 and stats.failed == 2
    assert {row["code"] for row in iter_table(tmp_path, "failures")} == {"W001", "W004"}
    assert len(list((tmp_path / "events").glob("part-*.parquet"))) >= 1  # written by Spark, one file per partition
