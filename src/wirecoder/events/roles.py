"""Who did it to whom, and on whose word: actor1/actor2 and the attribution of an event.

Roles come from spaCy's dependency parse around the trigger (subject or "by"-agent →
actor1; object, passive subject or "on/at/against" target → actor2), mapped onto the
actors stage's canonical actors with ``doc.actor_at``. The attribution follows the
report: a claim of responsibility (anywhere, even inside a quote: its speaker is the
source) gives ``claimed``; a blamed or suspected actor ``alleged``; plain narration
``reported``; no perpetrator ``unknown`` with ACLED's Unidentified Armed Group.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..actors import canonical_actor
from ..actors.lexicon import lexicon as actor_lexicon
from ..attribution.claims import names_abuse
from ..attribution.confidence import attribution_for, blames_a_kind_of_act, tells_violence
from ..attribution.lexicon import cue_lexicon
from ..document import Document
from ..records import Actor, ActorRef, Span
from .lexicon import attribution_cues, factuality
from .windows import Sentence, Window

_AGENT_TYPES = ("armed_group", "state_forces")
_TARGET_PREPS = {"on", "at", "against", "targeting", "targetting", "in"}
#: Verbs whose "with" names the other side: "M23 rebels clashed with Congolese troops".
_FIGHT_VERBS = {"clash", "fight", "battle", "engage", "skirmish"}
_PEOPLE = {"people", "persons"}
_SPEAKER_PRONOUNS = {"it", "they", "we"}
_UNIDENTIFIED = re.compile(r"(?i)(?:unidentified|unknown)\b")
_GENERIC_TYPES = {"state_forces", "armed_group", "civilians", "other", "government"}
#: ACLED's generic crowd actors ("Protesters (Kenya)"), actor1 of their own protest or riot.
_CROWDS = {"Protesters", "Rioters"}
#: "a landmine planted by (the) …": the agent of placing or firing the weapon (not of "a tower
#: operated by the military", its target).
_BY_AGENT = re.compile(r"\b(?:planted|laid|placed|set up|fired|launched|dropped|thrown|hurled|detonated|triggered|buried)"
                       r"\s+by\s+(?:the\s+)?(?:\w+\s+)?$", re.I)
_NOT_PERPETRATORS = {"civilians", "person", "media", "international_org", "civil_society"}


@dataclass
class Roles:
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    attribution: str = "unknown"
    attribution_source: str | None = None
    perpetrator_text: str | None = None
    target_text: str | None = None
    method: str = "none"
    evidence: list[Span] | None = None


def _span_actor(doc: Document, tok: Any) -> tuple[Actor, str] | None:
    """The canonical actor named by a token and its left modifiers ("a BNP meeting"), or by the
    "of" phrase after a noun of its people ("Members of the New People's Army")."""
    span = tok.doc[tok.left_edge.i : tok.i + 1]
    actor = doc.actor_at(span.start_char, span.end_char)
    if actor is None and tok.lower_ in _SPEAKER_PRONOUNS:
        actor = _speaking_party(doc, tok.idx)  # "An armed group said it had seized …": the speaker did
    if actor is None and tok.lower_ in actor_lexicon().cues["member_nouns"]:
        of = next((k for k in tok.children if k.dep_ == "prep" and k.lower_ == "of"), None)
        whose = next((k for k in of.children if k.dep_ == "pobj"), None) if of is not None else None
        if whose is not None:
            actor = doc.actor_at(whose.left_edge.idx, whose.idx + len(whose))
            span = tok.doc[tok.left_edge.i : whose.i + 1]
    if actor is None and tok.lower_ in _PEOPLE:
        # "killed at least 15 people, including children", "46 people, mostly women and children":
        # the people are who the "including" phrase or the apposition names
        inc = next((k for k in tok.children if k.dep_ == "prep" and k.lower_ == "including"), None)
        part = next((k for k in inc.children if k.dep_ == "pobj"), None) if inc is not None else None
        part = part or next((k for k in tok.children if k.dep_ == "appos"), None)
        found = next((a for a in (doc.actor_at(t.idx, t.idx + len(t)) for t in part.subtree) if a is not None), None) \
            if part is not None else None
        if found is not None and found.type == "civilians":
            actor, span = found, tok.doc[tok.left_edge.i : part.right_edge.i + 1]
    return (actor, span.text) if actor else None


def _speaking_party(doc: Document, pos: int) -> Actor | None:
    """The armed party whose statement holds ``pos``: the "it" of "X said it had seized the base"."""
    for st in doc.statements:
        if st.speaker is not None and st.start <= pos < st.end:
            actor = next((a for a in doc.actors if a.name == st.speaker.name), None)
            return actor if actor is not None and actor.type in _AGENT_TYPES else None
    return None


def _placed(doc: Document, actor: Actor, country: str | None) -> ActorRef:
    """The actor's reference; a generic actor the actors stage could not place in a
    country ("Military Forces") is placed in the event's country when that is known."""
    if actor.country is None and country and actor.type in _GENERIC_TYPES and actor.mentions:
        for m in actor.mentions:
            ref = canonical_actor(doc.text[m.start : m.end], country)
            if ref is not None:
                return ref
    return actor.ref()


