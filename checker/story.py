"""The comparison stage of whole stories, with its placement stage before it.

A story's findings, timelines and placed claims depend on its own reports alone:
the pipeline caches the result per story, and the runner may compare stories on
other machines. Comparing several stories in one call (:func:`compare_stories`)
gives each the result it gets alone, in a fraction of the time (the polars work of
comparison is per call, not per story).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from checker.behaviour import slot_behaviour
from checker.compare import compare, is_ignored
from checker.config import Config
from checker.dating import story_years
from checker.extract.ages import AGE_SLOT
from checker.extract.claims import BARE_DIMENSIONS
from checker.extract.clauses import line_of
from checker.extract.events import KILLING
from checker.extract.when import place_story_events, place_story_start
from checker.extraction import ReportExtraction
from checker.frames import narrows, whole_slot
from checker.ids import claim_id, finding_id
from checker.messages import report_label
from checker.name_spans import is_name
from checker.names import NameMention, cluster_names
from checker.place.ages import place_ages
from checker.place.groups import place_bare_groups
from checker.place.happenings import (
    ONSET_EVENTS,
    place_attackers,
    place_background,
    place_durations,
    place_event_facts,
    place_hostages,
    place_introduced_happenings,
    place_other_onsets,
    story_onsets,
)
from checker.place.moments import MOMENT_SLOT, place_onset_moments, place_siege_end_days
from checker.place.scopes import part_scope, story_places
from checker.place.tolls import (
    disaster_stories,
    place_passengers,
    place_settled_tolls,
    place_siege_tolls,
    place_victims,
)
from checker.records import (
    Article,
    Behaviour,
    Claim,
    DateValue,
    Finding,
    FindingType,
    Kind,
    NameValue,
    Qualifier,
    Severity,
    Timeline,
)
from checker.settle import settle_ambiguous_events, story_event_dates, story_starts
from checker.slots import Lexicon
from checker.spelling import spelling_findings


@dataclass(frozen=True)
class StoryResult:
    """What comparison made of one story: its claims as placed in time (name
    claims included), its findings and its timelines."""

    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    timelines: tuple[Timeline, ...]


# One story's reports (corpus order) and what extraction found in each.
StoryWork = tuple[Sequence[Article], Sequence[ReportExtraction]]


def compare_stories(
    stories: Sequence[StoryWork], config: Config, lexicon: Lexicon
) -> list[StoryResult]:
    """The result of each story, in order, compared in one call."""
    articles = [a for reports, _ in stories for a in reports]
    extractions = [e for _, found in stories for e in found]
    whole = compare_story(articles, extractions, config, lexicon)
    parts: dict[str, tuple[list[Claim], list[Finding], list[Timeline]]] = {}
    for reports, _ in stories:
        for a in reports:
            parts.setdefault(a.story, ([], [], []))
    for c in whole.claims:
        parts[c.story][0].append(c)
    for f in whole.findings:
        parts[f.story][1].append(f)
    for t in whole.timelines:
        parts[t.story][2].append(t)
    out = []
    for reports, _ in stories:
        story = reports[0].story if reports else None
        cs, fs, ts = parts.get(story, ([], [], [])) if story is not None else ([], [], [])
        out.append(StoryResult(tuple(cs), tuple(fs), tuple(ts)))
    return out


def compare_story(
    articles: Sequence[Article],
    extractions: Sequence[ReportExtraction],
    config: Config,
    lexicon: Lexicon,
) -> StoryResult:
    """The comparison stage of whole stories: name claims and spelling findings from
    the reports' name mentions, placement, then every finding and timeline.
    ``articles`` are the stories' reports in corpus order, ``extractions`` what
    extraction found in each."""
    claims = [c for e in extractions for c in e.claims]
    names, spelling = name_claims(articles, [m for e in extractions for m in e.names])
    problems = {a.id: e.date_problems for a, e in zip(articles, extractions, strict=True)}
    placed = place_story(articles, [*claims, *names], config, lexicon)
    kept = [c for c in placed if not is_ignored(c.slot, config.ignore_slots)]
    manifests = manifest_stories(kept)
    comparable = [c for c in kept if _comparable(c, lexicon)]
    own = story_places(comparable, articles)
    comparison = compare(
        [_as_compared(c, manifests, own.get(c.story, frozenset())) for c in comparable],
        articles,
        config,
        lexicon.behaviour,
    )
    findings = [
        *comparison.findings,
        *(f for f in spelling if not is_ignored(f.slot, config.ignore_slots)),
        *date_problem_findings(articles, config, problems),
    ]
    return StoryResult(tuple(kept), tuple(findings), tuple(comparison.timelines))


def place_story(
    articles: Sequence[Article], claims: Sequence[Claim], config: Config, lexicon: Lexicon
) -> list[Claim]:
    """The placement stage: each claim's event, scope and ``as_of`` once the whole
    story is known (:mod:`checker.place`, :mod:`checker.settle`)."""
    claims = place_ages(settle_ambiguous_events(list(claims)))
    claims = place_bare_groups(claims, frozenset(lexicon.nationalities.values()))
    starts = story_starts(claims)
    events = story_event_dates(claims)
    published = {a.id: a.published_date for a in articles if a.published_date is not None}
    placed = [
        c
        for story_claims in _by_story(claims)
        for c in place_story_events(
            place_story_start(story_claims, starts.get(story_claims[0].story)),
            events.get(story_claims[0].story, {}),
            published,
        )
    ]
    crashes = manifest_stories(placed)
    placed = place_victims(placed, crashes | disaster_stories(placed))
    placed = place_passengers(placed, crashes, frozenset(lexicon.nationalities.values()))
    onsets = story_onsets(claims)
    placed = place_event_facts(
        placed,
        onsets,
        published,
        lambda slot: slot_behaviour(slot, lexicon.behaviour, config.behaviour) is Behaviour.FIXED,
    )
    # in a crash the dead died in it, the hurt were hurt in it and its survivors are
    # known that day: their counts are the crash's, not running tolls
    placed = place_event_facts(
        placed,
        {s: d for s, d in onsets.items() if s in crashes},
        published,
        lambda slot: whole_slot(slot) in CRASH_FIGURES,
    )
    end_events = _end_events(events)
    ends = {story: day for story, (_, day) in end_events.items()}
    placed = place_attackers(placed, onsets, ends, published)
    placed = place_hostages(placed, onsets, ends, published)
    placed = place_durations(placed, ends, published)
    placed = place_siege_tolls(placed, onsets, ends, published)
    placed = place_settled_tolls(placed, ends, published)
    placed = place_background(placed, articles, story_years(articles))
    # placement moves as_of and events, never a date's slot or day: the onsets still hold
    placed = place_other_onsets(placed, onsets)
    onset_nouns = [n for e in ONSET_EVENTS for n in lexicon.events.get(e, ())]
    placed = place_introduced_happenings(placed, onsets, onset_nouns)
    placed = place_siege_end_days(placed, onsets, end_events)
    placed = place_onset_moments(placed, onsets, end_events, disaster_stories(placed))
    return placed


def date_problem_findings(
    articles: Sequence[Article], config: Config, problems: Mapping[str, Sequence[str]]
) -> list[Finding]:
    """One finding (of type ``metadata``: the report's metadata is wrong) per problem
    with a report's publication date."""
    severity = config.severity.get(FindingType.METADATA, Severity.WARNING)
    findings = []
    for a in articles:
        for message in problems.get(a.id, ()):
            findings.append(
                Finding(
                    id=finding_id(FindingType.METADATA, a.story, "published", [a.id, message]),
                    type=FindingType.METADATA,
                    severity=severity,
                    story=a.story,
                    slot="published",
                    claim_ids=(),
                    message=f"{report_label(a)}: {message}",
                    outlier_reports=(a.id,),
                )
            )
    return findings


def name_claims(
    articles: Sequence[Article], mentions: Sequence[NameMention]
) -> tuple[list[Claim], list[Finding]]:
    """Name claims and spelling findings from the mentions of every report."""
    by_article = {a.id: a for a in articles}
    clusters = cluster_names(
        [m for m in mentions if is_name(by_article[m.article_id].text, m.start, m.end)]
    )
    claims: list[Claim] = []
    ids: dict[tuple[str, int, int], str] = {}
    for cluster in clusters:
        slot = f"name:{cluster.canonical}"
        for m in cluster.mentions:
            cid = claim_id(m.article_id, slot, m.start, m.end)
            ids[(m.article_id, m.start, m.end)] = cid
            article = by_article[m.article_id]
            claims.append(
                Claim(
                    id=cid,
                    article_id=m.article_id,
                    story=m.story,
                    slot=slot,
                    kind=Kind.NAME,
                    value=NameValue(m.text, cluster.canonical),
                    qualifier=Qualifier.EXACT,
                    as_of=article.published_date,
                    quote=m.text,
                    sentence=m.sentence,
                    start=m.start,
                    end=m.end,
                    line=line_of(article, m.start),
                )
            )
    findings = spelling_findings(clusters, lambda m: ids[(m.article_id, m.start, m.end)])
    return claims, list(findings)


VAGUE_DATE_DAYS = 2


def _comparable(claim: Claim, lexicon: Lexicon) -> bool:
    """Names are compared as spellings elsewhere; a figure about another happening
    than the story's or one the report says was overtaken, a
    running toll from a report of unknown date, a date vaguer than a day or two, or
    a count of something the lexicon cannot say is a figure of anything, is kept in
    the report, not compared."""
    if claim.kind is Kind.NAME or claim.event != "main" or claim.superseded:
        return False
    if claim.as_of is None and claim.slot in lexicon.running_totals:
        return False  # a toll so far, from a report of unknown date: of no known time
    value = claim.value
    if isinstance(value, DateValue) and (value.end - value.start).days >= VAGUE_DATE_DAYS:
        return False  # "last week", "in early March": agrees with too much to disagree
    if claim.slot == AGE_SLOT and claim.scope is None:
        return False  # "a 63-year-old woman", "a 47-year-old man": whose age?
    if claim.slot in (f"{KILLING}.date", MOMENT_SLOT):
        return False  # one moment of the story, not its onset: killings span its days
    if claim.kind is Kind.QUANTITY and claim.slot in BARE_DIMENSIONS:
        return False  # "200 metres", "two million euros": of what?
    return claim.kind is not Kind.COUNT or lexicon.is_comparable_count(claim.slot)


# Figures a crash settles on its own day.
CRASH_FIGURES = frozenset({"dead", "injured", "survivor"})
# Who a vehicle's manifest lists: a story that counts them knows its dead from it.
MANIFEST_GROUPS = frozenset({"passenger", "crew"})
BODIES_SLOT = "bodies"


def _end_events(
    events: Mapping[str, Mapping[str, dt.date]],
) -> dict[str, tuple[str, dt.date]]:
    """How and when each story's siege or attack ended (its end, else its rescue)."""
    out: dict[str, tuple[str, dt.date]] = {}
    for story, days in events.items():
        for event in ("attack.end", "rescue"):
            if event in days:
                out[story] = (event, days[event])
                break
    return out


def manifest_stories(claims: Iterable[Claim]) -> frozenset[str]:
    """Stories that count the passengers or crew aboard (a crash): their dead are
    known from the manifest, and bodies recovered lag behind them."""
    return frozenset(
        c.story for c in claims if c.slot.startswith("people.aboard") and c.group in MANIFEST_GROUPS
    )


def _as_compared(
    claim: Claim,
    manifests: frozenset[str] = frozenset(),
    own_places: frozenset[str] = frozenset(),
) -> Claim:
    """A part ("two women and one man died"), a group of the whole ("12 children
    were killed") or a place other than the story's own ("three died in Hatay
    province") is compared only with the same part, group or place in other reports
    (``dead/woman``, ``dead/child``, ``dead/Hatay``), never with a total. Bodies
    recovered are the toll ("149 bodies have been recovered so far" against the
    police's 161 dead) except in a story with a manifest (251 bodies of the 298
    aboard a jet)."""
    if whole_slot(claim.slot) == BODIES_SLOT and claim.story not in manifests:
        claim = replace(claim, slot="dead" + claim.slot.removeprefix(BODIES_SLOT))
    scope = part_scope(claim, own_places)
    group = claim.group if narrows(claim.slot, claim.group) and claim.kind is Kind.COUNT else None
    if scope is not None and claim.kind is not Kind.COUNT:
        group = None  # an age's person, a killing's victim: the scope alone
    parts = [p for p in (group, scope) if p is not None]
    if not parts:
        return claim
    return replace(claim, slot="/".join((claim.slot, *parts)))


def _by_story(claims: Iterable[Claim]) -> list[list[Claim]]:
    groups: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        groups[c.story].append(c)
    return [groups[s] for s in sorted(groups)]
