"""POST /documents through the real pipeline, and the optional API key on writes."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import httpx
import pytest

from wirecoder.api import create_app
from wirecoder.api.server import serve_in_thread

REPORT = (
    "date 2025-02-10 Peshawar, Feb 10 (Wire) Gunmen killed two policemen at a checkpoint in Peshawar on Sunday, "
    'police said. "We will find the attackers," the provincial police chief said.'
)


@pytest.fixture(scope="module")
def writer(start_server: Callable[..., str]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=start_server(sample=False), timeout=300) as c:
        yield c


def test_post_one_document_codes_stores_and_returns_the_record(writer: httpx.Client) -> None:
    resp = writer.post("/documents", json={"id": "pesh-1", "text": REPORT, "published": "2025-02-10", "source": "Wire"})
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["counts"] == {"stored": 1, "failed": 0, "duplicate": 0, "total": 1, "replaced": 0}
    rec = body["records"][0]
    assert rec["doc_id"] == "pesh-1" and rec["published"] == "2025-02-10" and rec["text"] == REPORT
    for ev in rec["events"]:
        assert ev["event_id"].startswith("pesh-1:e")
        for sp in ev["evidence"]:
            assert rec["text"][sp["start"] : sp["end"]] == sp["text"]
    stored = writer.get("/documents/pesh-1").json()
    assert stored["text"] == REPORT and stored["source"] == "Wire"
    assert writer.get("/health").json()["counts"]["documents"] == 1


def test_post_again_is_a_duplicate(writer: httpx.Client) -> None:
    resp = writer.post("/documents", json={"id": "pesh-1", "text": REPORT, "published": "2025-02-10", "source": "Wire"})
    assert resp.status_code == 200
    assert resp.json()["counts"]["duplicate"] == 1


def test_post_a_list_without_ids(writer: httpx.Client) -> None:
    resp = writer.post("/documents", json=[{"text": "Protesters marched in Lagos on Monday."}, {"text": "Nothing happened."}])
    assert resp.status_code == 201
    records = resp.json()["records"]
    assert len(records) == 2 and all(len(r["doc_id"]) == 16 for r in records)  # content-hash ids


@pytest.fixture(scope="module")
def keyed_url() -> Iterator[str]:
    """A server whose key comes from the environment, as `wirecoder serve` reads it."""
    import tempfile

    old = os.environ.get("WIRECODER_API_KEY")
    os.environ["WIRECODER_API_KEY"] = "s3cret"
    try:
        with tempfile.TemporaryDirectory() as tmp:
            app = create_app(f"{tmp}/store.db", warm=False)
            os.environ.pop("WIRECODER_API_KEY")
            with serve_in_thread(app) as url:
                yield url
    finally:
        if old is not None:
            os.environ["WIRECODER_API_KEY"] = old


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"X-API-Key": "wrong"}, 403), ({"Authorization": "Bearer wrong"}, 403), ({"Authorization": "Basic czNjcmV0"}, 401)],
)
def test_write_without_the_key_is_refused(keyed_url: str, problem: Callable, headers: dict, status: int) -> None:
    problem(httpx.post(f"{keyed_url}/documents", json={"text": "Nothing."}, headers=headers), status)


@pytest.mark.parametrize("headers", [{"X-API-Key": "s3cret"}, {"Authorization": "Bearer s3cret"}])
def test_write_with_the_key_is_accepted(keyed_url: str, headers: dict) -> None:
    resp = httpx.post(f"{keyed_url}/documents", json={"text": f"Nothing at all {headers}."}, headers=headers, timeout=300)
    assert resp.status_code == 201, resp.text


def test_reads_need_no_key(keyed_url: str) -> None:
    assert httpx.get(f"{keyed_url}/events").status_code == 200