def _dependency_roles(doc: Document, window: Window) -> tuple[tuple[Actor, str] | None, tuple[Actor, str] | None]:
    if doc.nlp is None or not window.cues:
        return None, None
    a1: tuple[Actor, str] | None = None
    a2: tuple[Actor, str] | None = None
    for cue in window.cues:
        span = doc.nlp.char_span(cue.start, cue.end, alignment_mode="expand")
        if span is None:
            continue
        tok = span.root
        verb = tok if tok.pos_ in {"VERB", "AUX"} else (tok.head if tok.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass"} else None)
        if verb is not None and verb.dep_ == "prep":
            verb = verb.head
        heads = [tok] + ([verb] if verb is not None and verb.i != tok.i else [])
        for head in (h for h in heads if not _speech_verb(h)):  # "the army said": a source, not a party
            if head.lemma_.lower() == "pit" and a1 is None:
                # "The fighting pitted the Radaa force against the 444 Brigade": the two sides
                side = next((c for c in head.children if c.dep_ == "dobj"), None)
                against = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "against"), None)
                other = next((g for g in against.children if g.dep_ == "pobj"), None) if against is not None else None
                a1 = _span_actor(doc, side) if side is not None else None
                a2 = (_span_actor(doc, other) if other is not None else None) or a2
                continue
            for child in head.children:
                if child.dep_ == "nsubj" and a1 is None:
                    a1 = _span_actor(doc, child)
                elif child.dep_ == "agent" and a1 is None:
                    obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    a1 = _span_actor(doc, obj) if obj is not None else None
                elif child.dep_ in {"compound", "poss", "amod"} and head is tok and a1 is None:
                    a1 = _span_actor(doc, child)  # "the TTP attack", "a Russian missile"
                elif child.dep_ == "prep" and child.lower_ == "between" and head is tok and tok.pos_ == "NOUN" \
                        and a1 is None:
                    # "Fighting between ELN guerrillas and dissidents of the former FARC": the two sides
                    first = next((g for g in child.children if g.dep_ == "pobj"), None)
                    second = next((g for g in first.children if g.dep_ == "conj"), None) if first is not None else None
                    a1 = _span_actor(doc, first) if first is not None else None
                    if a2 is None and second is not None:
                        a2 = _span_actor(doc, second)
                elif child.dep_ == "prep" and child.lower_ == "by" and head is tok and tok.pos_ == "NOUN" \
                        and a1 is None:
                    # "Shelling by the paramilitary Rapid Support Forces (RSF) …"
                    obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    a1 = _span_actor(doc, obj) if obj is not None else None
                elif child.dep_ in {"dobj", "nsubjpass", "npadvmod"} and a2 is None:
                    # npadvmod: the parse's reading of "hacked to death at least 22 villagers"
                    a2 = _span_actor(doc, child)
                elif child.dep_ == "prep" and a2 is None and (
                        child.lower_ in _TARGET_PREPS or child.lower_ == "with" and head.lemma_.lower() in _FIGHT_VERBS):
                    obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    found = _span_actor(doc, obj) if obj is not None else None
                    if found and found[0].type != "government":
                        a2 = found
        if a1 and a2:
            break
    if a1 and a2 and (a1[0] is a2[0] or a1[0].type == "armed_group" and _UNIDENTIFIED.match(a2[0].name)):
        a2 = None  # "Al Shabaab fighters stormed a hotel … Security forces killed all six attackers": the same side
    if a1 and a1[0].type in _NOT_PERPETRATORS:
        a1 = None  # "civilians were killed" parsed as a subject: a victim, not an agent
    return a1, a2


def _speech_verb(tok: Any) -> bool:
    return tok.pos_ == "VERB" and cue_lexicon().is_speech(tok.lemma_)


