"""Actors: the curated alias dictionary and its lookups.

``canonical_actor`` maps any name an outside dataset or a report uses ("Military Forces of
Pakistan (2013-2018)", "Pakistani Army", "TTP", "Civilians (Pakistan)", "police") to the
canonical actor of the dictionary; ``strip_period`` removes ACLED's government period.
"""

from __future__ import annotations

import re

from ..records import ActorRef
from .countries import countries
from .lexicon import lexicon

#: ACLED's government period, and the unit some rows write after it ("(2013-2018) Counter Terrorism Department")
_PERIOD = re.compile(r"\s*\((?:\d{4})?\s*-\s*(?:\d{4})?\).*$")
_GENERIC = re.compile(r"^(?P<head>.+?)\s*\((?P<country>[^()]+)\)$")


def strip_period(name: str) -> str:
    """ "Military Forces of Pakistan (2013-2018)" -> "Military Forces of Pakistan" (a unit after the
    period goes too)."""
    return _PERIOD.sub("", name).strip()


def canonical_actor(name: str, country: str | None = None) -> ActorRef | None:
    """The dictionary actor a name refers to, or None.

    ``country`` (ISO3) places generic nouns ("police", "gunmen") in a country. ACLED's
    "ACR: Full Name" and "A/B: Name A/Name B" forms, "Group - Local Unit" and the
    "(Country)" suffix are understood.
    """
    lex = lexicon()
    text = strip_period(name).replace("\u2019", "'").strip()
    if not text:
        return None
    parts = [p.strip() for p in text.split(":", 1)]
    # ACLED forms: "KIO/KIA: Kachin Independence Organization/...", "People's Defense Force - Yesagyo"
    parts += [q.strip() for p in parts for q in p.split("/")] + [text.split(" - ", 1)[0].strip()]
    parts.append(re.sub(r"\bof the\b", "of", text))  # "Military Forces of the United States of America"
    for candidate in (text, *parts):
        entry = lex.lookup(candidate) or lex.lookup(re.sub(r"^the\s+", "", candidate, flags=re.I))
        if entry:
            return ActorRef(entry.name, entry.type)
    m = _GENERIC.match(text)
    if m:
        iso3 = countries().by_name.get(m["country"].lower())
        head = m["head"].lower()
        for rule in lex.generic:
            if rule.name_nocountry.lower() == head:
                c = countries().by_iso3.get(iso3) if iso3 else None
                return ActorRef(rule.actor_name(c), rule.type)
    c = countries().by_iso3.get(country) if country else None
    for rule in lex.generic:
        if text.lower() in (n.lower() for n in rule.nouns):
            return ActorRef(rule.actor_name(c), rule.type)
    return None


__all__ = ["canonical_actor", "strip_period"]
