"""The MUC-4 scorer on templates written for the tests, in the raw key and GTT JSON formats."""

from __future__ import annotations

import json

from wirecoder.eval.muc4 import (
    Template,
    date_correct,
    load_gtt,
    location_correct,
    parse_keys,
    raw_doc,
    score_templates,
    split_raw,
)
from wirecoder.records import EventLocation

KEY = """\
0.  MESSAGE: ID                     TST9-MUC4-0001
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  (03 MAR 90) / (02 MAR 90 - 03 MAR 90)
3.  INCIDENT: LOCATION              PERU: CUZCO (DEPARTMENT): CUZCO (CITY)
4.  INCIDENT: TYPE                  BOMBING
6.  INCIDENT: INSTRUMENT ID         "DYNAMITE CHARGE" / "DYNAMITE"
9.  PERP: INDIVIDUAL ID             "TERRORISTS"
10. PERP: ORGANIZATION ID           "SHINING PATH"
12. PHYS TGT: ID                    "POWER PYLON"
18. HUM TGT: NAME                   -
19. HUM TGT: DESCRIPTION            "GUARD": "JUAN PEREZ"
                                    "PEASANTS"

;;; an irrelevant story
0.  MESSAGE: ID                     TST9-MUC4-0002
1.  MESSAGE: TEMPLATE               *
2.  INCIDENT: DATE                  *
"""

RAW = """TST9-MUC4-0001

   LIMA (PERU), 4 MAR 90 (EFE) -- [TEXT] TERRORISTS BLEW UP A POWER PYLON IN CUZCO
YESTERDAY.

TST9-MUC4-0002

   CLANDESTINE, NO DATE (RADIO VENCEREMOS) -- [TEXT] NOTHING HAPPENED.
"""


def test_parse_raw_keys():
    keys = parse_keys(KEY)
    assert keys["TST9-MUC4-0002"] == []  # "*" template: irrelevant document
    (t,) = keys["TST9-MUC4-0001"]
    assert t.incident_type == "bombing"
    assert t.roles["Weapon"] == [["DYNAMITE CHARGE", "DYNAMITE"]]
    assert t.roles["PerpOrg"] == [["SHINING PATH"]]
    assert t.roles["Victim"] == [["GUARD"], ["PEASANTS"]]  # the cross-reference after ":" is not a filler
    assert t.roles["Target"] == [["POWER PYLON"]]


def test_key_dates_and_ranges():
    key = "(03 MAR 90) / (02 MAR 90 - 03 MAR 90)"
    assert date_correct("1990-03-02", key) and date_correct("1990-03-03", key)
    assert not date_correct("1990-03-04", key)
    assert date_correct("1990-03-01", "- 04 MAR 90")  # on or before
    assert not date_correct("1990-03-05", "- 04 MAR 90")
    assert not date_correct(None, key)


def test_key_locations():
    key = "PERU: CUZCO (DEPARTMENT): CUZCO (CITY)"
    assert location_correct(EventLocation("Cusco", None, "PER"), key) == (True, False)
    assert location_correct(EventLocation("Cuzco", None, "PER"), key) == (True, True)
    assert location_correct(EventLocation("Lima", None, "PER"), "PERU") == (True, True)  # country-only key
    assert location_correct(EventLocation("Cuzco", None, "BOL"), key) == (False, False)


def test_raw_texts_get_a_wire_header_and_case():
    docs = dict(split_raw(RAW))
    assert set(docs) == {"TST9-MUC4-0001", "TST9-MUC4-0002"}
    d = raw_doc("TST9-MUC4-0001", docs["TST9-MUC4-0001"])
    assert d.published == "1990-03-04" and d.place == "Lima"
    assert d.text.startswith("date 1990-03-04 Lima, Mar 4 (Efe) ")
    assert "[TEXT]" not in d.text and "Cuzco" in d.text and "terrorists" in d.text.lower()
    assert raw_doc("TST9-MUC4-0002", docs["TST9-MUC4-0002"]).published is None


