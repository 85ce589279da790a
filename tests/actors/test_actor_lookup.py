"""canonical_actor / strip_period: the dictionary lookups the ACLED eval relies on (no spaCy)."""

from __future__ import annotations

import pytest

from wirecoder.actors import canonical_actor, strip_period
from wirecoder.actors.lexicon import lexicon
from wirecoder.records import ACTOR_TYPES


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Military Forces of Pakistan (2013-2018)", "Military Forces of Pakistan"),
        ("Police Forces of Pakistan (2018-)", "Police Forces of Pakistan"),
        ("Military Forces of Myanmar (2021-)", "Military Forces of Myanmar"),
        ("Civilians (Pakistan)", "Civilians (Pakistan)"),
        ("Police Forces of Pakistan (2013-2018) Counter Terrorism Department", "Police Forces of Pakistan"),
    ],
)
def test_strip_period(raw: str, clean: str) -> None:
    assert strip_period(raw) == clean


@pytest.mark.parametrize(
    ("name", "country", "canonical", "type_"),
    [
        ("Military Forces of Pakistan (2013-2018)", None, "Military Forces of Pakistan", "state_forces"),
        ("Pakistani Army", None, "Military Forces of Pakistan", "state_forces"),
        ("Pakistan\u2019s military establishment", None, "Military Forces of Pakistan", "state_forces"),
        ("TTP: Tehreek-i-Taliban Pakistan", None, "TTP: Tehreek-i-Taliban Pakistan", "armed_group"),
        ("Pakistani Taliban", None, "TTP: Tehreek-i-Taliban Pakistan", "armed_group"),
        ("NLD: National League for Democracy", None, "National League for Democracy", "political_party"),
        ("Tatmadaw", None, "Military Forces of Myanmar", "state_forces"),
        ("ISWAP", None, "Islamic State West Africa Province", "armed_group"),
        ("Civilians (Pakistan)", None, "Civilians (Pakistan)", "civilians"),
        ("Unidentified Armed Group (Nigeria)", None, "Unidentified Armed Group (Nigeria)", "armed_group"),
        ("police", "IND", "Police Forces of India", "state_forces"),
        ("gunmen", None, "Unidentified Armed Group", "armed_group"),
        ("US", None, None, None),  # a country name alone is a place until the text makes it an actor
        ("no such actor", None, None, None),
    ],
)
def test_canonical_actor(name: str, country: str | None, canonical: str | None, type_: str | None) -> None:
    ref = canonical_actor(name, country)
    if canonical is None:
        assert ref is None
    else:
        assert ref is not None and (ref.name, ref.type) == (canonical, type_)


def test_every_country_has_state_actors() -> None:
    entries = lexicon().entries
    for name in ("Military Forces of Mozambique", "Police Forces of Chad", "Government of the United States",
                 "Government of Iceland"):
        assert name in entries
    assert entries["Military Forces of Mozambique"].country == "MOZ"


def test_lexicon_types_and_parents_are_valid() -> None:
    entries = lexicon().entries
    for e in entries.values():
        assert e.type in ACTOR_TYPES, e
        assert e.parent is None or e.parent in entries, e


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("KIO/KIA: Kachin Independence Organization/Kachin Independence Army", "KIA: Kachin Independence Army"),
        ("People's Defense Force - Yesagyo", "PDF: People's Defense Force"),
        ("Pak Airforce", "Military Forces of Pakistan"),
        ("Military Forces of the United States of America", "Military Forces of the United States"),
        ("Frontier Corps", "Military Forces of Pakistan"),  # units ACLED codes under the state actor
        ("CRPF", "Police Forces of India"),
        ("ISI", "Pakistani intelligence agencies"),
    ],
)
def test_canonical_actor_acled_compound_forms(name: str, canonical: str) -> None:
    ref = canonical_actor(name)
    assert ref is not None and ref.name == canonical
