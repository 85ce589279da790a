"""Assemble Event records: type from the classifier (or the cues), toll, date, place, roles.

``predict_windows`` is the batchable part (one classifier call for many documents);
``build_events`` writes the records for one document from its windows and predictions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..document import Document
from ..geo import event_location
from ..records import ActorRef, Event, Provenance, Span
from .classifier import EventClassifier, Prediction
from .lexicon import (
    Cue, Taxonomy, deaths_at_protest, deciding_cue, decisive_sub_event, fire_was_returned, grievance_start, harms_security_forces,
    names_armed_opponent, names_ground_taken, one_sided_border_fire, rivals_fight, taxonomy, tells_of_a_fight,
    territory_taker,
)
from .numbers import Toll, casualty_toll
from .roles import Roles, assign_roles, find_claims, generic_actor, placed_at_event
from .windows import Sentence, Window, sentences

STAGE = "wirecoder.events.v1"
#: Sub-event types whose cue names a weapon worth keeping in ``weapon``.
_WEAPON_TYPES = {
    "Suicide bomb", "Air/drone strike", "Shelling/artillery/missile attack", "Grenade",
    "Remote explosive/landmine/IED", "Chemical weapon",
}
#: A protest's own toll is zero when the deaths are told after the protest cue: they are
#: what it protests against (another event). Deaths told first happened at the protest.
_TOLL_FREE = {"Peaceful protest", "Protest with intervention"}
#: Event types whose place is where people gathered, not the place of what they protest.
_PROTEST_TYPES = {"Protests", "Riots"}
#: The side that takes ground in each territory sub-event (``territory_taker``).
_TAKEN_BY = {"Government regains territory": "state", "Non-state actor overtakes territory": "non_state"}
#: A riot's toll is zero unless words tell of deaths at the riot itself (a clash, rioters
#: killed): "rioted against the attacks on churches that left 17 dead" killed no one.
_RIOT_TOLL_TOLD = {"Violent demonstration"}
#: One-sided remote attacks that become an armed clash when fire is returned (not IEDs,
#: suicide or air strikes: their "retaliation" is another event).
_ANSWERABLE = {"Shelling/artillery/missile attack", "Grenade"}
#: Event types of violence done to someone, which a "protest" without a gathering tells of.
_ONE_SIDED = {"Violence against civilians", "Explosions/Remote violence"}
#: Violence against civilians whose sub-type a border-fire rule must not overwrite.
_VAC_KEPT = {"Sexual violence", "Abduction/forced disappearance"}


def predict_windows(classifier: EventClassifier | None, windows: Sequence[Window]) -> list[Prediction | None]:
    if classifier is None:
        return [None] * len(windows)
    return list(classifier.predict([w.text() for w in windows]))


def _one_sided_cue(window: Window, cue_types: list[str | None]) -> Cue | None:
    """The deciding cue among the window's cues of one-sided violence (``cue_types``: each
    cue's event type), which overrules a classifier reading the window as something else."""
    return deciding_cue([c for c, t in zip(window.cues, cue_types, strict=True) if t in _ONE_SIDED])


def _unnamed(window: Window, sub: str | None) -> bool:
    """A reading of a sub-event type the words always name (``taxonomy.yaml`` cue_bound, and
    ground taken) with none of its words (cues or deciding weapons: "threw a handmade bomb") in
    the window."""
    if sub in _TAKEN_BY:  # ground taken needs its words: "ADF militants killed 11 civilians" took none
        return not names_ground_taken(window.text())
    return sub in taxonomy().cue_bound and sub not in {c.sub_event_type for c in window.cues} \
        and decisive_sub_event(window.text()) != sub


def _named_instead(window: Window) -> tuple[str, str]:
    """What the window's own words name: its deciding specific cue, else an attack."""
    cue = deciding_cue(window.specific)
    if cue is not None and cue.sub_event_type:
        return taxonomy().event_type_of[cue.sub_event_type], cue.sub_event_type
    return "Violence against civilians", "Attack"


