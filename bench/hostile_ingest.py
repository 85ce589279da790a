"""A hostile corpus through the whole pipeline into a store: zero crashes, counts that add
up, every good input stored exactly once, and a re-run that changes nothing.

    .venv/bin/python bench/hostile_ingest.py --count 10000 --big-mb 5            # the acceptance run
    .venv/bin/python bench/hostile_ingest.py --corpus DIR --db FILE --counts RUN.json   # check an earlier run

The corpus comes from ``scripts/make_hostile_corpus.py`` (its hidden manifest says, per input
file, whether ingest must store it, fail it with a reason, or both). ``wirecoder ingest`` runs
as a user runs it, in a subprocess (every stage, the real SQLite store); then the store is
checked against the manifest, and ingest runs again over the same corpus. Writes
bench/out/hostile_ingest.json.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from procmem import TreeSampler

REPO = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-c", "from wirecoder.cli import main; main()"]


def input_file(origin: str) -> str:
    """The input file a document or failure came from (origins add ``#part``, ``:line``)."""
    base = origin.split("#")[0]
    head, _, tail = base.rpartition(":")
    return head if tail.isdigit() else base


def ingest(corpus: Path, db: Path) -> dict[str, Any]:
    """One ``wirecoder ingest`` run: its JSON counts, exit code, wall time and peak memory."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([*CLI, "ingest", str(corpus), "--db", str(db), "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = TreeSampler(interval=1.0, root=proc.pid)
    sampler.start()
    out, err = proc.communicate()
    sampler.stop()
    if proc.returncode not in (0, 1):  # 1 = some documents failed, as a hostile corpus must
        raise SystemExit(f"ingest crashed (exit {proc.returncode}):\n{err[-3000:]}")
    counts = json.loads(out.strip().splitlines()[-1])
    return {**counts, "exit_code": proc.returncode, "seconds": round(time.perf_counter() - t0, 1), "peak_mb": round(sampler.peak_tree_kb / 1024)}


def check_store(corpus: Path, db: Path) -> dict[str, Any]:
    """Compare the store with the manifest: what each input file became."""
    manifest = [json.loads(line) for line in (corpus / ".manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    stored: Counter[str] = Counter()
    failed: dict[str, set[str]] = defaultdict(set)
    with sqlite3.connect(db) as conn:
        for (origin,) in conn.execute("SELECT origin FROM documents"):
            stored[input_file(origin or "")] += 1
        for origin, code in conn.execute("SELECT origin, code FROM failures"):
            failed[input_file(origin)].add(code)
        documents = conn.execute("SELECT count(*), count(DISTINCT doc_id), count(DISTINCT content_hash) FROM documents").fetchone()
        stage_errors = conn.execute("SELECT count(*) FROM failures WHERE code LIKE 'E%'").fetchone()[0]
    wrong = []
    for row in manifest:
        path = str(corpus / row["path"])
        ok, bad = stored.get(path, 0) > 0, bool(failed.get(path))
        expected = {"ok": ok and not bad, "fail": bad and not ok, "mixed": ok and bad}[row["expect"]]
        if not expected:
            wrong.append({**row, "stored": stored.get(path, 0), "failed": sorted(failed.get(path, ()))})
    return {
        "inputs": len(manifest),
        "kinds": len({r["kind"] for r in manifest}),
        "inputs_as_expected": len(manifest) - len(wrong),
        "unexpected": wrong[:20],
        "documents": documents[0],
        "distinct_doc_ids": documents[1],
        "stage_crashes": stage_errors,  # E1xx codes: a stage raised; W0xx are bad input
        "failure_codes": dict(Counter(code for codes in failed.values() for code in codes).most_common()),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, help="corpus folder (made here when missing)")
    ap.add_argument("--db", type=Path, help="SQLite store (default: a temporary file)")
    ap.add_argument("--counts", type=Path, help="JSON counts of an ingest already run on --corpus/--db: check it, do not run it")
    ap.add_argument("--count", type=int, default=10_000, help="input files to generate")
    ap.add_argument("--big-mb", type=int, default=5, help="size of the one oversized text (chunked into 100k-character documents)")
    ap.add_argument("--feed-entries", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="wirecoder-hostile-") as tmp:
        corpus = args.corpus or Path(tmp) / "corpus"
        db = args.db or Path(tmp) / "hostile.db"
        if not (corpus / ".manifest.jsonl").is_file():
            subprocess.run(
                [sys.executable, str(REPO / "scripts" / "make_hostile_corpus.py"), str(corpus), "--count", str(args.count),
                 "--seed", str(args.seed), "--big-mb", str(args.big_mb), "--feed-entries", str(args.feed_entries)],
                check=True,
            )  # fmt: skip
        first = json.loads(args.counts.read_text()) if args.counts else ingest(corpus, db)
        check = check_store(corpus, db)
        again = ingest(corpus, db)
        after = check_store(corpus, db)
    adds_up = first["stored"] + first["failed"] + first["duplicate"] == first["total"]
    unchanged = again["stored"] == 0 and again["duplicate"] == check["documents"] and after["documents"] == check["documents"]
    result = {"first_run": first, "store": check, "rerun": again, "counts_add_up": adds_up, "rerun_changed_nothing": unchanged}
    print(
        f"{check['inputs']} inputs of {check['kinds']} kinds -> {first['total']} documents: {first['stored']} stored, "
        f"{first['failed']} failed, {first['duplicate']} duplicate ({'adds up' if adds_up else 'DOES NOT ADD UP'}); "
        f"{check['inputs_as_expected']}/{check['inputs']} inputs as the manifest expects; stage crashes: {check['stage_crashes']}; "
        f"{check['documents']} stored documents, {check['distinct_doc_ids']} distinct ids"
    )
    print(f"re-run: {again['stored']} stored, {again['duplicate']} duplicate, {again['failed']} failed -> "
          f"{'nothing changed' if unchanged else 'THE STORE CHANGED'} ({again['seconds']} s)")  # fmt: skip
    out = Path(__file__).resolve().parent / "out"
    out.mkdir(exist_ok=True)
    (out / "hostile_ingest.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
