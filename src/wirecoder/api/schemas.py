"""Validated request shapes (pydantic). Responses are contract records (RECORD.md),
passed through as stored, so their field names stay the contract's."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from ..records import Attribution

CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{3}$", to_upper=True)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
#: Database ids are signed 64-bit integers (SQLite INTEGER, PostgreSQL BIGINT); larger ones cannot exist.
MAX_ID = 2**63 - 1
DbId = Annotated[int, Field(ge=1, le=MAX_ID)]


def _actor_filter(value: str) -> str:
    """The store reads an all-digit ``actor`` as an actor id: it must be one that can exist."""
    if value.isdigit() and not (value.isdecimal() and int(value) <= MAX_ID):
        raise ValueError(f"an actor id is a whole number from 1 to {MAX_ID}")
    return value


class DocumentIn(BaseModel):
    """One report to code and store."""

    model_config = ConfigDict(extra="forbid")

    id: Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"^[\w.:\-]+$")] | None = None
    text: Annotated[str, StringConstraints(min_length=1)]
    published: dt.date | None = None
    source: ShortText | None = None
    url: Annotated[str, StringConstraints(max_length=2000)] | None = None
    title: Annotated[str, StringConstraints(max_length=1000)] | None = None


class EventQuery(BaseModel):
    """GET /events filters (all optional, combined with AND)."""

    model_config = ConfigDict(extra="forbid")

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    country: CountryCode | None = None
    admin1: ShortText | None = None
    event_type: ShortText | None = None
    sub_event_type: ShortText | None = None
    actor: Annotated[ShortText, AfterValidator(_actor_filter)] | None = None
    attribution: Attribution | None = None
    q: ShortText | None = None


class PageQuery(BaseModel):
    """Cursor pagination: pass back ``next_cursor`` to get the following page."""

    model_config = ConfigDict(extra="forbid")

    cursor: Annotated[str, StringConstraints(max_length=500)] | None = None
    limit: Annotated[int, Field(ge=1, le=500)] = 50


class EventsQuery(EventQuery, PageQuery):
    pass


class ActorsQuery(PageQuery):
    q: ShortText | None = None


class StatementsQuery(PageQuery):
    speaker_id: DbId | None = None
    act: ShortText | None = None
    doc_id: ShortText | None = None


class AllegationsQuery(PageQuery):
    claimant_id: DbId | None = None
    accused_id: DbId | None = None
    act: ShortText | None = None
    doc_id: ShortText | None = None


class DocumentsIn(BaseModel):
    """Several reports in one request."""

    model_config = ConfigDict(extra="forbid")

    documents: Annotated[list[DocumentIn], Field(min_length=1)]


class PageOut(BaseModel):
    items: list[dict[str, Any]]
    next_cursor: str | None = None
    total: int
