"""Stage wirecoder.allegations.v1: allegations and demands made in statements.

Runs after events: an allegation is a claim by its claimant and never becomes an event
(``wirecoder.attribution.claims``). Denials by the accused, or naming the same act, are
linked to the allegation they answer (``Allegation.denied_by``).
"""

from __future__ import annotations

from ..attribution.claims import allegations_in, demands_in, link_denials
from ..document import Document
from ..pipeline.registry import Stage, register_stage


@register_stage("wirecoder.allegations.v1")
class Allegations(Stage):
    requires = ("doc.nlp", "doc.statements")
    assigns = ("doc.allegations", "doc.demands")

    def __call__(self, doc: Document) -> Document:
        allegations = []
        demands = []
        seen: set[tuple[int, int]] = set()
        for i, st in enumerate(doc.statements):
            allegations += allegations_in(doc, st, i)
            for demand in demands_in(doc, st, i):
                span = (demand.evidence[0].start, demand.evidence[0].end)
                if span not in seen:  # one demand, however many statements reach its words
                    seen.add(span)
                    demands.append(demand)
        link_denials(doc, allegations)
        doc.allegations = allegations
        doc.demands = demands
        return doc
