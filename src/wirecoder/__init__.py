"""wirecoder: news wire reports in, structured source-attributed event records out.

>>> import wirecoder
>>> record = wirecoder.extract("date 2025-09-05 Quetta, Sep 5 (IANS) ...")
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .document import Document
from .pipeline import DEFAULT_STAGES, Pipeline

__version__ = "0.1.0"
__all__ = ["DEFAULT_STAGES", "Document", "Pipeline", "extract", "extract_many", "load"]

_default: Pipeline | None = None


def load(stages: Iterable[str] = DEFAULT_STAGES, **options: dict[str, Any]) -> Pipeline:
    """Build a pipeline (models load once per process, on first use)."""
    return Pipeline(list(stages), options or None)


def _pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = load()
    return _default


def extract(text: str, *, doc_id: str = "", published: str | None = None) -> dict[str, Any]:
    """Code one report and return its contract record."""
    doc = Document(text=text, doc_id=doc_id, published=published, published_from_meta=published is not None)
    return _pipeline()(doc).to_record()


def extract_many(docs: Iterable[Document]) -> Iterator[Document]:
    """Code a stream of Documents (batched through spaCy)."""
    return _pipeline().pipe(docs)
