"""Schema migrations (Alembic) on both backends: a new database is built and stamped, one
made before migrations existed is upgraded with its rows kept, reopening changes nothing,
and the write generation the migrations add keeps cached event counts honest."""

from __future__ import annotations

import sqlalchemy as sa

from wirecoder.store import EventFilter, open_store
from wirecoder.store import schema as S
from wirecoder.store.migrate import head_revision
from wirecoder.store.store import engine_url

TEXT = "Boko Haram fighters attacked a military base near Maiduguri on Monday; three soldiers died."


def _make_first_schema(url: str) -> None:
    """A database as the first wirecoder stores wrote it: no Alembic stamp, a
    ``schema_version`` table, no ``store_state``."""
    engine = sa.create_engine(engine_url(url))
    with engine.begin() as conn:
        S.metadata.create_all(conn, tables=[t for t in S.metadata.sorted_tables if t.name != "store_state"])
        conn.execute(sa.text("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at VARCHAR(32) NOT NULL)"))
        conn.execute(sa.text("INSERT INTO schema_version VALUES (1, '2026-11-01T00:00:00+00:00')"))
    engine.dispose()


def _tables(url: str) -> set[str]:
    engine = sa.create_engine(engine_url(url))
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_a_new_database_is_built_and_stamped_with_the_newest_revision(store_url):
    with open_store(store_url) as store:
        assert store.migration.created and store.migration.before is None
        assert store.schema_version() == head_revision()
    with open_store(store_url) as again:  # reopening: nothing to build, nothing to upgrade
        assert not again.migration.created
        assert again.migration.before == head_revision() == again.migration.after


def test_a_database_from_before_migrations_is_upgraded_and_keeps_its_rows(store_url, make_doc):
    _make_first_schema(store_url)
    engine = sa.create_engine(engine_url(store_url))
    with engine.begin() as conn:
        conn.execute(
            sa.insert(S.documents),
            {"doc_id": "old", "content_hash": "h", "text": TEXT, "record_json": "{}", "ingested_at": "2026-11-01T00:00:00+00:00"},
        )
    engine.dispose()

    with open_store(store_url) as store:
        assert not store.migration.created and store.migration.before is None
        assert store.schema_version() == head_revision()
        assert store.get_document("old")["text"] == TEXT
        counts = store.write([make_doc("new", TEXT)])
        assert counts.stored == 1
    tables = _tables(store_url)
    assert "store_state" in tables and "schema_version" not in tables


def test_cached_event_counts_follow_writes_made_by_another_store(store_url, make_doc):
    with open_store(store_url) as reader, open_store(store_url) as writer:
        writer.write([make_doc("a", TEXT)])
        assert reader.query_events(EventFilter()).total == 1
        assert reader.query_events(EventFilter()).total == 1  # from the cache
        writer.write([make_doc("b", TEXT + " Again.")])
        assert reader.query_events(EventFilter()).total == 2
        writer.write([make_doc("b", TEXT + " Changed.")])  # a replacement changes rows too
        assert reader.query_events(EventFilter(doc_id="b")).total == 1
        assert reader.query_events(EventFilter(doc_id="nope")).total == 0


def test_migrate_command_reports_what_it_did(tmp_path):
    from typer.testing import CliRunner

    from wirecoder.cli import app

    db = str(tmp_path / "m.db")
    _make_first_schema(db)
    first = CliRunner().invoke(app, ["migrate", "--db", db])
    assert first.exit_code == 0 and "Upgraded" in first.output and head_revision() in first.output
    again = CliRunner().invoke(app, ["migrate", "--db", db])
    assert again.exit_code == 0 and "nothing to do" in again.output


def test_a_stamped_database_whose_tables_were_dropped_is_built_again(store_url, make_doc):
    with open_store(store_url):
        pass
    engine = sa.create_engine(engine_url(store_url))
    S.metadata.drop_all(engine)  # the Alembic stamp stays behind
    engine.dispose()
    with open_store(store_url) as store:
        assert store.migration.created
        assert store.write([make_doc("a", TEXT)]).stored == 1
