"""Every error is one shape: application/problem+json {type, title, status, detail}."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest


@pytest.mark.parametrize(
    ("path", "params", "status", "type_"),
    [
        ("/events/no-such-event", {}, 404, "urn:wirecoder:problem:not-found"),
        ("/documents/no-such-doc", {}, 404, "urn:wirecoder:problem:not-found"),
        ("/actors/999999", {}, 404, "urn:wirecoder:problem:not-found"),
        ("/actors/not-a-number", {}, 422, "urn:wirecoder:problem:validation-error"),
        ("/no/such/route", {}, 404, "urn:wirecoder:problem:not-found"),
        ("/events", {"date_from": "yesterday"}, 422, "urn:wirecoder:problem:validation-error"),
        ("/events", {"limit": 0}, 422, "urn:wirecoder:problem:validation-error"),
        ("/events", {"limit": 501}, 422, "urn:wirecoder:problem:validation-error"),
        ("/events", {"attribution": "rumoured"}, 422, "urn:wirecoder:problem:validation-error"),
        ("/events", {"country": "Pakistan"}, 422, "urn:wirecoder:problem:validation-error"),
        ("/events", {"contry": "PAK"}, 422, "urn:wirecoder:problem:validation-error"),  # a typo is not ignored
        ("/events", {"cursor": "not-a-cursor"}, 400, "urn:wirecoder:problem:invalid-cursor"),
        ("/actors", {"cursor": "bm9wZQ"}, 400, "urn:wirecoder:problem:invalid-cursor"),
    ],
)
def test_error_shape(client: httpx.Client, problem: Callable, path: str, params: dict, status: int, type_: str) -> None:
    body = problem(client.get(path, params=params), status)
    assert body["type"] == type_


def test_validation_problem_names_the_parameter(client: httpx.Client, problem: Callable) -> None:
    body = problem(client.get("/events", params={"date_from": "yesterday"}), 422)
    assert "date_from" in body["detail"]
    assert any("date_from" in e["loc"] for e in body["errors"])


def test_method_not_allowed_is_a_problem(client: httpx.Client, problem: Callable) -> None:
    problem(client.delete("/events"), 405)


def test_bad_json_body_is_a_problem(client: httpx.Client, problem: Callable) -> None:
    resp = client.post("/documents", content=b"{not json", headers={"content-type": "application/json"})
    problem(resp, 422)


def test_missing_text_is_a_problem(client: httpx.Client, problem: Callable) -> None:
    body = problem(client.post("/documents", json={"id": "x"}), 422)
    assert "text" in body["detail"]


def test_body_over_the_limit_is_refused(start_server: Callable[..., str], problem: Callable) -> None:
    url = start_server(sample=False, max_body_bytes=2_000)
    body = problem(httpx.post(f"{url}/documents", json={"text": "x" * 5_000}), 413)
    assert "2000 bytes" in body["detail"]


def test_too_many_documents_is_refused(start_server: Callable[..., str], problem: Callable) -> None:
    url = start_server(sample=False, max_documents=2)
    problem(httpx.post(f"{url}/documents", json=[{"text": "a"}, {"text": "b"}, {"text": "c"}]), 413)


def test_chunked_body_over_the_limit_is_refused(start_server: Callable[..., str], problem: Callable) -> None:
    url = start_server(sample=False, max_body_bytes=2_000)

    def chunks():
        yield b'{"text": "'
        for _ in range(10):
            yield b"x" * 500
        yield b'"}'

    resp = httpx.post(f"{url}/documents", content=chunks(), headers={"content-type": "application/json"})
    assert "content-length" not in resp.request.headers  # sent chunked: counted as it arrives
    problem(resp, 413)


class _BrokenStore:
    """Stands in for a store whose database went away mid-request."""

    def query_events(self, *args: object, **kwargs: object) -> None:
        raise RuntimeError("disk I/O error")


def test_unexpected_error_is_a_500_problem_without_internals(problem: Callable, tmp_path) -> None:
    from wirecoder.api import ApiSettings, create_app
    from wirecoder.api.server import serve_in_thread

    app = create_app(ApiSettings(str(tmp_path / "store.db"), warm=False))
    with serve_in_thread(app) as url:
        app.state.store = _BrokenStore()
        body = problem(httpx.get(f"{url}/events"), 500)
    assert "disk I/O" not in body["detail"]
