"""Stage wirecoder.places.v1 (being written: assigns doc.locations)."""

from __future__ import annotations

from ..document import Document
from ..pipeline.registry import Stage, register_stage


@register_stage("wirecoder.places.v1")
class Places(Stage):
    assigns = ("doc.locations",)

    def __call__(self, doc: Document) -> Document:
        return doc
