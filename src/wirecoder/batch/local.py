"""The process-pool engine: the same pipeline in N worker processes (forkserver, one model
per worker), chunks of documents in flight, rows written by the driver in input order.

The driver reads the input lazily and keeps at most ``2 × workers`` chunks in flight, so
memory stays flat however large the corpus (``Pool.imap`` would read all of it ahead).
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path

from ..document import Document
from .stats import BatchStats
from .tables import TableWriter
from .work import Rows, code_chunk, code_documents


def _chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while chunk := list(islice(it, size)):
        yield chunk


def coded_rows(
    docs: Iterable[Document], workers: int = 2, chunk_size: int = 32, start_method: str = "forkserver"
) -> Iterator[Rows]:
    """Rows of each coded document, in input order; ``workers=0`` codes in this process."""
    if workers <= 0:
        yield from code_documents(docs)
        return
    ctx = multiprocessing.get_context(start_method)
    if start_method == "forkserver":
        ctx.set_forkserver_preload(["wirecoder.batch.work"])
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        pending: deque[Future[list[Rows]]] = deque()
        for chunk in _chunks(docs, chunk_size):
            pending.append(pool.submit(code_chunk, chunk))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def run_local(
    docs: Iterable[Document],
    out: str | Path,
    workers: int = 2,
    chunk_size: int = 32,
) -> BatchStats:
    """Code ``docs`` with a process pool and write the tables under ``out``.

    Worker processes start with forkserver: a script calling this needs the usual
    ``if __name__ == "__main__":`` guard."""
    stats = BatchStats(engine=f"local[{workers}]")
    t0 = time.perf_counter()
    with TableWriter(Path(out)) as writer:
        for rows in coded_rows(docs, workers, chunk_size):
            writer.add(rows)
            stats.add(rows, time.perf_counter() - t0)
    stats.seconds = time.perf_counter() - t0
    return stats
