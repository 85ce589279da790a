"""``wirecoder eval muc4 DIR``: MUC-4 templates, incident dates and places (dev = TST1 + TST2).

Two scores over one pipeline run on the raw texts (which keep their datelines):

(a) GTT-style template matching (Du, Rush & Cardie 2021) against the processed
    ``dev.json``: per document, predicted templates are aligned one-to-one with gold
    templates of the same incident type to maximise matched role fillers; a predicted
    filler is right when it equals (``exact``) or shares the head word with (``head``) any
    mention of a gold entity. Micro P/R/F1 over incident types and PerpInd, PerpOrg,
    Target, Victim, Weapon fillers. Each event is one incident: ``data/eval/muc4.yaml``
    maps its type onto the MUC type and its arguments onto the slots.
(b) From the raw answer keys: incident date accuracy (a key range "A - B" accepts any day
    in it; "- B", on or before B, accepts the 31 days up to B) and location accuracy
    (country, and country + place: any place named in the key). Gold templates are
    aligned to the pipeline's by the same filler matching; an unmatched template counts
    as wrong. Rows isolating the date and place code: ``oracle-span`` (event_date and
    event_location called at the first gold filler found in the text), ``dateline``
    (publication date and dateline town) and ``first-in-text`` (first body date and town).

Raw texts are upper case: the adapter true-cases them (sentence starts, proper nouns by
the tagger on a lower-cased pass, gazetteer places, bracketed acronyms) and turns the MUC
dateline into the wire header the normalize stage reads.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from ..document import Document
from ..errors import E, WirecoderError
from ..events.arguments import phrase_key
from ..geo import event_location, fold, get_gazetteer
from ..records import Event, EventLocation
from ..stages.dates import event_date
from .base import SYSTEM, EvalOptions, EvalResult, Split, find_split_file, register_eval, resolve_split
from .metrics import PRF

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
#: raw key slot number -> GTT role (the processed data's own mapping)
_SLOT_ROLES = {6: "Weapon", 9: "PerpInd", 10: "PerpOrg", 12: "Target", 18: "Victim", 19: "Victim"}
_DATA = Path(__file__).resolve().parents[1] / "data" / "eval" / "muc4.yaml"


@functools.cache
def adapter_config() -> dict[str, Any]:
    """How wirecoder events read as MUC-4 incidents (``data/eval/muc4.yaml``)."""
    return yaml.safe_load(_DATA.read_text(encoding="utf-8"))


@dataclass
class Template:
    """One incident: type, role fillers (entities, each a list of coreferent mentions),
    and for raw keys the date and location strings."""

    incident_type: str
    roles: dict[str, list[list[str]]] = field(default_factory=lambda: {r: [] for r in ROLES})
    date: str | None = None
    location: str | None = None


def norm(text: str) -> str:
    """The scorer's comparison key: the argument stage's phrase key, escaped quotes dropped."""
    return phrase_key(text.replace("\\\"", ""))


def head_word(text: str) -> str:
    """The last word of a normalised phrase: the head in the scorer's ``head`` mode."""
    words = norm(text).split()
    return words[-1] if words else ""


# --- gold: processed GTT JSON -------------------------------------------------------------
def load_gtt(lines: Iterable[str]) -> dict[str, list[Template]]:
    """``dev.json`` rows -> doc id -> templates."""
    out: dict[str, list[Template]] = {}
    for line in lines:
        if not line.strip():
            continue
        row = json.loads(line)
        temps = []
        for t in row["templates"]:
            roles = {r: [[m[0] for m in ent] for ent in t.get(r, [])] for r in ROLES}
            temps.append(Template(t["incident_type"].split(" / ")[0].strip(), roles))
        out[row["docid"]] = temps
    return out