def _decide_type(window: Window, pred: Prediction | None) -> tuple[str, str, float, str] | None:
    """(event_type, sub_event_type, confidence, method), or None when no event: the
    classifier decides; the first specific cue decides when the classifier sees no
    event (or there is no classifier) but a specific trigger is there."""
    tax = taxonomy()
    if pred is not None and pred.event_type and pred.sub_event_type:
        cue_types = [tax.event_type_of.get(c.sub_event_type or "") for c in window.cues]
        cue_subs = {c.sub_event_type for c in window.cues}
        if pred.event_type in ("Protests", "Riots") and not {"Protests", "Riots"} & set(cue_types):
            # no word of a gathering (protest, rally, march, mob, strike): a statement condemning
            # "the assassination of six Jesuits" tells of the killing, when a cue names one
            # (a clash may still be a riot, and a camp or arrest a protest's setting)
            cue = _one_sided_cue(window, cue_types)
            if cue is not None and cue.sub_event_type:
                return tax.event_type_of[cue.sub_event_type], cue.sub_event_type, 0.4, "classifier+protest-cue-check"
        if pred.event_type == "Strategic developments" and pred.sub_event_type != "Disrupted weapons use" \
                and "Strategic developments" not in cue_types:
            # no word of a development (surrender, deal, looting): "one of the explosive devices
            # went off prematurely" is the explosion the cue names. Weapons found, defused or
            # intercepted are named by the weapon's word and told many ways: that reading stands
            cue = _one_sided_cue(window, cue_types)
            if cue is not None and cue.sub_event_type:
                return tax.event_type_of[cue.sub_event_type], cue.sub_event_type, 0.4, "classifier+development-cue-check"
        taken_by = _TAKEN_BY.get(pred.sub_event_type or "")
        if taken_by is not None and territory_taker(window.text()) not in {taken_by, None}:
            # the side that took the ground names the sub-event: the RSF "had taken control of the
            # camp" is a non-state actor overtaking it, whatever the words' other reading
            flipped = next(sub for sub, side in _TAKEN_BY.items() if side != taken_by)
            return pred.event_type, flipped, pred.confidence, "classifier+territory-taker"
        if pred.event_type == "Riots" and "Riots" not in cue_types:
            # a riot needs violence the text names (mob, torched, pelted): else it is a protest
            cue = deciding_cue([c for c, t in zip(window.cues, cue_types, strict=True) if t == "Protests"])
            sub = cue.sub_event_type if cue and cue.sub_event_type else "Peaceful protest"
            return "Protests", sub, pred.confidence, "classifier+riot-cue-check"
        if pred.sub_event_type in ("Arrests", "Disrupted weapons use") and tells_of_a_fight(window.text()):
            # "an intense gun fight ensued during a raid ... an operative was arrested";
            # militants "died in a clash" in which weapons were recovered
            return "Battles", "Armed clash", pred.confidence, "classifier+fight-check"
        if pred.event_type == "Battles" and "Air/drone strike" in cue_subs and "Armed clash" not in cue_subs:
            # jets pounding hideouts with no word of a fight on the ground: a strike from the
            # air is remote violence in ACLED, however many militants it kills
            return "Explosions/Remote violence", "Air/drone strike", pred.confidence, "classifier+air-strike-check"
        if pred.sub_event_type == "Air/drone strike" and pred.sub_event_type not in cue_subs:
            # no word of aircraft, a drone or a strike from the air, but a cue of another kind of
            # event: "rebels hacked to death 22 villagers" is the act its cue names ("bombed" may
            # still be from the air)
            cue = deciding_cue(window.specific)
            if cue is not None and cue.sub_event_type and tax.event_type_of[cue.sub_event_type] != pred.event_type:
                return tax.event_type_of[cue.sub_event_type], cue.sub_event_type, 0.4, "classifier+air-cue-check"
        if pred.sub_event_type in ("Abduction/forced disappearance", "Sexual violence") and "Attack" in cue_subs \
                and pred.sub_event_type not in cue_subs:
            # villagers "hacked to death" while others "were missing", soldiers who "executed around
            # 300 civilians": a killing the words name, with no word of anyone taken or of sexual
            # violence, is an attack
            return pred.event_type, "Attack", pred.confidence, "classifier+killing-check"
        if _unnamed(window, pred.sub_event_type):
            if pred.sub_event_type in _TAKEN_BY:  # a fight the words tell, with no ground taken
                return "Battles", "Armed clash", pred.confidence, "classifier+no-ground-taken"
            return (*_named_instead(window), 0.3, "classifier+cue-bound")
        fixed = decisive_sub_event(window.text())
        if fixed and fixed != pred.sub_event_type and tax.event_type_of[fixed] == pred.event_type:
            return pred.event_type, fixed, pred.confidence, "classifier+decisive-weapon"
        return pred.event_type, pred.sub_event_type, pred.confidence, "classifier"
    cue = deciding_cue(window.cues)
    if cue is not None and cue.sub_event_type:
        return tax.event_type_of[cue.sub_event_type], cue.sub_event_type, 0.4, "cue-lexicon"
    if pred is not None and pred.best_event and window.cues and \
            (pred.label in tax.claim_labels or pred.label in tax.violent_crime_labels):
        # "the TTP claims responsibility of the attack on two policemen": CASE labels the claim
        # (ATTRIB), but a report of one tells of the attack, typed by the model's best event reading;
        # so is gang violence the cues tell ("Gang members attacked the town …, killing 12")
        how = "classifier+responsibility-claim" if pred.label in tax.claim_labels else "classifier+violent-crime"
        if _unnamed(window, pred.best_event):
            return (*_named_instead(window), 0.3, how + "+cue-bound")
        return tax.event_type_of[pred.best_event], pred.best_event, 0.4, how
    if one_sided_border_fire(window.text()):  # "injured in unprovoked firing on the LoC"
        return "Violence against civilians", "Attack", 0.4, "border-fire-rule"
    return None


