"""Regions ACLED splits (Myanmar's Shan and Bago): the part named in the text, or found by the gazetteer."""

from __future__ import annotations

import pytest

from wirecoder.geo import get_gazetteer
from wirecoder.geo.admin1 import named_subregion, normalize_admin1, split_parent


@pytest.mark.parametrize(
    ("text", "parent", "part"),
    [
        ("in Paungde town (Pyay district, Bago-west)", "Bago", "Bago-West"),
        ("a village of northern Shan State", "Shan", "Shan-North"),
        ("in Tachileik (Shan (East))", None, "Shan-East"),
        ("in Muse district, Shan State", "Shan", None),
        ("fighting in Shan-North and Shan-South", "Shan", None),
        ("in Bago-West", "Shan", None),
    ],
)
def test_named_subregion(text: str, parent: str | None, part: str | None) -> None:
    assert named_subregion(text, "MMR", parent) == part


def test_split_parent() -> None:
    assert split_parent("Shan-North", "MMR") == "Shan"
    assert split_parent("Bago", "MMR") == "Bago"
    assert split_parent("Kachin", "MMR") is None
    assert split_parent("Punjab", "PAK") is None


def test_event_in_a_district_of_a_split_region(run_until) -> None:
    run = run_until("wirecoder.events.v1")
    doc = run("On 3 May 2021, in Kyaukme town (Kyaukme District, Shan State), a bomb exploded at a bank.",
              published="2021-05-03")
    assert doc.events and doc.events[0].location is not None
    assert doc.events[0].location.admin1 == "Shan-North"


@pytest.mark.parametrize(
    ("town", "lat", "lon", "province"),
    [("Bunia", 1.56, 30.25, "Ituri"), ("Kisangani", 0.52, 25.19, "Tshopo"), ("Kikwit", -5.04, 18.82, "Kwilu"),
     ("Pweto", -8.47, 28.9, "Haut-Katanga"), ("Kalemie", -5.95, 29.19, "Tanganyika")],
)
def test_congo_towns_take_acleds_provinces_not_geonames_older_ones(town: str, lat: float, lon: float, province: str) -> None:
    old = {"Bunia": "Eastern Province", "Kisangani": "Eastern Province", "Kikwit": "Bandundu", "Pweto": "Katanga",
           "Kalemie": "Katanga"}[town]
    assert normalize_admin1(old, "COD", lat, lon) == province


def test_a_congo_province_geonames_lacks_is_a_region_of_the_gazetteer() -> None:
    [ituri] = [p for p in get_gazetteer().candidates("Ituri") if p.country == "COD"]
    assert (ituri.feature, ituri.admin1) == ("admin1", "Ituri")
    assert ituri.lat is not None and abs(ituri.lat - 1.56) < 0.01  # at its capital, Bunia
