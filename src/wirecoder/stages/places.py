"""Stage wirecoder.places.v1: place mentions resolved against the offline gazetteer.

Mentions come from the dateline, names before an area word ("Momand Agency", "Swat
district"), spaCy's GPE/LOC/FAC entities, a town at the start of an institution the NER
tags ORG ("Peshawar Press Club"), and capitalised proper-noun n-grams the NER missed that
name a sizeable place. Each name is resolved by context, the
way a coder reads a report: the countries and regions the report names, the dateline's
country, the desk's country (``Document.country_hint``), then population. Curated spelling
variants apply in the report's countries; a place in a region since merged away gets the
region of the report's date (``geo.context``). Unresolved entity mentions are kept as ``feature="place"``
(no coordinates) so later stages can still name them.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass

from ..actors.countries import countries as country_table
from ..actors.lexicon import lexicon as actor_lexicon
from ..document import Document
from ..geo.context import (
    facility_after,
    historical_admin1,
    historical_country,
    place_words,
    spelling_variant,
    unit_after,
)
from ..geo.distance import km
from ..geo.gazetteer import Place, get_gazetteer, score
from ..geo.names import DATA_DIR, fold
from ..pipeline.registry import Stage, register_stage
from ..records import Location, Provenance, Span

STAGE = "wirecoder.places.v1"
_ENT_LABELS = {"GPE", "LOC", "FAC"}
#: Entities that may be a body named after its region ("Sindh Rangers" ORG, "the Punjab" NORP).
_REGION_BODY_LABELS = {"ORG", "NORP", "EVENT"}
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
_TRAILING = re.compile(r"(?:'s|’s|\s*[,;:]+)$")
#: Inside another entity ("Embassy in Islamabad"), or a whole entity the NER mislabelled
#: ("killed in Lashio" as PERSON), a name is a place only after a locative word (and a
#: part-of-town word: "in downtown Vina del Mar").
_LOCATIVE = re.compile(r"\b(?:in|at|of|near|around|from|outside|across|throughout|to|into|coded as)\s+(?:(?:downtown|uptown|central)\s+)?$", re.I)
#: How many characters before a name the locative word is looked for in.
_LOCATIVE_REACH = 20
#: "in Pir Koh, Dera Bugti", "near Kukawa, Borno": the name after a place a locative word
#: introduced is where that place lies, so it is read as if the locative came right before it.
_IN_PLACE_THEN = re.compile(r"\b(?:in|at|near|around|outside|across|throughout)\s+"
                            r"(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*\s*,\s*$")
_IN_PLACE_REACH = 45
#: "cities such as Bahawalpur": a town named in a list, which the NER often takes for a person.
_LISTED = re.compile(r"\b(?:such as|including|like|especially|notably)\s+$", re.I)
#: "Balochistan's Zhob", "Nigeria's Borno": a region or country in the possessive names where
#: the next name lies (the tagger often makes that a person or a body).
_POSSESSOR = re.compile(r"\b([A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})['’]s\s+$")
_POSSESSOR_REACH = 40
#: "near Mir Ali", "across Rawalpindi", "residents of Takht Bai": a name after these is a
#: place even when the NER says PERSON.
_STRONG_LOCATIVE = re.compile(
    r"\b(?:near|outside|across|throughout|(?:village|town|city|district|area|tehsil|township|resident|inhabitant)s? of)\s+$", re.I)
#: Words that introduce a place and never a person ("in Duarte", not "according to Duarte").
_PLACE_ONLY_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|into|around|across)\s+$", re.I)
#: Up to two capitalised words right after an entity: the rest of a name the NER cut short.
_NAME_GOES_ON = re.compile(r"(?:[ \t-][A-Z][\w'’-]*){1,2}")
_NAME_WORD = re.compile(r"^[A-Z][\w'’-]*$")
_WITHIN = re.compile(r"^\s*(?:,|,?\s*(?:in|of))\s*(?:the\s+)?$", re.I)
_COORDINATED = re.compile(r"(?:,|\s+and|\s+or)\s+$")
#: The n-gram matcher takes a single word ("Officer", "Date" are towns too) only after a
#: locative word, or when it names a town this big.
_BARE_WORD_POPULATION = 100_000
#: An unknown name ending on a town this big of the report's country lies in that town's region.
_TRAILING_TOWN_POPULATION = 15_000
#: A small town abroad is not what a report means when it is about other countries:
#: such a candidate is dropped (the mention stays an unresolved place).
_FOREIGN_SMALL_TOWN = 100_000
#: A candidate this close to another place the report names is the likelier namesake.
_NEARBY_KM = 20
_NEARBY_BONUS = 1.5
#: With a desk country, a foreign town smaller than this is dropped too unless the report
#: names its country ("Banda" in a Pakistan report is not the Indian city; Paris stays).
_FOREIGN_TOWN_OFF_DESK = 1_000_000
#: How much the report's countries can outweigh size: enough for Hyderabad (Sindh) over
#: Hyderabad (India), not for Bogota (New Jersey) over Bogotá.
_MAX_COUNTRY_BONUS = 4.0
#: A place's context is the places named around it: this many mentions on each side (a
#: whole wire report; a 100,000-character chunk of a long text must not go quadratic).
_CONTEXT_MENTIONS = 100
_DESIGNATOR = re.compile(r"^(?:(?:the\s+)?(?:city|town|village|province|department|district)\s+of\s+)|"
                         r"^(?:north|south|east|west|central|(?:north|south)?(?:east|west)?(?:ern)?)\s+|"
                         r"\s+(?:city|town|village|province|department|district|region|municipality|state)$", re.I)


#: Words before a name that make it a region: "the state of Guanajuato", "the province of Hama".
_REGION_OF = re.compile(r"\b(?:state|province|region|governorate|department|prefecture|county|district)\s+of\s+$", re.I)


@functools.cache
def _facility_first_words() -> frozenset[str]:
    return frozenset(w.split()[0].lower() for w in place_words()["facility_words"])


@functools.cache
def _not_places() -> frozenset[str]:
    lines = (DATA_DIR / "not_places.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(fold(x) for x in lines if x.strip() and not x.startswith("#"))


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    method: str  # dateline | suffix | ner | ner:org | gazetteer
    base: str = ""  # the name without its area word ("Momand" of "Momand Agency")
    within: _Mention | None = None  # "Nakai, Tirah": the place named right after an unresolved one
    candidates: tuple[Place, ...] = ()
    choice: Place | None = None
    confidence: float = 0.0
    respelled: bool = False  # resolved as a one-edit spelling of a place in the report's countries


@register_stage(STAGE)
class Places(Stage):
    requires = ("doc.nlp",)
    assigns = ("doc.locations",)

    def __init__(self, min_population: int = 15000, max_ngram: int = 3) -> None:
        #: a name the NER missed counts only if it names a region, a country, or a town this big
        self.min_population = min_population
        self.max_ngram = max_ngram

    def __call__(self, doc: Document) -> Document:
        desk = _desk_countries(doc)
        mentions = self._mentions(doc, desk)
        for i, m in enumerate(mentions):
            nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(doc.text)
            if m.method == "ner" and not self._grow_to_known_town(doc.text, m, nxt, desk) and not _lookup(m.text, desk):
                self._shrink_to_leading_town(doc.text, m, desk)
            m.candidates = (
                _lookup(m.text, desk) or _lookup(_DESIGNATOR.sub("", m.text), desk) or (_lookup(m.base, desk) if m.base else ())
            )
            if m.method != "dateline" and m.text.isupper() and len(m.text) <= 3:
                # an acronym in the body ("the UN Office") names a place only by an alias ("US"), not
                # by a town's own name ("Un"); a dateline is written in capitals ("GAO, Mali")
                m.candidates = tuple(p for p in m.candidates if not p.primary or p.name.isupper())
            if m.method == "suffix" and m.text[len(m.base):].strip().casefold() in place_words()["region_suffixes"]:
                m.candidates = tuple(p for p in m.candidates if p.feature in {"admin1", "admin2"})
            if m.method == "address-region":  # "(Tillia, Tahoua)": Tahoua the region, not its capital
                m.candidates = tuple(p for p in m.candidates if p.feature != "city") or m.candidates
            if _REGION_OF.search(doc.text, max(0, m.start - 16), m.start):
                # "the central Mexican state of Guanajuato" is the state, not its namesake capital
                m.candidates = tuple(p for p in m.candidates if p.feature in {"admin1", "admin2"}) or m.candidates
            if not m.candidates and m.method == "locative":
                # a name after a locative one edit from a town of the desk's country is that town,
                # even where the NER made it an organisation ("in Larkan by a large number"); else no place
                m.candidates = tuple(p for p in _respelled(m.text, _hinted(doc)) if p.feature == "city")
                m.respelled = bool(m.candidates)
            elif not m.candidates and _plausible_unresolved(doc, m):
                m.candidates = _respelled(m.base or _DESIGNATOR.sub("", m.text), desk)
                m.respelled = bool(m.candidates)
        # the country the actors stage found the report is about, when no desk says where it is from
        _resolve(mentions, doc.country_hint, _nations(doc), None if doc.country_hint else doc.scratch.get("country"))
        _link_within(doc.text, mentions)
        for m in mentions:
            if m.choice is None and m.within is None and m.method == "ner":
                _split_trailing_region(m, desk)
        home = _main_country(mentions, doc.country_hint)
        people = _person_names(doc, desk)
        mentions = [m for m in mentions
                    if not self._named_institution(doc.text, m, home) and not self._names_a_unit(doc.text, m, home)
                    and not _part_of_person_name(doc.text, m, people)]
        kept = [m for m in mentions if m.choice or _plausible_unresolved(doc, m)]
        doc.locations = _locations(kept, doc.published)
        return doc

    # --- finding mentions -------------------------------------------------------------
    def _mentions(self, doc: Document, desk: frozenset[str]) -> list[_Mention]:
        out: list[_Mention] = []
        taken: list[tuple[int, int]] = []

        def free(s: int, e: int) -> bool:
            return all(e <= a or s >= b for a, b in taken)

        def add(s: int, e: int, method: str, base: str = "") -> None:
            text = doc.text[s:e]
            lead = _LEADING.match(text)
            if lead:
                s += lead.end()
            trail = _TRAILING.search(doc.text[s:e])
            if trail:
                e -= len(trail.group())
            if e > s and free(s, e) and (method == "dateline" or (fold(doc.text[s:e]) not in _not_places()
                                                                  and not _linked_name(doc.text, e))):
                out.append(_Mention(s, e, doc.text[s:e], method, base))
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
        for s, e, base in _suffixed_names(sp):
            add(s, e, "suffix", base)
        for s, e, region in _address_parts(doc.text, desk):
            add(s, e, "address-region" if region else "address")
        gaz = get_gazetteer()
        blocked: list[tuple[int, int]] = []
        for ent in _joined_places(sp, desk):
            if ent.label_ == "ORG":
                head = self._institution_town(doc.text, ent, desk)
                if head:
                    add(*head, "ner:org")
            if ent.label_ in _REGION_BODY_LABELS:
                head = self._region_of_body(ent, desk)
                if head:
                    add(*head, "ner:org")
            if ent.label_ in _ENT_LABELS or (
                ent.label_ in ("PERSON", "ORG") and _after_locative(doc.text, ent.start_char, _STRONG_LOCATIVE)
            ):
                add(ent.start_char, ent.end_char, "ner")
            else:
                blocked.append((ent.start_char, ent.end_char))
        tokens = list(sp)
        hyphens = [0]  # hyphens[k]: "-" tokens among the first k (a hyphen is no word of a name)
        for t in tokens:
            hyphens.append(hyphens[-1] + (t.text == "-"))
        facility_start = _facility_first_words()
        i = 0
        while i < len(tokens):
            matched = 0
            s = tokens[i].idx
            before = doc.text[max(0, s - _LOCATIVE_REACH) : s]
            locative = bool(_LOCATIVE.search(before)) or (before.rstrip().endswith(",") and _after_place(doc.text, s))
            # "cities such as Bahawalpur", "JSQM Khairpur chapter": a town the tagger took for a person
            listed = bool(_LISTED.search(before))  # only a sizeable town: "including Ali Khan" is a man
            owner = _possessor(doc.text, s) if before.rstrip().endswith(("'s", "’s")) else None
            whole_name = not (i and tokens[i - 1].is_title)  # not "Jahania" of "Shahpur Jahania chapter"
            for n in range(min(2 * self.max_ngram - 1, len(tokens) - i), 0, -1):
                if n - (hyphens[i + n] - hyphens[i]) > self.max_ngram:  # "Toba-Tek Singh" is three words
                    continue
                span = tokens[i : i + n]
                e = span[-1].idx + len(span[-1])
                named_for = whole_name and i + n < len(tokens) and tokens[i + n].lower_ in facility_start \
                    and self._before_facility(doc.text, e)
                after_locative = locative or listed or named_for or owner is not None
                if not all(_name_token(t, after_locative) or (0 < k < n - 1 and (_joins_name(t) or t.lower_ in _PARTICLES))
                           for k, t in enumerate(span)):
                    continue
                if not free(s, e) or not (self._allowed(doc.text, s, e, blocked, taken) or listed or named_for
                                          or owner is not None):
                    continue
                bare = n == 1 and not after_locative
                floor = _BARE_WORD_POPULATION if bare else self.min_population
                found = _lookup(doc.text[s:e], desk)
                if owner is not None:  # only a town of the region or country named: not "Pakistan's Independence Day"
                    found = tuple(p for p in found if p.feature in {"city", "admin2"} and _lies_in(p, owner))
                curated = bool(found) and not gaz.candidates(doc.text[s:e])  # a listed spelling variant
                if curated or any(self._notable(p, floor) or (not bare and not listed and self._known_spelling(p, floor, desk))
                                  for p in found):
                    add(s, e, "gazetteer")
                    matched = n
                    break
                if not found and locative and doc.country_hint and any(
                        self._known_spelling(p, floor, desk) or _closed_up(p, doc.text[s:e])
                        for p in _respelled(doc.text[s:e], _hinted(doc))):
                    add(s, e, "locative")  # "in Larkan", tagged ORG: resolved like any loose spelling
                    matched = n
                    break
            i += matched or 1
        for tok in tokens:
            if self._lowercase_town(doc.text, tok, desk) and free(tok.idx, tok.idx + len(tok)):
                add(tok.idx, tok.idx + len(tok), "gazetteer")
        out.sort(key=lambda m: m.start)
        return out

    def _lowercase_town(self, text: str, tok, desk: frozenset[str]) -> bool:
        """A big town or a district of the report's countries written in lower case, right
        after a locative word or before an institution word ("in lahore", "outside the
        hyderabad press club"): notes typed in haste, or copy that lost its capitals."""
        if not (desk and tok.is_lower and tok.is_alpha and len(tok) >= 4 and not tok.is_stop):
            return False
        if fold(tok.text) in _not_places():
            return False
        if not (_after_locative(text, tok.idx) or self._before_facility(text, tok.idx + len(tok))):
            return False
        return any(p.country in desk and (p.feature == "admin2" or (p.feature == "city" and p.primary
                                                                    and p.population >= _BARE_WORD_POPULATION))
                   for p in _lookup(tok.text, desk))

    @staticmethod
    def _before_facility(text: str, end: int) -> bool:
        """An institution word follows: "Khairpur chapter", "Moro Press club"."""
        return facility_after().match(text, end) is not None

    @staticmethod
    def _named_institution(text: str, m: _Mention, home: str | None) -> bool:
        """A foreign town's name before an institution word, not after a locative, names the
        institution ("director of the Columbus school" in a Medellin report, "the Santa Teresa
        hospital" in a Salvadoran one); a town of the report's own country there is its town
        ("Moro Press club")."""
        return _foreign_town_before(text, m, home, facility_after())

    @staticmethod
    def _names_a_unit(text: str, m: _Mention, home: str | None) -> bool:
        """A foreign town's name before a military unit word names the unit ("the Leon Battalion"
        in a Salvadoran report), unless a locative comes right before it. A town of the report's
        own country there is the unit's area ("the IRA's Belfast brigade … across the city")."""
        return _foreign_town_before(text, m, home, unit_after())

    @staticmethod
    def _allowed(text: str, s: int, e: int, blocked: list[tuple[int, int]], taken: list[tuple[int, int]]) -> bool:
        """Inside another entity, a name is a place after a locative word (also one that takes
        the entity in: "in Rahim Yar Khan", "Yar Khan" tagged PERSON), or when the whole entity
        is the name and it is coordinated with a place ("Balochistan and Khyber Pakhtunkhwa",
        the second tagged PERSON)."""
        for a, b in blocked:
            if s < b and e > a:
                before = text[max(0, s - _LOCATIVE_REACH) : s] if s <= a else text[a:s]
                if _LOCATIVE.search(before) or (s <= a and _after_place(text, s)):
                    return True
                conj = _COORDINATED.search(text[max(0, a - 8) : a]) if (s, e) == (a, b) else None
                return conj is not None and any(a - 8 + conj.start() - 2 <= tb <= a for _, tb in taken)
        return True

    def _grow_to_known_town(self, text: str, m: _Mention, limit: int, desk: frozenset[str]) -> bool:
        """An entity that is the start of a town's name the NER cut short ("Toba" of "Toba Tek
        Singh", a Toba of Indonesia on its own) becomes that name."""
        more = _NAME_GOES_ON.match(text, m.end, limit)
        words = list(re.finditer(r"\S+", more.group())) if more else []
        for k in range(len(words), 0, -1):
            longer = text[m.start : m.end + words[k - 1].end()]
            if any(self._notable(p, self.min_population) for p in _lookup(longer, desk)):
                m.end, m.text = m.start + len(longer), longer
                return True
        return False

    def _shrink_to_leading_town(self, text: str, m: _Mention, desk: frozenset[str]) -> None:
        """An entity the gazetteer does not know that starts with a sizeable town ("Badin
        Kashmir Day") is that town; failing that, one that ends with a sizeable town
        ("Manghopir Karachi": a neighbourhood the gazetteer lacks, in its city). A district
        before its city ("Malir, Karachi"), or a smaller town of another region ("Karimabad
        Karachi": a namesake neighbourhood), gives way to the city; a compass word is no head
        ("Central Kurram" is not a region called Central)."""
        words = list(re.finditer(r"\S+", m.text))
        tail = self._trailing_city(m, words, desk)
        for n in range(min(self.max_ngram, len(words) - 1), 0, -1):
            head = m.text[: words[n - 1].end()]
            if fold(head) in _COMPASS or fold(head) in _not_places():
                continue
            found = _lookup(head, desk)
            curated = bool(found) and not get_gazetteer().candidates(head)
            if curated or any(self._notable(p, self.min_population) for p in found):
                if tail is None or not all(_gives_way(p, tail[1]) for p in found):
                    m.end, m.text = m.start + len(head), head
                    return
                break
        if tail is not None:
            m.start, m.text = m.start + tail[0], m.text[tail[0] :]

    def _trailing_city(self, m: _Mention, words: list[re.Match], desk: frozenset[str]) -> tuple[int, Place] | None:
        """The sizeable city of the report's country that ends the entity (not any "Ali"), with
        its offset in the entity."""
        for k in range(max(1, len(words) - self.max_ngram), len(words)):
            for p in _lookup(m.text[words[k].start() :], desk):
                if p.feature == "city" and p.primary and p.population >= _BARE_WORD_POPULATION and p.country in desk:
                    return words[k].start(), p
        return None

    def _institution_town(self, text: str, ent, desk: frozenset[str]) -> tuple[int, int] | None:
        """The town an institution is named after: the first, longest run of the ORG entity
        that names a sizeable place, when an institution word follows it ("Peshawar Press
        club", "JSQM Sukkur chapter")."""
        facility = place_words()["facility_words"]
        lead = 1 if ent[0].lower_ == "the" else 0
        for start in range(lead, len(ent)):
            for n in range(min(self.max_ngram, len(ent) - start), 0, -1):
                head = ent[start : start + n]
                if not all(_NAME_WORD.match(t.text) for t in head):
                    continue
                after = text[head.end_char : head.end_char + 40].split()
                if not any(fold(" ".join(after[:k])) in facility for k in (1, 2, 3)):
                    continue
                if any(self._notable(p, self.min_population) for p in _lookup(head.text, desk)):
                    return head.start_char, head.end_char
        return None

    @staticmethod
    def _region_of_body(ent, desk: frozenset[str]) -> tuple[int, int] | None:
        """The first-level region a body is named after ("the Punjab Assembly", "Sindh Rangers",
        "the Balochistan Levies", "KPK government"): where the report is, when it names no
        town. Only a region of the desk's or the report's countries, and never a town's name
        ("Lahore Qalandars" is a team, not a place)."""
        lead = 1 if ent[0].lower_ == "the" else 0
        for n in range(min(3, len(ent) - lead), 0, -1):
            head = ent[lead : lead + n]
            if not all(_NAME_WORD.match(t.text) or t.is_upper for t in head):
                continue
            found = _lookup(head.text, desk)
            if found and all(p.feature == "admin1" for p in found) and (not desk or any(p.country in desk for p in found)):
                return head.start_char, head.end_char
        return None

    @staticmethod
    def _known_spelling(p: Place, floor: int, desk: frozenset[str]) -> bool:
        """After a locative word, a town of the report's own countries counts by an alternate
        spelling ("in Abbotabad": wire copy spells South Asian and Sahel towns many ways) or,
        by its own name, at any size ("in Chilas": GeoNames gives many towns no population)."""
        return p.feature == "city" and p.country in desk and (p.population >= floor or p.primary)

    @staticmethod
    def _notable(p: Place, floor: int) -> bool:
        return p.feature in {"country", "admin1", "admin2"} or (p.primary and p.population >= floor)


# --- resolution -----------------------------------------------------------------------
def _main_country(mentions: list[_Mention], hint: str | None) -> str | None:
    """The country most of the report's resolved places lie in (the desk's when it has one)."""
    if hint:
        return hint
    counts = Counter(m.choice.country for m in mentions if m.choice is not None and m.choice.country)
    return counts.most_common(1)[0][0] if counts else None


def _desk_countries(doc: Document) -> frozenset[str]:
    """The desk's country and the countries the report names: where spelling variants apply."""
    named = set()
    if doc.nlp is not None:
        gaz = get_gazetteer()
        named = {p.country for ent in doc.nlp.ents if ent.label_ == "GPE" for p in gaz.candidates(ent.text)
                 if p.feature == "country" and p.country}
    return frozenset(named | ({doc.country_hint} if doc.country_hint else set()))


def _hinted(doc: Document) -> frozenset[str]:
    """The desk's own country alone: a name the NER did not take for a place is respelled
    only towards its towns (each country's spelling index costs a fraction of a second to build)."""
    return frozenset({doc.country_hint}) if doc.country_hint else frozenset()


def _joined_places(sp, desk: frozenset[str]) -> list:  # type: ignore[no-untyped-def]
    """The NER's entities, with two place entities side by side joined when only the whole
    is a place: the tagger splits "Burkina Faso" into "Burkina" and "Faso"."""
    from spacy.tokens import Span  # the parse's own span type; spaCy is loaded once a parse exists

    ents = list(sp.ents)
    out = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        if i + 1 < len(ents) and ent.label_ in _ENT_LABELS and ents[i + 1].label_ in _ENT_LABELS \
                and ents[i + 1].start == ent.end and not _lookup(ent.text, desk):
            whole = sp[ent.start : ents[i + 1].end]
            if _lookup(whole.text, desk):
                out.append(Span(sp, whole.start, whole.end, label=ent.label_))
                i += 2
                continue
        out.append(ent)
        i += 1
    return out


def _lookup(name: str, desk: frozenset[str]) -> tuple[Place, ...]:
    """Gazetteer entries for ``name``, and for its curated spelling in one of ``desk``'s
    countries when none of those entries lies there ("Naushki": a Russian village by that
    name, Nushki in Pakistan's reports)."""
    gaz = get_gazetteer()
    found = gaz.candidates(name)
    if not name or (found and (not desk or any(p.country in desk for p in found))):
        return found
    for iso3 in sorted(desk):
        variant = spelling_variant(name, iso3)
        if variant:
            found += tuple(p for p in gaz.candidates(variant) if p.country == iso3)
    return found


def _name_token(tok, after_locative: bool) -> bool:
    """A word of a place name: a capitalised proper noun, or after a locative word any
    capitalised word inside the sentence (the tagger makes a report's last word, "mourning
    in Sialkot", a common noun)."""
    if tok.is_title or tok.is_upper:
        return tok.pos_ == "PROPN" or (after_locative and not tok.is_sent_start and tok.pos_ in {"NOUN", "ADJ", "VERB"})
    return False


def _respelled(name: str, desk: frozenset[str]) -> tuple[Place, ...]:
    """Places of the report's countries one edit from an unresolved place name."""
    gaz = get_gazetteer()
    return tuple(p for iso3 in sorted(desk) for p in gaz.near_spellings(name, iso3))


_COMPASS = frozenset({"north", "south", "east", "west", "central", "northeast", "northwest", "southeast", "southwest"})


def _closed_up(p: Place, name: str) -> bool:
    """A town's own name written with its spaces closed up ("Dattakhel" for Datta Khel): as
    good as the name itself, whatever the town's size."""
    return p.feature == "city" and " " in p.name and fold(p.name).replace(" ", "") == fold(name).replace(" ", "")


def _joins_name(tok) -> bool:
    """A hyphen written tight between two name words: "Hpa-An", "Nyaung-U", "Ye-U" (not a
    compass part, "Yangon-East district": the place is Yangon)."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return (tok.text == "-" and not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_
            and nxt is not None and nxt.lower_ not in _COMPASS)


def _linked_name(text: str, end: int) -> bool:
    """The name is hyphened to a link word: "the Rwanda-backed group" names no place of the event."""
    m = re.match(r"-([a-z]+)\b", text[end : end + 16])
    return m is not None and m.group(1) in actor_lexicon().cues["link_words"]


#: Lower-case words inside a place's name: "Mocimboa da Praia", "Ciudad del Este", "Ras al Ain".
_PARTICLES = frozenset({"da", "de", "do", "dos", "das", "del", "di", "du", "la", "el", "al", "ul", "es", "e", "bin"})

#: How many words a name before an area word may have: "Milagro De La Paz neighborhood".
_MAX_SUFFIXED_NAME_WORDS = 4


def _name_part(toks: list, j: int) -> bool:
    """A capitalised proper noun, or any capitalised word hyphened onto one ("O" of "Puta-O",
    which the tagger takes for a common noun)."""
    if not _NAME_WORD.match(toks[j].text):
        return False
    return toks[j].pos_ == "PROPN" or (j > 1 and _joins_name(toks[j - 1]) and bool(_NAME_WORD.match(toks[j - 2].text)))


def _suffixed_names(sp) -> list[tuple[int, int, str]]:
    """Capitalised names followed by an area or region word: (start, end, name)."""
    words = place_words()
    suffixes = words["area_suffixes"] | words["region_suffixes"]
    out: list[tuple[int, int, str]] = []
    toks = list(sp)
    low = [(t.lower_ if t.is_ascii else fold(t.text)) if t.is_alpha else "" for t in toks]
    for i, tok in enumerate(toks):
        if i == 0 or not low[i]:
            continue
        pair = f"{low[i]} {low[i + 1]}" if i + 1 < len(toks) and low[i + 1] and toks[i].whitespace_ else ""
        k = 2 if pair in suffixes else 1 if low[i] in suffixes else 0
        if not k:
            continue
        j = i
        while j > 0 and i - j < _MAX_SUFFIXED_NAME_WORDS and _name_part(toks, j - 1) \
                and fold(toks[j - 1].text) not in words["not_place_words"]:
            j -= 1
            if j > 1 and _joins_name(toks[j - 1]) and _NAME_WORD.match(toks[j - 2].text):
                j -= 2  # "Ye-U township", "Puta-O township" (Puta tagged ADJ): the hyphen is inside the name
            elif j > 1 and toks[j - 1].lower_ in _PARTICLES and _name_part(toks, j - 2):
                j -= 2  # "Mocimboa da Praia district": the particle is inside the name
        if j == i or (j > 0 and _NAME_WORD.match(toks[j - 1].text) and not toks[j - 1].is_sent_start):
            continue  # no name, or the name runs on past an organisation word
        end = sp[i + k - 1].idx + len(sp[i + k - 1])
        if j > 1 and toks[j - 1].text == "-" and fold(toks[j].text) in _COMPASS and toks[j - 2].pos_ == "PROPN":
            # "Shan-North state", "Yangon-West district": the part of a split region, named by the whole
            out.append((toks[j - 2].idx, end, toks[j - 2].text))
            continue
        name = sp[j:i]
        out.append((name.start_char, end, name.text))
    return out


#: An address in parentheses after a place, ACLED's way: "in Boni (Hombori, Douentza, Mopti)",
#: "in Oicha (Beni, Nord-Kivu)", "Kherson city (Kherson)".
_ADDRESS = re.compile(r"\(([A-Z][\w'’. -]{0,40}(?:,[ \t]*[A-Z][\w'’. -]{0,40}){0,4})\)")
#: One part of such an address, without the spaces around it.
_ADDRESS_PART = re.compile(r"[^,\s](?:[^,]*[^,\s])?")


def _address_parts(text: str, desk: frozenset[str]) -> list[tuple[int, int, bool]]:
    """(start, end, a region?) of the parts of parenthesised addresses that the gazetteer knows
    as towns, districts or regions. Every part but a first of several names a district or
    region, as a lone part does ("(Kherson)"; "(PKK)", "(Reuters)" name none)."""
    out: list[tuple[int, int, bool]] = []
    for m in _ADDRESS.finditer(text):
        parts = [(p.start(), p.end()) for p in _ADDRESS_PART.finditer(text, m.start(1), m.end(1))]
        if len(parts) == 1 and (text[parts[0][0] : parts[0][1]].isupper() or parts[0][1] - parts[0][0] < 4):
            continue  # an acronym ("(PKK)", "(AFP)") names no place
        found = [_lookup(text[s:e], desk) for s, e in parts]
        # the first of several parts, a town, only in a country its regions are of ("Beni, Nord-Kivu")
        countries = {p.country for places in found[1:] for p in places if p.feature in {"admin1", "admin2"}}
        for k, ((s, e), places) in enumerate(zip(parts, found, strict=True)):
            region = k > 0 or len(parts) == 1
            if any(p.feature in {"admin1", "admin2"} or not region and p.feature == "city" and p.country in countries
                   for p in places):
                out.append((s, e, region))
    return out


def _nations(doc: Document) -> frozenset[str]:
    """Countries the report names by their people ("Syrian forces", "Afghan refugees"): a
    Beirut-datelined report on "Syrian forces" shelling Idlib names Syria without its name."""
    table = country_table()
    return frozenset(iso3 for ent in (doc.nlp.ents if doc.nlp is not None else ())
                     if ent.label_ == "NORP" and (iso3 := table.by_demonym.get(ent.text.strip())))


def _resolve(mentions: list[_Mention], hint: str | None = None, nations: frozenset[str] = frozenset(),
             about: str | None = None) -> None:
    """Two passes: pick by name and size, then re-pick with the report's countries and regions
    (``nations``: countries named by their people; ``about``: the country the actors stage found
    the report is about, whose towns are no foreign small towns: "Russian forces shelled Kherson")."""
    for m in mentions:
        if m.candidates:
            m.choice = max(m.candidates, key=score)
    keys = [fold(m.text) for m in mentions]
    for _ in range(2):
        for i, m in enumerate(mentions):
            if not m.candidates:
                continue
            lo, hi = max(0, i - _CONTEXT_MENTIONS), i + _CONTEXT_MENTIONS + 1
            countries, regions, named, district_regions = _context(mentions[lo:hi], keys[lo:hi], exclude=m, hint=hint)
            countries.update(nations)
            named |= nations | ({about} if about else set())
            pool = [p for p in m.candidates if not _foreign_small_town(p, countries, named, hint)]
            if m.respelled:  # a loose spelling is believed only where the report's regions and districts allow
                pool = [p for p in pool if _fits_named_regions(p, regions | district_regions)]
            if not pool:
                m.choice = None
                continue
            near = [q.choice for q in mentions[lo:hi] if q is not m and q.choice is not None and q.choice.lat is not None
                    and q.choice.feature != "country" and q.choice not in m.candidates]
            scored = sorted(((_in_context(p, countries, regions) + _nearby(p, near), p) for p in pool), key=lambda x: -x[0])
            m.choice = scored[0][1]
            gap = scored[0][0] - scored[1][0] if len(scored) > 1 else 6.0
            m.confidence = round(0.5 + 0.45 * math.tanh(gap / 3), 3)


def _link_within(text: str, mentions: list[_Mention]) -> None:
    """An unresolved place followed by another ("in Nakai, Tirah", "Chak 408 in Toba Tek
    Singh", or a bare province: "Gulzarpur Sindh") lies within it: it will take that
    place's region and country. So does a small town placed by a comma in a bigger one of
    another region: a namesake neighbourhood ("Karimabad, Karachi" is not Karimabad in
    Gilgit-Baltistan)."""
    for m, nxt in zip(mentions, mentions[1:]):
        gap = text[m.end : nxt.start]
        region_right_after = gap == " " and nxt.choice is not None and nxt.choice.feature in {"admin1", "admin2"}
        if not (_WITHIN.match(gap) or region_right_after):
            continue
        p, q = m.choice, nxt.choice
        if p is not None and q is not None and gap.strip() == "," and p.feature == "city" \
                and q.feature == "city" and p.admin1 != q.admin1 and p.population < min(q.population, _FOREIGN_SMALL_TOWN):
            m.choice = None
        if m.choice is None:
            m.within = nxt


def _split_trailing_region(m: _Mention, desk: frozenset[str]) -> None:
    """An unknown name ending on a province, district or town of the report's countries
    ("Bakhshapur Sindh", "Khandkot Kashmore") is a place of that name in that region."""
    words = list(re.finditer(r"\S+", m.text))
    for k in range(1, min(3, len(words))):
        tail = m.text[words[k].start() :]
        regions = [p for p in _lookup(tail, desk) if (p.feature in {"admin1", "admin2"} and (not desk or p.country in desk))
                   or (p.feature == "city" and p.country in desk and p.population >= _TRAILING_TOWN_POPULATION)]
        if len({(p.country, p.admin1) for p in regions}) == 1:
            head = m.text[: words[k - 1].end()]
            m.within = _Mention(m.start + words[k].start(), m.end, tail, m.method, choice=regions[0])
            m.end, m.text = m.start + len(head), head
            return


def _gives_way(head: Place, city: Place) -> bool:
    """A place named before a city in one entity is the city's district or a namesake
    neighbourhood: a district, or a smaller town of another region."""
    return head.feature == "admin2" or (head.feature == "city" and head.population < city.population
                                         and head.admin1 != city.admin1)


def _foreign_small_town(p: Place, countries: Counter[str], named: frozenset[str] = frozenset(),
                        hint: str | None = None) -> bool:
    """A small town, or any district or region, of a country the report does not otherwise name.
    Where the report names countries (by name, region or dateline), other towns alone do not
    vouch for one more: "Guadalupe, Los Alpes and San Patricio neighborhoods" in a report about
    San Salvador are not three Mexican towns backing each other up."""
    if not countries or p.feature not in {"city", "admin2", "admin1"} or (p.country or "") in named:
        return False
    if countries[p.country or ""] and not named:
        return False
    if not p.primary:
        return True  # a foreign city by one of its other names ("Para" for Belém) needs its country named
    return p.feature != "city" or p.population < (_FOREIGN_TOWN_OFF_DESK if hint else _FOREIGN_SMALL_TOWN)


def _context(
    mentions: list[_Mention], keys: list[str], exclude: _Mention, hint: str | None = None
) -> tuple[Counter[str], set[tuple[str, str]], frozenset[str], set[tuple[str, str]]]:
    """Countries and regions the other mentions (``keys``: their folded names) point to, the
    countries named outright (by a country or region mention, the dateline or the desk), and
    the regions of the districts they name ("Shawal, North Waziristan" names the tribal areas,
    so no Punjabi town is Shawal respelled)."""
    countries: Counter[str] = Counter({hint: 2} if hint else {})
    regions: set[tuple[str, str]] = set()
    district_regions: set[tuple[str, str]] = set()
    named: set[str] = {hint} if hint else set()
    own = fold(exclude.text)
    for m, key in zip(mentions, keys, strict=True):
        if m is exclude or m.choice is None or key == own or m.choice in exclude.candidates:
            continue  # a name does not vouch for itself ("Tirah" and "Tirah Valley")
        p = m.choice
        if p.country:
            weight = 3 if m.method == "dateline" else 2 if p.feature in {"country", "admin1"} else 1
            countries[p.country] += weight
            if weight > 1:
                named.add(p.country)
        if p.feature in {"admin1", "admin2"} and p.admin1 and p.country:
            (regions if p.feature == "admin1" else district_regions).add((p.country, p.admin1))
    return countries, regions, frozenset(named), district_regions


def _fits_named_regions(p: Place, regions: set[tuple[str, str]]) -> bool:
    """A place lies in one of the first-level regions the report names in its country (or
    the report names none there); a region ACLED splits fits its parts (Shan, Shan-North)."""
    named = {r for c, r in regions if c == p.country}
    a = p.admin1 or ""
    return not named or any(a == r or a.startswith(r + "-") or r.startswith(a + "-") for r in named)


def _nearby(p: Place, others: list[Place]) -> float:
    """Of two namesakes in one region, the one near the other places the report names
    ("Sanchaung township (Yangon-West district, Yangon region)" is the one in Yangon city)."""
    if p.lat is None or p.lon is None:
        return 0.0
    return _NEARBY_BONUS if any(km(p.lat, p.lon, q.lat, q.lon) <= _NEARBY_KM for q in others) else 0.0  # type: ignore[arg-type]


def _in_context(p: Place, countries: Counter[str], regions: set[tuple[str, str]]) -> float:
    s = score(p)
    if p.country and countries[p.country]:
        # a country the report names once beside one it names throughout lends little weight:
        # "San Francisco neighborhood" in a report of a dozen Salvadoran places is Salvadoran
        share = countries[p.country] / max(countries.values())
        s += min(_MAX_COUNTRY_BONUS, 2.0 * math.log2(1 + countries[p.country])) * share
    if p.country and p.admin1 and (p.country, p.admin1) in regions and p.feature != "admin1":
        s += 4.0
    return s


def _foreign_town_before(text: str, m: _Mention, home: str | None, words_after: re.Pattern[str]) -> bool:
    """A town of another country than the report's, named right before one of ``words_after``
    and not after a locative (the dateline and "<Name> district" are the report's own words)."""
    return (home is not None and m.choice is not None and m.choice.country not in (None, home)
            and m.method not in {"dateline", "suffix"} and words_after.match(text, m.end) is not None
            and not _after_locative(text, m.start))


def _person_names(doc: Document, desk: frozenset[str]) -> frozenset[tuple[str, ...]]:
    """The folded words of each person the NER names in two words or more, unless it is no
    one's name: a place the tagger took for a person ("Rahim Yar Khan", "District Shikarpur")
    or a body ("the Nay Pyi Taw PDF")."""
    if doc.nlp is None:
        return frozenset()
    words = place_words()
    place_word = words["area_suffixes"] | words["region_suffixes"] | words["settlement_words"]
    return frozenset(
        name for ent in doc.nlp.ents
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[0].lower_ != "the"
        and not any(t.is_upper and len(t) > 1 for t in ent)
        and not (set(name := tuple(fold(t.text) for t in ent)) & place_word)
        and not _lookup(ent.text, desk) and not _lookup(_DESIGNATOR.sub("", ent.text), desk)
    )


def _part_of_person_name(text: str, m: _Mention, people: frozenset[tuple[str, ...]]) -> bool:
    """A name that is part of a person's the report gives in full is that person, not a
    town: "Duarte" after "President Jose Napoleon Duarte", "Ignacio" of "Ignacio Ellacuria",
    unless a word that only introduces places comes right before it ("in Duarte") or it
    names a country or province ("Punjab" is not read as a surname)."""
    if m.method in {"dateline", "suffix"} or (m.choice is not None and m.choice.feature in {"country", "admin1"}) \
            or _after_locative(text, m.start, _PLACE_ONLY_LOCATIVE):
        return False
    words = tuple(fold(w) for w in m.text.split())
    n = len(words)
    return any(n < len(name) and any(name[i : i + n] == words for i in range(len(name) - n + 1)) for name in people)


def _possessor(text: str, start: int) -> tuple[Place, ...] | None:
    """The regions or countries a name in the possessive right before ``start`` names
    ("Balochistan's ", "Khyber Pakhtunkhwa's "), or None when no such name is there."""
    m = _POSSESSOR.search(text, max(0, start - _POSSESSOR_REACH), start)
    if m is None:
        return None
    areas = tuple(p for p in get_gazetteer().candidates(m.group(1)) if p.feature in {"admin1", "country"})
    return areas or None


def _lies_in(p: Place, areas: tuple[Place, ...]) -> bool:
    return any(p.country == a.country and (a.feature == "country" or p.admin1 == a.admin1) for a in areas)


def _after_locative(text: str, start: int, words: re.Pattern[str] = _LOCATIVE) -> bool:
    """Whether a locative word ("in", "near", "outside"; one of ``words``) comes right before ``start``."""
    return words.search(text[max(0, start - _LOCATIVE_REACH) : start]) is not None


def _after_place(text: str, start: int) -> bool:
    """Whether ``start`` follows a place a locative word introduced and a comma ("in Pir Koh, |")."""
    return _IN_PLACE_THEN.search(text[max(0, start - _IN_PLACE_REACH) : start]) is not None


def _plausible_unresolved(doc: Document, m: _Mention) -> bool:
    """An entity the gazetteer does not know is kept (a village, a market) when a locative
    word introduces it ("near Mir Ali") and it is no actor's mention, or an area word follows
    it ("Momand Agency", which the NER may make an organisation); not when it is too short
    to be a name ("X."), written in lower case, an abbreviation given in parentheses, or used
    as a modifier ("Baloch activists")."""
    if m.method in {"gazetteer", "ner:org", "locative"} or sum(c.isalpha() for c in m.text) < 3 or not m.text[0].isupper():
        return False
    if re.search(r"\(\s*" + re.escape(m.text) + r"\s*\)", doc.text):
        return False  # an abbreviation the report spells out: "... Registration Authority (Nadra)"
    if m.method == "suffix":
        return m.text[len(m.base):].strip().casefold() not in place_words()["region_suffixes"]
    if m.method not in {"dateline", "suffix"} and not _after_locative(doc.text, m.start):
        return False
    return doc.actor_at(m.start, m.end) is None


def _region_of(m: _Mention, date: str | None) -> tuple[str | None, str | None]:
    """(country, region) of a mention, its former region at ``date`` when merged away since."""
    p = m.choice
    country = p.country if p else historical_country(m.base or m.text)
    names = [m.text, m.base, *((p.name, p.seat or "") if p else ())]
    region = historical_admin1(names, country, date) or (p.admin1 if p and p.feature != "country" else None)
    return country, region


def _locations(mentions: list[_Mention], date: str | None) -> list[Location]:
    """One Location per place; a place in a region merged away since the report's date gets
    that region (an unresolved "X Agency" too, with its country)."""
    by_key: dict[object, Location] = {}
    for m in mentions:
        p = m.choice
        key: object = p.id if p else ("place", fold(m.text))
        loc = by_key.get(key)
        if loc is None:
            loc = (
                Location(p.name, p.feature, p.admin1, p.country, p.lat, p.lon, geonameid=p.geonameid)
                if p
                else Location(_settlement_name(m.text), "place", country=historical_country(m.base or m.text))
            )
            names = [m.text, m.base, *((p.name, p.seat or "") if p else ())]
            former = historical_admin1(names, loc.country, date)
            if former:
                loc.admin1 = former
            elif p is None and m.within is not None:
                loc.country, loc.admin1 = _region_of(m.within, date)
            by_key[key] = loc
        loc.mentions.append(Span(m.start, m.end, m.text))
        loc.provenance.append(
            Provenance("location", STAGE, _method(m), (0.8 * m.confidence if m.respelled else m.confidence) if p else 0.3,
                       m.start, m.end)
        )
    return list(by_key.values())


def _settlement_name(text: str) -> str:
    """An unresolved place's name without the word saying it is a village, canton or area."""
    head, _, last = text.rpartition(" ")
    return head if head and fold(last) in place_words()["settlement_words"] else text


def _method(m: _Mention) -> str:
    if m.choice is None:
        return f"{m.method}:unresolved"
    return f"{m.method}:respelled" if m.respelled else m.method
