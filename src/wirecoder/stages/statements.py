"""Stage wirecoder.statements.v1 (being written: assigns doc.statements)."""

from __future__ import annotations

from ..document import Document
from ..pipeline.registry import Stage, register_stage


@register_stage("wirecoder.statements.v1")
class Statements(Stage):
    assigns = ("doc.statements",)

    def __call__(self, doc: Document) -> Document:
        return doc
