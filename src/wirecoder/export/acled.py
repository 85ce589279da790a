"""``acled-csv``: one row per stored event in ACLED's modern column names and order.

Filled from what a report gives; left empty where we do not code it (assoc. actors,
admin2/3, source scale, tags). ``inter`` codes and ``disorder_type`` come from
``data/export/acled.yaml``, ``region`` from ``acled_regions.yaml``; ``iso`` is the ISO 3166
numeric code, as ACLED gives it.
"""

from __future__ import annotations

import csv
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from ..store import EventFilter, Store
from . import register_exporter
from ._io import export_data, text_out

COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip


@cache
def _country(alpha3: str) -> tuple[str, str]:
    """(numeric code, name) for an ISO alpha-3 code; empty strings when unknown."""
    import pycountry

    c = pycountry.countries.get(alpha_3=alpha3.upper())
    return (str(int(c.numeric)), c.name) if c else ("", "")


@cache
def _regions() -> dict[str, str]:
    return {iso: region for region, codes in export_data("acled_regions.yaml").items() for iso in codes}


def _inter(ref: dict[str, Any] | None, event_type: str, actor1: bool) -> str:
    table = export_data("acled.yaml")
    if actor1 and event_type in table["inter_actor1_by_event_type"]:
        return str(table["inter_actor1_by_event_type"][event_type])
    if not ref:
        return ""
    code = table["inter_by_actor_type"].get(ref.get("type"))
    return "" if code is None else str(code)


def acled_row(ev: dict[str, Any]) -> dict[str, Any]:
    table = export_data("acled.yaml")
    loc = ev.get("location") or {}
    a1, a2 = ev.get("actor1"), ev.get("actor2")
    inter1, inter2 = _inter(a1, ev["event_type"], True), _inter(a2, ev["event_type"], False)
    codes = sorted(x for x in (inter1, inter2) if x)
    interaction = "".join(codes) if len(codes) == 2 else (codes[0] + "0" if codes else "")
    civilian = (
        a2 is not None
        and a2.get("type") in table["civilian_targeting_actor_types"]
        and ev["event_type"] in table["civilian_targeting_event_types"]
    )
    iso, country = _country(loc["country"]) if loc.get("country") else ("", "")
    stamp = ""
    if ev.get("ingested_at"):
        stamp = str(int(datetime.fromisoformat(ev["ingested_at"]).timestamp()))
    date = ev.get("date") or ""
    return {
        "event_id_cnty": ev["event_id"],
        "event_date": date,
        "year": date[:4],
        "time_precision": ev.get("time_precision") or "",
        "disorder_type": table["disorder_type"].get(ev["event_type"], ""),
        "event_type": ev["event_type"],
        "sub_event_type": ev.get("sub_event_type") or "",
        "actor1": a1["name"] if a1 else "",
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": a2["name"] if a2 else "",
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": iso,
        "region": _regions().get((loc.get("country") or "").upper(), ""),
        "country": country,
        "admin1": loc.get("admin1") or "",
        "admin2": "",
        "admin3": "",
        "location": loc.get("name") or "",
        "latitude": "" if loc.get("lat") is None else loc["lat"],
        "longitude": "" if loc.get("lon") is None else loc["lon"],
        "geo_precision": ev.get("geo_precision") or "",
        "source": ev.get("source") or "",
        "source_scale": "",
        "notes": " … ".join(sp["text"] for sp in ev.get("evidence", [])),
        "fatalities": "" if ev.get("fatalities") is None else ev["fatalities"],
        "tags": "",
        "timestamp": stamp,
    }


@register_exporter("acled-csv", help="Events as CSV in ACLED's column names and order.")
def write_acled(store: Store, out: Path | None, filter: EventFilter | None = None) -> int:
    n = 0
    with text_out(out, newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        for ev in store.iter_events(filter):
            writer.writerow(acled_row(ev))
            n += 1
    return n
