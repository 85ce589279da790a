"""POST /documents (code and store reports) and GET /documents/{id}."""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Request, Response

from ...document import Document
from ...store.rows import event_id
from ..pipeline import build_pipeline
from ..problems import Problem
from ..schemas import DocumentIn
from ..security import require_api_key
from .deps import StoreDep, found

router = APIRouter(tags=["documents"])

#: spaCy pipelines are not safe to share across threads: code one request at a time.
_PIPELINE_LOCK = threading.Lock()


def _document(item: DocumentIn) -> Document:
    return Document(
        text=item.text,
        doc_id=item.id or "",
        published=item.published.isoformat() if item.published else None,
        published_from_meta=item.published is not None,
        source=item.source,
        url=item.url,
        title=item.title,
        origin="api",
    )


def _api_record(doc: Document) -> dict[str, Any]:
    """The contract record plus what a client needs to show it: the stored text (offsets
    index it) and each event's store id."""
    rec = doc.to_record()
    rec["text"] = doc.text
    for i, ev in enumerate(rec["events"]):
        ev["event_id"] = event_id(doc.doc_id, i)
    return rec


@router.post("/documents", status_code=201, dependencies=[Depends(require_api_key)])
def post_documents(
    request: Request,
    response: Response,
    payload: Annotated[DocumentIn | list[DocumentIn], Body()],
    store: StoreDep,
) -> dict[str, Any]:
    """Code one report (an object) or several (a list) and store them.

    Returns ``{"records": [...], "counts": {stored, failed, duplicate, total, replaced}}``;
    each record is the contract record plus ``text`` and each event's ``event_id``.
    """
    items = payload if isinstance(payload, list) else [payload]
    limit = request.app.state.settings.max_documents
    if not items:
        raise Problem(422, "Send one document object or a non-empty list of them.", "validation-error")
    if len(items) > limit:
        raise Problem(413, f"{len(items)} documents in one request; send at most {limit}.", "payload-too-large")
    pipeline = build_pipeline(request.app)  # after validation: a bad request never loads the model
    with _PIPELINE_LOCK:
        docs = list(pipeline.pipe(_document(i) for i in items))
    counts = store.write(docs)
    if counts.stored == 0:
        response.status_code = 200
    return {"records": [_api_record(d) for d in docs], "counts": counts.to_dict()}


@router.get("/documents/{doc_id}")
def get_document(doc_id: str, store: StoreDep) -> dict[str, Any]:
    """A stored report: its text, metadata and full contract record."""
    return found(store.get_document(doc_id), "document", doc_id)
