"""The whole pipeline: read -> date -> parse -> extract -> compare.

I/O happens only in the corpus readers (reading) and the renderers (writing);
this module wires the pure stages together.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from checker.behaviour import slot_behaviour
from checker.cache import ClaimCache, StoryResult, dating_key
from checker.compare import compare, is_ignored
from checker.config import Config, story_config_groups
from checker.corpus import read_corpus, story_config_files
from checker.extract.ages import AGE_SLOT
from checker.extract.claims import BARE_DIMENSIONS, Part, extract_claims
from checker.extract.events import KILLING
from checker.extract.headlines import sentence_cased
from checker.extract.when import place_story_events, place_story_start
from checker.extraction import ExtractionFailure, failure
from checker.frames import narrows, whole_slot
from checker.ids import finding_id
from checker.messages import report_label
from checker.nlp import load_pipeline, parser_view
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
    place_settled_tolls,
    place_siege_tolls,
    place_victims,
)
from checker.prefilter import cut
from checker.published import check_consistency, event_stems, resolve_published
from checker.records import (
    Article,
    Behaviour,
    Claim,
    DateValue,
    Finding,
    FindingType,
    InputError,
    Kind,
    PublishedBasis,
    Report,
    Severity,
    Timeline,
)
from checker.settle import settle_ambiguous_events, story_event_dates, story_starts
from checker.slots import Lexicon, load_lexicon

Progress = Callable[[int], None]


# A year with fewer of a story's dated reports than this share (the anniversary
# piece a year on) does not decide the year of a year-less date in the others.
STORY_YEAR_SHARE = 0.2


def story_years(articles: Iterable[Article]) -> dict[str, list[int]]:
    """Years of the dated reports of each story, most common first; a year that
    holds few of them is left out (see :data:`STORY_YEAR_SHARE`)."""
    counts: dict[str, Counter[int]] = defaultdict(Counter)
    for a in articles:
        if a.published_date is not None:
            counts[a.story][a.published_date.year] += 1
    out = {}
    for story, c in counts.items():
        ranked = c.most_common()
        least = STORY_YEAR_SHARE * c.total()
        out[story] = [y for i, (y, n) in enumerate(ranked) if i == 0 or n >= least]
    return out


def date_articles(
    articles: Sequence[Article],
    lexicon: Lexicon | None = None,
    cache: ClaimCache | None = None,
    context: str = "",
    errors: list[InputError] | None = None,
) -> list[Article]:
    """Fill publication dates from text or internal evidence where metadata has none.

    With a cache, each report's dating is kept beside its claims (keyed by its
    text, its metadata date, its story's years and ``context``). A report whose
    dating fails is left out, with its input error added to ``errors``.
    """
    years = story_years(articles)
    stems = event_stems((lexicon or load_lexicon()).events)
    out = []
    for a in articles:
        if a.published_basis is PublishedBasis.METADATA and a.published is not None:
            out.append(a)
            continue
        a_years = years.get(a.story, ())
        key = dating_key(a.text, a.published, a_years, context) if cache is not None else ""
        result = cache.get_dating(key) if cache is not None else None
        if result is None:
            try:
                result = resolve_published(a.published, a.text, story_years=a_years, stems=stems)
            except Exception as exc:  # one report's problem, not the run's
                if errors is None:
                    raise
                errors.append(failure(a, exc).error)
                continue
            if cache is not None:
                cache.put_dating(key, result)
        out.append(
            replace(
                a,
                published=result.published,
                published_basis=result.basis,
                published_evidence=result.evidence,
                published_upper_bound=result.upper_bound,
                published_candidates=tuple(result.candidates),
            )
        )
    return out


def metadata_findings(
    articles: Sequence[Article], config: Config, messages: Mapping[str, Sequence[str]]
) -> list[Finding]:
    """One metadata finding per date-consistency problem of a report."""
    severity = config.severity.get(FindingType.METADATA, Severity.WARNING)
    findings = []
    for a in articles:
        for message in messages.get(a.id, ()):
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


def build_report(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    extra_findings: Sequence[Finding],
    errors: Sequence[object],
    config: Config,
    lexicon: Lexicon,
    metadata: Mapping[str, Sequence[str]] | None = None,
) -> Report:
    """Place claims in time, compare them, and gather every finding.

    ``metadata`` holds each report's date-consistency problems as extraction
    found (and cached) them; without it they are computed here.
    """
    if metadata is None:
        metadata = {
            a.id: check_consistency(a.published, a.text)
            for a in articles
            if a.published is not None
        }
    claims = place_ages(settle_ambiguous_events(claims))
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
        *(f for f in extra_findings if not is_ignored(f.slot, config.ignore_slots)),
        *metadata_findings(articles, config, metadata),
    ]
    return assemble_report(articles, kept, findings, comparison.timelines, errors)


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


def assemble_report(
    articles: Iterable[Article],
    claims: Iterable[Claim],
    findings: Iterable[Finding],
    timelines: Iterable[Timeline],
    errors: Iterable[object],
) -> Report:
    """A report with every part in its output order (whatever order the parts came in)."""
    return Report(
        articles=tuple(sorted(articles, key=lambda a: a.id)),
        claims=tuple(sorted(claims, key=lambda c: (c.article_id, c.start, c.end, c.slot, c.id))),
        findings=tuple(
            sorted(findings, key=lambda f: (f.story, -f.severity.rank, f.type.value, f.slot, f.id))
        ),
        timelines=tuple(sorted(timelines, key=lambda t: (t.story, t.slot, t.kind.value))),
        errors=tuple(errors),  # type: ignore[arg-type]
    )


def _by_story(claims: Iterable[Claim]) -> list[list[Claim]]:
    groups: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        groups[c.story].append(c)
    return [groups[s] for s in sorted(groups)]


def check(
    paths: Sequence[str | Path],
    config: Config | None = None,
    *,
    workers: int = 1,
    progress: Progress | None = None,
    use_cache: bool = False,
    cache_dir: str | Path | None = None,
    on_note: Callable[[str], None] | None = None,
) -> Report:
    """The whole pipeline; ``use_cache`` keeps per-report extraction results and
    per-story comparison results on disk (in ``cache_dir``, default
    ``.checker-cache`` beside the data). ``on_note`` hears what the user should
    know that is no input error (a cache that could not be written).

    A report whose reading, dating or analysis raises is an input error of its
    own (``Report.errors``); the others are checked as if it were not there."""
    from checker.cache import ClaimCache, default_cache_dir

    config = config or Config()
    corpus = read_corpus(paths, stories=config.stories)
    groups, config_errors = story_config_groups(corpus.articles, config, story_config_files(paths))
    cache = None
    if use_cache:
        cache = ClaimCache(cache_dir if cache_dir is not None else default_cache_dir(paths))
    parts = [
        _check_group(group, group_config, cache, workers, progress)
        for group_config, group in groups
    ]
    errors = (*corpus.errors, *config_errors, *(e for r in parts for e in r.errors))
    if cache is not None and cache.errors and on_note is not None:
        on_note(cache.write_problem())
    if len(parts) == 1:
        return replace(parts[0], errors=errors)
    return assemble_report(
        (a for r in parts for a in r.articles),
        (c for r in parts for c in r.claims),
        (f for r in parts for f in r.findings),
        (t for r in parts for t in r.timelines),
        errors,
    )


def _check_group(
    articles: Sequence[Article],
    config: Config,
    cache: ClaimCache | None,
    workers: int,
    progress: Progress | None,
) -> Report:
    from checker.cache import cache_context
    from checker.extraction import run_extraction

    lexicon = load_lexicon(config)
    errors: list[InputError] = []
    if cache is None:
        dated = date_articles(articles, lexicon, errors=errors)
        failures: list[ExtractionFailure] = []
        claims, names, spelling, metadata = run_extraction(
            dated, lexicon, config_fingerprint=config.fingerprint(), workers=workers,
            progress=progress, failures=failures,
        )  # fmt: skip
        failed = {f.article_id for f in failures}
        errors.extend(f.error for f in failures)
        kept = [a for a in dated if a.id not in failed]
        return build_report(kept, [*claims, *names], spelling, errors, config, lexicon, metadata)
    context = cache_context(config.fingerprint(), "dating")
    dated = date_articles(articles, lexicon, cache, context, errors=errors)
    return _check_by_story(dated, errors, config, lexicon, cache, workers, progress)


def _check_by_story(
    articles: Sequence[Article],
    errors: Sequence[object],
    config: Config,
    lexicon: Lexicon,
    cache: ClaimCache,
    workers: int,
    progress: Progress | None,
) -> Report:
    """Compare again only the stories with a new, changed or removed report.

    A story's findings, timelines and placed claims depend on its own reports
    alone; they are cached under :func:`checker.cache.story_key`. The reports
    of the other stories are extracted (from the cache or by parsing) and
    compared as :func:`build_report` does, while the cached stories decode.
    """
    from checker.cache import cache_context, decode_story_payload, fits_story, story_key
    from checker.extraction import extraction_keys

    fingerprint = config.fingerprint()
    keys = extraction_keys(articles, story_years(articles), fingerprint)
    members: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(articles):
        members[a.story].append(i)
    context = cache_context(fingerprint, "story")
    skeys = {
        story: story_key(story, [articles[i] for i in ix], [keys[i] for i in ix], context)
        for story, ix in members.items()
    }
    payloads = {story: cache.load(key) for story, key in skeys.items()}
    cached: dict[str, StoryResult] = {}

    def decode() -> None:
        for story, payload in payloads.items():
            value = None if payload is None else decode_story_payload(payload)
            ids = [articles[i].id for i in members[story]]
            if value is not None and fits_story(value, story, ids):
                cached[story] = value

    failures: list[ExtractionFailure] = []
    redo = [a for a in articles if payloads[a.story] is None]
    parts = [_compare_stories(redo, config, lexicon, cache, workers, progress, decode, failures)]
    broken = [a for a in articles if payloads[a.story] is not None and a.story not in cached]
    if broken:  # a checked entry that does not decode: compare its story again
        parts.append(
            _compare_stories(broken, config, lexicon, cache, workers, progress, None, failures)
        )
    failed = {f.article_id for f in failures}
    # a story with a report that could not be analysed is not cached: its error is
    # reported again on the next run, and the report read again once it is fixed
    unsound = {a.story for a in articles if a.id in failed}
    for part in parts:
        for story, result in part.items():
            if story not in unsound:
                cache.put_story(skeys[story], result)
            cached[story] = result
    results = [cached[story] for story in sorted(cached)]
    return assemble_report(
        [a for a in articles if a.id not in failed],
        (c for r in results for c in r.claims),
        (f for r in results for f in r.findings),
        (t for r in results for t in r.timelines),
        [*errors, *(f.error for f in failures)],
    )


def _compare_stories(
    articles: Sequence[Article],
    config: Config,
    lexicon: Lexicon,
    cache: ClaimCache,
    workers: int,
    progress: Progress | None,
    meanwhile: Callable[[], None] | None,
    failures: list[ExtractionFailure],
) -> dict[str, StoryResult]:
    """Extract and compare whole stories; the result of each story apart. Reports
    that could not be analysed are added to ``failures`` and left out."""
    from checker.extraction import run_extraction

    found: list[ExtractionFailure] = []
    claims, names, spelling, metadata = run_extraction(
        articles, lexicon, config_fingerprint=config.fingerprint(), workers=workers,
        cache=cache, progress=progress, meanwhile=meanwhile, failures=found,
    )  # fmt: skip
    failures.extend(found)
    failed = {f.article_id for f in found}
    kept = [a for a in articles if a.id not in failed]
    report = build_report(kept, [*claims, *names], spelling, (), config, lexicon, metadata)
    stories = {a.story for a in articles}
    by_story: dict[str, tuple[list[Claim], list[Finding], list[Timeline]]] = {
        s: ([], [], []) for s in stories
    }
    for c in report.claims:
        by_story[c.story][0].append(c)
    for f in report.findings:
        by_story[f.story][1].append(f)
    for t in report.timelines:
        by_story[t.story][2].append(t)
    return {s: StoryResult(tuple(cs), tuple(fs), tuple(ts)) for s, (cs, fs, ts) in by_story.items()}


def claims_of_text(
    text: str, published: dt.date | dt.datetime | None = None, config: Config | None = None
) -> list[Claim]:
    """Claims of one free-standing text (the ``checker.claims`` API), read with the
    default lexicon or with ``config``'s (a story's own vocabulary, say)."""
    article = Article(id="text", path="<text>", text=text, published=published)
    if published is not None:
        article = replace(article, published_basis=PublishedBasis.METADATA)
    else:
        article = date_articles([article])[0]
    # a text over spaCy's length limit is parsed in pieces, cut between paragraphs
    pieces = cut(text, 0, len(text))
    cased = sentence_cased(text)
    docs = load_pipeline().pipe(parser_view(cased[s:e]) for s, e in pieces)
    parts = [Part(s, doc, e - s) for (s, e), doc in zip(pieces, docs, strict=True)]
    # the text is a story of its own: its own dates settle its killings and assaults,
    # and an event figure none of them dates holds when the text appeared
    settled = settle_ambiguous_events(extract_claims(article, parts, load_lexicon(config)))
    day = article.published_date
    return place_story_events(settled, {}, {article.id: day} if day is not None else {})
