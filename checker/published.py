"""Publication dates of reports: metadata, then the text, then internal evidence.

Pure functions over text and metadata (no I/O):

* :func:`find_text_date` reads a dated dateline ("LIMA, Peru, Dec. 23, 1996 --",
  "LIMA, Peru (Reuters) - Dec 23 -") or a "Published:"/"Posted:" line in the
  first lines of a report.
* :func:`find_upper_bound` reads "Last Updated", "Updated", copyright and
  archive lines: the report cannot be later, but that is not its date.
* :func:`infer_published` places a report from internal evidence: the same
  event given both as a calendar date and as "N days ago" ("stormed ... Dec.
  17" and "stormed ... 24 days ago" make Jan. 10), a weekday in the lead
  ("early Friday": the report's own day is a Friday), the upper bound and the
  years of the story's other reports.
* :func:`resolve_published` applies the order metadata -> text -> inferred ->
  unknown; :func:`check_consistency` lists what in a report disagrees with its
  publication date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from checker.extract.dates import (
    WEEKDAYS,
    find_dates,
    is_future_context,
    month_day,
)
from checker.records import DateMention, PublishedBasis

__all__ = [
    "EARLIEST_YEAR",
    "LATEST_YEAR",
    "Inference",
    "PublishedResult",
    "TextDate",
    "check_consistency",
    "find_text_date",
    "find_upper_bound",
    "infer_published",
    "resolve_published",
]

# Range of years searched when nothing else bounds an inferred date.
EARLIEST_YEAR = 1980
LATEST_YEAR = 2030

_HEAD_LINES = 12
_WEEKDAY_NAMES = [d.capitalize() for d in WEEKDAYS]
TZ_OFFSETS: dict[str, float] = {
    "GMT": 0,
    "UTC": 0,
    "Z": 0,
    "BST": 1,
    "CET": 1,
    "CEST": 2,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
    "HKT": 8,
    "JST": 9,
    "IST": 5.5,
    "PKT": 5,
    "MSK": 3,
    "EET": 2,
    "EEST": 3,
    "SAST": 2,
    "EAT": 3,
    "WAT": 1,
    "SGT": 8,
    "KST": 9,
    "AEST": 10,
    "AEDT": 11,
    "AWST": 8,
    "NZST": 12,
    "NZDT": 13,
    "HST": -10,
    "AKST": -9,
    "AKDT": -8,
}


@dataclass(frozen=True)
class TextDate:
    """A date printed in the report itself (dateline or Posted/Published line).

    ``year`` is None for a year-less dateline ("Dec 23"); then ``date`` is None
    too and the caller must find the year elsewhere. ``evidence`` is the line.
    """

    month: int
    day: int
    year: int | None
    evidence: str
    kind: str  # "dateline", "posted" or "timestamp"
    time: dt.time | None = None
    tz: str | None = None

    @property
    def date(self) -> dt.date | None:
        if self.year is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None

    @property
    def timestamp(self) -> dt.date | dt.datetime | None:
        """The date, or a datetime (time-zone aware when the zone is known) with a time."""
        day = self.date
        if day is None or self.time is None:
            return day
        tzinfo: dt.tzinfo | None = None
        if self.tz and self.tz.upper() in TZ_OFFSETS:
            tzinfo = dt.timezone(dt.timedelta(hours=TZ_OFFSETS[self.tz.upper()]))
        return dt.datetime.combine(day, self.time, tzinfo=tzinfo)


@dataclass(frozen=True)
class Inference:
    """A publication date inferred from internal evidence.

    ``date`` is set only when exactly one candidate survives; ``candidates``
    lists every date still possible (sorted), ``evidence`` says why.
    """

    date: dt.date | None
    candidates: tuple[dt.date, ...]
    evidence: str


@dataclass(frozen=True)
class PublishedResult:
    published: dt.date | dt.datetime | None
    basis: PublishedBasis
    evidence: str | None
    upper_bound: dt.date | None
    candidates: tuple[dt.date, ...] = ()


# --------------------------------------------------------------------------- text dates

_UPDATED = re.compile(
    r"\b(?:last\s+)?(?:updated|modified|revised|edited|retrieved|accessed|archived)\b", re.I
)
_POSTED = re.compile(
    r"^\s*[.\-*|>]*\s*(?:posted|published|first\s+published|date(?:line)?|filed|released|"
    r"created)(?:\s+(?:on|at))?\s*:?\s*(?P<rest>.+)$",
    re.I,
)
_PLACE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'\- ]{1,30}){0,2})\s*"
    r"(?:\((?P<agency>[^)]{1,40})\))?\s*(?:,|-{1,2}|–|—)\s*"
)
_TZ_RE = re.compile(r"\b(GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|HKT|JST|IST)\b")


def _head(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            out.append((pos, line.rstrip("\r\n")))
            if len(out) >= _HEAD_LINES:
                break
        pos += len(line)
    return out


def _day_mentions(line: str) -> list[DateMention]:
    return [
        m
        for m in find_dates(line)
        if m.granularity in ("day", "minute", "hour") and month_day(m.text) is not None
    ]


def _posted(line: str) -> TextDate | None:
    m = _POSTED.match(line)
    if m is None:
        return None
    rest_start = m.start("rest")
    rest = line[rest_start:]
    days = [d for d in find_dates(rest) if d.start_date is not None and not d.relative]
    days = [d for d in days if d.granularity in ("day", "minute", "hour")]
    if not days:
        md = _day_mentions(rest)
        if not md:
            return None
        parsed = month_day(md[0].text)
        if parsed is None:
            return None
        mo, d, y, _ = parsed
        return TextDate(mo, d, y, line.strip(), "posted")
    day = days[0]
    assert day.start_date is not None
    times = [t for t in find_dates(rest) if t.time is not None]
    tm = day.time or (times[0].time if times else None)
    tz_m = _TZ_RE.search(rest)
    tz = tz_m.group(1) if tz_m and tm is not None else None
    sd = day.start_date
    return TextDate(sd.month, sd.day, sd.year, line.strip(), "posted", tm, tz)


def _dateline(line: str) -> TextDate | None:
    m = _PLACE.match(line)
    if m is None or not re.search(r"[A-Z]{3}", m["place"]):
        return None
    rest = line[m.end() :]
    for mention in find_dates(rest):
        if mention.start > 3:
            break
        parsed = month_day(mention.text)
        if parsed is None:
            continue
        mo, d, y, _ = parsed
        if y is None and re.match(r"\s*,\s*(\d{4})", rest[mention.end :]):
            y = int(rest[mention.end :].split(",", 1)[1].strip()[:4])
        ev_end = m.end() + mention.end
        tail = re.match(r"(?:,\s*\d{4})?\s*(?:-{1,2}|–|—)?", line[ev_end:])
        if tail:
            ev_end += tail.end()
        return TextDate(mo, d, y, line[:ev_end].strip(), "dateline", mention.time)
    return None


_STAMP_FILLER = re.compile(r"[\s|,;/\-–—·•]+|\bhrs?\b|\bat\b|\b(?:ET|PT|CT|MT)\b", re.I)
_STAMP_TIME = re.compile(
    r"\b(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*(?P<ampm>[ap]\.?\s?m\.?)?(?![\w])", re.I
)
_NUMERIC_DAY = re.compile(r"^(?P<a>\d{1,2})\s*/\s*(?P<b>\d{1,2})\s*/\s*(?P<y>\d{4}|\d{2})\b")


def _stamp_time(rest: str) -> tuple[dt.time | None, str]:
    m = _STAMP_TIME.search(rest)
    if m is None:
        return None, rest
    hour, minute = int(m["h"]), int(m["m"])
    ampm = (m["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None, rest
    return dt.time(hour, minute), rest[: m.start()] + " " + rest[m.end() :]


def _stamp_day(stripped: str) -> tuple[dt.date, str] | None:
    """The date at the start of a timestamp line, with its year, and what follows it."""
    numeric = _NUMERIC_DAY.match(stripped)
    if numeric is not None:  # month first, as US sites print it, unless it cannot be
        a, b, y = int(numeric["a"]), int(numeric["b"]), int(numeric["y"])
        year = y + 2000 if y < 100 else y
        month, day = (a, b) if a <= 12 else (b, a)
        try:
            return dt.date(year, month, day), stripped[numeric.end() :]
        except ValueError:
            return None
    found = [d for d in find_dates(stripped) if d.start_date is not None and not d.relative]
    if not found or found[0].granularity not in ("day", "minute"):
        return None
    first = found[0]
    parsed = month_day(first.text)
    if first.start > 4 or parsed is None or parsed[2] is None:
        return None  # no year: a dateline's business
    assert first.start_date is not None
    return first.start_date, stripped[: first.start] + " " + stripped[first.end :]


_LEADING_TIME = re.compile(
    r"^(?P<time>\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?)\s*(?:(?:UK|US|[A-Z]{2,4})\b)?\s*[,|]?\s*"
)


def _timestamp_line(line: str) -> TextDate | None:
    """A line that is a date with its year, maybe a time and a zone, as sites print
    them: "June 17,2017|6:15 pm", "Tue Jul 02 2013,14:58 hrs", "11 / 10 / 11 02:39 PM ET"."""
    stripped = line.strip()
    if len(stripped) > 60:
        return None
    found = _stamp_day(stripped)
    lead = _LEADING_TIME.match(stripped)
    if found is None and lead is not None:
        # "8:05am UK, Monday 16 September 2013": the time first
        found = _stamp_day(stripped[lead.end() :])
        if found is not None:
            found = (found[0], lead["time"] + " " + found[1])
    if found is None:
        return None
    day, rest = found
    tm, rest = _stamp_time(rest)
    tz_m = _TZ_RE.search(rest)
    if tz_m is not None:
        rest = rest[: tz_m.start()] + rest[tz_m.end() :]
    rest = re.sub(r"^\s*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?", "", rest, flags=re.I)
    if _STAMP_FILLER.sub("", rest):
        return None
    tz = tz_m.group(1) if tz_m and tm is not None else None
    return TextDate(day.month, day.day, day.year, stripped, "timestamp", tm, tz)


@lru_cache(maxsize=4096)
def is_timestamp_line(line: str) -> bool:
    """A line that dates the report (a timestamp, an "Updated" or "Posted" line),
    not anything the report tells of."""
    if _timestamp_line(line) is not None:
        return True
    return bool(_UPDATED.search(line) or _POSTED.match(line)) and len(line.strip()) <= 80


def _before_update(line: str) -> str | None:
    """The part of a head line that is not an update: all of it when it names none;
    "Posted: Nov 27, 2005 8:20 AM ET" of "... Last Updated: Nov 27, 2005 8:10 PM ET" and
    "Friday, Sep 10, 2010" of "Friday, Sep 10, 2010 | Updated 9:28 AM EDT" (fields of
    their own); None for "16 September 2013 Last updated at 12:42 GMT", where the date
    is the update's."""
    m = _UPDATED.search(line)
    if m is None:
        return line
    head = line[: m.start()].rstrip()
    if _POSTED.match(head):
        return head
    if head.endswith("|"):
        return head.rstrip("| ")
    return None


