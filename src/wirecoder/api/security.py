"""Write protection (optional API key), the request size limit and per-client rate limits."""

from __future__ import annotations

import hmac
import math
import re
import time
from dataclasses import dataclass

from fastapi import Request
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .problems import Problem, problem_response


def given_api_key(headers: Headers) -> str | None:
    """The key a request carries, in ``X-API-Key`` or as ``Authorization: Bearer``."""
    given = headers.get("x-api-key")
    auth = headers.get("authorization", "")
    if given is None and auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    return given


def require_api_key(request: Request) -> None:
    """Dependency for write endpoints: when the app has an API key, the request must
    carry it as ``Authorization: Bearer <key>`` or ``X-API-Key: <key>``."""
    expected: str | None = request.app.state.settings.api_key
    if not expected:
        return
    given = given_api_key(request.headers)
    if given is None:
        raise Problem(401, "This endpoint needs an API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.", "unauthorized")
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise Problem(403, "The API key is not valid.", "forbidden")


class BodyLimit:
    """ASGI middleware refusing request bodies over ``max_bytes`` with a 413 problem.

    It checks ``Content-Length`` first and also counts a chunked body as it arrives,
    buffering it (write requests are small) so the route reads it unchanged.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                await self._refuse(scope, receive, send)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        detail = f"Request body over the limit of {self.max_bytes} bytes; send fewer or shorter documents per request."
        await problem_response(413, detail, "payload-too-large")(scope, receive, send)


_RATE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:/\s*(s|sec|second|m|min|minute|h|hour))?\s*$", re.IGNORECASE)
_PER_SECONDS = {"s": 1, "sec": 1, "second": 1, "m": 60, "min": 60, "minute": 60, "h": 3600, "hour": 3600}


def parse_rate(spec: str) -> float:
    """Requests per second from ``"50/s"``, ``"600/min"``, ``"1000/h"`` or ``"20"`` (per second);
    ``"0"`` means no limit."""
    match = _RATE.match(spec)
    if not match:
        raise ValueError(f"invalid rate limit {spec!r}: use e.g. '50/s', '600/min' or '0' for none")
    return float(match[1]) / _PER_SECONDS[(match[2] or "s").lower()]


@dataclass(slots=True)
class _Bucket:
    tokens: float
    stamp: float


class RateLimit:
    """ASGI middleware: one token bucket per client and kind (read/write), refilled at the
    configured rate, holding one second's worth of requests (at least one) as burst.

    The client is the app's API key when the request carries it (so a key used from many
    addresses is limited as one client), else its remote address: made-up keys cannot
    buy fresh buckets. A request finding its bucket empty gets a 429 problem with
    ``Retry-After``. A rate of 0 turns that kind's limit off.
    """

    #: Buckets kept before idle (full) ones are dropped, bounding memory under many clients.
    MAX_CLIENTS = 10_000

    def __init__(self, app: ASGIApp, read_rate: float, write_rate: float, api_key: str | None = None) -> None:
        self.app = app
        self.api_key = api_key.encode() if api_key else None
        self.rates = {"read": read_rate, "write": write_rate}
        self.buckets: dict[tuple[str, str], _Bucket] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = "read" if scope.get("method") in ("GET", "HEAD", "OPTIONS") else "write"
        rate = self.rates[kind]
        if scope["type"] != "http" or rate <= 0:
            await self.app(scope, receive, send)
            return
        wait = self._take((kind, self._client(scope)), rate, time.monotonic())
        if wait > 0:
            detail = f"Too many {kind} requests from this client (limit {rate:g}/s); retry after {math.ceil(wait)} s."
            response = problem_response(429, detail, "rate-limited", headers={"Retry-After": str(math.ceil(wait))})
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _take(self, key: tuple[str, str], rate: float, now: float) -> float:
        """Take one token; return 0, or the seconds until a token is available."""
        capacity = max(rate, 1.0)
        bucket = self.buckets.get(key)
        if bucket is None:
            if len(self.buckets) >= self.MAX_CLIENTS:
                self._prune(now)
            bucket = self.buckets[key] = _Bucket(capacity, now)
        bucket.tokens = min(capacity, bucket.tokens + (now - bucket.stamp) * rate)
        bucket.stamp = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return 0.0
        return (1 - bucket.tokens) / rate

    def _prune(self, now: float) -> None:
        for key, bucket in list(self.buckets.items()):
            rate = self.rates[key[0]]
            if bucket.tokens + (now - bucket.stamp) * rate >= max(rate, 1.0):
                del self.buckets[key]

    def _client(self, scope: Scope) -> str:
        given = given_api_key(Headers(scope=scope))
        if self.api_key and given and hmac.compare_digest(given.encode(), self.api_key):
            return "key"
        client = scope.get("client")
        return "addr:" + (client[0] if client else "unknown")
