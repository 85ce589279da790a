"""``parquet``: a folder with one Parquet file per table (documents, events, actors,
statements, allegations, ...), typed from the store schema, written in row groups so memory
stays flat. ``documents.record_json`` is left out: the ``jsonl`` export carries records."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import sqlalchemy as sa

from ..store import EventFilter, Store
from ..store.schema import metadata
from . import register_exporter

ROW_GROUP = 5000
_DROP_TABLES = {"store_state"}  # bookkeeping, not data
_DROP_COLUMNS = {"documents": {"record_json"}}


def _arrow_type(col: sa.Column) -> pa.DataType:
    if isinstance(col.type, sa.Integer):
        return pa.int64()
    if isinstance(col.type, sa.Float):
        return pa.float64()
    return pa.string()


def _write_table(store: Store, table: sa.Table, path: Path) -> int:
    skip = _DROP_COLUMNS.get(table.name, set())
    cols = [c for c in table.columns if c.name not in skip]
    schema = pa.schema([pa.field(c.name, _arrow_type(c)) for c in cols])
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        buf: list[dict] = []
        for row in store.iter_table(table.name):
            buf.append({c.name: row[c.name] for c in cols})
            if len(buf) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(buf, schema=schema))
                n, buf = n + len(buf), []
        if buf or n == 0:
            writer.write_table(pa.Table.from_pylist(buf, schema=schema))
            n += len(buf)
    return n


@register_exporter("parquet", help="A folder of Parquet files, one per table (needs --out FOLDER).", to_stdout=False)
def write_parquet(store: Store, out: Path | None, filter: EventFilter | None = None) -> int:
    """Write every table (the whole store: ``filter`` does not apply); return the event count."""
    assert out is not None
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    counts = {
        name: _write_table(store, table, folder / f"{name}.parquet")
        for name, table in metadata.tables.items()
        if name not in _DROP_TABLES
    }
    return counts["events"]
