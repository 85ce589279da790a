"""Stage wirecoder.allegations.v1 (being written: assigns doc.allegations)."""

from __future__ import annotations

from ..document import Document
from ..pipeline.registry import Stage, register_stage


@register_stage("wirecoder.allegations.v1")
class Allegations(Stage):
    assigns = ("doc.allegations",)

    def __call__(self, doc: Document) -> Document:
        return doc