def find_text_date(text: str) -> TextDate | None:
    """A dated dateline or a Posted/Published line in the first lines, else None.

    "Last Updated"/"Updated"/copyright lines are never taken (see
    :func:`find_upper_bound`).
    """
    for _, whole in _head(text):
        line = _before_update(whole)
        if line is None or re.search(r"©|\(c\)|copyright", line, re.I):
            continue
        found = _posted(line) or _dateline(line)
        if found is not None:
            return found
        stamp = _timestamp_line(line)
        if stamp is not None:
            return stamp
        stripped = line.strip()
        if len(stripped) <= 60:
            # a line holding nothing but a full date: "Monday, December 23, 1996"
            ms = [d for d in find_dates(stripped) if d.start_date is not None and not d.relative]
            if (
                len(ms) == 1
                and ms[0].granularity in ("day", "minute")
                and len(ms[0].text) >= len(stripped) - 3
                and ms[0].start_date is not None
            ):
                sd = ms[0].start_date
                return TextDate(sd.month, sd.day, sd.year, stripped, "dateline", ms[0].time)
    return None


def _update_dates(line: str) -> list[DateMention]:
    """The absolute dates of an "Updated"/"Last updated" line (none on any other line)."""
    if not _UPDATED.search(line):
        return []
    return [d for d in find_dates(line) if d.end_date is not None and not d.relative]


