"""Find actor mentions in a parsed report and merge them into one Actor per real-world actor.

Order of evidence, strongest first: the alias dictionary and ethnic phrases, then spaCy
entities (ORG, PERSON, NORP, and GPEs used as actors), then common nouns naming a generic
actor of the report's country, then descriptions ("the rights body") that corefer with a
named actor. Overlaps are settled by that order, then by length.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import Any

from ..records import Actor, Provenance, Span
from .countries import Country, countries, infer_country, place_country
from .lexicon import Entry, Lexicon, lexicon
from .matching import PatternInfo, actor_matcher

STAGE = "wirecoder.actors.v1"

#: Overlap priority of each method (higher wins).
PRIORITY = {"alias-dictionary": 5, "ethnic-phrase": 5, "ner": 3, "generic-noun": 2, "description-coref": 1}
#: Confidence of a mention by method (generic nouns carry their own, from ``generic.yaml``).
CONFIDENCE = {"alias-dictionary": 0.9, "ethnic-phrase": 0.7, "ner": 0.6, "acronym": 0.85, "description-coref": 0.6,
              "linked-branch": 0.6}
CONF_NER, CONF_DESC = CONFIDENCE["ner"], CONFIDENCE["description-coref"]
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: Verb tags that make a GPE directly before them its subject ("the United States on Thursday condemned").
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Dependencies of a noun that is a participant rather than a modifier.
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "agent"})
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&-]{1,9}$")


@dataclass(slots=True)
class Mention:
    """One candidate mention: token span plus what it refers to."""

    start: int
    end: int
    name: str | None
    type: str
    country: str | None
    method: str
    confidence: float
    parent: str | None = None
    role: str | None = None
    #: descriptions (and definite generic nouns): the actor types they may refer to
    refers_to: tuple[str, ...] = ()

    @property
    def priority(self) -> int:
        return PRIORITY.get(self.method, 0)


def extract_actors(sp: Any, dateline_place: str | None = None, body_start: int = 0) -> tuple[list[Actor], str | None]:
    """Actors of one parsed report, and the ISO3 country the report is about."""
    lex = lexicon()
    matches = actor_matcher()(sp)
    # a state's forces and offices often act abroad ("AFRICOM said … strike near Jilib"): they
    # tell less of where a report is than non-state actors do
    aliased = [(lex.entries[lex.aliases[p[0]]], s, e) for (kind, p), s, e in matches if kind == "alias"]
    states = [(entry, s, e) for entry, s, e in aliased if entry.type in {"state_forces", "government"}]
    named = [entry.country for entry, _, _ in aliased if entry.type not in {"state_forces", "government"}]
    named += [lex.ethnic[e.text] for e in sp.ents if e.text in lex.ethnic]  # "Kachin", "Rohingya" point somewhere
    # the dateline counts once, as the dateline (not again as a place of the body); a country
    # inside a state's name ("The U.S. military") is the state's, counted with it
    gpes = [_strip_admin(e.text, lex) for e in sp.ents if e.label_ in ("GPE", "LOC") and e.start_char >= body_start
            and not any(s <= e.start and e.end <= t for _, s, t in states)]
    norps = [e.text for e in sp.ents if e.label_ == "NORP"]
    iso3 = infer_country(dateline_place, gpes, norps, [c for c in named if c],
                         [entry.country for entry, _, _ in states if entry.country])
    country = countries().by_iso3.get(iso3) if iso3 else None

    cands = _dictionary_mentions(sp, matches, lex, country) + _entity_mentions(sp, lex, country)
    cands = [m for m in cands if sp[m.start].idx >= body_start]
    chosen = _select(cands)
    chosen = _persons(sp, lex, chosen, country)
    chosen = _acronyms(sp, chosen)
    chosen = _linked_branches(sp, matches, lex, country, chosen)
    chosen = _named_group_members(chosen)
    chosen = _resolve_descriptions(chosen)
    return _assemble(sp, chosen), iso3


def _strip_admin(name: str, lex: Lexicon) -> str:
    """"Kachin State" -> "Kachin": the gazetteer knows subdivisions without their kind."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in lex.cues["admin_suffixes"]:
        return " ".join(words[:-1])
    return name


