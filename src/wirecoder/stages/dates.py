"""Stage wirecoder.dates.v1: date expressions resolved against the publication date.

Only date-like spans are read: spaCy DATE entities (and TIME entities naming a day, such as
"last night"), plus a strict pattern scan for explicit forms the NER misses in upper-case
wire copy ("4 FEB 90", "ON FRIDAY"). Each span is resolved by fast rules following the ACLED
conventions (a weekday means the most recent such day, the publication day itself
included; "last week" is the middle of that week, precision 2; "earlier this month" is
mid-month, precision 3; "for the past two decades" is a period), and by ``dateparser``
only when no rule applies and the span names a month or a numeric date.

``resolve_date`` and ``event_date`` are the functions other stages call.
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from ..attribution.speakers import dates_speech
from ..document import Document
from ..pipeline.registry import Stage, register_stage
from ..records import DateMention

STAGE = "wirecoder.dates.v1"

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<{g}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "few": 3,
    "several": 3, "couple of": 2, "a couple of": 2,
}  # fmt: skip
_NUM = r"(?P<n>\d{1,3}|a couple of|couple of|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|few|several)"
_UNIT = r"(?P<unit>day|week|month|year|decade)s?"
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>\d{4}|'?\d{2})"

_R = functools.partial(re.compile, flags=re.I)
_DMY = _R(_DAY + r"(?:\s+of)?\s+" + _MONTH.format(g="m") + r"(?:,?\s+" + _YEAR + r")?\b")
_MDY = _R(r"\b" + _MONTH.format(g="m") + r"\s+" + _DAY + r"\b(?:,?\s+" + _YEAR + r")?")
_ISO = _R(r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})\b")
_MONTH_ONLY = _R(r"\b(?:(?:early|mid|late|earlier|later)[\s-]+(?:in\s+)?)?" + _MONTH.format(g="m") + r"(?:,?\s+" + _YEAR + r")?\b")
_TODAY = _R(r"\b(?:today|tonight|this (?:morning|afternoon|evening)|earlier today)\b")
_YESTERDAY = _R(r"\b(?:yesterday|last night|overnight)\b")
_DAY_BEFORE = _R(r"\bday before yesterday\b")
_AGO = _R(r"\b" + _NUM + r"\s+" + _UNIT + r"\s+(?:ago|earlier|back)\b")
_WEEKDAY_RE = _R(r"\b(?:(?P<rel>last|this|past|previous)\s+)?" + _WEEKDAY + r"\b")
_LAST_WEEK = _R(r"\b(?:last|past|previous) week\b|\bweek before\b")
_THIS_WEEK = _R(r"\b(?:earlier )?this week\b")
_LAST_MONTH = _R(r"\b(?:last|previous) month\b")
_THIS_MONTH = _R(r"\b(?:earlier )?this month\b")
_PERIOD_PAST = _R(
    r"\b(?:(?:past|previous|last)\s+|for\s+(?:the\s+)?(?:(?:past|last)\s+)?(?=" + _NUM.replace("?P<n>", "?:") + r"\s))"
    r"(?:" + _NUM + r"\s+)?" + _UNIT + r"\b"
)
_RECENT = _R(r"\brecent (?:days|weeks|months|years)\b|\brecently\b|\blately\b")
_SINCE_YEAR = _R(r"\bsince\s+(?P<y>\d{4})\b")
_YEAR_RANGE = _R(r"\b(?:between|from)?\s*(?P<a>\d{4})\s*(?:and|to|-|–|until)\s*(?P<b>\d{4})\b")
_RANGE_YEAR = _R(r"\s*(?:and|to|until|-|–)\s*[^,;]{1,20}?,?\s+(?P<y>(?:19|20)\d\d)\b")
_DECADE = _R(r"\b(?:the\s+)?(?:early\s+|mid\s+|late\s+)?(?P<dec>\d{3}0)'?s\b")
_YEAR_ONLY = _R(r"\b(?:in\s+)?(?P<y>1[89]\d\d|20\d\d)\b")
_LAST_YEAR = _R(r"\b(?:last|this|previous) year\b")
#: A month of the year before or of this one: "in March last year", "March of this year".
_MONTH_OF_RELATIVE_YEAR = _R(r"\b" + _MONTH.format(g="m") + r"\s+(?:of\s+)?(?P<which>last|this|previous) year\b")
#: TIME entities that name a day ("last night", "Sunday evening") are dates too.
_TIME_WITH_DAY = _R(r"\b(?:last night|tonight|overnight|yesterday|today|this morning|this evening|" + _WEEKDAY + r")")
_NUMERIC = _R(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
_DATEPARSER_OK = _R(_MONTH.format(g="m2"))

#: Strict forms scanned over the whole text, for spans the NER missed (upper-case copy).
_SCAN = _R(
    "|".join(
        [
            r"\b" + _DAY + r"\s+" + _MONTH.format(g="m") + r"(?:\s+" + _YEAR + r")?\b",
            r"\b" + _MONTH.format(g="m3") + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,\s+\d{4})?\b",
            r"\b(?:(?:early|late)\s+(?:on\s+)?)?(?:last\s+)?" + _WEEKDAY.replace("?P<wd>", "?:")
            + r"(?:\s+(?:morning|afternoon|evening|night))?\b",
            r"\b(?:yesterday|today|tonight|last night|day before yesterday)\b",
            r"\b(?:last|this) (?:week|month)\b",
        ]
    )
)


def _as_date(published: str | date | None) -> date | None:
    if published is None or isinstance(published, date):
        return published
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def _year(raw: str | None, pub: date | None) -> int | None:
    if not raw:
        return None
    raw = raw.lstrip("'")
    if len(raw) == 4:
        return int(raw)
    yy = int(raw)
    now = pub.year if pub else 2000
    return 2000 + yy if 2000 + yy <= now + 1 else 1900 + yy


def _month(raw: str) -> int:
    return _MONTHS[raw.lower().rstrip(".")[:4] if raw.lower().startswith("sept") else raw.lower()[:3]]


#: A day-month up to this far after the report is an announced date of the same year
#: ("a strike to begin on 16 March"); further ahead, it is last year's.
_AHEAD = timedelta(days=31)


def _past_day(year: int | None, month: int, day: int, pub: date | None) -> date | None:
    """A day-month with no year: the publication year, or the year before if that is
    more than a month after the report."""
    try:
        if year is not None:
            return date(year, month, day)
        if pub is None:
            return None
        d = date(pub.year, month, day)
        return d if d - pub <= _AHEAD else date(pub.year - 1, month, day)
    except ValueError:
        return None


def _n(raw: str) -> int:
    return int(raw) if raw.isdigit() else _NUMBERS[raw.lower()]


def _shift(pub: date, n: int, unit: str) -> date:
    unit = unit.lower()
    days = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}[unit]
    if unit in {"year", "decade"}:
        years = n * (10 if unit == "decade" else 1)
        try:
            return pub.replace(year=pub.year - years)
        except ValueError:
            return pub.replace(year=pub.year - years, day=28)
    return pub - timedelta(days=n * days)


def _mid_week(d: date) -> date:
    return d - timedelta(days=d.weekday()) + timedelta(days=3)


def _mention(text: str, value: date | str | None, precision: int | None, kind: str = "date", start=None, end=None) -> DateMention:
    v = value.isoformat() if isinstance(value, date) else value
    s = start.isoformat() if isinstance(start, date) else start
    e = end.isoformat() if isinstance(end, date) else end
    return DateMention(text, 0, len(text), v, precision, s, e, kind)


def resolve_date(text: str, published: str | date | None) -> DateMention | None:
    """Resolve one date expression (a DATE span, never a whole text) against the
    publication date. Returns a DateMention whose offsets are relative to ``text`` (0..len),
    or None when the words name no date. Kinds: "date" (value YYYY-MM-DD, precision 1/2/3),
    "period" (period_start/period_end; years as YYYY) and "year" (value YYYY). Total: a
    reckoning that falls off the calendar (year 1, year 9999) gives None."""
    try:
        return _resolve(text, _as_date(published))
    except (OverflowError, ValueError):
        return None


def _resolve(text: str, pub: date | None) -> DateMention | None:
    t = text.strip()
    low = " ".join(t.lower().split())

    if pub and (m := _MONTH_OF_RELATIVE_YEAR.search(low)):  # "March last year": a month, not a period
        year = pub.year - (0 if m.group("which") == "this" else 1)
        return _mention(t, min(date(year, _month(m.group("m")), 15), pub), 3)
    # periods first: "for the past two decades", "in recent days", "since 2019", "1980s"
    if pub and (m := _PERIOD_PAST.search(low)) and (m.group("n") or not low.startswith("last")):
        unit = m.group("unit")
        n = _n(m.group("n")) if m.group("n") else 1
        start = _shift(pub, n, unit)
        if unit.lower().startswith(("year", "decade")):
            return _mention(t, None, None, "period", str(start.year), str(pub.year))
        return _mention(t, None, None, "period", start, pub)
    if pub and _RECENT.search(low):
        return _mention(t, None, None, "period", None, pub)
    if m := _SINCE_YEAR.search(low):
        return _mention(t, None, None, "period", m.group("y"), pub.isoformat() if pub else None)
    if (m := _YEAR_RANGE.search(low)) and int(m.group("a")) < int(m.group("b")):
        return _mention(t, None, None, "period", m.group("a"), m.group("b"))
    if m := _DECADE.search(low):
        dec = int(m.group("dec"))
        return _mention(t, None, None, "period", str(dec), str(dec + 9))

    # explicit days
    if m := _ISO.search(low):
        try:
            return _mention(t, date(int(m.group("y")), int(m.group("mo")), int(m.group("d"))), 1)
        except ValueError:
            return None
    for rx in (_DMY, _MDY):
        if m := rx.search(low):
            # a range's first day takes the year written once at its end: "between March 27 and March 31, 2022"
            ranged = _RANGE_YEAR.match(low, m.end()) if not m.group("y") else None
            year = ranged.group("y") if ranged else m.group("y")
            d = _past_day(_year(year, pub), _month(m.group("m")), int(m.group("d")), pub)
            if d:
                return _mention(t, d, 1)

    if pub is not None:
        if _DAY_BEFORE.search(low):
            return _mention(t, pub - timedelta(days=2), 1)
        if _TODAY.search(low):
            return _mention(t, pub, 1)
        if _YESTERDAY.search(low):
            return _mention(t, pub - timedelta(days=1), 1)
        if m := _AGO.search(low):
            unit = m.group("unit").lower()
            d = _shift(pub, _n(m.group("n")), unit)
            return _mention(t, d, {"day": 1, "week": 2}.get(unit, 3))
        if m := _WEEKDAY_RE.search(low):
            back = (pub.weekday() - _WEEKDAYS.index(m.group("wd").lower())) % 7
            if back == 0 and (m.group("rel") or "").lower() in {"last", "past", "previous"}:
                back = 7
            return _mention(t, pub - timedelta(days=back), 1)
        if _LAST_WEEK.search(low):
            return _mention(t, _mid_week(pub - timedelta(days=7)), 2)
        if _THIS_WEEK.search(low):
            return _mention(t, min(_mid_week(pub), pub), 2)
        if _LAST_MONTH.search(low):
            prev = pub.replace(day=1) - timedelta(days=1)
            return _mention(t, prev.replace(day=15), 3)
        if _THIS_MONTH.search(low):
            return _mention(t, min(pub.replace(day=15), pub), 3)
    if _NUMERIC.search(low):
        return _dateparser(t, pub)
    if m := _MONTH_ONLY.search(low):
        month, year = _month(m.group("m")), _year(m.group("y"), pub)
        if year is None and pub is not None:
            year = pub.year if month <= pub.month else pub.year - 1
        if year is not None:
            d = date(year, month, 15)
            return _mention(t, min(d, pub) if pub else d, 3)
    if pub and (m := _LAST_YEAR.search(low)):
        return _mention(t, str(pub.year - (0 if m.group().startswith("this") else 1)), None, "year")
    if m := _YEAR_ONLY.search(low):
        return _mention(t, m.group("y"), None, "year")
    if _DATEPARSER_OK.search(low):
        return _dateparser(t, pub)
    return None


@functools.lru_cache(maxsize=64)
def _parser(pub: date | None):  # type: ignore[no-untyped-def]
    """One dateparser per publication date (building one is slow; parsing is slower)."""
    from datetime import datetime

    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past"}
    if pub is not None:
        settings["RELATIVE_BASE"] = datetime(pub.year, pub.month, pub.day)
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser(text: str, pub: date | None) -> DateMention | None:
    """The slow path, for forms the rules do not know ("12/03/2024", "Sept. the 3rd").
    Without a publication date only text with a full year is read (no guessing from today)."""
    if pub is None and not re.search(r"\b\d{4}\b", text):
        return None
    data = _parser(pub).get_date_data(re.sub(r"^(?:on|the|of|by)\s+", "", text, flags=re.I))
    if data.date_obj is None:
        return None
    d = data.date_obj.date()
    precision = {"day": 1, "week": 2, "month": 3}.get(data.period or "day")
    if data.period == "year":
        return _mention(text, str(d.year), None, "year")
    return _mention(text, d, precision)


def event_date(doc: Document, start: int, end: int, window_end: int | None = None) -> tuple[str, int] | None:
    """The date of the event whose trigger spans ``doc.text[start:end]``, with ACLED time
    precision: the nearest resolved date in the trigger's sentence (dates of a speech verb,
    "said on Thursday", only when the sentence has no other), else in the two
    sentences before, else the publication date (precision 1), else None. Dates in the
    wire header (the publication date itself) and dates after publication are not event dates.
    When the trigger's sentence is dated only by its speech verb, or not at all, a day of the
    week before that the rest of the event's window (up to ``window_end``) gives the act comes
    first ("killed 40 villagers …, police said on Sunday. The gunmen stormed … on Friday night":
    Friday)."""
    body = doc.scratch.get("body_start") or 0
    last = doc.published or "9999"
    dated = [d for d in doc.dates if d.kind == "date" and d.value and d.start >= body and d.value <= last]
    sents = [(s.start_char, s.end_char) for s in doc.nlp.sents] if doc.nlp is not None else [(0, len(doc.text))]
    idx = next((i for i, (a, b) in enumerate(sents) if a <= start < b), None)
    if idx is not None:
        a, b = sents[idx]
        same = [d for d in dated if a <= d.start < b]
        # the act's own days the rest of the window gives, read only when the sentence has none
        told = (d for d in dated if b <= d.start < (window_end or b) and not dates_speech(doc, d, start, end))
        if same:
            spoken, _, k = min((dates_speech(doc, d, start, end), abs(d.start - start), i) for i, d in enumerate(same))
            best = same[k]
            if spoken:
                best = next((d for d in told if _days_before(d.value, best.value)), best)
            return best.value, best.time_precision or 1  # type: ignore[return-value]
        lo = sents[max(0, idx - 2)][0]
        before = [d for d in dated if lo <= d.start < a]
        if before:
            best = max(before, key=lambda d: d.start)
            return best.value, best.time_precision or 1  # type: ignore[return-value]
        best = next((d for d in told if doc.published and _days_before(d.value, doc.published, inclusive=True)), None)
        if best is not None:
            return best.value, best.time_precision or 1  # type: ignore[return-value]
    return (doc.published, 1) if doc.published else None


#: How far before a statement or the report a day the window names may lie and still be the
#: act's: the week a weekday reaches ("on Friday night"); an older date is background ("a
#: witness to the attack … on the 1st of January", "a lynching 5 years ago").
_WEEK_DAYS = 6


def _days_before(day: str | None, reference: str, inclusive: bool = False) -> bool:
    """Whether ``day`` lies within ``_WEEK_DAYS`` before ``reference`` (both ISO dates; the same
    day only when ``inclusive``)."""
    try:
        gap = (date.fromisoformat(reference[:10]) - date.fromisoformat((day or "")[:10])).days
    except ValueError:
        return False
    return (0 if inclusive else 1) <= gap <= _WEEK_DAYS


#: What may stand between a weekday and the date it names: "Monday, 4 August", "Tuesday (Sept 5)".
_APPOSITION_GAP = re.compile(r"\s*[,(]?\s*")
_BARE_WEEKDAY = _R(r"(?:on\s+)?" + _WEEKDAY.replace("?P<wd>", "?:") + r"\s*")


def _with_weekday_appositions(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a bare weekday to the explicit date right after it: one day named twice, whose
    date the weekday must not override ("killed on Monday, 4 August": 4 August)."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and _APPOSITION_GAP.fullmatch(text[out[-1][1] : s]) and _BARE_WEEKDAY.fullmatch(text[out[-1][0] : out[-1][1]]) \
                and (_DMY.search(text[s:e]) or _MDY.search(text[s:e])):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


@register_stage(STAGE)
class Dates(Stage):
    requires = ("doc.nlp",)
    assigns = ("doc.dates",)

    def __call__(self, doc: Document) -> Document:
        spans: list[tuple[int, int]] = []
        if doc.nlp is not None:
            for ent in doc.nlp.ents:
                if ent.label_ == "DATE" or (ent.label_ == "TIME" and _TIME_WITH_DAY.search(ent.text)):
                    spans.append((ent.start_char, ent.end_char))
        for m in _SCAN.finditer(doc.text):
            # an explicit form overlapping an entity widens it ("at 1500 on 9" + "9 DECEMBER")
            hit = [sp for sp in spans if m.start() < sp[1] and m.end() > sp[0]]
            if any(a <= m.start() and m.end() <= b for a, b in hit):
                continue
            spans = [sp for sp in spans if sp not in hit]
            spans.append((min([m.start(), *(a for a, _ in hit)]), max([m.end(), *(b for _, b in hit)])))
        out: list[DateMention] = []
        for s, e in _with_weekday_appositions(doc.text, sorted(spans)):
            r = resolve_date(doc.text[s:e], doc.published)
            if r is None or (r.value is None and r.period_start is None and r.period_end is None):
                continue
            r.start, r.end, r.text = s, e, doc.text[s:e]
            out.append(r)
        doc.dates = out
        return doc

