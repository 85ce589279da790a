"""Where an event happened: the resolved place nearest to its trigger, with ACLED geo precision.

Called by the events stage. A town in the trigger's sentence wins (precision 1, or 2 after
"near"/"outside" or before "district"); a region alone gives precision 3 at its main town;
failing those, the previous two sentences, the next two (without a dateline), then the
dateline place.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from ..document import Document
from ..records import EventLocation, Location, Span
from .admin1 import named_subregion, split_parent
from .context import venue_after
from .gazetteer import get_gazetteer
from .names import fold

_NEAR_BEFORE = re.compile(
    r"\b(?:near|nearby|outside|close to|outskirts of|vicinity of|(?:kms?|kilomet(?:er|re)s?|miles) (?:from|of|away from))\s+(?:the\s+)?$",
    re.I,
)
_AREA_AFTER = re.compile(r"^\s+(?:district|area|region|tehsil|township|sub-division|subdivision|outskirts|countryside)\b", re.I)
_TIER = {"city": 0, "place": 0, "admin2": 1, "admin1": 2, "country": 3}
#: The words after a town's name say how wide the mention is: "Shwegu town (Shwegu Township,
#: Bhamo District, Kachin State)" names one place at four levels, the first the event's own.
#: A district named by its seat town resolves to that town but stands for the district;
#: "Bago-West" names the region; a road or route named after a town ("Pyay Road",
#: "Mandalay-Myitkyina railway") is no place of the event unless nothing better is named.
_ROUTE = 1.5
_WIDTH_AFTER = (
    (re.compile(r"^(?:-(?:north|south|east|west|central)|\s*\((?:north|south|east|west|central)\))?\s+(?:district|agency|division)\b",
                re.I), _TIER["admin2"]),  # "Yangon (South) District" too
    (re.compile(r"^(?:-(?:north|south|east|west|central))?\s+(?:province|state|region|governorate|department)\b", re.I), _TIER["admin1"]),
    (re.compile(r"^-(?:north|south|east|west|central)\b", re.I), _TIER["admin1"]),
    (re.compile(r"^-[A-Z][a-z]"), _ROUTE),
    (re.compile(r"^\s+(?:road|street|highway|motorway|route|avenue|railway|bypass|bridge|ward)\b", re.I), _ROUTE),
)
_AFTER_DISTRICT = re.compile(r"\b(?:district|division)\s*,\s*$", re.I)
#: A township or tehsil (an area named after its town) lies between a town and a district.
_TOWNSHIP = 0.5
_TOWN_AREA_AFTER = re.compile(r"\s+(?:town|township|tehsil|taluka|sub-?division)\b", re.I)
_CODED_AS = re.compile(r"\bcoded as\s+$", re.I)
_LOOKBACK_SENTENCES = 2
#: A report without a dateline may name the event's town only in the sentences after its trigger.
_LOOKAHEAD_SENTENCES = 2


def _sentences(doc: Document) -> list[tuple[int, int]]:
    if doc.nlp is not None:
        return [(s.start_char, s.end_char) for s in doc.nlp.sents]
    bounds, start = [], 0
    for m in re.finditer(r"[.!?]\s+|\n+", doc.text):
        bounds.append((start, m.end()))
        start = m.end()
    bounds.append((start, len(doc.text)))
    return bounds


def _precision(doc: Document, loc: Location, m: Span) -> int:
    if loc.feature in {"admin1", "country"}:
        return 3
    if loc.feature == "admin2":
        return 2  # a district: its main town
    near = _NEAR_BEFORE.search(doc.text[max(0, m.start - 40) : m.start])
    area = any(_AREA_AFTER.match(text) for text in _after_name(doc, m))
    return 2 if near or area or _width(doc, loc, m) > 0 else 1


def _width(doc: Document, loc: Location, m: Span) -> float:
    """How wide a place the mention names (0 a town … 3 a country), read from its feature and,
    for a town, the area word after it."""
    if _CODED_AS.search(doc.text[max(0, m.start - 12) : m.start]):
        return -1  # ACLED notes say which place they coded: "in Kachin State (coded as Myitkyina)"
    tier = _TIER.get(loc.feature, 1)
    if _in_actor_name(doc, m):
        return _ROUTE  # "the Pakokku PDF attacked ...": a group named after a town, not the event's place
    if loc.feature == "city" and loc.admin1 and fold(loc.name) == fold(loc.admin1) \
            and _AFTER_DISTRICT.search(doc.text[max(0, m.start - 14) : m.start]):
        return _TIER["admin1"]  # "(Monywa district, Sagaing)": the region, not its namesake city
    if loc.feature == "admin2" and any(_TOWN_AREA_AFTER.match(text) for text in _after_name(doc, m)):
        return _TOWNSHIP  # "Mogoke township (Pyinoolwin district, …)": narrower than the district
    if loc.feature not in {"city", "place"}:
        return tier
    region = loc.admin1 or ""
    if len(region) > m.end - m.start and fold(doc.text[m.start : m.start + len(region)]) == fold(region):
        return _TIER["admin1"]  # "Jammu" of "Jammu and Kashmir", split by the NER
    for text in _after_name(doc, m):
        width = next((w for pattern, w in _WIDTH_AFTER if pattern.match(text)), None)
        if width is not None:
            return width
    return tier


def _in_actor_name(doc: Document, m: Span) -> bool:
    """The mention names the actor right after it ("the Myaing PDF", the actor found as "PDF")."""
    return any(m.end < a.start and not doc.text[m.end : a.start].strip(" -") for actor in doc.actors for a in actor.mentions)


def _in_actor(doc: Document, m: Span) -> bool:
    """The mention opens an actor's mention, naming whose it is ("U.S. forces", "Pakistani troops")."""
    return any(a.start == m.start and m.end < a.end for actor in doc.actors for a in actor.mentions)


