"""Exports, registered by format name (the extension point: a plugin registers more).

An exporter streams from a Store to ``out`` (a path, or None for stdout) and returns how many
items it wrote; event exports honour an ``EventFilter``. Built-ins: ``jsonl`` (full records),
``acled-csv``, ``plover-json``, ``geojson``, ``parquet`` (a folder, one file per table).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..store import EventFilter, Store

Writer = Callable[[Store, Path | None, EventFilter | None], int]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str
    write: Writer
    help: str
    to_stdout: bool = True  # False: needs --out (e.g. a folder of files)


_FORMATS: dict[str, ExportFormat] = {}


def register_exporter(name: str, help: str, to_stdout: bool = True) -> Callable[[Writer], Writer]:
    """Register ``fn(store, out, filter) -> int`` as export format ``name``."""

    def deco(fn: Writer) -> Writer:
        _FORMATS[name] = ExportFormat(name, fn, help, to_stdout)
        return fn

    return deco


def export_formats() -> dict[str, ExportFormat]:
    return dict(_FORMATS)


def export(name: str, store: Store, out: Path | None = None, filter: EventFilter | None = None) -> int:
    """Write ``store`` as format ``name`` to ``out`` (None: stdout); return the item count."""
    fmt = _FORMATS.get(name)
    if fmt is None:
        raise KeyError(f"unknown export format {name!r}; known: {', '.join(sorted(_FORMATS))}")
    if out is None and not fmt.to_stdout:
        raise ValueError(f"export format {name!r} writes files: give an output path")
    return fmt.write(store, out, filter)


from . import acled, geojson, jsonl, parquet, plover  # noqa: E402,F401  (register built-ins)

__all__ = ["ExportFormat", "export", "export_formats", "register_exporter"]