# --- gold: raw MUC keys -------------------------------------------------------------------
_SLOT_LINE = re.compile(r"^(\d+)\.\s+(\S.*?)(?:\s{2,}(\S.*))?$")
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def parse_keys(text: str) -> dict[str, list[Template]]:
    """A MUC-4 key file -> doc id -> relevant templates (``*`` templates dropped)."""
    out: dict[str, list[Template]] = {}
    for block in re.split(r"\n\s*\n", text):
        slots: dict[int, list[str]] = {}
        current = None
        for line in block.splitlines():
            if line.startswith(";;;") or not line.strip():
                continue
            m = _SLOT_LINE.match(line)
            if m:
                current = int(m.group(1))
                slots[current] = [m.group(3) or ""]
            elif current is not None:
                slots[current].append(line.strip())
        if 0 not in slots:
            continue
        doc_id = slots[0][0].strip()
        out.setdefault(doc_id, [])
        if slots.get(1, ["*"])[0].strip() == "*":
            continue
        itype = _first_value(slots.get(4, [""])).lower()
        t = Template(itype, date=slots.get(2, [""])[0].strip(), location=slots.get(3, [""])[0].strip())
        for slot, role in _SLOT_ROLES.items():
            for line in slots.get(slot, []):
                left = re.split(r'"\s*:\s*', line)[0] + '"' if '": ' in line else line
                mentions = [q.replace('\\"', '"') for q in _QUOTED.findall(left)]
                if mentions:
                    t.roles[role].append(mentions)
        out[doc_id].append(t)
    return out


def _first_value(lines: list[str]) -> str:
    value = lines[0] if lines else ""
    return re.split(r"\s*/\s*|:", value.lstrip("? "))[0].strip()


def _split_alternatives(value: str) -> list[str]:
    """Top-level " / " alternatives, with their outer parentheses removed."""
    parts, depth, cur = [], 0, ""
    for ch in value:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "/" and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    out = []
    for p in parts:
        p = p.strip().lstrip("?").strip()
        if p.startswith("(") and p.endswith(")"):
            p = p[1:-1].strip()
        if p and p not in {"-", "*"}:
            out.append(p)
    return out


def _key_day(text: str) -> date | None:
    try:
        return datetime.strptime(text.strip().title(), "%d %b %y").date()
    except ValueError:
        return None


def date_intervals(value: str | None) -> list[tuple[date, date]]:
    """Key date -> accepted [first, last] days per alternative."""
    out = []
    for alt in _split_alternatives(value or ""):
        if " - " in f" {alt} " and alt.strip().startswith("-"):
            b = _key_day(alt.strip()[1:])
            if b:
                out.append((b - timedelta(days=31), b))
        elif " - " in alt:
            a, b = (_key_day(x) for x in alt.split(" - ", 1))
            if a and b:
                out.append((a, b))
        elif d := _key_day(alt):
            out.append((d, d))
    return out


def date_correct(pred: str | None, key: str | None) -> bool:
    if not pred:
        return False
    try:
        d = date.fromisoformat(pred[:10])
    except ValueError:
        return False
    return any(a <= d <= b for a, b in date_intervals(key))


def location_parts(value: str | None) -> list[tuple[str, list[str]]]:
    """Key location -> (country, [places]) per alternative; "(CITY)"-style types dropped."""
    out = []
    for alt in _split_alternatives(value or ""):
        parts = [re.sub(r"\s*\([^)]*\)\s*$", "", p).strip() for p in alt.split(":")]
        if parts and parts[0]:
            out.append((parts[0], [p for p in parts[1:] if p and p != "-"]))
    return out


@functools.cache
def country_iso3(name: str) -> str | None:
    for p in get_gazetteer().lookup(name):
        if p.feature == "country":
            return p.country
    return None


def location_correct(pred: EventLocation | None, key: str | None) -> tuple[bool, bool]:
    """(country right, country and place right)."""
    if pred is None:
        return False, False
    country_ok = place_ok = False
    for country, places in location_parts(key):
        if country_iso3(country) != pred.country:
            continue
        country_ok = True
        names = {fold(p) for p in places}
        if not places or fold(pred.name) in names or (pred.admin1 and fold(pred.admin1) in names):
            place_ok = True
    return country_ok, place_ok


# --- raw texts ----------------------------------------------------------------------------
#: A story's id line; the training stories add their source ("DEV-MUC3-0001 (NOSC)").
_DOC_ID = re.compile(r"^(?P<id>(?:TST|DEV)\d?-MUC\d-\d{4})(?:[ \t]+\([A-Z ]+\))?[ \t]*$", re.M | re.I)
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z .'\-]*?)(?:\s*\((?P<country>[A-Z .'\-]+)\))?,\s*"
    r"(?P<date>\d{1,2} [A-Z]{3}(?: \d{2})?|NO DATE)\s*(?:\((?P<agency>[^)]*)\))?\s*--\s*"
)
_NOT_PLACES = {"CLANDESTINE", "NO CITY"}


@dataclass
class RawDoc:
    doc_id: str
    text: str  # the pipeline input: wire header + true-cased body
    published: str | None
    place: str | None


