"""ACLED-style first-level region names (``data/geo/admin1.yaml``).

GeoNames and wire reports spell regions in many ways ("NWFP", "Sind", "Rangoon"); ACLED
uses one name per region, and splits a few (Myanmar's Shan and Bago) that GeoNames keeps
whole. ``normalize_admin1`` maps any spelling to the ACLED name.
"""

from __future__ import annotations

import functools
import math
import re

import yaml

from .names import DATA_DIR, fold


@functools.cache
def _data() -> dict:
    return yaml.safe_load((DATA_DIR / "admin1.yaml").read_text(encoding="utf-8"))


@functools.cache
def _variant_table() -> dict[tuple[str, str], str]:
    """(ISO3, folded variant) -> canonical name."""
    table: dict[tuple[str, str], str] = {}
    for iso3, regions in _data()["regions"].items():
        for canonical, variants in regions.items():
            for name in [canonical, *(variants or [])]:
                table[(iso3, _key(name))] = canonical
    return table


def _key(name: str) -> str:
    """Folded name without a trailing "Province"/"State"/... word."""
    words = fold(name).split()
    while len(words) > 1 and words[-1] in _data()["strip_suffixes"]:
        words.pop()
    return " ".join(words)


def normalize_admin1(name: str | None, country: str | None, lat: float | None = None, lon: float | None = None) -> str | None:
    """The ACLED name of region ``name`` in ``country`` (ISO3). With coordinates, a region
    ACLED splits ("Shan") becomes its part ("Shan-North"); unknown names come back as given."""
    if not name:
        return None
    canonical = _variant_table().get((country or "", _key(name)), name.strip())
    if lat is None or lon is None:
        return canonical
    rules = _data()["splits"].get(country or "", {}).get(canonical, [])
    if rules and all("near" in r for r in rules):  # the part one of whose towns is nearest
        scale = math.cos(math.radians(lat))
        return min(((r["name"], (y - lat) ** 2 + ((x - lon) * scale) ** 2) for r in rules for y, x in r["near"]),
                   key=lambda pair: pair[1])[0]
    for rule in rules:
        if (
            lat >= rule.get("lat_min", -90)
            and lat < rule.get("lat_max", 90.1)
            and lon >= rule.get("lon_min", -180)
            and lon < rule.get("lon_max", 180.1)
        ):
            return rule["name"]
    return canonical


@functools.cache
def districts() -> dict[str, dict[str, dict]]:
    """Curated areas by ISO3 (``districts.yaml``): name -> its seat town and other spellings."""
    return yaml.safe_load((DATA_DIR / "districts.yaml").read_text(encoding="utf-8"))


def curated_areas() -> dict[str, list[str]]:
    """ISO3 -> every name and spelling of its curated areas ("Puntland", "North Waziristan")."""
    return {iso3: [n for name, entry in areas.items() for n in [name, *(entry.get("aliases") or [])]]
            for iso3, areas in districts().items()}


def new_regions() -> list[tuple[str, str, float, float]]:
    """(ISO3, name, lat, lon) of the parts of a split region that GeoNames lacks, at their capital."""
    return [(iso3, rule["name"], *rule["near"][0]) for iso3, parents in _data()["splits"].items()
            for parent, rules in parents.items() for rule in rules if "near" in rule and rule["name"] != parent]


def admin1_variants(canonical: str, country: str | None) -> list[str]:
    """The spellings listed for a region (look-up names in the gazetteer)."""
    return list(_data()["regions"].get(country or "", {}).get(canonical) or [])


@functools.cache
def _country_aliases() -> dict[str, list[str]]:
    return yaml.safe_load((DATA_DIR / "country_aliases.yaml").read_text(encoding="utf-8"))


def country_aliases(iso3: str) -> list[str]:
    return list(_country_aliases().get(iso3, []))


def alias_owner(name: str) -> str | None:
    """The country whose curated alias the (folded) name is: a name curated for one country is
    no name of another ("Congo" is the Democratic Republic in wire copy, not Brazzaville)."""
    return _alias_owners().get(name)


@functools.cache
def _alias_owners() -> dict[str, str]:
    return {fold(a): iso3 for iso3, names in _country_aliases().items() for a in names}


@functools.cache
def _subregion_patterns() -> tuple[tuple[str, str, str, re.Pattern[str]], ...]:
    """(ISO3, parent, part, pattern) for each part ACLED splits a region into, spelled the
    ways reports do: "Shan-North", "Shan (North)", "northern Shan", "North Shan"."""
    out = []
    for iso3, parents in _data()["splits"].items():
        for parent, rules in parents.items():
            for rule in rules:
                head, _, side = rule["name"].partition("-")
                if head != parent or not side:
                    continue
                p, d = re.escape(parent), re.escape(side)
                pattern = rf"\b(?:{p}[- ]?\(?{d}\)?|{d}(?:ern)?[- ]{p})\b"
                out.append((iso3, parent, rule["name"], re.compile(pattern, re.I)))
    return tuple(out)


def named_subregion(text: str, country: str | None, parent: str | None) -> str | None:
    """The one part of a split region the text names explicitly ("Bago-West"), when
    ``parent`` (or any parent, when None) is split in ``country``; None if none or several."""
    found = {part for iso3, par, part, pat in _subregion_patterns()
             if iso3 == country and (parent is None or par == parent) and pat.search(text)}
    return found.pop() if len(found) == 1 else None


def split_parent(name: str | None, country: str | None) -> str | None:
    """The region ACLED splits that ``name`` is, or is a part of ("Shan-North" -> "Shan")."""
    if not name:
        return None
    parents = _data()["splits"].get(country or "", {})
    if name in parents and len(parents[name]) > 1:
        return name
    return next((p for p, rules in parents.items() if any(r["name"] == name for r in rules) and len(rules) > 1), None)
