"""Throughput of the full pipeline against bare spaCy on the same documents, in one run.

    python bench/throughput.py --n 2000            # the acceptance run (target: full ≤ 1.5 × spaCy time)
    python bench/throughput.py --n 300 --profile   # plus per-stage timings and the hottest functions

Both sides use the same model (``wirecoder.stages.nlp.load_nlp()``), the same synthetic
reports (``wirecoder.corpus``, ~400 words) and the same batch size; both are warmed up
first, they alternate over ``--rounds`` slices, and the full side includes ``to_record()``. Timings on a shared machine vary: compare
the ratio, which is measured within one run.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from typing import Any

from wirecoder.corpus import generate
from wirecoder.document import Document
from wirecoder.pipeline import DEFAULT_STAGES, Pipeline
from wirecoder.stages.nlp import load_nlp

NLP_STAGE = "wirecoder.nlp.v1"


def _documents(reports: list[dict[str, str]]) -> list[Document]:
    return [Document(text=r["text"], doc_id=r["id"], published=r["published"], published_from_meta=True) for r in reports]


def time_bare(texts: list[str], batch_size: int) -> float:
    nlp = load_nlp()
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - t0


def time_full(pipeline: Pipeline, docs: list[Document], timings: dict[str, float]) -> float:
    t0 = time.perf_counter()
    for doc in pipeline.pipe(docs, timings=timings):
        t1 = time.perf_counter()
        doc.to_record()
        timings["to_record"] = timings.get("to_record", 0.0) + time.perf_counter() - t1
    return time.perf_counter() - t0


def profile_full(pipeline: Pipeline, docs: list[Document], top: int) -> list[dict[str, Any]]:
    """The project's own hottest functions (spaCy and library internals folded into their callers)."""
    prof = cProfile.Profile()
    prof.enable()
    for doc in pipeline.pipe(docs):
        doc.to_record()
    prof.disable()
    stats = pstats.Stats(prof)
    rows = []
    for (filename, line, func), (_cc, ncalls, tottime, cumtime, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if "/wirecoder/" in filename:
            where = filename.split("/wirecoder/", 1)[1]
            rows.append({"function": f"{where}:{line} {func}", "calls": ncalls, "own_s": tottime, "cum_s": cumtime})
    rows.sort(key=lambda r: r["own_s"], reverse=True)
    return rows[:top]


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="documents (default 2000)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=4, help="alternate bare and full over this many slices")
    ap.add_argument("--profile", action="store_true", help="also cProfile the full pipeline")
    ap.add_argument("--profile-n", type=int, default=200, help="documents for the profile run")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    args = ap.parse_args(argv)

    reports = list(generate(args.n, seed=args.seed))
    texts = [r["text"] for r in reports]
    pipeline = Pipeline(DEFAULT_STAGES, {NLP_STAGE: {"batch_size": args.batch_size}})
    warm = list(generate(16, seed=args.seed + 1))
    time_bare([r["text"] for r in warm], args.batch_size)
    time_full(pipeline, _documents(warm), {})

    # Interleave bare and full over slices so that load from other processes hits both alike.
    bare = full = 0.0
    timings: dict[str, float] = {}
    step = -(-args.n // args.rounds)
    for i in range(0, args.n, step):
        bare += time_bare(texts[i : i + step], args.batch_size)
        full += time_full(pipeline, _documents(reports[i : i + step]), timings)
    words = sum(len(t.split()) for t in texts) / len(texts)
    result: dict[str, Any] = {
        "n": args.n,
        "words_per_doc": round(words, 1),
        "batch_size": args.batch_size,
        "bare_spacy": {"seconds": round(bare, 2), "docs_per_s": round(args.n / bare, 2)},
        "full_pipeline": {"seconds": round(full, 2), "docs_per_s": round(args.n / full, 2)},
        "ratio_full_over_bare": round(full / bare, 3),
        # the same question from inside the full run alone: everything over the spaCy stage's own time
        "ratio_full_over_nlp_stage": round(full / timings[NLP_STAGE], 3),
        "target_ratio": 1.5,
        "stages": {k: {"seconds": round(v, 3), "ms_per_doc": round(1000 * v / args.n, 2), "share": round(v / full, 3)} for k, v in sorted(timings.items(), key=lambda kv: -kv[1])},
    }
    if args.profile:
        result["profile_n"] = min(args.profile_n, args.n)
        result["hot_functions"] = profile_full(pipeline, _documents(reports[: result["profile_n"]]), args.top)

    if args.json:
        sys.stdout.write(json.dumps(result) + "\n")
        return result
    print(f"{args.n} docs, ~{words:.0f} words each, batch size {args.batch_size}")
    print(f"bare spaCy     {bare:8.2f} s  {args.n / bare:7.2f} docs/s")
    print(f"full pipeline  {full:8.2f} s  {args.n / full:7.2f} docs/s")
    verdict = "meets" if full / bare <= 1.5 else "misses"
    print(f"ratio full/bare = {full / bare:.2f} ({verdict} the 1.5 target)")
    print(f"ratio full/(nlp stage inside the full run) = {result['ratio_full_over_nlp_stage']:.2f}")
    print("\nper stage (own time; nlp ≈ the bare spaCy cost):")
    for name, row in result["stages"].items():
        print(f"  {name:28s} {row['seconds']:8.2f} s  {row['ms_per_doc']:7.2f} ms/doc  {100 * row['share']:5.1f} %")
    if args.profile:
        print(f"\nhottest project functions by own time (cProfile, {result['profile_n']} docs):")
        for row in result["hot_functions"]:
            print(f"  {row['own_s']:7.2f} s own  {row['cum_s']:7.2f} s cum  {row['calls']:>8}  {row['function']}")
    return result


if __name__ == "__main__":
    main()
