"""Train the shipped event-type classifier on the visible labelled data.

Reads ACLED Pakistan 2015 and Myanmar 2021 dev files and CASE 2021 task-2 dev from
``shared/data`` (never copied into the repository) and writes
``src/wirecoder/data/events/event_classifier.joblib``. Deterministic (linear SVMs on
TF-IDF): the same data gives the same model. Reported figures never come from this
model: the eval adapters retrain it per cross-validation fold.

    .venv/bin/python scripts/train_event_classifier.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wirecoder.events.classifier import artefact_path
from wirecoder.events.training import SOURCES, load_sources, train_classifier

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared folder (holds data/)")
    ap.add_argument("--out", type=Path, default=artefact_path())
    args = ap.parse_args()
    data = args.shared / "data"
    missing = [rel for rel in SOURCES if not (data / rel).is_file()]
    if missing:
        print(f"shared data not found under {data}: missing {', '.join(missing)}. "
              "Pass --shared PATH (the folder holding data/).", file=sys.stderr)
        return 2
    examples = [x for items in load_sources(data).values() for x in items]
    clf = train_classifier(examples)
    clf.save(args.out)
    size = args.out.stat().st_size / 1e6
    print(f"trained on {len(examples)} texts -> {args.out} ({size:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
