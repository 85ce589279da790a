"""Stage wirecoder.places.v1: place mentions resolved against the offline gazetteer.

Mentions come from the dateline, spaCy's GPE/LOC/FAC entities, and capitalised proper-noun
n-grams the NER missed that name a sizeable place. Each name is resolved by context, the
way a coder reads a report: the countries and regions the report names, the dateline's
country, then population. Unresolved entity mentions are kept as ``feature="place"``
(no coordinates) so later stages can still name them.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass

from ..document import Document
from ..geo.gazetteer import Place, get_gazetteer, score
from ..geo.names import DATA_DIR, fold
from ..pipeline.registry import Stage, register_stage
from ..records import Location, Provenance, Span

STAGE = "wirecoder.places.v1"
_ENT_LABELS = {"GPE", "LOC", "FAC"}
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
_TRAILING = re.compile(r"(?:'s|’s)$")
#: Inside another entity ("Embassy in Islamabad"), or a whole entity the NER mislabelled
#: ("killed in Lashio" as PERSON), a name is a place only after a locative word.
_LOCATIVE = re.compile(r"\b(?:in|at|of|near|from|outside|to|into)\s+$", re.I)
#: "near Mir Ali": a name after these is a place even when the NER says PERSON.
_STRONG_LOCATIVE = re.compile(r"\b(?:near|outside|(?:village|town|city|district|area|tehsil|township)s? of)\s+$", re.I)
_COORDINATED = re.compile(r"(?:,|\s+and|\s+or)\s+$")
#: The n-gram matcher takes a single word ("Officer", "Date" are towns too) only after a
#: locative word, or when it names a town this big.
_BARE_WORD_POPULATION = 100_000
#: A small town abroad is not what a report means when it is about other countries:
#: such a candidate is dropped (the mention stays an unresolved place).
_FOREIGN_SMALL_TOWN = 100_000
#: How much the report's countries can outweigh size: enough for Hyderabad (Sindh) over
#: Hyderabad (India), not for Bogota (New Jersey) over Bogotá.
_MAX_COUNTRY_BONUS = 4.0
_DESIGNATOR = re.compile(r"^(?:(?:the\s+)?(?:city|town|village|province|department|district)\s+of\s+)|"
                         r"^(?:north|south|east|west|central|(?:north|south)?(?:east|west)?(?:ern)?)\s+|"
                         r"\s+(?:city|town|village|province|department|district|region|municipality|state)$", re.I)


@functools.cache
def _not_places() -> frozenset[str]:
    lines = (DATA_DIR / "not_places.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(fold(x) for x in lines if x.strip() and not x.startswith("#"))


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    method: str  # dateline | ner | gazetteer
    candidates: tuple[Place, ...] = ()
    choice: Place | None = None
    confidence: float = 0.0


@register_stage(STAGE)
class Places(Stage):
    requires = ("doc.nlp",)
    assigns = ("doc.locations",)

    def __init__(self, min_population: int = 15000, max_ngram: int = 3) -> None:
        #: a name the NER missed counts only if it names a region, a country, or a town this big
        self.min_population = min_population
        self.max_ngram = max_ngram

    def __call__(self, doc: Document) -> Document:
        gaz = get_gazetteer()
        mentions = self._mentions(doc)
        for m in mentions:
            m.candidates = gaz.candidates(m.text) or gaz.candidates(_DESIGNATOR.sub("", m.text))
        _resolve(mentions)
        doc.locations = _locations([m for m in mentions if m.choice or _plausible_unresolved(doc, m)])
        return doc

    # --- finding mentions -------------------------------------------------------------
    def _mentions(self, doc: Document) -> list[_Mention]:
        out: list[_Mention] = []
        taken: list[tuple[int, int]] = []

        def free(s: int, e: int) -> bool:
            return all(e <= a or s >= b for a, b in taken)

        def add(s: int, e: int, method: str) -> None:
            text = doc.text[s:e]
            lead = _LEADING.match(text)
            if lead:
                s += lead.end()
            trail = _TRAILING.search(doc.text[s:e])
            if trail:
                e -= len(trail.group())
            if e > s and free(s, e) and (method == "dateline" or fold(doc.text[s:e]) not in _not_places()):
                out.append(_Mention(s, e, doc.text[s:e], method))
                taken.append((s, e))

        place = doc.dateline.place
        head_end = doc.scratch.get("body_start") or 0
        if place and head_end:
            i = doc.text[:head_end].lower().find(place.lower())
            if i >= 0:
                add(i, i + len(place), "dateline")
        sp = doc.nlp
        if sp is None:
            return out
        blocked: list[tuple[int, int]] = []
        for ent in sp.ents:
            if ent.label_ in _ENT_LABELS or (
                ent.label_ == "PERSON" and _STRONG_LOCATIVE.search(doc.text[max(0, ent.start_char - 14) : ent.start_char])
            ):
                add(ent.start_char, ent.end_char, "ner")
            else:
                blocked.append((ent.start_char, ent.end_char))
        gaz = get_gazetteer()
        tokens = list(sp)
        i = 0
        while i < len(tokens):
            matched = 0
            for n in range(min(self.max_ngram, len(tokens) - i), 0, -1):
                span = tokens[i : i + n]
                s, e = span[0].idx, span[-1].idx + len(span[-1])
                if not all(t.pos_ == "PROPN" and (t.is_title or t.is_upper) for t in span):
                    continue
                if not free(s, e) or not self._allowed(doc.text, s, e, blocked, taken):
                    continue
                bare = n == 1 and not _LOCATIVE.search(doc.text[max(0, s - 8) : s])
                floor = _BARE_WORD_POPULATION if bare else self.min_population
                if any(self._notable(p, floor) for p in gaz.candidates(doc.text[s:e])):
                    add(s, e, "gazetteer")
                    matched = n
                    break
            i += matched or 1
        out.sort(key=lambda m: m.start)
        return out

    @staticmethod
    def _allowed(text: str, s: int, e: int, blocked: list[tuple[int, int]], taken: list[tuple[int, int]]) -> bool:
        """Inside another entity, a name is a place after a locative word, or when the whole
        entity is the name and it is coordinated with a place ("Balochistan and Khyber
        Pakhtunkhwa", the second tagged PERSON)."""
        for a, b in blocked:
            if s < b and e > a:
                before = text[max(0, a - 12) : a] if s == a else text[a:s]
                if _LOCATIVE.search(before):
                    return True
                conj = _COORDINATED.search(text[max(0, a - 8) : a]) if (s, e) == (a, b) else None
                return conj is not None and any(a - 8 + conj.start() - 2 <= tb <= a for _, tb in taken)
        return True

    @staticmethod
    def _notable(p: Place, floor: int) -> bool:
        return p.feature in {"country", "admin1", "admin2"} or (p.primary and p.population >= floor)


# --- resolution -----------------------------------------------------------------------
def _resolve(mentions: list[_Mention]) -> None:
    """Two passes: pick by name and size, then re-pick with the report's countries and regions."""
    for m in mentions:
        if m.candidates:
            m.choice = max(m.candidates, key=score)
    for _ in range(2):
        for m in mentions:
            if not m.candidates:
                continue
            countries, regions = _context(mentions, exclude=m)
            pool = [p for p in m.candidates if not _foreign_small_town(p, countries)]
            if not pool:
                m.choice = None
                continue
            scored = sorted(((_in_context(p, countries, regions), p) for p in pool), key=lambda x: -x[0])
            m.choice = scored[0][1]
            gap = scored[0][0] - scored[1][0] if len(scored) > 1 else 6.0
            m.confidence = round(0.5 + 0.45 * math.tanh(gap / 3), 3)


def _foreign_small_town(p: Place, countries: Counter[str]) -> bool:
    return bool(countries) and p.feature == "city" and p.population < _FOREIGN_SMALL_TOWN and not countries[p.country or ""]


def _context(mentions: list[_Mention], exclude: _Mention) -> tuple[Counter[str], set[tuple[str, str]]]:
    countries: Counter[str] = Counter()
    regions: set[tuple[str, str]] = set()
    for m in mentions:
        if m is exclude or m.choice is None or fold(m.text) == fold(exclude.text):
            continue
        p = m.choice
        if p.country:
            weight = 3 if m.method == "dateline" else 2 if p.feature in {"country", "admin1"} else 1
            countries[p.country] += weight
        if p.feature == "admin1" and p.admin1 and p.country:
            regions.add((p.country, p.admin1))
    return countries, regions


def _in_context(p: Place, countries: Counter[str], regions: set[tuple[str, str]]) -> float:
    s = score(p)
    if p.country and countries[p.country]:
        s += min(_MAX_COUNTRY_BONUS, 2.0 * math.log2(1 + countries[p.country]))
    if p.country and p.admin1 and (p.country, p.admin1) in regions and p.feature != "admin1":
        s += 4.0
    return s


def _plausible_unresolved(doc: Document, m: _Mention) -> bool:
    """An entity the gazetteer does not know is kept (a village, a market) when a locative
    word introduces it ("near Mir Ali") and it is no actor's mention; not when it is too
    short to be a name ("X.") or used as a modifier ("Baloch activists")."""
    if m.method == "gazetteer" or sum(c.isalpha() for c in m.text) < 3:
        return False
    if m.method != "dateline" and not _LOCATIVE.search(doc.text[max(0, m.start - 12) : m.start]):
        return False
    return doc.actor_at(m.start, m.end) is None


def _locations(mentions: list[_Mention]) -> list[Location]:
    by_key: dict[object, Location] = {}
    for m in mentions:
        p = m.choice
        key: object = p.id if p else ("place", fold(m.text))
        loc = by_key.get(key)
        if loc is None:
            loc = (
                Location(p.name, p.feature, p.admin1, p.country, p.lat, p.lon, geonameid=p.geonameid)
                if p
                else Location(m.text, "place")
            )
            by_key[key] = loc
        loc.mentions.append(Span(m.start, m.end, m.text))
        loc.provenance.append(
            Provenance("location", STAGE, m.method if p else f"{m.method}:unresolved", m.confidence if p else 0.3, m.start, m.end)
        )
    return list(by_key.values())
