"""Watch a folder: code new and changed files into a store as they arrive.

Polling (``os.scandir`` every few seconds), so it runs anywhere without inotify. A file
is picked up once it has been still for ``settle`` seconds (a file being copied in is
left alone until the copy is done) and again whenever its size or mtime changes.
Re-ingest is harmless: the store keys documents by ``doc_id`` and content hash, so an
unchanged document counts as a duplicate and a changed one replaces the old version.
What has been seen is kept in memory, and in a small JSON state file when one is given,
so a restart does not re-code the whole folder.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..document import Document
from .readers import ReadOptions, read_paths

log = logging.getLogger(__name__)

#: Names that are work in progress (editor or download leftovers), never read.
_PARTIAL_SUFFIXES = (".part", ".partial", ".tmp", ".crdownload", ".swp", "~")

Signature = tuple[int, int]  # (size, mtime_ns)


def _code(docs: Iterable[Document]) -> Iterator[Document]:
    import wirecoder

    return wirecoder.extract_many(docs)


@dataclass
class Watcher:
    """Polls ``directory`` and writes what is new or changed to ``store``."""

    directory: Path
    store: Any  # wirecoder.store.Store (anything with ``write(docs) -> IngestCounts``)
    input_format: str = "auto"
    options: ReadOptions | None = None
    settle: float = 1.0
    state_file: Path | None = None
    code: Callable[[Iterable[Document]], Iterator[Document]] = _code
    seen: dict[str, Signature] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.state_file is not None and self.state_file.is_file():
            try:
                raw = json.loads(self.state_file.read_text(encoding="utf-8"))
                self.seen = {k: (int(v[0]), int(v[1])) for k, v in raw.items()}
            except (OSError, ValueError, TypeError, IndexError) as exc:
                log.warning("ignoring unreadable watch state %s: %s", self.state_file, exc)

    def pending(self, now: float | None = None) -> list[Path]:
        """Files that are new or changed and have been still for ``settle`` seconds."""
        now = time.time() if now is None else now
        out: list[Path] = []
        present: set[str] = set()
        for path, sig in self._scan(self.directory):
            key = str(path)
            present.add(key)
            if self.seen.get(key) == sig:
                continue
            if now - sig[1] / 1e9 < self.settle:
                continue
            out.append(path)
        for gone in set(self.seen) - present:
            del self.seen[gone]
        return sorted(out)

    def poll(self, now: float | None = None) -> Any:
        """Ingest every pending file; returns the store's ``IngestCounts`` (or None if idle)."""
        files = self.pending(now)
        if not files:
            return None
        signatures = {str(f): _signature(f) for f in files}
        counts = self.store.write(self.code(read_paths(files, self.input_format, self.options)))
        for key, sig in signatures.items():
            if sig is not None:
                self.seen[key] = sig
        self._save()
        return counts

    def run(self, interval: float = 2.0, on_counts: Callable[[Any], None] | None = None,
            stop: Callable[[], bool] = lambda: False) -> None:
        """Poll every ``interval`` seconds until ``stop()`` says so (or Ctrl-C)."""
        while not stop():
            counts = self.poll()
            if counts is not None and on_counts is not None:
                on_counts(counts)
            time.sleep(interval)

    def _scan(self, folder: Path) -> Iterator[tuple[Path, Signature]]:
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            log.warning("cannot list %s: %s", folder, exc)
            return
        for entry in entries:
            if entry.name.startswith(".") or entry.name.endswith(_PARTIAL_SUFFIXES):
                continue
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                yield from self._scan(path)
            elif entry.is_file() and path.suffix.lower() != ".json":
                sig = _signature(path)
                if sig is not None:
                    yield path, sig

    def _save(self) -> None:
        if self.state_file is None:
            return
        tmp = self.state_file.with_name(self.state_file.name + ".tmp")
        tmp.write_text(json.dumps(self.seen), encoding="utf-8")
        os.replace(tmp, self.state_file)


def _signature(path: Path) -> Signature | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)