def _mentions_in(doc: Document, start: int, end: int) -> list[tuple[int, int, Actor]]:
    return sorted((m.start, m.end, a) for a in doc.actors for m in a.mentions if start <= m.start and m.end <= end)


def _claimant(doc: Document, sent: Sentence, cue_start: int, cue_end: int, after_only: bool = False) -> tuple[Actor, int, int] | None:
    """The group claiming: the nearest armed group before the cue ("X has since claimed
    responsibility"), else (or, ``after_only``, only) after it ("responsibility was claimed by X")."""
    mentions = _mentions_in(doc, sent.start, sent.end)
    before = [m for m in mentions if m[1] <= cue_start and m[2].type in _AGENT_TYPES and not after_only]
    if before:
        s, e, a = before[-1]
        return a, s, e
    after = [m for m in mentions if m[0] >= cue_end and m[2].type in _AGENT_TYPES]
    if after:
        s, e, a = after[0]
        return a, s, e
    return None


def _speaker_at(doc: Document, pos: int) -> str | None:
    """The speaker of the statement whose words or cue hold ``pos`` ("It blamed the group": the
    cue's speaker)."""
    for st in doc.statements:
        cue = st.cue_span
        if st.speaker is not None and (st.start <= pos < st.end or (cue is not None and cue.start <= pos < cue.end)):
            return st.speaker.name
    return None


def find_claims(doc: Document, sents: list[Sentence]) -> list[tuple[int, Actor, str | None, Span]]:
    """Claims of responsibility in the report: (position, claimant, source, evidence
    from the claimant's mention to the cue)."""
    cues = attribution_cues()
    out = []
    for sent in sents:
        if cues.no_claim.search(sent.text):
            continue
        for m in cues.claim.finditer(sent.text):
            a, b = sent.start + m.start(), sent.start + m.end()
            found = _claimant(doc, sent, a, b, after_only=m.group().lower().endswith(" by"))
            if found is None:
                continue
            actor, s, _ = found
            # told by a speaker ("…, that has since claimed responsibility," the embassy posted),
            # else by the reporter, and then the one who claims is the claimant itself
            out.append((a, actor, _speaker_at(doc, a) or actor.name, Span(s, b, doc.text[s:b])))
    return out


def _alleged(doc: Document, sents: list[Sentence], told_after: int | None = None,
             target: Actor | None = None, doer: Actor | None = None) -> tuple[Actor, str, str | None] | None:
    """An actor blamed or suspected in these sentences: (actor, words, who blames). A sentence
    from ``told_after`` on (after the event's window) that accuses of a rights abuse ("have
    accused soldiers of summary executions") makes an allegation of its own, not blame. The
    event's ``target`` is no suspect of it ("security forces killed two suspected militants"), and
    the ``doer`` the narration names blames no one for it ("The paramilitary force … blamed the
    Sudanese army for attacks on camps")."""
    found = [f for f in _blamed(doc, sents, told_after) if (target is None or f[0] is not target)
             and (doer is None or f[2] != doer.name)]  # the perpetrator blaming others is no blame on them
    # "Suspected jihadists killed 21 … It blamed the Islamic State in the Sahel": the group named
    # outranks the generic suspects
    named = [f for f in found if _UNIDENTIFIED.match(f[0].name) is None]
    return (named or found or [None])[0]


def _blamed(doc: Document, sents: list[Sentence], told_after: int | None) -> Iterator[tuple[Actor, str, str | None]]:
    """Each actor blamed or suspected in these sentences, in text order (see ``_alleged``)."""
    cues = attribution_cues()
    for sent in sents:
        if (told_after is not None and sent.start >= told_after
                and (names_abuse(sent.text) or factuality().cumulative_periods.search(sent.text))) \
                or blames_a_kind_of_act(sent.text):
            # a rights allegation of its own, blame for acts over a period ("accused … of revenge killings
            # since March"), or blame for a kind of act ("often blame … for such kidnappings")
            continue
        for m in cues.allege.finditer(sent.text):
            a, b = sent.start + m.start(), sent.start + m.end()
            if _names_the_held(doc, a, b):
                continue  # "security forces had arrested three suspects": the force is no suspect
            mentions = [x for x in _mentions_in(doc, sent.start, sent.end) if x[2].type not in _NOT_PERPETRATORS]
            right = [x for x in mentions if x[0] >= b and x[2].type in _AGENT_TYPES]
            verb = m.group().lower()
            if verb.startswith(("blam", "accus")) and right:
                # who blames is often a person or a body ("Defense Minister Ivan Velasquez blamed …")
                # (not the outlet told: "two witnesses told Reuters, blaming the military")
                blamers = [x for x in _mentions_in(doc, sent.start, sent.end) if x[1] <= a and x[2].type != "media"]
                blamer = _subject_actor(doc, a, b)
                source = blamer.name if blamer else blamers[-1][2].name if blamers else _speaker_at(doc, a)
                yield right[0][2], doc.text[right[0][0] : right[0][1]], source
                continue
            if _hedges_another_act(doc, a, b):
                continue  # "Police and military … allegedly found drugs at the scene": no blame for the bombing
            near = sorted([x for x in mentions if x[2].type in _AGENT_TYPES], key=lambda x: min(abs(x[0] - b), abs(x[1] - a)))
            if near and min(abs(near[0][0] - b), abs(near[0][1] - a)) < 60:
                yield near[0][2], doc.text[near[0][0] : near[0][1]], _speaker_at(doc, a)


