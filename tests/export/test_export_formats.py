"""Exports read back: CSV header order, GeoJSON shape, Parquet tables, PLOVER and JSONL."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from wirecoder.export import export, export_formats, register_exporter
from wirecoder.export.acled import COLUMNS
from wirecoder.store import EventFilter

ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
)


def test_acled_csv_header_order_and_values(filled_store, tmp_path):
    out = tmp_path / "acled.csv"
    assert export("acled-csv", filled_store, out) == 3
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == ACLED_HEADER == ",".join(COLUMNS)
    rows = {r["event_id_cnty"]: r for r in csv.DictReader(lines)}
    som = rows["som:e0"]
    assert (som["event_date"], som["year"], som["iso"], som["country"]) == ("2025-03-09", "2025", "706", "Somalia")
    assert (som["inter1"], som["inter2"], som["interaction"]) == ("2", "7", "27")
    assert som["civilian_targeting"] == "Civilian targeting"
    assert som["disorder_type"] == "Political violence" and som["fatalities"] == "12"
    assert som["region"] == "Eastern Africa" and rows["ngr:e0"]["region"] == "Western Africa"
    assert som["source"] == "AFP" and som["notes"] == "A car bomb"  # dateline agency when no source
    assert rows["ngr:e0"]["interaction"] == "12" and rows["ngr:e0"]["civilian_targeting"] == ""
    col = rows["col:e0"]
    assert (col["inter1"], col["interaction"], col["event_date"], col["fatalities"]) == ("6", "60", "", "")
    assert col["disorder_type"] == "Demonstrations" and col["latitude"] == ""
    assert int(som["timestamp"]) > 1_600_000_000


def test_acled_csv_honours_filter(filled_store, tmp_path):
    out = tmp_path / "nga.csv"
    assert export("acled-csv", filled_store, out, EventFilter(country="NGA")) == 1


def test_geojson_is_a_valid_feature_collection(filled_store, tmp_path):
    out = tmp_path / "events.geojson"
    export("geojson", filled_store, out)
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 3
    by_id = {f["id"]: f for f in fc["features"]}
    for f in fc["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict)
        assert f["geometry"] is None or (f["geometry"]["type"] == "Point" and len(f["geometry"]["coordinates"]) == 2)
    assert by_id["ngr:e0"]["geometry"]["coordinates"] == [13.4179, 11.6533]  # [lon, lat]
    assert by_id["col:e0"]["geometry"] is None
    assert by_id["som:e0"]["properties"]["evidence"] == ["A car bomb"]


def test_parquet_tables_read_back(filled_store, tmp_path):
    folder = tmp_path / "pq"
    assert export("parquet", filled_store, folder) == 3
    events = pq.read_table(folder / "events.parquet")
    assert events.num_rows == 3
    assert sorted(events.column("country").to_pylist()) == ["COL", "NGA", "SOM"]
    docs = pq.read_table(folder / "documents.parquet")
    assert "record_json" not in docs.column_names and docs.num_rows == 3
    assert pq.read_table(folder / "statements.parquet").num_rows == 0  # empty tables still have a schema
    assert {"actors.parquet", "evidence.parquet", "failures.parquet"} <= {p.name for p in folder.iterdir()}
    with pytest.raises(ValueError):
        export("parquet", filled_store, None)


def test_plover_json_keeps_only_plover_coded_events(filled_store, tmp_path):
    out = tmp_path / "plover.json"
    assert export("plover-json", filled_store, out) == 2
    recs = {r["id"]: r for r in json.loads(out.read_text(encoding="utf-8"))}
    assert set(recs) == {"ngr:e0", "som:e0"}
    som = recs["som:e0"]
    assert som["event"] == "ASSAULT" and som["dead"] == "12" and "injured" not in som
    assert som["source"] == [{"actorText": "Al Shabaab", "code": "SOM", "sector": "REB"}]
    assert som["target"][0]["sector"] == "CVL" and som["eventLoc"]["name"] == "Mogadishu"


def test_jsonl_streams_full_records(filled_store, tmp_path):
    out = tmp_path / "all.jsonl"
    assert export("jsonl", filled_store, out) == 3
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in recs] == ["ngr", "som", "col"]
    assert recs[1]["events"][0]["injuries_text"] == "many"


def test_plugins_register_new_formats(filled_store, tmp_path, monkeypatch):
    import wirecoder.export as registry

    monkeypatch.setattr(registry, "_FORMATS", dict(registry._FORMATS))  # keep the test's format local

    @register_exporter("count-test", help="test only")
    def count(store, out, filter=None):
        out.write_text(str(store.counts()["events"]))
        return 1

    assert "count-test" in export_formats()
    export("count-test", filled_store, tmp_path / "n.txt")
    assert (tmp_path / "n.txt").read_text() == "3"
    with pytest.raises(KeyError):
        export("no-such-format", filled_store, tmp_path / "x")
