"""The recogniser table and the scan behind ``find_dates``: overlaps, time + day, shifts."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from checker.extract.dates import calendar_dates as cal
from checker.extract.dates import patterns as p
from checker.extract.dates import relative_dates as rel
from checker.extract.dates.anchoring import Shift, _Cand, _Ctx, _mention
from checker.extract.dates.patterns import _F
from checker.extract.dates.vocabulary import _add_months, _safe_replace_year
from checker.extract.prechecks import Prechecked, fold, precheck
from checker.records import DateMention, Granularity

Reading = DateMention | tuple[DateMention, Shift]


@dataclass(frozen=True)
class Recogniser:
    """One kind of time expression: its pattern, what a match means, and its rank in a tie.

    ``build`` reads one match (None: not a date after all); ``rule`` breaks
    ties between overlapping matches of the same length (the lower wins).
    """

    name: str
    pattern: re.Pattern[str]
    build: Callable[[_Ctx, re.Match[str]], Reading | None]
    rule: int


# Tried in this order; the order also settles equal candidates (same span and rule).
RECOGNISERS: tuple[Recogniser, ...] = (
    Recogniser("iso date", p._RE_ISO, cal.iso_date, 0),
    Recogniser("year-first slash date", p._RE_SLASH_ISO, cal.year_first_slash_date, 0),
    Recogniser("slash date", p._RE_SLASH, cal.slash_date, 0),
    Recogniser("month day year", p._RE_MDY, cal.full_date, 1),
    Recogniser("day month year", p._RE_DMY, cal.full_date, 1),
    Recogniser("holiday", p._RE_HOLIDAY, cal.holiday, 1),
    Recogniser("month day", p._RE_MD, cal.month_day_date, 2),
    Recogniser("day month", p._RE_DM, cal.month_day_date, 2),
    Recogniser("month of a year", p._RE_MY, cal.month_of_year, 3),
    Recogniser("month alone", p._RE_MONTH, cal.month_alone, 4),
    Recogniser("year", p._RE_YEAR, cal.year, 5),
    Recogniser("decade", p._RE_DECADE, cal.decade, 5),
    Recogniser("season of a year", p._RE_SEASON, cal.season_of_year, 6),
    Recogniser("quarter", p._RE_QUARTER, cal.quarter, 6),
    Recogniser("short quarter", p._RE_QSHORT, cal.short_quarter, 6),
    Recogniser("weekday", p._RE_WEEKDAY, rel.weekday, 7),
    Recogniser("relative day", p._RE_RELDAY, rel.relative_day, 8),
    Recogniser("ago", p._RE_AGO, rel.ago, 9),
    Recogniser("relative period", p._RE_REL_PERIOD, rel.relative_period, 10),
    Recogniser("past n units", p._RE_PAST_N, rel.past_n_units, 11),
    Recogniser("clock time", p._RE_TIME, rel.clock_time, 12),
    Recogniser("weekend", p._RE_WEEKEND, rel.weekend, 10),
    Recogniser("part of a period", p._RE_PERIOD_PART, rel.part_of_period, 10),
    Recogniser("short year", p._RE_SHORT_YEAR, cal.short_year, 5),
    Recogniser("discourse shift", p._RE_SHIFT, rel.discourse_shift, 13),
)


@lru_cache(maxsize=1)
def _prechecked() -> tuple[Prechecked, ...]:
    """Each recogniser's pattern with its pre-checks (``prechecks``), derived on first use."""
    return tuple(precheck(r.pattern) for r in RECOGNISERS)


def _scan(ctx: _Ctx) -> Iterator[_Cand]:
    """Every recogniser's readings of ``ctx.text``, in table order, then match order.

    Each pattern is tried only where its pre-checks let it match: the matches of
    ``finditer`` over the whole text (``prechecks`` says why), in a quarter of the time.
    """
    folded = fold(ctx.text)
    for recogniser, pattern in zip(RECOGNISERS, _prechecked(), strict=True):
        for m in pattern.finditer(ctx.text, folded):
            try:
                reading = recogniser.build(ctx, m)
            except (ValueError, OverflowError):
                continue  # a malformed or out-of-range expression ("12:75"): only it is skipped
            if reading is None:
                continue
            mention, shift = reading if isinstance(reading, tuple) else (reading, None)
            yield _Cand(mention.start, mention.end, mention, recogniser.rule, shift)


