"""Batch inputs: the Parquet reader (a ``text`` column plus ``id``), and how inputs split
into work for Spark (JSONL and Parquet by rows, every other format by whole files)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..document import Document
from ..errors import E
from ..ingest.readers import DEFAULT_OPTIONS, ReadOptions, document_from_json, failed_document, is_url, register_reader

#: Parquet columns a Document is built from; ``doc_id`` is accepted for ``id``.
PARQUET_COLUMNS = ("id", "doc_id", "text", "published", "source", "url", "title")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def parquet_row_document(row: dict[str, Any], origin: str, rowno: int) -> Document:
    """One Parquet row → Document, validated like a JSONL object."""
    obj = {k: v for k, v in row.items() if v is not None}
    if "id" not in obj and "doc_id" in obj:
        obj["id"] = obj["doc_id"]
    if obj.get("published") is not None and not isinstance(obj["published"], str):
        obj["published"] = obj["published"].isoformat() if hasattr(obj["published"], "isoformat") else str(obj["published"])
    return document_from_json(obj, origin, rowno)


@register_reader("parquet", suffixes=(".parquet",))
def read_parquet(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Document]:
    """Stream a Parquet file a row batch at a time (origin ``path:row``, 1-based)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        yield failed_document(E.W006, str(path), detail=f"not readable as Parquet: {exc}")
        return
    with pf:
        columns = [c for c in PARQUET_COLUMNS if c in pf.schema_arrow.names]
        if "text" not in columns:
            yield failed_document(E.W005, str(path), line=0, detail="no 'text' column")
            return
        rowno = 0
        for batch in pf.iter_batches(batch_size=256, columns=columns):
            for row in batch.to_pylist():
                rowno += 1
                yield parquet_row_document(row, f"{path}:{rowno}", rowno)


@dataclass
class InputPlan:
    """Inputs sorted by how Spark reads them."""

    jsonl: list[str] = field(default_factory=list)
    parquet: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # read whole on an executor with read_paths


def plan_inputs(paths: Iterable[str | Path], input_format: str = "auto") -> InputPlan:
    """List input files (folders recursively, sorted, like ``read_paths``) without reading them."""
    plan = InputPlan()
    for p in paths:
        path = Path(p)
        if str(p) == "-":
            raise ValueError("the Spark engine cannot read stdin; give files or folders")
        if not is_url(p) and path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and not f.name.startswith("."))
            sub = plan_inputs([f for f in files if f.suffix.lower() != ".json"], input_format)
            plan.jsonl += sub.jsonl
            plan.parquet += sub.parquet
            plan.files += sub.files
            continue
        name = path.name.lower()
        if input_format == "jsonl" or (input_format == "auto" and name.endswith(JSONL_SUFFIXES)):
            plan.jsonl.append(str(path.resolve()))
        elif input_format == "parquet" or (input_format == "auto" and name.endswith(".parquet")):
            plan.parquet.append(str(path.resolve()))
        else:
            plan.files.append(str(p) if is_url(p) else str(path.resolve()))
    return plan
