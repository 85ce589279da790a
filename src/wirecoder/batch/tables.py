"""Records as tables: one Parquet table per record kind, keyed by ``doc_id``.

Each kind table has queryable scalar columns derived from the record dataclass (nested
records flattened one level: ``actor1_name``) plus ``record``, the kind's full JSON, which
is authoritative. The ``documents`` table keeps the rest of the contract record (with the
kinds emptied, so key order survives) and the text as stored, so the records read back
are exactly those ``wirecoder extract`` prints. Schemas are fixed up front: every part
file of a table agrees, whichever engine wrote it.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import types
import typing
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..document import Document, metadata_columns
from ..records import Actor, Allegation, Demand, Event, Location, Record, Statement

Column = tuple[str, str]  # (name, type) with type in _SCALARS' values
_SCALARS: dict[type, str] = {str: "string", int: "int64", float: "double", bool: "bool"}

#: Record kinds split out of the document record into their own table.
KINDS: dict[str, type[Record]] = {
    "events": Event,
    "statements": Statement,
    "allegations": Allegation,
    "demands": Demand,
    "actors": Actor,
    "locations": Location,
}


def _scalar_type(hint: Any) -> str | type[Record] | None:
    """``str | None`` → "string"; ``ActorRef | None`` → ActorRef; lists and the rest → None."""
    args = [a for a in typing.get_args(hint) if a is not type(None)] if isinstance(hint, types.UnionType) else [hint]
    if len(args) != 1:
        return None
    (arg,) = args
    if arg in _SCALARS:
        return _SCALARS[arg]
    if isinstance(arg, type) and issubclass(arg, Record):
        return arg
    return None


def _flat_columns(cls: type[Record], prefix: str = "", depth: int = 0) -> list[tuple[str, tuple[str, ...], str]]:
    """(column name, path into the dict, type) for every scalar field, nested records one level deep."""
    hints = typing.get_type_hints(cls)
    out: list[tuple[str, tuple[str, ...], str]] = []
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        kind = _scalar_type(hints[f.name])
        if isinstance(kind, str):
            out.append((prefix + f.name, (f.name,), kind))
        elif kind is not None and depth == 0:
            out.extend((name, (f.name, *path), t) for name, path, t in _flat_columns(kind, f.name + "_", 1))
    return out


_KIND_FIELDS = {kind: _flat_columns(cls) for kind, cls in KINDS.items()}

DOCUMENT_COLUMNS: list[Column] = [
    ("doc_id", "string"),
    ("published", "string"),
    ("dateline_place", "string"),
    ("dateline_agency", "string"),
    ("source", "string"),
    ("url", "string"),
    ("title", "string"),
    ("language", "string"),
    ("content_hash", "string"),
    ("failed", "bool"),
    ("error_code", "string"),
    *[(f"n_{kind}", "int64") for kind in KINDS],
    ("text", "string"),
    ("record", "string"),
]
FAILURE_COLUMNS: list[Column] = [
    ("doc_id", "string"),
    ("code", "string"),
    ("message", "string"),
    ("stage", "string"),
    ("source", "string"),
]

#: Every table and its columns, in the order they are written.
SCHEMAS: dict[str, list[Column]] = {
    "documents": DOCUMENT_COLUMNS,
    **{
        kind: [("doc_id", "string"), ("idx", "int64"), *[(n, t) for n, _, t in fields], ("record", "string")]
        for kind, fields in _KIND_FIELDS.items()
    },
    "failures": FAILURE_COLUMNS,
}
TABLES: tuple[str, ...] = tuple(SCHEMAS)


def _coerce(value: Any, kind: str) -> Any:
    """Keep a value only if it fits its column (the JSON ``record`` column keeps it anyway).
    NumPy scalars a stage left in (``numpy.str_`` from a classifier) become plain Python
    values: Spark's JVM side cannot unpickle them."""
    if value is None:
        return None
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        value = value.item()
    if kind == "string":
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if kind == "bool":
        return value if isinstance(value, bool) else None
    if kind == "int64":
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _dig(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = data
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def document_rows(doc: Document) -> dict[str, list[dict[str, Any]]]:
    """One coded Document → its rows in every table (tables it has no rows in are absent)."""
    rec = doc.to_record()
    rows: dict[str, list[dict[str, Any]]] = {}
    rest = dict(rec)
    for kind, fields in _KIND_FIELDS.items():
        items = rec.get(kind) or []
        rest[kind] = []
        if items:
            rows[kind] = [
                {
                    "doc_id": doc.doc_id,
                    "idx": i,
                    **{name: _coerce(_dig(item, path), t) for name, path, t in fields},
                    "record": _dumps(item),
                }
                for i, item in enumerate(items)
            ]
    error = rec.get("error")
    rows["documents"] = [
        {
            "doc_id": doc.doc_id,
            **metadata_columns(rec),
            "language": rec.get("language"),
            "content_hash": rec.get("content_hash"),
            "failed": error is not None,
            "error_code": error["code"] if error else None,
            **{f"n_{kind}": len(rec.get(kind) or []) for kind in KINDS},
            "text": doc.text,
            "record": _dumps(rest),
        }
    ]
    if error:
        rows["failures"] = [{"doc_id": doc.doc_id, **{k: error.get(k) for k in ("code", "message", "stage", "source")}}]
    return rows


def as_tuple(table: str, row: dict[str, Any]) -> tuple[Any, ...]:
    """A row in its table's column order (what Spark's ``createDataFrame`` wants)."""
    return tuple(row.get(name) for name, _ in SCHEMAS[table])


def arrow_schema(table: str):  # type: ignore[no-untyped-def]
    import pyarrow as pa

    types_ = {"string": pa.string(), "int64": pa.int64(), "double": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(name, types_[t]) for name, t in SCHEMAS[table]])


