"""Placement, story-wide: which happening each claim is about.

A story's reports also mention other events: the 2004 tsunami in a report on
this week's quake, an earlier factory fire in a report on a collapse, a
previous attack. Their figures are real claims, kept in the report, but they
must never be compared with the story's own.

A claim is *background* when the date its sentence gives for what it speaks
of lies well before the story began: the date mention nearest the figure in
its sentence (a day, a month, a season or a year, "last year" included; not a
clock time, nor a date after "since" or "than", which measures the story
against the past) ends more than :data:`BEFORE_STORY` before the story's
first report; a weekday or a holiday nearest the figure dates it from the
report, so it is the story's. A date claim is background when the date
itself ends that early. The story's start is its earliest dated report, so a
retrospective written months later still speaks of the story when it names
the day it began.

A *fixed* fact of the story's setting (how many were aboard or at the party,
the building's storeys, the quake's magnitude, how many were deployed) holds
on the event's day, not on the day a report repeats it: with no date of its
own in its clause it takes the story's onset, the day most reports give for
the attack or the disaster. The attackers and what they demand are not the
setting: "the 14 rebels" and "the 400 prisoners they want freed" in the
third week of a siege are that week's state. Once the story is over (a
shooting, a robbery, a siege after its end) who attacked is the onset's
figure again: "the 32 attackers" a week after the school was stormed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from checker.extract.dates import UNIT_DAYS, find_dates, number_value
from checker.frames import whole_slot
from checker.ids import reslotted
from checker.place.vehicles import names_another_flight, story_flights
from checker.records import Article, AsOfBasis, Claim, DateMention, DateValue, Kind

ONSET_EVENTS = ("attack", "incident")
_CONDUCT_NOUNS = frozenset({"rebels", "prisoners"})
_CONDUCT_PREDICATES = frozenset({"demanded", "attacked"})

BACKGROUND = "background"
BEFORE_STORY = dt.timedelta(days=30)
_CALENDAR = frozenset({"day", "week", "month", "season", "year", "span"})


def first_report_days(articles: Iterable[Article]) -> dict[str, dt.date]:
    """Each story's earliest publication day."""
    out: dict[str, dt.date] = {}
    for a in articles:
        day = a.published_date
        if day is not None and (a.story not in out or day < out[a.story]):
            out[a.story] = day
    return out


# "the biggest protest since Papandreou took office last October", "the deadliest
# since 1987": a date that measures the story against the past does not date it.
_COMPARISON = re.compile(r"\b(?:since|than)\b[^,;:()]*$", re.IGNORECASE)


def _dates_what_is_said(sentence: str, m: DateMention) -> bool:
    if m.end_date is None or m.granularity not in _CALENDAR:
        return False
    return not _COMPARISON.search(sentence[: m.start])


def _near_the_report(m: DateMention) -> bool:
    """A weekday, "yesterday", a holiday: dated from the report, so of its time."""
    return m.relative and m.granularity == "day" and not any(ch.isdigit() for ch in m.text)


@lru_cache(maxsize=4096)
def _sentence_dates(
    sentence: str, anchor: dt.date | None, years: tuple[int, ...]
) -> tuple[DateMention, ...]:
    found = find_dates(sentence, anchor, story_years=years)
    return tuple(m for m in found if _dates_what_is_said(sentence, m))


def _nearest(mentions: Sequence[DateMention], at: int) -> DateMention | None:
    if not mentions:
        return None
    return min(mentions, key=lambda m: (min(abs(m.start - at), abs(m.end - at)), m.start))


