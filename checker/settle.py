"""Settling, story-wide, what one report alone cannot: which event an ambiguous date is.

A storming or an assault with no actor named, a killing, a crash: each report
files its date under a default, and the story's sure dates decide (see
:func:`settle_ambiguous_events`). Also the story's start and its consensus
day of each event, which placement uses. Pure functions of claims.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from checker.extract.events import CRASH, KILLING
from checker.ids import reslotted
from checker.place.happenings import BACKGROUND, ONSET_EVENTS, consensus_day
from checker.records import AsOfBasis, Claim, DateValue


def story_starts(claims: Iterable[Claim]) -> dict[str, dt.date]:
    """The story's start: the most reported attack or disaster date, else its earliest
    claim (another happening's claims left out: a factory fire the year before)."""
    attack: dict[str, Counter[dt.date]] = defaultdict(Counter)
    told: dict[str, Counter[dt.date]] = defaultdict(Counter)
    earliest: dict[str, dt.date] = {}
    for c in claims:
        if c.event == BACKGROUND:
            continue
        if isinstance(c.value, DateValue) and c.value.start == c.value.end:
            told[c.story][c.value.start] += 1
        if c.slot.removesuffix(".date") in ONSET_EVENTS and isinstance(c.value, DateValue):
            attack[c.story][c.value.start] += 1
        if c.as_of is not None and (c.story not in earliest or c.as_of < earliest[c.story]):
            earliest[c.story] = c.as_of
    starts = dict(earliest)
    for story, counter in attack.items():
        starts[story] = consensus_day(counter, told[story])
    return starts


# Events a storming or an assault may be when the text does not say who acted.
AMBIGUOUS_EVENTS = {"attack": "rescue", "rescue": "attack"}


# A killing may be the story's happening (place.ONSET_EVENTS: a shooting, a quake's
# deaths); otherwise it is one moment of the story, kept and not compared.
ONSET_FROM_A_DEATH = "a death's day, taken for the story's onset (nothing else dates it)"


def _crash_event(dates: Mapping[str, dt.date]) -> str:
    """A crash in a story whose sure onset is an attack (a jet shot down) is that
    attack; otherwise a disaster."""
    return "attack" if "attack" in dates and "incident" not in dates else "incident"


def _killing_event(day: dt.date, dates: Mapping[str, dt.date]) -> str:
    for event in ONSET_EVENTS:
        if dates.get(event) == day:
            return event
    if not any(event in dates for event in ONSET_EVENTS):
        return ONSET_EVENTS[0]  # nothing else dates the story: the killing is its happening
    return KILLING


# an event date the story settles, and its basis once settled
SETTLED_BASES = {
    AsOfBasis.EVENT_AMBIGUOUS: AsOfBasis.EVENT,
    AsOfBasis.RELATIVE_AMBIGUOUS: AsOfBasis.RELATIVE,
}


def settle_ambiguous_events(claims: Sequence[Claim]) -> list[Claim]:
    """File "Tuesday's assault" under the event whose story date it matches.

    A date of a storming or an assault with no actor named is filed under
    the lexicon's default event; when it matches the story's consensus date
    of the other event and not its own, it is the other event. A killing's day
    is the onset's when it is that day or nothing else dates the story, else a
    moment of the story (:func:`_settle_killing`); a crash is the story's attack
    or disaster, as its sure dates say.
    """
    sure = story_event_dates(c for c in claims if c.as_of_basis not in SETTLED_BASES)
    victims: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        if c.slot == f"{KILLING}.date" and c.scope is not None:
            victims[c.story].add(c.scope)
    out = []
    for c in claims:
        if c.as_of_basis not in SETTLED_BASES or not isinstance(c.value, DateValue):
            out.append(c)
            continue
        basis = SETTLED_BASES[c.as_of_basis]
        event = c.slot.removesuffix(".date")
        other = AMBIGUOUS_EVENTS.get(event)
        dates = sure.get(c.story, {})
        value = c.value.start
        if event == KILLING:
            c = _settle_killing(c, dates, len(victims.get(c.story, ())))
        elif event == CRASH:
            slot = f"{_crash_event(dates)}.date"
            c = reslotted(c, slot)
        elif other and dates.get(other) == value and dates.get(event) != value:
            slot = f"{other}.date"
            c = reslotted(c, slot)
        out.append(replace(c, as_of_basis=basis))
    return out


def _settle_killing(c: Claim, dates: Mapping[str, dt.date], victims: int) -> Claim:
    """The onset's day itself is the story's, whoever died. A killing that stands for
    the onset where nothing else dates it is doubtful and compared for its victim only;
    where several named people died, an unnamed death's day is nobody's in particular
    and stays a moment of the story."""
    assert isinstance(c.value, DateValue)
    settled = _killing_event(c.value.start, dates)
    guessed = settled != KILLING and settled not in dates
    if guessed and c.scope is None and victims > 1:
        settled, guessed = KILLING, False
    slot = f"{settled}.date"
    return reslotted(
        c,
        slot,
        scope=c.scope if settled not in dates else None,
        doubt=ONSET_FROM_A_DEATH if guessed else c.doubt,
    )


def story_event_dates(claims: Iterable[Claim]) -> dict[str, dict[str, dt.date]]:
    """Per story, the day most reports give for each event ("rescue" -> 1997-04-22)."""
    counts: dict[tuple[str, str], Counter[dt.date]] = defaultdict(Counter)
    for c in claims:
        if (
            isinstance(c.value, DateValue)
            and c.slot.endswith(".date")
            and c.value.start == c.value.end
        ):
            counts[(c.story, c.slot.removesuffix(".date"))][c.value.start] += 1
    out: dict[str, dict[str, dt.date]] = defaultdict(dict)
    for (story, event), counter in sorted(counts.items()):
        out[story][event] = consensus_day(counter)
    return dict(out)
