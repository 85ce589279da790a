"""A linear model over the parse: how likely a token is the head word of an attribution cue.

It sees what the tagger (``tagger.py``) cannot: the dependency parse (a verb with a
subject and a "that" clause, a noun with "of" after it), the cue lexicon's tiers, and
whether the token sits inside a quotation. The two read cues differently and their
weighted average beats either (PolNeAR dev, cue head words: F1 0.80 for this model, 0.78
for a three-epoch tagger, 0.83 for their average).
Trained with the tagger by ``scripts/train_cue_tagger.py`` on PolNeAR *train*; the
shipped file is the hashed weights, ``wirecoder/data/attribution/cue_words.npz``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import FeatureHasher
from spacy.tokens import Doc, Token

from .lexicon import cue_lexicon
from .quotes import Quote, find_quotes

ARTEFACT = "cue_words.npz"
N_FEATURES = 2**18
_HASHER = FeatureHasher(n_features=N_FEATURES, input_type="string", alternate_sign=False)
#: Dependents whose word, not only their relation, tells of a cue ("spoke about", "did not").
_WORD_DEPS = frozenset({"prep", "prt", "agent", "mark", "aux", "neg", "advmod"})


def artefact_path() -> Path:
    return Path(str(resources.files("wirecoder").joinpath("data", "attribution", ARTEFACT)))


def candidates(sdoc: Doc) -> Iterator[Token]:
    """The tokens scored: words, and the colon that can stand for a cue."""
    return (t for t in sdoc if not (t.is_punct or t.is_space) or t.text == ":")


def cue_head(tokens: list[Token]) -> Token:
    """The head word of a cue's tokens: one whose head lies outside them, a verb, noun or
    adjective first. What this model learns to find, and what the finder hangs a learned
    cue's content and source on."""
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i] or tokens
    return min(roots, key=lambda t: (t.pos_ not in {"VERB", "AUX", "NOUN", "ADJ"}, t.i))


def quoted(sdoc: Doc, quotes: list[Quote] | None = None) -> list[bool]:
    """Per token, whether it lies between a quotation's marks (``quotes``: the text's
    quotations when the caller has them already)."""
    inside = [False] * len(sdoc)
    quotes = find_quotes(sdoc.text) if quotes is None else quotes
    for tok in sdoc:
        inside[tok.i] = any(q.open_at < tok.idx < q.close_at for q in quotes)
    return inside


def features(tok: Token, in_quote: bool) -> list[str]:
    """String features of one token: its words, tags and dependency context."""
    doc, lemma, lex = tok.doc, tok.lemma_.lower(), cue_lexicon()
    cue = lex.cues.get(lemma)
    feats = [
        f"w={tok.lower_}", f"l={lemma}", f"p={tok.pos_}", f"t={tok.tag_}", f"d={tok.dep_}",
        f"hl={tok.head.lemma_.lower()}", f"hp={tok.head.pos_}", f"hd={tok.head.dep_}",
        f"d_hl={tok.dep_}_{tok.head.lemma_.lower()}", f"l_p={lemma}_{tok.pos_}", f"inq={in_quote}",
        f"ent={tok.ent_type_}", f"tier={cue.tier if cue else 'none'}_{tok.pos_}",
    ]
    if tok.pos_ == "NOUN" and lemma in lex.noun_cues:
        feats.append("nouncue")
    for c in tok.children:
        feats.append(f"cd={c.dep_}")
        if c.dep_ in _WORD_DEPS:
            feats.append(f"cdw={c.dep_}_{c.lower_}")
        if c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            feats.append("that_ccomp")
        if c.dep_ in {"nsubj", "nsubjpass"}:
            feats += [f"subj_pos={c.pos_}", f"subj_ent={c.ent_type_}"]
    for k in (-2, -1, 1, 2):
        j = tok.i + k
        feats.append(f"w{k}={doc[j].lower_ if 0 <= j < len(doc) else '<pad>'}")
    feats.append(f"l_next={lemma}_{doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else '<pad>'}")
    return feats


def matrix(sdoc: Doc, tokens: list[Token], quotes: list[Quote] | None = None):  # type: ignore[no-untyped-def]
    """The hashed feature rows of ``tokens``."""
    inside = quoted(sdoc, quotes)
    return _HASHER.transform(features(t, inside[t.i]) for t in tokens)


class CueWords:
    """The trained weights: P(head word of a cue) per candidate token."""

    def __init__(self, path: Path | None = None) -> None:
        data = np.load(path or artefact_path())
        self.coef = data["coef"].astype(np.float64)
        self.intercept = float(data["intercept"])

    def probabilities(self, sdoc: Doc, quotes: list[Quote] | None = None) -> dict[int, float]:
        """Token index -> probability, for every candidate token."""
        tokens = list(candidates(sdoc))
        if not tokens:
            return {}
        scores = matrix(sdoc, tokens, quotes) @ self.coef + self.intercept
        return {t.i: float(p) for t, p in zip(tokens, 1.0 / (1.0 + np.exp(-scores)), strict=True)}


@functools.cache
def cue_words() -> CueWords:
    """The model, loaded once per process."""
    return CueWords()
