"""Read endpoints against a real server over the sample store."""

from __future__ import annotations

import httpx
import pytest
from sample_store import N_STRIKES, strike_date


def test_health_counts_what_is_stored(client: httpx.Client) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["counts"]["events"] == N_STRIKES + 4
    assert body["counts"]["documents"] == N_STRIKES + 4


def test_openapi_lists_every_endpoint(client: httpx.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/documents", "/events", "/events/{event_id}", "/documents/{doc_id}", "/actors", "/actors/{actor_id}",
                 "/statements", "/allegations", "/export.csv", "/export.geojson", "/export.jsonl", "/health"):
        assert path in paths
    assert "post" in paths["/documents"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "PAK"}, {"t-pk-1:e0", "t-pk-2:e0"}),
        ({"country": "nga"}, {"t-ng-1:e0"}),
        ({"admin1": "Cauca"}, {"t-co-1:e0"}),
        ({"event_type": "Battles"}, {"t-ng-1:e0"}),
        ({"sub_event_type": "Suicide bomb"}, {"t-pk-1:e0", "t-pk-2:e0"}),
        ({"attribution": "claimed"}, {"t-pk-1:e0"}),
        ({"attribution": "alleged"}, {"t-co-1:e0"}),
        ({"actor": "Pakistan Province"}, {"t-pk-1:e0"}),
        ({"q": "farmers"}, {"t-co-1:e0"}),
        ({"date_from": "2025-04-01", "date_to": "2025-09-30"}, {"t-pk-1:e0", "t-pk-2:e0"}),
        ({"date_to": "2024-12-31"}, {"t-co-1:e0"}),
        ({"country": "PAK", "attribution": "claimed"}, {"t-pk-1:e0"}),
        ({"country": "SOM"}, set()),
    ],
)
def test_event_filters(client: httpx.Client, params: dict, expected: set) -> None:
    body = client.get("/events", params={**params, "limit": 100}).json()
    assert {e["event_id"] for e in body["items"]} == expected
    assert body["total"] == len(expected)


def test_pagination_walks_every_event_once_newest_first(client: httpx.Client) -> None:
    seen: list[dict] = []
    cursor = None
    pages = 0
    while True:
        body = client.get("/events", params={"country": "SYR", "limit": 5, **({"cursor": cursor} if cursor else {})}).json()
        assert body["total"] == N_STRIKES
        assert len(body["items"]) <= 5
        seen += body["items"]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert pages == -(-N_STRIKES // 5)
    assert len({e["event_id"] for e in seen}) == N_STRIKES
    dates = [e["date"] for e in seen]
    assert dates == sorted(dates, reverse=True)
    assert dates[0] == strike_date(N_STRIKES - 1)


def test_event_detail_has_reports_text_evidence_and_provenance(client: httpx.Client) -> None:
    ev = client.get("/events/t-pk-1:e0").json()
    assert ev["actor1"]["name"] == "Islamic State Pakistan Province"
    assert ev["attribution"] == "claimed"
    reports = {r["doc_id"]: r for r in ev["reports"]}
    assert set(reports) == {"t-pk-1", "t-pk-2"}  # the second report of the same bombing is linked
    own = reports["t-pk-1"]
    for sp in ev["evidence"]:
        assert own["text"][sp["start"] : sp["end"]] == sp["text"]
    fields = {p["field"]: p for p in ev["provenance"]}
    fatal = fields["fatalities"]
    assert own["text"][fatal["start"] : fatal["end"]] == "killing 15 people"
    other = reports["t-pk-2"]
    assert other["evidence"] and other["text"][other["evidence"][0]["start"] :].startswith("suicide bombing in Quetta")


def test_document_detail_returns_record_and_text(client: httpx.Client) -> None:
    doc = client.get("/documents/t-ng-1").json()
    assert doc["text"].startswith("Maiduguri, Mar 12")
    assert doc["record"]["events"][0]["event_type"] == "Battles"


def test_actors_list_search_and_detail(client: httpx.Client) -> None:
    hits = client.get("/actors", params={"q": "BVJ"}).json()["items"]  # an alias
    assert [a["name"] for a in hits] == ["Baloch Voice for Justice"]
    bvj = client.get(f"/actors/{hits[0]['actor_id']}").json()
    assert "the BVJ" in bvj["aliases"]
    assert [a["act"] for a in bvj["allegations_made"]] == ["support to armed group"]
    assert bvj["statements"][0]["text"] == "We demand justice"
    army = client.get("/actors", params={"q": "Military Forces of Pakistan"}).json()["items"][0]
    received = client.get(f"/actors/{army['actor_id']}").json()["allegations_received"]
    assert received[0]["claimant"]["name"] == "Baloch Voice for Justice"


def test_actor_pagination(client: httpx.Client) -> None:
    first = client.get("/actors", params={"limit": 4}).json()
    second = client.get("/actors", params={"limit": 4, "cursor": first["next_cursor"]}).json()
    names = [a["name"] for a in first["items"] + second["items"]]
    assert len(set(names)) == 8 and names == sorted(names)


def test_statements_and_allegations(client: httpx.Client) -> None:
    st = client.get("/statements", params={"act": "demand"}).json()
    assert st["total"] == 1 and st["items"][0]["speaker"]["name"] == "Baloch Voice for Justice"
    al = client.get("/allegations").json()["items"]
    assert al[0]["accused"][0]["name"] == "Military Forces of Pakistan"
    assert al[0]["evidence"][0]["text"] == "the Pakistani Army shields the group"
    assert client.get("/allegations", params={"act": "torture"}).json()["total"] == 0


def test_index_page_and_vendored_assets_are_served(client: httpx.Client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "<title>wirecoder" in page.text
    assert "http" not in page.text.split("<body>")[1].split("</body>")[0].replace("http-equiv", "")  # no CDN
    for asset in ("/static/vendor/leaflet/leaflet.js", "/static/vendor/basemap/countries-110m.geojson", "/static/js/main.js"):
        assert client.get(asset).status_code == 200, asset
