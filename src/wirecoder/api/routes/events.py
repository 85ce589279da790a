"""GET /events (filtered, cursor-paginated) and GET /events/{id} with its reports."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from ...store import EventFilter
from ..schemas import EventQuery, EventsQuery, PageOut
from .deps import StoreDep, bad_cursor, found

router = APIRouter(tags=["events"])

#: Reports of one merged event shown with their text; more are listed without it.
MAX_REPORT_TEXTS = 20


def event_filter(query: EventQuery) -> EventFilter:
    """The store's filter from validated query parameters."""
    values = query.model_dump(include=set(EventQuery.model_fields))
    return EventFilter(**{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in values.items()})


@router.get("/events", response_model=PageOut)
def list_events(query: Annotated[EventsQuery, Query()], store: StoreDep) -> dict[str, Any]:
    """Events matching every given filter, newest first; follow ``next_cursor`` for more."""
    try:
        page = store.query_events(event_filter(query), cursor=query.cursor, limit=query.limit)
    except ValueError as exc:
        raise bad_cursor(exc) from exc
    return page.to_dict()


@router.get("/events/{event_id}")
def get_event(event_id: str, store: StoreDep) -> dict[str, Any]:
    """One event with its evidence spans, its per-field provenance (from the stored record)
    and every report of the same real-world event, each with its text and evidence."""
    event = found(store.get_event(event_id), "event", event_id)
    for n, report in enumerate(event.get("reports", [])):
        if n >= MAX_REPORT_TEXTS:
            break
        doc = store.get_document(report["doc_id"]) or {}
        report["text"] = doc.get("text")
        same = report["event_id"] == event["event_id"]
        other = event if same else (store.get_event(report["event_id"]) or {})
        report["evidence"] = other.get("evidence", [])
        if same:
            coded = (doc.get("record") or {}).get("events", [])
            if 0 <= event["index"] < len(coded):
                event["provenance"] = coded[event["index"]].get("provenance", [])
    return event