# "almost two years after Bam was destroyed in a quake that killed tens of thousands",
# "comes a month after a bandit made off with $136M": the figure after it is of a
# happening that long before the report
_SPAN_AFTER = re.compile(
    r"\b(?:(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})|"
    r"(?P<few>just|only|mere|a\s+few|several|some))\s+"
    r"(?P<unit>weeks?|months?|years?|decades?)\s+(?:after|since)\b",
    re.IGNORECASE,
)
_FEW = 2  # "just weeks after", "a few months after": at least two of them
_UNIT_DAYS = {**UNIT_DAYS, "decade": 3652}
# weeks and months are counted from the story's first day; years keep half a year's
# slack and the usual margin, so an anniversary piece still speaks of its story
_NEAR_START = dt.timedelta(days=7)


def _span_before(sentence: str, at: int, anchor: dt.date | None, start: dt.date) -> bool:
    """ "N weeks/months/years after <the figure's happening>": that happening was over
    before the story began ("two weeks after the blaze" in a report a fortnight on is
    the story's own blaze). A report of unknown date is taken to speak from the
    story's first day: at worst a figure of its own story is left uncompared."""
    anchor = anchor or start
    for m in _SPAN_AFTER.finditer(sentence[: max(at, 0)]):
        n = (number_value(m["n"]) or 0) if m["n"] else _FEW
        unit = m["unit"].lower().rstrip("s")
        happened = anchor - dt.timedelta(days=n * _UNIT_DAYS[unit])
        if unit in ("year", "decade"):
            if happened + dt.timedelta(days=183) < start - BEFORE_STORY:
                return True
        elif happened < start - _NEAR_START:
            return True
    return False


