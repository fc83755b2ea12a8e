"""The whole pipeline: read -> date -> extract -> place and compare, per story.

One path, with or without a cache: the stages (:func:`checker.dating.date_article`,
:func:`checker.extraction.extract_chunk`, :func:`checker.story.compare_story`)
are pure functions; a :class:`checker.memo.Memo` wraps each of them from
outside (a key, a codec, a store; without a cache the store keeps nothing)
and a :class:`checker.runner.Runner` runs the chunks and stories (local
processes or a Dask cluster). A story whose reports are all unchanged comes
out of the cache whole; the others are extracted (from the cache report by
report where they can be) and compared again.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from checker.cache import (
    DATING_CODEC,
    EXTRACTION_CODEC,
    STORY_CODEC,
    ClaimCache,
    cache_context,
    dating_key,
    default_cache_dir,
    extraction_keys,
    fits_story,
    story_key,
)
from checker.config import Config, story_config_groups
from checker.corpus import read_corpus, story_config_files
from checker.dating import date_article, needs_dating, story_years, with_dating
from checker.extract.claims import Part, extract_claims
from checker.extract.headlines import sentence_cased
from checker.extract.when import place_story_events
from checker.extraction import (
    ExtractionFailure,
    ReportExtraction,
    failure,
)
from checker.extraction_run import extract_reports
from checker.memo import Memo, NullStore, Store
from checker.nlp import load_pipeline, parser_view
from checker.prefilter import cut
from checker.published import PublishedResult, event_stems
from checker.records import (
    Article,
    Claim,
    Finding,
    InputError,
    PublishedBasis,
    Report,
    Timeline,
)
from checker.runner import Runner, make_runner
from checker.settle import settle_ambiguous_events
from checker.slots import Lexicon, load_lexicon
from checker.story import StoryResult

Progress = Callable[[int], None]


@dataclass
class Memos:
    """The memo of each cached stage, over one store."""

    dating: Memo[PublishedResult]
    extraction: Memo[ReportExtraction]
    story: Memo[StoryResult]

    @classmethod
    def over(cls, store: Store) -> Memos:
        return cls(
            Memo(store, DATING_CODEC), Memo(store, EXTRACTION_CODEC), Memo(store, STORY_CODEC)
        )


def date_articles(
    articles: Sequence[Article],
    lexicon: Lexicon | None = None,
    memo: Memo[PublishedResult] | None = None,
    context: str = "",
    errors: list[InputError] | None = None,
) -> list[Article]:
    """Fill publication dates from text or internal evidence where metadata has none.

    With a memo, each report's dating is kept under its key (its text, its metadata
    date, its story's years and ``context``). A report whose dating fails is left
    out, with its input error added to ``errors`` (raised without ``errors``).
    """
    years = story_years(articles)
    stems = event_stems((lexicon or load_lexicon()).events)
    memo = memo or Memo(NullStore(), DATING_CODEC)
    out = []
    for a in articles:
        if not needs_dating(a):
            out.append(a)
            continue
        a_years = years.get(a.story, ())
        key = dating_key(a.text, a.published, a_years, context)
        result = memo.get(key)
        if result is None:
            try:
                result = date_article(a, a_years, stems)
            except Exception as exc:  # one report's problem, not the run's
                if errors is None:
                    raise
                errors.append(failure(a, exc).error)
                continue
            memo.put(key, result)
        out.append(with_dating(a, result))
    return out


def check(
    paths: Sequence[str | Path],
    config: Config | None = None,
    *,
    workers: int = 1,
    progress: Progress | None = None,
    use_cache: bool = False,
    cache_dir: str | Path | None = None,
    on_note: Callable[[str], None] | None = None,
    scheduler: str | None = None,
    runner: Runner | None = None,
) -> Report:
    """The whole pipeline; ``use_cache`` keeps per-report extraction results and
    per-story comparison results on disk (in ``cache_dir``, default
    ``.checker-cache`` beside the data). ``on_note`` hears what the user should
    know that is no input error (a cache that could not be written).
    ``scheduler`` (a Dask scheduler address) runs the stages on a cluster; or pass
    a ``runner``. The output is the same bytes wherever the stages run.

    A report whose reading, dating or analysis raises is an input error of its
    own (``Report.errors``); the others are checked as if it were not there."""
    config = config or Config()
    own = runner is None
    # first: a cluster's workers load the model while the corpus is read and dated
    runner = runner or make_runner(workers, scheduler)
    try:
        corpus = read_corpus(paths, stories=config.stories)
        groups, config_errors = story_config_groups(
            corpus.articles, config, story_config_files(paths)
        )
        cache = None
        store: Store = NullStore()
        if use_cache:
            cache = ClaimCache(cache_dir if cache_dir is not None else default_cache_dir(paths))
            store = cache
        parts = [
            _check_group(group, group_config, Memos.over(store), runner, progress)
            for group_config, group in groups
        ]
    finally:
        if own:
            runner.close()
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
    memos: Memos,
    runner: Runner,
    progress: Progress | None,
) -> Report:
    """One group of stories under one configuration: date, then compare again only
    the stories with a new, changed or removed report.

    A story's findings, timelines and placed claims depend on its own reports
    alone; they are kept under :func:`checker.cache.story_key` (its reports'
    extraction keys). The other stories' reports are extracted and compared while
    the kept stories decode.
    """
    lexicon = load_lexicon(config)
    fingerprint = config.fingerprint()
    errors: list[InputError] = []
    dated = date_articles(articles, lexicon, memos.dating, cache_context(fingerprint, "dating"),
                          errors)  # fmt: skip
    keys = extraction_keys(dated, story_years(dated), fingerprint)
    members: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(dated):
        members[a.story].append(i)
    context = cache_context(fingerprint, "story")
    skeys = {
        story: story_key(story, [dated[i] for i in ix], [keys[i] for i in ix], context)
        for story, ix in members.items()
    }
    payloads = {story: memos.story.load(key) for story, key in skeys.items()}
    kept: dict[str, StoryResult] = {}

    def decode() -> None:
        for story, payload in payloads.items():
            if payload is None:
                continue
            value = memos.story.decode(payload)
            ids = [dated[i].id for i in members[story]]
            if value is not None and fits_story(value, story, ids):
                kept[story] = value

    failures: list[ExtractionFailure] = []
    redo = [i for i, a in enumerate(dated) if payloads[a.story] is None]
    fresh = _compare(dated, redo, keys, config, lexicon, memos, runner, progress, decode, failures)
    broken = [
        i for i, a in enumerate(dated) if payloads[a.story] is not None and a.story not in kept
    ]
    if broken:  # a checked entry that does not decode: compare its story again
        fresh.update(
            _compare(dated, broken, keys, config, lexicon, memos, runner, progress, None, failures)
        )
    failed = {f.article_id for f in failures}
    # a story with a report that could not be analysed is not kept: its error is
    # reported again on the next run, and the report read again once it is fixed
    unsound = {a.story for a in dated if a.id in failed}
    for story, result in fresh.items():
        if story not in unsound:
            memos.story.put(skeys[story], result)
        kept[story] = result
    results = [kept[story] for story in sorted(kept)]
    return assemble_report(
        [a for a in dated if a.id not in failed],
        (c for r in results for c in r.claims),
        (f for r in results for f in r.findings),
        (t for r in results for t in r.timelines),
        [*errors, *(f.error for f in failures)],
    )


def _compare(
    articles: Sequence[Article],
    indices: Sequence[int],
    keys: Sequence[str],
    config: Config,
    lexicon: Lexicon,
    memos: Memos,
    runner: Runner,
    progress: Progress | None,
    meanwhile: Callable[[], None] | None,
    failures: list[ExtractionFailure],
) -> dict[str, StoryResult]:
    """Extract and compare whole stories, each apart. Reports that could not be
    analysed are added to ``failures`` and left out of their story."""
    chosen = [articles[i] for i in indices]
    extraction = extract_reports(
        chosen, lexicon, runner=runner, memo=memos.extraction, keys=[keys[i] for i in indices],
        progress=progress, meanwhile=meanwhile,
    )  # fmt: skip
    failures.extend(extraction.failures)
    failed = {f.article_id for f in extraction.failures}
    by_story: dict[str, tuple[list[Article], list[ReportExtraction]]] = {}
    for a, result in zip(chosen, extraction.results, strict=True):
        reports, found = by_story.setdefault(a.story, ([], []))
        if a.id not in failed:
            reports.append(a)
            found.append(result)
    del extraction  # each story's results are let go once it is compared
    stories = sorted(by_story)
    results = runner.compare((by_story.pop(s) for s in stories), config, lexicon)
    return dict(zip(stories, results, strict=True))


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
