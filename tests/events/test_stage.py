"""The events stage on short reports written for these tests (full pipeline up to events)."""

from __future__ import annotations

import pytest

from wirecoder.records import Event

STAGE = "wirecoder.events.v1"


@pytest.fixture(scope="module")
def code(run_until):
    return run_until(STAGE)


def _first(code, text: str, published: str) -> Event:
    """The first event coded from a report written for the test."""
    doc = code(text, published=published)
    assert doc.events, text
    return doc.events[0]


def _only(events: list[Event]) -> Event:
    assert len(events) == 1, [(e.event_type, e.sub_event_type) for e in events]
    return events[0]


def test_claimed_suicide_bombing(code) -> None:
    doc = code(
        "Peshawar, March 3 (AP) A suicide bomber blew himself up at a police checkpoint in Peshawar on Monday, "
        "killing six policemen and wounding 11 others. The Tehreek-i-Taliban Pakistan claimed responsibility "
        "for the attack.",
        published="2025-03-04",
    )
    ev = _only(doc.events)
    assert (ev.event_type, ev.sub_event_type, ev.plover) == ("Explosions/Remote violence", "Suicide bomb", "ASSAULT")
    assert ev.fatalities == 6 and ev.injuries == 11
    assert ev.attribution == "claimed"
    assert ev.actor1 is not None and "Taliban" in ev.actor1.name
    assert ev.date == "2025-03-03"
    assert ev.evidence and all(doc.text[s.start : s.end].strip() == s.text for s in ev.evidence)


def test_statement_only_report_has_no_event(code) -> None:
    doc = code(
        "Geneva, Feb 7 (Reuters) The UN human rights office said on Friday it was deeply concerned about "
        "the situation and urged all parties to respect international law. \"We call on the authorities to "
        "release those detained,\" a spokesperson said.",
        published="2025-02-07",
    )
    assert doc.events == []


def test_quoted_condemnation_is_not_an_event(code) -> None:
    doc = code(
        "Lagos, May 2 (AFP) \"We condemn the bombing and the killing of innocent people in the strongest terms,\" "
        "the foreign ministry said in a statement on Thursday.",
        published="2025-05-02",
    )
    assert doc.events == []


def test_allegation_sentence_is_not_an_event(code) -> None:
    doc = code(
        "Quetta, June 4 (IANS) A rights group alleged that the security forces were behind the killings of "
        "activists across the province over the past decade.",
        published="2025-06-04",
    )
    assert doc.events == []


def test_protest_has_protesters_actor_and_no_toll(code) -> None:
    doc = code(
        "Lahore, Jan 9 (APP) Hundreds of teachers staged a protest outside the Lahore Press Club on Thursday "
        "against the killing of two colleagues last month.",
        published="2025-01-09",
    )
    ev = _only(doc.events)
    assert ev.event_type == "Protests" and ev.plover == "PROTEST"
    assert ev.fatalities == 0
    assert ev.actor1 is not None and ev.actor1.name.startswith("Protesters")


def test_unidentified_gunmen_attribution_unknown(code) -> None:
    doc = code(
        "Karachi, Aug 12 (Dawn) Unidentified gunmen shot dead a shopkeeper in Orangi Town on Tuesday.",
        published="2025-08-12",
    )
    ev = _only(doc.events)
    assert ev.event_type == "Violence against civilians"
    assert ev.fatalities == 1
    assert ev.attribution == "unknown"
    assert ev.actor1 is not None and ev.actor1.name.startswith("Unidentified Armed Group")


def test_two_separate_events(code) -> None:
    doc = code(
        "Maiduguri, March 11 (Reuters) Troops clashed with Boko Haram fighters near Bama on Monday, killing "
        "four insurgents. In a separate incident, gunmen abducted 12 farmers in Gwoza on Tuesday.",
        published="2025-03-11",
    )
    assert len(doc.events) == 2
    first, second = doc.events
    assert first.event_type == "Battles"
    assert second.sub_event_type == "Abduction/forced disappearance"
    assert second.fatalities == 0