# "The seizure came a day after a woman blew herself up outside a metro station,
# killing 10": what follows is an earlier happening of its own, however recent
# ("came a day after the quake that killed 300", "came a day after 36-year-old Duncan
# Rait died" may be the story's own: not these)
_CAME_AFTER = re.compile(
    r"\b(?:came|comes|coming)\s+(?:just\s+|only\s+|barely\s+)?"
    r"(?:a|an|one|two|three|four|five|six|\d{1,2}|a\s+few|several)\s+"
    r"(?:hours?|days?|weeks?)\s+after\s+"
    r"(?:a|an)\s[^;]*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Background:
    """A claim about another happening, and that happening's day when a day names it."""

    day: dt.date | None = None


def background_of(
    claim: Claim, start: dt.date, anchor: dt.date | None, years: tuple[int, ...]
) -> _Background | None:
    """Whether ``claim`` speaks of another happening than its story's (see the module)."""
    cutoff = start - BEFORE_STORY
    if isinstance(claim.value, DateValue):
        return _Background() if claim.value.end < cutoff else None
    at = claim.sentence.find(claim.quote)
    nearest = _nearest(_sentence_dates(claim.sentence, anchor, years), max(at, 0))
    earlier = (
        nearest is not None
        and nearest.end_date is not None
        and not _near_the_report(nearest)
        and nearest.end_date < cutoff
    )
    # "the fire at the Tazreen factory on Nov. 24, which killed 112": that day's figure
    day = (
        nearest.end_date
        if earlier
        and nearest is not None
        and nearest.granularity == "day"
        and nearest.start_date == nearest.end_date
        else None
    )
    if _span_before(claim.sentence, at, anchor, start) or _CAME_AFTER.search(
        claim.sentence[: max(at, 0)]
    ):
        return _Background(day)  # "five months after the fire ... on Nov. 24, which killed"
    return _Background(day) if earlier else None


def place_background(
    claims: Iterable[Claim],
    articles: Sequence[Article],
    years: Mapping[str, Sequence[int]],
) -> list[Claim]:
    """Mark the claims about another happening than their story's (see the module)."""
    starts = first_report_days(articles)
    anchors = {a.id: a.published_date for a in articles}
    flights = story_flights(articles)
    out = []
    for c in claims:
        start = starts.get(c.story)
        if c.kind is Kind.NAME or start is None:
            out.append(c)
            continue
        story_years = tuple(years.get(c.story, ()))
        other = background_of(c, start, anchors.get(c.article_id), story_years)
        if other is None and names_another_flight(c.sentence, flights.get(c.story, frozenset())):
            other = _Background()  # "Its flight MH370 vanished with 239 people on board"
        if other is not None:
            c = _as_background(c, other.day)
        out.append(c)
    return out


def _as_background(claim: Claim, day: dt.date | None) -> Claim:
    """``claim`` about another happening; a figure holds on that happening's day."""
    if day is None or claim.kind is Kind.DATE:
        return replace(claim, event=BACKGROUND)
    return replace(claim, event=BACKGROUND, as_of=day, as_of_basis=AsOfBasis.EVENT, awaits=None)


def place_other_onsets(claims: Sequence[Claim], onsets: Mapping[str, dt.date]) -> list[Claim]:
    """A report that gives the story's onset day also gives other days of the same
    event slot only for other happenings: "On 24 August two airliners were brought
    down", in a report that dates the school's seizure to Wednesday, is not the
    seizure. Those dates are background, and so are the figures of a sentence that
    dates such a happening before the onset ("..., killing 90 people": on 24 August); a
    report that never gives the onset day is compared as it stands (its one date may
    be the wrong one)."""
    with_onset = {
        (c.article_id, c.slot)
        for c in claims
        if _is_onset_date(c) and _holds(c, onsets.get(c.story))
    }
    others = [
        c
        for c in claims
        if _is_onset_date(c)
        and (c.article_id, c.slot) in with_onset
        and not _holds(c, onsets.get(c.story))
    ]
    other_ids = {c.id for c in others}
    earlier: dict[tuple[str, str], dt.date] = {}
    for c in others:
        onset = onsets[c.story]
        if isinstance(c.value, DateValue) and c.value.start == c.value.end < onset:
            earlier[(c.article_id, c.sentence)] = c.value.start
    out = []
    for c in claims:
        if c.id in other_ids:
            c = replace(c, event=BACKGROUND)
        elif c.kind in (Kind.COUNT, Kind.QUANTITY) and (c.article_id, c.sentence) in earlier:
            c = _as_background(c, earlier[(c.article_id, c.sentence)])
        out.append(c)
    return out


def _is_onset_date(c: Claim) -> bool:
    return (
        isinstance(c.value, DateValue)
        and c.event != BACKGROUND
        and c.slot.removesuffix(".date") in ONSET_EVENTS
    )


def _holds(c: Claim, day: dt.date | None) -> bool:
    value = c.value
    return day is not None and isinstance(value, DateValue) and value.start <= day <= value.end


def story_onsets(claims: Iterable[Claim]) -> dict[str, dt.date]:
    """Per story, the day most of its date claims give for the attack or disaster
    (ties: the earliest day)."""
    counts: dict[str, Counter[dt.date]] = defaultdict(Counter)
    told: dict[str, Counter[dt.date]] = defaultdict(Counter)
    for c in claims:
        value = c.value
        if not isinstance(value, DateValue) or value.start != value.end:
            continue
        told[c.story][value.start] += 1
        if c.slot.removesuffix(".date") in ONSET_EVENTS:
            counts[c.story][value.start] += 1
    return {story: consensus_day(counter, told[story]) for story, counter in counts.items()}


def consensus_day(counter: Counter[dt.date], told: Counter[dt.date] | None = None) -> dt.date:
    """The day most claims give; a tie goes to the day the story tells most (``told``:
    "had stormed the Acropolis yesterday" against every other report's Wednesday),
    then to the earliest."""
    told = told or Counter()
    return min(counter.items(), key=lambda kv: (-kv[1], -told[kv[0]], kv[0]))[0]


def _is_setting(slot: str) -> bool:
    noun, _, predicate = whole_slot(slot).partition(".")
    return noun not in _CONDUCT_NOUNS and predicate not in _CONDUCT_PREDICATES


def place_event_facts(
    claims: Iterable[Claim],
    onsets: Mapping[str, dt.date],
    published: Mapping[str, dt.date],
    is_fixed: Callable[[str], bool],
) -> list[Claim]:
    """Date a fixed fact that its report only repeats by the story's onset (see the
    module); a report published before that day speaks of something else."""
    out = []
    for c in claims:
        onset = onsets.get(c.story)
        pub = published.get(c.article_id)
        if (
            onset is not None
            and c.kind in (Kind.COUNT, Kind.QUANTITY)
            and c.as_of_basis in (AsOfBasis.PUBLISHED, AsOfBasis.UNKNOWN)
            and (pub is None or onset <= pub)
            and _is_setting(c.slot)
            and is_fixed(c.slot)
        ):
            c = replace(c, as_of=onset, as_of_basis=AsOfBasis.STORY_ONSET)
        out.append(c)
    return out


def place_attackers(
    claims: Sequence[Claim],
    onsets: Mapping[str, dt.date],
    ends: Mapping[str, dt.date],
    published: Mapping[str, dt.date],
) -> list[Claim]:
    """Who attacked is the onset's figure once the story is over: "the 32 attackers"
    a week after a school siege ended, "two plainclothes officers" days after a
    shooting. While a siege lasts (the story holds hostages and has not ended by the
    report's day) the count is that day's state: "the 14 rebels" in its third week."""
    sieges = siege_stories(claims)
    out = []
    for c in claims:
        onset, end = onsets.get(c.story), ends.get(c.story)
        pub = published.get(c.article_id)
        over = c.story not in sieges or (end is not None and pub is not None and pub > end)
        if (
            onset is not None
            and pub is not None
            and onset <= pub
            and over
            and c.kind is Kind.COUNT
            and c.as_of_basis in (AsOfBasis.PUBLISHED, AsOfBasis.UNKNOWN)
            and c.frame == "attackers"
        ):
            c = replace(c, as_of=onset, as_of_basis=AsOfBasis.STORY_ONSET)
        out.append(c)
    return out


# "the gunmen seized more than 1,100 people", "herded 354 hostages into the gym",
# "the hostage-takers had held more than 1,100 people": how many were taken, at the onset
_SEIZED_BEFORE = re.compile(
    r"\b(?:seiz(?:e|ed|ing)|t(?:ake|ook|aken|aking)|herd(?:ed|ing)?|cramm(?:ed|ing)|"
    r"round(?:ed)?\s+up|grabb(?:ed|ing))\s+(?:[\w,-]+\s+){0,3}$",
    re.IGNORECASE,
)
_TAKEN_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}(?:were|had\s+been)\s+taken\s+hostage", re.I)
# Told once the siege is over, "the hostage-takers had held more than 1,100 people",
# "more than 1,100 hostages were held", "354 throughout the siege" are its whole count
# ("have held 72 hostages since February", in its third month, is that month's)
_HELD_BEFORE = re.compile(r"\bhad\s+held\s+(?:[\w,-]+\s+){0,3}$", re.IGNORECASE)
_HELD_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,2}(?:(?:were|had\s+been)\s+held\b|throughout\s+the\s+siege\b)",
    re.IGNORECASE,
)
_SEIZURE_SLOTS = frozenset({"people.attacked", "people"})


