"""Places wire copy names loosely: one-edit spellings of a town in the report's countries,
towns the tagger takes for common nouns or people, towns inside an institution's name, and a
note that names its town a sentence after the event. Short reports written for the tests."""

from __future__ import annotations

import pytest

from wirecoder.geo import event_location
from wirecoder.geo.gazetteer import _one_edit, get_gazetteer


@pytest.fixture(scope="module")
def run_doc(run_places):
    return lambda text, **kw: run_places(text, "2015-06-01", **kw)


def _where(doc, trigger):
    i = doc.text.index(trigger)
    found = event_location(doc, i, i + len(trigger))
    return found[0] if found else None


@pytest.mark.parametrize(("a", "b", "close"), [
    ("sukkar", "sukkur", True),  # a letter changed
    ("abottabad", "abbottabad", True),  # a letter dropped
    ("ghtoki", "ghotki", True),  # two letters swapped
    ("peshawar", "peshawar", True),
    ("sukkar", "sukkrr", True),
    ("quetta", "quetto1", False),
    ("lahore", "lahroe1", False),
    ("karachi", "krachii", False),  # two edits
])
def test_one_edit(a, b, close):
    assert _one_edit(a, b) is close and _one_edit(b, a) is close


def test_near_spellings_stay_in_the_country_asked_for():
    gaz = get_gazetteer()
    assert {p.name for p in gaz.near_spellings("Maidugiri", "NGA")} == {"Maiduguri"}
    assert {p.name for p in gaz.near_spellings("Rahimyarkhan", "PAK")} == {"Rahim Yar Khan"}  # spaces closed up
    assert not gaz.near_spellings("Maidugiri", "PAK")
    assert not gaz.near_spellings("Kani", "MMR")  # too short to respell
    assert all(not p.primary for p in gaz.near_spellings("Sukkar", "PAK"))


def test_misspelt_town_after_a_locative_word_resolves_in_the_desk_country(run_doc):
    doc = run_doc("Hundreds of traders protested in Maidugiri on Monday against the closure of the market.",
                  country_hint="NGA")
    loc = _where(doc, "protested")
    assert (loc.name, loc.admin1, loc.country) == ("Maiduguri", "Borno", "NGA")
    assert any(p.method.endswith(":respelled") for p in doc.locations[0].provenance)


def test_misspelling_needs_a_place_context(run_doc):
    # "Sukkar" is no place here: no locative word, no area word, so no respelling is tried
    doc = run_doc("Sukkar said the talks had failed.", country_hint="PAK")
    assert not [loc for loc in doc.locations if loc.name == "Sukkur"]


def test_last_word_town_tagged_as_a_common_noun(run_doc):
    doc = run_doc("Mourners held a rally after a national day of mourning in Sialkot", country_hint="PAK")
    assert _where(doc, "rally").name == "Sialkot"


def test_town_without_population_after_a_locative_word_in_the_desk_country(run_doc):
    doc = run_doc("Workers of several parties protested in Chilas against the new cabinet.", country_hint="PAK")
    loc = _where(doc, "protested")
    assert (loc.name, loc.admin1) == ("Chilas", "Gilgit-Baltistan")


@pytest.mark.parametrize("text", [
    "Members of the Larkana Association of the Deaf protested for a disabled quota.",
    "The student wing of the JSQM Larkana chapter staged a protest against the arrests.",
])
def test_town_inside_an_institution_name(run_doc, text):
    doc = run_doc(text, country_hint="PAK")
    assert _where(doc, "protest").name == "Larkana"


def test_note_naming_its_town_in_the_next_sentence(run_doc):
    doc = run_doc("The electricity workers union held protests nationwide against privatisation. "
                  "In Multan they also blocked the main road.", country_hint="PAK")
    assert _where(doc, "protests").name == "Multan"
    wire = run_doc("QUETTA, June 1 (APP) - Workers held protests against privatisation. In Multan they blocked a road.")
    assert _where(wire, "protests").name == "Quetta"  # a wire report's dateline comes first


def test_loose_spelling_outside_the_region_the_report_names_is_not_believed(run_doc):
    doc = run_doc("On 11 May, in Dawbon Township (Yangon-East District, Yangon Region), two explosions "
                  "occurred near a hotel.", country_hint="MMR")
    assert _where(doc, "explosions").admin1 == "Yangon"


