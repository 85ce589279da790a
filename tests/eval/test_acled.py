"""The ACLED adapter on a tiny file in the 2015 schema written for this test."""

from __future__ import annotations

import csv
from pathlib import Path

from wirecoder.eval import EvalOptions, get_adapter

HEADER = ["GWNO", "EVENT_ID_CNTY", "EVENT_DATE", "EVENT_TYPE", "ACTOR1", "ACTOR2", "COUNTRY", "ADMIN1",
          "LOCATION", "LATITUDE", "LONGITUDE", "NOTES", "FATALITIES"]
ROWS = [
    ["770", "1PAK", "03-March-2015", "Riots/Protests", "Protesters (Pakistan)", "", "Pakistan", "Punjab", "Lahore",
     "31.55", "74.34", "Hundreds of teachers staged a protest outside the press club in Lahore.", "0"],
    ["770", "2PAK", "04-March-2015", "Remote violence", "Unidentified Armed Group (Pakistan)", "", "Pakistan",
     "Balochistan", "Quetta", "30.18", "67.00", "Two soldiers were killed when a roadside bomb exploded in Quetta.", "2"],
    ["770", "3PAK", "05-March-2015", "Riots/Protests", "Protesters (Pakistan)", "", "Pakistan", "Sindh", "Karachi",
     "24.86", "67.01", "Traders held a rally in Karachi against new taxes.", "0"],
    ["770", "4PAK", "06-March-2015", "Remote violence", "Unidentified Armed Group (Pakistan)", "", "Pakistan",
     "Khyber Pakhtunkhwa", "Peshawar", "34.01", "71.58", "An IED blast killed three policemen in Peshawar.", "3"],
    ["770", "5PAK", "07-March-2015", "Riots/Protests", "Protesters (Pakistan)", "", "Pakistan", "Punjab",
     "Multan", "30.20", "71.47", "Farmers protested in Multan over water shortages.", "0"],
]


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def test_acled_adapter_scores_a_small_file(tmp_path: Path) -> None:
    result = get_adapter("acled")(_write(tmp_path / "dev.csv", ROWS), EvalOptions(folds=2))
    assert result.n == 5
    ours = result.systems["wirecoder"]
    assert {"majority", "keyword", "tfidf_svm_cv", "regex"} <= set(result.systems)
    assert ours["event_type_acc"] is not None and ours["event_type_acc"] >= 0.6
    assert ours["fatalities_exact"] is not None and ours["fatalities_exact"] >= 0.8
    assert ours["date_acc"] == 1.0
    assert "sub_event_type_acc" not in ours  # the 2015 schema has no sub-event types
    for miss in result.errors:
        assert set(miss) == {"row", "text", "misses"}


def test_a_suicide_bombing_is_scored_by_its_target_against_2015_gold() -> None:
    """2015 coders typed a suicide bombing by whom it struck (taxonomy.yaml legacy_2015_by_target)."""
    from wirecoder.eval.acled import _scored_type
    from wirecoder.records import ActorRef, Event

    def bombing(target: str | None) -> Event:
        actor2 = ActorRef(name="x", type=target) if target else None
        return Event(event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", actor2=actor2)

    assert _scored_type(bombing("civilians"), legacy=True) == "Violence against civilians"
    assert _scored_type(bombing(None), legacy=True) == "Violence against civilians"
    assert _scored_type(bombing("state_forces"), legacy=True) == "Battles"
    assert _scored_type(bombing("state_forces"), legacy=False) == "Explosions/Remote violence"
    grenade = Event(event_type="Explosions/Remote violence", sub_event_type="Grenade")
    assert _scored_type(grenade, legacy=True) == "Explosions/Remote violence"


def test_a_named_place_far_from_the_gold_point_is_counted_apart(tmp_path: Path) -> None:
    """Gold that puts Multan at a point 60 km off (a district centre): the row misses the 25 km
    test, and the details say the place named was the gold one."""
    rows = [r[:] for r in ROWS]
    rows[4][9], rows[4][10] = "29.70", "71.20"
    result = get_adapter("acled")(_write(tmp_path / "dev.csv", rows), EvalOptions(folds=2))
    far = result.details["location_named_but_far"]
    assert far["rows"] == 1 and 40 < far["median_km"] < 80
    assert result.systems["wirecoder"]["location_25km"] <= 0.8
