"""``plover-json``: events that carry a PLOVER type, as a JSON array shaped like PLOVER's
gold-standard records (``event``, ``source``/``target`` as ``{actorText, code, sector}``,
``eventLoc``, ``dead``/``injured`` as strings), plus our ids for traceability."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..store import EventFilter, Store
from . import register_exporter
from ._io import export_data, text_out


def _actor(ref: dict[str, Any] | None, country: str | None) -> list[dict[str, Any]]:
    if not ref:
        return []
    sectors = export_data("plover.yaml")["sector_by_actor_type"]
    return [{"actorText": ref["name"], "code": country or "", "sector": sectors.get(ref.get("type"), "UNK")}]


def plover_record(ev: dict[str, Any]) -> dict[str, Any]:
    loc = ev.get("location") or {}
    rec: dict[str, Any] = {
        "id": ev["event_id"],
        "date": ev.get("date"),
        "event": ev["plover"],
        "mode": ev.get("sub_event_type") or "",
        "source": _actor(ev.get("actor1"), loc.get("country")),
        "target": _actor(ev.get("actor2"), loc.get("country")),
        "eventText": " … ".join(sp["text"] for sp in ev.get("evidence", [])),
        "publication": ev.get("source"),
        "doc_id": ev["doc_id"],
        "cluster_id": ev["cluster_id"],
    }
    if loc.get("name"):
        rec["eventLoc"] = {"name": loc["name"], "countryCode": loc.get("country"), "lat": loc.get("lat"), "lon": loc.get("lon")}
    if ev.get("fatalities") is not None:
        rec["dead"] = str(ev["fatalities"])
    if ev.get("injuries") is not None:
        rec["injured"] = str(ev["injuries"])
    return rec


@register_exporter("plover-json", help="Events with a PLOVER type, as a JSON array of PLOVER-style records.")
def write_plover(store: Store, out: Path | None, filter: EventFilter | None = None) -> int:
    n = 0
    with text_out(out) as fh:
        fh.write("[\n")
        for ev in store.iter_events(filter):
            if not ev.get("plover"):
                continue
            fh.write((",\n" if n else "") + json.dumps(plover_record(ev), ensure_ascii=False))
            n += 1
        fh.write("\n]\n")
    return n
