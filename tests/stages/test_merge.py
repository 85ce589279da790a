"""The merge stage on hand-built events (no NLP needed)."""

from __future__ import annotations

from wirecoder.document import Document
from wirecoder.records import ActorRef, Argument, Event, EventLocation, Span, Statement
from wirecoder.stages.merge import Merge


def _ev(start: int, **kw) -> Event:
    base = dict(event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", date="2025-09-02",
                location=EventLocation("Quetta", "Balochistan", "PAK"), evidence=[Span(start, start + 5, "x" * 5)])
    base.update(kw)
    return Event(**base)


def test_two_mentions_of_one_attack_become_one_event_with_both_spans() -> None:
    doc = Document(text="x" * 200)
    doc.events = [
        _ev(100, actor1=ActorRef("Islamic State Pakistan Province", "armed_group"), attribution="claimed", actor2=None),
        _ev(10, actor2=ActorRef("Balochistan National Party", "political_party"), fatalities=15, fatalities_text="killed 15"),
    ]
    doc.statements = [Statement(None, None, "direct", None, None, None, None, "t", 0, 1, about_event=0)]
    out = Merge()(doc)
    assert len(out.events) == 1
    ev = out.events[0]
    assert ev.actor1.name == "Islamic State Pakistan Province" and ev.attribution == "claimed"
    assert ev.actor2.name == "Balochistan National Party" and ev.fatalities == 15
    assert [s.start for s in ev.evidence] == [10, 100]
    assert out.statements[0].about_event == 0


def test_different_days_or_places_stay_apart() -> None:
    doc = Document(text="x" * 200)
    doc.events = [_ev(10), _ev(50, date="2025-09-03"), _ev(90, location=EventLocation("Mastung", "Balochistan", "PAK"))]
    assert len(Merge()(doc).events) == 3


def test_conflicting_perpetrators_stay_apart() -> None:
    doc = Document(text="x" * 200)
    doc.events = [_ev(10, actor1=ActorRef("A", "armed_group")), _ev(50, actor1=ActorRef("B", "armed_group"))]
    assert len(Merge()(doc).events) == 2


def test_merged_mentions_keep_one_argument_per_filler() -> None:
    doc = Document(text="x" * 200)
    doc.events = [_ev(10, arguments=[Argument("victim", "Francisco Jose Guerrero", 20, 43, 0.8)]),
                  _ev(100, arguments=[Argument("victim", "Guerrero", 110, 118, 0.9),
                                      Argument("weapon", "bomb", 120, 124, 0.7)])]  # fmt: skip
    ev = Merge()(doc).events[0]
    assert [(a.role, a.text, a.confidence) for a in ev.arguments] == [("victim", "Francisco Jose Guerrero", 0.9),
                                                                      ("weapon", "bomb", 0.7)]
