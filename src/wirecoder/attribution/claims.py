"""Allegations and demands inside statements.

An allegation is an act from the lexicon (allegations.yaml) named inside what a speaker
said: "targeted killings of X", "the patronage of Y", "repression by Z". Its claimant is
the speaker; the accused come from the trigger's own slot ("by X", "patronage of X") or
else from the subject of its clause; a supporter named in the same clause as another act
("X, with the tacit support of Y, has been involved in killings") is co-accused of that
act rather than a separate allegation. A demand is a modal clause ("Washington must
reconsider …") or a demand cue ("urged X to …") whose subject or object is the addressee.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Token

from ..document import Document
from ..records import ActorRef, Allegation, Demand, Period, Provenance, Span, Statement
from .lexicon import yaml_data
from .speakers import GROUP_PRONOUNS, PERSON_PRONOUNS

STAGE = "wirecoder.allegations.v1"
#: Actor types that commit the acts of an allegation when the parse names no subject.
_DOERS = frozenset({"armed_group", "state_forces", "government", "political_party"})
_PREPS_BEFORE_PERIOD = ("for", "in", "since", "during", "over", "throughout")


@dataclass(frozen=True, slots=True)
class ActRule:
    act: str
    pattern: re.Pattern[str]
    accused_object: bool
    beneficiary_subject: bool
    beneficiary_object: bool
    victim_types: frozenset[str]
    victim_words: frozenset[str]
    #: the trigger is an act only as the charge of an accusation ("accused the army of killing …")
    when_accused: bool = False


@functools.cache
def act_rules() -> tuple[ActRule, ...]:
    rules = []
    for spec in yaml_data("allegations.yaml")["acts"]:
        words = sorted(spec["triggers"], key=len, reverse=True)
        rules.append(
            ActRule(
                act=spec["act"],
                pattern=re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.I),
                accused_object=spec.get("accused") == "object",
                beneficiary_subject=spec.get("beneficiary") == "subject",
                beneficiary_object=spec.get("beneficiary") == "object",
                victim_types=frozenset(spec.get("victim_types", [])),
                victim_words=frozenset(spec.get("victim_words", [])),
                when_accused=bool(spec.get("when_accused")),
            )
        )
    return tuple(rules)


@functools.cache
def _abuse_rules() -> tuple[ActRule, ...]:
    acts = set(yaml_data("allegations.yaml")["not_event_blame"])
    return tuple(rule for rule in act_rules() if rule.act in acts)


def names_abuse(text: str) -> bool:
    """Whether the text names a rights abuse whose accusation is an allegation of its own, not
    blame for an event told before it (``allegations.yaml`` ``not_event_blame``)."""
    return any(rule.pattern.search(text) for rule in _abuse_rules())


@functools.cache
def _hedges() -> tuple[str, ...]:
    return tuple(yaml_data("hedges.yaml")["allegation_hedges"])


# --- helpers over the parse ------------------------------------------------------------
def _tokens(doc: Document, start: int, end: int) -> list[Token]:
    span = doc.nlp.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _extent(tok: Token) -> tuple[int, int]:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)


def _actors_in(doc: Document, start: int, end: int) -> list[ActorRef]:
    """Actors mentioned inside [start, end), in text order, once each."""
    found: list[tuple[int, ActorRef]] = []
    for actor in doc.actors:
        for m in actor.mentions:
            if start <= m.start and m.end <= end:
                found.append((m.start, actor.ref()))
                break
    out: list[ActorRef] = []
    for _, ref in sorted(found, key=lambda x: x[0]):
        if ref not in out:
            out.append(ref)
    return out


def _np_actors(doc: Document, head: Token) -> list[ActorRef]:
    """Actors of a noun phrase and its conjuncts, without what follows the head (relative
    clauses, appositions: "Shafiq Mengal, who is the head of X," names Mengal only)."""
    heads = [head] + [c for c in head.conjuncts if c.i > head.i]
    for appos in [c for c in head.children if c.dep_ == "appos"]:  # "terror group Daesh and the Taliban"
        heads += [appos] + [c for c in appos.conjuncts if c.i > appos.i]
    out: list[ActorRef] = []
    for h in heads:
        # the head and its left modifiers: "the Pakistani Army", "terror group Daesh"
        for ref in _actors_in(doc, h.left_edge.idx, h.idx + len(h.text)):
            if ref not in out:
                out.append(ref)
    return out


def _clause_verb(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` that has a subject."""
    node = tok
    for _ in range(12):
        if node.pos_ in {"VERB", "AUX"} and any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _subject(verb: Token | None, after: int = 0) -> Token | None:
    """The first subject of the verb at or after offset ``after`` (the parse may hang the
    wire header on the first clause as a subject)."""
    if verb is None:
        return None
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.idx >= after), None)


