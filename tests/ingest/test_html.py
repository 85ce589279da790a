"""HTML pages: main text, metadata, and pages built to hurt the parser."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from wirecoder.document import Document
from wirecoder.ingest import ReadOptions, read_paths
from wirecoder.ingest.html import MAX_DEPTH, defuse_html, fragment_text, html_to_document
from wirecoder.stages.normalize import Normalize

REPORT = (
    "MOGADISHU, March 3 (AFP) - A car bomb exploded near a hotel in Mogadishu on Sunday, "
    "killing seven people, police said. Al-Shabaab claimed responsibility for the blast."
)
PAGE = f"""<html><head><title>Car bomb kills seven in Mogadishu</title>
<meta property="article:published_time" content="2024-03-03T09:15:00Z">
<meta name="author" content="Abdi Hassan"></head>
<body><nav><a href="/">Home</a> | <a href="/africa">Africa</a> | Subscribe now</nav>
<article><h1>Car bomb kills seven in Mogadishu</h1><p>{REPORT}</p>
<p>The attack was the third in the capital this month, residents said.</p></article>
<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"""


def test_page_gives_main_text_and_metadata(tmp_path: Path) -> None:
    f = tmp_path / "mogadishu.html"
    f.write_text(PAGE, encoding="utf-8")
    [doc] = list(read_paths([f]))
    assert doc.error is None
    assert REPORT in doc.text and "Subscribe now" not in doc.text and "Copyright" not in doc.text
    assert (doc.title, doc.author, doc.published, doc.published_from_meta) == (
        "Car bomb kills seven in Mogadishu", "Abdi Hassan", "2024-03-03", True,
    )
    start = doc.text.index("car bomb")
    assert doc.text[start:start + 8] == "car bomb"  # offsets index the stored (extracted) text


def test_page_date_overrides_the_header_guess() -> None:
    page = PAGE.replace("MOGADISHU, March 3 (AFP)", "date 2019-01-01 Mogadishu, Jan 1 (AFP)")
    doc = Normalize()(html_to_document(page, origin="x"))
    assert doc.published == "2024-03-03"
    assert doc.dateline.agency == "AFP"


def test_deep_nesting_keeps_the_text_and_is_quick() -> None:
    bomb = "<html><body>" + "<div>" * 200_000 + REPORT + "</div>" * 200_000 + "</body></html>"
    t = time.monotonic()
    doc = html_to_document(bomb, origin="bomb")
    assert time.monotonic() - t < 10
    assert doc.error is None and "car bomb exploded" in doc.text


def test_defuse_caps_depth_and_attributes() -> None:
    out = defuse_html("<div>" * (MAX_DEPTH + 50) + "x" + "</div>" * (MAX_DEPTH + 50) + '<p a="' + "z" * 10_000 + '">y</p>')
    assert out.count("<div>") == MAX_DEPTH and out.count("</div>") == MAX_DEPTH
    assert "zzzz" not in out and "<p>y</p>" in out


def test_huge_attribute_does_not_stall() -> None:
    page = '<html><body><p data-x="' + "A" * 5_000_000 + f'">{REPORT}</p></body></html>'
    t = time.monotonic()
    doc = html_to_document(page.encode(), origin="attr")
    assert time.monotonic() - t < 5 and doc.error is None and "Mogadishu" in doc.text


@pytest.mark.parametrize(
    ("page", "code"),
    [
        (b"", "W001"),
        (b"   \n ", "W001"),
        (b"<html><body><nav>Home</nav><script>x=1</script></body></html>", "W009"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "W002"),
        (("<html><body>" + "<span>x</span>" * 150_000 + "</body></html>").encode(), "W009"),
    ],
)
def test_pages_without_a_report_fail_with_a_reason(page: bytes, code: str) -> None:
    doc = html_to_document(page, origin="p.html")
    assert doc.failed and doc.error.code == code and doc.error.source == "p.html"


def test_time_budget_turns_a_slow_extraction_into_w011(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def crawl(*args: object, **kwargs: object) -> None:
        time.sleep(5)

    monkeypatch.setattr(trafilatura, "bare_extraction", crawl)
    t = time.monotonic()
    doc = html_to_document(PAGE, origin="slow.html", options=ReadOptions(html_budget=0.3))
    assert time.monotonic() - t < 2
    assert doc.error.code == "W011"


def test_fragment_text_keeps_paragraphs_and_decodes_entities() -> None:
    text = fragment_text("<p>Troops &amp; police</p><p>fired <b>tear gas</b>.</p><script>evil()</script>")
    assert text == "Troops & police\nfired tear gas."


def test_html_document_is_a_document() -> None:
    assert isinstance(html_to_document(PAGE, origin="x", doc_id="given"), Document)
    assert html_to_document(PAGE, origin="x", doc_id="given").doc_id == "given"


def test_oversized_page_is_cut_and_the_cut_recorded(tmp_path: Path) -> None:
    f = tmp_path / "huge.html"
    f.write_text(PAGE.replace("</article>", "<p>" + "filler text. " * 20_000 + "</p></article>"), encoding="utf-8")
    docs = list(read_paths([f], options=ReadOptions(max_html_bytes=50_000)))
    assert not docs[0].failed and REPORT in docs[0].text
    assert docs[1].error.code == "W010" and docs[1].doc_id == f"failed:{f}#rest"
