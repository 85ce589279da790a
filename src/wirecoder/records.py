"""Typed records of the output contract (``shared/spec/RECORD.md``).

Every class serialises with ``to_dict`` to exactly the contract's field names (plus
documented extras) and reads back with ``from_dict``. Offsets are Python ``str``
indices into the document text as stored. Provenance is kept as integer spans plus the
stage, method and confidence that produced a value: never strings to parse back.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, get_args

ActorType = Literal[
    "state_forces",
    "government",
    "armed_group",
    "political_party",
    "political_movement",
    "civil_society",
    "international_org",
    "media",
    "person",
    "civilians",
    "ethnic_group",
    "other",
]
ACTOR_TYPES: tuple[str, ...] = get_args(ActorType)

Attribution = Literal["claimed", "alleged", "reported", "unknown"]
ATTRIBUTIONS: tuple[str, ...] = get_args(Attribution)

StatementKind = Literal["direct", "indirect"]

#: The contract's allegation ``act`` vocabulary (extend, never rename).
ALLEGATION_ACTS: tuple[str, ...] = (
    "targeted killing",
    "extrajudicial killing",
    "enforced disappearance",
    "mass grave",
    "torture",
    "arbitrary detention",
    "attack on civilians",
    "support to armed group",
    "targeting of political movement",
    "repression",
    "sexual violence",
    "displacement",
    # extensions: grave international crimes named as such
    "genocide",
    "war crimes",
)

T = TypeVar("T", bound="Record")


class Record:
    """Mixin giving dataclasses ``to_dict``/``from_dict`` with nested records."""

    def to_dict(self) -> dict[str, Any]:
        return {name: _plain(getattr(self, name)) for name in _field_names(type(self))}

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any] | None) -> T | None:
        if data is None:
            return None
        hints = _NESTED.get(cls.__name__, {})
        kwargs: dict[str, Any] = {}
        names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        for key, value in data.items():
            if key not in names:
                continue
            nested = hints.get(key)
            if nested is None or value is None:
                kwargs[key] = value
            elif isinstance(value, list):
                kwargs[key] = [nested.from_dict(v) if isinstance(v, dict) else v for v in value]
            elif isinstance(value, dict):
                kwargs[key] = nested.from_dict(value)
            else:
                kwargs[key] = value
        return cls(**kwargs)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    """Field names of a record class, computed once (``to_dict`` is hot)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = tuple(f.name for f in dataclasses.fields(cls))
        _FIELD_NAMES[cls] = names
    return names


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass(slots=True)
class Span(Record):
    """A character span of the document text: the evidence unit."""

    start: int
    end: int
    text: str

    @classmethod
    def trimmed(cls, doc_text: str, start: int, end: int) -> Span:
        """The span [start, end) of ``doc_text`` without its outer whitespace, offsets
        moved to match, so ``doc_text[span.start:span.end] == span.text`` always holds."""
        piece = doc_text[start:end]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        return cls(start + lead, end - trail, piece.strip())


@dataclass(slots=True)
class Provenance(Record):
    """Who wrote a field and why: the stage, its method, a confidence and the span."""

    field: str
    stage: str
    method: str
    confidence: float
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Dateline(Record):
    place: str | None = None
    agency: str | None = None


@dataclass(slots=True)
class ActorRef(Record):
    """A reference to a canonical actor, as it appears inside events and claims."""

    name: str
    type: str


@dataclass(slots=True)
class Actor(Record):
    name: str
    type: str
    country: str | None = None
    mentions: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    parent: str | None = None
    role: str | None = None
    provenance: list[Provenance] = field(default_factory=list)

    def ref(self) -> ActorRef:
        return ActorRef(self.name, self.type)


@dataclass(slots=True)
class Location(Record):
    name: str
    feature: str  # city | admin1 | admin2 | country | place
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: list[Span] = field(default_factory=list)
    geonameid: int | None = None
    provenance: list[Provenance] = field(default_factory=list)