def _slot_after(toks: list[Token], end: int, words: tuple[str, ...]) -> Token | None:
    """The object of the preposition that ends the trigger, or of the first ``words``
    preposition right after it ("killings of X", "repression by X")."""
    for t in toks:
        if t.idx >= end - 1 and t.dep_ in {"prep", "agent"} and t.lower_ in words:
            obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if obj is not None and t.idx - end < 3:
                return obj
        if t.idx >= end and t.lower_ in words:
            obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if obj is not None and t.idx - end < 3:
                return obj
    return None


# --- allegations --------------------------------------------------------------------------
def _period(doc: Document, sent: tuple[int, int]) -> Period | None:
    for d in doc.dates:
        if d.kind == "period" and sent[0] <= d.start and d.end <= sent[1]:
            before = doc.text[max(sent[0], d.start - 12) : d.start].split()
            text = d.text
            if before and before[-1].lower() in _PREPS_BEFORE_PERIOD:
                text = f"{before[-1]} {text}"
            return Period(d.period_start, d.period_end, text)
    return None


def _locations(doc: Document, sent: tuple[int, int]) -> list[str]:
    out: list[str] = []
    start = max(sent[0], doc.scratch.get("body_start", 0))  # the dateline is where the report was filed
    for loc in doc.locations:
        if loc.feature == "country":
            continue
        if any(start <= m.start and m.end <= sent[1] for m in loc.mentions) and loc.name not in out:
            out.append(loc.name)
    return out


def _hedge(doc: Document, st: Statement, sent: tuple[int, int]) -> str | None:
    low = doc.text[sent[0] : sent[1]].lower()
    for h in _hedges():
        if re.search(rf"\b{re.escape(h)}\b", low):
            return h
    if st.act in {"allege", "claim", "accuse", "deny"} and st.cue:
        return st.cue.lower()
    return None


@dataclass(slots=True)
class _Found:
    rule: ActRule
    start: int
    end: int
    verb: Token | None
    accused: list[ActorRef]
    victims: str | None
    beneficiary: list[ActorRef]
    sent: tuple[int, int]
    nominal: bool  # the trigger is a noun ("killings"), an act its clause's subject did


def _find_in(doc: Document, st: Statement, seg: tuple[int, int]) -> list[_Found]:
    found: list[_Found] = []
    text = doc.text
    taken: list[tuple[int, int]] = []
    for rule in act_rules():
        if rule.when_accused and st.act != "accuse":
            continue
        for m in rule.pattern.finditer(text, seg[0], seg[1]):
            if any(s < m.end() and m.start() < e for s, e in taken) or _in_a_name(doc, m.start(), m.end()):
                continue  # taken, or words of a name ("the Group for the Support of Islam and Muslims")
            toks = _tokens(doc, m.start(), m.end())
            if not toks:
                continue
            sent_span = toks[0].sent
            sent = (max(seg[0], sent_span.start_char), min(seg[1], sent_span.end_char))
            after = [t for t in sent_span if t.idx >= m.end() - 1]
            verb = _clause_verb(toks[-1])
            subj = _subject(verb, doc.scratch.get("body_start", 0))
            accused: list[ActorRef] = []
            beneficiary: list[ActorRef] = []
            victims: str | None = None
            if rule.accused_object:
                obj = _slot_after(after, m.end(), ("of", "by", "from", "with"))
                if obj is None and toks[-1].dep_ in {"prep", "agent"}:
                    obj = next((c for c in toks[-1].children if c.dep_ == "pobj"), None)
                accused = _np_actors(doc, obj) if obj is not None else []
                if subj is not None and rule.beneficiary_subject:
                    beneficiary = _np_actors(doc, subj)
            else:
                agent = _slot_after(after, m.end(), ("by",))
                if rule.beneficiary_object and st.act == "accuse":
                    accused = _accuse_object(doc, st)  # "accuse Rwanda of backing": Rwanda, not the accusers
                elif agent is not None:
                    accused = _np_actors(doc, agent)
                elif subj is not None and not any(subj.i == t.i for t in toks):
                    accused = _np_actors(doc, subj)
                victim = _slot_after(after, m.end(), ("of", "against", "on"))
                if victim is None:
                    victim = _gerund_object(toks[-1])
                if victim is None and toks[-1].pos_ == "VERB":
                    victim = next((c for c in toks[-1].children if c.dep_ == "dobj"), None)
                if victim is not None and rule.beneficiary_object:  # "accuse Rwanda of backing the M23"
                    # …, or of "arming the youths", "harbouring terrorists": a group the words name only
                    beneficiary = _np_actors(doc, victim) or [ActorRef(_victim_name(doc, victim), "other")]
                elif victim is not None:
                    victims = _victim_name(doc, victim)
            if rule.victim_words and not _victims_fit(doc, rule, victims):
                continue
            after_of = text[max(0, m.start() - 3) : m.start()].endswith("of ")
            if rule.beneficiary_object and not (beneficiary and after_of):
                continue  # only "accused X of backing <an actor>", not "called on Russia to stop backing the offensive"
            accused = [r for r in accused if r != st.speaker]
            if not accused and not rule.accused_object and st.act == "accuse":
                accused = _accuse_object(doc, st)
            if not accused and not rule.accused_object:
                # a parse that made the doer a modifier ("said the RSF committed genocide" read as
                # "the [RSF committed] genocide"): the armed actor the content names before the act
                accused = [r for r in _actors_in(doc, seg[0], m.start()) if r != st.speaker and r.type in _DOERS][-1:]
            taken.append((m.start(), m.end()))
            nominal = toks[-1].pos_ == "NOUN"
            found.append(_Found(rule, m.start(), m.end(), verb, accused, victims, beneficiary, sent, nominal))
    return found