# --- candidates ---------------------------------------------------------------------------------------
def _dictionary_mentions(
    sp: Any, matches: list[tuple[PatternInfo, int, int]], lex: Lexicon, country: Country | None
) -> list[Mention]:
    out: list[Mention] = []
    named_sites: list[tuple[int, int]] | None = None  # built on first need: sp.ents makes new spans
    for (kind, payload), start, end in matches:
        if _linked(sp, end, lex):
            continue  # "the al Qaeda-linked group", "army-backed government": another actor
        if kind == "alias":
            e = lex.localized(lex.entries[lex.aliases[payload[0]]], payload[0], country.iso3 if country else None)
            m = _from_entry(e, start, end, "alias-dictionary")
            if sp[end - 1].lower_ == "embassy":
                m.end = _extend_over_place(sp, end)
            out.append(m)
        elif kind == "ethnic":
            group, typ, head = payload
            heads = lex.ethnic_heads[typ]
            singular = head[:-1] if head.endswith("s") and head[:-1] in heads else head
            conf = CONFIDENCE["ethnic-phrase"]
            out.append(Mention(start, end, f"{group} {singular}", typ, lex.ethnic[group], "ethnic-phrase", conf))
        elif kind == "generic":
            rule = lex.generic[int(payload[0])]
            if rule.type == "government" and start > 0 and sp[start - 1].lower_ in lex.cues["non_state_institutions"]:
                continue  # "church officials said": the church speaks, not the government
            if named_sites is None:
                named_sites = [(e.start, e.end) for e in sp.ents if _head_noun(e.text) in lex.facilities]
            if _inside_facility_name(sp, start, end, lex, named_sites):
                continue  # "the Government Girls Secondary School", "the Police Lines Hospital"
            definite = start > 0 and sp[start - 1].lower_ in DEFINITE
            out.append(
                Mention(
                    start,
                    end,
                    rule.actor_name(country),
                    rule.type,
                    country.iso3 if country else None,
                    "generic-noun",
                    rule.confidence,
                    refers_to=_description_types(lex, payload[1]) if definite else (),
                )
            )
        else:
            drule = lex.descriptions[int(payload[0])]
            first = _description_start(sp, start, lex)
            if drule.definite_only and sp[first].lower_ not in DEFINITE:
                continue
            out.append(
                Mention(first, end, None, drule.types[0], None, "description-coref", CONF_DESC, refers_to=drule.types)
            )
    return out


def _description_start(sp: Any, start: int, lex: Lexicon) -> int:
    """Where a description's phrase begins: back over its determiner and adjectives, and over
    a name it is linked to ("the al Qaeda-linked group")."""
    first = start
    while first > 0:
        if sp[first - 1].pos_ in ("DET", "ADJ") or sp[first - 1].dep_ == "amod":
            first -= 1
        elif first > 1 and sp[first - 1].text == "-" and sp[first].lower_ in lex.cues["link_words"]:
            first -= 1
            while first > 0 and (sp[first - 1].pos_ == "PROPN" or sp[first - 1].lower_ in ("al", "el")):
                first -= 1
        else:
            break
    return first


def _description_types(lex: Lexicon, noun: str) -> tuple[str, ...]:
    for rule in lex.descriptions:
        if noun.lower() in rule.heads:
            return rule.types
    return ()


def _from_entry(e: Entry, start: int, end: int, method: str) -> Mention:
    return Mention(start, end, e.name, e.type, e.country, method, CONFIDENCE[method], parent=e.parent)


def _extend_over_place(sp: Any, end: int) -> int:
    """"US Embassy in Islamabad": the embassy mention takes its place with it."""
    if end + 1 < len(sp) and sp[end].lower_ == "in" and sp[end + 1].ent_type_ == "GPE":
        k = end + 1
        while k < len(sp) and sp[k].ent_type_ == "GPE" and (k == end + 1 or sp[k].ent_iob_ == "I"):
            k += 1
        return k
    return end


