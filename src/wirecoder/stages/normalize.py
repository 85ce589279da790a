"""Normalise text before anything indexes into it, and read the wire header.

Offsets everywhere index the text *as stored*, so normalisation happens once, here:
Unicode NFC, newlines to ``\\n``, no-break and zero-width spaces made plain (same
length where possible). Then the header gives ``published`` (unless metadata already
did) and the dateline.
"""

from __future__ import annotations

import unicodedata

from ..document import Document
from ..errors import E, WirecoderError
from ..ingest.header import parse_header
from ..pipeline.registry import Stage, register_stage
from ..records import Dateline

_SAME_LENGTH = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\t": " ", "\u200b": None, "\ufeff": None})


def normalize_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_SAME_LENGTH)


@register_stage("wirecoder.normalize.v1")
class Normalize(Stage):
    assigns = ("doc.text", "doc.published", "doc.dateline")

    def __call__(self, doc: Document) -> Document:
        doc.text = normalize_text(doc.text)
        if not doc.text.strip():
            raise WirecoderError(E.W001)
        header = parse_header(doc.text)
        if header.published and not (doc.published and doc.published_from_meta):
            doc.published = header.published
        if header.place or header.agency:
            doc.dateline = Dateline(header.place, header.agency)
            if not doc.source:
                doc.source = header.agency
        doc.scratch["body_start"] = header.body_start
        return doc