def _in_a_name(doc: Document, start: int, end: int) -> bool:
    """The words lie inside an actor's name as written."""
    return any(m.start <= start and end <= m.end and m.end - m.start > end - start
               for actor in doc.actors if actor.type != "person" for m in actor.mentions)


def _gerund_object(tok: Token) -> Token | None:
    """ "burying young people in mass graves": the object of the gerund above the trigger."""
    node = tok
    for _ in range(3):
        node = node.head
        if node.tag_ == "VBG":
            return next((c for c in node.children if c.dep_ == "dobj"), None)
        if node.head.i == node.i:
            break
    return None


def _victim_name(doc: Document, tok: Token) -> str:
    actor = doc.actor_at(*_extent(tok))
    if actor is not None:
        return actor.name
    toks = [t for t in tok.subtree if t.dep_ not in {"det", "punct"} and not any(a.dep_ in {"relcl", "prep"} and t in a.subtree for a in tok.children)]
    return " ".join(t.text for t in toks) or tok.text


def _victims_fit(doc: Document, rule: ActRule, victims: str | None) -> bool:
    if victims is None:
        return False
    actor = doc.actor_named(victims)
    if actor is not None and actor.type in rule.victim_types:
        return True
    return any(w in victims.lower().split() for w in rule.victim_words)


def _accuse_object(doc: Document, st: Statement) -> list[ActorRef]:
    if st.cue_span is None:
        return []
    for tok in _tokens(doc, st.cue_span.start, st.cue_span.end):
        for c in tok.children:
            if c.dep_ == "dobj":
                return _np_actors(doc, c)
    return []


def _segments(st: Statement) -> list[tuple[int, int]]:
    """Where to look in a statement: its content, plus the clause for accusations
    ("accused the army of extrajudicial killings")."""
    cue = st.cue_span
    return [
        (e.start, e.end)
        for e in st.evidence
        if st.act == "accuse" or cue is None or not (e.start <= cue.start and cue.end <= e.end)
    ]


def allegations_in(doc: Document, st: Statement, index: int) -> list[Allegation]:
    """The allegations made in one statement."""
    found: list[_Found] = []
    seen: set[tuple[int, int, str]] = set()
    for seg in _segments(st):  # the content and the clause around it can hold the same trigger
        for f in _find_in(doc, st, seg):
            if (f.start, f.end, f.rule.act) not in seen:
                seen.add((f.start, f.end, f.rule.act))
                found.append(f)
    acts = [f for f in found if not f.rule.accused_object and f.nominal]
    out: list[Allegation] = []
    for f in found:
        partners = [a for a in acts if f.rule.accused_object and a.verb is not None and a.verb == f.verb]
        for p in partners:  # the supporter is co-accused of the acts of its clause
            p.accused += [r for r in f.accused if r not in p.accused]
    for f in found:
        if f.rule.accused_object and any(a.verb is not None and a.verb == f.verb for a in acts):
            continue
        accused = [r for r in f.accused if r != st.speaker]
        if not accused and not f.rule.accused_object and f.rule.act != "repression":
            continue
        out.append(
            Allegation(
                claimant=st.speaker,
                accused=accused,
                act=f.rule.act,
                victims=f.victims,
                beneficiary="; ".join(r.name for r in f.beneficiary) or None,
                location=_locations(doc, f.sent),
                period=_period(doc, f.sent),
                statement=index,
                hedge=_hedge(doc, st, f.sent),
                evidence=[Span(f.start, f.end, doc.text[f.start : f.end]), Span(f.sent[0], f.sent[1], doc.text[f.sent[0] : f.sent[1]])],
                confidence=round(0.75 * st.confidence / max(st.confidence, 0.5), 3) if accused else 0.4,
                provenance=[Provenance("act", STAGE, "allegation lexicon", 0.75, f.start, f.end)],
            )
        )
    return out


