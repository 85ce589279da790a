"""Trigger cues and the taxonomy (data files under data/events/)."""

from __future__ import annotations

import pytest

from wirecoder.events.lexicon import (
    NONE,
    PROTESTS_OR_RIOTS,
    classifier_hints,
    deciding_cue,
    decisive_sub_event,
    find_cues,
    taxonomy,
    territory_taker,
)


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
        ("Soldiers murdered two peasants near the canton.", "Attack"),
        ("Hundreds staged a sit-in outside the press club.", "Peaceful protest"),
        ("Police fired tear gas at the demonstrators.", "Protest with intervention"),
        ("Police detained dozens of protesters in Minsk.", "Protest with intervention"),
        ("Security forces used live ammunition against the marchers in Khartoum.", "Excessive force against protesters"),
        ("Four protesters died from gunfire outside the consulate in Karbala.", "Excessive force against protesters"),
        ("Demonstrators hurled stones at the police in Tebourba.", "Violent demonstration"),
        ("Demonstrators clashed with security forces in Caracas.", "Violent demonstration"),
        ("The two sides agreed to a ceasefire in Juba.", "Agreement"),
        ("Mali freed 30 rebels in exchange for the release of 16 soldiers.", "Agreement"),
        ("Turkish forces set up two military bases near Zakho.", "Headquarters or base established"),
        ("Police discovered pistols in a bus near Dessie.", "Disrupted weapons use"),
        ("About 10,000 fighters defected to the president's faction.", "Change to group/activity"),
        ("One man molested her before she ran away.", "Sexual violence"),
        ("Troops and rebels clashed near Kidal.", "Armed clash"),
        ("Police arrested five suspects in Karachi.", "Arrests"),
        ("Military planes pounded militant hideouts in the valley.", "Air/drone strike"),
        ("Jet fighters struck the hills above the town.", "Air/drone strike"),
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


@pytest.mark.parametrize(
    ("text", "harmed"),
    [
        ("Two masked men shot dead a head constable outside his home in Mardan.", True),
        ("A sub-inspector and his driver were gunned down near the bus stand.", True),
        ("Gunmen ambushed Levies personnel guarding a dam site in Kech.", True),
        ("An officer of the Sindh Police was killed when attackers opened fire on his car.", True),
        ("Attackers killed a khasadar in Mohmand Agency.", True),
        ("A tailor was shot dead by two men on a motorbike.", False),
        ("Police shot dead a robbery suspect in an encounter.", False),
        ("Troops were called in after a trader was shot in the bazaar.", False),
    ],
)
def test_harms_security_forces(text: str, harmed: bool) -> None:
    from wirecoder.events.lexicon import harms_security_forces

    assert harms_security_forces(text) is harmed


@pytest.mark.parametrize(
    ("text", "returned"),
    [
        ("Artillery hit two hamlets overnight and the border guards retaliated.", True),
        ("Mortars fell on the post. The garrison responded with machine-gun fire.", True),
        ("The two armies fired at each other along the frontier for an hour.", True),
        ("A boy was wounded by the firing; there was no exchange of fire.", False),
        ("The army shelled rebel positions in retaliation for last week's ambush.", False),
    ],
)
def test_fire_was_returned(text: str, returned: bool) -> None:
    from wirecoder.events.lexicon import fire_was_returned

    assert fire_was_returned(text) is returned


def test_troops_targeting_each_other_is_a_clash_cue() -> None:
    cue = deciding_cue(find_cues("Rival troops targeted each other across the frontier on Sunday."))
    assert cue is not None and cue.sub_event_type == "Armed clash"


@pytest.mark.parametrize(
    ("text", "one_sided"),
    [
        ("A shepherd was wounded by gunfire from across the border near Chaman.", True),
        ("Two villagers died after troops fired across the Line of Control at their fields.", True),
        ("Troops fired across the border at dawn; nobody was hurt.", False),  # no harm
        ("A farmer was killed when mortar rounds fired across the border hit his house.", False),  # remote weapon
        ("A border guard was killed in firing across the frontier line at the border.", False),  # security hit
        ("A boy was killed in firing across the border and the guards fired back.", False),  # answered
    ],
)
def test_one_sided_border_fire(text: str, one_sided: bool) -> None:
    from wirecoder.events.lexicon import one_sided_border_fire

    assert one_sided_border_fire(text) is one_sided