def find_upper_bound(text: str) -> dt.date | None:
    """The tightest "Last Updated"/"Updated"/copyright/archive date: an upper bound only."""
    bounds: list[dt.date] = []
    for line in text.splitlines():
        bounds.extend(d.end_date for d in _update_dates(line) if d.end_date is not None)
        for m in re.finditer(
            r"(?:©|\(c\)|copyright)\s*(?:(?:1[89]|20)\d\d\s*[-–]\s*)?((?:1[89]|20)\d\d)", line, re.I
        ):
            bounds.append(dt.date(int(m.group(1)), 12, 31))
    return min(bounds) if bounds else None


def find_update_day(text: str) -> dt.date | None:
    """The earliest day an "Updated"/"Last updated" line gives to the day ("Updated:
    November 11, 2011 20:09 IST"), not a bare year or a copyright."""
    days = [
        d.end_date
        for line in text.splitlines()
        for d in _update_dates(line)
        if d.end_date is not None and d.start_date == d.end_date and month_day(d.text) is not None
    ]
    return min(days) if days else None


# --------------------------------------------------------------------------- inference

_STOP = frozenset(
    {
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "after",
        "before",
        "since",
        "during",
        "who",
        "which",
        "that",
        "this",
        "these",
        "those",
        "their",
        "its",
        "his",
        "her",
        "they",
        "them",
        "he",
        "she",
        "it",
        "was",
        "were",
        "had",
        "has",
        "have",
        "been",
        "being",
        "is",
        "are",
        "said",
        "says",
        "also",
        "not",
        "no",
        "yes",
        "there",
        "here",
        "than",
        "then",
        "when",
        "where",
        "while",
        "some",
        "any",
        "all",
        "more",
        "most",
        "other",
        "such",
        "only",
        "very",
        "just",
        "still",
        "police",
        "officials",
    }
)
_IRREGULAR = frozenset(
    {
        "broke",
        "began",
        "took",
        "held",
        "struck",
        "shot",
        "hit",
        "fell",
        "rose",
        "seized",
        "stormed",
        "overran",
        "killed",
        "freed",
    }
)
_WORDS = re.compile(r"[A-Za-z][A-Za-z'-]+")


