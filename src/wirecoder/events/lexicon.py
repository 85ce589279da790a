"""The event taxonomy and cue lexicons, loaded once from ``data/events/*.yaml``.

Trigger cues say *that* something happened and where in the text; the taxonomy maps
each ACLED sub-event type to its event type, PLOVER category and CASE 2021 label.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

#: The label a classifier uses for "no ACLED event here".
NONE = "NONE"
#: 2015 data cannot tell Protests from Riots: both are scored as this merged label.
PROTESTS_OR_RIOTS = "Protests|Riots"


def load_data(name: str) -> Any:
    return yaml.safe_load(resources.files("wirecoder").joinpath(f"data/events/{name}").read_text(encoding="utf-8"))


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def compile_patterns(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + _alternation(patterns) + r")(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class Taxonomy:
    """ACLED sub-event types with their event type, PLOVER category and CASE label."""

    event_type_of: dict[str, str]
    plover_of: dict[str, str | None]
    case_of: dict[str, str]
    sub_of_case: dict[str, str]
    non_events: frozenset[str]
    claim_labels: frozenset[str]
    violent_crime_labels: frozenset[str]
    cue_bound: frozenset[str]
    legacy_2015: dict[str, str]
    legacy_2015_by_target: dict[str, dict[str, str]]

    def coarse(self, label: str) -> str:
        """The scoring group of a fine label: its event type with Protests and Riots
        merged (as in 2015 data), or NONE for labels that are not ACLED events."""
        if label in self.non_events or label == NONE:
            return NONE
        event_type = self.event_type_of.get(label, label)
        return PROTESTS_OR_RIOTS if event_type in {"Protests", "Riots"} else event_type


@functools.cache
def taxonomy() -> Taxonomy:
    raw = load_data("taxonomy.yaml")
    subs: dict[str, dict[str, Any]] = raw["sub_event_types"]
    return Taxonomy(
        event_type_of={k: v["event_type"] for k, v in subs.items()},
        plover_of={k: v.get("plover") for k, v in subs.items()},
        case_of={k: v["case"] for k, v in subs.items()},
        sub_of_case={v["case"]: k for k, v in subs.items()},
        non_events=frozenset(raw["non_events"]),
        claim_labels=frozenset(raw["claim_labels"]),
        violent_crime_labels=frozenset(raw["violent_crime_labels"]),
        cue_bound=frozenset(raw["cue_bound"]),
        legacy_2015=dict(raw["legacy_2015"]),
        legacy_2015_by_target={k: dict(v) for k, v in raw["legacy_2015_by_target"].items()},
    )


@dataclass(frozen=True)
class Cue:
    """A trigger found in the text: the span, and the sub-event type it points to
    (None for a generic cue such as "killed")."""

    start: int
    end: int
    text: str
    sub_event_type: str | None

    @property
    def specific(self) -> bool:
        return self.sub_event_type is not None


@dataclass(frozen=True)
class _Cues:
    specific: tuple[tuple[str, re.Pattern[str]], ...]
    generic: re.Pattern[str]
    separate: re.Pattern[str]
    separate_anywhere: re.Pattern[str]
    decisive: tuple[tuple[str, re.Pattern[str]], ...]
    protest_deaths: re.Pattern[str]
    protest_grievance: re.Pattern[str]
    security_victims: tuple[re.Pattern[str], re.Pattern[str]]
    exchange_of_fire: re.Pattern[str]
    fights: re.Pattern[str]
    border_firing: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]
    armed_opponent: re.Pattern[str]
    political_violence: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]
    hints: tuple[tuple[str, re.Pattern[str]], ...]
    territory_verbs: re.Pattern[str]
    territory_sides: re.Pattern[str]  # named groups ``non_state`` and ``state``
    month_words: frozenset[str]  # cue words that are also month names, as written for the month
    month_before: re.Pattern[str]  # text ending right before such a word that makes it the month
    month_after: re.Pattern[str]  # text starting right after it that does


def _security_victims(raw: dict[str, list[str]]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two patterns: a harm verb then a security-force noun ("shot dead a constable"),
    and such a noun then a passive harm verb ("two Rangers were gunned down")."""
    forces, verbs = _alternation(raw["security_forces"]), _alternation(raw["harm_verbs"])
    active = rf"(?<![\w-])(?:{verbs})\s+(?:[\w-]+\s+){{0,2}}?(?:{forces})(?![\w-])"
    gap = r"(?:(?!\b(?:was|were|been|after|when|while|as|who|that)\b)[^.;]){0,50}?"  # the noun's own clause
    passive = rf"(?<![\w-])(?:{forces})\b{gap}\b(?:was|were|been|got)\s+(?:\w+\s+)?(?:{verbs}|martyred)(?![\w-])"
    return re.compile(active, re.IGNORECASE), re.compile(passive, re.IGNORECASE)


