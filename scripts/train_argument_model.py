"""Train the shipped event-argument model on MUC-4's training stories.

Reads ``shared/data/muc4/raw/train/`` (the 1,300 upper-case stories, true-cased and given
a wire header exactly as ``wirecoder eval muc4`` does) and ``shared/data/muc4/train.json``
(their templates), never the dev or test stories, and writes
``src/wirecoder/data/events/argument_model.joblib``. A candidate phrase is labelled with a
role when it equals a mention of that role's filler, or else shares its head word (the
scorer's notions, ``eval.muc4.norm`` and its head rule); every other candidate is ``none``.
Deterministic: the same data gives the same model.

    .venv/bin/python scripts/train_argument_model.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.progress import track

from wirecoder.document import Document
from wirecoder.eval.muc4 import adapter_config, head_word, load_gtt, norm, raw_doc, read_raw
from wirecoder.events.arguments import NONE, ArgumentModel, artefact_path, features
from wirecoder.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
#: When a phrase fills two slots, the earlier one's role wins.
_SLOT_ORDER = ("PerpOrg", "PerpInd", "Victim", "Target", "Weapon")
#: MUC-4 slot -> argument role: the inverse of the adapter's map (data/eval/muc4.yaml).
MUC_ROLES = dict(sorted(((slot, role) for role, slot in adapter_config()["argument_slots"].items()),
                        key=lambda item: _SLOT_ORDER.index(item[0])))


def gold_phrases(templates) -> dict[str, tuple[set[str], set[str]]]:  # type: ignore[no-untyped-def]
    """role -> (normalised mentions, head words) over all of a story's templates."""
    out: dict[str, tuple[set[str], set[str]]] = {}
    for slot, role in MUC_ROLES.items():
        mentions = {m for t in templates for entity in t.roles[slot] for m in entity}
        out[role] = ({norm(m) for m in mentions}, {head_word(m) for m in mentions} - {""})
    return out


def label(text: str, gold: dict[str, tuple[set[str], set[str]]]) -> str:
    key, head = norm(text), head_word(text)
    exact = next((role for role, (names, _) in gold.items() if key in names), None)
    return exact or next((role for role, (_, heads) in gold.items() if head in heads), NONE)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared folder (holds data/)")
    ap.add_argument("--out", type=Path, default=artefact_path())
    args = ap.parse_args()
    muc = args.shared / "data" / "muc4"
    raw, templates = muc / "raw" / "train", muc / "train.json"
    if not raw.is_dir() or not templates.is_file():
        print(f"MUC-4 training data not found under {muc} (needs raw/train/ and train.json). "
              "Pass --shared PATH (the folder holding data/).", file=sys.stderr)
        return 2
    gold = load_gtt(templates.read_text(encoding="utf-8").splitlines())
    _, texts = read_raw(raw)
    pipe = Pipeline(["wirecoder.normalize.v1", "wirecoder.nlp.v1", "wirecoder.actors.v1"])
    rows = []
    docs = (Document(text=r.text, doc_id=r.doc_id, published=r.published) for r in (raw_doc(i, t) for i, t in texts))
    for doc in track(pipe.pipe(docs), total=len(texts), description="parsing MUC-4 train"):
        phrases = gold_phrases(gold.get(doc.doc_id, []))
        cands, feats = features(doc)
        rows += [(f, label(doc.nlp[c.start : c.end].text, phrases)) for c, f in zip(cands, feats, strict=True)]
    model = ArgumentModel.train(rows)
    model.save(args.out)
    n_role = sum(y != NONE for _, y in rows)
    print(f"trained on {len(rows)} phrases ({n_role} with a role) from {len(texts)} stories -> {args.out} "
          f"({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
