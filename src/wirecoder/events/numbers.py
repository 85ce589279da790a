"""Casualty tolls from text: counts of the dead and the injured, ACLED's way.

Its own module because the rules are many and each is testable alone: digits and
number words ("fifteen", "twenty-five", "1,200"), sums over coordinated victims ("two
soldiers and three civilians" -> 5), running totals ("the death toll rose to 20" -> the
latest), conflicting claims (the lower figure), vague words with ACLED's fixed values
("dozens" -> 12) kept as text, and injuries left null when vague ("many"). The word
lists live in ``data/events/numbers.yaml``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

_TOKEN = re.compile(r"\d+(?:-[A-Za-z]+)+|\d+[A-Za-z]+|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|[A-Za-z]+(?:[-'’][A-Za-z]+)*|[^\w\s]")
#: Quantifiers that may stand between a cue and its number ("killed at least 15").
_HEDGES = {"at", "least", "about", "around", "some", "nearly", "over", "more", "than", "up", "to", "almost",
           "approximately", "roughly", "as", "many", "the", "further", "estimated", "down", "all"}
#: Where a backward search for the victims of a cue stops.
_LEFT_STOP = {".", ";", ":", "when", "after", "while", "as", "who", "which", "that", "where", "but", "because",
              "since", "before", "said", "says", "following", "during", "if", "whereas", "although", "reported",
              "stated", "confirmed", "announced", "among", "however"}
_RIGHT_STOP = {".", ";", ":", "including", "among", "when", "after", "while", "in", "on", "near", "at", "by", "out",
               "however", "but", "whereas", "who", "which"}
_MAX_LEFT = 20
_MAX_RIGHT = 8


@dataclass(frozen=True)
class _Lexicon:
    units: dict[str, int]
    multipliers: dict[str, int]
    vague: dict[str, int]
    unquantified: frozenset[str]
    death: frozenset[str]
    injury: frozenset[str]
    toll_cues: tuple[tuple[str, ...], ...]
    claim: frozenset[str]
    persons: frozenset[str]
    coded_cues: tuple[tuple[str, ...], ...]
    animals: frozenset[str]
    things: frozenset[str]
    active: frozenset[str]
    two_sided: frozenset[str]


@functools.cache
def _lexicon() -> _Lexicon:
    raw: dict[str, Any] = yaml.safe_load(
        resources.files("wirecoder").joinpath("data/events/numbers.yaml").read_text(encoding="utf-8")
    )
    return _Lexicon(
        units={k: int(v) for k, v in raw["units"].items()},
        multipliers={k: int(v) for k, v in raw["multipliers"].items()},
        vague={k: int(v) for k, v in raw["vague"].items()},
        unquantified=frozenset(raw["unquantified"]),
        death=frozenset(raw["death_cues"]),
        injury=frozenset(raw["injury_cues"]),
        toll_cues=tuple(tuple(c.split()) for c in raw["toll_cues"]),
        claim=frozenset(raw["claim_cues"]),
        persons=frozenset(raw["person_nouns"]),
        coded_cues=tuple(tuple(c.split()) for c in raw["coded_cues"]),
        animals=frozenset(raw["animal_nouns"]),
        things=frozenset(raw["non_person_units"]),
        active=frozenset(raw["active_cues"]),
        two_sided=frozenset(raw["two_sided_cues"]),
    )


@dataclass(frozen=True)
class _Tok:
    low: str
    start: int
    end: int
    cap: bool = False  # written with a capital: part of a name


@dataclass(frozen=True)
class Count:
    """One count found in the text: its value (None when vague and unquantified)."""

    value: int | None
    text: str
    start: int
    end: int
    vague: bool = False


@dataclass
class Toll:
    """The casualty figures of one event, with the words they came from."""

    fatalities: int = 0
    fatalities_text: str | None = None
    injuries: int | None = None
    injuries_text: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.group().lower().replace("’", "'"), m.start(), m.end(), m.group()[:1].isupper())
            for m in _TOKEN.finditer(text)]


def parse_number(words: str) -> int | None:
    """The integer a number expression names: "15", "1,200", "fifteen", "twenty-five",
    "one hundred", "dozens" (12). None when it names no definite number ("many")."""
    toks = [t.low for t in _tokens(words) if t.low not in _HEDGES or t.low in {"a", "an"}]
    value, _, _ = _number_at(toks, 0)
    return value


def _number_at(toks: list[str], i: int) -> tuple[int | None, int, bool]:
    """Parse a number starting at toks[i]: (value, tokens used, vague). (None, 0, False) if none."""
    lex = _lexicon()
    if i >= len(toks):
        return None, 0, False
    tok = toks[i]
    if tok[0].isdigit():
        if not tok.replace(",", "").replace(".", "").isdigit():
            return None, 0, False  # "62-year-old", "107mm": a measure, not a head count
        try:
            value = int(float(tok.replace(",", "")))
        except ValueError:
            return None, 0, False
        if 1900 <= value <= 2100 and "," not in tok:  # a year, not a head count
            return None, 0, False
        return value, 1, False
    if tok in lex.vague:
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if nxt[:1].isdigit() or nxt in lex.units:
            return _number_at(toks, i + 1)[0], 2, False  # "some 20": a hedge, not a vague count
        return lex.vague[tok], 1, True
    if tok == "no":
        return 0, 2 if i + 1 < len(toks) and toks[i + 1] == "one" else 1, False
    total, current, used = 0, 0, 0
    j = i
    if tok in {"a", "an", "another"} and i + 1 < len(toks) and (toks[i + 1] in lex.units or toks[i + 1] in lex.multipliers):
        j, used = i + 1, 1  # "a dozen", "a hundred": the article is not a one
    while j < len(toks):
        parts = toks[j].split("-")
        if all(p in lex.units for p in parts) and not (used and toks[j] in {"a", "an", "no", "both"}):
            current += sum(lex.units[p] for p in parts)
        elif toks[j] in lex.multipliers and used:
            current = max(current, 1) * lex.multipliers[toks[j]]
            if lex.multipliers[toks[j]] >= 1000:
                total, current = total + current, 0
        elif toks[j] == "and" and used and j + 1 < len(toks) and toks[j + 1] in lex.units and toks[j - 1] in lex.multipliers:
            pass
        else:
            break
        used += 1
        j += 1
    if not used:
        return None, 0, False
    return total + current, used, False


def _is_person_count(toks: list[_Tok], i: int, used: int) -> bool:
    """"a"/"an"/"one" count only as one person when a person noun follows closely."""
    if toks[i].low not in {"a", "an", "another"}:
        return True
    lex = _lexicon()
    persons = lex.persons
    for n, t in enumerate(toks[i + used : i + used + 4], start=i + used):
        word = t.low.rstrip("s") if t.low.endswith("s") and t.low not in persons else t.low
        if word in persons or t.low in persons:
            return not (n + 1 < len(toks) and toks[n + 1].low in lex.things)  # "a militant camp" is no one
        if t.low in {".", ",", ";", "and", "was", "were", "with", "of", "in", "on", "at", "by", "for", "from", "to"}:
            return False
    return False


def _counts_left(toks: list[_Tok], cue: int, other: frozenset[str]) -> list[tuple[int | None, int, int, bool]]:
    """Numbers before a passive/stative cue ("two soldiers and three civilians were killed")."""
    lex = _lexicon()
    lows = [t.low for t in toks]
    found: list[tuple[int | None, int, int, bool]] = []
    end = cue
    j = cue - 1
    stop = max(-1, cue - 1 - _MAX_LEFT)
    while j > stop:
        low = lows[j]
        if low in other or low in lex.death:
            if _takes_right(toks, j):
                return []  # the numbers here are that cue's victims ("killed 15 and injured many")
            break
        if low == "as" and (lows[max(0, j - 2) : j] == ["as", "well"] or lows[j + 1 : j + 3] == ["well", "as"]):
            j -= 1
            continue  # "ten militants as well as foreigners were killed": one list
        if low in _LEFT_STOP and not (low == "who" and j > 0 and lows[j - 1] not in _LEFT_STOP):
            break  # "four men who were returning home were killed": the relative clause is the victims'
        if low == "including" and end == cue:
            end = j  # what follows "including" is a subset of what precedes it
        j -= 1
    k = j + 1
    singular = any(lows[x] == "was" for x in range(max(k, cue - 4), cue))
    while k < end:
        value, used, vague = _number_at(lows, k)
        if used and (value is not None) and _is_person_count(toks, k, used) and not _unit_follows(lows, k + used) and not _in_date(lows, k):
            found.append((value, k, k + used, vague))
            k += used
            continue
        if used and value is not None and _aged_person(lows, k + used):
            found.append((1, k, k + used, False))  # "13 year old girl killed": one girl of 13
            k += used
            continue
        if lows[k] in {"his", "her"} and k + 1 < end and lows[k + 1] in lex.persons and not lows[k + 1].endswith("s"):
            if not found and k > j + 1 and lows[k - 1] == "and":
                found.append((1, j + 1, k - 1, False))  # "The DSP of the jail, and his brother": the first one too
            found.append((1, k, k + 2, False))  # "a man and his nephew were shot dead"
            k += 2
            continue
        if lows[k] in lex.unquantified:
            found.append((None, k, k + 1, True))
        k += 1
    if not found and singular and end == cue and not any(lows[x] in lex.animals for x in range(j + 1, cue)):
        found.append((1, cue - 1, cue, False))  # "a worker ... was shot dead": one victim
    return found


def _aged_person(lows: list[str], k: int) -> bool:
    """Whether an age ("year old", "year-old") and a lone person follow ``k``."""
    age = 2 if lows[k : k + 2] in (["year", "old"], ["years", "old"]) else 1 if lows[k : k + 1] in (
        ["year-old"], ["years-old"], ["yr-old"]) else 0
    nxt = lows[k + age] if age and k + age < len(lows) else ""
    return nxt in _lexicon().persons and not nxt.endswith("s")


def _singular_subject(toks: list[_Tok], cue: int) -> list[tuple[int | None, int, int, bool]]:
    """One victim when a lone person is the subject right before an intransitive cue
    ("a colonel died", "the boy later died", "shot him dead")."""
    lows = [t.low for t in toks]
    j = cue - 1
    while j > 0 and lows[j] in {"later", "also", "reportedly", "then", "subsequently", "eventually"}:
        j -= 1
    if j < 0:
        return []
    if lows[j] in {"him", "her", "he", "she"}:
        return [(1, j, j + 1, False)]
    if lows[j] in _lexicon().persons and not lows[j].endswith("s") and j and lows[j - 1] in _DETERMINERS:
        return [(1, j - 1, j + 1, False)]
    return []


_DETERMINERS = {"a", "an", "the", "another", "his", "her", "their", "one"}


def _takes_right(toks: list[_Tok], i: int) -> bool:
    """Whether the cue at ``i`` reads its count from the words after it."""
    low = toks[i].low
    lex = _lexicon()
    other = lex.injury if low in lex.death else lex.death
    return low in lex.active or (low in lex.two_sided and not _counts_left(toks, i, other))


def _unit_follows(lows: list[str], k: int) -> bool:
    """Whether the count before ``k`` measures things or animals, not people ("two cows")."""
    nxt = lows[k : k + 2]
    if nxt and nxt[0] in _MEASURE_MARKS:
        return True  # "107mm" parts, "(2/17)": a code, not a head count
    lex = _lexicon()
    return any(w in lex.things or w in lex.animals for w in nxt)


_MEASURE_MARKS = {"/", ")"}
_MONTHS = {"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
           "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december"}


def _in_date(lows: list[str], k: int) -> bool:
    """Whether the number at ``k`` is a day of a date ("May 2 (APP)", "on 14 April")."""
    return lows[k][:1].isdigit() and ((k > 0 and lows[k - 1] in _MONTHS) or (k + 1 < len(lows) and lows[k + 1] in _MONTHS - {"may"}))  # "20 may have died"


def _counts_right(toks: list[_Tok], cue: int, other: frozenset[str]) -> list[tuple[int | None, int, int, bool]]:
    """Numbers after an active cue ("killing 6 civilians and 2 soldiers", "injured many")."""
    lex = _lexicon()
    lows = [t.low for t in toks]
    found: list[tuple[int | None, int, int, bool]] = []
    k = cue + 1
    end = min(len(toks), cue + 1 + _MAX_RIGHT)
    while k < end:
        low = lows[k]
        at_least = low == "at" and k + 1 < end and lows[k + 1] in {"least", "most"}  # a hedge, not a place
        if (low in _RIGHT_STOP and not at_least) or low in other or (low in lex.death and k != cue + 1):
            break
        value, used, vague = _number_at(lows, k)
        if used and value is not None and _is_person_count(toks, k, used) and not _unit_follows(lows, k + used) and not _in_date(lows, k):
            if k + used < len(lows) and lows[k + used] in other:
                break  # "1 soldier killed 5 injured": the count is the next cue's
            if found and not _coordinated(lows, k, cue):
                break  # "shot dead a man they believed was a spy": one victim, not a list
            if found and _source_follows(lows, k + used):
                break  # "killing 40 people, a local official said": the source, not a victim
            found.append((value, k, k + used, vague))
            k += used
            continue
        if found and low.endswith("ing") and low not in lex.persons:
            break  # "killing 11 militants and destroying several hideouts": another act's object
        if k == cue + 1 and lows[cue] != "of" and _person_named_at(toks, k):
            found.append((1, k, k + 1, False))  # "shot dead Adalat Khan, a former nazim"
            break
        if low in {"him", "her"} and k == cue + 1:
            found.append((1, k, k + 1, False))
            break
        if low == "his" and k == cue + 1 and k + 1 < len(lows) and lows[k + 1] in lex.persons \
                and not lows[k + 1].endswith("s"):
            found.append((1, k, k + 2, False))  # "was killed along with his son" ("her" is the rule above)
            break
        if low == "the" and k == cue + 1 and k + 1 < len(lows) and lows[k + 1] in lex.persons and not lows[k + 1].endswith("s"):
            found.append((1, k, k + 2, False))  # "killed the head of the programme"
            break
        if low in {"a", "an"} and k == cue + 1 and not any(x in lex.animals for x in lows[k + 1 : k + 5]):
            found.append((1, k, k + 1, False))  # "shot dead an assistant sub-inspector": one victim
            break
        if low == "many" and k > cue + 1 and lows[k - 1] == "as":
            k += 1
            continue  # "as many as seven": a hedge
        if low in lex.unquantified and not found:
            found.append((None, k, k + 1, True))
            break
        if low not in _HEDGES and not found and low not in {"of", "the"}:
            break  # "killed in", "killed the ..." without a number right away
        if low == "and" and found:
            k += 1
            continue
        k += 1
    return found


_CALENDAR = _MONTHS | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _person_named_at(toks: list[_Tok], k: int) -> bool:
    """Whether a person's name of two or more capitalised words starts at ``k`` ("Maulana
    Amir Hamza"), not a group's name before a plural ("Indian Army soldiers") or a date."""
    run = k
    while run < len(toks) and toks[run].cap and toks[run].low.isalpha():
        run += 1
    if run - k < 2 or toks[k].low in _CALENDAR:
        return False
    nxt = toks[run].low if run < len(toks) else ""
    persons = _lexicon().persons
    return not (nxt.endswith("s") and (nxt in persons or nxt[:-1] in persons))


