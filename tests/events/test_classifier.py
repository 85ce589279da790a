"""The event-type classifier on a tiny labelled set written for this test."""

from __future__ import annotations

from pathlib import Path

from wirecoder.events.classifier import EventClassifier, featurize
from wirecoder.events.corpora import LabelledText

TRAIN = [
    ("Thousands protested peacefully in the capital against fuel prices.", "Peaceful protest"),
    ("Teachers staged a sit-in outside the ministry over unpaid salaries.", "Peaceful protest"),
    ("Students marched through the city demanding lower fees.", "Peaceful protest"),
    ("A roadside bomb exploded near an army convoy, killing two soldiers.", "Remote explosive/landmine/IED"),
    ("An IED planted on a motorcycle went off in the bazaar.", "Remote explosive/landmine/IED"),
    ("A landmine blast wounded three villagers on a farm path.", "Remote explosive/landmine/IED"),
    ("The two foreign ministers met to discuss trade and visas.", "DIPLO"),
    ("The president received the visiting ambassador for talks.", "DIPLO"),
    ("The prime minister held a phone call with his counterpart on bilateral ties.", "DIPLO"),
]


def _items() -> list[LabelledText]:
    from wirecoder.events.lexicon import taxonomy

    tax = taxonomy()
    return [LabelledText(t, t, tax.coarse(label), label) for t, label in TRAIN]


def test_featurize_adds_cue_tokens() -> None:
    assert "cueremoteexplosivelandmineied" in featurize("An IED exploded.")
    assert featurize("The ministers met.") == "The ministers met."
    assert "territorybynonstate" in featurize("Rebels recaptured the town.")
    assert "territorybystate" in featurize("The army recaptured the town.")
    assert "cueaccident" in featurize("A gas cylinder exploded in the market.")


def test_train_predict_and_round_trip(tmp_path: Path) -> None:
    clf = EventClassifier.train(_items())
    texts = ["Workers staged a sit-in and marched to parliament.", "A bomb planted by the road exploded near troops."]
    preds = clf.predict(texts)
    assert [p.event_type for p in preds] == ["Protests", "Explosions/Remote violence"]
    assert 0.0 < preds[0].confidence < 1.0
    diplo = clf.predict(["The foreign ministers met for talks on trade."])[0]
    assert diplo.event_type is None and diplo.label == "DIPLO"
    assert diplo.best_event in {"Peaceful protest", "Remote explosive/landmine/IED"}  # its best event reading
    assert preds[0].best_event is None
    path = tmp_path / "model.joblib"
    clf.save(path)
    again = EventClassifier.load(path)
    assert [p.label for p in again.predict(texts)] == [p.label for p in preds]


def test_the_model_remembers_which_rows_it_learnt_from(tmp_path) -> None:
    items = _items()
    clf = EventClassifier.train(items)
    clf.save(tmp_path / "m.joblib")
    loaded = EventClassifier.load(tmp_path / "m.joblib")
    assert all(loaded.saw(x.key) for x in items)
    assert not loaded.saw("a row it never saw")


def test_held_out_rows_are_scored_with_the_shipped_model_seen_rows_by_folds(tmp_path, monkeypatch) -> None:
    from wirecoder.events import training

    items = _items()
    shipped = EventClassifier.train(items)
    monkeypatch.setattr(training, "default_classifier", lambda: shipped)
    unseen = [LabelledText(x.text, "held-out " + x.key, x.coarse, x.fine) for x in items]
    assert training.fold_classifiers(unseen, tmp_path / "test.csv", 5) == [shipped] * 5
    refit = training.fold_classifiers(items, tmp_path / "dev.csv", 5)
    assert all(clf is not shipped for clf in refit)  # seen rows: a model per fold that never saw them


def test_training_twice_gives_the_same_model() -> None:
    """The shipped artefact is reproducible: LinearSVC's dual solver shuffles the rows, so
    without a fixed seed two runs differ in the last digits and evals drift by a row."""
    import numpy as np

    from wirecoder.events.corpora import LabelledText as LT

    items = _items() * 4 + [LT(f"Crowds gathered in town {i} to protest prices.", f"extra {i}", "Protests", "Peaceful protest")
                            for i in range(40)]  # fmt: skip
    a, b = EventClassifier.train(items), EventClassifier.train(items)
    for one, two in ((a.coarse, b.coarse), (a.fine, b.fine)):
        assert one is not None and two is not None
        assert np.array_equal(one.steps[-1][1].coef_, two.steps[-1][1].coef_)


def test_the_saved_artefact_keeps_no_memory_address(tmp_path: Path) -> None:
    """Byte-identical artefacts from identical data: nothing process-specific is pickled."""
    import joblib

    path = tmp_path / "m.joblib"
    EventClassifier.train(_items()).save(path)
    blob = joblib.load(path)
    for model in (blob["coarse"], blob["fine"]):
        assert all("_stop_words_id" not in vars(v) for _, v in model.steps[0][1].transformer_list)
