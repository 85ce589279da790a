"""A real uvicorn server on 127.0.0.1 (free port) over a real SQLite file per module."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack

import httpx
import pytest
from sample_store import build_sample_store

from wirecoder.api import ApiSettings, create_app
from wirecoder.api.server import serve_in_thread


@pytest.fixture(scope="module")
def start_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., str]]:
    """``start_server(sample=True, **settings)`` starts a server and returns its base URL;
    the store is a fresh SQLite file, holding the sample records when ``sample``."""
    with ExitStack() as stack:

        def start(sample: bool = True, **settings: object) -> str:
            db = tmp_path_factory.mktemp("api") / "store.db"
            if sample:
                build_sample_store(db)
            options = {"warm": False, **settings}
            return stack.enter_context(serve_in_thread(create_app(ApiSettings(str(db), **options))))

        yield start


@pytest.fixture(scope="module")
def base_url(start_server: Callable[..., str]) -> str:
    return start_server()


@pytest.fixture(scope="module")
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=120) as c:
        yield c


def assert_problem(resp: httpx.Response, status: int) -> dict:
    """The pinned error shape: application/problem+json with type, title, status, detail."""
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    body = resp.json()
    assert {"type", "title", "status", "detail"} <= set(body)
    assert body["status"] == status
    assert body["type"].startswith("urn:wirecoder:problem:")
    assert isinstance(body["title"], str) and body["title"]
    assert isinstance(body["detail"], str) and body["detail"]
    return body


@pytest.fixture
def problem() -> Callable[[httpx.Response, int], dict]:
    return assert_problem