def _after_name(doc: Document, m: Span) -> tuple[str, str]:
    """The mention's own last word (it may carry its area word: "Bhamo District") and the
    text right after it."""
    own = doc.text[m.start : m.end]
    last = re.search(r"[\s-]+[^\s-]+$", own)
    return (own[last.start():] if last else ""), doc.text[m.end : m.end + 20]


def _as_event_location(loc: Location) -> EventLocation:
    return EventLocation(loc.name, loc.admin1, loc.country, loc.lat, loc.lon)


def event_location(doc: Document, start: int, end: int, about_from: int | None = None) -> tuple[EventLocation, int] | None:
    """``locate`` with the part of a region ACLED splits (Shan-North, Bago-West) made exact."""
    found = locate(doc, start, end, about_from)
    if found is not None:
        _split_region(doc, found[0])
    return found


def _split_region(doc: Document, loc: EventLocation) -> None:
    """A region ACLED splits takes the part the report names ("Pyay district, Bago-West"),
    else the part its place lies in by the gazetteer ("Muse District, Shan State" -> Muse)."""
    country = loc.country or doc.country_hint
    parent = split_parent(loc.admin1, country)
    if parent is None and loc.admin1 is not None:
        return
    named = named_subregion(doc.text, country, parent)
    if named:
        loc.admin1, loc.country = named, country
        return
    if parent is None or loc.admin1 != parent or not loc.name:
        return
    base = _AREA_WORDS.sub("", loc.name).strip()
    part = next((p.admin1 for p in get_gazetteer().lookup(base, country, parent)
                 if p.country == country and p.admin1 and p.admin1.startswith(parent + "-")), None)
    if part:
        loc.admin1 = part


_AREA_WORDS = re.compile(r"\s+(?:district|township|town|village|village tract|city|region|state)$", re.I)


