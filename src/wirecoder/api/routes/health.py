"""GET /health: liveness plus what the store holds."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ... import __version__
from .deps import StoreDep

router = APIRouter(tags=["health"])


@router.get("/health")
def health(store: StoreDep) -> dict[str, Any]:
    return {"status": "ok", "version": __version__, "backend": store.backend, "counts": store.counts()}
