"""Placement of tolls, story-wide: who the dead are and on which day they count.

A toll is a running total, held on the day it was reported, unless the story
settles it: the dead of a siege fell when it ended, a toll every later report
repeats is the event's figure, and "all 71 victims" of a fire or a crash are
its dead. Pure functions of claims; see :mod:`checker.place.happenings` for the rest of
placement.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from checker.ids import reslotted
from checker.place.happenings import BACKGROUND, ONSET_EVENTS, siege_stories
from checker.records import AsOfBasis, Claim, CountValue, DateValue, Kind

_SIEGE_TOLLS = frozenset({"killed", "injured"})


def place_siege_tolls(
    claims: Sequence[Claim],
    onsets: Mapping[str, dt.date],
    ends: Mapping[str, dt.date],
    published: Mapping[str, dt.date],
) -> list[Claim]:
    """The dead and wounded of a siege fell when it ended, not on the day it began.

    A death no clause of its own dates took its day from its report's or the story's
    attack ("the siege that began on Wednesday ... Thirty-one were killed in the
    fighting that followed"); in a story that held hostages and ended on a later day
    known by the report's day, it is the end's figure. A death its own clause dates
    to the first day keeps it."""
    sieges = siege_stories(claims)
    out = []
    for c in claims:
        onset, end = onsets.get(c.story), ends.get(c.story)
        pub = published.get(c.article_id)
        if (
            c.story in sieges
            and onset is not None
            and end is not None
            and onset < end
            and pub is not None
            and end <= pub
            and c.kind is Kind.COUNT
            and c.frame in _SIEGE_TOLLS
            and c.as_of == onset
            and c.as_of_basis in (AsOfBasis.EVENT_CONTEXT, AsOfBasis.STORY_EVENT)
        ):
            c = replace(c, as_of=end)
        out.append(c)
    return out


_VICTIMS = re.compile(r"\bvictims?\b", re.IGNORECASE)
# "the other 105 victims", "five of the victims", "two more victims": a part, not the toll
_OTHER_VICTIMS = re.compile(r"\b(?:other|more|further|additional|another)\b", re.IGNORECASE)
_OF_VICTIMS = re.compile(r"(?<!\ball )\bof\b", re.IGNORECASE)
_WHOLE_PRESENT = "people"
_ATTACKED = "people.attacked"


def disaster_stories(claims: Iterable[Claim]) -> frozenset[str]:
    """Stories whose onset is a disaster (a fire, a quake, a collapse) more often than
    an attack, by their onset date claims."""
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for c in claims:
        if isinstance(c.value, DateValue) and c.event != BACKGROUND:
            event = c.slot.removesuffix(".date")
            if event in ONSET_EVENTS:
                kinds[c.story][event] += 1
    return frozenset(s for s, k in kinds.items() if k["incident"] > k["attack"])


def place_victims(claims: Sequence[Claim], fatal: frozenset[str]) -> list[Claim]:
    """ "All 71 victims" of a fire or a crash are its dead; "the three victims" of a
    shooting are who it struck.

    In ``fatal`` stories (disasters and crashes) a count of victims that nothing else
    frames is the toll. In any other story the victims may be wounded as well as
    dead ("shot the three victims", "two of the three victims died"): they are the
    people attacked. A part ("the other 105 victims", "five of the victims") is left
    as it is."""
    out = []
    for c in claims:
        if (
            c.kind is Kind.COUNT
            and c.slot == _WHOLE_PRESENT
            and _VICTIMS.search(c.quote)
            and not _is_part(c)
        ):
            slot = "dead" if c.story in fatal else _ATTACKED
            c = reslotted(c, slot)
        out.append(c)
    return out


def _is_part(claim: Claim) -> bool:
    """ "the other 105 victims", "five of the victims", "two more victims" ("two of
    the 298 victims" counts a part of the 298: the 298 are all of them)."""
    at = claim.sentence.find(claim.quote)
    lead = " ".join(claim.sentence[: max(at, 0)].split()[-2:]) if at > 0 else ""
    return bool(_OTHER_VICTIMS.search(f"{lead} {claim.quote}") or _OF_VICTIMS.search(claim.quote))


# "The death toll from the operation stands at 16", "bringing the toll to 322": a toll
# said to be one is a running total whatever the other reports say
_TOLL_STATEMENT = re.compile(
    r"\b(?:toll|tally|so\s+far|stands?|stood|risen|rose|climbed|reached|bringing|raising)\b",
    re.IGNORECASE,
)
_SETTLED_SLOTS = frozenset({"dead", "injured"})


def place_settled_tolls(
    claims: Sequence[Claim], ends: Mapping[str, dt.date], published: Mapping[str, dt.date]
) -> list[Claim]:
    """A toll every later report repeats is the event's figure, not a running total.

    "The operation left 17 dead", "In all, 17 people died", "17 dead" in the days
    after a raid: once the story's siege or operation is over, the dead and wounded
    its reports give agree (their intervals share a value), so they are that day's
    figures. Where they still move (322, then 326, then "more than 330") they are
    running totals, held on the day each was reported; so is any figure its sentence
    calls a toll ("the toll stands at 16")."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        end = ends.get(c.story)
        pub = published.get(c.article_id)
        if (
            end is not None
            and pub is not None
            and end < pub
            and c.kind is Kind.COUNT
            and c.slot in _SETTLED_SLOTS
            and c.event != BACKGROUND
            and c.as_of_basis is AsOfBasis.PUBLISHED
            and not _TOLL_STATEMENT.search(c.sentence)
        ):
            groups[(c.story, c.slot)].append(c)
    settled: set[str] = set()
    for members in groups.values():
        values = [c.value for c in members if isinstance(c.value, CountValue)]
        lows = [v.low if v.low is not None else 0.0 for v in values]
        highs = [v.high for v in values if v.high is not None]
        if len(values) >= 2 and (not highs or max(lows) <= min(highs)):
            settled.update(c.id for c in members)
    return [
        replace(c, as_of=ends[c.story], as_of_basis=AsOfBasis.STORY_EVENT) if c.id in settled else c
        for c in claims
    ]


_ABOARD = "people.aboard"


def place_passengers(
    claims: Sequence[Claim], manifests: frozenset[str], nationalities: frozenset[str]
) -> list[Claim]:
    """ "Its updated list also included 27 Australians, 12 Indonesians": in a story whose
    vehicle has a manifest (a crash), a count of one nationality that nothing else
    frames is of who was aboard, a fact of the crash."""
    out = []
    for c in claims:
        if (
            c.kind is Kind.COUNT
            and c.story in manifests
            and c.slot == _WHOLE_PRESENT
            and c.group in nationalities
            and c.event != BACKGROUND
        ):
            c = reslotted(c, _ABOARD)
        out.append(c)
    return out
