"""Per-report extraction: pre-filter, parse, claims and name mentions, cache.

``extract_articles`` takes the dated reports of a corpus and returns every
count, quantity and date claim and every PERSON/ORG name mention in them:

1. each report's cache entry is looked up (:mod:`checker.cache`); hits cost
   a file read and no model load;
2. the rest is planned by :mod:`checker.prefilter`: runs of sentences that
   may hold a figure or a date go through the full spaCy pipeline; sentences
   that may only hold a name go through the entity recogniser alone; the
   others are not parsed at all;
3. ``extract_claims(article, parts, ...)`` links figures and dates inside
   the parsed parts, and ``checker.names.name_mentions`` reads the entities
   of every part (offsets shifted back to the report);
4. results are stored in the cache.

Work is cut into fixed chunks of reports in corpus order, each parsed with
the same batch size, so the result does not depend on ``workers``: with
``workers`` > 1 the chunks go to a pool of forked processes (the model is
loaded once, before forking, and shared copy-on-write), which send back
claims and mentions only, never parsed documents.
"""

from __future__ import annotations

import collections
import contextlib
import multiprocessing
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

from checker.cache import (
    CachedExtraction,
    ClaimCache,
    article_key,
    cache_context,
    decode_payload,
    fits_article,
)
from checker.extract.claims import Part, extract_claims
from checker.extract.clauses import line_of
from checker.extract.headlines import sentence_cased
from checker.ids import claim_id
from checker.name_spans import is_name
from checker.names import NameMention, cluster_names, name_mentions
from checker.nlp import parser_view
from checker.prefilter import cut, plan
from checker.progress import ProgressLine
from checker.published import check_consistency
from checker.records import Article, Claim, Finding, InputError, Kind, NameValue, Qualifier
from checker.slots import Lexicon
from checker.spelling import spelling_findings

__all__ = [
    "ExtractionFailure",
    "ExtractionOptions",
    "ExtractionResult",
    "ExtractionStats",
    "extract_articles",
    "extraction_keys",
    "name_claims",
]

Progress = Callable[[int], None]

# The entity-only pass: NER in the small English models has its own tok2vec.
NER_ONLY_DISABLE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")


@dataclass(frozen=True)
class ExtractionOptions:
    """Knobs of the extraction stage; part of the cache key via ``fingerprint``."""

    prefilter: bool = True
    batch_size: int = 32
    chunk_size: int = 24  # reports per unit of work

    def fingerprint(self) -> str:
        return f"prefilter={self.prefilter}"


@dataclass
class ExtractionStats:
    articles: int = 0
    cached: int = 0
    parsed: int = 0
    chars: int = 0
    chars_full: int = 0  # characters through the full pipeline
    chars_ner: int = 0  # characters through the entity recogniser alone

    def add(self, other: ExtractionStats) -> None:
        self.parsed += other.parsed
        self.chars += other.chars
        self.chars_full += other.chars_full
        self.chars_ner += other.chars_ner


@dataclass(frozen=True)
class ExtractionResult:
    """Claims (count, quantity, date) and name mentions of every report, in corpus order."""

    claims: tuple[Claim, ...]
    name_mentions: tuple[NameMention, ...]
    stats: ExtractionStats = field(default_factory=ExtractionStats)
    metadata: tuple[tuple[str, ...], ...] = ()  # per article, in corpus order
    failures: tuple[ExtractionFailure, ...] = ()  # reports that could not be analysed


# ------------------------------------------------------------------ one chunk (any process)


@dataclass(frozen=True)
class _Sentence:
    text: str


@dataclass(frozen=True)
class _Entity:
    """An entity of the whole-text pass with the sentence the splitter gives it."""

    label_: str
    text: str
    start_char: int
    end_char: int
    sent: _Sentence


@dataclass(frozen=True)
class _Entities:
    ents: tuple[_Entity, ...]


def _shift(m: NameMention, offset: int, sentence: str | None = None) -> NameMention:
    if offset == 0 and sentence is None:
        return m
    return replace(
        m,
        start=m.start + offset,
        end=m.end + offset,
        sentence=m.sentence if sentence is None else sentence,
    )