def split_raw(text: str) -> list[tuple[str, str]]:
    """A raw MUC text file -> [(doc id, text)]."""
    marks = list(_DOC_ID.finditer(text))
    return [(m.group("id").upper(), text[m.end() : (marks[i + 1].start() if i + 1 < len(marks) else len(text))].strip("\n"))
            for i, m in enumerate(marks)]  # fmt: skip


_ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def raw_doc(doc_id: str, text: str) -> RawDoc:
    """Turn a MUC story into the wire-header form the pipeline reads. A mixed-case copy
    (``tst4-muc4.mixed-case``) keeps its case: only an all-upper-case body is true-cased."""
    m = _DATELINE.match(text.translate(_ASCII_UPPER))  # same offsets: the dateline grammar is upper case
    published = place = None
    body = text
    if m:
        body = text[m.end() :]
        d = _key_day(m.group("date")) if m.group("date") != "NO DATE" else None
        published = d.isoformat() if d else None
        place = None if m.group("place").strip() in _NOT_PLACES else m.group("place").strip().title()
    body = re.sub(r"^\s*(?:\[[A-Z ,.'\-]+\]\s*)+", "", body, flags=re.I)  # "[TEXT]", "[EXCERPT] [CONTINUED]"
    body = " ".join(body.split())
    if not re.search(r"[a-z]", body):
        body = truecase(body)
    header = ""
    if published:
        d = date.fromisoformat(published)
        agency = (m.group("agency") if m and m.group("agency") else "FBIS").title()
        agency = re.sub(r"[^A-Za-z0-9 &.\-]", "", agency)[:30] or "FBIS"
        header = f"date {published} {place or 'Unknown'}, {d.strftime('%b')} {d.day} ({agency}) "
    return RawDoc(doc_id, header + body, published, place)


_ACRONYM = re.compile(r"[\[(]([A-Z]{2,6})[\])]")
_SENT_START = re.compile(r"(^|[.!?]\s+|\"\s*)([a-z])")


def truecase(text: str) -> str:
    """Upper-case copy -> plausible mixed case: lower-case it, then capitalise sentence starts,
    tokens the tagger reads as proper nouns, gazetteer places and bracketed acronyms."""
    from ..stages.nlp import load_nlp

    acronyms = {a.lower() for a in _ACRONYM.findall(text)}
    low = _SENT_START.sub(lambda m: m.group(1) + m.group(2).upper(), text.lower())
    sp = load_nlp()(low)
    gaz = get_gazetteer()
    out = []
    for t in sp:
        w = t.text
        if w in acronyms:
            w = w.upper()
        elif t.pos_ == "PROPN" or (t.is_alpha and not t.is_stop and len(w) > 3 and t.pos_ not in _FUNCTION_POS
                                   and _is_place(gaz, w, locative=t.i > 0 and sp[t.i - 1].lower_ in _LOCATIVES)):
            w = w[:1].upper() + w[1:]
        out.append(w + t.whitespace_)
    return "".join(out)


