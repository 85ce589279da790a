"""PLOVER categories for sentences: speech acts and diplomacy as well as violence.

Events carry their own ``plover`` (from ``taxonomy.yaml``); statements carry an ``act``
that maps onto PLOVER here. For other sentences a verb lexicon (``data/events/plover.yaml``)
names candidates and the parse picks the one nearest the sentence's root ("X said it
would *reject* ..." is REJECT, not a statement). The mood of the chosen act then recodes
it as PLOVER does: a hostile act only intended is THREATEN, a cooperative one AGREE, a
cooperative act negated is REJECT, an act someone *must* do is DEMAND.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from .lexicon import compile_patterns, load_data


@dataclass(frozen=True)
class _CueGroup:
    """One group of verb cues: its name, the category it names, and the categories it
    yields to when they also occur in the sentence (a casualty to the weapon)."""

    name: str
    category: str
    pattern: re.Pattern[str]
    yields_to: frozenset[str]


@dataclass(frozen=True)
class _Plover:
    acts: dict[str, str]
    cues: tuple[_CueGroup, ...]
    reporting: frozenset[str]
    name_entities: frozenset[str]
    aux_moods: dict[str, str]
    word_moods: dict[str, str]
    recode: dict[str, dict[str, str]]
    spoken: dict[str, str]


@functools.cache
def _plover() -> _Plover:
    raw = load_data("plover.yaml")
    yields = raw["yields"]
    cues = [
        _CueGroup(cat, cat, compile_patterns(pats), frozenset(yields.get(cat, ())))
        for cat, pats in raw["verbs"].items()
    ]
    cues += [
        _CueGroup(name, g["category"], compile_patterns(g["patterns"]), frozenset(g["yields_to"]))
        for name, g in raw["outcomes"].items()
    ]
    moods = raw["moods"]
    return _Plover(
        acts=dict(raw["statement_acts"]),
        cues=tuple(cues),
        reporting=frozenset(raw["reporting"]),
        name_entities=frozenset(raw["name_entities"]),
        aux_moods={w: mood for mood, m in moods.items() for w in m.get("aux", ())},
        word_moods={w: mood for mood, m in moods.items() for w in m.get("lemmas", ())},
        recode={
            mood: {src: dst for dst, srcs in m["recode"].items() for src in srcs} for mood, m in moods.items()
        },
        spoken=dict(raw["spoken"]),
    )


def act_category(act: str | None) -> str | None:
    """The PLOVER category of a statement act ("condemn" -> DISAPPROVE)."""
    return _plover().acts.get(act or "")


def keyword_category(text: str) -> str | None:
    """The category of the first verb cue in the text (no parse): the keyword baseline."""
    hits = [(m.start(), c.category) for c in _plover().cues for m in c.pattern.finditer(text)]
    return min(hits)[1] if hits else None


def _depth(tok: Any) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def sentence_category(sent: Any) -> tuple[str, int, int] | None:
    """(category, start, end) of the verb cue nearest the root of a spaCy sentence span
    (verbs before nouns, then the earliest, then the longest: "accepted demands" is
    CONCEDE, not "accepted"). A verb that reports what it says ("protested that ...")
    is a speech act; the mood then recodes the act (see the module docstring)."""
    plover = _plover()
    found: list[tuple[tuple[bool, int, int, int], _CueGroup, Any]] = []
    offset = sent.start_char
    for cues in plover.cues:
        for m in cues.pattern.finditer(sent.text):
            span = sent.doc.char_span(offset + m.start(), offset + m.end(), alignment_mode="expand")
            if span is None or span.root.lower_ in plover.reporting or span.root.ent_type_ in plover.name_entities:
                continue
            root = span.root
            found.append(((root.pos_ not in {"VERB", "AUX"}, _depth(root), root.i, -len(span)), cues, span))
    if not found:
        return None
    found.sort(key=lambda f: f[0])
    _, cues, span = found[0]
    if cues.yields_to:
        act = next((f for f in found if f[1].name != cues.name and f[1].category in cues.yields_to), None)
        if act is not None:
            _, cues, span = act
    cat = cues.category
    if any(c.dep_ == "ccomp" for c in span.root.children):
        cat = plover.spoken.get(cat, cat)
    mood = _mood(span.root, plover)
    if mood:
        cat = plover.recode[mood].get(cat, cat)
    return cat, span.start_char, span.end_char


def _mood(tok: Any, plover: _Plover) -> str | None:
    """The mood governing a cue: modal auxiliaries, negations, and intent or failure words
    on the cue and its heads up to the verb of saying that reports it, ranked as listed in
    the data ("will not accept" is negated, "must be ready to mediate" obliged)."""
    moods: set[str | None] = set()
    while tok.lower_ not in plover.reporting:
        moods |= {plover.aux_moods.get(c.lower_) for c in tok.children if c.dep_ == "aux"}
        moods |= {"negated" for c in tok.children if c.dep_ == "neg"}
        moods.add(plover.word_moods.get(tok.lemma_.lower()))
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return next((mood for mood in plover.recode if mood in moods), None)