def _toll(doc: Document, window: Window, start: int, alone: bool, event_type: str) -> Toll:
    """The window's toll, read from ``start`` (``_window_start``: "... (TI) | were
    killed"); a report's only event that is no protest takes the whole report's toll
    when its own sentences tell none."""
    toll = casualty_toll(doc.text[start : window.end], start)
    if alone and not toll.spans and event_type not in {"Protests", "Riots"}:
        whole = casualty_toll(doc.text)
        if whole.spans:
            return whole
    return toll


def _window_start(doc: Document, window: Window, sents: Sequence[Sentence]) -> int:
    """Where the window's text begins: the previous sentence's start when the parser
    split a sentence before its verb ("An official of the FC | was killed ...")."""
    if doc.text[window.start : window.start + 1].islower():
        return max((s.start for s in sents if s.start < window.start), default=window.start)
    return window.start


def _by_victims(
    event_type: str, sub: str, method: str, target: ActorRef | None, text: str = "", sequel: str = ""
) -> tuple[str, str, str]:
    """ACLED's line between Battles and Violence against civilians: an attack on armed
    state forces is a battle (also when only the words say so, the actors stage naming
    no force: "shot dead a sub-inspector"); a "battle" whose only target is civilians is
    an attack, and so is unanswered gunfire across a border that harms people. Shelling
    or a grenade that the other side answered with fire is an exchange: an armed clash
    (``sequel``: the text up to the next event, where "Rangers responded" is often told
    in a sentence of its own); an "armed clash" that names no second armed side is an
    attack; party supporters fighting each other are rioters."""
    told = text + " " + sequel
    if event_type in {"Battles", "Violence against civilians"} and sub not in _VAC_KEPT and rivals_fight(told):
        return "Riots", "Mob violence", method + "+rival-supporters"
    if event_type not in {"Protests", "Riots"} and sub not in _VAC_KEPT and text and one_sided_border_fire(text, sequel):
        return "Violence against civilians", "Attack", method + "+border-fire"
    if event_type == "Violence against civilians" and sub != "Sexual violence" and text and harms_security_forces(text):
        return "Battles", "Armed clash", method + "+security-victim"
    if sub in _ANSWERABLE and fire_was_returned(told):
        return "Battles", "Armed clash", method + "+fire-returned"
    if sub == "Armed clash" and text and not names_armed_opponent(told):
        return "Violence against civilians", "Attack", method + "+one-sided"
    if target is None:
        return event_type, sub, method
    if event_type == "Violence against civilians" and sub == "Attack" and target.type == "state_forces":
        return "Battles", "Armed clash", method + "+target-rule"
    if event_type == "Battles" and sub == "Armed clash" and target.type == "civilians":
        return "Violence against civilians", "Attack", method + "+target-rule"
    return event_type, sub, method


