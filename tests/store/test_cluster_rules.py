"""The cross-report merge rules, as pure functions."""

from __future__ import annotations

from datetime import date, timedelta

from wirecoder.store.cluster import MAX_RANGE_DAYS, _date_ranges, actors_compatible, km, same_place


def test_actor_names_compare_without_period_and_unknown_matches_anything():
    assert actors_compatible("Military Forces of Pakistan (2018-)", "military forces of pakistan")
    assert actors_compatible(None, "Taliban") and actors_compatible("Unidentified Armed Group (Pakistan)", "TTP")
    assert not actors_compatible("Taliban", "TTP: Tehreek-i-Taliban Pakistan")


def test_place_by_distance_else_by_admin1():
    quetta = {"lat": 30.18, "lon": 67.0, "country": "PAK", "admin1": "Balochistan"}
    near = {"lat": 30.3, "lon": 67.1, "country": "PAK", "admin1": "Balochistan"}
    mastung = {"lat": 29.8, "lon": 66.85, "country": "PAK", "admin1": "Balochistan"}
    no_coords = {"lat": None, "lon": None, "country": "PAK", "admin1": "balochistan"}
    assert 14 < km(30.18, 67.0, 30.3, 67.1) < 18
    assert same_place(quetta, near) and not same_place(quetta, mastung)
    assert same_place(no_coords, quetta)  # no coordinates on one side: same province suffices
    assert not same_place({**no_coords, "admin1": None}, quetta)


def test_date_ranges_cover_every_window_in_bounded_queries():
    days = [(date(2025, 1, 1) + timedelta(days=3 * i)).isoformat() for i in range(40)] + ["2023-06-01"]
    ranges = _date_ranges(days)
    assert len(ranges) < 10
    for d in days:
        lo, hi = (date.fromisoformat(d) + timedelta(days=k) for k in (-1, 1))
        assert any(a <= lo.isoformat() and hi.isoformat() <= b for a, b in ranges), d
    assert all((date.fromisoformat(b) - date.fromisoformat(a)).days <= MAX_RANGE_DAYS for a, b in ranges)
