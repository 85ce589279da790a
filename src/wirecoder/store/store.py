"""The Store: write coded Documents to SQLite or PostgreSQL, and read them back as dicts.

Writing is idempotent and atomic per batch: a document already stored with the same text is
counted ``duplicate`` and left alone; the same ``doc_id`` with new text replaces that
document's rows; a failed document (``doc.error``) becomes a ``failures`` row. Each batch is
one transaction, so a crash (even ``kill -9``) loses at most the batch in flight, and a rerun
stores it once. Reads return plain dicts shaped like the contract records plus their ids;
listings page with opaque keyset cursors (index-backed, cheap on any page).
"""

from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from itertools import islice
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect

from ..document import Document, content_hash
from ..errors import E, WirecoderError
from . import schema as S
from .cluster import assign_clusters
from .migrate import Migration, current_revision
from .migrate import upgrade as upgrade_schema
from .rows import DocRows, record_rows
from .types import EventFilter, IngestCounts, Page, decode_cursor, encode_cursor

DEFAULT_BATCH = 200
_WORD = re.compile(r"\w+", re.UNICODE)
_ID_CHUNK = 500
_COUNT_CACHE_SIZE = 512  # distinct filters whose event counts are remembered

#: What the store writes: a contract record, the document text, where it was read from.
StoredItem = tuple[dict[str, Any], str, str | None]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def engine_url(url_or_path: str) -> str:
    """A SQLAlchemy URL for a file path, ``sqlite:///…`` or ``postgresql://…``."""
    if url_or_path.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url_or_path.split("://", 1)[1]
    if url_or_path.startswith(("postgresql+", "sqlite:")):
        return url_or_path
    return f"sqlite:///{url_or_path}"


#: Advisory lock key (PostgreSQL) serialising writers and first-time schema creation.
_PG_WRITE_LOCK = 7411


