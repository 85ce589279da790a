"""Stage wirecoder.actors.v1: who the report is about, one Actor per real-world actor.

Mentions come from the curated alias dictionary, spaCy entities, generic nouns of the
report's country and descriptions that corefer with named actors (see
``wirecoder.actors.extract``). The report's inferred country is left in
``doc.scratch["country"]`` (ISO3 or None) for later stages.
"""

from __future__ import annotations

from ..actors.extract import extract_actors
from ..document import Document
from ..pipeline.registry import Stage, register_stage


@register_stage("wirecoder.actors.v1")
class Actors(Stage):
    requires = ("doc.nlp",)
    assigns = ("doc.actors",)

    def __call__(self, doc: Document) -> Document:
        doc.actors, doc.scratch["country"] = extract_actors(
            doc.nlp, doc.dateline.place, doc.scratch.get("body_start", 0)
        )
        return doc
