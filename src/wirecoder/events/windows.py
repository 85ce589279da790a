"""Event windows: which sentences of a report tell of one event.

A sentence opens or extends an event window when it carries a trigger cue outside a
quotation (quotes condemning an attack are not events), is not an accusation (an
allegation is never an event) and tells of something that happened (not a question, a
threat, a plan, a negated or future act). A toll sentence without a trigger ("Four soldiers were
killed") extends the open window. A new window opens at "in a separate incident", when
a specific cue of another kind of event comes with its own place or date, or when a
specific cue comes with a town far from every town of the open window ("a bomb went off
in Santiago … another exploded in Vina del Mar") or a day none of its dates is: ACLED's
unit is one type, one actor pair, one place, one day.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..attribution.speakers import dates_speech
from ..document import Document
from ..geo.distance import km
from ..records import Location
from .lexicon import Cue, attribution_cues, factuality, find_cues, starts_separate_event, taxonomy

#: Quotation mark pairs, taken in order so a short one ("Citicorp") never pairs its closing
#: mark with the next one's opening; only the long ones are quoted words.
_QUOTE = re.compile(r"[\"“«][^\"”»]*[\"”»]")
_QUOTE_MIN_CHARS = 15
_ACCUSING = re.compile(r"\b(?:alleged|alleges|alleging|accused|accuses|accusing|blamed|blames|claimed|claims)\b(?! responsibility)", re.I)
#: Generic cues too weak to open an event alone ("aimed at targeting", "violence").
_WEAK = re.compile(r"(?i)violence|targett?ed|firing|wounded|injured")
#: Places precise enough to tell two events apart (a region or country holds many towns).
_LOCAL_FEATURES = {"city", "admin2"}
#: Towns further apart than this are two event places (ACLED's own "same place" radius).
_OTHER_PLACE_KM = 25.0
#: Speech acts that react to an event ("condemned the killing") rather than tell of it.
_REACTIONS = frozenset({"condemn", "demand", "appeal", "praise"})
_CASUALTY = re.compile(r"\b(?:killed|killing|dead|died|deaths?|injured|wounded|lives|bodies|martyred|slain)\b", re.I)
#: A sentence that joins the open event with its toll alone: "A UN source put the toll at about 200."
_TOLL = re.compile(r"\btolls?\b", re.I)


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    cues: list[Cue]
    quoted: bool


@dataclass
class Window:
    """The sentences of one event (document offsets) and their trigger cues."""

    sentences: list[Sentence] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.sentences[0].start

    @property
    def end(self) -> int:
        return self.sentences[-1].end

    @property
    def cues(self) -> list[Cue]:
        return [c for s in self.sentences if not s.quoted for c in s.cues]

    @property
    def specific(self) -> list[Cue]:
        return [c for c in self.cues if c.specific]

    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    def groups(self) -> set[str]:
        tax = taxonomy()
        return {tax.coarse(c.sub_event_type) for c in self.specific if c.sub_event_type}


def quote_spans(doc: Document) -> list[tuple[int, int]]:
    """Quoted words: direct statements found by the statements stage, and any long
    quotation marks pair (so the rule holds when that stage found no speaker)."""
    spans = [(s.start, s.end) for s in doc.statements if s.kind == "direct"]
    spans += [(m.start(), m.end()) for m in _QUOTE.finditer(doc.text) if m.end() - m.start() - 2 >= _QUOTE_MIN_CHARS]
    return spans


def sentences(doc: Document) -> list[Sentence]:
    body = doc.scratch.get("body_start") or 0
    if doc.nlp is not None:
        bounds = [(s.start_char, s.end_char) for s in doc.nlp.sents]
    else:
        bounds = [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]?", doc.text)]
    quotes = quote_spans(doc)
    spans = [(a, b) for a, b in ((max(a, body), b) for a, b in bounds) if b > a and doc.text[a:b].strip()]
    out = []
    for (a, b), cues in zip(spans, _cues_by_sentence(doc.text, spans), strict=True):
        text = doc.text[a:b]
        in_quote = [any(qa <= c.start and c.end <= qb for qa, qb in quotes) for c in cues]
        quoted = bool(cues) and all(in_quote)
        out.append(Sentence(a, b, text, [c for c, q in zip(cues, in_quote, strict=True) if not q] or cues, quoted))
    return out


_WORD_CHAR = re.compile(r"[\w-]")


def _cues_by_sentence(text: str, spans: list[tuple[int, int]]) -> list[list[Cue]]:
    """The cues of each sentence span: the lexicon scans the text they cover once (a scan per
    sentence costs each pattern's overhead forty times a report), each cue going to the
    sentence it lies in. A sentence a cue runs out of, or whose edge cuts a word, is scanned
    alone, so every sentence gets exactly the cues a scan of its own text finds."""
    if not spans:
        return []
    whole = find_cues(text[spans[0][0] : spans[-1][1]], spans[0][0])
    starts = [a for a, _ in spans]
    out: list[list[Cue]] = [[] for _ in spans]
    alone = {i for i, (a, b) in enumerate(spans) if _cuts_word(text, a) or _cuts_word(text, b)}
    for c in whole:
        i = bisect.bisect_right(starts, c.start) - 1
        if i >= 0 and c.end <= spans[i][1]:
            out[i].append(c)
        else:  # across a sentence edge: every sentence it touches is read alone
            alone.update(j for j in range(max(i, 0), len(spans)) if spans[j][0] < c.end and spans[j][1] > c.start)
    for i in alone:
        a, b = spans[i]
        out[i] = find_cues(text[a:b], a)
    return out


def _cuts_word(text: str, at: int) -> bool:
    """Whether a sentence edge at ``at`` falls between two word characters (there a scan of
    the sentence alone and one of the whole text read the edge differently)."""
    return 0 < at < len(text) and bool(_WORD_CHAR.match(text, at - 1)) and bool(_WORD_CHAR.match(text, at))


def _is_trigger(sent: Sentence) -> bool:
    if sent.quoted or not sent.cues:
        return False
    if any(c.specific for c in sent.cues):
        return not _accusation_only(sent)
    violent = _CASUALTY.search(sent.text) or any(not _WEAK.fullmatch(c.text) for c in sent.cues)
    return bool(violent) and not _accusation_only(sent)


def _unreal(doc: Document, sent: Sentence) -> bool:
    """A sentence that tells of no event that happened: a question ("who are the other 15
    people killed?"), or one whose every trigger is a verb negated ("were not attacked"),
    under a modal ("those areas will be bombed"), wanted or threatened ("vowed to march"),
    or planned ("a plot to assassinate"). Words in ``factuality.yaml``."""
    if sent.text.rstrip().rstrip("\"”’'").endswith("?"):
        return True
    if doc.nlp is None or not sent.cues:
        return False
    return all(_unreal_cue(doc, c) for c in sent.cues)


def _unreal_cue(doc: Document, cue: Cue) -> bool:
    span = doc.nlp.char_span(cue.start, cue.end, alignment_mode="expand") if doc.nlp is not None else None
    if span is None or span.root.pos_ != "VERB":  # a noun ("the attack") can be the subject of anything
        return False
    verb, words = span.root, factuality()
    aux = {k.lower_ for k in verb.children if k.dep_ in ("aux", "auxpass")}
    return (any(k.dep_ == "neg" for k in verb.children)
            or (bool(aux & words.modal_auxiliaries) and not aux & words.perfect_auxiliaries)
            or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in words.intent_verbs)
            or (verb.dep_ in ("acl", "relcl") and verb.head.lemma_.lower() in words.plan_nouns))


def _cumulative(sent: Sentence) -> bool:
    """A sentence that counts over a span longer than an event's day ("has killed thousands of
    civilians over the past decade"): after an event, a running total or background, not more
    of it. Alone it may still tell an event ("protested for not being paid since October")."""
    return bool(factuality().cumulative_periods.search(sent.text))


def _reaction_only(doc: Document, sent: Sentence) -> bool:
    """A sentence whose every trigger and casualty word is the object of a reaction ("The
    party condemned the killing of the village head"): after an event, it adds none to it."""
    reactions = [(a.start, a.end) for a in doc.scratch.get("speech_acts", ()) if a.act in _REACTIONS]
    words = [c.start for c in sent.cues] + [sent.start + m.start() for m in _CASUALTY.finditer(sent.text)]
    return bool(reactions and words) and all(any(s <= w < e for s, e in reactions) for w in words)


def _accusation_only(sent: Sentence) -> bool:
    """A sentence whose trigger sits under an accusing verb ("X alleged that the army
    killed activists", "accused the army of abductions") tells an allegation, not an event."""
    first = min(c.start for c in sent.cues) - sent.start
    return bool(_ACCUSING.search(sent.text[:first]))


def _own_place_or_date(doc: Document, window: Window, sent: Sentence) -> bool:
    """Whether the sentence names a place or date of its own. A town inside the region an open
    window names, when it names no town, is not: "in Cauca province … near the town of Suarez"
    tells the same ambush closer; nor is a place the gazetteer cannot put anywhere ("in Maga town"),
    nor, when the window names only a country, a place of that country."""
    def places(a: int, b: int) -> list[Location]:
        return [loc for loc in doc.locations if any(a <= m.start < b for m in loc.mentions)]

    here = places(sent.start, sent.end)
    there = [p for s in window.sentences for p in places(s.start, s.end)]
    regions = {(p.country, p.name) for p in there if p.feature == "admin1"}
    nations = {p.country for p in there if p.feature == "country"}
    if regions and not any(p.feature in _LOCAL_FEATURES for p in there):
        new_place = any(p.lat is not None and (p.feature not in _LOCAL_FEATURES or (p.country, p.admin1) not in regions)
                        for p in here)
    elif nations and all(p.feature == "country" for p in there):
        # "ambushed a military patrol in the southern Philippines … in a village in Las Navas town":
        # a window that names only a country is being placed by a place of that country
        new_place = any(p.lat is not None and p.country not in nations for p in here)
    else:
        new_place = bool(here)
    dates = any(sent.start <= d.start < sent.end and d.kind == "date" for d in doc.dates)
    return new_place or dates


def _towns_in(doc: Document, start: int, end: int) -> list[Location]:
    return [loc for loc in doc.locations if loc.feature in _LOCAL_FEATURES and loc.lat is not None
            and any(start <= m.start < end for m in loc.mentions)]


def _days_in(doc: Document, start: int, end: int, acts_only: bool = False) -> set[str]:
    """The days ``doc.text[start:end]`` names; ``acts_only``: not a statement's day ("the health
    ministry said on Tuesday")."""
    return {d.value for d in doc.dates if start <= d.start < end and d.kind == "date" and d.time_precision == 1 and d.value
            and not (acts_only and dates_speech(doc, d))}


def _elsewhere_or_another_day(doc: Document, window: Window, sent: Sentence) -> bool:
    """The sentence's specific cue happens at towns all far from every town the open window
    names, or on days none of its dates is: another event. A window that names no town
    (or day) yet is only being placed (or dated)."""
    if not sent.cues or not any(c.specific for c in sent.cues):
        return False
    here = _towns_in(doc, sent.start, sent.end)
    there = [t for s in window.sentences for t in _towns_in(doc, s.start, s.end)]
    if here and there and all(
            km(a.lat, a.lon, b.lat, b.lon) > _OTHER_PLACE_KM for a in here for b in there):  # type: ignore[arg-type]
        return True
    # the sentence is of another day only by the days of its acts, not of its statement ("The
    # fighting pitted …, the ministry said on Tuesday"; "The military said on Wednesday that …")
    today = _days_in(doc, sent.start, sent.end, acts_only=True)
    before = {d for s in window.sentences for d in _days_in(doc, s.start, s.end)}
    return bool(today and before) and not today & before


def event_windows(doc: Document, sents: list[Sentence] | None = None) -> list[Window]:
    """Group the report's sentences (``sents``: ``sentences(doc)`` when the caller has them)
    into event windows, in text order."""
    windows: list[Window] = []
    current: Window | None = None
    for sent in sentences(doc) if sents is None else sents:
        if _unreal(doc, sent) or (current is not None and (_cumulative(sent) or _reaction_only(doc, sent))):
            continue  # nothing that happened ("will be bombed"); after an event, a running total or a reaction to it
        if _is_trigger(sent):
            if current is None:
                current = Window([sent])
                windows.append(current)
                continue
            groups = {taxonomy().coarse(c.sub_event_type) for c in sent.cues if c.sub_event_type}
            new_kind = bool(groups) and bool(current.groups()) and not (groups & current.groups())
            if (starts_separate_event(sent.text) or (new_kind and _own_place_or_date(doc, current, sent))
                    or _elsewhere_or_another_day(doc, current, sent)):
                current = Window([sent])
                windows.append(current)
            else:
                current.sentences.append(sent)
        elif current is not None and not sent.quoted and (_CASUALTY.search(sent.text) or _TOLL.search(sent.text)):
            current.sentences.append(sent)
    return windows


def whole_report(doc: Document) -> Window | None:
    """One window of every unquoted sentence: what the classifier reads when no cue
    opened a window (an event told in words the lexicon lacks)."""
    body = [s for s in sentences(doc) if not s.quoted]
    return Window(body) if body else None