_WAL_ATTEMPTS = 200  # × 50 ms


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # The driver's own implicit BEGIN would leave reads outside the transaction;
    # SQLAlchemy's "begin" event below emits it instead (the SQLAlchemy SQLite recipe).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    # The timeout first: switching to WAL takes a lock that a concurrent opener may hold.
    cur.execute("PRAGMA busy_timeout=30000")
    # SQLite answers "locked" at once, without the busy handler, when two connections switch
    # a new file to WAL together: retry for a while (WAL then holds for every connection).
    for attempt in range(_WAL_ATTEMPTS):
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            break
        except sqlite3.OperationalError:
            if attempt == _WAL_ATTEMPTS - 1:
                raise
            time.sleep(0.05)
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    """Writers take the write lock up front (``BEGIN IMMEDIATE``; others wait on
    ``busy_timeout``), so a batch never fails half-way on a lock upgrade; readers share."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("wirecoder_write") else "BEGIN")


def fts_words(q: str | None) -> list[str]:
    """The words of a search query, lower-cased: every one must occur in the text."""
    return [w.lower() for w in _WORD.findall(q or "")]


class Store:
    """One database. Build with ``open_store``; use as a context manager or call ``close``."""

    def __init__(self, url_or_path: str) -> None:
        self.url = url_or_path
        try:
            self.engine = sa.create_engine(engine_url(url_or_path))
            if self.backend == "sqlite":
                sa.event.listen(self.engine, "connect", _sqlite_connect)
                sa.event.listen(self.engine, "begin", _sqlite_begin)
            self.migration = self._create()
        except (sa.exc.SQLAlchemyError, ImportError) as exc:
            raise WirecoderError(E.E401, url=redact_url(url_or_path), detail=str(exc).splitlines()[0]) from exc
        self._actor_ids: dict[str, int] = {}
        # filter → (write generation, matching events): counts are O(matches), pages O(limit)
        self._event_counts: dict[tuple[Any, ...], tuple[int, int]] = {}
        self._event_counts_lock = threading.Lock()  # the API shares one store between threads

    @property
    def backend(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def _create(self) -> Migration:
        """Build a new database, or bring an existing one to this version's schema (Alembic;
        safe on every open, and under the write lock so concurrent openers do not race)."""
        with self._writing() as conn:
            return upgrade_schema(conn)

    @contextmanager
    def _writing(self) -> Iterator[sa.Connection]:
        """A write transaction, one writer at a time (SQLite ``BEGIN IMMEDIATE``; PostgreSQL
        advisory lock), so concurrent ingests of the same document cannot collide."""
        with self.engine.connect().execution_options(wirecoder_write=True) as conn, conn.begin():
            if self.backend == "postgresql":
                conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_WRITE_LOCK)))
            yield conn

    def schema_version(self) -> str:
        """The database's Alembic revision (the newest shipped one once the store has opened it)."""
        with self.engine.connect() as conn:
            return current_revision(conn) or ""

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _insert(self, table: sa.Table) -> Any:
        dialect = pg_dialect if self.backend == "postgresql" else sqlite_dialect
        return dialect.insert(table)

    # --- writing ---------------------------------------------------------------------
    def write(self, docs: Iterable[Document], batch_size: int = DEFAULT_BATCH) -> IngestCounts:
        """Store coded Documents, ``batch_size`` per transaction; return what happened.

        ``stored + failed + duplicate == total`` (the number of documents given).
        """
        return self.write_records(((d.to_record(), d.text, d.origin) for d in docs), batch_size)

    def write_records(self, items: Iterable[StoredItem], batch_size: int = DEFAULT_BATCH) -> IngestCounts:
        """Like ``write``, for records already serialised: ``(record, text, origin)`` triples
        (a record with an ``error`` field is stored as a failure)."""
        counts = IngestCounts()
        it = iter(items)
        while batch := list(islice(it, batch_size)):
            counts.add(self.write_batch(batch))
        return counts

    def write_batch(self, batch: list[StoredItem]) -> IngestCounts:
        """Store one batch in one transaction (all of it, or nothing on error)."""
        counts = IngestCounts(total=len(batch))
        now = _now()
        failures: dict[tuple[str, str], dict[str, Any]] = {}
        good: dict[str, StoredItem] = {}
        for rec, text, origin in batch:
            doc_id = rec["doc_id"]
            if rec.get("error"):
                err = rec["error"]
                where = err.get("source") or origin or doc_id
                failures[(where, err["code"])] = {
                    "origin": where,
                    "doc_id": doc_id,
                    "code": err["code"],
                    "message": err["message"],
                    "stage": err.get("stage"),
                    "at": now,
                }
                counts.failed += 1
                continue
            prev = good.get(doc_id)
            if prev is not None and prev[0]["content_hash"] == rec["content_hash"]:
                counts.duplicate += 1
                continue
            if prev is not None:
                counts.replaced += 1
            good[doc_id] = (rec, text, origin)
            counts.stored += 1

        try:
            self._commit_batch(good, failures, counts, now)
        except BaseException:
            self._actor_ids.clear()  # ids created by the rolled-back transaction are gone
            raise
        return counts

    def _commit_batch(
        self, good: dict[str, StoredItem], failures: dict[tuple[str, str], dict[str, Any]], counts: IngestCounts, now: str
    ) -> None:
        with self._writing() as conn:
            existing = self._existing_hashes(conn, list(good))
            rows: list[DocRows] = []
            replace: list[str] = []
            for doc_id, (rec, text, origin) in good.items():
                old = existing.get(doc_id)
                if old == rec["content_hash"]:
                    counts.stored -= 1
                    counts.duplicate += 1
                    continue
                if old is not None:
                    replace.append(doc_id)
                    counts.replaced += 1
                rows.append(record_rows(rec, text, origin, now))
            for chunk in _chunks(replace):
                conn.execute(sa.delete(S.documents).where(S.documents.c.doc_id.in_(chunk)))
            self._insert_rows(conn, rows)
            if failures:
                stmt = self._insert(S.failures)
                stmt = stmt.on_conflict_do_update(
                    index_elements=["origin", "code"],
                    set_={c: stmt.excluded[c] for c in ("doc_id", "message", "stage", "at")},
                )
                conn.execute(stmt, list(failures.values()))
            stored_ids = [r.document["doc_id"] for r in rows]
            for chunk in _chunks(stored_ids):
                conn.execute(sa.delete(S.failures).where(S.failures.c.doc_id.in_(chunk)))
            if rows or replace:
                state = S.store_state.c
                conn.execute(sa.update(S.store_state).where(state.key == "generation").values(value=state.value + 1))

    def unchanged_ids(self, docs: list[Document]) -> set[str]:
        """Ids of the documents already stored with this very text (as normalised): coding
        them again would change nothing, so ingest counts them as duplicates uncoded."""
        from ..stages.normalize import normalize_text

        readable = [d for d in docs if not d.failed and d.doc_id]
        with self.engine.connect() as conn:
            stored = self._existing_hashes(conn, [d.doc_id for d in readable])
        return {d.doc_id for d in readable if d.doc_id in stored and stored[d.doc_id] == content_hash(normalize_text(d.text))}

    def _existing_hashes(self, conn: sa.Connection, doc_ids: list[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for chunk in _chunks(doc_ids):
            q = sa.select(S.documents.c.doc_id, S.documents.c.content_hash).where(S.documents.c.doc_id.in_(chunk))
            out.update((r.doc_id, r.content_hash) for r in conn.execute(q))
        return out

    def _insert_rows(self, conn: sa.Connection, rows: list[DocRows]) -> None:
        if not rows:
            return
        ids = self._resolve_actors(conn, rows)
        aliases: set[tuple[int, str]] = set()
        for r in rows:
            r.resolve(ids)
            for name, a in r.actors.items():
                aliases.update((ids[name], alias) for alias in a["aliases"])
        self._bulk_insert(conn, S.documents, [r.document for r in rows])
        if aliases:
            conn.execute(
                self._insert(S.actor_aliases).on_conflict_do_nothing(),
                [{"actor_id": i, "alias": a} for i, a in sorted(aliases)],
            )
        for table, attr in (
            (S.mentions, "mentions"),
            (S.locations, "locations"),
            (S.events, "events"),
            (S.statements, "statements"),
            (S.allegations, "allegations"),
            (S.allegation_accused, "accused"),
            (S.demands, "demands"),
            (S.evidence, "evidence"),
        ):
            batch = [row for r in rows for row in getattr(r, attr)]
            if batch:
                self._bulk_insert(conn, table, batch)
        assign_clusters(conn, [e for r in rows for e in r.events])

    def _bulk_insert(self, conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
        """executemany on SQLite; COPY on PostgreSQL (same transaction, several times faster
        than row-by-row INSERTs)."""
        if self.backend != "postgresql":
            conn.execute(sa.insert(table), rows)
            return
        from psycopg import sql

        cols = list(rows[0])
        stmt = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, cols))
        )
        with conn.connection.driver_connection.cursor() as cur, cur.copy(stmt) as copy:
            for row in rows:
                copy.write_row([row[c] for c in cols])

    def _resolve_actors(self, conn: sa.Connection, rows: list[DocRows]) -> dict[str, int]:
        """Actor name → id, creating actors not seen before (canonical: unique by name)."""
        wanted: dict[str, dict[str, Any]] = {}
        for r in rows:
            for name, a in r.actors.items():
                wanted.setdefault(name, a)
        missing = sorted(n for n in wanted if n not in self._actor_ids)
        if missing:
            conn.execute(
                self._insert(S.actors).on_conflict_do_nothing(index_elements=["name"]),
                [{"name": n, "type": wanted[n]["type"], "country": wanted[n]["country"]} for n in missing],
            )
            for chunk in _chunks(missing):
                q = sa.select(S.actors.c.actor_id, S.actors.c.name).where(S.actors.c.name.in_(chunk))
                self._actor_ids.update((r.name, r.actor_id) for r in conn.execute(q))
        return {n: self._actor_ids[n] for n in wanted}

    # --- events ----------------------------------------------------------------------
    def _event_conditions(self, f: EventFilter) -> list[Any]:
        e = S.events.c
        cond: list[Any] = []
        if f.date_from:
            cond.append(e.sort_date >= f.date_from)
        if f.date_to:
            cond.append(e.sort_date <= f.date_to)
            cond.append(e.sort_date != "")
        if f.country:
            cond.append(e.country == f.country.upper())
        if f.admin1:
            cond.append(sa.func.lower(e.admin1) == f.admin1.lower())
        if f.event_type:
            cond.append(e.event_type == f.event_type)
        if f.sub_event_type:
            cond.append(e.sub_event_type == f.sub_event_type)
        if f.attribution:
            cond.append(e.attribution == f.attribution)
        if f.doc_id:
            cond.append(e.doc_id == f.doc_id)
        if f.cluster_id:
            cond.append(e.cluster_id == f.cluster_id)
        if f.actor:
            if f.actor.isdigit():
                cond.append(sa.or_(e.actor1_id == int(f.actor), e.actor2_id == int(f.actor)))
            else:
                cond.append(
                    sa.or_(e.actor1_name.icontains(f.actor, autoescape=True), e.actor2_name.icontains(f.actor, autoescape=True))
                )
        if fts_words(f.q):
            cond.append(self._fts_match(f.q or ""))
        return cond

    def _fts_match(self, q: str) -> Any:
        """A condition on ``documents`` (joined): its text holds every word of ``q``
        (same rules on both backends)."""
        words = fts_words(q)
        if self.backend == "sqlite":
            match = " ".join(f'"{w}"' for w in words)  # words are \w+ only: no quotes inside
            rowids = sa.text("SELECT rowid FROM documents_fts WHERE documents_fts MATCH :fts_q").bindparams(fts_q=match)
            return S.documents.c.id.in_(rowids.columns(sa.column("rowid")))
        return sa.text("documents.text_tsv @@ to_tsquery('simple', :fts_q)").bindparams(fts_q=" & ".join(words))

    def _count_events(self, conn: sa.Connection, f: EventFilter, cond: list[Any]) -> int:
        """How many events match, remembered until the next write (a count scans every match)."""
        state = S.store_state.c
        # The generation is read before counting: a write landing in between makes the cached
        # count look older than it is (recounted next time), never newer.
        generation = conn.execute(sa.select(state.value).where(state.key == "generation")).scalar_one()
        key = dataclasses.astuple(f)
        cached = self._event_counts.get(key)
        if cached is not None and cached[0] == generation:
            return cached[1]
        source = S.events.join(S.documents, S.documents.c.doc_id == S.events.c.doc_id) if fts_words(f.q) else S.events
        total = conn.execute(sa.select(sa.func.count()).select_from(source).where(*cond)).scalar_one()
        with self._event_counts_lock:
            if len(self._event_counts) >= _COUNT_CACHE_SIZE:
                self._event_counts.pop(next(iter(self._event_counts)))
            self._event_counts[key] = (generation, total)
        return total

    def _events_select(self) -> sa.Select:
        d = S.documents.c
        return sa.select(
            S.events,
            d.published,
            sa.func.coalesce(d.source, d.dateline_agency).label("source"),
            d.title,
            d.url,
            d.ingested_at,
        ).join(S.documents, S.documents.c.doc_id == S.events.c.doc_id)

    def query_events(self, filter: EventFilter | None = None, cursor: str | None = None, limit: int = 50) -> Page:
        """Events matching ``filter``, newest event date first (undated last), ``limit`` per page.

        Each item: the contract event (``event_type`` … ``confidence``; ``location`` and
        ``actor1``/``actor2`` nested, actors with ``actor_id``) plus ``event_id``, ``doc_id``,
        ``index``, ``cluster_id`` and the report's ``published``, ``source``, ``title``, ``url``,
        ``ingested_at``.
        Evidence spans are in ``get_event``. Pass ``next_cursor`` back to get the next page.
        Raises ``ValueError`` on a malformed cursor.
        """
        f = filter or EventFilter()
        cond = self._event_conditions(f)
        q = self._events_select().where(*cond)
        if cursor:
            last_date, last_id = decode_cursor(cursor, (str, str))
            q = q.where(sa.tuple_(S.events.c.sort_date, S.events.c.event_id) < sa.tuple_(last_date, last_id))
        q = q.order_by(S.events.c.sort_date.desc(), S.events.c.event_id.desc()).limit(limit + 1)
        with self.engine.connect() as conn:
            rows = list(conn.execute(q).mappings())
            total = self._count_events(conn, f, cond)
        nxt = encode_cursor(rows[limit - 1]["sort_date"], rows[limit - 1]["event_id"]) if len(rows) > limit else None
        return Page([event_item(r) for r in rows[:limit]], nxt, total)

    def iter_events(self, filter: EventFilter | None = None, chunk: int = 500) -> Iterator[dict[str, Any]]:
        """Stream every matching event (as ``query_events`` items, plus ``evidence``) for exports."""
        cursor: str | None = None
        while True:
            page = self.query_events(filter, cursor, chunk)
            with self.engine.connect() as conn:
                self._attach_evidence(conn, "event", page.items, "event_id")
            yield from page.items
            if page.next_cursor is None:
                return
            cursor = page.next_cursor

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        """One event with ``evidence`` spans and ``reports``: every event of its cluster (this one
        included) as ``{event_id, doc_id, published, source, title, url}``. None if unknown."""
        with self.engine.connect() as conn:
            row = conn.execute(self._events_select().where(S.events.c.event_id == event_id)).mappings().first()
            if row is None:
                return None
            item = event_item(row)
            self._attach_evidence(conn, "event", [item], "event_id")
            d = S.documents.c
            reports = conn.execute(
                sa.select(S.events.c.event_id, d.doc_id, d.published, sa.func.coalesce(d.source, d.dateline_agency).label("source"), d.title, d.url)
                .join(S.documents, d.doc_id == S.events.c.doc_id)
                .where(S.events.c.cluster_id == row["cluster_id"])
                .order_by(d.published, S.events.c.event_id)
            ).mappings()
            item["reports"] = [dict(r) for r in reports]
        return item

    def _attach_evidence(self, conn: sa.Connection, kind: str, items: list[dict[str, Any]], key: str) -> None:
        by_id = {it[key]: it for it in items}
        for it in items:
            it["evidence"] = []
        for chunk in _chunks(list(by_id)):
            ev = S.evidence.c
            q = (
                sa.select(ev.owner_id, ev.start, ev.end, ev.text, ev.field)
                .where(ev.owner_kind == kind, ev.owner_id.in_(chunk))
                .order_by(ev.owner_id, ev.id)
            )
            for r in conn.execute(q):
                target = by_id[r.owner_id]
                span = {"start": r.start, "end": r.end, "text": r.text}
                if r.field == "evidence":
                    target["evidence"].append(span)
                else:
                    target[r.field] = span

    # --- documents -------------------------------------------------------------------
    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        """``{doc_id, record, text, content_hash, published, source, url, title, origin,
        ingested_at}`` (``record`` is the full contract record), or None if unknown."""
        d = S.documents.c
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(S.documents).where(d.doc_id == doc_id)).mappings().first()
        if row is None:
            return None
        out = {k: row[k] for k in ("doc_id", "text", "content_hash", "published", "source", "url", "title", "origin", "ingested_at")}
        out["record"] = json.loads(row["record_json"])
        return out

    def iter_records(self, chunk: int = 200) -> Iterator[dict[str, Any]]:
        """Stream every stored contract record, in ingest order (constant memory)."""
        d = S.documents.c
        last = 0
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(sa.select(d.id, d.record_json).where(d.id > last).order_by(d.id).limit(chunk)).all()
            for r in rows:
                yield json.loads(r.record_json)
            if len(rows) < chunk:
                return
            last = rows[-1].id

    # --- actors ----------------------------------------------------------------------
    def list_actors(self, q: str | None = None, limit: int = 50, cursor: str | None = None) -> Page:
        """Actors by name; ``q`` matches part of the name or of an alias (case-insensitive).
        Items: ``{actor_id, name, type, country}``."""
        a = S.actors.c
        cond: list[Any] = []
        if q:
            alias_hit = sa.select(S.actor_aliases.c.actor_id).where(S.actor_aliases.c.alias.icontains(q, autoescape=True))
            cond.append(sa.or_(a.name.icontains(q, autoescape=True), a.actor_id.in_(alias_hit)))
        query = sa.select(a.actor_id, a.name, a.type, a.country).where(*cond)
        if cursor:
            last_name, last_id = decode_cursor(cursor, (str, int))
            query = query.where(sa.tuple_(a.name, a.actor_id) > sa.tuple_(last_name, last_id))
        query = query.order_by(a.name, a.actor_id).limit(limit + 1)
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(query).mappings()]
            total = conn.execute(sa.select(sa.func.count()).select_from(S.actors).where(*cond)).scalar_one()
        nxt = encode_cursor(rows[limit - 1]["name"], rows[limit - 1]["actor_id"]) if len(rows) > limit else None
        return Page(rows[:limit], nxt, total)

    def get_actor(self, actor_id: int, limit: int = 200) -> dict[str, Any] | None:
        """``{actor_id, name, type, country, aliases, events, statements, allegations_made,
        allegations_received}`` (lists of the same item shapes as the listings, at most
        ``limit`` each, newest first), or None if unknown."""
        a = S.actors.c
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(S.actors).where(a.actor_id == actor_id)).mappings().first()
            if row is None:
                return None
            out = dict(row)
            out["aliases"] = list(
                conn.execute(
                    sa.select(S.actor_aliases.c.alias).where(S.actor_aliases.c.actor_id == actor_id).order_by(S.actor_aliases.c.alias)
                ).scalars()
            )
        out["events"] = self.query_events(EventFilter(actor=str(actor_id)), limit=limit).items
        out["statements"] = self.list_statements(speaker_id=actor_id, limit=limit).items
        out["allegations_made"] = self.list_allegations(claimant_id=actor_id, limit=limit).items
        out["allegations_received"] = self.list_allegations(accused_id=actor_id, limit=limit).items
        return out

    # --- statements, allegations, demands, failures ----------------------------------------
    def list_statements(
        self,
        speaker_id: int | None = None,
        act: str | None = None,
        doc_id: str | None = None,
        limit: int = 50,
        cursor: str | None = None,
    ) -> Page:
        """Statements, by id descending. Items: the contract statement (``speaker``
        with ``actor_id``) plus ``statement_id``, ``doc_id``, ``index``, ``evidence``."""
        s = S.statements.c
        cond: list[Any] = []
        if speaker_id is not None:
            cond.append(s.speaker_id == speaker_id)
        if act:
            cond.append(s.act == act)
        if doc_id:
            cond.append(s.doc_id == doc_id)
        page = self._page(S.statements, s.statement_id, cond, limit, cursor)
        items = [statement_item(r) for r in page.items]
        with self.engine.connect() as conn:
            self._attach_evidence(conn, "statement", items, "statement_id")
        return Page(items, page.next_cursor, page.total)

    def list_allegations(
        self,
        claimant_id: int | None = None,
        accused_id: int | None = None,
        act: str | None = None,
        doc_id: str | None = None,
        limit: int = 50,
        cursor: str | None = None,
    ) -> Page:
        """Allegations, by id descending. Items: the contract allegation (``claimant`` and each ``accused`` with
        ``actor_id``) plus ``allegation_id``, ``doc_id``, ``index``, ``evidence``."""
        al = S.allegations.c
        cond: list[Any] = []
        if claimant_id is not None:
            cond.append(al.claimant_id == claimant_id)
        if accused_id is not None:
            acc = S.allegation_accused.c
            cond.append(al.allegation_id.in_(sa.select(acc.allegation_id).where(acc.actor_id == accused_id)))
        if act:
            cond.append(al.act == act)
        if doc_id:
            cond.append(al.doc_id == doc_id)
        page = self._page(S.allegations, al.allegation_id, cond, limit, cursor)
        items = [allegation_item(r) for r in page.items]
        with self.engine.connect() as conn:
            by_id = {it["allegation_id"]: it for it in items}
            acc = S.allegation_accused.c
            for chunk in _chunks(list(by_id)):
                q = sa.select(acc.allegation_id, acc.actor_id, acc.name, acc.type).where(acc.allegation_id.in_(chunk))
                for r in conn.execute(q.order_by(acc.allegation_id, acc.position)):
                    by_id[r.allegation_id]["accused"].append({"name": r.name, "type": r.type, "actor_id": r.actor_id})
            self._attach_evidence(conn, "allegation", items, "allegation_id")
        return Page(items, page.next_cursor, page.total)

    def list_demands(self, doc_id: str | None = None, limit: int = 50, cursor: str | None = None) -> Page:
        """Demands. Items: the contract demand plus ``demand_id``, ``doc_id``, ``index``, ``evidence``."""
        dm = S.demands.c
        page = self._page(S.demands, dm.demand_id, [dm.doc_id == doc_id] if doc_id else [], limit, cursor)
        items = [demand_item(r) for r in page.items]
        with self.engine.connect() as conn:
            self._attach_evidence(conn, "demand", items, "demand_id")
        return Page(items, page.next_cursor, page.total)

    def list_failures(self, code: str | None = None, limit: int = 50, cursor: str | None = None) -> Page:
        """Documents that could not be coded, newest first: ``{id, origin, doc_id, code, message,
        stage, at}``."""
        f = S.failures.c
        cond = [f.code == code] if code else []
        query = sa.select(S.failures).where(*cond)
        if cursor:
            (last_id,) = decode_cursor(cursor, (int,))
            query = query.where(f.id < last_id)
        query = query.order_by(f.id.desc()).limit(limit + 1)
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(query).mappings()]
            total = conn.execute(sa.select(sa.func.count()).select_from(S.failures).where(*cond)).scalar_one()
        nxt = encode_cursor(rows[limit - 1]["id"]) if len(rows) > limit else None
        return Page(rows[:limit], nxt, total)

    def _page(self, table: sa.Table, key: sa.Column, cond: list[Any], limit: int, cursor: str | None) -> Page:
        """Keyset page over ``table`` ordered by its string id, descending."""
        query = sa.select(table).where(*cond)
        if cursor:
            (last,) = decode_cursor(cursor, (str,))
            query = query.where(key < last)
        query = query.order_by(key.desc()).limit(limit + 1)
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(query).mappings()]
            total = conn.execute(sa.select(sa.func.count()).select_from(table).where(*cond)).scalar_one()
        nxt = encode_cursor(rows[limit - 1][key.name]) if len(rows) > limit else None
        return Page(rows[:limit], nxt, total)

    def iter_table(self, name: str, chunk: int = 1000) -> Iterator[dict[str, Any]]:
        """Stream the raw rows of one table (``schema.metadata`` names), in primary-key order:
        the normalised view, for columnar exports."""
        table = S.metadata.tables[name]
        pk = list(table.primary_key.columns)
        last: tuple[Any, ...] | None = None
        while True:
            query = sa.select(table)
            if last is not None:
                query = query.where(sa.tuple_(*pk) > sa.tuple_(*last))
            with self.engine.connect() as conn:
                rows = [dict(r) for r in conn.execute(query.order_by(*pk).limit(chunk)).mappings()]
            yield from rows
            if len(rows) < chunk:
                return
            last = tuple(rows[-1][c.name] for c in pk)

    def counts(self) -> dict[str, int]:
        """Rows per table, plus ``clusters`` (distinct real-world events after merging)."""
        tables = (S.documents, S.events, S.actors, S.statements, S.allegations, S.demands, S.failures)
        with self.engine.connect() as conn:
            out = {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one() for t in tables}
            out["clusters"] = conn.execute(sa.select(sa.func.count(sa.distinct(S.events.c.cluster_id)))).scalar_one()
        return out


