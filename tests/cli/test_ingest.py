"""The store commands through Typer's CliRunner: ingest counts and exit codes, events,
export and failures on a real SQLite file."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import wirecoder
from wirecoder.cli import app
from wirecoder.document import Document
from wirecoder.records import ActorRef, Event, EventLocation, Span
from wirecoder.store import open_store

runner = CliRunner()


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text("Gunmen attacked a checkpoint in Kandahar on Monday.", encoding="utf-8")
    (folder / "two.txt").write_text("Police dispersed protesters in Khartoum.", encoding="utf-8")
    lines = [json.dumps({"id": "j1", "text": "Militants shelled a village in Idlib."}), "{not json", ""]
    (folder / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    return folder


@pytest.fixture
def no_nlp(monkeypatch):
    """Documents flow straight from the readers to the store: these tests are about the CLI."""
    monkeypatch.setattr(wirecoder, "extract_many", lambda docs: iter(docs))


def test_ingest_counts_add_up_and_exit_1_on_failures(inputs, tmp_path, no_nlp):
    db = str(tmp_path / "w.db")
    result = runner.invoke(app, ["ingest", str(inputs), "--db", db, "--json"])
    assert result.exit_code == 1, result.output
    counts = json.loads(result.stdout.strip().splitlines()[-1])
    assert counts == {"stored": 3, "failed": 1, "duplicate": 0, "total": 4, "replaced": 0}
    assert "4 documents: 3 stored (0 replaced), 1 failed, 0 skipped as duplicate" in result.stderr

    failures = runner.invoke(app, ["failures", "--db", db, "--format", "jsonl"])
    assert failures.exit_code == 0
    (row,) = [json.loads(x) for x in failures.stdout.splitlines()]
    assert row["code"] == "W004" and row["origin"].endswith("feed.jsonl:2")

    again = runner.invoke(app, ["ingest", str(inputs / "one.txt"), str(inputs / "two.txt"), "--db", db, "--json"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout.strip().splitlines()[-1])["duplicate"] == 2


def test_reingest_skips_the_pipeline_for_unchanged_documents(inputs, tmp_path, monkeypatch):
    coded: list[str] = []

    def counting(docs):  # the pipeline stand-in: records what it was given
        for doc in docs:
            coded.append(doc.doc_id)
            yield doc

    monkeypatch.setattr(wirecoder, "extract_many", counting)
    db = str(tmp_path / "w.db")
    first = runner.invoke(app, ["ingest", str(inputs / "one.txt"), str(inputs / "two.txt"), "--db", db, "--json"])
    assert first.exit_code == 0 and len(coded) == 2
    (inputs / "two.txt").write_text("Police dispersed protesters in Omdurman.", encoding="utf-8")
    again = runner.invoke(app, ["ingest", str(inputs / "one.txt"), str(inputs / "two.txt"), "--db", db, "--json"])
    counts = json.loads(again.stdout.strip().splitlines()[-1])
    assert counts == {"stored": 1, "failed": 0, "duplicate": 1, "total": 2, "replaced": 1}
    assert len(coded) == 3  # only the changed report was coded again


def test_ingest_reports_an_unopenable_store(inputs, tmp_path, no_nlp):
    result = runner.invoke(app, ["ingest", str(inputs), "--db", str(tmp_path / "no" / "such" / "dir.db")])
    assert result.exit_code == 2
    assert "E401" in result.stderr


@pytest.fixture
def db_with_events(tmp_path) -> str:
    db = str(tmp_path / "e.db")
    docs = []
    for i, (place, admin1, country, lat, lon) in enumerate(
        [("Kandahar", "Kandahar", "AFG", 31.61, 65.71), ("Khartoum", "Khartoum", "SDN", 15.5, 32.56)]
    ):
        text = f"Report {i}: fighting in {place}."
        doc = Document(text=text, doc_id=f"r{i}", source="AFP")
        doc.events = [
            Event("Battles", "Armed clash", "FIGHT", f"2025-05-0{i + 1}", 1, EventLocation(place, admin1, country, lat, lon), 1,
                  ActorRef("Taliban", "armed_group"), None, "reported", evidence=[Span(0, 8, text[:8])])
        ]  # fmt: skip
        docs.append(doc)
    with open_store(db) as store:
        store.write(docs)
    return db


def test_events_filters_and_formats(db_with_events):
    result = runner.invoke(app, ["events", "--db", db_with_events, "--country", "SDN", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    items = [json.loads(x) for x in result.stdout.splitlines()]
    assert [e["event_id"] for e in items] == ["r1:e0"]
    none = runner.invoke(app, ["events", "--db", db_with_events, "--sub-type", "Suicide bomb", "-f", "jsonl"])
    assert none.exit_code == 0 and none.stdout == ""
    table = runner.invoke(app, ["events", "--db", db_with_events, "--limit", "1"])
    assert table.exit_code == 0 and "r1:e0" in table.stdout and "--cursor" in table.stderr
    bad = runner.invoke(app, ["events", "--db", db_with_events, "--cursor", "garbage"])
    assert bad.exit_code == 2


def test_export_to_stdout_and_file(db_with_events, tmp_path):
    result = runner.invoke(app, ["export", "--db", db_with_events, "--format", "acled-csv", "--q", "khartoum"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("event_id_cnty,event_date,year,") and len(lines) == 2 and lines[1].startswith("r1:e0,")
    out = tmp_path / "ev.geojson"
    assert runner.invoke(app, ["export", "--db", db_with_events, "-f", "geojson", "-o", str(out)]).exit_code == 0
    assert len(json.loads(out.read_text())["features"]) == 2
    assert runner.invoke(app, ["export", "--db", db_with_events, "-f", "parquet"]).exit_code == 2  # needs --out
    assert runner.invoke(app, ["export", "--db", db_with_events, "-f", "xml"]).exit_code == 2


@pytest.mark.slow
def test_ingest_with_the_real_pipeline(tmp_path):
    src = tmp_path / "r.txt"
    src.write_text(
        "date 2025-01-20 Peshawar, Jan 20 (IANS) At least six soldiers were killed when militants attacked "
        "a security post in Kurram district of Khyber Pakhtunkhwa on Sunday, officials said.",
        encoding="utf-8",
    )
    db = str(tmp_path / "real.db")
    result = runner.invoke(app, ["ingest", str(src), "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        rec = store.get_document("r")["record"]
        assert rec["published"] == "2025-01-20"
        assert store.counts()["events"] == len(rec["events"])
