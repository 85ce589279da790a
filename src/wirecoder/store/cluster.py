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

import re
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from ..geo.distance import km
from .schema import events

#: Two coded places this close are the same place (ACLED codes a town or its district).
MAX_KM = 25.0
#: Longest date range fetched by one candidate query (keeps each fetch small).
MAX_RANGE_DAYS = 31
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
    events.c.event_id, events.c.doc_id, events.c.event_type, events.c.sort_date, events.c.cluster_id,
    events.c.lat, events.c.lon, events.c.country, events.c.admin1, events.c.actor1_name, events.c.actor2_name,
)  # fmt: skip
_SET_CLUSTER = (
    sa.update(events)
    .where(events.c.event_id == sa.bindparam("eid"))
    .values(cluster_id=sa.bindparam("cid"))
)


def _date_ranges(days: list[str]) -> list[tuple[str, str]]:
    """Cover the ±1-day windows of ``days`` with few ranges of at most ``MAX_RANGE_DAYS``
    (gaps inside a range are fetched too: one query beats many)."""
    ranges: list[tuple[str, str]] = []
    for d in sorted(set(days)):
        lo, hi = _day_window(d)  # type: ignore[misc]
        span = (date.fromisoformat(hi) - date.fromisoformat(ranges[-1][0])).days if ranges else 0
        if ranges and span <= MAX_RANGE_DAYS:
            ranges[-1] = (ranges[-1][0], hi)
        else:
            ranges.append((lo, hi))
    return ranges


def assign_clusters(conn: sa.Connection, new_events: list[dict[str, Any]]) -> None:
    """Give each newly inserted event (``events`` rows) the cluster of its first match.

    One query per run of nearby dates fetches every candidate; matching is done here, in
    order, so an event of this batch can join the cluster of an earlier one.
    """
    todo = [e for e in new_events if _day_window(e["date"]) is not None and (e["country"] or e["lat"] is not None)]
    if not todo:
        return
    types = sorted({e["event_type"] for e in todo})
    found: dict[str, dict[str, Any]] = {}
    for lo, hi in _date_ranges([e["date"] for e in todo]):
        query = sa.select(*_CANDIDATE_COLS).where(events.c.event_type.in_(types), events.c.sort_date.between(lo, hi))
        found.update((row["event_id"], dict(row)) for row in conn.execute(query).mappings())
    index: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in found.values():
        index.setdefault((row["event_type"], row["sort_date"]), []).append(row)
    cluster_of = {eid: row["cluster_id"] for eid, row in found.items()}
    changes: list[dict[str, str]] = []
    for ev in todo:
        lo, hi = _day_window(ev["date"])  # type: ignore[misc]
        days = (lo, ev["date"], hi)
        candidates = [c for d in days for c in index.get((ev["event_type"], d), ()) if c["doc_id"] != ev["doc_id"]]
        for cand in sorted(candidates, key=lambda c: cluster_of[c["event_id"]]):
            if (not ev["country"] or cand["country"] == ev["country"]) and same_event(ev, cand):
                cid = cluster_of[cand["event_id"]]
                if cid != cluster_of[ev["event_id"]]:
                    cluster_of[ev["event_id"]] = ev["cluster_id"] = cid
                    changes.append({"eid": ev["event_id"], "cid": cid})
                break
    if changes:
        conn.execute(_SET_CLUSTER, changes)