def test_same_kind_in_distant_towns_is_two_events(code) -> None:
    # ACLED's unit is one place: a second bombing 200 km away is another event, with no
    # "separate incident" to say so
    doc = code(
        "Lagos, May 6 (Reuters) A bomb exploded at a market in Maiduguri on Sunday, killing five traders. "
        "Hours later a second bomb exploded at a bus station in Yola, killing two passengers.",
        published="2025-05-06",
    )
    assert [(e.sub_event_type, e.location.name if e.location else None, e.fatalities) for e in doc.events] == [
        ("Remote explosive/landmine/IED", "Maiduguri", 5), ("Remote explosive/landmine/IED", "Yola", 2)]


def test_same_town_told_twice_is_one_event(code) -> None:
    doc = code(
        "Lagos, May 6 (Reuters) A bomb exploded at a market in Maiduguri on Sunday, killing five traders. "
        "The blast in Maiduguri also destroyed several stalls.",
        published="2025-05-06",
    )
    assert len(doc.events) == 1


def test_same_kind_on_another_day_is_another_event(code) -> None:
    doc = code(
        "Kabul, March 9 (AP) Gunmen abducted two aid workers in Kunduz on March 2. "
        "On March 7 gunmen abducted a teacher in Kunduz, relatives said.",
        published="2025-03-09",
    )
    assert [(e.sub_event_type, e.date) for e in doc.events] == [
        ("Abduction/forced disappearance", "2025-03-02"), ("Abduction/forced disappearance", "2025-03-07")]


def test_short_quoted_name_does_not_quote_the_report(code) -> None:
    # the closing mark of "Citicorp" must not pair with the next opening one and hide the
    # bombing sentences between them as quoted words
    doc = code(
        'Santiago, Dec 29 (EFE) A bomb exploded at the "Citicorp" offices in Santiago today, causing damage. '
        "Later another bomb exploded at a school in Valparaiso, police said. "
        'The group left pamphlets at the "Citicorp" building.',
        published="1989-12-29",
    )
    assert [e.location.name if e.location else None for e in doc.events] == ["Santiago", "Valparaíso"]


def test_blamed_group_is_alleged(code) -> None:
    doc = code(
        "Kabul, Oct 2 (AP) A roadside bomb killed three soldiers in Kandahar province on Wednesday. "
        "Officials blamed the Taliban for the bombing.",
        published="2025-10-02",
    )
    ev = doc.events[0]
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    assert ev.attribution == "alleged"
    assert ev.actor1 is not None and "Taliban" in ev.actor1.name


def test_seed_report(code, shared_dir) -> None:
    text = (shared_dir / "examples/ians-quetta-2025-09-05/article.txt").read_text(encoding="utf-8")
    ev = _only(code(text).events)
    assert (ev.event_type, ev.sub_event_type, ev.plover) == ("Explosions/Remote violence", "Suicide bomb", "ASSAULT")
    assert (ev.date, ev.time_precision) == ("2025-09-02", 1)
    assert ev.location is not None and (ev.location.name, ev.location.admin1, ev.location.country) == (
        "Quetta", "Balochistan", "PAK")
    assert ev.actor1 is not None and ev.actor1.name == "Islamic State Pakistan Province"
    assert (ev.attribution, ev.attribution_source) == ("claimed", "Government of the United States")
    assert ev.actor2 is not None and ev.actor2.name == "Balochistan National Party"
    assert (ev.fatalities, ev.injuries, ev.injuries_text) == (15, None, "many")


def test_air_strike_without_named_force_is_the_states(code) -> None:
    doc = code(
        "Peshawar, Mar 3 (APP) At least 12 militants were killed in airstrikes on hideouts in Tirah valley of "
        "Khyber district on Monday, officials said.",
        published="2025-03-03",
    )
    ev = doc.events[0]
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.fatalities == 12
    assert ev.actor1 is not None and ev.actor1.name == "Military Forces of Pakistan"


