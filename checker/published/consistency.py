"""What in a report disagrees with its publication date."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from checker.extract.dates import find_dates, is_future_context, month_day
from checker.published.lines import _WEEKDAY_NAMES
from checker.published.text_dates import _is_meta_line, _line_of, find_text_date


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
                f"'{mn.text}' ({mn.start_date.isoformat()}) is after the publication date "
                f"{day.isoformat()} and is not worded as a plan"
            )
    for mn in mentions:
        said = _WEEKDAY_FIRST.match(mn.text)
        if said is None or mn.start_date is None or mn.start_date != mn.end_date:
            continue
        if _WEEKDAY_NAMES[mn.start_date.weekday()][:3].lower() != said.group(1)[:3].lower():
            out.append(
                f"'{mn.text}' names a {said.group(1)}, but {mn.start_date.isoformat()} "
                f"is a {_WEEKDAY_NAMES[mn.start_date.weekday()]}"
            )
    td = find_text_date(text)
    if td is not None:
        if td.date is not None and td.date != day:
            out.append(
                f"the dateline '{td.evidence}' gives {td.date.isoformat()}, "
                f"the publication date is {day.isoformat()}"
            )
        elif td.date is None and (td.month, td.day) != (day.month, day.day):
            out.append(
                f"the dateline '{td.evidence}' gives {calendar.month_abbr[td.month]} {td.day}, "
                f"the publication date is {day.isoformat()}"
            )
    return out


_WEEKDAY_FIRST = re.compile(
    r"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|"
    r"Thurs|Fri|Sat|Sun)\.?,?\s+(?:the\s+)?[A-Za-z.]*\s*\d",
    re.I,
)
