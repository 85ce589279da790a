"""Records ↔ Parquet tables: lossless, fixed schemas, failures kept, order-safe reassembly."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from wirecoder.batch.tables import SCHEMAS, TABLES, TableWriter, document_rows, iter_table, read_records
from wirecoder.document import Document
from wirecoder.records import Actor, ActorRef, Event, EventLocation, Failure, Span, Statement


def _coded(doc_id: str, text: str = "Gunmen attacked a bus near Kabul.") -> Document:
    doc = Document(text=text, doc_id=doc_id, published="2025-01-02")
    gunmen = Actor("Unidentified Armed Group (Afghanistan)", "armed_group", "AFG", [Span(0, 6, "Gunmen")])
    doc.actors = [gunmen]
    doc.events = [
        Event(
            "Violence against civilians",
            "Attack",
            plover="ASSAULT",
            date="2025-01-01",
            location=EventLocation("Kabul", "Kabul", "AFG", 34.5, 69.2),
            actor1=gunmen.ref(),
            fatalities=3,
            evidence=[Span(0, 33, text)],
            confidence=0.75,
        )
    ]
    doc.statements = [Statement(ActorRef("Police", "state_forces"), "police", "indirect", "said", None, None, None, "x", 1, 2)]
    return doc


def test_event_row_has_flat_columns_and_the_full_record() -> None:
    rows = document_rows(_coded("d1"))
    (event,) = rows["events"]
    assert event["doc_id"] == "d1" and event["idx"] == 0
    assert event["sub_event_type"] == "Attack"
    assert event["actor1_name"] == "Unidentified Armed Group (Afghanistan)"
    assert event["location_lat"] == 34.5 and event["location_country"] == "AFG"
    assert event["actor2_name"] is None
    assert set(event) == {name for name, _ in SCHEMAS["events"]}
    assert "failures" not in rows and rows["documents"][0]["n_events"] == 1


def test_tables_round_trip_to_the_contract_record(tmp_path) -> None:  # type: ignore[no-untyped-def]
    docs = [_coded("d1"), Document(text="Nothing happened today.", doc_id="d2"), _coded("d3")]
    with TableWriter(tmp_path, flush_rows=2) as writer:
        for doc in docs:
            writer.add(document_rows(doc))
    assert list(read_records(tmp_path)) == [d.to_record() for d in docs]
    for table in TABLES:  # every table exists with its declared schema, even when empty
        assert pq.read_schema(next((tmp_path / table).glob("*.parquet"))).names == [n for n, _ in SCHEMAS[table]]


def test_failed_document_is_kept_in_documents_and_failures(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = Document(text="", doc_id="failed:x.jsonl:3", origin="x.jsonl:3")
    bad.error = Failure("W004", "[W004] Malformed JSONL line 3", "ingest", "x.jsonl:3")
    with TableWriter(tmp_path) as writer:
        writer.add(document_rows(bad))
    (failure,) = list(iter_table(tmp_path, "failures"))
    assert failure == {"doc_id": "failed:x.jsonl:3", "code": "W004", "message": "[W004] Malformed JSONL line 3", "stage": "ingest", "source": "x.jsonl:3"}
    (doc_row,) = list(iter_table(tmp_path, "documents"))
    assert doc_row["failed"] is True and doc_row["error_code"] == "W004"
    assert list(read_records(tmp_path)) == [bad.to_record()]


def test_neighbours_with_the_same_id_keep_their_own_rows(tmp_path) -> None:  # type: ignore[no-untyped-def]
    docs = [_coded("same"), _coded("same")]
    with TableWriter(tmp_path) as writer:
        for doc in docs:
            writer.add(document_rows(doc))
    assert [len(r["events"]) for r in read_records(tmp_path)] == [1, 1]


def test_rows_out_of_document_order_are_an_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    a, b = _coded("a"), _coded("b")
    with TableWriter(tmp_path / "x") as writer:
        writer.add({**document_rows(a), "events": document_rows(b)["events"]})
        writer.add({**document_rows(b), "events": document_rows(a)["events"]})
    with pytest.raises(ValueError, match="out of document order"):
        list(read_records(tmp_path / "x"))


def test_numpy_scalars_become_plain_python_values() -> None:
    import numpy as np

    doc = _coded("d1")
    doc.events[0].sub_event_type = np.str_("Attack")
    doc.events[0].confidence = np.float64(0.5)  # type: ignore[assignment]
    (event,) = document_rows(doc)["events"]
    assert type(event["sub_event_type"]) is str and type(event["confidence"]) is float


def test_a_second_run_replaces_the_tables(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "part-00007-stale.parquet").write_bytes(b"stale")
    (tmp_path / "notes.txt").write_text("kept")
    with TableWriter(tmp_path) as writer:
        writer.add(document_rows(_coded("d1")))
    assert [p.name for p in (tmp_path / "events").iterdir()] == ["part-00000.parquet"]
    assert (tmp_path / "notes.txt").read_text() == "kept"
    assert len(list(read_records(tmp_path))) == 1
