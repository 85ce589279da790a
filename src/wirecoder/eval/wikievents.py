"""``wirecoder eval wikievents DIR``: argument head-word F1 on WikiEvents dev (KAIROS).

Only attack- and death-like events are scored: ``Conflict.Attack.*``, ``Life.Die.*`` and
``Life.Injure.*``, with roles folded to five: Attacker (Attacker, Killer, Injurer),
Target, Victim, Place, Instrument (Instrument, ExplosiveDevice). wirecoder codes one event
per incident rather than one per trigger word, so scoring is per document: the set of
(role, head word) pairs of the gold arguments against the pairs the pipeline's events
give (actor1 or perpetrator words → Attacker; actor2 or target words → Target, and Victim
when the event has casualties; location → Place; weapon → Instrument). ``head`` F1 needs
the same head word; ``coref`` F1 also accepts the head of any mention coreferent with the
gold argument (the coref clusters shipped with the data).

Rows: ``wirecoder``; ``ner-first`` (per document the first spaCy GPE as Place, ORG/NORP as
Attacker, PERSON as Victim, a baseline from the same parse); ``oracle-trigger`` Place accuracy
(event_location called at each gold trigger with a gold Place: the places code alone).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..document import Document
from ..errors import E, WirecoderError
from ..geo import event_location
from ..records import Event
from .base import SYSTEM, EvalOptions, EvalResult, find_split_file, register_eval, resolve_split
from .metrics import PRF

TYPES = ("Conflict.Attack", "Life.Die", "Life.Injure")
ROLE_MAP = {
    "Attacker": "Attacker", "Killer": "Attacker", "Injurer": "Attacker", "Target": "Target", "Victim": "Victim",
    "Place": "Place", "Instrument": "Instrument", "ExplosiveDevice": "Instrument",
}  # fmt: skip
ROLES = ("Attacker", "Target", "Victim", "Place", "Instrument")
_CUT = re.compile(r"\s+(?:of|in|at|on|from|who|which|that|with)\s+.*$|,.*$", re.I)
_CASUALTY_FREE = (None, 0)


def head(text: str | None) -> str:
    """Head word of a noun phrase: the last word before a post-modifier ("general of the
    army" → "general"), lower-cased, punctuation stripped."""
    if not text:
        return ""
    words = re.sub(r"[^\w\s-]", " ", _CUT.sub("", text.strip())).lower().split()
    return words[-1] if words else ""


def gold_args(doc: dict[str, Any]) -> dict[tuple[str, str], set[str]]:
    """(role, head) -> heads of every mention coreferent with that argument."""
    mentions = {m["id"]: m for m in doc["entity_mentions"]}
    cluster_of: dict[str, list[str]] = {}
    for cluster in doc.get("clusters", []):
        for mid in cluster:
            cluster_of[mid] = cluster
    out: dict[tuple[str, str], set[str]] = {}
    for ev in doc["event_mentions"]:
        if not ev["event_type"].startswith(TYPES):
            continue
        for arg in ev["arguments"]:
            role = ROLE_MAP.get(arg["role"])
            if role is None or not head(arg["text"]):
                continue
            alts = {head(mentions[m]["text"]) for m in cluster_of.get(arg["entity_id"], []) if m in mentions}
            out.setdefault((role, head(arg["text"])), set()).update(alts | {head(arg["text"])})
    return out


#: Event argument role -> WikiEvents (KAIROS) role.
_ARGUMENT_ROLES = {"perpetrator_individual": "Attacker", "perpetrator_organization": "Attacker", "target": "Target",
                   "victim": "Victim", "weapon": "Instrument"}  # fmt: skip


def predicted_args(events: Iterable[Event]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for ev in events:
        attacker = ev.perpetrator_text or (ev.actor1.name if ev.actor1 else None)
        target = ev.target_text or (ev.actor2.name if ev.actor2 else None)
        pairs = [("Attacker", attacker), ("Target", target), ("Instrument", ev.weapon),
                 ("Place", ev.location.name if ev.location else None)]  # fmt: skip
        if ev.fatalities not in _CASUALTY_FREE or ev.injuries not in _CASUALTY_FREE:
            pairs.append(("Victim", target))
        pairs += [(_ARGUMENT_ROLES[a.role], a.text) for a in ev.arguments]
        out.update((role, head(text)) for role, text in pairs if head(text))
    return out


def ner_first(doc: Document) -> set[tuple[str, str]]:
    firsts: dict[str, str] = {}
    for ent in doc.nlp.ents if doc.nlp is not None else ():
        role = {"GPE": "Place", "ORG": "Attacker", "NORP": "Attacker", "PERSON": "Victim"}.get(ent.label_)
        if role and role not in firsts:
            firsts[role] = ent.text
    return {(role, head(text)) for role, text in firsts.items() if head(text)}


def score_doc(gold: dict[tuple[str, str], set[str]], pred: set[tuple[str, str]], tally: PRF, coref: bool) -> list[tuple[str, str]]:
    """Add one document's counts; returns the gold pairs missed."""
    used: set[tuple[str, str]] = set()
    for p in sorted(pred):
        hit = next((g for g, alts in gold.items() if g not in used and g[0] == p[0] and (p[1] == g[1] or (coref and p[1] in alts))), None)
        if hit is None:
            tally.add(fp=1)
        else:
            used.add(hit)
            tally.add(tp=1)
    missed = [g for g in gold if g not in used]
    tally.add(fn=len(missed))
    return missed


def _char_span(doc: dict[str, Any], start: int, end: int) -> tuple[int, int]:
    flat = [t for sent in doc["sentences"] for t in sent[0]]
    return flat[start][1], flat[end - 1][2]


@register_eval("wikievents", help="WikiEvents (test.jsonl, else dev.jsonl; --split): document-level argument head/coref F1 for attack/die/injure events, NER baseline, oracle-trigger Place accuracy.")
def evaluate(path: Path, options: EvalOptions) -> EvalResult:
    from ..pipeline import Pipeline

    split = resolve_split(path, options, lambda root, name: find_split_file(root, name, [".jsonl"]), "{split}.jsonl")
    rows = [json.loads(x) for x in split.target.read_text(encoding="utf-8").splitlines() if x.strip()]
    if not rows:
        raise WirecoderError(E.E302, path=split.target, hint="The file has no documents.")
    coref_file = split.root / "coref" / f"{split.name.removesuffix('_info')}.jsonlines"
    if coref_file.exists():
        clusters = {}
        for x in coref_file.read_text(encoding="utf-8").splitlines():
            if x.strip():
                c = json.loads(x)
                clusters[c["doc_key"]] = c["clusters"]
        for r in rows:
            r["clusters"] = clusters.get(r["doc_id"], [])
    if options.limit:
        rows = rows[: options.limit]
    docs = list(Pipeline().pipe(Document(text=r["text"], doc_id=r["doc_id"]) for r in rows))
    tallies = {name: {mode: PRF() for mode in ("head", "coref")} for name in (SYSTEM, "ner-first")}
    per_role = {role: PRF() for role in ROLES}
    place_hits = place_n = 0
    errors: list[dict[str, Any]] = []
    for row, doc in zip(rows, docs, strict=True):
        gold = gold_args(row)
        ours = predicted_args(doc.events)
        for mode in ("head", "coref"):
            missed = score_doc(gold, ours, tallies[SYSTEM][mode], coref=mode == "coref")
            score_doc(gold, ner_first(doc), tallies["ner-first"][mode], coref=mode == "coref")
        for role in ROLES:
            score_doc({g: a for g, a in gold.items() if g[0] == role}, {p for p in ours if p[0] == role}, per_role[role], coref=True)
        for ev in row["event_mentions"]:
            places = [a for a in ev["arguments"] if a["role"] == "Place"]
            if not ev["event_type"].startswith(TYPES) or not places:
                continue
            s, e = _char_span(row, ev["trigger"]["start"], ev["trigger"]["end"])
            got = event_location(doc, s, e)
            ok = got is not None and head(got[0].name) in {head(a["text"]) for a in places}
            place_hits += ok
            place_n += 1
        if missed:
            errors.append({"doc_id": row["doc_id"], "missed": [list(m) for m in missed], "predicted": sorted(map(list, ours))})
    systems: dict[str, dict[str, float | None]] = {}
    for name, modes in tallies.items():
        systems[name] = {}
        for mode, t in modes.items():
            systems[name].update(t.as_dict(f"{mode}_"))
    for role, t in per_role.items():
        systems[SYSTEM][f"{role}_coref_f1"] = t.f1
    systems["oracle-trigger"] = {"place_accuracy": place_hits / place_n if place_n else None}
    return EvalResult(
        dataset="wikievents",
        path=str(path),
        n=len(rows),
        systems=systems,
        details={"gold_arguments": sum(len(gold_args(r)) for r in rows), "events": sum(len(d.events) for d in docs),
                 "place_triggers": place_n},  # fmt: skip
        errors=errors,
        split=split.name,
    )
