"""Stage wirecoder.actors.v1 (being written: assigns doc.actors)."""

from __future__ import annotations

from ..document import Document
from ..pipeline.registry import Stage, register_stage


@register_stage("wirecoder.actors.v1")
class Actors(Stage):
    assigns = ("doc.actors",)

    def __call__(self, doc: Document) -> Document:
        return doc
