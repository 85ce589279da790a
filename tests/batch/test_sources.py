"""Batch inputs: the Parquet reader and how Spark splits the inputs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from wirecoder.batch.sources import plan_inputs, read_parquet
from wirecoder.ingest import read_paths


def test_parquet_rows_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "wire.parquet"
    rows = [
        {"doc_id": "a", "text": "Police arrested six men in Kano.", "published": dt.date(2025, 3, 1), "source": "NAN"},
        {"doc_id": None, "text": "Troops clashed with rebels in Goma.", "published": None, "source": None},
        {"doc_id": "c", "text": "  ", "published": None, "source": None},
    ]
    pq.write_table(pa.Table.from_pylist(rows), path)
    docs = list(read_paths([str(path)]))  # the reader is registered for .parquet
    assert [d.doc_id for d in docs][0] == "a" and len(docs[1].doc_id) == 16  # no id: the content hash
    assert docs[0].published == "2025-03-01" and docs[0].published_from_meta and docs[0].source == "NAN"
    assert docs[1].published is None and docs[1].origin == f"{path}:2"
    assert docs[2].error is not None and docs[2].error.code == "W001"


def test_parquet_without_text_column_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "bad.parquet"
    pq.write_table(pa.Table.from_pylist([{"id": "x", "body": "words"}]), path)
    (doc,) = list(read_parquet(path))
    assert doc.error is not None and doc.error.code == "W005"
    (broken,) = list(read_parquet(_write(tmp_path / "broken.parquet", b"not parquet")))
    assert broken.error is not None and broken.error.code == "W006"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_plan_splits_rows_formats_from_whole_files(tmp_path: Path) -> None:
    for name in ("a.jsonl", "b.ndjson.gz", "c.parquet", "d.txt", "e.warc.gz", "expected.json", ".hidden.jsonl"):
        (tmp_path / "in" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "in" / name).write_bytes(b"x")
    plan = plan_inputs([str(tmp_path / "in")])
    assert [Path(p).name for p in plan.jsonl] == ["a.jsonl", "b.ndjson.gz"]
    assert [Path(p).name for p in plan.parquet] == ["c.parquet"]
    assert [Path(p).name for p in plan.files] == ["d.txt", "e.warc.gz"]
    assert plan_inputs(["https://example.org/feed.xml"]).files == ["https://example.org/feed.xml"]
    assert [Path(p).name for p in plan_inputs([str(tmp_path / "in" / "d.txt")], "jsonl").jsonl] == ["d.txt"]
    with pytest.raises(ValueError, match="stdin"):
        plan_inputs(["-"])
