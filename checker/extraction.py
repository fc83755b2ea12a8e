"""The extraction stage: a chunk of reports -> claims, name mentions, date problems.

:func:`extract_chunk` takes dated reports (each with the years of its story's
dated reports, which resolve year-less dates) and returns what it found in
each one, in order, as a :class:`ReportExtraction`, or an
:class:`ExtractionFailure` for a report that could not be analysed:

1. :mod:`checker.prefilter` plans each report: runs of sentences that may
   hold a figure or a date go through the full spaCy pipeline; the entity
   recogniser reads the whole text (for names); the rest is not parsed;
2. ``extract_claims(article, parts, ...)`` links figures and dates inside
   the parsed parts, and ``checker.names.name_mentions`` reads the entities
   of every part (offsets shifted back to the report).

The stage is pure (given the model): it knows nothing of the cache, of
processes or of machines. The pipeline cuts the reports into fixed chunks in
corpus order, each parsed with the same batch size, so the result does not
depend on how many workers run the chunks or where (:mod:`checker.runner`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from checker.extract.claims import Part, extract_claims
from checker.extract.headlines import sentence_cased
from checker.names import NameMention, name_mentions
from checker.nlp import parser_view
from checker.prefilter import cut, plan
from checker.published import check_consistency
from checker.records import Article, Claim, InputError
from checker.slots import Lexicon

__all__ = [
    "ChunkItem",
    "ExtractionFailure",
    "ExtractionOptions",
    "ExtractionStats",
    "Job",
    "ReportExtraction",
    "extract_chunk",
]


# The entity-only pass: NER in the small English models has its own tok2vec.
NER_ONLY_DISABLE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")


@dataclass(frozen=True)
class ExtractionOptions:
    """Knobs of the extraction stage; part of the cache key via ``fingerprint``."""

    prefilter: bool = True
    # Texts per spaCy batch. A chunk's claim parts (about three a report) fit in one
    # batch, whose matrix products are then larger and fewer; the annotations do not
    # depend on it.
    batch_size: int = 128
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
class ReportExtraction:
    """What extraction found in one report: its count, quantity and date claims, its
    name mentions, and its date problems (what :func:`checker.published.check_consistency`
    says is wrong with its publication date)."""

    claims: tuple[Claim, ...]
    names: tuple[NameMention, ...]
    date_problems: tuple[str, ...] = ()


# A report and the years of its story's dated reports.
Job = tuple[Article, tuple[int, ...]]


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
    jobs: Sequence[Job],
    lexicon: Lexicon,
    options: ExtractionOptions,
    pipeline: Any,
) -> tuple[list[ReportExtraction], ExtractionStats]:
    """The reference: every report parsed whole by the full pipeline."""
    stats = ExtractionStats(parsed=len(jobs))
    out: list[ReportExtraction] = []
    texts = [parser_view(sentence_cased(a.text)) for a, _ in jobs]
    docs = pipeline.pipe(texts, batch_size=options.batch_size)
    for (article, years), doc in zip(jobs, docs, strict=True):
        stats.chars += len(article.text)
        stats.chars_full += len(article.text)
        stats.chars_ner += len(article.text)
        claims = extract_claims(article, doc, lexicon, story_years=years)
        out.append(
            ReportExtraction(
                tuple(claims), tuple(name_mentions(doc, article)), _date_problems(article)
            )
        )
    return out, stats


def _date_problems(article: Article) -> tuple[str, ...]:
    """What is wrong with one report's publication date, computed with its claims."""
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


ChunkItem = ReportExtraction | ExtractionFailure

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
    jobs: Sequence[Job],
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
    jobs: Sequence[Job],
    lexicon: Lexicon,
    options: ExtractionOptions,
    pipeline: Any,
) -> tuple[list[ReportExtraction], ExtractionStats]:
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
    out: list[ReportExtraction] = []
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
        out.append(ReportExtraction(tuple(claims), tuple(mentions), _date_problems(article)))
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