def link_denials(doc: Document, allegations: list[Allegation]) -> None:
    """A denial by an accused, or one naming the same act, answers the allegation."""
    for i, st in enumerate(doc.statements):
        if st.act != "deny":
            continue
        low = st.text.lower()
        for al in allegations:
            if al.statement == i:
                continue
            rule = next(r for r in act_rules() if r.act == al.act)
            if (st.speaker is not None and st.speaker in al.accused) or rule.pattern.search(low):
                if i not in al.denied_by:
                    al.denied_by.append(i)


# --- demands ------------------------------------------------------------------------------
def _addressee(doc: Document, subj: Token, st: Statement) -> ActorRef | None:
    low = subj.lower_
    if low in GROUP_PRONOUNS | PERSON_PRONOUNS:
        best = None
        for actor in doc.actors:
            if actor.ref() == st.speaker:
                continue
            for m in actor.mentions:
                if st.start <= m.start and m.end <= subj.idx and (best is None or m.end > best[0]):
                    best = (m.end, actor.ref())
        return best[1] if best else None
    actor = doc.actor_at(*_extent(subj))
    return actor.ref() if actor is not None else None


def _demand_text(verb: Token) -> tuple[int, int] | None:
    skip = {"nsubj", "nsubjpass", "aux", "auxpass", "advcl", "punct", "mark", "appos", "cc"}
    drop: set[int] = set()
    keep_after = {"dobj", "prep", "xcomp", "ccomp", "conj", "cc", "prt", "dative", "attr", "oprd", "acomp", "neg"}
    for c in verb.children:
        if c.dep_ in skip or (c.i < verb.i and c.dep_ == "advmod") or (c.i > verb.i and c.dep_ not in keep_after):
            drop |= {t.i for t in c.subtree}
    for t in verb.subtree:
        # ", a force indispensable for …" / ", a step long overdue": comments after a comma
        prev = t.doc[t.left_edge.i - 1]
        trailing = t.dep_ in {"appos", "relcl", "amod", "acl", "advmod", "npadvmod"} and t.i > t.head.i
        if trailing and t.head.i != verb.i and t.i > verb.i and prev.text == ",":
            drop |= {x.i for x in t.subtree} | {prev.i}
    toks = [t for t in verb.subtree if t.i not in drop and t.i >= verb.i]
    while toks and toks[-1].is_punct:
        toks.pop()
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def demands_in(doc: Document, st: Statement, index: int) -> list[Demand]:
    """Demands made in one statement: modal clauses and demand cues."""
    data = yaml_data("allegations.yaml")
    modals = set(data["demand_modals"])
    infinitive = set(data["infinitive_modals"])
    not_addr = set(data["not_addressees"])
    out: list[Demand] = []
    for seg in _segments(st):
        for tok in _tokens(doc, *seg):
            if tok.lower_ not in modals or tok.dep_ not in {"aux", "ROOT", "ccomp", "conj"}:
                continue
            verb = tok.head if tok.dep_ == "aux" else next((c for c in tok.children if c.dep_ == "xcomp"), None)
            if verb is None or verb.pos_ not in {"VERB", "AUX"} or verb.lemma_ == "be":
                continue  # "Civilians must never be targets": a principle, no act asked of anyone
            if tok.lower_ in infinitive and not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
                continue
            subj = _subject(verb, doc.scratch.get("body_start", 0)) or _subject(tok, doc.scratch.get("body_start", 0))
            if subj is None or subj.lower_ in not_addr:
                continue
            addressee = _addressee(doc, subj, st)
            span = _demand_text(verb)
            if span is None or (addressee is None and subj.pos_ == "PRON"):
                continue
            out.append(_demand(doc, st, index, addressee, span, "modal clause"))
    out += _further_demands(doc, st, index, {(d.evidence[0].start, d.evidence[0].end) for d in out})
    if st.act in {"demand", "appeal"} and st.cue_span is not None and st.kind == "indirect":
        for tok in _tokens(doc, st.cue_span.start, st.cue_span.end):
            target = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if target is None:
                on = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"on", "upon"}), None)
                target = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
            xcomp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
            if target is None or xcomp is None:
                continue
            actor = doc.actor_at(*_extent(target))
            span = _demand_text(xcomp)
            if span is not None:
                out.append(_demand(doc, st, index, actor.ref() if actor else None, span, "demand cue"))
            break
    return out


