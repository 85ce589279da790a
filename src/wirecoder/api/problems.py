"""Errors as RFC 9457 problem objects, rendered by ONE handler.

Every error the API returns, whatever raised it (a route, request validation, the
store, the body-size guard), has the same JSON shape ``{"type", "title", "status",
"detail"}`` with ``application/problem+json``; ``tests/api/test_api_errors.py`` pins it.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import WirecoderError

log = logging.getLogger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"
_TYPE_BASE = "urn:wirecoder:problem:"


class Problem(Exception):
    """An API error with an HTTP status; ``slug`` names its ``type``."""

    def __init__(self, status: int, detail: str, slug: str | None = None, **extra: Any) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.slug = slug or _slug(status)
        self.extra = extra


def _slug(status: int) -> str:
    return HTTPStatus(status).phrase.lower().replace(" ", "-")


def problem_body(status: int, detail: str, slug: str | None = None, **extra: Any) -> dict[str, Any]:
    body = {
        "type": _TYPE_BASE + (slug or _slug(status)),
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    body.update(extra)
    return body


def problem_response(status: int, detail: str, slug: str | None = None, headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    return JSONResponse(problem_body(status, detail, slug, **extra), status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


async def handle_exception(request: Request, exc: Exception) -> JSONResponse:
    """The one error handler: map any exception to a problem response."""
    if isinstance(exc, Problem):
        return problem_response(exc.status, exc.detail, exc.slug, **exc.extra)
    if isinstance(exc, RequestValidationError):
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        detail = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in errors)
        return problem_response(422, detail or "Invalid request.", "validation-error", errors=errors)
    if isinstance(exc, StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).description
        return problem_response(exc.status_code, detail, headers=getattr(exc, "headers", None))
    if isinstance(exc, WirecoderError):
        return problem_response(400, exc.message, exc.code.lower())
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return problem_response(500, "Internal server error; see the server log.")


def install(app: FastAPI) -> None:
    """Route every error class through :func:`handle_exception`."""
    for cls in (Problem, RequestValidationError, StarletteHTTPException, WirecoderError, Exception):
        app.add_exception_handler(cls, handle_exception)
