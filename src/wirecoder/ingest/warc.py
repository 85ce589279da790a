"""WARC / WARC.gz archives → one Document per HTML page captured.

HTML ``response`` (and ``resource``) records with a 2xx status become documents via
the HTML reader; other records (images, CSS, requests, metadata) are not documents.
``doc_id`` is the WARC-Record-ID (stable within the archive), else the target URI plus
the capture date. A truncated or corrupt archive keeps the records read before the
damage and adds one failed document (W008) saying where it broke.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..document import Document
from ..errors import E
from .html import html_to_document
from .readers import DEFAULT_OPTIONS, ReadOptions, failed_document, read_binary_file, register_reader

_HTML_TYPES = ("text/html", "application/xhtml")
#: warcio trips over some corrupt records with these instead of ArchiveLoadFailed
#: (e.g. a response record cut before its WARC-Target-URI: ``None.startswith``), found by fuzzing.
_WARCIO_CORRUPT = (AttributeError, IndexError, KeyError, TypeError)


def record_id(record: Any) -> str:
    """The record's WARC-Record-ID without angle brackets, else ``uri@date``."""
    rid = (record.rec_headers.get_header("WARC-Record-ID") or "").strip().strip("<>")
    if rid:
        return rid
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    return f"{uri}@{record.rec_headers.get_header('WARC-Date') or ''}"


def _html_payload(record: Any) -> bool:
    if record.rec_type == "response":
        if record.http_headers is None:
            return False
        status = record.http_headers.get_statuscode() or ""
        ctype = record.http_headers.get_header("Content-Type") or ""
        return status.startswith("2") and ctype.lower().startswith(_HTML_TYPES)
    if record.rec_type == "resource":
        ctype = record.rec_headers.get_header("Content-Type") or ""
        return ctype.lower().startswith(_HTML_TYPES)
    return False


def read_warc_stream(
    stream: BinaryIO, origin: str, options: ReadOptions = DEFAULT_OPTIONS
) -> Iterator[Document]:
    """Stream the HTML pages of one archive; damage ends it with a W008 document."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    pages = 0
    records = 0
    archive = ArchiveIterator(stream)
    try:
        for record in archive:
            records += 1
            doc = None
            if _html_payload(record):
                rid = record_id(record)
                url = record.rec_headers.get_header("WARC-Target-URI")
                body = record.content_stream().read(options.max_html_bytes)
                doc = html_to_document(body, origin=f"{origin}#{rid}", doc_id=rid, url=url, options=options)
            archive.read_to_end()
            missing = getattr(record.raw_stream, "limit", 0)
            if missing > 0 or not record.rec_headers.get_header("WARC-Type"):
                raise EOFError(f"record {records} is cut short ({missing} bytes of its block missing)")
            if doc is not None:
                pages += 1
                yield doc
        leftover = _unread_tail(stream, archive.offset)
        if leftover:
            records += 1
            raise EOFError(f"{leftover} bytes after the last complete record could not be read as a record")
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError, *_WARCIO_CORRUPT) as exc:
        yield failed_document(
            E.W008, f"{origin}#record-{records}",
            detail=f"{type(exc).__name__}: {str(exc)[:200]}; {pages} HTML pages before it were kept",
        )
        return
    if records == 0:
        yield failed_document(E.W008, origin, detail="no WARC records found")


def _unread_tail(stream: BinaryIO, offset: int) -> int:
    """Bytes (other than blank lines) after where the last complete record ended: a record
    whose headers were cut off, which warcio otherwise skips without a word."""
    if not stream.seekable():
        return 0
    stream.seek(offset)
    tail = stream.read(1 << 16)
    return len(tail.strip())


@register_reader("warc", suffixes=(".warc", ".warc.gz", ".arc", ".arc.gz"))
def read_warc(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Document]:
    return read_binary_file(path, options, read_warc_stream)