def _subject_actor(doc: Document, start: int, end: int) -> Actor | None:
    """The actor that is the subject of the verb at [start, end), or of the verb it is joined
    to ("The paramilitary force has denied targeting civilians … and blamed the army")."""
    span = doc.nlp.char_span(start, end, alignment_mode="expand") if doc.nlp is not None else None
    verb = span.root if span is not None else None
    while verb is not None:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return doc.actor_at(subj.left_edge.idx, subj.idx + len(subj))
        verb = verb.head if verb.dep_ == "conj" and verb.head.i != verb.i else None
    return None


def _hedges_another_act(doc: Document, start: int, end: int) -> bool:
    """The cue is an adverb ("allegedly", "reportedly") on a verb that tells no violence: the
    hedge is about that act, not the event's."""
    span = doc.nlp.char_span(start, end, alignment_mode="expand") if doc.nlp is not None else None
    if span is None or span.root.pos_ != "ADV" or span.root.head.pos_ != "VERB":
        return False
    return not tells_violence(span.root.head.text)


def _names_the_held(doc: Document, start: int, end: int) -> bool:
    """The cue is the bare noun "suspect(s)": people held or sought, not blame laid on an actor
    ("arrested three suspects"). "TTP suspects", "suspected militants" and "police suspect the
    group" still blame."""
    if doc.nlp is None:
        return False
    span = doc.nlp.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    noun = span.root
    return noun.pos_ in {"NOUN", "PROPN"} and noun.lemma_.lower() == "suspect" \
        and not any(k.dep_ in {"compound", "amod", "nmod"} for k in noun.children)


def generic_actor(noun: str, country: str | None) -> ActorRef | None:
    """ACLED's generic actor of the report's country ("Protesters (Pakistan)")."""
    return canonical_actor(noun, country)


#: Generic actors named by the place of the event, whatever country the report is filed from,
#: and a noun that names each. Not protesters: a protest's place is often its grievance's
#: ("protests in several cities against the French magazine").
_PLACED_BY_EVENT = re.compile(r"^(?P<kind>Civilians|Unidentified Armed Group) \((?P<country>[^)]+)\)$")
_KIND_NOUN = {"Civilians": "civilians", "Unidentified Armed Group": "gunmen"}


def placed_at_event(ref: ActorRef | None, country: str | None) -> ActorRef | None:
    """A generic actor of the event's own country: "Civilians (Palestine)" for an air strike in
    Gaza City a Cairo-datelined report tells, not "Civilians (Egypt)"."""
    m = _PLACED_BY_EVENT.match(ref.name) if ref is not None and country else None
    if m is None:
        return ref
    return generic_actor(_KIND_NOUN[m.group("kind")], country) or ref


