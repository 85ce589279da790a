"""Peak memory of a batch run on a small and a large corpus: streaming means the peak does
not grow with the corpus (target: large ≤ 1.2 × small).

    python bench/memory.py --small 1000 --large 20000 --engine one
    python bench/memory.py --small 100 --large 1000 --engine local

Each run is a fresh subprocess. It reports the driver's own peak (``ru_maxrss``) and, by
sampling ``/proc`` every 0.2 s, the peak of the largest helper process (pool worker, Spark
JVM or Python worker) and of the whole process tree.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from procmem import TreeSampler
from wirecoder.corpus import write_jsonl


def child(corpus: str, out: str, engine: str, workers: int, master: str) -> None:
    """Run one batch in this process and print its memory figures as JSON."""
    from wirecoder.batch import run_local
    from wirecoder.ingest import read_paths

    sampler = TreeSampler()
    sampler.start()
    if engine == "spark":
        from wirecoder.batch.spark import run_spark

        stats = run_spark([corpus], out, master=master)
    else:
        stats = run_local(read_paths([corpus]), out, workers=0 if engine == "one" else workers)
    sampler.stop()
    print(
        json.dumps(
            {
                "documents": stats.documents,
                "seconds": round(stats.seconds, 1),
                "driver_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                "helper_peak_mb": round(sampler.peak_helper_kb / 1024, 1),
                "tree_peak_mb": round(sampler.peak_tree_kb / 1024, 1),
            }
        )
    )


def measure(n: int, engine: str, workers: int, master: str, seed: int, tmp: Path) -> dict[str, Any]:
    corpus = tmp / f"corpus-{n}.jsonl"
    write_jsonl(corpus, n, seed=seed)
    proc = subprocess.run(
        [sys.executable, __file__, "--child", str(corpus), str(tmp / f"out-{n}"), "--engine", engine, "--workers", str(workers), "--master", master],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"run on {n} docs failed:\n{proc.stderr[-3000:]}")
    return {"n": n, **json.loads(proc.stdout.strip().splitlines()[-1])}


def main(argv: list[str] | None = None) -> dict[str, Any] | None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", type=int, default=1000)
    ap.add_argument("--large", type=int, default=20000)
    ap.add_argument("--engine", default="one", choices=["one", "local", "spark"])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", nargs=2, metavar=("CORPUS", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(*args.child, args.engine, args.workers, args.master)
        return None

    with tempfile.TemporaryDirectory(prefix="wirecoder-mem-") as tmp:
        small = measure(args.small, args.engine, args.workers, args.master, args.seed, Path(tmp))
        large = measure(args.large, args.engine, args.workers, args.master, args.seed, Path(tmp))
    keys = ("driver_peak_mb", "helper_peak_mb", "tree_peak_mb")
    ratios = {k: round(large[k] / small[k], 3) if small[k] else None for k in keys}
    result = {"engine": args.engine, "small": small, "large": large, "ratio_large_over_small": ratios, "target_ratio": 1.2}
    if args.json:
        sys.stdout.write(json.dumps(result) + "\n")
        return result
    print(f"engine {args.engine}: peak RSS, {args.small} vs {args.large} docs (target ratio ≤ 1.2)")
    for k in keys:
        print(f"  {k:16s} {small[k]:8.1f} MB  {large[k]:8.1f} MB  ratio {ratios[k]}")
    print(f"  time             {small['seconds']:8.1f} s   {large['seconds']:8.1f} s")
    return result


if __name__ == "__main__":
    main()
