"""WARC / WARC.gz archives: HTML responses in, damage reported, nothing else lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder.ingest import read_paths


@pytest.mark.parametrize(("gz", "name"), [(True, "crawl.warc.gz"), (False, "crawl.warc")])
def test_html_responses_become_documents(tmp_path: Path, gz: bool, name: str, make_warc) -> None:
    f = tmp_path / name
    f.write_bytes(make_warc(3, gz))
    docs = list(read_paths([f]))
    assert len(docs) == 3 and not any(d.failed for d in docs)  # the PNG and the 404 are not documents
    assert [d.url for d in docs] == [f"http://news.example/{i}" for i in range(3)]
    assert all(d.doc_id.startswith("urn:uuid:") for d in docs)
    assert "air strike hit a market in Saada" in docs[0].text and docs[0].title == "Story 0"
    assert [d.doc_id for d in read_paths([f])] == [d.doc_id for d in docs]


@pytest.mark.parametrize("gz", [True, False])
@pytest.mark.parametrize("keep", [0.35, 0.7, 0.95])
def test_truncated_archive_keeps_what_came_before(tmp_path: Path, gz: bool, keep: float, make_warc) -> None:
    data = make_warc(4, gz, extras=False)
    f = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    f.write_bytes(data[: int(len(data) * keep)])
    docs = list(read_paths([f]))
    good, bad = [d for d in docs if not d.failed], [d for d in docs if d.failed]
    assert len(bad) == 1 and bad[0].error.code == "W008" and docs[-1] is bad[0]
    assert len(good) == int(4 * keep)  # whole records before the cut survive
    assert bad[0].error.source.startswith(str(f))


def test_garbage_and_empty_archives(tmp_path: Path) -> None:
    (tmp_path / "junk.warc.gz").write_bytes(b"\x1f\x8b\x08\x00garbage" * 10)
    (tmp_path / "noise.warc").write_bytes(b"WARC/1.0\r\nnot really\r\n")
    (tmp_path / "empty.warc").write_bytes(b"")
    docs = list(read_paths([tmp_path]))
    assert sorted((Path(d.origin.split("#")[0]).name, d.error.code) for d in docs) == [
        ("empty.warc", "W008"), ("junk.warc.gz", "W008"), ("noise.warc", "W008"),
    ]
