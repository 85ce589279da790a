"""Store fixtures: a fresh store on each backend (SQLite file in tmp_path; PostgreSQL, in a
schema of its own, when WIRECODER_TEST_PG is set) and a factory of small hand-made coded Documents."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa

from wirecoder.document import Document
from wirecoder.records import (
    Actor,
    ActorRef,
    Allegation,
    Demand,
    Event,
    EventLocation,
    Failure,
    Span,
    Statement,
)
from wirecoder.store import Store, open_store

PG_URL = os.environ.get("WIRECODER_TEST_PG")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@contextmanager
def pg_schema(url: str) -> Iterator[str]:
    """A fresh PostgreSQL schema for one test (so concurrent test runs never meet), as a URL
    whose connections use it; dropped afterwards."""
    name = f"wc_test_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine("postgresql+psycopg://" + url.split("://", 1)[1])
    with engine.begin() as conn:
        conn.execute(sa.schema.CreateSchema(name))
    sep = "&" if "?" in url else "?"
    try:
        yield f"{url}{sep}options=-csearch_path%3D{name}"
    finally:
        with engine.begin() as conn:
            conn.execute(sa.schema.DropSchema(name, cascade=True))
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    if not PG_URL:
        pytest.skip("WIRECODER_TEST_PG not set (run scripts/start_postgres.sh); skipping PostgreSQL")
    with pg_schema(PG_URL) as url:
        yield url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as s:
        yield s


PLACES = {
    # name: (admin1, country, lat, lon)
    "Quetta": ("Balochistan", "PAK", 30.1841, 67.0014),
    "Mastung": ("Balochistan", "PAK", 29.7997, 66.8455),
    "Maiduguri": ("Borno", "NGA", 11.8464, 13.1603),
    "Konduga": ("Borno", "NGA", 11.6533, 13.4179),
    "Mandalay": ("Mandalay", "MMR", 21.9747, 96.0836),
}


def coded(
    doc_id: str,
    text: str,
    *,
    date: str | None = "2025-03-10",
    place: str | None = "Maiduguri",
    event_type: str = "Battles",
    sub_event_type: str | None = "Armed clash",
    actor1: tuple[str, str] | None = ("Boko Haram", "armed_group"),
    actor2: tuple[str, str] | None = ("Military Forces of Nigeria", "state_forces"),
    attribution: str = "reported",
    fatalities: int | None = 3,
    plover: str | None = "FIGHT",
    source: str | None = "AFP",
    published: str | None = "2025-03-11",
) -> Document:
    """A Document as the pipeline would leave it, with one event, actors, a statement, an
    allegation and a demand, all with spans into ``text``."""
    doc = Document(text=text, doc_id=doc_id, published=published, source=source, origin=f"{doc_id}.txt")
    loc = None
    if place is not None:
        admin1, country, lat, lon = PLACES[place]
        loc = EventLocation(place, admin1, country, lat, lon)
    refs = [ActorRef(*a) for a in (actor1, actor2) if a]
    for ref in refs:
        i = text.find(ref.name.split()[0])
        mentions = [Span(i, i + len(ref.name.split()[0]), ref.name.split()[0])] if i >= 0 else []
        doc.actors.append(Actor(ref.name, ref.type, loc.country if loc else None, mentions, aliases=[ref.name.upper()]))
    doc.events = [
        Event(
            event_type, sub_event_type, plover, date, 1 if date else None, loc, 1 if loc else None,
            ActorRef(*actor1) if actor1 else None, ActorRef(*actor2) if actor2 else None, attribution,
            fatalities=fatalities, evidence=[Span(0, min(20, len(text)), text[:20])],
        )
    ]  # fmt: skip
    speaker = ActorRef("Amnesty International", "civil_society")
    doc.actors.append(Actor(speaker.name, speaker.type, None, []))
    doc.statements = [Statement(speaker, "Amnesty", "direct", "said", None, None, "condemn", text[:10], 0, 10)]
    doc.allegations = [
        Allegation(speaker, [ActorRef(*actor2)] if actor2 else [], "extrajudicial killing", statement=0, evidence=[Span(0, 5, text[:5])])
    ]
    doc.demands = [Demand(speaker, ActorRef(*actor2) if actor2 else None, "an inquiry", statement=0)]
    return doc


def failed(origin: str, code: str = "W004") -> Document:
    doc = Document(text="", doc_id=f"failed:{origin}", origin=origin)
    doc.error = Failure(code, f"[{code}] bad input", "ingest", origin)
    return doc


@pytest.fixture
def make_doc() -> Callable[..., Document]:
    return coded


@pytest.fixture
def make_failed() -> Callable[..., Document]:
    return failed