#: Speech verbs that make a noun phrase after a toll its source ("…, a local official said").
_SPEECH = frozenset({"said", "says", "told", "added", "reported", "stated", "confirmed"})
#: How many words after a counted phrase a speech verb is looked for in.
_SOURCE_REACH = 8


def _source_follows(lows: list[str], k: int) -> bool:
    """Whether a speech verb follows the phrase ending at ``k`` within its clause."""
    for low in lows[k : k + _SOURCE_REACH]:
        if low in _SPEECH:
            return True
        if low in {",", ".", ";", ":"}:
            return False
    return False


def _coordinated(lows: list[str], k: int, cue: int) -> bool:
    """Whether the count at ``k`` joins a list ("six traders and (at least) two guards")."""
    j = k - 1
    while j > cue and lows[j] in _HEDGES:
        j -= 1
    return lows[j] in {"and", ","}


@dataclass(frozen=True)
class _Mention:
    """A cue's counts: ``rank`` 2 for a coder's stated figure ("fatalities coded as 5"),
    1 for a running total, 0 otherwise; ``claim`` when a party claims it; ``additive``
    when it adds to earlier victims ("three more soldiers were killed")."""

    counts: list[Count]
    rank: int
    claim: bool
    additive: bool


def _phrase_at(lows: list[str], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length of the first phrase starting at ``i``, 0 when none does."""
    first = lows[i]  # most words start no phrase: compare the first word before slicing
    return next((len(c) for c in phrases if c[0] == first and tuple(lows[i : i + len(c)]) == c), 0)


def _first_number(lows: list[str], start: int, span: int) -> list[tuple[int | None, int, int, bool]]:
    for j in range(start, min(len(lows), start + span)):
        if lows[j] == ".":
            break
        value, used, vague = _number_at(lows, j)
        if used and value is not None and not _unit_follows(lows, j + used):
            return [(value, j, j + used, vague)]
    return []


def _mentions(text: str, toks: list[_Tok], kind: str) -> list[_Mention]:
    """Each cue of ``kind`` ("death"/"injury") in ``text`` (whose ``_tokens`` are ``toks``)
    with its counts, its rank, and whether it is a party's claim or adds to earlier victims."""
    lex = _lexicon()
    lows = [t.low for t in toks]
    cues, other = (lex.death, lex.injury) if kind == "death" else (lex.injury, lex.death)
    sent_start = [0] * len(lows)
    for i in range(1, len(lows)):
        sent_start[i] = i if lows[i - 1] == "." else sent_start[i - 1]
    out: list[_Mention] = []
    for i, low in enumerate(lows):
        coded = _phrase_at(lows, i, lex.coded_cues) if kind == "death" else 0
        toll = _phrase_at(lows, i, lex.toll_cues) if kind == "death" and not coded else 0
        rank = 2 if coded else 1 if toll else 0
        if coded:
            raw = _first_number(lows, i + coded, 5)
        elif toll:
            raw = _counts_right(toks, i + toll - 1, other) or _first_number(lows, i + toll, 5)
        elif kind == "death" and lows[i + 1 : i + 2] == ["down"] and low in {"gun", "guns", "mowed", "mow"}:
            raw = _counts_right(toks, i, other)  # "policemen gun down two militants"
        elif low in cues and lows[i + 1 : i + 2] == ["of"] and low in {"death", "deaths", "killing", "killings"}:
            raw = _counts_right(toks, i + 1, other)  # "resulting in the death of a militant"
        elif low in cues:
            if low == "death" and lows[max(0, i - 2) : i] in (["sentenced", "to"], ["condemned", "to"]):
                continue  # "were sentenced to death": a verdict, no one died
            if low in lex.active:
                raw = _counts_right(toks, i, other)  # active: the victims follow
            elif low in lex.two_sided and i and (lows[i - 1] in {"and", ","} or _object_follows(lows, i)):
                raw = _counts_right(toks, i, other) or _counts_left(toks, i, other)  # "... and killed 7 troops"
            elif low in lex.two_sided or (low == "dead" and i and lows[i - 1] in {"shot", "gunned", "stabbed", "beaten"}) \
                    or (low == "death" and i and lows[i - 1] == "to"):  # "hacked to death 22 villagers"
                left = _counts_left(toks, i, other)
                numbered = [c for c in left if c[0] is not None]
                raw = numbered or _counts_right(toks, i, other) or left  # passive, else active
            else:
                raw = _counts_left(toks, i, other)
                if not raw and low in _INTRANSITIVE:
                    raw = _singular_subject(toks, i)
            if raw and low not in lex.active:
                raw = raw + _joined_after(toks, lows, i, other)
        else:
            continue
        counts = [Count(v, text[toks[a].start : toks[b - 1].end], toks[a].start, toks[b - 1].end, vague)
                  for v, a, b, vague in raw]
        if counts:
            last = raw[-1][2]
            # "eight more" adds only to victims this text has already counted: the first count
            # of a report ("killing of eight more terrorists") continues a campaign's tally
            additive = ((last < len(lows) and lows[last] == "more") or "also" in lows[max(0, i - 2) : i]) and any(
                not o.additive for o in out)
            claim = any(w in lex.claim for w in lows[max(sent_start[i], i - 8) : i])
            out.append(_Mention(counts, rank, claim, additive))
    return out


def _joined_after(
    toks: list[_Tok], lows: list[str], cue: int, other: frozenset[str]
) -> list[tuple[int | None, int, int, bool]]:
    """Victims a passive cue names after itself: "were killed along with 15 militants",
    "was killed and 3 militants too" (``lows``: the tokens' lower-cased words)."""
    if lows[cue + 1 : cue + 3] == ["along", "with"]:
        return _counts_right(toks, cue + 2, other)
    if lows[cue + 1 : cue + 2] == ["and"]:
        joined = _counts_right(toks, cue + 1, other)
        if joined and any(w in {"too", "also"} for w in lows[joined[-1][2] : joined[-1][2] + 3]):
            return joined
    return []


def _object_follows(lows: list[str], i: int) -> bool:
    """Whether an active verb's object count follows the cue ("militants gunned down a
    journalist", "gunmen killed 3 traders"), not a passive ("were killed")."""
    if i and lows[i - 1] in {"was", "were", "been", "being", "is", "are"}:
        return False
    j = i + 1 + (lows[i + 1 : i + 2] == ["down"])
    nxt = lows[j] if j < len(lows) else ""
    return nxt in {"a", "an"} or nxt[:1].isdigit() or nxt in _lexicon().units


#: Cues whose lone subject is one victim ("the boy died").
_INTRANSITIVE = {"died", "dies", "dead", "perished"}


def _resolve(mentions: list[_Mention]) -> tuple[int | None, str | None, list[Count]]:
    """One figure from the mentions: a coder's stated figure, else the last running total,
    else the largest sentence figure among non-claims (repeats are common, new victims
    rarer) plus the counts told as more victims, and the lower figure when a party's
    claim conflicts with it."""
    def total(counts: list[Count]) -> int | None:
        vals = [c.value for c in counts if c.value is not None]
        return sum(vals) if vals else None

    for rank in (2, 1):
        tolls = [(m.counts, total(m.counts)) for m in mentions if m.rank == rank and total(m.counts) is not None]
        if tolls:
            counts, value = tolls[-1]
            return value, " ".join(c.text for c in counts), counts
    plain = [(m.counts, total(m.counts)) for m in mentions if not m.claim and not m.additive and total(m.counts) is not None]
    claims = [(m.counts, total(m.counts)) for m in mentions if m.claim and total(m.counts) is not None]
    more = [(m.counts, total(m.counts) or 0) for m in mentions if m.additive and not m.claim]
    pool = plain or claims
    if pool:
        counts, value = max(pool, key=lambda cv: cv[1] or 0)
        if plain and claims:
            counts, value = min([(counts, value), *claims], key=lambda cv: cv[1] or 0)
        if plain and more:
            value = (value or 0) + sum(v for _, v in more)
            counts = counts + [c for cs, _ in more for c in cs]
        return value, " ".join(c.text for c in counts), counts
    vague = [c for m in mentions for c in m.counts if c.vague]
    if vague:
        return None, vague[0].text, vague[:1]
    return None, None, []


def casualty_toll(text: str, offset: int = 0) -> Toll:
    """The toll told by ``text`` (an event's sentences). ``offset`` shifts the spans
    to document offsets. No deaths mentioned gives 0; vague injuries give None + text."""
    toks = _tokens(text)
    dead, dead_text, dead_counts = _resolve(_mentions(text, toks, "death"))
    hurt_mentions = _mentions(text, toks, "injury")
    hurt, hurt_text, hurt_counts = _resolve(hurt_mentions)
    if hurt is not None and any(c.vague for c in hurt_counts):
        hurt = None  # injuries: a number only when the text gives one
    spans = [(c.start + offset, c.end + offset) for c in [*dead_counts, *hurt_counts]]
    return Toll(
        fatalities=dead if dead is not None else 0,
        fatalities_text=dead_text,
        injuries=hurt,
        injuries_text=hurt_text,
        spans=spans,
    )
