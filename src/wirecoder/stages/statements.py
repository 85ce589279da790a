"""Stage wirecoder.statements.v1: who said what, how, when, on which channel.

Attribution relations come from ``wirecoder.attribution.find_attributions`` (speech
cues only). Each becomes a Statement with its speaker resolved to a canonical actor, its
date from a date mention in the attribution clause, or, for a quotation whose clause has
none, from the same speaker's act just before it ("the United States on Thursday
condemned …" then "'…,' the US Embassy posted on X"). Speech acts on a noun ("condemned
the attack") are not statements; they are kept in ``doc.scratch["speech_acts"]`` and
lend their act and date to the quotation that follows them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..attribution.finder import SPEECH, Attribution, find_attributions
from ..attribution.lexicon import cue_lexicon
from ..attribution.speakers import resolve_speaker
from ..document import Document
from ..pipeline.registry import Stage, register_stage
from ..records import ActorRef, Provenance, Span, Statement

#: Acts of the content lexicon that name a statement act differently.
_ACT_NAMES = {"claim_responsibility": "claim"}
_THAT = re.compile(r"that\s+", re.I)
#: A source that says no one spoke: "No group has claimed responsibility" is the reporter's fact.
_NO_ONE = re.compile(r"(?:no|nobody|no one|none|neither)\b", re.I)
#: A speech verb negated or refused ("did not respond to a request for comment", "declined to
#: comment"): the reporter tells that the source said nothing.
_NEGATED_CUE = re.compile(r"\b(?:not|n't|never|declined|refused)\b", re.I)
_REFUSED_BEFORE = re.compile(r"\b(?:(?:did|does|do|would|could|has|have|had)\s*(?:not|n't)|never|(?:declined|refused|failed)(?:\s+to)?)\s*$", re.I)
#: A source's wish to stay anonymous ("the official, who asked not to be named") says nothing.
_ANONYMITY = re.compile(r"\s*(?:not\s+to\s+be\s+(?:named|identified|quoted)|anonymity)\b", re.I)


@dataclass(slots=True)
class SpeechAct:
    """A dated, typed act of speech by a speaker, statement or not."""

    speaker: ActorRef | None
    act: str
    date: str | None
    start: int
    end: int


def content_act(text: str) -> str | None:
    """The act the content's own words name ("we condemn", "must"), if any."""
    low = text.lower()
    for act, words in cue_lexicon().content_acts:
        if any(re.search(rf"\b{re.escape(w)}\b", low) for w in words):
            return _ACT_NAMES.get(act, act)
    return None


def clause_date(doc: Document, a: Attribution) -> str | None:
    """A date mention of the attribution clause, outside the reported content (and the
    wire header)."""
    if a.clause is None:
        return None
    lo = min(a.clause[0], a.cue[0]) if a.cue else a.clause[0]
    lo = max(lo, doc.scratch.get("body_start", 0))
    hi = max(a.clause[1], a.cue[1]) if a.cue else a.clause[1]
    for d in doc.dates:
        if lo <= d.start and d.end <= hi and d.value and d.kind == "date":
            if not any(s <= d.start < e for s, e in a.content):
                return d.value
    return None


def _drop_complementiser(text: str, a: Attribution) -> None:
    """'alleged that X': what was said is X (PolNeAR spans keep the 'that')."""
    m = _THAT.match(text, a.content[0][0])
    if m and m.end() < a.content[0][1]:
        a.content[0] = (m.end(), a.content[0][1])


def _named_first(doc: Document, start: int, cue: int) -> tuple[int, int] | None:
    """The first actor named between ``start`` (the body) and a cue in its sentence, the
    subject a lead opens on ("Beirut, Feb 10 (Reuters) Human Rights Watch accused … and called
    on …": the parse made "Beirut" the subject)."""
    bounds = next(((s.start_char, s.end_char) for s in doc.nlp.sents if s.start_char <= cue < s.end_char), None) \
        if doc.nlp is not None else None
    lo = max(start, bounds[0]) if bounds else start
    spans = [(m.start, m.end) for actor in doc.actors for m in actor.mentions if lo <= m.start and m.end <= cue]
    return min(spans) if spans else None


def _said_nothing(text: str, cue: tuple[int, int] | None) -> bool:
    """Whether the cue tells that its source made no statement ("did not respond", "declined to
    comment"): a negation in the cue, or a refusal right before it."""
    if cue is None:
        return False
    return bool(_NEGATED_CUE.search(text, cue[0], cue[1]) or _REFUSED_BEFORE.search(text[max(0, cue[0] - 24) : cue[0]]))


def _same_speaker(x: ActorRef | None, y: ActorRef | None) -> bool:
    return x is not None and y is not None and x.name == y.name


