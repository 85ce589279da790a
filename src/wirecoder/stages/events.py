"""Stage wirecoder.events.v1 (being written: assigns doc.events)."""

from __future__ import annotations

from ..document import Document
from ..pipeline.registry import Stage, register_stage


@register_stage("wirecoder.events.v1")
class Events(Stage):
    assigns = ("doc.events",)

    def __call__(self, doc: Document) -> Document:
        return doc