# --- row → item dicts (the contract shapes plus ids) ------------------------------------------
def _ref(name: str | None, type_: str | None, actor_id: int | None) -> dict[str, Any] | None:
    return None if name is None else {"name": name, "type": type_, "actor_id": actor_id}


def event_item(r: Any) -> dict[str, Any]:
    loc = None
    if r["location_name"] is not None or r["country"] is not None:
        loc = {"name": r["location_name"], "admin1": r["admin1"], "country": r["country"], "lat": r["lat"], "lon": r["lon"]}
    item = {
        "event_id": r["event_id"],
        "doc_id": r["doc_id"],
        "index": r["idx"],
        "cluster_id": r["cluster_id"],
        "event_type": r["event_type"],
        "sub_event_type": r["sub_event_type"],
        "plover": r["plover"],
        "date": r["date"],
        "time_precision": r["time_precision"],
        "location": loc,
        "geo_precision": r["geo_precision"],
        "actor1": _ref(r["actor1_name"], r["actor1_type"], r["actor1_id"]),
        "actor2": _ref(r["actor2_name"], r["actor2_type"], r["actor2_id"]),
        "attribution": r["attribution"],
        "attribution_source": r["attribution_source"],
        "fatalities": r["fatalities"],
        "fatalities_text": r["fatalities_text"],
        "injuries": r["injuries"],
        "injuries_text": r["injuries_text"],
        "weapon": r["weapon"],
        "perpetrator_text": r["perpetrator_text"],
        "target_text": r["target_text"],
        "confidence": r["confidence"],
    }
    for k in ("published", "source", "title", "url", "ingested_at"):
        item[k] = r[k]
    return item


