"""Stage wirecoder.merge.v1 (being written: assigns doc.events.merged)."""

from __future__ import annotations

from ..document import Document
from ..pipeline.registry import Stage, register_stage


@register_stage("wirecoder.merge.v1")
class Merge(Stage):
    assigns = ("doc.events.merged",)

    def __call__(self, doc: Document) -> Document:
        return doc
