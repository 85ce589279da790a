"""``wirecoder eval examples DIR``: field agreement with hand-coded records.

DIR holds one folder per report with ``article.txt`` and ``expected.json`` (the shape of
``shared/examples``). Each expected item (actor, location, event, statement, allegation,
demand) is matched to at most one predicted item; every field of the expected item is a
check, and an unmatched expected item fails all its checks. *Overall field agreement*
is passed checks / all checks. Per section we also report item precision and recall.

``must_not`` lines are prose, so they are checked as the general invariants they state:
no event's actor1 is someone accused in an allegation unless that link is a claim of
responsibility or coded ``alleged``; no event dated after publication; injuries never a number when the text
gives only words; statements are not events with fatalities.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..geo.distance import km
from .base import SYSTEM, EvalOptions, EvalResult, register_eval, require_path


def norm(value: Any) -> str:
    """Compare names loosely: case, quotes, punctuation, ACLED's '(2018-)' periods."""
    if value is None:
        return ""
    if isinstance(value, dict):
        value = value.get("name")
    text = unicodedata.normalize("NFKC", str(value)).casefold()
    text = re.sub(r"\(\d{4}-(\d{4})?\)", "", text)
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"^(the|a|an) ", "", text.strip())
    return re.sub(r"[^\w']+", " ", text).strip()


def _names(value: Any) -> set[str]:
    if value is None:
        return set()
    if isinstance(value, list):
        return {norm(v) for v in value if norm(v)}
    return {norm(p) for p in str(value if not isinstance(value, dict) else value.get("name")).split(";") if norm(p)}


@dataclass
class Tally:
    """Checks per field, and item matching per section."""

    fields: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    items: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))  # matched, expected, predicted
    misses: list[dict[str, Any]] = field(default_factory=list)

    def check(self, doc_id: str, name: str, ok: bool, expected: Any, got: Any) -> None:
        cell = self.fields[name]
        cell[0] += int(ok)
        cell[1] += 1
        if not ok:
            self.misses.append({"doc_id": doc_id, "field": name, "expected": expected, "got": got})


def _same(a: Any, b: Any) -> bool:
    return norm(a) == norm(b)


def _starts(pred_text: str, expected_start: str) -> bool:
    p, e = norm(pred_text), norm(expected_start)
    return bool(e) and (p.startswith(e) or (len(e) > 12 and e in p))


def _km(a: dict, b: dict) -> float:
    return km(a["lat"], a["lon"], b["lat"], b["lon"])


def _match(expected: list[dict], predicted: list[dict], score: Callable[[dict, dict], float]) -> list[tuple[dict, dict | None]]:
    """Greedy one-to-one matching by descending score (score 0 = no match)."""
    pairs = sorted(
        ((score(e, p), i, j) for i, e in enumerate(expected) for j, p in enumerate(predicted)),
        key=lambda t: -t[0],
    )
    used_e: set[int] = set()
    used_p: set[int] = set()
    out: dict[int, dict | None] = {i: None for i in range(len(expected))}
    for s, i, j in pairs:
        if s <= 0 or i in used_e or j in used_p:
            continue
        used_e.add(i)
        used_p.add(j)
        out[i] = predicted[j]
    return [(expected[i], out[i]) for i in range(len(expected))]


def _actor_aliases(actor: dict) -> set[str]:
    names = {norm(actor["name"])}
    names |= {norm(a) for a in actor.get("aliases", [])}
    names |= {norm(m["text"]) for m in actor.get("mentions", [])}
    return names - {""}


def score_document(doc_id: str, expected: dict, got: dict, tally: Tally) -> None:
    chk = tally.check
    chk(doc_id, "published", expected.get("published") == got.get("published"), expected.get("published"), got.get("published"))
    for key in ("place", "agency"):
        e, g = (expected.get("dateline") or {}).get(key), (got.get("dateline") or {}).get(key)
        chk(doc_id, f"dateline.{key}", _same(e, g), e, g)

    _score_actors(doc_id, expected.get("actors", []), got.get("actors", []), tally)
    _score_locations(doc_id, expected.get("locations", []), got.get("locations", []), tally)
    _score_events(doc_id, expected.get("events", []), got.get("events", []), tally)
    _score_statements(doc_id, expected.get("statements", []), got.get("statements", []), tally)
    _score_allegations(doc_id, expected.get("allegations", []), got.get("allegations", []), tally)
    _score_demands(doc_id, expected.get("demands", []), got.get("demands", []), tally)
    _check_invariants(doc_id, got, tally)


def _section(tally: Tally, name: str, pairs: list[tuple[dict, dict | None]], n_pred: int) -> None:
    cell = tally.items[name]
    cell[0] += sum(p is not None for _, p in pairs)
    cell[1] += len(pairs)
    cell[2] += n_pred


