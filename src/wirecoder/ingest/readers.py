"""Input readers, registered by format name (the extension point for new formats).

A reader takes a path and yields Documents. Bad input never raises out of a reader
and is never dropped: it becomes a Document with ``error`` set (a catalogue code and
the place it came from), so the store can count it as failed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..document import Document
from ..errors import E
from ..records import Failure

Reader = Callable[[Path], Iterator[Document]]
_READERS: dict[str, Reader] = {}
_SUFFIXES: dict[str, str] = {}


def register_reader(name: str, suffixes: Iterable[str] = ()) -> Callable[[Reader], Reader]:
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


def decode_bytes(data: bytes, origin: str) -> str | Document:
    """Decode text input: UTF-8 first, then a detected encoding; binary is refused."""
    if not data.strip():
        return failed_document(E.W001, origin)
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return failed_document(E.W002, origin, detail="NUL bytes in the first 8 KiB")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None or best.encoding is None:
            return failed_document(E.W003, origin, detail=str(exc))
        text = str(best)
        if _looks_binary(text):
            return failed_document(E.W002, origin, detail=f"no text encoding fits (best guess {best.encoding})")
        return text


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / len(sample) > 0.05


@register_reader("text", suffixes=(".txt", ".text", ""))
def read_text(path: Path) -> Iterator[Document]:
    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield failed_document(E.W006, origin, detail=str(exc))
        return
    text = decode_bytes(data, origin)
    if isinstance(text, Document):
        yield text
        return
    doc_id = path.parent.name if path.name == "article.txt" else path.stem
    yield Document(text=text, doc_id=doc_id, origin=origin)


def document_from_json(obj: Any, origin: str, line: int) -> Document:
    """One JSONL object → Document; ``id`` becomes ``doc_id``."""
    if not isinstance(obj, dict):
        return failed_document(E.W004, origin, line=line, detail=f"expected an object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        return failed_document(E.W005, origin, line=line, detail=type(text).__name__)
    doc_id = obj.get("id")
    published = obj.get("published")
    doc = Document(
        text=text,
        doc_id=str(doc_id) if doc_id not in (None, "") else "",
        published=str(published)[:10] if published else None,
        published_from_meta=bool(published),
        source=obj.get("source") if isinstance(obj.get("source"), str) else None,
        url=obj.get("url") if isinstance(obj.get("url"), str) else None,
        title=obj.get("title") if isinstance(obj.get("title"), str) else None,
        origin=origin,
    )
    if not text.strip():
        doc.error = Failure("W001", E.W001.format(), "ingest", origin)
    return doc


@register_reader("jsonl", suffixes=(".jsonl", ".ndjson"))
def read_jsonl(path: Path) -> Iterator[Document]:
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield failed_document(E.W006, str(path), detail=str(exc))
        return
    with fh:
        for lineno, raw in enumerate(fh, start=1):
            origin = f"{path}:{lineno}"
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                bad = failed_document(E.W004, origin, line=lineno, detail=str(exc))
                bad.doc_id = f"failed:{origin}"
                yield bad
                continue
            yield document_from_json(obj, origin, lineno)


def reader_for(path: Path, input_format: str = "auto") -> Reader | None:
    if input_format != "auto":
        return _READERS.get(input_format)
    suffix = "".join(path.suffixes[-2:]).lower() if path.suffix.lower() == ".gz" else path.suffix.lower()
    name = _SUFFIXES.get(suffix) or _SUFFIXES.get(path.suffix.lower())
    return _READERS.get(name) if name else None


def read_paths(paths: Iterable[str | Path], input_format: str = "auto") -> Iterator[Document]:
    """Stream Documents from files and folders (recursively, sorted), one at a time."""
    for p in paths:
        path = Path(p)
        if str(p) == "-":
            import sys

            for lineno, raw in enumerate(sys.stdin, start=1):
                if raw.strip():
                    try:
                        yield document_from_json(json.loads(raw), f"<stdin>:{lineno}", lineno)
                    except json.JSONDecodeError as exc:
                        yield failed_document(E.W004, f"<stdin>:{lineno}", line=lineno, detail=str(exc))
            continue
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and not f.name.startswith("."))
            # A gold folder holds expected.json beside article.txt: read the text only.
            files = [f for f in files if f.suffix.lower() != ".json"]
            yield from read_paths(files, input_format)
            continue
        if not path.exists():
            yield failed_document(E.W006, str(path), detail="no such file")
            continue
        reader = reader_for(path, input_format)
        if reader is None:
            yield failed_document(E.W007, str(path), detail=str(path))
            continue
        yield from reader(path)