def test_single_event_takes_the_toll_told_outside_its_window(code) -> None:
    doc = code(
        "Quetta, May 2 (APP) 3 alleged militants were killed during an encounter with the police in Hazar Ganji. "
        "Although it is not known which faction they belonged to, the police said they had planned attacks.",
        published="2025-05-02",
    )
    assert len(doc.events) == 1
    assert doc.events[0].fatalities == 3


def test_protest_against_old_deaths_has_no_toll(code) -> None:
    doc = code(
        "Karachi, Apr 24 (APP) Commemorating a factory fire that killed 250 workers, trade unions held a protest "
        "outside the press club demanding safety at workplaces.",
        published="2025-04-24",
    )
    ev = doc.events[0]
    assert ev.event_type == "Protests" and ev.fatalities == 0


def test_a_riot_against_old_deaths_has_no_toll(code) -> None:
    ev = _first(code, "Kano, Jun 3 (AFP) Hundreds of youths rioted and torched tyres in Kano against the bombing of "
                "a mosque that left 21 dead last week.", "2025-06-03")
    assert (ev.event_type, ev.sub_event_type, ev.fatalities) == ("Riots", "Violent demonstration", 0)


def test_deaths_in_a_riot_s_own_clash_count(code) -> None:
    ev = _first(code, "Kano, Jun 3 (AFP) Rioters torched tyres and clashed with police in Kano, and two rioters "
                "were killed.", "2025-06-03")
    assert ev.event_type == "Riots" and ev.fatalities == 2


def test_gunmen_killing_a_policeman_is_a_battle(code) -> None:
    """ACLED codes an armed attack on state security personnel as an armed clash even
    when the actors stage names no force ("a sub-inspector"), not as violence against civilians."""
    doc = code(
        "Peshawar, Oct 9 (Dawn) Unidentified gunmen on a motorbike shot dead an assistant sub-inspector "
        "near his house in the Faqirabad area on Thursday.",
        published="2025-10-09",
    )
    ev = _only(doc.events)
    assert (ev.event_type, ev.sub_event_type) == ("Battles", "Armed clash")
    assert ev.fatalities == 1


def test_by_victims_security_words_override_attack() -> None:
    from wirecoder.events.builder import _by_victims

    text = "Unknown attackers gunned down two constables at a checkpoint."
    assert _by_victims("Violence against civilians", "Attack", "classifier", None, text)[:2] == ("Battles", "Armed clash")
    civil = "Unknown attackers gunned down two shopkeepers at the market."
    assert _by_victims("Violence against civilians", "Attack", "classifier", None, civil)[:2] == (
        "Violence against civilians", "Attack")


def test_shelling_answered_with_fire_is_a_battle(code) -> None:
    """Shelling the other side answers is an exchange of fire: ACLED's armed clash."""
    doc = code(
        "Sialkot, Nov 3 (APP) Indian forces fired mortar shells at three border villages near Sialkot on "
        "Sunday night. The Pakistani Rangers responded in kind.",
        published="2025-11-04",
    )
    ev = _only(doc.events)
    assert (ev.event_type, ev.sub_event_type) == ("Battles", "Armed clash")


def test_one_sided_shelling_stays_remote_violence(code) -> None:
    doc = code(
        "Sialkot, Nov 3 (APP) Indian forces fired mortar shells at three border villages near Sialkot on "
        "Sunday night, wounding two farmers.",
        published="2025-11-04",
    )
    ev = _only(doc.events)
    assert (ev.event_type, ev.sub_event_type) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def test_by_victims_returned_fire_makes_a_clash() -> None:
    from wirecoder.events.builder import _by_victims

    sub = "Shelling/artillery/missile attack"
    got = _by_victims("Explosions/Remote violence", sub, "classifier", None, "Troops shelled the post.", "The militants fired back.")
    assert got[:2] == ("Battles", "Armed clash")
    assert _by_victims("Explosions/Remote violence", sub, "classifier", None, "Troops shelled the post.")[:2] == (
        "Explosions/Remote violence", sub)


