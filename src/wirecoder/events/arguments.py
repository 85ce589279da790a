"""Event arguments: the words that fill an event's roles, found by a learnt model.

The rules in ``events.roles`` give one actor1 and one actor2 from the parse around the
trigger; a report names more: the gunmen *and* their organisation, the bus *and* the
passengers, the car bomb. Every noun phrase of the report (spaCy noun chunks, their
"of" complements, person/organisation/facility entities) is a candidate, described by
its head, its syntactic governor ("attacked|nsubj", "by|kidnap"), its neighbours and the
actor the actors stage found there. A multinomial logistic regression decides its role:
``perpetrator_individual``, ``perpetrator_organization``, ``target``, ``victim``,
``weapon`` or none. It learns from the MUC-4 training stories and their templates
(``scripts/train_argument_model.py``; the dev and test stories are never seen). A chosen
phrase keeps only the words naming its filler (the victim of "the murder of Dr Guerrero"
is "Guerrero"; curated words in ``data/events/arguments.yaml``). Each argument joins the
event whose evidence is the fewest sentences away (phrases more than ``MAX_GAP``
sentences from every event are not read), and an event keeps one argument per entity
and role: "Guerrero" and "Francisco Jose Guerrero" are one victim.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

import joblib
import numpy as np
from spacy.attrs import LEMMA

from ..document import Document
from ..records import Argument, Event
from .lexicon import word_sets

ARTEFACT = "argument_model.joblib"
FORMAT_VERSION = 2
NONE = "none"
ROLES = ("perpetrator_individual", "perpetrator_organization", "target", "victim", "weapon")
#: How sure the model must be that a phrase fills some role.
THRESHOLD = 0.35
#: How many sentences from an event's evidence a phrase may be and still be its argument.
MAX_GAP = 3
#: Words a candidate phrase drops from its start ("the bus" -> "bus").
_LEADING = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "some"})
#: Entities that are candidates even when no noun chunk covers them.
_ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "FAC"})
_MAX_WORDS = 12
_KEY_JUNK = re.compile(r"[^\w\s]")
_ARTICLES = re.compile(r"^(?:the|a|an)\s+")

Features = list[str]  # the names of a candidate's features, all binary


@dataclass(frozen=True)
class Candidate:
    """A noun phrase that may fill a role: token span [start, end) and its head token."""

    start: int
    end: int
    head: int


def candidates(sp: Any, from_char: int = 0, keep: Callable[[int], bool] | None = None) -> Iterator[Candidate]:
    """Noun phrases of a spaCy doc at or after ``from_char`` (the body, not the header)
    whose head token ``keep`` accepts, each once: noun chunks without leading determiners,
    a chunk with its "of" complement ("members of the Farabundo Marti National Liberation
    Front"), and person/organisation/facility entities no chunk covers."""
    seen: set[tuple[int, int]] = set()

    def fresh(start: int, end: int) -> bool:
        if (start, end) in seen:
            return False
        seen.add((start, end))
        return True

    for chunk in sp.noun_chunks:
        root = chunk.root
        if chunk.start_char < from_char or root.pos_ == "PRON" or (keep is not None and not keep(root.i)):
            continue
        start = chunk.start
        while start < chunk.end and (sp[start].lower_ in _LEADING or sp[start].is_punct):
            start += 1
        if start >= chunk.end:
            continue
        if fresh(start, chunk.end):
            yield Candidate(start, chunk.end, root.i)
        for prep in root.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for obj in prep.children:
                end = obj.right_edge.i + 1
                if obj.dep_ == "pobj" and end - start <= _MAX_WORDS and fresh(start, end):
                    yield Candidate(start, end, obj.i)
    for ent in sp.ents:
        if (ent.label_ in _ENTITY_LABELS and ent.start_char >= from_char and (keep is None or keep(ent.root.i))
                and fresh(ent.start, ent.end)):
            yield Candidate(ent.start, ent.end, ent.root.i)


def body_sentences(doc: Document) -> list[Any]:
    """The sentences of the report's body (the wire header is no sentence of it)."""
    body = doc.scratch.get("body_start") or 0
    return [s for s in doc.nlp.sents if s.end_char > body]


def _sentence_numbers(sp: Any, sentences: list[Any]) -> list[int]:
    """Per token, the number of its body sentence (-1 in the header)."""
    out = [-1] * len(sp)
    for k, sent in enumerate(sentences):
        out[sent.start : sent.end] = [k] * len(sent)
    return out


def _actor_types(doc: Document) -> list[str | None]:
    """Per token, the type of the actor a mention of which covers it."""
    sp = doc.nlp
    out: list[str | None] = [None] * len(sp)
    for actor in doc.actors:
        for m in actor.mentions:
            span = sp.char_span(m.start, m.end, alignment_mode="expand")
            for i in range(span.start, span.end) if span is not None else ():
                out[i] = actor.type
    return out


def features(doc: Document, near: set[int] | None = None, sentences: list[Any] | None = None,
             ) -> tuple[list[Candidate], list[Features]]:
    """The candidates of a parsed report's body and the names of their (binary) features;
    with ``near``, only those in the body sentences of these numbers (0 = the body's first).
    ``sentences`` is ``body_sentences(doc)`` when the caller has it already."""
    sp = doc.nlp
    number = _sentence_numbers(sp, body_sentences(doc) if sentences is None else sentences)
    keep = None if near is None else (lambda i: number[i] in near)
    cands = list(candidates(sp, doc.scratch.get("body_start") or 0, keep))
    if not cands:
        return [], []
    toks = list(sp)  # one Token object per word, reused (indexing the Doc makes new ones)
    lower = [t.lower_ for t in toks]
    lemma = [t.lemma_.lower() for t in toks]
    dep = [t.dep_ for t in toks]
    gov = [t.head.i for t in toks]
    numeric = [t.like_num or t.dep_ == "nummod" for t in toks]
    counts = sp.count_by(LEMMA)
    actor_type = _actor_types(doc)
    out = []
    for c in cands:
        h, g = c.head, gov[c.head]
        root = toks[h]
        actor = next((t for t in actor_type[c.start : c.end] if t), None)
        f = [
            "h=" + lemma[h],
            "ent=" + (root.ent_type_ or "-"),
            "dep=" + dep[h],
            "gov=" + lemma[g] + "|" + dep[h],
            "govl=" + lemma[g],
            "govdep=" + dep[g],
            "h|gov=" + lemma[h] + "|" + lemma[g],
            "act=" + (actor or "-"),
            "sent=" + str(min(max(number[h], 0), 5)),
            "cnt=" + str(min(counts.get(root.lemma, 0), 4)),
            "len=" + str(min(c.end - c.start, 5)),
        ]
        if toks[c.start].text[:1].isupper():
            f.append("upper")
        if dep[h] == "pobj":  # "on the bus", "by guerrillas": the preposition and what it hangs on
            f += ["prep=" + lower[g] + "|" + lemma[gov[g]], "prepw=" + lower[g], "gg=" + lemma[gov[g]]]
        if dep[g] == "agent":
            f.append("agent|" + lemma[gov[g]])
        f += ["w=" + w for w in lower[c.start : c.end]]
        f += ["L=" + w for w in lower[max(0, c.start - 3) : c.start]]
        f += ["R=" + w for w in lower[c.end : c.end + 3]]
        if c.start > 0:
            f.append("L1=" + lower[c.start - 1])
        if c.end < len(toks):
            f.append("R1=" + lower[c.end])
        if any(numeric[c.start : c.end]):
            f.append("num")
        out.append(f)
    return cands, out


def phrase_key(text: str) -> str:
    """A phrase compared loosely: case, punctuation and a leading article ignored."""
    return _ARTICLES.sub("", " ".join(_KEY_JUNK.sub(" ", text.casefold()).split()))


class ArgumentModel:
    """A multinomial logistic regression over binary features, kept as plain arrays
    (feature name -> column, coefficients, intercepts, role labels): scoring a report is
    a few sums, with no vectoriser in the way."""

    def __init__(self, vocabulary: dict[str, int], coef: np.ndarray, intercept: np.ndarray, labels: list[str],
                 threshold: float = THRESHOLD) -> None:
        self.vocabulary = vocabulary
        self.weights = np.asarray(coef, dtype=np.float64).T  # feature x role
        self.intercept = np.asarray(intercept, dtype=np.float64)
        self.labels = list(labels)
        self.threshold = threshold
        self._none = self.labels.index(NONE)

    @classmethod
    def train(cls, rows: Iterable[tuple[Features, str]], min_count: int = 2, c: float = 1.0) -> ArgumentModel:
        """Fit on (feature names, role or ``none``) pairs; features seen fewer than
        ``min_count`` times are dropped (they only memorise the training stories and
        bloat the artefact)."""
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression

        data = list(rows)
        if unknown := {y for _, y in data} - {NONE, *ROLES}:
            raise ValueError(f"not argument roles: {sorted(unknown)} (roles are {', '.join(ROLES)} or {NONE})")
        seen = Counter(k for f, _ in data for k in set(f))
        vocabulary = {k: j for j, k in enumerate(sorted(k for k, n in seen.items() if n >= min_count))}
        matrix = csr_matrix(_indicator(vocabulary, [f for f, _ in data]), shape=(len(data), len(vocabulary)))
        model = LogisticRegression(C=c, max_iter=3000).fit(matrix, [y for _, y in data])
        return cls(vocabulary, model.coef_, model.intercept_, [str(x) for x in model.classes_])

    def probabilities(self, feats: Sequence[Features]) -> np.ndarray:
        """Candidate x role probabilities (the softmax of the summed weights)."""
        scores = np.tile(self.intercept, (len(feats), 1))
        for i, f in enumerate(feats):
            cols = list({j for k in f if (j := self.vocabulary.get(k)) is not None})
            if cols:
                scores[i] += self.weights[cols].sum(axis=0)
        scores -= scores.max(axis=1, keepdims=True)
        e = np.exp(scores)
        return e / e.sum(axis=1, keepdims=True)

    def roles(self, feats: Sequence[Features]) -> list[tuple[str, float] | None]:
        """Per candidate, its likeliest role and probability, or None below the threshold."""
        if not feats:
            return []
        probs = self.probabilities(feats)
        probs[:, self._none] = 0.0
        best = probs.argmax(axis=1)
        return [(self.labels[j], float(p[j])) if p[j] >= self.threshold else None for j, p in zip(best, probs, strict=True)]

    def save(self, path: Path) -> None:
        blob = {"version": FORMAT_VERSION, "vocabulary": self.vocabulary, "coef": self.weights.T.astype(np.float32),
                "intercept": self.intercept, "labels": self.labels, "threshold": self.threshold}  # fmt: skip
        joblib.dump(blob, path, compress=3)

    @classmethod
    def load(cls, path: Path) -> ArgumentModel:
        blob = joblib.load(path)
        if blob.get("version") != FORMAT_VERSION:
            raise ValueError(f"{path} is an argument model of format {blob.get('version')}, this wirecoder reads "
                             f"{FORMAT_VERSION}: rebuild it with scripts/train_argument_model.py")
        return cls(blob["vocabulary"], blob["coef"], blob["intercept"], blob["labels"], blob["threshold"])


def _indicator(vocabulary: dict[str, int], feats: Sequence[Features]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSR (data, indices, indptr) of binary feature rows."""
    indices: list[int] = []
    indptr = [0]
    for f in feats:
        indices += sorted({j for k in f if (j := vocabulary.get(k)) is not None})
        indptr.append(len(indices))
    return np.ones(len(indices)), np.array(indices, dtype=np.int64), np.array(indptr, dtype=np.int64)


def artefact_path() -> Path:
    return Path(str(resources.files("wirecoder").joinpath(f"data/events/{ARTEFACT}")))


@functools.cache
def default_argument_model() -> ArgumentModel | None:
    """The shipped model, loaded once per process; None when it has not been built."""
    path = artefact_path()
    return ArgumentModel.load(path) if path.is_file() else None


def _sentence_of(sentences: list[Any]) -> Callable[[int], int]:
    """A character offset -> the number of the sentence holding it."""
    starts = [s.start_char for s in sentences]
    return lambda char: max(0, bisect.bisect_right(starts, char) - 1)


def _event_sentences(events: list[Event], sentence_of: Callable[[int], int]) -> list[list[int]]:
    return [[sentence_of(s.start) for s in ev.evidence] or [0] for ev in events]


#: Roles whose filler is named without the words counting it ("several homes" -> "homes").
_UNCOUNTED_ROLES = frozenset({"target", "victim", "weapon"})


@dataclass(frozen=True)
class _ArgumentWords:
    of_object_nouns: frozenset[str]
    honorifics: frozenset[str]
    quantifiers: frozenset[str]


@functools.cache
def _argument_words() -> _ArgumentWords:
    """The curated words of ``data/events/arguments.yaml``."""
    return _ArgumentWords(*word_sets("arguments.yaml", ("of_object_nouns", "honorifics", "quantifiers")))


def _quantity_words(sp: Any, start: int, end: int, head: int) -> int:
    """How many words at ``start`` count the filler headed by ``head``: numerals and
    quantity words that modify it, or modify such a word ("approximately 50")."""
    quantifiers = _argument_words().quantifiers
    counting: set[int] = set()
    i = start
    while i < end - 1 and (sp[i].like_num or sp[i].lower_ in quantifiers):
        counting.add(i)
        i += 1
    # keep only the words whose head is the filler or another counting word ("11-floor" counts floors)
    n = 0
    while start + n < i and (sp[start + n].head.i == head or sp[start + n].head.i in counting):
        n += 1
    return n


def _is_honorific(word: str) -> bool:
    return word.casefold().rstrip(".") in _argument_words().honorifics


def filler_span(sp: Any, c: Candidate, role: str) -> tuple[int, int]:
    """The words of a candidate that name its filler (token offsets): after an event or part
    noun only its "of" object ("the murder of the judge" -> "judge", "front of a bank" ->
    "bank"); a victim named by a person entity, that name without titles ("former Supreme
    Court President Francisco Jose Guerrero", "Dr Guerrero" -> the names alone); a target,
    victim or weapon without the words counting it ("11 bombs" -> "bombs")."""
    start, end = c.start, c.end
    of_object = _argument_words().of_object_nouns
    for tok in sp[start : c.head]:
        if tok.lower_ == "of" and start <= tok.head.i < tok.i and tok.head.lemma_.lower() in of_object:
            start = tok.i + 1
    while start < end and (sp[start].lower_ in _LEADING or sp[start].is_punct):
        start += 1
    if role in _UNCOUNTED_ROLES:
        start += _quantity_words(sp, start, end, c.head)
    head = sp[c.head]
    if role == "victim" and head.ent_type_ == "PERSON" and start <= head.i < end:
        first = head.i
        while first > start and sp[first].ent_iob_ == "I":
            first -= 1
        last = head.i + 1
        while last < end and sp[last].ent_iob_ == "I":
            last += 1
        start, end = first, last
        while start < end - 1 and _is_honorific(sp[start].text):
            start += 1
    return (start, end) if start < end else (c.start, c.end)


def find_arguments(doc: Document, model: ArgumentModel) -> list[Argument]:
    """The phrases near the report's events (at most ``MAX_GAP`` sentences away) that the
    model gives a role, trimmed to the words naming the filler, once per role and phrase."""
    sentences = body_sentences(doc)
    sentence_of = _sentence_of(sentences)
    near = {k + d for ks in _event_sentences(doc.events, sentence_of) for k in ks for d in range(-MAX_GAP, MAX_GAP + 1)}
    cands, feats = features(doc, near, sentences)
    sp, out, seen = doc.nlp, [], set()
    for c, decided in zip(cands, model.roles(feats), strict=True):
        if decided is None:
            continue
        start, end = filler_span(sp, c, decided[0])
        span = sp[start:end]
        key = (decided[0], phrase_key(span.text))
        if key in seen:
            continue
        seen.add(key)
        out.append(Argument(decided[0], span.text, span.start_char, span.end_char, round(decided[1], 3)))
    return out


def attach(doc: Document, arguments: list[Argument]) -> None:
    """Give each argument to the event whose evidence is the fewest sentences away
    (the earlier event on a tie)."""
    if not doc.events or not arguments:
        return
    sentence_of = _sentence_of(body_sentences(doc))  # numbered as find_arguments numbers them
    at = _event_sentences(doc.events, sentence_of)
    for arg in arguments:
        k = sentence_of(arg.start)
        gaps = [min(abs(k - x) for x in xs) for xs in at]
        doc.events[gaps.index(min(gaps))].arguments.append(arg)
    full_name = full_name_finder(doc)
    for ev in doc.events:
        ev.arguments = merge_coreferent([full_name(a) for a in ev.arguments])


def full_name_finder(doc: Document) -> Callable[[Argument], Argument]:
    """An argument naming a person in part ("Pizarro", "Escobar Gaviria") -> the same argument
    at the report's one fuller mention of that person ("Carlos Pizarro"); unchanged when the
    report has none, or several people it could be ("Guerrero": Carlos or Angela Piedad de)."""
    people = [e for e in doc.nlp.ents if e.label_ == "PERSON"]
    fuller: dict[tuple[str, ...], Any] = {}  # name words -> their first mention
    for ent in people:
        fuller.setdefault(tuple(_name_words(ent.text)), ent)

    def full_name(arg: Argument) -> Argument:
        words = set(_name_words(arg.text))
        if not words or not any(e.start_char < arg.end and arg.start < e.end_char for e in people):
            return arg
        names = [k for k in fuller if len(k) > len(words) and words <= set(k)]
        if len(names) != 1:
            return arg
        ent = fuller[names[0]]
        return replace(arg, text=ent.text, start=ent.start_char, end=ent.end_char)

    return full_name


def _name_words(text: str) -> list[str]:
    return [w for w in _KEY_JUNK.sub(" ", text.casefold()).split() if w not in _LEADING and not _is_honorific(w)]


def _same_entity(a: Argument, b: Argument) -> bool:
    """Two fillers of one role name one entity: their spans overlap, or the words of one are
    among the other's with the same last word ("Guerrero" of "Francisco Jose Guerrero", "bus"
    of "route 302 bus"; not "two vehicles" and "nine vehicles")."""
    if a.start < b.end and b.start < a.end:
        return True
    wa, wb = _name_words(a.text), _name_words(b.text)
    short, long = sorted((wa, wb), key=len)
    return bool(short) and short[-1] == long[-1] and set(short) <= set(long)


def merge_coreferent(arguments: list[Argument]) -> list[Argument]:
    """One argument per entity and role: the fullest mention (most words; the first on a tie)
    stands for the group, in the order of the group's first member, with its best confidence.
    A report names its victim three times ("Francisco Jose Guerrero", "Dr Guerrero",
    "Guerrero"); the event has one victim."""
    groups: list[list[Argument]] = []
    for arg in arguments:
        group = next((g for g in groups if g[0].role == arg.role and any(_same_entity(arg, o) for o in g)), None)
        if group is None:
            groups.append([arg])
        else:
            group.append(arg)
    out = []
    for group in groups:
        best = max(group, key=lambda a: len(_name_words(a.text)))  # max keeps the first of equals
        out.append(replace(best, confidence=max(a.confidence for a in group)))
    return out
