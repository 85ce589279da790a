"""The store: coded records in SQLite (default, one file) or PostgreSQL, and the query API
the CLI, the HTTP API and the exports read.

>>> from wirecoder.store import open_store, EventFilter
>>> with open_store("wirecoder.db") as store:                 # or "postgresql://user:pw@host/db"
...     counts = store.write(wirecoder.extract_many(docs))     # IngestCounts(stored, failed, duplicate, total)
...     page = store.query_events(EventFilter(country="PAK"), limit=50)
...     more = store.query_events(EventFilter(country="PAK"), cursor=page.next_cursor)

Read API (all return plain dicts shaped like the contract records, plus ids; listings return
``Page(items, next_cursor, total)`` and take ``cursor=page.next_cursor`` for the next page):

- ``query_events(filter, cursor=None, limit=50)``, ``iter_events(filter)`` (stream, with evidence),
  ``get_event(event_id)`` (with ``evidence`` and the cluster's ``reports``)
- ``get_document(doc_id)`` (``record`` + ``text``), ``iter_records()`` (stream full records)
- ``list_actors(q, limit, cursor)``, ``get_actor(actor_id)`` (aliases, events, statements,
  allegations made and received)
- ``list_statements(speaker_id, act, doc_id, limit, cursor)``,
  ``list_allegations(claimant_id, accused_id, act, doc_id, limit, cursor)``,
  ``list_demands(doc_id, limit, cursor)``, ``list_failures(code, limit, cursor)``
- ``counts()``; ``get_*`` return None for an unknown id; a bad cursor raises ``ValueError``.
"""

from __future__ import annotations

from .store import Store
from .types import EventFilter, IngestCounts, Page


def open_store(url_or_path: str) -> Store:
    """Open (creating tables if missing) a store: a file path or ``sqlite:///…`` → SQLite with
    WAL and foreign keys; ``postgresql://…`` → PostgreSQL (psycopg 3). Raises
    ``WirecoderError`` (E401) when the database cannot be opened."""
    return Store(url_or_path)


__all__ = ["EventFilter", "IngestCounts", "Page", "Store", "open_store"]
