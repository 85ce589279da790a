"""A small mixed corpus written for these tests (JSONL with a bad line, a text folder, a
Parquet file) and the records ``wirecoder extract`` gives for it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPORTS = [
    {
        "id": "t-kunduz",
        "published": "2025-04-08",
        "text": "date 2025-04-08 Kunduz, Apr 8 (Pajhwok) Gunmen killed three Taliban police officers at a "
        "checkpoint in Kunduz on Monday night, a provincial police spokesman said.\n\nIslamic State Khorasan "
        "Province claimed responsibility for the attack in a statement on Tuesday.",
    },
    {
        "id": "t-gao",
        "text": "date 2024-11-02 Gao, Nov 2 (AFP) Malian soldiers clashed with jihadist fighters near Gao on "
        "Friday, leaving five soldiers dead, the army said in a statement.\n\n\"Our troops responded with "
        "force,\" an army spokesman said.",
    },
    {
        "id": "t-lahore",
        "published": "2025-01-15",
        "text": "date 2025-01-15 Lahore, Jan 15 (APP) Thousands of traders marched through Lahore on Wednesday "
        "to protest against new taxes. Police arrested 12 protesters near the governor's house.",
    },
]
TEXT_REPORT = (
    "date 2024-06-20 Mosul, Jun 20 (INA) A roadside bomb struck an army patrol south of Mosul on "
    "Thursday, killing two soldiers and wounding four, a security official said.\n"
)


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``reports.jsonl`` (three reports, an empty text, a malformed line), ``texts/`` (one
    report) and ``reports.parquet`` (two rows)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    root = tmp_path_factory.mktemp("batch_corpus")
    lines = [json.dumps(r) for r in REPORTS] + ['{"id": "t-empty", "text": "   "}', "{not json"]
    (root / "reports.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "texts").mkdir()
    (root / "texts" / "mosul-ied.txt").write_text(TEXT_REPORT, encoding="utf-8")
    table = pa.Table.from_pylist(
        [{"id": f"pq-{r['id']}", "text": r["text"], "published": r.get("published")} for r in REPORTS[:2]]
    )
    pq.write_table(table, root / "reports.parquet")
    return root


@pytest.fixture(scope="session")
def expected_records(corpus_dir: Path, pipeline) -> dict[str, dict[str, Any]]:  # type: ignore[no-untyped-def]
    """What ``wirecoder extract`` prints for every input of ``corpus_dir``, by doc_id."""
    from wirecoder.batch import sources  # noqa: F401  (registers the Parquet reader)
    from wirecoder.ingest import read_paths

    inputs = [corpus_dir / "reports.jsonl", corpus_dir / "texts", corpus_dir / "reports.parquet"]
    return {d.doc_id: d.to_record() for d in pipeline.pipe(read_paths([str(p) for p in inputs]))}
