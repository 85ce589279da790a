"""Streaming exports: ACLED CSV, GeoJSON, JSONL."""

from __future__ import annotations

import csv
import io
import json

import httpx
from sample_store import N_STRIKES

from wirecoder.export.acled import COLUMNS


def test_csv_has_acled_columns_and_honours_filters(client: httpx.Client) -> None:
    resp = client.get("/export.csv", params={"country": "PAK"})
    assert resp.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(resp.text)))
    assert tuple(rows[0].keys()) == COLUMNS
    assert {r["event_id_cnty"] for r in rows} == {"t-pk-1:e0", "t-pk-2:e0"}
    bomb = next(r for r in rows if r["event_id_cnty"] == "t-pk-1:e0")
    assert (bomb["event_date"], bomb["sub_event_type"], bomb["fatalities"], bomb["location"]) == ("2025-09-02", "Suicide bomb", "15", "Quetta")


def test_geojson_points_for_every_event(client: httpx.Client) -> None:
    resp = client.get("/export.geojson")
    assert resp.headers["content-type"].startswith("application/geo+json")
    geo = resp.json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == N_STRIKES + 4
    quetta = next(f for f in geo["features"] if f["id"] == "t-pk-1:e0")
    assert quetta["geometry"] == {"type": "Point", "coordinates": [67.0014, 30.1841]}
    assert quetta["properties"]["event_type"] == "Explosions/Remote violence"


def test_geojson_filtered_empty_is_valid(client: httpx.Client) -> None:
    assert client.get("/export.geojson", params={"country": "SOM"}).json() == {"type": "FeatureCollection", "features": []}


def test_jsonl_streams_full_records(client: httpx.Client) -> None:
    with client.stream("GET", "/export.jsonl") as resp:
        lines = [json.loads(line) for line in resp.iter_lines() if line]
    assert len(lines) == N_STRIKES + 4
    assert {"doc_id", "events", "actors", "statements", "allegations"} <= set(lines[0])


def test_jsonl_with_filters_streams_the_matching_reports(client: httpx.Client) -> None:
    resp = client.get("/export.jsonl", params={"sub_event_type": "Suicide bomb"})
    docs = [json.loads(line)["doc_id"] for line in resp.text.splitlines() if line]
    assert sorted(docs) == ["t-pk-1", "t-pk-2"]
