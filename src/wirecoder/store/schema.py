"""The store's one schema definition (SQLAlchemy Core), shared by SQLite and PostgreSQL.

Rows are views of the contract record (``shared/spec/RECORD.md``); ``documents.record_json``
keeps the whole record so nothing is lost. ``documents``, ``events`` and ``failures`` are an
outside interface: their names and columns are only ever extended. Full-text search is the
backend's own: an FTS5 external-content table kept in sync by triggers on SQLite, a generated
``tsvector`` column with a GIN index on PostgreSQL. Both use the ``simple`` rules (lower-cased
words, no stemming, no stop words) so a query ``q`` matches the same documents on either.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import event

# A change here needs its Alembic revision too (store/migrations/versions/): new databases are
# built from this metadata, existing ones are upgraded by the revisions.
metadata = sa.MetaData()

#: Small keyed counters. ``generation`` goes up with every committed write batch: readers key
#: caches on it (event counts), so a cached answer lives exactly until the data changes.
store_state = sa.Table(
    "store_state",
    metadata,
    sa.Column("key", sa.String(32), primary_key=True),
    sa.Column("value", sa.Integer, nullable=False),
)
event.listen(store_state, "after_create", sa.DDL("INSERT INTO store_state (key, value) VALUES ('generation', 0)"))

documents = sa.Table(
    "documents",
    metadata,
    # Integer key: SQLite FTS5 external content needs a stable integer rowid.
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("doc_id", sa.String, nullable=False, unique=True),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("published", sa.String(10)),
    sa.Column("dateline_place", sa.String),
    sa.Column("dateline_agency", sa.String),
    sa.Column("source", sa.String),
    sa.Column("url", sa.String),
    sa.Column("title", sa.String),
    sa.Column("origin", sa.String),
    sa.Column("record_json", sa.Text, nullable=False),
    sa.Column("ingested_at", sa.String(32), nullable=False),
)


def _doc_fk() -> sa.Column:
    return sa.Column(
        "doc_id", sa.String, sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False, index=True
    )


actors = sa.Table(
    "actors",
    metadata,
    sa.Column("actor_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String, nullable=False, unique=True),
    sa.Column("type", sa.String),
    sa.Column("country", sa.String(3)),
)

actor_aliases = sa.Table(
    "actor_aliases",
    metadata,
    sa.Column("actor_id", sa.Integer, sa.ForeignKey("actors.actor_id", ondelete="CASCADE"), primary_key=True),
    sa.Column("alias", sa.String, primary_key=True),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    sa.Column("actor_id", sa.Integer, sa.ForeignKey("actors.actor_id"), nullable=False, index=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.String, nullable=False),
)

locations = sa.Table(
    "locations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("name", sa.String, nullable=False),
    sa.Column("feature", sa.String),
    sa.Column("admin1", sa.String),
    sa.Column("country", sa.String(3)),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("geonameid", sa.Integer),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("event_id", sa.String, primary_key=True),  # "<doc_id>:e<index>"
    _doc_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("event_type", sa.String, nullable=False),
    sa.Column("sub_event_type", sa.String),
    sa.Column("plover", sa.String),
    sa.Column("date", sa.String(10)),
    # Non-null copy of ``date`` ('' when unknown): the keyset pagination key.
    sa.Column("sort_date", sa.String(10), nullable=False),
    sa.Column("time_precision", sa.Integer),
    sa.Column("location_name", sa.String),
    sa.Column("admin1", sa.String),
    sa.Column("country", sa.String(3)),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("geo_precision", sa.Integer),
    sa.Column("actor1_name", sa.String),
    sa.Column("actor1_type", sa.String),
    sa.Column("actor1_id", sa.Integer, sa.ForeignKey("actors.actor_id"), index=True),
    sa.Column("actor2_name", sa.String),
    sa.Column("actor2_type", sa.String),
    sa.Column("actor2_id", sa.Integer, sa.ForeignKey("actors.actor_id"), index=True),
    sa.Column("attribution", sa.String, nullable=False),
    sa.Column("attribution_source", sa.String),
    sa.Column("fatalities", sa.Integer),
    sa.Column("fatalities_text", sa.String),
    sa.Column("injuries", sa.Integer),
    sa.Column("injuries_text", sa.String),
    sa.Column("weapon", sa.String),
    sa.Column("perpetrator_text", sa.String),
    sa.Column("target_text", sa.String),
    sa.Column("confidence", sa.Float),
    sa.Column("cluster_id", sa.String, nullable=False, index=True),
    sa.Index("ix_events_sort", "sort_date", "event_id"),
    sa.Index("ix_events_country_sort", "country", "sort_date", "event_id"),
    sa.Index("ix_events_type_sort", "event_type", "sort_date", "event_id"),
)

statements = sa.Table(
    "statements",
    metadata,
    sa.Column("statement_id", sa.String, primary_key=True),  # "<doc_id>:s<index>"
    _doc_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("speaker_name", sa.String),
    sa.Column("speaker_type", sa.String),
    sa.Column("speaker_id", sa.Integer, sa.ForeignKey("actors.actor_id"), index=True),
    sa.Column("speaker_mention", sa.String),
    sa.Column("kind", sa.String),
    sa.Column("cue", sa.String),
    sa.Column("channel", sa.String),
    sa.Column("date", sa.String(10)),
    sa.Column("act", sa.String),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("about_event", sa.Integer),
    sa.Column("confidence", sa.Float),
)

allegations = sa.Table(
    "allegations",
    metadata,
    sa.Column("allegation_id", sa.String, primary_key=True),  # "<doc_id>:a<index>"
    _doc_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("claimant_name", sa.String),
    sa.Column("claimant_type", sa.String),
    sa.Column("claimant_id", sa.Integer, sa.ForeignKey("actors.actor_id"), index=True),
    sa.Column("act", sa.String, nullable=False),
    sa.Column("victims", sa.String),
    sa.Column("beneficiary", sa.String),
    sa.Column("location_json", sa.Text),
    sa.Column("period_start", sa.String(10)),
    sa.Column("period_end", sa.String(10)),
    sa.Column("period_text", sa.String),
    sa.Column("statement", sa.Integer),
    sa.Column("hedge", sa.String),
    sa.Column("confidence", sa.Float),
)

allegation_accused = sa.Table(
    "allegation_accused",
    metadata,
    sa.Column("allegation_id", sa.String, sa.ForeignKey("allegations.allegation_id", ondelete="CASCADE"), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("actor_id", sa.Integer, sa.ForeignKey("actors.actor_id"), nullable=False, index=True),
    sa.Column("name", sa.String, nullable=False),
    sa.Column("type", sa.String),
)

demands = sa.Table(
    "demands",
    metadata,
    sa.Column("demand_id", sa.String, primary_key=True),  # "<doc_id>:d<index>"
    _doc_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("claimant_name", sa.String),
    sa.Column("claimant_type", sa.String),
    sa.Column("claimant_id", sa.Integer, sa.ForeignKey("actors.actor_id"), index=True),
    sa.Column("addressee_name", sa.String),
    sa.Column("addressee_type", sa.String),
    sa.Column("addressee_id", sa.Integer, sa.ForeignKey("actors.actor_id"), index=True),
    sa.Column("demand", sa.Text, nullable=False),
    sa.Column("statement", sa.Integer),
    sa.Column("confidence", sa.Float),
)

evidence = sa.Table(
    "evidence",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    sa.Column("owner_kind", sa.String(16), nullable=False),  # event | statement | allegation | demand
    sa.Column("owner_id", sa.String, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("field", sa.String(32), nullable=False),  # evidence | speaker_span | cue_span
    sa.Index("ix_evidence_owner", "owner_kind", "owner_id"),
)

failures = sa.Table(
    "failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    # Where the input came from (path, path:line, URL); with ``code`` the key of a failure,
    # so re-running the same bad input updates its row instead of adding another.
    sa.Column("origin", sa.String, nullable=False),
    sa.Column("doc_id", sa.String),
    sa.Column("code", sa.String(8), nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("stage", sa.String),
    sa.Column("at", sa.String(32), nullable=False),
    sa.UniqueConstraint("origin", "code", name="uq_failures_origin_code"),
)

# --- full-text search, each backend its own ---------------------------------------------
_SQLITE_FTS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
    "text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS documents_fts_ai AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS documents_fts_ad AFTER DELETE ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS documents_fts_au AFTER UPDATE ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO documents_fts(rowid, text) VALUES (new.id, new.text); END",
)
_PG_FTS = (
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS text_tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED",
    "CREATE INDEX IF NOT EXISTS ix_documents_text_tsv ON documents USING GIN (text_tsv)",
)
for _stmt in _SQLITE_FTS:
    event.listen(documents, "after_create", sa.DDL(_stmt).execute_if(dialect="sqlite"))
for _stmt in _PG_FTS:
    event.listen(documents, "after_create", sa.DDL(_stmt).execute_if(dialect="postgresql"))
