"""Typed records passed between pipeline stages.

Every stage takes and returns these frozen dataclasses; nothing between
stages is a bare dict. Dates are ``datetime.date``; timestamps keep their
time zone when the source gave one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from checker.frames import frame_of


class PublishedBasis(StrEnum):
    """How an article's publication date was found."""

    METADATA = "metadata"
    TEXT = "text"
    INFERRED = "inferred"
    UNKNOWN = "unknown"


class Kind(StrEnum):
    COUNT = "count"
    QUANTITY = "quantity"
    DATE = "date"
    NAME = "name"


class Qualifier(StrEnum):
    EXACT = "exact"
    ABOUT = "about"
    AT_LEAST = "at least"
    MORE_THAN = "more than"
    AT_MOST = "at most"
    FEWER_THAN = "fewer than"
    NEARLY = "nearly"
    UP_TO = "up to"
    RANGE = "range"
    ESTIMATE = "estimate"


class AsOfBasis(StrEnum):
    """Why a claim holds on its ``as_of`` day."""

    PUBLISHED = "published"  # when its report appeared
    UNKNOWN = "unknown"  # its report is undated, and nothing else dates it
    EVENT = "event"  # the date its own clause gives
    EVENT_AMBIGUOUS = "event_ambiguous"  # an event date the story settles (a killing, a crash)
    EVENT_CONTEXT = "event_context"  # the day of the dated happening of its report it is part of
    STORY_EVENT = "story_event"  # the story's day for its happening
    STORY_ONSET = "story_onset"  # a fixed fact of the setting, on the story's onset
    STORY_START = "story_start"  # "initially", "at first": the story's first day
    SO_FAR = "so_far"  # a running total "so far", when its report appeared
    RELATIVE = "relative"  # "three days after the attack"
    RELATIVE_AMBIGUOUS = "relative_ambiguous"  # ... of a happening the story settles
    AWAITING_CONTEXT = "awaiting_context"  # an event figure its report's dates will place
    AWAITING_STORY = "awaiting_story"  # an event figure the story's event dates will place


class Behaviour(StrEnum):
    """How a slot's figure may legitimately move over time."""

    FIXED = "fixed"
    LEVEL = "level"
    TALLY = "tally"


class FindingType(StrEnum):
    CONTRADICTION = "contradiction"
    STALE = "stale"
    REVISION = "revision"
    REGRESSION = "regression"
    SPELLING = "spelling"
    METADATA = "metadata"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


Change = Literal["first", "same", "up", "down", "conflict", "revised"]
"""How a timeline point relates to the one before it."""

Granularity = Literal["instant", "minute", "hour", "day", "week", "month", "season", "year", "span"]


@dataclass(frozen=True)
class InputError:
    """A problem with one input file (or one row of it)."""

    path: str
    message: str
    row: int | None = None

    def describe(self) -> str:
        where = f"{self.path}:{self.row}" if self.row is not None else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Article:
    """One report, as read from the corpus, before any NLP.

    ``published`` is a date, a timestamp (possibly time-zone aware) or None.
    ``published_upper_bound`` holds a "Last Updated"/archive date: the report
    cannot be later than it, but it is not its publication date.
    """

    id: str
    path: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    story: str = "default"
    published: dt.date | dt.datetime | None = None
    published_basis: PublishedBasis = PublishedBasis.UNKNOWN
    published_evidence: str | None = None
    published_upper_bound: dt.date | None = None
    published_candidates: tuple[dt.date, ...] = ()
    row: int | None = None
    line_offset: int = 0

    @property
    def published_date(self) -> dt.date | None:
        if isinstance(self.published, dt.datetime):
            return self.published.date()
        return self.published


@dataclass(frozen=True)
class Quantity:
    """A figure found in text, normalised to an interval.

    ``low``/``high`` are in the canonical unit (``unit``); either may be None
    for an open bound. ``start``/``end`` are character offsets into the text
    that was analysed; ``text`` is the surface form including the qualifier.
    """

    low: float | None
    high: float | None
    qualifier: Qualifier
    start: int
    end: int
    text: str
    unit: str | None = None
    unit_text: str | None = None
    original_low: float | None = None
    original_high: float | None = None
    noun: str | None = None
    totality: bool = False
    number_start: int | None = None
    number_end: int | None = None
    relation: str | None = None


@dataclass(frozen=True)
class DateMention:
    """A date or time expression resolved to a span of days.

    ``start_date``/``end_date`` are inclusive; ``start``/``end`` are character
    offsets. ``anchored`` is False when the expression needed an anchor
    (a weekday, "yesterday", a year-less date) and none was given, in which
    case the dates are None.
    """

    start: int
    end: int
    text: str
    start_date: dt.date | None
    end_date: dt.date | None
    granularity: Granularity
    relative: bool = False
    anchored: bool = True
    time: dt.time | None = None
    part_of_day: str | None = None


