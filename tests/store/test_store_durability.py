"""kill -9 in the middle of an ingest, then rerun: every document ends up stored exactly once."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from wirecoder.store import open_store

N_DOCS, BATCH = 600, 50

WRITER = """
import sys
from wirecoder.document import Document
from wirecoder.records import Event, EventLocation, Span
from wirecoder.store import open_store

url, n, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

def docs():
    for i in range(n):
        text = f"Report {i}: troops clashed with gunmen near Maiduguri. " * 30
        doc = Document(text=text, doc_id=f"doc{i:05d}")
        doc.events = [
            Event("Battles", "Armed clash", date=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                  location=EventLocation("Maiduguri", "Borno", "NGA", 11.85, 13.16),
                  evidence=[Span(0, 10, text[:10])])
            for _ in range(3)
        ]
        yield doc
        if i % batch == batch - 1:
            print(i + 1, flush=True)

with open_store(url) as store:
    print("done", store.write(docs(), batch_size=batch).to_dict(), flush=True)
"""


def _run(url: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, url, str(N_DOCS), str(BATCH)], stdout=subprocess.PIPE, text=True
    )


def test_sigkill_mid_ingest_then_rerun_stores_each_document_once(store_url):
    proc = _run(store_url)
    assert proc.stdout is not None
    for _ in range(3):  # let a few batches commit, then kill while the next is in flight
        line = proc.stdout.readline()
        assert line[:1].isdigit(), f"the writer finished before it could be killed: {line!r}"
    time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL

    with open_store(store_url) as store:
        partial = store.counts()
    assert 0 < partial["documents"] < N_DOCS
    assert partial["documents"] % BATCH == 0, "a batch was half written"
    assert partial["events"] == 3 * partial["documents"]

    rerun = subprocess.run(
        [sys.executable, "-c", WRITER, store_url, str(N_DOCS), str(BATCH)], capture_output=True, text=True, timeout=300
    )
    assert rerun.returncode == 0, rerun.stderr
    summary = rerun.stdout.strip().splitlines()[-1]
    assert f"'duplicate': {partial['documents']}" in summary
    assert f"'stored': {N_DOCS - partial['documents']}" in summary
    with open_store(store_url) as store:
        final = store.counts()
    assert final["documents"] == N_DOCS and final["events"] == 3 * N_DOCS