def test_unanswered_border_gunfire_wounding_a_villager_is_violence_against_civilians(code) -> None:
    doc = code(
        "Kotli, Dec 1 (APP) A farmer was wounded on Monday in unprovoked firing by foreign troops across "
        "the Line of Control near his village.",
        published="2025-12-01",
    )
    ev = _only(doc.events)
    assert (ev.event_type, ev.sub_event_type) == ("Violence against civilians", "Attack")


def test_by_victims_border_fire_rules() -> None:
    from wirecoder.events.builder import _by_victims

    text = "A farmer was wounded in firing from across the border."
    assert _by_victims("Battles", "Armed clash", "classifier", None, text)[:2] == ("Violence against civilians", "Attack")
    assert _by_victims("Battles", "Armed clash", "classifier", None, text, "The guards returned fire.")[:2] == (
        "Battles", "Armed clash")


def test_by_victims_an_armed_clash_with_no_second_side_is_an_attack() -> None:
    from wirecoder.events.builder import _by_victims

    text = "Unknown gunmen shot and killed a schoolteacher on his way home."
    assert _by_victims("Battles", "Armed clash", "classifier", None, text)[:2] == ("Violence against civilians", "Attack")
    fought = "Gunmen and villagers fought for an hour; two attackers were killed."
    assert _by_victims("Battles", "Armed clash", "classifier", None, fought)[:2] == ("Battles", "Armed clash")


def test_party_supporters_coming_to_blows_are_rioters(code) -> None:
    doc = code(
        "Multan, Oct 9 (APP) Two men were killed and six injured on Sunday in a clash between supporters of "
        "rival candidates outside a polling station in Multan.",
        published="2025-10-09",
    )
    ev = _only(doc.events)
    assert (ev.event_type, ev.sub_event_type) == ("Riots", "Mob violence")


def test_a_clash_between_party_workers_and_militants_stays_a_battle() -> None:
    from wirecoder.events.lexicon import rivals_fight

    assert rivals_fight("Workers of the PPP clashed with rival PML-N workers.")
    assert not rivals_fight("Party workers clashed with militants near the polling station.")
    assert not rivals_fight("Police and militants clashed near the market.")


def test_condemning_a_killing_is_the_killing_not_a_protest(code) -> None:
    doc = code(
        "Bogota, May 3 (AFP) Students and teachers have condemned the assassination of a union leader in "
        "Medellin on Tuesday and demanded justice.",
        published="1989-05-03",
    )
    assert doc.events
    assert all(ev.event_type != "Protests" for ev in doc.events)
    assert any(ev.event_type == "Violence against civilians" for ev in doc.events)


def test_a_rally_against_a_killing_stays_a_protest(code) -> None:
    doc = code(
        "Lahore, March 2 (APP) Hundreds of traders held a protest rally on Mall Road against the assassination "
        "of a local trader, chanting slogans against the police.",
        published="2015-03-02",
    )
    assert any(ev.event_type == "Protests" for ev in doc.events)


def _decided_on(text: str, pred) -> tuple[str, str, float, str] | None:
    """What the events stage decides for a one-sentence window the classifier read as ``pred``."""
    from wirecoder.events.builder import _decide_type
    from wirecoder.events.lexicon import find_cues
    from wirecoder.events.windows import Sentence, Window

    return _decide_type(Window([Sentence(0, len(text), text, find_cues(text), quoted=False)]), pred)


def _decided(text: str, event_type: str, sub_event_type: str) -> tuple[str, str, float, str] | None:
    from wirecoder.events.classifier import Prediction

    return _decided_on(text, Prediction(sub_event_type, event_type, sub_event_type, event_type, 1.0))


@pytest.mark.parametrize("text", [
    "22 militants were killed as jet fighters pounded their hideouts in Dattakhel.",
    "Military forces started an aerial offensive in the agency, killing 11 militants.",
    "Fighter aircraft struck a militant compound near the border, killing six.",
])
def test_a_strike_from_the_air_read_as_a_battle_is_remote_violence(text) -> None:
    decided = _decided(text, "Battles", "Armed clash")
    assert decided is not None and decided[:2] == ("Explosions/Remote violence", "Air/drone strike")
    assert decided[3] == "classifier+air-strike-check"