def _said_around(c: Claim, before: re.Pattern[str], after: re.Pattern[str]) -> bool:
    """``before`` ends the words before the claim's quote, or ``after`` starts those after."""
    at = c.sentence.find(c.quote)
    if at < 0:
        return False
    return bool(before.search(c.sentence[:at]) or after.match(c.sentence[at + len(c.quote) :]))


def siege_stories(claims: Iterable[Claim]) -> frozenset[str]:
    """Stories that hold hostages: some count of theirs is of people held."""
    return frozenset(c.story for c in claims if c.frame == "held")


def place_hostages(
    claims: Sequence[Claim],
    onsets: Mapping[str, dt.date],
    ends: Mapping[str, dt.date],
    published: Mapping[str, dt.date],
) -> list[Claim]:
    """How many a siege held, by when each figure holds.

    The people a siege's attackers seized, herded in or took hostage are counted at
    the onset, whenever that is told ("the gunmen seized more than 1,100 people", a
    week on); in a story that holds hostages, people seized are its hostages. Any
    other count of who is held, told after the siege ended, is the last state: "the
    72 hostages" in the days after the raid were held until its day."""
    sieges = siege_stories(claims)
    out = []
    for c in claims:
        onset, end = onsets.get(c.story), ends.get(c.story)
        pub = published.get(c.article_id)
        undated = c.as_of_basis in (AsOfBasis.PUBLISHED, AsOfBasis.UNKNOWN)
        if c.story not in sieges or c.kind is not Kind.COUNT or not undated or c.event != "main":
            out.append(c)
            continue
        taken = _said_around(c, _SEIZED_BEFORE, _TAKEN_AFTER)
        if c.slot in _SEIZURE_SLOTS and taken:
            slot = "hostages"
            c = reslotted(c, slot)
        if c.frame != "held" or onset is None or (pub is not None and pub < onset):
            out.append(c)
            continue
        over = end is not None and pub is not None and end < pub
        if taken or (over and _said_around(c, _HELD_BEFORE, _HELD_AFTER)):
            c = replace(c, as_of=onset, as_of_basis=AsOfBasis.STORY_ONSET)
        elif over and end is not None:
            c = replace(c, as_of=end, as_of_basis=AsOfBasis.STORY_EVENT)
        out.append(c)
    return out


