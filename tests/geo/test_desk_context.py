"""Country desk, former regions, area words and institution names, on short reports written for the tests."""

from __future__ import annotations

import json

import pytest

from wirecoder.document import Document
from wirecoder.geo import event_location
from wirecoder.geo.context import historical_admin1, spelling_variant
from wirecoder.ingest.readers import document_from_json
from wirecoder.pipeline import DEFAULT_STAGES, Pipeline

STAGE = "wirecoder.places.v1"
FATA = "Federally Administered Tribal Areas"


@pytest.fixture(scope="module")
def run_doc():
    """Run the stages up to places on a Document built by the test (to set its country_hint)."""
    pipe = Pipeline(DEFAULT_STAGES[: DEFAULT_STAGES.index(STAGE) + 1])
    return lambda text, **kw: pipe(Document(text=text, published=kw.pop("published", "2015-03-01"), **kw))


def _names(doc):
    return {loc.name: loc for loc in doc.locations}


def test_former_region_applies_before_the_merger_only():
    assert historical_admin1(["Miran Shah"], "PAK", "2015-06-01") == FATA
    assert historical_admin1(["Miran Shah"], "PAK", "2019-01-01") is None
    assert historical_admin1(["Miran Shah"], "AFG", "2015-06-01") is None
    assert historical_admin1(["Lahore"], "PAK", "2015-06-01") is None


def test_spelling_variant_is_per_country():
    assert spelling_variant("Noshera", "PAK") == "Nowshera"
    assert spelling_variant("Noshera", "IND") is None


def test_area_word_makes_a_place_with_its_former_region(run_doc):
    doc = run_doc("A security official was injured when an IED exploded in Momand Agency on Monday.")
    loc = _names(doc)["Momand Agency"]
    assert (loc.feature, loc.admin1, loc.country) == ("place", FATA, "PAK")
    later = run_doc("A security official was injured when an IED exploded in Momand Agency on Monday.", published="2020-01-01")
    assert _names(later)["Momand Agency"].admin1 is None


def test_organisation_before_agency_is_not_a_place(run_doc):
    doc = run_doc("The Federal Investigation Agency arrested two men in Lahore.")
    assert not any("Agency" in loc.name for loc in doc.locations)
    assert "Lahore" in _names(doc)


@pytest.mark.parametrize(("text", "town", "admin1"), [
    ("Teachers protested outside the Peshawar Press Club on Tuesday.", "Peshawar", "Khyber Pakhtunkhwa"),
    ("Farmers protested in the office of the Multan Electric Power Company against inflated bills.", "Multan", "Punjab"),
])
def test_town_at_the_start_of_an_institution(run_doc, text, town, admin1):
    assert _names(run_doc(text))[town].admin1 == admin1


def test_country_hint_drops_small_foreign_namesakes_and_places_unresolved_villages(run_doc):
    text = "Three children were killed in a bomb blast during a volleyball match in Kanda Bazar."
    doc = run_doc(text, country_hint="PAK")
    assert all(loc.country != "JPN" for loc in doc.locations)
    where, _ = event_location(doc, text.index("killed"), text.index("killed") + 6)
    assert where.country == "PAK"


def test_variant_spelling_in_the_desk_country(run_doc):
    doc = run_doc("Transporters in Noshera staged a protest against the levy.", country_hint="PAK")
    assert _names(doc)["Nowshera"].admin1 == "Khyber Pakhtunkhwa"


def test_unresolved_village_takes_the_region_of_the_place_after_it(run_doc):
    doc = run_doc("Two militants were killed in air strikes in Nakai, Tirah on Sunday.", country_hint="PAK")
    assert (_names(doc)["Nakai"].admin1, _names(doc)["Nakai"].country) == (FATA, "PAK")


def test_jsonl_country_becomes_the_hint():
    doc = document_from_json(json.loads('{"text": "A blast.", "country": "pak"}'), "x.jsonl", 1)
    assert doc.country_hint == "PAK"
    assert document_from_json({"text": "A blast."}, "x.jsonl", 2).country_hint is None


def test_desk_country_drops_a_mid_sized_foreign_namesake_unless_its_country_is_named(run_doc):
    text = "Seven militants were killed in an encounter in Banda, Bajaur on Friday."
    assert all(loc.country != "IND" for loc in run_doc(text, country_hint="PAK").locations)
    named = run_doc("Police in Banda, Uttar Pradesh, India said seven people were killed.", country_hint="PAK")
    assert any(loc.country == "IND" and loc.feature == "city" for loc in named.locations)


def test_a_name_does_not_vouch_for_itself_and_entities_shrink_to_their_town(run_doc):
    doc = run_doc("Twenty militants were killed in Tirah as jets pounded hideouts across Tirah Valley.", country_hint="PAK")
    assert all(loc.country == "PAK" for loc in doc.locations)
    assert "Badin" in _names(run_doc("In Badin Kashmir Day protests were attended by hundreds.", country_hint="PAK"))


