"""``wirecoder watch``: new and changed files reach the store once, idempotently."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from typer.testing import CliRunner

from wirecoder.cli import app
from wirecoder.ingest.watch import Watcher
from wirecoder.store import open_store

REPORT = "date 2024-06-02 Mandalay, June 2 (AFP) - Troops fired on protesters in Mandalay on Sunday, witnesses said."


def _uncoded(docs):
    """Skip the NLP stages: these tests are about what reaches the store."""
    return iter(docs)


def test_poll_ingests_new_then_changed_files_once(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(REPORT, encoding="utf-8")
    (inbox / "empty.txt").write_text("", encoding="utf-8")
    (inbox / "b.jsonl").write_text(json.dumps({"id": "b1", "text": REPORT + " Two died."}) + "\n{oops\n", encoding="utf-8")
    with open_store(str(tmp_path / "w.db")) as store:
        w = Watcher(inbox, store, settle=0.0, code=_uncoded)
        first = w.poll()
        assert (first.stored, first.failed, first.duplicate, first.total) == (2, 2, 0, 4)
        assert w.poll() is None  # nothing new
        (inbox / "sub").mkdir()
        (inbox / "sub" / "c.txt").write_text(REPORT.replace("Sunday", "Monday"), encoding="utf-8")
        a = inbox / "a.txt"
        a.write_text(REPORT + " Five were arrested.", encoding="utf-8")
        os.utime(a, ns=(time.time_ns(), time.time_ns() + 10**9))
        second = w.poll(now=time.time() + 5)
        assert (second.stored, second.replaced, second.total) == (2, 1, 2)
        assert store.get_document("a")["text"].endswith("Five were arrested.")
        assert store.counts()["documents"] == 3  # a (replaced), b1, c


def test_unsettled_and_partial_files_wait(tmp_path: Path) -> None:
    (tmp_path / "late.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "copying.txt.part").write_text(REPORT, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(REPORT, encoding="utf-8")
    w = Watcher(tmp_path, store=None, settle=60.0, code=_uncoded)
    assert w.pending() == []
    assert w.pending(now=time.time() + 120) == [tmp_path / "late.txt"]


def test_state_file_survives_a_restart(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_text(REPORT, encoding="utf-8")
    state = tmp_path / "state.json"
    with open_store(str(tmp_path / "w.db")) as store:
        assert Watcher(inbox, store, settle=0.0, state_file=state, code=_uncoded).poll().stored == 1
        assert Watcher(inbox, store, settle=0.0, state_file=state, code=_uncoded).poll() is None
        assert Watcher(inbox, store, settle=0.0, code=_uncoded).poll().duplicate == 1  # no state: store dedupes


def test_cli_once_codes_and_is_idempotent(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "r.txt").write_text(REPORT, encoding="utf-8")
    (inbox / "bin.txt").write_bytes(bytes(range(256)))
    db = str(tmp_path / "w.db")
    runner = CliRunner()
    first = runner.invoke(app, ["watch", str(inbox), "--db", db, "--once"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout.strip().splitlines()[-1]) == {"stored": 1, "failed": 1, "duplicate": 0, "total": 2, "replaced": 0}
    again = runner.invoke(app, ["watch", str(inbox), "--db", db, "--once"])
    assert json.loads(again.stdout.strip().splitlines()[-1])["duplicate"] == 1
    with open_store(db) as store:
        rec = store.get_document("r")["record"]
        assert rec["published"] == "2024-06-02" and rec["dateline"]["agency"] == "AFP"
        assert [f["code"] for f in store.list_failures().items] == ["W002"]
