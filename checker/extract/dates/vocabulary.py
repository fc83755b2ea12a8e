"""Month, weekday and number words of time expressions, and calendar arithmetic."""

from __future__ import annotations

import calendar
import datetime as dt
import re

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


def _valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


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