def test_an_air_strike_beside_a_fight_on_the_ground_stays_a_battle() -> None:
    text = "Jet fighters pounded the hideouts while troops clashed with militants on the ground."
    assert _decided(text, "Battles", "Armed clash")[:2] == ("Battles", "Armed clash")  # type: ignore[index]


def test_shooting_into_the_air_is_no_air_strike() -> None:
    text = "Three attackers opened aerial fire near two local schools; no one was hurt."
    assert _decided(text, "Battles", "Armed clash")[:2] == ("Battles", "Armed clash")  # type: ignore[index]


def test_a_machinegunned_bus_is_an_attack_dated_by_its_own_sentence(code) -> None:
    ev = _first(code, "San Salvador, Dec 9 (Domestic Service) Yesterday morning about 20 terrorists machinegunned a "
                "bus on the coastal highway. Five passengers were injured.", "1989-12-09")
    assert ev.sub_event_type == "Attack" and ev.date == "1989-12-08"


def test_a_raid_with_a_gunfight_read_as_arrests_is_an_armed_clash() -> None:
    text = "An intense gun fight broke out during a raid in Maiduguri and a wanted commander was arrested."
    decided = _decided(text, "Strategic developments", "Arrests")
    assert decided is not None and decided[:2] == ("Battles", "Armed clash") and decided[3] == "classifier+fight-check"


def test_weapons_recovered_in_a_clash_are_part_of_the_battle() -> None:
    text = "Eight gunmen died in a clash with troops near Gao and a cache of rifles was recovered."
    decided = _decided(text, "Strategic developments", "Disrupted weapons use")
    assert decided is not None and decided[:2] == ("Battles", "Armed clash") and decided[3] == "classifier+fight-check"


@pytest.mark.parametrize("text", [
    "Police arrested five suspects during a search operation in Maiduguri.",
    "Police arrested five suspects in Maiduguri; there was no exchange of fire.",
])
def test_arrests_without_a_fight_stay_arrests(text) -> None:
    assert _decided(text, "Strategic developments", "Arrests")[:2] == ("Strategic developments", "Arrests")  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the region named after the grievance is the grievance's too
        ("Lawyers rallied outside the Multan Press Club on Monday to condemn the killing of a judge in Quetta, "
         "and asked the Balochistan government to resign.", "Multan"),
        ("Traders in Sukkur protested against the arrest of their leader in Karachi by the Sindh police.", "Sukkur"),
        ("Nurses protested against the closure of a hospital in Peshawar.", "Peshawar"),  # no other place: it stays
    ],
)
def test_a_protest_is_where_people_gathered_not_where_its_grievance_happened(code, text, place) -> None:
    ev = _first(code, text, "2015-02-02")
    assert ev.event_type == "Protests" and ev.location is not None and ev.location.name == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a venue places the event in its town
        ("Farmers from Talhar staged a protest outside the Hyderabad press club against the sugar mill.", "Hyderabad"),
        ("Residents of Nawabshah protested the kidnapping of a girl at the Sukkur Press Club.", "Sukkur"),
        # ... unless the sentence opens on its scene
        ("In Talhar, farmers who had rallied outside the Hyderabad press club last week blocked the highway.", "Talhar"),
        # where people came from is not the scene
        ("Protestors from Nankana Sahib protested on the Mall road in Lahore against the police.", "Lahore"),
        ("Two PDF groups from Ayadaw township blew up a telecommunication tower in Myinmu township.", "Myinmu"),
        ("Gunmen shot dead a trader returning from Quetta in Mastung on Monday.", "Mastung"),
        # ... nor where they went
        ("Gunmen attacked a bus travelling from Quetta to Karachi in Khuzdar on Monday.", "Khuzdar"),
        ("Doctors protested against shifting the medical college from Sukkur to Khairpur, in Sukkur.", "Sukkur"),
    ],
)
def test_the_scene_among_the_towns_of_the_sentence(code, text, place) -> None:
    ev = _first(code, text, "2021-02-02")
    assert ev.location is not None and ev.location.name == place


