"""Which named place is the event's: the most specific level of a place chain, roads and
routes named after towns, the regions a sentence names, and bodies named after a region.
Short reports written for the tests."""

from __future__ import annotations

import pytest

from wirecoder.geo import event_location


@pytest.fixture(scope="module")
def run_doc(run_places):
    return lambda text, **kw: run_places(text, "2021-06-06", **kw)


def _where(doc, trigger):
    i = doc.text.index(trigger)
    return event_location(doc, i, i + len(trigger))


def test_town_of_a_place_chain_beats_its_district_nearer_the_trigger(run_doc):
    doc = run_doc("In Sopore town (Baramulla district, Jammu and Kashmir), a grenade exploded on Sunday.")
    loc, precision = _where(doc, "exploded")
    assert (loc.name, loc.admin1, precision) == ("Sopur", "Jammu and Kashmir", 1)


def test_village_missing_from_the_gazetteer_takes_its_township_not_its_district(run_doc):
    doc = run_doc("On 2 June, in Zee Hpyu Kone village (Yesagyo township, Pakokku district, Magway region), "
                  "soldiers fired artillery shells.", country_hint="MMR")
    loc, precision = _where(doc, "fired")
    assert (loc.name, precision) == ("Yesagyo", 2)


def test_road_named_after_a_town_is_not_the_place(run_doc):
    doc = run_doc("In Sheikhupura, a bank on Lahore Road was hit by a bomb on Monday.", country_hint="PAK")
    loc, _ = _where(doc, "bomb")
    assert loc.name == "Shekhupura"


def test_town_must_fit_the_region_its_sentence_names(run_doc):
    doc = run_doc("On 2 May, a landmine exploded near a village in Ye-U township (Shwebo district, Sagaing Region).",
                  country_hint="MMR")
    loc, _ = _where(doc, "exploded")
    assert loc.admin1 == "Sagaing"  # not Ye, a town of Mon State


def test_body_named_after_its_region_places_a_report_that_names_no_town(run_doc):
    doc = run_doc("Two constables of the Sindh Police were shot dead by gunmen on Friday.", country_hint="PAK")
    loc, precision = _where(doc, "shot dead")
    assert (loc.admin1, loc.country, precision) == ("Sindh", "PAK", 3)
    doc = run_doc("Two constables were shot dead in Quetta, the Sindh Police said.", country_hint="PAK")
    assert _where(doc, "shot dead")[0].name == "Quetta"  # a named town still wins


def test_alternate_spelling_after_a_locative_word_in_the_desk_country(run_doc):
    doc = run_doc("Traders protested in Abbotabad against new taxes on Monday.", country_hint="PAK")
    assert _where(doc, "protested")[0].name == "Abbottabad"
    doc = run_doc("Traders protested in Abbotabad against new taxes on Monday.", country_hint="NGA")
    assert _where(doc, "protested") is None  # no alternate spellings from other countries


def test_entity_ending_with_a_city_is_that_city(run_doc):
    doc = run_doc("Two men were killed in Baldia Karachi on Tuesday.", country_hint="PAK")
    loc, _ = _where(doc, "killed")
    assert (loc.name, loc.admin1) == ("Karachi", "Sindh")


def test_hyphenated_town_name_is_one_place(run_doc):
    doc = run_doc("On 9 July, a bomb exploded near the market in Hpa-An town (Kayin State).", country_hint="MMR")
    loc, _ = _where(doc, "exploded")
    assert (loc.name, loc.admin1) == ("Hpa-An", "Kayin")
    doc = run_doc("On 9 July, a mine exploded in Ye-U township (Shwebo district, Sagaing region).", country_hint="MMR")
    assert _where(doc, "exploded")[0].name.casefold() == "ye-u"


def test_place_a_note_says_it_coded_wins(run_doc):
    doc = run_doc("On 3 April, in Kachin State (coded as Myitkyina), soldiers fired mortars at a camp.",
                  country_hint="MMR")
    loc, _ = _where(doc, "fired")
    assert loc.name == "Myitkyina"


def test_town_whose_address_names_another_region_is_a_namesake(run_doc):
    doc = run_doc("On 21 October, in Let Pan village of Yinmarbin township (Yinmarbin district, Sagaing region), "
                  "a resistance force attacked a convoy of military trucks.", country_hint="MMR")
    assert _where(doc, "attacked")[0].admin1 == "Sagaing"  # not Let Pan, a village of Yangon


