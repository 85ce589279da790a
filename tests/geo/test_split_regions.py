"""Regions ACLED splits (Myanmar's Shan and Bago): the part named in the text, or found by the gazetteer."""

from __future__ import annotations

import pytest

from wirecoder.geo.admin1 import named_subregion, split_parent


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
