"""The actor lexicon: every data file under ``data/actors/`` loaded once per process.

Curated named actors (``named.yaml``) and state actors generated for every country
(``state_templates.yaml`` x the country table) share one alias table; common nouns,
descriptions, titles, ethnic communities and NER typing rules are kept as they come.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..records import ACTOR_TYPES
from .countries import DATA, Country, countries

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(slots=True)
class Entry:
    """A canonical actor of the dictionary."""

    name: str
    type: str
    country: str | None
    parent: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class GenericRule:
    nouns: tuple[str, ...]
    name: str
    name_nocountry: str
    type: str
    confidence: float

    def actor_name(self, country: Country | None) -> str:
        if country is None:
            return self.name_nocountry
        if "{dem}" in self.name and not country.demonyms:
            return self.name_nocountry
        return fill(self.name, country, dem=country.demonyms[0] if country.demonyms else "")


@dataclass(frozen=True, slots=True)
class DescriptionRule:
    heads: tuple[str, ...]
    types: tuple[str, ...]
    definite_only: bool


@dataclass(frozen=True, slots=True)
class TitleRule:
    titles: tuple[str, ...]
    role: str
    role_org: str | None
    state_office: bool


@dataclass
class Lexicon:
    entries: dict[str, Entry]
    #: alias as written -> canonical name (curated entries win over generated ones)
    aliases: dict[str, str]
    generic: list[GenericRule]
    descriptions: list[DescriptionRule]
    titles: list[TitleRule]
    #: ethnic community -> ISO3
    ethnic: dict[str, str]
    #: actor type -> head nouns ("Baloch nation" -> ethnic_group)
    ethnic_heads: dict[str, tuple[str, ...]]
    ner_rules: list[tuple[str, frozenset[str]]]
    ner_ignore: frozenset[str]
    #: head nouns of organisation names that are sites, not actors
    facilities: frozenset[str]
    #: cue lists of ``cues.yaml``: place_verbs, party_preps, place_nouns, appositive_heads
    cues: dict[str, frozenset[str]]
    #: (ISO3 of the report, alias) -> canonical name: what a name means in one country's
    #: reports ("Taliban" in Pakistan is the TTP), from ``local_aliases`` in named.yaml
    local: dict[tuple[str, str], str] = field(default_factory=dict)

    def localized(self, entry: Entry, alias: str, country: str | None) -> Entry:
        """The entry an alias stands for in reports about ``country``."""
        name = self.local.get((country or "", alias))
        return self.entries.get(name, entry) if name else entry

    def lookup(self, alias: str) -> Entry | None:
        """Entry for an alias or canonical name, case-insensitive."""
        name = self.aliases.get(alias) or self._lower.get(alias.lower())
        return self.entries.get(name) if name else None

    @functools.cached_property
    def generic_nouns(self) -> frozenset[str]:
        """Lower-cased common nouns of ``generic.yaml``."""
        return frozenset(n.lower() for rule in self.generic for n in rule.nouns)

    @functools.cached_property
    def _lower(self) -> dict[str, str]:
        out = {n.lower(): n for n in self.entries}
        for a, n in self.aliases.items():
            out.setdefault(a.lower(), n)
        return out


def fill(template: str, country: Country, **extra: str) -> str:
    return template.format(name=country.name, short=country.short, **extra)


def _expand(template: str, country: Country) -> list[str]:
    """All spellings of one alias template for one country (empty when a placeholder is unavailable)."""
    keys = set(_PLACEHOLDER.findall(template))
    dems: tuple[str, ...] = country.demonyms if "dem" in keys else ("",)
    names: tuple[str, ...] = country.all_names if "country" in keys else ("",)
    if not dems or not names:
        return []
    return [
        template.format(name=country.name, short=country.short, dem=d, country=n) for d in dems for n in names
    ]


def _load(name: str) -> Any:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def _check_type(t: str, where: str) -> str:
    if t not in ACTOR_TYPES:
        raise ValueError(f"actor type {t!r} in {where} is not one of {ACTOR_TYPES}")
    return t


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    entries: dict[str, Entry] = {}
    aliases: dict[str, str] = {}
    local: dict[tuple[str, str], str] = {}

    def add(entry: Entry, alias_list: list[str]) -> None:
        known = entries.setdefault(entry.name, entry)
        for a in [entry.name, *alias_list]:
            if a not in known.aliases:
                known.aliases.append(a)
            aliases.setdefault(a, known.name)

    for row in _load("named.yaml"):
        entry = Entry(
            row["name"],
            _check_type(row["type"], "named.yaml"),
            row.get("country"),
            row.get("parent"),
        )
        add(entry, [str(a) for a in row.get("aliases") or []])
        for iso3, names in (row.get("local_aliases") or {}).items():
            local.update({(iso3, str(a)): row["name"] for a in names})
    table = countries()
    for tpl in _load("state_templates.yaml"):
        _check_type(tpl["type"], "state_templates.yaml")
        for country in table.by_iso3.values():
            names = _expand(tpl["name"], country)
            if not names:
                continue
            entry = Entry(names[0], tpl["type"], country.iso3)
            add(entry, [s for a in tpl["aliases"] for s in _expand(a, country)])

    generic = [
        GenericRule(
            tuple(r["nouns"]), r["name"], r["name_nocountry"], _check_type(r["type"], "generic.yaml"), r["confidence"]
        )
        for r in _load("generic.yaml")
    ]
    descriptions = [
        DescriptionRule(
            tuple(r["heads"]), tuple(_check_type(t, "descriptions.yaml") for t in r["types"]), r["definite_only"]
        )
        for r in _load("descriptions.yaml")
    ]
    titles = [
        TitleRule(tuple(r["titles"]), r["role"], r.get("role_org"), r["state_office"]) for r in _load("titles.yaml")
    ]
    eth = _load("ethnic.yaml")
    ner = _load("ner_types.yaml")
    return Lexicon(
        entries=entries,
        aliases=aliases,
        generic=generic,
        descriptions=descriptions,
        titles=titles,
        ethnic=dict(eth["groups"]),
        ethnic_heads={_check_type(t, "ethnic.yaml"): tuple(h) for t, h in eth["heads"].items()},
        ner_rules=[
            (_check_type(r["type"], "ner_types.yaml"), frozenset(w.lower() for w in r["words"])) for r in ner["rules"]
        ],
        ner_ignore=frozenset(ner["ignore"]),
        facilities=frozenset(ner["facilities"]),
        cues={k: frozenset(v) for k, v in _load("cues.yaml").items()},
        local=local,
    )
