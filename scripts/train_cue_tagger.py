"""Train the shipped attribution tagger on PolNeAR *train* (never dev or test).

Every article of ``shared/data/polnear/train/`` (the first annotator's ``.ann`` in sorted
order, as ``wirecoder eval polnear`` reads gold) is parsed by the project's spaCy pipeline;
each spaCy token is tagged B-/I- Cue, Source or Content when its first character lies in
a span of that role, else O. The tagger (``wirecoder.attribution.tagger``) learns those
tags over windows of whole sentences: MiniLM's weights stay frozen, only the low-rank
adapters and the tag head are trained, and only they are written, in half precision, to
``src/wirecoder/data/attribution/cue_tagger.pt``. Seeded (adapter start, dropout, window
order); torch's CPU kernels may still differ in the last bits between machines.

    .venv/bin/python scripts/train_cue_tagger.py [--shared ../shared] [--only words|tagger]

About an hour on 2 cores (five epochs over 3,794 windows); the parse-feature model takes
3 minutes of it.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from rich.progress import Progress

from wirecoder.attribution import cue_words
from wirecoder.attribution.cue_words import candidates, cue_head, matrix
from wirecoder.attribution.tagger import LABELS, artefact_path, build_model, encode_doc, padded, trainable_state
from wirecoder.eval.polnear import _annotations, read_ann

REPO = Path(__file__).resolve().parents[1]
ROLES = ("Cue", "Source", "Content")


def role_fragments(ann: Path) -> list[tuple[str, int, int]]:
    """(role, start, end) of every fragment of every Source/Cue/Content span."""
    out = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if not line.startswith("T") or len(parts) < 2:
            continue
        role, _, offsets = parts[1].partition(" ")
        if role in ROLES:
            out.extend((role, int(s), int(e)) for s, e in (f.split() for f in offsets.split(";")))
    return out


def token_tags(sdoc, fragments: list[tuple[str, int, int]]) -> list[str]:  # type: ignore[no-untyped-def]
    """A BIO tag per non-space spaCy token: the role of the fragment its first character
    lies in, B- on the fragment's first token."""
    tags, previous = [], None
    for tok in sdoc:
        if tok.is_space:
            continue
        hit = next((k for k, (_, s, e) in enumerate(fragments) if s <= tok.idx < e), None)
        tags.append("O" if hit is None else ("I-" if hit == previous else "B-") + fragments[hit][0])
        previous = hit
    return tags


