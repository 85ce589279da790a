"""Export fixtures: a small SQLite store filled with hand-made coded documents."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from wirecoder.document import Document
from wirecoder.records import ActorRef, Event, EventLocation, Span
from wirecoder.store import Store, open_store


def _doc(doc_id: str, text: str, event: Event, source: str | None = "Reuters") -> Document:
    doc = Document(text=text, doc_id=doc_id, published="2025-03-11", source=source)
    doc.events = [event]
    return doc


@pytest.fixture
def filled_store(tmp_path) -> Iterator[Store]:
    clash = "Troops fought ISWAP fighters in Konduga, killing five."
    bomb = "A car bomb killed twelve civilians at a market in Mogadishu."
    march = "Thousands marched peacefully in Bogota."
    docs = [
        _doc("ngr", clash, Event(
            "Battles", "Armed clash", "FIGHT", "2025-03-10", 1, EventLocation("Konduga", "Borno", "NGA", 11.6533, 13.4179), 1,
            ActorRef("Military Forces of Nigeria", "state_forces"), ActorRef("ISWAP", "armed_group"), "reported",
            fatalities=5, evidence=[Span(0, 32, clash[:32])])),
        _doc("som", bomb, Event(
            "Explosions/Remote violence", "Remote explosive/landmine/IED", "ASSAULT", "2025-03-09", 1,
            EventLocation("Mogadishu", "Banaadir", "SOM", 2.0371, 45.3438), 1,
            ActorRef("Al Shabaab", "armed_group"), ActorRef("Civilians (Somalia)", "civilians"), "alleged",
            fatalities=12, injuries=None, injuries_text="many", evidence=[Span(0, 10, bomb[:10])]), source=None),
        _doc("col", march, Event(
            "Protests", "Peaceful protest", None, None, None, EventLocation("Colombia", None, "COL"), 3,
            ActorRef("Protesters (Colombia)", "civilians"), None, "reported", fatalities=None)),
    ]  # fmt: skip
    docs[1].dateline.agency = "AFP"
    with open_store(str(tmp_path / "x.db")) as store:
        store.write(docs)
        yield store
