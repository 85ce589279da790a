"""The store on real databases: idempotent writes, failures, queries, pagination, clusters."""

from __future__ import annotations

import pytest

from wirecoder.store import EventFilter, open_store
from wirecoder.store.migrate import head_revision

TEXT = "Boko Haram fighters attacked a Military base near Maiduguri on Monday; three soldiers died."


def test_counts_add_up_and_failures_are_recorded(store, make_doc, make_failed):
    docs = [make_doc("a", TEXT), make_failed("in.jsonl:2"), make_doc("b", TEXT + " More."), make_doc("a", TEXT)]
    counts = store.write(docs, batch_size=2)
    assert (counts.stored, counts.failed, counts.duplicate, counts.total) == (2, 1, 1, 4)
    assert store.counts()["documents"] == 2
    fails = store.list_failures().items
    assert [(f["origin"], f["code"]) for f in fails] == [("in.jsonl:2", "W004")]
    assert store.schema_version() == head_revision()


def test_reingest_same_document_changes_nothing(store, make_doc, make_failed):
    store.write([make_doc("a", TEXT), make_failed("x.txt")])
    before = store.counts()
    ingested = store.get_document("a")["ingested_at"]
    again = store.write([make_doc("a", TEXT), make_failed("x.txt")])
    assert (again.stored, again.duplicate, again.failed) == (0, 1, 1)
    assert store.counts() == before  # the failure row was updated, not added
    assert store.get_document("a")["ingested_at"] == ingested


def test_new_text_for_same_id_replaces_rows(store, make_doc):
    store.write([make_doc("a", TEXT)])
    changed = make_doc("a", "Gunmen attacked Konduga market; two died.", place="Konduga")
    counts = store.write([changed])
    assert (counts.stored, counts.replaced) == (1, 1)
    c = store.counts()
    assert (c["documents"], c["events"], c["statements"], c["allegations"]) == (1, 1, 1, 1)
    assert store.query_events(EventFilter(q="konduga")).total == 1
    assert store.query_events(EventFilter(q="boko")).total == 0  # full-text index followed the change
    assert store.get_document("a")["text"].startswith("Gunmen")


def test_later_success_clears_the_failure(store, make_doc):
    doc = make_doc("a", TEXT)
    doc.error = None
    bad = make_doc("a", TEXT)
    from wirecoder.records import Failure

    bad.error = Failure("E101", "[E101] stage broke", "wirecoder.events.v1", "a.txt")
    store.write([bad])
    assert store.counts()["failures"] == 1
    store.write([doc])
    assert store.counts()["failures"] == 0


def _corpus(make_doc):
    return [
        make_doc("ngr1", TEXT, date="2025-03-10"),
        make_doc("ngr2", "Troops clashed with ISWAP in Konduga.", date="2025-03-01", place="Konduga",
                 actor1=("ISWAP", "armed_group"), attribution="claimed"),
        make_doc("pak1", "A suicide bomber struck a rally in Quetta.", date="2025-02-02", place="Quetta",
                 event_type="Explosions/Remote violence", sub_event_type="Suicide bomb",
                 actor1=("Islamic State Pakistan Province", "armed_group"), actor2=("Civilians (Pakistan)", "civilians"),
                 plover="ASSAULT", attribution="claimed"),
        make_doc("mmr1", "Protesters marched in Mandalay.", date=None, place="Mandalay", event_type="Protests",
                 sub_event_type="Peaceful protest", actor1=("Protesters (Myanmar)", "civilians"), actor2=None,
                 plover="PROTEST", fatalities=0),
    ]  # fmt: skip


def test_event_filters(store, make_doc):
    store.write(_corpus(make_doc))
    ids = lambda f: sorted(e["doc_id"] for e in store.query_events(f).items)  # noqa: E731
    assert ids(EventFilter()) == ["mmr1", "ngr1", "ngr2", "pak1"]
    assert ids(EventFilter(country="nga")) == ["ngr1", "ngr2"]
    assert ids(EventFilter(admin1="BORNO", date_from="2025-03-05")) == ["ngr1"]
    assert ids(EventFilter(date_to="2025-03-01")) == ["ngr2", "pak1"]  # undated events never match a range
    assert ids(EventFilter(event_type="Protests")) == ["mmr1"]
    assert ids(EventFilter(attribution="claimed")) == ["ngr2", "pak1"]
    assert ids(EventFilter(actor="iswap")) == ["ngr2"]
    assert ids(EventFilter(actor="military forces")) == ["ngr1", "ngr2"]
    assert ids(EventFilter(q="Suicide QUETTA")) == ["pak1"]
    assert ids(EventFilter(q="quetta konduga")) == []
    actor_id = store.query_events(EventFilter(actor="iswap")).items[0]["actor1"]["actor_id"]
    assert ids(EventFilter(actor=str(actor_id))) == ["ngr2"]


def test_pagination_visits_every_event_once_newest_first(store, make_doc):
    docs = [make_doc(f"d{i:02d}", f"Report {i} on a clash.", date=f"2025-01-{(i % 9) + 1:02d}") for i in range(23)]
    docs.append(make_doc("undated", "A clash at an unknown date.", date=None))
    store.write(docs)
    seen, cursor, pages = [], None, 0
    while True:
        page = store.query_events(EventFilter(), cursor=cursor, limit=5)
        assert page.total == 24
        seen.extend(page.items)
        pages += 1
        cursor = page.next_cursor
        if cursor is None:
            break
    assert pages == 5
    assert len({e["event_id"] for e in seen}) == 24
    dates = [e["date"] for e in seen]
    assert dates[-1] is None and dates[:-1] == sorted(dates[:-1], reverse=True)
    from wirecoder.store.types import encode_cursor

    for bad in ("not-a-cursor", encode_cursor(1, 2), encode_cursor("2025-01-01")):
        with pytest.raises(ValueError):
            store.query_events(EventFilter(), cursor=bad)
    with pytest.raises(ValueError):
        store.list_failures(cursor=encode_cursor("x"))


