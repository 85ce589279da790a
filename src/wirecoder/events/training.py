"""Training data and cross-validation for the event classifier.

Cross-validation never scores an item the model saw: for fold k of the scored file, the
model learns from the other labelled files in full and from this file's other folds. A
file the shipped model never learnt from (a held-out split) is scored with that model.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .classifier import EventClassifier, default_classifier
from .corpora import LabelledText, fold_of, read_acled, read_case

#: The labelled files the classifier learns from, relative to ``shared/data``.
SOURCES: dict[str, str] = {
    "acled_pakistan_2015/dev.csv": "acled",
    "acled_myanmar_2021_erv/dev.csv": "acled",
    "case2021_task2/dev.tsv": "case",
}
_READERS = {"acled": read_acled, "case": read_case}


def load_sources(data_dir: Path, exclude: Path | None = None) -> dict[str, list[LabelledText]]:
    """Every training source present under ``data_dir`` (minus ``exclude``)."""
    out: dict[str, list[LabelledText]] = {}
    for rel, kind in SOURCES.items():
        path = data_dir / rel
        if path.is_file() and (exclude is None or path.resolve() != exclude.resolve()):
            out[rel] = list(_READERS[kind](path))
    return out


def train_classifier(examples: Iterable[LabelledText]) -> EventClassifier:
    return EventClassifier.train(examples)


def data_dir_of(path: Path) -> Path:
    """``shared/data`` from a dataset file path (``shared/data/<set>/dev.csv``)."""
    return path.resolve().parent.parent


def shipped_model_for(items: list[LabelledText]) -> EventClassifier | None:
    """The shipped model when it never saw any of ``items`` (a held-out file: score it as
    users get it, learning nothing from the scored labels); None when it learnt from them."""
    shipped = default_classifier()
    if shipped is None or any(shipped.saw(x.key) for x in items):
        return None
    return shipped


def fold_classifiers(items: list[LabelledText], path: Path, folds: int) -> list[EventClassifier | None]:
    """One classifier per fold of ``items`` (the file at ``path``). Rows the shipped model
    never saw all get the shipped model. Otherwise each fold's model learns from the other
    sources next to it and from the items outside its fold; None for a fold whose training
    data has a single class (tiny files): the pipeline then types by cues alone."""
    if (shipped := shipped_model_for(items)) is not None:
        return [shipped] * folds
    others = [x for xs in load_sources(data_dir_of(path), exclude=path).values() for x in xs]
    out: list[EventClassifier | None] = []
    for k in range(folds):
        train = others + [x for x in items if fold_of(x.key, folds) != k]
        out.append(train_classifier(train) if len({x.coarse for x in train if x.coarse}) > 1 else None)
    return out


def events_options(classifier: EventClassifier | None, **extra: object) -> dict[str, dict[str, object]]:
    """Pipeline options making the events stage use this fold's model (and never the
    shipped one, which saw every dev row)."""
    return {"wirecoder.events.v1": {"classifier": classifier, "use_classifier": classifier is not None, **extra}}


def cv_tfidf_svm(texts: list[str], labels: list[str], keys: list[str], folds: int) -> list[str]:
    """The plain TF-IDF + linear SVM baseline: cross-validated predictions trained on
    this file alone (no lexicon, no other sources)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline
    from sklearn.svm import LinearSVC

    preds = [""] * len(texts)
    fold = [fold_of(k, folds) for k in keys]
    for k in range(folds):
        train = [i for i, f in enumerate(fold) if f != k]
        test = [i for i, f in enumerate(fold) if f == k]
        if not test:
            continue
        if len({labels[i] for i in train}) < 2:
            for i in test:
                preds[i] = labels[train[0]] if train else ""
            continue
        model = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True), LinearSVC(random_state=0))
        model.fit([texts[i] for i in train], [labels[i] for i in train])
        for i, p in zip(test, model.predict([texts[i] for i in test]), strict=True):
            preds[i] = str(p)
    return preds