def locate(doc: Document, start: int, end: int, about_from: int | None = None) -> tuple[EventLocation, int] | None:
    """The place of the event whose trigger spans ``doc.text[start:end]``, and its geo
    precision (1 place, 2 near/district, 3 region). None when the report names no usable place.
    ``about_from``: where the trigger's sentence starts telling what a protest is about; the
    places it names from there are the grievance's, left out when the sentence names a town
    before (a region alone is often the name of a party or a body: "Jeay Sindh Qaumi Mahaz").

    Order: a town in the trigger's sentence (not one people came "from" or went "to" when another is
    named; the town of a venue there first, "outside the Hyderabad press club", unless the
    sentence opens on its scene; then the nearest, those in the report's own country first;
    an unresolved place only when no resolved town is there, given the country of the
    sentence's region or of the report); a town in the two sentences before; in a report
    without a dateline, a town in the two sentences after; a town or district in the two
    sentences after that lies in the region the trigger's sentence names; a region of the trigger's
    sentence (at its main town's coordinates), else of the two sentences before when the
    dateline town lies outside it; the dateline town; in a report without a dateline, the one
    town (else the one region) it names anywhere; a country of the trigger's sentence (at its
    capital).
    """
    sents = _sentences(doc)
    idx = next((i for i, (a, b) in enumerate(sents) if a <= start < b), None)
    regions: list[tuple[Location, Span]] = []
    mentions = [(loc, m) for loc in doc.locations for m in loc.mentions if loc.feature != "country" or loc.lat is not None]

    def in_range(a: int, b: int) -> list[tuple[Location, Span]]:
        return [(loc, m) for loc, m in mentions if a <= m.start < b and not _is_dateline(loc, m)]

    home = home_country(doc)
    named_regions: list[Location] = []
    scene = _scene_start(doc, sents[idx][0]) if idx is not None else None

    def nearest(pairs: list[tuple[Location, Span]]) -> tuple[Location, Span] | None:
        if not pairs:
            return None
        return min(pairs, key=lambda p: (not _in_named_regions(p[0], named_regions), _told_from(doc, p[1]),
                                         _came_from(doc, p[1]), _possessive(doc, p[1]),
                                         scene is None and not _at_venue(doc, p[1]),
                                         _width(doc, *p), p[0].lat is None,
                                         bool(home and p[0].country and p[0].country != home),
                                         p[1].start != scene, abs(p[1].start - start)))  # fmt: skip

    if idx is not None:
        a, b = sents[idx]
        same = in_range(a, b)
        if about_from is not None and a <= about_from < b:
            told_before = [p for p in same if p[1].start < about_from]
            if any(p[0].feature in {"city", "admin2"} and p[0].lat is not None for p in told_before):
                same = told_before
        regions = [p for p in same if p[0].lat is not None]
        named_regions = _named_regions(doc, regions)
        towns = [p for p in same if p[0].feature in {"city", "place", "admin2"} and not _outside_address(doc, p, regions)]
        told = [p for p in towns if _told_from(doc, p[1])]
        if told and len(told) < len(same):  # "kidnapped in Colombia, according to sources in Caracas"
            towns = [p for p in towns if p not in told]
        best = nearest([p for p in towns if p[0].lat is not None]) or nearest(towns)
        if best:
            loc = _as_event_location(best[0])
            _region_by_address(loc, best[0], named_regions)
            if best[0].lat is None and loc.admin1 is None:
                # an unresolved village lies in the sentence's region ("the town of Pont-Sonde in Haiti's
                # Artibonite region"), else in the one the two sentences before name, or the report's country
                told = [p for p in in_range(sents[max(0, idx - _LOOKBACK_SENTENCES)][0], a) if p[0].lat is not None]
                fits = [[p for p in pairs if p[0].feature == "admin1" and loc.country in {p[0].country, None}]
                        for pairs in (regions, told)]
                area = nearest(fits[0] or fits[1]) or (None if loc.country else nearest(regions))
                loc.country = loc.country or (area[0].country if area else home)
                loc.admin1 = area[0].admin1 if area else None
            return loc, _precision(doc, *best)
        lo = sents[max(0, idx - _LOOKBACK_SENTENCES)][0]
        before = [
            p for p in in_range(lo, a)
            if p[0].feature in {"city", "admin2"} and p[0].lat is not None and _within(p[0], regions)
        ]
        if before:  # the narrowest, then the latest: "in Myaing township (Pakokku district, …)" is Myaing
            place, m = min(before, key=lambda p: (_width(doc, *p), -p[1].start))
            loc = _as_event_location(place)
            _region_by_address(loc, place, _named_regions(doc, [p for p in in_range(lo, a) if p[0].lat is not None]))
            return loc, _precision(doc, place, m)
        hi = sents[min(len(sents) - 1, idx + _LOOKAHEAD_SENTENCES)][1]
        if _dateline_location(doc) is None:  # a note that names the town next ("... nationwide. In Multan they ...")
            after = [p for p in in_range(b, hi) if p[0].feature == "city" and p[0].lat is not None and _within(p[0], regions)]
            if after:
                loc, m = min(after, key=lambda p: p[1].start)
                return _as_event_location(loc), _precision(doc, loc, m)
        named = [p for p in regions if p[0].feature == "admin1"]
        # "an air strike on a village in Sagaing region … The strike hit a school in Kanbalu township":
        # the next sentences place it in a town or township of the region the trigger's sentence names
        nations = {p[0].country for p in regions if p[0].feature == "country"} if not named else set()
        # … or, when it names only a country ("an attack on a military post in northern Burkina Faso …
        # The attack targeted the post at Tin-Akoff in Oudalan province"), one of that country
        inside = [p for p in in_range(b, hi) if p[0].feature in {"city", "admin2"} and p[0].lat is not None
                  and not _told_from(doc, p[1]) and not _came_from(doc, p[1])
                  and (_within(p[0], named) if named else p[0].country in nations)]
        if inside:
            place, m = min(inside, key=lambda p: (_width(doc, *p), p[1].start))
            return _as_event_location(place), _precision(doc, place, m)
        region = nearest([p for p in regions if p[0].feature == "admin1"])
        if region:
            return _as_event_location(region[0]), 3
        # "... killed by a mine in Morazan department. The incident took place near Perquin":
        # the region told just before, unless the dateline's town lies in it
        earlier = [p for p in in_range(lo, a) if p[0].feature == "admin1" and p[0].lat is not None]
        dateline = _dateline_location(doc)
        if earlier and (dateline is None or not _within(dateline, earlier)):
            loc, _ = max(earlier, key=lambda p: p[1].start)
            return _as_event_location(loc), 3
    dateline = _dateline_location(doc)
    if dateline is not None and _within(dateline, regions):
        return _as_event_location(dateline), 1
    if dateline is None and idx is not None:
        anywhere = _the_notes_place(doc, in_range(0, len(doc.text)), regions)
        if anywhere is not None:
            return anywhere
    # a country that only names a party ("U.S. forces carried out air strikes … in Somalia's
    # Puntland region") is not where it acted
    country = nearest([p for p in regions if not _in_actor(doc, p[1])] or regions)
    return (_as_event_location(country[0]), 3) if country else None


