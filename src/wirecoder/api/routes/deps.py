"""Shared route dependencies: the store and the pipeline held by the app."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request

from ..problems import Problem


def get_store(request: Request) -> Any:
    return request.app.state.store


#: The app's store, as a route parameter type.
StoreDep = Annotated[Any, Depends(get_store)]


def found(item: Any, what: str, key: str) -> Any:
    """Return ``item``, or raise a 404 problem naming what was not found."""
    if item is None:
        raise Problem(404, f"No {what} with id {key!r}.", "not-found")
    return item


def bad_cursor(exc: ValueError) -> Problem:
    return Problem(400, f"{exc}. Pass back the 'next_cursor' of the previous page unchanged.", "invalid-cursor")
