"""Streaming exports: /export.csv (ACLED columns), /export.geojson, /export.jsonl; all
take the /events filters.

Each streams from the store row by row (constant memory), reusing the exporters'
row builders in ``wirecoder.export`` so a download and ``wirecoder export`` agree.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from ...export.acled import COLUMNS, acled_row
from ...export.geojson import feature
from ..schemas import EventQuery
from .deps import StoreDep
from .events import event_filter

router = APIRouter(tags=["exports"])


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


@router.get("/export.csv", response_class=StreamingResponse)
def export_csv(query: Annotated[EventQuery, Query()], store: StoreDep) -> StreamingResponse:
    """Matching events as CSV in ACLED's column names and order."""

    def rows() -> Iterator[str]:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=COLUMNS)
        writer.writeheader()
        for ev in store.iter_events(event_filter(query)):
            writer.writerow(acled_row(ev))
            if buf.tell() > 64_000:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue()

    return StreamingResponse(rows(), media_type="text/csv; charset=utf-8", headers=_attachment("events.csv"))


@router.get("/export.geojson", response_class=StreamingResponse)
def export_geojson(query: Annotated[EventQuery, Query()], store: StoreDep) -> StreamingResponse:
    """Matching events as a GeoJSON FeatureCollection (null geometry where not located)."""

    def chunks() -> Iterator[str]:
        yield '{"type": "FeatureCollection", "features": ['
        for n, ev in enumerate(store.iter_events(event_filter(query))):
            yield ("," if n else "") + "\n" + json.dumps(feature(ev), ensure_ascii=False)
        yield "\n]}\n"

    return StreamingResponse(chunks(), media_type="application/geo+json", headers=_attachment("events.geojson"))


@router.get("/export.jsonl", response_class=StreamingResponse)
def export_jsonl(query: Annotated[EventQuery, Query()], store: StoreDep) -> StreamingResponse:
    """Full contract records, one JSON object per line: every stored record in ingest order,
    or, with event filters, the records of the reports those events come from."""
    filtered = any(v is not None for v in query.model_dump().values())

    def records() -> Iterator[dict[str, Any]]:
        if not filtered:
            yield from store.iter_records()
            return
        seen: set[str] = set()
        for ev in store.iter_events(event_filter(query)):
            if ev["doc_id"] not in seen:
                seen.add(ev["doc_id"])
                yield store.get_document(ev["doc_id"])["record"]

    def lines() -> Iterator[str]:
        for rec in records():
            yield json.dumps(rec, ensure_ascii=False) + "\n"

    return StreamingResponse(lines(), media_type="application/x-ndjson", headers=_attachment("records.jsonl"))