def test_a_development_with_no_word_of_one_but_an_explosion_is_the_explosion() -> None:
    text = "Officials said one of the explosive devices went off prematurely and the blast damaged a wall of the air base."
    decided = _decided(text, "Strategic developments", "Change to group/activity")
    assert decided is not None and decided[:2] == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert decided[3] == "classifier+development-cue-check"


def test_a_defused_bomb_stays_a_development() -> None:
    text = "Police defused a bomb planted near the market."
    decided = _decided(text, "Strategic developments", "Disrupted weapons use")
    assert decided is not None and decided[:2] == ("Strategic developments", "Disrupted weapons use")


def test_explosives_found_read_as_disrupted_weapons_use_stay_so() -> None:
    text = "Two explosive devices were found in a canal next to the zoo."
    decided = _decided(text, "Strategic developments", "Disrupted weapons use")
    assert decided is not None and decided[:2] == ("Strategic developments", "Disrupted weapons use")


@pytest.mark.parametrize("unreal", [
    "Who bombed the Karachi press club last month?",
    "The rebels threatened to bomb the Karachi airport.",
    "Officials warned that markets in Karachi will be bombed.",
    "Police uncovered a plot to assassinate the mayor of Karachi.",
    "The Karachi office was not bombed, residents said.",
])
def test_a_question_threat_plan_or_denied_act_is_no_event(code, unreal) -> None:
    doc = code(f"Gunmen shot dead a shopkeeper in Quetta on Monday. {unreal}", published="2025-03-04")
    assert [(e.sub_event_type, e.location.name if e.location else None) for e in doc.events] == [("Attack", "Quetta")]


@pytest.mark.parametrize("real", [
    "In Karachi, two policemen may have been killed by a bomb.",
    "In Karachi, gunmen tried to kill a judge with a bomb.",
])
def test_a_hedged_or_attempted_act_is_still_an_event(code, real) -> None:
    doc = code(f"Gunmen shot dead a shopkeeper in Quetta on Monday. {real}", published="2025-03-04")
    assert len(doc.events) == 2


def _decided_non_event(text: str, label: str, best_event: str) -> tuple[str, str, float, str] | None:
    from wirecoder.events.classifier import Prediction
    from wirecoder.events.lexicon import NONE

    return _decided_on(text, Prediction(label, None, None, NONE, 0.5, best_event))


def test_a_claim_of_responsibility_for_an_attack_codes_the_attack() -> None:
    text = "The Taliban claimed responsibility for the attack on two traffic policemen in Swabi."
    decided = _decided_non_event(text, "ATTRIB", "Armed clash")
    assert decided is not None and decided[:2] == ("Battles", "Armed clash")
    assert decided[3] == "classifier+responsibility-claim"


def test_other_non_events_stay_non_events() -> None:
    text = "The minister said the attack on the embassy would be discussed at the summit."
    assert _decided_non_event(text, "DIPLO", "Attack") is None


def test_a_claim_the_reporter_tells_is_sourced_to_the_claimant(code) -> None:
    ev = _first(code, "MAIDUGURI, March 3 (Reuters) - Insurgents killed 12 farmers in Kwari village in Borno state on "
                      "Sunday. Islamic State West Africa Province claimed responsibility for the attack.", "2025-03-04")
    assert (ev.attribution, ev.attribution_source) == ("claimed", "Islamic State West Africa Province")


def test_blame_laid_by_a_named_official_is_sourced_to_the_official(code) -> None:
    ev = _first(code, "BOGOTA, Jan 21 (AFP) - Two police officers were killed when a car bomb exploded outside a "
                      "police station in Jamundi on Friday. Defense Minister Ivan Velasquez blamed dissidents of the "
                      "FARC for the bombing.", "2025-01-22")
    assert ev.attribution == "alleged" and ev.attribution_source == "Ivan Velasquez"


