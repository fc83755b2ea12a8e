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

Modules: ``scan`` (the table of recognisers, tried in a declared order, and
how overlapping matches are chosen and combined), ``calendar_dates`` and
``relative_dates`` (the recognisers: a pattern and a builder each),
``anchoring`` (resolution against the anchor), ``tense``, ``patterns``,
``vocabulary``, ``durations``.
"""

from checker.extract.dates.anchoring import resolve_weekday, resolve_year
from checker.extract.dates.calendar_dates import month_day
from checker.extract.dates.durations import Duration, find_durations
from checker.extract.dates.scan import find_dates
from checker.extract.dates.tense import is_future_context, tense_of
from checker.extract.dates.vocabulary import MONTHS, UNIT_DAYS, WEEKDAYS, number_value

__all__ = [
    "MONTHS",
    "UNIT_DAYS",
    "WEEKDAYS",
    "Duration",
    "find_dates",
    "find_durations",
    "is_future_context",
    "month_day",
    "number_value",
    "resolve_weekday",
    "resolve_year",
    "tense_of",
]
