"""Merge event mentions of one report that are the same ACLED event unit.

A report often names its event more than once ("the suicide attack … this attack").
ACLED's unit is one type of interaction between one pair of actors at one place on one
day, so mentions that agree on type, date and place, and whose actors do not conflict,
become one event with the union of their evidence. Values are combined conservatively:
the more specific one wins (a named actor over none, a claimed attribution over
reported), and for fatalities the latest figure the report gives (its toll updates).
Cross-report merging is the store's job (it sees other documents).
"""

from __future__ import annotations

from ..document import Document
from ..events.arguments import merge_coreferent
from ..pipeline.registry import Stage, register_stage
from ..records import Event, Provenance

_ATTRIBUTION_RANK = {"unknown": 0, "reported": 1, "alleged": 2, "claimed": 3}


def _place_key(ev: Event) -> tuple[str | None, str | None]:
    loc = ev.location
    return (loc.name, loc.country) if loc else (None, None)


def _compatible(a: Event, b: Event) -> bool:
    if (a.event_type, a.sub_event_type) != (b.event_type, b.sub_event_type):
        return False
    if a.date and b.date and a.date != b.date:
        return False
    pa, pb = _place_key(a), _place_key(b)
    if pa[0] and pb[0] and pa != pb:
        return False
    for x, y in ((a.actor1, b.actor1), (a.actor2, b.actor2)):
        if x and y and x.name != y.name:
            return False
    return True


def _absorb(into: Event, other: Event) -> None:
    """Fold ``other`` (a later mention) into ``into``."""
    for name in ("date", "time_precision", "location", "geo_precision", "actor2", "weapon", "target_text",
                 "injuries", "injuries_text", "plover"):
        if getattr(into, name) is None and getattr(other, name) is not None:
            setattr(into, name, getattr(other, name))
    if _ATTRIBUTION_RANK.get(other.attribution, 0) > _ATTRIBUTION_RANK.get(into.attribution, 0) or into.actor1 is None:
        if other.actor1 is not None:
            into.actor1, into.perpetrator_text = other.actor1, other.perpetrator_text
            into.attribution, into.attribution_source = other.attribution, other.attribution_source
    if other.fatalities_text and other.fatalities is not None:
        into.fatalities, into.fatalities_text = other.fatalities, other.fatalities_text
    into.arguments = merge_coreferent(into.arguments + other.arguments)  # "Dr Guerrero" of one, "Guerrero" of the other
    seen = {(s.start, s.end) for s in into.evidence}
    into.evidence.extend(s for s in other.evidence if (s.start, s.end) not in seen)
    into.evidence.sort(key=lambda s: s.start)
    into.confidence = max(into.confidence, other.confidence)
    into.provenance.extend(other.provenance)


@register_stage("wirecoder.merge.v1")
class Merge(Stage):
    requires = ("doc.events",)
    assigns = ("doc.events.merged",)

    def __call__(self, doc: Document) -> Document:
        if len(doc.events) < 2:
            return doc
        order = sorted(range(len(doc.events)), key=lambda i: doc.events[i].evidence[0].start if doc.events[i].evidence else 0)
        merged: list[Event] = []
        remap: dict[int, int] = {}  # old index -> merged index (statements point at events by index)
        for old_i in order:
            ev = doc.events[old_i]
            target = next((k for k, m in enumerate(merged) if _compatible(m, ev)), None)
            if target is None:
                remap[old_i] = len(merged)
                merged.append(ev)
                continue
            _absorb(merged[target], ev)
            merged[target].provenance.append(Provenance("event", self.name, "same-event-unit", 0.8))
            remap[old_i] = target
        for st in doc.statements:
            if st.about_event is not None:
                st.about_event = remap.get(st.about_event)
        doc.events = merged
        return doc