def test_a_reaction_after_an_event_is_no_part_of_it(code) -> None:
    doc = code("SRINAGAR, May 6, 2024 (AP) - Two soldiers were killed in a gunbattle with militants in Rajouri "
               "district on Sunday, an army spokesman said. The People's Democratic Party condemned the killing of "
               "a village head and demanded a judicial inquiry.", published="2024-05-06")
    ev = _only(doc.events)
    assert ev.actor1 is not None and ev.actor1.name != "Peoples Democratic Party"
    assert all("condemned" not in s.text for s in ev.evidence)


def test_a_rights_allegation_told_after_an_event_is_no_blame_for_it(code) -> None:
    ev = _first(code, "BAMAKO, July 2, 2024 (Reuters) - Suspected jihadists attacked a wedding in central Mali on "
                      "Monday, killing around 40 people, a local official said. Human rights groups have accused "
                      "Malian soldiers of summary executions of civilians in the same region.", "2024-07-02")
    assert ev.actor1 is not None and ev.actor1.name != "Military Forces of Mali"
    # the suspected jihadists are the ones the report suspects, not the soldiers the rights groups accuse
    assert ev.actor1.name == "Unidentified Armed Group (Mali)" and ev.fatalities == 40


@pytest.mark.parametrize("background", [
    "The group has killed thousands of civilians in the east over the past decade.",
    "More than 300 people have been killed in the province since January.",
    "Militants have carried out dozens of attacks in the district since 2019.",
])
def test_a_running_total_after_an_event_adds_nothing_to_it(code, background) -> None:
    doc = code(f"GOMA, May 4 (AFP) - Rebels hacked to death at least 22 villagers in Lubero territory on Sunday. "
               f"{background}", published="2026-05-04")
    ev = _only(doc.events)
    assert ev.fatalities == 22
    assert all("since" not in s.text and "decade" not in s.text for s in ev.evidence)


def test_a_grievance_over_a_span_of_time_still_tells_a_protest(code) -> None:
    ev = _first(code, "Teachers protested outside the press club in Lahore for not being paid since October 2024.",
                "2025-03-04")
    assert ev.event_type == "Protests"


def test_a_killing_read_as_an_abduction_is_an_attack_when_no_one_is_said_taken() -> None:
    text = "Rebels hacked to death 22 villagers, and an unknown number of people were missing."
    decided = _decided(text, "Violence against civilians", "Abduction/forced disappearance")
    assert decided is not None and decided[:2] == ("Violence against civilians", "Attack")
    taken = "Rebels kidnapped 22 villagers and hacked to death two of them."
    assert _decided(taken, "Violence against civilians", "Abduction/forced disappearance")[1] == \
        "Abduction/forced disappearance"


def test_the_victims_of_hacked_to_death_are_the_target(code) -> None:
    ev = _first(code, "GOMA, May 4 (AFP) - Suspected Allied Democratic Forces (ADF) rebels hacked to death at least "
                      "22 villagers overnight Saturday to Sunday in Lubero territory, a local leader said.", "2026-05-04")
    assert ev.actor2 is not None and ev.actor2.name.startswith("Civilians")


COLOMBIA_AMBUSH = ("BOGOTA, April 12 (Reuters) - Dissidents of the former FARC rebel group killed four soldiers in an "
                   "ambush in Colombia's southwestern Cauca province on Saturday, the army said. The soldiers were "
                   "patrolling a rural area near the town of Suarez when they came under fire from explosives and "
                   "rifles, the army said in a statement. Two other soldiers were wounded.")


def test_a_town_inside_the_region_told_before_tells_the_same_event_closer(code) -> None:
    ev = _only(code(COLOMBIA_AMBUSH, published="2026-04-12").events)
    assert ev.location is not None and ev.location.name == "Suárez"
    assert (ev.fatalities, ev.injuries) == (4, 2)


def test_the_source_of_a_report_is_no_party_to_the_event(code) -> None:
    ev = _only(code(COLOMBIA_AMBUSH, published="2026-04-12").events)
    assert ev.actor2 is not None and ev.actor2.name == "Military Forces of Colombia"
    assert ev.actor1 is None or ev.actor1.name != "Military Forces of Colombia"


