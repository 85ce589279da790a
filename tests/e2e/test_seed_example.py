"""End to end over ../shared/examples: the real pipeline against the hand-made records."""

from __future__ import annotations

from pathlib import Path

from wirecoder.eval import EvalOptions, get_adapter
from wirecoder.eval.examples import invariant_violations


def test_examples_field_agreement(shared_dir: Path) -> None:
    result = get_adapter("examples")(shared_dir / "examples", EvalOptions())
    metrics = result.systems["wirecoder"]
    assert result.n >= 1
    assert metrics["must_not_violations"] == 0, [m for m in result.errors if m["field"] == "must_not"]
    assert metrics["overall_field_agreement"] >= 0.80, sorted(
        (m["field"], m["expected"], m["got"]) for m in result.errors
    )


def test_seed_event_fields(shared_dir: Path, pipeline) -> None:
    from wirecoder.ingest import read_paths

    doc = pipeline(next(read_paths([shared_dir / "examples" / "ians-quetta-2025-09-05" / "article.txt"])))
    rec = doc.to_record()
    assert invariant_violations(rec) == []
    assert rec["published"] == "2025-09-05"
    assert rec["dateline"] == {"place": "Quetta", "agency": "IANS"}
    attacks = [e for e in rec["events"] if e["event_type"] == "Explosions/Remote violence"]
    assert len(attacks) == 1
    ev = attacks[0]
    assert (ev["sub_event_type"], ev["date"], ev["fatalities"], ev["injuries"]) == ("Suicide bomb", "2025-09-02", 15, None)
    assert ev["location"]["name"] == "Quetta" and ev["location"]["admin1"] == "Balochistan"
    assert ev["attribution"] == "claimed"
    assert ev["actor1"]["name"] == "Islamic State Pakistan Province"
    us = [s for s in rec["statements"] if s["channel"] == "X"]
    assert us and us[0]["speaker"]["name"] == "Government of the United States" and us[0]["date"] == "2025-09-04"
    bvj_direct = [s for s in rec["statements"] if s["kind"] == "direct" and s["speaker"] and s["speaker"]["name"] == "Baloch Voice for Justice"]
    assert len(bvj_direct) == 2
    # every evidence span indexes the stored text
    for ev in rec["events"]:
        for span in ev["evidence"]:
            assert doc.text[span["start"] : span["end"]] == span["text"]
