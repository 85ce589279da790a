"""Stage wirecoder.dates.v1 (being written: assigns doc.dates)."""

from __future__ import annotations

from ..document import Document
from ..pipeline.registry import Stage, register_stage


@register_stage("wirecoder.dates.v1")
class Dates(Stage):
    assigns = ("doc.dates",)

    def __call__(self, doc: Document) -> Document:
        return doc
