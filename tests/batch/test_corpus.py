"""The synthetic corpus: deterministic, varied, wire-shaped, streamable."""

from __future__ import annotations

import json
from collections import Counter

from wirecoder.corpus import generate, load_lexicon, make_report, write_jsonl
from wirecoder.ingest.header import parse_header


def test_same_seed_same_report_and_other_seed_differs() -> None:
    assert make_report(7, seed=3) == make_report(7, seed=3)
    assert make_report(7, seed=3)["text"] != make_report(7, seed=4)["text"]
    assert make_report(7, seed=3)["text"] != make_report(8, seed=3)["text"]


def test_a_slice_regenerates_alone() -> None:
    full = list(generate(12, seed=5))
    assert list(generate(4, seed=5, start=8)) == full[8:]


def test_reports_are_about_400_words_with_a_parseable_wire_header() -> None:
    for rec in generate(40, seed=1):
        words = len(rec["text"].split())
        assert 350 <= words <= 520, (rec["id"], words)
        header = parse_header(rec["text"])
        assert header.published == rec["published"]
        assert header.place and rec["text"].count(header.place) >= 2  # the dateline town recurs in the body
        assert header.agency
        assert "{" not in rec["text"]  # every slot was filled


def test_corpus_spans_kinds_and_countries() -> None:
    recs = list(generate(300, seed=2))
    kinds = Counter(r["kind"] for r in recs)
    assert set(kinds) == set(load_lexicon().kinds)
    towns = {parse_header(r["text"]).place for r in recs}
    assert len(towns) > 150
    assert len({r["id"] for r in recs}) == 300


def test_write_jsonl_streams_objects(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "c.jsonl"
    assert write_jsonl(path, 5, seed=9) == 5
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(x) for x in lines] == list(generate(5, seed=9))