def test_district_of_a_country_the_report_does_not_name_is_not_believed(run_doc):
    doc = run_doc("Jets struck militant hideouts in Bara, Khyber Agency, killing 23.", country_hint="PAK")
    assert all(loc.country == "PAK" for loc in doc.locations)  # not Bara district of Nepal


@pytest.mark.parametrize(("text", "trigger", "town"), [
    ("Villagers protested in Toba Tek Singh on Monday over the death of a patient.", "protested", "Toba Tek Singh"),
    ("Protests broke out in Rahim Yar Khan as people demanded flood relief.", "Protests", "Rahim Yar Khan"),
    ("The death of a farmer in custody promoted a protest from people around Shakargarh, Sialkot.", "protest",
     "Shakargarh"),
])
def test_town_name_the_tagger_cut_short_or_took_for_a_person(run_doc, text, trigger, town):
    assert _where(run_doc(text, country_hint="PAK"), trigger).name == town


def test_abbreviation_spelled_out_in_the_report_is_no_village(run_doc):
    doc = run_doc("Hundreds of people blocked the airport road in Quetta, angered by a decision of the National "
                  "Database and Registration Authority (Nadra). They later protested outside Nadra offices.",
                  country_hint="PAK")
    assert _where(doc, "protested outside").name == "Quetta"
    assert "Nadra" not in {loc.name for loc in doc.locations}


def test_district_the_gazetteer_lacks_is_curated_at_its_headquarters(run_doc):
    doc = run_doc("Landowners from Kohistan protested against delays in the boundary commission report.",
                  country_hint="PAK")
    loc = _where(doc, "protested")
    assert (loc.name, loc.admin1) == ("Kohistan", "Khyber Pakhtunkhwa")


@pytest.mark.parametrize(("text", "trigger", "town"), [
    ("Young doctors staged protests in major cities of Punjab such as Bahawalpur over pay.", "protests", "Bahawalpur"),
    ("The Jeay Sindh Qaumi Mahaz (JSQM) Khairpur chapter protested against a case on its leader.", "protested",
     "Khairpur"),
])
def test_town_in_a_list_or_before_an_institution_word_though_tagged_a_person(run_doc, text, trigger, town):
    assert _where(run_doc(text, country_hint="PAK"), trigger).name == town


def test_only_the_whole_name_before_an_institution_word_is_the_town(run_doc):
    doc = run_doc("Activists of the JSQM Shahpur Jahania chapter took out a protest rally.", country_hint="PAK")
    assert "Jahania" not in {loc.name for loc in doc.locations}  # a town of Punjab; Shahpur Jahania is in Sindh


def test_a_town_of_unknown_population_can_be_respelled():
    """GeoNames gives some district seats no population (Panjgur): unknown is not small."""
    gaz = get_gazetteer()
    assert "Panjgur" in {p.name for p in gaz.near_spellings("Pangur", "PAK")}


def test_a_loose_spelling_after_a_locative_is_the_desk_s_town_even_when_tagged_an_organisation(run_doc):
    doc = run_doc("A protest rally was taken out in Larkan by a large number of traders against the new tax.",
                  country_hint="PAK")
    assert [(loc.name, loc.admin1) for loc in doc.locations] == [("Larkana", "Sindh")]


def test_a_loose_spelling_after_a_locative_names_no_country(run_doc):
    doc = run_doc("Rebels threw a grenade at troops in front of Myanma Posts and Telecommunications.", country_hint="MMR")
    assert not any(loc.name == "Myanma" for loc in doc.locations)


def test_town_written_in_lower_case_after_a_locative_or_before_an_institution(run_doc):
    doc = run_doc("Traders rallied outside the sukkur press club on Monday, and in general the strike held.",
                  country_hint="PAK")
    assert [(loc.name, loc.admin1) for loc in doc.locations] == [("Sukkur", "Sindh")]


@pytest.mark.parametrize("text", ["Lawyers from across Sialkot staged a walkout.",
                                  "Inhabitants of Khushab protested against power cuts."])
def test_town_the_tagger_takes_for_a_person_after_across_or_residents_of(run_doc, text):
    doc = run_doc(text, country_hint="PAK")
    assert [loc.admin1 for loc in doc.locations] == ["Punjab"]


def test_a_curated_spelling_outranks_a_foreign_namesake() -> None:
    # "Naushki" is a Russian village in GeoNames and Nushki's usual spelling in Pakistani copy
    from wirecoder.stages.places import _lookup

    assert {p.country for p in _lookup("Naushki", frozenset({"PAK"}))} == {"RUS", "PAK"}
    assert {p.country for p in _lookup("Naushki", frozenset())} == {"RUS"}


