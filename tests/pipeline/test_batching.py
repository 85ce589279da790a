"""Stage batches are bounded by text as well as count, and keep input order."""

from __future__ import annotations

from wirecoder.document import Document
from wirecoder.pipeline.batching import batches


def _docs(*sizes: int) -> list[Document]:
    return [Document(text="x" * n, doc_id=str(i)) for i, n in enumerate(sizes)]


def test_short_documents_batch_by_count() -> None:
    out = list(batches(_docs(*[100] * 10), max_docs=4, max_chars=10_000))
    assert [len(b) for b in out] == [4, 4, 2]


def test_long_documents_batch_by_text_and_a_huge_one_stands_alone() -> None:
    out = list(batches(_docs(400, 400, 900, 50, 50), max_docs=64, max_chars=1000))
    assert [[d.doc_id for d in b] for b in out] == [["0", "1"], ["2", "3", "4"]]
    alone = list(batches(_docs(10, 5000, 10), max_docs=64, max_chars=1000))
    assert [[d.doc_id for d in b] for b in alone] == [["0"], ["1"], ["2"]]