def test_region_a_sentence_is_about_does_not_unseat_its_town(run_doc):
    doc = run_doc("The ANP gathered outside the Karachi Press Club to protest in solidarity with people in "
                  "Islamabad who were protesting for a merger of KPK and FATA.", country_hint="PAK")
    assert _where(doc, "gathered")[0].name == "Karachi"


def test_township_the_gazetteer_has_only_as_an_area_beats_its_district(run_doc):
    doc = run_doc("On 13 May, in Mogoke township (Pyinoolwin district, Mandalay region), a bomb exploded "
                  "near the municipal office.", country_hint="MMR")
    loc, precision = _where(doc, "exploded")
    assert (loc.name, loc.admin1, precision) == ("Mogoke", "Mandalay", 2)


def test_district_named_after_its_town_is_coded_at_the_town(run_doc):
    doc = run_doc("The Frontier Corps started a search operation in Shadi Kor area of Gwadar district and "
                  "arrested 19 suspects.", country_hint="PAK")
    loc, _ = _where(doc, "arrested")
    assert loc.name == "Gwadar" and round(loc.lat, 1) == 25.1  # the town, not the district's centre


def test_district_before_its_city_gives_way_to_the_city(run_doc):
    doc = run_doc("A gun fight broke out during a raid in Malir, Karachi, on Monday.", country_hint="PAK")
    assert _where(doc, "gun fight")[0].name == "Karachi"


def test_area_takes_the_region_its_address_names(run_doc):
    doc = run_doc("On 3 October, in Tigyaing town (Tigyaing township, Katha district, Sagaing region), a "
                  "resistance force fired shells at the police station.", country_hint="MMR")
    loc, _ = _where(doc, "fired")
    assert (loc.name, loc.admin1) == ("Tigyaing", "Sagaing")  # not Katha, the district's town


@pytest.mark.parametrize(("text", "trigger", "name", "admin1"), [
    ("An ex-MPA was attacked in Karimabad Karachi by gunmen on Monday.", "attacked", "Karachi", "Sindh"),
    ("In Central Kurram, four soldiers were killed when a roadside bomb exploded.", "exploded", "Kurram",
     "Khyber Pakhtunkhwa"),  # a 2021 report: the tribal areas were merged into the province in 2018
])
def test_entity_of_a_namesake_or_a_compass_word_before_the_place(run_doc, text, trigger, name, admin1):
    loc, _ = _where(run_doc(text, country_hint="PAK"), trigger)
    assert (loc.name, loc.admin1) == (name, admin1)


@pytest.mark.parametrize(("text", "trigger", "name", "admin1"), [
    # a town right before an armed group's name names the group
    ("On 24 November, in Myaing township (Pakokku district, Magway region), the Pakokku PDF attacked "
     "five military trucks.", "attacked", "Myaing", "Magway"),
    # a city that closes an address after its district is the region of its name
    ("On 17 November, in Taze township (Shwebo district, Sagaing), the military fired heavy artillery.",
     "fired", "Taze", "Sagaing"),
    # "Bago-West Region" names a region, and is no place called West
    ("On 12 May, in front of Pyay University (Pyay Township, Pyay District, Bago-West Region), an "
     "explosion took place.", "explosion", "Pyay", "Bago-West"),
    ("On 15 November, in Mayangone township (Yangon-West district, Yangon region), there was an "
     "explosion in Ward (No.6).", "explosion", "Mayangone", "Yangon"),
])
def test_myanmar_address_chains(run_doc, text, trigger, name, admin1):
    loc, _ = _where(run_doc(text, country_hint="MMR"), trigger)
    assert (loc.name, loc.admin1) == (name, admin1)


def test_of_two_namesakes_in_a_region_the_one_near_the_other_places_named(run_doc):
    doc = run_doc("On 7 April, in Sanchaung township (Yangon-west district, Yangon region), a bomb exploded "
                  "in front of the administration office.", country_hint="MMR")
    loc, _ = _where(doc, "exploded")
    assert loc.admin1 == "Yangon" and round(loc.lat, 1) == 16.8  # in the city, not the namesake 30 km north
