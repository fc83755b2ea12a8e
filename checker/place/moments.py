"""Placement of moments, story-wide: a day a report gives that is the onset's day.

A report tells the story's day with verbs no lexicon can list ("the navy on
Thursday intercepted three boats", "escaped Monday from a prison van",
"went up in flames Wednesday"). Extraction keeps such a day as a moment of
the story (``moment.date``, never compared); once the story's days are known,
a moment on the onset's day (the day most reports give for the attack or the
disaster) is taken for the onset, and one on the day its siege or rescue
ended for that end, each marked doubtful: no event word dates it. A story
whose reports name no onset in the lexicon's words (a prison escape) has the
day most of its reports tell as its onset. A moment on another day stays a
moment; one of another happening (background) is that happening's onset.

Pure functions of claims.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence

from checker.extract.events import MOMENT
from checker.ids import reslotted
from checker.place.happenings import siege_stories
from checker.records import Claim, DateValue

MOMENT_SLOT = f"{MOMENT}.date"
_DATED_BY_DAY = "no event word dates it: it is the day the story's other reports give"


def _told_day(claims: Sequence[Claim], story: str) -> dt.date | None:
    """The day most of a story's reports give as a moment, if at least two do."""
    reports: dict[dt.date, set[str]] = defaultdict(set)
    for c in claims:
        value = c.value
        if c.story == story and c.slot == MOMENT_SLOT and isinstance(value, DateValue):
            reports[value.start].add(c.article_id)
    if not reports:
        return None
    day, told = min(reports.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return day if len(told) >= 2 else None


def place_onset_moments(
    claims: Sequence[Claim],
    onsets: Mapping[str, dt.date],
    ends: Mapping[str, tuple[str, dt.date]],
    disasters: frozenset[str],
) -> list[Claim]:
    """Take a moment on its story's onset day for the onset, on its end's day for the
    end (see the module). The onset is a disaster's (``incident.date``) in
    ``disasters``, else an attack's; ``ends`` gives each story's end event and day."""
    stories = {c.story for c in claims if c.slot == MOMENT_SLOT}
    days = {s: onsets.get(s) or _told_day(claims, s) for s in stories}
    out = []
    for c in claims:
        value = c.value
        if c.slot != MOMENT_SLOT or not isinstance(value, DateValue):
            out.append(c)
            continue
        onset, (end_event, end) = days.get(c.story), ends.get(c.story, ("", None))
        slot = None
        if c.event != "main":
            # "MH370 disappeared on March 8", in a report on another crash: the other
            # happening's day, kept as its onset and never compared
            slot = "incident.date" if c.story in disasters else "attack.date"
        elif onset is not None and value.start == value.end == onset:
            slot = "incident.date" if c.story in disasters else "attack.date"
        elif end is not None and end != onset and value.start == value.end == end:
            slot = f"{end_event}.date"
        if slot is not None:
            c = reslotted(c, slot, doubt=c.doubt or _DATED_BY_DAY)
        out.append(c)
    return out


_ONSET_SLOTS = frozenset({"attack.date", "incident.date"})


def place_siege_end_days(
    claims: Sequence[Claim],
    onsets: Mapping[str, dt.date],
    ends: Mapping[str, tuple[str, dt.date]],
) -> list[Claim]:
    """In a story that held hostages, an attack or an explosion on the day the siege
    ended is its end ("Friday's fighting", "since the gym exploded on Friday"), not
    another onset: it is dated as the end the story's reports give."""
    sieges = siege_stories(claims)
    out = []
    for c in claims:
        value = c.value
        onset = onsets.get(c.story)
        end_event, end = ends.get(c.story, ("", None))
        if (
            c.story in sieges
            and c.slot in _ONSET_SLOTS
            and c.event == "main"
            and isinstance(value, DateValue)
            and end is not None
            and end != onset
            and value.start == value.end == end
        ):
            slot = f"{end_event}.date"
            c = reslotted(c, slot)
        out.append(c)
    return out
