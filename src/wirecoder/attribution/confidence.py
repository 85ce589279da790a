"""How firmly a report ties a perpetrator to an act: ``attribution_for``.

The events stage may call this for an event's perpetrator. The perpetrator's mentions are
all of them: the actor's resolved mentions, its name anywhere, and the short form in
brackets after it ("... Front (FMLN)"). The words around them decide (hedges.yaml):
responsibility claimed or admitted anywhere in a mention's sentence gives ``claimed``
(unless negated, "no group has claimed", or in a threat); suspicion, blame or accusation
within ``WINDOW`` characters of a mention gives ``alleged`` ("authorities said the X were
responsible" too); a denial of the act gives ``alleged`` as well (someone says it, the
accused says not); otherwise the reporter states it: ``reported``. A perpetrator heading
the speaker phrase of a statement telling of a violent act (not a threat, not a denial)
claims it. Being named inside another speaker's statement is not enough for ``alleged``:
on MUC-4 dev that rule lost more "reported as fact" keys than it won "suspected" ones.
The source is whoever the report quotes for it: the speaker of the statement the words
sit in, the subject of "blamed"/"accused", or the claimant itself."""

from __future__ import annotations

import functools
import re

from ..document import Document
from ..records import Actor, ActorRef, Statement
from .claims import names_abuse
from .lexicon import yaml_data

_FUTURE = re.compile(r"\b(will|would|shall|threat\w*)\b", re.I)
_NEGATED = re.compile(r"\b(?:no|not|neither|nor|never|yet to|without)\b[^.;]*$", re.I)
_ACRONYM = re.compile(r"(?:'s)?\s*[(\[]\s*([A-Z][A-Za-z]{1,9})\s*[)\]]")
#: Characters between a hedge word and a mention of the perpetrator (same sentence): the
#: hedge has to be about this actor, not another one in a long sentence.
WINDOW = 100
#: Mentions and speakers farther than this from the event are another story's (a long
#: text chunked into 100,000-character documents holds hundreds of reports).
REACH = 8000
#: A perpetrator speaks when named in the speaker phrase's head ("Members of the FARC
#: said"), not past an apposition ("an agency -- mouthpiece of the URNG -- says").
_APPOSITION = re.compile(r"--|—|,|\(")


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """One regex per hedge kind: its phrases as whole words, plus its ``<kind>_patterns``
    (regexes for phrases with a gap: "held X responsible")."""
    data = yaml_data("hedges.yaml")
    out = {}
    for key in ("claim", "suspicion", "denial", "violent_acts"):
        words = r"\b(?:" + "|".join(re.escape(w) for w in sorted(data[key], key=len, reverse=True)) + r")\b"
        out[key] = re.compile("|".join([words, *data.get(f"{key}_patterns", [])]), re.I)
    return out


@functools.cache
def _generic_blame() -> re.Pattern[str]:
    return re.compile("|".join(yaml_data("hedges.yaml")["generic_blame"]), re.I)


def tells_violence(text: str) -> bool:
    """Whether the words name a violent act (``hedges.yaml`` violent_acts: "attacked", "blew up")."""
    return bool(_patterns()["violent_acts"].search(text))


def blames_a_kind_of_act(text: str) -> bool:
    """Whether the sentence lays blame for a kind of act, not for the one told ("often blame
    criminal gangs for such kidnappings")."""
    return bool(_generic_blame().search(text))


_ACCUSING = re.compile(r"(?i)^(?:accus|blam)")


def _not_blame_for(doc: Document, hedge: re.Match[str], perp: Actor | None) -> bool:
    """The hedge lays no blame on the perpetrator for this act: blame for a kind of act, a
    rights allegation of its own ("accuse both the separatists and the army of atrocities"),
    or an accusation of someone else ("Separatists … accusing the government of …")."""
    sent = doc.text[slice(*_sentence(doc, hedge.start()))]
    if blames_a_kind_of_act(sent) or names_abuse(sent):
        return True
    if perp is None or doc.nlp is None:
        return False
    verb = doc.nlp.char_span(hedge.start(), hedge.end(), alignment_mode="expand")
    if verb is not None and verb.root.dep_ == "amod":  # "security forces killed two suspected militants"
        hedged = doc.actor_at(verb.root.head.idx, verb.root.head.idx + len(verb.root.head))
        return hedged is not None and hedged is not perp
    if not _ACCUSING.match(hedge.group()):
        return False
    accused = next((c for c in verb.root.children if c.dep_ == "dobj"), None) if verb is not None else None
    if accused is None:
        return False
    other = doc.actor_at(accused.left_edge.idx, accused.idx + len(accused))
    return other is not None and other is not perp


