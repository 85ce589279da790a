"""The WikiEvents scorer on a document written for the tests in the dataset's own format."""

from __future__ import annotations

from wirecoder.eval.metrics import PRF
from wirecoder.eval.wikievents import gold_args, head, predicted_args, score_doc
from wirecoder.records import ActorRef, Event, EventLocation

DOC = {
    "doc_id": "t1",
    "entity_mentions": [
        {"id": "t1-T1", "text": "Islamic State"}, {"id": "t1-T2", "text": "soldiers"},
        {"id": "t1-T3", "text": "Kabul"}, {"id": "t1-T4", "text": "IS"}, {"id": "t1-T5", "text": "car bomb"},
        {"id": "t1-T6", "text": "the minister"},
    ],
    "event_mentions": [
        {"id": "t1-E1", "event_type": "Conflict.Attack.DetonateExplode", "trigger": {"start": 0, "end": 1},
         "arguments": [{"entity_id": "t1-T4", "role": "Attacker", "text": "IS"},
                       {"entity_id": "t1-T3", "role": "Place", "text": "Kabul"},
                       {"entity_id": "t1-T5", "role": "ExplosiveDevice", "text": "car bomb"}]},
        {"id": "t1-E2", "event_type": "Life.Die.Unspecified", "trigger": {"start": 2, "end": 3},
         "arguments": [{"entity_id": "t1-T2", "role": "Victim", "text": "soldiers"}]},
        {"id": "t1-E3", "event_type": "Contact.Contact.Broadcast", "trigger": {"start": 4, "end": 5},
         "arguments": [{"entity_id": "t1-T6", "role": "Communicator", "text": "the minister"}]},
    ],
    "clusters": [["t1-T1", "t1-T4"]],
}  # fmt: skip


def test_head_word():
    assert head("the commander of the army") == "commander"
    assert head("Afghan soldiers, who were on patrol") == "soldiers"
    assert head(None) == ""


def test_gold_arguments_fold_roles_and_skip_other_events():
    gold = gold_args(DOC)
    assert set(gold) == {("Attacker", "is"), ("Place", "kabul"), ("Instrument", "bomb"), ("Victim", "soldiers")}
    assert "state" in gold[("Attacker", "is")]  # coreferent mention "Islamic State"


def test_event_to_arguments_and_scores():
    ev = Event("Explosions/Remote violence", "Suicide bomb", fatalities=3, actor1=ActorRef("Islamic State", "armed_group"),
               target_text="Afghan soldiers", weapon="bomb", location=EventLocation("Kabul", "Kabul", "AFG"))
    pred = predicted_args([ev])
    assert ("Victim", "soldiers") in pred and ("Target", "soldiers") in pred
    head_t, coref_t = PRF(), PRF()
    score_doc(gold_args(DOC), pred, head_t, coref=False)
    score_doc(gold_args(DOC), pred, coref_t, coref=True)
    # heads: Place, Instrument, Victim right; "state" is not the head "is"; Target is a false positive
    assert (head_t.tp, head_t.fp, head_t.fn) == (3, 2, 1)
    assert (coref_t.tp, coref_t.fp, coref_t.fn) == (4, 1, 0)  # coref accepts "Islamic State" for "IS"
