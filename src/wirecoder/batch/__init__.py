"""Corpus-scale coding: the same pipeline in a process pool (``run_local``) or on Spark
(``wirecoder.batch.spark.run_spark``; pyspark is an optional extra), records written as Parquet, one table per record kind, readable back as
the contract records (``read_records``) and loadable into a store (``load_store``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..document import Document
from . import sources  # noqa: F401  (registers the Parquet reader)
from .local import run_local
from .stats import BatchStats
from .tables import SCHEMAS, TABLES, iter_table, read_records


def stored_documents(out: str | Path) -> Iterator[Document]:
    """The coded Documents of a batch output, rebuilt from its tables (streaming)."""
    for rec in read_records(out, with_text=True):
        text = rec.pop("text")
        yield Document.from_record(rec, text)


def load_store(out: str | Path, url: str) -> Any:
    """Load a batch output into a store (``wirecoder.store.open_store(url)``); returns its counts."""
    from ..store import open_store

    return open_store(url).write(stored_documents(out))


__all__ = ["SCHEMAS", "TABLES", "BatchStats", "iter_table", "load_store", "read_records", "run_local", "stored_documents"]