def _air_power(doc: Document, window: Window, sub: str, roles: Roles, country: str | None) -> None:
    """An air or drone strike with no state force as perpetrator is the state's: armed
    groups rarely fly. The state force named in the window, else the country's military;
    the actor first picked (often the group struck) becomes the target. A strike claimed by a
    group, or blamed on one by someone ("He blamed the paramilitary RSF" for drones on Port Sudan),
    is its ("suspected TTP militants were killed in airstrikes" blames no one)."""
    if sub != "Air/drone strike" or roles.attribution == "claimed" or (
            roles.attribution == "alleged" and roles.attribution_source is not None):
        return
    if roles.actor1 is not None and roles.actor1.type == "state_forces":
        return
    named = next((a for a in doc.actors if a.type == "state_forces" and "Military" in a.name
                  and any(window.start <= m.start < window.end for m in a.mentions)), None)
    state = named.ref() if named else generic_actor("military", country) if country else None
    if state is None:
        return
    if named is not None:
        roles.attribution = "reported"
    if roles.actor2 is None and roles.actor1 is not None and not roles.actor1.name.startswith("Unidentified"):
        roles.actor2, roles.target_text = roles.actor1, roles.perpetrator_text
    roles.actor1, roles.perpetrator_text, roles.method = state, None, roles.method + "+air-power"


def event_country(doc: Document, default: str | None = None) -> str | None:
    """The country of the report's events (ISO3): the feed's country when the caller set
    one, else the actors stage's inference, else the most named country among the places."""
    if default:
        return default
    if doc.scratch.get("country"):
        return doc.scratch["country"]
    named = Counter(loc.country for loc in doc.locations for _ in loc.mentions if loc.country)
    return named.most_common(1)[0][0] if named else None


def _grievance(doc: Document, window: Window, trigger: Cue, event_type: str) -> int | None:
    """Where a protest's trigger sentence starts telling what it protests ("… outside the
    Lahore Press Club to condemn a bomb attack at a Shikarpur Imambargah"), or None."""
    if event_type not in _PROTEST_TYPES:
        return None
    sentence = next((s for s in window.sentences if s.start <= trigger.start < s.end), None)
    return grievance_start(doc.text, trigger.end, sentence.end) if sentence else None


def _trigger(window: Window, event_type: str, tax: Taxonomy) -> Cue:
    """The cue that anchors the event's date and place: its first specific cue of the decided
    event type, else the cue that opened the window. A later specific cue of another type is
    no anchor ("Gunmen killed nine … security forces had arrested three suspects": the arrest
    is not where the attack was)."""
    kind = tax.coarse(event_type)
    cues = [c for c in window.specific if tax.coarse(c.sub_event_type or "") == kind] or window.cues
    first = window.sentences[0]
    return cues[0] if cues else Cue(first.start, first.end, first.text, None)  # a report read whole


