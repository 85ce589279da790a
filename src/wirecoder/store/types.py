"""Plain typed values passed across the store boundary (CLI, HTTP API, exports)."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any


@dataclass(slots=True)
class EventFilter:
    """What ``Store.query_events`` / ``iter_events`` select; every field optional, all ANDed.

    - ``date_from``/``date_to``: ``YYYY-MM-DD``, inclusive, on the event date.
    - ``country``: ISO 3166-1 alpha-3 (case-insensitive). ``admin1``: exact, case-insensitive.
    - ``event_type``/``sub_event_type``/``attribution``: exact values of the contract.
    - ``actor``: an actor id (digits) or a case-insensitive part of actor1's or actor2's name.
    - ``q``: words that must all occur in the report's text (full-text, no stemming).
    - ``doc_id``: events of one document; ``cluster_id``: events merged across reports.
    """

    date_from: str | None = None
    date_to: str | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    attribution: str | None = None
    q: str | None = None
    doc_id: str | None = None
    cluster_id: str | None = None


@dataclass(slots=True)
class Page:
    """One page of a listing: ``items`` (plain dicts), ``next_cursor`` (opaque; None on the last
    page) and ``total`` (how many match the filter across all pages)."""

    items: list[dict[str, Any]]
    next_cursor: str | None
    total: int

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "next_cursor": self.next_cursor, "total": self.total}


@dataclass(slots=True)
class IngestCounts:
    """What ``Store.write`` did; ``stored + failed + duplicate == total`` always."""

    stored: int = 0
    failed: int = 0
    duplicate: int = 0
    total: int = 0
    replaced: int = 0  # of ``stored``: documents whose text changed since last ingest

    def add(self, other: IngestCounts) -> None:
        self.stored += other.stored
        self.failed += other.failed
        self.duplicate += other.duplicate
        self.total += other.total
        self.replaced += other.replaced

    def to_dict(self) -> dict[str, int]:
        return {
            "stored": self.stored,
            "failed": self.failed,
            "duplicate": self.duplicate,
            "total": self.total,
            "replaced": self.replaced,
        }


def encode_cursor(*key: Any) -> str:
    """An opaque cursor for keyset pagination: the last row's sort key."""
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, types: tuple[type, ...]) -> list[Any]:
    """Read back ``encode_cursor`` for a key of these ``types``; raises ``ValueError`` on a
    cursor that is not ours (so callers can answer "bad request")."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValueError(f"invalid cursor: {cursor!r}") from exc
    if (
        not isinstance(key, list)
        or len(key) != len(types)
        or not all(isinstance(v, t) and not isinstance(v, bool) for v, t in zip(key, types, strict=True))
        # SQL integers are 64-bit, and PostgreSQL text holds no NUL: refuse what no row can hold.
        or any(isinstance(v, int) and not -(2**63) <= v < 2**63 for v in key)
        or any(isinstance(v, str) and "\x00" in v for v in key)
    ):
        raise ValueError(f"invalid cursor: {cursor!r}")
    return key
