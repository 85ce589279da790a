"""Name folding shared by the gazetteer and the region tables."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "geo"

_PUNCT = re.compile(r"[\s\-‐–—_./,’']+")


def fold(name: str) -> str:
    """Case-, diacritics- and punctuation-folded key: "Gilgit-Baltistan" == "gilgit baltistan"."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _PUNCT.sub(" ", plain.casefold()).strip()
