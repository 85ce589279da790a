"""Bad input: every input ends as a document or a failure with a reason, never lost."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from wirecoder.ingest import ReadOptions, read_paths
from wirecoder.ingest.readers import decode_bytes, split_oversized
from wirecoder.document import Document

TEXT = "Soldiers in Ségou, Mali, fired on a crowd – “enough”, residents said; 4 people died."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-16"),  # BOM, little-endian
        b"\xfe\xff" + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-8-sig"),
        TEXT.encode("utf-32"),
        TEXT.encode("cp1252"),
    ],
    ids=["utf16le-bom", "utf16be-bom", "utf8-bom", "utf32-bom", "cp1252"],
)
def test_encodings_are_detected(data: bytes) -> None:
    assert decode_bytes(data, "x") == TEXT


def test_latin1_and_stray_bytes() -> None:
    latin = "Gendarmes à Ségou ont arrêté le préfet de Niono, selon des témoins."
    assert decode_bytes(latin.encode("latin-1"), "x") == latin
    mostly = ("Protesters in Naypyidaw – thousands – marched. " * 20).encode() + b"\xff"
    out = decode_bytes(mostly, "x")
    assert isinstance(out, str) and out.startswith("Protesters in Naypyidaw – thousands") and out.endswith("\ufffd")


@pytest.mark.parametrize(
    ("data", "code"),
    [(b"", "W001"), (b" \n\t \r\n", "W001"), (bytes(range(256)) * 4, "W002"), (b"\xff\xfe", "W001")],
)
def test_unreadable_bytes_fail_with_a_code(data: bytes, code: str) -> None:
    out = decode_bytes(data, "x")
    assert isinstance(out, Document) and out.error.code == code


def test_malformed_jsonl_lines_each_accounted(tmp_path: Path) -> None:
    f = tmp_path / "mixed.jsonl"
    f.write_bytes(
        (json.dumps({"id": "ok", "text": TEXT}) + "\n{broken\n" + "[" * 50_000 + "\n\n" + '"str"\n').encode()
        + b'{"text": "\xff bad utf8"}\n'
    )
    docs = list(read_paths([f]))
    assert [(d.doc_id, d.error.code if d.error else None) for d in docs] == [
        ("ok", None), (f"failed:{f}:2", "W004"), (f"failed:{f}:3", "W004"), (f"failed:{f}:5", "W004"), (f"failed:{f}:6", "W004"),
    ]
    (tmp_path / "blank.jsonl").write_text("\n  \n")
    assert [d.error.code for d in read_paths([tmp_path / "blank.jsonl"])] == ["W001"]


def test_truncated_gzip_keeps_lines_read(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"id": f"g{i}", "text": f"{TEXT} ({i})"}) + "\n" for i in range(200))
    f = tmp_path / "cut.jsonl.gz"
    f.write_bytes(gzip.compress(lines.encode())[:-40])
    docs = list(read_paths([f]))
    assert not any(d.failed for d in docs[:-1]) and len(docs) > 100
    assert docs[-1].error.code == "W008"
    t = tmp_path / "cut.txt.gz"
    t.write_bytes(gzip.compress(TEXT.encode() * 100)[:-20])
    assert [d.error.code for d in read_paths([t])] == ["W008"]
    ok = tmp_path / "fine.txt.gz"
    ok.write_bytes(gzip.compress(TEXT.encode()))
    [d] = list(read_paths([ok]))
    assert d.text == TEXT and d.doc_id == "fine"


def test_oversized_text_is_split_on_paragraphs(tmp_path: Path) -> None:
    para = "date 2024-02-01 " + TEXT + "\n\n"
    f = tmp_path / "dump.txt"
    n = 250_000 // len(para)
    f.write_text(para * n, encoding="utf-8")  # ~250 kB
    docs = list(read_paths([f], options=ReadOptions(chunk_chars=100_000)))
    assert [d.doc_id for d in docs] == ["dump#part-1", "dump#part-2", "dump#part-3"]
    assert "".join(d.text for d in docs) == para * n  # nothing lost, nothing repeated
    assert all(d.text.endswith("\n\n") for d in docs[:-1]) and all(len(d.text) <= 100_000 for d in docs)
    assert {d.published for d in docs} == {"2024-02-01"}


def test_past_max_parts_the_rest_is_a_w010_failure() -> None:
    doc = Document(text="word " * 50_000, doc_id="big", origin="big.txt")
    parts = list(split_oversized(doc, ReadOptions(chunk_chars=10_000, max_parts=3)))
    assert [p.doc_id for p in parts[:3]] == ["big#part-1", "big#part-2", "big#part-3"]
    assert len(parts) == 4 and parts[3].error.code == "W010" and "not coded" in parts[3].error.message


@pytest.mark.slow
def test_fifty_megabytes_streams_into_parts(tmp_path: Path) -> None:
    f = tmp_path / "fifty.txt"
    with f.open("w", encoding="utf-8") as fh:
        for _ in range(50 * 2**20 // 100):
            fh.write(TEXT[:98] + "\n\n")
    docs = list(read_paths([f]))
    assert len(docs) == 51 and docs[-1].error.code == "W010"
    assert all(len(d.text) <= 100_000 for d in docs[:-1])


def test_unknown_and_missing_files(tmp_path: Path) -> None:
    (tmp_path / "x.bin").write_bytes(b"abc")
    docs = list(read_paths([tmp_path / "x.bin", tmp_path / "nope.txt"]))
    assert [d.error.code for d in docs] == ["W007", "W006"]
