"""Batches for stages that work on many documents at once (spaCy's ``nlp.pipe``, the
event classifier), bounded by text as well as by count: a parsed document costs memory
in proportion to its length, so 64 chunks of a 50 MB input must not share one batch."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..document import Document

#: About 64 wire reports' worth of text; a longer document forms a batch of its own.
MAX_BATCH_CHARS = 250_000


def batches(docs: Iterable[Document], max_docs: int, max_chars: int = MAX_BATCH_CHARS) -> Iterator[list[Document]]:
    """Consecutive batches of at most ``max_docs`` documents and ``max_chars`` characters
    (a single document over the limit still forms a batch), in input order."""
    batch: list[Document] = []
    chars = 0
    for doc in docs:
        size = len(doc.text or "")
        if batch and (len(batch) >= max_docs or chars + size > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(doc)
        chars += size
    if batch:
        yield batch
