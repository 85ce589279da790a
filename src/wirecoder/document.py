"""The Document: what flows through the pipeline, and the record it becomes.

Like spaCy's ``Doc``, a Document carries the text and the annotations each stage adds.
``to_record()`` turns it into the contract record (``shared/spec/RECORD.md``);
working state (the spaCy doc, intermediate mentions) is not serialised.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from .records import (
    Actor,
    Allegation,
    DateMention,
    Dateline,
    Demand,
    Event,
    Failure,
    Location,
    Statement,
)

RECORD_VERSION = 1


def metadata_columns(rec: dict[str, Any]) -> dict[str, Any]:
    """A record's document metadata as flat columns, the same for every tabular view of
    it (the SQL ``documents`` table, the Parquet ``documents`` table)."""
    dateline = rec.get("dateline") or {}
    return {
        "published": rec.get("published"),
        "dateline_place": dateline.get("place"),
        "dateline_agency": dateline.get("agency"),
        "source": rec.get("source"),
        "url": rec.get("url"),
        "title": rec.get("title"),
    }


def content_hash(text: str) -> str:
    """Stable hash of a document's text: the id of a document that has none, and the
    key of idempotent re-ingest."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Document:
    text: str
    doc_id: str = ""
    published: str | None = None
    dateline: Dateline = field(default_factory=Dateline)
    language: str = "en"
    source: str | None = None  # agency / feed / publisher
    url: str | None = None
    title: str | None = None
    author: str | None = None  # byline, where the page or feed gives one
    origin: str | None = None  # where it was read from: path, path:line, URL
    #: Whether ``published`` came from metadata (page, feed, JSONL) rather than the header guess.
    published_from_meta: bool = False
    #: The country desk the report comes from (ISO3), when the feed says so: the strongest
    #: prior for places after the countries the text names.
    country_hint: str | None = None

    actors: list[Actor] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    allegations: list[Allegation] = field(default_factory=list)
    demands: list[Demand] = field(default_factory=list)
    reported_acts: list[dict[str, Any]] = field(default_factory=list)

    error: Failure | None = None
    stages: list[str] = field(default_factory=list)
    #: The spaCy ``Doc`` once the NLP stage has run (not serialised).
    nlp: Any = None
    #: Free scratch space for stages to hand intermediate results to later stages.
    scratch: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.doc_id:
            self.doc_id = content_hash(self.text)[:16]

    @property
    def failed(self) -> bool:
        return self.error is not None

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    # --- lookups used by later stages ---------------------------------------------------
    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor one of whose mentions overlaps [start, end), preferring the
        tightest overlap."""
        best: tuple[int, Actor] | None = None
        for actor in self.actors:
            for m in actor.mentions:
                overlap = min(end, m.end) - max(start, m.start)
                if overlap > 0 and (best is None or overlap > best[0]):
                    best = (overlap, actor)
        return best[1] if best else None

    def actor_named(self, name: str) -> Actor | None:
        for actor in self.actors:
            if actor.name == name:
                return actor
        return None

    def location_at(self, start: int, end: int) -> Location | None:
        for loc in self.locations:
            for m in loc.mentions:
                if min(end, m.end) - max(start, m.start) > 0:
                    return loc
        return None

    # --- serialisation ----------------------------------------------------------------
    def to_record(self) -> dict[str, Any]:
        """The contract record for this document."""
        rec: dict[str, Any] = {
            "doc_id": self.doc_id,
            "published": self.published,
            "dateline": self.dateline.to_dict(),
            "language": self.language,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "author": self.author,
            "actors": [a.to_dict() for a in self.actors],
            "locations": [loc.to_dict() for loc in self.locations],
            "dates": [d.to_dict() for d in self.dates],
            "events": [e.to_dict() for e in self.events],
            "statements": [s.to_dict() for s in self.statements],
            "allegations": [a.to_dict() for a in self.allegations],
            "demands": [d.to_dict() for d in self.demands],
            "reported_acts": list(self.reported_acts),
            "content_hash": self.content_hash,
            "record_version": RECORD_VERSION,
        }
        if self.error is not None:
            rec["error"] = self.error.to_dict()
        return rec

    @classmethod
    def from_record(cls, rec: dict[str, Any], text: str) -> Document:
        """Rebuild a Document from a stored record and its text."""
        doc = cls(
            text=text,
            doc_id=rec["doc_id"],
            published=rec.get("published"),
            dateline=Dateline.from_dict(rec.get("dateline") or {}) or Dateline(),
            language=rec.get("language") or "en",
            source=rec.get("source"),
            url=rec.get("url"),
            title=rec.get("title"),
            author=rec.get("author"),
        )
        doc.actors = [Actor.from_dict(a) for a in rec.get("actors", [])]
        doc.locations = [Location.from_dict(x) for x in rec.get("locations", [])]
        doc.dates = [DateMention.from_dict(x) for x in rec.get("dates", [])]
        doc.events = [Event.from_dict(x) for x in rec.get("events", [])]
        doc.statements = [Statement.from_dict(x) for x in rec.get("statements", [])]
        doc.allegations = [Allegation.from_dict(x) for x in rec.get("allegations", [])]
        doc.demands = [Demand.from_dict(x) for x in rec.get("demands", [])]
        doc.reported_acts = list(rec.get("reported_acts", []))
        if rec.get("error"):
            doc.error = Failure.from_dict(rec["error"])
        return doc
