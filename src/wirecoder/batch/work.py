"""What every batch worker does: code a stream of Documents with the default pipeline and
turn each into table rows. The pipeline (and its spaCy model) is built once per process."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any

from ..document import Document
from ..pipeline import Pipeline
from .tables import document_rows

Rows = dict[str, list[dict[str, Any]]]


@functools.lru_cache(maxsize=1)
def worker_pipeline() -> Pipeline:
    """The default pipeline, once per worker process (models load on first use, then stay)."""
    return Pipeline()


def code_documents(docs: Iterable[Document]) -> Iterator[Rows]:
    """Code Documents in order; one ``{table: rows}`` per document, failed ones included."""
    for doc in worker_pipeline().pipe(docs):
        yield document_rows(doc)


def code_chunk(docs: list[Document]) -> list[Rows]:
    """A process-pool task: one chunk of Documents in, their rows out."""
    return list(code_documents(docs))
