"""Event arguments: candidate phrases, the learnt role model and how arguments join events,
on reports written for these tests."""

from __future__ import annotations

import pytest

from wirecoder.document import Document
from wirecoder.events.arguments import (
    ArgumentModel,
    attach,
    candidates,
    default_argument_model,
    features,
    filler_span,
    full_name_finder,
    merge_coreferent,
    phrase_key,
)
from wirecoder.records import Argument, Event, Span

STAGE = "wirecoder.arguments.v1"


@pytest.fixture(scope="module")
def parse(run_until):
    return run_until("wirecoder.actors.v1")


@pytest.fixture(scope="module")
def code(run_until):
    return run_until(STAGE)


def _phrases(doc: Document) -> list[str]:
    return [doc.nlp[c.start : c.end].text for c in candidates(doc.nlp)]


def test_candidates_drop_determiners_and_take_of_complements(parse) -> None:
    doc = parse("Members of the Shining Path attacked the police station with dynamite.")
    phrases = _phrases(doc)
    assert "Members of the Shining Path" in phrases
    assert "police station" in phrases and "the police station" not in phrases
    assert "dynamite" in phrases


def test_candidates_skip_pronouns_and_the_header(parse) -> None:
    doc = parse("LIMA, March 4 (EFE) -- They burned a bus.")
    body = doc.text.index("They")
    phrases = [doc.nlp[c.start : c.end].text for c in candidates(doc.nlp, body)]
    assert "They" not in phrases and "bus" in phrases
    assert not any("LIMA" in p or "EFE" in p for p in phrases)


def _toy_rows() -> list[tuple[list[str], str]]:
    rows = [(["govl=attack", "dep=nsubj"], "perpetrator_individual")] * 3
    rows += [(["govl=attack", "dep=dobj"], "target")] * 3
    return rows + [(["govl=say", "dep=nsubj"], "none")] * 6


def test_model_roles_and_threshold() -> None:
    model = ArgumentModel.train(_toy_rows(), min_count=1, c=10.0)
    decided = model.roles([["govl=attack", "dep=dobj"], ["govl=say", "dep=nsubj"]])
    assert decided[0] is not None and decided[0][0] == "target"
    assert decided[1] is None  # "none" is the likeliest: no role at all


def test_model_probabilities_are_the_logistic_regressions() -> None:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    rows = _toy_rows()
    model = ArgumentModel.train(rows, min_count=1, c=10.0)
    probe = [["govl=attack", "dep=nsubj"], ["govl=say", "dep=dobj"]]
    names = sorted(model.vocabulary, key=model.vocabulary.get)
    dense = [[1.0 if n in f else 0.0 for n in names] for f, _ in rows]
    ref = LogisticRegression(C=10.0, max_iter=3000).fit(csr_matrix(dense), [y for _, y in rows])
    expected = ref.predict_proba(csr_matrix([[1.0 if n in f else 0.0 for n in names] for f in probe]))
    assert list(ref.classes_) == model.labels
    assert abs(model.probabilities(probe) - expected).max() < 1e-6


def test_training_refuses_labels_that_are_no_role() -> None:
    with pytest.raises(ValueError, match="PerpInd"):
        ArgumentModel.train([(["a"], "PerpInd"), (["b"], "none")], min_count=1)


def test_model_round_trips_through_its_artefact(tmp_path) -> None:
    model = ArgumentModel.train(_toy_rows(), min_count=1, c=10.0)
    path = tmp_path / "arguments.joblib"
    model.save(path)
    again = ArgumentModel.load(path)
    probe = [["govl=attack", "dep=nsubj"]]
    assert again.roles(probe)[0][0] == model.roles(probe)[0][0]
    assert abs(again.roles(probe)[0][1] - model.roles(probe)[0][1]) < 1e-4


def test_rare_features_are_dropped_when_training() -> None:
    rows = [(["common", "once"], "target"), (["common"], "none"), (["common"], "none")]
    assert list(ArgumentModel.train(rows, min_count=2).vocabulary) == ["common"]


