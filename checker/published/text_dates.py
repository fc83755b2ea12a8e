"""A report's own date and its upper bound, read from its head and its Updated lines."""

from __future__ import annotations

import datetime as dt
import re

from checker.extract.dates import find_dates, month_day
from checker.published.lines import (
    _UPDATED,
    TextDate,
    _before_update,
    _dateline,
    _posted,
    _timestamp_line,
)
from checker.records import DateMention

_HEAD_LINES = 12


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


def _is_meta_line(line: str) -> bool:
    return bool(_UPDATED.search(line) or re.search(r"©|\(c\)|copyright", line, re.I))


def _line_of(text: str, pos: int) -> str:
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    return text[lo : hi if hi >= 0 else len(text)]
