"""The places stage and the event-location helper, on short reports written for the tests."""

from __future__ import annotations

import pytest

from wirecoder.geo import event_location

STAGE = "wirecoder.places.v1"


@pytest.fixture(scope="module")
def run(run_until):
    return run_until(STAGE)


def _located(run, text: str, published: str, trigger: str):
    """(EventLocation, geo precision) of the event whose trigger is the word ``trigger``."""
    doc = run(text, published=published)
    i = text.index(trigger)
    return event_location(doc, i, i + len(trigger))


def _loc(doc, name):
    return next(loc for loc in doc.locations if loc.name == name)


def test_dateline_and_entities_resolve(run):
    doc = run("date 2025-09-05 Quetta, Sep 5 (IANS) A bomb went off in Quetta. The US Embassy in Islamabad condemned it.")
    quetta = _loc(doc, "Quetta")
    assert (quetta.admin1, quetta.country, quetta.feature) == ("Balochistan", "PAK", "city")
    assert quetta.lat == pytest.approx(30.18, abs=0.01) and len(quetta.mentions) == 2
    assert {p.method for p in quetta.provenance} >= {"dateline"}
    assert _loc(doc, "Islamabad").admin1 == "Islamabad Capital Territory"


def test_ambiguous_name_resolved_by_region_in_text(run):
    doc = run("KARACHI, March 3 (Reuters) - Gunmen killed two policemen in Hyderabad on Sunday, police in Sindh said.")
    assert _loc(doc, "Hyderabad").country == "PAK"
    doc = run("Police in Telangana said a blast in Hyderabad killed three people on Sunday.")
    assert _loc(doc, "Hyderabad").country == "IND"


def test_names_the_ner_missed_and_common_words_are_not_places(run):
    doc = run("Separately, a bomb went off in Lashio in Shan State, Myanmar. Police said May was calm.")
    names = {loc.name for loc in doc.locations}
    assert "Lashio" in names and _loc(doc, "Lashio").admin1 == "Shan-North"
    assert not names & {"Police", "May"}


def test_part_of_town_word_after_a_locative(run):
    # the tagger makes "Vina Del Mar" a person; "in downtown" still says where
    doc = run("A bomb destroyed the offices of a bank in Downtown Vina Del Mar, police said.")
    assert [loc.name for loc in doc.locations] == ["Viña del Mar"]


def test_hyphened_name_before_an_area_word(run):
    # the tagger takes "Puta" for an adjective and "O" for a noun: still one name, not "O Township"
    doc = run("On 28 May 2021, in Puta-O town (Puta-O Township, Kachin State), a bomb exploded.", published="2021-06-01")
    assert [loc.name for loc in doc.locations] == ["Putao", "Kachin"]


def test_event_location_is_the_place_the_sentence_opens_on(run):
    text = ("On 19 April 2021, in Mongping township (Kengtung District, Shan-East), the military fired two "
            "artillery shells into rebel positions in Kengtung township.")
    loc, _ = _located(run, text, "2021-04-20", "fired")
    assert loc.name == "Mongping"


def test_event_location_in_the_sentence_before_is_the_narrowest_place(run):
    # the tagger ends a sentence at the closing bracket: the township told before the trigger
    # is the place, not the district named after it (which is also a town)
    text = ("On 29 December 2021, in Myaing township (Pakokku district, Magway region) Myaing Galon Guerrilla "
            "Force carried out a mine attack against military forces on the road.")
    loc, _ = _located(run, text, "2021-12-31", "mine attack")
    assert (loc.name, loc.admin1) == ("Myaing", "Magway")


def test_district_with_a_bracketed_compass_word_is_a_district(run):
    text = "On 7 September 2021, in Twantay township (Yangon (South) District, Yangon Region), a bomb exploded."
    loc, _ = _located(run, text, "2021-09-08", "exploded")
    assert loc.name == "Twantay"


