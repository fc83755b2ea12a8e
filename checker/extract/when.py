"""When a claim holds, beyond its own clause: the report's and the story's event dates.

An event claim whose clause gives no date ("All 14 rebels were killed") is
dated by the nearest compatible event date of its report
(:func:`date_from_context`), else by the story's consensus date of the event
(:func:`place_story_events`, in the pipeline, once every report is read);
"initially"/"at first" put a claim at the story's start
(:func:`place_story_start`). Pure functions of claims.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from checker.extract.dates import find_dates
from checker.frames import LENGTH_FRAMES
from checker.ids import claim_id
from checker.records import Article, AsOfBasis, Claim, DateMention, DateValue, Kind

# Predicate classes whose claims are events with a day of their own.
EVENT_PREDICATES = frozenset(
    {"released", "killed", "injured", "rescued", "arrested", "deployed", "attacked"}
)


MEASURED = "measured"  # the class of an undated length of the story's event

# Which dated events of a report can date an undated event claim, by predicate class.
CONTEXT_EVENTS: dict[str, tuple[str, ...]] = {
    "released": ("release",),
    "rescued": ("rescue",),
    "killed": ("rescue", "attack", "incident"),
    "injured": ("rescue", "attack", "incident"),
    "deployed": ("rescue", "attack", "incident"),
    "attacked": ("attack",),
    # an arrest is its own happening (days after an attack, at a protest of its own),
    # dated by an attack or a rescue only in the same sentence ("foiled the attack on
    # Thursday and captured 26 pirates")
    "arrested": ("arrest", "rescue", "attack"),
    # a length, height or depth no clause dates ("cruising at 33,000 feet", "a tunnel
    # some 170 metres long") is of the event the report tells: the raid, the crash
    MEASURED: ("rescue", "attack", "incident"),
}
SAME_SENTENCE_EVENTS: dict[str, frozenset[str]] = {"arrested": frozenset({"rescue", "attack"})}


# Events that happen once in a story, whose consensus date can date a claim
# of a report that does not date it itself. Releases and arrests come in waves: not these.
STORY_EVENTS: dict[str, tuple[str, ...]] = {
    k: tuple(e for e in v if e not in ("release", "arrest"))
    for k, v in CONTEXT_EVENTS.items()
    if k != "released"
}
# ... but an arrest only in a report of unknown date, where nothing else dates it
UNDATED_ONLY = frozenset({"arrested"})


def date_from_context(claims: Sequence[Claim], article: Article) -> list[Claim]:
    """Date event claims whose clause has no date by the report's nearest dated event.

    "All 14 rebels were killed" in a report whose lead says the commandos
    stormed the residence "on Tuesday" happened on that Tuesday. The nearest
    compatible event date before the claim wins, else the nearest after it;
    with none, the claim holds at publication.
    """
    # a day or two dates a figure; "in July", "in December 2008" do not
    dated = [
        c
        for c in claims
        if c.kind is Kind.DATE
        and c.as_of is not None
        and isinstance(c.value, DateValue)
        and (c.value.end - c.value.start).days < 2
    ]
    # figures their own clause dates to a happening: "On April 22 about 140 commandos
    # burst in. All 14 rebels and one hostage were killed" is the raid's day, not the
    # attack's, when that figure is nearer than any date claim
    witnesses = sorted(
        (
            d
            for d in claims
            if d.as_of_basis is AsOfBasis.EVENT
            and d.kind is not Kind.DATE
            and d.as_of is not None
            and d.slot.rsplit(".", 1)[-1] in EVENT_PREDICATES
        ),
        key=lambda d: d.start,
    )
    witness_starts = [d.start for d in witnesses]
    out = []
    for c in claims:
        pred_class = _awaiting(c, AsOfBasis.AWAITING_CONTEXT)
        if _measures_the_event(c):
            pred_class = MEASURED
        if pred_class is None:
            out.append(c)
            continue
        if pred_class == "released" and c.slot.endswith(".released"):
            c, pred_class = _released_in_rescue(c, dated, article)
        events = CONTEXT_EVENTS.get(pred_class, ())
        witness = witnesses[: bisect.bisect_left(witness_starts, c.start)]
        for event in events:  # in order of preference: a death in a raid story is the raid's
            compatible = [d for d in dated if d.slot == f"{event}.date"]
            if event in SAME_SENTENCE_EVENTS.get(pred_class, ()):
                compatible = [d for d in compatible if d.sentence == c.sentence]
            if compatible:
                nearest = min(compatible, key=lambda d: (d.start > c.start, abs(d.start - c.start)))
                closer = [w for w in witness if nearest.start < w.start or nearest.start > c.start]
                if closer:
                    nearest = max(closer, key=lambda w: w.start)
                placed = AsOfBasis.EVENT_CONTEXT
                out.append(replace(c, as_of=nearest.as_of, as_of_basis=placed, awaits=None))
                break
        else:
            # resolved against the story's consensus event dates in the pipeline
            out.append(replace(c, as_of_basis=AsOfBasis.AWAITING_STORY, awaits=pred_class))
    return out


def _measures_the_event(c: Claim) -> bool:
    return (
        c.kind is Kind.QUANTITY
        and c.as_of_basis is AsOfBasis.PUBLISHED
        and c.frame in LENGTH_FRAMES
        and c.event == "main"
    )


def _released_in_rescue(c: Claim, dated: Sequence[Claim], article: Article) -> tuple[Claim, str]:
    """ "The 71 freed hostages" in a report that dates a rescue and no release were rescued."""
    events = {d.slot.removesuffix(".date") for d in dated}
    if "rescue" in events and "release" not in events:
        slot = c.slot.removesuffix(".released") + ".rescued"
        return replace(c, slot=slot, id=claim_id(article.id, slot, c.start, c.end)), "rescued"
    return c, "released"


def place_story_events(
    claims: Iterable[Claim], event_dates: Mapping[str, dt.date], published: Mapping[str, dt.date]
) -> list[Claim]:
    """Date event claims no date in their report fixes by the story's consensus event date.

    "All 14 rebels were killed", in a retrospective with no date of the raid,
    happened on the day most reports give for the raid; an event not yet
    happened by the report's publication is skipped. With no such event the
    claim holds at publication.
    """
    out = []
    for c in claims:
        pred_class = _awaiting(c, AsOfBasis.AWAITING_STORY)
        if pred_class is None:
            out.append(c)
            continue
        pub = published.get(c.article_id)
        events = STORY_EVENTS.get(pred_class, ())
        for event in events if pub is None or pred_class not in UNDATED_ONLY else ():
            day = event_dates.get(event)
            if day is not None and (pub is None or day <= pub):
                out.append(replace(c, as_of=day, as_of_basis=AsOfBasis.STORY_EVENT, awaits=None))
                break
        else:
            out.append(replace(c, as_of_basis=publication_basis(c.as_of), awaits=None))
    return out


def publication_basis(as_of: dt.date | None) -> AsOfBasis:
    """The basis of a claim that holds when its report appeared (if that is known)."""
    return AsOfBasis.PUBLISHED if as_of is not None else AsOfBasis.UNKNOWN


def _awaiting(claim: Claim, stage: AsOfBasis) -> str | None:
    """The kind of happening a claim left for ``stage`` to date awaits ("killed")."""
    return claim.awaits if claim.as_of_basis is stage else None


def place_story_start(claims: Iterable[Claim], story_start: dt.date | None) -> list[Claim]:
    """Give claims stated "initially"/"at first" the story's start date."""
    return [
        replace(c, as_of=story_start) if c.as_of_basis is AsOfBasis.STORY_START else c
        for c in claims
    ]


