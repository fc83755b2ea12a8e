"""The dating stage: a report's publication date from its text where metadata has none.

:func:`date_article` is pure: the report's metadata date and text and the years of
its story's dated reports in, a :class:`checker.published.PublishedResult` out;
:func:`with_dating` writes it into the report. The pipeline caches it per report.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from checker.published import PublishedResult, resolve_published
from checker.records import Article, PublishedBasis

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


def needs_dating(article: Article) -> bool:
    """Whether a report's date must be found in its text (metadata gives none)."""
    return not (
        article.published_basis is PublishedBasis.METADATA and article.published is not None
    )


def date_article(
    article: Article, years: Sequence[int], stems: Mapping[str, str]
) -> PublishedResult:
    """The publication date of one report, from its metadata, its text or internal
    evidence; ``years`` are its story's (:func:`story_years`), ``stems`` the event
    words (:func:`checker.published.event_stems`)."""
    return resolve_published(article.published, article.text, story_years=years, stems=stems)


def with_dating(article: Article, result: PublishedResult) -> Article:
    return replace(
        article,
        published=result.published,
        published_basis=result.basis,
        published_evidence=result.evidence,
        published_upper_bound=result.upper_bound,
        published_candidates=tuple(result.candidates),
    )