def test_a_place_the_gazetteer_cannot_put_anywhere_starts_no_event(code) -> None:
    doc = code("KANO, Nigeria, Feb 17 (Reuters) - Gunmen abducted at least 30 students from a school in Kebbi state on "
               "Monday, police said. The attackers stormed the school in Maga town at about 4 a.m. and exchanged fire "
               "with police officers guarding it, killing one officer, a police spokesman said.", published="2026-02-17")
    ev = _only(doc.events)
    assert ev.sub_event_type == "Abduction/forced disappearance" and ev.fatalities == 1


def test_blame_for_a_kind_of_act_ties_no_one_to_this_one(code) -> None:
    ev = _first(code, "KANO, Nigeria, Feb 17 (Reuters) - Gunmen abducted at least 30 students from a school in Kebbi "
                      "state on Monday, police said. No group has claimed responsibility. Authorities often blame "
                      "criminal gangs known locally as bandits for such kidnappings.", "2026-02-17")
    assert ev.attribution == "unknown" and ev.attribution_source is None


def test_police_firing_on_a_riot_are_its_second_party(code) -> None:
    ev = _first(code, "NAIROBI, June 26 (Reuters) - Kenyan police fired tear gas and live rounds at thousands of "
                      "protesters in Nairobi on Tuesday, killing two people, as protesters set fire to part of the "
                      "parliament building.", "2026-06-26")
    assert ev.event_type in ("Riots", "Protests")
    assert ev.actor1 is not None and ev.actor1.name.split(" (")[0] in ("Rioters", "Protesters")
    assert ev.actor2 is not None and ev.actor2.name == "Police Forces of Kenya"


BURKINA = ("OUAGADOUGOU, March 2 (AFP) - Jihadists killed at least 15 soldiers in an attack on a military post in "
           "northern Burkina Faso, security sources told AFP on Sunday. The attack targeted the post at Tin-Akoff in "
           "Oudalan province on Saturday, one source said. Burkina Faso, ruled by a military junta since 2022, has "
           "been battling jihadists since 2015. The violence has killed more than 26,000 people.")


def test_a_sahel_attack_is_placed_coded_and_counted_without_the_conflict_s_toll(code) -> None:
    ev = _only(code(BURKINA, published="2026-03-02").events)
    assert ev.fatalities == 15
    assert ev.location is not None and ev.location.name == "Oudalan"  # not the dateline's Ouagadougou
    assert ev.actor2 is not None and ev.actor2.name == "Military Forces of Burkina Faso"
    assert all("Myanmar" not in (a.name if a else "") for a in (ev.actor1, ev.actor2))


def test_a_bomb_police_came_to_is_not_theirs_and_a_group_s_record_is_no_claim(code) -> None:
    ev = _only(code("BAGHDAD, Oct 5 (Reuters) - Two roadside bombs exploded near a market in the northern Iraqi city of "
                    "Kirkuk on Sunday evening, killing three people, security sources said. No group immediately "
                    "claimed responsibility, but Islamic State militants have carried out similar attacks in the "
                    "area. The second bomb exploded minutes later as police arrived at the scene, a police officer "
                    "said.", published="2026-10-05").events)
    assert ev.actor1 is not None and ev.actor1.name == "Unidentified Armed Group (Iraq)"
    assert ev.attribution == "unknown"


@pytest.mark.parametrize(("text", "perpetrator"), [
    ("On 29 July 2021, in Pauk township (Magway region), two civilians stepped on a landmine planted by the Myanmar "
     "military. The explosion killed both of them.", "Military Forces of Myanmar"),
    ("On 24 September 2021, in Chanmyathazi township (Mandalay region), a bomb exploded near a telecom tower "
     "operated by the military. No one was hurt.", "Unidentified Armed Group (Myanmar)"),
])
def test_a_mine_names_its_layer_not_the_owner_of_its_target(code, text, perpetrator) -> None:
    ev = _first(code, text, "2021-10-01")
    assert ev.actor1 is not None and ev.actor1.name == perpetrator