@functools.cache
def _cues() -> _Cues:
    raw = load_data("cues.yaml")
    return _Cues(
        specific=tuple((sub, compile_patterns(pats)) for sub, pats in raw["specific"].items()),
        generic=compile_patterns(raw["generic"]),
        separate=compile_patterns(raw["separate"]),
        separate_anywhere=compile_patterns(raw["separate_anywhere"]),
        decisive=tuple((sub, compile_patterns(pats)) for sub, pats in raw["decisive"].items()),
        protest_deaths=compile_patterns(raw["protest_deaths"]),
        protest_grievance=compile_patterns(raw["protest_grievance"]),
        security_victims=_security_victims(raw["security_victims"]),
        exchange_of_fire=compile_patterns(raw["exchange_of_fire"]),
        fights=compile_patterns(raw["fights"]),
        border_firing=tuple(compile_patterns(raw["border_firing"][k]) for k in ("fire", "remote_weapons", "harm")),
        armed_opponent=compile_patterns(raw["armed_opponent"] + raw["security_victims"]["security_forces"]),
        political_violence=tuple(
            compile_patterns(raw["political_violence"][k]) for k in ("violence", "rivals", "armed_groups")
        ),
        hints=tuple((name, compile_patterns(pats)) for name, pats in raw["classifier_hints"].items()),
        territory_verbs=compile_patterns(raw["territory"]["verbs"]),
        territory_sides=_territory_sides(raw["territory"]),
        month_words=frozenset(raw["month_homonyms"]["words"]),
        month_before=re.compile(raw["month_homonyms"]["before"], re.IGNORECASE),
        month_after=re.compile(raw["month_homonyms"]["after"]),
    )


def _territory_sides(raw: dict[str, list[str]]) -> re.Pattern[str]:
    """One pattern naming either side, ``non_state`` tried first at each place."""
    sides = "|".join(f"(?P<{side}>{_alternation(raw[side])})" for side in ("non_state", "state"))
    return re.compile(rf"(?<![\w-])(?:{sides})(?![\w-])", re.IGNORECASE)


def find_cues(text: str, offset: int = 0) -> list[Cue]:
    """Every trigger in ``text``, in text order; a span claimed by an earlier
    (more specific) sub-event type is not matched again by a later one."""
    cues = _cues()
    taken: list[tuple[int, int]] = []
    found: list[Cue] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for sub, pattern in cues.specific:
        for m in pattern.finditer(text):
            if m.end() > m.start() and free(m.start(), m.end()) and not _names_month(text, m):
                taken.append((m.start(), m.end()))
                found.append(Cue(m.start() + offset, m.end() + offset, m.group(), sub))
    for m in cues.generic.finditer(text):
        if free(m.start(), m.end()) and not _names_month(text, m):
            found.append(Cue(m.start() + offset, m.end() + offset, m.group(), None))
    return sorted(found, key=lambda c: c.start)