def _stem(w: str) -> str:
    w = w.lower().strip("'")
    for suf in ("ing", "ed", "es", "s", "e"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[: -len(suf)]
    return w


def _trigger_words(text: str, start: int, end: int) -> dict[str, bool]:
    """Stems of the content words leading up to an expression, within its sentence.

    The value says whether the word looks like an event verb.
    """
    lo = max(0, start - 220)
    before = text[lo:start]
    cut = list(re.finditer(r"[.!?]\s+(?=[A-Z\"“])|\n", before))
    if cut:
        before = before[cut[-1].end() :]
    after = text[end : end + 40]
    cut2 = re.search(r"[.!?;,]|\n", after)
    if cut2:
        after = after[: cut2.start()]
    words = _WORDS.findall(before)[-20:] + _WORDS.findall(after)[:3]
    out: dict[str, bool] = {}
    for w in words:
        lw = w.lower()
        if lw in _STOP or lw in WEEKDAYS or len(lw) < 4 or month_day(w + " 1") is not None:
            continue
        verb = lw.endswith("ed") or lw.endswith("ing") or lw in _IRREGULAR
        st = _stem(lw)
        out[st] = out.get(st, False) or verb
    return out


_DAYS_AGO = re.compile(
    r"\b(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[- ](?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|thirty(?:[- ]one)?)\s+days?\s+ago\b"
    r"|\b(?P<yday>yesterday|last\s+night|the\s+day\s+before\s+yesterday)\b",
    re.I,
)
_NUMS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}


def _days_value(m: re.Match[str]) -> int | None:
    if m["yday"]:
        return 2 if "before" in m["yday"].lower() else 1
    s = m["n"].lower().replace("-", " ")
    if s.isdigit():
        return int(s)
    parts = s.split()
    if parts[0] == "thirty":
        return 30 + (1 if len(parts) > 1 else 0)
    if parts[0] == "twenty" and len(parts) > 1:
        return 20 + _NUMS[parts[1]]
    return _NUMS.get(parts[0])


@dataclass(frozen=True)
class _Pair:
    month: int
    day: int
    year: int | None
    days: int
    score: int
    shared: tuple[str, ...]
    date_text: str
    ago_text: str


# Past forms the suffix stemmer cannot undo.
_IRREGULAR_STEMS = {
    "took": "take", "held": "hold", "began": "begin", "struck": "strike", "broke": "break",
    "overran": "overrun", "seized": "seiz", "freed": "free", "led": "lead", "fought": "fight",
}  # fmt: skip


