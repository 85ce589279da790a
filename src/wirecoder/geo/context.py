"""Country-desk knowledge for places: spelling variants, former regions, place-telling words.

Curated tables under ``data/geo/`` (``spelling_variants.yaml``, ``historical_admin1.yaml``,
``place_words.yaml``), loaded once. None of them feeds the gazetteer index: they apply at
look-up time, in the report's own country and at the report's date.
"""

from __future__ import annotations

import functools
import re

import yaml

from .names import DATA_DIR, fold


@functools.cache
def _yaml(name: str) -> dict:
    return yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))


@functools.cache
def _variants() -> dict[tuple[str, str], str]:
    return {(iso3, fold(v)): name for iso3, table in _yaml("spelling_variants.yaml").items() for v, name in table.items()}


def spelling_variant(name: str, country: str | None) -> str | None:
    """The gazetteer's spelling of ``name`` in ``country`` (ISO3), when a curated variant."""
    return _variants().get((country or "", fold(name)))


@functools.cache
def _historical() -> dict[str, list[tuple[str, str, frozenset[str]]]]:
    return {
        iso3: [(r["admin1"], str(r["until"]), frozenset(fold(p) for p in r["places"])) for r in rules]
        for iso3, rules in _yaml("historical_admin1.yaml").items()
    }


def historical_admin1(names: list[str], country: str | None, date: str | None) -> str | None:
    """The former region a place with any of ``names`` lay in on ``date`` (ISO), if it has
    since been merged away; None when the current region applies or the date is unknown."""
    if not date:
        return None
    keys = {fold(n) for n in names if n}
    for admin1, until, places in _historical().get(country or "", []):
        if date[:10] < until and keys & places:
            return admin1
    return None


def historical_country(name: str) -> str | None:
    """The country whose former-region table lists ``name`` (an unresolved "X Agency")."""
    key = fold(name)
    return next((iso3 for iso3, rules in _historical().items() if any(key in r[2] for r in rules)), None)


@functools.cache
def place_words() -> dict[str, frozenset[str]]:
    """``area_suffixes``, ``region_suffixes``, ``settlement_words``, ``facility_words``,
    ``venue_words``, ``unit_words``, ``not_place_words`` (folded)."""
    return {k: frozenset(fold(w) for w in v) for k, v in _yaml("place_words.yaml").items()}


@functools.cache
def facility_after() -> re.Pattern[str]:
    """Matches an institution word right after a position: "(Khairpur) chapter", "(Lahore) Press
    Club", "("Santo Tomas)" Farm"."""
    return _words_after("facility_words")


@functools.cache
def venue_after() -> re.Pattern[str]:
    """Matches a venue word right after a position: "(Hyderabad) press club", "(Peshawar) High Court"."""
    return _words_after("venue_words")


@functools.cache
def unit_after() -> re.Pattern[str]:
    """Matches a military unit word right after a position: "(Leon) Battalion"."""
    return _words_after("unit_words")


def _words_after(kind: str) -> re.Pattern[str]:
    words = sorted(place_words()[kind], key=len, reverse=True)
    return re.compile(r"[\"”’']?[ \t]+(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b", re.I)