def _entity_mentions(sp: Any, lex: Lexicon, country: Country | None) -> list[Mention]:
    out: list[Mention] = []
    doc_iso3 = country.iso3 if country else None
    for ent in sp.ents:
        start = ent.start + (1 if ent[0].lower_ == "the" and len(ent) > 1 else 0)
        text = sp[start : ent.end].text.rstrip(".")
        if not text or text in lex.ner_ignore or _photo_credit(sp, ent):
            continue
        title = _title_before(sp, lex, ent.end) if ent.label_ == "PERSON" else None
        if title is not None and title[1] <= start:
            continue  # only a title ("Brigadier General" before "Tukur Gusau"): its person comes next
        if _linked(sp, ent.end, lex):
            continue  # "the al Qaeda-linked group" is another group
        if ent.label_ in ("ORG", "PERSON") and ent.end < len(sp) and sp[ent.end].lower_ in lex.cues["group_heads"] \
                and not lex.lookup(text):
            named = f"{text} {sp[ent.end].text}"  # "the Gran Grif gang": a gang, not a person
            known = lex.lookup(named)
            out.append(_from_entry(known, start, ent.end + 1, "alias-dictionary") if known else
                       Mention(start, ent.end + 1, named, "armed_group", doc_iso3, "ner", CONF_NER))
            continue
        if ent.label_ == "ORG":
            if text.lower() in lex.generic_nouns:
                continue  # "Rangers", "Police" at a sentence start: the generic noun decides
            known = lex.lookup(text) or _local_police(lex, text, country)
            if known:
                out.append(_from_entry(known, start, ent.end, "alias-dictionary"))
            elif _named_place(sp, ent, lex):
                continue  # "the village of Djiguibombo": NER's organisation is a place
            else:
                typ = _org_type(lex, text)
                after_place_prep = ent.start > 0 and sp[ent.start - 1].lower_ in lex.cues["place_preps"]
                if (typ == "other" and (place_country(text) or after_place_prep)) or _head_noun(text) in lex.facilities:
                    continue  # a place or a site NER took for an organisation ("fled to Cucuta", "near Mbau")
                out.append(Mention(start, ent.end, text, typ, _org_country(lex, text) or doc_iso3, "ner", CONF_NER))
        elif ent.label_ == "PERSON":
            if _is_person(lex, text) and not _placed(sp, ent, lex):
                out.append(Mention(start, ent.end, text, "person", None, "ner", CONF_NER))
        elif ent.label_ == "NORP":
            root = ent.root
            forces = _forces_of(lex, text) if root.head.lemma_.lower() in lex.cues["weapon_heads"] \
                and root.dep_ in ("amod", "compound") else None
            if forces is not None:  # "a Russian missile", "an Israeli air strike": that state's military
                out.append(_from_entry(forces, start, ent.end, "alias-dictionary"))
            elif root.pos_ in ("NOUN", "PROPN") and root.dep_ in ACTING_DEPS and not _named_place(sp, ent, lex):
                iso = lex.ethnic.get(text) or countries().by_demonym.get(text) or doc_iso3
                out.append(Mention(start, ent.end, text, "ethnic_group", iso, "ner", CONF_NER - 0.1))
        elif ent.label_ == "GPE":
            iso = countries().by_name.get(text.lower())
            if iso and _acts(sp, ent, lex):
                gov = lex.entries.get(f"Government of {countries().by_iso3[iso].name}")
                if gov:
                    out.append(Mention(start, ent.end, gov.name, gov.type, iso, "ner", CONF_NER))
    return out


_CREDIT = re.compile(r"(?:photo(?:graph)?|picture|image)\s*:\s*$|handout", re.I)


def _photo_credit(sp: Any, ent: Any) -> bool:
    """A picture's credit line, no actor: "Photograph: Police National/Handout/EPA"."""
    before = sp[max(0, ent.start - 3) : ent.start].text_with_ws  # a few tokens: Doc.text would rebuild it all
    return bool(_CREDIT.search(before)) or "handout" in ent.text.lower()


