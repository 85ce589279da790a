"""``jsonl``: one full contract record per line, as ``wirecoder extract`` prints them."""

from __future__ import annotations

import json
from pathlib import Path

from ..store import EventFilter, Store
from . import register_exporter
from ._io import text_out


@register_exporter("jsonl", help="Full records, one JSON object per line (the extract output).")
def write_jsonl(store: Store, out: Path | None, filter: EventFilter | None = None) -> int:
    n = 0
    with text_out(out) as fh:
        for rec in store.iter_records():
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n