def statement_item(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "statement_id": r["statement_id"],
        "doc_id": r["doc_id"],
        "index": r["idx"],
        "speaker": _ref(r["speaker_name"], r["speaker_type"], r["speaker_id"]),
        **{k: r[k] for k in ("speaker_mention", "kind", "cue", "channel", "date", "act", "text", "start", "end", "about_event", "confidence")},
    }


def allegation_item(r: dict[str, Any]) -> dict[str, Any]:
    period = None
    if r["period_text"] is not None or r["period_start"] is not None:
        period = {"start": r["period_start"], "end": r["period_end"], "text": r["period_text"]}
    return {
        "allegation_id": r["allegation_id"],
        "doc_id": r["doc_id"],
        "index": r["idx"],
        "claimant": _ref(r["claimant_name"], r["claimant_type"], r["claimant_id"]),
        "accused": [],
        "act": r["act"],
        "victims": r["victims"],
        "beneficiary": r["beneficiary"],
        "location": json.loads(r["location_json"] or "[]"),
        "period": period,
        "statement": r["statement"],
        "hedge": r["hedge"],
        "confidence": r["confidence"],
    }


def demand_item(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "demand_id": r["demand_id"],
        "doc_id": r["doc_id"],
        "index": r["idx"],
        "claimant": _ref(r["claimant_name"], r["claimant_type"], r["claimant_id"]),
        "addressee": _ref(r["addressee_name"], r["addressee_type"], r["addressee_id"]),
        "demand": r["demand"],
        "statement": r["statement"],
        "confidence": r["confidence"],
    }


def _chunks(items: list[Any], size: int = _ID_CHUNK) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def redact_url(url: str) -> str:
    """Hide a password in a database URL before it reaches a message."""
    return re.sub(r"(://[^:/@]+:)[^@]+@", r"\1***@", url)
