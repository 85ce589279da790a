"""``wirecoder eval polnear DIR``: attribution spans against PolNeAR dev (BRAT).

Gold: one ``.ann`` per article (the first annotator in sorted order), ``E`` lines giving
Source (optional), Cue and Content spans. Prediction: the spaCy parse of the raw text
(no normalisation, so offsets agree) and ``find_attributions`` with all cue tiers and nested
relations (PolNeAR annotates belief and evidence cues, and "X said Y said", too), the
``learned`` tier included when the tagger is installed; the rule tiers alone
(``wirecoder_rules``) and the ``speech`` tier the statements stage uses are rows beside it,
textacy's ``direct_quotations`` the baseline.

Matching, per role and per article, one-to-one and greedy by overlap size:
- **exact**: same character extent (first start, last end) once both are trimmed of
  whitespace, punctuation and quote marks at the edges;
- **overlap**: the spans share at least one token, i.e. their character ranges
  intersect on a non-space character.
The **link** score counts a relation correct when its content and its source both match
a gold relation's content and source under the same mode (gold relations without a
source cannot be linked and are left out of the link scores).

Articles that several annotators coded give the ceiling: every annotator scored against
every other (``annotators``) and ours against each of them (``wirecoder_agreement_articles``),
on the same articles, so a figure can be read against how far people agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..attribution.finder import ALL_TIERS, LEARNED, SPEECH, find_attributions, learned_tier_available
from ..errors import E, WirecoderError
from .base import EvalOptions, EvalResult, register_eval, resolve_split
from .metrics import PRF

Extent = tuple[int, int]
_TRIM = " \t\n\"'“”‘’«».,;:—–-()"


@dataclass(slots=True)
class Relation:
    content: Extent
    cue: Extent | None
    source: Extent | None


def _extent(frags: Iterable[tuple[int, int]]) -> Extent:
    frags = list(frags)
    return min(s for s, _ in frags), max(e for _, e in frags)


def read_ann(path: Path) -> list[Relation]:
    """Attribution relations of one BRAT file (spill-over lines of multi-line spans skipped)."""
    spans: dict[str, Extent] = {}
    rels: list[Relation] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            frags = [tuple(int(x) for x in f.split()) for f in offsets.split(";")]
            spans[parts[0]] = _extent(frags)  # type: ignore[arg-type]
    for line in lines:
        if not line.startswith("E"):
            continue
        roles = dict(r.split(":", 1) for r in line.split("\t")[1].split())
        if "Content" not in roles or roles["Content"] not in spans:
            continue
        rels.append(
            Relation(
                content=spans[roles["Content"]],
                cue=spans.get(roles.get("Cue", "")),
                source=spans.get(roles.get("Source", "")),
            )
        )
    return rels


def _trim(text: str, span: Extent) -> Extent:
    s, e = span
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return s, e


def _overlaps(text: str, a: Extent, b: Extent) -> int:
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return len(text[lo:hi].replace(" ", "").replace("\n", "")) if hi > lo else 0


def match(text: str, gold: list[Extent], pred: list[Extent], mode: str) -> list[tuple[int, int]]:
    """One-to-one matches (gold index, pred index), largest overlap first."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if mode == "exact":
                if _trim(text, g) == _trim(text, p):
                    cands.append((g[1] - g[0], gi, pi))
            else:
                size = _overlaps(text, g, p)
                if size:
                    cands.append((size, gi, pi))
    cands.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


class Scorer:
    """Accumulates per-role P/R/F1 over articles for one system."""

    def __init__(self) -> None:
        self.prf = {f"{role}_{mode}": PRF() for role in ("source", "cue", "content", "link") for mode in ("exact", "overlap")}

    def add(self, text: str, gold: list[Relation], pred: list[Relation]) -> list[tuple[int, int]]:
        content_overlap: list[tuple[int, int]] = []
        for mode in ("exact", "overlap"):
            for role in ("source", "cue", "content"):
                g = [getattr(r, role) for r in gold if getattr(r, role)]
                p = [getattr(r, role) for r in pred if getattr(r, role)]
                m = match(text, g, p, mode)
                self.prf[f"{role}_{mode}"].add(tp=len(m), fp=len(p) - len(m), fn=len(g) - len(m))
            gl = [r for r in gold if r.source]
            pl = [r for r in pred if r.source]
            m = match(text, [r.content for r in gl], [r.content for r in pl], mode)
            tp = sum(1 for gi, pi in m if match(text, [gl[gi].source], [pl[pi].source], mode))  # type: ignore[list-item]
            self.prf[f"link_{mode}"].add(tp=tp, fp=len(pl) - tp, fn=len(gl) - tp)
            if mode == "overlap":
                content_overlap = match(text, [r.content for r in gold], [r.content for r in pred], mode)
        return content_overlap

    def metrics(self) -> dict[str, float | None]:
        out: dict[str, float | None] = {}
        for name, prf in self.prf.items():
            out[f"{name}_f1"] = round(prf.f1, 4)
        for role in ("content", "source", "cue"):
            out[f"{role}_overlap_precision"] = round(self.prf[f"{role}_overlap"].precision, 4)
            out[f"{role}_overlap_recall"] = round(self.prf[f"{role}_overlap"].recall, 4)
        return out


def ours(sdoc, tiers: tuple[str, ...], nested: bool = False) -> list[Relation]:  # type: ignore[no-untyped-def]
    return [
        Relation(content=_extent(a.content), cue=a.cue, source=a.source)
        for a in find_attributions(sdoc, tiers, nested=nested)
    ]