def build_events(
    doc: Document, windows: Sequence[Window], preds: Sequence[Prediction | None], default_country: str | None = None,
    sents: list[Sentence] | None = None,
) -> list[Event]:
    """The events of ``windows`` typed by ``preds``; ``sents`` is ``sentences(doc)`` when the
    caller has it already (the lexicon scan is the stage's dearest step)."""
    from ..stages.dates import event_date  # here: the stages package imports this module

    tax = taxonomy()
    sents = (sentences(doc) if sents is None else sents) if windows else []
    claims = find_claims(doc, sents)
    country = event_country(doc, default_country)
    decided = [(w, _decide_type(w, p)) for w, p in zip(windows, preds, strict=True)]
    decided = [(w, d) for w, d in decided if d is not None]
    events: list[Event] = []
    for i, (window, (event_type, sub, confidence, method)) in enumerate(decided):
        nxt = decided[i + 1][0].start if i + 1 < len(decided) else len(doc.text) + 1
        prev_end = window.start if i else -1
        mine = [c for c in claims if (prev_end <= c[0] < nxt) or (i == 0 and c[0] < window.start)]
        trigger = _trigger(window, event_type, tax)
        start = _window_start(doc, window, sents)
        toll = _toll(doc, window, start, alone=len(decided) == 1, event_type=event_type)
        protest_at = min((c.start for c in window.cues if c.sub_event_type in _TOLL_FREE), default=None)
        if sub in _TOLL_FREE and (
            (protest_at is not None and all(a > protest_at for a, _ in toll.spans)) or not deaths_at_protest(doc.text)
        ) or sub in _RIOT_TOLL_TOLD and not deaths_at_protest(doc.text):
            toll.fatalities, toll.fatalities_text = 0, None  # "protested against the blast that killed 60"
        own = {s.start for s in window.sentences}
        after = [s for s in sents if window.start <= s.start < nxt and s.start not in own]
        roles = assign_roles(doc, window, event_type, mine, country, after)
        event_type, sub, method = _by_victims(
            event_type, sub, method, roles.actor2, doc.text[start : window.end], doc.text[window.end : min(nxt, len(doc.text))]
        )
        _air_power(doc, window, sub, roles, country)
        when = event_date(doc, trigger.start, trigger.end, window.end)
        where = event_location(doc, trigger.start, trigger.end, _grievance(doc, window, trigger, event_type))
        if where is not None and where[0].country and where[0].country != country:
            roles.actor1 = placed_at_event(roles.actor1, where[0].country)
            roles.actor2 = placed_at_event(roles.actor2, where[0].country)
        weapon = next((c.text for c in window.specific if c.sub_event_type in _WEAPON_TYPES), None)
        evidence = [Span.trimmed(doc.text, s.start, s.end) for s in window.sentences]
        evidence += [e for e in roles.evidence or [] if not any(x.start <= e.start < x.end for x in evidence)]
        ev = Event(
            event_type=event_type,
            sub_event_type=sub,
            plover=tax.plover_of.get(sub),
            date=when[0] if when else None,
            time_precision=when[1] if when else None,
            location=where[0] if where else None,
            geo_precision=where[1] if where else None,
            actor1=roles.actor1,
            actor2=roles.actor2,
            attribution=roles.attribution,
            attribution_source=roles.attribution_source,
            fatalities=toll.fatalities,
            fatalities_text=toll.fatalities_text,
            injuries=toll.injuries,
            injuries_text=toll.injuries_text,
            weapon=weapon,
            perpetrator_text=roles.perpetrator_text,
            target_text=roles.target_text,
            evidence=evidence,
            confidence=round(confidence, 3),
        )
        ev.provenance = [
            Provenance("event_type", STAGE, method, round(confidence, 3), trigger.start, trigger.end),
            Provenance("fatalities", STAGE, "toll-rules", 0.8, window.start, window.end),
            Provenance("actor1", STAGE, roles.method, 0.6 if roles.actor1 else 0.3),
            Provenance("date", STAGE, "event_date", 0.7 if when else 0.0, trigger.start, trigger.end),
            Provenance("location", STAGE, "event_location", 0.7 if where else 0.0, trigger.start, trigger.end),
        ]
        events.append(ev)
    return events