@dataclass(frozen=True, slots=True)
class CountValue:
    low: float | None
    high: float | None


@dataclass(frozen=True, slots=True)
class DateValue:
    start: dt.date
    end: dt.date


@dataclass(frozen=True, slots=True)
class NameValue:
    text: str
    canonical: str | None = None


Value = CountValue | DateValue | NameValue


# slots (here and on the values, findings and timeline points): a run holds every
# claim of a corpus (millions at scale); without a __dict__ each takes a fifth of
# the memory (bench/streaming.py).
@dataclass(frozen=True, slots=True)
class Claim:
    """One assertion found in one report.

    ``as_of`` is the day the claim holds; ``as_of_time`` orders same-day
    claims when the report carries a timestamp. ``start``/``end`` are
    character offsets of ``quote`` in the article text; ``line`` is the
    1-based line number in the source file. ``event`` is ``main`` for the
    story's own happening and ``background`` for a figure about another one
    (an earlier disaster, a previous attack): kept, never compared.
    ``superseded`` marks a figure the report itself says was overtaken
    ("local news originally reported that two of the three victims died"):
    kept, never compared. ``group`` says who a count counts when its words narrow
    the whole ("12 children were killed": ``child``; a part, "two women and one
    man died": ``woman``, ``man``), see :mod:`checker.frames`: compared only with
    the same group (slot ``dead/woman``), never with a total; ``frame`` is what
    happened to them, from the slot. ``scope`` names whose or where the figure is
    (the person an age belongs to, the victim of a killing): compared only within
    it. ``doubt`` says why the figure's link to what it counts is not sure ("Ten
    of them died": who "them" are was taken from the sentence before); None when
    it is sure (``confidence``). A finding needs sure figures to be an error.
    ``as_of_basis`` says why the figure holds on ``as_of`` (:class:`AsOfBasis`);
    ``awaits`` is, for an event figure no date of its clause placed, the kind of
    happening (a predicate class: ``killed``, ``released``) whose day placement
    will give it; None once placed.
    """

    id: str
    article_id: str
    story: str
    slot: str
    kind: Kind
    value: Value
    qualifier: Qualifier
    as_of: dt.date | None
    quote: str
    sentence: str
    start: int
    end: int
    unit: str | None = None
    attribution: str | None = None
    hedge: str | None = None
    as_of_basis: AsOfBasis = AsOfBasis.PUBLISHED
    as_of_time: str | None = None
    totality: bool = False
    corrects: bool = False
    line: int | None = None
    event: str = "main"
    superseded: bool = False
    scope: str | None = None
    group: str | None = None
    doubt: str | None = None
    awaits: str | None = None

    @property
    def frame(self) -> str:
        """What the figure is about: killed, held, present, onset, magnitude..."""
        return frame_of(self.kind, self.slot, self.unit)

    @property
    def confidence(self) -> str:
        """``sure``, or ``doubtful`` when the figure was reached through a pronoun, the
        sentence before, or a guess of the event (see ``doubt``)."""
        return "sure" if self.doubt is None else "doubtful"


@dataclass(frozen=True, slots=True)
class Finding:
    """Something wrong in a story.

    ``claim_ids`` lists every claim cited, the odd ones out first;
    ``outliers`` are those odd ones out (empty when no claim is singled out,
    as when two reports disagree and nothing settles which is right) and
    ``outlier_reports`` their reports (for a metadata finding, the report).
    The id depends on these, never on the reports that agree.
    """

    id: str
    type: FindingType
    severity: Severity
    story: str
    slot: str
    claim_ids: tuple[str, ...]
    message: str
    outliers: tuple[str, ...] = ()
    outlier_reports: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    as_of: dt.date | None
    low: float | None
    high: float | None
    claim_ids: tuple[str, ...]
    change: Change = "same"
    start_date: dt.date | None = None
    end_date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Timeline:
    """How one figure of one story moved: its points in ``as_of`` order."""

    story: str
    slot: str
    behaviour: Behaviour
    kind: Kind
    points: tuple[TimelinePoint, ...]


@dataclass(frozen=True)
class Report:
    """What one run found: the reports read, their claims, the findings, the
    timelines and the inputs that could not be read (``errors``), each sorted in
    output order. ``checker check --format json`` writes it
    (``schemas/report.schema.json``)."""

    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    timelines: tuple[Timeline, ...]
    errors: tuple[InputError, ...] = ()

    @property
    def worst_severity(self) -> Severity | None:
        """The highest severity among the findings (None when there are none)."""
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=lambda s: s.rank)