def test_phrase_key_ignores_case_punctuation_and_articles() -> None:
    assert phrase_key('The "Santo Tomas" farm') == phrase_key("santo tomas farm")


def test_arguments_join_the_nearest_event(parse) -> None:
    doc = parse("Rebels burned a bus in the north. It was quiet for a week. Soldiers shot a farmer in the south.")
    first, last = doc.text.index("Rebels"), doc.text.index("Soldiers")
    doc.events = [Event("Riots", evidence=[Span(first, first + 6, "Rebels")]),
                  Event("Violence against civilians", evidence=[Span(last, last + 8, "Soldiers")])]  # fmt: skip
    farmer = doc.text.index("farmer")
    attach(doc, [Argument("target", "bus", doc.text.index("bus"), doc.text.index("bus") + 3, 0.9),
                 Argument("victim", "farmer", farmer, farmer + 6, 0.9)])  # fmt: skip
    assert [a.text for a in doc.events[0].arguments] == ["bus"]
    assert [a.text for a in doc.events[1].arguments] == ["farmer"]


def test_features_read_only_the_sentences_asked_for(parse) -> None:
    doc = parse("Rebels burned a bus. Farmers sold maize. Soldiers shot a trader.")
    cands, _ = features(doc, near={0, 2})
    phrases = {doc.nlp[c.start : c.end].text for c in cands}
    assert {"Rebels", "bus", "Soldiers", "trader"} <= phrases
    assert not phrases & {"Farmers", "maize"}


def test_features_name_the_governor(parse) -> None:
    doc = parse("Guerrillas dynamited the bridge.")
    cands, feats = features(doc)
    bridge = next(f for c, f in zip(cands, feats, strict=True) if doc.nlp[c.start : c.end].text == "bridge")
    assert "govl=dynamite" in bridge and "dep=dobj" in bridge and "L1=the" in bridge


def test_shipped_model_fills_a_bombing(code) -> None:
    assert default_argument_model() is not None, "src/wirecoder/data/events/argument_model.joblib is missing"
    doc = code(
        "SAN SALVADOR, 5 March (ACAN-EFE) -- Urban guerrillas of the Farabundo Marti National Liberation Front "
        "blew up an electric power substation with dynamite in San Miguel early today, police said.",
        published="1990-03-05",
    )
    assert doc.events
    args = {(a.role, a.text) for ev in doc.events for a in ev.arguments}
    assert ("weapon", "dynamite") in args
    assert any(role == "target" and "substation" in text for role, text in args)
    assert any(role.startswith("perpetrator") and "guerrillas" in text.lower() for role, text in args)
    for ev in doc.events:
        for a in ev.arguments:
            assert doc.text[a.start : a.end] == a.text and 0 < a.confidence <= 1


def test_arguments_survive_the_record_round_trip() -> None:
    ev = Event("Battles", arguments=[Argument("weapon", "rifles", 3, 9, 0.7)])
    again = Event.from_dict(ev.to_dict())
    assert again is not None and again.arguments == ev.arguments


def _filler(doc: Document, phrase: str, role: str) -> str:
    """The filler words the stage keeps of the candidate that is ``phrase``."""
    cand = next(c for c in candidates(doc.nlp) if doc.nlp[c.start : c.end].text == phrase)
    start, end = filler_span(doc.nlp, cand, role)
    return doc.nlp[start:end].text


def test_filler_is_the_object_after_an_event_or_part_noun(parse) -> None:
    doc = parse("Police found the body of the judge in front of the bank after the murder of Maria Lopez.")
    assert _filler(doc, "front of the bank", "target") == "bank"
    assert _filler(doc, "murder of Maria Lopez", "victim") == "Maria Lopez"
    doc = parse("Members of the Shining Path attacked the offices of the electricity company.")
    assert _filler(doc, "Members of the Shining Path", "perpetrator_organization") == "Members of the Shining Path"
    assert _filler(doc, "offices of the electricity company", "target") == "offices of the electricity company"


