"""A small store of hand-written reports with hand-coded records, for API and browser tests.

The records are written through the real store (``Store.write``), not through NLP, so the
tests know exactly what is stored. Evidence spans are computed from the texts here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from wirecoder.document import Document
from wirecoder.records import (
    Actor,
    ActorRef,
    Allegation,
    Event,
    EventLocation,
    Provenance,
    Span,
    Statement,
)
from wirecoder.store import open_store

QUETTA = EventLocation("Quetta", "Balochistan", "PAK", 30.1841, 67.0014)
MAIDUGURI = EventLocation("Maiduguri", "Borno", "NGA", 11.8464, 13.1603)
CAUCA = EventLocation("Popayan", "Cauca", "COL", 2.4448, -76.6147)
IDLIB = EventLocation("Idlib", "Idlib", "SYR", 35.9306, 36.6339)

ISPP = ActorRef("Islamic State Pakistan Province", "armed_group")
BNP = ActorRef("Balochistan National Party", "political_party")
BVJ = ActorRef("Baloch Voice for Justice", "civil_society")
PAK_MIL = ActorRef("Military Forces of Pakistan", "state_forces")
NGA_MIL = ActorRef("Military Forces of Nigeria", "state_forces")
ISWAP = ActorRef("Islamic State West Africa Province", "armed_group")
ELN = ActorRef("ELN: National Liberation Army", "armed_group")
COL_CIV = ActorRef("Civilians (Colombia)", "civilians")
SYR_AIR = ActorRef("Military Forces of Syria", "state_forces")
SYR_CIV = ActorRef("Civilians (Syria)", "civilians")

#: How many Syrian air strikes the store holds (every third day from 2025-01-01): pagination.
N_STRIKES = 24


def span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase), phrase)


def prov(field: str, sp: Span) -> Provenance:
    return Provenance(field, "test", "hand-coded", 1.0, sp.start, sp.end)


def actor(ref: ActorRef, country: str | None, text: str, *phrases: str) -> Actor:
    return Actor(ref.name, ref.type, country, mentions=[span(text, p) for p in phrases])


def quetta_report() -> Document:
    text = (
        "Quetta, Sep 3 (Wire) A suicide bomber struck a Balochistan National Party rally in Quetta on Tuesday, "
        "killing 15 people. Islamic State Pakistan Province claimed responsibility for the attack. "
        'Baloch Voice for Justice said the Pakistani Army shields the group. "We demand justice," the BVJ said.'
    )
    doc = Document(text=text, doc_id="t-pk-1", published="2025-09-03", source="Wire", title="Rally bombed in Quetta")
    ev_span = span(text, "A suicide bomber struck a Balochistan National Party rally in Quetta on Tuesday, killing 15 people")
    claim = span(text, "Islamic State Pakistan Province claimed responsibility for the attack")
    doc.events = [
        Event(
            "Explosions/Remote violence", "Suicide bomb", "ASSAULT", "2025-09-02", 1, QUETTA, 1, ISPP, BNP,
            "claimed", None, 15, evidence=[ev_span, claim], confidence=0.9,
            provenance=[prov("fatalities", span(text, "killing 15 people")), prov("location", span(text, "in Quetta"))],
        )
    ]
    doc.actors = [
        actor(ISPP, "PAK", text, "Islamic State Pakistan Province"),
        actor(BNP, "PAK", text, "Balochistan National Party"),
        actor(BVJ, "PAK", text, "Baloch Voice for Justice", "the BVJ"),
        actor(PAK_MIL, "PAK", text, "the Pakistani Army"),
    ]
    quote = span(text, "We demand justice")
    doc.statements = [Statement(BVJ, "the BVJ", "direct", "said", None, None, "demand", quote.text, quote.start, quote.end, evidence=[quote])]
    doc.allegations = [
        Allegation(BVJ, [PAK_MIL], "support to armed group", beneficiary=ISPP.name, location=["Balochistan"],
                   evidence=[span(text, "the Pakistani Army shields the group")], hedge="said")
    ]
    return doc


def quetta_second_report() -> Document:
    text = "Islamabad, Sep 4 (Agency) The death toll from Tuesday's suicide bombing in Quetta rose to 15, officials said."
    doc = Document(text=text, doc_id="t-pk-2", published="2025-09-04", source="Agency")
    doc.events = [
        Event("Explosions/Remote violence", "Suicide bomb", "ASSAULT", "2025-09-02", 1, QUETTA, 1, None, None,
              "unknown", None, 15, evidence=[span(text, "suicide bombing in Quetta rose to 15")])
    ]
    return doc


def maiduguri_report() -> Document:
    text = "Maiduguri, Mar 12 (Wire) Nigerian troops clashed with ISWAP fighters near Maiduguri on Tuesday; seven insurgents were killed, the army said."
    doc = Document(text=text, doc_id="t-ng-1", published="2025-03-12", source="Wire")
    doc.events = [
        Event("Battles", "Armed clash", "FIGHT", "2025-03-11", 1, MAIDUGURI, 2, NGA_MIL, ISWAP, "reported", None, 7,
              evidence=[span(text, "Nigerian troops clashed with ISWAP fighters near Maiduguri on Tuesday; seven insurgents were killed")])
    ]
    doc.actors = [actor(NGA_MIL, "NGA", text, "Nigerian troops"), actor(ISWAP, "NGA", text, "ISWAP")]
    return doc


def cauca_report() -> Document:
    text = "Popayan, Oct 16 (Wire) The regional ombudsman said ELN rebels abducted two farmers in Cauca on Tuesday."
    doc = Document(text=text, doc_id="t-co-1", published="2024-10-16", source="Wire")
    doc.events = [
        Event("Violence against civilians", "Abduction/forced disappearance", "COERCE", "2024-10-15", 1, CAUCA, 3, ELN,
              COL_CIV, "alleged", "regional ombudsman", 0, evidence=[span(text, "ELN rebels abducted two farmers in Cauca")])
    ]
    doc.actors = [actor(ELN, "COL", text, "ELN rebels"), actor(COL_CIV, "COL", text, "two farmers")]
    return doc


def strike_date(n: int) -> str:
    return (dt.date(2025, 1, 1) + dt.timedelta(days=3 * n)).isoformat()


def strike_report(n: int) -> Document:
    day = strike_date(n)
    text = f"Idlib, {day} (Wire) A Syrian air strike hit a market in Idlib, killing {n % 5} civilians."
    doc = Document(text=text, doc_id=f"t-sy-{n:02d}", published=day, source="Wire")
    doc.events = [
        Event("Explosions/Remote violence", "Air/drone strike", "ASSAULT", day, 1, IDLIB, 1, SYR_AIR, SYR_CIV,
              "reported", None, n % 5, evidence=[span(text, f"A Syrian air strike hit a market in Idlib, killing {n % 5} civilians")])
    ]
    return doc


def sample_documents() -> list[Document]:
    return [quetta_report(), quetta_second_report(), maiduguri_report(), cauca_report()] + [strike_report(n) for n in range(N_STRIKES)]


def build_sample_store(path: Path) -> Path:
    """Write the sample documents into a fresh SQLite store at ``path``."""
    with open_store(str(path)) as store:
        counts = store.write(sample_documents())
    assert counts.stored == counts.total, counts
    return path