def _score_actors(doc_id: str, exp: list[dict], got: list[dict], tally: Tally) -> None:
    def score(e: dict, p: dict) -> float:
        if norm(e["name"]) == norm(p["name"]):
            return 2.0
        return 1.0 if norm(p["name"]) in _actor_aliases(e) else 0.0

    pairs = _match(exp, got, score)
    _section(tally, "actors", pairs, len(got))
    for e, p in pairs:
        tally.check(doc_id, "actor.name", p is not None and _same(e["name"], p["name"]), e["name"], p and p["name"])
        tally.check(doc_id, "actor.type", p is not None and e.get("type") == p.get("type"), e.get("type"), p and p.get("type"))
        tally.check(doc_id, "actor.country", p is not None and e.get("country") == p.get("country"), e.get("country"), p and p.get("country"))


def _score_locations(doc_id: str, exp: list[dict], got: list[dict], tally: Tally) -> None:
    pairs = _match(exp, got, lambda e, p: float(_same(e["name"], p["name"])))
    _section(tally, "locations", pairs, len(got))
    for e, p in pairs:
        tally.check(doc_id, "location.name", p is not None, e["name"], p and p["name"])
        for key in ("admin1", "country"):
            if key in e:
                tally.check(doc_id, f"location.{key}", p is not None and _same(e[key], p.get(key)), e[key], p and p.get(key))
        if e.get("lat") is not None:
            ok = p is not None and p.get("lat") is not None and _km(e, p) <= 25
            tally.check(doc_id, "location.within_25km", ok, (e["lat"], e["lon"]), p and (p.get("lat"), p.get("lon")))


_EVENT_FIELDS = (
    "event_type", "sub_event_type", "date", "time_precision", "geo_precision",
    "attribution", "attribution_source", "fatalities", "injuries", "injuries_text",
)


def _score_events(doc_id: str, exp: list[dict], got: list[dict], tally: Tally) -> None:
    def score(e: dict, p: dict) -> float:
        s = 2.0 * (e.get("event_type") == p.get("event_type")) + (e.get("date") == p.get("date"))
        s += _same((e.get("location") or {}).get("name"), (p.get("location") or {}).get("name"))
        return s

    pairs = _match(exp, got, score)
    _section(tally, "events", pairs, len(got))
    for e, p in pairs:
        for key in _EVENT_FIELDS:
            if key not in e:
                continue
            ev, gv = e[key], (p or {}).get(key)
            ok = p is not None and (_same(ev, gv) if isinstance(ev, str) else ev == gv)
            tally.check(doc_id, f"event.{key}", ok, ev, gv)
        for key in ("actor1", "actor2"):
            if key in e:
                ev, gv = (e[key] or {}).get("name"), ((p or {}).get(key) or {}).get("name")
                tally.check(doc_id, f"event.{key}", p is not None and _same(ev, gv), ev, gv)
        loc_e, loc_p = e.get("location") or {}, (p or {}).get("location") or {}
        for key in ("name", "admin1", "country"):
            if key in loc_e:
                tally.check(doc_id, f"event.location.{key}", p is not None and _same(loc_e[key], loc_p.get(key)), loc_e[key], loc_p.get(key))


def _speaker(s: dict) -> Any:
    sp = s.get("speaker")
    return sp.get("name") if isinstance(sp, dict) else sp


def _score_statements(doc_id: str, exp: list[dict], got: list[dict], tally: Tally) -> None:
    def score(e: dict, p: dict) -> float:
        return 2.0 + _same(_speaker(e), _speaker(p)) if _starts(p.get("text", ""), e.get("text_starts", "")) else 0.0

    pairs = _match(exp, got, score)
    _section(tally, "statements", pairs, len(got))
    for e, p in pairs:
        tally.check(doc_id, "statement.found", p is not None, e.get("text_starts"), None)
        tally.check(doc_id, "statement.speaker", p is not None and _same(_speaker(e), _speaker(p)), _speaker(e), p and _speaker(p))
        for key in ("kind", "cue", "channel", "date", "act"):
            if key in e:
                ev, gv = e[key], (p or {}).get(key)
                tally.check(doc_id, f"statement.{key}", p is not None and (_same(ev, gv) if ev else not gv), ev, gv)


def _score_allegations(doc_id: str, exp: list[dict], got: list[dict], tally: Tally) -> None:
    def score(e: dict, p: dict) -> float:
        if e.get("act") != p.get("act"):
            return 0.0
        overlap = len(_names(e.get("accused")) & _names(p.get("accused")))
        return 1.0 + overlap + _same(e.get("claimant"), p.get("claimant"))

    pairs = _match(exp, got, score)
    _section(tally, "allegations", pairs, len(got))
    for e, p in pairs:
        tally.check(doc_id, "allegation.act", p is not None, e.get("act"), None)
        tally.check(doc_id, "allegation.claimant", p is not None and _same(e.get("claimant"), p.get("claimant")), e.get("claimant"), p and p.get("claimant"))
        ea, pa = _names(e.get("accused")), _names((p or {}).get("accused"))
        tally.check(doc_id, "allegation.accused", p is not None and ea == pa, sorted(ea), sorted(pa))


