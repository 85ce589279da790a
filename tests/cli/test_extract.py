"""``wirecoder extract``: stdout carries only records, one per input document, ids kept."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wirecoder.cli", "extract", *args], input=stdin,
                          capture_output=True, text=True, timeout=600, check=False)


def test_jsonl_in_jsonl_out_one_record_per_document(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "n1", "text": "Gunmen shot dead two policemen in Kano on Monday, officials said.", "published": "2024-05-07"}) + "\n"
        + "{broken\n"
        + json.dumps({"id": "n3", "text": "Thousands of protesters marched in Dhaka on Friday.", "published": "2024-05-10"}) + "\n",
        encoding="utf-8",
    )
    proc = _run(str(src), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    records = [json.loads(line) for line in lines]  # every stdout line is a JSON record
    assert [r["doc_id"] for r in records][0::2] == ["n1", "n3"]
    assert records[1]["error"]["code"] == "W004"
    assert records[0]["events"] and records[0]["events"][0]["fatalities"] == 2
