"""Benchmark GET /events over 20,000 stored events: median latency per filter (target < 100 ms).

The events are generated synthetically and written through the real store (no NLP); the
API runs on a real uvicorn server on 127.0.0.1 over a SQLite file. Requests are bounded
(``--repeat`` per filter). Writes a JSON summary to bench/out/api_events.json.

    .venv/bin/python bench/api_events.py [--events 20000] [--repeat 30]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from wirecoder.api import ApiSettings, create_app
from wirecoder.api.server import serve_in_thread
from wirecoder.document import Document
from wirecoder.records import ActorRef, Event, EventLocation, Span
from wirecoder.store import open_store

PLACES = [
    EventLocation("Quetta", "Balochistan", "PAK", 30.18, 67.00), EventLocation("Peshawar", "Khyber Pakhtunkhwa", "PAK", 34.01, 71.58),
    EventLocation("Kabul", "Kabul", "AFG", 34.53, 69.17), EventLocation("Srinagar", "Jammu and Kashmir", "IND", 34.08, 74.80),
    EventLocation("Maiduguri", "Borno", "NGA", 11.85, 13.16), EventLocation("Gao", "Gao", "MLI", 16.27, -0.04),
    EventLocation("Djibo", "Sahel", "BFA", 14.10, -1.63), EventLocation("Mandalay", "Mandalay", "MMR", 21.97, 96.08),
    EventLocation("Idlib", "Idlib", "SYR", 35.93, 36.63), EventLocation("Popayan", "Cauca", "COL", 2.44, -76.61),
    EventLocation("Mosul", "Nineveh", "IRQ", 36.34, 43.13), EventLocation("Mogadishu", "Banadir", "SOM", 2.05, 45.32),
    EventLocation("Taiz", "Taiz", "YEM", 13.58, 44.02), EventLocation("El Fasher", "North Darfur", "SDN", 13.63, 25.35),
]  # fmt: skip
TYPES = [
    ("Battles", "Armed clash"), ("Explosions/Remote violence", "Suicide bomb"),
    ("Explosions/Remote violence", "Air/drone strike"), ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Violence against civilians", "Attack"), ("Violence against civilians", "Abduction/forced disappearance"),
    ("Protests", "Peaceful protest"), ("Riots", "Mob violence"), ("Strategic developments", "Arrests"),
]  # fmt: skip
ACTORS = [ActorRef(f"Armed Group {i}", "armed_group") for i in range(40)] + [
    ActorRef(f"Military Forces of Country {i}", "state_forces") for i in range(14)
]
ATTRIBUTIONS = ["claimed", "alleged", "reported", "unknown"]
WORDS = "attack village market checkpoint convoy patrol mosque school police army rebels protest".split()

FILTERS: dict[str, dict[str, str]] = {
    "none": {},
    "country": {"country": "PAK"},
    "country+type": {"country": "NGA", "event_type": "Battles"},
    "date range": {"date_from": "2024-03-01", "date_to": "2024-03-31"},
    "admin1+sub_type": {"admin1": "Borno", "sub_event_type": "Armed clash"},
    "actor": {"actor": "Armed Group 7"},
    "attribution": {"attribution": "claimed"},
    "text q": {"q": "checkpoint convoy"},
    "combined": {"country": "SYR", "date_from": "2024-01-01", "date_to": "2024-12-31", "attribution": "reported"},
}


def synthetic_documents(n_events: int, per_doc: int, seed: int = 7):
    rng = random.Random(seed)
    start = dt.date(2023, 1, 1)
    for d in range(-(-n_events // per_doc)):
        words = " ".join(rng.choice(WORDS) for _ in range(30))
        text = f"Synthetic report {d}. {words}."
        doc = Document(text=text, doc_id=f"bench-{d:06d}", published=(start + dt.timedelta(days=d % 900)).isoformat())
        for _ in range(min(per_doc, n_events - d * per_doc)):
            etype, sub = rng.choice(TYPES)
            day = start + dt.timedelta(days=rng.randrange(900))
            a1, a2 = rng.sample(ACTORS, 2)
            doc.events.append(
                Event(etype, sub, None, day.isoformat(), 1, rng.choice(PLACES), 1, a1, a2, rng.choice(ATTRIBUTIONS),
                      fatalities=rng.randrange(0, 30), evidence=[Span(0, 16, text[:16])])
            )  # fmt: skip
        yield doc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=20_000)
    ap.add_argument("--per-doc", type=int, default=4)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--limit", type=int, default=50)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = f"{tmp}/bench.db"
        t0 = time.perf_counter()
        with open_store(db) as store:
            counts = store.write(synthetic_documents(args.events, args.per_doc))
            n_events = store.counts()["events"]
        load_s = time.perf_counter() - t0
        print(f"stored {n_events} events in {counts.stored} documents in {load_s:.1f} s")

        results: dict[str, dict[str, float | int]] = {}
        with serve_in_thread(create_app(ApiSettings(db, warm=False))) as url, httpx.Client(base_url=url, timeout=60) as client:
            for name, params in FILTERS.items():
                client.get("/events", params={**params, "limit": args.limit}).raise_for_status()  # warm caches
                times, total = [], 0
                for _ in range(args.repeat):
                    t = time.perf_counter()
                    resp = client.get("/events", params={**params, "limit": args.limit})
                    times.append((time.perf_counter() - t) * 1000)
                    resp.raise_for_status()
                    total = resp.json()["total"]
                # the second page too: keyset pagination must not slow down
                page1 = client.get("/events", params={**params, "limit": args.limit}).json()
                if page1["next_cursor"]:
                    t = time.perf_counter()
                    client.get("/events", params={**params, "limit": args.limit, "cursor": page1["next_cursor"]}).raise_for_status()
                    times.append((time.perf_counter() - t) * 1000)
                results[name] = {"median_ms": round(statistics.median(times), 1), "p90_ms": round(sorted(times)[int(0.9 * (len(times) - 1))], 1), "matches": total}

    overall = statistics.median(r["median_ms"] for r in results.values())
    print(f"{'filter':<18}{'matches':>8}{'median ms':>11}{'p90 ms':>9}")
    for name, r in results.items():
        print(f"{name:<18}{r['matches']:>8}{r['median_ms']:>11}{r['p90_ms']:>9}")
    print(f"median of medians: {overall:.1f} ms (target < 100 ms)")
    out = Path(__file__).resolve().parent / "out"
    out.mkdir(exist_ok=True)
    summary = {"events": n_events, "limit": args.limit, "repeat": args.repeat, "load_s": round(load_s, 1), "filters": results, "median_of_medians_ms": overall}
    (out / "api_events.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
