"""Write protection (optional API key) and the request size limit."""

from __future__ import annotations

import hmac

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .problems import Problem, problem_response


def require_api_key(request: Request) -> None:
    """Dependency for write endpoints: when the app has an API key, the request must
    carry it as ``Authorization: Bearer <key>`` or ``X-API-Key: <key>``."""
    expected: str | None = request.app.state.settings.api_key
    if not expected:
        return
    given = request.headers.get("x-api-key")
    auth = request.headers.get("authorization", "")
    if given is None and auth.lower().startswith("bearer "):
        given = auth[7:].strip()
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