#: A sentence that opens on its place ("On 19 April 2021, in Mongping township (…), the
#: military fired … into positions in Kengtung township"; "In Quetta, gunmen …") sets the
#: scene there: of two places as wide, that one is the event's.
_SCENE_OPENING = re.compile(r"^\W*(?:(?:on|around|between|late on|early on)\s[^,]{1,40},\s*)?(?:in|at|near)\s+(?:the\s+)?$", re.I)


def _scene_start(doc: Document, sentence_start: int) -> int | None:
    """Offset of the place mention the sentence opens on, if it opens on one under its own
    spelling (a loose respelling is no surer than the place nearest the trigger)."""
    for loc in doc.locations:
        if any(p.method.endswith(":respelled") for p in loc.provenance):
            continue
        for m in loc.mentions:
            if sentence_start <= m.start and _SCENE_OPENING.match(doc.text[sentence_start:m.start]):
                return m.start
    return None


def _named_regions(doc: Document, pairs: list[tuple[Location, Span]]) -> list[Location]:
    """The regions among these mentions, and cities named as one by their own name
    ("(Sagaing district, Sagaing)", "Bago-West Region")."""
    return [loc if loc.feature == "admin1" else dataclasses.replace(loc, admin1=loc.name)
            for loc, m in pairs if loc.feature == "admin1"
            or (loc.feature == "city" and _width(doc, loc, m) == _TIER["admin1"])]


def _region_by_address(loc: EventLocation, place: Location, named_regions: list[Location]) -> None:
    """An area's region is only its nearest town's: the region its address names is surer."""
    named = [r.admin1 for r in named_regions if r.country == place.country]
    if place.feature == "admin2" and named and not any(_same_region(r, loc.admin1) for r in named):
        loc.admin1 = named[0]


def _the_notes_place(doc: Document, pairs: list[tuple[Location, Span]],
                     regions: list[tuple[Location, Span]]) -> tuple[EventLocation, int] | None:
    """A report without a dateline that names its place only far from the trigger ("… the
    hostages could not be rescued. The polio-team vehicle has been found in the mountains of
    Zhob"): the one town it names, else the one region, when it lies in the trigger sentence's
    country. Two different towns (or regions) leave the event unplaced."""
    for features in ({"city", "admin2"}, {"admin1"}):
        found = {loc.name: (loc, m) for loc, m in pairs
                 if loc.feature in features and loc.lat is not None and not _told_from(doc, m) and _within(loc, regions)}
        if len(found) == 1:
            loc, m = next(iter(found.values()))
            return _as_event_location(loc), _precision(doc, loc, m)
        if found:
            return None
    return None


#: "according to radio reports broadcast in Bogota", "officials said in Quetta": the place
#: the news came from, named in its attribution clause.
_TOLD_FROM = re.compile(
    r"\b(?:according to|reported|reports?|said|says|told|announced|broadcast|quoted)(?:\s+[\w'’-]+){0,4}?"
    r"\s+(?:in|from)\s+(?:the\s+)?$", re.I)


def _told_from(doc: Document, m: Span) -> bool:
    """Whether the mention names where the news was told, not where the event happened."""
    return bool(_TOLD_FROM.search(doc.text[max(0, m.start - 80) : m.start]))