def assign_roles(
    doc: Document,
    window: Window,
    event_type: str | None,
    claims: list[tuple[int, Actor, str | None, Span]],
    country: str | None = None,
    after: list[Sentence] | None = None,
) -> Roles:
    """actor1, actor2 and the attribution of the event told in ``window``; ``country``
    (ISO3) places generic actors ("Protesters (Pakistan)"); ``after`` are the report's other
    sentences from the window's start to the next event, between its own and after them (where
    blame is often laid: "… the ministry said in a statement. It blamed the IS Sahel group …")."""
    a1, a2 = _dependency_roles(doc, window)
    roles = Roles()
    if a2:
        roles.actor2, roles.target_text = _placed(doc, a2[0], country), a2[1]
    if event_type in {"Protests", "Riots"}:
        generic = generic_actor("protesters" if event_type == "Protests" else "rioters", country)
        roles.actor1, roles.attribution, roles.method = generic, "reported", "protest-actor"
        roles.perpetrator_text = a1[1] if a1 else None
        if a1 and a1[0].type in {"state_forces", "armed_group"}:
            # "police fired tear gas at protesters", "Taliban fighters detained women who were protesting"
            roles.actor2, roles.target_text = _placed(doc, a1[0], country), a1[1]
        elif roles.actor2 is not None and roles.actor2.name.split(" (")[0] in _CROWDS:
            roles.actor2 = None  # "fired at protesters" read back as the target: the crowd is actor1
        return roles
    if claims:
        _, actor, source, span = claims[0]
        roles.actor1, roles.attribution, roles.attribution_source = actor.ref(), "claimed", source
        words = next((doc.text[m.start : m.end] for m in actor.mentions if m.start == span.start), span.text)
        roles.perpetrator_text, roles.method, roles.evidence = words, "claim-of-responsibility", [span]
        return roles
    alleged = _alleged(doc, sorted(window.sentences + (after or []), key=lambda s: s.start), told_after=window.end,
                       target=a2[0] if a2 else None, doer=a1[0] if a1 else None)
    if alleged:
        actor, words, source = alleged
        roles.actor1, roles.attribution, roles.attribution_source = _placed(doc, actor, country), "alleged", source
        roles.perpetrator_text, roles.method = words, "allegation-cue"
        return roles
    if a1 and a1[0].type not in {"government"}:
        roles.actor1, roles.perpetrator_text, roles.method = _placed(doc, a1[0], country), a1[1], "dependency"
        roles.attribution = "unknown" if _UNIDENTIFIED.match(roles.actor1.name) else "reported"
        _hedged(doc, window, a1[0], roles)
        return roles
    unidentified = attribution_cues().unidentified.search(window.text())
    fallback = _first_agent(doc, window, exclude=roles.actor2, remote=event_type == "Explosions/Remote violence")
    if fallback is not None:
        roles.actor1, roles.perpetrator_text = _placed(doc, fallback[0], country), fallback[1]
        roles.attribution, roles.method = "reported", "nearest-armed-actor"
        _hedged(doc, window, fallback[0], roles)
        return roles
    roles.actor1 = generic_actor("gunmen", country)
    roles.perpetrator_text = unidentified.group() if unidentified else None
    roles.attribution, roles.method = "unknown", "unidentified"
    return roles


def _hedged(doc: Document, window: Window, actor: Actor, roles: Roles) -> None:
    """A perpetrator the narration names may still be tied to the act only by a claim or a
    suspicion voiced elsewhere in the report ("the FMLN, which authorities blamed…"): ask
    the attribution package, which reads every mention of the actor."""
    span = next(((m.start, m.end) for m in actor.mentions if window.start <= m.start < window.end), None)
    if span is None or _UNIDENTIFIED.match(actor.name):
        return  # an unidentified perpetrator stays unknown, whatever other unknown men are suspected of
    label, source = attribution_for(doc, (window.start, window.end), span)
    if label in ("claimed", "alleged"):
        roles.attribution = label
        roles.attribution_source = source.name if source is not None else None
        roles.method += "+attribution-cue"


def _first_agent(doc: Document, window: Window, exclude: ActorRef | None, remote: bool = False) -> tuple[Actor, str] | None:
    """The first armed actor named in the window before its first trigger (a narrated
    perpetrator the parse missed: "TTP militants opened fire ..."), else the state forces
    named anywhere in it; for ``remote`` violence only one named as the agent ("a landmine
    planted by the military", "set up by the KIA"): a bomb that "exploded as police arrived"
    was no police act."""
    first = window.cues[0].start if window.cues else window.end
    named = [
        (s, e, actor) for s, e, actor in _mentions_in(doc, window.start, window.end)
        if actor.type in _AGENT_TYPES and (exclude is None or actor.name != exclude.name)
        and _UNIDENTIFIED.match(actor.name) is None
    ]
    before = [m for m in named if m[0] < first]
    # else an armed party named later ("militants were killed in a clash with security forces")
    laid = [m for m in named if _BY_AGENT.search(doc.text, max(0, m[0] - 40), m[0])]  # "a landmine set up by the KIA"
    later = laid if remote else [m for m in named if m[2].type == "state_forces"]
    pick = before[0] if before else (later[0] if later else None)
    return (pick[2], doc.text[pick[0] : pick[1]]) if pick else None
