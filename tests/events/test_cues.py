"""Trigger cues and the taxonomy (data files under data/events/)."""

from __future__ import annotations

import pytest

from wirecoder.events.lexicon import NONE, PROTESTS_OR_RIOTS, deciding_cue, decisive_sub_event, find_cues, taxonomy


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("A suicide bomber struck a rally in Peshawar.", "Suicide bomb"),
        ("A roadside bomb hit a patrol in Helmand.", "Remote explosive/landmine/IED"),
        ("An IED exploded near the market.", "Remote explosive/landmine/IED"),
        ("A drone strike hit a compound in North Waziristan.", "Air/drone strike"),
        ("Mortar shells landed in the village.", "Shelling/artillery/missile attack"),
        ("Attackers hurled a grenade at the police station.", "Grenade"),
        ("Gunmen abducted three aid workers in Borno.", "Abduction/forced disappearance"),
        ("Hundreds staged a sit-in outside the press club.", "Peaceful protest"),
        ("Police fired tear gas at the demonstrators.", "Protest with intervention"),
        ("Troops and rebels clashed near Kidal.", "Armed clash"),
        ("Police arrested five suspects in Karachi.", "Arrests"),
    ],
)
def test_deciding_cue(text: str, sub: str) -> None:
    cue = deciding_cue(find_cues(text))
    assert cue is not None and cue.sub_event_type == sub


def test_suicide_attack_is_not_also_a_generic_attack() -> None:
    cues = find_cues("the suicide attack killed 15")
    assert [c.sub_event_type for c in cues] == ["Suicide bomb", None]
    assert cues[0].text == "suicide attack"


def test_cue_offsets() -> None:
    text = "Yesterday a landmine exploded."
    cue = find_cues(text, offset=10)[0]
    assert text[cue.start - 10 : cue.end - 10] == cue.text


def test_taxonomy_groups() -> None:
    tax = taxonomy()
    assert tax.event_type_of["Suicide bomb"] == "Explosions/Remote violence"
    assert tax.plover_of["Armed clash"] == "FIGHT"
    assert tax.plover_of["Arrests"] == "COERCE"
    assert tax.coarse("Mob violence") == PROTESTS_OR_RIOTS
    assert tax.coarse("DIPLO") == NONE
    assert tax.sub_of_case["SUIC_BOMB"] == "Suicide bomb"
    assert tax.legacy_2015["Remote violence"] == "Explosions/Remote violence"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Rebels attacked the army post with RPGs near Aleppo.", "Shelling/artillery/missile attack"),
        ("Two men on a motorbike threw a homemade bomb at the police station.", "Grenade"),
        ("A bomb was hurled into the market in Dhaka.", "Grenade"),
        ("An unexploded shell went off when children played with it.", "Remote explosive/landmine/IED"),
        ("A roadside bomb hit a convoy in Helmand.", None),
        ("Militants threw a grenade and then fired RPGs at the base.", "Shelling/artillery/missile attack"),
    ],
)
def test_decisive_weapon(text: str, sub: str | None) -> None:
    assert decisive_sub_event(text) == sub
