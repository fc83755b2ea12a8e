"""The extraction stage over a set of reports: the memo first, then the runner.

:func:`extract_reports` looks each report up in its memo, hands the others to the
runner in chunks cut in corpus order (the same chunks whatever the runner), and
keeps what comes back. :func:`run_extraction` is the same without a cache, with
the name claims and spelling findings of the reports (benchmarks, tests).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from checker.cache import EXTRACTION_CODEC, fits_article
from checker.dating import story_years
from checker.extraction import (
    ExtractionFailure,
    ExtractionOptions,
    ExtractionStats,
    Job,
    ReportExtraction,
)
from checker.memo import Memo, NullStore
from checker.progress import ProgressLine
from checker.records import Article, Claim, Finding
from checker.runner import ChunkResult, LocalRunner, Runner
from checker.slots import Lexicon
from checker.story import name_claims

Progress = Callable[[int], None]


@dataclass(frozen=True)
class Extraction:
    """What extraction made of a corpus: each report's result in corpus order (empty for
    a report that failed), the reports that could not be analysed, and counts."""

    results: tuple[ReportExtraction, ...]
    failures: tuple[ExtractionFailure, ...] = ()
    stats: ExtractionStats = field(default_factory=ExtractionStats)

    @property
    def claims(self) -> list[Claim]:
        return [c for r in self.results for c in r.claims]


def _chunks(items: Sequence[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


def extract_reports(
    articles: Sequence[Article],
    lexicon: Lexicon,
    *,
    runner: Runner | None = None,
    memo: Memo[ReportExtraction] | None = None,
    keys: Sequence[str] = (),
    options: ExtractionOptions | None = None,
    progress: Progress | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> Extraction:
    """Every report's extraction, from the memo (under ``keys``) or by the runner.

    The reports the memo lacks are cut into chunks in corpus order and handed to
    the runner first; the memo's entries decode while they are parsed, then
    ``meanwhile`` runs (other work that can overlap with the parse).
    """
    options = options or ExtractionOptions()
    runner = runner or LocalRunner()
    memo = memo or Memo(NullStore(), EXTRACTION_CODEC)
    keys = list(keys) if keys else [""] * len(articles)
    stats = ExtractionStats(articles=len(articles))
    if isinstance(progress, ProgressLine):
        progress.label = "extracting"
        progress.total = len(articles)
    years = story_years(articles)
    jobs: list[Job] = [(a, tuple(years.get(a.story, ()))) for a in articles]
    results: list[ReportExtraction | None] = [None] * len(articles)
    failures: list[ExtractionFailure] = []
    payloads = [memo.load(k) if k else None for k in keys]
    todo = [i for i, p in enumerate(payloads) if p is None]
    size = max(1, options.chunk_size)

    def run(chunks: list[list[int]], overlap: bool) -> Iterator[tuple[list[int], ChunkResult]]:
        found = runner.extract([[jobs[i] for i in c] for c in chunks], lexicon, options,
                               overlap=overlap)  # fmt: skip
        return zip(chunks, found, strict=True)

    def done(indices: list[int], result: ChunkResult) -> None:
        items, more = result
        stats.add(more)
        for i, value in zip(indices, items, strict=True):
            if isinstance(value, ExtractionFailure):
                failures.append(value)
                results[i] = ReportExtraction((), ())
                continue
            results[i] = value
            if keys[i]:
                memo.put(keys[i], value)
        if progress is not None:
            progress(len(indices))

    parsing = run(list(_chunks(todo, size)), overlap=len(todo) < len(articles))
    memo.misses += len(todo)
    late: list[int] = []
    for i, payload in enumerate(payloads):
        if payload is None:
            continue
        value = memo.decode(payload)
        if value is not None and not fits_article(value, articles[i]):
            value = None  # resealed with another report's records: not trusted
        if value is None:
            late.append(i)  # a checked entry that does not decode: parse it again
            continue
        results[i] = value
        stats.cached += 1
        if progress is not None:
            progress(1)
    if meanwhile is not None:
        meanwhile()
    for indices, result in parsing:
        done(indices, result)
    for indices, result in run(list(_chunks(late, size)), overlap=False):
        done(indices, result)
    final = tuple(r if r is not None else ReportExtraction((), ()) for r in results)
    return Extraction(final, tuple(failures), stats)


@dataclass(frozen=True)
class ReportClaims:
    """Every claim and finding extraction gives a set of reports, before placement:
    count, quantity and date claims, name claims and spelling findings, and each
    report's date problems (by article id)."""

    claims: tuple[Claim, ...]
    names: tuple[Claim, ...]
    spelling: tuple[Finding, ...]
    date_problems: dict[str, tuple[str, ...]]
    failures: tuple[ExtractionFailure, ...] = ()


def run_extraction(
    articles: Sequence[Article],
    lexicon: Lexicon,
    *,
    runner: Runner | None = None,
    options: ExtractionOptions | None = None,
) -> ReportClaims:
    """The extraction of a set of reports without a cache (benchmarks and tests)."""
    extraction = extract_reports(articles, lexicon, runner=runner, options=options)
    failed = {f.article_id for f in extraction.failures}
    kept = [(a, r) for a, r in zip(articles, extraction.results, strict=True) if a.id not in failed]
    names, spelling = name_claims([a for a, _ in kept], [m for _, r in kept for m in r.names])
    return ReportClaims(
        claims=tuple(extraction.claims),
        names=tuple(names),
        spelling=tuple(spelling),
        date_problems={a.id: r.date_problems for a, r in kept if r.date_problems},
        failures=extraction.failures,
    )