def _further_demands(doc: Document, st: Statement, index: int, seen: set[tuple[int, int]]) -> list[Demand]:
    """Demands the speaker goes on to make after the statement's own cue: a demand verb joined
    to the cue ("said …, and called on the UN to act") or to the speaker's own clause in the
    content ("said he was horrified … and demanded an inquiry"). A demand verb with a subject of
    its own that is no pronoun is someone else's demand, told by the speaker."""
    if st.cue_span is None or doc.nlp is None:
        return []
    verbs = yaml_data("allegations.yaml")["demand_verbs"]
    cue = _tokens(doc, st.cue_span.start, st.cue_span.end)
    # the cue's joined verbs: "…, and called on …", and "said in a statement, urging X to …"
    own = [t for t in cue if t.dep_ != "conj"] + [
        c for t in cue for c in t.children if c.dep_ == "conj" or (c.dep_ == "advcl" and c.tag_ == "VBG")]
    content = [t for seg in _segments(st) for t in _tokens(doc, *seg)]
    if st.kind == "indirect":
        own += [t for t in content if t.dep_ == "conj" and t.head.dep_ != "conj"]
    else:  # a quote's own demand: "We demand that the authorities protect all Syrians," he said
        own += [t for t in content if (s := _subject(t)) is not None and s.lower_ in {"we", "i"}]
    out = []
    for verb in own:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma not in verbs or (verb.idx < st.cue_span.start and verb not in cue and verb not in content):
            continue
        subj = _subject(verb)
        if verb not in cue and subj is not None and subj.pos_ != "PRON":
            continue  # someone else's demand, told by the speaker
        preps = verbs[lemma].split()
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and _subject(c) is not None), None)
        asked = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        if clause is not None:  # "demanded that the authorities ensure the students' safe return"
            target, what = _subject(clause), clause
        elif asked is not None and lemma == "call" and len(list(asked.subtree)) > 1:
            # "called for those responsible to be held to account": what is asked, of no one named
            words = list(asked.subtree)[1:]
            span = (words[0].idx, words[-1].idx + len(words[-1].text))
            if span not in seen:
                seen.add(span)
                out.append(_demand(doc, st, index, None, span, "demand verb after the cue"))
            continue
        elif verbs[lemma] == "-":
            target, what = None, next((c for c in verb.children if c.dep_ == "dobj"), None)
        else:
            on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps), None) if preps else None
            holder = on if preps else verb
            target = next((c for c in holder.children if c.dep_ in ({"pobj"} if preps else {"dobj"})), None) \
                if holder is not None else None
            what = next((c for c in verb.children if c.dep_ == "xcomp"), None)
            what = what or (next((c for c in target.children if c.dep_ in {"acl", "relcl"}), None) if target is not None else None)
        if what is None or (verbs[lemma] != "-" and target is None):
            continue
        span = _demand_text(what) if what.pos_ in {"VERB", "AUX"} else _extent(what)
        if span is None or span in seen:
            continue
        seen.add(span)
        actor = doc.actor_at(*_extent(target)) if target is not None else None
        out.append(_demand(doc, st, index, actor.ref() if actor else None, span, "demand verb after the cue"))
    return out


def _demand(doc: Document, st: Statement, index: int, addressee: ActorRef | None, span: tuple[int, int], how: str) -> Demand:
    return Demand(
        claimant=st.speaker,
        addressee=addressee,
        demand=doc.text[span[0] : span[1]],
        statement=index,
        evidence=[Span(span[0], span[1], doc.text[span[0] : span[1]])],
        confidence=0.7 if addressee is not None else 0.5,
        provenance=[Provenance("demand", STAGE, how, 0.7, span[0], span[1])],
    )
