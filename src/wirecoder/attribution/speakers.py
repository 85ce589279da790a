"""Who is speaking: a source span resolved to a canonical actor.

The actors stage resolves names and descriptions ("the rights body") to canonical
actors; here we add what only the attribution context knows: pronouns ("he said", "they
claimed") go to the last compatible speaker or actor before them, and an unknown proper
name becomes an actor of its own so the statement still has a speaker.
"""

from __future__ import annotations

import functools

from spacy.tokens import Span

from ..actors.lexicon import lexicon
from ..document import Document
from ..records import Actor, ActorRef, DateMention
from .lexicon import cue_lexicon

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i"})
GROUP_PRONOUNS = frozenset({"they", "it", "we", "them"})
#: Determiners that make a channel noun refer back to one already told of: "the statement said".
_BACK_REFERENCE = frozenset({"the", "this", "that", "its", "their", "his", "her"})


def _channel_back_reference(low: str) -> bool:
    """"the statement said", "its communique added": a message told of before speaks for its issuer."""
    words = low.split()
    return len(words) == 2 and words[0] in _BACK_REFERENCE and words[1] in cue_lexicon().channel_sources


def _compatible(pronoun: str, ref: ActorRef) -> bool:
    if pronoun in PERSON_PRONOUNS:
        return ref.type == "person"
    return ref.type != "person" or pronoun in {"we", "they"}


def _head_actor(doc: Document, span: Span | None) -> Actor | None:
    """The actor the source's head noun and its modifiers name: "The U.N. mission in Afghanistan"
    is the UN, whatever longer name its prepositional phrase holds."""
    if span is None:
        return None
    root = span.root
    return doc.actor_at(root.left_edge.idx, root.idx + len(root))


def _head_of_another_kind(span: Span | None, actor: Actor) -> bool:
    """The source's head noun describes an actor of another type than the one its modifier names:
    "Kenya's police watchdog" is no police (but "the U.N. mission" is the UN)."""
    if span is None or any(m.start <= span.root.idx < m.end for m in actor.mentions):
        return False
    types = _description_types(span.root.lemma_.lower())
    return types is not None and actor.type not in types


@functools.lru_cache(maxsize=4096)
def _description_types(phrase: str) -> tuple[str, ...] | None:
    """The actor types a description ending ``phrase`` may refer to ("watchdog", "an armed group")."""
    padded = " " + phrase
    return next((rule.types for rule in lexicon().descriptions
                 if any(padded.endswith(" " + head.lower()) for head in rule.heads)), None)


_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def _antecedent(doc: Document, start: int, end: int) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun stands for: "rebels" in "rebels, who say …"."""
    span = doc.nlp.char_span(start, end, alignment_mode="expand") if doc.nlp is not None else None
    if span is None or span.root.head.dep_ != "relcl":
        return None
    noun = span.root.head.head
    return noun.left_edge.idx, noun.idx + len(noun)


#: How far after an undefined description its name may come ("An armed group said … The MNDAA said").
_NAMED_WITHIN = 400


def _named_next(doc: Document, mention: str, end: int) -> Actor | None:
    """The actor an indefinite description that speaks names next: "An ethnic minority armed group
    said on Saturday it had seized … The Myanmar National Democratic Alliance Army (MNDAA) said …"."""
    words = mention.split()
    if not words or words[0] not in {"a", "an"}:
        return None
    types = _description_types(mention)
    if types is None:
        return None
    after = [(m.start, a) for a in doc.actors if a.type in types for m in a.mentions if end <= m.start < end + _NAMED_WITHIN]
    return min(after, key=lambda pair: pair[0])[1] if after else None


def resolve_speaker(
    doc: Document, start: int, end: int, previous: list[tuple[int, ActorRef]]
) -> tuple[ActorRef | None, str]:
    """The speaker of the source span [start, end) and how it was found.

    ``previous`` holds (offset, speaker) of the statements before this one, in order.
    """
    mention = doc.text[start:end].strip()
    low = mention.lower()
    if _channel_back_reference(low) and previous:
        return previous[-1][1], "channel:speaker"
    if low in PERSON_PRONOUNS | GROUP_PRONOUNS:
        for _, ref in reversed(previous):
            if _compatible(low, ref):
                return ref, "pronoun:speaker"
        best = None
        for actor in doc.actors:
            for m in actor.mentions:
                if m.end <= start and _compatible(low, actor.ref()) and (best is None or m.end > best[0]):
                    best = (m.end, actor.ref())
        return (best[1], "pronoun:actor") if best else (None, "pronoun:unresolved")
    if low in _RELATIVE_PRONOUNS:  # "Maoist rebels, who say they are fighting …": the rebels say
        start, end = _antecedent(doc, start, end) or (start, end)
    span = doc.nlp.char_span(start, end, alignment_mode="expand") if doc.nlp is not None else None
    actor = _head_actor(doc, span) or doc.actor_at(start, end)
    if actor is not None and not _head_of_another_kind(span, actor):
        return actor.ref(), "actor_at"
    named = _named_next(doc, low, end)
    if named is not None:
        return named.ref(), "description:next"
    if span is not None and span.root.pos_ == "PROPN":
        is_person = any(e.label_ == "PERSON" for e in span.ents)
        name = " ".join(t.text for t in span if t.pos_ == "PROPN") or mention
        return ActorRef(name, "person" if is_person else "other"), "proper_name"
    return None, "unresolved"


def dates_speech(doc: Document, d: DateMention, start: int = -1, end: int = -1) -> bool:
    """Whether the date modifies a speech verb (other than a trigger at ``doc.text[start:end]``):
    "the US on Thursday condemned the September 2 attack", "the ministry said on Tuesday". It
    dates the statement, not the act."""
    span = doc.nlp.char_span(d.start, d.end, alignment_mode="expand") if doc.nlp is not None else None
    if span is None:
        return False
    head = span.root.head
    while head.head.i != head.i and (head.pos_ == "ADP" or head.dep_ in {"nsubj", "nsubjpass"}):
        head = head.head  # "on Thursday" -> condemned; "Officials on Thursday" -> condemned
    if start <= head.idx < end:
        return False
    return cue_lexicon().is_speech(head.lemma_)
