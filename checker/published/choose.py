"""Choosing the publication date: metadata, then the text, then internal evidence, else unknown."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from checker.published.evidence import _explicit_years, _lead_weekday, _pairs
from checker.published.lines import _WEEKDAY_NAMES, TextDate
from checker.published.text_dates import find_text_date, find_upper_bound
from checker.records import PublishedBasis

# Range of years searched when nothing else bounds an inferred date.
EARLIEST_YEAR = 1980
LATEST_YEAR = 2030


@dataclass(frozen=True)
class Inference:
    """A publication date inferred from internal evidence.

    ``date`` is set only when exactly one candidate survives; ``candidates``
    lists every date still possible (sorted), ``evidence`` says why.
    """

    date: dt.date | None
    candidates: tuple[dt.date, ...]
    evidence: str


@dataclass(frozen=True)
class PublishedResult:
    published: dt.date | dt.datetime | None
    basis: PublishedBasis
    evidence: str | None
    upper_bound: dt.date | None
    candidates: tuple[dt.date, ...] = ()


def infer_published(
    text: str,
    *,
    upper_bound: dt.date | None = None,
    story_years: Sequence[int] = (),
    stems: Mapping[str, str] | None = None,
) -> Inference:
    """Place a report in time from its own wording.

    Evidence, in order: a calendar date and an "N days ago" that share their
    trigger verb give the month and day; a weekday in the lead ("early
    Friday") gives the weekday and so the possible years; the upper bound and
    the latest past year the text mentions bound the range; ``story_years``
    (years of the story's other reports) pick among what is left. ``date`` is
    None unless exactly one candidate survives.
    """
    pairs = _pairs(text, stems)
    if not pairs:
        return Inference(None, (), "no internal evidence for the publication date")
    best = pairs[0]
    notes = [
        f"'{best.date_text}' and '{best.ago_text}' share the trigger "
        f"'{', '.join(best.shared)}': the report is {best.days} day(s) after {best.date_text}"
    ]
    seen_years = _explicit_years(text)
    lo_year = max(seen_years) if seen_years else EARLIEST_YEAR
    hi = upper_bound or dt.date(LATEST_YEAR, 12, 31)
    lo = dt.date(lo_year, 1, 1)
    if seen_years:
        notes.append(f"the text mentions {lo_year}, so the report is not earlier")
    if upper_bound is not None:
        notes.append(f"upper bound {upper_bound.isoformat()} rules out later dates")
    years = [best.year] if best.year is not None else list(range(lo.year - 1, hi.year + 1))
    cands: list[dt.date] = []
    for y in years:
        if best.day > calendar.monthrange(y, best.month)[1]:
            continue
        p = dt.date(y, best.month, best.day) + dt.timedelta(days=best.days)
        if lo <= p <= hi:
            cands.append(p)
    cands = sorted(set(cands))
    lead = _lead_weekday(text)
    if lead is not None and cands:
        wd, strong, wtext = lead
        allowed = {wd} if strong else {wd, (wd + 1) % 7}
        kept = [c for c in cands if c.weekday() in allowed]
        if kept:
            cands = kept
            day_names = " or ".join(_WEEKDAY_NAMES[w] for w in sorted(allowed))
            notes.append(f"'{wtext}' in the lead makes the report's day a {day_names}")
    if story_years and len(cands) > 1:
        sy = {int(y) for y in story_years}
        kept = [c for c in cands if c.year in sy]
        if kept:
            cands = kept
            notes.append(f"the story's other reports are from {sorted(sy)}")
    if not cands:
        return Inference(None, (), "; ".join([*notes, "no date satisfies all of this"]))
    if len(cands) == 1:
        notes.append(f"only {cands[0].isoformat()} fits")
        return Inference(cands[0], tuple(cands), "; ".join(notes))
    notes.append("candidates: " + ", ".join(c.isoformat() for c in cands) + " (year not fixed)")
    return Inference(None, tuple(cands), "; ".join(notes))


def _after(year: int, td: TextDate, bound: dt.date) -> bool:
    """The text date in ``year`` falls after ``bound`` (or does not exist)."""
    if td.day > calendar.monthrange(year, td.month)[1]:
        return True
    return dt.date(year, td.month, td.day) > bound


def _fix_text_year(
    td: TextDate, text: str, upper_bound: dt.date | None, story_years: Sequence[int]
) -> tuple[dt.date | None, str]:
    """Year for a year-less dateline: story years, the lead weekday, the upper bound."""
    years: list[int] = []
    if story_years:
        sy = [int(y) for y in story_years]
        if len(sy) >= 2 and abs(sy[0] - sy[1]) == 1:
            a, b = sorted(sy[:2])
            years = [a if td.month >= 7 else b]
        else:
            years = [sy[0]]
        if upper_bound is not None and _after(years[0], td, upper_bound):
            # the report cannot postdate its "Updated" line: the latest year that fits
            fits = [y for y in sorted(set(sy), reverse=True) if not _after(y, td, upper_bound)]
            years = fits[:1] or years
        how = f"year from the story's other reports ({years[0]})"
    else:
        lead = _lead_weekday(text)
        if lead is not None and lead[1]:
            hi = (upper_bound or dt.date(LATEST_YEAR, 12, 31)).year
            years = [
                y
                for y in range(EARLIEST_YEAR, hi + 1)
                if td.day <= calendar.monthrange(y, td.month)[1]
                and dt.date(y, td.month, td.day).weekday() == lead[0]
                and (upper_bound is None or dt.date(y, td.month, td.day) <= upper_bound)
            ]
            how = f"'{lead[2]}' fixes the weekday"
        else:
            how = "no year"
    if len(years) == 1 and td.day <= calendar.monthrange(years[0], td.month)[1]:
        return dt.date(years[0], td.month, td.day), how
    return None, how


def resolve_published(
    meta_published: dt.date | dt.datetime | None,
    text: str,
    *,
    story_years: Sequence[int] = (),
    stems: Mapping[str, str] | None = None,
) -> PublishedResult:
    """Publication date by the order metadata -> text -> inferred -> unknown.

    ``stems`` (from :func:`event_stems`) lets two trigger verbs of one event
    class ("took over", "seized") date the same event.
    """
    upper = find_upper_bound(text)
    if meta_published is not None:
        return PublishedResult(meta_published, PublishedBasis.METADATA, "metadata", upper)
    td = find_text_date(text)
    if td is not None:
        stamp = td.timestamp
        if stamp is not None:
            return PublishedResult(stamp, PublishedBasis.TEXT, td.evidence, upper)
        day, how = _fix_text_year(td, text, upper, story_years)
        if day is not None:
            return PublishedResult(day, PublishedBasis.TEXT, f"{td.evidence} ({how})", upper)
    inf = infer_published(text, upper_bound=upper, story_years=story_years, stems=stems)
    if td is not None and td.year is None:
        # a year-less dateline narrows the inferred candidates to its month and day
        cands = tuple(c for c in inf.candidates if (c.month, c.day) == (td.month, td.day))
        if len(cands) == 1:
            return PublishedResult(
                cands[0], PublishedBasis.TEXT, f"{td.evidence}; {inf.evidence}", upper, cands
            )
    if inf.date is not None:
        return PublishedResult(
            inf.date, PublishedBasis.INFERRED, inf.evidence, upper, inf.candidates
        )
    if inf.candidates:
        return PublishedResult(None, PublishedBasis.INFERRED, inf.evidence, upper, inf.candidates)
    return PublishedResult(None, PublishedBasis.UNKNOWN, inf.evidence, upper)