def test_get_event_document_actor_and_claims(store, make_doc):
    store.write(_corpus(make_doc))
    ev = store.get_event("pak1:e0")
    assert ev["event_type"] == "Explosions/Remote violence"
    assert ev["location"]["name"] == "Quetta" and ev["actor2"]["name"] == "Civilians (Pakistan)"
    assert ev["evidence"] == [{"start": 0, "end": 20, "text": "A suicide bomber str"}]
    assert [r["doc_id"] for r in ev["reports"]] == ["pak1"]
    assert store.get_event("nope:e0") is None
    doc = store.get_document("pak1")
    assert doc["record"]["events"][0]["sub_event_type"] == "Suicide bomb" and doc["text"].startswith("A suicide")
    assert store.get_document("nope") is None

    army = next(a for a in store.list_actors("military").items)
    assert army["name"] == "Military Forces of Nigeria"
    assert store.list_actors("MILITARY FORCES OF NIGERIA").total == 1  # matches an alias too
    full = store.get_actor(army["actor_id"])
    assert "MILITARY FORCES OF NIGERIA" in full["aliases"]
    assert sorted(e["doc_id"] for e in full["events"]) == ["ngr1", "ngr2"]
    assert sorted(a["doc_id"] for a in full["allegations_received"]) == ["ngr1", "ngr2"]
    assert full["allegations_made"] == []
    amnesty = store.list_actors("amnesty").items[0]
    assert len(store.get_actor(amnesty["actor_id"])["allegations_made"]) == 4
    assert store.get_actor(10_000) is None

    stmts = store.list_statements(speaker_id=amnesty["actor_id"], limit=3)
    assert stmts.total == 4 and len(stmts.items) == 3 and stmts.next_cursor
    assert stmts.items[0]["speaker"]["name"] == "Amnesty International"
    rest = store.list_statements(speaker_id=amnesty["actor_id"], cursor=stmts.next_cursor)
    assert len(rest.items) == 1 and rest.next_cursor is None
    al = store.list_allegations(doc_id="ngr1").items[0]
    assert al["accused"][0]["name"] == "Military Forces of Nigeria"
    assert al["evidence"][0]["start"] == 0
    assert store.list_demands(doc_id="ngr1").items[0]["addressee"]["name"] == "Military Forces of Nigeria"
    assert [r["doc_id"] for r in store.iter_records()] == ["ngr1", "ngr2", "pak1", "mmr1"]


def test_cross_report_clusters(store, make_doc):
    base = "Boko Haram attacked troops."
    store.write(
        [
            make_doc("r1", base, date="2025-03-10", place="Maiduguri"),
            # same clash, a day later in another report, other agency, actor2 unknown: same cluster
            make_doc("r2", base + " (AP)", date="2025-03-11", place="Maiduguri", actor2=None, source="AP"),
            # two days apart: another event
            make_doc("r3", base + " Again.", date="2025-03-13", place="Maiduguri"),
            # ~30 km away (Konduga): another place
            make_doc("r4", base + " Konduga.", date="2025-03-10", place="Konduga"),
            # other perpetrator
            make_doc("r5", base + " ISWAP.", date="2025-03-10", place="Maiduguri", actor1=("ISWAP", "armed_group")),
        ],
        batch_size=2,
    )
    # a later batch still finds the cluster
    store.write([make_doc("r6", base + " Late.", date="2025-03-09", place="Maiduguri", actor1=("Boko Haram (2009-)", "armed_group"))])
    cluster = {e["doc_id"]: e["cluster_id"] for e in store.query_events(EventFilter()).items}
    assert cluster["r1"] == cluster["r2"] == cluster["r6"]
    assert len({cluster["r1"], cluster["r3"], cluster["r4"], cluster["r5"]}) == 4
    assert [r["doc_id"] for r in store.get_event("r1:e0")["reports"]] == ["r1", "r2", "r6"]
    assert store.counts()["clusters"] == 4


def test_unopenable_store_gives_coded_error(tmp_path):
    from wirecoder.errors import WirecoderError

    with pytest.raises(WirecoderError) as err:
        open_store(str(tmp_path / "missing-dir" / "x.db"))
    assert err.value.code == "E401"


def test_a_failed_batch_rolls_back_whole_and_the_store_stays_usable(store, make_doc):
    doc = make_doc("a", TEXT)
    rec = doc.to_record()
    with pytest.raises(Exception):  # noqa: B017,PT011 - the driver's IntegrityError, either backend
        store.write_records([(rec, None, None)])  # text is required: the insert fails after actors were added
    assert store.counts()["documents"] == 0 and store.counts()["actors"] == 0
    assert store.write([doc]).stored == 1  # actor ids cached by the failed batch must not leak
    assert store.get_event("a:e0")["actor1"]["name"] == "Boko Haram"


def test_concurrent_writers_store_each_document_once(store_url, make_doc):
    import threading

    docs = [make_doc(f"c{i:03d}", f"Report {i} about a clash.", date=f"2025-02-{i % 28 + 1:02d}") for i in range(60)]
    results, errors = [], []

    def writer(part):
        try:
            with open_store(store_url) as s:
                results.append(s.write(part, batch_size=7))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(docs[:40],)), threading.Thread(target=writer, args=(docs[20:],))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sum(r.stored for r in results) == 60 and sum(r.duplicate for r in results) == 20
    with open_store(store_url) as s:
        assert s.counts()["documents"] == 60 and s.counts()["events"] == 60
