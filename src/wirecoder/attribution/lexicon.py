"""The attribution lexicons (cue verbs, channels, acts, allegation acts, hedges, demands),
read once from ``wirecoder/data/attribution/`` and shared by every stage that needs them."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml


#: Mined cue lemmas (PolNeAR train) kept when at least this share of their verb uses are cues.
MIN_MINED_PRECISION = 0.2
#: Mined verb/noun/adjective + preposition cues kept from this share of their uses (PolNeAR dev: 0.15 > 0.1, 0.2, 0.3).
MIN_PAIR_PRECISION = 0.15


def _read(name: str) -> str:
    return resources.files("wirecoder").joinpath("data", "attribution", name).read_text(encoding="utf-8")


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    act: str
    tier: str = "speech"  # speech | belief | mined
    nominal: bool = False  # object is a noun phrase: a speech act, not reported content
    dobj: bool = False  # a direct object can be the content
    channel: str | None = None
    clausal_only: bool = False  # a cue only with a quote or a clause ("read", "post")


@dataclass(frozen=True, slots=True)
class CueLexicon:
    cues: dict[str, Cue]
    according_to: tuple[str, ...]
    channels: dict[str, str]
    channel_sources: frozenset[str]
    #: nouns that make a cue's source answer the clause before it ("…, a charge X denied")
    charge_nouns: frozenset[str]
    content_acts: tuple[tuple[str, tuple[str, ...]], ...]
    label_stopwords: frozenset[str]
    #: cues kept inside another relation's content when nested relations are asked for
    nested: frozenset[str]
    #: verbs with a "that" clause that do not report it ("ensure that …")
    not_cues: frozenset[str]
    #: inflected forms of the speech cues ("says", "warned", "told") -> lemma, for unparsed headlines
    speech_forms: dict[str, str]
    #: nouns that head an attribution with a that-clause or prepositional content (mined)
    noun_cues: frozenset[str]
    #: (VERB|NOUN|ADJ, lemma, preposition) whose object is the content ("pointed to X",
    #: "criticism of X", "critical of X"; mined)
    cue_preps: frozenset[tuple[str, str, str]]

    def is_speech(self, lemma: str) -> bool:
        """Whether the lemma is a curated speech verb ("say", "tell", "condemn")."""
        cue = self.cues.get(lemma.lower())
        return cue is not None and cue.tier == "speech"


@functools.cache
def cue_lexicon() -> CueLexicon:
    raw: dict[str, Any] = yaml.safe_load(_read("cues.yaml"))
    cues = {
        lemma: Cue(
            lemma=lemma,
            act=spec["act"],
            tier=spec.get("tier", "speech"),
            nominal=spec.get("object") == "nominal",
            dobj=bool(spec.get("dobj")),
            channel=spec.get("channel"),
            clausal_only=bool(spec.get("clausal_only")),
        )
        for lemma, spec in raw["cues"].items()
    }
    for row in csv.DictReader(_read("mined_cues.tsv").splitlines(), delimiter="\t"):
        if row["lemma"] not in cues and float(row["precision"]) >= MIN_MINED_PRECISION:
            cues[row["lemma"]] = Cue(lemma=row["lemma"], act="state", tier="mined", dobj=True)
    noun_cues = frozenset(
        row["lemma"]
        for row in csv.DictReader(_read("mined_noun_cues.tsv").splitlines(), delimiter="\t")
        if float(row["precision"]) >= MIN_MINED_PRECISION
    )
    forms = {w: lemma for w, lemma in raw["irregular_forms"].items()}
    for lemma, cue in cues.items():
        if cue.tier == "speech":
            stem = lemma[:-1] if lemma.endswith("e") else lemma
            ies = lemma[:-1] + "ies" if lemma.endswith("y") else lemma + "s"
            for form in (lemma + "s", lemma + "es", ies, stem + "ed", lemma):
                forms.setdefault(form, lemma)
    cue_preps = frozenset(
        (row["pos"], row["lemma"], row["prep"])
        for row in csv.DictReader(_read("mined_cue_preps.tsv").splitlines(), delimiter="\t")
        if float(row["precision"]) >= MIN_PAIR_PRECISION
    )
    return CueLexicon(
        cues=cues,
        according_to=tuple(raw["according_to"]),
        channels={k.lower(): v for k, v in raw["channels"].items()},
        channel_sources=frozenset(raw["channel_sources"]),
        charge_nouns=frozenset(raw["charge_nouns"]),
        content_acts=tuple((c["act"], tuple(c["words"])) for c in raw["content_acts"]),
        label_stopwords=frozenset(raw["label_stopwords"]),
        nested=frozenset(raw["nested"]),
        not_cues=frozenset(raw["not_cues"]),
        speech_forms=forms,
        noun_cues=noun_cues,
        cue_preps=cue_preps,
    )


@functools.cache
def yaml_data(name: str) -> Any:
    """Another lexicon file of the attribution data folder, parsed."""
    return yaml.safe_load(_read(name))