def _copy_entities(ents: Sequence[Any], part: Part) -> None:
    """Give a part the entities the whole-text pass found inside it."""
    spans = []
    for ent in ents:
        if part.offset <= ent.start_char and ent.end_char <= part.end:
            span = part.doc.char_span(
                ent.start_char - part.offset, ent.end_char - part.offset, label=ent.label_
            )
            if span is not None:
                spans.append(span)
    part.doc.set_ents(spans, default="outside")


def _sentence_at(article: Article, sentences: Sequence[tuple[int, int]], pos: int) -> str:
    lo, hi = 0, len(sentences)
    while lo < hi:  # the last sentence starting at or before pos
        mid = (lo + hi) // 2
        if sentences[mid][0] <= pos:
            lo = mid + 1
        else:
            hi = mid
    s, e = sentences[max(0, lo - 1)] if sentences else (0, len(article.text))
    text = article.text[s:e]
    # A single space after a sentence is the last token's whitespace, not part of it.
    if text.endswith(" ") and len(text) > 1 and not text[-2].isspace():
        text = text[:-1]
    return text


def _whole_chunk(
    jobs: Sequence[tuple[Article, tuple[int, ...]]],
    lexicon: Lexicon,
    options: ExtractionOptions,
    pipeline: Any,
) -> tuple[list[CachedExtraction], ExtractionStats]:
    """The reference: every report parsed whole by the full pipeline."""
    stats = ExtractionStats(parsed=len(jobs))
    out: list[CachedExtraction] = []
    texts = [parser_view(sentence_cased(a.text)) for a, _ in jobs]
    docs = pipeline.pipe(texts, batch_size=options.batch_size)
    for (article, years), doc in zip(jobs, docs, strict=True):
        stats.chars += len(article.text)
        stats.chars_full += len(article.text)
        stats.chars_ner += len(article.text)
        claims = extract_claims(article, doc, lexicon, story_years=years)
        out.append(
            CachedExtraction(tuple(claims), tuple(name_mentions(doc, article)), _metadata(article))
        )
    return out, stats


def _metadata(article: Article) -> tuple[str, ...]:
    """Date-consistency problems of one report, computed once and cached with its claims."""
    if article.published is None:
        return ()
    return tuple(check_consistency(article.published, article.text))


@dataclass(frozen=True)
class ExtractionFailure:
    """A report that could not be analysed: nothing of it is kept, nor cached."""

    article_id: str
    error: InputError


def failure(article: Article, exc: BaseException) -> ExtractionFailure:
    """The input error of a report whose analysis raised ``exc``."""
    reason = " ".join(str(exc).split())[:300] or "no detail"
    return ExtractionFailure(
        article.id,
        InputError(
            article.path,
            f"cannot be analysed ({type(exc).__name__}: {reason}); this report is skipped",
            row=article.row,
        ),
    )


ChunkItem = CachedExtraction | ExtractionFailure

# Time is linear in a report's figures, about a millisecond or two each; past
# this many numbers a "report" is a table or a dump, and is refused (it would
# take minutes and give thousands of claims nobody reads).
MAX_NUMBERS_PER_REPORT = 50_000
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def too_many_figures(article: Article) -> str | None:
    """The message for a report with more numbers than :data:`MAX_NUMBERS_PER_REPORT`."""
    if len(article.text) < 2 * MAX_NUMBERS_PER_REPORT:
        return None  # each number takes a digit and a separator at least
    count = sum(1 for _ in _NUMBER.finditer(article.text))
    if count <= MAX_NUMBERS_PER_REPORT:
        return None
    return (
        f"holds {count:,} numbers, above the limit of {MAX_NUMBERS_PER_REPORT:,} "
        "per report; this report is skipped (split it into several reports)"
    )


def _refused(article: Article, message: str) -> ExtractionFailure:
    return ExtractionFailure(article.id, InputError(article.path, message, row=article.row))


