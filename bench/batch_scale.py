"""Batch engines against one process on the same synthetic corpus, and a check that all of
them write identical records.

    python bench/batch_scale.py --n 20000 --memory-small 1000   # the acceptance run (≥ 1.6 ×, memory ≤ 1.2 ×)
    python bench/batch_scale.py --n 300 --engines one,local

Each engine runs as its own `wirecoder batch` process, timed end to end (interpreter start,
model loads and writing Parquet included), so the figures are what a user waits for.
``one`` is the in-process engine (``--workers 0``); ``local`` the process pool; ``spark``
PySpark on ``--master``. On a shared machine compare within one run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from procmem import TreeSampler
from wirecoder.batch import read_records
from wirecoder.corpus import write_jsonl

CLI = [sys.executable, "-c", "from wirecoder.cli import main; main()"]


def engine_args(engine: str, workers: int, master: str) -> list[str]:
    if engine == "one":
        return ["--engine", "local", "--workers", "0"]
    if engine == "local":
        return ["--engine", "local", "--workers", str(workers)]
    if engine == "spark":
        return ["--engine", "spark", "--master", master]
    raise SystemExit(f"unknown engine {engine!r} (one, local, spark)")


def run_engine(engine: str, corpus: Path, out: Path, workers: int, master: str) -> dict[str, Any]:
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [*CLI, "batch", str(corpus), "--out", str(out), "--json", *engine_args(engine, workers, master)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    sampler = TreeSampler(interval=0.5, root=proc.pid)
    sampler.start()
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - t0
    sampler.stop()
    if proc.returncode != 0:
        raise SystemExit(f"{engine} failed ({proc.returncode}):\n{stderr[-3000:]}")
    summary = json.loads(stdout.strip().splitlines()[-1])
    return {
        "engine": engine,
        "wall_s": round(wall, 2),
        "run_s": round(summary["seconds"], 2),
        "first_record_s": None if summary["first_record_s"] is None else round(summary["first_record_s"], 2),
        "steady_docs_per_s": summary["steady_docs_per_second"],
        "documents": summary["documents"],
        "failed": summary["failed"],
        "peak_tree_mb": round(sampler.peak_tree_kb / 1024, 1),
    }


def differing(a: Path, b: Path) -> int:
    """How many documents' records differ between two outputs (by doc_id)."""
    left = {r["doc_id"]: r for r in read_records(a)}
    right = {r["doc_id"]: r for r in read_records(b)}
    return sum(left.get(k) != right.get(k) for k in left.keys() | right.keys())


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--engines", default="one,local,spark", help="comma-separated, the first is the baseline")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--words", type=int, default=400, help="about how many words each generated report has")
    ap.add_argument(
        "--memory-small",
        type=int,
        default=0,
        metavar="N",
        help="also run every engine on the first N docs and report peak memory of the big run over the small one (target ≤ 1.2)",
    )
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    engines = args.engines.split(",")
    with tempfile.TemporaryDirectory(prefix="wirecoder-scale-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_jsonl(corpus, args.n, seed=args.seed, words=args.words)
        runs = []
        for engine in engines:
            run = run_engine(engine, corpus, Path(tmp) / engine, args.workers, args.master)
            runs.append(run)
            print(f"{engine}: {run['wall_s']} s wall", file=sys.stderr)
        base = runs[0]
        for run in runs:
            run["docs_per_s"] = round(run["documents"] / run["wall_s"], 2)
            run["speedup"] = round(base["wall_s"] / run["wall_s"], 2)
            run["differing_docs_vs_" + base["engine"]] = differing(Path(tmp) / base["engine"], Path(tmp) / run["engine"])
        if args.memory_small:
            small_corpus = Path(tmp) / "small.jsonl"
            write_jsonl(small_corpus, args.memory_small, seed=args.seed, words=args.words)
            for run in runs:
                small = run_engine(run["engine"], small_corpus, Path(tmp) / f"small-{run['engine']}", args.workers, args.master)
                run["peak_tree_mb_small"] = small["peak_tree_mb"]
                run["memory_ratio"] = round(run["peak_tree_mb"] / small["peak_tree_mb"], 3)
    result = {
        "n": args.n,
        "words": args.words,
        "memory_small": args.memory_small or None,
        "workers": args.workers,
        "master": args.master,
        "target_speedup": 1.6,
        "target_memory_ratio": 1.2,
        "runs": runs,
    }
    out = Path(__file__).resolve().parent / "out"
    out.mkdir(exist_ok=True)
    (out / "batch_scale.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if args.json:
        sys.stdout.write(json.dumps(result) + "\n")
        return result
    print(f"{args.n} docs; speedup = {base['engine']} wall time / engine wall time (target ≥ 1.6)")
    for run in runs:
        same = run["differing_docs_vs_" + base["engine"]]
        print(
            f"  {run['engine']:6s} {run['wall_s']:8.1f} s wall ({run['run_s']:.1f} s in batch)  "
            f"{run['docs_per_s']:7.2f} docs/s  ×{run['speedup']:.2f}  "
            f"(first record after {run['first_record_s']} s, then {run['steady_docs_per_s']} docs/s)  "
            f"{'identical records' if same == 0 else f'{same} docs differ'}"
        )
        memory = f"peak memory {run['peak_tree_mb']:.0f} MB (process tree)"
        if "memory_ratio" in run:
            memory += f", {run['peak_tree_mb_small']:.0f} MB on {args.memory_small} docs: ratio {run['memory_ratio']} (target ≤ 1.2)"
        print(f"         {memory}")
    return result


if __name__ == "__main__":
    main()