def _score_demands(doc_id: str, exp: list[dict], got: list[dict], tally: Tally) -> None:
    def score(e: dict, p: dict) -> float:
        ew, pw = set(norm(e.get("demand")).split()), set(norm(p.get("demand")).split())
        return len(ew & pw) / max(1, len(ew)) if len(ew & pw) / max(1, len(ew)) >= 0.5 else 0.0

    pairs = _match(exp, got, score)
    _section(tally, "demands", pairs, len(got))
    for e, p in pairs:
        tally.check(doc_id, "demand.found", p is not None, e.get("demand"), None)
        for key in ("claimant", "addressee"):
            tally.check(doc_id, f"demand.{key}", p is not None and _same(e.get(key), p.get(key)), e.get(key), p and p.get(key))


_NUMBER_WORD = re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred)\b", re.I)


def invariant_violations(got: dict) -> list[str]:
    """The general rules behind the examples' ``must_not`` lines."""
    out: list[str] = []
    accused_only = set()
    for a in got.get("allegations", []):
        accused_only |= _names(a.get("accused"))
    published = got.get("published")
    for i, ev in enumerate(got.get("events", [])):
        a1 = norm((ev.get("actor1") or {}).get("name"))
        # An accused actor may be actor1 only where the link is itself a claim (of
        # responsibility) or is coded as the allegation it is: never as plain fact.
        if a1 and a1 in accused_only and ev.get("attribution") not in ("alleged", "claimed"):
            out.append(f"event {i}: actor1 {a1!r} is only accused in an allegation but attribution is {ev.get('attribution')!r}")
        if published and ev.get("date") and ev["date"] > published:
            out.append(f"event {i}: date {ev['date']} after publication {published}")
        if ev.get("injuries") is not None and ev.get("injuries_text") and not _NUMBER_WORD.search(ev["injuries_text"]):
            out.append(f"event {i}: injuries {ev['injuries']} guessed from words {ev['injuries_text']!r}")
        if ev.get("event_type") == "Strategic developments" and ev.get("fatalities"):
            out.append(f"event {i}: Strategic developments with fatalities")
    for i, st in enumerate(got.get("statements", [])):
        if published and st.get("date") and st["date"] > published:
            out.append(f"statement {i}: date {st['date']} after publication {published}")
    return out


def _check_invariants(doc_id: str, got: dict, tally: Tally) -> None:
    violations = invariant_violations(got)
    for v in violations:
        tally.misses.append({"doc_id": doc_id, "field": "must_not", "expected": None, "got": v})
    tally.items["must_not_violations"][0] += len(violations)


def gold_folders(root: Path) -> Iterable[Path]:
    if (root / "expected.json").exists():
        yield root
        return
    yield from sorted(p for p in root.iterdir() if (p / "expected.json").exists() and (p / "article.txt").exists())


@register_eval("examples", help="Hand-coded records shaped like shared/examples (article.txt + expected.json): field agreement.")
def eval_examples(path: Path, options: EvalOptions) -> EvalResult:
    import wirecoder
    from wirecoder.ingest import read_paths

    require_path(path, "Give a folder of examples (each with article.txt and expected.json), e.g. ../shared/examples.")
    folders = list(gold_folders(path))[: options.limit]
    tally = Tally()
    docs = read_paths([f / "article.txt" for f in folders])
    for folder, doc in zip(folders, wirecoder.extract_many(docs), strict=True):
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        score_document(expected.get("doc_id", folder.name), expected, doc.to_record(), tally)

    metrics: dict[str, float | None] = {}
    passed = sum(c[0] for c in tally.fields.values())
    total = sum(c[1] for c in tally.fields.values())
    metrics["overall_field_agreement"] = passed / total if total else None
    for section, (matched, n_exp, n_pred) in tally.items.items():
        if section == "must_not_violations":
            continue
        metrics[f"{section}.recall"] = matched / n_exp if n_exp else None
        metrics[f"{section}.precision"] = matched / n_pred if n_pred else None
    metrics["must_not_violations"] = float(tally.items["must_not_violations"][0])
    for name, (ok, n) in sorted(tally.fields.items()):
        metrics[f"field.{name}"] = ok / n
    return EvalResult(
        dataset="examples",
        path=str(path),
        n=len(folders),
        systems={SYSTEM: metrics},
        details={"checks_passed": passed, "checks_total": total},
        errors=tally.misses,
    )
