"""Input readers, registered by format name (the extension point for new formats).

A reader takes a path and the read options and yields Documents. Bad input never
raises out of a reader and is never dropped: it becomes a Document with ``error`` set
(a catalogue code and the place it came from), so the store can count it as failed.

Oversized text is split, not refused: a document longer than ``chunk_chars`` becomes
parts ``<id>#part-1``, ``<id>#part-2``, … cut on paragraph boundaries, each coded on
its own (a wire report is a few kB; a 50 MB "document" is a dump, and coding it whole
would exhaust spaCy). Past ``max_parts`` the rest is not coded and one failed document
(W010) says how much was left, so nothing is lost silently.
"""

from __future__ import annotations

import codecs
import gzip
import json
import zlib
from datetime import date
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ..document import Document
from ..errors import E
from ..records import Failure
from .header import parse_header


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How readers treat their input (one options object, passed to every reader)."""

    #: Fetch the page each feed entry links to (http/https) and code it instead of the summary.
    fetch_links: bool = False
    #: Seconds for any network request (connect and read).
    timeout: float = 10.0
    #: Split texts longer than this many characters into parts.
    chunk_chars: int = 100_000
    #: Code at most this many parts of one document; the rest becomes one W010 failure.
    max_parts: int = 50
    #: Refuse files larger than this outright (W010) instead of reading them into memory.
    max_file_bytes: int = 256 * 2**20
    #: HTML pages larger than this are cut before parsing (the extracted text is coded).
    max_html_bytes: int = 8 * 2**20
    #: Wall-clock budget for extracting the main text of one HTML page, in seconds.
    html_budget: float = 10.0


DEFAULT_OPTIONS = ReadOptions()

Reader = Callable[[Path, ReadOptions], Iterator[Document]]
_READERS: dict[str, Reader] = {}
_SUFFIXES: dict[str, str] = {}


def register_reader(name: str, suffixes: Iterable[str] = ()) -> Callable[[Reader], Reader]:
    """Register ``fn(path, options) -> Iterator[Document]`` for a format and its suffixes."""

    def deco(fn: Reader) -> Reader:
        _READERS[name] = fn
        for s in suffixes:
            _SUFFIXES[s.lower()] = name
        return fn

    return deco


def reader_names() -> list[str]:
    return sorted(_READERS)


def failed_document(code: E, origin: str, stage: str = "ingest", **detail: Any) -> Document:
    """A placeholder Document carrying why an input could not be read."""
    doc = Document(text="", doc_id=f"failed:{origin}", origin=origin)
    doc.error = Failure(code.name, code.format(**detail), stage, origin)
    return doc


StreamReader = Callable[[BinaryIO, str, ReadOptions], Iterator[Document]]


def read_binary_file(path: Path, options: ReadOptions, read_stream: StreamReader) -> Iterator[Document]:
    """Open ``path`` and hand the stream to a format's stream reader; an unreadable file
    becomes one failed Document (W006) rather than an exception."""
    origin = str(path)
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield failed_document(E.W006, origin, detail=str(exc))
        return
    with fh:
        yield from read_stream(fh, origin, options)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, origin: str) -> str | Document:
    """Decode text input: a BOM, then UTF-8 (tolerating a few bad bytes), then a
    detected encoding (cp1252, latin-1, …); binary is refused."""
    if not data.strip():
        return failed_document(E.W001, origin)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                return failed_document(E.W003, origin, detail=f"{enc} BOM but {exc}")
            return text if text.strip() else failed_document(E.W001, origin)
    if b"\x00" in data[:8192]:
        return failed_document(E.W002, origin, detail="NUL bytes in the first 8 KiB")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        mostly_utf8 = _mostly_utf8(data)
        if mostly_utf8 is not None:
            return mostly_utf8
        western = _mostly_ascii_cp1252(data)
        if western is not None:
            return western
        from charset_normalizer import from_bytes

        best = from_bytes(data[: 2**20]).best()
        if best is None or best.encoding is None:
            return failed_document(E.W003, origin, detail=str(exc))
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = data.decode(best.encoding, errors="replace")
        if _looks_binary(text):
            return failed_document(E.W002, origin, detail=f"no text encoding fits (best guess {best.encoding})")
        return text


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a handful of stray bytes (a bad paste) stays UTF-8 with U+FFFD for the
    stray bytes, rather than being re-read whole as some single-byte code page."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good_multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    if good_multibyte >= 1 and bad <= max(3, len(text) // 1000) and bad <= good_multibyte:
        return text
    return None


def _mostly_ascii_cp1252(data: bytes) -> str | None:
    """Mostly-ASCII text with a few accented letters or smart quotes is Western (cp1252,
    a superset of latin-1's printable range): our input is English wire copy, and on short
    texts a detector guesses cp1250 or cp1251 about as often as the truth."""
    non_ascii = sum(1 for b in data if b > 0x7F)
    if non_ascii > len(data) // 10:
        return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / len(sample) > 0.05


def _open_maybe_gzip(path: Path):
    return gzip.open(path, "rb") if path.suffix.lower() == ".gz" else path.open("rb")


#: What a truncated or corrupt gzip stream raises while being read.
GZIP_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error)


@register_reader("text", suffixes=(".txt", ".text", "", ".txt.gz"))
def read_text(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Document]:
    origin = str(path)
    try:
        if path.stat().st_size > options.max_file_bytes:
            yield failed_document(E.W010, origin, detail=f"{path.stat().st_size} bytes > limit {options.max_file_bytes}")
            return
        with _open_maybe_gzip(path) as fh:
            data = fh.read(options.max_file_bytes + 1)
    except GZIP_ERRORS as exc:
        yield failed_document(E.W008, origin, detail=f"gzip: {exc or type(exc).__name__}")
        return
    except OSError as exc:
        yield failed_document(E.W006, origin, detail=str(exc))
        return
    text = decode_bytes(data, origin)
    if isinstance(text, Document):
        yield text
        return
    name = path.name[:-3] if path.suffix.lower() == ".gz" else path.name
    doc_id = path.parent.name if name == "article.txt" else Path(name).stem
    yield Document(text=text, doc_id=doc_id, origin=origin)


def metadata_date(value: Any) -> str | None:
    """A publication date from metadata as ``YYYY-MM-DD``, or None when it is not a real
    date in a plausible range (a junk value must not outrank the report's own header)."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return day.isoformat() if PLAUSIBLE_YEARS[0] <= day.year <= PLAUSIBLE_YEARS[1] else None


#: Publication years accepted from metadata.
PLAUSIBLE_YEARS = (1900, 2100)


def document_from_json(obj: Any, origin: str, line: int) -> Document:
    """One JSONL object → Document; ``id`` becomes ``doc_id``."""
    if not isinstance(obj, dict):
        return failed_document(E.W004, origin, line=line, detail=f"expected an object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        return failed_document(E.W005, origin, line=line, detail=type(text).__name__)
    doc_id = obj.get("id")
    published = metadata_date(obj.get("published"))
    doc = Document(
        text=text,
        doc_id=str(doc_id) if doc_id not in (None, "") else "",
        published=published,
        published_from_meta=published is not None,
        source=obj.get("source") if isinstance(obj.get("source"), str) else None,
        url=obj.get("url") if isinstance(obj.get("url"), str) else None,
        title=obj.get("title") if isinstance(obj.get("title"), str) else None,
        origin=origin,
        country_hint=obj["country"].strip().upper() if isinstance(obj.get("country"), str) and obj["country"].strip() else None,
    )
    if not text.strip():
        doc.error = Failure("W001", E.W001.format(), "ingest", origin)
    return doc


def parse_jsonl_line(raw: bytes | str, origin: str, line: int) -> Document:
    """One JSONL line (untrusted) → a Document or a W004 failure; never raises."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        obj = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        return failed_document(E.W004, origin, line=line, detail=f"{type(exc).__name__}: {str(exc)[:200]}")
    return document_from_json(obj, origin, line)


@register_reader("jsonl", suffixes=(".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"))
def read_jsonl(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Document]:
    lineno = 0
    try:
        fh = _open_maybe_gzip(path)
    except OSError as exc:
        yield failed_document(E.W006, str(path), detail=str(exc))
        return
    lines = 0
    try:
        with fh:
            for lineno, raw in enumerate(fh, start=1):
                if raw.strip():
                    lines += 1
                    yield parse_jsonl_line(raw, f"{path}:{lineno}", lineno)
        if lines == 0:
            yield failed_document(E.W001, str(path))
    except GZIP_ERRORS as exc:
        yield failed_document(E.W008, f"{path}:{lineno + 1}", detail=f"gzip after line {lineno}: {exc or type(exc).__name__}")
    except OSError as exc:
        yield failed_document(E.W006, f"{path}:{lineno + 1}", detail=str(exc))


def split_oversized(doc: Document, options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Document]:
    """Yield ``doc`` itself, or its parts when its text exceeds ``options.chunk_chars``."""
    limit = options.chunk_chars
    if doc.failed or len(doc.text) <= limit:
        yield doc
        return
    published = doc.published or parse_header(doc.text).published
    start, n = 0, 0
    while start < len(doc.text):
        if n == options.max_parts:
            left = len(doc.text) - start
            yield failed_document(
                E.W010, f"{doc.origin or doc.doc_id}#part-{n + 1}",
                detail=f"{len(doc.text)} characters; coded the first {n} parts, {left} characters after offset {start} were not coded",
            )
            return
        end = _cut_point(doc.text, start, limit)
        n += 1
        yield Document(
            text=doc.text[start:end],
            doc_id=f"{doc.doc_id}#part-{n}",
            published=published,
            published_from_meta=doc.published_from_meta,
            source=doc.source,
            url=doc.url,
            title=doc.title,
            origin=doc.origin,
        )
        start = end


def _cut_point(text: str, start: int, limit: int) -> int:
    """End of the part starting at ``start``: a paragraph break, else a line break, else a
    sentence end, else a space in the second half of the window; a hard cut as a last resort."""
    end = start + limit
    if end >= len(text):
        return len(text)
    floor = start + limit // 2
    for sep in ("\n\n", "\n", ". ", " "):
        i = text.rfind(sep, floor, end)
        if i != -1:
            return i + len(sep)
    return end


def reader_for(path: Path, input_format: str = "auto") -> Reader | None:
    if input_format != "auto":
        return _READERS.get(input_format)
    suffix = "".join(path.suffixes[-2:]).lower() if path.suffix.lower() == ".gz" else path.suffix.lower()
    name = _SUFFIXES.get(suffix) or _SUFFIXES.get(path.suffix.lower())
    return _READERS.get(name) if name else None


def as_url(p: str | Path) -> str | None:
    """``p`` as an http(s) URL, or None. A URL that went through ``pathlib.Path`` (a CLI
    argument typed as a path) has lost a slash (``http:/host/x``); it is restored."""
    s = str(p)
    low = s.lower()
    if low.startswith(("http://", "https://")):
        return s
    if low.startswith(("http:/", "https:/")):
        scheme, _, rest = s.partition(":/")
        return f"{scheme}://{rest}"
    return None


def is_url(p: str | Path) -> bool:
    return as_url(p) is not None


def read_paths(
    paths: Iterable[str | Path], input_format: str = "auto", options: ReadOptions | None = None
) -> Iterator[Document]:
    """Stream Documents from files, folders (recursively, sorted) and http(s) URLs
    (a feed or a page), one at a time; oversized texts come out split into parts."""
    opts = options or DEFAULT_OPTIONS
    for doc in _read_all(paths, input_format, opts):
        yield from split_oversized(doc, opts)


def _read_all(paths: Iterable[str | Path], input_format: str, opts: ReadOptions) -> Iterator[Document]:
    for p in paths:
        url = as_url(p)
        if url is not None:
            from .feed import read_url

            yield from read_url(url, opts)
            continue
        path = Path(p)
        if str(p) == "-":
            import sys

            for lineno, raw in enumerate(sys.stdin, start=1):
                if raw.strip():
                    yield parse_jsonl_line(raw, f"<stdin>:{lineno}", lineno)
            continue
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and not f.name.startswith("."))
            # A gold folder holds expected.json beside article.txt: read the text only.
            files = [f for f in files if f.suffix.lower() != ".json"]
            yield from _read_all(files, input_format, opts)
            continue
        if not path.exists():
            yield failed_document(E.W006, str(path), detail="no such file")
            continue
        reader = reader_for(path, input_format)
        if reader is None:
            yield failed_document(E.W007, str(path), detail=str(path))
            continue
        yield from reader(path, opts)
