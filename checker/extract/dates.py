"""Time expressions in news text, resolved to day intervals (pure text, no spaCy).

``find_dates(text, anchor)`` returns every date or time expression as a
:class:`~checker.records.DateMention`, ordered by start offset. ``anchor`` is
the report's publication date; it resolves weekdays ("early Friday"),
relative expressions ("24 days ago", "last week") and year-less dates
("Dec. 17").

Conventions (news usage):

* A bare weekday is the most recent such day, the anchor's own weekday being
  the anchor day itself ("early Friday" in a Friday report is that Friday).
  It is in the future (0-6 days ahead) only when the wording says so: a
  future marker ("will", "is due to", "scheduled for", "expected to", ...)
  governs it, or it is modified by "next"/"coming".
* A year-less date takes the year that puts it closest on or before the
  anchor, or on or after it when the wording is future. With no anchor,
  ``story_years`` (most common first) decides; otherwise the mention is
  returned with ``anchored=False`` and no dates.
* Expressions that point at another time in the story ("the day before",
  "two days later") are resolved against the closest preceding mention of a
  single day; when there is none, or they point at an event ("the day after
  the attack"), they come back with ``anchored=False``.
* Granularity: "day" for days (also with a part of day), "minute"/"hour" for
  clock times, "week" for whole calendar weeks (Monday-Sunday), "month",
  "season", "year", and "span" for any other stretch: "early February"
  (1-10), "mid-January" (11-20), "late April" (21-end), "earlier this
  month", "the past three weeks", quarters, halves and decades.
* Durations and day counts ("an 18-week standoff", "for four months", "the
  118th day of the siege", "24 days after the attack") are not dates; they
  come from :func:`find_durations` as :class:`Duration` records.

Words that only look like dates are left alone: lower-case "may"/"march", a
capitalised "May" without a day, year or a preposition, "March on", "May
Day", "Sunday Times", "Friday prayers", "Good Friday".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from checker.records import DateMention, Granularity

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "Duration",
    "find_dates",
    "find_durations",
    "is_future_context",
    "month_day",
    "resolve_weekday",
    "resolve_year",
    "tense_of",
]

# --------------------------------------------------------------------------- vocabulary

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_WEEKDAY_ABBR: dict[str, int] = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}

_SMALL_NUMBERS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "twentieth": 20,
    "thirtieth": 30,
    "hundredth": 100,
}


def _case_alts(words: Sequence[str]) -> str:
    """Capitalised and upper-case spellings only: "may" and "march" are words."""
    forms: list[str] = []
    for w in sorted(words, key=len, reverse=True):
        forms.append(w.capitalize())
        forms.append(w.upper())
    return "|".join(forms)


_MONTH_FULL = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"]
# Abbreviations need a full stop or a following day number (checked by the callers' patterns).
_MONTH_ANY = rf"(?:(?:{_case_alts(_MONTH_FULL)})\b|(?:{_case_alts(_MONTH_ABBR)})(?:\.|\b))"
_MONTH_WORD = rf"(?:(?:{_case_alts(_MONTH_FULL)})\b|(?:{_case_alts(_MONTH_ABBR)})\.)"
_WEEKDAY_FULL = _case_alts([w.capitalize() for w in WEEKDAYS])
_WEEKDAY_ABBR_RE = rf"(?:{_case_alts([w.capitalize() for w in _WEEKDAY_ABBR])})\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"

_NUMBER_WORDS = "|".join(
    [
        rf"(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(list(_SMALL_NUMBERS)[2:11])}))?",
        *sorted((k for k in _SMALL_NUMBERS if k not in ("a", "an")), key=len, reverse=True),
    ]
)
_NUM = rf"(?:\d{{1,4}}|{_NUMBER_WORDS}|a\s+couple\s+of|a|an)"

UNIT_DAYS: dict[str, int] = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}


def number_value(s: str) -> int | None:
    """A count written in digits or words: "12", "two", "twenty-one", "a", "a couple of"."""
    s = s.lower().strip()
    if s.isdigit():
        return int(s)
    if s in _SMALL_NUMBERS:
        return _SMALL_NUMBERS[s]
    if re.fullmatch(r"a\s+couple\s+of", s):
        return 2
    m = re.fullmatch(r"([a-z]+)(?:[- ]([a-z]+))?", s)
    if m and m.group(1) in _TENS:
        unit = _SMALL_NUMBERS.get(m.group(2) or "", 0) if m.group(2) else 0
        return _TENS[m.group(1)] + unit
    return None


def _month_number(s: str) -> int:
    return MONTHS[s.rstrip(".").lower()]


def _day_number(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _weekday_number(s: str) -> int:
    k = s.rstrip(".").lower()
    return WEEKDAYS[k] if k in WEEKDAYS else _WEEKDAY_ABBR[k]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def _week_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


# --------------------------------------------------------------------------- tense

_CLAUSE_BREAK = re.compile(r"[.!?;:]\s|[\n\"“”]")
_WORD = re.compile(r"[A-Za-z']+")
_FUTURE_WORDS = frozenset(
    {
        "will",
        "shall",
        "'ll",
        "ll",
        "upcoming",
        "scheduled",
        "slated",
        "planned",
        "would",
        "wo",
        "may",
        "might",
        "should",
        "must",
        "deadline",
    }
)
_FUTURE_BEFORE_TO = frozenset(
    {
        "expected",
        "set",
        "plan",
        "plans",
        "planning",
        "intends",
        "intend",
        "going",
        "is",
        "are",
        "aims",
        "aim",
        "hopes",
        "hope",
        "due",
        "wants",
        "want",
        "seeks",
        "seek",
        "agreed",
        "promised",
        "vowed",
        "pledged",
        "threatened",
        "needs",
        "has",
        "have",
    }
)
_PAST_WORDS = frozenset(
    {
        "said",
        "says",
        "told",
        "announced",
        "reported",
        "stated",
        "added",
        "confirmed",
        "declared",
        "was",
        "were",
        "had",
        "did",
        "began",
        "took",
        "came",
        "went",
        "left",
        "met",
        "held",
        "saw",
        "fell",
        "rose",
        "won",
        "lost",
        "made",
        "gave",
        "got",
        "broke",
        "ran",
        "shot",
        "found",
        "heard",
        "felt",
        "struck",
        "hit",
        "sent",
        "became",
        "wrote",
        "spoke",
        "ago",
        "last",
        "since",
    }
)
_NOT_PAST_ED = frozenset({"need", "speed", "feed", "seed", "bed", "red", "armed", "wounded"})
_LEAD_IN = frozenset({"on", "by", "early", "late", "until", "till", "from", "then", "and", "but"})


def _is_future_word(words: list[str], i: int) -> bool:
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    prv = words[i - 1] if i > 0 else ""
    if w in _FUTURE_WORDS or w == "next":
        return True
    if w == "due":
        return prv in {"is", "are", "was", "were", "be", "'s", "s"}
    return w in _FUTURE_BEFORE_TO and nxt == "to"


def _is_past_word(w: str) -> bool:
    return w in _PAST_WORDS or (len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST_ED)


def tense_of(text: str, start: int, end: int) -> bool | None:
    """True when the wording makes ``text[start:end]`` a future time, False when it is past, None
    when nothing says.

    Walks back through the clause to the nearest future marker ("will",
    "is due to", "scheduled", "expected to", "may", ...) or past marker
    ("said", "was", a verb in -ed); when the expression opens its clause ("On
    Friday the talks will ..."), looks a few words ahead instead.
    """
    lo = max(0, start - 160)
    before = text[lo:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    words = [w.lower() for w in _WORD.findall(before)][-14:]
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        prv = words[i - 1] if i > 0 else ""
        if _is_future_word(words, i):
            return True
        if w == "be" and prv == "to":
            return True  # "to be held on Oct. 12"
        if prv in ("be", "being"):
            continue  # a passive participle: the auxiliary before it decides
        if _is_past_word(w):
            return False
    if any(w not in _LEAD_IN for w in words[-3:]) and len(words) > 3:
        return None
    after = text[end : end + 120]
    brk = _CLAUSE_BREAK.search(after)
    if brk:
        after = after[: brk.start()]
    words = [w.lower() for w in _WORD.findall(after)][:10]
    for i, w in enumerate(words):
        if _is_future_word(words, i) and w != "next":
            return True
        if _is_past_word(w):
            return False
    return None


def is_future_context(text: str, start: int, end: int) -> bool:
    """Does the wording make the expression at ``text[start:end]`` a future time?"""
    return tense_of(text, start, end) is True


# --------------------------------------------------------------------------- resolution


def resolve_year(
    month: int, day: int | None, anchor: dt.date, *, future: bool | None = False
) -> int:
    """The year of a year-less date, for a report dated ``anchor``.

    ``future=False`` (past or present wording): the year that puts the date
    closest on or before the anchor. ``future=True`` (the wording makes it a
    plan): closest on or after. ``future=None`` (the tense is unknown): the
    past, unless the date would be more than six months back while its next
    occurrence is nearer: reporters write the year for a date that far in the
    past, so "Oct. 25" with no tense in an Oct. 15 report is ten days ahead.
    ``day`` None means the whole month ("in December"). Raises ValueError for
    a day that no year has (Feb. 30).
    """
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    if not 1 <= month <= 12:
        raise ValueError(f"bad month {month}")
    if day is None:
        back = (anchor.month - month) % 12
        fwd = (month - anchor.month) % 12
        if future or (future is None and back > 6 and fwd < back):
            return anchor.year + (1 if month < anchor.month else 0)
        return anchor.year - (1 if month > anchor.month else 0)
    if not 1 <= day <= 31 or day > (29 if month == 2 else calendar.monthrange(2001, month)[1]):
        raise ValueError(f"bad day {month}/{day}")
    years = range(max(1, anchor.year - 8), min(9999, anchor.year + 8) + 1)
    dates = [dt.date(y, month, day) for y in years if day <= calendar.monthrange(y, month)[1]]
    if not dates:
        raise ValueError(f"no year for {month}/{day} near {anchor}")
    earlier = [d for d in dates if d <= anchor]
    later = [d for d in dates if d >= anchor]
    if later and (future or not earlier):
        return later[0].year
    if not earlier:
        return dates[-1].year
    back = (anchor - earlier[-1]).days
    if future is None and later and back > 183 and (later[0] - anchor).days < back:
        return later[0].year
    return earlier[-1].year


def resolve_weekday(
    weekday: int, anchor: dt.date, *, modifier: str | None = None, future: bool = False
) -> dt.date:
    """The day meant by a weekday name in a report dated ``anchor`` (Monday = 0).

    Bare: the most recent such day (0-6 days back), or 0-6 days ahead when
    ``future``. "last": 1-7 days back; "next": 1-7 days ahead; "this": the
    same Monday-Sunday week; "coming": 0-6 days ahead.
    """
    a = anchor.weekday()
    if modifier == "last":
        delta = -((a - weekday - 1) % 7 + 1)
    elif modifier == "next":
        delta = (weekday - a - 1) % 7 + 1
    elif modifier == "this":
        delta = weekday - a
    elif modifier == "coming" or future:
        delta = (weekday - a) % 7
    else:
        delta = -((a - weekday) % 7)
    return anchor + dt.timedelta(days=delta)


@dataclass(frozen=True)
class _Ctx:
    text: str
    anchor: dt.date | None
    story_years: tuple[int, ...]


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    mention: DateMention
    rule: int
    shift: tuple[int, str] | None = None  # discourse offset (days) and its unit


def _mention(
    ctx: _Ctx,
    s: int,
    e: int,
    start_date: dt.date | None,
    end_date: dt.date | None,
    gran: Granularity,
    *,
    relative: bool = False,
    anchored: bool = True,
    time: dt.time | None = None,
    part_of_day: str | None = None,
) -> DateMention:
    if start_date is None or end_date is None:
        start_date = end_date = None
        anchored = False
    return DateMention(
        start=s,
        end=e,
        text=ctx.text[s:e],
        start_date=start_date,
        end_date=end_date,
        granularity=gran,
        relative=relative,
        anchored=anchored,
        time=time,
        part_of_day=part_of_day,
    )


def _story_year(month: int, story_years: tuple[int, ...]) -> int:
    """Pick a story year for a year-less month when there is no anchor."""
    if len(story_years) >= 2:
        a, b = sorted(story_years[:2])
        if b == a + 1:  # the story crosses a new year: late months go with the earlier year
            return a if month >= 7 else b
    return story_years[0]


def _year_for(
    ctx: _Ctx, month: int, day: int | None, s: int, e: int, weekday: int | None = None
) -> int | None:
    if ctx.anchor is not None:
        return resolve_year(month, day, ctx.anchor, future=tense_of(ctx.text, s, e))
    if not ctx.story_years:
        return None
    if weekday is not None and day is not None:
        for y in ctx.story_years:
            if day <= calendar.monthrange(y, month)[1] and dt.date(y, month, day).weekday() == (
                weekday
            ):
                return y
    return _story_year(month, ctx.story_years)


def _part_range(part: str, year: int, month: int) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    p = part.lower().replace("-", " ").strip()
    if p in ("early", "beginning of", "start of", "the beginning of", "the start of"):
        return dt.date(year, month, 1), dt.date(year, month, 10)
    if p in ("mid", "middle of", "the middle of"):
        return dt.date(year, month, 11), dt.date(year, month, 20)
    return dt.date(year, month, 21), dt.date(year, month, last)


# --------------------------------------------------------------------------- patterns

_F = re.IGNORECASE
_WD_PREFIX = rf"(?:(?P<wd>{_WEEKDAY_FULL}|{_WEEKDAY_ABBR_RE}),?[ \t]+)?"
_DAY_G = rf"(?P<day>{_DAY})"
_YEAR_G = rf"(?P<year>{_YEAR})"
_M = rf"(?P<month>{_MONTH_ANY})"
_MW = rf"(?P<month>{_MONTH_WORD})"
_PART = r"(?P<part>early|mid|late|the\s+(?:beginning|start|middle|end)\s+of|(?:beginning|end)\s+of)"

_RE_ISO = re.compile(
    r"(?<![\d/-])(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
    r"(?:[T ](?P<h>\d\d):(?P<mi>\d\d)(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d-])"
)
_RE_SLASH = re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])")
_RE_SLASH_ISO = re.compile(r"(?<![\d/])(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?!\d)")
_RE_MDY = re.compile(
    rf"{_WD_PREFIX}{_M}\s*{_DAY_G}(?:\s*(?:-|–|to|through)\s*(?P<day2>{_DAY}))?"
    rf"(?:\s*,\s*|\s+){_YEAR_G}(?!\d)"
)
_RE_DMY = re.compile(
    rf"{_WD_PREFIX}(?:the\s+)?{_DAY_G}(?:\s*(?:-|–|to)\s*(?P<day2>{_DAY}))?(?:\s+of)?\s+{_M},?"
    rf"\s+{_YEAR_G}(?!\d)"
)
_RE_MD = re.compile(
    rf"{_WD_PREFIX}(?:(?:the\s+)?night\s+of\s+)?{_M}\s*{_DAY_G}"
    rf"(?:\s*(?:-|–|to|through)\s*(?P<day2>{_DAY}))?(?![\d:,.]\d|\d|%)"
)
_RE_DM = re.compile(
    rf"{_WD_PREFIX}(?:the\s+)?{_DAY_G}(?:\s*(?:-|–|to)\s*(?P<day2>{_DAY}))?(?:\s+of)?\s+{_M}"
)
_RE_MY = re.compile(rf"(?:{_PART}[\s-]+)?{_M},?\s+(?:of\s+)?{_YEAR_G}(?!\d)")
_RE_MONTH = re.compile(
    rf"(?:(?P<mod>last|next|this|early|mid|late|the\s+(?:beginning|start|middle|end)\s+of"
    rf"|(?:beginning|end)\s+of)[\s-]+)?{_MW}(?!\s*\d)"
)
_RE_YEAR = re.compile(
    rf"(?:(?P<part>early|mid|late|the\s+(?:beginning|start|middle|end)\s+of|end\s+of)[\s-]+)?"
    rf"(?<![\d$£€.,:/#])(?<![\d.,]-){_YEAR_G}(?![\d%]|[.,:/]\d|-\d|\s*-\s*year|\s*(?:am|pm|a\.m|p\.m|GMT|UTC)\b)"
)
_RE_DECADE = re.compile(r"(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?P<dec>1[6-9]\d|20\d)0s\b")
_RE_WEEKDAY = re.compile(
    rf"(?:(?P<mod>last|next|this|this\s+past|this\s+coming|coming|past|early|late|early\s+on"
    rf"|late\s+on)\s+)?(?P<wd>{_WEEKDAY_FULL})(?:'s)?"
    r"(?:\s+(?P<pod>morning|afternoon|evening|night|overnight|noon))?\b",
)
_RE_RELDAY = re.compile(
    r"\b(?:(?P<pre>early|late|earlier|later)\s+)?"
    r"(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|"
    r"last\s+night|this\s+(?:morning|afternoon|evening)|"
    r"tomorrow\s+(?:morning|afternoon|evening|night)|"
    r"yesterday\s+(?:morning|afternoon|evening)|tonight|yesterday|tomorrow|overnight)\b(?!-)",
    _F,
)
_RE_AGO = re.compile(
    rf"\b(?P<n>{_NUM})\s+(?P<unit>day|week|fortnight|month|year|decade)s?\s+(?P<dir>ago|from\s+now|"
    rf"hence)\b(?:\s+(?P<today>today)\b)?",
    _F,
)
_RE_REL_PERIOD = re.compile(
    r"\b(?P<mod>last|this|next|the\s+past|the\s+previous|the\s+following|the\s+coming|"
    r"earlier\s+this|later\s+this|early\s+this|late\s+this|earlier\s+in\s+the|later\s+in\s+the|"
    r"early\s+next|late\s+last|early\s+last|late\s+next|this\s+past|this\s+coming)\s+"
    r"(?P<unit>week|weekend|month|year|spring|summer|autumn|fall|winter|quarter|decade)\b",
    _F,
)
_RE_PAST_N = re.compile(
    rf"\bthe\s+(?P<mod>past|last|previous|next|coming)\s+"
    rf"(?P<n>{_NUM})\s+(?P<unit>day|week|month|year|decade)s\b",
    _F,
)
_RE_SEASON = re.compile(
    rf"\b(?:(?P<part>early|mid|late)[\s-]+)?(?P<season>spring|summer|autumn|fall|winter)"
    rf"(?:\s+of)?\s+{_YEAR_G}(?!\d)",
    _F,
)
_RE_QUARTER = re.compile(
    r"\b(?:the\s+)?(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+"
    r"(?P<unit>quarter|half)\b"
    rf"(?:\s+(?:of\s+)?(?:(?P<year>{_YEAR})|(?P<rel>this|last|next|the)\s+(?:fiscal\s+)?year))?",
    _F,
)
_RE_QSHORT = re.compile(
    rf"\b(?P<h>[QH])(?P<q>[1-4])\s+{_YEAR_G}\b|\b(?P<year2>{_YEAR})\s*(?P<h2>[QH])(?P<q2>[1-4])\b"
)
_RE_TIME = re.compile(
    r"(?<![\d:.,])(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*"
    r"(?P<ap>[aApP])\.?\s?[mM]\b\.?"
    r"(?:\s+(?P<tz>GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|HKT|JST|IST|local\s+time))?"
    r"|(?<![\d:.,])(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?![\d:])"
    r"(?:\s*(?P<tz2>GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|HKT|JST|IST|"
    r"local\s+time|hrs|hours|h)\b)?"
    r"|(?<![\d:.,])(?P<hm>[0-2]\d[0-5]\d)\s*(?P<tz3>GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST"
    r"|CET|CEST|HKT|JST|IST|hrs|local\s+time)\b"
    r"|\b(?P<noon>noon|midnight)\b",
)
_RE_SHIFT = re.compile(
    rf"\b(?:(?P<n>{_NUM})\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>later|earlier|before|after)"
    r"|(?:the|that)\s+(?P<same>same\s+day|day\s+before|day\s+after|previous\s+day|next\s+day|"
    r"following\s+day|prior\s+day)|(?P<thatday>that\s+day))\b",
    _F,
)

_RE_WEEKEND = re.compile(r"\b(?:over|during|at|on)\s+the\s+weekend\b", _F)
_RE_PERIOD_PART = re.compile(
    r"\b(?:the\s+)?(?P<part>beginning|start|end|middle)\s+of\s+(?P<mod>the|this|last|next)\s+"
    r"(?P<unit>year|month|week)\b",
    _F,
)
_RE_SHORT_YEAR = re.compile(
    r"(?:\bthe\s+)?(?:'|’|\bthe\s+)(?P<dec>[1-9])0s\b|(?<![\w'’])['’](?P<yy>\d\d)\b(?!['’\d])"
)
# Holidays on a fixed day of the calendar.
_HOLIDAYS = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "boxing day": (12, 26),
    "valentine's day": (2, 14),
    "independence day": (7, 4),
}
_RE_HOLIDAY = re.compile(
    r"(?<![A-Za-z])(?P<name>Christmas\s+Eve|Christmas\s+Day|Christmas(?!\s+(?:tree|card|party|"
    r"season|holidays?|period|present|gift|lights|message|spirit|week|truce|dinner|carol))|"
    r"New\s+Year['’]s\s+(?:Eve|Day)|Boxing\s+Day|Valentine['’]s\s+Day|Independence\s+Day)"
    r"(?:,?\s+(?P<year>1[89]\d\d|20\d\d))?(?![A-Za-z])"
)
_NOT_AFTER_MONTH = re.compile(r"\s+(?:Day|[A-Z][a-z]+\b(?<!Day))")
_NOT_AFTER_WEEKDAY = re.compile(
    r"(?:'s)?\s+(?:(?:Times|Telegraph|Mirror|Express|Herald|Post|Independent|Mail|Tribune|Star|"
    r"Sun|Business|Review|Magazine|Night\s+Live|Service|Agreement|Prayers?|Mass|School|Edition)"
    r"|prayers?|school|services?|editions?|newspapers?|paper|sermon|markets?|supplement|magazine|"
    r"mass)\b"
)
_HOLIDAY_BEFORE = re.compile(
    r"(?:Good|Black|Ash|Easter|Palm|Holy|Super|Bloody|Cyber|Maundy|Shrove|Whit|Blue|Low|Mothering"
    r"|Trinity|Passion)\s+$"
)
_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|during|of|from|to|through|before|after|last|next|this|"
    r"early|late|mid|on|and|or|between|each|every|around|throughout|for|starting|beginning|"
    r"ending|end|as\s+of|until|then)[\s-]+)$",
    _F,
)
_YEAR_BAD_BEFORE = re.compile(
    r"(?:\b(?:about|some|nearly|almost|around|approximately|than|over|least|most|up\s+to|"
    r"No|no|number|Nos|flight|Flight|route|Route|Room|room|model|Model|page|p|pp|Article|"
    r"article|Section|section|Rule|rule|Resolution|resolution|Channel|channel)\.?\s+)$"
)
_YEAR_BAD_AFTER = re.compile(
    r"\s+(?:people|persons|men|women|children|troops|soldiers|police|officers|workers|jobs|"
    r"employees|dealers|dealerships|cars|vehicles|units|shares|points|passengers|homes|houses|"
    r"hostages|rebels|students|votes|voters|feet|ft|meters|metres|km|kilometers|kilometres|miles|"
    r"tons|tonnes|pounds|dollars|euros|yen|barrels|acres|hectares|kg|kilograms|m|cm|mm|hp|times|"
    r"deaths|cases|members|stores|plants|planes|aircraft|seats|residents|families|delegates|"
    r"copies|others|more|prisoners|comrades|detainees|inmates|refugees|civilians|victims|"
    r"guerrillas|fighters|militants|demonstrators|protesters|protestors|marchers|casualties|"
    r"or\s+so|of\s+(?:the|them|whom|which|these|those))\b"
)


_OPENS_WITH_IN = re.compile(r"(?:^|[.!?][\"'”’)]*\s+|\n\s*)In\s+$")


def _valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def _scan(ctx: _Ctx) -> Iterator[_Cand]:
    text, anchor = ctx.text, ctx.anchor

    # 0. ISO dates and numeric dates
    for m in _RE_ISO.finditer(text):
        y, mo, d = int(m["year"]), int(m["month"]), int(m["day"])
        if y >= 1000 and _valid_day(y, mo, d):
            day = dt.date(y, mo, d)
            tm = dt.time(int(m["h"]), int(m["mi"])) if m["h"] and int(m["h"]) < 24 else None
            if m["mi"] and int(m["mi"]) > 59:
                tm = None
            gran: Granularity = "minute" if tm else "day"
            yield _Cand(
                m.start(), m.end(), _mention(ctx, m.start(), m.end(), day, day, gran, time=tm), 0
            )
    for m in _RE_SLASH_ISO.finditer(text):
        y, mo, d = int(m["year"]), int(m["month"]), int(m["day"])
        if y >= 1000 and _valid_day(y, mo, d):
            day = dt.date(y, mo, d)
            yield _Cand(m.start(), m.end(), _mention(ctx, m.start(), m.end(), day, day, "day"), 0)
    for m in _RE_SLASH.finditer(text):
        p1, p2, ys = int(m["a"]), int(m["b"]), m["y"]
        y = int(ys) if len(ys) == 4 else (2000 + int(ys) if int(ys) < 50 else 1900 + int(ys))
        mo, d = (p1, p2) if p1 <= 12 else (p2, p1)
        if y >= 1000 and _valid_day(y, mo, d):
            day = dt.date(y, mo, d)
            yield _Cand(m.start(), m.end(), _mention(ctx, m.start(), m.end(), day, day, "day"), 0)

    # 1. full dates with a year
    for rx in (_RE_MDY, _RE_DMY):
        for m in rx.finditer(text):
            y, mo, d = int(m["year"]), _month_number(m["month"]), _day_number(m["day"])
            d2 = _day_number(m["day2"]) if m["day2"] else d
            if not (_valid_day(y, mo, d) and _valid_day(y, mo, d2)) or d2 < d:
                continue
            g: Granularity = "day" if d2 == d else "span"
            s0 = m.start()
            yield _Cand(
                s0, m.end(), _mention(ctx, s0, m.end(), dt.date(y, mo, d), dt.date(y, mo, d2), g), 1
            )

    # 2a. fixed-date holidays, resolved like a year-less month-day
    for m in _RE_HOLIDAY.finditer(text):
        mo, d = _HOLIDAYS[re.sub(r"\s+", " ", m["name"].lower().replace("’", "'"))]
        year = int(m["year"]) if m["year"] else _year_for(ctx, mo, d, m.start(), m.end())
        holiday = dt.date(year, mo, d) if year is not None else None
        yield _Cand(
            m.start(),
            m.end(),
            _mention(ctx, m.start(), m.end(), holiday, holiday, "day", relative=True),
            1,
        )

    # 2. month-day without a year
    for rx in (_RE_MD, _RE_DM):
        for m in rx.finditer(text):
            mo, d = _month_number(m["month"]), _day_number(m["day"])
            d2 = _day_number(m["day2"]) if m["day2"] else d
            if d > (29 if mo == 2 else calendar.monthrange(2001, mo)[1]) or d2 < d:
                continue
            if rx is _RE_MD and re.match(r"\s*(?:-|–)?\s*\d", text[m.end() : m.end() + 3]):
                continue
            wd = _weekday_number(m["wd"]) if m["wd"] else None
            s0 = m.start()
            try:
                yr = _year_for(ctx, mo, d, s0, m.end(), wd)
            except ValueError:
                continue
            if yr is None:
                mention = _mention(ctx, s0, m.end(), None, None, "day", relative=True)
            else:
                y = yr
                if not (_valid_day(y, mo, d) and _valid_day(y, mo, d2)):
                    continue
                g2: Granularity = "day" if d2 == d else "span"
                night = "night" if re.search(r"night\s+of", m[0], _F) else None
                mention = _mention(
                    ctx,
                    s0,
                    m.end(),
                    dt.date(y, mo, d),
                    dt.date(y, mo, d2),
                    g2,
                    relative=True,
                    part_of_day=night,
                )
            yield _Cand(s0, m.end(), mention, 2)

    # 3. month + year, "mid-January 1997"
    for m in _RE_MY.finditer(text):
        y, mo = int(m["year"]), _month_number(m["month"])
        if m["part"]:
            a, b = _part_range(m["part"], y, mo)
            yield _Cand(m.start(), m.end(), _mention(ctx, m.start(), m.end(), a, b, "span"), 3)
        else:
            yield _Cand(
                m.start(),
                m.end(),
                _mention(ctx, m.start(), m.end(), dt.date(y, mo, 1), _month_end(y, mo), "month"),
                3,
            )

    # 4. month alone, with news context
    for m in _RE_MONTH.finditer(text):
        word = m["month"]
        s0, e0 = m.start(), m.end()
        mo = _month_number(word)
        mod = (m["mod"] or "").lower()
        before = text[max(0, m.start("month") - 25) : m.start("month")]
        follow = _NOT_AFTER_MONTH.match(text, e0)
        if follow and not mod and follow[0].strip().lower() not in MONTHS | WEEKDAYS:
            continue  # "May Day", "June Carter", "April Fools"
        if re.match(r"\s+on\b", text[e0 : e0 + 4]) and word.lower() == "march" and not mod:
            continue  # "March on Washington"
        if word.lower() in ("may", "march") or word.isupper():
            if not mod and not _MONTH_CONTEXT.search(before):
                continue
        elif not mod and not _MONTH_CONTEXT.search(before):
            # other months: accept unless it looks like a name (preceded by a capitalised word)
            if re.search(r"[A-Z][a-z]+\s+$", before) and not re.search(
                r"(?:^|[.!?]\s+)[A-Z][a-z]+\s+$", before
            ):
                continue
            # sentence-initial bare month: only with a following comma/verb context
            if (
                s0 == 0 or re.search(r"(?:^|[.!?\n\"“]\s*)$", text[max(0, s0 - 3) : s0])
            ) and not re.match(r",|\s+(?:was|is|saw|will|has|had)\b", text[e0 : e0 + 6]):
                continue
        try:
            if mod in ("last", "next", "this"):
                if anchor is None:
                    yield _Cand(
                        s0, e0, _mention(ctx, s0, e0, None, None, "month", relative=True), 4
                    )
                    continue
                if mod == "last":
                    y = anchor.year if mo < anchor.month else anchor.year - 1
                elif mod == "next":
                    y = anchor.year if mo > anchor.month else anchor.year + 1
                else:
                    y = anchor.year
            else:
                yy = _year_for(ctx, mo, None, s0, e0)
                if yy is None:
                    g3: Granularity = "month" if not mod else "span"
                    yield _Cand(s0, e0, _mention(ctx, s0, e0, None, None, g3, relative=True), 4)
                    continue
                y = yy
            if mod and mod not in ("last", "next", "this"):
                a, b = _part_range(mod, y, mo)
                yield _Cand(s0, e0, _mention(ctx, s0, e0, a, b, "span", relative=True), 4)
            else:
                yield _Cand(
                    s0,
                    e0,
                    _mention(
                        ctx, s0, e0, dt.date(y, mo, 1), _month_end(y, mo), "month", relative=True
                    ),
                    4,
                )
        except (ValueError, OverflowError):
            continue

    # 5. years, decades
    for m in _RE_YEAR.finditer(text):
        ys = m.start("year")
        if _YEAR_BAD_BEFORE.search(text[max(0, ys - 20) : ys]):
            continue
        if _YEAR_BAD_AFTER.match(text, m.end()) and not _OPENS_WITH_IN.search(
            text[max(0, ys - 20) : ys]
        ):
            continue  # "1995 fighters" counts fighters, but "In 1995 fighters held..." dates
        y = int(m["year"])
        if not 1800 <= y <= 2100:
            continue
        s0 = m.start() if m["part"] else ys
        if m["part"]:
            p = m["part"].lower()
            if "early" in p or "beginning" in p or "start" in p:
                a, b = dt.date(y, 1, 1), dt.date(y, 4, 30)
            elif "mid" in p or "middle" in p:
                a, b = dt.date(y, 5, 1), dt.date(y, 8, 31)
            else:
                a, b = dt.date(y, 9, 1), dt.date(y, 12, 31)
            yield _Cand(s0, m.end(), _mention(ctx, s0, m.end(), a, b, "span"), 5)
        else:
            yield _Cand(
                s0,
                m.end(),
                _mention(ctx, s0, m.end(), dt.date(y, 1, 1), dt.date(y, 12, 31), "year"),
                5,
            )
    for m in _RE_DECADE.finditer(text):
        base = int(m["dec"]) * 10
        lo, hi = base, base + 9
        if m["part"]:
            p = m["part"].lower()
            lo, hi = (
                (base, base + 3)
                if p == "early"
                else ((base + 3, base + 6) if p == "mid" else (base + 7, base + 9))
            )
        yield _Cand(
            m.start(),
            m.end(),
            _mention(ctx, m.start(), m.end(), dt.date(lo, 1, 1), dt.date(hi, 12, 31), "span"),
            5,
        )

    # 6. seasons with a year, quarters
    for m in _RE_SEASON.finditer(text):
        a, b = _season(m["season"], int(m["year"]))
        yield _Cand(m.start(), m.end(), _mention(ctx, m.start(), m.end(), a, b, "season"), 6)
    for m in _RE_QUARTER.finditer(text):
        cand = _quarter(ctx, m)
        if cand is not None:
            yield cand
    for m in _RE_QSHORT.finditer(text):
        unit = "quarter" if (m["h"] or m["h2"]).upper() == "Q" else "half"
        q = int(m["q"] or m["q2"])
        a, b = _quarter_range(int(m["year"] or m["year2"]), q, unit)
        yield _Cand(m.start(), m.end(), _mention(ctx, m.start(), m.end(), a, b, "span"), 6)

    # 7. weekdays
    for m in _RE_WEEKDAY.finditer(text):
        s0, e0 = m.start(), m.end()
        ws = m.start("wd")
        if _HOLIDAY_BEFORE.search(text[max(0, ws - 12) : ws]):
            continue
        if not m["pod"] and _NOT_AFTER_WEEKDAY.match(text, m.end("wd")):
            after = _NOT_AFTER_WEEKDAY.match(text, m.end("wd"))
            assert after is not None
            word = after[0].strip()
            if word.lstrip("'s ").strip() not in _MONTH_FULL and not word.startswith("'s"):
                continue
        if text[m.end("wd") : m.end("wd") + 1] == "s":
            continue  # "Fridays": a habit, not a day
        wd = _weekday_number(m["wd"])
        mod = re.sub(r"\s+", " ", (m["mod"] or "").lower())
        pod_parts = []
        if mod.startswith("early"):
            pod_parts.append("early")
        elif mod.startswith("late"):
            pod_parts.append("late")
        if m["pod"]:
            pod_parts.append(m["pod"].lower())
        pod = " ".join(pod_parts) or None
        if anchor is None:
            yield _Cand(
                s0, e0, _mention(ctx, s0, e0, None, None, "day", relative=True, part_of_day=pod), 7
            )
            continue
        wmod: str | None = None
        if mod in ("last", "this past", "past"):
            wmod = "last"
        elif mod == "next":
            wmod = "next"
        elif mod in ("coming", "this coming"):
            wmod = "coming"
        elif mod == "this":
            wmod = "this"
        fut = wmod is None and is_future_context(text, s0, e0)
        try:
            day = resolve_weekday(wd, anchor, modifier=wmod, future=fut)
        except OverflowError:
            continue
        yield _Cand(
            s0, e0, _mention(ctx, s0, e0, day, day, "day", relative=True, part_of_day=pod), 7
        )

    # 8. today, yesterday, tonight ...
    for m in _RE_RELDAY.finditer(text):
        s0, e0 = m.start(), m.end()
        w = re.sub(r"\s+", " ", m["w"].lower())
        pre = (m["pre"] or "").lower()
        if w == "overnight" and re.match(
            r"\s+(?:stay|trip|flight|train|bag|shift|rate)", text[e0:]
        ):
            continue
        offset, pod = _RELDAY[w]
        if pre in ("early", "late"):
            pod = f"{pre} {pod}" if pod else pre
        if anchor is None:
            yield _Cand(
                s0, e0, _mention(ctx, s0, e0, None, None, "day", relative=True, part_of_day=pod), 8
            )
            continue
        try:
            if w == "overnight":
                a, b = anchor - dt.timedelta(days=1), anchor
                yield _Cand(
                    s0, e0, _mention(ctx, s0, e0, a, b, "span", relative=True, part_of_day=pod), 8
                )
                continue
            day = anchor + dt.timedelta(days=offset)
        except OverflowError:
            continue
        yield _Cand(
            s0, e0, _mention(ctx, s0, e0, day, day, "day", relative=True, part_of_day=pod), 8
        )

    # 9. "24 days ago", "three weeks ago"
    for m in _RE_AGO.finditer(text):
        n = number_value(m["n"])
        if n is None:
            continue
        s0, e0 = m.start(), m.end()
        unit = m["unit"].lower()
        sign = -1 if m["dir"].lower() == "ago" else 1
        if anchor is None:
            g4: Granularity = (
                "day"
                if unit == "day"
                else (
                    "week"
                    if unit in ("week", "fortnight")
                    else "month"
                    if unit == "month"
                    else "year"
                )
            )
            yield _Cand(s0, e0, _mention(ctx, s0, e0, None, None, g4, relative=True), 9)
            continue
        try:
            if m["today"] and unit in ("day", "week", "fortnight", "month", "year"):
                day = _same_day_ago(anchor, n * sign, unit)  # "a year ago today": to the day
                cand9 = _mention(ctx, s0, e0, day, day, "day", relative=True)
            else:
                cand9 = _ago(ctx, s0, e0, anchor, n * sign, unit)
        except (ValueError, OverflowError):
            continue
        yield _Cand(s0, e0, cand9, 9)

    # 10. "last week", "this month", "earlier this year", "next summer"
    for m in _RE_REL_PERIOD.finditer(text):
        s0, e0 = m.start(), m.end()
        mod = re.sub(r"\s+", " ", m["mod"].lower())
        unit = m["unit"].lower()
        if unit == "fall" and mod in ("the past", "the previous", "the following", "the coming"):
            continue
        if mod in ("the previous", "the following"):
            continue  # discourse-relative: no anchor to resolve against
        if anchor is None:
            yield _Cand(s0, e0, _mention(ctx, s0, e0, None, None, "span", relative=True), 10)
            continue
        try:
            res = _rel_period(anchor, mod, unit)
        except (ValueError, OverflowError):
            continue
        if res is None:
            continue
        a, b, g5 = res
        yield _Cand(s0, e0, _mention(ctx, s0, e0, a, b, g5, relative=True), 10)

    # 11. "the past three weeks"
    for m in _RE_PAST_N.finditer(text):
        n = number_value(m["n"])
        if n is None or n == 0:
            continue
        s0, e0 = m.start(), m.end()
        if anchor is None:
            yield _Cand(s0, e0, _mention(ctx, s0, e0, None, None, "span", relative=True), 11)
            continue
        unit = m["unit"].lower()
        try:
            days = n * {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652}[unit]
            if unit == "month":
                yy, mm = _add_months(anchor.year, anchor.month, -n)
                past_start = dt.date(yy, mm, min(anchor.day, calendar.monthrange(yy, mm)[1]))
            elif unit in ("year", "decade"):
                k = n if unit == "year" else 10 * n
                past_start = _safe_replace_year(anchor, anchor.year - k)
            else:
                past_start = anchor - dt.timedelta(days=days)
            if m["mod"].lower() in ("next", "coming"):
                a, b = anchor, anchor + (anchor - past_start)
            else:
                a, b = past_start, anchor
        except (ValueError, OverflowError):
            continue
        yield _Cand(s0, e0, _mention(ctx, s0, e0, a, b, "span", relative=True), 11)

    # 12. clock times
    for m in _RE_TIME.finditer(text):
        tm = _clock(m)
        if tm is None:
            continue
        s0, e0 = m.start(), m.end()
        g6: Granularity = "minute" if (m["mi"] or m["mi2"] or m["hm"]) else "hour"
        if m["noon"]:
            g6 = "minute"
        yield _Cand(
            s0,
            e0,
            _mention(ctx, s0, e0, anchor, anchor, g6, relative=True, time=tm),
            12,
        )

    # 12b. the weekend, the start of the year, the '70s, '82
    for m in _RE_WEEKEND.finditer(text):
        s0, e0 = m.start(), m.end()
        if anchor is None:
            yield _Cand(s0, e0, _mention(ctx, s0, e0, None, None, "span", relative=True), 10)
            continue
        mon, _ = _week_bounds(anchor)
        sat = mon + dt.timedelta(days=5)
        if anchor.weekday() < 5 and not is_future_context(text, s0, e0):
            sat -= dt.timedelta(days=7)
        yield _Cand(
            s0,
            e0,
            _mention(ctx, s0, e0, sat, sat + dt.timedelta(days=1), "span", relative=True),
            10,
        )
    for m in _RE_PERIOD_PART.finditer(text):
        s0, e0 = m.start(), m.end()
        if anchor is None:
            yield _Cand(s0, e0, _mention(ctx, s0, e0, None, None, "span", relative=True), 10)
            continue
        try:
            res = _rel_period(
                anchor, {"the": "this"}.get(m["mod"].lower(), m["mod"].lower()), m["unit"].lower()
            )
        except (ValueError, OverflowError):
            continue
        if res is None:
            continue
        a, b, _g = res
        part = m["part"].lower()
        if m["unit"].lower() == "year":
            if part in ("beginning", "start"):
                a, b = a, dt.date(a.year, 1, 31)
            elif part == "end":
                a, b = dt.date(a.year, 12, 1), b
            else:
                a, b = dt.date(a.year, 6, 1), dt.date(a.year, 7, 31)
        elif m["unit"].lower() == "month":
            a, b = _part_range(
                {"beginning": "early", "start": "early", "end": "late"}.get(part, "mid"),
                a.year,
                a.month,
            )
        else:
            a, b = (
                (a, a + dt.timedelta(days=1))
                if part in ("beginning", "start")
                else (
                    (b - dt.timedelta(days=2), b)
                    if part == "end"
                    else (a + dt.timedelta(days=2), a + dt.timedelta(days=3))
                )
            )
        yield _Cand(s0, e0, _mention(ctx, s0, e0, a, b, "span", relative=True), 10)
    for m in _RE_SHORT_YEAR.finditer(text):
        s0, e0 = m.start(), m.end()
        if m["dec"] is not None:
            k = int(m["dec"]) * 10
            ref = anchor.year if anchor else 2030
            lo = 1900 + k if 2000 + k > ref else 2000 + k
            yield _Cand(
                s0,
                e0,
                _mention(ctx, s0, e0, dt.date(lo, 1, 1), dt.date(lo + 9, 12, 31), "span"),
                5,
            )
        else:
            yy = int(m["yy"])
            ref = anchor.year if anchor else 2030
            y = 2000 + yy if 2000 + yy <= ref else 1900 + yy
            yield _Cand(
                s0, e0, _mention(ctx, s0, e0, dt.date(y, 1, 1), dt.date(y, 12, 31), "year"), 5
            )

    # 13. discourse shifts: "the day before", "two days later"
    for m in _RE_SHIFT.finditer(text):
        s0, e0 = m.start(), m.end()
        if m["same"] or m["thatday"]:
            key = (m["same"] or m["thatday"]).lower()
            key = re.sub(r"\s+", " ", key)
            n = {
                "same day": 0,
                "that day": 0,
                "day before": -1,
                "previous day": -1,
                "prior day": -1,
                "day after": 1,
                "next day": 1,
                "following day": 1,
            }[key]
            unit = "day"
        else:
            nn = number_value(m["n"])
            if nn is None or re.match(r"\s+than\b", text[e0 : e0 + 6]):
                continue
            unit = m["unit"].lower()
            n = nn if m["dir"].lower() in ("later", "after") else -nn
            if m["dir"].lower() in ("after", "before"):
                # "24 days after the attack" is a duration unless a date follows (combined later)
                g7: Granularity = "day" if unit == "day" else "span"
                yield _Cand(
                    s0, e0, _mention(ctx, s0, e0, None, None, g7, relative=True), 13, (n, unit)
                )
                continue
        g8: Granularity = "day" if unit == "day" else "span"
        yield _Cand(s0, e0, _mention(ctx, s0, e0, None, None, g8, relative=True), 13, (n, unit))


_RELDAY: dict[str, tuple[int, str | None]] = {
    "today": (0, None),
    "tonight": (0, "night"),
    "yesterday": (-1, None),
    "tomorrow": (1, None),
    "overnight": (0, "overnight"),
    "last night": (-1, "night"),
    "this morning": (0, "morning"),
    "this afternoon": (0, "afternoon"),
    "this evening": (0, "evening"),
    "tomorrow morning": (1, "morning"),
    "tomorrow afternoon": (1, "afternoon"),
    "tomorrow evening": (1, "evening"),
    "tomorrow night": (1, "night"),
    "yesterday morning": (-1, "morning"),
    "yesterday afternoon": (-1, "afternoon"),
    "yesterday evening": (-1, "evening"),
    "the day before yesterday": (-2, None),
    "the day after tomorrow": (2, None),
}


def _safe_replace_year(d: dt.date, year: int) -> dt.date:
    day = min(d.day, calendar.monthrange(year, d.month)[1])
    return dt.date(year, d.month, day)


def _season(name: str, year: int) -> tuple[dt.date, dt.date]:
    n = name.lower()
    if n == "spring":
        return dt.date(year, 3, 1), dt.date(year, 5, 31)
    if n == "summer":
        return dt.date(year, 6, 1), dt.date(year, 8, 31)
    if n in ("autumn", "fall"):
        return dt.date(year, 9, 1), dt.date(year, 11, 30)
    return dt.date(year, 12, 1), _month_end(year + 1, 2)


def _season_of(day: dt.date) -> tuple[str, int]:
    m = day.month
    if m in (3, 4, 5):
        return "spring", day.year
    if m in (6, 7, 8):
        return "summer", day.year
    if m in (9, 10, 11):
        return "autumn", day.year
    return "winter", day.year if m == 12 else day.year - 1


def _quarter_range(year: int, q: int, unit: str) -> tuple[dt.date, dt.date]:
    if unit == "half":
        q = min(q, 2)
        return dt.date(year, 1 + 6 * (q - 1), 1), _month_end(year, 6 * q)
    return dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q)


def _quarter(ctx: _Ctx, m: re.Match[str]) -> _Cand | None:
    qs = m["q"].lower()
    unit = m["unit"].lower()
    q = {
        "first": 1,
        "1st": 1,
        "second": 2,
        "2nd": 2,
        "third": 3,
        "3rd": 3,
        "fourth": 4,
        "4th": 4,
    }.get(qs, 4 if unit == "quarter" else 2)
    if unit == "half" and q > 2:
        return None
    s0, e0 = m.start(), m.end()
    anchor = ctx.anchor
    if m["year"]:
        y = int(m["year"])
        relative = False
    else:
        if anchor is None:
            if not m["rel"]:
                return None
            return _Cand(s0, e0, _mention(ctx, s0, e0, None, None, "span", relative=True), 6)
        relative = True
        rel = (m["rel"] or "").lower()
        if rel == "last":
            y = anchor.year - 1
        elif rel == "next":
            y = anchor.year + 1
        elif rel == "this":
            y = anchor.year
        else:
            # bare "the third quarter": this year's, unless it is months away and not
            # worded as a plan ("the fourth quarter" in a January report is last year's)
            if qs in ("final", "last") and not rel:
                return None
            a0, _ = _quarter_range(anchor.year, q, unit)
            soon = (a0 - anchor).days <= 122 or is_future_context(ctx.text, s0, e0)
            y = anchor.year if a0 <= anchor or soon else anchor.year - 1
    try:
        a, b = _quarter_range(y, q, unit)
    except ValueError:
        return None
    return _Cand(s0, e0, _mention(ctx, s0, e0, a, b, "span", relative=relative), 6)


def _same_day_ago(anchor: dt.date, n: int, unit: str) -> dt.date:
    """The anniversary day: ``n`` units from ``anchor`` (29 Feb falls back to the 28th)."""
    if unit in ("day", "week", "fortnight"):
        return anchor + dt.timedelta(days=n * {"day": 1, "week": 7, "fortnight": 14}[unit])
    months = n if unit == "month" else 12 * n
    y, mo = _add_months(anchor.year, anchor.month, months)
    return dt.date(y, mo, min(anchor.day, _month_end(y, mo).day))


def _ago(ctx: _Ctx, s: int, e: int, anchor: dt.date, n: int, unit: str) -> DateMention:
    if unit == "day":
        day = anchor + dt.timedelta(days=n)
        return _mention(ctx, s, e, day, day, "day", relative=True)
    if unit in ("week", "fortnight"):
        k = 7 if unit == "week" else 14
        center = anchor + dt.timedelta(days=n * k)
        if abs(n * k) <= 14:  # "a week ago", "two weeks ago": meant to the day
            return _mention(ctx, s, e, center, center, "day", relative=True)
        return _mention(
            ctx,
            s,
            e,
            center - dt.timedelta(days=3),
            center + dt.timedelta(days=3),
            "week",
            relative=True,
        )
    if unit == "month":
        y, mo = _add_months(anchor.year, anchor.month, n)
        return _mention(ctx, s, e, dt.date(y, mo, 1), _month_end(y, mo), "month", relative=True)
    k = n if unit == "year" else 10 * n
    y = anchor.year + k
    if unit == "decade":
        return _mention(
            ctx, s, e, dt.date(y - 1, 1, 1), dt.date(y + 1, 12, 31), "span", relative=True
        )
    return _mention(ctx, s, e, dt.date(y, 1, 1), dt.date(y, 12, 31), "year", relative=True)


def _rel_period(
    anchor: dt.date, mod: str, unit: str
) -> tuple[dt.date, dt.date, Granularity] | None:
    one = dt.timedelta(days=1)
    early = mod.startswith("earlier") or mod.startswith("early")
    late_ = mod.startswith("later") or mod.startswith("late")
    base = mod.split()[-1] if mod.split()[-1] in ("this", "last", "next", "the") else mod
    if mod in ("earlier in the", "later in the"):
        base = "this"
    if mod in ("the past", "this past"):
        base = "last"
    if mod in ("the coming", "this coming"):
        base = "next"
    if unit == "week":
        mon, sun = _week_bounds(anchor)
        shift = {"last": -7, "next": 7}.get(base, 0)
        a, b = mon + dt.timedelta(days=shift), sun + dt.timedelta(days=shift)
        if mod == "the past":
            return anchor - dt.timedelta(days=7), anchor, "span"
        if mod.startswith("earlier"):
            return a, max(a, anchor - one), "span"
        if mod.startswith("later"):
            return min(b, anchor + one), b, "span"
        if early:
            return a, a + dt.timedelta(days=2), "span"
        if late_:
            return b - dt.timedelta(days=2), b, "span"
        return a, b, "week"
    if unit == "weekend":
        mon, _ = _week_bounds(anchor)
        sat = mon + dt.timedelta(days=5)
        if base == "last":
            sat = sat - dt.timedelta(days=7) if anchor.weekday() < 5 or mod == "last" else sat
            if anchor.weekday() >= 5 and mod != "last":
                sat = mon + dt.timedelta(days=5)
            if anchor.weekday() < 5:
                sat = mon - dt.timedelta(days=2)
        elif base == "next":
            sat = sat + dt.timedelta(days=7) if anchor.weekday() >= 5 else sat
        return sat, sat + one, "span"
    if unit == "month":
        shift = {"last": -1, "next": 1}.get(base, 0)
        y, mo = _add_months(anchor.year, anchor.month, shift)
        a, b = dt.date(y, mo, 1), _month_end(y, mo)
        if mod == "the past":
            return anchor - dt.timedelta(days=30), anchor, "span"
        if mod.startswith("earlier"):
            return a, max(a, anchor - one), "span"
        if mod.startswith("later"):
            return min(b, anchor + one), b, "span"
        if early:
            return a, dt.date(y, mo, 10), "span"
        if late_:
            return dt.date(y, mo, 21), b, "span"
        return a, b, "month"
    if unit == "year":
        shift = {"last": -1, "next": 1}.get(base, 0)
        y = anchor.year + shift
        a, b = dt.date(y, 1, 1), dt.date(y, 12, 31)
        if mod == "the past":
            return _safe_replace_year(anchor, anchor.year - 1), anchor, "span"
        if mod.startswith("earlier"):
            return a, max(a, anchor - one), "span"
        if mod.startswith("later"):
            return min(b, anchor + one), b, "span"
        if early:
            return a, dt.date(y, 4, 30), "span"
        if late_:
            return dt.date(y, 9, 1), b, "span"
        return a, b, "year"
    if unit == "decade":
        if base == "last" or mod == "the past":
            return _safe_replace_year(anchor, anchor.year - 10), anchor, "span"
        return None
    if unit == "quarter":
        q = (anchor.month - 1) // 3 + 1
        shift = {"last": -1, "next": 1}.get(base, 0)
        y, q2 = anchor.year, q + shift
        if q2 == 0:
            y, q2 = y - 1, 4
        elif q2 == 5:
            y, q2 = y + 1, 1
        a, b = _quarter_range(y, q2, "quarter")
        return a, b, "span"
    # seasons
    season, sy = _season_of(anchor)
    order = ["winter", "spring", "summer", "autumn"]
    target = "autumn" if unit == "fall" else unit
    cur = order.index(season)
    tgt = order.index(target)
    if base == "this":
        # the season of this year's cycle (winter belongs to the year it starts in)
        if season == "winter" and target != "winter":
            y = sy + 1
        else:
            y = sy if target != "winter" or season == "winter" else anchor.year
    elif base == "last":
        y = sy if tgt < cur else sy - 1
        if season == "winter" and target != "winter":
            y = sy
    else:
        y = sy if tgt > cur else sy + 1
        if season == "winter" and target != "winter":
            y = sy + 1
    a, b = _season(target, y)
    return a, b, "season"


def _clock(m: re.Match[str]) -> dt.time | None:
    if m["noon"]:
        return dt.time(12, 0) if m["noon"].lower() == "noon" else dt.time(0, 0)
    if m["h"] is not None:
        h, mi = int(m["h"]), int(m["mi"] or 0)
        if not 1 <= h <= 12:
            return None
        if m["ap"].lower() == "p" and h != 12:
            h += 12
        elif m["ap"].lower() == "a" and h == 12:
            h = 0
        return dt.time(h, mi)
    if m["h2"] is not None:
        return dt.time(int(m["h2"]), int(m["mi2"]))
    if m["hm"] is not None:
        h, mi = int(m["hm"][:2]), int(m["hm"][2:])
        if h > 23:
            return None
        return dt.time(h, mi)
    return None


# --------------------------------------------------------------------------- selection


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest match wins; ties go to the earlier start, then the lower rule."""
    order = sorted(cands, key=lambda c: (-(c.end - c.start), c.start, c.rule))
    taken: list[_Cand] = []
    spans: list[tuple[int, int]] = []
    for c in order:
        if c.end <= c.start:
            continue
        if any(c.start < e and s < c.end for s, e in spans):
            continue
        taken.append(c)
        spans.append((c.start, c.end))
    return sorted(taken, key=lambda c: (c.start, c.end))


_SENT_END = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n")
_TIME_GAP = re.compile(
    r"\s*,?\s*(?:(?:on|at|around|about|approximately|shortly\s+(?:before|after)|just\s+"
    r"(?:before|after)|before|after)\s+)*(?:about\s+|around\s+)?",
    _F,
)
_SHIFT_GAP = re.compile(r"\s*(?:the\s+)?$", _F)


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    lo = 0
    for m in _SENT_END.finditer(text, 0, pos):
        lo = m.end()
    nxt = _SENT_END.search(text, pos)
    return lo, (nxt.start() + 1 if nxt else len(text))


def _post(ctx: _Ctx, sel: list[_Cand]) -> list[DateMention]:
    text = ctx.text
    out: list[DateMention] = []
    merged: set[tuple[int, int]] = set()
    i = 0
    while i < len(sel):
        c = sel[i]
        mn = c.mention
        nxt = sel[i + 1] if i + 1 < len(sel) else None
        # "N days after Dec. 17": a shift followed by a date it can move
        if (
            c.shift is not None
            and nxt is not None
            and nxt.shift is None
            and _TIME_GAP.fullmatch(text, c.end, nxt.start) is not None
            and text[c.start : c.end].lower().split()[-1] in ("after", "before")
            and nxt.mention.start_date is not None
            and nxt.mention.granularity == "day"
        ):
            moved = _shift(nxt.mention.start_date, c.shift)
            if moved is not None:
                out.append(_mention(ctx, c.start, nxt.end, moved, moved, "day", relative=True))
                i += 2
                continue
        # time + day, or day + time: one mention
        if nxt is not None and _TIME_GAP.fullmatch(text, c.end, nxt.start) is not None:
            a, b = mn, nxt.mention
            tm, dy = (a, b) if a.time is not None and b.time is None else (b, a)
            if (
                tm.time is not None
                and dy.time is None
                and dy.granularity == "day"
                and c.shift is None
                and nxt.shift is None
            ):
                merged.add((c.start, nxt.end))
                out.append(
                    replace(
                        dy,
                        start=c.start,
                        end=nxt.end,
                        text=text[c.start : nxt.end],
                        granularity=tm.granularity,
                        time=tm.time,
                    )
                )
                i += 2
                continue
        out.append(mn)
        i += 1
    # discourse shifts and bare clock times take their day from context
    final: list[DateMention] = []
    shift_of = {(c.start, c.end): c.shift for c in sel if c.shift is not None}
    for k, mn in enumerate(out):
        sh = shift_of.get((mn.start, mn.end))
        if sh is not None:
            after = text[mn.end : mn.end + 30]
            # "the day after the attack", "24 days after his arrest": counted from an event
            event_ref = bool(
                re.search(r"\b(?:before|after)$", text[mn.start : mn.end], _F)
                and re.match(r"\s+[\w\"'“]", after)
            )
            ref = None if event_ref else _previous_day(final)
            if ref is not None:
                moved = _shift(ref, sh)
                if moved is not None:
                    g: Granularity = "day" if sh[1] == "day" else "span"
                    lo, hi = moved, moved
                    if sh[1] == "week":
                        lo, hi = moved - dt.timedelta(days=3), moved + dt.timedelta(days=3)
                    final.append(
                        replace(mn, start_date=lo, end_date=hi, granularity=g, anchored=True)
                    )
                    continue
            final.append(mn)
            continue
        if (
            mn.time is not None
            and mn.granularity in ("minute", "hour")
            and mn.relative
            and (mn.start, mn.end) not in merged
        ):
            s_lo, s_hi = _sentence_bounds(text, mn.start)
            days = [
                o
                for o in out[max(0, k - 4) : k + 4]
                if o is not mn
                and o.time is None
                and o.granularity == "day"
                and o.start_date is not None
                and s_lo <= o.start < s_hi
            ]
            if days:
                near = min(days, key=lambda o: abs(o.start - mn.start))
                final.append(
                    replace(
                        mn,
                        start_date=near.start_date,
                        end_date=near.end_date,
                        anchored=True,
                        relative=near.relative,
                    )
                )
                continue
        final.append(mn)
    return final


def _previous_day(done: list[DateMention]) -> dt.date | None:
    for mn in reversed(done):
        if mn.start_date is not None and mn.start_date == mn.end_date:
            return mn.start_date
    return None


def _shift(day: dt.date, sh: tuple[int, str]) -> dt.date | None:
    n, unit = sh
    try:
        if unit == "day":
            return day + dt.timedelta(days=n)
        if unit == "week":
            return day + dt.timedelta(days=7 * n)
        if unit == "month":
            y, mo = _add_months(day.year, day.month, n)
            return dt.date(y, mo, min(day.day, calendar.monthrange(y, mo)[1]))
        return _safe_replace_year(day, day.year + n)
    except (ValueError, OverflowError):
        return None


def find_dates(
    text: str,
    anchor: dt.date | dt.datetime | None = None,
    *,
    story_years: Sequence[int] = (),
) -> list[DateMention]:
    """Every date or time expression in ``text``, ordered by start offset.

    ``anchor`` is the report's publication date (a datetime is reduced to its
    day); ``story_years`` (most common first) stands in for it when deciding
    the year of a year-less date.
    """
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    years = tuple(int(y) for y in story_years if 1 <= int(y) <= 9999)
    return list(_find_dates(text, anchor, years))


@lru_cache(maxsize=64)
def _find_dates(
    text: str, anchor: dt.date | None, years: tuple[int, ...]
) -> tuple[DateMention, ...]:
    """The scan behind :func:`find_dates`, memoised: extraction, publication dating
    and the consistency checks read the same report with the same anchor."""
    ctx = _Ctx(text, anchor, years)
    cands: list[_Cand] = []
    scanner = _scan(ctx)
    while True:
        try:
            cands.append(next(scanner))
        except StopIteration:
            break
        except (ValueError, OverflowError):
            # a malformed or out-of-range expression: skip it and keep scanning
            continue
    return tuple(_post(ctx, _select(cands)))


# --------------------------------------------------------------------------- durations


@dataclass(frozen=True)
class Duration:
    """A stretch of time or a count of days: "for four months", "the 118th day of the siege".

    ``amount``/``unit`` as written ("week", 18); ``days`` the length in days
    (months count 30, years 365). ``kind`` is "length" ("for four months",
    "an 18-week standoff"), "ordinal" ("the 118th day of the siege": day 118
    of the event, counting the first as day 1), "after"/"before" ("24 days
    after the attack") or "ago" ("24 days ago"). ``reference`` is the event
    it counts from when the text names it ("the siege", "the attack").
    """

    start: int
    end: int
    text: str
    amount: int
    unit: str
    days: int
    kind: str
    reference: str | None = None


_RE_DUR = re.compile(
    rf"\b(?P<n>{_NUM}|\d{{1,4}})[\s-]+(?P<unit>day|week|fortnight|month|year|hour|minute)s?"
    rf"(?P<suffix>-long|-old)?\b(?:\s+(?P<rel>ago|after|before|into|of)\b)?",
    _F,
)
_RE_ORD = re.compile(
    rf"\b(?:the\s+)?(?P<n>\d{{1,4}}(?:st|nd|rd|th)|{'|'.join(_ORDINALS)})\s+"
    r"(?P<unit>day|week|month|year)\s+(?:of|in|into|since)\s+(?P<ref>(?:the|a|an|its|their|this)"
    r"\s+[\w-]+(?:\s+[\w-]+)?)",
    _F,
)
_REF = re.compile(r"\s+(?P<ref>(?:the|a|an|its|their|his|her|this|that)\s+[\w-]+)", _F)


def find_durations(text: str) -> list[Duration]:
    """Durations and day counts, ordered by start offset (ages such as "18-year-old" excluded)."""
    out: list[Duration] = []
    taken: list[tuple[int, int]] = []
    for m in _RE_ORD.finditer(text):
        ns = m["n"].lower()
        num = int(re.sub(r"\D", "", ns)) if ns[0].isdigit() else _ORDINALS[ns]
        unit = m["unit"].lower()
        out.append(
            Duration(
                m.start(), m.end(), m[0], num, unit, num * UNIT_DAYS[unit], "ordinal", m["ref"]
            )
        )
        taken.append((m.start(), m.end()))
    for m in _RE_DUR.finditer(text):
        if m["suffix"] and m["suffix"].lower() == "-old":
            continue
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        n = number_value(m["n"])
        if n is None:
            continue
        unit = m["unit"].lower()
        rel = (m["rel"] or "").lower()
        days = n * UNIT_DAYS.get(unit, 0) if unit in UNIT_DAYS else 0
        kind = {"ago": "ago", "after": "after", "before": "before"}.get(rel, "length")
        end = (
            m.end()
            if rel in ("ago", "after", "before")
            else m.end("unit") + (len(m["suffix"]) if m["suffix"] else 0)
        )
        if rel not in ("ago", "after", "before") and text[end : end + 1].lower() == "s":
            end += 1
        ref = None
        if kind in ("after", "before"):
            r = _REF.match(text, m.end())
            ref = r["ref"] if r else None
        out.append(Duration(m.start(), end, text[m.start() : end], n, unit, days, kind, ref))
    return sorted(out, key=lambda d: (d.start, d.end))


_RE_MD_ONLY = (
    re.compile(
        rf"{_WD_PREFIX}(?:(?:the\s+)?night\s+of\s+)?{_M}\s*{_DAY_G}(?!\d)"
        rf"(?:(?:\s*,\s*|\s+){_YEAR_G}(?!\d))?"
    ),
    re.compile(
        rf"{_WD_PREFIX}(?:the\s+)?(?<!\d){_DAY_G}(?:\s+of)?\s+{_M}(?:,?\s+{_YEAR_G}(?!\d))?"
    ),
)


def month_day(expression: str) -> tuple[int, int, int | None, int | None] | None:
    """(month, day, year or None, weekday or None) of a written date such as "Fri., Jan. 10"."""
    for rx in _RE_MD_ONLY:
        m = rx.search(expression)
        if m is not None:
            ys = m["year"]
            wd = _weekday_number(m["wd"]) if m["wd"] else None
            return _month_number(m["month"]), _day_number(m["day"]), int(ys) if ys else None, wd
    return None
