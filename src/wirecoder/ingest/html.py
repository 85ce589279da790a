"""HTML pages → Documents: trafilatura keeps the main text (boilerplate removed), and
that extracted text is the stored text every offset indexes.

Untrusted pages are defused before trafilatura sees them: cut to a size limit, tags
nested deeper than ``MAX_DEPTH`` dropped (their text kept; libxml2 otherwise gives up
on the whole page), oversized attributes emptied, and the extraction runs under a
wall-clock budget. A page with no main text is a failed document (W009), not an empty one.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from ..document import Document
from ..errors import E
from .readers import DEFAULT_OPTIONS, ReadOptions, decode_bytes, failed_document, register_reader

#: Tags nested deeper than this are dropped (their text stays).
MAX_DEPTH = 120
#: Attribute strings longer than this are emptied (a multi-MB ``data-`` attribute is an attack or junk).
MAX_ATTR_CHARS = 4096
#: Pages with more elements than this are refused before parsing (W009): a news page has a
#: few thousand; hundreds of thousands is a bomb, and trafilatura's fallbacks crawl on it.
MAX_TREE_SIZE = 100_000
#: Main text shorter than this (after stripping) is navigation debris, not a report (W009).
MIN_TEXT_CHARS = 25

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:_-]{0,63})([^<>]*)>")
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)


def defuse_html(html: str, max_chars: int = DEFAULT_OPTIONS.max_html_bytes) -> str:
    """Bound what the HTML parser will see: size, nesting depth, attribute length."""
    return _defuse(html, max_chars)[0]


def _defuse(html: str, max_chars: int) -> tuple[str, int]:
    """``defuse_html`` plus the number of element tags kept."""
    html = html[:max_chars]
    depth = 0
    tags = 0

    def fix(m: re.Match[str]) -> str:
        nonlocal depth, tags
        closing, name, attrs = m.group(1), m.group(2).lower(), m.group(3)
        if closing:
            drop = depth > MAX_DEPTH
            depth = max(0, depth - 1)
            return "" if drop else m.group(0)
        if name in _VOID or attrs.rstrip().endswith("/"):
            return m.group(0) if len(attrs) <= MAX_ATTR_CHARS else f"<{name}>"
        depth += 1
        if depth > MAX_DEPTH:
            return ""
        tags += 1
        return m.group(0) if len(attrs) <= MAX_ATTR_CHARS else f"<{name}>"

    return _TAG.sub(fix, html), tags


@cache
def _trafilatura_config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_SIZE))
    return config


class BudgetExceeded(Exception):
    """Raised inside a ``time_budget`` block when its wall-clock time runs out."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (SIGALRM; main thread only, elsewhere the
    size and depth limits are the guard). An outer timer (e.g. pytest-timeout) is re-armed."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise BudgetExceeded(f"over {seconds:g} s")

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, on_alarm)
    outer_delay, outer_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_delay:
            remaining = max(outer_delay - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, remaining, outer_interval)


def html_to_document(
    data: bytes | str,
    *,
    origin: str,
    doc_id: str = "",
    url: str | None = None,
    options: ReadOptions = DEFAULT_OPTIONS,
) -> Document:
    """One HTML page → a Document of its main text, with title, author, site and the
    page's publication date (which overrides any header guess); never raises."""
    import trafilatura

    if isinstance(data, bytes):
        decoded = decode_bytes(data[: options.max_html_bytes], origin)
        if isinstance(decoded, Document):
            return decoded
        data = decoded
    if not data.strip():
        return failed_document(E.W001, origin)
    html, elements = _defuse(data, options.max_html_bytes)
    if elements > MAX_TREE_SIZE:
        return failed_document(E.W009, origin, detail=f"{elements} elements (limit {MAX_TREE_SIZE}); not a news page")
    try:
        with time_budget(options.html_budget):
            page = trafilatura.bare_extraction(
                html, url=url, with_metadata=True, include_comments=False, include_tables=True,
                config=_trafilatura_config(),
            )
    except BudgetExceeded as exc:
        return failed_document(E.W011, origin, detail=f"HTML extraction {exc}")
    except (ValueError, TypeError, RecursionError) as exc:
        return failed_document(E.W009, origin, detail=f"{type(exc).__name__}: {str(exc)[:200]}")
    text = _drop_headline((page.text or "") if page is not None else "", page.title if page is not None else None)
    if len(text.strip()) < MIN_TEXT_CHARS:
        return failed_document(E.W009, origin, detail=f"main text of {len(text.strip())} characters (empty, navigation-only or not HTML)")
    published = page.date[:10] if page.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", page.date) else None
    doc = Document(
        text=text,
        doc_id=doc_id,
        published=published,
        published_from_meta=published is not None,
        source=page.sitename or None,
        url=url or page.url or None,
        title=page.title or None,
        author=page.author or None,
        origin=origin,
    )
    return doc


def _drop_headline(text: str, title: str | None) -> str:
    """Drop a first line that repeats the page title (kept in ``title``), so a wire
    dateline that follows it opens the text, where the header parser looks for it."""
    first, sep, rest = text.partition("\n")
    if title and sep and " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        return rest
    return text


#: Characters lxml refuses in text nodes (C0 controls, lone surrogates, non-characters).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BLOCK_END = re.compile(r"</(p|div|li|h[1-6]|blockquote|tr|section|article|pre)\s*>|<br\s*/?>", re.I)


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed summary): block ends become line breaks,
    entities are decoded, whitespace inside a line is collapsed."""
    import lxml.html
    from lxml.etree import ParserError

    fragment = _NOT_XML.sub(" ", fragment)
    if "<" not in fragment and "&" not in fragment:
        return _tidy(fragment)
    marked = _BLOCK_END.sub(lambda m: m.group(0) + "\n", defuse_html(fragment))
    try:
        root = lxml.html.fragment_fromstring(marked, create_parent="div")
    except (ParserError, ValueError):
        return _tidy(re.sub(r"<[^>]*>", " ", fragment))
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


@register_reader("html", suffixes=(".html", ".htm", ".xhtml"))
def read_html(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Document]:
    """One page per file; past ``max_html_bytes`` the page is cut and a W010 failure
    records how much was not read."""
    origin = str(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            data = fh.read(options.max_html_bytes)
    except OSError as exc:
        yield failed_document(E.W006, origin, detail=str(exc))
        return
    yield html_to_document(data, origin=origin, doc_id=path.stem, options=options)
    if size > options.max_html_bytes:
        yield failed_document(
            E.W010, f"{origin}#rest",
            detail=f"HTML page of {size} bytes; only the first {options.max_html_bytes} bytes were read",
        )