def test_event_location_same_sentence_near_and_region(run):
    text = "QUETTA, Sep 5 (IANS) - Gunmen opened fire near Kalat on Friday. Police said three died.\n\nIn Sindh, a blast wounded two."
    doc = run(text)

    def at(word):
        i = text.index(word)
        return event_location(doc, i, i + len(word))

    loc, precision = at("opened fire")
    assert (loc.name, precision) == ("Kalat", 2)
    assert at("died")[0].name == "Kalat"  # a town in the sentence before
    loc, precision = at("blast")
    assert (loc.admin1, precision) == ("Sindh", 3)  # a region only: precision 3 at its main town
    assert loc.lat is not None


def test_event_location_falls_back_to_dateline(run):
    text = "QUETTA, Sep 5 (IANS) - Three people were killed when a bomb exploded on Friday, officials said."
    doc = run(text)
    i = text.index("exploded")
    loc, precision = event_location(doc, i, i + 8)
    assert (loc.name, precision) == ("Quetta", 1)


def test_event_location_none_without_places(run):
    text = "Three people were killed when a bomb exploded on Friday, officials said."
    doc = run(text)
    i = text.index("exploded")
    assert event_location(doc, i, i + 8) is None


def test_mislabelled_coordinated_region_and_unresolved_modifiers(run):
    doc = run("Repression increased across the provinces of Balochistan and Khyber Pakhtunkhwa, Baloch activists said.")
    kp = _loc(doc, "Khyber Pakhtunkhwa")
    assert (kp.feature, kp.country) == ("admin1", "PAK")
    assert "Baloch" not in {loc.name for loc in doc.locations}


def test_unresolved_place_after_locative_is_kept(run):
    doc = run("Gunmen killed two villagers near Mir Ali in North Waziristan on Sunday.")
    unresolved = {loc.name: loc for loc in doc.locations if loc.feature == "place"}
    assert set(unresolved) == {"Mir Ali"}  # tagged PERSON by the NER
    assert unresolved["Mir Ali"].lat is None and unresolved["Mir Ali"].provenance[0].method == "ner:unresolved"
    district = _loc(doc, "North Waziristan")  # a curated district, at its headquarters town
    assert (district.feature, district.admin1, district.country) == ("admin2", "Khyber Pakhtunkhwa", "PAK")
    i = doc.text.index("killed")
    loc, precision = event_location(doc, i, i + 6)
    assert (loc.name, precision) == ("North Waziristan", 2) and loc.lat is not None


def test_unresolved_village_gets_the_reports_country(run):
    text = "QUETTA, Sep 5 (IANS) - Gunmen killed two villagers near Mir Ali on Sunday."
    doc = run(text)
    i = text.index("killed")
    loc, precision = event_location(doc, i, i + 6)
    assert (loc.name, loc.country, loc.lat, precision) == ("Mir Ali", "PAK", None, 2)


def test_an_unresolved_settlement_is_named_without_its_kind(run):
    doc = run("On 9 May, near Kyaw Zin Tha village (Demoso Township, Kayah State), troops shelled Pwint Hla Kone "
              "canton in Sagaing region.")
    names = {loc.name for loc in doc.locations if loc.feature == "place"}
    assert {"Kyaw Zin Tha", "Pwint Hla Kone"} <= names
    assert not any(n.endswith((" village", " canton")) for n in names)


def test_a_town_keeps_town_in_its_name(run):
    doc = run("A trader was shot dead near Baldia Town in Karachi on Monday.")
    assert not any(loc.name == "Baldia" for loc in doc.locations)


@pytest.mark.parametrize(("text", "published", "trigger", "place"), [
    pytest.param("Today, Medellin, Colombia's second largest city, once again saw seven bank branches shaken by "
                 "explosives, according to radio reports broadcast in Bogota.", "1989-08-27", "explosives", "Medellín",
                 id="the-town-the-news-was-told-in-is-not-the-events"),
    pytest.param("Students said the MNA ignored the issues of the tribesmen and staged a protest in Peshawar.",
                 "2015-06-01", "protest", "Peshawar", id="a-place-far-after-a-speech-verb-can-be-the-events"),
    pytest.param("Quetta, Mar 28 (APP) A bomb went off in Balochistan province on Monday. The explosive device had "
                 "been planted near the gate.", "2015-03-28", "explosive device", "Quetta",
                 id="a-dateline-inside-the-region-told-before-stays"),
])
def test_the_event_s_place(run, text, published, trigger, place):
    assert _located(run, text, published, trigger)[0].name == place