def event_stems(events: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Stem -> event class, from a lexicon's event table (first word of each trigger)."""
    out: dict[str, str] = {}
    for cls, triggers in sorted(events.items()):
        for trigger in triggers:
            out.setdefault(_stem(trigger.split()[0]), cls)
    return out


def _canonical_triggers(words: dict[str, bool], stems: Mapping[str, str]) -> dict[str, bool]:
    """Map trigger stems of one event class to one key: "took over" and "seized" meet."""
    out: dict[str, bool] = {}
    for word, verb in words.items():
        stem = _IRREGULAR_STEMS.get(word, word)
        cls = stems.get(stem) or stems.get(_stem(stem))
        key = f"event:{cls}" if cls else word
        out[key] = out.get(key, False) or verb or cls is not None
    return out


def _pairs(text: str, stems: Mapping[str, str] | None = None) -> list[_Pair]:
    """Calendar date + "N days ago" pairs that name the same event (shared trigger verb)."""
    dated: list[tuple[DateMention, tuple[int, int, int | None, int | None]]] = []
    for mn in find_dates(text):
        if mn.granularity != "day" or mn.time is not None:
            continue
        parsed = month_day(mn.text)
        if parsed is not None:
            dated.append((mn, parsed))
    out: list[_Pair] = []
    for m in _DAYS_AGO.finditer(text):
        n = _days_value(m)
        if n is None:
            continue
        trig_a = _canonical_triggers(_trigger_words(text, m.start(), m.end()), stems or {})
        for mn, (mo, d, y, _) in dated:
            trig_d = _canonical_triggers(_trigger_words(text, mn.start, mn.end), stems or {})
            shared = sorted(set(trig_a) & set(trig_d))
            verbs = [w for w in shared if trig_a[w] or trig_d[w]]
            if not verbs:
                continue
            score = 2 * len(verbs) + len(shared)
            out.append(_Pair(mo, d, y, n, score, tuple(shared), mn.text, m[0]))
    return sorted(out, key=lambda p: (-p.score, p.month, p.day, p.days))


def _lead_weekday(text: str) -> tuple[int, bool, str] | None:
    """A weekday in the lead that names the report's own day.

    ("early Friday", "Friday morning", "today, Friday"): strong. A plain or
    "late" weekday in the lead is weak: the report's day or the day after.
    """
    body = text
    for mn in find_dates(body):
        if mn.start > 1200:
            break
        w = mn.text.lower()
        name = next((d for d in WEEKDAYS if d in w), None)
        if name is None or month_day(mn.text) is not None:
            continue
        if re.search(r"\b(?:last|next|this|coming|past)\b", w):
            continue
        if is_future_context(text, mn.start, mn.end):
            continue
        pod = mn.part_of_day or ""
        strong = pod.startswith("early") or "morning" in pod
        return WEEKDAYS[name], strong, mn.text
    return None


def _explicit_years(text: str) -> list[int]:
    years = []
    for mn in find_dates(text):
        if mn.relative or mn.start_date is None or mn.end_date is None:
            continue
        if _is_meta_line(_line_of(text, mn.start)):
            continue
        if mn.start_date.year != mn.end_date.year:
            continue
        if is_future_context(text, mn.start, mn.end):
            continue
        years.append(mn.start_date.year)
    return years


def _fmt(d: dt.date) -> str:
    return d.isoformat()


def infer_published(
    text: str,
    *,
    upper_bound: dt.date | None = None,
    story_years: Sequence[int] = (),
    stems: Mapping[str, str] | None = None,
) -> Inference:
    """Place a report in time from its own wording.

    Evidence, in order: a calendar date and an "N days ago" that share their
    trigger verb give the month and day; a weekday in the lead ("early
    Friday") gives the weekday and so the possible years; the upper bound and
    the latest past year the text mentions bound the range; ``story_years``
    (years of the story's other reports) pick among what is left. ``date`` is
    None unless exactly one candidate survives.
    """
    pairs = _pairs(text, stems)
    if not pairs:
        return Inference(None, (), "no internal evidence for the publication date")
    best = pairs[0]
    notes = [
        f"'{best.date_text}' and '{best.ago_text}' share the trigger "
        f"'{', '.join(best.shared)}': the report is {best.days} day(s) after {best.date_text}"
    ]
    seen_years = _explicit_years(text)
    lo_year = max(seen_years) if seen_years else EARLIEST_YEAR
    hi = upper_bound or dt.date(LATEST_YEAR, 12, 31)
    lo = dt.date(lo_year, 1, 1)
    if seen_years:
        notes.append(f"the text mentions {lo_year}, so the report is not earlier")
    if upper_bound is not None:
        notes.append(f"upper bound {_fmt(upper_bound)} rules out later dates")
    years = [best.year] if best.year is not None else list(range(lo.year - 1, hi.year + 1))
    cands: list[dt.date] = []
    for y in years:
        if best.day > calendar.monthrange(y, best.month)[1]:
            continue
        p = dt.date(y, best.month, best.day) + dt.timedelta(days=best.days)
        if lo <= p <= hi:
            cands.append(p)
    cands = sorted(set(cands))
    lead = _lead_weekday(text)
    if lead is not None and cands:
        wd, strong, wtext = lead
        allowed = {wd} if strong else {wd, (wd + 1) % 7}
        kept = [c for c in cands if c.weekday() in allowed]
        if kept:
            cands = kept
            day_names = " or ".join(_WEEKDAY_NAMES[w] for w in sorted(allowed))
            notes.append(f"'{wtext}' in the lead makes the report's day a {day_names}")
    if story_years and len(cands) > 1:
        sy = {int(y) for y in story_years}
        kept = [c for c in cands if c.year in sy]
        if kept:
            cands = kept
            notes.append(f"the story's other reports are from {sorted(sy)}")
    if not cands:
        return Inference(None, (), "; ".join([*notes, "no date satisfies all of this"]))
    if len(cands) == 1:
        notes.append(f"only {_fmt(cands[0])} fits")
        return Inference(cands[0], tuple(cands), "; ".join(notes))
    notes.append("candidates: " + ", ".join(_fmt(c) for c in cands) + " (year not fixed)")
    return Inference(None, tuple(cands), "; ".join(notes))


# --------------------------------------------------------------------------- resolution


def _after(year: int, td: TextDate, bound: dt.date) -> bool:
    """The text date in ``year`` falls after ``bound`` (or does not exist)."""
    if td.day > calendar.monthrange(year, td.month)[1]:
        return True
    return dt.date(year, td.month, td.day) > bound


def _fix_text_year(
    td: TextDate, text: str, upper_bound: dt.date | None, story_years: Sequence[int]
) -> tuple[dt.date | None, str]:
    """Year for a year-less dateline: story years, the lead weekday, the upper bound."""
    years: list[int] = []
    if story_years:
        sy = [int(y) for y in story_years]
        if len(sy) >= 2 and abs(sy[0] - sy[1]) == 1:
            a, b = sorted(sy[:2])
            years = [a if td.month >= 7 else b]
        else:
            years = [sy[0]]
        if upper_bound is not None and _after(years[0], td, upper_bound):
            # the report cannot postdate its "Updated" line: the latest year that fits
            fits = [y for y in sorted(set(sy), reverse=True) if not _after(y, td, upper_bound)]
            years = fits[:1] or years
        how = f"year from the story's other reports ({years[0]})"
    else:
        lead = _lead_weekday(text)
        if lead is not None and lead[1]:
            hi = (upper_bound or dt.date(LATEST_YEAR, 12, 31)).year
            years = [
                y
                for y in range(EARLIEST_YEAR, hi + 1)
                if td.day <= calendar.monthrange(y, td.month)[1]
                and dt.date(y, td.month, td.day).weekday() == lead[0]
                and (upper_bound is None or dt.date(y, td.month, td.day) <= upper_bound)
            ]
            how = f"'{lead[2]}' fixes the weekday"
        else:
            how = "no year"
    if len(years) == 1 and td.day <= calendar.monthrange(years[0], td.month)[1]:
        return dt.date(years[0], td.month, td.day), how
    return None, how


def resolve_published(
    meta_published: dt.date | dt.datetime | None,
    text: str,
    *,
    story_years: Sequence[int] = (),
    stems: Mapping[str, str] | None = None,
) -> PublishedResult:
    """Publication date by the order metadata -> text -> inferred -> unknown.

    ``stems`` (from :func:`event_stems`) lets two trigger verbs of one event
    class ("took over", "seized") date the same event.
    """
    upper = find_upper_bound(text)
    if meta_published is not None:
        return PublishedResult(meta_published, PublishedBasis.METADATA, "metadata", upper)
    td = find_text_date(text)
    if td is not None:
        stamp = td.timestamp
        if stamp is not None:
            return PublishedResult(stamp, PublishedBasis.TEXT, td.evidence, upper)
        day, how = _fix_text_year(td, text, upper, story_years)
        if day is not None:
            return PublishedResult(day, PublishedBasis.TEXT, f"{td.evidence} ({how})", upper)
    inf = infer_published(text, upper_bound=upper, story_years=story_years, stems=stems)
    if td is not None and td.year is None:
        # a year-less dateline narrows the inferred candidates to its month and day
        cands = tuple(c for c in inf.candidates if (c.month, c.day) == (td.month, td.day))
        if len(cands) == 1:
            return PublishedResult(
                cands[0], PublishedBasis.TEXT, f"{td.evidence}; {inf.evidence}", upper, cands
            )
    if inf.date is not None:
        return PublishedResult(
            inf.date, PublishedBasis.INFERRED, inf.evidence, upper, inf.candidates
        )
    if inf.candidates:
        return PublishedResult(None, PublishedBasis.INFERRED, inf.evidence, upper, inf.candidates)
    return PublishedResult(None, PublishedBasis.UNKNOWN, inf.evidence, upper)


# --------------------------------------------------------------------------- consistency


def check_consistency(published: dt.date | dt.datetime | None, text: str) -> list[str]:
    """What in ``text`` disagrees with its publication date ``published``.

    * an absolute date (with its year) later than the publication date, unless
      the wording makes it a plan ("will", "is due to", "scheduled for");
    * a weekday that contradicts its own date ("Thursday, Dec. 20" in a year
      when Dec. 20 is a Friday);
    * a dated dateline or Posted line that disagrees with the date.

    Ordinary wording for a past event is not a problem: "Saturday morning" in a
    Monday report tells of Saturday (the lead's weekday only helps infer the
    date of a report that has none).
    """
    if published is None:
        return []
    day = published.date() if isinstance(published, dt.datetime) else published
    out: list[str] = []
    mentions = find_dates(text, day)  # absolute dates resolve alike with or without it
    for mn in mentions:
        if mn.relative or mn.start_date is None or month_day(mn.text) is None:
            continue
        if _is_meta_line(_line_of(text, mn.start)):
            continue
        if mn.start_date > day and not is_future_context(text, mn.start, mn.end):
            out.append(
                f"'{mn.text}' ({_fmt(mn.start_date)}) is after the publication date "
                f"{_fmt(day)} and is not worded as a plan"
            )
    for mn in mentions:
        said = _WEEKDAY_FIRST.match(mn.text)
        if said is None or mn.start_date is None or mn.start_date != mn.end_date:
            continue
        if _WEEKDAY_NAMES[mn.start_date.weekday()][:3].lower() != said.group(1)[:3].lower():
            out.append(
                f"'{mn.text}' names a {said.group(1)}, but {_fmt(mn.start_date)} "
                f"is a {_WEEKDAY_NAMES[mn.start_date.weekday()]}"
            )
    td = find_text_date(text)
    if td is not None:
        if td.date is not None and td.date != day:
            out.append(
                f"the dateline '{td.evidence}' gives {_fmt(td.date)}, "
                f"the publication date is {_fmt(day)}"
            )
        elif td.date is None and (td.month, td.day) != (day.month, day.day):
            out.append(
                f"the dateline '{td.evidence}' gives {calendar.month_abbr[td.month]} {td.day}, "
                f"the publication date is {_fmt(day)}"
            )
    return out


_WEEKDAY_FIRST = re.compile(
    r"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|"
    r"Thurs|Fri|Sat|Sun)\.?,?\s+(?:the\s+)?[A-Za-z.]*\s*\d",
    re.I,
)


def _is_meta_line(line: str) -> bool:
    return bool(_UPDATED.search(line) or re.search(r"©|\(c\)|copyright", line, re.I))


def _line_of(text: str, pos: int) -> str:
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    return text[lo : hi if hi >= 0 else len(text)]
