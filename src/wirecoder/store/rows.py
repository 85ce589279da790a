"""Record → rows: the normalised view of one contract record (pure; no database here).

Ids are stable and readable: ``<doc_id>:e<i>`` for the i-th event, ``:s`` statements,
``:a`` allegations, ``:d`` demands. Actor ids are resolved later by name (``actor_ids``)
because they belong to the database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..document import metadata_columns


@dataclass(slots=True)
class DocRows:
    """The rows one record becomes; actor columns hold names until ``resolve`` fills ids."""

    document: dict[str, Any]
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)  # name -> {name,type,country,aliases}
    mentions: list[dict[str, Any]] = field(default_factory=list)
    locations: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)
    allegations: list[dict[str, Any]] = field(default_factory=list)
    accused: list[dict[str, Any]] = field(default_factory=list)
    demands: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def resolve(self, ids: dict[str, int]) -> None:
        """Replace actor names by database ids in every ``*_id`` column."""
        for rows, cols in (
            (self.mentions, ("actor",)),
            (self.events, ("actor1", "actor2")),
            (self.statements, ("speaker",)),
            (self.allegations, ("claimant",)),
            (self.accused, ("actor",)),
            (self.demands, ("claimant", "addressee")),
        ):
            for row in rows:
                for col in cols:
                    key = f"{col}_id"
                    name = row[key]
                    row[key] = ids[name] if name is not None else None


def event_id(doc_id: str, index: int) -> str:
    return f"{doc_id}:e{index}"


def record_rows(rec: dict[str, Any], text: str, origin: str | None, now: str) -> DocRows:
    """All rows for one successfully coded record."""
    doc_id = rec["doc_id"]
    out = DocRows(
        document={
            "doc_id": doc_id,
            "content_hash": rec["content_hash"],
            "text": text,
            **metadata_columns(rec),
            "origin": origin,
            "record_json": json.dumps(rec, ensure_ascii=False, separators=(",", ":")),
            "ingested_at": now,
        }
    )

    def actor(ref: dict[str, Any] | None) -> str | None:
        if not ref or not ref.get("name"):
            return None
        name = ref["name"]
        if name not in out.actors:
            out.actors[name] = {"name": name, "type": ref.get("type"), "country": None, "aliases": set()}
        return name

    for a in rec.get("actors", []):
        name = actor(a)
        if name is None:
            continue
        entry = out.actors[name]
        entry["country"] = entry["country"] or a.get("country")
        entry["aliases"].update(x for x in a.get("aliases", []) if x and x != name)
        for m in a.get("mentions", []):
            if m.get("text") and m["text"] != name:
                entry["aliases"].add(m["text"])
            out.mentions.append({"doc_id": doc_id, "actor_id": name, "start": m["start"], "end": m["end"], "text": m["text"]})

    for i, loc in enumerate(rec.get("locations", [])):
        out.locations.append(
            {
                "doc_id": doc_id,
                "idx": i,
                "name": loc["name"],
                "feature": loc.get("feature"),
                "admin1": loc.get("admin1"),
                "country": loc.get("country"),
                "lat": loc.get("lat"),
                "lon": loc.get("lon"),
                "geonameid": loc.get("geonameid"),
            }
        )

    def spans(kind: str, owner: str, items: list[dict[str, Any]] | None, fld: str = "evidence") -> None:
        for sp in items or []:
            if isinstance(sp, dict) and sp.get("start") is not None:
                out.evidence.append(
                    {
                        "doc_id": doc_id,
                        "owner_kind": kind,
                        "owner_id": owner,
                        "start": sp["start"],
                        "end": sp["end"],
                        "text": sp.get("text") or text[sp["start"] : sp["end"]],
                        "field": fld,
                    }
                )

    for i, ev in enumerate(rec.get("events", [])):
        eid = event_id(doc_id, i)
        loc = ev.get("location") or {}
        a1, a2 = ev.get("actor1") or {}, ev.get("actor2") or {}
        out.events.append(
            {
                "event_id": eid,
                "doc_id": doc_id,
                "idx": i,
                "event_type": ev["event_type"],
                "sub_event_type": ev.get("sub_event_type"),
                "plover": ev.get("plover"),
                "date": ev.get("date"),
                "sort_date": ev.get("date") or "",
                "time_precision": ev.get("time_precision"),
                "location_name": loc.get("name"),
                "admin1": loc.get("admin1"),
                "country": loc.get("country"),
                "lat": loc.get("lat"),
                "lon": loc.get("lon"),
                "geo_precision": ev.get("geo_precision"),
                "actor1_name": a1.get("name"),
                "actor1_type": a1.get("type"),
                "actor1_id": actor(a1),
                "actor2_name": a2.get("name"),
                "actor2_type": a2.get("type"),
                "actor2_id": actor(a2),
                "attribution": ev.get("attribution") or "unknown",
                "attribution_source": ev.get("attribution_source"),
                "fatalities": ev.get("fatalities"),
                "fatalities_text": ev.get("fatalities_text"),
                "injuries": ev.get("injuries"),
                "injuries_text": ev.get("injuries_text"),
                "weapon": ev.get("weapon"),
                "perpetrator_text": ev.get("perpetrator_text"),
                "target_text": ev.get("target_text"),
                "confidence": ev.get("confidence"),
                "cluster_id": eid,
            }
        )
        spans("event", eid, ev.get("evidence"))

    for i, st in enumerate(rec.get("statements", [])):
        sid = f"{doc_id}:s{i}"
        sp = st.get("speaker") or {}
        out.statements.append(
            {
                "statement_id": sid,
                "doc_id": doc_id,
                "idx": i,
                "speaker_name": sp.get("name"),
                "speaker_type": sp.get("type"),
                "speaker_id": actor(sp),
                "speaker_mention": st.get("speaker_mention"),
                "kind": st.get("kind"),
                "cue": st.get("cue"),
                "channel": st.get("channel"),
                "date": st.get("date"),
                "act": st.get("act"),
                "text": st.get("text") or "",
                "start": st.get("start") or 0,
                "end": st.get("end") or 0,
                "about_event": st.get("about_event"),
                "confidence": st.get("confidence"),
            }
        )
        spans("statement", sid, st.get("evidence"))
        spans("statement", sid, [st.get("speaker_span")], "speaker_span")
        spans("statement", sid, [st.get("cue_span")], "cue_span")

    for i, al in enumerate(rec.get("allegations", [])):
        aid = f"{doc_id}:a{i}"
        cl = al.get("claimant") or {}
        period = al.get("period") or {}
        out.allegations.append(
            {
                "allegation_id": aid,
                "doc_id": doc_id,
                "idx": i,
                "claimant_name": cl.get("name"),
                "claimant_type": cl.get("type"),
                "claimant_id": actor(cl),
                "act": al["act"],
                "victims": al.get("victims"),
                "beneficiary": al.get("beneficiary"),
                "location_json": json.dumps(al.get("location") or [], ensure_ascii=False),
                "period_start": period.get("start"),
                "period_end": period.get("end"),
                "period_text": period.get("text"),
                "statement": al.get("statement"),
                "hedge": al.get("hedge"),
                "confidence": al.get("confidence"),
            }
        )
        for pos, acc in enumerate(al.get("accused") or []):
            name = actor(acc)
            if name is not None:
                out.accused.append(
                    {"allegation_id": aid, "position": pos, "actor_id": name, "name": name, "type": acc.get("type")}
                )
        spans("allegation", aid, al.get("evidence"))

    for i, dm in enumerate(rec.get("demands", [])):
        did = f"{doc_id}:d{i}"
        cl, ad = dm.get("claimant") or {}, dm.get("addressee") or {}
        out.demands.append(
            {
                "demand_id": did,
                "doc_id": doc_id,
                "idx": i,
                "claimant_name": cl.get("name"),
                "claimant_type": cl.get("type"),
                "claimant_id": actor(cl),
                "addressee_name": ad.get("name"),
                "addressee_type": ad.get("type"),
                "addressee_id": actor(ad),
                "demand": dm.get("demand") or "",
                "statement": dm.get("statement"),
                "confidence": dm.get("confidence"),
            }
        )
        spans("demand", did, dm.get("evidence"))
    return out