def test_a_region_told_just_before_outranks_a_dateline_outside_it(run):
    text = ("San Salvador, Mar 28 (Fbis) Two peasants were killed when they set off a mine in Morazan department. "
            "The incident took place near a hamlet, when the peasants stepped on an explosive device.")
    loc, precision = _located(run, text, "1989-03-28", "explosive device")
    assert (loc.admin1, loc.country, precision) == ("Morazan", "SLV", 3)


def test_the_news_town_yields_to_the_country_the_event_happened_in(run):
    text = "Caracas, Jul 15 (AFP) The president's brother-in-law was kidnapped in Colombia, according to family sources in Caracas."
    assert _located(run, text, "1989-07-15", "kidnapped")[0].country == "COL"


def test_a_note_without_dateline_takes_the_one_town_it_names_far_from_the_trigger(run):
    text = ("Security forces surrounded the hideout to free the hostages. The suicide bombers blew themselves up. "
            "The hostages could not be rescued. Two soldiers were hurt. Their vehicle was later found in the mountains of Zhob.")
    loc, _ = _located(run, text, "2015-02-13", "blew themselves up")
    assert (loc.name, loc.admin1) == ("Zhob", "Balochistan")


def test_a_note_without_dateline_takes_the_one_region_it_names_in_a_later_sentence(run):
    text = "Nationalists protested against the provincial government's policies. They say it settles outsiders in Sindh."
    loc, precision = _located(run, text, "2015-06-01", "protested")
    assert (loc.admin1, precision) == ("Sindh", 3)


def test_a_note_naming_two_towns_far_from_the_trigger_leaves_the_event_unplaced(run):
    text = ("Gunmen shot dead a shopkeeper on Monday. The police have opened a case. No group has claimed it. "
            "Two men were arrested last year. One of them was from Multan. The other had lived in Quetta.")
    assert _located(run, text, "2015-06-01", "shot dead") is None


def test_a_place_in_the_possessive_ranks_after_the_sentence_s_other_places(run):
    text = ("Panama City, Nov 16 (Efe) Six Jesuit priests in El Salvador were found dead at dawn today; Panama's "
            "archbishop said the killing was a crime.")
    assert _located(run, text, "1989-11-16", "killing")[0].country == "SLV"


def test_a_four_word_name_before_an_area_word_is_one_place(run):
    doc = run("San Salvador, Nov 14 (Radio Venceremos) The enemy shelled houses in the Milagro De La Paz "
              "neighborhood of San Miguel.", published="1989-11-14")
    names = {loc.name: loc for loc in doc.locations}
    assert "Milagro De La Paz" in names and "Milagro" not in names and "La Paz" not in names


@pytest.mark.parametrize("text", [
    "Santiago, Dec 29 (Efe) Rebels have staged three bomb attacks against U.S. properties. One bomb damaged the "
    "offices of a financial company in Downtown Vina Del Mar.",
    "Bogota, Jul 7 (Efe) Colombian officials said guerrillas blew up the pipeline that carries crude to the oil "
    "terminal on Colombia's Atlantic coast, in what they called sabotage. The United States condemned it.",
])
def test_common_words_are_no_towns_abroad(run, text):
    """"Downtown" (Hawaii) and "Atlantic" (Iowa) are towns only by name."""
    doc = run(text, published="1989-12-29")
    assert not any(loc.country == "USA" and loc.feature != "country" for loc in doc.locations), \
        [(loc.name, loc.country) for loc in doc.locations]


def test_part_of_a_persons_name_is_not_a_town(run):
    # Duarte and Ignacio are towns too (California, Colorado); here they are people
    doc = run("President Jose Napoleon Duarte condemned the murder of Ignacio Ellacuria in San Salvador. "
              "According to Duarte, soldiers fired on the house.", published="1989-11-20")
    assert [loc.name for loc in doc.locations] == ["San Salvador"]


