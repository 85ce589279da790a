"""Mine attribution cue lemmas from the PolNeAR *train* split (never dev or test).

For every verb lemma: how often it heads an annotated Cue span, over how often it occurs
as a verb in the train texts. Lemmas that are cues often enough are written to
``src/wirecoder/data/attribution/mined_cues.tsv`` (the lexicon loader adds them as tier
``mined``); nouns the same way to ``mined_noun_cues.tsv`` ("claim that …", "calls for …"),
and verb, noun and adjective + preposition pairs whose cue span takes in the preposition
and whose content starts right after it ("pointed to X", "criticism of X", "critical of X")
to ``mined_cue_preps.tsv``. Usage: ``python scripts/mine_polnear_cues.py ../shared/data/polnear``
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
PREPS_OUT = DATA / "mined_cue_preps.tsv"


def role_spans(ann: Path, role: str) -> list[tuple[int, int]]:
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and line.startswith("T") and parts[1].startswith(role + " "):
            for frag in parts[1][len(role) + 1 :].split(";"):
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
    pair_cue: Counter[tuple[str, str, str]] = Counter()
    pair_all: Counter[tuple[str, str, str]] = Counter()
    with nlp.select_pipes(enable=["tok2vec", "tagger", "attribute_ruler", "lemmatizer"]):
        for name, sdoc in zip(names, nlp.pipe(texts, batch_size=16), strict=True):
            spans = role_spans(anns[name], "Cue")
            contents = role_spans(anns[name], "Content")
            for tok in sdoc:
                pos = "VERB" if tok.pos_ in {"VERB", "AUX"} else tok.pos_
                lemma = tok.lemma_.lower()
                inside = [(s, e) for s, e in spans if s <= tok.idx < e]
                if pos in {"VERB", "NOUN", "ADJ"} and tok.i + 2 < len(sdoc) and sdoc[tok.i + 1].pos_ == "ADP":
                    prep, obj = sdoc[tok.i + 1], sdoc[tok.i + 2]
                    pair = (pos, lemma, prep.lower_)
                    pair_all[pair] += 1
                    if any(s <= prep.idx < e for s, e in inside) and any(s <= obj.idx < e for s, e in contents):
                        pair_cue[pair] += 1
                if pos not in OUT:
                    continue
                as_pos[pos][lemma] += 1
                if inside:
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
    pairs = [(pair, n, pair_all[pair]) for pair, n in pair_cue.most_common() if n >= MIN_CUES and n / pair_all[pair] >= MIN_PRECISION]
    with PREPS_OUT.open("w", encoding="utf-8") as fh:
        fh.write("pos\tlemma\tprep\tas_cue\tas_pair\tprecision\n")
        for (pos, lemma, prep), n, total in pairs:
            fh.write(f"{pos}\t{lemma}\t{prep}\t{n}\t{total}\t{n / total:.3f}\n")
    print(f"wrote {len(pairs)} verb/noun/adjective + preposition cues to {PREPS_OUT}")

if __name__ == "__main__":
    main(Path(sys.argv[1]))