@register_stage("wirecoder.statements.v1")
class Statements(Stage):
    requires = ("doc.nlp",)
    assigns = ("doc.statements",)

    def __init__(self, tiers: tuple[str, ...] = SPEECH) -> None:
        self.tiers = tuple(tiers)

    def __call__(self, doc: Document) -> Document:
        body_start = doc.scratch.get("body_start", 0)
        previous: list[tuple[int, ActorRef]] = []
        acts: list[SpeechAct] = []
        statements: list[Statement] = []
        for a in find_attributions(doc.nlp, self.tiers):
            a.content = [(max(s, body_start), e) for s, e in a.content if e > body_start]
            if not a.content:
                continue  # inside the wire header
            if (a.source is not None and _NO_ONE.match(doc.text, a.source[0])) or _ANONYMITY.match(doc.text, a.content[0][0]) \
                    or _said_nothing(doc.text, a.cue):
                continue  # no one spoke, a source said nothing, or only asked to stay anonymous
            if a.source is not None and a.source[1] <= body_start and a.cue is not None:
                a.source = _named_first(doc, body_start, a.cue[0])  # the parse took the dateline for the subject
            if a.source is not None and a.source[1] > body_start:
                a.source = (max(a.source[0], body_start), a.source[1])
                speaker, how = resolve_speaker(doc, a.source[0], a.source[1], previous)
            else:
                speaker, how = None, "no source"
            date = clause_date(doc, a)
            if a.nominal:
                acts.append(SpeechAct(speaker, a.act, date, a.cue[0] if a.cue else a.start, a.end))
                continue
            if a.kind == "indirect":
                _drop_complementiser(doc.text, a)
            stmt = self._statement(doc, a, speaker, how, date, acts)
            statements.append(stmt)
            acts.append(SpeechAct(speaker, stmt.act or "state", stmt.date, a.start, a.end))
            if speaker is not None:
                previous.append((a.start, speaker))
        doc.statements = statements
        doc.scratch["speech_acts"] = acts
        return doc

    def _statement(
        self, doc: Document, a: Attribution, speaker: ActorRef | None, how: str, date: str | None, acts: list[SpeechAct]
    ) -> Statement:
        text = doc.text
        prov: list[Provenance] = []
        conf = a.confidence if speaker is not None else a.confidence * 0.8
        if a.source is not None:
            prov.append(Provenance("speaker", self.name, how, conf, a.source[0], a.source[1]))
        prov.append(Provenance("kind", self.name, a.method, a.confidence, a.start, a.end))
        act, act_how = a.act, "cue"
        own = content_act(" ".join(text[s:e] for s, e in a.content))
        prior = self._prior_act(doc, a, speaker, acts)
        if date is None and prior is not None and prior.date:
            date = prior.date
            prov.append(Provenance("date", self.name, "same speaker's preceding act", 0.7, prior.start, prior.end))
        elif date is not None:
            prov.append(Provenance("date", self.name, "attribution clause", 0.85, a.clause[0] if a.clause else None))
        if act == "state" and prior is not None and prior.act != "state":
            act, act_how = prior.act, "same speaker's preceding act"
        elif act == "state" and own:
            act, act_how = own, "content words"
        prov.append(Provenance("act", self.name, act_how, 0.7, a.cue[0] if a.cue else None, a.cue[1] if a.cue else None))
        joiner = lambda i: "\n\n" if "\n" in text[a.content[i - 1][1] : a.content[i][0]] else " "  # noqa: E731
        body = text[a.content[0][0] : a.content[0][1]]
        for i in range(1, len(a.content)):
            body += joiner(i) + text[a.content[i][0] : a.content[i][1]]
        evidence = [Span(s, e, text[s:e]) for s, e in a.content]
        if a.clause is not None:
            evidence.append(Span(a.clause[0], a.clause[1], text[a.clause[0] : a.clause[1]]))
        return Statement(
            speaker=speaker,
            speaker_mention=text[a.source[0] : a.source[1]] if a.source else None,
            kind=a.kind,
            cue=(text[a.cue[0] : a.cue[1]].lower() if a.method == "according_to" else text[a.cue[0] : a.cue[1]]) if a.cue else None,
            channel=a.channel,
            date=date,
            act=act,
            text=body,
            start=a.start,
            end=a.end,
            evidence=evidence,
            speaker_span=Span(a.source[0], a.source[1], text[a.source[0] : a.source[1]]) if a.source else None,
            cue_span=Span(a.cue[0], a.cue[1], text[a.cue[0] : a.cue[1]]) if a.cue else None,
            confidence=round(conf, 3),
            provenance=prov,
        )

    @staticmethod
    def _prior_act(doc: Document, a: Attribution, speaker: ActorRef | None, acts: list[SpeechAct]) -> SpeechAct | None:
        """The same speaker's act in the paragraph before a quotation (or earlier in its own)."""
        if a.kind != "direct" or not acts:
            return None
        last = acts[-1]
        gap = doc.text[last.end : a.start]
        if _same_speaker(last.speaker, speaker) and gap.count("\n\n") <= 1:
            return last
        return None
