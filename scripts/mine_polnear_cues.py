"""Mine attribution cue lemmas from the PolNeAR *train* split (never dev or test).

For every verb lemma: how often it heads an annotated Cue span, over how often it occurs
as a verb in the train texts. Lemmas that are cues often enough are written to
``src/wirecoder/data/attribution/mined_cues.tsv`` (the lexicon loader adds them as tier
``mined``); nouns the same way to ``mined_noun_cues.tsv`` ("claim that …", "calls for …"). Usage: ``python scripts/mine_polnear_cues.py ../shared/data/polnear``
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from wirecoder.stages.nlp import load_nlp

MIN_CUES = 5
MIN_PRECISION = 0.1
DATA = Path(__file__).resolve().parents[1] / "src/wirecoder/data/attribution"
OUT = {"VERB": DATA / "mined_cues.tsv", "NOUN": DATA / "mined_noun_cues.tsv"}


def cue_spans(ann: Path) -> list[tuple[int, int]]:
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and line.startswith("T") and parts[1].startswith("Cue "):
            for frag in parts[1][4:].split(";"):
                s, e = frag.split()
                spans.append((int(s), int(e)))
    return spans


def main(root: Path) -> None:
    nlp = load_nlp()
    train = root / "train"
    anns: dict[str, Path] = {}
    for ann in sorted((train / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    names = sorted(anns)
    texts = [(train / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    as_cue: dict[str, Counter[str]] = {pos: Counter() for pos in OUT}
    as_pos: dict[str, Counter[str]] = {pos: Counter() for pos in OUT}
    with nlp.select_pipes(enable=["tok2vec", "tagger", "attribute_ruler", "lemmatizer"]):
        for name, sdoc in zip(names, nlp.pipe(texts, batch_size=16), strict=True):
            spans = cue_spans(anns[name])
            for tok in sdoc:
                pos = "VERB" if tok.pos_ in {"VERB", "AUX"} else tok.pos_
                if pos not in OUT:
                    continue
                lemma = tok.lemma_.lower()
                as_pos[pos][lemma] += 1
                if any(s <= tok.idx < e for s, e in spans):
                    as_cue[pos][lemma] += 1
    for pos, out in OUT.items():
        rows = [
            (lemma, n, as_pos[pos][lemma], n / as_pos[pos][lemma])
            for lemma, n in as_cue[pos].items()
            if n >= MIN_CUES and n / as_pos[pos][lemma] >= MIN_PRECISION
        ]
        rows.sort(key=lambda r: -r[1])
        with out.open("w", encoding="utf-8") as fh:
            fh.write("lemma\tas_cue\tas_verb\tprecision\n" if pos == "VERB" else "lemma\tas_cue\tas_noun\tprecision\n")
            for lemma, n, total, p in rows:
                fh.write(f"{lemma}\t{n}\t{total}\t{p:.3f}\n")
        print(f"wrote {len(rows)} cue lemmas to {out}")

if __name__ == "__main__":
    main(Path(sys.argv[1]))
