"""`wirecoder corpus` and `wirecoder batch` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from wirecoder.batch import read_records
from wirecoder.cli import app


def test_corpus_then_batch_in_process(tmp_path: Path) -> None:
    runner = CliRunner()
    corpus = tmp_path / "c.jsonl"
    res = runner.invoke(app, ["corpus", str(corpus), "--n", "3", "--seed", "4"])
    assert res.exit_code == 0, res.output
    assert len(corpus.read_text(encoding="utf-8").splitlines()) == 3

    res = runner.invoke(app, ["batch", str(corpus), "--out", str(tmp_path / "out"), "--workers", "0", "--json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout.strip().splitlines()[-1])
    assert summary["documents"] == 3 and summary["failed"] == 0 and summary["engine"] == "local[0]"
    assert [r["doc_id"] for r in read_records(tmp_path / "out")] == ["synth-4-0000000", "synth-4-0000001", "synth-4-0000002"]


def test_batch_loads_the_store(tmp_path: Path) -> None:
    runner = CliRunner()
    corpus = tmp_path / "c.jsonl"
    runner.invoke(app, ["corpus", str(corpus), "--n", "2"])
    db = tmp_path / "coded.db"
    res = runner.invoke(app, ["batch", str(corpus), "--out", str(tmp_path / "out"), "--workers", "0", "--db", str(db), "--json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout.strip().splitlines()[-1])
    assert summary["store"]["stored"] == 2 and summary["store"]["total"] == 2