def read_against_update(
    claims: Sequence[Claim],
    article: Article,
    update: dt.date,
    dates: Sequence[DateMention],
    story_years: Sequence[int],
) -> list[Claim]:
    """A report with no publication date but a "Last updated" line reads its weekdays
    and "yesterday"s against that day, as a reader would ("on Thursday" under "Updated:
    November 11" is Nov. 10): what they date is doubtful, since the report may be older
    than its update."""
    bare = find_dates(article.text, None, story_years=story_years)
    needed = {(d.start, d.end) for d in bare if d.start_date is None}
    borrowed = [d for d in dates if (d.start, d.end) in needed]
    if not borrowed:
        return list(claims)
    doubt = f"the report is undated: its weekdays are read against its last update ({update})"
    out = []
    for c in claims:
        if _dated_by(c, borrowed):
            c = replace(c, doubt=c.doubt or doubt)
        out.append(c)
    return out


def _dated_by(claim: Claim, borrowed: Sequence[DateMention]) -> bool:
    if claim.kind is Kind.DATE:
        return any(d.start == claim.start and d.end == claim.end for d in borrowed)
    return claim.as_of is not None and any(
        d.text in claim.sentence and d.start_date <= claim.as_of <= d.end_date
        for d in borrowed
        if d.start_date is not None and d.end_date is not None
    )