def _mentions(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) and every other mention of the same actor: resolved mentions, the same
    name anywhere, and the short form given in brackets after it ("... Front (FMLN)")."""
    spans = [(start, end)]
    actor = doc.actor_at(start, end)
    if actor is not None:
        spans += [(m.start, m.end) for m in actor.mentions]
    names = {doc.text[start:end].lower()}
    for s, e in list(spans):
        m = _ACRONYM.match(doc.text, e)
        if m:
            names.add(m.group(1).lower())
    low = doc.text.lower()
    for name in names:
        if len(name) > 2:  # other mentions by the same name, whether or not an actor was resolved
            spans += [(m.start(), m.end()) for m in re.finditer(r"\b" + re.escape(name) + r"\b", low)]
    return sorted(set(spans))


def _sentence(doc: Document, pos: int) -> tuple[int, int]:
    if doc.nlp is not None:
        tok = doc.nlp.char_span(pos, pos + 1, alignment_mode="expand")
        return (tok.sent.start_char, tok.sent.end_char) if tok is not None else (pos, pos)
    return doc.text.rfind(".", 0, pos) + 1, doc.text.find(".", pos) % (len(doc.text) + 1)


def _statement_at(doc: Document, pos: int) -> Statement | None:
    for st in doc.statements:
        if st.start <= pos < st.end:
            return st
    return None


def _blamer(doc: Document, sent: tuple[int, int]) -> ActorRef | None:
    """The subject of a blame/accuse verb in the sentence."""
    if doc.nlp is None:
        return None
    span = doc.nlp.char_span(sent[0], sent[1], alignment_mode="expand")
    for tok in span or []:
        if tok.lemma_.lower() in {"blame", "accuse", "attribute", "suspect", "charge"}:
            for c in tok.children:
                if c.dep_ in {"nsubj", "agent"}:
                    head = c if c.dep_ == "nsubj" else next((g for g in c.children if g.dep_ == "pobj"), None)
                    if head is not None:
                        actor = doc.actor_at(head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text))
                        if actor is not None:
                            return actor.ref()
    return None


def _unclaimed(text: str, lo: int, at: int) -> bool:
    """A claim phrase negated ("no group has claimed", "neither claimed nor denied") or in
    a threat ("will receive a strong response from our forces")."""
    return bool(_NEGATED.search(text, max(lo, at - 30), at) or _FUTURE.search(text, max(lo, at - 60), at))


def attribution_for(
    doc: Document, event_span: tuple[int, int] | None, perpetrator_span: tuple[int, int] | None
) -> tuple[str, ActorRef | None]:
    """(attribution, source) for the perpetrator of an event: claimed | alleged | reported | unknown."""
    if perpetrator_span is None:
        return "unknown", None
    pats = _patterns()
    spans = [perpetrator_span, *([event_span] if event_span else [])]
    reach = (min(s for s, _ in spans) - REACH, max(e for _, e in spans) + REACH)
    mentions = [(s, e) for s, e in _mentions(doc, *perpetrator_span) if s < reach[1] and e > reach[0]]
    perp = doc.actor_at(*perpetrator_span)
    for st in doc.statements:  # the perpetrator speaking of the act: a claim
        sp = st.speaker_span
        speaks = sp is not None and reach[0] < sp.end and sp.start < reach[1] and any(sp.start < e and s < sp.end and not _APPOSITION.search(doc.text, sp.start, s) for s, e in mentions)
        if speaks and st.act != "deny" and pats["violent_acts"].search(st.text) and not _FUTURE.search(st.text):
            return "claimed", st.speaker or (perp.ref() if perp else None)
    sents: list[tuple[int, int]] = []
    near: list[tuple[int, int]] = []
    for s, e in mentions + ([event_span] if event_span else []):
        lo, hi = _sentence(doc, s)
        sents += [(lo, hi)] if (lo, hi) not in sents else []
        near.append((max(lo, s - WINDOW), min(hi, e + WINDOW)))
    for kind in ("claim", "suspicion", "denial"):
        for lo, hi in sents if kind == "claim" else near:
            m = pats[kind].search(doc.text, lo, hi)
            while m is not None and kind == "claim" and _unclaimed(doc.text, lo, m.start()):
                m = pats[kind].search(doc.text, m.end(), hi)
            if m is None or (kind != "claim" and _not_blame_for(doc, m, perp)):
                continue
            st = _statement_at(doc, m.start())
            speaker = st.speaker if st is not None else None
            if kind == "claim":
                return "claimed", speaker or (perp.ref() if perp else None)
            return "alleged", _blamer(doc, _sentence(doc, m.start())) or speaker
    return "reported", None
