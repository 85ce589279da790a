"""``wirecoder eval case2021 FILE``: CASE 2021 task 2, fine-grained event classification.

30 labels: 25 ACLED sub-event types and 5 outside ACLED (ORG_CRIME, NATURAL_DISASTER,
MAN_MADE_DISASTER, DIPLO, ATTRIB). The headline is the support-weighted F1 of the event
classifier over 5-fold CV (each fold's model learns from the other labelled files and this
file's other folds, never from the snippets it scores). A second view runs the real
pipeline with each fold's model and scores its main event's sub_event_type on the snippets
whose label is an ACLED sub-event type (a snippet where it finds no event is a miss).
Baselines: majority class and TF-IDF + linear SVM trained on this file alone (5-fold CV).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..document import Document
from ..errors import E, WirecoderError
from ..events.corpora import fold_of, read_case
from ..events.lexicon import taxonomy
from ..events.training import cv_tfidf_svm, events_options, fold_classifiers, shipped_model_for
from ..pipeline import DEFAULT_STAGES, Pipeline
from .base import EvalOptions, EvalResult, find_split_file, register_eval, resolve_split
from .metrics import accuracy, macro_f1, per_class_f1, weighted_f1


def _scores(gold: list[str], pred: list[str]) -> dict[str, float | None]:
    return {"accuracy": accuracy(gold, pred), "weighted_f1": weighted_f1(gold, pred), "macro_f1": macro_f1(gold, pred)}


@register_eval(
    "case2021",
    help="CASE 2021 task 2 TSV (30 labels): accuracy, weighted F1, macro-F1 of the event classifier (5-fold CV) "
    "and of the pipeline's sub_event_type; majority and TF-IDF+SVM baselines.",
)
def eval_case2021(path: Path, opts: EvalOptions) -> EvalResult:
    split = resolve_split(path, opts, lambda root, name: find_split_file(root, name, [".tsv"]), "{split}.tsv")
    path = split.target
    items = list(read_case(path))
    if not items:
        raise WirecoderError(E.E302, path=path, hint="The file has no labelled rows.")
    if opts.limit:
        items = items[: opts.limit]
    tax = taxonomy()
    case_label = {**tax.case_of}  # sub-event type -> CASE label; non-events keep their CASE name
    gold = [case_label.get(x.fine or "", x.fine or "") for x in items]
    pred = [""] * len(items)
    pipeline_sub: list[str | None] = [None] * len(items)
    for k, clf in enumerate(fold_classifiers(items, path, opts.folds)):
        idx = [i for i, x in enumerate(items) if fold_of(x.key, opts.folds) == k]
        preds = clf.predict([items[i].text for i in idx]) if clf is not None else []
        for i, p in zip(idx, preds, strict=False):
            pred[i] = case_label.get(p.label, p.label)
        pipe = Pipeline(DEFAULT_STAGES, events_options(clf))
        for doc in pipe.pipe(Document(text=items[i].text, doc_id=str(i)) for i in idx):
            if doc.events:
                pipeline_sub[int(doc.doc_id)] = doc.events[0].sub_event_type

    n = len(items)
    ours = _scores(gold, pred)
    acled_rows = [i for i, x in enumerate(items) if x.fine in tax.case_of]
    pipe_gold = [gold[i] for i in acled_rows]
    pipe_pred = [case_label.get(pipeline_sub[i] or "", "NONE") for i in acled_rows]
    ours["pipeline_acled_labels_accuracy"] = accuracy(pipe_gold, pipe_pred)
    ours["pipeline_acled_labels_weighted_f1"] = weighted_f1(pipe_gold, pipe_pred)
    majority_label = Counter(gold).most_common(1)[0][0]
    svm = cv_tfidf_svm([x.text for x in items], gold, [x.key for x in items], opts.folds)
    result = EvalResult(
        split=split.name,
        dataset="case2021",
        path=str(path),
        n=n,
        systems={"wirecoder": ours, "majority": _scores(gold, [majority_label] * n), "tfidf_svm_cv": _scores(gold, svm)},
        details={
            "folds": opts.folds,
            "classifier": "shipped model (it never saw these rows)" if shipped_model_for(items) else "cross-validated per fold",
            "acled_label_rows": len(acled_rows),
            "per_class": {k: {"f1": f, "n": s} for k, (f, s) in sorted(per_class_f1(gold, pred).items())},
        },
    )
    for i, x in enumerate(items):
        if gold[i] != pred[i]:
            result.errors.append({"id": x.row.get("id"), "text": x.text, "gold": gold[i], "pred": pred[i],
                                  "pipeline_sub_event_type": pipeline_sub[i]})
    return result
