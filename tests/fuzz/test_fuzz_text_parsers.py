"""Properties of the parsers that read untrusted text: header, JSONL lines, byte
decoding, splitting, dates and casualty numbers. None may raise on any input."""

from __future__ import annotations

import json
import re

from hypothesis import example, given
from hypothesis import strategies as st

from wirecoder.document import Document
from wirecoder.ingest import parse_header
from wirecoder.ingest.readers import ReadOptions, decode_bytes, parse_jsonl_line, split_oversized

WIREISH = st.one_of(
    st.text(max_size=400),
    st.builds(
        lambda d, place, mon, agency, body: f"{d}{place}, {mon} ({agency}) - {body}",
        st.sampled_from(["", "date 2024-01-02 ", "date 9999-99-99 ", " date  "]),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=60),
        st.sampled_from(["Sep 5", "March 31, 2024", "", "Sept. 9", "Dec"]),
        st.text(max_size=35),
        st.text(max_size=100),
    ),
)


@given(WIREISH)
@example("date 2025-09-05 Quetta, Sep 5 (IANS) body")
def test_header_parser_is_total(text: str) -> None:
    h = parse_header(text)
    assert 0 <= h.body_start <= len(text)
    assert h.published is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", h.published)
    assert h.agency is None or h.agency in text


@given(st.binary(max_size=2000) | st.text(max_size=500))
@example(b'{"text": ' * 5000)
@example("[" * 100_000)
def test_jsonl_line_parser_never_raises(raw: bytes | str) -> None:
    doc = parse_jsonl_line(raw, "f.jsonl:1", 1)
    assert isinstance(doc, Document)
    assert doc.failed or isinstance(doc.text, str)


@given(
    st.dictionaries(st.sampled_from(["id", "text", "published", "source", "url", "title", "x"]),
                    st.one_of(st.none(), st.integers(), st.text(max_size=80), st.lists(st.integers(), max_size=3))),
)
def test_jsonl_objects_keep_their_fields(obj: dict) -> None:
    doc = parse_jsonl_line(json.dumps(obj), "f.jsonl:7", 7)
    text = obj.get("text")
    if isinstance(text, str) and text.strip():
        assert not doc.failed and doc.text == text
        if obj.get("id") not in (None, ""):
            assert doc.doc_id == str(obj["id"])
    else:
        assert doc.failed and doc.error.code in ("W001", "W005")


@given(st.binary(max_size=3000))
def test_decoder_is_total(data: bytes) -> None:
    out = decode_bytes(data, "x")
    assert isinstance(out, str) or (isinstance(out, Document) and out.failed)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=500).filter(str.strip))
def test_utf8_and_utf16_text_round_trips(text: str) -> None:
    assert decode_bytes(text.encode("utf-8"), "x") == text
    assert decode_bytes(text.encode("utf-16"), "x") == text


@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=3000), st.integers(20, 400), st.integers(1, 20))
def test_split_loses_nothing_up_to_max_parts(text: str, chunk: int, max_parts: int) -> None:
    doc = Document(text=text, doc_id="d", origin="d.txt")
    parts = list(split_oversized(doc, ReadOptions(chunk_chars=chunk, max_parts=max_parts)))
    good = [p for p in parts if not p.failed]
    assert all(len(p.text) <= chunk for p in good) or parts == [doc]
    if parts[-1].failed:
        assert parts[-1].error.code == "W010" and len(good) == max_parts
        assert text.startswith("".join(p.text for p in good))
    else:
        assert "".join(p.text for p in good) == text


DATE_WORDS = st.lists(
    st.sampled_from(["on", "last", "next", "Monday", "Friday", "week", "month", "year", "earlier", "this", "March",
                     "31", "29", "February", "2024", "1999", "0", "-5", "early", "late", "mid", "between", "and", "ago",
                     "days", "two", "9999", "Sept.", "the", "night", "of", "'", "’"]),
    max_size=8,
).map(" ".join)


@given(DATE_WORDS | st.text(max_size=60), st.sampled_from([None, "2024-03-01", "2000-02-29", "1900-01-01", "2100-12-31", "junk"]))
def test_date_resolution_is_total(text: str, published: str | None) -> None:
    from wirecoder.stages.dates import resolve_date

    m = resolve_date(text, published)
    if m is not None and m.value is not None:
        assert re.fullmatch(r"\d{4}(-\d{2}-\d{2})?", m.value)


NUMBER_WORDS = st.lists(
    st.sampled_from(["killed", "dead", "wounded", "injured", "at", "least", "dozens", "of", "two", "twenty-five",
                     "1,200", "15", "hundreds", "soldiers", "and", "three", "civilians", "rose", "to", "claimed",
                     "said", "many", "0", "99999999999999999999", "-3", "3.5", "a", "people", "."]),
    max_size=14,
).map(" ".join)


@given(NUMBER_WORDS | st.text(max_size=120), st.integers(0, 10_000))
def test_casualty_toll_is_total(text: str, offset: int) -> None:
    from wirecoder.events.numbers import casualty_toll, parse_number

    toll = casualty_toll(text, offset)
    assert toll.fatalities is not None and toll.fatalities >= 0
    assert toll.injuries is None or toll.injuries >= 0
    assert all(offset <= s <= e <= offset + len(text) for s, e in toll.spans)
    n = parse_number(text)
    assert n is None or n >= 0


def test_date_resolution_at_the_end_of_the_calendar() -> None:
    from wirecoder.stages.dates import resolve_date

    resolve_date("March 31", "9999-12-31")


@given(st.one_of(st.none(), st.integers(), st.text(max_size=30), st.dates().map(str), st.datetimes().map(lambda d: d.isoformat())))
def test_metadata_dates_are_plausible_or_none(value: object) -> None:
    from wirecoder.ingest.readers import PLAUSIBLE_YEARS, metadata_date

    out = metadata_date(value)
    assert out is None or (re.fullmatch(r"\d{4}-\d{2}-\d{2}", out) and PLAUSIBLE_YEARS[0] <= int(out[:4]) <= PLAUSIBLE_YEARS[1])
    if isinstance(value, str) and re.fullmatch(r"(19|20)\d\d-\d\d-\d\d.*", value) and out is not None:
        assert out == value[:10]
