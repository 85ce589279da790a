"""Properties of the markup readers: HTML extraction, feeds and WARC archives take any
bytes without raising, and every output is a Document (read, or failed with a code)."""

from __future__ import annotations

import io
import re

from hypothesis import example, given
from hypothesis import strategies as st

from wirecoder.document import Document
from wirecoder.errors import E
from wirecoder.ingest.feed import read_feed_stream
from wirecoder.ingest.html import MAX_DEPTH, defuse_html, fragment_text, html_to_document
from wirecoder.ingest.readers import ReadOptions
from wirecoder.ingest.warc import read_warc_stream

CODES = {e.name for e in E}
TAGS = ["div", "p", "span", "article", "b", "script", "style", "nav", "table", "td", "br", "img", "meta", "!--", "title"]


@st.composite
def html_soup(draw: st.DrawFn) -> str:
    """Tag soup: random opening/closing tags, attributes and text, often unbalanced."""
    parts = []
    for _ in range(draw(st.integers(0, 60))):
        kind = draw(st.integers(0, 3))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            attr = draw(st.text(alphabet=st.sampled_from('ab="\' =<>&;x'), max_size=20))
            parts.append(f"<{tag} {attr}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        else:
            parts.append(draw(st.text(max_size=40)))
    return "".join(parts)


def _ok(doc: object) -> None:
    assert isinstance(doc, Document)
    if doc.failed:
        assert doc.error.code in CODES and doc.text == ""
    else:
        assert doc.text.strip()


@given(html_soup() | st.text(max_size=300))
@example("<div>" * 5000 + "Police fired on a crowd of farmers in Punjab, officials said." + "</div>" * 10)
@example("<p " + "a" * 100_000 + ">x</p>")
def test_html_extraction_is_total(page: str) -> None:
    _ok(html_to_document(page, origin="fuzz.html", options=ReadOptions(html_budget=5)))


@given(st.binary(max_size=2000))
def test_html_extraction_takes_any_bytes(data: bytes) -> None:
    _ok(html_to_document(data, origin="fuzz.html", options=ReadOptions(html_budget=5)))


@given(html_soup())
def test_defused_html_is_bounded(page: str) -> None:
    out = defuse_html(page)
    assert len(out) <= len(page)
    depth = peak = 0
    for m in re.finditer(r"<(/?)([A-Za-z][A-Za-z0-9:_-]{0,63})([^<>]*)>", out):
        if m.group(2).lower() in ("br", "img", "meta") or m.group(3).rstrip().endswith("/"):
            continue
        depth = max(0, depth - 1) if m.group(1) else depth + 1
        peak = max(peak, depth)
    assert peak <= MAX_DEPTH


@given(html_soup())
def test_fragment_text_is_total(fragment: str) -> None:
    text = fragment_text(fragment)
    assert isinstance(text, str) and "\n\n" not in text


ITEM = st.builds(
    lambda guid, title, date, body: f"<item><guid>{guid}</guid><title>{title}</title><pubDate>{date}</pubDate><description>{body}</description></item>",
    st.text(alphabet=st.characters(codec="ascii", exclude_characters="<&"), max_size=20),
    st.text(max_size=30).map(lambda s: s.replace("<", "&lt;").replace("&", "&amp;")),
    st.sampled_from(["Tue, 07 May 2024 08:00:00 GMT", "2024-05-07", "yesterday", "", "Thu, 31 Feb 2024 99:99:99 +9999"]),
    st.text(max_size=80).map(lambda s: s.replace("&", "&amp;").replace("<", "&lt;")),
)


@given(st.lists(ITEM, max_size=6), st.integers(0, 400))
def test_feeds_are_total_and_stable(items: list[str], cut: int) -> None:
    data = ('<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>' + "".join(items) + "</channel></rss>").encode()
    for blob in (data, data[: len(data) - cut]):
        first = list(read_feed_stream(io.BytesIO(blob), "f.rss"))
        again = list(read_feed_stream(io.BytesIO(blob), "f.rss"))
        for doc in first:
            _ok(doc)
        assert first, "a feed always yields at least one document or failure"
        assert [(d.doc_id, d.text) for d in first] == [(d.doc_id, d.text) for d in again]


@given(st.binary(max_size=3000))
@example(b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a SYSTEM 'file:///etc/passwd'>]><rss><channel><item><description>&a;</description></item></channel></rss>")
def test_feed_reader_takes_any_bytes(data: bytes) -> None:
    docs = list(read_feed_stream(io.BytesIO(data), "f.xml"))
    assert docs
    for doc in docs:
        _ok(doc)
        assert "root:x:" not in doc.text


def _warc(pages: list[str], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for i, page in enumerate(pages):
        hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"http://x/{i}", "response", payload=io.BytesIO(page.encode("utf-8", "surrogatepass")), http_headers=hh))
    return buf.getvalue()


@given(st.lists(html_soup(), min_size=1, max_size=4), st.booleans(), st.floats(0, 1), st.binary(max_size=50))
def test_warc_reader_survives_cuts_and_noise(pages: list[str], gz: bool, keep: float, noise: bytes) -> None:
    data = _warc(pages, gz)
    for blob in (data, data[: int(len(data) * keep)], data[: int(len(data) * keep)] + noise):
        docs = list(read_warc_stream(io.BytesIO(blob), "a.warc"))
        for doc in docs:
            _ok(doc)
        w008 = [d for d in docs if d.failed and d.error.code == "W008"]
        assert len(w008) <= 1 and (not w008 or docs[-1] is w008[0])
        assert len(docs) <= len(pages) + 1


@given(st.binary(max_size=3000))
def test_warc_reader_takes_any_bytes(data: bytes) -> None:
    docs = list(read_warc_stream(io.BytesIO(data), "a.warc"))
    for doc in docs:
        _ok(doc)
