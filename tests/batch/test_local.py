"""The process-pool engine gives exactly the records `wirecoder extract` gives."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from wirecoder.batch import read_records, run_local, stored_documents
from wirecoder.batch.local import coded_rows
from wirecoder.document import Document
from wirecoder.ingest import read_paths


def _inputs(corpus_dir: Path) -> list[str]:
    return [str(corpus_dir / "reports.jsonl"), str(corpus_dir / "texts"), str(corpus_dir / "reports.parquet")]


def test_in_process_engine_matches_extract(corpus_dir: Path, expected_records, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stats = run_local(read_paths(_inputs(corpus_dir)), tmp_path, workers=0)
    got = list(read_records(tmp_path))
    assert {r["doc_id"]: r for r in got} == expected_records
    assert [r["doc_id"] for r in got][:3] == ["t-kunduz", "t-gao", "t-lahore"]  # input order
    assert stats.documents == len(expected_records) == 8
    assert stats.failed == 2  # the empty text and the malformed line
    assert {r["error"]["code"] for r in got if "error" in r} == {"W001", "W004"}


def test_stored_documents_rebuild_the_coded_documents(corpus_dir: Path, expected_records, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run_local(read_paths([str(corpus_dir / "reports.jsonl")]), tmp_path, workers=0)
    docs = list(stored_documents(tmp_path))
    assert docs[0].text.startswith("date 2025-04-08 Kunduz")
    assert all(d.to_record() == expected_records[d.doc_id] for d in docs)


@pytest.mark.slow
def test_process_pool_matches_extract_and_reads_lazily(corpus_dir: Path, expected_records, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stats = run_local(read_paths(_inputs(corpus_dir)), tmp_path, workers=2, chunk_size=2)
    assert {r["doc_id"]: r for r in read_records(tmp_path)} == expected_records
    assert stats.documents == 8

    pulled = 0

    def endless() -> Iterator[Document]:
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield Document(text=f"Police arrested {i} men in Kano on Monday.", doc_id=f"e{i}")

    first = list(itertools.islice(coded_rows(endless(), workers=1, chunk_size=1), 3))
    assert [r["documents"][0]["doc_id"] for r in first] == ["e0", "e1", "e2"]
    assert pulled <= 3 + 2  # never more than 2 × workers chunks read ahead


def test_stats_separate_start_up_from_the_steady_rate() -> None:
    from wirecoder.batch.stats import BatchStats

    stats = BatchStats("local[2]")
    for i, elapsed in enumerate((30.0, 31.0, 32.0)):
        stats.add({"documents": [{}], **({"failures": [{}]} if i == 1 else {})}, elapsed)
    stats.seconds = 34.0
    assert stats.first_record_s == 30.0 and stats.failed == 1 and stats.rows == {"documents": 3, "failures": 1}
    assert stats.steady_docs_per_second == 0.5  # 2 documents in the 4 s after the first
    assert stats.to_dict()["steady_docs_per_second"] == 0.5