_DURATION = ".duration"


def place_durations(
    claims: Sequence[Claim], ends: Mapping[str, dt.date], published: Mapping[str, dt.date]
) -> list[Claim]:
    """How long the story's event lasted ("the 52-hour siege") is known when it ended:
    told after its end, the figure holds on the end's day, as a fixed fact of it."""
    out = []
    for c in claims:
        end, pub = ends.get(c.story), published.get(c.article_id)
        if (
            end is not None
            and pub is not None
            and end < pub
            and c.kind is Kind.QUANTITY
            and c.slot.endswith(_DURATION)
            and c.event != BACKGROUND
            and c.as_of_basis in (AsOfBasis.PUBLISHED, AsOfBasis.UNKNOWN)
        ):
            c = replace(c, as_of=end, as_of_basis=AsOfBasis.STORY_EVENT)
        out.append(c)
    return out


def place_introduced_happenings(
    claims: Sequence[Claim], onsets: Mapping[str, dt.date], event_nouns: Iterable[str]
) -> list[Claim]:
    """A sentence that brings in a happening with an indefinite article ("killed by a
    quake in eastern China") and dates it to another day than the story's onset speaks
    of another happening: its date and its figures are background ("On Saturday, more
    than a dozen people were killed by a quake in eastern China", in reports on
    Sunday's quake in Iran). The story's own lead ("An earthquake struck southern Iran
    on Sunday") gives the onset's day and stays; a wrong day under a definite noun ("the
    siege, which began on Thursday") is a contradiction and stays too."""
    nouns = "|".join(sorted((re.escape(n) for n in event_nouns if " " not in n), key=len))
    if not nouns:
        return list(claims)
    introduced = re.compile(rf"\b(?:a|an)\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})s?\b", re.I)
    other = {
        (c.article_id, c.sentence)
        for c in claims
        if _is_onset_date(c)
        and isinstance(c.value, DateValue)
        and c.value.start == c.value.end  # a day, not "May" of "May's government"
        and onsets.get(c.story) is not None
        and not _holds(c, onsets.get(c.story))
        and introduced.search(c.sentence)
    }
    return [
        replace(c, event=BACKGROUND)
        if (c.article_id, c.sentence) in other and c.kind is not Kind.NAME
        else c
        for c in claims
    ]
