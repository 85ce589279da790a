"""Readers for the labelled event datasets (ACLED 2015/2021, CASE 2021 task 2, PLOVER GSR).

Shared by the eval adapters and ``scripts/train_event_classifier.py``. The data stays
under ``shared/data`` (licences): it is read at eval/training time, never copied here.
Each reader yields ``LabelledText`` rows: the text, the labels this dataset carries and
the raw row for field-level scoring.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .lexicon import NONE, taxonomy


@dataclass
class LabelledText:
    """One labelled item: ``fine`` is an ACLED sub-event type (or a CASE non-event
    label), ``coarse`` the scoring group (event type, Protests|Riots merged, or NONE)."""

    text: str
    key: str
    coarse: str | None = None
    fine: str | None = None
    published: str | None = None
    row: dict[str, Any] = field(default_factory=dict)


def fold_of(key: str, folds: int) -> int:
    """A stable cross-validation fold for an item (hash of its key)."""
    return int(hashlib.md5(key.encode("utf-8")).hexdigest()[8:16], 16) % folds


def _acled_date(raw: str) -> str | None:
    raw = raw.strip()
    for fmt in ("%d-%B-%Y", "%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d", "%d %B %Y"):
        try:
            return dt.datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def read_acled(path: Path) -> Iterator[LabelledText]:
    """Either ACLED schema: 2015 (upper-case columns, old types mapped via
    ``taxonomy.yaml`` ``legacy_2015``) or modern (lower-case, with sub_event_type)."""
    tax = taxonomy()
    with path.open(encoding="utf-8", newline="") as fh:
        for raw in csv.DictReader(fh):
            row = {k.lower(): ("" if v in (None, "NA") else v) for k, v in raw.items()}
            notes = row["notes"].replace("\xa0", " ")
            date = _acled_date(row["event_date"])
            sub = row.get("sub_event_type") or None
            if sub:
                coarse = tax.coarse(sub)
            else:
                coarse = tax.legacy_2015.get(row["event_type"], row["event_type"])
            row["date"] = date
            yield LabelledText(notes, f"{notes}|{row['event_date']}", coarse, sub, date, row)


def read_case(path: Path) -> Iterator[LabelledText]:
    """CASE 2021 task 2: ``id<TAB>EventSnippet<TAB>SubType`` (labels in CASE names,
    mapped to ACLED sub-event types where they have one)."""
    tax = taxonomy()
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        for cells in reader:
            if len(cells) < 3:
                continue
            row = dict(zip(header, cells, strict=False))
            label = row["SubType"].strip()
            fine = tax.sub_of_case.get(label, label)
            yield LabelledText(row["EventSnippet"], row["EventSnippet"], tax.coarse(fine), fine, None, row)


def read_plover(path: Path) -> Iterator[LabelledText]:
    """PLOVER GSR JSON array; the DOCUMENT header record is skipped. ``fine`` holds the
    PLOVER category here (PLOVER is not an ACLED taxonomy)."""
    records = json.loads(path.read_text(encoding="utf-8"))
    for rec in records:
        if rec.get("event") in (None, "DOCUMENT") or not rec.get("text"):
            continue
        yield LabelledText(rec["text"], rec["text"], None, rec["event"], None, rec)


def is_event(item: LabelledText) -> bool:
    return item.coarse not in (None, NONE)