def test_a_victim_is_named_without_titles(parse) -> None:
    doc = parse("Gunmen killed former Supreme Court President Francisco Jose Guerrero in Bogota on Monday.")
    phrase = next(text for c in candidates(doc.nlp) if (text := doc.nlp[c.start : c.end].text).endswith("Guerrero"))
    assert _filler(doc, phrase, "victim") == "Francisco Jose Guerrero"
    assert _filler(doc, phrase, "perpetrator_individual") == phrase  # a perpetrator keeps his rank


def _arg(role: str, text: str, start: int, confidence: float = 0.5) -> Argument:
    return Argument(role, text, start, start + len(text), confidence)


def test_mentions_of_one_filler_merge_into_its_fullest() -> None:
    merged = merge_coreferent([_arg("victim", "Guerrero", 80, 0.9), _arg("victim", "Francisco Jose Guerrero", 10, 0.6),
                               _arg("victim", "Dr Guerrero", 40), _arg("target", "bus", 120),
                               _arg("target", "route 302 bus", 150)])  # fmt: skip
    assert [(a.role, a.text) for a in merged] == [("victim", "Francisco Jose Guerrero"), ("target", "route 302 bus")]
    assert merged[0].confidence == 0.9 and merged[0].start == 10


def test_distinct_fillers_stay_apart() -> None:
    args = [_arg("target", "two vehicles", 0), _arg("target", "nine vehicles", 30),
            _arg("victim", "Carlos Guerrero", 60), _arg("victim", "Angela Piedad de Guerrero", 90), _arg("perpetrator_individual", "guerrillas", 120),
            _arg("perpetrator_organization", "urban guerrillas", 140)]  # fmt: skip
    assert merge_coreferent(args) == args


def test_overlapping_fillers_of_a_role_merge() -> None:
    merged = merge_coreferent([_arg("target", "salvadoran consulate", 30),
                               _arg("target", "windows of the salvadoran consulate", 19)])
    assert [a.text for a in merged] == ["windows of the salvadoran consulate"]


def test_a_target_victim_or_weapon_is_named_without_its_count(parse) -> None:
    doc = parse("Rebels burned approximately 50 houses and several vehicles with 11 bombs, and two men fled.")
    assert _filler(doc, "approximately 50 houses", "target") == "houses"
    assert _filler(doc, "several vehicles", "target") == "vehicles"
    assert _filler(doc, "11 bombs", "weapon") == "bombs"
    assert _filler(doc, "two men", "perpetrator_individual") == "two men"  # who did it, counted
    doc = parse("A bomb damaged an 11-floor building.")
    assert _filler(doc, "11-floor building", "target") == "11-floor building"  # "11" counts floors


def _at(doc: Document, role: str, text: str, nth: int = 1) -> Argument:
    start = -1
    for _ in range(nth):
        start = doc.text.index(text, start + 1)
    return Argument(role, text, start, start + len(text), 0.5)


def test_a_person_named_in_part_takes_the_reports_full_name(parse) -> None:
    doc = parse("Gunmen shot dead presidential candidate Carlos Pizarro Leongomez on a plane today. "
                "Pizarro was flying to Barranquilla when Pizarro was hit.")
    full = full_name_finder(doc)(_at(doc, "victim", "Pizarro", nth=2))
    assert (full.text, doc.text[full.start : full.end]) == ("Carlos Pizarro Leongomez", "Carlos Pizarro Leongomez")


def test_a_part_name_two_people_share_stays_as_written(parse) -> None:
    doc = parse("Police said Carlos Guerrero and Angela Piedad de Guerrero were kidnapped. Guerrero was freed.")
    arg = _at(doc, "victim", "Guerrero", nth=3)
    assert full_name_finder(doc)(arg) == arg
