"""Normalise text before anything indexes into it, and read the wire header.

Offsets everywhere index the text *as stored*, so normalisation happens once, here:
Unicode NFC, newlines to ``\\n``, no-break and zero-width spaces made plain (same
length where possible), Mac Roman punctuation mis-read as Latin-1 put back. Then the
header gives ``published`` (unless metadata already did) and the dateline.
"""

from __future__ import annotations

import re
import unicodedata

from ..document import Document
from ..errors import E, WirecoderError
from ..ingest.header import parse_header
from ..pipeline.registry import Stage, register_stage
from ..records import Dateline

_SAME_LENGTH = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\t": " ", "\u200b": None, "\ufeff": None})


#: Mac Roman punctuation read as Latin-1 ("aÊprotestÊrally", "governmentÕs"): the byte of a
#: Mac no-break space, apostrophe, quotes and dashes shows as a capital letter.
_MAC_ROMAN_SLIPS = {"Ê": " ", "Õ": "’", "Ô": "‘", "Ò": "“", "Ó": "”", "Ð": "–", "Ñ": "—"}
_MAC_ROMAN_TABLE = str.maketrans(_MAC_ROMAN_SLIPS)
_SLIPS = "".join(_MAC_ROMAN_SLIPS)
_SLIP_IN_A_WORD = re.compile(f"[a-z][{_SLIPS}]|[{_SLIPS}][a-z]")


def _repair_mac_roman(text: str) -> str:
    """Undo Mac Roman punctuation decoded as Latin-1, one character for one (offsets hold).
    Only for text whose every other character is ASCII and where such a capital touches a
    lower-case letter: Portuguese or Spanish, with its own accents ("AÇÕES", "PÕE"), stays."""
    if not _SLIP_IN_A_WORD.search(text):
        return text
    if any(ord(ch) > 127 and ch not in _MAC_ROMAN_SLIPS for ch in text):
        return text
    return text.translate(_MAC_ROMAN_TABLE)


def normalize_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _repair_mac_roman(text.translate(_SAME_LENGTH))


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
