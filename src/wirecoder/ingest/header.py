"""Parse the wire header: ``date YYYY-MM-DD Place, Mon D (AGENCY) Body…``.

Also accepts the common dateline without the ``date`` prefix (``QUETTA, Sep 5 (IANS) -``,
``LAGOS, Nigeria (Reuters) —``, ``Yangon, March 3 (AFP) --``, ``BEIRUT, Feb 10, 2025 (Reuters) -``,
``KABUL, 6 May 2024 (AFP)``); a dateline date with its year is the publication date. Pure function over the
first line: no spaCy, safe on untrusted input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_ISO = r"(?P<iso>\d{4}-\d{2}-\d{2})"
_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
)
#: A dateline place is a few capitalised words ("DERA ISMAIL KHAN", "Dar es Salaam"),
#: never a lower-case clause: "Gunmen shot dead a khasadar (military worker) in ..." is
#: a lead sentence with a parenthesis, not a header.
_WORD = r"[A-Z][A-Za-z'’.\-]*"
_NAME = _WORD + r"(?:\s+(?:[a-z]{1,3}\s+)?" + _WORD + r"){0,4}"  # particles: de, es, os, al
_HEADER = re.compile(
    r"^\s*(?:date\s+" + _ISO + r"\s+)?"
    r"(?P<place>" + _NAME + r"(?:,\s*" + _NAME + r")?)"
    r"(?:\s*,\s*(?P<md>" + _MONTH + r"\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+" + _MONTH + r"(?:\s+\d{4})?))?\s*"
    r"\((?P<agency>[A-Za-z][A-Za-z0-9 &.\-]{1,30})\)"
    r"\s*(?P<dash>[-–—:]*)\s*",
)
_DATE_ONLY = re.compile(r"^\s*date\s+" + _ISO + r"\s+")
#: The parts of a dateline's date: "Feb 10, 2025", "10 February 2025".
_MD_PARTS = re.compile(r"(?:(?P<mon>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})|(?P<day2>\d{1,2})\s+(?P<mon2>[A-Za-z]+)\.?),?\s*(?P<year>\d{4})?$")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True, slots=True)
class Header:
    published: str | None
    place: str | None
    agency: str | None
    body_start: int  # offset where the body text begins


def _is_dateline(m: re.Match[str]) -> bool:
    """A dateline has a date, a dash after the agency, or a place in capitals; else
    "Tehreek-i-Taliban Pakistan (TTP) claims ..." is a lead naming a group."""
    return bool(m.group("iso") or m.group("md") or m.group("dash") or m.group("place").isupper())


def _dateline_day(md: str | None) -> str | None:
    """The ISO day a dateline's date names when it gives the year ("Feb 10, 2025"); a date
    without a year ("Sep 5") leaves the publication date to the source's metadata."""
    m = _MD_PARTS.match(md or "")
    if m is None or not m.group("year"):
        return None
    month = _MONTHS.index((m.group("mon") or m.group("mon2"))[:3].lower()) + 1
    day = int(m.group("day") or m.group("day2"))
    try:
        return date(int(m.group("year")), month, day).isoformat()
    except ValueError:  # "Feb 30, 2025"
        return None


def parse_header(text: str) -> Header:
    """Return what the opening line says; nulls where it says nothing."""
    head = text[:400]
    m = _HEADER.match(head)
    if m and _is_dateline(m):
        place = m.group("place").strip()
        # "LAGOS, Nigeria" -> keep the town, it is the dateline place
        place = place.split(",")[0].strip()
        if place.isupper() and len(place) > 3:
            place = place.title()
        return Header(m.group("iso") or _dateline_day(m.group("md")), place, m.group("agency").strip(), m.end())
    d = _DATE_ONLY.match(head)
    if d:
        return Header(d.group("iso"), None, None, d.end())
    return Header(None, None, None, 0)
