"""Stage wirecoder.arguments.v1: the phrases that fill each event's roles (Event.arguments).

Runs after events: a learnt model (``events.arguments``, trained on MUC-4's training
stories) gives noun phrases of the report a role (perpetrator individual or organisation,
target, victim, weapon), and each joins the nearest event. A report without events, or
an install without the model artefact, gets no arguments; actor1/actor2 stay the rules'.
"""

from __future__ import annotations

from ..document import Document
from ..events.arguments import ArgumentModel, attach, default_argument_model, find_arguments
from ..pipeline.registry import Stage, register_stage


@register_stage("wirecoder.arguments.v1")
class Arguments(Stage):
    requires = ("doc.nlp", "doc.events")
    assigns = ("doc.events.arguments",)

    def __init__(self, model: ArgumentModel | None = None) -> None:
        """``model`` overrides the shipped one (tests, retraining)."""
        self._model = model

    def __call__(self, doc: Document) -> Document:
        model = self._model or default_argument_model()
        if model is not None and doc.events:
            attach(doc, find_arguments(doc, model))
        return doc
