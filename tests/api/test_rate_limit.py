"""Per-client token buckets: the bucket arithmetic, then 429 problems from a real server."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from wirecoder.api import ApiSettings
from wirecoder.api.security import RateLimit, parse_rate


@pytest.mark.parametrize(
    ("spec", "per_second"),
    [("50/s", 50.0), ("600/min", 10.0), ("3600/h", 1.0), ("20", 20.0), (" 5 / sec ", 5.0), ("0", 0.0), ("1.5/s", 1.5)],
)
def test_parse_rate(spec: str, per_second: float) -> None:
    assert parse_rate(spec) == pytest.approx(per_second)


@pytest.mark.parametrize("spec", ["", "fast", "-5/s", "5/day", "5/s/s"])
def test_parse_rate_refuses_nonsense(spec: str) -> None:
    with pytest.raises(ValueError, match="invalid rate limit"):
        parse_rate(spec)


def test_bucket_allows_a_one_second_burst_then_refills_at_the_rate() -> None:
    limiter = RateLimit(app=None, read_rate=4, write_rate=1)  # type: ignore[arg-type]
    key = ("read", "addr:10.0.0.1")
    assert [limiter._take(key, 4, 100.0) for _ in range(4)] == [0.0] * 4
    assert limiter._take(key, 4, 100.0) == pytest.approx(0.25)  # empty: one token in 1/4 s
    assert limiter._take(key, 4, 100.25) == 0.0
    assert limiter._take(key, 4, 100.25) > 0
    assert limiter._take(("read", "addr:10.0.0.2"), 4, 100.25) == 0.0  # another client, its own bucket
    assert [limiter._take(key, 4, 200.0) for _ in range(4)] == [0.0] * 4  # idle refills to the burst, no more
    assert limiter._take(key, 4, 200.0) > 0


def test_idle_buckets_are_dropped_when_there_are_too_many(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RateLimit, "MAX_CLIENTS", 3)
    limiter = RateLimit(app=None, read_rate=1, write_rate=1)  # type: ignore[arg-type]
    for n in range(3):
        limiter._take(("read", f"addr:{n}"), 1, 0.0)
    limiter._take(("read", "addr:busy"), 1, 5.0)  # the three others have refilled: pruned
    assert list(limiter.buckets) == [("read", "addr:busy")]


def test_settings_read_the_rates_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIRECODER_RATE_LIMIT", "50/s")
    monkeypatch.setenv("WIRECODER_WRITE_RATE_LIMIT", "5/s")
    settings = ApiSettings.from_env("x.db")
    assert (settings.rate_limit, settings.write_rate_limit) == ("50/s", "5/s")
    assert ApiSettings.from_env("x.db", rate_limit="0").rate_limit == "0"


def test_reads_over_the_limit_get_a_429_problem_with_retry_after(start_server: Callable[..., str], problem) -> None:
    # 2/min: a burst of one request, then one every 30 s.
    with httpx.Client(base_url=start_server(sample=False, rate_limit="2/min", write_rate_limit="0"), timeout=60) as c:
        assert c.get("/health").status_code == 200
        resp = c.get("/events")
        body = problem(resp, 429)
        assert body["type"] == "urn:wirecoder:problem:rate-limited"
        assert 1 <= int(resp.headers["retry-after"]) <= 30
        # writes have their own bucket (unlimited here): a bad body still reaches validation
        assert c.post("/documents", json={"documents": []}).status_code == 422


def test_writes_are_limited_separately_and_a_valid_key_is_its_own_client(start_server: Callable[..., str], problem) -> None:
    url = start_server(sample=False, rate_limit="0", write_rate_limit="1/min", api_key="k3y")
    with httpx.Client(base_url=url, timeout=60) as c:
        assert c.post("/documents", json={"documents": []}).status_code == 401  # counted: the address's one write
        problem(c.post("/documents", json={"documents": []}), 429)
        assert c.get("/health").status_code == 200  # reads unlimited here
        # a made-up key is still this address; the app's key is one client of its own
        problem(c.post("/documents", json={"documents": []}, headers={"X-API-Key": "made-up"}), 429)
        keyed = c.post("/documents", json={"documents": []}, headers={"Authorization": "Bearer k3y"})
        assert keyed.status_code == 422, keyed.text
        problem(c.post("/documents", json={"documents": []}, headers={"X-API-Key": "k3y"}), 429)


def test_a_rate_of_zero_turns_the_limit_off(start_server: Callable[..., str]) -> None:
    with httpx.Client(base_url=start_server(sample=False, rate_limit="0", write_rate_limit="0"), timeout=60) as c:
        assert {c.get("/health").status_code for _ in range(30)} == {200}