def parse_train(split: Path) -> list[tuple[Path, object]]:
    """(first annotator's .ann, spaCy doc) for every article of the split."""
    from wirecoder.stages.nlp import load_nlp

    nlp = load_nlp()
    arts = _annotations(split)
    names = list(arts)
    texts = [(split / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    out = []
    with Progress() as progress:
        task = progress.add_task("parsing PolNeAR train", total=len(names))
        for name, sdoc in zip(names, nlp.pipe(texts, batch_size=16), strict=True):
            out.append((arts[name][0], sdoc))
            progress.advance(task)
    return out


def tagger_examples(parsed, tokenizer) -> list[tuple[list[int], list[int]]]:  # type: ignore[no-untyped-def]
    """(word-piece ids, labels with -100 off the first piece of each word) per window."""
    out: list[tuple[list[int], list[int]]] = []
    for ann, sdoc in parsed:
        tags = token_tags(sdoc, role_fragments(ann))
        for job in encode_doc(sdoc, tokenizer)[1]:
            labels = [-100] * len(job.ids)
            for piece, word in job.first_pieces:
                labels[piece] = LABELS.index(tags[word])
            out.append((job.ids, labels))
    return out


def cue_heads(sdoc, ann: Path) -> tuple[set[int], set[int]]:  # type: ignore[no-untyped-def]
    """Token indices of each gold cue's head word, and of every token inside a cue."""
    heads: set[int] = set()
    inside: set[int] = set()
    for rel in read_ann(ann):
        span = sdoc.char_span(*rel.cue, alignment_mode="expand") if rel.cue else None
        if span is None or not len(span):
            continue
        heads.add(cue_head(list(span)).i)
        inside |= {t.i for t in span}
    return heads, inside


def train_cue_words(parsed, out: Path, c: float) -> None:  # type: ignore[no-untyped-def]
    """The parse-feature model: a cue's head word against every other candidate (the
    other words inside a cue are left out, being neither)."""
    import numpy as np
    import scipy.sparse as sp
    from sklearn.linear_model import LogisticRegression

    rows, labels = [], []
    for ann, sdoc in parsed:
        heads, inside = cue_heads(sdoc, ann)
        tokens = [t for t in candidates(sdoc) if t.i in heads or t.i not in inside]
        if tokens:
            rows.append(matrix(sdoc, tokens))
            labels += [int(t.i in heads) for t in tokens]
    x = sp.vstack(rows).tocsr()
    model = LogisticRegression(C=c, solver="liblinear", max_iter=2000).fit(x, np.array(labels))
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, coef=model.coef_[0].astype(np.float32), intercept=np.float32(model.intercept_[0]))
    print(f"cue words: {x.shape[0]} tokens, {sum(labels)} cue heads; wrote {out} ({out.stat().st_size / 1e6:.1f} MB)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared folder (holds data/)")
    ap.add_argument("--out", type=Path, default=artefact_path(), help="the tagger's file")
    ap.add_argument("--words-out", type=Path, default=cue_words.artefact_path(), help="the parse-feature model's file")
    ap.add_argument("--only", choices=("tagger", "words"), help="train one of the two models (default: both)")
    ap.add_argument("--words-c", type=float, default=0.3, help="inverse regularisation of the parse-feature model")
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--lr", type=float, default=1.5e-3)
    ap.add_argument("--seed", type=int, default=29)
    ap.add_argument("--cue-weight", type=float, default=2.0, help="loss weight of the Cue tags against the others")
    args = ap.parse_args()
    train = args.shared / "data" / "polnear" / "train"
    if not (train / "text").is_dir() or not (train / "attributions").is_dir():
        print(f"PolNeAR train not found under {train} (needs text/ and attributions/). "
              "Pass --shared PATH (the folder holding data/).", file=sys.stderr)
        return 2

    parsed = parse_train(train)
    if args.only != "tagger":
        train_cue_words(parsed, args.words_out, args.words_c)
    if args.only == "words":
        return 0

    import torch

    torch.manual_seed(args.seed)
    torch.set_num_threads(2)
    tokenizer, model = build_model(train=True)
    data = tagger_examples(parsed, tokenizer)
    del parsed
    params = [p for p in model.parameters() if p.requires_grad]
    optim = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    steps = args.epochs * ((len(data) + args.batch_size - 1) // args.batch_size)
    sched = torch.optim.lr_scheduler.OneCycleLR(optim, max_lr=args.lr, total_steps=steps, pct_start=0.1)
    weights = torch.tensor([args.cue_weight if label.endswith("-Cue") else 1.0 for label in LABELS])
    loss_fn = torch.nn.CrossEntropyLoss(weight=weights, ignore_index=-100)
    rng = random.Random(args.seed)
    started = time.time()
    with Progress() as progress:
        task = progress.add_task("training", total=steps)
        for epoch in range(args.epochs):
            order = list(range(len(data)))
            rng.shuffle(order)
            total = 0.0
            for b in range(0, len(order), args.batch_size):
                batch = [data[i] for i in order[b : b + args.batch_size]]
                ids, mask = padded([i for i, _ in batch])
                gold, _ = padded([y for _, y in batch], fill=-100)
                logits = model(torch.tensor(ids), torch.tensor(mask))
                loss = loss_fn(logits.reshape(-1, len(LABELS)), torch.tensor(gold).reshape(-1))
                loss.backward()
                optim.step()
                sched.step()
                optim.zero_grad()
                total += loss.item()
                progress.advance(task)
            print(f"epoch {epoch + 1}: mean loss {total / max(1, len(order) // args.batch_size):.4f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    torch.save(trainable_state(model), args.out)
    print(f"{len(data)} windows, {time.time() - started:.0f} s; wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