_CAME_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$|\bfrom\s+[\w'’. -]{2,40}?\s+to\s+(?:the\s+)?$"
                        r"|\b(?:fled|flee|flees|fleeing|escaped|crossed|crossing)\s+(?:in)?to\s+(?:the\s+)?(?:neighbou?ring\s+)?"
                        r"(?:(?:city|town|village|capital|country|state|province)\s+of\s+)?$",
                        re.I)


def _came_from(doc: Document, m: Span) -> bool:
    """The mention says where people came from or went ("Protestors from Nankana Sahib
    protested … in Lahore", "the shifting of a college from Sukkur to Khairpur, in Sukkur",
    "thousands fled to neighboring Venezuela", "fled to the city of Cucuta"): another place of the sentence is the scene."""
    return bool(_CAME_FROM.search(doc.text[max(0, m.start - 60) : m.start]))


def _at_venue(doc: Document, m: Span) -> bool:
    """The mention names the town of a venue right after it ("the Hyderabad press club"):
    unless the sentence opens on its scene, that town is the event's, however wide."""
    return bool(venue_after().match(doc.text, m.end))


_POSSESSIVE = re.compile(r"['’]s?\b")


def _possessive(doc: Document, m: Span) -> bool:
    """A name in the possessive ("Panama's archbishop said …") says whose, not where: it ranks
    after the sentence's other places."""
    return _POSSESSIVE.match(doc.text, m.end) is not None


def home_country(doc: Document) -> str | None:
    """The report's own country: the dateline town's, else the most mentioned one, else the
    desk's (``Document.country_hint``)."""
    dateline = _dateline_location(doc)
    if dateline is not None:
        return dateline.country
    counts = Counter(loc.country for loc in doc.locations for _ in loc.mentions if loc.country)
    return counts.most_common(1)[0][0] if counts else doc.country_hint


def _in_named_regions(town: Location, regions: list[Location]) -> bool:
    """A town fits one of the first-level regions its sentence names in its country ("Ye-U
    township (Shwebo district, Sagaing region)" is not Ye in Mon State); a region ACLED splits
    fits its parts."""
    if town.feature == "admin2":
        return True  # an area's region is only its nearest town's; the address will correct it
    home = [r for r in regions if r.country == town.country]
    return not home or any(_same_region(r.admin1, town.admin1) for r in home)


def _same_region(named: str | None, found: str | None) -> bool:
    """Two first-level region names agree, or one is a part ACLED splits of the other."""
    a, b = named or "", found or ""
    return a == b or b.startswith(a + "-") or a.startswith(b + "-")


def _outside_address(doc: Document, town: tuple[Location, Span], regions: list[tuple[Location, Span]]) -> bool:
    """A resolved town is a namesake when the address that follows it names another region
    ("Pale township (Yinmarbin district, Sagaing region)"); a region named elsewhere in the
    sentence is often the topic ("a seminar in Karachi on the missing of Balochistan")."""
    loc, m = town
    if loc.lat is None:
        return False
    following = [r for r, rm in regions if r.feature == "admin1" and r.country == loc.country
                 and 0 < rm.start - m.end <= _ADDRESS_CHARS and _is_address(doc.text[m.end:rm.start], doc.text[rm.end:])]
    return bool(following) and not _in_named_regions(loc, following)  # an area fits any region


_ADDRESS_CHARS = 60
_ADDRESS_WORDS = frozenset("village tract town township district tehsil county division city area of in".split())
_REGION_STARTS_A_NAME = re.compile(r"[ -]+[A-Z](?!(?:egion|tate|rovince|ivision)\b)")


def _is_address(gap: str, rest: str) -> bool:
    """The words between a town and a region are an address (", Kawkareik District, " or
    " township (Yinmarbin district, ") and the region is not the start of a name ("the Sindh
    Police said")."""
    words = re.findall(r"[^\s,()]+", gap)
    return all(w[0].isupper() or w in _ADDRESS_WORDS for w in words) and not _REGION_STARTS_A_NAME.match(rest)


def _within(town: Location, areas: list[tuple[Location, Span]]) -> bool:
    """A town from outside the sentence fits when it lies in every region/country named there."""
    for area, _ in areas:
        if area.country != town.country or (area.feature == "admin1" and area.admin1 != town.admin1):
            return False
    return True


def _is_dateline(loc: Location, m: Span) -> bool:
    return any(p.method.startswith("dateline") and p.start == m.start for p in loc.provenance)


def _dateline_location(doc: Document) -> Location | None:
    for loc in doc.locations:
        if loc.lat is not None and loc.feature == "city" and any(p.method.startswith("dateline") for p in loc.provenance):
            return loc
    return None