def extract_chunk(
    jobs: Sequence[tuple[Article, tuple[int, ...]]],
    lexicon: Lexicon,
    options: ExtractionOptions,
    nlp: Any = None,
) -> tuple[list[ChunkItem], ExtractionStats]:
    """Parse and extract a chunk of reports (article, story years) in one go.

    With the pre-filter: the entity recogniser reads each whole text (names
    and entity types are those of a whole-document parse); the tagger,
    parser and lemmatizer read only the claim parts, which then get the
    entities found inside them. When the chunk fails, its reports are done
    one by one and each one that still fails is an :class:`ExtractionFailure`.
    """
    from checker.nlp import load_pipeline

    pipeline = nlp if nlp is not None else load_pipeline()
    refused = {k: too_many_figures(a) for k, (a, _) in enumerate(jobs)}
    if any(refused.values()):
        kept = [job for k, job in enumerate(jobs) if not refused[k]]
        found, stats = (
            extract_chunk(kept, lexicon, options, pipeline) if kept else ([], ExtractionStats())
        )
        rest = iter(found)
        items = [_refused(jobs[k][0], why) if why else next(rest) for k, why in refused.items()]
        return items, stats
    try:
        whole, stats = _extract_chunk(jobs, lexicon, options, pipeline)
        return list(whole), stats
    except Exception as exc:
        if len(jobs) == 1:
            return [failure(jobs[0][0], exc)], ExtractionStats(parsed=1)
    items = []
    stats = ExtractionStats()
    for job in jobs:
        try:
            one, more = _extract_chunk([job], lexicon, options, pipeline)
        except Exception as exc:
            items.append(failure(job[0], exc))
            stats.parsed += 1
            continue
        items.extend(one)
        stats.add(more)
    return items, stats


@dataclass(frozen=True)
class _Ent:
    """An entity of the entity-only pass, with offsets in the report."""

    label_: str
    text: str
    start_char: int
    end_char: int


def _entities(pipeline: Any, texts: Sequence[str], batch_size: int) -> list[list[_Ent]]:
    """The entities of each whole text, read in pieces short enough for spaCy."""
    names = [n for n in pipeline.pipe_names if n in NER_ONLY_DISABLE]
    pieces = [(k, s, e) for k, t in enumerate(texts) for s, e in cut(t, 0, len(t))]
    docs = pipeline.pipe(
        (parser_view(texts[k][s:e]) for k, s, e in pieces), batch_size=batch_size, disable=names
    )
    out: list[list[_Ent]] = [[] for _ in texts]
    for (k, s, _), doc in zip(pieces, docs, strict=True):
        text = texts[k]
        out[k].extend(
            _Ent(ent.label_, text[s + ent.start_char : s + ent.end_char],
                 s + ent.start_char, s + ent.end_char)
            for ent in doc.ents
        )  # fmt: skip
    return out


def _extract_chunk(
    jobs: Sequence[tuple[Article, tuple[int, ...]]],
    lexicon: Lexicon,
    options: ExtractionOptions,
    pipeline: Any,
) -> tuple[list[CachedExtraction], ExtractionStats]:
    if not options.prefilter:
        return _whole_chunk(jobs, lexicon, options, pipeline)
    texts = [a.text for a, _ in jobs]
    plans = [plan(t) for t in texts]
    # the parser reads title-case headlines in sentence case; the recogniser the original
    cased = [sentence_cased(t) for t in texts]
    part_texts = [
        parser_view(t[s:e]) for t, p in zip(cased, plans, strict=True) for s, e in p.claim_parts
    ]
    entities = _entities(pipeline, texts, options.batch_size)
    part_docs = iter(
        list(pipeline.pipe(part_texts, batch_size=options.batch_size, disable=["ner"]))
    )
    stats = ExtractionStats(parsed=len(jobs))
    out: list[CachedExtraction] = []
    for (article, years), p, ents in zip(jobs, plans, entities, strict=True):
        stats.chars += p.total
        stats.chars_full += p.claim_chars
        stats.chars_ner += p.total
        parts = [Part(s, next(part_docs), e - s) for s, e in p.claim_parts]
        inside, outside_ents = _by_part(ents, parts)
        for part, part_ents in zip(parts, inside, strict=True):
            _copy_entities(part_ents, part)
        outside = [
            _Entity(
                ent.label_, ent.text, ent.start_char, ent.end_char,
                _Sentence(_sentence_at(article, p.sentences, ent.start_char)),
            )
            for ent in outside_ents
        ]  # fmt: skip
        claims = extract_claims(article, parts, lexicon, story_years=years) if parts else []
        mentions = [
            _shift(m, part.offset) for part in parts for m in name_mentions(part.doc, article)
        ]
        mentions.extend(name_mentions(_Entities(tuple(outside)), article))
        mentions.sort(key=lambda m: (m.start, m.end, m.label))
        out.append(CachedExtraction(tuple(claims), tuple(mentions), _metadata(article)))
    return out, stats


