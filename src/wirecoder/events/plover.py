"""PLOVER categories for sentences: speech acts and diplomacy as well as violence.

Events carry their own ``plover`` (from ``taxonomy.yaml``); statements carry an ``act``
that maps onto PLOVER here. For other sentences a verb lexicon (``data/events/plover.yaml``)
names candidates and the parse picks the one nearest the sentence's root ("X said it
would *reject* ..." is REJECT, not a statement).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from .lexicon import compile_patterns, load_data


@dataclass(frozen=True)
class _Plover:
    acts: dict[str, str]
    verbs: tuple[tuple[str, re.Pattern[str]], ...]
    reporting: frozenset[str]
    intent_categories: frozenset[str]


@functools.cache
def _plover() -> _Plover:
    raw = load_data("plover.yaml")
    return _Plover(
        acts=dict(raw["statement_acts"]),
        verbs=tuple((cat, compile_patterns(pats)) for cat, pats in raw["verbs"].items()),
        reporting=frozenset(raw["reporting"]),
        intent_categories=frozenset(raw["intent_categories"]),
    )


def act_category(act: str | None) -> str | None:
    """The PLOVER category of a statement act ("condemn" -> DISAPPROVE)."""
    return _plover().acts.get(act or "")


def keyword_category(text: str) -> str | None:
    """The category of the first verb cue in the text (no parse): the keyword baseline."""
    hits = [(m.start(), cat) for cat, pat in _plover().verbs for m in pat.finditer(text)]
    return min(hits)[1] if hits else None


def _depth(tok: Any) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def sentence_category(sent: Any) -> tuple[str, int, int] | None:
    """(category, start, end) of the verb cue nearest the root of a spaCy sentence span
    (verbs before nouns, then the earliest). A cooperative act only intended ("will
    withdraw", "is willing to meet") is AGREE, PLOVER's category for intentions."""
    plover = _plover()
    best: tuple[int, int, int, str, Any] | None = None
    offset = sent.start_char
    for cat, pat in plover.verbs:
        for m in pat.finditer(sent.text):
            span = sent.doc.char_span(offset + m.start(), offset + m.end(), alignment_mode="expand")
            if span is None or span.root.lower_ in plover.reporting:
                continue
            root = span.root
            key = (root.pos_ not in {"VERB", "AUX"}, _depth(root), root.i, cat, span)
            if best is None or key[:3] < best[:3]:
                best = key
    if best is None:
        return None
    cat, span = best[3], best[4]
    if cat in plover.intent_categories and _intended(span.root, sent):
        cat = "AGREE"
    return cat, span.start_char, span.end_char


def _intended(tok: Any, sent: Any) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in {"will", "would", "'ll"} for c in tok.children):
        return True
    before = sent.text[max(0, tok.idx - 25 - sent.start_char) : tok.idx - sent.start_char].lower()
    return bool(re.search(r"(?:willing|prepared|ready|offered|agreed|promised|pledged) to\s+$", before))
