"""Cross-report event merging: reports of the same event get the same ``cluster_id``.

Two events of different documents are one real-world event when they have the same
``event_type``, dates at most one day apart, the same place (within ~25 km when both have
coordinates, otherwise the same country and admin1) and compatible actors (same name once the
parenthesised period is dropped, or one side unknown/unidentified). A new event joins the
matching cluster with the lowest id (deterministic); one that matches nothing is its own
cluster. Run inside the write
transaction, so events of the same batch see each other.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from .schema import events

#: Two coded places this close are the same place (ACLED codes a town or its district).
MAX_KM = 25.0
#: Events looked at per new event: bounds the cost where one place-day has very many events.
MAX_CANDIDATES = 500
_PERIOD = re.compile(r"\s*\([^)]*\d[^)]*\)\s*$")


def _norm_actor(name: str | None) -> str | None:
    if not name:
        return None
    key = _PERIOD.sub("", name).strip().lower()
    return None if key.startswith("unidentified") else key


def actors_compatible(a: str | None, b: str | None) -> bool:
    """Same actor, or at least one side not known."""
    na, nb = _norm_actor(a), _norm_actor(b)
    return na is None or nb is None or na == nb


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def same_place(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if None not in (a["lat"], a["lon"], b["lat"], b["lon"]):
        return km(a["lat"], a["lon"], b["lat"], b["lon"]) <= MAX_KM
    if not (a["country"] and a["admin1"]):
        return False
    return a["country"] == b["country"] and a["admin1"].lower() == (b["admin1"] or "").lower()


def same_event(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The merge rule, on two ``events`` rows (type and date window already matched)."""
    return (
        same_place(a, b)
        and actors_compatible(a["actor1_name"], b["actor1_name"])
        and actors_compatible(a["actor2_name"], b["actor2_name"])
    )


def _day_window(value: str | None) -> tuple[str, str] | None:
    try:
        d = date.fromisoformat(value or "")
    except ValueError:
        return None
    return (d - timedelta(days=1)).isoformat(), (d + timedelta(days=1)).isoformat()


_CANDIDATE_COLS = (
    events.c.event_id,
    events.c.doc_id,
    events.c.cluster_id,
    events.c.lat,
    events.c.lon,
    events.c.country,
    events.c.admin1,
    events.c.actor1_name,
    events.c.actor2_name,
)


def assign_clusters(conn: sa.Connection, new_events: list[dict[str, Any]]) -> None:
    """Give each newly inserted event (``events`` rows) the cluster of its first match."""
    for ev in new_events:
        window = _day_window(ev["date"])
        if window is None or not (ev["country"] or ev["lat"] is not None):
            continue
        query = (
            sa.select(*_CANDIDATE_COLS)
            .where(
                events.c.event_type == ev["event_type"],
                events.c.sort_date.between(*window),
                events.c.doc_id != ev["doc_id"],
            )
            .order_by(events.c.cluster_id)
            .limit(MAX_CANDIDATES)
        )
        if ev["country"]:
            query = query.where(events.c.country == ev["country"])
        for cand in conn.execute(query).mappings():
            if same_event(ev, cand):
                if cand["cluster_id"] != ev["cluster_id"]:
                    ev["cluster_id"] = cand["cluster_id"]
                    conn.execute(
                        sa.update(events).where(events.c.event_id == ev["event_id"]).values(cluster_id=cand["cluster_id"])
                    )
                break
