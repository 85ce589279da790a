"""Stage wirecoder.allegations.v1: allegations and demands made in statements.

Runs after events: an allegation is a claim by its claimant and never becomes an event
(``wirecoder.attribution.claims``). Denials by the accused, or naming the same act, are
linked to the allegation they answer (``Allegation.denied_by``).
"""

from __future__ import annotations

from ..attribution.claims import allegations_in, demands_in, link_denials
from ..document import Document
from ..records import Allegation
from ..pipeline.registry import Stage, register_stage


@register_stage("wirecoder.allegations.v1")
class Allegations(Stage):
    requires = ("doc.nlp", "doc.statements")
    assigns = ("doc.allegations", "doc.demands")

    def __call__(self, doc: Document) -> Document:
        allegations = []
        demands = []
        seen: set[tuple[int, int]] = set()
        acts: dict[tuple[int, int, str, str | None], Allegation] = {}
        for i, st in enumerate(doc.statements):
            for allegation in allegations_in(doc, st, i):
                claimant = allegation.claimant.name if allegation.claimant else None
                key = (allegation.evidence[0].start, allegation.evidence[0].end, allegation.act, claimant)
                kept = acts.get(key)
                if kept is not None and (kept.accused or not allegation.accused):
                    continue  # one allegation of the same words, however many statements reach them
                if kept is not None:
                    allegations.remove(kept)
                acts[key] = allegation
                allegations.append(allegation)
            for demand in demands_in(doc, st, i):
                span = (demand.evidence[0].start, demand.evidence[0].end)
                if span not in seen:  # one demand, however many statements reach its words
                    seen.add(span)
                    demands.append(demand)
        link_denials(doc, allegations)
        doc.allegations = allegations
        doc.demands = demands
        return doc