def spark_schema(table: str):  # type: ignore[no-untyped-def]
    from pyspark.sql import types as T

    types_ = {"string": T.StringType(), "int64": T.LongType(), "double": T.DoubleType(), "bool": T.BooleanType()}
    return T.StructType([T.StructField(name, types_[t], True) for name, t in SCHEMAS[table]])


class TableWriter:
    """Streams rows into ``out/<table>/part-00000.parquet``, one row group per ``flush_rows``.
    Like Spark's ``mode("overwrite")``, a table folder left by an earlier run is replaced."""

    def __init__(self, out: Path, flush_rows: int = 500) -> None:
        self.out = Path(out)
        for table in TABLES:
            shutil.rmtree(self.out / table, ignore_errors=True)
        self.flush_rows = flush_rows
        self._buffers: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        self._writers: dict[str, Any] = {}

    def add(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        for table, items in rows.items():
            buf = self._buffers[table]
            buf.extend(items)
            if len(buf) >= self.flush_rows:
                self._flush(table)

    def _flush(self, table: str) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        buf = self._buffers[table]
        if table not in self._writers:
            (self.out / table).mkdir(parents=True, exist_ok=True)
            self._writers[table] = pq.ParquetWriter(self.out / table / "part-00000.parquet", arrow_schema(table))
        self._writers[table].write_table(pa.Table.from_pylist(buf, schema=arrow_schema(table)))
        buf.clear()

    def close(self) -> None:
        """Flush what is buffered; every table gets a file, empty or not."""
        for table in TABLES:
            if self._buffers[table] or table not in self._writers:
                self._flush(table)
            self._writers.pop(table).close()

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _part_files(out: Path, table: str) -> list[Path]:
    return sorted(p for p in (Path(out) / table).glob("*.parquet") if not p.name.startswith((".", "_")))


def iter_table(out: str | Path, table: str, columns: list[str] | None = None, batch_rows: int = 1000) -> Iterator[dict[str, Any]]:
    """Stream one table's rows in written order, a batch at a time."""
    import pyarrow.parquet as pq

    for part in _part_files(Path(out), table):
        with pq.ParquetFile(part) as pf:
            for batch in pf.iter_batches(batch_size=batch_rows, columns=columns):
                yield from batch.to_pylist()


def read_records(out: str | Path, with_text: bool = False) -> Iterator[dict[str, Any]]:
    """Reassemble the contract records from the tables, streaming.

    Both engines write every table in the same document order, so this is a merge-join:
    each kind table is read alongside the documents table. With ``with_text`` each record
    carries the stored text under ``"text"`` (what a store needs).
    """
    cursors = {kind: _Cursor(iter_table(out, kind, ["doc_id", "idx", "record"])) for kind in KINDS}
    columns = ["doc_id", "record", "text"] if with_text else ["doc_id", "record"]
    for row in iter_table(out, "documents", columns):
        rec = json.loads(row["record"])
        for kind, cursor in cursors.items():
            rec[kind] = [json.loads(r["record"]) for r in cursor.take(row["doc_id"])]
        if with_text:
            rec["text"] = row["text"]
        yield rec
    for kind, cursor in cursors.items():
        if cursor.pending is not None:
            raise ValueError(f"{out}/{kind} has rows for doc {cursor.pending['doc_id']!r} out of document order")


class _Cursor:
    """Pulls one document's rows (same doc_id, idx counting up from 0) from an ordered stream;
    two neighbours with the same id (duplicate texts) stay apart because idx restarts."""

    def __init__(self, rows: Iterable[dict[str, Any]]) -> None:
        self._rows = iter(rows)
        self.pending: dict[str, Any] | None = next(self._rows, None)

    def take(self, doc_id: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        while self.pending is not None and self.pending["doc_id"] == doc_id and self.pending["idx"] == len(out):
            out.append(self.pending)
            self.pending = next(self._rows, None)
        return out