def test_a_military_aircraft_that_crashed_is_no_air_strike() -> None:
    assert not any(c.sub_event_type == "Air/drone strike"
                   for c in find_cues("Two military aircraft crashed off the coast early Saturday."))


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Rebels have recaptured a village in the west, activists said.", "non_state"),
        ("Al-Shabaab fighters retook the town of Bulo Burte on Monday.", "non_state"),
        ("The town of Mocimboa da Praia was seized by insurgents overnight.", "non_state"),
        ("Government troops recaptured Palmyra from the Islamic State group.", "state"),
        ("The junta's soldiers occupied three hill posts of the Kachin ethnic army.", "state"),
        ("Fighters retook the hill from government forces.", "non_state"),
        ("They retook the hill from government forces.", "non_state"),
        ("The army took control of the border crossing at Kurmuk.", "state"),
        ("Police arrested two men in Kano.", None),
    ],
)
def test_territory_taker_reads_who_took_the_ground(text: str, side: str | None) -> None:
    assert territory_taker(text) == side


@pytest.mark.parametrize(
    ("text", "hints"),
    [
        ("A gas cylinder exploded in a restaurant in Lagos, killing four.", {"accident"}),
        ("A ferry capsized on Lake Kivu.", {"accident"}),
        ("Soldiers defused two IEDs planted under a bridge near Kidal.", {"weaponsfound"}),
        ("A cache of rifles and ammunition was recovered in Sagaing.", {"weaponsfound"}),
        ("JNIM claimed responsibility for the ambush.", {"blame"}),
        ("The ministry rejected accusations that its jets bombed the market.", {"blame"}),
        ("Police seized counterfeit notes from a drug gang in Kolkata.", {"crime"}),
        ("The army redeployed troops to the observation points around Idlib.", {"deployment"}),
        ("Two policemen deployed for the security of the complex were shot dead.", set()),
        ("Gunmen shot dead a teacher in Sokoto.", set()),
    ],
)
def test_classifier_hints(text: str, hints: set[str]) -> None:
    assert classifier_hints(text) == hints


def test_ground_taken_is_a_generic_cue_whose_side_decides() -> None:
    cues = find_cues("Troopers captured two New People's Army (NPA) camps in Abra over the weekend.")
    assert [c.text for c in cues] == ["captured two New People's Army (NPA) camps"] and not cues[0].specific
    assert deciding_cue(cues) is None


@pytest.mark.parametrize(
    "text",
    ["The rebels laid down their arms on 9 March and a soldier was killed in the town.",
     "On March 22, 1990 gunmen killed a judge.", "Attacks have risen since March.", "Fighting resumed in mid-March."],
)
def test_the_month_march_is_no_protest_cue(text):
    assert all(c.sub_event_type != "Peaceful protest" for c in find_cues(text))


@pytest.mark.parametrize(
    "text", ["Thousands joined the Aurat March in Lahore.", "Students marched on parliament.", "A march to the governor's office."]
)
def test_a_march_is_still_a_protest_cue(text):
    assert [c.sub_event_type for c in find_cues(text)] == ["Peaceful protest"]


@pytest.mark.parametrize(
    "spans",
    [
        [(0, 40), (40, 95), (95, 140)],  # edges between sentences
        [(0, 51), (51, 140)],  # an edge inside "attacked": each side is read alone
        [(0, 36), (37, 140)],  # a gap between sentences
    ],
)
def test_one_scan_gives_each_sentence_the_cues_of_its_own_scan(spans):
    from wirecoder.events.windows import _cues_by_sentence

    text = ("Gunmen killed two guards on 9 March. Militants attacked a post and a bomb exploded. "
            "Hundreds marched in Quetta against the killings. ")[:140]
    assert _cues_by_sentence(text, spans) == [find_cues(text[a:b], a) for a, b in spans]