# --------------------------------------------------------------------------- selection


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest match wins; ties go to the earlier start, then the lower rule."""
    order = sorted(cands, key=lambda c: (-(c.end - c.start), c.start, c.rule))
    taken: list[_Cand] = []
    spans: list[tuple[int, int]] = []
    for c in order:
        if c.end <= c.start:
            continue
        if any(c.start < e and s < c.end for s, e in spans):
            continue
        taken.append(c)
        spans.append((c.start, c.end))
    return sorted(taken, key=lambda c: (c.start, c.end))


_SENT_END = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n")
_TIME_GAP = re.compile(
    r"\s*,?\s*(?:(?:on|at|around|about|approximately|shortly\s+(?:before|after)|just\s+"
    r"(?:before|after)|before|after)\s+)*(?:about\s+|around\s+)?",
    _F,
)
_SHIFT_GAP = re.compile(r"\s*(?:the\s+)?$", _F)


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    lo = 0
    for m in _SENT_END.finditer(text, 0, pos):
        lo = m.end()
    nxt = _SENT_END.search(text, pos)
    return lo, (nxt.start() + 1 if nxt else len(text))


def _post(ctx: _Ctx, sel: list[_Cand]) -> list[DateMention]:
    text = ctx.text
    out: list[DateMention] = []
    merged: set[tuple[int, int]] = set()
    i = 0
    while i < len(sel):
        c = sel[i]
        mn = c.mention
        nxt = sel[i + 1] if i + 1 < len(sel) else None
        # "N days after Dec. 17": a shift followed by a date it can move
        if (
            c.shift is not None
            and nxt is not None
            and nxt.shift is None
            and _TIME_GAP.fullmatch(text, c.end, nxt.start) is not None
            and text[c.start : c.end].lower().split()[-1] in ("after", "before")
            and nxt.mention.start_date is not None
            and nxt.mention.granularity == "day"
        ):
            moved = _shift(nxt.mention.start_date, c.shift)
            if moved is not None:
                out.append(_mention(ctx, c.start, nxt.end, moved, moved, "day", relative=True))
                i += 2
                continue
        # time + day, or day + time: one mention
        if nxt is not None and _TIME_GAP.fullmatch(text, c.end, nxt.start) is not None:
            a, b = mn, nxt.mention
            tm, dy = (a, b) if a.time is not None and b.time is None else (b, a)
            if (
                tm.time is not None
                and dy.time is None
                and dy.granularity == "day"
                and c.shift is None
                and nxt.shift is None
            ):
                merged.add((c.start, nxt.end))
                out.append(
                    replace(
                        dy,
                        start=c.start,
                        end=nxt.end,
                        text=text[c.start : nxt.end],
                        granularity=tm.granularity,
                        time=tm.time,
                    )
                )
                i += 2
                continue
        out.append(mn)
        i += 1
    # discourse shifts and bare clock times take their day from context
    final: list[DateMention] = []
    shift_of = {(c.start, c.end): c.shift for c in sel if c.shift is not None}
    for k, mn in enumerate(out):
        sh = shift_of.get((mn.start, mn.end))
        if sh is not None:
            after = text[mn.end : mn.end + 30]
            # "the day after the attack", "24 days after his arrest": counted from an event
            event_ref = bool(
                re.search(r"\b(?:before|after)$", text[mn.start : mn.end], _F)
                and re.match(r"\s+[\w\"'“]", after)
            )
            ref = None if event_ref else _previous_day(final)
            if ref is not None:
                moved = _shift(ref, sh)
                if moved is not None:
                    g: Granularity = "day" if sh[1] == "day" else "span"
                    lo, hi = moved, moved
                    if sh[1] == "week":
                        lo, hi = moved - dt.timedelta(days=3), moved + dt.timedelta(days=3)
                    final.append(
                        replace(mn, start_date=lo, end_date=hi, granularity=g, anchored=True)
                    )
                    continue
            final.append(mn)
            continue
        if (
            mn.time is not None
            and mn.granularity in ("minute", "hour")
            and mn.relative
            and (mn.start, mn.end) not in merged
        ):
            s_lo, s_hi = _sentence_bounds(text, mn.start)
            days = [
                o
                for o in out[max(0, k - 4) : k + 4]
                if o is not mn
                and o.time is None
                and o.granularity == "day"
                and o.start_date is not None
                and s_lo <= o.start < s_hi
            ]
            if days:
                near = min(days, key=lambda o: abs(o.start - mn.start))
                final.append(
                    replace(
                        mn,
                        start_date=near.start_date,
                        end_date=near.end_date,
                        anchored=True,
                        relative=near.relative,
                    )
                )
                continue
        final.append(mn)
    return final


def _previous_day(done: list[DateMention]) -> dt.date | None:
    for mn in reversed(done):
        if mn.start_date is not None and mn.start_date == mn.end_date:
            return mn.start_date
    return None


def _shift(day: dt.date, sh: tuple[int, str]) -> dt.date | None:
    n, unit = sh
    try:
        if unit == "day":
            return day + dt.timedelta(days=n)
        if unit == "week":
            return day + dt.timedelta(days=7 * n)
        if unit == "month":
            y, mo = _add_months(day.year, day.month, n)
            return dt.date(y, mo, min(day.day, calendar.monthrange(y, mo)[1]))
        return _safe_replace_year(day, day.year + n)
    except (ValueError, OverflowError):
        return None


def find_dates(
    text: str,
    anchor: dt.date | dt.datetime | None = None,
    *,
    story_years: Sequence[int] = (),
) -> list[DateMention]:
    """Every date or time expression in ``text``, ordered by start offset.

    ``anchor`` is the report's publication date (a datetime is reduced to its
    day); ``story_years`` (most common first) stands in for it when deciding
    the year of a year-less date.
    """
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    # the story's years stand in for a missing anchor only (``anchoring._year_for``):
    # with an anchor they change nothing, and leaving them out of the memo's key lets
    # the consistency checks reuse the extraction's scan of the same report
    years = () if anchor is not None else tuple(int(y) for y in story_years if 1 <= int(y) <= 9999)
    return list(_find_dates(text, anchor, years))


@lru_cache(maxsize=64)
def _find_dates(
    text: str, anchor: dt.date | None, years: tuple[int, ...]
) -> tuple[DateMention, ...]:
    """The scan behind :func:`find_dates`, memoised: extraction, publication dating
    and the consistency checks read the same report with the same anchor."""
    ctx = _Ctx(text, anchor, years)
    return tuple(_post(ctx, _select(list(_scan(ctx)))))
