"""RSS/Atom feeds → one Document per entry, streamed; http(s) URLs → feed or page.

Entries are cut out of the feed one at a time (lxml ``iterparse``, entities and network
off) and each is handed to feedparser, so a 10,000-entry feed never sits in memory as
parsed entries and every entry gets feedparser's date handling and HTML sanitising.
A feed that is not well-formed XML falls back to feedparser's lenient parser over the
whole (size-limited) file. An entry's ``doc_id`` is its global id (URL, URN, tag URI),
else its link, else its local id within the feed (see ``entry_id``), so reading the same
feed again yields the same ids and re-ingest changes nothing. Text is the entry's content or summary as plain text, or
its title when that is all there is; with ``fetch_links`` the linked page's main text.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..document import Document
from ..errors import E
from .html import fragment_text, html_to_document
from .readers import DEFAULT_OPTIONS, ReadOptions, failed_document, read_binary_file, register_reader

_ATOM = "http://www.w3.org/2005/Atom"
_RSS1 = "http://purl.org/rss/1.0/"
_ENTRY_TAGS = ("item", f"{{{_RSS1}}}item", f"{{{_ATOM}}}entry", "entry")
_FEED_TITLE_PARENTS = ("channel", f"{{{_ATOM}}}feed", f"{{{_RSS1}}}channel", "feed")
_WRAP = {
    "item": (b'<rss version="2.0"><channel>', b"</channel></rss>"),
    "entry": (b'<feed xmlns="http://www.w3.org/2005/Atom">', b"</feed>"),
}


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def iter_entries(source: BinaryIO, max_bytes: int) -> Iterator[tuple[dict[str, Any], str | None]]:
    """Yield ``(feedparser entry, feed title)`` pairs from a feed stream.

    Raises ``lxml.etree.XMLSyntaxError`` only before the first entry (the caller then
    falls back to the lenient parser); damage after that ends the stream early.
    """
    import feedparser
    from lxml import etree

    feed_title: str | None = None
    tags = (*_ENTRY_TAGS, "title", f"{{{_ATOM}}}title", f"{{{_RSS1}}}title")
    parser = etree.iterparse(
        source, events=("end",), tag=tags, resolve_entities=False, no_network=True,
        huge_tree=False, recover=False, remove_comments=True, remove_pis=True, load_dtd=False,
    )
    seen = 0
    try:
        for _, el in parser:
            name = _local(el.tag)
            if name == "title":
                parent = el.getparent()
                if parent is not None and parent.tag in _FEED_TITLE_PARENTS and feed_title is None:
                    feed_title = (el.text or "").strip() or None
                continue
            raw = etree.tostring(el)
            el.clear()
            while el.getprevious() is not None:
                del el.getparent()[0]
            if len(raw) > max_bytes:
                raw = raw[:max_bytes]
            head, tail = _WRAP["entry" if name == "entry" else "item"]
            parsed = feedparser.parse(head + raw + tail)
            seen += 1
            yield (parsed.entries[0] if parsed.entries else {}), feed_title
    except etree.XMLSyntaxError:
        if seen == 0:
            raise
        raise _Truncated(seen) from None


class _Truncated(Exception):
    """The feed broke off after ``seen`` entries."""

    def __init__(self, seen: int) -> None:
        super().__init__(seen)
        self.seen = seen


_GLOBAL_ID = re.compile(r"^(?:[a-z][a-z0-9+.-]*://\S+|urn:\S+|tag:\S+)$", re.I)


def entry_id(entry: dict[str, Any], feed: str | None = None) -> str:
    """Stable id of an entry: its id when globally unique (a URL, ``urn:`` or ``tag:`` URI);
    a feed-local id ("1") prefixed with the feed (its title, else its file name or URL), so
    "1" in two feeds stays two documents; else its link; else a hash of title and text.
    The same feed read again gives the same ids."""
    guid = entry.get("id").strip() if isinstance(entry.get("id"), str) else ""
    link = entry.get("link").strip() if isinstance(entry.get("link"), str) else ""
    if _GLOBAL_ID.match(guid):
        return guid
    if guid:  # (feedparser copies a permalink guid, even "1", into the link)
        return f"{_feed_key(feed)}:{guid}" if feed else guid
    if _GLOBAL_ID.match(link):
        return link
    body = f"{entry.get('title', '')}\n{entry.get('summary', '')}"
    return "entry:" + hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _feed_key(feed: str) -> str:
    return hashlib.sha256(feed.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def _entry_text(entry: dict[str, Any]) -> str:
    for block in entry.get("content") or []:
        value = block.get("value") if isinstance(block, dict) else None
        if isinstance(value, str) and value.strip():
            return fragment_text(value)
    summary = entry.get("summary")
    if isinstance(summary, str) and summary.strip():
        return fragment_text(summary)
    title = entry.get("title")
    return fragment_text(title) if isinstance(title, str) else ""


def _entry_date(entry: dict[str, Any]) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return time.strftime("%Y-%m-%d", parsed)
            except (TypeError, ValueError):
                continue
    return None


def entry_to_document(
    entry: dict[str, Any], *, origin: str, feed_title: str | None = None,
    options: ReadOptions = DEFAULT_OPTIONS, client: Any = None,
) -> Document:
    """One feedparser entry → a Document (the linked page's text when fetched)."""
    eid = entry_id(entry, feed_title or origin.rsplit("/", 1)[-1])
    link = entry.get("link") if isinstance(entry.get("link"), str) else None
    published = _entry_date(entry)
    title = entry.get("title") if isinstance(entry.get("title"), str) else None
    author = entry.get("author") if isinstance(entry.get("author"), str) else None
    where = f"{origin}#{eid}"
    if options.fetch_links and client is not None and link and link.lower().startswith(("http://", "https://")):
        page = fetch_page(client, link, where, options)
        if not page.failed:
            page.doc_id = eid
            page.title = title or page.title
            page.author = author or page.author
            page.source = feed_title or page.source
            if published:
                page.published, page.published_from_meta = published, True
            return page
    text = _entry_text(entry)
    if not text.strip():
        return failed_document(E.W001, where)
    return Document(
        text=text, doc_id=eid, published=published, published_from_meta=published is not None,
        source=feed_title, url=link, title=title, author=author, origin=where,
    )


def read_feed_stream(
    source: BinaryIO, origin: str, options: ReadOptions = DEFAULT_OPTIONS
) -> Iterator[Document]:
    """Stream the Documents of one feed; never raises on bad input."""
    from lxml import etree

    client = _client(options) if options.fetch_links else None
    try:
        n = 0
        try:
            for entry, feed_title in iter_entries(source, options.max_html_bytes):
                n += 1
                yield entry_to_document(entry, origin=origin, feed_title=feed_title, options=options, client=client)
        except etree.XMLSyntaxError as exc:
            source.seek(0)
            yield from _lenient(source.read(options.max_file_bytes), origin, str(exc), options, client)
            return
        except _Truncated as exc:
            yield failed_document(E.W013, f"{origin}#after-{exc.seen}", detail=f"the feed breaks off after {exc.seen} entries")
            return
        if n == 0:
            yield failed_document(E.W013, origin, detail="well-formed XML without <item> or <entry> elements")
    finally:
        if client is not None:
            client.close()


def _lenient(data: bytes, origin: str, why: str, options: ReadOptions, client: Any) -> Iterator[Document]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        yield failed_document(E.W013, origin, detail=f"not well-formed ({why[:200]}) and no entries recovered")
        return
    feed_title = parsed.feed.get("title") if isinstance(parsed.feed.get("title"), str) else None
    for entry in parsed.entries:
        yield entry_to_document(entry, origin=origin, feed_title=feed_title, options=options, client=client)


@register_reader("feed", suffixes=(".rss", ".atom", ".xml", ".rdf"))
def read_feed(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Document]:
    return read_binary_file(path, options, read_feed_stream)


# --- network ---------------------------------------------------------------------------


def _client(options: ReadOptions) -> Any:
    import httpx

    return httpx.Client(
        timeout=options.timeout, follow_redirects=True, max_redirects=5,
        headers={"User-Agent": "wirecoder/0.1 (+https://github.com/wirecoder)"},
    )


def _get(client: Any, url: str, options: ReadOptions) -> tuple[bytes, str]:
    """Body (cut at ``max_html_bytes``) and content type of a 2xx response; raises httpx errors."""
    with client.stream("GET", url) as resp:
        resp.raise_for_status()
        body = bytearray()
        for chunk in resp.iter_bytes():
            body += chunk
            if len(body) >= options.max_html_bytes:
                break
        return bytes(body[: options.max_html_bytes]), resp.headers.get("content-type", "")


def fetch_page(client: Any, url: str, origin: str, options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """Fetch and extract one page; a network failure is a W012 document."""
    import httpx

    try:
        body, _ = _get(client, url, options)
    except httpx.HTTPError as exc:
        return failed_document(E.W012, origin, url=url, detail=f"{type(exc).__name__}: {str(exc)[:200]}")
    return html_to_document(body, origin=origin, url=url, options=options)


def read_url(url: str, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Document]:
    """An http(s) URL: a feed yields its entries, anything else is read as one HTML page."""
    import io

    import httpx

    with _client(options) as client:
        try:
            body, ctype = _get(client, url, options)
        except httpx.HTTPError as exc:
            yield failed_document(E.W012, url, url=url, detail=f"{type(exc).__name__}: {str(exc)[:200]}")
            return
    if _looks_like_feed(body, ctype):
        yield from read_feed_stream(io.BytesIO(body), url, options)
    else:
        yield html_to_document(body, origin=url, url=url, options=options)


def _looks_like_feed(body: bytes, ctype: str) -> bool:
    if any(t in ctype for t in ("rss", "atom", "rdf")):
        return True
    head = body[:2048].lstrip().lower()
    return head.startswith(b"<?xml") and any(t in head for t in (b"<rss", b"<feed", b"<rdf:rdf"))
