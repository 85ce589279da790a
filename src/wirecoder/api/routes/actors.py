"""GET /actors and GET /actors/{id} (aliases, events, statements, allegations made and received)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from ..schemas import MAX_ID, ActorsQuery, PageOut
from .deps import StoreDep, bad_cursor, found

router = APIRouter(tags=["actors"])


@router.get("/actors", response_model=PageOut)
def list_actors(query: Annotated[ActorsQuery, Query()], store: StoreDep) -> dict[str, Any]:
    """Actors by name; ``q`` matches part of a name or an alias."""
    try:
        return store.list_actors(q=query.q, limit=query.limit, cursor=query.cursor).to_dict()
    except ValueError as exc:
        raise bad_cursor(exc) from exc


@router.get("/actors/{actor_id}")
def get_actor(actor_id: Annotated[int, Path(ge=1, le=MAX_ID)], store: StoreDep) -> dict[str, Any]:
    return found(store.get_actor(actor_id), "actor", str(actor_id))