def test_small_namesake_before_a_city_is_its_neighbourhood(run_doc):
    doc = run_doc("MQM activists rioted in Karimabad, Karachi on Sunday.", country_hint="PAK")
    assert (_names(doc)["Karimabad"].feature, _names(doc)["Karimabad"].admin1) == ("place", "Sindh")


def test_a_namesake_takes_the_country_the_report_names_throughout(run_doc):
    """One doubtful foreign mention ("Santa Teresa hospital") must not pull a namesake abroad
    against a dozen places of the report's own country."""
    doc = run_doc(
        "San Salvador, Dec 9 (Domestic Service) Rebels attacked a bus near Usulutan, San Vicente Department. "
        "The injured were taken to the Santa Teresa hospital in Zacatecoluca, La Paz department. Later the "
        "rebels burned the mayor's office and destroyed a pylon in San Francisco neighborhood, San Miguel "
        "Department.",
        published="1989-12-09",
    )
    assert _names(doc)["San Francisco"].country == "SLV"


def test_a_foreign_town_naming_an_institution_is_no_place(run_doc):
    doc = run_doc(
        "Bogota, Feb 13 (Radio Cadena Nacional) Guerrillas kidnapped two teachers in Medellin. The victims were "
        "identified as the director of the Columbus school and a professor of the Lincoln college in Cali.",
        published="1990-02-13",
    )
    names = _names(doc)
    assert "Columbus" not in names and "Lincoln" not in names
    assert {"Medellín", "Cali"} <= set(names)


def test_a_town_of_the_report_s_own_country_before_an_institution_stays(run_doc):
    doc = run_doc("Moro, Mar 2 (APP) Activists protested outside the Larkana press club.", published="2015-03-02",
                  country_hint="PAK")
    assert "Larkana" in _names(doc)


def test_a_foreign_city_by_another_of_its_names_needs_its_country_named(run_doc):
    doc = run_doc("Ghotki, Mar 2 (APP) Members of the Sindh Para Veterinary Staffs Association rallied in Ghotki.",
                  published="2015-03-02", country_hint="PAK")
    assert all(loc.country in (None, "PAK") for loc in doc.locations), [(l.name, l.country) for l in doc.locations]


def test_foreign_towns_do_not_vouch_for_each_other_where_the_report_names_its_countries(run_doc):
    """A big namesake abroad ("Guadalupe", Nuevo León) lent its country to the small ones
    beside it; only a country, region or dateline named in the report does that now."""
    doc = run_doc(
        "San Salvador, Nov 28 (Radio Venceremos) Fighting continues in the north of San Salvador, El Salvador. "
        "Our forces clashed with troops in Guadalupe, and one soldier died in a clash in San Patricio Neighborhood.",
        published="1989-11-28",
    )
    assert _names(doc)["San Patricio"].country in (None, "SLV")


def test_towns_still_vouch_for_each_other_in_a_report_that_names_no_country(run_doc):
    doc = run_doc("Gunmen attacked a bus between Guadalupe and San Patricio on Monday.", published="1989-11-28")
    assert _names(doc)["San Patricio"].country == "MEX"


def test_a_name_before_a_military_unit_word_is_no_place(run_doc):
    doc = run_doc("San Salvador, Nov 14 (Radio Venceremos) Our forces fought units of the Atlacatl Battalion, Ponce "
                  "Battalion, Leon Battalion, and other troops near San Miguel today.", published="1989-11-14")
    assert "León" not in _names(doc) and "San Miguel" in _names(doc)


def test_a_foreign_town_named_in_quotes_before_farm_names_the_farm(run_doc):
    doc = run_doc('Guatemala City, Feb 4 (Efe) The army of Guatemala denied that troops attacked peasants near the '
                  '"Santo Tomas" Farm in Guatemala, whose owners live in Mexico.', published="1990-02-04")
    assert all(loc.country != "MEX" or loc.feature == "country" for loc in doc.locations)


def test_a_town_of_the_report_s_own_country_before_a_unit_word_stays(run_doc):
    doc = run_doc("Belfast, Jul 21 (AP) The IRA's Belfast brigade set off twenty bombs across the city on Friday.",
                  published="1972-07-21")
    assert "Belfast" in _names(doc) and len(_names(doc)["Belfast"].mentions) == 2


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A tractor ran over a landmine, killing a farmer in Gulzarpur Sindh, bordering Balochistan.", "Gulzarpur"),
        ("Protests were held in Gulzarpur Kashmore against the killing of a trader.", "Gulzarpur"),  # a town of Sindh
        ("A landmine killed a farmer in Gulzarpur Sindh on Monday.", "Gulzarpur"),  # the NER splits the name
    ],
)
def test_unknown_name_ending_on_a_region_or_town_lies_in_that_region(run_doc, text, name):
    place = _names(run_doc(text, country_hint="PAK"))[name]
    assert (place.feature, place.admin1, place.country) == ("place", "Sindh", "PAK")