def _inside_facility_name(sp: Any, start: int, end: int, lex: Lexicon, named_sites: list[tuple[int, int]]) -> bool:
    """The words open or lie inside a longer name of a building or site: one the NER found
    (``named_sites``: token spans), or capitalised words running on to a facility noun ("the
    Government Girls Secondary School")."""
    if any(s <= start and end <= e and e - s > end - start for s, e in named_sites):
        return True
    k = end
    while k < len(sp) and sp[k].is_title and k - end < 5:
        k += 1
    return k > end and sp[end - 1].is_title and sp[k - 1].lower_ in lex.facilities


def _forces_of(lex: Lexicon, demonym: str) -> Entry | None:
    """The military of the country a demonym names ("Russian" -> Military Forces of Russia)."""
    iso3 = countries().by_demonym.get(demonym)
    country = countries().by_iso3.get(iso3) if iso3 else None
    return lex.entries.get(f"Military Forces of {country.name}") if country else None


def _local_police(lex: Lexicon, text: str, country: Country | None) -> Entry | None:
    """A city's or province's police ("Karachi Police") is the country's police force."""
    if country is None:
        return None
    words = text.split()
    for n in (2, 1):
        head, place = " ".join(words[-n:]).lower(), " ".join(words[:-n])
        if len(words) > n and head in lex.cues["police_heads"] and place_country(place) == country.iso3:
            return lex.entries.get(f"Police Forces of {country.name}")
    return None


def _org_type(lex: Lexicon, text: str) -> str:
    words = text.lower().replace("-", " ").split()
    joined = " ".join(words)
    for typ, cues in lex.ner_rules:
        if any((" " in c and c in joined) or c in words for c in cues):
            return typ
    return "other"


def _org_country(lex: Lexicon, text: str) -> str | None:
    by_dem = countries().by_demonym
    for w in text.replace("-", " ").split():
        if w in lex.ethnic:
            return lex.ethnic[w]
        if w in by_dem:
            return by_dem[w]
        iso = countries().by_name.get(w.lower())
        if iso:
            return iso
    return None


def _head_noun(text: str) -> str:
    """"University for the Development of ..." -> "university"."""
    head = re.split(r"\s+(?:of|for)\s+", text, maxsplit=1)[0].split()
    return head[-1].lower() if head else ""


def _linked(sp: Any, end: int, lex: Lexicon) -> bool:
    """Whether the name ending at token ``end`` only qualifies another actor ("Qaeda-linked")."""
    return end + 1 < len(sp) and sp[end].text == "-" and sp[end + 1].lower_ in lex.cues["link_words"]


def _branch_named(sp: Any, end: int, lex: Lexicon) -> bool:
    """Whether the name ending at token ``end`` owns a branch: "the Islamic State's regional affiliate"."""
    return end + 1 < len(sp) and sp[end].lower_ in {"'s", "’s"} and any(
        t.lower_ in lex.cues["branch_words"] for t in sp[end + 1 : end + 3])


def _placed(sp: Any, ent: Any, lex: Lexicon) -> bool:
    """A "person" entity that reads as a place: after "in"/"between"..., or before "village"/"road"."""
    before = sp[ent.start - 1].lower_ if ent.start > 0 else ""
    after = {t.lower_ for t in sp[ent.end : ent.end + 2]}
    return before in lex.cues["place_preps"] or bool(after & lex.cues["place_nouns"]) or _named_place(sp, ent, lex)


