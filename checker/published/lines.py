"""The lines a report dates itself with: datelines, Posted and Updated lines, site timestamps."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from checker.extract.dates import WEEKDAYS, find_dates, month_day
from checker.records import DateMention

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
