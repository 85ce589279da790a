"""The event-type classifier: TF-IDF (words + character n-grams) and linear SVMs.

Two models decided jointly. The *coarse* model learns event types from every labelled
source (ACLED 2015 only has those, with Protests and Riots merged); the *fine* model
learns ACLED sub-event types and the CASE 2021 non-event labels from CASE and modern
ACLED. A fine label's score adds its coarse group's score, so a 2015-style "this is a
protest" and a CASE-style "this is a peaceful protest" reinforce each other.

Rules and lexicons find the trigger spans, actors and tolls; this model only decides
the type of a sentence window. The shipped artefact is trained on the visible dev/train
files by ``scripts/train_event_classifier.py``; evaluation retrains it per fold.
"""

from __future__ import annotations

import functools
import hashlib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import joblib
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion, Pipeline, make_pipeline
from sklearn.svm import LinearSVC

from .corpora import LabelledText
from .lexicon import NONE, classifier_hints, find_cues, taxonomy, territory_taker

ARTEFACT = "event_classifier.joblib"
FORMAT_VERSION = 1
#: Weight of the coarse model's score in the joint decision.
COARSE_WEIGHT = 1.0


@dataclass(frozen=True)
class Prediction:
    """The type decided for a text: ``label`` is a sub-event type or a non-event label;
    ``event_type``/``sub_event_type`` are None when it is no ACLED event."""

    label: str
    event_type: str | None
    sub_event_type: str | None
    coarse: str
    score: float
    #: The best-scoring ACLED sub-event type when ``label`` is no event (the fine model's
    #: reading of a responsibility claim's attack, say); None otherwise.
    best_event: str | None = None

    @property
    def confidence(self) -> float:
        return 1.0 / (1.0 + math.exp(-2.0 * self.score))


def _model(n_texts: int) -> Pipeline:
    min_df = 2 if n_texts >= 50 else 1  # tiny training sets keep every term
    features = FeatureUnion(
        [
            ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=min_df, sublinear_tf=True, lowercase=True)),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=min_df, sublinear_tf=True,
                                      max_features=60000)),
        ]
    )
    # a fixed seed: the dual solver shuffles rows, and the artefact must be reproducible
    return make_pipeline(features, LinearSVC(C=0.5, class_weight="balanced", random_state=0))


def featurize(text: str) -> str:
    """The text plus one token per trigger cue's sub-event type, so the model can
    weigh the curated lexicon against the words ("cuesuicidebomb"; "cueaccident" for a
    gas explosion or a crash), and one for the side that took ground
    ("territorybynonstate": rebels "recaptured" a town)."""
    tags = {"cue" + "".join(ch for ch in (c.sub_event_type or "generic").lower() if ch.isalnum()) for c in find_cues(text)}
    tags |= {"cue" + name for name in classifier_hints(text)}
    if taker := territory_taker(text):
        tags.add("territoryby" + taker.replace("_", ""))
    return text + " " + " ".join(sorted(tags)) if tags else text


def _scores(model: Pipeline, texts: Sequence[str]) -> np.ndarray:
    scores = model.decision_function([featurize(t) for t in texts])
    if scores.ndim == 1:  # two classes: sklearn gives one column for the second
        scores = np.stack([-scores, scores], axis=1)
    return scores