def textacy_quotes(sdoc) -> list[Relation]:  # type: ignore[no-untyped-def]
    """textacy 0.13 ``direct_quotations``; it refuses texts with an odd number of quote marks."""
    from textacy.extract.triples import direct_quotations

    out: list[Relation] = []
    try:
        for triple in direct_quotations(sdoc):
            content = (triple.content.start_char, triple.content.end_char)
            cue = (triple.cue[0].idx, triple.cue[-1].idx + len(triple.cue[-1].text)) if triple.cue else None
            src = (
                (triple.speaker[0].idx, triple.speaker[-1].idx + len(triple.speaker[-1].text)) if triple.speaker else None
            )
            out.append(Relation(content=content, cue=cue, source=src))
    except ValueError:
        return []
    return out


def is_split_dir(folder: Path) -> bool:
    """A PolNeAR split folder (``dev/``, ``test/``) holds ``text/`` and ``attributions/``."""
    return (folder / "text").is_dir() and (folder / "attributions").is_dir()


def _annotations(folder: Path) -> dict[str, list[Path]]:
    """Article name -> its ``.ann`` files, one per annotator, in sorted order."""
    by_article: dict[str, list[Path]] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        by_article.setdefault(re.sub(r"_[0-9a-f]{4}$", "", ann.stem), []).append(ann)
    return dict(sorted(by_article.items()))


def load_split(folder: Path) -> list[tuple[str, str, list[Relation]]]:
    """(article name, text, gold relations) for each article of one split folder."""
    return [(name, (folder / "text" / f"{name}.txt").read_text(encoding="utf-8"), read_ann(anns[0]))
            for name, anns in _annotations(folder).items()]  # fmt: skip


def multi_annotated(folder: Path) -> dict[str, list[list[Relation]]]:
    """Article name -> each annotator's relations, for the articles several people coded."""
    return {name: [read_ann(a) for a in anns] for name, anns in _annotations(folder).items() if len(anns) > 1}


def score_agreement(text: str, coders: list[list[Relation]], ours: list[Relation],
                    people: Scorer, system: Scorer) -> None:
    """Every annotator against every other, and ours against each annotator as often, so
    both scorers see the same number of (gold, prediction) pairs."""
    for gi, gold in enumerate(coders):
        for pi, pred in enumerate(coders):
            if gi != pi:
                people.add(text, gold, pred)
                system.add(text, gold, ours)


@register_eval("polnear", help="PolNeAR (test, else dev; --split): Source/Cue/Content span F1 (exact and token overlap) and source-content links with the learned tier (rules alone, speech tier and textacy as rows beside it); annotator agreement on articles several people coded.")
def evaluate(path: Path, options: EvalOptions) -> EvalResult:
    from ..stages.nlp import load_nlp

    split = resolve_split(
        path, options, lambda root, name: root / name if is_split_dir(root / name) else None,
        "{split}/text and {split}/attributions", is_split_dir=is_split_dir, accepts_files=False,
    )  # fmt: skip
    articles = load_split(split.target)
    if not articles:
        raise WirecoderError(E.E302, path=split.target / "attributions", hint="No .ann files in it.")
    if options.limit:
        articles = articles[: options.limit]
    nlp = load_nlp()
    learned = learned_tier_available()
    tiers = ALL_TIERS + (LEARNED,) if learned else ALL_TIERS
    systems = {"wirecoder": Scorer(), "wirecoder_rules": Scorer(), "wirecoder_speech_tier": Scorer(), "textacy": Scorer()}
    coded_by_several = multi_annotated(split.target)
    people, ours_there = Scorer(), Scorer()
    errors: list[dict] = []
    n_gold = 0
    for (name, text, gold), sdoc in zip(articles, nlp.pipe((t for _, t, _ in articles), batch_size=options.batch_size), strict=True):
        n_gold += len(gold)
        pred = ours(sdoc, tiers, nested=True)
        matched = systems["wirecoder"].add(text, gold, pred)
        systems["wirecoder_rules"].add(text, gold, ours(sdoc, ALL_TIERS, nested=True) if learned else pred)
        systems["wirecoder_speech_tier"].add(text, gold, ours(sdoc, SPEECH))
        systems["textacy"].add(text, gold, textacy_quotes(sdoc))
        if name in coded_by_several:
            score_agreement(text, coded_by_several[name], pred, people, ours_there)
        hit_g = {gi for gi, _ in matched}
        hit_p = {pi for _, pi in matched}
        show = lambda s: text[s[0] : s[1]] if s else None  # noqa: E731
        for gi, g in enumerate(gold):
            if gi not in hit_g:
                errors.append({"article": name, "miss": "fn", "cue": show(g.cue), "source": show(g.source), "content": show(g.content)[:300]})
        for pi, p in enumerate(pred):
            if pi not in hit_p:
                errors.append({"article": name, "miss": "fp", "cue": show(p.cue), "source": show(p.source), "content": show(p.content)[:300]})
    scored = {name: s.metrics() for name, s in systems.items()}
    agreement_articles = sum(name in coded_by_several for name, _, _ in articles)
    if agreement_articles:
        scored["annotators"] = people.metrics()
        scored["wirecoder_agreement_articles"] = ours_there.metrics()
    return EvalResult(
        dataset="polnear",
        path=str(path),
        n=len(articles),
        systems=scored,
        details={"gold_relations": n_gold, "annotator": "first .ann per article in sorted order", "tiers": list(tiers),
                 "agreement_articles": agreement_articles},
        errors=errors,
        split=split.name,
    )
