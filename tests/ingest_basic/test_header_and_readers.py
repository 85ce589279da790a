"""Wire header parsing and the plain-text / JSONL readers on inputs we write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirecoder.ingest import parse_header, read_paths


def test_wire_header_with_date_prefix() -> None:
    h = parse_header(" date 2025-09-05 Quetta, Sep 5 (IANS) A leading group said")
    assert (h.published, h.place, h.agency) == ("2025-09-05", "Quetta", "IANS")
    assert " date 2025-09-05 Quetta, Sep 5 (IANS) A leading"[h.body_start:].startswith("A leading")


def test_classic_dateline_without_prefix() -> None:
    h = parse_header("LAGOS, Nigeria (Reuters) - Gunmen killed five people")
    assert (h.published, h.place, h.agency) == (None, "Lagos", "Reuters")


@pytest.mark.parametrize(("line", "published", "place"), [
    ("BEIRUT, Feb 10, 2025 (Reuters) - Shelling killed seven civilians", "2025-02-10", "Beirut"),
    ("SRINAGAR, India, May 6, 2024 (AP) - Suspected militants shot dead", "2024-05-06", "Srinagar"),
    ("KABUL, 6 May 2024 (AFP) - A bomb exploded", "2024-05-06", "Kabul"),
    ("Yangon, Sept. 3, 2021 (AP) Soldiers raided", "2021-09-03", "Yangon"),
    ("QUETTA, Sep 5 (IANS) - no year, so no date", None, "Quetta"),
    ("LAGOS, Feb 30, 2025 (AFP) - no such day", None, "Lagos"),
])
def test_a_dateline_date_with_its_year_is_the_publication_date(line, published, place) -> None:
    h = parse_header(line)
    assert (h.published, h.place) == (published, place)


def test_no_header() -> None:
    h = parse_header("Gunmen killed five people in a village on Sunday.")
    assert (h.published, h.place, h.agency, h.body_start) == (None, None, None, 0)


def test_jsonl_keeps_ids_and_reports_bad_lines(tmp_path: Path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text(
        json.dumps({"id": "a1", "text": "Police arrested two men.", "published": "2024-01-02"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "a3", "text": 5}) + "\n"
        + json.dumps({"id": "a4", "text": "   "}) + "\n",
        encoding="utf-8",
    )
    docs = list(read_paths([f]))
    assert [d.doc_id for d in docs][0] == "a1" and docs[0].published == "2024-01-02"
    assert [d.error.code if d.error else None for d in docs] == [None, "W004", "W005", "W001"]
    assert docs[1].error.source.endswith("in.jsonl:2")


def test_text_reader_refuses_binary_and_decodes_cp1252(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    (tmp_path / "cp.txt").write_bytes("Protesters gathered in Bogotá on Monday – police said.".encode("cp1252"))
    docs = {Path(d.origin).name: d for d in read_paths([tmp_path])}
    assert docs["bin.txt"].error.code == "W002"
    assert docs["empty.txt"].error.code == "W001"
    assert docs["cp.txt"].error is None and "Bogotá" in docs["cp.txt"].text


def test_a_lead_with_a_parenthesis_is_no_dateline() -> None:
    """A lower-case clause, or a group's name with its acronym, is the body's first words."""
    for lead in (
        "Gunmen shot dead a guard (a retired soldier) in the market on Friday.",
        "Jamaat-e-Islami (JI) workers blocked the highway for three hours.",
        "JUI(F) leaders addressed a rally in the town.",
    ):
        h = parse_header(lead)
        assert (h.place, h.agency, h.body_start) == (None, None, 0), lead


def test_datelines_with_particles_and_capitals() -> None:
    assert parse_header("Dar es Salaam, May 2 (AFP) Police said").place == "Dar es Salaam"
    assert parse_header("DERA ISMAIL KHAN (Dawn) Two men were hurt").place == "Dera Ismail Khan"
