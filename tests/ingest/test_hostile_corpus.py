"""A mixed corpus of hostile and good inputs goes through the whole pipeline into a
store: nothing crashes, and every input ends stored, failed with a reason, or duplicate."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

import wirecoder
from wirecoder.ingest import read_paths
from wirecoder.store import open_store

REPO = Path(__file__).resolve().parents[2]


def _file_of(origin: str) -> str:
    base = origin.split("#")[0]
    head, _, tail = base.rpartition(":")
    return head if tail.isdigit() else base


@pytest.mark.slow
def test_hostile_mix_is_fully_accounted_for(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "make_hostile_corpus.py"), str(corpus),
         "--count", "80", "--seed", "7", "--big-mb", "1", "--feed-entries", "50"],
        check=True, capture_output=True,
    )
    manifest = [json.loads(line) for line in (corpus / ".manifest.jsonl").read_text().splitlines()]
    outcome: dict[str, list[str]] = defaultdict(list)
    read = 0

    def tap(docs):
        nonlocal read
        for doc in docs:
            read += 1
            outcome[_file_of(doc.origin or "")].append(doc.error.code if doc.error else "ok")
            yield doc

    with open_store(str(tmp_path / "w.db")) as store:
        counts = store.write(tap(wirecoder.extract_many(read_paths([corpus]))))
    assert counts.stored + counts.failed + counts.duplicate == counts.total == read
    assert counts.stored > 0 and counts.failed > 0
    crashed = {f: c for f, cs in outcome.items() for c in cs if c.startswith("E")}
    assert not crashed, f"pipeline stages failed on: {crashed}"
    for row in manifest:
        codes = outcome.get(str(corpus / row["path"]))
        assert codes, f"{row['path']} ({row['kind']}) produced no document"
        if row["expect"] == "fail":
            assert "ok" not in codes, (row, codes)
        elif row["expect"] == "ok":
            assert "ok" in codes, (row, codes)
        else:
            assert "ok" in codes and any(c != "ok" for c in codes), (row, codes)
