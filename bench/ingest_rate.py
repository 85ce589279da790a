"""Store write throughput (records/s) and event-query latency, on SQLite and PostgreSQL.

Codes the bundled sample reports once (NLP is not timed), clones their records into N
distinct documents (new ids, texts and event dates, so each is a real insert with its own
cluster look-ups), then times ``Store.write`` alone, and the median ``query_events`` latency
over a few typical filters. Targets: ≥ 500 records/s; < 100 ms median query.

  .venv/bin/python bench/ingest_rate.py --n 20000                       # SQLite (temp file)
  .venv/bin/python bench/ingest_rate.py --n 20000 --pg "$WIRECODER_TEST_PG" --fresh
"""

from __future__ import annotations

import argparse
import copy
import statistics
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

import sqlalchemy as sa

import wirecoder
from wirecoder.document import content_hash
from wirecoder.ingest import read_paths
from wirecoder.store import EventFilter, Store, open_store
from wirecoder.store.schema import metadata
from wirecoder.store.store import engine_url

QUERIES = {
    "first page": EventFilter(),
    "country": None,  # filled with the most common country of the samples
    "type+date": None,
    "actor": EventFilter(actor="forces"),
    "full-text": EventFilter(q="killed"),
}


def templates() -> list[tuple[dict, str]]:
    samples = Path(str(resources.files("wirecoder").joinpath("samples")))
    docs = [d for d in wirecoder.extract_many(read_paths([samples])) if not d.failed]
    return [(d.to_record(), d.text) for d in docs]


def clones(tpl: list[tuple[dict, str]], n: int) -> Iterator[tuple[dict, str, None]]:
    for i in range(n):
        rec, text = tpl[i % len(tpl)]
        rec = copy.deepcopy(rec)
        rec["doc_id"] = f"bench-{i:07d}"
        shift = timedelta(days=3 * (i // len(tpl)))  # copies 3 days apart: distinct events
        for ev in rec["events"]:
            if ev.get("date") and len(ev["date"]) == 10:
                ev["date"] = (date.fromisoformat(ev["date"]) - shift).isoformat()
        text = f"{text}\n[bench copy {i}]"
        rec["content_hash"] = content_hash(text)
        yield rec, text, None


def run(url: str, tpl: list[tuple[dict, str]], n: int, batch: int) -> dict[str, float]:
    docs = list(clones(tpl, n))
    with open_store(url) as store:
        t0 = time.perf_counter()
        counts = store.write_records(docs, batch_size=batch)
        elapsed = time.perf_counter() - t0
        assert counts.stored == n, counts
        n_events = store.counts()["events"]
        latencies = query_latencies(store, docs)
    return {"records_per_s": n / elapsed, "seconds": elapsed, "events": n_events, **latencies}


def query_latencies(store: Store, docs: list[tuple[dict, str, None]], repeats: int = 20) -> dict[str, float]:
    evs = [e for rec, _, _ in docs[:50] for e in rec["events"]]
    country = next((e["location"]["country"] for e in evs if (e.get("location") or {}).get("country")), "PAK")
    etype = evs[0]["event_type"] if evs else "Battles"
    filters = dict(QUERIES, country=EventFilter(country=country), **{"type+date": EventFilter(event_type=etype, date_from="2020-01-01")})
    out = {}
    for name, f in filters.items():
        times = []
        page = store.query_events(f, limit=50)
        for _ in range(repeats):
            t0 = time.perf_counter()
            store.query_events(f, cursor=page.next_cursor, limit=50)  # a second page: keyset path
            times.append((time.perf_counter() - t0) * 1000)
        out[f"ms median {name}"] = statistics.median(times)
    return out


def drop_tables(url: str) -> None:
    engine = sa.create_engine(engine_url(url))
    metadata.drop_all(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=20000, help="records to write per backend")
    ap.add_argument("--batch-size", type=int, default=500)
    ap.add_argument("--sqlite", help="SQLite file (default: a new temporary file)")
    ap.add_argument("--pg", help="postgresql:// URL to bench as well")
    ap.add_argument("--fresh", action="store_true", help="drop the store tables in --pg first (a test database only!)")
    args = ap.parse_args()

    tpl = templates()
    print(f"{len(tpl)} template records from the bundled samples; {args.n} records per backend")
    with tempfile.TemporaryDirectory() as tmp:
        targets = {"sqlite": args.sqlite or str(Path(tmp) / "bench.db")}
        if args.pg:
            if args.fresh:
                drop_tables(args.pg)
            targets["postgresql"] = args.pg
        for name, url in targets.items():
            result = run(url, tpl, args.n, args.batch_size)
            print(name, " ".join(f"{k}={v:.1f}" if isinstance(v, float) else f"{k}={v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
