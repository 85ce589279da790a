"""How firmly a report ties a perpetrator to an act: ``attribution_for``.

The events stage calls this for an event's perpetrator. The words of the sentences that
name the perpetrator decide (hedges.yaml): responsibility claimed or admitted gives
``claimed``; suspicion, blame or accusation gives ``alleged``; a denial of the act gives
``alleged`` too (someone says it, the accused says not); otherwise the reporter states
it: ``reported``. A perpetrator who is itself the speaker of a statement telling of a violent
act (not a threat, not a denial) claims it. Being named inside another speaker's
statement is not enough for ``alleged``: on MUC-4 dev that rule lost more "reported as
fact" keys than it won "suspected" ones (0.60 against 0.64 accuracy). The source is whoever the
report quotes for it: the speaker of the statement the words sit in, the subject of
"blamed"/"accused", or the claimant itself.
"""

from __future__ import annotations

import functools
import re

from ..document import Document
from ..records import ActorRef, Statement
from .lexicon import yaml_data

_FUTURE = re.compile(r"\b(will|would|shall|threat\w*)\b", re.I)


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = yaml_data("hedges.yaml")
    return {
        key: re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(data[key], key=len, reverse=True)) + r")\b", re.I)
        for key in ("claim", "suspicion", "denial", "violent_acts")
    }


def _sentences(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences holding [start, end) and every other mention of the same actor."""
    spans = [(start, end)]
    actor = doc.actor_at(start, end)
    if actor is not None:
        spans += [(m.start, m.end) for m in actor.mentions]
    name = doc.text[start:end].lower()
    if len(name) > 2:  # other mentions by the same name, whether or not an actor was resolved
        spans += [(m.start(), m.end()) for m in re.finditer(re.escape(name), doc.text.lower())]
    out: list[tuple[int, int]] = []
    for s, _ in spans:
        if doc.nlp is not None:
            sent = doc.nlp.char_span(s, s + 1, alignment_mode="expand")
            bounds = (sent.sent.start_char, sent.sent.end_char) if sent is not None else (s, s)
        else:
            bounds = (doc.text.rfind(".", 0, s) + 1, doc.text.find(".", s) % (len(doc.text) + 1))
        if bounds not in out:
            out.append(bounds)
    return out


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


def attribution_for(
    doc: Document, event_span: tuple[int, int] | None, perpetrator_span: tuple[int, int] | None
) -> tuple[str, ActorRef | None]:
    """(attribution, source) for the perpetrator of an event: claimed | alleged | reported | unknown."""
    if perpetrator_span is None:
        return "unknown", None
    pats = _patterns()
    sents = _sentences(doc, *perpetrator_span)
    if event_span is not None:
        sents += [s for s in _sentences(doc, *event_span) if s not in sents]
    perp = doc.actor_at(*perpetrator_span)
    for st in doc.statements:  # the perpetrator speaking of the act: a claim
        sp = st.speaker_span
        speaks = sp is not None and sp.start < perpetrator_span[1] and perpetrator_span[0] < sp.end
        if speaks and st.act != "deny" and pats["violent_acts"].search(st.text) and not _FUTURE.search(st.text):
            return "claimed", st.speaker or (perp.ref() if perp else None)
    for kind in ("claim", "suspicion", "denial"):
        for sent in sents:
            m = pats[kind].search(doc.text, sent[0], sent[1])
            if m is None:
                continue
            st = _statement_at(doc, m.start())
            speaker = st.speaker if st is not None else None
            if kind == "claim":
                return "claimed", speaker or (perp.ref() if perp else None)
            return "alleged", _blamer(doc, sent) or speaker
    return "reported", None