GTT = [
    {"docid": "D1", "doctext": "...", "templates": [
        {"incident_type": "bombing", "PerpInd": [[["terrorists", 0]]], "PerpOrg": [[["shining path", 10]]],
         "Target": [[["power pylon", 20], ["pylon", 26]]], "Victim": [], "Weapon": [[["dynamite", 40]]]},
        {"incident_type": "kidnapping", "PerpInd": [], "PerpOrg": [], "Target": [],
         "Victim": [[["mayor", 50]]], "Weapon": []}]},
    {"docid": "D2", "doctext": "...", "templates": []},
]  # fmt: skip


def _pred(itype, **roles):
    t = Template(itype)
    for role, texts in roles.items():
        t.roles[role] = [[x] for x in texts]
    return t


def test_gtt_template_matching():
    gold = load_gtt(json.dumps(row) for row in GTT)
    assert [t.incident_type for t in gold["D1"]] == ["bombing", "kidnapping"]
    pred = {
        "D1": [_pred("bombing", PerpOrg=["Shining Path"], Target=["the pylon"], Weapon=["grenade"])],
        "D2": [_pred("attack", PerpInd=["gunmen"])],
    }
    s = score_templates(gold, pred, "exact")
    # bombing aligned: PerpOrg and Target right, Weapon wrong (fp + fn), PerpInd missed
    assert (s["PerpOrg"].tp, s["Target"].tp, s["Weapon"].fp, s["Weapon"].fn, s["PerpInd"].fn) == (1, 1, 1, 1, 1)
    # the kidnapping is missed entirely, the attack in D2 is a false template
    assert (s["incident_type"].tp, s["incident_type"].fn, s["incident_type"].fp) == (1, 1, 1)
    assert (s["Victim"].fn, s["PerpInd"].fp) == (1, 1)
    assert s["all"].tp == 3


def test_head_matching_and_type_constraint():
    gold = load_gtt(json.dumps(row) for row in GTT)
    pred = {"D1": [_pred("bombing", Weapon=["powerful dynamite"])]}
    assert score_templates(gold, pred, "exact")["Weapon"].tp == 0
    assert score_templates(gold, pred, "head")["Weapon"].tp == 1
    wrong_type = {"D1": [_pred("arson", PerpOrg=["shining path"])]}
    assert score_templates(gold, wrong_type, "exact")["PerpOrg"].tp == 0  # no alignment across types


def test_training_story_ids_carry_their_source():
    text = "DEV-MUC3-0001 (NOSC)\n\n   SAN SALVADOR, 3 JAN 90 -- [TEXT] A BOMB EXPLODED.\n\nDEV-MUC3-0002 (NOSC)\n\n   LIMA, 4 JAN 90 -- [TEXT] NOTHING.\n"
    assert [doc_id for doc_id, _ in split_raw(text)] == ["DEV-MUC3-0001", "DEV-MUC3-0002"]


def test_each_event_is_a_template_filled_by_its_arguments():
    from wirecoder.document import Document
    from wirecoder.eval.muc4 import predicted_templates
    from wirecoder.records import Argument, Event

    doc = Document(text="x")
    doc.events = [
        Event("Explosions/Remote violence", "Remote explosive/landmine/IED",
              arguments=[Argument("weapon", "dynamite", 0, 8, 0.9), Argument("perpetrator_organization", "FMLN", 9, 13, 0.8)]),
        Event("Explosions/Remote violence", "Grenade", arguments=[Argument("victim", "two peasants", 20, 32, 0.7)]),
        Event("Protests", "Peaceful protest", arguments=[Argument("perpetrator_individual", "students", 40, 48, 0.5)]),
    ]  # fmt: skip
    templates = [t for t, _ in predicted_templates(doc)]
    assert [t.incident_type for t in templates] == ["bombing", "bombing"]  # a protest is no MUC incident
    assert templates[0].roles["Weapon"] == [["dynamite"]] and templates[0].roles["PerpOrg"] == [["FMLN"]]
    assert templates[1].roles["Victim"] == [["two peasants"]] and not templates[1].roles["Weapon"]