class EventClassifier:
    """Joint coarse + fine linear models over TF-IDF features."""

    def __init__(
        self, coarse: Pipeline, fine: Pipeline | None, weight: float = COARSE_WEIGHT, trained_on: frozenset[str] = frozenset()
    ) -> None:
        self.coarse = coarse
        self.fine = fine
        self.weight = weight
        #: Fingerprints of the rows it learnt from: an eval scores those rows by
        #: cross-validation, and rows it never saw with this model as users get it.
        self.trained_on = trained_on

    def saw(self, key: str) -> bool:
        """Whether this model learnt from the labelled row with this key."""
        return row_fingerprint(key) in self.trained_on

    @classmethod
    def train(cls, examples: Iterable[LabelledText], weight: float = COARSE_WEIGHT) -> EventClassifier:
        """Fit on labelled texts: every item with ``coarse`` feeds the coarse model, items
        with ``fine`` (ACLED sub-event or CASE label) the fine one."""
        items = list(examples)
        coarse_items = [x for x in items if x.coarse]
        fine_items = [x for x in items if x.fine and x.coarse]
        coarse = _model(len(coarse_items)).fit([featurize(x.text) for x in coarse_items], [x.coarse for x in coarse_items])
        fine = None
        if len({x.fine for x in fine_items}) > 1:
            fine = _model(len(fine_items)).fit([featurize(x.text) for x in fine_items], [x.fine for x in fine_items])
        return cls(coarse, fine, weight, frozenset(row_fingerprint(x.key) for x in items))

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        if not texts:
            return []
        tax = taxonomy()
        c_labels = [str(c) for c in self.coarse.classes_]  # plain str, not numpy.str_ (Spark, JSON)
        c_scores = _scores(self.coarse, texts)
        if self.fine is None:
            out = []
            for row in c_scores:
                i = int(np.argmax(row))
                label = c_labels[i]
                event_type = None if label == NONE else label.split("|")[0]
                out.append(Prediction(label, event_type, None, label, float(row[i])))
            return out
        f_labels = [str(c) for c in self.fine.classes_]
        f_scores = _scores(self.fine, texts)
        groups = [tax.coarse(lab) for lab in f_labels]
        col = {lab: i for i, lab in enumerate(c_labels)}
        out = []
        for c_row, f_row in zip(c_scores, f_scores, strict=True):
            joint = np.array(
                [f + self.weight * (c_row[col[g]] if g in col else -1.0) for f, g in zip(f_row, groups, strict=True)]
            )
            i = int(np.argmax(joint))
            label = f_labels[i]
            if groups[i] == NONE:
                events = [k for k, g in enumerate(groups) if g != NONE]
                best = f_labels[max(events, key=lambda k: joint[k])] if events else None
                out.append(Prediction(label, None, None, NONE, float(joint[i]), best))
            else:
                out.append(Prediction(label, tax.event_type_of[label], label, groups[i], float(joint[i])))
        return out

    def save(self, path: Path) -> None:
        for model in (self.coarse, self.fine):
            _drop_process_state(model)
        joblib.dump(
            {"version": FORMAT_VERSION, "coarse": self.coarse, "fine": self.fine, "weight": self.weight,
             "trained_on": sorted(self.trained_on)},
            path, compress=3,
        )  # fmt: skip

    @classmethod
    def load(cls, path: Path) -> EventClassifier:
        blob = joblib.load(path)
        return cls(blob["coarse"], blob["fine"], blob["weight"], frozenset(blob.get("trained_on", ())))


def _drop_process_state(model: Pipeline | None) -> None:
    """Forget what only holds in this process, so that the same training data gives the
    same artefact bytes: scikit-learn's vectorizers keep ``id(stop_words)``, a memory
    address, to skip re-checking their stop-word list."""
    if model is None:
        return
    for _, vectorizer in model.steps[0][1].transformer_list:
        vars(vectorizer).pop("_stop_words_id", None)


def row_fingerprint(key: str) -> str:
    """A short stable digest of a labelled row's key (the artefact lists these, not texts)."""
    return hashlib.md5(key.encode("utf-8")).hexdigest()[:12]


def artefact_path() -> Path:
    return Path(str(resources.files("wirecoder").joinpath(f"data/events/{ARTEFACT}")))


@functools.cache
def default_classifier() -> EventClassifier | None:
    """The shipped model, loaded once per process; None when it has not been built
    (the stage then types events from the cue lexicon alone)."""
    path = artefact_path()
    return EventClassifier.load(path) if path.is_file() else None