def _by_part(ents: Sequence[_Ent], parts: Sequence[Part]) -> tuple[list[list[_Ent]], list[_Ent]]:
    """The entities inside each part (parts are in text order and do not overlap),
    and those inside none; one pass over both."""
    inside: list[list[_Ent]] = [[] for _ in parts]
    outside: list[_Ent] = []
    k = 0
    for ent in sorted(ents, key=lambda e: (e.start_char, e.end_char)):
        while k < len(parts) and parts[k].end <= ent.start_char:
            k += 1
        if k < len(parts) and parts[k].offset <= ent.start_char and ent.end_char <= parts[k].end:
            inside[k].append(ent)
        else:
            outside.append(ent)
    return inside, outside


_WORKER: dict[str, Any] = {}


def _init_worker(lexicon: Lexicon, options: ExtractionOptions) -> None:
    _WORKER["lexicon"] = lexicon
    _WORKER["options"] = options


def _run_chunk(
    jobs: Sequence[tuple[Article, tuple[int, ...]]],
) -> tuple[list[ChunkItem], ExtractionStats]:
    return extract_chunk(jobs, _WORKER["lexicon"], _WORKER["options"])


# ------------------------------------------------------------------ orchestration


def _chunks(items: Sequence[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


def _pool_context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def extract_articles(
    articles: Sequence[Article],
    lexicon: Lexicon,
    *,
    years: dict[str, list[int]],
    config_fingerprint: str = "",
    workers: int = 1,
    cache: ClaimCache | None = None,
    progress: Progress | None = None,
    options: ExtractionOptions | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> ExtractionResult:
    """Claims and name mentions of every report, from the cache or by parsing.

    ``years`` maps a story to the years of its dated reports (most common
    first), as :func:`checker.pipeline.story_years` gives it.

    With ``workers`` > 1 the reports the cache lacks are parsed in worker
    processes while this one decodes the entries it has: on a warm run the
    model loads and parses the changed reports at the same time as the
    unchanged ones come out of the cache. ``meanwhile`` is called once, while
    that parse runs, for other work to overlap with it.
    """
    options = options or ExtractionOptions()
    stats = ExtractionStats(articles=len(articles))
    if isinstance(progress, ProgressLine):
        progress.label = "extracting"
        progress.total = len(articles)
    results: list[CachedExtraction | None] = [None] * len(articles)
    story_years = [tuple(years.get(a.story, ())) for a in articles]
    keys: list[str] = []
    payloads: list[bytes | None] = [None] * len(articles)
    if cache is not None:
        keys = extraction_keys(articles, years, config_fingerprint, options)
        payloads = [cache.load(key) for key in keys]

    failures: list[ExtractionFailure] = []

    def done(indices: list[int], found: list[ChunkItem], more: ExtractionStats) -> None:
        stats.add(more)
        for i, value in zip(indices, found, strict=True):
            if isinstance(value, ExtractionFailure):
                failures.append(value)
                results[i] = CachedExtraction((), ())
                continue
            results[i] = value
            if cache is not None:
                cache.put(keys[i], value)
        if progress is not None:
            progress(len(indices))

    def jobs(indices: list[int]) -> list[tuple[Article, tuple[int, ...]]]:
        return [(articles[i], story_years[i]) for i in indices]

    todo = [i for i, p in enumerate(payloads) if p is None]
    chunks = list(_chunks(todo, max(1, options.chunk_size)))
    with contextlib.ExitStack() as stack:
        parsing: Iterable[tuple[list[int], list[ChunkItem], ExtractionStats]] = ()
        if chunks and workers > 1 and (len(chunks) > 1 or len(todo) < len(articles)):
            # Many chunks: load the model once here, shared copy-on-write by the
            # workers. A few: let the workers load it while this process decodes.
            preload = len(chunks) >= workers
            pool = _ChunkPool([(c, jobs(c)) for c in chunks], lexicon, options, workers, preload)
            parsing = stack.enter_context(pool)
            chunks = []
        late: list[int] = []
        for i, payload in enumerate(payloads):
            if payload is None:
                continue
            value = decode_payload(payload)
            if value is not None and not fits_article(value, articles[i]):
                value = None  # resealed with another report's records: not trusted
            assert cache is not None
            cache.count(value is not None)
            if value is None:
                late.append(i)  # a checked entry that does not decode: parse it again
                continue
            results[i] = value
            stats.cached += 1
            if progress is not None:
                progress(1)
        if cache is not None:
            cache.misses += len(todo)
        if meanwhile is not None:
            meanwhile()
        for head, found, chunk_stats in parsing:
            done(head, found, chunk_stats)
        chunks.extend(_chunks(late, max(1, options.chunk_size)))
        if chunks:
            from checker.nlp import load_pipeline

            nlp = load_pipeline()
            for indices in chunks:
                found, chunk_stats = extract_chunk(jobs(indices), lexicon, options, nlp)
                done(indices, found, chunk_stats)
    claims: list[Claim] = []
    mentions: list[NameMention] = []
    metadata: list[tuple[str, ...]] = []
    for r in results:
        assert r is not None
        claims.extend(r.claims)
        mentions.extend(r.names)
        metadata.append(r.metadata)
    return ExtractionResult(tuple(claims), tuple(mentions), stats, tuple(metadata), tuple(failures))


def extraction_keys(
    articles: Sequence[Article],
    years: dict[str, list[int]],
    config_fingerprint: str = "",
    options: ExtractionOptions | None = None,
) -> list[str]:
    """The cache key of each report's extraction (see :func:`checker.cache.article_key`)."""
    context = cache_context(config_fingerprint, (options or ExtractionOptions()).fingerprint())
    return [article_key(a, tuple(years.get(a.story, ())), context) for a in articles]


ChunkResult = tuple[list[ChunkItem], ExtractionStats]


class _ChunkPool:
    """Chunks parsed by a process pool, at most two in flight per process (bounded
    memory); iterating yields ``(indices, found, stats)`` in chunk order."""

    def __init__(
        self,
        chunks: Sequence[tuple[list[int], list[tuple[Article, tuple[int, ...]]]]],
        lexicon: Lexicon,
        options: ExtractionOptions,
        workers: int,
        preload: bool,
    ) -> None:
        if preload:
            from checker.nlp import load_pipeline

            load_pipeline()  # before forking: shared by the workers
        self.processes = max(1, min(workers, len(chunks), os.cpu_count() or workers))
        self.pool = ProcessPoolExecutor(
            max_workers=self.processes,
            mp_context=_pool_context(),
            initializer=_init_worker,
            initargs=(lexicon, options),
        )
        self.queue = iter(chunks)
        self.pending: collections.deque[tuple[list[int], Future[ChunkResult]]] = collections.deque()
        self._fill()

    def _fill(self) -> None:
        while len(self.pending) < 2 * self.processes:
            item = next(self.queue, None)
            if item is None:
                return
            indices, jobs = item
            self.pending.append((indices, self.pool.submit(_run_chunk, jobs)))

    def __iter__(self) -> Iterator[tuple[list[int], list[ChunkItem], ExtractionStats]]:
        while self.pending:
            indices, future = self.pending.popleft()
            found, stats = future.result()
            self._fill()
            yield indices, found, stats

    def __enter__(self) -> _ChunkPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pool.shutdown(cancel_futures=True)


# ------------------------------------------------------------------ names -> claims


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


def run_extraction(
    articles: Sequence[Article],
    lexicon: Lexicon,
    *,
    config_fingerprint: str = "",
    workers: int = 1,
    cache: ClaimCache | None = None,
    progress: Progress | None = None,
    options: ExtractionOptions | None = None,
    meanwhile: Callable[[], None] | None = None,
    failures: list[ExtractionFailure] | None = None,
) -> tuple[list[Claim], list[Claim], list[Finding], dict[str, tuple[str, ...]]]:
    """Count/date claims, name claims, spelling findings, and each report's
    date-consistency problems (by article id). Reports that could not be
    analysed are added to ``failures`` (they give no claim)."""
    from checker.pipeline import story_years

    result = extract_articles(
        articles,
        lexicon,
        years=story_years(articles),
        config_fingerprint=config_fingerprint,
        workers=workers,
        cache=cache,
        progress=progress,
        options=options,
        meanwhile=meanwhile,
    )
    if failures is not None:
        failures.extend(result.failures)
    names, spelling = name_claims(articles, result.name_mentions)
    metadata = {a.id: m for a, m in zip(articles, result.metadata, strict=True) if m}
    return list(result.claims), names, spelling, metadata