def _named_place(sp: Any, ent: Any, lex: Lexicon) -> bool:
    """An entity a place noun names: "the village of Mayikengo", "the villages of Naquitengue and
    Nanduli", "Kairu, Dangulbi and Ruwan Tofa villages", "the Daraban area", "Maru local
    government area"."""
    k = ent.start
    while k > 1 and (sp[k - 1].lower_ in {",", "and", "or"} or sp[k - 1].ent_iob_ != "O" or sp[k - 1].is_title) \
            and sp[k - 1].lower_ != "of":
        k -= 1  # back over the names coordinated before it
    if k > 1 and sp[k - 1].lower_ == "of" and sp[k - 2].lower_ in lex.cues["place_nouns"]:
        return True
    j = ent.end
    while j < len(sp) and (sp[j].lower_ in {",", "and", "or"} or sp[j].ent_iob_ != "O" or sp[j].is_title):
        j += 1  # on over the names coordinated after it
    following = " ".join(t.lower_ for t in sp[j : j + 3])
    return j < len(sp) and sp[j].lower_ in lex.cues["place_nouns"] \
        or any(following.startswith(p) for p in lex.cues["place_phrases"])


def _is_person(lex: Lexicon, text: str) -> bool:
    """NER persons that are really places or communities ("Khyber Pakhtunkhwa", "Baloch") are not persons."""
    if not text[:1].isupper() or text in lex.ethnic or text in countries().by_demonym:
        return False
    return place_country(text) is None


def _acts(sp: Any, ent: Any, lex: Lexicon) -> bool:
    """Whether a GPE stands for its government here (subject, object of "urged", party to
    "with"/"against") rather than a place."""
    root = ent.root
    if root.dep_ in ("nsubj", "nsubjpass", "agent"):
        return True
    if root.dep_ == "pobj" and root.head.lower_ in lex.cues["party_preps"]:
        return True
    if root.dep_ == "dobj":
        return root.head.lemma_ not in lex.cues["place_verbs"]
    k = ent.end
    while k < len(sp) and (sp[k].ent_type_ in ("DATE", "TIME") or sp[k].pos_ == "ADV" or sp[k].lower_ == "on"):
        k += 1
    return k < len(sp) and sp[k].tag_ in FINITE


