"""One spaCy PhraseMatcher over the whole actor lexicon, built once per process.

Patterns match on lower-cased tokens and are then checked case-aware: an upper-case
letter in an alias must be upper case in the text ("US" matches "US", never "us"), a
lower-case one matches either case. Spelling variants (curly apostrophes, hyphen or
space) are added for every alias so the data lists each name once.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from spacy.matcher import PhraseMatcher

from .lexicon import lexicon

#: What a pattern stands for: (kind, payload). Kinds: alias, ethnic, generic, description.
PatternInfo = tuple[str, tuple[str, ...]]


@dataclass(slots=True)
class ActorMatcher:
    matcher: Any
    #: lower-cased pattern tokens -> what each pattern with those tokens stands for, and its tokens as written
    info: dict[tuple[str, ...], list[tuple[PatternInfo, tuple[str, ...]]]]

    def __call__(self, sp: Any) -> list[tuple[PatternInfo, int, int]]:
        """(what, token start, token end) of every case-compatible match in a spaCy Doc."""
        out = []
        for _, start, end in self.matcher(sp):
            tokens = [t.text for t in sp[start:end]]
            for what, pattern in self.info.get(tuple(t.lower() for t in tokens), ()):
                if _case_ok(pattern, tokens):
                    out.append((what, start, end))
        return out


def _case_ok(pattern: tuple[str, ...], tokens: list[str]) -> bool:
    if len(pattern) != len(tokens):
        return False
    if len(tokens) > 1 and all(t.isupper() or not t.isalpha() for t in tokens):
        return True  # an all-capitals headline
    for p, t in zip(pattern, tokens, strict=True):
        for pc, tc in zip(p, t, strict=False):
            if pc.isupper() and not tc.isupper():
                return False
    return True


def _variants(text: str) -> set[str]:
    out = {text}
    if "'" in text:
        out.add(text.replace("'", "\u2019"))
    for v in list(out):
        if "-" in v:
            out.add(v.replace("-", " "))
    return out


@functools.lru_cache(maxsize=2)
def actor_matcher(model: str | None = None) -> ActorMatcher:
    """The matcher for the pipeline's spaCy model (built once; ~1 s)."""
    from ..stages.nlp import load_nlp

    nlp = load_nlp(model) if model else load_nlp()
    lex = lexicon()
    keyed: dict[str, PatternInfo] = {}
    for alias in lex.aliases:
        keyed.setdefault(f"A\t{alias}", ("alias", (alias,)))
    for group in lex.ethnic:
        for typ, heads in lex.ethnic_heads.items():
            for head in heads:
                keyed.setdefault(f"E\t{group} {head}", ("ethnic", (group, typ, head)))
    for i, rule in enumerate(lex.generic):
        for noun in rule.nouns:
            keyed.setdefault(f"G\t{noun}", ("generic", (str(i), noun)))
    for i, drule in enumerate(lex.descriptions):
        for head in drule.heads:
            keyed.setdefault(f"D\t{head}", ("description", (str(i), head)))
    texts: dict[str, list[PatternInfo]] = {}
    for key, what in keyed.items():
        for variant in _variants(key.split("\t", 1)[1]):
            texts.setdefault(variant, []).append(what)
    info: dict[tuple[str, ...], list[tuple[PatternInfo, tuple[str, ...]]]] = {}
    patterns = []
    for (text, whats), pdoc in zip(texts.items(), nlp.tokenizer.pipe(texts), strict=True):
        written = tuple(t.text for t in pdoc)
        lower = tuple(t.lower() for t in written)
        if lower not in info:
            patterns.append(pdoc)
        info.setdefault(lower, []).extend((w, written) for w in whats)
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("ACTOR", patterns)
    return ActorMatcher(matcher, info)