_FUNCTION_POS = {"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "NUM", "ADV"}
_LOCATIVES = {"in", "near", "at", "of", "from", "to", "outside"}


def _is_place(gaz, word: str, locative: bool) -> bool:  # type: ignore[no-untyped-def]
    floor = 1_000 if locative else 10_000
    return any(p.primary and (p.feature != "city" or p.population >= floor) for p in gaz.candidates(word))


# --- split layout -------------------------------------------------------------------------
MIXED_CASE = ".mixed-case"


def raw_split_dir(root: Path, split: str) -> Path | None:
    """Raw texts and keys of one split: ``raw/<split>/`` (dev) or ``<split>_raw/`` (held-out test)."""
    return next((d for d in (root / "raw" / split, root / f"{split}_raw") if d.is_dir()), None)


def read_raw(folder: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """Key file contents and (doc id, text) pairs under a raw split folder (its subfolders
    too): ``key-*`` files are keys, other files texts. A ``*.mixed-case`` copy replaces the
    upper-case text of the same doc id, so no document counts twice."""
    keys: list[str] = []
    texts: dict[str, str] = {}
    mixed: set[str] = set()
    for f in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
        content = f.read_text(encoding="latin-1")
        if f.name.startswith("key-"):
            keys.append(content)
            continue
        is_mixed = f.name.endswith(MIXED_CASE)
        for doc_id, text in split_raw(content):
            if is_mixed or doc_id not in mixed:
                texts[doc_id] = text
            if is_mixed:
                mixed.add(doc_id)
    return keys, list(texts.items())


def resolve_muc4(path: Path, options: EvalOptions, need_gtt: bool = True) -> tuple[Split, Path, Path | None]:
    """The split, its raw folder and its GTT ``<split>.json`` (None when not needed and
    absent): PATH is the muc4 folder or a split file. E302 when a needed part is missing."""
    split = resolve_split(
        path, options, lambda root, name: find_split_file(root, name, [".json"]) or raw_split_dir(root, name),
        "{split}.json with raw/{split}/ or {split}_raw/",
    )  # fmt: skip
    raw = raw_split_dir(split.root, split.name)
    gtt = find_split_file(split.root, split.name, [".json"])
    missing = [f"raw/{split.name}/ or {split.name}_raw/"] if raw is None else []
    missing += [f"{split.name}.json"] if gtt is None and need_gtt else []
    if raw is None or missing:
        raise WirecoderError(E.E302, path=split.root, hint=f"Split '{split.name}' is missing {' and '.join(missing)}.")
    return split, raw, gtt


# --- predictions --------------------------------------------------------------------------
def incident_type(ev: Event) -> str | None:
    cfg = adapter_config()
    if ev.sub_event_type == "Looting/property destruction":
        words = " ".join(s.text for s in ev.evidence).lower()
        for itype, cues in cfg["property_destruction"].items():
            if any(re.search(rf"\b{re.escape(c)}", words) for c in cues):
                return itype
        return None
    return cfg["incident_types"].get(ev.sub_event_type or "") or cfg["incident_types"].get(ev.event_type)


def predicted_templates(doc: Document) -> list[tuple[Template, Event]]:
    """Each event of a MUC incident type as a template (the merge stage has already made
    one event of the mentions of one incident). Its arguments fill the slots: on dev they
    beat the rules' actor1/actor2 words, which only added wrong fillers beside them."""
    slot_of = adapter_config()["argument_slots"]
    out: list[tuple[Template, Event]] = []
    for ev in doc.events:
        itype = incident_type(ev)
        if itype is None:
            continue
        t = Template(itype)
        out.append((t, ev))
        for arg in ev.arguments:
            t.roles[slot_of[arg.role]].append([arg.text])
    return out


# --- template matching --------------------------------------------------------------------
def _match(pred: str, entity: list[str], mode: str) -> bool:
    if mode == "head":
        return bool(head_word(pred)) and any(head_word(pred) == head_word(m) for m in entity)
    return any(norm(pred) == norm(m) for m in entity)


def _pair_counts(g: Template, p: Template, mode: str) -> dict[str, tuple[int, int, int]]:
    """role -> (tp, fp, fn) for a gold and a predicted template."""
    out = {}
    for role in ROLES:
        gold, used = g.roles[role], set()
        tp = fp = 0
        for ent in p.roles[role]:
            hit = next((i for i, ge in enumerate(gold) if i not in used and any(_match(m, ge, mode) for m in ent)), None)
            if hit is None:
                fp += 1
            else:
                used.add(hit)
                tp += 1
        out[role] = (tp, fp, len(gold) - len(used))
    return out


def align(gold: list[Template], pred: list[Template], mode: str = "exact") -> list[tuple[int, int]]:
    """One-to-one alignment of same-type templates maximising matched fillers."""
    from scipy.optimize import linear_sum_assignment

    if not gold or not pred:
        return []
    big = 1000.0
    cost = [[0.0] * len(pred) for _ in gold]
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if g.incident_type != p.incident_type:
                cost[i][j] = big
            else:
                cost[i][j] = -(1 + sum(c[0] for c in _pair_counts(g, p, mode).values()))
    rows, cols = linear_sum_assignment(cost)
    return [(i, j) for i, j in zip(rows, cols, strict=True) if cost[i][j] < big]


def score_templates(gold: dict[str, list[Template]], pred: dict[str, list[Template]], mode: str = "exact") -> dict[str, PRF]:
    """Micro P/R/F1 per role, for incident types, and ``all`` (GTT-style)."""
    tallies = {r: PRF() for r in (*ROLES, "incident_type", "all")}
    for doc_id in gold.keys() | pred.keys():
        g, p = gold.get(doc_id, []), pred.get(doc_id, [])
        pairs = align(g, p, mode)
        for i, j in pairs:
            tallies["incident_type"].add(tp=1)
            for role, (tp, fp, fn) in _pair_counts(g[i], p[j], mode).items():
                tallies[role].add(tp, fp, fn)
        gi, pj = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, t in enumerate(g):
            if i not in gi:
                tallies["incident_type"].add(fn=1)
                for role in ROLES:
                    tallies[role].add(fn=len(t.roles[role]))
        for j, t in enumerate(p):
            if j not in pj:
                tallies["incident_type"].add(fp=1)
                for role in ROLES:
                    tallies[role].add(fp=len(t.roles[role]))
    for name, s in tallies.items():
        if name != "all":
            tallies["all"].add(s.tp, s.fp, s.fn)
    return tallies


# --- the adapter --------------------------------------------------------------------------
#: The most incident-specific fillers first: "guerrillas" is everywhere, "a peasant" is not.
_SPECIFIC_FIRST = ("Victim", "Target", "Weapon", "PerpOrg", "PerpInd")


def _trigger(doc: Document, t: Template) -> int | None:
    """Offset of a gold filler in the body (the ``oracle-span`` row): the first mention of
    the most specific role found."""
    low, body = doc.text.lower(), doc.scratch.get("body_start") or 0
    for role in _SPECIFIC_FIRST:
        hits = [h for ent in t.roles[role] for m in ent if (h := low.find(m.lower(), body)) >= 0]
        if hits:
            return min(hits)
    return None


def _first_in_text(doc: Document) -> tuple[str | None, EventLocation | None]:
    body = doc.scratch.get("body_start") or 0
    d = next((x.value for x in doc.dates if x.kind == "date" and x.value and x.start >= body), doc.published)
    towns = [(m.start, loc) for loc in doc.locations if loc.feature == "city" for m in loc.mentions if m.start >= body]
    loc = min(towns, key=lambda x: x[0])[1] if towns else None
    if loc is None:
        result = event_location(doc, body, body)
        return d, result[0] if result else None
    return d, EventLocation(loc.name, loc.admin1, loc.country, loc.lat, loc.lon)


def _dateline(doc: Document) -> EventLocation | None:
    for loc in doc.locations:
        if any(p.method.startswith("dateline") for p in loc.provenance) and loc.lat is not None:
            return EventLocation(loc.name, loc.admin1, loc.country, loc.lat, loc.lon)
    return None


def _majority_country(root: Path) -> str | None:
    """The most common key country of the train keys (``raw/train``); None without them."""
    counts: Counter[str] = Counter()
    for key in sorted((root / "raw" / "train").glob("key-*")):
        for temps in parse_keys(key.read_text(encoding="latin-1")).values():
            for t in temps:
                parts = location_parts(t.location)
                if parts:
                    counts[parts[0][0]] += 1
    return counts.most_common(1)[0][0] if counts else None


def _majority_template(root: Path) -> Template | None:
    """The most common incident type with each role's most common train filler; None
    without ``train.json`` (held-out data may be unpacked alone)."""
    train_file = root / "train.json"
    if not train_file.is_file():
        return None
    train = load_gtt(train_file.read_text(encoding="utf-8").splitlines())
    types: Counter[str] = Counter()
    fillers: dict[str, Counter[str]] = {r: Counter() for r in ROLES}
    for temps in train.values():
        for t in temps:
            types[t.incident_type] += 1
            for r in ROLES:
                fillers[r].update(norm(ent[0]) for ent in t.roles[r])
    if not types:
        return None
    t = Template(types.most_common(1)[0][0])
    for r in ROLES:
        if fillers[r]:
            t.roles[r] = [[fillers[r].most_common(1)[0][0]]]
    return t


@register_eval("muc4", help="MUC-4 (test = TST3+TST4, else dev = TST1+TST2; --split): GTT template F1 (exact/head) and incident date/location accuracy from raw keys.")
def evaluate(path: Path, options: EvalOptions) -> EvalResult:
    from ..pipeline import Pipeline

    split, raw_dir, gtt_file = resolve_muc4(path, options)
    root = split.root
    gtt = load_gtt(gtt_file.read_text(encoding="utf-8").splitlines()) if gtt_file else {}
    keys: dict[str, list[Template]] = {}
    key_texts, texts = read_raw(raw_dir)
    for content in key_texts:
        keys.update(parse_keys(content))
    if not texts:
        raise WirecoderError(E.E302, path=raw_dir, hint="No MUC texts (lines like TST3-MUC4-0001 opening each story) in it.")
    if options.limit:
        texts = texts[: options.limit]
        gtt = {i: gtt.get(i, []) for i, _ in texts}
    raws = [raw_doc(i, t) for i, t in texts]
    docs = [Document(text=r.text, doc_id=r.doc_id, published=r.published, published_from_meta=r.published is not None)
            for r in raws]  # fmt: skip
    out = list(Pipeline().pipe(docs))
    pred_t = {d.doc_id: predicted_templates(d) for d in out}

    systems: dict[str, dict[str, float | None]] = {s: {} for s in (SYSTEM, "oracle-span", "dateline", "first-in-text", "majority")}
    for mode in ("exact", "head"):
        s = score_templates(gtt, {k: [t for t, _ in v] for k, v in pred_t.items()}, mode)
        systems[SYSTEM].update(s["all"].as_dict(f"template_{mode}_"))
        if mode == "exact":
            for role in (*ROLES, "incident_type"):
                systems[SYSTEM][f"{role}_f1"] = s[role].f1
    notes: list[str] = []
    maj = _majority_template(root)
    if maj is None:
        notes.append("majority template baseline omitted: no train.json next to the split")
    for mode in ("exact", "head") if maj is not None else ():
        s = score_templates(gtt, {d: [maj] for d in gtt}, mode)
        systems["majority"].update(s["all"].as_dict(f"template_{mode}_"))

    majority_country = _majority_country(root)
    if majority_country is None:
        notes.append("majority country baseline omitted: no train keys in raw/train/")
    tallies: dict[str, Counter[str]] = {s: Counter() for s in (*systems, "wirecoder-aligned")}
    errors: list[dict[str, Any]] = []
    for doc in out:
        gold = keys.get(doc.doc_id, [])
        preds = pred_t.get(doc.doc_id, [])
        pairs = dict(align(gold, [t for t, _ in preds], "head"))
        first_date, first_loc = _first_in_text(doc)
        for i, g in enumerate(gold):
            guesses: dict[str, tuple[str | None, EventLocation | None]] = {
                "dateline": (doc.published, _dateline(doc)),
                "first-in-text": (first_date, first_loc),
            }
            ev = preds[pairs[i]][1] if i in pairs else None
            guesses[SYSTEM] = (ev.date, ev.location) if ev else (None, None)
            if ev is not None:
                guesses["wirecoder-aligned"] = guesses[SYSTEM]
            at = _trigger(doc, g)
            if at is not None:
                d, loc = event_date(doc, at, at + 1), event_location(doc, at, at + 1)
                guesses["oracle-span"] = (d[0] if d else None, loc[0] if loc else None)
            else:
                guesses["oracle-span"] = guesses["dateline"]
            if majority_country is not None:
                mc = country_iso3(majority_country)
                guesses["majority"] = (doc.published, EventLocation(majority_country, None, mc) if mc else None)
            for name, (d, loc) in guesses.items():
                t = tallies[name]
                t["n"] += 1
                t["date"] += date_correct(d, g.date) if date_intervals(g.date) else 0
                t["dated"] += bool(date_intervals(g.date))
                c_ok, p_ok = location_correct(loc, g.location)
                t["country"] += c_ok
                t["place"] += p_ok
                if name == "oracle-span" and (not date_correct(d, g.date) or not p_ok):
                    errors.append({"doc_id": doc.doc_id, "key_date": g.date, "pred_date": d, "key_location": g.location,
                                   "pred_location": loc.to_dict() if loc else None, "published": doc.published})  # fmt: skip
    for name, t in tallies.items():
        if t["n"]:
            # "wirecoder-aligned": the same figures over the gold templates an event was aligned to
            row = systems[SYSTEM] if name == "wirecoder-aligned" else systems[name]
            suffix = "_aligned" if name == "wirecoder-aligned" else ""
            row["date_accuracy" + suffix] = t["date"] / t["dated"] if t["dated"] else None
            row["country_accuracy" + suffix] = t["country"] / t["n"]
            row["location_accuracy" + suffix] = t["place"] / t["n"]
            if suffix:
                row["aligned_templates"] = t["n"]
    n_templates = sum(len(v) for v in keys.values() if v)
    if not systems["majority"]:
        del systems["majority"]
    details: dict[str, Any] = {"baseline_notes": notes} if notes else {}
    return EvalResult(
        dataset="muc4",
        path=str(root),
        n=len(out),
        systems=systems,
        details={"gold_templates": sum(len(v) for v in gtt.values()), "key_templates": n_templates,
                 "predicted_templates": sum(len(v) for v in pred_t.values()),
                 "failed_docs": sum(d.failed for d in out), **details},  # fmt: skip
        errors=errors,
        split=split.name,
    )
