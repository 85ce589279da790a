"""``wirecoder eval acled FILE``: ACLED notes through the real pipeline, field by field.

Input: each row's ``notes``, published on the event date (relative dates in the notes
resolve against it). The document's main event is its first/highest-confidence event;
a document without one scores as a miss on every field. The event-type classifier is
cross-validated: rows of fold k are coded by a pipeline whose classifier never saw them
(it learns from the other labelled files and this file's other folds).

2015 files (old schema) are scored at the merged level of ``taxonomy.yaml``
``legacy_2015``: Battle-* → Battles, Remote violence → Explosions/Remote violence,
Riots/Protests → "Protests|Riots" (either counts), Strategic development → Strategic
developments; a predicted sub-type that 2015 coders typed by its target (a suicide
bombing: a battle on state forces, else violence against civilians;
``legacy_2015_by_target``) is scored as they typed it. Modern files also score
sub_event_type.

Baselines in the same table: majority class; keywords (the first cue of the lexicon);
TF-IDF + linear SVM (5-fold CV on this file alone); a regex for fatalities.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ..actors import canonical_actor, strip_period
from ..actors.countries import countries
from ..document import Document
from ..errors import E, WirecoderError
from ..events.corpora import LabelledText, fold_of, read_acled
from ..events.lexicon import NONE, PROTESTS_OR_RIOTS, deciding_cue, find_cues, taxonomy
from ..events.training import cv_tfidf_svm, events_options, fold_classifiers, shipped_model_for
from ..geo import normalize_admin1
from ..geo.distance import km
from ..geo.names import fold
from ..pipeline import DEFAULT_STAGES, Pipeline
from ..records import Event
from .base import EvalOptions, EvalResult, find_split_file, register_eval, resolve_split
from .metrics import accuracy, macro_f1, per_class_f1

_KM = 25.0
_REGEX_TOLL = re.compile(r"(\d+)\s+(?:[\w-]+\s+){0,3}?(?:were\s+|have\s+been\s+|was\s+)?(?:killed|dead|died)", re.I)


def _main_event(events: list[Event]) -> Event | None:
    if not events:
        return None
    return max(events, key=lambda e: e.confidence) if len(events) > 1 and events[0].confidence < 0.3 else events[0]


def _group(event_type: str | None, legacy: bool) -> str:
    if not event_type:
        return NONE
    if legacy and event_type in {"Protests", "Riots"}:
        return PROTESTS_OR_RIOTS
    return event_type


def _scored_type(event: Event | None, legacy: bool) -> str:
    """The group an event is scored in; against 2015 gold, sub-types that coders then
    typed by their target (``taxonomy.yaml`` ``legacy_2015_by_target``) take the type
    their target gives."""
    if event is None:
        return NONE
    by_target = taxonomy().legacy_2015_by_target.get(event.sub_event_type or "") if legacy else None
    if by_target:
        target = event.actor2.type if event.actor2 else "other"
        return by_target.get(target, by_target["other"])
    return _group(event.event_type, legacy)


def _same_actor(gold: str, pred: str | None, country: str | None) -> bool:
    """Names match after canonicalisation (ACLED's "(2013-2018)" periods stripped)."""
    if not gold or not pred:
        return not gold and not pred
    g, p = strip_period(gold).casefold(), strip_period(pred).casefold()
    if g == p:
        return True
    ref = canonical_actor(gold, country)
    return ref is not None and strip_period(ref.name).casefold() == p


def _named_but_far(offsets: list[float]) -> dict[str, float | int | None]:
    """Rows whose place we name as the gold row does yet sit over 25 km from its point: the
    gold point is then another reading of the same name (ACLED's 2015 Pakistan rows often
    put a town at its district's centre), so these misses are not the place choice's."""
    offsets = sorted(offsets)
    return {"rows": len(offsets), "median_km": round(offsets[len(offsets) // 2], 1) if offsets else None}


def _keyword_type(text: str) -> str | None:
    cue = deciding_cue(find_cues(text))
    return cue.sub_event_type if cue else None


def _regex_toll(text: str) -> int:
    m = _REGEX_TOLL.search(text)
    return int(m.group(1)) if m else 0


def _run(items: list[LabelledText], path: Path, opts: EvalOptions) -> list[Event | None]:
    """Code every row with the pipeline of its fold; returns each row's main event. An
    ACLED file covers one country, which the pipeline is told as a coder would know it
    (used only for reports that name no country, to place generic actors) and set as each
    Document's ``country_hint`` from the file's ``country`` column (a prior for places)."""
    classifiers = fold_classifiers(items, path, opts.folds)
    feed = Counter(x.row.get("country", "") for x in items).most_common(1)[0][0]
    iso3 = countries().by_name.get(feed.lower())
    mains: list[Event | None] = [None] * len(items)
    for k, clf in enumerate(classifiers):
        idx = [i for i, x in enumerate(items) if fold_of(x.key, opts.folds) == k]
        pipe = Pipeline(DEFAULT_STAGES, events_options(clf, default_country=iso3))
        docs = (
            Document(text=items[i].text, doc_id=str(i), published=items[i].published, published_from_meta=True,
                     country_hint=iso3)
            for i in idx
        )
        for doc in pipe.pipe(docs):
            mains[int(doc.doc_id)] = _main_event(doc.events)
    return mains


@register_eval(
    "acled",
    help="ACLED CSV (2015 or modern schema): event/sub-event type, fatalities, date, admin1, location ≤25 km, "
    "actor1; classifier 5-fold CV; majority, keyword, TF-IDF+SVM and regex baselines.",
)
def eval_acled(path: Path, opts: EvalOptions) -> EvalResult:
    split = resolve_split(path, opts, lambda root, name: find_split_file(root, name, [".csv"]), "{split}.csv")
    path = split.target
    items = list(read_acled(path))
    if not items:
        raise WirecoderError(E.E302, path=path, hint="The file has no labelled rows.")
    if opts.limit:
        items = items[: opts.limit]
    legacy = not any(x.fine for x in items)
    tax = taxonomy()
    mains = _run(items, path, opts)

    gold_type = [x.coarse or NONE for x in items]
    gold_sub = [x.fine or NONE for x in items]
    pred_type = [_scored_type(e, legacy) for e in mains]
    pred_sub = [(e.sub_event_type or NONE) if e else NONE for e in mains]
    if not legacy:  # modern gold carries the real event type
        gold_type = [tax.event_type_of.get(x.fine or "", x.coarse or NONE) for x in items]
    gold_fat = [int(x.row.get("fatalities") or 0) for x in items]
    pred_fat = [e.fatalities if e else None for e in mains]

    fields: dict[str, list[bool]] = {"admin1": [], "location_25km": [], "actor1": [], "date": []}
    named_but_far: list[float] = []  # km from the gold point when the place named is the gold one
    for x, e in zip(items, mains, strict=True):
        row = x.row
        iso3 = e.location.country if e and e.location else None
        fields["date"].append(bool(e) and e.date == x.published)
        gold_admin1 = normalize_admin1(row.get("admin1"), iso3)
        pred_admin1 = normalize_admin1(e.location.admin1, iso3, e.location.lat, e.location.lon) if e and e.location else None
        fields["admin1"].append(bool(pred_admin1) and (pred_admin1 or "").casefold() == (gold_admin1 or "").casefold())
        near = False
        if e and e.location and e.location.lat is not None and row.get("latitude"):
            off = km(float(row["latitude"]), float(row["longitude"]), e.location.lat, e.location.lon or 0.0)
            near = off <= _KM
            if not near and e.location.name and fold(e.location.name) == fold(row.get("location") or ""):
                named_but_far.append(off)
        fields["location_25km"].append(near)
        fields["actor1"].append(_same_actor(row.get("actor1", ""), e.actor1.name if e and e.actor1 else None, iso3))

    n = len(items)
    ours: dict[str, float | None] = {
        "event_type_acc": accuracy(gold_type, pred_type),
        "event_type_macro_f1": macro_f1(gold_type, pred_type),
    }
    if not legacy:
        ours["sub_event_type_acc"] = accuracy(gold_sub, pred_sub)
        ours["sub_event_type_macro_f1"] = macro_f1(gold_sub, pred_sub)
    ours["fatalities_exact"] = accuracy(gold_fat, pred_fat)
    for name, hits in fields.items():
        ours[f"{name}_acc" if name in {"admin1", "actor1", "date"} else name] = sum(hits) / n if n else None
    ours["events_found"] = sum(e is not None for e in mains) / n if n else None

    # --- baselines ----------------------------------------------------------------------
    texts, keys = [x.text for x in items], [x.key for x in items]
    maj_type = Counter(gold_type).most_common(1)[0][0]
    maj_sub = Counter(gold_sub).most_common(1)[0][0]
    maj_actor = Counter(x.row.get("actor1", "") for x in items).most_common(1)[0][0]
    majority: dict[str, float | None] = {
        "event_type_acc": accuracy(gold_type, [maj_type] * n),
        "event_type_macro_f1": macro_f1(gold_type, [maj_type] * n),
    }
    kw_sub = [_keyword_type(t) for t in texts]
    kw_type = [_group(tax.event_type_of.get(s or "") or maj_type.split("|")[0], legacy) if s else maj_type for s in kw_sub]
    keyword: dict[str, float | None] = {
        "event_type_acc": accuracy(gold_type, kw_type),
        "event_type_macro_f1": macro_f1(gold_type, kw_type),
    }
    svm_type = cv_tfidf_svm(texts, gold_type, keys, opts.folds)
    svm: dict[str, float | None] = {
        "event_type_acc": accuracy(gold_type, svm_type),
        "event_type_macro_f1": macro_f1(gold_type, svm_type),
    }
    if not legacy:
        majority["sub_event_type_acc"] = accuracy(gold_sub, [maj_sub] * n)
        majority["sub_event_type_macro_f1"] = macro_f1(gold_sub, [maj_sub] * n)
        kw = [s or maj_sub for s in kw_sub]
        keyword["sub_event_type_acc"] = accuracy(gold_sub, kw)
        keyword["sub_event_type_macro_f1"] = macro_f1(gold_sub, kw)
        svm_sub = cv_tfidf_svm(texts, gold_sub, keys, opts.folds)
        svm["sub_event_type_acc"] = accuracy(gold_sub, svm_sub)
        svm["sub_event_type_macro_f1"] = macro_f1(gold_sub, svm_sub)
    majority["fatalities_exact"] = accuracy(gold_fat, [Counter(gold_fat).most_common(1)[0][0]] * n)
    majority["actor1_acc"] = sum(x.row.get("actor1", "") == maj_actor for x in items) / n if n else None
    majority["date_acc"] = 1.0  # the publication date given is the event date: the floor of "date"
    regex = {"fatalities_exact": accuracy(gold_fat, [_regex_toll(t) for t in texts])}

    result = EvalResult(
        split=split.name,
        dataset="acled" + (" (2015 schema, merged types)" if legacy else ""),
        path=str(path),
        n=n,
        systems={"wirecoder": ours, "majority": majority, "keyword": keyword, "tfidf_svm_cv": svm, "regex": regex},
        details={
            "folds": opts.folds,
            "classifier": "shipped model (it never saw these rows)" if shipped_model_for(items) else "cross-validated per fold",
            "per_class_event_type": {k: {"f1": f, "n": s} for k, (f, s) in per_class_f1(gold_type, pred_type).items()},
            "location_named_but_far": _named_but_far(named_but_far),
        },
    )
    if not legacy:
        result.details["per_class_sub_event_type"] = {
            k: {"f1": f, "n": s} for k, (f, s) in per_class_f1(gold_sub, pred_sub).items()
        }
    for i, (x, e) in enumerate(zip(items, mains, strict=True)):
        misses = {}
        if gold_type[i] != pred_type[i]:
            misses["event_type"] = (gold_type[i], pred_type[i])
        if not legacy and gold_sub[i] != pred_sub[i]:
            misses["sub_event_type"] = (gold_sub[i], pred_sub[i])
        if gold_fat[i] != pred_fat[i]:
            misses["fatalities"] = (gold_fat[i], pred_fat[i])
        for name, hits in fields.items():
            if not hits[i]:
                gold = {"admin1": x.row.get("admin1"), "location_25km": x.row.get("location"),
                        "actor1": x.row.get("actor1"), "date": x.published}[name]
                pred = None
                if e is not None:
                    pred = {"admin1": e.location.admin1 if e.location else None,
                            "location_25km": e.location.name if e.location else None,
                            "actor1": e.actor1.name if e.actor1 else None, "date": e.date}[name]
                misses[name] = (gold, pred)
        if misses:
            result.errors.append({"row": i, "text": x.text, "misses": {k: {"gold": g, "pred": p} for k, (g, p) in misses.items()}})
    return result
