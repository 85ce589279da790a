"""The FastAPI app factory: one store, one pipeline, built once per process."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from . import problems
from .pipeline import build_pipeline
from .routes import actors, claims, documents, events, exports, health
from .security import BodyLimit, RateLimit, parse_rate

STATIC_DIR = Path(__file__).resolve().parents[1] / "web" / "static"


@dataclass(slots=True)
class ApiSettings:
    """What the app needs; ``from_env`` reads the deployment's environment."""

    db_url: str
    api_key: str | None = None
    max_body_bytes: int = 5_000_000
    max_documents: int = 100
    warm: bool = True  # build the pipeline and load the model at startup, not on the first POST
    stages: list[str] | None = field(default=None)
    # Per-client request rates ("50/s", "600/min"; "0" = no limit): reads, and the stricter writes.
    rate_limit: str = "500/s"
    write_rate_limit: str = "10/s"

    @classmethod
    def from_env(cls, db_url: str, **overrides: object) -> ApiSettings:
        settings = cls(db_url=db_url, api_key=os.environ.get("WIRECODER_API_KEY") or None)
        if limit := os.environ.get("WIRECODER_MAX_BODY_BYTES"):
            settings.max_body_bytes = int(limit)
        settings.rate_limit = os.environ.get("WIRECODER_RATE_LIMIT") or settings.rate_limit
        settings.write_rate_limit = os.environ.get("WIRECODER_WRITE_RATE_LIMIT") or settings.write_rate_limit
        for key, value in overrides.items():
            setattr(settings, key, value)
        return settings


def create_app(db_url: str | ApiSettings, **overrides: object) -> FastAPI:
    """Build the app for a store URL (a SQLite path or SQLAlchemy URL).

    ``WIRECODER_API_KEY`` in the environment protects the write endpoints;
    ``WIRECODER_RATE_LIMIT`` / ``WIRECODER_WRITE_RATE_LIMIT`` set the per-client rates.
    """
    settings = db_url if isinstance(db_url, ApiSettings) else ApiSettings.from_env(db_url, **overrides)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from wirecoder.store import open_store

        app.state.store = open_store(settings.db_url)
        app.state.pipeline = None
        if settings.warm:
            build_pipeline(app)
        try:
            yield
        finally:
            close = getattr(app.state.store, "close", None)
            if close is not None:
                close()

    app = FastAPI(
        title="wirecoder",
        version=__version__,
        summary="Structured, source-attributed records of political violence and rights claims from news wire reports.",
        lifespan=lifespan,
        # The schema is served at /openapi.json; the interactive /docs pages load their
        # scripts from a CDN, which this offline deployment does not use.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    problems.install(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    # Added last, so it runs first: a limited client's body is never read.
    rates = {"read_rate": parse_rate(settings.rate_limit), "write_rate": parse_rate(settings.write_rate_limit)}
    app.add_middleware(RateLimit, **rates, api_key=settings.api_key)
    for module in (health, documents, events, actors, claims, exports):
        app.include_router(module.router)

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html")

    return app


def app_from_env() -> FastAPI:
    """The app for the store named by ``WIRECODER_DB``: the factory each worker process of
    ``wirecoder serve --workers N`` builds its own app with (settings travel as environment)."""
    db_url = os.environ.get("WIRECODER_DB")
    if not db_url:
        raise RuntimeError("WIRECODER_DB is not set: the store URL or SQLite path to serve")
    return create_app(db_url)
