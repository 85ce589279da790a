"""``wirecoder eval plover FILE``: PLOVER GSR sentences, event category accuracy.

Each sentence runs through the real pipeline. Its category comes from the first of:
the verb lexicon's cue nearest the sentence root (``events.plover``; speech acts and
diplomacy are most of PLOVER), the main event's ``plover``, the statements stage's
``act`` mapped onto PLOVER, and last a TF-IDF + SVM over this file (5-fold CV: a sentence
is never classified by a model trained on it). The DOCUMENT header record is skipped;
``target`` may be "" rather than a list (not scored here).
Baselines: majority class, keywords (first verb cue, no parse), TF-IDF + SVM alone.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..document import Document
from ..errors import E, WirecoderError
from ..events.corpora import read_plover
from ..events.plover import act_category, keyword_category, sentence_category
from ..events.training import cv_tfidf_svm
from ..pipeline import Pipeline
from .base import EvalOptions, EvalResult, find_split_file, register_eval, resolve_split
from .metrics import accuracy, macro_f1, per_class_f1


def _category(doc: Document) -> tuple[str | None, str]:
    """The sentence's PLOVER category from the pipeline's output, and where it came from."""
    if doc.nlp is not None:
        sents = list(doc.nlp.sents)
        if sents:
            found = sentence_category(sents[0])
            if found:
                return found[0], "verb-lexicon"
    if doc.events and doc.events[0].plover:
        return doc.events[0].plover, "event"
    for st in doc.statements:
        cat = act_category(st.act)
        if cat:
            return cat, "statement-act"
    return None, "none"


@register_eval(
    "plover",
    help="PLOVER GSR JSON: event category accuracy from the pipeline (verb lexicon, events, statement acts, "
    "CV classifier); majority, keyword and TF-IDF+SVM baselines.",
)
def eval_plover(path: Path, opts: EvalOptions) -> EvalResult:
    split = resolve_split(path, opts, lambda root, name: find_split_file(root, name, [".json"]), "{split}.json")
    path = split.target
    items = list(read_plover(path))
    if not items:
        raise WirecoderError(E.E302, path=path, hint="The file has no labelled rows.")
    if opts.limit:
        items = items[: opts.limit]
    gold = [x.fine or "" for x in items]
    texts, keys = [x.text for x in items], [x.key for x in items]
    svm = cv_tfidf_svm(texts, gold, keys, opts.folds)
    pred: list[str] = []
    source: Counter[str] = Counter()
    docs = (Document(text=t, doc_id=str(i)) for i, t in enumerate(texts))
    for doc in Pipeline().pipe(docs):
        cat, how = _category(doc)
        if cat is None:
            cat, how = svm[int(doc.doc_id)], "classifier-cv"
        source[how] += 1
        pred.append(cat)
    n = len(items)
    majority = Counter(gold).most_common(1)[0][0]
    keyword = [keyword_category(t) or majority for t in texts]
    result = EvalResult(
        split=split.name,
        dataset="plover",
        path=str(path),
        n=n,
        systems={
            "wirecoder": {"accuracy": accuracy(gold, pred), "macro_f1": macro_f1(gold, pred)},
            "majority": {"accuracy": accuracy(gold, [majority] * n), "macro_f1": macro_f1(gold, [majority] * n)},
            "keyword": {"accuracy": accuracy(gold, keyword), "macro_f1": macro_f1(gold, keyword)},
            "tfidf_svm_cv": {"accuracy": accuracy(gold, svm), "macro_f1": macro_f1(gold, svm)},
        },
        details={
            "folds": opts.folds,
            "decided_by": dict(source),
            "per_class": {k: {"f1": f, "n": s} for k, (f, s) in sorted(per_class_f1(gold, pred).items())},
        },
    )
    for x, g, p in zip(items, gold, pred, strict=True):
        if g != p:
            result.errors.append({"id": x.row.get("id"), "text": x.text, "gold": g, "pred": p})
    return result