@dataclass(slots=True)
class EventLocation(Record):
    name: str
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class DateMention(Record):
    """A date expression resolved against the publication date."""

    text: str
    start: int
    end: int
    value: str | None  # YYYY-MM-DD (or YYYY for years)
    time_precision: int | None  # ACLED: 1 day, 2 week, 3 month
    period_start: str | None = None
    period_end: str | None = None
    kind: str = "date"  # date | period | year


@dataclass(slots=True)
class Argument(Record):
    """Extra: a phrase filling one of an event's roles (``events.arguments``): the
    words as written, their span and the model's probability."""

    role: str  # perpetrator_individual | perpetrator_organization | target | victim | weapon
    text: str
    start: int
    end: int
    confidence: float


@dataclass(slots=True)
class Event(Record):
    event_type: str
    sub_event_type: str | None = None
    plover: str | None = None
    date: str | None = None
    time_precision: int | None = None
    location: EventLocation | None = None
    geo_precision: int | None = None
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    attribution: str = "unknown"
    attribution_source: str | None = None
    fatalities: int | None = 0
    fatalities_text: str | None = None
    injuries: int | None = None
    injuries_text: str | None = None
    weapon: str | None = None  # extra: instrument named in the report ("car bomb", "rifles")
    perpetrator_text: str | None = None  # extra: the words naming actor1 ("gunmen", "FMLN urban commandos")
    target_text: str | None = None  # extra: the words naming actor2 / the victims
    arguments: list[Argument] = field(default_factory=list)  # extra: every role filler the report names
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.5
    provenance: list[Provenance] = field(default_factory=list)


@dataclass(slots=True)
class Statement(Record):
    speaker: ActorRef | None
    speaker_mention: str | None
    kind: str  # direct | indirect
    cue: str | None
    channel: str | None
    date: str | None
    act: str | None
    text: str
    start: int
    end: int
    evidence: list[Span] = field(default_factory=list)
    about_event: int | None = None
    speaker_span: Span | None = None
    cue_span: Span | None = None
    confidence: float = 0.5
    provenance: list[Provenance] = field(default_factory=list)


@dataclass(slots=True)
class Period(Record):
    start: str | None
    end: str | None
    text: str


@dataclass(slots=True)
class Allegation(Record):
    claimant: ActorRef | None
    accused: list[ActorRef]
    act: str
    victims: str | None = None
    beneficiary: str | None = None
    location: list[str] = field(default_factory=list)
    period: Period | None = None
    statement: int | None = None
    hedge: str | None = None  # alleged | claimed | widely acknowledged | denied | ...
    denied_by: list[int] = field(default_factory=list)  # indices of statements denying it
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.5
    provenance: list[Provenance] = field(default_factory=list)


@dataclass(slots=True)
class Demand(Record):
    claimant: ActorRef | None
    addressee: ActorRef | None
    demand: str
    statement: int | None = None
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.5
    provenance: list[Provenance] = field(default_factory=list)


@dataclass(slots=True)
class Failure(Record):
    """Why a document could not be coded; kept, never silently dropped."""

    code: str
    message: str
    stage: str
    source: str | None = None  # path, path:line, URL


_NESTED: dict[str, dict[str, type[Record]]] = {
    "Actor": {"mentions": Span, "provenance": Provenance},
    "Location": {"mentions": Span, "provenance": Provenance},
    "Event": {
        "location": EventLocation,
        "actor1": ActorRef,
        "actor2": ActorRef,
        "arguments": Argument,
        "evidence": Span,
        "provenance": Provenance,
    },
    "Statement": {
        "speaker": ActorRef,
        "evidence": Span,
        "speaker_span": Span,
        "cue_span": Span,
        "provenance": Provenance,
    },
    "Allegation": {
        "claimant": ActorRef,
        "accused": ActorRef,
        "period": Period,
        "evidence": Span,
        "provenance": Provenance,
    },
    "Demand": {"claimant": ActorRef, "addressee": ActorRef, "evidence": Span, "provenance": Provenance},
}