def test_a_place_inside_a_body_or_a_mistagged_place_stays(run):
    # the tagger makes both a person; neither is anyone's name
    doc = run("On 5 October 2021, in Za Bu Thi Ri township (Det Khi Na district, Nay Pyi Taw), the Nay Pyi Taw PDF "
              "claimed that they exploded a bomb.", published="2021-10-06")
    assert "Nay Pyi Taw" in {loc.name for loc in doc.locations}



def test_a_place_name_never_keeps_the_comma_the_tagger_gave_it(run):
    # the tagger takes "Machh," (comma included) for the entity
    doc = run("FC personnel have killed three militants in a search operation in Machh, Balochistan.", published="2015-05-01")
    assert all(not loc.name.endswith(",") for loc in doc.locations)
    assert "Machh" in {loc.name for loc in doc.locations}


@pytest.mark.parametrize(
    ("text", "town", "admin1"),
    [
        ("A bomb exploded in Balochistan's Zhob on Monday.", "Zhob", "Balochistan"),  # tagged PERSON
        ("Eight people were hurt in an explosion on the Mall Road area of Balochistan's Chaman.", "Chaman", "Balochistan"),
    ],
)
def test_a_region_in_the_possessive_names_where_its_town_lies(run, text, town, admin1) -> None:
    assert _loc(run(text, published="2015-03-01"), town).admin1 == admin1


def test_a_possessive_country_takes_only_its_own_towns(run) -> None:
    doc = run("Rallies marked Pakistan's Independence Day in Quetta.", published="2015-08-14")
    assert {loc.name for loc in doc.locations} == {"Pakistan", "Quetta"}  # Independence, Missouri is no place here


@pytest.mark.parametrize(("sequel", "place"), [
    ("The strike hit a school compound in Kanbalu township at around 10 a.m.", ("Kanbalu", "Sagaing", 2)),
    ("Refugees later reached Tachileik in Shan State.", ("Sagaing", "Sagaing", 3)),  # outside the region named
])
def test_a_town_told_next_in_the_region_the_trigger_names_places_the_event(run, sequel, place):
    text = ("Yangon, June 14 (AP) The military carried out an air strike on a village in Sagaing region on Tuesday, "
            f"killing nine civilians. {sequel}")
    loc, precision = _located(run, text, "2022-06-14", "air strike")
    assert (loc.name, loc.admin1, precision) == place


def test_a_country_named_by_its_people_vouches_for_its_regions_and_towns(run):
    text = ("Beirut, Feb 10 (Reuters) Shelling by Syrian forces killed seven civilians in the village of Kafr Nabl "
            "in Idlib province on Sunday.")
    loc, _ = _located(run, text, "2025-02-10", "Shelling")
    assert (loc.name, loc.admin1, loc.country) == ("Kafranbel", "Idleb", "SYR")


def test_an_acronym_in_the_body_is_no_town_of_that_name(run):
    doc = run("Islamabad, Jan 26 (APP) Kashmiris held a sit-in outside the UN Office in Islamabad on Monday.")
    assert [loc.name for loc in doc.locations] == ["Islamabad"]


def test_a_dateline_in_capitals_is_still_its_town(run):
    doc = run("GAO, Mali, Jan 5 (Reuters) - Gunmen killed five soldiers near the town on Sunday.")
    assert _loc(doc, "Gao").admin1 == "Gao"


@pytest.mark.parametrize(("text", "town"), [
    ("MAPUTO, June 3 (AP) - Insurgents raided two villages in Mocimboa da Praia district on Sunday.", "Mocímboa da Praia"),
    ("ASUNCION, May 2 (AP) - Gunmen killed a police officer in Ciudad del Este on Sunday.", "Ciudad del Este"),
])
def test_a_lower_case_particle_inside_a_town_s_name_keeps_the_name_whole(run, text, town):
    names = {loc.name for loc in run(text).locations if loc.feature == "city"}
    assert town in names and "Praia" not in names