#: How far back the words making a cue word a month are looked for ("the beginning of March").
_MONTH_CONTEXT_CHARS = 24


def _names_month(text: str, m: re.Match[str]) -> bool:
    """Whether a cue word is the month of a date there ("on 9 March", "March 22, 1990")."""
    cues = _cues()
    if m.group() not in cues.month_words:
        return False
    before = cues.month_before.search(text, max(0, m.start() - _MONTH_CONTEXT_CHARS), m.start())
    return bool(before or cues.month_after.match(text, m.end()))


def deciding_cue(cues: list[Cue]) -> Cue | None:
    """The cue that types an event when no classifier does: the specific cue whose
    sub-event type is listed first in ``cues.yaml`` (the most telling kind)."""
    rank = {sub: i for i, (sub, _) in enumerate(_cues().specific)}
    specific = [c for c in cues if c.sub_event_type]
    return min(specific, key=lambda c: (rank[c.sub_event_type or ""], c.start)) if specific else None


def decisive_sub_event(text: str) -> str | None:
    """The sub-event type the codebook fixes by the weapon named ("fired RPGs" is
    shelling, "threw a bomb" a grenade), or None when none or several are named."""
    found = {sub for sub, pattern in _cues().decisive if pattern.search(text)}
    return found.pop() if len(found) == 1 else None


def grievance_start(text: str, pos: int, end: int) -> int | None:
    """Where ``text[pos:end]`` (a protest's trigger to its sentence's end) starts saying what
    the protest is about ("… to condemn the attack in Shikarpur"), or None."""
    m = _cues().protest_grievance.search(text, pos, end)
    return m.start() if m else None


def deaths_at_protest(text: str) -> bool:
    """Whether the text tells of deaths at the protest itself, not ones it protests."""
    return bool(_cues().protest_deaths.search(text))


def classifier_hints(text: str) -> set[str]:
    """The names of the ``cues.yaml`` ``classifier_hints`` found in the text ("accident",
    "weaponsfound", "crime", …): features for the classifier, never rules."""
    return {name for name, pattern in _cues().hints if pattern.search(text)}


def harms_security_forces(text: str) -> bool:
    """Whether the text tells of police, soldiers or other state security personnel
    being shot, killed or attacked: in ACLED that attack is a battle, not violence
    against civilians (``cues.yaml`` ``security_victims``)."""
    return any(p.search(text) for p in _cues().security_victims)


_NEGATED = re.compile(r"(?i)\b(?:no|not|never|without|nor)\s+(?:\w+\s+)?$")


