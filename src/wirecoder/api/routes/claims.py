"""GET /statements and GET /allegations: what actors said and what they accuse others of."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from ..schemas import AllegationsQuery, PageOut, StatementsQuery
from .deps import StoreDep, bad_cursor

router = APIRouter(tags=["claims"])


@router.get("/statements", response_model=PageOut)
def list_statements(query: Annotated[StatementsQuery, Query()], store: StoreDep) -> dict[str, Any]:
    try:
        return store.list_statements(**query.model_dump()).to_dict()
    except ValueError as exc:
        raise bad_cursor(exc) from exc


@router.get("/allegations", response_model=PageOut)
def list_allegations(query: Annotated[AllegationsQuery, Query()], store: StoreDep) -> dict[str, Any]:
    """Allegations are claims by their claimant, never facts of the record."""
    try:
        return store.list_allegations(**query.model_dump()).to_dict()
    except ValueError as exc:
        raise bad_cursor(exc) from exc
