"""``wirecoder eval muc4-confidence DIR``: how firmly the perpetrator is tied to the act.

Gold: slot ``11. PERP: ORGANIZATION CONFIDENCE`` of the raw dev keys (TST1 + TST2), first
filler line of each relevant template, mapped onto the event ``attribution`` values:

| MUC-4 | attribution |
|---|---|
| REPORTED AS FACT | reported |
| CLAIMED OR ADMITTED | claimed |
| SUSPECTED OR ACCUSED, SUSPECTED OR ACCUSED BY AUTHORITIES, POSSIBLE | alleged |
| ACQUITTED | alleged (someone accused; a court or the accused denied) |

A key with alternatives ("REPORTED AS FACT / CLAIMED OR ADMITTED") accepts any of them.
The texts go through the whole pipeline in the true-cased wire form the ``muc4`` adapter
builds. ``wirecoder`` is the attribution of the pipeline's event whose perpetrator matches
one of the key's organisation names; where no event matches, ``attribution_for`` (the
helper the events stage may use) at the first mention of each of the key's names for the
organisation, a claim under any name first, then an allegation. The
``attribution_for`` row uses the helper for every template; ``majority`` is the most
frequent label of the train keys.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from ..attribution.confidence import attribution_for
from ..document import Document
from ..errors import E, WirecoderError
from ..records import Event
from .base import SYSTEM, EvalOptions, EvalResult, register_eval
from .muc4 import norm, raw_doc, read_raw, resolve_muc4

CONFIDENCE_MAP = {
    "REPORTED AS FACT": "reported",
    "CLAIMED OR ADMITTED": "claimed",
    "SUSPECTED OR ACCUSED": "alleged",
    "SUSPECTED OR ACCUSED BY AUTHORITIES": "alleged",
    "POSSIBLE": "alleged",
    "ACQUITTED": "alleged",
}
_SLOT = re.compile(r"^(\d+)\.\s+\S.*?(?:\s{2,}(\S.*))?$")
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def parse_confidence(text: str) -> dict[str, list[tuple[set[str], list[str]]]]:
    """Key file -> doc id -> [(accepted attributions, organisation names)] for each relevant
    template with a confidence filler."""
    out: dict[str, list[tuple[set[str], list[str]]]] = {}
    for block in re.split(r"\n\s*\n", text):
        slots: dict[int, str] = {}
        for line in block.splitlines():
            m = _SLOT.match(line)
            if m and not line.startswith(";;;"):
                slots[int(m.group(1))] = (m.group(2) or "").strip()
        if 0 not in slots:
            continue
        doc_id = slots[0]
        value = slots.get(11, "-")
        if slots.get(1, "*") == "*" or value in {"-", "*", ""}:
            continue
        labels_part, _, orgs_part = value.partition(":")
        labels = {CONFIDENCE_MAP[x.strip().lstrip("?").strip()] for x in labels_part.split("/") if x.strip().lstrip("?").strip() in CONFIDENCE_MAP}
        orgs = [o.replace('\\"', '"') for o in _QUOTED.findall(orgs_part)]
        if labels:
            out.setdefault(doc_id, []).append((labels, orgs))
    return out


def first_mention(doc: Document, orgs: list[str]) -> tuple[int, int] | None:
    """The first place in the text where one of the organisation names occurs."""
    best = None
    low = doc.text.lower()
    for org in orgs:
        i = low.find(org.lower(), doc.scratch.get("body_start", 0))
        if i >= 0 and (best is None or i < best[0]):
            best = (i, i + len(org))
    return best


def helper_label(doc: Document, orgs: list[str]) -> str:
    """``attribution_for`` at the first mention of each of the key's names for the
    organisation (aliases the pipeline may not have joined): a claim under any name wins,
    then an allegation; none found, or no name in the text, is ``reported``."""
    found = set()
    for org in orgs:
        span = first_mention(doc, [org])
        if span is not None:
            found.add(attribution_for(doc, None, span)[0])
    return next((label for label in ("claimed", "alleged") if label in found), "reported")


def matching_event(doc: Document, orgs: list[str]) -> Event | None:
    names = {norm(o) for o in orgs}
    for ev in doc.events:
        cands = [ev.perpetrator_text, ev.actor1.name if ev.actor1 else None]
        if any(c and (norm(c) in names or any(n and n in norm(c) for n in names)) for c in cands):
            return ev
    return None


def _majority(root: Path) -> str | None:
    """The most frequent label of the train keys (``raw/train``); None without them."""
    counts: Counter[str] = Counter()
    for key in sorted((root / "raw" / "train").glob("key-*")):
        for temps in parse_confidence(key.read_text(encoding="latin-1")).values():
            for labels, _ in temps:
                counts.update(labels)
    return counts.most_common(1)[0][0] if counts else None


@register_eval("muc4-confidence", help="MUC-4 (test = TST3+TST4, else dev = TST1+TST2; --split): PERP: ORGANIZATION CONFIDENCE vs event attribution (accuracy), majority baseline.")
def evaluate(path: Path, options: EvalOptions) -> EvalResult:
    from ..pipeline import Pipeline

    split, raw_dir, _ = resolve_muc4(path, options, need_gtt=False)
    root = split.root
    keys: dict[str, list[tuple[set[str], list[str]]]] = {}
    key_texts, texts = read_raw(raw_dir)
    for content in key_texts:
        keys.update(parse_confidence(content))
    texts = [(i, t) for i, t in texts if i in keys]
    if not texts:
        raise WirecoderError(E.E302, path=raw_dir, hint="No MUC text with a PERP: ORGANIZATION CONFIDENCE key in it.")
    if options.limit:
        texts = texts[: options.limit]
    raws = [raw_doc(i, t) for i, t in texts]
    docs = [Document(text=r.text, doc_id=r.doc_id, published=r.published, published_from_meta=r.published is not None) for r in raws]
    majority = _majority(root)
    tallies: dict[str, Counter[str]] = {s: Counter() for s in (SYSTEM, "attribution_for", "majority")}
    gold_counts: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    matched = 0
    for doc in Pipeline().pipe(docs):
        for labels, orgs in keys.get(doc.doc_id, []):
            gold_counts.update(labels)
            span = first_mention(doc, orgs)
            helper = helper_label(doc, orgs)
            ev = matching_event(doc, orgs)
            matched += ev is not None
            ours = ev.attribution if ev is not None else helper
            for name, pred in ((SYSTEM, ours), ("attribution_for", helper), ("majority", majority)):
                tallies[name]["n"] += 1
                tallies[name]["ok"] += pred in labels
            if ours not in labels:
                errors.append({"doc_id": doc.doc_id, "gold": sorted(labels), "pred": ours, "orgs": orgs,
                               "from": "event" if ev is not None else "attribution_for",
                               "context": doc.text[max(0, span[0] - 150) : span[1] + 150] if span else None})  # fmt: skip
    systems = {name: {"accuracy": t["ok"] / t["n"] if t["n"] else None} for name, t in tallies.items()}
    notes = [] if majority else ["majority baseline omitted: no train keys in raw/train/"]
    if majority is None:
        del systems["majority"]
    n = tallies[SYSTEM]["n"]
    return EvalResult(
        dataset="muc4-confidence",
        path=str(root),
        n=n,
        systems=systems,
        details={"templates": n, "matched_events": matched, "gold_labels": dict(gold_counts), "majority_label": majority,
                 **({"baseline_notes": notes} if notes else {})},  # fmt: skip
        errors=errors,
        split=split.name,
    )
