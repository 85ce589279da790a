"""``geojson``: events as a FeatureCollection (RFC 7946), streamed; no coordinates → null geometry."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..store import EventFilter, Store
from . import register_exporter
from ._io import text_out


def feature(ev: dict[str, Any]) -> dict[str, Any]:
    loc = ev.get("location") or {}
    geometry = None
    if loc.get("lat") is not None and loc.get("lon") is not None:
        geometry = {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}
    props = {k: v for k, v in ev.items() if k not in ("location", "evidence")}
    props.update({"location_name": loc.get("name"), "admin1": loc.get("admin1"), "country": loc.get("country")})
    props["evidence"] = [sp["text"] for sp in ev.get("evidence", [])]
    return {"type": "Feature", "id": ev["event_id"], "geometry": geometry, "properties": props}


@register_exporter("geojson", help="Events as a GeoJSON FeatureCollection (points at the coded place).")
def write_geojson(store: Store, out: Path | None, filter: EventFilter | None = None) -> int:
    n = 0
    with text_out(out) as fh:
        fh.write('{"type": "FeatureCollection", "features": [\n')
        for ev in store.iter_events(filter):
            fh.write((",\n" if n else "") + json.dumps(feature(ev), ensure_ascii=False))
            n += 1
        fh.write("\n]}\n")
    return n