def test_a_district_spelt_the_local_way_places_the_event(run_doc) -> None:
    doc = run_doc("A judge escaped a remote-controlled explosion targeting his vehicle in the Reko Anjeri area of "
                  "Naushki district.", country_hint="PAK")
    where = _where(doc, "explosion")
    assert where is not None and (where.country, where.admin1) == ("PAK", "Balochistan")


def test_a_respelling_must_lie_in_the_district_named_with_it(run_doc) -> None:
    # "Shawal" is one letter from "Bhawal", an old name of Bhalwal (Punjab): not in North Waziristan
    doc = run_doc("Military planes pounded hideouts in Shawal, North Waziristan, killing 50 militants.", country_hint="PAK")
    assert "Bhalwal" not in {loc.name for loc in doc.locations}
    where = _where(doc, "pounded")
    assert where is not None and where.name == "North Waziristan"


@pytest.mark.parametrize(("text", "trigger", "country", "place"), [
    # the NER makes both names people; the second is the district the first lies in
    ("Militants attacked a checkpoint in Pir Koh, Dera Bugti, killing two soldiers.", "attacked", "PAK",
     ("Dera Bugti", "Balochistan")),
    ("Gunmen stormed a church in Gidan Waya, Kafanchan and killed two worshippers.", "stormed", "NGA",
     ("Kafanchan", "Kaduna")),
    ("Jihadists attacked an army post in Boulkessi, Mopti overnight.", "attacked", "MLI", ("Mopti", "Mopti")),
    # and a loose spelling there is respelled as after a locative word
    ("Two policemen were gunned down in Bingoria Goth, Karach by unknown men.", "gunned", "PAK", ("Karachi", "Sindh")),
])
def test_the_name_after_a_place_a_locative_introduced_is_where_it_lies(run_doc, text, trigger, country, place):
    loc = _where(run_doc(text, country_hint=country), trigger)
    assert (loc.name, loc.admin1) == place


def test_a_hyphened_town_name_is_as_many_words_as_it_has_names(run_doc):
    doc = run_doc("Police raided a hideout in Toba-Tek Singh on Monday and arrested four men.", country_hint="PAK")
    assert (_where(doc, "raided").name, doc.locations[0].admin1) == ("Toba Tek Singh", "Punjab")


def test_a_town_after_across_though_tagged_a_product(run_doc):
    doc = run_doc("Three grenades were thrown across Charsadda within eight hours.", country_hint="PAK")
    assert _where(doc, "grenades").name == "Charsadda"


@pytest.mark.parametrize(("text", "country", "places"), [
    ("Speaking at a rally in Lahore, Imran Khan said the government would fall.", "PAK", ["Lahore"]),
    ("At a rally in Kano, Buhari said the army would defeat Boko Haram.", "NGA", ["Kano"]),
])
def test_a_speaker_after_a_place_is_no_place(run_doc, text, country, places):
    assert [loc.name for loc in run_doc(text, country_hint=country).locations] == places


def test_a_small_town_counts_by_its_own_name_closed_up_not_by_a_loose_spelling():
    gaz = get_gazetteer()
    assert "Datta Khel" in {p.name for p in gaz.near_spellings("Dattakhel", "PAK")}  # about 1,000 people
    assert "Datta Khel" not in {p.name for p in gaz.near_spellings("Dattakhal", "PAK")}


@pytest.mark.parametrize("text", ["Three soldiers were killed by an IED planted by the TTP in Dattakhel Waziristan.",
                                  "Jets pounded militant hideouts in Dattakhel on Monday."])
def test_a_town_written_closed_up_after_a_locative(run_doc, text):
    doc = run_doc(text, country_hint="PAK")
    assert [loc.name for loc in doc.locations] == ["Datta Khel"]


@pytest.mark.parametrize(("text", "town"), [
    ("In Naushero Feroze, Hindu families protested against harassment.", "Naushahro Firoz"),
    ("Rioters pelted the police with stones in Muzzafarghar on Friday.", "Muzaffargarh"),
])
def test_a_curated_wire_spelling_of_a_district_town(run_doc, text, town):
    assert town in {loc.name for loc in run_doc(text, country_hint="PAK").locations}