# --- selection ----------------------------------------------------------------------------------------
def _select(cands: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions: higher priority first, then longer, then earlier."""
    taken: set[int] = set()
    chosen: list[Mention] = []
    for m in sorted(cands, key=lambda m: (-m.priority, -(m.end - m.start), m.start)):
        span = set(range(m.start, m.end))
        if span & taken:
            continue
        taken |= span
        chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


# --- persons ------------------------------------------------------------------------------------------
def _persons(sp: Any, lex: Lexicon, chosen: list[Mention], country: Country | None) -> list[Mention]:
    """Give persons their role and country from a title before the name ("US President Donald Trump")
    or an appositive after it (", who is the head of ..."); drop mentions the title swallowed
    ("Pakistani Army" in "Pakistani Army Chief Asim Munir"); merge surnames with full names."""
    table = countries()
    text = sp.text  # built from the tokens on every access: once per document
    dropped: set[int] = set()
    full_names: list[Mention] = []
    for m in chosen:
        if m.type != "person":
            continue
        found = _title_before(sp, lex, m.start)
        if found:
            rule, t_start, title = found
            iso, org = None, None
            prev = t_start - 1
            if prev >= 0 and (sp[prev].text in table.by_demonym or sp[prev].text.lower() in table.by_name):
                iso = table.by_demonym.get(sp[prev].text) or table.by_name.get(sp[prev].text.lower())
            for other in chosen:
                if other is not m and other.type != "person" and other.start < m.start and other.end > t_start:
                    dropped.add(id(other))  # swallowed by the title
                elif other.type != "person" and other.end == t_start and other.name:
                    org = other
            if iso is None and org is not None and org.type in ("government", "state_forces"):
                iso = org.country
            if iso is None and org is None and country is not None and rule.state_office:
                iso = country.iso3  # "President Gustavo Petro" in a report from Colombia
            c = table.by_iso3.get(iso) if iso else None
            if c is not None:
                m.role = rule.role.format(name=c.name, short=c.short, title=title)
            elif org is not None and rule.role_org:
                m.role = rule.role_org.format(org=org.name.split(": ", 1)[-1], title=title)
                iso = org.country
            else:
                m.role = title
            m.country = iso or (org.country if org is not None else None)
        if m.role is None:
            end_char = sp[m.end - 1].idx + len(sp[m.end - 1].text)
            after = _appositive_role().match(text[end_char : end_char + _APPOSITIVE_CHARS])
            if after:
                m.role = after.group(1).strip()
        # surname after the full name: same person
        for full in full_names:
            if sp[m.start : m.end].text != full.name and full.name.endswith(" " + sp[m.start : m.end].text):
                m.name, m.role, m.country = full.name, full.role, full.country
                break
        else:
            full_names.append(m)
        if m.country is None and country is not None:
            m.country = country.iso3
    return [m for m in chosen if id(m) not in dropped]


#: How far past a name an appositive role is looked for (", who is the head of …").
_APPOSITIVE_CHARS = 300


@functools.lru_cache(maxsize=1)
def _appositive_role() -> re.Pattern[str]:
    """", who is the head of Daesh Khorasan," -> "head of Daesh Khorasan"."""
    lex = lexicon()
    heads = "|".join(re.escape(h) for h in sorted(lex.cues["appositive_heads"], key=len, reverse=True))
    return re.compile(rf"^,\s+(?:who\s+(?:is|was)\s+)?(?:the\s+|a\s+)?((?:{heads})\s+of\s+[^,.;:\"“”]+)")


def _title_before(sp: Any, lex: Lexicon, start: int) -> tuple[Any, int, str] | None:
    """(rule, first token, title text) of the longest title ending right before token ``start``."""
    if start == 0:
        return None
    best = None
    for rule, title, n in _titles_by_last_word(lex).get(sp[start - 1].lower_, ()):
        first = start - n
        if first < 0:
            continue
        written = sp[first:start].text
        if written == title or (n > 1 and written.lower() == title.lower()):
            if best is None or n > best[3]:
                best = (rule, first, written, n)
    return best[:3] if best else None


def _titles_by_last_word(lex: Lexicon) -> dict[str, list[tuple[Any, str, int]]]:
    """(rule, title, its word count) of every title, by its last word lower-cased: the word a
    name's title ends on is all a look-up needs to try. Built once per lexicon."""
    table = _TITLE_INDEX.get(id(lex))
    if table is None:
        table = {}
        for rule in lex.titles:
            for title in rule.titles:
                words = title.split()
                table.setdefault(words[-1].lower(), []).append((rule, title, len(words)))
        _TITLE_INDEX[id(lex)] = table
    return table


_TITLE_INDEX: dict[int, dict[str, list[tuple[Any, str, int]]]] = {}


# --- acronyms -----------------------------------------------------------------------------------------
def _acronyms(sp: Any, chosen: list[Mention]) -> list[Mention]:
    """"Baloch Voice for Justice (BVJ)": BVJ names the same actor wherever it appears."""
    defined: dict[str, Mention] = {}
    for m in chosen:
        e = m.end
        if m.name and m.type != "person" and e + 2 < len(sp) and sp[e].text == "(" and sp[e + 2].text == ")":
            if _ACRONYM.match(sp[e + 1].text) and sp[e + 1].text.upper() == sp[e + 1].text:
                defined.setdefault(sp[e + 1].text, m)
    if not defined:
        return chosen
    covered = {i for m in chosen for i in range(m.start, m.end)}
    out = []
    for m in chosen:
        head = defined.get(sp[m.start : m.end].text)
        if head is not None and m.name != head.name:  # the report's own definition beats the dictionary
            m = replace(head, start=m.start, end=m.end, method="acronym", confidence=CONFIDENCE["acronym"])
        out.append(m)
    for tok in sp:
        head = defined.get(tok.text)
        if head is not None and tok.i not in covered:
            out.append(replace(head, start=tok.i, end=tok.i + 1, method="acronym", confidence=CONFIDENCE["acronym"]))
    return sorted(out, key=lambda m: m.start)


def _linked_branches(
    sp: Any, matches: list[tuple[PatternInfo, int, int]], lex: Lexicon, country: Country | None, chosen: list[Mention]
) -> list[Mention]:
    """Fighters linked to an armed group that has a branch in the report's country, in words
    that name no group of their own ("Islamic State-linked insurgents beheaded …" in Mozambique),
    and the group's named affiliate ("the Islamic State's regional affiliate" in Afghanistan) are
    that branch, as ACLED codes an affiliate: Islamic State Mozambique Province."""
    if country is None:
        return chosen
    for (kind, payload), start, end in matches:
        if kind != "alias":
            continue
        parent = lex.entries[lex.aliases[payload[0]]]
        branch = next((e for e in lex.entries.values() if e.parent == parent.name and e.country == country.iso3), None)
        if parent.type != "armed_group" or branch is None:
            continue
        if _branch_named(sp, end, lex):
            for i, m in enumerate(chosen):
                if m.start == start and m.end == end:
                    chosen[i] = replace(m, name=branch.name, country=branch.country, parent=branch.parent,
                                        method="linked-branch", confidence=CONFIDENCE["linked-branch"])
            continue
        if not _linked(sp, end, lex):
            continue
        for i, m in enumerate(chosen):  # the noun phrase right after "<name>-linked"
            if m.method == "generic-noun" and m.type == "armed_group" and end + 2 <= m.end - 1 <= end + 4:
                chosen[i] = replace(m, name=branch.name, country=branch.country, parent=branch.parent,
                                    method="linked-branch", confidence=CONFIDENCE["linked-branch"], refers_to=())
    return chosen


def _named_group_members(chosen: list[Mention]) -> list[Mention]:
    """A generic noun of fighters right after a named group's name is that group ("ISWAP
    militants", "PKK fighters", "ADF rebels"), not an unidentified one beside it."""
    out: list[Mention] = []
    for m in chosen:
        prev = out[-1] if out else None
        if (prev is not None and m.method == "generic-noun" and m.type == "armed_group" and prev.end == m.start
                and prev.type == "armed_group" and prev.method != "generic-noun" and prev.name):
            out[-1] = replace(prev, end=m.end)
            continue
        out.append(m)
    return out


# --- descriptions -------------------------------------------------------------------------------------
def _resolve_descriptions(chosen: list[Mention]) -> list[Mention]:
    """Descriptions take the nearest named actor of their type before them, else the first after
    (cataphora: "A leading rights group ... Baloch Voice for Justice"). Unresolved descriptions are
    not actors; unresolved definite common nouns ("the militants") stay generic actors."""
    named = [m for m in chosen if m.method not in ("description-coref", "generic-noun") and m.name]
    out = []
    for m in chosen:
        if not m.refers_to:
            out.append(m)
            continue
        fits = [n for n in named if n.type in m.refers_to]
        before = [n for n in fits if n.end <= m.start]
        target = before[-1] if before else next((n for n in fits if n.start >= m.end), None)
        if target is not None:
            out.append(replace(target, start=m.start, end=m.end, method="description-coref", confidence=CONF_DESC, role=None))
        elif m.method == "generic-noun":
            out.append(replace(m, refers_to=()))
    return out


# --- assembly -----------------------------------------------------------------------------------------
def _assemble(sp: Any, chosen: list[Mention]) -> list[Actor]:
    """One Actor per canonical name, mentions in text order, ordered by first mention."""
    actors: dict[str, Actor] = {}
    full = sp.text  # built from the tokens on every access: once per document
    for m in chosen:
        assert m.name is not None
        start, end = sp[m.start].idx, sp[m.end - 1].idx + len(sp[m.end - 1].text)
        text = full[start:end]
        actor = actors.get(m.name)
        if actor is None:
            actor = actors[m.name] = Actor(m.name, m.type, m.country, parent=m.parent, role=m.role)
        actor.country = actor.country or m.country
        actor.role = actor.role or m.role
        actor.mentions.append(Span(start, end, text))
        if text not in actor.aliases:
            actor.aliases.append(text)
        actor.provenance.append(Provenance("mentions", STAGE, m.method, m.confidence, start, end))
    return list(actors.values())