def _told_unnegated(pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern`` matches somewhere no negation comes right before ("no exchange of fire")."""
    return any(not _NEGATED.search(text[max(0, m.start() - 20) : m.start()]) for m in pattern.finditer(text))


def fire_was_returned(text: str) -> bool:
    """Whether the text tells that the side fired upon fired back ("Rangers retaliated",
    "an exchange of fire"), not negated ("there was no exchange of fire")."""
    return _told_unnegated(_cues().exchange_of_fire, text)


def tells_of_a_fight(text: str) -> bool:
    """Whether the text tells of armed sides fighting (a gunfight, an encounter, fire
    exchanged), not negated: a raid that does is a battle, whatever arrests it made."""
    return fire_was_returned(text) or _told_unnegated(_cues().fights, text)


def one_sided_border_fire(text: str, sequel: str = "") -> bool:
    """Whether the text tells of gunfire across a border or ceasefire line that harmed
    people, with no remote weapon named, no security personnel hit and no fire returned
    (in the text or its ``sequel``): violence against civilians in ACLED."""
    fire, remote, harm = _cues().border_firing
    return (bool(fire.search(text)) and bool(harm.search(text)) and not remote.search(text)
            and not harms_security_forces(text) and not fire_was_returned(text + " " + sequel))


#: A force named only as the source of the news: "…, killing 12 people, police said".
_AS_SOURCE = re.compile(r"\w*(?:\s+spokes\w+)?(?:\s+[A-Z][\w.'’-]*){0,3}\s+(?:said|says|told|added|reported)\b")


def names_armed_opponent(text: str) -> bool:
    """Whether the text names a second armed side (a force, a fight, an operation):
    without one, an "armed clash" is one-sided violence (``cues.yaml`` ``armed_opponent``).
    A force that only tells the news ("police said") is no side of it."""
    return any(not _AS_SOURCE.match(text, m.end()) for m in _cues().armed_opponent.finditer(text))


def rivals_fight(text: str) -> bool:
    """Whether the text tells of party supporters or rival candidates coming to blows
    ("a clash between rival candidates", "beat up by PPP members"), with no armed group
    named: a riot in ACLED (``cues.yaml`` ``political_violence``)."""
    violence, rivals, armed = _cues().political_violence
    return bool(violence.search(text)) and bool(rivals.search(text)) and not armed.search(text)


def starts_separate_event(text: str) -> bool:
    """Whether a sentence opens with words like "in a separate incident", or tells of a
    counter-offensive anywhere."""
    m = _cues().separate.search(text)
    return bool(m and m.start() < 40) or bool(_cues().separate_anywhere.search(text))


@dataclass(frozen=True)
class Factuality:
    """Words that make a trigger tell of no event that happened (``factuality.yaml``)."""

    modal_auxiliaries: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    intent_verbs: frozenset[str]
    plan_nouns: frozenset[str]
    cumulative_periods: re.Pattern[str]


def word_sets(name: str, keys: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """The curated word lists ``keys`` of ``data/events/<name>``, in that order."""
    raw = load_data(name)
    return tuple(frozenset(raw[k]) for k in keys)


@functools.cache
def factuality() -> Factuality:
    words = word_sets("factuality.yaml", ("modal_auxiliaries", "perfect_auxiliaries", "intent_verbs", "plan_nouns"))
    return Factuality(*words, cumulative_periods=compile_patterns(load_data("factuality.yaml")["cumulative_periods"]))


@dataclass(frozen=True)
class AttributionCues:
    claim: re.Pattern[str]
    no_claim: re.Pattern[str]
    allege: re.Pattern[str]
    unidentified: re.Pattern[str]


@functools.cache
def attribution_cues() -> AttributionCues:
    raw = load_data("attribution.yaml")
    return AttributionCues(*(compile_patterns(raw[k]) for k in ("claim", "no_claim", "allege", "unidentified")))


def _side(match: re.Match[str] | None) -> str | None:
    return None if match is None else ("non_state" if match.group("non_state") else "state")


def names_ground_taken(text: str) -> bool:
    """Whether the text has a word of ground taken ("captured", "seized control", "overran")."""
    return _cues().territory_verbs.search(text) is not None


def territory_taker(text: str) -> str | None:
    """Which side took ground in the text's first capture that names one: ``"state"``,
    ``"non_state"`` or None. The agent of a passive ("seized by militants") wins, then the
    nearest side named before the verb in its sentence ("rebels have recaptured"), then
    the side it was taken from ("retook the town from government forces")."""
    cues = _cues()
    sides = cues.territory_sides
    for verb in cues.territory_verbs.finditer(text):
        after = re.split(r"[.;]", text[verb.end() : verb.end() + 120], maxsplit=1)[0]
        if (agent := re.match(r"\s+by\s+(?:the\s+)?", after)) and (side := _side(sides.match(after, agent.end()))):
            return side
        before = re.split(r"[.;!?]\s", text[max(0, verb.start() - 120) : verb.start()])[-1]
        named = list(sides.finditer(before))
        if named and (side := _side(named[-1])):
            return side
        if (source := re.search(r"\bfrom\s+(?:the\s+)?", after)) and (side := _side(sides.match(after, source.end()))):
            return "state" if side == "non_state" else "non_state"
    return None
